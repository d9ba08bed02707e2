//! The article credibility score: a calibrated probability that an article's
//! factual claims hold up, its three-level label, and the reasons behind it.
//!
//! ```no_run
//! use crosscheck_signals::credibility::CredibilityModel;
//! # fn get() -> (crosscheck_schema::ArticleAnalysis, crosscheck_link::Consistency) { unimplemented!() }
//! let model = CredibilityModel::from_bytes(&std::fs::read("models/credibility.bin")?)?;
//! let (article, consistency) = get(); // after linking: ConsistencyIndex::article
//! let outlets = crosscheck_signals::Outlets::new();
//! let outlet = outlets.resolve_article(&article);
//! let credibility = model.assess(&article, outlet, Some(&consistency));
//! println!("{:.2} {:?}", credibility.score, credibility.label);
//! for reason in credibility.signals.iter().take(3) {
//!     println!("{} {:+.2}", reason.kind, reason.weight);
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The model reads one row of named features per article ([`features`]): the
//! writing signals, the outlet's reputation (an unknown outlet is its own value),
//! the profile of the article's claims, and — after linking — the consistency of
//! those claims with other outlets' reports of the same events
//! (`crosscheck_link::Consistency`). A small gradient-boosted tree ensemble or a
//! logistic regression ([`train`]) turns the row into a margin; Platt scaling,
//! fitted on out-of-fold margins, turns the margin into the probability. Each
//! reason's `weight` is the contribution of its feature group to the calibrated
//! log-odds (Saabas path attribution for trees, `w·(x − mean)` for the linear
//! model, both multiplied by the Platt slope), so the weights and the base rate add
//! up to `logit(score)`.
//!
//! What it does not do: read the article's text (the text-only baseline of
//! `docs/eval/credibility.md` is an evaluation, not a shipped model), or say which
//! claim is false. A low score says the article looks like those whose casualty
//! facts did not match the documented record in the training data.

pub mod features;
mod model_file;
pub mod train;

use crosscheck_learn::{Boosted, SplitMix64};
use crosscheck_link::Consistency;
use crosscheck_schema::{ArticleAnalysis, Credibility, CredibilityLabel, Evidence, Signal, Span};

use crate::outlets::OutletInfo;
pub use features::{credibility_features, Block, FeatureSpec, FEATURES, N_FEATURES};
pub use model_file::ModelError;
pub use train::{
    cross_validate, cross_validate_with, score_metrics, split_importance, train_credibility,
    CredibilityExample, CredibilityMetrics, Learner, MeanSd, TrainConfig,
};

/// Default label thresholds on the calibrated score: `credible` at or above
/// [`CREDIBLE_AT`], `doubtful` below [`DOUBTFUL_BELOW`], `uncertain` between.
pub const CREDIBLE_AT: f32 = 0.65;
/// See [`CREDIBLE_AT`].
pub const DOUBTFUL_BELOW: f32 = 0.35;

/// How the margin is computed from the selected feature columns.
#[derive(Clone, Debug, PartialEq)]
pub enum Scorer {
    /// `bias + Σ w·(x − mean)/scale`.
    Linear {
        bias: f32,
        weights: Vec<f32>,
        means: Vec<f32>,
        scales: Vec<f32>,
    },
    /// A boosted tree ensemble over the selected columns.
    Trees(Boosted),
}

/// A trained credibility model. Immutable; share across threads.
#[derive(Clone, Debug, PartialEq)]
pub struct CredibilityModel {
    /// Provenance: training data, date, cross-validated figures.
    pub metadata: Vec<(String, String)>,
    /// Indices into [`FEATURES`] of the columns the scorer reads, in its order.
    pub(crate) columns: Vec<usize>,
    pub(crate) scorer: Scorer,
    /// Platt scaling of the margin: `p = sigmoid(a · margin + b)`.
    pub(crate) platt: (f32, f32),
    /// `doubtful` below the first, `credible` at or above the second.
    pub(crate) thresholds: (f32, f32),
}

