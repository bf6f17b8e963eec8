//! `RetryPolicy::decide` on arbitrary options and sequences of contexts.
//!
//! Two input forms: text starting with `{` is a readable scenario
//! `{"options": {...}, "contexts": [{"attempt": 1, "method": "GET", "status": 503,
//! "headers": {"retry-after": "2"}, "failure": "timeout", "elapsedMs": 0, "deadlineMs": 1000,
//! "now": 1.7e12, "key": true, "success": true}]}` (options through `RetryOptions::from_json`,
//! as JavaScript gives them); anything else is decoded with `arbitrary`. Checked: no panic,
//! and every decision keeps its contract (finite delays >= 0, no delay without a retry, a
//! server wait used exactly and never over `maxRetryAfterMs`, backoff within `maxDelayMs`, no
//! retry past `limit` or the deadline, the budget within its bounds).
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use http_triage::json::{self, Value};
use http_triage::kind::Kind;
use http_triage::retry::{
    BudgetOptions, HeaderView, Headers, Jitter, RetryContext, RetryOptions, RetryPolicy,
    RetryReason, StatusSet,
};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct ArbOptions {
    limit: u8,
    methods: Option<Vec<String>>,
    status_codes: Option<Vec<u16>>,
    after_status_codes: Option<Vec<u16>>,
    max_retry_after_ms: f64,
    base_delay_ms: f64,
    max_delay_ms: f64,
    jitter: u8,
    retry_on_timeout: bool,
    retry_non_idempotent_with_key: bool,
    budget: Option<(f64, f64)>,
    seed: Option<u64>,
}

#[derive(Arbitrary, Debug)]
struct ArbContext {
    attempt: u32,
    method: String,
    status: Option<u16>,
    status_registered: bool,
    headers: Vec<(String, String)>,
    failure: Option<u8>,
    idempotency_key: bool,
    elapsed_ms: Option<f64>,
    deadline_ms: Option<f64>,
    now_ms: f64,
    success_after: bool,
}

/// One step of a scenario, owned.
#[derive(Debug)]
struct Step {
    attempt: u32,
    method: String,
    status: Option<u16>,
    status_registered: bool,
    headers: Option<Headers>,
    failure: Option<Kind>,
    key: bool,
    elapsed_ms: Option<f64>,
    deadline_ms: Option<f64>,
    now_ms: f64,
    success: bool,
}

fn from_arbitrary(data: &[u8]) -> Option<(RetryOptions, Vec<Step>)> {
    let mut u = Unstructured::new(data);
    let o = ArbOptions::arbitrary(&mut u).ok()?;
    let mut options = RetryOptions {
        limit: u32::from(o.limit),
        max_retry_after_ms: o.max_retry_after_ms,
        base_delay_ms: o.base_delay_ms,
        max_delay_ms: o.max_delay_ms,
        jitter: [Jitter::Full, Jitter::Equal, Jitter::None][usize::from(o.jitter % 3)],
        retry_on_timeout: o.retry_on_timeout,
        retry_non_idempotent_with_key: o.retry_non_idempotent_with_key,
        budget: o.budget.map(|(max_tokens, token_ratio)| BudgetOptions {
            max_tokens,
            token_ratio,
        }),
        seed: o.seed,
        ..RetryOptions::default()
    };
    if let Some(m) = o.methods {
        options.methods = m.into_iter().map(Into::into).collect();
    }
    if let Some(c) = o.status_codes {
        options.status_codes = StatusSet::from_codes(&c);
    }
    if let Some(c) = o.after_status_codes {
        options.after_status_codes = StatusSet::from_codes(&c);
    }
    let mut steps = Vec::new();
    while !u.is_empty() && steps.len() < 64 {
        let Ok(c) = ArbContext::arbitrary(&mut u) else {
            break;
        };
        steps.push(Step {
            attempt: c.attempt,
            method: c.method,
            status: c.status,
            status_registered: c.status_registered,
            headers: (!c.headers.is_empty()).then(|| Headers::from_pairs(c.headers)),
            failure: c
                .failure
                .and_then(|i| Kind::ALL.get(usize::from(i)).copied()),
            key: c.idempotency_key,
            elapsed_ms: c.elapsed_ms,
            deadline_ms: c.deadline_ms,
            now_ms: c.now_ms,
            success: c.success_after,
        });
    }
    Some((options, steps))
}

fn num(v: &Value, key: &str) -> Option<f64> {
    v.get(key).and_then(Value::as_f64)
}

