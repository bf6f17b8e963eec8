//! A small JSON value: what the core reads API error bodies, message catalogs and loose options
//! as, without serde (whose generic machinery would cost the wasm ~20 KB).
//!
//! [`Value`] mirrors the parts of `serde_json::Value` the core uses, with two differences:
//! numbers are `f64`, as in JavaScript, and objects keep their members in document order
//! (a key given twice keeps its first position and its last value, as `JSON.parse` does).
//!
//! The wasm never parses JSON text: the JavaScript layer lets the engine's `JSON.parse` read it
//! and hands the result over as a tape (src/bindings/io.rs). Natively, [`parse`] reads text with
//! serde_json into the same [`Value`] (tests, fuzzing, tools), with `JSON.parse`'s semantics
//! for member order and repeated keys.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unreachable,
    clippy::todo,
    clippy::unimplemented
)]

mod map;

#[cfg(test)]
mod tests;

pub use map::Map;

/// Why text is not JSON (native [`parse`] only): serde_json's description of the problem.
#[cfg(any(test, not(target_arch = "wasm32")))]
#[derive(Debug)]
pub struct ParseError(serde_json::Error);

#[cfg(any(test, not(target_arch = "wasm32")))]
impl core::fmt::Display for ParseError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(any(test, not(target_arch = "wasm32")))]
impl std::error::Error for ParseError {}

/// Parses `text` as one JSON value (natively, with serde_json): what `JSON.parse` gives the
/// JavaScript layer. Members keep document order; a key given twice keeps its first position
/// and its last value; nesting deeper than 127 levels is an error (serde_json's limit, where
/// `JSON.parse` has none, so the layer bounds depth itself).
#[cfg(any(test, not(target_arch = "wasm32")))]
pub fn parse(text: &str) -> Result<Value, ParseError> {
    serde_json::from_str::<serde_json::Value>(text)
        .map(Value::from)
        .map_err(ParseError)
}

/// A JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number: always finite (a literal beyond the `f64` range parses as [`Value::Null`],
    /// as `JSON.parse`'s `Infinity` does once converted from JavaScript).
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object, its members in document order.
    Object(Map),
}

impl Value {
    /// The member `key` when this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }

    /// The string, when this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number, when this is one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// The boolean, when this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The elements, when this is an array.
    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The members, when this is an object.
    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    /// True for `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// True for a string.
    pub fn is_string(&self) -> bool {
        matches!(self, Value::String(_))
    }

    /// True for an array.
    pub fn is_array(&self) -> bool {
        matches!(self, Value::Array(_))
    }

    /// True for an object.
    pub fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

impl From<f64> for Value {
    /// A number; NaN and the infinities, which JSON cannot hold, become [`Value::Null`].
    fn from(n: f64) -> Self {
        if n.is_finite() {
            Value::Number(n)
        } else {
            Value::Null
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.to_owned())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::String(s)
    }
}

impl From<Vec<Value>> for Value {
    fn from(items: Vec<Value>) -> Self {
        Value::Array(items)
    }
}

impl From<Map> for Value {
    fn from(map: Map) -> Self {
        Value::Object(map)
    }
}

/// serde_json's values (natively: [`parse`], and the `json!` fixtures of tests) as [`Value`]s.
#[cfg(any(test, not(target_arch = "wasm32")))]
impl From<serde_json::Value> for Value {
    fn from(v: serde_json::Value) -> Self {
        match v {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(b),
            serde_json::Value::Number(n) => n.as_f64().map_or(Value::Null, Value::from),
            serde_json::Value::String(s) => Value::String(s),
            serde_json::Value::Array(items) => {
                Value::Array(items.into_iter().map(Value::from).collect())
            }
            serde_json::Value::Object(map) => Value::Object(Map::from_pairs(
                map.into_iter().map(|(k, v)| (k, Value::from(v))).collect(),
            )),
        }
    }
}

#[cfg(test)]
impl Value {
    /// The serde_json value (integral numbers as integers, as `json!` writes them).
    pub(crate) fn to_serde(&self) -> serde_json::Value {
        match self {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => (*b).into(),
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 9e15 => (*n as i64).into(),
            Value::Number(n) => (*n).into(),
            Value::String(s) => s.as_str().into(),
            Value::Array(items) => items.iter().map(Value::to_serde).collect(),
            Value::Object(map) => serde_json::Value::Object(
                map.iter().map(|(k, v)| (k.clone(), v.to_serde())).collect(),
            ),
        }
    }
}

/// Lets fixtures put a [`Value`] inside `json!` (tests only).
#[cfg(test)]
impl serde::Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_serde().serialize(s)
    }
}

#[cfg(test)]
impl serde::Serialize for Map {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Value::Object(self.clone()).serialize(s)
    }
}

/// `serde_json::json!`, as a [`Value`] (tests only).
#[cfg(test)]
macro_rules! json {
    ($($t:tt)+) => {
        $crate::json::Value::from(serde_json::json!($($t)+))
    };
}
#[cfg(test)]
pub(crate) use json;
