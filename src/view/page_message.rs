use crate::model::Config;
use leptos::prelude::*;

/// The merchant's formatted message. The one HTML sink in the crate: its input is always
/// the output of `sanitize::sanitize` (the policy is documented there).
#[component]
pub fn PageMessage(config: Signal<Config>) -> impl IntoView {
    let message = Memo::new(move |_| config.with(|c| c.page_message.clone()));
    let html = Memo::new(move |_| message.get().map(|m| crate::sanitize::sanitize(&m)));
    move || {
        html.get().filter(|h| !h.trim().is_empty()).map(|h| {
            view! { <div class="sv-message" dir="auto" data-testid="page-message" inner_html=h></div> }
        })
    }
}
