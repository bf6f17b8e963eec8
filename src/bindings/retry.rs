//! `RetryPolicy`: policies live in a slab here, named by handles; the JavaScript class holds a
//! handle and frees it with `free()` (or a `FinalizationRegistry` does when the object is
//! collected). Freeing is O(1): the slot is emptied and its index reused.

use std::cell::RefCell;

use super::io::{self, Out};
use crate::classify::status_from_number;
use crate::error::{js_number, ArgError};
use crate::json::Value;
use crate::kind::Kind;
use crate::retry::{
    HeaderView, RetryContext, RetryDecision, RetryOptions, RetryPolicy, RetryReason,
};

/// The policies, by handle - 1; `None` for a freed slot.
#[derive(Debug, Default)]
struct Slab {
    slots: Vec<Option<RetryPolicy>>,
    free: Vec<u32>,
}

thread_local! {
    static POLICIES: RefCell<Slab> = RefCell::new(Slab::default());
}

/// Runs `f` on the policy named by `handle`; `None` for a freed or unknown handle.
fn with_policy<R>(handle: u32, f: impl FnOnce(&mut RetryPolicy) -> R) -> Option<R> {
    POLICIES.with(|slab| {
        let mut slab = slab.try_borrow_mut().ok()?;
        let slot = slab.slots.get_mut(handle.checked_sub(1)? as usize)?;
        slot.as_mut().map(f)
    })
}

/// The message for a freed policy.
fn freed() -> ArgError {
    ArgError::type_error("RetryPolicy was freed; create a new one")
}

/// Reads options from a tape: `null` or absent for the defaults. Numbers that JSON cannot hold
/// (NaN, ±Infinity) are named rather than turned into `null`.
fn read_options(bytes: &[u8]) -> Result<RetryOptions, ArgError> {
    let value = io::read_tape(bytes, false)
        .ok_or_else(|| ArgError::type_error("options could not be read"))?;
    let non_finite = |v: &Value| matches!(v, Value::Number(n) if !n.is_finite());
    let members: Vec<(&str, &Value)> = match &value {
        Value::Object(map) => map.iter().map(|(k, v)| (k.as_str(), v)).collect(),
        v => vec![("retry", v)],
    };
    for (key, v) in members {
        let nested = match v {
            Value::Object(map) => map.iter().find(|(_, v)| non_finite(v)).map(|(k, v)| (k, v)),
            _ => None,
        };
        let (path, bad) = match nested {
            Some((k, v)) => ([key, ".", k].concat(), v),
            None if non_finite(v) => (key.to_owned(), v),
            None => continue,
        };
        let n = bad.as_f64().unwrap_or(f64::NAN);
        let mut m = path;
        m.push_str(" must be a finite number, got ");
        m.push_str(&js_number(n));
        return Err(ArgError::range_error(m));
    }
    RetryOptions::from_json(&value)
}

/// `new RetryPolicy(options)`: the options as a tape in IN (`len` bytes). `seed` seeds the
/// jitter when the options give none (the JavaScript layer passes `Math.random()` bits). The
/// answer is a record with the handle (`u32`), or the error naming the option.
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub extern "C" fn policy_new(len: u32, seed: f64) -> u32 {
    let made = io::with_input(len as usize, read_options).and_then(|options| {
        let seeded = options.seed.is_some();
        let mut policy = RetryPolicy::new(options)?;
        if !seeded {
            policy.set_seed(seed.to_bits());
        }
        POLICIES
            .with(|slab| {
                let mut slab = slab.try_borrow_mut().ok()?;
                let handle = match slab.free.pop() {
                    Some(i) => {
                        *slab.slots.get_mut(i as usize)? = Some(policy);
                        i + 1
                    }
                    None => {
                        slab.slots.push(Some(policy));
                        slab.slots.len() as u32
                    }
                };
                Some(handle)
            })
            .ok_or_else(|| ArgError::range_error("too many retry policies"))
    });
    io::result(made.map(|h| move |out: &mut Out| out.u32(h))) as u32
}

/// Frees the policy named by `handle` (nothing for a freed or unknown handle).
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub extern "C" fn policy_free(handle: u32) {
    POLICIES.with(|slab| {
        let Ok(mut slab) = slab.try_borrow_mut() else {
            return;
        };
        let Some(index) = handle.checked_sub(1) else {
            return;
        };
        if let Some(slot) = slab.slots.get_mut(index as usize) {
            if slot.take().is_some() {
                slab.free.push(index);
            }
        }
    });
}

/// Frees every policy whose handle IN holds (`count` little-endian `u32`s): what the
/// JavaScript layer does with the handles of the policies the garbage collector took, in one
/// call however many there are.
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub extern "C" fn policy_free_many(count: u32) {
    let handles: Vec<u32> = io::with_input(count as usize * 4, |bytes| {
        bytes
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes(c.try_into().unwrap_or_default()))
            .collect()
    });
    for handle in handles {
        policy_free(handle);
    }
}