impl CredibilityModel {
    /// Reads a model written by [`CredibilityModel::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<CredibilityModel, ModelError> {
        model_file::read(bytes)
    }

    /// The model file bytes. Deterministic: equal models give equal bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        model_file::write(self)
    }

    /// The feature names the model reads, in its column order.
    pub fn feature_names(&self) -> Vec<&'static str> {
        self.columns.iter().map(|&c| FEATURES[c].name).collect()
    }

    /// A human-readable summary: Platt scaling, thresholds, and the weights (linear)
    /// or split counts (trees) per feature.
    pub fn describe(&self) -> String {
        let mut out = format!(
            "platt a {:.4} b {:.4}; doubtful < {:.2}, credible >= {:.2}\n",
            self.platt.0, self.platt.1, self.thresholds.0, self.thresholds.1
        );
        match &self.scorer {
            Scorer::Linear {
                bias,
                weights,
                means,
                scales,
            } => {
                out.push_str(&format!("linear, bias {bias:.4}\n"));
                for (j, &c) in self.columns.iter().enumerate() {
                    out.push_str(&format!(
                        "  {:40} weight {:+.4} per sd (mean {:.3}, sd {:.3})\n",
                        FEATURES[c].name, weights[j], means[j], scales[j]
                    ));
                }
            }
            Scorer::Trees(trees) => {
                out.push_str(&format!(
                    "{} trees, base {:.4}; splits per feature:\n",
                    trees.trees.len(),
                    trees.base
                ));
                for (name, n) in split_importance(self) {
                    out.push_str(&format!("  {name:40} {n}\n"));
                }
            }
        }
        out
    }

    /// `(doubtful below, credible at or above)`.
    pub fn thresholds(&self) -> (f32, f32) {
        self.thresholds
    }

    /// A copy with other label thresholds (clamped into `0..=1`, low ≤ high).
    pub fn with_thresholds(mut self, doubtful_below: f32, credible_at: f32) -> CredibilityModel {
        let lo = doubtful_below.clamp(0.0, 1.0);
        self.thresholds = (lo, credible_at.clamp(lo, 1.0));
        self
    }

    /// The label of a calibrated score.
    pub fn label(&self, score: f32) -> CredibilityLabel {
        if score >= self.thresholds.1 {
            CredibilityLabel::Credible
        } else if score < self.thresholds.0 {
            CredibilityLabel::Doubtful
        } else {
            CredibilityLabel::Uncertain
        }
    }

    /// The calibrated probability for a full feature row (see
    /// [`credibility_features`]).
    pub fn score_row(&self, row: &[f32]) -> f32 {
        let x = self.select(row);
        crosscheck_learn::sigmoid(self.platt.0 * self.margin(&x) + self.platt.1)
    }

    fn select(&self, row: &[f32]) -> Vec<f32> {
        self.columns
            .iter()
            .map(|&c| row.get(c).copied().filter(|v| v.is_finite()).unwrap_or(0.0))
            .collect()
    }

    fn margin(&self, x: &[f32]) -> f32 {
        match &self.scorer {
            Scorer::Linear {
                bias,
                weights,
                means,
                scales,
            } => {
                bias + x
                    .iter()
                    .zip(weights)
                    .zip(means.iter().zip(scales))
                    .map(|((v, w), (m, s))| w * (v - m) / s)
                    .sum::<f32>()
            }
            Scorer::Trees(trees) => trees.margin(x),
        }
    }

    /// Per-column contributions to the margin; returns the bias term.
    fn contributions(&self, x: &[f32], out: &mut Vec<f32>) -> f32 {
        match &self.scorer {
            Scorer::Linear {
                bias,
                weights,
                means,
                scales,
            } => {
                out.clear();
                out.extend(
                    x.iter()
                        .zip(weights)
                        .zip(means.iter().zip(scales))
                        .map(|((v, w), (m, s))| w * (v - m) / s),
                );
                *bias
            }
            Scorer::Trees(trees) => trees.contributions(x, out),
        }
    }

    /// Scores one article: the calibrated probability that its factual claims hold
    /// up, the label, and the reasons (feature groups) by the size of their
    /// contribution to the calibrated log-odds, strongest first. `outlet` is the
    /// article's resolved outlet (`None`: unknown, which is a value of its own);
    /// `consistency` comes from linking (`None` when linking did not run).
    /// Microseconds; never panics.
    pub fn assess(
        &self,
        article: &ArticleAnalysis,
        outlet: Option<&OutletInfo>,
        consistency: Option<&Consistency>,
    ) -> Credibility {
        let row = credibility_features(article, outlet, consistency);
        let x = self.select(&row);
        let mut contrib = Vec::with_capacity(x.len());
        let bias = self.contributions(&x, &mut contrib);
        let margin = bias + contrib.iter().sum::<f32>();
        let (a, b) = self.platt;
        let score = crosscheck_learn::sigmoid(a * margin + b);
        // Sum the contributions per reason, in the order reasons first appear.
        let mut groups: Vec<(&'static str, f32)> = Vec::new();
        for (&c, &v) in self.columns.iter().zip(&contrib) {
            let reason = FEATURES[c].reason;
            match groups.iter_mut().find(|(r, _)| *r == reason) {
                Some((_, w)) => *w += a * v,
                None => groups.push((reason, a * v)),
            }
        }
        groups.retain(|(_, w)| w.abs() >= 1e-4 && w.is_finite());
        groups.sort_by(|x, y| y.1.abs().total_cmp(&x.1.abs()));
        let signals = groups
            .into_iter()
            .map(|(kind, weight)| {
                let (value, evidence) = reason_detail(kind, article, outlet, consistency);
                Signal {
                    kind: kind.to_string(),
                    value,
                    weight,
                    evidence,
                }
            })
            .collect();
        Credibility {
            score: if score.is_finite() { score } else { 0.5 },
            label: self.label(score),
            signals,
        }
    }
}

