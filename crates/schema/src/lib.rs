//! The typed documents that flow through crosscheck.
//!
//! Two contracts live here and nowhere else:
//!
//! * [`Document`]: one input unit as the ingest layer hands it to the pipeline — a
//!   decoded file or one record of a JSON Lines / CSV file, with the metadata its
//!   container carried (title field, date column, outlet column, ...).
//! * [`Analysis`]: what the pipeline says about a pile of documents, serialised as
//!   the versioned JSON document `crosscheck/analysis/v1` (see `docs/schema.md`).
//!
//! # Coordinates
//!
//! Every [`Span`] in an [`Analysis`] is a pair of **byte offsets into the decoded
//! UTF-8 text of the document the article came from** (the whole file, or the text
//! field of a JSONL/CSV record). `&document.text[span.start..span.end]` is always a
//! valid slice. Stages that work on a derived text (the visible text of an HTML
//! page) translate their offsets back with a [`OffsetMap`] before anything leaves
//! the pipeline.
//!
//! This crate does no I/O and holds no logic beyond small helpers on the types.

mod analysis;
mod article;
mod claim;
mod credibility;
mod document;
mod link;
mod offset_map;
mod remap;
mod span;

pub use analysis::{Analysis, RunSummary, SkippedInput, SCHEMA};
pub use article::{
    ArticleAnalysis, CompilationPart, MetadataField, Removal, RemovalKind, Sentence, SourceRef,
};
pub use claim::{
    claim_id, claim_id_into, Attribution, AttributionSource, Casualties, CasualtyCategory, Claim,
    ClaimStatus, DatePrecision, DateValue, EntityKind, EntityMention, EventFrame, EventType,
    PlaceMention, SourceKind, UNNAMED_ATTACKER,
};
pub use credibility::{Credibility, CredibilityLabel, Evidence, Signal};
pub use document::{Document, InputFormat, RecordFields};
pub use link::{
    ClaimRef, Contradiction, ContradictionField, Corroboration, Event, IndependenceGroup,
};
pub use offset_map::OffsetMap;
pub use remap::Remap;
pub use span::Span;
