//! Inside an iframe, tells the parent page the view's height so the frame can fit it.
//! Sent only to the one origin the embedder named, never to `*`.
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub struct HeightReporter {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl HeightReporter {
    /// Starts reporting when the page is framed; `None` when it is the top window.
    pub fn start(target: &web_sys::Element, parent_origin: String) -> Option<Self> {
        let window = web_sys::window()?;
        let parent = window.parent().ok()??;
        if parent == window {
            return None;
        }
        let measured = target.clone();
        let mut last = -1.0;
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries| {
            let height = measured.get_bounding_client_rect().height().ceil();
            if height != last {
                last = height;
                let msg = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&msg, &"type".into(), &"hosted-session-view:height".into());
                let _ = js_sys::Reflect::set(&msg, &"height".into(), &height.into());
                let _ = parent.post_message(&msg, &parent_origin);
            }
        });
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(target);
        Some(HeightReporter { observer, _callback: callback })
    }
}

impl Drop for HeightReporter {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
