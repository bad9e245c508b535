//! Where the view's actions go: the one choice between a live session and the demo, made
//! once, by whoever renders a [`SessionView`](super::SessionView) (its `backend` prop), and
//! read by every component below it with [`backend()`], which fails fast outside one.
//!
//! - [`Backend::Live`]: a session's controller (`crate::session`) sends confirms, challenge
//!   calls and wallet changes to the API (or hands the confirm to the embedder).
//! - [`Backend::Demo`]: the demo gallery and the component tests. Nothing leaves the page, and
//!   the view says so: "Demo: nothing was sent", the demo code shown and accepted.
use super::pay_state::{ConfirmRequest, Confirmed};
use crate::challenge::{self, SendAnswer, VerifyAnswer};
use crate::i18n::Msg;
use crate::platform::api::WalletCall;
use leptos::prelude::*;

/// A request the code challenge makes of the server.
#[derive(Clone)]
pub enum ChallengeCall {
    Send,
    /// The code the payer typed: sent to the API only.
    Verify(String),
}

impl std::fmt::Debug for ChallengeCall {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ChallengeCall::Send => "Send",
            ChallengeCall::Verify(_) => "Verify(..)", // never prints the code
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChallengeReply {
    Send(SendAnswer),
    Verify(VerifyAnswer),
    /// No answer, or a 5xx: the payer may try again.
    Unreachable,
}

/// What the Pay button tells an embedder's page (through the controller), never card data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PayReport {
    /// Whether pressing Pay would send the payment now, and the kind of method chosen.
    Validity { complete: bool, method: Option<&'static str> },
    /// `submit()` pressed Pay, and this was in the way (the payer is shown what to fix).
    Blocked(crate::gate::Blocker),
}

/// Why a wallet change did not happen: our message, and the server's own if it sent one
/// (shown instead).
pub type WalletFailure = (Msg, Option<String>);

/// What a call to the backend returns: its answer, some time later. The view awaits it in an
/// `Action`, whose `pending()` says the call is under way.
pub type Reply<T> = std::pin::Pin<Box<dyn std::future::Future<Output = T>>>;
/// Sends the payer's confirm; its answer is what the Pay button shows.
pub type ConfirmSender = Callback<ConfirmRequest, Reply<Confirmed>>;
/// Sends one challenge call (send a code, verify one).
pub type ChallengeSender = Callback<ChallengeCall, Reply<ChallengeReply>>;
/// Sends one wallet change: `Ok`, or what to tell the payer.
pub type WalletSender = Callback<WalletCall, Reply<Result<(), WalletFailure>>>;

#[derive(Clone, Copy)]
pub enum Backend {
    Live(LiveBackend),
    Demo,
}

/// A live session's calls, made by its controller.
#[derive(Clone, Copy)]
pub struct LiveBackend {
    pub confirm: ConfirmSender,
    /// `None` when the view was given a config and no session to ask (`mount({config})`):
    /// a code check then runs as in the demo, since there is no server to verify it.
    pub challenge: Option<ChallengeSender>,
    pub wallet: WalletSender,
    /// How long a network call, or a captcha provider's script, may take.
    pub timeout_ms: i32,
    /// The embedder confirms by itself (`handleConfirm`): only saved methods are offered,
    /// so card details never leave the view.
    pub embedder_confirms: bool,
    /// The embedder presses Pay with its own button (`submit()`): a count of its presses.
    pub submits: Signal<u32>,
    /// `false` when the embedder's own button replaces the view's (`showPayButton: false`).
    pub pay_button: bool,
    /// Where the Pay button's reports go (an embedder's page hears them as events).
    pub report: Option<Callback<PayReport>>,
    /// The confirm under way is first reading the session (a different request after an
    /// unknown outcome): what the Pay button's status line says while it waits.
    pub checking: Signal<bool>,
}

impl Backend {
    /// Sends the payer's confirm (the demo only says that nothing was sent).
    pub fn confirm(self, req: ConfirmRequest) -> Reply<Confirmed> {
        match self {
            Backend::Live(live) => live.confirm.run(req),
            Backend::Demo => Box::pin(std::future::ready(Confirmed::Demo)),
        }
    }

