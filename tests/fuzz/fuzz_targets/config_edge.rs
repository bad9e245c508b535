//! The config edge under arbitrary input: the parser and validation, money formatting, the
//! sanitiser and the tree the view builds from it. Any panic, an allocation over the limit
//! (-malloc_limit_mb) or a broken property below is a finding.
#![no_main]
use libfuzzer_sys::fuzz_target;
use session_view_core::{model, money, sanitize};
use session_view_sanitizer::message_tree;

fn check_message(html: &str) {
    let once = session_view_sanitizer::sanitize(html);
    assert_eq!(session_view_sanitizer::sanitize(&once), once, "sanitiser not idempotent");
    let tree = message_tree(html);
    assert_eq!(sanitize::serialize(&tree), once, "the built tree differs from the sanitiser's output");
    let mut stack: Vec<&sanitize::Node> = tree.iter().collect();
    while let Some(node) = stack.pop() {
        if let sanitize::Node::Element { tag, href, children } = node {
            assert!(sanitize::ALLOWED_TAGS.contains(tag), "disallowed tag {tag}");
            if let Some(h) = href {
                // As the browser's URL parser reads it: C0 controls and spaces trimmed, tabs and newlines removed.
                let url: String = h.trim_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
                let lower = url.to_ascii_lowercase();
                assert!(lower.starts_with("https:") || lower.starts_with("mailto:"), "disallowed scheme in {h:?}");
            }
            stack.extend(children.iter());
        }
    }
    let _ = sanitize::is_inert_markup(html);
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(parsed) = model::parse_json(text) {
        let c = &parsed.config;
        let exponent = c.currency.as_deref().map_or(2, money::minor_units);
        if let Some(a) = c.amount {
            let s = money::decimal_string(a, exponent);
            assert!(s.trim_start_matches('-').bytes().all(|b| b.is_ascii_digit() || b == b'.'));
        }
        let _ = money::sum(c.line_items.iter().map(|i| i.amount.and_then(|a| money::line_total(a, i.quantity))));
        if let Some(m) = &c.page_message {
            check_message(m);
        }
        for w in &parsed.warnings {
            let _ = w.to_string();
        }
    }
    check_message(text);
});
