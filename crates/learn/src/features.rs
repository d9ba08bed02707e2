//! Feature hashing: word unigrams and bigrams, character n-grams inside words,
//! and named dense features, mapped into one fixed-size sparse vector space.
//!
//! Layout of the space: indices `0..dense.len()` are the named dense features in
//! order; the `2^bits` hashed buckets follow. Each block of hashed features (words,
//! characters) is scaled by `block_weight / sqrt(count)`, so long and short
//! sentences give vectors of comparable size, and a feature seen twice counts
//! twice. That definition is what lets [`FeatureHasher::dot`] score a text in one
//! pass without building a vector: it sums weights per block and scales at the end.

use crate::hash::{combine, fnv1a64, fnv1a_step, mix64_top};

/// Which hashed block a feature belongs to (each block is normalised separately).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Block {
    /// Word unigrams, word bigrams and symbol tokens.
    Word,
    /// Character n-grams inside words.
    Char,
}

/// What the hasher extracts. Stored in model files: a model only makes sense with
/// the exact configuration it was trained with.
#[derive(Clone, Debug, PartialEq)]
pub struct HasherConfig {
    /// `2^bits` hashed buckets (1..=28).
    pub bits: u8,
    /// Lowercased word unigrams.
    pub word_unigrams: bool,
    /// Lowercased word bigrams, including one for the sentence start.
    pub word_bigrams: bool,
    /// Shortest character n-gram (0 disables character n-grams).
    pub char_min: u8,
    /// Longest character n-gram (at most 8).
    pub char_max: u8,
    /// Map every digit to `0` before hashing, so `1,200` and `3,400` share features.
    pub fold_digits: bool,
    /// Punctuation and symbols (`?`, `%`, `$`) become word tokens of their own.
    pub symbols: bool,
    /// Scale of the word block.
    pub word_weight: f32,
    /// Scale of the character block.
    pub char_weight: f32,
}

impl Default for HasherConfig {
    fn default() -> HasherConfig {
        HasherConfig {
            bits: 18,
            word_unigrams: true,
            word_bigrams: true,
            char_min: 2,
            char_max: 5,
            fold_digits: true,
            symbols: true,
            word_weight: 1.0,
            char_weight: 1.0,
        }
    }
}

/// Why a [`HasherConfig`] was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid feature configuration: {}", self.0)
    }
}

impl std::error::Error for ConfigError {}

/// A sparse vector of `(index, value)` entries. Indices may repeat until
/// [`SparseVector::compact`] merges them; the dot product is the same either way.
/// Reuse one vector across texts to avoid allocating.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SparseVector {
    entries: Vec<(u32, f32)>,
}

impl SparseVector {
    /// An empty vector.
    pub fn new() -> SparseVector {
        SparseVector::default()
    }

    /// Empties the vector, keeping its buffer.
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// Adds `value` at `index`.
    pub fn push(&mut self, index: u32, value: f32) {
        self.entries.push((index, value));
    }

    /// The entries, in insertion order (or sorted and unique after `compact`).
    pub fn entries(&self) -> &[(u32, f32)] {
        &self.entries
    }

    /// Number of stored entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Sorts by index and sums repeated indices. The stable sort keeps the summation
    /// order fixed, so the result is bit-for-bit reproducible.
    pub fn compact(&mut self) {
        self.entries.sort_by_key(|e| e.0);
        let mut out = 0;
        for i in 0..self.entries.len() {
            let (index, value) = self.entries[i];
            if out > 0 && self.entries[out - 1].0 == index {
                self.entries[out - 1].1 += value;
            } else {
                self.entries[out] = (index, value);
                out += 1;
            }
        }
        self.entries.truncate(out);
    }

    /// `Σ value · weights[index]`; indices outside `weights` count as 0.
    pub fn dot(&self, weights: &[f32]) -> f32 {
        self.entries
            .iter()
            .map(|&(i, v)| weights.get(i as usize).copied().unwrap_or(0.0) * v)
            .sum()
    }
}

/// Maps texts and named dense features into a sparse vector space. Immutable after
/// construction: share one hasher between threads.
#[derive(Clone, Debug, PartialEq)]
pub struct FeatureHasher {
    config: HasherConfig,
    dense: Vec<String>,
    shift: u32,
}

// Namespace seeds, so that the word "of" and the character bigram "of" land in
// unrelated buckets.
const WORD_SEED: &[u8] = b"crosscheck/word";
const CHAR_SEED: &[u8] = b"crosscheck/char";
const SYMBOL_SEED: &[u8] = b"crosscheck/symbol";
const START_SEED: &[u8] = b"crosscheck/start";
const BOUNDARY: u32 = 0x0011_0000; // one past char::MAX: never a real character
const RING: usize = 8;

impl FeatureHasher {
    /// A hasher for `config` with the given dense feature names (in index order).
    pub fn new(config: HasherConfig, dense: Vec<String>) -> Result<FeatureHasher, ConfigError> {
        if !(1..=28).contains(&config.bits) {
            return Err(ConfigError(format!(
                "bits must be 1..=28, got {}",
                config.bits
            )));
        }
        if config.char_min > 0
            && (config.char_min > config.char_max || config.char_max as usize > RING)
        {
            return Err(ConfigError(format!(
                "character n-grams must satisfy 1 <= min <= max <= {RING}, got {}..={}",
                config.char_min, config.char_max
            )));
        }
        if !(config.word_weight.is_finite() && config.char_weight.is_finite()) {
            return Err(ConfigError("block weights must be finite".into()));
        }
        if dense.len() > 1 << 16 {
            return Err(ConfigError("at most 65536 dense features".into()));
        }
        let shift = 64 - u32::from(config.bits);
        Ok(FeatureHasher {
            config,
            dense,
            shift,
        })
    }

