//! The fraud challenge the server asked for, satisfied before confirm: a captcha widget
//! (`captcha.rs`, its script loaded by `script.rs`) or a one-time code (`code.rs`). The
//! solved response lands in `PayState::challenge_response`, which the gate and confirm read.
//! A challenge that changes (or first appears) through a live update starts afresh and
//! blocks confirm from that moment.
mod captcha;
mod code;
mod script;

use crate::challenge::{Provider, SendAnswer, VerifyAnswer};
use crate::model::{ChallengeType, Config};
use crate::view::pay_state::pay_state;
use crate::view::ctx;
use leptos::prelude::*;

/// A request the code challenge makes of the server.
#[derive(Clone)]
pub enum ChallengeCall {
    Send,
    /// The code the payer typed: sent to the API only.
    Verify(String),
}

impl std::fmt::Debug for ChallengeCall {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ChallengeCall::Send => "Send",
            ChallengeCall::Verify(_) => "Verify(..)", // never prints the code
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChallengeReply {
    Send(SendAnswer),
    Verify(VerifyAnswer),
    /// No answer, or a 5xx: the payer may try again.
    Unreachable,
}

/// Provided by a live session. `call` talks to the challenge endpoints; without it (the demo
/// gallery, or a config given directly) nothing is sent and the demo code is accepted.
#[derive(Clone, Copy)]
pub struct ChallengeServer {
    pub call: Option<Callback<(ChallengeCall, Callback<ChallengeReply>)>>,
    /// How long a captcha script may take to load.
    pub timeout_ms: i32,
}

fn kind_name(k: &ChallengeType) -> &'static str {
    match k {
        ChallengeType::Hcaptcha => "hcaptcha",
        ChallengeType::Turnstile => "turnstile",
        ChallengeType::Sms => "sms",
        ChallengeType::Email => "email",
        ChallengeType::Other(_) => "other",
    }
}

/// Says which check is needed and shows it; for codes, where the code goes (masked).
#[component]
pub fn Challenge(config: Signal<Config>) -> impl IntoView {
    let cx = ctx();
    let pay = pay_state();
    let heading_id = cx.id("challenge");
    // What identifies one challenge: a new kind or key is a new challenge.
    let which = Memo::new(move |_| config.with(|c| c.challenge.as_ref().map(|ch| (ch.kind.clone(), ch.site_key.clone()))));
    Effect::new(move |before: Option<Option<(ChallengeType, Option<String>)>>| {
        let now = which.get();
        if before.is_some_and(|b| b != now) {
            pay.challenge_response.set(None); // an answer to another challenge is no answer
        }
        now
    });
    // A check that arrives with a live update (not with the first config) is announced.
    let announce = RwSignal::new(String::new());
    Effect::new(move |before: Option<bool>| {
        let present = which.with(Option::is_some);
        if before == Some(false) && present {
            announce.set("A security check is now needed before you can pay.".to_owned());
        }
        present
    });
    let hint = Memo::new(move |_| config.with(|c| c.challenge.as_ref().and_then(|ch| ch.delivery_hint.clone())));
    let code_sent = Signal::derive(move || config.with(|c| c.challenge.as_ref().is_some_and(|ch| ch.code_sent)));
    let block = move || {
        let (kind, site_key) = which.get()?;
        let heading_id = heading_id.clone();
        let (title, detail, body) = match &kind {
            ChallengeType::Hcaptcha | ChallengeType::Turnstile => {
                let provider = if kind == ChallengeType::Hcaptcha { Provider::Hcaptcha } else { Provider::Turnstile };
                (
                    "Security check",
                    Signal::stored("Before paying, confirm you're not a robot".to_owned()),
                    Some(view! { <captcha::Captcha provider site_key/> }.into_any()),
                )
            }
            ChallengeType::Sms | ChallengeType::Email => {
                let sms = kind == ChallengeType::Sms;
                let channel = if sms { "text message" } else { "email" };
                let detail = Signal::derive(move || {
                    let sent = if code_sent.get() { "We sent a code by" } else { "We'll send a code by" };
                    format!("{sent} {channel}")
                });
                ("Verify it's you", detail, Some(view! { <code::CodeChallenge sms code_sent/> }.into_any()))
            }
            ChallengeType::Other(_) => (
                "Extra verification needed",
                Signal::stored("This payment needs a check this page can't show; please contact the merchant".to_owned()),
                None,
            ),
        };
        Some(view! {
            <div class="sv-challenge" data-testid="challenge" data-kind=kind_name(&kind)>
                <h3 class="sv-subheading" id=heading_id tabindex="-1">{title}</h3>
                <p>
                    {detail}
                    {move || hint.get().map(|h| view! { " to " <bdi class="sv-hint">{h}</bdi> })}
                    "."
                </p>
                {body}
            </div>
        })
    };
    view! {
        {block}
        <p class="sv-visually-hidden" role="status" data-testid="challenge-announce">{move || announce.get()}</p>
    }
}
