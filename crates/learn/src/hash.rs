//! A fixed, platform-independent hash: FNV-1a over bytes or 32-bit symbols,
//! finished with the SplitMix64 mixer.
//!
//! Shipped models store weights at hashed indices, so these functions are part of
//! the model file format: changing any constant here silently breaks every model
//! trained before. They are pinned by the tests at the bottom of this file.

/// FNV-1a 64-bit offset basis.
pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
/// FNV-1a 64-bit prime.
pub const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// One FNV-1a step over a symbol (a byte, or a `char` as `u32`).
#[inline]
pub fn fnv1a_step(hash: u64, symbol: u32) -> u64 {
    (hash ^ u64::from(symbol)).wrapping_mul(FNV_PRIME)
}

/// FNV-1a 64 of a byte string.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(FNV_OFFSET, |h, &b| fnv1a_step(h, u32::from(b)))
}

/// The SplitMix64 finaliser: spreads FNV's weak low bits over the whole word so
/// that the top `bits` of the result make a good bucket index.
#[inline]
pub fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// [`mix64`] without its last step, for a caller that keeps only the top bits: that
/// step, `z ^ (z >> 31)`, leaves the top 31 bits as they are, so
/// `mix64_top(z) >> s == mix64(z) >> s` for every shift `s` from 33 to 63 (a bucket
/// index of at most 31 bits) at two instructions less.
#[inline]
pub fn mix64_top(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb)
}

/// Combines two hashes in an order-sensitive way (used for word bigrams).
#[inline]
pub fn combine(a: u64, b: u64) -> u64 {
    mix64(a.rotate_left(17) ^ b.wrapping_mul(FNV_PRIME))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_the_published_test_vectors() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn the_mixer_and_combiner_are_pinned() {
        // These values are part of the model format; see the module comment.
        assert_eq!(mix64(0), 0);
        assert_eq!(mix64(1), 0x5692_161d_100b_05e5);
        assert_ne!(combine(1, 2), combine(2, 1));
    }

    #[test]
    fn the_top_of_the_mixer_needs_no_last_step() {
        let mut z = 0x0123_4567_89ab_cdefu64;
        for _ in 0..10_000 {
            z = mix64(z.wrapping_add(0x9e37_79b9_7f4a_7c15));
            for s in 33..64 {
                assert_eq!(mix64_top(z) >> s, mix64(z) >> s);
            }
        }
        for z in [0, 1, u64::MAX, 1 << 63, (1 << 31) - 1] {
            assert_eq!(mix64_top(z) >> 33, mix64(z) >> 33);
        }
    }
}
