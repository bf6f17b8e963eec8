//! JSON:API: `{"errors": [{"status": "422", "code", "title", "detail",
//! "source": {"pointer": "/data/attributes/firstName"}}]}`.

use crate::json::{Map, Value};

use super::field::{self, Fields};
use super::value::{self, MAX_ITEMS};
use super::{ErrorDetails, Format};

/// True for JSON:API errors: a top-level `jsonapi` member, or a first error object without
/// `message` that has `title`, `detail`, `source` or a string `status`.
pub(crate) fn matches(o: &Map, errors: &[Value]) -> bool {
    if o.contains_key("jsonapi") {
        return true;
    }
    errors.first().and_then(Value::as_object).is_some_and(|e| {
        !e.contains_key("message")
            && (e.contains_key("title")
                || e.contains_key("detail")
                || e.contains_key("source")
                || value::has_str(e, "status"))
    })
}

/// The field of a JSON:API `source`: its `pointer` without the `/data/attributes` or
/// `/data/relationships` prefix, else its `parameter` or `header`.
fn source_field(source: &Map) -> Option<String> {
    if let Some(pointer) = value::raw_str(source, "pointer") {
        let short = ["/data/attributes", "/data/relationships"]
            .iter()
            .find_map(|p| pointer.strip_prefix(p).filter(|rest| rest.starts_with('/')));
        return field::from_pointer(short.unwrap_or(pointer));
    }
    value::first_string(source, &["parameter", "header"])
}

/// Reads JSON:API errors: title, detail, code and status of the first error object; every
/// error whose `source` names a field becomes a field error (message: detail, else title,
/// else code).
pub(crate) fn parse(errors: &[Value]) -> Option<ErrorDetails> {
    let mut d = ErrorDetails::new(Format::JsonApi);
    let mut objects = errors.iter().take(MAX_ITEMS).filter_map(Value::as_object);
    let mut fields = Fields::default();
    if let Some(first) = objects.next() {
        d.title = value::string(first, "title");
        d.detail = value::string(first, "detail");
        d.code = value::code(first.get("code"));
        d.status = value::status(first.get("status"), true);
        push(&mut fields, first);
    }
    for error in objects {
        if fields.is_full() {
            break;
        }
        push(&mut fields, error);
    }
    fields.finish(&mut d);
    d.has_message().then_some(d)
}

/// Adds one JSON:API error object to `fields`.
fn push(fields: &mut Fields, error: &Map) {
    let message =
        value::first_string(error, &["detail", "title"]).or_else(|| value::code(error.get("code")));
    fields.push(value::obj(error, "source").and_then(source_field), message);
}
