//! Properties over arbitrary input: never a panic, always within bounds.

use proptest::prelude::*;
use serde_json::{Map, Value};

use super::*;

/// Keys the readers look at, so generated objects hit the interesting paths.
const KEYS: &[&str] = &[
    "error",
    "errors",
    "message",
    "Message",
    "detail",
    "title",
    "type",
    "status",
    "code",
    "instance",
    "details",
    "@type",
    "reason",
    "locale",
    "fieldViolations",
    "field",
    "description",
    "param",
    "pointer",
    "source",
    "path",
    "extensions",
    "data",
    "target",
    "innererror",
    "__type",
    "documentation_url",
    "resource",
    "error_description",
    "msg",
    "loc",
    "statusCode",
    "odata.error",
    "value",
    "jsonapi",
];

const TYPES: &[&str] = &[
    "type.googleapis.com/google.rpc.ErrorInfo",
    "type.googleapis.com/google.rpc.LocalizedMessage",
    "type.googleapis.com/google.rpc.BadRequest",
];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-z_]{1,12}",
        any::<String>(),
        "[ \\t\\n\u{0}-\u{1f}\u{7f}-\u{9f}\u{202a}-\u{202e}\u{2066}-\u{2069}a-z#/~0-9%]{0,40}",
        proptest::sample::select(TYPES).prop_map(str::to_string),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (0u16..700).prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((proptest::sample::select(KEYS), inner), 0..8).prop_map(
                |members| {
                    let mut map = Map::new();
                    for (k, v) in members {
                        map.insert(k.to_string(), v);
                    }
                    Value::Object(map)
                }
            ),
        ]
    })
}

fn content_type() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        proptest::sample::select(
            &[
                "application/json",
                "application/problem+json; charset=utf-8",
                "text/plain",
                "text/html",
                "application/xml",
                "",
            ][..]
        )
        .prop_map(|s| Some(s.to_string())),
        any::<String>().prop_map(Some),
    ]
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(body in any::<String>(), ct in content_type()) {
        if let Some(d) = parse_error_body_text(&body, ct.as_deref()) {
            assert_bounded(&d);
        }
    }

    #[test]
    fn arbitrary_json_never_panics(v in json_value(), ct in content_type()) {
        let text = v.to_string();
        let v = crate::json::Value::from(v);
        let via_value = parse_error_body_value_with_type(&v, ct.as_deref());
        if let Some(d) = &via_value {
            assert_bounded(d);
        }
        let via_text = parse_error_body_text(&text, Some("application/json"));
        if let Some(d) = &via_text {
            assert_bounded(d);
        }
        // Short bodies read the same as text and as values.
        if text.len() < MAX_BODY_BYTES && !v.is_string() {
            prop_assert_eq!(via_text, parse_error_body_value(&v));
        }
    }

    #[test]
    fn error_shaped_strings_are_cleaned(message in any::<String>(), code in text()) {
        let v = crate::json::json!({"message": message, "code": code});
        if let Some(d) = parse_error_body_value(&v) {
            assert_bounded(&d);
        }
    }
}
