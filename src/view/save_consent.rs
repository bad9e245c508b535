use super::{ctx, status_views::merchant};
use crate::i18n::Msg;
use crate::model::{Config, FutureUsage};
use leptos::prelude::*;

/// What saving the payment method means, naming the merchant. `off` says nothing.
#[component]
pub fn SaveConsent(config: Signal<Config>) -> impl IntoView {
    let cx = ctx();
    let usage = Memo::new(move |_| config.with(|c| c.setup_future_usage.clone()));
    let merchant = merchant(config);
    move || {
        let text = match usage.get()? {
            FutureUsage::OnSession => Msg::SaveOnSession,
            FutureUsage::OffSession => Msg::SaveOffSession,
            FutureUsage::Off | FutureUsage::Unknown(_) => return None,
        };
        Some(view! {
            <p class="sv-consent" data-testid="save-consent">{cx.rich(text, |_| view! { <bdi>{merchant.get()}</bdi> }.into_any())}</p>
        })
    }
}
