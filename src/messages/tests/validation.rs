use crate::json::{json, Map, Value};

use super::store_with;
use crate::error::{ArgError, ArgErrorKind};
use crate::messages::catalog::{MAX_LOCALES, MAX_STATUSES, MAX_STRING_CHARS};

fn type_error(message: &str) -> ArgError {
    ArgError::type_error(message)
}

fn range_error(message: &str) -> ArgError {
    ArgError::range_error(message)
}

fn check(catalog: Value, expected: ArgError) {
    let mut store = store_with(&["fr"]);
    let before = store.clone();
    assert_eq!(store.add(&catalog), Err(expected), "{catalog:?}");
    assert_eq!(store, before, "store changed by {catalog:?}");
}

#[test]
fn malformed_catalogs_name_the_path_and_register_nothing() {
    let tag = "locale must be a BCP 47 language tag";
    let table: Vec<(Value, &str)> = vec![
        (json!(null), "catalog must be an object"),
        (json!(42), "catalog must be an object"),
        (json!("en"), "catalog must be an object"),
        (json!([{ "locale": "en" }]), "catalog must be an object"),
        (json!({}), tag),
        (json!({ "locale": null }), tag),
        (json!({ "locale": 7 }), tag),
        (json!({ "locale": "" }), tag),
        (json!({ "locale": "not a tag" }), tag),
        (json!({ "locale": "fr-" }), tag),
        (json!({ "locale": "x-klingon" }), tag),
        (
            json!({ "locale": "de", "kind": {} }),
            "kind is not a known field",
        ),
        (
            json!({ "locale": "de", "Kinds": {} }),
            "Kinds is not a known field",
        ),
        (
            json!({ "locale": "de", "dir": "up" }),
            "dir must be 'ltr' or 'rtl'",
        ),
        (
            json!({ "locale": "de", "dir": "RTL" }),
            "dir must be 'ltr' or 'rtl'",
        ),
        (
            json!({ "locale": "de", "waitAction": 5 }),
            "waitAction must be a string",
        ),
        (
            json!({ "locale": "de", "waitAction": "Later." }),
            "waitAction must contain {when}",
        ),
        (
            json!({ "locale": "de", "kinds": [] }),
            "kinds must be an object",
        ),
        (
            json!({ "locale": "de", "kinds": { "teapot": {} } }),
            "kinds.teapot is not a known kind",
        ),
        (
            json!({ "locale": "de", "kinds": { "NotFound": {} } }),
            "kinds.NotFound is not a known kind",
        ),
        (
            json!({ "locale": "de", "kinds": { "not_found": "Nope" } }),
            "kinds.not_found must be an object",
        ),
        (
            json!({ "locale": "de", "kinds": { "not_found": { "title": 1 } } }),
            "kinds.not_found.title must be a string",
        ),
        (
            json!({ "locale": "de", "kinds": { "not_found": { "message": ["a"] } } }),
            "kinds.not_found.message must be a string",
        ),
        (
            json!({ "locale": "de", "kinds": { "not_found": { "action": true } } }),
            "kinds.not_found.action must be a string",
        ),
        (
            json!({ "locale": "de", "kinds": { "not_found": { "title": "  " } } }),
            "kinds.not_found.title must be a non-empty string",
        ),
        (
            json!({ "locale": "de", "kinds": { "not_found": { "titel": "Weg" } } }),
            "kinds.not_found.titel is not a known field",
        ),
        (
            json!({ "locale": "de", "kinds": { "not_found": { "titel": null } } }),
            "kinds.not_found.titel is not a known field",
        ),
        (
            json!({ "locale": "de", "kinds": { "rate_limited": { "waitAction": "Bald." } } }),
            "kinds.rate_limited.waitAction must contain {when}",
        ),
        (
            json!({ "locale": "de", "statuses": [] }),
            "statuses must be an object",
        ),
        (
            json!({ "locale": "de", "statuses": { "abc": {} } }),
            "statuses.abc must be a status code from 100 to 599",
        ),
        (
            json!({ "locale": "de", "statuses": { "600": {} } }),
            "statuses.600 must be a status code from 100 to 599",
        ),
        (
            json!({ "locale": "de", "statuses": { "99": {} } }),
            "statuses.99 must be a status code from 100 to 599",
        ),
        (
            json!({ "locale": "de", "statuses": { "099": {} } }),
            "statuses.099 must be a status code from 100 to 599",
        ),
        (
            json!({ "locale": "de", "statuses": { "4040": {} } }),
            "statuses.4040 must be a status code from 100 to 599",
        ),
        (
            json!({ "locale": "de", "statuses": { " 404": {} } }),
            "statuses. 404 must be a status code from 100 to 599",
        ),
        (
            json!({ "locale": "de", "statuses": { "404": null } }),
            "statuses.404 must be an object",
        ),
        (
            json!({ "locale": "de", "statuses": { "426": { "title": {} } } }),
            "statuses.426.title must be a string",
        ),
        (
            json!({ "locale": "de", "statuses": { "426": { "tilte": "x" } } }),
            "statuses.426.tilte is not a known field",
        ),
        // Everything valid but one field deep inside: still nothing registered.
        (
            json!({ "locale": "de", "kinds": { "gone": { "title": "Weg" } }, "statuses": { "410": { "title": 0 } } }),
            "statuses.410.title must be a string",
        ),
        // Overriding an existing locale with one bad field changes nothing either.
        (
            json!({ "locale": "fr", "kinds": { "gone": { "title": "Parti", "action": 3 } } }),
            "kinds.gone.action must be a string",
        ),
        (
            json!({ "locale": "en", "kinds": { "gone": { "title": "Gone!" } }, "statuses": { "x": {} } }),
            "statuses.x must be a status code from 100 to 599",
        ),
    ];
    for (catalog, message) in table {
        check(catalog, type_error(message));
    }
}

