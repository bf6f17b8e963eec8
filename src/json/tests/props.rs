//! Properties against serde_json (with `float_roundtrip`) and core's float parser.

use proptest::prelude::*;

use super::super::{parse, Value};

fn serde_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value as S;
    let leaf = prop_oneof![
        Just(S::Null),
        any::<bool>().prop_map(S::Bool),
        any::<i64>().prop_map(S::from),
        any::<u64>().prop_map(S::from),
        any::<f64>().prop_map(S::from), // NaN and infinities become null
        (-1e6f64..1e6).prop_map(S::from),
        any::<String>().prop_map(S::String),
        "[\u{0}-\u{7f}\u{d7ff}\u{e000}\u{fffd}\u{10000}-\u{10ffff}]{0,12}".prop_map(S::String),
    ];
    leaf.prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(S::Array),
            prop::collection::vec(("[a-z\"\\\\]{0,3}|\\PC{0,6}", inner), 0..8)
                .prop_map(|kv| S::Object(kv.into_iter().collect())),
        ]
    })
}

/// Text made of JSON's tokens and a few bytes that are not, short enough that no number
/// leaves the f64 range and no nesting reaches the limit.
fn token_soup() -> impl Strategy<Value = String> {
    let tokens = prop::sample::select(
        &[
            "[",
            "]",
            "{",
            "}",
            ",",
            ":",
            "\"",
            "\"a\"",
            "\"\\u00e9\"",
            "\"\\ud83d\\ude00\"",
            "\"\\ud800\"",
            "\\",
            "0",
            "1",
            "-",
            ".",
            "5",
            "e",
            "E+2",
            "true",
            "false",
            "null",
            " ",
            "\n",
            "\t",
            "x",
            "\u{0}",
            "é",
            "nul",
        ][..],
    );
    prop::collection::vec(tokens, 0..24).prop_map(|t| t.concat())
}

/// Decimal literals: long mantissas, every exponent that matters, halfway-looking digits.
fn decimal() -> impl Strategy<Value = String> {
    (
        "[0-9]{1,40}",
        prop::option::of("[0-9]{1,40}"),
        prop::option::of(-400i32..400),
        any::<bool>(),
    )
        .prop_map(|(int, frac, exp, negative)| {
            let int = int.trim_start_matches('0');
            let mut s = String::from(if negative { "-" } else { "" });
            s.push_str(if int.is_empty() { "0" } else { int });
            if let Some(frac) = frac {
                s.push('.');
                s.push_str(&frac);
            }
            if let Some(exp) = exp {
                s.push_str(&format!("e{exp}"));
            }
            s
        })
}

proptest! {
    #[test]
    fn printed_by_serde_json_parsed_alike(v in serde_value()) {
        let text = serde_json::to_string(&v).unwrap();
        let ours = parse(&text);
        let theirs: serde_json::Value = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(&ours, &Ok(Value::from(theirs)));
        prop_assert_eq!(ours, Ok(Value::from(v)));
        let pretty = serde_json::to_string_pretty(&serde_json::from_str::<serde_json::Value>(&text).unwrap()).unwrap();
        prop_assert_eq!(parse(&pretty), parse(&text));
    }

    #[test]
    fn token_soup_is_judged_like_serde_json(text in token_soup()) {
        let theirs = serde_json::from_str::<serde_json::Value>(&text);
        // serde_json rejects numbers beyond the f64 range; JSON.parse and we do not.
        prop_assume!(!matches!(&theirs, Err(e) if e.to_string().contains("out of range")));
        prop_assert_eq!(parse(&text).ok(), theirs.ok().map(Value::from), "{:?}", text);
    }

    #[test]
    fn any_text_never_panics(text in any::<String>()) {
        let _ = parse(&text);
    }

    #[test]
    fn numbers_round_like_core(text in decimal()) {
        let expected: f64 = text.parse().unwrap();
        let got = parse(&text).unwrap();
        if expected.is_finite() {
            prop_assert_eq!(got.as_f64().map(f64::to_bits), Some(expected.to_bits()), "{}", text);
        } else {
            prop_assert_eq!(got, Value::Null, "{}", text);
        }
    }

    #[test]
    fn shortest_floats_round_trip(bits in any::<u64>()) {
        let f = f64::from_bits(bits);
        prop_assume!(f.is_finite());
        for text in [format!("{f:?}"), format!("{f:e}"), format!("{f}")] {
            prop_assert_eq!(parse(&text).unwrap().as_f64().map(f64::to_bits), Some(f.to_bits()), "{}", text);
        }
    }
}
