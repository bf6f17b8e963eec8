//! Reading API error bodies: `parseErrorBody(body, contentType?)`.
//!
//! An error response's body often says more than its status code: a machine-readable code, a
//! human-readable detail, which request fields were wrong. This module recognises the common
//! shapes (RFC 9457 problem details, Google AIP-193, Stripe, GitHub, JSON:API, GraphQL,
//! OData/Microsoft, AWS JSON protocols, and a handful of generic conventions) and reduces each
//! to one [`ErrorDetails`].
//!
//! The input is hostile by assumption (it arrives when something went wrong), so:
//! - nothing here panics, and malformed or truncated JSON gives `None`;
//! - only the first [`MAX_BODY_BYTES`] of a text body are read;
//! - only known paths of a parsed value are visited (no generic recursion), so even a value
//!   nested 100,000 levels deep is handled in constant stack;
//! - every returned string is plain text: control characters and bidi overrides removed,
//!   whitespace collapsed and trimmed, at most [`MAX_TEXT_CHARS`] characters;
//! - at most [`MAX_FIELD_ERRORS`] field errors and [`MAX_EXTENSIONS`] extension members.
//!
//! JSON is read when the content type says so (`application/json`, `text/json`, any `+json`
//! type, parameters and case ignored) or when the body, after whitespace and a BOM, opens like
//! a JSON object or array (`{`, or `[` followed by a JSON value's first character); such a
//! body that fails to parse gives `None`. Without a content type, a body that parses as a JSON
//! scalar (`42`, `true`, `"text"`) gives `None` too.
//!
//! XML is read (format `xml`, see the `xml` module: S3 and other AWS XML services, Azure
//! Storage, `application/problem+xml`) when the content type is `application/xml`,
//! `text/xml` or any `+xml` type, or is missing and the body starts with `<`; no DTD, entity
//! expansion or external reference is ever processed.
//!
//! Plain-text policy: any other body is returned as a `generic` detail only when the content
//! type is `text/plain` or missing, the body does not start with `<`, was not cut by the size
//! bound, and is at most [`MAX_TEXT_CHARS`] characters once trimmed. HTML and other types
//! give `None`.
//!
//! Server timing in a body (Google's `RetryInfo`, Discord's and Telegram's `retry_after`) is
//! read into [`ErrorDetails::retry_after_ms`] (see the `hint` module).
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unreachable,
    clippy::todo,
    clippy::unimplemented
)]

mod aws;
mod detect;
mod field;
mod generic;
mod github;
mod google;
mod graphql;
mod hint;
mod jsonapi;
mod media;
mod odata;
mod rfc9457;
mod stripe;
mod text;
mod value;
mod xml;

#[cfg(test)]
mod tests;

use core::fmt;

use crate::json::{Map, Value};

pub use detect::Parsed;

/// How many bytes of a text body are read; the rest is ignored (64 KiB).
pub const MAX_BODY_BYTES: usize = 64 * 1024;
/// The most characters any returned string has, the ellipsis of a cut string included.
pub const MAX_TEXT_CHARS: usize = 1000;
/// The most field errors one result carries.
pub const MAX_FIELD_ERRORS: usize = 50;
/// The most extension members one result carries.
pub const MAX_EXTENSIONS: usize = 16;
/// The most items an array-valued extension member keeps.
pub const MAX_EXTENSION_ITEMS: usize = 16;

/// Which known shape an error body had.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// RFC 9457 problem details (`application/problem+json` or a problem-style object).
    Problem,
    /// Google APIs, AIP-193 (`{"error": {"code": 429, "status": "RESOURCE_EXHAUSTED", ...}}`).
    Google,
    /// Stripe and look-alikes (`{"error": {"type": "card_error", "message": ...}}`).
    Stripe,
    /// GitHub REST (`{"message": ..., "errors": [...], "documentation_url": ...}`).
    Github,
    /// JSON:API (`{"errors": [{"status": "422", "title": ..., "source": {...}}]}`).
    JsonApi,
    /// GraphQL responses (`{"errors": [{"message": ..., "path": [...]}], "data": null}`).
    Graphql,
    /// OData and Microsoft APIs (Graph, Azure): `{"error": {"code": ..., "message": ...}}`.
    OData,
    /// AWS JSON protocols (`{"__type": "...#ResourceNotFoundException", "message": ...}`).
    Aws,
    /// Anything else that carries a message or code (`{"message": ...}`, `{"error": ...}`,
    /// `{"detail": ...}`, plain text...).
    Generic,
    /// XML error bodies: S3 and other AWS XML services, Azure Storage, problem+xml.
    Xml,
}

impl Format {
    /// Every format, in declaration order (`Format as u8` indexes it).
    pub const ALL: [Format; 10] = [
        Format::Problem,
        Format::Google,
        Format::Stripe,
        Format::Github,
        Format::JsonApi,
        Format::Graphql,
        Format::OData,
        Format::Aws,
        Format::Generic,
        Format::Xml,
    ];