/// At most this many evidence spans per reason: the strongest reason of a long
/// article can otherwise list every sentence.
const MAX_EVIDENCE: usize = 20;

/// A reason's measured value and its evidence spans (see `docs/signals.md`,
/// "Credibility").
fn reason_detail(
    kind: &str,
    article: &ArticleAnalysis,
    outlet: Option<&OutletInfo>,
    consistency: Option<&Consistency>,
) -> (f32, Vec<Evidence>) {
    use features::reasons;
    let spans = |spans: &mut dyn Iterator<Item = Span>| -> Vec<Evidence> {
        spans
            .take(MAX_EVIDENCE)
            .map(|s| Evidence {
                start: s.start,
                end: s.end,
                label: None,
            })
            .collect()
    };
    let killed = || {
        article
            .claims
            .iter()
            .filter_map(|c| c.event.as_ref().and_then(|f| f.killed.as_ref()))
    };
    match kind {
        reasons::OUTLET => {
            let value = outlet.and_then(|o| o.reliability).unwrap_or(0.0);
            let evidence = article
                .metadata_spans
                .iter()
                .filter(|m| m.field == "outlet")
                .map(|m| Evidence {
                    start: m.start,
                    end: m.end,
                    label: outlet.map(|o| o.category.as_str().to_string()),
                })
                .collect();
            (value, evidence)
        }
        reasons::CASUALTY_CLAIMS => {
            let max = killed()
                .map(|k| k.max.unwrap_or(k.min).max(k.min) as f32)
                .fold(0f32, f32::max);
            (max, spans(&mut killed().map(|k| Span::new(k.start, k.end))))
        }
        reasons::CLAIM_SOURCING => {
            let n = article.claims.len();
            let own = article
                .claims
                .iter()
                .filter(|c| c.attribution.chain.is_empty())
                .count();
            let value = if n > 0 { own as f32 / n as f32 } else { 0.0 };
            let mut it = article
                .claims
                .iter()
                .filter_map(|c| c.attribution.chain.last())
                .map(|s| Span::new(s.start, s.end));
            (value, spans(&mut it))
        }
        reasons::EVENT_PROFILE => {
            let n = article.claims.iter().filter(|c| c.event.is_some()).count();
            let mut it = article
                .claims
                .iter()
                .filter(|c| c.event.is_some())
                .map(|c| Span::new(c.start, c.end));
            (n as f32, spans(&mut it))
        }
        reasons::CONTRADICTED => match consistency {
            Some(c) => (
                c.contradicted as f32,
                spans(&mut c.contradicted_spans.iter().copied()),
            ),
            None => (0.0, Vec::new()),
        },
        reasons::CORROBORATED => match consistency {
            Some(c) => (
                c.corroborated as f32,
                spans(&mut c.corroborated_spans.iter().copied()),
            ),
            None => (0.0, Vec::new()),
        },
        reasons::TOLL_DEVIATION => match consistency {
            Some(c) => (
                c.killed_deviation.unwrap_or(0.0),
                spans(&mut c.deviation_span.into_iter()),
            ),
            None => (0.0, Vec::new()),
        },
        reasons::COVERAGE => match consistency {
            Some(c) => (
                c.other_outlets as f32,
                spans(&mut c.shared_spans.iter().copied()),
            ),
            None => (0.0, Vec::new()),
        },
        reasons::COPY => (
            consistency.map_or(0.0, |c| if c.copy { 1.0 } else { 0.0 }),
            Vec::new(),
        ),
        signal_kind => match article.signals.iter().find(|s| s.kind == signal_kind) {
            Some(s) => (
                s.value,
                s.evidence.iter().take(MAX_EVIDENCE).cloned().collect(),
            ),
            None => (0.0, Vec::new()),
        },
    }
}

