//! Whether a sentence the rules gave an event frame really reports an event: a
//! learned second opinion on the trigger rules.
//!
//! The rules type a frame from a trigger word ("strikes", "attack", "siege"), and a
//! trigger word also occurs where nothing happened: method notes ("the Observatory
//! determines whose planes carry out raids"), background ("Syria is one of a handful
//! of countries that are not parties to the treaty"), commentary ("described the
//! attack as a war crime"), forecasts ("the death toll is expected to rise"). Such
//! a frame carries an actor, a place and a date into the analysis that no event
//! had, and the linker compares them across outlets.
//!
//! The filter is a logistic regression over the sentence's hashed word unigrams and
//! bigrams and a few dense cues read off the frame the rules built (its type, which
//! fields it filled, whether it is attributed, hedged or quoted). It is trained on
//! the hand-annotated gold sets (`crosscheck train event-filter`): every gold
//! sentence the rules give a frame is an example, labelled by whether the annotator
//! saw an event in it. A frame whose calibrated probability is below the model's
//! threshold is dropped; the sentence stays a claim when its check-worthiness
//! score says so.
//!
//! Training ([`train`]) is deterministic: leave-one-gold-set-out margins (no set is
//! both trained and scored on) fit a Platt calibrator and pick the threshold, at most
//! 0.5, whose neighbourhood (±0.025) gives the best mean micro-F1 of the frame fields
//! (type, actor, place, date, killed, injured) on those held-out predictions:
//! dropping a frame loses its right fields and removes its wrong ones. Then the final
//! model is fitted on every example.
//!
//! What it does not do: add an event the rules missed, or change a frame's fields.

use crosscheck_learn::{
    round_trip_weights, train_logistic, Calibrator, ClassWeight, FeatureHasher, HasherConfig, Head,
    LogisticRegression, ModelFile, SgdConfig, SparseVector, WeightEncoding,
};
use crosscheck_schema::{Claim, EventFrame, EventType};

/// The `kind` of event-filter model files.
pub const MODEL_KIND: &str = "event-filter";

/// The event types, in the order of their dense cues.
pub(crate) const TYPES: [EventType; 15] = [
    EventType::Airstrike,
    EventType::Shelling,
    EventType::Bombing,
    EventType::GroundAttack,
    EventType::Execution,
    EventType::ChemicalAttack,
    EventType::Capture,
    EventType::Siege,
    EventType::Ceasefire,
    EventType::Agreement,
    EventType::Accusation,
    EventType::Death,
    EventType::Arrest,
    EventType::Displacement,
    EventType::Other,
];

/// Names of the dense cues, in index order: one per event type, then the frame's
/// fields and the claim's attribution. Stored in the model file and checked on
/// load.
pub const DENSE_FEATURES: [&str; 25] = [
    "type=airstrike",
    "type=shelling",
    "type=bombing",
    "type=ground_attack",
    "type=execution",
    "type=chemical_attack",
    "type=capture",
    "type=siege",
    "type=ceasefire",
    "type=agreement",
    "type=accusation",
    "type=death",
    "type=arrest",
    "type=displacement",
    "type=other",
    "actor",
    "target",
    "place",
    "date",
    "killed",
    "injured",
    "denied",
    "attributed",
    "hedged",
    "quoted",
];

const N_DENSE: usize = DENSE_FEATURES.len();

/// What the filter reads of a frame and its claim's attribution (a chain named, a
/// hedge, a quotation) besides the sentence text.
pub fn dense_features(
    frame: &EventFrame,
    attributed: bool,
    hedged: bool,
    quoted: bool,
) -> [f32; N_DENSE] {
    let mut x = [0f32; N_DENSE];
    if let Some(i) = TYPES.iter().position(|&t| t == frame.event_type) {
        x[i] = 1.0;
    }
    let n = TYPES.len();
    let flags = [
        frame.actor.is_some(),
        frame.target.is_some(),
        frame.place.is_some(),
        frame.date.is_some(),
        frame.killed.is_some(),
        frame.injured.is_some(),
        frame.denied,
        attributed,
        hedged,
        quoted,
    ];
    for (k, f) in flags.into_iter().enumerate() {
        x[n + k] = f32::from(u8::from(f));
    }
    x
}

