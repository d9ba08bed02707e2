mod common;

use common::{analysis, document, Meta};
use crosscheck_schema::{InputFormat, Span};
use crosscheck_store::{content_hash, ListQuery, Store, StoreError, StoredDocument};

const ALEPPO: &str = "Air strikes kill 23 in eastern Aleppo\n\
Air strikes on the eastern districts of Aleppo killed at least 23 civilians on Tuesday, \
the Syrian Observatory for Human Rights said. Rescue workers pulled children from the rubble \
of a four-storey building in al-Shaar. The monitor said the toll was likely to rise.";

const DOUMA: &str = "Government denies shelling Douma\n\
The army denied on Wednesday that its artillery had shelled a market in Douma. \
State media said the blast was caused by a car bomb planted by militants. \
Activists said the strikes came from government positions on the hills above the town.";

const IDLIB: &str = "Ceasefire holds in Idlib\n\
A ceasefire brokered by Russia and Turkey largely held in Idlib province on Friday. \
Residents of Maarat al-Numan reported no air strikes for the first time in weeks. \
Aid convoys reached Hôms and the northern countryside.";

fn fixtures() -> Vec<StoredDocument> {
    vec![
        document(
            "news/aleppo.txt",
            ALEPPO,
            &Meta {
                title: Some("Air strikes kill 23 in eastern Aleppo"),
                outlet: Some("Reuters"),
                published: Some("2016-10-11"),
                label: Some("credible"),
                credibility: Some(0.81),
                ..Meta::default()
            },
        ),
        document(
            "news/douma.txt",
            DOUMA,
            &Meta {
                title: Some("Government denies shelling Douma"),
                outlet: Some("SANA"),
                published: Some("2016-10-12"),
                label: Some("fake"),
                credibility: Some(0.22),
                ..Meta::default()
            },
        ),
        document(
            "news/idlib.txt",
            IDLIB,
            &Meta {
                title: Some("Ceasefire holds in Idlib"),
                outlet: Some("Reuters"),
                ..Meta::default()
            },
        ),
    ]
}

fn ids(store: &Store, q: &ListQuery) -> Vec<String> {
    store
        .list(q)
        .expect("list")
        .into_iter()
        .map(|r| r.title.unwrap_or_default())
        .collect()
}

#[test]
fn rerunning_the_same_input_adds_nothing() {
    let mut store = Store::open_in_memory().expect("open");
    let batch = fixtures();
    let first = store.insert_batch(&batch).expect("insert");
    assert_eq!(
        (
            first.new_articles,
            first.existing_articles,
            first.new_documents
        ),
        (3, 0, 3)
    );
    let before = store.counts().expect("counts");

    let again = store.insert_batch(&batch).expect("insert again");
    assert_eq!(
        (
            again.new_articles,
            again.existing_articles,
            again.new_documents
        ),
        (0, 3, 0)
    );
    assert_eq!(store.counts().expect("counts"), before);

    // The same text under another path is one stored text; the same article id
    // twice in one batch is stored once.
    let copy = document("mirror/aleppo-copy.txt", ALEPPO, &Meta::default());
    let stats = store
        .insert_batch(&[copy.clone(), copy])
        .expect("insert copies");
    assert_eq!(
        (
            stats.new_articles,
            stats.existing_articles,
            stats.new_documents
        ),
        (1, 1, 0)
    );
    let counts = store.counts().expect("counts");
    assert_eq!((counts.articles, counts.documents), (4, 3));
    assert_eq!(
        counts.text_bytes,
        (ALEPPO.len() + DOUMA.len() + IDLIB.len()) as u64
    );
    assert_eq!((counts.outlets, counts.scored, counts.labelled), (2, 2, 2));
    assert!(store.check().expect("check").is_empty());
}

