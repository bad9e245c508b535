use super::*;

fn parse(json: &str) -> Parsed {
    parse_json(json).expect("an object")
}

fn warned(p: &Parsed, field: &str) -> bool {
    p.warnings.iter().any(|w| w.field == field)
}

#[test]
fn published_partial_example_renders() {
    let p = parse(
        r#"{ "status": "active", "scope": "payment", "line_items": [ { "quantity": 1 } ],
          "layout": "hosted", "setup_future_usage": "off",
          "saved_methods": [ { "type": "card", "account_type": "checking" } ],
          "challenge": { "type": "hcaptcha" } }"#,
    );
    let c = &p.config;
    assert_eq!(c.status, Some(Status::Active));
    assert_eq!(c.scope, Some(Scope::Payment));
    assert_eq!(c.line_items, vec![LineItem { description: None, amount: None, quantity: 1 }]);
    assert_eq!(c.line_items[0].total(), None);
    assert_eq!(c.saved_methods[0].kind, MethodType::Card);
    assert_eq!(c.saved_methods[0].account_type, None, "account_type is ACH-only");
    assert!(warned(&p, "saved_methods[0].account_type"));
    assert!(warned(&p, "line_items[0].description"));
    assert_eq!(c.challenge.as_ref().map(|ch| &ch.kind), Some(&ChallengeType::Hcaptcha));
    assert_eq!(c.setup_future_usage, Some(FutureUsage::Off));
}

#[test]
fn full_config() {
    let p = parse(
        r##"{ "session_id": "cs_123abc", "status": "active", "scope": "payment", "amount": 4999,
          "currency": "usd", "description": "Order #1042", "customer_email": "jo@example.com",
          "line_items": [ { "description": "Tea", "amount": 1999, "quantity": 2, "metadata": {"sku": "t1"} },
                          { "description": "Mug", "amount": 1001 } ],
          "layout": "embedded", "allowed_methods": ["card", "ach", "crypto"],
          "setup_future_usage": "off_session",
          "branding": { "logo_url": "https://cdn.example.com/l.png", "accent_color": "#635BFF", "merchant_display_name": "Tea Co" },
          "merchant_display_name": "Tea Company Ltd",
          "required_avs_fields": ["postal_code", "country", "planet"],
          "saved_methods": [
            { "id": "pm_1", "type": "card", "brand": "VISA", "last4": "4242", "exp_month": 12, "exp_year": 2030, "holder_name": "Jo", "is_default": true },
            { "id": "pm_2", "type": "ach", "bank_name": "First Bank", "account_type": "savings", "last4": "6789" } ],
          "expires_at": "2026-11-24T14:30:00Z",
          "page_message": "<p>Hi</p>",
          "challenge": { "type": "sms", "delivery_hint": "--1234", "code_sent": true },
          "something_new": { "nested": [1,2,3] } }"##,
    );
    assert!(p.warnings.iter().all(|w| w.problem.contains("does not know")), "{:?}", p.warnings);
    let c = &p.config;
    assert_eq!(c.session_id.as_deref(), Some("cs_123abc"));
    assert_eq!(c.amount, Some(4999));
    assert_eq!(c.currency.as_deref(), Some("USD"));
    assert_eq!(c.items_sum(), Some(4999));
    assert_eq!(c.line_items[1].quantity, 1);
    assert_eq!(c.layout, Some(Layout::Embedded));
    assert_eq!(merchant_name(&c.branding.merchant_display_name, &c.merchant_display_name), Some("Tea Co"));
    assert_eq!(c.branding.accent_color.map(|a| a.to_css()).as_deref(), Some("#635bff"));
    assert!(MethodType::Card.allowed_by(&c.allowed_methods) && MethodType::Ach.allowed_by(&c.allowed_methods));
    assert!(!MethodType::Other("crypto".into()).allowed_by(&c.allowed_methods));
    assert_eq!(c.required_avs_fields[2], AvsField::Other("planet".into()));
    assert_eq!(c.saved_methods[0].brand, Some(Brand::Visa));
    assert!(c.saved_methods[0].is_default);
    assert_eq!(c.saved_methods[1].account_type, Some(AccountType::Savings));
    assert_eq!(c.expires_at, Some(1_795_530_600_000));
    assert_eq!(c.challenge.as_ref().map(|ch| ch.code_sent), Some(true));
}

