//! parseErrorBody on arbitrary text and values.
//!
//! Input (readable): the first line is the content type (empty: none), the rest is the body.
//! The body goes to `parse_error_body_text`; when it is JSON, the parsed value also goes to
//! `parse_error_body_value` and `_with_type`. Checked: no panic, and every result keeps the
//! documented bounds (strings plain text of at most 1,000 characters, at most 50 field errors
//! and 16 extensions, status in 100..=599, extension members simple).
#![no_main]

use http_triage::json::{self, Value};
use http_triage::problem::{
    parse_error_body_text, parse_error_body_value, parse_error_body_value_with_type, ErrorDetails,
    MAX_EXTENSIONS, MAX_FIELD_ERRORS, MAX_TEXT_CHARS,
};
use libfuzzer_sys::fuzz_target;

fn check_text(what: &str, s: &str) {
    assert!(!s.is_empty(), "{what} is empty");
    assert!(
        s.chars().count() <= MAX_TEXT_CHARS,
        "{what} is too long: {}",
        s.chars().count()
    );
    assert_eq!(s, s.trim(), "{what} is not trimmed: {s:?}");
    for c in s.chars() {
        let bad = matches!(c, '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}' | '\u{feff}');
        assert!(!bad, "{what} keeps {c:?}: {s:?}");
    }
}

fn check(d: &ErrorDetails) {
    for (what, s) in [
        ("title", &d.title),
        ("detail", &d.detail),
        ("code", &d.code),
        ("type", &d.error_type),
        ("instance", &d.instance),
    ] {
        if let Some(s) = s {
            check_text(what, s);
        }
    }
    if let Some(u) = &d.user_facing {
        check_text("userFacing.message", &u.message);
        if let Some(l) = &u.locale {
            check_text("userFacing.locale", l);
        }
    }
    if let Some(s) = d.status {
        assert!((100..=599).contains(&s), "status {s}");
    }
    assert!(d.field_errors.len() <= MAX_FIELD_ERRORS);
    for f in &d.field_errors {
        check_text("field", &f.field);
        check_text("field message", &f.message);
    }
    assert!(d.extensions.len() <= MAX_EXTENSIONS);
    for (k, v) in &d.extensions {
        assert!(
            k.chars().count() <= MAX_TEXT_CHARS,
            "extension key too long"
        );
        match v {
            Value::String(s) => check_text("extension", s),
            Value::Number(n) => assert!(n.is_finite(), "extension {k} is {n}"),
            Value::Bool(_) => {}
            other => panic!("extension {k} is not simple: {other:?}"),
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (content_type, body) = match text.split_once('\n') {
        Some((ct, body)) => (
            Some(ct.trim_end_matches('\r')).filter(|c| !c.is_empty()),
            body,
        ),
        None => (None, &*text),
    };
    for ct in [content_type, None, Some("application/problem+json")] {
        if let Some(d) = parse_error_body_text(body, ct) {
            check(&d);
        }
    }
    if let Some(d) = parse_error_body_text(&text, None) {
        check(&d);
    }
    // Past the 64 KiB bound (one input in 16, as it is slow): the body behind leading
    // whitespace, and the body repeated, so the cut lands anywhere (inside a multi-byte
    // character too).
    if !body.is_empty() && data.len() % 16 == 0 {
        let padded = format!("{}{body}", " ".repeat(65_536 - body.len() % 7));
        for ct in [content_type, None] {
            if let Some(d) = parse_error_body_text(&padded, ct) {
                check(&d);
            }
        }
        let repeated = body.repeat(70_000 / body.len() + 1);
        if let Some(d) = parse_error_body_text(&repeated, content_type) {
            check(&d);
        }
    }
    if let Ok(value) = json::parse(body) {
        if let Some(d) = parse_error_body_value(&value) {
            check(&d);
        }
        for ct in [
            content_type,
            Some("application/problem+json; charset=utf-8"),
        ] {
            if let Some(d) = parse_error_body_value_with_type(&value, ct) {
                check(&d);
            }
        }
    }
});
