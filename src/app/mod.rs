//! The page: with `?session=cs_…` in its URL it is the hosted checkout page; without, the
//! demo gallery for frontend developers (no backend needed).
mod gallery;
mod hosted;

use leptos::prelude::*;

pub use gallery::DemoGallery;
pub use hosted::HostedPage;

/// Query parameter `name` of the current page URL.
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()?.get(name)
}

/// The page's language: `?locale=` (a merchant linking to the hosted page may set it), else
/// the browser's. The whole document follows it (`<html lang dir>`, the title).
fn page_language() -> crate::view::ViewCtx {
    let cx = crate::view::ViewCtx::new(query_param("locale"));
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if let Some(html) = doc.document_element() {
            let _ = html.set_attribute("lang", cx.lang.tag());
            let _ = html.set_attribute("dir", cx.lang.dir());
        }
        doc.set_title(cx.text(crate::i18n::Msg::Checkout));
    }
    cx
}

crate::chunk::split!(
    gallery,
    fn gallery() -> Result<AnyView, crate::chunk::ChunkFailed> {
        Ok(view! { <DemoGallery/> }.into_any())
    }
);

crate::chunk::split!(
    frame,
    fn frame() -> Result<(), crate::chunk::ChunkFailed> {
        crate::embed::frame::start();
        Ok(())
    }
);

#[component]
pub fn App() -> impl IntoView {
    provide_context(page_language());
    match query_param("session") {
        Some(session) => view! { <HostedPage session/> }.into_any(),
        // The gallery is for frontend developers: its code and demo sessions are a chunk of
        // their own, never in a payer's download.
        None => crate::view::lazy_part("gallery", gallery).into_any(),
    }
}

/// Entry point of the wasm module, on our own pages, which say so with
/// `<meta name="session-view-page">`: it starts the page app (hosted checkout or demo
/// gallery), or, where the marker says `frame`, the embedded view's frame (`frame.html`,
/// which waits for a merchant page's `mount()`). Merchant pages load the merchant's module
/// (`crates/embed`, `session-view.js`) instead; this one does nothing without the marker.
pub fn start() {
    crate::crash::install();
    let page = crate::browser::meta("session-view-page");
    // Our own pages render with Leptos (its static templates go through the `default`
    // policy); without the marker the module renders nothing and takes no policy name.
    if page.is_some() {
        crate::browser::install_trusted_types();
    }
    match page.as_deref() {
        // The frame's own code is a chunk too (the hosted page never needs it). If it cannot
        // arrive, the frame stays silent and the merchant page's watchdog shows the calm
        // "couldn't reach" panel with Try again (src/embed/host.rs).
        Some("frame") => wasm_bindgen_futures::spawn_local(async {
            if frame().await.is_err() {
                crate::browser::warn("session-view: the frame's code did not load (network, blocker or integrity)");
            }
        }),
        // The payer's language arrives first (a chunk of its own), so the first paint is in it.
        Some(_) => wasm_bindgen_futures::spawn_local(async {
            crate::view::ViewCtx::load_language(query_param("locale")).await;
            leptos::mount::mount_to_body(App)
        }),
        None => {}
    }
}
