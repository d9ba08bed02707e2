//! Feature templates of the three models, as 64-bit hashes with values. The models
//! map a hash to a weight bucket by its top bits ([`bucket`]); training and
//! detection call the same functions, so they cannot drift apart.
//!
//! * sentence model: bag of words and word pairs, length, punctuation, word classes;
//! * token model: the token and its neighbours (±1), the pairs around it, shapes, a
//!   3-letter suffix, word classes within ±2, its place in the sentence, quotes, and
//!   the sentence model's score for its sentence and for the whole article;
//! * technique model: see [`technique_features`].

use crate::lexicon;
use crate::tokens::{Tok, SHAPE_CAPITAL, SHAPE_END, SHAPE_QUOTE, SHAPE_UPPER};

/// Bucket of a feature hash in a space of `2^bits` buckets after `offset` dense
/// entries.
#[inline]
pub fn bucket(hash: u64, bits: u8, offset: usize) -> usize {
    offset + (hash >> (64 - u32::from(bits))) as usize
}

/// A feature's hash: its value mixed with its template. Values are either token
/// hashes (already mixed) or small integers; one multiply by an odd constant
/// carries every input bit into the top bits, which pick the bucket.
#[inline]
const fn f(template: u64, value: u64) -> u64 {
    (value ^ template.wrapping_mul(0x9e37_79b9_7f4a_7c15)).wrapping_mul(0xd6e8_feb8_6659_fd93)
}

// Template ids: arbitrary distinct constants (part of the model format).
const S_WORD: u64 = 0x5301;
const S_PAIR: u64 = 0x5302;
const S_LEN: u64 = 0x5303;
const S_PUNCT: u64 = 0x5304;
const S_LEX: u64 = 0x5305;
const S_FIRST: u64 = 0x5306;
const S_CAPS: u64 = 0x5307;
const S_POSITION: u64 = 0x5308;

const T_W0: u64 = 0x7401;
const T_WM1: u64 = 0x7402;
const T_WP1: u64 = 0x7403;
const T_PAIR_L: u64 = 0x7406;
const T_PAIR_R: u64 = 0x7407;
const T_SHAPES: u64 = 0x7408;
const T_SUFFIX: u64 = 0x7409;
const T_LEX0: u64 = 0x740a;
const T_LEX_NEAR: u64 = 0x740b;
const T_PLACE: u64 = 0x740c;
const T_LEN: u64 = 0x740d;
const T_QUOTE: u64 = 0x740e;
const T_SENT_PUNCT: u64 = 0x740f;
const T_SENT_LEX: u64 = 0x7410;
const T_PS: u64 = 0x7411;
const T_PS_WORD: u64 = 0x7412;
const T_PS_LEX: u64 = 0x7413;
const T_PA: u64 = 0x7414;
const T_PS_VALUE: u64 = 0x7415;
const T_PA_VALUE: u64 = 0x7416;
const T_PS_PLACE: u64 = 0x7417;

const BOS: u64 = 0xb05;
const EOS: u64 = 0xe05;

/// The indices of the word classes set in `classes`, lowest first: the same
/// sequence as testing each of the [`lexicon::N_CLASSES`] bits in turn, without
/// visiting the clear ones.
#[inline]
pub fn set_bits(classes: u16) -> impl Iterator<Item = u64> {
    let mut rest = classes & ((1u32 << lexicon::N_CLASSES) - 1) as u16;
    std::iter::from_fn(move || {
        let bit = rest.trailing_zeros();
        rest &= rest.wrapping_sub(1);
        (bit < 16).then_some(u64::from(bit))
    })
}

fn length_bucket(n: usize) -> u64 {
    match n {
        0..=3 => 0,
        4..=7 => 1,
        8..=12 => 2,
        13..=20 => 3,
        21..=30 => 4,
        31..=45 => 5,
        _ => 6,
    }
}

/// What the sentence model and the token model need to know about one sentence
/// beyond its tokens.
#[derive(Clone, Copy, Debug, Default)]
pub struct SentenceInfo {
    /// Index of the sentence in its article (0 is usually the title).
    pub index: usize,
    pub exclamation: bool,
    pub question: bool,
    /// Union of the word classes of its tokens.
    pub lex: u16,
    /// How many of its tokens are words ([`Tok::is_word`]).
    pub words: usize,
    /// How many of its words are all capitals.
    pub caps: usize,
}

impl SentenceInfo {
    pub fn new(index: usize, text: &str, toks: &[Tok]) -> SentenceInfo {
        let mut info = SentenceInfo {
            index,
            ..SentenceInfo::default()
        };
        for t in toks {
            info.lex |= t.lex;
            if t.is_word() {
                info.words += 1;
                info.caps += usize::from(t.shape == SHAPE_UPPER);
            }
            if t.shape == SHAPE_END {
                let b = text.as_bytes().get(t.start).copied().unwrap_or(b'.');
                info.exclamation |= b == b'!';
                info.question |= b == b'?';
            }
        }
        info
    }
}

