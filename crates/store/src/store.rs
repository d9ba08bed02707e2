use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use crosscheck_schema::{ArticleAnalysis, InputFormat, Span};
use rusqlite::functions::FunctionFlags;
use rusqlite::types::Value;
use rusqlite::{params, Connection, ErrorCode, OpenFlags, OptionalExtension, TransactionBehavior};

use crate::codec::{self, Packer};
use crate::migrations::{self, APPLICATION_ID, MIGRATIONS};
use crate::search::{self, CLOSE, OPEN};
use crate::{
    content_hash, ArticleRow, Counts, InsertStats, ListQuery, SearchHit, StoreError, StoredArticle,
    StoredDocument,
};

/// How long a connection waits for another one's write lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// How many candidates an ambiguous prefix lists.
const MAX_CANDIDATES: usize = 10;

/// The columns of [`ArticleRow`], in the order [`read_row`] reads them.
const ROW_COLUMNS: &str = "a.id, a.title, a.outlet, a.author, a.published, a.path, a.record, \
     a.span_start, a.span_end, a.format, a.url, a.language, a.label, a.credibility, \
     a.credibility_label, a.sentences, a.claims, a.doc";
const ROW_COLUMN_COUNT: usize = 18;

/// An open crosscheck store: one SQLite connection.
///
/// A `Store` is `Send` but not `Sync`; threads that read concurrently (an HTTP
/// server) each open their own, which WAL lets run beside a writer.
pub struct Store {
    pub(crate) conn: Connection,
    pub(crate) path: PathBuf,
    /// Reused between articles so inserting does not allocate per row.
    pub(crate) scratch: Scratch,
}

#[derive(Default)]
pub(crate) struct Scratch {
    pub(crate) json: Vec<u8>,
    body: Vec<u8>,
    spans: Vec<u8>,
    span_list: Vec<Span>,
    /// Created on the first insert: read-only stores never need one.
    pub(crate) packer: Option<Packer>,
}