#[test]
fn a_stored_article_reads_back_whole() {
    let mut store = Store::open_in_memory().expect("open");
    let batch = fixtures();
    store.insert_batch(&batch).expect("insert");
    let original = &batch[1].articles[0];

    let found = store
        .article(&original.id)
        .expect("lookup")
        .expect("stored");
    assert_eq!(&found.analysis, original);
    assert_eq!(found.text, DOUMA);
    assert_eq!(found.row.outlet.as_deref(), Some("SANA"));
    assert_eq!(found.row.published, "2016-10-12".parse().ok());
    assert_eq!(found.row.credibility_label.as_deref(), Some("doubtful"));
    assert_eq!(found.row.sentences, original.sentences.len());
    assert_eq!(found.row.text_hash, content_hash(DOUMA));
    assert_eq!(
        store
            .document_text(&found.row.text_hash)
            .expect("text")
            .as_deref(),
        Some(DOUMA)
    );
    // Every sentence span of the stored analysis indexes the stored text.
    let first = found.analysis.sentences[0];
    assert_eq!(
        Span::new(first.start, first.end).slice(&found.text),
        "The army denied on Wednesday that its artillery had shelled a market in Douma."
    );
    assert!(store.has_article(&original.id).expect("has"));
    assert!(!store.has_article("no-such-article").expect("has"));

    let json = serde_json::to_value(&found.row).expect("row json");
    assert_eq!(json["outlet"], "SANA");
    assert_eq!(json["published"], "2016-10-12");

    let all = store.all_articles().expect("all");
    let order: Vec<&str> = all.iter().map(|a| a.id.as_str()).collect();
    let expected: Vec<&str> = batch.iter().map(|d| d.articles[0].id.as_str()).collect();
    assert_eq!(order, expected, "insertion order");
}

/// An analysis the caller already wrote as JSON is stored as given, and one it
/// did not is written by the caller's `render`, called only for new articles.
#[test]
fn analyses_given_as_json_or_rendered_by_the_caller_read_back_whole() {
    let mut store = Store::open_in_memory().expect("open");
    let mut batch = fixtures();
    let given: Vec<Vec<u8>> = batch[0]
        .articles
        .iter()
        .map(|a| serde_json::to_vec(a).expect("json"))
        .collect();
    batch[0] = batch[0].clone().with_analysis_json(given);
    let mut rendered = Vec::new();
    let stats = store
        .insert_batch_with(&batch, |article, out| {
            rendered.push(article.id.clone());
            serde_json::to_writer(out, article)
        })
        .expect("insert");
    assert_eq!(stats.new_articles, 3);
    // The first document's article came with its JSON.
    assert_eq!(
        rendered,
        vec![
            batch[1].articles[0].id.clone(),
            batch[2].articles[0].id.clone()
        ]
    );
    for doc in &batch {
        let found = store
            .article(&doc.articles[0].id)
            .expect("lookup")
            .expect("stored");
        assert_eq!(found.analysis, doc.articles[0]);
    }
    // Nothing new: nothing rendered.
    let mut again = 0;
    store
        .insert_batch_with(&batch, |article, out| {
            again += 1;
            serde_json::to_writer(out, article)
        })
        .expect("re-insert");
    assert_eq!(again, 0);
}

#[test]
fn list_filters_and_orders_by_date_then_id() {
    let mut store = Store::open_in_memory().expect("open");
    store.insert_batch(&fixtures()).expect("insert");

    let all = ids(&store, &ListQuery::default());
    assert_eq!(
        all,
        [
            "Air strikes kill 23 in eastern Aleppo",
            "Government denies shelling Douma",
            "Ceasefire holds in Idlib", // undated: last
        ]
    );
    let reuters = ListQuery {
        outlet: Some("reuters".to_string()),
        ..ListQuery::default()
    };
    assert_eq!(ids(&store, &reuters).len(), 2, "outlet ignores case");
    let since = ListQuery {
        since: "2016-10-12".parse().ok(),
        ..ListQuery::default()
    };
    assert_eq!(ids(&store, &since), ["Government denies shelling Douma"]);
    let until = ListQuery {
        until: "2016-10-11".parse().ok(),
        ..ListQuery::default()
    };
    assert_eq!(
        ids(&store, &until),
        ["Air strikes kill 23 in eastern Aleppo"]
    );
    let fake = ListQuery {
        label: Some("FAKE".to_string()),
        ..ListQuery::default()
    };
    assert_eq!(ids(&store, &fake), ["Government denies shelling Douma"]);
    let page = ListQuery {
        limit: Some(1),
        offset: 1,
        ..ListQuery::default()
    };
    assert_eq!(ids(&store, &page), ["Government denies shelling Douma"]);
}

