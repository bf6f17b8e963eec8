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

/// Formats a number for an error message the way JavaScript prints it (`404`, `404.5`, `NaN`,
/// `1e+300`), without core's float formatting machinery (which would add ~15 KB to the wasm):
/// integers are exact below 1e21, fractions keep up to 6 decimals, and very large or very small
/// magnitudes use JavaScript's exponent form with up to 6 significant decimals.
pub fn js_number(value: f64) -> String {
    if value.is_nan() {
        return "NaN".to_string();
    }
    if value.is_infinite() {
        return if value > 0.0 { "Infinity" } else { "-Infinity" }.to_string();
    }
    if value == 0.0 {
        return "0".to_string(); // JavaScript prints -0 as 0 too
    }
    let sign = if value < 0.0 { "-" } else { "" };
    let a = value.abs();
    // u64 arithmetic only (u128 would add ~2.5 KB of formatting and division to the wasm):
    // integers are exact below 2^64; above that the exponent form is used (JavaScript would
    // still print digits up to 1e21, a range no argument of ours needs).
    let body = if a.fract() == 0.0 && a < 1.8e19 {
        (a as u64).to_string()
    } else if (1e-6..1.8e19).contains(&a) {
        fixed(a, 6)
    } else {
        let mut exp = 0i32;
        let mut m = a;
        while m >= 10.0 {
            m /= 10.0;
            exp += 1;
        }
        while m < 1.0 {
            m *= 10.0;
            exp -= 1;
        }
        let exp_sign = if exp < 0 { "-" } else { "+" };
        format!("{}e{exp_sign}{}", fixed(m, 6), exp.unsigned_abs())
    };
    format!("{sign}{body}")
}

/// `x` (finite, >= 0, < 1.8e19) with at most `places` decimals (none from 1e12 up, where
/// they would overflow u64), trailing zeros trimmed.
fn fixed(x: f64, places: u32) -> String {
    let places = if x < 1e12 { places } else { 0 };
    let scale = 10u64.pow(places);
    let scaled = (x * scale as f64).round() as u64;
    let (int, frac) = (scaled / scale, scaled % scale);
    if frac == 0 {
        return int.to_string();
    }
    let digits = frac.to_string();
    let mut out = int.to_string();
    out.push('.');
    for _ in digits.len()..places as usize {
        out.push('0');
    }
    // Trailing zeros cut by a byte scan (the digits are ASCII): `trim_end_matches` brings a
    // reverse UTF-8 decoder into the wasm.
    let kept = digits.bytes().rposition(|b| b != b'0').map_or(0, |i| i + 1);
    out.push_str(digits.get(..kept).unwrap_or_default());
    out
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
        assert_eq!(js_number(-0.0), "0");
        assert_eq!(js_number(0.1), "0.1");
        assert_eq!(js_number(-404.25), "-404.25");
        assert_eq!(js_number(1e300), "1e+300");
        assert_eq!(js_number(1.5e-7), "1.5e-7");
        assert_eq!(js_number(9007199254740992.0), "9007199254740992");
        assert_eq!(js_number(0.000123), "0.000123");
        assert_eq!(js_number(2.0f64.powi(70)), "1.180592e+21");
        assert_eq!(js_number(2.0f64.powi(64)), "1.844674e+19");
        assert_eq!(js_number(123456789012345.5), "123456789012346");
    }
}
