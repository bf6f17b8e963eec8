//! Classification of what a `fetch` call throws: failures with no HTTP response, and errors
//! of this package or of other clients that carry a status.
//!
//! The bindings read a few plain facts off the thrown value ([`FailureFacts`]); the decision is
//! made here so it is testable natively. Unknown values are never guessed: they give `None`.

use crate::classify::classify_builtin;
use crate::kind::Kind;

/// The messages runtimes put in the `TypeError` that `fetch()` rejects with when no response
/// arrived. Compared case-insensitively against the whole message (trimmed).
const FETCH_FAILURE_MESSAGES: &[(&str, Kind)] = &[
    // Chromium, Edge, Opera (any platform).
    ("failed to fetch", Kind::NetworkError),
    // Firefox.
    (
        "networkerror when attempting to fetch resource.",
        Kind::NetworkError,
    ),
    // Safari 17+ and WebKit on iOS.
    ("load failed", Kind::NetworkError),
    // Safari 16 and earlier, when the device has no connection.
    (
        "the internet connection appears to be offline.",
        Kind::Offline,
    ),
    // Safari when the connection drops mid-request.
    ("the network connection was lost.", Kind::NetworkError),
    // Safari when the request takes too long at the OS level.
    ("the request timed out.", Kind::Timeout),
    // Node.js 18+ (undici); the cause carries the system error code.
    ("fetch failed", Kind::NetworkError),
    // undici when the body stream is cut off.
    ("terminated", Kind::NetworkError),
    // React Native / whatwg-fetch polyfill.
    ("network request failed", Kind::NetworkError),
    // Chromium's Network Service in some embedded contexts, Cloudflare Workers.
    ("network error", Kind::NetworkError),
    ("network connection lost.", Kind::NetworkError),
];

/// Deno: `error sending request for url (https://…): …`.
const FETCH_FAILURE_PREFIXES: &[&str] = &["error sending request for url"];

/// undici / Node system error codes (on `error.cause.code`) that mean a timeout.
const TIMEOUT_CAUSE_CODES: &[&str] = &[
    "UND_ERR_CONNECT_TIMEOUT",
    "UND_ERR_HEADERS_TIMEOUT",
    "UND_ERR_BODY_TIMEOUT",
    "ETIMEDOUT",
];

/// Plain facts read off a thrown JavaScript value.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct FailureFacts<'a> {
    /// `error.name`, when it is a string (`TypeError`, `AbortError`, `HttpError`, …).
    pub name: Option<&'a str>,
    /// `error.message`, when it is a string.
    pub message: Option<&'a str>,
    /// True when the value is an `Error` (or `DOMException`) instance.
    pub is_error: bool,
    /// `error.code`, when it is a string (this package's errors carry their kind there).
    pub code: Option<&'a str>,
    /// `error.cause.code`, when it is a string (undici puts `ECONNREFUSED` etc. there).
    pub cause_code: Option<&'a str>,
    /// `error.status` or `error.response.status`, when it is a number.
    pub status: Option<f64>,
    /// `navigator.onLine`, when the runtime has it.
    pub online: Option<bool>,
    /// `error.statusCode` or `error.response.statusCode`, when it is a number (got, ofetch).
    pub status_code: Option<f64>,
    /// Bit `i` set when `error[crate::clients::CLIENT_FLAGS[i]] === true` (`isAxiosError`, …).
    pub flags: u32,
    /// True when `error.response` is an object.
    pub has_response: bool,
    /// `error.cause.name`, when it is a string.
    pub cause_name: Option<&'a str>,
    /// `error.cause.message`, when it is a string.
    pub cause_message: Option<&'a str>,
    /// The decision headers of `error.response.headers` (only `userMessage` reads them).
    pub response_headers: Option<crate::retry::HeaderView<'a>>,
}

/// What [`classify_failure`] decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FailureClass {
    /// The outcome kind.
    pub kind: Kind,
    /// Whether the default retry policy would retry it (for an idempotent request).
    pub retryable: bool,
    /// The HTTP status, for errors that carry a response.
    pub status: Option<u16>,
}

impl FailureClass {
    pub(crate) fn failure(kind: Kind) -> Self {
        FailureClass {
            kind,
            retryable: matches!(kind, Kind::NetworkError | Kind::Timeout | Kind::Offline),
            status: None,
        }
    }
}

/// Names of this package's error classes that carry an HTTP status (other clients' errors:
/// [`crate::clients`]).
const HTTP_ERROR_NAMES: &[&str] = &["HttpError"];

/// Classifies a thrown value from its facts; `None` when it is not recognisably a fetch
/// failure or an HTTP error.
pub fn classify_failure(facts: &FailureFacts<'_>) -> Option<FailureClass> {
    let name = facts.name.unwrap_or("");
    if let Some(class) = crate::clients::classify_client_error(facts) {
        return Some(class);
    }
    // This package's NetworkError carries its kind in `code`.
    if name == "NetworkError" {
        if let Some(kind) = facts.code.and_then(Kind::from_name) {
            if kind.is_failure() {
                return Some(FailureClass::failure(kind));
            }
        }
    }
    if HTTP_ERROR_NAMES.contains(&name) {
        if let Some(class) = facts.status.and_then(status_class) {
            return Some(class);
        }
    }
    match name {
        "AbortError" => return Some(FailureClass::failure(Kind::Aborted)),
        "TimeoutError" => return Some(FailureClass::failure(Kind::Timeout)),
        _ => {}
    }
    if name == "TypeError" && facts.is_error {
        let message = facts.message.unwrap_or("").trim();
        let kind = fetch_failure_kind(message)?;
        if let Some(cause) = facts.cause_code {
            if TIMEOUT_CAUSE_CODES.contains(&cause) {
                return Some(FailureClass::failure(Kind::Timeout));
            }
        }
        let kind = if kind == Kind::NetworkError && facts.online == Some(false) {
            Kind::Offline
        } else {
            kind
        };
        return Some(FailureClass::failure(kind));
    }
    None
}

fn fetch_failure_kind(message: &str) -> Option<Kind> {
    let lower = message.to_ascii_lowercase();
    if let Some(&(_, kind)) = FETCH_FAILURE_MESSAGES.iter().find(|(m, _)| *m == lower) {
        return Some(kind);
    }
    FETCH_FAILURE_PREFIXES
        .iter()
        .any(|p| lower.starts_with(p))
        .then_some(Kind::NetworkError)
}

pub(crate) fn status_class(status: f64) -> Option<FailureClass> {
    if !status.is_finite() || status.fract() != 0.0 || !(100.0..=599.0).contains(&status) {
        return None;
    }
    let info = classify_builtin(status as u16)?;
    Some(FailureClass {
        kind: info.kind,
        retryable: info.retryable,
        status: Some(info.status),
    })
}

#[cfg(test)]
mod tests {
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
}
