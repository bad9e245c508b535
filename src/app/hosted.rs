//! The hosted checkout page: `?session=cs_…` in the URL, the session credential in the
//! fragment (`#…`, never sent to a server or in a Referer), the API base set by the deployer
//! in `<meta name="session-view-api-base">` (never taken from the URL).
use crate::model::{self, Config};
use crate::view::{Problem, ProblemKind, SessionView};
use crate::{browser, validate};
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};

const TIMEOUT_MS: i32 = 15_000;

#[derive(Clone, Debug, PartialEq)]
enum Load {
    Loading,
    Ready,
    Failed(ProblemKind),
}

/// The deployer's API base: an absolute http(s) URL from the page's `<meta>`, else the
/// page's own origin. Never read from the page URL.
fn api_base() -> String {
    let configured = browser::meta("session-view-api-base").unwrap_or_default();
    let configured = configured.trim().trim_end_matches('/');
    let lower = configured.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        return configured.to_owned();
    }
    web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
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
    (!credential.is_empty() && credential.len() <= 4096 && credential.bytes().all(|b| b.is_ascii_graphic()))
        .then_some(credential)
}

async fn fetch_config(url: &str, credential: Option<&str>) -> Result<String, ProblemKind> {
    let controller = web_sys::AbortController::new().map_err(|_| ProblemKind::Unreachable)?;
    let signal = controller.signal();
    let abort = Closure::once_into_js(move || controller.abort());
    let timer = web_sys::window()
        .and_then(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(abort.unchecked_ref(), TIMEOUT_MS).ok());
    let mut request = gloo_net::http::Request::get(url).abort_signal(Some(&signal)).header("Accept", "application/json");
    if let Some(c) = credential {
        request = request.header("Authorization", &format!("Bearer {c}"));
    }
    let result = request.send().await;
    if let (Some(w), Some(t)) = (web_sys::window(), timer) {
        w.clear_timeout_with_handle(t);
    }
    let response = result.map_err(|_| ProblemKind::Unreachable)?;
    if !response.ok() {
        return Err(ProblemKind::from_status(response.status()));
    }
    response.text().await.map_err(|_| ProblemKind::Unreachable)
}

#[component]
pub fn HostedPage(session: String) -> impl IntoView {
    let state = RwSignal::new(Load::Loading);
    let config = RwSignal::new(Config::default());
    let credential = StoredValue::new(take_credential());
    let Some(session_id) = validate::session_id(&session).map(str::to_owned) else {
        return view! { <Problem kind=ProblemKind::InvalidLink/> }.into_any();
    };
    let url = format!("{}/v1/hosted-sessions/{session_id}", api_base());
    let load = move || {
        state.set(Load::Loading);
        let url = url.clone();
        leptos::task::spawn_local(async move {
            let outcome = fetch_config(&url, credential.with_value(|c| c.clone()).as_deref()).await;
            let next = match outcome.and_then(|text| model::parse_json(&text).map_err(|_| ProblemKind::Unreadable)) {
                Ok(parsed) => {
                    crate::app::log_warnings(&parsed.warnings);
                    config.set(parsed.config);
                    Load::Ready
                }
                Err(kind) => Load::Failed(kind),
            };
            state.set(next);
        });
    };
    load();
    let retry = Callback::new(move |()| load());
    (move || match state.get() {
        Load::Loading => view! {
            <div class="sv sv--hosted" aria-busy="true">
                <main class="sv-main sv-skeleton" data-testid="loading">
                    <p class="sv-visually-hidden" role="status">"Loading your checkout…"</p>
                    <div class="sv-skel sv-skel--title"></div>
                    <div class="sv-skel sv-skel--amount"></div>
                    <div class="sv-skel"></div>
                    <div class="sv-skel"></div>
                </main>
            </div>
        }
        .into_any(),
        Load::Ready => view! { <SessionView config=config/> }.into_any(),
        Load::Failed(kind) => view! { <Problem kind on_retry=retry/> }.into_any(),
    })
    .into_any()
}
