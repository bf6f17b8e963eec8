use super::{english, store_with};
use crate::kind::Kind;
use crate::messages::wait::{
    english_formatter, english_phrase, no_formatter, wait_amount, Unit, MAX_WAIT_MS,
};
use crate::messages::{MessageRequest, MessageStore};

fn timed_action(
    store: &MessageStore,
    kind: Kind,
    locales: &[&str],
    ms: f64,
    format: &dyn crate::messages::Intl,
) -> String {
    let request = MessageRequest {
        locales,
        retry_after_ms: Some(ms),
        ..MessageRequest::new(kind)
    };
    store.user_message(&request, format).action.into_owned()
}

fn plain(kind: Kind) -> String {
    english()
        .kinds
        .get(&kind)
        .and_then(|e| e.action().map(str::to_string))
        .unwrap_or_default()
}

#[test]
fn units_and_rounding() {
    let table: [(f64, Option<(f64, Unit)>); 17] = [
        (0.0, Some((0.0, Unit::Second))),
        (1.0, Some((1.0, Unit::Second))),
        (999.0, Some((1.0, Unit::Second))),
        (1000.0, Some((1.0, Unit::Second))),
        (1001.0, Some((2.0, Unit::Second))),
        (30_000.0, Some((30.0, Unit::Second))),
        (89_000.0, Some((89.0, Unit::Second))),
        (89_001.0, Some((2.0, Unit::Minute))),
        (120_000.0, Some((2.0, Unit::Minute))),
        (89.0 * 60_000.0, Some((89.0, Unit::Minute))),
        (90.0 * 60_000.0, Some((2.0, Unit::Hour))),
        (35.0 * 3_600_000.0, Some((35.0, Unit::Hour))),
        (36.0 * 3_600_000.0, Some((2.0, Unit::Day))),
        (MAX_WAIT_MS, Some((366.0, Unit::Day))),
        (MAX_WAIT_MS + 1.0, None),
        (-1.0, None),
        (f64::NAN, None),
    ];
    for (ms, expected) in table {
        assert_eq!(wait_amount(ms), expected, "{ms}");
    }
    assert_eq!(wait_amount(f64::INFINITY), None);
    assert_eq!(wait_amount(-0.0), Some((0.0, Unit::Second)));
}

#[test]
fn english_phrases() {
    assert_eq!(english_phrase(30.0, Unit::Second), "in 30 seconds");
    assert_eq!(english_phrase(1.0, Unit::Minute), "in 1 minute");
    assert_eq!(english_phrase(2.0, Unit::Hour), "in 2 hours");
    assert_eq!(english_phrase(0.0, Unit::Second), "now");
    assert_eq!(
        english_formatter("en-GB", 3.0, Unit::Day).as_deref(),
        Some("in 3 days")
    );
    assert_eq!(english_formatter("fr", 3.0, Unit::Day), None);
}

#[test]
fn wait_phrasing_in_english() {
    let store = MessageStore::new();
    let action = |kind, ms| timed_action(&store, kind, &[], ms, &english_formatter);
    assert_eq!(
        action(Kind::RateLimited, 30_000.0),
        "Try again in 30 seconds."
    );
    assert_eq!(
        action(Kind::RateLimited, 120_000.0),
        "Try again in 2 minutes."
    );
    assert_eq!(action(Kind::RateLimited, 0.0), "Try again now.");
    assert_eq!(action(Kind::RateLimited, 400.0), "Try again in 1 second.");
    // Every kind uses the catalog's waitAction.
    assert_eq!(
        action(Kind::BadGateway, 60_000.0),
        "Try again in 60 seconds."
    );
    // Unknown waits keep the plain action.
    for ms in [-5.0, f64::NAN, f64::INFINITY, 1e300] {
        assert_eq!(
            action(Kind::RateLimited, ms),
            plain(Kind::RateLimited),
            "{ms}"
        );
    }
    // Without a formatter English still gets the built-in phrase.
    assert_eq!(
        timed_action(&store, Kind::RateLimited, &[], 30_000.0, &no_formatter),
        "Try again in 30 seconds."
    );
}

