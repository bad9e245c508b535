//! An hCaptcha or Turnstile widget, rendered explicitly with the config's site key, in a box
//! of its own. Both providers refuse to run inside a shadow root; the view never is in one
//! (the hosted page and the embedded view's frame are documents of their own). Every
//! callback has an answer the payer can see; the token goes only to confirm.
use super::script::{self, LoadError};
use crate::challenge::Provider;
use crate::i18n::Msg;
use crate::view::pay_state::pay_state;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Clone, Debug, PartialEq, Eq)]
enum State {
    Loading,
    /// The widget is on screen, waiting for the payer.
    Shown,
    Solved,
    /// The token expired or the puzzle timed out: the widget asks again.
    Expired,
    /// Confirm failed: tokens are single use, so the widget asks again.
    AgainAfterConfirm,
    /// The script did not load, timed out, or the widget reported an error.
    Failed(Failure),
    /// No valid site key: nothing to render.
    Misconfigured,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Failure {
    Load,
    Timeout,
    Widget,
}

/// A rendered widget: its provider global, id, element and the callbacks it holds.
struct Widget {
    api: js_sys::Object,
    id: JsValue,
    el: web_sys::Element,
    _callbacks: Vec<Closure<dyn FnMut(JsValue)>>,
}

impl Widget {
    fn call(&self, method: &str) -> Option<JsValue> {
        let f: js_sys::Function = js_sys::Reflect::get(&self.api, &method.into()).ok()?.dyn_into().ok()?;
        f.call1(&self.api, &self.id).ok()
    }
}

impl Drop for Widget {
    fn drop(&mut self) {
        self.call("remove");
        self.el.remove();
    }
}

/// Light or dark, as the view itself follows `prefers-color-scheme`.
fn theme() -> &'static str {
    let dark = web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten()).is_some_and(|m| m.matches());
    if dark {
        "dark"
    } else {
        "light"
    }
}

/// A fresh element for one widget, inside the view's box for it.
fn widget_element(holder: &web_sys::HtmlElement) -> Option<web_sys::Element> {
    let el = web_sys::window()?.document()?.create_element("div").ok()?;
    el.set_class_name("sv-captcha-widget");
    holder.append_child(&el).ok()?;
    Some(el)
}

