//! The rows of the status catalog, sorted by code. This is the only place status facts live.
//!
//! Columns: code, registration, kind, default retry, reason phrase, spec, and a one-line developer
//! description (one sentence, the key fact). Reason phrases of registered codes are the IANA
//! registry's, exactly. The long descriptions are text data in `descriptions/en.json`, shipped
//! as the opt-in `http-triage/descriptions.js` pack (see `crate::messages::descriptions`).

use super::{Registry, Retry, Row};
use crate::kind::Kind;

macro_rules! table {
    ($( $code:literal $reg:ident $kind:ident $retry:ident $reason:literal $spec:literal
        $desc:literal ; )*) => {
        /// Every catalog row, sorted by code.
        pub(super) static ROWS: &[Row] = &[
            $( Row {
                code: $code,
                registry: Registry::$reg,
                kind: Kind::$kind,
                retry: Retry::$retry,
                reason: $reason,
                spec: $spec,
                description: $desc,
            }, )*
        ];
    };
}

table! {
    100 Iana Informational No "Continue" "RFC 9110 §15.2.1"
        "Interim reply to Expect: 100-continue; fetch() never shows it, the final status follows.";
    101 Iana Informational No "Switching Protocols" "RFC 9110 §15.2.2"
        "The server switches protocols (usually to WebSocket); use the WebSocket API, fetch() cannot upgrade.";
    102 Iana Informational No "Processing" "RFC 2518 §10.1"
        "Obsolete WebDAV interim reply meaning still working; fetch() never shows it, wait for the final status.";
    103 Iana Informational No "Early Hints" "RFC 8297 §2"
        "Interim reply with Link preload hints that the browser applies itself; fetch() never shows it.";
    104 Temporary Informational No "Upload Resumption Supported"
        "draft-ietf-httpbis-resumable-upload (temporary registration)"
        "Temporary registration (resumable uploads draft): the server can resume this interrupted upload.";
    200 Iana Success No "OK" "RFC 9110 §15.3.1"
        "Success; check the Content-Type before parsing, as some APIs report errors inside a 200 body.";
    201 Iana Success No "Created" "RFC 9110 §15.3.2"
        "Created: the new resource's URL is in Location; do not resend the POST, it would make a duplicate.";
    202 Iana Success No "Accepted" "RFC 9110 §15.3.3"
        "Accepted for asynchronous processing but not done yet: poll its status resource, do not resend.";
    203 Iana Success No "Non-Authoritative Information" "RFC 9110 §15.3.4"
        "Success, but a transforming proxy changed the content on the way; treat it like 200 OK.";
    204 Iana Success No "No Content" "RFC 9110 §15.3.5"
        "Success with no body: do not call response.json(), which throws on the empty body.";
    205 Iana Success No "Reset Content" "RFC 9110 §15.3.6"
        "Success with no body; the server asks the client to reset the form or view that sent it.";
    206 Iana Success No "Partial Content" "RFC 9110 §15.3.7"
        "Partial content: only the byte ranges the Range header asked for, described by Content-Range.";
    207 Iana Success No "Multi-Status" "RFC 4918 §11.1"
        "WebDAV or batch multi-status: each entry carries its own status, so check every one for failures.";
    208 Iana Success No "Already Reported" "RFC 5842 §7.1"
        "WebDAV: members already listed earlier in the same 207 response; skip them, they are not errors.";
    226 Iana Success No "IM Used" "RFC 3229 §10.4.1"
        "Delta encoding (RFC 3229): the body is a patch to apply to your cached copy, not the resource.";
    300 Iana Redirect No "Multiple Choices" "RFC 9110 §15.4.1"
        "Several representations exist and fetch() does not follow 300: pick one from Location or the body.";
    301 Iana Redirect No "Moved Permanently" "RFC 9110 §15.4.2"
        "Moved permanently to Location; fetch() follows it but turns POST into GET, so update the URL.";
    302 Iana Redirect No "Found" "RFC 9110 §15.4.3"
        "Temporarily at Location; fetch() follows it, often to a login page once the session expired.";
    303 Iana Redirect No "See Other" "RFC 9110 §15.4.4"
        "Get the result from Location with GET; fetch() follows it, so do not repeat the original POST.";
    304 Iana NotModified No "Not Modified" "RFC 9110 §15.4.5"
        "Not modified: the cached copy is still valid and there is no body to parse.";
    305 Iana Redirect No "Use Proxy" "RFC 9110 §15.4.6"
        "Deprecated proxy redirect that browsers ignore for security; treat it as a server misconfiguration.";
    306 Unofficial Redirect No "Switch Proxy" "RFC 9110 §15.4.7 (unused)"
        "Unused and reserved (once Switch Proxy); no server should send it, so treat it like 300.";
    307 Iana Redirect No "Temporary Redirect" "RFC 9110 §15.4.8"
        "Temporary redirect to Location keeping the method and body; fetch() follows it, keep the old URL.";
    308 Iana Redirect No "Permanent Redirect" "RFC 9110 §15.4.9"
        "Permanent redirect to Location keeping the method and body; update the URL in your code.";
    400 Iana BadRequest No "Bad Request" "RFC 9110 §15.5.1"
        "Malformed or invalid request: read the error body for what failed and fix it, retrying will not help.";
    401 Iana Unauthorized No "Unauthorized" "RFC 9110 §15.5.2"
        "Missing, invalid or expired credentials: refresh the token or sign in again, then retry once.";
    402 Iana PaymentRequired No "Payment Required" "RFC 9110 §15.5.3"
        "A billing problem (subscription, quota, declined card); retrying will not help until it is fixed.";
    403 Iana Forbidden No "Forbidden" "RFC 9110 §15.5.4"
        "Authenticated but lacking permission (role, scope, plan or IP rule); signing in again will not help.";
    404 Iana NotFound No "Not Found" "RFC 9110 §15.5.5"
        "Nothing at this URL: a wrong path or base URL, or an id that does not exist (any more).";
    405 Iana MethodNotAllowed No "Method Not Allowed" "RFC 9110 §15.5.6"
        "The method is not allowed on this resource; the Allow header lists the methods it accepts.";
    406 Iana NotAcceptable No "Not Acceptable" "RFC 9110 §15.5.7"
        "Nothing matches the Accept header; send Accept: application/json or the type the API documents.";
    407 Iana Unauthorized No "Proxy Authentication Required" "RFC 9110 §15.5.8"
        "A proxy wants credentials (Proxy-Authenticate); the proxy settings need fixing, not the request.";
    408 Iana RequestTimeout Yes "Request Timeout" "RFC 9110 §15.5.9"
        "The server timed out waiting for the request, which was not processed, so it is retried.";
    409 Iana Conflict No "Conflict" "RFC 9110 §15.5.10"
        "Conflicts with the resource's current state (a duplicate or a stale edit): refetch, then resolve.";
    410 Iana Gone No "Gone" "RFC 9110 §15.5.11"
        "Removed on purpose and for good: drop references to it, as retrying will not help.";
    411 Iana BadRequest No "Length Required" "RFC 9110 §15.5.12"
        "The server requires Content-Length: buffer a streamed body into a Blob or ArrayBuffer first.";
    412 Iana PreconditionFailed No "Precondition Failed" "RFC 9110 §15.5.13"
        "A precondition such as If-Match failed because the resource changed: refetch, merge and resend.";
    413 Iana PayloadTooLarge WithTiming "Content Too Large" "RFC 9110 §15.5.14"
        "The body is too large for the server: shrink or chunk it (retried only if Retry-After is sent).";
    414 Iana UriTooLong No "URI Too Long" "RFC 9110 §15.5.15"
        "The URL is too long, usually its query string: send the data in a POST body instead.";
    415 Iana UnsupportedMediaType No "Unsupported Media Type" "RFC 9110 §15.5.16"
        "The body's Content-Type or encoding is not accepted: send the Content-Type the API expects.";
    416 Iana RangeNotSatisfiable No "Range Not Satisfiable" "RFC 9110 §15.5.17"
        "The requested Range is outside the resource; Content-Range gives the current size.";
    417 Iana ClientError No "Expectation Failed" "RFC 9110 §15.5.18"
        "The Expect header (100-continue) cannot be met: resend the request without it.";
    418 Unofficial ClientError No "I'm a teapot" "RFC 9110 §15.5.19 (unused); RFC 2324 §2.3.2"
        "Unused and reserved (the RFC 2324 teapot joke), yet some servers send it: treat it like 400.";
    421 Iana ClientError No "Misdirected Request" "RFC 9110 §15.5.20"
        "The request reached a server that does not serve this origin (connection reuse); browsers retry.";
    422 Iana ValidationFailed No "Unprocessable Content" "RFC 9110 §15.5.21"
        "Well-formed but failed validation: show the per-field errors from the body, do not resend as is.";
    423 Iana Locked No "Locked" "RFC 4918 §11.3"
        "WebDAV: the resource is locked; wait for the lock to be released, or send the lock token.";
    424 Iana ClientError No "Failed Dependency" "RFC 4918 §11.4"
        "WebDAV: failed because an operation it depended on failed; fix that one, then resend the set.";
    425 Iana TooEarly Yes "Too Early" "RFC 8470 §5.2"
        "The server refuses a TLS early-data (0-RTT) request; it is retried once the handshake completes.";
    426 Iana UpgradeRequired No "Upgrade Required" "RFC 9110 §15.5.22"
        "Protocol or version upgrade required (see Upgrade), or the API version was retired: update the client.";
    428 Iana PreconditionFailed No "Precondition Required" "RFC 6585 §3"
        "The server requires a conditional write: send If-Match with the resource's current ETag.";
    429 Iana RateLimited Yes "Too Many Requests" "RFC 6585 §4"
        "Rate limited: wait for Retry-After (or the RateLimit reset) before retrying.";
    431 Iana HeaderTooLarge No "Request Header Fields Too Large" "RFC 6585 §5"
        "The request headers are too large, usually too many cookies or a huge token: trim them.";
    444 Unofficial ClientError No "No Response" "nginx"
        "nginx closed the connection without answering; fetch() sees a network error, check blocking rules.";
    451 Iana UnavailableForLegalReasons No "Unavailable For Legal Reasons" "RFC 7725 §3"
        "Unavailable for legal reasons (court order, censorship, sanctions); the client cannot fix it.";
    494 Unofficial HeaderTooLarge No "Request Header Too Large" "nginx"
        "nginx: request headers (often cookies) too large; clients usually get a 400, trim them as for 431.";
    495 Unofficial ClientError No "SSL Certificate Error" "nginx"
        "nginx: the client certificate failed verification (mutual TLS); install a valid certificate.";
    496 Unofficial ClientError No "SSL Certificate Required" "nginx"
        "nginx: the server requires a client certificate (mutual TLS) and the request sent none.";
    497 Unofficial BadRequest No "HTTP Request Sent to HTTPS Port" "nginx"
        "nginx: a plain http:// request reached an HTTPS port; use https:// or the right port.";
    498 Unofficial Unauthorized No "Invalid Token" "Esri ArcGIS"
        "Esri ArcGIS: the token is invalid or expired (often inside a 200 body); get a new token and resend.";
    499 Unofficial ClientError No "Client Closed Request" "nginx; ArcGIS uses it for Token Required"
        "nginx: the client closed the request before the answer (logs only); ArcGIS: a token is required.";
    500 Iana ServerError Yes "Internal Server Error" "RFC 9110 §15.6.1"
        "An unexpected server failure; idempotent requests are retried, report it if it persists.";
    501 Iana NotImplemented No "Not Implemented" "RFC 9110 §15.6.2"
        "The server does not implement this method or feature; retrying will not help.";
    502 Iana BadGateway Yes "Bad Gateway" "RFC 9110 §15.6.3"
        "A proxy or gateway got an invalid response from upstream; usually brief, so it is retried.";
    503 Iana ServiceUnavailable Yes "Service Unavailable" "RFC 9110 §15.6.4"
        "Down for maintenance or overloaded: retried after Retry-After when sent, else with backoff.";
    504 Iana GatewayTimeout Yes "Gateway Timeout" "RFC 9110 §15.6.5"
        "A proxy or gateway timed out waiting for upstream; retried, but the work may have completed.";
    505 Iana ServerError No "HTTP Version Not Supported" "RFC 9110 §15.6.6"
        "The server does not support the request's HTTP major version; fix the client or proxy setup.";
    506 Iana ServerError No "Variant Also Negotiates" "RFC 2295 §8.1"
        "A server misconfiguration in content negotiation (a loop); report it to the site owner.";
    507 Iana ServerError No "Insufficient Storage" "RFC 4918 §11.5"
        "The server is out of storage or the user's quota is used up: free space or raise the quota.";
    508 Iana ServerError No "Loop Detected" "RFC 5842 §7.2"
        "WebDAV loop detected, or a shared host's resource limit reached; report it to the site owner.";
    509 Unofficial ServiceUnavailable Yes "Bandwidth Limit Exceeded" "Apache / cPanel"
        "Unofficial (Apache, cPanel): the site's bandwidth quota is used up until it resets.";
    510 Iana ServerError No "Not Extended" "RFC 2774 §7 (obsoleted)"
        "Obsolete (RFC 2774): the server wanted an extension declaration that the request lacked.";
    511 Iana Unauthorized No "Network Authentication Required" "RFC 6585 §6"
        "A captive portal (hotel or cafe Wi-Fi) wants the user to sign in to the network first.";
    520 Unofficial BadGateway Yes "Web Server Returned an Unknown Error" "Cloudflare"
        "Cloudflare: the origin sent an empty, unknown or unexpected response; retried like other 5xx.";
    521 Unofficial BadGateway Yes "Web Server Is Down" "Cloudflare"
        "Cloudflare: the origin refused the connection (down or firewalled); retried like other 5xx.";
    522 Unofficial GatewayTimeout Yes "Connection Timed Out" "Cloudflare"
        "Cloudflare: the TCP connection to the origin timed out; retried with backoff.";
    523 Unofficial BadGateway Yes "Origin Is Unreachable" "Cloudflare"
        "Cloudflare: the origin is unreachable (wrong DNS record or routing); the site owner must fix it.";
    524 Unofficial GatewayTimeout Yes "A Timeout Occurred" "Cloudflare"
        "Cloudflare: the origin sent no response within the timeout (100 s); the work may still finish.";
    525 Unofficial BadGateway Yes "SSL Handshake Failed" "Cloudflare"
        "Cloudflare: the TLS handshake with the origin failed, a configuration problem on the site's side.";
    526 Unofficial BadGateway Yes "Invalid SSL Certificate" "Cloudflare"
        "Cloudflare: the origin's certificate is invalid (Full strict mode); the site owner must fix it.";
    530 Unofficial ServerError Yes "Origin Error"
        "Cloudflare (with a 1xxx error); Pantheon uses it for a frozen site"
        "Cloudflare: the origin cannot be resolved or reached (see the 1xxx error); Pantheon: a frozen site.";
    598 Unofficial GatewayTimeout Yes "Network Read Timeout Error" "some HTTP proxies"
        "Informal proxy code: the proxy timed out reading the upstream response; treat it like 504.";
    599 Unofficial GatewayTimeout Yes "Network Connect Timeout Error" "some HTTP proxies"
        "Informal proxy code: the proxy timed out connecting to upstream; treat it like 504.";
}
