//! An hCaptcha or Turnstile check, run in a frame of its own (`captcha.html`, protocol in
//! `crate::captcha_frame`): the provider's script never shares a document with the card
//! fields or the credential. The frame is the deployment's captcha origin when it names one
//! (a real origin of its own), else this origin's page sandboxed into an opaque origin. Its
//! only output is the solved token; every state has an answer the payer can see.
use crate::captcha_frame::{self, Failure, FromCaptcha};
use crate::challenge::Provider;
use crate::i18n::Msg;
use crate::view::pay_state::pay_state;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Loading,
    /// The widget is on screen, waiting for the payer.
    Shown,
    Solved,
    /// The token expired or the puzzle timed out: the widget asks again.
    Expired,
    /// Confirm failed: tokens are single use, so the widget asks again.
    AgainAfterConfirm,
    /// The script did not load, the frame did not answer in time, or the widget failed.
    Failed(Failed),
    /// No valid site key: nothing to render.
    Misconfigured,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Failed {
    Load,
    Timeout,
    Widget,
}

/// Light or dark, as the view itself follows `prefers-color-scheme`.
fn dark() -> bool {
    web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten()).is_some_and(|m| m.matches())
}

/// Where the captcha page is, and whether it is of another origin than this page. A
/// deployment's `session-view-captcha-origin` must be an exact origin; anything else is
/// ignored for this page's own.
fn page() -> (String, bool) {
    let own = || (captcha_frame::PAGE.to_owned(), false);
    match crate::platform::browser::meta(captcha_frame::ORIGIN_META).map(|o| o.trim().to_owned()).filter(|o| !o.is_empty()) {
        Some(origin) => match crate::platform::browser::exact_origin(&origin) {
            Some(o) if web_sys::window().and_then(|w| w.location().origin().ok()).as_deref() != Some(o.as_str()) => {
                (format!("{o}/{}", captcha_frame::PAGE), true)
            }
            _ => own(),
        },
        None => own(),
    }
}

