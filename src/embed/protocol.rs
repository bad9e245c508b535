//! The narrow, typed protocol between a merchant's page and the view's frame (issue #18).
//!
//! The merchant's page (`host.rs`) posts one [`Init`] to the frame's window, with the exact
//! target origin of the view's deployment and one `MessagePort` transferred with it; every
//! later message goes over that port: [`ToFrame`] in, [`FromFrame`] out. Messages are JSON
//! text of these types, so each side reads exactly these fields and nothing else.
//!
//! What may cross: options the merchant gave `mount()` (the session credential goes in, once,
//! in [`Init`], never in a URL), configs from `update()`, and back out only what the merchant
//! may know: the height, and the documented events with their `detail`. Never a card number,
//! security code, account number, one-time code or the credential.
use serde::{Deserialize, Serialize};

/// The `type` of the one window message that carries [`Init`] and the port.
pub const INIT_TYPE: &str = "hosted-session-view:init";

/// Everything the frame needs to show the session: the `mount()` options, checked by the
/// merchant-side `mount()` and checked again by the frame (it trusts no sender).
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Init {
    pub session_id: Option<String>,
    /// The session credential: sent only as `Authorization: Bearer` by the frame.
    pub credential: Option<String>,
    /// The API base the merchant named, if any; the frame only accepts its own deployment's.
    pub api_base: Option<String>,
    /// A config as JSON text (the `config` option, or the last `update()` before the frame was ready).
    pub config: Option<String>,
    pub locale: Option<String>,
    pub poll_ms: u32,
    pub timeout_ms: i32,
    pub handle_confirm: bool,
    /// Checked `--sv-*` theme variables and their values.
    pub appearance: Vec<(String, String)>,
}

impl std::fmt::Debug for Init {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Init").field("session_id", &self.session_id).field("api_base", &self.api_base).finish_non_exhaustive()
    }
}

/// From the merchant's page to the frame, over the port. (Externally tagged, `{"update":…}`
/// or `"refresh"`: serde reads that form without buffering, which keeps the module small.)
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ToFrame {
    /// `handle.update(config)`: a config as JSON text.
    Update { config: String },
    /// `handle.refresh()`.
    Refresh,
}

/// The events the view tells the merchant's page, and nothing else.
pub const EVENTS: &[&str] = &["ready", "change", "completed", "expired", "error", "confirm"];

/// The method the payer confirmed with: its type and, for a saved one, its id; never card data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MethodDetail {
    #[serde(rename = "type")]
    pub method_type: String,
    pub saved_method_id: Option<String>,
    /// With `handleConfirm` only: the solved challenge's single-use token (never a code).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub challenge_response: Option<String>,
}

/// An event's `detail`: `{ sessionId, status, amount, currency }`, plus `code` on `error` and
/// `method` on `confirm`. Amounts are strings (exact beyond 2^53).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Detail {
    pub session_id: Option<String>,
    pub status: Option<String>,
    pub amount: Option<String>,
    pub currency: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub method: Option<MethodDetail>,
}

/// From the frame to the merchant's page, over the port (externally tagged, as [`ToFrame`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FromFrame {
    /// The view's height in whole CSS pixels, whenever it changes (an integer: no float
    /// formatting or parsing code in the module for it).
    Height { height: u32 },
    /// One of [`EVENTS`].
    Event { name: String, detail: Detail },
}

impl FromFrame {
    /// Reads a message, refusing anything that is not exactly one of ours: an unknown event
    /// name, a height that is not a sane number.
    pub fn read(text: &str) -> Option<FromFrame> {
        match serde_json::from_str::<FromFrame>(text).ok()? {
            FromFrame::Height { height } if height <= 1_000_000 => Some(FromFrame::Height { height }),
            FromFrame::Event { name, detail } if EVENTS.contains(&name.as_str()) => Some(FromFrame::Event { name, detail }),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn init_never_prints_its_credential() {
        let init = Init { session_id: Some("cs_a".into()), credential: Some("SECRET".into()), ..Init::default() };
        assert!(!format!("{init:?}").contains("SECRET"));
        let text = serde_json::to_string(&init).expect("serialises");
        assert_eq!(serde_json::from_str::<Init>(&text).expect("reads back"), init);
    }

    #[test]
    fn frame_messages_are_exactly_ours() {
        assert_eq!(FromFrame::read(r#"{"height":{"height":412}}"#), Some(FromFrame::Height { height: 412 }));
        assert_eq!(FromFrame::read(r#"{"height":{"height":-1}}"#), None);
        assert_eq!(FromFrame::read(r#"{"height":{"height":412.5}}"#), None);
        assert_eq!(FromFrame::read(r#"{"height":{"height":2000000}}"#), None);
        assert_eq!(FromFrame::read(r#"{"event":{"name":"click","detail":{}}}"#), None);
        assert_eq!(FromFrame::read(r#"{"eval":{"code":"x"}}"#), None);
        assert_eq!(FromFrame::read("not json"), None);
        let ready = FromFrame::read(
            r#"{"event":{"name":"ready","detail":{"sessionId":"cs_a","status":"active","amount":"100","currency":"USD","cardNumber":"4242"}}}"#,
        );
        let Some(FromFrame::Event { name, detail }) = ready else { panic!("a ready event") };
        assert_eq!(name, "ready");
        let back = serde_json::to_string(&detail).expect("serialises");
        assert_eq!(back, r#"{"sessionId":"cs_a","status":"active","amount":"100","currency":"USD"}"#, "unknown fields are dropped");
    }

    #[test]
    fn to_frame_round_trips() {
        for m in [ToFrame::Update { config: "{}".into() }, ToFrame::Refresh] {
            let text = serde_json::to_string(&m).expect("serialises");
            assert_eq!(serde_json::from_str::<ToFrame>(&text).expect("reads back"), m);
        }
        assert_eq!(serde_json::to_string(&ToFrame::Refresh).expect("serialises"), r#""refresh""#);
    }
}
