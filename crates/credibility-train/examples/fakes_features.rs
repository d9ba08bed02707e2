//! What the FA-KES labels follow: per-feature class means and single-feature ROC
//! AUCs over all 643 rows, and how often rows with the same or nearly the same
//! text carry the same label.
//!
//! `cargo run --release -p crosscheck-credibility-train --example fakes_features`
//!
//! The single-feature AUCs use every row: they describe the data, they are not a
//! held-out estimate (see `docs/eval/credibility.md`).

use std::collections::{BTreeMap, HashSet};

use crosscheck_signals::credibility::FEATURES;

fn shingles(text: &str) -> HashSet<Vec<String>> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.windows(5).map(|w| w.to_vec()).collect()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(dir) = crosscheck_datasets::dataset_dir("fa-kes") else {
        eprintln!("skipped: ../shared/data/fa-kes is absent");
        return Ok(());
    };
    let ex = crosscheck_credibility_train::fakes_examples(&dir.join("FA-KES-Dataset.csv"))?;
    let labels: Vec<bool> = ex.iter().map(|e| e.label).collect();
    println!("| feature | mean (fake) | mean (credible) | single-feature AUC |");
    println!("|---|---:|---:|---:|");
    let mut rows = Vec::new();
    for (j, f) in FEATURES.iter().enumerate() {
        let values: Vec<f32> = ex.iter().map(|e| e.features[j]).collect();
        let mean = |want: bool| {
            let v: Vec<f64> = ex
                .iter()
                .filter(|e| e.label == want)
                .map(|e| f64::from(e.features[j]))
                .collect();
            v.iter().sum::<f64>() / v.len().max(1) as f64
        };
        let auc = crosscheck_learn::roc_auc(&values, &labels).unwrap_or(0.5);
        rows.push((auc, f.name, mean(false), mean(true)));
    }
    rows.sort_by(|a, b| {
        (b.0 - 0.5)
            .abs()
            .total_cmp(&(a.0 - 0.5).abs())
            .then(a.1.cmp(b.1))
    });
    for (auc, name, fake, credible) in &rows {
        println!("| `{name}` | {fake:.3} | {credible:.3} | {auc:.3} |");
    }

    // Rows with identical text (title and body).
    let mut same: BTreeMap<&str, Vec<bool>> = BTreeMap::new();
    for e in &ex {
        same.entry(e.text.as_str()).or_default().push(e.label);
    }
    let groups: Vec<&Vec<bool>> = same.values().filter(|v| v.len() > 1).collect();
    let mixed = groups
        .iter()
        .filter(|v| v.iter().any(|&l| l) && v.iter().any(|&l| !l))
        .count();
    println!(
        "\nidentical title and body: {} groups ({} rows), {} of them with both labels",
        groups.len(),
        groups.iter().map(|v| v.len()).sum::<usize>(),
        mixed
    );
    // Near-duplicate bodies: 5-word shingle Jaccard >= 0.5 or containment >= 0.8.
    let sets: Vec<HashSet<Vec<String>>> = ex.iter().map(|e| shingles(&e.text)).collect();
    let (mut pairs, mut agree) = (0, 0);
    for i in 0..ex.len() {
        for j in i + 1..ex.len() {
            let (a, b) = (&sets[i], &sets[j]);
            if a.is_empty() || b.is_empty() {
                continue;
            }
            let inter = a.intersection(b).count();
            let jaccard = inter as f64 / (a.len() + b.len() - inter) as f64;
            let containment = inter as f64 / a.len().min(b.len()) as f64;
            if jaccard >= 0.5 || containment >= 0.8 {
                pairs += 1;
                agree += usize::from(ex[i].label == ex[j].label);
            }
        }
    }
    println!("near-duplicate pairs (5-word shingles, Jaccard >= 0.5 or containment >= 0.8): {pairs}, same label: {agree}");
    Ok(())
}
