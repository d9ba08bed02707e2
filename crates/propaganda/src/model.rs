//! The shipped detector: three linear models in one file, and span decoding.
//!
//! 1. The sentence model scores each sentence (does it hold a propaganda span?).
//! 2. The token model scores each token of the sentences that pass a gate, with the
//!    sentence's score and the article's mean score among its features.
//! 3. Tokens at or above `threshold` seed spans, which extend over neighbours at or
//!    above `extend` and merge across gaps of at most `gap` tokens; boundaries are
//!    trimmed of `" \n.,:;"` as the PTC gold is.
//! 4. The technique model (one-vs-rest over 14 classes) labels each span.
//!
//! File: `"XCPR" | version u16 | u32 n | n × (u32 len, model file) | u64 checksum`,
//! where each part is a `crosscheck_learn::ModelFile` (8-bit weights) of kind
//! `propaganda-sentence`, `propaganda-token` or `propaganda-technique`.

use std::fmt;

use crosscheck_learn::hash::fnv1a64;
use crosscheck_learn::{
    sigmoid, Block, Calibrator, FeatureHasher, FormatError, HasherConfig, Head, LogisticRegression,
    ModelFile, Q8Weights, WeightEncoding,
};
use crosscheck_schema::Span;
use crosscheck_segment::{SentenceTokens, Token};

use crate::corpus::trim_boundaries;
#[cfg(any(doc, test))]
use crate::features::sentence_features;
use crate::features::{
    bucket, sentence_context_features, sentence_scale, sentence_tail_features,
    sentence_token_features, technique_features, ArticleTokens, FewValued, QuoteState,
    SentenceInfo, TokenStatic, SENTENCE_FIRST_PREV,
};
#[cfg(test)]
use crate::features::{quoted, token_context_features, token_static_features};
use crate::lexicon::Lexicon;
use crate::static_weights::StaticWeights;
use crate::technique::Technique;
use crate::tokens::{tokenize, Tok};
use crate::weights::{Q8Rows, Stored, Q8, ROW};

const MAGIC: &[u8; 4] = b"XCPR";
const VERSION: u16 = 1;
pub(crate) const KIND_SENTENCE: &str = "propaganda-sentence";
pub(crate) const KIND_TOKEN: &str = "propaganda-token";
pub(crate) const KIND_TECHNIQUE: &str = "propaganda-technique";
const N_TECH: usize = Technique::ALL.len();
/// How many tokens ahead token scoring prefetches its weights.
const PREFETCH: usize = 3;
/// How many tokens ahead sentence scoring prefetches its weights (two per token).
const SENTENCE_AHEAD: usize = 8;

/// A propaganda span found by [`Propaganda::detect`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TechniqueSpan {
    /// Byte offsets into the text given to `detect`, half-open.
    pub start: usize,
    pub end: usize,
    pub technique: Technique,
    /// How sure the detector is that the span is propaganda: the mean token
    /// probability over the span.
    pub score: f32,
    /// The technique model's probability for `technique`.
    pub technique_score: f32,
}

impl TechniqueSpan {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// Why model bytes were refused.
#[derive(Clone, Debug, PartialEq)]
pub enum ModelError {
    /// The container is malformed (bad magic, version, lengths or checksum).
    Container(String),
    /// A part is not a valid model file.
    Part(FormatError),
    /// A part is missing or does not fit the others.
    Invalid(String),
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::Container(m) => write!(f, "propaganda model: {m}"),
            ModelError::Part(e) => write!(f, "propaganda model part: {e}"),
            ModelError::Invalid(m) => write!(f, "propaganda model: {m}"),
        }
    }
}

impl std::error::Error for ModelError {}

impl From<FormatError> for ModelError {
    fn from(e: FormatError) -> ModelError {
        ModelError::Part(e)
    }
}

/// A binary linear model over hashed features.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Linear {
    /// Carries the size of the hashed space into the model file (the features
    /// themselves are computed by this crate).
    pub space: FeatureHasher,
    pub bits: u8,
    pub weights: Q8,
    pub bias: f32,
}

impl Linear {
    #[inline]
    pub fn weight(&self, hash: u64) -> f32 {
        self.weights.get(self.index(hash))
    }

    /// The index of `hash`'s weight, for [`Q8::get`] and [`Q8::prefetch`].
    #[inline]
    pub fn index(&self, hash: u64) -> usize {
        bucket(hash, self.bits, 0)
    }
}

/// How token probabilities become spans.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Decoder {
    /// A span needs one token at or above this probability...
    pub threshold: f32,
    /// ...and extends over neighbours at or above this one.
    pub extend: f32,
    /// Spans this many tokens apart or closer (within a sentence) merge.
    pub gap: usize,
    /// Sentences whose probability is below this are skipped.
    pub gate: f32,
}

impl Default for Decoder {
    fn default() -> Decoder {
        Decoder {
            threshold: 0.5,
            extend: 0.4,
            gap: 1,
            gate: 0.0,
        }
    }
}

impl Decoder {
    /// Appends the spans of one sentence from its token margins (log-odds):
    /// `(start, end, mean probability)`. Deciding on margins spares a sigmoid per
    /// token.
    pub(crate) fn decode(
        &self,
        text: &str,
        toks: &[Tok],
        margins: &[f32],
        out: &mut Vec<(usize, usize, f32)>,
    ) {
        let (seed, extend) = (logit(self.threshold), logit(self.extend));
        let n = toks.len().min(margins.len());
        // The seeded run being merged with those close after it: a span once the
        // next seeded run is too far to join it (no list of runs is kept).
        let mut open: Option<(usize, usize)> = None;
        let mut i = 0;
        while i < n {
            if margins[i] < extend {
                i += 1;
                continue;
            }
            let mut j = i;
            let mut seeded = false;
            while j < n && margins[j] >= extend {
                seeded |= margins[j] >= seed;
                j += 1;
            }
            if seeded {
                open = match open {
                    Some((a, b)) if i - b <= self.gap => Some((a, j)),
                    Some(run) => {
                        span_of_run(text, toks, margins, run, out);
                        Some((i, j))
                    }
                    None => Some((i, j)),
                };
            }
            i = j;
        }
        if let Some(run) = open {
            span_of_run(text, toks, margins, run, out);
        }
    }
}

