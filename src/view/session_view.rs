use super::{header::Header, status_views::*, wallet::Wallet, ViewCtx};
use super::{customer_email::CustomerEmail, expiry::Expiry, order_summary::OrderSummary};
use super::{page_message::PageMessage, payment_methods::PaymentMethods};
use crate::contrast;
use crate::model::{Config, Status};
use leptos::prelude::*;

/// The whole view of one session config. `config` may change at any time; each part
/// re-renders only when the slice it reads changes.
#[component]
pub fn SessionView(#[prop(into)] config: Signal<Config>, #[prop(optional, into)] locale: Option<String>) -> impl IntoView {
    provide_context(ViewCtx::new(locale.unwrap_or_else(crate::browser::locale)));
    let embedded = Memo::new(move |_| config.with(Config::is_embedded));
    let status = Memo::new(move |_| config.with(Config::status));
    let wallet = Memo::new(move |_| config.with(Config::is_wallet));
    let accent = Memo::new(move |_| config.with(|c| c.branding.accent_color));
    let accent_css = move || accent.get().map(|a| a.to_css());
    let ink_css = move || accent.get().map(|a| contrast::ink_on(a).to_css());

    let body = move || match (status.get(), wallet.get()) {
        (Status::Completed, _) => view! { <Completed config/> }.into_any(),
        (Status::Expired, _) => view! { <Expired config/> }.into_any(),
        (Status::Unknown(_), _) => view! { <Unavailable config/> }.into_any(),
        (Status::Active, true) => view! { <Wallet config/> }.into_any(),
        (Status::Active, false) => view! {
            <OrderSummary config/>
            <CustomerEmail config/>
            <Expiry config/>
            <PageMessage config/>
            <PaymentMethods config/>
        }
        .into_any(),
    };

    view! {
        <div
            class="sv"
            class:sv--embedded=move || embedded.get()
            class:sv--hosted=move || !embedded.get()
            class:sv--branded=move || accent.get().is_some()
            style:--sv-accent=accent_css
            style:--sv-on-accent=ink_css
        >
            <Header config embedded/>
            <main class="sv-main">{body}</main>
            <Show when=move || !embedded.get()>
                <footer class="sv-footer">
                    <p>"Secure checkout. Your payment details are sent encrypted."</p>
                </footer>
            </Show>
        </div>
    }
}
