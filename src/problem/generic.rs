//! Generic conventions: `{"message": ...}`, `{"error": "..."}` (with OAuth 2's
//! `error_description`), `{"errors": [...]}` or a field map, `{"detail": ...}` (Django REST
//! Framework, FastAPI), `{"msg": ...}`, `{"error_message": ...}`, Spring Boot's and hapi's
//! `{"status", "error", "message"}`, ASP.NET Web API 2's `{"Message", "ModelState"}`.

use crate::json::{Map, Value};

use super::field::{self, Fields};
use super::value;
use super::{text, ErrorDetails, Format};

/// True when `s` reads as a code rather than a sentence or an HTTP reason phrase: one token of
/// at most 64 ASCII letters, digits and `_-.:`, in snake case or in one letter case
/// (`invalid_grant`, `NOT_FOUND`, `unauthorized`; not `Unauthorized`, not `Not Found`).
fn looks_like_code(s: &str) -> bool {
    let s = s.trim();
    let token = !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b':'));
    let lower = s.bytes().all(|b| !b.is_ascii_uppercase());
    let upper = s.bytes().all(|b| !b.is_ascii_lowercase());
    token && (s.contains('_') || lower || upper)
}

/// Reads the generic conventions; `None` when none of them gives a detail, code or field
/// error.
///
/// - detail: `message` (a string, or strings joined with `"; "`), `detail`,
///   `error_description`, `error_message`, `errorMessage`, `msg`, `Message`; else the joined
///   strings of
///   `errors` or `non_field_errors`; else the first message naming no field.
/// - code: `code`, `error_code`, `errorCode` (string or integer).
/// - `error` as a string: with `error_description` it is the OAuth 2 code (RFC 6749 §5.2);
///   otherwise a code when it looks like one, else the title when there is a detail, else the
///   detail.
/// - title: `title`; status: `statusCode`, `status`, `status_code`.
/// - field errors: `errors` (array of objects, or a map of field to messages), `ModelState`
///   (a map), `detail` as a list (FastAPI's `loc`/`msg`).
pub(crate) fn parse(o: &Map) -> Option<ErrorDetails> {
    let mut d = ErrorDetails::new(Format::Generic);
    let description = value::string(o, "error_description");
    d.detail = value::message(o.get("message"))
        .or_else(|| value::string(o, "detail"))
        .or_else(|| description.clone())
        .or_else(|| value::first_string(o, &["error_message", "errorMessage", "msg", "Message"]));
    d.code = ["code", "error_code", "errorCode"]
        .iter()
        .find_map(|k| value::code(o.get(k)));
    d.title = value::string(o, "title");
    d.status = ["statusCode", "status", "status_code"]
        .iter()
        .find_map(|k| value::status(o.get(k), true));
    if let Some(error) = value::raw_str(o, "error") {
        if let Some(cleaned) = text::clean(error) {
            if d.code.is_none() && (description.is_some() || looks_like_code(error)) {
                d.code = Some(cleaned);
            } else if d.detail.is_none() {
                d.detail = Some(cleaned);
            } else if d.title.is_none() {
                d.title = Some(cleaned);
            }
        }
    }
    if d.detail.is_none() {
        d.detail = value::message(o.get("errors").filter(|v| v.is_array()))
            .or_else(|| value::message(o.get("non_field_errors")));
    }
    let mut fields = Fields::default();
    match o.get("errors") {
        Some(Value::Array(items)) => fields.push_elements(items, field::message_of_element),
        Some(Value::Object(map)) => fields.push_map(map),
        _ => {}
    }
    // ASP.NET Web API 2: {"Message": ..., "ModelState": {"model.Name": ["..."]}}.
    if let Some(map) = value::obj(o, "ModelState") {
        fields.push_map(map);
    }
    if let Some(items) = value::arr(o, "detail") {
        fields.push_elements(items, field::message_of_element);
    }
    fields.finish(&mut d);
    // A title alone (`{"title": ...}`) is too weak a sign of an error body.
    let said = d.detail.is_some() || d.code.is_some() || !d.field_errors.is_empty();
    said.then_some(d)
}
