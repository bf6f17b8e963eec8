use super::*;
use crate::failure::classify_failure;
use crate::retry::Headers;

fn named(name: &str) -> FailureFacts<'_> {
    FailureFacts {
        name: Some(name),
        is_error: true,
        ..FailureFacts::default()
    }
}

/// The facts each library's error gives, as read off the real libraries (see
/// tests/js/adapters-errors.test.mjs, which checks the same shapes end to end), with the kind,
/// status and the index of the row expected to answer.
fn samples() -> Vec<(
    &'static str,
    FailureFacts<'static>,
    Kind,
    Option<u16>,
    usize,
)> {
    vec![
        (
            "axios 503",
            FailureFacts {
                code: Some("ERR_BAD_RESPONSE"),
                status: Some(503.0),
                flags: AXIOS_FLAG,
                has_response: true,
                ..named("AxiosError")
            },
            Kind::ServiceUnavailable,
            Some(503),
            0,
        ),
        (
            "axios network error (xhr, fetch adapters)",
            FailureFacts {
                code: Some("ERR_NETWORK"),
                flags: AXIOS_FLAG,
                ..named("AxiosError")
            },
            Kind::NetworkError,
            None,
            0,
        ),
        (
            "axios timeout",
            FailureFacts {
                code: Some("ECONNABORTED"),
                flags: AXIOS_FLAG,
                ..named("AxiosError")
            },
            Kind::Timeout,
            None,
            0,
        ),
        (
            "axios canceled",
            FailureFacts {
                code: Some("ERR_CANCELED"),
                flags: AXIOS_FLAG,
                ..named("CanceledError")
            },
            Kind::Aborted,
            None,
            0,
        ),
        (
            "axios refused in Node (the wrapped error's name is kept)",
            FailureFacts {
                code: Some("ECONNREFUSED"),
                flags: AXIOS_FLAG,
                cause_name: Some("Error"),
                ..named("Error")
            },
            Kind::NetworkError,
            None,
            1,
        ),
        (
            "axios clarified timeout",
            FailureFacts {
                code: Some("ETIMEDOUT"),
                flags: AXIOS_FLAG,
                ..named("AxiosError")
            },
            Kind::Timeout,
            None,
            1,
        ),
        (
            "ky HTTPError 429",
            FailureFacts {
                status: Some(429.0),
                flags: KY_FLAG,
                has_response: true,
                ..named("HTTPError")
            },
            Kind::RateLimited,
            Some(429),
            2,
        ),
        (
            "ky NetworkError",
            FailureFacts {
                flags: KY_FLAG,
                cause_name: Some("TypeError"),
                cause_message: Some("fetch failed"),
                ..named("NetworkError")
            },
            Kind::NetworkError,
            None,
            3,
        ),
        (
            "ky TimeoutError",
            FailureFacts {
                flags: KY_FLAG,
                ..named("TimeoutError")
            },
            Kind::Timeout,
            None,
            4,
        ),
        (
            "ofetch FetchError 404",
            FailureFacts {
                status: Some(404.0),
                status_code: Some(404.0),
                has_response: true,
                ..named("FetchError")
            },
            Kind::NotFound,
            Some(404),
            5,
        ),
        (
            "ofetch FetchError without a response",
            FailureFacts {
                cause_name: Some("TypeError"),
                cause_message: Some("Failed to fetch"),
                ..named("FetchError")
            },
            Kind::NetworkError,
            None,
            5,
        ),
        (
            "ofetch FetchError after its own timeout",
            FailureFacts {
                cause_name: Some("TimeoutError"),
                cause_message: Some("[TimeoutError]: The operation was aborted due to timeout"),
                ..named("FetchError")
            },
            Kind::Timeout,
            None,
            5,
        ),
        (
            "wretch WretchError 500",
            FailureFacts {
                status: Some(500.0),
                has_response: true,
                cause_name: Some("Error"),
                ..named("Error")
            },
            Kind::ServerError,
            Some(500),
            6,
        ),
        (
            "got HTTPError 503",
            FailureFacts {
                code: Some("ERR_NON_2XX_3XX_RESPONSE"),
                status_code: Some(503.0),
                has_response: true,
                ..named("HTTPError")
            },
            Kind::ServiceUnavailable,
            Some(503),
            7,
        ),
        (
            "got RequestError ECONNREFUSED",
            FailureFacts {
                code: Some("ECONNREFUSED"),
                ..named("RequestError")
            },
            Kind::NetworkError,
            None,
            8,
        ),
        (
            "got ReadError ECONNRESET",
            FailureFacts {
                code: Some("ECONNRESET"),
                ..named("ReadError")
            },
            Kind::NetworkError,
            None,
            9,
        ),
        (
            "got AbortError",
            FailureFacts {
                code: Some("ERR_ABORTED"),
                ..named("AbortError")
            },
            Kind::Aborted,
            None,
            10,
        ),
    ]
}

