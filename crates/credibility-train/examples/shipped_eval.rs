//! Every figure of the shipped credibility model (`docs/eval/credibility.md`):
//! components on their own data, on FA-KES, and combined.
//!
//! `cargo run --release -p crosscheck-credibility-train --example shipped_eval -- [K] [REPEATS]`
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(data) = crosscheck_datasets::shared_data_dir() else {
        eprintln!("skipped: ../shared/data is absent");
        return Ok(());
    };
    let mut args = std::env::args().skip(1);
    let k: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5);
    let repeats: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5);
    let started = Instant::now();
    let data = crosscheck_credibility_train::TrainingData::load(&data)?;
    eprintln!("data read in {:.1} s", started.elapsed().as_secs_f64());
    println!(
        "{}",
        crosscheck_credibility_train::evaluate_shipped(&data, k, repeats)
    );
    eprintln!("total {:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}
