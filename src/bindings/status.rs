//! Exports about status codes and thrown values: `classify`, `classifyError`, `listStatuses`.

use wasm_bindgen::prelude::*;

use super::convert::{describe, get, get_number, get_string, navigator_online, throw};
use super::out;
use crate::classify::{self, status_from_number};
use crate::clients::CLIENT_FLAGS;
use crate::error::ArgError;
use crate::failure::{classify_failure, FailureFacts};
use crate::retry::{HeaderView, Headers};

/// Reads a status argument: an integer from 100 to 599 given as a JS number.
pub(crate) fn status_arg(name: &str, value: &JsValue) -> Result<u16, JsValue> {
    match value.as_f64() {
        Some(n) => status_from_number(name, n).map_err(throw),
        None => Err(throw(ArgError::type_error(format!(
            "{name} must be an integer from 100 to 599, got {}",
            describe(value)
        )))),
    }
}

/// Classifies an HTTP status code (an integer from 100 to 599).
///
/// Throws `TypeError` for non-numbers and non-integers, `RangeError` outside 100..=599.
#[wasm_bindgen(js_name = classify, unchecked_return_type = "StatusInfo")]
pub fn classify(status: JsValue) -> Result<JsValue, JsValue> {
    let code = status_arg("status", &status)?;
    match classify::classify(code) {
        Some(info) => Ok(out::status_info(&info)),
        None => Err(throw(ArgError::range_error("status is out of range"))),
    }
}

/// Every row of the catalog, in code order (registered and unofficial codes).
#[wasm_bindgen(js_name = listStatuses, unchecked_return_type = "StatusInfo[]")]
pub fn list_statuses() -> Result<JsValue, JsValue> {
    let rows: Vec<_> = crate::catalog::rows()
        .iter()
        .filter_map(|r| classify::classify(r.code))
        .collect();
    Ok(out::array(&rows, out::status_info))
}

/// The facts `classify_failure` reads, owned.
#[derive(Debug, Default)]
pub(crate) struct ErrorFields {
    name: Option<String>,
    message: Option<String>,
    code: Option<String>,
    cause_code: Option<String>,
    status: Option<f64>,
    is_error: bool,
    online: Option<bool>,
    status_code: Option<f64>,
    flags: u32,
    has_response: bool,
    cause_name: Option<String>,
    cause_message: Option<String>,
    /// `error.response.headers`, read only for `userMessage` (its wait phrase).
    pub(crate) response_headers: Option<Headers>,
}

impl ErrorFields {
    /// Borrowed facts for the core.
    pub(crate) fn facts(&self) -> FailureFacts<'_> {
        FailureFacts {
            name: self.name.as_deref(),
            message: self.message.as_deref(),
            is_error: self.is_error,
            code: self.code.as_deref(),
            cause_code: self.cause_code.as_deref(),
            status: self.status,
            online: self.online,
            status_code: self.status_code,
            flags: self.flags,
            has_response: self.has_response,
            cause_name: self.cause_name.as_deref(),
            cause_message: self.cause_message.as_deref(),
            response_headers: self.response_headers.as_ref().map(HeaderView::from),
        }
    }
}

/// Reads the facts of a thrown value without letting a getter or Proxy trap throw through.
pub(crate) fn error_fields(error: &JsValue) -> ErrorFields {
    let response = get(error, "response");
    let cause = get(error, "cause");
    let mut flags = 0;
    for (bit, name) in CLIENT_FLAGS.iter().enumerate() {
        if get(error, name).as_bool() == Some(true) {
            flags |= 1 << bit;
        }
    }
    ErrorFields {
        name: get_string(error, "name"),
        message: get_string(error, "message"),
        code: get_string(error, "code"),
        cause_code: get_string(&cause, "code"),
        status: get_number(error, "status").or_else(|| get_number(&response, "status")),
        is_error: error.is_instance_of::<js_sys::Error>(),
        online: navigator_online(),
        status_code: get_number(error, "statusCode")
            .or_else(|| get_number(&response, "statusCode")),
        flags,
        has_response: response.is_object(),
        cause_name: get_string(&cause, "name"),
        cause_message: get_string(&cause, "message"),
        response_headers: None,
    }
}

/// Classifies anything a fetch call can throw; `null` for values it does not recognise.
#[wasm_bindgen(js_name = classifyError, unchecked_return_type = "ErrorClass | null")]
pub fn classify_error(error: JsValue) -> Result<JsValue, JsValue> {
    match classify_failure(&error_fields(&error).facts()) {
        Some(c) => Ok(out::error_class(c.kind, c.retryable, c.status)),
        None => Ok(JsValue::NULL),
    }
}

/// The size of the module's linear memory in bytes (diagnostics: benchmarks and leak tests).
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    let buffer: js_sys::ArrayBuffer = memory.buffer().unchecked_into();
    f64::from(buffer.byte_length())
}