/// Deterministic seeds of the training procedures, derived from one base seed.
pub(crate) fn derive_seed(base: u64, salt: u64) -> u64 {
    SplitMix64::new(base ^ salt.wrapping_mul(0x9e37_79b9_7f4a_7c15)).next_u64()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credibility::features::block_columns;
    use crosscheck_learn::BoostConfig;

    const REPORT: &str = "Air strikes kill 35 civilians in Douma\nSource: SANA\n\n\
        Air strikes killed 35 civilians in the town of Douma on Sunday, the Syrian \
        Observatory for Human Rights said. The toll could not be independently verified. \
        Rescuers said the \"moderate\" rebels had fled before the raid.";

    fn article() -> ArticleAnalysis {
        let doc = crosscheck_schema::Document::from_text("douma.txt", REPORT);
        crosscheck_core::Pipeline::new().analyze(&doc).remove(0)
    }

    fn index(name: &str) -> usize {
        FEATURES.iter().position(|f| f.name == name).unwrap()
    }

    /// Rows where credibility falls with the share of contradicted claims and rises
    /// with the number of other outlets, plus noise in a writing signal.
    fn synthetic(n: usize) -> Vec<CredibilityExample> {
        let mut rng = SplitMix64::new(3);
        (0..n)
            .map(|i| {
                let mut features = vec![0f32; N_FEATURES];
                let contradicted = rng.next_f64() as f32;
                let outlets = (rng.next_f64() * 3.0) as f32;
                features[index("consistency_contradicted_share")] = contradicted;
                features[index("consistency_other_outlets")] = outlets;
                features[index("loaded_language_per_1k")] = rng.next_f64() as f32 * 20.0;
                features[index("outlet_unknown")] = 1.0;
                let p = crosscheck_learn::sigmoid(2.0 - 5.0 * contradicted + 0.8 * outlets - 1.0);
                CredibilityExample {
                    id: i.to_string(),
                    outlet: None,
                    label: (rng.next_f64() as f32) < p,
                    features,
                    text: String::new(),
                }
            })
            .collect()
    }

    fn trees() -> TrainConfig {
        TrainConfig {
            learner: Learner::Trees(BoostConfig {
                trees: 60,
                depth: 2,
                ..BoostConfig::default()
            }),
            ..TrainConfig::default()
        }
    }

    #[test]
    fn models_round_trip_through_bytes() {
        let examples = synthetic(300);
        for config in [trees(), TrainConfig::logistic(&Block::ALL)] {
            let model = train_credibility(&examples, &config);
            let bytes = model.to_bytes();
            let loaded = CredibilityModel::from_bytes(&bytes).unwrap();
            assert_eq!(loaded, model);
            assert_eq!(loaded.to_bytes(), bytes);
            // Training twice gives the same bytes.
            assert_eq!(train_credibility(&examples, &config).to_bytes(), bytes);
        }
    }

    #[test]
    fn damaged_files_are_errors_not_panics() {
        let bytes = train_credibility(&synthetic(200), &trees()).to_bytes();
        for cut in 0..bytes.len() {
            assert!(
                CredibilityModel::from_bytes(&bytes[..cut]).is_err(),
                "cut at {cut}"
            );
        }
        let mut flipped = bytes.clone();
        flipped[bytes.len() / 2] ^= 0x40;
        assert_eq!(
            CredibilityModel::from_bytes(&flipped),
            Err(ModelError::ChecksumMismatch)
        );
        assert_eq!(
            CredibilityModel::from_bytes(b"XCLM\x01\x00rest of it"),
            Err(ModelError::BadMagic)
        );
    }

    #[test]
    fn the_score_is_explained_by_its_reasons() {
        let model = train_credibility(&synthetic(400), &trees());
        let article = article();
        let consistency = Consistency {
            linked: true,
            claims: 2,
            event_claims: 2,
            contradicted: 2,
            contradicted_spans: article
                .claims
                .iter()
                .map(|c| Span::new(c.start, c.end))
                .collect(),
            other_outlets: 0,
            ..Consistency::default()
        };
        let doubted = model.assess(&article, None, Some(&consistency));
        let backed = model.assess(
            &article,
            None,
            Some(&Consistency {
                linked: true,
                claims: 2,
                event_claims: 2,
                corroborated: 2,
                other_outlets: 3,
                ..Consistency::default()
            }),
        );
        assert!(
            doubted.score < backed.score,
            "{} vs {}",
            doubted.score,
            backed.score
        );
        // Reasons come strongest first, and with the base rate they add up to the
        // calibrated log-odds.
        let weights: Vec<f32> = doubted.signals.iter().map(|s| s.weight).collect();
        assert!(weights.windows(2).all(|w| w[0].abs() >= w[1].abs()));
        let x = model.select(&credibility_features(&article, None, Some(&consistency)));
        let mut contrib = Vec::new();
        let bias = model.contributions(&x, &mut contrib);
        let base = model.platt.0 * bias + model.platt.1;
        let logit = (doubted.score / (1.0 - doubted.score)).ln();
        assert!((base + weights.iter().sum::<f32>() - logit).abs() < 0.01);
        // The contradicted claims are the top reason, with their spans as evidence.
        let top = &doubted.signals[0];
        assert_eq!(top.kind, features::reasons::CONTRADICTED);
        assert!(top.weight < 0.0);
        assert_eq!(top.evidence.len(), consistency.contradicted_spans.len());
        assert_eq!(model.label(0.9), CredibilityLabel::Credible);
        assert_eq!(model.label(0.5), CredibilityLabel::Uncertain);
        assert_eq!(model.label(0.1), CredibilityLabel::Doubtful);
    }

    #[test]
    fn unknown_outlets_and_missing_links_are_explicit() {
        let article = article();
        let row = credibility_features(&article, None, None);
        assert_eq!(row.len(), N_FEATURES);
        assert_eq!(row[index("outlet_unknown")], 1.0);
        assert_eq!(row[index("outlet_resolved")], 0.0);
        assert_eq!(row[index("consistency_linked")], 0.0);
        let outlets = crate::Outlets::new();
        let sana = outlets.resolve_article(&article);
        let row = credibility_features(&article, sana, None);
        assert_eq!(row[index("outlet_unknown")], 0.0);
        assert_eq!(row[index("outlet_state")], 1.0);
        // The claims block sees the toll of the report.
        assert!(row[index("killed_log_max")] > 3.0);
        assert_eq!(block_columns(&[Block::Outlet]).len(), 20);
    }

    #[test]
    fn the_shipped_model_loads_and_scores() {
        let bytes = include_bytes!("../../../models/credibility.bin");
        let model = CredibilityModel::from_bytes(bytes).unwrap();
        let article = article();
        for consistency in [None, Some(Consistency::default())] {
            let c = model.assess(&article, None, consistency.as_ref());
            assert!(c.score > 0.0 && c.score < 1.0);
            assert!(c.signals.iter().all(|s| s.weight.is_finite()));
        }
        assert!(!model.describe().is_empty());
    }
}
