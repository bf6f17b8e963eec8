//! Google APIs (AIP-193): `{"error": {"code", "message", "status", "details": [...]}}`, and the
//! older `errors` list of Google's v1 JSON APIs.

use crate::json::{Map, Value};

use super::field::Fields;
use super::value::{self, MAX_ITEMS};
use super::{ErrorDetails, Format, UserFacing};

/// True for Google's `error` object: a numeric HTTP `code` with a `status` string, a
/// `details` array or an `errors` array.
pub(crate) fn matches(inner: &Map) -> bool {
    value::status(inner.get("code"), false).is_some()
        && (value::has_str(inner, "status")
            || value::arr(inner, "details").is_some()
            || value::arr(inner, "errors").is_some())
}

/// Reads the `error` object: code = `ErrorInfo.reason` (else `status`), detail = `message`,
/// title = `status`, userFacing from `LocalizedMessage`, field errors from
/// `BadRequest.fieldViolations`.
pub(crate) fn parse(inner: &Map) -> Option<ErrorDetails> {
    let mut d = ErrorDetails::new(Format::Google);
    d.status = value::status(inner.get("code"), false);
    d.title = value::string(inner, "status");
    d.detail = value::string(inner, "message");
    let mut reason = None;
    let mut fields = Fields::default();
    for item in value::arr(inner, "details")
        .unwrap_or_default()
        .iter()
        .take(MAX_ITEMS)
    {
        let Some(detail) = item.as_object() else {
            continue;
        };
        let Some(kind) = value::raw_str(detail, "@type") else {
            continue;
        };
        if kind.ends_with("google.rpc.ErrorInfo") {
            if reason.is_none() {
                reason = value::string(detail, "reason");
            }
        } else if kind.ends_with("google.rpc.LocalizedMessage") {
            if d.user_facing.is_none() {
                d.user_facing = value::string(detail, "message").map(|message| UserFacing {
                    message,
                    locale: value::string(detail, "locale"),
                });
            }
        } else if kind.ends_with("google.rpc.BadRequest") {
            let violations = value::arr(detail, "fieldViolations").unwrap_or_default();
            for violation in violations
                .iter()
                .take(MAX_ITEMS)
                .filter_map(Value::as_object)
            {
                if fields.is_full() {
                    break;
                }
                let message = value::string(violation, "description").or_else(|| {
                    value::obj(violation, "localizedMessage")
                        .and_then(|m| value::string(m, "message"))
                });
                fields.push(value::string(violation, "field"), message);
            }
        }
    }
    // Google's v1 JSON APIs: "errors": [{"domain", "reason", "message", "location"}].
    let mut legacy_reason = None;
    for item in value::arr(inner, "errors")
        .unwrap_or_default()
        .iter()
        .take(MAX_ITEMS)
    {
        let Some(error) = item.as_object() else {
            continue;
        };
        if legacy_reason.is_none() {
            legacy_reason = value::string(error, "reason");
        }
        if let Some(location) = value::string(error, "location") {
            fields.push(Some(location), value::string(error, "message"));
        }
    }
    d.code = reason.or_else(|| d.title.clone()).or(legacy_reason);
    fields.finish(&mut d);
    d.has_message().then_some(d)
}
