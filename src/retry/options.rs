//! Retry options, their defaults (DESIGN.md) and their validation.

use std::borrow::Cow;

use crate::error::{js_number, ArgError};

use super::headers::is_tchar;
use super::status::StatusSet;

/// Default [`RetryOptions::limit`]: 2 retries, 3 attempts in all (as ky and got).
pub const DEFAULT_LIMIT: u32 = 2;
/// The largest [`RetryOptions::limit`] accepted.
pub const MAX_LIMIT: u32 = 100;
/// Default [`RetryOptions::methods`]: the idempotent methods of RFC 9110 §9.2.2.
pub const DEFAULT_METHODS: [&str; 6] = ["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"];
/// Default [`RetryOptions::status_codes`] (413 only with a timing header), as documentation:
/// `RetryOptions::default()` builds the set from the status catalog, and a test checks they agree.
pub const DEFAULT_STATUS_CODES: [u16; 8] = [408, 413, 425, 429, 500, 502, 503, 504];
/// Default [`RetryOptions::after_status_codes`]: whose Retry-After / RateLimit is honoured
/// (`RetryOptions::default()` takes them from [`crate::catalog::DEFAULT_AFTER_STATUSES`]).
pub const DEFAULT_AFTER_STATUS_CODES: [u16; 3] = [413, 429, 503];
/// Default [`RetryOptions::max_retry_after_ms`].
pub const DEFAULT_MAX_RETRY_AFTER_MS: f64 = 60_000.0;
/// Default [`RetryOptions::base_delay_ms`].
pub const DEFAULT_BASE_DELAY_MS: f64 = 300.0;
/// Default [`RetryOptions::max_delay_ms`].
pub const DEFAULT_MAX_DELAY_MS: f64 = 10_000.0;
/// Default [`BudgetOptions::max_tokens`].
pub const DEFAULT_BUDGET_MAX_TOKENS: f64 = 10.0;
/// Default [`BudgetOptions::token_ratio`].
pub const DEFAULT_BUDGET_TOKEN_RATIO: f64 = 0.5;
/// The largest [`BudgetOptions::max_tokens`] accepted (as gRPC).
pub const MAX_BUDGET_TOKENS: f64 = 1000.0;
/// The longest method name accepted, in bytes.
pub const MAX_METHOD_LEN: usize = 32;

/// How the computed backoff is randomised.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Jitter {
    /// Uniform in `[0, d]` (the default; spreads clients best).
    #[default]
    Full,
    /// Uniform in `[d/2, d]`.
    Equal,
    /// Exactly `d`.
    None,
}

impl Jitter {
    /// The option's string form: `full`, `equal` or `none`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Jitter::Full => "full",
            Jitter::Equal => "equal",
            Jitter::None => "none",
        }
    }

    /// Parses the string form (exact, lowercase).
    pub fn from_name(name: &str) -> Option<Jitter> {
        match name {
            "full" => Some(Jitter::Full),
            "equal" => Some(Jitter::Equal),
            "none" => Some(Jitter::None),
            _ => None,
        }
    }
}

/// The retry budget shared by every call through one policy (the rule is in
/// [`RetryBudget`](super::RetryBudget)): a retry costs 1 token (2 after a timeout), a retry
/// that succeeds gives it back, a first-attempt success adds `token_ratio`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BudgetOptions {
    /// Starting and largest token count, in (0, 1000]: the most retries an outage gets
    /// (default 10). A retry needs the bucket to hold its cost.
    pub max_tokens: f64,
    /// Tokens a call that succeeds at its first attempt adds, in (0, 1] (default 0.5); kept
    /// to 3 decimal places.
    pub token_ratio: f64,
}

impl Default for BudgetOptions {
    fn default() -> Self {
        BudgetOptions {
            max_tokens: DEFAULT_BUDGET_MAX_TOKENS,
            token_ratio: DEFAULT_BUDGET_TOKEN_RATIO,
        }
    }
}

/// Every option of a retry policy. `Default` gives the documented defaults; build from
/// JavaScript-style loose input with [`RetryOptions::from_json`], or set fields and call
/// [`RetryOptions::validate`] (which [`RetryPolicy::new`](super::RetryPolicy::new) does).
#[derive(Clone, Debug, PartialEq)]
pub struct RetryOptions {
    /// Retries after the first attempt, 0..=100.
    pub limit: u32,
    /// Methods retried without an idempotency key: HTTP tokens, compared case-insensitively
    /// (stored uppercase by [`RetryOptions::from_json`]). The defaults are borrowed, so a
    /// default policy holds one small allocation, cheap to make and to free.
    pub methods: Vec<Cow<'static, str>>,
    /// Statuses that are retried (413 only with a timing header).
    pub status_codes: StatusSet,
    /// Statuses whose Retry-After / RateLimit timing is honoured.
    pub after_status_codes: StatusSet,
    /// A server asking to wait longer than this is not retried; finite, >= 0.
    pub max_retry_after_ms: f64,
    /// First backoff delay; doubles each attempt. Finite, >= 0.
    pub base_delay_ms: f64,
    /// Cap on the computed backoff (not on a server's wait). Finite, >= 0.
    pub max_delay_ms: f64,
    /// How the computed backoff is randomised.
    pub jitter: Jitter,
    /// Retry an idempotent request whose attempt timed out.
    pub retry_on_timeout: bool,
    /// Retry any method (POST, PATCH…) when the request carries an `Idempotency-Key` or
    /// `X-Idempotency-Key` header; such a request is also retried on 409.
    pub retry_non_idempotent_with_key: bool,
    /// The retry budget, or `None` for no throttling.
    pub budget: Option<BudgetOptions>,
    /// Seed of the jitter's random source; `None` for a fixed seed mixed with the first
    /// `now` the policy sees (seed from `Math.random()` for real decorrelation).
    pub seed: Option<u64>,
}

