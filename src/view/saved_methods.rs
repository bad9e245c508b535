//! How a saved method reads: "Visa •••• 4242", expiry or bank name, expired or not; and its
//! text as both lists show it (the method choice and the wallet), badges included.
use super::{ctx, ViewCtx};
use crate::i18n::Msg;
use crate::model::{AccountType, Brand, MethodType, SavedMethod};
use leptos::prelude::*;

/// A saved method's name, its "Default" badge, its details (expiry or bank, each in its own
/// direction) and, when it cannot be used, why (`unusable_id` names that badge, for the
/// control's `aria-describedby`).
#[component]
pub fn SavedMethodText(
    title: String,
    #[prop(optional, into)] title_id: Option<String>,
    is_default: bool,
    details: Vec<String>,
    unusable: Option<Msg>,
    #[prop(optional, into)] unusable_id: Option<String>,
) -> impl IntoView {
    let cx = ctx();
    view! {
        <span class="sv-saved-title" id=title_id>{masked(title)}</span>
        {is_default.then(|| view! { <span class="sv-badge">{cx.text(Msg::Default)}</span> })}
        {details.into_iter().map(|d| view! { <span class="sv-saved-detail" dir="auto">{d}</span> }).collect_view()}
        {unusable.map(|why| view! { <span class="sv-badge sv-badge--warn" id=unusable_id>{cx.text(why)}</span> })}
    }
}

/// "Mastercard •••• 4444" with its masked number kept on one line.
fn masked(title: String) -> impl IntoView {
    match title.find(MASK).and_then(|at| title.split_at_checked(at)) {
        Some((name, number)) => {
            let (name, number) = (name.to_owned(), number.to_owned());
            view! { {name} <span class="sv-nowrap">{number}</span> }.into_any()
        }
        None => title.into_any(),
    }
}

const MASK: &str = "••••";

/// The brand's own name (never translated), or "Card" in the payer's language.
pub fn brand_name(brand: Option<&Brand>, cx: ViewCtx) -> &'static str {
    match brand {
        Some(Brand::Visa) => "Visa",
        Some(Brand::Mastercard) => "Mastercard",
        Some(Brand::Amex) => "American Express",
        Some(Brand::Discover) => "Discover",
        Some(Brand::Jcb) => "JCB",
        Some(Brand::Unionpay) => "UnionPay",
        Some(Brand::Diners) => "Diners Club",
        Some(Brand::Maestro) => "Maestro",
        Some(Brand::Elo) => "Elo",
        Some(Brand::Mir) => "Mir",
        Some(Brand::Uatp) => "UATP",
        _ => cx.text(Msg::Card),
    }
}

/// (title, details, expired) of a saved method, judged at `now` (year, month).
pub fn describe(m: &SavedMethod, now: (u32, u32), cx: ViewCtx) -> (String, Vec<String>, bool) {
    let last4 = m.last4.as_deref().map(|l| format!("{MASK} {l}")).unwrap_or_default();
    match m.kind {
        MethodType::Ach => {
            let account = cx.text(match m.account_type {
                Some(AccountType::Checking) => Msg::Checking,
                Some(AccountType::Savings) => Msg::Savings,
                _ => Msg::BankAccount,
            });
            let title = format!("{account} {last4}").trim().to_owned();
            (title, m.bank_name.iter().cloned().collect(), false)
        }
        _ => {
            let title = format!("{} {last4}", brand_name(m.brand.as_ref(), cx)).trim().to_owned();
            let expired = m.is_expired(now.0, now.1);
            let mut details = Vec::new();
            if let (Some(mo), Some(y)) = (m.exp_month, m.exp_year) {
                let date = format!("{mo:02}/{:02}", y % 100);
                details.push(cx.fill(if expired { Msg::ExpiredOn } else { Msg::ExpiresOn }, &[("date", &date)]));
            }
            (title, details, expired)
        }
    }
}