/// [`dense_features`] of a claim as output.
pub fn claim_features(frame: &EventFrame, claim: &Claim) -> [f32; N_DENSE] {
    let a = &claim.attribution;
    dense_features(frame, !a.chain.is_empty(), a.hedged, a.quoted)
}

/// The hashed features: word unigrams and bigrams, digits folded, no character
/// n-grams (the gold sets are small).
pub fn default_hasher_config() -> HasherConfig {
    HasherConfig {
        bits: 14,
        word_unigrams: true,
        word_bigrams: true,
        char_min: 0,
        char_max: 0,
        fold_digits: true,
        symbols: false,
        word_weight: 1.0,
        char_weight: 0.0,
    }
}

/// How [`train`] fits a filter. `TrainConfig::default()` is the shipped configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainConfig {
    pub hasher: HasherConfig,
    pub sgd: SgdConfig,
    /// Weights are stored this way; the trained model already behaves as if loaded.
    pub encoding: WeightEncoding,
    /// The highest threshold training may choose: the filter is a second opinion,
    /// and an uncertain frame stays.
    pub max_threshold: f32,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig {
            hasher: default_hasher_config(),
            sgd: SgdConfig {
                epochs: 10,
                learning_rate: 0.1,
                l2: 1e-4,
                class_weight: ClassWeight::Uniform,
                seed: 0x0e7e_0f17,
            },
            encoding: WeightEncoding::Q8,
            max_threshold: 0.5,
        }
    }
}

/// One training example: a gold sentence the rules gave a frame.
#[derive(Clone, Debug, PartialEq)]
pub struct EventExample {
    /// The sentence.
    pub text: String,
    /// [`dense_features`] of its claim (for the [`actor gate`](crate::actor_gate),
    /// its own dense cues).
    pub dense: Vec<f32>,
    /// The annotator saw an event in it.
    pub label: bool,
    /// The gold set it comes from (examples of one group are never split across
    /// training and scoring in cross-validation).
    pub group: u32,
    /// How many of the frame's fields (type, actor, place, date, killed, injured)
    /// match the gold, and how many do not: dropping the frame loses the first and
    /// removes the second.
    pub fields_right: u32,
    pub fields_wrong: u32,
}

pub use crate::model_load::ModelError;

/// A trained event filter. Immutable: share one between threads.
#[derive(Clone, Debug)]
pub struct EventFilter {
    file: ModelFile,
}

impl EventFilter {
    /// Loads a filter written by [`EventFilter::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<EventFilter, ModelError> {
        let file =
            crate::model_load::load_one_head(bytes, MODEL_KIND, &DENSE_FEATURES, "event filter")?;
        Ok(EventFilter { file })
    }

    /// The model file bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let encoding = match self.file.meta("encoding") {
            Some("f32") => WeightEncoding::F32,
            _ => WeightEncoding::Q8,
        };
        self.file.to_bytes(encoding)
    }

    fn head(&self) -> &Head {
        // `from_bytes` and `train` guarantee exactly one head.
        &self.file.heads[0]
    }

    fn margin(&self, sentence: &str, dense: &[f32]) -> f32 {
        let head = self.head();
        self.file.hasher.dot(sentence, dense, &head.model.weights) + head.model.bias
    }

    /// The calibrated probability that `sentence`, whose rules-built frame and claim
    /// give `dense` ([`dense_features`]), reports an event.
    pub fn probability(&self, sentence: &str, dense: &[f32]) -> f32 {
        self.head().calibrator.apply(self.margin(sentence, dense))
    }

    /// The calibrated probability of a margin (as [`out_of_fold_margins`] gives).
    pub fn calibrated(&self, margin: f32) -> f32 {
        self.head().calibrator.apply(margin)
    }

    /// Frames below this probability are dropped.
    pub fn threshold(&self) -> f32 {
        self.head().threshold
    }

    /// Whether the frame of `claim` (whose text is `sentence`) is kept.
    pub fn keeps(&self, sentence: &str, frame: &EventFrame, claim: &Claim) -> bool {
        self.probability(sentence, &claim_features(frame, claim)) >= self.threshold()
    }

    /// Provenance recorded at training time.
    pub fn metadata(&self) -> &[(String, String)] {
        &self.file.metadata
    }
}

/// The feature space of `config`, with the dense cues `dense`.
fn hasher(config: &TrainConfig, dense: &[&str]) -> FeatureHasher {
    FeatureHasher::new(
        config.hasher.clone(),
        dense.iter().map(|s| s.to_string()).collect(),
    )
    .expect("the event filter's hasher configuration is valid")
}

