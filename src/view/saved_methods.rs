use super::ctx;
use crate::model::{AccountType, Brand, Config, MethodType, SavedMethod, Wire};
use leptos::prelude::*;

pub fn brand_name(brand: Option<&Brand>) -> &'static str {
    match brand {
        Some(Brand::Visa) => "Visa",
        Some(Brand::Mastercard) => "Mastercard",
        Some(Brand::Amex) => "American Express",
        Some(Brand::Discover) => "Discover",
        _ => "Card",
    }
}

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

/// The payer's saved cards and bank accounts: last four digits only, expiry or bank,
/// the default marked, expired cards marked as not usable.
#[component]
pub fn SavedMethods(
    config: Signal<Config>,
    /// Show only the types the session allows (payment scope); the wallet shows all.
    #[prop(optional)]
    only_allowed: bool,
) -> impl IntoView {
    let cx = ctx();
    let heading_id = cx.id("saved");
    let labelled_by = heading_id.clone();
    let methods = Memo::new(move |_| {
        config.with(|c| {
            c.saved_methods
                .iter()
                .filter(|m| m.kind.is_known() && (!only_allowed || c.allows(&m.kind)))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let now = crate::browser::now_year_month();
    let item = move |m: SavedMethod| {
        let (title, details, expired) = describe(&m, now);
        view! {
            <li class="sv-saved" class:sv-saved--expired=expired data-testid="saved-method">
                <span class="sv-saved-title">{title}</span>
                {m.is_default.then(|| view! { <span class="sv-badge">"Default"</span> })}
                {expired.then(|| view! { <span class="sv-badge sv-badge--warn">"Can't be used: expired"</span> })}
                {details.into_iter().map(|d| view! { <span class="sv-saved-detail" dir="auto">{d}</span> }).collect_view()}
                {m.holder_name.clone().map(|n| view! { <span class="sv-saved-detail" dir="auto">{n}</span> })}
            </li>
        }
    };
    view! {
        <Show when=move || methods.with(|m| !m.is_empty())>
            <h3 class="sv-subheading" id=heading_id.clone()>"Saved payment methods"</h3>
            <ul class="sv-saved-list" aria-labelledby=labelled_by.clone()>
                {move || methods.get().into_iter().map(item).collect_view()}
            </ul>
        </Show>
    }
}
