//! Server-requested waits: `Retry-After` (RFC 9110 §10.2.3), the structured `RateLimit`
//! field (draft-ietf-httpbis-ratelimit-headers) and the `RateLimit-Reset` family.
//! No allocation; never panics; huge numbers saturate.

use super::headers::HeaderView;
use super::http_date::{now_secs, parse_http_date};

/// Where a server-requested wait came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WaitSource {
    /// The `Retry-After` header (delta-seconds or an HTTP-date).
    RetryAfter,
    /// The structured `RateLimit` field: the largest `t` of the policies with `r=0`.
    RateLimit,
    /// `RateLimit-Reset`, `X-RateLimit-Reset` or `X-Rate-Limit-Reset`.
    RateLimitReset,
    /// The error body (Google's `RetryInfo.retryDelay`, Discord's and Telegram's
    /// `retry_after`), read by [`crate::problem`]; used only when no header gives a wait.
    Body,
}

/// A wait the server asked for, in milliseconds from now (0 for a time in the past).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ServerWait {
    /// How long to wait, in milliseconds; always finite and >= 0.
    pub ms: f64,
    /// Which header (or the body) said so.
    pub source: WaitSource,
}

/// The reset headers tried in order, each with the remaining-count header of its family.
const RESET_HEADERS: [(&str, &str); 3] = [
    ("ratelimit-reset", "ratelimit-remaining"),
    ("x-ratelimit-reset", "x-ratelimit-remaining"),
    ("x-rate-limit-reset", "x-rate-limit-remaining"),
];

/// A reset value at or above this is always epoch milliseconds (2001-09-09 and later).
const EPOCH_MS_FROM: f64 = 1e12;
/// A reset value at or above this is always epoch seconds: as a delta it would be 31 years.
const EPOCH_SECS_FROM: f64 = 1e9;
/// Below this a reset value is always delta seconds (3 years).
const DELTA_SECS_BELOW: f64 = 1e8;

/// The wait `headers` ask for, trying in order: `Retry-After`, the structured `RateLimit`
/// field, then `RateLimit-Reset` / `X-RateLimit-Reset` / `X-Rate-Limit-Reset`. A header that
/// is absent or malformed is skipped; `None` when none of them gives a wait.
///
/// Absolute times (an HTTP-date, an epoch timestamp) are measured against the response's
/// `Date` header when it is present and valid (so a skewed client clock does not matter),
/// else against `now_ms` (epoch milliseconds).
pub fn server_wait<'h>(headers: impl Into<HeaderView<'h>>, now_ms: f64) -> Option<ServerWait> {
    let headers = headers.into();
    let reference = || reference_ms(headers, now_ms);
    if let Some(ms) = headers
        .get("retry-after")
        .and_then(|v| parse_retry_after(v, reference, now_ms))
    {
        return Some(ServerWait {
            ms,
            source: WaitSource::RetryAfter,
        });
    }
    let rate_limit = headers
        .get_all("ratelimit")
        .filter_map(parse_ratelimit_field)
        .reduce(f64::max);
    if let Some(ms) = rate_limit {
        return Some(ServerWait {
            ms,
            source: WaitSource::RateLimit,
        });
    }
    for (reset, remaining) in RESET_HEADERS {
        let Some(value) = headers.get(reset) else {
            continue;
        };
        // A family that says quota is left is not asking us to wait.
        let quota_left = headers
            .get(remaining)
            .and_then(parse_seconds_ms)
            .is_some_and(|ms| ms > 0);
        if quota_left {
            continue;
        }
        if let Some(ms) = parse_reset(value, reference, now_ms) {
            return Some(ServerWait {
                ms,
                source: WaitSource::RateLimitReset,
            });
        }
    }
    None
}

/// Parses a `Retry-After` value into a wait in ms: delta-seconds (digits; a fraction is
/// tolerated) or an HTTP-date in any RFC 9110 form, measured against `reference()`.
/// A date in the past gives 0. `None` for a malformed value.
///
/// When several `Retry-After` fields were joined with commas (as fetch's `Headers` does),
/// the first delta-seconds is used.
pub fn parse_retry_after(value: &str, reference: impl FnOnce() -> f64, now_ms: f64) -> Option<f64> {
    let value = value.trim_ascii();
    if let Some(ms) = parse_seconds_ms(value) {
        return Some(ms as f64);
    }
    if let Some(secs) = parse_http_date(value, now_ms) {
        return Some(until(secs as f64 * 1000.0, reference()));
    }
    let (first, _) = value.split_once(',')?;
    parse_seconds_ms(first).map(|ms| ms as f64)
}

