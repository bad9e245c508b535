use super::ctx;
use crate::i18n::Msg;
use crate::model::{BrandingStoreFields, Config, ConfigStoreFields};
use leptos::prelude::*;
use reactive_stores::Store;

/// Merchant logo and name on the accent band (hosted), or a compact line (embedded).
#[component]
pub fn Header(config: Store<Config>, embedded: Memo<bool>) -> impl IntoView {
    let cx = ctx();
    let logo_view = move || {
        config.branding().logo_url().get().map(|src| {
            // The merchant name is shown beside the logo, so the image is decorative.
            view! { <img class="sv-logo" src=src alt="" width="40" height="40" referrerpolicy="no-referrer" decoding="async"/> }
        })
    };
    view! {
        <header class="sv-header" class:sv-header--compact=move || embedded.get()>
            {logo_view}
            <span class="sv-merchant">
                <bdi>{move || super::config_reads::merchant_name(config).unwrap_or_else(|| cx.text(Msg::Checkout).to_owned())}</bdi>
            </span>
        </header>
    }
}
