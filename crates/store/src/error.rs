use std::path::PathBuf;

/// Everything that can go wrong with the store. Every variant names the database
/// file, so a message printed on its own still says which store is at fault.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The directory for the database could not be created, or the file could not
    /// be opened at all.
    #[error("cannot open store {}: {source}", path.display())]
    Open {
        path: PathBuf,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },

    /// A read-only open found no file there.
    #[error("no store at {} (run `crosscheck analyze` first, or pass --db)", path.display())]
    Missing { path: PathBuf },

    /// The file exists but is not an SQLite database (or is encrypted, or its
    /// header was overwritten).
    #[error("{} is not a crosscheck store: the file is not an SQLite database", path.display())]
    NotADatabase { path: PathBuf },

    /// The file is an SQLite database that some other program created.
    #[error(
        "{} is not a crosscheck store: it is an SQLite database of another application \
         (application_id {application_id}, {tables} tables)",
        path.display()
    )]
    ForeignDatabase {
        path: PathBuf,
        application_id: i64,
        tables: i64,
    },

    /// The database was written by a newer crosscheck than this one.
    #[error(
        "store {} has schema version {found}, newer than the {supported} this crosscheck \
         understands: upgrade crosscheck",
        path.display()
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },

    /// A read-only open found a store that needs migrating first.
    #[error(
        "store {} has schema version {found} and needs upgrading to {supported}: open it once \
         for writing (for example with `crosscheck analyze`)",
        path.display()
    )]
    NeedsMigration {
        path: PathBuf,
        found: i64,
        supported: i64,
    },

    /// A [`crate::StoredDocument`] whose `text_hash` is not `content_hash(text)`.
    #[error(
        "document {doc_path} has text_hash {given} but its text hashes to {computed} \
         (build it with StoredDocument::new or crosscheck_store::content_hash)"
    )]
    HashMismatch {
        doc_path: String,
        given: String,
        computed: String,
    },

    /// An id prefix that matches more than one article.
    #[error("article id prefix {prefix:?} is ambiguous: it matches {}{}", candidates.join(", "), if *more { ", ..." } else { "" })]
    AmbiguousId {
        prefix: String,
        /// The first matching ids, in id order.
        candidates: Vec<String>,
        /// True when more ids match than `candidates` lists.
        more: bool,
    },

    /// Another run saved new links between this run's reading of the link state
    /// and its saving: saving would lose that run's articles from the state.
    #[error(
        "store {}: another run changed the links while this one was linking (state {expected} \
         read, {found} found); nothing was overwritten: run the same `crosscheck analyze` \
         again to link these articles",
        path.display()
    )]
    LinkConflict {
        path: PathBuf,
        expected: i64,
        found: i64,
    },

    /// An empty id or prefix.
    #[error("an article id (or a prefix of one) cannot be empty")]
    EmptyId,

    /// A search query that FTS5 cannot parse.
    #[error("invalid search query {query:?}: {reason} (put words with punctuation in double quotes, e.g. \"al-Bab\")")]
    Query { query: String, reason: String },

    /// A row that cannot be read back (its analysis JSON does not parse, its
    /// document text is missing).
    #[error("store {} holds a damaged row: {detail}", path.display())]
    Corrupt { path: PathBuf, detail: String },

    /// Any other SQLite failure.
    #[error("store {}: {source}", path.display())]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
}
