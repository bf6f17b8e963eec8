//! Tests of the failure table and of classify_failure.

use super::*;

fn type_error(message: &str) -> FailureFacts<'_> {
    FailureFacts {
        name: Some("TypeError"),
        message: Some(message),
        is_error: true,
        ..FailureFacts::default()
    }
}

#[test]
fn every_runtime_wording_is_a_network_error() {
    for m in [
        "Failed to fetch",
        "NetworkError when attempting to fetch resource.",
        "Load failed",
        "fetch failed",
        "Network request failed",
        "error sending request for url (http://x/): connection refused",
    ] {
        let c = classify_failure(&type_error(m)).unwrap_or_else(|| panic!("{m}"));
        assert_eq!(
            (c.kind, c.retryable, c.status),
            (Kind::NetworkError, true, None),
            "{m}"
        );
    }
    let safari_offline = type_error("The Internet connection appears to be offline.");
    assert_eq!(
        classify_failure(&safari_offline).unwrap().kind,
        Kind::Offline
    );
}

#[test]
fn offline_when_navigator_says_so() {
    let facts = FailureFacts {
        online: Some(false),
        ..type_error("Failed to fetch")
    };
    assert_eq!(classify_failure(&facts).unwrap().kind, Kind::Offline);
}

#[test]
fn undici_timeouts_come_from_the_cause() {
    let facts = FailureFacts {
        cause_code: Some("UND_ERR_CONNECT_TIMEOUT"),
        ..type_error("fetch failed")
    };
    assert_eq!(classify_failure(&facts).unwrap().kind, Kind::Timeout);
    let refused = FailureFacts {
        cause_code: Some("ECONNREFUSED"),
        ..type_error("fetch failed")
    };
    assert_eq!(classify_failure(&refused).unwrap().kind, Kind::NetworkError);
}

#[test]
fn dom_exceptions() {
    let abort = FailureFacts {
        name: Some("AbortError"),
        is_error: true,
        ..FailureFacts::default()
    };
    let c = classify_failure(&abort).unwrap();
    assert_eq!((c.kind, c.retryable), (Kind::Aborted, false));
    let timeout = FailureFacts {
        name: Some("TimeoutError"),
        ..abort
    };
    let c = classify_failure(&timeout).unwrap();
    assert_eq!((c.kind, c.retryable), (Kind::Timeout, true));
}

#[test]
fn http_errors_carry_their_status() {
    let ours = FailureFacts {
        name: Some("HttpError"),
        status: Some(503.0),
        is_error: true,
        ..FailureFacts::default()
    };
    let c = classify_failure(&ours).unwrap();
    assert_eq!(
        (c.kind, c.retryable, c.status),
        (Kind::ServiceUnavailable, true, Some(503))
    );
    let ky = FailureFacts {
        name: Some("HTTPError"),
        status: Some(404.0),
        ..ours
    };
    assert_eq!(classify_failure(&ky).unwrap().kind, Kind::NotFound);
    let bad_status = FailureFacts {
        status: Some(404.5),
        ..ours
    };
    assert_eq!(classify_failure(&bad_status), None);
    let network = FailureFacts {
        name: Some("NetworkError"),
        code: Some("timeout"),
        ..FailureFacts::default()
    };
    assert_eq!(classify_failure(&network).unwrap().kind, Kind::Timeout);
}

#[test]
fn unknown_values_are_not_guessed() {
    for facts in [
        FailureFacts::default(),
        type_error("undefined is not a function"),
        type_error("Cannot read properties of null"),
        FailureFacts {
            name: Some("Error"),
            message: Some("Failed to fetch"),
            is_error: true,
            ..FailureFacts::default()
        },
        FailureFacts {
            name: Some("TypeError"),
            message: Some("Failed to fetch"),
            is_error: false,
            ..FailureFacts::default()
        },
        FailureFacts {
            name: Some("NetworkError"),
            code: Some("not_found"),
            ..FailureFacts::default()
        },
    ] {
        assert_eq!(classify_failure(&facts), None, "{facts:?}");
    }
}

#[test]
fn every_message_row_is_recognised_in_any_case_and_spacing() {
    for w in FETCH_FAILURES {
        let text = match w.matches {
            Match::Message | Match::AnyMessage => w.text.to_owned(),
            Match::Prefix => format!("{} (http://127.0.0.1:9/): connection refused", w.text),
            Match::Contains | Match::Code => continue,
        };
        for variant in [text.clone(), format!("  {}\n", text.to_ascii_uppercase())] {
            let c = classify_failure(&type_error(&variant)).unwrap_or_else(|| panic!("{variant}"));
            assert_eq!(c.kind, w.kind, "{variant}");
            assert_eq!(c.retryable, w.kind != Kind::Aborted, "{variant}");
        }
    }
}

#[test]
fn the_table_is_well_formed() {
    for (i, w) in FETCH_FAILURES.iter().enumerate() {
        assert!(w.kind.is_failure(), "{w:?}");
        assert!(w.source.len() > 10, "{w:?} names no source");
        assert_eq!(w.text.trim(), w.text, "{w:?}");
        let duplicate = FETCH_FAILURES
            .iter()
            .skip(i + 1)
            .any(|o| o.matches == w.matches && o.text.eq_ignore_ascii_case(w.text));
        assert!(!duplicate, "{w:?} twice");
        if w.matches == Match::Code {
            assert!(
                w.text
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_'),
                "{w:?}"
            );
        }
    }
}

