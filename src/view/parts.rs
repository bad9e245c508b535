//! The view's lazily loaded parts within the view's own chunk: the wallet, a chunk of its own
//! (`crate::platform::chunk`) that only a wallet session downloads. The whole view is a chunk too
//! (`app::hosted`): the main module draws the first paint without Leptos (`crate::first_paint`),
//! and the pay form comes with the view, in one download (as a chunk of its own, it cost the
//! payer one more round trip and, measured, more bytes: every split point multiplies the
//! chunks they share). `lazy_part` shows a part, or its calm failure.
use super::wallet::Wallet;
use crate::model::Config;
use crate::platform::chunk::{split, ChunkFailed};
use leptos::prelude::*;
use reactive_stores::Store;

split!(
    wallet,
    /// The wallet (saved methods without a payment).
    pub fn wallet(config: Store<Config>) -> Result<AnyView, ChunkFailed> {
        Ok(view! { <Wallet config/> }.into_any())
    }
);

split!(
    wallet,
    /// Nothing but the wallet's chunk: the hosted page asks for it beside the view's when the
    /// config says the session is a wallet, so the two download together, not one after the
    /// other (`app::hosted`). The wallet part then finds its code here.
    pub fn wallet_code() -> Result<(), ChunkFailed> {
        Ok(())
    }
);
