// The lint policy is the `[lints]` table in Cargo.toml; tests may unwrap and index.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, clippy::string_slice))]
//! The payer-facing view of a hosted checkout session, in layers that point down, one
//! folder or file each (docs/architecture.md; `tools/layers.mjs` checks them):
//!
//! - the pure core, a crate of its own (`crates/core`, re-exported here under the same
//!   names), and [`demo`], the gallery's sessions;
//! - [`platform`]: the browser, every request, the wasm split points, each language's chunk;
//!   [`first_paint`]: the view's first markup, drawn without Leptos;
//! - [`view`]: the Leptos components, given a backend (live or demo);
//! - [`session`]: the controller that keeps a session current and feeds a view;
//! - [`pages`]: what starts a view: the hosted page, the gallery, the embedded view's frame,
//!   the crash message.
pub use session_view_core::{
    bank, captcha_frame, card, challenge, contrast, countdown, country, digits, embedding, gate, i18n, model, money, payment, problem,
    retry, sanitize, theme, time, validate,
};

pub mod demo;
pub mod first_paint;
pub mod pages;
pub mod platform;
pub mod session;
pub mod view;
