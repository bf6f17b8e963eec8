//! Status classes (RFC 9110 §15), computed from the number, and the fallback facts an
//! unassigned code inherits from its class's x00 code.

use super::{Retry, Row};
use crate::kind::Kind;

/// The class of a status code: its first digit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StatusClass {
    /// 1xx.
    Informational,
    /// 2xx.
    Success,
    /// 3xx.
    Redirection,
    /// 4xx.
    ClientError,
    /// 5xx.
    ServerError,
}

impl StatusClass {
    /// The class of `code`, or `None` outside 100..=599.
    pub const fn of(code: u16) -> Option<StatusClass> {
        match code {
            100..=199 => Some(StatusClass::Informational),
            200..=299 => Some(StatusClass::Success),
            300..=399 => Some(StatusClass::Redirection),
            400..=499 => Some(StatusClass::ClientError),
            500..=599 => Some(StatusClass::ServerError),
            _ => None,
        }
    }

    /// The snake_case name JavaScript sees.
    pub const fn as_str(self) -> &'static str {
        match self {
            StatusClass::Informational => "informational",
            StatusClass::Success => "success",
            StatusClass::Redirection => "redirection",
            StatusClass::ClientError => "client_error",
            StatusClass::ServerError => "server_error",
        }
    }

    /// The class's x00 code, whose semantics an unassigned code of the class takes (RFC 9110 §15).
    pub const fn base_code(self) -> u16 {
        match self {
            StatusClass::Informational => 100,
            StatusClass::Success => 200,
            StatusClass::Redirection => 300,
            StatusClass::ClientError => 400,
            StatusClass::ServerError => 500,
        }
    }

    /// The row an unassigned code of this class is described by.
    pub(crate) const fn fallback(self) -> &'static Row {
        match self {
            StatusClass::Informational => &FALLBACK[0],
            StatusClass::Success => &FALLBACK[1],
            StatusClass::Redirection => &FALLBACK[2],
            StatusClass::ClientError => &FALLBACK[3],
            StatusClass::ServerError => &FALLBACK[4],
        }
    }
}

const fn fallback_row(
    code: u16,
    kind: Kind,
    retry: Retry,
    reason: &'static str,
    spec: &'static str,
    description: &'static str,
) -> Row {
    Row {
        code,
        registry: super::Registry::Unofficial,
        kind,
        retry,
        reason,
        spec,
        description,
    }
}

/// Facts for codes no row describes. `code` holds the class's x00 code.
static FALLBACK: [Row; 5] = [
    fallback_row(
        100,
        Kind::Informational,
        Retry::No,
        "Informational",
        "RFC 9110 §15.2",
        "An unassigned informational (1xx) code. RFC 9110 says to treat it like 100 Continue: it is \
         an interim response and the final one is still to come. fetch() never exposes 1xx codes to \
         JavaScript, so seeing one usually means a proxy or a test double passed it through.",
    ),
    fallback_row(
        200,
        Kind::Success,
        Retry::No,
        "Success",
        "RFC 9110 §15.3",
        "An unassigned success (2xx) code. RFC 9110 says to treat it like 200 OK: the request \
         succeeded. Check the API's documentation for what this particular code adds.",
    ),
    fallback_row(
        300,
        Kind::Redirect,
        Retry::No,
        "Redirection",
        "RFC 9110 §15.4",
        "An unassigned redirection (3xx) code. RFC 9110 says to treat it like 300 Multiple Choices: \
         the resource is available elsewhere. fetch() does not follow codes it does not know, so read \
         the Location header yourself if the API documents one.",
    ),
    fallback_row(
        400,
        Kind::ClientError,
        Retry::No,
        "Client Error",
        "RFC 9110 §15.5",
        "An unassigned client error (4xx) code. RFC 9110 says to treat it like 400 Bad Request: the \
         server refused the request as sent, and sending it again unchanged will not help. Read the \
         error body (parseErrorBody) and the API's documentation for what this code means there.",
    ),
    fallback_row(
        500,
        Kind::ServerError,
        Retry::Yes,
        "Server Error",
        "RFC 9110 §15.6",
        "An unassigned server error (5xx) code. RFC 9110 says to treat it like 500 Internal Server \
         Error: the server failed to answer a request that may well be valid. Like 500 it is retried \
         for idempotent requests; report it if it persists.",
    ),
];
