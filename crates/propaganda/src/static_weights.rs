//! The token model's weights for the features that take few values, looked up
//! once when the model is made instead of hashed for every token: the static
//! features shapes, word classes, place and quote (see [`TokenStatic`]), and
//! the context features of [`token_context_features`] for each bin of the
//! sentence's probability. Each table entry is the weight the hashed feature
//! would read, so a token's margin is the same sum, added in the same order.

use std::fmt;

#[cfg(doc)]
use crate::features::token_context_features;
use crate::features::{
    lex_feature, lex_near_feature, place_feature, prob_bin, ps_lex_feature, ps_place_feature,
    ps_word_feature, set_bits, shapes_feature, FewValued, N_PLACES, QUOTE_FEATURE,
};
use crate::lexicon::N_CLASSES;
use crate::model::Linear;
use crate::tokens::{Tok, N_SHAPES};

/// Entries of the shapes table: three 4-bit shapes.
const SHAPES: usize = 1 << 12;
/// Entries of the word-class table: every set of the lexicon's classes.
const CLASS_SETS: usize = 1 << N_CLASSES;
/// The bins of the sentence's probability that the context features read.
const PS_BINS: u64 = 10;

/// The token model's weights of its few-valued features: the static ones, and
/// the context ones per bin of the sentence's probability.
#[derive(Clone, PartialEq)]
pub(crate) struct StaticWeights {
    /// By [`TokenStatic::shapes`].
    shapes: Vec<f32>,
    /// By the token's word classes (entry 0 unused: no feature).
    lex: Vec<f32>,
    /// By word class near the token.
    near: [f32; N_CLASSES],
    /// By [`TokenStatic::place`].
    place: [f32; N_PLACES],
    quote: f32,
    /// By bin of the sentence's probability.
    context: Vec<ContextWeights>,
}

impl fmt::Debug for StaticWeights {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StaticWeights")
            .field("shapes", &self.shapes.len())
            .field("lex", &self.lex.len())
            .finish_non_exhaustive()
    }
}

impl StaticWeights {
    /// The tables of the token model `token`.
    pub fn new(token: &Linear) -> StaticWeights {
        StaticWeights {
            shapes: (0..SHAPES as u64)
                .map(|v| token.weight(shapes_feature(v)))
                .collect(),
            lex: (0..CLASS_SETS)
                .map(|v| token.weight(lex_feature(v as u16)))
                .collect(),
            near: std::array::from_fn(|bit| token.weight(lex_near_feature(bit as u64))),
            place: std::array::from_fn(|p| token.weight(place_feature(p as u64))),
            quote: token.weight(QUOTE_FEATURE),
            context: (0..PS_BINS)
                .map(|bin| ContextWeights::new(token, bin))
                .collect(),
        }
    }

    /// The context weights of a sentence of probability `ps` for the token
    /// model `token` (the one the tables were made of).
    #[inline]
    pub fn context(&self, token: &Linear, ps: f32) -> ContextWeights {
        let bin = prob_bin(ps, PS_BINS);
        match usize::try_from(bin).ok().and_then(|b| self.context.get(b)) {
            Some(c) => *c,
            None => ContextWeights::new(token, bin),
        }
    }

    /// `z` plus the weights of the features of `p` after its word features:
    /// the shapes, the suffix (whose weight, `suffix`, the caller read from
    /// the table it prefetched), the word classes, the place and the quote,
    /// one by one in the order [`crate::features::token_static_features`]
    /// emits them. A value outside the tables (which the tokenizer never
    /// makes) is hashed as the features are.
    #[inline]
    pub fn add(&self, token: &Linear, mut z: f32, p: &FewValued, suffix: Option<f32>) -> f32 {
        let table = |t: &[f32], i: u64, hash: fn(u64) -> u64| match usize::try_from(i)
            .ok()
            .and_then(|i| t.get(i))
        {
            Some(&w) => w,
            None => token.weight(hash(i)),
        };
        z += table(&self.shapes, p.shapes, shapes_feature);
        if let Some(w) = suffix {
            z += w;
        }
        if p.lex != 0 {
            z += table(&self.lex, u64::from(p.lex), |v| lex_feature(v as u16));
        }
        for bit in set_bits(p.near) {
            z += table(&self.near, bit, lex_near_feature);
        }
        z += table(&self.place, p.place, place_feature);
        if p.quoted {
            z += self.quote;
        }
        z
    }
}

/// The weights of one sentence's [`token_context_features`]: besides the
/// sentence's probability bin, those features read only the token's shape,
/// whether it has a word class, and its [`place`](crate::features::place),
/// which take few values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct ContextWeights {
    /// The sentence's probability bin.
    bin: u64,
    /// By shape ([`ps_word_feature`]).
    word: [f32; N_SHAPES],
    /// Without and with a word class ([`ps_lex_feature`]).
    lex: [f32; 2],
    /// By place ([`ps_place_feature`]).
    place: [f32; N_PLACES],
}

impl ContextWeights {
    /// The weights for the probability bin `bin`.
    fn new(token: &Linear, bin: u64) -> ContextWeights {
        ContextWeights {
            bin,
            word: std::array::from_fn(|s| token.weight(ps_word_feature(bin, s as u8))),
            lex: [false, true].map(|x| token.weight(ps_lex_feature(bin, x))),
            place: std::array::from_fn(|p| token.weight(ps_place_feature(bin, p as u64))),
        }
    }

    /// `z` plus the weights of the context features of token `t` at `place`,
    /// added one by one in the order [`token_context_features`] emits them
    /// (the same sum, rounding included).
    #[inline]
    pub fn add(&self, token: &Linear, mut z: f32, t: &Tok, place: u64) -> f32 {
        z += match self.word.get(usize::from(t.shape)) {
            Some(&w) => w,
            None => token.weight(ps_word_feature(self.bin, t.shape)),
        };
        z += self.lex[usize::from(t.lex != 0)];
        z += match usize::try_from(place).ok().and_then(|p| self.place.get(p)) {
            Some(&w) => w,
            None => token.weight(ps_place_feature(self.bin, place)),
        };
        z
    }
}
