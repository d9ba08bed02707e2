//! The words of an article's body, hashed once: the copy signature's shingles
//! and the claim sketches' word pairs are both made of them.
//!
//! A claim is a sentence of the body, so its words were already hashed by the
//! body scan, and the hash of each of its word pairs is the start of the hash of
//! the body shingle that pair begins ([`extend`]). [`BodyWords::sketch`] reads
//! them instead of scanning the sentence again, where that gives the same words:
//! the sentence lies in one part of the body, it does not cut a word, and the
//! text is not markup (a tag or entity of an HTML page may reach past the
//! sentence's end, so the sentence alone would not be read as the body is).
//! Elsewhere it scans the sentence as [`Sketch::of`] does.

use crate::hash::{combine, extend, for_each_word_end, is_word_at};
use crate::minhash::{Sketch, SketchBuilder};

/// One scanned body part: its span in the text and its words.
#[derive(Clone, Copy, Debug)]
struct Part {
    start: usize,
    end: usize,
    /// Its words are `first..last` of [`BodyWords`].
    first: usize,
    last: usize,
}

/// The hashed words of an article's body parts (its kept paragraphs, or its
/// region), kept between articles for their allocations.
#[derive(Clone, Debug, Default)]
pub(crate) struct BodyWords {
    markup: bool,
    parts: Vec<Part>,
    /// Per word: its hash (see [`crate::hash::for_each_word`]).
    hashes: Vec<u64>,
    /// Per word: the offset in the text of the byte after it.
    ends: Vec<usize>,
    /// Per word: the hash of the word and the next word of its part, as
    /// [`combine`] gives it; the word alone for a part's last word.
    pairs: Vec<u64>,
}

impl BodyWords {
    /// Hashes the words of `parts`, spans of `text`; a span that is not a slice
    /// of `text` has no words.
    pub(crate) fn scan(
        &mut self,
        text: &str,
        parts: impl IntoIterator<Item = (usize, usize)>,
        markup: bool,
    ) {
        self.markup = markup;
        self.parts.clear();
        self.hashes.clear();
        self.ends.clear();
        self.pairs.clear();
        for (start, end) in parts {
            let Some(part) = text.get(start..end) else {
                continue;
            };
            let first = self.hashes.len();
            let (hashes, ends) = (&mut self.hashes, &mut self.ends);
            for_each_word_end(part, markup, |at, h| {
                hashes.push(h);
                ends.push(start + at);
            });
            let last = self.hashes.len();
            let words = &self.hashes[first..last];
            self.pairs
                .extend(words.windows(2).map(|w| combine(&[w[0], w[1]])));
            self.pairs.extend(words.last().map(|&w| combine(&[w])));
            self.parts.push(Part {
                start,
                end,
                first,
                last,
            });
        }
    }

    /// Appends to `out` the hash of every run of `k` consecutive words of each
    /// part (`k` clamped to 1..=8), and of all its words for a part of fewer
    /// (but at least one): what [`crate::hash::for_each_shingle`] gives for each
    /// part's text.
    pub(crate) fn shingles_into(&self, k: usize, out: &mut Vec<u64>) {
        let k = k.clamp(1, 8);
        for part in &self.parts {
            let words = &self.hashes[part.first..part.last];
            if words.is_empty() {
                continue;
            }
            if words.len() < k {
                out.push(combine(words));
                continue;
            }
            let pairs = &self.pairs[part.first..part.last];
            // A run of two words or more continues its first pair's hash (a run
            // of two is its pair). One copy of the loop per width: the words
            // past the pair are then added in straight-line code.
            match k {
                1 => out.extend(words.iter().map(|&w| combine(&[w]))),
                2 => out.extend(pairs[..words.len() - 1].iter().copied()),
                3 => runs::<3>(words, pairs, out),
                4 => runs::<4>(words, pairs, out),
                5 => runs::<5>(words, pairs, out),
                6 => runs::<6>(words, pairs, out),
                7 => runs::<7>(words, pairs, out),
                _ => runs::<8>(words, pairs, out),
            }
        }
    }

    /// The sketch of `text[start..end]`, a claim sentence of the scanned text:
    /// [`Sketch::of`] of it.
    pub(crate) fn sketch(&self, text: &str, start: usize, end: usize) -> Sketch {
        let Some((first, last)) = self.words_of(text, start, end) else {
            return Sketch::of(text.get(start..end).unwrap_or(""), self.markup);
        };
        let mut sketch = SketchBuilder::new();
        match last - first {
            0 => {}
            1 => sketch.add(combine(&self.hashes[first..last])),
            _ => {
                for &h in &self.pairs[first..last - 1] {
                    sketch.add(h);
                }
            }
        }
        sketch.finish()
    }

