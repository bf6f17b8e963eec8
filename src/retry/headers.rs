//! A small, bounded, case-insensitive header collection.

use serde_json::Value;

/// Response (or request) headers as `(name, value)` pairs with lowercase names.
///
/// Hostile input stays cheap: names that are not HTTP tokens or longer than
/// [`Headers::MAX_NAME_LEN`] bytes and values longer than [`Headers::MAX_VALUE_LEN`] bytes are
/// ignored, at most [`Headers::MAX_ENTRIES`] pairs are kept, and at most
/// [`Headers::MAX_SCANNED`] input pairs are looked at. Values are stored trimmed of surrounding
/// spaces and tabs. Repeated names keep every value, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Headers {
    entries: Vec<(String, String)>,
}

impl Headers {
    /// The most pairs kept.
    pub const MAX_ENTRIES: usize = 256;
    /// The most input pairs looked at by [`Headers::from_pairs`] and [`Headers::from_json`].
    pub const MAX_SCANNED: usize = 1024;
    /// The longest value kept, in bytes.
    pub const MAX_VALUE_LEN: usize = 4096;
    /// The longest name kept, in bytes.
    pub const MAX_NAME_LEN: usize = 256;

    /// An empty collection.
    pub const fn new() -> Self {
        Headers {
            entries: Vec::new(),
        }
    }

    /// Headers from `(name, value)` pairs, within the bounds above.
    pub fn from_pairs<I, N, V>(pairs: I) -> Self
    where
        I: IntoIterator<Item = (N, V)>,
        N: AsRef<str>,
        V: AsRef<str>,
    {
        let mut headers = Headers::new();
        for (name, value) in pairs.into_iter().take(Self::MAX_SCANNED) {
            if headers.entries.len() >= Self::MAX_ENTRIES {
                break;
            }
            headers.append(name.as_ref(), value.as_ref());
        }
        headers
    }

    /// Headers from JSON: an object of `name: "value"` or an array of `["name", "value"]`
    /// pairs (what `Object.fromEntries(headers)` or `[...headers]` give in JavaScript).
    /// Anything else, and any member whose value is not a string, is ignored.
    pub fn from_json(value: &Value) -> Self {
        match value {
            Value::Object(map) => Headers::from_pairs(
                map.iter()
                    .filter_map(|(name, v)| v.as_str().map(|v| (name.as_str(), v))),
            ),
            Value::Array(items) => Headers::from_pairs(items.iter().filter_map(|item| {
                match item.as_array().map(Vec::as_slice) {
                    Some([Value::String(name), Value::String(value)]) => {
                        Some((name.as_str(), value.as_str()))
                    }
                    _ => None,
                }
            })),
            _ => Headers::new(),
        }
    }

    /// Adds one pair; returns false when it was ignored (bad or long name, long value, full).
    pub fn append(&mut self, name: &str, value: &str) -> bool {
        if self.entries.len() >= Self::MAX_ENTRIES
            || name.is_empty()
            || name.len() > Self::MAX_NAME_LEN
            || value.len() > Self::MAX_VALUE_LEN
            || !name.bytes().all(is_tchar)
        {
            return false;
        }
        let value = value.trim_matches(|c| c == ' ' || c == '\t');
        self.entries
            .push((name.to_ascii_lowercase(), value.to_owned()));
        true
    }

    /// The first value of `name` (any case), if present.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Every value of `name` (any case), in order.
    pub fn get_all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.entries
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// True when `name` (any case) is present.
    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// True when an `Idempotency-Key` or `X-Idempotency-Key` header is present with a
    /// non-empty value (for request headers: feeds [`RetryContext::idempotency_key`]).
    ///
    /// [`RetryContext::idempotency_key`]: super::RetryContext::idempotency_key
    pub fn has_idempotency_key(&self) -> bool {
        self.entries
            .iter()
            .any(|(n, v)| !v.is_empty() && (n == "idempotency-key" || n == "x-idempotency-key"))
    }

    /// The number of pairs kept.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no pair was kept.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The pairs, lowercase names first, in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }
}

/// RFC 9110 §5.6.2 `tchar`.
pub(crate) const fn is_tchar(b: u8) -> bool {
    matches!(b,
        b'!' | b'#' | b'$' | b'%' | b'&' | b'\'' | b'*' | b'+' | b'-' | b'.' | b'^' | b'_'
        | b'`' | b'|' | b'~' | b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z')
}
