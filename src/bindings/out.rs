//! Results as plain JavaScript objects, built property by property: the JavaScript shapes of
//! the contract (names, order, and optional members absent rather than `undefined`) live here.
//!
//! Each property is one crossing, `object[key] = value`, on an object made here; property
//! names are JavaScript strings made once per thread, string values are decoded on the
//! JavaScript side. The assignments are not wrapped in `catch` (which costs more than the
//! assignment): on a fresh plain object they can only throw if a page defined throwing
//! setters on `Object.prototype` or `Array.prototype`, an assumption serde-wasm-bindgen made
//! as well. Caller-supplied values are never written to.

use js_sys::{Array, Object};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use crate::classify::StatusInfo;
use crate::json::Value;
use crate::kind::Kind;
use crate::messages::UserMessage;
use crate::problem::ErrorDetails;
use crate::retry::RetryDecision;

#[wasm_bindgen]
extern "C" {
    /// A plain object made here (`new Object()` / `new Array()` behind it).
    #[wasm_bindgen(extends = Object)]
    type Plain;

    #[wasm_bindgen(method, structural, indexing_setter)]
    fn set_str(this: &Plain, key: &JsValue, value: &str);

    #[wasm_bindgen(method, structural, indexing_setter)]
    fn set_f64(this: &Plain, key: &JsValue, value: f64);

    #[wasm_bindgen(method, structural, indexing_setter)]
    fn set_bool(this: &Plain, key: &JsValue, value: bool);

    #[wasm_bindgen(method, structural, indexing_setter)]
    fn set_value(this: &Plain, key: &JsValue, value: &JsValue);

    #[wasm_bindgen(method, structural, indexing_setter)]
    fn set_item(this: &Plain, index: u32, value: &JsValue);
}

/// The property names of the results, as [`Key`]s and their JavaScript spelling.
macro_rules! keys {
    ($($key:ident = $name:literal,)*) => {
        /// A property name of a result.
        #[derive(Clone, Copy)]
        enum Key { $($key,)* }

        /// The names, indexed by [`Key`].
        const NAMES: &[&str] = &[$($name,)*];
    };
}

keys! {
    Status = "status",
    Reason = "reason",
    Class = "class",
    Kind = "kind",
    Registered = "registered",
    Ok = "ok",
    Retryable = "retryable",
    Description = "description",
    Spec = "spec",
    Title = "title",
    Message = "message",
    Action = "action",
    Locale = "locale",
    Dir = "dir",
    Retry = "retry",
    DelayMs = "delayMs",
    RetryAfterMs = "retryAfterMs",
    Format = "format",
    Detail = "detail",
    Code = "code",
    Type = "type",
    Instance = "instance",
    UserFacing = "userFacing",
    FieldErrors = "fieldErrors",
    Field = "field",
    Extensions = "extensions",
}

thread_local! {
    /// [`NAMES`] as JavaScript strings, made on first use.
    static KEYS: Vec<JsValue> = NAMES.iter().map(|name| JsValue::from_str(name)).collect();
}

/// Runs `f` with the property names.
fn with_keys(f: impl FnOnce(&[JsValue]) -> JsValue) -> JsValue {
    KEYS.with(|keys| f(keys))
}

/// A plain object being filled in; properties keep the order they are set in.
struct Out<'k> {
    object: Plain,
    keys: &'k [JsValue],
}

impl<'k> Out<'k> {
    fn new(keys: &'k [JsValue]) -> Self {
        Out {
            object: Object::new().unchecked_into(),
            keys,
        }
    }

    /// The name of `key` (always there: [`KEYS`] is made from the same list as [`Key`]).
    fn key(&self, key: Key) -> Option<&JsValue> {
        self.keys.get(key as usize)
    }

    fn str(&self, key: Key, value: &str) -> &Self {
        if let Some(key) = self.key(key) {
            self.object.set_str(key, value);
        }
        self
    }

    fn num(&self, key: Key, value: f64) -> &Self {
        if let Some(key) = self.key(key) {
            self.object.set_f64(key, value);
        }
        self
    }

    fn bool(&self, key: Key, value: bool) -> &Self {
        if let Some(key) = self.key(key) {
            self.object.set_bool(key, value);
        }
        self
    }

    fn value(&self, key: Key, value: &JsValue) -> &Self {
        if let Some(key) = self.key(key) {
            self.object.set_value(key, value);
        }
        self
    }

    /// Sets `key` only when there is a value: optional members are absent, not `undefined`.
    fn opt_str(&self, key: Key, value: Option<&str>) -> &Self {
        if let Some(v) = value {
            self.str(key, v);
        }
        self
    }

    fn opt_num(&self, key: Key, value: Option<f64>) -> &Self {
        if let Some(v) = value {
            self.num(key, v);
        }
        self
    }

    fn done(self) -> JsValue {
        self.object.into()
    }
}