/// Appends the span of the tokens `run` (a range of token indices) of
/// [`Decoder::decode`], trimmed, with the mean probability of its tokens, unless
/// trimming leaves nothing.
fn span_of_run(
    text: &str,
    toks: &[Tok],
    margins: &[f32],
    (a, b): (usize, usize),
    out: &mut Vec<(usize, usize, f32)>,
) {
    let (start, end) = trim_boundaries(text, toks[a].start, toks[b - 1].end);
    if start < end {
        let mean = margins[a..b].iter().map(|&z| sigmoid(z)).sum::<f32>() / (b - a) as f32;
        out.push((start, end, mean));
    }
}

fn logit(p: f32) -> f32 {
    let p = p.clamp(1e-6, 1.0 - 1e-6);
    (p / (1.0 - p)).ln()
}

/// The technique classifier: one-vs-rest heads stored interleaved, so one feature
/// costs one memory access for all 14 classes.
#[derive(Clone, Debug)]
pub(crate) struct TechniqueModel {
    pub hasher: FeatureHasher,
    pub weights: Q8Rows,
    pub biases: [f32; N_TECH],
}

impl TechniqueModel {
    pub fn from_heads(hasher: FeatureHasher, heads: &[LogisticRegression]) -> TechniqueModel {
        let mut biases = [0f32; N_TECH];
        for (b, h) in biases.iter_mut().zip(heads) {
            *b = h.bias;
        }
        let weights: Vec<&[f32]> = heads.iter().map(|h| h.weights.as_slice()).collect();
        TechniqueModel {
            hasher,
            weights: Q8Rows::from_heads(&weights),
            biases,
        }
    }

    pub fn heads(&self) -> Vec<LogisticRegression> {
        (0..N_TECH)
            .map(|c| LogisticRegression {
                weights: self.weights.head(c),
                bias: self.biases[c],
            })
            .collect()
    }

