//! Other HTTP clients' errors: the documented shapes of what axios, ky, ofetch, wretch and got
//! throw, as one table ([`CLIENT_ERRORS`]) that [`crate::failure::classify_failure`] consults.
//!
//! Each row names the library and the version whose source was read, how its error is
//! recognised ([`Guard`]: the `name` it sets, a flag property it sets to `true`, a response), where
//! the HTTP status is read, which `code` values mean which failure, and the source file.
//! A row that matches but finds neither a status nor a known code gives no answer, and the
//! generic rules (fetch's `TypeError` wordings, `AbortError`, `TimeoutError`) still apply: an
//! unknown value is never guessed.
//!
//! The facts come from [`FailureFacts`]: `name`, `code`, `status` (`error.status`, else
//! `error.response.status`), `status_code` (`error.statusCode`, else
//! `error.response.statusCode`), `flags` (bit `i` set when `error[CLIENT_FLAGS[i]] === true`),
//! `has_response` (`error.response` is an object), `cause_name` / `cause_message` (strings on
//! `error.cause`), `online` and, for the wait phrase of a message, `response_headers` (the
//! [`DECISION_HEADERS`](crate::retry::DECISION_HEADERS) of `error.response.headers`).

use crate::failure::{status_class, FailureClass, FailureFacts};
use crate::kind::Kind;
use crate::retry::{server_wait, DEFAULT_AFTER_STATUS_CODES};

/// The flag properties read off a thrown value, in bit order: bit `i` of
/// [`FailureFacts::flags`] is set when `error[CLIENT_FLAGS[i]] === true`.
pub const CLIENT_FLAGS: [&str; 2] = ["isAxiosError", "isKyError"];
/// Bit of `isAxiosError` (an own property axios sets on every `AxiosError`).
pub const AXIOS_FLAG: u32 = 1;
/// Bit of `isKyError` (a getter on ky 2's `KyError`, the base of its errors).
pub const KY_FLAG: u32 = 2;

/// How a row recognises a thrown value: every part given must hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Guard {
    /// `error.name` is this string (`""`: any name; axios copies a wrapped error's `name`).
    pub name: &'static str,
    /// These flag bits are all set (0: none needed).
    pub flags: u32,
    /// `error.response` is an object.
    pub response: bool,
}

impl Guard {
    /// `error.name` is `name`.
    pub const fn name(name: &'static str) -> Guard {
        Guard {
            name,
            flags: 0,
            response: false,
        }
    }

    /// The flag bit is set, whatever the name.
    pub const fn flag(bit: u32) -> Guard {
        Guard {
            name: "",
            flags: bit,
            response: false,
        }
    }

    /// Also the flag bit.
    pub const fn and_flag(self, bit: u32) -> Guard {
        Guard {
            flags: self.flags | bit,
            ..self
        }
    }

    /// Also `error.response` is an object.
    pub const fn with_response(self) -> Guard {
        Guard {
            response: true,
            ..self
        }
    }

    fn matches(self, facts: &FailureFacts<'_>) -> bool {
        (self.name.is_empty() || facts.name == Some(self.name))
            && facts.flags & self.flags == self.flags
            && (facts.has_response || !self.response)
    }
}

/// Where a row reads the HTTP status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusField {
    /// No status.
    None,
    /// `error.status`, else `error.response.status`.
    Status,
    /// `error.statusCode`, else `error.response.statusCode` (Node's `IncomingMessage`).
    StatusCode,
}

/// One documented error shape of another HTTP client: what the classifier reads. The
/// library, version, class and source of each row are in [`CLIENT_ERROR_SOURCES`], at the
/// same index (kept apart so that the documentation strings stay out of the wasm).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientError {
    /// How the error is recognised.
    pub guard: Guard,
    /// Where the status is read; a status from 100 to 599 classifies as that status.
    pub status: StatusField,
    /// `error.code` values and their kinds, tried after the status.
    pub codes: &'static [(&'static str, Kind)],
    /// When true, `error.cause` (its `name` and `message`) is classified as a fetch failure
    /// after the codes.
    pub cause: bool,
    /// The kind when nothing above answered, if the class alone says it.
    pub otherwise: Option<Kind>,
}

/// Where a row of [`CLIENT_ERRORS`] comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientErrorSource {
    /// The library (npm name).
    pub library: &'static str,
    /// The version whose source was read.
    pub version: &'static str,
    /// The error class as the library names it.
    pub class: &'static str,
    /// Where the shape is defined.
    pub source: &'static str,
}

