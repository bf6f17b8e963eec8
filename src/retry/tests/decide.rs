use super::super::{
    backoff_delay, class_base, effective_status, Jitter, RetryContext, RetryDecision, RetryOptions,
    RetryPolicy, RetryReason, StatusSet,
};
use super::{exact_policy, exact_policy_with, get, headers, NOW};
use crate::kind::Kind;

use RetryReason as R;

fn decide(policy: &mut RetryPolicy, ctx: RetryContext<'_>) -> (bool, f64, RetryReason) {
    let d = policy.decide(&ctx);
    (d.retry, d.delay_ms, d.reason)
}

fn yes(delay: f64, reason: RetryReason) -> (bool, f64, RetryReason) {
    (true, delay, reason)
}

fn no(reason: RetryReason) -> (bool, f64, RetryReason) {
    (false, 0.0, reason)
}

#[test]
fn retryable_statuses_back_off_exponentially_until_the_limit() {
    let mut p = exact_policy();
    for s in [408, 425, 429, 500, 502, 503, 504] {
        assert_eq!(decide(&mut p, get(1, s)), yes(300.0, R::Status), "{s}");
        assert_eq!(decide(&mut p, get(2, s)), yes(600.0, R::Status), "{s}");
        assert_eq!(decide(&mut p, get(3, s)), no(R::Limit), "{s}");
    }
}

#[test]
fn the_backoff_is_capped() {
    let mut p = exact_policy_with(|o| {
        o.limit = 100;
        o.max_delay_ms = 1000.0;
    });
    assert_eq!(decide(&mut p, get(3, 500)), yes(1000.0, R::Status));
    assert_eq!(decide(&mut p, get(100, 500)), yes(1000.0, R::Status));
    assert_eq!(backoff_delay(1, 300.0, 10_000.0), 300.0);
    assert_eq!(backoff_delay(0, 300.0, 10_000.0), 300.0);
    assert_eq!(backoff_delay(6, 300.0, 10_000.0), 9_600.0);
    assert_eq!(backoff_delay(7, 300.0, 10_000.0), 10_000.0);
    assert_eq!(backoff_delay(u32::MAX, 300.0, 10_000.0), 10_000.0);
    assert_eq!(backoff_delay(u32::MAX, f64::MAX, f64::MAX), f64::MAX);
    assert_eq!(backoff_delay(5, 0.0, 10_000.0), 0.0);
    assert_eq!(backoff_delay(5, f64::NAN, 10_000.0), 0.0);
    assert_eq!(backoff_delay(5, -1.0, 10_000.0), 0.0);
    assert_eq!(backoff_delay(64, 1e300, f64::INFINITY), f64::MAX);
}

#[test]
fn limit_zero_never_retries() {
    let mut p = exact_policy_with(|o| o.limit = 0);
    assert_eq!(decide(&mut p, get(1, 503)), no(R::Limit));
}

#[test]
fn attempt_zero_is_treated_as_the_first() {
    let mut p = exact_policy();
    assert_eq!(decide(&mut p, get(0, 503)), yes(300.0, R::Status));
}

#[test]
fn non_retryable_statuses() {
    let mut p = exact_policy();
    for s in [
        200, 204, 301, 304, 400, 401, 403, 404, 409, 410, 422, 501, 505,
    ] {
        assert_eq!(decide(&mut p, get(1, s)), no(R::NotRetryable), "{s}");
    }
    // Not a status at all.
    for s in [0, 99, 600, 999, u16::MAX] {
        assert_eq!(decide(&mut p, get(1, s)), no(R::NotRetryable), "{s}");
    }
    // Neither status nor failure.
    assert_eq!(
        decide(&mut p, RetryContext::new(1, "GET", NOW)),
        no(R::NotRetryable)
    );
}

