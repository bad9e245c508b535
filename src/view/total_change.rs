use super::ctx;
use crate::i18n::Msg;
use crate::model::Config;
use leptos::prelude::*;
use reactive_stores::Store;

/// Whether the payer has seen the current total; the confirm gate requires it.
#[derive(Clone, Copy)]
pub struct TotalSeen(pub RwSignal<bool>);

/// This view's `TotalSeen`. Panics outside a `SessionView` (where the gate would otherwise
/// not know whether the payer has seen the total).
pub fn total_seen() -> RwSignal<bool> {
    expect_context::<TotalSeen>().0
}

/// When the merchant changes the total while the payer looks, says so plainly (old → new)
/// in a polite live region, until the payer acknowledges it.
#[component]
pub fn TotalChange(config: Store<Config>) -> impl IntoView {
    let cx = ctx();
    let seen = total_seen();
    let change = RwSignal::new(None::<(String, String)>);
    let fmt = move |(amount, currency): &(Option<i64>, Option<String>)| cx.money(*amount, currency.as_deref());
    Effect::new(move |before: Option<(Option<i64>, Option<String>)>| {
        let now = super::config_reads::total(config);
        if let Some(before) = before.filter(|b| b.0.is_some() && *b != now) {
            change.set(Some((fmt(&before), fmt(&now))));
            seen.set(false);
        }
        now
    });
    let dismiss = move |_| {
        change.set(None);
        seen.set(true);
    };
    // The live region holds the sentence alone (a screen reader announces just that); the
    // button to acknowledge it sits beside it, in the same box, outside the region.
    let shown = move || change.with(Option::is_some);
    view! {
        <div class="sv-change" class:sv-notice=shown class:sv-notice--change=shown>
            <div class="sv-live" role="status" aria-live="polite" data-testid="total-change">
                {move || change.get().map(|(old, new)| view! {
                    <p>{cx.rich(Msg::TotalChanged, |arg| if arg == "old" {
                        view! { <s dir="auto">{old.clone()}</s> }.into_any()
                    } else {
                        view! { <strong dir="auto">{new.clone()}</strong> }.into_any()
                    })}</p>
                })}
            </div>
            {move || shown().then(|| view! {
                <button type="button" class="sv-button sv-button--quiet" on:click=dismiss>{cx.text(Msg::GotIt)}</button>
            })}
        </div>
    }
}
