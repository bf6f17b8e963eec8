//! Exponential backoff with jitter.

use super::options::Jitter;
use super::rng::Rng;

/// The un-jittered backoff before retrying after `attempt` (1-based) failed:
/// `base_ms * 2^(attempt-1)`, capped at `max_ms`. Always finite: saturates at `f64::MAX`
/// instead of overflowing; 0 for negative or NaN inputs.
pub fn backoff_delay(attempt: u32, base_ms: f64, max_ms: f64) -> f64 {
    let exponent = attempt.saturating_sub(1).min(63);
    let grown = base_ms * (1u64 << exponent) as f64;
    let capped = if grown.is_nan() {
        0.0
    } else {
        grown.min(max_ms)
    };
    if capped.is_infinite() {
        f64::MAX
    } else if capped > 0.0 {
        capped
    } else {
        0.0
    }
}

/// `delay` randomised: full → uniform `[0, delay]`, equal → `[delay/2, delay]`, none →
/// `delay`. Jittered values are whole milliseconds (floored, so never above `delay`).
pub(crate) fn jittered(delay: f64, jitter: Jitter, rng: &mut Rng) -> f64 {
    match jitter {
        Jitter::None => delay,
        Jitter::Full => (rng.next_f64() * delay).floor(),
        Jitter::Equal => {
            let half = delay / 2.0;
            (half + rng.next_f64() * half).floor()
        }
    }
}
