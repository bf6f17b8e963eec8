//! Situations: facts about the app or the response that change what a user can do next, so a
//! catalog entry can carry texts for them (`variants`).
//!
//! | situation           | holds when                                                     | `userMessage` option   |
//! |---------------------|----------------------------------------------------------------|------------------------|
//! | `highlightedFields` | the form shows which fields need fixing                        | `highlightedFields` (default: the error's `details.fieldErrors` is not empty) |
//! | `noSignIn`          | the app has no sign-in, so "sign in" is a dead end             | `signIn: false`        |
//! | `supportLink`       | the app shows a way to contact support beside the message      | `supportLink: true`    |
//!
//! A variant key names one situation or several joined with `+` (`noSignIn+supportLink`); it
//! applies when all of them hold. Among the variants that apply and set a field, the one naming
//! the most situations wins (ties: the larger bit set).

use crate::error::ArgError;

/// A set of situations, one bit each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Situations(pub u8);

impl Situations {
    /// None of them.
    pub const NONE: Situations = Situations(0);
    /// The form highlights the fields that need fixing.
    pub const HIGHLIGHTED_FIELDS: Situations = Situations(1);
    /// The app has no sign-in.
    pub const NO_SIGN_IN: Situations = Situations(2);
    /// The app shows a way to contact support.
    pub const SUPPORT_LINK: Situations = Situations(4);

    /// The names as catalogs spell them, with their bits.
    pub const NAMES: [(&'static str, Situations); 3] = [
        ("highlightedFields", Situations::HIGHLIGHTED_FIELDS),
        ("noSignIn", Situations::NO_SIGN_IN),
        ("supportLink", Situations::SUPPORT_LINK),
    ];

    /// The union of `self` and `other`.
    pub const fn with(self, other: Situations) -> Situations {
        Situations(self.0 | other.0)
    }

    /// `self` when `on`, else no situation.
    pub const fn when(self, on: bool) -> Situations {
        if on {
            self
        } else {
            Situations::NONE
        }
    }

    /// True when every situation of `self` is in `other`.
    pub const fn within(self, other: Situations) -> bool {
        self.0 & other.0 == self.0
    }

    /// How many situations the set names.
    pub const fn count(self) -> u32 {
        self.0.count_ones()
    }

    /// Parses a variant key (`noSignIn`, `noSignIn+supportLink`); `path` names it in the error.
    pub fn parse(key: &str, path: &str) -> Result<Situations, ArgError> {
        let mut set = Situations::NONE;
        for name in key.split('+') {
            match Situations::NAMES.iter().find(|(n, _)| *n == name) {
                Some((_, bit)) => set = set.with(*bit),
                None => {
                    return Err(ArgError::type_error(format!(
                        "{path} is not a known situation (highlightedFields, noSignIn, \
                         supportLink, or several joined with +)"
                    )))
                }
            }
        }
        Ok(set)
    }

    /// The key a catalog uses for this set (`noSignIn+supportLink`).
    pub fn key(self) -> String {
        let names: Vec<&str> = Situations::NAMES
            .iter()
            .filter(|(_, bit)| bit.within(self))
            .map(|(n, _)| *n)
            .collect();
        names.join("+")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        let both = Situations::parse("noSignIn+supportLink", "k").unwrap_or_default();
        assert_eq!(both, Situations(6));
        assert_eq!(both.key(), "noSignIn+supportLink");
        assert_eq!(both.count(), 2);
        assert!(Situations::NO_SIGN_IN.within(both));
        assert!(!both.within(Situations::NO_SIGN_IN));
        for bad in ["", "fields", "noSignIn+", "+noSignIn", "nosignin"] {
            let err = Situations::parse(bad, "kinds.forbidden.variants.x");
            assert!(
                err.as_ref()
                    .is_err_and(|e| e.message.starts_with("kinds.forbidden.variants.x is not")),
                "{bad}: {err:?}"
            );
        }
    }
}
