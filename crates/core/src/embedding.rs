//! Embedding, its pure half: the narrow, typed protocol between a merchant's page and the
//! view's frame (issue #18), and the rules for the `mount()` options both sides check.
//!
//! Two modules speak it: the merchant's module (`crates/embed`, `session-view.js`: `mount()`
//! and `<hosted-session-view>`, no Leptos) and the view's frame (`src/pages/frame/mod.rs`).
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

/// Default refresh interval while the session is active and visible (`pollInterval`).
pub const DEFAULT_POLL_MS: u32 = 20_000;
/// How long one API request may take by default (`timeoutMs`).
pub const TIMEOUT_MS: i32 = 15_000;

/// A request timeout an embedder may set (`timeoutMs`), in whole ms: 100 ms to 2 minutes.
pub fn accepted_timeout_ms(ms: f64) -> Option<i32> {
    (ms.is_finite() && (100.0..=120_000.0).contains(&ms)).then_some(ms as i32)
}

/// How long a handed-off confirm may wait for `settle()` (`settleTimeoutMs`), in whole ms:
/// 1 second to 10 minutes.
pub fn accepted_settle_timeout_ms(ms: f64) -> Option<u32> {
    (ms.is_finite() && (1_000.0..=600_000.0).contains(&ms)).then_some(ms as u32)
}

/// Theme variables a merchant may set through `appearance` (without or with `--sv-`).
pub const THEME_VARIABLES: &[&str] =
    &["font", "bg", "surface", "text", "muted", "border", "radius", "focus", "warn-bg", "warn-text", "ok-bg", "ok-text"];

/// What a theme variable holds: a value is accepted only if it parses as its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeKind {
    /// A font-family list: quoted names or plain words, comma-separated.
    FontFamily,
    /// A length of 0 to 100 px, em or rem (or 0).
    Length,
    /// A colour: hex, `rgb()`/`hsl()`/`hwb()`/`lab()`/`lch()`/`oklab()`/`oklch()` with numbers
    /// only, or a named colour. No function that takes a URL, an image or another variable.
    Colour,
}

/// The kind of `--sv-<name>`.
pub fn theme_kind(name: &str) -> Option<ThemeKind> {
    match name.strip_prefix("--sv-")? {
        "font" => Some(ThemeKind::FontFamily),
        "radius" => Some(ThemeKind::Length),
        n if THEME_VARIABLES.contains(&n) => Some(ThemeKind::Colour),
        _ => None,
    }
}

/// A theme variable and value, each checked: a known `--sv-*` name and a value of its kind.
pub fn theme_variable(name: &str, value: &str) -> bool {
    checked(name, value, |word| NAMED_COLOURS.contains(&word))
}

/// The merchant side's check (`themeVariable` in packages/session-view): the same, but a colour
/// that is one plain word (3 to 20 letters) passes by its shape, and the frame looks it up in
/// [`NAMED_COLOURS`] ([`theme_variable`], with a console warning when it is not there), so the
/// merchant's module carries no list of names. A plain word is a keyword to CSS, never a URL
/// or a function.
pub fn theme_variable_shape(name: &str, value: &str) -> bool {
    checked(name, value, |word| (3..=20).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_lowercase()))
}

fn checked(name: &str, value: &str, named: impl Fn(&str) -> bool) -> bool {
    value.len() <= 100
        && match theme_kind(name) {
            Some(ThemeKind::FontFamily) => font_family(value),
            Some(ThemeKind::Length) => length(value),
            Some(ThemeKind::Colour) => colour(value, named),
            None => false,
        }
}