    /// Class probabilities of a span: the heads' sigmoids, normalised to sum to 1.
    pub fn probabilities(
        &self,
        text: &str,
        article: &ArticleTokens,
        start: usize,
        end: usize,
    ) -> [f32; N_TECH] {
        let mut acc = [0f32; ROW];
        let bits = self.hasher.config().bits;
        let offset = self.hasher.dense_names().len();
        // The character and word n-grams of the span text when the hasher has any,
        // block-normalised as FeatureHasher does.
        let cfg = self.hasher.config();
        if cfg.word_unigrams || cfg.word_bigrams || cfg.char_min > 0 {
            let (mut words, mut chars) = ([0f32; ROW], [0f32; ROW]);
            let (mut n_words, mut n_chars) = (0u32, 0u32);
            let mut add = |block: Block, index: u32| match block {
                Block::Word => {
                    n_words += 1;
                    self.weights.add(index as usize, 1.0, &mut words);
                }
                Block::Char => {
                    n_chars += 1;
                    self.weights.add(index as usize, 1.0, &mut chars);
                }
            };
            // Rows are prefetched when hashed and added (in order) a batch later, so
            // cache misses overlap.
            const BATCH: usize = 32;
            let mut pending = [(Block::Word, 0u32); BATCH];
            let mut n = 0;
            self.hasher
                .visit(text.get(start..end).unwrap_or(""), |block, index| {
                    self.weights.prefetch(index as usize);
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
            let ws = if n_words > 0 {
                cfg.word_weight / (n_words as f32).sqrt()
            } else {
                0.0
            };
            let cs = if n_chars > 0 {
                cfg.char_weight / (n_chars as f32).sqrt()
            } else {
                0.0
            };
            for c in 0..ROW {
                acc[c] += words[c] * ws + chars[c] * cs;
            }
        }
        // Same batching as above: prefetch when emitted, add (in order) later.
        // The adds of a full batch are out of line, so that what each of the
        // feature template's many emit sites runs is a few instructions.
        let mut pending = RowBatch::default();
        technique_features(text, article, start, end, |h, v| {
            let i = bucket(h, bits, offset);
            self.weights.prefetch(i);
            pending.push(i, v, &self.weights, &mut acc);
        });
        pending.add_all(&self.weights, &mut acc);
        let mut margins = self.biases;
        for (m, a) in margins.iter_mut().zip(acc) {
            *m += a;
        }
        let mut p = margins.map(sigmoid);
        let sum: f32 = p.iter().sum();
        if sum > 0.0 {
            p.iter_mut().for_each(|x| *x /= sum);
        }
        p
    }
}

/// Feature rows waiting to be added to a technique accumulator, in the order
/// they were emitted: a row is added a batch after its prefetch was issued, so
/// that cache misses overlap.
#[derive(Default)]
struct RowBatch {
    pending: [(usize, f32); RowBatch::LEN],
    n: usize,
}

impl RowBatch {
    const LEN: usize = 32;

    /// Queues row `i` with value `v`, first adding the queued rows to `acc`
    /// when the batch is full.
    #[inline(always)]
    fn push(&mut self, i: usize, v: f32, weights: &Q8Rows, acc: &mut [f32; ROW]) {
        if self.n == RowBatch::LEN {
            self.add_all(weights, acc);
        }
        self.pending[self.n] = (i, v);
        self.n += 1;
    }

    /// Adds the queued rows to `acc`, in order, and empties the batch.
    #[inline(never)]
    fn add_all(&mut self, weights: &Q8Rows, acc: &mut [f32; ROW]) {
        for &(i, v) in &self.pending[..self.n.min(RowBatch::LEN)] {
            weights.add(i, v, acc);
        }
        self.n = 0;
    }
}

/// The span-level propaganda technique detector. Immutable: share one between
/// threads.
#[derive(Clone, Debug)]
pub struct Propaganda {
    pub(crate) lexicon: Lexicon,
    pub(crate) sentence: Linear,
    pub(crate) token: Linear,
    /// The token model's weights of its few-valued features (made from `token`).
    pub(crate) static_weights: StaticWeights,
    pub(crate) technique: TechniqueModel,
    pub(crate) decoder: Decoder,
    pub(crate) metadata: Vec<(String, String)>,
}

/// The buffers of [`Propaganda::detect_with`], kept by the caller from one article
/// to the next so that they are not grown again for each. What they hold between
/// two calls means nothing: a used scratch gives the same spans as a new one.
#[derive(Default)]
pub struct DetectScratch {
    /// The sentences in text order.
    order: Vec<Span>,
    article: ArticleTokens,
    // Token range and info of each sentence.
    sentences: Vec<(usize, usize, SentenceInfo)>,
    sentence_probs: Vec<f32>,
    token_margins: Vec<f32>,
    spans: Vec<(usize, usize, f32)>,
    /// The token hashes the spans' technique features look up in the article.
    queries: Vec<u64>,
}

impl Propaganda {
    /// Loads a model written by [`Propaganda::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Propaganda, ModelError> {
        Propaganda::from_parts(read_container(bytes, Checksum::Verify)?)
    }

    /// [`Propaganda::from_bytes`] for a model compiled into the program (the
    /// shipped `models/propaganda.bin`), whose checksum a test verifies: the
    /// same model, without hashing its 3.3 MB at every start. Everything else
    /// (magic, version, lengths, each part's contents) is checked as
    /// `from_bytes` checks it; bytes read from a file take `from_bytes`.
    pub fn from_embedded_bytes(bytes: &[u8]) -> Result<Propaganda, ModelError> {
        Propaganda::from_parts(read_container(bytes, Checksum::Trust)?)
    }

    /// The model of [`Propaganda::from_bytes`] from its parts, each with the
    /// 8-bit weights of its heads as stored (`ModelFile::from_verified_bytes_q8`).
    fn from_parts(parts: Vec<(ModelFile, Vec<Q8Weights>)>) -> Result<Propaganda, ModelError> {
        let find = |kind: &str| {
            parts
                .iter()
                .find(|(m, _)| m.kind == kind)
                .ok_or_else(|| ModelError::Invalid(format!("no {kind} part")))
        };
        let stored = |raw: &'_ [Q8Weights], h: usize, head: &'_ Head| -> Result<Q8, ModelError> {
            let q8 = raw
                .get(h)
                .ok_or_else(|| ModelError::Invalid("a head without weights".into()))?;
            Ok(Q8::from_stored(Stored {
                q8,
                weights: &head.model.weights,
            }))
        };
        let linear = |(m, raw): &(ModelFile, Vec<Q8Weights>)| -> Result<Linear, ModelError> {
            let head = m
                .heads
                .first()
                .ok_or_else(|| ModelError::Invalid(format!("{} has no head", m.kind)))?;
            if !m.hasher.dense_names().is_empty() {
                return Err(ModelError::Invalid(format!(
                    "{} has dense features",
                    m.kind
                )));
            }
            Ok(Linear {
                space: m.hasher.clone(),
                bits: m.hasher.config().bits,
                weights: stored(raw, 0, head)?,
                bias: head.model.bias,
            })
        };
        let token_part = find(KIND_TOKEN)?;
        let token_file = &token_part.0;
        let sentence = linear(find(KIND_SENTENCE)?)?;
        let token = linear(token_part)?;
        let (tech_file, tech_raw) = find(KIND_TECHNIQUE)?;
        if tech_file.heads.len() != N_TECH {
            return Err(ModelError::Invalid(format!(
                "{} technique heads, expected {N_TECH}",
                tech_file.heads.len()
            )));
        }
        for (head, t) in tech_file.heads.iter().zip(Technique::ALL) {
            if head.name != t.name() {
                return Err(ModelError::Invalid(format!(
                    "technique head {:?} where {:?} was expected",
                    head.name,
                    t.name()
                )));
            }
        }
        let mut biases = [0f32; N_TECH];
        for (b, h) in biases.iter_mut().zip(&tech_file.heads) {
            *b = h.model.bias;
        }
        let mut heads = Vec::with_capacity(tech_file.heads.len());
        for (h, head) in tech_file.heads.iter().enumerate() {
            let q8 = tech_raw
                .get(h)
                .ok_or_else(|| ModelError::Invalid("a head without weights".into()))?;
            heads.push(Stored {
                q8,
                weights: &head.model.weights,
            });
        }
        let technique = TechniqueModel {
            hasher: tech_file.hasher.clone(),
            weights: Q8Rows::from_stored(&heads),
            biases,
        };
        let meta = |key: &str, default: f32| -> Result<f32, ModelError> {
            match token_file.meta(key) {
                None => Ok(default),
                Some(v) => v
                    .parse::<f32>()
                    .ok()
                    .filter(|x| x.is_finite())
                    .ok_or_else(|| ModelError::Invalid(format!("bad {key} {v:?}"))),
            }
        };
        let d = Decoder::default();
        let decoder = Decoder {
            threshold: meta("threshold", d.threshold)?,
            extend: meta("extend", d.extend)?,
            gap: meta("gap", d.gap as f32)?.clamp(0.0, 64.0) as usize,
            gate: meta("gate", d.gate)?,
        };
        Ok(Propaganda {
            lexicon: Lexicon::new(),
            sentence,
            static_weights: StaticWeights::new(&token),
            token,
            technique,
            decoder,
            metadata: token_file
                .metadata
                .iter()
                .filter(|(k, _)| !matches!(k.as_str(), "threshold" | "extend" | "gap" | "gate"))
                .cloned()
                .collect(),
        })
    }

    /// Serialises the model (8-bit weights). Deterministic.
    pub fn to_bytes(&self) -> Vec<u8> {
        let linear_file = |kind: &str, l: &Linear, metadata: Vec<(String, String)>| ModelFile {
            kind: kind.to_string(),
            metadata,
            hasher: l.space.clone(),
            heads: vec![Head {
                name: kind.to_string(),
                model: LogisticRegression {
                    weights: l.weights.to_f32(),
                    bias: l.bias,
                },
                calibrator: Calibrator::Identity,
                threshold: 0.5,
            }],
        };
        let mut meta = self.metadata.clone();
        let d = self.decoder;
        meta.push(("threshold".into(), format!("{}", d.threshold)));
        meta.push(("extend".into(), format!("{}", d.extend)));
        meta.push(("gap".into(), format!("{}", d.gap)));
        meta.push(("gate".into(), format!("{}", d.gate)));
        let technique = ModelFile {
            kind: KIND_TECHNIQUE.to_string(),
            metadata: vec![],
            hasher: self.technique.hasher.clone(),
            heads: self
                .technique
                .heads()
                .into_iter()
                .zip(Technique::ALL)
                .map(|(model, t)| Head {
                    name: t.name().to_string(),
                    model,
                    calibrator: Calibrator::Identity,
                    threshold: 0.5,
                })
                .collect(),
        };
        let parts = [
            linear_file(KIND_TOKEN, &self.token, meta),
            linear_file(KIND_SENTENCE, &self.sentence, vec![]),
            technique,
        ];
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&(parts.len() as u32).to_le_bytes());
        for p in &parts {
            let bytes = p.to_bytes(WeightEncoding::Q8);
            out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
            out.extend_from_slice(&bytes);
        }
        let sum = fnv1a64(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    /// Provenance and figures recorded at training time.
    pub fn metadata(&self) -> &[(String, String)] {
        &self.metadata
    }

    /// The span decoding parameters chosen at training time.
    pub fn decoder(&self) -> Decoder {
        self.decoder
    }

    /// Propaganda spans of `text`, looked for inside the given sentences (absolute
    /// byte offsets, e.g. from `crosscheck_segment::Segmenter`; pass all the
    /// sentences of one article in one call: the article's overall tone is a
    /// feature). Spans come sorted by start, never overlap, and never cross a
    /// sentence boundary.
    pub fn detect(&self, text: &str, sentences: &[Span]) -> Vec<TechniqueSpan> {
        self.detect_with(text, sentences, &mut DetectScratch::default())
    }

    /// [`Propaganda::detect`] with the buffers of `s`, which keeps them for the
    /// next article: the same spans, fewer trips to the allocator.
    pub fn detect_with(
        &self,
        text: &str,
        sentences: &[Span],
        s: &mut DetectScratch,
    ) -> Vec<TechniqueSpan> {
        self.tokenize_sorted(text, sentences, s);
        self.detect_tokenized(text, s)
    }

    /// The first half of [`Propaganda::detect_with`], for a caller whose other
    /// stages read the same sentences' tokens: cuts the sentences into `s` and
    /// hands their segmenter tokens to `shared`, sentence by sentence in the
    /// order given, so that `shared.tokens_of(i, ..)` answers for `sentences[i]`.
    /// [`Propaganda::detect_prepared`] with the same `text` and `s` then gives
    /// what `detect_with(text, sentences, s)` gives. Sentences out of text order
    /// or overlapping are cut as `detect_with` cuts them, and `shared` is left
    /// empty.
    pub fn prepare(
        &self,
        text: &str,
        sentences: &[Span],
        s: &mut DetectScratch,
        shared: &mut SentenceTokens,
    ) {
        shared.clear();
        if !in_text_order(sentences) {
            self.tokenize_sorted(text, sentences, s);
            return;
        }
        // In text order and disjoint, the sentences are cut in the order
        // `tokenize_sorted` would cut them, empty ones left out of the count.
        s.article.toks.clear();
        s.sentences.clear();
        s.article.toks.reserve(reserve_for(text, sentences));
        shared.reserve(reserve_for(text, sentences));
        let mut index = 0;
        for &sp in sentences {
            if sp.start < sp.end {
                let a = s.article.toks.len();
                tokenize(text, sp, &self.lexicon, &mut s.article.toks);
                let b = s.article.toks.len();
                shared.extend(s.article.toks[a..b].iter().map(|t| Token {
                    start: t.start,
                    end: t.end,
                    kind: t.kind,
                }));
                let info = SentenceInfo::new(index, text, &s.article.toks[a..b]);
                s.sentences.push((a, b, info));
                index += 1;
            }
            shared.end_sentence(text, sp);
        }
    }

    /// The second half of [`Propaganda::detect_with`], after
    /// [`Propaganda::prepare`] with the same `text` and `s`.
    pub fn detect_prepared(&self, text: &str, s: &mut DetectScratch) -> Vec<TechniqueSpan> {
        self.detect_tokenized(text, s)
    }

    /// The spans of the sentences tokenized into `s`.
    fn detect_tokenized(&self, text: &str, s: &mut DetectScratch) -> Vec<TechniqueSpan> {
        s.sentence_probs.clear();
        s.spans.clear();
        self.score_sentences(s);
        let pa = mean(&s.sentence_probs);
        for (k, &(a, b, info)) in s.sentences.iter().enumerate() {
            let ps = s.sentence_probs[k];
            if ps < self.decoder.gate || a == b {
                continue;
            }
            let toks = &s.article.toks[a..b];
            self.token_margins(text, toks, &info, ps, pa, &mut s.token_margins);
            self.decoder
                .decode(text, toks, &s.token_margins, &mut s.spans);
        }
        if !s.spans.is_empty() {
            s.queries.clear();
            for &(start, end, _) in &s.spans {
                s.queries
                    .extend(s.article.span_queries(start, end).into_iter().flatten());
            }
            s.article.index_for(&s.queries);
        }
        s.spans
            .iter()
            .map(|&(start, end, score)| {
                let p = self.technique.probabilities(text, &s.article, start, end);
                let (technique, technique_score) = best(&p);
                TechniqueSpan {
                    start,
                    end,
                    technique,
                    score,
                    technique_score,
                }
            })
            .collect()
    }

    /// The most likely technique of `span` of `text` and its probability. The whole
    /// `text` is context (repetition counts look at all of it).
    pub fn classify(&self, text: &str, span: Span) -> (Technique, f32) {
        best(&self.technique_probabilities(text, span))
    }

    /// The probability of each technique for `span`, in [`Technique::ALL`] order.
    pub fn technique_probabilities(&self, text: &str, span: Span) -> [f32; N_TECH] {
        let article = self.article_tokens(text);
        let end = span.end.min(text.len());
        self.technique
            .probabilities(text, &article, span.start.min(end), end)
    }

    pub(crate) fn article_tokens(&self, text: &str) -> ArticleTokens {
        let mut toks = Vec::new();
        tokenize(text, Span::new(0, text.len()), &self.lexicon, &mut toks);
        ArticleTokens::new(toks)
    }

    /// Tokenises the sentences into `s` (sorted, overlaps skipped), with what the
    /// models need to know of each beyond its tokens.
    fn tokenize_sorted(&self, text: &str, sentences: &[Span], s: &mut DetectScratch) {
        s.article.toks.clear();
        s.sentences.clear();
        let mut order = std::mem::take(&mut s.order);
        order.clear();
        order.extend_from_slice(sentences);
        order.sort_unstable_by_key(|x| (x.start, x.end));
        s.article.toks.reserve(reserve_for(text, &order));
        let mut last_end = 0;
        for (index, sp) in order
            .iter()
            .copied()
            .filter(|x| x.start < x.end)
            .enumerate()
        {
            if sp.start < last_end {
                continue;
            }
            last_end = sp.end;
            let a = s.article.toks.len();
            tokenize(text, sp, &self.lexicon, &mut s.article.toks);
            let b = s.article.toks.len();
            let info = SentenceInfo::new(index, text, &s.article.toks[a..b]);
            s.sentences.push((a, b, info));
        }
        s.order = order;
    }

    /// Scores each sentence tokenized into `s`.
    fn score_sentences(&self, s: &mut DetectScratch) {
        for &(a, b, info) in &s.sentences {
            let p = sigmoid(self.sentence_margin(&s.article.toks[a..b], &info));
            s.sentence_probs.push(p);
        }
    }

    /// The sentence model's margin (log-odds) of one sentence: the weights of
    /// [`sentence_features`] added in the order it emits them.
    pub(crate) fn sentence_margin(&self, toks: &[Tok], info: &SentenceInfo) -> f32 {
        // A token's two weights are prefetched when its features are hashed,
        // SENTENCE_AHEAD tokens before they are added (misses overlap); the
        // scale is the same for every token's features, so only the weight
        // indices wait in the ring.
        let scale = sentence_scale(toks.len());
        let indices = |prev: u64, t: &Tok| {
            sentence_token_features(prev, t.hash).map(|h| {
                let w = self.sentence.index(h);
                self.sentence.weights.prefetch(w);
                w
            })
        };
        let mut ring = [[0usize; 2]; SENTENCE_AHEAD];
        let mut prev = SENTENCE_FIRST_PREV;
        for (slot, t) in ring.iter_mut().zip(toks) {
            *slot = indices(prev, t);
            prev = t.hash;
        }
        let mut z = self.sentence.bias;
        for (i, t) in toks.iter().enumerate() {
            let slot = &mut ring[i % SENTENCE_AHEAD];
            for &w in slot.iter() {
                z += self.sentence.weights.get(w) * scale;
            }
            if let Some(ahead) = toks.get(i + SENTENCE_AHEAD) {
                let before = toks.get(i + SENTENCE_AHEAD - 1).map_or(t.hash, |p| p.hash);
                *slot = indices(before, ahead);
            }
        }
        sentence_tail_features(toks, info, |h, v| {
            z += self.sentence.weight(h) * v;
        });
        z
    }

    /// Token margins (log-odds) of one sentence into `out`.
    pub(crate) fn token_margins(
        &self,
        text: &str,
        toks: &[Tok],
        info: &SentenceInfo,
        ps: f32,
        pa: f32,
        out: &mut Vec<f32>,
    ) {
        out.clear();
        let mut base = self.token.bias;
        sentence_context_features(toks.len(), info, ps, pa, |h, v| {
            base += self.token.weight(h) * v
        });
        // A token's word features hit random rows of the table: they are hashed
        // PREFETCH tokens ahead, their rows fetched while the tokens before are
        // scored, and the hashes kept until the token's turn (same sums, same order).
        // The context features' weights, fetched once for the sentence.
        let context = self.static_weights.context(&self.token, ps);
        // Tokens are filled in order, so whether each is quoted is read as it
        // is filled (what `quoted` gives, without a pass of its own).
        let n = toks.len();
        let mut quotes = QuoteState::default();
        let mut ring = [StaticFeatures::default(); PREFETCH + 1];
        for (j, (row, t)) in ring.iter_mut().zip(toks).take(PREFETCH).enumerate() {
            row.fill(self, toks, j, quotes.next(text, t));
        }
        for i in 0..n {
            if let Some(t) = toks.get(i + PREFETCH) {
                let j = i + PREFETCH;
                ring[j % (PREFETCH + 1)].fill(self, toks, j, quotes.next(text, t));
            }
            let static_features = &ring[i % (PREFETCH + 1)];
            let z = static_features.add(self, base);
            let z = context.add(&self.token, z, &toks[i], static_features.few.place);
            out.push(z);
        }
    }
}

/// One token's static features as the scorer needs them: the few-valued parts
/// (see [`TokenStatic`]) and the weight indices of its word and suffix features,
/// each mapped to its bucket once, when its weight is prefetched, not again
/// when the weight is read. The other features' weights come from the model's
/// [`StaticWeights`]. The word and suffix hashes themselves are not kept: only
/// their buckets are read again.
#[derive(Clone, Copy, Default)]
struct StaticFeatures {
    few: FewValued,
    /// The buckets of the token's [`TokenStatic::words`].
    words: [usize; 5],
    /// The bucket of its [`TokenStatic::suffix`].
    suffix: Option<usize>,
}

impl StaticFeatures {
    /// Hashes token `j`'s static features and prefetches the weights of those
    /// spread over the table.
    #[inline]
    fn fill(&mut self, model: &Propaganda, toks: &[Tok], j: usize, in_quote: bool) {
        let parts = TokenStatic::of(toks, j, in_quote);
        self.few = parts.few();
        for (w, &h) in self.words.iter_mut().zip(&parts.words) {
            *w = model.token.index(h);
            model.token.weights.prefetch(*w);
        }
        self.suffix = parts.suffix.map(|h| {
            let w = model.token.index(h);
            model.token.weights.prefetch(w);
            w
        });
    }

    /// `z` plus the weights of the features, in the order
    /// [`crate::features::token_static_features`] emits them.
    #[inline]
    fn add(&self, model: &Propaganda, mut z: f32) -> f32 {
        for &w in &self.words {
            z += model.token.weights.get(w);
        }
        let suffix = self.suffix.map(|w| model.token.weights.get(w));
        model.static_weights.add(&model.token, z, &self.few, suffix)
    }
}

/// Whether the non-empty `sentences` are in text order and disjoint: then they
/// are cut in the order given, as sorting them would order them.
fn in_text_order(sentences: &[Span]) -> bool {
    let mut last_end = 0;
    for sp in sentences.iter().filter(|x| x.start < x.end) {
        if sp.start < last_end {
            return false;
        }
        last_end = sp.end;
    }
    true
}

/// Tokens to reserve for `sentences`: about one per four bytes of sentence text
/// (news prose runs near five), so that the token vector is not copied as it
/// grows. Capped by the text: a caller's spans may overlap or run past it.
fn reserve_for(text: &str, sentences: &[Span]) -> usize {
    let bytes = sentences
        .iter()
        .fold(0usize, |n, x| {
            n.saturating_add(x.end.saturating_sub(x.start))
        })
        .min(text.len());
    bytes / 4
}

fn mean(xs: &[f32]) -> f32 {
    if xs.is_empty() {
        0.0
    } else {
        xs.iter().sum::<f32>() / xs.len() as f32
    }
}

fn best(p: &[f32; N_TECH]) -> (Technique, f32) {
    let mut k = 0;
    for c in 1..N_TECH {
        if p[c] > p[k] {
            k = c;
        }
    }
    (Technique::ALL[k], p[k])
}

/// A hasher that only carries the size of a hashed space (the sentence and token
/// models compute their own features).
pub(crate) fn hashed_space(bits: u8) -> Result<FeatureHasher, crosscheck_learn::ConfigError> {
    let config = HasherConfig {
        bits,
        word_unigrams: false,
        word_bigrams: false,
        char_min: 0,
        char_max: 0,
        ..HasherConfig::default()
    };
    FeatureHasher::new(config, vec![])
}

/// Whether [`read_container`] computes and checks the container's checksum.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Checksum {
    Verify,
    /// Bytes compiled into the program, verified by a test.
    Trust,
}

fn read_container(
    bytes: &[u8],
    checksum: Checksum,
) -> Result<Vec<(ModelFile, Vec<Q8Weights>)>, ModelError> {
    let bad = |m: &str| ModelError::Container(m.to_string());
    if bytes.len() < 4 || &bytes[..4] != MAGIC {
        return Err(bad("not a propaganda model (bad magic)"));
    }
    if bytes.len() < 4 + 2 + 4 + 8 {
        return Err(bad("truncated"));
    }
    let (body, tail) = bytes.split_at(bytes.len() - 8);
    let mut sum = [0u8; 8];
    sum.copy_from_slice(tail);
    if checksum == Checksum::Verify && fnv1a64(body) != u64::from_le_bytes(sum) {
        return Err(bad("checksum mismatch (damaged file)"));
    }
    let version = u16::from_le_bytes([body[4], body[5]]);
    if version != VERSION {
        return Err(ModelError::Container(format!(
            "format version {version} is not supported (this build reads {VERSION})"
        )));
    }
    let u32_at = |pos: usize| -> Option<usize> {
        let b = body.get(pos..pos + 4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    };
    let n = u32_at(6).ok_or_else(|| bad("truncated part count"))?;
    if n > 16 {
        return Err(bad("too many parts"));
    }
    let mut pos = 10;
    let mut parts = Vec::with_capacity(n);
    for _ in 0..n {
        let len = u32_at(pos).ok_or_else(|| bad("truncated part length"))?;
        pos += 4;
        let part = body
            .get(pos..pos.saturating_add(len))
            .ok_or_else(|| bad("truncated part"))?;
        // The container's checksum (verified above, or by a test of the
        // embedded model) covers the part's bytes: the part's own is not
        // computed again (3.3 MB of hashing at each start).
        parts.push(ModelFile::from_verified_bytes_q8(part)?);
        pos += len;
    }
    if pos != body.len() {
        return Err(bad("unexpected bytes after the last part"));
    }
    Ok(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The embedded model's parts are the checked ones; only a damaged checksum
    /// tells the two readings apart.
    #[test]
    fn embedded_bytes_read_as_checked_ones_without_the_checksum() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../models/propaganda.bin");
        let bytes = std::fs::read(path).expect("models/propaganda.bin");
        assert_eq!(
            read_container(&bytes, Checksum::Trust).unwrap(),
            read_container(&bytes, Checksum::Verify).unwrap()
        );
        let mut damaged = bytes.clone();
        let last = damaged.len() - 1;
        damaged[last] ^= 1;
        assert!(Propaganda::from_bytes(&damaged).is_err());
        assert!(Propaganda::from_embedded_bytes(&damaged).is_ok());
        assert!(Propaganda::from_embedded_bytes(&bytes[..bytes.len() / 2]).is_err());
    }

    #[test]
    fn the_shipped_model_loads_its_stored_weights_as_requantised_ones() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../models/propaganda.bin");
        let bytes = std::fs::read(path).expect("models/propaganda.bin");
        let parts = read_container(&bytes, Checksum::Verify).unwrap();
        // The definition: every weight read as `f32` (as `ModelFile::from_bytes`
        // reads it) and quantised again.
        let mut as_f32 = Vec::new();
        let mut blocks = 0;
        for (mut m, raw) in parts.clone() {
            for (head, q8) in m.heads.iter_mut().zip(&raw) {
                assert!(head.model.weights.is_empty() && !q8.q.is_empty());
                head.model.weights =
                    q8.q.iter()
                        .enumerate()
                        .map(|(i, &v)| f32::from(v) * q8.scales[i / crosscheck_learn::Q8_BLOCK_LEN])
                        .collect();
                blocks += q8.scales.len();
            }
            let n = m.heads.len();
            as_f32.push((m, vec![Q8Weights::default(); n]));
        }
        assert!(blocks > 10_000, "{blocks} blocks");
        let stored = Propaganda::from_parts(parts).unwrap();
        let definition = Propaganda::from_parts(as_f32).unwrap();
        assert!(stored.sentence == definition.sentence);
        assert!(stored.token == definition.token);
        assert!(stored.technique.weights == definition.technique.weights);
        assert_eq!(stored.technique.biases, definition.technique.biases);
    }

    /// [`Decoder::decode`] as it was written first: every seeded run listed
    /// (merged with the one before when close), then each made a span.
    fn decode_reference(
        d: &Decoder,
        text: &str,
        toks: &[Tok],
        margins: &[f32],
        out: &mut Vec<(usize, usize, f32)>,
    ) {
        let (seed, extend) = (logit(d.threshold), logit(d.extend));
        let n = toks.len().min(margins.len());
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        while i < n {
            if margins[i] < extend {
                i += 1;
                continue;
            }
            let mut j = i;
            let mut seeded = false;
            while j < n && margins[j] >= extend {
                seeded |= margins[j] >= seed;
                j += 1;
            }
            if seeded {
                match runs.last_mut() {
                    Some(last) if i - last.1 <= d.gap => last.1 = j,
                    _ => runs.push((i, j)),
                }
            }
            i = j;
        }
        for (a, b) in runs {
            let (start, end) = trim_boundaries(text, toks[a].start, toks[b - 1].end);
            if start < end {
                let mean = margins[a..b].iter().map(|&z| sigmoid(z)).sum::<f32>() / (b - a) as f32;
                out.push((start, end, mean));
            }
        }
    }

    #[test]
    fn decoding_run_by_run_gives_the_spans_of_the_listed_runs() {
        let text = "they are corrupt , lying traitors , he said . . the , regime ; lies !";
        let lex = Lexicon::new();
        let mut toks = Vec::new();
        tokenize(text, Span::new(0, text.len()), &lex, &mut toks);
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut spans = 0;
        for round in 0..2000 {
            let margins: Vec<f32> = (0..toks.len() - round % 3)
                .map(|_| {
                    x = x
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1_442_695_040_888_963_407);
                    ((x >> 40) as f32 / (1u64 << 24) as f32) * 6.0 - 3.0
                })
                .collect();
            let d = Decoder {
                threshold: [0.5, 0.7, 0.9][round % 3],
                extend: [0.3, 0.5, 0.7][round / 3 % 3],
                gap: round / 9 % 4,
                gate: 0.0,
            };
            let (mut got, mut want) = (Vec::new(), Vec::new());
            d.decode(text, &toks, &margins, &mut got);
            decode_reference(&d, text, &toks, &margins, &mut want);
            assert_eq!(got, want, "{d:?} {margins:?}");
            spans += got.len();
        }
        assert!(spans > 1000, "{spans} spans");
    }

