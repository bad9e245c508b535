//! A session kept current while the payer looks. Loaded from the API with a timeout and
//! bounded, jittered retries; refreshed on an interval (paused in hidden tabs), when the tab
//! becomes visible, when the browser comes back online, and on `refresh()`; or fed configs
//! directly (`update(config)`). Everything it starts ends with the owner that made it.
use crate::embedding::Outcome;
use crate::i18n::Msg;
use crate::model::{Config, ConfigStoreFields, Parsed, SavedMethod, Status};
use crate::platform::api::{self, Abort, Endpoint};
use crate::platform::browser;
use crate::platform::chunk::ChunkFailed;
use crate::retry::{self, Failure};
use crate::view::{
    Backend, ChallengeCall, ChallengeReply, ConfirmRequest, Confirmed, LiveBackend, PayReport, Problem, ProblemKind, Reply, SessionView,
    Unanswered, ViewCtx, WalletFailure,
};
use leptos::prelude::*;
use reactive_stores::{Patch, Store};
use send_wrapper::SendWrapper;

pub use crate::embedding::{accepted_timeout_ms, DEFAULT_POLL_MS, TIMEOUT_MS};
/// Shortest refresh interval accepted.
pub const MIN_POLL_MS: u32 = 1_000;

#[derive(Clone, Debug, PartialEq)]
pub enum LoadState {
    Loading,
    Ready,
    Failed(ProblemKind),
}

/// What an embedder hears about (see `embed`).
#[derive(Clone, Debug, PartialEq)]
pub enum SessionEvent {
    /// The first config is on screen.
    Ready,
    /// A later config changed what is shown.
    Change,
    Expired,
    Completed,
    Error(ProblemKind),
    /// A confirm that did not pay: `reason` is `declined`, `refused`, `unknown` or
    /// `check-failed`, with the server's words for the payer if it sent any.
    PaymentFailed {
        reason: &'static str,
        message: Option<String>,
    },
    /// The payer confirmed: the method type and, for a saved method, its id. Never card data.
    /// With `handleConfirm`, also the solved challenge's response (a single-use captcha token
    /// or the verify token, never the code), which the embedder's own confirm needs.
    Confirm {
        method_type: &'static str,
        saved_method_id: Option<String>,
        challenge_response: Option<String>,
    },
    /// Whether pressing Pay would send the payment now (told when it changes).
    Validity {
        complete: bool,
        method: Option<&'static str>,
    },
    /// The embedder's `submit()` found this in the way.
    Blocked(crate::gate::Blocker),
}

pub struct LiveOptions {
    /// Where to read the config; `None` = configs only come through [`Controller::update`].
    pub endpoint: Option<Endpoint>,
    /// A config to show at once (no first fetch).
    pub initial: Option<Parsed>,
    /// The outcome of a first request the page made before the view arrived (the hosted
    /// page's first paint, `app::hosted`): taken as the first attempt instead of asking again.
    pub first_attempt: Option<Result<api::Fetched, Failure>>,
    /// Refresh interval in ms; 0 = no polling.
    pub poll_ms: u32,
    /// How long one request may take, in ms.
    pub timeout_ms: i32,
    /// The embedder confirms by itself: the view only emits `confirm`, and offers saved methods only.
    pub embedder_confirms: bool,
    /// How long a handed-off confirm waits for the embedder's `settle()`, in ms.
    pub settle_wait_ms: u32,
    /// `false`: the embedder presses Pay with its own button (`submit()`), the view shows none.
    pub pay_button: bool,
    pub on_event: Option<Callback<SessionEvent>>,
}

/// The handle to one live session; `Copy`, and inert once its owner is gone.
#[derive(Clone, Copy)]
pub struct Controller {
    /// The config on screen, a store: a new one is patched in, so only what changed re-renders.
    pub config: Store<Config>,
    pub state: RwSignal<LoadState>,
    /// Server clock minus client clock, from the last response's `Date`.
    pub skew_ms: RwSignal<i64>,
    endpoint: StoredValue<Option<Endpoint>>,
    timeout_ms: i32,
    pub embedder_confirms: bool,
    settle_wait_ms: u32,
    pay_button: bool,
    /// The embedder's presses of Pay (`submit()`), counted.
    submits: RwSignal<u32>,
    /// The last confirm sent (its body and idempotency key) while its outcome is unknown:
    /// the same request is retried with the same key, so it can never be charged twice.
    pending: StoredValue<Option<(String, String)>>,
    /// A confirm is first reading the session (a different request after an unknown outcome).
    checking: RwSignal<bool>,
    in_flight: StoredValue<bool>,
    abort: StoredValue<Option<SendWrapper<Abort>>>,
    on_event: StoredValue<Option<Callback<SessionEvent>>>,
    /// A handed-off confirm waiting for the embedder: what ends the wait, and how it ended.
    handed: StoredValue<Option<SendWrapper<js_sys::Function>>>,
    settled: StoredValue<Option<(Outcome, Option<String>)>>,
}

