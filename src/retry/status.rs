//! Status-code sets and the RFC 9110 §15 rule for codes a client does not recognise.

use core::fmt;

/// The lowest status code a set can hold.
const MIN: u16 = 100;
/// The highest status code a set can hold.
const MAX: u16 = 599;
/// Bitmap words: codes 0..640.
const WORDS: usize = 10;

/// The x00 code of `status`'s class (RFC 9110 §15), e.g. 599 → 500; `None` outside 100..=599.
pub const fn class_base(status: u16) -> Option<u16> {
    if status >= MIN && status <= MAX {
        Some(status / 100 * 100)
    } else {
        None
    }
}

/// The code whose retry behaviour `status` takes: the code itself when it is in the IANA
/// registry, else its class's x00 code, since RFC 9110 §15 tells a client to treat an
/// unrecognised code like the x00 code of its class (an unrecognised 5xx is a 500).
///
/// Outside 100..=599 the code is returned unchanged.
pub const fn effective_status(status: u16, registered: bool) -> u16 {
    if registered {
        return status;
    }
    match class_base(status) {
        Some(base) => base,
        None => status,
    }
}

/// A set of status codes (100..=599) as a fixed bitmap: no allocation, O(1) membership.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct StatusSet {
    bits: [u64; WORDS],
}

impl StatusSet {
    /// The empty set.
    pub const fn new() -> Self {
        StatusSet { bits: [0; WORDS] }
    }

    /// The set of `codes`; codes outside 100..=599 are left out.
    pub fn from_codes(codes: &[u16]) -> Self {
        let mut set = StatusSet::new();
        for &code in codes {
            set.insert(code);
        }
        set
    }

    /// Adds `code`; returns false (and changes nothing) when it is outside 100..=599.
    pub fn insert(&mut self, code: u16) -> bool {
        if !(MIN..=MAX).contains(&code) {
            return false;
        }
        match self.bits.get_mut(usize::from(code / 64)) {
            Some(word) => {
                *word |= 1u64 << (code % 64);
                true
            }
            None => false,
        }
    }

    /// Removes `code` if present.
    pub fn remove(&mut self, code: u16) {
        if let Some(word) = self.bits.get_mut(usize::from(code / 64)) {
            *word &= !(1u64 << (code % 64));
        }
    }

    /// True when `code` itself is in the set.
    pub fn contains(&self, code: u16) -> bool {
        self.bits
            .get(usize::from(code / 64))
            .is_some_and(|word| (word >> (code % 64)) & 1 == 1)
    }

    /// Set membership with the RFC 9110 §15 rule: true when `code` is in the set, or when the
    /// code is not registered (`registered == false`) and its class's x00 code is in the set.
    /// A code the caller listed explicitly always matches, registered or not.
    pub fn matches(&self, code: u16, registered: bool) -> bool {
        self.contains(code) || (!registered && self.contains(effective_status(code, false)))
    }

    /// The number of codes in the set.
    pub fn len(&self) -> usize {
        self.bits.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// True when the set holds no code.
    pub fn is_empty(&self) -> bool {
        self.bits.iter().all(|&w| w == 0)
    }

    /// The codes in ascending order.
    pub fn iter(&self) -> impl Iterator<Item = u16> + '_ {
        (MIN..=MAX).filter(move |&c| self.contains(c))
    }
}

impl fmt::Debug for StatusSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}
