//! A one-time code sent by text message or email: where it went (masked), "Send code" when
//! it has not gone yet, one code field (`one-time-code`, numeric keyboard, the whole code
//! pasted at once, Web OTP for SMS where the browser has it), resend with a visible
//! cooldown, and the server's verdict. The code is never logged or put in an event.
use crate::challenge::{self, SendAnswer, VerifyAnswer};
use crate::i18n::Msg;
use crate::view::backend::{ChallengeCall, ChallengeReply};
use crate::view::ctx;
use crate::view::pay_state::pay_state;
use leptos::html::Input;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn CodeChallenge(sms: bool, code_sent: Signal<bool>) -> impl IntoView {
    let cx = ctx();
    let pay = pay_state();
    let backend = crate::view::backend();
    let simulated = backend.simulates_codes();
    let input = NodeRef::<Input>::new();
    let input_id = cx.id("challenge-code");
    let message_id = cx.id("challenge-message");
    let code = RwSignal::new(String::new());
    let sent = RwSignal::new(code_sent.get_untracked());
    let verified = RwSignal::new(false);
    let locked = RwSignal::new(None::<String>);
    let message = RwSignal::new(None::<String>);
    let invalid = RwSignal::new(false);
    let attempts = StoredValue::new(0u32);
    // The resend cooldown, counted from when the code went (or from now, if it went before).
    let now = RwSignal::new(crate::platform::browser::now_ms() as i64);
    let sent_at = RwSignal::new(code_sent.get_untracked().then_some(now.get_untracked()));
    let wait_s = RwSignal::new(challenge::DEFAULT_RESEND_S);
    let left = Memo::new(move |_| sent_at.get().map_or(0, |at| challenge::resend_left_s(at, now.get(), wait_s.get())));
    crate::platform::browser::drop_on_cleanup(crate::platform::browser::Interval::new(1000, move || {
        if left.try_get_untracked().is_some_and(|l| l > 0) {
            let _ = now.try_set(crate::platform::browser::now_ms() as i64);
        }
    }));
    // The server may report later that it sent the code itself.
    Effect::new(move |_| {
        if code_sent.get() && !sent.get_untracked() {
            sent.set(true);
            sent_at.set(Some(crate::platform::browser::now_ms() as i64));
        }
    });
    let focus_input = move || {
        if let Some(el) = input.try_get_untracked().flatten() {
            let _ = el.focus();
        }
    };

    // The two calls, each an `Action`: its `pending()` is what the buttons say ("Sending…",
    // "Checking…") and what keeps a second press from sending again. What comes back is
    // applied if the check is still on screen (it may have gone meanwhile).
    let send = Action::new_local(move |first: &bool| {
        let (reply, first) = (backend.challenge(ChallengeCall::Send, attempts.get_value()), *first);
        async move {
            let reply = reply.await;
            if message.try_get_untracked().is_none() {
                return;
            }
            let wait_for = |s: u32| {
                sent_at.set(Some(crate::platform::browser::now_ms() as i64));
                now.set(crate::platform::browser::now_ms() as i64);
                wait_s.set(s);
            };
            match reply {
                ChallengeReply::Send(SendAnswer::Sent { resend_after_s }) => {
                    wait_for(resend_after_s);
                    sent.set(true);
                    locked.set(None);
                    invalid.set(false);
                    let what = cx.text(match (first, sms) {
                        (true, true) => Msg::CodeSentSms,
                        (true, false) => Msg::CodeSentEmail,
                        (false, true) => Msg::NewCodeSentSms,
                        (false, false) => Msg::NewCodeSentEmail,
                    });
                    let demo =
                        if simulated { format!(" {}", cx.fill(Msg::DemoCode, &[("code", challenge::DEMO_CODE)])) } else { String::new() };
                    message.set(Some(format!("{what}{demo}")));
                    request_animation_frame(focus_input);
                }
                ChallengeReply::Send(SendAnswer::Wait { resend_after_s, message: m }) => {
                    wait_for(resend_after_s);
                    message.set(Some(m.unwrap_or_else(|| cx.text(Msg::WaitBeforeResend).to_owned())));
                }
                ChallengeReply::Send(SendAnswer::Refused(m)) => {
                    message.set(Some(m.unwrap_or_else(|| cx.text(Msg::CouldNotSend).to_owned())));
                }
                _ => message.set(Some(cx.text(Msg::SendConnectionFailed).to_owned())),
            }
        }
    });
    let check = Action::new_local(move |entered: &String| {
        let reply = backend.challenge(ChallengeCall::Verify(entered.clone()), attempts.get_value());
        async move {
            let reply = reply.await;
            if message.try_get_untracked().is_none() {
                return;
            }
            attempts.update_value(|n| *n += 1);
            match reply {
                ChallengeReply::Verify(VerifyAnswer::Verified(response)) => {
                    code.set(String::new());
                    invalid.set(false);
                    verified.set(true);
                    pay.challenge_response.set(Some(response));
                    message.set(Some(cx.text(Msg::Verified).to_owned()));
                }
                ChallengeReply::Verify(VerifyAnswer::Wrong { message: m, attempts_left }) => {
                    code.set(String::new());
                    invalid.set(true);
                    let tries =
                        attempts_left.map(|n| format!(" {}", cx.fill(Msg::AttemptsLeft, &[("count", &n.to_string())]))).unwrap_or_default();
                    message.set(Some(format!("{}{tries}", m.unwrap_or_else(|| cx.text(Msg::WrongCode).to_owned()))));
                    request_animation_frame(focus_input);
                }
                // No more tries, or an answer that cannot be used: the field locks with the reason.
                ChallengeReply::Verify(answer @ (VerifyAnswer::Locked(_) | VerifyAnswer::Unusable)) => {
                    let m = match answer {
                        VerifyAnswer::Locked(Some(m)) => m,
                        VerifyAnswer::Locked(None) => cx.text(if simulated { Msg::DemoLocked } else { Msg::TooManyWrongCodes }).to_owned(),
                        _ => cx.text(Msg::CodeUncheckable).to_owned(),
                    };
                    code.set(String::new());
                    invalid.set(false);
                    locked.set(Some(m.clone()));
                    message.set(Some(m));
                }
                // No answer: the code stays, so the payer can simply try again.
                _ => message.set(Some(cx.text(Msg::VerifyConnectionFailed).to_owned())),
            }
        }
    });
    let (sending, verifying) = (send.pending(), check.pending());
    let busy = move || sending.get() || verifying.get();
    let busy_now = move || sending.get_untracked() || verifying.get_untracked();

    let send_code = move || {
        if busy_now() || left.get_untracked() > 0 {
            return;
        }
        send.dispatch(!sent.get_untracked());
    };

    let verify = move || {
        if busy_now() || verified.get_untracked() || locked.get_untracked().is_some() {
            return;
        }
        let entered = code.get_untracked();
        if !challenge::code_complete(&entered) {
            invalid.set(true);
            let (min, max) = (challenge::CODE_MIN.to_string(), challenge::CODE_MAX.to_string());
            message.set(Some(cx.fill(if sms { Msg::EnterCodeSms } else { Msg::EnterCodeEmail }, &[("min", &min), ("max", &max)])));
            focus_input();
            return;
        }
        message.set(None);
        check.dispatch(entered);
    };

    // Web OTP: where the browser offers it, the code from the SMS fills the field (no
    // auto-submit: the payer presses Verify). Cancelled when the view goes.
    if sms {
        Effect::new(move |_| {
            if sent.get() && !verified.get_untracked() {
                if let Some(abort) = web_otp(code) {
                    crate::platform::browser::drop_on_cleanup(abort);
                }
            }
        });
    }

    let on_input = move |ev: leptos::ev::Event| {
        let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let cleaned = challenge::normalize_code(&el.value());
        if el.value() != cleaned {
            el.set_value(&cleaned); // a pasted "123 456" or "Your code is 123456" becomes the code
        }
        invalid.set(false);
        code.set(cleaned);
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" {
            ev.prevent_default();
            verify();
        }
    };
    let resend_label = move || match left.get() {
        0 => cx.text(if sent.get() { Msg::SendNewCode } else { Msg::SendCode }).to_owned(),
        s => cx.fill(Msg::SendNewCodeIn, &[("time", &crate::time::clock(u64::from(s)))]),
    };
    let input_id_for = input_id.clone();
    let described = message_id.clone();
    view! {
        <div class="sv-code" data-testid="code-challenge">
            <Show when=move || sent.get() && !verified.get()>
                <div class="sv-field">
                    <label class="sv-label" for=input_id_for.clone()>{cx.text(Msg::VerificationCode)}</label>
                    <input
                        id=input_id.clone()
                        class="sv-input sv-input--code"
                        node_ref=input
                        type="text"
                        inputmode="numeric"
                        autocomplete="one-time-code"
                        spellcheck="false"
                        dir="ltr"
                        aria-invalid=move || invalid.get().then_some("true")
                        aria-describedby=described.clone()
                        disabled=move || locked.get().is_some()
                        prop:value=move || code.get()
                        data-testid="code-input"
                        on:input=on_input
                        on:keydown=on_key
                    />
                </div>
            </Show>
            <div class="sv-code-actions">
                <Show when=move || sent.get() && !verified.get()>
                    <button
                        type="button"
                        class="sv-button"
                        data-testid="code-verify"
                        aria-disabled=move || (busy() || locked.get().is_some()).then_some("true")
                        on:click=move |_| verify()
                    >
                        {move || cx.text(if verifying.get() { Msg::CheckingCode } else { Msg::Verify })}
                    </button>
                </Show>
                <Show when=move || !verified.get()>
                    <button
                        type="button"
                        class="sv-button sv-button--quiet"
                        data-testid="code-send"
                        aria-disabled=move || (busy() || left.get() > 0).then_some("true")
                        on:click=move |_| send_code()
                    >
                        {move || if sending.get() { cx.text(Msg::SendingCode).to_owned() } else { resend_label() }}
                    </button>
                </Show>
            </div>
            <p class="sv-code-message" id=message_id role="status" data-testid="code-message"
               class:sv-code-message--ok=move || verified.get() class:sv-code-message--error=move || invalid.get()>{move || message.get()}</p>
        </div>
    }
}