fn featurize(hasher: &FeatureHasher, examples: &[EventExample]) -> Vec<SparseVector> {
    examples
        .iter()
        .map(|e| {
            let mut x = SparseVector::new();
            hasher.featurize(&e.text, &e.dense, &mut x);
            x
        })
        .collect()
}

fn fit(
    dim: usize,
    xs: &[SparseVector],
    ys: &[bool],
    idx: &[usize],
    config: &TrainConfig,
) -> LogisticRegression {
    let sub_x: Vec<SparseVector> = idx.iter().map(|&i| xs[i].clone()).collect();
    let sub_y: Vec<bool> = idx.iter().map(|&i| ys[i]).collect();
    let mut model = train_logistic(dim, &sub_x, &sub_y, None, &config.sgd);
    model.weights = round_trip_weights(&model.weights, config.encoding);
    model
}

fn margin_of(model: &LogisticRegression, x: &SparseVector) -> f32 {
    x.dot(&model.weights) + model.bias
}

/// Out-of-fold margins: each group (gold set) scored by a model trained on the
/// others. Examples of a group alone get no margin (`None`).
pub fn out_of_fold_margins(examples: &[EventExample], config: &TrainConfig) -> Vec<Option<f32>> {
    out_of_fold_margins_with(&DENSE_FEATURES, examples, config)
}

/// [`out_of_fold_margins`] of examples whose dense cues are `dense`.
pub(crate) fn out_of_fold_margins_with(
    dense: &[&str],
    examples: &[EventExample],
    config: &TrainConfig,
) -> Vec<Option<f32>> {
    let hasher = hasher(config, dense);
    let xs = featurize(&hasher, examples);
    let ys: Vec<bool> = examples.iter().map(|e| e.label).collect();
    out_of_fold(&hasher, &xs, &ys, examples, config)
}

fn out_of_fold(
    hasher: &FeatureHasher,
    xs: &[SparseVector],
    ys: &[bool],
    examples: &[EventExample],
    config: &TrainConfig,
) -> Vec<Option<f32>> {
    let groups: Vec<u32> = examples.iter().map(|e| e.group).collect();
    let mut distinct = groups.clone();
    distinct.sort_unstable();
    distinct.dedup();
    // One fold per gold set: leave-one-set-out.
    let mut oof = vec![None; examples.len()];
    if distinct.len() < 2 {
        return oof;
    }
    for held_out in distinct {
        let (train_idx, test_idx): (Vec<usize>, Vec<usize>) =
            (0..examples.len()).partition(|&i| groups[i] != held_out);
        if train_idx.is_empty() {
            continue;
        }
        let model = fit(hasher.dim(), xs, ys, &train_idx, config);
        for i in test_idx {
            oof[i] = Some(margin_of(&model, &xs[i]));
        }
    }
    oof
}

/// The micro-F1 of the frame fields when the frames of `dropped` are removed:
/// `right` and `wrong` are the fields of every frame kept, `gold_fields` the number
/// of gold values (so false negatives are `gold_fields - right`).
pub fn fields_f1(right: usize, wrong: usize, gold_fields: usize) -> f64 {
    let d = right + wrong + gold_fields;
    if d == 0 {
        0.0
    } else {
        2.0 * right as f64 / d as f64
    }
}

/// Half the width of the band of thresholds over which [`best_threshold`] averages
/// the F1: the held-out F1 curves of both gates are flat within a few thousandths over
/// tenths of probability, so the best single point moves with every retraining.
pub const THRESHOLD_BAND: f32 = 0.025;

/// The spacing of the thresholds [`best_threshold`] considers.
const THRESHOLD_STEP: f32 = 0.0025;

