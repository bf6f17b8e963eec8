//! `parseErrorBody`.

use super::io::{self, Out};
use crate::problem::{self, ErrorDetails, Parsed};

/// How the body reached IN.
pub(crate) mod body {
    /// Text that `JSON.parse` did not read (HTML, XML, plain text, malformed or cut JSON): its
    /// UTF-8, at most a bounded prefix.
    pub const TEXT: u32 = 0;
    /// An object or array (parsed from the text by `JSON.parse`, or given parsed): a tape.
    pub const TAPE: u32 = 1;
    /// Text that `JSON.parse` read as a scalar (`42`, `"text"`, `null`): its UTF-8.
    pub const SCALAR: u32 = 2;
}

/// `parseErrorBody(body, contentType?)`. IN holds the body (`len` bytes, as [`body`] says)
/// then the content type (`content_type` bytes, negative for none). The answer is a record:
/// present `u8`, then an ErrorDetails: format index `u8`, status and retryAfterMs `f64` (NaN for
/// none), title,
/// detail, code, type and instance as optional strings, user-facing text (present `u8`,
/// message, optional locale), field errors (`u32` count, field and message each), and
/// extensions (`u32` count, then a key and a tape value each, see [`io::read_tape`]). Never an error record: a body that cannot be read is `null`.
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub extern "C" fn parse_error_body(kind: u32, len: i32, content_type: i32) -> u32 {
    let total = len.max(0) as usize + content_type.max(0) as usize;
    let details = io::with_input(total, |bytes| {
        let [body, content_type] = match kind {
            body::TAPE => {
                let (tape, rest) = bytes.split_at_checked(len.max(0) as usize)?;
                let [ct] = io::split(rest, [content_type])?;
                let value = io::read_tape(tape, true)?;
                return problem::parse_error_body_value_with_type(&value, ct);
            }
            body::TEXT | body::SCALAR => io::split(bytes, [len, content_type])?,
            _ => return None,
        };
        let parsed = if kind == body::SCALAR {
            Parsed::Scalar
        } else {
            Parsed::NotJson
        };
        problem::parse_error_body_text_parsed(body.unwrap_or_default(), content_type, parsed)
    });
    io::answer(|out| {
        out.u8(u8::from(details.is_some()));
        if let Some(d) = &details {
            write_details(out, d);
        }
    }) as u32
}

fn write_details(out: &mut Out, d: &ErrorDetails) {
    out.u8(d.format as u8);
    out.opt_f64(d.status.map(f64::from));
    out.opt_f64(d.retry_after_ms);
    for s in [&d.title, &d.detail, &d.code, &d.error_type, &d.instance] {
        out.opt_str(s.as_deref());
    }
    out.u8(u8::from(d.user_facing.is_some()));
    if let Some(u) = &d.user_facing {
        out.str(&u.message);
        out.opt_str(u.locale.as_deref());
    }
    out.u32(d.field_errors.len() as u32);
    for f in &d.field_errors {
        out.str(&f.field);
        out.str(&f.message);
    }
    out.u32(d.extensions.len() as u32);
    for (key, value) in &d.extensions {
        out.str(key);
        out.tape(value);
    }
}
