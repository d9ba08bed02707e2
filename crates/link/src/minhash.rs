//! Compact text fingerprints: one-permutation MinHash signatures of articles with a
//! banded LSH index over them, and bottom-k sketches of claim sentences.
//!
//! An article's signature is [`BINS`] `u32` values computed in one pass over its
//! shingles (one-permutation hashing: the top bits of a shingle's hash pick a bin,
//! the low 32 bits compete for that bin's minimum), with empty bins filled by
//! rotation densification so that two signatures stay comparable bin by bin. The
//! fraction of equal bins estimates the Jaccard similarity of the shingle sets.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::body_words::BodyWords;
use crate::hash::{for_each_shingle, mix64};

/// Bins per article signature.
pub const BINS: usize = 64;
/// LSH bands; each band hashes [`ROWS`] consecutive bins.
pub const BANDS: usize = 21;
pub const ROWS: usize = 3;

const EMPTY: u32 = u32::MAX;
const NONE: u32 = u32::MAX;

/// Fills `out` with the signature of the distinct shingles of `texts` and returns
/// how many distinct shingles there were: the definition of [`sign_words`].
#[cfg(test)]
pub(crate) fn sign<'t>(
    texts: impl IntoIterator<Item = &'t str>,
    markup: bool,
    shingle_words: usize,
    scratch: &mut SigningScratch,
    out: &mut [u32; BINS],
) -> u32 {
    scratch.shingles.clear();
    for text in texts {
        for_each_shingle(text, markup, shingle_words, |h| scratch.shingles.push(h));
    }
    scratch.signature(out)
}

/// Fills `out` with the signature of the distinct shingles of an article's body,
/// whose words `words` holds, and returns how many distinct shingles there were.
/// `scratch` is reused between calls so that signing does not allocate in steady
/// state.
pub(crate) fn sign_words(
    words: &BodyWords,
    shingle_words: usize,
    scratch: &mut SigningScratch,
    out: &mut [u32; BINS],
) -> u32 {
    scratch.shingles.clear();
    words.shingles_into(shingle_words, &mut scratch.shingles);
    scratch.signature(out)
}

/// The buffers of signing an article, kept from one article to the next.
#[derive(Clone, Debug, Default)]
pub(crate) struct SigningScratch {
    /// The article's shingle hashes.
    shingles: Vec<u64>,
    /// The distinct-shingle counter's set.
    distinct: DistinctSet,
}

impl SigningScratch {
    /// The signature of the shingle hashes in `shingles`, and how many distinct
    /// ones there are.
    fn signature(&mut self, out: &mut [u32; BINS]) -> u32 {
        out.fill(EMPTY);
        // A repeated shingle cannot lower a bin's minimum: the bins read every
        // shingle, repeats included, and only the count needs them told apart.
        for &h in &self.shingles {
            let bin = (h >> 58) as usize; // top 6 bits: 64 bins
            let v = (h as u32).min(EMPTY - 1);
            if v < out[bin] {
                out[bin] = v;
            }
        }
        densify(out);
        let distinct = self.distinct.count(&self.shingles);
        u32::try_from(distinct).unwrap_or(u32::MAX)
    }
}

/// An open-addressing set that counts distinct values, kept from one count to
/// the next and never emptied: a slot holds a value of the current count only
/// when it carries that count's stamp, so a count neither clears a table twice
/// the size of its values first nor empties the slots it filled after.
#[derive(Clone, Debug, Default)]
struct DistinctSet {
    /// Per slot: a value and the stamp of the count that put it there.
    slots: Vec<(u64, u32)>,
    /// The stamp of the last count (0 for none: new slots are empty).
    stamp: u32,
}

