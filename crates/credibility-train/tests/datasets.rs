//! The training data flows on the shared datasets (each test skips when its data
//! is absent).

use crosscheck_credibility_train::{
    cross_validate_liar, fakes_examples, horne_examples, shipped_config, train_shipped, History,
    LiarFeatures, HORNE_CLASSES,
};
use crosscheck_signals::credibility::{CredibilityModel, FEATURES, N_FEATURES};

#[test]
fn fakes_rows_are_linked_and_training_is_reproducible() {
    let Some(dir) = crosscheck_datasets::dataset_dir("fa-kes") else {
        eprintln!("skipped: ../shared/data/fa-kes is absent");
        return;
    };
    let examples = fakes_examples(&dir.join("FA-KES-Dataset.csv")).unwrap();
    assert_eq!(examples.len(), 643);
    assert_eq!(examples.iter().filter(|e| e.label).count(), 341);
    assert!(examples.iter().all(|e| e.features.len() == N_FEATURES));
    let at = |name: &str| FEATURES.iter().position(|f| f.name == name).unwrap();
    // Every article went through linking; a good share of them share an event with
    // another outlet's report.
    assert!(examples
        .iter()
        .all(|e| e.features[at("consistency_linked")] == 1.0));
    let shared = examples
        .iter()
        .filter(|e| e.features[at("consistency_other_outlets")] > 0.0)
        .count();
    assert!(shared > 200, "{shared}");
    // All 15 FA-KES outlets resolve: no article is `outlet_unknown`.
    assert!(examples
        .iter()
        .all(|e| e.features[at("outlet_unknown")] == 0.0));

    let model = train_shipped(&examples);
    let bytes = model.to_bytes();
    assert_eq!(
        train_shipped(&examples).to_bytes(),
        bytes,
        "training is deterministic"
    );
    let names = CredibilityModel::from_bytes(&bytes)
        .unwrap()
        .feature_names();
    assert_eq!(names, shipped_config().only);
    let shipped =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models/credibility.bin");
    match std::fs::read(&shipped) {
        Ok(file) if file == bytes => {}
        _ => eprintln!(
            "note: models/credibility.bin differs from a fresh training (the pipeline changed?); \
             rebuild it with `crosscheck train credibility`"
        ),
    }
}

#[test]
fn horne_articles_are_read_with_their_classes() {
    let Some(dir) = crosscheck_datasets::dataset_dir("horne2017-political-news") else {
        eprintln!("skipped: ../shared/data/horne2017-political-news is absent");
        return;
    };
    let examples = horne_examples(&dir).unwrap();
    let count = |c: usize| examples.iter().filter(|e| e.class as usize == c).count();
    assert_eq!(examples.len(), 326);
    assert_eq!(
        (count(0), count(1), count(2)),
        (123, 128, 75),
        "{HORNE_CLASSES:?}"
    );
    assert!(examples.iter().all(|e| !e.text.is_empty()));
}

#[test]
fn the_liar_credit_history_leaks_the_label() {
    let Some(dir) = crosscheck_datasets::dataset_dir("liar") else {
        eprintln!("skipped: ../shared/data/liar is absent");
        return;
    };
    let rows = crosscheck_datasets::read_liar_file(&dir.join("train.tsv")).unwrap();
    let rows = &rows[..3000];
    let metadata = |history| LiarFeatures {
        metadata: true,
        history,
    };
    let honest = cross_validate_liar(rows, metadata(History::WithoutSelf), 3, 1);
    let leaky = cross_validate_liar(rows, metadata(History::AsGiven), 3, 1);
    // Counting the statement's own label in its speaker's history is worth far more
    // than anything else the model reads.
    assert!(
        leaky.accuracy.mean > honest.accuracy.mean + 0.08,
        "{leaky}\n{honest}"
    );
    assert!(honest.accuracy.mean > 0.2);
}