fn from_json(text: &str) -> Option<(RetryOptions, Vec<Step>)> {
    let v = json::parse(text).ok()?;
    let options = RetryOptions::from_json(v.get("options").unwrap_or(&Value::Null)).ok()?;
    let mut steps = Vec::new();
    for c in v.get("contexts")?.as_array()?.iter().take(64) {
        let status = num(c, "status")
            .filter(|s| (0.0..=65535.0).contains(s))
            .map(|s| s as u16);
        steps.push(Step {
            attempt: num(c, "attempt").map_or(1, |a| a.clamp(0.0, f64::from(u32::MAX)) as u32),
            method: c
                .get("method")
                .and_then(Value::as_str)
                .unwrap_or("GET")
                .to_owned(),
            status,
            status_registered: status
                .and_then(http_triage::catalog::row)
                .is_some_and(|r| r.registered()),
            headers: c.get("headers").map(Headers::from_json),
            failure: c
                .get("failure")
                .and_then(Value::as_str)
                .and_then(Kind::from_name),
            key: c.get("key").and_then(Value::as_bool).unwrap_or(false),
            elapsed_ms: num(c, "elapsedMs"),
            deadline_ms: num(c, "deadlineMs"),
            now_ms: num(c, "now").unwrap_or(1_700_000_000_000.0),
            success: c.get("success").and_then(Value::as_bool).unwrap_or(false),
        });
    }
    Some((options, steps))
}

fuzz_target!(|data: &[u8]| {
    let parsed = match std::str::from_utf8(data) {
        Ok(text) if text.trim_start().starts_with('{') => from_json(text),
        _ => from_arbitrary(data),
    };
    let Some((options, steps)) = parsed else {
        return;
    };
    let Ok(mut policy) = RetryPolicy::new(options.clone()) else {
        return;
    };
    for step in &steps {
        let mut ctx = RetryContext::new(step.attempt, &step.method, step.now_ms)
            .with_status_registered(step.status_registered)
            .with_idempotency_key(step.key);
        ctx.status = step.status;
        ctx.headers = step.headers.as_ref().map(HeaderView::from);
        ctx.failure = step.failure;
        ctx.elapsed_ms = step.elapsed_ms;
        ctx.deadline_ms = step.deadline_ms;
        let tokens_before = policy.budget().map(|b| b.tokens());
        let d = policy.decide(&ctx);
        let o = &options;
        assert!(
            d.delay_ms.is_finite() && d.delay_ms >= 0.0,
            "{d:?} for {step:?}"
        );
        if let Some(w) = d.retry_after_ms {
            assert!(w.is_finite() && w >= 0.0, "{d:?} for {step:?}");
        }
        if !d.retry {
            assert_eq!(d.delay_ms, 0.0, "{d:?} for {step:?}");
            if d.reason == RetryReason::RetryAfterTooLong {
                assert!(
                    d.retry_after_ms.is_some_and(|w| w > o.max_retry_after_ms),
                    "{d:?}"
                );
            }
        } else {
            assert!(step.attempt <= o.limit, "{d:?} past the limit for {step:?}");
            assert!(
                step.failure != Some(Kind::Aborted),
                "retried an abort: {d:?} for {step:?}"
            );
            match d.reason {
                RetryReason::RetryAfter => {
                    assert_eq!(Some(d.delay_ms), d.retry_after_ms, "{d:?}");
                    assert!(d.delay_ms <= o.max_retry_after_ms, "{d:?}");
                }
                RetryReason::Status | RetryReason::Network | RetryReason::Timeout => {
                    assert!(
                        d.delay_ms <= o.max_delay_ms,
                        "{d:?} over maxDelayMs for {step:?}"
                    );
                }
                RetryReason::Offline => assert_eq!(d.delay_ms, 0.0),
                other => panic!("retry with reason {other:?}"),
            }
            if let (Some(deadline), elapsed) = (step.deadline_ms, step.elapsed_ms.unwrap_or(0.0)) {
                if !deadline.is_nan() {
                    assert!(
                        elapsed.max(0.0) + d.delay_ms < deadline,
                        "{d:?} past the deadline for {step:?}"
                    );
                }
            }
            if let Some(before) = tokens_before {
                if d.reason != RetryReason::Offline {
                    // A retry needs the bucket to hold its cost: 1 token, 2 after a timeout.
                    let cost = if d.reason == RetryReason::Timeout { 2.0 } else { 1.0 };
                    assert!(before >= cost - 0.0005, "retried with {before} tokens");
                }
            }
        }
        if let Some(b) = policy.budget() {
            assert!(b.tokens() >= 0.0 && b.tokens() <= b.max_tokens());
        }
        if step.success {
            policy.record_success((step.attempt > 1).then_some(RetryReason::Status));
        }
    }
});