/// CSS named colours (CSS Color 4), `transparent` and `currentcolor`.
pub const NAMED_COLOURS: &[&str] = &[
    "aliceblue",
    "antiquewhite",
    "aqua",
    "aquamarine",
    "azure",
    "beige",
    "bisque",
    "black",
    "blanchedalmond",
    "blue",
    "blueviolet",
    "brown",
    "burlywood",
    "cadetblue",
    "chartreuse",
    "chocolate",
    "coral",
    "cornflowerblue",
    "cornsilk",
    "crimson",
    "cyan",
    "darkblue",
    "darkcyan",
    "darkgoldenrod",
    "darkgray",
    "darkgreen",
    "darkgrey",
    "darkkhaki",
    "darkmagenta",
    "darkolivegreen",
    "darkorange",
    "darkorchid",
    "darkred",
    "darksalmon",
    "darkseagreen",
    "darkslateblue",
    "darkslategray",
    "darkslategrey",
    "darkturquoise",
    "darkviolet",
    "deeppink",
    "deepskyblue",
    "dimgray",
    "dimgrey",
    "dodgerblue",
    "firebrick",
    "floralwhite",
    "forestgreen",
    "fuchsia",
    "gainsboro",
    "ghostwhite",
    "gold",
    "goldenrod",
    "gray",
    "green",
    "greenyellow",
    "grey",
    "honeydew",
    "hotpink",
    "indianred",
    "indigo",
    "ivory",
    "khaki",
    "lavender",
    "lavenderblush",
    "lawngreen",
    "lemonchiffon",
    "lightblue",
    "lightcoral",
    "lightcyan",
    "lightgoldenrodyellow",
    "lightgray",
    "lightgreen",
    "lightgrey",
    "lightpink",
    "lightsalmon",
    "lightseagreen",
    "lightskyblue",
    "lightslategray",
    "lightslategrey",
    "lightsteelblue",
    "lightyellow",
    "lime",
    "limegreen",
    "linen",
    "magenta",
    "maroon",
    "mediumaquamarine",
    "mediumblue",
    "mediumorchid",
    "mediumpurple",
    "mediumseagreen",
    "mediumslateblue",
    "mediumspringgreen",
    "mediumturquoise",
    "mediumvioletred",
    "midnightblue",
    "mintcream",
    "mistyrose",
    "moccasin",
    "navajowhite",
    "navy",
    "oldlace",
    "olive",
    "olivedrab",
    "orange",
    "orangered",
    "orchid",
    "palegoldenrod",
    "palegreen",
    "paleturquoise",
    "palevioletred",
    "papayawhip",
    "peachpuff",
    "peru",
    "pink",
    "plum",
    "powderblue",
    "purple",
    "rebeccapurple",
    "red",
    "rosybrown",
    "royalblue",
    "saddlebrown",
    "salmon",
    "sandybrown",
    "seagreen",
    "seashell",
    "sienna",
    "silver",
    "skyblue",
    "slateblue",
    "slategray",
    "slategrey",
    "snow",
    "springgreen",
    "steelblue",
    "tan",
    "teal",
    "thistle",
    "tomato",
    "turquoise",
    "violet",
    "wheat",
    "white",
    "whitesmoke",
    "yellow",
    "yellowgreen",
    "transparent",
    "currentcolor",
];

fn colour(v: &str, named: impl Fn(&str) -> bool) -> bool {
    let lower = v.trim().to_ascii_lowercase();
    if let Some(hex) = lower.strip_prefix('#') {
        return matches!(hex.len(), 3 | 4 | 6 | 8) && hex.bytes().all(|b| b.is_ascii_hexdigit());
    }
    if named(&lower) {
        return true;
    }
    let Some((function, rest)) = lower.split_once('(') else { return false };
    let Some(args) = rest.strip_suffix(')') else { return false };
    let known = ["rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch"].contains(&function);
    // Numbers, units and separators only: no nested function, no quote, no escape.
    let number = |t: &str| {
        let n = t.strip_suffix("deg").or_else(|| t.strip_suffix('%')).unwrap_or(t);
        n.bytes().any(|b| b.is_ascii_digit()) && n.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-' || b == b'+')
    };
    let plain = args.split([' ', ',', '/']).filter(|t| !t.is_empty()).all(|t| t == "none" || number(t));
    known && plain && !args.trim().is_empty()
}

