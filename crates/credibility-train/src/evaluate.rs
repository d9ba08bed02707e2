//! The figures of the shipped credibility model (`docs/eval/credibility.md`):
//! each component on the data it was trained on, cross-validated; each component
//! on the data it was not trained on; and the combined score on FA-KES and Horne.
//!
//! Cross-validation is repeated stratified k-fold with fixed seeds; BuzzFeed is
//! split by page (leave one page out), so no page's posts are on both sides.
//! Every component of a fold (scorer and Platt scaling) is fitted on that fold's
//! training rows only; components trained on another data set are trained on all
//! of it.

use std::fmt;
use std::path::Path;

use crosscheck_learn::grouped_kfold;
use crosscheck_signals::credibility::{
    metrics_over_repeats, out_of_fold, score_metrics, train_component, Block, Component,
    CredibilityExample, CredibilityMetrics, CredibilityModel, Learner, MonotoneConfig, TrainConfig,
    FEATURES,
};

use crate::horne::{horne_binary, Satire, HORNE_CLASSES};
use crate::shipped::{
    consistency_config, outlet_config, style_config, train_consistency, train_outlet, train_style,
    TrainingData, SHIPPED_THRESHOLDS,
};
use crate::Error;

/// The fold seed of `crosscheck_signals::credibility::cross_validate`, so that
/// the same model gives the same figures here and in the FA-KES table.
fn fold_seed() -> u64 {
    TrainConfig::default().seed
}

/// Share of the examples scored at or above / below a threshold that hold up.
#[derive(Clone, Debug, PartialEq)]
pub struct ThresholdRow {
    pub threshold: f32,
    /// Scored at or above: (articles, share holding up).
    pub above: (usize, f64),
    /// Scored below: (articles, share not holding up).
    pub below: (usize, f64),
}

/// Every figure of the shipped model.
#[derive(Clone, Debug)]
pub struct ShippedReport {
    pub k: usize,
    pub repeats: usize,
    /// Style variants on Horne real against fake, cross-validated.
    pub horne: Vec<CredibilityMetrics>,
    /// Outlet variants on BuzzFeed, leave one page out.
    pub outlet: Vec<CredibilityMetrics>,
    /// Consistency variants on FA-KES, cross-validated.
    pub consistency: Vec<CredibilityMetrics>,
    /// Components trained on all of their own data, scored as they are on FA-KES.
    pub transfer: Vec<CredibilityMetrics>,
    /// The combination, cross-validated on FA-KES and on Horne.
    pub combined: Vec<CredibilityMetrics>,
    /// Thresholds on the pooled out-of-fold scores: style on Horne, shipped on FA-KES.
    pub thresholds_horne: Vec<ThresholdRow>,
    pub thresholds_fakes: Vec<ThresholdRow>,
    /// The shipped model (trained on everything; in-sample for its consistency
    /// part) on FA-KES by outlet: (outlet, articles, mean score, mean style
    /// score, mean outlet evidence, share labelled credible).
    pub by_outlet: Vec<(String, usize, f64, f64, f64, f64)>,
    /// The shipped model trained on everything, described.
    pub shipped: String,
}

/// Out-of-fold probabilities of a component configuration on `rows` (folds
/// stratified by `classes`).
fn cv_probs(
    rows: &[CredibilityExample],
    classes: &[u32],
    config: &TrainConfig,
    k: usize,
    repeats: usize,
) -> Vec<Vec<f32>> {
    out_of_fold(classes, k, repeats, fold_seed(), |train, test| {
        let part: Vec<CredibilityExample> = train.iter().map(|&i| rows[i].clone()).collect();
        let c = train_component(&part, config);
        test.iter()
            .map(|&i| c.probability(&rows[i].features))
            .collect()
    })
}

fn labels(rows: &[CredibilityExample]) -> Vec<bool> {
    rows.iter().map(|e| e.label).collect()
}

fn classes(rows: &[CredibilityExample]) -> Vec<u32> {
    rows.iter().map(|e| u32::from(e.label)).collect()
}

fn named(mut m: CredibilityMetrics, name: &str) -> CredibilityMetrics {
    m.name = name.to_string();
    m
}

