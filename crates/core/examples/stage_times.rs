//! CPU time of each analysis stage on one thread, over plain-text, JSON Lines or CSV
//! input, with a fingerprint of each stage's output so that a speed change can be
//! checked to leave the results bit-for-bit unchanged.
//!
//! ```text
//! cargo run -p crosscheck-core --release --example stage_times -- PATH [ROUNDS [ONLY]]
//! ```
//!
//! Stages: clean+segment (the `--skip claims,signals,links` pipeline, input already
//! read), the check-worthiness score of every sentence, claim extraction, the signals
//! (on articles carrying their claims, as in `analyze`), the propaganda spans. Each is
//! timed with this thread's CPU clock (`/proc/thread-self/schedstat`), best of ROUNDS
//! (default 3); serialising the output for its fingerprint (xxh3 of its JSON) is not
//! timed. With ONLY (`checkworthy`, `extract`, `signals` or `propaganda`), the other
//! stages after clean+segment are skipped, for profiling one stage (`extract` needs,
//! and so also runs, `checkworthy`). HTML documents are skipped: their analysis
//! offsets point into the markup, not into the text the stages read.

use std::path::PathBuf;
use std::process::ExitCode;

use crosscheck_core::{Models, Pipeline, PipelineOptions};
use crosscheck_extract::{ArticleContext, Extractor};
use crosscheck_ingest::{expand, IngestOptions, Reader};
use crosscheck_schema::{ArticleAnalysis, Span};
use crosscheck_signals::SignalDetector;
use xxhash_rust::xxh3::xxh3_64;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next().map(PathBuf::from) else {
        eprintln!("usage: stage_times PATH [ROUNDS [checkworthy|extract|signals|propaganda]]");
        return ExitCode::FAILURE;
    };
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(3);
    let only = args.next();
    let runs = |stage: &str| only.as_deref().is_none_or(|o| o == stage);
    let reader = Reader::new(IngestOptions::default());
    let (mut docs, mut skipped) = (Vec::new(), 0usize);
    for input in expand(&[path]) {
        let Ok(input) = input else { continue };
        for doc in reader.read(&input).filter_map(Result::ok) {
            if doc.view.is_some() {
                skipped += 1;
            } else {
                docs.push(doc);
            }
        }
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mb = bytes as f64 / 1e6;
    println!(
        "{} documents, {mb:.1} MB ({skipped} HTML documents skipped)",
        docs.len()
    );

    let base = Pipeline::with_options(PipelineOptions {
        claims: false,
        signals: false,
    });
    let mut articles: Vec<(usize, ArticleAnalysis)> = time("clean+segment", mb, rounds, || {
        docs.iter()
            .enumerate()
            .flat_map(|(i, d)| base.analyze(d).into_iter().map(move |a| (i, a)))
            .collect()
    });
    fingerprint(
        &articles
            .iter()
            .map(|(_, a)| &a.sentences)
            .collect::<Vec<_>>(),
    );
    let text_of = |i: usize| docs[i].text.as_str();

    let models = Models::shipped();
    if runs("checkworthy") || runs("extract") {
        let scores: Vec<Vec<f32>> = time("checkworthy", mb, rounds, || {
            articles
                .iter()
                .map(|(i, a)| {
                    let text = text_of(*i);
                    a.sentences
                        .iter()
                        .map(|s| models.checkworthy.score(&text[s.start..s.end]))
                        .collect()
                })
                .collect()
        });
        fingerprint(&scores);
        if runs("extract") {
            // As the pipeline builds it: the rules, then the shipped event filter and
            // actor gate.
            let extractor = Extractor::new()
                .with_threshold(models.checkworthy.threshold())
                .with_event_filter(models.event_filter.clone())
                .with_actor_gate(models.actor_gate.clone());
            let claims: Vec<_> = time("extract claims", mb, rounds, || {
                articles
                    .iter()
                    .zip(&scores)
                    .map(|((i, a), sc)| {
                        let spans: Vec<Span> = a
                            .sentences
                            .iter()
                            .map(|s| Span::new(s.start, s.end))
                            .collect();
                        let ctx = ArticleContext {
                            text: text_of(*i),
                            sentences: &spans,
                            published: a.published,
                            title: a.title.as_deref(),
                            outlet: None,
                        };
                        extractor.claims(&ctx, Some(sc))
                    })
                    .collect()
            });
            fingerprint(&claims);
            for ((_, a), c) in articles.iter_mut().zip(claims) {
                a.claims = c;
            }
        }
    }
    if runs("signals") {
        let detector = SignalDetector::new();
        let signals: Vec<_> = time("signals", mb, rounds, || {
            articles
                .iter()
                .map(|(i, a)| detector.detect(text_of(*i), a))
                .collect()
        });
        fingerprint(&signals);
    }
    if runs("propaganda") {
        let spans: Vec<Vec<(usize, usize, String, u32)>> = time("propaganda", mb, rounds, || {
            articles
                .iter()
                .map(|(i, a)| {
                    let sentences: Vec<Span> = a
                        .sentences
                        .iter()
                        .map(|s| Span::new(s.start, s.end))
                        .collect();
                    models
                        .propaganda
                        .detect(text_of(*i), &sentences)
                        .into_iter()
                        .map(|t| (t.start, t.end, t.technique.to_string(), t.score.to_bits()))
                        .collect()
                })
                .collect()
        });
        fingerprint(&spans);
    }
    ExitCode::SUCCESS
}

/// Runs `stage` ROUNDS times, prints its best CPU time and returns its last output.
fn time<T>(name: &str, mb: f64, rounds: usize, mut stage: impl FnMut() -> T) -> T {
    let mut best = f64::INFINITY;
    let mut out = None;
    for _ in 0..rounds.max(1) {
        let t0 = thread_cpu_seconds();
        let o = stage();
        best = best.min(thread_cpu_seconds() - t0);
        out = Some(o);
    }
    print!("{name:>16}: {best:7.3} s CPU  {:7.1} MB/s", mb / best);
    out.expect("at least one round")
}

/// Ends the line [`time`] began with the xxh3 of the output's JSON.
fn fingerprint(output: &impl serde::Serialize) {
    let json = serde_json::to_vec(output).unwrap_or_default();
    println!("  fingerprint {:016x}", xxh3_64(&json));
}

/// CPU time of the calling thread in seconds (`/proc/thread-self/schedstat`).
fn thread_cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e9)
}
