use super::{page_message::PageMessage, saved_methods::SavedMethods};
use crate::model::{Config, Wire};
use leptos::prelude::*;

/// Scope `wallet`: the payer's saved methods. Nothing to pay, so no amount or total.
#[component]
pub fn Wallet(config: Signal<Config>) -> impl IntoView {
    let empty = Memo::new(move |_| config.with(|c| !c.saved_methods.iter().any(|m| m.kind.is_known())));
    view! {
        <section class="sv-wallet" data-testid="wallet">
            <h1 class="sv-heading">"Your saved payment methods"</h1>
            <SavedMethods config/>
            <Show when=move || empty.get()>
                <p class="sv-notice">"You have no saved payment methods."</p>
            </Show>
        </section>
        <PageMessage config/>
    }
}
