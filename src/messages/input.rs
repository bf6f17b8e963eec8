//! What `userMessage(input, options)` was given: a status number, a StatusInfo or Response-like
//! object, a thrown error, a `{ kind }` answer of `classifyError`, or anything else. The bindings
//! read plain facts; every decision is made here: which kind and status the message is for
//! (an unrecognised value is [`Kind::Unknown`], never an error), which server text may join it
//! and in which language, and which situations hold.

use crate::classify::{classify_builtin, status_from_number};
use crate::failure::{classify_failure, FailureFacts};
use crate::kind::Kind;

use super::situation::Situations;
use super::store::{MessageRequest, ServerText};

/// Facts read off the `input` argument of `userMessage`. Every member defaults to "absent".
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
    /// `input.retryAfterMs`, when it is a number (HttpError).
    pub retry_after_ms: Option<f64>,
    /// `input.details.userFacing.message`, when it is a string (Google's LocalizedMessage).
    pub user_facing: Option<&'a str>,
    /// `input.details.userFacing.locale`, when it is a string: the language of `user_facing`.
    pub user_facing_locale: Option<&'a str>,
    /// `input.details.detail`, when it is a string.
    pub detail: Option<&'a str>,
    /// `input.details.title`, when it is a string.
    pub title: Option<&'a str>,
    /// The language an error body states for itself: the first string among
    /// `input.details.extensions.lang`, `.language` and `.locale` (problem+json extension
    /// members; see [`BODY_LANGUAGE_MEMBERS`]).
    pub body_language: Option<&'a str>,
    /// `input.contentLanguage`, when it is a string: the response's `Content-Language` header
    /// (HttpError carries it).
    pub content_language: Option<&'a str>,
    /// True when `input.details.fieldErrors` is a non-empty array.
    pub has_field_errors: bool,
}

/// The problem+json extension members read as the body's own language, in order. RFC 9457
/// defines none (it localises `title` and `detail` through proactive negotiation and
/// `Content-Language`, RFC 9110 §8.5); these are the names APIs use for the purpose (OData's
/// `{ "lang", "value" }` messages, XML's `xml:lang`, and `language` / `locale` members).
pub const BODY_LANGUAGE_MEMBERS: [&str; 3] = ["lang", "language", "locale"];

/// What the caller's `options` say, read into plain values (types already checked).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MessageOptions<'a> {
    /// The user's locales, most preferred first (`options.locale`, else `navigator.languages`).
    pub locales: &'a [&'a str],
    /// `options.retryAfterMs` (finite, >= 0); overrides the input's own.
    pub retry_after_ms: Option<f64>,
    /// `options.includeServerDetail === true`.
    pub include_server_detail: bool,
    /// `options.serverLanguage`: the language the API writes its texts in, for responses that
    /// say nothing about it. Default: none.
    pub server_language: Option<&'a str>,
    /// `options.highlightedFields`: whether the form highlights the fields to fix. Default: the
    /// input's `details.fieldErrors` is not empty.
    pub highlighted_fields: Option<bool>,
    /// `options.signIn`: whether the app has a sign-in. Default: true.
    pub sign_in: bool,
    /// `options.supportLink`: whether the app shows a way to contact support. Default: false.
    pub support_link: bool,
}

impl Default for MessageOptions<'_> {
    fn default() -> Self {
        MessageOptions {
            locales: &[],
            retry_after_ms: None,
            include_server_detail: false,
            server_language: None,
            highlighted_fields: None,
            sign_in: true,
            support_link: false,
        }
    }
}

/// The kind and status a message is written for. Never fails: a value that is not a recognised
/// outcome is [`Kind::Unknown`] (userMessage runs inside an app's catch handler, where a throw
/// would hide the original error).
///
/// In order: a number 100..=599 is a status (anything else, `Unknown`); an object is what
/// `classifyError` makes of it, else its numeric `status` 100..=599, else its `kind` name, else
/// (an object named `NetworkError` with a kind of its own) `network_error`, else `Unknown`.
pub fn resolve_input(input: &MessageInput<'_>) -> (Kind, Option<u16>) {
    if let Some(n) = input.number {
        return status(n).map_or((Kind::Unknown, None), from_status);
    }
    if input.is_object {
        if let Some(c) = classify_failure(&input.failure) {
            return (c.kind, c.status);
        }
        if let Some(code) = input.status.and_then(status) {
            return from_status(code);
        }
        if let Some(kind) = input.kind.and_then(Kind::from_name) {
            return (kind, None);
        }
        // This package's NetworkError is a failure without a response, whatever its `kind`
        // was set to.
        if input.failure.name == Some("NetworkError") {
            return (Kind::NetworkError, None);
        }
    }
    (Kind::Unknown, None)
}

