//! Money as integer minor units. Pure: the browser's `Intl.NumberFormat` does the
//! locale formatting (see `browser::format_money`), fed with the exact decimal string
//! made here so that no amount passes through a JS `Number` and loses digits.

/// Minor-unit exponent of an ISO 4217 currency (upper-case code). Codes not listed use 2,
/// as `Intl.NumberFormat` does.
pub fn minor_units(code: &str) -> u32 {
    match code {
        // zero-decimal
        "BIF" | "CLP" | "DJF" | "GNF" | "ISK" | "JPY" | "KMF" | "KRW" | "PYG" | "RWF" | "UGX"
        | "UYI" | "VND" | "VUV" | "XAF" | "XOF" | "XPF" => 0,
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
}
