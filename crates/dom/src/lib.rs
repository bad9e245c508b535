//! The browser primitives that need no Leptos, each failing soft (no window, a refused call:
//! nothing happens, nothing throws). Shared by the view (`src/platform/browser`, which re-exports
//! them) and the merchant's module (`crates/embed`).
mod resize;
pub use resize::HeightReporter;

use wasm_bindgen::JsValue;

/// A warning in the console (never with a credential, card data or a config's values).
pub fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(message));
}

/// The browser's languages, most wanted first (`navigator.languages`, else `navigator.language`).
pub fn languages() -> Vec<String> {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else { return Vec::new() };
    let list: Vec<String> = nav.languages().iter().filter_map(|l| l.as_string()).collect();
    if list.is_empty() {
        nav.language().into_iter().collect()
    } else {
        list
    }
}

/// A repeating timer that owns its closure: dropping it clears the timer and frees the
/// closure at once (Leptos's helpers leave that to the JS garbage collector).
pub struct Interval {
    handle: i32,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl Interval {
    pub fn new(ms: u32, f: impl FnMut() + 'static) -> Option<Self> {
        use wasm_bindgen::JsCast;
        let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(f);
        let handle = web_sys::window()?
            .set_interval_with_callback_and_timeout_and_arguments_0(callback.as_ref().unchecked_ref(), ms.min(i32::MAX as u32) as i32)
            .ok()?;
        Some(Interval { handle, _callback: callback })
    }
}

impl Drop for Interval {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            w.clear_interval_with_handle(self.handle);
        }
    }
}

/// A one-shot timer that owns its closure: `f` runs once after `ms`, unless the `Timeout` is
/// dropped first, which clears the timer and frees the closure.
pub struct Timeout {
    handle: i32,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl Timeout {
    pub fn new(ms: i32, f: impl FnOnce() + 'static) -> Option<Self> {
        use wasm_bindgen::JsCast;
        let mut f = Some(f);
        let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
            if let Some(f) = f.take() {
                f();
            }
        });
        let handle =
            web_sys::window()?.set_timeout_with_callback_and_timeout_and_arguments_0(callback.as_ref().unchecked_ref(), ms).ok()?;
        Some(Timeout { handle, _callback: callback })
    }
}

impl Drop for Timeout {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            w.clear_timeout_with_handle(self.handle);
        }
    }
}

/// `s` if it is exactly an origin, `scheme://host[:port]` (http or https), with nothing after
/// it but an optional `/`; the origin as the browser writes it.
pub fn exact_origin(s: &str) -> Option<String> {
    let url = web_sys::Url::new(s).ok()?;
    let o = url.origin();
    (o != "null" && (o == s || format!("{o}/") == s) && matches!(url.protocol().as_str(), "https:" | "http:")).then_some(o)
}
