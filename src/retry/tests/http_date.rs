use super::super::http_date::{civil_from_days, days_from_civil, parse_http_date};
use super::{NOW, RFC_EXAMPLE};

/// Epoch ms of a UTC civil time, for readable test clocks.
fn at(y: i64, mo: u32, d: u32, h: i64, mi: i64, s: i64) -> f64 {
    ((days_from_civil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + s) * 1000) as f64
}

#[test]
fn the_three_rfc_9110_forms_of_the_example_date() {
    assert_eq!(
        parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT", NOW),
        Some(RFC_EXAMPLE)
    );
    assert_eq!(
        parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT", NOW),
        Some(RFC_EXAMPLE)
    );
    assert_eq!(
        parse_http_date("Sun Nov  6 08:49:37 1994", NOW),
        Some(RFC_EXAMPLE)
    );
}

#[test]
fn lenient_about_case_spaces_and_padding() {
    for s in [
        "sun, 06 nov 1994 08:49:37 gmt",
        "  Sun, 06 Nov 1994 08:49:37 GMT  ",
        "Sun,  6 Nov 1994 08:49:37 GMT",
        "SUNDAY, 06-NOV-94 08:49:37 GMT",
        "Sunday, 06-Nov-1994 08:49:37 GMT",
        "Sun Nov 06 08:49:37 1994",
    ] {
        assert_eq!(parse_http_date(s, NOW), Some(RFC_EXAMPLE), "{s}");
    }
}

#[test]
fn epoch_and_leap_days() {
    assert_eq!(
        parse_http_date("Thu, 01 Jan 1970 00:00:00 GMT", NOW),
        Some(0)
    );
    assert_eq!(
        parse_http_date("Thu, 29 Feb 2024 12:00:00 GMT", NOW),
        Some(1_709_208_000)
    );
    assert_eq!(
        parse_http_date("Tue, 29 Feb 2000 00:00:00 GMT", NOW),
        Some(951_782_400)
    );
    assert_eq!(
        parse_http_date("Wed, 31 Dec 1969 23:59:59 GMT", NOW),
        Some(-1)
    );
}

#[test]
fn rejects_malformed_dates() {
    for s in [
        "",
        "GMT",
        "yesterday",
        "Sun, 06 Nov 1994 08:49:37",
        "Sun, 06 Nov 1994 08:49:37 GMT junk",
        "Sun, 06 Nov 1994 08:49:37 PST",
        "Sun, 31 Nov 1994 08:49:37 GMT",
        "Wed, 29 Feb 2023 08:49:37 GMT",
        "Mon, 29 Feb 1900 00:00:00 GMT",
        "Sun, 06 Nov 1994 24:00:00 GMT",
        "Sun, 06 Nov 1994 08:60:00 GMT",
        "Sun, 06 Nov 1994 08:49:61 GMT",
        "Sun, 00 Nov 1994 08:49:37 GMT",
        "Sun, 06 Foo 1994 08:49:37 GMT",
        "Sun, 06 Nov 94 08:49:37 GMT",
        "Sun, 006 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 19945 08:49:37 GMT",
        "Sun, 06 Nov 1994 8:49:37 GMT",
        "Funday, 06 Nov 1994 08:49:37 GMT",
        "Sun 06 Nov 1994 08:49:37 GMT",
        "Sunday, 06-Nov-9 08:49:37 GMT",
        "Sun Nov  6 08:49:37 94",
        "Sun Nov  6 08:49:37 1994 GMT",
        "Sun, 06 Nov 1994 08:49:37 GMT\u{0}",
        "Sün, 06 Nov 1994 08:49:37 GMT",
        "120",
    ] {
        assert_eq!(parse_http_date(s, NOW), None, "{s:?}");
    }
}

#[test]
fn two_digit_years_within_50_years_ahead_stay_in_this_century() {
    let now = at(2026, 1, 1, 0, 0, 0);
    let year = |s: &str| parse_http_date(s, now).map(|t| civil_from_days(t.div_euclid(86_400)).0);
    assert_eq!(year("Sunday, 06-Nov-94 08:49:37 GMT"), Some(1994));
    assert_eq!(year("Thursday, 01-Jan-26 00:00:00 GMT"), Some(2026));
    assert_eq!(year("Saturday, 01-Jan-00 00:00:00 GMT"), Some(2000));
    assert_eq!(year("Wednesday, 01-Jan-75 00:00:00 GMT"), Some(2075));
    // 2077 is more than 50 years ahead: the most recent past year with those digits.
    assert_eq!(year("Saturday, 01-Jan-77 00:00:00 GMT"), Some(1977));
    assert_eq!(year("Friday, 31-Dec-99 23:59:59 GMT"), Some(1999));
}

#[test]
fn the_50_year_boundary_is_to_the_second() {
    let now = at(2026, 6, 15, 12, 0, 0);
    let exact = parse_http_date("Monday, 15-Jun-76 12:00:00 GMT", now);
    assert_eq!(exact, Some((at(2076, 6, 15, 12, 0, 0) / 1000.0) as i64));
    let past = parse_http_date("Monday, 15-Jun-76 12:00:01 GMT", now);
    assert_eq!(past, Some((at(1976, 6, 15, 12, 0, 1) / 1000.0) as i64));
}

#[test]
fn two_digit_years_late_in_a_century_can_mean_the_next_one() {
    // In mid-2099, "01" is best read as 2101 (2 years ahead), not 2001 (98 years ago).
    let now = at(2099, 6, 1, 0, 0, 0);
    let t = parse_http_date("Saturday, 01-Jan-01 00:00:00 GMT", now);
    assert_eq!(t, Some((at(2101, 1, 1, 0, 0, 0) / 1000.0) as i64));
}

#[test]
fn two_digit_years_survive_absurd_clocks() {
    for now in [
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        -1e300,
        1e300,
        0.0,
    ] {
        assert!(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT", now).is_some());
    }
}

#[test]
fn civil_conversions_round_trip() {
    for days in (-800_000..3_000_000).step_by(997) {
        let (y, m, d) = civil_from_days(days);
        assert_eq!(days_from_civil(y, m, d), days);
    }
    assert_eq!(civil_from_days(0), (1970, 1, 1));
    assert_eq!(civil_from_days(-1), (1969, 12, 31));
    assert_eq!(days_from_civil(2000, 3, 1), 11_017);
}
