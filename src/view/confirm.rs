use super::backend::{backend, PayReport};
use super::pay_state::{entered, find, pay_state, Choice, ConfirmRequest, Confirmed, Unanswered};
use super::{ctx, total_change::total_seen};
use crate::gate::{self, Blocker, GateInput};
use crate::i18n::Msg;
use crate::model::{Config, ConfigStoreFields};
use leptos::html::Button;
use leptos::prelude::*;
use reactive_stores::Store;

/// The one primary button: "Pay $49.99". It stays focusable and says what is in the way
/// (`aria-disabled`) until the gate opens; pressing it then shows every problem and moves
/// focus to the first one. It never sends twice: the confirm is an `Action`, and while it
/// is pending the gate is closed. An embedder may press it with its own button (`submit()`),
/// and hide it; the status and problems below it still show.
#[component]
pub fn ConfirmButton(config: Store<Config>) -> impl IntoView {
    let cx = ctx();
    let pay = pay_state();
    let seen = total_seen();
    let backend = backend();
    let handed_off = backend.embedder_confirms();
    // The answer is applied to the form as it arrives (a decline empties the security code).
    let send = Action::new_local(move |req: &ConfirmRequest| {
        let answer = backend.confirm(req.clone());
        async move {
            let outcome = answer.await;
            pay.apply(&outcome);
            outcome
        }
    });
    let checking = backend.checking();
    let sending = send.pending();
    let outcome = send.value();
    let button = NodeRef::<Button>::new();
    let status_id = cx.id("confirm-status");
    let prefix = StoredValue::new(cx.prefix());
    let label = move || match super::config_reads::total(config) {
        (Some(a), cur) => cx.fill(Msg::PayAmount, &[("amount", &cx.money(Some(a), cur.as_deref()))]),
        _ => cx.text(Msg::Pay).to_owned(),
    };
    let entered = entered();
    let problems = entered.problems();
    let input = Memo::new(move |_| GateInput {
        payable: config.amount().with(Option::is_some),
        method_chosen: pay.choice.get() != Choice::None,
        method_valid: problems.with(Vec::is_empty),
        challenge_required: config.challenge().with(Option::is_some),
        challenge_satisfied: pay.challenge_response.with(Option::is_some),
        total_seen: seen.get(),
        submitting: sending.get(),
    });
    let blocked = Memo::new(move |_| gate::blocker(&input.get()));
    // What an embedder's page hears: whether a press would send now (a confirm under way
    // does not make the form incomplete), and the kind of method chosen.
    let validity = Memo::new(move |_| {
        let complete = gate::blocker(&GateInput { submitting: false, ..input.get() }).is_none();
        let method = match pay.choice.get() {
            Choice::None => None,
            Choice::Saved(_) => Some("saved"),
            Choice::NewCard => Some("card"),
            Choice::NewBank => Some("us_bank_account"),
        };
        PayReport::Validity { complete, method }
    });
    Effect::new(move |_| backend.report(validity.get()));
    let press = move || {
        let Some(btn) = button.get_untracked() else { return };
        let focus = |id: String| {
            if let Some(el) = find(&btn, &id) {
                let _ = el.focus();
            }
        };
        match blocked.get_untracked() {
            Some(Blocker::MethodIncomplete) => {
                prefix.with_value(|p| problems.with_untracked(|problems| pay.reveal_problems(&btn, p, problems)))
            }
            Some(Blocker::NoMethod) => {
                pay.submitted.set(true); // the status line says to choose one
                focus(prefix.with_value(|p| format!("{p}-method-0")))
            }
            // To the code field if there is one, else to the check's heading.
            Some(Blocker::ChallengePending) => {
                let (code, heading) = prefix.with_value(|p| (format!("{p}-challenge-code"), format!("{p}-challenge")));
                match find(&btn, &code) {
                    Some(el) => {
                        let _ = el.focus();
                    }
                    None => focus(heading),
                }
            }
            Some(_) => {}
            None => {
                let choice = pay.choice.get_untracked();
                let saved = match &choice {
                    Choice::Saved(id) => Some(id.clone()),
                    _ => None,
                };
                let Some(payment_method) = entered.0.with_untracked(|e| e.1.clone()) else { return };
                let method_type = match choice {
                    Choice::Saved(_) => "saved",
                    Choice::NewCard => "card",
                    _ => "us_bank_account",
                };
                let challenge_response = pay.challenge_response.get_untracked();
                send.dispatch(ConfirmRequest { payment_method, method_type, saved_method_id: saved, challenge_response });
            }
        }
    };
    // The embedder's own button (`submit()`): the same press; what was in the way is reported.
    if let Some(submits) = backend.submits() {
        Effect::watch(
            move || submits.get(),
            move |_, _, _| {
                let before = blocked.get_untracked();
                press();
                if let Some(b) = before.filter(|b| *b != Blocker::Submitting) {
                    backend.report(PayReport::Blocked(b));
                }
            },
            false,
        );
    }
    let shown = backend.pay_button();
    // What is under way or in the way: a polite status line under the button.
    let status = move || match (sending.get(), outcome.get(), blocked.get()) {
        (true, ..) if checking.get() => Some(cx.text(Msg::CheckingEarlierPayment).to_owned()),
        (true, ..) if handed_off => Some(cx.text(Msg::ConfirmingWithMerchant).to_owned()),
        (true, ..) => Some(cx.text(Msg::Confirming).to_owned()),
        (false, Some(Confirmed::Demo), _) => Some(cx.text(Msg::DemoNothingSent).to_owned()),
        (false, None | Some(Confirmed::Settled), Some(b))
            if pay.submitted.get() || b == Blocker::TotalNotSeen || b == Blocker::ChallengePending =>
        {
            Some(cx.text(b.message()).to_owned())
        }
        _ => None,
    };
    // What went wrong with the last confirm: an alert above the button, one clear sentence
    // each (the server's own words, if any, as a sentence of their own).
    let problem = move || {
        let text = match outcome.get().filter(|_| !sending.get()) {
            Some(Confirmed::Declined(reason)) => {
                let reason = reason.map(|r| format!(" {}", crate::validate::as_sentence(&r))).unwrap_or_default();
                format!("{}{reason} {}", cx.text(Msg::Declined), cx.text(Msg::DeclineAdvice))
            }
            Some(Confirmed::Refused(m)) => m.map_or_else(|| cx.text(Msg::Refused).to_owned(), |m| crate::validate::as_sentence(&m)),
            Some(Confirmed::Unknown(Unanswered::Unreachable)) => cx.text(Msg::ConfirmUnreachable).to_owned(),
            Some(Confirmed::Unknown(Unanswered::ServiceProblem)) => cx.text(Msg::ConfirmServiceProblem).to_owned(),
            Some(Confirmed::CheckFailed) => cx.text(Msg::EarlierPaymentUnknown).to_owned(),
            Some(Confirmed::NotConfirmed) => cx.text(Msg::MerchantDidNotConfirm).to_owned(),
            _ => return None,
        };
        Some(view! { <p class="sv-alert" data-testid="confirm-problem">{text}</p> })
    };
    let described = status_id.clone();
    view! {
        <div class="sv-confirm">
            <div class="sv-alert-slot" role="alert">{problem}</div>
            <button
                type="button"
                class="sv-button sv-button--primary"
                node_ref=button
                aria-disabled=move || blocked.get().map(|_| "true")
                aria-describedby=described
                data-testid="confirm"
                hidden=!shown
                on:click=move |_| press()
            >
                {label}
            </button>
            <p class="sv-confirm-status" id=status_id role="status" data-testid="confirm-status">{status}</p>
        </div>
    }
}
