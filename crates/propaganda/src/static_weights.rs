//! The token model's weights for the static features that take few values
//! (shapes, word classes, place, quote; see [`TokenStatic`]), looked up once
//! when the model is made instead of hashed for every token. Each table entry
//! is the weight the hashed feature would read, so a token's margin is the
//! same sum, added in the same order.

use std::fmt;

use crate::features::{
    lex_feature, lex_near_feature, place_feature, set_bits, shapes_feature, TokenStatic, N_PLACES,
    QUOTE_FEATURE,
};
use crate::lexicon::N_CLASSES;
use crate::model::Linear;

/// Entries of the shapes table: three 4-bit shapes.
const SHAPES: usize = 1 << 12;
/// Entries of the word-class table: every set of the lexicon's classes.
const CLASS_SETS: usize = 1 << N_CLASSES;

/// The token model's weights of the few-valued static features.
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
        }
    }

    /// `z` plus the weights of the features of `p` after its word features:
    /// the shapes, the suffix (whose weight, `suffix`, the caller read from
    /// the table it prefetched), the word classes, the place and the quote,
    /// one by one in the order [`crate::features::token_static_features`]
    /// emits them. A value outside the tables (which the tokenizer never
    /// makes) is hashed as the features are.
    #[inline]
    pub fn add(&self, token: &Linear, mut z: f32, p: &TokenStatic, suffix: Option<f32>) -> f32 {
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
