//! The retry decision: given a failed attempt, whether to try again, after how long, and why.
//!
//! A [`RetryPolicy`] holds validated [`RetryOptions`] (defaults as in DESIGN.md: 2 retries,
//! idempotent methods, 408 413 425 429 500 502 503 504, server timing honoured for 413 429
//! 503 up to 60 s, 300 ms doubling backoff capped at 10 s with full jitter, a retry budget
//! of 10 tokens in the manner of the AWS SDKs' retry quota). [`RetryPolicy::decide`] takes a
//! [`RetryContext`] and returns a [`RetryDecision`] `{ retry, delay_ms, reason, retry_after_ms }`.
//!
//! The header parsers ([`server_wait`], [`parse_http_date`], …) are public for the bindings
//! and never panic on any input.
//!
//! ```
//! use http_triage::retry::{Headers, RetryContext, RetryPolicy, RetryReason};
//!
//! let mut policy = RetryPolicy::default();
//! let headers = Headers::from_pairs([("Retry-After", "3")]);
//! let ctx = RetryContext::new(1, "GET", 1_700_000_000_000.0)
//!     .with_status(503)
//!     .with_headers(&headers);
//! let d = policy.decide(&ctx);
//! assert!(d.retry);
//! assert_eq!(d.reason, RetryReason::RetryAfter);
//! assert_eq!(d.delay_ms, 3000.0);
//! ```

mod backoff;
mod budget;
mod context;
mod decide;
mod headers;
mod http_date;
mod options;
mod options_json;
mod rate_limit;
mod reason;
mod rng;
mod status;

pub use backoff::backoff_delay;
pub use budget::{RetryBudget, RETRY_COST, TIMEOUT_RETRY_COST};
pub use context::RetryContext;
pub use decide::{RetryDecision, RetryPolicy};
pub use headers::{HeaderView, Headers, DECISION_HEADERS};
pub use http_date::parse_http_date;
pub use options::{
    BudgetOptions, Jitter, RetryOptions, DEFAULT_AFTER_STATUS_CODES, DEFAULT_BASE_DELAY_MS,
    DEFAULT_BUDGET_MAX_TOKENS, DEFAULT_BUDGET_TOKEN_RATIO, DEFAULT_LIMIT, DEFAULT_MAX_DELAY_MS,
    DEFAULT_MAX_RETRY_AFTER_MS, DEFAULT_METHODS, DEFAULT_STATUS_CODES, MAX_BUDGET_TOKENS,
    MAX_LIMIT, MAX_METHOD_LEN,
};
pub use options_json::OPTION_KEYS;
pub use rate_limit::{
    parse_ratelimit_field, parse_reset, parse_retry_after, server_wait, ServerWait, WaitSource,
};
pub use reason::RetryReason;
pub use status::{class_base, effective_status, StatusSet};

#[cfg(test)]
mod tests;
