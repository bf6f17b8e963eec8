//! The `RetryPolicy` class: options in, `decide(context)` out. The budget and the random source
//! live in the Rust object, shared by every call made through one policy.

use std::cell::RefCell;

use js_sys::Function;
use wasm_bindgen::prelude::*;

use super::convert::{
    call0, describe, get, get_index, get_key, is_array, iterate_pairs, own_keys, throw, to_js,
};
use super::json::{to_json, Limits, Overflow};
use super::status::{error_fields, status_arg};
use crate::error::{js_number, ArgError};
use crate::failure::classify_failure;
use crate::kind::Kind;
use crate::retry::{Headers, RetryContext, RetryOptions, RetryPolicy as CorePolicy, OPTION_KEYS};

const OPTION_LIMITS: Limits = Limits {
    depth: 4,
    nodes: 2_000,
    string: 256,
};

/// Header pairs read from a Headers object or a plain object at most.
const MAX_HEADER_PAIRS: usize = 256;

/// A retry policy: validated options, the retry budget shared by every call made through it,
/// and the jitter's random source. `new RetryPolicy(options?)`.
#[wasm_bindgen(js_name = RetryPolicy)]
#[derive(Debug)]
pub struct JsRetryPolicy {
    inner: RefCell<CorePolicy>,
}

fn busy() -> JsValue {
    throw(ArgError::type_error(
        "RetryPolicy is already in use by another call on this stack",
    ))
}

/// Reads `options` into validated [`RetryOptions`].
fn read_options(options: &JsValue) -> Result<RetryOptions, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(RetryOptions::default());
    }
    if options.is_object() && !options.is_function() && !is_array(options) {
        // JSON cannot carry Infinity or NaN: name them rather than fall back silently.
        for key in OPTION_KEYS {
            if let Some(n) = get(options, key).as_f64() {
                if !n.is_finite() {
                    return Err(throw(ArgError::range_error(format!(
                        "{key} must be a finite number, got {}",
                        js_number(n)
                    ))));
                }
            }
        }
    }
    let value = to_json(options, OPTION_LIMITS).map_err(|e| {
        throw(match e {
            Overflow::Depth => ArgError::type_error("options are nested too deeply"),
            Overflow::Size => ArgError::range_error("options are too large"),
        })
    })?;
    RetryOptions::from_json(&value).map_err(throw)
}

/// Reads response or request headers: a `Headers` object (anything iterable of pairs) or a
/// plain object of name -> string.
fn read_headers(value: &JsValue, name: &str) -> Result<Option<Headers>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    if !value.is_object() {
        return Err(throw(ArgError::type_error(format!(
            "{name} must be a Headers object or a plain object, got {}",
            describe(value)
        ))));
    }
    let mut headers = Headers::new();
    let mut add = |n: JsValue, v: JsValue| {
        if let (Some(n), Some(v)) = (n.as_string(), v.as_string()) {
            headers.append(&n, &v);
        }
    };
    if is_array(value) {
        // HeadersInit as an array of [name, value] pairs.
        let length = get(value, "length").as_f64().unwrap_or(0.0);
        let length = if length > 0.0 {
            length.min(MAX_HEADER_PAIRS as f64) as u32
        } else {
            0
        };
        for i in 0..length {
            let pair = get_index(value, i);
            add(get_index(&pair, 0), get_index(&pair, 1));
        }
        return Ok(Some(headers));
    }
    let entries = get(value, "entries");
    if let Some(entries) = entries.dyn_ref::<Function>() {
        // Headers or Map: iterate the pairs of entries(), every step caught.
        if let Some(iter) = call0(entries, value) {
            if iterate_pairs(&iter, MAX_HEADER_PAIRS, &mut add) {
                return Ok(Some(headers));
            }
        }
    }
    if let Some(keys) = own_keys(value) {
        for key in keys.iter().take(MAX_HEADER_PAIRS) {
            let Some(n) = key.as_string() else { continue };
            let item = get_key(value, &key);
            if let Some(v) = item.as_string() {
                headers.append(&n, &v);
            } else if let Some(num) = item.as_f64() {
                headers.append(&n, &js_number(num));
            }
        }
    }
    Ok(Some(headers))
}

fn optional_number(context: &JsValue, key: &str) -> Result<Option<f64>, JsValue> {
    let value = get(context, key);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    match value.as_f64() {
        Some(n) if !n.is_nan() => Ok(Some(n)),
        _ => Err(throw(ArgError::type_error(format!(
            "context.{key} must be a number, got {}",
            describe(&value)
        )))),
    }
}

/// The failure kind of `context.error`: a kind name or anything fetch can throw.
fn failure_kind(error: &JsValue) -> Result<Option<Kind>, JsValue> {
    if error.is_undefined() || error.is_null() {
        return Ok(None);
    }
    if let Some(name) = error.as_string() {
        return match Kind::from_name(&name).filter(|k| k.is_failure()) {
            Some(kind) => Ok(Some(kind)),
            None => Err(throw(ArgError::type_error(format!(
                "context.error must be an error or one of 'network_error', 'offline', 'timeout', 'aborted', got '{}'",
                name.chars().take(40).collect::<String>()
            )))),
        };
    }
    let fields = error_fields(error);
    Ok(classify_failure(&fields.facts())
        .map(|c| c.kind)
        .filter(|k| k.is_failure()))
}

