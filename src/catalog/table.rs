//! The rows of the status catalog, sorted by code. This is the only place status facts live.
//!
//! Columns: code, registration, kind, default retry, reason phrase, spec, developer description.
//! Reason phrases of registered codes are the IANA registry's, exactly.

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
        "An interim response telling the client to go ahead and send the request body, sent in \
         reply to a request carrying Expect: 100-continue. Browsers handle it internally and \
         fetch() never shows it to JavaScript; in Node and other HTTP clients the library waits \
         for it on its own. There is nothing to handle: the final status follows on the same \
         request.";
    101 Iana Informational No "Switching Protocols" "RFC 9110 §15.2.2"
        "The server agrees to the protocol named in the request's Upgrade header and switches the \
         connection over to it, almost always to WebSocket. Use the WebSocket API (new \
         WebSocket(url)) for this, since fetch() cannot perform an upgrade. If a WebSocket \
         handshake gets some other status instead, look for a proxy or load balancer that strips \
         the Upgrade and Connection headers.";
    102 Iana Informational No "Processing" "RFC 2518 §10.1"
        "A WebDAV interim response saying the server has received the request and is still \
         working on it, meant to keep the client from timing out during a long operation. RFC \
         4918 dropped it and few servers send it today. fetch() never exposes it; just wait for \
         the final status.";
    103 Iana Informational No "Early Hints" "RFC 8297 §2"
        "An interim response carrying Link headers (preload, preconnect) so the browser can start \
         loading critical assets while the server is still preparing the real response. The \
         browser acts on it by itself and fetch() never passes it to JavaScript. If the hints \
         have no effect, check that the CDN or server actually forwards 103 and that the hinted \
         URLs match what the page then requests.";
    104 Temporary Informational No "Upload Resumption Supported"
        "draft-ietf-httpbis-resumable-upload (temporary registration)"
        "A temporary IANA registration for the resumable uploads protocol \
         (draft-ietf-httpbis-resumable-upload), which is still an Internet-Draft, so the details \
         may change or the registration may lapse. The server sends it as an interim response to \
         an upload to announce that it supports resumption and, in the Location header, where the \
         upload can be continued if the connection drops. Browsers do not expose interim \
         responses to fetch(), so rely on an upload client library that implements the draft to \
         make use of it.";
    200 Iana Success No "OK" "RFC 9110 §15.3.1"
        "The request succeeded. For GET the body holds the requested resource; for POST, PUT, \
         PATCH or DELETE it usually holds the result or the updated resource. Check the \
         Content-Type before parsing: an HTML body on an API call usually means fetch() silently \
         followed a redirect to a login page or an SPA fallback route (response.redirected and \
         response.url tell you). Some APIs (GraphQL, batch endpoints, Esri ArcGIS) also report \
         errors inside a 200 body, so look at the payload's error fields too. No retry is \
         involved.";
    201 Iana Success No "Created" "RFC 9110 §15.3.2"
        "The request succeeded and created a new resource, typically in reply to POST (or PUT to \
         a new URL). The Location header gives the new resource's URL and the body often contains \
         the resource with its server-assigned id; cross-origin, Location is only readable when \
         the server lists it in Access-Control-Expose-Headers. Store the returned id instead of \
         building it yourself. Do not resend the POST just to be safe, as that creates a \
         duplicate; if you must retry after a network error, send an Idempotency-Key header when \
         the API supports one.";
    202 Iana Success No "Accepted" "RFC 9110 §15.3.3"
        "The server accepted the request for asynchronous processing but has not finished it, so \
         the outcome is not known yet and the work can still fail. It is typical for exports, \
         bulk imports, media encoding and other long jobs. The response usually points to a \
         status resource (a Location header, or a job id or status URL in the body): poll it at \
         the interval Retry-After suggests, or wait for a webhook or push event, and show the \
         user a pending state rather than success. Do not resend the original request, which \
         would start a second job.";
    203 Iana Success No "Non-Authoritative Information" "RFC 9110 §15.3.4"
        "The request succeeded, but a transforming proxy or cache between the client and the \
         origin changed the returned content, for example by recompressing images or rewriting \
         headers. Treat it like 200 OK. If the data looks wrong, look for the intermediary and \
         send Cache-Control: no-transform (the origin can set it too).";
    204 Iana Success No "No Content" "RFC 9110 §15.3.5"
        "The request succeeded and the response deliberately has no body; APIs use it for DELETE, \
         PUT and PATCH endpoints that have nothing to return. Do not call response.json() on it: \
         parsing an empty body throws a SyntaxError, so check the status first and keep the data \
         you already have (or refetch if you need the server's version). Headers such as ETag may \
         still be present and should update your cached copy. Treat it as success; nothing needs \
         retrying.";
    205 Iana Success No "Reset Content" "RFC 9110 §15.3.6"
        "The request succeeded and the server asks the client to reset the view that sent it, for \
         example to clear a form so the user can enter another record. There is no body. Nothing \
         happens automatically for fetch() calls, so clear the form or state yourself if that \
         fits the UI.";
    206 Iana Success No "Partial Content" "RFC 9110 §15.3.7"
        "The server returned only the byte ranges the request asked for with a Range header. The \
         Content-Range header says which bytes came back and the total size (for example bytes \
         0-999/5000); several ranges arrive as a multipart/byteranges body. Media players, PDF \
         viewers and resumable downloads rely on it. Write each chunk at its offset, and send \
         If-Range with the ETag so that a changed file comes back whole instead of spliced.";
    207 Iana Success No "Multi-Status" "RFC 4918 §11.1"
        "A WebDAV response, also borrowed by some batch APIs, that carries a separate status for \
         each of several resources or operations, in an XML multistatus body or the API's own \
         JSON format. The overall 207 does not mean everything succeeded: go through each entry's \
         status, report the failed ones and retry only those when that is safe.";
    208 Iana Success No "Already Reported" "RFC 5842 §7.1"
        "Used inside a WebDAV 207 Multi-Status body (RFC 5842 bindings) to say that the members \
         of a collection were already listed earlier in the same response and are not repeated. \
         It keeps Depth: infinity listings finite when one resource is reachable through several \
         paths. Code reading the multistatus body should skip these entries rather than treat \
         them as errors.";
    226 Iana Success No "IM Used" "RFC 3229 §10.4.1"
        "The server applied instance manipulations such as delta encoding (RFC 3229) because the \
         request asked for them with A-IM. The body is a delta against a version the client \
         already has, described by the IM header, not the full resource. It is rare in practice: \
         only clients that requested deltas need to handle it, by applying the patch to their \
         cached copy.";
    300 Iana Redirect No "Multiple Choices" "RFC 9110 §15.4.1"
        "The resource has several representations (languages, formats) and the server lets the \
         client choose. fetch() does not follow 300 automatically: if a Location header names the \
         server's preferred choice, request that URL, otherwise look for the list of options in \
         the body. It is rare in APIs; ask for a specific format with the Accept header or use a \
         more specific URL.";
    301 Iana Redirect No "Moved Permanently" "RFC 9110 §15.4.2"
        "The resource has a new permanent URL, given in the Location header. fetch() follows it \
         automatically (response.redirected becomes true and response.url shows the final \
         address), but browsers turn a redirected POST into a GET without a body, which silently \
         breaks writes. Update the URL in your code or configuration; servers should use 308 when \
         the method must be kept. Browsers cache 301, so a wrong one can stick until the cache is \
         cleared.";
    302 Iana Redirect No "Found" "RFC 9110 §15.4.3"
        "The resource is temporarily at another URL, given in the Location header. fetch() \
         follows it automatically and, like all browsers, turns a POST into a GET, so the final \
         response may not be what you asked for: an API call that lands on an HTML login page \
         after the session expired is the classic case. Check response.redirected and \
         response.url, or pass redirect: 'manual' (you then get an opaque response with status \
         0). Keep using the original URL, since the move is temporary.";
    303 Iana Redirect No "See Other" "RFC 9110 §15.4.4"
        "The server sends the client to another URL, in the Location header, to fetch the result \
         with GET, typically after a POST or when an asynchronous job finished and its result \
         lives elsewhere. fetch() follows it automatically with a GET and no body. Treat the \
         final response as the result of your original request and do not repeat the POST.";
    304 Iana NotModified No "Not Modified" "RFC 9110 §15.4.5"
        "The answer to a conditional request (If-None-Match with an ETag, or If-Modified-Since): \
         the resource has not changed, so there is no body and the cached copy is still valid. \
         The browser's HTTP cache normally handles this itself and hands fetch() a 200 with the \
         cached body; JavaScript sees 304 only when it sent the conditional headers itself. In \
         that case reuse your own cached data and do not parse the empty body.";
    305 Iana Redirect No "Use Proxy" "RFC 9110 §15.4.6"
        "Deprecated: it asked the client to repeat the request through the proxy named in the \
         Location header. Browsers ignore it for security reasons, since it let a server route \
         traffic through an arbitrary proxy, and fetch() will not follow it. If an API sends it, \
         treat it as a server misconfiguration and report it.";
    306 Unofficial Redirect No "Switch Proxy" "RFC 9110 §15.4.7 (unused)"
        "Unused and reserved. An early HTTP/1.1 draft defined 306 Switch Proxy, telling clients \
         to send later requests through a different proxy, but it was dropped, and RFC 9110 lists \
         the code as (Unused) so that it is never reassigned. No real server should send it; if \
         one does, treat it like 300 Multiple Choices and report it as a bug.";
    307 Iana Redirect No "Temporary Redirect" "RFC 9110 §15.4.8"
        "The resource is temporarily at the URL in the Location header, and unlike 302 the client \
         must repeat the same method and body there. fetch() follows it automatically, so POST \
         and PUT keep working. A 307 Internal Redirect in browser devtools usually comes from \
         HSTS upgrading http:// to https:// rather than from the server; use https URLs in your \
         code to avoid it. Keep calling the original URL.";
    308 Iana Redirect No "Permanent Redirect" "RFC 9110 §15.4.9"
        "The resource has permanently moved to the URL in the Location header, and the client \
         must reuse the same method and body there. fetch() follows it automatically, but every \
         call pays an extra round trip and a cross-origin target needs its own CORS headers. \
         Update the URL in your code; a missing or extra trailing slash, or http instead of https \
         in the base URL, is the usual cause.";
    400 Iana BadRequest No "Bad Request" "RFC 9110 §15.5.1"
        "The server could not process the request because something in it is wrong: malformed \
         JSON, a missing required parameter or header, a value of the wrong type, or an invalid \
         query string. It is the catch-all client error, so read the error body; most APIs name \
         the field or parameter that failed (some use 422 for validation errors instead). Fix the \
         request before sending it again, because retrying it unchanged fails the same way. In \
         development log the payload and the error message; when the bad data came from a form, \
         show the user what to correct.";
    401 Iana Unauthorized No "Unauthorized" "RFC 9110 §15.5.2"
        "The request lacks valid authentication credentials: the API key or bearer token is \
         missing, mistyped, revoked or expired, or it was sent in the wrong header or format. The \
         WWW-Authenticate header names the expected scheme and may carry an error such as \
         invalid_token. Refresh the access token (or sign the user in again) and retry once with \
         the new credentials; if that fails too, stop and check the key, the Authorization header \
         format and the environment (test or live keys). Despite its name it is about \
         authentication; lacking rights is 403.";
    402 Iana PaymentRequired No "Payment Required" "RFC 9110 §15.5.3"
        "Reserved by the HTTP specification for future use, but APIs use it for billing problems: \
         an expired subscription, exhausted paid credits or quota, a plan that does not include \
         the feature, or (at Stripe) a declined card or a request that failed although its \
         parameters were valid. Read the error body and send the user or account owner to update \
         billing or upgrade the plan. Retrying will not help until that is done.";
    403 Iana Forbidden No "Forbidden" "RFC 9110 §15.5.4"
        "The server knows who you are (or does not need to) but refuses the action: the user or \
         API key lacks permission for this resource or operation, an OAuth scope is missing, the \
         plan does not include the feature, or an IP allowlist or firewall rule blocks the call. \
         Signing in again usually does not help. Check the roles, scopes and key permissions in \
         the API's dashboard, hide or disable the action in the UI for users who cannot perform \
         it, and do not retry. Some APIs answer 404 instead to hide that a resource exists.";
    404 Iana NotFound No "Not Found" "RFC 9110 §15.5.5"
        "The server has nothing at this URL: the endpoint path is wrong (a typo, a missing \
         version prefix, the wrong base URL or trailing slash), or the resource id does not \
         exist, was deleted, or belongs to another account. Some APIs also answer 404 rather than \
         403 to hide resources you may not see. Check the URL against the API reference and the \
         id you send; in the UI, show a not-found state and drop stale references. Retrying does \
         not help unless the resource is still being created.";
    405 Iana MethodNotAllowed No "Method Not Allowed" "RFC 9110 §15.5.6"
        "The resource exists but does not support the HTTP method you used, for example POST to a \
         read-only collection or DELETE on an endpoint that only allows GET. The Allow header \
         lists the methods the resource accepts (cross-origin it is readable only if exposed \
         through Access-Control-Expose-Headers). Use the method the API documents for that \
         action, and check the path too: a wrong URL that happens to match another route causes \
         it as well. Retrying will not help.";
    406 Iana NotAcceptable No "Not Acceptable" "RFC 9110 §15.5.7"
        "The server cannot produce a response in any format listed in the request's Accept header \
         (or Accept-Language or Accept-Encoding), for example Accept: application/xml sent to a \
         JSON-only API, or a vendor media type naming an API version the server does not offer. \
         Send Accept: application/json, */* or the exact media type the API documents, and make \
         sure no library or interceptor overrides the header. The body may list the available \
         formats. Retrying unchanged will not help.";
    407 Iana Unauthorized No "Proxy Authentication Required" "RFC 9110 §15.5.8"
        "A proxy between the client and the server needs credentials before it forwards the \
         request; the Proxy-Authenticate header names the scheme. Browsers handle proxy \
         authentication themselves and JavaScript cannot set Proxy-Authorization, so in a web app \
         it means the user's network or corporate proxy settings need attention. For Node or \
         other server-side clients, configure the proxy credentials in the HTTP agent.";
    408 Iana RequestTimeout Yes "Request Timeout" "RFC 9110 §15.5.9"
        "The server closed the connection because the client did not finish sending the request \
         in time: a slow upload, a stalled network, or an idle keep-alive connection the server \
         decided to close. The request was not processed, so the default policy retries \
         idempotent requests, and browsers often retry it on their own. If it keeps happening \
         with large uploads, check the network or send smaller chunks.";
    409 Iana Conflict No "Conflict" "RFC 9110 §15.5.10"
        "The request conflicts with the current state of the resource: creating something that \
         already exists (a duplicate email or username), saving an edit based on an outdated \
         version after someone else changed it, or an action the resource's current state does \
         not allow. With an Idempotency-Key it can also mean that a first request with the same \
         key is still being processed. Read the error body, refetch the resource, then show the \
         conflict to the user or merge and resend; in the idempotency case wait and retry later. \
         Resending unchanged usually fails again.";
    410 Iana Gone No "Gone" "RFC 9110 §15.5.11"
        "The resource existed but was removed on purpose and will not come back: a deleted \
         record, an expired link or invitation, or a retired API endpoint (sometimes announced \
         beforehand with a Sunset header). Unlike 404 it is permanent. Remove references to it, \
         clear cached copies, and migrate retired endpoints to their replacement; retrying will \
         not help.";
    411 Iana BadRequest No "Length Required" "RFC 9110 §15.5.12"
        "The server requires a Content-Length header and the request did not have one, usually \
         because the body was streamed with chunked encoding. fetch() sets Content-Length for \
         strings, Blobs, ArrayBuffers and FormData but not for a ReadableStream body, so buffer \
         the body into a Blob or ArrayBuffer first, or use an upload endpoint that accepts \
         streams. Retrying unchanged will not help.";
    412 Iana PreconditionFailed No "Precondition Failed" "RFC 9110 §15.5.13"
        "A condition in the request headers did not hold, most often If-Match with an ETag (or \
         If-Unmodified-Since) on a PUT, PATCH or DELETE: the resource changed since you read it. \
         This protects against lost updates. Fetch the resource again to get its current state \
         and ETag, merge the change or let the user resolve it, then resend with the new ETag. \
         Retrying unchanged fails again.";
    413 Iana PayloadTooLarge WithTiming "Content Too Large" "RFC 9110 §15.5.14"
        "The request body is larger than the server, or a proxy in front of it, accepts: an \
         upload over the size limit (nginx's default client_max_body_size is 1 MB) or an \
         oversized JSON payload. Check the size before sending, compress or resize files, or \
         split the upload into chunks. If the limit is temporary the server may send Retry-After, \
         and only then does the default policy retry; otherwise resending the same body fails \
         again.";
    414 Iana UriTooLong No "URI Too Long" "RFC 9110 §15.5.15"
        "The request URL is longer than the server accepts, usually because of a huge query \
         string: long filter lists, encoded JSON or other data in the URL, or a redirect loop \
         that keeps appending parameters. Send the data in a POST body instead (some APIs offer a \
         search endpoint for exactly this), or shorten the query. Retrying will not help.";
    415 Iana UnsupportedMediaType No "Unsupported Media Type" "RFC 9110 §15.5.16"
        "The server refuses the request body because of its format: the Content-Type header is \
         missing or wrong (for example text/plain, which fetch() sends when you pass a \
         JSON.stringify() string without setting the header, or form data sent to a JSON \
         endpoint), or the body uses a Content-Encoding the server does not accept. Set \
         Content-Type: application/json, or the type the API documents, and make sure the body \
         really matches it. When sending FormData, do not set the header yourself; let the \
         browser add the multipart boundary. Retrying without the fix will not help.";
    416 Iana RangeNotSatisfiable No "Range Not Satisfiable" "RFC 9110 §15.5.17"
        "The Range header asked for bytes outside the resource, typically when resuming a \
         download past its end or after the file shrank or changed. The response's Content-Range \
         header (bytes */size) gives the current length. Restart the download or request a range \
         within that size, and use If-Range with the ETag so that a changed file is sent whole.";
    417 Iana ClientError No "Expectation Failed" "RFC 9110 §15.5.18"
        "The server or a proxy cannot meet the request's Expect header, in practice Expect: \
         100-continue sent before a large upload. Browsers do not let JavaScript set Expect, so \
         it shows up with Node, curl or other non-browser clients. Resend the request without the \
         Expect header; the upload then goes ahead without waiting for 100 Continue.";
    418 Unofficial ClientError No "I'm a teapot" "RFC 9110 §15.5.19 (unused); RFC 2324 §2.3.2"
        "Unused and reserved. The code comes from RFC 2324, the 1998 April Fools' joke protocol \
         HTCPCP (Hyper Text Coffee Pot Control Protocol), in which a teapot refuses to brew \
         coffee. Because many servers return it as an easter egg, RFC 9110 lists 418 as (Unused) \
         and keeps it reserved rather than giving it a real meaning. Some sites also use it to \
         turn away bots. Treat it like 400: it is not retried.";
    421 Iana ClientError No "Misdirected Request" "RFC 9110 §15.5.20"
        "The request reached a server that cannot answer for that origin, usually because the \
         browser reused an HTTP/2 or HTTP/3 connection for another hostname covered by the same \
         certificate and the server or CDN is not set up for it, or because SNI and Host do not \
         match. Browsers retry on a fresh connection automatically, so JavaScript rarely sees it; \
         if it persists, the certificate and virtual host setup of the server or CDN needs \
         fixing.";
    422 Iana ValidationFailed No "Unprocessable Content" "RFC 9110 §15.5.21"
        "The request was well-formed (valid JSON with the right Content-Type) but its content \
         failed validation: a required field is empty, an email address is invalid, a date is in \
         the past, or a business rule rejects it. The error body usually lists the problems per \
         field. Show those messages next to the form fields and let the user correct them; \
         resending unchanged fails again.";
    423 Iana Locked No "Locked" "RFC 4918 §11.3"
        "WebDAV: the resource is locked, by another user or an earlier session of yours, and the \
         request did not supply the matching lock token (in the If header). Document editors and \
         file-sync APIs use it too. Wait for the lock to be released or to expire, or send the \
         lock token you hold, and tell the user who holds the lock if the API says so.";
    424 Iana ClientError No "Failed Dependency" "RFC 4918 §11.4"
        "WebDAV: this operation failed because another operation it depended on failed, for \
         example one part of a PROPPATCH or a batch whose earlier step was rejected. The 424 is a \
         consequence, not the cause: find the sibling operation with the real error (often in the \
         same 207 Multi-Status response), fix it, then resend the whole set.";
    425 Iana TooEarly Yes "Too Early" "RFC 8470 §5.2"
        "The server will not process a request sent in TLS 1.3 early data (0-RTT) because a \
         replay of it could do harm. The client should repeat it once the handshake has \
         completed; browsers do this automatically, and the default policy also retries \
         idempotent requests on 425. Frontend code almost never needs to do anything.";
    426 Iana UpgradeRequired No "Upgrade Required" "RFC 9110 §15.5.22"
        "The server refuses to handle the request over the current protocol and names the one it \
         requires in the Upgrade header, for example a newer TLS or HTTP version, or a WebSocket \
         endpoint called over plain HTTP. Many APIs also use 426 to say that the API version the \
         client calls has been retired: that old version, SDK or app build is no longer served. \
         Upgrade the client, SDK or app (or prompt the user to update), switch to a supported \
         version through the URL, header or parameter the API documents, and read its deprecation \
         notes. Retrying will not help.";
    428 Iana PreconditionFailed No "Precondition Required" "RFC 6585 §3"
        "The server requires the request to be conditional, to prevent lost updates: a PUT, PATCH \
         or DELETE must carry If-Match with the resource's current ETag (or If-Unmodified-Since). \
         GET the resource first, read its ETag (cross-origin, it must be exposed through \
         Access-Control-Expose-Headers), and resend the write with If-Match set to it.";
    429 Iana RateLimited Yes "Too Many Requests" "RFC 6585 §4"
        "The client exceeded a rate limit or quota: too many requests in a time window from this \
         API key, user or IP address. Wait before trying again: the Retry-After header gives the \
         delay in seconds or as a date, and the RateLimit and RateLimit-Policy headers (or the \
         older X-RateLimit-Limit, -Remaining and -Reset) describe the quota. The default policy \
         retries idempotent requests after that delay; otherwise back off exponentially with \
         jitter. Reduce the request rate with caching, debouncing or batching. Cross-origin, \
         these headers are readable only if exposed through Access-Control-Expose-Headers.";
    431 Iana HeaderTooLarge No "Request Header Fields Too Large" "RFC 6585 §5"
        "The request's headers, or a single header, are larger than the server accepts. The usual \
         culprit is the Cookie header after too many or too large cookies piled up on the domain, \
         or a huge Authorization token such as a JWT with many claims. Clear or trim cookies, \
         shorten tokens and drop unneeded custom headers; retrying unchanged will not help.";
    444 Unofficial ClientError No "No Response" "nginx"
        "An nginx code meaning close the connection without sending any response, used in server \
         configs (return 444) to drop unwanted traffic such as bots, unknown Host names or \
         blocked clients. The client never receives a 444: fetch() rejects with a network error \
         (a TypeError) and the code appears only in the server's logs. If a legitimate client \
         hits it, the request matched a blocking rule; check the Host header, user agent and IP \
         address.";
    451 Iana UnavailableForLegalReasons No "Unavailable For Legal Reasons" "RFC 7725 §3"
        "The server refuses to serve the resource for legal reasons: a court order, government \
         censorship, a copyright takedown or a regional restriction such as sanctions or privacy \
         law. The body should explain, and a Link header with rel=blocked-by may name who \
         demanded the block. Show the user that explanation; the client cannot fix it and \
         retrying will not help.";
    494 Unofficial HeaderTooLarge No "Request Header Too Large" "nginx"
        "nginx's internal code for request headers (often cookies) larger than its \
         large_client_header_buffers setting allows. It appears in nginx logs and error_page \
         rules, while the client usually receives a 400 Bad Request page titled Request Header Or \
         Cookie Too Large. Clear or trim cookies and oversized headers, as for 431.";
    495 Unofficial ClientError No "SSL Certificate Error" "nginx"
        "nginx's internal code for a client certificate that failed verification during mutual \
         TLS (ssl_verify_client), for example because it expired, was revoked or comes from an \
         untrusted CA. It shows in nginx logs; the client usually receives a 400 Bad Request page \
         mentioning an SSL certificate error. JavaScript cannot supply client certificates, so \
         the user or device needs a valid certificate installed; it is not retried.";
    496 Unofficial ClientError No "SSL Certificate Required" "nginx"
        "nginx's internal code for a request that reached a server demanding a client certificate \
         (mutual TLS) without sending one. The client usually receives a 400 Bad Request page \
         saying that no required SSL certificate was sent. Install the certificate in the browser \
         or device, or configure it in the HTTP client for server-side calls; retrying without it \
         will not help.";
    497 Unofficial BadRequest No "HTTP Request Sent to HTTPS Port" "nginx"
        "nginx's internal code for a plain http:// request sent to a port that expects TLS. The \
         client usually receives a 400 Bad Request page with that message, unless the server maps \
         it (error_page 497) to a redirect to https. Fix the URL to use https:// or the right \
         port; retrying unchanged will not help.";
    498 Unofficial Unauthorized No "Invalid Token" "Esri ArcGIS"
        "An Esri ArcGIS code meaning the token sent with the request is invalid or has expired. \
         ArcGIS REST services often return it inside a JSON error object with HTTP status 200, so \
         check the body's error.code as well as the status. Generate a new token, or let the \
         ArcGIS SDK's identity manager sign the user in again, and then resend the request.";
    499 Unofficial ClientError No "Client Closed Request" "nginx; ArcGIS uses it for Token Required"
        "This code has two common meanings. In nginx it is Client Closed Request: the client went \
         away (closed the tab, aborted the fetch with AbortController, or hit its own timeout) \
         before the server answered, so it appears only in server logs and the client never \
         receives it; many 499s point to client timeouts that are too short or a slow backend. In \
         Esri ArcGIS services it means Token Required: the request needed a token and had none, \
         so add the token and resend. Like other unofficial 4xx codes it is not retried.";
    500 Iana ServerError Yes "Internal Server Error" "RFC 9110 §15.6.1"
        "Something went wrong on the server while handling the request, such as an unhandled \
         exception or a bug; it is the server's fault, not the request's. The default policy \
         retries idempotent requests (GET, PUT, DELETE) with backoff; do not blindly resend a \
         POST unless it carries an Idempotency-Key. If it persists, contact the API's support \
         with the request id (often in an X-Request-Id header or the error body), the time and \
         the endpoint, and show the user a generic error message instead of raw details.";
    501 Iana NotImplemented No "Not Implemented" "RFC 9110 §15.6.2"
        "The server does not support the functionality the request needs, usually an HTTP method \
         it does not recognise at all (unlike 405, where the method is known but not allowed on \
         this resource), or an endpoint the API announced but has not built yet. Check the method \
         and the API version; retrying will not help until the server implements it.";
    502 Iana BadGateway Yes "Bad Gateway" "RFC 9110 §15.6.3"
        "A gateway, proxy, load balancer or CDN in front of the API got an invalid response from \
         the server behind it: the upstream crashed, closed the connection, was being redeployed \
         or sent a malformed response. It is a server-side problem and often brief, so the \
         default policy retries idempotent requests with backoff. The body usually comes from the \
         proxy and is often HTML rather than the API's JSON, so check the Content-Type before \
         parsing. If it persists, check the API's status page or contact its support.";
    503 Iana ServiceUnavailable Yes "Service Unavailable" "RFC 9110 §15.6.4"
        "The server cannot handle the request right now because it is down for maintenance, \
         overloaded, still starting up, or missing a dependency it needs. The condition is \
         temporary: the Retry-After header, when present, says how many seconds to wait (or until \
         what date), and the default policy honours it before retrying idempotent requests. \
         Otherwise back off exponentially, show the user a temporary-outage message and check the \
         API's status page. The body may be an HTML maintenance page rather than JSON.";
    504 Iana GatewayTimeout Yes "Gateway Timeout" "RFC 9110 §15.6.5"
        "A gateway, proxy, load balancer or CDN in front of the API did not get a response from \
         the server behind it in time: the upstream is slow or overloaded, or the operation takes \
         longer than the proxy's timeout. The work may still have completed on the server, so \
         idempotent requests are retried with backoff, but check for side effects before \
         resending a POST. For long operations use an asynchronous variant if the API has one \
         (202 and polling) or ask for less at once, for example with paging. The body is often an \
         HTML page from the proxy.";
    505 Iana ServerError No "HTTP Version Not Supported" "RFC 9110 §15.6.6"
        "The server does not support the major HTTP version used in the request. Browsers \
         negotiate the version themselves, so frontend code rarely sees it; it usually points to \
         a proxy or a test client sending an unusual version (such as HTTP/2 with prior knowledge \
         to an HTTP/1.1-only server). Fix the client or server configuration; retrying will not \
         help.";
    506 Iana ServerError No "Variant Also Negotiates" "RFC 2295 §8.1"
        "A server configuration error in transparent content negotiation (RFC 2295): the variant \
         chosen for the response is itself set up to negotiate, which creates a loop. Nothing in \
         the request causes it and the client cannot fix it, so report it to the site or API \
         owner. It is practically never seen.";
    507 Iana ServerError No "Insufficient Storage" "RFC 4918 §11.5"
        "The server cannot store what the request needs. It started as a WebDAV code for a full \
         disk or exhausted quota on PUT, MKCOL or COPY, and some storage APIs use it when the \
         user's storage quota is used up. Free space or raise the quota, or show the user a \
         storage-full message; retrying at once does not help, because the condition lasts until \
         something changes.";
    508 Iana ServerError No "Loop Detected" "RFC 5842 §7.2"
        "WebDAV: the server stopped a request with Depth: infinity because it found an infinite \
         loop in the collection's bindings. Some shared hosts (cPanel with CloudLinux) also send \
         508 Resource Limit Is Reached when a site exceeds its CPU, memory or process limits. \
         Neither is fixed by the client retrying at once; report it to the site owner or host.";
    509 Unofficial ServiceUnavailable Yes "Bandwidth Limit Exceeded" "Apache / cPanel"
        "Not an official code: Apache with cPanel and some shared hosts send it when the site has \
         used up its bandwidth quota for the billing period. The site stays unavailable until the \
         quota resets or is raised, so it is a hosting problem for the site owner rather than the \
         client. As an unofficial 5xx it is retried like 500, but quick retries rarely help; show \
         an unavailable message.";
    510 Iana ServerError No "Not Extended" "RFC 2774 §7 (obsoleted)"
        "Obsoleted: the code belongs to the HTTP Extension Framework (RFC 2774), an experiment \
         that has been moved to historic status, and the registry marks it as obsolete. It meant \
         the server required an extension declaration that the request did not include. Modern \
         servers do not send it; if one does, check the API documentation for what it expects, \
         since retrying will not help.";
    511 Iana Unauthorized No "Network Authentication Required" "RFC 6585 §6"
        "Sent by a captive portal (hotel, airport or cafe Wi-Fi), not by the API: the network \
         wants the user to sign in or accept terms before it lets traffic through, and the body \
         usually links to the portal's login page. Ask the user to open any page in the browser \
         and sign in to the network, then retry. Over HTTPS the portal usually cannot answer, so \
         the same situation more often shows up as a certificate or network error.";
    520 Unofficial BadGateway Yes "Web Server Returned an Unknown Error" "Cloudflare"
        "Cloudflare: the origin server returned an empty, unknown or unexpected response to \
         Cloudflare's edge, for example because it crashed, reset the connection or sent \
         oversized headers. The body is a Cloudflare error page, not the API's JSON. Idempotent \
         requests are retried like other 5xx; if it persists, the site owner must check the \
         origin's logs.";
    521 Unofficial BadGateway Yes "Web Server Is Down" "Cloudflare"
        "Cloudflare: the origin web server refused the connection from Cloudflare, usually \
         because it is down or its firewall blocks Cloudflare's IP ranges. The body is a \
         Cloudflare error page. Short outages recover, so idempotent requests are retried like \
         other 5xx; a persistent 521 is for the site owner to fix.";
    522 Unofficial GatewayTimeout Yes "Connection Timed Out" "Cloudflare"
        "Cloudflare: the TCP connection from Cloudflare to the origin server timed out, usually \
         because the origin is overloaded or offline, or a firewall silently drops Cloudflare's \
         packets. The body is a Cloudflare error page. Idempotent requests are retried with \
         backoff; if it persists, the site owner must check the origin's capacity and network.";
    523 Unofficial BadGateway Yes "Origin Is Unreachable" "Cloudflare"
        "Cloudflare: Cloudflare could not reach the origin at all, typically because the origin's \
         DNS record points to a wrong or outdated IP address, or because of a routing problem \
         between them. It is retried like other 5xx, but it usually needs the site owner to fix \
         the DNS settings or the origin's network.";
    524 Unofficial GatewayTimeout Yes "A Timeout Occurred" "Cloudflare"
        "Cloudflare: Cloudflare connected to the origin, but the origin did not send an HTTP \
         response before the timeout (100 seconds by default), typically because of a slow query \
         or a long-running report. The work may still complete on the origin. Idempotent requests \
         are retried; for long operations the API should offer asynchronous processing (202 and \
         polling), or the client should request smaller pieces.";
    525 Unofficial BadGateway Yes "SSL Handshake Failed" "Cloudflare"
        "Cloudflare: the TLS handshake between Cloudflare and the origin server failed, for \
         example because the origin has no certificate, supports no common cipher suite or does \
         not handle SNI. It is a configuration problem on the site's side; it is retried like \
         other 5xx, but retries only help during a certificate change, so report it to the site \
         owner.";
    526 Unofficial BadGateway Yes "Invalid SSL Certificate" "Cloudflare"
        "Cloudflare: with the SSL mode Full (strict), the origin server's certificate failed \
         validation because it is expired, self-signed, issued for another hostname or signed by \
         an untrusted CA. The site owner must install a valid certificate (or a Cloudflare Origin \
         CA certificate). It is retried like other 5xx, but it will not clear until the \
         certificate is fixed.";
    530 Unofficial ServerError Yes "Origin Error"
        "Cloudflare (with a 1xxx error); Pantheon uses it for a frozen site"
        "Not standard, and its meaning depends on the host. On Cloudflare, 530 comes with a 1xxx \
         error on the error page (often 1016 Origin DNS Error, or 1033 when a Cloudflare Tunnel \
         is not running) and means Cloudflare could not resolve or reach the origin. Other hosts \
         use 530 differently: Pantheon returns it for a site that is frozen, and other services \
         for their own internal errors. Read the body to see which case applies; it is retried \
         like other 5xx, but the DNS and frozen-site cases need the site owner.";
    598 Unofficial GatewayTimeout Yes "Network Read Timeout Error" "some HTTP proxies"
        "An informal code that some HTTP proxies (reportedly including Microsoft's) use to tell \
         the client that the proxy timed out while reading the response from the server behind \
         it. Treat it like 504 Gateway Timeout: the upstream was too slow and the work may have \
         completed anyway. Idempotent requests are retried with backoff.";
    599 Unofficial GatewayTimeout Yes "Network Connect Timeout Error" "some HTTP proxies"
        "An informal code that some HTTP proxies (reportedly including Microsoft's) use when they \
         time out connecting to the server behind them; some client libraries, such as Python's \
         Tornado, also report their own timeouts and connection failures as 599. Treat it like \
         504 Gateway Timeout: idempotent requests are retried with backoff, and persistent \
         failures point to network or upstream trouble.";
}
