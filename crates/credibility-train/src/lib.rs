//! Training and evaluating the credibility model: FA-KES through the whole
//! pipeline and linking, plus the two separate text tasks of the issue, Horne 2017
//! (fake / real / satire) and LIAR (six-way statement truthfulness).
//!
//! ```no_run
//! use std::path::Path;
//! use crosscheck_credibility_train::{cross_validate_fakes, train_from_fakes};
//!
//! let csv = Path::new("../shared/data/fa-kes/FA-KES-Dataset.csv");
//! let report = cross_validate_fakes(csv, 5, 5)?; // 5 × stratified 5-fold
//! println!("{report}");
//! let model = train_from_fakes(csv)?;           // what models/credibility.bin holds
//! std::fs::write("models/credibility.bin", model.to_bytes())?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The scoring side (features, model, `assess`) is `crosscheck_signals::credibility`;
//! this crate holds what needs the whole pipeline (`crosscheck-core`), linking and
//! the dataset readers, so it is used by `crosscheck train` and `crosscheck eval`
//! only, never by `analyze`. Reading files is allowed here; nothing is written.

mod fakes;
mod horne;
mod liar;
mod multiclass;

pub use fakes::{
    coverage_config, credible_label, cross_validate_examples, cross_validate_fakes,
    evaluate_examples, evaluate_fakes, fakes_examples, labelled_examples, shipped_config,
    text_baseline, train_from_fakes, train_shipped, FakesReport,
};
pub use horne::{
    cross_validate_horne, evaluate_horne, horne_examples, HorneExample, HorneReport, HORNE_CLASSES,
};
pub use liar::{
    cross_validate_liar, evaluate_liar, evaluate_split, liar_report, History, LiarEval,
    LiarFeatures, LiarReport, LIAR_CLASSES,
};
pub use multiclass::{cross_validate_classes, ClassMetrics};

/// Errors of this crate: a message naming the file and what went wrong.
#[derive(Debug)]
pub struct Error(pub String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl From<String> for Error {
    fn from(s: String) -> Error {
        Error(s)
    }
}

impl From<crosscheck_datasets::DatasetError> for Error {
    fn from(e: crosscheck_datasets::DatasetError) -> Error {
        Error(e.to_string())
    }
}
