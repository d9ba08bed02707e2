//! Multi-class evaluation shared by the Horne 2017 and LIAR tasks: repeated
//! stratified k-fold, accuracy and macro-F1 with their spread, a pooled confusion
//! matrix; and the hashed-text one-vs-rest logistic model both tasks use as their
//! text-only baseline.

use std::fmt;

use crosscheck_learn::{
    stratified_kfold, ConfusionMatrix, FeatureHasher, HasherConfig, OneVsRest, SgdConfig,
    SparseVector,
};
use crosscheck_signals::credibility::MeanSd;

/// Figures of a multi-class model: mean ± sd over repeats (a single held-out split
/// has `repeats` = 1 and sd 0).
#[derive(Clone, Debug, PartialEq)]
pub struct ClassMetrics {
    pub name: String,
    pub classes: Vec<String>,
    pub n: usize,
    /// Folds, or 0 for a fixed train/evaluation split.
    pub k: usize,
    pub repeats: usize,
    pub accuracy: MeanSd,
    pub macro_f1: MeanSd,
    /// Pooled over repeats: `confusion[truth][predicted]`.
    pub confusion: Vec<Vec<usize>>,
}

impl ClassMetrics {
    /// Figures of one set of predictions (a fixed split).
    pub fn of_predictions(
        name: &str,
        classes: &[&str],
        truth: &[u32],
        predicted: &[u32],
    ) -> ClassMetrics {
        let cm = ConfusionMatrix::new(truth, predicted, classes.len());
        ClassMetrics {
            name: name.to_string(),
            classes: classes.iter().map(|c| c.to_string()).collect(),
            n: truth.len(),
            k: 0,
            repeats: 1,
            accuracy: MeanSd::of(&[cm.accuracy()]),
            macro_f1: MeanSd::of(&[cm.macro_f1()]),
            confusion: cm.counts().to_vec(),
        }
    }
}

impl fmt::Display for ClassMetrics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let how = if self.k == 0 {
            "fixed split".to_string()
        } else {
            format!("{}× stratified {}-fold", self.repeats, self.k)
        };
        writeln!(f, "{}: {} examples, {how}", self.name, self.n)?;
        writeln!(
            f,
            "  accuracy {}  macro-F1 {}",
            self.accuracy, self.macro_f1
        )?;
        write!(
            f,
            "  confusion (pooled; rows truth, columns predicted: {}):",
            self.classes.join(" ")
        )?;
        for row in &self.confusion {
            write!(
                f,
                " [{}]",
                row.iter()
                    .map(|v| v.to_string())
                    .collect::<Vec<_>>()
                    .join(" ")
            )?;
        }
        Ok(())
    }
}

/// Repeated stratified k-fold: `fit_predict(train, test)` returns a class per test
/// example, learning from `train` only.
pub fn cross_validate_classes(
    name: &str,
    classes: &[&str],
    labels: &[u32],
    k: usize,
    repeats: usize,
    seed: u64,
    mut fit_predict: impl FnMut(&[usize], &[usize]) -> Vec<u32>,
) -> ClassMetrics {
    let k = k.max(2);
    let repeats = repeats.max(1);
    let n_classes = classes.len();
    let mut confusion = vec![vec![0usize; n_classes]; n_classes];
    let (mut acc, mut f1) = (Vec::new(), Vec::new());
    for r in 0..repeats {
        let folds = stratified_kfold(labels, k, seed.wrapping_add(0x9e37 * r as u64 + 1));
        let mut predicted = vec![u32::MAX; labels.len()];
        for fold in 0..k {
            let (train, test) = folds.split(fold);
            if train.is_empty() || test.is_empty() {
                continue;
            }
            for (&i, p) in test.iter().zip(fit_predict(&train, &test)) {
                predicted[i] = p;
            }
        }
        let cm = ConfusionMatrix::new(labels, &predicted, n_classes);
        acc.push(cm.accuracy());
        f1.push(cm.macro_f1());
        for (row, counts) in confusion.iter_mut().zip(cm.counts()) {
            for (c, v) in row.iter_mut().zip(counts) {
                *c += v;
            }
        }
    }
    ClassMetrics {
        name: name.to_string(),
        classes: classes.iter().map(|c| c.to_string()).collect(),
        n: labels.len(),
        k,
        repeats,
        accuracy: MeanSd::of(&acc),
        macro_f1: MeanSd::of(&f1),
        confusion,
    }
}

/// Hashed word (1–2) and character (2–5) n-grams, 2^18 buckets (the text baseline's
/// features), plus optional dense features in front.
pub fn text_hasher(dense: Vec<String>) -> FeatureHasher {
    FeatureHasher::new(HasherConfig::default(), dense)
        .expect("the default hasher configuration is valid")
}

/// The text the n-gram baselines read: the title, when there is one, on its own line
/// before the body.
pub fn title_and_body(title: Option<&str>, body: &str) -> String {
    match title {
        Some(t) => format!("{t}\n{body}"),
        None => body.to_string(),
    }
}

/// The compact sparse vector of `text` (and `dense`) under `hasher`.
pub fn featurize(hasher: &FeatureHasher, text: &str, dense: &[f32]) -> SparseVector {
    let mut v = SparseVector::new();
    hasher.featurize(text, dense, &mut v);
    v.compact();
    v
}

/// The one-vs-rest logistic configuration of the text baselines.
pub fn text_sgd(seed: u64) -> SgdConfig {
    SgdConfig {
        epochs: 10,
        learning_rate: 0.1,
        l2: 1e-4,
        class_weight: crosscheck_learn::ClassWeight::Uniform,
        seed,
    }
}

/// Trains one-vs-rest logistic regression on the rows `train` of `xs`.
pub fn train_ovr(
    dim: usize,
    xs: &[SparseVector],
    labels: &[u32],
    n_classes: usize,
    train: &[usize],
    seed: u64,
) -> OneVsRest {
    let tx: Vec<SparseVector> = train.iter().map(|&i| xs[i].clone()).collect();
    let ty: Vec<u32> = train.iter().map(|&i| labels[i]).collect();
    OneVsRest::train(dim, &tx, &ty, n_classes, &text_sgd(seed))
}
