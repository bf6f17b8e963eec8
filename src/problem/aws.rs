//! AWS JSON protocols (awsJson1_0/1_1, restJson1):
//! `{"__type": "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", "message": ...}`.

use crate::json::Map;

use super::value;
use super::{text, ErrorDetails, Format};

/// True for an AWS error: `__type`, or `code`/`Code` with a capitalised `Message`.
pub(crate) fn matches(o: &Map) -> bool {
    value::has_str(o, "__type")
        || ((value::has_str(o, "code") || value::has_str(o, "Code"))
            && value::has_str(o, "Message"))
}

/// The error's shape name: the part before any `:` (some services append
/// `:http://internal.amazon.com/...`), then the part after any `#` (the namespace).
pub(crate) fn shape_name(raw: &str) -> Option<String> {
    let name = raw.split(':').next().unwrap_or(raw);
    let name = name.split_once('#').map_or(name, |(_, shape)| shape);
    text::clean(name)
}

/// Reads an AWS error: code from `__type`/`code`/`Code` without its namespace, detail from
/// `message`/`Message`.
pub(crate) fn parse(o: &Map) -> Option<ErrorDetails> {
    let mut d = ErrorDetails::new(Format::Aws);
    d.code = ["__type", "code", "Code"]
        .iter()
        .find_map(|k| value::raw_str(o, k).and_then(shape_name));
    d.detail = value::first_string(o, &["message", "Message", "errorMessage"]);
    d.has_message().then_some(d)
}
