//! Training, cross-validation and evaluation with the official scorers.
//!
//! [`train`] fits the three models on labelled articles:
//!
//! 1. the sentence model, plus its out-of-fold scores on the training articles
//!    (inner grouped folds), so that the token model learns from sentence scores as
//!    noisy as those it will see on new text;
//! 2. the token model; inner out-of-fold token probabilities choose the decoder
//!    (threshold, extension, gap, gate) that maximises the official SI F1;
//! 3. the technique model, on every gold span with its technique.
//!
//! The weights go through the 8-bit file format before the model is returned, so a
//! trained model behaves exactly like the same model loaded from bytes. Everything
//! is single-threaded with fixed seeds: the same articles and [`TrainConfig`] give
//! the same bytes.
//!
//! [`cross_validate`] runs that whole procedure on k−1 folds of articles (grouped by
//! text, so duplicates never straddle a split) and scores the held-out fold through
//! the public [`Propaganda::detect`] and technique labelling, pooling all folds.

use std::collections::BTreeMap;
use std::fmt;

use crosscheck_learn::{
    grouped_kfold, train_logistic, ConfigError, FeatureHasher, HasherConfig, LogisticRegression,
    OneVsRest, SgdConfig, SparseVector,
};
use crosscheck_schema::Span;
use crosscheck_segment::Segmenter;

use crate::corpus::{annotations_of, content_groups, Annotation, Article, CharIndex};
use crate::features::{
    bucket, quoted, sentence_context_features, sentence_features, technique_features,
    token_context_features, token_static_features, ArticleTokens, SentenceInfo,
};
use crate::lexicon::Lexicon;
use crate::model::{hashed_space, Decoder, Linear, ModelError, Propaganda, TechniqueModel};
use crate::scorer::{
    merge_overlapping, score_si, score_tc, si_recall_by_technique, SiScore, TcScore,
};
use crate::static_weights::StaticWeights;
use crate::technique::Technique;
use crate::tokens::{tokenize, Tok};
use crate::weights::Q8;

/// Hyper-parameters of [`train`]. The defaults are the shipped configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainConfig {
    /// `2^bits` weights of the sentence model.
    pub sentence_bits: u8,
    /// `2^bits` weights of the token model.
    pub token_bits: u8,
    /// Span-text n-grams of the technique model (its `bits` sets its size).
    pub technique_hasher: HasherConfig,
    pub sentence_sgd: SgdConfig,
    pub token_sgd: SgdConfig,
    pub technique_sgd: SgdConfig,
    /// Inner folds for the out-of-fold sentence scores and the decoder choice.
    pub inner_folds: usize,
    /// Gates tried (sentences below are skipped); the largest whose inner SI F1 is
    /// within `gate_tolerance` of the best is kept, for speed.
    pub gates: Vec<f32>,
    pub gate_tolerance: f64,
    /// Seed of the fold assignments.
    pub seed: u64,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig {
            sentence_bits: 18,
            token_bits: 20,
            technique_hasher: HasherConfig {
                bits: 17,
                word_unigrams: false,
                word_bigrams: false,
                char_min: 0,
                char_max: 0,
                fold_digits: true,
                symbols: true,
                word_weight: 1.0,
                char_weight: 0.5,
            },
            sentence_sgd: SgdConfig {
                epochs: 8,
                learning_rate: 0.1,
                l2: 1e-4,
                ..SgdConfig::default()
            },
            token_sgd: SgdConfig {
                epochs: 5,
                learning_rate: 0.05,
                l2: 1e-5,
                ..SgdConfig::default()
            },
            technique_sgd: SgdConfig {
                epochs: 10,
                learning_rate: 0.1,
                l2: 1e-5,
                ..SgdConfig::default()
            },
            inner_folds: 3,
            gates: vec![0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4],
            gate_tolerance: 0.002,
            seed: 0x9_0a9a,
        }
    }
}

/// Why training failed.
#[derive(Clone, Debug, PartialEq)]
pub enum TrainError {
    Config(ConfigError),
    Model(ModelError),
    /// Nothing to learn from.
    NoData,
}

impl fmt::Display for TrainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TrainError::Config(e) => write!(f, "{e}"),
            TrainError::Model(e) => write!(f, "{e}"),
            TrainError::NoData => write!(
                f,
                "no articles to train on (in cross-validation: near-duplicate texts share a \
                 fold, so too few distinct texts leave a fold without training data)"
            ),
        }
    }
}

