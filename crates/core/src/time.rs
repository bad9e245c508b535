//! Dates without a clock: RFC 3339 parsing and card-expiry comparison. The current time
//! is always passed in (on wasm32 `std::time::Instant::now()` panics; the browser layer
//! reads `Date.now()`).

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        _ => 28,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn digits(s: &str, range: std::ops::Range<usize>) -> Option<i64> {
    let part = s.get(range)?;
    if part.bytes().all(|b| b.is_ascii_digit()) {
        part.parse().ok()
    } else {
        None
    }
}

/// Parses an RFC 3339 date-time (`2026-11-24T14:30:00Z`, `…T14:30:00.5+01:00`) into
/// milliseconds since the Unix epoch. Anything else is `None`.
pub fn parse_rfc3339(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if s.len() < 20 || s.len() > 64 || !s.is_ascii() {
        return None;
    }
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') || b.get(13) != Some(&b':') || b.get(16) != Some(&b':') {
        return None;
    }
    if !matches!(b.get(10), Some(b'T' | b't' | b' ')) {
        return None;
    }
    let (year, month, day) = (digits(s, 0..4)?, digits(s, 5..7)?, digits(s, 8..10)?);
    let (hour, minute, second) = (digits(s, 11..13)?, digits(s, 14..16)?, digits(s, 17..19)?);
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut rest = s.get(19..)?;
    let mut millis = 0i64;
    if let Some(frac) = rest.strip_prefix('.') {
        let n = frac.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return None;
        }
        let ms: String = frac.get(..n)?.chars().chain("000".chars()).take(3).collect();
        millis = ms.parse().ok()?;
        rest = frac.get(n..)?;
    }
    let offset_minutes = match rest {
        "Z" | "z" => 0,
        _ => {
            let sign = match rest.as_bytes().first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            if rest.len() != 6 || rest.as_bytes().get(3) != Some(&b':') {
                return None;
            }
            let (oh, om) = (digits(rest, 1..3)?, digits(rest, 4..6)?);
            if oh > 23 || om > 59 {
                return None;
            }
            sign * (oh * 60 + om)
        }
    };
    let second = second.min(59); // a leap second counts as the last second of its minute
    let days = days_from_civil(year, month, day);
    let secs = days * 86_400 + hour * 3600 + minute * 60 + second - offset_minutes * 60;
    Some(secs * 1000 + millis)
}

/// Parses an HTTP date in IMF-fixdate form (`Tue, 24 Nov 2026 02:10:00 GMT`, the form
/// servers send in `Date` and `Retry-After`) into ms since the epoch.
pub fn parse_http_date(s: &str) -> Option<i64> {
    let rest = s.trim().split_once(", ")?.1;
    let mut parts = rest.split(' ');
    let day = parts.next()?;
    let month = parts.next()?;
    let year = parts.next()?;
    let time = parts.next()?;
    if parts.next()? != "GMT" || parts.next().is_some() || day.len() != 2 || year.len() != 4 || time.len() != 8 {
        return None;
    }
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let m = MONTHS.iter().position(|&x| x == month)? + 1;
    parse_rfc3339(&format!("{year}-{m:02}-{day}T{time}Z"))
}

/// A card is usable through the last day of its expiry month.
pub fn card_expired(exp_month: u32, exp_year: u32, now_year: u32, now_month: u32) -> bool {
    (exp_year, exp_month) < (now_year, now_month)
}

/// `m:ss`, e.g. "0:27": a countdown or a cooldown as the payer reads it.
pub fn clock(seconds: u64) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rfc3339() {
        assert_eq!(parse_rfc3339("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse_rfc3339("2026-11-24T14:30:00Z"), Some(1_795_530_600_000));
        assert_eq!(parse_rfc3339("2026-11-24T15:30:00+01:00"), Some(1_795_530_600_000));
        assert_eq!(parse_rfc3339("2026-11-24t14:30:00.250z"), Some(1_795_530_600_250));
        assert_eq!(parse_rfc3339("2026-11-24T14:30:00.123456789-00:30"), Some(1_795_532_400_123));
        assert_eq!(parse_rfc3339("2024-02-29T00:00:00Z"), Some(1_709_164_800_000));
        assert_eq!(parse_rfc3339("2016-12-31T23:59:60Z"), parse_rfc3339("2016-12-31T23:59:59Z"));
    }

    #[test]
    fn rejects_non_rfc3339() {
        for bad in [
            "",
            "2026-11-24",
            "2026-11-24T14:30Z",
            "2026-11-24T14:30:00",
            "2026-13-01T00:00:00Z",
            "2025-02-29T00:00:00Z",
            "2026-11-24T24:00:00Z",
            "2026-11-24T14:30:00+0100",
            "2026-11-24T14:30:00.Z",
            "tomorrow",
            "2026-11-24T14:30:00Z ",
            "+2026-11-24T14:30:00Z",
            "2026-1１-24T14:30:00Z",
            "1795962600",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn parses_http_dates() {
        assert_eq!(parse_http_date("Tue, 24 Nov 2026 14:30:00 GMT"), Some(1_795_530_600_000));
        for bad in [
            "",
            "24 Nov 2026 14:30:00 GMT",
            "Tue, 24 Nov 2026 14:30:00 UTC",
            "Tue, 24 Foo 2026 14:30:00 GMT",
            "Tue, 4 Nov 2026 14:30:00 GMT",
        ] {
            assert_eq!(parse_http_date(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn card_expiry_month_is_still_valid() {
        assert!(!card_expired(11, 2026, 2026, 11));
        assert!(card_expired(10, 2026, 2026, 11));
        assert!(card_expired(12, 2025, 2026, 1));
        assert!(!card_expired(1, 2027, 2026, 12));
    }
}
