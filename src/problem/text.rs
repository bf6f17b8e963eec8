//! Making strings from a body safe to hand on: plain text, one line, bounded length.

use super::MAX_TEXT_CHARS;

/// True for characters dropped outright: C0 controls other than whitespace, DEL and C1
/// controls, bidi embeddings/overrides/isolates and marks, and the byte-order mark.
fn is_dropped(c: char) -> bool {
    matches!(
        c,
        '\u{0}'..='\u{1f}'
            | '\u{7f}'..='\u{9f}'
            | '\u{61c}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
    )
}

/// Cleans `s` into plain text: whitespace (tabs and newlines included) collapsed to single
/// spaces, dropped characters removed, trimmed, and cut on a character boundary to at most
/// [`MAX_TEXT_CHARS`] characters, ending in `…` when cut. `None` when nothing is left.
///
/// Scanning stops as soon as the bound is passed, so a huge string costs no more than a
/// short one (apart from leading whitespace and dropped characters).
pub(crate) fn clean(s: &str) -> Option<String> {
    let mut out = String::new();
    let mut count = 0usize;
    let mut pending_space = false;
    let mut cut = false;
    for c in s.chars() {
        if c.is_whitespace() {
            pending_space = count > 0;
            continue;
        }
        if is_dropped(c) {
            continue;
        }
        let needed = if pending_space { 2 } else { 1 };
        if count + needed > MAX_TEXT_CHARS {
            cut = true;
            break;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
        count += needed;
    }
    if cut {
        // Make room for the ellipsis: drop one character and any space it leaves at the end.
        // The only whitespace `out` holds is the single spaces pushed above (popping them
        // keeps `truncate`'s char-boundary assertion out of the wasm).
        out.pop();
        while out.ends_with(' ') {
            out.pop();
        }
        out.push('…');
    }
    if out.is_empty() {
        None
    } else {
        Some(out)
    }
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
