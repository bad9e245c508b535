//! DOM events on the host element: `ready`, `change`, `completed`, `expired`, `error` and
//! `confirm`. All bubble and are composed; their `detail` never carries the credential or
//! card data. The frame computes them ([`describe`]) and sends them over its port; the
//! merchant-side `mount()` dispatches them ([`dispatch`]), so they always arrive after
//! `mount()` has returned and listeners added right after it still hear `ready`.
use super::protocol::{Detail, MethodDetail};
use crate::live::SessionEvent;
use crate::model::{Config, Status};
use wasm_bindgen::JsValue;

fn status_name(s: &Status) -> &'static str {
    match s {
        Status::Active => "active",
        Status::Completed => "completed",
        Status::Expired => "expired",
        Status::Unknown(_) => "unknown",
    }
}

/// An event's name and `detail`: `{ sessionId, status, amount, currency }` of the config on
/// screen (what a merchant page may know), plus `method` on `confirm` and `code` on `error`.
pub fn describe(config: Option<&Config>, event: &SessionEvent) -> (&'static str, Detail) {
    let mut detail = Detail::default();
    if let Some(c) = config {
        detail.session_id = c.session_id.clone();
        detail.status = Some(status_name(&c.status()).to_owned());
        // Amounts as strings: a JS number would round beyond 2^53.
        detail.amount = c.amount.map(|a| a.to_string());
        detail.currency = c.currency.clone();
    }
    let name = match event {
        SessionEvent::Confirm { method_type, saved_method_id, challenge_response } => {
            detail.method = Some(MethodDetail {
                method_type: (*method_type).to_owned(),
                saved_method_id: saved_method_id.clone(),
                challenge_response: challenge_response.clone(),
            });
            "confirm"
        }
        SessionEvent::Ready => "ready",
        SessionEvent::Change => "change",
        SessionEvent::Completed => "completed",
        SessionEvent::Expired => "expired",
        SessionEvent::Error(kind) => {
            detail.code = Some(kind.code().to_owned());
            "error"
        }
    };
    (name, detail)
}

/// `detail` as a plain JS object, through serde-wasm-bindgen's JSON-compatible serializer:
/// exactly the documented fields, `null` where a value is missing.
pub fn to_js(detail: &Detail) -> JsValue {
    use serde::Serialize;
    detail.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

/// Fires `name` on `host` at once: bubbling, composed (it leaves the shadow root), with `detail`.
pub(crate) fn dispatch(host: &web_sys::Element, name: &str, detail: &JsValue) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&ev);
    }
}
