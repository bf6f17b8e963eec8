//! Tests of the JSON parser: valid and invalid text, limits, numbers, escapes, duplicate
//! keys, and (natively) properties against serde_json and core's float parser.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use super::{json, parse, Map, Value, MAX_DEPTH};

#[cfg(not(target_arch = "wasm32"))]
mod props;

fn ok(text: &str) -> Value {
    parse(text).unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

fn num(text: &str) -> f64 {
    match ok(text) {
        Value::Number(n) => n,
        other => panic!("{text:?} gave {other:?}"),
    }
}

#[test]
fn scalars_and_containers() {
    assert_eq!(ok("null"), Value::Null);
    assert_eq!(ok(" true "), Value::Bool(true));
    assert_eq!(ok("\t\r\nfalse\n"), Value::Bool(false));
    assert_eq!(ok("\"\""), Value::String(String::new()));
    assert_eq!(ok("[]"), Value::Array(vec![]));
    assert_eq!(ok("{}"), Value::Object(Map::new()));
    assert_eq!(ok("[ 1 , [ ] , { } ]"), json!([1, [], {}]));
    let v = ok(r#"{"a": {"b": [true, null, "c"]}, "d": -0.5}"#);
    assert_eq!(v, json!({"a": {"b": [true, null, "c"]}, "d": -0.5}));
    assert_eq!(
        v.get("a").and_then(|a| a.get("b")),
        Some(&json!([true, null, "c"]))
    );
    assert_eq!(v.get("d").and_then(Value::as_f64), Some(-0.5));
    assert_eq!(v.get("missing"), None);
    assert_eq!(ok("[1]").get("a"), None);
}

#[test]
fn members_keep_document_order() {
    let v = ok(r#"{"z": 1, "a": 2, "m": 3}"#);
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["z", "a", "m"]);
}

#[test]
fn duplicate_keys_keep_the_first_position_and_the_last_value() {
    let v = ok(r#"{"a": 1, "b": 2, "a": 3}"#);
    let members: Vec<(&str, f64)> = v
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_f64().unwrap()))
        .collect();
    assert_eq!(members, [("a", 3.0), ("b", 2.0)]);
    // Past the size where a hash table finds the duplicates.
    let mut text = String::from("{");
    for i in 0..1000 {
        text.push_str(&format!("\"k{}\": {i},", i % 300));
    }
    text.push_str("\"k0\": \"last\"}");
    let v = ok(&text);
    let map = v.as_object().unwrap();
    assert_eq!(map.len(), 300);
    assert_eq!(map.keys().next().map(String::as_str), Some("k0"));
    assert_eq!(map.get("k0"), Some(&Value::from("last")));
    assert_eq!(map.get("k299").and_then(Value::as_f64), Some(899.0));
    assert_eq!(map.get("k99").and_then(Value::as_f64), Some(999.0));
    assert_eq!(map.keys().nth(299).map(String::as_str), Some("k299"));
}

#[test]
fn map_insert_replaces_in_place() {
    let mut map = Map::new();
    assert_eq!(map.insert("a".into(), Value::from(1.0)), None);
    assert_eq!(map.insert("b".into(), Value::from(2.0)), None);
    assert_eq!(
        map.insert("a".into(), Value::from(3.0)),
        Some(Value::from(1.0))
    );
    assert_eq!(map.keys().collect::<Vec<_>>(), ["a", "b"]);
    assert_eq!(map.remove("a"), Some(Value::from(3.0)));
    assert!(map.contains_key("b") && !map.contains_key("a") && map.len() == 1);
}

#[test]
fn invalid_json_is_rejected() {
    for text in [
        "",
        " ",
        "nul",
        "nulll",
        "True",
        "[1,]",
        "[,1]",
        "[1 2]",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{a:1}",
        "{'a':1}",
        "{\"a\":}",
        "{1:1}",
        "[",
        "]",
        "{",
        "\"abc",
        "\"a\nb\"",
        "\"tab\there\"",
        "\"\\x\"",
        "\"\\u12\"",
        "\"\\u12G4\"",
        "01",
        "-",
        "+1",
        ".5",
        "1.",
        "1.e3",
        "1e",
        "1e+",
        "-a",
        "NaN",
        "Infinity",
        "-Infinity",
        "0x10",
        "1 2",
        "{} {}",
        "[1]x",
        "\u{feff}1",
        "1\u{a0}",
        "/* c */ 1",
    ] {
        assert!(parse(text).is_err(), "{text:?} parsed");
    }
}

#[test]
fn errors_say_where() {
    assert_eq!(parse("[1, x]").unwrap_err().offset, 4);
    assert_eq!(parse("").unwrap_err().offset, 0);
    assert_eq!(
        parse("1 2").unwrap_err().to_string(),
        "invalid JSON at byte 2"
    );
}

#[test]
fn escapes() {
    assert_eq!(
        ok(r#""\"\\\/\b\f\n\r\t""#),
        Value::from("\"\\/\u{8}\u{c}\n\r\t")
    );
    assert_eq!(ok(r#""\u0041\u00e9\u4e2D""#), Value::from("Aé中"));
    assert_eq!(ok(r#""a\u0000b""#), Value::from("a\0b"));
    // A surrogate pair is one character; raw UTF-8 passes through.
    assert_eq!(ok(r#""\ud83d\ude00 😀""#), Value::from("😀 😀"));
    assert_eq!(ok(r#""\uDBFF\uDFFF""#), Value::from("\u{10ffff}"));
}

#[test]
fn lone_surrogates_are_rejected() {
    // JSON.parse keeps them as lone UTF-16 units; a Rust string cannot, and serde_json
    // rejects them too.
    for text in [
        r#""\ud800""#,
        r#""\ud800x""#,
        r#""\ud800\n""#,
        r#""\ud800\u0041""#,
        r#""\ud800\ud800""#,
        r#""\udc00""#,
        r#""\udfff\ud800""#,
        r#""\ud800\u""#,
    ] {
        assert!(parse(text).is_err(), "{text} parsed");
        assert!(
            serde_json::from_str::<serde_json::Value>(text).is_err(),
            "{text}"
        );
    }
}

#[test]
fn nesting_is_bounded_like_serde_json() {
    for depth in [
        1,
        2,
        MAX_DEPTH - 1,
        MAX_DEPTH,
        MAX_DEPTH + 1,
        MAX_DEPTH + 2,
        100_000,
    ] {
        for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
            let text = format!("{}0{}", open.repeat(depth), close.repeat(depth));
            let ours = parse(&text).is_ok();
            let serde = serde_json::from_str::<serde_json::Value>(&text).is_ok();
            assert_eq!(ours, serde, "depth {depth} {open}");
            assert_eq!(ours, depth <= MAX_DEPTH, "depth {depth} {open}");
        }
    }
    // Deep but unclosed, and deep after a valid prefix.
    assert!(parse(&"[".repeat(1_000_000)).is_err());
    assert!(parse(&format!("[1, {}", "{\"a\":[".repeat(200_000))).is_err());
}

#[test]
fn numbers() {
    assert_eq!(num("0"), 0.0);
    assert!(num("-0").is_sign_negative());
    assert_eq!(num("-0"), 0.0);
    assert_eq!(num("404"), 404.0);
    assert_eq!(num("-12.5e-1"), -1.25);
    assert_eq!(num("1E2"), 100.0);
    assert_eq!(num("1e+2"), 100.0);
    assert_eq!(num("0.1"), 0.1);
    assert_eq!(num("0.30000000000000004"), 0.1 + 0.2);
    assert_eq!(num("9007199254740993"), 9_007_199_254_740_992.0);
    assert_eq!(num("18446744073709551615"), 18_446_744_073_709_551_615.0);
    assert_eq!(num("1.7976931348623157e308"), f64::MAX);
    assert_eq!(num("2.2250738585072014e-308"), f64::MIN_POSITIVE);
    assert_eq!(num("5e-324"), 5e-324);
    assert_eq!(num("2.4703282292062328e-324"), 5e-324);
    assert_eq!(num("2.4703282292062327e-324"), 0.0);
    assert_eq!(num("1e-400"), 0.0);
    assert_eq!(num(&format!("0.{}1", "0".repeat(5000))), 0.0);
    assert_eq!(num(&format!("1{}e-5000", "0".repeat(5000))), 1.0);
    assert_eq!(num("1e-99999999999999999999999"), 0.0);
    assert_eq!(num("0e99999999999999999999999"), 0.0);
    // Beyond the f64 range: JSON.parse's Infinity, which JSON values cannot hold.
    assert_eq!(ok("1e400"), Value::Null);
    assert_eq!(ok("-1e400"), Value::Null);
    assert_eq!(ok("1.7976931348623159e308"), Value::Null);
    assert_eq!(ok(&format!("1{}", "0".repeat(400))), Value::Null);
    assert_eq!(ok("1e99999999999999999999999"), Value::Null);
    assert_eq!(num("1.7976931348623158e308"), f64::MAX);
}

#[test]
fn numbers_round_like_javascript() {
    // Halfway cases and long inputs that a naive conversion gets wrong, checked against
    // core's correctly rounded parser.
    for text in [
        "9007199254740993",
        "9007199254740995",
        "9007199254740993.0000000000000000000000000000001",
        "2.2250738585072011e-308",
        "2.2250738585072012e-308",
        "4.9406564584124654e-324",
        "1.00000000000000011102230246251565404236316680908203125",
        "1.00000000000000011102230246251565404236316680908203124",
        "1.00000000000000011102230246251565404236316680908203126",
        "7.3177701707893310e+15",
        "123456789012345678901234567890e-10",
        "0.000000000000000000000000000000000000000000001",
        "1e23",
        "8.98846567431158e307",
        "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791.9999999999999999999999999999999999999999999999999999999999999999999999",
        "1797693134862315807937289714053034150799341327100378269361737789804449682927647509466490179775872070963302864166928879109465555478519404026306574886715058206819089020007083836762738548458177115317644757302700698555713669596228429148198608349364752927190741684443655107043427115596995080930428801779041744977920",
    ] {
        let expected: f64 = text.parse().unwrap();
        let got = parse(text).ok().and_then(|v| v.as_f64());
        if expected.is_finite() {
            assert_eq!(got.map(f64::to_bits), Some(expected.to_bits()), "{text}");
        } else {
            assert_eq!(got, None, "{text}");
        }
    }
}

#[test]
fn control_characters_must_be_escaped() {
    for c in 0u8..0x20 {
        let text = format!("\"a{}b\"", c as char);
        assert!(parse(&text).is_err(), "raw {c:#x}");
    }
    assert_eq!(ok("\"\u{7f}\u{85}\""), Value::from("\u{7f}\u{85}"));
}

#[test]
fn accessors() {
    let v = json!({"s": "x", "n": 2, "b": true, "a": [1], "o": {}, "z": null});
    assert_eq!(v.get("s").and_then(Value::as_str), Some("x"));
    assert_eq!(v.get("n").and_then(Value::as_f64), Some(2.0));
    assert_eq!(v.get("b").and_then(Value::as_bool), Some(true));
    assert_eq!(v.get("a").and_then(Value::as_array).map(Vec::len), Some(1));
    assert!(v
        .get("o")
        .and_then(Value::as_object)
        .is_some_and(Map::is_empty));
    assert!(v.get("z").is_some_and(Value::is_null));
    assert!(v.get("s").is_some_and(Value::is_string));
    assert!(v.get("a").is_some_and(Value::is_array) && v.is_object());
    assert_eq!(v.get("n").and_then(Value::as_str), None);
    assert_eq!(Value::from(f64::NAN), Value::Null);
    assert_eq!(Value::from(f64::INFINITY), Value::Null);
}
