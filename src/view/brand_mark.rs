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
        Some(Brand::Jcb) => ("jcb", view! {
            <rect width="32" height="20" rx="3" fill="#fff" stroke="#9aa0a6"/>
            <rect x="4" y="3" width="7" height="14" rx="2" fill="#0e4c96"/>
            <rect x="12.5" y="3" width="7" height="14" rx="2" fill="#e21836"/>
            <rect x="21" y="3" width="7" height="14" rx="2" fill="#00923f"/>
            <text x="16" y="12.8" text-anchor="middle" font-size="6" font-weight="700" fill="#fff" font-family="Arial, sans-serif">"JCB"</text>
        }.into_any()),
        Some(Brand::Unionpay) => ("unionpay", view! {
            <rect width="32" height="20" rx="3" fill="#01798a"/>
            <path d="M3 3h9l-3 14H0z" fill="#e21836"/>
            <path d="M12 3h9l-3 14H9z" fill="#00447c"/>
            <text x="24" y="13" text-anchor="middle" font-size="6.5" font-weight="700" fill="#fff" font-family="Arial, sans-serif">"UP"</text>
        }.into_any()),
        Some(Brand::Diners) => ("diners", view! {
            <rect width="32" height="20" rx="3" fill="#fff" stroke="#9aa0a6"/>
            <circle cx="16" cy="10" r="7" fill="#0079be"/>
            <circle cx="13.5" cy="10" r="3.6" fill="none" stroke="#fff" stroke-width="1.3"/>
            <circle cx="18.5" cy="10" r="3.6" fill="none" stroke="#fff" stroke-width="1.3"/>
        }.into_any()),
        Some(Brand::Maestro) => ("maestro", view! {
            <rect width="32" height="20" rx="3" fill="#231f20"/>
            <circle cx="13" cy="10" r="6" fill="#0099df"/>
            <circle cx="19" cy="10" r="6" fill="#eb001b" fill-opacity="0.9"/>
        }.into_any()),
        Some(Brand::Elo) => ("elo", view! {
            <rect width="32" height="20" rx="3" fill="#000"/>
            <text x="16" y="13.5" text-anchor="middle" font-size="9" font-weight="700" fill="#fff" font-family="Arial, sans-serif">"elo"</text>
            <circle cx="6" cy="10" r="1.6" fill="#ffcb05"/>
        }.into_any()),
        Some(Brand::Mir) => ("mir", view! {
            <rect width="32" height="20" rx="3" fill="#0f754e"/>
            <text x="16" y="13.5" text-anchor="middle" font-size="8" font-weight="700" fill="#fff" font-family="Arial, sans-serif">"MIR"</text>
        }.into_any()),
        Some(Brand::Uatp) => ("uatp", view! {
            <rect width="32" height="20" rx="3" fill="#1a4f9c"/>
            <text x="16" y="13.3" text-anchor="middle" font-size="7" font-weight="700" fill="#fff" font-family="Arial, sans-serif">"UATP"</text>
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