impl DistinctSet {
    /// The number of distinct values in `values` (sorting them to deduplicate
    /// cost several times as much; `distinct_by_sorting` in the tests is the
    /// definition).
    fn count(&mut self, values: &[u64]) -> usize {
        let n = values.len();
        if n == 0 {
            return 0;
        }
        let cap = (2 * n).next_power_of_two();
        if self.slots.len() < cap {
            self.slots.resize(cap, (0, 0));
        }
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            // After 2^32 - 1 counts the stamps start again, on a cleared table.
            self.slots.fill((0, 0));
            self.stamp = 1;
        }
        let stamp = self.stamp;
        let table = &mut self.slots[..cap];
        let mask = cap - 1;
        let mut distinct = 0;
        for &h in values {
            // Shingle hashes are mixed: their low bits are as good as any.
            let mut i = h as usize & mask;
            loop {
                let slot = &mut table[i];
                if slot.1 != stamp {
                    *slot = (h, stamp);
                    distinct += 1;
                    break;
                }
                if slot.0 == h {
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        distinct
    }
}

/// Rotation densification: an empty bin takes the value of the next non-empty bin
/// to its right, re-hashed with the distance so that borrowed values do not
/// collide with genuine ones.
fn densify(sig: &mut [u32; BINS]) {
    if sig.iter().all(|&v| v == EMPTY) {
        return;
    }
    let original = *sig;
    for i in 0..BINS {
        if original[i] != EMPTY {
            continue;
        }
        let mut d = 1;
        while original[(i + d) % BINS] == EMPTY {
            d += 1;
        }
        let v = original[(i + d) % BINS];
        sig[i] = (mix64(u64::from(v) ^ ((d as u64) << 40)) as u32).min(EMPTY - 1);
    }
}

/// Estimated Jaccard similarity of two signatures.
pub(crate) fn jaccard(a: &[u32], b: &[u32]) -> f32 {
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f32 / BINS as f32
}

/// Estimated share of the smaller shingle set contained in the larger, from the
/// Jaccard estimate and the two set sizes: |A∩B| = J/(1+J)·(|A|+|B|).
pub(crate) fn containment(j: f32, size_a: u32, size_b: u32) -> f32 {
    let small = size_a.min(size_b).max(1) as f32;
    let inter = j / (1.0 + j) * (size_a as f32 + size_b as f32);
    (inter / small).min(1.0)
}

/// A banded LSH index over signatures: articles sharing all [`ROWS`] values of any
/// band land in the same bucket. Buckets are linked lists threaded through `next`
/// (one slot per article and band), so the index costs one hash-map entry per
/// distinct band value plus four bytes per slot.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(crate) struct Lsh {
    /// Band hash (truncated: a rare false collision only costs a verification).
    heads: FxHashMap<u32, u32>,
    next: Vec<u32>,
}

impl Lsh {
    fn band_key(band: usize, sig: &[u32]) -> u32 {
        let rows = &sig[band * ROWS..band * ROWS + ROWS];
        let mut h = mix64(band as u64 + 1);
        for &r in rows {
            h = mix64(h ^ u64::from(r));
        }
        (h >> 32) as u32
    }

    /// Adds article `article` (its slots must not exist yet; articles are added in
    /// index order). An article without a signature still takes its slots.
    pub(crate) fn insert(&mut self, article: u32, sig: Option<&[u32]>) {
        let base = article as usize * BANDS;
        if self.next.len() < base + BANDS {
            self.next.resize(base + BANDS, NONE);
        }
        let Some(sig) = sig else { return };
        for band in 0..BANDS {
            let slot = (base + band) as u32;
            let key = Lsh::band_key(band, sig);
            let prev = self.heads.insert(key, slot).unwrap_or(NONE);
            self.next[slot as usize] = prev;
        }
    }

    /// Articles sharing a band with `sig`, possibly with repeats.
    pub(crate) fn query(&self, sig: &[u32], out: &mut Vec<u32>) {
        for band in 0..BANDS {
            let mut at = self
                .heads
                .get(&Lsh::band_key(band, sig))
                .copied()
                .unwrap_or(NONE);
            while at != NONE {
                out.push(at / BANDS as u32);
                at = self.next.get(at as usize).copied().unwrap_or(NONE);
            }
        }
    }
}

/// Size of a claim sentence sketch.
pub const SKETCH: usize = 16;

/// The [`SKETCH`] smallest hashes of the word pairs of a sentence, ascending,
/// padded with `u32::MAX`. Two sketches estimate the Jaccard similarity of the
/// sentences' word-pair sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Sketch([u32; SKETCH / 2], [u32; SKETCH / 2]);

impl Sketch {
    pub(crate) fn of(text: &str, markup: bool) -> Sketch {
        let mut sketch = SketchBuilder::new();
        for_each_shingle(text, markup, 2, |h| sketch.add(h));
        sketch.finish()
    }

