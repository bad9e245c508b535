//! The `page_message` policy. The merchant may write a short formatted message; the payer
//! must never get script, forms, frames, styles, tracking images or a way to navigate the
//! checkout away. Everything not listed here is removed (its text is kept, except inside
//! `script`/`style`-like elements, whose content is dropped whole).
//!
//! | allowed | why |
//! | --- | --- |
//! | `p br strong b em i u s small code blockquote ul ol li h3 h4` | plain text formatting |
//! | `a href` with `https:` or `mailto:` only | a link to terms or support; no relative URLs |
//! | on every link: `rel="noopener noreferrer"`, `target="_blank"` | a link cannot reach `window.opener`, leak the checkout URL as Referer, or navigate the checkout frame away |
//!
//! Not allowed, on purpose: `img` (tracking pixels), `svg`/`math` (foreign content behind
//! past sanitizer bypasses), `style`, `form`, `input`, `iframe`, `object`, `embed`, `base`,
//! `meta`, `noscript`, `template`, any `on*`, `style`, `class` or `id` attribute, comments.
use ammonia::{Builder, UrlRelative};
use std::collections::{HashMap, HashSet};

/// The largest message sanitised; a longer one is dropped with a warning.
pub const MAX_MESSAGE_BYTES: usize = 256 * 1024;

pub const ALLOWED_TAGS: &[&str] = &[
    "a", "b", "blockquote", "br", "code", "em", "h3", "h4", "i", "li", "ol", "p", "s", "small", "strong", "u", "ul",
];
pub const ALLOWED_SCHEMES: &[&str] = &["https", "mailto"];
/// Elements whose whole content is dropped, not just their tags.
const DROP_WITH_CONTENT: &[&str] = &[
    "script", "style", "template", "noscript", "iframe", "object", "embed", "textarea", "title", "xmp",
    "noembed", "noframes", "plaintext", "select", "option", "svg", "math",
];

fn policy() -> Builder<'static> {
    let mut b = Builder::empty();
    b.tags(ALLOWED_TAGS.iter().copied().collect())
        .clean_content_tags(DROP_WITH_CONTENT.iter().copied().collect())
        .tag_attributes(HashMap::from([("a", HashSet::from(["href"]))]))
        .generic_attributes(HashSet::new())
        .url_schemes(ALLOWED_SCHEMES.iter().copied().collect())
        .url_relative(UrlRelative::Deny)
        .link_rel(Some("noopener noreferrer"))
        .set_tag_attribute_value("a", "target", "_blank")
        .strip_comments(true);
    b
}

/// Sanitises merchant HTML for `page_message`. Idempotent: `sanitize(sanitize(x)) == sanitize(x)`.
pub fn sanitize(html: &str) -> String {
    thread_local! {
        static POLICY: Builder<'static> = policy();
    }
    POLICY.with(|p| p.clean(html).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_formatting_and_safe_links() {
        let out = sanitize(r#"<p>Hi <strong>there</strong>, see <a href="https://x.test/terms" title="t">terms</a>.</p>"#);
        assert_eq!(
            out,
            r#"<p>Hi <strong>there</strong>, see <a href="https://x.test/terms" target="_blank" rel="noopener noreferrer">terms</a>.</p>"#
        );
    }

    #[test]
    fn removes_script_and_handlers() {
        let cases = [
            ("<script>alert(1)</script>ok", "ok"),
            ("<img src=x onerror=alert(1)>ok", "ok"),
            ("<p onclick=alert(1)>ok</p>", "<p>ok</p>"),
            ("<a href=javascript:alert(1)>x</a>", r#"<a target="_blank" rel="noopener noreferrer">x</a>"#),
            ("<a href=\"java&#x09;script:alert(1)\">x</a>", r#"<a target="_blank" rel="noopener noreferrer">x</a>"#),
            ("<a href=/relative>x</a>", r#"<a target="_blank" rel="noopener noreferrer">x</a>"#),
            ("<a href=http://plain.test>x</a>", r#"<a target="_blank" rel="noopener noreferrer">x</a>"#),
            ("<svg><script>alert(1)</script></svg>ok", "ok"),
            ("<math><mi xlink:href=javascript:alert(1)>x</mi></math>ok", "ok"),
            ("<style>*{display:none}</style>ok", "ok"),
            ("<form action=https://evil.test><input name=card></form>ok", "ok"),
            ("<iframe src=https://evil.test></iframe>ok", "ok"),
            ("<!-- c -->ok", "ok"),
            ("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">", "\"&gt;"),
            ("<base href=https://evil.test>ok", "ok"),
            ("<p style=\"background:url(https://t.test)\" class=x id=y>ok</p>", "<p>ok</p>"),
        ];
        for (input, expected) in cases {
            assert_eq!(sanitize(input), expected, "{input}");
        }
    }

    /// Ammonia serialises text with `<` escaped, so every raw `<` in its output opens a
    /// tag and every attribute value is double-quoted. Checks each against the policy.
    pub(crate) fn assert_only_allowed_markup(out: &str) {
        let mut rest = out;
        while let Some(i) = rest.find('<') {
            let tag_and_after = &rest[i + 1..];
            let end = tag_and_after.find('>').expect("unterminated tag in sanitiser output");
            let tag = &tag_and_after[..end];
            let tag = tag.strip_prefix('/').unwrap_or(tag);
            let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
            assert!(ALLOWED_TAGS.contains(&name.as_str()), "tag <{name}> in {out:?}");
            let mut attrs = &tag[name.len()..];
            while let Some(eq) = attrs.find("=\"") {
                let attr = attrs[..eq].trim();
                let value_end = attrs[eq + 2..].find('"').expect("unquoted value");
                let value = &attrs[eq + 2..eq + 2 + value_end];
                match (name.as_str(), attr) {
                    ("a", "href") => assert!(
                        ALLOWED_SCHEMES.iter().any(|s| value.starts_with(&format!("{s}:"))),
                        "href {value:?} in {out:?}"
                    ),
                    ("a", "rel") => assert_eq!(value, "noopener noreferrer"),
                    ("a", "target") => assert_eq!(value, "_blank"),
                    _ => panic!("attribute {attr} on <{name}> in {out:?}"),
                }
                attrs = &attrs[eq + 3 + value_end..];
            }
            assert!(attrs.trim().is_empty() || attrs.trim() == "/", "stray attribute text {attrs:?} in {out:?}");
            rest = &tag_and_after[end + 1..];
        }
    }

    #[test]
    fn idempotent_on_shared_payloads() {
        for file in ["dompurify-payloads.json", "h5sc-payloads.json", "owasp-payloads.json"] {
            let path = format!("{}/../shared/xss/{file}", env!("CARGO_MANIFEST_DIR"));
            let Ok(text) = std::fs::read_to_string(&path) else {
                panic!("missing shared XSS suite {path}");
            };
            let payloads: Vec<serde_json::Value> = serde_json::from_str(&text).expect("valid suite");
            assert!(payloads.len() > 100);
            for p in payloads {
                let input = p["payload"].as_str().unwrap_or_default();
                let once = sanitize(input);
                assert_eq!(sanitize(&once), once, "not idempotent for {input:?}");
                assert_only_allowed_markup(&once);
            }
        }
    }
}
