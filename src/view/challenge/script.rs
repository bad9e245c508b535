//! Loads a captcha provider's official script once per page, however many views ask for it.
//! Explicit-render mode, no global callback name: the script element's `load` event says
//! when its global (`hcaptcha` / `turnstile`) is there. A failure or timeout forgets the
//! attempt, so "Try again" loads afresh. A global already on the page (the merchant loaded
//! the provider itself) is used as it is.
use crate::challenge::Provider;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The script could not be fetched or run (blocked, offline, CSP).
    Failed,
    /// No answer within the time allowed.
    TimedOut,
}

thread_local! {
    /// One load in flight or done per provider: (provider, promise of the load).
    static LOADS: RefCell<Vec<(Provider, js_sys::Promise)>> = const { RefCell::new(Vec::new()) };
}

/// The provider's global, if the page has it.
pub fn global(p: Provider) -> Option<js_sys::Object> {
    let w = web_sys::window()?;
    let g = js_sys::Reflect::get(&w, &JsValue::from_str(p.global())).ok()?;
    let render = js_sys::Reflect::get(&g, &JsValue::from_str("render")).ok()?;
    render.is_function().then(|| g.unchecked_into())
}

fn start(p: Provider, timeout_ms: i32) -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, reject| {
        let fail = |r: &js_sys::Function| {
            let _ = r.call1(&JsValue::NULL, &JsValue::from_str("failed"));
        };
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return fail(&reject) };
        let Ok(script) = doc.create_element("script") else { return fail(&reject) };
        // Through the `session-view` Trusted Types policy, which passes only the two official URLs.
        let Ok(src) = crate::browser::trusted_script_url(p.script_url()) else { return fail(&reject) };
        let _ = js_sys::Reflect::set(&script, &"src".into(), &src);
        let _ = script.set_attribute("async", "");
        let _ = script.set_attribute("data-session-view", p.global());
        let on_load = resolve.clone();
        let reject_error = reject.clone();
        let el = script.clone();
        let on_error = Closure::once_into_js(move || {
            el.remove(); // the next attempt adds a fresh element
            fail(&reject_error);
        });
        let reject_timeout = reject.clone();
        let _ = js_sys::Reflect::set(&script, &"onload".into(), &on_load);
        let _ = js_sys::Reflect::set(&script, &"onerror".into(), &on_error);
        crate::browser::after(timeout_ms, move || {
            let _ = reject_timeout.call1(&JsValue::NULL, &JsValue::from_str("timeout"));
        });
        let parent = doc.head().map(web_sys::Node::from).or_else(|| doc.document_element().map(Into::into));
        match parent {
            Some(parent) => {
                let _ = parent.append_child(&script);
            }
            None => fail(&reject),
        }
    })
}

fn forget(p: Provider, promise: &js_sys::Promise) {
    LOADS.with(|l| l.borrow_mut().retain(|(q, pr)| !(*q == p && js_sys::Object::is(pr, promise))));
}

/// The provider's global, loading its script if the page does not have it yet.
pub async fn load(p: Provider, timeout_ms: i32) -> Result<js_sys::Object, LoadError> {
    if let Some(g) = global(p) {
        return Ok(g);
    }
    let promise = LOADS.with(|l| {
        let mut list = l.borrow_mut();
        if let Some((_, pr)) = list.iter().find(|(q, _)| *q == p) {
            return pr.clone();
        }
        let pr = start(p, timeout_ms);
        list.push((p, pr.clone()));
        pr
    });
    match wasm_bindgen_futures::JsFuture::from(promise.clone()).await {
        Ok(_) => match global(p) {
            Some(g) => Ok(g),
            None => {
                forget(p, &promise);
                Err(LoadError::Failed) // the script ran but did not define the API
            }
        },
        Err(reason) => {
            forget(p, &promise);
            if let Some(g) = global(p) {
                return Ok(g); // it arrived after all (a slow load that beat the retry)
            }
            Err(if reason.as_string().as_deref() == Some("timeout") { LoadError::TimedOut } else { LoadError::Failed })
        }
    }
}