    fn values(&self) -> impl Iterator<Item = u32> + '_ {
        self.0
            .iter()
            .chain(self.1.iter())
            .copied()
            .filter(|&v| v != u32::MAX)
    }

    /// Number of word pairs the sketch holds (all of them for short sentences).
    pub(crate) fn len(&self) -> usize {
        self.values().count()
    }

    /// Bottom-k estimate of the Jaccard similarity: of the k smallest values of the
    /// union, the share present in both.
    pub(crate) fn jaccard(&self, other: &Sketch) -> f32 {
        // A merge of the two value lists by index (the definition is
        // `jaccard_reference` in the tests): the iterator form cost a third of
        // `Linker::edge`.
        let (a, b) = (self.compact(), other.compact());
        let (mut i, mut j) = (0, 0);
        let (mut union, mut both) = (0usize, 0usize);
        // Sixteen steps without a branch on the values (which are random): equal
        // values move both sides on, else the smaller one moves. A side used up
        // reads its padding, `u32::MAX`, above every value, so each value left on
        // the other side counts once; a step where both are used up counts
        // nothing. (A step moves each side at most once: before step `t` both
        // indices are at most `t`, within the arrays.)
        for _ in 0..SKETCH {
            let (x, y) = (a[i % SKETCH], b[j % SKETCH]);
            let live = x != u32::MAX || y != u32::MAX;
            both += usize::from(x == y && live);
            union += usize::from(live);
            i += usize::from(x <= y);
            j += usize::from(y <= x);
        }
        if union == 0 {
            0.0
        } else {
            both as f32 / union as f32
        }
    }

    /// The values of [`Sketch::values`] in an array, in their order, followed by
    /// `u32::MAX` padding.
    #[inline]
    fn compact(&self) -> [u32; SKETCH] {
        let mut out = [0; SKETCH];
        out[..SKETCH / 2].copy_from_slice(&self.0);
        out[SKETCH / 2..].copy_from_slice(&self.1);
        // One bit per value that is not padding.
        let held = out
            .iter()
            .enumerate()
            .fold(0u32, |m, (k, &v)| m | (u32::from(v != u32::MAX) << k));
        // A built sketch holds its values first and its padding after them (they
        // are ascending), and is then already compact; else the values are moved
        // up over the padding.
        if held & (held + 1) == 0 {
            return out;
        }
        let mut n = 0;
        for k in 0..SKETCH {
            let v = out[k];
            out[n] = v;
            n += usize::from(v != u32::MAX);
        }
        out[n..].fill(u32::MAX);
        out
    }
}

/// A sketch being built from the hashes of a sentence's word pairs, in any order.
pub(crate) struct SketchBuilder {
    /// The smallest distinct values so far, ascending, padded with `u32::MAX`.
    best: [u32; SKETCH],
}

impl SketchBuilder {
    pub(crate) fn new() -> SketchBuilder {
        SketchBuilder {
            best: [u32::MAX; SKETCH],
        }
    }

    /// Adds the hash of one word pair (or of a one-word sentence's word).
    #[inline]
    pub(crate) fn add(&mut self, h: u64) {
        let best = &mut self.best;
        let v = (h >> 32) as u32;
        if v < best[SKETCH - 1] {
            // `best` is sorted: `v` goes before the first value not below it,
            // unless that value is `v` itself.
            let i = best.partition_point(|&b| b < v);
            if best[i] != v {
                best.copy_within(i..SKETCH - 1, i + 1);
                best[i] = v;
            }
        }
    }

