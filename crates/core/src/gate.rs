//! When the payer may confirm. Pure, so every rule is a host test; the view asks it on every
//! change and the confirm button shows the first thing still in the way.

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GateInput {
    /// Status active, scope payment, a total to charge, not past expiry.
    pub payable: bool,
    pub method_chosen: bool,
    /// A saved method, or a new one with no problems.
    pub method_valid: bool,
    pub challenge_required: bool,
    pub challenge_satisfied: bool,
    /// The payer acknowledged the latest total change (or there was none).
    pub total_seen: bool,
    pub submitting: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blocker {
    NotPayable,
    Submitting,
    NoMethod,
    MethodIncomplete,
    TotalNotSeen,
    ChallengePending,
}

/// Every [`Blocker::code`], as `submit()` reports them.
pub const BLOCKER_CODES: &[&str] = &["not-payable", "submitting", "method", "method-details", "total-change", "challenge"];

impl Blocker {
    /// Its name for a merchant's code (`submit()` resolves `{ outcome: "blocked", missing }`).
    pub fn code(self) -> &'static str {
        match self {
            Blocker::NotPayable => "not-payable",
            Blocker::Submitting => "submitting",
            Blocker::NoMethod => "method",
            Blocker::MethodIncomplete => "method-details",
            Blocker::TotalNotSeen => "total-change",
            Blocker::ChallengePending => "challenge",
        }
    }

    /// What the payer is told.
    pub fn message(self) -> crate::i18n::Msg {
        use crate::i18n::Msg;
        match self {
            Blocker::NotPayable => Msg::NotPayable,
            Blocker::Submitting => Msg::Confirming,
            Blocker::NoMethod => Msg::ChooseMethod,
            Blocker::MethodIncomplete => Msg::CheckHighlighted,
            Blocker::TotalNotSeen => Msg::TotalNotSeen,
            Blocker::ChallengePending => Msg::ChallengePending,
        }
    }
}

/// The first thing in the way of confirming, or `None` when the payer may confirm.
pub fn blocker(i: &GateInput) -> Option<Blocker> {
    if !i.payable {
        Some(Blocker::NotPayable)
    } else if i.submitting {
        Some(Blocker::Submitting)
    } else if !i.method_chosen {
        Some(Blocker::NoMethod)
    } else if !i.method_valid {
        Some(Blocker::MethodIncomplete)
    } else if !i.total_seen {
        Some(Blocker::TotalNotSeen)
    } else if i.challenge_required && !i.challenge_satisfied {
        Some(Blocker::ChallengePending)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const READY: GateInput = GateInput {
        payable: true,
        method_chosen: true,
        method_valid: true,
        challenge_required: false,
        challenge_satisfied: false,
        total_seen: true,
        submitting: false,
    };

    #[test]
    fn every_blocker_has_a_listed_code() {
        use Blocker::*;
        let codes: Vec<&str> =
            [NotPayable, Submitting, NoMethod, MethodIncomplete, TotalNotSeen, ChallengePending].iter().map(|b| b.code()).collect();
        assert_eq!(codes, BLOCKER_CODES);
    }

    #[test]
    fn open_only_when_everything_holds() {
        assert_eq!(blocker(&READY), None);
        assert_eq!(blocker(&GateInput { payable: false, ..READY }), Some(Blocker::NotPayable));
        assert_eq!(blocker(&GateInput { submitting: true, ..READY }), Some(Blocker::Submitting), "no double confirm");
        assert_eq!(blocker(&GateInput { method_chosen: false, ..READY }), Some(Blocker::NoMethod));
        assert_eq!(blocker(&GateInput { method_valid: false, ..READY }), Some(Blocker::MethodIncomplete));
        assert_eq!(blocker(&GateInput { total_seen: false, ..READY }), Some(Blocker::TotalNotSeen));
        assert_eq!(blocker(&GateInput { challenge_required: true, ..READY }), Some(Blocker::ChallengePending));
        assert_eq!(blocker(&GateInput { challenge_required: true, challenge_satisfied: true, ..READY }), None);
        assert_eq!(blocker(&GateInput::default()), Some(Blocker::NotPayable));
    }
}
