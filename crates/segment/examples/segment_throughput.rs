//! Segments every FA-KES article and every Horne 2017 file N times and prints MB/s
//! for sentences alone, tokens alone, and sentences followed by the tokens of each
//! sentence, on one core. Besides wall-clock time it reports MB per second of this
//! thread's CPU time (Linux `/proc/thread-self/schedstat`), which a machine shared
//! with other jobs disturbs less:
//!
//! ```text
//! cargo run -p crosscheck-segment --release --example segment_throughput [-- N]
//! ```

#[path = "../tests/common/mod.rs"]
mod common;

use std::hint::black_box;
use std::time::Instant;

use crosscheck_schema::Span;
use crosscheck_segment::{tokens, Segmenter};

fn main() {
    let passes: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20);
    let mut texts: Vec<String> = Vec::new();
    texts.extend(
        common::fakes_articles()
            .unwrap_or_default()
            .into_iter()
            .map(|(_, t)| t),
    );
    texts.extend(
        common::horne_articles(false)
            .unwrap_or_default()
            .into_iter()
            .map(|(_, t)| t),
    );
    let bytes: usize = texts.iter().map(String::len).sum();
    if bytes == 0 {
        eprintln!("skipped: the shared data is absent");
        return;
    }
    println!(
        "{} texts, {:.2} MB, {passes} passes",
        texts.len(),
        bytes as f64 / 1e6
    );
    let seg = Segmenter::new();
    let mut spans = Vec::new();

    let measure = |name: &str, f: &mut dyn FnMut(&str) -> usize| {
        let mut count = 0;
        // One warm-up pass, then the timed ones.
        for t in &texts {
            count += f(t);
        }
        let start = Instant::now();
        let cpu_start = thread_cpu_ns();
        for _ in 0..passes {
            for t in &texts {
                count += f(t);
            }
        }
        let secs = start.elapsed().as_secs_f64();
        let cpu_secs = match (cpu_start, thread_cpu_ns()) {
            (Some(a), Some(b)) => Some(b.saturating_sub(a) as f64 / 1e9),
            _ => None,
        };
        let mb = (bytes * passes) as f64 / 1e6;
        let cpu = cpu_secs.map_or("n/a".to_string(), |s| format!("{:.1}", mb / s));
        println!(
            "{name:<20} {:8.1} MB/s wall  {cpu:>8} MB/s cpu   ({} items per pass)",
            mb / secs,
            count / (passes + 1)
        );
    };

    measure("sentences", &mut |t| {
        spans.clear();
        seg.sentences_into(t, Span::new(0, t.len()), &mut spans);
        black_box(&spans);
        spans.len()
    });
    measure("tokens", &mut |t| {
        tokens(t, Span::new(0, t.len())).map(black_box).count()
    });
    measure("sentences + tokens", &mut |t| {
        spans.clear();
        seg.sentences_into(t, Span::new(0, t.len()), &mut spans);
        spans
            .iter()
            .map(|s| tokens(t, *s).map(black_box).count())
            .sum()
    });
}

/// Nanoseconds of CPU time this thread has used, where Linux reports it.
fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}
