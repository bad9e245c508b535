//! The `page_message` sanitiser: ammonia under the view's policy, cleaned to a fixed point.
//! Built as its own wasm module (`src/main.rs`), which the view loads only when a config has
//! a `page_message`; its output is read back strictly by the core's reader
//! (`session_view_core::sanitize::read_sanitized`), with the same allowlist.
//!
//! | allowed | why |
//! | --- | --- |
//! | `p br strong b em i u s small code blockquote ul ol li h3 h4` | plain text formatting |
//! | `a href` with `https:` or `mailto:` only | a link to terms or support; no relative URLs |
//! | a link's host in ASCII (`xn--…` for a non-ASCII name) | as every URL in a config: the `url` crate runs without Unicode tables (`idna_adapter` 1.0 in Cargo.lock), so a raw non-ASCII host is not a URL here and the link keeps its words without `href` |
//! | on every link: `rel="noopener noreferrer"`, `target="_blank"` | a link cannot reach `window.opener`, leak the checkout URL as Referer, or navigate the checkout frame away |
//!
//! Everything not listed is removed (its text is kept, except inside `script`/`style`-like
//! elements, whose content is dropped whole). Not allowed, on purpose: `img` (tracking
//! pixels), `svg`/`math` (foreign content behind past sanitizer bypasses), `style`, `form`,
//! `input`, `iframe`, `object`, `embed`, `base`, `meta`, `noscript`, `template`, any `on*`,
//! `style`, `class` or `id` attribute, comments.
// Tests may unwrap, index and slice.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, clippy::string_slice))]
use ammonia::{Builder, UrlRelative};
use session_view_core::sanitize::{read_sanitized, serialize, settled, text_of, Node, ALLOWED_SCHEMES, ALLOWED_TAGS};
use std::collections::{HashMap, HashSet};

