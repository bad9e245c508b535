use super::{challenge::Challenge, confirm::ConfirmButton, ctx, method_choice::MethodChoice, save_consent::SaveConsent};
use crate::i18n::Msg;
use crate::model::{Config, MethodType};
use leptos::prelude::*;
use reactive_stores::Store;

/// How the payer can pay: saved methods, the method types allowed, what will be asked,
/// consent to saving, and any security check the server asked for.
#[component]
pub fn PaymentMethods(config: Store<Config>) -> impl IntoView {
    let cx = ctx();
    super::pay_state::Entered::provide(config);
    let heading_id = cx.id("payment");
    let labelled_by = heading_id.clone();
    let none_allowed = Memo::new(move |_| ![MethodType::Card, MethodType::Ach].iter().any(|m| super::fields::allows(config, m)));
    view! {
        <section class="sv-payment" aria-labelledby=labelled_by>
            <h2 class="sv-heading" id=heading_id>{cx.text(Msg::Payment)}</h2>
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
        </section>
    }
}
