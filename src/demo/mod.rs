//! Built-in demo sessions covering every state in the spec, for `trunk serve` and tests.
//! Each is config JSON read through the same edge as a real response.

/// (key, title, config JSON)
pub const DEMOS: &[(&str, &str, &str)] = &[
    ("card", "Saved cards (USD)", include_str!("card.json")),
    ("ach", "Bank accounts, off-session consent", include_str!("ach.json")),
    ("hcaptcha", "hCaptcha challenge", include_str!("hcaptcha.json")),
    ("turnstile", "Turnstile challenge", include_str!("turnstile.json")),
    ("sms", "SMS code challenge", include_str!("sms.json")),
    ("email", "Email code challenge", include_str!("email.json")),
    ("wallet", "Wallet scope", include_str!("wallet.json")),
    ("completed", "Completed", include_str!("completed.json")),
    ("expired", "Expired", include_str!("expired.json")),
    ("jpy", "Zero-decimal currency (JPY)", include_str!("jpy.json")),
    ("kwd", "Three-decimal currency (KWD)", include_str!("kwd.json")),
    ("long", "Long line-item list", ""),
    ("message", "Rich page message", include_str!("message.json")),
    ("embedded", "Embedded layout", include_str!("embedded.json")),
    ("partial", "Partial config (published example)", include_str!("partial.json")),
    ("hostile", "Hostile values", include_str!("hostile.json")),
    ("broken", "Broken config", "[\"not\", \"a\", \"config\"]"),
];

/// The config JSON of demo `key`.
pub fn config_json(key: &str) -> Option<String> {
    if key == "long" {
        return Some(long_list(60));
    }
    DEMOS.iter().find(|(k, _, _)| *k == key).map(|(_, _, json)| (*json).to_owned())
}

/// A session with `n` line items.
pub fn long_list(n: usize) -> String {
    let items: Vec<serde_json::Value> = (1..=n)
        .map(|i| serde_json::json!({ "description": format!("Catalogue item {i}"), "amount": 100 + i as i64 * 7, "quantity": 1 + i % 3 }))
        .collect();
    let amount: i64 = (1..=n).map(|i| (100 + i as i64 * 7) * (1 + i as i64 % 3)).sum();
    serde_json::json!({
        "session_id": "cs_demoLong014", "status": "active", "scope": "payment", "amount": amount,
        "currency": "usd", "layout": "hosted", "line_items": items,
        "branding": { "merchant_display_name": "Bulk Supply Co" }
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_json;

    #[test]
    fn every_demo_but_broken_parses() {
        for (key, _, _) in DEMOS {
            let parsed = parse_json(&config_json(key).expect("demo"));
            assert_eq!(parsed.is_err(), *key == "broken", "{key}");
        }
    }

    #[test]
    fn demo_sessions_are_consistent() {
        for key in ["card", "ach", "jpy", "kwd", "long", "message"] {
            let c = parse_json(&config_json(key).expect("demo")).expect("object").config;
            assert_eq!(c.items_sum(), c.amount, "{key}: items add up to the amount");
        }
    }
}
