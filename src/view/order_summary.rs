use super::config_reads;
use super::{ctx, line_items::LineItems, total::Total};
use crate::i18n::Msg;
use crate::model::{Config, ConfigStoreFields};
use leptos::prelude::*;
use reactive_stores::Store;

/// What is being paid for: the amount due up front, then the description and the items.
#[component]
pub fn OrderSummary(config: Store<Config>) -> impl IntoView {
    let cx = ctx();
    let heading_id = cx.id("summary");
    let labelled_by = heading_id.clone();
    let due = move || {
        let (amount, currency) = config_reads::total(config);
        match amount {
            Some(a) => cx.money(Some(a), currency.as_deref()),
            None => cx.text(Msg::AmountUnavailable).to_owned(),
        }
    };
    view! {
        <section class="sv-summary" aria-labelledby=labelled_by>
            <h1 class="sv-due-label" id=heading_id>
                {move || match config_reads::merchant_name(config) {
                    Some(n) => cx.rich(Msg::PayMerchant, |_| view! { <bdi>{n.clone()}</bdi> }.into_any()).into_any(),
                    None => cx.text(Msg::AmountDue).into_any(),
                }}
            </h1>
            <p class="sv-due" data-testid="amount-due">{due}</p>
            {move || config.description().get().map(|d| view! { <p class="sv-description" dir="auto">{d}</p> })}
            <LineItems config/>
            <Total config/>
        </section>
    }
}
