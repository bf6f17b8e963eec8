//! Long developer descriptions of status codes: an opt-in pack that replaces the catalog's
//! one-line `description` in `classify()` for the codes it covers.
//!
//! ```json
//! { "locale": "en", "statuses": { "404": "The server has nothing at this URL: …" } }
//! ```
//!
//! The package ships the English texts as `http-triage/descriptions.js` (built from
//! `descriptions/en.json`); an app may also register its own texts, for any code from 100 to
//! 599, including codes the catalog has no row for. Packs merge code by code: a later pack's text
//! for a code replaces the earlier one, other codes keep theirs.
//!
//! Validation names the offending path (`statuses["404"] must be a string`) and builds the whole
//! pack or fails, so a rejected pack registers nothing. As for message catalogs, unknown members
//! are rejected (a typo would otherwise silently drop the texts), except top-level members whose
//! name starts with `$`, and `locale`, when present, must be a BCP 47 tag. A member or entry
//! whose value is `null` counts as absent, as in catalogs (the boundary reads a JavaScript `null`
//! property as missing).

use crate::json::Value;

use super::catalog::shown;
use super::negotiate::canonical_tag;
use crate::classify::{MAX_STATUS, MIN_STATUS};
use crate::error::ArgError;

/// The longest description a pack may hold, in characters (Unicode scalar values).
pub const MAX_DESCRIPTION_CHARS: usize = 4096;

/// How many codes a pack can describe: 100..=599.
const SLOTS: usize = (MAX_STATUS - MIN_STATUS + 1) as usize;

/// A validated set of descriptions, by status code.
///
/// Stored as one slot per code from 100 to 599, allocated with the first text: direct indexing
/// compiles to less WebAssembly than a sorted map's search and insertion, and 500 empty slots
/// are a few KB of memory only for apps that register a pack.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Descriptions {
    /// Empty, or exactly [`SLOTS`] slots, the text of code `c` at `c - 100`.
    texts: Vec<Option<String>>,
}

impl Descriptions {
    /// No descriptions.
    pub const fn new() -> Self {
        Descriptions { texts: Vec::new() }
    }

    /// The slot of the code at `index` (code - 100), allocating the slots on first use.
    fn slot(&mut self, index: usize) -> Option<&mut Option<String>> {
        if self.texts.is_empty() {
            self.texts.resize_with(SLOTS, || None);
        }
        self.texts.get_mut(index)
    }

    /// Validates a pack given as a JSON value: an object whose `statuses` object maps status
    /// codes (`"100"` to `"599"`) to non-empty strings of at most [`MAX_DESCRIPTION_CHARS`]
    /// characters (`null` entries are skipped). Errors are type errors naming the path, or range
    /// errors for codes outside 100..=599 and texts that are too long.
    pub fn from_value(value: &Value) -> Result<Descriptions, ArgError> {
        let Value::Object(root) = value else {
            return Err(ArgError::type_error("pack must be an object"));
        };
        for key in root.keys() {
            if !key.starts_with('$') && !matches!(key.as_str(), "locale" | "statuses") {
                return Err(ArgError::type_error(format!(
                    "{} is not a known field",
                    shown(key)
                )));
            }
        }
        match root.get("locale") {
            None | Some(Value::Null) => {}
            Some(Value::String(tag)) if canonical_tag(tag).is_some() => {}
            Some(_) => return Err(ArgError::type_error("locale must be a BCP 47 language tag")),
        }
        let Some(Value::Object(statuses)) = root.get("statuses") else {
            return Err(ArgError::type_error("statuses must be an object"));
        };
        let mut pack = Descriptions::new();
        for (key, text) in statuses {
            if text.is_null() {
                continue;
            }
            let code = parse_code(key)?;
            let text = parse_text(text, key)?;
            if let Some(slot) = pack.slot(usize::from(code - MIN_STATUS)) {
                *slot = Some(text);
            }
        }
        Ok(pack)
    }

    /// Adds `other`'s texts, replacing the texts of the codes it covers.
    pub fn merge(&mut self, other: Descriptions) {
        for (index, text) in other.texts.into_iter().enumerate() {
            if let (Some(text), Some(slot)) = (text, self.slot(index)) {
                *slot = Some(text);
            }
        }
    }

    /// The description of `code`, if the pack has one.
    pub fn get(&self, code: u16) -> Option<&str> {
        let index = usize::from(code.checked_sub(MIN_STATUS)?);
        self.texts.get(index)?.as_deref()
    }

    /// The codes that have a description, in order.
    pub fn codes(&self) -> impl Iterator<Item = u16> + '_ {
        (MIN_STATUS..=MAX_STATUS)
            .zip(&self.texts)
            .filter_map(|(code, text)| text.as_ref().map(|_| code))
    }

    /// How many codes have a description.
    pub fn len(&self) -> usize {
        self.texts.iter().filter(|t| t.is_some()).count()
    }

    /// True when no code has one.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// `statuses["404"]`: the path of one entry, with the key cut to 40 characters and quotes,
/// backslashes and control characters escaped so the message stays one plain line.
fn path(key: &str) -> String {
    let mut out = String::from("statuses[\"");
    for c in shown(key).chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out.push_str("\"]");
    out
}

/// A key in the form JavaScript gives an integer property name (`"404"`, `"-1"`, no leading
/// zeros): a code from 100 to 599, else a range error; any other key is a type error.
fn parse_code(key: &str) -> Result<u16, ArgError> {
    let digits = key.strip_prefix('-').unwrap_or(key);
    let integer = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'))
        && key != "-0";
    let message = || {
        format!(
            "{} is not a status code from {} to {}",
            path(key),
            // As u32: one integer formatter in the wasm instead of two.
            u32::from(MIN_STATUS),
            u32::from(MAX_STATUS)
        )
    };
    if !integer {
        return Err(ArgError::type_error(message()));
    }
    // Negative numbers and anything but three digits are out of range; three ASCII digits
    // always fit in a u16.
    let code = match (key.starts_with('-'), digits.as_bytes()) {
        (false, &[a, b, c]) => {
            u16::from(a - b'0') * 100 + u16::from(b - b'0') * 10 + u16::from(c - b'0')
        }
        _ => 0,
    };
    if (MIN_STATUS..=MAX_STATUS).contains(&code) {
        Ok(code)
    } else {
        Err(ArgError::range_error(message()))
    }
}

/// A non-empty string of at most [`MAX_DESCRIPTION_CHARS`] characters.
fn parse_text(value: &Value, key: &str) -> Result<String, ArgError> {
    let Value::String(text) = value else {
        return Err(ArgError::type_error(format!(
            "{} must be a string",
            path(key)
        )));
    };
    if text.chars().count() > MAX_DESCRIPTION_CHARS {
        return Err(ArgError::range_error(format!(
            "{} must be at most {MAX_DESCRIPTION_CHARS} characters",
            path(key)
        )));
    }
    if text.trim().is_empty() {
        return Err(ArgError::type_error(format!(
            "{} must be a non-empty string",
            path(key)
        )));
    }
    Ok(text.clone())
}
