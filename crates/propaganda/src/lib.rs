//! Span-level detection of propaganda techniques in news text, trained on the
//! Propaganda Techniques Corpus (PTC), and the SemEval-2020 Task 11 scorers.
//!
//! [`Propaganda::detect`] finds fragments that use one of the 14 SemEval-2020
//! techniques (loaded language, name calling, exaggeration, doubt, appeal to fear,
//! flag-waving, causal oversimplification, slogans, whataboutism/straw man/red
//! herring, black-and-white fallacy, thought-terminating clichés, repetition,
//! appeal to authority, bandwagon/reductio ad hitlerum) and labels each;
//! [`Propaganda::classify`] labels a given span. The model is three small linear
//! models over hashed features (sentence, token, technique; see [`model`]), 3.3 MB
//! and fast enough to run on every article.
//!
//! ```no_run
//! use crosscheck_propaganda::Propaganda;
//! use crosscheck_schema::Span;
//! use crosscheck_segment::Segmenter;
//!
//! let model = Propaganda::from_bytes(&std::fs::read("models/propaganda.bin")?)?;
//! let text = "The corrupt elites want to destroy our great nation. Wake up, America!";
//! let sentences = Segmenter::new().sentences(text, Span::new(0, text.len()));
//! for s in model.detect(text, &sentences) {
//!     println!("{} {:?} {:.2}", s.technique, &text[s.start..s.end], s.score);
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Training and evaluation: [`read_training_corpus`] / [`read_semeval_folder`] read
//! the PTC folders ([`io`] is the only module that touches the file system),
//! [`train()`] fits a model, [`cross_validate`] and [`evaluate`] score it with
//! [`score_si`] and [`score_tc`], re-implementations of the official scorers.
//!
//! What it does not do: it is no transformer. In 5-fold cross-validation on the
//! SemEval-2020 training articles it reaches span F1 ≈ 0.37 and technique micro-F1
//! ≈ 0.59, where the best published systems reach ≈ 0.52 and ≈ 0.62 on the official
//! test set (`docs/eval/propaganda.md`). It reads English only, finds spans inside
//! sentences only, gives each span one technique, and says nothing about whether a
//! statement is true.

pub mod corpus;
mod features;
pub mod io;
mod lexicon;
pub mod model;
pub mod scorer;
mod static_weights;
pub mod technique;
mod tokens;
pub mod train;
mod weights;

pub use corpus::{
    annotations_of, format_labels, parse_labels, Annotation, Article, CharIndex, GoldSpan,
    ParseError,
};
pub use io::{
    read_nlp4if_folder, read_semeval_folder, read_training_corpus, CorpusError, TrainingCorpus,
};
pub use model::{Decoder, DetectScratch, ModelError, Propaganda, TechniqueSpan};
pub use scorer::{
    score_si, score_tc, si_recall_by_technique, ClassScore, ScoreError, SiScore, TcScore,
};
pub use technique::Technique;
pub use train::{
    cross_validate, evaluate, predict_annotations, train, CvReport, EvalReport, TrainConfig,
    TrainError,
};
