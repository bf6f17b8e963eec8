//! `userMessage`, `addMessages`, `addDescriptions` and `listLocales`.

use std::borrow::Cow;
use std::cell::Cell;

use super::io::{self, Out};
use super::status::{facts, FACT_STRINGS};
use crate::clients::carried_wait_ms;
use crate::error::{js_number, ArgError};
use crate::messages::input::{message_request, MessageInput, MessageOptions};
use crate::messages::wait::{wait_amount, Intl, Plural};
use crate::messages::{self, Unit};
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
    /// This is the second call: the platform's answers for the wait phrase are in IN.
    pub const PHRASE: u32 = 1 << 12;
    /// `options.highlightedFields` was given; [`HIGHLIGHTED`] is its value.
    pub const HAS_HIGHLIGHTED: u32 = 1 << 13;
    /// `options.highlightedFields` is `true`.
    pub const HIGHLIGHTED: u32 = 1 << 14;
    /// `options.signIn` is `false` (the default is true).
    pub const NO_SIGN_IN: u32 = 1 << 15;
    /// `options.supportLink` is `true`.
    pub const SUPPORT_LINK: u32 = 1 << 16;
    /// `input.details.fieldErrors` is a non-empty array.
    pub const FIELD_ERRORS: u32 = 1 << 17;
}

/// The strings of a `userMessage` call, in the order IN holds them (see [`user_message`]).
const STRINGS: usize = FACT_STRINGS + 13;

/// `userMessage(input, options)`, over facts the JavaScript layer read.
///
/// IN holds [`STRINGS`] strings as `io::strings` reads them: the error facts of
/// [`FACT_STRINGS`]; then from the input `kind`, `details.userFacing.message`,
/// `details.userFacing.locale`, `details.detail`, `details.title`, the body's own language (the
/// first string of `details.extensions.lang`, `.language`, `.locale`), `contentLanguage`, and the
/// decision headers of `response.headers` joined as `name\0value\0…`; from the options the
/// locale tags joined by NUL and `serverLanguage`; and on a second call the platform's answers
/// for the wait phrase: `Intl.RelativeTimeFormat`'s phrase, `Intl.PluralRules`'s category and
/// `Intl.NumberFormat`'s number (absent where the platform could not say).
///
/// Numbers: the input itself when it is a number, `input.status`, the error facts `status` and
/// `status_code` (see [`super::status::facts`]), `options.retryAfterMs`, `input.retryAfterMs`
/// (NaN for none), and `now` (epoch ms, for a wait the carried response gives as a date).
///
/// The answer is a message record (`0`, title, message, action, kind index `u8`, locale, dir
/// `u8` 0 ltr / 1 rtl); or, when the message needs a wait phrase and this is the first call, a
/// request (`1`, locale, value `f64`, unit `u8`: 0 second … 3 day) that the JavaScript layer
/// answers with the platform's `Intl` by calling again with [`flag::PHRASE`]; or the error
/// record of a bad option.
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
    let numbers = Numbers {
        number,
        status,
        error_status,
        status_code,
        retry_after_ms,
        input_retry_after_ms,
        now,
    };
    match io::with_input(len as usize, |bytes| answer_message(bytes, &numbers, flags)) {
        Ok(addr) => addr as u32,
        Err(e) => io::error(&e) as u32,
    }
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

/// The platform's answers for a wait phrase, in two calls: the first records what the core asks
/// (and answers nothing); the second answers from what JavaScript asked `Intl` in between.
struct TwoCalls<'a> {
    second: bool,
    /// `Intl.RelativeTimeFormat`'s phrase, and `Intl.PluralRules`' category with
    /// `Intl.NumberFormat`'s number, for the recorded locale and value.
    relative: Option<&'a str>,
    plural: Option<(Plural, &'a str)>,
    /// The unit of the request's wait (the core asks for this one only).
    unit: Unit,
    asked: Cell<Option<(String, f64)>>,
}

impl Intl for TwoCalls<'_> {
    fn relative(&self, locale: &str, value: f64, _unit: Unit) -> Option<String> {
        self.ask(locale, value)?;
        self.relative.map(str::to_owned)
    }

    fn plural(&self, locale: &str, value: f64) -> Option<(Plural, String)> {
        self.ask(locale, value)?;
        self.plural.map(|(p, n)| (p, n.to_owned()))
    }
}

