//! Exports about end-user messages and developer texts: `userMessage`, `addMessages`,
//! `listLocales`, `addDescriptions`.

use js_sys::{Array, Object};
use wasm_bindgen::prelude::*;

use super::convert::{call, construct, get, get_index, get_number, get_string, is_array, throw};
use super::json::{to_json, Limits, Overflow};
use super::out;
use super::retry::read_headers;
use super::status::error_fields;
use crate::clients::carried_wait_ms;
use crate::error::ArgError;
use crate::messages::input::{resolve_input, MessageInput};
use crate::messages::{self, MessageRequest, Unit};

/// Formats "in 30 seconds" in `locale` with the platform's `Intl.RelativeTimeFormat`. Built
/// and called through caught `Reflect` imports, so a tag `Intl` rejects cannot unwind through
/// wasm.
fn intl_when(locale: &str, value: f64, unit: Unit) -> Option<String> {
    let options = Object::new();
    let _ = js_sys::Reflect::set(&options, &"numeric".into(), &"auto".into());
    let class = get(&get(&js_sys::global(), "Intl"), "RelativeTimeFormat");
    let args = Array::of2(&JsValue::from_str(locale), &options);
    let fmt = construct(&class, &args)?;
    let format = get(&fmt, "format").dyn_into::<js_sys::Function>().ok()?;
    let args = Array::of2(&JsValue::from(value), &JsValue::from_str(unit.as_str()));
    call(&format, &fmt, &args)?.as_string()
}

/// Limits for catalogs given to `addMessages`. `string` is in UTF-8 bytes: 8,192 keeps every
/// string of up to 2,000 characters (`MAX_STRING_CHARS`, 4 bytes at most each) whole, and a
/// longer one cut there still has over 2,000 characters, so validation rejects it instead of a
/// silently shortened text being registered.
const CATALOG_LIMITS: Limits = Limits {
    depth: 8,
    nodes: 20_000,
    string: 8_192,
};

/// Limits for description packs given to `addDescriptions`: a pack is two levels deep (the
/// depth left over lets a nested value be reported as `statuses["404"] must be a string`), at
/// most 500 codes, and `string` in UTF-8 bytes keeps every text of up to 4,096 characters
/// (`MAX_DESCRIPTION_CHARS`, 4 bytes at most each) whole, while a longer one cut there still has
/// over 4,096 characters and is rejected rather than silently shortened.
const DESCRIPTION_LIMITS: Limits = Limits {
    depth: 4,
    nodes: 2_048,
    string: 16_896,
};

/// The most locale tags read from `options.locale` or `navigator.languages`.
const MAX_TAGS: u32 = 16;

/// Reads tags from a string or an array of strings.
fn tags_from(value: &JsValue, name: &str) -> Result<Vec<String>, JsValue> {
    if let Some(tag) = value.as_string() {
        return Ok(vec![tag]);
    }
    if is_array(value) {
        // Read through Reflect (caught), not Array::get: the array may be a Proxy.
        let length = get_number(value, "length").unwrap_or(0.0);
        let length = if length > 0.0 {
            length.min(f64::from(MAX_TAGS)) as u32
        } else {
            0
        };
        let mut tags = Vec::new();
        for i in 0..length {
            let item = get_index(value, i);
            match item.as_string() {
                Some(tag) => tags.push(tag),
                None => {
                    return Err(throw(ArgError::type_error(format!(
                        "{name}[{i}] must be a string (a BCP 47 language tag)"
                    ))))
                }
            }
        }
        return Ok(tags);
    }
    Err(throw(ArgError::type_error(format!(
        "{name} must be a BCP 47 language tag or an array of them"
    ))))
}

/// `navigator.languages` in a window or worker; empty elsewhere.
fn navigator_languages() -> Vec<String> {
    let global = js_sys::global();
    let languages = if let Some(window) = global.dyn_ref::<web_sys::Window>() {
        window.navigator().languages()
    } else if let Some(worker) = global.dyn_ref::<web_sys::WorkerGlobalScope>() {
        worker.navigator().languages()
    } else {
        return Vec::new();
    };
    languages
        .iter()
        .take(MAX_TAGS as usize)
        .filter_map(|t| t.as_string())
        .collect()
}

/// Reads an optional non-negative number option.
fn optional_ms(options: &JsValue, name: &str) -> Result<Option<f64>, JsValue> {
    let value = get(options, name);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    match value.as_f64() {
        Some(n) if n.is_finite() && n >= 0.0 => Ok(Some(n)),
        Some(n) => Err(throw(ArgError::range_error(format!(
            "options.{name} must be a finite number >= 0, got {}",
            crate::error::js_number(n)
        )))),
        None => Err(throw(ArgError::type_error(format!(
            "options.{name} must be a number of milliseconds"
        )))),
    }
}

