//! Message catalogs: the one schema shared by built-in English, locale packs and an app's
//! overrides, and its validation.
//!
//! ```json
//! { "locale": "fr", "dir": "ltr", "waitAction": "Réessayez {when}.",
//!   "when": { "now": "…", "second": "…{n}…", "minute": { "one": "…", "other": "…{n}…" } },
//!   "kinds": { "not_found": { "title": "…", "message": "…", "action": "…", "waitAction": "…",
//!                             "variants": { "supportLink": { "action": "…" } } } },
//!   "statuses": { "426": { "title": "…" } } }
//! ```
//!
//! `variants` hold texts for situations the app is in (see [`super::situation`]); a variant
//! has the fields of an entry but no variants of its own. `when` is the locale's own waiting
//! phrases (see [`WhenTable`]).
//!
//! Validation works on a [`json::Value`](crate::json::Value) and names the offending path in its error
//! (`kinds.not_found.title must be a string`). It builds a complete [`Catalog`] or fails, so a
//! rejected catalog never registers anything.
//!
//! Member policy: unknown members are rejected everywhere (`kinds.not_found.titel is not a
//! known field`, `kind is not a known field`) because a typo would otherwise silently drop a
//! translation. The one exception is top-level members whose name starts with `$`
//! (`$schema`, `$comment`), which are ignored so catalogs can carry metadata. A member whose
//! value is `null` counts as absent (JavaScript `undefined` often arrives as `null`), except
//! `locale`, which is required.

use super::map::SortedMap;
use crate::json::{Map, Value};

use super::negotiate::{canonical_tag, language_of};
use super::situation::Situations;
use super::wait::{WhenTable, N, WHEN_KEYS};
use crate::error::ArgError;
use crate::kind::Kind;

/// The longest string a catalog may hold, in characters (Unicode scalar values).
pub const MAX_STRING_CHARS: usize = 2000;
/// The most entries a catalog's `statuses` object may have.
pub const MAX_STATUSES: usize = 600;
/// The most locales the store holds, built-in English included.
pub const MAX_LOCALES: usize = 100;
/// The placeholder a `waitAction` must contain; it is replaced by the waiting phrase.
pub const WHEN: &str = "{when}";

/// Text direction of a locale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    /// Left to right.
    Ltr,
    /// Right to left.
    Rtl,
}

impl Dir {
    /// `"ltr"` or `"rtl"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Dir::Ltr => "ltr",
            Dir::Rtl => "rtl",
        }
    }

    /// The usual direction of a canonical tag: right to left for Arabic, Hebrew, Persian, Urdu
    /// and the other right-to-left languages or scripts, left to right otherwise.
    pub fn for_locale(canonical: &str) -> Dir {
        const RTL_SCRIPTS: [&str; 7] = ["Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg"];
        const RTL_LANGUAGES: [&str; 12] = [
            "ar", "arc", "ckb", "dv", "fa", "he", "ps", "sd", "syr", "ug", "ur", "yi",
        ];
        if let Some(script) = canonical
            .split('-')
            .nth(1)
            .filter(|s| s.len() == 4 && s.bytes().all(|b| b.is_ascii_alphabetic()))
        {
            return if RTL_SCRIPTS.contains(&script) {
                Dir::Rtl
            } else {
                Dir::Ltr
            };
        }
        if RTL_LANGUAGES.contains(&language_of(canonical)) {
            Dir::Rtl
        } else {
            Dir::Ltr
        }
    }
}

/// The text fields of an entry as catalogs name them, in [`Entry::texts`] order.
pub const FIELDS: [&str; 4] = ["title", "message", "action", "waitAction"];
/// The index of `waitAction` in [`Entry::texts`].
const WAIT_ACTION: usize = 3;

/// The texts for one kind or one status. Every field is optional: a missing field falls
/// through to the next catalog of the locale chain, and finally to built-in English.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    /// `[title, message, action, waitAction]` (see [`FIELDS`]): a short heading; one sentence
    /// saying what happened; what the user can do; the action when the wait is known (contains
    /// `{when}`).
    pub texts: [Option<String>; 4],
    /// Texts for situations, each with the set of situations it is written for (no key twice;
    /// empty in a variant itself).
    pub variants: Vec<(Situations, Entry)>,
}

