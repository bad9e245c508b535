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
//! - forwards `update()` and `refresh()` as [`ToFrame`] messages;
//! - if the frame never speaks (blocked by this page's `frame-src` or by the frame page's
//!   `frame-ancestors`, or offline), shows the payer a calm message with "Try again" in its
//!   place after the request timeout, and dispatches `error` with code `unreachable`.
use crate::events;
use session_view_core::embedding::{Detail, FromFrame, Init, ToFrame, INIT_TYPE};
use session_view_core::i18n::Lang;
use session_view_dom::{warn, Timeout};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(module = "/src/element.js")]
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
    watchdog: Rc<Watchdog>,
}

/// Waits for the frame's first word; without one in time, puts the calm message in its place.
struct Watchdog {
    heard: Cell<bool>,
    timer: RefCell<Option<Timeout>>,
    on_timeout: RefCell<Option<Closure<dyn FnMut()>>>,
    on_retry: RefCell<Option<Closure<dyn FnMut()>>>,
    problem: RefCell<Option<web_sys::Element>>,
}

impl Watchdog {
    fn arm(&self, ms: i32) {
        let fire = self.on_timeout.borrow().as_ref().map(|f| f.as_ref().unchecked_ref::<js_sys::Function>().clone());
        *self.timer.borrow_mut() = fire.and_then(|f| {
            Timeout::new(ms, move || {
                let _ = f.call0(&wasm_bindgen::JsValue::NULL);
            })
        });
    }

    fn disarm(&self) {
        self.timer.borrow_mut().take();
    }
}

/// The message shown in place of a frame that never answered: the same words as the hosted
/// page's "couldn't reach" problem, in the view's language, with "Try again".
fn problem_panel(doc: &web_sys::Document, lang: Lang, retry: &js_sys::Function) -> Option<web_sys::Element> {
    let texts = lang.frame_texts();
    let el = |tag: &str, text: Option<&str>| -> Option<web_sys::Element> {
        let e = doc.create_element(tag).ok()?;
        e.set_text_content(text);
        Some(e)
    };
    let panel = el("section", None)?;
    panel.set_class_name("sv-frame-problem");
    panel.set_attribute("role", "alert").ok()?;
    panel.set_attribute("lang", lang.tag()).ok()?;
    panel.set_attribute("dir", lang.dir()).ok()?;
    panel.set_attribute("data-testid", "frame-problem").ok()?;
    let (title, body) = (el("strong", Some(texts.unreachable_title))?, el("p", Some(texts.unreachable_body))?);
    panel.append_child(&title).ok()?;
    panel.append_child(&body).ok()?;
    let button = el("button", Some(texts.try_again))?;
    button.set_attribute("type", "button").ok()?;
    button.add_event_listener_with_callback("click", retry).ok()?;
    panel.append_child(&button).ok()?;
    Some(panel)
}

fn post(port: &web_sys::MessagePort, message: &ToFrame) {
    if let Ok(text) = serde_json::to_string(message) {
        let _ = port.post_message(&JsValue::from(text));
    }
}

/// What the frame says, applied: the iframe's height, or an event on `host`.
fn on_frame_message(host: &web_sys::Element, iframe: &web_sys::HtmlIFrameElement, watchdog: &Watchdog, data: JsValue) {
    let Some(message) = data.as_string().as_deref().and_then(FromFrame::read) else { return };
    watchdog.heard.set(true);
    watchdog.disarm();
    // A frame that answers after all (a very slow network) takes its place back.
    if let Some(panel) = watchdog.problem.borrow_mut().take() {
        panel.remove();
        let _ = iframe.style().remove_property("display");
    }
    match message {
        FromFrame::Height { height } => {
            let _ = iframe.style().set_property("height", &format!("{height}px"));
        }
        FromFrame::Event { name, detail } => events::dispatch(host, &name, &detail),
    }
}