/// The message an end user should see for `input` (a status, a StatusInfo, an HttpError,
/// NetworkError or any fetch error), in the best locale of `options.locale` (default
/// `navigator.languages`, else English).
#[wasm_bindgen(js_name = userMessage, unchecked_return_type = "UserMessage")]
pub fn user_message(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    if !(options.is_undefined() || options.is_null() || options.is_object()) {
        return Err(throw(ArgError::type_error("options must be an object")));
    }
    let kind = get_string(&input, "kind");
    let mut fields = error_fields(&input);
    fields.response_headers = read_headers(&get(&get(&input, "response"), "headers"), "")
        .ok()
        .flatten();
    let facts = MessageInput {
        number: input.as_f64(),
        is_object: input.is_object(),
        status: get_number(&input, "status"),
        kind: kind.as_deref(),
        failure: fields.facts(),
    };
    if input.is_string() {
        return Err(throw(ArgError::type_error(
            "input must be a status code (a number), a StatusInfo or an error, got a string",
        )));
    }
    let (kind, status) = resolve_input(&facts).map_err(throw)?;

    let locale_option = get(&options, "locale");
    let tags = if locale_option.is_undefined() || locale_option.is_null() {
        navigator_languages()
    } else {
        tags_from(&locale_option, "options.locale")?
    };
    let tag_refs: Vec<&str> = tags.iter().map(String::as_str).collect();
    let retry_after_ms = match optional_ms(&options, "retryAfterMs")? {
        Some(ms) => Some(ms),
        None => get_number(&input, "retryAfterMs")
            .filter(|n| n.is_finite() && *n >= 0.0)
            .or_else(|| carried_wait_ms(&facts.failure, js_sys::Date::now())),
    };
    let include_server_detail = get(&options, "includeServerDetail").as_bool() == Some(true);
    let details = get(&input, "details");
    let server_detail = get_string(&get(&details, "userFacing"), "message")
        .or_else(|| get_string(&details, "detail"))
        .or_else(|| get_string(&details, "title"));
    let request = MessageRequest {
        kind,
        status,
        locales: &tag_refs,
        retry_after_ms,
        server_detail: server_detail.as_deref(),
        include_server_detail,
    };
    Ok(out::user_message(&messages::user_message(
        &request, &intl_when,
    )))
}

/// Registers a message catalog (a locale pack or an app's overrides). Returns its locale tag.
/// A malformed catalog throws a `TypeError` naming the path and registers nothing.
#[wasm_bindgen(js_name = addMessages)]
pub fn add_messages(catalog: JsValue) -> Result<String, JsValue> {
    if !catalog.is_object() || catalog.is_function() || is_array(&catalog) {
        return Err(throw(ArgError::type_error("catalog must be an object")));
    }
    let value = to_json(&catalog, CATALOG_LIMITS).map_err(|e| {
        throw(match e {
            Overflow::Depth => ArgError::type_error("catalog is nested too deeply"),
            Overflow::Size => ArgError::range_error("catalog is too large"),
        })
    })?;
    messages::add_messages(&value).map_err(throw)
}

/// Registers long developer descriptions (the `http-triage/descriptions.js` pack, or an app's
/// own): from then on `classify(code).description` is the pack's text for the codes it covers.
/// A malformed pack throws a `TypeError` or `RangeError` naming the path and registers nothing.
#[wasm_bindgen(js_name = addDescriptions)]
pub fn add_descriptions(pack: JsValue) -> Result<(), JsValue> {
    if !pack.is_object() || pack.is_function() || is_array(&pack) {
        return Err(throw(ArgError::type_error("pack must be an object")));
    }
    let value = to_json(&pack, DESCRIPTION_LIMITS).map_err(|e| {
        throw(match e {
            Overflow::Depth => ArgError::type_error("pack is nested too deeply"),
            Overflow::Size => ArgError::range_error("pack is too large"),
        })
    })?;
    messages::add_descriptions(&value).map_err(throw)
}

/// The locale tags that have messages (built-in English and every registered catalog).
#[wasm_bindgen(js_name = listLocales, unchecked_return_type = "string[]")]
pub fn list_locales() -> Result<JsValue, JsValue> {
    Ok(out::strings(&messages::list_locales()))
}
