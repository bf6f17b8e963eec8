//! Hostile input: malformed, truncated, huge, deep, and full of control characters.

use crate::json::{json, Map, Value};

use super::*;

/// Takes a deep value apart one level at a time (the recursive drop would overflow).
fn drop_iteratively(v: Value) {
    let mut stack = vec![v];
    while let Some(mut v) = stack.pop() {
        match &mut v {
            Value::Array(items) => stack.append(items),
            Value::Object(map) => stack.extend(core::mem::take(map).into_iter().map(|(_, v)| v)),
            _ => {}
        }
    }
}

/// `leaf` wrapped `depth` times in `{key: ...}`.
fn nest_in_objects(key: &str, depth: usize, leaf: Value) -> Value {
    let mut v = leaf;
    for _ in 0..depth {
        let mut map = Map::new();
        map.insert(key.to_string(), v);
        v = Value::Object(map);
    }
    v
}

#[test]
fn malformed_json_gives_none() {
    for body in [
        r#"{"message": "x""#,
        r#"{"message": "x",}"#,
        r#"{"message": 'x'}"#,
        r#"{message: "x"}"#,
        r#"{"message": "x"} trailing"#,
        r#"[{"message": "x"}"#,
        "{",
        "[",
        "{\"message\": \"\\ud800\"}",
        "{\"message\": \"bad \\q escape\"}",
    ] {
        assert_eq!(
            parse_error_body_text(body, Some("application/json")),
            None,
            "{body}"
        );
        assert_eq!(parse_error_body_text(body, None), None, "{body}");
        assert_eq!(
            parse_error_body_text(body, Some("text/plain")),
            None,
            "{body}"
        );
    }
}

