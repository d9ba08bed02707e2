//! The article credibility score: a probability that an article's factual claims
//! hold up, its three-level label, and the reasons behind it.
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
//!     println!("{} {:+.2} ({} spans)", reason.kind, reason.weight, reason.evidence.len());
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The model reads one row of named features per article ([`features`]): the
//! writing signals, the outlet's reputation, the profile of the article's claims,
//! and — after linking — the consistency of those claims with other outlets'
//! reports of the same events (`crosscheck_link::Consistency`). It is a small set
//! of **components**, each a calibrated model of its own feature block, trained on
//! the data that can measure that block (`docs/signals.md`, "Credibility"):
//!
//! * the base component (style and sourcing) always applies; its calibrated
//!   log-odds are the starting point;
//! * every other component adds its *evidence*, `logit(p_i) − offset_i`, where
//!   `offset_i` is the log-odds of its training base rate (naive Bayes: the
//!   components are taken as independent given the truth) or of a reference input,
//!   and only when it has something to read: the consistency component when the
//!   article was linked, the outlet component when its outlet resolved.
//!
//! So `logit(score) = logit(p_style) + Σ evidence`; with one component the score
//! is that component's calibrated probability. Each reason's `weight` is the
//! contribution of a feature group to `logit(score)`, measured from the group
//! being absent, so that the base and the weights add up to `logit(score)`
//! ([`CredibilityModel::explain_row`]).
//!
//! What it does not do: read the article's words beyond the signals (no n-grams),
//! or say which claim is false. The combined score is calibrated on no single data
//! set (see `docs/eval/credibility.md`).

pub mod features;
mod linear;
mod model_file;
pub mod train;

use std::borrow::Cow;

use crosscheck_learn::{Boosted, SplitMix64};
use crosscheck_link::Consistency;
use crosscheck_schema::{ArticleAnalysis, Credibility, CredibilityLabel, Evidence, Signal, Span};

use crate::outlets::OutletInfo;
pub use features::{
    credibility_features, direction, outlet_reputation, outlet_row, Block, Direction, FeatureSpec,
    FEATURES, N_FEATURES,
};
pub use linear::{fit_monotone, Linear, MonotoneConfig};
pub use model_file::ModelError;
pub use train::{
    cross_validate, cross_validate_with, metrics_over_repeats, out_of_fold, score_metrics,
    split_importance, train_component, train_credibility, CredibilityExample, CredibilityMetrics,
    Learner, MeanSd, TrainConfig,
};

/// Default label thresholds on the score: `credible` at or above
/// [`CREDIBLE_AT`], `doubtful` below [`DOUBTFUL_BELOW`], `uncertain` between.
/// The shipped model stores its own (`docs/signals.md`, "Credibility").
pub const CREDIBLE_AT: f32 = 0.7;
/// See [`CREDIBLE_AT`].
pub const DOUBTFUL_BELOW: f32 = 0.3;

/// How the margin is computed from the selected feature columns.
#[derive(Clone, Debug, PartialEq)]
pub enum Scorer {
    /// A linear model over clamped, optionally log-scaled, standardised columns.
    Linear(Linear),
    /// A boosted tree ensemble over the selected columns.
    Trees(Boosted),
}

impl Scorer {
    fn margin(&self, x: &[f32]) -> f32 {
        match self {
            Scorer::Linear(l) => l.margin(x),
            Scorer::Trees(t) => t.margin(x),
        }
    }

    /// Per-column contributions to the margin; returns the rest (the bias).
    fn contributions(&self, x: &[f32], out: &mut Vec<f32>) -> f32 {
        match self {
            Scorer::Linear(l) => l.contributions(x, out),
            Scorer::Trees(t) => t.contributions(x, out),
        }
    }
}

/// When a component has something to say about an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applies {
    /// Always (the base component).
    Always,
    /// When the article was linked (`consistency_linked` = 1).
    Linked,
    /// When the article's outlet resolved (`outlet_resolved` = 1).
    OutletKnown,
}

impl Applies {
    fn to_u8(self) -> u8 {
        match self {
            Applies::Always => 0,
            Applies::Linked => 1,
            Applies::OutletKnown => 2,
        }
    }

    fn from_u8(v: u8) -> Option<Applies> {
        [Applies::Always, Applies::Linked, Applies::OutletKnown]
            .into_iter()
            .find(|a| a.to_u8() == v)
    }

    /// The reason that takes the component's constant part (its evidence when
    /// every feature it reads is absent); `None`: the base of the score.
    fn home_reason(self) -> Option<&'static str> {
        match self {
            Applies::Always => None,
            Applies::Linked => Some(features::reasons::COVERAGE),
            Applies::OutletKnown => Some(features::reasons::OUTLET),
        }
    }
}

