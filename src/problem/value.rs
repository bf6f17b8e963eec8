//! Reading members of a parsed body: typed, cleaned, and never deeper than asked.

use crate::json::{Map, Value};

use super::text;
use crate::error::js_number;

/// How many elements of any one array are looked at.
pub(crate) const MAX_ITEMS: usize = 256;

/// The member `key` of `o` when it is an object.
pub(crate) fn obj<'a>(o: &'a Map, key: &str) -> Option<&'a Map> {
    o.get(key).and_then(Value::as_object)
}

/// The member `key` of `o` when it is an array.
pub(crate) fn arr<'a>(o: &'a Map, key: &str) -> Option<&'a [Value]> {
    o.get(key).and_then(Value::as_array).map(Vec::as_slice)
}

/// The member `key` of `o` when it is a string (raw, not cleaned).
pub(crate) fn raw_str<'a>(o: &'a Map, key: &str) -> Option<&'a str> {
    o.get(key).and_then(Value::as_str)
}

/// The member `key` of `o` as cleaned text, when it is a non-blank string.
pub(crate) fn string(o: &Map, key: &str) -> Option<String> {
    raw_str(o, key).and_then(text::clean)
}

/// The first of `keys` in `o` that is a non-blank string, cleaned.
pub(crate) fn first_string(o: &Map, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| string(o, k))
}

/// A code: a non-blank string (cleaned) or an integer (in decimal).
pub(crate) fn code(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => text::clean(s),
        Value::Number(n) => integer(*n),
        _ => None,
    }
}

/// An integer in decimal, as JavaScript's `String(n)` prints it; `None` for fractions and
/// beyond 2^53 - 1 (`Number.MAX_SAFE_INTEGER`), where the number read may no longer be the
/// integer the body wrote.
pub(crate) fn integer(n: f64) -> Option<String> {
    (n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_991.0).then(|| js_number(n))
}

/// A status code in 100..=599: an integral number, or with `allow_string` also a string of
/// digits (JSON:API and GitHub send `"422"`).
pub(crate) fn status(v: Option<&Value>, allow_string: bool) -> Option<u16> {
    let n = match v? {
        Value::Number(n) => {
            if n.fract() != 0.0 || !(100.0..=599.0).contains(n) {
                return None;
            }
            *n as u64
        }
        Value::String(s) if allow_string => {
            let s = s.trim();
            if s.is_empty() || s.len() > 3 || !s.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            s.parse().ok()?
        }
        _ => return None,
    };
    if (100..=599).contains(&n) {
        u16::try_from(n).ok()
    } else {
        None
    }
}

/// A message: a non-blank string, or an array of strings joined with `"; "`.
pub(crate) fn message(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => text::clean(s),
        Value::Array(items) => text::join(items.iter().take(MAX_ITEMS).filter_map(Value::as_str)),
        _ => None,
    }
}

/// An extension member's value when it is simple: cleaned string, number or boolean.
pub(crate) fn simple(v: &Value) -> Option<Value> {
    match v {
        Value::String(s) => text::clean(s).map(Value::String),
        Value::Number(_) | Value::Bool(_) => Some(v.clone()),
        _ => None,
    }
}

/// An extension member's value: a simple value, or an array of simple values (the others
/// skipped) of at most [`MAX_EXTENSION_ITEMS`](super::MAX_EXTENSION_ITEMS) items.
pub(crate) fn member(v: &Value) -> Option<Value> {
    match v {
        Value::Array(items) => {
            let kept: Vec<Value> = items
                .iter()
                .take(MAX_ITEMS)
                .filter_map(simple)
                .take(super::MAX_EXTENSION_ITEMS)
                .collect();
            (!kept.is_empty()).then_some(Value::Array(kept))
        }
        _ => simple(v),
    }
}

/// True when `o` has a member `key` that is a string.
pub(crate) fn has_str(o: &Map, key: &str) -> bool {
    raw_str(o, key).is_some()
}

/// The value of `s` in base `radix` (10 or 16) when it is 1 to 15 digits of that base and
/// nothing else. Written out because core's `str::parse` brings its own parsers into the wasm.
pub(crate) fn digits(s: &str, radix: u32) -> Option<u64> {
    if s.is_empty() || s.len() > 15 {
        return None;
    }
    s.chars().try_fold(0u64, |n, c| {
        Some(n * u64::from(radix) + u64::from(c.to_digit(radix)?))
    })
}