#[test]
fn only_a_non_object_body_is_an_error() {
    assert_eq!(parse_json("not json").err(), Some(ConfigError::NotJson));
    assert_eq!(parse_json("").err(), Some(ConfigError::NotJson));
    for body in ["[]", "null", "42", "\"cs_1\"", "true"] {
        assert_eq!(parse_json(body).err(), Some(ConfigError::NotAnObject), "{body}");
    }
    assert_eq!(parse("{}").config, Config::default());
}

#[test]
fn wrong_types_and_nulls_are_dropped_with_a_warning_naming_the_field() {
    let p = parse(
        r#"{ "amount": "4999", "currency": 840, "status": null, "line_items": {"a": 1},
             "saved_methods": ["pm_1", {"type": "card", "last4": 4242}], "branding": "red",
             "customer_email": ["x"], "description": "Still here", "challenge": 7,
             "allowed_methods": ["card", 3] }"#,
    );
    for field in [
        "amount",
        "currency",
        "status",
        "line_items",
        "saved_methods[0]",
        "saved_methods[1].last4",
        "branding",
        "customer_email",
        "challenge",
        "allowed_methods[1]",
    ] {
        assert!(warned(&p, field), "no warning for {field}: {:?}", p.warnings);
    }
    let c = &p.config;
    assert_eq!((c.amount, c.currency.as_ref(), c.status.as_ref()), (None, None, None));
    assert_eq!(c.description.as_deref(), Some("Still here"));
    assert_eq!(c.saved_methods.len(), 1);
    assert_eq!(c.allowed_methods, Some(vec![MethodType::Card]));
    assert!(c.challenge.is_none());
}

#[test]
fn challenge_null_means_none_without_warning() {
    let p = parse(r#"{ "challenge": null }"#);
    assert!(p.config.challenge.is_none());
    assert!(p.warnings.is_empty());
}

#[test]
fn unknown_enum_values_become_explicit_unknowns() {
    let p = parse(
        r#"{ "status": "paused", "scope": "admin", "layout": "popup", "setup_future_usage": "always",
             "challenge": {"type": "retina_scan"},
             "saved_methods": [{"type": "paypal"}, {"type": "card", "brand": "Troy"}, {"type": "card", "brand": "JCB"}] }"#,
    );
    let c = &p.config;
    assert_eq!(c.status, Some(Status::Unknown("paused".into())));
    assert_eq!(c.scope, Some(Scope::Unknown("admin".into())));
    assert_eq!(c.layout, Some(Layout::Unknown("popup".into())));
    assert_eq!(c.setup_future_usage, Some(FutureUsage::Unknown("always".into())));
    assert_eq!(c.challenge.as_ref().map(|ch| ch.kind.clone()), Some(ChallengeType::Other("retina_scan".into())));
    assert_eq!(c.saved_methods[0].kind, MethodType::Other("paypal".into()));
    assert_eq!(c.saved_methods[1].brand, Some(Brand::Other("Troy".into())));
    assert_eq!(c.saved_methods[2].brand, Some(Brand::Jcb), "known brands match in any case");
    assert_ne!(c.layout, Some(Layout::Embedded));
}

