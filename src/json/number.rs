//! Decimal to binary: the `f64` nearest to a JSON number literal (ties to even), as
//! `JSON.parse` gives it.
//!
//! Small integers and short decimals take the exact fast path (a mantissa of at most 2^53
//! times or divided by an exact power of ten rounds once). Anything else is computed with a
//! small big-integer: `m × 10^e` exactly for `e >= 0`, else 66 bits of the quotient
//! `m / 10^-e` and whether a remainder is left, then rounded once. This needs no table of
//! powers (core's `str::parse::<f64>` would add ~19 KB raw, ~14 KB brotli to the wasm) and
//! stays fast enough for the bounded inputs it sees.

/// Significant digits kept; later ones only count as "something non-zero follows". Any
/// halfway point between two `f64`s has at most 767 significant digits, so a number that
/// agrees with one on 780 digits and continues is on one side of it, as the kept digits and a
/// trailing `1` are.
const MAX_DIGITS: usize = 780;

/// The powers of ten that `f64` holds exactly.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The value of `digits` (ASCII digits with at most one `.`, as a JSON number has them, no
/// sign) times `10^exp`, rounded to the nearest `f64`; infinite beyond the `f64` range.
pub(super) fn decimal_to_f64(digits: &[u8], exp: i64) -> f64 {
    let mut mantissa: u64 = 0;
    let mut significant: usize = 0;
    let mut fraction: i64 = 0;
    let mut in_fraction = false;
    for &b in digits {
        if b == b'.' {
            in_fraction = true;
            continue;
        }
        fraction += i64::from(in_fraction);
        let d = b.wrapping_sub(b'0');
        if significant == 0 && d == 0 {
            continue;
        }
        significant += 1;
        if significant <= 19 {
            mantissa = mantissa * 10 + u64::from(d);
        }
    }
    if significant == 0 {
        return 0.0;
    }
    let exp = exp.saturating_sub(fraction);
    if significant <= 19 && mantissa <= 1 << 53 && (-22..=22).contains(&exp) {
        let m = mantissa as f64;
        let p = POW10
            .get(exp.unsigned_abs() as usize)
            .copied()
            .unwrap_or(1.0);
        return if exp >= 0 { m * p } else { m / p };
    }
    slow(digits, exp, significant)
}

/// The exact conversion: `digits` has `significant` significant digits and is scaled by
/// `10^exp` (fraction digits already accounted for).
fn slow(digits: &[u8], exp: i64, significant: usize) -> f64 {
    let mut m = Big::default();
    let mut taken = 0usize;
    let mut sticky = false;
    let (mut chunk, mut chunk_len) = (0u32, 0u32);
    for &b in digits {
        let d = b.wrapping_sub(b'0');
        if b == b'.' || (taken == 0 && d == 0) {
            continue;
        }
        if taken == MAX_DIGITS {
            sticky |= d != 0;
            continue;
        }
        taken += 1;
        chunk = chunk * 10 + u32::from(d);
        chunk_len += 1;
        if chunk_len == 9 {
            m.mul_add(1_000_000_000, chunk);
            (chunk, chunk_len) = (0, 0);
        }
    }
    m.mul_add(10u32.pow(chunk_len), chunk);
    let mut exp = exp.saturating_add((significant - taken) as i64);
    let mut count = taken as i64;
    if sticky {
        m.mul_add(10, 1);
        exp -= 1;
        count += 1;
    }
    // m × 10^exp lies in [10^(count - 1 + exp), 10^(count + exp)).
    if count + exp > 310 {
        return f64::INFINITY;
    }
    if count + exp < -324 {
        return 0.0;
    }
    if exp >= 0 {
        m.mul_pow10(exp as u32);
        let bits = m.bits() as i64;
        let (top, sticky) = m.top64();
        return round(top, sticky, bits - 64);
    }
    let mut d = Big::from(1);
    d.mul_pow10(exp.unsigned_abs() as u32);
    // Scale so that the quotient has 65 or 66 bits: value = m / d = q × 2^-shift.
    let shift = d.bits() as i64 - m.bits() as i64 + 65;
    if shift > 0 {
        m.shl(shift as usize);
    } else {
        d.shl(shift.unsigned_abs() as usize);
    }
    // Long division wants the divisor's top bit set; scaling both leaves the quotient alone.
    let norm = d.limbs.last().map_or(0, |top| top.leading_zeros() as usize);
    m.shl(norm);
    d.shl(norm);
    let (q, remainder) = m.div_rem(&d);
    // q is in [2^64, 2^66): keep its top 64 bits, the others go to the sticky bit.
    let drop = 64 - q.leading_zeros();
    let lost = q & ((1u128 << drop) - 1) != 0;
    round(
        (q >> drop) as u64,
        lost || remainder,
        i64::from(drop) - shift,
    )
}

