//! Text that came from a server, made safe to hand on: the one sanitiser of error-body strings
//! (`parseErrorBody`, bounded at 1,000 characters) and of server text shown in an end-user
//! message (`includeServerDetail`, bounded at 300).
//!
//! The rules, chosen once for both:
//! - whitespace runs (tabs and newlines included) become one space; the ends are trimmed;
//! - dropped outright: C0 and C1 control characters and DEL (they have no meaning in a line of
//!   text), the bidi marks, embeddings, overrides and isolates (LRM, RLM, ALM, U+202A–U+202E,
//!   U+2066–U+2069) and the invisible characters that can hide or disguise text (zero width
//!   space U+200B, word joiner and invisible operators U+2060–U+2064, the byte order mark);
//! - kept: the zero width non-joiner and joiner (U+200C, U+200D), which Persian, Indic scripts
//!   and emoji sequences need to be written correctly;
//! - at most `max` characters (Unicode scalar values), ending in `…` when cut, never in a space,
//!   and at the end of a word when one ends within the last 20 characters.
//!
//! Plain ASCII text that needs no change (the usual case) is copied as is after one byte scan.

/// How far a cut backs up to end on a whole word, in characters.
const WORD_BACKTRACK: usize = 20;

/// True for characters dropped outright (see the module docs).
fn is_dropped(c: char) -> bool {
    matches!(
        c,
        '\u{0}'..='\u{1f}'
            | '\u{7f}'..='\u{9f}'
            | '\u{61c}'
            | '\u{200b}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
    )
}

/// True when `s` is printable ASCII already in its final form: no control character, no space
/// at either end or next to another, and at most `max` bytes (each is one character).
fn is_clean_ascii(s: &str, max: usize) -> bool {
    let bytes = s.as_bytes();
    if bytes.is_empty() || bytes.len() > max {
        return false;
    }
    let mut last_space = true; // a leading space fails
    for &b in bytes {
        if !(0x20..0x7f).contains(&b) || (b == b' ' && last_space) {
            return false;
        }
        last_space = b == b' ';
    }
    !last_space
}

/// `s` as plain text of at most `max` characters (see the module docs); `None` when nothing is
/// left. Scanning stops once the bound is passed, so a huge string costs no more than a short
/// one (apart from leading whitespace and dropped characters).
pub fn clean(s: &str, max: usize) -> Option<String> {
    if is_clean_ascii(s, max) {
        return Some(s.to_owned());
    }
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
        if count + needed > max {
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
        // Room for the ellipsis: drop one character, then back to the end of a word when one
        // is near, and any space left at the end. The only whitespace `out` holds is the single
        // spaces pushed above, so a space's byte index is a character boundary.
        out.pop();
        if let Some(space) = out.rfind(' ') {
            if out
                .get(space..)
                .is_some_and(|tail| tail.chars().count() <= WORD_BACKTRACK)
            {
                while out.len() > space {
                    out.pop();
                }
            }
        }
        while out.ends_with(' ') {
            out.pop();
        }
        out.push('…');
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::clean;

    #[test]
    fn plain_ascii_is_kept_as_is() {
        assert_eq!(
            clean("Balance is 30, cost is 50", 1000).as_deref(),
            Some("Balance is 30, cost is 50")
        );
        assert_eq!(clean("x", 1).as_deref(), Some("x"));
    }

    #[test]
    fn whitespace_collapses_and_the_ends_are_trimmed() {
        assert_eq!(clean("  a \t\n b  ", 1000).as_deref(), Some("a b"));
        assert_eq!(clean("a  b", 1000).as_deref(), Some("a b"));
        assert_eq!(clean(" \u{3000} ", 1000), None);
    }

    #[test]
    fn controls_bidi_and_invisible_characters_are_dropped_joiners_kept() {
        let hostile =
            "pay\u{0}\u{7}\u{7f}\u{9f}\u{200b}\u{202e}\u{2066}\u{feff}\u{2060}\u{200e}now";
        assert_eq!(clean(hostile, 1000).as_deref(), Some("paynow"));
        // U+0085 (next line) is whitespace: a space.
        assert_eq!(clean("pay\u{85}now", 1000).as_deref(), Some("pay now"));
        // Persian needs the zero width non-joiner; emoji sequences the joiner.
        assert_eq!(
            clean("می\u{200c}خواهم", 1000).as_deref(),
            Some("می\u{200c}خواهم")
        );
        assert_eq!(clean("👩\u{200d}💻", 1000).as_deref(), Some("👩\u{200d}💻"));
        assert_eq!(clean("\u{7}\u{7f}", 1000), None);
    }

    #[test]
    fn long_text_is_cut_on_a_character_with_an_ellipsis() {
        let long = "é".repeat(2000);
        let cut = clean(&long, 300).unwrap();
        assert_eq!(cut.chars().count(), 300);
        assert!(cut.ends_with('…'));
        let exact = "x".repeat(300);
        assert_eq!(clean(&exact, 300).as_deref(), Some(exact.as_str()));
        let words = "ab ".repeat(200);
        let cut = clean(&words, 300).unwrap();
        assert!(cut.chars().count() <= 300 && cut.ends_with("ab…"), "{cut}");
        // No word end near the cut: cut inside the word.
        let one = format!("a {}", "b".repeat(400));
        assert_eq!(clean(&one, 300).unwrap().chars().count(), 300);
        let ascii = "y".repeat(301);
        assert_eq!(clean(&ascii, 300).unwrap().chars().count(), 300);
    }
}
