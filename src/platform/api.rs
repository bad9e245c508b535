//! Every request the view makes, in one module, so it can follow the real API.
//!
//! - `GET {base}/v1/hosted-sessions/{id}` with `Authorization: Bearer <credential>` (spec).
//! - `POST {base}/v1/hosted-sessions/{id}/confirm` (**an assumption of this component**: the
//!   spec does not define it). Headers: `Authorization: Bearer`, `Idempotency-Key: <uuid>`
//!   (the same key for every retry of the same request), `Content-Type: application/json`.
//!   Body: `{ "payment_method": { "type": "saved", "id": "pm_…" } }`, or
//!   `{ "type": "card", "card": { "number", "exp_month", "exp_year", "cvc", "name" },
//!   "billing_details": { "line1", "line2", "city", "state", "postal_code", "country" } }`, or
//!   `{ "type": "us_bank_account", "us_bank_account": { "routing_number", "account_number",
//!   "account_type", "holder_name" } }`; plus `"challenge_response": <token or null>`.
//!   Answers: 2xx = paid (the session is completed); 402 = declined, body
//!   `{ "decline_message": "…" }`; another 4xx = refused, body `{ "message": "…" }`;
//!   5xx, 429 or no answer = unknown outcome, retried only with the same key.
//! - Wallet scope (assumptions too): `POST …/saved-methods/{id}/default`,
//!   `DELETE …/saved-methods/{id}`, `POST …/saved-methods` `{ "payment_method": … }`.
//!   Saved-method ids are validated tokens, so they are safe in a path.
//! - Fraud challenge codes (sms/email; assumptions too): `POST …/challenge/send` with `{}` and
//!   an `Idempotency-Key` per press (a retried request never sends two codes) → 2xx
//!   `{ "resend_after": <s> }` (optional), 429 `{ "message" }` + `Retry-After`, other 4xx
//!   `{ "message" }`. `POST …/challenge/verify` with `{ "code": "123456" }` → 2xx
//!   `{ "challenge_response": "<token>" }` (a plain token, sent with confirm); a wrong code is a
//!   4xx `{ "message", "attempts_left" }`; 423/429 or `attempts_left: 0` = no more tries.
//!   5xx or no answer = try again. The code goes only to `base`, never to a log or event.
//!
//! The credential lives only in an [`Endpoint`]: never logged (its `Debug` redacts it), never
//! in a URL, never stored, and sent only to `base`. For a cross-origin API the server must
//! allow the `Authorization` header and expose `Date` and `Retry-After` (CORS).
use crate::payment::MethodBody;
use crate::retry::{self, Failure};

pub use crate::embedding::TIMEOUT_MS;
use wasm_bindgen::JsCast;

/// Where one session's config is read from.
#[derive(Clone)]
pub struct Endpoint {
    base: String,
    session_id: String,
    credential: Option<String>,
}

impl std::fmt::Debug for Endpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Endpoint").field("base", &self.base).field("session_id", &self.session_id).finish_non_exhaustive()
    }
}

/// Why an [`Endpoint`] could not be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EndpointError {
    SessionId,
    ApiBase,
}

impl Endpoint {
    /// `base` must be an absolute `http(s)` origin or URL prefix (a trailing `/` is dropped);
    /// `session_id` must match `^cs_[A-Za-z0-9]+$`. The credential must be printable ASCII.
    pub fn new(base: &str, session_id: &str, credential: Option<String>) -> Result<Self, EndpointError> {
        let session_id = crate::validate::session_id(session_id).ok_or(EndpointError::SessionId)?.to_owned();
        let base = crate::validate::api_base(base).ok_or(EndpointError::ApiBase)?;
        let credential = credential.filter(|c| !c.is_empty() && c.len() <= 4096 && c.bytes().all(|b| b.is_ascii_graphic()));
        Ok(Endpoint { base: base.to_owned(), session_id, credential })
    }

    pub fn session_id(&self) -> &str {
        &self.session_id
    }