impl std::error::Error for TrainError {}

impl From<ConfigError> for TrainError {
    fn from(e: ConfigError) -> TrainError {
        TrainError::Config(e)
    }
}

impl From<ModelError> for TrainError {
    fn from(e: ModelError) -> TrainError {
        TrainError::Model(e)
    }
}

/// One sentence of a prepared article.
struct PSentence {
    /// Token range in `PArticle::toks`.
    a: usize,
    b: usize,
    info: SentenceInfo,
    features: SparseVector,
    label: bool,
}

/// An article turned into model inputs once, for every fold that uses it.
struct PArticle {
    toks: Vec<Tok>,
    token_labels: Vec<bool>,
    /// Static token features: `static_index[static_at[i]..static_at[i + 1]]`.
    static_index: Vec<u32>,
    static_at: Vec<usize>,
    sentences: Vec<PSentence>,
    /// Merged gold spans (bytes).
    gold: Vec<(usize, usize)>,
    /// Technique examples: features and class.
    techniques: Vec<(SparseVector, u32)>,
}

struct Prepared {
    articles: Vec<PArticle>,
    groups: Vec<u32>,
}

fn prepare(articles: &[Article], config: &TrainConfig, tech_hasher: &FeatureHasher) -> Prepared {
    let lexicon = Lexicon::new();
    let segmenter = Segmenter::new();
    let mut quoted_buf = Vec::new();
    let tech_bits = tech_hasher.config().bits;
    let prepared = articles
        .iter()
        .map(|art| {
            let text = art.text.as_str();
            let gold = merge_overlapping(art.spans.iter().map(|s| (s.start, s.end)).collect());
            let mut toks = Vec::new();
            let mut sentences = Vec::new();
            for (index, sp) in segmenter
                .sentences(text, Span::new(0, text.len()))
                .into_iter()
                .enumerate()
            {
                let a = toks.len();
                tokenize(text, sp, &lexicon, &mut toks);
                let b = toks.len();
                let info = SentenceInfo::new(index, text, &toks[a..b]);
                let mut features = SparseVector::new();
                sentence_features(&toks[a..b], &info, |h, v| {
                    features.push(bucket(h, config.sentence_bits, 0) as u32, v)
                });
                features.compact();
                let label = gold.iter().any(|&(s, e)| s < sp.end && sp.start < e);
                sentences.push(PSentence {
                    a,
                    b,
                    info,
                    features,
                    label,
                });
            }
            let token_labels = toks.iter().map(|t| token_label(t, &gold)).collect();
            let mut static_index = Vec::new();
            let mut static_at = vec![0];
            for s in &sentences {
                let st = &toks[s.a..s.b];
                quoted(text, st, &mut quoted_buf);
                for (i, &in_quote) in quoted_buf.iter().enumerate().take(st.len()) {
                    token_static_features(st, i, in_quote, |h| {
                        static_index.push(bucket(h, config.token_bits, 0) as u32)
                    });
                    static_at.push(static_index.len());
                }
            }
            let article_tokens = article_tokens(text, &lexicon);
            let techniques = art
                .spans
                .iter()
                .filter_map(|s| {
                    let t = s.technique?;
                    let v = technique_vector(
                        tech_hasher,
                        tech_bits,
                        text,
                        &article_tokens,
                        s.start,
                        s.end,
                    );
                    Some((v, t.index() as u32))
                })
                .collect();
            PArticle {
                toks,
                token_labels,
                static_index,
                static_at,
                sentences,
                gold,
                techniques,
            }
        })
        .collect();
    Prepared {
        articles: prepared,
        groups: content_groups(articles),
    }
}

fn article_tokens(text: &str, lexicon: &Lexicon) -> ArticleTokens {
    let mut toks = Vec::new();
    tokenize(text, Span::new(0, text.len()), lexicon, &mut toks);
    ArticleTokens::new(toks)
}

/// A token is inside a span when at least half of its bytes are.
fn token_label(t: &Tok, gold: &[(usize, usize)]) -> bool {
    let len = t.end - t.start;
    let inside: usize = gold
        .iter()
        .filter(|&&(s, e)| s < t.end && t.start < e)
        .map(|&(s, e)| e.min(t.end) - s.max(t.start))
        .sum();
    inside * 2 >= len && inside > 0
}

