//! The shipped credibility model (`models/credibility.bin`): three calibrated
//! components, each trained on the one shared data set that can measure it, and
//! combined in log-odds (`crosscheck_signals::credibility`, module docs).
//!
//! * **style** — writing and sourcing signals, trained on Horne & Adalı 2017 real
//!   against fake (satire left out), monotone logistic regression;
//! * **outlet** — what the reputation lists say about the outlet
//!   (`outlet_reputation`), trained on BuzzFeed's fact-check of nine Facebook
//!   pages; its evidence is measured from an outlet the lists rate 0 (mixed or
//!   unrated), so an unknown outlet adds nothing;
//! * **consistency** — how the article's events and numbers fare against other
//!   independent outlets after linking, trained on FA-KES, weighed against the
//!   FA-KES base rate.
//!
//! No n-grams: hashed words of US political news (Horne) say nothing about
//! reports of the Syrian war, and on FA-KES the text-only model is below chance
//! (`docs/eval/credibility.md`).

use std::path::Path;

use crosscheck_signals::credibility::{
    outlet_row, train_component, Applies, Block, Component, CredibilityExample, CredibilityModel,
    Learner, MonotoneConfig, TrainConfig,
};

use crate::buzzfeed::buzzfeed_examples;
use crate::fakes::fakes_examples;
use crate::horne::{horne_binary, horne_examples, HorneExample, Satire};
use crate::Error;

/// `(doubtful below, credible at or above)` of the shipped model, chosen from
/// the cross-validated reliability of the style component on Horne
/// (`docs/eval/credibility.md`, "Labels").
pub const SHIPPED_THRESHOLDS: (f32, f32) = (0.3, 0.7);

/// Signals-block features the style component does not read: article length (a
/// property of the Horne outlets' formats — real pieces there are long analyses —
/// that would mark every short wire report as fake), and loaded language and
/// dehumanising labels apart (read together, as `loaded_dehumanising_per_1k`).
pub const STYLE_LEFT_OUT: [&str; 3] =
    ["log_words", "loaded_language_per_1k", "dehumanising_per_1k"];

/// The consistency features the consistency component reads: coverage by other
/// independent outlets, corroboration and contradiction, and how far the
/// article's death toll is from the others' — each a reason whose evidence is
/// the article's own claims (`consistency_max_sources` is left out: it can be
/// non-zero without a corroborated claim to show).
pub const CONSISTENCY_READ: [&str; 6] = [
    "consistency_other_outlets",
    "consistency_shared_share",
    "consistency_corroborated_share",
    "consistency_contradicted_share",
    "consistency_killed_contradicted",
    "consistency_killed_abs_deviation",
];

/// The style component: the writing and sourcing signals (minus
/// [`STYLE_LEFT_OUT`]), monotone logistic regression with rates on a log scale,
/// clamped to the training range, and the L2 penalty (0.003) on the weight per
/// unit of feature, not per standard deviation: a signal that three Horne
/// articles carry cannot earn a large effect.
pub fn style_config() -> TrainConfig {
    TrainConfig {
        except: STYLE_LEFT_OUT.to_vec(),
        learner: Learner::Monotone(MonotoneConfig {
            l2: 0.003,
            log_rates: true,
            clamp: true,
            standardise: false,
        }),
        ..TrainConfig::monotone(&[Block::Signals])
    }
}

/// The outlet component: `outlet_reputation` alone, monotone logistic regression.
pub fn outlet_config() -> TrainConfig {
    TrainConfig {
        only: vec!["outlet_reputation"],
        ..TrainConfig::monotone(&[Block::Outlet])
    }
}

/// The consistency component: [`CONSISTENCY_READ`], monotone logistic regression.
pub fn consistency_config() -> TrainConfig {
    TrainConfig {
        only: CONSISTENCY_READ.to_vec(),
        ..TrainConfig::monotone(&[Block::Consistency])
    }
}

/// The style component trained on `examples` (Horne real against fake).
pub fn train_style(examples: &[CredibilityExample]) -> Component {
    train_component(examples, &style_config()).named("style")
}

/// The outlet component trained on `posts` (BuzzFeed), applying when the outlet
/// resolves, with its evidence measured from an outlet rated 0.
pub fn train_outlet(posts: &[CredibilityExample]) -> Component {
    train_component(posts, &outlet_config())
        .named("outlet")
        .when(Applies::OutletKnown)
        .against_reference(&outlet_row(None))
}

