//! The view's lazily loaded parts: each function below is a split point (`crate::chunk`), its
//! code a wasm chunk that a payer downloads only in the state that shows it. The main module
//! keeps the first paint of every state: branding, the amount and line items, the status
//! views' text, the problems. Chosen by measurement (`npm run bench` prints what is left in
//! the main module); `lazy_part` shows each, or its calm failure.
use super::page_message::PageMessage;
use super::payment_methods::PaymentMethods;
use super::status_views::{Completed, Expired};
use super::wallet::Wallet;
use crate::chunk::{split, ChunkFailed};
use crate::model::Config;
use leptos::prelude::*;

split!(
    pay,
    preload = preload_pay,
    /// The method choice and forms, the challenge, consent and Pay.
    pub fn payment_methods(config: Signal<Config>) -> Result<AnyView, ChunkFailed> {
        Ok(view! { <PaymentMethods config/> }.into_any())
    }
);

split!(
    wallet,
    preload = preload_wallet,
    /// The wallet (saved methods without a payment).
    pub fn wallet(config: Signal<Config>) -> Result<AnyView, ChunkFailed> {
        Ok(view! { <Wallet config/> }.into_any())
    }
);

split!(
    message,
    preload = preload_message,
    /// The merchant's formatted message (which loads the sanitiser module in turn).
    pub fn page_message(config: Signal<Config>) -> Result<AnyView, ChunkFailed> {
        Ok(view! { <PageMessage config/> }.into_any())
    }
);

split!(
    ended,
    preload = preload_completed,
    /// Paid: the receipt.
    pub fn completed(config: Signal<Config>) -> Result<AnyView, ChunkFailed> {
        Ok(view! { <Completed config/> }.into_any())
    }
);

split!(
    ended,
    preload = preload_expired,
    /// Expired.
    pub fn expired(config: Signal<Config>) -> Result<AnyView, ChunkFailed> {
        Ok(view! { <Expired config/> }.into_any())
    }
);