fn technique_vector(
    hasher: &FeatureHasher,
    bits: u8,
    text: &str,
    article: &ArticleTokens,
    start: usize,
    end: usize,
) -> SparseVector {
    let mut v = SparseVector::new();
    let cfg = hasher.config();
    if cfg.word_unigrams || cfg.word_bigrams || cfg.char_min > 0 {
        hasher.featurize(text.get(start..end).unwrap_or(""), &[], &mut v);
    }
    let offset = hasher.dense_names().len();
    technique_features(text, article, start, end, |h, x| {
        v.push(bucket(h, bits, offset) as u32, x)
    });
    v.compact();
    v
}

/// Inner folds over a subset of articles (`subset[i]` indexes `prepared`).
fn inner_folds(prepared: &Prepared, subset: &[usize], k: usize, seed: u64) -> Vec<u32> {
    let groups: Vec<u32> = subset.iter().map(|&i| prepared.groups[i]).collect();
    let zeros = vec![0u32; subset.len()];
    grouped_kfold(&groups, &zeros, k, seed).fold_of
}

fn train_sentence_model(
    prepared: &Prepared,
    articles: &[usize],
    config: &TrainConfig,
) -> LogisticRegression {
    let mut xs = Vec::new();
    let mut ys = Vec::new();
    for &i in articles {
        for s in &prepared.articles[i].sentences {
            xs.push(s.features.clone());
            ys.push(s.label);
        }
    }
    train_logistic(
        1 << config.sentence_bits,
        &xs,
        &ys,
        None,
        &config.sentence_sgd,
    )
}

/// Token vectors of the given articles, with sentence scores `ps[article][sentence]`.
fn token_vectors(
    prepared: &Prepared,
    articles: &[usize],
    ps: &BTreeMap<usize, Vec<f32>>,
    bits: u8,
    with_labels: bool,
) -> (Vec<SparseVector>, Vec<bool>) {
    let mut xs = Vec::new();
    let mut ys = Vec::new();
    for &i in articles {
        let art = &prepared.articles[i];
        let probs = ps.get(&i).map(Vec::as_slice).unwrap_or(&[]);
        let pa = mean(probs);
        for (k, s) in art.sentences.iter().enumerate() {
            let p = probs.get(k).copied().unwrap_or(0.0);
            let st = &art.toks[s.a..s.b];
            let mut shared = Vec::new();
            sentence_context_features(st.len(), &s.info, p, pa, |h, x| {
                shared.push((bucket(h, bits, 0) as u32, x))
            });
            for j in 0..st.len() {
                let t = s.a + j;
                let mut v = SparseVector::new();
                for &ix in &art.static_index[art.static_at[t]..art.static_at[t + 1]] {
                    v.push(ix, 1.0);
                }
                for &(ix, x) in &shared {
                    v.push(ix, x);
                }
                token_context_features(st, j, p, |h| v.push(bucket(h, bits, 0) as u32, 1.0));
                xs.push(v);
                if with_labels {
                    ys.push(art.token_labels[t]);
                }
            }
        }
    }
    (xs, ys)
}

fn mean(xs: &[f32]) -> f32 {
    if xs.is_empty() {
        0.0
    } else {
        xs.iter().sum::<f32>() / xs.len() as f32
    }
}

fn margin(model: &LogisticRegression, x: &SparseVector) -> f32 {
    model.margin(x)
}

/// Trains the detector on labelled articles (byte offsets; see
/// [`crate::read_training_corpus`]). Deterministic.
pub fn train(articles: &[Article], config: &TrainConfig) -> Result<Propaganda, TrainError> {
    let tech_hasher = FeatureHasher::new(config.technique_hasher.clone(), vec![])?;
    // Validate the sizes before the work.
    hashed_space(config.sentence_bits)?;
    hashed_space(config.token_bits)?;
    let prepared = prepare(articles, config, &tech_hasher);
    let all: Vec<usize> = (0..articles.len()).collect();
    let mut model = train_prepared(&prepared, &all, config, &tech_hasher, articles)?;
    model.metadata = vec![
        ("articles".into(), articles.len().to_string()),
        (
            "gold_spans".into(),
            articles
                .iter()
                .map(|a| a.spans.len())
                .sum::<usize>()
                .to_string(),
        ),
    ];
    // Through the file format, so the model in hand is the one that ships.
    Ok(Propaganda::from_bytes(&model.to_bytes())?)
}

