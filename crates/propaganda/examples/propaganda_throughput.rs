//! Measures model load time and `detect` throughput (one thread) over the PTC
//! articles.
//!
//! ```text
//! cargo run -p crosscheck-propaganda --release --example propaganda_throughput -- models/propaganda.bin ../shared/data
//! ```
//!
//! Reports the best wall time of 20 passes and the thread's CPU time (Linux),
//! which is what counts on a shared machine. Sentences are segmented once beforehand (the pipeline does that anyway); the
//! figure is `detect` alone, including technique labelling of the spans found.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use crosscheck_propaganda::io::read_articles;
use crosscheck_propaganda::Propaganda;
use crosscheck_schema::Span;
use crosscheck_segment::Segmenter;

/// Nanoseconds this thread has run on a CPU (`/proc/thread-self/schedstat`).
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [model_path, data] = args.as_slice() else {
        eprintln!("usage: propaganda_throughput <model> <shared data dir>");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(model_path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{model_path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut loads = Vec::new();
    let mut model = None;
    for _ in 0..5 {
        let t = Instant::now();
        model = Propaganda::from_bytes(&bytes).ok();
        loads.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let Some(model) = model else {
        eprintln!("{model_path}: not a propaganda model");
        return ExitCode::FAILURE;
    };
    loads.sort_by(f64::total_cmp);
    println!(
        "model: {} bytes, load {:.1} ms (median of 5)",
        bytes.len(),
        loads[2]
    );
    let root = Path::new(data).join("semeval2020-task11-ptc");
    let mut texts = Vec::new();
    for dir in ["train-articles", "test-articles"] {
        match read_articles(&root.join(dir)) {
            Ok(a) => texts.extend(a.into_iter().map(|(_, t)| t)),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        }
    }
    let seg = Segmenter::new();
    let docs: Vec<(String, Vec<Span>)> = texts
        .into_iter()
        .map(|t| {
            let s = seg.sentences(&t, Span::new(0, t.len()));
            (t, s)
        })
        .collect();
    let total: usize = docs.iter().map(|d| d.0.len()).sum();
    let mut best = f64::INFINITY;
    let mut spans = 0;
    let cpu_before = thread_cpu_ns();
    let wall = Instant::now();
    const RUNS: usize = 20;
    for _ in 0..RUNS {
        let t = Instant::now();
        spans = 0;
        for (text, sentences) in &docs {
            spans += model.detect(text, sentences).len();
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    let wall = wall.elapsed().as_secs_f64();
    let mb = total as f64 / 1e6;
    println!(
        "detect: {} articles, {mb:.2} MB, {spans} spans; wall: best of {RUNS} {:.1} ms = {:.1} MB/s",
        docs.len(),
        best * 1e3,
        mb / best
    );
    // CPU time of this thread (Linux), which time-slicing on a shared machine does
    // not inflate.
    if let (Some(a), Some(b)) = (cpu_before, thread_cpu_ns()) {
        let cpu = (b - a) as f64 / 1e9;
        println!(
            "detect: CPU time {:.1} ms per pass = {:.1} MB/s per core (wall mean {:.1} ms)",
            cpu / RUNS as f64 * 1e3,
            mb * RUNS as f64 / cpu,
            wall / RUNS as f64 * 1e3
        );
    }
    ExitCode::SUCCESS
}
