//! The retry budget shared by every call through one policy: a retry quota in the manner of
//! the AWS SDKs' standard retry mode, sized so that an outage is not amplified.
//!
//! The rule, in tokens of one retry:
//! - the bucket starts full at `max_tokens` (default 10) and never holds more;
//! - a retry takes [`RETRY_COST`] (1) token, a retry after a timeout [`TIMEOUT_RETRY_COST`]
//!   (2), and is allowed only while the bucket holds that cost, else the decision is `budget`;
//! - a retry that then succeeds gives its cost back (AWS: the retry's tokens are released);
//! - a call that succeeds at its first attempt adds `token_ratio` (default 0.5; AWS's
//!   no-retry increment).
//!
//! Why not gRPC's rule (A6 retry throttling: every failed attempt costs 1, every success adds
//! 0.1, no retry at or below half the bucket): its tokens only balance while failures stay
//! under about 9% of attempts, so 20% independent transient failures starve it and calls fail
//! that a retry would have saved (1 in 5 under that load). Charging retries instead of
//! failures and refunding the ones that work keeps the bucket full under transient failures
//! (each first-attempt success adds 0.5; the retries of a 20% failure rate cost
//! 0.2 × 0.2 × 1.2 = 0.048 tokens a call after refunds), while an outage, where nothing
//! succeeds, spends the bucket once: at most `max_tokens` retries in all (10 for 200
//! concurrent calls: 1.05x requests). In steady state retries stay available up to a
//! failure rate of about 44% (where `0.5 (1 - f) = f² (1 + f)`); beyond it the bucket
//! drains and retries stop until first attempts succeed again. AWS's own quota
//! (500 tokens, cost 5, timeout 10, increment 1) is `{ maxTokens: 100, tokenRatio: 0.2 }`
//! here: it allows 100 retries into an outage (1.5x for 200 calls).

use super::options::BudgetOptions;

/// Tokens one retry costs (AWS SDK `RETRY_COST` 5 of 500 tokens; here the unit).
pub const RETRY_COST: f64 = 1.0;
/// Tokens a retry after a timed-out attempt costs: twice a retry, as the AWS SDKs'
/// `TIMEOUT_RETRY_COST` (10 against 5), since a timeout is the mark of an overloaded server and
/// each timed-out attempt held a server slot for the whole timeout.
pub const TIMEOUT_RETRY_COST: f64 = 2.0;

/// Tokens are counted in thousandths, so repeated additions of a fraction never drift.
const MILLI: f64 = 1000.0;
/// The largest bucket: 1000 tokens.
const MAX_MILLI: u32 = 1_000_000;
/// [`RETRY_COST`] in thousandths.
const RETRY_MILLI: u32 = 1000;
/// [`TIMEOUT_RETRY_COST`] in thousandths.
const TIMEOUT_MILLI: u32 = 2000;

/// The token bucket (see the module documentation for the rule).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetryBudget {
    max_milli: u32,
    ratio_milli: u32,
    milli: u32,
}

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

    /// The cost of a retry, in thousandths: doubled after a timeout.
    const fn cost(after_timeout: bool) -> u32 {
        if after_timeout {
            TIMEOUT_MILLI
        } else {
            RETRY_MILLI
        }
    }

    /// True while the bucket holds the cost of a retry (after a timeout when `after_timeout`).
    pub fn allows_retry(&self, after_timeout: bool) -> bool {
        self.milli >= Self::cost(after_timeout)
    }

    /// Takes the cost of one retry when the bucket holds it; returns whether the retry is
    /// allowed (nothing is taken when it is not).
    pub fn try_acquire(&mut self, after_timeout: bool) -> bool {
        let cost = Self::cost(after_timeout);
        if self.milli < cost {
            return false;
        }
        self.milli -= cost;
        true
    }

    /// Records a call that succeeded at its first attempt: adds `token_ratio`.
    pub fn on_first_attempt_success(&mut self) {
        self.refill(self.ratio_milli);
    }

    /// Records a retry that succeeded: gives back what it cost.
    pub fn on_retry_success(&mut self, after_timeout: bool) {
        self.refill(Self::cost(after_timeout));
    }

    fn refill(&mut self, milli: u32) {
        self.milli = self.milli.saturating_add(milli).min(self.max_milli);
    }
}
