//! `userMessage`, `addMessages`, `addDescriptions` and `listLocales`.

use std::cell::Cell;

use super::io::{self, Out};
use super::status::facts;
use crate::clients::carried_wait_ms;
use crate::error::{js_number, ArgError};
use crate::messages::input::{resolve_input, MessageInput};
use crate::messages::{self, MessageRequest, Unit};
use crate::retry::HeaderView;

/// Flag bits of a `userMessage` call, above [`super::status::flag`]'s error facts.
pub(crate) mod flag {
    /// The input is a number (`number` holds it).
    pub const NUMBER: u32 = 1 << 8;
    /// The input is an object or a function.
    pub const OBJECT: u32 = 1 << 9;
    /// `options.retryAfterMs` was given (`retry_after_ms` holds it).
    pub const RETRY_AFTER: u32 = 1 << 10;
    /// `options.includeServerDetail` is `true`.
    pub const SERVER_DETAIL: u32 = 1 << 11;
    /// This is the second call: the wait phrase asked for is in IN (absent when it could not
    /// be formatted).
    pub const PHRASE: u32 = 1 << 12;
}

/// The units of a wait phrase, indexed as the records give them.
const UNITS: [Unit; 4] = [Unit::Second, Unit::Minute, Unit::Hour, Unit::Day];

/// `userMessage(input, options)`, over facts the JavaScript layer read.
///
/// IN holds strings as `io::strings` reads them: the error facts of
/// [`super::status::FACT_STRINGS`], then `input.kind`, the server's text
/// (`details.userFacing.message`, else `detail`, else `title`), the locale tags joined by NUL,
/// the decision headers of `input.response.headers` joined as `name\0value\0…`, and on a
/// second call the wait phrase. Numbers: the input itself when it is a number, `input.status`,
/// the error facts `status` and `status_code` (see [`super::status::facts`]), `options.retryAfterMs`,
/// `input.retryAfterMs` (NaN for none), and `now` (epoch ms, for a wait the carried response
/// gives as a date).
///
/// The answer is a message record (`0`, title, message, action, kind index `u8`, locale, dir
/// `u8` 0 ltr / 1 rtl), or, when the message needs a wait phrase and this is the first call,
/// a phrase request (`1`, locale, value `f64`, unit `u8`: 0 second … 3 day) that the
/// JavaScript layer formats with `Intl.RelativeTimeFormat` and answers by calling again with
/// [`flag::PHRASE`]. An error record for a bad option or an unusable input.
#[allow(clippy::too_many_arguments)]
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub extern "C" fn user_message(
    len: u32,
    number: f64,
    status: f64,
    error_status: f64,
    status_code: f64,
    retry_after_ms: f64,
    input_retry_after_ms: f64,
    now: f64,
    flags: u32,
) -> u32 {
    let answer = io::with_input(len as usize, |bytes| {
        let numbers = Numbers {
            number,
            status,
            error_status,
            status_code,
            retry_after_ms,
            input_retry_after_ms,
            now,
        };
        answer_message(bytes, &numbers, flags)
    });
    io::result(answer.map(|a| move |out: &mut Out| a.write(out))) as u32
}

/// The numbers of a [`user_message`] call.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Numbers {
    number: f64,
    status: f64,
    error_status: f64,
    status_code: f64,
    retry_after_ms: f64,
    input_retry_after_ms: f64,
    now: f64,
}

