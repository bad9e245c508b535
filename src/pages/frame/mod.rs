//! The frame's side of an embedded view: `frame.html`, a page of the view's own origin that
//! a merchant's page frames through `mount()` (the merchant's module, `packages/session-view`). Here, out of the
//! merchant's reach, live the fields the payer types secrets into and the requests that carry
//! them with the session credential.
//!
//! `boot.js` keeps the first init message from the parent window (with its port) until this
//! module starts; the frame checks every option again, as it trusts no sender:
//! - the API is this deployment's own (`<meta name="session-view-api-base">`, else this
//!   origin). A merchant's `apiBase` must name that one: a page that could point the frame
//!   at another server could have the payer's card sent there;
//! - appearance variables, poll interval and timeout are checked as `mount()` checks them.
//!
//! It answers only over the port: the height when it changes and the documented events
//! ([`events`]: what the frame tells the merchant's page).
mod events;

use crate::embedding::{Detail, FromFrame, Init, ToFrame};
use crate::i18n::Msg;
use crate::model;
use crate::platform::api::Endpoint;
use crate::platform::browser;
use crate::session::{Controller, LiveOptions, LiveView, SessionEvent, TIMEOUT_MS};
use crate::view::{KeptInput, PayState, Problem, ProblemKind, ViewCtx};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// The port to the merchant's page, once the init message has come.
    static PORT: RefCell<Option<web_sys::MessagePort>> = const { RefCell::new(None) };
}

fn tell(message: &FromFrame) {
    if let Ok(text) = serde_json::to_string(message) {
        post(&text);
    }
}

/// Posts a serialised message to the merchant's page, if a port is open.
fn post(text: &str) {
    PORT.with(|p| {
        if let Ok(p) = p.try_borrow() {
            if let Some(port) = p.as_ref() {
                let _ = port.post_message(&JsValue::from_str(text));
            }
        }
    });
}

fn tell_event(name: &str, detail: Detail) {
    tell(&FromFrame::Event { name: name.to_owned(), detail: Box::new(detail) });
}

/// After a panic (see `crate::pages::crash`): the merchant's page hears `error` with code `crashed`.
/// The text is fixed (`FromFrame::CRASHED`): the panic hook is in the main module, which then
/// links no JSON serialiser for it.
pub fn tell_crashed() {
    post(FromFrame::CRASHED);
}

/// Waits for the merchant page's init message (kept by `boot.js`), then shows the view.
pub fn start() {
    let Some(promise) = browser::from_boot("frame-init").and_then(|p| p.dyn_into::<js_sys::Promise>().ok()) else {
        browser::warn("session view: frame.html is meant to be framed by mount() on a merchant's page");
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(message) = wasm_bindgen_futures::JsFuture::from(promise).await else { return };
        let field = |name: &str| js_sys::Reflect::get(&message, &name.into()).ok();
        let Some(port) = field("port").and_then(|p| p.dyn_into::<web_sys::MessagePort>().ok()) else { return };
        let init = field("init").and_then(|t| t.as_string()).and_then(|t| serde_json::from_str::<Init>(&t).ok());
        PORT.with(|p| *p.borrow_mut() = Some(port.clone()));
        ViewCtx::load_language(init.as_ref().and_then(|i| i.locale.clone())).await;
        match init {
            Some(init) => show(init, port),
            None => fail(ProblemKind::Unreadable, None),
        }
    });
}

/// The endpoint the options name, on this deployment's API only.
fn endpoint(init: &Init, session_id: &str) -> Result<Endpoint, ProblemKind> {
    let own = browser::deployment_api_base();
    let same = |a: &str, b: &str| a.trim().trim_end_matches('/').eq_ignore_ascii_case(b.trim().trim_end_matches('/'));
    if let Some(asked) = init.api_base.as_deref().filter(|a| !same(a, &own)) {
        let asked: String = asked.chars().take(80).collect();
        browser::warn(&format!(
            "session view: apiBase {asked:?} is not this deployment's API; set it in frame.html's <meta name=\"session-view-api-base\">"
        ));
        return Err(ProblemKind::Unreachable);
    }
    Endpoint::new(&own, session_id, init.credential.clone()).map_err(|e| match e {
        crate::platform::api::EndpointError::SessionId => ProblemKind::InvalidLink,
        crate::platform::api::EndpointError::ApiBase => ProblemKind::Unreachable,
    })
}

/// A problem shown before any session could be: the message in the frame, `error` outside.
fn fail(kind: ProblemKind, locale: Option<String>) {
    let cx = ViewCtx::new(locale);
    dress_page(cx); // the document says the problem's language too (`<html lang dir>`)
    leptos::mount::mount_to_body(move || {
        provide_context(cx);
        view! { <Problem kind/> }
    });
    report_height();
    tell_event("error", Detail { code: Some(kind.code().to_owned()), ..Default::default() });
}

/// The page's height, whenever it changes, to the merchant's page (which fits the iframe).
fn report_height() {
    if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
        // Lives as long as this page.
        std::mem::forget(crate::platform::browser::HeightReporter::observe(&body, |height| {
            tell(&FromFrame::Height { height: height.clamp(0.0, 1_000_000.0) as u32 })
        }));
    }
}