#[test]
fn every_documented_shape_is_classified_by_its_row() {
    for (label, facts, kind, status, row) in samples() {
        let c = classify_failure(&facts).unwrap_or_else(|| panic!("{label}: no answer"));
        assert_eq!((c.kind, c.status), (kind, status), "{label}");
        let retryable = match status {
            Some(s) => crate::classify::classify_builtin(s).is_some_and(|i| i.retryable),
            None => matches!(kind, Kind::NetworkError | Kind::Timeout),
        };
        assert_eq!(c.retryable, retryable, "{label}");
        let first = CLIENT_ERRORS
            .iter()
            .position(|r| r.classify(&facts).is_some());
        assert_eq!(first, Some(row), "{label}: answered by the wrong row");
    }
}

#[test]
fn every_row_answers_some_sample_and_names_its_source() {
    assert_eq!(CLIENT_ERRORS.len(), CLIENT_ERROR_SOURCES.len());
    let samples = samples();
    for (i, row) in CLIENT_ERROR_SOURCES.iter().enumerate() {
        assert!(
            samples.iter().any(|s| s.4 == i),
            "row {i} ({} {}) has no sample",
            row.library,
            row.class
        );
        assert!(
            row.source.starts_with("https://github.com/"),
            "{}",
            row.source
        );
        assert!(row.version.split('.').count() == 3, "{}", row.version);
    }
}

#[test]
fn network_errors_are_offline_when_the_runtime_says_so() {
    for facts in [
        FailureFacts {
            code: Some("ERR_NETWORK"),
            flags: AXIOS_FLAG,
            online: Some(false),
            ..named("AxiosError")
        },
        FailureFacts {
            flags: KY_FLAG,
            cause_name: Some("TypeError"),
            cause_message: Some("Failed to fetch"),
            online: Some(false),
            ..named("NetworkError")
        },
        FailureFacts {
            cause_name: Some("TypeError"),
            cause_message: Some("Load failed"),
            online: Some(false),
            ..named("FetchError")
        },
    ] {
        let c = classify_failure(&facts).unwrap();
        assert_eq!((c.kind, c.retryable), (Kind::Offline, true), "{facts:?}");
    }
}