/// The threshold (at most `max`) whose neighbourhood gives the best frame fields'
/// micro-F1 when frames scored below it are dropped, and the F1 at it.
/// `probs[i]` is the probability of frame `i`, `fields[i]` its right and wrong
/// fields; `gold_fields` counts the gold values (every gold sentence's, framed or
/// not).
///
/// The thresholds considered are a grid of step 0.0025 from 0 to `max`. Each is
/// scored by the mean F1 over the grid points within [`THRESHOLD_BAND`] of it (inside
/// 0..=`max`), not by its own F1: on a flat curve the highest single point is noise,
/// and a threshold in the middle of a good region stays put when the examples change
/// a little. Ties go to the lower threshold.
pub fn best_threshold(
    probs: &[f32],
    fields: &[(u32, u32)],
    gold_fields: usize,
    max: f32,
) -> (f32, f64) {
    let curve = f1_curve(probs, fields, gold_fields, max);
    let steps = (max / THRESHOLD_STEP).round().max(0.0) as usize;
    let grid: Vec<f32> = (0..=steps).map(|i| i as f32 * THRESHOLD_STEP).collect();
    // F1 at each grid threshold: the curve's last breakpoint at or below it.
    let mut at = Vec::with_capacity(grid.len());
    let mut k = 0;
    for &t in &grid {
        while k + 1 < curve.len() && curve[k + 1].0 <= t {
            k += 1;
        }
        at.push(curve[k].1);
    }
    let band = (THRESHOLD_BAND / THRESHOLD_STEP).round() as usize;
    let (mut best_i, mut best) = (0, f64::NEG_INFINITY);
    for i in 0..grid.len() {
        let window = &at[i.saturating_sub(band)..(i + band + 1).min(at.len())];
        let mean = window.iter().sum::<f64>() / window.len() as f64;
        // Means of equal values differ in the last bits with the window's length.
        if mean > best + 1e-12 {
            (best_i, best) = (i, mean);
        }
    }
    (grid[best_i], at[best_i])
}

/// The F1 of the frame fields as a step function of the threshold: `(t, f1)` pairs,
/// the first at threshold 0 (nothing dropped), each next one where dropping the
/// frames scored below `t` changes the counts (halfway between two distinct
/// probabilities), up to `max`.
fn f1_curve(probs: &[f32], fields: &[(u32, u32)], gold_fields: usize, max: f32) -> Vec<(f32, f64)> {
    let mut order: Vec<usize> = (0..probs.len().min(fields.len())).collect();
    order.sort_by(|&a, &b| probs[a].total_cmp(&probs[b]).then(a.cmp(&b)));
    let mut right: usize = order.iter().map(|&i| fields[i].0 as usize).sum();
    let mut wrong: usize = order.iter().map(|&i| fields[i].1 as usize).sum();
    let mut curve = vec![(0.0f32, fields_f1(right, wrong, gold_fields))];
    let mut k = 0;
    while k < order.len() {
        let p = probs[order[k]];
        if p >= max {
            break;
        }
        // Drop every frame scored p (ties together).
        while k < order.len() && probs[order[k]] == p {
            right -= fields[order[k]].0 as usize;
            wrong -= fields[order[k]].1 as usize;
            k += 1;
        }
        let t = match order.get(k) {
            Some(&next) => ((p + probs[next]) / 2.0).min(max),
            None => max,
        };
        curve.push((t, fields_f1(right, wrong, gold_fields)));
    }
    curve
}

/// Trains a filter on `examples`; `gold_fields` is the number of gold values of the
/// frame fields over all gold sentences (the threshold is chosen on their micro-F1,
/// see [`best_threshold`]).
/// Deterministic: the same examples in the same order give the same bytes.
pub fn train(examples: &[EventExample], gold_fields: usize, config: &TrainConfig) -> EventFilter {
    let what = Described {
        examples: "gold sentences with a rules-built frame",
        positives: "with an event",
        gold: "gold values of the frame fields",
        score: "micro-F1 of the frame fields",
    };
    EventFilter {
        file: train_file(
            MODEL_KIND,
            &DENSE_FEATURES,
            &what,
            examples,
            gold_fields,
            config,
        ),
    }
}

/// How [`train_file`] describes its examples in the model's metadata.
pub(crate) struct Described {
    pub examples: &'static str,
    pub positives: &'static str,
    pub gold: &'static str,
    pub score: &'static str,
}