#[test]
fn deadline_before_and_after_the_delay() {
    let mut p = exact_policy();
    let at = |elapsed: f64, deadline: f64| {
        get(1, 503)
            .with_elapsed_ms(elapsed)
            .with_deadline_ms(deadline)
    };
    // Already at the deadline.
    assert_eq!(decide(&mut p, at(5000.0, 5000.0)), no(R::Deadline));
    assert_eq!(decide(&mut p, at(6000.0, 5000.0)), no(R::Deadline));
    // The 300 ms delay would reach it.
    assert_eq!(decide(&mut p, at(4700.0, 5000.0)), no(R::Deadline));
    assert_eq!(decide(&mut p, at(4699.0, 5000.0)), yes(300.0, R::Status));
    // Odd inputs: NaN deadline is no deadline; negative or NaN elapsed is 0.
    assert_eq!(decide(&mut p, at(0.0, f64::NAN)), yes(300.0, R::Status));
    assert_eq!(decide(&mut p, at(f64::NAN, 301.0)), yes(300.0, R::Status));
    assert_eq!(decide(&mut p, at(-1e9, 301.0)), yes(300.0, R::Status));
    assert_eq!(decide(&mut p, at(0.0, f64::NEG_INFINITY)), no(R::Deadline));
    assert_eq!(
        decide(&mut p, at(1e300, f64::INFINITY)),
        yes(300.0, R::Status)
    );
    // The limit is checked first.
    assert_eq!(
        decide(&mut p, get(3, 503).with_deadline_ms(0.0)),
        no(R::Limit)
    );
}

#[test]
fn a_server_wait_past_the_deadline_is_a_deadline() {
    let mut p = exact_policy();
    let h = headers(&[("Retry-After", "10")]);
    let d = p.decide(&get(1, 429).with_headers(&h).with_deadline_ms(5000.0));
    assert_eq!(
        (d.retry, d.reason, d.retry_after_ms),
        (false, R::Deadline, Some(10_000.0))
    );
}

#[test]
fn methods_need_to_be_idempotent_or_keyed() {
    let mut p = exact_policy();
    for m in ["GET", "get", "Head", "OPTIONS", "PUT", "delete", "TRACE"] {
        let ctx = RetryContext::new(1, m, NOW).with_status(503);
        assert_eq!(decide(&mut p, ctx), yes(300.0, R::Status), "{m}");
    }
    for m in ["POST", "PATCH", "CONNECT", "post", "", "G E T"] {
        let ctx = RetryContext::new(1, m, NOW).with_status(503);
        assert_eq!(decide(&mut p, ctx), no(R::Method), "{m}");
        let keyed = ctx.with_idempotency_key(true);
        assert_eq!(decide(&mut p, keyed), yes(300.0, R::Status), "{m}");
    }
    let mut strict = exact_policy_with(|o| o.retry_non_idempotent_with_key = false);
    let keyed = RetryContext::new(1, "POST", NOW)
        .with_status(503)
        .with_idempotency_key(true);
    assert_eq!(decide(&mut strict, keyed), no(R::Method));
    let mut custom = exact_policy_with(|o| o.methods = vec!["POST".into()]);
    let post = RetryContext::new(1, "post", NOW).with_status(503);
    assert_eq!(decide(&mut custom, post), yes(300.0, R::Status));
    assert_eq!(decide(&mut custom, get(1, 503)), no(R::Method));
}

#[test]
fn conflict_is_retryable_only_with_an_idempotency_key() {
    let mut p = exact_policy();
    let post = RetryContext::new(1, "POST", NOW).with_status(409);
    assert_eq!(
        decide(&mut p, post.with_idempotency_key(true)),
        yes(300.0, R::Status)
    );
    assert_eq!(decide(&mut p, post), no(R::Method));
    assert_eq!(decide(&mut p, get(1, 409)), no(R::NotRetryable));
    assert_eq!(
        decide(&mut p, get(1, 409).with_idempotency_key(true)),
        yes(300.0, R::Status)
    );
    let mut strict = exact_policy_with(|o| o.retry_non_idempotent_with_key = false);
    assert_eq!(
        decide(&mut strict, get(1, 409).with_idempotency_key(true)),
        no(R::NotRetryable)
    );
}