fn train_prepared(
    prepared: &Prepared,
    subset: &[usize],
    config: &TrainConfig,
    tech_hasher: &FeatureHasher,
    articles: &[Article],
) -> Result<Propaganda, TrainError> {
    if subset.is_empty() {
        return Err(TrainError::NoData);
    }
    let k = config.inner_folds.max(2);
    let fold_of = inner_folds(prepared, subset, k, config.seed ^ 0x1);

    // 1. Out-of-fold sentence probabilities, then the sentence model on everything.
    let mut ps_oof: BTreeMap<usize, Vec<f32>> = BTreeMap::new();
    for f in 0..k {
        let train_part: Vec<usize> = subset
            .iter()
            .zip(&fold_of)
            .filter(|(_, &g)| g as usize != f)
            .map(|(&i, _)| i)
            .collect();
        let sm = train_sentence_model(prepared, &train_part, config);
        for (&i, _) in subset
            .iter()
            .zip(&fold_of)
            .filter(|(_, &g)| g as usize == f)
        {
            let probs = prepared.articles[i]
                .sentences
                .iter()
                .map(|s| crosscheck_learn::sigmoid(margin(&sm, &s.features)))
                .collect();
            ps_oof.insert(i, probs);
        }
    }
    let sentence = train_sentence_model(prepared, subset, config);

    // 2. Inner out-of-fold token margins choose the decoder.
    let bits = config.token_bits;
    let dim = 1usize << bits;
    let mut token_oof: BTreeMap<usize, Vec<f32>> = BTreeMap::new();
    for f in 0..k {
        let train_part: Vec<usize> = subset
            .iter()
            .zip(&fold_of)
            .filter(|(_, &g)| g as usize != f)
            .map(|(&i, _)| i)
            .collect();
        let (xs, ys) = token_vectors(prepared, &train_part, &ps_oof, bits, true);
        let tm = train_logistic(dim, &xs, &ys, None, &config.token_sgd);
        drop(xs);
        for (&i, _) in subset
            .iter()
            .zip(&fold_of)
            .filter(|(_, &g)| g as usize == f)
        {
            let (xs, _) = token_vectors(prepared, &[i], &ps_oof, bits, false);
            token_oof.insert(i, xs.iter().map(|x| margin(&tm, x)).collect());
        }
    }
    let decoder = choose_decoder(prepared, subset, articles, &ps_oof, &token_oof, config);
    let (xs, ys) = token_vectors(prepared, subset, &ps_oof, bits, true);
    let token = train_logistic(dim, &xs, &ys, None, &config.token_sgd);
    drop(xs);

    // 3. The technique model.
    let mut txs = Vec::new();
    let mut tys = Vec::new();
    for &i in subset {
        for (v, c) in &prepared.articles[i].techniques {
            txs.push(v.clone());
            tys.push(*c);
        }
    }
    let technique = OneVsRest::train(
        tech_hasher.dim(),
        &txs,
        &tys,
        Technique::ALL.len(),
        &config.technique_sgd,
    );

    let token = Linear {
        space: hashed_space(bits)?,
        bits,
        weights: Q8::from_f32(&token.weights),
        bias: token.bias,
    };
    Ok(Propaganda {
        lexicon: Lexicon::new(),
        sentence: Linear {
            space: hashed_space(config.sentence_bits)?,
            bits: config.sentence_bits,
            weights: Q8::from_f32(&sentence.weights),
            bias: sentence.bias,
        },
        static_weights: StaticWeights::new(&token),
        token,
        technique: TechniqueModel::from_heads(tech_hasher.clone(), &technique.heads),
        decoder,
        metadata: vec![],
    })
}