#[wasm_bindgen(js_class = RetryPolicy)]
impl JsRetryPolicy {
    /// Creates a policy. `options` (all optional): limit, methods, statusCodes, afterStatusCodes,
    /// maxRetryAfterMs, baseDelayMs, maxDelayMs, jitter, retryOnTimeout,
    /// retryNonIdempotentWithKey, budget, seed. Throws TypeError/RangeError naming a bad option.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<JsRetryPolicy, JsValue> {
        let opts = read_options(&options)?;
        let seeded = !get(&options, "seed").is_undefined() && !get(&options, "seed").is_null();
        let mut policy = CorePolicy::new(opts).map_err(throw)?;
        if !seeded {
            policy.set_seed((js_sys::Math::random() * 9_007_199_254_740_992.0) as u64);
        }
        Ok(JsRetryPolicy {
            inner: RefCell::new(policy),
        })
    }

    /// Decides whether to retry after a failed attempt. `context`: `{ attempt, method, status?,
    /// headers?, requestHeaders?, error?, elapsedMs?, deadlineMs?, now? }`. Returns
    /// `{ retry, delayMs, reason, retryAfterMs? }`.
    #[wasm_bindgen(unchecked_return_type = "RetryDecision")]
    pub fn decide(&self, context: JsValue) -> Result<JsValue, JsValue> {
        if !context.is_object() {
            return Err(throw(ArgError::type_error(format!(
                "context must be an object, got {}",
                describe(&context)
            ))));
        }
        let attempt_value = get(&context, "attempt");
        let attempt = match attempt_value.as_f64() {
            Some(n) if n.is_finite() && n.fract() == 0.0 && n >= 1.0 => {
                n.min(f64::from(u32::MAX)) as u32
            }
            Some(n) => {
                return Err(throw(ArgError::range_error(format!(
                    "context.attempt must be an integer >= 1, got {}",
                    js_number(n)
                ))))
            }
            None => {
                return Err(throw(ArgError::type_error(format!(
                    "context.attempt must be an integer >= 1, got {}",
                    describe(&attempt_value)
                ))))
            }
        };
        let method_value = get(&context, "method");
        let method = if method_value.is_undefined() || method_value.is_null() {
            "GET".to_string()
        } else {
            match method_value.as_string() {
                Some(m) if !m.is_empty() && m.len() <= 64 => m,
                _ => {
                    return Err(throw(ArgError::type_error(
                        "context.method must be an HTTP method name such as 'GET'",
                    )))
                }
            }
        };
        let status_value = get(&context, "status");
        let status = if status_value.is_undefined() || status_value.is_null() {
            None
        } else {
            Some(status_arg("context.status", &status_value)?)
        };
        let headers = read_headers(&get(&context, "headers"), "context.headers")?;
        let request_headers =
            read_headers(&get(&context, "requestHeaders"), "context.requestHeaders")?;
        let failure = failure_kind(&get(&context, "error"))?;
        let now = optional_number(&context, "now")?.unwrap_or_else(js_sys::Date::now);
        let idempotency_key = headers.as_ref().is_some_and(Headers::has_idempotency_key)
            || request_headers
                .as_ref()
                .is_some_and(Headers::has_idempotency_key);
        let ctx = RetryContext {
            attempt,
            method: &method,
            status,
            status_registered: status
                .and_then(crate::catalog::row)
                .is_some_and(|r| r.registered()),
            headers: headers.as_ref(),
            failure,
            idempotency_key,
            elapsed_ms: optional_number(&context, "elapsedMs")?,
            deadline_ms: optional_number(&context, "deadlineMs")?,
            now_ms: if now.is_finite() {
                now
            } else {
                js_sys::Date::now()
            },
        };
        let decision = self
            .inner
            .try_borrow_mut()
            .map_err(|_| busy())?
            .decide(&ctx);
        to_js(&decision)
    }

    /// Records a successful call: refills the retry budget by `budget.tokenRatio`.
    #[wasm_bindgen(js_name = recordSuccess)]
    pub fn record_success(&self) -> Result<(), JsValue> {
        self.inner
            .try_borrow_mut()
            .map_err(|_| busy())?
            .record_success();
        Ok(())
    }

    /// The longest server-requested wait that is honoured, in ms.
    #[wasm_bindgen(getter, js_name = maxRetryAfterMs)]
    pub fn max_retry_after_ms(&self) -> f64 {
        self.inner
            .try_borrow()
            .map(|p| p.options().max_retry_after_ms)
            .unwrap_or(crate::retry::DEFAULT_MAX_RETRY_AFTER_MS)
    }

    /// The retries after the first attempt.
    #[wasm_bindgen(getter)]
    pub fn limit(&self) -> u32 {
        self.inner
            .try_borrow()
            .map(|p| p.options().limit)
            .unwrap_or(0)
    }

    /// Tokens left in the retry budget (`null` when the budget is off).
    #[wasm_bindgen(getter, js_name = budgetTokens)]
    pub fn budget_tokens(&self) -> Option<f64> {
        self.inner.try_borrow().ok()?.budget().map(|b| b.tokens())
    }
}
