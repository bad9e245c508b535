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

    fn text(self) -> (&'static str, &'static str) {
        match self {
            ProblemKind::Unreadable => (
                "We couldn't read this checkout",
                "Its details arrived in a form we don't understand. Nothing has been charged. Try again, and if it keeps happening, contact the merchant.",
            ),
            ProblemKind::InvalidLink => (
                "This payment link isn't valid",
                "Part of the link may be missing. Open the whole link the merchant sent you, or ask them for a new one.",
            ),
            ProblemKind::NotAuthorized => (
                "This payment link has expired or isn't valid",
                "Nothing has been charged. Ask the merchant for a new payment link.",
            ),
            ProblemKind::NotFound => (
                "We couldn't find this checkout",
                "Check that you opened the whole link, or ask the merchant for a new one.",
            ),
            ProblemKind::Gone => (
                "This checkout has expired",
                "Nothing has been charged. Ask the merchant for a new payment link.",
            ),
            ProblemKind::Unreachable => (
                "We couldn't reach the payment service",
                "Nothing has been charged. Check your connection and try again.",
            ),
        }
    }
}

/// A problem panel: what happened, what it means for the payer, and a retry where useful.
#[component]
pub fn Problem(kind: ProblemKind, #[prop(optional, into)] on_retry: Option<Callback<()>>) -> impl IntoView {
    let (title, body) = kind.text();
    let retry = matches!(kind, ProblemKind::Unreadable | ProblemKind::Unreachable).then_some(on_retry).flatten();
    view! {
        <div class="sv sv--hosted">
            <main class="sv-main">
                <section class="sv-problem" role="alert" data-testid="problem" data-problem=kind.code()>
                    <h1 class="sv-heading">{title}</h1>
                    <p>{body}</p>
                    {retry.map(|cb| view! {
                        <button type="button" class="sv-button" on:click=move |_| cb.run(())>"Try again"</button>
                    })}
                </section>
            </main>
        </div>
    }
}
