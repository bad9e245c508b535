//! The config is a store (`Store<Config>`, see `crate::model::Config`): each part reads the
//! fields it shows (`config.amount()`, `config.branding().logo_url()`), and a new config
//! (`patch`) notifies only the fields that changed. These are the readings several parts
//! share, each made from just the fields it needs.
use crate::model::{self, BrandingStoreFields, Config, ConfigStoreFields, MethodType};
use leptos::prelude::*;
use reactive_stores::Store;

/// The merchant's name (the branding's, else the top-level one).
pub fn merchant_name(config: Store<Config>) -> Option<String> {
    config
        .branding()
        .merchant_display_name()
        .with(|b| config.merchant_display_name().with(|t| model::merchant_name(b, t).map(str::to_owned)))
}

/// The amount and its currency.
pub fn total(config: Store<Config>) -> (Option<i64>, Option<String>) {
    (config.amount().get(), config.currency().get())
}

/// Whether the session lets the payer use `kind`.
pub fn allows(config: Store<Config>, kind: &MethodType) -> bool {
    config.allowed_methods().with(|allowed| kind.allowed_by(allowed))
}