    /// The configuration this hasher was built with.
    pub fn config(&self) -> &HasherConfig {
        &self.config
    }

    /// The dense feature names, in index order.
    pub fn dense_names(&self) -> &[String] {
        &self.dense
    }

    /// The index of a named dense feature.
    pub fn dense_index(&self, name: &str) -> Option<usize> {
        self.dense.iter().position(|n| n == name)
    }

    /// Dimension of the space: dense features plus hashed buckets.
    pub fn dim(&self) -> usize {
        self.dense.len() + (1usize << self.config.bits)
    }

    /// The index of a hashed feature: past the dense features, the top `bits` of
    /// [`mix64`](crate::hash::mix64) of `hash`, read through [`mix64_top`] (`bits <= 28`,
    /// so the shift is at least 36).
    #[inline]
    fn bucket(&self, hash: u64) -> u32 {
        // `bits <= 28` and `dense.len() <= 65536`, so this fits in u32.
        (self.dense.len() as u64 + (mix64_top(hash) >> self.shift)) as u32
    }

    /// Calls `emit(block, index)` once per hashed feature occurrence of `text`.
    /// This is the single definition of the hashed features; `featurize` and `dot`
    /// are both built on it.
    pub fn visit(&self, text: &str, emit: impl FnMut(Block, u32)) {
        if self.config.char_min == 0 {
            self.visit_words(text, emit)
        } else {
            self.visit_chars(text, emit)
        }
    }

    /// [`visit`](Self::visit) with character n-grams (and the definition the words-only
    /// path must agree with).
    fn visit_chars(&self, text: &str, mut emit: impl FnMut(Block, u32)) {
        let cfg = &self.config;
        let symbol_seed = fnv1a64(SYMBOL_SEED);
        let mut prev = fnv1a64(START_SEED);
        let mut word = WordState::new(self);
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let apostrophe_inside = word.open
                && (c == '\'' || c == '\u{2019}')
                && chars.peek().is_some_and(|n| n.is_alphabetic());
            if c.is_alphanumeric() || apostrophe_inside {
                if !word.open {
                    word.start(self, &mut emit);
                }
                if c.is_ascii() {
                    word.feed(self, c.to_ascii_lowercase(), &mut emit);
                } else {
                    for l in c.to_lowercase() {
                        word.feed(self, l, &mut emit);
                    }
                }
                continue;
            }
            if word.open {
                let hash = word.finish(self, &mut emit);
                self.emit_word(hash, &mut prev, &mut emit);
            }
            if cfg.symbols && !c.is_whitespace() && !c.is_control() {
                self.emit_word(symbol_hash(symbol_seed, c), &mut prev, &mut emit);
            }
        }
        if word.open {
            let hash = word.finish(self, &mut emit);
            self.emit_word(hash, &mut prev, &mut emit);
        }
    }

    /// [`visit`](Self::visit) without character n-grams: the same features in the
    /// same order, with ASCII read byte by byte instead of decoded (the tests check
    /// both against each other on real text).
    #[inline]
    fn visit_words(&self, text: &str, mut emit: impl FnMut(Block, u32)) {
        let cfg = &self.config;
        let word_seed = fnv1a64(WORD_SEED);
        let symbol_seed = fnv1a64(SYMBOL_SEED);
        let mut prev = fnv1a64(START_SEED);
        let bytes = text.as_bytes();
        let char_at = |i: usize| -> Option<(char, usize)> {
            match bytes.get(i) {
                Some(&b) if b < 0x80 => Some((b as char, 1)),
                Some(_) => text[i..].chars().next().map(|c| (c, c.len_utf8())),
                None => None,
            }
        };
        let feed = |hash: u64, c: char| fnv1a_step(hash, fold(cfg.fold_digits, c) as u32);
        let (mut open, mut hash) = (false, 0u64);
        let mut i = 0;
        while let Some((c, len)) = char_at(i) {
            i += len;
            if c.is_ascii_alphanumeric() {
                if !open {
                    open = true;
                    hash = word_seed;
                }
                hash = feed(hash, c.to_ascii_lowercase());
                // The rest of a run of ASCII letters and digits, without decoding.
                while let Some(&b) = bytes.get(i) {
                    if !b.is_ascii_alphanumeric() {
                        break;
                    }
                    hash = feed(hash, char::from(b.to_ascii_lowercase()));
                    i += 1;
                }
                continue;
            }
            let apostrophe_inside = open
                && (c == '\'' || c == '\u{2019}')
                && char_at(i).is_some_and(|(n, _)| n.is_alphabetic());
            if (!c.is_ascii() && c.is_alphanumeric()) || apostrophe_inside {
                if !open {
                    open = true;
                    hash = word_seed;
                }
                // A non-ASCII letter or digit, or an apostrophe inside a word.
                for l in c.to_lowercase() {
                    hash = feed(hash, l);
                }
                continue;
            }
            if open {
                open = false;
                self.emit_word(hash, &mut prev, &mut emit);
            }
            if cfg.symbols && !c.is_whitespace() && !c.is_control() {
                self.emit_word(symbol_hash(symbol_seed, c), &mut prev, &mut emit);
            }
        }
        if open {
            self.emit_word(hash, &mut prev, &mut emit);
        }
    }

    #[inline(always)]
    fn emit_word(&self, hash: u64, prev: &mut u64, emit: &mut impl FnMut(Block, u32)) {
        if self.config.word_unigrams {
            emit(Block::Word, self.bucket(hash));
        }
        if self.config.word_bigrams {
            emit(Block::Word, self.bucket(combine(*prev, hash)));
        }
        *prev = hash;
    }

    fn block_scale(&self, block: Block, count: u32) -> f32 {
        if count == 0 {
            return 0.0;
        }
        let weight = match block {
            Block::Word => self.config.word_weight,
            Block::Char => self.config.char_weight,
        };
        weight / (count as f32).sqrt()
    }

    /// Replaces `out` with the features of `text` plus `dense` (aligned with
    /// [`FeatureHasher::dense_names`]; missing values count as 0, extra ones are
    /// ignored). Entries are left uncompacted.
    pub fn featurize(&self, text: &str, dense: &[f32], out: &mut SparseVector) {
        out.clear();
        for (i, &v) in dense.iter().take(self.dense.len()).enumerate() {
            if v != 0.0 {
                out.push(i as u32, v);
            }
        }
        let start = out.len();
        let (mut words, mut chars) = (0u32, 0u32);
        // Mark each entry with its block, then replace the marks with the block scale
        // once the counts are known.
        self.visit(text, |block, index| match block {
            Block::Word => {
                words += 1;
                out.push(index, 0.0);
            }
            Block::Char => {
                chars += 1;
                out.push(index, 1.0);
            }
        });
        let word_scale = self.block_scale(Block::Word, words);
        let char_scale = self.block_scale(Block::Char, chars);
        for e in &mut out.entries[start..] {
            e.1 = if e.1 == 0.0 { word_scale } else { char_scale };
        }
    }

    /// `weights · features(text, dense)` without building a vector: the fast path for
    /// scoring. Weights shorter than [`FeatureHasher::dim`] count as 0 past their end.
    pub fn dot(&self, text: &str, dense: &[f32], weights: &[f32]) -> f32 {
        match WordDot::new(self, weights) {
            Some(dot) => dot_words(text, dot, dense),
            None => self.dot_visit(text, dense, weights),
        }
    }

    /// [`dot`](Self::dot) through [`visit`](Self::visit): the definition the
    /// words-only scan ([`dot_words`]) is tested against, and the path with
    /// character n-grams.
    fn dot_visit(&self, text: &str, dense: &[f32], weights: &[f32]) -> f32 {
        let (mut words, mut chars) = (0u32, 0u32);
        let (mut word_sum, mut char_sum) = (0f32, 0f32);
        let mut add = |block: Block, index: u32| {
            let w = weights.get(index as usize).copied().unwrap_or(0.0);
            match block {
                Block::Word => {
                    words += 1;
                    word_sum += w;
                }
                Block::Char => {
                    chars += 1;
                    char_sum += w;
                }
            }
        };
        // Hashed features land all over `weights`: each is prefetched when hashed and
        // added (in the same order) a batch later, so cache misses overlap instead of
        // stalling one after the other.
        const BATCH: usize = 32;
        let mut pending = [(Block::Word, 0u32); BATCH];
        let mut n = 0;
        self.visit(text, |block, index| {
            prefetch(weights, index as usize);
            if n == BATCH {
                for &(b, i) in &pending {
                    add(b, i);
                }
                n = 0;
            }
            pending[n] = (block, index);
            n += 1;
        });
        for &(b, i) in &pending[..n] {
            add(b, i);
        }
        self.total(dense, weights, (words, word_sum), (chars, char_sum))
    }

    /// How every dot product ends: `dense · weights` plus the word and character
    /// sums, each scaled by its block's norm (`(count, sum)` per block).
    #[inline]
    fn total(
        &self,
        dense: &[f32],
        weights: &[f32],
        (words, word_sum): (u32, f32),
        (chars, char_sum): (u32, f32),
    ) -> f32 {
        let dense_part: f32 = dense
            .iter()
            .take(self.dense.len())
            .zip(weights)
            .map(|(v, w)| v * w)
            .sum();
        dense_part
            + word_sum * self.block_scale(Block::Word, words)
            + char_sum * self.block_scale(Block::Char, chars)
    }
}