fn length(v: &str) -> bool {
    let v = v.trim();
    if v == "0" {
        return true;
    }
    let number = v.strip_suffix("rem").or_else(|| v.strip_suffix("px")).or_else(|| v.strip_suffix("em"));
    // Read without floats (a float parser is kilobytes in the frame's chunk): at most 100.
    number.is_some_and(|n| {
        let (whole, fraction) = n.split_once('.').unwrap_or((n, ""));
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        !whole.is_empty()
            && whole.len() <= 3
            && digits(whole)
            && digits(fraction)
            && (!n.contains('.') || !fraction.is_empty())
            && whole.parse::<u32>().is_ok_and(|w| w < 100 || (w == 100 && fraction.bytes().all(|b| b == b'0')))
    })
}

fn font_family(v: &str) -> bool {
    !v.trim().is_empty()
        && v.split(',').all(|name| {
            let name = name.trim();
            let quoted = |q: char| name.len() >= 2 && name.starts_with(q) && name.ends_with(q);
            let inner = if quoted('"') || quoted('\'') { name.get(1..name.len() - 1) } else { Some(name) };
            inner.is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_alphanumeric() || b == b' ' || b == b'-' || b == b'_'))
        })
}

/// The `type` of the one window message that carries [`Init`] and the port.
pub const INIT_TYPE: &str = "hosted-session-view:init";

/// Everything the frame needs to show the session: the `mount()` options, checked by the
/// merchant-side `mount()` and checked again by the frame (it trusts no sender).
#[derive(Clone, PartialEq, Serialize, Deserialize)]
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
    /// Checked `--sv-*` theme variables and their values: the light scheme's, and the dark
    /// one's too unless [`Init::appearance_dark`] is given.
    pub appearance: Vec<(String, String)>,
    /// The dark scheme's variables, when the merchant gave `appearance: { light, dark }`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appearance_dark: Option<Vec<(String, String)>>,
    /// `false` when the merchant presses Pay with its own button (`showPayButton: false`,
    /// then `handle.submit()`): the view's own button is not shown.
    #[serde(default = "shown")]
    pub show_pay_button: bool,
    /// With `handle_confirm`: how long the view waits for `settle()` (checked again here).
    #[serde(default = "default_settle_wait")]
    pub settle_timeout_ms: u32,
    /// The protocol the merchant's module speaks ([`PROTOCOL`]); absent before it was sent.
    #[serde(default = "first_protocol")]
    pub protocol: u32,
}

/// The version of this protocol (init, [`ToFrame`], [`FromFrame`]): a frame answers an init
/// of any other with the error `incompatible`. Raised when a message changes meaning.
pub const PROTOCOL: u32 = 1;
fn default_settle_wait() -> u32 {
    HANDED_CONFIRM_WAIT_MS
}
fn shown() -> bool {
    true
}
fn first_protocol() -> u32 {
    1 // what a module that sent no version spoke
}

impl Default for Init {
    fn default() -> Self {
        Init {
            session_id: None,
            credential: None,
            api_base: None,
            config: None,
            locale: None,
            poll_ms: 0,
            timeout_ms: 0,
            handle_confirm: false,
            appearance: Vec::new(),
            appearance_dark: None,
            show_pay_button: true,
            settle_timeout_ms: HANDED_CONFIRM_WAIT_MS,
            protocol: PROTOCOL,
        }
    }
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
    /// `handle.settle({ outcome, message })`: how the embedder's own confirm ended, when it
    /// did not pay (a paid one shows as a `completed` config). `message` is the embedder's
    /// words for the payer, shown as text.
    Settle { outcome: Outcome, message: Option<String> },
    /// `handle.submit()`: press Pay for the merchant's own button. The outcome comes back as
    /// the events a press makes (`completed`, `payment-failed`), or [`FromFrame::Blocked`].
    Submit,
    /// `handle.update({ appearance, locale })`: a new look or language, in place, keeping what
    /// the payer typed. Each field absent is left as it is.
    Options {
        #[serde(default)]
        appearance: Option<Vec<(String, String)>>,
        #[serde(default, rename = "appearanceDark")]
        appearance_dark: Option<Vec<(String, String)>>,
        #[serde(default)]
        locale: Option<String>,
    },
}

