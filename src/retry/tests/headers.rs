use crate::json::json;

use super::super::{HeaderView, Headers};
use super::headers;

#[test]
fn names_are_case_insensitive_and_stored_lowercase() {
    let h = headers(&[("Retry-After", " 5\t"), ("X-Thing", "a"), ("x-thing", "b")]);
    assert_eq!(h.get("retry-after"), Some("5"));
    assert_eq!(h.get("RETRY-AFTER"), Some("5"));
    assert_eq!(h.get_all("X-THING").collect::<Vec<_>>(), ["a", "b"]);
    assert_eq!(h.iter().next(), Some(("retry-after", "5")));
    assert!(h.contains("x-thing"));
    assert!(!h.contains("date"));
    assert_eq!(h.len(), 3);
}

#[test]
fn hostile_input_is_bounded() {
    let long = "9".repeat(Headers::MAX_VALUE_LEN + 1);
    let h = headers(&[("Retry-After", &long), ("Retry-After", "7")]);
    assert_eq!(h.get("retry-after"), Some("7"));

    let mut h = Headers::new();
    assert!(!h.append("", "x"));
    assert!(!h.append("bad name", "x"));
    assert!(!h.append("bad:name", "x"));
    assert!(!h.append("é", "x"));
    assert!(!h.append(&"n".repeat(Headers::MAX_NAME_LEN + 1), "x"));
    assert!(h.append("ok", &"v".repeat(Headers::MAX_VALUE_LEN)));
    assert_eq!(h.len(), 1);

    let many = Headers::from_pairs((0..10_000).map(|i| (format!("h{i}"), "v")));
    assert_eq!(many.len(), Headers::MAX_ENTRIES);
    // Only MAX_SCANNED input pairs are looked at, even when all are ignored.
    let junk = (0..Headers::MAX_SCANNED).map(|_| ("bad name", "v"));
    let h = Headers::from_pairs(junk.chain([("retry-after", "1")]));
    assert!(h.is_empty());
}

#[test]
fn from_json_objects_and_pair_arrays() {
    let h = Headers::from_json(&json!({"Retry-After": "3", "X-Num": 5, "Date": null}));
    assert_eq!(h.get("retry-after"), Some("3"));
    assert_eq!(h.len(), 1);
    let h = Headers::from_json(&json!([
        ["retry-after", "4"],
        ["a"],
        ["b", 1],
        "c",
        ["d", "e"]
    ]));
    assert_eq!(h.get("Retry-After"), Some("4"));
    assert_eq!(h.get("d"), Some("e"));
    assert_eq!(h.len(), 2);
    assert!(Headers::from_json(&json!("nope")).is_empty());
}

#[test]
fn idempotency_keys() {
    assert!(headers(&[("Idempotency-Key", "abc")]).has_idempotency_key());
    assert!(headers(&[("X-Idempotency-Key", "abc")]).has_idempotency_key());
    assert!(!headers(&[("Idempotency-Key", "  ")]).has_idempotency_key());
    assert!(!headers(&[("Idempotency", "abc")]).has_idempotency_key());
}

#[test]
fn joined_pairs_match_appending_each_pair() {
    let joined = "Retry-After\0 5\0date\0Wed, 15 Jan 2025 12:00:00 GMT\0bad name\0x\0X-A\0b\0";
    let h = Headers::from_joined(joined);
    assert_eq!(
        h,
        headers(&[
            ("Retry-After", " 5"),
            ("date", "Wed, 15 Jan 2025 12:00:00 GMT"),
            ("bad name", "x"),
            ("X-A", "b"),
        ])
    );
    assert_eq!(h.get("retry-after"), Some("5"));
    assert!(Headers::from_joined("").is_empty());
    // A name without a value is dropped; an empty value is kept.
    assert_eq!(Headers::from_joined("a\0").len(), 0);
    assert_eq!(Headers::from_joined("a\0\0").get("a"), Some(""));
    // The bounds of from_pairs hold.
    let many = "x\0v\0".repeat(Headers::MAX_SCANNED + 10);
    assert_eq!(Headers::from_joined(&many).len(), Headers::MAX_ENTRIES);
}

