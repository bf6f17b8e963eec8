use super::{message, store_with};
use crate::kind::Kind;
use crate::messages::negotiate::{candidates, canonical_tag};

const REGISTERED: [&str; 6] = ["fr", "de", "zh", "zh-Hant", "pt", "es"];

#[test]
fn canonical_forms() {
    let table: [(&str, Option<&str>); 16] = [
        ("fr-CA", Some("fr-CA")),
        ("FR_ca", Some("fr-CA")),
        (" en-gb ", Some("en-GB")),
        ("zh-hant-tw", Some("zh-Hant-TW")),
        ("ZH_HANS", Some("zh-Hans")),
        ("es-419", Some("es-419")),
        ("sr-latn-rs", Some("sr-Latn-RS")),
        ("en-US-u-ca-Gregory", Some("en-US-u-ca-gregory")),
        ("iw", Some("he")),
        ("", None),
        ("en-", None),
        ("e", None),
        ("x-private", None),
        ("en-u", None),
        ("fr--CA", None),
        ("en-toolongsubtag", None),
    ];
    for (input, expected) in table {
        assert_eq!(canonical_tag(input).as_deref(), expected, "{input:?}");
    }
    assert_eq!(canonical_tag("*"), None);
    assert_eq!(canonical_tag("12"), None);
    assert_eq!(canonical_tag(&"a".repeat(300)), None);
}

#[test]
fn candidate_chains() {
    assert_eq!(candidates("fr-CA"), ["fr-CA", "fr"]);
    // RFC 4647 lookup: a trailing singleton goes with the subtag after it.
    assert_eq!(
        candidates("en-US-u-ca-gregory"),
        ["en-US-u-ca-gregory", "en-US-u-ca", "en-US", "en"]
    );
    assert_eq!(candidates("zh-TW"), ["zh-TW", "zh-Hant-TW", "zh-Hant"]);
    assert_eq!(candidates("zh-Hant-TW"), ["zh-Hant-TW", "zh-TW", "zh-Hant"]);
    assert_eq!(
        candidates("zh-CN"),
        ["zh-CN", "zh-Hans-CN", "zh-Hans", "zh"]
    );
    assert_eq!(candidates("zh-Hans"), ["zh-Hans", "zh"]);
    assert_eq!(candidates("zh"), ["zh", "zh-Hans"]);
    assert_eq!(candidates("zh-Hant-CN"), ["zh-Hant-CN", "zh-Hant"]);
    // Norwegian and Nynorsk readers fall back to Bokmål.
    assert_eq!(candidates("no-NO"), ["no-NO", "no", "nb"]);
    assert_eq!(candidates("nn"), ["nn", "nb"]);
    assert_eq!(candidates("nb-NO"), ["nb-NO", "nb"]);
}

#[test]
fn negotiation_table() {
    let store = store_with(&REGISTERED);
    let table: [(&[&str], &str); 22] = [
        (&["fr-CA"], "fr"),
        (&["FR_ca"], "fr"),
        (&["fr"], "fr"),
        (&["de-AT"], "de"),
        (&["zh-TW"], "zh-Hant"),
        (&["zh-HK"], "zh-Hant"),
        (&["zh-MO"], "zh-Hant"),
        (&["zh-Hant-TW"], "zh-Hant"),
        (&["zh-hant"], "zh-Hant"),
        (&["zh-CN"], "zh"),
        (&["zh-SG"], "zh"),
        (&["zh-Hans"], "zh"),
        (&["zh"], "zh"),
        (&["pt-BR"], "pt"),
        (&["es-419"], "es"),
        (&["en-GB"], "en"),
        (&["xx", "de"], "de"),
        (&["xx"], "en"),
        (&["", "!!", "e", "-", "en-", "x-private", "12"], "en"),
        (&["junk!!", "pt_PT"], "pt"),
        (&["en-GB", "fr"], "en"),
        (&[], "en"),
    ];
    for (tags, expected) in table {
        let chain = store.negotiate(tags);
        assert_eq!(
            chain.first().map(String::as_str),
            Some(expected),
            "{tags:?}"
        );
        assert_eq!(chain.last().map(String::as_str), Some("en"), "{tags:?}");
        let msg = message(&store, Kind::NotFound, Some(404), tags);
        assert_eq!(msg.locale, expected, "{tags:?}");
        if expected != "en" {
            assert_eq!(msg.title, format!("[{expected}] not found"), "{tags:?}");
        }
    }
}

#[test]
fn regional_catalog_comes_first_then_its_language() {
    let store = store_with(&["fr", "fr-CA"]);
    assert_eq!(store.negotiate(&["FR_ca"]), ["fr-CA", "fr", "en"]);
    assert_eq!(store.negotiate(&["fr-BE"]), ["fr", "en"]);
}

#[test]
fn traditional_chinese_never_falls_back_to_simplified() {
    let store = store_with(&["zh"]);
    assert_eq!(store.negotiate(&["zh-TW"]), ["en"]);
    assert_eq!(store.negotiate(&["zh-TW", "zh"]), ["zh", "en"]);
    let store = store_with(&["zh-Hant"]);
    assert_eq!(store.negotiate(&["zh-CN"]), ["en"]);
}

#[test]
fn registered_tags_are_canonical_and_listed() {
    let mut store = store_with(&["ZH_hant", "pt_br"]);
    assert_eq!(store.locales(), ["en", "pt-BR", "zh-Hant"]);
    assert!(store.catalog("PT-br").is_some());
    store.reset();
    assert_eq!(store.locales(), ["en"]);
}
