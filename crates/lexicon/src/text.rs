//! A region of a text folded once and cut into words, so that several tables (the
//! gazetteer and the actor table) can be matched against it without folding twice,
//! and the word filter that lets a matcher skip words no alias can start with.

use crate::fold::{is_word_byte, is_word_char, Folded};

/// A region of a text, folded once, for [`Gazetteer::find_in`] and
/// [`Actors::find_in`]: an article is folded and cut into words once whatever
/// the number of tables matched against it.
///
/// ```
/// use crosscheck_lexicon::{Actors, FoldedText, Gazetteer};
///
/// let (places, actors) = (Gazetteer::new(), Actors::new());
/// let text = "Regime helicopters dropped barrel bombs on Darayya.";
/// let folded = FoldedText::new(text, 0, text.len());
/// assert_eq!(places.find_in(&folded), places.find(text, 0, text.len()));
/// assert_eq!(actors.find_in(&folded), actors.find(text, 0, text.len()));
/// ```
///
/// [`Gazetteer::find_in`]: crate::Gazetteer::find_in
/// [`Actors::find_in`]: crate::Actors::find_in
pub struct FoldedText<'t> {
    pub(crate) text: &'t str,
    pub(crate) folded: Folded,
    /// The words of the folded region (runs of word bytes), in order, each with
    /// its index keys: all of them, or for a text folded for some tables
    /// ([`FoldedText::for_starts`]) those that may start one of their aliases. A
    /// word running into the region from before it is left out: no match may
    /// start inside a word.
    pub(crate) words: Vec<Word>,
    /// The start words the words were kept by, if any: a table matched against
    /// the text must be one of theirs.
    pub(crate) starts: Option<&'t StartWords>,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Word {
    pub(crate) start: usize,
    /// The index key of the word alone ([`single_key`]), the same for every table.
    pub(crate) single: u64,
    /// The index key of the word with the next word of the text ([`pair_key`]),
    /// kept or not; `None` for the last word.
    pub(crate) pair: Option<u64>,
}

/// The words that may start an alias of some tables (an [`Actors`] and a
/// [`Gazetteer`], say): the first words of their aliases, as a filter. A text
/// folded for them ([`FoldedText::for_starts`]) keeps only those of its words,
/// which are all the tables' `find_in` reads: the words none of the tables can
/// match are passed over once, not once per table.
///
/// ```
/// use crosscheck_lexicon::{Actors, FoldedText, Gazetteer};
///
/// let (places, actors) = (Gazetteer::new(), Actors::new());
/// let starts = actors.start_words().union(&places.start_words());
/// let text = "Regime helicopters dropped barrel bombs on Darayya.";
/// let folded = FoldedText::for_starts(text, 0, text.len(), &starts);
/// assert_eq!(places.find_in(&folded), places.find(text, 0, text.len()));
/// assert_eq!(actors.find_in(&folded), actors.find(text, 0, text.len()));
/// ```
///
/// [`Actors`]: crate::Actors
/// [`Gazetteer`]: crate::Gazetteer
#[derive(Clone)]
pub struct StartWords {
    /// Bit [`StartWords::slot`] of the first eight bytes ([`word_prefix`]) of
    /// each alias's first word: 2^17 bits (16 KiB), probed once per word of a
    /// text before the word is hashed, so that most words are told apart by a
    /// multiplication, a shift and a load.
    bits: Box<[u64; START_WORDS]>,
}

const START_BITS: u32 = 17;
const START_WORDS: usize = 1 << (START_BITS - 6);

impl Default for StartWords {
    fn default() -> StartWords {
        StartWords {
            bits: Box::new([0u64; START_WORDS]),
        }
    }
}

impl StartWords {
    /// The bit of a word whose [`word_prefix`] is `prefix`.
    #[inline]
    fn slot(prefix: u64) -> usize {
        (prefix.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - START_BITS)) as usize
    }

    /// Records a word some alias starts with.
    pub(crate) fn insert(&mut self, word: &[u8]) {
        let s = StartWords::slot(word_prefix(word, 0, word.len()));
        self.bits[s >> 6] |= 1 << (s & 63);
    }

    /// Whether some alias may start with the word whose [`word_prefix`] is
    /// `prefix` (no when no such word was [inserted](StartWords::insert)).
    #[inline]
    pub(crate) fn may_start(&self, prefix: u64) -> bool {
        let s = StartWords::slot(prefix);
        self.bits[s >> 6] & (1 << (s & 63)) != 0
    }

    /// The start words of both tables.
    pub fn union(&self, other: &StartWords) -> StartWords {
        let mut bits = self.bits.clone();
        for (b, o) in bits.iter_mut().zip(other.bits.iter()) {
            *b |= o;
        }
        StartWords { bits }
    }

    /// Whether every word `other` lets through, these do too: a text folded for
    /// these may be matched against the table of `other`.
    pub(crate) fn covers(&self, other: &StartWords) -> bool {
        self.bits
            .iter()
            .zip(other.bits.iter())
            .all(|(b, o)| o & !b == 0)
    }
}