/// Features of a sentence for the sentence model. Word and pair features are
/// scaled by `1/sqrt(n)` so long and short sentences compare: for each token,
/// in order, the two of [`sentence_token_features`] (with [`sentence_scale`]),
/// then those of [`sentence_tail_features`].
pub fn sentence_features(toks: &[Tok], info: &SentenceInfo, mut emit: impl FnMut(u64, f32)) {
    let scale = sentence_scale(toks.len());
    let mut prev = BOS;
    for t in toks {
        for h in sentence_token_features(prev, t.hash) {
            emit(h, scale);
        }
        prev = t.hash;
    }
    sentence_tail_features(toks, info, emit);
}

/// The value of a sentence's word and pair features: `1/sqrt(n)` for `n` tokens.
#[inline]
pub fn sentence_scale(n_tokens: usize) -> f32 {
    1.0 / (n_tokens.max(1) as f32).sqrt()
}

/// The word and the pair feature of a token of hash `hash` after one of hash
/// `prev` (the first token's `prev` is [`SENTENCE_FIRST_PREV`]).
#[inline]
pub fn sentence_token_features(prev: u64, hash: u64) -> [u64; 2] {
    [f(S_WORD, hash), f(S_PAIR, prev.rotate_left(7) ^ hash)]
}

/// What [`sentence_token_features`] takes as `prev` for the first token.
pub const SENTENCE_FIRST_PREV: u64 = BOS;

/// The sentence model's features after the tokens' own: length, punctuation,
/// word classes, the first token's shape, capitals and the sentence's position.
/// `info` must be [`SentenceInfo::new`] of `toks` (it has counted the words).
pub fn sentence_tail_features(toks: &[Tok], info: &SentenceInfo, mut emit: impl FnMut(u64, f32)) {
    let (words, caps) = (info.words, info.caps);
    emit(f(S_LEN, length_bucket(words)), 1.0);
    emit(
        f(
            S_PUNCT,
            u64::from(info.exclamation) | u64::from(info.question) << 1,
        ),
        1.0,
    );
    for bit in set_bits(info.lex) {
        emit(f(S_LEX, bit), 1.0);
    }
    if let Some(first) = toks.first() {
        emit(f(S_FIRST, u64::from(first.shape)), 1.0);
    }
    if caps >= 2 {
        emit(f(S_CAPS, (caps * 4 / words.max(1)).min(4) as u64), 1.0);
    }
    emit(f(S_POSITION, info.index.min(3) as u64), 1.0);
}

/// Which tokens of a sentence stand between quotation marks.
pub fn quoted(text: &str, toks: &[Tok], out: &mut Vec<bool>) {
    out.clear();
    let mut quotes = QuoteState::default();
    out.extend(toks.iter().map(|t| quotes.next(text, t)));
}

/// [`quoted`] one token at a time, for a scorer that reads each token's answer
/// as it comes to the token: the state of the sentence's tokens read so far.
#[derive(Clone, Copy, Debug, Default)]
pub struct QuoteState {
    /// Whether the tokens read so far left a quotation open.
    inside: bool,
}

impl QuoteState {
    /// Whether `t`, the sentence's next token, stands between quotation marks.
    #[inline]
    pub fn next(&mut self, text: &str, t: &Tok) -> bool {
        if t.shape != SHAPE_QUOTE {
            return self.inside;
        }
        let c = text.get(t.start..t.end).unwrap_or("");
        // Apostrophes (straight or curly) are too often not quotes.
        let opens = c == "\u{201c}";
        let closes = c == "\u{201d}";
        let straight = c == "\"";
        self.inside = if opens {
            true
        } else if closes {
            false
        } else if straight {
            !self.inside
        } else {
            self.inside
        };
        false
    }
}

/// The features of token `i` that do not depend on the sentence model, in the
/// order a model adds their weights: [`TokenStatic::words`], the shapes, the
/// suffix, the word classes of the token and of its neighbours, its place, and
/// whether it is quoted.
pub fn token_static_features(toks: &[Tok], i: usize, in_quote: bool, mut emit: impl FnMut(u64)) {
    let p = TokenStatic::of(toks, i, in_quote);
    for h in p.words {
        emit(h);
    }
    emit(shapes_feature(p.shapes));
    if let Some(suffix) = p.suffix {
        emit(suffix);
    }
    if p.lex != 0 {
        emit(lex_feature(p.lex));
    }
    for bit in set_bits(p.near) {
        emit(lex_near_feature(bit));
    }
    emit(place_feature(p.place));
    if p.quoted {
        emit(QUOTE_FEATURE);
    }
}

/// What [`token_static_features`] makes its features of. The word features are
/// hashes spread over the whole weight table; the others take few values, so a
/// scorer may look their weights up in small tables (their hashes are
/// [`shapes_feature`], [`lex_feature`], [`lex_near_feature`], [`place_feature`]
/// and [`QUOTE_FEATURE`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct TokenStatic {
    /// The token, its left and right neighbours, and the pairs it makes with
    /// them (as feature hashes).
    pub words: [u64; 5],
    /// The shapes of the token and its neighbours, 4 bits each (15 past either
    /// end of the sentence).
    pub shapes: u64,
    /// The feature hash of the token's suffix, for a word that has one.
    pub suffix: Option<u64>,
    /// The token's word classes.
    pub lex: u16,
    /// The word classes of the tokens within two of this one, itself excluded.
    pub near: u16,
    /// The token's [`place`] in its sentence.
    pub place: u64,
    /// Whether it stands between quotation marks.
    pub quoted: bool,
}