    /// The words `first..last` of the scan that a scan of `text[start..end]`
    /// alone would find, with the same hashes: `None` when it might not.
    fn words_of(&self, text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
        if self.markup || text.get(start..end).is_none() {
            return None;
        }
        let part = self
            .parts
            .iter()
            .find(|p| p.start <= start && end <= p.end)?;
        // A word running across either end would be cut short by the sentence.
        let bytes = text.as_bytes();
        let cuts = |at: usize| {
            at > part.start && at < part.end && is_word_at(bytes, at) && {
                let mut before = at - 1;
                while !text.is_char_boundary(before) {
                    before -= 1;
                }
                is_word_at(bytes, before)
            }
        };
        if cuts(start) || cuts(end) {
            return None;
        }
        let ends = &self.ends[part.first..part.last];
        let first = part.first + ends.partition_point(|&e| e <= start);
        let last = part.first + ends.partition_point(|&e| e <= end);
        Some((first, last))
    }
}

/// Appends the hash of every run of `K` (3 or more) consecutive `words`, each
/// continuing the hash of its first pair, `pairs[i]` for the run at `i` (see
/// [`extend`]).
fn runs<const K: usize>(words: &[u64], pairs: &[u64], out: &mut Vec<u64>) {
    out.extend(
        words
            .windows(K)
            .zip(pairs)
            .map(|(run, &pair)| extend(pair, &run[2..K])),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::for_each_shingle;

    /// Texts of every kind the scan meets: the example corpus, and mixed text
    /// with curly quotes, dashes, no-break spaces, markup and other scripts.
    fn texts() -> Vec<String> {
        let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/corpus");
        let mut texts: Vec<String> = std::fs::read_dir(corpus)
            .expect("examples/corpus")
            .map(|e| std::fs::read_to_string(e.expect("entry").path()).unwrap_or_default())
            .collect();
        texts.push(
            "<p class=\"x\">AIR strikes&nbsp;hit Ma’arrat al-Nu'man, “24 killed” — \
             3.5\u{a0}km «from» Idlib; 12:30 GMT … naïve Ελληνικά 中文\u{3000}Text a&b < c > \
             d &amp;&unterminated-entity-run; F-16s x86_64 ÉCOLE</p> done.\n\nOne. Two words."
                .to_string(),
        );
        texts.sort();
        texts
    }

    /// Paragraph-like parts of `text`: its lines, and pieces cut anywhere.
    fn parts_of(text: &str, seed: u64) -> Vec<(usize, usize)> {
        let mut parts = Vec::new();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            parts.push((at, at + line.trim_end().len()));
            at += line.len();
        }
        let mut x = seed;
        for _ in 0..4 {
            x = crate::hash::mix64(x);
            let a = x as usize % (text.len() + 1);
            let b = (x >> 32) as usize % (text.len() + 1);
            parts.push((a.min(b), a.max(b)));
        }
        parts
    }

    #[test]
    fn body_shingles_are_those_of_each_part() {
        for (n, text) in texts().iter().enumerate() {
            for markup in [false, true] {
                let parts = parts_of(text, n as u64);
                let mut words = BodyWords::default();
                words.scan(text, parts.iter().copied(), markup);
                for k in 0..=9 {
                    let mut got = Vec::new();
                    words.shingles_into(k, &mut got);
                    let mut want = Vec::new();
                    for &(a, b) in &parts {
                        if let Some(part) = text.get(a..b) {
                            for_each_shingle(part, markup, k, |h| want.push(h));
                        }
                    }
                    assert_eq!(got, want, "text {n} k={k} markup={markup}");
                }
            }
        }
    }

    #[test]
    fn sketches_from_the_body_are_those_of_the_sentence() {
        for (n, text) in texts().iter().enumerate() {
            for markup in [false, true] {
                let parts = parts_of(text, n as u64);
                let mut words = BodyWords::default();
                words.scan(text, parts.iter().copied(), markup);
                // Sentences, and spans starting and ending anywhere: inside
                // words, inside characters, across parts, past the text.
                let mut spans: Vec<(usize, usize)> = Vec::new();
                let mut at = 0;
                for s in text.split_inclusive(['.', '\n']) {
                    spans.push((at, at + s.len()));
                    spans.push((at + s.len() - s.trim_start().len(), at + s.trim_end().len()));
                    at += s.len();
                }
                let mut x = 0x2545_f491_4f6c_dd1d ^ n as u64;
                for _ in 0..400 {
                    x = crate::hash::mix64(x);
                    let a = x as usize % (text.len() + 2);
                    let len = (x >> 40) as usize % 300;
                    spans.push((a, a + len));
                }
                let read = spans
                    .iter()
                    .filter(|&&(a, b)| words.words_of(text, a, b).is_some())
                    .count();
                // Most spans are read from the body, unless it is markup.
                assert_eq!(read == 0, markup, "text {n}: {read} of {}", spans.len());
                for (a, b) in spans {
                    let sentence = text.get(a..b).unwrap_or("");
                    assert_eq!(
                        words.sketch(text, a, b),
                        Sketch::of(sentence, markup),
                        "text {n} {a}..{b} {sentence:?} markup={markup}"
                    );
                }
            }
        }
    }
}
