//! `crosscheck analyze`: the main job.

use std::io::Write;
use std::sync::mpsc::sync_channel;
use std::time::Instant;

use anyhow::{Context, Result};
use crosscheck_core::Pipeline;
use crosscheck_ingest::{expand, FieldMapping, IngestError, IngestOptions, Input, Preset, Reader};
use crosscheck_schema::{ArticleAnalysis, Document, InputFormat, RunSummary, SkippedInput};
use crosscheck_store::{content_hash, Store, StoredDocument};
use rayon::prelude::*;

use crate::args::{AnalyzeArgs, InputFormatArg};
use crate::output::{self, LinkResults};
use crate::progress::Progress;
use crate::{exit, output::open_output};

/// Documents are analysed in chunks: big enough to keep every core busy, small
/// enough that memory stays flat and a killed run loses at most one chunk.
const CHUNK_DOCUMENTS: usize = 512;
const CHUNK_BYTES: usize = 4 << 20;

enum Item {
    Document(Document),
    Skipped(IngestError),
}

pub fn run(args: AnalyzeArgs, quiet: bool) -> Result<i32> {
    let started = Instant::now();
    let options = ingest_options(&args)?;
    let reader = Reader::new(options);
    let pipeline = Pipeline::new();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;

    let mut store = if args.no_store {
        None
    } else {
        let path = args.store.db.clone().unwrap_or_else(Store::default_path);
        Some(Store::open(&path).with_context(|| format!("cannot open the store {}", path.display()))?)
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
    let mut summary = RunSummary::default();

    let (tx, rx) = sync_channel::<Vec<Item>>(2);
    let outcome = std::thread::scope(|scope| -> Result<()> {
        let reader = &reader;
        let inputs = &inputs;
        scope.spawn(move || {
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
        });

        for chunk in rx {
            let analysed: Vec<Option<Vec<ArticleAnalysis>>> = pool.install(|| {
                chunk
                    .par_iter()
                    .map(|item| match item {
                        Item::Document(doc) => Some(pipeline.analyze(doc)),
                        Item::Skipped(_) => None,
                    })
                    .collect()
            });
            let mut batch = Vec::new();
            let mut chunk_bytes = 0;
            for (item, articles) in chunk.into_iter().zip(analysed) {
                match (item, articles) {
                    (Item::Skipped(e), _) => {
                        progress.println(&format!("crosscheck: skipped {e}"));
                        summary.skipped.push(SkippedInput {
                            path: e.path,
                            line: e.line,
                            offset: e.offset,
                            reason: e.message,
                        });
                    }
                    (Item::Document(doc), Some(articles)) => {
                        summary.documents += 1;
                        summary.bytes += doc.text.len() as u64;
                        chunk_bytes += doc.text.len() as u64;
                        summary.articles += articles.len() as u64;
                        for article in &articles {
                            sink.article(article, &doc.text)?;
                        }
                        if store.is_some() {
                            batch.push(StoredDocument {
                                text_hash: content_hash(&doc.text),
                                text: doc.text,
                                path: doc.path,
                                record: doc.record,
                                articles,
                            });
                        }
                    }
                    (Item::Document(_), None) => {}
                }
            }
            if let Some(store) = store.as_mut() {
                let stats = store.insert_batch(&batch).context("cannot write to the store")?;
                summary.already_stored += stats.existing_articles;
            }
            progress.advance(chunk_bytes, summary.articles);
        }
        Ok(())
    });
    progress.finish();
    outcome?;

    sink.finish(&LinkResults::default(), &summary)?;
    if !quiet {
        let secs = started.elapsed().as_secs_f64();
        let mut line = format!(
            "crosscheck: {} articles from {} documents ({:.1} MB) in {:.2} s",
            summary.articles,
            summary.documents,
            summary.bytes as f64 / 1e6,
            secs
        );
        if store.is_some() {
            line.push_str(&format!(
                "; store: {} new, {} already stored",
                summary.articles.saturating_sub(summary.already_stored),
                summary.already_stored
            ));
        }
        if !summary.skipped.is_empty() {
            line.push_str(&format!("; {} skipped", summary.skipped.len()));
        }
        eprintln!("{line}");
    }
    std::io::stderr().flush().ok();
    Ok(if summary.skipped.is_empty() { exit::SUCCESS } else { exit::PARTIAL })
}

fn ingest_options(args: &AnalyzeArgs) -> Result<IngestOptions> {
    let mut options = match &args.preset {
        Some(name) => IngestOptions::with_preset(name.parse::<Preset>().map_err(anyhow::Error::msg)?),
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
    let set = |slot: &mut Option<String>, v: &Option<String>| {
        if v.is_some() {
            slot.clone_from(v);
        }
    };
    set(&mut m.id, &args.id_field);
    set(&mut m.title, &args.title_field);
    set(&mut m.text, &args.text_field);
    set(&mut m.date, &args.date_field);
    set(&mut m.outlet, &args.outlet_field);
    set(&mut m.url, &args.url_field);
    set(&mut m.label, &args.label_field);
    options.max_file_bytes = args.max_file_size.saturating_mul(1 << 20);
    Ok(options)
}
