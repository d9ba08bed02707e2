//! Throughput of `SignalDetector::detect` (and of `Outlets::resolve` +
//! `feature_vector`) on FA-KES and Horne 2017, one core.
//!
//!     cargo run --release -p crosscheck-signals --example signals_throughput [-- ROUNDS]
//!
//! The pipeline (clean, segment, extract) runs once up front; only the signal
//! stage is timed. MB/s counts the bytes of the texts the articles come from.

use std::path::PathBuf;
use std::time::Instant;

use crosscheck_core::Pipeline;
use crosscheck_datasets::dataset_dir;
use crosscheck_ingest::{expand, IngestOptions, Preset, Reader};
use crosscheck_schema::ArticleAnalysis;
use crosscheck_signals::{feature_vector, Outlets, SignalDetector};

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20);
    let (Some(fakes), Some(horne)) = (
        dataset_dir("fa-kes"),
        dataset_dir("horne2017-political-news"),
    ) else {
        eprintln!("skipped: ../shared/data is absent");
        return;
    };
    let pipeline = Pipeline::new();
    let mut items: Vec<(String, ArticleAnalysis)> = Vec::new();
    let sets: [(Preset, Vec<PathBuf>); 2] = [
        (Preset::Fakes, vec![fakes.join("FA-KES-Dataset.csv")]),
        (
            Preset::Horne,
            [
                "buzzfeed/Fake",
                "buzzfeed/Real",
                "random/Fake",
                "random/Real",
                "random/Satire",
            ]
            .iter()
            .map(|f| horne.join(f))
            .collect(),
        ),
    ];
    for (preset, paths) in sets {
        let reader = Reader::new(IngestOptions::with_preset(preset));
        for input in expand(&paths).flatten() {
            for doc in reader.read(&input).flatten() {
                for article in pipeline.analyze(&doc) {
                    items.push((doc.readable_text().to_string(), article));
                }
            }
        }
    }
    let bytes: usize = items.iter().map(|(t, _)| t.len()).sum();
    let detector = SignalDetector::new();
    let outlets = Outlets::new();

    // Best of five repetitions: the machine is shared, and the best run is the
    // one least disturbed by other processes.
    let mb = (bytes * rounds) as f64 / 1e6;
    let mut best_wall = f64::MAX;
    let mut best_cpu = f64::MAX;
    let mut signals = 0usize;
    for _ in 0..5 {
        let cpu0 = cpu_seconds();
        let start = Instant::now();
        signals = 0;
        for _ in 0..rounds {
            for (text, article) in &items {
                signals += detector.detect(text, article).len();
            }
        }
        best_wall = best_wall.min(start.elapsed().as_secs_f64());
        best_cpu = best_cpu.min(cpu_seconds() - cpu0);
    }
    let mut best_full = f64::MAX;
    let mut features = 0usize;
    for _ in 0..3 {
        let start = Instant::now();
        features = 0;
        for _ in 0..rounds {
            for (text, article) in &items {
                let s = detector.detect(text, article);
                let outlet = outlets.resolve(article.outlet.as_deref(), article.url.as_deref());
                features += feature_vector(&s, outlet).len();
            }
        }
        best_full = best_full.min(start.elapsed().as_secs_f64());
    }
    println!(
        "{} articles, {:.2} MB of text, {rounds} rounds, best of 5",
        items.len(),
        bytes as f64 / 1e6
    );
    println!(
        "detect:                       {:6.1} MB/s wall, {:6.1} MB/s CPU time ({:.1} µs/article, {} signals/round)",
        mb / best_wall,
        mb / best_cpu.max(1e-9),
        best_wall * 1e6 / (items.len() * rounds) as f64,
        signals / rounds.max(1)
    );
    println!(
        "detect + resolve + features:  {:6.1} MB/s wall ({} features/article)",
        mb / best_full,
        features / (rounds * items.len()).max(1)
    );
}

/// This thread's user + system CPU time, from /proc (Linux; 0 elsewhere). On a
/// shared machine wall time also counts the time other processes held the core.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/thread-self/stat") else {
        return 0.0;
    };
    // Fields after the command name (which is in parentheses): utime is the 12th, stime the 13th.
    let Some(rest) = stat.rsplit_once(')').map(|(_, r)| r) else {
        return 0.0;
    };
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}
