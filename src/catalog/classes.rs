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

/// Facts for codes no row describes. `code` holds the class's x00 code. Descriptions are one
/// line, like the rows'; an app can register a longer text per code with `addDescriptions`.
static FALLBACK: [Row; 5] = [
    fallback_row(
        100,
        Kind::Informational,
        Retry::No,
        "Informational",
        "RFC 9110 §15.2",
        "Unassigned informational code: treat it as 100 Continue; fetch() never shows 1xx codes.",
    ),
    fallback_row(
        200,
        Kind::Success,
        Retry::No,
        "Success",
        "RFC 9110 §15.3",
        "Unassigned success code: treat it as 200 OK; the API's documentation says what it adds.",
    ),
    fallback_row(
        300,
        Kind::Redirect,
        Retry::No,
        "Redirection",
        "RFC 9110 §15.4",
        "Unassigned redirection code: treat it as 300; fetch() does not follow it, read Location yourself.",
    ),
    fallback_row(
        400,
        Kind::ClientError,
        Retry::No,
        "Client Error",
        "RFC 9110 §15.5",
        "Unassigned client error: treat it as 400; read the error body, resending it unchanged will not help.",
    ),
    fallback_row(
        500,
        Kind::ServerError,
        Retry::Yes,
        "Server Error",
        "RFC 9110 §15.6",
        "Unassigned server error: treat it as 500; retried for idempotent requests, report it if it persists.",
    ),
];