#[test]
fn wait_phrasing_in_other_locales() {
    let store = store_with(&["fr"]);
    let french = |v: f64, u: Unit| format!("dans {v} {}", u.as_str());
    let intl = |locale: &str, v: f64, u: Unit| (locale == "fr").then(|| french(v, u));
    assert_eq!(
        timed_action(&store, Kind::NotFound, &["fr-FR"], 30_000.0, &intl),
        "[fr] again dans 30 second"
    );
    // The formatter cannot do French: the plain French action, never English words.
    assert_eq!(
        timed_action(
            &store,
            Kind::NotFound,
            &["fr"],
            30_000.0,
            &english_formatter
        ),
        "[fr] go back"
    );
    // A kind French does not cover falls back to English text, English wait phrase included.
    assert_eq!(
        timed_action(
            &store,
            Kind::ServiceUnavailable,
            &["fr"],
            30_000.0,
            &english_formatter
        ),
        "Try again in 30 seconds."
    );
    // The formatter is asked with the locale of the catalog that supplied the phrase.
    let seen = std::cell::RefCell::new(Vec::new());
    let record = |locale: &str, v: f64, u: Unit| {
        seen.borrow_mut().push((locale.to_string(), v, u));
        None
    };
    let _ = timed_action(&store, Kind::RateLimited, &["fr-CA"], 7_200_000.0, &record);
    assert_eq!(
        seen.borrow().as_slice(),
        [("fr".to_string(), 2.0, Unit::Hour)]
    );
}

#[test]
fn a_pack_without_wait_phrases_keeps_its_plain_action() {
    let mut store = MessageStore::new();
    let de = crate::json::json!({ "locale": "de", "kinds": { "rate_limited": { "action": "Bitte warten." } } });
    assert!(store.add(&de).is_ok());
    let action = timed_action(
        &store,
        Kind::RateLimited,
        &["de"],
        30_000.0,
        &english_formatter,
    );
    assert_eq!(action, "Bitte warten.");
}

#[test]
fn wait_phrases_come_from_the_language_of_the_action() {
    let mut store = store_with(&["fr"]);
    let ca = crate::json::json!({ "locale": "fr-CA", "kinds": { "not_found": { "action": "Retournez en arrière." } } });
    assert!(store.add(&ca).is_ok());
    let intl = |locale: &str, v: f64, u: Unit| {
        (locale == "fr").then(|| format!("dans {v} {}", u.as_str()))
    };
    // The action comes from fr-CA, the wait phrase from fr (same language).
    assert_eq!(
        timed_action(&store, Kind::NotFound, &["fr-CA"], 5_000.0, &intl),
        "[fr] again dans 5 second"
    );
    assert_eq!(
        timed_action(&store, Kind::NotFound, &["fr-CA"], -1.0, &intl),
        "Retournez en arrière."
    );
}

/// An `Intl` with Arabic-style plural rules for the table test: 1 one, 2 two, 3..=10 few,
/// other otherwise; numbers in brackets so the test sees where they went.
struct Plurals;

impl crate::messages::Intl for Plurals {
    fn relative(&self, _: &str, v: f64, u: Unit) -> Option<String> {
        Some(format!("<intl {v} {}>", u.as_str()))
    }
    fn plural(&self, _: &str, v: f64) -> Option<(crate::messages::Plural, String)> {
        use crate::messages::Plural;
        let category = match v as u32 {
            1 => Plural::One,
            2 => Plural::Two,
            3..=10 => Plural::Few,
            _ => Plural::Other,
        };
        Some((category, format!("[{v}]")))
    }
}

#[test]
fn a_when_table_phrases_the_wait_with_plural_rules() {
    let mut store = MessageStore::new();
    let ar = crate::json::json!({ "locale": "ar", "waitAction": "حاول {when}.",
        "when": { "now": "الآن", "second": "بعد {n} ثانية", "second.one": "بعد ثانية واحدة",
                  "second.two": "بعد ثانيتين", "second.few": "بعد {n} ثوانٍ" },
        "kinds": { "rate_limited": { "action": "انتظر." } } });
    assert!(store.add(&ar).is_ok());
    let at = |ms: f64, intl: &dyn crate::messages::Intl| {
        timed_action(&store, Kind::RateLimited, &["ar"], ms, intl)
    };
    assert_eq!(at(0.0, &Plurals), "حاول الآن.");
    assert_eq!(at(1_000.0, &Plurals), "حاول بعد ثانية واحدة.");
    assert_eq!(at(2_000.0, &Plurals), "حاول بعد ثانيتين.");
    assert_eq!(at(5_000.0, &Plurals), "حاول بعد [5] ثوانٍ.");
    assert_eq!(at(30_000.0, &Plurals), "حاول بعد [30] ثانية.");
    // Units the table leaves out come from Intl.RelativeTimeFormat.
    assert_eq!(at(120_000.0, &Plurals), "حاول <intl 2 minute>.");
    // Without plural rules: the `other` form with plain digits.
    assert_eq!(at(1_000.0, &english_formatter), "حاول بعد 1 ثانية.");
    // Unknown waits keep the plain action.
    assert_eq!(at(-1.0, &Plurals), "انتظر.");
}
