//! The `RetryPolicy` class: options in, `decide(context)` out. The budget and the random source
//! live in the Rust object, shared by every call made through one policy.

use std::cell::{Cell, RefCell};

use js_sys::Function;
use wasm_bindgen::prelude::*;

use super::convert::{
    call0, describe, enumerable_keys, get, get_index, get_key, is_array, iterate_pairs, throw,
};
use super::json::{to_json, Limits, Overflow};
use super::out;
use super::status::{error_fields, status_arg};
use crate::classify::status_from_number;
use crate::error::{js_number, ArgError};
use crate::failure::classify_failure;
use crate::kind::Kind;
use crate::retry::{
    HeaderView, Headers, RetryContext, RetryDecision, RetryOptions, RetryPolicy as CorePolicy,
    RetryReason, OPTION_KEYS,
};

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
    /// `delayMs` and `retryAfterMs` (NaN for none) of the last `decidePrimitive` answer.
    last: Cell<(f64, f64)>,
}

impl JsRetryPolicy {
    /// The decision for checked facts; the method is checked here, for both paths.
    fn run(&self, facts: &Facts<'_>) -> Result<RetryDecision, ArgError> {
        let method = match facts.method {
            None => "GET",
            Some(m) if !m.is_empty() && m.len() <= 64 => m,
            Some(_) => return Err(method_error()),
        };
        let now = facts.now_ms.filter(|n| n.is_finite());
        let status = facts.status;
        let mut policy = self.inner.try_borrow_mut().map_err(|_| busy_error())?;
        let idempotency_key = policy.reads_idempotency_key(method, status)
            && [facts.headers, facts.request_headers]
                .into_iter()
                .flatten()
                .any(HeaderView::has_idempotency_key);
        let ctx = RetryContext {
            attempt: facts.attempt,
            method,
            status,
            status_registered: status
                .and_then(crate::catalog::row)
                .is_some_and(|r| r.registered()),
            headers: facts.headers,
            failure: facts.failure,
            idempotency_key,
            elapsed_ms: facts.elapsed_ms,
            deadline_ms: facts.deadline_ms,
            now_ms: now.unwrap_or_else(js_sys::Date::now),
            body_wait_ms: facts.body_wait_ms,
            replayable: facts.replayable,
        };
        Ok(policy.decide(&ctx))
    }
}

fn busy_error() -> ArgError {
    ArgError::type_error("RetryPolicy is already in use by another call on this stack")
}

fn busy() -> JsValue {
    throw(busy_error())
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
    // A plain object: its own enumerable properties, as Object.keys / Object.entries give.
    if let Some(keys) = enumerable_keys(value) {
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
        return failure_name(&name).map(Some).map_err(throw);
    }
    let fields = error_fields(error);
    Ok(classify_failure(&fields.facts())
        .map(|c| c.kind)
        .filter(|k| k.is_failure()))
}

/// The context of one decision, read from JavaScript and checked.
struct Facts<'a> {
    attempt: u32,
    method: Option<&'a str>,
    status: Option<u16>,
    failure: Option<Kind>,
    headers: Option<HeaderView<'a>>,
    request_headers: Option<HeaderView<'a>>,
    elapsed_ms: Option<f64>,
    deadline_ms: Option<f64>,
    now_ms: Option<f64>,
    /// `context.bodyRetryAfterMs`: the wait the error body asked for (full reader only).
    body_wait_ms: Option<f64>,
    /// `context.replayable`: false when the request body can be sent only once (full reader
    /// only; the JavaScript fast path leaves contexts that carry it to `decide`).
    replayable: bool,
}

/// `context.attempt`: an integer >= 1 (huge values saturate).
fn attempt_arg(n: f64) -> Result<u32, ArgError> {
    if n.is_finite() && n.fract() == 0.0 && n >= 1.0 {
        Ok(n.min(f64::from(u32::MAX)) as u32)
    } else {
        Err(ArgError::range_error(format!(
            "context.attempt must be an integer >= 1, got {}",
            js_number(n)
        )))
    }
}

fn method_error() -> ArgError {
    ArgError::type_error("context.method must be an HTTP method name such as 'GET'")
}

