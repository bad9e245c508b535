//! The views for a session that cannot be paid: completed, expired, or a status this
//! build does not know.
use super::ctx;
use crate::i18n::Msg;
use crate::model::{Config, ConfigStoreFields};
use leptos::prelude::*;
use reactive_stores::Store;

/// The merchant's name, or "the merchant" in the payer's language.
pub(super) fn merchant(config: Store<Config>) -> Memo<String> {
    let cx = ctx();
    Memo::new(move |_| super::config_reads::merchant_name(config).unwrap_or_else(|| cx.text(Msg::TheMerchant).to_owned()))
}

#[component]
pub fn Completed(config: Store<Config>) -> impl IntoView {
    let cx = ctx();
    let merchant = merchant(config);
    view! {
        <section class="sv-state sv-state--done" role="status" data-testid="completed">
            <h1 class="sv-heading" tabindex="-1">{cx.text(Msg::PaymentComplete)}</h1>
            {move || {
                let (amount, currency) = super::config_reads::total(config);
                let email = config.customer_email().get();
                let paid_text = cx.rich(if amount.is_some() { Msg::YouPaid } else { Msg::PaymentWentThrough }, |arg| match arg {
                    "amount" => view! { <bdi>{cx.money(amount, currency.as_deref())}</bdi> }.into_any(),
                    _ => view! { <bdi>{merchant.get()}</bdi> }.into_any(),
                });
                view! {
                    <p>{paid_text}</p>
                    {email.map(|e| view! { <p>{cx.rich(Msg::ReceiptOnItsWay, |_| view! { <bdi dir="ltr">{e.clone()}</bdi> }.into_any())}</p> })}
                }
            }}
            <p>{cx.text(Msg::CanClosePage)}</p>
        </section>
    }
}

#[component]
pub fn Expired(config: Store<Config>) -> impl IntoView {
    let cx = ctx();
    let merchant = merchant(config);
    view! {
        <section class="sv-state" role="status" data-testid="expired">
            <h1 class="sv-heading" tabindex="-1">{cx.text(Msg::ExpiredTitle)}</h1>
            <p>{cx.rich(Msg::ExpiredAskMerchant, |_| view! { <bdi>{move || merchant.get()}</bdi> }.into_any())}</p>
        </section>
    }
}

#[component]
pub fn Unavailable(config: Store<Config>) -> impl IntoView {
    let cx = ctx();
    let merchant = merchant(config);
    view! {
        <section class="sv-state" role="status" data-testid="unavailable">
            <h1 class="sv-heading" tabindex="-1">{cx.text(Msg::UnavailableTitle)}</h1>
            <p>{cx.rich(Msg::UnavailableBody, |_| view! { <bdi>{move || merchant.get()}</bdi> }.into_any())}</p>
        </section>
    }
}
