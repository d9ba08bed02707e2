//! Training and cross-validating credibility components on labelled feature rows.
//!
//! Protocol: the scorer (monotone logistic regression, SGD logistic regression or
//! trees) is fitted on the training rows; Platt scaling is fitted on
//! *out-of-fold* margins of an inner stratified k-fold over the same training
//! rows, so the probabilities are calibrated on predictions the scorer did not
//! train on. Cross-validation repeats a stratified k-fold with different fixed
//! seeds and reports mean ± standard deviation over the repeats; nothing of a test
//! fold (label or otherwise) reaches its model.

use std::fmt;

use crosscheck_learn::{
    expected_calibration_error, roc_auc, stratified_kfold, train_boosted, train_logistic,
    BoostConfig, Calibrator, ClassWeight, ConfusionMatrix, SgdConfig, SparseVector,
};

use super::features::{block_columns, Block};
use super::linear::{fit_monotone, plain, MonotoneConfig};
use super::{
    derive_seed, Applies, Component, CredibilityModel, Scorer, CREDIBLE_AT, DOUBTFUL_BELOW,
    FEATURES,
};

/// One labelled article as the model sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct CredibilityExample {
    /// The article id (for reports).
    pub id: String,
    /// The outlet as the data names it (for reports, and to group folds).
    pub outlet: Option<String>,
    /// True when the article's factual claims hold up (FA-KES `credible`,
    /// Horne `real`, a post rated mostly true).
    pub label: bool,
    /// The full feature row, [`super::credibility_features`].
    pub features: Vec<f32>,
    /// Title and body, for text baselines only (the model never reads it).
    pub text: String,
}

/// Which scorer to fit.
#[derive(Clone, Debug, PartialEq)]
pub enum Learner {
    /// Gradient-boosted trees.
    Trees(BoostConfig),
    /// Logistic regression on standardised columns (AdaGrad SGD, L2).
    Logistic {
        epochs: u32,
        learning_rate: f32,
        l2: f32,
    },
    /// Logistic regression whose weights keep the sides of their features'
    /// [`super::Direction`] (coordinate descent, L2; clamped and log-scaled
    /// columns as configured).
    Monotone(MonotoneConfig),
}

impl Learner {
    fn as_str(&self) -> &'static str {
        match self {
            Learner::Trees(_) => "trees",
            Learner::Logistic { .. } => "logistic",
            Learner::Monotone(_) => "monotone logistic",
        }
    }
}

/// How [`train_credibility`] and [`train_component`] train.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainConfig {
    /// The feature blocks the model may read.
    pub blocks: Vec<Block>,
    /// When not empty, only these features of those blocks (by name).
    pub only: Vec<&'static str>,
    /// Features of those blocks left out (by name).
    pub except: Vec<&'static str>,
    pub learner: Learner,
    /// Folds of the inner cross-validation whose margins fit the Platt scaling.
    pub calibration_folds: usize,
    pub seed: u64,
    /// `(doubtful below, credible at or above)`.
    pub thresholds: (f32, f32),
}

impl Default for TrainConfig {
    /// The general configuration: every block, 200 depth-2 trees. (The shipped
    /// components are narrower: `crosscheck_credibility_train::style_config` and
    /// its siblings, see `docs/eval/credibility.md`.)
    fn default() -> TrainConfig {
        TrainConfig {
            blocks: Block::ALL.to_vec(),
            only: Vec::new(),
            except: Vec::new(),
            learner: Learner::Trees(BoostConfig {
                trees: 200,
                depth: 2,
                learning_rate: 0.05,
                l2: 1.0,
                min_child_weight: 1.0,
                min_leaf: 8,
                subsample: 0.8,
                seed: 0xc4ed_1b1e,
            }),
            calibration_folds: 5,
            seed: 0xc4ed_1b1e,
            thresholds: (DOUBTFUL_BELOW, CREDIBLE_AT),
        }
    }
}

impl TrainConfig {
    /// The indices into [`FEATURES`] the model reads.
    pub fn columns(&self) -> Vec<usize> {
        block_columns(&self.blocks)
            .into_iter()
            .filter(|&c| self.only.is_empty() || self.only.contains(&FEATURES[c].name))
            .filter(|&c| !self.except.contains(&FEATURES[c].name))
            .collect()
    }

