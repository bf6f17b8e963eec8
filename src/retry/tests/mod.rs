//! Tests of the retry module: one file per concern, plus property tests.

mod budget;
mod decide;
mod headers;
mod http_date;
#[cfg(not(target_arch = "wasm32"))]
mod load;
mod options;
#[cfg(not(target_arch = "wasm32"))]
#[cfg(not(target_arch = "wasm32"))]
mod perf;
#[cfg(not(target_arch = "wasm32"))]
mod props;
mod rate_limit;

use super::{Headers, Jitter, RetryContext, RetryOptions, RetryPolicy};

/// 2023-11-14T22:13:20Z.
pub(super) const NOW: f64 = 1_700_000_000_000.0;
/// The RFC 9110 example date, Sun, 06 Nov 1994 08:49:37 GMT, in epoch seconds.
pub(super) const RFC_EXAMPLE: i64 = 784_111_777;

/// A policy with no jitter and no budget, so delays are exact and nothing is throttled.
pub(super) fn exact_policy() -> RetryPolicy {
    exact_policy_with(|_| {})
}

/// Like [`exact_policy`], with `edit` applied to the options first.
pub(super) fn exact_policy_with(edit: impl FnOnce(&mut RetryOptions)) -> RetryPolicy {
    let mut options = RetryOptions {
        jitter: Jitter::None,
        budget: None,
        seed: Some(7),
        ..RetryOptions::default()
    };
    edit(&mut options);
    match RetryPolicy::new(options) {
        Ok(p) => p,
        Err(e) => panic!("invalid test options: {e}"),
    }
}

/// Headers from literal pairs.
pub(super) fn headers(pairs: &[(&str, &str)]) -> Headers {
    Headers::from_pairs(pairs.iter().copied())
}

/// A GET context for `attempt` with `status` at [`NOW`].
pub(super) fn get(attempt: u32, status: u16) -> RetryContext<'static> {
    RetryContext::new(attempt, "GET", NOW).with_status(status)
}