#[test]
fn ids_resolve_by_unique_prefix_like_git() {
    let mut store = Store::open_in_memory().expect("open");
    let make = |id: &'static str, text: &'static str| {
        document(
            &format!("news/{id}.txt"),
            text,
            &Meta {
                id: Some(id),
                ..Meta::default()
            },
        )
    };
    store
        .insert_batch(&[
            make("7f3a01c2", "Rebels shelled the airport road."),
            make("7f3a9b10", "The airport road reopened on Monday."),
            make("c0ffee42", "Talks resumed in Geneva."),
        ])
        .expect("insert");

    let found = store
        .article("c0f")
        .expect("lookup")
        .expect("unique prefix");
    assert_eq!(found.row.id, "c0ffee42");
    let exact = store
        .article("7f3a01c2")
        .expect("lookup")
        .expect("exact id");
    assert_eq!(exact.text, "Rebels shelled the airport road.");
    assert!(store.article("7f4").expect("lookup").is_none());

    match store.article("7f3a") {
        Err(e @ StoreError::AmbiguousId { .. }) => {
            let msg = e.to_string();
            assert!(
                msg.contains("7f3a01c2") && msg.contains("7f3a9b10"),
                "{msg}"
            );
            if let StoreError::AmbiguousId {
                candidates, more, ..
            } = e
            {
                assert_eq!(candidates, ["7f3a01c2", "7f3a9b10"]);
                assert!(!more);
            }
        }
        other => panic!("expected an ambiguous prefix, got {other:?}"),
    }
    assert!(matches!(store.article(""), Err(StoreError::EmptyId)));
}

#[test]
fn search_finds_the_sentence_that_matches() {
    let mut store = Store::open_in_memory().expect("open");
    let batch = fixtures();
    store.insert_batch(&batch).expect("insert");

    // Stemmed ("strike" finds "strikes"); all words must be in the article, not
    // in one sentence; the hit points at the sentence holding most of them.
    let hits = store.search("strike children rubble", 10).expect("search");
    assert_eq!(hits.len(), 1);
    let hit = &hits[0];
    assert_eq!(hit.article, batch[0].articles[0].id);
    assert_eq!(hit.outlet.as_deref(), Some("Reuters"));
    let span = hit.span.expect("sentence span");
    assert_eq!(
        span.slice(ALEPPO),
        "Rescue workers pulled children from the rubble of a four-storey building in al-Shaar."
    );
    assert_eq!(hit.sentence, Some(1));
    let words: Vec<&str> = hit.matches.iter().map(|m| m.slice(ALEPPO)).collect();
    assert_eq!(words, ["children", "rubble"]);
    let marked: Vec<&str> = hit
        .highlights
        .iter()
        .map(|h| h.slice(&hit.snippet))
        .collect();
    assert_eq!(marked, ["children", "rubble"]);

    // Ranked: the Douma piece mentions strikes once, the Aleppo one in its title too.
    let hits = store.search("strikes", 10).expect("search");
    assert_eq!(hits.len(), 3);
    assert_eq!(hits[0].article, batch[0].articles[0].id);
    assert!(hits[0].rank <= hits[1].rank && hits[1].rank <= hits[2].rank);

    // Phrases, accents, column filters.
    let hits = store.search("\"car bomb\"", 10).expect("phrase");
    assert_eq!(hits.len(), 1);
    assert_eq!(
        hits[0]
            .matches
            .iter()
            .map(|m| m.slice(DOUMA))
            .collect::<Vec<_>>(),
        ["car bomb"]
    );
    let hits = store.search("Homs", 10).expect("accent-insensitive");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].matches[0].slice(IDLIB), "Hôms");
    let hits = store.search("title: ceasefire", 10).expect("title filter");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].sentence, None, "only the title matched");
    assert_eq!(
        hits[0].span.map(|s| s.slice(IDLIB)),
        Some("Ceasefire holds in Idlib")
    );
    let hits = store
        .search("\"al-Numan\"", 10)
        .expect("quoted punctuation");
    assert_eq!(hits[0].matches[0].slice(IDLIB), "al-Numan");
    assert!(store.search("Geneva", 10).expect("no match").is_empty());
}

#[test]
fn bad_search_syntax_is_a_clear_error() {
    let mut store = Store::open_in_memory().expect("open");
    store.insert_batch(&fixtures()).expect("insert");
    for q in ["\"unbalanced", "al-Bab", "AND", "nosuchcolumn: word", "   "] {
        match store.search(q, 10) {
            Err(e @ StoreError::Query { .. }) => {
                let msg = e.to_string();
                assert!(msg.contains("invalid search query"), "{msg}");
            }
            other => panic!("{q:?}: expected a query error, got {other:?}"),
        }
    }
}