    /// The default configuration restricted to `blocks`.
    pub fn with_blocks(blocks: &[Block]) -> TrainConfig {
        TrainConfig {
            blocks: blocks.to_vec(),
            ..TrainConfig::default()
        }
    }

    /// A logistic-regression configuration on `blocks`.
    pub fn logistic(blocks: &[Block]) -> TrainConfig {
        TrainConfig {
            blocks: blocks.to_vec(),
            learner: Learner::Logistic {
                epochs: 30,
                learning_rate: 0.05,
                l2: 1e-3,
            },
            ..TrainConfig::default()
        }
    }

    /// A monotone logistic-regression configuration on `blocks`: L2 0.1, rates
    /// on a log scale, columns clamped to their training range.
    pub fn monotone(blocks: &[Block]) -> TrainConfig {
        TrainConfig {
            blocks: blocks.to_vec(),
            learner: Learner::Monotone(MonotoneConfig {
                l2: 0.1,
                log_rates: true,
                clamp: true,
                standardise: true,
            }),
            ..TrainConfig::default()
        }
    }

    /// A short name for reports: blocks, feature choice, learner.
    pub fn name(&self) -> String {
        format!(
            "{}{}{} ({})",
            self.blocks
                .iter()
                .map(Block::as_str)
                .collect::<Vec<_>>()
                .join("+"),
            if self.only.is_empty() {
                String::new()
            } else {
                format!(": {}", self.only.join(", "))
            },
            if self.except.is_empty() {
                String::new()
            } else {
                format!(" without {}", self.except.join(", "))
            },
            self.learner.as_str()
        )
    }
}

/// Fits a scorer on `rows` (already restricted to `columns`).
fn fit(
    rows: &[Vec<f32>],
    labels: &[bool],
    columns: &[usize],
    learner: &Learner,
    seed: u64,
) -> Scorer {
    match learner {
        Learner::Trees(cfg) => {
            let cfg = BoostConfig {
                seed: derive_seed(cfg.seed, seed),
                ..cfg.clone()
            };
            Scorer::Trees(train_boosted(rows, labels, None, &cfg))
        }
        Learner::Monotone(cfg) => Scorer::Linear(fit_monotone(rows, labels, columns, cfg)),
        Learner::Logistic {
            epochs,
            learning_rate,
            l2,
        } => {
            let d = columns.len();
            let mut lin = plain(rows, d);
            let xs: Vec<SparseVector> = rows
                .iter()
                .map(|r| {
                    let mut v = SparseVector::new();
                    for (j, (x, (m, s))) in
                        r.iter().zip(lin.means.iter().zip(&lin.scales)).enumerate()
                    {
                        let z = (x - m) / s;
                        if z != 0.0 {
                            v.push(j as u32, z);
                        }
                    }
                    v
                })
                .collect();
            let cfg = SgdConfig {
                epochs: *epochs,
                learning_rate: *learning_rate,
                l2: *l2,
                class_weight: ClassWeight::Uniform,
                seed: derive_seed(0x10_915, seed),
            };
            let lr = train_logistic(d, &xs, labels, None, &cfg);
            lin.bias = lr.bias;
            lin.weights = lr.weights;
            Scorer::Linear(lin)
        }
    }
}

fn select(rows: &[&[f32]], columns: &[usize]) -> Vec<Vec<f32>> {
    rows.iter()
        .map(|r| {
            columns
                .iter()
                .map(|&c| r.get(c).copied().filter(|v| v.is_finite()).unwrap_or(0.0))
                .collect()
        })
        .collect()
}

/// Trains one calibrated component on `examples` (deterministic for a given
/// configuration): named after the configuration, applying always, weighing its
/// log-odds as they are (offset 0). See [`Component::against_prior`],
/// [`Component::when`] to combine it with others.
pub fn train_component(examples: &[CredibilityExample], config: &TrainConfig) -> Component {
    let columns = config.columns();
    let rows: Vec<&[f32]> = examples.iter().map(|e| e.features.as_slice()).collect();
    let rows = select(&rows, &columns);
    let labels: Vec<bool> = examples.iter().map(|e| e.label).collect();
    let platt = out_of_fold_platt(&rows, &labels, config, &columns);
    let scorer = fit(&rows, &labels, &columns, &config.learner, config.seed);
    let positives = labels.iter().filter(|&&l| l).count();
    Component {
        name: config.name(),
        applies: Applies::Always,
        columns,
        scorer,
        platt,
        prior: positives as f32 / labels.len().max(1) as f32,
        offset: 0.0,
    }
}

