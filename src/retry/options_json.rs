//! Building [`RetryOptions`] from loose, JavaScript-shaped input (a [`Value`], e.g. the
//! bindings' bounded conversion of a JavaScript object), with messages that name the option
//! path.

use std::borrow::Cow;

use crate::json::{Map, Value};

use crate::error::{js_number, ArgError};

use super::options::{
    check_limit, check_max_tokens, check_method, check_ms, check_status, check_token_ratio, quote,
    BudgetOptions, Jitter, RetryOptions, LIMIT_RULE, MAX_TOKENS_RULE, MS_RULE, STATUS_RULE,
    TOKEN_RATIO_RULE,
};
use super::status::StatusSet;

/// The option names [`RetryOptions::from_json`] accepts (camelCase, as JavaScript spells them).
pub const OPTION_KEYS: [&str; 12] = [
    "limit",
    "methods",
    "statusCodes",
    "afterStatusCodes",
    "maxRetryAfterMs",
    "baseDelayMs",
    "maxDelayMs",
    "jitter",
    "retryOnTimeout",
    "retryNonIdempotentWithKey",
    "budget",
    "seed",
];

impl RetryOptions {
    /// Options from loose input; see [`RetryOptions::from_json_at`]. Paths in messages are
    /// bare option names (`limit must be an integer from 0 to 100, got -1`).
    pub fn from_json(value: &Value) -> Result<RetryOptions, ArgError> {
        RetryOptions::from_json_at(value, "")
    }

    /// Options from loose input, every message prefixed with `path` (e.g. `"retry"` gives
    /// `retry.limit must be …`).
    ///
    /// Accepted: `null` (all defaults); a number (ky's shorthand for `limit`); `false`
    /// (`limit: 0`) or `true` (defaults); or an object with any of [`OPTION_KEYS`], where
    /// `null` means the default. `budget` is `false`, `true` (defaults) or
    /// `{ maxTokens, tokenRatio }`. `seed` is any number (an integer is used as is, a fraction
    /// such as `Math.random()` by its bits). Methods are stored uppercase; lists are
    /// deduplicated. A value of the wrong type is a type error, an out-of-range number a range
    /// error, and an unknown key a type error (a typo would otherwise be silently ignored).
    pub fn from_json_at(value: &Value, path: &str) -> Result<RetryOptions, ArgError> {
        let mut options = RetryOptions::default();
        let map = match value {
            Value::Null | Value::Bool(true) => return Ok(options),
            Value::Bool(false) => {
                options.limit = 0;
                return Ok(options);
            }
            Value::Number(_) => {
                let at = or_name(path, "retry");
                options.limit = check_limit(number(value, &at, LIMIT_RULE)?, &at)?;
                return Ok(options);
            }
            Value::Object(map) => map,
            _ => {
                return Err(ArgError::type_error(format!(
                    "{} must be an object, a number or a boolean, got {}",
                    or_name(path, "retry options"),
                    describe(value)
                )))
            }
        };
        for (key, v) in map {
            if v.is_null() {
                continue;
            }
            let at = join(path, key);
            match key.as_str() {
                "limit" => options.limit = check_limit(number(v, &at, LIMIT_RULE)?, &at)?,
                "methods" => options.methods = methods(v, &at)?,
                "statusCodes" => options.status_codes = statuses(v, &at)?,
                "afterStatusCodes" => options.after_status_codes = statuses(v, &at)?,
                "maxRetryAfterMs" => {
                    options.max_retry_after_ms = check_ms(number(v, &at, MS_RULE)?, &at)?;
                }
                "baseDelayMs" => options.base_delay_ms = check_ms(number(v, &at, MS_RULE)?, &at)?,
                "maxDelayMs" => options.max_delay_ms = check_ms(number(v, &at, MS_RULE)?, &at)?,
                "jitter" => options.jitter = jitter(v, &at)?,
                "retryOnTimeout" => options.retry_on_timeout = boolean(v, &at)?,
                "retryNonIdempotentWithKey" => {
                    options.retry_non_idempotent_with_key = boolean(v, &at)?;
                }
                "budget" => options.budget = budget(v, &at)?,
                "seed" => options.seed = Some(seed(v, &at)?),
                _ => return Err(unknown_option(&at)),
            }
        }
        Ok(options)
    }
}

