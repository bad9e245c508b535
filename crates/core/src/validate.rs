//! Validators for the config strings that may reach an attribute, a URL or a style.
//! Pure Rust, no browser: each returns the canonical value or `None`.

/// Longest id or token we accept; real ones are far shorter.
const MAX_TOKEN_LEN: usize = 255;

/// `^cs_[A-Za-z0-9]+$`: a checkout session id.
pub fn session_id(s: &str) -> Option<&str> {
    let rest = s.strip_prefix("cs_")?;
    (!rest.is_empty() && s.len() <= MAX_TOKEN_LEN && rest.bytes().all(|b| b.is_ascii_alphanumeric())).then_some(s)
}

/// An API base: an absolute `http(s)` origin or URL prefix, printable ASCII, no query,
/// fragment, user info, spaces or backslashes; trimmed, without its trailing `/`.
pub fn api_base(base: &str) -> Option<&str> {
    let base = base.trim().trim_end_matches('/');
    let lower = base.to_ascii_lowercase();
    let scheme_ok = lower.starts_with("https://") || lower.starts_with("http://");
    let bad = base.contains(['?', '#', '@', ' ', '\\']) || !base.is_ascii() || base.split("://").nth(1).is_none_or(str::is_empty);
    (scheme_ok && !bad).then_some(base)
}

/// An opaque, attribute-safe token (saved method id, captcha site key):
/// `^[A-Za-z0-9_-]{1,255}$`.
pub fn token(s: &str) -> Option<&str> {
    (!s.is_empty() && s.len() <= MAX_TOKEN_LEN && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')).then_some(s)
}

/// An sRGB colour from `^#[0-9A-Fa-f]{6}$`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub fn parse(s: &str) -> Option<Rgb> {
        let hex = s.strip_prefix('#')?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |i: usize| hex.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok());
        Some(Rgb(channel(0)?, channel(2)?, channel(4)?))
    }

    /// Canonical lower-case `#rrggbb`: the only form that ever reaches CSS.
    pub fn to_css(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// An absolute `https:` URL with a host, no user-info, no white space or control
/// characters, printable ASCII only (IDNs must arrive punycoded). Returns the URL
/// with its scheme lower-cased.
pub fn https_url(s: &str) -> Option<String> {
    if s.len() > 2048 || !s.bytes().all(|b| b.is_ascii_graphic()) || s.contains('\\') {
        return None;
    }
    let scheme = s.get(..8)?;
    if !scheme.eq_ignore_ascii_case("https://") {
        return None;
    }
    let rest = s.get(8..)?;
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = rest.get(..authority_end)?;
    if authority.is_empty() || authority.contains('@') {
        return None;
    }
    let host = match authority.rsplit_once(':') {
        Some((host, port)) if !host.ends_with(']') || authority.starts_with('[') => {
            if !port.is_empty() && !port.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            host
        }
        _ => authority,
    };
    let host_ok = if host.starts_with('[') {
        host.ends_with(']') && host.len() > 2
    } else {
        !host.is_empty() && host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.') && !host.starts_with('.')
    };
    host_ok.then(|| format!("https://{rest}"))
}

/// Exactly four ASCII digits.
pub fn last4(s: &str) -> Option<&str> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())).then_some(s)
}

/// An ISO 4217-shaped code: three ASCII letters, any case. Returned upper-case.
pub fn currency_code(s: &str) -> Option<String> {
    (s.len() == 3 && s.bytes().all(|b| b.is_ascii_alphabetic())).then(|| s.to_ascii_uppercase())
}

/// A message the server wrote for the payer (`{ "message": "…" }`), as short plain text: control
/// characters dropped, at most 200 characters, `None` when absent or blank. Shown as text only.
pub fn server_message(v: &serde_json::Value, key: &str) -> Option<String> {
    let m = v.get(key)?.as_str()?.trim();
    (!m.is_empty()).then(|| m.chars().filter(|c| !c.is_control()).take(200).collect())
}

