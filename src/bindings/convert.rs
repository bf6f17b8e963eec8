//! Conversions at the boundary: reading values off JS objects without throwing, turning core
//! errors into JS errors, and serialising results as plain JSON-compatible objects.

use js_sys::{RangeError, Reflect, TypeError};
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

use crate::error::{ArgError, ArgErrorKind};

/// Turns an [`ArgError`] into a thrown `TypeError` or `RangeError`.
pub(crate) fn throw(err: ArgError) -> JsValue {
    match err.kind {
        ArgErrorKind::Type => TypeError::new(&err.message).into(),
        ArgErrorKind::Range => RangeError::new(&err.message).into(),
    }
}

/// Serialises `value` as a plain object (maps become objects, `None` becomes `null`).
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).map_err(|e| {
        TypeError::new(&format!("http-triage could not convert its result: {e}")).into()
    })
}

/// `target[key]`, or `undefined` when `target` is not an object or the getter throws.
pub(crate) fn get(target: &JsValue, key: &str) -> JsValue {
    if !target.is_object() && !target.is_function() {
        return JsValue::UNDEFINED;
    }
    Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// `target[key]` as a string, if it is one.
pub(crate) fn get_string(target: &JsValue, key: &str) -> Option<String> {
    get(target, key).as_string()
}

/// `target[key]` as a number, if it is one.
pub(crate) fn get_number(target: &JsValue, key: &str) -> Option<f64> {
    get(target, key).as_f64()
}

/// How a value reads in an error message: `a string`, `null`, `NaN`, `an object`, …
pub(crate) fn describe(value: &JsValue) -> String {
    if let Some(n) = value.as_f64() {
        return crate::error::js_number(n);
    }
    if value.is_null() {
        return "null".into();
    }
    if value.is_undefined() {
        return "undefined".into();
    }
    if value.is_string() {
        return "a string".into();
    }
    if value.as_bool().is_some() {
        return "a boolean".into();
    }
    if value.is_bigint() {
        return "a bigint".into();
    }
    if value.is_symbol() {
        return "a symbol".into();
    }
    if value.is_function() {
        return "a function".into();
    }
    if value.is_array() {
        return "an array".into();
    }
    "an object".into()
}

/// `navigator.onLine` in a window or worker; `None` where the runtime has no such flag.
pub(crate) fn navigator_online() -> Option<bool> {
    let global = js_sys::global();
    if let Some(window) = global.dyn_ref::<web_sys::Window>() {
        return Some(window.navigator().on_line());
    }
    if let Some(worker) = global.dyn_ref::<web_sys::WorkerGlobalScope>() {
        return Some(worker.navigator().on_line());
    }
    None
}
