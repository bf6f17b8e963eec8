use super::super::{
    parse_ratelimit_field, parse_reset, parse_retry_after, server_wait, ServerWait, WaitSource,
};
use super::{headers, NOW};

fn retry_after(v: &str) -> Option<f64> {
    parse_retry_after(v, || NOW, NOW)
}

fn wait(pairs: &[(&str, &str)], now: f64) -> Option<ServerWait> {
    server_wait(&headers(pairs), now)
}

fn wait_ms(pairs: &[(&str, &str)]) -> Option<(f64, WaitSource)> {
    wait(pairs, NOW).map(|w| (w.ms, w.source))
}

#[test]
fn retry_after_delta_seconds() {
    assert_eq!(retry_after("120"), Some(120_000.0));
    assert_eq!(retry_after(" 5 "), Some(5_000.0));
    assert_eq!(retry_after("0"), Some(0.0));
    assert_eq!(retry_after("007"), Some(7_000.0));
    assert_eq!(retry_after("1.5"), Some(1_500.0));
    assert_eq!(retry_after("0.0004"), Some(0.0));
    // 10^12 seconds: a finite, huge wait (over any maxRetryAfterMs).
    assert_eq!(retry_after("1000000000000"), Some(1e15));
    // Beyond u64: saturates.
    assert_eq!(retry_after(&"9".repeat(400)), Some(u64::MAX as f64));
    // Fields joined by fetch's Headers.
    assert_eq!(retry_after("120, 120"), Some(120_000.0));
}

#[test]
fn retry_after_junk_is_none() {
    for v in [
        "", " ", "-1", "+5", "1e3", "5s", "1.", ".5", "1.2.3", "five", "NaN", "Infinity", "0x10",
        "1 2", "١٢", "\u{0}",
    ] {
        assert_eq!(retry_after(v), None, "{v:?}");
    }
}

#[test]
fn retry_after_http_date_against_now_when_no_date_header() {
    // 2023-11-14T22:13:50Z is 30 s after NOW.
    let future = "Tue, 14 Nov 2023 22:13:50 GMT";
    assert_eq!(retry_after(future), Some(30_000.0));
    assert_eq!(
        wait_ms(&[("Retry-After", future)]),
        Some((30_000.0, WaitSource::RetryAfter))
    );
    // Past dates mean "now".
    assert_eq!(retry_after("Sun, 06 Nov 1994 08:49:37 GMT"), Some(0.0));
    // The other two forms work too.
    assert_eq!(
        retry_after("Tuesday, 14-Nov-23 22:13:50 GMT"),
        Some(30_000.0)
    );
    assert_eq!(retry_after("Tue Nov 14 22:13:50 2023"), Some(30_000.0));
}

#[test]
fn retry_after_http_date_is_measured_against_the_date_header() {
    // The server's clock is in 1994; ours is in 2023: the wait is what the server meant.
    let h = [
        ("Date", "Sun, 06 Nov 1994 08:49:37 GMT"),
        ("Retry-After", "Sun, 06 Nov 1994 08:50:07 GMT"),
    ];
    assert_eq!(wait_ms(&h), Some((30_000.0, WaitSource::RetryAfter)));
    // Any Date form.
    let h = [
        ("Date", "Sunday, 06-Nov-94 08:49:37 GMT"),
        ("Retry-After", "Sun Nov  6 08:49:47 1994"),
    ];
    assert_eq!(wait_ms(&h), Some((10_000.0, WaitSource::RetryAfter)));
    // An invalid Date header is ignored: measured against now.
    let h = [
        ("Date", "not a date"),
        ("Retry-After", "Tue, 14 Nov 2023 22:13:50 GMT"),
    ];
    assert_eq!(wait_ms(&h), Some((30_000.0, WaitSource::RetryAfter)));
    // Delta-seconds never look at Date.
    let h = [
        ("Date", "Sun, 06 Nov 1994 08:49:37 GMT"),
        ("Retry-After", "4"),
    ];
    assert_eq!(wait_ms(&h), Some((4_000.0, WaitSource::RetryAfter)));
}

