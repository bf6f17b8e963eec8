//! Classification of a status code: the facts of its catalog row, or of its class's fallback,
//! with the registered long description of the code when an app added one
//! ([`crate::messages::add_descriptions`]).

use std::borrow::Cow;

use crate::catalog::{self, Retry, StatusClass};
use crate::error::{js_number, ArgError};
use crate::kind::Kind;

/// The lowest status code RFC 9110 allows.
pub const MIN_STATUS: u16 = 100;
/// The highest status code RFC 9110 allows.
pub const MAX_STATUS: u16 = 599;

/// Everything we know about one status code, as `classify()` returns it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusInfo {
    /// The code.
    pub status: u16,
    /// The IANA reason phrase, the common phrase of an unofficial code, or the class name.
    pub reason: &'static str,
    /// The class, from the first digit.
    pub class: StatusClass,
    /// The outcome kind.
    pub kind: Kind,
    /// True when the code is in the IANA registry.
    pub registered: bool,
    /// True for 2xx.
    pub ok: bool,
    /// True when the default retry policy retries an idempotent request with this status.
    /// 413 is `false` here: it is retried only when the response carries timing headers.
    pub retryable: bool,
    /// Developer-facing text: the catalog's one line, or the registered long description.
    pub description: Cow<'static, str>,
    /// Where the code is defined.
    pub spec: &'static str,
}

/// Classifies `status`; `None` outside 100..=599.
///
/// Codes without a catalog row take their class's x00 semantics (RFC 9110 §15), with the class
/// name as reason and `registered: false`. `description` is the long description registered for
/// the code ([`crate::messages::add_descriptions`]), else the catalog's one-line description.
pub fn classify(status: u16) -> Option<StatusInfo> {
    let mut info = classify_builtin(status)?;
    if let Some(text) = crate::messages::description(status) {
        info.description = Cow::Owned(text);
    }
    Some(info)
}

/// Like [`classify`], with the catalog's one-line description whatever is registered: for
/// callers that only need the facts (kind, retryability), so they never copy a long text.
pub fn classify_builtin(status: u16) -> Option<StatusInfo> {
    let class = StatusClass::of(status)?;
    let row = catalog::row(status).unwrap_or_else(|| class.fallback());
    let registered = row.code == status && row.registered();
    Some(StatusInfo {
        status,
        reason: row.reason,
        class,
        kind: row.kind,
        registered,
        ok: class == StatusClass::Success,
        retryable: row.retry == Retry::Yes,
        description: Cow::Borrowed(row.description),
        spec: row.spec,
    })
}

/// Validates a status given as a JavaScript number: an integer from 100 to 599.
///
/// NaN, infinities and fractions are type errors (they are not integers); integers outside the
/// range are range errors. The message names the argument `name`.
pub fn status_from_number(name: &str, value: f64) -> Result<u16, ArgError> {
    if !value.is_finite() || value.fract() != 0.0 {
        return Err(ArgError::type_error(format!(
            "{name} must be an integer from {} to {}, got {}",
            // As u32: one integer formatter in the wasm instead of two.
            u32::from(MIN_STATUS),
            u32::from(MAX_STATUS),
            js_number(value)
        )));
    }
    if value < f64::from(MIN_STATUS) || value > f64::from(MAX_STATUS) {
        return Err(ArgError::range_error(format!(
            "{name} must be an integer from {} to {}, got {}",
            // As u32: one integer formatter in the wasm instead of two.
            u32::from(MIN_STATUS),
            u32::from(MAX_STATUS),
            js_number(value)
        )));
    }
    // In range and integral, so the cast is exact.
    Ok(value as u16)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ArgErrorKind;

    #[test]
    fn whole_range_0_to_1000() {
        for code in 0u16..=1000 {
            let info = classify(code);
            if (100..=599).contains(&code) {
                let info = info.expect("in range");
                assert_eq!(info.status, code);
                assert_eq!(info.class.base_code(), code / 100 * 100);
                assert_eq!(info.ok, (200..300).contains(&code));
                assert!(!info.reason.is_empty() && !info.description.is_empty());
                if let Some(row) = catalog::row(code) {
                    assert_eq!(info.reason, row.reason);
                    assert_eq!(info.kind, row.kind);
                    assert_eq!(info.registered, row.registered());
                } else {
                    assert!(!info.registered, "{code} has no row so is unregistered");
                    let base = classify(code / 100 * 100).unwrap();
                    assert_eq!(info.retryable, base.retryable, "{code} follows x00");
                }
            } else {
                assert!(info.is_none(), "{code} is out of range");
            }
        }
    }

    #[test]
    fn edges() {
        assert!(classify(99).is_none());
        assert_eq!(classify(100).unwrap().reason, "Continue");
        assert_eq!(
            classify(599).unwrap().reason,
            "Network Connect Timeout Error"
        );
        assert!(!classify(599).unwrap().registered);
        assert!(classify(600).is_none());
    }

    #[test]
    fn unassigned_codes_take_class_semantics() {
        let c = classify(432).unwrap();
        assert_eq!(
            (c.kind, c.reason, c.registered),
            (Kind::ClientError, "Client Error", false)
        );
        let s = classify(555).unwrap();
        assert_eq!((s.kind, s.retryable), (Kind::ServerError, true));
        assert_eq!(classify(299).unwrap().kind, Kind::Success);
        assert_eq!(classify(399).unwrap().kind, Kind::Redirect);
        assert_eq!(classify(150).unwrap().kind, Kind::Informational);
    }

    #[test]
    fn status_validation() {
        assert_eq!(status_from_number("status", 404.0), Ok(404));
        assert_eq!(status_from_number("status", 100.0), Ok(100));
        assert_eq!(status_from_number("status", 599.0), Ok(599));
        for bad in [404.5, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(
                status_from_number("status", bad).unwrap_err().kind,
                ArgErrorKind::Type
            );
        }
        for bad in [-1.0, 0.0, 99.0, 600.0, 65535.0, 1e300] {
            let err = status_from_number("status", bad).unwrap_err();
            assert_eq!(err.kind, ArgErrorKind::Range);
            assert!(err
                .message
                .starts_with("status must be an integer from 100 to 599"));
        }
        assert_eq!(
            status_from_number("status", -1.0).unwrap_err().message,
            "status must be an integer from 100 to 599, got -1"
        );
    }
}
