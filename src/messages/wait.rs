//! Waiting phrases: how long until the user can try again, as the `{when}` of a `waitAction`.
//!
//! The core picks the unit and the value; the platform's `Intl` turns them into words (see
//! [`Intl`]). Rounding always goes up, so the user is never told to come back too early:
//!
//! | wait                          | value and unit                                 |
//! |-------------------------------|------------------------------------------------|
//! | 0 ms                          | 0 seconds ("now")                              |
//! | under 90 s (after rounding)   | whole seconds, rounded up, at least 1          |
//! | under 90 min                  | whole minutes, rounded up                      |
//! | under 36 h                    | whole hours, rounded up                        |
//! | up to 366 days                | whole days, rounded up                         |
//! | negative, NaN, infinite, over 366 days | no known wait: the plain action       |
//!
//! Words: by default `Intl.RelativeTimeFormat` ("in 30 seconds", "dans 30 secondes"). Where its
//! phrase reads wrong inside the locale's `waitAction` sentence (Japanese "30 秒後" spaced,
//! Arabic "خلال" "within" where "بعد" "after" is meant, Hebrew "בעוד שנייה (1)"), the catalog
//! carries a [`WhenTable`]: per unit, templates per plural category, the category picked by
//! `Intl.PluralRules` and `{n}` filled by `Intl.NumberFormat`. The fix is data of that locale,
//! never a branch on the language in code.

/// The placeholder of a [`WhenTable`] template; replaced by the formatted number.
pub const N: &str = "{n}";

/// A CLDR plural category, as `Intl.PluralRules.prototype.select` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Plural {
    /// `zero`.
    Zero,
    /// `one`.
    One,
    /// `two`.
    Two,
    /// `few`.
    Few,
    /// `many`.
    Many,
    /// `other`: every language has it.
    Other,
}

/// The plural category names, in [`Plural`] order.
pub const PLURALS: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

impl Plural {
    /// Every category, in CLDR order.
    pub const ALL: [Plural; 6] = [
        Plural::Zero,
        Plural::One,
        Plural::Two,
        Plural::Few,
        Plural::Many,
        Plural::Other,
    ];

    /// The category named `name` (`"one"`); `None` for anything else.
    pub fn from_name(name: &str) -> Option<Plural> {
        let i = PLURALS.iter().position(|p| *p == name)?;
        Plural::ALL.get(i).copied()
    }
}

/// The members of a `when` table, in [`WhenTable::phrases`] order: `now`, then per unit the
/// plural forms `<unit>.zero` … `<unit>.many` and the `other` form, named just `<unit>`.
pub const WHEN_KEYS: [&str; 25] = [
    "now",
    "second.zero",
    "second.one",
    "second.two",
    "second.few",
    "second.many",
    "second",
    "minute.zero",
    "minute.one",
    "minute.two",
    "minute.few",
    "minute.many",
    "minute",
    "hour.zero",
    "hour.one",
    "hour.two",
    "hour.few",
    "hour.many",
    "hour",
    "day.zero",
    "day.one",
    "day.two",
    "day.few",
    "day.many",
    "day",
];

/// A locale's own waiting phrases (the catalog member `when`), for where
/// `Intl.RelativeTimeFormat`'s read wrong in the locale's `waitAction`:
///
/// ```json
/// { "now": "今すぐ", "second": "{n}秒後に", "minute": "{n}分後に",
///   "second.one": "…", "second.two": "…" }
/// ```
///
/// `now` is the phrase for a wait of 0. `<unit>` (`second`, `minute`, `hour`, `day`) is the
/// template for the plural category `other` and must contain `{n}`; `<unit>.<category>`
/// (`zero`, `one`, `two`, `few`, `many`) are the other categories' templates, which may spell the
/// number out ("ثانية واحدة"). A unit the table leaves out is phrased by
/// `Intl.RelativeTimeFormat`. A catalog's table replaces an earlier one of the same locale as a
/// whole.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WhenTable {
    /// The phrases, in [`WHEN_KEYS`] order (a vector, not an array: 25 strings moved and
    /// dropped as one pointer keep the parser small in the wasm).
    pub phrases: Vec<Option<String>>,
}

impl WhenTable {
    /// The template of `unit` for `category`.
    pub fn form(&self, unit: Unit, category: Plural) -> Option<&str> {
        let i = 1 + unit as usize * 6 + category as usize;
        self.phrases.get(i).and_then(|p| p.as_deref())
    }
}

/// What the platform's `Intl` gives the core for a waiting phrase.
pub trait Intl {
    /// `new Intl.RelativeTimeFormat(locale).format(value, unit)` for a future time ("in 30
    /// seconds"); for a value of 0, the locale's word for "now". `None` when the platform cannot
    /// format for `locale`.
    fn relative(&self, locale: &str, value: f64, unit: Unit) -> Option<String>;

    /// `new Intl.PluralRules(locale).select(value)` and `new Intl.NumberFormat(locale)
    /// .format(value)`. `None` when the platform has no plural rules (a table's `other` form
    /// and plain digits are used then).
    fn plural(&self, _locale: &str, _value: f64) -> Option<(Plural, String)> {
        None
    }
}

/// Any `(locale, value, unit) -> words` function is an [`Intl`] without plural rules.
impl<F: Fn(&str, f64, Unit) -> Option<String>> Intl for F {
    fn relative(&self, locale: &str, value: f64, unit: Unit) -> Option<String> {
        self(locale, value, unit)
    }
}

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
    /// Every unit, shortest first.
    pub const ALL: [Unit; 4] = [Unit::Second, Unit::Minute, Unit::Hour, Unit::Day];

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
/// `"in 30 seconds"`, or `None` when it cannot format for that locale. Any such function is an
/// [`Intl`] without plural rules.
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

/// The waiting phrase for `ms` in `locale`: from `table` where it covers the unit (or "now"),
/// else `Intl.RelativeTimeFormat`'s words, else the built-in English phrase when `locale` is
/// English, else `None` (the caller then shows the plain action).
pub fn when_phrase(
    locale: &str,
    table: Option<&WhenTable>,
    ms: f64,
    intl: &dyn Intl,
) -> Option<String> {
    let (value, unit) = wait_amount(ms)?;
    if let Some(table) = table {
        if value == 0.0 {
            if let Some(Some(now)) = table.phrases.first() {
                return Some(now.clone());
            }
        } else if let Some(other) = table.form(unit, Plural::Other) {
            let (category, number) = intl
                .plural(locale, value)
                .unwrap_or_else(|| (Plural::Other, crate::error::js_number(value)));
            let template = table.form(unit, category).unwrap_or(other);
            return Some(crate::substr::replace(template, N, &number));
        }
    }
    intl.relative(locale, value, unit)
        .filter(|s| !s.trim().is_empty())
        .or_else(|| is_english(locale).then(|| english_phrase(value, unit)))
}

/// Replaces every `{when}` of `template` with `when`.
pub fn fill_when(template: &str, when: &str) -> String {
    crate::substr::replace(template, super::catalog::WHEN, when)
}