    /// Whether code checks are simulated here: the demo code is shown and accepted.
    pub fn simulates_codes(self) -> bool {
        !matches!(self, Backend::Live(LiveBackend { challenge: Some(_), .. }))
    }

    /// Sends a code challenge call; `attempts_made` (wrong codes so far) is what a
    /// simulated check counts down from.
    pub fn challenge(self, call: ChallengeCall, attempts_made: u32) -> Reply<ChallengeReply> {
        match self {
            Backend::Live(LiveBackend { challenge: Some(send), .. }) => send.run(call),
            _ => {
                let reply = match call {
                    ChallengeCall::Send => ChallengeReply::Send(SendAnswer::Sent { resend_after_s: challenge::DEFAULT_RESEND_S }),
                    ChallengeCall::Verify(code) => ChallengeReply::Verify(challenge::demo_verify(&code, attempts_made)),
                };
                Box::pin(std::future::ready(reply))
            }
        }
    }

    /// Sends a wallet change (the demo changes nothing and says so).
    pub fn wallet(self, call: WalletCall) -> Reply<Result<(), WalletFailure>> {
        match self {
            Backend::Live(live) => live.wallet.run(call),
            Backend::Demo => Box::pin(std::future::ready(Err((Msg::DemoNothingChanged, None)))),
        }
    }

    pub fn timeout_ms(self) -> i32 {
        match self {
            Backend::Live(live) => live.timeout_ms,
            Backend::Demo => crate::platform::api::TIMEOUT_MS,
        }
    }

    /// Whether the confirm under way is first reading the session again.
    pub fn checking(self) -> Signal<bool> {
        match self {
            Backend::Live(live) => live.checking,
            Backend::Demo => Signal::stored(false),
        }
    }

    /// The embedder's presses of Pay (`submit()`), counted; `None` where there is none.
    pub fn submits(self) -> Option<Signal<u32>> {
        match self {
            Backend::Live(live) => Some(live.submits),
            Backend::Demo => None,
        }
    }

    /// Whether the view shows its own Pay button.
    pub fn pay_button(self) -> bool {
        !matches!(self, Backend::Live(LiveBackend { pay_button: false, .. }))
    }

    /// Tells the embedder's page (if any) what the Pay button knows.
    pub fn report(self, report: PayReport) {
        if let Backend::Live(LiveBackend { report: Some(cb), .. }) = self {
            cb.run(report);
        }
    }

    pub fn embedder_confirms(self) -> bool {
        matches!(self, Backend::Live(LiveBackend { embedder_confirms: true, .. }))
    }
}

/// This view's backend. Panics outside a `SessionView`: a component rendered without its
/// parent must not silently behave as the demo (or as live).
pub fn backend() -> Backend {
    expect_context()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[should_panic(expected = "Backend")]
    fn backend_outside_a_session_view_fails_fast() {
        Owner::new().with(|| {
            let _ = backend();
        });
    }

    #[test]
    fn the_demo_simulates_codes_and_a_live_session_without_a_server_does_too() {
        Owner::new().with(|| {
            assert!(Backend::Demo.simulates_codes());
            let live = LiveBackend {
                confirm: Callback::new(|_| Box::pin(std::future::ready(Confirmed::Settled)) as Reply<_>),
                challenge: None,
                wallet: Callback::new(|_| Box::pin(std::future::ready(Ok(()))) as Reply<_>),
                timeout_ms: 1000,
                embedder_confirms: true,
                submits: Signal::stored(0),
                pay_button: true,
                report: None,
                checking: Signal::stored(false),
            };
            assert!(Backend::Live(live).simulates_codes());
            assert!(Backend::Live(live).embedder_confirms());
            assert!(!Backend::Demo.embedder_confirms());
            let with_server = LiveBackend {
                challenge: Some(Callback::new(|_| Box::pin(std::future::ready(ChallengeReply::Unreachable)) as Reply<_>)),
                ..live
            };
            assert!(!Backend::Live(with_server).simulates_codes());
            assert_eq!(Backend::Live(with_server).timeout_ms(), 1000);
        });
    }
}