impl Store {
    /// Opens the store at `path` for reading and writing, creating the file, its
    /// directory and the schema when missing, and migrating an older schema.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::Open {
                path: path.to_path_buf(),
                source: Box::new(e),
            })?;
        }
        if path.is_dir() {
            return Err(StoreError::Open {
                path: path.to_path_buf(),
                source: "it is a directory".into(),
            });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| open_error(path, e))?;
        let mut store = Store::wrap(conn, path.to_path_buf())?;
        store.configure(true)?;
        store.migrate()?;
        Ok(store)
    }

    /// Opens an existing store without writing to it (`list`, `show`, `search`,
    /// the HTTP API). Refuses a missing file and a schema that needs migrating.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        if !path.exists() {
            return Err(StoreError::Missing {
                path: path.to_path_buf(),
            });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| open_error(path, e))?;
        let store = Store::wrap(conn, path.to_path_buf())?;
        store.configure(false)?;
        let version = store.user_version()?;
        if version > migrations::latest() {
            return Err(store.too_new(version));
        }
        if version < migrations::latest() {
            return Err(StoreError::NeedsMigration {
                path: store.path.clone(),
                found: version,
                supported: migrations::latest(),
            });
        }
        Ok(store)
    }

    /// A private store that lives as long as the value (tests, `--no-store` runs
    /// that still want search).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|e| open_error(&path, e))?;
        let mut store = Store::wrap(conn, path)?;
        store.configure(true)?;
        store.migrate()?;
        Ok(store)
    }

    /// See [`crate::default_path`].
    pub fn default_path() -> PathBuf {
        crate::default_path()
    }

    /// The file this store reads (`:memory:` for an in-memory store).
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn wrap(conn: Connection, path: PathBuf) -> Result<Store, StoreError> {
        // Enough for every statement of insert_batch, list and search.
        conn.set_prepared_statement_cache_capacity(32);
        // The full-text index keeps no copy of the text it indexes: FTS5 reads
        // it through the `search_source` view, which rebuilds each body from the
        // document text and the sentence spans with this function.
        conn.create_scalar_function(
            "crosscheck_search_body",
            3,
            FunctionFlags::SQLITE_UTF8
                | FunctionFlags::SQLITE_DETERMINISTIC
                | FunctionFlags::SQLITE_INNOCUOUS,
            |ctx| {
                let text = ctx.get_raw(0).as_str_or_null()?.unwrap_or("");
                let spans = search::decode_spans(ctx.get_raw(1).as_blob_or_null()?.unwrap_or(&[]));
                let html = ctx.get_raw(2).as_str_or_null()? == Some("html");
                let mut body = Vec::with_capacity(text.len().min(1 << 16));
                search::index_body(text, &spans, html, &mut body);
                Ok(search::body_string(body))
            },
        )
        .map_err(|e| open_error(&path, e))?;
        Ok(Store {
            conn,
            path,
            scratch: Scratch::default(),
        })
    }

    fn err(&self, e: rusqlite::Error) -> StoreError {
        sqlite_error(&self.path, e)
    }

    /// Connection settings, and the check that the file is ours.
    fn configure(&self, writable: bool) -> Result<(), StoreError> {
        self.conn
            .busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| self.err(e))?;
        // The first statement that reads the file: a text file fails here.
        let tables: i64 = self
            .conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        let app: i64 = self
            .conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        let fresh = tables == 0 && app == 0;
        if !fresh && app != APPLICATION_ID {
            return Err(StoreError::ForeignDatabase {
                path: self.path.clone(),
                application_id: app,
                tables,
            });
        }
        if writable {
            // WAL: readers never block the writer nor see a half-written batch,
            // and a killed writer's last transaction simply is not in the log.
            // The mode is stored in the file, so read-only opens inherit it.
            if fresh {
                // Must precede WAL and the first table. Rows here are kilobytes
                // (texts, analysis JSON): 16 KiB pages hold several each instead
                // of one row plus an overflow page, and make a batch fewer,
                // larger writes.
                self.conn
                    .execute_batch("PRAGMA page_size = 16384")
                    .map_err(|e| self.err(e))?;
            }
            let _mode: String = self
                .conn
                .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
                .map_err(|e| self.err(e))?;
            // NORMAL under WAL syncs at checkpoints, not at every commit: a commit
            // is durable against a process crash (the frames are in the OS page
            // cache once write() returns) and the database is never corrupted; a
            // power cut may lose the last commits. That trade is what makes
            // small transactions cheap.
            self.conn
                .execute_batch(
                    "PRAGMA synchronous = NORMAL;
                     PRAGMA temp_store = MEMORY;
                     PRAGMA cache_size = -32768;
                     PRAGMA journal_size_limit = 67108864;",
                )
                .map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    pub(crate) fn user_version(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    fn too_new(&self, found: i64) -> StoreError {
        StoreError::TooNew {
            path: self.path.clone(),
            found,
            supported: migrations::latest(),
        }
    }

    /// Applies the migrations the file lacks, each in its own transaction.
    fn migrate(&mut self) -> Result<(), StoreError> {
        loop {
            let version = self.user_version()?;
            if version > migrations::latest() {
                return Err(self.too_new(version));
            }
            if version == migrations::latest() {
                return Ok(());
            }
            let path = self.path.clone();
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(|e| sqlite_error(&path, e))?;
            // Another process may have migrated while we waited for the lock.
            let current: i64 = tx
                .query_row("PRAGMA user_version", [], |r| r.get(0))
                .map_err(|e| sqlite_error(&path, e))?;
            if current != version {
                continue;
            }
            let Some(sql) = usize::try_from(version)
                .ok()
                .and_then(|v| MIGRATIONS.get(v))
            else {
                return Err(StoreError::TooNew {
                    path,
                    found: version,
                    supported: migrations::latest(),
                });
            };
            if version == 0 {
                tx.pragma_update(None, "application_id", APPLICATION_ID)
                    .map_err(|e| sqlite_error(&path, e))?;
            }
            tx.execute_batch(sql).map_err(|e| sqlite_error(&path, e))?;
            tx.pragma_update(None, "user_version", version + 1)
                .map_err(|e| sqlite_error(&path, e))?;
            tx.commit().map_err(|e| sqlite_error(&path, e))?;
        }
    }

    /// Starts a group: the [`Store::insert_batch`] calls that follow share one
    /// transaction, committed by [`Store::commit_group`] (dropping the store
    /// without it rolls the group back). Each batch stays all or nothing within
    /// it. A bulk load writes far fewer bytes this way: every commit rewrites the
    /// pages its inserts touched, and keys like the article id and the text hash
    /// are random, so each commit touches most pages of their indexes (and FTS5
    /// writes a new segment at each commit, merged again later).
    pub fn begin_group(&mut self) -> Result<(), StoreError> {
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(|e| self.err(e))
    }

    /// Commits the group [`Store::begin_group`] started.
    pub fn commit_group(&mut self) -> Result<(), StoreError> {
        self.conn.execute_batch("COMMIT").map_err(|e| self.err(e))
    }

    /// Writes a batch of documents and their articles in one transaction: either
    /// all of it is stored or none of it. Articles whose id is already stored are
    /// left untouched, so running the same input twice adds nothing. Inside a
    /// group ([`Store::begin_group`]) the batch is a savepoint of the group's
    /// transaction instead, durable when the group commits.
    pub fn insert_batch(&mut self, batch: &[StoredDocument]) -> Result<InsertStats, StoreError> {
        self.insert_batch_with(batch, |article, out| serde_json::to_writer(out, article))
    }

    /// [`Store::insert_batch`], with `render` appending an article's analysis as
    /// compact JSON to the buffer it is given, exactly as `serde_json::to_writer`
    /// writes it (a faster writer of the same bytes). It is called only for new
    /// articles whose document does not carry their JSON already
    /// ([`StoredDocument::with_analysis_json`]).
    pub fn insert_batch_with(
        &mut self,
        batch: &[StoredDocument],
        mut render: impl FnMut(&ArticleAnalysis, &mut Vec<u8>) -> serde_json::Result<()>,
    ) -> Result<InsertStats, StoreError> {
        if batch.is_empty() {
            return Ok(InsertStats::default());
        }
        for doc in batch {
            let computed = content_hash(&doc.text);
            if computed != doc.text_hash {
                return Err(StoreError::HashMismatch {
                    doc_path: doc.path.clone(),
                    given: doc.text_hash.clone(),
                    computed,
                });
            }
        }
        let path = self.path.clone();
        let err = |e| sqlite_error(&path, e);
        let mut stats = InsertStats::default();
        let tx = if self.conn.is_autocommit() {
            // IMMEDIATE takes the write lock up front, so a second writer waits in
            // the busy handler instead of failing on a read-to-write upgrade.
            BatchTx::Own(
                self.conn
                    .transaction_with_behavior(TransactionBehavior::Immediate)
                    .map_err(err)?,
            )
        } else {
            // Inside a group (`begin_group`): a savepoint keeps the batch all or
            // nothing, and the group's commit makes it durable.
            BatchTx::InGroup(self.conn.savepoint().map_err(err)?)
        };
        {
            let mut insert_doc = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO documents (hash, bytes, text) VALUES (?1, ?2, ?3)",
                )
                .map_err(err)?;
            let mut exists = tx
                .prepare_cached("SELECT 1 FROM articles WHERE id = ?1")
                .map_err(err)?;
            let mut insert_article = tx
                .prepare_cached(
                    "INSERT INTO articles (id, doc, path, record, span_start, span_end, format, \
                     title, outlet, author, published, url, language, label, credibility, \
                     credibility_label, sentences, claims) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, \
                     ?16, ?17, ?18)",
                )
                .map_err(err)?;
            let mut insert_analysis = tx
                .prepare_cached(
                    "INSERT INTO analyses (seq, title_start, title_end, sentence_spans, analysis) \
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )
                .map_err(err)?;
            let mut insert_search = tx
                .prepare_cached("INSERT INTO search (rowid, title, body) VALUES (?1, ?2, ?3)")
                .map_err(err)?;
            let Scratch {
                json: json_buf,
                body: body_buf,
                spans: spans_buf,
                span_list,
                packer,
            } = &mut self.scratch;
            let packer = match packer {
                Some(p) => p,
                None => packer.insert(Packer::new().map_err(|e| StoreError::Open {
                    path: path.clone(),
                    source: Box::new(e),
                })?),
            };
            for doc in batch {
                if doc.articles.is_empty() {
                    continue;
                }
                let mut doc_written = false;
                for (k, a) in doc.articles.iter().enumerate() {
                    if exists.exists([&a.id]).map_err(err)? {
                        stats.existing_articles += 1;
                        continue;
                    }
                    if !doc_written {
                        // Written only alongside a new article, so every stored
                        // text belongs to at least one stored article.
                        let n = insert_doc
                            .execute(params![doc.text_hash, doc.text.len() as i64, doc.text])
                            .map_err(err)?;
                        stats.new_documents += n as u64;
                        doc_written = true;
                    }
                    let credibility = a.credibility.as_ref();
                    insert_article
                        .execute(params![
                            a.id,
                            doc.text_hash,
                            doc.path,
                            doc.record.map(to_i64),
                            to_i64(a.source.start as u64),
                            to_i64(a.source.end as u64),
                            a.format.as_str(),
                            a.title,
                            a.outlet,
                            a.author,
                            a.published.map(|d| d.to_string()),
                            a.url,
                            a.language,
                            a.label,
                            credibility.map(|c| f64::from(c.score)),
                            credibility.map(|c| c.label.as_str()),
                            a.sentences.len() as i64,
                            a.claims.len() as i64,
                        ])
                        .map_err(err)?;
                    let seq = tx.last_insert_rowid();

                    let json = match doc.analysis_json.get(k) {
                        Some(given) => {
                            debug_assert_eq!(
                                given,
                                &serde_json::to_vec(a).unwrap_or_default(),
                                "the given JSON of article {} is not its analysis",
                                a.id
                            );
                            given
                        }
                        None => {
                            json_buf.clear();
                            render(a, json_buf).map_err(|e| StoreError::Corrupt {
                                path: path.clone(),
                                detail: format!("cannot serialise article {}: {e}", a.id),
                            })?;
                            &*json_buf
                        }
                    };
                    let packed = packer.pack(json).map_err(|e| StoreError::Corrupt {
                        path: path.clone(),
                        detail: format!("cannot compress the analysis of article {}: {e}", a.id),
                    })?;
                    search::encode_spans(&a.sentences, spans_buf);
                    span_list.clear();
                    span_list.extend(a.sentences.iter().map(|s| Span::new(s.start, s.end)));
                    let html = a.format == InputFormat::Html;
                    search::index_body(&doc.text, span_list, html, body_buf);
                    let body = std::str::from_utf8(body_buf).map_err(|e| StoreError::Corrupt {
                        path: path.clone(),
                        detail: format!(
                            "article {} has a sentence span off a character boundary: {e}",
                            a.id
                        ),
                    })?;
                    let title_span = title_span(a, &doc.text);
                    insert_analysis
                        .execute(params![
                            seq,
                            title_span.map(|s| to_i64(s.start as u64)),
                            title_span.map(|s| to_i64(s.end as u64)),
                            &spans_buf[..],
                            packed,
                        ])
                        .map_err(err)?;
                    insert_search
                        .execute(params![seq, a.title, body])
                        .map_err(err)?;
                    stats.new_articles += 1;
                }
            }
        }
        tx.commit().map_err(err)?;
        Ok(stats)
    }

    /// True when an article with exactly this id is stored.
    pub fn has_article(&self, id: &str) -> Result<bool, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT 1 FROM articles WHERE id = ?1")
            .map_err(|e| self.err(e))?;
        stmt.exists([id]).map_err(|e| self.err(e))
    }

    /// The article with this id, or with the only id starting with this prefix
    /// (like git's abbreviated hashes). `Ok(None)` when nothing matches, an
    /// [`StoreError::AmbiguousId`] listing candidates when several do.
    pub fn article(&self, id_or_prefix: &str) -> Result<Option<StoredArticle>, StoreError> {
        if id_or_prefix.is_empty() {
            return Err(StoreError::EmptyId);
        }
        if let Some(found) = self.load_article(id_or_prefix)? {
            return Ok(Some(found));
        }
        // Every id starting with the prefix sorts in [prefix, prefix || 0xFF):
        // ids are UTF-8 and no UTF-8 byte is 0xFF, and BINARY compares bytes.
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id FROM articles WHERE id >= ?1 AND id < ?1 || CAST(x'FF' AS TEXT) \
                 ORDER BY id LIMIT ?2",
            )
            .map_err(|e| self.err(e))?;
        let ids: Vec<String> = stmt
            .query_map(params![id_or_prefix, (MAX_CANDIDATES + 1) as i64], |r| {
                r.get(0)
            })
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        match ids.len() {
            0 => Ok(None),
            1 => self.load_article(&ids[0]),
            n => Err(StoreError::AmbiguousId {
                prefix: id_or_prefix.to_string(),
                more: n > MAX_CANDIDATES,
                candidates: ids.into_iter().take(MAX_CANDIDATES).collect(),
            }),
        }
    }

    fn load_article(&self, id: &str) -> Result<Option<StoredArticle>, StoreError> {
        let sql = format!(
            "SELECT {ROW_COLUMNS}, j.analysis, d.text FROM articles a \
             JOIN analyses j ON j.seq = a.seq JOIN documents d ON d.hash = a.doc WHERE a.id = ?1"
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let found = stmt
            .query_row([id], |r| {
                Ok((
                    read_row(r)?,
                    r.get::<_, Vec<u8>>(ROW_COLUMN_COUNT)?,
                    r.get::<_, String>(ROW_COLUMN_COUNT + 1)?,
                ))
            })
            .optional()
            .map_err(|e| self.err(e))?;
        let Some((row, json, text)) = found else {
            return Ok(None);
        };
        let analysis = self.parse_analysis(&json, &row.id)?;
        Ok(Some(StoredArticle {
            row,
            analysis,
            text,
        }))
    }

    fn parse_analysis(&self, packed: &[u8], id: &str) -> Result<ArticleAnalysis, StoreError> {
        let corrupt = |detail: String| StoreError::Corrupt {
            path: self.path.clone(),
            detail,
        };
        let json = codec::unpack(packed).map_err(|e| {
            corrupt(format!(
                "the analysis of article {id} does not decompress: {e}"
            ))
        })?;
        serde_json::from_slice(&json)
            .map_err(|e| corrupt(format!("the analysis of article {id} does not parse: {e}")))
    }

    /// Stored articles matching `query`, by publication date (undated last), then id.
    pub fn list(&self, query: &ListQuery) -> Result<Vec<ArticleRow>, StoreError> {
        let mut sql = format!("SELECT {ROW_COLUMNS} FROM articles a WHERE 1");
        let mut values: Vec<Value> = Vec::new();
        if let Some(outlet) = &query.outlet {
            values.push(Value::Text(outlet.clone()));
            sql.push_str(&format!(" AND a.outlet = ?{}", values.len()));
        }
        if let Some(label) = &query.label {
            values.push(Value::Text(label.clone()));
            sql.push_str(&format!(" AND a.label = ?{}", values.len()));
        }
        if let Some(since) = query.since {
            values.push(Value::Text(since.to_string()));
            sql.push_str(&format!(" AND a.published >= ?{}", values.len()));
        }
        if let Some(until) = query.until {
            values.push(Value::Text(until.to_string()));
            sql.push_str(&format!(" AND a.published <= ?{}", values.len()));
        }
        sql.push_str(" ORDER BY a.published IS NULL, a.published, a.id");
        let limit = query.limit.map_or(-1, |l| to_i64(l as u64));
        values.push(Value::Integer(limit));
        values.push(Value::Integer(to_i64(query.offset as u64)));
        sql.push_str(&format!(
            " LIMIT ?{} OFFSET ?{}",
            values.len() - 1,
            values.len()
        ));
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        stmt.query_map(rusqlite::params_from_iter(values), read_row)
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))
    }

    /// Full-text search over titles and sentences, best hits first.
    ///
    /// `q` is FTS5 query syntax: words (stemmed, case- and accent-insensitive)
    /// must all occur in the article; `"a phrase"`, `OR`, `NOT`, `prefix*`,
    /// `NEAR(a b, 5)` and `title: word` work as in SQLite. A query FTS5 cannot
    /// parse is a [`StoreError::Query`].
    pub fn search(&self, q: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        if q.trim().is_empty() {
            return Err(StoreError::Query {
                query: q.to_string(),
                reason: "the query is empty".to_string(),
            });
        }
        if limit == 0 {
            return Ok(Vec::new());
        }
        let query_error = |e: rusqlite::Error| match e {
            // The SQL is fixed, so a plain SQLITE_ERROR while matching comes from
            // the user's query (syntax, unknown column filter).
            rusqlite::Error::SqliteFailure(f, msg)
                if f.extended_code & 0xff == rusqlite::ffi::SQLITE_ERROR =>
            {
                StoreError::Query {
                    query: q.to_string(),
                    reason: msg.unwrap_or_else(|| "syntax error".to_string()),
                }
            }
            e => self.err(e),
        };
        // Rank first, then highlight only the hits kept: highlight() over every
        // match would cost a full body copy per matching article.
        let mut ranked = self
            .conn
            .prepare_cached(
                "SELECT rowid, bm25(search, 3.0, 1.0) AS score FROM search \
                 WHERE search MATCH ?1 ORDER BY score, rowid LIMIT ?2",
            )
            .map_err(|e| self.err(e))?;
        let hits: Vec<(i64, f64)> = ranked
            .query_map(params![q, to_i64(limit as u64)], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .and_then(|rows| rows.collect())
            .map_err(query_error)?;
        let mut marked = self
            .conn
            .prepare_cached(
                "SELECT highlight(search, 0, ?3, ?4), highlight(search, 1, ?3, ?4) FROM search \
                 WHERE search MATCH ?1 AND rowid = ?2",
            )
            .map_err(|e| self.err(e))?;
        let mut details = self
            .conn
            .prepare_cached(
                "SELECT a.id, a.title, a.outlet, a.published, j.title_start, j.title_end, \
                 j.sentence_spans FROM articles a JOIN analyses j ON j.seq = a.seq WHERE a.seq = ?1",
            )
            .map_err(|e| self.err(e))?;
        let (open, close) = (OPEN.to_string(), CLOSE.to_string());
        let mut out = Vec::with_capacity(hits.len());
        for (seq, rank) in hits {
            let Some((title_marked, body_marked)) = marked
                .query_row(params![q, seq, open, close], |r| {
                    Ok((
                        r.get::<_, Option<String>>(0)?,
                        r.get::<_, Option<String>>(1)?,
                    ))
                })
                .optional()
                // The query parsed above, so a failure here is not the user's.
                .map_err(|e| self.err(e))?
            else {
                continue;
            };
            let Some((id, title, outlet, published, title_start, title_end, spans)) = details
                .query_row([seq], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, Option<String>>(1)?,
                        r.get::<_, Option<String>>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, Option<i64>>(4)?,
                        r.get::<_, Option<i64>>(5)?,
                        r.get::<_, Vec<u8>>(6)?,
                    ))
                })
                .optional()
                .map_err(|e| self.err(e))?
            else {
                continue;
            };
            let spans = search::decode_spans(&spans);
            let body_lines = search::parse_highlight(body_marked.as_deref().unwrap_or(""));
            let title_lines = search::parse_highlight(title_marked.as_deref().unwrap_or(""));
            let title_span = match (title_start, title_end) {
                (Some(s), Some(e)) => Some(Span::new(to_usize(s), to_usize(e))),
                _ => None,
            };
            let (sentence, span, line) = match search::best_line(&body_lines) {
                Some(i) => (Some(i), spans.get(i).copied(), &body_lines[i]),
                None => match title_lines.first() {
                    Some(t)
                        if !t.marks.is_empty() || body_lines.iter().all(|l| l.text.is_empty()) =>
                    {
                        (None, title_span, t)
                    }
                    // Nothing marked (a query of only NOT terms cannot match, but
                    // be safe): show the first sentence. parse_highlight always
                    // returns at least one line.
                    _ => (
                        Some(0).filter(|_| !spans.is_empty()),
                        spans.first().copied(),
                        &body_lines[0],
                    ),
                },
            };
            let matches = match span {
                Some(span) => line
                    .marks
                    .iter()
                    .map(|m| {
                        Span::new(
                            span.start.saturating_add(m.start),
                            span.start.saturating_add(m.end),
                        )
                    })
                    .collect(),
                None => Vec::new(),
            };
            let (snippet, highlights) = search::snippet(line);
            out.push(SearchHit {
                article: id,
                title,
                outlet,
                published: published.and_then(|p| p.parse::<NaiveDate>().ok()),
                rank,
                sentence,
                span,
                matches,
                snippet,
                highlights,
            });
        }
        Ok(out)
    }

    /// The document text stored under `hash`.
    pub fn document_text(&self, hash: &str) -> Result<Option<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT text FROM documents WHERE hash = ?1")
            .map_err(|e| self.err(e))?;
        stmt.query_row([hash], |r| r.get(0))
            .optional()
            .map_err(|e| self.err(e))
    }

    /// How much the store holds.
    pub fn counts(&self) -> Result<Counts, StoreError> {
        let (documents, text_bytes): (i64, i64) = self
            .conn
            .query_row(
                "SELECT count(*), coalesce(sum(bytes), 0) FROM documents",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(|e| self.err(e))?;
        let (articles, outlets, scored, labelled): (i64, i64, i64, i64) = self
            .conn
            .query_row(
                "SELECT count(*), count(DISTINCT outlet), count(credibility), count(label) FROM articles",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .map_err(|e| self.err(e))?;
        Ok(Counts {
            documents: to_u64(documents),
            articles: to_u64(articles),
            text_bytes: to_u64(text_bytes),
            outlets: to_u64(outlets),
            scored: to_u64(scored),
            labelled: to_u64(labelled),
            schema_version: self.user_version()?,
        })
    }

    /// Calls `f` with every stored analysis in insertion order (the order of the
    /// runs' inputs), one at a time: linking new articles against a large store
    /// without holding every analysis in memory.
    pub fn for_each_article(
        &self,
        mut f: impl FnMut(ArticleAnalysis) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT a.id, j.analysis FROM analyses j JOIN articles a ON a.seq = j.seq ORDER BY j.seq")
            .map_err(|e| self.err(e))?;
        let mut rows = stmt.query([]).map_err(|e| self.err(e))?;
        while let Some(row) = rows.next().map_err(|e| self.err(e))? {
            let id: String = row.get(0).map_err(|e| self.err(e))?;
            let json = row
                .get_ref(1)
                .and_then(|v| v.as_blob().map_err(rusqlite::Error::from))
                .map_err(|e| self.err(e))?;
            f(self.parse_analysis(json, &id)?)?;
        }
        Ok(())
    }

    /// Every stored analysis, in insertion order.
    pub fn all_articles(&self) -> Result<Vec<ArticleAnalysis>, StoreError> {
        let mut all = Vec::new();
        self.for_each_article(|a| {
            all.push(a);
            Ok(())
        })?;
        Ok(all)
    }

    /// Checks the file and the tables' agreement: SQLite's `integrity_check`, the
    /// FTS index against its content, and that every article has its analysis,
    /// its document and its search row. Returns the problems found (empty: sound).
    pub fn check(&self) -> Result<Vec<String>, StoreError> {
        let mut problems: Vec<String> = Vec::new();
        let mut stmt = self
            .conn
            .prepare("PRAGMA integrity_check")
            .map_err(|e| self.err(e))?;
        let rows: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        problems.extend(rows.into_iter().filter(|r| r != "ok"));
        if !self.conn.is_readonly("main").unwrap_or(true) {
            if let Err(e) = self.conn.execute(
                "INSERT INTO search (search, rank) VALUES ('integrity-check', 1)",
                [],
            ) {
                problems.push(format!("full-text index: {e}"));
            }
        }
        let orphans: [(&str, &str); 4] = [
            (
                "articles without an analysis",
                "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM analyses j WHERE j.seq = a.seq)",
            ),
            (
                "articles without a document",
                "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.hash = a.doc)",
            ),
            (
                "analyses without an article",
                "SELECT count(*) FROM analyses j WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.seq = j.seq)",
            ),
            (
                "articles missing from the search index (or extra rows in it)",
                "SELECT abs((SELECT count(*) FROM articles) - (SELECT count(*) FROM search_docsize))",
            ),
        ];
        for (what, sql) in orphans {
            let n: i64 = self
                .conn
                .query_row(sql, [], |r| r.get(0))
                .map_err(|e| self.err(e))?;
            if n != 0 {
                problems.push(format!("{n} {what}"));
            }
        }
        Ok(problems)
    }
}

/// The transaction one [`Store::insert_batch`] writes in.
enum BatchTx<'c> {
    /// Its own, committed at the end of the batch.
    Own(rusqlite::Transaction<'c>),
    /// A savepoint in a group's transaction.
    InGroup(rusqlite::Savepoint<'c>),
}

impl std::ops::Deref for BatchTx<'_> {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        match self {
            BatchTx::Own(tx) => tx,
            BatchTx::InGroup(sp) => sp,
        }
    }
}

