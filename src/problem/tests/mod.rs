//! Tests of error-body extraction: vendors' documented examples, content types, bodies that
//! say nothing, hostile input, and properties over arbitrary input.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod content_type;
mod hostile;
mod none;
mod numbers;
// proptest is a native-only dev-dependency of the main crate.
#[cfg(not(target_arch = "wasm32"))]
mod props;
mod vendors;
mod xml;

use crate::json::Value;

use super::*;

/// Parses `body` as declared JSON; panics when nothing is found.
fn parse(body: &str) -> ErrorDetails {
    parse_error_body_text(body, Some("application/json"))
        .unwrap_or_else(|| panic!("no error details in {body}"))
}

/// The object JavaScript receives (the shape `src/bindings/out.rs` builds), as a
/// serde_json value so that fixtures compare regardless of member order.
fn js(d: &ErrorDetails) -> serde_json::Value {
    use serde_json::{Map as JsMap, Value as Js};
    let mut o = JsMap::new();
    o.insert("format".into(), d.format.as_str().into());
    for (key, v) in [
        ("title", &d.title),
        ("detail", &d.detail),
        ("code", &d.code),
        ("type", &d.error_type),
        ("instance", &d.instance),
    ] {
        if let Some(v) = v {
            o.insert(key.into(), v.as_str().into());
        }
    }
    if let Some(status) = d.status {
        o.insert("status".into(), status.into());
    }
    if let Some(ms) = d.retry_after_ms {
        o.insert("retryAfterMs".into(), ms.into());
    }
    if let Some(u) = &d.user_facing {
        let mut user = JsMap::new();
        user.insert("message".into(), u.message.as_str().into());
        if let Some(locale) = &u.locale {
            user.insert("locale".into(), locale.as_str().into());
        }
        o.insert("userFacing".into(), Js::Object(user));
    }
    let fields = d
        .field_errors
        .iter()
        .map(|f| serde_json::json!({"field": f.field, "message": f.message}));
    o.insert("fieldErrors".into(), Js::Array(fields.collect()));
    if !d.extensions.is_empty() {
        let members = d.extensions.iter().map(|(k, v)| (k.clone(), v.to_serde()));
        o.insert("extensions".into(), Js::Object(members.collect()));
    }
    Js::Object(o)
}

/// `(field, message)` pairs of the field errors.
fn fields(d: &ErrorDetails) -> Vec<(&str, &str)> {
    d.field_errors
        .iter()
        .map(|f| (f.field.as_str(), f.message.as_str()))
        .collect()
}

/// True when `s` obeys the output bounds: non-empty, trimmed, single spaces only, no control
/// characters or bidi controls, at most `MAX_TEXT_CHARS` characters.
fn is_clean(s: &str) -> bool {
    !s.is_empty()
        && s.chars().count() <= MAX_TEXT_CHARS
        && !s.starts_with(' ')
        && !s.ends_with(' ')
        && !s.contains("  ")
        && s.chars().all(|c| {
            (c == ' ' || !c.is_whitespace())
                && !matches!(c, '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
                && !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
}

/// Checks every bound a result must obey; panics with the result when one is broken.
fn assert_bounded(d: &ErrorDetails) {
    let mut strings: Vec<&str> = Vec::new();
    strings.extend(d.title.as_deref());
    strings.extend(d.detail.as_deref());
    strings.extend(d.code.as_deref());
    strings.extend(d.error_type.as_deref());
    strings.extend(d.instance.as_deref());
    if let Some(u) = &d.user_facing {
        strings.push(&u.message);
        strings.extend(u.locale.as_deref());
    }
    for f in &d.field_errors {
        strings.push(&f.field);
        strings.push(&f.message);
    }
    for (k, v) in &d.extensions {
        strings.push(k);
        let items = match v {
            Value::Array(items) => {
                assert!(
                    !items.is_empty() && items.len() <= MAX_EXTENSION_ITEMS,
                    "{k}: {v:?}"
                );
                items.as_slice()
            }
            _ => core::slice::from_ref(v),
        };
        for item in items {
            match item {
                Value::String(s) => strings.push(s),
                Value::Number(_) | Value::Bool(_) => {}
                other => panic!("extension {k} is not simple: {other:?}"),
            }
        }
    }
    if let Some(ms) = d.retry_after_ms {
        assert!(ms.is_finite() && ms >= 0.0, "{d:?}");
    }
    for s in strings {
        assert!(is_clean(s), "unclean string {s:?} in {d:?}");
    }
    assert!(d.field_errors.len() <= MAX_FIELD_ERRORS, "{d:?}");
    assert!(d.extensions.len() <= MAX_EXTENSIONS, "{d:?}");
    if let Some(status) = d.status {
        assert!((100..=599).contains(&status), "{d:?}");
    }
    let v = js(d);
    assert_eq!(v["format"], d.format.as_str());
    assert!(v["fieldErrors"].is_array());
}
