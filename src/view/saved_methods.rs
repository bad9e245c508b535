//! How a saved method reads: "Visa •••• 4242", expiry or bank name, expired or not.
use crate::model::{AccountType, Brand, MethodType, SavedMethod};

pub fn brand_name(brand: Option<&Brand>) -> &'static str {
    match brand {
        Some(Brand::Visa) => "Visa",
        Some(Brand::Mastercard) => "Mastercard",
        Some(Brand::Amex) => "American Express",
        Some(Brand::Discover) => "Discover",
        _ => "Card",
    }
}

/// (title, details, expired) of a saved method, judged at `now` (year, month).
pub fn describe(m: &SavedMethod, now: (u32, u32)) -> (String, Vec<String>, bool) {
    let last4 = m.last4.as_deref().map(|l| format!("•••• {l}")).unwrap_or_default();
    match m.kind {
        MethodType::Ach => {
            let account = match m.account_type {
                Some(AccountType::Checking) => "Checking",
                Some(AccountType::Savings) => "Savings",
                _ => "Bank account",
            };
            let title = format!("{account} {last4}").trim().to_owned();
            (title, m.bank_name.iter().cloned().collect(), false)
        }
        _ => {
            let title = format!("{} {last4}", brand_name(m.brand.as_ref())).trim().to_owned();
            let expired = m.is_expired(now.0, now.1);
            let mut details = Vec::new();
            if let (Some(mo), Some(y)) = (m.exp_month, m.exp_year) {
                let label = if expired { "Expired" } else { "Expires" };
                details.push(format!("{label} {mo:02}/{:02}", y % 100));
            }
            (title, details, expired)
        }
    }
}
