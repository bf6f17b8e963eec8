//! Server-supplied detail text, made safe to show when an app opts in.

/// The longest server detail shown, in characters (Unicode scalar values), ellipsis included.
pub const MAX_DETAIL_CHARS: usize = 300;

/// Characters that reorder or hide text (bidirectional controls, zero-width characters, the
/// byte order mark); removed so a server cannot disguise what the user reads.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// Sanitises server text for display: control characters and invisible formatting characters
/// are removed, each run of whitespace or control characters between words becomes one space,
/// the ends are trimmed, and text over [`MAX_DETAIL_CHARS`] is cut, ending in `…`. Returns
/// `None` when nothing visible is left. Reads at most a few hundred characters of `raw`.
pub fn sanitize_detail(raw: &str) -> Option<String> {
    let mut out = String::new();
    let mut count = 0usize;
    let mut gap = false;
    let mut truncated = false;
    for c in raw.chars() {
        if is_invisible(c) {
            continue;
        }
        if c.is_control() || c.is_whitespace() {
            gap = count > 0;
            continue;
        }
        let needed = if gap { 2 } else { 1 };
        if count + needed > MAX_DETAIL_CHARS {
            truncated = true;
            break;
        }
        if gap {
            out.push(' ');
            gap = false;
        }
        out.push(c);
        count += needed;
    }
    if truncated {
        // Make room for the ellipsis and do not end on a space.
        while count > MAX_DETAIL_CHARS - 1 || out.ends_with(' ') {
            if out.pop().is_none() {
                break;
            }
            count = count.saturating_sub(1);
        }
        out.push('…');
    }
    (!out.is_empty()).then_some(out)
}