    pub fn config_url(&self) -> String {
        format!("{}/v1/hosted-sessions/{}", self.base, self.session_id)
    }
}

/// A config response, read once: its config (`None`: the body is not one) and the server's
/// clock.
#[derive(Clone, Debug)]
pub struct Fetched {
    pub config: Option<crate::model::Parsed>,
    pub server_date_ms: Option<i64>,
}

/// Cancels the request in flight when dropped or aborted.
pub struct Abort(web_sys::AbortController);

impl Abort {
    pub fn abort(&self) {
        self.0.abort();
    }
}

/// One attempt at reading the config, aborted after `timeout_ms`. `on_start` receives the
/// abort handle so an unmount can cancel it.
pub async fn get_config(endpoint: &Endpoint, timeout_ms: i32, on_start: impl FnOnce(Abort)) -> Result<Fetched, Failure> {
    let r = send(endpoint, "GET", "", None, None, timeout_ms, on_start).await?;
    let now = crate::platform::browser::now_ms() as i64;
    let server_date_ms = r.date.as_deref().and_then(crate::time::parse_http_date);
    if !(200..=299).contains(&r.status) {
        let retry_after = r.retry_after.as_deref().and_then(|v| retry::parse_retry_after(v, server_date_ms.unwrap_or(now)));
        return Err(Failure::Status(r.status, retry_after));
    }
    Ok(Fetched { config: crate::model::parse_json(&r.text?).ok(), server_date_ms })
}

/// What the server said to a confirm, or to a wallet change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// 2xx: paid (a confirm) or done (a wallet change).
    Accepted,
    /// 402: declined, with the bank's reason if the server gave one.
    Declined(Option<String>),
    /// Another 4xx, with the server's message if any.
    Refused(Option<String>),
}

/// A confirm request's body: the method and the challenge's token (`null` without one).
#[derive(Debug, serde::Serialize)]
pub struct ConfirmBody<'a> {
    pub payment_method: &'a MethodBody,
    pub challenge_response: Option<&'a str>,
}

impl ConfirmBody<'_> {
    /// The JSON sent, also what tells a retry of the same request from a different one.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// A short, plain message from an error body (text only, never markup), if any.
fn message_from(text: &str, key: &str) -> Option<String> {
    serde_json::from_str(text).ok().and_then(|v| crate::validate::server_message(&v, key))
}

/// A response received: status, body (it may fail to arrive), and the two headers the view reads.
struct Received {
    status: u16,
    text: Result<String, Failure>,
    date: Option<String>,
    retry_after: Option<String>,
}

/// Every request of the view: `{config_url}{suffix}` under the session credential, aborted
/// after `timeout_ms` (a `Failure::Timeout`) or by the handle `on_start` receives.
async fn send(
    endpoint: &Endpoint,
    method: &str,
    suffix: &str,
    body: Option<&str>,
    idempotency_key: Option<&str>,
    timeout_ms: i32,
    on_start: impl FnOnce(Abort),
) -> Result<Received, Failure> {
    let url = format!("{}{suffix}", endpoint.config_url());
    let early = if method == "GET" && suffix.is_empty() { take_early_request(&url, endpoint.credential.is_some()) } else { None };
    let controller = match &early {
        Some((_, abort)) => abort.clone(),
        None => web_sys::AbortController::new().map_err(|_| Failure::Network)?,
    };
    let signal = controller.signal();
    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    let flag = timed_out.clone();
    let for_timer = controller.clone();
    let timer = crate::platform::browser::Timeout::new(timeout_ms, move || {
        flag.set(true);
        for_timer.abort();
    });
    on_start(Abort(controller));
    let failed = || if timed_out.get() { Failure::Timeout } else { Failure::Network };
    let result = match early {
        Some((response, _)) => wasm_bindgen_futures::JsFuture::from(response)
            .await
            .ok()
            .and_then(|r| r.dyn_into::<web_sys::Response>().ok())
            .map(gloo_net::http::Response::from)
            .ok_or(()),
        None => request(&url, method, &signal, body, idempotency_key, endpoint.credential.as_deref()).await,
    };
    drop(timer); // the body may take its time; the request itself answered in time
    let response = result.map_err(|_| failed())?;
    let headers = response.headers();
    let (date, retry_after) = (headers.get("date"), headers.get("retry-after"));
    let status = response.status();
    let text = response.text().await.map_err(|_| failed());
    Ok(Received { status, text, date, retry_after })
}

