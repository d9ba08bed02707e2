//! `crosscheck analyze`: the main job.
//!
//! Three stages run at once: a reader thread turns inputs into documents, the
//! worker pool analyses each chunk of documents in parallel while the main thread
//! writes the results in input order, and a writer thread commits the chunks to
//! the store in groups of a few, one transaction each. Chunks keep memory flat and bound what a killed
//! run can lose to the chunks not yet committed.

use std::sync::mpsc::{sync_channel, Receiver};
use std::time::Instant;

use anyhow::{Context, Result};
use crosscheck_core::{Pipeline, PipelineOptions, Scratch};
use crosscheck_ingest::{expand, FieldMapping, IngestError, IngestOptions, Input, Preset, Reader};
use crosscheck_link::{ConsistencyIndex, Lexicons, LinkConfig, LinkInput, LinkResult, Linker};
use crosscheck_schema::{
    ArticleAnalysis, Credibility, Document, InputFormat, RunSummary, SkippedInput,
};
use crosscheck_store::{InsertStats, Store, StoreError, StoredDocument};
use rayon::prelude::*;

use crate::args::{AnalyzeArgs, InputFormatArg, Stage};
use crate::exit;
use crate::output::{self, open_output};
use crate::progress::Progress;
use crate::spill::Spill;

/// Documents are analysed in chunks: big enough to keep every core busy, small
/// enough that memory stays flat and a killed run loses at most a few chunks.
const CHUNK_DOCUMENTS: usize = 512;
const CHUNK_BYTES: usize = 4 << 20;

/// The store writer commits the chunks it receives in groups of about this many
/// bytes of text, one transaction each: fewer, larger commits write far fewer
/// pages (see `Store::begin_group`), and a killed run loses at most the group
/// being written (the next run analyses those articles again).
const GROUP_BYTES: usize = 16 << 20;

/// A group is committed after this long even when smaller, so that a slow run
/// (a loaded machine, a slow input) still commits, and loses little when killed.
const GROUP_MAX_AGE: std::time::Duration = std::time::Duration::from_secs(5);

/// How many batches of credibility (of [`CHUNK_DOCUMENTS`] articles) the second
/// pass may run ahead of the store thread, which first saves the links.
const CREDIBILITY_BATCHES_QUEUED: usize = 16;

// Documents far outnumber skips; boxing every document to shrink the rare
// error variant would cost an allocation per article for nothing.
#[allow(clippy::large_enum_variant)]
enum Item {
    Document(Document),
    Skipped(IngestError),
}

