//! The mean of every signal per gold class on Horne 2017 (fake / real / satire)
//! and FA-KES (fake / credible), as the Markdown table of `docs/signals.md`.
//!
//!     cargo run --release -p crosscheck-signals --example class_means

use std::collections::BTreeMap;
use std::path::PathBuf;

use crosscheck_core::Pipeline;
use crosscheck_datasets::dataset_dir;
use crosscheck_ingest::{expand, IngestOptions, Preset, Reader};
use crosscheck_signals::{feature_vector, kinds, Outlets, SignalDetector};

fn main() {
    let pipeline = Pipeline::new();
    let detector = SignalDetector::new();
    let outlets = Outlets::new();
    let Some(horne) = dataset_dir("horne2017-political-news") else {
        eprintln!("skipped: ../shared/data is absent");
        return;
    };
    let folders: Vec<PathBuf> = [
        "buzzfeed/Fake",
        "buzzfeed/Real",
        "random/Fake",
        "random/Real",
        "random/Satire",
    ]
    .iter()
    .map(|f| horne.join(f))
    .collect();
    table(
        "Horne 2017",
        Preset::Horne,
        &folders,
        &pipeline,
        &detector,
        &outlets,
        &["fake", "real", "satire"],
    );
    if let Some(fakes) = dataset_dir("fa-kes") {
        table(
            "FA-KES",
            Preset::Fakes,
            &[fakes.join("FA-KES-Dataset.csv")],
            &pipeline,
            &detector,
            &outlets,
            &["fake", "credible"],
        );
    }
}

fn table(
    name: &str,
    preset: Preset,
    paths: &[PathBuf],
    pipeline: &Pipeline,
    detector: &SignalDetector,
    outlets: &Outlets,
    classes: &[&str],
) {
    let reader = Reader::new(IngestOptions::with_preset(preset));
    // class -> feature -> (sum, articles)
    let mut sums: BTreeMap<String, BTreeMap<String, f64>> = BTreeMap::new();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for input in expand(paths).flatten() {
        for doc in reader.read(&input).flatten() {
            for article in pipeline.analyze(&doc) {
                let label = article.label.clone().unwrap_or_default();
                let signals = detector.detect(doc.readable_text(), &article);
                *counts.entry(label.clone()).or_default() += 1;
                let entry = sums.entry(label).or_default();
                for k in kinds::ALL {
                    let v = signals
                        .iter()
                        .find(|s| s.kind == k)
                        .map_or(0.0, |s| s.value as f64);
                    *entry.entry(k.to_string()).or_default() += v;
                    if !order.iter().any(|o| o == k) {
                        order.push(k.to_string());
                    }
                }
                let outlet = outlets.resolve(article.outlet.as_deref(), article.url.as_deref());
                for (f, v) in feature_vector(&signals, outlet) {
                    if f.ends_with("_per_1k")
                        || f == "anonymous_source_share"
                        || f == "no_attribution"
                    {
                        *entry.entry(f.clone()).or_default() += v as f64;
                        if !order.contains(&f) {
                            order.push(f);
                        }
                    }
                }
            }
        }
    }
    println!(
        "\n{name}: mean per article ({})\n",
        classes
            .iter()
            .map(|c| format!("{c} {}", counts.get(*c).unwrap_or(&0)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!("| signal | {} |", classes.join(" | "));
    println!(
        "|---|{}|",
        classes.iter().map(|_| "---:").collect::<Vec<_>>().join("|")
    );
    for f in &order {
        let cells: Vec<String> = classes
            .iter()
            .map(|c| {
                let n = *counts.get(*c).unwrap_or(&0) as f64;
                let v = sums.get(*c).and_then(|m| m.get(f)).copied().unwrap_or(0.0);
                if n > 0.0 {
                    format!("{:.2}", v / n)
                } else {
                    "-".into()
                }
            })
            .collect();
        println!("| `{f}` | {} |", cells.join(" | "));
    }
}
