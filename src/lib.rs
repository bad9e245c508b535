// The lint policy is the `[lints]` table in Cargo.toml; tests may unwrap and index.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, clippy::string_slice))]
//! The payer-facing view of a hosted checkout session.
//!
//! Pure logic (host-tested): [`model`], [`validate`], [`money`], [`time`], [`contrast`],
//! [`sanitize`]. Browser glue: [`browser`]. Leptos components: [`view`]. Entry points:
//! [`app`] (hosted page and demo gallery).
pub mod api;
pub mod app;
pub mod bank;
pub mod browser;
pub mod card;
pub mod challenge;
pub mod chunk;
pub mod contrast;
pub mod countdown;
pub mod country;
pub mod crash;
pub mod demo;
pub mod embed;
pub mod gate;
pub mod i18n;
pub mod live;
pub mod model;
pub mod money;
pub mod payment;
pub mod retry;
pub mod sanitize;
pub mod time;
pub mod validate;
pub mod view;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod proptests;
