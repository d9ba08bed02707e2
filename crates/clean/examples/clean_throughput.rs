//! Cleaning throughput over the FA-KES and Horne 2017 texts, and what was removed.
//!
//! `cargo run --release -p crosscheck-clean --example clean_throughput [-- --stats] [-- --dump KIND]`
//!
//! Prints MB/s on one core (best of several passes over all texts). `--stats` adds the
//! removal counts by kind per dataset; `--dump KIND` prints every removal of that kind
//! (`all` for every kind) with the article it came from.

use std::collections::BTreeMap;
use std::time::Instant;

use crosscheck_clean::{CleanOptions, Cleaner};

#[path = "../tests/common/mod.rs"]
mod common;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stats = args.iter().any(|a| a == "--stats");
    let dump = args
        .iter()
        .position(|a| a == "--dump")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let (Some(horne_dir), Some(fakes_dir)) = (
        crosscheck_datasets::dataset_dir("horne2017-political-news"),
        crosscheck_datasets::dataset_dir("fa-kes"),
    ) else {
        eprintln!("skipped: ../shared/data is absent");
        return;
    };
    let sets = [
        ("horne", common::horne(&horne_dir)),
        ("fa-kes", common::fakes(&fakes_dir)),
    ];
    let cleaner = Cleaner::new();
    let bytes: usize = sets
        .iter()
        .flat_map(|s| s.1.iter())
        .map(|s| s.text.len())
        .sum();
    let n: usize = sets.iter().map(|s| s.1.len()).sum();

    let mut sink = 0usize;
    let mut pass = |samples: &[common::Sample]| {
        let t = Instant::now();
        for s in samples {
            let opts = CleanOptions {
                known_title: Some(&s.title),
            };
            sink += cleaner.clean(&s.text, &opts).len();
        }
        t.elapsed().as_secs_f64()
    };
    let mut best_total = f64::MAX;
    let mut best_each = [f64::MAX; 2];
    for _ in 0..40 {
        let mut total = 0.0;
        for (k, (_, samples)) in sets.iter().enumerate() {
            let t = pass(samples);
            best_each[k] = best_each[k].min(t);
            total += t;
        }
        best_total = best_total.min(total);
    }
    println!(
        "{n} texts, {:.2} MB: best pass {:.1} ms = {:.0} MB/s (one core; {sink} articles over all passes)",
        bytes as f64 / 1e6,
        best_total * 1e3,
        bytes as f64 / 1e6 / best_total
    );
    for (k, (name, samples)) in sets.iter().enumerate() {
        let b: usize = samples.iter().map(|s| s.text.len()).sum();
        println!(
            "  {name}: {:.2} MB, {:.0} MB/s",
            b as f64 / 1e6,
            b as f64 / 1e6 / best_each[k]
        );
    }

    if !stats && dump.is_none() {
        return;
    }
    for (name, samples) in &sets {
        let mut counts: BTreeMap<&'static str, (usize, usize)> = BTreeMap::new();
        let mut kept = 0usize;
        let mut total = 0usize;
        let mut splits = 0usize;
        for s in samples {
            let opts = CleanOptions {
                known_title: Some(&s.title),
            };
            let arts = cleaner.clean(&s.text, &opts);
            if arts.len() > 1 {
                splits += 1;
            }
            total += s.text.len();
            for a in &arts {
                kept += a.paragraphs.iter().map(|p| p.len()).sum::<usize>();
                for r in &a.removed {
                    let e = counts.entry(r.kind.as_str()).or_default();
                    e.0 += 1;
                    e.1 += r.end - r.start;
                    if dump.as_deref() == Some(r.kind.as_str()) || dump.as_deref() == Some("all") {
                        let t: String = s.text[r.start..r.end].chars().take(160).collect();
                        println!(
                            "{} [{}] {}",
                            s.name,
                            r.kind.as_str(),
                            t.replace(['\r', '\n'], " / ")
                        );
                    }
                }
            }
        }
        if stats {
            println!(
                "{name}: {} texts, {splits} split, kept {:.1}% of bytes in paragraphs",
                samples.len(),
                100.0 * kept as f64 / total.max(1) as f64
            );
            for (k, (c, b)) in counts {
                println!("  {k:<20} {c:>5} removals {b:>8} bytes");
            }
        }
    }
}
