//! Exports about end-user messages and developer texts: `userMessage`, `addMessages`,
//! `listLocales`, `addDescriptions`.

use js_sys::{Array, Object};
use wasm_bindgen::prelude::*;

use super::convert::{call, construct, get, get_index, get_number, get_string, is_array, throw};
use super::json::{to_json, Limits, Overflow};
use super::out;
use super::status::error_fields;
use crate::error::ArgError;
use crate::messages::input::BODY_LANGUAGE_MEMBERS;
use crate::messages::{self, message_request, MessageInput, MessageOptions, Plural, Unit};

/// The platform's `Intl`, built and called through caught `Reflect` imports, so a tag `Intl`
/// rejects cannot unwind through wasm.
struct PlatformIntl;

/// `new Intl[class](locale, options)[method](...args)`.
fn intl_call(
    class: &str,
    locale: &str,
    options: &JsValue,
    method: &str,
    args: &Array,
) -> Option<JsValue> {
    let class = get(&get(&js_sys::global(), "Intl"), class);
    let fmt = construct(&class, &Array::of2(&JsValue::from_str(locale), options))?;
    let function = get(&fmt, method).dyn_into::<js_sys::Function>().ok()?;
    call(&function, &fmt, args)
}

impl messages::Intl for PlatformIntl {
    /// "in 30 seconds" from `Intl.RelativeTimeFormat`: `numeric: "always"`, except `"auto"` for
    /// 0 ("now"); "auto" would turn a 36-hour wait into a calendar word ("the day after
    /// tomorrow") that may not be true.
    fn relative(&self, locale: &str, value: f64, unit: Unit) -> Option<String> {
        let options = Object::new();
        let numeric = if value == 0.0 { "auto" } else { "always" };
        let _ = js_sys::Reflect::set(&options, &"numeric".into(), &numeric.into());
        let args = Array::of2(&JsValue::from(value), &JsValue::from_str(unit.as_str()));
        intl_call("RelativeTimeFormat", locale, &options, "format", &args)?.as_string()
    }

    /// The plural category (`Intl.PluralRules`) and the number as the locale writes it
    /// (`Intl.NumberFormat`).
    fn plural(&self, locale: &str, value: f64) -> Option<(Plural, String)> {
        let args = Array::of1(&JsValue::from(value));
        let none = JsValue::UNDEFINED;
        let category = intl_call("PluralRules", locale, &none, "select", &args)?.as_string()?;
        let number = intl_call("NumberFormat", locale, &none, "format", &args)?.as_string()?;
        Some((Plural::from_name(&category)?, number))
    }
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

/// Reads an optional boolean option.
fn optional_bool(options: &JsValue, name: &str) -> Result<Option<bool>, JsValue> {
    let value = get(options, name);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value.as_bool().map(Some).ok_or_else(|| {
        throw(ArgError::type_error(format!(
            "options.{name} must be a boolean"
        )))
    })
}

/// The message an end user should see for `input` (a status, a StatusInfo, an HttpError,
/// NetworkError or any fetch error; anything else gets kind `unknown`), in the best locale of
/// `options.locale` (default `navigator.languages`, else English). Only options of the wrong
/// type throw.
#[wasm_bindgen(js_name = userMessage, unchecked_return_type = "UserMessage")]
pub fn user_message(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    if !(options.is_undefined() || options.is_null() || options.is_object()) {
        return Err(throw(ArgError::type_error("options must be an object")));
    }
    let locale_option = get(&options, "locale");
    let tags = if locale_option.is_undefined() || locale_option.is_null() {
        navigator_languages()
    } else {
        tags_from(&locale_option, "options.locale")?
    };
    let tag_refs: Vec<&str> = tags.iter().map(String::as_str).collect();
    let retry_after_ms = optional_ms(&options, "retryAfterMs")?;
    let server_language = get(&options, "serverLanguage");
    let server_language = if server_language.is_undefined() || server_language.is_null() {
        None
    } else {
        Some(server_language.as_string().ok_or_else(|| {
            throw(ArgError::type_error(
                "options.serverLanguage must be a BCP 47 language tag",
            ))
        })?)
    };
    let opts = MessageOptions {
        locales: &tag_refs,
        retry_after_ms,
        include_server_detail: get(&options, "includeServerDetail").as_bool() == Some(true),
        server_language: server_language.as_deref(),
        highlighted_fields: optional_bool(&options, "highlightedFields")?,
        sign_in: optional_bool(&options, "signIn")?.unwrap_or(true),
        support_link: optional_bool(&options, "supportLink")?.unwrap_or(false),
    };

    let kind = get_string(&input, "kind");
    let fields = error_fields(&input);
    let details = get(&input, "details");
    let user_facing = get(&details, "userFacing");
    let user_facing_message = get_string(&user_facing, "message");
    let user_facing_locale = get_string(&user_facing, "locale");
    let detail = get_string(&details, "detail");
    let title = get_string(&details, "title");
    let extensions = get(&details, "extensions");
    let body_language = BODY_LANGUAGE_MEMBERS
        .iter()
        .find_map(|name| get_string(&extensions, name));
    let content_language = get_string(&input, "contentLanguage");
    let field_errors = get(&details, "fieldErrors");
    let facts = MessageInput {
        number: input.as_f64(),
        is_object: input.is_object(),
        status: get_number(&input, "status"),
        kind: kind.as_deref(),
        failure: fields.facts(),
        retry_after_ms: get_number(&input, "retryAfterMs"),
        user_facing: user_facing_message.as_deref(),
        user_facing_locale: user_facing_locale.as_deref(),
        detail: detail.as_deref(),
        title: title.as_deref(),
        body_language: body_language.as_deref(),
        content_language: content_language.as_deref(),
        has_field_errors: is_array(&field_errors)
            && get_number(&field_errors, "length").is_some_and(|n| n > 0.0),
    };
    let request = message_request(&facts, &opts);
    Ok(out::user_message(&messages::user_message(
        &request,
        &PlatformIntl,
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