fn threshold_rows(labels: &[bool], probs: &[Vec<f32>]) -> Vec<ThresholdRow> {
    (1..=9)
        .map(|i| {
            let t = i as f32 / 10.0;
            let (mut a, mut a_pos, mut b, mut b_neg) = (0usize, 0usize, 0usize, 0usize);
            for p in probs {
                for (&v, &y) in p.iter().zip(labels) {
                    if v >= t {
                        a += 1;
                        a_pos += usize::from(y);
                    } else {
                        b += 1;
                        b_neg += usize::from(!y);
                    }
                }
            }
            let share = |n: usize, of: usize| if of > 0 { n as f64 / of as f64 } else { 0.0 };
            ThresholdRow {
                threshold: t,
                above: (a, share(a_pos, a)),
                below: (b, share(b_neg, b)),
            }
        })
        .collect()
}

/// Every figure of `docs/eval/credibility.md` for the shipped configuration.
pub fn evaluate_shipped(data: &TrainingData, k: usize, repeats: usize) -> ShippedReport {
    let t = SHIPPED_THRESHOLDS;
    // --- Style on Horne, real against fake.
    let horne = data.style_rows();
    let (hy, hc) = (labels(&horne), classes(&horne));
    let mut horne_figures = Vec::new();
    let prior = hy.iter().filter(|&&y| y).count() as f32 / hy.len().max(1) as f32;
    horne_figures.push(metrics_over_repeats(
        "majority class (always real)",
        &hy,
        &[vec![prior; hy.len()]],
        None,
        0,
        t,
    ));
    let style_probs = cv_probs(&horne, &hc, &style_config(), k, repeats);
    horne_figures.push(metrics_over_repeats(
        "**style, shipped: monotone logistic, log rates, clamped, L2 0.003 per unit**",
        &hy,
        &style_probs,
        None,
        k,
        t,
    ));
    let style = style_config();
    let monotone = |l2: f32, log_rates: bool, clamp: bool, standardise: bool| TrainConfig {
        learner: Learner::Monotone(MonotoneConfig {
            l2,
            log_rates,
            clamp,
            standardise,
        }),
        ..style.clone()
    };
    let variants: Vec<(&str, TrainConfig)> = vec![
        (
            "style, monotone, L2 0.1 per standard deviation",
            monotone(0.1, true, true, true),
        ),
        (
            "style, monotone, raw rates, not clamped",
            monotone(0.003, false, false, false),
        ),
        (
            "style, unconstrained logistic (SGD)",
            TrainConfig {
                learner: TrainConfig::logistic(&[]).learner,
                ..style.clone()
            },
        ),
        (
            "style, trees (200 × depth 2)",
            TrainConfig {
                learner: TrainConfig::default().learner,
                ..style.clone()
            },
        ),
        (
            "style + article length (`log_words`), not shipped",
            TrainConfig {
                except: vec!["loaded_language_per_1k", "dehumanising_per_1k"],
                ..style.clone()
            },
        ),
    ];
    for (name, config) in &variants {
        let probs = cv_probs(&horne, &hc, config, k, repeats);
        horne_figures.push(metrics_over_repeats(name, &hy, &probs, None, k, t));
    }
    // Satire as not credible: folds over all three classes, figures on real and
    // fake (comparable with the rows above) and on all three.
    let with_satire = horne_binary(&data.horne, Satire::NotCredible);
    let three: Vec<u32> = data.horne.iter().map(|e| e.class).collect();
    let keep: Vec<bool> = data
        .horne
        .iter()
        .map(|e| HORNE_CLASSES[e.class as usize] != "satire")
        .collect();
    let probs = cv_probs(&with_satire, &three, &style_config(), k, repeats);
    let sy = labels(&with_satire);
    horne_figures.push(metrics_over_repeats(
        "style, satire trained as not credible; scored on real and fake",
        &sy,
        &probs,
        Some(&keep),
        k,
        t,
    ));
    horne_figures.push(metrics_over_repeats(
        "style, satire trained as not credible; scored on all three (satire = not credible)",
        &sy,
        &probs,
        None,
        k,
        t,
    ));

    // --- Outlet on BuzzFeed, leave one page out.
    let posts = &data.posts;
    let pages: Vec<String> = {
        let mut p: Vec<String> = posts.iter().filter_map(|e| e.outlet.clone()).collect();
        p.sort();
        p.dedup();
        p
    };
    let groups: Vec<u32> = posts
        .iter()
        .map(|e| {
            pages
                .iter()
                .position(|p| Some(p) == e.outlet.as_ref())
                .unwrap_or(0) as u32
        })
        .collect();
    let folds = grouped_kfold(&groups, &classes(posts), pages.len(), fold_seed());
    let mut lopo = vec![0.5f32; posts.len()];
    for f in 0..pages.len() {
        let (train, test) = folds.split(f);
        if train.is_empty() || test.is_empty() {
            continue;
        }
        let part: Vec<CredibilityExample> = train.iter().map(|&i| posts[i].clone()).collect();
        let c = train_component(&part, &outlet_config());
        for &i in &test {
            lopo[i] = c.probability(&posts[i].features);
        }
    }
    let py = labels(posts);
    let pp = vec![py.iter().filter(|&&y| y).count() as f32 / py.len().max(1) as f32; py.len()];
    let outlet_figures = vec![
        metrics_over_repeats(
            "majority class (always mostly true)",
            &py,
            &[pp],
            None,
            0,
            t,
        ),
        metrics_over_repeats(
            "**outlet, shipped: `outlet_reputation`, leave one page out**",
            &py,
            &[lopo],
            None,
            pages.len(),
            t,
        ),
    ];

    // --- Consistency on FA-KES.
    let fakes = &data.fakes;
    let (fy, fc) = (labels(fakes), classes(fakes));
    let mut consistency_figures = Vec::new();
    for (name, config) in [
        (
            "**consistency, shipped: 6 features, monotone logistic**",
            consistency_config(),
        ),
        (
            "coverage alone (`consistency_other_outlets`, logistic; v1)",
            crate::fakes::coverage_config(),
        ),
        (
            "whole consistency block, monotone logistic",
            TrainConfig::monotone(&[Block::Consistency]),
        ),
        (
            "whole consistency block, trees",
            TrainConfig::with_blocks(&[Block::Consistency]),
        ),
    ] {
        let probs = cv_probs(fakes, &fc, &config, k, repeats);
        consistency_figures.push(metrics_over_repeats(name, &fy, &probs, None, k, t));
    }

    // --- Components trained on all of their data, on FA-KES as they are.
    let style_all = train_style(&horne);
    let outlet_all = train_outlet(posts);
    let consistency_all = train_consistency(fakes);
    let score =
        |c: &Component| -> Vec<f32> { fakes.iter().map(|e| c.probability(&e.features)).collect() };
    let transfer = vec![
        named(
            score_metrics("", &fy, &score(&style_all), t),
            "style (trained on Horne) on FA-KES",
        ),
        named(
            score_metrics("", &fy, &score(&outlet_all), t),
            "outlet (trained on BuzzFeed) on FA-KES",
        ),
    ];

    // --- The combination.
    let mut combined = Vec::new();
    let fakes_models = |with_outlet: bool| {
        out_of_fold(&fc, k, repeats, fold_seed(), |train, test| {
            let part: Vec<CredibilityExample> = train.iter().map(|&i| fakes[i].clone()).collect();
            let mut components = vec![style_all.clone()];
            if with_outlet {
                components.push(outlet_all.clone());
            }
            components.push(train_consistency(&part));
            let m = CredibilityModel::from_components(components, t);
            test.iter()
                .map(|&i| m.score_row(&fakes[i].features))
                .collect()
        })
    };
    let shipped_fakes = fakes_models(true);
    combined.push(metrics_over_repeats(
        "**FA-KES: style + outlet + consistency (shipped)**",
        &fy,
        &shipped_fakes,
        None,
        k,
        t,
    ));
    combined.push(metrics_over_repeats(
        "FA-KES: style + consistency (no outlet)",
        &fy,
        &fakes_models(false),
        None,
        k,
        t,
    ));
    let horne_models = |lone: bool| {
        out_of_fold(&hc, k, repeats, fold_seed(), |train, test| {
            let part: Vec<CredibilityExample> = train.iter().map(|&i| horne[i].clone()).collect();
            let m = CredibilityModel::from_components(
                vec![
                    train_style(&part),
                    outlet_all.clone(),
                    consistency_all.clone(),
                ],
                t,
            );
            test.iter()
                .map(|&i| {
                    let mut row = horne[i].features.clone();
                    if lone {
                        if let Some(c) =
                            FEATURES.iter().position(|f| f.name == "consistency_linked")
                        {
                            row[c] = 1.0;
                        }
                    }
                    m.score_row(&row)
                })
                .collect()
        })
    };
    combined.push(metrics_over_repeats(
        "**Horne: style + outlet + consistency (shipped; no outlet, not linked)**",
        &hy,
        &horne_models(false),
        None,
        k,
        t,
    ));
    combined.push(metrics_over_repeats(
        "Horne: the same, each article linked alone (no other outlet)",
        &hy,
        &horne_models(true),
        None,
        k,
        t,
    ));

    let shipped = CredibilityModel::from_components(
        vec![style_all.clone(), outlet_all.clone(), consistency_all],
        t,
    );
    let mut names: Vec<String> = fakes.iter().filter_map(|e| e.outlet.clone()).collect();
    names.sort();
    names.dedup();
    let by_outlet = names
        .into_iter()
        .map(|name| {
            let rows: Vec<&CredibilityExample> = fakes
                .iter()
                .filter(|e| e.outlet.as_ref() == Some(&name))
                .collect();
            let n = rows.len().max(1) as f64;
            let mean = |f: &dyn Fn(&CredibilityExample) -> f32| {
                rows.iter().map(|e| f64::from(f(e))).sum::<f64>() / n
            };
            let evidence = |e: &CredibilityExample| {
                if outlet_all.applies_to(&e.features) {
                    outlet_all.evidence(&e.features)
                } else {
                    0.0
                }
            };
            (
                name,
                rows.len(),
                mean(&|e| shipped.score_row(&e.features)),
                mean(&|e| style_all.probability(&e.features)),
                mean(&evidence),
                mean(&|e| f32::from(u8::from(e.label))),
            )
        })
        .collect();
    ShippedReport {
        k,
        repeats,
        horne: horne_figures,
        outlet: outlet_figures,
        consistency: consistency_figures,
        transfer,
        combined,
        thresholds_horne: threshold_rows(&hy, &style_probs),
        thresholds_fakes: threshold_rows(&fy, &shipped_fakes),
        by_outlet,
        shipped: shipped.describe(),
    }
}

