//! Server-supplied detail text, made safe to show when an app opts in.

/// The longest server detail shown, in characters (Unicode scalar values), ellipsis included.
pub const MAX_DETAIL_CHARS: usize = 300;

/// Sanitises server text for display (the rules of [`crate::text`], the one sanitiser of
/// server text): controls, bidi controls and invisible characters removed, whitespace runs
/// collapsed, the ends trimmed, and text over [`MAX_DETAIL_CHARS`] cut, ending in `…`. `None`
/// when nothing visible is left. Reads at most a few hundred characters of `raw`.
pub fn sanitize_detail(raw: &str) -> Option<String> {
    crate::text::clean(raw, MAX_DETAIL_CHARS)
}