/// Rounds `top × 2^exp2` (`top` with its bit 63 set, `sticky` when something non-zero was
/// cut below it) to the nearest `f64`, ties to even, subnormals and overflow included.
fn round(top: u64, sticky: bool, exp2: i64) -> f64 {
    let e = exp2 + 63; // the value is in [2^e, 2^(e + 1))
    if e > 1023 {
        return f64::INFINITY;
    }
    let drop = if e >= -1022 { 11 } else { 11 + (-1022 - e) };
    if drop > 64 {
        return 0.0;
    }
    let drop = drop as u32;
    let kept = top.checked_shr(drop).unwrap_or(0);
    let rest = top & u64::MAX.checked_shr(64 - drop).unwrap_or(0);
    let half = 1u64 << (drop - 1);
    let up = rest > half || (rest == half && (sticky || kept & 1 == 1));
    let mantissa = kept + u64::from(up);
    // With the implicit bit in `mantissa`, a carry out of it moves the exponent on by itself.
    let bits = if e >= -1022 {
        (((e + 1022) as u64) << 52) + mantissa
    } else {
        mantissa
    };
    f64::from_bits(bits)
}

/// An unsigned integer of any size: little-endian base-2^32 limbs, no zero limbs on top.
#[derive(Default)]
struct Big {
    limbs: Vec<u32>,
}

impl From<u32> for Big {
    fn from(n: u32) -> Self {
        let mut big = Big::default();
        big.mul_add(1, n);
        big
    }
}