/// The document follows the view's language (`<html lang dir>`, the title).
fn dress_page(cx: ViewCtx) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(html) = doc.document_element() {
        let _ = html.set_attribute("lang", cx.lang.tag());
        let _ = html.set_attribute("dir", cx.lang.dir());
    }
    doc.set_title(cx.text(Msg::Checkout));
}

thread_local! {
    /// The merchant's appearance in force (it follows the payer's colour scheme).
    static LOOK: RefCell<Option<browser::Look>> = const { RefCell::new(None) };
}

/// The merchant's appearance (`browser::follow_scheme`: checked by kind and by contrast,
/// following the payer's colour scheme), in place of the look before it.
fn set_look(light: &[(String, String)], dark: Option<&[(String, String)]>) {
    let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else { return };
    let Ok(html) = html.dyn_into::<web_sys::HtmlElement>() else { return };
    LOOK.with(|l| *l.borrow_mut() = None);
    let (look, _) = browser::follow_scheme(html, light, dark);
    LOOK.with(|l| *l.borrow_mut() = look);
}

fn show(init: Init, port: web_sys::MessagePort) {
    if init.protocol != crate::embedding::PROTOCOL {
        return fail(ProblemKind::Incompatible, init.locale);
    }
    let endpoint = match init.session_id.as_deref().map(|id| endpoint(&init, id)).transpose() {
        Ok(e) => e,
        Err(kind) => return fail(kind, init.locale),
    };
    let initial = match init.config.as_deref().map(model::parse_json).transpose() {
        Ok(parsed) => parsed,
        Err(_) => return fail(ProblemKind::Unreadable, init.locale),
    };
    if endpoint.is_none() && initial.is_none() {
        return fail(ProblemKind::Unreadable, init.locale);
    }
    let cx = ViewCtx::new(init.locale.clone());
    dress_page(cx);
    set_look(&init.appearance, init.appearance_dark.as_deref());
    let timeout_ms = crate::session::accepted_timeout_ms(f64::from(init.timeout_ms)).unwrap_or(TIMEOUT_MS);
    let options = LiveOptions {
        endpoint,
        initial,
        first_attempt: None,
        poll_ms: init.poll_ms,
        timeout_ms,
        embedder_confirms: init.handle_confirm,
        settle_wait_ms: crate::embedding::accepted_settle_timeout_ms(f64::from(init.settle_timeout_ms))
            .unwrap_or(crate::embedding::HANDED_CONFIRM_WAIT_MS),
        pay_button: init.show_pay_button,
        on_event: None,
    };
    let port = SendWrapper::new(port);
    let first_locale = init.locale;
    leptos::mount::mount_to_body(move || {
        provide_context(cx);
        // The view's language; `update({ locale })` changes it in place. What the payer typed
        // lives outside the view, so a re-render in another language keeps it.
        let locale = RwSignal::new(first_locale);
        provide_context(KeptInput(PayState::for_locale(cx.locale)));
        let slot: StoredValue<Option<Controller>> = StoredValue::new(None);
        // Told in a microtask, with the config on screen once the change that caused it is done.
        let on_event = Callback::new(move |event: SessionEvent| {
            queue_microtask(move || {
                let ctl = slot.try_get_value().flatten();
                let message = match ctl {
                    Some(c) => c.config.try_with_untracked(|config| events::message(Some(config), &event)),
                    None => None,
                }
                .unwrap_or_else(|| events::message(None, &event));
                tell(&message);
            });
        });
        let ctl = Controller::new(LiveOptions { on_event: Some(on_event), ..options });
        slot.set_value(Some(ctl));
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let Some(message) = e.data().as_string().and_then(|t| serde_json::from_str::<ToFrame>(&t).ok()) else { return };
            match message {
                ToFrame::Update { config } => match model::parse_json(&config) {
                    Ok(parsed) => ctl.update(parsed),
                    Err(_) => browser::warn("session view: update() sent a config the frame cannot read"),
                },
                ToFrame::Refresh => ctl.refresh(),
                ToFrame::Settle { outcome, message } => {
                    if !ctl.settle(outcome, message) {
                        browser::warn("session view: settle() with no handed-off confirm waiting");
                    }
                }
                ToFrame::Submit => ctl.submit(),
                ToFrame::Options { appearance, appearance_dark, locale: asked } => {
                    if appearance.is_some() || appearance_dark.is_some() {
                        set_look(&appearance.unwrap_or_default(), appearance_dark.as_deref());
                    }
                    if let Some(asked) = asked {
                        wasm_bindgen_futures::spawn_local(async move {
                            ViewCtx::load_language(Some(asked.clone())).await;
                            dress_page(ViewCtx::new(Some(asked.clone())));
                            locale.try_set(Some(asked));
                        });
                    }
                }
            }
        });
        port.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget(); // as long as this page: the frame lives and dies with its mount()
        move || view! { <LiveView ctl locale=locale.get()/> }
    });
    report_height();
}