pub fn run(args: AnalyzeArgs, quiet: bool) -> Result<i32> {
    let started = Instant::now();
    let reader = Reader::new(ingest_options(&args)?);
    // `--skip signals` leaves out the signals and the credibility score built on them.
    let assess = !args.skip.contains(&Stage::Signals);
    let pipeline = Pipeline::with_options(PipelineOptions {
        claims: !args.skip.contains(&Stage::Claims),
        signals: assess,
    });
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    let store = if args.no_store {
        None
    } else {
        let path = args.store.db.clone().unwrap_or_else(Store::default_path);
        Some(
            Store::open(&path)
                .with_context(|| format!("cannot open the store {}", path.display()))?,
        )
    };
    let linking = !args.skip.contains(&Stage::Links);
    // New articles link against everything the store already holds: its saved
    // linker state, extended below, never the stored corpus read again.
    // The generation read is checked when saving: another run that linked in the
    // meantime is never overwritten.
    let (mut linker, link_generation) = match (&store, linking) {
        (Some(store), true) => {
            let (linker, generation) = store
                .linker()
                .context("cannot read the store's linking state")?;
            (linker, Some(generation))
        }
        _ => (Linker::new(LinkConfig::default()), None),
    };
    // The linker reads places and actors with the extractor's tables (the same
    // `Gazetteer::new()` and `Actors::new()`), not a second copy of them.
    let lexicons = Lexicons {
        places: pipeline.extractor().places(),
        actors: pipeline.extractor().actors(),
    };

    // Walk the inputs first: cheap, and it sizes the progress bar.
    let inputs: Vec<Result<Input, IngestError>> = expand(&args.paths).collect();
    let total: u64 = inputs
        .iter()
        .filter_map(|i| match i {
            Ok(Input::File(p)) => std::fs::metadata(p).ok().map(|m| m.len()),
            _ => None,
        })
        .sum();
    let progress = Progress::new(quiet, total);
    let mut sink = output::sink(args.format, open_output(args.output.as_deref())?);
    // With linking, what an article's claims turn out to be (corroborated,
    // contradicted) is only known at the end: articles wait in a spill file, not in
    // memory, and are written in a second pass.
    let mut spill = if linking { Some(Spill::new()?) } else { None };
    let mut summary = RunSummary::default();
    let stored = store.is_some();
    let claim_texts = sink.needs_claim_texts();
    // A JSON sink gets each article's JSON written before linking, with only the
    // claims' statuses and the credibility left for the second pass: the spill
    // then holds that JSON and what credibility needs, not the whole article.
    let prerender = linking && sink.prerenders();

    let (doc_tx, doc_rx) = sync_channel::<Vec<Item>>(2);
    let (store_tx, store_rx) = sync_channel::<Vec<StoredDocument>>(2);
    let outcome = std::thread::scope(|scope| -> Result<Option<(Store, InsertStats)>> {
        let (reader, inputs) = (&reader, &inputs);
        scope.spawn(move || read_inputs(reader, inputs, doc_tx));
        let writer = store.map(|store| scope.spawn(move || write_store(store, store_rx)));

        for chunk in doc_rx {
            let analysed: Vec<Option<Result<Vec<ArticleAnalysis>, String>>> = pool.install(|| {
                // Each worker keeps one scratch space for the documents it analyses.
                chunk
                    .par_iter()
                    .map_init(Scratch::default, |scratch, item| match item {
                        Item::Document(doc) => Some(pipeline.analyze_catching_with(doc, scratch)),
                        Item::Skipped(_) => None,
                    })
                    .collect()
            });
            let mut batch = Vec::new();
            let mut chunk_bytes = 0;
            for (item, result) in chunk.into_iter().zip(analysed) {
                let (doc, articles) = match (item, result) {
                    (Item::Skipped(e), _) => {
                        skip(&progress, &mut summary, e);
                        continue;
                    }
                    (Item::Document(doc), Some(Ok(articles))) => (doc, articles),
                    (Item::Document(doc), Some(Err(bug))) => {
                        let message =
                            format!("internal error while analysing (please report): {bug}");
                        let mut e = IngestError::new(doc.path, message);
                        e.line = doc.record;
                        skip(&progress, &mut summary, e);
                        continue;
                    }
                    (Item::Document(_), None) => continue,
                };
                summary.documents += 1;
                summary.bytes += doc.text.len() as u64;
                chunk_bytes += doc.text.len() as u64;
                summary.articles += articles.len() as u64;
                let mut articles = articles;
                if !linking && assess {
                    for article in &mut articles {
                        article.credibility = Some(pipeline.assess(article, None));
                    }
                }
                // With a pre-rendered spill, the store gets each article's JSON from
                // it instead of serialising the article again.
                let mut analysis_json: Vec<Vec<u8>> = Vec::new();
                for article in &articles {
                    let texts = match claim_texts {
                        true => output::claim_texts(article, &doc.text),
                        false => Vec::new(),
                    };
                    match spill.as_mut() {
                        Some(spill) => {
                            if prerender {
                                let credibility = pipeline.prepare_assessment(article);
                                let mut json = Vec::new();
                                spill.push_prerendered(
                                    article,
                                    &credibility,
                                    stored.then_some(&mut json),
                                )?;
                                if stored {
                                    analysis_json.push(json);
                                }
                            } else {
                                spill.push(article, &texts)?;
                            }
                            linker.add(
                                LinkInput {
                                    article,
                                    text: &doc.text,
                                },
                                &lexicons,
                            );
                        }
                        None => sink.article(article, &texts)?,
                    }
                }
                if stored {
                    let stored = StoredDocument::new(doc.path, doc.record, doc.text, articles);
                    batch.push(if prerender {
                        stored.with_analysis_json(analysis_json)
                    } else {
                        stored
                    });
                }
            }
            // A closed channel means the writer failed; its error is reported below.
            if stored && store_tx.send(batch).is_err() {
                break;
            }
            progress.advance(chunk_bytes, summary.articles);
        }
        drop(store_tx);
        match writer {
            Some(handle) => handle
                .join()
                .map_err(|_| anyhow::anyhow!("the store writer crashed"))?
                .map(Some),
            None => Ok(None),
        }
    });
    progress.finish();
    // The writer hands the store back for saving the links and the credibility.
    let (mut store, stats) = match outcome? {
        Some((store, stats)) => (Some(store), Some(stats)),
        None => (None, None),
    };
    summary.already_stored = stats.as_ref().map_or(0, |s| s.existing_articles);

    let (links, links_saved) = if linking {
        let result = linker.link();
        let saved = std::thread::scope(|scope| -> Result<bool> {
            // The store thread saves the links, then the credibility the second
            // pass below sends it, while this thread writes the report.
            let (credibility_tx, credibility_rx) =
                sync_channel::<Vec<(String, Credibility)>>(CREDIBILITY_BATCHES_QUEUED);
            let saver = store.as_mut().map(|store| {
                let (linker, result) = (&linker, &result);
                scope.spawn(move || {
                    save_after_linking(store, linker, result, link_generation, credibility_rx)
                })
            });
            let credibility_tx = saver.as_ref().map(|_| credibility_tx);
            // A closed channel means the store thread failed; its error is
            // reported when it is joined below.
            let send = |batch: &mut Vec<(String, Credibility)>| {
                if let Some(tx) = &credibility_tx {
                    let _ = tx.send(std::mem::take(batch));
                }
            };
            // Consistency reads the linker and the result: how each article's claims
            // fare against other independent reports. It is what credibility needs.
            let index = ConsistencyIndex::new(&linker, &result);
            let mut pending: Vec<(String, Credibility)> = Vec::new();
            let replayed = match spill.take() {
                Some(spill) if prerender => spill.replay_prerendered(|article| {
                    let credibility = assess.then(|| {
                        let consistency = index.article_by_id(article.id);
                        pipeline.assess_prepared(&article.credibility, Some(&consistency))
                    });
                    if let (Some(_), Some(credibility)) = (&credibility_tx, &credibility) {
                        pending.push((article.id.to_string(), credibility.clone()));
                        if pending.len() >= CHUNK_DOCUMENTS {
                            send(&mut pending);
                        }
                    }
                    // What `ArticleAnalysis::set_statuses` does: a listed claim takes its
                    // status from linking, the others keep theirs. The index holds the
                    // result's status of each claim the linker holds under the same id;
                    // the result is searched for the others.
                    let statuses = &result.statuses;
                    let known = index.claim_statuses(article.id);
                    let mut claims = article.claims().enumerate().map(|(k, (end, status, id))| {
                        let linked = known.get(k, id).unwrap_or_else(|| {
                            statuses
                                .binary_search_by(|(c, _)| c.as_str().cmp(id))
                                .ok()
                                .map(|i| statuses[i].1)
                        });
                        (end, linked.or(status))
                    });
                    sink.prerendered(article.json, &mut claims, &credibility)
                }),
                Some(spill) => spill.replay(|article, texts| {
                    article.set_statuses(&result.statuses);
                    let credibility =
                        assess.then(|| pipeline.assess(article, Some(&index.article(article))));
                    if let (Some(_), Some(credibility)) = (&credibility_tx, &credibility) {
                        pending.push((article.id.clone(), credibility.clone()));
                        if pending.len() >= CHUNK_DOCUMENTS {
                            send(&mut pending);
                        }
                    }
                    article.credibility = credibility;
                    sink.article(article, texts)
                }),
                None => Ok(()),
            };
            if !pending.is_empty() {
                send(&mut pending);
            }
            // The store thread ends when the last batch is written.
            drop(credibility_tx);
            let saved = match saver {
                Some(handle) => handle
                    .join()
                    .map_err(|_| anyhow::anyhow!("the store writer crashed"))??,
                None => true,
            };
            replayed?;
            Ok(saved)
        })?;
        (result, saved)
    } else {
        (LinkResult::default(), true)
    };
    sink.finish(&links, &summary)?;
    // The process ends right after: its exit frees the tables, the linker's state
    // and the links at once, where dropping them here freed them one allocation at
    // a time (17 M instructions on 2,000 articles, 40 M with linking).
    std::mem::forget((pipeline, linker, links));
    if !quiet {
        eprintln!(
            "{}",
            summary_line(&summary, stats.as_ref(), started.elapsed().as_secs_f64())
        );
    }
    Ok(if !links_saved {
        exit::FAILURE
    } else if summary.skipped.is_empty() {
        exit::SUCCESS
    } else {
        exit::PARTIAL
    })
}