#[test]
fn html_markup_is_not_indexed_and_spans_stay_in_the_page() {
    let page = "<html><body><h1>Clashes near Raqqa</h1>\n<p>Fighters of the <b>SDF</b> \
advanced on Raqqa&#8217;s northern edge on Sunday.</p>\n<p>Coalition &amp; Kurdish \
officials said <span class=\"x\">dozens</span> of militants were killed.</p></body></html>";
    let p1 = page.find("Fighters").unwrap_or(0);
    let p1_end = page.find("Sunday.").map_or(0, |i| i + "Sunday.".len());
    let p2 = page.find("Coalition").unwrap_or(0);
    let p2_end = page.find("killed.").map_or(0, |i| i + "killed.".len());
    let mut a = analysis(
        "web/raqqa.html",
        page,
        Span::new(0, page.len()),
        InputFormat::Html,
        &Meta::default(),
    );
    a.sentences = common::split_sentences(page, Span::new(p1, p1_end));
    a.sentences
        .extend(common::split_sentences(page, Span::new(p2, p2_end)));
    let mut store = Store::open_in_memory().expect("open");
    store
        .insert_batch(&[StoredDocument::new("web/raqqa.html", None, page, vec![a])])
        .expect("insert");

    assert!(
        store.search("span", 10).expect("search").is_empty(),
        "tag names are not words"
    );
    assert!(
        store.search("amp", 10).expect("search").is_empty(),
        "entities are not words"
    );
    let hits = store.search("dozens militants", 10).expect("search");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].sentence, Some(1));
    let words: Vec<&str> = hits[0].matches.iter().map(|m| m.slice(page)).collect();
    assert_eq!(words, ["dozens", "militants"]);
    assert!(
        hits[0]
            .snippet
            .starts_with("Coalition Kurdish officials said dozens"),
        "{}",
        hits[0].snippet
    );
}

#[test]
fn a_text_whose_hash_is_wrong_is_refused() {
    let mut store = Store::open_in_memory().expect("open");
    let mut doc = document("news/aleppo.txt", ALEPPO, &Meta::default());
    doc.text_hash = content_hash(DOUMA);
    let err = store.insert_batch(&[doc]).expect_err("mismatch");
    assert!(matches!(err, StoreError::HashMismatch { .. }), "{err}");
    assert_eq!(store.counts().expect("counts").articles, 0);
}

#[test]
fn a_store_reopens_with_its_data_and_schema() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("nested/dirs/crosscheck.db");
    {
        let mut store = Store::open(&path).expect("create");
        store.insert_batch(&fixtures()).expect("insert");
    }
    let store = Store::open(&path).expect("reopen");
    let counts = store.counts().expect("counts");
    assert_eq!(
        (counts.articles, counts.schema_version),
        (3, crosscheck_store::schema_version())
    );
    drop(store);
    let reader = Store::open_read_only(&path).expect("read-only");
    assert_eq!(reader.search("Douma", 5).expect("search").len(), 1);
    assert!(reader.check().expect("check").is_empty());
}

/// The full-text index's merge settings of schema version 7, as `search_config`
/// holds them (`None` for FTS5's defaults).
fn merge_settings(path: &std::path::Path) -> (Option<i64>, Option<i64>) {
    let conn = rusqlite::Connection::open(path).expect("sqlite");
    let value = |k: &str| {
        conn.query_row("SELECT v FROM search_config WHERE k = ?1", [k], |r| {
            r.get::<_, i64>(0)
        })
        .ok()
    };
    (value("hashsize"), value("automerge"))
}

