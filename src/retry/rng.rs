//! A tiny seedable pseudo-random source (SplitMix64) for jitter: no extra crates, no
//! allocation, the same sequence on every platform for a given seed.

/// SplitMix64 (Steele, Lea and Flood, 2014): 64 bits of state, passes BigCrush, and every
/// seed (including 0) gives a full-period sequence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Rng {
    state: u64,
}

impl Rng {
    /// A generator whose sequence is fixed by `seed`.
    pub(crate) const fn new(seed: u64) -> Self {
        Rng { state: seed }
    }

    /// Folds `entropy` into the state (used to decorrelate unseeded policies).
    pub(crate) fn mix(&mut self, entropy: u64) {
        self.state ^= entropy.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        self.next_u64();
    }

    /// The next 64 random bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform number in `[0, 1)` with 53 random bits.
    pub(crate) fn next_f64(&mut self) -> f64 {
        const SCALE: f64 = 1.0 / (1u64 << 53) as f64;
        (self.next_u64() >> 11) as f64 * SCALE
    }
}