impl TwoCalls<'_> {
    /// On the first call, notes the question and answers nothing.
    fn ask(&self, locale: &str, value: f64) -> Option<()> {
        if self.second {
            return Some(());
        }
        self.asked.set(Some((locale.to_owned(), value)));
        None
    }
}

/// Writes the answer of [`user_message`] once its inputs are read; returns its address.
pub(crate) fn answer_message(bytes: &[u8], n: &Numbers, flags: u32) -> Result<usize, ArgError> {
    let Some((strings, _)) = io::strings::<STRINGS>(bytes) else {
        return Err(ArgError::type_error("userMessage input could not be read"));
    };
    let (fact_strings, rest) = strings.split_at(FACT_STRINGS);
    let fact_strings: [Option<&str>; FACT_STRINGS] = fact_strings.try_into().unwrap_or_default();
    let [kind, user_facing, user_facing_locale, detail, title, body_language, content_language, headers, locales, server_language, relative, category, number] =
        <[Option<&str>; 13]>::try_from(rest).unwrap_or_default();
    let mut failure = facts(fact_strings, n.error_status, n.status_code, flags);
    failure.response_headers = headers.map(HeaderView::Joined);
    let carried = carried_wait_ms(&failure, n.now);
    let input = MessageInput {
        number: (flags & flag::NUMBER != 0).then_some(n.number),
        is_object: flags & flag::OBJECT != 0,
        status: (!n.status.is_nan()).then_some(n.status),
        kind,
        failure,
        retry_after_ms: Some(n.input_retry_after_ms)
            .filter(|ms| !ms.is_nan())
            .or(carried),
        user_facing,
        user_facing_locale,
        detail,
        title,
        body_language,
        content_language,
        has_field_errors: flags & flag::FIELD_ERRORS != 0,
    };
    let retry_after_ms = if flags & flag::RETRY_AFTER != 0 {
        let ms = n.retry_after_ms;
        if !(ms.is_finite() && ms >= 0.0) {
            let mut m = String::from("options.retryAfterMs must be a finite number >= 0, got ");
            m.push_str(&js_number(ms));
            return Err(ArgError::range_error(m));
        }
        Some(ms)
    } else {
        None
    };
    let tags: Vec<&str> = locales
        .map(|l| l.split('\0').filter(|t| !t.is_empty()).collect())
        .unwrap_or_default();
    let options = MessageOptions {
        locales: &tags,
        retry_after_ms,
        include_server_detail: flags & flag::SERVER_DETAIL != 0,
        server_language,
        highlighted_fields: (flags & flag::HAS_HIGHLIGHTED != 0)
            .then_some(flags & flag::HIGHLIGHTED != 0),
        sign_in: flags & flag::NO_SIGN_IN == 0,
        support_link: flags & flag::SUPPORT_LINK != 0,
    };
    let request = message_request(&input, &options);
    let intl = TwoCalls {
        second: flags & flag::PHRASE != 0,
        relative,
        plural: category.and_then(Plural::from_name).zip(number),
        unit: request
            .retry_after_ms
            .and_then(wait_amount)
            .map_or(Unit::Second, |(_, unit)| unit),
        asked: Cell::new(None),
    };
    // The record is written while the store is borrowed: catalog texts go out as references
    // (the JavaScript layer decodes each once), composed texts as copies.
    Ok(messages::with_user_message(
        &request,
        &intl,
        |m| match intl.asked.take() {
            Some((locale, value)) => io::answer(|out| {
                out.u8(1);
                out.str(&locale);
                out.f64(value);
                out.u8(intl.unit as u8);
            }),
            None => io::answer(|out| {
                out.u8(0);
                let borrowed = |t: &Cow<'_, str>| matches!(t, Cow::Borrowed(_));
                text_field(out, &m.title, borrowed(&m.title));
                text_field(out, &m.message, borrowed(&m.message));
                text_field(out, &m.action, borrowed(&m.action));
                out.u8(m.kind as u8);
                text_field(out, &m.locale, borrowed(&m.locale));
                out.u8(m.dir as u8);
            }),
        },
    ))
}

/// A message text: a reference when it is the store's (or static) text, else a copy.
fn text_field(out: &mut Out, text: &str, borrowed: bool) {
    if borrowed {
        out.lasting(text);
    } else {
        out.str(text);
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
