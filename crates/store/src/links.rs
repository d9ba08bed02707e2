//! What linking found across articles: the linker's saved state (so the next run
//! links new articles against everything stored without reading the corpus
//! again) and its results (independence groups, events, contradictions,
//! corroborations, claim statuses), kept as rows the API and the UI can query.

use crosscheck_link::{LinkConfig, LinkResult, Linker};
use crosscheck_schema::{
    ClaimStatus, Contradiction, Corroboration, Credibility, Event, IndependenceGroup,
};
use rusqlite::types::ValueRef;
use rusqlite::{params, TransactionBehavior};

use crate::codec;
use crate::store::sqlite_error;
use crate::{Store, StoreError};

/// One complete linking result, saved together with the state that produced it.
#[derive(Clone, Copy, Debug)]
pub struct LinkSnapshot<'a> {
    /// The linker's serialised state (opaque to the store).
    pub state: &'a [u8],
    pub groups: &'a [IndependenceGroup],
    pub events: &'a [Event],
    pub contradictions: &'a [Contradiction],
    pub corroborations: &'a [Corroboration],
    /// `(claim id, status)`; a claim id is `<article id>/c<n>`.
    pub statuses: &'a [(String, ClaimStatus)],
}

/// An event with what was found about it.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct EventDetail {
    pub event: Event,
    pub contradictions: Vec<Contradiction>,
    pub corroborations: Vec<Corroboration>,
}

/// How many link states have been saved into the store.
fn generation(conn: &rusqlite::Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT generation FROM link_meta WHERE id = 1", [], |r| {
        r.get(0)
    })
}

/// The linker state is saved in parts of at most this many bytes: SQLite's
/// limit on one value is 1 GB, and the state grows with the corpus.
const STATE_PART_BYTES: usize = 64 << 20;

