//! Classification of what a `fetch` call throws: failures with no HTTP response, and errors
//! of this package or of other clients that carry a status.
//!
//! The bindings read a few plain facts off the thrown value ([`FailureFacts`]); the decision is
//! made here so it is testable natively. Unknown values are never guessed: they give `None`.
//!
//! Every wording and error code a runtime uses for a fetch that got no response is one row of
//! [`FETCH_FAILURES`], with the engine source or document it comes from.

use crate::classify::classify_builtin;
use crate::kind::Kind;

/// How a row of [`FETCH_FAILURES`] is compared with what a runtime threw. Text is compared
/// ASCII case-insensitively with the message trimmed; codes exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Match {
    /// The whole message of a `TypeError` (what `fetch()` rejects with, WHATWG Fetch §5.6).
    Message,
    /// The start of a `TypeError`'s message (the runtime appends the URL and the OS error).
    Prefix,
    /// The whole message of any `Error` instance: Bun rejects with its own `SystemError`.
    AnyMessage,
    /// Text inside a message that an earlier row recognised (Deno appends the OS error text,
    /// which tells a timeout from a refusal).
    Contains,
    /// `error.cause.code` (Node.js and undici wrap the system error as the cause) or
    /// `error.code` (Bun), of a value an earlier row recognised.
    Code,
}

/// One wording or code of [`FETCH_FAILURES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Wording {
    /// The text as the runtime writes it, or the code.
    pub text: &'static str,
    /// How `text` is compared.
    pub matches: Match,
    /// The kind it means: `network_error`, `offline`, `timeout` or `aborted`.
    pub kind: Kind,
    /// Where the text comes from: the engine source file, or the document that lists it.
    /// Kept in test builds only (where a test checks every row has one), so the sources cost
    /// the shipped wasm nothing.
    #[cfg(test)]
    pub source: &'static str,
}

const fn row(text: &'static str, matches: Match, kind: Kind, source: &'static str) -> Wording {
    #[cfg(not(test))]
    let _ = source;
    Wording {
        text,
        matches,
        kind,
        #[cfg(test)]
        source,
    }
}

use Kind::{Aborted, NetworkError as Net, Offline, Timeout};
use Match::{AnyMessage, Code, Contains, Message, Prefix};

