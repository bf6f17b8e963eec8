//! Why a retry decision came out as it did.

use core::fmt;

/// The reason of a [`RetryDecision`](super::RetryDecision). The string forms are part of the
/// public contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RetryReason {
    /// Retry: the status is in the retry set; the computed backoff applies.
    Status,
    /// Retry: the server's timing (Retry-After / RateLimit) is used as the delay.
    RetryAfter,
    /// Retry: the request failed without a response.
    Network,
    /// Retry: the attempt timed out.
    Timeout,
    /// Retry once the browser fires `online`; the delay is 0.
    Offline,
    /// No retry: the attempt limit is reached.
    Limit,
    /// No retry: another attempt would not finish before the deadline.
    Deadline,
    /// No retry: the method is not idempotent and carries no idempotency key.
    Method,
    /// No retry: the status or failure is not retryable.
    NotRetryable,
    /// No retry: the caller aborted.
    Aborted,
    /// No retry: the retry budget is exhausted.
    Budget,
    /// No retry: the server asked to wait longer than `maxRetryAfterMs`.
    RetryAfterTooLong,
    /// No retry: the request body was a stream or an async iterable, which can be sent only
    /// once (the attempt would otherwise have been retried).
    BodyNotReplayable,
}

impl RetryReason {
    /// Every reason: the five for a retry, then the eight for no retry.
    pub const ALL: [RetryReason; 13] = [
        RetryReason::Status,
        RetryReason::RetryAfter,
        RetryReason::Network,
        RetryReason::Timeout,
        RetryReason::Offline,
        RetryReason::Limit,
        RetryReason::Deadline,
        RetryReason::Method,
        RetryReason::NotRetryable,
        RetryReason::Aborted,
        RetryReason::Budget,
        RetryReason::RetryAfterTooLong,
        RetryReason::BodyNotReplayable,
    ];

    /// The stable snake_case name JavaScript sees.
    pub const fn as_str(self) -> &'static str {
        match self {
            RetryReason::Status => "status",
            RetryReason::RetryAfter => "retry_after",
            RetryReason::Network => "network",
            RetryReason::Timeout => "timeout",
            RetryReason::Offline => "offline",
            RetryReason::Limit => "limit",
            RetryReason::Deadline => "deadline",
            RetryReason::Method => "method",
            RetryReason::NotRetryable => "not_retryable",
            RetryReason::Aborted => "aborted",
            RetryReason::Budget => "budget",
            RetryReason::RetryAfterTooLong => "retry_after_too_long",
            RetryReason::BodyNotReplayable => "body_not_replayable",
        }
    }

    /// Looks a reason up by its snake_case name.
    pub fn from_name(name: &str) -> Option<RetryReason> {
        RetryReason::ALL.into_iter().find(|r| r.as_str() == name)
    }

    /// True for the reasons that come with `retry: true`.
    pub const fn is_retry(self) -> bool {
        matches!(
            self,
            RetryReason::Status
                | RetryReason::RetryAfter
                | RetryReason::Network
                | RetryReason::Timeout
                | RetryReason::Offline
        )
    }
}

impl fmt::Display for RetryReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