/// A fresh idempotency key (a random UUID).
fn new_idempotency_key() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_else(|| format!("{:016x}{:016x}", (js_sys::Math::random() * 1e16) as u64, (js_sys::Math::random() * 1e16) as u64))
}

fn page_hidden() -> bool {
    web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden())
}

impl Controller {
    /// Creates the session under the current owner and starts loading it.
    pub fn new(options: LiveOptions) -> Self {
        let has_initial = options.initial.is_some();
        let ctl = Controller {
            config: Store::new(Config::default()),
            state: RwSignal::new(LoadState::Loading),
            skew_ms: RwSignal::new(0),
            endpoint: StoredValue::new(options.endpoint),
            timeout_ms: options.timeout_ms,
            embedder_confirms: options.embedder_confirms,
            settle_wait_ms: options.settle_wait_ms,
            pay_button: options.pay_button,
            submits: RwSignal::new(0),
            pending: StoredValue::new(None),
            checking: RwSignal::new(false),
            in_flight: StoredValue::new(false),
            abort: StoredValue::new(None),
            on_event: StoredValue::new(options.on_event),
            handed: StoredValue::new(None),
            settled: StoredValue::new(None),
        };
        if let Some(parsed) = options.initial {
            ctl.update(parsed);
        }
        match options.first_attempt {
            // At once, not in a task: the view's first render is the session, not a skeleton.
            Some(Ok(fetched)) => ctl.take(fetched),
            Some(Err(failure)) => ctl.load_from(Some(Err(failure))),
            None if !has_initial => ctl.refresh(),
            None => {}
        }
        if options.poll_ms > 0 {
            let poll = browser::Interval::new(options.poll_ms.max(MIN_POLL_MS), move || {
                let active = ctl.config.try_with_untracked(|c| c.status() == Status::Active).unwrap_or(false);
                if !page_hidden() && active && ctl.state.try_get_untracked() == Some(LoadState::Ready) {
                    ctl.refresh();
                }
            });
            browser::drop_on_cleanup(poll);
        }
        let visible = browser::WindowListener::new("visibilitychange", move |_| {
            if !page_hidden() && ctl.state.try_get_untracked() == Some(LoadState::Ready) {
                ctl.refresh();
            }
        });
        let online = browser::WindowListener::new("online", move |_| {
            if matches!(ctl.state.try_get_untracked(), Some(LoadState::Failed(ProblemKind::Unreachable))) {
                ctl.retry();
            }
        });
        browser::drop_on_cleanup((visible, online));
        on_cleanup(move || {
            let _ = ctl.abort.try_with_value(|a| a.as_ref().map(|a| a.abort()));
        });
        ctl
    }

    fn alive(self) -> bool {
        self.state.try_get_untracked().is_some()
    }

    fn emit(self, event: SessionEvent) {
        if let Some(Some(cb)) = self.on_event.try_get_value() {
            cb.run(event);
        }
    }

    /// Shows `parsed` (from `update(config)` or a response) in place.
    pub fn update(self, parsed: Parsed) {
        crate::platform::browser::log_warnings(&parsed.warnings);
        let changed = self.config.try_with_untracked(|c| *c != parsed.config).unwrap_or(false);
        let was_ready = self.state.try_get_untracked() == Some(LoadState::Ready);
        if changed {
            self.config.patch(parsed.config);
        }
        if !was_ready {
            self.state.set(LoadState::Ready);
            self.emit(SessionEvent::Ready);
        } else if changed {
            self.emit(SessionEvent::Change);
        }
    }

    /// Reloads from the API (no-op without an endpoint or while a load is in flight).
    pub fn refresh(self) {
        self.load_from(None);
    }

    /// Loads, starting from `first`'s outcome when given (else with a request).
    fn load_from(self, first: Option<Result<api::Fetched, Failure>>) {
        if !self.alive() || self.in_flight.get_value() || self.endpoint.with_value(Option::is_none) {
            return;
        }
        self.in_flight.set_value(true);
        leptos::task::spawn_local(async move {
            self.load(first).await;
            if self.alive() {
                self.in_flight.set_value(false);
            }
        });
    }