/// The reader thread: documents in input order, in chunks.
fn read_inputs(
    reader: &Reader,
    inputs: &[Result<Input, IngestError>],
    tx: std::sync::mpsc::SyncSender<Vec<Item>>,
) {
    let mut chunk = Vec::new();
    let mut bytes = 0;
    for input in inputs {
        let docs: Box<dyn Iterator<Item = Result<Document, IngestError>>> = match input {
            Ok(input) => reader.read(input),
            Err(e) => Box::new(std::iter::once(Err(e.clone()))),
        };
        for doc in docs {
            match doc {
                Ok(doc) => {
                    bytes += doc.text.len();
                    chunk.push(Item::Document(doc));
                }
                Err(e) => chunk.push(Item::Skipped(e)),
            }
            if chunk.len() >= CHUNK_DOCUMENTS || bytes >= CHUNK_BYTES {
                if tx.send(std::mem::take(&mut chunk)).is_err() {
                    return;
                }
                bytes = 0;
            }
        }
    }
    if !chunk.is_empty() {
        let _ = tx.send(chunk);
    }
}

/// The writer thread: one transaction per group of chunks ([`GROUP_BYTES`],
/// [`GROUP_MAX_AGE`]).
/// Hands the store back when the last chunk is written.
fn write_store(
    mut store: Store,
    rx: Receiver<Vec<StoredDocument>>,
) -> Result<(Store, InsertStats)> {
    let mut stats = InsertStats::default();
    // The open group, if any: bytes of text in it and when it began.
    let mut group: Option<(usize, Instant)> = None;
    for batch in rx {
        let (bytes, began) = match group {
            Some(open) => open,
            None => {
                store.begin_group().context("cannot write to the store")?;
                (0, Instant::now())
            }
        };
        // Articles whose JSON the batch does not carry are written by the output's
        // JSON writer: the same bytes as serde_json, for less work.
        stats += store
            .insert_batch_with(&batch, |article, out| output::article_to_vec(out, article))
            .context("cannot write to the store")?;
        let bytes = bytes + batch.iter().map(|d| d.text.len()).sum::<usize>();
        group = Some((bytes, began));
        if bytes >= GROUP_BYTES || began.elapsed() >= GROUP_MAX_AGE {
            store.commit_group().context("cannot write to the store")?;
            group = None;
        }
    }
    if group.is_some() {
        store.commit_group().context("cannot write to the store")?;
    }
    Ok((store, stats))
}

