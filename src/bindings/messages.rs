//! `userMessage`, `addMessages`, `addDescriptions` and `listLocales`.

use std::cell::Cell;

use super::io::{self, Out};
use crate::error::{js_number, ArgError};
use crate::messages::input::{resolve_input, MessageInput};
use crate::messages::{self, MessageRequest, Unit};

/// Flag bits of a `userMessage` call, beside [`super::status::flag`]'s error facts.
pub(crate) mod flag {
    /// The input is a number (`number` holds it).
    pub const NUMBER: u32 = 8;
    /// The input is an object or a function.
    pub const OBJECT: u32 = 16;
    /// `options.retryAfterMs` was given (`retry_after_ms` holds it).
    pub const RETRY_AFTER: u32 = 32;
    /// `options.includeServerDetail` is `true`.
    pub const SERVER_DETAIL: u32 = 64;
    /// This is the second call: the wait phrase asked for is in IN (absent when it could not
    /// be formatted).
    pub const PHRASE: u32 = 128;
}

/// The units of a wait phrase, indexed as the records give them.
const UNITS: [Unit; 4] = [Unit::Second, Unit::Minute, Unit::Hour, Unit::Day];

/// `userMessage(input, options)`, over facts the JavaScript layer read.
///
/// IN holds, in this order, the strings whose UTF-8 lengths are `lens` (negative for absent):
/// `input.kind`, the four error facts (see [`super::status::facts`]), the server's text
/// (`details.userFacing.message`, else `detail`, else `title`), the locale tags joined by NUL,
/// and on a second call the wait phrase. Numbers: the input itself when it is a number,
/// `input.status` (NaN for none), `options.retryAfterMs`, `input.retryAfterMs` (NaN for none).
///
/// The answer is a message record (`0`, title, message, action, kind index `u8`, locale, dir
/// `u8` 0 ltr / 1 rtl), or, when the message needs a wait phrase and this is the first call,
/// a phrase request (`1`, locale, value `f64`, unit `u8`: 0 second … 3 day) that the
/// JavaScript layer formats with `Intl.RelativeTimeFormat` and answers by calling again with
/// [`flag::PHRASE`]. An error record for a bad option or an unusable input.
#[allow(clippy::too_many_arguments)]
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub extern "C" fn user_message(
    kind: i32,
    name: i32,
    message: i32,
    code: i32,
    cause_code: i32,
    detail: i32,
    locales: i32,
    phrase: i32,
    number: f64,
    status: f64,
    retry_after_ms: f64,
    input_retry_after_ms: f64,
    flags: u32,
) -> u32 {
    let lens = [
        kind, name, message, code, cause_code, detail, locales, phrase,
    ];
    let total = lens.iter().map(|&l| l.max(0) as usize).sum();
    let answer = io::with_input(total, |bytes| {
        answer_message(
            bytes,
            lens,
            number,
            status,
            retry_after_ms,
            input_retry_after_ms,
            flags,
        )
    });
    io::result(answer.map(|a| move |out: &mut Out| a.write(out))) as u32
}

/// The answer of [`user_message`] once its inputs are read.
#[allow(clippy::too_many_arguments)]
pub(crate) fn answer_message(
    bytes: &[u8],
    lens: [i32; 8],
    number: f64,
    status: f64,
    retry_after_ms: f64,
    input_retry_after_ms: f64,
    flags: u32,
) -> Result<MessageAnswer, ArgError> {
    let Some([kind, name, message, code, cause_code, detail, locales, phrase]) =
        io::split(bytes, lens)
    else {
        return Err(ArgError::type_error("userMessage input could not be read"));
    };
    let facts = MessageInput {
        number: (flags & flag::NUMBER != 0).then_some(number),
        is_object: flags & flag::OBJECT != 0,
        status: (!status.is_nan()).then_some(status),
        kind,
        failure: crate::failure::FailureFacts {
            name,
            message,
            is_error: flags & super::status::flag::IS_ERROR != 0,
            code,
            cause_code,
            status: (!status.is_nan()).then_some(status),
            online: (flags & super::status::flag::HAS_ONLINE != 0)
                .then_some(flags & super::status::flag::ONLINE != 0),
        },
    };
    let (kind, status) = resolve_input(&facts)?;
    let retry_after_ms = if flags & flag::RETRY_AFTER != 0 {
        if !(retry_after_ms.is_finite() && retry_after_ms >= 0.0) {
            let mut m = String::from("options.retryAfterMs must be a finite number >= 0, got ");
            m.push_str(&js_number(retry_after_ms));
            return Err(ArgError::range_error(m));
        }
        Some(retry_after_ms)
    } else {
        Some(input_retry_after_ms).filter(|n| n.is_finite() && *n >= 0.0)
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
