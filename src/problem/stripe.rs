//! Stripe and APIs shaped like it (OpenAI, Facebook Graph):
//! `{"error": {"type", "code", "message", "param", "decline_code", "doc_url"}}`.

use crate::json::{Map, Value};

use super::field::Fields;
use super::value;
use super::{ErrorDetails, Format};

/// True for a Stripe-style `error` object: a string `type` with a `message` or a `code`.
pub(crate) fn matches(inner: &Map) -> bool {
    value::has_str(inner, "type")
        && (value::has_str(inner, "message") || value::code(inner.get("code")).is_some())
}

/// Reads the `error` object: code, detail = `message`, type, and `param` as a field error;
/// `decline_code` and `doc_url` go to the extensions.
pub(crate) fn parse(inner: &Map) -> Option<ErrorDetails> {
    let mut d = ErrorDetails::new(Format::Stripe);
    d.code = value::code(inner.get("code"));
    d.detail = value::string(inner, "message");
    d.error_type = value::string(inner, "type");
    let mut fields = Fields::default();
    let message = d.detail.clone().or_else(|| d.code.clone());
    fields.push(value::string(inner, "param"), message);
    fields.finish(&mut d);
    for key in ["decline_code", "doc_url"] {
        if let Some(member) = value::string(inner, key) {
            d.extensions.insert(key.to_string(), Value::String(member));
        }
    }
    d.has_message().then_some(d)
}
