use super::{
    countdown::Countdown,
    total_change::{TotalChange, TotalSeen},
};
use super::{customer_email::CustomerEmail, expiry::Expiry, order_summary::OrderSummary};
use super::{header::Header, lazy_part, page_message::PageMessage, parts, payment_methods::PaymentMethods, status_views::*, ViewCtx};
use crate::i18n::Msg;
use crate::model::{BrandingStoreFields, Config, ConfigStoreFields, Layout, Scope, Status};
use crate::platform::browser;
use crate::{contrast, countdown};
use leptos::prelude::*;
use reactive_stores::Store;

/// The whole view of one session config. `config` may change at any time (`patch` a new
/// one into the store): each part re-renders only when the fields it reads change.
#[component]
pub fn SessionView(
    config: Store<Config>,
    /// Where the payer's actions go: a live session, or the demo. Chosen here, once.
    backend: super::Backend,
    #[prop(optional, into)] locale: Option<String>,
    /// Server clock minus client clock (from the response `Date`), for the countdown.
    #[prop(optional, into)]
    skew_ms: Option<Signal<i64>>,
    /// Told when the status the payer sees changes (including expiry by the countdown).
    #[prop(optional)]
    on_status: Option<Callback<Status>>,
) -> impl IntoView {
    let cx = ViewCtx::for_view(locale);
    provide_context(cx);
    provide_context(backend);
    let seen = TotalSeen(RwSignal::new(true));
    provide_context(seen);
    // What the payer types lives here, beside the config: a new config never resets it. A page
    // that re-renders the view (the frame, in another language) provides it from above, so
    // that it outlives the view (optional by design: the view makes its own otherwise).
    provide_context(use_context::<super::KeptInput>().map_or_else(|| super::PayState::for_locale(cx.locale), |kept| kept.0));
    let embedded = Memo::new(move |_| config.layout().with(|l| *l == Some(Layout::Embedded)));
    let expires_at = config.expires_at();
    // The clock ticks once a second, only while an expiry is set.
    let now = RwSignal::new(browser::now_ms() as i64);
    browser::drop_on_cleanup(browser::Interval::new(1000, move || {
        if expires_at.try_get_untracked().flatten().is_some() {
            now.set(browser::now_ms() as i64);
        }
    }));
    let skew = move || skew_ms.map_or(0, |s| s.get());
    // Whole seconds left by the server's clock, so the view updates once a second at most.
    let remaining = Memo::new(move |_| expires_at.get().map(|at| countdown::whole_seconds_left_ms(at, now.get(), skew())));
    // Reached by the clock, without waiting for the server.
    let status = Memo::new(move |_| countdown::status_seen(config.status().with(Status::or_active), remaining.get()));
    // One watcher of the status the payer sees: it tells `on_status` (first value included),
    // and when the state changes under the payer (paid, expired) the control they were on is
    // gone, so if focus was in the view it moves to the new state's heading: a screen reader
    // user lands on "Payment complete" instead of the top of the page.
    let root = NodeRef::<leptos::html::Div>::new();
    let had_focus = StoredValue::new(false);
    Effect::new(move |before: Option<Status>| {
        let now = status.get();
        if before.as_ref() == Some(&now) {
            return now;
        }
        if let Some(cb) = on_status {
            cb.run(now.clone());
        }
        if before.is_some() && had_focus.get_value() {
            request_animation_frame(move || {
                let heading = root.try_get_untracked().flatten().and_then(|r| r.query_selector(".sv-state .sv-heading").ok().flatten());
                if let Some(h) = heading.and_then(|h| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h).ok()) {
                    let _ = h.focus();
                }
            });
        }
        now
    });
    let wallet = Memo::new(move |_| config.scope().with(|s| *s == Some(Scope::Wallet)));
    let accent = config.branding().accent_color();
    let accent_css = move || accent.get().map(|a| a.to_css());
    let ink_css = move || accent.get().map(|a| contrast::ink_on(a).to_css());

    // Each state's own parts are chunks (`parts.rs`): the summary and the status views paint
    // at once, the pay form and the wallet as their chunk arrives. Their files are asked for
    // here, when the config says the payer can pay, once the summary is on screen (`lazy.rs`;
    // in the embedded view's frame, boot.js has fetched the pay form's already).
    let body = move || match (status.get(), wallet.get()) {
        (Status::Completed, _) => view! { <Completed config/> }.into_any(),
        (Status::Expired, _) => view! { <Expired config/> }.into_any(),
        (Status::Unknown(_), _) => view! { <Unavailable config/> }.into_any(),
        (Status::Active, true) => lazy_part("wallet", move || parts::wallet(config)).into_any(),
        (Status::Active, false) => view! {
            <OrderSummary config/>
            <TotalChange config/>
            <CustomerEmail config/>
            <Expiry config/>
            <Countdown remaining/>
            <PageMessage config/>
            <PaymentMethods config/>
        }
        .into_any(),
    };

    view! {
        <div
            class="sv"
            lang=cx.lang.tag()
            dir=cx.lang.dir()
            node_ref=root
            on:focusin=move |_| {
                had_focus.try_set_value(true);
            }
            on:focusout=move |ev: leptos::ev::FocusEvent| {
                // Focus went somewhere else on the page (not nowhere, not within the view).
                let to = ev.related_target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Node>(t).ok());
                // `try_`: removed while focused (a re-render), the view is gone before the event.
                if let (Some(to), Some(Some(r))) = (to, root.try_get_untracked()) {
                    if !r.contains(Some(&to)) {
                        had_focus.try_set_value(false);
                    }
                }
            }
            class:sv--embedded=move || embedded.get()
            class:sv--hosted=move || !embedded.get()
            class:sv--branded=move || accent.get().is_some()
            style:--sv-accent=accent_css
            style:--sv-on-accent=ink_css
        >
            <Header config embedded/>
            <main class="sv-main">{body}</main>
            <Show when=move || !embedded.get() && status.with(Status::takes_payment_details)>
                <footer class="sv-footer">
                    <p>{cx.text(Msg::SecureFooter)}</p>
                </footer>
            </Show>
        </div>
    }
}
