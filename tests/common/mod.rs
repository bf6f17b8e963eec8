//! The ABI suite shared by the native run (tests/abi.rs), Node (tests/node.rs) and headless
//! Chromium (tests/web.rs): each test writes an export's inputs into IN as the JavaScript layer
//! does (src/js/abi.js), calls the export, and reads its OUT record.
#![allow(dead_code)]

use http_triage::bindings::io;
use http_triage::json::{Map, Value};

/// Reads the last OUT record.
pub struct Record {
    bytes: Vec<u8>,
    at: usize,
    /// The record's text, decoded.
    text: Vec<u16>,
}

impl Record {
    /// The record of the last call; panics with the message when it is an error record.
    pub fn ok() -> Record {
        let mut r = Record::any();
        match r.u8() {
            0 => r,
            s => panic!("error record {s}: {}", r.str()),
        }
    }

    /// The error record of the last call: `("TypeError" | "RangeError", message)`.
    pub fn err() -> (&'static str, String) {
        let mut r = Record::any();
        let name = match r.u8() {
            1 => "TypeError",
            2 => "RangeError",
            0 => panic!("expected an error record"),
            s => panic!("bad status {s}"),
        };
        (name, r.str())
    }

    fn any() -> Record {
        let bytes = io::last_output();
        let word = |i: usize| u32::from_le_bytes(bytes[i..i + 4].try_into().unwrap()) as usize;
        let (at, len) = (word(1), word(5));
        let text = std::str::from_utf8(&bytes[at..at + len])
            .unwrap()
            .encode_utf16()
            .collect();
        Record { bytes, at: 0, text }
    }

    pub fn u8(&mut self) -> u8 {
        let v = self.bytes[self.at];
        self.at += 1;
        if self.at == 1 {
            self.at = 9; // the status byte, then the text's offset and length
        }
        v
    }

    pub fn u32(&mut self) -> u32 {
        let v = u32::from_le_bytes(self.bytes[self.at..self.at + 4].try_into().unwrap());
        self.at += 4;
        v
    }

    pub fn f64(&mut self) -> f64 {
        let v = f64::from_le_bytes(self.bytes[self.at..self.at + 8].try_into().unwrap());
        self.at += 8;
        v
    }

    pub fn str(&mut self) -> String {
        let (a, b) = (self.u32(), self.u32());
        if a & io::REF == 0 {
            let (a, b) = (a as usize, b as usize);
            return String::from_utf16(&self.text[a..a + b]).unwrap();
        }
        lasting(b as usize, (a & !io::REF) as usize)
    }

    pub fn opt_str(&mut self) -> Option<String> {
        (self.u8() == 1).then(|| self.str())
    }

    pub fn opt_f64(&mut self) -> Option<f64> {
        Some(self.f64()).filter(|n| !n.is_nan())
    }
}

/// Lasting text by its address: only ever written on wasm32, where it is a static or a string of
/// the message store, alive while the test reads it.
#[cfg(target_arch = "wasm32")]
fn lasting(addr: usize, len: usize) -> String {
    #[allow(unsafe_code)]
    // SAFETY: `Out::lasting` wrote the address and length of a live `&str`.
    let bytes = unsafe { std::slice::from_raw_parts(addr as *const u8, len) };
    std::str::from_utf8(bytes).unwrap().to_owned()
}

#[cfg(not(target_arch = "wasm32"))]
fn lasting(_: usize, _: usize) -> String {
    unreachable!("natively, lasting strings are copied")
}

/// Writes `strings` into IN one after the other; returns their byte lengths (-1 for `None`).
pub fn input<const N: usize>(strings: [Option<&str>; N]) -> [i32; N] {
    let mut bytes = Vec::new();
    let lens = strings.map(|s| match s {
        Some(s) => {
            bytes.extend_from_slice(s.as_bytes());
            s.len() as i32
        }
        None => -1,
    });
    io::set_input(&bytes);
    lens
}

