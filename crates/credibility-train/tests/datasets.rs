//! The training data flows on the shared datasets (each test skips when its data
//! is absent).

use crosscheck_credibility_train::{
    buzzfeed_examples, cross_validate_liar, fakes_examples, horne_binary, horne_examples,
    style_config, train_shipped, History, LiarFeatures, Satire, TrainingData, HORNE_CLASSES,
};
use crosscheck_signals::credibility::{
    metrics_over_repeats, out_of_fold, score_metrics, train_component, CredibilityModel, FEATURES,
    N_FEATURES,
};

#[test]
fn fakes_rows_are_linked() {
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
    let binary = horne_binary(&examples, Satire::Exclude);
    assert_eq!(binary.len(), 251);
    assert_eq!(binary.iter().filter(|e| e.label).count(), 128);
    assert_eq!(horne_binary(&examples, Satire::NotCredible).len(), 326);
}

#[test]
fn buzzfeed_posts_carry_their_pages_reputation() {
    let Some(dir) = crosscheck_datasets::dataset_dir("buzzfeed-facebook-fact-check") else {
        eprintln!("skipped: ../shared/data/buzzfeed-facebook-fact-check is absent");
        return;
    };
    let posts = buzzfeed_examples(&dir.join("facebook-fact-check.csv")).unwrap();
    // 2,282 posts, 264 of them without factual content.
    assert_eq!(posts.len(), 2018);
    assert_eq!(posts.iter().filter(|e| e.label).count(), 1669);
    let at = |name: &str| FEATURES.iter().position(|f| f.name == name).unwrap();
    let reputation = |page: &str| {
        posts
            .iter()
            .find(|e| e.outlet.as_deref() == Some(page))
            .map(|e| e.features[at("outlet_reputation")])
    };
    assert_eq!(reputation("Politico"), Some(1.0));
    assert_eq!(reputation("Occupy Democrats"), Some(-1.0));
    assert_eq!(reputation("Freedom Daily"), Some(-1.0));
    assert!(posts
        .iter()
        .all(|e| e.features[at("outlet_resolved")] == 1.0));
}

#[test]
fn the_shipped_model_trains_reproducibly_and_style_is_measured_where_it_can_be() {
    let Some(data_dir) = crosscheck_datasets::shared_data_dir() else {
        eprintln!("skipped: ../shared/data is absent");
        return;
    };
    let data = TrainingData::load(&data_dir).unwrap();
    let model = train_shipped(&data);
    let bytes = model.to_bytes();
    assert_eq!(
        train_shipped(&data).to_bytes(),
        bytes,
        "training is deterministic"
    );
    let loaded = CredibilityModel::from_bytes(&bytes).unwrap();
    let names: Vec<&str> = loaded
        .components()
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["style", "outlet", "consistency"]);
    let shipped =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models/credibility.bin");
    // The consistency component is trained through the whole pipeline, so a change
    // to extraction or linking changes the model: the shipped file must follow.
    let file = std::fs::read(&shipped).expect("models/credibility.bin is shipped");
    assert!(
        file == bytes,
        "models/credibility.bin differs from a fresh training (extraction or linking \
         changed?): rebuild it with `crosscheck train credibility`"
    );

    // The style signals tell Horne's real news from its fake news out of fold ...
    let horne = data.style_rows();
    let labels: Vec<bool> = horne.iter().map(|e| e.label).collect();
    let classes: Vec<u32> = labels.iter().map(|&l| u32::from(l)).collect();
    let probs = out_of_fold(&classes, 5, 1, 7, |train, test| {
        let part: Vec<_> = train.iter().map(|&i| horne[i].clone()).collect();
        let c = train_component(&part, &style_config());
        test.iter()
            .map(|&i| c.probability(&horne[i].features))
            .collect()
    });
    let cv = metrics_over_repeats("style", &labels, &probs, None, 5, (0.3, 0.7));
    assert!(cv.auc.mean > 0.75, "{cv}");
    assert!(cv.ece.mean < 0.1, "{cv}");
    // ... and say nothing about FA-KES labels, which are not about style.
    let style = &loaded.components()[0];
    let fy: Vec<bool> = data.fakes.iter().map(|e| e.label).collect();
    let fp: Vec<f32> = data
        .fakes
        .iter()
        .map(|e| style.probability(&e.features))
        .collect();
    let transfer = score_metrics("style on FA-KES", &fy, &fp, (0.3, 0.7));
    assert!((transfer.auc.mean - 0.5).abs() < 0.06, "{transfer}");
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
