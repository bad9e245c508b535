//! The fraud challenge the server asked for, satisfied before confirm: a captcha widget
//! (`captcha.rs`, in a frame of its own) or a one-time code (`code.rs`). The
//! solved response lands in `PayState::challenge_response`, which the gate and confirm read.
//! A challenge that changes (or first appears) through a live update starts afresh and
//! blocks confirm from that moment.
mod captcha;
mod code;

use crate::challenge::Provider;
use crate::i18n::Msg;
use crate::model::{ChallengeType, Config, ConfigStoreFields};
use crate::view::ctx;
use crate::view::pay_state::pay_state;
use leptos::prelude::*;
use reactive_stores::Store;

fn kind_name(k: &ChallengeType) -> &'static str {
    match k {
        ChallengeType::Hcaptcha => "hcaptcha",
        ChallengeType::Turnstile => "turnstile",
        ChallengeType::Sms => "sms",
        ChallengeType::Email => "email",
        ChallengeType::Other(_) => "other",
    }
}

/// What identifies one challenge: a new kind or key is a new challenge.
fn identity(config: Store<Config>) -> Memo<Option<(ChallengeType, Option<String>)>> {
    Memo::new(move |_| config.challenge().with(|c| c.as_ref().map(|ch| (ch.kind.clone(), ch.site_key.clone()))))
}

/// Whether the server says it has sent the code already.
fn code_sent(config: Store<Config>) -> Signal<bool> {
    Signal::derive(move || config.challenge().with(|c| c.as_ref().is_some_and(|ch| ch.code_sent)))
}

/// Where a check is asked. A one-time code first, at the top of the payment section and in
/// its first paint: the payer learns at once where the code goes, and it can arrive while
/// they fill in the rest. A captcha just above Pay, in the pay form: its token lives two to
/// five minutes, so it is solved last.
fn asked_first(kind: &ChallengeType) -> bool {
    matches!(kind, ChallengeType::Sms | ChallengeType::Email)
}

/// The check's box: its heading, what it asks (`detail`, with the masked hint in place), and
/// what the payer does (`body`).
fn check_box(kind: &ChallengeType, title: Msg, detail: Signal<Msg>, hint: Signal<Option<String>>, body: Option<AnyView>) -> impl IntoView {
    let cx = ctx();
    view! {
        <div class="sv-challenge" class:sv-challenge--code=asked_first(kind) data-testid="challenge" data-kind=kind_name(kind)>
            <h3 class="sv-subheading" id=cx.id("challenge") tabindex="-1">{cx.text(title)}</h3>
            <p>
                {move || cx.rich(detail.get(), |_| view! { <bdi class="sv-hint" dir="ltr">{hint.get()}</bdi> }.into_any())}
            </p>
            {body}
        </div>
    }
}

/// The payment section's part of the check (its words are in the main module's first paint
/// too, `crate::first_paint`): a new challenge drops an answer to the previous one, one that arrives
/// with a live update is announced, and a one-time code's heading and words are shown (its
/// entry, [`CodeEntry`], comes right under them with the pay form).
#[component]
pub fn ChallengeIntro(config: Store<Config>) -> impl IntoView {
    let cx = ctx();
    let pay = pay_state();
    let which = identity(config);
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
    let code_sent = code_sent(config);
    let block = move || {
        let (kind, _) = which.get()?;
        if !asked_first(&kind) {
            return None;
        }
        let sms = kind == ChallengeType::Sms;
        let detail = Signal::derive(move || crate::challenge::code_words(code_sent.get(), sms, hint.with(Option::is_some)));
        Some(check_box(&kind, Msg::VerifyItsYou, detail, hint.into(), None))
    };
    // The live region first: the code's box is then followed at once by its entry.
    view! {
        <p class="sv-visually-hidden" role="status" data-testid="challenge-announce">{move || announce.get()}</p>
        {block}
    }
}

/// A one-time code's entry, first in the pay form, right under [`ChallengeIntro`]'s words.
#[component]
pub fn CodeEntry(config: Store<Config>) -> impl IntoView {
    let which = identity(config);
    let code_sent = code_sent(config);
    move || {
        let (kind, _) = which.get()?;
        let sms = kind == ChallengeType::Sms;
        asked_first(&kind).then(|| {
            view! {
                <div class="sv-challenge sv-challenge--entry" data-testid="challenge-entry">
                    <code::CodeChallenge sms code_sent/>
                </div>
            }
        })
    }
}

/// A captcha (or a check this view does not know), just above Pay: says which check is
/// needed and shows it.
#[component]
pub fn Challenge(config: Store<Config>) -> impl IntoView {
    let which = identity(config);
    move || {
        let (kind, site_key) = which.get()?;
        let (title, detail, body) = match &kind {
            ChallengeType::Hcaptcha | ChallengeType::Turnstile => {
                let provider = if kind == ChallengeType::Hcaptcha { Provider::Hcaptcha } else { Provider::Turnstile };
                (Msg::SecurityCheck, Msg::NotARobot, Some(view! { <captcha::Captcha provider site_key/> }.into_any()))
            }
            ChallengeType::Other(_) => (Msg::ExtraVerification, Msg::CheckNotShown, None),
            ChallengeType::Sms | ChallengeType::Email => return None,
        };
        Some(check_box(&kind, title, Signal::stored(detail), Signal::stored(None), body))
    }
}