    fn spans(d: &Decoder, text: &str, probs: &[f32]) -> Vec<String> {
        let lex = Lexicon::new();
        let mut toks = Vec::new();
        tokenize(text, Span::new(0, text.len()), &lex, &mut toks);
        let margins: Vec<f32> = probs.iter().map(|&p| logit(p)).collect();
        let mut out = Vec::new();
        d.decode(text, &toks, &margins, &mut out);
        out.iter()
            .map(|&(a, b, _)| text[a..b].to_string())
            .collect()
    }

    /// The shipped model, `models/propaganda.bin`.
    fn shipped_model() -> Propaganda {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../models/propaganda.bin");
        let bytes = std::fs::read(path).expect("models/propaganda.bin");
        Propaganda::from_bytes(&bytes).expect("the shipped model")
    }

    /// A loaded sentence, an empty text and every file of the sample corpus.
    fn sample_texts() -> Vec<String> {
        let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/corpus");
        let mut texts: Vec<String> = vec![
            "They are corrupt, lying traitors! We must fight them now. \"Never\" again.".into(),
            String::new(),
        ];
        let mut paths: Vec<_> = std::fs::read_dir(corpus)
            .expect("examples/corpus")
            .map(|e| e.expect("entry").path())
            .collect();
        paths.sort();
        for p in paths {
            texts.push(std::fs::read_to_string(p).unwrap_or_default());
        }
        texts
    }