#[component]
pub fn Captcha(provider: Provider, site_key: Option<String>) -> impl IntoView {
    let pay = pay_state();
    let timeout_ms = crate::view::backend().timeout_ms();
    let state = RwSignal::new(if site_key.is_some() { State::Loading } else { State::Misconfigured });
    let widget = StoredValue::new_local(None::<Widget>);
    let slot = NodeRef::<Div>::new();
    let attempt = RwSignal::new(0u32);

    // Every way a token stops counting: confirm is blocked again, and the payer is told why.
    let lose_token = move |next: State| {
        pay.challenge_response.set(None);
        state.set(next);
    };
    let render = move |api: js_sys::Object, key: &str| -> Result<Widget, ()> {
        let holder = slot.get_untracked().ok_or(())?;
        let el = widget_element(&holder).ok_or(())?;
        let [solved_name, expired_name, error_name, again_name] = provider.callback_names();
        let solved = Closure::<dyn FnMut(JsValue)>::new(move |token: JsValue| {
            let token = token.as_string().filter(|t| !t.is_empty() && t.len() <= 8192);
            if token.is_some() {
                pay.challenge_response.set(token);
                state.set(State::Solved);
            }
        });
        let expired = Closure::<dyn FnMut(JsValue)>::new(move |_| {
            lose_token(State::Expired);
            widget.with_value(|w| w.as_ref().map(|w| w.call("reset")));
        });
        let errored = Closure::<dyn FnMut(JsValue)>::new(move |_| lose_token(State::Failed(Failure::Widget)));
        let again = Closure::<dyn FnMut(JsValue)>::new(move |_| lose_token(State::Expired));
        let params = js_sys::Object::new();
        let set = |k: &str, v: &JsValue| js_sys::Reflect::set(&params, &k.into(), v).map(|_| ());
        set("sitekey", &key.into()).map_err(|_| ())?;
        set("theme", &theme().into()).map_err(|_| ())?;
        set(solved_name, solved.as_ref()).map_err(|_| ())?;
        set(expired_name, expired.as_ref()).map_err(|_| ())?;
        set(error_name, errored.as_ref()).map_err(|_| ())?;
        set(again_name, again.as_ref()).map_err(|_| ())?;
        let render_fn: js_sys::Function = js_sys::Reflect::get(&api, &"render".into()).ok().and_then(|f| f.dyn_into().ok()).ok_or(())?;
        match render_fn.call2(&api, &el, &params) {
            Ok(id) => Ok(Widget { api, id, el, _callbacks: vec![solved, expired, errored, again] }),
            Err(_) => {
                el.remove();
                Err(())
            }
        }
    };

    let key = StoredValue::new(site_key);
    // (Re)loads the script and renders; runs once mounted, and again on "Try again".
    Effect::new(move |_| {
        attempt.track();
        let Some(key) = key.get_value() else { return };
        if slot.get().is_none() {
            return;
        }
        widget.set_value(None); // a retry replaces the widget that failed
        lose_token(State::Loading);
        leptos::task::spawn_local(async move {
            let loaded = script::load(provider, timeout_ms).await;
            if state.try_get_untracked().is_none() {
                return; // unmounted while loading
            }
            match loaded {
                Ok(api) => match render(api, &key) {
                    Ok(w) => {
                        widget.set_value(Some(w));
                        state.set(State::Shown);
                    }
                    Err(()) => state.set(State::Failed(Failure::Widget)),
                },
                Err(LoadError::TimedOut) => state.set(State::Failed(Failure::Timeout)),
                Err(LoadError::Failed) => state.set(State::Failed(Failure::Load)),
            }
        });
    });
    // A confirm that failed used the token up: ask again.
    Effect::new(move |first: Option<()>| {
        pay.challenge_resets.track();
        if first.is_some() && widget.with_value(|w| w.as_ref().map(|w| w.call("reset")).is_some()) {
            lose_token(State::AgainAfterConfirm);
        }
    });
    on_cleanup(move || {
        let _ = widget.try_update_value(|w| w.take());
    });

    let name = provider.name();
    let cx = crate::view::ctx();
    let message = move || match state.get() {
        State::Loading => cx.text(Msg::CaptchaLoading).to_owned(),
        State::Shown => cx.fill(Msg::CaptchaShown, &[("provider", name)]),
        State::Solved => cx.text(Msg::CaptchaSolved).to_owned(),
        State::Expired => cx.text(Msg::CaptchaExpired).to_owned(),
        State::AgainAfterConfirm => cx.text(Msg::CaptchaAgain).to_owned(),
        State::Failed(Failure::Load) => cx.text(Msg::CaptchaLoadFailed).to_owned(),
        State::Failed(Failure::Timeout) => cx.text(Msg::CaptchaTimeout).to_owned(),
        State::Failed(Failure::Widget) => cx.text(Msg::CaptchaWidgetFailed).to_owned(),
        State::Misconfigured => cx.text(Msg::CaptchaMisconfigured).to_owned(),
    };
    let failed = move || matches!(state.get(), State::Failed(_));
    let retry = move |_| attempt.update(|n| *n += 1);
    view! {
        <div class="sv-captcha" data-testid="captcha" data-state=move || format!("{:?}", state.get()).to_ascii_lowercase()>
            <div class="sv-captcha-box" node_ref=slot></div>
            <p class="sv-captcha-status" role="status" data-testid="captcha-status">{message}</p>
            <Show when=failed>
                <button type="button" class="sv-button sv-button--quiet" data-testid="captcha-retry" on:click=retry>{cx.text(Msg::TryAgain)}</button>
            </Show>
        </div>
    }
}