/// The decoder with the best SI F1 on the inner out-of-fold token margins;
/// among gates, the largest within `gate_tolerance` of the best F1.
fn choose_decoder(
    prepared: &Prepared,
    subset: &[usize],
    articles: &[Article],
    ps: &BTreeMap<usize, Vec<f32>>,
    token_margins: &BTreeMap<usize, Vec<f32>>,
    config: &TrainConfig,
) -> Decoder {
    let mut gold = Vec::new();
    for &i in subset {
        for &(s, e) in &prepared.articles[i].gold {
            gold.push(byte_annotation(i, s, e));
        }
    }
    let score = |d: &Decoder| -> f64 {
        let mut pred = Vec::new();
        let mut spans = Vec::new();
        for &i in subset {
            let art = &prepared.articles[i];
            let text = articles[i].text.as_str();
            let (Some(p_s), Some(p_t)) = (ps.get(&i), token_margins.get(&i)) else {
                continue;
            };
            for (k, s) in art.sentences.iter().enumerate() {
                if p_s.get(k).copied().unwrap_or(0.0) < d.gate || s.a == s.b {
                    continue;
                }
                spans.clear();
                d.decode(text, &art.toks[s.a..s.b], &p_t[s.a..s.b], &mut spans);
                pred.extend(spans.iter().map(|&(a, b, _)| byte_annotation(i, a, b)));
            }
        }
        score_si(&gold, &pred).f1
    };
    let mut best = (f64::NEG_INFINITY, Decoder::default());
    for &threshold in &[0.15f32, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55] {
        for &ratio in &[1.0f32, 0.8, 0.6, 0.45, 0.3, 0.2] {
            for gap in [0, 1, 2, 3, 4, 6, 8, 12, 20, 64] {
                let d = Decoder {
                    threshold,
                    extend: threshold * ratio,
                    gap,
                    gate: 0.0,
                };
                let f1 = score(&d);
                if f1 > best.0 + 1e-12 {
                    best = (f1, d);
                }
            }
        }
    }
    let (best_f1, mut decoder) = best;
    for &gate in &config.gates {
        let d = Decoder { gate, ..decoder };
        if score(&d) >= best_f1 - config.gate_tolerance {
            decoder.gate = decoder.gate.max(gate);
        }
    }
    decoder
}

/// An annotation of prepared article `i` in bytes (for inner tuning only).
fn byte_annotation(i: usize, start: usize, end: usize) -> Annotation {
    Annotation {
        article_id: i.to_string(),
        start,
        end,
        technique: None,
    }
}

/// Figures of a detector on labelled articles, from the official scorers.
#[derive(Clone, Debug, PartialEq)]
pub struct EvalReport {
    pub articles: usize,
    pub si: SiScore,
    /// `None` when the labels carry no techniques (an SI label file).
    pub tc: Option<TcScore>,
    /// Per technique: the share of its gold spans covered by detected spans, and
    /// the number of gold spans (after merging overlaps of the same technique).
    pub si_recall_by_technique: Vec<(Technique, f64, usize)>,
}

impl std::fmt::Display for EvalReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "articles: {}", self.articles)?;
        writeln!(
            f,
            "SI: P {:.4}  R {:.4}  F1 {:.4}  ({} predicted spans, {} gold spans after merging)",
            self.si.precision, self.si.recall, self.si.f1, self.si.predicted, self.si.gold
        )?;
        let Some(tc) = &self.tc else {
            return writeln!(f, "TC: not scored (the labels carry no techniques)");
        };
        writeln!(
            f,
            "TC: micro-F1 {:.4}  ({} of {} gold spans)",
            tc.micro_f1, tc.correct, tc.total
        )?;
        writeln!(
            f,
            "{:<36} {:>7} {:>6} {:>6} {:>6}   {:>9}",
            "technique", "support", "P", "R", "F1", "SI recall"
        )?;
        for ((t, s), (_, rec, _)) in tc.per_technique.iter().zip(&self.si_recall_by_technique) {
            writeln!(
                f,
                "{:<36} {:>7} {:>6.3} {:>6.3} {:>6.3}   {:>9.3}",
                t.name(),
                s.support,
                s.precision,
                s.recall,
                s.f1,
                rec
            )?;
        }
        Ok(())
    }
}

