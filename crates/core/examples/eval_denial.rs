//! Denial and disagreement on the Emergent stance corpus: does a trained detector
//! do better than the extractor's rules, and would it help linking?
//!
//! ```text
//! cargo run --release -p crosscheck-core --example eval_denial [-- DATA_DIR]
//! ```
//!
//! Emergent (Ferreira & Vlachos 2016) labels news headlines `for`, `against` or
//! `observing` a rumour (2,071 in the shared training file). "Against" is the
//! nearest public label to what linking needs: a report that denies or disputes a
//! claim. Two detectors are scored on it:
//!
//! * **rules**: the pipeline's own analysis of the headline — a claim whose event
//!   frame is `denied` ("X denied responsibility", "no truth to the reports");
//! * **trained**: logistic regression on hashed word 1–2-grams, 5-fold CV grouped
//!   by rumour (a rumour's headlines never straddle folds), balanced classes,
//!   decision at 0.5.
//!
//! FNC-1's shared copy holds only the competition test split (headline–body pairs),
//! so it is not used here.

use std::collections::HashMap;
use std::path::PathBuf;

use crosscheck_core::Pipeline;
use crosscheck_learn::{
    grouped_kfold, roc_auc, train_logistic, BinaryMetrics, ClassWeight, FeatureHasher,
    HasherConfig, SgdConfig, SparseVector,
};
use crosscheck_schema::Document;

struct Row {
    headline: String,
    against: bool,
    rumour: String,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let data = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .or_else(crosscheck_datasets::shared_data_dir)
        .ok_or("no shared data: pass DATA_DIR")?;
    let path = data.join("emergent-stance/url-versions-2015-06-14-clean-train.csv");
    let mut rows = Vec::new();
    for (line, record) in csv::Reader::from_path(&path)?.records().enumerate() {
        let record = record.map_err(|e| format!("{}:{}: {e}", path.display(), line + 2))?;
        rows.push(Row {
            headline: record.get(2).unwrap_or_default().to_string(),
            against: record.get(3) == Some("against"),
            rumour: record.get(5).unwrap_or_default().to_string(),
        });
    }
    let labels: Vec<bool> = rows.iter().map(|r| r.against).collect();
    let positives = labels.iter().filter(|&&l| l).count();
    println!(
        "{}: {} headlines, {positives} against",
        path.display(),
        rows.len()
    );

    // Rules: the pipeline's analysis of the headline as a one-sentence article.
    let pipeline = Pipeline::new();
    let rules: Vec<f32> = rows
        .iter()
        .map(|r| {
            let doc = Document::from_text("emergent", format!("Headline\n\n{}.", r.headline));
            let denied = pipeline.analyze(&doc).iter().any(|a| {
                a.claims
                    .iter()
                    .any(|c| c.event.as_ref().is_some_and(|e| e.denied))
            });
            if denied {
                1.0
            } else {
                0.0
            }
        })
        .collect();
    report("rules (event frame denied)", &rules, &labels);

    // Trained, folds grouped by rumour.
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let groups: Vec<u32> = rows
        .iter()
        .map(|r| {
            let n = ids.len() as u32;
            *ids.entry(r.rumour.as_str()).or_insert(n)
        })
        .collect();
    let hasher = FeatureHasher::new(
        HasherConfig {
            bits: 18,
            char_min: 0,
            char_max: 0,
            ..HasherConfig::default()
        },
        Vec::new(),
    )
    .map_err(|e| e.0)?;
    let xs: Vec<SparseVector> = rows
        .iter()
        .map(|r| {
            let mut v = SparseVector::new();
            hasher.featurize(&r.headline, &[], &mut v);
            v
        })
        .collect();
    let targets: Vec<u32> = labels.iter().map(|&l| l as u32).collect();
    let k = 5;
    let folds = grouped_kfold(&groups, &targets, k, 7);
    let config = SgdConfig {
        class_weight: ClassWeight::Balanced,
        ..SgdConfig::default()
    };
    let mut scores = vec![0.0f32; rows.len()];
    for fold in 0..k {
        let (train, test) = folds.split(fold);
        let tx: Vec<SparseVector> = train.iter().map(|&i| xs[i].clone()).collect();
        let ty: Vec<bool> = train.iter().map(|&i| labels[i]).collect();
        let model = train_logistic(hasher.dim(), &tx, &ty, None, &config);
        for &i in &test {
            scores[i] = model.predict(&xs[i]);
        }
    }
    report(
        "trained (word 1-2-grams, 5-fold grouped CV)",
        &scores,
        &labels,
    );
    Ok(())
}

fn report(name: &str, scores: &[f32], labels: &[bool]) {
    let m = BinaryMetrics::at_threshold(scores, labels, 0.5);
    let auc = roc_auc(scores, labels).unwrap_or(f64::NAN);
    println!(
        "{name:45} P {:.3}  R {:.3}  F1 {:.3}  (tp {} fp {} fn {})  ROC AUC {auc:.3}",
        m.precision(),
        m.recall(),
        m.f1(),
        m.tp,
        m.fp,
        m.fn_
    );
}
