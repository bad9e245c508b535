//! Split points: functions whose code lives in a wasm chunk of its own, downloaded the first
//! time the view needs it (issue #14). [`split!`] declares one; the release and `trunk serve`
//! builds turn on the `split` feature and the post-build hook (`tools/split.mjs`) cuts
//! the module there. Elsewhere (host tests, component tests) the same function is an `async`
//! call of the body, so every test exercises the same code.
//!
//! A chunk that does not arrive (offline, blocked, tampered: its SHA-384 is pinned) is a
//! [`ChunkFailed`], never a panic, and is not remembered: the next call downloads it again.

/// A lazily loaded part of the view could not be downloaded or started.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChunkFailed;

impl From<wasm_split_helpers::SplitLoaderError> for ChunkFailed {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        ChunkFailed
    }
}

impl std::fmt::Display for ChunkFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a part of the view could not be loaded")
    }
}

/// `split!(chunk, fn f(args) -> Result<T, ChunkFailed> { … })` declares `f` as
/// `async fn f(args) -> Result<T, ChunkFailed>` whose body is in the wasm chunk `chunk`. All
/// functions naming one chunk share it. (Fetching a chunk ahead of its first call is boot.js's
/// job: it starts before the module does.)
macro_rules! split {
    ($chunk:ident, $(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        #[cfg(feature = "split")]
        #[::wasm_split_helpers::wasm_split($chunk, fallible)]
        $(#[$meta])* $vis fn $name($($arg: $ty),*) -> $ret $body

        #[cfg(not(feature = "split"))]
        #[allow(clippy::unused_async)]
        $(#[$meta])* $vis async fn $name($($arg: $ty),*) -> $ret $body
    };
}
pub(crate) use split;

/// Tells boot.js that the hosted page will not ask for its view (the session is over, or
/// cannot be shown): on a slow link boot.js has started downloading the view's files before
/// the first paint, and stops. Nothing happens where boot.js did not start the page.
pub fn view_not_needed() {
    use wasm_bindgen::JsCast;
    let Some(early) = crate::platform::browser::from_boot("early-chunks") else { return };
    let Ok(stop) = js_sys::Reflect::get(&early, &wasm_bindgen::JsValue::from_str("viewNotNeeded")) else { return };
    if let Some(stop) = stop.dyn_ref::<js_sys::Function>() {
        let _ = stop.call0(&early);
    }
}