#[test]
fn long_keys_are_shortened_in_messages() {
    let key = "k".repeat(5000);
    let mut kinds = Map::new();
    kinds.insert(key, json!({}));
    let mut store = store_with(&[]);
    let err = store
        .add(&json!({ "locale": "de", "kinds": kinds }))
        .err()
        .unwrap_or_else(|| type_error(""));
    assert_eq!(
        err.message,
        format!("kinds.{}… is not a known kind", "k".repeat(40))
    );
}

#[test]
fn bounds_are_range_errors() {
    let ok = "a".repeat(MAX_STRING_CHARS);
    let mut store = store_with(&[]);
    assert!(store
        .add(&json!({ "locale": "de", "kinds": { "gone": { "title": ok } } }))
        .is_ok());
    // Characters, not bytes: 2,000 two-byte characters are fine.
    let wide = "é".repeat(MAX_STRING_CHARS);
    assert!(store
        .add(&json!({ "locale": "de", "kinds": { "gone": { "title": wide } } }))
        .is_ok());

    let long = "a".repeat(MAX_STRING_CHARS + 1);
    check(
        json!({ "locale": "de", "kinds": { "gone": { "title": long } } }),
        range_error("kinds.gone.title must be at most 2000 characters"),
    );
    check(
        json!({ "locale": "de", "waitAction": format!("{{when}}{long}") }),
        range_error("waitAction must be at most 2000 characters"),
    );
    check(
        json!({ "locale": long }),
        range_error("locale must be at most 2000 characters"),
    );

    let mut statuses = Map::new();
    for i in 0..=MAX_STATUSES {
        statuses.insert(format!("s{i}"), json!({}));
    }
    check(
        json!({ "locale": "de", "statuses": statuses }),
        range_error("statuses must have at most 600 entries, got 601"),
    );
}

#[test]
fn at_most_100_locales() {
    let mut store = store_with(&[]);
    let mut n = 0;
    while store.locales().len() < MAX_LOCALES {
        let tag = format!("en-x-t{n}");
        assert!(store.add(&json!({ "locale": tag })).is_ok());
        n += 1;
    }
    let before = store.clone();
    let err = store.add(&json!({ "locale": "de" }));
    assert_eq!(err.as_ref().map_err(|e| e.kind), Err(ArgErrorKind::Range));
    assert_eq!(
        err.err().map(|e| e.message).as_deref(),
        Some("at most 100 locales can be registered; cannot add de")
    );
    assert_eq!(store, before);
    // Existing locales can still be overridden.
    assert!(store
        .add(&json!({ "locale": "en-x-t0", "dir": "rtl" }))
        .is_ok());
    assert!(store
        .add(&json!({ "locale": "en", "kinds": { "gone": { "title": "Gone" } } }))
        .is_ok());
}

#[test]
fn tolerated_input() {
    let mut store = store_with(&[]);
    let catalog = json!({
        "$schema": "https://example.invalid/catalog.json",
        "$comment": { "anything": [1, 2, 3] },
        "locale": "de_at",
        "dir": null,
        "waitAction": null,
        "kinds": { "gone": { "title": "Weg", "message": null } },
        "statuses": null
    });
    assert_eq!(store.add(&catalog), Ok("de-AT".to_string()));
    let de = store
        .catalog("de-AT")
        .cloned()
        .unwrap_or_else(|| crate::messages::Catalog::empty("?"));
    assert_eq!(de.dir, None);
    assert_eq!(de.kinds.len(), 1);
    assert!(de.statuses.is_empty());
    assert_eq!(
        crate::messages::Catalog::from_json("{ not json"),
        Err(type_error("catalog must be valid JSON"))
    );
}

