//! Server timing in error bodies: how long the API asks the client to wait before it tries
//! again, for [`ErrorDetails::retry_after_ms`](super::ErrorDetails::retry_after_ms). The retry
//! policy uses it like a `Retry-After` header, which wins when both are present.
//!
//! Read, in order (each with its source):
//! - Google APIs: `error.details[]` of `@type` `type.googleapis.com/google.rpc.RetryInfo`,
//!   `retryDelay` as a protobuf JSON Duration (`"30s"`, `"1.5s"`) or `{seconds, nanos}`
//!   (google/rpc/error_details.proto; AIP-194 "Automatic retry configuration");
//! - Discord: top-level `retry_after`, seconds with a fraction (Discord API "Rate Limits");
//! - Telegram Bot API: `parameters.retry_after`, whole seconds (ResponseParameters).

use crate::json::{Map, Value};

use super::value;

/// The longest wait read, in ms (a protobuf Duration's own limit is 10,000 years).
const MAX_MS: f64 = 315_576_000_000_000.0;

/// The wait `o` asks for, in ms (finite, >= 0).
pub(crate) fn retry_after_ms(o: &Map) -> Option<f64> {
    google(o)
        .or_else(|| o.get("retry_after").and_then(seconds))
        .or_else(|| {
            value::obj(o, "parameters")
                .and_then(|p| p.get("retry_after"))
                .and_then(seconds)
        })
        .filter(|ms| ms.is_finite() && (0.0..=MAX_MS).contains(ms))
        // To the microsecond: 64.57 s is 64570 ms, not 64569.99999999999.
        .map(|ms| (ms * 1000.0).round() / 1000.0)
}

/// Google's `RetryInfo.retryDelay`.
fn google(o: &Map) -> Option<f64> {
    let details = value::obj(o, "error").and_then(|e| value::arr(e, "details"))?;
    details.iter().take(value::MAX_ITEMS).find_map(|item| {
        let item = item.as_object()?;
        if !value::raw_str(item, "@type")?.ends_with("google.rpc.RetryInfo") {
            return None;
        }
        match item.get("retryDelay")? {
            Value::String(s) => duration(s),
            Value::Object(d) => {
                let secs = number_or_digits(d.get("seconds")).unwrap_or(0.0);
                let nanos = number_or_digits(d.get("nanos")).unwrap_or(0.0);
                Some(secs * 1000.0 + nanos / 1e6)
            }
            _ => None,
        }
    })
}

/// A number of seconds (JSON number) as ms.
fn seconds(v: &Value) -> Option<f64> {
    v.as_f64().map(|s| s * 1000.0)
}

/// A JSON number, or a string of digits (proto3 JSON writes int64 as a string).
fn number_or_digits(v: Option<&Value>) -> Option<f64> {
    match v? {
        Value::Number(n) => Some(*n),
        Value::String(s) => value::digits(s, 10).map(|n| n as f64),
        _ => None,
    }
}

/// A protobuf JSON Duration, `<seconds>[.<up to 9 digits>]s`, as ms; `None` for anything else
/// (negative durations included).
fn duration(s: &str) -> Option<f64> {
    let number = s.trim().strip_suffix('s')?;
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    if whole.len() > 12 || fraction.len() > 9 {
        return None;
    }
    let secs = value::digits(whole, 10)? as f64;
    let frac_ms = if fraction.is_empty() {
        0.0
    } else {
        // Digits times 1000 over 10^len: "1.5s" is exactly 1500 ms, "0.000001s" 0.001 ms.
        let scale = 10u64.pow(u32::try_from(fraction.len()).ok()?) as f64;
        value::digits(fraction, 10)? as f64 * 1000.0 / scale
    };
    Some(secs * 1000.0 + frac_ms)
}
