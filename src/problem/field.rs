//! Field names from pointers and paths, and the bounded list of field errors.

use crate::json::{Map, Value};

use super::value::{self, MAX_ITEMS};
use super::{text, ErrorDetails, FieldError, MAX_FIELD_ERRORS};

/// How many segments of a path or pointer are kept.
const MAX_SEGMENTS: usize = 64;

/// Turns a JSON pointer (`/profile/color`) or a URI fragment holding one (`#/profile/color`,
/// percent-encoded) into a dotted field name (`profile.color`), unescaping `~1` and `~0`.
/// A string that is no pointer is kept as it is. `None` when nothing is left.
pub(crate) fn from_pointer(pointer: &str) -> Option<String> {
    let decoded;
    let pointer = match pointer.strip_prefix('#') {
        Some(fragment) => {
            decoded = percent_decode(fragment);
            decoded.as_str()
        }
        None => pointer,
    };
    let Some(rest) = pointer.strip_prefix('/') else {
        return text::clean(pointer);
    };
    let mut out = String::new();
    for (i, segment) in rest.split('/').take(MAX_SEGMENTS).enumerate() {
        if i > 0 {
            out.push('.');
        }
        let segment = crate::substr::replace(segment, "~1", "/");
        out.push_str(&crate::substr::replace(&segment, "~0", "~"));
    }
    text::clean(&out)
}

/// Decodes `%XX` escapes; when the result is not UTF-8, the input is kept as it is.
fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            if let Some(v) = bytes.get(i + 1..i + 3).and_then(escaped) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b);
        i += 1;
    }
    utf8(&out).unwrap_or_else(|| s.to_string())
}

/// The value of an ASCII hex digit.
fn hex_digit(b: u8) -> Option<u8> {
    char::from(b)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

/// The byte the two characters after a `%` stand for, read as `u8::from_str_radix(.., 16)`
/// reads them (which also takes `+X` as the one digit `X`).
fn escaped(pair: &[u8]) -> Option<u8> {
    match *pair {
        [b'+', d] => hex_digit(d),
        [h, l] => Some(hex_digit(h)? << 4 | hex_digit(l)?),
        _ => None,
    }
}

/// `bytes` as a string when they are UTF-8 (exactly what `String::from_utf8` accepts: no
/// overlong forms, surrogates or code points above U+10FFFF). Decoded here because this is
/// the wasm's only use of core's UTF-8 validator, which is larger.
fn utf8(bytes: &[u8]) -> Option<String> {
    let mut out = String::with_capacity(bytes.len());
    let mut rest = bytes;
    while let Some((&lead, tail)) = rest.split_first() {
        let (len, min, mut cp) = match lead {
            0x00..=0x7f => (0, 0, u32::from(lead)),
            0xc2..=0xdf => (1, 0x80, u32::from(lead & 0x1f)),
            0xe0..=0xef => (2, 0x800, u32::from(lead & 0x0f)),
            0xf0..=0xf4 => (3, 0x1_0000, u32::from(lead & 0x07)),
            _ => return None,
        };
        let (continuation, after) = tail.split_at_checked(len)?;
        for &c in continuation {
            if c & 0xc0 != 0x80 {
                return None;
            }
            cp = cp << 6 | u32::from(c & 0x3f);
        }
        if cp < min {
            return None;
        }
        out.push(char::from_u32(cp)?);
        rest = after;
    }
    Some(out)
}

/// Joins a path of names and indices (`["user", 0, "name"]`) with dots (`user.0.name`).
/// Elements other than strings and integers are skipped.
pub(crate) fn from_path(path: &[Value]) -> Option<String> {
    let mut out = String::new();
    for segment in path.iter().take(MAX_SEGMENTS) {
        let part = match segment {
            Value::String(s) => text::clean(s).unwrap_or_default(),
            Value::Number(n) => match value::integer(*n) {
                Some(digits) => digits,
                None => continue,
            },
            _ => continue,
        };
        if !out.is_empty() {
            out.push('.');
        }
        out.push_str(&part);
    }
    text::clean(&out)
}

/// A field name: a string as it is, or an array as a path.
pub(crate) fn from_name_or_path(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => text::clean(s),
        Value::Array(path) => from_path(path),
        _ => None,
    }
}

/// A model-state key of ASP.NET Core (`$.age`, `Name`) as a field name (`age`, `Name`).
pub(crate) fn from_model_key(key: &str) -> Option<String> {
    let key = key.strip_prefix('$').unwrap_or(key);
    text::clean(key.strip_prefix('.').unwrap_or(key))
}

