// The lint policy is the `[lints]` table in Cargo.toml; tests may unwrap and index.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, clippy::string_slice))]
//! The payer-facing view of a hosted checkout session, in layers that point down
//! (docs/architecture.md; `tools/layers.mjs` checks them):
//!
//! - the pure core, a crate of its own (`crates/core`, re-exported here under the same
//!   names): the model, the rules, the catalogue, the sanitiser output's reader;
//! - platform: [`browser`] (timers, listeners, `Intl`, `<meta>`, Trusted Types), [`api`]
//!   (every request), [`chunk`] (the wasm split points), [`catalogues`] (each language's
//!   chunk), [`paint`] (the first paint drawn without Leptos, the view's markup);
//! - [`view`]: the Leptos components, given a backend (live or demo);
//! - [`live`]: the session controller that feeds a view;
//! - pages: [`app`] (hosted page, demo gallery), [`embed`] (`mount()`, the custom element,
//!   the frame), [`crash`].
pub use session_view_core::{
    bank, captcha_frame, card, challenge, contrast, countdown, country, digits, embedding, gate, i18n, model, money, payment, problem,
    retry, sanitize, theme, time, validate,
};

pub mod api;
pub mod app;
pub mod browser;
pub mod catalogues;
pub mod chunk;
pub mod crash;
pub mod demo;
pub mod embed;
pub mod live;
pub mod paint;
pub mod view;