/// `{at} is not a retry option (expected one of limit, methods, …)`. The list is written out
/// with `push_str` rather than `[&str]::join`, which would bring its own copy routine into the
/// wasm for this one message.
fn unknown_option(at: &str) -> ArgError {
    let mut message = format!("{at} is not a retry option (expected one of ");
    for (i, key) in OPTION_KEYS.iter().enumerate() {
        if i > 0 {
            message.push_str(", ");
        }
        message.push_str(key);
    }
    message.push(')');
    ArgError::type_error(message)
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_owned()
    } else {
        format!("{prefix}.{key}")
    }
}

fn or_name(path: &str, name: &str) -> String {
    if path.is_empty() { name } else { path }.to_owned()
}

/// How a message shows a JSON value after "got".
pub(crate) fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => js_number(*n),
        Value::String(s) => quote(s),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

fn type_error(path: &str, rule: &str, v: &Value) -> ArgError {
    ArgError::type_error(format!("{path} must be {rule}, got {}", describe(v)))
}

fn number(v: &Value, path: &str, rule: &str) -> Result<f64, ArgError> {
    v.as_f64().ok_or_else(|| type_error(path, rule, v))
}

fn boolean(v: &Value, path: &str) -> Result<bool, ArgError> {
    v.as_bool().ok_or_else(|| type_error(path, "a boolean", v))
}

fn jitter(v: &Value, path: &str) -> Result<Jitter, ArgError> {
    v.as_str()
        .and_then(Jitter::from_name)
        .ok_or_else(|| type_error(path, "'full', 'equal' or 'none'", v))
}

fn array<'a>(v: &'a Value, path: &str, rule: &str) -> Result<&'a Vec<Value>, ArgError> {
    v.as_array().ok_or_else(|| type_error(path, rule, v))
}

fn statuses(v: &Value, path: &str) -> Result<StatusSet, ArgError> {
    let mut set = StatusSet::new();
    for (i, item) in array(v, path, "an array of status codes")?
        .iter()
        .enumerate()
    {
        let at = format!("{path}[{i}]");
        set.insert(check_status(number(item, &at, STATUS_RULE)?, &at)?);
    }
    Ok(set)
}

fn methods(v: &Value, path: &str) -> Result<Vec<Cow<'static, str>>, ArgError> {
    let mut out: Vec<Cow<'static, str>> = Vec::new();
    for (i, item) in array(v, path, "an array of method names")?
        .iter()
        .enumerate()
    {
        let at = || format!("{path}[{i}]");
        let name = match item.as_str() {
            Some(s) => check_method(s, at)?,
            None => return Err(type_error(&at(), "a method name string", item)),
        };
        if !out.iter().any(|m| *m == name) {
            out.push(Cow::Owned(name));
        }
    }
    Ok(out)
}

fn budget(v: &Value, path: &str) -> Result<Option<BudgetOptions>, ArgError> {
    let map: &Map = match v {
        Value::Bool(false) => return Ok(None),
        Value::Bool(true) => return Ok(Some(BudgetOptions::default())),
        Value::Object(map) => map,
        _ => {
            return Err(type_error(
                path,
                "false or an object { maxTokens, tokenRatio }",
                v,
            ))
        }
    };
    let mut budget = BudgetOptions::default();
    for (key, item) in map {
        if item.is_null() {
            continue;
        }
        let at = format!("{path}.{key}");
        match key.as_str() {
            "maxTokens" => {
                budget.max_tokens = check_max_tokens(number(item, &at, MAX_TOKENS_RULE)?, &at)?;
            }
            "tokenRatio" => {
                budget.token_ratio = check_token_ratio(number(item, &at, TOKEN_RATIO_RULE)?, &at)?;
            }
            _ => {
                return Err(ArgError::type_error(format!(
                    "{at} is not a budget option (expected maxTokens or tokenRatio)"
                )))
            }
        }
    }
    Ok(Some(budget))
}

fn seed(v: &Value, path: &str) -> Result<u64, ArgError> {
    let f = number(v, path, "a finite number")?;
    if f.fract() == 0.0 && (0.0..18_446_744_073_709_551_616.0).contains(&f) {
        Ok(f as u64)
    } else {
        Ok(f.to_bits())
    }
}