/// The store thread after linking: saves the linker and what it found (over the
/// state of generation `base`), then each batch of credibility the second pass
/// sends, one transaction each. Returns whether the links were saved: another run
/// that saved links meanwhile is a warning, not an error (the articles are stored
/// and the report is complete; only this run's links are not saved).
fn save_after_linking(
    store: &mut Store,
    linker: &Linker,
    result: &LinkResult,
    base: Option<i64>,
    credibility: Receiver<Vec<(String, Credibility)>>,
) -> Result<bool> {
    let saved = match store.save_linker(linker, result, base) {
        Ok(()) => true,
        Err(e @ StoreError::LinkConflict { .. }) => {
            eprintln!("crosscheck: warning: {e}");
            false
        }
        Err(e) => return Err(e).context("cannot save the links to the store"),
    };
    for batch in credibility {
        store
            .set_credibility_with(&batch, |c, out| output::json_to_vec(out, c))
            .context("cannot write to the store")?;
    }
    Ok(saved)
}

fn skip(progress: &Progress, summary: &mut RunSummary, e: IngestError) {
    progress.println(&format!("crosscheck: skipped {e}"));
    summary.skipped.push(SkippedInput {
        path: e.path,
        line: e.line,
        offset: e.offset,
        reason: e.message,
    });
}

fn summary_line(summary: &RunSummary, store: Option<&InsertStats>, secs: f64) -> String {
    let mut line = format!(
        "crosscheck: {} articles from {} documents ({:.1} MB) in {:.2} s",
        summary.articles,
        summary.documents,
        summary.bytes as f64 / 1e6,
        secs
    );
    if let Some(stats) = store {
        line.push_str(&format!(
            "; store: {} new, {} already stored",
            stats.new_articles, stats.existing_articles
        ));
    }
    if !summary.skipped.is_empty() {
        line.push_str(&format!("; {} skipped", summary.skipped.len()));
    }
    line
}

fn ingest_options(args: &AnalyzeArgs) -> Result<IngestOptions> {
    let mut options = match &args.preset {
        Some(name) => {
            IngestOptions::with_preset(name.parse::<Preset>().map_err(anyhow::Error::msg)?)
        }
        None => IngestOptions::default(),
    };
    if let Some(f) = args.input_format {
        options.format = Some(match f {
            InputFormatArg::Text => InputFormat::Text,
            InputFormatArg::Html => InputFormat::Html,
            InputFormatArg::Jsonl => InputFormat::Jsonl,
            InputFormatArg::Csv => InputFormat::Csv,
        });
    }
    let m: &mut FieldMapping = &mut options.mapping;
    for (slot, value) in [
        (&mut m.id, &args.id_field),
        (&mut m.title, &args.title_field),
        (&mut m.text, &args.text_field),
        (&mut m.date, &args.date_field),
        (&mut m.outlet, &args.outlet_field),
        (&mut m.url, &args.url_field),
        (&mut m.label, &args.label_field),
    ] {
        if value.is_some() {
            slot.clone_from(value);
        }
    }
    options.max_file_bytes = args.max_file_size.saturating_mul(1 << 20);
    Ok(options)
}