    /// A response's config (and the server's clock), or the problem that it is not one.
    fn take(self, fetched: api::Fetched) {
        let skew = crate::countdown::skew_ms(fetched.server_date_ms, crate::platform::browser::now_ms() as i64);
        self.skew_ms.set(skew);
        match fetched.config {
            Some(parsed) => self.update(parsed),
            None => self.fail(ProblemKind::Unreadable),
        }
    }

    /// "Try again": back to the loading view, then reload.
    pub fn retry(self) {
        if self.alive() {
            self.state.set(LoadState::Loading);
            self.refresh();
        }
    }

    async fn load(self, mut first: Option<Result<api::Fetched, Failure>>) {
        let Some(endpoint) = self.endpoint.get_value() else { return };
        let mut attempt = 1;
        loop {
            let outcome = match first.take() {
                Some(outcome) => outcome,
                None => api::get_config(&endpoint, self.timeout_ms, |a| self.abort.set_value(Some(SendWrapper::new(a)))).await,
            };
            if !self.alive() {
                return;
            }
            self.abort.set_value(None);
            match outcome {
                Ok(fetched) => {
                    self.take(fetched);
                    return;
                }
                Err(failure) => match retry::next_delay_ms(attempt, failure, js_sys::Math::random()) {
                    Some(delay) => {
                        browser::sleep(delay).await;
                        if !self.alive() {
                            return;
                        }
                        attempt += 1;
                    }
                    None => {
                        self.fail(match failure {
                            Failure::Status(status, _) => ProblemKind::from_status(status),
                            Failure::Network | Failure::Timeout => ProblemKind::Unreachable,
                        });
                        return;
                    }
                },
            }
        }
    }

