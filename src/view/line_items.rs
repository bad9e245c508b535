use super::ctx;
use crate::i18n::Msg;
use crate::model::{Config, LineItem};
use leptos::prelude::*;

/// One row per item: description, quantity, unit price and line amount. Rows are keyed
/// by position and content, so a change elsewhere (e.g. the total) leaves them in place.
#[component]
pub fn LineItems(config: Signal<Config>) -> impl IntoView {
    let cx = ctx();
    let rows = Memo::new(move |_| {
        config.with(|c| {
            let currency = c.currency.clone();
            c.line_items.iter().cloned().enumerate().map(|(i, item)| (i, item, currency.clone())).collect::<Vec<_>>()
        })
    });
    let row = move |(_, item, currency): (usize, LineItem, Option<String>)| {
        let cur = currency.as_deref();
        let unit = cx.money(item.amount, cur);
        let line = cx.money(item.total(), cur);
        let qty = item.quantity;
        view! {
            <li class="sv-item">
                <span class="sv-item-name" dir="auto">{item.description.clone().unwrap_or_else(|| cx.t(Msg::Item).to_owned())}</span>
                <span class="sv-item-qty">
                    {(qty != 1).then(|| format!("{qty} × {unit}"))}
                </span>
                <span class="sv-item-amount">{line}</span>
            </li>
        }
    };
    view! {
        <Show when=move || rows.with(|r| !r.is_empty())>
            <ul class="sv-items" aria-label=cx.t(Msg::Items)>
                <For each=move || rows.get() key=|r| r.clone() children=row/>
            </ul>
        </Show>
    }
}