/// `fetch failed` with `cause.code`, as Node.js/undici throw it.
fn undici(code: &str) -> FailureFacts<'_> {
    FailureFacts {
        cause_code: Some(code),
        ..type_error("fetch failed")
    }
}

#[test]
fn every_timeout_code_is_a_timeout_and_the_others_are_not() {
    for code in [
        "UND_ERR_CONNECT_TIMEOUT",
        "UND_ERR_HEADERS_TIMEOUT",
        "UND_ERR_BODY_TIMEOUT",
        "ERR_SOCKET_CONNECTION_TIMEOUT",
        "ETIMEDOUT",
        "ETIMEOUT",
    ] {
        let c = classify_failure(&undici(code)).unwrap();
        assert_eq!((c.kind, c.retryable), (Kind::Timeout, true), "{code}");
    }
    // EAI_AGAIN is a temporary DNS failure: retryable, but not a timeout.
    for code in [
        "EAI_AGAIN",
        "ENOTFOUND",
        "ECONNREFUSED",
        "ECONNRESET",
        "UND_ERR_SOCKET",
        "EHOSTUNREACH",
        "SOMETHING_NEW",
    ] {
        let c = classify_failure(&undici(code)).unwrap();
        assert_eq!((c.kind, c.retryable), (Kind::NetworkError, true), "{code}");
    }
    // A code alone, on a value no wording recognises, is not guessed at.
    let bare = FailureFacts {
        name: Some("Error"),
        message: Some("boom"),
        is_error: true,
        code: Some("ETIMEDOUT"),
        ..FailureFacts::default()
    };
    assert_eq!(classify_failure(&bare), None);
}

#[test]
fn node_20_connect_timeout_over_several_addresses_is_a_timeout() {
    // The reported input: TypeError('fetch failed', { cause: { code: 'ERR_SOCKET_CONNECTION_TIMEOUT' } }).
    let c = classify_failure(&undici("ERR_SOCKET_CONNECTION_TIMEOUT")).unwrap();
    assert_eq!(c.kind, Kind::Timeout);
    // A timeout stays a timeout while offline; a network error becomes offline.
    let offline = FailureFacts {
        online: Some(false),
        ..undici("UND_ERR_HEADERS_TIMEOUT")
    };
    assert_eq!(classify_failure(&offline).unwrap().kind, Kind::Timeout);
    let offline = FailureFacts {
        online: Some(false),
        ..undici("ECONNREFUSED")
    };
    assert_eq!(classify_failure(&offline).unwrap().kind, Kind::Offline);
}

#[test]
fn older_safari_wordings() {
    for (m, kind) in [
        (
            "A server with the specified hostname could not be found.",
            Kind::NetworkError,
        ),
        ("Could not connect to the server.", Kind::NetworkError),
        ("The network connection was lost.", Kind::NetworkError),
        ("The request timed out.", Kind::Timeout),
        (
            "The Internet connection appears to be offline.",
            Kind::Offline,
        ),
        ("cancelled", Kind::Aborted),
    ] {
        assert_eq!(
            classify_failure(&type_error(m)).map(|c| c.kind),
            Some(kind),
            "{m}"
        );
    }
}

#[test]
fn deno_and_bun() {
    let deno_old = "error sending request for url (https://x.test/): error trying to connect: tcp connect error: Connection timed out (os error 110)";
    assert_eq!(
        classify_failure(&type_error(deno_old)).unwrap().kind,
        Kind::Timeout
    );
    let deno_new = "error sending request from 127.0.0.1:50472 for http://localhost:4444/ (127.0.0.1:4444): client error (SendRequest): connection error: Connection reset by peer (os error 54)";
    assert_eq!(
        classify_failure(&type_error(deno_new)).unwrap().kind,
        Kind::NetworkError
    );
    assert_eq!(
        classify_failure(&type_error("client error (Connect)"))
            .unwrap()
            .kind,
        Kind::NetworkError
    );
    // Bun rejects with an Error (not a TypeError) carrying its own code.
    let bun = FailureFacts {
        name: Some("Error"),
        message: Some("Unable to connect. Is the computer able to access the url?"),
        is_error: true,
        code: Some("ConnectionRefused"),
        ..FailureFacts::default()
    };
    assert_eq!(classify_failure(&bun).unwrap().kind, Kind::NetworkError);
    // The same wording on a non-Error value is not guessed at.
    let plain = FailureFacts {
        is_error: false,
        ..bun
    };
    assert_eq!(classify_failure(&plain), None);
    // A prefix must be a prefix of a TypeError's message, not of any error's.
    let not_type_error = FailureFacts {
        name: Some("Error"),
        ..type_error("error sending request for url (x)")
    };
    assert_eq!(classify_failure(&not_type_error), None);
}

#[test]
fn multibyte_messages_never_panic() {
    for m in [
        "é",
        "€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€",
        "client error (€",
        "😀fetch failed",
    ] {
        let _ = classify_failure(&type_error(m));
    }
}
