use crate::model::Config;
use leptos::prelude::*;

/// The payer's email, shown, not editable.
#[component]
pub fn CustomerEmail(config: Signal<Config>) -> impl IntoView {
    let email = Memo::new(move |_| config.with(|c| c.customer_email.clone()));
    move || {
        email.get().map(|e| {
            view! { <p class="sv-email">"Receipt to " <bdi class="sv-email-address">{e}</bdi></p> }
        })
    }
}