/// How an embedder's own confirm ended without paying.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// The payment was declined: the payer may try again or choose another method.
    Declined,
    /// It failed for another reason.
    Failed,
}

/// The outcomes `settle()` takes, by name.
pub const OUTCOMES: &[&str] = &["declined", "failed"];
/// Longest embedder message shown to the payer (longer is cut at a character boundary).
pub const SETTLE_MESSAGE_MAX: usize = 300;
/// How long a handed-off confirm waits, by default, for `settle()` or a `completed` config
/// before the payer gets the Pay button back with "we couldn't confirm".
pub const HANDED_CONFIRM_WAIT_MS: u32 = 120_000;

/// The embedder's message as the payer sees it: trimmed, at most [`SETTLE_MESSAGE_MAX`]
/// characters, `None` when empty.
pub fn settle_message(message: Option<&str>) -> Option<String> {
    let m = message?.trim();
    (!m.is_empty()).then(|| m.chars().take(SETTLE_MESSAGE_MAX).collect())
}

/// The events the view tells the merchant's page, and nothing else.
pub const EVENTS: &[&str] = &["ready", "change", "completed", "expired", "error", "confirm", "payment-failed", "validity"];
/// What the merchant's module puts before each name when it dispatches one on the host
/// element (`sv-ready`, `sv-error`…): no DOM event of a page shares a name with ours, so a
/// form's `onchange` or a window's error handler never hears the view's.
pub const DOM_EVENT_PREFIX: &str = "sv-";

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

/// An event's `detail`: `{ sessionId, status, amount, currency }`, plus `code` on `error`,
/// `method` on `confirm`, and `reason`, `retryable`, `message` on `payment-failed`. Amounts are
/// strings (exact beyond 2^53).
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
    /// `payment-failed` only: `declined`, `refused`, `unknown` (no answer, or a service problem:
    /// nothing is charged twice) or `check-failed` (the session could not be read again).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub reason: Option<String>,
    /// `payment-failed` only: whether the payer can try again in the view (today: always).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub retryable: Option<bool>,
    /// `payment-failed` only: the server's words for the payer, if it sent any (never card data).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub message: Option<String>,
    /// `validity` only: whether pressing Pay would send the payment now (`method` says which
    /// kind was chosen, without an id).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub complete: Option<bool>,
}

/// From the frame to the merchant's page, over the port (externally tagged, as [`ToFrame`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FromFrame {
    /// The view's height in whole CSS pixels, whenever it changes (an integer: no float
    /// formatting or parsing code in the module for it).
    Height { height: u32 },
    /// One of [`EVENTS`]. (The detail boxed: the height message stays small.)
    Event { name: String, detail: Box<Detail> },
    /// `handle.submit()` could not pay yet: what is missing ([`crate::gate::Blocker::code`]);
    /// the view shows the payer what to fix, as its own Pay button does.
    Blocked { missing: String },
}

impl FromFrame {
    /// The `error` event with code `crashed`, as [`FromFrame::Event`] serialises it (a test
    /// checks they agree): the frame's panic hook, in the view's main module, posts this text
    /// and so links no JSON serialiser for it.
    pub const CRASHED: &'static str =
        r#"{"event":{"name":"error","detail":{"sessionId":null,"status":null,"amount":null,"currency":null,"code":"crashed"}}}"#;

