//! Horne & Adalı 2017: fake / real / satire articles (US politics, 2016): the
//! three-class task (how far the writing signals and the text alone tell the
//! three apart), and the binary real-against-fake rows the style component of the
//! credibility model is trained on ([`horne_binary`]). Outlets are not in the data
//! and the articles report no conflict events, so the outlet and consistency
//! blocks play no part here.

use std::path::Path;

use crosscheck_core::Pipeline;
use crosscheck_ingest::{expand, IngestOptions, Preset, Reader};
use crosscheck_learn::{train_boosted_multiclass, BoostConfig};
use crosscheck_signals::credibility::features::block_columns;
use crosscheck_signals::credibility::{credibility_features, Block, CredibilityExample};
use crosscheck_signals::Outlets;

use crate::multiclass::{
    cross_validate_classes, featurize, text_hasher, title_and_body, train_ovr, ClassMetrics,
};
use crate::Error;

/// The classes, in index order.
pub const HORNE_CLASSES: [&str; 3] = ["fake", "real", "satire"];

/// One Horne article: class index, the full credibility feature row (without
/// consistency), title + body.
#[derive(Clone, Debug, PartialEq)]
pub struct HorneExample {
    pub path: String,
    pub class: u32,
    pub features: Vec<f32>,
    pub text: String,
}

/// Reads the Horne 2017 folder (both subsets) through the pipeline.
pub fn horne_examples(dir: &Path) -> Result<Vec<HorneExample>, Error> {
    let reader = Reader::new(IngestOptions::with_preset(Preset::Horne));
    let pipeline = Pipeline::new();
    let outlets = Outlets::new();
    let mut out = Vec::new();
    for input in expand(&[dir.to_path_buf()]) {
        let input = input.map_err(|e| Error(e.to_string()))?;
        for doc in reader.read(&input) {
            let doc = doc.map_err(|e| Error(e.to_string()))?;
            let Some(class) = doc
                .fields
                .label
                .as_deref()
                .and_then(|l| HORNE_CLASSES.iter().position(|c| *c == l))
            else {
                continue;
            };
            let articles = pipeline.analyze(&doc);
            let Some(article) = articles
                .iter()
                .max_by_key(|a| a.source.end - a.source.start)
            else {
                continue;
            };
            let text = title_and_body(doc.fields.title.as_deref(), &doc.text);
            out.push(HorneExample {
                path: doc.path.clone(),
                class: class as u32,
                features: credibility_features(article, outlets.resolve_article(article), None),
                text,
            });
        }
    }
    if out.is_empty() {
        return Err(Error(format!(
            "{}: no labelled Horne 2017 articles found",
            dir.display()
        )));
    }
    Ok(out)
}

/// The Horne report: text-only, signals-only and text+signals models under the
/// same folds.
#[derive(Clone, Debug)]
pub struct HorneReport {
    pub variants: Vec<ClassMetrics>,
}

impl std::fmt::Display for HorneReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "| model | accuracy | macro-F1 |")?;
        writeln!(f, "|---|---:|---:|")?;
        for m in &self.variants {
            writeln!(f, "| {} | {} | {} |", m.name, m.accuracy, m.macro_f1)?;
        }
        for m in &self.variants {
            writeln!(f)?;
            write!(f, "{m}")?;
        }
        Ok(())
    }
}