/// Expands the rows into the two parallel tables.
macro_rules! client_errors {
    ($({
        library: $library:expr,
        version: $version:expr,
        class: $class:expr,
        guard: $guard:expr,
        status: $status:expr,
        codes: $codes:expr,
        cause: $cause:expr,
        otherwise: $otherwise:expr,
        source: $source:expr,
    })*) => {
        /// The table. Rows are tried in order; the first that answers wins.
        pub const CLIENT_ERRORS: &[ClientError] = &[$(ClientError {
            guard: $guard,
            status: $status,
            codes: $codes,
            cause: $cause,
            otherwise: $otherwise,
        },)*];

        /// The library, version, class and source of each row of [`CLIENT_ERRORS`].
        pub const CLIENT_ERROR_SOURCES: &[ClientErrorSource] = &[$(ClientErrorSource {
            library: $library,
            version: $version,
            class: $class,
            source: $source,
        },)*];
    };
}

/// axios `AxiosError.code` values for failures without a response (README "Error types").
/// ECONNABORTED is a timeout unless `transitional.clarifyTimeoutError` turns it into
/// ETIMEDOUT; the xhr adapter also uses it for a request the browser aborted, which the user
/// sees as the same "took too long / try again".
const AXIOS_CODES: &[(&str, Kind)] = &[
    ("ERR_CANCELED", Kind::Aborted),
    ("ECONNABORTED", Kind::Timeout),
    ("ERR_NETWORK", Kind::NetworkError),
];

/// Node system error codes of a failed connection, as got lists them in its default
/// `retry.errorCodes` (and axios's http adapter passes them through in `code`).
/// Source: https://github.com/sindresorhus/got/blob/main/documentation/7-retry.md
const NODE_CODES: &[(&str, Kind)] = &[
    ("ETIMEDOUT", Kind::Timeout),
    ("ECONNRESET", Kind::NetworkError),
    ("EADDRINUSE", Kind::NetworkError),
    ("ECONNREFUSED", Kind::NetworkError),
    ("EPIPE", Kind::NetworkError),
    ("ENOTFOUND", Kind::NetworkError),
    ("ENETUNREACH", Kind::NetworkError),
    ("EAI_AGAIN", Kind::NetworkError),
];

/// got's `AbortError.code`.
const GOT_ABORT_CODES: &[(&str, Kind)] = &[("ERR_ABORTED", Kind::Aborted)];