/// One calibrated model of one block of features.
#[derive(Clone, Debug, PartialEq)]
pub struct Component {
    /// `style`, `outlet`, `consistency` ... (for reports).
    pub name: String,
    pub applies: Applies,
    /// Indices into [`FEATURES`] of the columns the scorer reads, in its order.
    pub(crate) columns: Vec<usize>,
    pub(crate) scorer: Scorer,
    /// Platt scaling of the margin: `p = sigmoid(a · margin + b)`.
    pub(crate) platt: (f32, f32),
    /// Base rate of the labels it was trained on.
    pub(crate) prior: f32,
    /// Subtracted from its calibrated log-odds to give its evidence (0 for the
    /// base component).
    pub(crate) offset: f32,
}

impl Component {
    /// The feature names it reads, in its column order.
    pub fn feature_names(&self) -> Vec<&'static str> {
        self.columns.iter().map(|&c| FEATURES[c].name).collect()
    }

    /// Base rate of its training labels.
    pub fn prior(&self) -> f32 {
        self.prior
    }

    /// Whether it reads this row (see [`Applies`]).
    pub fn applies_to(&self, row: &[f32]) -> bool {
        let flag = |name: &str| {
            FEATURES
                .iter()
                .position(|f| f.name == name)
                .and_then(|i| row.get(i))
                .is_some_and(|&v| v > 0.5)
        };
        match self.applies {
            Applies::Always => true,
            Applies::Linked => flag("consistency_linked"),
            Applies::OutletKnown => flag("outlet_resolved"),
        }
    }

    fn select(&self, row: &[f32]) -> Vec<f32> {
        let mut x = Vec::with_capacity(self.columns.len());
        self.select_into(row, &mut x);
        x
    }

    /// [`Component::select`] into `x` (cleared first), reused across components.
    fn select_into(&self, row: &[f32], x: &mut Vec<f32>) {
        x.clear();
        x.extend(
            self.columns
                .iter()
                .map(|&c| row.get(c).copied().filter(|v| v.is_finite()).unwrap_or(0.0)),
        );
    }

    fn margin(&self, row: &[f32]) -> f32 {
        self.scorer.margin(&self.select(row))
    }

    /// Its calibrated probability for a full feature row.
    pub fn probability(&self, row: &[f32]) -> f32 {
        crosscheck_learn::sigmoid(self.log_odds(row))
    }

    /// Its calibrated log-odds for a full feature row.
    pub fn log_odds(&self, row: &[f32]) -> f32 {
        self.platt.0 * self.margin(row) + self.platt.1
    }

    /// Its evidence for a row: calibrated log-odds minus its offset.
    pub fn evidence(&self, row: &[f32]) -> f32 {
        self.log_odds(row) - self.offset
    }

    /// The same component weighing its evidence against its training base rate
    /// (naive Bayes), for a component added to a base.
    pub fn against_prior(mut self) -> Component {
        let p = self.prior.clamp(1e-4, 1.0 - 1e-4);
        self.offset = (p / (1.0 - p)).ln();
        self
    }

    /// The same component weighing its evidence against its log-odds at a
    /// reference row (which then adds nothing): for a component trained on a
    /// population whose base rate says nothing about news in general.
    pub fn against_reference(mut self, reference: &[f32]) -> Component {
        self.offset = self.log_odds(reference);
        self
    }

    /// The same component applying only when `applies` says so.
    pub fn when(mut self, applies: Applies) -> Component {
        self.applies = applies;
        self
    }

    /// The same component under another name.
    pub fn named(mut self, name: &str) -> Component {
        self.name = name.to_string();
        self
    }

    /// A summary: calibration, offset, and weights (linear) or split counts (trees).
    pub fn describe(&self) -> String {
        let mut out = format!(
            "{} ({:?}): prior {:.3}, platt a {:.4} b {:.4}, offset {:.4}\n",
            self.name, self.applies, self.prior, self.platt.0, self.platt.1, self.offset
        );
        match &self.scorer {
            Scorer::Linear(l) => {
                out.push_str(&format!("  linear, bias {:.4}\n", l.bias));
                for (j, &c) in self.columns.iter().enumerate() {
                    out.push_str(&format!(
                        "  {:32} {:+.4} × ({} − {:.3}) / {:.3}, x clamped to {:.2}..{:.2}\n",
                        FEATURES[c].name,
                        l.weights[j],
                        if l.log1p[j] { "ln(1+x)" } else { "x" },
                        l.means[j],
                        l.scales[j],
                        l.lo[j].max(-1e9),
                        l.hi[j].min(1e9)
                    ));
                }
            }
            Scorer::Trees(trees) => {
                out.push_str(&format!(
                    "  {} trees, base {:.4}; splits per feature:\n",
                    trees.trees.len(),
                    trees.base
                ));
                for (name, n) in split_importance(self) {
                    out.push_str(&format!("  {name:32} {n}\n"));
                }
            }
        }
        out
    }
}