/// Holds a Web OTP request; dropping it aborts the request.
struct OtpRequest(web_sys::AbortController);

impl Drop for OtpRequest {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Asks the browser for the SMS code (Web OTP), if it has the API. The code, when it comes,
/// goes into `code` as if the payer had typed it.
fn web_otp(code: RwSignal<String>) -> Option<OtpRequest> {
    let window = web_sys::window()?;
    if !js_sys::Reflect::has(&window, &"OTPCredential".into()).unwrap_or(false) {
        return None;
    }
    let controller = web_sys::AbortController::new().ok()?;
    let options = js_sys::Object::new();
    let otp = js_sys::Object::new();
    js_sys::Reflect::set(&otp, &"transport".into(), &js_sys::Array::of1(&"sms".into())).ok()?;
    js_sys::Reflect::set(&options, &"otp".into(), &otp).ok()?;
    js_sys::Reflect::set(&options, &"signal".into(), &controller.signal()).ok()?;
    let promise = window.navigator().credentials().get_with_options(options.unchecked_ref()).ok()?;
    leptos::task::spawn_local(async move {
        if let Ok(credential) = wasm_bindgen_futures::JsFuture::from(promise).await {
            let got = js_sys::Reflect::get(&credential, &"code".into()).ok().and_then(|c| c.as_string());
            if let Some(c) = got {
                let _ = code.try_set(challenge::normalize_code(&c));
            }
        }
    });
    Some(OtpRequest(controller))
}
