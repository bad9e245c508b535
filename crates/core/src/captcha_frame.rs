//! The protocol between the view and its captcha frame (`captcha.html`, plain JavaScript in
//! `src/pages/captcha.js`): a captcha provider's script runs there, in a document that holds no
//! card field and no credential, and its only output is the solved token over a
//! `MessageChannel`. The page's constants are written from here into
//! `src/pages/captcha-contract.js` (the test below keeps it current).
use crate::challenge::Provider;
/// Longest token the view accepts from a provider.
pub const MAX_TOKEN: usize = 8192;
/// What the view sends on the port after a failed confirm: tokens are single use.
pub const RESET: &str = "\"reset\"";
/// Where a deployment names the origin its captcha page is served from (empty: this one's).
pub const ORIGIN_META: &str = "session-view-captcha-origin";
/// The captcha page, beside the view's pages.
pub const PAGE: &str = "captcha.html";

/// The one message the frame takes from its parent window, with the port. (Written and read
/// without `serde_json::Value`, whose code the view's chunks would otherwise carry.)
pub fn init_text(provider: Provider, site_key: &str, dark: bool) -> String {
    let key = serde_json::to_string(site_key).unwrap_or_else(|_| "\"\"".into());
    let theme = if dark { "dark" } else { "light" };
    format!(r#"{{"captcha":{{"provider":"{}","sitekey":{key},"theme":"{theme}"}}}}"#, provider.global())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The provider's script did not load (blocked, offline, CSP).
    Load,
    /// The widget could not render, or reported an error.
    Widget,
}

/// What the captcha frame tells the view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FromCaptcha {
    /// The widget is on screen, waiting for the payer.
    Shown,
    Solved(String),
    /// The token expired or the puzzle timed out: the widget asks again.
    Expired,
    Failed(Failure),
    /// The page's content height in CSS pixels, for the frame's own.
    Height(u32),
}

/// A message from the captcha frame, read strictly (exactly as `captcha.js` writes them);
/// `None` for anything else.
pub fn read(text: &str) -> Option<FromCaptcha> {
    match text {
        r#""shown""# => return Some(FromCaptcha::Shown),
        r#""expired""# => return Some(FromCaptcha::Expired),
        r#"{"failed":"load"}"# => return Some(FromCaptcha::Failed(Failure::Load)),
        r#"{"failed":"widget"}"# => return Some(FromCaptcha::Failed(Failure::Widget)),
        _ => {}
    }
    if let Some(token) = text.strip_prefix(r#"{"solved":"#).and_then(|t| t.strip_suffix('}')) {
        let token: String = serde_json::from_str(token).ok()?;
        return (!token.is_empty() && token.len() <= MAX_TOKEN).then_some(FromCaptcha::Solved(token));
    }
    let height = text.strip_prefix(r#"{"height":"#)?.strip_suffix('}')?;
    let ok = !height.is_empty() && height.len() <= 4 && height.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| height.parse().ok()).flatten().filter(|h| *h <= 4000).map(FromCaptcha::Height)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    /// The constants the captcha page runs on: each provider's official script and callback names.
    fn contract() -> Value {
        let per = |f: fn(Provider) -> Value| Value::Object(Provider::ALL.iter().map(|p| (p.global().to_owned(), f(*p))).collect());
        json!({
            "scripts": per(|p| json!(p.script_url())),
            "callbacks": per(|p| json!(p.callback_names())),
            "maxToken": MAX_TOKEN,
        })
    }

    #[test]
    fn the_frame_is_read_strictly() {
        assert_eq!(read(r#""shown""#), Some(FromCaptcha::Shown));
        assert_eq!(read(r#""expired""#), Some(FromCaptcha::Expired));
        assert_eq!(read(r#"{"solved":"tok-1"}"#), Some(FromCaptcha::Solved("tok-1".into())));
        assert_eq!(read(r#"{"failed":"load"}"#), Some(FromCaptcha::Failed(Failure::Load)));
        assert_eq!(read(r#"{"failed":"widget"}"#), Some(FromCaptcha::Failed(Failure::Widget)));
        assert_eq!(read(r#"{"height":78}"#), Some(FromCaptcha::Height(78)));
        let long = format!(r#"{{"solved":"{}"}}"#, "a".repeat(MAX_TOKEN + 1));
        for bad in [
            "",
            "shown",
            r#""solved""#,
            r#"{"solved":""}"#,
            r#"{"solved":7}"#,
            &long,
            r#"{"solved":"a","height":1}"#,
            r#"{"failed":"x"}"#,
            r#"{"height":-1}"#,
            r#"{"height":1.5}"#,
            r#"{"height":99999}"#,
            "[]",
            "null",
        ] {
            assert_eq!(read(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_init_names_the_provider_key_and_theme_only() {
        let v: Value = serde_json::from_str(&init_text(Provider::Turnstile, "1x00000000000000000000AA", true)).expect("json");
        assert_eq!(v, json!({ "captcha": { "provider": "turnstile", "sitekey": "1x00000000000000000000AA", "theme": "dark" } }));
    }

    /// `src/pages/captcha.js` reads its providers' scripts and callbacks from
    /// `captcha-contract.js`, written here (`UPDATE_CONTRACT=1 cargo test -p
    /// session-view-core contract` rewrites it); this fails while it is out of date.
    #[test]
    fn the_captcha_page_follows_this_contract() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src/pages/captcha-contract.js");
        let text = format!(
            "// Written by the core's test `captcha_frame::the_captcha_page_follows_this_contract`; do not edit.\nself.sessionViewCaptcha = {};\n",
            serde_json::to_string_pretty(&contract()).expect("json")
        );
        if std::env::var_os("UPDATE_CONTRACT").is_some() {
            std::fs::write(&path, &text).expect("write the contract");
        }
        assert_eq!(
            std::fs::read_to_string(&path).unwrap_or_default(),
            text,
            "run UPDATE_CONTRACT=1 cargo test -p session-view-core contract"
        );
    }
}