/// An integer 100..=599, as a status code.
fn status(n: f64) -> Option<u16> {
    status_from_number("input", n).ok()
}

fn from_status(status: u16) -> (Kind, Option<u16>) {
    let kind = classify_builtin(status).map_or(Kind::ClientError, |i| i.kind);
    (kind, Some(status))
}

/// The server texts of `input` that could join a message, most preferred first, each with its
/// language: the user-facing message (in `userFacing.locale`, else the response's language),
/// then `detail`, then `title` (in the response's language). The response's language is the
/// body's own (see [`BODY_LANGUAGE_MEMBERS`]), else a single-tag `Content-Language` (a list
/// says the content is for several audiences, so no one language), else
/// `options.serverLanguage`. A text whose language is unknown never joins a message.
pub fn server_texts<'a>(
    input: &MessageInput<'a>,
    server_language: Option<&'a str>,
) -> [Option<ServerText<'a>>; 3] {
    let response = input
        .body_language
        .or_else(|| input.content_language.and_then(single_tag))
        .or(server_language);
    let text = |text: Option<&'a str>, language: Option<&'a str>| {
        text.map(|text| ServerText { text, language })
    };
    [
        text(input.user_facing, input.user_facing_locale.or(response)),
        text(input.detail, response),
        text(input.title, response),
    ]
}

/// The one tag of a `Content-Language` value (`de`, ` fr-CA `); `None` for a list or nothing.
fn single_tag(value: &str) -> Option<&str> {
    let tag = value.trim();
    (!tag.is_empty() && !crate::substr::contains(tag, ",")).then_some(tag)
}

/// The situations that hold: fields are highlighted (the option, else the input's field
/// errors), the app has no sign-in, the app shows a support link.
pub fn situations(input: &MessageInput<'_>, options: &MessageOptions<'_>) -> Situations {
    Situations::HIGHLIGHTED_FIELDS
        .when(options.highlighted_fields.unwrap_or(input.has_field_errors))
        .with(Situations::NO_SIGN_IN.when(!options.sign_in))
        .with(Situations::SUPPORT_LINK.when(options.support_link))
}

