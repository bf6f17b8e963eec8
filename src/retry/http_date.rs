//! HTTP-date parsing (RFC 9110 §5.6.7): IMF-fixdate, the obsolete RFC 850 form (with the
//! two-digit-year rule) and ANSI C asctime. No allocation; never panics.

const SECS_PER_DAY: i64 = 86_400;
/// The largest |epoch ms| a JavaScript `Date` can hold; `now` is clamped to it.
const MAX_JS_DATE_MS: f64 = 8.64e15;

const MONTHS: [&[u8; 3]; 12] = [
    b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov", b"dec",
];
const DAYS_SHORT: [&[u8]; 7] = [b"mon", b"tue", b"wed", b"thu", b"fri", b"sat", b"sun"];
const DAYS_LONG: [&[u8]; 7] = [
    b"monday",
    b"tuesday",
    b"wednesday",
    b"thursday",
    b"friday",
    b"saturday",
    b"sunday",
];

/// Parses an HTTP-date in any of the three forms RFC 9110 §5.6.7 requires recipients to
/// accept, returning seconds since the Unix epoch.
///
/// `now_ms` (epoch milliseconds) is needed only for the RFC 850 form's two-digit year: a
/// date that would be more than 50 years after `now_ms` is taken to be in the previous
/// century. Parsing is lenient about letter case and repeated spaces, strict about field
/// ranges (month days, 00:00:00–23:59:60) and about trailing junk.
///
/// ```
/// use http_triage::retry::parse_http_date;
/// let now = 1_700_000_000_000.0;
/// assert_eq!(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT", now), Some(784_111_777));
/// assert_eq!(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT", now), Some(784_111_777));
/// assert_eq!(parse_http_date("Sun Nov  6 08:49:37 1994", now), Some(784_111_777));
/// assert_eq!(parse_http_date("yesterday", now), None);
/// ```
pub fn parse_http_date(value: &str, now_ms: f64) -> Option<i64> {
    let mut c = Cursor {
        s: value.trim_ascii().as_bytes(),
        i: 0,
    };
    let day_name = c.alpha();
    // The first three letters name the day; a longer name must be the whole day name.
    let day = DAYS_SHORT.iter().position(|d| key3(d) == key3(day_name))?;
    if day_name.len() != 3 && !day_name.eq_ignore_ascii_case(DAYS_LONG[day]) {
        return None;
    }
    if c.eat(b',') {
        c.spaces();
        let day = c.digits(1, 2)?;
        if c.eat(b'-') {
            // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
            let month = month(c.alpha())?;
            if !c.eat(b'-') {
                return None;
            }
            let year_start = c.i;
            let year = c.digits(2, 4)?;
            let two_digit = c.i - year_start == 2;
            c.require_spaces()?;
            let (h, m, s) = c.time()?;
            c.require_spaces()?;
            c.gmt()?;
            c.end()?;
            if two_digit {
                return two_digit_year(year, month, day, h, m, s, now_ms);
            }
            return to_epoch(i64::from(year), month, day, h, m, s);
        }
        // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
        c.require_spaces()?;
        let month = month(c.alpha())?;
        c.require_spaces()?;
        let year = c.digits(4, 4)?;
        c.require_spaces()?;
        let (h, m, s) = c.time()?;
        c.require_spaces()?;
        c.gmt()?;
        c.end()?;
        return to_epoch(i64::from(year), month, day, h, m, s);
    }
    // asctime: Sun Nov  6 08:49:37 1994
    c.require_spaces()?;
    let month = month(c.alpha())?;
    c.require_spaces()?;
    let day = c.digits(1, 2)?;
    c.require_spaces()?;
    let (h, m, s) = c.time()?;
    c.require_spaces()?;
    let year = c.digits(4, 4)?;
    c.end()?;
    to_epoch(i64::from(year), month, day, h, m, s)
}

/// `now_ms` as whole epoch seconds, clamped to the JavaScript `Date` range (NaN → 0).
pub(crate) fn now_secs(now_ms: f64) -> i64 {
    let ms = if now_ms.is_nan() {
        0.0
    } else {
        now_ms.clamp(-MAX_JS_DATE_MS, MAX_JS_DATE_MS)
    };
    (ms / 1000.0).floor() as i64
}