/// Trains a one-component model on `examples`: its score is the component's
/// calibrated probability.
pub fn train_credibility(
    examples: &[CredibilityExample],
    config: &TrainConfig,
) -> CredibilityModel {
    CredibilityModel::from_components(vec![train_component(examples, config)], config.thresholds)
}

/// Platt scaling fitted on the margins of an inner k-fold.
fn out_of_fold_platt(
    rows: &[Vec<f32>],
    labels: &[bool],
    config: &TrainConfig,
    columns: &[usize],
) -> (f32, f32) {
    let k = config.calibration_folds.max(2);
    let classes: Vec<u32> = labels.iter().map(|&l| u32::from(l)).collect();
    let folds = stratified_kfold(&classes, k, derive_seed(config.seed, 0xca11b));
    let mut margins = vec![0f32; rows.len()];
    for f in 0..k {
        let (train, test) = folds.split(f);
        if train.is_empty() || test.is_empty() {
            continue;
        }
        let tr_rows: Vec<Vec<f32>> = train.iter().map(|&i| rows[i].clone()).collect();
        let tr_labels: Vec<bool> = train.iter().map(|&i| labels[i]).collect();
        let scorer = fit(
            &tr_rows,
            &tr_labels,
            columns,
            &config.learner,
            derive_seed(config.seed, f as u64 + 1),
        );
        for &i in &test {
            margins[i] = scorer.margin(&rows[i]);
        }
    }
    match Calibrator::fit_platt(&margins, labels) {
        Calibrator::Platt { a, b } => (a, b),
        _ => (1.0, 0.0),
    }
}

/// Mean and standard deviation over repeats.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct MeanSd {
    pub mean: f64,
    pub sd: f64,
}

impl MeanSd {
    pub fn of(values: &[f64]) -> MeanSd {
        let n = values.len();
        if n == 0 {
            return MeanSd::default();
        }
        let mean = values.iter().sum::<f64>() / n as f64;
        let sd = if n > 1 {
            (values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1) as f64).sqrt()
        } else {
            0.0
        };
        MeanSd { mean, sd }
    }
}

impl fmt::Display for MeanSd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.3} ± {:.3}", self.mean, self.sd)
    }
}

/// Cross-validated figures of a binary credibility model.
#[derive(Clone, Debug, PartialEq)]
pub struct CredibilityMetrics {
    /// What was evaluated (a model variant's name).
    pub name: String,
    pub n: usize,
    /// Examples labelled credible.
    pub positives: usize,
    /// Folds; 0 for a model scored as given (not cross-validated).
    pub k: usize,
    pub repeats: usize,
    /// At a calibrated probability of 0.5.
    pub accuracy: MeanSd,
    /// Mean of the two classes' F1 at 0.5.
    pub macro_f1: MeanSd,
    pub auc: MeanSd,
    /// Expected calibration error, 10 equal-width bins.
    pub ece: MeanSd,
    /// Pooled over repeats: `confusion[truth][predicted]`, 0 = fake, 1 = credible.
    pub confusion: [[usize; 2]; 2],
    /// Pooled over repeats, per label (credible, uncertain, doubtful) at
    /// `thresholds`: (articles, of which credible).
    pub levels: [(usize, usize); 3],
    pub thresholds: (f32, f32),
    /// Pooled reliability diagram: per tenth of probability, (articles, mean
    /// probability, share credible).
    pub reliability: Vec<(usize, f64, f64)>,
}

