//! Property tests (host only): the pure rules hold for any input, not just the examples.
use crate::{card, challenge, money, validate};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Every digit of the amount survives, with exactly `exponent` fraction digits, and the
    /// string reads back as the same number (no float anywhere).
    #[test]
    fn decimal_strings_keep_every_digit(minor in any::<i64>(), exponent in 0u32..=4) {
        let s = money::decimal_string(minor, exponent);
        let negative = s.starts_with('-');
        prop_assert_eq!(negative, minor < 0);
        let unsigned = s.trim_start_matches('-');
        match unsigned.split_once('.') {
            Some((_, frac)) => prop_assert_eq!(frac.len(), exponent as usize),
            None => prop_assert_eq!(exponent, 0),
        }
        let digits: String = unsigned.chars().filter(|c| *c != '.').collect();
        let back: i128 = digits.parse().map_err(|e| TestCaseError::fail(format!("{e}")))?;
        prop_assert_eq!(if negative { -back } else { back }, i128::from(minor));
    }

    #[test]
    fn plain_money_names_the_code(minor in any::<i64>(), code in "[A-Z]{3}") {
        let s = money::plain(minor, Some(&code));
        let suffix = format!(" {}", code);
        prop_assert!(s.ends_with(&suffix));
        prop_assert!(s.starts_with(&money::decimal_string(minor, money::minor_units(&code))));
    }

    #[test]
    fn totals_never_overflow_silently(lines in proptest::collection::vec((any::<i64>(), any::<i64>()), 0..20)) {
        let totals: Vec<Option<i64>> = lines.iter().map(|(u, q)| money::line_total(*u, *q)).collect();
        // The spec, in exact arithmetic: a total exists iff every line and every running sum fits in i64.
        let fits = |v: i128| i64::try_from(v).is_ok();
        let mut running = 0i128;
        let mut expected = Some(0i128);
        for (u, q) in &lines {
            let line = i128::from(*u) * i128::from(*q);
            running = running.saturating_add(line);
            if !fits(line) || !fits(running) {
                expected = None;
            }
            expected = expected.map(|_| running);
        }
        prop_assert_eq!(money::sum(totals.iter().copied()).map(i128::from), expected);
    }

    #[test]
    fn session_ids_are_exactly_the_pattern(s in ".{0,40}|cs_[A-Za-z0-9]{1,30}") {
        let matches = s.strip_prefix("cs_").is_some_and(|r| !r.is_empty() && r.bytes().all(|b| b.is_ascii_alphanumeric()));
        prop_assert_eq!(validate::session_id(&s).is_some(), matches);
    }

    #[test]
    fn tokens_are_plain(s in ".{0,300}") {
        if let Some(t) = validate::token(&s) {
            prop_assert!(!t.is_empty() && t.len() <= 255);
            prop_assert!(t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-'));
        }
    }

    #[test]
    fn colours_round_trip(s in "#[0-9a-fA-F]{6}|.{0,10}") {
        if let Some(c) = validate::Rgb::parse(&s) {
            prop_assert_eq!(c.to_css(), s.to_ascii_lowercase());
            prop_assert_eq!(validate::Rgb::parse(&c.to_css()), Some(c));
        }
    }

    /// A URL that passes is https, printable ASCII, credential-free, and passes again unchanged.
    #[test]
    fn https_urls_are_safe_and_stable(s in "(https|HTTPS|http|javascript|data)://[ -~]{0,40}|[ -~]{0,40}") {
        if let Some(u) = validate::https_url(&s) {
            prop_assert!(u.starts_with("https://"));
            prop_assert!(u.bytes().all(|b| b.is_ascii_graphic()) && !u.contains('\\'));
            let authority = u["https://".len()..].split(['/', '?', '#']).next().unwrap_or_default();
            prop_assert!(!authority.contains('@'), "credentials in {}", u);
            prop_assert_eq!(validate::https_url(&u), Some(u.clone()));
        }
    }

    #[test]
    fn last4_and_currency_codes(s in ".{0,6}") {
        if let Some(l) = validate::last4(&s) { prop_assert!(l.len() == 4 && l.bytes().all(|b| b.is_ascii_digit())); }
        if let Some(c) = validate::currency_code(&s) { prop_assert!(c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())); }
    }

    #[test]
    fn card_rules_never_panic(s in ".{0,40}", y in 0u32..3000, m in 0u32..14) {
        let _ = card::luhn(&s);
        let _ = card::check_number(&s);
        let _ = card::check_expiry(&s, y, m);
        let formatted = card::format_expiry(&s);
        prop_assert!(formatted.chars().count() <= 11, "at most 8 digits and the separator");
        prop_assert_eq!(card::format_expiry(&formatted), formatted.clone(), "what the field shows formats as itself");
        prop_assert_eq!(card::check_expiry(&formatted, y, m), card::check_expiry(&s, y, m), "and means what was typed");
        let _ = card::group(&s, &card::brand_of(&s));
    }

    #[test]
    fn one_time_codes_are_short_digit_strings(s in ".{0,60}") {
        let c = challenge::normalize_code(&s);
        prop_assert!(c.len() <= challenge::CODE_MAX && c.bytes().all(|b| b.is_ascii_digit()));
        prop_assert_eq!(challenge::normalize_code(&c), c.clone(), "idempotent");
    }
}
