//! The sanitiser module's entry (`session-view-sanitizer.js` + its wasm): one export,
//! `sanitizeMessage`, the library's `sanitize` (see `lib.rs`). Nothing of the view is linked in.

/// `page_message` sanitised: ammonia's output under the view's policy, cleaned to a fixed point.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = sanitizeMessage)]
pub fn sanitize_message(html: &str) -> String {
    session_view_sanitizer::sanitize(html)
}

fn main() {}