/// The few-valued parts of a token's static features: a [`TokenStatic`]
/// without its word and suffix hashes, which a scorer turns into weight indices
/// as soon as they are made (what it keeps of a token until its turn).
#[derive(Clone, Copy, Debug, Default)]
pub struct FewValued {
    /// See [`TokenStatic::shapes`].
    pub shapes: u64,
    /// See [`TokenStatic::lex`].
    pub lex: u16,
    /// See [`TokenStatic::near`].
    pub near: u16,
    /// See [`TokenStatic::place`].
    pub place: u64,
    /// See [`TokenStatic::quoted`].
    pub quoted: bool,
}

impl TokenStatic {
    /// The few-valued parts.
    #[inline]
    pub fn few(&self) -> FewValued {
        FewValued {
            shapes: self.shapes,
            lex: self.lex,
            near: self.near,
            place: self.place,
            quoted: self.quoted,
        }
    }

    /// The parts of token `i`'s static features.
    #[inline]
    pub fn of(toks: &[Tok], i: usize, in_quote: bool) -> TokenStatic {
        let n = toks.len();
        let t = toks[i];
        let h = |j: isize| -> u64 {
            let k = i as isize + j;
            if k < 0 {
                BOS
            } else if k as usize >= n {
                EOS
            } else {
                toks[k as usize].hash
            }
        };
        let s = |j: isize| -> u64 {
            let k = i as isize + j;
            if k < 0 || k as usize >= n {
                15
            } else {
                u64::from(toks[k as usize].shape)
            }
        };
        let (wm1, wp1) = (h(-1), h(1));
        // (Words two away, a trigram, and word × sentence score were tried: no gain.)
        let words = [
            f(T_W0, t.hash),
            f(T_WM1, wm1),
            f(T_WP1, wp1),
            f(T_PAIR_L, wm1.rotate_left(7) ^ t.hash),
            f(T_PAIR_R, t.hash.rotate_left(7) ^ wp1),
        ];
        // The classes of the tokens within two of this one (four lookups; a
        // position before the start wraps around to one past the end).
        let lex = |k: usize| toks.get(k).map_or(0, |t| t.lex);
        let near = lex(i.wrapping_sub(2)) | lex(i.wrapping_sub(1)) | lex(i + 1) | lex(i + 2);
        TokenStatic {
            words,
            shapes: s(-1) << 8 | s(0) << 4 | s(1),
            suffix: (t.suffix != 0).then(|| f(T_SUFFIX, t.suffix)),
            lex: t.lex,
            near,
            place: place(i, n),
            quoted: in_quote,
        }
    }
}

/// The feature of the shapes around a token ([`TokenStatic::shapes`]).
#[inline]
pub fn shapes_feature(shapes: u64) -> u64 {
    f(T_SHAPES, shapes)
}

/// The feature of a token's word classes (not 0).
#[inline]
pub fn lex_feature(lex: u16) -> u64 {
    f(T_LEX0, u64::from(lex))
}

/// The feature of a word class `bit` near a token.
#[inline]
pub fn lex_near_feature(bit: u64) -> u64 {
    f(T_LEX_NEAR, bit)
}

/// The feature of a token's [`place`].
#[inline]
pub fn place_feature(place: u64) -> u64 {
    f(T_PLACE, place)
}

/// The feature of a quoted token.
pub const QUOTE_FEATURE: u64 = f(T_QUOTE, 1);

/// The features every token of a sentence shares (scored once per sentence): its
/// length, punctuation and word classes, `ps` (the sentence model's probability)
/// and `pa` (the mean over the article's sentences).
pub fn sentence_context_features(
    n_tokens: usize,
    info: &SentenceInfo,
    ps: f32,
    pa: f32,
    mut emit: impl FnMut(u64, f32),
) {
    emit(f(T_LEN, length_bucket(n_tokens)), 1.0);
    emit(
        f(
            T_SENT_PUNCT,
            u64::from(info.exclamation)
                | u64::from(info.question) << 1
                | (info.index.min(2) as u64) << 2,
        ),
        1.0,
    );
    for bit in set_bits(info.lex) {
        emit(f(T_SENT_LEX, bit), 1.0);
    }
    emit(f(T_PS, prob_bin(ps, 10)), 1.0);
    emit(f(T_PA, prob_bin(pa, 5)), 1.0);
    emit(f(T_PS_VALUE, 0), logit(ps) / 4.0);
    emit(f(T_PA_VALUE, 0), logit(pa) / 4.0);
}

/// Place of token `i` of `n`: first, last, or which fifth of the sentence (one
/// of [`N_PLACES`] values).
pub fn place(i: usize, n: usize) -> u64 {
    if i == 0 {
        0
    } else if i + 1 == n {
        1
    } else {
        2 + (i * 5 / n.max(1)) as u64
    }
}

