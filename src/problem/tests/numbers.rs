//! Numbers and member order read as JavaScript reads them, so a body gives the same result as
//! text and as an already-parsed object.

use crate::json::{self, json};

use super::*;

/// The result for `text`, checked equal to the result for its parsed value.
fn both(text: &str, content_type: Option<&str>) -> Option<ErrorDetails> {
    let from_text = parse_error_body_text(text, content_type);
    let value = json::parse(text).expect("fixture is JSON");
    assert_eq!(
        from_text,
        parse_error_body_value_with_type(&value, content_type),
        "{text}"
    );
    from_text
}

#[test]
fn integral_numbers_are_codes_and_path_indices() {
    let d = both(
        r#"{"message": "m", "code": 404.0, "errors": [{"loc": ["body", "items", 0, "name"], "msg": "bad"}]}"#,
        None,
    )
    .unwrap();
    assert_eq!(d.code.as_deref(), Some("404"));
    assert_eq!(fields(&d), [("items.0.name", "bad")]);
    assert_eq!(
        parse(r#"{"message": "m", "code": -0}"#).code.as_deref(),
        Some("0")
    );
    assert_eq!(
        parse(r#"{"message": "m", "code": 4e2}"#).code.as_deref(),
        Some("400")
    );
    assert_eq!(parse(r#"{"message": "m", "code": 40.5}"#).code, None);
    let safe = parse(r#"{"message": "m", "code": 9007199254740991}"#);
    assert_eq!(safe.code.as_deref(), Some("9007199254740991"));
    // Beyond 2^53 - 1 the number read may not be the integer written: no code.
    let d = both(r#"{"message": "m", "code": 12345678901234567890}"#, None).unwrap();
    assert_eq!(d.code, None);
    let v = json!({"message": "m", "code": 404});
    assert_eq!(
        parse_error_body_value(&v).unwrap().code.as_deref(),
        Some("404")
    );
}

#[test]
fn members_keep_the_body_order() {
    let d = both(
        r#"{"title": "T", "status": 400, "zeta": 1, "alpha": "a", "beta": true, "nothing": null,
            "errors": {"name": ["required"], "age": ["too young", "not a number"]}}"#,
        Some("application/problem+json"),
    )
    .unwrap();
    assert_eq!(
        d.extensions.keys().collect::<Vec<_>>(),
        ["zeta", "alpha", "beta"]
    );
    assert_eq!(
        fields(&d),
        [
            ("name", "required"),
            ("age", "too young"),
            ("age", "not a number")
        ]
    );
    // A repeated member keeps its first place and its last value, as JSON.parse gives it.
    let d = both(
        r#"{"message": "first", "code": "c", "message": "last"}"#,
        None,
    )
    .unwrap();
    assert_eq!(d.detail.as_deref(), Some("last"));
}