impl Store {
    /// The linker state saved by the last run that linked, if any.
    pub fn link_state(&self) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self.link_state_versioned()?.0)
    }

    /// The linker state and its generation (how many states have been saved), read
    /// together. Pass the generation to [`Store::save_links_over`] so that a save
    /// never overwrites a state another run saved in the meantime.
    pub fn link_state_versioned(&self) -> Result<(Option<Vec<u8>>, i64), StoreError> {
        let err = |e| sqlite_error(&self.path, e);
        // One read transaction: the parts and the counter of the same save.
        let tx = self.conn.unchecked_transaction().map_err(err)?;
        let generation = generation(&tx).map_err(err)?;
        let state = self.read_state()?;
        tx.commit().map_err(err)?;
        Ok((state, generation))
    }

    /// The linker saved by the last run that linked (a new one with the default
    /// configuration when none was), with the generation of the state read: pass
    /// it to [`Store::save_linker`] so that the save never overwrites a state
    /// another run saved in the meantime.
    pub fn linker(&self) -> Result<(Linker, i64), StoreError> {
        let (state, generation) = self.link_state_versioned()?;
        let linker = match state {
            Some(bytes) => Linker::from_state(&bytes).map_err(|e| StoreError::Corrupt {
                path: self.path.clone(),
                detail: format!("link state: {e}"),
            })?,
            None => Linker::new(LinkConfig::default()),
        };
        Ok((linker, generation))
    }

    /// Saves the linker's state and what it found (`result`) in one transaction,
    /// over the state of generation `base` ([`Store::save_links_over`]: a
    /// [`StoreError::LinkConflict`] when another run saved links since, and
    /// nothing written).
    pub fn save_linker(
        &mut self,
        linker: &Linker,
        result: &LinkResult,
        base: Option<i64>,
    ) -> Result<(), StoreError> {
        self.save_links_over(
            &LinkSnapshot {
                state: &linker.to_state(),
                groups: &result.groups,
                events: &result.events,
                contradictions: &result.contradictions,
                corroborations: &result.corroborations,
                statuses: &result.statuses,
            },
            base,
        )
    }

    fn read_state(&self) -> Result<Option<Vec<u8>>, StoreError> {
        let err = |e| sqlite_error(&self.path, e);
        let mut select = self
            .conn
            .prepare_cached("SELECT bytes FROM link_state_parts ORDER BY part")
            .map_err(err)?;
        let mut rows = select.query([]).map_err(err)?;
        let mut packed: Option<Vec<u8>> = None;
        while let Some(row) = rows.next().map_err(err)? {
            // Borrowed from SQLite, copied once into the frame.
            let part = row
                .get_ref(0)
                .and_then(|v| v.as_blob().map_err(rusqlite::Error::from))
                .map_err(err)?;
            packed.get_or_insert_with(Vec::new).extend_from_slice(part);
        }
        match packed {
            // Saved unpacked (see `save_links_over`), or a zstd frame as before.
            Some(p) if codec::is_frame(&p) => {
                codec::unpack(&p)
                    .map(Some)
                    .map_err(|e| StoreError::Corrupt {
                        path: self.path.clone(),
                        detail: format!("link state: {e}"),
                    })
            }
            state => Ok(state),
        }
    }

    /// Replaces the saved linking state and results with `snapshot`, in one
    /// transaction, whatever was saved before.
    pub fn save_links(&mut self, snapshot: &LinkSnapshot) -> Result<(), StoreError> {
        self.save_links_over(snapshot, None)
    }

    /// [`Store::save_links`], but only over the state of generation `base` (from
    /// [`Store::link_state_versioned`]): when another run saved links since,
    /// nothing is written and the error is [`StoreError::LinkConflict`].
    pub fn save_links_over(
        &mut self,
        snapshot: &LinkSnapshot,
        base: Option<i64>,
    ) -> Result<(), StoreError> {
        let path = self.path.clone();
        let err = |e| sqlite_error(&path, e);
        let json = |v: &dyn erased::Json| {
            v.to_json().map_err(|e| StoreError::Corrupt {
                path: path.clone(),
                detail: e,
            })
        };
        // The state is saved as it is: it is mostly hashes (minhash signatures,
        // LSH band keys), which zstd shrank by only a quarter at a cost of about
        // 28 instructions a byte, a tenth of a store run's own work. A state that
        // happens to begin like a zstd frame is packed, so that reading tells the
        // two apart by the first bytes.
        let state = if codec::is_frame(snapshot.state) {
            let packer = match &mut self.scratch.packer {
                Some(p) => p,
                empty => empty.insert(codec::Packer::new().map_err(|e| StoreError::Open {
                    path: path.clone(),
                    source: Box::new(e),
                })?),
            };
            packer
                .pack(snapshot.state)
                .map_err(|e| StoreError::Corrupt {
                    path: path.clone(),
                    detail: e.to_string(),
                })?
        } else {
            snapshot.state
        };
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let found = generation(&tx).map_err(err)?;
        if let Some(expected) = base.filter(|&b| b != found) {
            return Err(StoreError::LinkConflict {
                path: path.clone(),
                expected,
                found,
            });
        }
        tx.execute("UPDATE link_meta SET generation = generation + 1", [])
            .map_err(err)?;
        tx.execute_batch(
            "DELETE FROM link_groups; DELETE FROM link_events; DELETE FROM link_event_articles;
             DELETE FROM link_contradictions; DELETE FROM link_corroborations; DELETE FROM link_claim_status;",
        )
        .map_err(err)?;
        tx.execute("DELETE FROM link_state_parts", [])
            .map_err(err)?;
        {
            let mut insert = tx
                .prepare_cached("INSERT INTO link_state_parts (part, bytes) VALUES (?1, ?2)")
                .map_err(err)?;
            for (i, part) in state.chunks(STATE_PART_BYTES).enumerate() {
                insert.execute(params![i as i64, part]).map_err(err)?;
            }
        }
        {
            let mut insert = tx
                .prepare_cached("INSERT INTO link_groups (id, origin, json) VALUES (?1, ?2, ?3)")
                .map_err(err)?;
            for g in snapshot.groups {
                insert
                    .execute(params![g.id, g.origin, json(g)?])
                    .map_err(err)?;
            }
            let mut insert = tx
                .prepare_cached(
                    "INSERT INTO link_events (id, type, description, date_from, date_to, json) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )
                .map_err(err)?;
            let mut member = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO link_event_articles (event, article) VALUES (?1, ?2)",
                )
                .map_err(err)?;
            for e in snapshot.events {
                insert
                    .execute(params![
                        e.id,
                        e.event_type.as_str(),
                        e.description,
                        e.date_from.map(|d| d.to_string()),
                        e.date_to.map(|d| d.to_string()),
                        json(e)?
                    ])
                    .map_err(err)?;
                for a in &e.articles {
                    member.execute(params![e.id, a]).map_err(err)?;
                }
            }
            let mut insert = tx
                .prepare_cached("INSERT INTO link_contradictions (id, event, field, json) VALUES (?1, ?2, ?3, ?4)")
                .map_err(err)?;
            for c in snapshot.contradictions {
                insert
                    .execute(params![c.id, c.event, c.field.as_str(), json(c)?])
                    .map_err(err)?;
            }
            let mut insert = tx
                .prepare_cached(
                    "INSERT INTO link_corroborations (event, field, json) VALUES (?1, ?2, ?3)",
                )
                .map_err(err)?;
            for c in snapshot.corroborations {
                insert
                    .execute(params![c.event, c.field.as_str(), json(c)?])
                    .map_err(err)?;
            }
            let mut insert = tx
                .prepare_cached(
                    "INSERT OR REPLACE INTO link_claim_status (claim, status) VALUES (?1, ?2)",
                )
                .map_err(err)?;
            for (claim, status) in snapshot.statuses {
                insert
                    .execute(params![claim, status.as_str()])
                    .map_err(err)?;
            }
        }
        tx.commit().map_err(err)
    }

    /// Sets the credibility of stored articles (ids the store does not hold are
    /// ignored), in one transaction.
    pub fn set_credibility(&mut self, batch: &[(String, Credibility)]) -> Result<(), StoreError> {
        self.set_credibility_with(batch, |c, out| serde_json::to_writer(out, c))
    }

    /// [`Store::set_credibility`], with `render` appending a credibility's
    /// reasons as compact JSON to the buffer it is given, exactly as
    /// `serde_json::to_writer` writes them (a faster writer of the same bytes).
    pub fn set_credibility_with(
        &mut self,
        batch: &[(String, Credibility)],
        mut render: impl FnMut(&Credibility, &mut Vec<u8>) -> serde_json::Result<()>,
    ) -> Result<(), StoreError> {
        let path = self.path.clone();
        let err = |e| sqlite_error(&path, e);
        let corrupt = |detail: String| StoreError::Corrupt {
            path: path.clone(),
            detail,
        };
        let json = &mut self.scratch.json;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        {
            // The article's row keeps the score and label for listing; its
            // reasons are keyed by the row's `seq`, looked up by the insert itself
            // (an `UPDATE ... RETURNING` made SQLite collect the returned row in
            // a temporary table per article).
            let mut row = tx
                .prepare_cached(
                    "UPDATE articles SET credibility = ?2, credibility_label = ?3 WHERE id = ?1",
                )
                .map_err(err)?;
            let mut reasons = tx
                .prepare_cached(
                    "INSERT OR REPLACE INTO article_credibility (seq, reasons) \
                     SELECT seq, ?2 FROM articles WHERE id = ?1",
                )
                .map_err(err)?;
            for (id, c) in batch {
                let updated = row
                    .execute(params![id, c.score, c.label.as_str()])
                    .map_err(err)?;
                if updated == 0 {
                    continue;
                }
                json.clear();
                render(c, json).map_err(|e| corrupt(e.to_string()))?;
                // Kept as JSON text: a reason list is about 1.8 KB, which zstd
                // only halves, at a cost (about 74,000 instructions a row) that
                // showed as 2 % of a whole run into the store.
                let text = std::str::from_utf8(json).map_err(|e| corrupt(e.to_string()))?;
                reasons.execute(params![id, text]).map_err(err)?;
            }
        }
        tx.commit().map_err(err)
    }

    /// Fills in what the stored analysis of `article` cannot hold because it was
    /// known only after linking: each claim's status and the credibility.
    pub fn merge_links(
        &self,
        article: &mut crosscheck_schema::ArticleAnalysis,
    ) -> Result<(), StoreError> {
        article.set_statuses(&self.claim_statuses(&article.id)?);
        if let Some(c) = self.credibility(&article.id)? {
            article.credibility = Some(c);
        }
        Ok(())
    }

    /// The credibility last set for an article.
    pub fn credibility(&self, article: &str) -> Result<Option<Credibility>, StoreError> {
        let err = |e| sqlite_error(&self.path, e);
        let corrupt = |detail: String| StoreError::Corrupt {
            path: self.path.clone(),
            detail: format!("the credibility of article {article}: {detail}"),
        };
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT c.reasons FROM article_credibility c JOIN articles a ON a.seq = c.seq \
                 WHERE a.id = ?1",
            )
            .map_err(err)?;
        let mut rows = stmt.query(params![article]).map_err(err)?;
        let Some(row) = rows.next().map_err(err)? else {
            return Ok(None);
        };
        // JSON text (rows moved from a store older than schema version 6, and
        // rows written since version 7), or a zstd frame of the JSON (rows written
        // by version 6).
        let parsed = match row.get_ref(0).map_err(err)? {
            ValueRef::Blob(packed) => {
                let json = codec::unpack(packed).map_err(|e| corrupt(e.to_string()))?;
                serde_json::from_slice(&json)
            }
            ValueRef::Text(json) => serde_json::from_slice(json),
            other => return Err(corrupt(format!("a {:?} value", other.data_type()))),
        };
        parsed.map(Some).map_err(|e| corrupt(e.to_string()))
    }

    /// Events in the order linking listed them, only those with a contradiction
    /// when `contradicted_only` (filtered before paging); `limit` 0 means all.
    pub fn events(
        &self,
        limit: usize,
        offset: usize,
        contradicted_only: bool,
    ) -> Result<Vec<Event>, StoreError> {
        let limit = if limit == 0 { -1 } else { limit as i64 };
        let sql = if contradicted_only {
            "SELECT json FROM link_events WHERE id IN (SELECT event FROM link_contradictions) \
             ORDER BY seq LIMIT ?1 OFFSET ?2"
        } else {
            "SELECT json FROM link_events ORDER BY seq LIMIT ?1 OFFSET ?2"
        };
        self.json_rows(sql, params![limit, offset as i64])
    }

    /// The fields (`killed`, `actor`, ...) the claims about event `id` contradict
    /// each other on, each once, in the order of their first contradiction.
    pub fn contradicted_fields(&self, event: &str) -> Result<Vec<String>, StoreError> {
        let err = |e| sqlite_error(&self.path, e);
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT field FROM link_contradictions WHERE event = ?1 \
                 GROUP BY field ORDER BY MIN(id)",
            )
            .map_err(err)?;
        let rows = stmt.query_map(params![event], |r| r.get(0)).map_err(err)?;
        rows.collect::<Result<Vec<String>, _>>().map_err(err)
    }

    /// One event with its contradictions and corroborations.
    pub fn event(&self, id: &str) -> Result<Option<EventDetail>, StoreError> {
        let events: Vec<Event> =
            self.json_rows("SELECT json FROM link_events WHERE id = ?1", params![id])?;
        let Some(event) = events.into_iter().next() else {
            return Ok(None);
        };
        Ok(Some(EventDetail {
            contradictions: self.json_rows(
                "SELECT json FROM link_contradictions WHERE event = ?1 ORDER BY id",
                params![id],
            )?,
            corroborations: self.json_rows(
                "SELECT json FROM link_corroborations WHERE event = ?1 ORDER BY seq",
                params![id],
            )?,
            event,
        }))
    }

    /// All contradictions, in id order; `limit` 0 means all.
    pub fn contradictions(
        &self,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<Contradiction>, StoreError> {
        let limit = if limit == 0 { -1 } else { limit as i64 };
        self.json_rows(
            "SELECT json FROM link_contradictions ORDER BY id LIMIT ?1 OFFSET ?2",
            params![limit, offset as i64],
        )
    }

    /// The ids of the events an article's claims belong to.
    pub fn article_events(&self, article: &str) -> Result<Vec<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT event FROM link_event_articles WHERE article = ?1 ORDER BY event",
            )
            .map_err(|e| sqlite_error(&self.path, e))?;
        let rows = stmt
            .query_map(params![article], |r| r.get(0))
            .map_err(|e| sqlite_error(&self.path, e))?;
        rows.collect::<Result<Vec<String>, _>>()
            .map_err(|e| sqlite_error(&self.path, e))
    }

    /// The linking status of each of an article's claims.
    pub fn claim_statuses(&self, article: &str) -> Result<Vec<(String, ClaimStatus)>, StoreError> {
        // The claims whose id is the article's id, or starts with it and `/`:
        // every id in [`<article>/`, `<article>0`) does, as `0` follows `/`.
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT claim, status FROM link_claim_status \
                 WHERE claim = ?1 OR (claim >= ?1 || '/' AND claim < ?1 || '0') ORDER BY claim",
            )
            .map_err(|e| sqlite_error(&self.path, e))?;
        let rows = stmt
            .query_map(params![article], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })
            .map_err(|e| sqlite_error(&self.path, e))?;
        let mut out = Vec::new();
        for row in rows {
            let (claim, status) = row.map_err(|e| sqlite_error(&self.path, e))?;
            if let Some(s) = ClaimStatus::from_name(&status) {
                out.push((claim, s));
            }
        }
        Ok(out)
    }

    fn json_rows<T: serde::de::DeserializeOwned>(
        &self,
        sql: &str,
        args: impl rusqlite::Params,
    ) -> Result<Vec<T>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(sql)
            .map_err(|e| sqlite_error(&self.path, e))?;
        let rows = stmt
            .query_map(args, |r| r.get::<_, String>(0))
            .map_err(|e| sqlite_error(&self.path, e))?;
        let mut out = Vec::new();
        for row in rows {
            let text = row.map_err(|e| sqlite_error(&self.path, e))?;
            out.push(
                serde_json::from_str(&text).map_err(|e| StoreError::Corrupt {
                    path: self.path.clone(),
                    detail: format!("link row: {e}"),
                })?,
            );
        }
        Ok(out)
    }
}

/// Object-safe JSON encoding for the row types.
mod erased {
    pub trait Json {
        fn to_json(&self) -> Result<String, String>;
    }

    impl<T: serde::Serialize> Json for T {
        fn to_json(&self) -> Result<String, String> {
            serde_json::to_string(self).map_err(|e| e.to_string())
        }
    }
}
