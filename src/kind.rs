//! The stable vocabulary of outcome kinds.
//!
//! Every classification (a status code or a failure without a response) ends in exactly one
//! [`Kind`]; [`Kind::Unknown`] is only for end-user messages about values that are neither.
//! The string forms are part of the public contract: they are what JavaScript sees in `kind`,
//! what message catalogs are keyed by, and what `HttpError.code` carries.

use core::fmt;

macro_rules! kinds {
    ($( $(#[$doc:meta])* $variant:ident => $name:literal, )*) => {
        /// One outcome kind of the public vocabulary.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Kind {
            $( $(#[$doc])* $variant, )*
        }

        impl Kind {
            /// Every kind, in vocabulary order.
            pub const ALL: &'static [Kind] = &[$(Kind::$variant,)*];

            /// The kind's stable snake_case name, as JavaScript sees it.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( Kind::$variant => $name, )*
                }
            }

            /// Looks a kind up by its snake_case name; `None` for anything else.
            pub fn from_name(name: &str) -> Option<Kind> {
                // A scan of ALL: a `match` on 36 strings compiles to a comparison tree several
                // times larger in the wasm.
                Kind::ALL.iter().copied().find(|k| k.as_str() == name)
            }
        }
    };
}

kinds! {
    /// 1xx: an interim response.
    Informational => "informational",
    /// 2xx: the request succeeded.
    Success => "success",
    /// 3xx other than 304: the resource is elsewhere.
    Redirect => "redirect",
    /// 304: the cached copy is still valid.
    NotModified => "not_modified",
    /// 400 and other malformed-request codes.
    BadRequest => "bad_request",
    /// 401, 407, 511: credentials are missing or were rejected.
    Unauthorized => "unauthorized",
    /// 402.
    PaymentRequired => "payment_required",
    /// 403: authenticated but not allowed.
    Forbidden => "forbidden",
    /// 404.
    NotFound => "not_found",
    /// 405.
    MethodNotAllowed => "method_not_allowed",
    /// 406.
    NotAcceptable => "not_acceptable",
    /// 408.
    RequestTimeout => "request_timeout",
    /// 409.
    Conflict => "conflict",
    /// 410.
    Gone => "gone",
    /// 412 and 428.
    PreconditionFailed => "precondition_failed",
    /// 413.
    PayloadTooLarge => "payload_too_large",
    /// 414.
    UriTooLong => "uri_too_long",
    /// 415.
    UnsupportedMediaType => "unsupported_media_type",
    /// 416.
    RangeNotSatisfiable => "range_not_satisfiable",
    /// 422: the request was understood but its content is invalid.
    ValidationFailed => "validation_failed",
    /// 423.
    Locked => "locked",
    /// 425.
    TooEarly => "too_early",
    /// 426.
    UpgradeRequired => "upgrade_required",
    /// 429.
    RateLimited => "rate_limited",
    /// 431 and nginx 494.
    HeaderTooLarge => "header_too_large",
    /// 451.
    UnavailableForLegalReasons => "unavailable_for_legal_reasons",
    /// Any other 4xx.
    ClientError => "client_error",
    /// 500 and any other 5xx without a more specific kind.
    ServerError => "server_error",
    /// 501.
    NotImplemented => "not_implemented",
    /// 502 and proxy/CDN errors about the origin's answer.
    BadGateway => "bad_gateway",
    /// 503.
    ServiceUnavailable => "service_unavailable",
    /// 504 and proxy/CDN timeouts.
    GatewayTimeout => "gateway_timeout",
    /// The request failed without a response (connection refused, reset, DNS, CORS…).
    NetworkError => "network_error",
    /// The device reports that it has no network connection.
    Offline => "offline",
    /// The request took longer than the caller allowed.
    Timeout => "timeout",
    /// The caller aborted the request.
    Aborted => "aborted",
    /// A value `userMessage` does not recognise as an outcome (a plain `Error`, a string, a
    /// number outside 100..=599). Never given by `classify` or `classifyError`.
    Unknown => "unknown",
}

impl Kind {
    /// True for the kinds that describe a failure with no HTTP response.
    pub const fn is_failure(self) -> bool {
        matches!(
            self,
            Kind::NetworkError | Kind::Offline | Kind::Timeout | Kind::Aborted
        )
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for &k in Kind::ALL {
            assert_eq!(Kind::from_name(k.as_str()), Some(k));
            assert!(seen.insert(k.as_str()), "duplicate name {}", k);
        }
        assert_eq!(Kind::ALL.len(), 37);
        assert_eq!(Kind::from_name("teapot"), None);
    }

    #[test]
    fn failure_kinds() {
        let failures: Vec<_> = Kind::ALL.iter().filter(|k| k.is_failure()).collect();
        assert_eq!(failures.len(), 4);
    }
}
