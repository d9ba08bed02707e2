//! The schema, as a list of migrations.
//!
//! `PRAGMA user_version` holds how many migrations a database has had. Opening a
//! store for writing applies the missing ones in order, each in its own
//! transaction together with the version bump, so a crash mid-migration leaves the
//! previous version intact. Migrations are append-only: a released entry is never
//! edited, a later version adds an entry (new tables, new columns with defaults,
//! new indexes), and old databases keep working.

/// `PRAGMA application_id` of a crosscheck store ("ccst"), so that another
/// program's SQLite file is recognised and refused instead of written into.
pub(crate) const APPLICATION_ID: i64 = 0x6363_7374;

/// Migration `i` (0-based) takes a database from version `i` to `i + 1`.
pub(crate) const MIGRATIONS: &[&str] = &[
    // v1: documents, articles, their analyses, full-text search.
    r#"
    CREATE TABLE documents (
        hash  TEXT PRIMARY KEY NOT NULL,
        bytes INTEGER NOT NULL,
        text  TEXT NOT NULL
    );

    CREATE TABLE articles (
        seq               INTEGER PRIMARY KEY,
        id                TEXT NOT NULL UNIQUE,
        doc               TEXT NOT NULL REFERENCES documents(hash),
        path              TEXT NOT NULL,
        record            INTEGER,
        span_start        INTEGER NOT NULL,
        span_end          INTEGER NOT NULL,
        format            TEXT NOT NULL,
        title             TEXT,
        outlet            TEXT COLLATE NOCASE,
        author            TEXT,
        published         TEXT,
        url               TEXT,
        language          TEXT,
        label             TEXT COLLATE NOCASE,
        credibility       REAL,
        credibility_label TEXT,
        sentences         INTEGER NOT NULL,
        claims            INTEGER NOT NULL
    );
    CREATE INDEX articles_by_published ON articles(published, id);
    CREATE INDEX articles_by_outlet ON articles(outlet, published);
    CREATE INDEX articles_by_label ON articles(label);
    CREATE INDEX articles_by_doc ON articles(doc);

    CREATE TABLE analyses (
        seq            INTEGER PRIMARY KEY REFERENCES articles(seq),
        title_start    INTEGER,
        title_end      INTEGER,
        sentence_spans BLOB NOT NULL,
        analysis       BLOB NOT NULL
    );

    -- The search index stores no text of its own (external content): FTS5
    -- reads titles and bodies through this view, rebuilding each body from the
    -- document text with crosscheck_search_body(), a function every Store
    -- connection registers.
    CREATE VIEW search_source AS
        SELECT a.seq AS seq, a.title AS title,
               crosscheck_search_body(d.text, j.sentence_spans, a.format) AS body
        FROM articles a
        JOIN analyses j ON j.seq = a.seq
        JOIN documents d ON d.hash = a.doc;

    CREATE VIRTUAL TABLE search USING fts5(
        title, body,
        content = 'search_source', content_rowid = 'seq',
        tokenize = 'porter unicode61 remove_diacritics 2'
    );
    "#,
    // v2: what linking found across articles. Rewritten as a whole by each run
    // that links (one transaction), so readers never see half of one result.
    r#"
    CREATE TABLE link_state (
        id    INTEGER PRIMARY KEY CHECK (id = 1),
        state BLOB NOT NULL
    );

    CREATE TABLE link_groups (
        id     TEXT PRIMARY KEY NOT NULL,
        origin TEXT NOT NULL,
        json   TEXT NOT NULL
    );

    CREATE TABLE link_events (
        seq         INTEGER PRIMARY KEY,
        id          TEXT NOT NULL UNIQUE,
        type        TEXT NOT NULL,
        description TEXT NOT NULL,
        date_from   TEXT,
        date_to     TEXT,
        json        TEXT NOT NULL
    );

    CREATE TABLE link_event_articles (
        event   TEXT NOT NULL,
        article TEXT NOT NULL,
        PRIMARY KEY (event, article)
    ) WITHOUT ROWID;
    CREATE INDEX link_event_articles_by_article ON link_event_articles(article);

    CREATE TABLE link_contradictions (
        id    TEXT PRIMARY KEY NOT NULL,
        event TEXT NOT NULL,
        field TEXT NOT NULL,
        json  TEXT NOT NULL
    );
    CREATE INDEX link_contradictions_by_event ON link_contradictions(event);

    CREATE TABLE link_corroborations (
        seq   INTEGER PRIMARY KEY,
        event TEXT NOT NULL,
        field TEXT NOT NULL,
        json  TEXT NOT NULL
    );
    CREATE INDEX link_corroborations_by_event ON link_corroborations(event);

    CREATE TABLE link_claim_status (
        claim   TEXT PRIMARY KEY NOT NULL,
        article TEXT NOT NULL,
        status  TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX link_claim_status_by_article ON link_claim_status(article);
    "#,
    // v3: each article's credibility, set after linking (it reads how the
    // article's claims fare against other reports). The articles table keeps the
    // score and label for listing; this table keeps the reasons.
    r#"
    CREATE TABLE credibility (
        article TEXT PRIMARY KEY NOT NULL,
        json    TEXT NOT NULL
    ) WITHOUT ROWID;
    "#,
    // v4: the linker state in parts. It grows with the corpus, and SQLite refuses
    // a single value over 1 GB; the parts, read in order, are one zstd frame.
    r#"
    CREATE TABLE link_state_parts (
        part  INTEGER PRIMARY KEY,
        bytes BLOB NOT NULL
    );
    INSERT INTO link_state_parts (part, bytes) SELECT 0, state FROM link_state;
    DROP TABLE link_state;
    "#,
    // v5: a counter of saved link states, so that a run which read state n and
    // finds n + 1 when saving (another run linked meanwhile) does not overwrite it.
    r#"
    CREATE TABLE link_meta (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        generation INTEGER NOT NULL
    );
    INSERT INTO link_meta (id, generation)
        SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM link_state_parts) THEN 1 ELSE 0 END;
    "#,
];

/// The schema version this build writes and understands.
pub(crate) fn latest() -> i64 {
    MIGRATIONS.len() as i64
}
