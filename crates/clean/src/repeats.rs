//! Repeated paragraphs: the same text again once whitespace is normalised (scrapes
//! that caught a pull quote, a caption or a whole block twice).

use std::collections::HashMap;

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
#[derive(Default)]
pub(crate) struct Seen<'t> {
    by_key: HashMap<(usize, u64), Vec<&'t str>>,
}

impl<'t> Seen<'t> {
    /// Returns true when `para` repeats an earlier paragraph, and records it otherwise.
    pub fn repeat(&mut self, para: &'t str) -> bool {
        if para.len() < MIN_REPEAT_LEN {
            return false;
        }
        let bucket = self.by_key.entry(normalized_key(para)).or_default();
        if bucket.iter().any(|p| normalized_eq(p, para)) {
            return true;
        }
        bucket.push(para);
        false
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
}
