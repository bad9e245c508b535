use super::challenge::{Challenge, ChallengeIntro, CodeEntry};
use super::{confirm::ConfirmButton, ctx, method_choice::MethodChoice, save_consent::SaveConsent};
use crate::i18n::Msg;
use crate::model::{Config, MethodType};
use leptos::prelude::*;
use reactive_stores::Store;

/// How the payer can pay: the section, its heading and a one-time code's words (what the
/// main module's first paint draws too, `crate::first_paint`), then the pay form ([`PayForm`]).
#[component]
pub fn PaymentMethods(config: Store<Config>) -> impl IntoView {
    let cx = ctx();
    let heading_id = cx.id("payment");
    let labelled_by = heading_id.clone();
    view! {
        <section class="sv-payment" aria-labelledby=labelled_by>
            <h2 class="sv-heading" id=heading_id>{cx.text(Msg::Payment)}</h2>
            <ChallengeIntro config/>
            <PayForm config/>
        </section>
    }
}

/// The pay form: a one-time code's entry, the saved methods and the method types allowed,
/// what will be asked, a captcha, consent to saving, and Pay.
#[component]
pub fn PayForm(config: Store<Config>) -> impl IntoView {
    let cx = ctx();
    super::pay_state::Entered::provide(config);
    let none_allowed = Memo::new(move |_| ![MethodType::Card, MethodType::Ach].iter().any(|m| super::config_reads::allows(config, m)));
    view! {
        <CodeEntry config/>
        // The method radio group below says what can be used; only its absence needs words.
        <Show when=move || none_allowed.get()>
            <p class="sv-notice" data-testid="no-methods">
                {cx.text(Msg::NoMethods)}
            </p>
        </Show>
        <MethodChoice config/>
        <Challenge config/>
        <SaveConsent config/>
        <ConfirmButton config/>
    }
}