/// How many values [`place`] takes: 0 (first), 1 (last), 2 + a fifth.
pub const N_PLACES: usize = 7;

/// Bin of a probability in tenths.
#[inline]
pub fn prob_bin(p: f32, bins: u64) -> u64 {
    ((p.clamp(0.0, 0.999_9) * bins as f32) as u64).min(bins - 1)
}

/// The features of token `i` that depend on the sentence model's probability `ps`
/// for its sentence.
pub fn token_context_features(toks: &[Tok], i: usize, ps: f32, mut emit: impl FnMut(u64)) {
    let t = toks[i];
    let b = prob_bin(ps, 10);
    emit(ps_word_feature(b, t.shape));
    emit(ps_lex_feature(b, t.lex != 0));
    emit(ps_place_feature(b, place(i, toks.len())));
}

/// The first of [`token_context_features`]: the sentence's probability bin `b`
/// with the token's shape.
#[inline]
pub fn ps_word_feature(b: u64, shape: u8) -> u64 {
    f(T_PS_WORD, b << 4 | u64::from(shape))
}

/// The second of [`token_context_features`]: the bin `b` with whether the
/// token has a word class.
#[inline]
pub fn ps_lex_feature(b: u64, has_lex: bool) -> u64 {
    f(T_PS_LEX, b << 1 | u64::from(has_lex))
}

/// The third of [`token_context_features`]: the bin `b` with the token's
/// [`place`].
#[inline]
pub fn ps_place_feature(b: u64, place: u64) -> u64 {
    f(T_PS_PLACE, b << 4 | place)
}

#[inline]
fn logit(p: f32) -> f32 {
    let p = p.clamp(1e-4, 1.0 - 1e-4);
    (p / (1.0 - p)).ln()
}

// Technique-model templates.
const C_LEFT: u64 = 0x6301;
const C_RIGHT: u64 = 0x6302;
const C_FIRST: u64 = 0x6303;
const C_LAST: u64 = 0x6304;
const C_LEN: u64 = 0x6305;
const C_REPEAT: u64 = 0x6306;
const C_REPEAT_BEFORE: u64 = 0x6307;
const C_HEAD_REPEAT: u64 = 0x6308;
const C_SHAPE: u64 = 0x6309;
const C_LEX: u64 = 0x630a;
const C_CONTEXT_LEX: u64 = 0x630b;
const C_WHOLE_LINE: u64 = 0x630c;
const C_PUNCT_AFTER: u64 = 0x630d;
const C_CONTEXT: u64 = 0x630e;
const C_TITLE: u64 = 0x630f;
const C_QUOTED: u64 = 0x6310;
const C_LEN_LEX: u64 = 0x6311;
const C_WORD: u64 = 0x6312;
const C_PAIR: u64 = 0x6313;
const C_SUFFIX: u64 = 0x6314;

/// Tokens of a whole article, for the technique model's context and repetition
/// features.
#[derive(Clone, Debug, Default)]
pub struct ArticleTokens {
    pub toks: Vec<Tok>,
    /// `next[j]`: the next position with the same hash as token `j` (or `NONE`).
    next: Vec<u32>,
    /// Open addressing on the token hash: `(hash, first position, count)`; a count
    /// of 0 marks an empty slot.
    table: Vec<(u64, u32, u32)>,
    /// Per slot of `table`, the last position seen (a buffer of [`ArticleTokens::index`]).
    last: Vec<u32>,
    /// Per slot of `table`, whether it holds a hash (with [`ArticleTokens::index_for`],
    /// a hash asked for may occur 0 times); empty when every slot with a hash
    /// has a count (the full index of [`ArticleTokens::index`]).
    occupied: Vec<bool>,
}

const NONE: u32 = u32::MAX;

impl ArticleTokens {
    /// Takes tokens sorted by start.
    pub fn new(toks: Vec<Tok>) -> ArticleTokens {
        let mut a = ArticleTokens {
            toks,
            next: Vec::new(),
            table: Vec::new(),
            last: Vec::new(),
            occupied: Vec::new(),
        };
        a.index();
        a
    }

    /// (Re)builds the occurrence index in one pass; call after changing `toks`.
    pub fn index(&mut self) {
        let n = self.toks.len();
        self.occupied.clear();
        self.next.clear();
        self.next.resize(n, NONE);
        let cap = (2 * n).max(8).next_power_of_two();
        self.table.clear();
        self.table.resize(cap, (0, NONE, 0));
        // Last position seen per slot, to link the chains (the values of an
        // empty slot are never read).
        let last = &mut self.last;
        last.clear();
        last.resize(cap, NONE);
        let mask = cap - 1;
        for (j, t) in self.toks.iter().enumerate() {
            let mut i = t.hash as usize & mask;
            loop {
                let slot = &mut self.table[i];
                if slot.2 == 0 {
                    *slot = (t.hash, j as u32, 1);
                    last[i] = j as u32;
                    break;
                }
                if slot.0 == t.hash {
                    slot.2 += 1;
                    if let Some(prev) = self.next.get_mut(last[i] as usize) {
                        *prev = j as u32;
                    }
                    last[i] = j as u32;
                    break;
                }
                i = (i + 1) & mask;
            }
        }
    }

