//! The fraud challenge the server asked for, satisfied before confirm: a captcha widget
//! (`captcha.rs`, its script loaded by `script.rs`) or a one-time code (`code.rs`). The
//! solved response lands in `PayState::challenge_response`, which the gate and confirm read.
//! A challenge that changes (or first appears) through a live update starts afresh and
//! blocks confirm from that moment.
mod captcha;
mod code;
mod script;

use crate::challenge::{Provider, SendAnswer, VerifyAnswer};
use crate::i18n::Msg;
use crate::model::{ChallengeType, Config, ConfigStoreFields};
use crate::view::ctx;
use crate::view::pay_state::pay_state;
use leptos::prelude::*;
use reactive_stores::Store;

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
pub fn Challenge(config: Store<Config>) -> impl IntoView {
    let cx = ctx();
    let pay = pay_state();
    let heading_id = cx.id("challenge");
    // What identifies one challenge: a new kind or key is a new challenge.
    let which = Memo::new(move |_| config.challenge().with(|c| c.as_ref().map(|ch| (ch.kind.clone(), ch.site_key.clone()))));
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
            announce.set(cx.text(Msg::ChallengeAnnounce).to_owned());
        }
        present
    });
    let hint = Memo::new(move |_| config.challenge().with(|c| c.as_ref().and_then(|ch| ch.delivery_hint.clone())));
    let code_sent = Signal::derive(move || config.challenge().with(|c| c.as_ref().is_some_and(|ch| ch.code_sent)));
    let block = move || {
        let (kind, site_key) = which.get()?;
        let heading_id = heading_id.clone();
        let (title, detail, body) = match &kind {
            ChallengeType::Hcaptcha | ChallengeType::Turnstile => {
                let provider = if kind == ChallengeType::Hcaptcha { Provider::Hcaptcha } else { Provider::Turnstile };
                (Msg::SecurityCheck, Signal::stored(Some(Msg::NotARobot)), Some(view! { <captcha::Captcha provider site_key/> }.into_any()))
            }
            ChallengeType::Sms | ChallengeType::Email => {
                let sms = kind == ChallengeType::Sms;
                let detail = Signal::derive(move || {
                    let to = hint.with(Option::is_some);
                    Some(match (code_sent.get(), sms, to) {
                        (true, true, false) => Msg::CodeSentSms,
                        (true, true, true) => Msg::CodeSentSmsTo,
                        (true, false, false) => Msg::CodeSentEmail,
                        (true, false, true) => Msg::CodeSentEmailTo,
                        (false, true, false) => Msg::CodeToSendSms,
                        (false, true, true) => Msg::CodeToSendSmsTo,
                        (false, false, false) => Msg::CodeToSendEmail,
                        (false, false, true) => Msg::CodeToSendEmailTo,
                    })
                });
                (Msg::VerifyItsYou, detail, Some(view! { <code::CodeChallenge sms code_sent/> }.into_any()))
            }
            ChallengeType::Other(_) => (Msg::ExtraVerification, Signal::stored(Some(Msg::CheckNotShown)), None),
        };
        Some(view! {
            <div class="sv-challenge" data-testid="challenge" data-kind=kind_name(&kind)>
                <h3 class="sv-subheading" id=heading_id tabindex="-1">{cx.text(title)}</h3>
                <p>
                    {move || detail.get().map(|m| cx.rich(m, |_| view! { <bdi class="sv-hint" dir="ltr">{hint.get()}</bdi> }.into_any()))}
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
