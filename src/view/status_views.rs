//! The views for a session that cannot be paid: completed, expired, or a status this
//! build does not know.
use super::ctx;
use crate::model::Config;
use leptos::prelude::*;

fn merchant(config: Signal<Config>) -> Memo<String> {
    Memo::new(move |_| config.with(|c| c.merchant_name().unwrap_or("the merchant").to_owned()))
}

#[component]
pub fn Completed(config: Signal<Config>) -> impl IntoView {
    let cx = ctx();
    let paid = Memo::new(move |_| config.with(|c| (c.amount, c.currency.clone(), c.customer_email.clone())));
    let merchant = merchant(config);
    view! {
        <section class="sv-state sv-state--done" role="status" data-testid="completed">
            <h1 class="sv-heading" tabindex="-1">"Payment complete"</h1>
            {move || {
                let (amount, currency, email) = paid.get();
                view! {
                    <p>
                        {amount.map(|a| format!("You paid {} to ", cx.money(Some(a), currency.as_deref())))
                            .unwrap_or_else(|| "Your payment to ".to_owned())}
                        <bdi>{merchant.get()}</bdi>
                        {if amount.is_some() { "." } else { " went through." }}
                    </p>
                    {email.map(|e| view! { <p>"A receipt is on its way to " <bdi>{e}</bdi> "."</p> })}
                }
            }}
            <p>"You can close this page."</p>
        </section>
    }
}

#[component]
pub fn Expired(config: Signal<Config>) -> impl IntoView {
    let merchant = merchant(config);
    view! {
        <section class="sv-state" role="status" data-testid="expired">
            <h1 class="sv-heading" tabindex="-1">"This checkout has expired"</h1>
            <p>"Nothing has been charged. To pay, ask " <bdi>{move || merchant.get()}</bdi> " for a new payment link."</p>
        </section>
    }
}

#[component]
pub fn Unavailable(config: Signal<Config>) -> impl IntoView {
    let merchant = merchant(config);
    view! {
        <section class="sv-state" role="status" data-testid="unavailable">
            <h1 class="sv-heading" tabindex="-1">"This checkout can't be paid right now"</h1>
            <p>"Nothing has been charged. Please try again later or contact " <bdi>{move || merchant.get()}</bdi> "."</p>
        </section>
    }
}
