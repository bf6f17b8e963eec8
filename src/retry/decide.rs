//! The retry policy and its decision.

use crate::error::ArgError;
use crate::kind::Kind;

use super::backoff::{backoff_delay, jittered};
use super::budget::RetryBudget;
use super::context::RetryContext;
use super::options::RetryOptions;
use super::rate_limit::{server_wait, ServerWait, WaitSource};
use super::reason::RetryReason;
use super::rng::Rng;

/// The seed of a policy built without one (then mixed with the first `now` it sees).
const DEFAULT_SEED: u64 = 0x6874_7470_2d74_7269; // "http-tri"

/// What to do after a failed attempt; JavaScript receives
/// `{ retry, delayMs, reason, retryAfterMs? }`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RetryDecision {
    /// Whether to make another attempt.
    pub retry: bool,
    /// How long to wait before it, in ms (finite, >= 0; 0 when not retrying or offline).
    pub delay_ms: f64,
    /// Why.
    pub reason: RetryReason,
    /// The wait the server asked for (Retry-After / RateLimit), when the status is one whose
    /// timing is honoured and the headers give one, whatever the decision: with
    /// `retry_after_too_long` or `limit` it tells the app when to come back.
    pub retry_after_ms: Option<f64>,
}

impl RetryDecision {
    fn no(reason: RetryReason, retry_after_ms: Option<f64>) -> Self {
        RetryDecision {
            retry: false,
            delay_ms: 0.0,
            reason,
            retry_after_ms,
        }
    }
}

/// A retry policy: validated options, the retry budget shared by every call made through it,
/// and the jitter's random source.
#[derive(Clone, Debug)]
pub struct RetryPolicy {
    options: RetryOptions,
    budget: Option<RetryBudget>,
    rng: Rng,
    /// True until the first decision when no seed was given: `now` is then mixed in.
    unseeded: bool,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy::from_valid(RetryOptions::default())
    }
}

impl RetryPolicy {
    /// A policy with `options`, after [`RetryOptions::validate`].
    pub fn new(options: RetryOptions) -> Result<RetryPolicy, ArgError> {
        options.validate()?;
        Ok(RetryPolicy::from_valid(options))
    }

    fn from_valid(options: RetryOptions) -> RetryPolicy {
        RetryPolicy {
            budget: options.budget.map(RetryBudget::new),
            rng: Rng::new(options.seed.unwrap_or(DEFAULT_SEED)),
            unseeded: options.seed.is_none(),
            options,
        }
    }

    /// The policy's options.
    pub fn options(&self) -> &RetryOptions {
        &self.options
    }

    /// The retry budget, when the policy has one.
    pub fn budget(&self) -> Option<&RetryBudget> {
        self.budget.as_ref()
    }

    /// Restarts the jitter's random source from `seed` (reproducible delays in tests).
    pub fn set_seed(&mut self, seed: u64) {
        self.rng = Rng::new(seed);
        self.unseeded = false;
    }

    /// Tells the budget that a call succeeded: `retried` is the reason of the decision that
    /// made the successful attempt (`None` when it was the first attempt). A first-attempt
    /// success adds `tokenRatio` tokens; a successful retry gives back what it cost (2 tokens
    /// after [`RetryReason::Timeout`], else 1). Call it for every 2xx/3xx that ends a call.
    pub fn record_success(&mut self, retried: Option<RetryReason>) {
        if let Some(budget) = &mut self.budget {
            match retried {
                None => budget.on_first_attempt_success(),
                Some(reason) => budget.on_retry_success(reason == RetryReason::Timeout),
            }
        }
    }

    /// Whether [`RetryContext::idempotency_key`] can change the decision for `method` and
    /// `status`: only for a method outside `methods`, or a 409, and only with
    /// `retryNonIdempotentWithKey`. Lets a caller skip looking for the header.
    pub fn reads_idempotency_key(&self, method: &str, status: Option<u16>) -> bool {
        let o = &self.options;
        o.retry_non_idempotent_with_key && (status == Some(409) || !o.is_retryable_method(method))
    }