/// The request the store writes a message for, from everything `userMessage` was given.
pub fn message_request<'a>(
    input: &MessageInput<'a>,
    options: &MessageOptions<'a>,
) -> MessageRequest<'a> {
    let (kind, status) = resolve_input(input);
    let retry_after_ms = options
        .retry_after_ms
        .or(input.retry_after_ms.filter(|n| n.is_finite() && *n >= 0.0));
    MessageRequest {
        kind,
        status,
        locales: options.locales,
        retry_after_ms,
        server_texts: server_texts(input, options.server_language),
        include_server_detail: options.include_server_detail,
        situations: situations(input, options),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object() -> MessageInput<'static> {
        MessageInput {
            is_object: true,
            ..MessageInput::default()
        }
    }

    #[test]
    fn numbers_statuses_kinds_and_errors() {
        let number = MessageInput {
            number: Some(404.0),
            ..MessageInput::default()
        };
        assert_eq!(resolve_input(&number), (Kind::NotFound, Some(404)));
        let info = MessageInput {
            status: Some(503.0),
            kind: Some("service_unavailable"),
            ..object()
        };
        assert_eq!(resolve_input(&info), (Kind::ServiceUnavailable, Some(503)));
        let class = MessageInput {
            kind: Some("offline"),
            ..object()
        };
        assert_eq!(resolve_input(&class), (Kind::Offline, None));
        let fetch_error = MessageInput {
            failure: FailureFacts {
                name: Some("TypeError"),
                message: Some("Failed to fetch"),
                is_error: true,
                ..FailureFacts::default()
            },
            ..object()
        };
        assert_eq!(resolve_input(&fetch_error), (Kind::NetworkError, None));
        let teapot_network = MessageInput {
            kind: Some("teapot"),
            failure: FailureFacts {
                name: Some("NetworkError"),
                code: Some("teapot"),
                ..FailureFacts::default()
            },
            ..object()
        };
        assert_eq!(resolve_input(&teapot_network), (Kind::NetworkError, None));
        let unknown = MessageInput {
            kind: Some("unknown"),
            ..object()
        };
        assert_eq!(resolve_input(&unknown), (Kind::Unknown, None));
    }

    #[test]
    fn anything_else_is_unknown_and_never_an_error() {
        let boom = MessageInput {
            failure: FailureFacts {
                name: Some("Error"),
                message: Some("boom"),
                is_error: true,
                ..FailureFacts::default()
            },
            ..object()
        };
        for input in [
            MessageInput::default(),
            boom,
            MessageInput {
                number: Some(700.0),
                ..MessageInput::default()
            },
            MessageInput {
                number: Some(404.5),
                ..MessageInput::default()
            },
            MessageInput {
                number: Some(f64::NAN),
                ..MessageInput::default()
            },
            MessageInput {
                kind: Some("teapot"),
                ..object()
            },
            MessageInput {
                status: Some(42.0),
                ..object()
            },
            // A `status` on something that is not an object (a string's) is not read.
            MessageInput {
                status: Some(404.0),
                ..MessageInput::default()
            },
        ] {
            assert_eq!(resolve_input(&input), (Kind::Unknown, None), "{input:?}");
        }
    }

    #[test]
    fn server_text_languages() {
        let input = MessageInput {
            user_facing: Some("Votre carte a été refusée."),
            user_facing_locale: Some("fr-FR"),
            detail: Some("Card declined"),
            title: Some("Payment failed"),
            content_language: Some("en"),
            ..object()
        };
        let [user, detail, title] = server_texts(&input, Some("de"));
        assert_eq!(user.and_then(|t| t.language), Some("fr-FR"));
        assert_eq!(detail.and_then(|t| t.language), Some("en"));
        assert_eq!(title.map(|t| t.text), Some("Payment failed"));
        // The body's own member beats the header; the header beats the option.
        let body = MessageInput {
            body_language: Some("nl"),
            ..input
        };
        assert_eq!(
            server_texts(&body, None)[1].and_then(|t| t.language),
            Some("nl")
        );
        // A list in Content-Language names no single language: the option is used.
        let list = MessageInput {
            content_language: Some("de, en"),
            user_facing_locale: None,
            ..input
        };
        let [user, detail, _] = server_texts(&list, Some("de"));
        assert_eq!(user.and_then(|t| t.language), Some("de"));
        assert_eq!(detail.and_then(|t| t.language), Some("de"));
        assert_eq!(server_texts(&list, None)[1].and_then(|t| t.language), None);
        assert_eq!(single_tag("  "), None);
        assert_eq!(single_tag(" fr-CA "), Some("fr-CA"));
    }

    #[test]
    fn situations_from_input_and_options() {
        let fields = MessageInput {
            has_field_errors: true,
            ..object()
        };
        let defaults = MessageOptions::default();
        assert_eq!(
            situations(&fields, &defaults),
            Situations::HIGHLIGHTED_FIELDS
        );
        assert_eq!(situations(&object(), &defaults), Situations::NONE);
        let off = MessageOptions {
            highlighted_fields: Some(false),
            sign_in: false,
            support_link: true,
            ..defaults
        };
        assert_eq!(
            situations(&fields, &off),
            Situations::NO_SIGN_IN.with(Situations::SUPPORT_LINK)
        );
        let on = MessageOptions {
            highlighted_fields: Some(true),
            ..defaults
        };
        assert_eq!(situations(&object(), &on), Situations::HIGHLIGHTED_FIELDS);
    }

    #[test]
    fn the_request_takes_the_option_wait_over_the_input_wait() {
        let input = MessageInput {
            status: Some(429.0),
            retry_after_ms: Some(5_000.0),
            ..object()
        };
        let request = message_request(&input, &MessageOptions::default());
        assert_eq!(
            (request.kind, request.status, request.retry_after_ms),
            (Kind::RateLimited, Some(429), Some(5_000.0))
        );
        let options = MessageOptions {
            retry_after_ms: Some(1_000.0),
            ..MessageOptions::default()
        };
        assert_eq!(
            message_request(&input, &options).retry_after_ms,
            Some(1_000.0)
        );
        let bad = MessageInput {
            retry_after_ms: Some(-1.0),
            ..input
        };
        assert_eq!(
            message_request(&bad, &MessageOptions::default()).retry_after_ms,
            None
        );
    }
}
