//! DOM events on the host element: `ready`, `change`, `completed`, `expired`, `error` and
//! `confirm`. The frame computes them (the view's `src/embed/events.rs`) and sends them over
//! its port; this module dispatches them, so they always arrive after `mount()` has returned
//! and listeners added right after it still hear `ready`. All bubble and are composed; their
//! `detail` never carries the credential or card data (the protocol has no field for them).
use session_view_core::embedding::Detail;
use wasm_bindgen::JsValue;

/// `detail` as a plain JS object, through serde-wasm-bindgen's JSON-compatible serializer:
/// exactly the documented fields, `null` where a value is missing.
pub fn to_js(detail: &Detail) -> JsValue {
    use serde::Serialize;
    detail.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

/// Fires `name` on `host` at once: bubbling, composed (it leaves the shadow root), with `detail`.
pub fn dispatch(host: &web_sys::Element, name: &str, detail: &Detail) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&to_js(detail));
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&ev);
    }
}
