//! Conversions at the boundary: reading values off JS objects without throwing and turning
//! core errors into JS errors (results are built in [`super::out`]).

use js_sys::{Array, Function, RangeError, TypeError};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use crate::error::{ArgError, ArgErrorKind};

// Every JavaScript operation the bindings perform on a caller's value goes through an import
// with `catch`, so a throwing getter, Proxy trap or revoked Proxy cannot unwind through wasm
// (which would leak the shadow stack and leave borrows held: after enough of them the module
// traps). js-sys's `Array::is_array`, `Array::get`, `length()` and `try_iter` do not catch.
//
// These imports return `Option<JsValue>`, not `JsValue`: with wasm-bindgen 0.2.130 a `catch`
// import returning a plain `JsValue` leaks one externref table slot for every exception it
// catches (the slot of the `undefined` result is allocated and never freed), while an
// `Option` result maps `undefined` to `None` without taking a slot.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array_checked(value: &JsValue) -> Result<bool, JsValue>;

    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = get)]
    fn reflect_get(target: &JsValue, key: &JsValue) -> Result<Option<JsValue>, JsValue>;

    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = ownKeys)]
    fn reflect_own_keys(target: &JsValue) -> Result<Option<Array>, JsValue>;

    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn object_keys(target: &JsValue) -> Result<Option<Array>, JsValue>;

    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = construct)]
    fn reflect_construct(target: &JsValue, args: &Array) -> Result<Option<JsValue>, JsValue>;

    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = apply)]
    fn reflect_apply(
        function: &Function,
        this: &JsValue,
        args: &Array,
    ) -> Result<Option<JsValue>, JsValue>;
}

/// Turns an [`ArgError`] into a thrown `TypeError` or `RangeError`.
pub(crate) fn throw(err: ArgError) -> JsValue {
    match err.kind {
        ArgErrorKind::Type => TypeError::new(&err.message).into(),
        ArgErrorKind::Range => RangeError::new(&err.message).into(),
    }
}

/// `target[key]`, or `undefined` when `target` is not an object or the getter throws.
pub(crate) fn get(target: &JsValue, key: &str) -> JsValue {
    get_key(target, &JsValue::from_str(key))
}

/// `target[index]`, or `undefined` when `target` is not an object or the getter throws.
pub(crate) fn get_index(target: &JsValue, index: u32) -> JsValue {
    get_key(target, &JsValue::from(index))
}

/// `target[key]` for any property key (a string, number or symbol value), or `undefined`
/// when `target` is not an object or the getter throws.
pub(crate) fn get_key(target: &JsValue, key: &JsValue) -> JsValue {
    if !target.is_object() && !target.is_function() {
        return JsValue::UNDEFINED;
    }
    reflect_get(target, key)
        .ok()
        .flatten()
        .unwrap_or(JsValue::UNDEFINED)
}

/// `Reflect.ownKeys(target)`, or `None` when `target` is not an object or the trap throws.
pub(crate) fn own_keys(target: &JsValue) -> Option<Array> {
    if !target.is_object() && !target.is_function() {
        return None;
    }
    reflect_own_keys(target).ok().flatten()
}

/// `Object.keys(target)` (own enumerable string keys), or `None` when `target` is not an
/// object or a trap throws.
pub(crate) fn enumerable_keys(target: &JsValue) -> Option<Array> {
    if !target.is_object() && !target.is_function() {
        return None;
    }
    object_keys(target).ok().flatten()
}

/// `function.call(this)`, or `None` when it throws (or returns `undefined` or `null`).
pub(crate) fn call0(function: &Function, this: &JsValue) -> Option<JsValue> {
    call(function, this, &Array::new())
}

/// `function.apply(this, args)`, or `None` when it throws (or returns `undefined` or `null`).
pub(crate) fn call(function: &Function, this: &JsValue, args: &Array) -> Option<JsValue> {
    reflect_apply(function, this, args).ok().flatten()
}

/// `new target(...args)`, or `None` when `target` is not a constructor or it throws.
pub(crate) fn construct(target: &JsValue, args: &Array) -> Option<JsValue> {
    if !target.is_function() {
        return None;
    }
    reflect_construct(target, args).ok().flatten()
}

/// `Array.isArray(value)`; false when it throws (a revoked Proxy). Use it instead of js-sys's
/// `Array::is_array` and `JsValue::is_array`, which let that exception unwind through wasm.
pub(crate) fn is_array(value: &JsValue) -> bool {
    is_array_checked(value).unwrap_or(false)
}

/// Calls `f` with each `[name, value]` pair of an iterable's iterator (`headers.entries()`,
/// `map.entries()`), at most `max` of them. Every step is caught: a throwing `next`, `done`
/// or `value` ends the iteration. Returns false when `iter` is not an iterator.
pub(crate) fn iterate_pairs(
    iter: &JsValue,
    max: usize,
    mut f: impl FnMut(JsValue, JsValue),
) -> bool {
    let Ok(next) = get(iter, "next").dyn_into::<Function>() else {
        return false;
    };
    for _ in 0..max {
        let Some(step) = call0(&next, iter) else {
            break;
        };
        if !step.is_object() || get(&step, "done").is_truthy() {
            break;
        }
        let pair = get(&step, "value");
        f(get_index(&pair, 0), get_index(&pair, 1));
    }
    true
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
    if is_array(value) {
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
