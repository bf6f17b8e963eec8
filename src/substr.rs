//! Byte-wise substring search and replacement.
//!
//! `str::contains`, `str::find` and `str::replace` with a `&str` pattern bring core's two-way
//! searcher and its slicing panics (with their character formatting) into the wasm. The
//! needles here are short constants, so a plain byte scan is as fast and far smaller.

/// The byte offset of the first `needle` in `haystack`; `Some(0)` for an empty needle.
pub(crate) fn find(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    if n.is_empty() {
        return Some(0);
    }
    h.windows(n.len()).position(|w| w == n)
}

/// True when `haystack` holds `needle`.
pub(crate) fn contains(haystack: &str, needle: &str) -> bool {
    find(haystack, needle).is_some()
}

/// `haystack` with every `from` replaced by `to`, left to right without overlaps (as
/// `str::replace` does for a non-empty `from`).
pub(crate) fn replace(haystack: &str, from: &str, to: &str) -> String {
    if from.is_empty() {
        return haystack.replace(from, to);
    }
    let mut out = String::with_capacity(haystack.len());
    let mut rest = haystack;
    while let Some(i) = find(rest, from) {
        // A match of a UTF-8 needle in UTF-8 text starts and ends on character boundaries.
        out.push_str(rest.get(..i).unwrap_or_default());
        out.push_str(to);
        rest = rest.get(i + from.len()..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_and_replaces_like_str() {
        let cases = [
            ("", "~1"),
            ("~1", "~1"),
            ("a~1b~0~1", "~1"),
            ("é~1é", "~1"),
            ("~~11", "~1"),
            ("Retry {when}.", "{when}"),
            ("{when}{when}", "{when}"),
            ("{whe", "{when}"),
        ];
        for (h, n) in cases {
            assert_eq!(find(h, n), h.find(n), "{h:?} {n:?}");
            assert_eq!(contains(h, n), h.contains(n));
            assert_eq!(replace(h, n, "/"), h.replace(n, "/"));
            assert_eq!(replace(h, n, ""), h.replace(n, ""));
        }
        assert_eq!(replace("ab", "", "-"), "ab".replace("", "-"));
    }
}