impl FrameHost {
    /// Creates the iframe in `container` and starts talking to it once it has loaded.
    /// Its accessible name and the "couldn't reach" panel are in `lang`.
    pub fn open(host: &web_sys::Element, container: &web_sys::Element, init: Init, lang: Lang) -> Result<Self, JsError> {
        let timeout_ms = init.timeout_ms;
        let doc = web_sys::window().and_then(|w| w.document()).ok_or_else(|| JsError::new("session view: no document"))?;
        let iframe: web_sys::HtmlIFrameElement =
            doc.create_element("iframe").map_err(|_| JsError::new("session view: cannot create elements"))?.unchecked_into();
        let src = frame_url();
        let origin = web_sys::Url::new(&src).map(|u| u.origin()).map_err(|_| JsError::new("session view: cannot find the view's frame"))?;
        iframe.set_src(&src);
        iframe.set_title(lang.frame_texts().checkout);
        // Web OTP inside a cross-origin frame needs the embedder's permission.
        let _ = iframe.set_attribute("allow", "otp-credentials");
        iframe.set_class_name("sv-frame");
        let state = Rc::new(RefCell::new(State { init, channel: None }));
        let watchdog = Rc::new(Watchdog {
            heard: Cell::new(false),
            timer: RefCell::new(None),
            on_timeout: RefCell::new(None),
            on_retry: RefCell::new(None),
            problem: RefCell::new(None),
        });
        let (for_load, frame, host_for_load, dog) = (state.clone(), iframe.clone(), host.clone(), watchdog.clone());
        let on_load = Closure::<dyn FnMut()>::new(move || {
            let Some(window) = frame.content_window() else { return };
            let Ok(channel) = web_sys::MessageChannel::new() else { return };
            let port = channel.port1();
            let (host, frame, dog) = (host_for_load.clone(), frame.clone(), dog.clone());
            let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                on_frame_message(&host, &frame, &dog, e.data())
            });
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
        iframe
            .add_event_listener_with_callback("load", on_load.as_ref().unchecked_ref())
            .map_err(|_| JsError::new("session view: cannot attach the view"))?;
        container.append_child(&iframe).map_err(|_| JsError::new("session view: cannot attach the view"))?;
        // Weak references: the closures live in the watchdog, which must not keep itself alive.
        let (weak, frame, host, box_) = (Rc::downgrade(&watchdog), iframe.clone(), host.clone(), container.clone());
        let on_timeout = Closure::<dyn FnMut()>::new(move || {
            let Some(dog) = weak.upgrade() else { return };
            if dog.heard.get() || dog.problem.borrow().is_some() {
                return;
            }
            warn("session view: the view's frame did not answer in time; is this page's origin in frame.html's frame-ancestors, and the view's origin in this page's frame-src?");
            let retry = dog.on_retry.borrow();
            let panel = web_sys::window()
                .and_then(|w| w.document())
                .zip(retry.as_ref())
                .and_then(|(doc, r)| problem_panel(&doc, lang, r.as_ref().unchecked_ref()));
            if let Some(panel) = panel {
                let _ = frame.style().set_property("display", "none");
                let _ = box_.append_child(&panel);
                *dog.problem.borrow_mut() = Some(panel);
            }
            events::dispatch(&host, "error", &Detail { code: Some("unreachable".to_owned()), ..Default::default() });
        });
        let (weak, frame) = (Rc::downgrade(&watchdog), iframe.clone());
        let on_retry = Closure::<dyn FnMut()>::new(move || {
            let Some(dog) = weak.upgrade() else { return };
            if let Some(panel) = dog.problem.borrow_mut().take() {
                panel.remove();
            }
            let _ = frame.style().remove_property("display");
            frame.set_src(&frame.src()); // loads the frame again; its load posts a fresh init
            dog.arm(timeout_ms);
        });
        *watchdog.on_timeout.borrow_mut() = Some(on_timeout);
        *watchdog.on_retry.borrow_mut() = Some(on_retry);
        watchdog.arm(timeout_ms);
        Ok(FrameHost { iframe, state, on_load, watchdog })
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
        self.watchdog.disarm();
        let _ = self.iframe.remove_event_listener_with_callback("load", self.on_load.as_ref().unchecked_ref());
        self.state.borrow_mut().channel = None;
        self.iframe.remove();
    }
}