impl Default for RetryOptions {
    fn default() -> Self {
        RetryOptions {
            limit: DEFAULT_LIMIT,
            methods: DEFAULT_METHODS.iter().map(|m| Cow::Borrowed(*m)).collect(),
            // The status catalog is the source: rows marked retryable (413 only with timing).
            status_codes: crate::catalog::default_retry_statuses().fold(
                StatusSet::new(),
                |mut set, code| {
                    set.insert(code);
                    set
                },
            ),
            after_status_codes: StatusSet::from_codes(&crate::catalog::DEFAULT_AFTER_STATUSES),
            max_retry_after_ms: DEFAULT_MAX_RETRY_AFTER_MS,
            base_delay_ms: DEFAULT_BASE_DELAY_MS,
            max_delay_ms: DEFAULT_MAX_DELAY_MS,
            jitter: Jitter::Full,
            retry_on_timeout: true,
            retry_non_idempotent_with_key: true,
            budget: Some(BudgetOptions::default()),
            seed: None,
        }
    }
}

impl RetryOptions {
    /// Checks every field, with messages that name the option (`limit`, `methods[1]`,
    /// `budget.maxTokens`…).
    pub fn validate(&self) -> Result<(), ArgError> {
        check_limit(f64::from(self.limit), "limit")?;
        for (i, method) in self.methods.iter().enumerate() {
            check_method(method, || format!("methods[{i}]"))?;
        }
        check_ms(self.max_retry_after_ms, "maxRetryAfterMs")?;
        check_ms(self.base_delay_ms, "baseDelayMs")?;
        check_ms(self.max_delay_ms, "maxDelayMs")?;
        if let Some(budget) = &self.budget {
            check_max_tokens(budget.max_tokens, "budget.maxTokens")?;
            check_token_ratio(budget.token_ratio, "budget.tokenRatio")?;
        }
        Ok(())
    }

    /// True when `method` (any case) is one of [`RetryOptions::methods`].
    pub fn is_retryable_method(&self, method: &str) -> bool {
        self.methods.iter().any(|m| m.eq_ignore_ascii_case(method))
    }
}

/// What `limit` must be.
pub(crate) const LIMIT_RULE: &str = "an integer from 0 to 100";
/// What a duration option must be.
pub(crate) const MS_RULE: &str = "a finite number >= 0";
/// What a status code entry must be.
pub(crate) const STATUS_RULE: &str = "an integer from 100 to 599";
/// What a method entry must be.
pub(crate) const METHOD_RULE: &str = "an HTTP method name (a token of 1 to 32 characters)";
/// What `budget.maxTokens` must be.
pub(crate) const MAX_TOKENS_RULE: &str = "a number greater than 0 and at most 1000";
/// What `budget.tokenRatio` must be.
pub(crate) const TOKEN_RATIO_RULE: &str = "a number greater than 0 and at most 1";

fn range(path: &str, rule: &str, v: f64) -> ArgError {
    ArgError::range_error(format!("{path} must be {rule}, got {}", js_number(v)))
}

fn is_integer(v: f64) -> bool {
    v.is_finite() && v.fract() == 0.0
}

/// `limit`: an integer 0..=100.
pub(crate) fn check_limit(v: f64, path: &str) -> Result<u32, ArgError> {
    if is_integer(v) && (0.0..=f64::from(MAX_LIMIT)).contains(&v) {
        return Ok(v as u32);
    }
    Err(range(path, LIMIT_RULE, v))
}

/// A duration option: a finite number >= 0.
pub(crate) fn check_ms(v: f64, path: &str) -> Result<f64, ArgError> {
    if v.is_finite() && v >= 0.0 {
        return Ok(v);
    }
    Err(range(path, MS_RULE, v))
}

/// A status code entry: an integer 100..=599.
pub(crate) fn check_status(v: f64, path: &str) -> Result<u16, ArgError> {
    if is_integer(v) && (100.0..=599.0).contains(&v) {
        return Ok(v as u16);
    }
    Err(range(path, STATUS_RULE, v))
}

/// A method name: an RFC 9110 token of at most 32 bytes; returned uppercase.
pub(crate) fn check_method(v: &str, path: impl FnOnce() -> String) -> Result<String, ArgError> {
    if !v.is_empty() && v.len() <= MAX_METHOD_LEN && v.bytes().all(is_tchar) {
        return Ok(v.to_ascii_uppercase());
    }
    Err(ArgError::type_error(format!(
        "{} must be {METHOD_RULE}, got {}",
        path(),
        quote(v)
    )))
}

/// `budget.maxTokens`: a number in (0, 1000].
pub(crate) fn check_max_tokens(v: f64, path: &str) -> Result<f64, ArgError> {
    if v.is_finite() && v > 0.0 && v <= MAX_BUDGET_TOKENS {
        return Ok(v);
    }
    Err(range(path, MAX_TOKENS_RULE, v))
}

/// `budget.tokenRatio`: a number in (0, 1].
pub(crate) fn check_token_ratio(v: f64, path: &str) -> Result<f64, ArgError> {
    if v.is_finite() && v > 0.0 && v <= 1.0 {
        return Ok(v);
    }
    Err(range(path, TOKEN_RATIO_RULE, v))
}

/// A string as a message shows it: double-quoted, cut to 40 characters.
pub(crate) fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    let mut chars = s.chars();
    out.extend(chars.by_ref().take(40));
    if chars.next().is_some() {
        out.push('…');
    }
    out.push('"');
    out
}
