//! Argument errors: what the bindings turn into a thrown `TypeError` or `RangeError`.

use core::fmt;

/// Which JavaScript error class an [`ArgError`] becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgErrorKind {
    /// The value has the wrong type (thrown as `TypeError`).
    Type,
    /// The value has the right type but is out of range (thrown as `RangeError`).
    Range,
}

/// A rejected argument, with a message that names the argument and what is allowed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArgError {
    /// Type or range.
    pub kind: ArgErrorKind,
    /// The human-readable message, e.g. `status must be an integer from 100 to 599, got 600`.
    pub message: String,
}

impl ArgError {
    /// A type error with `message`.
    pub fn type_error(message: impl Into<String>) -> Self {
        ArgError {
            kind: ArgErrorKind::Type,
            message: message.into(),
        }
    }

    /// A range error with `message`.
    pub fn range_error(message: impl Into<String>) -> Self {
        ArgError {
            kind: ArgErrorKind::Range,
            message: message.into(),
        }
    }
}

impl fmt::Display for ArgError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ArgError {}

/// Formats a number the way JavaScript would print it in a message (`404`, `404.5`, `NaN`).
pub fn js_number(value: f64) -> String {
    if value.is_nan() {
        "NaN".to_string()
    } else if value.is_infinite() {
        if value > 0.0 { "Infinity" } else { "-Infinity" }.to_string()
    } else if value.fract() == 0.0 && value.abs() < 1e21 {
        format!("{value:.0}")
    } else {
        format!("{value}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_like_javascript() {
        assert_eq!(js_number(404.0), "404");
        assert_eq!(js_number(-1.0), "-1");
        assert_eq!(js_number(404.5), "404.5");
        assert_eq!(js_number(f64::NAN), "NaN");
        assert_eq!(js_number(f64::NEG_INFINITY), "-Infinity");
        assert_eq!(js_number(-0.0), "-0");
    }
}
