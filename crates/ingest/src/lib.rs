//! Reads piles of news articles into decoded [`Document`]s.
//!
//! ```no_run
//! use crosscheck_ingest::{expand, IngestOptions, Reader};
//! let reader = Reader::new(IngestOptions::default());
//! for input in expand(&["examples/corpus".into()]) {
//!     match input {
//!         Ok(input) => for doc in reader.read(&input) {
//!             match doc {
//!                 Ok(doc) => println!("{} ({} bytes)", doc.path, doc.text.len()),
//!                 Err(e) => eprintln!("skipped {e}"),
//!             }
//!         },
//!         Err(e) => eprintln!("skipped {e}"),
//!     }
//! }
//! ```
//!
//! What it reads: files and folders (recursively, in name order), `-` for
//! standard input; plain text, HTML (main content and metadata via
//! `crosscheck-html`), JSON Lines and CSV/TSV through a [`FieldMapping`] or a
//! dataset [`Preset`]; UTF-8 (with or without BOM), UTF-16 with BOM, and legacy
//! encodings such as Windows-1252/Latin-1.
//!
//! What it guarantees: no panic on any byte sequence; every failure is an
//! [`IngestError`] naming the input and, for records, the line and byte offset;
//! an error in one record never hides the records after it; record files are
//! streamed, so memory does not grow with their size.
//!
//! What it does not do: analyse text. Title lines, bylines and boilerplate inside
//! a text are the business of `crosscheck-clean`.
//!
//! [`Document`]: crosscheck_schema::Document

mod decode;
mod error;
mod format;
mod inputs;
mod mapping;
mod reader;
mod records;

pub use error::IngestError;
pub use inputs::{expand, Input};
pub use mapping::{Field, FieldMapping, Preset};
pub use reader::{IngestOptions, Reader};
