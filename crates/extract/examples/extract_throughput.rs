//! Speed of segmentation plus claim extraction over every FA-KES article, in MB of
//! article text per second on one core (the issue's target: at least 20 MB/s).
//!
//! Two figures: the best wall-clock round, and MB per second of this thread's CPU
//! time over all rounds (Linux `/proc/thread-self/schedstat`), which is what "per
//! core" means on a shared machine where the thread is descheduled part of the time.
//!
//! ```text
//! cargo run -p crosscheck-extract --release --example extract_throughput -- [../shared/data] [ROUNDS]
//! ```

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use crosscheck_extract::{ArticleContext, Extractor};
use crosscheck_schema::Span;
use crosscheck_segment::Segmenter;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let data = args
        .next()
        .map(PathBuf::from)
        .or_else(crosscheck_datasets::shared_data_dir);
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let Some(data) = data else {
        eprintln!("error: shared data not found; pass its folder");
        return ExitCode::FAILURE;
    };
    let path = data.join("fa-kes/FA-KES-Dataset.csv");
    let mut rdr = match csv::Reader::from_path(&path) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    let headers = rdr.byte_headers().cloned().unwrap_or_default();
    let Some(col) = headers.iter().position(|h| h == b"article_content") else {
        eprintln!("error: no article_content column");
        return ExitCode::FAILURE;
    };
    let texts: Vec<String> = rdr
        .byte_records()
        .filter_map(Result::ok)
        .map(|r| {
            r.get(col)
                .unwrap_or_default()
                .iter()
                .map(|&b| b as char)
                .collect()
        })
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let published = chrono::NaiveDate::from_ymd_opt(2016, 6, 1);

    let t0 = Instant::now();
    let extractor = Extractor::new();
    let build = t0.elapsed();
    let segmenter = Segmenter::new();
    let mut best = f64::INFINITY;
    let (mut claims, mut frames) = (0usize, 0usize);
    let cpu0 = thread_cpu_seconds();
    for _ in 0..rounds {
        let start = Instant::now();
        claims = 0;
        frames = 0;
        for text in &texts {
            let sentences = segmenter.sentences(text, Span::new(0, text.len()));
            let ctx = ArticleContext {
                text,
                sentences: &sentences,
                published,
                title: None,
                outlet: None,
            };
            let out = extractor.claims(&ctx, None);
            frames += out.iter().filter(|c| c.event.is_some()).count();
            claims += out.len();
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    let cpu = thread_cpu_seconds().zip(cpu0).map(|(b, a)| b - a);
    let mb = bytes as f64 / 1e6;
    println!(
        "{} articles, {:.2} MB; extractor built in {:.0} ms; best of {rounds}: {:.3} s = {:.1} MB/s (segment + claims, one core); {claims} claims, {frames} with frames",
        texts.len(),
        mb,
        build.as_secs_f64() * 1e3,
        best,
        mb / best
    );
    if let Some(cpu) = cpu.filter(|&c| c > 0.0) {
        println!(
            "{:.1} MB/s per second of CPU time ({:.3} s of CPU a round)",
            mb * rounds as f64 / cpu,
            cpu / rounds.max(1) as f64
        );
    }
    ExitCode::SUCCESS
}

/// CPU time of the calling thread in seconds, from `/proc/thread-self/schedstat`
/// (nanoseconds on the CPU), or `None` where that file does not exist.
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}