/// The model file of a one-head gate of `kind` over `dense` cues: leave-one-group-out
/// margins fit a Platt calibrator and choose the threshold (at most
/// `config.max_threshold`) with the best [`fields_f1`] around it ([`best_threshold`]) over the examples' right and
/// wrong fields, then the model is fitted on every example.
pub(crate) fn train_file(
    kind: &str,
    dense: &[&str],
    what: &Described,
    examples: &[EventExample],
    gold_fields: usize,
    config: &TrainConfig,
) -> ModelFile {
    let hasher = hasher(config, dense);
    let xs = featurize(&hasher, examples);
    let ys: Vec<bool> = examples.iter().map(|e| e.label).collect();
    let oof = out_of_fold(&hasher, &xs, &ys, examples, config);
    let (mut margins, mut labels, mut fields) = (Vec::new(), Vec::new(), Vec::new());
    for ((m, &y), e) in oof.iter().zip(&ys).zip(examples) {
        if let Some(m) = m {
            margins.push(*m);
            labels.push(y);
            fields.push((e.fields_right, e.fields_wrong));
        }
    }
    let calibrator = Calibrator::fit_platt(&margins, &labels);
    let probs: Vec<f32> = margins.iter().map(|&m| calibrator.apply(m)).collect();
    let (threshold, oof_f1) = best_threshold(&probs, &fields, gold_fields, config.max_threshold);
    let all: Vec<usize> = (0..examples.len()).collect();
    let model = fit(hasher.dim(), &xs, &ys, &all, config);
    let positives = ys.iter().filter(|&&y| y).count();
    let mut groups: Vec<u32> = examples.iter().map(|e| e.group).collect();
    groups.sort_unstable();
    groups.dedup();
    let metadata = vec![
        (
            "trained_on".to_string(),
            format!(
                "{} {} from {} gold sets ({} {}); {} {}",
                examples.len(),
                what.examples,
                groups.len(),
                positives,
                what.positives,
                gold_fields,
                what.gold
            ),
        ),
        (
            "calibration".to_string(),
            "Platt scaling on leave-one-gold-set-out margins".to_string(),
        ),
        (
            "threshold".to_string(),
            format!(
                "{threshold:.4}: best mean {} within ±{THRESHOLD_BAND} on the same held-out \
                 predictions, at most {}; {oof_f1:.4} at it",
                what.score, config.max_threshold
            ),
        ),
        (
            "encoding".to_string(),
            match config.encoding {
                WeightEncoding::F32 => "f32",
                WeightEncoding::Q8 => "q8",
            }
            .to_string(),
        ),
    ];
    ModelFile {
        kind: kind.to_string(),
        metadata,
        hasher,
        heads: vec![Head {
            name: kind.to_string(),
            model,
            calibrator,
            threshold,
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_threshold_drops_frames_with_more_wrong_than_right_fields() {
        // Two low-scored frames with only wrong fields, then good frames.
        let probs = [0.05, 0.1, 0.6, 0.7, 0.9];
        let fields = [(0, 3), (0, 2), (3, 0), (2, 1), (4, 0)];
        let (t, f1) = best_threshold(&probs, &fields, 12, 0.5);
        assert!(t > 0.1 && t <= 0.5, "{t}");
        // 9 right, 1 wrong, 12 gold.
        assert!((f1 - 18.0 / 22.0).abs() < 1e-9);
        // A low-scored frame that is mostly right stays.
        let (t, _) = best_threshold(&[0.2, 0.9], &[(3, 1), (2, 0)], 6, 0.5);
        assert_eq!(t, 0.0);
    }

    #[test]
    fn the_threshold_sits_in_a_broad_good_region_not_on_a_narrow_peak() {
        // Dropping the frame at 0.100 helps and the one at 0.105 hurts: F1 peaks
        // (22/36) only between them. Dropping the one at 0.11 too gives a lower but
        // broad region (20/34) from 0.255 on.
        let probs = [0.100, 0.105, 0.11, 0.4, 0.9];
        let fields = [(0, 2), (1, 0), (0, 1), (0, 0), (10, 4)];
        let (t, f1) = best_threshold(&probs, &fields, 20, 0.5);
        assert!((0.255..=0.5).contains(&t), "{t}");
        assert!((f1 - 20.0 / 34.0).abs() < 1e-9, "{f1}");
        let peak = f1_curve(&probs, &fields, 20, 0.5)
            .into_iter()
            .map(|(_, f)| f)
            .fold(0.0, f64::max);
        assert!((peak - 22.0 / 36.0).abs() < 1e-9, "{peak}");
    }

    #[test]
    fn the_type_and_fields_are_cues() {
        assert_eq!(DENSE_FEATURES.len(), TYPES.len() + 10);
        for (t, name) in TYPES.iter().zip(DENSE_FEATURES) {
            assert_eq!(format!("type={}", t.as_str()), name);
        }
    }
}
