//! The merchant's side of an embedded view: an `<iframe>` of the view's own origin
//! (`frame.html`) in the host's shadow root, and the one channel to it.
//!
//! Everything that carries payment secrets (the card, bank and one-time-code fields, and the
//! confirm, wallet and challenge requests with the session credential) runs in that frame,
//! a browsing context the merchant's scripts cannot reach (issue #18). This side only:
//! - posts one [`Init`] to the frame's window, to the frame's exact origin, with a fresh
//!   `MessagePort` (again after each load of the frame: a reloaded frame is a new document);
//! - listens on that port alone, never on the page's `message` event, so no other window
//!   can speak for the frame; it reads only [`FromFrame`] messages: the height, which it gives
//!   the iframe, and the documented events, which it dispatches on the host element;
//! - forwards `update()` and `refresh()` as [`ToFrame`] messages.
use super::events;
use super::protocol::{FromFrame, Init, ToFrame, INIT_TYPE};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(module = "/src/embed/element.js")]
extern "C" {
    /// `frame.html` of the release this module belongs to.
    #[wasm_bindgen(js_name = frameUrl)]
    fn frame_url() -> String;
}

struct Channel {
    port: web_sys::MessagePort,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

impl Drop for Channel {
    fn drop(&mut self) {
        self.port.set_onmessage(None);
        self.port.close();
    }
}

struct State {
    /// What the frame is told when it (re)loads: kept current by `update()`.
    init: Init,
    channel: Option<Channel>,
}

pub struct FrameHost {
    iframe: web_sys::HtmlIFrameElement,
    state: Rc<RefCell<State>>,
    on_load: Closure<dyn FnMut()>,
}

fn post(port: &web_sys::MessagePort, message: &ToFrame) {
    if let Ok(text) = serde_json::to_string(message) {
        let _ = port.post_message(&JsValue::from(text));
    }
}

/// What the frame says, applied: the iframe's height, or an event on `host`.
fn on_frame_message(host: &web_sys::Element, iframe: &web_sys::HtmlIFrameElement, data: JsValue) {
    let Some(message) = data.as_string().as_deref().and_then(FromFrame::read) else { return };
    match message {
        FromFrame::Height { height } => {
            let _ = iframe.style().set_property("height", &format!("{height}px"));
        }
        FromFrame::Event { name, detail } => events::dispatch(host, &name, &events::to_js(&detail)),
    }
}

impl FrameHost {
    /// Creates the iframe in `container` and starts talking to it once it has loaded.
    /// `title` is the frame's accessible name.
    pub fn open(host: &web_sys::Element, container: &web_sys::Element, init: Init, title: &str) -> Result<Self, JsError> {
        let doc = web_sys::window().and_then(|w| w.document()).ok_or_else(|| JsError::new("session view: no document"))?;
        let iframe: web_sys::HtmlIFrameElement = doc.create_element("iframe").map_err(|_| JsError::new("session view: cannot create elements"))?.unchecked_into();
        let src = frame_url();
        let origin = web_sys::Url::new(&src).map(|u| u.origin()).map_err(|_| JsError::new("session view: cannot find the view's frame"))?;
        iframe.set_src(&src);
        iframe.set_title(title);
        // Web OTP inside a cross-origin frame needs the embedder's permission.
        let _ = iframe.set_attribute("allow", "otp-credentials");
        iframe.set_class_name("sv-frame");
        let state = Rc::new(RefCell::new(State { init, channel: None }));
        let (for_load, frame, host) = (state.clone(), iframe.clone(), host.clone());
        let on_load = Closure::<dyn FnMut()>::new(move || {
            let Some(window) = frame.content_window() else { return };
            let Ok(channel) = web_sys::MessageChannel::new() else { return };
            let port = channel.port1();
            let (host, frame) = (host.clone(), frame.clone());
            let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| on_frame_message(&host, &frame, e.data()));
            port.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            let mut state = for_load.borrow_mut();
            let Ok(text) = serde_json::to_string(&state.init) else { return };
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &INIT_TYPE.into());
            let _ = js_sys::Reflect::set(&message, &"init".into(), &text.into());
            // To the frame's exact origin: if it is showing anything else, nothing is sent.
            if window.post_message_with_transfer(&message, &origin, &js_sys::Array::of1(&channel.port2())).is_ok() {
                state.channel = Some(Channel { port, _on_message: on_message });
            }
        });
        iframe.add_event_listener_with_callback("load", on_load.as_ref().unchecked_ref()).map_err(|_| JsError::new("session view: cannot attach the view"))?;
        container.append_child(&iframe).map_err(|_| JsError::new("session view: cannot attach the view"))?;
        Ok(FrameHost { iframe, state, on_load })
    }

    /// Shows `config` (JSON text, already checked) in the frame, now or when it is ready.
    pub fn update(&self, config: String) {
        let mut state = self.state.borrow_mut();
        if let Some(channel) = &state.channel {
            post(&channel.port, &ToFrame::Update { config: config.clone() });
        }
        state.init.config = Some(config);
    }

    /// Asks the frame to read the session from the API again (once it is running).
    pub fn refresh(&self) {
        if let Some(channel) = &self.state.borrow().channel {
            post(&channel.port, &ToFrame::Refresh);
        }
    }
}

impl Drop for FrameHost {
    fn drop(&mut self) {
        let _ = self.iframe.remove_event_listener_with_callback("load", self.on_load.as_ref().unchecked_ref());
        self.state.borrow_mut().channel = None;
        self.iframe.remove();
    }
}
