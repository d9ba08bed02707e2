//! Training and evaluating the credibility model: the shipped three-component
//! model (style on Horne 2017, outlet reputation on BuzzFeed's Facebook
//! fact-check, cross-source consistency on FA-KES through the whole pipeline and
//! linking), the FA-KES model variants, and the two separate text tasks of the
//! issue, Horne 2017 (fake / real / satire) and LIAR (six-way statement
//! truthfulness).
//!
//! ```no_run
//! use std::path::Path;
//! use crosscheck_credibility_train::{evaluate_shipped_from_data, train_shipped_from_data};
//!
//! let data = Path::new("../shared/data");
//! let model = train_shipped_from_data(data)?;       // what models/credibility.bin holds
//! std::fs::write("models/credibility.bin", model.to_bytes())?;
//! println!("{}", evaluate_shipped_from_data(data, 5, 5)?); // every figure, 5 × 5-fold
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The scoring side (features, components, `assess`) is
//! `crosscheck_signals::credibility`; this crate holds what needs the whole
//! pipeline (`crosscheck-core`), linking and the dataset readers, so it is used by
//! `crosscheck train` and `crosscheck eval` only, never by `analyze`. Reading
//! files is allowed here; nothing is written.

mod buzzfeed;
mod evaluate;
mod fakes;
mod horne;
mod liar;
mod multiclass;
mod shipped;

pub use buzzfeed::{buzzfeed_examples, BUZZFEED_PAGES};
pub use evaluate::{evaluate_shipped, evaluate_shipped_from_data, ShippedReport, ThresholdRow};
pub use fakes::{
    coverage_config, credible_label, cross_validate_examples, cross_validate_fakes,
    evaluate_examples, evaluate_fakes, fakes_examples, labelled_examples, text_baseline,
    FakesReport,
};
pub use horne::{
    cross_validate_horne, evaluate_horne, horne_binary, horne_examples, HorneExample, HorneReport,
    Satire, HORNE_CLASSES,
};
pub use liar::{
    cross_validate_liar, evaluate_liar, evaluate_split, liar_report, History, LiarEval,
    LiarFeatures, LiarReport, LIAR_CLASSES,
};
pub use multiclass::{cross_validate_classes, ClassMetrics};
pub use shipped::{
    consistency_config, outlet_config, style_config, train_consistency, train_outlet,
    train_shipped, train_shipped_from_data, train_style, TrainingData, CONSISTENCY_READ,
    SHIPPED_THRESHOLDS, STYLE_LEFT_OUT,
};

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