#[test]
fn ratelimit_field_current_draft_list_form() {
    assert_eq!(
        parse_ratelimit_field(r#""default";r=0;t=30"#),
        Some(30_000.0)
    );
    assert_eq!(parse_ratelimit_field(r#""default";r=5;t=30"#), None);
    assert_eq!(parse_ratelimit_field(r#""default";r=0"#), None);
    // Several policies: the largest t among the exhausted ones.
    let v = r#""burst";r=5;t=1, "hourly";r=0;t=30, "daily";r=0;t=600"#;
    assert_eq!(parse_ratelimit_field(v), Some(600_000.0));
    let v = r#""burst";r=0;t=2, "daily";r=1000;t=86400"#;
    assert_eq!(parse_ratelimit_field(v), Some(2_000.0));
    // Token names, extra whitespace, parameter order, a partition key, unknown parameters.
    assert_eq!(parse_ratelimit_field("default;t=7;r=0"), Some(7_000.0));
    assert_eq!(
        parse_ratelimit_field(r#" "p" ; r=0 ; t=9 ; pk=:cHsdsRa894==: ; x="y" "#),
        Some(9_000.0)
    );
    // Separators inside a quoted name do not split.
    assert_eq!(
        parse_ratelimit_field(r#""a,b;c\"d";r=0;t=3"#),
        Some(3_000.0)
    );
}

#[test]
fn ratelimit_field_older_dictionary_form() {
    assert_eq!(
        parse_ratelimit_field("limit=100, remaining=0, reset=30"),
        Some(30_000.0)
    );
    assert_eq!(
        parse_ratelimit_field("limit=100, remaining=4, reset=30"),
        None
    );
    assert_eq!(parse_ratelimit_field("limit=100, reset=30"), None);
}

#[test]
fn ratelimit_field_junk_is_none() {
    for v in [
        "",
        ",,,",
        "\"",
        "r=0;t=",
        "\"x\";r=0;t=-5",
        "\"x\";r=-0;t=5",
        "\"x\";r;t",
        "💥",
    ] {
        assert_eq!(parse_ratelimit_field(v), None, "{v:?}");
    }
}

#[test]
fn ratelimit_field_several_lines_take_the_largest() {
    let h = [
        ("RateLimit", r#""a";r=0;t=5"#),
        ("ratelimit", r#""b";r=0;t=8"#),
        ("RateLimit", "junk"),
    ];
    assert_eq!(wait_ms(&h), Some((8_000.0, WaitSource::RateLimit)));
}

#[test]
fn reset_headers_delta_seconds() {
    assert_eq!(parse_reset("30", || NOW, NOW), Some(30_000.0));
    assert_eq!(parse_reset("0", || NOW, NOW), Some(0.0));
    assert_eq!(parse_reset("99999999", || NOW, NOW), Some(99_999_999_000.0));
    // 2001: clearly a timestamp, and in the past.
    assert_eq!(parse_reset("999999999", || NOW, NOW), Some(0.0));
    for name in ["RateLimit-Reset", "X-RateLimit-Reset", "X-Rate-Limit-Reset"] {
        assert_eq!(
            wait_ms(&[(name, "12")]),
            Some((12_000.0, WaitSource::RateLimitReset)),
            "{name}"
        );
    }
}

#[test]
fn reset_headers_epoch_seconds_and_milliseconds() {
    // NOW is 1_700_000_000 s.
    assert_eq!(parse_reset("1700000045", || NOW, NOW), Some(45_000.0));
    assert_eq!(parse_reset("1700000045.5", || NOW, NOW), Some(45_500.0));
    assert_eq!(parse_reset("1699999000", || NOW, NOW), Some(0.0));
    assert_eq!(parse_reset("1700000002500", || NOW, NOW), Some(2_500.0));
    assert_eq!(
        parse_reset("Tue, 14 Nov 2023 22:13:50 GMT", || NOW, NOW),
        Some(30_000.0)
    );
    // Against the Date header when present.
    let h = [
        ("Date", "Sun, 06 Nov 1994 08:49:37 GMT"),
        ("X-RateLimit-Reset", "784111797"),
    ];
    assert_eq!(wait_ms(&h), Some((20_000.0, WaitSource::RateLimitReset)));
}

#[test]
fn reset_headers_are_skipped_while_quota_remains() {
    let h = [("X-RateLimit-Remaining", "12"), ("X-RateLimit-Reset", "60")];
    assert_eq!(wait_ms(&h), None);
    let h = [("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "60")];
    assert_eq!(wait_ms(&h), Some((60_000.0, WaitSource::RateLimitReset)));
    // A family with quota left does not hide another family.
    let h = [
        ("RateLimit-Remaining", "3"),
        ("RateLimit-Reset", "60"),
        ("X-Rate-Limit-Reset", "9"),
    ];
    assert_eq!(wait_ms(&h), Some((9_000.0, WaitSource::RateLimitReset)));
    // A junk remaining count does not block.
    let h = [
        ("X-RateLimit-Remaining", "lots"),
        ("X-RateLimit-Reset", "5"),
    ];
    assert_eq!(wait_ms(&h), Some((5_000.0, WaitSource::RateLimitReset)));
}

#[test]
fn precedence_retry_after_then_ratelimit_then_reset() {
    let all = [
        ("X-RateLimit-Reset", "3"),
        ("RateLimit", r#""d";r=0;t=2"#),
        ("Retry-After", "1"),
    ];
    assert_eq!(wait_ms(&all), Some((1_000.0, WaitSource::RetryAfter)));
    assert_eq!(wait_ms(&all[..2]), Some((2_000.0, WaitSource::RateLimit)));
    // A malformed Retry-After is skipped, not fatal.
    let h = [("Retry-After", "soon"), ("RateLimit", r#""d";r=0;t=2"#)];
    assert_eq!(wait_ms(&h), Some((2_000.0, WaitSource::RateLimit)));
    // A RateLimit field without an exhausted policy falls through to the reset headers.
    let h = [("RateLimit", r#""d";r=9;t=2"#), ("RateLimit-Reset", "4")];
    assert_eq!(wait_ms(&h), Some((4_000.0, WaitSource::RateLimitReset)));
    assert_eq!(wait_ms(&[("Content-Type", "text/plain")]), None);
    assert_eq!(wait_ms(&[]), None);
}