    /// Decides whether to retry after the attempt described by `ctx` failed.
    ///
    /// Rules, first match wins: attempt limit (`limit`); deadline already reached
    /// (`deadline`); method not retryable and no idempotency key (`method`); aborted
    /// (`aborted`); a status outside the set, a 413 without timing, or a timeout with
    /// `retryOnTimeout` off (`not_retryable`); then the delay: offline → 0 (`offline`), the
    /// server's wait for a status in `afterStatusCodes` (`retry_after`, or
    /// `retry_after_too_long` over `maxRetryAfterMs`; the headers' wait, else the body's),
    /// else the jittered backoff (`status`, `network`, `timeout`); the deadline again with the
    /// delay (`deadline`); a body that cannot be sent again (`body_not_replayable`); and last
    /// the budget (`budget`), which only retries pay for (see [`RetryBudget`]). Offline
    /// failures do not touch the budget.
    ///
    /// Does not allocate.
    pub fn decide(&mut self, ctx: &RetryContext<'_>) -> RetryDecision {
        if self.unseeded {
            self.rng.mix(ctx.now_ms.to_bits());
            self.unseeded = false;
        }
        let o = &self.options;
        let failure = ctx.failure.filter(|k| k.is_failure());
        let status = match failure {
            Some(_) => None,
            None => ctx.status.filter(|s| (100..=599).contains(s)),
        };
        let honoured =
            status.is_some_and(|s| o.after_status_codes.matches(s, ctx.status_registered));
        let wait = if honoured || status == Some(413) {
            ctx.headers
                .and_then(|h| server_wait(h, ctx.now_ms))
                .or_else(|| body_wait(ctx.body_wait_ms))
        } else {
            None
        };
        let retry_after_ms = if honoured { wait.map(|w| w.ms) } else { None };
        let no = |reason| RetryDecision::no(reason, retry_after_ms);

        if ctx.attempt > o.limit {
            return no(RetryReason::Limit);
        }
        let elapsed = match ctx.elapsed_ms {
            Some(e) if e > 0.0 => e,
            _ => 0.0,
        };
        let deadline = ctx.deadline_ms.filter(|d| !d.is_nan());
        if deadline.is_some_and(|d| elapsed >= d) {
            return no(RetryReason::Deadline);
        }
        let keyed = o.retry_non_idempotent_with_key && ctx.idempotency_key;
        if !keyed && !o.is_retryable_method(ctx.method) {
            return no(RetryReason::Method);
        }
        let reason = match failure {
            Some(Kind::Aborted) => return no(RetryReason::Aborted),
            Some(Kind::Offline) => RetryReason::Offline,
            Some(Kind::NetworkError) => RetryReason::Network,
            Some(Kind::Timeout) if o.retry_on_timeout => RetryReason::Timeout,
            Some(_) => return no(RetryReason::NotRetryable),
            None => {
                let Some(s) = status else {
                    return no(RetryReason::NotRetryable);
                };
                let listed =
                    o.status_codes.matches(s, ctx.status_registered) || (keyed && s == 409);
                if !listed || (s == 413 && wait.is_none()) {
                    return no(RetryReason::NotRetryable);
                }
                RetryReason::Status
            }
        };

        let (delay, reason) = match (reason, honoured, wait) {
            (RetryReason::Offline, _, _) => (0.0, reason),
            (_, true, Some(w)) => {
                if w.ms > o.max_retry_after_ms {
                    return no(RetryReason::RetryAfterTooLong);
                }
                (w.ms, RetryReason::RetryAfter)
            }
            _ => {
                let d = backoff_delay(ctx.attempt, o.base_delay_ms, o.max_delay_ms);
                (jittered(d, o.jitter, &mut self.rng), reason)
            }
        };
        if deadline.is_some_and(|d| elapsed + delay >= d) {
            return no(RetryReason::Deadline);
        }
        if !ctx.replayable {
            return no(RetryReason::BodyNotReplayable);
        }
        if reason != RetryReason::Offline {
            if let Some(budget) = &mut self.budget {
                if !budget.try_acquire(reason == RetryReason::Timeout) {
                    return no(RetryReason::Budget);
                }
            }
        }
        RetryDecision {
            retry: true,
            delay_ms: delay,
            reason,
            retry_after_ms,
        }
    }
}

/// The error body's wait as a [`ServerWait`]: finite and >= 0, else none.
fn body_wait(ms: Option<f64>) -> Option<ServerWait> {
    ms.filter(|ms| ms.is_finite() && *ms >= 0.0)
        .map(|ms| ServerWait {
            ms,
            source: WaitSource::Body,
        })
}