/// Writes `strings` into IN as src/js/abi.js `strings()` does (a u32 length each, `u32::MAX` for
/// `None`, then the UTF-8); returns the bytes written.
pub fn header<const N: usize>(strings: [Option<&str>; N]) -> u32 {
    let mut bytes = Vec::new();
    for s in strings {
        bytes.extend_from_slice(&s.map_or(u32::MAX, |s| s.len() as u32).to_le_bytes());
    }
    for s in strings.into_iter().flatten() {
        bytes.extend_from_slice(s.as_bytes());
    }
    io::set_input(&bytes);
    bytes.len() as u32
}

/// A JSON text as our [`Value`].
pub fn value(json: &str) -> Value {
    fn convert(v: serde_json::Value) -> Value {
        match v {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(b),
            serde_json::Value::Number(n) => Value::Number(n.as_f64().unwrap()),
            serde_json::Value::String(s) => Value::String(s),
            serde_json::Value::Array(a) => Value::Array(a.into_iter().map(convert).collect()),
            serde_json::Value::Object(o) => Value::Object(Map::from_pairs(
                o.into_iter().map(|(k, v)| (k, convert(v))).collect(),
            )),
        }
    }
    convert(serde_json::from_str(json).unwrap())
}

/// Writes a JSON text into IN as a tape; returns its length.
pub fn tape(json: &str) -> u32 {
    let bytes = io::write_tape(&value(json));
    io::set_input(&bytes);
    bytes.len() as u32
}

