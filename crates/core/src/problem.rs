//! Why the view cannot show a payable checkout, and what it tells the payer: drawn by the
//! main module's first paint (`paint`) and by the Leptos view alike.
use crate::i18n::Msg;

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
    /// The embedding page's module speaks another version of the frame's protocol
    /// (`embedding::PROTOCOL`): nothing is shown that either side might misread.
    Incompatible,
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
            ProblemKind::Incompatible => "incompatible",
        }
    }

    /// Its heading and what it means for the payer.
    pub fn text(self) -> (Msg, Msg) {
        match self {
            ProblemKind::Unreadable | ProblemKind::Incompatible => (Msg::UnreadableTitle, Msg::UnreadableBody),
            ProblemKind::InvalidLink => (Msg::InvalidLinkTitle, Msg::InvalidLinkBody),
            ProblemKind::NotAuthorized => (Msg::NotAuthorizedTitle, Msg::AskForNewLink),
            ProblemKind::NotFound => (Msg::NotFoundTitle, Msg::NotFoundBody),
            ProblemKind::Gone => (Msg::ExpiredTitle, Msg::AskForNewLink),
            ProblemKind::Unreachable => (Msg::UnreachableTitle, Msg::UnreachableBody),
        }
    }
}

impl ProblemKind {
    /// Whether "Try again" can help: a body that was not a config, or no answer at all.
    pub fn can_retry(self) -> bool {
        matches!(self, ProblemKind::Unreadable | ProblemKind::Unreachable)
    }
}

#[cfg(test)]
mod tests {
    use super::ProblemKind;

    #[test]
    fn only_what_a_retry_can_mend_offers_one() {
        let retry: Vec<_> = [401, 403, 404, 410, 429, 500, 503].map(|s| ProblemKind::from_status(s).can_retry()).into();
        assert_eq!(retry, [false, false, false, false, true, true, true]);
        assert!(ProblemKind::Unreadable.can_retry());
        assert!(!ProblemKind::InvalidLink.can_retry());
    }
}
