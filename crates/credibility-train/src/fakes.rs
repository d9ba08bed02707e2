//! FA-KES: read the CSV, run the pipeline on every row, link all articles, compute
//! each article's consistency, and build the credibility model's feature rows.
//!
//! Linking uses no labels, so it runs once over the whole file before any split:
//! each article's consistency features describe how its claims compare with every
//! other article of the file, which is also what `analyze` computes on a pile of
//! news. Labels never cross folds: every model of a cross-validation (scorer and
//! calibration) is fitted on its training folds alone.

use std::path::Path;

use crosscheck_core::Pipeline;
use crosscheck_ingest::{IngestOptions, Input, Preset, Reader};
use crosscheck_learn::{stratified_kfold, train_logistic, Calibrator, SparseVector};
use crosscheck_lexicon::{Actors, Gazetteer};
use crosscheck_link::{ConsistencyIndex, Lexicons, LinkConfig, LinkInput, Linker};
use crosscheck_schema::ArticleAnalysis;
use crosscheck_signals::credibility::train::{
    cross_validate_with, score_metrics, CredibilityMetrics,
};
use crosscheck_signals::credibility::{
    credibility_features, cross_validate, Block, CredibilityExample, CredibilityModel, TrainConfig,
};
use crosscheck_signals::Outlets;

use crate::multiclass::{featurize, text_hasher, text_sgd, title_and_body};
use crate::Error;

/// A labelled record's label as a credibility target: `credible`/`real`/`true`/`1`
/// hold up, `fake`/`false`/`0` do not; anything else (satire, unlabelled) is left out.
pub fn credible_label(label: &str) -> Option<bool> {
    match label.trim().to_ascii_lowercase().as_str() {
        "credible" | "real" | "true" | "reliable" | "1" => Some(true),
        "fake" | "false" | "unreliable" | "0" => Some(false),
        _ => None,
    }
}

/// Examples of a labelled file read with `preset` (`Preset::Fakes` for FA-KES):
/// pipeline on every record, linking over all of them, feature rows for those with
/// a credibility label, in file order. A record that fails to read is an error.
pub fn labelled_examples(path: &Path, preset: Preset) -> Result<Vec<CredibilityExample>, Error> {
    let reader = Reader::new(IngestOptions::with_preset(preset));
    let pipeline = Pipeline::new();
    let mut docs = Vec::new();
    for doc in reader.read(&Input::File(path.to_path_buf())) {
        docs.push(doc.map_err(|e| Error::from(e.to_string()))?);
    }
    let mut analysed: Vec<(usize, ArticleAnalysis)> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for article in pipeline.analyze(doc) {
            analysed.push((d, article));
        }
    }
    let (places, actors) = (Gazetteer::new(), Actors::new());
    let lexicons = Lexicons {
        places: &places,
        actors: &actors,
    };
    let mut linker = Linker::new(LinkConfig::default());
    for (d, article) in &analysed {
        linker.add(
            LinkInput {
                article,
                text: &docs[*d].text,
            },
            &lexicons,
        );
    }
    let result = linker.link();
    let index = ConsistencyIndex::new(&linker, &result);
    let outlets = Outlets::new();
    let mut out = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let Some(label) = doc.fields.label.as_deref().and_then(credible_label) else {
            continue;
        };
        // One record may be cut into several articles; the longest carries the label.
        // `analysed` is in document order.
        let first = analysed.partition_point(|(i, _)| *i < d);
        let Some(article) = analysed[first..]
            .iter()
            .take_while(|(i, _)| *i == d)
            .map(|(_, a)| a)
            .max_by_key(|a| {
                (
                    a.source.end - a.source.start,
                    std::cmp::Reverse(a.source.start),
                )
            })
        else {
            continue;
        };
        let outlet = outlets.resolve_article(article);
        let consistency = index.article(article);
        let text = title_and_body(doc.fields.title.as_deref(), &doc.text);
        out.push(CredibilityExample {
            id: doc.fields.id.clone().unwrap_or_else(|| article.id.clone()),
            outlet: article.outlet.clone(),
            label,
            features: credibility_features(article, outlet, Some(&consistency)),
            text,
        });
    }
    Ok(out)
}

/// [`labelled_examples`] of an FA-KES CSV.
pub fn fakes_examples(path: &Path) -> Result<Vec<CredibilityExample>, Error> {
    labelled_examples(path, Preset::Fakes)
}

/// Scores `examples` with a trained model (no refitting): the figures of a model on
/// a file. On the file it was trained on this is in-sample.
pub fn evaluate_examples(
    examples: &[CredibilityExample],
    model: &CredibilityModel,
) -> CredibilityMetrics {
    let labels: Vec<bool> = examples.iter().map(|e| e.label).collect();
    let probs: Vec<f32> = examples
        .iter()
        .map(|e| model.score_row(&e.features))
        .collect();
    score_metrics("model as given", &labels, &probs, model.thresholds())
}

