use super::ctx;
use crate::i18n::Msg;
use crate::model::{Config, ConfigStoreFields, LineItem};
use leptos::prelude::*;
use reactive_stores::Store;
use std::hash::{DefaultHasher, Hash, Hasher};

/// A row's identity: its position and a hash of what it shows.
type RowKey = (usize, u64);

fn row_key(i: usize, item: &LineItem, currency: Option<&str>) -> RowKey {
    let mut h = DefaultHasher::new();
    (item, currency).hash(&mut h);
    (i, h.finish())
}

/// One row per item: description, quantity, unit price and line amount. Rows are keyed
/// by position and content, so a change elsewhere (e.g. the total) leaves them in place, and
/// a new config costs a hash per item: only rows that changed are formatted and built.
#[component]
pub fn LineItems(config: Store<Config>) -> impl IntoView {
    let cx = ctx();
    // Every row hands these to the DOM: crossed into JS once and then reused, not decoded
    // again for each of thousands of rows (wasm-bindgen's `enable-interning`).
    for s in ["class", "dir", "auto", "sv-item", "sv-item-name", "sv-item-qty", "sv-item-amount"] {
        wasm_bindgen::intern(s);
    }
    let keys = Memo::new(move |_| {
        config.currency().with(|cur| {
            config.line_items().with(|items| items.iter().enumerate().map(|(i, item)| row_key(i, item, cur.as_deref())).collect::<Vec<_>>())
        })
    });
    let row = move |(i, _): RowKey| {
        let item = config.line_items().with_untracked(|items| items.get(i).cloned());
        let item = item.unwrap_or(LineItem { description: None, amount: None, quantity: 1 });
        let currency = config.currency().get_untracked();
        let cur = currency.as_deref();
        let qty = item.quantity;
        // The unit price only where it tells something (a quantity other than one).
        let per_unit = (qty != 1).then(|| format!("{qty} × {}", cx.money(item.amount, cur)));
        let line = cx.money(item.total(), cur);
        view! {
            <li class="sv-item">
                <span class="sv-item-name" dir="auto">{item.description.unwrap_or_else(|| cx.text(Msg::Item).to_owned())}</span>
                <span class="sv-item-qty">{per_unit}</span>
                <span class="sv-item-amount">{line}</span>
            </li>
        }
    };
    view! {
        <Show when=move || keys.with(|k| !k.is_empty())>
            <ul class="sv-items" aria-label=cx.text(Msg::Items)>
                <For each=move || keys.get() key=|k| *k children=row/>
            </ul>
        </Show>
    }
}
