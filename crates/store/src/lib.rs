//! The embedded SQLite store: idempotent, crash-safe, full-text searchable.
//!
//! `crosscheck analyze` writes what it finds here; `list`, `show`, `search` and the
//! HTTP API read it back. One file (rusqlite with SQLite bundled, WAL mode) holds:
//!
//! * each distinct document text once, keyed by [`content_hash`], so every span of
//!   a stored analysis can be shown in its source;
//! * each article once, keyed by the id the pipeline gave it, with its full
//!   `ArticleAnalysis` as JSON (zstd-compressed) and indexed columns (title,
//!   outlet, date, label, credibility) for listing without parsing the JSON;
//! * an FTS5 index over titles and sentences;
//! * what linking found and the linker's state, so the next run links new articles
//!   against everything stored: [`Store::linker`] loads it, [`Store::save_linker`]
//!   saves it with the results in one transaction (both `crosscheck analyze` and
//!   the API's `POST /analyze?store=true` go through these two).
//!
//! Articles are written in batches, one transaction each: re-running on the same
//! input adds nothing (`INSERT` only for ids not yet stored), and a process killed
//! mid-batch loses that batch only; every batch committed before is intact and the
//! next run writes the rest. [`Store::begin_group`] makes several batches one
//! transaction (a bulk load writes far fewer bytes that way; each batch stays all
//! or nothing). The tables, migrations and guarantees are described in
//! `docs/store.md`.
//!
//! ```
//! use crosscheck_store::{ListQuery, Store, StoredDocument};
//!
//! let mut store = Store::open_in_memory()?;
//! let doc = StoredDocument::new("news/aleppo.txt", None, "Shelling hit Aleppo.", vec![]);
//! let stats = store.insert_batch(&[doc])?;
//! assert_eq!(stats.new_articles, 0); // a document without articles stores nothing
//! assert!(store.list(&ListQuery::default())?.is_empty());
//! # Ok::<(), crosscheck_store::StoreError>(())
//! ```
//!
//! What it does not do: compute article ids or analyses (the pipeline does), or
//! update an article in place (a changed analysis under the same id is ignored;
//! delete the file to rebuild).

mod codec;
mod error;
mod hash;
mod links;
mod migrations;
mod model;
mod paths;
mod search;
mod store;

pub use error::StoreError;
pub use hash::content_hash;
pub use links::{EventDetail, LinkSnapshot};
pub use model::{
    ArticleRow, Counts, InsertStats, ListQuery, SearchHit, StoredArticle, StoredDocument,
};
pub use paths::default_path;
pub use store::Store;

/// The schema version this build writes (`PRAGMA user_version`).
pub fn schema_version() -> i64 {
    migrations::latest()
}