#[test]
fn body_cut_by_the_size_bound_gives_none() {
    let body = format!(r#"{{"message": "{}"}}"#, "a".repeat(MAX_BODY_BYTES));
    assert_eq!(parse_error_body_text(&body, Some("application/json")), None);
    // A plain-text body longer than the bound is not shown either.
    let text = "word ".repeat(MAX_BODY_BYTES);
    assert_eq!(parse_error_body_text(&text, Some("text/plain")), None);
    // The cut lands on a character boundary, whatever the characters.
    let wide = format!(
        "{{\"message\": \"{}\"}}",
        "\u{1F600}".repeat(MAX_BODY_BYTES / 3)
    );
    assert_eq!(parse_error_body_text(&wide, None), None);
}

#[test]
fn ten_megabyte_bodies() {
    let big = "x".repeat(10 * 1024 * 1024);
    assert_eq!(parse_error_body_text(&big, None), None);
    assert_eq!(parse_error_body_text(&big, Some("application/json")), None);
    let json_big = format!(r#"{{"message": "{big}"}}"#);
    assert_eq!(parse_error_body_text(&json_big, None), None);
    // Already parsed, a 10 MB string is cut to the bound.
    let v = json!({"message": big, "errors": {"field": [big]}});
    let d = parse_error_body_value(&v).unwrap();
    let detail = d.detail.as_deref().unwrap();
    assert_eq!(detail.chars().count(), MAX_TEXT_CHARS);
    assert!(detail.ends_with('…'));
    assert_bounded(&d);
}

#[test]
fn deep_nesting_as_text() {
    let depth = 10_000;
    for (open, close) in [("[", "]"), (r#"{"error":"#, "}"), (r#"{"errors":["#, "]}")] {
        let body = format!("{}1{}", open.repeat(depth), close.repeat(depth));
        assert_eq!(parse_error_body_text(&body, None), None);
        assert_eq!(parse_error_body_text(&body, Some("application/json")), None);
    }
    // Within serde_json's limit, nesting is read normally (only known paths are looked at).
    let body = format!(
        r#"{{"message": "shallow", "extra": {}1{}}}"#,
        "[".repeat(100),
        "]".repeat(100)
    );
    assert_eq!(parse(&body).detail.as_deref(), Some("shallow"));
}

#[test]
fn deep_nesting_as_value() {
    // 100,000 levels under each key the readers look at: only known paths are visited.
    let depth = 100_000;
    for key in [
        "error",
        "errors",
        "message",
        "detail",
        "data",
        "odata.error",
    ] {
        let v = nest_in_objects(key, depth, json!("leaf"));
        assert_eq!(parse_error_body_value(&v), None, "{key}");
        assert_eq!(
            parse_error_body_value_with_type(&v, Some("application/problem+json")),
            None,
            "{key}"
        );
        drop_iteratively(v);
    }
    // Deep arrays below members that are read as lists.
    let mut deep = json!("leaf");
    for _ in 0..depth {
        deep = Value::Array(vec![deep]);
    }
    let mut body = Map::new();
    body.insert("message".to_string(), json!("top"));
    body.insert("errors".to_string(), deep);
    let v = Value::Object(body);
    let d = parse_error_body_value(&v).unwrap();
    assert_eq!(d.detail.as_deref(), Some("top"));
    drop_iteratively(v);
    // A deep top-level array.
    let mut deep = json!({"message": "x"});
    for _ in 0..depth {
        deep = Value::Array(vec![deep]);
    }
    assert_eq!(parse_error_body_value(&deep), None);
    drop_iteratively(deep);
}

#[test]
fn control_characters_and_bidi_overrides_are_stripped() {
    let body = r#"{"message": "Hello\u0000\u0007 \u202eevil\u202c\n\tworld\u0085  \u2066x\u2069\u007f\u009b!",
        "code": "\u200fE1\u200e", "errors": [{"field": "na\u001bme", "message": "bad\r\nvalue"}]}"#;
    let d = parse(body);
    assert_eq!(d.detail.as_deref(), Some("Hello evil world x!"));
    assert_eq!(d.code.as_deref(), Some("E1"));
    assert_eq!(fields(&d), [("name", "bad value")]);
    assert_bounded(&d);
    let d =
        parse_error_body_text("line one\r\n\tline\u{0}two\u{202e}", Some("text/plain")).unwrap();
    assert_eq!(d.detail.as_deref(), Some("line one linetwo"));
}

#[test]
fn length_is_bounded_on_a_char_boundary() {
    for unit in ["a", "é", "\u{1F600}", "ab "] {
        let long = unit.repeat(3000);
        let d = parse_error_body_value(&json!({"message": long, "code": long})).unwrap();
        for s in [d.detail.unwrap(), d.code.unwrap()] {
            assert!(s.chars().count() <= MAX_TEXT_CHARS, "{unit}");
            assert!(s.ends_with('…'));
            assert!(!s.ends_with(" …"));
        }
    }
    // Exactly at the bound: untouched.
    let exact = "b".repeat(MAX_TEXT_CHARS);
    let d = parse_error_body_value(&json!({"message": exact})).unwrap();
    assert_eq!(d.detail.as_deref(), Some(exact.as_str()));
}

#[test]
fn field_errors_and_extensions_are_bounded() {
    let errors: Vec<Value> = (0..500)
        .map(|i| json!({"field": format!("f{i}"), "message": "bad"}))
        .collect();
    let d = parse_error_body_value(&json!({"message": "many", "errors": errors})).unwrap();
    assert_eq!(d.field_errors.len(), MAX_FIELD_ERRORS);
    let mut map = Map::new();
    map.insert("title".to_string(), json!("Many"));
    map.insert("type".to_string(), json!("https://example.com/many"));
    for i in 0..200 {
        map.insert(format!("ext{i:03}"), json!(i));
    }
    let d = parse_error_body_value(&Value::Object(map)).unwrap();
    assert_eq!(d.extensions.len(), MAX_EXTENSIONS);
    let messages: Vec<String> = (0..500).map(|i| format!("m{i}")).collect();
    let d = parse_error_body_value(&json!({"errors": {"f": messages}})).unwrap();
    assert_eq!(d.field_errors.len(), MAX_FIELD_ERRORS);
    assert_bounded(&d);
}

#[test]
fn huge_arrays_are_not_walked_in_full() {
    let items = vec![json!(1); 1_000_000];
    let v = json!({"message": "m", "errors": items.clone(), "detail": items});
    let started = std::time::Instant::now();
    let d = parse_error_body_value(&v).unwrap();
    assert_eq!(d.detail.as_deref(), Some("m"));
    assert!(started.elapsed().as_secs() < 2);
}