impl Entry {
    /// An entry with these `[title, message, action, waitAction]` texts and no variants.
    pub fn of(texts: [Option<&str>; 4]) -> Entry {
        Entry {
            texts: texts.map(|t| t.map(str::to_string)),
            variants: Vec::new(),
        }
    }

    /// The short heading.
    pub fn title(&self) -> Option<&str> {
        self.texts[0].as_deref()
    }

    /// What happened.
    pub fn message(&self) -> Option<&str> {
        self.texts[1].as_deref()
    }

    /// What the user can do.
    pub fn action(&self) -> Option<&str> {
        self.texts[2].as_deref()
    }

    /// The action when the wait is known (contains `{when}`).
    pub fn wait_action(&self) -> Option<&str> {
        self.texts[WAIT_ACTION].as_deref()
    }

    /// The variant written for exactly `situations`.
    pub fn variant(&self, situations: Situations) -> Option<&Entry> {
        self.variants
            .iter()
            .find(|(k, _)| *k == situations)
            .map(|(_, v)| v)
    }

    /// Overrides the fields that `other` sets, keeping the others; variants merge the same way.
    pub fn merge(&mut self, other: Entry) {
        for (mine, theirs) in self.texts.iter_mut().zip(other.texts) {
            if theirs.is_some() {
                *mine = theirs;
            }
        }
        for (situations, variant) in other.variants {
            match self.variants.iter_mut().find(|(k, _)| *k == situations) {
                Some((_, mine)) => mine.merge(variant),
                None => self.variants.push((situations, variant)),
            }
        }
    }

    /// The fields as `(JSON name, value)` pairs, in schema order.
    pub fn fields(&self) -> [(&'static str, Option<&str>); 4] {
        let [a, b, c, d] = &self.texts;
        [
            (FIELDS[0], a.as_deref()),
            (FIELDS[1], b.as_deref()),
            (FIELDS[2], c.as_deref()),
            (FIELDS[3], d.as_deref()),
        ]
    }
}

/// A validated message catalog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Catalog {
    /// The canonical locale tag (`fr`, `zh-Hant`, `pt-BR`).
    pub locale: String,
    /// Text direction, if the catalog states it (see [`Catalog::dir`] for the effective one).
    pub dir: Option<Dir>,
    /// The catalog-wide action for a known wait; contains `{when}`.
    pub wait_action: Option<String>,
    /// The locale's own waiting phrases, where `Intl.RelativeTimeFormat`'s read wrong.
    pub when: Option<WhenTable>,
    /// Texts per kind.
    pub kinds: SortedMap<Kind, Entry>,
    /// Texts for one exact status code, 100..=599.
    pub statuses: SortedMap<u16, Entry>,
}

impl Catalog {
    /// An empty catalog for `locale` (which should already be canonical).
    pub fn empty(locale: &str) -> Catalog {
        Catalog {
            locale: locale.to_string(),
            dir: None,
            wait_action: None,
            when: None,
            kinds: SortedMap::new(),
            statuses: SortedMap::new(),
        }
    }

    /// The effective direction: the stated one, else the usual one of the locale.
    pub fn dir(&self) -> Dir {
        self.dir.unwrap_or_else(|| Dir::for_locale(&self.locale))
    }

