//! The expiry countdown: how long is left by the server's clock, when to show it, and
//! which moments to announce. Pure: times are passed in.

/// The countdown appears when less than this is left.
pub const SHOW_WITHIN_MS: i64 = 10 * 60 * 1000;
/// Announced to screen readers when crossed (ms left), largest first.
pub const MILESTONES_MS: &[i64] = &[5 * 60_000, 2 * 60_000, 60_000, 30_000, 10_000];

/// Server time minus client time, from a response's `Date` header (second resolution)
/// and the client clock when the response arrived.
pub fn skew_ms(server_date_ms: Option<i64>, client_now_ms: i64) -> i64 {
    server_date_ms.map_or(0, |server| server - client_now_ms)
}

/// Milliseconds left before `expires_at`, judged by the server's clock; never negative.
pub fn remaining_ms(expires_at_ms: i64, client_now_ms: i64, skew_ms: i64) -> i64 {
    expires_at_ms.saturating_sub(client_now_ms.saturating_add(skew_ms)).max(0)
}

/// What the view counts with: [`remaining_ms`] rounded up to whole seconds, so the view
/// changes once a second at most and reaches 0 only when no time is left.
pub fn whole_seconds_left_ms(expires_at_ms: i64, client_now_ms: i64, skew_ms: i64) -> i64 {
    (remaining_ms(expires_at_ms, client_now_ms, skew_ms) + 999) / 1000 * 1000
}

/// The status the payer sees: an active session whose time has run out (`left_ms`, from
/// [`whole_seconds_left_ms`]) is expired, without waiting for the server to say so.
pub fn status_seen(status: crate::model::Status, left_ms: Option<i64>) -> crate::model::Status {
    match status {
        crate::model::Status::Active if left_ms == Some(0) => crate::model::Status::Expired,
        s => s,
    }
}

/// Whether the countdown should be visible.
pub fn visible(remaining_ms: i64) -> bool {
    remaining_ms < SHOW_WITHIN_MS
}

/// `m:ss`, rounding up so "0:00" appears only at the end.
pub fn format_remaining(remaining_ms: i64) -> String {
    crate::time::clock(((remaining_ms.max(0) + 999) / 1000).unsigned_abs())
}

/// The milestone crossed going from `before` to `after` ms left, if any (the smallest one
/// crossed, so a long pause announces only the latest).
pub fn milestone_crossed(before_ms: i64, after_ms: i64) -> Option<i64> {
    MILESTONES_MS.iter().copied().filter(|&m| before_ms > m && after_ms <= m).min()
}

/// A milestone as a count of one unit, for `Intl` to put into words: (5, "minute"),
/// (30, "second").
pub fn milestone_amount(ms: i64) -> (i64, &'static str) {
    if ms >= 60_000 {
        (ms / 60_000, "minute")
    } else {
        (ms / 1000, "second")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clock_expires_an_active_session_only_when_no_whole_second_is_left() {
        use crate::model::Status;
        assert_eq!(whole_seconds_left_ms(10_000, 9_001, 0), 1_000, "999 ms left still shows a second");
        assert_eq!(whole_seconds_left_ms(10_000, 9_000, 500), 1_000, "by the server's clock");
        assert_eq!(whole_seconds_left_ms(10_000, 10_000, 0), 0);
        assert_eq!(status_seen(Status::Active, Some(0)), Status::Expired);
        assert_eq!(status_seen(Status::Active, Some(1_000)), Status::Active);
        assert_eq!(status_seen(Status::Active, None), Status::Active);
        assert_eq!(status_seen(Status::Completed, Some(0)), Status::Completed, "paid stays paid");
    }

    #[test]
    fn remaining_uses_the_server_clock() {
        // client clock 2 minutes behind the server
        let skew = skew_ms(Some(1_000_000 + 120_000), 1_000_000);
        assert_eq!(skew, 120_000);
        assert_eq!(remaining_ms(1_000_000 + 300_000, 1_000_000, skew), 180_000);
        assert_eq!(remaining_ms(1_000_000, 1_000_000, skew), 0, "never negative");
        assert_eq!(skew_ms(None, 5), 0);
        assert_eq!(remaining_ms(i64::MAX, i64::MAX, i64::MAX), 0, "no overflow");
    }

    #[test]
    fn shown_in_the_last_ten_minutes_formatted_mm_ss() {
        assert!(!visible(SHOW_WITHIN_MS));
        assert!(visible(SHOW_WITHIN_MS - 1));
        assert_eq!(format_remaining(599_001), "10:00");
        assert_eq!(format_remaining(61_000), "1:01");
        assert_eq!(format_remaining(1), "0:01");
        assert_eq!(format_remaining(0), "0:00");
    }

    #[test]
    fn milestones_are_announced_once_not_every_tick() {
        assert_eq!(milestone_crossed(300_500, 299_500), Some(300_000));
        assert_eq!(milestone_crossed(299_500, 298_500), None);
        assert_eq!(milestone_crossed(130_000, 50_000), Some(60_000), "only the latest of several");
        assert_eq!(milestone_crossed(10_001, 0), Some(10_000));
        assert_eq!(milestone_amount(300_000), (5, "minute"));
        assert_eq!(milestone_amount(60_000), (1, "minute"));
        assert_eq!(milestone_amount(30_000), (30, "second"));
    }
}
