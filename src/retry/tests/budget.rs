use super::super::{BudgetOptions, RetryBudget, RetryContext, RetryPolicy, RetryReason};
use super::{exact_policy_with, NOW};
use crate::kind::Kind;

/// One call that fails with 503 on every attempt; returns how many retries it made.
fn failing_call(policy: &mut RetryPolicy) -> u32 {
    let mut retries = 0;
    for attempt in 1.. {
        let d = policy.decide(&RetryContext::new(attempt, "GET", NOW).with_status(503));
        if !d.retry {
            return retries;
        }
        retries += 1;
    }
    retries
}

fn budgeted() -> RetryPolicy {
    exact_policy_with(|o| o.budget = Some(BudgetOptions::default()))
}

fn tokens(p: &RetryPolicy) -> Option<f64> {
    p.budget().map(RetryBudget::tokens)
}

#[test]
fn an_outage_spends_the_bucket_once() {
    // 10 tokens, 1 a retry, nothing succeeds: calls 1 to 5 retry twice, then no call retries.
    let mut policy = budgeted();
    let retries: u32 = (0..200).map(|_| failing_call(&mut policy)).sum();
    assert_eq!(retries, 10);
    assert!(f64::from(200 + retries) / 200.0 <= 1.1);
    assert_eq!(tokens(&policy), Some(0.0));
    let d = policy.decide(&RetryContext::new(1, "GET", NOW).with_status(503));
    assert_eq!((d.retry, d.reason), (false, RetryReason::Budget));
}

#[test]
fn timeouts_cost_twice_as_much() {
    let mut policy = budgeted();
    let ctx = RetryContext::new(1, "GET", NOW).with_failure(Kind::Timeout);
    let allowed = (0..20).filter(|_| policy.decide(&ctx).retry).count();
    assert_eq!(allowed, 5);
    assert_eq!(tokens(&policy), Some(0.0));
    // A successful retry after a timeout gives both tokens back.
    policy.record_success(Some(RetryReason::Timeout));
    assert_eq!(tokens(&policy), Some(2.0));
}

#[test]
fn without_a_budget_every_call_retries_to_the_limit() {
    let mut policy = exact_policy_with(|_| {});
    let retries: u32 = (0..200).map(|_| failing_call(&mut policy)).sum();
    assert_eq!(retries, 400);
}

#[test]
fn successes_refill_it() {
    let mut policy = budgeted();
    let retries: u32 = (0..5).map(|_| failing_call(&mut policy)).sum();
    assert_eq!((retries, tokens(&policy)), (10, Some(0.0)));
    // A successful retry gives its token back; first-attempt successes add 0.5 each, with
    // no drift over many additions.
    policy.record_success(Some(RetryReason::Status));
    assert_eq!(tokens(&policy), Some(1.0));
    for _ in 0..6 {
        policy.record_success(None);
    }
    assert_eq!(tokens(&policy), Some(4.0));
    for _ in 0..1000 {
        policy.record_success(None);
    }
    assert_eq!(tokens(&policy), Some(10.0));
    assert_eq!(failing_call(&mut policy), 2);
}

#[test]
fn only_retries_cost_tokens() {
    let mut policy = budgeted();
    let full = Some(10.0);
    for ctx in [
        RetryContext::new(1, "GET", NOW).with_status(404),
        RetryContext::new(1, "POST", NOW).with_status(503),
        RetryContext::new(3, "GET", NOW).with_status(503),
        RetryContext::new(1, "GET", NOW).with_failure(Kind::Aborted),
        RetryContext::new(1, "GET", NOW).with_failure(Kind::Offline),
        RetryContext::new(1, "GET", NOW)
            .with_status(503)
            .with_elapsed_ms(100.0)
            .with_deadline_ms(200.0),
        RetryContext::new(1, "PUT", NOW)
            .with_status(503)
            .with_replayable(false),
    ] {
        policy.decide(&ctx);
        assert_eq!(tokens(&policy), full, "{ctx:?}");
    }
}

#[test]
fn budget_arithmetic() {
    let mut b = RetryBudget::new(BudgetOptions {
        max_tokens: 2.5,
        token_ratio: 0.001,
    });
    assert_eq!((b.tokens(), b.max_tokens()), (2.5, 2.5));
    assert!(b.try_acquire(false)); // 2.5 -> 1.5
    assert!(!b.try_acquire(true)); // 1.5 < 2: nothing taken
    assert!(b.try_acquire(false)); // 1.5 -> 0.5
    assert!(!b.try_acquire(false));
    assert_eq!(b.tokens(), 0.5);
    assert!(!b.allows_retry(false));
    for _ in 0..10_000 {
        b.on_first_attempt_success();
    }
    assert_eq!(b.tokens(), 2.5);
    // Out-of-range options are clamped, never panic.
    let b = RetryBudget::new(BudgetOptions {
        max_tokens: f64::NAN,
        token_ratio: -1.0,
    });
    assert_eq!(b.max_tokens(), 0.001);
    assert!(!b.allows_retry(false));
}