/// One frame's channel: the port, and the handler that must live as long as it.
struct Channel {
    port: web_sys::MessagePort,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

impl Drop for Channel {
    fn drop(&mut self) {
        self.port.set_onmessage(None);
        self.port.close();
    }
}

#[component]
pub fn Captcha(provider: Provider, site_key: Option<String>) -> impl IntoView {
    let pay = pay_state();
    let timeout_ms = crate::view::backend().timeout_ms();
    let state = RwSignal::new(if site_key.is_some() { State::Loading } else { State::Misconfigured });
    let height = RwSignal::new(None::<u32>);
    let channel = StoredValue::new_local(None::<Channel>);
    let attempt = RwSignal::new(0u32);
    let (src, other_origin) = page();
    let key = StoredValue::new(site_key);

    // Every way a token stops counting: confirm is blocked again, and the payer is told why.
    let lose_token = move |next: State| {
        pay.challenge_response.set(None);
        state.set(next);
    };
    let heard = move |m: FromCaptcha| match m {
        FromCaptcha::Shown => state.set(State::Shown),
        FromCaptcha::Solved(token) => {
            pay.challenge_response.set(Some(token));
            state.set(State::Solved);
        }
        FromCaptcha::Expired => lose_token(State::Expired),
        FromCaptcha::Failed(Failure::Load) => lose_token(State::Failed(Failed::Load)),
        FromCaptcha::Failed(Failure::Widget) => lose_token(State::Failed(Failed::Widget)),
        FromCaptcha::Height(h) => height.set(Some(h)),
    };
    // The frame has loaded: one init, with a fresh port; it answers on that port only.
    let on_load = move |ev: web_sys::Event| {
        let Some(key) = key.get_value() else { return };
        let Some(win) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlIFrameElement>().ok()).and_then(|f| f.content_window()) else {
            return;
        };
        let Ok(pipe) = web_sys::MessageChannel::new() else { return };
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            if let Some(m) = e.data().as_string().and_then(|t| captcha_frame::read(&t)) {
                if state.try_get_untracked().is_some() {
                    heard(m);
                }
            }
        });
        pipe.port1().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        let init = JsValue::from_str(&captcha_frame::init_text(provider, &key, dark()));
        // `*`: a sandboxed page has an opaque origin, which no target can name. The port
        // carries nothing secret: a token from anyone else would fail at the server.
        if win.post_message_with_transfer(&init, "*", &js_sys::Array::of1(&pipe.port2())).is_ok() {
            channel.set_value(Some(Channel { port: pipe.port1(), _on_message: on_message }));
        }
    };
    // Each attempt: a new frame, and an answer within the time allowed or a way forward.
    Effect::new(move |_| {
        let n = attempt.get();
        if key.with_value(Option::is_none) {
            return;
        }
        crate::platform::browser::after(timeout_ms, move || {
            if attempt.try_get_untracked() == Some(n) && state.try_get_untracked() == Some(State::Loading) {
                channel.set_value(None);
                state.set(State::Failed(Failed::Timeout));
            }
        });
    });
    // A confirm that failed used the token up: ask again.
    Effect::new(move |first: Option<()>| {
        pay.challenge_resets.track();
        if first.is_some()
            && channel.with_value(|c| c.as_ref().map(|c| c.port.post_message(&JsValue::from_str(captcha_frame::RESET))).is_some())
        {
            lose_token(State::AgainAfterConfirm);
        }
    });
    on_cleanup(move || {
        let _ = channel.try_update_value(|c| c.take());
    });

    let name = provider.name();
    let cx = crate::view::ctx();
    let message = move || match state.get() {
        State::Loading => cx.text(Msg::CaptchaLoading).to_owned(),
        State::Shown => cx.fill(Msg::CaptchaShown, &[("provider", name)]),
        State::Solved => cx.text(Msg::CaptchaSolved).to_owned(),
        State::Expired => cx.text(Msg::CaptchaExpired).to_owned(),
        State::AgainAfterConfirm => cx.text(Msg::CaptchaAgain).to_owned(),
        State::Failed(Failed::Load) => cx.text(Msg::CaptchaLoadFailed).to_owned(),
        State::Failed(Failed::Timeout) => cx.text(Msg::CaptchaTimeout).to_owned(),
        State::Failed(Failed::Widget) => cx.text(Msg::CaptchaWidgetFailed).to_owned(),
        State::Misconfigured => cx.text(Msg::CaptchaMisconfigured).to_owned(),
    };
    let failed = move || matches!(state.get(), State::Failed(_));
    let retry = move |_| {
        channel.set_value(None);
        height.set(None);
        lose_token(State::Loading);
        attempt.update(|n| *n += 1);
    };
    // Of another origin, the page keeps its own (providers read it); of this one, sandboxed
    // into an opaque origin, it cannot reach this document.
    let sandbox = if other_origin {
        "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"
    } else {
        "allow-scripts allow-popups allow-popups-to-escape-sandbox"
    };
    let title = format!("{} ({name})", cx.text(Msg::SecurityCheck));
    // Not while failed (the payer sees why, and Try again); a new frame for each attempt.
    let shown = Memo::new(move |_| key.with_value(Option::is_some) && !failed());
    let frame = move || {
        attempt.track();
        let src = src.clone();
        let title = title.clone();
        shown.get().then(|| {
            view! {
                <iframe class="sv-captcha-frame" data-testid="captcha-frame" src=src title=title sandbox=sandbox
                    style:height=move || height.get().map(|h| format!("{h}px"))
                    on:load=on_load></iframe>
            }
        })
    };
    view! {
        <div class="sv-captcha" data-testid="captcha" data-state=move || format!("{:?}", state.get()).to_ascii_lowercase()>
            <div class="sv-captcha-box">{frame}</div>
            <p class="sv-captcha-status" role="status" data-testid="captcha-status">{message}</p>
            <Show when=failed>
                <button type="button" class="sv-button sv-button--quiet" data-testid="captcha-retry" on:click=retry>{cx.text(Msg::TryAgain)}</button>
            </Show>
        </div>
    }
}
