//! The hosted checkout page: `?session=cs_…` in the URL, the session credential in the
//! fragment (`#…`, never sent to a server or in a Referer), the API base set by the deployer
//! in `<meta name="session-view-api-base">` (never taken from the URL).
use crate::api::Endpoint;
use crate::browser;
use crate::live::{Controller, LiveOptions, LiveView, DEFAULT_POLL_MS, TIMEOUT_MS};
use crate::view::{Problem, ProblemKind};
use leptos::prelude::*;

/// The refresh interval from `<meta name="session-view-poll-ms">`, else the default.
fn poll_ms() -> u32 {
    browser::meta("session-view-poll-ms").and_then(|v| v.trim().parse().ok()).unwrap_or(DEFAULT_POLL_MS)
}

/// Reads the credential from the URL fragment once and removes it from the address bar
/// and the history entry. It lives only in memory after that.
fn take_credential() -> Option<String> {
    let window = web_sys::window()?;
    let location = window.location();
    let hash = location.hash().ok()?;
    let credential = hash.strip_prefix('#').unwrap_or(&hash).to_owned();
    if !credential.is_empty() {
        let clean = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&clean));
        }
    }
    (!credential.is_empty()).then_some(credential)
}

/// Inside an iframe: report the page height to the origin named in
/// `<meta name="session-view-parent-origin">` (and to no one else).
fn report_height_to_parent() {
    let Some(origin) = browser::meta("session-view-parent-origin").and_then(|o| browser::exact_origin(o.trim())) else { return };
    if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
        browser::drop_on_cleanup(browser::HeightReporter::start(&body, origin));
    }
}

#[component]
pub fn HostedPage(session: String) -> impl IntoView {
    report_height_to_parent();
    let credential = take_credential();
    match Endpoint::new(&browser::deployment_api_base(), &session, credential) {
        Ok(endpoint) => {
            let ctl = Controller::new(LiveOptions {
                endpoint: Some(endpoint),
                initial: None,
                poll_ms: poll_ms(),
                timeout_ms: TIMEOUT_MS,
                embedder_confirms: false,
                on_event: None,
            });
            view! { <LiveView ctl/> }.into_any()
        }
        Err(crate::api::EndpointError::SessionId) => view! { <Problem kind=ProblemKind::InvalidLink/> }.into_any(),
        Err(crate::api::EndpointError::ApiBase) => {
            browser::warn("session view: <meta name=\"session-view-api-base\"> is not an absolute http(s) URL");
            view! { <Problem kind=ProblemKind::Unreachable/> }.into_any()
        }
    }
}