#[test]
fn only_the_decision_headers_change_a_decision() {
    use super::super::{RetryContext, RetryOptions, RetryPolicy, DECISION_HEADERS};
    let now = super::NOW;
    let date = "Wed, 15 Jan 2025 12:00:00 GMT";
    let all = [
        ("Retry-After", "7"),
        ("RateLimit", "\"a\";r=0;t=9"),
        ("RateLimit-Reset", "11"),
        ("RateLimit-Remaining", "0"),
        ("X-RateLimit-Reset", "12"),
        ("X-RateLimit-Remaining", "0"),
        ("X-Rate-Limit-Reset", "13"),
        ("X-Rate-Limit-Remaining", "0"),
        ("Date", date),
        ("Idempotency-Key", "k"),
        ("X-Idempotency-Key", "k"),
        ("Content-Type", "application/json"),
        ("Cache-Control", "no-store"),
        ("Retry-After-Ms", "5"),
        ("Server", "nginx"),
    ];
    let kept: Vec<_> = all
        .iter()
        .filter(|(n, _)| DECISION_HEADERS.contains(&n.to_ascii_lowercase().as_str()))
        .copied()
        .collect();
    assert_eq!(kept.len(), DECISION_HEADERS.len());
    // Drop one decision header at a time: the answers with and without the other headers agree.
    for skip in 0..=kept.len() {
        let some: Vec<_> = kept
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != skip)
            .map(|(_, p)| *p)
            .collect();
        let with_noise: Vec<_> = some
            .iter()
            .copied()
            .chain(all[11..].iter().copied())
            .collect();
        for (method, status) in [("GET", 503), ("POST", 429), ("POST", 409), ("GET", 413)] {
            let (a, b) = (headers(&some), headers(&with_noise));
            let decide = |h| {
                let mut p = RetryPolicy::new(RetryOptions {
                    seed: Some(1),
                    ..RetryOptions::default()
                })
                .unwrap();
                let ctx = RetryContext::new(1, method, now)
                    .with_status(status)
                    .with_headers(h);
                let ctx = RetryContext {
                    idempotency_key: HeaderView::from(h).has_idempotency_key(),
                    ..ctx
                };
                p.decide(&ctx)
            };
            assert_eq!(decide(&a), decide(&b), "{method} {status} without #{skip}");
        }
    }
}

// proptest is a native-only dev-dependency.
#[cfg(not(target_arch = "wasm32"))]
proptest::proptest! {
    /// Reading the joined string in place answers like the collection built from the same pairs.
    #[test]
    fn joined_view_reads_like_the_collection(
        pairs in proptest::collection::vec(
            ("[A-Za-z-]{0,3}|retry-after|Date|x-idempotency-key|a b", "[ -~\t]{0,6}"),
            0..12,
        ),
    ) {
        let joined: String = pairs.iter().map(|(n, v)| format!("{n}\0{v}\0")).collect();
        let owned = Headers::from_pairs(pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())));
        proptest::prop_assert_eq!(&Headers::from_joined(&joined), &owned);
        let (view, pairs_view) = (HeaderView::Joined(&joined), HeaderView::from(&owned));
        for name in ["retry-after", "DATE", "x-idempotency-key", "a", "ab"] {
            proptest::prop_assert_eq!(view.get(name), pairs_view.get(name));
            proptest::prop_assert_eq!(view.get_all(name).collect::<Vec<_>>(), pairs_view.get_all(name).collect::<Vec<_>>());
        }
        proptest::prop_assert_eq!(view.has_idempotency_key(), owned.has_idempotency_key());
    }

    /// Any string, read in place, gives the pairs `split_terminator` pieces would give.
    #[test]
    fn joined_view_reads_like_split_terminator(joined in "[ab \\t\\x00]{0,24}") {
        let mut parts = joined.split_terminator(Headers::JOIN);
        let expected: Vec<(&str, String)> = core::iter::from_fn(|| Some((parts.next()?, parts.next()?)))
            .filter(|(n, _)| !n.is_empty() && n.bytes().all(|b| b == b'a' || b == b'b'))
            .map(|(n, v)| (n, v.trim_matches(|c| c == ' ' || c == '\t').to_string()))
            .collect();
        let got: Vec<(&str, String)> = HeaderView::Joined(&joined).pairs().map(|(n, v)| (n, v.to_string())).collect();
        proptest::prop_assert_eq!(got, expected);
    }
}