/// How a score comes about: `logit(score) = base + Σ reason weights`.
#[derive(Clone, Debug, PartialEq)]
pub struct Explanation {
    pub score: f32,
    /// The log-odds of an article in which every feature the model reads is
    /// absent (the base component's constant part).
    pub base: f32,
    /// Per reason (feature group): its contribution to `logit(score)`, strongest
    /// first; groups contributing less than 1e-4 left out.
    pub reasons: Vec<(&'static str, f32)>,
}

/// A trained credibility model. Immutable; share across threads.
#[derive(Clone, Debug, PartialEq)]
pub struct CredibilityModel {
    /// Provenance: training data, date, cross-validated figures.
    pub metadata: Vec<(String, String)>,
    pub(crate) components: Vec<Component>,
    /// `doubtful` below the first, `credible` at or above the second.
    pub(crate) thresholds: (f32, f32),
}

impl CredibilityModel {
    /// A model of `components`: the first is the base (see the module docs).
    pub fn from_components(components: Vec<Component>, thresholds: (f32, f32)) -> CredibilityModel {
        CredibilityModel {
            metadata: Vec::new(),
            components,
            thresholds: (DOUBTFUL_BELOW, CREDIBLE_AT),
        }
        .with_thresholds(thresholds.0, thresholds.1)
    }

    /// Reads a model written by [`CredibilityModel::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<CredibilityModel, ModelError> {
        model_file::read(bytes)
    }

