//! A small, bounded, case-insensitive header collection.

use crate::json::Value;

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

    /// The separator of [`Headers::from_joined`]: NUL, which no `Headers` name or value holds.
    pub const JOIN: char = '\0';

    /// Headers from one string of alternating names and values, each followed by
    /// [`Headers::JOIN`] (`"retry-after\02\0date\0…\0"`): how the JavaScript layer hands a
    /// response's headers over in one crossing. A trailing name without a value is ignored;
    /// the bounds of [`Headers::from_pairs`] apply.
    pub fn from_joined(joined: &str) -> Self {
        let mut headers = Headers::new();
        for (name, value) in joined_pairs(joined) {
            headers
                .entries
                .push((name.to_ascii_lowercase(), value.to_owned()));
        }
        headers
    }

    /// Adds one pair; returns false when it was ignored (bad or long name, long value, full).
    pub fn append(&mut self, name: &str, value: &str) -> bool {
        if self.entries.len() >= Self::MAX_ENTRIES {
            return false;
        }
        let Some(value) = accepted(name, value) else {
            return false;
        };
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
        HeaderView::from(self).has_idempotency_key()
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

/// The value to keep for a `name: value` pair (trimmed of spaces and tabs), or `None` when
/// the pair is ignored: an empty, long or non-token name, or a long value.
fn accepted<'v>(name: &str, value: &'v str) -> Option<&'v str> {
    let ok = !name.is_empty()
        && name.len() <= Headers::MAX_NAME_LEN
        && value.len() <= Headers::MAX_VALUE_LEN
        && all_tchar(name.as_bytes());
    ok.then(|| trim_ows(value))
}

/// `value` without leading and trailing spaces and tabs (RFC 9110 OWS), byte by byte.
fn trim_ows(value: &str) -> &str {
    let ows = |b: &u8| *b == b' ' || *b == b'\t';
    let bytes = value.as_bytes();
    let start = bytes.iter().position(|b| !ows(b)).unwrap_or(bytes.len());
    let end = bytes.iter().rposition(|b| !ows(b)).map_or(start, |i| i + 1);
    value.get(start..end).unwrap_or_default()
}

/// `s` split at its first NUL (the NUL dropped), or `None` when it has none.
fn split_nul(s: &str) -> Option<(&str, &str)> {
    let i = s.bytes().position(|b| b == 0)?;
    Some((s.get(..i)?, s.get(i + 1..)?))
}

/// The next `(name, value)` of a joined string, unchecked, as `split_terminator(JOIN)` pieces
/// read two at a time: a name ends at NUL, its value runs to the next NUL or the end, and a
/// name without a value (or nothing left) ends the pairs. Advances `rest` past the pair.
fn raw_pair<'a>(rest: &mut &'a str) -> Option<(&'a str, &'a str)> {
    let (name, after) = split_nul(rest)?;
    if after.is_empty() {
        *rest = "";
        return None;
    }
    let (value, after) = split_nul(after).unwrap_or((after, ""));
    *rest = after;
    Some((name, value))
}

/// The pairs of a joined string that [`Headers::from_joined`] keeps, names as given.
fn joined_pairs(joined: &str) -> JoinedPairs<'_> {
    JoinedPairs {
        rest: joined,
        scanned: 0,
        kept: 0,
    }
}

/// The iterator of [`joined_pairs`]: pieces read as `split_terminator(JOIN)` would give them,
/// two at a time, within the bounds of [`Headers::from_pairs`]. (A plain loop: the
/// size-optimised wasm build turns iterator adaptor chains into much more code.)
struct JoinedPairs<'a> {
    rest: &'a str,
    scanned: usize,
    kept: usize,
}

impl<'a> Iterator for JoinedPairs<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        while self.scanned < Headers::MAX_SCANNED && self.kept < Headers::MAX_ENTRIES {
            let (name, value) = raw_pair(&mut self.rest)?;
            self.scanned += 1;
            if let Some(value) = accepted(name, value) {
                self.kept += 1;
                return Some((name, value));
            }
        }
        None
    }
}