/// Records a successful call (refills the budget): `retried` is the index of the reason of the
/// decision that made the successful attempt (-1 for a first-attempt success). Nothing for a
/// freed handle: a call that succeeds after its policy was freed is still a success.
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub extern "C" fn policy_success(handle: u32, retried: i32) {
    let reason = usize::try_from(retried)
        .ok()
        .and_then(|i| RetryReason::ALL.get(i).copied());
    with_policy(handle, |p| p.record_success(reason));
}

/// A record of the policy's `limit` (`u32`), `maxRetryAfterMs` (`f64`) and budget tokens
/// (`f64`, NaN without a budget), or the error for a freed handle.
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub extern "C" fn policy_info(handle: u32) -> u32 {
    let info = with_policy(handle, |p| {
        let tokens = p.budget().map(|b| b.tokens());
        (p.options().limit, p.options().max_retry_after_ms, tokens)
    });
    io::result(info.ok_or_else(freed).map(|(limit, max, tokens)| {
        move |out: &mut Out| {
            out.u32(limit);
            out.f64(max);
            out.opt_f64(tokens);
        }
    })) as u32
}

/// The failure kinds `context.error` can name, by index + 1 (0 for none).
const FAILURES: [Kind; 4] = [
    Kind::NetworkError,
    Kind::Offline,
    Kind::Timeout,
    Kind::Aborted,
];
/// Set in `failure` when the request body can be sent only once.
const ONE_SHOT: u32 = 16;

/// `policy.decide(context)` over plain facts. IN holds the method, then the response headers
/// and the request headers joined as `name\0value\0…` (only the names the decision reads),
/// with UTF-8 lengths `method`, `headers`, `request_headers` (negative for absent). `status`,
/// `elapsed_ms`, `deadline_ms` and `body_wait_ms` (`context.bodyRetryAfterMs`, the wait the
/// error body asked for) are NaN for absent; `failure` is the index of the failure kind in
/// [`FAILURES`] plus 1 (0 for none), plus [`ONE_SHOT`] when `context.replayable` is `false` (a
/// body that can be sent only once); `now` is epoch ms.
///
/// The answer is a record: retry `u8`, reason index `u8`, delayMs `f64`, retryAfterMs `f64`
/// (NaN for none); or the error naming the bad context member.
#[allow(clippy::too_many_arguments)]
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub extern "C" fn policy_decide(
    handle: u32,
    attempt: f64,
    status: f64,
    failure: u32,
    elapsed_ms: f64,
    deadline_ms: f64,
    body_wait_ms: f64,
    now: f64,
    method: i32,
    headers: i32,
    request_headers: i32,
) -> u32 {
    let lens = [method, headers, request_headers];
    let total = lens.iter().map(|&l| l.max(0) as usize).sum();
    let decided = io::with_input(total, |bytes| {
        let [method, headers, request_headers] = io::split(bytes, lens)
            .ok_or_else(|| ArgError::type_error("context could not be read"))?;
        let attempt = attempt_arg(attempt)?;
        let method = match method {
            None => "GET",
            Some(m) if !m.is_empty() && m.len() <= 64 => m,
            Some(_) => {
                return Err(ArgError::type_error(
                    "context.method must be an HTTP method name such as 'GET'",
                ))
            }
        };
        let status = match status.is_nan() {
            true => None,
            false => Some(status_from_number("context.status", status)?),
        };
        let number = |n: f64| (!n.is_nan()).then_some(n);
        let replayable = failure & ONE_SHOT == 0;
        let failure = ((failure & 15) as usize)
            .checked_sub(1)
            .and_then(|i| FAILURES.get(i).copied());
        let headers = headers.map(HeaderView::Joined);
        let request_headers = request_headers.map(HeaderView::Joined);
        with_policy(handle, |policy| {
            let idempotency_key = policy.reads_idempotency_key(method, status)
                && [headers, request_headers]
                    .into_iter()
                    .flatten()
                    .any(HeaderView::has_idempotency_key);
            let ctx = RetryContext {
                attempt,
                method,
                status,
                status_registered: status
                    .and_then(crate::catalog::row)
                    .is_some_and(|r| r.registered()),
                headers,
                failure,
                idempotency_key,
                elapsed_ms: number(elapsed_ms),
                deadline_ms: number(deadline_ms),
                now_ms: if now.is_finite() { now } else { 0.0 },
                body_wait_ms: number(body_wait_ms),
                replayable,
            };
            policy.decide(&ctx)
        })
        .ok_or_else(freed)
    });
    io::result(decided.map(|d| move |out: &mut Out| write_decision(out, &d))) as u32
}

fn write_decision(out: &mut Out, d: &RetryDecision) {
    out.u8(u8::from(d.retry));
    out.u8(d.reason as u8);
    out.f64(d.delay_ms);
    out.opt_f64(d.retry_after_ms);
}

/// `context.attempt`: an integer >= 1 (huge values saturate).
fn attempt_arg(n: f64) -> Result<u32, ArgError> {
    if n.is_finite() && n.fract() == 0.0 && n >= 1.0 {
        Ok(n.min(f64::from(u32::MAX)) as u32)
    } else {
        let mut m = String::from("context.attempt must be an integer >= 1, got ");
        m.push_str(&js_number(n));
        Err(ArgError::range_error(m))
    }
}