/// RFC 9110 §5.6.7: a two-digit year that would put the date more than 50 years after now
/// means the most recent past year with those digits. The year is chosen in the 100-year
/// window that ends exactly 50 years after `now_ms`.
fn two_digit_year(
    yy: u32,
    month: u32,
    day: u32,
    h: u32,
    m: u32,
    s: u32,
    now_ms: f64,
) -> Option<i64> {
    let now = now_secs(now_ms);
    let (now_year, now_month, now_day) = civil_from_days(now.div_euclid(SECS_PER_DAY));
    let limit = days_from_civil(now_year + 50, now_month, now_day) * SECS_PER_DAY
        + now.rem_euclid(SECS_PER_DAY);
    let mut year = now_year.div_euclid(100) * 100 + i64::from(yy);
    let at = |y: i64| to_epoch(y, month, day, h, m, s);
    if at(year)? > limit {
        year -= 100;
    } else if at(year + 100)? <= limit {
        year += 100;
    }
    at(year)
}

/// Epoch seconds of a validated civil date and time (UTC).
fn to_epoch(year: i64, month: u32, day: u32, h: u32, m: u32, s: u32) -> Option<i64> {
    if !(1..=12).contains(&month)
        || day < 1
        || day > days_in_month(year, month)
        || h > 23
        || m > 59
        || s > 60
    {
        return None;
    }
    Some(
        days_from_civil(year, month, day) * SECS_PER_DAY
            + i64::from(h) * 3600
            + i64::from(m) * 60
            + i64::from(s),
    )
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub(crate) fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = i64::from((month + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The proleptic Gregorian (year, month, day) of a day count since 1970-01-01.
pub(crate) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = (if mp < 10 { mp + 3 } else { mp - 9 }) as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The 1-based month of a three-letter English month name, any case.
fn month(name: &[u8]) -> Option<u32> {
    if name.len() != 3 {
        return None;
    }
    let key = key3(name);
    let index = MONTHS.iter().position(|m| key3(*m) == key)?;
    Some(index as u32 + 1)
}

/// The first three bytes of an ASCII word, lowercased and packed into one integer (0 for a
/// shorter word), so a name is compared in one step. Callers pass letters only.
#[inline(always)]
fn key3(word: &[u8]) -> u32 {
    match word {
        [a, b, c, ..] => u32::from_be_bytes([0, a | 0x20, b | 0x20, c | 0x20]),
        _ => 0,
    }
}

struct Cursor<'a> {
    s: &'a [u8],
    i: usize,
}

impl<'a> Cursor<'a> {
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    #[inline(always)]
    fn eat(&mut self, b: u8) -> bool {
        if self.peek() == Some(b) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    #[inline(always)]
    fn take_while(&mut self, f: impl Fn(u8) -> bool) -> &'a [u8] {
        let start = self.i;
        while self.peek().is_some_and(&f) {
            self.i += 1;
        }
        self.s.get(start..self.i).unwrap_or_default()
    }

    #[inline(always)]
    fn alpha(&mut self) -> &'a [u8] {
        self.take_while(|b| b.is_ascii_alphabetic())
    }

    #[inline(always)]
    fn spaces(&mut self) -> usize {
        self.take_while(|b| b == b' ').len()
    }

    #[inline(always)]
    fn require_spaces(&mut self) -> Option<()> {
        (self.spaces() > 0).then_some(())
    }

    /// Between `min` and `max` ASCII digits (more digits are an error).
    #[inline(always)]
    fn digits(&mut self, min: usize, max: usize) -> Option<u32> {
        let run = self.take_while(|b| b.is_ascii_digit());
        if run.len() < min || run.len() > max {
            return None;
        }
        Some(run.iter().fold(0, |n, &d| n * 10 + u32::from(d - b'0')))
    }

    fn time(&mut self) -> Option<(u32, u32, u32)> {
        let h = self.digits(2, 2)?;
        if !self.eat(b':') {
            return None;
        }
        let m = self.digits(2, 2)?;
        if !self.eat(b':') {
            return None;
        }
        let s = self.digits(2, 2)?;
        Some((h, m, s))
    }

    #[inline(always)]
    fn gmt(&mut self) -> Option<()> {
        self.alpha().eq_ignore_ascii_case(b"GMT").then_some(())
    }

    #[inline(always)]
    fn end(&self) -> Option<()> {
        (self.i == self.s.len()).then_some(())
    }
}
