//! Claims, entities, places, dates, casualty counts, event frames and attributions from segmented articles.
//!
//! * [`checkworthy`]: a calibrated score in `[0, 1]` for "is this sentence a factual
//!   claim worth checking", from a small logistic-regression model shipped in
//!   `models/checkworthy.bin`.
//! * [`Extractor`]: the claims of an article — for each sentence with an event (or a
//!   check-worthiness score at the threshold) an event frame (type from
//!   `docs/taxonomy.md`, actor and target through `lexicons/actors.tsv`, place through
//!   `lexicons/gazetteer.tsv`, date resolved against the publication date, killed and
//!   injured counts as ranges, denial, toll update) and an attribution chain with hedges
//!   and quotations followed across sentences. Rules over tokens and word lists
//!   (`lexicons/event_triggers.tsv`, `reporting_verbs.tsv`, `hedges.tsv`,
//!   `casualty_nouns.tsv`, `source_nouns.tsv`), no model.
//! * [`event_filter`] and [`actor_gate`]: learnt second opinions on the rules, trained on
//!   the hand-annotated gold sets (`models/event-filter.bin`, `models/actor-gate.bin`):
//!   the first drops frames of sentences that report no event, the second removes actors
//!   it judges wrong. [`Extractor::with_event_filter`] and [`Extractor::with_actor_gate`]
//!   apply them.
//! * [`gold`]: the event-frame gold set (`eval/gold/events.jsonl`) and its per-field scorer.
//!
//! ```
//! use crosscheck_extract::{ArticleContext, Extractor};
//! use crosscheck_schema::Span;
//!
//! let text = "Air strikes killed at least 35 people in Maarat al-Numan on Sunday, a war monitor said.";
//! let sentences = [Span::new(0, text.len())];
//! let ctx = ArticleContext { text, sentences: &sentences, published: chrono::NaiveDate::from_ymd_opt(2016, 10, 17), title: None, outlet: None };
//! let claims = Extractor::new().claims(&ctx, None);
//! let event = claims[0].event.as_ref().unwrap();
//! assert_eq!((event.killed.as_ref().unwrap().min, event.killed.as_ref().unwrap().max), (35, None));
//! assert_eq!(event.date.as_ref().unwrap().value.to_string(), "2016-10-16");
//! assert_eq!(claims[0].attribution.chain[0].start, text.find("a war monitor").unwrap());
//! ```
//!
//! Actors follow the rules of `docs/taxonomy.md` (module `parties`): accusations name
//! the accused, "by X" when it hangs on the event, the party before an attack verb,
//! and pronouns and descriptions ("its fighters", "the group", "the army") and generic
//! labels ("terrorists") resolved to the party the article established.
//!
//! What the extractor does not do: parse syntax (an agent hidden in a relative clause is
//! often missed), resolve anaphora beyond "he/it said", "its"/"it"/"the group"/"the
//! army" and "the attack" (typed like the article's last violent incident), take a
//! place or date from a neighbouring sentence, or judge whether a claim is true.

pub mod actor_gate;
pub mod checkworthy;
pub mod event_filter;

mod attribution;
mod background;
mod casualties;
mod extractor;
mod frame;
pub mod gold;
mod model_load;
mod numbers;
mod parties;
mod second_speaker;
mod triggers;
mod vocab;
mod words;

pub use extractor::{ArticleContext, Extractor, Scratch, DEFAULT_THRESHOLD};
