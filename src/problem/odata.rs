//! OData (v4 JSON, v3 `odata.error`, v2 verbose) and Microsoft APIs (Graph, Azure):
//! `{"error": {"code", "message", "target", "details": [{"code", "message", "target"}]}}`.

use crate::json::{Map, Value};

use super::field::Fields;
use super::value::{self, MAX_ITEMS};
use super::{ErrorDetails, Format};

/// An OData message: a string, or v2/v3's `{"lang": "en-US", "value": "..."}`.
fn message(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::Object(m) => value::string(m, "value"),
        other => value::message(Some(other)),
    }
}

/// True for an OData-style `error` object: a string `code`, a `{lang, value}` message, or
/// any of `target`, `details`, `innererror`.
pub(crate) fn matches(inner: &Map) -> bool {
    value::has_str(inner, "code")
        || value::obj(inner, "message").is_some()
        || ["target", "details", "innererror", "innerError"]
            .iter()
            .any(|k| inner.contains_key(k))
}

/// Reads the `error` object: code, detail = `message`; `target` and each of `details` with a
/// target become field errors. `innererror` is never read (it may hold stack traces).
pub(crate) fn parse(inner: &Map) -> Option<ErrorDetails> {
    let mut d = ErrorDetails::new(Format::OData);
    d.code = value::code(inner.get("code"));
    d.detail = message(inner.get("message"));
    let mut fields = Fields::default();
    if let Some(target) = value::string(inner, "target") {
        fields.push(Some(target), d.detail.clone().or_else(|| d.code.clone()));
    }
    for item in value::arr(inner, "details")
        .unwrap_or_default()
        .iter()
        .take(MAX_ITEMS)
    {
        if fields.is_full() {
            break;
        }
        if let Some(detail) = item.as_object() {
            let text = message(detail.get("message")).or_else(|| value::code(detail.get("code")));
            fields.push(value::string(detail, "target"), text);
        }
    }
    fields.finish(&mut d);
    d.has_message().then_some(d)
}