impl fmt::Display for CredibilityMetrics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let how = if self.k == 0 {
            "scored as given".to_string()
        } else {
            format!("{}× stratified {}-fold", self.repeats, self.k)
        };
        writeln!(
            f,
            "{}: {} articles ({} credible), {how}",
            self.name, self.n, self.positives
        )?;
        writeln!(
            f,
            "  accuracy {}  macro-F1 {}  ROC AUC {}  ECE {}",
            self.accuracy, self.macro_f1, self.auc, self.ece
        )?;
        let c = &self.confusion;
        writeln!(
            f,
            "  confusion (pooled; rows truth fake/credible, columns predicted): [{} {}] [{} {}]",
            c[0][0], c[0][1], c[1][0], c[1][1]
        )?;
        let names = ["credible", "uncertain", "doubtful"];
        let parts: Vec<String> = self
            .levels
            .iter()
            .zip(names)
            .map(|(&(n, pos), name)| {
                let share = if n > 0 { pos as f64 / n as f64 } else { 0.0 };
                format!("{name} {n} ({:.0}% credible)", 100.0 * share)
            })
            .collect();
        writeln!(
            f,
            "  labels at doubtful < {:.2} ≤ uncertain < {:.2} ≤ credible: {}",
            self.thresholds.0,
            self.thresholds.1,
            parts.join(", ")
        )?;
        let bins: Vec<String> = self
            .reliability
            .iter()
            .enumerate()
            .filter(|(_, b)| b.0 > 0)
            .map(|(i, &(n, p, y))| {
                format!(
                    "[{:.1},{:.1}) n {n} mean p {p:.3} credible {y:.3}",
                    i as f64 / 10.0,
                    (i + 1) as f64 / 10.0
                )
            })
            .collect();
        write!(f, "  reliability (pooled): {}", bins.join("; "))
    }
}

/// Pools the figures of several sets of predictions of the same examples.
struct Pooled {
    acc: Vec<f64>,
    f1: Vec<f64>,
    auc: Vec<f64>,
    ece: Vec<f64>,
    confusion: [[usize; 2]; 2],
    levels: [(usize, usize); 3],
    bins: Vec<(usize, f64, f64)>,
}

impl Pooled {
    fn new() -> Pooled {
        Pooled {
            acc: Vec::new(),
            f1: Vec::new(),
            auc: Vec::new(),
            ece: Vec::new(),
            confusion: [[0; 2]; 2],
            levels: [(0, 0); 3],
            bins: vec![(0, 0.0, 0.0); 10],
        }
    }

    fn add(&mut self, probs: &[f32], labels: &[bool], thresholds: (f32, f32)) {
        let classes: Vec<u32> = labels.iter().map(|&l| u32::from(l)).collect();
        let predicted: Vec<u32> = probs.iter().map(|&p| u32::from(p >= 0.5)).collect();
        let cm = ConfusionMatrix::new(&classes, &predicted, 2);
        self.acc.push(cm.accuracy());
        self.f1.push(cm.macro_f1());
        self.auc.push(roc_auc(probs, labels).unwrap_or(0.5));
        self.ece.push(expected_calibration_error(probs, labels, 10));
        for t in 0..2 {
            for p in 0..2 {
                self.confusion[t][p] += cm.counts()[t][p];
            }
        }
        for (&p, &y) in probs.iter().zip(labels) {
            let level = if p >= thresholds.1 {
                0
            } else if p < thresholds.0 {
                2
            } else {
                1
            };
            self.levels[level].0 += 1;
            self.levels[level].1 += usize::from(y);
            let b = ((p * 10.0) as usize).min(9);
            self.bins[b].0 += 1;
            self.bins[b].1 += f64::from(p);
            self.bins[b].2 += f64::from(u8::from(y));
        }
    }

    fn finish(
        self,
        name: &str,
        labels: &[bool],
        k: usize,
        repeats: usize,
        thresholds: (f32, f32),
    ) -> CredibilityMetrics {
        let reliability = self
            .bins
            .into_iter()
            .map(|(n, sp, sy)| {
                if n == 0 {
                    (0, 0.0, 0.0)
                } else {
                    (n, sp / n as f64, sy / n as f64)
                }
            })
            .collect();
        CredibilityMetrics {
            name: name.to_string(),
            n: labels.len(),
            positives: labels.iter().filter(|&&l| l).count(),
            k,
            repeats,
            accuracy: MeanSd::of(&self.acc),
            macro_f1: MeanSd::of(&self.f1),
            auc: MeanSd::of(&self.auc),
            ece: MeanSd::of(&self.ece),
            confusion: self.confusion,
            levels: self.levels,
            thresholds,
            reliability,
        }
    }
}

/// The figures of one set of calibrated probabilities (a model scored as given,
/// no refitting: `k` is 0 in the result).
pub fn score_metrics(
    name: &str,
    labels: &[bool],
    probs: &[f32],
    thresholds: (f32, f32),
) -> CredibilityMetrics {
    let mut pooled = Pooled::new();
    pooled.add(probs, labels, thresholds);
    pooled.finish(name, labels, 0, 1, thresholds)
}

