//! The view's lazily loaded parts: each function below is a split point (`crate::chunk`), its
//! code a wasm chunk that a payer downloads only in the state that shows it. The main module
//! keeps the first paint of every state: branding, the amount and line items, the status
//! views (completed, expired, unavailable), the problems, the page_message's place and
//! words (as a chunk it appeared late and moved the form below it; its formatting waits for
//! the sanitiser module anyway), and the payment section's heading with a one-time code's
//! words (the SMS state's largest text: in the chunk, it was its LCP). Chosen by measurement
//! (`npm run bench`, Lighthouse included, prints what is left in the main module);
//! `lazy_part` shows a part, or its calm failure.
use super::payment_methods::PayForm;
use super::wallet::Wallet;
use crate::chunk::{split, ChunkFailed};
use crate::model::Config;
use leptos::prelude::*;
use reactive_stores::Store;

split!(
    pay,
    /// The method choice and forms, a code's entry or a captcha, consent and Pay.
    pub fn pay_form(config: Store<Config>) -> Result<AnyView, ChunkFailed> {
        Ok(view! { <PayForm config/> }.into_any())
    }
);

split!(
    wallet,
    /// The wallet (saved methods without a payment).
    pub fn wallet(config: Store<Config>) -> Result<AnyView, ChunkFailed> {
        Ok(view! { <Wallet config/> }.into_any())
    }
);
