//! The descriptions pack: validation, merging, and what `classify()` reports once one is
//! registered. Each test thread has its own registry, so registering here touches no other test.

use serde_json::Map;

use crate::json::{json, Value};

use crate::classify::{classify, classify_builtin};
use crate::error::{ArgError, ArgErrorKind};
use crate::messages::descriptions::{Descriptions, MAX_DESCRIPTION_CHARS};
use crate::messages::{add_descriptions, description, reset_descriptions};

const NOT_FOUND: &str = "A long text about 404, as the pack has it.";

fn type_error(message: &str) -> ArgError {
    ArgError::type_error(message)
}

fn range_error(message: &str) -> ArgError {
    ArgError::range_error(message)
}

#[test]
fn a_registered_pack_replaces_the_one_liners_of_its_codes() {
    reset_descriptions();
    let short = classify(404).unwrap().description.into_owned();
    let fallback = classify(433).unwrap().description.into_owned();
    add_descriptions(&json!({
        "locale": "en",
        "statuses": { "404": NOT_FOUND, "432": "Our API's own 432: the cart is closed." }
    }))
    .unwrap();
    assert_eq!(classify(404).unwrap().description, NOT_FOUND);
    // Any code in range may be described, also one the catalog has no row for.
    assert_eq!(
        classify(432).unwrap().description,
        "Our API's own 432: the cart is closed."
    );
    // Codes the pack lacks keep the built-in line; facts never change.
    assert_eq!(classify(433).unwrap().description, fallback);
    assert_eq!(
        classify(405).unwrap().description,
        classify_builtin(405).unwrap().description
    );
    let info = classify(404).unwrap();
    let builtin = classify_builtin(404).unwrap();
    assert_eq!(builtin.description, short);
    assert_eq!(
        (info.reason, info.kind, info.retryable),
        (builtin.reason, builtin.kind, builtin.retryable)
    );
    reset_descriptions();
    assert_eq!(classify(404).unwrap().description, short);
}

#[test]
fn later_packs_override_code_by_code() {
    reset_descriptions();
    add_descriptions(&json!({ "statuses": { "404": "first 404", "503": "first 503" } })).unwrap();
    add_descriptions(&json!({ "statuses": { "503": "second 503" } })).unwrap();
    assert_eq!(description(404).as_deref(), Some("first 404"));
    assert_eq!(description(503).as_deref(), Some("second 503"));
    assert_eq!(description(500), None);
    // An empty statuses object is a valid pack that changes nothing.
    add_descriptions(&json!({ "statuses": {} })).unwrap();
    assert_eq!(description(404).as_deref(), Some("first 404"));
    reset_descriptions();
    assert_eq!(description(404), None);
}