/// [`FeatureHasher::dot`] for a caller that finds the tokens itself, in a pass
/// over the text it makes anyway (the check-worthiness model reads its dense cues
/// in the same pass). Words-only configurations: [`WordDot::new`] refuses a
/// hasher with character n-grams.
///
/// The caller must see the tokens [`FeatureHasher::visit`] sees, in its order: a
/// word is a run of alphanumerics, with `'`/`\u{2019}` inside it when a letter
/// follows, hashed from [`WordDot::word_seed`] through [`WordDot::step`] on each
/// lower-cased character and handed to [`WordDot::word`]; every other character
/// goes to [`WordDot::symbol`]. Scores are then bit-for-bit those of `dot` (the
/// tests compare them): the same features are added in the same order.
pub struct WordDot<'h> {
    hasher: &'h FeatureHasher,
    weights: &'h [f32],
    word_seed: u64,
    symbol_seed: u64,
    // The configuration, copied out of the hasher for the per-word path.
    unigrams: bool,
    bigrams: bool,
    fold_digits: bool,
    prev: u64,
    // Whether the table is larger than [`PREFETCH_FROM`]: weights are then
    // prefetched and added a batch later, else added at once.
    prefetch: bool,
    pending: [u32; DOT_BATCH],
    n: usize,
    words: u32,
    word_sum: f32,
}

/// How many hashed features `dot` prefetches ahead of adding them.
const DOT_BATCH: usize = 32;

/// Weight tables up to this many entries (512 KiB, half a second-level cache) stay in
/// cache: [`FeatureHasher::dot`] ([`SmallDot`]) and [`WordDot`] add their weights at
/// once instead of prefetching them a batch ahead. (The check-worthiness model's
/// 2^16 + 19 weights are read so by its one-pass scorer: the batch cost 15
/// instructions a feature.)
const PREFETCH_FROM: usize = 1 << 17;

