//! Results as plain JavaScript objects, built property by property: the JavaScript shapes of
//! the contract (names, order, and optional members absent rather than `undefined`) live here.
//!
//! Each property is one crossing, `Reflect.set(object, key, value)` with the key and a string
//! value decoded on the JavaScript side, caught so that a setter a page put on
//! `Object.prototype` cannot unwind through wasm.

use js_sys::{Array, Object};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

use crate::classify::StatusInfo;
use crate::json::Value;
use crate::kind::Kind;
use crate::messages::UserMessage;
use crate::problem::ErrorDetails;
use crate::retry::RetryDecision;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = set)]
    fn set_str(target: &Object, key: &str, value: &str) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = set)]
    fn set_f64(target: &Object, key: &str, value: f64) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = set)]
    fn set_bool(target: &Object, key: &str, value: bool) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = set)]
    fn set_value(target: &Object, key: &str, value: &JsValue) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = set)]
    fn set_item(target: &Array, index: u32, value: &JsValue) -> Result<(), JsValue>;
}

/// A plain object being filled in; properties keep the order they are set in.
struct Out(Object);

impl Out {
    fn new() -> Self {
        Out(Object::new())
    }

    fn str(&self, key: &str, value: &str) -> &Self {
        let _ = set_str(&self.0, key, value);
        self
    }

    fn num(&self, key: &str, value: f64) -> &Self {
        let _ = set_f64(&self.0, key, value);
        self
    }

    fn bool(&self, key: &str, value: bool) -> &Self {
        let _ = set_bool(&self.0, key, value);
        self
    }

    fn value(&self, key: &str, value: &JsValue) -> &Self {
        let _ = set_value(&self.0, key, value);
        self
    }

    /// Sets `key` only when there is a value: optional members are absent, not `undefined`.
    fn opt_str(&self, key: &str, value: Option<&str>) -> &Self {
        if let Some(v) = value {
            self.str(key, v);
        }
        self
    }

    fn opt_num(&self, key: &str, value: Option<f64>) -> &Self {
        if let Some(v) = value {
            self.num(key, v);
        }
        self
    }

    fn done(self) -> JsValue {
        self.0.into()
    }
}

/// An array of `items` converted by `f`.
pub(crate) fn array<T>(items: &[T], f: impl Fn(&T) -> JsValue) -> JsValue {
    let out = Array::new();
    for (i, item) in items.iter().enumerate() {
        let _ = set_item(&out, i as u32, &f(item));
    }
    out.into()
}

/// An array of strings.
pub(crate) fn strings(items: &[String]) -> JsValue {
    array(items, |s| JsValue::from_str(s))
}

/// `StatusInfo`: `{ status, reason, class, kind, registered, ok, retryable, description, spec }`.
pub(crate) fn status_info(info: &StatusInfo) -> JsValue {
    let o = Out::new();
    o.num("status", f64::from(info.status))
        .str("reason", info.reason)
        .str("class", info.class.as_str())
        .str("kind", info.kind.as_str())
        .bool("registered", info.registered)
        .bool("ok", info.ok)
        .bool("retryable", info.retryable)
        .str("description", &info.description)
        .str("spec", info.spec);
    o.done()
}

/// `ErrorClass`: `{ kind, retryable, status? }`.
pub(crate) fn error_class(kind: Kind, retryable: bool, status: Option<u16>) -> JsValue {
    let o = Out::new();
    o.str("kind", kind.as_str())
        .bool("retryable", retryable)
        .opt_num("status", status.map(f64::from));
    o.done()
}

/// `UserMessage`: `{ title, message, action, kind, locale, dir }`.
pub(crate) fn user_message(m: &UserMessage) -> JsValue {
    let o = Out::new();
    o.str("title", &m.title)
        .str("message", &m.message)
        .str("action", &m.action)
        .str("kind", m.kind.as_str())
        .str("locale", &m.locale)
        .str("dir", m.dir.as_str());
    o.done()
}

/// `RetryDecision`: `{ retry, delayMs, reason, retryAfterMs? }`.
pub(crate) fn retry_decision(d: &RetryDecision) -> JsValue {
    let o = Out::new();
    o.bool("retry", d.retry)
        .num("delayMs", d.delay_ms)
        .str("reason", d.reason.as_str())
        .opt_num("retryAfterMs", d.retry_after_ms);
    o.done()
}

/// `ErrorDetails`: `{ format, title?, detail?, code?, type?, instance?, status?,
/// userFacing?: { message, locale? }, fieldErrors: [{ field, message }], extensions? }`.
pub(crate) fn error_details(d: &ErrorDetails) -> JsValue {
    let o = Out::new();
    o.str("format", d.format.as_str())
        .opt_str("title", d.title.as_deref())
        .opt_str("detail", d.detail.as_deref())
        .opt_str("code", d.code.as_deref())
        .opt_str("type", d.error_type.as_deref())
        .opt_str("instance", d.instance.as_deref())
        .opt_num("status", d.status.map(f64::from));
    if let Some(u) = &d.user_facing {
        let user = Out::new();
        user.str("message", &u.message)
            .opt_str("locale", u.locale.as_deref());
        o.value("userFacing", &user.done());
    }
    let fields = array(&d.field_errors, |f| {
        let field = Out::new();
        field.str("field", &f.field).str("message", &f.message);
        field.done()
    });
    o.value("fieldErrors", &fields);
    if !d.extensions.is_empty() {
        let extensions = Out::new();
        for (key, value) in &d.extensions {
            // Extension members are simple values (see `ErrorDetails::extensions`).
            match value {
                Value::String(s) => extensions.str(key, s),
                Value::Number(n) => extensions.num(key, *n),
                Value::Bool(b) => extensions.bool(key, *b),
                Value::Null | Value::Array(_) | Value::Object(_) => &extensions,
            };
        }
        o.value("extensions", &extensions.done());
    }
    o.done()
}