    /// The model file bytes. Deterministic: equal models give equal bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        model_file::write(self)
    }

    pub fn components(&self) -> &[Component] {
        &self.components
    }

    /// The feature names the model reads, component by component.
    pub fn feature_names(&self) -> Vec<&'static str> {
        self.components
            .iter()
            .flat_map(|c| c.feature_names())
            .collect()
    }

    /// A human-readable summary of every component and the thresholds.
    pub fn describe(&self) -> String {
        let mut out = format!(
            "doubtful < {:.2}, credible >= {:.2}\n",
            self.thresholds.0, self.thresholds.1
        );
        for c in &self.components {
            out.push_str(&c.describe());
        }
        out
    }

    /// `(doubtful below, credible at or above)`.
    pub fn thresholds(&self) -> (f32, f32) {
        self.thresholds
    }

    /// A copy with other label thresholds (clamped into `0..=1`, low ≤ high).
    pub fn with_thresholds(mut self, doubtful_below: f32, credible_at: f32) -> CredibilityModel {
        let lo = if doubtful_below.is_finite() {
            doubtful_below.clamp(0.0, 1.0)
        } else {
            DOUBTFUL_BELOW
        };
        let hi = if credible_at.is_finite() {
            credible_at.clamp(lo, 1.0)
        } else {
            CREDIBLE_AT.max(lo)
        };
        self.thresholds = (lo, hi);
        self
    }

    /// The label of a score.
    pub fn label(&self, score: f32) -> CredibilityLabel {
        if score >= self.thresholds.1 {
            CredibilityLabel::Credible
        } else if score < self.thresholds.0 {
            CredibilityLabel::Doubtful
        } else {
            CredibilityLabel::Uncertain
        }
    }

    /// The score for a full feature row (see [`credibility_features`]).
    pub fn score_row(&self, row: &[f32]) -> f32 {
        let logit: f32 = self
            .components
            .iter()
            .filter(|c| c.applies_to(row))
            .map(|c| c.evidence(row))
            .sum();
        finite_probability(crosscheck_learn::sigmoid(logit))
    }

    /// The score of a row and the reasons behind it (see [`Explanation`]).
    pub fn explain_row(&self, row: &[f32]) -> Explanation {
        let mut base = 0f32;
        // A few reasons per component: one allocation, not a doubling series.
        let mut groups: Vec<(&'static str, f32)> = Vec::with_capacity(16);
        let add = |groups: &mut Vec<(&'static str, f32)>, reason: &'static str, w: f32| match groups
            .iter_mut()
            .find(|(r, _)| *r == reason)
        {
            Some((_, v)) => *v += w,
            None => groups.push((reason, w)),
        };
        let (mut x, mut contrib) = (Vec::new(), Vec::new());
        for c in self.components.iter().filter(|c| c.applies_to(row)) {
            c.select_into(row, &mut x);
            let bias = c.scorer.contributions(&x, &mut contrib);
            let a = c.platt.0;
            let constant = a * bias + c.platt.1 - c.offset;
            match c.applies.home_reason() {
                Some(reason) => add(&mut groups, reason, constant),
                None => base += constant,
            }
            for (&col, &v) in c.columns.iter().zip(&contrib) {
                add(&mut groups, FEATURES[col].reason, a * v);
            }
        }
        let logit = base + groups.iter().map(|g| g.1).sum::<f32>();
        groups.retain(|(_, w)| w.abs() >= 1e-4 && w.is_finite());
        groups.sort_by(|x, y| y.1.abs().total_cmp(&x.1.abs()));
        Explanation {
            score: finite_probability(crosscheck_learn::sigmoid(logit)),
            base,
            reasons: groups,
        }
    }

    /// Scores one article: the probability that its factual claims hold up, the
    /// label, and the reasons (feature groups) by the size of their contribution
    /// to the log-odds, strongest first, each with the spans of its evidence.
    /// `outlet` is the article's resolved outlet (`None`: unknown; the outlet
    /// component then says nothing); `consistency` comes from linking (`None` when
    /// linking did not run: the consistency component then says nothing).
    /// Microseconds; never panics.
    pub fn assess(
        &self,
        article: &ArticleAnalysis,
        outlet: Option<&OutletInfo>,
        consistency: Option<&Consistency>,
    ) -> Credibility {
        self.assess_prepared(&ArticleCredibility::new(article, outlet), consistency)
    }

    /// [`CredibilityModel::assess`] from what [`ArticleCredibility::new`] kept of
    /// the article: the same score, label and reasons.
    pub fn assess_prepared(
        &self,
        article: &ArticleCredibility<'_>,
        consistency: Option<&Consistency>,
    ) -> Credibility {
        let row = features::assemble_row(&article.before, consistency, &article.after);
        let explanation = self.explain_row(&row);
        let signals = explanation
            .reasons
            .into_iter()
            .map(|(kind, weight)| {
                let (value, evidence) = reason_detail(kind, article, consistency);
                Signal {
                    kind: Cow::Borrowed(kind),
                    value,
                    weight,
                    evidence,
                }
            })
            .collect();
        Credibility {
            score: explanation.score,
            label: self.label(explanation.score),
            signals,
        }
    }
}

/// What credibility reads of an article, taken before linking: the parts of its
/// feature row that do not depend on linking and the evidence of the reasons
/// that come from the article itself. Lets a caller that writes articles after
/// linking keep this instead of the whole article.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleCredibility<'a> {
    /// The feature row before the consistency block, and after it.
    pub before: Vec<f32>,
    pub after: Vec<f32>,
    /// Value and evidence of the outlet reason.
    pub outlet: (f32, Vec<Evidence>),
    /// Value and evidence spans (at most [`MAX_EVIDENCE`]) of the casualty,
    /// claim-sourcing and event-profile reasons.
    pub casualties: (f32, Vec<Span>),
    pub sourcing: (f32, Vec<Span>),
    pub events: (f32, Vec<Span>),
    /// The article's signals (the writing-signal reasons quote their evidence).
    pub signals: SignalsRef<'a>,
}

/// The signals an [`ArticleCredibility`] reads: the article's own, or the bytes
/// [`pack_signals`] made of them (read in place: a caller that parks articles
/// on disk need not rebuild every signal's strings to assess them).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SignalsRef<'a> {
    Signals(&'a [Signal]),
    Packed(&'a [u8]),
}

/// Appends to `out` what [`SignalsRef::Packed`] reads: per signal its kind,
/// value and evidence (spans and labels), little-endian, strings as a `u32`
/// length and UTF-8. The signal weights are not kept (credibility does not read
/// them).
pub fn pack_signals(signals: &[Signal], out: &mut Vec<u8>) {
    let put_u32 = |out: &mut Vec<u8>, n: usize| {
        out.extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes());
    };
    let put_str = |out: &mut Vec<u8>, s: &str| {
        put_u32(out, s.len());
        out.extend_from_slice(s.as_bytes());
    };
    put_u32(out, signals.len());
    for s in signals {
        put_str(out, &s.kind);
        out.extend_from_slice(&s.value.to_le_bytes());
        put_u32(out, s.evidence.len());
        for e in &s.evidence {
            out.extend_from_slice(&(e.start as u64).to_le_bytes());
            out.extend_from_slice(&(e.end as u64).to_le_bytes());
            match &e.label {
                None => out.push(0),
                Some(label) => {
                    out.push(1);
                    put_str(out, label);
                }
            }
        }
    }
}

