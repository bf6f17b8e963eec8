//! What [`RetryPolicy::decide`](super::RetryPolicy::decide) is told about the attempt that
//! just failed.

use crate::kind::Kind;

use super::headers::{HeaderView, Headers};

/// The facts of one failed attempt. Borrowed, `Copy`, and built without allocation:
/// `RetryContext::new(attempt, method, now_ms)` then the `with_*` setters.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RetryContext<'a> {
    /// 1-based number of the attempt that just failed (0 is treated as 1).
    pub attempt: u32,
    /// The request method, any case.
    pub method: &'a str,
    /// The response status, when there was a response. Values outside 100..=599 count as no
    /// retryable status.
    pub status: Option<u16>,
    /// Whether `status` is in the IANA registry. When false, set membership also looks at
    /// the class's x00 code (RFC 9110 §15: an unrecognised 5xx is a 500). Defaults to true;
    /// wire it to the status catalog, e.g. `catalog::row(s).is_some_and(|r| r.registered())`.
    pub status_registered: bool,
    /// The response headers, when there was a response.
    pub headers: Option<HeaderView<'a>>,
    /// The failure without a response ([`Kind::NetworkError`], [`Kind::Timeout`],
    /// [`Kind::Offline`], [`Kind::Aborted`]); when set, `status` is ignored. Kinds that are not
    /// failures ([`Kind::is_failure`]) are ignored here.
    pub failure: Option<Kind>,
    /// Whether the request carries an `Idempotency-Key` or `X-Idempotency-Key` header
    /// (see [`Headers::has_idempotency_key`]).
    pub idempotency_key: bool,
    /// Milliseconds since the first attempt started (absent, negative or NaN count as 0).
    pub elapsed_ms: Option<f64>,
    /// Total time allowed for all attempts, on the same clock as `elapsed_ms`.
    pub deadline_ms: Option<f64>,
    /// The current time in epoch milliseconds (`Date.now()`), for HTTP-dates and epoch resets.
    pub now_ms: f64,
    /// The wait the error body asked for, in ms (`ErrorDetails::retry_after_ms`: Google's
    /// `RetryInfo.retryDelay`, Discord's and Telegram's `retry_after`). Used like a
    /// `Retry-After` when the headers give no wait; negative or NaN values are ignored.
    pub body_wait_ms: Option<f64>,
    /// False when the request body can be sent only once (a stream, an async iterable): an
    /// attempt that would be retried ends with reason `body_not_replayable` instead, and
    /// costs the budget nothing. Defaults to true.
    pub replayable: bool,
}

impl<'a> RetryContext<'a> {
    /// A context with only the required facts; everything optional is absent and
    /// `status_registered` is true.
    pub const fn new(attempt: u32, method: &'a str, now_ms: f64) -> Self {
        RetryContext {
            attempt,
            method,
            status: None,
            status_registered: true,
            headers: None,
            failure: None,
            idempotency_key: false,
            elapsed_ms: None,
            deadline_ms: None,
            now_ms,
            body_wait_ms: None,
            replayable: true,
        }
    }

    /// With the wait the error body asked for.
    pub const fn with_body_wait_ms(mut self, ms: f64) -> Self {
        self.body_wait_ms = Some(ms);
        self
    }

    /// With whether the request body can be sent again.
    pub const fn with_replayable(mut self, replayable: bool) -> Self {
        self.replayable = replayable;
        self
    }

    /// With a response status.
    pub const fn with_status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    /// With whether the status is IANA-registered.
    pub const fn with_status_registered(mut self, registered: bool) -> Self {
        self.status_registered = registered;
        self
    }

    /// With response headers.
    pub const fn with_headers(mut self, headers: &'a Headers) -> Self {
        self.headers = Some(HeaderView::Pairs(headers));
        self
    }

    /// With response headers joined as in [`Headers::from_joined`], read in place.
    pub const fn with_joined_headers(mut self, joined: &'a str) -> Self {
        self.headers = Some(HeaderView::Joined(joined));
        self
    }

    /// With a failure kind.
    pub const fn with_failure(mut self, kind: Kind) -> Self {
        self.failure = Some(kind);
        self
    }

    /// With whether the request carries an idempotency key.
    pub const fn with_idempotency_key(mut self, present: bool) -> Self {
        self.idempotency_key = present;
        self
    }

    /// With the time spent so far.
    pub const fn with_elapsed_ms(mut self, elapsed_ms: f64) -> Self {
        self.elapsed_ms = Some(elapsed_ms);
        self
    }

    /// With the overall deadline.
    pub const fn with_deadline_ms(mut self, deadline_ms: f64) -> Self {
        self.deadline_ms = Some(deadline_ms);
        self
    }
}
