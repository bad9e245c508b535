use crate::model::{Config, FutureUsage};
use leptos::prelude::*;

/// What saving the payment method means, naming the merchant. `off` says nothing.
#[component]
pub fn SaveConsent(config: Signal<Config>) -> impl IntoView {
    let usage = Memo::new(move |_| {
        config.with(|c| (c.setup_future_usage.clone(), c.merchant_name().unwrap_or("the merchant").to_owned()))
    });
    move || {
        let (usage, merchant) = usage.get();
        let text = match usage? {
            FutureUsage::OnSession => (
                "Your payment method will be saved with ",
                " so you can use it again at future checkouts.",
            ),
            FutureUsage::OffSession => (
                "Your payment method will be saved. By paying, you allow ",
                " to charge it later without you being present, as set out in their terms.",
            ),
            FutureUsage::Off | FutureUsage::Unknown(_) => return None,
        };
        Some(view! {
            <p class="sv-consent" data-testid="save-consent">{text.0} <bdi>{merchant}</bdi> {text.1}</p>
        })
    }
}