    /// Validates a catalog given as a JSON value. Errors are type errors naming the path,
    /// or range errors for strings over [`MAX_STRING_CHARS`] and more than [`MAX_STATUSES`]
    /// statuses.
    pub fn from_value(value: &Value) -> Result<Catalog, ArgError> {
        let Value::Object(root) = value else {
            return Err(ArgError::type_error("catalog must be an object"));
        };
        for key in root.keys() {
            if !key.starts_with('$')
                && !matches!(
                    key.as_str(),
                    "locale" | "dir" | "waitAction" | "when" | "kinds" | "statuses"
                )
            {
                return Err(ArgError::type_error(format!(
                    "{} is not a known field",
                    shown(key)
                )));
            }
        }
        let locale = parse_locale(root.get("locale"))?;
        let dir = match present(root, "dir") {
            None => None,
            Some(Value::String(s)) if s == "ltr" => Some(Dir::Ltr),
            Some(Value::String(s)) if s == "rtl" => Some(Dir::Rtl),
            Some(_) => return Err(ArgError::type_error("dir must be 'ltr' or 'rtl'")),
        };
        let wait_action = match present(root, "waitAction") {
            None => None,
            Some(v) => Some(wait_text(v, "waitAction")?),
        };
        let when = match present(root, "when") {
            None => None,
            Some(v) => Some(parse_when(v)?),
        };
        let mut kinds = SortedMap::new();
        if let Some(v) = present(root, "kinds") {
            let Value::Object(map) = v else {
                return Err(ArgError::type_error("kinds must be an object"));
            };
            for (name, entry) in map {
                let Some(kind) = Kind::from_name(name) else {
                    return Err(ArgError::type_error(format!(
                        "kinds.{} is not a known kind",
                        shown(name)
                    )));
                };
                kinds.insert(kind, parse_entry(entry, &format!("kinds.{name}"), true)?);
            }
        }
        let mut statuses = SortedMap::new();
        if let Some(v) = present(root, "statuses") {
            let Value::Object(map) = v else {
                return Err(ArgError::type_error("statuses must be an object"));
            };
            if map.len() > MAX_STATUSES {
                return Err(ArgError::range_error(format!(
                    "statuses must have at most {MAX_STATUSES} entries, got {}",
                    map.len()
                )));
            }
            for (key, entry) in map {
                let Some(code) = parse_status_key(key) else {
                    return Err(ArgError::type_error(format!(
                        "statuses.{} must be a status code from 100 to 599",
                        shown(key)
                    )));
                };
                statuses.insert(code, parse_entry(entry, &format!("statuses.{key}"), true)?);
            }
        }
        Ok(Catalog {
            locale,
            dir,
            wait_action,
            when,
            kinds,
            statuses,
        })
    }

    /// Parses JSON text (natively: the wasm reads no JSON text) and validates it with
    /// [`Catalog::from_value`]; text that is not JSON is a type error `catalog must be valid JSON`.
    #[cfg(any(test, not(target_arch = "wasm32")))]
    pub fn from_json(text: &str) -> Result<Catalog, ArgError> {
        let value = crate::json::parse(text)
            .map_err(|_| ArgError::type_error("catalog must be valid JSON"))?;
        Catalog::from_value(&value)
    }

    /// Overrides, field by field, everything `other` sets (its locale is not checked).
    pub fn merge(&mut self, other: Catalog) {
        if other.dir.is_some() {
            self.dir = other.dir;
        }
        if other.wait_action.is_some() {
            self.wait_action = other.wait_action;
        }
        // A `when` table is replaced as a whole: its phrases belong together.
        if other.when.is_some() {
            self.when = other.when;
        }
        for (kind, entry) in other.kinds {
            self.kinds.entry_or_default(kind).merge(entry);
        }
        for (code, entry) in other.statuses {
            self.statuses.entry_or_default(code).merge(entry);
        }
    }
}

/// A member that is present and not `null`.
fn present<'v>(map: &'v Map, key: &str) -> Option<&'v Value> {
    map.get(key).filter(|v| !v.is_null())
}

/// A key as shown in an error message: at most 40 characters, so a huge key cannot make a
/// huge message.
pub(super) fn shown(key: &str) -> String {
    match key.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", key.get(..i).unwrap_or_default()),
        None => key.to_string(),
    }
}

fn parse_locale(value: Option<&Value>) -> Result<String, ArgError> {
    let invalid = || ArgError::type_error("locale must be a BCP 47 language tag");
    let Some(Value::String(tag)) = value else {
        return Err(invalid());
    };
    if tag.chars().count() > MAX_STRING_CHARS {
        return Err(ArgError::range_error(format!(
            "locale must be at most {MAX_STRING_CHARS} characters"
        )));
    }
    canonical_tag(tag).ok_or_else(invalid)
}

/// `"426"` → 426; anything but a plain decimal code from 100 to 599 → `None`.
fn parse_status_key(key: &str) -> Option<u16> {
    if key.len() != 3 || !key.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    key.parse::<u16>().ok().filter(|c| (100..=599).contains(c))
}

