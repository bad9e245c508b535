use super::ctx;
use crate::i18n::Msg;
use crate::model::Config;
use leptos::prelude::*;

/// The total row. `amount` is what is charged; when the items add up to something else
/// the total still shows `amount`, never the sum.
#[component]
pub fn Total(config: Signal<Config>) -> impl IntoView {
    let cx = ctx();
    let total = Memo::new(move |_| config.with(|c| (c.amount, c.currency.clone(), !c.line_items.is_empty())));
    move || {
        let (amount, currency, has_items) = total.get();
        has_items.then(|| {
            view! {
                <p class="sv-total">
                    <span>{cx.text(Msg::Total)}</span>
                    <span class="sv-total-amount" data-testid="total">{cx.money(amount, currency.as_deref())}</span>
                </p>
            }
        })
    }
}
