//! Tells someone the view's height whenever it changes: the frame tells the merchant-side
//! `mount()` (over its port), which fits the iframe to it; a page or view inside an iframe
//! of the merchant's own tells the one parent origin the embedder named, never `*`.
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub struct HeightReporter {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl HeightReporter {
    /// Calls `tell` with `target`'s height (whole CSS pixels) now and on every change.
    pub fn observe(target: &web_sys::Element, mut tell: impl FnMut(f64) + 'static) -> Option<Self> {
        let measured = target.clone();
        let mut last = -1.0;
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries| {
            let height = measured.get_bounding_client_rect().height().ceil();
            if height != last {
                last = height;
                tell(height);
            }
        });
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(target);
        Some(HeightReporter { observer, _callback: callback })
    }

    /// Posts `{ type: "hosted-session-view:height", height }` to `parent_origin` when this
    /// page is framed; `None` when it is the top window.
    pub fn start(target: &web_sys::Element, parent_origin: String) -> Option<Self> {
        let window = web_sys::window()?;
        let parent = window.parent().ok()??;
        if parent == window {
            return None;
        }
        Self::observe(target, move |height| {
            let msg = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&msg, &"type".into(), &"hosted-session-view:height".into());
            let _ = js_sys::Reflect::set(&msg, &"height".into(), &height.into());
            let _ = parent.post_message(&msg, &parent_origin);
        })
    }
}

impl Drop for HeightReporter {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
