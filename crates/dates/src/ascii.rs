//! Eight bytes at a time: byte-class tests on a `u64` read from the text ("SWAR"),
//! for the scans that run over every sentence (the pre-filter) or every word (the
//! tokenizer). Each test is exact for every byte value; a lane's result is its top
//! bit (`0x80`), the other bits are clear.

/// The top bit of every byte.
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;
/// The low seven bits of every byte.
const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;

/// `b` in every byte.
const fn splat(b: u8) -> u64 {
    b as u64 * 0x0101_0101_0101_0101
}

/// The eight bytes of `bytes` from `at` as a little-endian integer (the byte at `at`
/// lowest), or `None` if fewer than eight remain.
#[inline(always)]
pub(crate) fn load8(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk: [u8; 8] = bytes.get(at..at.checked_add(8)?)?.try_into().ok()?;
    Some(u64::from_le_bytes(chunk))
}

/// The top bit set in each byte of `w` that lies in `lo..=hi` (`1 <= lo <= hi < 0x80`).
/// The sums cannot carry into the next byte: the high bits are cleared first.
#[inline(always)]
const fn in_range(w: u64, lo: u8, hi: u8) -> u64 {
    let low = w & LOW7;
    let at_least_lo = low + splat(0x80 - lo);
    let above_hi = low + splat(0x7F - hi);
    at_least_lo & !above_hi & !w & HIGH
}

/// The top bit set in each byte of `w` that is an ASCII digit.
#[inline(always)]
pub(crate) const fn digits(w: u64) -> u64 {
    in_range(w, b'0', b'9')
}

/// The top bit set in each byte of `w` that is an ASCII upper-case letter.
#[inline(always)]
pub(crate) const fn upper(w: u64) -> u64 {
    in_range(w, b'A', b'Z')
}

/// The top bit set in each byte of `w` that is an ASCII letter. Setting `0x20` maps
/// exactly `A..=Z` onto `a..=z` and moves no other byte into that range.
#[inline(always)]
pub(crate) const fn letters(w: u64) -> u64 {
    in_range(w | splat(0x20), b'a', b'z')
}

/// `w` with its ASCII upper-case letters lower-cased (every other byte kept).
#[inline(always)]
pub(crate) const fn to_lower(w: u64) -> u64 {
    w | (upper(w) >> 2)
}

/// Whether `bytes` holds an ASCII digit.
pub(crate) fn has_digit(bytes: &[u8]) -> bool {
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        if digits(w) != 0 {
            return true;
        }
    }
    chunks.remainder().iter().any(u8::is_ascii_digit)
}

/// The first index at or after `i` whose byte is not an ASCII letter (`bytes.len()`
/// if there is none).
#[inline]
pub(crate) fn letters_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(w) = load8(bytes, i) {
        let others = !letters(w) & HIGH;
        if others != 0 {
            return i + (others.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lane_tests_agree_with_the_standard_library() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                // The byte under test in one lane, its neighbours set to stress carries.
                for fill in [0x00u8, 0xFF, 0x7F, 0x80, b'Z', b'a'] {
                    let mut bytes = [fill; 8];
                    bytes[lane] = b;
                    let w = u64::from_le_bytes(bytes);
                    let bit = 0x80u64 << (8 * lane);
                    assert_eq!(digits(w) & bit != 0, b.is_ascii_digit(), "{b:#x}");
                    assert_eq!(upper(w) & bit != 0, b.is_ascii_uppercase(), "{b:#x}");
                    assert_eq!(letters(w) & bit != 0, b.is_ascii_alphabetic(), "{b:#x}");
                    let lowered = to_lower(w).to_le_bytes();
                    assert_eq!(lowered[lane], b.to_ascii_lowercase(), "{b:#x}");
                    assert_eq!((digits(w) | upper(w) | letters(w)) & !HIGH, 0, "{b:#x}");
                }
            }
        }
    }

    #[test]
    fn the_scans_agree_with_byte_loops() {
        let texts = [
            "",
            "a",
            "abcdefgh",
            "abcdefghi jk",
            "no digits in this sentence at all, none",
            "one digit at the very end 7",
            "caf\u{E9} au lait 2024",
            "ALLCAPSWORDLONGERTHANEIGHT!",
        ];
        for t in texts {
            let b = t.as_bytes();
            assert_eq!(has_digit(b), b.iter().any(u8::is_ascii_digit), "{t}");
            for i in 0..=b.len() {
                let mut j = i;
                while j < b.len() && b[j].is_ascii_alphabetic() {
                    j += 1;
                }
                assert_eq!(letters_end(b, i), j, "{t} {i}");
            }
        }
    }
}
