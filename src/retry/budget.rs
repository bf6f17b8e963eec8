//! The retry budget: gRPC-style retry throttling shared by every call through one policy.

use super::options::BudgetOptions;

/// Token bucket in thousandths of a token (gRPC keeps 3 decimal places), so repeated
/// `+0.1` never drifts.
///
/// Starts full. A retryable failure (one the policy would otherwise retry) costs 1 token,
/// whether or not it is then allowed; a success adds `token_ratio`, up to `max_tokens`.
/// Retrying is allowed only while tokens > `max_tokens / 2`, so when everything fails the
/// policy makes at most about `max_tokens / 2` retries before throttling, and afterwards about
/// one retry per `1 / token_ratio` successes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetryBudget {
    max_milli: u32,
    ratio_milli: u32,
    milli: u32,
}

/// Tokens are counted in thousandths.
const MILLI: f64 = 1000.0;
/// The largest bucket: 1000 tokens.
const MAX_MILLI: u32 = 1_000_000;

impl RetryBudget {
    /// A full budget. Out-of-range options are clamped (validation normally rejects them).
    pub fn new(options: BudgetOptions) -> Self {
        let max_milli = ((options.max_tokens * MILLI).round() as u32).clamp(1, MAX_MILLI);
        let ratio_milli = ((options.token_ratio * MILLI).round() as u32).clamp(1, 1000);
        RetryBudget {
            max_milli,
            ratio_milli,
            milli: max_milli,
        }
    }

    /// The current token count.
    pub fn tokens(&self) -> f64 {
        f64::from(self.milli) / MILLI
    }

    /// The largest token count.
    pub fn max_tokens(&self) -> f64 {
        f64::from(self.max_milli) / MILLI
    }

    /// True while a retry is allowed: tokens > max_tokens / 2.
    pub fn allows_retry(&self) -> bool {
        u64::from(self.milli) * 2 > u64::from(self.max_milli)
    }

    /// Records a retryable failure: returns whether the retry is allowed, then spends 1 token
    /// (never going below 0).
    pub fn on_retryable_failure(&mut self) -> bool {
        let allowed = self.allows_retry();
        self.milli = self.milli.saturating_sub(1000);
        allowed
    }

    /// Records a success: adds `token_ratio`, up to `max_tokens`.
    pub fn on_success(&mut self) {
        self.milli = self
            .milli
            .saturating_add(self.ratio_milli)
            .min(self.max_milli);
    }
}
