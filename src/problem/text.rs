//! Making strings from a body safe to hand on: plain text, one line, bounded length.

use super::MAX_TEXT_CHARS;

/// Cleans `s` into plain text of at most [`MAX_TEXT_CHARS`] characters (the rules of
/// [`crate::text`]); `None` when nothing is left.
pub(crate) fn clean(s: &str) -> Option<String> {
    crate::text::clean(s, MAX_TEXT_CHARS)
}

/// Cleans each of `parts` and joins the non-empty ones with `"; "`, bounded like [`clean`].
pub(crate) fn join<'a>(parts: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut out = String::new();
    for part in parts {
        if let Some(p) = clean(part) {
            if !out.is_empty() {
                out.push_str("; ");
            }
            out.push_str(&p);
            // More bytes than four per allowed character: certainly over the bound already.
            if out.len() > MAX_TEXT_CHARS * 4 {
                break;
            }
        }
    }
    clean(&out)
}
