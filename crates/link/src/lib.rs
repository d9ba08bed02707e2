//! Near-duplicates, independence groups, event clusters, corroboration and
//! contradiction across articles.
//!
//! Put the claims of many outlets about one incident side by side: which articles
//! are copies of one another, which claims describe the same real-world event,
//! which values agree (and how many *independent* sources stand behind each), which
//! conflict — field by field (killed, injured, date, place, actor), across articles
//! and inside one article.
//!
//! ```
//! use crosscheck_link::{LinkConfig, LinkInput, Linker, NoLexicon};
//! # fn articles() -> Vec<(crosscheck_schema::ArticleAnalysis, String)> { Vec::new() }
//!
//! let mut linker = Linker::new(LinkConfig::default());
//! for (analysis, text) in &articles() {
//!     // `text` is the decoded source text the analysis' offsets index. The
//!     // pipeline passes `Lexicons { places: &Gazetteer, actors: &Actors }`.
//!     linker.add(LinkInput { article: analysis, text }, &NoLexicon);
//! }
//! let result = linker.link();
//! for c in &result.contradictions {
//!     println!("{} {}: {} claims disagree", c.event, c.field.as_str(), c.claims.len());
//! }
//! ```
//!
//! [`Linker::add`] keeps compact data only (a 64-value MinHash signature per
//! article, claim summaries, index entries), never texts; [`Linker::link`]
//! recomputes groups, events and comparisons from that state in near-linear time.
//! The state is serde-serialisable, so a store can keep it and add new articles
//! later: adding articles one by one, in any order, across save/restore, gives the
//! same [`LinkResult`] as adding them at once. Place containment and actor camps
//! come through the [`Lexicon`] trait (the shipped gazetteer and actor table
//! implement it; tests use small fakes). The algorithms, thresholds and tolerance
//! are described in `docs/linking.md`; [`evaluate`] scores a result against the
//! gold of `examples/link/`.
//!
//! What it does not do: read files, extract claims (that is `crosscheck-extract`),
//! judge which side of a contradiction is right, or follow a claim across
//! languages. A place that two reports disagree on is only recognised as one event
//! when the reports are copies of each other (see `docs/linking.md`, Limits).

mod body_words;
mod claim_ids;
mod compare;
mod config;
mod consistency;
mod eval;
mod events;
mod hash;
mod lexicon;
mod linker;
mod minhash;
mod record;
mod statuses;
mod util;

pub use config::LinkConfig;
pub use consistency::{
    article_consistency, ClaimStatuses, Consistency, ConsistencyIndex, CONSISTENCY_FEATURES,
};
pub use eval::{
    evaluate, ContradictionMistakes, EvalArticle, GoldArticle, GoldClaim, GoldContradiction,
    GoldInterval, GoldSide, GoldValue, LinkGold, LinkScores, Pr,
};
pub use lexicon::{ActorInfo, Lexicon, Lexicons, NoLexicon};
pub use linker::{LinkInput, LinkResult, Linker, StateError, STATE_MAGIC};
