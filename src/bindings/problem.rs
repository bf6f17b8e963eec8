//! The `parseErrorBody` export.

use js_sys::JsString;
use wasm_bindgen::prelude::*;

use super::json::{to_json, Limits};
use super::out;
use crate::problem::{self, MAX_BODY_BYTES};

/// Limits for bodies given as already-parsed objects: deeper or larger objects give `null`.
const BODY_LIMITS: Limits = Limits {
    depth: 32,
    nodes: 10_000,
    string: 4_096,
};

/// Extracts what an API error body says (RFC 9457 problem+json and the big vendors' shapes).
/// `body` is a string or an already-parsed object; returns `null` when it carries no error
/// information. Never throws on malformed, hostile or huge input: only a bounded prefix of a
/// string is read, and a non-string `contentType` is ignored.
#[wasm_bindgen(js_name = parseErrorBody, unchecked_return_type = "ErrorDetails | null")]
pub fn parse_error_body(body: JsValue, content_type: JsValue) -> Result<JsValue, JsValue> {
    let content_type = content_type.as_string();
    let details = if let Some(text) = body.dyn_ref::<JsString>() {
        // Copy at most a bounded prefix across the boundary; the core reads MAX_BODY_BYTES.
        let limit = MAX_BODY_BYTES as u32 + 1;
        let text = if text.length() > limit {
            String::from(text.slice(0, limit))
        } else {
            String::from(text)
        };
        problem::parse_error_body_text(&text, content_type.as_deref())
    } else if body.is_object() && !body.is_function() {
        match to_json(&body, BODY_LIMITS) {
            Ok(value) => problem::parse_error_body_value_with_type(&value, content_type.as_deref()),
            Err(_) => None,
        }
    } else {
        None
    };
    match details {
        Some(d) => Ok(out::error_details(&d)),
        None => Ok(JsValue::NULL),
    }
}