#[test]
fn shapes_that_say_nothing_are_not_guessed() {
    for facts in [
        // An axios configuration error: no response, no failure code.
        FailureFacts {
            code: Some("ERR_BAD_OPTION_VALUE"),
            flags: AXIOS_FLAG,
            ..named("AxiosError")
        },
        // `isAxiosError` must be exactly true: a name alone is not axios.
        FailureFacts {
            code: Some("ERR_NETWORK"),
            ..named("AxiosError")
        },
        // A NetworkError that is neither ours (no kind in `code`) nor ky's (no flag).
        named("NetworkError"),
        // A plain Error with a status but no response object is not wretch's.
        FailureFacts {
            status: Some(503.0),
            ..named("Error")
        },
        // got's wrapper of a failure that is not a connection failure.
        FailureFacts {
            code: Some("ERR_GOT_REQUEST_ERROR"),
            ..named("RequestError")
        },
        // ofetch without a response and with a cause fetch never throws.
        FailureFacts {
            cause_name: Some("SyntaxError"),
            cause_message: Some("Unexpected token"),
            ..named("FetchError")
        },
        // A status out of range, and a status read from the wrong field.
        FailureFacts {
            status: Some(1503.0),
            has_response: true,
            ..named("HTTPError")
        },
        FailureFacts {
            status: Some(503.0),
            has_response: true,
            ..named("RequestError")
        },
        // Node system codes only count inside a client's own error.
        FailureFacts {
            code: Some("ECONNREFUSED"),
            ..named("Error")
        },
    ] {
        assert_eq!(classify_failure(&facts), None, "{facts:?}");
    }
}

#[test]
fn the_wait_phrase_comes_from_the_carried_response() {
    const NOW: f64 = 1_700_000_000_000.0;
    let seconds = Headers::from_pairs([("retry-after", "30")]);
    let date = Headers::from_pairs([("Retry-After", "Tue, 14 Nov 2023 22:14:20 GMT")]);
    let ky_429 = FailureFacts {
        status: Some(429.0),
        flags: KY_FLAG,
        has_response: true,
        response_headers: Some((&seconds).into()),
        ..named("HTTPError")
    };
    assert_eq!(carried_wait_ms(&ky_429, NOW), Some(30_000.0));
    let got_503 = FailureFacts {
        status_code: Some(503.0),
        has_response: true,
        response_headers: Some((&date).into()),
        ..named("HTTPError")
    };
    assert_eq!(carried_wait_ms(&got_503, NOW), Some(60_000.0));
    // NOW is 2023-11-14 22:13:20 GMT. Statuses whose timing the default policy does not
    // honour, no headers, no status.
    let ky_500 = FailureFacts {
        status: Some(500.0),
        ..ky_429
    };
    assert_eq!(carried_wait_ms(&ky_500, NOW), None);
    let bare = FailureFacts {
        response_headers: None,
        ..ky_429
    };
    assert_eq!(carried_wait_ms(&bare, NOW), None);
    let network = FailureFacts {
        code: Some("ERR_NETWORK"),
        flags: AXIOS_FLAG,
        response_headers: Some((&seconds).into()),
        ..named("AxiosError")
    };
    assert_eq!(carried_wait_ms(&network, NOW), None);
}

#[cfg(not(target_arch = "wasm32"))]
mod props {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn arbitrary_facts_never_panic_and_answer_within_the_vocabulary(
            name in prop::sample::select(vec!["AxiosError", "Error", "HTTPError", "NetworkError",
                "TimeoutError", "FetchError", "RequestError", "ReadError", "AbortError", "TypeError", ""]),
            code in prop::option::of("[A-Z_]{0,14}"),
            status in prop::option::of(prop_oneof![Just(f64::NAN), Just(f64::INFINITY), -1e3f64..1e4]),
            status_code in prop::option::of(0f64..1e3),
            flags in 0u32..8,
            has_response in any::<bool>(),
            cause_message in prop::option::of(prop::sample::select(vec!["fetch failed", "Failed to fetch", "x"])),
            online in prop::option::of(any::<bool>()),
        ) {
            let facts = FailureFacts {
                name: Some(name),
                code: code.as_deref(),
                status,
                status_code,
                flags,
                has_response,
                cause_name: Some("TypeError"),
                cause_message,
                online,
                ..FailureFacts::default()
            };
            if let Some(c) = classify_client_error(&facts) {
                match c.status {
                    Some(s) => prop_assert!((100..=599).contains(&s)),
                    None => prop_assert!(c.kind.is_failure()),
                }
            }
            let _ = carried_wait_ms(&facts, 0.0);
        }
    }
}