#[test]
fn failures_without_a_response() {
    let mut p = exact_policy();
    let fail = |k: Kind| RetryContext::new(1, "GET", NOW).with_failure(k);
    assert_eq!(
        decide(&mut p, fail(Kind::NetworkError)),
        yes(300.0, R::Network)
    );
    assert_eq!(decide(&mut p, fail(Kind::Timeout)), yes(300.0, R::Timeout));
    assert_eq!(decide(&mut p, fail(Kind::Aborted)), no(R::Aborted));
    assert_eq!(decide(&mut p, fail(Kind::Offline)), yes(0.0, R::Offline));
    // A failure wins over a status given alongside it.
    assert_eq!(
        decide(&mut p, fail(Kind::Aborted).with_status(503)),
        no(R::Aborted)
    );
    // Kinds that are not failures are ignored: the status decides.
    assert_eq!(decide(&mut p, fail(Kind::NotFound)), no(R::NotRetryable));
    assert_eq!(
        decide(&mut p, fail(Kind::ServiceUnavailable).with_status(503)),
        yes(300.0, R::Status)
    );
    let mut no_timeouts = exact_policy_with(|o| o.retry_on_timeout = false);
    assert_eq!(
        decide(&mut no_timeouts, fail(Kind::Timeout)),
        no(R::NotRetryable)
    );
    assert_eq!(
        decide(&mut no_timeouts, fail(Kind::NetworkError)),
        yes(300.0, R::Network)
    );
}

#[test]
fn failures_follow_the_limit_and_method_rules() {
    let mut p = exact_policy();
    let post = RetryContext::new(1, "POST", NOW);
    assert_eq!(
        decide(&mut p, post.with_failure(Kind::NetworkError)),
        no(R::Method)
    );
    assert_eq!(
        decide(&mut p, post.with_failure(Kind::Offline)),
        no(R::Method)
    );
    assert_eq!(
        decide(&mut p, post.with_failure(Kind::Aborted)),
        no(R::Method)
    );
    let third = RetryContext::new(3, "GET", NOW);
    assert_eq!(
        decide(&mut p, third.with_failure(Kind::Offline)),
        no(R::Limit)
    );
    assert_eq!(
        decide(&mut p, third.with_failure(Kind::Timeout)),
        no(R::Limit)
    );
}

#[test]
fn retry_after_is_used_as_asked_for_honoured_statuses() {
    // Full jitter: the server's wait is still used exactly.
    let mut p = exact_policy_with(|o| o.jitter = Jitter::Full);
    let h = headers(&[("Retry-After", "5")]);
    for s in [413, 429, 503] {
        let d = p.decide(&get(1, s).with_headers(&h));
        assert_eq!(
            d,
            RetryDecision {
                retry: true,
                delay_ms: 5000.0,
                reason: R::RetryAfter,
                retry_after_ms: Some(5000.0)
            },
            "{s}"
        );
    }
    // Past the backoff cap is fine (the cap is for our own backoff).
    let h = headers(&[("Retry-After", "45")]);
    assert_eq!(
        decide(&mut p, get(2, 503).with_headers(&h)),
        yes(45_000.0, R::RetryAfter)
    );
    // A past date means now.
    let h = headers(&[("Retry-After", "Sun, 06 Nov 1994 08:49:37 GMT")]);
    assert_eq!(
        decide(&mut p, get(1, 503).with_headers(&h)),
        yes(0.0, R::RetryAfter)
    );
    // An HTTP-date against the Date header.
    let h = headers(&[
        ("Date", "Sun, 06 Nov 1994 08:49:37 GMT"),
        ("Retry-After", "Sun, 06 Nov 1994 08:49:39 GMT"),
    ]);
    assert_eq!(
        decide(&mut p, get(1, 429).with_headers(&h)),
        yes(2000.0, R::RetryAfter)
    );
}