/// [`evaluate_shipped`] on the data under the shared-data folder `data_dir`.
pub fn evaluate_shipped_from_data(
    data_dir: &Path,
    k: usize,
    repeats: usize,
) -> Result<ShippedReport, Error> {
    Ok(evaluate_shipped(&TrainingData::load(data_dir)?, k, repeats))
}

fn table(f: &mut fmt::Formatter<'_>, title: &str, rows: &[CredibilityMetrics]) -> fmt::Result {
    writeln!(f, "\n### {title}\n")?;
    writeln!(f, "| model | n | accuracy | macro-F1 | ROC AUC | ECE |")?;
    writeln!(f, "|---|---:|---:|---:|---:|---:|")?;
    for m in rows {
        writeln!(
            f,
            "| {} | {} | {} | {} | {} | {} |",
            m.name, m.n, m.accuracy, m.macro_f1, m.auc, m.ece
        )?;
    }
    Ok(())
}

fn threshold_table(f: &mut fmt::Formatter<'_>, title: &str, rows: &[ThresholdRow]) -> fmt::Result {
    writeln!(f, "\n### {title}\n")?;
    writeln!(
        f,
        "| t | scored ≥ t | of them holding up | scored < t | of them not holding up |"
    )?;
    writeln!(f, "|---:|---:|---:|---:|---:|")?;
    for r in rows {
        writeln!(
            f,
            "| {:.1} | {} | {:.3} | {} | {:.3} |",
            r.threshold, r.above.0, r.above.1, r.below.0, r.below.1
        )?;
    }
    Ok(())
}