/// An array of `items` converted by `f`.
pub(crate) fn array<T>(items: &[T], f: impl Fn(&T) -> JsValue) -> JsValue {
    let out: Plain = Array::new().unchecked_into();
    for (i, item) in items.iter().enumerate() {
        out.set_item(i as u32, &f(item));
    }
    out.into()
}

/// An array of strings.
pub(crate) fn strings(items: &[String]) -> JsValue {
    array(items, |s| JsValue::from_str(s))
}

/// `StatusInfo`: `{ status, reason, class, kind, registered, ok, retryable, description, spec }`.
pub(crate) fn status_info(info: &StatusInfo) -> JsValue {
    with_keys(|keys| {
        let o = Out::new(keys);
        o.num(Key::Status, f64::from(info.status))
            .str(Key::Reason, info.reason)
            .str(Key::Class, info.class.as_str())
            .str(Key::Kind, info.kind.as_str())
            .bool(Key::Registered, info.registered)
            .bool(Key::Ok, info.ok)
            .bool(Key::Retryable, info.retryable)
            .str(Key::Description, &info.description)
            .str(Key::Spec, info.spec);
        o.done()
    })
}

/// `ErrorClass`: `{ kind, retryable, status? }`.
pub(crate) fn error_class(kind: Kind, retryable: bool, status: Option<u16>) -> JsValue {
    with_keys(|keys| {
        let o = Out::new(keys);
        o.str(Key::Kind, kind.as_str())
            .bool(Key::Retryable, retryable)
            .opt_num(Key::Status, status.map(f64::from));
        o.done()
    })
}

/// `UserMessage`: `{ title, message, action, kind, locale, dir }`.
pub(crate) fn user_message(m: &UserMessage) -> JsValue {
    with_keys(|keys| {
        let o = Out::new(keys);
        o.str(Key::Title, &m.title)
            .str(Key::Message, &m.message)
            .str(Key::Action, &m.action)
            .str(Key::Kind, m.kind.as_str())
            .str(Key::Locale, &m.locale)
            .str(Key::Dir, m.dir.as_str());
        o.done()
    })
}

/// `RetryDecision`: `{ retry, delayMs, reason, retryAfterMs? }`.
pub(crate) fn retry_decision(d: &RetryDecision) -> JsValue {
    with_keys(|keys| {
        let o = Out::new(keys);
        o.bool(Key::Retry, d.retry)
            .num(Key::DelayMs, d.delay_ms)
            .str(Key::Reason, d.reason.as_str())
            .opt_num(Key::RetryAfterMs, d.retry_after_ms);
        o.done()
    })
}

/// `ErrorDetails`: `{ format, title?, detail?, code?, type?, instance?, status?,
/// retryAfterMs?, userFacing?: { message, locale? }, fieldErrors: [{ field, message }],
/// extensions? }`.
pub(crate) fn error_details(d: &ErrorDetails) -> JsValue {
    with_keys(|keys| {
        let o = Out::new(keys);
        o.str(Key::Format, d.format.as_str())
            .opt_str(Key::Title, d.title.as_deref())
            .opt_str(Key::Detail, d.detail.as_deref())
            .opt_str(Key::Code, d.code.as_deref())
            .opt_str(Key::Type, d.error_type.as_deref())
            .opt_str(Key::Instance, d.instance.as_deref())
            .opt_num(Key::Status, d.status.map(f64::from))
            .opt_num(Key::RetryAfterMs, d.retry_after_ms);
        if let Some(u) = &d.user_facing {
            let user = Out::new(keys);
            user.str(Key::Message, &u.message)
                .opt_str(Key::Locale, u.locale.as_deref());
            o.value(Key::UserFacing, &user.done());
        }
        let fields = array(&d.field_errors, |f| {
            let field = Out::new(keys);
            field
                .str(Key::Field, &f.field)
                .str(Key::Message, &f.message);
            field.done()
        });
        o.value(Key::FieldErrors, &fields);
        if !d.extensions.is_empty() {
            o.value(Key::Extensions, &extensions(d));
        }
        o.done()
    })
}

/// The extension members, under the names the body gave them.
fn extensions(d: &ErrorDetails) -> JsValue {
    let object: Plain = Object::new().unchecked_into();
    for (key, value) in &d.extensions {
        let key = JsValue::from_str(key);
        // Extension members are simple values or arrays of them (`ErrorDetails::extensions`).
        match value {
            Value::Array(items) => object.set_value(&key, &array(items, simple)),
            _ => object.set_value(&key, &simple(value)),
        }
    }
    object.into()
}

/// A string, number or boolean as a JavaScript value (anything else is `null`).
fn simple(value: &Value) -> JsValue {
    match value {
        Value::String(s) => JsValue::from_str(s),
        Value::Number(n) => JsValue::from_f64(*n),
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::Null | Value::Array(_) | Value::Object(_) => JsValue::NULL,
    }
}