    /// The format's name as JavaScript sees it (`"problem+json"`, `"google"`, ...).
    pub const fn as_str(self) -> &'static str {
        match self {
            Format::Problem => "problem+json",
            Format::Google => "google",
            Format::Stripe => "stripe",
            Format::Github => "github",
            Format::JsonApi => "jsonapi",
            Format::Graphql => "graphql",
            Format::OData => "odata",
            Format::Aws => "aws",
            Format::Generic => "generic",
            Format::Xml => "xml",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Text that the API itself marks as written for end users (Google's `LocalizedMessage`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserFacing {
    /// The message, already localised by the API.
    pub message: String,
    /// Its BCP 47 locale, e.g. `en-US`, when the API says.
    pub locale: Option<String>,
}

/// One problem with one request field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The field, dotted (`profile.color`, `items.0.name`) when the API gave a pointer or path.
    pub field: String,
    /// What is wrong with it.
    pub message: String,
}

/// What an error body says, reduced to one shape: the `ErrorDetails` of the JavaScript
/// contract (camelCase, absent members skipped, `fieldErrors` always present).
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorDetails {
    /// Which shape the body had.
    pub format: Format,
    /// A short summary (problem `title`, Google `status`, the HTTP reason of `{"error": ...}`).
    pub title: Option<String>,
    /// The human-readable explanation the API gave (not necessarily meant for end users).
    pub detail: Option<String>,
    /// A machine-readable code (`card_declined`, `RATE_LIMIT_EXCEEDED`, ...).
    pub code: Option<String>,
    /// The problem type URI (problem+json, `about:blank` when absent) or Stripe's error type.
    pub error_type: Option<String>,
    /// The problem occurrence's URI reference (problem+json `instance`).
    pub instance: Option<String>,
    /// The status code the body states (problem `status`, Google `error.code`, ...), 100..=599.
    pub status: Option<u16>,
    /// Text the API marks as meant for end users.
    pub user_facing: Option<UserFacing>,
    /// Problems with individual request fields, at most [`MAX_FIELD_ERRORS`].
    pub field_errors: Vec<FieldError>,
    /// Other members: problem+json extension members (strings, numbers, booleans, and
    /// arrays of those, at most [`MAX_EXTENSION_ITEMS`] items), Stripe's
    /// `decline_code`/`doc_url`, GitHub's `documentation_url`, the other child elements of
    /// an XML error. At most [`MAX_EXTENSIONS`]; skipped when empty.
    pub extensions: Map,
    /// How long the body asks the client to wait before trying again, in ms (Google's
    /// `RetryInfo.retryDelay`, Discord's and Telegram's `retry_after`); `retryAfterMs` in
    /// JavaScript. The retry policy uses it like `Retry-After` when no header gives a wait.
    pub retry_after_ms: Option<f64>,
}

impl ErrorDetails {
    /// An empty result of `format`, to be filled in.
    pub fn new(format: Format) -> Self {
        ErrorDetails {
            format,
            title: None,
            detail: None,
            code: None,
            error_type: None,
            instance: None,
            status: None,
            user_facing: None,
            field_errors: Vec::new(),
            extensions: Map::new(),
            retry_after_ms: None,
        }
    }

    /// True when the result says something the status code alone does not: a title, detail,
    /// code, user-facing text or field error.
    pub fn has_message(&self) -> bool {
        self.title.is_some()
            || self.detail.is_some()
            || self.code.is_some()
            || self.user_facing.is_some()
            || !self.field_errors.is_empty()
    }
}

/// `parseErrorBody` for a text body, natively: reads JSON (declared by `content_type` as
/// `application/json` or any `+json` type, or sniffed when the body starts with `{` or `[`)
/// with serde_json, as `JSON.parse` reads it for the package, XML error documents, and, under
/// the plain-text policy of this module, short `text/plain` bodies. `None` when the body
/// carries no error information or cannot be read.
///
/// ```
/// use http_triage::problem::{parse_error_body_text, Format};
///
/// let body = r#"{"error": {"type": "card_error", "code": "card_declined",
///                "message": "Your card was declined.", "param": "number"}}"#;
/// let d = parse_error_body_text(body, Some("application/json; charset=utf-8")).unwrap();
/// assert_eq!(d.format, Format::Stripe);
/// assert_eq!(d.code.as_deref(), Some("card_declined"));
/// assert_eq!(d.field_errors[0].field, "number");
/// assert!(parse_error_body_text("<html>502 Bad Gateway</html>", Some("text/html")).is_none());
/// ```
#[cfg(any(test, not(target_arch = "wasm32")))]
pub fn parse_error_body_text(body: &str, content_type: Option<&str>) -> Option<ErrorDetails> {
    // As the JavaScript layer does: only the bounded prefix is read, JSON included.
    let (cut, _) = detect::prefix(body);
    let start = cut.trim_start_matches(|c: char| c == '\u{feff}' || c.is_whitespace());
    let value = crate::json::parse(start).ok();
    let parsed = match &value {
        Some(v @ (Value::Object(_) | Value::Array(_))) => Parsed::Value(v),
        Some(_) => Parsed::Scalar,
        None => Parsed::NotJson,
    };
    detect::from_text(body, content_type, parsed)
}

/// `parseErrorBody` for a text body that the platform's JSON reader has already read
/// (`parsed`, see [`Parsed`]): how the wasm is called, as the JavaScript layer runs `JSON.parse`.
/// [`parse_error_body_text`] is the same with the native JSON reader.
pub fn parse_error_body_text_parsed(
    body: &str,
    content_type: Option<&str>,
    parsed: Parsed<'_>,
) -> Option<ErrorDetails> {
    detect::from_text(body, content_type, parsed)
}

/// `parseErrorBody` for an already-parsed body: an object, or an array whose first element is
/// one; anything else (a string included: text goes to [`parse_error_body_text`]) gives
/// `None`. Only known paths are visited, so any value, however large or deep, is handled
/// quickly and without deep recursion.
pub fn parse_error_body_value(body: &Value) -> Option<ErrorDetails> {
    detect::from_value(body, false)
}

/// [`parse_error_body_value`] with the response's content type: `application/problem+json`
/// makes the object be read as problem details first; other types change nothing.
pub fn parse_error_body_value_with_type(
    body: &Value,
    content_type: Option<&str>,
) -> Option<ErrorDetails> {
    let problem = media::essence(content_type).is_some_and(|m| m.is_problem_json());
    detect::from_value(body, problem)
}
