//! What `userMessage(input)` was given: a status number, a StatusInfo or Response-like object,
//! a thrown error, or a `{ kind }` answer of `classifyError`. The bindings read the facts; the
//! decision is made here.

use crate::classify::{classify_builtin, status_from_number};
use crate::error::ArgError;
use crate::failure::{classify_failure, FailureFacts};
use crate::kind::Kind;

/// Facts read off the `input` argument of `userMessage`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct MessageInput<'a> {
    /// The input itself, when it is a number.
    pub number: Option<f64>,
    /// True when the input is an object (or function).
    pub is_object: bool,
    /// `input.status`, when it is a number (StatusInfo, Response, HttpError).
    pub status: Option<f64>,
    /// `input.kind`, when it is a string (ErrorClass, NetworkError).
    pub kind: Option<&'a str>,
    /// The facts `classifyError` reads, for thrown errors.
    pub failure: FailureFacts<'a>,
}

/// The kind and status a message is written for.
pub fn resolve_input(input: &MessageInput<'_>) -> Result<(Kind, Option<u16>), ArgError> {
    if let Some(n) = input.number {
        let status = status_from_number("input", n)?;
        return Ok(from_status(status));
    }
    if input.is_object {
        if let Some(c) = classify_failure(&input.failure) {
            return Ok((c.kind, c.status));
        }
        if let Some(status) = input
            .status
            .and_then(|s| status_from_number("input.status", s).ok())
        {
            return Ok(from_status(status));
        }
        if let Some(kind) = input.kind.and_then(Kind::from_name) {
            return Ok((kind, None));
        }
    }
    Err(ArgError::type_error(
        "input must be a status code from 100 to 599, a StatusInfo, an HttpError or NetworkError, \
         or an error thrown by fetch (use classifyError to test unknown errors first)",
    ))
}

fn from_status(status: u16) -> (Kind, Option<u16>) {
    let kind = classify_builtin(status).map_or(Kind::ClientError, |i| i.kind);
    (kind, Some(status))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ArgErrorKind;

    #[test]
    fn numbers_statuses_kinds_and_errors() {
        let number = MessageInput {
            number: Some(404.0),
            ..MessageInput::default()
        };
        assert_eq!(resolve_input(&number), Ok((Kind::NotFound, Some(404))));
        let info = MessageInput {
            is_object: true,
            status: Some(503.0),
            kind: Some("service_unavailable"),
            ..MessageInput::default()
        };
        assert_eq!(
            resolve_input(&info),
            Ok((Kind::ServiceUnavailable, Some(503)))
        );
        let class = MessageInput {
            is_object: true,
            kind: Some("offline"),
            ..MessageInput::default()
        };
        assert_eq!(resolve_input(&class), Ok((Kind::Offline, None)));
        let fetch_error = MessageInput {
            is_object: true,
            failure: FailureFacts {
                name: Some("TypeError"),
                message: Some("Failed to fetch"),
                is_error: true,
                ..FailureFacts::default()
            },
            ..MessageInput::default()
        };
        assert_eq!(resolve_input(&fetch_error), Ok((Kind::NetworkError, None)));
    }

    #[test]
    fn bad_inputs_are_named() {
        let range = MessageInput {
            number: Some(700.0),
            ..MessageInput::default()
        };
        let err = resolve_input(&range).unwrap_err();
        assert_eq!(err.kind, ArgErrorKind::Range);
        assert!(err
            .message
            .starts_with("input must be an integer from 100 to 599"));
        for bad in [
            MessageInput::default(),
            MessageInput {
                is_object: true,
                kind: Some("teapot"),
                ..MessageInput::default()
            },
            MessageInput {
                is_object: true,
                status: Some(42.0),
                ..MessageInput::default()
            },
        ] {
            assert_eq!(resolve_input(&bad).unwrap_err().kind, ArgErrorKind::Type);
        }
    }
}
