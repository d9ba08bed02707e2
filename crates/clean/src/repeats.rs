//! Repeated paragraphs: the same text again once whitespace is normalised (scrapes
//! that caught a pull quote, a caption or a whole block twice).

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Paragraphs shorter than this are not compared: "Yes." twice in an interview
/// transcript is not a scraping fault.
pub(crate) const MIN_REPEAT_LEN: usize = 40;

/// A cheap key under which whitespace-normalised equal texts always meet: the count of
/// non-whitespace bytes and a hash of the first and last few words. Different texts
/// rarely share it; those that do are compared in full.
pub(crate) fn normalized_key(s: &str) -> (usize, u64) {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let b = s.as_bytes();
    // Bytes up to the space: whitespace and control codes, counted branch-free so the
    // loop vectorises (this runs over every kept paragraph).
    let ws: usize = b
        .chunks(255)
        .map(|c| {
            c.iter()
                .map(|&x| u8::from(x <= b' '))
                .fold(0u8, u8::wrapping_add) as usize
        })
        .sum();
    let mut h: u64 = 0;
    let mix = |h: u64, w: &str| {
        w.bytes().fold(h.rotate_left(7) ^ 0xff, |h, c| {
            (h.rotate_left(5) ^ u64::from(c)).wrapping_mul(K)
        })
    };
    for w in s.split_ascii_whitespace().take(4) {
        h = mix(h, w);
    }
    for w in s.split_ascii_whitespace().rev().take(4) {
        h = mix(h, w);
    }
    (b.len() - ws, h)
}

/// Whether `a` and `b` are equal once whitespace runs are read as one space.
pub(crate) fn normalized_eq(a: &str, b: &str) -> bool {
    let mut x = a.split_ascii_whitespace();
    let mut y = b.split_ascii_whitespace();
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (Some(p), Some(q)) if p == q => {}
            _ => return false,
        }
    }
}

/// Remembers the paragraphs seen so far in one article.
///
/// The first paragraph under each key sits in a map (the key is already a hash:
/// [`KeyHasher`] only mixes it); paragraphs whose key an earlier, different paragraph
/// took wait in `more`, which is nearly always empty. No allocation per paragraph.
#[derive(Default)]
pub(crate) struct Seen<'t> {
    first: HashMap<(usize, u64), &'t str, BuildHasherDefault<KeyHasher>>,
    more: Vec<((usize, u64), &'t str)>,
}

impl<'t> Seen<'t> {
    /// Returns true when `para` repeats an earlier paragraph, and records it otherwise.
    pub fn repeat(&mut self, para: &'t str) -> bool {
        if para.len() < MIN_REPEAT_LEN {
            return false;
        }
        let key = normalized_key(para);
        match self.first.entry(key) {
            Entry::Vacant(slot) => {
                slot.insert(para);
                false
            }
            Entry::Occupied(slot) => {
                if normalized_eq(slot.get(), para)
                    || self
                        .more
                        .iter()
                        .any(|&(k, p)| k == key && normalized_eq(p, para))
                {
                    return true;
                }
                self.more.push((key, para));
                false
            }
        }
    }
}

/// The hasher of [`Seen`]'s keys, which are a length and a hash already.
#[derive(Default)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(26) ^ x).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }

    fn write_usize(&mut self, x: usize) {
        self.write_u64(x as u64);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_does_not_hide_a_repeat() {
        let mut seen = Seen::default();
        assert!(!seen.repeat("The convoy reached the town of Douma on   Sunday morning."));
        assert!(seen.repeat("The convoy reached the town of Douma on Sunday\n morning. "));
        assert!(!seen.repeat("The convoy reached the town of Douma on Monday morning."));
    }

    #[test]
    fn texts_sharing_a_key_are_still_told_apart() {
        // Same length without whitespace, same first and last four words.
        let a = "One two three four alpha five six seven eight";
        let b = "One two three four bravo five six seven eight";
        let c = "One two three four charl five six seven eight";
        assert_eq!(normalized_key(a), normalized_key(b));
        let mut seen = Seen::default();
        assert!(!seen.repeat(a));
        assert!(!seen.repeat(b));
        assert!(!seen.repeat(c));
        assert!(seen.repeat(b));
        assert!(seen.repeat(c));
        assert!(seen.repeat(a));
    }
}