/// [`WordDot::ascii_folded`] without and with digits folded.
static ASCII_FOLDED: [[u8; 128]; 2] = [ascii_folded(false), ascii_folded(true)];

/// For each byte, what [`WordDot::step`] hashes for it when it is an ASCII letter or
/// digit (lower-cased, a folded digit as `0`), and 0 for every other byte: the
/// inner loop of [`dot_words`] tests and folds a byte with one load. Without and
/// with digits folded.
static WORD_BYTE: [[u8; 256]; 2] = [word_bytes(false), word_bytes(true)];

const fn word_bytes(fold_digits: bool) -> [u8; 256] {
    let folded = ascii_folded(fold_digits);
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 128 {
        if (i as u8).is_ascii_alphanumeric() {
            t[i] = folded[i];
        }
        i += 1;
    }
    t
}

const fn ascii_folded(fold_digits: bool) -> [u8; 128] {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let b = (i as u8).to_ascii_lowercase();
        t[i] = if fold_digits && b.is_ascii_digit() {
            b'0'
        } else {
            b
        };
        i += 1;
    }
    t
}

impl<'h> WordDot<'h> {
    /// A scorer of one text, or `None` when `hasher` extracts character n-grams.
    #[inline]
    pub fn new(hasher: &'h FeatureHasher, weights: &'h [f32]) -> Option<WordDot<'h>> {
        (hasher.config.char_min == 0).then(|| WordDot {
            hasher,
            weights,
            word_seed: fnv1a64(WORD_SEED),
            symbol_seed: fnv1a64(SYMBOL_SEED),
            unigrams: hasher.config.word_unigrams,
            bigrams: hasher.config.word_bigrams,
            fold_digits: hasher.config.fold_digits,
            prev: fnv1a64(START_SEED),
            prefetch: weights.len() > PREFETCH_FROM,
            pending: [0; DOT_BATCH],
            n: 0,
            words: 0,
            word_sum: 0.0,
        })
    }

    /// The hash of a word before its first character.
    #[inline(always)]
    pub fn word_seed(&self) -> u64 {
        self.word_seed
    }

    /// The hash of a word after one more lower-cased character.
    #[inline(always)]
    pub fn step(&self, hash: u64, c: char) -> u64 {
        fnv1a_step(hash, fold(self.fold_digits, c) as u32)
    }

    /// What [`step`](Self::step) hashes for each ASCII byte once lower-cased (a
    /// folded digit as `0`), for [`step_folded`](Self::step_folded).
    #[inline(always)]
    pub fn ascii_folded(&self) -> &'static [u8; 128] {
        &ASCII_FOLDED[usize::from(self.fold_digits)]
    }

    /// [`ascii_folded`](Self::ascii_folded) for every byte: what [`step`](Self::step)
    /// hashes for an ASCII letter or digit, 0 for any other byte (one look-up, no
    /// test for ASCII first).
    #[inline(always)]
    pub fn word_bytes(&self) -> &'static [u8; 256] {
        &WORD_BYTE[usize::from(self.fold_digits)]
    }

    /// [`step`](Self::step) for an ASCII letter or digit `b`, given as
    /// `ascii_folded()[b]`.
    #[inline(always)]
    pub fn step_folded(&self, hash: u64, folded: u8) -> u64 {
        fnv1a_step(hash, u32::from(folded))
    }

    /// A finished word, by its hash.
    #[inline(always)]
    pub fn word(&mut self, hash: u64) {
        if self.unigrams {
            self.add(self.hasher.bucket(hash));
        }
        if self.bigrams {
            self.add(self.hasher.bucket(combine(self.prev, hash)));
        }
        self.prev = hash;
    }

    /// A character outside words: a token of its own when symbols are on, unless
    /// it is white space or a control character.
    #[inline]
    pub fn symbol(&mut self, c: char) {
        if self.hasher.config.symbols && !c.is_whitespace() && !c.is_control() {
            self.word(symbol_hash(self.symbol_seed, c));
        }
    }

    #[inline(always)]
    fn add(&mut self, index: u32) {
        if !self.prefetch {
            // In the order of the batches below, so the same sum bit for bit.
            self.words += 1;
            self.word_sum += self.weights.get(index as usize).copied().unwrap_or(0.0);
            return;
        }
        prefetch(self.weights, index as usize);
        if self.n == DOT_BATCH {
            self.flush();
        }
        self.pending[self.n] = index;
        self.n += 1;
    }

    #[inline]
    fn flush(&mut self) {
        for &i in &self.pending[..self.n] {
            self.words += 1;
            self.word_sum += self.weights.get(i as usize).copied().unwrap_or(0.0);
        }
        self.n = 0;
    }

    /// The dot product with `dense` (as in [`FeatureHasher::dot`]) added.
    pub fn finish(mut self, dense: &[f32]) -> f32 {
        self.flush();
        self.hasher
            .total(dense, self.weights, (self.words, self.word_sum), (0, 0.0))
    }
}

/// U+2000–U+206F, the General Punctuation block (curly quotes, dashes, spaces),
/// which holds no letter or digit: news text is full of these characters, and
/// asking `char::is_alphanumeric` about one costs a search of its tables. The
/// tests check the whole block.
#[inline(always)]
fn is_general_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{206F}').contains(&c)
}

/// What [`scan_words`] hands on: each finished word by its hash, each character
/// outside words.
trait WordSink {
    fn word(&mut self, hash: u64);
    fn symbol(&mut self, c: char);
}