impl<'t> FoldedText<'t> {
    /// Folds `text[start..end]`, keeping every word. A range off the text or off
    /// character boundaries is narrowed to the nearest boundaries inside.
    pub fn new(text: &'t str, start: usize, end: usize) -> FoldedText<'t> {
        FoldedText::fold(text, start, end, None)
    }

    /// [`FoldedText::new`] keeping only the words that may start an alias of the
    /// tables `starts` is made of: only those tables may be matched against it.
    pub fn for_starts(
        text: &'t str,
        start: usize,
        end: usize,
        starts: &'t StartWords,
    ) -> FoldedText<'t> {
        FoldedText::fold(text, start, end, Some(starts))
    }

    fn fold(
        text: &'t str,
        start: usize,
        end: usize,
        starts: Option<&'t StartWords>,
    ) -> FoldedText<'t> {
        let (start, end) = clamp(text, start, end);
        let folded = Folded::new(&text[start..end], start);
        let inside_word = text[..start].chars().next_back().is_some_and(is_word_char);
        let words = words(&folded.bytes, inside_word, starts);
        FoldedText {
            text,
            folded,
            words,
            starts,
        }
    }
}

/// The words of a folded text `hay`, leaving out the one it starts inside when
/// `inside_word`, and those `starts` rules out as an alias's first word. Kept
/// out of line (it runs once per text), where its loop has the registers to
/// itself.
#[inline(never)]
fn words(hay: &[u8], inside_word: bool, starts: Option<&StartWords>) -> Vec<Word> {
    // All of them: a word and its space take about five bytes on average, one
    // allocation for nearly every text, not a copy of a long vector when it
    // runs out. Filtered, about one word in ten stays.
    let room = match starts {
        Some(_) => hay.len() / 32 + 1,
        None => hay.len() / 4 + 1,
    };
    let mut words: Vec<Word> = Vec::with_capacity(room);
    // The hash of the last word kept, until the word after it is known.
    let mut open: Option<u64> = None;
    let mut i = 0;
    if inside_word {
        while i < hay.len() && is_word_byte(hay[i]) {
            i += 1;
        }
    }
    while i < hay.len() {
        if !is_word_byte(hay[i]) {
            i += 1;
            continue;
        }
        let s = i;
        i = word_end(hay, i);
        // A word no table starts with and that ends no kept word's pair needs
        // no hash.
        let kept = starts.is_none_or(|f| f.may_start(word_prefix(hay, s, i - s)));
        if !kept && open.is_none() {
            continue;
        }
        let h = word_hash_padded(hay, s, i - s);
        if let Some(last) = open.take() {
            if let Some(w) = words.last_mut() {
                w.pair = Some(pair_key(last, h));
            }
        }
        if kept {
            words.push(Word {
                start: s,
                single: single_key(h),
                pair: None,
            });
            open = Some(h);
        }
    }
    words
}