    #[test]
    fn sentence_and_token_margins_equal_the_feature_by_feature_sums() {
        // The definition `sentence_margin` and `token_margins` speed up: every
        // feature hashed and its weight added, in the order the features are
        // emitted.
        let (model, texts) = (shipped_model(), sample_texts());
        let (mut quoted_buf, mut out) = (Vec::new(), Vec::new());
        let mut n = 0;
        for text in &texts {
            let sentences =
                crosscheck_segment::Segmenter::new().sentences(text, Span::new(0, text.len()));
            for (k, sp) in sentences.iter().enumerate() {
                let mut toks = Vec::new();
                tokenize(text, *sp, &model.lexicon, &mut toks);
                let info = SentenceInfo::new(k, text, &toks);
                let mut sentence = model.sentence.bias;
                sentence_features(&toks, &info, |h, v| {
                    sentence += model.sentence.weight(h) * v
                });
                assert_eq!(
                    model.sentence_margin(&toks, &info).to_bits(),
                    sentence.to_bits()
                );
                for ps in [0.0, 0.05, 0.31, 0.5, 0.77, 0.999, 1.0] {
                    let pa = 0.4;
                    model.token_margins(text, &toks, &info, ps, pa, &mut out);
                    let mut base = model.token.bias;
                    sentence_context_features(toks.len(), &info, ps, pa, |h, v| {
                        base += model.token.weight(h) * v
                    });
                    quoted(text, &toks, &mut quoted_buf);
                    let reference: Vec<f32> = (0..toks.len())
                        .map(|i| {
                            let mut z = base;
                            token_static_features(&toks, i, quoted_buf[i], |h| {
                                z += model.token.weight(h)
                            });
                            token_context_features(&toks, i, ps, |h| z += model.token.weight(h));
                            z
                        })
                        .collect();
                    let bits = |v: &[f32]| v.iter().map(|z| z.to_bits()).collect::<Vec<_>>();
                    assert_eq!(
                        bits(&out),
                        bits(&reference),
                        "{:?}",
                        &text[sp.start..sp.end]
                    );
                    n += out.len();
                }
            }
        }
        assert!(n > 10_000, "{n} token margins");
    }