    /// Reads a message, refusing anything that is not exactly one of ours: an unknown event
    /// name, a height that is not a sane number.
    pub fn read(text: &str) -> Option<FromFrame> {
        match serde_json::from_str::<FromFrame>(text).ok()? {
            FromFrame::Height { height } if height <= 1_000_000 => Some(FromFrame::Height { height }),
            FromFrame::Event { name, detail } if EVENTS.contains(&name.as_str()) => Some(FromFrame::Event { name, detail }),
            FromFrame::Blocked { missing } if crate::gate::BLOCKER_CODES.contains(&missing.as_str()) => {
                Some(FromFrame::Blocked { missing })
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The merchant side is plain JavaScript (`packages/session-view`): what it must agree on
    /// with this protocol is written from here into two files it reads, and this test fails
    /// while either is out of date (`UPDATE_CONTRACT=1 cargo test -p session-view-core
    /// contract` rewrites them): `src/contract.js`, the constants and the frame's words its
    /// runtime uses, and `test/cases.json`, messages and option verdicts its tests compare.
    #[test]
    fn the_merchant_package_follows_this_contract() {
        use crate::i18n::Lang;
        use serde_json::json;
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../packages/session-view");
        let languages: serde_json::Map<String, serde_json::Value> = Lang::ALL
            .iter()
            .map(|l| {
                let t = l.frame_texts();
                let words = json!({ "checkout": t.checkout, "unreachableTitle": t.unreachable_title, "unreachableBody": t.unreachable_body, "tryAgain": t.try_again, "dir": l.dir() });
                (l.tag().to_owned(), words)
            })
            .collect();
        let runtime = json!({
            "initType": INIT_TYPE, "protocol": PROTOCOL, "events": EVENTS, "eventPrefix": DOM_EVENT_PREFIX, "outcomes": OUTCOMES, "settleMessageMax": SETTLE_MESSAGE_MAX, "themeVariables": THEME_VARIABLES, "blockers": crate::gate::BLOCKER_CODES,
            "defaultPollMs": DEFAULT_POLL_MS, "timeoutMs": TIMEOUT_MS, "settleTimeoutMs": HANDED_CONFIRM_WAIT_MS, "languages": languages,
        });
        let contract = format!(
            "// Written by the core's test `embedding::the_merchant_package_follows_this_contract`; do not edit.\nexport default {};\n",
            serde_json::to_string_pretty(&runtime).expect("json")
        );
        let init = Init {
            session_id: Some("cs_a1".into()),
            credential: Some("cred_x".into()),
            api_base: Some("https://api.example".into()),
            config: Some(r#"{"amount":100}"#.into()),
            locale: Some("fr".into()),
            poll_ms: 5000,
            timeout_ms: 800,
            handle_confirm: true,
            appearance: vec![("--sv-radius".into(), "4px".into())],
            appearance_dark: Some(vec![("--sv-bg".into(), "#000".into())]),
            show_pay_button: false,
            settle_timeout_ms: 5000,
            protocol: PROTOCOL,
        };
        let bare = Init { session_id: Some("cs_b2".into()), poll_ms: DEFAULT_POLL_MS, timeout_ms: TIMEOUT_MS, ..Init::default() };
        let text = |m: &dyn erased::Text| m.text();
        let from_frame = [
            r#"{"height":{"height":412}}"#,
            r#"{"height":{"height":-1}}"#,
            r#"{"height":{"height":412.5}}"#,
            r#"{"height":{"height":2000000}}"#,
            r#"{"height":{"height":"412"}}"#,
            r#"{"event":{"name":"click","detail":{}}}"#,
            r#"{"eval":{"code":"x"}}"#,
            "not json",
            "[]",
            r#"{"event":{"name":"ready","detail":{"sessionId":"cs_a","status":"active","amount":"100","currency":"USD","cardNumber":"4242"}}}"#,
            r#"{"event":{"name":"error","detail":{"sessionId":null,"status":null,"amount":null,"currency":null,"code":"crashed"}}}"#,
            r#"{"event":{"name":"confirm","detail":{"status":"active","method":{"type":"saved","savedMethodId":"pm_1"}}}}"#,
            r#"{"event":{"name":"confirm","detail":{"method":{"type":"saved","challengeResponse":"tok"}}}}"#,
            r#"{"event":{"name":"payment-failed","detail":{"status":"active","reason":"declined","retryable":true,"message":"Insufficient funds"}}}"#,
            r#"{"event":{"name":"payment-failed","detail":{"reason":"unknown","retryable":"yes"}}}"#,
            r#"{"event":{"name":"ready","detail":{"sessionId":5}}}"#,
            r#"{"event":{"name":"ready"}}"#,
            r#"{"event":{"name":"validity","detail":{"status":"active","complete":true,"method":{"type":"card","savedMethodId":null}}}}"#,
            r#"{"event":{"name":"validity","detail":{"complete":"yes"}}}"#,
            r#"{"blocked":{"missing":"method-details"}}"#,
            r#"{"blocked":{"missing":"card-number"}}"#,
            r#"{"blocked":{}}"#,
        ];
        let read: Vec<serde_json::Value> = from_frame
            .iter()
            .map(|m| {
                let out = FromFrame::read(m).map(|f| serde_json::to_value(f).expect("json"));
                json!([m, out])
            })
            .collect();
        let themes: Vec<serde_json::Value> = [
            ("--sv-radius", "6px"),
            ("--sv-radius", "0.5rem"),
            ("--sv-radius", "100px"),
            ("--sv-radius", "100.5px"),
            ("--sv-radius", "1.px"),
            ("--sv-radius", ".5em"),
            ("--sv-font", "Inter, \"Segoe UI\", sans-serif"),
            ("--sv-bg", "#fff"),
            ("--sv-text", "rgba(20, 30, 40, .5)"),
            ("--sv-border", "oklch(70% 0.1 200 / 50%)"),
            ("--sv-surface", "WhiteSmoke"),
            ("--sv-surface", "notacolour"),
            ("--sv-surface", "ab"),
        ]
        .iter()
        .chain(HOSTILE_THEME)
        .map(|(n, v)| json!([n, v, theme_variable_shape(n, v)]))
        .collect();
        let timeouts: Vec<serde_json::Value> =
            [100.0, 120_000.0, 99.0, 120_001.0, 800.7, -1.0].iter().map(|ms| json!([ms, accepted_timeout_ms(*ms)])).collect();
        let settle_timeouts: Vec<serde_json::Value> = [1_000.0, 600_000.0, 999.0, 600_001.0, 2500.5, f64::NAN]
            .iter()
            .map(|ms| json!([ms, accepted_settle_timeout_ms(*ms)]))
            .collect();
        let ids: Vec<serde_json::Value> =
            ["cs_abc123", "", "cs_", "CS_abc", "cs_a-b", "cs_a b", "cs_ä", "xcs_a", &format!("cs_{}", "a".repeat(300))]
                .iter()
                .map(|s| json!([s, crate::validate::session_id(s).is_some()]))
                .collect();
        let bases: Vec<serde_json::Value> = [" https://api.example.com/ ", "HTTP://127.0.0.1:8787/v1"]
            .iter()
            .chain(crate::validate::tests::NOT_API_BASES)
            .map(|s| json!([s, crate::validate::api_base(s)]))
            .collect();
        let languages: Vec<serde_json::Value> = [
            (Some("fr-CA"), vec!["en-US"]),
            (None, vec!["zh-CN", "pt-PT"]),
            (Some("<script>"), vec!["ja"]),
            (None, vec![]),
            (Some("ar"), vec![]),
        ]
        .iter()
        .map(|(asked, browser)| {
            let browser: Vec<String> = browser.iter().map(|b| (*b).to_owned()).collect();
            json!([asked, browser, crate::i18n::wanted(*asked, &browser).tag()])
        })
        .collect();
        let cases = json!({
            "init": [text(&init), text(&bare)],
            "update": text(&ToFrame::Update { config: r#"{"amount":5}"#.into() }),
            "refresh": text(&ToFrame::Refresh),
            "settle": [text(&ToFrame::Settle { outcome: Outcome::Declined, message: Some("Card declined by the bank".into()) }), text(&ToFrame::Settle { outcome: Outcome::Failed, message: None })],
            "submit": text(&ToFrame::Submit),
            "options": [
                text(&ToFrame::Options { appearance: Some(vec![("--sv-bg".into(), "#fff".into())]), appearance_dark: None, locale: Some("de".into()) }),
                text(&ToFrame::Options { appearance: None, appearance_dark: Some(vec![]), locale: None }),
            ],
            "fromFrame": read,
            "theme": themes, "timeout": timeouts, "settleTimeout": settle_timeouts, "sessionId": ids, "apiBase": bases, "language": languages,
        });
        let cases = serde_json::to_string_pretty(&cases).expect("json") + "\n";
        // What the JavaScript side sends reads back as the same message here.
        assert_eq!(serde_json::from_str::<Init>(&text(&init)).expect("reads"), init);
        for (file, want) in [("src/contract.js", contract), ("test/cases.json", cases)] {
            let path = root.join(file);
            if std::env::var_os("UPDATE_CONTRACT").is_some() {
                std::fs::write(&path, &want).expect("writes");
            }
            let have = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                have == want,
                "packages/session-view/{file} is not what the core says: UPDATE_CONTRACT=1 cargo test -p session-view-core contract"
            );
        }
    }

    /// Serialises a protocol message as it crosses.
    mod erased {
        pub trait Text {
            fn text(&self) -> String;
        }
        impl<T: serde::Serialize> Text for T {
            fn text(&self) -> String {
                serde_json::to_string(self).expect("serialises")
            }
        }
    }

    #[test]
    fn the_crashed_event_text_is_what_the_event_serialises_to() {
        let crashed =
            FromFrame::Event { name: "error".into(), detail: Box::new(Detail { code: Some("crashed".into()), ..Default::default() }) };
        assert_eq!(serde_json::to_string(&crashed).expect("serialises"), FromFrame::CRASHED);
        assert_eq!(FromFrame::read(FromFrame::CRASHED), Some(crashed), "the merchant's module reads it as the error event");
    }

    /// Hostile and mistaken theme values, each refused (issue #35): URLs in any function,
    /// images, other variables, escapes, comments, declarations, and values of another kind.
    pub(crate) const HOSTILE_THEME: &[(&str, &str)] = &[
        ("--sv-bg", "url(https://x)"),
        ("--sv-bg", "URL(x)"),
        ("--sv-bg", "image-set(\"//host/x\" 1x)"),
        ("--sv-bg", "-webkit-image-set(\"//host/x\" 1x)"),
        ("--sv-bg", "cross-fade(url(a), url(b))"),
        ("--sv-bg", "element(#x)"),
        ("--sv-bg", "paint(worklet)"),
        ("--sv-bg", "var(--x)"),
        ("--sv-bg", "rgb(var(--r) 0 0)"),
        ("--sv-bg", "linear-gradient(red, blue)"),
        ("--sv-bg", "\\72 ed"),
        ("--sv-bg", "red;display:none"),
        ("--sv-bg", "red/*x*/"),
        ("--sv-bg", "{}"),
        ("--sv-bg", "ｒｅｄ"),
        ("--sv-bg", "expression(1)"),
        ("--sv-bg", "#ggg"),
        ("--sv-bg", "12px"),
        ("--sv-bg", ""),
        ("--sv-radius", "red"),
        ("--sv-radius", "-4px"),
        ("--sv-radius", "calc(1px + 2px)"),
        ("--sv-radius", "9999px"),
        ("--sv-font", "Inter; color: red"),
        ("--sv-font", "\"a\\\"b\""),
        ("--sv-font", "url(x)"),
        ("--sv-position", "fixed"),
        ("radius", "6px"),
    ];

    #[test]
    fn theme_values_are_checked_by_kind() {
        for (name, ok) in [
            ("--sv-radius", "6px"),
            ("--sv-radius", "0.5rem"),
            ("--sv-radius", "0"),
            ("--sv-font", "Inter, \"Segoe UI\", sans-serif"),
            ("--sv-bg", "#fff"),
            ("--sv-bg", "#1A2b3C"),
            ("--sv-text", "rgb(20 30 40)"),
            ("--sv-text", "rgba(20, 30, 40, .5)"),
            ("--sv-focus", "hsl(210deg 80% 40%)"),
            ("--sv-border", "oklch(70% 0.1 200 / 50%)"),
            ("--sv-surface", "WhiteSmoke"),
            ("--sv-muted", "transparent"),
        ] {
            assert!(theme_variable(name, ok), "{name}: {ok}");
        }
        for (name, bad) in HOSTILE_THEME {
            assert!(!theme_variable(name, bad), "{name}: {bad}");
        }
        assert!(!theme_variable("--sv-bg", &format!("#{}", "a".repeat(120))));
        // The merchant side lets a plain word by on its shape; only the frame knows the names.
        assert!(theme_variable_shape("--sv-bg", "notacolour") && !theme_variable("--sv-bg", "notacolour"));
        for (name, bad) in HOSTILE_THEME {
            assert!(!theme_variable_shape(name, bad), "{name}: {bad}");
        }
    }

    #[test]
    fn timeouts_within_bounds() {
        assert_eq!(accepted_timeout_ms(100.0), Some(100));
        assert_eq!(accepted_timeout_ms(120_000.0), Some(120_000));
        for bad in [99.0, 120_001.0, f64::NAN, f64::INFINITY, -1.0] {
            assert_eq!(accepted_timeout_ms(bad), None);
        }
    }

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
        let settle = ToFrame::Settle { outcome: Outcome::Declined, message: Some("Insufficient funds".into()) };
        for m in [ToFrame::Update { config: "{}".into() }, ToFrame::Refresh, settle] {
            let text = serde_json::to_string(&m).expect("serialises");
            assert_eq!(serde_json::from_str::<ToFrame>(&text).expect("reads back"), m);
        }
        assert_eq!(serde_json::to_string(&ToFrame::Refresh).expect("serialises"), r#""refresh""#);
        for bad in [r#"{"settle":{"outcome":"paid","message":null}}"#, r#"{"settle":{"outcome":"declined","message":5}}"#] {
            assert!(serde_json::from_str::<ToFrame>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn an_init_says_its_protocol_and_one_that_does_not_spoke_the_first() {
        let read = |t: &str| serde_json::from_str::<Init>(t).expect("reads").protocol;
        let base = r#""pollMs":0,"timeoutMs":800,"handleConfirm":false,"appearance":[]"#;
        assert_eq!(read(&format!("{{{base}}}")), 1);
        assert_eq!(read(&format!(r#"{{{base},"protocol":2}}"#)), 2);
        assert_eq!(Init::default().protocol, PROTOCOL);
    }

    #[test]
    fn an_embedders_message_is_trimmed_and_capped() {
        assert_eq!(settle_message(Some("  Card declined  ")).as_deref(), Some("Card declined"));
        assert_eq!(settle_message(Some("   ")), None);
        assert_eq!(settle_message(None), None);
        assert_eq!(settle_message(Some(&"é".repeat(400))).map(|m| m.chars().count()), Some(SETTLE_MESSAGE_MAX));
    }
}
