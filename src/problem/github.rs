//! GitHub REST: `{"message": "Validation Failed", "errors": [{"resource", "field", "code"}],
//! "documentation_url": ...}`.

use crate::json::{Map, Value};

use super::field::Fields;
use super::value;
use super::{ErrorDetails, Format};

/// True for GitHub's shape: a `message` with `documentation_url`, or with `errors` entries
/// that name a `resource`.
pub(crate) fn matches(o: &Map) -> bool {
    if !value::has_str(o, "message") {
        return false;
    }
    value::has_str(o, "documentation_url")
        || value::arr(o, "errors")
            .and_then(<[Value]>::first)
            .and_then(Value::as_object)
            .is_some_and(|e| e.contains_key("resource"))
}

/// GitHub's documented validation codes as sentences; other codes with `_` read as words.
fn code_text(code: String) -> String {
    match code.as_str() {
        "missing" => "The resource this refers to does not exist.".to_string(),
        "missing_field" => "This field is required.".to_string(),
        "invalid" => "This value is not valid.".to_string(),
        "already_exists" => "This value is already in use.".to_string(),
        "unprocessable" => "This value could not be processed.".to_string(),
        _ => code.replace('_', " "),
    }
}

/// Reads GitHub's error: detail = `message`; each of `errors` with a `field` becomes a field
/// error whose message is its `message`, else a sentence for its documented `code`
/// (`missing_field`, `invalid`, …); `documentation_url` goes to the extensions.
pub(crate) fn parse(o: &Map) -> Option<ErrorDetails> {
    let mut d = ErrorDetails::new(Format::Github);
    d.detail = value::message(o.get("message"));
    d.status = value::status(o.get("status"), true);
    let mut fields = Fields::default();
    if let Some(errors) = value::arr(o, "errors") {
        fields.push_elements(errors, |e| {
            value::string(e, "message").or_else(|| value::code(e.get("code")).map(code_text))
        });
    }
    fields.finish(&mut d);
    if let Some(url) = value::string(o, "documentation_url") {
        d.extensions
            .insert("documentation_url".to_string(), Value::String(url));
    }
    d.has_message().then_some(d)
}
