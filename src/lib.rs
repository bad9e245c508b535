//! The payer-facing view of a hosted checkout session.
//!
//! Pure logic (host-tested): [`model`], [`validate`], [`money`], [`time`], [`contrast`],
//! [`sanitize`]. Browser glue: [`browser`]. Leptos components: [`view`]. Entry points:
//! [`app`] (hosted page and demo gallery).
pub mod api;
pub mod bank;
pub mod challenge;
pub mod card;
pub mod contrast;
pub mod live;
pub mod countdown;
pub mod model;
pub mod payment;
pub mod money;
pub mod retry;
pub mod sanitize;
pub mod time;
pub mod validate;
pub mod app;
pub mod browser;
pub mod demo;
pub mod embed;
pub mod gate;
pub mod view;
