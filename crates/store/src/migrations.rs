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
    // v6: fewer bytes for what every run that links rewrites.
    //
    // * Credibility reasons are keyed by the article's `seq`, so a run writes them
    //   in insertion order (appends, where v3's table keyed by the hashed id took
    //   a random page per article), and new rows hold a zstd frame of the JSON
    //   (a third of its size). Rows moved here from v3 keep their JSON text; the
    //   reader takes either.
    // * A claim id is `<article id>/c<n>`, so the claim-status table's primary
    //   key already sorts each article's claims together: the `article` column
    //   and its index (two fifths of the table) go, and an article's statuses
    //   are read as a range of the key.
    // * `articles_by_doc` goes: no query looks articles up by their text (they
    //   join to it), and its random keys made every batch rewrite most of it.
    r#"
    CREATE TABLE article_credibility (
        seq     INTEGER PRIMARY KEY REFERENCES articles(seq),
        reasons BLOB NOT NULL
    );
    INSERT INTO article_credibility (seq, reasons)
        SELECT a.seq, c.json FROM credibility c JOIN articles a ON a.id = c.article
        ORDER BY a.seq;
    DROP TABLE credibility;

    DROP INDEX link_claim_status_by_article;
    ALTER TABLE link_claim_status DROP COLUMN article;

    DROP INDEX articles_by_doc;
    "#,
    // v7: the full-text index merges less while a run writes. FTS5 keeps the
    // postings of the transaction in memory and writes them out as a new segment
    // when they exceed `hashsize` (1 MiB by default) and at each commit, then
    // merges `automerge` (4) segments of a level into one of the next. A bulk load
    // commits about 16 MB of text at a time (`crosscheck analyze`), so the default
    // wrote a dozen small segments per commit and rewrote the postings again at
    // every level; 32 MiB writes one segment per commit, and merging 16 at a time
    // rewrites them far less often. The settings live in `search_config`, so every
    // connection uses them. What a query finds and how it ranks the hits do not
    // depend on how the postings are split into segments.
    r#"
    INSERT INTO search (search, rank) VALUES ('hashsize', 33554432);
    INSERT INTO search (search, rank) VALUES ('automerge', 16);
    "#,
    // v8: the linker state is saved unpacked from this version on (see `links.rs`:
    // zstd shrank it only a quarter at about 28 instructions a byte); a packed one
    // still reads. An older build cannot read the unpacked state, hence the version.
    r#"
    SELECT 1;
    "#,
];

/// The schema version this build writes and understands.
pub(crate) fn latest() -> i64 {
    MIGRATIONS.len() as i64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;
    use crosscheck_schema::ClaimStatus;

    /// A store as schema version 5 left it: credibility as JSON text keyed by
    /// article id, claim statuses with an `article` column.
    fn version_5(path: &std::path::Path, credibility_json: &str) {
        let conn = rusqlite::Connection::open(path).expect("sqlite");
        conn.pragma_update(None, "application_id", APPLICATION_ID)
            .expect("application id");
        for sql in &MIGRATIONS[..5] {
            conn.execute_batch(sql).expect("migration");
        }
        conn.pragma_update(None, "user_version", 5)
            .expect("version");
        conn.execute_batch(
            "INSERT INTO documents (hash, bytes, text) VALUES ('h', 4, 'text');
             INSERT INTO articles (seq, id, doc, path, span_start, span_end, format, sentences, claims)
                 VALUES (7, 'a1', 'h', 'p', 0, 4, 'text', 1, 2),
                        (9, 'a2', 'h', 'p', 0, 4, 'text', 1, 1);
             INSERT INTO link_claim_status (claim, article, status) VALUES
                 ('a1/c1', 'a1', 'corroborated'), ('a1/c2', 'a1', 'contradicted'),
                 ('a10/c1', 'a10', 'single_source'), ('a1', 'a1', 'single_source'),
                 ('a2/c1', 'a2', 'single_source');",
        )
        .expect("rows");
        conn.execute(
            "INSERT INTO credibility (article, json) VALUES ('a1', ?1)",
            [credibility_json],
        )
        .expect("credibility");
    }

    #[test]
    fn version_6_keeps_credibility_and_claim_statuses_of_an_older_store() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("v5.db");
        let json = r#"{"score":0.25,"label":"doubtful","signals":[{"kind":"outlet_reputation","value":-1.0,"weight":-1.5,"evidence":[{"start":0,"end":4,"label":"x"}]}]}"#;
        version_5(&path, json);
        let store = Store::open(&path).expect("migrate");
        assert_eq!(store.user_version().expect("version"), latest());
        let migrated = store.credibility("a1").expect("read").expect("kept");
        assert_eq!(
            serde_json::to_value(&migrated).expect("json"),
            serde_json::from_str::<serde_json::Value>(json).expect("json")
        );
        assert_eq!(store.credibility("a2").expect("read"), None);
        // An article's claims, not those of an article whose id extends it.
        assert_eq!(
            store.claim_statuses("a1").expect("statuses"),
            vec![
                ("a1".to_string(), ClaimStatus::SingleSource),
                ("a1/c1".to_string(), ClaimStatus::Corroborated),
                ("a1/c2".to_string(), ClaimStatus::Contradicted),
            ]
        );
        assert_eq!(store.claim_statuses("a").expect("statuses"), vec![]);
        let integrity: String = store
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("integrity check");
        assert_eq!(integrity, "ok");

        // Written again by this version: JSON text, read back the same.
        let mut store = store;
        store
            .set_credibility(&[("a1".to_string(), migrated.clone())])
            .expect("rewrite");
        assert_eq!(
            store.credibility("a1").expect("read"),
            Some(migrated.clone())
        );
        let kind: String = store
            .conn
            .query_row(
                "SELECT typeof(reasons) FROM article_credibility WHERE seq = 7",
                [],
                |r| r.get(0),
            )
            .expect("row");
        assert_eq!(kind, "text");

        // A row as version 6 wrote it, a zstd frame of the JSON, still reads.
        let mut packer = crate::codec::Packer::new().expect("compressor");
        let frame = packer.pack(json.as_bytes()).expect("pack").to_vec();
        store
            .conn
            .execute(
                "INSERT INTO article_credibility (seq, reasons) VALUES (9, ?1)",
                [frame],
            )
            .expect("packed row");
        assert_eq!(store.credibility("a2").expect("read"), Some(migrated));
    }
}
