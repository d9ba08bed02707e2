//! Reads every `.html` file of a folder `--runs` times (default 20) and prints
//! the throughput of `HtmlReader::read`, for profiling.
//!
//! `cargo run --release -p crosscheck-html --example bench -- DIR [RUNS]`

use std::time::Instant;

use crosscheck_html::HtmlReader;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: bench DIR [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(20);
    let pages: Vec<String> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .filter_map(|p| std::fs::read(p).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect();
    let bytes: usize = pages.iter().map(String::len).sum();
    let reader = HtmlReader::new();
    let t = Instant::now();
    let mut out = 0;
    for _ in 0..runs {
        for p in &pages {
            out += reader.read(p).view.len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{} pages x {runs}: {:.1} MB/s, {:.0} pages/s (view bytes {out})",
        pages.len(),
        (bytes * runs) as f64 / 1e6 / secs,
        (pages.len() * runs) as f64 / secs
    );
}