    #[test]
    fn a_used_scratch_gives_the_spans_of_a_new_one() {
        let (model, texts) = (shipped_model(), sample_texts());
        let mut scratch = DetectScratch::default();
        let mut found = 0;
        // Twice over, so that every text also meets a scratch a longer one used.
        for text in texts.iter().chain(texts.iter().rev()) {
            let sentences =
                crosscheck_segment::Segmenter::new().sentences(text, Span::new(0, text.len()));
            let fresh = model.detect(text, &sentences);
            assert_eq!(model.detect_with(text, &sentences, &mut scratch), fresh);
            found += fresh.len();
        }
        assert!(found > 0);
    }

    #[test]
    fn prepared_sentences_give_the_spans_and_share_the_tokens_of_the_scan() {
        let (model, texts) = (shipped_model(), sample_texts());
        let (mut scratch, mut shared) = (DetectScratch::default(), SentenceTokens::default());
        let (mut found, mut shared_sentences) = (0, 0);
        for text in &texts {
            let sentences =
                crosscheck_segment::Segmenter::new().sentences(text, Span::new(0, text.len()));
            // The segmenter's sentences; with an empty one; reversed, and
            // overlapping (neither in text order: nothing shared).
            let mut with_empty = sentences.clone();
            with_empty.insert(with_empty.len() / 2, Span::new(7, 7));
            let mut overlapping = sentences.clone();
            if let Some(&first) = sentences.first() {
                overlapping.push(Span::new(first.start, first.end + 3));
            }
            let reversed: Vec<Span> = sentences.iter().rev().copied().collect();
            for (spans, in_order) in [
                (&sentences, true),
                (&with_empty, true),
                (&reversed, sentences.len() < 2),
                (&overlapping, sentences.is_empty()),
            ] {
                let want = model.detect(text, spans);
                model.prepare(text, spans, &mut scratch, &mut shared);
                assert_eq!(model.detect_prepared(text, &mut scratch), want);
                found += want.len();
                if !in_order {
                    assert!(shared.is_empty());
                    continue;
                }
                assert_eq!(shared.len(), spans.len());
                for (i, &span) in spans.iter().enumerate() {
                    let cut: Vec<_> = crosscheck_segment::tokens(text, span).collect();
                    assert_eq!(shared.tokens_of(i, text, span), Some(cut.as_slice()));
                    shared_sentences += 1;
                }
            }
        }
        assert!(
            found > 0 && shared_sentences > 100,
            "{found} {shared_sentences}"
        );
    }

    #[test]
    fn decoding_seeds_extends_merges_and_trims() {
        let text = "they are corrupt , lying traitors , he said .";
        //          they are  corrupt ,    lying traitors ,    he   said .
        let p = [0.1, 0.2, 0.9, 0.35, 0.5, 0.8, 0.35, 0.1, 0.1, 0.1];
        let d = Decoder {
            threshold: 0.7,
            extend: 0.3,
            gap: 0,
            gate: 0.0,
        };
        // One run from "corrupt" to the comma after "traitors", trimmed of it.
        assert_eq!(spans(&d, text, &p), ["corrupt , lying traitors"]);
        let strict = Decoder { extend: 0.7, ..d };
        assert_eq!(spans(&strict, text, &p), ["corrupt", "traitors"]);
        // A gap of up to two tokens merges them again.
        let merging = Decoder { gap: 2, ..strict };
        assert_eq!(spans(&merging, text, &p), ["corrupt , lying traitors"]);
        // A run without a seed is no span.
        let none = Decoder {
            threshold: 0.95,
            ..d
        };
        assert!(spans(&none, text, &p).is_empty());
    }
}
