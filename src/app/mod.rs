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

/// Logs the model's warnings (field names only, never values).
pub fn log_warnings(warnings: &[crate::model::Warning]) {
    for w in warnings {
        crate::browser::warn(&w.to_string());
    }
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
        doc.set_title(cx.t(crate::i18n::Msg::Checkout));
    }
    cx
}

#[component]
pub fn App() -> impl IntoView {
    provide_context(page_language());
    match query_param("session") {
        Some(session) => view! { <HostedPage session/> }.into_any(),
        None => view! { <DemoGallery/> }.into_any(),
    }
}

/// Entry point of the wasm module. It always registers `<hosted-session-view>`. On our own
/// pages, which say so with `<meta name="session-view-page">`, it starts the page app
/// (hosted checkout or demo gallery), or, where the marker says `frame`, the embedded view's
/// frame (`frame.html`, which waits for a merchant page's `mount()`). On a merchant's page
/// nothing else happens until the merchant calls `mount()` or uses the element.
pub fn start() {
    crate::crash::install();
    crate::embed::define_custom_element();
    let page = crate::browser::meta("session-view-page");
    // Only our own pages render with Leptos (its static templates go through the `default`
    // policy); on a merchant's page the module only makes the frame, and takes no policy name.
    if page.is_some() {
        crate::browser::install_trusted_types();
    }
    match page.as_deref() {
        Some("frame") => crate::embed::frame::start(),
        Some(_) => leptos::mount::mount_to_body(App),
        None => {}
    }
}
