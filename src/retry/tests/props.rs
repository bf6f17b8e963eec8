use proptest::prelude::*;
use serde_json::Value;

use super::super::http_date::civil_from_days;
use super::super::{
    parse_http_date, parse_ratelimit_field, parse_reset, parse_retry_after, server_wait,
    HeaderView, Headers, Jitter, RetryContext, RetryOptions, RetryPolicy,
};
use super::NOW;
use crate::kind::Kind;

const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn pick<'a>(list: &[&'a str], i: i64) -> &'a str {
    list.get(usize::try_from(i).unwrap_or(0))
        .copied()
        .unwrap_or("")
}

/// Formats epoch seconds in the three HTTP-date forms (test-only formatter).
fn forms(secs: i64) -> [String; 3] {
    let days = secs.div_euclid(86_400);
    let tod = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let (h, mi, s) = (tod / 3600, tod / 60 % 60, tod % 60);
    let wd = pick(&DAYS, days.rem_euclid(7));
    let mon = pick(&MONTHS, i64::from(m) - 1);
    let long = match wd {
        "Mon" => "Monday",
        "Tue" => "Tuesday",
        "Wed" => "Wednesday",
        "Thu" => "Thursday",
        "Fri" => "Friday",
        "Sat" => "Saturday",
        _ => "Sunday",
    };
    [
        format!("{wd}, {d:02} {mon} {y:04} {h:02}:{mi:02}:{s:02} GMT"),
        format!(
            "{long}, {d:02}-{mon}-{:02} {h:02}:{mi:02}:{s:02} GMT",
            y % 100
        ),
        format!("{wd} {mon} {d:>2} {h:02}:{mi:02}:{s:02} {y:04}"),
    ]
}

fn header_value() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[0-9]{1,3}",
        1 => any::<String>(),
        1 => "[0-9]{0,25}(\\.[0-9]{0,5})?",
        1 => "-?[0-9]{1,4}",
        1 => (0i64..4_102_444_800).prop_map(|s| forms(s)[0].clone()),
        1 => (0i64..4_102_444_800).prop_map(|s| forms(s)[2].clone()),
        1 => "(\"[a-z]{1,5}\"|[a-z]{1,5})(;[rt]=[0-9]{1,12}){0,3}(, \"[a-z]\";r=[0-9];t=[0-9]{1,4}){0,2}",
        1 => "[ ,;=\"a-z0-9:\\\\]{0,30}",
    ]
}

fn header_name() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => Just("Retry-After".to_owned()),
        1 => Just("Date".to_owned()),
        1 => Just("RateLimit".to_owned()),
        1 => Just("RateLimit-Reset".to_owned()),
        1 => Just("X-RateLimit-Reset".to_owned()),
        1 => Just("X-RateLimit-Remaining".to_owned()),
        1 => Just("X-Rate-Limit-Reset".to_owned()),
        1 => any::<String>(),
    ]
}

fn headers_strategy() -> impl Strategy<Value = Headers> {
    prop_oneof![
        2 => prop::collection::vec((header_name(), header_value()), 0..6)
            .prop_map(Headers::from_pairs),
        1 => (0u32..150).prop_map(|s| Headers::from_pairs([("Retry-After", s.to_string())])),
    ]
}

fn kind_strategy() -> impl Strategy<Value = Option<Kind>> {
    const FAILURES: [Kind; 4] = [
        Kind::NetworkError,
        Kind::Timeout,
        Kind::Offline,
        Kind::Aborted,
    ];
    prop::option::weighted(
        0.3,
        prop_oneof![
            3 => prop::sample::select(&FAILURES[..]),
            1 => prop::sample::select(Kind::ALL),
        ],
    )
}

fn method_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(&["GET", "get", "HEAD", "PUT", "DELETE", "POST", "PATCH", "post"][..])
            .prop_map(str::to_owned),
        1 => "[A-Za-z ]{0,8}",
    ]
}

