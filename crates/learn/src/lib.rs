//! Small, fast, deterministic machine learning for crosscheck's models.
//!
//! * [`FeatureHasher`]: word unigrams and bigrams, character n-grams and named
//!   dense features hashed into one sparse space with a fixed, portable hash.
//! * [`train_logistic`] / [`OneVsRest`]: logistic regression by AdaGrad SGD with L2,
//!   class weights and a seeded shuffle. Same data and seed, same bytes.
//! * [`train_boosted`]: small gradient-boosted decision trees on dense tables, with
//!   exact per-feature contributions of each prediction.
//! * [`Calibrator`]: Platt scaling and isotonic regression, fitted on held-out folds.
//! * [`metrics`]: precision/recall/F1, ROC AUC, average precision, MAP over groups,
//!   expected calibration error, confusion matrices; [`folds`]: stratified and
//!   grouped k-fold splits.
//! * [`ModelFile`]: the versioned byte format of shipped models (f32 or 8-bit).
//!
//! ```
//! use crosscheck_learn::{train_logistic, FeatureHasher, HasherConfig, SgdConfig, SparseVector};
//!
//! let hasher = FeatureHasher::new(HasherConfig::default(), vec![]).unwrap();
//! let texts = ["Shelling killed 12 civilians, the ministry said.", "Thank you very much."];
//! let xs: Vec<SparseVector> = texts
//!     .iter()
//!     .map(|t| {
//!         let mut v = SparseVector::new();
//!         hasher.featurize(t, &[], &mut v);
//!         v.compact();
//!         v
//!     })
//!     .collect();
//! let model = train_logistic(hasher.dim(), &xs, &[true, false], None, &SgdConfig::default());
//! let claim = hasher.dot("Shelling killed 30 people.", &[], &model.weights) + model.bias;
//! let thanks = hasher.dot("Thank you.", &[], &model.weights) + model.bias;
//! assert!(claim > thanks);
//! ```
//!
//! What it does not do: I/O (models go to and from byte slices), threads, deep
//! models, or anything that needs a random seed from the environment.

pub mod boosting;
pub mod calibration;
pub mod features;
pub mod folds;
pub mod hash;
pub mod logistic;
pub mod metrics;
pub mod model_file;
pub mod rng;

pub use boosting::{
    train_boosted, train_boosted_multiclass, BoostConfig, Boosted, BoostedMulticlass, Node, Tree,
};
pub use calibration::Calibrator;
pub use features::{
    prefetch, Block, ConfigError, FeatureHasher, HasherConfig, SparseVector, WordDot,
};
pub use folds::{grouped_kfold, stratified_kfold, Folds};
pub use logistic::{
    sigmoid, train_logistic, ClassWeight, LogisticRegression, OneVsRest, SgdConfig,
};
pub use metrics::{
    average_precision, best_f1_threshold, expected_calibration_error, mean_average_precision,
    roc_auc, BinaryMetrics, ConfusionMatrix,
};
pub use model_file::{
    round_trip_weights, ByteReader, ByteWriter, FormatError, Head, ModelFile, Q8Weights,
    WeightEncoding, FORMAT_VERSION, Q8_BLOCK_LEN,
};
pub use rng::SplitMix64;