/// Expands the shared tests, each under `$test` (`#[test]` or `#[wasm_bindgen_test]`).
#[macro_export]
macro_rules! shared_suite {
    ($test:meta) => {
        use common::*;
        use http_triage::bindings::{self, io, messages, problem, retry, status};

        /// `classify(code)` read back: (status, class, kind, flags, reason, description, spec).
        fn classify(code: f64) -> (u32, u8, u8, u8, String, String, String) {
            status::classify(code);
            let mut r = Record::ok();
            (r.u32(), r.u8(), r.u8(), r.u8(), r.str(), r.str(), r.str())
        }

        /// The names record: kinds, classes, formats, reasons, headers.
        fn names() -> Vec<Vec<String>> {
            bindings::names();
            let mut r = Record::ok();
            (0..5).map(|_| (0..r.u32()).map(|_| r.str()).collect()).collect()
        }

        fn kind_name(index: u8) -> String {
            names()[0][index as usize].clone()
        }

        #[$test]
        fn classify_answers_the_catalog_row() {
            let (code, class, kind, flags, reason, description, spec) = classify(404.0);
            assert_eq!((code, reason.as_str(), spec.as_str()), (404, "Not Found", "RFC 9110 §15.5.5"));
            assert_eq!(names()[1][class as usize], "client_error");
            assert_eq!(kind_name(kind), "not_found");
            assert_eq!(flags, 1, "registered, not ok, not retryable");
            assert!(!description.is_empty());
            assert_eq!(classify(503.0).3, 1 | 4, "registered and retryable");
            assert_eq!(classify(499.0).3 & 1, 0, "unofficial");
        }

        #[$test]
        fn every_code_in_range_classifies() {
            for code in 100..=599 {
                assert_eq!(classify(f64::from(code)).0, code);
            }
        }

        #[$test]
        fn bad_statuses_are_error_records_and_the_module_survives() {
            for (value, expected) in [
                (-1.0, "RangeError"),
                (99.0, "RangeError"),
                (600.0, "RangeError"),
                (65535.0, "RangeError"),
                (404.5, "TypeError"),
                (f64::NAN, "TypeError"),
                (f64::INFINITY, "TypeError"),
            ] {
                status::classify(value);
                let (name, message) = Record::err();
                assert_eq!(name, expected, "{value}");
                assert!(message.starts_with("status must be an integer from 100 to 599"), "{message}");
            }
            assert_eq!(classify(503.0).4, "Service Unavailable");
        }

        #[$test]
        fn list_statuses_has_every_row() {
            status::list_statuses();
            assert_eq!(Record::ok().u32() as usize, http_triage::catalog::rows().len());
        }

        #[$test]
        fn names_index_the_answers() {
            let names = names();
            assert_eq!(names[0].len(), http_triage::Kind::ALL.len());
            assert_eq!(names[1], ["informational", "success", "redirection", "client_error", "server_error"]);
            assert!(names[2].contains(&"problem+json".to_string()));
            assert_eq!(names[3][0], "status");
            assert!(names[4].contains(&"retry-after".to_string()));
        }

        /// `classifyError` over facts: (kind, retryable, status) or None.
        fn classify_error(
            name: Option<&str>,
            message: Option<&str>,
            code: Option<&str>,
            cause: Option<&str>,
            status: f64,
            flags: u32,
        ) -> Option<(String, bool, Option<f64>)> {
            let len = header([name, message, code, cause, None, None]);
            status::classify_error(len, status, f64::NAN, flags);
            let mut r = Record::ok();
            (r.u8() == 1).then(|| (kind_name(r.u8()), r.u8() == 1, r.opt_f64()))
        }

        #[$test]
        fn classify_error_decides_from_facts() {
            let fetch = |m| classify_error(Some("TypeError"), Some(m), None, None, f64::NAN, 1);
            assert_eq!(fetch("Failed to fetch"), Some(("network_error".into(), true, None)));
            assert_eq!(fetch("x is not a function"), None);
            let offline = classify_error(Some("TypeError"), Some("Failed to fetch"), None, None, f64::NAN, 1 | 2);
            assert_eq!(offline.unwrap().0, "offline", "navigator.onLine false");
            let abort = classify_error(Some("AbortError"), None, None, None, f64::NAN, 1);
            assert_eq!(abort, Some(("aborted".into(), false, None)));
            let http = classify_error(Some("HttpError"), None, None, None, 503.0, 1);
            assert_eq!(http, Some(("service_unavailable".into(), true, Some(503.0))));
            assert_eq!(classify_error(None, None, None, None, f64::NAN, 0), None);
            // Lengths past what IN holds, and bytes that are not UTF-8: no answer, no harm.
            status::classify_error(1 << 20, f64::NAN, f64::NAN, 0);
            assert_eq!(Record::ok().u8(), 0);
            let mut bad = vec![2, 0, 0, 0];
            bad.extend_from_slice(&[0xff; 20]);
            bad.extend_from_slice(b"\xff\xfe");
            io::set_input(&bad);
            status::classify_error(26, f64::NAN, f64::NAN, 1);
            assert_eq!(Record::ok().u8(), 0);
            // Another client's error: axios's flag (bit 4) with a response carrying the status.
            let axios = classify_error(Some("AxiosError"), None, Some("ERR_BAD_RESPONSE"), None, 503.0, 1 | 8 | 16);
            assert_eq!(axios.unwrap().0, "service_unavailable");
            assert_eq!(fetch("fetch failed").unwrap().0, "network_error");
        }

        /// `userMessage` in two steps as src/js/core.js does it: (title, message, action, kind,
        /// locale, dir).
        fn user_message(
            number: Option<f64>,
            locales: &str,
            retry_after_ms: Option<f64>,
        ) -> (String, String, String, String, String, u8) {
            let flags = if number.is_some() { 1 << 8 } else { 1 << 9 } | if retry_after_ms.is_some() { 1 << 10 } else { 0 };
            let call = |phrase: Option<&str>, flags: u32| {
                let mut strings = [None; 19];
                strings[14] = Some(locales);
                strings[16] = phrase;
                let len = header(strings);
                messages::user_message(
                    len, number.unwrap_or(f64::NAN), f64::NAN, f64::NAN, f64::NAN,
                    retry_after_ms.unwrap_or(f64::NAN), f64::NAN, 0.0, flags,
                );
                Record::ok()
            };
            let mut r = call(None, flags);
            if r.u8() == 1 {
                let (locale, value, unit) = (r.str(), r.f64(), r.u8());
                assert!(!locale.is_empty() && value >= 0.0 && unit < 4);
                let phrase = format!("[in {value} unit {unit}]");
                r = call(Some(&phrase), flags | 1 << 12);
                assert_eq!(r.u8(), 0);
            }
            (r.str(), r.str(), r.str(), kind_name(r.u8()), r.str(), r.u8())
        }

        #[$test]
        fn user_message_asks_for_the_wait_phrase_then_uses_it() {
            let (title, _, _, kind, locale, dir) = user_message(Some(503.0), "en", None);
            assert!(!title.is_empty());
            assert_eq!((kind.as_str(), locale.as_str(), dir), ("service_unavailable", "en", 0));
            let (_, _, action, ..) = user_message(Some(429.0), "en-GB\0fr", Some(30_000.0));
            assert!(action.contains("[in 30 unit 0]"), "{action}");
            let len = header([None; 19]);
            messages::user_message(len, 700.0, f64::NAN, f64::NAN, f64::NAN, f64::NAN, f64::NAN, 0.0, 1 << 8);
            let mut r = Record::ok();
            assert_eq!(r.u8(), 0);
            let _ = (r.str(), r.str(), r.str());
            assert_eq!(kind_name(r.u8()), "unknown", "userMessage answers every input");
            messages::user_message(len, 404.0, f64::NAN, f64::NAN, f64::NAN, -5.0, f64::NAN, 0.0, 1 << 8 | 1 << 10);
            assert_eq!(Record::err().0, "RangeError", "a negative retryAfterMs option");
            // A carried response's Retry-After says when (ky's HTTPError with its response).
            let mut strings = [None; 19];
            strings[0] = Some("HTTPError");
            strings[13] = Some("retry-after\x0030\x00");
            strings[14] = Some("en");
            let len = header(strings);
            messages::user_message(len, f64::NAN, f64::NAN, 429.0, f64::NAN, f64::NAN, f64::NAN, 0.0, 1 << 9 | 8 | 32);
            let mut r = Record::ok();
            assert_eq!(r.u8(), 1, "a phrase is asked for: the response says 30 s");
            assert_eq!((r.str(), r.f64(), r.u8()), ("en".to_string(), 30.0, 0));
        }

        #[$test]
        fn catalogs_and_descriptions_cross_as_tapes() {
            let len = tape(r#"{"locale":"en","statuses":{"401":{"message":"Your API key is invalid."}}}"#);
            messages::add_messages(len);
            assert_eq!(Record::ok().str(), "en");
            assert_eq!(user_message(Some(401.0), "en", None).1, "Your API key is invalid.");
            let len = tape(r#"{"locale":"en","kinds":{"not_found":{"title":5}}}"#);
            messages::add_messages(len);
            assert_eq!(Record::err(), ("TypeError", "kinds.not_found.title must be a string".into()));
            // 432 has no catalog row, so no other test sees the registered text.
            let text = "Our API's own 432: the cart was closed for the day, try again tomorrow.";
            let len = tape(&format!(r#"{{"statuses":{{"432":"{text}"}}}}"#));
            messages::add_descriptions(len);
            Record::ok();
            assert_eq!(classify(432.0).5, text);
            let len = tape(r#"{"statuses":{"600":"x"}}"#);
            messages::add_descriptions(len);
            assert_eq!(Record::err().0, "RangeError");
            // A malformed tape is a type error, not a crash.
            io::set_input(&[6, 9, 9, 9, 9]);
            messages::add_messages(5);
            assert_eq!(Record::err().0, "TypeError");
            messages::list_locales();
            assert!(Record::ok().u32() >= 1);
        }

        #[$test]
        fn parse_error_body_reads_text_and_tapes() {
            let body = r#"{"type":"about:blank","title":"Out of credit","detail":"Balance is 30","status":403}"#;
            let len = tape(body);
            let mut bytes = io::write_tape(&value(body));
            bytes.extend_from_slice(b"application/problem+json");
            io::set_input(&bytes);
            problem::parse_error_body(1, len as i32, 24);
            let mut r = Record::ok();
            assert_eq!(r.u8(), 1);
            assert_eq!(names()[2][r.u8() as usize], "problem+json");
            assert_eq!(r.opt_f64(), Some(403.0));
            assert_eq!(r.opt_f64(), None, "no retryAfterMs");
            assert_eq!(r.opt_str().as_deref(), Some("Out of credit"));
            assert_eq!(r.opt_str().as_deref(), Some("Balance is 30"));
            let [t, ct] = input([Some("<html></html>"), Some("text/html")]);
            problem::parse_error_body(0, t, ct);
            assert_eq!(Record::ok().u8(), 0);
            let [t, ct] = input([Some("Disk quota exceeded"), None]);
            problem::parse_error_body(0, t, ct);
            assert_eq!(Record::ok().u8(), 1, "plain text");
            io::set_input(&[6, 1, 0, 0, 0]);
            problem::parse_error_body(1, 5, -1);
            assert_eq!(Record::ok().u8(), 0, "a truncated tape is no body");
            problem::parse_error_body(7, 0, -1);
            assert_eq!(Record::ok().u8(), 0, "an unknown body kind");
        }

        /// `decide` read back: (retry, reason, delay, retryAfter).
        fn decide(handle: u32, attempt: f64, method: &str, status: f64, headers: Option<&str>) -> (bool, String, f64, Option<f64>) {
            let [m, h] = input([Some(method), headers]);
            retry::policy_decide(handle, attempt, status, 0, f64::NAN, f64::NAN, f64::NAN, 1_736_942_400_000.0, m, h, -1);
            let mut r = Record::ok();
            (r.u8() == 1, names()[3][r.u8() as usize].clone(), r.f64(), r.opt_f64())
        }

        #[$test]
        fn policies_decide_validate_and_free() {
            let len = tape(r#"{"seed":1,"baseDelayMs":100,"jitter":"none"}"#);
            retry::policy_new(len, 0.5);
            let handle = Record::ok().u32();
            assert_eq!(decide(handle, 1.0, "GET", 503.0, None), (true, "status".into(), 100.0, None));
            let d = decide(handle, 1.0, "GET", 429.0, Some("retry-after\x002\x00"));
            assert_eq!(d, (true, "retry_after".into(), 2000.0, Some(2000.0)));
            assert_eq!(decide(handle, 1.0, "POST", 503.0, None).1, "method");
            assert_eq!(decide(handle, 3.0, "GET", 503.0, None).1, "limit");
            retry::policy_info(handle);
            let mut info = Record::ok();
            assert_eq!((info.u32(), info.f64()), (2, 60_000.0));
            for (attempt, status) in [(0.0, 503.0), (f64::NAN, 503.0), (1.0, 700.0), (1.0, 404.5)] {
                let [m] = input([Some("GET")]);
                retry::policy_decide(handle, attempt, status, 0, f64::NAN, f64::NAN, f64::NAN, 0.0, m, -1, -1);
                Record::err();
            }
            io::set_input(b"GET\xff\xfe");
            retry::policy_decide(handle, 1.0, 503.0, 0, f64::NAN, f64::NAN, f64::NAN, 0.0, 5, -1, -1);
            assert_eq!(Record::err().0, "TypeError", "bytes that are not UTF-8");
            let len = tape(r#"{"limit":-1}"#);
            retry::policy_new(len, 0.5);
            assert_eq!(Record::err().0, "RangeError");
            let mut nan = io::write_tape(&value(r#"{"limit":0}"#));
            let at = nan.len() - 8;
            nan[at..].copy_from_slice(&f64::NAN.to_le_bytes());
            io::set_input(&nan);
            retry::policy_new(nan.len() as u32, 0.5);
            assert_eq!(Record::err(), ("RangeError", "limit must be a finite number, got NaN".into()));
            retry::policy_free(handle);
            retry::policy_free(handle);
            retry::policy_success(handle, -1);
            let [m] = input([Some("GET")]);
            retry::policy_decide(handle, 1.0, 503.0, 0, f64::NAN, f64::NAN, f64::NAN, 0.0, m, -1, -1);
            assert_eq!(Record::err().1, "RetryPolicy was freed; create a new one");
            // A freed slot is reused; an unknown handle is refused.
            let len = tape("null");
            retry::policy_new(len, 0.5);
            assert_eq!(Record::ok().u32(), handle);
            retry::policy_info(u32::MAX);
            Record::err();
            retry::policy_free(handle);
        }

        #[$test]
        fn input_is_bounded() {
            assert_eq!(bindings::input(u32::MAX), 0);
            assert_ne!(bindings::input(64), 0);
            assert_eq!(classify(200.0).4, "OK");
        }
    };
}