/// The figures of several sets of out-of-fold probabilities of the same examples
/// (one per repeat), each summarised then mean ± sd over the sets; `keep`
/// restricts them to some examples (all when `None`).
pub fn metrics_over_repeats(
    name: &str,
    labels: &[bool],
    probs: &[Vec<f32>],
    keep: Option<&[bool]>,
    k: usize,
    thresholds: (f32, f32),
) -> CredibilityMetrics {
    let kept = |i: usize| keep.is_none_or(|m| m.get(i).copied().unwrap_or(false));
    let labels_kept: Vec<bool> = (0..labels.len())
        .filter(|&i| kept(i))
        .map(|i| labels[i])
        .collect();
    let mut pooled = Pooled::new();
    for p in probs {
        let p: Vec<f32> = (0..labels.len())
            .filter(|&i| kept(i))
            .map(|i| p.get(i).copied().filter(|v| v.is_finite()).unwrap_or(0.5))
            .collect();
        pooled.add(&p, &labels_kept, thresholds);
    }
    pooled.finish(name, &labels_kept, k, probs.len(), thresholds)
}

/// Out-of-fold probabilities of a repeated stratified k-fold over `classes`
/// (one vector per repeat; repeat `r` uses fold seed `derive(seed, r)`, as
/// [`cross_validate_with`] does): `fit_predict(train, test)` returns the
/// probability of each test example and must learn from `train` only.
pub fn out_of_fold(
    classes: &[u32],
    k: usize,
    repeats: usize,
    seed: u64,
    mut fit_predict: impl FnMut(&[usize], &[usize]) -> Vec<f32>,
) -> Vec<Vec<f32>> {
    let k = k.max(2);
    (0..repeats.max(1))
        .map(|r| {
            let folds = stratified_kfold(classes, k, derive_seed(seed, 0xf01d + r as u64));
            let mut probs = vec![0.5f32; classes.len()];
            for fold in 0..k {
                let (train, test) = folds.split(fold);
                if train.is_empty() || test.is_empty() {
                    continue;
                }
                for (&i, v) in test.iter().zip(fit_predict(&train, &test)) {
                    probs[i] = if v.is_finite() { v } else { 0.5 };
                }
            }
            probs
        })
        .collect()
}

/// Repeated stratified k-fold over `labels`: `fit_predict(train, test)` returns
/// the calibrated probability of each test example (in `test` order). Repeat `r`
/// uses fold seed `derive(seed, r)`. The caller's closure must only learn from
/// `train`.
pub fn cross_validate_with(
    name: &str,
    labels: &[bool],
    k: usize,
    repeats: usize,
    seed: u64,
    thresholds: (f32, f32),
    fit_predict: impl FnMut(&[usize], &[usize]) -> Vec<f32>,
) -> CredibilityMetrics {
    let classes: Vec<u32> = labels.iter().map(|&l| u32::from(l)).collect();
    let probs = out_of_fold(&classes, k, repeats, seed, fit_predict);
    metrics_over_repeats(name, labels, &probs, None, k.max(2), thresholds)
}

/// Repeated stratified k-fold of [`train_credibility`] with `config`.
pub fn cross_validate(
    examples: &[CredibilityExample],
    config: &TrainConfig,
    k: usize,
    repeats: usize,
) -> CredibilityMetrics {
    let labels: Vec<bool> = examples.iter().map(|e| e.label).collect();
    let name = config.name();
    cross_validate_with(
        &name,
        &labels,
        k,
        repeats,
        config.seed,
        config.thresholds,
        |train, test| {
            let part: Vec<CredibilityExample> =
                train.iter().map(|&i| examples[i].clone()).collect();
            let model = train_credibility(&part, config);
            test.iter()
                .map(|&i| model.score_row(&examples[i].features))
                .collect()
        },
    )
}

/// The features a tree component splits on most, with their split counts (a
/// rough importance, for reports).
pub fn split_importance(component: &Component) -> Vec<(&'static str, u32)> {
    let Scorer::Trees(trees) = &component.scorer else {
        return Vec::new();
    };
    let mut out: Vec<(&'static str, u32)> = trees
        .split_counts()
        .into_iter()
        .enumerate()
        .filter(|&(_, n)| n > 0)
        .filter_map(|(j, n)| Some((FEATURES[*component.columns.get(j)?].name, n)))
        .collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    out
}
