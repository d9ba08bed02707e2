//! Trains the shipped credibility model (style on Horne 2017, outlet on the
//! BuzzFeed fact-check, consistency on FA-KES) and writes it.
//!
//! `cargo run --release -p crosscheck-credibility-train --example train_credibility -- [OUT]`
//! (default `models/credibility.bin`, relative to the current folder).
use std::time::Instant;

use crosscheck_signals::credibility::CredibilityModel;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(data) = crosscheck_datasets::shared_data_dir() else {
        eprintln!("skipped: ../shared/data is absent");
        return Ok(());
    };
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "models/credibility.bin".into());
    let started = Instant::now();
    let model = crosscheck_credibility_train::train_shipped_from_data(&data)?;
    let bytes = model.to_bytes();
    eprintln!("trained in {:.2} s", started.elapsed().as_secs_f64());
    print!("{}", model.describe());
    std::fs::write(&out, &bytes)?;
    let started = Instant::now();
    let loaded = CredibilityModel::from_bytes(&bytes)?;
    let load = started.elapsed();
    assert_eq!(loaded, model);
    println!(
        "wrote {out}: {} bytes; parsed in {:.1} µs",
        bytes.len(),
        load.as_secs_f64() * 1e6
    );
    Ok(())
}