impl fmt::Display for ShippedReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} × stratified {}-fold unless stated; mean ± sd over repeats.",
            self.repeats, self.k
        )?;
        table(f, "Style on Horne 2017, real vs fake", &self.horne)?;
        table(f, "Outlet on BuzzFeed posts", &self.outlet)?;
        table(f, "Consistency on FA-KES", &self.consistency)?;
        table(f, "Trained elsewhere, scored on FA-KES", &self.transfer)?;
        table(f, "Combined", &self.combined)?;
        threshold_table(
            f,
            "Thresholds: style on Horne (pooled out-of-fold)",
            &self.thresholds_horne,
        )?;
        threshold_table(
            f,
            "Thresholds: shipped on FA-KES (pooled out-of-fold)",
            &self.thresholds_fakes,
        )?;
        writeln!(f, "\n### Shipped model on FA-KES by outlet\n")?;
        writeln!(
            f,
            "| outlet | articles | mean score | mean style | outlet evidence (log-odds) | share credible |"
        )?;
        writeln!(f, "|---|---:|---:|---:|---:|---:|")?;
        for (name, n, score, style, outlet, credible) in &self.by_outlet {
            writeln!(
                f,
                "| {name} | {n} | {score:.2} | {style:.2} | {outlet:+.2} | {credible:.2} |"
            )?;
        }
        for m in self
            .horne
            .iter()
            .chain(&self.outlet)
            .chain(&self.consistency)
            .chain(&self.transfer)
            .chain(&self.combined)
        {
            writeln!(f)?;
            write!(f, "{m}")?;
        }
        writeln!(
            f,
            "\n\nshipped model (trained on everything):\n{}",
            self.shipped
        )
    }
}