/// A failure kind given by name: 'network_error', 'offline', 'timeout' or 'aborted'.
fn failure_name(name: &str) -> Result<Kind, ArgError> {
    Kind::from_name(name)
        .filter(|k| k.is_failure())
        .ok_or_else(|| {
            ArgError::type_error(format!(
                "context.error must be an error or one of 'network_error', 'offline', 'timeout', 'aborted', got '{}'",
                name.chars().take(40).collect::<String>()
            ))
        })
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
            last: Cell::new((0.0, f64::NAN)),
        })
    }

    /// Decides whether to retry after a failed attempt. `context`: `{ attempt, method, status?,
    /// headers?, requestHeaders?, error?, elapsedMs?, deadlineMs?, now?, bodyRetryAfterMs?,
    /// replayable? }`. Returns
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
            Some(n) => attempt_arg(n).map_err(throw)?,
            None => {
                return Err(throw(ArgError::type_error(format!(
                    "context.attempt must be an integer >= 1, got {}",
                    describe(&attempt_value)
                ))))
            }
        };
        let method_value = get(&context, "method");
        let method = if method_value.is_undefined() || method_value.is_null() {
            None
        } else {
            Some(
                method_value
                    .as_string()
                    .ok_or_else(|| throw(method_error()))?,
            )
        };
        let status_value = get(&context, "status");
        let status = if status_value.is_undefined() || status_value.is_null() {
            None
        } else {
            Some(status_arg("context.status", &status_value)?)
        };
        let failure = failure_kind(&get(&context, "error"))?;
        let headers = read_headers(&get(&context, "headers"), "context.headers")?;
        let request_headers =
            read_headers(&get(&context, "requestHeaders"), "context.requestHeaders")?;
        let facts = Facts {
            attempt,
            method: method.as_deref(),
            status,
            failure,
            headers: headers.as_ref().map(HeaderView::from),
            request_headers: request_headers.as_ref().map(HeaderView::from),
            elapsed_ms: optional_number(&context, "elapsedMs")?,
            deadline_ms: optional_number(&context, "deadlineMs")?,
            now_ms: optional_number(&context, "now")?,
            body_wait_ms: optional_number(&context, "bodyRetryAfterMs")?,
            replayable: get(&context, "replayable").as_bool() != Some(false),
        };
        let decision = self.run(&facts).map_err(throw)?;
        Ok(out::retry_decision(&decision))
    }

    /// `decide()` for the JavaScript layer's fast path: the context as numbers, its strings
    /// written as UTF-8 into the scratch buffer (see [`scratch`]) one after the other: the
    /// method (`method_len` bytes; -1 for none), then the response headers and the request
    /// headers joined as in [`Headers::from_joined`] (-1 for none). The answer comes packed
    /// into an integer (`reason index | retry << 4 | has retryAfterMs << 5`); the delays are
    /// then read with [`JsRetryPolicy::last_delay_ms`] and [`JsRetryPolicy::last_retry_after_ms`].
    /// Returns -1, having changed nothing, for anything `decide()` would reject (or bytes that
    /// are not UTF-8), so the caller can call `decide()` for the precise error.
    #[allow(clippy::too_many_arguments)]
    #[wasm_bindgen(js_name = decidePrimitive)]
    pub fn decide_primitive(
        &self,
        attempt: f64,
        method_len: i32,
        status: Option<f64>,
        error: Option<String>,
        headers_len: i32,
        request_headers_len: i32,
        elapsed_ms: Option<f64>,
        deadline_ms: Option<f64>,
        now: Option<f64>,
    ) -> i32 {
        let nan = |n: Option<f64>| n.is_some_and(f64::is_nan);
        if nan(elapsed_ms) || nan(deadline_ms) || nan(now) {
            return -1;
        }
        let Ok(attempt) = attempt_arg(attempt) else {
            return -1;
        };
        let status = match status.map(|n| status_from_number("status", n)) {
            Some(Ok(s)) => Some(s),
            Some(Err(_)) => return -1,
            None => None,
        };
        let failure = match error.as_deref().map(failure_name) {
            Some(Ok(kind)) => Some(kind),
            Some(Err(_)) => return -1,
            None => None,
        };
        let decided = SCRATCH.try_with(|buffer| {
            let bytes = buffer.try_borrow().map_err(|_| ())?;
            let mut rest = bytes.as_slice();
            let mut take = |len: i32| -> Result<Option<&str>, ()> {
                let Ok(len) = usize::try_from(len) else {
                    return Ok(None);
                };
                let (piece, after) = rest.split_at_checked(len).ok_or(())?;
                rest = after;
                core::str::from_utf8(piece).map(Some).map_err(|_| ())
            };
            let method = take(method_len)?;
            let headers = take(headers_len)?;
            let request_headers = take(request_headers_len)?;
            let facts = Facts {
                attempt,
                method,
                status,
                failure,
                headers: headers.map(HeaderView::Joined),
                request_headers: request_headers.map(HeaderView::Joined),
                elapsed_ms,
                deadline_ms,
                now_ms: now,
                body_wait_ms: None,
                replayable: true,
            };
            self.run(&facts).map_err(|_| ())
        });
        let Ok(Ok(d)) = decided else {
            return -1;
        };
        self.last
            .set((d.delay_ms, d.retry_after_ms.unwrap_or(f64::NAN)));
        let index = RetryReason::ALL
            .iter()
            .position(|r| *r == d.reason)
            .unwrap_or(0) as i32;
        index | (i32::from(d.retry) << 4) | (i32::from(d.retry_after_ms.is_some()) << 5)
    }

    /// The `delayMs` of the last `decidePrimitive` answer.
    #[wasm_bindgen(getter, js_name = lastDelayMs)]
    pub fn last_delay_ms(&self) -> f64 {
        self.last.get().0
    }

    /// The `retryAfterMs` of the last `decidePrimitive` answer (NaN when it had none).
    #[wasm_bindgen(getter, js_name = lastRetryAfterMs)]
    pub fn last_retry_after_ms(&self) -> f64 {
        self.last.get().1
    }

    /// Records a successful call. `retryReason`: the reason of the decision that made the
    /// successful attempt (omit it for a first attempt): a first-attempt success adds
    /// `budget.tokenRatio`, a successful retry gives back its cost.
    #[wasm_bindgen(js_name = recordSuccess)]
    pub fn record_success(&self, retry_reason: Option<String>) -> Result<(), JsValue> {
        // An unknown name still marks a retry (its cost is given back as a plain retry's).
        let retried =
            retry_reason.map(|name| RetryReason::from_name(&name).unwrap_or(RetryReason::Status));
        self.inner
            .try_borrow_mut()
            .map_err(|_| busy())?
            .record_success(retried);
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

thread_local! {
    /// Where the JavaScript layer writes the strings of a `decidePrimitive` call (no
    /// allocation per call). Only [`scratch`] resizes it.
    static SCRATCH: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// The scratch buffer for `decidePrimitive`, at least `len` bytes long: returns its address
/// in wasm memory (valid until the next `scratch` call that grows it). Lengths are capped at
/// 1 MiB; the answer is 0 when the buffer cannot be had.
#[wasm_bindgen]
pub fn scratch(len: u32) -> u32 {
    let len = (len as usize).min(1 << 20);
    SCRATCH
        .try_with(|b| {
            b.try_borrow_mut().map_or(0, |mut b| {
                if b.len() < len {
                    b.resize(len, 0);
                }
                b.as_mut_ptr() as u32
            })
        })
        .unwrap_or(0)
}

/// The wasm memory, for the JavaScript layer to write into the scratch buffer.
#[wasm_bindgen(js_name = wasmMemory)]
pub fn wasm_memory() -> JsValue {
    wasm_bindgen::memory()
}

/// The names of the retry reasons, indexed as `decidePrimitive` packs them.
#[wasm_bindgen(js_name = retryReasons)]
pub fn retry_reasons() -> Vec<String> {
    RetryReason::ALL
        .iter()
        .map(|r| r.as_str().to_owned())
        .collect()
}

/// The header names a retry decision reads (lowercase): the JavaScript layer hands over only
/// these.
#[wasm_bindgen(js_name = retryHeaderNames)]
pub fn retry_header_names() -> Vec<String> {
    crate::retry::DECISION_HEADERS
        .iter()
        .map(|n| (*n).to_owned())
        .collect()
}