/// The end of the run of word bytes ([`is_word_byte`]) at `hay[i..]`: eight ASCII
/// bytes at a time, byte by byte from the first block with a non-ASCII byte.
#[inline]
fn word_end(hay: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of `x` (all ASCII) that is at least `n`.
    let at_least = |x: u64, n: u64| x.wrapping_add((0x80 - n) * ONES) & HIGH;
    let within = |x: u64, lo: u64, hi: u64| at_least(x, lo) & !at_least(x, hi);
    while let Some(block) = hay.get(i..i + 8) {
        let mut x = [0u8; 8];
        x.copy_from_slice(block);
        let x = u64::from_le_bytes(x);
        if x & HIGH != 0 {
            break;
        }
        // Setting 0x20 maps `A-Z` onto `a-z` and nothing else there.
        let word = within(x, 0x30, 0x3A) | within(x | (0x20 * ONES), 0x61, 0x7B);
        let other = !word & HIGH;
        if other != 0 {
            return i + (other.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < hay.len() && is_word_byte(hay[i]) {
        i += 1;
    }
    i
}

/// The first eight bytes of the word `hay[s..s + len]` (all of a shorter one)
/// as a little-endian integer, zero past the word: read with one load when
/// eight bytes follow `s`.
#[inline]
fn word_prefix(hay: &[u8], s: usize, len: usize) -> u64 {
    let n = len.min(8);
    match hay.get(s..s + 8) {
        Some(block) => {
            let mut x = [0u8; 8];
            x.copy_from_slice(block);
            let x = u64::from_le_bytes(x);
            if n == 8 {
                x
            } else {
                x & ((1u64 << (8 * n)) - 1)
            }
        }
        None => hay[s..s + n]
            .iter()
            .enumerate()
            .fold(0u64, |x, (k, &b)| x | u64::from(b) << (8 * k)),
    }
}

/// [`word_hash`] of `hay[s..s + len]`. A word of up to eight bytes followed by
/// at least `8 - len` more bytes, or of nine to sixteen followed by `16 - len`
/// (a padded buffer), is read with one load per eight bytes; other words take
/// [`word_hash`].
///
/// Panics when `hay` is shorter than `s + len`.
#[inline]
pub fn word_hash_padded(hay: &[u8], s: usize, len: usize) -> u64 {
    let load = |at: usize| {
        hay.get(at..at + 8).map(|block| {
            let mut x = [0u8; 8];
            x.copy_from_slice(block);
            u64::from_le_bytes(x)
        })
    };
    // The first `n` (1..=8) bytes of a block.
    let keep = |x: u64, n: usize| {
        if n >= 8 {
            x
        } else {
            x & ((1u64 << (8 * n)) - 1)
        }
    };
    if (1..=8).contains(&len) {
        if let Some(x) = load(s) {
            return word_hash_short(keep(x, len), len);
        }
    } else if (9..=16).contains(&len) {
        if let (Some(x), Some(y)) = (load(s), load(s + 8)) {
            let h = (len as u64).wrapping_mul(WORD_SEED);
            return hash_step(hash_step(h, x), keep(y, len - 8));
        }
    }
    word_hash(&hay[s..s + len])
}

/// [`word_hash`] of a word of `len` bytes, one to eight, given as the
/// little-endian integer of its bytes (zero past its end).
#[inline]
pub fn word_hash_short(word: u64, len: usize) -> u64 {
    hash_step((len as u64).wrapping_mul(WORD_SEED), word)
}

const WORD_SEED: u64 = 0x243F_6A88_85A3_08D3;

/// One eight-byte step of [`word_hash`].
#[inline(always)]
fn hash_step(h: u64, x: u64) -> u64 {
    (h ^ x).wrapping_mul(0x517C_C1B7_2722_0A95).rotate_left(29)
}

/// The hash of one word's bytes, eight bytes at a time: what the matchers
/// index words by, and the one word hash of the workspace (the extractor's
/// vocabularies probe with it too). Not finished: its high bits depend on the
/// first bytes only, so a table that takes them mixes it first.
#[inline]
pub fn word_hash(bytes: &[u8]) -> u64 {
    let mut h = (bytes.len() as u64).wrapping_mul(WORD_SEED);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut x = [0u8; 8];
        x.copy_from_slice(c);
        h = hash_step(h, u64::from_le_bytes(x));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let x = rest
            .iter()
            .enumerate()
            .fold(0u64, |x, (k, &b)| x | u64::from(b) << (8 * k));
        h = hash_step(h, x);
    }
    h
}

/// The index key of a word that is a whole one-word alias's first word.
#[inline]
pub(crate) fn single_key(h: u64) -> u64 {
    mix(h ^ 0x9E37_79B9_7F4A_7C15)
}

/// The index key of the first two words of an alias of several words.
#[inline]
pub(crate) fn pair_key(h1: u64, h2: u64) -> u64 {
    mix(h1.rotate_left(29) ^ h2.wrapping_mul(0xC2B2_AE3D_27D4_EB4F))
}

/// Which words can start an alias, as a Bloom filter over the index keys
/// ([`single_key`], [`pair_key`]) of 2^17 bits (16 KiB, stays in L1) probed at
/// two bits. Most words of a text pass neither test and never touch the index;
/// a false positive only costs a lookup.
pub(crate) struct WordFilter {
    /// An array, not a slice: its length is known where it is indexed, so the
    /// probes (masked to [`FILTER_BITS`]) need no bounds checks.
    bits: Box<[u64; FILTER_WORDS]>,
}

const FILTER_BITS: u32 = 17;
const FILTER_WORDS: usize = 1 << (FILTER_BITS - 6);

impl Default for WordFilter {
    fn default() -> WordFilter {
        WordFilter {
            bits: Box::new([0u64; FILTER_WORDS]),
        }
    }
}

impl WordFilter {
    #[inline]
    fn slots(x: u64) -> [usize; 2] {
        let mask = (1u64 << FILTER_BITS) - 1;
        [(x & mask) as usize, ((x >> 32) & mask) as usize]
    }

    pub(crate) fn insert(&mut self, key: u64) {
        for s in WordFilter::slots(key) {
            self.bits[s >> 6] |= 1 << (s & 63);
        }
    }

    #[inline]
    fn contains(&self, key: u64) -> bool {
        WordFilter::slots(key)
            .iter()
            .all(|&s| self.bits[s >> 6] & (1 << (s & 63)) != 0)
    }

    /// Records that some alias's first word has the [`single_key`] `single`
    /// (see [`WordFilter::may_start`]).
    pub(crate) fn insert_first_word(&mut self, single: u64) {
        self.insert(first_word_key(single));
    }

    /// Whether some alias may start with the word whose [`single_key`] is
    /// `single` ([`WordFilter::insert_first_word`]): one probe that rules out
    /// most words of a text before [`WordFilter::may_start`].
    #[inline]
    pub(crate) fn may_be_first_word(&self, single: u64) -> bool {
        self.contains(first_word_key(single))
    }

    /// Whether an alias may start at a word with these keys.
    #[inline]
    pub(crate) fn may_start(&self, single: u64, pair: Option<u64>) -> bool {
        self.contains(single) || pair.is_some_and(|p| self.contains(p))
    }
}

/// The filter key of a word as an alias's first word, from its [`single_key`]:
/// other bits than the key itself, so that the two kinds of keys share the
/// filter without meeting.
#[inline]
fn first_word_key(single: u64) -> u64 {
    single.rotate_left(17) ^ 0xA076_1D64_78BD_642F
}

#[inline]
fn mix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    x ^= x >> 33;
    x
}

fn clamp(text: &str, start: usize, end: usize) -> (usize, usize) {
    let mut end = end.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut start = start.min(end);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    (start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_padded_word_hash_is_the_word_hash() {
        let hay = b"abcdefghijklmnopqrstuvwxyz0123456789 ABCDEFGHIJ\xc3\xa9";
        for s in 0..=hay.len() {
            for len in 0..=hay.len() - s {
                // Every amount of text after the word, from none to all of it.
                for cut in s + len..=hay.len() {
                    assert_eq!(
                        word_hash_padded(&hay[..cut], s, len),
                        word_hash(&hay[s..s + len]),
                        "{s} {len} {cut}"
                    );
                }
                if (1..=8).contains(&len) {
                    let mut x = [0u8; 8];
                    x[..len].copy_from_slice(&hay[s..s + len]);
                    assert_eq!(
                        word_hash_short(u64::from_le_bytes(x), len),
                        word_hash(&hay[s..s + len])
                    );
                }
            }
        }
    }

    #[test]
    fn a_word_prefix_is_its_first_eight_bytes() {
        let hay = b"abcdefghijklmnopqrstuvwxyz";
        for s in 0..=hay.len() {
            for len in 0..=hay.len() - s {
                let mut x = [0u8; 8];
                let n = len.min(8);
                x[..n].copy_from_slice(&hay[s..s + n]);
                // Whatever follows the word, and the word alone.
                assert_eq!(word_prefix(hay, s, len), u64::from_le_bytes(x), "{s} {len}");
                assert_eq!(
                    word_prefix(&hay[s..s + len], 0, len),
                    u64::from_le_bytes(x),
                    "{s} {len}"
                );
            }
        }
    }

    #[test]
    fn word_end_is_the_byte_by_byte_scan() {
        let mut all: Vec<u8> = (0u8..=255).collect();
        all.extend_from_slice(b"abcdefghijklmnopqrstuvwxyz0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        all.extend_from_slice("Ma\u{2019}arrat al-Nu\u{2019}man \u{15e}anl\u{131}urfa".as_bytes());
        let hays: Vec<Vec<u8>> = vec![
            all.clone(),
            all.iter().rev().copied().collect(),
            b"deir ez zor  aleppo2016 idlib's x".to_vec(),
            b"abcdefghijklmnop".to_vec(),
            Vec::new(),
        ];
        for hay in &hays {
            for i in 0..=hay.len() {
                let mut e = i;
                while e < hay.len() && is_word_byte(hay[e]) {
                    e += 1;
                }
                assert_eq!(word_end(hay, i), e, "{i}");
            }
        }
    }
}
