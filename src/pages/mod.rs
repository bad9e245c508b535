//! The pages that start a view: with `?session=cs_…` in its URL, the hosted checkout page;
//! without, the demo gallery for frontend developers (no backend needed): demo or live is
//! chosen here, once, by that parameter. `frame.html` starts [`frame`], the embedded view's
//! frame; [`crash`] is the calm message over all of them.
pub mod crash;
pub mod frame;
mod gallery;
mod hosted;

use leptos::prelude::*;

pub use gallery::DemoGallery;
pub use hosted::HostedPage;

/// The page's language: `?locale=` (a merchant linking to the hosted page may set it), else
/// the browser's. The whole document follows it (`<html lang dir>`, the title).
fn page_language() -> crate::view::ViewCtx {
    let cx = crate::view::ViewCtx::new(crate::platform::browser::query_param("locale"));
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if let Some(html) = doc.document_element() {
            let _ = html.set_attribute("lang", cx.lang.tag());
            let _ = html.set_attribute("dir", cx.lang.dir());
        }
        doc.set_title(cx.text(crate::i18n::Msg::Checkout));
    }
    cx
}

crate::platform::chunk::split!(
    gallery,
    /// The demo gallery, for frontend developers: its code and demo sessions are a chunk of
    /// their own, never in a payer's download.
    fn gallery(cx: crate::view::ViewCtx) -> Result<(), crate::platform::chunk::ChunkFailed> {
        leptos::mount::mount_to_body(move || {
            provide_context(cx);
            view! { <DemoGallery/> }
        });
        Ok(())
    }
);

crate::platform::chunk::split!(
    frame,
    fn frame() -> Result<(), crate::platform::chunk::ChunkFailed> {
        crate::pages::frame::start();
        Ok(())
    }
);

/// The gallery, or its calm alert with Try again until it arrives.
async fn gallery_page(cx: crate::view::ViewCtx) {
    let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) else { return };
    let Some(doc) = body.owner_document() else { return };
    let prefix = cx.prefix();
    let words = crate::first_paint::Words { lang: cx.lang, locale: cx.locale, prefix: &prefix };
    while gallery(cx).await.is_err() {
        crate::platform::browser::warn("session-view: the gallery part did not load (network, blocker or integrity)");
        crate::first_paint::part_unavailable(&doc, words, &body, "gallery").await;
    }
}

/// Entry point of the wasm module, on our own pages, which say so with
/// `<meta name="session-view-page">`: it starts the hosted checkout page (`?session=`), the
/// demo gallery (without), or, where the marker says `frame`, the embedded view's frame
/// (`frame.html`, which waits for a merchant page's `mount()`). Merchant pages load the
/// merchant's module (`packages/session-view`, `session-view.js`) instead; this one does nothing without
/// the marker. The main module itself links no Leptos: the page's first paint is drawn by
/// `crate::first_paint`, and each page's Leptos view is a chunk (issue #14).
pub fn start() {
    crate::pages::crash::install();
    let page = crate::platform::browser::meta("session-view-page");
    // Our own pages render with Leptos (its static templates go through the `default`
    // policy); without the marker the module renders nothing and takes no policy name.
    if page.is_some() {
        crate::platform::browser::install_trusted_types();
    }
    match page.as_deref() {
        // The frame's own code is a chunk too (the hosted page never needs it). If it cannot
        // arrive, the frame stays silent and the merchant page's watchdog shows the calm
        // "couldn't reach" panel with Try again (packages/session-view).
        Some("frame") => wasm_bindgen_futures::spawn_local(async {
            if frame().await.is_err() {
                crate::platform::browser::warn("session-view: the frame's code did not load (network, blocker or integrity)");
            }
        }),
        // The payer's language arrives first (a chunk of its own), so the first paint is in it.
        Some(_) => wasm_bindgen_futures::spawn_local(async {
            crate::view::ViewCtx::load_language(crate::platform::browser::query_param("locale")).await;
            let cx = page_language();
            match crate::platform::browser::query_param("session") {
                Some(session) => hosted::start(cx, session).await,
                None => gallery_page(cx).await,
            }
        }),
        None => {}
    }
}