impl WordSink for WordDot<'_> {
    #[inline(always)]
    fn word(&mut self, hash: u64) {
        WordDot::word(self, hash)
    }

    #[inline(always)]
    fn symbol(&mut self, c: char) {
        WordDot::symbol(self, c)
    }
}

/// [`WordDot`] for a weight table that stays in cache ([`PREFETCH_FROM`]): no
/// batch, so the running sums stay in registers. The same features added in the
/// same order, so the same score bit for bit.
struct SmallDot<'h> {
    hasher: &'h FeatureHasher,
    weights: &'h [f32],
    symbol_seed: u64,
    unigrams: bool,
    bigrams: bool,
    symbols: bool,
    prev: u64,
    words: u32,
    word_sum: f32,
}

impl SmallDot<'_> {
    #[inline(always)]
    fn add(&mut self, index: u32) {
        self.words += 1;
        self.word_sum += self.weights.get(index as usize).copied().unwrap_or(0.0);
    }

    /// As [`WordDot::finish`].
    fn finish(self, dense: &[f32]) -> f32 {
        self.hasher
            .total(dense, self.weights, (self.words, self.word_sum), (0, 0.0))
    }
}

impl WordSink for SmallDot<'_> {
    #[inline(always)]
    fn word(&mut self, hash: u64) {
        if self.unigrams {
            self.add(self.hasher.bucket(hash));
        }
        if self.bigrams {
            self.add(self.hasher.bucket(combine(self.prev, hash)));
        }
        self.prev = hash;
    }

    #[inline(always)]
    fn symbol(&mut self, c: char) {
        if self.symbols && !c.is_whitespace() && !c.is_control() {
            self.word(symbol_hash(self.symbol_seed, c));
        }
    }
}

/// [`FeatureHasher::dot`] of a words-only hasher (`dot` from [`WordDot::new`]) in one
/// scan of the bytes ([`scan_words`]): through [`SmallDot`] when the table stays in
/// cache, else through `dot` with its prefetching.
fn dot_words(text: &str, dot: WordDot, dense: &[f32]) -> f32 {
    if dot.prefetch {
        let mut dot = dot;
        scan_words(text, dot.fold_digits, &mut dot);
        return dot.finish(dense);
    }
    let cfg = &dot.hasher.config;
    let mut small = SmallDot {
        hasher: dot.hasher,
        weights: dot.weights,
        symbol_seed: dot.symbol_seed,
        unigrams: cfg.word_unigrams,
        bigrams: cfg.word_bigrams,
        symbols: cfg.symbols,
        prev: dot.prev,
        words: 0,
        word_sum: 0.0,
    };
    scan_words(text, dot.fold_digits, &mut small);
    small.finish(dense)
}

/// The tokens of [`FeatureHasher::visit_words`], in its order, in one scan of the
/// bytes: runs of ASCII letters and digits are hashed through the folded table
/// without decoding, a space ends a word and is no token. Scores through it are
/// bit-for-bit those of [`FeatureHasher::dot_visit`] (the tests compare them).
#[inline(always)]
fn scan_words(text: &str, fold_digits: bool, sink: &mut impl WordSink) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let table = &WORD_BYTE[usize::from(fold_digits)];
    let seed = fnv1a64(WORD_SEED);
    let step = |hash: u64, c: char| fnv1a_step(hash, fold(fold_digits, c) as u32);
    // The hashed word being read (open when `Some`).
    let mut word: Option<u64> = None;
    let mut i = 0;
    while i < n {
        let b = bytes[i];
        let f = table[usize::from(b)];
        if f != 0 {
            // A run of ASCII letters and digits.
            let mut hash = fnv1a_step(word.unwrap_or(seed), u32::from(f));
            i += 1;
            while i < n {
                let f = table[usize::from(bytes[i])];
                if f == 0 {
                    break;
                }
                hash = fnv1a_step(hash, u32::from(f));
                i += 1;
            }
            word = Some(hash);
            continue;
        }
        if b == b' ' {
            if let Some(hash) = word.take() {
                sink.word(hash);
            }
            i += 1;
            continue;
        }
        let (c, len) = if b < 0x80 {
            (char::from(b), 1)
        } else {
            match text[i..].chars().next() {
                Some(c) => (c, c.len_utf8()),
                None => break,
            }
        };
        if !c.is_ascii() && !is_general_punctuation(c) && c.is_alphanumeric() {
            let mut hash = word.unwrap_or(seed);
            for l in c.to_lowercase() {
                hash = step(hash, l);
            }
            word = Some(hash);
            i += len;
            continue;
        }
        let apostrophe_inside = (c == '\'' || c == '\u{2019}')
            && word.is_some()
            && text[i + len..]
                .chars()
                .next()
                .is_some_and(|next| next.is_alphabetic());
        if apostrophe_inside {
            word = word.map(|hash| step(hash, c));
            i += len;
            continue;
        }
        if let Some(hash) = word.take() {
            sink.word(hash);
        }
        sink.symbol(c);
        i += len;
    }
    if let Some(hash) = word {
        sink.word(hash);
    }
}

/// The hash of a punctuation or symbol token: curly quotes and dashes as their
/// ASCII forms.
#[inline]
fn symbol_hash(seed: u64, c: char) -> u64 {
    let c = match c {
        '\u{2018}' | '\u{2019}' => '\'',
        '\u{201c}' | '\u{201d}' => '"',
        '\u{2013}' | '\u{2014}' => '-',
        c => c,
    };
    fnv1a_step(seed, c as u32)
}

