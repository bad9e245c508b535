//! The hosted checkout page: `?session=cs_…` in the URL, the session credential in the
//! fragment (`#…`, never sent to a server or in a Referer), the API base set by the deployer
//! in `<meta name="session-view-api-base">` (never taken from the URL).
//!
//! Two halves (issue #14). [`start`] is in the main module and links no Leptos: it asks for
//! the config, draws its first paint (`crate::first_paint`: the amount, the items, the status views)
//! and, for a session the payer can act on, asks for the view's chunk once that paint is on
//! screen. On a slow link boot.js has fetched the view's files already, as soon as the main
//! module arrived; [`start`] stops that download when the session needs no view.
//! [`HostedPage`], in that chunk, is the Leptos view: it takes the first request's outcome
//! over and replaces the first paint in the same task, so the browser paints one or the
//! other, never both. A completed or expired session, and a problem no retry can mend (a link
//! not valid, not authorised, not found, gone), need nothing more than their first paint.
use crate::model;
use crate::platform::api::{self, Endpoint};
use crate::platform::browser;
use crate::platform::chunk::ChunkFailed;
use crate::retry::Failure;
use crate::session::{Controller, LiveOptions, LiveView, DEFAULT_POLL_MS, TIMEOUT_MS};
use crate::view::{Problem, ProblemKind, ViewCtx};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use web_sys::Element;

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
/// `<meta name="session-view-parent-origin">` (and to no one else), for the page's lifetime.
fn report_height_to_parent() {
    let Some(origin) = browser::meta("session-view-parent-origin").and_then(|o| browser::exact_origin(o.trim())) else { return };
    if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
        std::mem::forget(browser::HeightReporter::start(&body, origin));
    }
}

/// What the main module hands the view: where the session is (or why it cannot be asked
/// for), what its first request brought, and what is on screen until the view replaces it.
pub struct Start {
    cx: ViewCtx,
    endpoint: Result<Endpoint, ProblemKind>,
    first: Option<Result<api::Fetched, Failure>>,
    shown: Element,
}

/// How long the page may stay blank while the config is on its way before the skeleton is
/// shown. A config that comes sooner (boot.js asked for it beside the wasm download, so on a
/// phone network it is usually here before the module) is painted at once: a skeleton drawn
/// for a frame and then replaced is only a flash, and it cost a layout and a paint before the
/// session's.
const SKELETON_AFTER_MS: u32 = 100;

/// What the main module has put on the page: nothing yet, the skeleton, the first paint or a
/// problem's panel. Each replaces the one before.
struct OnPage {
    body: web_sys::HtmlElement,
    shown: Option<Element>,
}

impl OnPage {
    fn show(&mut self, el: Element) -> bool {
        let done = match &self.shown {
            Some(before) => before.replace_with_with_node_1(&el).is_ok(),
            None => self.body.append_child(&el).is_ok(),
        };
        if done {
            self.shown = Some(el);
        }
        done
    }
}

