//! The merchant's module (`session-view.js`): `mount(element, options)` and the
//! `<hosted-session-view>` custom element, on a merchant's page.
//!
//! The merchant's page gets an open shadow root holding one `<iframe>` of the view's own
//! origin (`frame.html`): the whole view, its card and bank fields, one-time codes and every
//! request that carries them or the session credential run there, out of reach of the
//! merchant's scripts (issue #18). The two sides talk only through the core's
//! [`embedding`](session_view_core::embedding) protocol: options in once, `update()`/`refresh()`
//! in, height and the documented DOM events out. This module is that side alone: no view, no
//! Leptos, so a merchant page does not download the payer's module to make a frame.
//! - [`host`]: the frame and its channel;
//! - [`options`]: the options, read and checked so a mistake throws from `mount()`;
//! - [`events`]: the DOM events on the host element.
mod events;
mod host;
mod options;

use options::MountOptions;
use session_view_core::{i18n, model};
use session_view_dom::HeightReporter;
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The shadow root's stylesheet: the frame fills the host's width, and takes the height the
/// view inside it reports. Nothing of the merchant's CSS reaches into the frame.
const CSS: &str = ":host{display:block}.sv-host{all:initial;display:block}.sv-frame{display:block;width:100%;height:0;border:0;margin:0;padding:0;color-scheme:normal}\
.sv-frame-problem{display:block;padding:1rem;border:1px solid;border-radius:8px;font:16px/1.5 system-ui,sans-serif}.sv-frame-problem p{margin:.25rem 0 .75rem}\
.sv-frame-problem button{font:inherit;min-height:44px;padding:.5rem 1rem;cursor:pointer}.sv-frame-problem button:focus-visible{outline:3px solid;outline-offset:2px}";

thread_local! {
    static SHEET: Option<web_sys::CssStyleSheet> = web_sys::CssStyleSheet::new().ok().inspect(|s| { let _ = s.replace_sync(CSS); });
}

#[wasm_bindgen(module = "/src/element.js")]
extern "C" {
    #[wasm_bindgen(js_name = defineHostedSessionView)]
    fn define_hosted_session_view(mount: &js_sys::Function);
}

/// Runs when the module starts (`await init()`): registers `<hosted-session-view>`.
fn main() {
    let mount_fn = Closure::<dyn Fn(web_sys::Element, JsValue) -> Result<SessionViewHandle, JsError>>::new(mount);
    define_hosted_session_view(mount_fn.as_ref().unchecked_ref());
    mount_fn.forget(); // lives as long as the page: the element class calls it
}

struct Mounted {
    frame: host::FrameHost,
    host: web_sys::Element,
    container: web_sys::Element,
    _resize: Option<HeightReporter>,
}

impl Mounted {
    /// Removes the frame (and so everything that ran in it) and the container.
    fn remove(self) {
        let container = self.container.clone();
        drop(self);
        container.remove();
    }
}

thread_local! {
    /// Mounted views, kept until `unmount()`: a handle the page drops (and the JS garbage
    /// collector finalises) must not take the payer's checkout away with it.
    static MOUNTED: std::cell::RefCell<Vec<(u32, Mounted)>> = const { std::cell::RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

fn take_mounted(pred: impl Fn(u32, &Mounted) -> bool) -> Option<Mounted> {
    MOUNTED.with(|m| {
        let mut list = m.borrow_mut();
        let i = list.iter().position(|(id, v)| pred(*id, v))?;
        Some(list.swap_remove(i).1)
    })
}

/// What `mount` returns: `update(config)`, `refresh()`, `unmount()`. Dropping or freeing
/// it leaves the view in place; only `unmount()` removes it.
#[wasm_bindgen]
pub struct SessionViewHandle {
    id: u32,
}

#[wasm_bindgen]
impl SessionViewHandle {
    /// Shows `config` (a session config object) in place, keeping what the payer typed.
    /// Throws, and keeps the current view, when `config` is not an object.
    pub fn update(&self, config: JsValue) -> Result<(), JsError> {
        let text = config_text(&config)?;
        let id = self.id;
        MOUNTED
            .with(|m| m.borrow().iter().find(|(i, _)| *i == id).map(|(_, v)| v.frame.update(text)))
            .ok_or_else(|| JsError::new("session view: update() after unmount()"))
    }

    /// Reads the session from the API again now.
    pub fn refresh(&self) {
        let id = self.id;
        MOUNTED.with(|m| m.borrow().iter().find(|(i, _)| *i == id).map(|(_, v)| v.frame.refresh()));
    }

    /// Removes the view, cancels its timers and requests, and frees it. Idempotent.
    pub fn unmount(&mut self) {
        let id = self.id;
        if let Some(m) = take_mounted(|i, _| i == id) {
            m.remove();
        }
    }
}

/// A config object from the embedder, read as the JSON text the API would have sent (one
/// `JSON.stringify`, one crossing). Anything `JSON.stringify` refuses (a cycle, a BigInt) or
/// that is not an object throws from the call; the frame reads the rest as it reads the API's
/// answer (every field optional, a bad one ignored with a warning), so a JSON parser is not
/// needed here. Only the text's first byte is looked at: `JSON.stringify` of an object
/// always starts with `{`.
fn config_text(config: &JsValue) -> Result<String, JsError> {
    let text = js_sys::JSON::stringify(config)
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| JsError::new("session view: config is not a JSON-like object"))?;
    if !text.starts_with('{') {
        return Err(JsError::new(&format!("session view: {}", model::ConfigError::NotAnObject)));
    }
    Ok(text)
}

/// Mounts the session view into `element`. See `session-view.d.ts` for the options.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, options: JsValue) -> Result<SessionViewHandle, JsError> {
    let mut opts = MountOptions::read(&options)?;
    opts.init.config = opts.config.as_ref().map(config_text).transpose()?;
    if opts.init.config.is_none() && opts.init.session_id.is_none() {
        return Err(JsError::new("session view: give `sessionId` (and `credential`) or `config`"));
    }
    // A second mount on the same element replaces the first.
    while let Some(previous) = take_mounted(|_, v| v.host == element) {
        previous.remove();
    }
    opts.apply_appearance(&element);
    let shadow = match element.shadow_root() {
        Some(root) => root,
        None => element
            .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
            .map_err(|_| JsError::new("session view: this element cannot host a shadow root"))?,
    };
    SHEET.with(|sheet| {
        if let Some(sheet) = sheet {
            let _ = js_sys::Reflect::set(&shadow, &"adoptedStyleSheets".into(), &js_sys::Array::of1(sheet));
        }
    });
    let doc = web_sys::window().and_then(|w| w.document()).ok_or_else(|| JsError::new("session view: no document"))?;
    let container: web_sys::Element = doc.create_element("div").map_err(|_| JsError::new("session view: cannot create elements"))?;
    container.set_class_name("sv-host");
    shadow.append_child(&container).map_err(|_| JsError::new("session view: cannot attach the view"))?;
    // The view's language (its frame's title and the "couldn't reach" panel are in it).
    let lang = i18n::wanted(opts.init.locale.as_deref(), &session_view_dom::languages());
    let frame = host::FrameHost::open(&element, &container, opts.init, lang)?;
    let resize = opts.parent_origin.and_then(|origin| HeightReporter::start(&container, origin));
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    });
    MOUNTED.with(|m| m.borrow_mut().push((id, Mounted { frame, host: element, container, _resize: resize })));
    Ok(SessionViewHandle { id })
}