#[test]
fn ratelimit_headers_are_server_timing_too() {
    let mut p = exact_policy();
    let h = headers(&[("RateLimit", r#""default";r=0;t=30"#)]);
    assert_eq!(
        decide(&mut p, get(1, 429).with_headers(&h)),
        yes(30_000.0, R::RetryAfter)
    );
    let h = headers(&[("X-RateLimit-Reset", "1700000007")]);
    assert_eq!(
        decide(&mut p, get(1, 429).with_headers(&h)),
        yes(7_000.0, R::RetryAfter)
    );
    let h = headers(&[("X-RateLimit-Reset", "12")]);
    assert_eq!(
        decide(&mut p, get(1, 429).with_headers(&h)),
        yes(12_000.0, R::RetryAfter)
    );
}

#[test]
fn a_wait_over_the_maximum_is_not_retried_but_reported() {
    let mut p = exact_policy();
    let h = headers(&[("Retry-After", "120")]);
    let d = p.decide(&get(1, 503).with_headers(&h));
    assert_eq!(
        d,
        RetryDecision {
            retry: false,
            delay_ms: 0.0,
            reason: R::RetryAfterTooLong,
            retry_after_ms: Some(120_000.0)
        }
    );
    let h = headers(&[("Retry-After", "60")]);
    assert_eq!(
        decide(&mut p, get(1, 503).with_headers(&h)),
        yes(60_000.0, R::RetryAfter)
    );
    let h = headers(&[("Retry-After", "1000000000000")]);
    let d = p.decide(&get(1, 429).with_headers(&h));
    assert_eq!(
        (d.reason, d.retry_after_ms),
        (R::RetryAfterTooLong, Some(1e15))
    );
    let mut zero = exact_policy_with(|o| o.max_retry_after_ms = 0.0);
    let h = headers(&[("Retry-After", "1")]);
    assert_eq!(
        decide(&mut zero, get(1, 429).with_headers(&h)),
        no(R::RetryAfterTooLong)
    );
}

#[test]
fn the_wait_is_reported_when_the_limit_is_reached() {
    let mut p = exact_policy();
    let h = headers(&[("Retry-After", "30")]);
    let d = p.decide(&get(3, 429).with_headers(&h));
    assert_eq!(
        (d.retry, d.reason, d.retry_after_ms),
        (false, R::Limit, Some(30_000.0))
    );
}

#[test]
fn server_timing_is_ignored_for_other_statuses() {
    let mut p = exact_policy();
    for s in [408, 500, 502, 504] {
        let h = headers(&[("Retry-After", "3600")]);
        let d = p.decide(&get(1, s).with_headers(&h));
        assert_eq!(
            (d.retry, d.delay_ms, d.reason, d.retry_after_ms),
            (true, 300.0, R::Status, None),
            "{s}"
        );
    }
    let mut p = exact_policy_with(|o| o.after_status_codes = StatusSet::new());
    let h = headers(&[("Retry-After", "3600")]);
    assert_eq!(
        decide(&mut p, get(1, 503).with_headers(&h)),
        yes(300.0, R::Status)
    );
}

#[test]
fn junk_server_timing_falls_back_to_the_backoff() {
    let mut p = exact_policy();
    for v in [
        "soon",
        "-5",
        "",
        "Sun, 32 Nov 1994 08:49:37 GMT",
        "1e3",
        "5 seconds",
    ] {
        let h = headers(&[("Retry-After", v)]);
        let d = p.decide(&get(1, 503).with_headers(&h));
        assert_eq!(
            (d.retry, d.delay_ms, d.reason, d.retry_after_ms),
            (true, 300.0, R::Status, None),
            "{v:?}"
        );
    }
    let h = headers(&[("RateLimit", "garbage;;;=")]);
    assert_eq!(
        decide(&mut p, get(1, 429).with_headers(&h)),
        yes(300.0, R::Status)
    );
}

#[test]
fn payload_too_large_needs_a_timing_header() {
    let mut p = exact_policy();
    assert_eq!(decide(&mut p, get(1, 413)), no(R::NotRetryable));
    let junk = headers(&[("Retry-After", "later")]);
    assert_eq!(
        decide(&mut p, get(1, 413).with_headers(&junk)),
        no(R::NotRetryable)
    );
    let h = headers(&[("Retry-After", "2")]);
    assert_eq!(
        decide(&mut p, get(1, 413).with_headers(&h)),
        yes(2000.0, R::RetryAfter)
    );
    // Timing present but not honoured for 413: retried with the backoff.
    let mut p = exact_policy_with(|o| o.after_status_codes = StatusSet::from_codes(&[429]));
    assert_eq!(
        decide(&mut p, get(1, 413).with_headers(&h)),
        yes(300.0, R::Status)
    );
    // Not in the retry set at all.
    let mut p = exact_policy_with(|o| o.status_codes.remove(413));
    assert_eq!(
        decide(&mut p, get(1, 413).with_headers(&h)),
        no(R::NotRetryable)
    );
}

#[test]
fn unregistered_codes_retry_like_their_class_base() {
    let mut p = exact_policy();
    let unreg = |s: u16| get(1, s).with_status_registered(false);
    // RFC 9110 §15: an unrecognised 5xx is a 500.
    for s in [520, 522, 530, 599] {
        assert_eq!(decide(&mut p, unreg(s)), yes(300.0, R::Status), "{s}");
    }
    // ...but 500 is not in afterStatusCodes, so its timing is not used.
    let h = headers(&[("Retry-After", "9")]);
    assert_eq!(
        decide(&mut p, unreg(599).with_headers(&h)),
        yes(300.0, R::Status)
    );
    // An unrecognised 4xx is a 400: not retried.
    assert_eq!(decide(&mut p, unreg(499)), no(R::NotRetryable));
    // A registered code is judged by itself.
    assert_eq!(decide(&mut p, get(1, 501)), no(R::NotRetryable));
    // A code the app listed explicitly matches whatever the registry says.
    let mut p = exact_policy_with(|o| o.status_codes = StatusSet::from_codes(&[520]));
    assert_eq!(decide(&mut p, unreg(520)), yes(300.0, R::Status));
    assert_eq!(decide(&mut p, unreg(521)), no(R::NotRetryable));
    // If 500 is unlisted, unrecognised 5xx are not retried.
    let mut p = exact_policy_with(|o| o.status_codes.remove(500));
    assert_eq!(decide(&mut p, unreg(599)), no(R::NotRetryable));
    // With an unregistered code in the after set via its class.
    let mut p = exact_policy_with(|o| {
        o.after_status_codes.insert(500);
    });
    assert_eq!(
        decide(&mut p, unreg(599).with_headers(&h)),
        yes(9000.0, R::RetryAfter)
    );
}

#[test]
fn class_base_helpers() {
    assert_eq!(class_base(599), Some(500));
    assert_eq!(class_base(100), Some(100));
    assert_eq!(class_base(99), None);
    assert_eq!(class_base(600), None);
    assert_eq!(effective_status(522, false), 500);
    assert_eq!(effective_status(522, true), 522);
    assert_eq!(effective_status(42, false), 42);
    let set = StatusSet::from_codes(&[500]);
    assert!(set.matches(599, false));
    assert!(!set.matches(599, true));
    assert!(set.matches(500, true));
}

#[test]
fn jitter_modes_stay_in_their_ranges() {
    for (jitter, lo, hi) in [(Jitter::Full, 0.0, 1.0), (Jitter::Equal, 0.5, 1.0)] {
        let mut p = exact_policy_with(|o| {
            o.jitter = jitter;
            o.limit = 10;
        });
        let mut distinct = std::collections::HashSet::new();
        for attempt in 1..=10 {
            let d = backoff_delay(attempt, 300.0, 10_000.0);
            for _ in 0..200 {
                let (retry, delay, reason) = decide(&mut p, get(attempt, 503));
                assert!(retry && reason == R::Status);
                assert!(
                    delay >= (lo * d).floor() && delay <= hi * d,
                    "{jitter:?} {delay} {d}"
                );
                assert_eq!(delay.fract(), 0.0);
                distinct.insert(delay as u64);
            }
        }
        assert!(distinct.len() > 100, "{jitter:?} looks random");
    }
}

#[test]
fn seeds_make_jitter_reproducible() {
    let delays = |p: &mut RetryPolicy| -> Vec<f64> {
        (0..20).map(|_| p.decide(&get(2, 503)).delay_ms).collect()
    };
    let seeded = |seed| {
        let mut p = exact_policy_with(|o| {
            o.jitter = Jitter::Full;
            o.seed = Some(seed);
        });
        delays(&mut p)
    };
    assert_eq!(seeded(1), seeded(1));
    assert_ne!(seeded(1), seeded(2));
    let mut p = exact_policy_with(|o| o.jitter = Jitter::Full);
    p.set_seed(1);
    assert_eq!(delays(&mut p), seeded(1));
    // Unseeded policies mix in the first `now`, so two tabs do not jitter in lockstep.
    let unseeded = |now: f64| {
        let options = RetryOptions {
            budget: None,
            ..RetryOptions::default()
        };
        let Ok(mut p) = RetryPolicy::new(options) else {
            panic!()
        };
        (0..20)
            .map(|_| {
                p.decide(&RetryContext::new(2, "GET", now).with_status(503))
                    .delay_ms
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(unseeded(NOW), unseeded(NOW));
    assert_ne!(unseeded(NOW), unseeded(NOW + 1.0));
}

#[test]
fn decisions_carry_what_javascript_receives() {
    // src/bindings/out.rs turns these into `{ retry, delayMs, reason, retryAfterMs? }`.
    let mut p = exact_policy();
    let h = headers(&[("Retry-After", "3")]);
    let d = p.decide(&get(1, 503).with_headers(&h));
    assert_eq!(
        d,
        RetryDecision {
            retry: true,
            delay_ms: 3000.0,
            reason: RetryReason::RetryAfter,
            retry_after_ms: Some(3000.0)
        }
    );
    let d = p.decide(&get(1, 404));
    assert_eq!(
        d,
        RetryDecision {
            retry: false,
            delay_ms: 0.0,
            reason: RetryReason::NotRetryable,
            retry_after_ms: None
        }
    );
}

#[test]
fn reasons_have_stable_names() {
    let names: Vec<&str> = R::ALL.iter().map(|r| r.as_str()).collect();
    assert_eq!(
        names,
        [
            "status",
            "retry_after",
            "network",
            "timeout",
            "offline",
            "limit",
            "deadline",
            "method",
            "not_retryable",
            "aborted",
            "budget",
            "retry_after_too_long",
            "body_not_replayable"
        ]
    );
    for r in R::ALL {
        assert_eq!(R::from_name(r.as_str()), Some(r));
        assert_eq!(r.to_string(), r.as_str());
    }
    assert_eq!(R::ALL.iter().filter(|r| r.is_retry()).count(), 5);
    assert_eq!(R::from_name("nope"), None);
}

#[test]
fn a_one_shot_body_is_not_retried_and_says_why() {
    let mut p = exact_policy();
    let d = p.decide(&get(1, 503).with_replayable(false));
    assert_eq!((d.retry, d.reason), (false, RetryReason::BodyNotReplayable));
    let d = p.decide(
        &RetryContext::new(1, "PUT", NOW)
            .with_failure(crate::kind::Kind::NetworkError)
            .with_replayable(false),
    );
    assert_eq!(d.reason, RetryReason::BodyNotReplayable);
    // A request that would not be retried anyway keeps its own reason.
    assert_eq!(
        p.decide(&get(1, 404).with_replayable(false)).reason,
        RetryReason::NotRetryable
    );
    assert_eq!(
        p.decide(&get(3, 503).with_replayable(false)).reason,
        RetryReason::Limit
    );
    let post = RetryContext::new(1, "POST", NOW)
        .with_status(503)
        .with_replayable(false);
    assert_eq!(p.decide(&post).reason, RetryReason::Method);
    // The server's wait is still reported.
    let h = headers(&[("Retry-After", "7")]);
    let d = p.decide(&get(1, 503).with_headers(&h).with_replayable(false));
    assert_eq!(
        (d.reason, d.retry_after_ms),
        (RetryReason::BodyNotReplayable, Some(7000.0))
    );
    assert_eq!(
        RetryReason::from_name("body_not_replayable"),
        Some(RetryReason::BodyNotReplayable)
    );
}

#[test]
fn the_body_wait_is_used_when_no_header_gives_one() {
    let mut p = exact_policy();
    let d = p.decide(&get(1, 429).with_body_wait_ms(1500.0));
    assert_eq!(
        (d.retry, d.delay_ms, d.reason),
        (true, 1500.0, RetryReason::RetryAfter)
    );
    assert_eq!(d.retry_after_ms, Some(1500.0));
    // The header wins.
    let h = headers(&[("Retry-After", "3")]);
    let d = p.decide(&get(1, 503).with_headers(&h).with_body_wait_ms(30_000.0));
    assert_eq!((d.delay_ms, d.retry_after_ms), (3000.0, Some(3000.0)));
    // Only for the statuses whose timing is honoured; too long is refused.
    let d = p.decide(&get(1, 500).with_body_wait_ms(1500.0));
    assert_eq!((d.reason, d.retry_after_ms), (RetryReason::Status, None));
    let d = p.decide(&get(1, 429).with_body_wait_ms(3_600_000.0));
    assert_eq!((d.retry, d.reason), (false, RetryReason::RetryAfterTooLong));
    // 413 is retried with a body wait as with a header.
    assert!(p.decide(&get(1, 413).with_body_wait_ms(10.0)).retry);
    // Nonsense is ignored.
    for bad in [f64::NAN, -1.0, f64::INFINITY] {
        let d = p.decide(&get(1, 429).with_body_wait_ms(bad));
        assert_eq!(
            (d.reason, d.retry_after_ms),
            (RetryReason::Status, None),
            "{bad}"
        );
    }
}