/// The hosted page's first paint, then its view (see the module's comment).
pub async fn start(cx: ViewCtx, session: String) {
    report_height_to_parent();
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = doc.body() else { return };
    let prefix = cx.prefix();
    let words = crate::first_paint::Words { lang: cx.lang, locale: cx.locale, prefix: &prefix };
    let Some(loading) = crate::first_paint::loading(&doc, words) else { return };
    let mut page = OnPage { body, shown: None };
    let endpoint = Endpoint::new(&browser::deployment_api_base(), &session, take_credential()).map_err(|e| match e {
        api::EndpointError::SessionId => ProblemKind::InvalidLink,
        api::EndpointError::ApiBase => {
            browser::warn("session view: <meta name=\"session-view-api-base\"> is not an absolute http(s) URL");
            ProblemKind::Unreachable
        }
    });
    // A problem no retry can mend needs no view: its panel is the whole page.
    let terminal = |page: &mut OnPage, kind: ProblemKind| {
        let panel = (!kind.can_retry()).then(|| crate::first_paint::problem(&doc, words, kind)).flatten();
        let shown = panel.is_some_and(|panel| page.show(panel));
        if shown {
            crate::platform::chunk::view_not_needed();
        }
        shown
    };
    if endpoint.as_ref().err().is_some_and(|kind| terminal(&mut page, *kind)) {
        return;
    }
    let mut first = None;
    let mut wallet = false;
    let mut painted = false;
    if let Ok(endpoint) = &endpoint {
        let abort = Cell::new(None); // kept until the answer: dropping it would cancel the request
        let fetch = api::get_config(endpoint, TIMEOUT_MS, |a| abort.set(Some(a)));
        let mut fetch = std::pin::pin!(fetch);
        let outcome = match browser::within(fetch.as_mut(), SKELETON_AFTER_MS).await {
            Some(outcome) => outcome,
            None => {
                page.show(loading.clone());
                fetch.await
            }
        };
        if let Ok(api::Fetched { config: Some(parsed), server_date_ms }) = &outcome {
            let now_ms = browser::now_ms() as i64;
            let clock = crate::first_paint::Clock { now_ms, skew_ms: crate::countdown::skew_ms(*server_date_ms, now_ms) };
            if let Some(session) = crate::first_paint::session(&doc, words, &parsed.config, clock) {
                painted = page.show(session);
            }
            // Paid, expired (by the server or by the clock) or a status this build does not
            // know: nothing on the page changes any more, and the first paint is all there is.
            if painted && clock.status_seen(&parsed.config) != model::Status::Active {
                crate::platform::chunk::view_not_needed();
                browser::log_warnings(&parsed.warnings);
                return;
            }
            wallet = parsed.config.scope == Some(model::Scope::Wallet);
        }
        if let Err(Failure::Status(status, _)) = outcome {
            if terminal(&mut page, ProblemKind::from_status(status)) {
                return;
            }
        }
        first = Some(outcome);
    }
    // Nothing painted (the first answer was a failure the view retries): the skeleton until
    // the view is here.
    if page.shown.is_none() {
        page.show(loading);
    }
    let Some(shown) = page.shown else { return };
    // Asked for once the first paint is on screen (on a slow link boot.js has fetched its files
    // already, before the paint): a download that lands during the paint holds it up, and
    // Lighthouse counts one that ends before it against the first paint. With only the
    // skeleton up (the first answer was a failure the view retries), at once.
    if painted {
        browser::after_first_paint().await;
    }
    // If the view cannot arrive: its calm alert where the pay form goes, else in the page.
    let find = |selector: &str| shown.query_selector(selector).ok().flatten();
    let alert_in = find(".sv-payment").or_else(|| find(".sv-main")).unwrap_or_else(|| shown.clone());
    // No waterfall: what the config says the view will show comes beside the view.
    if wallet {
        wasm_bindgen_futures::spawn_local(async {
            // A failure is the wallet part's to show, when the view asks for it again.
            let _ = crate::view::wallet_code().await;
        });
    }
    let start = Rc::new(RefCell::new(Some(Start { cx, endpoint, first, shown })));
    while hosted_view(start.clone()).await.is_err() {
        browser::warn("session-view: the view's code did not load (network, blocker or integrity)");
        crate::first_paint::part_unavailable(&doc, words, &alert_in, "view").await;
    }
}

crate::platform::chunk::split!(
    view,
    /// The Leptos view in place of the first paint.
    fn hosted_view(start: Rc<RefCell<Option<Start>>>) -> Result<(), ChunkFailed> {
        if let Some(start) = start.borrow_mut().take() {
            let shown = start.shown.clone();
            let cx = start.cx;
            leptos::mount::mount_to_body(move || {
                provide_context(cx);
                view! { <HostedPage start/> }
            });
            shown.remove();
        }
        Ok(())
    }
);

#[component]
pub fn HostedPage(start: Start) -> impl IntoView {
    match start.endpoint {
        Ok(endpoint) => {
            let ctl = Controller::new(LiveOptions {
                endpoint: Some(endpoint),
                initial: None,
                first_attempt: start.first,
                poll_ms: poll_ms(),
                timeout_ms: TIMEOUT_MS,
                embedder_confirms: false,
                settle_wait_ms: crate::embedding::HANDED_CONFIRM_WAIT_MS,
                pay_button: true,
                on_event: None,
            });
            view! { <LiveView ctl/> }.into_any()
        }
        Err(kind) => view! { <Problem kind/> }.into_any(),
    }
}
