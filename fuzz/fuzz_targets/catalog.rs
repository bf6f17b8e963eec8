//! The message catalog validator and the store on arbitrary JSON text.
//!
//! Input: JSON text (a catalog). `Catalog::from_json`, `Catalog::from_value` and
//! `MessageStore::add` must agree, never panic, and a store that accepted it must still write
//! a complete message for every kind in its locale (and with a wait).
#![no_main]

use http_triage::json;
use http_triage::kind::Kind;
use http_triage::messages::negotiate::{candidates, canonical_tag};
use http_triage::messages::{
    english_formatter, Catalog, MessageRequest, MessageStore, ServerText, Situations,
};
use libfuzzer_sys::fuzz_target;

/// A canonical tag is a fixed point, and so is every fallback candidate of it.
fn check_tag(tag: &str) {
    let Some(canonical) = canonical_tag(tag) else {
        return;
    };
    assert_eq!(
        canonical_tag(&canonical).as_deref(),
        Some(canonical.as_str()),
        "{tag:?}"
    );
    let chain = candidates(&canonical);
    // One candidate per subtag at most (plus the implied Chinese script forms): bounded by the
    // 255-byte tag limit, so negotiation stays cheap for any tag.
    assert!(
        chain.len() <= canonical.split('-').count() + 3,
        "{canonical}: {chain:?}"
    );
    for c in chain {
        assert_eq!(
            canonical_tag(&c).as_deref(),
            Some(c.as_str()),
            "{canonical} -> {c}"
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    check_tag(text);
    for line in text.lines().take(8) {
        check_tag(line);
    }
    let from_json = Catalog::from_json(text);
    let Ok(value) = json::parse(text) else {
        assert!(from_json.is_err());
        return;
    };
    let from_value = Catalog::from_value(&value);
    assert_eq!(from_json, from_value);
    let mut store = MessageStore::new();
    let before = store.clone();
    let added = store.add(&value);
    match (&from_value, &added) {
        (Ok(c), Ok(tag)) => {
            assert_eq!(&c.locale, tag);
            assert_eq!(
                canonical_tag(tag).as_deref(),
                Some(tag.as_str()),
                "not idempotent"
            );
            assert!(store.locales().contains(tag));
        }
        (Err(a), Err(b)) => {
            assert_eq!(a, b);
            assert_eq!(store, before, "a rejected catalog changed the store");
            assert!(!a.message.is_empty());
            assert!(
                a.message.chars().count() < 400,
                "huge error message: {}",
                a.message.len()
            );
            return;
        }
        _ => panic!("from_value {from_value:?} and add {added:?} disagree"),
    }
    // Adding the same catalog twice is the same as adding it once.
    let once = store.clone();
    store.add(&value).expect("second add");
    assert_eq!(store, once);
    let tag = added.expect("accepted");
    let locales = [tag.as_str(), "zz-Hant-XX", "en"];
    for (i, &kind) in Kind::ALL.iter().enumerate() {
        let status = [
            None,
            Some(404u16),
            Some(426),
            Some(503),
            Some(100 + (i as u16 * 13) % 500),
        ][i % 5];
        let request = MessageRequest {
            kind,
            status,
            locales: &locales,
            retry_after_ms: [None, Some(0.0), Some(30_000.0), Some(f64::NAN)][i % 4],
            server_texts: [
                Some(ServerText {
                    text,
                    language: [None, Some(tag.as_str()), Some("en")][i % 3],
                }),
                None,
                None,
            ],
            include_server_detail: i % 2 == 0,
            situations: Situations((i % 8) as u8),
        };
        let m = store.user_message(&request, &english_formatter);
        assert!(
            !m.title.trim().is_empty()
                && !m.message.trim().is_empty()
                && !m.action.trim().is_empty()
        );
        assert!(store.locales().iter().any(|l| *l == m.locale));
    }
});