/// One signal as [`SignalsRef`] reads it.
struct SignalView<'a> {
    /// The kind's bytes: a reason only compares it with the kind it looks for,
    /// so packed kinds are not checked to be UTF-8 on the way (`pack_signals`
    /// wrote them from a `str`).
    kind: &'a [u8],
    value: f32,
    evidence: EvidenceView<'a>,
}

/// The evidence of a [`SignalView`]: `(start, end, label)`.
enum EvidenceView<'a> {
    Slice(std::slice::Iter<'a, Evidence>),
    Packed(Reader<'a>, usize),
}

impl<'a> Iterator for EvidenceView<'a> {
    type Item = (usize, usize, Option<&'a str>);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            EvidenceView::Slice(it) => it.next().map(|e| (e.start, e.end, e.label.as_deref())),
            EvidenceView::Packed(r, left) => {
                if *left == 0 {
                    return None;
                }
                *left -= 1;
                let start = r.u64()? as usize;
                let end = r.u64()? as usize;
                let label = match r.byte()? {
                    0 => None,
                    _ => Some(r.str()?),
                };
                Some((start, end, label))
            }
        }
    }
}

/// Reads [`pack_signals`]' bytes; `None` past their end (never, for bytes it wrote).
#[derive(Clone, Copy)]
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = (self.0.get(..n)?, self.0.get(n..)?);
        self.0 = rest;
        Some(head)
    }

    fn byte(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }

    fn u32(&mut self) -> Option<usize> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?) as usize)
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    fn f32(&mut self) -> Option<f32> {
        Some(f32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn str(&mut self) -> Option<&'a str> {
        std::str::from_utf8(self.bytes()?).ok()
    }

    /// The bytes of a string, not checked to be UTF-8.
    fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.u32()?;
        self.take(n)
    }

    /// Skips one piece of evidence. Its label is passed over without checking that
    /// it is UTF-8 (`pack_signals` wrote it from a `str`): a reason looks for its
    /// signal past the evidence of all those before it.
    fn skip_evidence(&mut self) -> Option<()> {
        self.take(16)?;
        if self.byte()? != 0 {
            let n = self.u32()?;
            self.take(n)?;
        }
        Some(())
    }
}

impl<'a> SignalsRef<'a> {
    /// Calls `each` with every signal in order until it returns `false`.
    fn visit(&self, mut each: impl FnMut(SignalView<'a>) -> bool) {
        match *self {
            SignalsRef::Signals(signals) => {
                for s in signals {
                    let view = SignalView {
                        kind: s.kind.as_bytes(),
                        value: s.value,
                        evidence: EvidenceView::Slice(s.evidence.iter()),
                    };
                    if !each(view) {
                        return;
                    }
                }
            }
            SignalsRef::Packed(bytes) => {
                let mut r = Reader(bytes);
                let Some(n) = r.u32() else { return };
                for _ in 0..n {
                    let (Some(kind), Some(value), Some(count)) = (r.bytes(), r.f32(), r.u32())
                    else {
                        return;
                    };
                    let view = SignalView {
                        kind,
                        value,
                        evidence: EvidenceView::Packed(r, count),
                    };
                    if !each(view) {
                        return;
                    }
                    for _ in 0..count {
                        if r.skip_evidence().is_none() {
                            return;
                        }
                    }
                }
            }
        }
    }
}

impl<'a> ArticleCredibility<'a> {
    /// What credibility needs of `article`, whose resolved outlet is `outlet`;
    /// borrows its signals.
    pub fn new(
        article: &'a ArticleAnalysis,
        outlet: Option<&OutletInfo>,
    ) -> ArticleCredibility<'a> {
        let (before, after) = features::article_features(article, outlet);
        let first =
            |it: &mut dyn Iterator<Item = Span>| -> Vec<Span> { it.take(MAX_EVIDENCE).collect() };
        let killed = || {
            article
                .claims
                .iter()
                .filter_map(|c| c.event.as_ref().and_then(|f| f.killed.as_ref()))
        };
        let outlet_detail = {
            let value = outlet_reputation(outlet);
            let evidence = article
                .metadata_spans
                .iter()
                .filter(|m| m.field == "outlet")
                .map(|m| Evidence {
                    start: m.start,
                    end: m.end,
                    label: outlet.map(|o| Cow::Borrowed(o.category.as_str())),
                })
                .collect();
            (value, evidence)
        };
        let casualties = {
            let max = killed()
                .map(|k| k.max.unwrap_or(k.min).max(k.min) as f32)
                .fold(0f32, f32::max);
            (max, first(&mut killed().map(|k| Span::new(k.start, k.end))))
        };
        let sourcing = {
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
            (value, first(&mut it))
        };
        let events = {
            let n = article.claims.iter().filter(|c| c.event.is_some()).count();
            let mut it = article
                .claims
                .iter()
                .filter(|c| c.event.is_some())
                .map(|c| Span::new(c.start, c.end));
            (n as f32, first(&mut it))
        };
        ArticleCredibility {
            before,
            after,
            outlet: outlet_detail,
            casualties,
            sourcing,
            events,
            signals: SignalsRef::Signals(&article.signals),
        }
    }
}

