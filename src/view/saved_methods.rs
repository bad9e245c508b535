//! How a saved method reads: "Visa •••• 4242", expiry or bank name, expired or not.
use super::ViewCtx;
use crate::i18n::Msg;
use crate::model::{AccountType, Brand, MethodType, SavedMethod};

/// The brand's own name (never translated), or "Card" in the payer's language.
pub fn brand_name(brand: Option<&Brand>, cx: ViewCtx) -> &'static str {
    match brand {
        Some(Brand::Visa) => "Visa",
        Some(Brand::Mastercard) => "Mastercard",
        Some(Brand::Amex) => "American Express",
        Some(Brand::Discover) => "Discover",
        _ => cx.t(Msg::Card),
    }
}

/// (title, details, expired) of a saved method, judged at `now` (year, month).
pub fn describe(m: &SavedMethod, now: (u32, u32), cx: ViewCtx) -> (String, Vec<String>, bool) {
    let last4 = m.last4.as_deref().map(|l| format!("•••• {l}")).unwrap_or_default();
    match m.kind {
        MethodType::Ach => {
            let account = cx.t(match m.account_type {
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
                details.push(cx.f(if expired { Msg::ExpiredOn } else { Msg::ExpiresOn }, &[("date", &date)]));
            }
            (title, details, expired)
        }
    }
}