    /// Sends the payer's confirm: a `confirm` event, then `POST …/confirm` with an idempotency
    /// key that is reused for every retry of the same request; the answer is what the Pay
    /// button shows. Without an endpoint (a config given directly) nothing is sent.
    ///
    /// After an unknown outcome (no answer, or a 5xx) the same request goes again with the
    /// same key, so the server can never charge it twice. A *different* request (another
    /// method, other details) would carry a new key, so the session is read first: if the
    /// earlier attempt went through (the session is `completed`, or no longer active), the
    /// payer sees that and nothing more is sent; if it is still active, the new request goes.
    pub fn confirm(self, req: ConfirmRequest) -> impl std::future::Future<Output = Confirmed> + 'static {
        let endpoint = self.endpoint.get_value();
        async move {
            if self.embedder_confirms {
                return self.hand_off(req).await;
            }
            let Some(endpoint) = endpoint else { return Confirmed::Demo };
            let body =
                api::ConfirmBody { payment_method: &req.payment_method, challenge_response: req.challenge_response.as_deref() }.to_json();
            let key = match self.pending.get_value() {
                Some((sent, key)) if sent == body => key,
                Some(_) => {
                    self.checking.set(true);
                    let read = api::get_config(&endpoint, self.timeout_ms, drop).await;
                    if !self.alive() {
                        return Confirmed::Settled;
                    }
                    self.checking.set(false);
                    match read.ok().and_then(|f| f.config) {
                        Some(parsed) if parsed.config.status() != Status::Active => {
                            // The earlier attempt went through (or the session ended): show it.
                            self.pending.set_value(None);
                            self.update(parsed);
                            return Confirmed::Settled;
                        }
                        Some(_) => new_idempotency_key(),
                        None => {
                            self.emit(SessionEvent::PaymentFailed { reason: "check-failed", message: None });
                            return Confirmed::CheckFailed;
                        }
                    }
                }
                None => new_idempotency_key(),
            };
            self.pending.set_value(Some((body.clone(), key.clone())));
            self.emit(SessionEvent::Confirm {
                method_type: req.method_type,
                saved_method_id: req.saved_method_id,
                challenge_response: None,
            });
            let answer = api::post_confirm(&endpoint, &body, &key, self.timeout_ms).await;
            if !self.alive() {
                return Confirmed::Settled;
            }
            match answer {
                Ok(api::Answer::Accepted) => {
                    self.pending.set_value(None);
                    self.config.status().set(Some(Status::Completed));
                    Confirmed::Settled
                }
                Ok(api::Answer::Declined(reason)) => {
                    self.pending.set_value(None);
                    self.emit(SessionEvent::PaymentFailed { reason: "declined", message: reason.clone() });
                    Confirmed::Declined(reason)
                }
                Ok(api::Answer::Refused(message)) => {
                    self.pending.set_value(None);
                    self.emit(SessionEvent::PaymentFailed { reason: "refused", message: message.clone() });
                    Confirmed::Refused(message)
                }
                Err(failure) => {
                    self.emit(SessionEvent::PaymentFailed { reason: "unknown", message: None });
                    match failure {
                        Failure::Status(..) => Confirmed::Unknown(Unanswered::ServiceProblem),
                        Failure::Network | Failure::Timeout => Confirmed::Unknown(Unanswered::Unreachable),
                    }
                }
            }
        }
    }

    /// The embedder confirms by itself: a `confirm` event, then the Pay button stays pressed
    /// until the embedder settles it (declined or failed: the payer gets the button back with
    /// everything typed), a `completed` config replaces the form, or
    /// `settle_wait_ms` pass with neither ("we couldn't confirm").
    async fn hand_off(self, req: ConfirmRequest) -> Confirmed {
        self.settled.set_value(None);
        let wait = js_sys::Promise::new(&mut |resolve, _| self.handed.set_value(Some(SendWrapper::new(resolve))));
        self.emit(SessionEvent::Confirm {
            method_type: req.method_type,
            saved_method_id: req.saved_method_id,
            challenge_response: req.challenge_response,
        });
        let heard = browser::within(std::pin::pin!(wasm_bindgen_futures::JsFuture::from(wait)), self.settle_wait_ms).await;
        if !self.alive() {
            return Confirmed::Settled;
        }
        self.handed.set_value(None);
        match heard.and_then(|_| self.settled.try_update_value(Option::take).flatten()) {
            Some((Outcome::Declined, message)) => Confirmed::Declined(message),
            Some((Outcome::Failed, message)) => Confirmed::Refused(message),
            None => Confirmed::NotConfirmed,
        }
    }

    /// `handle.settle()`: ends a handed-off confirm that did not pay. `false` when none waits.
    pub fn settle(self, outcome: Outcome, message: Option<String>) -> bool {
        let Some(Some(resume)) = self.handed.try_update_value(Option::take) else { return false };
        self.settled.set_value(Some((outcome, crate::embedding::settle_message(message.as_deref()))));
        let _ = resume.call0(&wasm_bindgen::JsValue::NULL);
        true
    }

    /// `handle.submit()`: presses Pay for the embedder. What happens is what a press does: a
    /// confirm (its events tell how it ended), or [`SessionEvent::Blocked`] with what is missing.
    pub fn submit(self) {
        self.submits.try_update(|n| *n += 1);
    }

    /// Wallet scope: make a saved method the default, remove one, or add one; `done` hears
    /// `Ok`, or what to tell the payer: the server's message if it sent one, else ours.
    /// Without an endpoint (a config given directly) nothing can be changed, and the payer
    /// is told so.
    pub fn wallet(self, call: api::WalletCall) -> impl std::future::Future<Output = Result<(), WalletFailure>> + 'static {
        let endpoint = self.endpoint.get_value();
        async move {
            let Some(endpoint) = endpoint else { return Err((Msg::NotConnected, None)) };
            let key = new_idempotency_key();
            let answer = api::wallet(&endpoint, &call, &key, self.timeout_ms).await;
            match answer {
                Ok(api::Answer::Accepted) => {
                    if self.alive() {
                        match &call {
                            api::WalletCall::MakeDefault(id) => self.config.saved_methods().update(|m| SavedMethod::make_default(m, id)),
                            api::WalletCall::Remove(id) => self.config.saved_methods().update(|m| SavedMethod::remove(m, id)),
                            api::WalletCall::Add(_) => self.refresh(),
                        }
                    }
                    Ok(())
                }
                Ok(api::Answer::Declined(m) | api::Answer::Refused(m)) => Err((Msg::DidNotWork, m)),
                Err(_) => Err((Msg::WalletUnreachable, None)),
            }
        }
    }

    /// The code challenge's send and verify: the server's answer, or `Unreachable`. The code
    /// goes to the API only.
    pub fn challenge(self, call: ChallengeCall) -> impl std::future::Future<Output = ChallengeReply> + 'static {
        let endpoint = self.endpoint.get_value();
        async move {
            let Some(endpoint) = endpoint else { return ChallengeReply::Unreachable };
            let reply = match call {
                ChallengeCall::Send => {
                    api::challenge_send(&endpoint, &new_idempotency_key(), self.timeout_ms).await.map(ChallengeReply::Send)
                }
                ChallengeCall::Verify(code) => api::challenge_verify(&endpoint, &code, self.timeout_ms).await.map(ChallengeReply::Verify),
            };
            reply.unwrap_or(ChallengeReply::Unreachable)
        }
    }

    fn fail(self, kind: ProblemKind) {
        let showing = self.state.get_untracked() == LoadState::Ready;
        match kind {
            // A background refresh that could not get through keeps what the payer sees
            // (and what they typed); the next refresh tries again.
            ProblemKind::Unreachable | ProblemKind::Unreadable if showing => {}
            // The server says the session is over: show it as expired, in place.
            ProblemKind::Gone if showing => self.config.status().set(Some(Status::Expired)),
            _ => {
                self.state.set(LoadState::Failed(kind));
                self.emit(SessionEvent::Error(kind));
            }
        }
    }
}

