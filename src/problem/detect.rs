//! Which shape a body has: reading text, sniffing, and the order in which shapes are tried.

use crate::json::{Map, Value};

use super::{
    aws, generic, github, google, graphql, hint, jsonapi, media, odata, rfc9457, stripe, xml,
};
use super::{text, value, ErrorDetails, Format, MAX_BODY_BYTES, MAX_TEXT_CHARS};

/// `body` cut to at most [`MAX_BODY_BYTES`] on a character boundary, and whether it was cut.
pub(crate) fn prefix(body: &str) -> (&str, bool) {
    if body.len() <= MAX_BODY_BYTES {
        return (body, false);
    }
    let mut end = MAX_BODY_BYTES;
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    (body.get(..end).unwrap_or(""), true)
}

/// True when `body` (trimmed at the start) opens like a JSON object or array: `{`, or `[`
/// followed by what a JSON value starts with (so `[ERROR] disk full` is text).
fn looks_like_json(body: &str) -> bool {
    if body.starts_with('{') {
        return true;
    }
    let Some(rest) = body.strip_prefix('[') else {
        return false;
    };
    match rest.trim_start().chars().next() {
        None => true,
        Some(c) => matches!(c, '{' | '[' | ']' | '"' | '-' | '0'..='9' | 't' | 'f' | 'n'),
    }
}

/// Reads a text body: JSON when declared or sniffed (what `parsed` says the platform's JSON
/// reader made of it), otherwise XML or the plain-text policy.
pub(crate) fn from_text(
    body: &str,
    content_type: Option<&str>,
    parsed: Parsed<'_>,
) -> Option<ErrorDetails> {
    let (body, cut) = prefix(body);
    let body = body.trim_start_matches(|c: char| c == '\u{feff}' || c.is_whitespace());
    let media = media::essence(content_type);
    let declared_json = media.as_ref().is_some_and(media::Media::is_json);
    if declared_json || looks_like_json(body) {
        // JSON that could not be read (malformed, nested too deeply, cut by the size bound)
        // says nothing.
        let Parsed::Value(value) = parsed else {
            return None;
        };
        let problem = media.as_ref().is_some_and(media::Media::is_problem_json);
        return from_value(value, problem);
    }
    let declared_xml = media.as_ref().is_some_and(media::Media::is_xml);
    if declared_xml || (media.is_none() && body.starts_with('<')) {
        return xml::parse(body);
    }
    // Untyped bodies that are JSON scalars (`42`, `true`, `"text"`) are JSON, not text.
    if media.is_none() && !matches!(parsed, Parsed::NotJson) {
        return None;
    }
    let plain = media.as_ref().map_or(true, media::Media::is_plain_text);
    if !plain || cut || body.starts_with('<') {
        return None;
    }
    let body = body.trim_end();
    if body.chars().nth(MAX_TEXT_CHARS).is_some() {
        return None;
    }
    let mut d = ErrorDetails::new(Format::Generic);
    d.detail = text::clean(body);
    d.has_message().then_some(d)
}

/// What the platform's JSON reader (`JSON.parse`, natively serde_json) made of a text body,
/// read after leading whitespace and a byte order mark. The JavaScript layer asks it; the wasm
/// has no JSON parser.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Parsed<'a> {
    /// An object or an array.
    Value(&'a Value),
    /// A number, string, `true`, `false` or `null`.
    Scalar,
    /// Not JSON (or JSON the reader refused: nested too deeply, cut short).
    NotJson,
}

/// Reads a parsed body: an object, or the first element of an array when it is an object
/// (Salesforce and others answer with a list of errors).
pub(crate) fn from_value(body: &Value, problem: bool) -> Option<ErrorDetails> {
    let o = match body {
        Value::Object(o) => o,
        Value::Array(items) => items.first()?.as_object()?,
        _ => return None,
    };
    let mut d = from_object(o, problem)?;
    d.retry_after_ms = hint::retry_after_ms(o);
    Some(d)
}

/// Tries the shapes in order; the first that recognises the object and finds something in it
/// wins.
///
/// 1. Problem details, when declared by the content type or problem-style members are there.
/// 2. A top-level `error` (or OData v3 `odata.error`) object: Google (numeric `code` with
///    `status`, `details` or `errors`), then Stripe (string `type`), then OData (`code`,
///    `target`, `details`, `innererror` or a `{lang, value}` message), else its members read
///    as generic ones (JSON-RPC, `{"error": {"message": ...}}`).
/// 3. AWS (`__type`, or `code`/`Code` with a capitalised `Message`).
/// 4. An `errors` array: GraphQL (entries with `message` and `path`/`locations`/`extensions`,
///    or a `data` member beside), then JSON:API (entries with `title`/`detail`/`source`/
///    string `status` and no `message`).
/// 5. GitHub (`message` with `documentation_url`, or `errors` entries naming a `resource`).
/// 6. Generic conventions.
fn from_object(o: &Map, problem: bool) -> Option<ErrorDetails> {
    if problem || rfc9457::looks_like(o) {
        if let Some(d) = rfc9457::parse(o) {
            return Some(d);
        }
    }
    if let Some(inner) = value::obj(o, "error").or_else(|| value::obj(o, "odata.error")) {
        let found = if google::matches(inner) {
            google::parse(inner)
        } else if stripe::matches(inner) {
            stripe::parse(inner)
        } else if odata::matches(inner) {
            odata::parse(inner)
        } else {
            generic::parse(inner)
        };
        if found.is_some() {
            return found;
        }
    }
    if aws::matches(o) {
        if let Some(d) = aws::parse(o) {
            return Some(d);
        }
    }
    if let Some(errors) = value::arr(o, "errors") {
        let found = if graphql::matches(o, errors) {
            graphql::parse(errors)
        } else if jsonapi::matches(o, errors) {
            jsonapi::parse(errors)
        } else {
            None
        };
        if found.is_some() {
            return found;
        }
    }
    if github::matches(o) {
        if let Some(d) = github::parse(o) {
            return Some(d);
        }
    }
    generic::parse(o)
}