/// Parses one line of the structured `RateLimit` field into a wait in ms.
///
/// The current draft's form is a list of policies with parameters, e.g.
/// `"default";r=0;t=30, "daily";r=100;t=3600`; the wait is the largest `t` (seconds) among
/// the policies whose remaining quota `r` is 0. The older dictionary form
/// `limit=100, remaining=0, reset=30` is accepted too. `None` when no exhausted policy
/// says when it resets.
pub fn parse_ratelimit_field(value: &str) -> Option<f64> {
    let mut best: Option<u64> = None;
    let mut dict_remaining = None;
    let mut dict_reset = None;
    for member in Split::new(value, b',') {
        let mut parts = Split::new(member, b';');
        let head = parts.next().unwrap_or_default().trim();
        if !head.starts_with('"') {
            if let Some((key, v)) = head.split_once('=') {
                // Dictionary member (draft-07 and earlier).
                match key.trim() {
                    "remaining" => dict_remaining = parse_seconds_ms(v),
                    "reset" => dict_reset = parse_seconds_ms(v),
                    _ => {}
                }
                continue;
            }
        }
        let mut remaining = None;
        let mut reset = None;
        for param in parts {
            let Some((key, v)) = param.split_once('=') else {
                continue;
            };
            match key.trim() {
                "r" => remaining = parse_seconds_ms(v),
                "t" => reset = parse_seconds_ms(v),
                _ => {}
            }
        }
        if remaining == Some(0) {
            if let Some(t) = reset {
                best = Some(best.map_or(t, |b| b.max(t)));
            }
        }
    }
    if dict_remaining == Some(0) {
        if let Some(t) = dict_reset {
            best = Some(best.map_or(t, |b| b.max(t)));
        }
    }
    best.map(|ms| ms as f64)
}

/// Parses a `*-RateLimit-Reset` value into a wait in ms: delta seconds, an epoch timestamp,
/// or an HTTP-date. A number is epoch seconds when it is clearly a timestamp: at least 1e9
/// (as a delta, over 31 years), or at least 1e8 and half the reference time's epoch seconds
/// (so a server whose `Date` is in the past still works); likewise epoch milliseconds from
/// 1e12 (or from 1e11 and half the reference's epoch ms). Absolute times are measured
/// against `reference()` (epoch ms); past ones give 0.
pub fn parse_reset(value: &str, reference: impl FnOnce() -> f64, now_ms: f64) -> Option<f64> {
    let value = value.trim_ascii();
    if let Some(ms) = parse_seconds_ms(value) {
        let ms = ms as f64;
        let raw = ms / 1000.0;
        if raw < DELTA_SECS_BELOW {
            return Some(ms);
        }
        let reference = reference();
        let half_ref_ms = reference / 2.0;
        return Some(
            if raw
                >= EPOCH_MS_FROM
                    .min(half_ref_ms)
                    .max(DELTA_SECS_BELOW * 1000.0)
            {
                until(raw, reference)
            } else if raw >= EPOCH_SECS_FROM.min(half_ref_ms / 1000.0) {
                until(ms, reference)
            } else {
                ms
            },
        );
    }
    parse_http_date(value, now_ms).map(|secs| until(secs as f64 * 1000.0, reference()))
}

/// Epoch ms to measure absolute times against: the `Date` header if valid, else `now_ms`.
fn reference_ms(headers: HeaderView<'_>, now_ms: f64) -> f64 {
    headers
        .get("date")
        .and_then(|d| parse_http_date(d, now_ms))
        .map_or_else(|| now_secs_ms(now_ms), |secs| secs as f64 * 1000.0)
}

/// `now_ms` made finite (clamped like a JavaScript `Date`; NaN → 0).
fn now_secs_ms(now_ms: f64) -> f64 {
    if now_ms.is_finite() {
        now_ms
    } else {
        now_secs(now_ms) as f64 * 1000.0
    }
}

/// Milliseconds from `reference` until `target`, 0 when already past.
fn until(target: f64, reference: f64) -> f64 {
    let wait = target - reference;
    if wait > 0.0 {
        wait
    } else {
        0.0
    }
}

/// Non-negative decimal seconds (`30`, `1.5`) as whole milliseconds, saturating.
/// Digits only: no sign, exponent or inner spaces; surrounding whitespace is ignored.
pub(crate) fn parse_seconds_ms(value: &str) -> Option<u64> {
    let value = value.trim_ascii();
    let (int, frac) = match value.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (value, None),
    };
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let secs = int.bytes().fold(0u64, |n, d| {
        n.saturating_mul(10).saturating_add(u64::from(d - b'0'))
    });
    let mut ms = secs.saturating_mul(1000);
    if let Some(frac) = frac {
        if frac.is_empty() || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let mut scale = 100;
        for d in frac.bytes().take(3) {
            ms = ms.saturating_add(u64::from(d - b'0') * scale);
            scale /= 10;
        }
    }
    Some(ms)
}

/// Splits on `sep` outside double-quoted strings (with backslash escapes).
struct Split<'a> {
    rest: Option<&'a str>,
    sep: u8,
}

impl<'a> Split<'a> {
    fn new(s: &'a str, sep: u8) -> Self {
        Split { rest: Some(s), sep }
    }
}

impl<'a> Iterator for Split<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let s = self.rest?;
        let mut quoted = false;
        let mut escaped = false;
        for (i, b) in s.bytes().enumerate() {
            if escaped {
                escaped = false;
            } else if quoted && b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                quoted = !quoted;
            } else if !quoted && b == self.sep {
                // `sep` is ASCII, so both slices fall on char boundaries.
                self.rest = s.get(i + 1..);
                return s.get(..i);
            }
        }
        self.rest = None;
        Some(s)
    }
}
