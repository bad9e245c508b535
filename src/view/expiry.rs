use super::ctx;
use crate::i18n::Msg;
use crate::model::{Config, ConfigStoreFields};
use leptos::prelude::*;
use reactive_stores::Store;

/// When the session stops accepting payment, in the payer's locale and time zone.
#[component]
pub fn Expiry(config: Store<Config>) -> impl IntoView {
    let cx = ctx();
    move || {
        config.expires_at().get().map(|ms| {
            let when = crate::platform::browser::format_datetime(ms, cx.locale);
            view! { <p class="sv-expiry" data-testid="expiry">{cx.rich(Msg::PayBy, |_| view! { <time>{when.clone()}</time> }.into_any())}</p> }
        })
    }
}
