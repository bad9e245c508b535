use super::ctx;
use crate::i18n::Msg;
use crate::model::{Config, ConfigStoreFields};
use leptos::prelude::*;
use reactive_stores::Store;

/// The payer's email, shown, not editable.
#[component]
pub fn CustomerEmail(config: Store<Config>) -> impl IntoView {
    let cx = ctx();
    move || {
        config.customer_email().get().map(|e| {
            view! { <p class="sv-email">{cx.rich(Msg::ReceiptTo, |_| view! { <bdi class="sv-email-address" dir="ltr">{e.clone()}</bdi> }.into_any())}</p> }
        })
    }
}
