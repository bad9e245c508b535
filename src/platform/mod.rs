//! What the view stands on in the browser, without Leptos: [`browser`] (timers, listeners,
//! `Intl`, `<meta>`, Trusted Types, the merchant's look), [`api`] (every request),
//! [`chunk`] (the wasm split points) and [`catalogues`] (each language's chunk).
pub mod api;
pub mod browser;
pub mod catalogues;
pub mod chunk;