#[test]
fn a_version_6_store_upgrades_with_every_article_and_the_same_search() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("crosscheck.db");
    let queries = [
        "Douma",
        "shelling",
        "\"air strikes\"",
        "title: ceasefire",
        "Homs OR Aleppo",
    ];
    let (rows, hits) = {
        let mut store = Store::open(&path).expect("create");
        store.insert_batch(&fixtures()).expect("insert");
        let rows = store.list(&ListQuery::default()).expect("list");
        let hits: Vec<_> = queries
            .iter()
            .map(|q| store.search(q, 10).expect("search"))
            .collect();
        (rows, hits)
    };
    assert_eq!(merge_settings(&path), (Some(32 << 20), Some(16)));
    // What version 6 wrote: the same tables, FTS5's default merge settings.
    {
        let conn = rusqlite::Connection::open(&path).expect("sqlite");
        conn.execute_batch(
            "DELETE FROM search_config WHERE k IN ('hashsize', 'automerge');
             PRAGMA user_version = 6;",
        )
        .expect("downgrade");
    }
    assert_eq!(merge_settings(&path), (None, None));
    assert!(matches!(
        Store::open_read_only(&path).err(),
        Some(StoreError::NeedsMigration { found: 6, .. })
    ));

    let mut store = Store::open(&path).expect("upgrade");
    assert_eq!(merge_settings(&path), (Some(32 << 20), Some(16)));
    let counts = store.counts().expect("counts");
    assert_eq!(
        (counts.articles, counts.schema_version),
        (3, crosscheck_store::schema_version())
    );
    assert_eq!(store.list(&ListQuery::default()).expect("list"), rows);
    for (q, expected) in queries.iter().zip(&hits) {
        assert_eq!(&store.search(q, 10).expect("search"), expected, "{q}");
    }
    assert!(store.check().expect("check").is_empty());
    // The upgraded store takes new articles like a new one.
    let more = document(
        "news/homs.txt",
        "Shelling resumed in Homs on Friday, residents said.",
        &Meta::default(),
    );
    assert_eq!(store.insert_batch(&[more]).expect("insert").new_articles, 1);
    assert_eq!(store.search("Homs", 10).expect("search").len(), 2);
    assert!(store.check().expect("check").is_empty());
}

#[test]
fn opening_what_is_not_a_store_names_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");

    let notes = dir.path().join("notes.db");
    std::fs::write(
        &notes,
        "These are my notes about the Aleppo offensive, not a database.\n".repeat(200),
    )
    .expect("write");
    for result in [Store::open(&notes), Store::open_read_only(&notes)] {
        let err = result.err().expect("refused");
        assert!(matches!(err, StoreError::NotADatabase { .. }), "{err:?}");
        let msg = err.to_string();
        assert!(
            msg.contains(&notes.display().to_string()) && msg.contains("not an SQLite database"),
            "{msg}"
        );
    }
    assert!(std::fs::read_to_string(&notes).is_ok_and(|t| t.starts_with("These are my notes")));

    let foreign = dir.path().join("other.sqlite");
    {
        let conn = rusqlite::Connection::open(&foreign).expect("sqlite");
        conn.execute_batch("CREATE TABLE bookmarks (url TEXT)")
            .expect("create");
    }
    let err = Store::open(&foreign).err().expect("refused");
    assert!(matches!(err, StoreError::ForeignDatabase { .. }), "{err:?}");
    assert!(err.to_string().contains("other.sqlite"));

    let err = Store::open(dir.path()).err().expect("a directory");
    assert!(err.to_string().contains("directory"), "{err}");

    let missing = dir.path().join("missing.db");
    let err = Store::open_read_only(&missing).err().expect("missing");
    assert!(matches!(err, StoreError::Missing { .. }), "{err:?}");
    assert!(!missing.exists(), "a read-only open creates nothing");
}

#[test]
fn a_store_from_a_newer_crosscheck_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("crosscheck.db");
    drop(Store::open(&path).expect("create"));
    {
        let conn = rusqlite::Connection::open(&path).expect("sqlite");
        conn.pragma_update(None, "user_version", 99).expect("bump");
    }
    let err = Store::open(&path).err().expect("too new");
    assert!(
        matches!(err, StoreError::TooNew { found: 99, .. }),
        "{err:?}"
    );
    let err = Store::open_read_only(&path).err().expect("too new");
    assert!(err.to_string().contains("upgrade crosscheck"), "{err}");
}