/// [`evaluate_examples`] on an FA-KES CSV.
pub fn evaluate_fakes(path: &Path, model: &CredibilityModel) -> Result<CredibilityMetrics, Error> {
    Ok(evaluate_examples(&fakes_examples(path)?, model))
}

/// The model variants of the FA-KES report, each cross-validated the same way.
#[derive(Clone, Debug)]
pub struct FakesReport {
    pub k: usize,
    pub repeats: usize,
    /// In report order: text-only baseline, signals, signals+outlet,
    /// +claims, consistency alone, all blocks (trees), all blocks (logistic),
    /// and the four coverage features (logistic).
    pub variants: Vec<CredibilityMetrics>,
}

impl std::fmt::Display for FakesReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "| model | accuracy | macro-F1 | ROC AUC | ECE |")?;
        writeln!(f, "|---|---:|---:|---:|---:|")?;
        for m in &self.variants {
            writeln!(
                f,
                "| {} | {} | {} | {} | {} |",
                m.name, m.accuracy, m.macro_f1, m.auc, m.ece
            )?;
        }
        for m in &self.variants {
            writeln!(f)?;
            write!(f, "{m}")?;
        }
        Ok(())
    }
}

/// Repeated stratified k-fold of every variant on `examples` (fixed seeds).
pub fn cross_validate_examples(
    examples: &[CredibilityExample],
    k: usize,
    repeats: usize,
) -> FakesReport {
    use Block::*;
    let mut variants = vec![text_baseline(examples, k, repeats)];
    for blocks in [
        &[Signals][..],
        &[Signals, Outlet],
        &[Signals, Outlet, Claims],
        &[Consistency],
        &[Signals, Outlet, Claims, Consistency],
    ] {
        variants.push(cross_validate(
            examples,
            &TrainConfig::with_blocks(blocks),
            k,
            repeats,
        ));
    }
    variants.push(cross_validate(
        examples,
        &TrainConfig::logistic(&Block::ALL),
        k,
        repeats,
    ));
    variants.push(cross_validate(examples, &coverage_config(), k, repeats));
    FakesReport {
        k,
        repeats,
        variants,
    }
}

/// One consistency feature in a logistic regression: how many other independent
/// outlets report the article's events (`consistency_other_outlets`) — the model
/// shipped before the components (credibility v1), kept as a baseline.
pub fn coverage_config() -> TrainConfig {
    TrainConfig {
        only: vec!["consistency_other_outlets"],
        ..TrainConfig::logistic(&[Block::Consistency])
    }
}

/// [`cross_validate_examples`] on an FA-KES CSV.
pub fn cross_validate_fakes(path: &Path, k: usize, repeats: usize) -> Result<FakesReport, Error> {
    Ok(cross_validate_examples(&fakes_examples(path)?, k, repeats))
}

/// The trap to confirm: hashed word (1–2) and character (2–5) n-grams of title and
/// body, logistic regression, Platt on inner out-of-fold margins, same folds.
pub fn text_baseline(
    examples: &[CredibilityExample],
    k: usize,
    repeats: usize,
) -> CredibilityMetrics {
    let hasher = text_hasher(Vec::new());
    let xs: Vec<SparseVector> = examples
        .iter()
        .map(|e| featurize(&hasher, &e.text, &[]))
        .collect();
    let labels: Vec<bool> = examples.iter().map(|e| e.label).collect();
    let cfg = text_sgd(0x7e47);
    let dim = hasher.dim();
    let fit_margins = |train: &[usize]| {
        let tx: Vec<SparseVector> = train.iter().map(|&i| xs[i].clone()).collect();
        let ty: Vec<bool> = train.iter().map(|&i| labels[i]).collect();
        train_logistic(dim, &tx, &ty, None, &cfg)
    };
    cross_validate_with(
        "text only: word+char n-grams (logistic)",
        &labels,
        k,
        repeats,
        0x7e47,
        TrainConfig::default().thresholds,
        |train, test| {
            // Inner folds for the calibration, as for the other models.
            let classes: Vec<u32> = train.iter().map(|&i| u32::from(labels[i])).collect();
            let inner = stratified_kfold(&classes, 5, 0xca11b);
            let mut margins = vec![0f32; train.len()];
            for f in 0..5 {
                let (tr, te) = inner.split(f);
                if tr.is_empty() || te.is_empty() {
                    continue;
                }
                let idx: Vec<usize> = tr.iter().map(|&j| train[j]).collect();
                let m = fit_margins(&idx);
                for &j in &te {
                    margins[j] = m.margin(&xs[train[j]]);
                }
            }
            let ty: Vec<bool> = train.iter().map(|&i| labels[i]).collect();
            let platt = Calibrator::fit_platt(&margins, &ty);
            let model = fit_margins(train);
            test.iter()
                .map(|&i| platt.apply(model.margin(&xs[i])))
                .collect()
        },
    )
}
