//! CPU time of each analysis stage on one thread, over any input `analyze` reads,
//! with a fingerprint of each stage's output so that a speed change can be checked
//! to leave the results bit-for-bit unchanged.
//!
//! ```text
//! cargo run -p crosscheck-core --release --example stage_times -- PATH [ROUNDS [ONLY]]
//! ```
//!
//! With ONLY (a stage name), the other stages after clean+segment are skipped, for
//! profiling one stage (`checkworthy` also runs before `extract claims`).
//!
//! Stages: read+clean+segment (the `--skip claims,signals,links` pipeline), the
//! check-worthiness score of every sentence, claim extraction, the signals, the
//! propaganda spans. Each is timed with this thread's CPU clock
//! (`/proc/thread-self/schedstat`), best of ROUNDS (default 3).

use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::process::ExitCode;

use crosscheck_core::{Models, Pipeline, PipelineOptions};
use crosscheck_extract::{ArticleContext, Extractor};
use crosscheck_ingest::{expand, IngestOptions, Reader};
use crosscheck_propaganda::Propaganda;
use crosscheck_schema::{ArticleAnalysis, Span};
use crosscheck_signals::SignalDetector;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next().map(PathBuf::from) else {
        eprintln!("usage: stage_times PATH [ROUNDS]");
        return ExitCode::FAILURE;
    };
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(3);
    let only = args.next();
    let runs = |stage: &str| only.as_deref().is_none_or(|o| o == stage);
    let reader = Reader::new(IngestOptions::default());
    let mut docs = Vec::new();
    for input in expand(&[path]) {
        let Ok(input) = input else { continue };
        docs.extend(reader.read(&input).filter_map(Result::ok));
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mb = bytes as f64 / 1e6;
    println!("{} documents, {mb:.1} MB", docs.len());

    let base = Pipeline::with_options(PipelineOptions {
        claims: false,
        signals: false,
    });
    let mut articles: Vec<(usize, ArticleAnalysis)> = Vec::new();
    report("clean+segment", mb, rounds, || {
        articles = docs
            .iter()
            .enumerate()
            .flat_map(|(i, d)| base.analyze(d).into_iter().map(move |a| (i, a)))
            .collect();
        articles.iter().map(|(_, a)| a.sentences.len() as u64).sum()
    });
    let text_of = |i: usize| docs[i].readable_text();

    let models = Models::shipped();
    let extractor = Extractor::new().with_threshold(models.checkworthy.threshold());
    let mut scores: Vec<Vec<f32>> = Vec::new();
    if runs("checkworthy") || runs("extract claims") {
        report("checkworthy", mb, rounds, || {
            scores = articles
                .iter()
                .map(|(i, a)| {
                    let text = text_of(*i);
                    a.sentences
                        .iter()
                        .map(|s| models.checkworthy.score(&text[s.start..s.end]))
                        .collect()
                })
                .collect();
            let mut h = std::collections::hash_map::DefaultHasher::new();
            for s in scores.iter().flatten() {
                s.to_bits().hash(&mut h);
            }
            h.finish()
        });
    }
    if runs("extract claims") || runs("checkworthy") {
        report("extract claims", mb, rounds, || {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            for ((i, a), sc) in articles.iter().zip(&scores) {
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
                };
                let claims = extractor.claims(&ctx, Some(sc));
                serde_json::to_string(&claims)
                    .unwrap_or_default()
                    .hash(&mut h);
            }
            h.finish()
        });
    }
    let detector = SignalDetector::new();
    if runs("signals") {
        report("signals", mb, rounds, || {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            for (i, a) in &articles {
                let signals = detector.detect(text_of(*i), a);
                serde_json::to_string(&signals)
                    .unwrap_or_default()
                    .hash(&mut h);
            }
            h.finish()
        });
    }
    let propaganda: &Propaganda = &models.propaganda;
    if runs("propaganda") {
        report("propaganda", mb, rounds, || {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            for (i, a) in &articles {
                let spans: Vec<Span> = a
                    .sentences
                    .iter()
                    .map(|s| Span::new(s.start, s.end))
                    .collect();
                for t in propaganda.detect(text_of(*i), &spans) {
                    (t.start, t.end, t.technique, t.score.to_bits()).hash(&mut h);
                }
            }
            h.finish()
        });
    }
    ExitCode::SUCCESS
}

/// Runs `stage` ROUNDS times and prints its best CPU time and output fingerprint.
fn report(name: &str, mb: f64, rounds: usize, mut stage: impl FnMut() -> u64) {
    let mut best = f64::INFINITY;
    let mut print = 0;
    for _ in 0..rounds.max(1) {
        let t0 = thread_cpu_seconds();
        print = stage();
        let t1 = thread_cpu_seconds();
        best = best.min(t1 - t0);
    }
    println!(
        "{name:>16}: {best:7.3} s CPU  {:7.1} MB/s  fingerprint {print:016x}",
        mb / best
    );
}

/// CPU time of the calling thread in seconds (`/proc/thread-self/schedstat`).
fn thread_cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e9)
}