fn finite_probability(p: f32) -> f32 {
    if p.is_finite() {
        p.clamp(0.0, 1.0)
    } else {
        0.5
    }
}

/// At most this many evidence spans per reason: the strongest reason of a long
/// article can otherwise list every sentence.
const MAX_EVIDENCE: usize = 20;

/// A reason's measured value and its evidence spans (see `docs/signals.md`,
/// "Credibility").
fn reason_detail(
    kind: &str,
    article: &ArticleCredibility<'_>,
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
    let kept = |(value, kept): &(f32, Vec<Span>)| (*value, spans(&mut kept.iter().copied()));
    match kind {
        reasons::OUTLET => article.outlet.clone(),
        reasons::CASUALTY_CLAIMS => kept(&article.casualties),
        reasons::CLAIM_SOURCING => kept(&article.sourcing),
        reasons::EVENT_PROFILE => kept(&article.events),
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
        // The model counts dehumanising labels as loaded language; so does the
        // reason, with each span labelled by its own signal.
        crate::kinds::LOADED_LANGUAGE => {
            let mut value = 0.0;
            // The labels are copied into strings only for the spans kept.
            let mut found: Vec<(usize, usize, Option<&str>)> = Vec::new();
            article.signals.visit(|s| {
                let dehumanising = s.kind == crate::kinds::DEHUMANISING.as_bytes();
                if s.kind == crate::kinds::LOADED_LANGUAGE.as_bytes() || dehumanising {
                    value += s.value;
                    found.extend(s.evidence.map(|(start, end, label)| {
                        let label = if dehumanising {
                            Some(crate::kinds::DEHUMANISING)
                        } else {
                            label
                        };
                        (start, end, label)
                    }));
                }
                true
            });
            found.sort_by_key(|&(start, end, _)| (start, end));
            let evidence = found
                .into_iter()
                .take(MAX_EVIDENCE)
                .map(|(start, end, label)| Evidence {
                    start,
                    end,
                    label: label.map(|l| Cow::Owned(l.to_string())),
                })
                .collect();
            (value, evidence)
        }
        signal_kind => {
            let mut found = (0.0, Vec::new());
            article.signals.visit(|s| {
                if s.kind != signal_kind.as_bytes() {
                    return true;
                }
                let evidence = s
                    .evidence
                    .take(MAX_EVIDENCE)
                    .map(|(start, end, label)| Evidence {
                        start,
                        end,
                        label: label.map(|l| Cow::Owned(l.to_string())),
                    });
                found = (s.value, evidence.collect());
                false
            });
            found
        }
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

    /// Rows where credibility falls with the share of contradicted claims and with
    /// exclamations, and rises with the number of other outlets.
    fn synthetic(n: usize) -> Vec<CredibilityExample> {
        let mut rng = SplitMix64::new(3);
        (0..n)
            .map(|i| {
                let mut features = vec![0f32; N_FEATURES];
                let contradicted = rng.next_f64() as f32;
                let outlets = (rng.next_f64() * 3.0) as f32;
                let shouting = (rng.next_f64() * 8.0) as f32;
                features[index("consistency_linked")] = 1.0;
                features[index("consistency_contradicted_share")] = contradicted;
                features[index("consistency_other_outlets")] = outlets;
                features[index("exclamations_per_1k")] = shouting;
                features[index("loaded_language_per_1k")] = rng.next_f64() as f32 * 20.0;
                features[index("outlet_unknown")] = 1.0;
                let p = crosscheck_learn::sigmoid(
                    2.0 - 5.0 * contradicted + 0.8 * outlets - 0.4 * shouting,
                );
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

    fn trees(blocks: &[Block]) -> TrainConfig {
        TrainConfig {
            learner: Learner::Trees(BoostConfig {
                trees: 60,
                depth: 2,
                ..BoostConfig::default()
            }),
            ..TrainConfig::with_blocks(blocks)
        }
    }

    /// Style (monotone, signals) as the base, consistency (trees) weighed against
    /// its prior when linked.
    fn combined(examples: &[CredibilityExample]) -> CredibilityModel {
        let style =
            train_component(examples, &TrainConfig::monotone(&[Block::Signals])).named("style");
        let consistency = train_component(examples, &trees(&[Block::Consistency]))
            .named("consistency")
            .against_prior()
            .when(Applies::Linked);
        CredibilityModel::from_components(vec![style, consistency], (0.3, 0.7))
    }

    #[test]
    fn models_round_trip_through_bytes() {
        let examples = synthetic(300);
        for config in [
            trees(&Block::ALL),
            TrainConfig::logistic(&Block::ALL),
            TrainConfig::monotone(&Block::ALL),
        ] {
            let model = train_credibility(&examples, &config);
            let bytes = model.to_bytes();
            let loaded = CredibilityModel::from_bytes(&bytes).unwrap();
            assert_eq!(loaded, model);
            assert_eq!(loaded.to_bytes(), bytes);
            // Training twice gives the same bytes.
            assert_eq!(train_credibility(&examples, &config).to_bytes(), bytes);
        }
        let model = combined(&examples);
        let loaded = CredibilityModel::from_bytes(&model.to_bytes()).unwrap();
        assert_eq!(loaded, model);
        assert_eq!(loaded.components().len(), 2);
    }

    #[test]
    fn damaged_files_are_errors_not_panics() {
        let bytes = combined(&synthetic(200)).to_bytes();
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
        let mut old = bytes.clone();
        old[4] = 1;
        assert_eq!(
            CredibilityModel::from_bytes(&old),
            Err(ModelError::UnsupportedVersion(1))
        );
    }

    #[test]
    fn a_single_component_scores_its_own_calibrated_probability() {
        let examples = synthetic(300);
        let model = train_credibility(&examples, &TrainConfig::monotone(&[Block::Consistency]));
        let c = &model.components()[0];
        for e in examples.iter().take(20) {
            let p = model.score_row(&e.features);
            assert!((p - c.probability(&e.features)).abs() < 1e-6);
        }
    }

    #[test]
    fn the_score_is_explained_by_its_reasons() {
        let model = combined(&synthetic(400));
        let article = article();
        let contradicted = Consistency {
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
        let doubted = model.assess(&article, None, Some(&contradicted));
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
        let alone = model.assess(&article, None, None);
        assert!(
            doubted.score < alone.score && alone.score < backed.score,
            "{} {} {}",
            doubted.score,
            alone.score,
            backed.score
        );
        // Without linking the score is the style component's probability.
        let row = credibility_features(&article, None, None);
        let style = &model.components()[0];
        assert!((alone.score - style.probability(&row)).abs() < 1e-5);
        assert!(alone
            .signals
            .iter()
            .all(|s| !s.kind.starts_with("contradicted") && s.kind != features::reasons::COVERAGE));
        // Reasons come strongest first, and with the base they add up to the
        // log-odds of the score.
        let weights: Vec<f32> = doubted.signals.iter().map(|s| s.weight).collect();
        assert!(weights.windows(2).all(|w| w[0].abs() >= w[1].abs()));
        let row = credibility_features(&article, None, Some(&contradicted));
        let explanation = model.explain_row(&row);
        let logit = (doubted.score / (1.0 - doubted.score)).ln();
        assert!((explanation.base + weights.iter().sum::<f32>() - logit).abs() < 0.01);
        // The contradicted claims are the top reason, with their spans as evidence.
        let top = &doubted.signals[0];
        assert_eq!(top.kind, features::reasons::CONTRADICTED);
        assert!(top.weight < 0.0);
        assert_eq!(top.evidence.len(), contradicted.contradicted_spans.len());
        assert_eq!(model.label(0.9), CredibilityLabel::Credible);
        assert_eq!(model.label(0.5), CredibilityLabel::Uncertain);
        assert_eq!(model.label(0.1), CredibilityLabel::Doubtful);
    }

    #[test]
    fn packed_signals_give_every_reason_as_the_signals_do() {
        let text = "SHOCKING: rebels SLAUGHTER villagers!\n\nThe terrorists struck again! \
            Nobody can stop the \"moderate\" thugs! Share this before it is deleted!";
        let doc = crosscheck_schema::Document::from_text("shout.txt", text);
        let mut article = crosscheck_core::Pipeline::new().analyze(&doc).remove(0);
        // Long, unsorted, labelled evidence, and both halves of loaded language.
        article.signals.push(Signal {
            kind: crate::kinds::LOADED_LANGUAGE.into(),
            value: 3.0,
            weight: 0.5,
            evidence: (0..30)
                .rev()
                .map(|i| Evidence {
                    start: i * 3,
                    end: i * 3 + 2,
                    label: (i % 3 != 0).then(|| format!("l\"{i}").into()),
                })
                .collect(),
        });
        article.signals.push(Signal {
            kind: crate::kinds::DEHUMANISING.into(),
            value: 2.0,
            weight: 0.0,
            evidence: vec![Evidence {
                start: 4,
                end: 9,
                label: Some("x".into()),
            }],
        });
        let direct = ArticleCredibility::new(&article, None);
        let mut bytes = Vec::new();
        pack_signals(&article.signals, &mut bytes);
        let packed = ArticleCredibility {
            signals: SignalsRef::Packed(&bytes),
            ..direct.clone()
        };
        let mut kinds: Vec<&str> = FEATURES.iter().map(|f| f.reason).collect();
        kinds.extend(article.signals.iter().map(|s| &*s.kind));
        kinds.push("no such signal");
        let consistency = Consistency {
            linked: true,
            contradicted: 1,
            contradicted_spans: vec![Span::new(1, 2)],
            ..Consistency::default()
        };
        for kind in kinds {
            for c in [None, Some(&consistency)] {
                assert_eq!(
                    reason_detail(kind, &packed, c),
                    reason_detail(kind, &direct, c),
                    "{kind}"
                );
            }
        }
    }

    #[test]
    fn writing_signals_are_reasons_with_their_spans() {
        let examples = synthetic(400);
        let style = train_component(&examples, &TrainConfig::monotone(&[Block::Signals]));
        let model = CredibilityModel::from_components(vec![style], (0.3, 0.7));
        let text = "SHOCKING: rebels SLAUGHTER villagers!\n\nThe terrorists struck again! \
            Nobody can stop them! Share this before it is deleted!";
        let doc = crosscheck_schema::Document::from_text("shout.txt", text);
        let article = crosscheck_core::Pipeline::new().analyze(&doc).remove(0);
        let c = model.assess(&article, None, None);
        let shouting = c
            .signals
            .iter()
            .find(|s| s.kind == crate::kinds::EXCLAMATIONS)
            .expect("exclamations are a reason");
        assert!(shouting.weight < 0.0);
        assert!(!shouting.evidence.is_empty());
        for e in &shouting.evidence {
            assert!(text.get(e.start..e.end).is_some_and(|s| s.contains('!')));
        }
    }

    #[test]
    fn unknown_outlets_and_missing_links_are_explicit() {
        let article = article();
        let row = credibility_features(&article, None, None);
        assert_eq!(row.len(), N_FEATURES);
        assert_eq!(row[index("outlet_unknown")], 1.0);
        assert_eq!(row[index("outlet_resolved")], 0.0);
        assert_eq!(row[index("outlet_reputation")], 0.0);
        assert_eq!(row[index("consistency_linked")], 0.0);
        let outlets = crate::Outlets::new();
        let sana = outlets.resolve_article(&article);
        let row = credibility_features(&article, sana, None);
        assert_eq!(row[index("outlet_unknown")], 0.0);
        assert_eq!(row[index("outlet_state")], 1.0);
        // The claims block sees the toll of the report.
        assert!(row[index("killed_log_max")] > 3.0);
        assert_eq!(block_columns(&[Block::Outlet]).len(), 21);
        // The outlet row of a reliable outlet.
        let reuters = outlets.resolve(Some("Reuters"), None);
        let row = outlet_row(reuters);
        assert_eq!(row[index("outlet_reputation")], 1.0);
        assert_eq!(row[index("outlet_resolved")], 1.0);
        assert_eq!(row[index("exclamations_per_1k")], 0.0);
    }

    #[test]
    fn the_shipped_model_loads_and_scores() {
        let bytes = include_bytes!("../../../models/credibility.bin");
        let model = CredibilityModel::from_bytes(bytes).unwrap();
        let article = article();
        let outlets = crate::Outlets::new();
        for consistency in [None, Some(Consistency::default())] {
            for outlet in [None, outlets.resolve_article(&article)] {
                let c = model.assess(&article, outlet, consistency.as_ref());
                assert!(c.score > 0.0 && c.score < 1.0);
                assert!(c.signals.iter().all(|s| s.weight.is_finite()));
            }
        }
        assert!(!model.describe().is_empty());
    }
}