impl BatchTx<'_> {
    /// Commits the transaction, or releases the savepoint into its group.
    fn commit(self) -> rusqlite::Result<()> {
        match self {
            BatchTx::Own(tx) => tx.commit(),
            BatchTx::InGroup(sp) => sp.commit(),
        }
    }
}

/// The title's span in the text, when the title was read from it verbatim (so
/// offsets into the title are offsets into the text).
fn title_span(a: &ArticleAnalysis, text: &str) -> Option<Span> {
    let title = a.title.as_deref()?;
    a.metadata_spans
        .iter()
        .filter(|m| m.field == "title")
        .map(|m| Span::new(m.start, m.end))
        .find(|s| s.slice(text) == title)
}

fn read_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ArticleRow> {
    Ok(ArticleRow {
        id: r.get(0)?,
        title: r.get(1)?,
        outlet: r.get(2)?,
        author: r.get(3)?,
        published: r.get::<_, Option<String>>(4)?.and_then(|p| p.parse().ok()),
        path: r.get(5)?,
        record: r.get::<_, Option<i64>>(6)?.map(to_u64),
        start: to_usize(r.get(7)?),
        end: to_usize(r.get(8)?),
        format: r.get(9)?,
        url: r.get(10)?,
        language: r.get(11)?,
        label: r.get(12)?,
        credibility: r.get::<_, Option<f64>>(13)?.map(|c| c as f32),
        credibility_label: r.get(14)?,
        sentences: to_usize(r.get(15)?),
        claims: to_usize(r.get(16)?),
        text_hash: r.get(17)?,
    })
}

fn to_i64(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

fn to_u64(v: i64) -> u64 {
    u64::try_from(v).unwrap_or(0)
}

fn to_usize(v: i64) -> usize {
    usize::try_from(v).unwrap_or(0)
}

pub(crate) fn sqlite_error(path: &Path, e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => StoreError::NotADatabase {
            path: path.to_path_buf(),
        },
        _ => StoreError::Sqlite {
            path: path.to_path_buf(),
            source: e,
        },
    }
}

fn open_error(path: &Path, e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => StoreError::NotADatabase {
            path: path.to_path_buf(),
        },
        _ => StoreError::Open {
            path: path.to_path_buf(),
            source: Box::new(e),
        },
    }
}
