//! Embedding in a merchant's page: `mount(element, options)` and the
//! `<hosted-session-view>` custom element. The view lives in an open shadow root (the
//! merchant's CSS cannot reach in, ours cannot leak out), styled by an adopted stylesheet
//! (CSSOM, so no inline `<style>` for a CSP to forbid), themed only through the documented
//! `--sv-*` custom properties, and talks to the page only through DOM events.
pub(crate) mod events;
pub(crate) mod options;
pub(crate) mod resize;

use crate::live::{Controller, LiveOptions, LiveView};
use crate::model;
use events::emit;
use leptos::prelude::*;
use options::MountOptions;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The view's stylesheet, adopted by every shadow root (one parsed copy per page).
const CSS: &str = include_str!("../../style/main.css");

thread_local! {
    static SHEET: Option<web_sys::CssStyleSheet> = web_sys::CssStyleSheet::new().ok().inspect(|s| { let _ = s.replace_sync(CSS); });
}

#[wasm_bindgen(module = "/src/embed/element.js")]
extern "C" {
    #[wasm_bindgen(js_name = defineHostedSessionView)]
    fn define_hosted_session_view(mount: &js_sys::Function);
}

/// Registers `<hosted-session-view>` (once per page).
pub fn define_custom_element() {
    let mount_fn = Closure::<dyn Fn(web_sys::Element, JsValue) -> Result<SessionViewHandle, JsError>>::new(mount);
    define_hosted_session_view(mount_fn.as_ref().unchecked_ref());
    mount_fn.forget(); // lives as long as the page: the element class calls it
}

struct Mounted {
    _view: Box<dyn std::any::Any>,
    ctl: Controller,
    host: web_sys::Element,
    container: web_sys::Element,
    _resize: Option<resize::HeightReporter>,
}

impl Mounted {
    /// Disposes the reactive owner (timers, listeners, requests, DOM) and the container.
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

/// Every mounted view's host element and container, for the crash view. Skips the list
/// if it is borrowed (a panic in the middle of a mount or unmount).
pub(crate) fn mounted_views() -> Vec<(web_sys::Element, web_sys::Element)> {
    MOUNTED.with(|m| m.try_borrow().map(|list| list.iter().map(|(_, v)| (v.host.clone(), v.container.clone())).collect()).unwrap_or_default())
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
        let parsed = parse_js(&config)?;
        let ctl = self.controller().ok_or_else(|| JsError::new("session view: update() after unmount()"))?;
        ctl.update(parsed);
        Ok(())
    }

    /// Reads the session from the API again now.
    pub fn refresh(&self) {
        if let Some(ctl) = self.controller() {
            ctl.refresh();
        }
    }

    /// Removes the view, cancels its timers and requests, and frees it. Idempotent.
    pub fn unmount(&mut self) {
        let id = self.id;
        if let Some(m) = take_mounted(|i, _| i == id) {
            m.remove();
        }
    }
}

impl SessionViewHandle {
    fn controller(&self) -> Option<Controller> {
        MOUNTED.with(|m| m.borrow().iter().find(|(i, _)| *i == self.id).map(|(_, v)| v.ctl))
    }
}

/// A config object from the embedder, read as the JSON text the API would have sent: one
/// `JSON.stringify` and one crossing, rather than one per field (5,000 line items: about 20 %
/// of the mount). Anything `JSON.stringify` refuses (a cycle, a BigInt) is not a config.
fn parse_js(config: &JsValue) -> Result<model::Parsed, JsError> {
    let text = js_sys::JSON::stringify(config).ok().and_then(|t| t.as_string()).ok_or_else(|| JsError::new("session view: config is not a JSON-like object"))?;
    model::parse_json(&text).map_err(|e| JsError::new(&format!("session view: {e}")))
}

/// Mounts the session view into `element`. See `session-view.d.ts` for the options.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, options: JsValue) -> Result<SessionViewHandle, JsError> {
    let opts = MountOptions::read(&options)?;
    let initial = match &opts.config {
        Some(c) => Some(parse_js(c)?),
        None => None,
    };
    if initial.is_none() && opts.endpoint.is_none() {
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
    let container: web_sys::HtmlElement = doc.create_element("div").map_err(|_| JsError::new("session view: cannot create elements"))?.unchecked_into();
    container.set_class_name("sv-host");
    shadow.append_child(&container).map_err(|_| JsError::new("session view: cannot attach the view"))?;

    let slot: Rc<Cell<Option<Controller>>> = Rc::new(Cell::new(None));
    let host = send_wrapper::SendWrapper::new(element.clone());
    let ctl_for_events = send_wrapper::SendWrapper::new(slot.clone());
    let (endpoint, poll_ms, timeout_ms, embedder_confirms, locale) = (opts.endpoint, opts.poll_ms, opts.timeout_ms, opts.handle_confirm, opts.locale);
    let slot_in = slot.clone();
    let view = leptos::mount::mount_to(container.clone(), move || {
        // Made inside the view's owner, so unmount() disposes it (and the host it holds).
        let on_event = Callback::new(move |event| emit(&host, &ctl_for_events, &event));
        let ctl = Controller::new(LiveOptions { endpoint, initial, poll_ms, timeout_ms, embedder_confirms, on_event: Some(on_event) });
        slot_in.set(Some(ctl));
        view! { <LiveView ctl locale=locale/> }
    });
    let ctl = slot.get().ok_or_else(|| JsError::new("session view: mount failed"))?;
    let resize = opts.parent_origin.and_then(|origin| resize::HeightReporter::start(&container, origin));
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    });
    let mounted = Mounted { _view: Box::new(view), ctl, host: element, container: container.into(), _resize: resize };
    MOUNTED.with(|m| m.borrow_mut().push((id, mounted)));
    Ok(SessionViewHandle { id })
}
