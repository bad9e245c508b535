//! Money as integer minor units. Pure: the browser's `Intl.NumberFormat` does the
//! locale formatting (see `browser::format_money`), fed with the exact decimal string
//! made here so that no amount passes through a JS `Number` and loses digits.

/// Minor-unit exponent of an ISO 4217 currency (upper-case code). Codes not listed use 2,
/// as `Intl.NumberFormat` does.
pub fn minor_units(code: &str) -> u32 {
    match code {
        // zero-decimal
        "BIF" | "CLP" | "DJF" | "GNF" | "ISK" | "JPY" | "KMF" | "KRW" | "PYG" | "RWF" | "UGX" | "UYI" | "VND" | "VUV" | "XAF" | "XOF"
        | "XPF" => 0,
        // three-decimal
        "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND" => 3,
        // four-decimal
        "CLF" | "UYW" => 4,
        _ => 2,
    }
}

/// The exact decimal string of `minor` units with `exponent` fraction digits:
/// `(4999, 2)` → `"49.99"`, `(-5, 2)` → `"-0.05"`, `(500, 0)` → `"500"`.
pub fn decimal_string(minor: i64, exponent: u32) -> String {
    let digits = minor.unsigned_abs().to_string();
    let sign = if minor < 0 { "-" } else { "" };
    let exp = exponent as usize;
    if exp == 0 {
        return format!("{sign}{digits}");
    }
    let padded = format!("{digits:0>width$}", width = exp + 1);
    match padded.split_at_checked(padded.len().saturating_sub(exp)) {
        Some((int, frac)) => format!("{sign}{int}.{frac}"),
        None => format!("{sign}{digits}"), // unreachable: `padded` is ASCII and longer than `exp`
    }
}

/// The text shown when `Intl` cannot format a code: `"49.99 XTS"`.
pub fn plain(minor: i64, currency: Option<&str>) -> String {
    match currency {
        Some(code) => format!("{} {code}", decimal_string(minor, minor_units(code))),
        None => decimal_string(minor, 2),
    }
}

/// `unit × quantity`, or `None` when it does not fit: shown as "amount unavailable".
/// For a right-to-left page: each run of symbol characters holding a Latin letter ("US$",
/// "KWD") is wrapped in a left-to-right isolate (U+2066 … U+2069), so the bidi algorithm
/// cannot split it (an RTL paragraph otherwise shows "US$" as "$US"). Arabic symbols, digits
/// and spaces are left as `Intl` wrote them.
pub fn isolate_latin_symbols(formatted: &str) -> String {
    let mut out = String::with_capacity(formatted.len() + 8);
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.chars().any(|c| c.is_ascii_alphabetic()) {
            out.push('\u{2066}');
            out.push_str(run);
            out.push('\u{2069}');
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in formatted.chars() {
        if c.is_whitespace()
            || c.is_numeric()
            || matches!(c, '.' | ',' | '٫' | '٬' | '\u{200f}' | '\u{200e}' | '\u{61c}' | '-' | '\u{2212}')
        {
            flush(&mut run, &mut out);
            out.push(c);
        } else {
            run.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

pub fn line_total(unit: i64, quantity: i64) -> Option<i64> {
    unit.checked_mul(quantity)
}

/// Sum of line totals; `None` when any line is unavailable or the sum overflows.
pub fn sum(lines: impl IntoIterator<Item = Option<i64>>) -> Option<i64> {
    lines.into_iter().try_fold(0i64, |acc, line| acc.checked_add(line?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exponents() {
        assert_eq!(minor_units("JPY"), 0);
        assert_eq!(minor_units("USD"), 2);
        assert_eq!(minor_units("KWD"), 3);
        assert_eq!(minor_units("XTS"), 2);
    }

    #[test]
    fn decimals() {
        assert_eq!(decimal_string(4999, 2), "49.99");
        assert_eq!(decimal_string(5, 2), "0.05");
        assert_eq!(decimal_string(-5, 2), "-0.05");
        assert_eq!(decimal_string(0, 2), "0.00");
        assert_eq!(decimal_string(1234, 0), "1234");
        assert_eq!(decimal_string(1234, 3), "1.234");
        assert_eq!(decimal_string(12, 3), "0.012");
        assert_eq!(decimal_string(i64::MAX, 2), "92233720368547758.07");
        assert_eq!(decimal_string(i64::MIN, 2), "-92233720368547758.08");
        // beyond 2^53: every digit kept
        assert_eq!(decimal_string(9_007_199_254_740_993, 2), "90071992547409.93");
    }

    #[test]
    fn plain_text() {
        assert_eq!(plain(4999, Some("USD")), "49.99 USD");
        assert_eq!(plain(500, Some("JPY")), "500 JPY");
        assert_eq!(plain(1500, Some("KWD")), "1.500 KWD");
        assert_eq!(plain(1500, None), "15.00");
    }

    #[test]
    fn totals_never_overflow() {
        assert_eq!(line_total(1999, 3), Some(5997));
        assert_eq!(line_total(i64::MAX, 2), None);
        assert_eq!(line_total(i64::MIN, -1), None);
        assert_eq!(sum([Some(1), Some(2)]), Some(3));
        assert_eq!(sum([Some(i64::MAX), Some(1)]), None);
        assert_eq!(sum([Some(1), None]), None);
        assert_eq!(sum(std::iter::empty()), Some(0));
    }

    #[test]
    fn latin_currency_symbols_are_isolated_for_right_to_left_pages() {
        assert_eq!(isolate_latin_symbols("\u{200f}49.99 US$"), "\u{200f}49.99 \u{2066}US$\u{2069}");
        assert_eq!(isolate_latin_symbols("\u{200f}١٫٥٠٠ KWD"), "\u{200f}١٫٥٠٠ \u{2066}KWD\u{2069}");
        assert_eq!(isolate_latin_symbols("\u{200f}49.99 ر.س.\u{200f}"), "\u{200f}49.99 ر.س.\u{200f}", "an Arabic symbol stays as written");
        assert_eq!(isolate_latin_symbols("-$5.00"), "-$5.00", "no Latin letter, nothing to isolate");
        assert_eq!(isolate_latin_symbols(""), "");
    }
}
