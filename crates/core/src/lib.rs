// The lint policy is the workspace's `[lints]` table; tests may unwrap and index.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, clippy::string_slice))]
//! The pure core of the session view: what a config says and what the rules make of it, with
//! no browser and no Leptos (its `Cargo.toml` has neither), so every rule is host-tested.
//!
//! - The config and its edge: [`model`] (parsing with warnings that never echo values),
//!   [`validate`] (tokens, URLs, colours, server messages), [`money`], [`time`],
//!   [`contrast`], [`theme`] (a merchant's colours held to AA per scheme).
//! - The payment rules: [`card`], [`bank`], [`country`] (postal codes, regions),
//!   [`payment`] (problems per field, the typed method body), [`gate`] (what stops Pay).
//! - The session's rules: [`retry`] (which failures retry, backoff), [`problem`] (what the
//!   payer is told when there is no session to show), [`countdown`],
//!   [`challenge`] (providers, code answers), [`captcha_frame`] (the captcha page's protocol).
//! - Every sentence in seven languages: [`i18n`].
//! - Embedding's pure half: the protocol between a merchant's page and the view's frame,
//!   and the rules for the `mount()` options: [`embedding`].
//! - The strict reader of the sanitiser's output: [`sanitize`].
pub mod bank;
pub mod captcha_frame;
pub mod card;
pub mod challenge;
pub mod contrast;
pub mod countdown;
pub mod country;
pub mod digits;
pub mod embedding;
pub mod gate;
pub mod i18n;
pub mod model;
pub mod money;
pub mod payment;
pub mod problem;
pub mod retry;
pub mod sanitize;
pub mod theme;
pub mod time;
pub mod validate;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod proptests;