/// The model's output on labelled articles, as label-file annotations (code
/// points): the detected spans (SI, with their technique) and a technique for every
/// gold span (TC: a span given k times gets the k most likely techniques).
pub fn predict_annotations(
    model: &Propaganda,
    articles: &[Article],
) -> (Vec<Annotation>, Vec<Annotation>) {
    let segmenter = Segmenter::new();
    let mut si = Vec::new();
    let mut tc = Vec::new();
    for art in articles {
        let text = art.text.as_str();
        let index = CharIndex::new(text);
        let sentences = segmenter.sentences(text, Span::new(0, text.len()));
        for s in model.detect(text, &sentences) {
            si.push(Annotation {
                article_id: art.id.clone(),
                start: index.char(s.start),
                end: index.char(s.end),
                technique: Some(s.technique),
            });
        }
        let article = model.article_tokens(text);
        let mut by_span: BTreeMap<(usize, usize), usize> = BTreeMap::new();
        for g in art.spans.iter().filter(|g| g.technique.is_some()) {
            *by_span.entry((g.start, g.end)).or_default() += 1;
        }
        for ((start, end), count) in by_span {
            let p = model.technique.probabilities(text, &article, start, end);
            let mut order: Vec<usize> = (0..p.len()).collect();
            order.sort_by(|&a, &b| p[b].total_cmp(&p[a]).then(a.cmp(&b)));
            for &c in order.iter().cycle().take(count) {
                tc.push(Annotation {
                    article_id: art.id.clone(),
                    start: index.char(start),
                    end: index.char(end),
                    technique: Some(Technique::ALL[c]),
                });
            }
        }
    }
    (si, tc)
}

/// Scores a model on labelled articles (as [`crate::read_semeval_folder`] reads
/// them) with the official SI and TC scorers, in code points.
pub fn evaluate(model: &Propaganda, articles: &[Article]) -> EvalReport {
    let (si, tc) = predict_annotations(model, articles);
    report(articles, &si, &tc)
}

fn report(articles: &[Article], si: &[Annotation], tc: &[Annotation]) -> EvalReport {
    let gold: Vec<Annotation> = articles.iter().flat_map(annotations_of).collect();
    let has_techniques = gold.iter().any(|a| a.technique.is_some());
    let tc_gold: Vec<Annotation> = gold
        .iter()
        .filter(|a| a.technique.is_some())
        .cloned()
        .collect();
    EvalReport {
        articles: articles.len(),
        si: score_si(&gold, si),
        tc: if has_techniques {
            score_tc(&tc_gold, tc).ok()
        } else {
            None
        },
        si_recall_by_technique: si_recall_by_technique(&gold, si),
    }
}

/// Cross-validation results: every fold's model scores its held-out articles, and
/// the predictions of all folds are scored together.
#[derive(Clone, Debug, PartialEq)]
pub struct CvReport {
    pub k: usize,
    /// Fold groups used (distinct texts after merging near-duplicates).
    pub groups: usize,
    pub report: EvalReport,
    /// The pooled held-out predictions, as label-file annotations (code points):
    /// detected spans, and a technique for every gold span.
    pub si_predictions: Vec<Annotation>,
    pub tc_predictions: Vec<Annotation>,
    /// The decoder each fold's training chose.
    pub decoders: Vec<Decoder>,
}

/// k-fold cross-validation over articles, grouped by text (identical texts share a
/// fold). Each fold trains with the full [`train`] procedure on the other folds.
pub fn cross_validate(
    articles: &[Article],
    config: &TrainConfig,
    k: usize,
) -> Result<CvReport, TrainError> {
    let k = k.max(2);
    let tech_hasher = FeatureHasher::new(config.technique_hasher.clone(), vec![])?;
    let prepared = prepare(articles, config, &tech_hasher);
    let zeros = vec![0u32; articles.len()];
    let folds = grouped_kfold(&prepared.groups, &zeros, k, config.seed);
    let mut si = Vec::new();
    let mut tc = Vec::new();
    let mut decoders = Vec::new();
    for f in 0..k {
        let (train_idx, test_idx) = folds.split(f);
        if test_idx.is_empty() {
            continue;
        }
        let model = train_prepared(&prepared, &train_idx, config, &tech_hasher, articles)?;
        let model = Propaganda::from_bytes(&model.to_bytes())?;
        decoders.push(model.decoder());
        let test: Vec<Article> = test_idx.iter().map(|&i| articles[i].clone()).collect();
        let (s, t) = predict_annotations(&model, &test);
        si.extend(s);
        tc.extend(t);
    }
    let mut groups = prepared.groups.clone();
    groups.sort_unstable();
    groups.dedup();
    Ok(CvReport {
        k,
        groups: groups.len(),
        report: report(articles, &si, &tc),
        si_predictions: si,
        tc_predictions: tc,
        decoders,
    })
}