/// The request itself, through gloo-net.
async fn request(
    url: &str,
    method: &str,
    signal: &web_sys::AbortSignal,
    body: Option<&str>,
    idempotency_key: Option<&str>,
    credential: Option<&str>,
) -> Result<gloo_net::http::Response, ()> {
    let mut request = gloo_net::http::RequestBuilder::new(url).method(match method {
        "POST" => gloo_net::http::Method::POST,
        "DELETE" => gloo_net::http::Method::DELETE,
        _ => gloo_net::http::Method::GET,
    });
    request = request.abort_signal(Some(signal)).header("Accept", "application/json");
    if let Some(key) = idempotency_key {
        request = request.header("Idempotency-Key", key);
    }
    if let Some(c) = credential {
        request = request.header("Authorization", &format!("Bearer {c}"));
    }
    match body {
        Some(json) => request.header("Content-Type", "application/json").body(json).map_err(|_| ())?.send().await.map_err(|_| ()),
        None => request.send().await.map_err(|_| ()),
    }
}

/// The hosted page's first config request, which `boot.js` starts beside the wasm download
/// (one round trip less before the first render). Taken once: used only when it is for
/// exactly `url`, with a credential exactly when the view has one; otherwise it is aborted
/// and the view asks on its own. Its response promise and its abort handle.
fn take_early_request(url: &str, with_credential: bool) -> Option<(js_sys::Promise, web_sys::AbortController)> {
    let slot = crate::platform::browser::from_boot("early-request").filter(|s| s.is_object())?;
    let window: wasm_bindgen::JsValue = web_sys::window()?.into();
    let _ = js_sys::Reflect::delete_property(window.unchecked_ref::<js_sys::Object>(), &js_sys::Symbol::for_("session-view.early-request"));
    let field = |name: &str| js_sys::Reflect::get(&slot, &name.into()).ok();
    let abort: web_sys::AbortController = field("abort")?.dyn_into().ok()?;
    let response: js_sys::Promise = field("response")?.dyn_into().ok()?;
    let same = field("url").and_then(|u| u.as_string()).as_deref() == Some(url)
        && field("withCredential").and_then(|c| c.as_bool()) == Some(with_credential);
    if same {
        Some((response, abort))
    } else {
        abort.abort();
        None
    }
}

/// Maps a status and body to what the payer is told: 2xx done, 402 declined, 429/5xx unknown.
fn answer(status: u16, text: &str) -> Result<Answer, Failure> {
    match status {
        200..=299 => Ok(Answer::Accepted),
        402 => Ok(Answer::Declined(message_from(text, "decline_message"))),
        429 | 500..=599 => Err(Failure::Status(status, None)),
        _ => Ok(Answer::Refused(message_from(text, "message"))),
    }
}

/// One confirm attempt with `body` (a [`ConfirmBody`]'s JSON). It may hold card data: it goes
/// only to `base`, never to a log.
pub async fn post_confirm(endpoint: &Endpoint, body: &str, idempotency_key: &str, timeout_ms: i32) -> Result<Answer, Failure> {
    let r = send(endpoint, "POST", "/confirm", Some(body), Some(idempotency_key), timeout_ms, drop).await?;
    answer(r.status, &r.text.unwrap_or_default())
}

/// What the wallet scope may do with a saved method (assumptions, like confirm):
/// `POST …/saved-methods/{id}/default`, `DELETE …/saved-methods/{id}`, and
/// `POST …/saved-methods` with `{ "payment_method": <as in confirm> }` to add one.
#[derive(Clone, Debug, PartialEq)]
pub enum WalletCall {
    MakeDefault(String),
    Remove(String),
    Add(MethodBody),
}

