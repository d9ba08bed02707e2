//! Measures how fast both tables match over FA-KES text.
//!
//! `cargo run --release -p crosscheck-lexicon --example lexicon_throughput`
//!
//! Prints wall-clock throughput and, on Linux, throughput per second of this
//! process's CPU time, which is what "per core" means on a shared machine.

#[path = "../tests/common/fakes.rs"]
mod fakes;

use std::time::Instant;

use crosscheck_lexicon::{Actors, FoldedText, Gazetteer};

fn main() {
    let Some(articles) = fakes::articles() else {
        eprintln!("skipped: shared/data/fa-kes is absent");
        return;
    };
    let t = Instant::now();
    let (g, a) = (Gazetteer::new(), Actors::new());
    println!(
        "tables: {} places ({} names), {} actors ({} names), built in {:.1} ms",
        g.len(),
        g.alias_count(),
        a.len(),
        a.alias_count(),
        t.elapsed().as_secs_f64() * 1e3
    );
    let bytes: usize = articles.iter().map(|x| x.text.len()).sum();
    let mut rounds = 0usize;
    let mut found = 0usize;
    let t = Instant::now();
    let cpu0 = cpu_seconds();
    while t.elapsed().as_secs_f64() < 3.0 {
        for art in &articles {
            let text = &art.text;
            // One fold for both tables, as the extractor does.
            let folded = FoldedText::new(text, 0, text.len());
            found += g.find_in(&folded).len();
            found += a.find_in(&folded).len();
        }
        rounds += 1;
    }
    let secs = t.elapsed().as_secs_f64();
    let cpu = cpu_seconds().zip(cpu0).map(|(b, a)| b - a);
    println!(
        "{} articles, {:.2} MB x {rounds} rounds in {secs:.2} s: {:.1} MB/s for both tables ({} matches a round)",
        articles.len(),
        bytes as f64 / 1e6,
        (bytes * rounds) as f64 / 1e6 / secs,
        found / rounds.max(1)
    );
    if let Some(cpu) = cpu.filter(|&c| c > 0.0) {
        println!(
            "{:.1} MB/s per second of CPU time ({cpu:.2} s of CPU)",
            (bytes * rounds) as f64 / 1e6 / cpu
        );
    }
}

/// User + system CPU time of this process from `/proc/self/stat` (Linux; 100
/// clock ticks a second), or `None` elsewhere.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name may hold spaces; fields count from after its ')'.
    let rest = stat.get(stat.rfind(')')? + 2..)?;
    let f: Vec<&str> = rest.split(' ').collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}