/// Elements whose whole content is dropped, not just their tags.
const DROP_WITH_CONTENT: &[&str] = &[
    "script",
    "style",
    "template",
    "noscript",
    "iframe",
    "object",
    "embed",
    "textarea",
    "title",
    "xmp",
    "noembed",
    "noframes",
    "plaintext",
    "select",
    "option",
    "svg",
    "math",
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

/// Sanitises `html` and returns it as a tree of allowed nodes.
pub fn message_tree(html: &str) -> Vec<Node> {
    read_sanitized(&sanitize(html))
}

/// Sanitises merchant HTML for `page_message`. Idempotent: `sanitize(sanitize(x)) == sanitize(x)`.
///
/// Ammonia alone is not always idempotent: some nestings it serialises (e.g. block elements
/// inside a heading inside a list) parse back into a different tree, the very shape that
/// mutation-XSS needs (found by the fuzzer). So the output is cleaned again until it is
/// stable, which takes one extra pass almost always and two for such nestings; if it is
/// not stable after [`MAX_PASSES`], the message is shown as plain text.
pub fn sanitize(html: &str) -> String {
    thread_local! {
        static POLICY: Builder<'static> = policy();
    }
    POLICY.with(|p| {
        let mut out = p.clean(html).to_string();
        // Most messages are plain, well-nested markup, which a parser reads back into exactly
        // the same tree: then a second pass would only repeat the first, and is skipped.
        if settled(&out) {
            return out;
        }
        for _ in 1..MAX_PASSES {
            let again = p.clean(&out).to_string();
            if again == out {
                return out;
            }
            out = again;
        }
        // Never settled (a fuzzer finding): show its text only, as an escaped text node, which
        // is stable under another pass.
        serialize(&[Node::Text(text_of(&read_sanitized(&out)))])
    })
}

/// Sanitiser passes before a message that keeps changing is shown as plain text.
const MAX_PASSES: usize = 4;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_well_nested_messages_settle_in_one_pass_and_the_rest_get_the_loop() {
        for ok in [
            "",
            "Thanks!",
            "<p>Hi <b>there</b>, <a href=\"https://a.test/\" rel=\"noopener noreferrer\" target=\"_blank\">terms</a>.</p>",
            "<ul>\n<li>One <em>two</em></li>\n<li><p>Three</p><ol><li>four</li></ol></li></ul>",
            "<blockquote><h3>T</h3><p>x<br>y</p></blockquote>",
        ] {
            let once = ammonia_once(ok);
            assert!(settled(&once), "{ok:?} -> {once:?}");
        }
        // Trees a parser would restructure (a block in a paragraph or heading, a link in a
        // link, a list item in a list item, text in a list) are not judged settled.
        for tricky in [
            "<p>a<ul><li>b</li></ul></p>",
            "<h3>a<h4>b</h4></h3>",
            "<a href=\"https://x.test/\">a<b><a href=\"https://y.test/\">b</a></b></a>",
            "<li>a<li>b</li></li>",
            "<ul>text<li>x</li></ul>",
            "<b><p>x</p></b>",
        ] {
            let once = ammonia_once(tricky);
            if settled(&once) {
                // Then it really is a fixed point.
                assert_eq!(ammonia_once(&once), once, "{tricky:?} judged settled but changes");
            }
        }
    }

    fn ammonia_once(html: &str) -> String {
        policy().clean(html).to_string()
    }

    #[test]
    fn every_shared_payload_is_idempotent_with_the_shortcut() {
        // The shortcut never returns something a second pass would change.
        let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/xss"));
        let mut n = 0;
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            let Ok(serde_json::Value::Array(items)) = serde_json::from_str::<serde_json::Value>(&text) else { continue };
            for item in items {
                let payload = item
                    .get("payload")
                    .or_else(|| item.get("input"))
                    .and_then(|v| v.as_str())
                    .map(str::to_owned)
                    .or_else(|| item.as_str().map(str::to_owned));
                let Some(p) = payload else { continue };
                let once = sanitize(&p);
                assert_eq!(sanitize(&once), once, "{p:?}");
                if settled(&ammonia_once(&p)) {
                    assert_eq!(ammonia_once(&ammonia_once(&p)), ammonia_once(&p), "settled but not a fixed point: {p:?}");
                }
                n += 1;
            }
        }
        assert!(n > 400, "the shared payloads were not found ({n})");
    }

    #[test]
    fn the_view_reads_the_modules_output_strictly() {
        // What the module returns is read with the same allowlist: a module that misbehaved
        // could still not put a script, an attribute or a javascript: link into the page.
        let nodes = read_sanitized("<p onclick=\"x()\">Hi <script>alert(1)</script><a href=\"javascript:alert(1)\">x</a><img src=x></p>");
        let out = serialize(&nodes);
        assert!(!out.contains("onclick") && !out.contains("<script") && !out.contains("javascript:") && !out.contains("<img"), "{out}");
        assert_eq!(read_sanitized(&sanitize("<b>ok</b>")), message_tree("<b>ok</b>"));
    }

    #[test]
    fn a_link_to_a_non_ascii_host_keeps_its_words_and_loses_its_href_unless_punycoded() {
        // An `a` without `href` is no link: the payer reads the words, nothing to follow.
        assert_eq!(sanitize(r#"<a href="https://bücher.example/agb">AGB</a>"#), r#"<a target="_blank" rel="noopener noreferrer">AGB</a>"#);
        assert_eq!(
            sanitize(r#"<a href="https://xn--bcher-kva.example/agb">AGB</a>"#),
            r#"<a href="https://xn--bcher-kva.example/agb" target="_blank" rel="noopener noreferrer">AGB</a>"#
        );
        // Non-ASCII in the path or query is percent-encoded by the browser; it stays a link.
        assert!(sanitize(r#"<a href="https://shop.example/über">x</a>"#).contains("href="));
    }

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
                    ("a", "href") => {
                        assert!(ALLOWED_SCHEMES.iter().any(|s| value.starts_with(&format!("{s}:"))), "href {value:?} in {out:?}")
                    }
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

    /// The tags behind ammonia's past advisories (and foreign content in general) are never
    /// allowed, and the ammonia in Cargo.lock is one with those advisories fixed (≥ 4.2.4).
    #[test]
    fn the_policy_keeps_out_the_tags_of_past_advisories_and_pins_a_fixed_ammonia() {
        let never = [
            "svg",
            "math",
            "style",
            "noscript",
            "annotation-xml",
            "template",
            "iframe",
            "object",
            "embed",
            "img",
            "animate",
            "animatemotion",
            "animatetransform",
            "set",
            "mglyph",
            "malignmark",
            "foreignobject",
            "xmp",
            "plaintext",
        ];
        for tag in never {
            assert!(!ALLOWED_TAGS.contains(&tag), "{tag} must never be allowed");
            let out = sanitize(&format!("<{tag}>x</{tag}><p>ok</p>"));
            assert!(!out.contains(&format!("<{tag}")), "{tag} survived: {out}");
        }
        let lock = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../Cargo.lock")).unwrap_or_default();
        let version = lock
            .split("[[package]]")
            .find(|p| p.contains("name = \"ammonia\""))
            .and_then(|p| p.split("version = \"").nth(1))
            .and_then(|v| v.split('"').next())
            .unwrap_or_default();
        let parts: Vec<u32> = version.split('.').filter_map(|n| n.parse().ok()).collect();
        assert!(parts.len() == 3 && parts >= vec![4, 2, 4], "ammonia {version} in Cargo.lock; need >= 4.2.4");
        let manifest = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml")).unwrap_or_default();
        assert!(manifest.contains("ammonia = \"4.2.4\""), "Cargo.toml requires ammonia ^4.2.4");
    }

    #[test]
    fn the_tree_holds_exactly_the_sanitised_message() {
        let tree = message_tree(
            r#"<p>Tea &amp; <a href="https://x.test/?a=1&amp;b=&quot;2&quot;" onclick="x">terms</a><br>a&lt;b&nbsp;c</p><img src=x>"#,
        );
        assert_eq!(
            tree,
            vec![Node::Element {
                tag: "p",
                href: None,
                children: vec![
                    Node::Text("Tea & ".into()),
                    Node::Element {
                        tag: "a",
                        href: Some("https://x.test/?a=1&b=\"2\"".into()),
                        children: vec![Node::Text("terms".into())]
                    },
                    Node::Element { tag: "br", href: None, children: vec![] },
                    Node::Text("a<b\u{a0}c".into()),
                ],
            }]
        );
        // A fuzzer finding: a nesting that ammonia's output re-parses differently; sanitize() is stable anyway.
        let nested =
            "<h3>Before<p>Seats</p><ul><li>x</li></ul></h3><h3><strong>a<p>b<strong>c</strong></p><ul><li>d</li></ul></strong></h3>";
        let once = sanitize(nested);
        assert_eq!(sanitize(&once), once);
        // A fuzzer finding: the URL parser drops leading controls, so this is an https link.
        let ctl = "<a href=\"\u{1e}https://x.test/\">y</a>";
        assert_eq!(serialize(&message_tree(ctl)), sanitize(ctl));
        // A fuzzer finding: `<` inside an href is escaped in ammonia's output, and must round-trip.
        let tricky = r#"<a href="https://x.test/?q=</p><p>x">y</a>"#;
        assert_eq!(serialize(&message_tree(tricky)), sanitize(tricky));
    }

    /// Every input the fuzzer ever found a defect with (tests/fuzz/seeds) stays fixed.
    #[test]
    fn fuzz_findings_stay_fixed() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fuzz/seeds");
        let mut checked = 0;
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let Ok(text) = std::fs::read_to_string(entry.path()) else { continue };
            for input in
                [text.clone(), session_view_core::model::parse_json(&text).ok().and_then(|p| p.config.page_message).unwrap_or_default()]
            {
                let once = sanitize(&input);
                assert_eq!(sanitize(&once), once, "not idempotent: {:?}", entry.path());
                assert_eq!(serialize(&message_tree(&input)), once, "tree differs: {:?}", entry.path());
            }
            checked += 1;
        }
        assert!(checked >= 20, "seeds not found in {dir}");
    }

    #[test]
    fn idempotent_on_shared_payloads() {
        for file in ["dompurify-payloads.json", "h5sc-payloads.json", "owasp-payloads.json"] {
            let path = format!("{}/../../tests/data/xss/{file}", env!("CARGO_MANIFEST_DIR"));
            let Ok(text) = std::fs::read_to_string(&path) else {
                panic!("missing XSS suite {path}");
            };
            let payloads: Vec<serde_json::Value> = serde_json::from_str(&text).expect("valid suite");
            assert!(payloads.len() > 100);
            for p in payloads {
                let input = p["payload"].as_str().unwrap_or_default();
                let once = sanitize(input);
                assert_eq!(sanitize(&once), once, "not idempotent for {input:?}");
                assert_only_allowed_markup(&once);
                assert_eq!(serialize(&read_sanitized(&once)), once, "the tree loses or adds something for {input:?}");
            }
        }
    }
}
