//! DOM events on the host element: `ready`, `change`, `completed`, `expired`, `error`,
//! `confirm`, `payment-failed` and `validity`. Their `detail` never carries the credential or card data. The frame computes
//! them ([`message`]) and sends them over its port; the merchant's module (`packages/session-view`)
//! dispatches them on the host element.
use crate::embedding::{Detail, FromFrame, MethodDetail};
use crate::model::{Config, Status};
use crate::session::SessionEvent;

fn status_name(s: &Status) -> &'static str {
    match s {
        Status::Active => "active",
        Status::Completed => "completed",
        Status::Expired => "expired",
        Status::Unknown(_) => "unknown",
    }
}

/// What the merchant's page is told of `event`: the answer to a `submit()` that found
/// something in the way, or a documented event whose `detail` is `{ sessionId, status, amount,
/// currency }` of the config on screen (what a merchant page may know), plus `method` on
/// `confirm` and `validity`, `code` on `error`, and the failure on `payment-failed`.
pub fn message(config: Option<&Config>, event: &SessionEvent) -> FromFrame {
    let mut detail = Detail::default();
    if let Some(c) = config {
        detail.session_id = c.session_id.clone();
        detail.status = Some(status_name(&c.status()).to_owned());
        // Amounts as strings: a JS number would round beyond 2^53.
        detail.amount = c.amount.map(|a| a.to_string());
        detail.currency = c.currency.clone();
    }
    let name = match event {
        SessionEvent::Confirm { method_type, saved_method_id, challenge_response } => {
            detail.method = Some(MethodDetail {
                method_type: (*method_type).to_owned(),
                saved_method_id: saved_method_id.clone(),
                challenge_response: challenge_response.clone(),
            });
            "confirm"
        }
        SessionEvent::Ready => "ready",
        SessionEvent::Change => "change",
        SessionEvent::Completed => "completed",
        SessionEvent::Expired => "expired",
        SessionEvent::Error(kind) => {
            detail.code = Some(kind.code().to_owned());
            "error"
        }
        SessionEvent::PaymentFailed { reason, message } => {
            detail.reason = Some((*reason).to_owned());
            detail.retryable = Some(true);
            detail.message = message.clone();
            "payment-failed"
        }
        SessionEvent::Validity { complete, method } => {
            detail.complete = Some(*complete);
            detail.method = method.map(|m| MethodDetail { method_type: m.to_owned(), saved_method_id: None, challenge_response: None });
            "validity"
        }
        SessionEvent::Blocked(blocker) => return FromFrame::Blocked { missing: blocker.code().to_owned() },
    };
    FromFrame::Event { name: name.to_owned(), detail: Box::new(detail) }
}
