//! Leptos components, one file each, named for what the payer sees. Every config string
//! reaches the DOM as text (inside `<bdi>` or `dir="auto"` so bidi controls cannot reorder
//! the page). There is no HTML sink: `page_message.rs` builds the sanitised message node by node.
mod bank_form;
mod brand_mark;
mod card_form;
mod challenge;
mod confirm;
mod countdown;
mod customer_email;
mod expiry;
mod field;
mod header;
mod line_items;
mod method_choice;
mod order_summary;
mod page_message;
mod pay_state;
mod payment_methods;
mod problem;
mod save_consent;
mod saved_methods;
mod session_view;
mod status_views;
mod total;
mod total_change;
mod wallet;

pub use challenge::{ChallengeCall, ChallengeReply, ChallengeServer};
pub use problem::{Problem, ProblemKind};
pub use pay_state::{Choice, ConfirmRequest, Confirmer, EmbedderConfirms, PayState, Phase};
pub use session_view::SessionView;
pub use wallet::WalletActions;
pub use total_change::TotalSeen;

use std::sync::atomic::{AtomicU32, Ordering};

/// What every component of one mounted view shares.
#[derive(Clone, Debug)]
pub struct ViewCtx {
    pub locale: String,
    /// Unique per mounted instance, so element ids never clash when several views share a page.
    pub id_prefix: String,
}

impl ViewCtx {
    pub fn new(locale: String) -> Self {
        static NEXT: AtomicU32 = AtomicU32::new(1);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        ViewCtx { locale, id_prefix: format!("sv{n}") }
    }

    pub fn id(&self, name: &str) -> String {
        format!("{}-{name}", self.id_prefix)
    }

    /// Formats an amount, or says plainly that it is unavailable.
    pub fn money(&self, minor: Option<i64>, currency: Option<&str>) -> String {
        match minor {
            Some(m) => crate::browser::format_money(m, currency, &self.locale),
            None => "amount unavailable".to_owned(),
        }
    }
}

pub(crate) fn ctx() -> ViewCtx {
    leptos::prelude::use_context::<ViewCtx>().unwrap_or_else(|| ViewCtx::new(crate::browser::locale()))
}