/// One wallet call; `Ok(Accepted)` means done.
pub async fn wallet(endpoint: &Endpoint, call: &WalletCall, idempotency_key: &str, timeout_ms: i32) -> Result<Answer, Failure> {
    let r = match call {
        WalletCall::MakeDefault(id) => {
            send(endpoint, "POST", &format!("/saved-methods/{id}/default"), None, Some(idempotency_key), timeout_ms, drop).await?
        }
        WalletCall::Remove(id) => send(endpoint, "DELETE", &format!("/saved-methods/{id}"), None, None, timeout_ms, drop).await?,
        WalletCall::Add(method) => {
            #[derive(serde::Serialize)]
            struct Add<'a> {
                payment_method: &'a MethodBody,
            }
            let body = serde_json::to_string(&Add { payment_method: method }).unwrap_or_default();
            send(endpoint, "POST", "/saved-methods", Some(&body), Some(idempotency_key), timeout_ms, drop).await?
        }
    };
    answer(r.status, &r.text.unwrap_or_default())
}

/// Asks the server to send the challenge code (sms/email). `Err` = no answer or 5xx.
pub async fn challenge_send(endpoint: &Endpoint, idempotency_key: &str, timeout_ms: i32) -> Result<crate::challenge::SendAnswer, Failure> {
    let r = send(endpoint, "POST", "/challenge/send", Some("{}"), Some(idempotency_key), timeout_ms, drop).await?;
    if r.status >= 500 {
        return Err(Failure::Status(r.status, None));
    }
    let now = crate::platform::browser::now_ms() as i64;
    let retry_after_s = r.retry_after.as_deref().and_then(|v| retry::parse_retry_after(v, now)).map(|ms| ms.div_ceil(1000));
    Ok(crate::challenge::send_answer(r.status, &r.text.unwrap_or_default(), retry_after_s))
}

/// Checks the code the payer typed. `Err` = no answer or 5xx (the payer may try again).
pub async fn challenge_verify(endpoint: &Endpoint, code: &str, timeout_ms: i32) -> Result<crate::challenge::VerifyAnswer, Failure> {
    #[derive(serde::Serialize)]
    struct Verify<'a> {
        code: &'a str,
    }
    let body = serde_json::to_string(&Verify { code }).unwrap_or_default();
    let r = send(endpoint, "POST", "/challenge/verify", Some(&body), None, timeout_ms, drop).await?;
    if r.status >= 500 {
        return Err(Failure::Status(r.status, None));
    }
    Ok(crate::challenge::verify_answer(r.status, &r.text.unwrap_or_default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_validate_and_never_print_the_credential() {
        let e = Endpoint::new("https://api.example.com/", "cs_abc", Some("SECRET".into())).expect("valid");
        assert_eq!(e.config_url(), "https://api.example.com/v1/hosted-sessions/cs_abc");
        assert!(!format!("{e:?}").contains("SECRET"));
        assert_eq!(Endpoint::new("https://a.test", "cs_a/b", None).err(), Some(EndpointError::SessionId));
        for bad in ["", "/relative", "javascript:alert(1)", "https://", "https://a.test?x=1", "https://u@a.test", "ftp://a.test"] {
            assert_eq!(Endpoint::new(bad, "cs_a", None).err(), Some(EndpointError::ApiBase), "{bad:?}");
        }
        assert_eq!(
            message_from(r#"{"decline_message":"Insufficient funds.\u0007"}"#, "decline_message").as_deref(),
            Some("Insufficient funds.")
        );
        assert_eq!(message_from("<html>", "message"), None);
        let no_cred = Endpoint::new("http://127.0.0.1:8787", "cs_a", Some("has space".into())).expect("valid");
        assert!(no_cred.credential.is_none());
    }
}
