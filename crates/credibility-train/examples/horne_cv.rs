//! Horne 2017 fake / real / satire: `cargo run --release -p crosscheck-credibility-train --example horne_cv -- [K] [REPEATS]`
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(dir) = crosscheck_datasets::dataset_dir("horne2017-political-news") else {
        eprintln!("skipped: ../shared/data/horne2017-political-news is absent");
        return Ok(());
    };
    let mut args = std::env::args().skip(1);
    let k: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5);
    let repeats: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5);
    println!(
        "{}",
        crosscheck_credibility_train::evaluate_horne(&dir, k, repeats)?
    );
    Ok(())
}
