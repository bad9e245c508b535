use super::ctx;
use crate::i18n::Msg;
use crate::model::Config;
use leptos::prelude::*;

/// Merchant logo and name on the accent band (hosted), or a compact line (embedded).
#[component]
pub fn Header(config: Signal<Config>, embedded: Memo<bool>) -> impl IntoView {
    let cx = ctx();
    let name = Memo::new(move |_| config.with(|c| c.merchant_name().map(str::to_owned)));
    let logo = Memo::new(move |_| config.with(|c| c.branding.logo_url.clone()));
    let logo_view = move || {
        logo.get().map(|src| {
            // The merchant name is shown beside the logo, so the image is decorative.
            view! { <img class="sv-logo" src=src alt="" width="40" height="40" referrerpolicy="no-referrer" decoding="async"/> }
        })
    };
    view! {
        <header class="sv-header" class:sv-header--compact=move || embedded.get()>
            {logo_view}
            <span class="sv-merchant">
                <bdi>{move || name.get().unwrap_or_else(|| cx.text(Msg::Checkout).to_owned())}</bdi>
            </span>
        </header>
    }
}