    pub(crate) fn finish(self) -> Sketch {
        let mut a = [0; SKETCH / 2];
        let mut b = [0; SKETCH / 2];
        a.copy_from_slice(&self.best[..SKETCH / 2]);
        b.copy_from_slice(&self.best[SKETCH / 2..]);
        Sketch(a, b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig(text: &str) -> ([u32; BINS], u32) {
        let mut out = [0; BINS];
        let n = sign([text], false, 5, &mut SigningScratch::default(), &mut out);
        (out, n)
    }

    fn distinct_by_sorting(values: &[u64]) -> usize {
        let mut v = values.to_vec();
        v.sort_unstable();
        v.dedup();
        v.len()
    }

    #[test]
    fn distinct_count_matches_sorting() {
        // Small ranges force repeats and probe chains; 0 is a value like any other.
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let mut used = DistinctSet::default();
        for (len, range) in [
            (0, 1),
            (1, 1),
            (5, 2),
            (100, 7),
            (1000, 300),
            (5000, u64::MAX),
        ] {
            let values: Vec<u64> = (0..len)
                .map(|_| {
                    x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    let r = mix64(x);
                    if range == u64::MAX {
                        r
                    } else {
                        r % range
                    }
                })
                .collect();
            // A new set, and one that counted larger and smaller sets before.
            let mut fresh = DistinctSet::default();
            assert_eq!(fresh.count(&values), distinct_by_sorting(&values));
            assert_eq!(used.count(&values), distinct_by_sorting(&values));
            assert_eq!(used.count(&values), distinct_by_sorting(&values));
        }
        // The stamps wrapping around clear the table: 3, stamped 1 by the first
        // count, is not taken for a value of the count stamped 1 again.
        let mut wrapped = DistinctSet::default();
        assert_eq!(wrapped.count(&[3, 5, 3]), 2);
        wrapped.stamp = u32::MAX;
        assert_eq!(wrapped.count(&[3, 7]), 2);
        // A repeated paragraph: the signature counts its shingles once.
        let mut shingles = Vec::new();
        for_each_shingle(BODY, false, 5, |h| shingles.push(h));
        let twice = format!("{BODY} {BODY}");
        assert_eq!(
            sig(&twice).1 as usize,
            distinct_by_sorting(&{
                let mut v = Vec::new();
                for_each_shingle(&twice, false, 5, |h| v.push(h));
                v
            })
        );
        assert_eq!(sig(BODY).1 as usize, distinct_by_sorting(&shingles));
    }

    const BODY: &str = "Air strikes hit a crowded vegetable market in the rebel-held town of \
        Maarat al-Numan on Sunday, killing at least 35 people and wounding more than 60, a war \
        monitor said. Residents said the warplanes belonged to the Syrian government. The \
        market had reopened on Saturday after weeks of calm. Rescue workers were still pulling \
        bodies from the rubble in the afternoon, the monitor said, and the toll was expected \
        to rise. The government did not comment.";

    #[test]
    fn a_trimmed_copy_is_close_and_an_unrelated_text_is_not() {
        let (a, na) = sig(BODY);
        let trimmed = BODY.replace(
            "The market had reopened on Saturday after weeks of calm. ",
            "",
        );
        let (b, nb) = sig(&trimmed);
        let (c, _) = sig(
            "Islamic State fighters attacked army positions on the outskirts of al-Mayadin \
             before dawn on Tuesday, and dozens were killed on both sides in hours of fighting \
             that ended when reinforcements arrived from Deir ez-Zor.",
        );
        assert!(jaccard(&a, &b) > 0.6, "{}", jaccard(&a, &b));
        assert!(containment(jaccard(&a, &b), na, nb) > 0.8);
        assert!(jaccard(&a, &c) < 0.1);
    }

    #[test]
    fn lsh_finds_a_copy() {
        let (a, _) = sig(BODY);
        let (b, _) = sig(&BODY.replace("did not comment", "declined to comment"));
        let mut lsh = Lsh::default();
        lsh.insert(0, Some(&a));
        let mut found = Vec::new();
        lsh.query(&b, &mut found);
        assert!(found.contains(&0));
    }

    #[test]
    fn sketches_see_a_copied_sentence() {
        let s1 = Sketch::of(
            "Air strikes killed at least 35 people in the market, a war monitor said.",
            false,
        );
        let s2 = Sketch::of(
            "Air strikes killed at least 35 people in the market, the monitor said.",
            false,
        );
        let s3 = Sketch::of(
            "Mortar shells fired by terrorists killed 12 citizens.",
            false,
        );
        assert!(s1.jaccard(&s2) > 0.6);
        assert!(s1.jaccard(&s3) < 0.2);
    }

    /// The definition of [`Sketch::jaccard`].
    fn jaccard_reference(x: &Sketch, y: &Sketch) -> f32 {
        let (mut a, mut b) = (x.values().peekable(), y.values().peekable());
        let (mut union, mut both) = (0usize, 0usize);
        while union < SKETCH {
            match (a.peek().copied(), b.peek().copied()) {
                (Some(x), Some(y)) if x == y => {
                    both += 1;
                    a.next();
                    b.next();
                }
                (Some(x), Some(y)) if x < y => {
                    a.next();
                }
                (Some(_), Some(_)) => {
                    b.next();
                }
                (Some(_), None) => {
                    a.next();
                }
                (None, Some(_)) => {
                    b.next();
                }
                (None, None) => break,
            }
            union += 1;
        }
        if union == 0 {
            0.0
        } else {
            both as f32 / union as f32
        }
    }

    #[test]
    fn sketch_jaccard_matches_its_definition() {
        // Real sketches of every size, and arbitrary ones: unsorted, with
        // `u32::MAX` anywhere, few distinct values (many equal pairs).
        let mut sketches: Vec<Sketch> = [
            "",
            "one",
            "one two",
            "Air strikes hit Idlib",
            "Air strikes hit Idlib on Sunday",
            "the the the the the the",
            BODY,
        ]
        .iter()
        .map(|t| Sketch::of(t, false))
        .collect();
        let words: Vec<&str> = BODY.split(' ').collect();
        for n in 0..words.len().min(40) {
            sketches.push(Sketch::of(&words[..n].join(" "), false));
            sketches.push(Sketch::of(&words[n..].join(" "), false));
        }
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..300 {
            let mut v = [0u32; SKETCH];
            for slot in &mut v {
                x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                let r = mix64(x);
                *slot = match r % 4 {
                    0 => u32::MAX,
                    1 => (r >> 32) as u32 % 8,
                    _ => (r >> 32) as u32,
                };
            }
            if x % 2 == 0 {
                v.sort_unstable();
            }
            let mut a = [0; SKETCH / 2];
            let mut b = [0; SKETCH / 2];
            a.copy_from_slice(&v[..SKETCH / 2]);
            b.copy_from_slice(&v[SKETCH / 2..]);
            sketches.push(Sketch(a, b));
        }
        for s in &sketches {
            for t in &sketches {
                assert_eq!(
                    s.jaccard(t).to_bits(),
                    jaccard_reference(s, t).to_bits(),
                    "{s:?} {t:?}"
                );
            }
        }
    }

    #[test]
    fn a_sketch_is_the_smallest_distinct_pair_values() {
        // The definition: the SKETCH smallest distinct values, padded with MAX.
        for text in [
            "",
            "one",
            "Air strikes hit Idlib",
            "the the the the the the",
            BODY,
            &format!("{BODY} {BODY}"),
        ] {
            let mut values = Vec::new();
            for_each_shingle(text, false, 2, |h| values.push((h >> 32) as u32));
            values.retain(|&v| v != u32::MAX);
            values.sort_unstable();
            values.dedup();
            values.resize(SKETCH.max(values.len()), u32::MAX);
            let sketch = Sketch::of(text, false);
            let got: Vec<u32> = sketch.0.iter().chain(&sketch.1).copied().collect();
            assert_eq!(got, values[..SKETCH], "{text:?}");
        }
    }
}