/// The field an error object is about, from the members APIs commonly use: `pointer`,
/// `source.pointer`/`source.parameter`, `field`, `param`, `parameter`, `property`, `path`,
/// `loc` (FastAPI, with its leading `body`/`query`/... dropped) and `location`.
pub(crate) fn of_element(o: &Map) -> Option<String> {
    if let Some(p) = value::raw_str(o, "pointer") {
        return from_pointer(p);
    }
    if let Some(source) = value::obj(o, "source") {
        if let Some(p) = value::raw_str(source, "pointer") {
            return from_pointer(p);
        }
        if let Some(p) = value::string(source, "parameter") {
            return Some(p);
        }
    }
    if let Some(loc) = value::arr(o, "loc") {
        let skip = match loc.first().and_then(Value::as_str) {
            Some("body" | "query" | "path" | "header" | "cookie") if loc.len() > 1 => 1,
            _ => 0,
        };
        return loc.get(skip..).and_then(from_path);
    }
    [
        "field",
        "param",
        "parameter",
        "property",
        "path",
        "location",
    ]
    .iter()
    .find_map(|k| from_name_or_path(o.get(k)))
}

/// The message of an error object: `message`, `detail`, `msg`, `description` or `title`.
pub(crate) fn message_of_element(o: &Map) -> Option<String> {
    value::first_string(o, &["message", "detail", "msg", "description", "title"])
}

/// Field errors being collected: at most [`MAX_FIELD_ERRORS`], and the first message that
/// names no field, kept as a fallback detail.
#[derive(Debug, Default)]
pub(crate) struct Fields {
    list: Vec<FieldError>,
    loose: Option<String>,
}

impl Fields {
    /// Adds an error; without a field its message becomes the fallback detail (the first one
    /// only); without a message it is dropped.
    pub(crate) fn push(&mut self, field: Option<String>, message: Option<String>) {
        let Some(message) = message else { return };
        match field {
            Some(field) => {
                if self.list.len() < MAX_FIELD_ERRORS {
                    self.list.push(FieldError { field, message });
                }
            }
            None => {
                if self.loose.is_none() {
                    self.loose = Some(message);
                }
            }
        }
    }

    /// True when no more field errors fit.
    pub(crate) fn is_full(&self) -> bool {
        self.list.len() >= MAX_FIELD_ERRORS
    }

    /// Adds one error per element of an array of error objects (strings count as messages
    /// without a field), with `message` reading each object's message.
    pub(crate) fn push_elements(
        &mut self,
        items: &[Value],
        message: impl Fn(&Map) -> Option<String>,
    ) {
        for item in items.iter().take(MAX_ITEMS) {
            if self.is_full() {
                break;
            }
            match item {
                Value::Object(o) => self.push(of_element(o), message(o)),
                Value::String(s) => self.push(None, text::clean(s)),
                _ => {}
            }
        }
    }

    /// Adds the errors of a map from field name to message or messages (ASP.NET Core,
    /// Laravel, Rails): one field error per message.
    pub(crate) fn push_map(&mut self, map: &Map) {
        for (key, messages) in map.iter().take(MAX_ITEMS) {
            if self.is_full() {
                break;
            }
            let field = from_model_key(key);
            match messages {
                Value::String(s) => self.push(field, text::clean(s)),
                Value::Array(items) => {
                    for m in items.iter().take(MAX_ITEMS).filter_map(Value::as_str) {
                        if self.is_full() {
                            break;
                        }
                        self.push(field.clone(), text::clean(m));
                    }
                }
                _ => {}
            }
        }
    }

    /// Moves the collected errors into `d`, the fallback message becoming its detail when it
    /// has none.
    pub(crate) fn finish(self, d: &mut ErrorDetails) {
        d.field_errors = self.list;
        if d.detail.is_none() {
            d.detail = self.loose;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{escaped, utf8};

    fn same(bytes: &[u8]) {
        let std = String::from_utf8(bytes.to_vec()).ok();
        assert_eq!(utf8(bytes), std, "{bytes:x?}");
    }

    #[test]
    fn utf8_accepts_what_std_accepts() {
        for a in 0..=255u8 {
            same(&[a]);
            for b in 0..=255u8 {
                same(&[a, b]);
                same(&[b'x', a, b]);
            }
        }
        let edges = [
            0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff,
        ];
        for a in 0xc0..=0xffu8 {
            for b in 0..=255u8 {
                for c in edges {
                    same(&[a, b, c]);
                    for d in edges {
                        same(&[a, b, c, d]);
                    }
                }
            }
        }
        same("a é ✓ 😀 \u{10ffff}".as_bytes());
    }

    #[test]
    fn escapes_read_like_from_str_radix() {
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                let std = core::str::from_utf8(&[a, b])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                assert_eq!(escaped(&[a, b]), std, "{a:x} {b:x}");
            }
        }
        assert_eq!(escaped(b"4"), None);
    }
}
