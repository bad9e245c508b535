//! Leptos components, one file each, named for what the payer sees. Every config string
//! reaches the DOM as text (inside `<bdi>` or `dir="auto"` so bidi controls cannot reorder
//! the page). There is no HTML sink: `page_message.rs` builds the sanitised message node by node.
mod backend;
mod bank_form;
mod brand_mark;
mod card_form;
mod challenge;
mod config_reads;
mod confirm;
mod countdown;
mod customer_email;
mod expiry;
mod field;
mod header;
mod lazy;
mod line_items;
mod method_choice;
mod order_summary;
mod page_message;
mod parts;
mod pay_state;
mod payment_methods;
mod problem;
mod save_consent;
mod saved_methods;
mod session_view;
mod status_views;
mod total;
mod total_change;
mod view_ctx;
mod wallet;

pub use crate::problem::ProblemKind;
pub use backend::{backend, Backend, ChallengeSender, ConfirmSender, LiveBackend, Reply, WalletSender};
pub use backend::{ChallengeCall, ChallengeReply, PayReport, WalletFailure};
pub use lazy::{lazy_part, parts_arrived};
pub use page_message::{MessageSanitizer, Sanitized};
pub use parts::wallet_code;
pub use pay_state::{Choice, ConfirmRequest, Confirmed, KeptInput, PayState, Unanswered};
pub use problem::Problem;
pub use session_view::SessionView;
pub use total_change::TotalSeen;
pub(crate) use view_ctx::ctx;
pub use view_ctx::{last_lang, ViewCtx};

#[cfg(test)]
mod tests {
    use leptos::prelude::Owner;

    /// A component rendered without its view must fail at once, not fall back to a default
    /// that would, say, skip the total-seen gate or render in a guessed language.
    #[test]
    fn every_accessor_fails_fast_outside_its_view() {
        let accessors: [(&str, fn()); 5] = [
            ("ViewCtx", || {
                let _ = super::ctx();
            }),
            ("PayState", || {
                let _ = super::pay_state::pay_state();
            }),
            ("TotalSeen", || {
                let _ = super::total_change::total_seen();
            }),
            ("Entered", || {
                let _ = super::pay_state::entered();
            }),
            ("Backend", || {
                let _ = super::backend();
            }),
        ];
        for (name, accessor) in accessors {
            let outcome = std::panic::catch_unwind(|| Owner::new().with(accessor));
            assert!(outcome.is_err(), "{name} outside its view did not fail");
        }
    }
}