/// Every kept pair of a [`HeaderView`].
enum ViewPairs<'a> {
    Pairs(core::slice::Iter<'a, (String, String)>),
    Joined(JoinedPairs<'a>),
}

impl<'a> Iterator for ViewPairs<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            ViewPairs::Pairs(it) => it.next().map(|(n, v)| (n.as_str(), v.as_str())),
            ViewPairs::Joined(it) => it.next(),
        }
    }
}

/// Every header name a retry decision reads (lowercase): the server's timing
/// ([`server_wait`](super::server_wait): `Retry-After`, `RateLimit`, the reset families and
/// `Date`) and the idempotency keys. Other headers never change a decision, so a caller may
/// leave them out of what it hands over.
pub const DECISION_HEADERS: [&str; 11] = [
    "retry-after",
    "ratelimit",
    "ratelimit-reset",
    "ratelimit-remaining",
    "x-ratelimit-reset",
    "x-ratelimit-remaining",
    "x-rate-limit-reset",
    "x-rate-limit-remaining",
    "date",
    "idempotency-key",
    "x-idempotency-key",
];

/// Read access to response headers, whichever form they came in: a [`Headers`] collection,
/// or the joined string of [`Headers::from_joined`] read in place (no allocation). Both answer
/// every lookup the same way.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum HeaderView<'a> {
    /// A collection.
    Pairs(&'a Headers),
    /// `name\0value\0…`, read as [`Headers::from_joined`] would.
    Joined(&'a str),
}

impl<'a> From<&'a Headers> for HeaderView<'a> {
    fn from(headers: &'a Headers) -> Self {
        HeaderView::Pairs(headers)
    }
}

impl<'a> HeaderView<'a> {
    /// Every kept `(name, value)` pair, names in any case.
    pub fn pairs(self) -> impl Iterator<Item = (&'a str, &'a str)> {
        match self {
            HeaderView::Pairs(h) => ViewPairs::Pairs(h.entries.iter()),
            HeaderView::Joined(s) => ViewPairs::Joined(joined_pairs(s)),
        }
    }

    /// The first value of `name` (any case), if present.
    pub fn get(self, name: &str) -> Option<&'a str> {
        match self {
            // Short enough that no bound can bite (fewer pairs than MAX_ENTRIES): only the
            // pairs named `name` need checking, and a name equal to a token is one.
            HeaderView::Joined(s) if s.len() < 2 * Headers::MAX_ENTRIES => {
                let mut rest = s;
                while let Some((n, v)) = raw_pair(&mut rest) {
                    if n.len() == name.len() && n.eq_ignore_ascii_case(name) {
                        if let Some(v) = accepted(n, v) {
                            return Some(v);
                        }
                    }
                }
                None
            }
            _ => self.get_all(name).next(),
        }
    }

    /// Every value of `name` (any case), in order.
    pub fn get_all<'n>(self, name: &'n str) -> impl Iterator<Item = &'a str> + 'n
    where
        'a: 'n,
    {
        self.pairs()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    }

    /// True when an `Idempotency-Key` or `X-Idempotency-Key` header has a non-empty value.
    pub fn has_idempotency_key(self) -> bool {
        self.pairs().any(|(n, v)| {
            !v.is_empty()
                && (n.eq_ignore_ascii_case("idempotency-key")
                    || n.eq_ignore_ascii_case("x-idempotency-key"))
        })
    }
}

/// True when every byte is a `tchar` (a loop, not an iterator adaptor: this runs on every
/// header a decision reads, and the size-optimised build does not inline adaptors).
fn all_tchar(bytes: &[u8]) -> bool {
    for &b in bytes {
        if !is_tchar(b) {
            return false;
        }
    }
    true
}

/// RFC 9110 §5.6.2 `tchar`.
#[inline(always)]
pub(crate) const fn is_tchar(b: u8) -> bool {
    matches!(b,
        b'!' | b'#' | b'$' | b'%' | b'&' | b'\'' | b'*' | b'+' | b'-' | b'.' | b'^' | b'_'
        | b'`' | b'|' | b'~' | b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z')
}
