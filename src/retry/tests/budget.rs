use super::super::{BudgetOptions, RetryBudget, RetryContext, RetryPolicy, RetryReason};
use super::{exact_policy_with, NOW};

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

#[test]
fn an_outage_is_not_amplified() {
    // 10 tokens, retries only while tokens > 5: call 1 retries twice (10→9→8), call 2 twice
    // (8→7→6), call 3 once (6→5, then 5 is not > 5). Every later failure only drains.
    let mut policy = budgeted();
    let retries: u32 = (0..200).map(|_| failing_call(&mut policy)).sum();
    assert_eq!(retries, 5);
    let attempts = 200 + retries;
    assert!(f64::from(attempts) / 200.0 <= 1.1);
    assert_eq!(policy.budget().map(RetryBudget::tokens), Some(0.0));
}

#[test]
fn without_a_budget_every_call_retries_to_the_limit() {
    let mut policy = exact_policy_with(|_| {});
    let retries: u32 = (0..200).map(|_| failing_call(&mut policy)).sum();
    assert_eq!(retries, 400);
}

#[test]
fn the_budget_denies_with_its_own_reason_and_successes_refill_it() {
    let mut policy = budgeted();
    let retries: u32 = (0..3).map(|_| failing_call(&mut policy)).sum();
    assert_eq!(retries, 5);
    assert_eq!(policy.budget().map(RetryBudget::tokens), Some(4.0));
    let d = policy.decide(&RetryContext::new(1, "GET", NOW).with_status(503));
    assert_eq!((d.retry, d.reason), (false, RetryReason::Budget));
    assert_eq!(policy.budget().map(RetryBudget::tokens), Some(3.0));
    // 30 successes: +3.0 exactly (no float drift), so one more retry is allowed.
    for _ in 0..30 {
        policy.record_success();
    }
    assert_eq!(policy.budget().map(RetryBudget::tokens), Some(6.0));
    assert_eq!(failing_call(&mut policy), 1);
}

#[test]
fn only_failures_that_would_be_retried_cost_tokens() {
    let mut policy = budgeted();
    let full = Some(10.0);
    let tokens = |p: &RetryPolicy| p.budget().map(RetryBudget::tokens);
    for ctx in [
        RetryContext::new(1, "GET", NOW).with_status(404),
        RetryContext::new(1, "POST", NOW).with_status(503),
        RetryContext::new(3, "GET", NOW).with_status(503),
        RetryContext::new(1, "GET", NOW).with_failure(crate::kind::Kind::Aborted),
        RetryContext::new(1, "GET", NOW).with_failure(crate::kind::Kind::Offline),
        RetryContext::new(1, "GET", NOW)
            .with_status(503)
            .with_elapsed_ms(100.0)
            .with_deadline_ms(200.0),
    ] {
        policy.decide(&ctx);
        assert_eq!(tokens(&policy), full, "{ctx:?}");
    }
}

#[test]
fn budget_arithmetic() {
    let mut b = RetryBudget::new(BudgetOptions {
        max_tokens: 3.0,
        token_ratio: 0.001,
    });
    assert_eq!((b.tokens(), b.max_tokens()), (3.0, 3.0));
    assert!(b.on_retryable_failure()); // 3 > 1.5
    assert!(b.on_retryable_failure()); // 2 > 1.5
    assert!(!b.on_retryable_failure()); // 1 <= 1.5
    assert!(!b.on_retryable_failure());
    assert_eq!(b.tokens(), 0.0);
    for _ in 0..10_000 {
        b.on_success();
    }
    assert_eq!(b.tokens(), 3.0);
    // Out-of-range options are clamped, never panic.
    let b = RetryBudget::new(BudgetOptions {
        max_tokens: f64::NAN,
        token_ratio: -1.0,
    });
    assert_eq!(b.max_tokens(), 0.001);
}
