//! LIAR (Wang 2017): six-way truthfulness of short political statements, a
//! separate task from article credibility. Two models, both one-vs-rest logistic
//! regression over hashed features:
//!
//! * text only: word (1–2) and character (2–5) n-grams of the statement;
//! * text + metadata: the same, plus hashed tokens of the speaker, party, job,
//!   state, subjects and context, plus the speaker's credit history as shares of
//!   the five rated columns and `ln(1 + total)`.
//!
//! The credit history of the files includes the statement's own label (see
//! `crosscheck_datasets::LiarStatement`); [`History::WithoutSelf`] takes it out and
//! is what `with_metadata` uses. [`History::AsGiven`] exists to measure the leak.

use std::path::Path;

use crosscheck_datasets::{read_liar_file, LiarLabel, LiarStatement};
use crosscheck_learn::hash::{fnv1a64, mix64};
use crosscheck_learn::{FeatureHasher, OneVsRest, SparseVector};

use crate::multiclass::{cross_validate_classes, featurize, text_hasher, train_ovr, ClassMetrics};
use crate::Error;

/// The classes in index order, least true first.
pub const LIAR_CLASSES: [&str; 6] = {
    let mut names = [""; 6];
    let mut i = 0;
    while i < 6 {
        names[i] = LiarLabel::ALL[i].as_str();
        i += 1;
    }
    names
};

/// How the credit-history columns are used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum History {
    /// Not at all.
    None,
    /// With the statement's own label removed (honest).
    WithoutSelf,
    /// As the file gives them, own label included (leaks the label).
    AsGiven,
}

/// Which features a LIAR model reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LiarFeatures {
    pub metadata: bool,
    pub history: History,
}

impl LiarFeatures {
    pub const TEXT: LiarFeatures = LiarFeatures {
        metadata: false,
        history: History::None,
    };
    /// Text, metadata and the credit history without the statement's own label.
    pub const ALL: LiarFeatures = LiarFeatures {
        metadata: true,
        history: History::WithoutSelf,
    };

    fn name(&self) -> String {
        let mut s = String::from("text");
        if self.metadata {
            s.push_str(" + speaker, party, job, state, subjects, context");
        }
        match self.history {
            History::None => {}
            History::WithoutSelf => s.push_str(" + credit history without the statement"),
            History::AsGiven => s.push_str(" + credit history as given (leaks the label)"),
        }
        s
    }
}

const DENSE: [&str; 7] = [
    "history_barely_true",
    "history_false",
    "history_half_true",
    "history_mostly_true",
    "history_pants_fire",
    "history_log_total",
    "history_none",
];

/// Featurises statements for one feature choice.
struct LiarFeaturizer {
    hasher: FeatureHasher,
    features: LiarFeatures,
}

impl LiarFeaturizer {
    fn new(features: LiarFeatures) -> LiarFeaturizer {
        let dense = if features.history == History::None {
            Vec::new()
        } else {
            DENSE.iter().map(|s| s.to_string()).collect()
        };
        LiarFeaturizer {
            hasher: text_hasher(dense),
            features,
        }
    }

    fn dim(&self) -> usize {
        self.hasher.dim()
    }

    fn vector(&self, s: &LiarStatement) -> SparseVector {
        let dense: Vec<f32> = match self.features.history {
            History::None => Vec::new(),
            History::WithoutSelf => history_features(s.history_without_self()),
            History::AsGiven => history_features(s.history),
        };
        let mut v = featurize(&self.hasher, &s.statement, &dense);
        if self.features.metadata {
            let mut tokens: Vec<String> = vec![
                format!("speaker={}", s.speaker.to_lowercase()),
                format!("party={}", s.party.to_lowercase()),
                format!("job={}", s.job.to_lowercase()),
                format!("state={}", s.state.to_lowercase()),
                format!("context={}", s.context.to_lowercase()),
            ];
            tokens.extend(
                s.subjects
                    .iter()
                    .map(|t| format!("subject={}", t.to_lowercase())),
            );
            tokens.extend(
                s.context
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| w.len() > 2)
                    .map(|w| format!("context_word={}", w.to_lowercase())),
            );
            let scale = 1.0 / (tokens.len() as f32).sqrt();
            let buckets = 1u64 << self.hasher.config().bits;
            let offset = self.hasher.dense_names().len() as u64;
            for t in &tokens {
                let h = mix64(fnv1a64(format!("liar/meta/{t}").as_bytes()));
                v.push(
                    (offset + (h >> (64 - self.hasher.config().bits)) % buckets) as u32,
                    scale,
                );
            }
            v.compact();
        }
        v
    }
}

fn history_features(h: [u32; 5]) -> Vec<f32> {
    let total: u32 = h.iter().sum();
    let mut out: Vec<f32> = h
        .iter()
        .map(|&c| {
            if total == 0 {
                0.0
            } else {
                c as f32 / total as f32
            }
        })
        .collect();
    out.push((total as f32).ln_1p());
    out.push(if total == 0 { 1.0 } else { 0.0 });
    out
}

fn train(f: &LiarFeaturizer, xs: &[SparseVector], labels: &[u32], rows: &[usize]) -> OneVsRest {
    train_ovr(f.dim(), xs, labels, LIAR_CLASSES.len(), rows, 0x11a2)
}