// The wallet's calls have their code in the wallet's chunk (`view::parts`): the requests
// download with the part that makes them. The part is on screen when they are called, so its
// chunk is already here; if it were not, the call says nothing was done.
crate::platform::chunk::split!(
    wallet,
    fn wallet_from_wallet(ctl: Controller, call: api::WalletCall) -> Result<Reply<Result<(), WalletFailure>>, ChunkFailed> {
        Ok(Box::pin(ctl.wallet(call)))
    }
);

/// The answer of a call whose code is in a part's chunk, or `failed` if that chunk did not load.
fn from_chunk<T: 'static>(call: impl std::future::Future<Output = Result<Reply<T>, ChunkFailed>> + 'static, failed: T) -> Reply<T> {
    Box::pin(async move {
        match call.await {
            Ok(reply) => reply.await,
            Err(ChunkFailed) => failed,
        }
    })
}

/// Renders a [`Controller`]: a skeleton while loading, the session, or the problem.
#[component]
pub fn LiveView(ctl: Controller, #[prop(default = None)] locale: Option<String>) -> impl IntoView {
    let state = Memo::new(move |_| ctl.state.get());
    let on_status = Callback::new(move |status: Status| match status {
        Status::Completed => ctl.emit(SessionEvent::Completed),
        Status::Expired => ctl.emit(SessionEvent::Expired),
        _ => {}
    });
    let retry = Callback::new(move |()| ctl.retry());
    // The view's calls go to this controller. Without an endpoint (a config given directly)
    // there is no server to check a code with: the code check runs as in the demo.
    let backend = Backend::Live(LiveBackend {
        confirm: Callback::new(move |req| Box::pin(ctl.confirm(req)) as Reply<Confirmed>),
        challenge: ctl
            .endpoint
            .with_value(Option::is_some)
            .then(|| Callback::new(move |call| Box::pin(ctl.challenge(call)) as Reply<ChallengeReply>)),
        wallet: Callback::new(move |call| from_chunk(wallet_from_wallet(ctl, call), Err((Msg::PartUnavailable, None)))),
        timeout_ms: ctl.timeout_ms,
        embedder_confirms: ctl.embedder_confirms,
        submits: ctl.submits.into(),
        pay_button: ctl.pay_button,
        checking: ctl.checking.into(),
        report: Some(Callback::new(move |report| {
            ctl.emit(match report {
                PayReport::Validity { complete, method } => SessionEvent::Validity { complete, method },
                PayReport::Blocked(blocker) => SessionEvent::Blocked(blocker),
            })
        })),
    });
    // One language for the skeleton, the session and any problem.
    let cx = ViewCtx::for_view(locale);
    provide_context(cx);
    move || match state.get() {
        LoadState::Loading => view! {
            <div class="sv sv--hosted" aria-busy="true" lang=cx.lang.tag() dir=cx.lang.dir()>
                <main class="sv-main sv-skeleton" data-testid="loading">
                    <p class="sv-visually-hidden" role="status">{cx.text(Msg::Loading)}</p>
                    <div class="sv-skel sv-skel--title"></div>
                    <div class="sv-skel sv-skel--amount"></div>
                    <div class="sv-skel"></div>
                    <div class="sv-skel"></div>
                    <div class="sv-skel sv-skel--title"></div>
                </main>
            </div>
        }
        .into_any(),
        LoadState::Ready => view! {
            <SessionView config=ctl.config backend skew_ms=ctl.skew_ms on_status/>
        }
        .into_any(),
        LoadState::Failed(kind) => view! { <Problem kind on_retry=retry/> }.into_any(),
    }
}
