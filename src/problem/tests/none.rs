//! Bodies that carry no error information give `None`.

use crate::json::json;

use super::*;

#[test]
fn json_without_error_information() {
    for body in [
        "{}",
        "[]",
        "[1, 2]",
        r#"["just", "strings"]"#,
        r#"{"data": [1, 2, 3]}"#,
        r#"{"data": null}"#,
        r#"{"status": 500}"#,
        r#"{"title": "My first post"}"#,
        r#"{"ok": false}"#,
        r#"{"error": {}}"#,
        r#"{"error": null}"#,
        r#"{"error": ""}"#,
        r#"{"error": "   "}"#,
        r#"{"error": false}"#,
        r#"{"errors": []}"#,
        r#"{"errors": {}}"#,
        r#"{"errors": [{}]}"#,
        r#"{"message": ""}"#,
        r#"{"message": " \n\t "}"#,
        r#"{"message": "\u0000\u202e\u2066\u0085"}"#,
        r#"{"message": null, "detail": 12}"#,
        "42",
        "-1.5e3",
        "true",
        "null",
        r#""a JSON string""#,
    ] {
        assert_eq!(
            parse_error_body_text(body, Some("application/json")),
            None,
            "{body}"
        );
        assert_eq!(parse_error_body_text(body, None), None, "{body}");
    }
}

#[test]
fn values_without_error_information() {
    for v in [
        json!({}),
        json!([]),
        json!(42),
        json!("Not Found"),
        json!(null),
        json!([["nested"]]),
        json!({"data": {"user": null}}),
    ] {
        assert_eq!(parse_error_body_value(&v), None, "{v:?}");
    }
}

#[test]
fn html_error_pages() {
    let page = "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\
                <body><h1>502 Bad Gateway</h1><hr><center>nginx</center></body></html>";
    assert_eq!(
        parse_error_body_text(page, Some("text/html; charset=utf-8")),
        None
    );
    assert_eq!(parse_error_body_text(page, None), None);
    assert_eq!(parse_error_body_text(page, Some("text/plain")), None);
    assert_eq!(parse_error_body_text("  <html>oops</html>", None), None);
}

#[test]
fn xml_without_an_error_element_says_nothing() {
    let xml = r#"<?xml version="1.0" encoding="UTF-8"?><status><state>down</state></status>"#;
    assert_eq!(parse_error_body_text(xml, Some("application/xml")), None);
    assert_eq!(parse_error_body_text(xml, None), None);
    assert_eq!(
        parse_error_body_text("plain words", Some("application/problem+xml")),
        None
    );
}

#[test]
fn empty_bodies() {
    for ct in [
        None,
        Some("text/plain"),
        Some("application/json"),
        Some("text/html"),
    ] {
        assert_eq!(parse_error_body_text("", ct), None);
        assert_eq!(parse_error_body_text(" \r\n ", ct), None);
        assert_eq!(parse_error_body_text("\u{feff}", ct), None);
    }
}
