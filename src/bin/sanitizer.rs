//! The sanitiser module (`session-view-sanitizer.js` + its wasm): ammonia and html5ever, most
//! of the bytes, kept off the payer's critical path. The view loads it only when a config has
//! a `page_message` (`src/app/sanitizer-loader.js`), once per page, and reads its output back
//! strictly (`sanitize::read_sanitized`), so a module that misbehaved still could not put a
//! tag or attribute outside the allowlist into the page.
//!
//! It includes `sanitize.rs` itself rather than linking the library: a library dependency
//! would bring every `#[wasm_bindgen]` export of the view (and Leptos with it) into this module.
#[cfg(not(test))]
#[allow(dead_code)]
#[path = "../sanitize.rs"]
mod sanitize;

/// `page_message` sanitised: ammonia's output under the view's policy, cleaned to a fixed point.
#[cfg(all(target_arch = "wasm32", not(test)))]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = sanitizeMessage)]
pub fn sanitize_message(html: &str) -> String {
    sanitize::sanitize(html)
}

fn main() {}