impl Big {
    /// `self = self × factor + add`.
    fn mul_add(&mut self, factor: u32, add: u32) {
        let mut carry = u64::from(add);
        for limb in &mut self.limbs {
            let v = u64::from(*limb) * u64::from(factor) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry != 0 {
            self.limbs.push(carry as u32);
        }
    }

    /// `self = self × 10^n`.
    fn mul_pow10(&mut self, mut n: u32) {
        while n >= 9 {
            self.mul_add(1_000_000_000, 0);
            n -= 9;
        }
        self.mul_add(10u32.pow(n), 0);
    }

    /// `self = self × 2^n`.
    fn shl(&mut self, n: usize) {
        let (words, bits) = (n / 32, (n % 32) as u32);
        if bits > 0 {
            let mut carry = 0u32;
            for limb in &mut self.limbs {
                let v = (*limb << bits) | carry;
                carry = *limb >> (32 - bits);
                *limb = v;
            }
            if carry != 0 {
                self.limbs.push(carry);
            }
        }
        if words > 0 && !self.limbs.is_empty() {
            // A new vector rather than `splice`, whose drop glue is a sizeable generic.
            let mut shifted = vec![0; words + self.limbs.len()];
            if let Some(high) = shifted.get_mut(words..) {
                high.copy_from_slice(&self.limbs);
            }
            self.limbs = shifted;
        }
    }

    /// The quotient `self / d` (which must fit in 128 bits) and whether a remainder is left:
    /// schoolbook long division in base 2^32 (Knuth's algorithm D). `d` must be non-zero with
    /// the top bit of its top limb set.
    fn div_rem(mut self, d: &Big) -> (u128, bool) {
        let n = d.limbs.len();
        let (Some(&top), Some(&second)) =
            (d.limbs.last(), d.limbs.iter().rev().nth(1).or(Some(&0)))
        else {
            return (0, true);
        };
        let (top, second) = (u64::from(top), u64::from(second));
        let r = &mut self.limbs;
        r.push(0);
        let mut q: u128 = 0;
        for j in (0..r.len().saturating_sub(n)).rev() {
            let Some(w) = r.get_mut(j..=j + n) else {
                break;
            };
            // Estimate the quotient digit from the top two limbs, then correct it (at most
            // twice here, and once more after the subtraction).
            let high = w.last().copied().map_or(0, u64::from);
            let next = w.iter().rev().nth(1).copied().map_or(0, u64::from);
            let third = w.iter().rev().nth(2).copied().map_or(0, u64::from);
            let num = high << 32 | next;
            let (mut qhat, mut rhat) = (num / top, num % top);
            while qhat > u64::from(u32::MAX) || (n >= 2 && qhat * second > (rhat << 32 | third)) {
                qhat -= 1;
                rhat += top;
                if rhat > u64::from(u32::MAX) {
                    break;
                }
            }
            // w -= qhat × d.
            let (mut carry, mut borrow) = (0u64, 0i64);
            for (limb, &dl) in w.iter_mut().zip(&d.limbs) {
                let p = qhat * u64::from(dl) + carry;
                carry = p >> 32;
                let t = i64::from(*limb) - borrow - (p & 0xffff_ffff) as i64;
                *limb = t as u32;
                borrow = i64::from(t < 0);
            }
            if let Some(last) = w.last_mut() {
                let t = i64::from(*last) - borrow - carry as i64;
                *last = t as u32;
                if t < 0 {
                    // One too many: add d back.
                    qhat -= 1;
                    let mut carry = 0u64;
                    for (limb, &dl) in w.iter_mut().zip(&d.limbs) {
                        let s = u64::from(*limb) + u64::from(dl) + carry;
                        *limb = s as u32;
                        carry = s >> 32;
                    }
                    if let Some(last) = w.last_mut() {
                        *last = last.wrapping_add(carry as u32);
                    }
                }
            }
            q = q << 32 | u128::from(qhat);
        }
        (q, r.iter().any(|l| *l != 0))
    }

    /// The number of significant bits.
    fn bits(&self) -> usize {
        match self.limbs.last() {
            Some(top) => self.limbs.len() * 32 - top.leading_zeros() as usize,
            None => 0,
        }
    }

    /// The top 64 bits (bit 63 set unless zero), and whether any bit below them is set.
    fn top64(&self) -> (u64, bool) {
        let bits = self.bits();
        if bits == 0 {
            return (0, false);
        }
        if bits <= 64 {
            let mut v = 0u64;
            for (i, limb) in self.limbs.iter().enumerate() {
                v |= u64::from(*limb) << (32 * i);
            }
            return (v << (64 - bits), false);
        }
        let shift = bits - 64;
        let (word, offset) = (shift / 32, shift % 32);
        let limb = |i: usize| u128::from(self.limbs.get(i).copied().unwrap_or(0));
        let window = limb(word) | limb(word + 1) << 32 | limb(word + 2) << 64;
        let top = (window >> offset) as u64;
        let below = self.limbs.iter().take(word).any(|l| *l != 0)
            || limb(word) & ((1u128 << offset) - 1) != 0;
        (top, below)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::Big;

    fn big(v: u128) -> Big {
        let mut b = Big::default();
        for shift in [96, 64, 32, 0] {
            b.mul_add(1 << 16, 0);
            b.mul_add(1 << 16, (v >> shift) as u32);
        }
        b
    }

    /// `div_rem` against u128 division, on quotients at multiples of the divisor and one
    /// below, where the digit estimate overshoots and the add-back step runs.
    #[test]
    fn long_division_matches_u128() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for i in 0..200_000 {
            // A normalized divisor of 1 to 3 limbs and a quotient that keeps u within 128 bits.
            let limbs = 1 + i % 3;
            let bits = 32 * limbs as u32;
            let mut d = u128::from(next()) << 64 | u128::from(next());
            d >>= 128 - bits;
            d |= 1 << (bits - 1);
            if i % 4 == 0 {
                d |= (1 << (bits - 1)) - 1; // all ones below the top bit
            }
            let q_max = u128::MAX / d;
            let q = (u128::from(next()) << 64 | u128::from(next())) % q_max.max(1) + 1;
            let u = q * d;
            for (u, want_q, want_rest) in [(u, q, false), (u - 1, q - 1, true)] {
                let got = big(u).div_rem(&big(d));
                assert_eq!(got, (want_q, want_rest), "{u:#x} / {d:#x}");
            }
            let u = u128::from(next()) << 64 | u128::from(next());
            assert_eq!(
                big(u).div_rem(&big(d)),
                (u / d, u % d != 0),
                "{u:#x} / {d:#x}"
            );
        }
    }
}