    /// (Re)builds the occurrence index of the hashes `queries` only: for those,
    /// [`ArticleTokens::occurrences`] (as its first or head token) answers as
    /// after [`ArticleTokens::index`]; for others it may not. The technique model
    /// asks about the first and head tokens of a few spans per article: a lookup
    /// in a table of those per token costs a fraction of indexing every token.
    pub fn index_for(&mut self, queries: &[u64]) {
        let n = self.toks.len();
        self.next.clear();
        self.next.resize(n, NONE);
        // Sparse (a sixteenth full at most), so that the pass over every token
        // below mostly finds its slot empty at once: a slot taken by another
        // hash sends the walk down the slower, ill-predicted branch.
        let cap = (16 * queries.len()).max(64).next_power_of_two();
        self.table.clear();
        self.table.resize(cap, (0, NONE, 0));
        self.last.clear();
        self.last.resize(cap, NONE);
        self.occupied.clear();
        self.occupied.resize(cap, false);
        let mask = cap - 1;
        for &hash in queries {
            let mut i = hash as usize & mask;
            while self.occupied[i] && self.table[i].0 != hash {
                i = (i + 1) & mask;
            }
            self.occupied[i] = true;
            self.table[i].0 = hash;
        }
        // Positions in order, so each chain runs left to right as in `index`.
        for (j, t) in self.toks.iter().enumerate() {
            let mut i = t.hash as usize & mask;
            while self.occupied[i] {
                let slot = &mut self.table[i];
                if slot.0 == t.hash {
                    if slot.2 == 0 {
                        slot.1 = j as u32;
                    } else if let Some(prev) = self.next.get_mut(self.last[i] as usize) {
                        *prev = j as u32;
                    }
                    slot.2 += 1;
                    self.last[i] = j as u32;
                    break;
                }
                i = (i + 1) & mask;
            }
        }
    }

    /// `(first position, count)` of a token hash.
    fn lookup(&self, hash: u64) -> (u32, u32) {
        if self.table.is_empty() {
            return (NONE, 0);
        }
        let mask = self.table.len() - 1;
        let mut i = hash as usize & mask;
        loop {
            let (h, first, count) = self.table[i];
            // Without `occupied` (the full index), a count of 0 marks an empty slot.
            let empty = match self.occupied.get(i) {
                Some(&occupied) => !occupied,
                None => count == 0,
            };
            if empty {
                return (NONE, 0);
            }
            if h == hash {
                return (first, count);
            }
            i = (i + 1) & mask;
        }
    }

    /// The hashes [`ArticleTokens::occurrences`] looks up for the span
    /// `[start, end)` in [`technique_features`]: its first token's and its head's
    /// (the last word, else the last token); none for a span without tokens.
    pub fn span_queries(&self, start: usize, end: usize) -> Option<[u64; 2]> {
        let (a, b) = self.range(start, end);
        let span = self.toks.get(a..b)?;
        let first = span.first()?;
        let head = span
            .iter()
            .rposition(|t| t.is_word())
            .unwrap_or(span.len() - 1);
        Some([first.hash, span[head].hash])
    }

    /// Index range of the tokens inside `[start, end)`.
    pub fn range(&self, start: usize, end: usize) -> (usize, usize) {
        let a = self.toks.partition_point(|t| t.start < start);
        let b = self.toks.partition_point(|t| t.start < end);
        (a, b.max(a))
    }

    /// How often the token sequence `toks[a..b]` occurs in the article, how often
    /// before `a`, and how often its token `head` (an index) occurs.
    pub fn occurrences(&self, a: usize, b: usize, head: usize) -> (usize, usize, usize) {
        let (Some(seq), Some(head_tok)) = (self.toks.get(a..b), self.toks.get(head)) else {
            return (0, 0, 0);
        };
        let Some(first) = seq.first() else {
            return (0, 0, 0);
        };
        let (head_first, heads) = self.lookup(head_tok.hash);
        let (first_first, firsts) = self.lookup(first.hash);
        // An occurrence of the sequence has its first token where it starts and
        // its head `offset` tokens in: the walk follows the shorter of the two
        // tokens' chains (a span often starts with "the", rarely ends on it),
        // and finds the same occurrences either way. (A head the index was not
        // asked about counts 0: its chain is not there to follow.)
        let (mut j, offset) = match head.checked_sub(a) {
            Some(offset) if head < b && 0 < heads && heads < firsts => (head_first, offset),
            _ => (first_first, 0),
        };
        let (mut all, mut before) = (0, 0);
        while let Some(&next) = self.next.get(j as usize) {
            if let Some(at) = (j as usize).checked_sub(offset) {
                let same = self
                    .toks
                    .get(at..at + seq.len())
                    .is_some_and(|w| w.iter().zip(seq).all(|(x, y)| x.hash == y.hash));
                if same {
                    all += 1;
                    before += usize::from(at < a);
                }
            }
            j = next;
        }
        (all, before, heads as usize)
    }
}