#[test]
fn variants_and_when_tables_name_the_path() {
    let variants =
        |v: Value| json!({ "locale": "de", "kinds": { "forbidden": { "variants": v } } });
    let when = |w: Value| json!({ "locale": "de", "when": w });
    let table: Vec<(Value, &str)> = vec![
        (
            variants(json!(5)),
            "kinds.forbidden.variants must be an object",
        ),
        (
            variants(json!({ "support": { "action": "x" } })),
            "kinds.forbidden.variants.support is not a known situation (highlightedFields, \
             noSignIn, supportLink, or several joined with +)",
        ),
        (
            variants(json!({ "noSignIn+": { "action": "x" } })),
            "kinds.forbidden.variants.noSignIn+ is not a known situation (highlightedFields, \
             noSignIn, supportLink, or several joined with +)",
        ),
        (
            variants(json!({ "supportLink": "x" })),
            "kinds.forbidden.variants.supportLink must be an object",
        ),
        (
            variants(json!({ "supportLink": { "action": 5 } })),
            "kinds.forbidden.variants.supportLink.action must be a string",
        ),
        (
            variants(json!({ "supportLink": { "variants": {} } })),
            "kinds.forbidden.variants.supportLink.variants is not a known field",
        ),
        (
            variants(json!({ "supportLink": { "waitAction": "Later." } })),
            "kinds.forbidden.variants.supportLink.waitAction must contain {when}",
        ),
        (when(json!("soon")), "when must be an object"),
        (
            when(json!({ "later": "x" })),
            "when.later is not a known field",
        ),
        (
            when(json!({ "second.other": "{n}" })),
            "when.second.other is not a known field",
        ),
        (when(json!({ "now": 0 })), "when.now must be a string"),
        (
            when(json!({ "second": "soon" })),
            "when.second must be a string containing {n}",
        ),
        (
            when(json!({ "minute.one": "in a minute" })),
            "when.minute must be a string containing {n}",
        ),
        (
            when(json!({ "day": "{n} days", "day.few": 3 })),
            "when.day.few must be a string",
        ),
    ];
    for (catalog, message) in table {
        check(catalog, type_error(message));
    }
}

#[test]
fn variants_and_when_tables_parse_and_merge() {
    use crate::messages::catalog::Catalog;
    use crate::messages::Situations;
    let first = json!({ "locale": "de",
        "when": { "now": "jetzt", "second": "in {n} s", "second.one": "in einer Sekunde" },
        "kinds": { "forbidden": { "action": "A", "variants": {
            "supportLink": { "action": "S" },
            "noSignIn+supportLink": { "title": "T" } } } } });
    let catalog = Catalog::from_value(&first).unwrap_or_else(|e| panic!("{e}"));
    let entry = catalog
        .kinds
        .get(&crate::kind::Kind::Forbidden)
        .cloned()
        .unwrap_or_default();
    assert_eq!(entry.action(), Some("A"));
    let both = Situations::NO_SIGN_IN.with(Situations::SUPPORT_LINK);
    assert_eq!(
        entry
            .variant(Situations::SUPPORT_LINK)
            .and_then(|v| v.action()),
        Some("S")
    );
    assert_eq!(entry.variant(both).and_then(|v| v.title()), Some("T"));
    let when = catalog.when.clone().unwrap_or_default();
    use crate::messages::{Plural, Unit};
    assert_eq!(
        when.form(Unit::Second, Plural::One),
        Some("in einer Sekunde")
    );
    assert_eq!(when.form(Unit::Second, Plural::Other), Some("in {n} s"));
    assert_eq!(when.form(Unit::Minute, Plural::Other), None);

    let mut store = store_with(&[]);
    assert!(store.add(&first).is_ok());
    let second = json!({ "locale": "de",
        "when": { "minute": "in {n} min" },
        "kinds": { "forbidden": { "variants": { "supportLink": { "title": "ST" } } } } });
    assert!(store.add(&second).is_ok());
    let de = store
        .catalog("de")
        .cloned()
        .unwrap_or_else(|| Catalog::empty("de"));
    let entry = de
        .kinds
        .get(&crate::kind::Kind::Forbidden)
        .cloned()
        .unwrap_or_default();
    let support = entry
        .variant(Situations::SUPPORT_LINK)
        .cloned()
        .unwrap_or_default();
    // Variants merge field by field; a when table is replaced whole.
    assert_eq!((support.title(), support.action()), (Some("ST"), Some("S")));
    let when = de.when.unwrap_or_default();
    assert_eq!(when.form(Unit::Minute, Plural::Other), Some("in {n} min"));
    assert_eq!(when.form(Unit::Second, Plural::Other), None);
}
