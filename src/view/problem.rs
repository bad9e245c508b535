use super::ctx;
use crate::i18n::Msg;
use leptos::prelude::*;

/// Why the view cannot show a payable checkout. Each has a calm, specific message and,
/// where one exists, a way forward.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// The config body was not a JSON object.
    Unreadable,
    /// The session id in the link is malformed; no request was made.
    InvalidLink,
    /// 401/403: the link's credential is not (or no longer) valid.
    NotAuthorized,
    /// 404.
    NotFound,
    /// 410.
    Gone,
    /// 429, 5xx, a timeout or no network.
    Unreachable,
}

impl ProblemKind {
    pub fn from_status(status: u16) -> Self {
        match status {
            401 | 403 => ProblemKind::NotAuthorized,
            404 => ProblemKind::NotFound,
            410 => ProblemKind::Gone,
            _ => ProblemKind::Unreachable,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            ProblemKind::Unreadable => "unreadable",
            ProblemKind::InvalidLink => "invalid-link",
            ProblemKind::NotAuthorized => "not-authorized",
            ProblemKind::NotFound => "not-found",
            ProblemKind::Gone => "gone",
            ProblemKind::Unreachable => "unreachable",
        }
    }

    fn text(self) -> (Msg, Msg) {
        match self {
            ProblemKind::Unreadable => (Msg::UnreadableTitle, Msg::UnreadableBody),
            ProblemKind::InvalidLink => (Msg::InvalidLinkTitle, Msg::InvalidLinkBody),
            ProblemKind::NotAuthorized => (Msg::NotAuthorizedTitle, Msg::AskForNewLink),
            ProblemKind::NotFound => (Msg::NotFoundTitle, Msg::NotFoundBody),
            ProblemKind::Gone => (Msg::ExpiredTitle, Msg::AskForNewLink),
            ProblemKind::Unreachable => (Msg::UnreachableTitle, Msg::UnreachableBody),
        }
    }
}

/// A problem panel: what happened, what it means for the payer, and a retry where useful.
#[component]
pub fn Problem(kind: ProblemKind, #[prop(optional, into)] on_retry: Option<Callback<()>>) -> impl IntoView {
    let cx = ctx();
    let (title, body) = kind.text();
    let retry = matches!(kind, ProblemKind::Unreadable | ProblemKind::Unreachable).then_some(on_retry).flatten();
    view! {
        <div class="sv sv--hosted" lang=cx.lang.tag() dir=cx.lang.dir()>
            <main class="sv-main">
                <section class="sv-problem" role="alert" data-testid="problem" data-problem=kind.code()>
                    <h1 class="sv-heading">{cx.text(title)}</h1>
                    <p>{cx.text(body)}</p>
                    {retry.map(|cb| view! {
                        <button type="button" class="sv-button" on:click=move |_| cb.run(())>{cx.text(Msg::TryAgain)}</button>
                    })}
                </section>
            </main>
        </div>
    }
}
