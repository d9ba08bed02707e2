//! Cross-validates every FA-KES model variant and prints the table of
//! `docs/eval/credibility.md`.
//!
//! `cargo run --release -p crosscheck-credibility-train --example fakes_cv -- [K] [REPEATS]`

use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(dir) = crosscheck_datasets::dataset_dir("fa-kes") else {
        eprintln!("skipped: ../shared/data/fa-kes is absent");
        return Ok(());
    };
    let mut args = std::env::args().skip(1);
    let k: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5);
    let repeats: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5);
    let started = Instant::now();
    let examples = crosscheck_credibility_train::fakes_examples(&dir.join("FA-KES-Dataset.csv"))?;
    eprintln!(
        "{} examples in {:.1} s",
        examples.len(),
        started.elapsed().as_secs_f64()
    );
    let report = crosscheck_credibility_train::cross_validate_examples(&examples, k, repeats);
    println!("{report}");
    eprintln!("total {:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}
