//! LIAR: every variant on valid.tsv and in k-fold CV on train.tsv.
//! `cargo run --release -p crosscheck-credibility-train --example liar_eval -- [K] [REPEATS]`
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(dir) = crosscheck_datasets::dataset_dir("liar") else {
        eprintln!("skipped: ../shared/data/liar is absent");
        return Ok(());
    };
    let mut args = std::env::args().skip(1);
    let k: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5);
    let repeats: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let report = crosscheck_credibility_train::liar_report(
        &dir.join("train.tsv"),
        &dir.join("valid.tsv"),
        k,
        repeats,
    )?;
    println!("{report}");
    Ok(())
}
