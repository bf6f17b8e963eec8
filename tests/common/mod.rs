//! The body shared by the wasm-bindgen-test suites in Node (tests/node.rs) and headless
//! Chromium (tests/web.rs). Each test calls the exported functions exactly as JavaScript does.

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// `obj[key]`.
pub fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).expect("readable property")
}

/// The name of the constructor of a thrown value (`TypeError`, `RangeError`, …).
pub fn error_name(err: &JsValue) -> String {
    get(err, "name").as_string().unwrap_or_default()
}

/// `new DOMException(message, name)`.
pub fn dom_exception(name: &str) -> JsValue {
    let ctor: Function = get(&js_sys::global(), "DOMException").unchecked_into();
    Reflect::construct(&ctor, &Array::of2(&"stopped".into(), &name.into())).expect("DOMException")
}

/// Expands the shared tests into `#[wasm_bindgen_test]` functions.
#[macro_export]
macro_rules! shared_suite {
    () => {
        use common::*;
        use http_triage::bindings;
        use wasm_bindgen::JsValue;
        use wasm_bindgen_test::wasm_bindgen_test;

        #[wasm_bindgen_test]
        fn classify_returns_plain_objects() {
            let info = bindings::classify(JsValue::from(404)).unwrap();
            assert_eq!(get(&info, "reason").as_string().unwrap(), "Not Found");
            assert_eq!(get(&info, "kind").as_string().unwrap(), "not_found");
            assert_eq!(get(&info, "class").as_string().unwrap(), "client_error");
            assert_eq!(get(&info, "registered").as_bool(), Some(true));
            assert_eq!(get(&info, "ok").as_bool(), Some(false));
            assert_eq!(get(&info, "spec").as_string().unwrap(), "RFC 9110 §15.5.5");
            let unofficial = bindings::classify(JsValue::from(499)).unwrap();
            assert_eq!(get(&unofficial, "registered").as_bool(), Some(false));
        }

        #[wasm_bindgen_test]
        fn every_code_in_range_classifies() {
            for code in 100..=599 {
                let info = bindings::classify(JsValue::from(code)).unwrap();
                assert_eq!(get(&info, "status").as_f64(), Some(f64::from(code)));
            }
        }

        #[wasm_bindgen_test]
        fn bad_input_throws_the_right_error_and_the_module_survives() {
            let cases: Vec<(JsValue, &str)> = vec![
                (JsValue::from(-1), "RangeError"),
                (JsValue::from(99), "RangeError"),
                (JsValue::from(600), "RangeError"),
                (JsValue::from(65535), "RangeError"),
                (JsValue::from(404.5), "TypeError"),
                (JsValue::from(f64::NAN), "TypeError"),
                (JsValue::from(f64::INFINITY), "TypeError"),
                (JsValue::from("404"), "TypeError"),
                (JsValue::NULL, "TypeError"),
                (JsValue::UNDEFINED, "TypeError"),
                (JsValue::from(true), "TypeError"),
                (js_sys::Object::new().into(), "TypeError"),
                (js_sys::BigInt::from(404u32).into(), "TypeError"),
                (js_sys::Symbol::for_("x").into(), "TypeError"),
            ];
            for (value, expected) in cases {
                let err = bindings::classify(value).unwrap_err();
                assert_eq!(error_name(&err), expected);
                let message = get(&err, "message").as_string().unwrap();
                assert!(
                    message.starts_with("status must be an integer from 100 to 599"),
                    "{message}"
                );
            }
            let info = bindings::classify(JsValue::from(503)).unwrap();
            assert_eq!(
                get(&info, "reason").as_string().unwrap(),
                "Service Unavailable"
            );
        }

        #[wasm_bindgen_test]
        fn list_statuses_has_every_row() {
            let list = bindings::list_statuses().unwrap();
            let array: js_sys::Array = list.into();
            assert_eq!(array.length() as usize, http_triage::catalog::rows().len());
        }

        #[wasm_bindgen_test]
        fn classify_error_recognises_fetch_failures() {
            let failed = js_sys::TypeError::new("Failed to fetch");
            let c = bindings::classify_error(failed.into()).unwrap();
            let kind = get(&c, "kind").as_string().unwrap();
            assert!(kind == "network_error" || kind == "offline", "{kind}");
            assert_eq!(get(&c, "retryable").as_bool(), Some(true));
            let abort = bindings::classify_error(dom_exception("AbortError")).unwrap();
            assert_eq!(get(&abort, "kind").as_string().unwrap(), "aborted");
            assert_eq!(get(&abort, "retryable").as_bool(), Some(false));
            let timeout = bindings::classify_error(dom_exception("TimeoutError")).unwrap();
            assert_eq!(get(&timeout, "kind").as_string().unwrap(), "timeout");
        }

        #[wasm_bindgen_test]
        fn user_message_and_catalog_overrides() {
            let m = bindings::user_message(JsValue::from(503), JsValue::UNDEFINED).unwrap();
            assert_eq!(get(&m, "kind").as_string().unwrap(), "service_unavailable");
            assert!(!get(&m, "title").as_string().unwrap().is_empty());
            let catalog = js_sys::JSON::parse(
                r#"{"locale":"en","statuses":{"401":{"message":"Your API key is invalid."}}}"#,
            )
            .unwrap();
            assert_eq!(bindings::add_messages(catalog).unwrap(), "en");
            let m = bindings::user_message(JsValue::from(401), JsValue::UNDEFINED).unwrap();
            assert_eq!(get(&m, "message").as_string().unwrap(), "Your API key is invalid.");
            let bad = js_sys::JSON::parse(r#"{"locale":"en","kinds":{"not_found":{"title":5}}}"#).unwrap();
            let err = bindings::add_messages(bad).unwrap_err();
            assert_eq!(error_name(&err), "TypeError");
            assert_eq!(
                get(&err, "message").as_string().unwrap(),
                "kinds.not_found.title must be a string"
            );
            // userMessage answers every input: 700 is not a status, so the kind is `unknown`.
            let m = bindings::user_message(JsValue::from(700), JsValue::UNDEFINED).unwrap();
            assert_eq!(get(&m, "kind").as_string().unwrap(), "unknown");
            let options = js_sys::JSON::parse(r#"{"signIn":"no"}"#).unwrap();
            let err = bindings::user_message(JsValue::from(401), options).unwrap_err();
            assert_eq!(error_name(&err), "TypeError");
        }

        #[wasm_bindgen_test]
        fn add_descriptions_registers_long_texts_and_validates() {
            // 432 has no catalog row, so no other test of this module sees the registered text.
            let description = |code: u32| {
                let info = bindings::classify(JsValue::from(code)).unwrap();
                get(&info, "description").as_string().unwrap()
            };
            let built_in = description(432);
            assert!(!built_in.is_empty() && built_in.len() <= 110, "{built_in}");
            let text = "Our API's own 432: the cart was closed for the day, try again tomorrow.";
            let pack = js_sys::JSON::parse(&format!(
                r#"{{"locale":"en","statuses":{{"432":"{text}"}}}}"#
            ))
            .unwrap();
            assert!(bindings::add_descriptions(pack).is_ok());
            assert_eq!(description(432), text);
            assert_eq!(description(433), built_in, "codes the pack lacks keep the built-in line");
            let cases: Vec<(JsValue, &str, &str)> = vec![
                (JsValue::from(5), "TypeError", "pack must be an object"),
                (JsValue::NULL, "TypeError", "pack must be an object"),
                (
                    js_sys::JSON::parse(r#"{"statuses":{"432":5}}"#).unwrap(),
                    "TypeError",
                    r#"statuses["432"] must be a string"#,
                ),
                (
                    js_sys::JSON::parse(r#"{"statuses":{"600":"x"}}"#).unwrap(),
                    "RangeError",
                    r#"statuses["600"] is not a status code from 100 to 599"#,
                ),
                (
                    js_sys::JSON::parse(r#"{"statuses":{"NaN":"x"}}"#).unwrap(),
                    "TypeError",
                    r#"statuses["NaN"] is not a status code from 100 to 599"#,
                ),
            ];
            for (value, name, message) in cases {
                let err = bindings::add_descriptions(value).unwrap_err();
                assert_eq!(error_name(&err), name);
                assert_eq!(get(&err, "message").as_string().unwrap(), message);
            }
            assert_eq!(description(432), text, "a rejected pack changes nothing");
            assert_eq!(
                get(&bindings::classify(JsValue::from(404)).unwrap(), "reason").as_string().unwrap(),
                "Not Found"
            );
        }

        #[wasm_bindgen_test]
        fn parse_error_body_reads_problem_json() {
            let body = r#"{"type":"about:blank","title":"Out of credit","detail":"Balance is 30","status":403}"#;
            let d = bindings::parse_error_body(body.into(), "application/problem+json".into()).unwrap();
            assert_eq!(get(&d, "format").as_string().unwrap(), "problem+json");
            assert_eq!(get(&d, "detail").as_string().unwrap(), "Balance is 30");
            let none = bindings::parse_error_body("<html></html>".into(), "text/html".into()).unwrap();
            assert!(none.is_null());
            let junk = bindings::parse_error_body(JsValue::from(42), JsValue::from(7)).unwrap();
            assert!(junk.is_null());
        }

        #[wasm_bindgen_test]
        fn retry_policy_decides_and_validates() {
            let options = js_sys::JSON::parse(r#"{"seed":1,"baseDelayMs":100,"jitter":"none"}"#).unwrap();
            let policy = bindings::JsRetryPolicy::new(options).unwrap();
            let ctx = js_sys::JSON::parse(r#"{"attempt":1,"method":"GET","status":503}"#).unwrap();
            let d = policy.decide(ctx).unwrap();
            assert_eq!(get(&d, "retry").as_bool(), Some(true));
            assert_eq!(get(&d, "delayMs").as_f64(), Some(100.0));
            let ctx = js_sys::JSON::parse(
                r#"{"attempt":1,"method":"GET","status":429,"headers":{"Retry-After":"2"}}"#,
            )
            .unwrap();
            let d = policy.decide(ctx).unwrap();
            assert_eq!(get(&d, "reason").as_string().unwrap(), "retry_after");
            assert_eq!(get(&d, "delayMs").as_f64(), Some(2000.0));
            let post = js_sys::JSON::parse(r#"{"attempt":1,"method":"POST","status":503}"#).unwrap();
            assert_eq!(get(&policy.decide(post).unwrap(), "reason").as_string().unwrap(), "method");
            let bad = js_sys::JSON::parse(r#"{"limit":-1}"#).unwrap();
            let err = bindings::JsRetryPolicy::new(bad).unwrap_err();
            assert_eq!(error_name(&err), "RangeError");
            let err = policy.decide(JsValue::from(1)).unwrap_err();
            assert_eq!(error_name(&err), "TypeError");
            let ok = js_sys::JSON::parse(r#"{"attempt":1,"status":502}"#).unwrap();
            assert!(policy.decide(ok).is_ok());
        }

        #[wasm_bindgen_test]
        fn decide_primitive_reads_the_scratch_buffer_and_refuses_bad_input() {
            use js_sys::{Uint8Array, WebAssembly};
            use wasm_bindgen::JsCast;
            let options = js_sys::JSON::parse(r#"{"seed":1,"jitter":"none"}"#).unwrap();
            let policy = bindings::JsRetryPolicy::new(options).unwrap();
            let write = |bytes: &[u8]| {
                let at = bindings::scratch(bytes.len() as u32 + 16);
                assert_ne!(at, 0);
                let memory: WebAssembly::Memory = bindings::wasm_memory().unchecked_into();
                Uint8Array::new(&memory.buffer()).set(&Uint8Array::from(bytes), at);
            };
            let now = Some(1_736_942_400_000.0);
            let headers = b"GETretry-after\x002\x00";
            write(headers);
            let code = policy.decide_primitive(1.0, 3, Some(429.0), None, 15, -1, None, None, now);
            let reasons = bindings::retry_reasons();
            assert_eq!(reasons[(code & 15) as usize], "retry_after");
            assert_eq!(code & 16, 16);
            assert_eq!(policy.last_delay_ms(), 2000.0);
            assert_eq!(policy.last_retry_after_ms(), 2000.0);
            assert!(bindings::retry_header_names().iter().any(|n| n == "retry-after"));
            // Anything the full reader would reject comes back as -1, and nothing changes.
            let refused = [
                policy.decide_primitive(0.0, 3, Some(429.0), None, 15, -1, None, None, now),
                policy.decide_primitive(f64::NAN, 3, None, None, -1, -1, None, None, now),
                policy.decide_primitive(1.0, 3, Some(700.0), None, -1, -1, None, None, now),
                policy.decide_primitive(1.0, 3, Some(404.5), None, -1, -1, None, None, now),
                policy.decide_primitive(1.0, 3, None, Some("boom".into()), -1, -1, None, None, now),
                policy.decide_primitive(1.0, 3, None, None, -1, -1, Some(f64::NAN), None, now),
                policy.decide_primitive(1.0, 0, None, None, -1, -1, None, None, now),
                // Lengths past the buffer's end.
                policy.decide_primitive(1.0, 3, None, None, 1 << 21, -1, None, None, now),
                policy.decide_primitive(1.0, i32::MAX, None, None, -1, -1, None, None, now),
            ];
            assert!(refused.iter().all(|&c| c == -1), "{refused:?}");
            // Bytes that are not UTF-8.
            write(b"GET\xff\xfe");
            assert_eq!(policy.decide_primitive(1.0, 5, Some(503.0), None, -1, -1, None, None, now), -1);
            // A scratch request past the cap is clamped, not a failure; the module keeps working.
            assert_ne!(bindings::scratch(u32::MAX), 0);
            write(b"GET");
            let code = policy.decide_primitive(1.0, 3, Some(503.0), None, -1, -1, None, None, now);
            assert_eq!(reasons[(code & 15) as usize], "status");
        }

        #[wasm_bindgen_test]
        fn classify_error_does_not_guess() {
            for value in [
                JsValue::NULL,
                JsValue::UNDEFINED,
                JsValue::from(42),
                JsValue::from("Failed to fetch"),
                js_sys::Error::new("Failed to fetch").into(),
                js_sys::TypeError::new("x is not a function").into(),
            ] {
                assert!(bindings::classify_error(value).unwrap().is_null());
            }
        }
    };
}