/// Reads the string members `names` of `map` into `out` (same order). `null` counts as absent;
/// `extra` is a member left to the caller; any other member is a type error naming the path.
fn read_texts(
    map: &Map,
    path: &str,
    names: &[&str],
    out: &mut [Option<String>],
    extra: Option<&str>,
) -> Result<(), ArgError> {
    for (key, v) in map {
        if Some(key.as_str()) == extra {
            continue;
        }
        let Some(slot) = names
            .iter()
            .position(|n| n == key)
            .and_then(|i| out.get_mut(i))
        else {
            return Err(ArgError::type_error(format!(
                "{path}.{} is not a known field",
                shown(key)
            )));
        };
        if !v.is_null() {
            *slot = Some(text(v, &format!("{path}.{key}"))?);
        }
    }
    Ok(())
}

/// A type error unless `value` (when present) contains `placeholder`.
fn require(value: Option<&str>, path: &str, placeholder: &str) -> Result<(), ArgError> {
    match value {
        Some(t) if !crate::substr::contains(t, placeholder) => Err(ArgError::type_error(format!(
            "{path} must contain {placeholder}"
        ))),
        _ => Ok(()),
    }
}

/// An entry; `variants` is allowed when `nested` (an entry's variants have none of their own).
fn parse_entry(value: &Value, path: &str, nested: bool) -> Result<Entry, ArgError> {
    let map = object(value, path)?;
    let mut entry = Entry::default();
    let variants = nested.then_some("variants");
    read_texts(map, path, &FIELDS, &mut entry.texts, variants)?;
    require(entry.wait_action(), &format!("{path}.waitAction"), WHEN)?;
    if let Some(v) = variants.and_then(|k| present(map, k)) {
        let path = format!("{path}.variants");
        for (key, v) in object(v, &path)? {
            let variant_path = format!("{path}.{}", shown(key));
            let situations = Situations::parse(key, &variant_path)?;
            let variant = parse_entry(v, &variant_path, false)?;
            entry.merge(Entry {
                variants: vec![(situations, variant)],
                ..Entry::default()
            });
        }
    }
    Ok(entry)
}

/// `value` as an object, else a type error naming `path`.
fn object<'v>(value: &'v Value, path: &str) -> Result<&'v Map, ArgError> {
    match value {
        Value::Object(map) => Ok(map),
        _ => Err(ArgError::type_error(format!("{path} must be an object"))),
    }
}

/// The `when` member (see [`WhenTable`]): strings named in [`WHEN_KEYS`]; each unit given
/// at all has its `other` form (named by the unit alone), which contains `{n}`.
fn parse_when(value: &Value) -> Result<WhenTable, ArgError> {
    let mut table = WhenTable {
        phrases: vec![None; WHEN_KEYS.len()],
    };
    read_texts(
        object(value, "when")?,
        "when",
        &WHEN_KEYS,
        &mut table.phrases,
        None,
    )?;
    // Per unit, the six forms after `now`; the last one (index 6, 12, 18, 24) is `other`.
    for other in [6, 12, 18, 24] {
        let forms = table.phrases.get(other - 5..=other).unwrap_or_default();
        let ok = match forms.last() {
            Some(Some(t)) => crate::substr::contains(t, N),
            _ => forms.iter().all(Option::is_none),
        };
        if !ok {
            return Err(ArgError::type_error(format!(
                "when.{} must be a string containing {N}",
                WHEN_KEYS.get(other).unwrap_or(&"")
            )));
        }
    }
    Ok(table)
}

/// A non-empty string of at most [`MAX_STRING_CHARS`] characters.
fn text(value: &Value, path: &str) -> Result<String, ArgError> {
    let Value::String(s) = value else {
        return Err(ArgError::type_error(format!("{path} must be a string")));
    };
    if s.chars().count() > MAX_STRING_CHARS {
        return Err(ArgError::range_error(format!(
            "{path} must be at most {MAX_STRING_CHARS} characters"
        )));
    }
    if s.trim().is_empty() {
        return Err(ArgError::type_error(format!(
            "{path} must be a non-empty string"
        )));
    }
    Ok(s.clone())
}

/// Like [`text`], and it must contain `{when}`.
fn wait_text(value: &Value, path: &str) -> Result<String, ArgError> {
    let s = text(value, path)?;
    require(Some(&s), path, WHEN)?;
    Ok(s)
}