#[test]
fn readers_see_whole_batches_while_a_writer_inserts() {
    const BATCHES: usize = 20;
    const PER_BATCH: usize = 25;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("crosscheck.db");
    let mut writer = Store::open(&path).expect("writer");
    let reader = Store::open(&path).expect("reader");

    let batches: Vec<Vec<StoredDocument>> = (0..BATCHES)
        .map(|b| {
            (0..PER_BATCH)
                .map(|i| {
                    let text = format!(
                        "Report {b}-{i}\nShelling hit the old city of Aleppo for the {i}th day. \
                         Officials said {b} people were wounded."
                    );
                    document(&format!("feed/{b}/{i}.txt"), &text, &Meta::default())
                })
                .collect()
        })
        .collect();

    let handle = std::thread::spawn(move || {
        for batch in &batches {
            writer.insert_batch(batch).expect("insert");
        }
        // A second pass adds nothing, while the reader keeps reading.
        for batch in &batches {
            assert_eq!(
                writer.insert_batch(batch).expect("reinsert").new_articles,
                0
            );
        }
    });
    let mut seen = Vec::new();
    loop {
        let done = handle.is_finished();
        let n = reader.counts().expect("read while writing").articles as usize;
        assert_eq!(n % PER_BATCH, 0, "a reader saw part of a batch: {n}");
        assert!(seen.last().is_none_or(|&last| last <= n), "count went down");
        seen.push(n);
        reader.search("Aleppo", 3).expect("search while writing");
        if done {
            break;
        }
    }
    handle.join().expect("writer thread");
    assert_eq!(seen.last().copied(), Some(BATCHES * PER_BATCH));
}

#[test]
fn two_writers_on_one_file_store_each_article_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("crosscheck.db");
    drop(Store::open(&path).expect("create"));
    let docs: Vec<StoredDocument> = (0..300)
        .map(|i| {
            let text = format!("Dispatch {i}\nThe ministry said convoy {i} reached Deir ez-Zor.");
            document(&format!("wire/{i}.txt"), &text, &Meta::default())
        })
        .collect();
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let path = path.clone();
            let mut docs = docs.clone();
            if w == 1 {
                docs.reverse();
            }
            std::thread::spawn(move || {
                let mut store = Store::open(&path).expect("open");
                let mut new = 0;
                for chunk in docs.chunks(20) {
                    new += store.insert_batch(chunk).expect("insert").new_articles;
                }
                new
            })
        })
        .collect();
    let new: u64 = writers.into_iter().map(|h| h.join().expect("writer")).sum();
    assert_eq!(new, 300, "each article written by exactly one writer");
    let store = Store::open(&path).expect("open");
    assert_eq!(store.counts().expect("counts").articles, 300);
    assert!(store.check().expect("check").is_empty());
}

#[test]
fn check_notices_an_index_that_no_longer_matches_its_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("crosscheck.db");
    let mut store = Store::open(&path).expect("create");
    store.insert_batch(&fixtures()).expect("insert");
    assert!(store.check().expect("check").is_empty());
    drop(store);
    {
        // Another program edits a title behind the index's back.
        let conn = rusqlite::Connection::open(&path).expect("sqlite");
        conn.execute(
            "UPDATE articles SET title = 'Ceasefire collapses in Idlib' WHERE title LIKE 'Ceasefire%'",
            [],
        )
        .expect("update");
    }
    let store = Store::open(&path).expect("reopen");
    let problems = store.check().expect("check");
    assert!(
        problems.iter().any(|p| p.contains("full-text index")),
        "{problems:?}"
    );
}

#[test]
fn a_store_can_move_to_another_thread() {
    fn assert_send<T: Send>() {}
    assert_send::<Store>();
}

#[test]
fn a_group_of_batches_commits_together_and_each_batch_stays_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("crosscheck.db");
    let docs = fixtures();
    {
        let mut store = Store::open(&path).expect("create");
        store.begin_group().expect("begin");
        store.insert_batch(&docs[..1]).expect("first batch");
        // A batch that fails leaves the group's other batches as they were.
        let mut bad = docs[1].clone();
        bad.text_hash = content_hash(IDLIB);
        assert!(store.insert_batch(&[docs[2].clone(), bad]).is_err());
        store.insert_batch(&docs[1..2]).expect("second batch");
        // Not committed yet: another connection sees nothing.
        let reader = Store::open_read_only(&path).expect("reader");
        assert_eq!(reader.counts().expect("counts").articles, 0);
        store.commit_group().expect("commit");
        assert_eq!(reader.counts().expect("counts").articles, 2);
        // A group never committed is rolled back when the store is dropped.
        store.begin_group().expect("begin");
        store.insert_batch(&docs[2..]).expect("third batch");
    }
    let store = Store::open(&path).expect("reopen");
    let ids = ids(&store, &ListQuery::default());
    assert_eq!(ids.len(), 2, "{ids:?}");
    assert!(store.check().expect("check").is_empty());
    assert_eq!(store.search("Douma", 5).expect("search").len(), 1);
}
