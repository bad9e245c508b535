use super::pay_state::{pay_state, Choice};
use super::{ctx, status_views::merchant};
use crate::i18n::Msg;
use crate::model::{Config, ConfigStoreFields, FutureUsage};
use leptos::prelude::*;
use reactive_stores::Store;

/// What the payer agrees to about later use of the method, naming the merchant. A new
/// method will be saved (`on_session`: for future checkouts; `off_session`: and charged later
/// without the payer); a saved one already is, so only `off_session` has something to say
/// (later charges). Nothing before a method is chosen, nothing for `off`.
#[component]
pub fn SaveConsent(config: Store<Config>) -> impl IntoView {
    let cx = ctx();
    let pay = pay_state();
    let saved = Memo::new(move |_| match pay.choice.get() {
        Choice::Saved(_) => Some(true),
        Choice::NewCard | Choice::NewBank => Some(false),
        Choice::None => None,
    });
    let merchant = merchant(config);
    move || {
        let text = match (config.setup_future_usage().get()?, saved.get()?) {
            (FutureUsage::OnSession, false) => Msg::SaveOnSession,
            (FutureUsage::OffSession, false) => Msg::SaveOffSession,
            (FutureUsage::OffSession, true) => Msg::ChargeLaterOffSession,
            _ => return None,
        };
        Some(view! {
            <p class="sv-consent" data-testid="save-consent">{cx.rich(text, |_| view! { <bdi>{merchant.get()}</bdi> }.into_any())}</p>
        })
    }
}
