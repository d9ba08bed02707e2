//! The analysis pipeline: a [`Document`] in, [`ArticleAnalysis`] values out.
//!
//! ```
//! use crosscheck_core::Pipeline;
//! use crosscheck_schema::Document;
//!
//! let pipeline = Pipeline::new();
//! let doc = Document::from_text(
//!     "note.txt",
//!     "Shelling hits Douma\nSource: Example Wire\n\nShells struck a market in Douma on Sunday. \
//!      Three people were killed, medics said.",
//! );
//! let articles = pipeline.analyze(&doc);
//! assert_eq!(articles[0].title.as_deref(), Some("Shelling hits Douma"));
//! assert_eq!(articles[0].sentences.len(), 2);
//! ```
//!
//! The pipeline wires the pure stages — `crosscheck-clean` (article regions,
//! metadata lines, removals), `crosscheck-segment` (sentences), and the later
//! stages (claims, signals) — and translates every offset back to the
//! document's source text (see [`crosscheck_schema::OffsetMap`]).
//!
//! It does no I/O and keeps no global state: one [`Pipeline`] is built once
//! (its tables and models are compiled into the binary) and shared by all
//! threads. Linking across articles is not here: see `crosscheck-link`.
//!
//! [`Document`]: crosscheck_schema::Document
//! [`ArticleAnalysis`]: crosscheck_schema::ArticleAnalysis

mod article_id;
mod metadata;
mod models;
mod pipeline;

pub use article_id::article_id;
pub use metadata::{outlet_from_url, parse_published};
pub use models::Models;
pub use pipeline::{Pipeline, PipelineOptions, Scratch};
