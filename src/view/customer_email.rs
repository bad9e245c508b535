use super::ctx;
use crate::i18n::Msg;
use crate::model::Config;
use leptos::prelude::*;

/// The payer's email, shown, not editable.
#[component]
pub fn CustomerEmail(config: Signal<Config>) -> impl IntoView {
    let cx = ctx();
    let email = Memo::new(move |_| config.with(|c| c.customer_email.clone()));
    move || {
        email.get().map(|e| {
            view! { <p class="sv-email">{cx.rich(Msg::ReceiptTo, |_| view! { <bdi class="sv-email-address" dir="ltr">{e.clone()}</bdi> }.into_any())}</p> }
        })
    }
}
