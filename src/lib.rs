//! The payer-facing view of a hosted checkout session.
//!
//! Pure logic (host-tested): [`model`], [`validate`], [`money`], [`time`], [`contrast`],
//! [`sanitize`]. Browser glue: [`browser`]. Leptos components: [`view`]. Entry points:
//! [`app`] (hosted page and demo gallery).
pub mod contrast;
pub mod model;
pub mod money;
pub mod sanitize;
pub mod time;
pub mod validate;
pub mod app;
pub mod browser;
pub mod demo;
pub mod view;