/// Every wording and code the runtimes shipped since 2020 use when `fetch` got no response,
/// and what each means. A thrown value is recognised by a `Message`, `Prefix` or
/// `AnyMessage` row; `Code` rows, then `Contains` rows, then refine the kind (a code is more
/// precise than a wording); a `network_error` while `navigator.onLine` is false is `offline`.
pub const FETCH_FAILURES: &[Wording] = &[
    // ---- Chromium (Chrome, Edge, Opera, Samsung Internet, every Android WebView) ----
    row("Failed to fetch", Message, Net,
        "Chromium third_party/blink/renderer/core/fetch/fetch_manager.cc (network error, CORS failure, blocked request)"),
    row("network error", Message, Net,
        "Chromium blink fetch body loader: a response body that fails while it is read"),
    // ---- Firefox (Gecko) ----
    row("NetworkError when attempting to fetch resource.", Message, Net,
        "Gecko dom/bindings/Errors.msg MSG_FETCH_FAILED"),
    row("Error in input stream", Message, Net,
        "Gecko and WebKit: a response body stream that fails while it is read (cut connection, page unload)"),
    // ---- Safari / WebKit: 'Load failed' since Safari 15, the CFNetwork (NSURLError) text before ----
    row("Load failed", Message, Net,
        "WebKit Source/WebCore/Modules/fetch/FetchResponse.cpp (Safari 15+, iOS 15+); sindresorhus/is-network-error"),
    row("The Internet connection appears to be offline.", Message, Offline,
        "Apple Foundation NSURLErrorNotConnectedToInternet (-1009), Safari 14-16"),
    row("A data connection is not currently allowed.", Message, Offline,
        "Apple Foundation NSURLErrorDataNotAllowed (-1020), Safari on iOS 14-16 (cellular data off)"),
    row("The network connection was lost.", Message, Net,
        "Apple Foundation NSURLErrorNetworkConnectionLost (-1005), Safari 14-16"),
    row("A server with the specified hostname could not be found.", Message, Net,
        "Apple Foundation NSURLErrorCannotFindHost (-1003), Safari 14-16"),
    row("Could not connect to the server.", Message, Net,
        "Apple Foundation NSURLErrorCannotConnectToHost (-1004), Safari 14-16"),
    row("An SSL error has occurred and a secure connection to the server cannot be made.", Message, Net,
        "Apple Foundation NSURLErrorSecureConnectionFailed (-1200), Safari 14-16"),
    row("The request timed out.", Message, Timeout,
        "Apple Foundation NSURLErrorTimedOut (-1001), Safari 14-16"),
    row("cancelled", Message, Aborted,
        "Apple Foundation NSURLErrorCancelled (-999), Safari 14 when a page unload cancels the fetch; sindresorhus/is-network-error#4"),
    // ---- Node.js 18+ (undici) ----
    row("fetch failed", Message, Net,
        "undici lib/web/fetch/index.js (the system error is error.cause); also Deno 2.x"),
    row("terminated", Message, Net,
        "undici lib/web/fetch/index.js: the response body was cut off"),
    // ---- Deno ----
    row("error sending request for url", Prefix, Net,
        "Deno ext/fetch (1.x): 'error sending request for url (<url>): <error>'"),
    row("error sending request from", Prefix, Net,
        "Deno ext/fetch since 1.46 (denoland/deno#24939): 'error sending request from <addr> for <url> (<addr>): <error>'"),
    row("client error (", Prefix, Net,
        "Deno ext/fetch 1.45: 'client error (Connect)', 'client error (SendRequest)' (denoland/deno#24632)"),
    row("timed out", Contains, Timeout,
        "Deno: the OS error text 'Connection timed out (os error 110)' or hyper's 'operation timed out'"),
    // ---- Bun ----
    row("Unable to connect. Is the computer able to access the url?", AnyMessage, Net,
        "Bun src/bun.js/webcore/fetch/FetchTasklet.zig (code ConnectionRefused)"),
    row("The socket connection was closed unexpectedly. For more information, pass `verbose: true` in the second argument to fetch()", AnyMessage, Net,
        "Bun src/bun.js/webcore/fetch/FetchTasklet.zig (code ECONNRESET)"),
    row("Was there a typo in the url or port?", AnyMessage, Net,
        "Bun src/bun.js/webcore/fetch/FetchTasklet.zig (code FailedToOpenSocket)"),
    row("A network error occurred.", Message, Net,
        "Bun (WebKit's generic network error); sindresorhus/is-network-error 1.3"),
    // ---- Other fetch implementations ----
    row("Network request failed", Message, Net,
        "whatwg-fetch and React Native (Libraries/Network/fetch.js), cross-fetch in browsers"),
    row("Network connection lost", Message, Net,
        "Cloudflare Workers fetch(); sindresorhus/is-network-error 1.3"),
    row("Network connection lost.", Message, Net, "Cloudflare Workers fetch()"),
    // ---- Codes: timeouts (connect, headers, body, socket, DNS) ----
    row("UND_ERR_CONNECT_TIMEOUT", Code, Timeout,
        "undici docs/docs/api/Errors.md ConnectTimeoutError (connect timeout, 10 s by default)"),
    row("UND_ERR_HEADERS_TIMEOUT", Code, Timeout,
        "undici docs/docs/api/Errors.md HeadersTimeoutError (headersTimeout, 300 s by default)"),
    row("UND_ERR_BODY_TIMEOUT", Code, Timeout,
        "undici docs/docs/api/Errors.md BodyTimeoutError (bodyTimeout, 300 s by default)"),
    row("ERR_SOCKET_CONNECTION_TIMEOUT", Code, Timeout,
        "Node.js doc/api/errors.md: no address answered within the autoSelectFamily attempt timeouts (Node 20+)"),
    row("ETIMEDOUT", Code, Timeout,
        "Node.js doc/api/errors.md common system errors: connect or socket timed out (also an AggregateError's code)"),
    row("ETIMEOUT", Code, Timeout,
        "Node.js doc/api/dns.md error codes: DNS server did not answer in time (dns.resolve* lookups)"),
    // ---- Codes: failures that are not timeouts (listed so the table says what each is) ----
    row("EAI_AGAIN", Code, Net,
        "Node.js doc/api/dns.md / getaddrinfo(3): temporary DNS failure, worth retrying, not a timeout"),
    row("ENOTFOUND", Code, Net, "Node.js doc/api/errors.md: DNS lookup found no such host"),
    row("ECONNREFUSED", Code, Net, "Node.js doc/api/errors.md: connection refused"),
    row("ECONNRESET", Code, Net, "Node.js doc/api/errors.md: connection reset by peer; Bun's ConnectionClosed"),
    row("EHOSTUNREACH", Code, Net, "libuv / POSIX: no route to host"),
    row("ENETUNREACH", Code, Net, "libuv / POSIX: network unreachable"),
    row("EPIPE", Code, Net, "Node.js doc/api/errors.md: broken pipe"),
    row("UND_ERR_SOCKET", Code, Net, "undici docs/docs/api/Errors.md SocketError ('other side closed')"),
    row("ConnectionRefused", Code, Net, "Bun src/bun.js/webcore/fetch/FetchTasklet.zig"),
    row("FailedToOpenSocket", Code, Net, "Bun src/bun.js/webcore/fetch/FetchTasklet.zig"),
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
    /// `error.code`, when it is a string (this package's errors carry their kind there; Bun
    /// its failure code).
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
    fetch_failure_kind(facts).map(FailureClass::failure)
}

/// The kind of a fetch failure by [`FETCH_FAILURES`]; `None` when no wording recognises it.
fn fetch_failure_kind(facts: &FailureFacts<'_>) -> Option<Kind> {
    if !facts.is_error {
        return None;
    }
    let type_error = facts.name == Some("TypeError");
    let message = facts.message.unwrap_or("").trim();
    let recognised = FETCH_FAILURES.iter().find(|w| match w.matches {
        Match::Message => type_error && message.eq_ignore_ascii_case(w.text),
        Match::Prefix => {
            type_error
                && message
                    .get(..w.text.len())
                    .is_some_and(|p| p.eq_ignore_ascii_case(w.text))
        }
        Match::AnyMessage => message.eq_ignore_ascii_case(w.text),
        Match::Contains | Match::Code => false,
    })?;
    let mut kind = recognised.kind;
    let by_code = [facts.cause_code, facts.code]
        .into_iter()
        .flatten()
        .find_map(|code| {
            FETCH_FAILURES
                .iter()
                .find(|w| w.matches == Match::Code && w.text == code)
        });
    if let Some(w) = by_code {
        kind = w.kind;
    } else if kind == Kind::NetworkError {
        let lower = message.to_ascii_lowercase();
        if let Some(w) = FETCH_FAILURES
            .iter()
            .find(|w| w.matches == Match::Contains && crate::substr::contains(&lower, w.text))
        {
            kind = w.kind;
        }
    }
    if kind == Kind::NetworkError && facts.online == Some(false) {
        kind = Kind::Offline;
    }
    Some(kind)
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
mod tests;
