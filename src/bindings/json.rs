//! A bounded conversion of a JavaScript value into a [`Value`].
//!
//! Every property read goes through `Reflect` (whose errors are caught), so a throwing getter or
//! Proxy trap cannot unwind through wasm; depth and size are bounded so a hostile object can
//! neither overflow the wasm stack nor take unbounded time.

use crate::json::{Map, Value};
use wasm_bindgen::JsValue;

use super::convert::{get, get_index, get_key, is_array, own_keys};

/// Limits of one conversion.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Limits {
    /// Deepest nesting of arrays and objects.
    pub depth: usize,
    /// Most values (of any type) read in all.
    pub nodes: usize,
    /// Longest string kept, in UTF-8 bytes; longer strings are cut on a character boundary.
    pub string: u32,
}

/// Why a conversion stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Overflow {
    /// Nested deeper than `Limits::depth`.
    Depth,
    /// More values than `Limits::nodes`.
    Size,
}

/// Converts `value`; functions, symbols and bigints become `null`, non-finite numbers `null`.
pub(crate) fn to_json(value: &JsValue, limits: Limits) -> Result<Value, Overflow> {
    let mut budget = limits.nodes;
    convert(value, limits, limits.depth, &mut budget)
}

fn convert(
    v: &JsValue,
    limits: Limits,
    depth: usize,
    budget: &mut usize,
) -> Result<Value, Overflow> {
    if *budget == 0 {
        return Err(Overflow::Size);
    }
    *budget -= 1;
    if let Some(s) = v.as_string() {
        return Ok(Value::String(cut(s, limits.string)));
    }
    if let Some(n) = v.as_f64() {
        return Ok(Value::from(n));
    }
    if let Some(b) = v.as_bool() {
        return Ok(Value::Bool(b));
    }
    if !v.is_object() || v.is_function() {
        return Ok(Value::Null);
    }
    if depth == 0 {
        return Err(Overflow::Depth);
    }
    if is_array(v) {
        let len = get(v, "length").as_f64().unwrap_or(0.0);
        let len = if len.is_finite() && len > 0.0 {
            len.min(*budget as f64) as u32
        } else {
            0
        };
        let mut out = Vec::with_capacity(len.min(64) as usize);
        for i in 0..len {
            let item = get_index(v, i);
            out.push(convert(&item, limits, depth - 1, budget)?);
        }
        return Ok(Value::Array(out));
    }
    let Some(keys) = own_keys(v) else {
        return Ok(Value::Object(Map::new()));
    };
    let mut out = Vec::new();
    for key in keys.iter() {
        let Some(name) = key.as_string() else {
            continue;
        }; // symbols
        if *budget == 0 {
            return Err(Overflow::Size);
        }
        let item = get_key(v, &key);
        if item.is_undefined() {
            continue;
        }
        let converted = convert(&item, limits, depth - 1, budget)?;
        out.push((cut(name, limits.string), converted));
    }
    // Keys cut to the same prefix keep the first position and the last value.
    Ok(Value::Object(Map::from_pairs(out)))
}

fn cut(s: String, max: u32) -> String {
    if s.len() <= max as usize {
        return s;
    }
    let mut end = max as usize;
    while end > 0 && !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or_default().to_string()
}
