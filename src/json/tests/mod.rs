//! Tests of the JSON value and map, and of the native reader's `JSON.parse` semantics (member
//! order, repeated keys) that the core relies on.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use super::{json, parse, Map, Value};

fn ok(text: &str) -> Value {
    parse(text).unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

#[test]
fn members_keep_document_order() {
    let v = ok(r#"{"z": 1, "a": 2, "m": 3}"#);
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["z", "a", "m"]);
}

#[test]
fn duplicate_keys_keep_the_first_position_and_the_last_value() {
    let v = ok(r#"{"a": 1, "b": 2, "a": 3}"#);
    let members: Vec<(&str, f64)> = v
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_f64().unwrap()))
        .collect();
    assert_eq!(members, [("a", 3.0), ("b", 2.0)]);
    // Past the size where a hash table finds the duplicates.
    let mut text = String::from("{");
    for i in 0..1000 {
        text.push_str(&format!("\"k{}\": {i},", i % 300));
    }
    text.push_str("\"k0\": \"last\"}");
    let v = ok(&text);
    let map = v.as_object().unwrap();
    assert_eq!(map.len(), 300);
    assert_eq!(map.keys().next().map(String::as_str), Some("k0"));
    assert_eq!(map.get("k0"), Some(&Value::from("last")));
    assert_eq!(map.get("k299").and_then(Value::as_f64), Some(899.0));
    assert_eq!(map.get("k99").and_then(Value::as_f64), Some(999.0));
    assert_eq!(map.keys().nth(299).map(String::as_str), Some("k299"));
}

#[test]
fn map_insert_replaces_in_place() {
    let mut map = Map::new();
    assert_eq!(map.insert("a".into(), Value::from(1.0)), None);
    assert_eq!(map.insert("b".into(), Value::from(2.0)), None);
    assert_eq!(
        map.insert("a".into(), Value::from(3.0)),
        Some(Value::from(1.0))
    );
    assert_eq!(map.keys().collect::<Vec<_>>(), ["a", "b"]);
    assert_eq!(map.remove("a"), Some(Value::from(3.0)));
    assert!(map.contains_key("b") && !map.contains_key("a") && map.len() == 1);
}

#[test]
fn accessors() {
    let v = json!({"s": "x", "n": 2, "b": true, "a": [1], "o": {}, "z": null});
    assert_eq!(v.get("s").and_then(Value::as_str), Some("x"));
    assert_eq!(v.get("n").and_then(Value::as_f64), Some(2.0));
    assert_eq!(v.get("b").and_then(Value::as_bool), Some(true));
    assert_eq!(v.get("a").and_then(Value::as_array).map(Vec::len), Some(1));
    assert!(v
        .get("o")
        .and_then(Value::as_object)
        .is_some_and(Map::is_empty));
    assert!(v.get("z").is_some_and(Value::is_null));
    assert!(v.get("s").is_some_and(Value::is_string));
    assert!(v.get("a").is_some_and(Value::is_array) && v.is_object());
    assert_eq!(v.get("n").and_then(Value::as_str), None);
    assert_eq!(Value::from(f64::NAN), Value::Null);
    assert_eq!(Value::from(f64::INFINITY), Value::Null);
}

#[test]
fn text_that_is_not_json_is_refused() {
    for text in ["", "{", "[1,]", "{\"a\" 1}", "nul", "01", "'x'", "[1] 2"] {
        assert!(parse(text).is_err(), "{text:?}");
    }
    assert_eq!(ok(" [1, 2.5e3, \"x\\u00e9\"] "), json!([1, 2500, "xé"]));
}