/// Repeated stratified k-fold of the three Horne models on `examples`.
pub fn cross_validate_horne(examples: &[HorneExample], k: usize, repeats: usize) -> HorneReport {
    let labels: Vec<u32> = examples.iter().map(|e| e.class).collect();
    let seed = 0x40_12e;
    let columns = block_columns(&[Block::Signals]);
    let dense = |e: &HorneExample| -> Vec<f32> { columns.iter().map(|&c| e.features[c]).collect() };
    let rows: Vec<Vec<f32>> = examples.iter().map(dense).collect();

    let hasher = text_hasher(Vec::new());
    let xs: Vec<_> = examples
        .iter()
        .map(|e| featurize(&hasher, &e.text, &[]))
        .collect();
    let text = cross_validate_classes(
        "text only: word+char n-grams (logistic)",
        &HORNE_CLASSES,
        &labels,
        k,
        repeats,
        seed,
        |train, test| {
            let m = train_ovr(hasher.dim(), &xs, &labels, 3, train, seed);
            test.iter().map(|&i| m.predict(&xs[i])).collect()
        },
    );

    let boost = BoostConfig {
        trees: 150,
        depth: 2,
        learning_rate: 0.05,
        min_leaf: 5,
        ..BoostConfig::default()
    };
    let signals = cross_validate_classes(
        "signals (trees)",
        &HORNE_CLASSES,
        &labels,
        k,
        repeats,
        seed,
        |train, test| {
            let tr: Vec<Vec<f32>> = train.iter().map(|&i| rows[i].clone()).collect();
            let ty: Vec<u32> = train.iter().map(|&i| labels[i]).collect();
            let m = train_boosted_multiclass(&tr, &ty, 3, &boost);
            test.iter().map(|&i| m.predict(&rows[i])).collect()
        },
    );

    // Text and signals in one linear model: the signals standardised on the
    // training folds and put in front of the hashed n-grams.
    let names: Vec<String> = columns
        .iter()
        .map(|&c| {
            crosscheck_signals::credibility::FEATURES[c]
                .name
                .to_string()
        })
        .collect();
    let both_hasher = text_hasher(names);
    let both = cross_validate_classes(
        "text + signals (logistic)",
        &HORNE_CLASSES,
        &labels,
        k,
        repeats,
        seed,
        |train, test| {
            let d = columns.len();
            let (mut mean, mut sd) = (vec![0f32; d], vec![1f32; d]);
            for j in 0..d {
                let n = train.len().max(1) as f32;
                let m = train.iter().map(|&i| rows[i][j]).sum::<f32>() / n;
                let v = train.iter().map(|&i| (rows[i][j] - m).powi(2)).sum::<f32>() / n;
                mean[j] = m;
                sd[j] = v.sqrt().max(1e-3);
            }
            let z =
                |i: usize| -> Vec<f32> { (0..d).map(|j| (rows[i][j] - mean[j]) / sd[j]).collect() };
            let all: Vec<_> = (0..examples.len())
                .map(|i| featurize(&both_hasher, &examples[i].text, &z(i)))
                .collect();
            let m = train_ovr(both_hasher.dim(), &all, &labels, 3, train, seed);
            test.iter().map(|&i| m.predict(&all[i])).collect()
        },
    );
    HorneReport {
        variants: vec![text, signals, both],
    }
}

/// [`cross_validate_horne`] on the Horne 2017 folder.
pub fn evaluate_horne(dir: &Path, k: usize, repeats: usize) -> Result<HorneReport, Error> {
    Ok(cross_validate_horne(&horne_examples(dir)?, k, repeats))
}

/// What a binary credible / not-credible task does with satire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Satire {
    /// Leave satire out: real against fake only (what the style component is
    /// trained on; `docs/eval/credibility.md` measures both).
    Exclude,
    /// Satire counts as not credible.
    NotCredible,
}

/// Horne articles as binary credibility examples: `real` holds up, `fake` does
/// not, satire as `satire` says; `id` is the file path, no outlet.
pub fn horne_binary(examples: &[HorneExample], satire: Satire) -> Vec<CredibilityExample> {
    examples
        .iter()
        .filter(|e| satire == Satire::NotCredible || HORNE_CLASSES[e.class as usize] != "satire")
        .map(|e| CredibilityExample {
            id: e.path.clone(),
            outlet: None,
            label: HORNE_CLASSES[e.class as usize] == "real",
            features: e.features.clone(),
            text: e.text.clone(),
        })
        .collect()
}