fn count_bucket(n: usize) -> u64 {
    match n {
        0 => 0,
        1 => 1,
        2 => 2,
        3..=4 => 3,
        _ => 4,
    }
}

/// Features of the span `[start, end)` of `text` for the technique model, beyond
/// the n-grams of its text (which the model's `FeatureHasher` adds): the three
/// words on each side (on the same line), its first and last word, its length, how
/// often it (and its last word) occurs in the article and before it, its shape,
/// word classes inside it and around it, whether it fills its line, what follows
/// it, and whether it is in the title or between quotes.
pub fn technique_features(
    text: &str,
    article: &ArticleTokens,
    start: usize,
    end: usize,
    mut emit: impl FnMut(u64, f32),
) {
    let (a, b) = article.range(start, end);
    let toks = &article.toks;
    let line_start = text
        .get(..start)
        .and_then(|s| s.rfind('\n'))
        .map_or(0, |i| i + 1);
    let line_end = text
        .get(end..)
        .and_then(|s| s.find('\n'))
        .map_or(text.len(), |i| end + i);
    // Context: up to 3 tokens each side on the same line, and a bag of up to 12.
    for k in 1..=3usize {
        let left = a
            .checked_sub(k)
            .filter(|&j| toks[j].start >= line_start)
            .map_or(BOS, |j| toks[j].hash);
        emit(f(C_LEFT + ((k as u64) << 32), left), 1.0);
        let right = Some(b + k - 1)
            .filter(|&j| j < toks.len() && toks[j].end <= line_end)
            .map_or(EOS, |j| toks[j].hash);
        emit(f(C_RIGHT + ((k as u64) << 32), right), 1.0);
    }
    let mut context_lex = 0u16;
    let lo = a.saturating_sub(12);
    let hi = (b + 12).min(toks.len());
    let on_line = |t: &&Tok| t.start >= line_start && t.end <= line_end;
    let bag = || toks[lo..a].iter().chain(&toks[b..hi]).filter(on_line);
    let scale = 1.0 / (bag().count().max(1) as f32).sqrt();
    for t in bag() {
        emit(f(C_CONTEXT, t.hash), scale);
        context_lex |= t.lex;
    }
    let span = &toks[a..b];
    let words = span.iter().filter(|t| t.is_word()).count();
    if let (Some(first), Some(last)) = (span.first(), span.last()) {
        emit(f(C_FIRST, first.hash), 1.0);
        emit(f(C_LAST, last.hash), 1.0);
        emit(
            f(C_SHAPE, u64::from(first.shape) << 4 | u64::from(last.shape)),
            1.0,
        );
        let head = a + span
            .iter()
            .rposition(|t| t.is_word())
            .unwrap_or(span.len() - 1);
        let (all, before, heads) = article.occurrences(a, b, head);
        emit(f(C_REPEAT, count_bucket(all.saturating_sub(1))), 1.0);
        emit(
            f(
                C_REPEAT_BEFORE,
                count_bucket(before) << 3 | length_bucket(words).min(3),
            ),
            1.0,
        );
        emit(f(C_HEAD_REPEAT, count_bucket(heads.saturating_sub(1))), 1.0);
        // The span's own words, pairs and suffixes, normalised like a bag.
        let scale = 1.0 / (span.len() as f32).sqrt();
        let mut prev = BOS;
        for t in span {
            emit(f(C_WORD, t.hash), scale);
            emit(f(C_PAIR, prev.rotate_left(7) ^ t.hash), scale);
            if t.suffix != 0 {
                emit(f(C_SUFFIX, t.suffix), scale);
            }
            prev = t.hash;
        }
        emit(f(C_PAIR, prev.rotate_left(7) ^ EOS), scale);
    }
    emit(f(C_LEN, length_bucket(words)), 1.0);
    let mut lex = 0u16;
    let (mut caps, mut upper) = (0usize, 0usize);
    for t in span {
        lex |= t.lex;
        caps += usize::from(t.shape == SHAPE_CAPITAL);
        upper += usize::from(t.shape == SHAPE_UPPER);
    }
    for bit in 0..lexicon::N_CLASSES {
        if lex & (1 << bit) != 0 {
            emit(f(C_LEX, bit as u64), 1.0);
            emit(f(C_LEN_LEX, (bit as u64) << 4 | length_bucket(words)), 1.0);
        }
        if context_lex & (1 << bit) != 0 {
            emit(f(C_CONTEXT_LEX, bit as u64), 1.0);
        }
    }
    emit(
        f(
            C_SHAPE + (1 << 40),
            ((caps * 4 / words.max(1)).min(4) as u64) << 4
                | (upper * 4 / words.max(1)).min(4) as u64,
        ),
        1.0,
    );
    let before_blank = text
        .get(line_start..start)
        .is_some_and(|s| s.trim().is_empty());
    let after_blank = text.get(end..line_end).is_some_and(|s| {
        s.trim_matches(|c: char| c.is_whitespace() || ".!?\"”".contains(c))
            .is_empty()
    });
    emit(
        f(
            C_WHOLE_LINE,
            u64::from(before_blank) << 1 | u64::from(after_blank),
        ),
        1.0,
    );
    let next = toks.get(b).filter(|t| t.end <= line_end).map_or(0, |t| {
        u64::from(t.shape) << 8 | u64::from(text.as_bytes().get(t.start).copied().unwrap_or(0))
    });
    emit(f(C_PUNCT_AFTER, next), 1.0);
    emit(f(C_TITLE, u64::from(line_start == 0)), 1.0);
    let quoted = a > 0 && toks[a - 1].shape == SHAPE_QUOTE
        || span.first().is_some_and(|t| t.shape == SHAPE_QUOTE);
    emit(f(C_QUOTED, u64::from(quoted)), 1.0);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::tokens::tokenize;
    use crosscheck_schema::Span;

    fn article(text: &str) -> ArticleTokens {
        let mut toks = Vec::new();
        tokenize(text, Span::new(0, text.len()), &Lexicon::new(), &mut toks);
        ArticleTokens::new(toks)
    }

    /// [`token_static_features`] as it was written before it was split into
    /// [`TokenStatic`] parts: the definition the parts must give back.
    fn token_static_features_reference(
        toks: &[Tok],
        i: usize,
        in_quote: bool,
        mut emit: impl FnMut(u64),
    ) {
        let n = toks.len();
        let t = toks[i];
        let h = |j: isize| -> u64 {
            let k = i as isize + j;
            if k < 0 {
                BOS
            } else if k as usize >= n {
                EOS
            } else {
                toks[k as usize].hash
            }
        };
        let s = |j: isize| -> u64 {
            let k = i as isize + j;
            if k < 0 || k as usize >= n {
                15
            } else {
                u64::from(toks[k as usize].shape)
            }
        };
        let (wm1, wp1) = (h(-1), h(1));
        emit(f(T_W0, t.hash));
        emit(f(T_WM1, wm1));
        emit(f(T_WP1, wp1));
        emit(f(T_PAIR_L, wm1.rotate_left(7) ^ t.hash));
        emit(f(T_PAIR_R, t.hash.rotate_left(7) ^ wp1));
        emit(f(T_SHAPES, s(-1) << 8 | s(0) << 4 | s(1)));
        if t.suffix != 0 {
            emit(f(T_SUFFIX, t.suffix));
        }
        if t.lex != 0 {
            emit(f(T_LEX0, u64::from(t.lex)));
        }
        let lex = |k: usize| toks.get(k).map_or(0, |t| t.lex);
        let near = lex(i.wrapping_sub(2)) | lex(i.wrapping_sub(1)) | lex(i + 1) | lex(i + 2);
        for bit in 0..lexicon::N_CLASSES as u64 {
            if near & (1 << bit) != 0 {
                emit(f(T_LEX_NEAR, bit));
            }
        }
        emit(f(T_PLACE, place(i, n)));
        if in_quote {
            emit(f(T_QUOTE, 1));
        }
    }

    #[test]
    fn static_features_from_their_parts_equal_the_definition() {
        let text = concat!(
            "NATO\u{2019}s \u{201c}crazy\u{201d} leaders, 2019: SHOCKING! They are corrupt, ",
            "lying traitors who destroy our nation. \"Never\" again, says U.S. envoy. A b. ",
            "Terrorists and thugs attacked; the brave heroes fought back (again)...",
        );
        let a = article(text);
        let toks = &a.toks;
        let mut n = 0;
        for len in [1, 2, 3, toks.len()] {
            let toks = &toks[..len.min(toks.len())];
            for i in 0..toks.len() {
                for in_quote in [false, true] {
                    let (mut got, mut want) = (Vec::new(), Vec::new());
                    token_static_features(toks, i, in_quote, |h| got.push(h));
                    token_static_features_reference(toks, i, in_quote, |h| want.push(h));
                    assert_eq!(got, want, "token {i} of {len}");
                    n += 1;
                }
            }
        }
        assert!(n > 100 && toks.iter().any(|t| t.lex != 0 && t.suffix != 0));
    }

    #[test]
    fn counts_repeated_phrases_case_insensitively() {
        let text = "Build the wall. They said no. BUILD THE WALL! Build the bridge.";
        let a = article(text);
        let (s, e) = a.range(text.rfind("BUILD").unwrap(), text.rfind('!').unwrap());
        assert_eq!(e - s, 3);
        // "build the wall" twice, once before; "wall" twice; "build" three times.
        assert_eq!(a.occurrences(s, e, e - 1), (2, 1, 2));
        assert_eq!(a.occurrences(s, e, s), (2, 1, 3));
        assert_eq!(a.occurrences(e, e, s), (0, 0, 0));
    }

    #[test]
    fn occurrences_count_every_place_the_sequence_stands() {
        // Whichever chain the count walks (the first token's or the head's), it
        // finds what comparing the sequence at every position finds.
        let text = "the wall and the wall. The wall, the gate and the wall again; the the wall \
            and then the gate of the wall";
        let a = article(text);
        let n = a.toks.len();
        let brute = |s: usize, e: usize| {
            let seq = &a.toks[s..e];
            let at: Vec<usize> = (0..=n - seq.len())
                .filter(|&p| {
                    a.toks[p..p + seq.len()]
                        .iter()
                        .zip(seq)
                        .all(|(x, y)| x.hash == y.hash)
                })
                .collect();
            (at.len(), at.iter().filter(|&&p| p < s).count())
        };
        let mut checked = 0;
        for s in 0..n {
            for e in s + 1..(s + 5).min(n) + 1 {
                for head in s..e {
                    let (all, before, heads) = a.occurrences(s, e, head);
                    assert_eq!((all, before), brute(s, e), "{s}..{e} head {head}");
                    let same_head = a.toks.iter().filter(|t| t.hash == a.toks[head].hash);
                    assert_eq!(heads, same_head.count());
                    checked += 1;
                }
            }
        }
        assert!(checked > 100, "{checked}");
    }

    #[test]
    fn the_index_of_the_spans_hashes_answers_as_the_full_index() {
        let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/corpus");
        let mut texts = vec!["Build the wall. BUILD THE WALL! the the the wall".to_string()];
        for entry in std::fs::read_dir(corpus).expect("examples/corpus") {
            texts.push(std::fs::read_to_string(entry.expect("entry").path()).unwrap_or_default());
        }
        let mut rng = crosscheck_learn::SplitMix64::new(11);
        let mut checked = 0;
        for text in &texts {
            let full = article(text);
            let mut restricted = full.clone();
            let n = full.toks.len();
            if n == 0 {
                continue;
            }
            // Spans of 1 to 40 tokens at random places, a few per article as the
            // detector finds them, plus one that ends past the last token.
            for round in 0..20 {
                let spans: Vec<(usize, usize)> = (0..1 + round % 6)
                    .map(|_| {
                        let a = rng.next_u64() as usize % n;
                        let b = (a + 1 + rng.next_u64() as usize % 40).min(n);
                        (full.toks[a].start, full.toks[b - 1].end)
                    })
                    .chain([(full.toks[n - 1].start, text.len() + 5)])
                    .collect();
                let queries: Vec<u64> = spans
                    .iter()
                    .flat_map(|&(s, e)| restricted.span_queries(s, e).into_iter().flatten())
                    .collect();
                restricted.index_for(&queries);
                for &(s, e) in &spans {
                    let (a, b) = full.range(s, e);
                    let span = &full.toks[a..b];
                    let head = a + span
                        .iter()
                        .rposition(|t| t.is_word())
                        .unwrap_or(span.len() - 1);
                    assert_eq!(
                        restricted.occurrences(a, b, head),
                        full.occurrences(a, b, head)
                    );
                    let (mut want, mut got) = (Vec::new(), Vec::new());
                    technique_features(text, &full, s, e, |h, v| want.push((h, v.to_bits())));
                    technique_features(text, &restricted, s, e, |h, v| got.push((h, v.to_bits())));
                    assert_eq!(got, want);
                    checked += 1;
                }
            }
            // Indexing everything again restores the full index.
            restricted.index();
            assert_eq!(restricted.occurrences(0, 1, 0), full.occurrences(0, 1, 0));
        }
        assert!(checked > 500, "{checked}");
    }

    #[test]
    fn set_bits_lists_the_classes_in_order() {
        for classes in 0..=u16::MAX {
            let definition: Vec<u64> = (0..lexicon::N_CLASSES)
                .filter(|&bit| classes & (1 << bit) != 0)
                .map(|bit| bit as u64)
                .collect();
            assert_eq!(set_bits(classes).collect::<Vec<_>>(), definition);
        }
    }

    #[test]
    fn quotes_mark_the_tokens_between_them() {
        let text = "He called it a \u{201c}witch hunt\u{201d} and left \"fast\" again";
        let a = article(text);
        let mut q = Vec::new();
        quoted(text, &a.toks, &mut q);
        let inside: Vec<&str> = a
            .toks
            .iter()
            .zip(&q)
            .filter(|(_, &q)| q)
            .map(|(t, _)| &text[t.start..t.end])
            .collect();
        assert_eq!(inside, ["witch", "hunt", "fast"]);
    }

    #[test]
    fn technique_features_are_stable_and_context_dependent() {
        let text = "Title\n\nThe corrupt elites lied again.\nThe corrupt elites lied again.\n";
        let a = article(text);
        let collect = |start: usize, end: usize| {
            let mut v = Vec::new();
            technique_features(text, &a, start, end, |h, x| v.push((h, x.to_bits())));
            v
        };
        let first = text.find("corrupt elites").unwrap();
        let second = text.rfind("corrupt elites").unwrap();
        assert_eq!(collect(first, first + 14), collect(first, first + 14));
        // The second mention has one before it: the repetition features differ.
        assert_ne!(collect(first, first + 14), collect(second, second + 14));
    }
}