fn class(s: &LiarStatement) -> u32 {
    LiarLabel::index(s.label) as u32
}

/// Trains on `train` and scores `eval` (a fixed split, e.g. train.tsv → valid.tsv).
pub fn evaluate_split(
    train_rows: &[LiarStatement],
    eval_rows: &[LiarStatement],
    features: LiarFeatures,
) -> ClassMetrics {
    let f = LiarFeaturizer::new(features);
    let xs: Vec<SparseVector> = train_rows.iter().map(|s| f.vector(s)).collect();
    let labels: Vec<u32> = train_rows.iter().map(class).collect();
    let all: Vec<usize> = (0..xs.len()).collect();
    let model = train(&f, &xs, &labels, &all);
    let truth: Vec<u32> = eval_rows.iter().map(class).collect();
    let predicted: Vec<u32> = eval_rows
        .iter()
        .map(|s| model.predict(&f.vector(s)))
        .collect();
    ClassMetrics::of_predictions(&features.name(), &LIAR_CLASSES, &truth, &predicted)
}

/// Repeated stratified k-fold over `rows`.
pub fn cross_validate_liar(
    rows: &[LiarStatement],
    features: LiarFeatures,
    k: usize,
    repeats: usize,
) -> ClassMetrics {
    let f = LiarFeaturizer::new(features);
    let xs: Vec<SparseVector> = rows.iter().map(|s| f.vector(s)).collect();
    let labels: Vec<u32> = rows.iter().map(class).collect();
    cross_validate_classes(
        &features.name(),
        &LIAR_CLASSES,
        &labels,
        k,
        repeats,
        0x11a2,
        |tr, te| {
            let model = train(&f, &xs, &labels, tr);
            te.iter().map(|&i| model.predict(&xs[i])).collect()
        },
    )
}

/// Where `evaluate_liar` measures.
#[derive(Clone, Copy, Debug)]
pub enum LiarEval<'a> {
    /// Train on the training file, score this file.
    File(&'a Path),
    /// Stratified k-fold on the training file (`repeats` times).
    Cv { k: usize, repeats: usize },
}

/// The figure `crosscheck eval liar` prints: the text-only model, or (with
/// `with_metadata`) text + metadata + credit history without the statement's own
/// label, trained on `train_path` and scored on `eval`.
pub fn evaluate_liar(
    train_path: &Path,
    eval: LiarEval<'_>,
    with_metadata: bool,
) -> Result<ClassMetrics, Error> {
    let features = if with_metadata {
        LiarFeatures::ALL
    } else {
        LiarFeatures::TEXT
    };
    let train_rows = read_liar_file(train_path)?;
    Ok(match eval {
        LiarEval::File(path) => evaluate_split(&train_rows, &read_liar_file(path)?, features),
        LiarEval::Cv { k, repeats } => cross_validate_liar(&train_rows, features, k, repeats),
    })
}

/// Every LIAR variant on the valid split and in cross-validation on train.
#[derive(Clone, Debug)]
pub struct LiarReport {
    pub valid: Vec<ClassMetrics>,
    pub cv: Vec<ClassMetrics>,
}

impl std::fmt::Display for LiarReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "| model | valid accuracy | valid macro-F1 | CV accuracy (train) | CV macro-F1 (train) |")?;
        writeln!(f, "|---|---:|---:|---:|---:|")?;
        for (v, c) in self.valid.iter().zip(&self.cv) {
            writeln!(
                f,
                "| {} | {:.3} | {:.3} | {} | {} |",
                v.name, v.accuracy.mean, v.macro_f1.mean, c.accuracy, c.macro_f1
            )?;
        }
        for m in self.valid.iter().chain(&self.cv) {
            writeln!(f)?;
            write!(f, "{m}")?;
        }
        Ok(())
    }
}

/// The four variants (text; + metadata; + honest history; + leaky history) on
/// `valid` and in `k`-fold CV on `train`.
pub fn liar_report(
    train_path: &Path,
    valid_path: &Path,
    k: usize,
    repeats: usize,
) -> Result<LiarReport, Error> {
    let train_rows = read_liar_file(train_path)?;
    let valid_rows = read_liar_file(valid_path)?;
    let variants = [
        LiarFeatures::TEXT,
        LiarFeatures {
            metadata: true,
            history: History::None,
        },
        LiarFeatures::ALL,
        LiarFeatures {
            metadata: true,
            history: History::AsGiven,
        },
    ];
    Ok(LiarReport {
        valid: variants
            .iter()
            .map(|&v| evaluate_split(&train_rows, &valid_rows, v))
            .collect(),
        cv: variants
            .iter()
            .map(|&v| cross_validate_liar(&train_rows, v, k, repeats))
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_shares_and_the_empty_history() {
        assert_eq!(history_features([0; 5])[6], 1.0);
        let h = history_features([1, 1, 2, 0, 0]);
        assert_eq!(&h[..5], &[0.25, 0.25, 0.5, 0.0, 0.0]);
        assert!((h[5] - 5f32.ln()).abs() < 1e-6);
    }
}
