//! The crate's JSON parser against serde_json on arbitrary text.
//!
//! Checked: no panic; text serde_json accepts parses to the same value (numbers compared as
//! `f64`, objects in document order with a repeated key keeping its first place and last
//! value); text serde_json rejects is rejected too, except numbers beyond the `f64` range
//! (serde_json's error, `JSON.parse`'s `Infinity`), which read as `null`.
#![no_main]

use http_triage::json::{self, Map, Value};
use libfuzzer_sys::fuzz_target;

/// serde_json's value as ours. serde_json's map (without `preserve_order`) is sorted, so ours
/// is sorted to compare.
fn from_serde(v: serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(b),
        serde_json::Value::Number(n) => n.as_f64().map_or(Value::Null, Value::from),
        serde_json::Value::String(s) => Value::String(s),
        serde_json::Value::Array(items) => {
            Value::Array(items.into_iter().map(from_serde).collect())
        }
        serde_json::Value::Object(map) => Value::Object(Map::from_pairs(
            map.into_iter().map(|(k, v)| (k, from_serde(v))).collect(),
        )),
    }
}

/// `v` with every object's members sorted by key.
fn sorted(v: Value) -> Value {
    match v {
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        Value::Object(map) => {
            let mut members: Vec<(String, Value)> =
                map.into_iter().map(|(k, v)| (k, sorted(v))).collect();
            members.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(Map::from_pairs(members))
        }
        other => other,
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let ours = json::parse(text);
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(theirs) => {
            let ours = ours.unwrap_or_else(|e| panic!("serde_json accepts, we reject: {e}"));
            assert_eq!(sorted(ours), from_serde(theirs));
        }
        Err(e) if e.to_string().contains("out of range") => {}
        Err(e) => assert!(
            ours.is_err(),
            "serde_json rejects ({e}), we accept: {ours:?}"
        ),
    }
});
