//! When to retry a failed config load, and how long to wait. Pure: jitter is passed in.

/// Attempts in all (the first plus retries) before the payer is shown "try again".
pub const MAX_ATTEMPTS: u32 = 4;
const BASE_MS: f64 = 500.0;
const CAP_MS: f64 = 8_000.0;
/// The longest `Retry-After` honoured; a larger one ends the retries.
pub const MAX_RETRY_AFTER_MS: u32 = 30_000;

/// What a load attempt ended with, as far as retrying is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// No response: offline, DNS, connection reset, CORS.
    Network,
    /// Our own timeout aborted the request.
    Timeout,
    /// An HTTP status other than 2xx, with `Retry-After` in ms when given.
    Status(u16, Option<u32>),
}

impl Failure {
    /// Network errors, timeouts, 5xx and 429 are worth another try; 4xx are answers.
    pub fn is_transient(self) -> bool {
        match self {
            Failure::Network | Failure::Timeout => true,
            Failure::Status(s, _) => s == 429 || (500..=599).contains(&s),
        }
    }
}

/// The wait before attempt `attempt + 1` (attempt counts from 1), or `None` to stop.
/// Exponential backoff with equal jitter (half of each wait fixed, half random: `jitter` in
/// 0..1), at least `Retry-After`. Equal rather than full jitter: a retry never comes at once.
pub fn next_delay_ms(attempt: u32, failure: Failure, jitter: f64) -> Option<u32> {
    if attempt >= MAX_ATTEMPTS || !failure.is_transient() {
        return None;
    }
    let exp = (BASE_MS * 2f64.powi(attempt.saturating_sub(1).min(16) as i32)).min(CAP_MS);
    let backoff = (exp / 2.0 + exp / 2.0 * jitter.clamp(0.0, 1.0)) as u32;
    match failure {
        Failure::Status(_, Some(after)) if after > MAX_RETRY_AFTER_MS => None,
        Failure::Status(_, Some(after)) => Some(backoff.max(after)),
        _ => Some(backoff),
    }
}

/// `Retry-After` as delay-seconds (`"120"`) or an HTTP date, in ms from `now_ms`.
pub fn parse_retry_after(value: &str, now_ms: i64) -> Option<u32> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u32>() {
        return Some(secs.saturating_mul(1000));
    }
    let at = crate::time::parse_http_date(value)?;
    Some(u32::try_from((at - now_ms).max(0)).unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_transient_failures_retry() {
        assert!(Failure::Network.is_transient());
        assert!(Failure::Timeout.is_transient());
        for s in [429, 500, 502, 503, 504] {
            assert!(Failure::Status(s, None).is_transient(), "{s}");
        }
        for s in [400, 401, 403, 404, 410, 422] {
            assert!(!Failure::Status(s, None).is_transient(), "{s}");
            assert_eq!(next_delay_ms(1, Failure::Status(s, None), 0.5), None);
        }
    }

    #[test]
    fn backoff_grows_is_jittered_and_bounded() {
        assert_eq!(next_delay_ms(1, Failure::Network, 0.0), Some(250));
        assert_eq!(next_delay_ms(1, Failure::Network, 1.0), Some(500));
        assert_eq!(next_delay_ms(2, Failure::Network, 1.0), Some(1000));
        assert_eq!(next_delay_ms(3, Failure::Timeout, 1.0), Some(2000));
        assert_eq!(next_delay_ms(MAX_ATTEMPTS, Failure::Network, 0.5), None, "bounded in count");
        for a in 1..MAX_ATTEMPTS {
            let d = next_delay_ms(a, Failure::Network, 1.0).unwrap_or(0);
            assert!(d as f64 <= CAP_MS);
        }
    }

    #[test]
    fn retry_after_is_honoured() {
        assert_eq!(next_delay_ms(1, Failure::Status(429, Some(3000)), 0.0), Some(3000));
        assert_eq!(next_delay_ms(1, Failure::Status(503, Some(10)), 1.0), Some(500));
        assert_eq!(next_delay_ms(1, Failure::Status(429, Some(120_000)), 0.5), None, "too long: ask the payer");
        assert_eq!(parse_retry_after("2", 0), Some(2000));
        let now = crate::time::parse_http_date("Tue, 24 Nov 2026 02:10:00 GMT").unwrap_or(0);
        assert_eq!(parse_retry_after("Tue, 24 Nov 2026 02:10:05 GMT", now), Some(5000));
        assert_eq!(parse_retry_after("Tue, 24 Nov 2026 02:09:00 GMT", now), Some(0));
        assert_eq!(parse_retry_after("soon", now), None);
    }
}