#[test]
fn a_rejected_pack_registers_nothing() {
    reset_descriptions();
    add_descriptions(&json!({ "statuses": { "404": NOT_FOUND } })).unwrap();
    // The good entries of a bad pack are not kept either.
    let err =
        add_descriptions(&json!({ "statuses": { "404": "replaced?", "500": "new?", "503": 5 } }))
            .unwrap_err();
    assert_eq!(err, type_error(r#"statuses["503"] must be a string"#));
    assert_eq!(description(404).as_deref(), Some(NOT_FOUND));
    assert_eq!(description(500), None);
    reset_descriptions();
}

#[test]
fn malformed_packs_name_the_path() {
    let long = "x".repeat(MAX_DESCRIPTION_CHARS + 1);
    let table: Vec<(Value, ArgError)> = vec![
        (json!(null), type_error("pack must be an object")),
        (json!(42), type_error("pack must be an object")),
        (json!("en"), type_error("pack must be an object")),
        (
            json!([{ "statuses": {} }]),
            type_error("pack must be an object"),
        ),
        (json!({}), type_error("statuses must be an object")),
        (
            json!({ "locale": "en" }),
            type_error("statuses must be an object"),
        ),
        (
            json!({ "statuses": null }),
            type_error("statuses must be an object"),
        ),
        (
            json!({ "statuses": [] }),
            type_error("statuses must be an object"),
        ),
        (
            json!({ "statuses": "404" }),
            type_error("statuses must be an object"),
        ),
        (
            json!({ "statuses": {}, "status": {} }),
            type_error("status is not a known field"),
        ),
        (
            json!({ "statuses": {}, "kinds": {} }),
            type_error("kinds is not a known field"),
        ),
        (
            json!({ "locale": 5, "statuses": {} }),
            type_error("locale must be a BCP 47 language tag"),
        ),
        (
            json!({ "locale": "not a tag", "statuses": {} }),
            type_error("locale must be a BCP 47 language tag"),
        ),
        (
            json!({ "locale": "", "statuses": {} }),
            type_error("locale must be a BCP 47 language tag"),
        ),
        (
            json!({ "statuses": { "404": 404 } }),
            type_error(r#"statuses["404"] must be a string"#),
        ),
        (
            json!({ "statuses": { "404": true } }),
            type_error(r#"statuses["404"] must be a string"#),
        ),
        (
            json!({ "statuses": { "404": ["a"] } }),
            type_error(r#"statuses["404"] must be a string"#),
        ),
        (
            json!({ "statuses": { "404": { "en": "a" } } }),
            type_error(r#"statuses["404"] must be a string"#),
        ),
        (
            json!({ "statuses": { "404": "" } }),
            type_error(r#"statuses["404"] must be a non-empty string"#),
        ),
        (
            json!({ "statuses": { "404": " \n\t" } }),
            type_error(r#"statuses["404"] must be a non-empty string"#),
        ),
        (
            json!({ "statuses": { "404": long } }),
            range_error(r#"statuses["404"] must be at most 4096 characters"#),
        ),
    ];
    for (value, expected) in table {
        assert_eq!(Descriptions::from_value(&value), Err(expected), "{value:?}");
    }
}

#[test]
fn keys_must_be_status_codes() {
    let check = |key: &str, kind: ArgErrorKind, shown: &str| {
        let mut statuses = Map::new();
        statuses.insert(key.to_string(), serde_json::json!("text"));
        let err = Descriptions::from_value(&json!({ "statuses": statuses })).unwrap_err();
        assert_eq!(err.kind, kind, "{key:?}");
        assert_eq!(
            err.message,
            format!("statuses[\"{shown}\"] is not a status code from 100 to 599"),
            "{key:?}"
        );
    };
    for key in [
        "abc", "NaN", "Infinity", "4.5", "404.0", "1e3", "0404", " 404", "404 ", "+404", "-0", "",
        "-", "0x1f4", "٤٠٤",
    ] {
        check(key, ArgErrorKind::Type, key);
    }
    for key in [
        "600",
        "99",
        "0",
        "-1",
        "-404",
        "65536",
        "99999999999999999999999",
    ] {
        check(key, ArgErrorKind::Range, key);
    }
    // Keys are shown as one escaped line of at most 40 characters.
    check("4\"4", ArgErrorKind::Type, "4\\\"4");
    check("a\\b", ArgErrorKind::Type, "a\\\\b");
    check("4\n4", ArgErrorKind::Type, "4\u{FFFD}4");
    check(
        &"k".repeat(1000),
        ArgErrorKind::Type,
        &format!("{}…", "k".repeat(40)),
    );
    for key in ["100", "599", "404", "499", "432"] {
        let mut statuses = Map::new();
        statuses.insert(key.to_string(), serde_json::json!("text"));
        let pack = Descriptions::from_value(&json!({ "statuses": statuses })).unwrap();
        assert_eq!(
            pack.codes().map(|c| c.to_string()).collect::<Vec<_>>(),
            [key]
        );
    }
}

#[test]
fn lengths_are_counted_in_characters() {
    for ch in ["x", "é", "中", "😀"] {
        let ok = ch.repeat(MAX_DESCRIPTION_CHARS);
        let pack = Descriptions::from_value(&json!({ "statuses": { "404": ok } })).unwrap();
        assert_eq!(pack.get(404), Some(ok.as_str()));
        let over = ch.repeat(MAX_DESCRIPTION_CHARS + 1);
        let err = Descriptions::from_value(&json!({ "statuses": { "404": over } })).unwrap_err();
        assert_eq!(err.kind, ArgErrorKind::Range);
    }
}

#[test]
fn metadata_and_nulls() {
    let pack = Descriptions::from_value(&json!({
        "$schema": "https://example.invalid/descriptions.json",
        "$comment": 5,
        "locale": null,
        "statuses": { "404": NOT_FOUND, "503": null, "not a code": null }
    }))
    .unwrap();
    assert_eq!(pack.len(), 1);
    assert!(!pack.is_empty());
    let pack = Descriptions::from_value(&json!({ "locale": "en-GB", "statuses": {} })).unwrap();
    assert!(pack.is_empty());
}

#[cfg(not(target_arch = "wasm32"))]
mod props {
    use super::super::props::json_value;
    use crate::json::{Map, Value};
    use crate::messages::descriptions::Descriptions;
    use proptest::prelude::*;

    fn key() -> impl Strategy<Value = String> {
        prop_oneof![
            prop::sample::select(vec![
                "404", "100", "599", "600", "-1", "0404", "4.5", "abc", ""
            ])
            .prop_map(String::from),
            (0u32..100_000).prop_map(|n| n.to_string()),
            any::<String>(),
        ]
    }

    proptest! {
        #[test]
        fn validation_never_panics_and_errors_name_the_path(
            entries in prop::collection::vec((key(), json_value()), 0..8),
            root in json_value(),
        ) {
            let _ = Descriptions::from_value(&Value::from(root));
            let value = Value::Object(Map::from_pairs(vec![
                ("locale".to_string(), Value::String("en".to_string())),
                ("statuses".to_string(), Value::Object(Map::from_pairs(
                    entries.into_iter().map(|(k, v)| (k, Value::from(v))).collect(),
                ))),
            ]));
            match Descriptions::from_value(&value) {
                Ok(pack) => {
                    for code in pack.codes() {
                        prop_assert!((100..=599).contains(&code));
                        prop_assert!(!pack.get(code).unwrap_or_default().trim().is_empty());
                    }
                }
                Err(e) => prop_assert!(e.message.starts_with("statuses[\""), "{}", e.message),
            }
        }
    }
}

/// The pack the package ships (`http-triage/descriptions.js` is built from this file).
const SHIPPED_EN: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/descriptions/en.json"));

#[test]
fn the_shipped_pack_validates_and_describes_every_row() {
    reset_descriptions();
    let value: Value = crate::json::parse(SHIPPED_EN).expect("descriptions/en.json is JSON");
    let pack = Descriptions::from_value(&value).expect("descriptions/en.json is a valid pack");
    let rows = crate::catalog::rows();
    assert_eq!(
        pack.codes().collect::<Vec<_>>(),
        rows.iter().map(|r| r.code).collect::<Vec<_>>()
    );
    add_descriptions(&value).unwrap();
    for row in rows {
        let info = classify(row.code).unwrap();
        assert_eq!(Some(&*info.description), pack.get(row.code));
        assert_ne!(info.description, row.description, "{}", row.code);
    }
    reset_descriptions();
}
