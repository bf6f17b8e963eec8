use serde_json::json;

use super::super::Headers;
use super::headers;

#[test]
fn names_are_case_insensitive_and_stored_lowercase() {
    let h = headers(&[("Retry-After", " 5\t"), ("X-Thing", "a"), ("x-thing", "b")]);
    assert_eq!(h.get("retry-after"), Some("5"));
    assert_eq!(h.get("RETRY-AFTER"), Some("5"));
    assert_eq!(h.get_all("X-THING").collect::<Vec<_>>(), ["a", "b"]);
    assert_eq!(h.iter().next(), Some(("retry-after", "5")));
    assert!(h.contains("x-thing"));
    assert!(!h.contains("date"));
    assert_eq!(h.len(), 3);
}

#[test]
fn hostile_input_is_bounded() {
    let long = "9".repeat(Headers::MAX_VALUE_LEN + 1);
    let h = headers(&[("Retry-After", &long), ("Retry-After", "7")]);
    assert_eq!(h.get("retry-after"), Some("7"));

    let mut h = Headers::new();
    assert!(!h.append("", "x"));
    assert!(!h.append("bad name", "x"));
    assert!(!h.append("bad:name", "x"));
    assert!(!h.append("é", "x"));
    assert!(!h.append(&"n".repeat(Headers::MAX_NAME_LEN + 1), "x"));
    assert!(h.append("ok", &"v".repeat(Headers::MAX_VALUE_LEN)));
    assert_eq!(h.len(), 1);

    let many = Headers::from_pairs((0..10_000).map(|i| (format!("h{i}"), "v")));
    assert_eq!(many.len(), Headers::MAX_ENTRIES);
    // Only MAX_SCANNED input pairs are looked at, even when all are ignored.
    let junk = (0..Headers::MAX_SCANNED).map(|_| ("bad name", "v"));
    let h = Headers::from_pairs(junk.chain([("retry-after", "1")]));
    assert!(h.is_empty());
}

#[test]
fn from_json_objects_and_pair_arrays() {
    let h = Headers::from_json(&json!({"Retry-After": "3", "X-Num": 5, "Date": null}));
    assert_eq!(h.get("retry-after"), Some("3"));
    assert_eq!(h.len(), 1);
    let h = Headers::from_json(&json!([
        ["retry-after", "4"],
        ["a"],
        ["b", 1],
        "c",
        ["d", "e"]
    ]));
    assert_eq!(h.get("Retry-After"), Some("4"));
    assert_eq!(h.get("d"), Some("e"));
    assert_eq!(h.len(), 2);
    assert!(Headers::from_json(&json!("nope")).is_empty());
}

#[test]
fn idempotency_keys() {
    assert!(headers(&[("Idempotency-Key", "abc")]).has_idempotency_key());
    assert!(headers(&[("X-Idempotency-Key", "abc")]).has_idempotency_key());
    assert!(!headers(&[("Idempotency-Key", "  ")]).has_idempotency_key());
    assert!(!headers(&[("Idempotency", "abc")]).has_idempotency_key());
}
