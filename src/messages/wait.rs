//! Waiting phrases: how long until the user can try again, as the `{when}` of a `waitAction`.
//!
//! The core picks the unit and the value; an injected formatter (in the browser,
//! `Intl.RelativeTimeFormat` with `numeric: "auto"`) turns them into words. Rounding always
//! goes up, so the user is never told to come back too early:
//!
//! | wait                          | value and unit                                 |
//! |-------------------------------|------------------------------------------------|
//! | 0 ms                          | 0 seconds ("now")                              |
//! | under 90 s (after rounding)   | whole seconds, rounded up, at least 1          |
//! | under 90 min                  | whole minutes, rounded up                      |
//! | under 36 h                    | whole hours, rounded up                        |
//! | up to 366 days                | whole days, rounded up                         |
//! | negative, NaN, infinite, over 366 days | no known wait: the plain action       |

/// A wait longer than this (366 days, in milliseconds) is treated as unknown.
pub const MAX_WAIT_MS: f64 = 366.0 * 86_400_000.0;

/// The unit of a waiting phrase, named as `Intl.RelativeTimeFormat` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
}

impl Unit {
    /// `"second"`, `"minute"`, `"hour"` or `"day"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Unit::Second => "second",
            Unit::Minute => "minute",
            Unit::Hour => "hour",
            Unit::Day => "day",
        }
    }
}

/// Formats a relative time in the future: `(locale, value, unit)` to words such as
/// `"in 30 seconds"`, or `None` when it cannot format for that locale.
pub type Formatter<'f> = dyn Fn(&str, f64, Unit) -> Option<String> + 'f;

/// The value and unit for a wait of `ms` milliseconds, or `None` when the wait is not known
/// (negative, not finite, or over [`MAX_WAIT_MS`]).
pub fn wait_amount(ms: f64) -> Option<(f64, Unit)> {
    // NaN and infinities are outside the range too.
    if !(0.0..=MAX_WAIT_MS).contains(&ms) {
        return None;
    }
    if ms == 0.0 {
        return Some((0.0, Unit::Second));
    }
    let seconds = (ms / 1000.0).ceil().max(1.0);
    if seconds < 90.0 {
        return Some((seconds, Unit::Second));
    }
    let minutes = (ms / 60_000.0).ceil();
    if minutes < 90.0 {
        return Some((minutes, Unit::Minute));
    }
    let hours = (ms / 3_600_000.0).ceil();
    if hours < 36.0 {
        return Some((hours, Unit::Hour));
    }
    Some(((ms / 86_400_000.0).ceil(), Unit::Day))
}

/// The built-in English phrase: `"now"` for 0, else `"in 1 minute"`, `"in 30 seconds"`.
pub fn english_phrase(value: f64, unit: Unit) -> String {
    if value == 0.0 {
        return "now".to_string();
    }
    let plural = if value == 1.0 { "" } else { "s" };
    format!(
        "in {} {}{plural}",
        crate::error::js_number(value),
        unit.as_str()
    )
}

/// True for English tags (`en`, `en-GB`, …).
pub fn is_english(locale: &str) -> bool {
    super::negotiate::language_of(locale).eq_ignore_ascii_case("en")
}

/// A [`Formatter`] that only knows English: the built-in phrase for English locales, `None`
/// for the others. Useful for native tests and as a stand-in when no `Intl` is available.
pub fn english_formatter(locale: &str, value: f64, unit: Unit) -> Option<String> {
    is_english(locale).then(|| english_phrase(value, unit))
}

/// A [`Formatter`] that never formats (only English then gets a waiting phrase, the built-in
/// one).
pub fn no_formatter(_locale: &str, _value: f64, _unit: Unit) -> Option<String> {
    None
}

/// The waiting phrase for `ms` in `locale`: the formatter's words, else the built-in English
/// phrase when `locale` is English, else `None` (the caller then shows the plain action).
pub fn when_phrase(locale: &str, ms: f64, format: &Formatter<'_>) -> Option<String> {
    let (value, unit) = wait_amount(ms)?;
    format(locale, value, unit)
        .filter(|s| !s.trim().is_empty())
        .or_else(|| is_english(locale).then(|| english_phrase(value, unit)))
}

/// Replaces every `{when}` of `template` with `when`.
pub fn fill_when(template: &str, when: &str) -> String {
    crate::substr::replace(template, super::catalog::WHEN, when)
}
