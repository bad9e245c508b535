use crate::model::Brand;
use leptos::prelude::*;

/// A small card-brand mark drawn inline (no remote image). Decorative: the brand's name is
/// always written beside it.
#[component]
pub fn BrandMark(brand: Option<Brand>) -> impl IntoView {
    let (kind, body) = match brand {
        Some(Brand::Visa) => ("visa", view! {
            <rect width="32" height="20" rx="3" fill="#1a1f71"/>
            <text x="16" y="14" text-anchor="middle" font-size="9" font-weight="700" font-style="italic" fill="#fff" font-family="Arial, sans-serif">"VISA"</text>
        }.into_any()),
        Some(Brand::Mastercard) => ("mastercard", view! {
            <rect width="32" height="20" rx="3" fill="#231f20"/>
            <circle cx="13" cy="10" r="6" fill="#eb001b"/>
            <circle cx="19" cy="10" r="6" fill="#f79e1b" fill-opacity="0.9"/>
        }.into_any()),
        Some(Brand::Amex) => ("amex", view! {
            <rect width="32" height="20" rx="3" fill="#2e77bc"/>
            <text x="16" y="13.5" text-anchor="middle" font-size="7.5" font-weight="700" fill="#fff" font-family="Arial, sans-serif">"AMEX"</text>
        }.into_any()),
        Some(Brand::Discover) => ("discover", view! {
            <rect width="32" height="20" rx="3" fill="#fff" stroke="#9aa0a6"/>
            <circle cx="22" cy="10" r="4.5" fill="#ff6000"/>
            <text x="3.5" y="12.5" font-size="6" font-weight="700" fill="#231f20" font-family="Arial, sans-serif">"DISC"</text>
        }.into_any()),
        _ => ("generic", view! {
            <rect x="0.5" y="0.5" width="31" height="19" rx="3" fill="none" stroke="currentColor"/>
            <rect x="0.5" y="5" width="31" height="3" fill="currentColor"/>
        }.into_any()),
    };
    view! {
        <svg class="sv-mark" viewBox="0 0 32 20" width="32" height="20" aria-hidden="true" focusable="false" data-brand=kind>{body}</svg>
    }
}