/// The consistency component trained on `examples` (FA-KES), applying when the
/// article was linked, weighed against the FA-KES base rate.
pub fn train_consistency(examples: &[CredibilityExample]) -> Component {
    train_component(examples, &consistency_config())
        .named("consistency")
        .when(Applies::Linked)
        .against_prior()
}

/// The three shared data sets the shipped model is trained and measured on,
/// through the pipeline (and, for FA-KES, linking).
#[derive(Clone, Debug)]
pub struct TrainingData {
    /// Horne 2017, all three classes.
    pub horne: Vec<HorneExample>,
    /// FA-KES, every row, linked.
    pub fakes: Vec<CredibilityExample>,
    /// BuzzFeed posts with a factual rating.
    pub posts: Vec<CredibilityExample>,
}

impl TrainingData {
    /// Reads `horne2017-political-news/`, `fa-kes/FA-KES-Dataset.csv` and
    /// `buzzfeed-facebook-fact-check/facebook-fact-check.csv` under `data_dir`
    /// (the shared-data folder).
    pub fn load(data_dir: &Path) -> Result<TrainingData, Error> {
        let need = |p: std::path::PathBuf| {
            if p.exists() {
                Ok(p)
            } else {
                Err(Error(format!("{} is missing", p.display())))
            }
        };
        let horne = horne_examples(&need(data_dir.join("horne2017-political-news"))?)?;
        let fakes = fakes_examples(&need(data_dir.join("fa-kes/FA-KES-Dataset.csv"))?)?;
        let posts = buzzfeed_examples(&need(
            data_dir.join("buzzfeed-facebook-fact-check/facebook-fact-check.csv"),
        )?)?;
        Ok(TrainingData {
            horne,
            fakes,
            posts,
        })
    }

    /// Horne real against fake (satire left out): the style component's rows.
    pub fn style_rows(&self) -> Vec<CredibilityExample> {
        horne_binary(&self.horne, Satire::Exclude)
    }
}

/// The shipped model from its three data sets, with its provenance in the
/// metadata. Deterministic: the same data give the same bytes.
pub fn train_shipped(data: &TrainingData) -> CredibilityModel {
    let style_rows = data.style_rows();
    let style = train_style(&style_rows);
    let outlet = train_outlet(&data.posts);
    let consistency = train_consistency(&data.fakes);
    let count = |rows: &[CredibilityExample]| {
        let pos = rows.iter().filter(|e| e.label).count();
        format!(
            "{} ({} hold up, {} do not)",
            rows.len(),
            pos,
            rows.len() - pos
        )
    };
    let mut model =
        CredibilityModel::from_components(vec![style, outlet, consistency], SHIPPED_THRESHOLDS);
    model.metadata = vec![
        ("format".into(), "credibility v2: style + outlet + consistency, combined in log-odds".into()),
        (
            "style".into(),
            format!(
                "Horne & Adali 2017 real vs fake, satire left out: {}; {}",
                count(&style_rows),
                style_config().name()
            ),
        ),
        (
            "outlet".into(),
            format!(
                "BuzzFeed News Facebook fact-check 2016, posts with a factual rating: {}; {}",
                count(&data.posts),
                outlet_config().name()
            ),
        ),
        (
            "consistency".into(),
            format!(
                "FA-KES (Abu Salem et al. 2019), shared copy, linked: {}; {}",
                count(&data.fakes),
                consistency_config().name()
            ),
        ),
        ("calibration".into(), "each component: Platt on 5-fold out-of-fold margins".into()),
        (
            "combination".into(),
            "logit(p) = logit(p_style) + [logit(p_outlet) - logit(p_outlet at reputation 0)] + [logit(p_consistency) - logit(FA-KES prior)]; not calibrated on any one data set".into(),
        ),
        ("figures".into(), "docs/eval/credibility.md".into()),
    ];
    model
}

/// [`train_shipped`] on the data under the shared-data folder `data_dir` — what
/// `crosscheck train credibility` writes to `models/credibility.bin`.
pub fn train_shipped_from_data(data_dir: &Path) -> Result<CredibilityModel, Error> {
    Ok(train_shipped(&TrainingData::load(data_dir)?))
}