/// `s` as a sentence of its own: trimmed, with a full stop added unless it already ends in
/// sentence punctuation (of any script the catalogue uses), so it never runs into ours.
pub fn as_sentence(s: &str) -> String {
    let t = s.trim();
    let ended =
        t.chars().last().is_none_or(|c| matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？' | '؟' | '۔' | '"' | '”' | '»' | ')'));
    if ended {
        t.to_owned()
    } else {
        format!("{t}.")
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn a_server_message_reads_as_its_own_sentence() {
        assert_eq!(as_sentence("Insufficient funds"), "Insufficient funds.");
        assert_eq!(as_sentence(" Insufficient funds. "), "Insufficient funds.");
        assert_eq!(as_sentence("Card expired!"), "Card expired!");
        assert_eq!(as_sentence("残高不足です。"), "残高不足です。");
        assert_eq!(as_sentence("رصيد غير كافٍ؟"), "رصيد غير كافٍ؟");
        assert_eq!(as_sentence(""), "");
    }

    /// API bases that are not one (the merchant package's contract reads them too).
    pub(crate) const NOT_API_BASES: &[&str] = &[
        "",
        "/relative",
        "javascript:alert(1)",
        "https://",
        "https://a.test?x=1",
        "https://a.test#x",
        "https://u@a.test",
        "ftp://a.test",
        "https://a b",
        "https://a\\b",
        "https://ä.test",
    ];

    #[test]
    fn api_bases() {
        assert_eq!(api_base(" https://api.example.com/ "), Some("https://api.example.com"));
        assert_eq!(api_base("HTTP://127.0.0.1:8787/v1"), Some("HTTP://127.0.0.1:8787/v1"));
        for bad in NOT_API_BASES {
            assert_eq!(api_base(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn session_ids() {
        assert_eq!(session_id("cs_abc123"), Some("cs_abc123"));
        for bad in ["", "cs_", "cs", "CS_abc", "cs_a-b", "cs_a b", "cs_ä", "xcs_a", "cs_a/../b", "cs_a\n"] {
            assert_eq!(session_id(bad), None, "{bad:?}");
        }
        assert_eq!(session_id(&format!("cs_{}", "a".repeat(300))), None);
    }

    #[test]
    fn tokens() {
        assert!(token("pm_1Abc-_x").is_some());
        for bad in ["", "a b", "a\"b", "<x>", "a;b", "é"] {
            assert_eq!(token(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn colours() {
        assert_eq!(Rgb::parse("#1A2b3C"), Some(Rgb(0x1a, 0x2b, 0x3c)));
        assert_eq!(Rgb::parse("#1A2b3C").map(Rgb::to_css).as_deref(), Some("#1a2b3c"));
        for bad in ["", "#fff", "1a2b3c", "#1a2b3g", "#1a2b3c4", "red", "#1a2b3c;x:y", "#ＡＡＡＡＡＡ", "url(x)"] {
            assert_eq!(Rgb::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn https_urls() {
        assert_eq!(https_url("https://cdn.example.com/logo.png").as_deref(), Some("https://cdn.example.com/logo.png"));
        assert_eq!(https_url("HTTPS://a.b/x?y#z").as_deref(), Some("https://a.b/x?y#z"));
        assert!(https_url("https://a.b:8443/x").is_some());
        assert!(https_url("https://[::1]:8443/x").is_some());
        for bad in [
            "http://a.b/x",
            "javascript:alert(1)",
            "data:image/png;base64,AAAA",
            "//a.b/x",
            "/logo.png",
            "logo.png",
            "https://",
            "https:///x",
            "https://user:pw@a.b/x",
            "https://a@b/x",
            "https://a.b/x y",
            "https://a.b/\u{0}",
            " https://a.b/",
            "https://a.b\\@evil/",
            "https://a.b:x/",
            "https://ä.b/",
            "jAvAsCrIpT:alert(1)",
            "https://.b/",
            "https://a b/",
        ] {
            assert_eq!(https_url(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn last4s() {
        assert_eq!(last4("4242"), Some("4242"));
        for bad in ["", "424", "42424", "42a2", "４２４２", "4242\n"] {
            assert_eq!(last4(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn currency_codes() {
        assert_eq!(currency_code("usd").as_deref(), Some("USD"));
        assert_eq!(currency_code("JpY").as_deref(), Some("JPY"));
        for bad in ["", "us", "usdd", "u$d", "123"] {
            assert_eq!(currency_code(bad), None, "{bad:?}");
        }
    }
}
