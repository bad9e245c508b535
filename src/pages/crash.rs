//! If a panic happens anyway (none should: `unwrap`, `expect`, `panic!` and panicking
//! indexing are denied in this crate, but a dependency may still panic), the payer gets a
//! calm message in place of the view, never a frozen or blank checkout; inside an embedded
//! view's frame, the merchant's page hears an `error` event with code `crashed`. The hook touches only the DOM
//! (the reactive runtime may be mid-update), runs once, and logs no panic payload: a payload
//! could hold data from the page.
use crate::i18n::Msg;
use std::cell::Cell;
use wasm_bindgen::JsValue;

thread_local! {
    static CRASHED: Cell<bool> = const { Cell::new(false) };
}

/// Installs the panic hook (once per page; the last caller wins, which is always this one).
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let place = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        web_sys::console::error_1(&JsValue::from_str(&format!("session view: internal error{place}; the view was replaced by a message")));
        show();
    }));
}

/// Replaces the view with the calm message and tells the embedder, if any. Runs once.
pub fn show() {
    if CRASHED.with(|c| c.replace(true)) {
        return;
    }
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    // Inside the embedded view's frame: the merchant's page hears it over the port.
    crate::pages::frame::tell_crashed();
    // The whole body of our page: the hosted checkout or demo gallery ("go back to the
    // merchant"), or the frame inside a merchant's page ("reload the page").
    if let Some(page) = crate::platform::browser::meta("session-view-page") {
        if let (Some(body), Some(message)) = (doc.body(), message(&doc, page == "frame")) {
            body.replace_children_with_node_1(&message);
        }
    }
}

/// The message: what happened, that nothing was charged, and the way forward.
fn message(doc: &web_sys::Document, embedded: bool) -> Option<web_sys::Element> {
    let el = |tag: &str, class: &str, text: Option<&str>| -> Option<web_sys::Element> {
        let e = doc.create_element(tag).ok()?;
        e.set_class_name(class);
        if let Some(t) = text {
            e.set_text_content(Some(t));
        }
        Some(e)
    };
    // In the last view's language.
    let lang = crate::view::last_lang();
    let root = el("div", if embedded { "sv sv--embedded" } else { "sv sv--hosted" }, None)?;
    root.set_attribute("lang", lang.tag()).ok()?;
    root.set_attribute("dir", lang.dir()).ok()?;
    let main = el("main", "sv-main sv-problem", None)?;
    main.set_attribute("role", "alert").ok()?;
    main.set_attribute("data-testid", "crashed").ok()?;
    let heading = el("h1", "sv-heading", Some(lang.text(Msg::CrashTitle)))?;
    main.append_child(&heading).ok()?;
    let charged = el("p", "", Some(lang.text(Msg::CrashNothingSent)))?;
    main.append_child(&charged).ok()?;
    let next = lang.text(if embedded { Msg::CrashReload } else { Msg::CrashGoBack });
    let next = el("p", "", Some(next))?;
    main.append_child(&next).ok()?;
    root.append_child(&main).ok()?;
    Some(root)
}