client_errors! {
    {
        library: "axios",
        version: "1.21.1",
        class: "AxiosError (and CanceledError)",
        guard: Guard::flag(AXIOS_FLAG),
        status: StatusField::Status,
        codes: AXIOS_CODES,
        cause: false,
        otherwise: None,
        source: "https://github.com/axios/axios/blob/v1.21.1/lib/core/AxiosError.js (README: Error types)",
    }
    {
        library: "axios",
        version: "1.21.1",
        class: "AxiosError from the Node http adapter",
        guard: Guard::flag(AXIOS_FLAG),
        status: StatusField::None,
        codes: NODE_CODES,
        cause: false,
        otherwise: None,
        source: "https://github.com/axios/axios/blob/v1.21.1/lib/adapters/http.js (AxiosError.from keeps the system code)",
    }
    {
        library: "ky",
        version: "2.1.0",
        class: "HTTPError",
        guard: Guard::name("HTTPError"),
        status: StatusField::Status,
        codes: &[],
        cause: false,
        otherwise: None,
        source: "https://github.com/sindresorhus/ky/blob/v2.1.0/source/errors/HTTPError.ts",
    }
    {
        library: "ky",
        version: "2.1.0",
        class: "NetworkError",
        guard: Guard::name("NetworkError").and_flag(KY_FLAG),
        status: StatusField::None,
        codes: &[],
        cause: true,
        otherwise: Some(Kind::NetworkError),
        source: "https://github.com/sindresorhus/ky/blob/v2.1.0/source/errors/NetworkError.ts",
    }
    {
        library: "ky",
        version: "2.1.0",
        class: "TimeoutError",
        guard: Guard::name("TimeoutError"),
        status: StatusField::None,
        codes: &[],
        cause: false,
        otherwise: Some(Kind::Timeout),
        source: "https://github.com/sindresorhus/ky/blob/v2.1.0/source/errors/TimeoutError.ts",
    }
    {
        library: "ofetch",
        version: "1.5.1",
        class: "FetchError",
        guard: Guard::name("FetchError"),
        status: StatusField::Status,
        codes: &[],
        cause: true,
        otherwise: None,
        source: "https://github.com/unjs/ofetch/blob/v1.5.1/src/error.ts",
    }
    {
        library: "wretch",
        version: "3.0.9",
        class: "WretchError (name 'Error', with status, response and url)",
        guard: Guard::name("Error").with_response(),
        status: StatusField::Status,
        codes: &[],
        cause: false,
        otherwise: None,
        source: "https://github.com/elbywan/wretch/blob/3.0.9/src/resolver.ts",
    }
    {
        library: "got",
        version: "16.1.0",
        class: "HTTPError",
        guard: Guard::name("HTTPError"),
        status: StatusField::StatusCode,
        codes: &[],
        cause: false,
        otherwise: None,
        source: "https://github.com/sindresorhus/got/blob/v16.1.0/source/core/errors.ts",
    }
    {
        library: "got",
        version: "16.1.0",
        class: "RequestError",
        guard: Guard::name("RequestError"),
        status: StatusField::None,
        codes: NODE_CODES,
        cause: false,
        otherwise: None,
        source: "https://github.com/sindresorhus/got/blob/v16.1.0/source/core/errors.ts",
    }
    {
        library: "got",
        version: "16.1.0",
        class: "ReadError",
        guard: Guard::name("ReadError"),
        status: StatusField::None,
        codes: NODE_CODES,
        cause: false,
        otherwise: None,
        source: "https://github.com/sindresorhus/got/blob/v16.1.0/source/core/errors.ts",
    }
    {
        library: "got",
        version: "16.1.0",
        class: "AbortError",
        guard: Guard::name("AbortError"),
        status: StatusField::None,
        codes: GOT_ABORT_CODES,
        cause: false,
        otherwise: None,
        source: "https://github.com/sindresorhus/got/blob/v16.1.0/source/core/errors.ts",
    }
}

impl ClientError {
    /// This row's answer for `facts`, if it recognises them and finds a status or a kind.
    pub fn classify(&self, facts: &FailureFacts<'_>) -> Option<FailureClass> {
        if !self.guard.matches(facts) {
            return None;
        }
        let status = match self.status {
            StatusField::None => None,
            StatusField::Status => facts.status,
            StatusField::StatusCode => facts.status_code,
        };
        if let Some(class) = status.and_then(status_class) {
            return Some(class);
        }
        let code = facts.code.unwrap_or("");
        let kind = self
            .codes
            .iter()
            .find(|(c, _)| *c == code)
            .map(|&(_, kind)| kind)
            .or_else(|| self.cause.then(|| cause_kind(facts)).flatten())
            .or(self.otherwise)?;
        let kind = if kind == Kind::NetworkError && facts.online == Some(false) {
            Kind::Offline
        } else {
            kind
        };
        Some(FailureClass::failure(kind))
    }
}

/// The failure kind of `error.cause`, read as what `fetch` threw (a wrapped fetch failure).
fn cause_kind(facts: &FailureFacts<'_>) -> Option<Kind> {
    let cause = FailureFacts {
        name: facts.cause_name,
        message: facts.cause_message,
        is_error: true,
        online: facts.online,
        ..FailureFacts::default()
    };
    crate::failure::classify_failure(&cause)
        .map(|c| c.kind)
        .filter(|k| k.is_failure())
}

/// Classifies another client's error by the first row of [`CLIENT_ERRORS`] that answers.
pub fn classify_client_error(facts: &FailureFacts<'_>) -> Option<FailureClass> {
    CLIENT_ERRORS.iter().find_map(|row| row.classify(facts))
}

/// The wait, in ms, that the response an error carries asks for (`Retry-After`, `RateLimit`,
/// the reset headers, as the retry policy reads them), for a status whose timing the default
/// policy honours (413, 429, 503): what `userMessage` phrases as "try again in …". `None`
/// without a status, headers or a valid timing.
pub fn carried_wait_ms(facts: &FailureFacts<'_>, now_ms: f64) -> Option<f64> {
    let class = crate::failure::classify_failure(facts)?;
    let status = class.status?;
    if !DEFAULT_AFTER_STATUS_CODES.contains(&status) {
        return None;
    }
    server_wait(facts.response_headers?, now_ms).map(|w| w.ms)
}

#[cfg(test)]
mod tests;
