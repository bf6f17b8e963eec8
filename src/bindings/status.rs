//! `classify`, `listStatuses` and `classifyError`.

use std::borrow::Cow;

use super::io::{self, Out};
use crate::classify::{self, status_from_number, StatusInfo};
use crate::failure::{classify_failure, FailureClass, FailureFacts};

/// Flag bits of an error's facts (`classifyError`, `userMessage`).
pub(crate) mod flag {
    /// The value is an `Error` (any realm: `Object.prototype.toString` says so).
    pub const IS_ERROR: u32 = 1;
    /// `navigator.onLine` exists; [`ONLINE`] is its value.
    pub const HAS_ONLINE: u32 = 2;
    /// `navigator.onLine` is true.
    pub const ONLINE: u32 = 4;
    /// `error.response` is an object.
    pub const HAS_RESPONSE: u32 = 8;
    /// Bit `CLIENT + i` is set when `error[crate::clients::CLIENT_FLAGS[i]] === true`.
    pub const CLIENT: u32 = 4;
}

/// The string facts of a thrown value, in the order IN holds them: `name`, `message`, `code`,
/// `cause.code`, `cause.name`, `cause.message`.
pub(crate) const FACT_STRINGS: usize = 6;

/// The facts of a thrown value from what the JavaScript layer read (src/js/facts.js):
/// `strings` as [`FACT_STRINGS`] lists them; `status` is `error.status`, else
/// `error.response.status`, and `status_code` `error.statusCode`, else
/// `error.response.statusCode` (NaN for none); [`flag`] bits.
pub(crate) fn facts(
    strings: [Option<&str>; FACT_STRINGS],
    status: f64,
    status_code: f64,
    flags: u32,
) -> FailureFacts<'_> {
    let [name, message, code, cause_code, cause_name, cause_message] = strings;
    let number = |n: f64| (!n.is_nan()).then_some(n);
    FailureFacts {
        name,
        message,
        is_error: flags & flag::IS_ERROR != 0,
        code,
        cause_code,
        status: number(status),
        online: (flags & flag::HAS_ONLINE != 0).then_some(flags & flag::ONLINE != 0),
        status_code: number(status_code),
        flags: (flags >> flag::CLIENT) & 0xf,
        has_response: flags & flag::HAS_RESPONSE != 0,
        cause_name,
        cause_message,
        response_headers: None,
    }
}

/// A StatusInfo record: status `u32`, class index `u8`, kind index `u8`, flags `u8`
/// (registered 1, ok 2, retryable 4), then reason, description and spec.
fn status_info(out: &mut Out, info: &StatusInfo) {
    out.u32(u32::from(info.status));
    out.u8(info.class as u8);
    out.u8(info.kind as u8);
    out.u8(u8::from(info.registered) | u8::from(info.ok) << 1 | u8::from(info.retryable) << 2);
    out.lasting(info.reason);
    match &info.description {
        Cow::Borrowed(text) => out.lasting(text),
        Cow::Owned(text) => out.str(text),
    }
    out.lasting(info.spec);
}

/// `classify(status)`: a StatusInfo record, or the error for a non-integer or out-of-range
/// number (the JavaScript layer throws for non-numbers itself).
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub extern "C" fn classify(status: f64) -> u32 {
    let info = status_from_number("status", status).map(classify::classify);
    io::result(info.map(|info| {
        move |out: &mut Out| {
            if let Some(info) = &info {
                status_info(out, info);
            }
        }
    })) as u32
}

/// `listStatuses()`: a count, then one StatusInfo record per catalog row, in code order.
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub extern "C" fn list_statuses() -> u32 {
    let rows = crate::catalog::rows();
    io::answer(|out| {
        out.u32(rows.len() as u32);
        for info in rows.iter().filter_map(|r| classify::classify(r.code)) {
            status_info(out, &info);
        }
    }) as u32
}

/// An ErrorClass record: present `u8` (0 for `null`), then kind index `u8`, retryable `u8`
/// and status `f64` (NaN for none).
pub(crate) fn error_class(out: &mut Out, class: Option<FailureClass>) {
    out.u8(u8::from(class.is_some()));
    if let Some(c) = class {
        out.u8(c.kind as u8);
        out.u8(u8::from(c.retryable));
        out.opt_f64(c.status.map(f64::from));
    }
}

/// `classifyError(error)` over facts the JavaScript layer read: IN holds the
/// [`FACT_STRINGS`] (`len` bytes, as `io::strings` reads them); see [`facts`] for the rest.
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub extern "C" fn classify_error(len: u32, status: f64, status_code: f64, flags: u32) -> u32 {
    let class = io::with_input(len as usize, |bytes| {
        let (strings, _) = io::strings(bytes)?;
        classify_failure(&facts(strings, status, status_code, flags))
    });
    io::answer(|out| error_class(out, class)) as u32
}
