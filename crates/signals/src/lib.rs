//! Interpretable credibility signals and outlet reputation.
//!
//! [`SignalDetector::detect`] reads an article's title, kept paragraphs,
//! sentences, removed regions and claims, and returns [`Signal`]s: scare quotes,
//! ALL-CAPS emphasis, question headlines, exclamations, dehumanising labels,
//! loaded language, hedges, verification caveats, speculation, attributions and
//! the share of anonymous sources, distinct sources, primary-source quotes,
//! first-person voice, comment residue, clickbait and appeals. Each signal has a
//! measured `value` (a count or a share), `weight` 0.0 (the credibility model
//! fills it), and evidence spans (byte offsets into the text). Every kind is
//! defined in `docs/signals.md`; the names are in [`kinds`].
//!
//! [`Outlets`] resolves an outlet name, domain or URL against a table derived from
//! the OpenSources, B.S. Detector and News-Media-Reliability lists
//! (`lexicons/outlets.tsv`). [`feature_vector`] turns signals and outlet into the
//! fixed, named vector the credibility model trains on.
//!
//! ```
//! use crosscheck_core::Pipeline;
//! use crosscheck_schema::Document;
//! use crosscheck_signals::{feature_vector, kinds, Outlets, SignalDetector};
//!
//! let text = "Did the \"moderate\" rebels do it?\nSource: SANA\n\n\
//!             The terrorist rats fled, a military source said. The toll could not be independently verified!";
//! let doc = Document::from_text("note.txt", text);
//! let article = &Pipeline::new().analyze(&doc)[0];
//!
//! let signals = SignalDetector::new().detect(text, article);
//! let value = |k: &str| signals.iter().find(|s| s.kind == k).map(|s| s.value);
//! assert_eq!(value(kinds::QUESTION_HEADLINE), Some(1.0));
//! assert_eq!(value(kinds::SCARE_QUOTES), Some(1.0));
//! assert_eq!(value(kinds::DEHUMANISING), Some(1.0));
//! assert_eq!(value(kinds::ANONYMOUS_SOURCES), Some(1.0));
//!
//! let outlets = Outlets::new();
//! let sana = outlets.resolve(article.outlet.as_deref(), article.url.as_deref());
//! assert_eq!(sana.map(|o| o.domain.as_str()), Some("sana.sy"));
//! let features = feature_vector(&signals, sana);
//! assert!(features.iter().any(|(name, v)| name == "outlet_state" && *v == 1.0));
//! ```
//!
//! What it does not do: weigh the signals (the credibility model does), detect
//! propaganda techniques at span level (`crosscheck-propaganda`), or judge a claim
//! true or false. The signals are lexical and positional heuristics: they say
//! where a text looks like partisan or careless writing, with the words that made
//! them fire, and they miss paraphrase and irony without marks.

mod caps;
pub mod credibility;
mod detector;
mod features;
pub mod kinds;
mod lexicon;
mod outlets;
mod phrase_automaton;
mod quotes;
mod sourcing;
mod text;

pub use credibility::{pack_signals, ArticleCredibility, CredibilityModel, SignalsRef};
pub use crosscheck_schema::Signal;
pub use detector::SignalDetector;
pub use features::feature_vector;
pub use outlets::{OutletCategory, OutletInfo, OutletLabels, Outlets, Ownership};
