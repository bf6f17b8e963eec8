use proptest::prelude::*;
use serde_json::{Map, Value};

use super::store_with;
use crate::kind::Kind;
use crate::messages::negotiate::{candidates, canonical_tag};
use crate::messages::{english_formatter, Catalog, MessageRequest, ServerText, Situations};

const KEYS: [&str; 22] = [
    "locale",
    "dir",
    "waitAction",
    "when",
    "now",
    "second",
    "other",
    "one",
    "variants",
    "supportLink",
    "noSignIn+supportLink",
    "kinds",
    "statuses",
    "title",
    "message",
    "action",
    "not_found",
    "rate_limited",
    "426",
    "abc",
    "$x",
    "rtl",
];

fn tag() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z]{1,9}([-_][a-zA-Z0-9]{0,9}){0,4}",
        prop::sample::select(vec![
            "fr-CA",
            "zh-TW",
            "zh-Hant-TW",
            "zh-CN",
            "zh",
            "ar",
            "de-AT",
            "en",
            "x-a",
            "",
            "-",
        ])
        .prop_map(String::from),
        any::<String>(),
    ]
}

pub(super) fn json_value() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        prop::sample::select(KEYS.to_vec()).prop_map(String::from),
        any::<String>()
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        any::<i64>().prop_map(|i| Value::Number(i.into())),
        prop::sample::select(vec![
            "en",
            "fr",
            "zh-Hant",
            "ltr",
            "rtl",
            "{when}",
            "Hi {when}",
            ""
        ])
        .prop_map(|s| Value::String(s.to_string())),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..8)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

proptest! {
    #[test]
    fn resolution_never_panics(
        tags in prop::collection::vec(tag(), 0..6),
        kind in prop::sample::select(Kind::ALL.to_vec()),
        status in prop::option::of(0u16..1000),
        ms in prop::option::of(prop_oneof![any::<f64>(), 0.0..1e10]),
        detail in prop::option::of(any::<String>()),
        include in any::<bool>(),
        language in prop::option::of(tag()),
        situations in 0u8..8,
    ) {
        let store = store_with(&["fr", "zh-Hant", "ar"]);
        let refs: Vec<&str> = tags.iter().map(String::as_str).collect();
        let request = MessageRequest {
            status,
            locales: &refs,
            retry_after_ms: ms,
            server_texts: [
                detail.as_deref().map(|text| ServerText { text, language: language.as_deref() }),
                None,
                None,
            ],
            include_server_detail: include,
            situations: Situations(situations),
            ..MessageRequest::new(kind)
        };
        let msg = store.user_message(&request, &english_formatter);
        prop_assert!(!msg.title.is_empty() && !msg.message.is_empty() && !msg.action.is_empty());
        prop_assert!(store.locales().iter().any(|l| *l == msg.locale));
        prop_assert!(msg.message.chars().count() <= 2000);
        for t in &tags {
            if let Some(c) = canonical_tag(t) {
                let again = canonical_tag(&c);
                prop_assert_eq!(again.as_deref(), Some(c.as_str()));
                prop_assert!(candidates(&c).iter().all(|x| canonical_tag(x).as_deref() == Some(x.as_str())));
            }
        }
    }

    #[test]
    fn validation_never_panics(value in json_value()) {
        let value = crate::json::Value::from(value);
        let _ = Catalog::from_value(&value);
        let mut store = store_with(&[]);
        let before = store.clone();
        if store.add(&value).is_err() {
            prop_assert_eq!(store, before);
        }
    }

    #[test]
    fn catalog_shaped_values_never_panic(
        entries in prop::collection::vec((prop::sample::select(KEYS.to_vec()), json_value()), 0..6),
        tag in tag(),
    ) {
        let mut kinds = Map::new();
        for (k, v) in entries {
            kinds.insert(k.to_string(), v);
        }
        let value = crate::json::json!({ "locale": tag, "kinds": kinds.clone(), "statuses": kinds });
        let _ = Catalog::from_value(&value);
    }
}