fn finite_or_odd() -> impl Strategy<Value = f64> {
    prop_oneof![
        8 => -1000.0f64..200_000.0,
        1 => prop::sample::select(&[f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 0.0, 1e300][..]),
    ]
}

fn options_strategy() -> impl Strategy<Value = RetryOptions> {
    (
        0u32..=10,
        prop::sample::select(&[Jitter::Full, Jitter::Equal, Jitter::None][..]),
        0.0f64..2000.0,
        0.0f64..20_000.0,
        0.0f64..120_000.0,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<u64>(),
        prop::collection::vec(100u16..600, 0..12),
    )
        .prop_map(
            |(limit, jitter, base, max, max_after, timeout, keyed, budget, seed, extra)| {
                let mut o = RetryOptions {
                    limit,
                    jitter,
                    base_delay_ms: base,
                    max_delay_ms: max,
                    max_retry_after_ms: max_after,
                    retry_on_timeout: timeout,
                    retry_non_idempotent_with_key: keyed,
                    seed: Some(seed),
                    ..RetryOptions::default()
                };
                if !budget {
                    o.budget = None;
                }
                for code in &extra[..extra.len() / 2] {
                    o.status_codes.insert(*code);
                }
                for code in &extra[extra.len() / 2..] {
                    o.after_status_codes.insert(*code);
                }
                o
            },
        )
}

#[derive(Debug, Clone)]
struct Input {
    attempt: u32,
    method: String,
    status: Option<u16>,
    registered: bool,
    headers: Option<Headers>,
    failure: Option<Kind>,
    key: bool,
    elapsed: Option<f64>,
    deadline: Option<f64>,
    now: f64,
}

fn input_strategy() -> impl Strategy<Value = Input> {
    (
        prop_oneof![9 => 1u32..5, 1 => any::<u32>()],
        method_strategy(),
        prop::option::weighted(
            0.9,
            prop_oneof![
                4 => prop::sample::select(&[413, 429, 503][..]),
                4 => prop::sample::select(&[200, 404, 408, 409, 425, 500, 502, 504, 520, 599][..]),
                1 => any::<u16>(),
            ],
        ),
        any::<bool>(),
        prop::option::weighted(0.8, headers_strategy()),
        kind_strategy(),
        any::<bool>(),
        prop::option::weighted(0.3, finite_or_odd()),
        prop::option::weighted(0.3, finite_or_odd()),
        prop_oneof![4 => Just(NOW), 1 => finite_or_odd()],
    )
        .prop_map(
            |(
                attempt,
                method,
                status,
                registered,
                headers,
                failure,
                key,
                elapsed,
                deadline,
                now,
            )| {
                Input {
                    attempt,
                    method,
                    status,
                    registered,
                    headers,
                    failure,
                    key,
                    elapsed,
                    deadline,
                    now,
                }
            },
        )
}

fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        any::<i64>().prop_map(|i| Value::Number(i.into())),
        prop::sample::select(&["full", "equal", "none", "GET", "x"][..])
            .prop_map(|s| Value::String(s.into())),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop_oneof![
                        prop::sample::select(&super::super::OPTION_KEYS[..])
                            .prop_map(str::to_owned),
                        Just("maxTokens".to_owned()),
                        Just("tokenRatio".to_owned()),
                        any::<String>(),
                    ],
                    inner
                ),
                0..6
            )
            .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn decisions_respect_every_invariant(options in options_strategy(), input in input_strategy()) {
        let Ok(mut policy) = RetryPolicy::new(options.clone()) else {
            return Err(TestCaseError::fail("generated options must be valid"));
        };
        let mut ctx = RetryContext::new(input.attempt, &input.method, input.now)
            .with_status_registered(input.registered)
            .with_idempotency_key(input.key);
        ctx.status = input.status;
        ctx.headers = input.headers.as_ref().map(HeaderView::from);
        ctx.failure = input.failure;
        ctx.elapsed_ms = input.elapsed;
        ctx.deadline_ms = input.deadline;
        let d = policy.decide(&ctx);

        prop_assert_eq!(d.retry, d.reason.is_retry());
        prop_assert!(d.delay_ms.is_finite() && d.delay_ms >= 0.0);
        if let Some(w) = d.retry_after_ms {
            prop_assert!(w.is_finite() && w >= 0.0);
        }
        if !d.retry {
            prop_assert_eq!(d.delay_ms, 0.0);
            return Ok(());
        }
        // Within the delay bounds: our backoff is capped; a server's wait is used exactly.
        if d.reason == super::super::RetryReason::RetryAfter {
            prop_assert_eq!(Some(d.delay_ms), d.retry_after_ms);
            prop_assert!(d.delay_ms <= options.max_retry_after_ms);
        } else {
            prop_assert!(d.delay_ms <= options.max_delay_ms);
        }
        // Never beyond the limit.
        prop_assert!(input.attempt <= options.limit);
        // Never past the deadline.
        if let Some(deadline) = input.deadline.filter(|d| !d.is_nan()) {
            let elapsed = input.elapsed.filter(|e| *e > 0.0).unwrap_or(0.0);
            prop_assert!(elapsed + d.delay_ms < deadline);
        }
        // Never a non-idempotent method without a key.
        if !options.is_retryable_method(&input.method) {
            prop_assert!(input.key && options.retry_non_idempotent_with_key);
        }
        // Never after an abort.
        prop_assert_ne!(input.failure, Some(Kind::Aborted));
        if input.failure == Some(Kind::Timeout) {
            prop_assert!(options.retry_on_timeout);
        }
    }

    #[test]
    fn http_dates_round_trip(secs in -2_208_988_800i64..253_402_300_800) {
        let [imf, rfc850, asctime] = forms(secs);
        prop_assert_eq!(parse_http_date(&imf, NOW), Some(secs), "{}", imf);
        prop_assert_eq!(parse_http_date(&asctime, NOW), Some(secs), "{}", asctime);
        // RFC 850 years are two digits: right within 50 years of now (NOW is 2023).
        if (1974 * 365..2073 * 365).contains(&((secs / 86_400) + 1970 * 365)) {
            prop_assert_eq!(parse_http_date(&rfc850, NOW), Some(secs), "{}", rfc850);
        }
    }

    #[test]
    fn parsers_never_panic(s in any::<String>(), now in any::<f64>()) {
        let _ = parse_http_date(&s, now);
        if let Some(ms) = parse_retry_after(&s, || now, now) {
            prop_assert!(ms >= 0.0 && !ms.is_nan());
        }
        if let Some(ms) = parse_ratelimit_field(&s) {
            prop_assert!(ms.is_finite() && ms >= 0.0);
        }
        if let Some(ms) = parse_reset(&s, || 0.0, now) {
            prop_assert!(ms.is_finite() && ms >= 0.0);
        }
    }

    #[test]
    fn server_wait_is_finite_and_never_panics(h in headers_strategy(), now in finite_or_odd()) {
        if let Some(w) = server_wait(&h, now) {
            prop_assert!(w.ms.is_finite() && w.ms >= 0.0);
        }
    }

    #[test]
    fn headers_never_panic(pairs in prop::collection::vec((any::<String>(), any::<String>()), 0..20)) {
        let h = Headers::from_pairs(pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())));
        for (n, _) in &pairs {
            let _ = h.get(n);
        }
        prop_assert!(h.len() <= pairs.len());
    }

    #[test]
    fn options_from_json_never_panic_and_validate(v in arbitrary_json()) {
        if let Ok(options) = RetryOptions::from_json(&crate::json::Value::from(v)) {
            prop_assert_eq!(options.validate(), Ok(()));
        }
    }
}
