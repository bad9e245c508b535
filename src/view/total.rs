use super::ctx;
use crate::i18n::Msg;
use crate::model::{Config, ConfigStoreFields};
use leptos::prelude::*;
use reactive_stores::Store;

/// The total row. `amount` is what is charged; when the items add up to something else
/// the total still shows `amount`, never the sum.
#[component]
pub fn Total(config: Store<Config>) -> impl IntoView {
    let cx = ctx();
    let has_items = Memo::new(move |_| config.line_items().with(|items| !items.is_empty()));
    move || {
        let (amount, currency) = super::config_reads::total(config);
        has_items.get().then(|| {
            view! {
                <p class="sv-total">
                    <span>{cx.text(Msg::Total)}</span>
                    <span class="sv-total-amount" data-testid="total">{cx.money(amount, currency.as_deref())}</span>
                </p>
            }
        })
    }
}
