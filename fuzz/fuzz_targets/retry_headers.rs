//! Retry-After / RateLimit / HTTP-date parsers on arbitrary text.
//!
//! Input (readable, so seeds are plain text): an optional first line `now=<number>` (epoch ms;
//! also `now=nan`, `now=inf`), then `name: value` header lines. Every line (and the whole
//! input) is also fed to each parser on its own. Checked: no panic, every wait finite and
//! >= 0, an HTTP-date that parses re-parses to the same instant when written back as an
//! IMF-fixdate, and every IMF-fixdate or asctime date the `httpdate` crate accepts is accepted
//! with the same value (ours is more lenient about case and spaces, never stricter).
#![no_main]

use http_triage::retry::{
    parse_http_date, parse_ratelimit_field, parse_reset, parse_retry_after, server_wait, Headers,
};
use libfuzzer_sys::fuzz_target;

const NOWS: [f64; 4] = [1_700_000_000_000.0, 0.0, 8.64e15, -8.64e15];

fn check_wait(what: &str, input: &str, ms: Option<f64>) {
    if let Some(ms) = ms {
        assert!(ms.is_finite() && ms >= 0.0, "{what}({input:?}) gave {ms}");
    }
}

/// Days since 1970-01-01 to (year, month, day) (Howard Hinnant's algorithm).
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = (if mp < 10 { mp + 3 } else { mp - 9 }) as u32;
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

fn imf_fixdate(secs: i64) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    let days = secs.div_euclid(86_400);
    let rest = secs.rem_euclid(86_400);
    let (y, m, d) = civil(days);
    if !(0..=9999).contains(&y) {
        return None;
    }
    Some(format!(
        "{}, {:02} {} {:04} {:02}:{:02}:{:02} GMT",
        DAYS[days.rem_euclid(7) as usize],
        d,
        MONTHS[(m - 1) as usize],
        y,
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    ))
}

fn parse_now(line: &str) -> Option<f64> {
    let v = line.strip_prefix("now=")?.trim();
    Some(match v {
        "nan" => f64::NAN,
        "inf" => f64::INFINITY,
        "-inf" => f64::NEG_INFINITY,
        _ => v.parse().ok()?,
    })
}

/// `httpdate` as an oracle: what it accepts in the IMF-fixdate and asctime forms we accept with
/// the same value. (Its RFC 850 two-digit-year rule is not RFC 9110's, so that form is skipped.)
fn oracle(value: &str, now: f64) {
    let trimmed = value.trim();
    if trimmed.contains('-') || trimmed.len() > 64 {
        return;
    }
    if let Ok(time) = httpdate::parse_http_date(trimmed) {
        let Ok(since) = time.duration_since(std::time::UNIX_EPOCH) else {
            return;
        };
        assert_eq!(
            parse_http_date(value, now),
            i64::try_from(since.as_secs()).ok(),
            "httpdate accepts {value:?}"
        );
    }
}

fn one_value(value: &str, now: f64, reference: f64) {
    oracle(value, now);
    if let Some(secs) = parse_http_date(value, now) {
        if let Some(text) = imf_fixdate(secs) {
            assert_eq!(
                parse_http_date(&text, now),
                Some(secs),
                "{value:?} parsed to {secs}, written back as {text:?}"
            );
        }
    }
    check_wait(
        "parse_retry_after",
        value,
        parse_retry_after(value, || reference, now),
    );
    check_wait("parse_reset", value, parse_reset(value, || reference, now));
    check_wait("parse_ratelimit_field", value, parse_ratelimit_field(value));
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut lines = text.lines().peekable();
    let now = lines.peek().and_then(|l| parse_now(l));
    if now.is_some() {
        lines.next();
    }
    let now = now.unwrap_or(NOWS[data.len() % NOWS.len()]);
    let mut pairs = Vec::new();
    for line in lines {
        one_value(line, now, if now.is_finite() { now } else { 0.0 });
        if let Some((name, value)) = line.split_once(':') {
            one_value(value, now, 1_700_000_000_000.0);
            pairs.push((name.trim(), value));
        }
    }
    one_value(&text, now, now);
    let headers = Headers::from_pairs(pairs.iter().copied());
    assert!(headers.len() <= Headers::MAX_ENTRIES);
    for now in [now, NOWS[0]] {
        if let Some(wait) = server_wait(&headers, now) {
            assert!(
                wait.ms.is_finite() && wait.ms >= 0.0,
                "server_wait gave {wait:?} for {headers:?} at {now}"
            );
        }
    }
});