/// Asks the CPU to bring `s[i]` into cache (a hint: nothing if out of range, or
/// off x86-64). Hashed features land all over a weight table, and a load that
/// misses stalls scoring.
#[inline]
pub fn prefetch<T>(s: &[T], i: usize) {
    #[cfg(target_arch = "x86_64")]
    if let Some(w) = s.get(i) {
        // SAFETY: a prefetch is only a hint and never faults; the pointer is to a
        // live element anyway.
        unsafe {
            use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
            _mm_prefetch::<_MM_HINT_T0>(std::ptr::from_ref(w).cast::<i8>());
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (s, i);
}

/// A word character as the word hash reads it: a digit as `0` when digits are
/// folded, a curly apostrophe as a straight one.
#[inline(always)]
fn fold(fold_digits: bool, c: char) -> char {
    if fold_digits && c.is_ascii_digit() {
        '0'
    } else if c == '\u{2019}' {
        '\''
    } else {
        c
    }
}

/// The word being read: its running hash and its last characters, from which the
/// character n-grams ending at each new character are hashed.
struct WordState {
    open: bool,
    hash: u64,
    word_seed: u64,
    char_seed: u64,
    // The last `RING` characters, the newest at `ring[(len - 1) % RING]`.
    ring: [u32; RING],
    len: usize,
    char_min: usize,
    char_max: usize,
}

impl WordState {
    fn new(hasher: &FeatureHasher) -> WordState {
        let cfg = &hasher.config;
        WordState {
            open: false,
            hash: 0,
            word_seed: fnv1a64(WORD_SEED),
            char_seed: fnv1a64(CHAR_SEED),
            ring: [BOUNDARY; RING],
            len: 0,
            char_min: usize::from(cfg.char_min.max(2)),
            // 0 when character n-grams are off: no n-gram is then long enough.
            char_max: if cfg.char_min == 0 {
                0
            } else {
                usize::from(cfg.char_max)
            },
        }
    }

    fn start(&mut self, hasher: &FeatureHasher, emit: &mut impl FnMut(Block, u32)) {
        self.open = true;
        self.hash = self.word_seed;
        self.len = 0;
        self.push(hasher, BOUNDARY, emit);
    }

    #[inline]
    fn feed(&mut self, hasher: &FeatureHasher, c: char, emit: &mut impl FnMut(Block, u32)) {
        let c = fold(hasher.config.fold_digits, c);
        self.hash = fnv1a_step(self.hash, c as u32);
        self.push(hasher, c as u32, emit);
    }

    fn finish(&mut self, hasher: &FeatureHasher, emit: &mut impl FnMut(Block, u32)) -> u64 {
        self.push(hasher, BOUNDARY, emit);
        self.open = false;
        self.hash
    }

    #[inline]
    fn push(&mut self, hasher: &FeatureHasher, c: u32, emit: &mut impl FnMut(Block, u32)) {
        self.ring[self.len % RING] = c;
        self.len += 1;
        // Hash the n-grams that end at `c`, from the newest character backwards.
        let mut h = fnv1a_step(self.char_seed, c);
        for n in 2..=self.char_max.min(self.len) {
            h = fnv1a_step(h, self.ring[(self.len - n) % RING]);
            if n >= self.char_min {
                emit(Block::Char, hasher.bucket(h));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hasher() -> FeatureHasher {
        FeatureHasher::new(HasherConfig::default(), vec!["has_number".into()]).unwrap()
    }

    fn features(h: &FeatureHasher, text: &str) -> SparseVector {
        let mut v = SparseVector::new();
        h.featurize(text, &[], &mut v);
        v.compact();
        v
    }

    #[test]
    fn counts_the_features_of_a_short_sentence() {
        let h = FeatureHasher::new(
            HasherConfig {
                char_min: 0,
                ..HasherConfig::default()
            },
            vec![],
        )
        .unwrap();
        let mut n = 0;
        // Three words and one symbol: 4 unigrams + 4 bigrams.
        h.visit("Troops killed 12.", |b, _| {
            assert_eq!(b, Block::Word);
            n += 1;
        });
        assert_eq!(n, 4 * 2);
    }

    #[test]
    fn case_and_digits_are_folded() {
        let h = hasher();
        assert_eq!(
            features(&h, "The ministry said 1,200 people died."),
            features(&h, "THE MINISTRY SAID 3,400 PEOPLE DIED.")
        );
        assert_ne!(
            features(&h, "The ministry said"),
            features(&h, "The ministry denied")
        );
    }

    #[test]
    fn curly_apostrophes_hash_like_straight_ones() {
        let h = hasher();
        assert_eq!(
            features(&h, "We’re 9 million jobs short"),
            features(&h, "We're 9 million jobs short")
        );
    }

    #[test]
    fn word_order_matters_through_bigrams() {
        let h = hasher();
        assert_ne!(
            features(&h, "rebels attacked the army"),
            features(&h, "the army attacked rebels")
        );
    }

    #[test]
    fn the_words_only_scan_agrees_with_the_general_one_on_real_text() {
        let mut texts: Vec<String> = [
            "Sh\u{2019}ite militias' \u{2019}s 1,200.5 U.S. $5 \u{20AC}3 \u{A3}2 50% O'Brien's",
            "It\u{2019}s 2016. 'tis don'\u{e9}t \u{c9}COLE caf\u{e9} \u{0130}stanbul \u{0661} \u{2160}",
            "\u{201c}fled\u{201d} \u{2014} \u{2013} \u{2018}x\u{2019} \t\x0b\r\n\u{a0}\u{1F600}!?",
            "",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/corpus");
        for entry in std::fs::read_dir(corpus).expect("examples/corpus") {
            texts.push(std::fs::read_to_string(entry.expect("entry").path()).unwrap_or_default());
        }
        for symbols in [true, false] {
            for fold_digits in [true, false] {
                let config = HasherConfig {
                    char_min: 0,
                    char_max: 0,
                    symbols,
                    fold_digits,
                    ..HasherConfig::default()
                };
                let h = FeatureHasher::new(config, vec![]).unwrap();
                for t in &texts {
                    let (mut fast, mut general) = (Vec::new(), Vec::new());
                    h.visit_words(t, |b, i| fast.push((b, i)));
                    h.visit_chars(t, |b, i| general.push((b, i)));
                    assert_eq!(fast, general, "{t:?}");
                }
            }
        }
    }

    #[test]
    fn dot_agrees_with_featurize() {
        let h = hasher();
        let weights: Vec<f32> = (0..h.dim())
            .map(|i| ((i % 97) as f32 - 48.0) / 50.0)
            .collect();
        for text in [
            "",
            "Según la ONU, 300 civiles murieron en Alepo.",
            "Why?",
            "a b c d",
        ] {
            let mut v = SparseVector::new();
            h.featurize(text, &[2.0], &mut v);
            let slow = v.dot(&weights);
            let fast = h.dot(text, &[2.0], &weights);
            assert!((slow - fast).abs() < 1e-4, "{text}: {slow} vs {fast}");
        }
    }

    /// A caller of [`WordDot`] that finds the tokens as [`FeatureHasher::visit`] does.
    fn word_dot(h: &FeatureHasher, text: &str, dense: &[f32], weights: &[f32]) -> Option<f32> {
        let mut dot = WordDot::new(h, weights)?;
        let mut chars = text.chars().peekable();
        let mut word: Option<u64> = None;
        while let Some(c) = chars.next() {
            let inside = word.is_some()
                && (c == '\'' || c == '\u{2019}')
                && chars.peek().is_some_and(|n| n.is_alphabetic());
            if c.is_alphanumeric() || inside {
                let mut hash = word.unwrap_or(dot.word_seed());
                for l in c.to_lowercase() {
                    hash = dot.step(hash, l);
                }
                word = Some(hash);
                continue;
            }
            if let Some(hash) = word.take() {
                dot.word(hash);
            }
            dot.symbol(c);
        }
        if let Some(hash) = word {
            dot.word(hash);
        }
        Some(dot.finish(dense))
    }

    /// The sample corpus's files, each cut into sentences and lines and whole.
    fn example_corpus_texts() -> Vec<String> {
        let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/corpus");
        let mut texts = Vec::new();
        for entry in std::fs::read_dir(corpus).expect("examples/corpus") {
            let text = std::fs::read_to_string(entry.expect("entry").path()).unwrap_or_default();
            texts.extend(text.split_inclusive(['.', '\n']).map(str::to_string));
            texts.push(text);
        }
        texts
    }

    #[test]
    fn word_dot_adds_what_dot_adds_in_its_order() {
        let weights: Vec<f32> = (0..(1 << 18) + 2)
            .map(|i| ((i % 97) as f32 - 48.0) / 50.0)
            .collect();
        let mut texts: Vec<String> = [
            "",
            "Según la ONU, 300 civiles murieron en Alepo.",
            "It\u{2019}s 2016. 'tis don'\u{e9}t \u{c9}COLE \u{0130}stanbul \u{0661} \u{2160}",
            "\u{201c}fled\u{201d} \u{2014} \u{2018}x\u{2019} \t\x0b\r\n\u{a0}\u{1F600}!?",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        texts.extend(example_corpus_texts());
        for symbols in [true, false] {
            let config = HasherConfig {
                char_min: 0,
                char_max: 0,
                symbols,
                ..HasherConfig::default()
            };
            let h = FeatureHasher::new(config, vec!["a".into(), "b".into()]).unwrap();
            for t in &texts {
                let fast = word_dot(&h, t, &[2.0, -0.5], &weights).unwrap();
                let dot = h.dot(t, &[2.0, -0.5], &weights);
                assert_eq!(fast.to_bits(), dot.to_bits(), "{t:?}");
            }
        }
        assert!(word_dot(&hasher(), "a", &[], &weights).is_none());
    }

    #[test]
    fn the_words_only_dot_is_the_visiting_dot_bit_for_bit() {
        let mut texts: Vec<String> = [
            "",
            " ",
            "'",
            "a'",
            "a' b",
            "x\u{2019}",
            "Según la ONU, 300 civiles murieron en Alepo.",
            "Sh\u{2019}ite militias' \u{2019}s 1,200.5 U.S. $5 \u{20AC}3 \u{A3}2 50% O'Brien's",
            "It\u{2019}s 2016. 'tis don'\u{e9}t \u{c9}COLE caf\u{e9} \u{0130}stanbul \u{0661} \u{2160}",
            "\u{201c}fled\u{201d} \u{2014} \u{2013} \u{2018}x\u{2019} \t\x0b\r\n\u{a0}\u{1F600}!?",
            "Ölçüm ǅemal ßtraße ΣΊΣΥΦΟΣ naïve coöperate x\u{2019}\u{e9} x'\u{301} x\u{2019}1 2\u{2019}s",
            "\u{0627}\u{0644}\u{0633}\u{0644}\u{0627}\u{0645} 中文字 \u{2070}\u{2071}\u{207F} \u{2009}a\u{200b}b",
            "  double  spaces\u{a0}and\ttabs\n\nnew lines 12:30 a.m. #tag @user (x) [y] {z}",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        texts.extend(example_corpus_texts());
        // Every pair of a few awkward characters, and each after a word.
        let odd = [
            'a', 'Z', '7', ' ', '\'', '\u{2019}', '\u{e9}', '\u{301}', ',', '\u{2014}',
        ];
        for a in odd {
            for b in odd {
                texts.push(format!("{a}{b}"));
                texts.push(format!("word{a}{b}x"));
            }
        }
        let mut compared = 0;
        // Tables added at once (the event filter's 2^14, 2^16) and prefetched (2^18).
        for bits in [14u8, 16, 18] {
            for symbols in [true, false] {
                for fold_digits in [true, false] {
                    let config = HasherConfig {
                        bits,
                        char_min: 0,
                        char_max: 0,
                        symbols,
                        fold_digits,
                        ..HasherConfig::default()
                    };
                    let h = FeatureHasher::new(config, vec!["a".into(), "b".into()]).unwrap();
                    let weights: Vec<f32> = (0..h.dim())
                        .map(|i| ((i * 7919 % 1009) as f32 - 504.0) / 313.0)
                        .collect();
                    for t in &texts {
                        for dense in [&[][..], &[1.0, -0.5][..]] {
                            let fast = h.dot(t, dense, &weights);
                            let general = h.dot_visit(t, dense, &weights);
                            assert_eq!(fast.to_bits(), general.to_bits(), "{bits} {t:?}");
                            compared += 1;
                        }
                    }
                    // Weights shorter than the space count as 0 past their end.
                    let short = &weights[..weights.len() / 3];
                    for t in &texts {
                        let fast = h.dot(t, &[], short);
                        assert_eq!(fast.to_bits(), h.dot_visit(t, &[], short).to_bits());
                    }
                }
            }
        }
        assert!(compared > 10_000, "{compared}");
    }

    #[test]
    fn the_general_punctuation_block_holds_no_word_character() {
        for c in ('\u{2000}'..='\u{206F}').filter(|c| is_general_punctuation(*c)) {
            assert!(!c.is_alphanumeric(), "{c:?}");
        }
        assert!(!is_general_punctuation('\u{1FFF}') && !is_general_punctuation('\u{2070}'));
    }

    /// A words-only hasher (what `WordDot` accepts).
    fn words_only(fold_digits: bool) -> FeatureHasher {
        let config = HasherConfig {
            char_min: 0,
            char_max: 0,
            fold_digits,
            ..HasherConfig::default()
        };
        FeatureHasher::new(config, vec![]).unwrap()
    }

    #[test]
    fn the_word_byte_table_steps_as_step_does() {
        for fold_digits in [true, false] {
            let h = words_only(fold_digits);
            let dot = WordDot::new(&h, &[]).unwrap();
            let table = dot.word_bytes();
            for b in 0..=255u8 {
                let f = table[usize::from(b)];
                assert_eq!(f != 0, b.is_ascii_alphanumeric(), "{b}");
                if f != 0 {
                    let c = char::from(b.to_ascii_lowercase());
                    assert_eq!(dot.step_folded(7, f), dot.step(7, c), "{b}");
                }
            }
        }
    }

    #[test]
    fn the_ascii_table_steps_as_step_does() {
        for fold_digits in [true, false] {
            let h = words_only(fold_digits);
            let dot = WordDot::new(&h, &[]).unwrap();
            for b in 0..128u8 {
                let c = char::from(b.to_ascii_lowercase());
                let folded = dot.ascii_folded()[usize::from(b)];
                assert_eq!(dot.step_folded(7, folded), dot.step(7, c), "{b}");
            }
        }
    }

    #[test]
    fn blocks_are_normalised_to_their_weight() {
        let h = hasher();
        let mut v = SparseVector::new();
        h.featurize("Airstrikes hit the hospital in Idlib", &[], &mut v);
        // Each block has squared norm weight² when its features are distinct.
        v.compact();
        let sq: f32 = v.entries().iter().map(|e| e.1 * e.1).sum();
        assert!((sq - 2.0).abs() < 0.2, "{sq}");
    }

    #[test]
    fn dense_features_occupy_the_first_indices() {
        let h = hasher();
        assert_eq!(h.dim(), 1 + (1 << 18));
        assert_eq!(h.dense_index("has_number"), Some(0));
        let mut v = SparseVector::new();
        h.featurize("", &[3.0, 9.0], &mut v);
        assert_eq!(v.entries(), &[(0, 3.0)]);
        let mut v = SparseVector::new();
        h.featurize("word", &[], &mut v);
        assert!(v
            .entries()
            .iter()
            .all(|e| e.0 >= 1 && (e.0 as usize) < h.dim()));
    }

    #[test]
    fn odd_input_neither_panics_nor_escapes_the_space() {
        let h = hasher();
        let long = "x".repeat(10_000);
        for text in [
            "\u{0}\u{ffff}",
            "İstanbul ǅ ß",
            "''''",
            "'a'",
            long.as_str(),
            "🙂🙂 😀",
        ] {
            h.visit(text, |_, i| assert!((i as usize) < h.dim()));
        }
    }

    #[test]
    fn bad_configurations_are_refused() {
        let bad = |c: HasherConfig| FeatureHasher::new(c, vec![]).is_err();
        assert!(bad(HasherConfig {
            bits: 0,
            ..HasherConfig::default()
        }));
        assert!(bad(HasherConfig {
            bits: 40,
            ..HasherConfig::default()
        }));
        assert!(bad(HasherConfig {
            char_min: 4,
            char_max: 3,
            ..HasherConfig::default()
        }));
        assert!(bad(HasherConfig {
            char_max: 9,
            ..HasherConfig::default()
        }));
    }

    #[test]
    fn compact_merges_repeats_in_index_order() {
        let mut v = SparseVector::new();
        v.push(5, 1.0);
        v.push(2, 1.0);
        v.push(5, 0.5);
        v.compact();
        assert_eq!(v.entries(), &[(2, 1.0), (5, 1.5)]);
    }
}
