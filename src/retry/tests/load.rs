//! The retry budget under the two loads DESIGN.md names, simulated deterministically with the
//! real policy: a total outage with 200 (and 2,000) concurrent calls must stay at or under
//! 1.1x requests, and 20% independent transient failures must leave >= 99% of calls
//! succeeding. Run with `--nocapture` to see the figures (lines starting with `load:`).

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::super::rng::Rng;
use super::super::{RetryContext, RetryOptions, RetryPolicy, RetryReason};
use super::NOW;
use crate::kind::Kind;

/// What the server does with each attempt.
#[derive(Clone, Copy, Debug)]
enum Load {
    /// Every attempt fails: 503, or a timeout.
    Outage { timeout: bool },
    /// Each attempt fails with 503 with this probability, independently.
    Transient(f64),
}

/// The outcome of one simulated run.
#[derive(Debug, Default)]
struct Run {
    calls: u32,
    succeeded: u32,
    attempts: u32,
    budget_denials: u32,
}

impl Run {
    fn success_rate(&self) -> f64 {
        f64::from(self.succeeded) / f64::from(self.calls)
    }
    fn amplification(&self) -> f64 {
        f64::from(self.attempts) / f64::from(self.calls)
    }
}

/// `calls` calls through one policy, at most `concurrency` in flight (a new call starts when
/// one ends); each attempt answers after 1 to 40 ms, and a retry waits the decision's delay.
/// Events are processed in time order, so failures and successes of concurrent calls
/// interleave as they would against a real server.
fn simulate(options: RetryOptions, load: Load, calls: u32, concurrency: u32, seed: u64) -> Run {
    let mut policy = RetryPolicy::new(options).unwrap_or_else(|e| panic!("{e}"));
    // Not the jitter's sequence: the policy's own generator starts from `seed`.
    let mut rng = Rng::new(seed ^ 0x5EED_0F1A_D5EE_D0F1);
    // (answer time in µs, sequence, call, attempt, reason of the retry that made it)
    let mut events = BinaryHeap::new();
    let mut seq = 0u64;
    let mut run = Run {
        calls,
        ..Run::default()
    };
    let mut started = 0u32;
    let mut send = |events: &mut BinaryHeap<_>,
                    rng: &mut Rng,
                    at: u64,
                    call: u32,
                    attempt: u32,
                    why: Option<RetryReason>| {
        seq += 1;
        let latency = 1_000 + (rng.next_f64() * 39_000.0) as u64;
        let why = why.and_then(|r| RetryReason::ALL.iter().position(|x| *x == r));
        events.push(Reverse((at + latency, seq, call, attempt, why)));
    };
    while started < calls.min(concurrency) {
        send(&mut events, &mut rng, 0, started, 1, None);
        started += 1;
    }
    while let Some(Reverse((at, _, call, attempt, why))) = events.pop() {
        run.attempts += 1;
        let failed = match load {
            Load::Outage { .. } => true,
            Load::Transient(p) => rng.next_f64() < p,
        };
        let ended = if failed {
            let ctx = RetryContext::new(attempt, "GET", NOW);
            let ctx = match load {
                Load::Outage { timeout: true } => ctx.with_failure(Kind::Timeout),
                _ => ctx.with_status(503),
            };
            let d = policy.decide(&ctx);
            if d.reason == RetryReason::Budget {
                run.budget_denials += 1;
            }
            if d.retry {
                send(
                    &mut events,
                    &mut rng,
                    at + (d.delay_ms * 1000.0) as u64,
                    call,
                    attempt + 1,
                    Some(d.reason),
                );
                false
            } else {
                true
            }
        } else {
            run.succeeded += 1;
            policy.record_success(why.and_then(|i| RetryReason::ALL.get(i).copied()));
            true
        };
        if ended && started < calls {
            send(&mut events, &mut rng, at, started, 1, None);
            started += 1;
        }
    }
    run
}

fn defaults(seed: u64) -> RetryOptions {
    RetryOptions {
        seed: Some(seed),
        ..RetryOptions::default()
    }
}

#[test]
fn a_total_outage_is_not_amplified() {
    for (calls, timeout, expected) in [(200, false, 210), (2_000, false, 2_010), (200, true, 205)] {
        let run = simulate(defaults(1), Load::Outage { timeout }, calls, calls, 1);
        println!(
            "load: outage ({}), {calls} concurrent calls: {} attempts, amplification {:.3}x",
            if timeout { "timeouts" } else { "503" },
            run.attempts,
            run.amplification()
        );
        assert_eq!(run.succeeded, 0);
        assert_eq!(run.attempts, expected);
        assert!(run.amplification() <= 1.1);
    }
}

#[test]
fn twenty_percent_transient_failures_keep_99_percent_of_calls() {
    for (calls, concurrency, runs) in [(10_000, 1, 1), (10_000, 20, 1), (200, 200, 50)] {
        let mut total = Run::default();
        let mut unbudgeted = Run::default();
        for seed in 0..runs {
            let with = simulate(
                defaults(seed),
                Load::Transient(0.2),
                calls,
                concurrency,
                seed,
            );
            let without = RetryOptions {
                budget: None,
                ..defaults(seed)
            };
            let without = simulate(without, Load::Transient(0.2), calls, concurrency, seed);
            for (sum, run) in [(&mut total, with), (&mut unbudgeted, without)] {
                sum.calls += run.calls;
                sum.succeeded += run.succeeded;
                sum.attempts += run.attempts;
                sum.budget_denials += run.budget_denials;
            }
        }
        println!(
            "load: 20% transient 503s, {} calls ({concurrency} in flight): {:.2}% succeed \
             ({:.2}% without a budget), amplification {:.3}x, {} budget denials",
            total.calls,
            100.0 * total.success_rate(),
            100.0 * unbudgeted.success_rate(),
            total.amplification(),
            total.budget_denials
        );
        assert!(total.success_rate() >= 0.99, "{total:?}");
        // The budget costs next to nothing under this load.
        assert!(
            u64::from(total.budget_denials) * 1000 <= u64::from(total.calls),
            "{total:?}"
        );
    }
}

#[test]
fn a_partial_outage_is_throttled() {
    // Past the ~44% break-even the bucket drains: far fewer retries than the 1.75x / 2.19x /
    // 2.71x of an unbudgeted policy at 50%, 70% and 90% failures.
    for (p, most) in [(0.5, 1.6), (0.7, 1.3), (0.9, 1.1)] {
        let run = simulate(defaults(3), Load::Transient(p), 10_000, 20, 3);
        println!(
            "load: {:.0}% failures, 10000 calls: {:.1}% succeed, amplification {:.3}x",
            p * 100.0,
            100.0 * run.success_rate(),
            run.amplification()
        );
        assert!(run.amplification() <= most, "{p}: {run:?}");
    }
}
