//! RFC 9457 problem details (`application/problem+json`), ASP.NET Core's
//! `ValidationProblemDetails` and Spring's `ProblemDetail` included.

use crate::json::{Map, Value};

use super::field::Fields;
use super::value::{self, MAX_ITEMS};
use super::{text, ErrorDetails, Format, MAX_EXTENSIONS};

/// The members RFC 9457 defines, plus `errors` (its §3 example, ASP.NET Core) and
/// `invalid-params` (RFC 7807 §3's example), which are read as field errors.
const STANDARD: [&str; 7] = [
    "type",
    "title",
    "status",
    "detail",
    "instance",
    "errors",
    "invalid-params",
];

/// True when an object looks like problem details without being declared so: at least two
/// well-typed standard members, one of them `title`, or `type` together with `detail`
/// (`{"detail": ...}` alone is Django REST Framework's, read as generic).
pub(crate) fn looks_like(o: &Map) -> bool {
    let has_type = value::has_str(o, "type");
    let has_title = value::has_str(o, "title");
    let has_detail = value::has_str(o, "detail");
    let members = [
        has_type,
        has_title,
        has_detail,
        value::status(o.get("status"), false).is_some(),
        value::has_str(o, "instance"),
    ];
    let count = members.iter().filter(|m| **m).count();
    count >= 2 && (has_title || (has_type && has_detail))
}

/// Reads problem details. Members of the wrong type are ignored (RFC 9457 §3.1); `type`
/// defaults to `about:blank`. `None` when no member says anything.
pub(crate) fn parse(o: &Map) -> Option<ErrorDetails> {
    let mut d = ErrorDetails::new(Format::Problem);
    d.error_type = value::string(o, "type");
    d.title = value::string(o, "title");
    d.detail = value::string(o, "detail");
    d.instance = value::string(o, "instance");
    d.status = value::status(o.get("status"), false);
    let mut fields = Fields::default();
    match o.get("errors") {
        // RFC 9457 §3: [{"detail": "must be a positive integer", "pointer": "#/age"}]
        Some(Value::Array(items)) => fields.push_elements(items, |e| {
            value::first_string(e, &["detail", "message", "title"])
        }),
        // ASP.NET Core: {"Name": ["The Name field is required."]}
        Some(Value::Object(map)) => fields.push_map(map),
        _ => {}
    }
    // RFC 7807 §3: "invalid-params": [{"name": "age", "reason": "must be a positive integer"}]
    for param in value::arr(o, "invalid-params")
        .unwrap_or_default()
        .iter()
        .take(MAX_ITEMS)
        .filter_map(Value::as_object)
    {
        if fields.is_full() {
            break;
        }
        let field = value::string(param, "name").or_else(|| super::field::of_element(param));
        let message =
            value::string(param, "reason").or_else(|| super::field::message_of_element(param));
        fields.push(field, message);
    }
    fields.finish(&mut d);
    let said = d.has_message() || d.error_type.is_some() || d.instance.is_some();
    if !said && d.status.is_none() {
        return None;
    }
    if d.error_type.is_none() {
        d.error_type = Some("about:blank".to_string());
    }
    for (key, member) in o.iter().take(MAX_ITEMS) {
        if d.extensions.len() >= MAX_EXTENSIONS {
            break;
        }
        if STANDARD.contains(&key.as_str()) {
            continue;
        }
        if let (Some(key), Some(member)) = (text::clean(key), value::member(member)) {
            d.extensions.insert(key, member);
        }
    }
    Some(d)
}