#[test]
fn invalid_values_are_dropped() {
    let p = parse(
        r##"{ "session_id": "cs_../../admin", "amount": -5, "currency": "dollars",
             "branding": { "logo_url": "javascript:alert(1)", "accent_color": "red; background: url(x)" },
             "saved_methods": [{ "id": "pm 1\"", "type": "card", "last4": "424", "exp_month": 13, "exp_year": 30 }],
             "challenge": { "type": "hcaptcha", "site_key": "x\" onload=\"y" },
             "expires_at": "tomorrow", "customer_email": "not an email",
             "line_items": [{ "description": "x", "amount": 1, "quantity": 0 }] }"##,
    );
    let c = &p.config;
    assert_eq!(c.session_id, None);
    assert_eq!(c.amount, None);
    assert_eq!(c.currency, None);
    assert_eq!(c.branding.logo_url, None);
    assert_eq!(c.branding.accent_color, None);
    let m = &c.saved_methods[0];
    assert_eq!((m.id.as_ref(), m.last4.as_ref(), m.exp_month, m.exp_year), (None, None, None, None));
    assert_eq!(c.challenge.as_ref().and_then(|ch| ch.site_key.clone()), None);
    assert_eq!(c.expires_at, None);
    assert_eq!(c.customer_email, None);
    assert_eq!(c.line_items[0].quantity, 1);
    for field in [
        "session_id",
        "amount",
        "currency",
        "branding.logo_url",
        "branding.accent_color",
        "saved_methods[0].id",
        "saved_methods[0].last4",
        "saved_methods[0].exp_month",
        "saved_methods[0].exp_year",
        "challenge.site_key",
        "expires_at",
        "customer_email",
        "line_items[0].quantity",
    ] {
        assert!(warned(&p, field), "no warning for {field}");
    }
}

#[test]
fn big_integers_keep_their_digits_or_are_refused() {
    let p = parse(
        r#"{ "amount": 9007199254740993, "line_items": [
        { "description": "a", "amount": 9223372036854775807, "quantity": 2 },
        { "description": "b", "amount": 18446744073709551615 },
        { "description": "c", "amount": 1e300 },
        { "description": "d", "amount": 12.5 } ] }"#,
    );
    assert_eq!(p.config.amount, Some(9_007_199_254_740_993), "no rounding through f64");
    assert_eq!(p.config.line_items[0].total(), None, "overflow is unavailable, not wrapped");
    for i in 1..=3 {
        assert_eq!(p.config.line_items[i].amount, None);
        assert!(warned(&p, &format!("line_items[{i}].amount")));
    }
    assert_eq!(p.config.items_sum(), None);
}

#[test]
fn safe_float_integers_from_js_are_accepted() {
    // serde-wasm-bindgen may hand integers over as f64
    let v = serde_json::json!({ "amount": 4999.0, "line_items": [{ "description": "a", "amount": 1e16 }] });
    let p = parse_value(&v).expect("object");
    assert_eq!(p.config.amount, Some(4999));
    assert_eq!(p.config.line_items[0].amount, None, "beyond 2^53 has already lost digits");
}

#[test]
fn warnings_never_echo_values() {
    let p = parse(r#"{ "branding": { "logo_url": "javascript:SECRET" }, "amount": "SECRET" }"#);
    assert!(!p.warnings.is_empty());
    assert!(p.warnings.iter().all(|w| !w.to_string().contains("SECRET")));
}

#[test]
fn allowed_methods_absent_vs_listed() {
    assert!(MethodType::Ach.allowed_by(&parse("{}").config.allowed_methods));
    let only_unknown = parse(r#"{ "allowed_methods": ["crypto"] }"#).config;
    assert!(!MethodType::Card.allowed_by(&only_unknown.allowed_methods));
}

#[test]
fn expired_cards() {
    let p = parse(
        r#"{ "saved_methods": [{ "type": "card", "exp_month": 10, "exp_year": 2026 },
                                          { "type": "card", "exp_month": 11, "exp_year": 2026 }] }"#,
    );
    assert!(p.config.saved_methods[0].is_expired(2026, 11));
    assert!(!p.config.saved_methods[1].is_expired(2026, 11));
}

#[test]
fn wallet_changes_apply_locally() {
    let mut c =
        parse(r#"{ "saved_methods": [{ "id": "pm_a", "type": "card", "is_default": true }, { "id": "pm_b", "type": "ach" }] }"#).config;
    SavedMethod::make_default(&mut c.saved_methods, "pm_b");
    assert_eq!(c.saved_methods.iter().map(|m| m.is_default).collect::<Vec<_>>(), vec![false, true]);
    SavedMethod::remove(&mut c.saved_methods, "pm_a");
    assert_eq!(c.saved_methods.len(), 1);
    SavedMethod::remove(&mut c.saved_methods, "pm_missing");
    assert_eq!(c.saved_methods.len(), 1);
}
