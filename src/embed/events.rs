//! DOM events on the host element: `ready`, `change`, `completed`, `expired`, `error`
//! (and later `confirm`). All bubble and are composed; their `detail` never carries the
//! credential or card data. They are dispatched in a microtask, so listeners added right
//! after `mount()` returns still hear `ready`.
use crate::live::{Controller, SessionEvent};
use crate::model::{Config, Status};
use leptos::prelude::WithUntracked;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsValue;

fn status_name(s: &Status) -> &'static str {
    match s {
        Status::Active => "active",
        Status::Completed => "completed",
        Status::Expired => "expired",
        Status::Unknown(_) => "unknown",
    }
}

fn set(o: &js_sys::Object, k: &str, v: JsValue) {
    let _ = js_sys::Reflect::set(o, &k.into(), &v);
}

/// `{ sessionId, status, amount, currency }` — what a merchant page may know.
fn summary(c: &Config, detail: &js_sys::Object) {
    set(detail, "sessionId", c.session_id.as_deref().map_or(JsValue::NULL, JsValue::from));
    set(detail, "status", status_name(&c.status()).into());
    // Amounts as strings: a JS number would round beyond 2^53.
    set(detail, "amount", c.amount.map_or(JsValue::NULL, |a| a.to_string().into()));
    set(detail, "currency", c.currency.as_deref().map_or(JsValue::NULL, JsValue::from));
}

pub fn emit(host: &web_sys::Element, ctl: &Rc<Cell<Option<Controller>>>, event: &SessionEvent) {
    let method = match event {
        SessionEvent::Confirm { method_type, saved_method_id, challenge_response } => {
            let m = js_sys::Object::new();
            set(&m, "type", (*method_type).into());
            set(&m, "savedMethodId", saved_method_id.as_deref().map_or(JsValue::NULL, JsValue::from));
            if let Some(r) = challenge_response {
                set(&m, "challengeResponse", r.as_str().into());
            }
            Some(m)
        }
        _ => None,
    };
    let (name, code) = match event {
        SessionEvent::Confirm { .. } => ("confirm", None),
        SessionEvent::Ready => ("ready", None),
        SessionEvent::Change => ("change", None),
        SessionEvent::Completed => ("completed", None),
        SessionEvent::Expired => ("expired", None),
        SessionEvent::Error(kind) => ("error", Some(kind.code())),
    };
    let (host, ctl) = (host.clone(), ctl.clone());
    leptos::prelude::queue_microtask(move || {
        let detail = js_sys::Object::new();
        if let Some(c) = ctl.get() {
            let _ = c.config.try_with_untracked(|config| summary(config, &detail));
        }
        if let Some(m) = &method {
            set(&detail, "method", m.into());
        }
        if let Some(code) = code {
            set(&detail, "code", code.into());
        }
        dispatch(&host, name, &detail);
    });
}

/// Fires `name` on `host` at once: bubbling, composed (it leaves the shadow root), with `detail`.
pub(crate) fn dispatch(host: &web_sys::Element, name: &str, detail: &js_sys::Object) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&ev);
    }
}
