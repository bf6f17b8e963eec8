//! Content types: parameters, case, `+json`, sniffing, and the plain-text policy.

use super::*;

const PROBLEM: &str = r#"{"type": "https://example.com/probs/x", "title": "X"}"#;

#[test]
fn parameters_and_case_are_ignored() {
    for ct in [
        "application/problem+json",
        "application/problem+json; charset=utf-8",
        "Application/Problem+JSON;charset=\"UTF-8\"",
        "  application/problem+json  ;",
    ] {
        let d = parse_error_body_text(r#"{"title": "X"}"#, Some(ct));
        assert_eq!(d.map(|d| d.format), Some(Format::Problem), "{ct}");
    }
}

#[test]
fn json_types_are_read() {
    for ct in [
        "application/json",
        "application/JSON; charset=utf-8",
        "text/json",
        "application/vnd.api+json",
        "application/hal+json",
        "application/x-amz-json-1.1",
    ] {
        let d = parse_error_body_text(r#"{"message": "nope"}"#, Some(ct));
        assert_eq!(d.and_then(|d| d.detail).as_deref(), Some("nope"), "{ct}");
    }
}

#[test]
fn missing_content_type_sniffs_json() {
    for body in [
        PROBLEM.to_string(),
        format!("\u{feff}{PROBLEM}"),
        format!(" \r\n\t{PROBLEM}\n"),
    ] {
        let d = parse_error_body_text(&body, None).unwrap();
        assert_eq!(d.format, Format::Problem);
    }
    assert!(parse_error_body_text(PROBLEM, Some("")).is_some());
}

#[test]
fn mislabelled_json_is_still_read() {
    // Frameworks that send JSON as text/plain or text/html: a body that starts like JSON is
    // tried as JSON whatever the declared type.
    for ct in ["text/plain", "text/html", "application/octet-stream"] {
        let d = parse_error_body_text(r#"{"message": "nope"}"#, Some(ct));
        assert_eq!(d.and_then(|d| d.detail).as_deref(), Some("nope"), "{ct}");
    }
}

#[test]
fn declared_json_that_is_not_json_gives_none() {
    assert_eq!(
        parse_error_body_text("Bad Gateway", Some("application/json")),
        None
    );
    assert_eq!(
        parse_error_body_text("", Some("application/problem+json")),
        None
    );
}

#[test]
fn plain_text_policy() {
    // Short text/plain (or untyped) text is a generic detail.
    let d = parse_error_body_text("Too many requests, slow down.\n", Some("text/plain")).unwrap();
    assert_eq!(d.format, Format::Generic);
    assert_eq!(d.detail.as_deref(), Some("Too many requests, slow down."));
    assert_eq!(d.field_errors, []);
    let d = parse_error_body_text("upstream connect error", None).unwrap();
    assert_eq!(d.detail.as_deref(), Some("upstream connect error"));
    let d = parse_error_body_text("Unauthorized", Some("text/plain; charset=utf-8"));
    assert_eq!(d.and_then(|d| d.detail).as_deref(), Some("Unauthorized"));
    // Exactly the bound is accepted, one more character is not.
    let at_bound = "é".repeat(MAX_TEXT_CHARS);
    let d = parse_error_body_text(&at_bound, Some("text/plain")).unwrap();
    assert_eq!(d.detail.unwrap().chars().count(), MAX_TEXT_CHARS);
    let over = "é".repeat(MAX_TEXT_CHARS + 1);
    assert_eq!(parse_error_body_text(&over, Some("text/plain")), None);
    // Text that opens with a bracket but not like JSON is still text.
    let d = parse_error_body_text("[ERROR] disk full", Some("text/plain")).unwrap();
    assert_eq!(d.detail.as_deref(), Some("[ERROR] disk full"));
    assert_eq!(parse_error_body_text("[\"ERROR\"", None), None);
    // Other types are not read as text.
    for ct in [
        "text/html",
        "text/css",
        "application/octet-stream",
        "application/xml",
        "image/png",
    ] {
        assert_eq!(
            parse_error_body_text("Service Unavailable", Some(ct)),
            None,
            "{ct}"
        );
    }
}