/// The answer of [`user_message`] once its inputs are read.
pub(crate) fn answer_message(
    bytes: &[u8],
    n: &Numbers,
    flags: u32,
) -> Result<MessageAnswer, ArgError> {
    let Some((
        [name, message, code, cause_code, cause_name, cause_message, kind, detail, locales, headers, phrase],
        _,
    )) = io::strings::<11>(bytes)
    else {
        return Err(ArgError::type_error("userMessage input could not be read"));
    };
    let mut failure = facts(
        [name, message, code, cause_code, cause_name, cause_message],
        n.error_status,
        n.status_code,
        flags,
    );
    failure.response_headers = headers.map(HeaderView::Joined);
    let facts = MessageInput {
        number: (flags & flag::NUMBER != 0).then_some(n.number),
        is_object: flags & flag::OBJECT != 0,
        status: (!n.status.is_nan()).then_some(n.status),
        kind,
        failure,
    };
    let (kind, status) = resolve_input(&facts)?;
    let retry_after_ms = if flags & flag::RETRY_AFTER != 0 {
        let ms = n.retry_after_ms;
        if !(ms.is_finite() && ms >= 0.0) {
            let mut m = String::from("options.retryAfterMs must be a finite number >= 0, got ");
            m.push_str(&js_number(ms));
            return Err(ArgError::range_error(m));
        }
        Some(ms)
    } else {
        Some(n.input_retry_after_ms)
            .filter(|n| n.is_finite() && *n >= 0.0)
            .or_else(|| carried_wait_ms(&facts.failure, n.now))
    };
    let tags: Vec<&str> = locales
        .map(|l| l.split('\0').filter(|t| !t.is_empty()).collect())
        .unwrap_or_default();
    let request = MessageRequest {
        kind,
        status,
        locales: &tags,
        retry_after_ms,
        server_detail: detail,
        include_server_detail: flags & flag::SERVER_DETAIL != 0,
    };
    // First call: note what the formatter is asked for and answer nothing, so the phrase can
    // be formatted in JavaScript; second call: hand back what JavaScript formatted.
    let second = flags & flag::PHRASE != 0;
    let asked: Cell<Option<(String, f64, Unit)>> = Cell::new(None);
    let format = |locale: &str, value: f64, unit: Unit| -> Option<String> {
        if second {
            phrase.map(str::to_owned)
        } else {
            asked.set(Some((locale.to_owned(), value, unit)));
            None
        }
    };
    let message = messages::user_message(&request, &format);
    Ok(match asked.take() {
        Some((locale, value, unit)) => MessageAnswer::Phrase {
            locale,
            value,
            unit,
        },
        None => MessageAnswer::Message(message),
    })
}

/// What [`answer_message`] found.
#[derive(Debug)]
pub(crate) enum MessageAnswer {
    /// The message.
    Message(messages::UserMessage),
    /// A wait phrase to format first.
    Phrase {
        /// For `Intl.RelativeTimeFormat`.
        locale: String,
        /// How many units.
        value: f64,
        /// Which unit.
        unit: Unit,
    },
}

impl MessageAnswer {
    fn write(&self, out: &mut Out) {
        match self {
            MessageAnswer::Message(m) => {
                out.u8(0);
                out.str(&m.title);
                out.str(&m.message);
                out.str(&m.action);
                out.u8(m.kind as u8);
                out.str(&m.locale);
                out.u8(m.dir as u8);
            }
            MessageAnswer::Phrase {
                locale,
                value,
                unit,
            } => {
                out.u8(1);
                out.str(locale);
                out.f64(*value);
                out.u8(UNITS.iter().position(|u| u == unit).unwrap_or(0) as u8);
            }
        }
    }
}

/// `addMessages(catalog)`: the catalog as a tape in IN (`len` bytes). Answers the canonical
/// locale tag, or the error naming the path.
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub extern "C" fn add_messages(len: u32) -> u32 {
    let added = io::with_input(len as usize, |bytes| {
        let catalog = io::read_tape(bytes, true)
            .ok_or_else(|| ArgError::type_error("catalog could not be read"))?;
        messages::add_messages(&catalog)
    });
    io::result(added.map(|tag| move |out: &mut Out| out.str(&tag))) as u32
}

/// `addDescriptions(pack)`: the pack as a tape in IN (`len` bytes). An empty record, or the
/// error naming the path.
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub extern "C" fn add_descriptions(len: u32) -> u32 {
    let added = io::with_input(len as usize, |bytes| {
        let pack = io::read_tape(bytes, true)
            .ok_or_else(|| ArgError::type_error("pack could not be read"))?;
        messages::add_descriptions(&pack)
    });
    io::result(added.map(|()| |_: &mut Out| {})) as u32
}

/// `listLocales()`: a count, then the registered locale tags, sorted.
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub extern "C" fn list_locales() -> u32 {
    let tags = messages::list_locales();
    io::answer(|out| {
        out.u32(tags.len() as u32);
        tags.iter().for_each(|t| out.str(t));
    }) as u32
}
