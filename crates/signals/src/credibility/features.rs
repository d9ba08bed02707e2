//! The credibility model's input: one fixed, named row of numbers per article, in
//! four blocks — writing signals, outlet reputation, the profile of the article's
//! claims, and the cross-source consistency of those claims — the *reason*
//! (feature group) each number belongs to, and the [`Direction`] a number is
//! expected to push credibility in (what a monotone model may learn).
//!
//! Training and scoring both build rows with [`credibility_features`], so what the
//! model learnt from is exactly what it is shown.

use crosscheck_link::{Consistency, CONSISTENCY_FEATURES};
use crosscheck_schema::{
    ArticleAnalysis, CasualtyCategory, EntityKind, EventType, Signal, SourceKind,
};

use crate::features::{feature_values, per_1k, word_count, FEATURE_NAMES};
use crate::kinds;
use crate::outlets::{OutletCategory, OutletInfo};

/// The kind of the signal the pipeline adds for propaganda-technique spans.
pub const PROPAGANDA_TECHNIQUES: &str = "propaganda_techniques";

/// Which block a feature belongs to: what a model variant may use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Block {
    /// Writing signals (`docs/signals.md`) and propaganda-technique density.
    Signals,
    /// Outlet reputation from the outlet table (unknown is its own value).
    Outlet,
    /// What the article's extracted claims are: casualty counts, victims, who is
    /// cited, event types.
    Claims,
    /// Cross-source consistency from linking (`crosscheck_link::Consistency`).
    Consistency,
}

impl Block {
    pub const ALL: [Block; 4] = [
        Block::Signals,
        Block::Outlet,
        Block::Claims,
        Block::Consistency,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            Block::Signals => "signals",
            Block::Outlet => "outlet",
            Block::Claims => "claims",
            Block::Consistency => "consistency",
        }
    }

    pub fn parse(s: &str) -> Option<Block> {
        Block::ALL.into_iter().find(|b| b.as_str() == s)
    }
}

/// One feature: its name, block, the reason (group) its contribution is
/// reported under, and the way it is expected to move credibility.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FeatureSpec {
    pub name: &'static str,
    pub block: Block,
    /// The `kind` of the reason in `Credibility.signals`.
    pub reason: &'static str,
    /// See [`direction`].
    pub direction: Direction,
}

/// A feature of no stated direction ([`Direction::Either`]).
const fn spec(name: &'static str, block: Block, reason: &'static str) -> FeatureSpec {
    FeatureSpec {
        name,
        block,
        reason,
        direction: Direction::Either,
    }
}

impl FeatureSpec {
    /// More of it, less credible.
    const fn lowers(self) -> FeatureSpec {
        FeatureSpec {
            direction: Direction::Lowers,
            ..self
        }
    }

    /// More of it, more credible.
    const fn raises(self) -> FeatureSpec {
        FeatureSpec {
            direction: Direction::Raises,
            ..self
        }
    }
}

/// Reason kinds that are not signal kinds.
pub mod reasons {
    /// Outlet reputation (all outlet features, unknown outlet included).
    pub const OUTLET: &str = "outlet_reputation";
    /// Casualty counts and victim classes the article states.
    pub const CASUALTY_CLAIMS: &str = "casualty_claims";
    /// Who the article's claims are attributed to, hedged or quoted.
    pub const CLAIM_SOURCING: &str = "claim_sourcing";
    /// Event types, actors, dates and places of its claims.
    pub const EVENT_PROFILE: &str = "event_profile";
    /// Claims contradicted by other independent reports.
    pub const CONTRADICTED: &str = "contradicted_claims";
    /// Claims corroborated by independent sources.
    pub const CORROBORATED: &str = "corroborated_claims";
    /// Its death toll against the other independent reports of the same event.
    pub const TOLL_DEVIATION: &str = "casualty_count_deviation";
    /// Whether other independent outlets report its events at all.
    pub const COVERAGE: &str = "cross_source_coverage";
    /// The article copies another.
    pub const COPY: &str = "copy";
}

/// Every feature, in row order. Signals first (from [`feature_vector`](crate::feature_vector), whose
/// outlet part forms the outlet block), then claims, then consistency, then the
/// two derived columns of the style and outlet components.
pub const FEATURES: [FeatureSpec; 85] = [
    // Signals (feature_vector's first 23, then propaganda).
    spec("log_words", Block::Signals, kinds::WORD_COUNT),
    spec("scare_quotes_per_1k", Block::Signals, kinds::SCARE_QUOTES).lowers(),
    spec("all_caps_per_1k", Block::Signals, kinds::ALL_CAPS).lowers(),
    spec(
        "rhetorical_questions_per_1k",
        Block::Signals,
        kinds::RHETORICAL_QUESTIONS,
    )
    .lowers(),
    spec("exclamations_per_1k", Block::Signals, kinds::EXCLAMATIONS).lowers(),
    spec("dehumanising_per_1k", Block::Signals, kinds::DEHUMANISING).lowers(),
    spec(
        "loaded_language_per_1k",
        Block::Signals,
        kinds::LOADED_LANGUAGE,
    )
    .lowers(),
    spec("hedges_per_1k", Block::Signals, kinds::HEDGES),
    spec(
        "verification_caveats_per_1k",
        Block::Signals,
        kinds::VERIFICATION_CAVEATS,
    ),
    spec("speculation_per_1k", Block::Signals, kinds::SPECULATION).lowers(),
    spec("first_person_per_1k", Block::Signals, kinds::FIRST_PERSON).lowers(),
    spec("clickbait_per_1k", Block::Signals, kinds::CLICKBAIT).lowers(),
    spec("appeals_per_1k", Block::Signals, kinds::APPEALS).lowers(),
    spec(
        "primary_quotes_per_1k",
        Block::Signals,
        kinds::PRIMARY_QUOTES,
    )
    .raises(),
    spec("attributions_per_1k", Block::Signals, kinds::ATTRIBUTIONS).raises(),
    spec(
        "question_headline",
        Block::Signals,
        kinds::QUESTION_HEADLINE,
    )
    .lowers(),
    spec("comment_residue", Block::Signals, kinds::COMMENT_RESIDUE).lowers(),
    spec(
        "anonymous_source_share",
        Block::Signals,
        kinds::ANONYMOUS_SOURCES,
    )
    .lowers(),
    spec("no_attribution", Block::Signals, kinds::ATTRIBUTIONS).lowers(),
    spec("distinct_sources", Block::Signals, kinds::DISTINCT_SOURCES).raises(),
    // Outlet (feature_vector's last 17).
    spec("outlet_resolved", Block::Outlet, reasons::OUTLET),
    spec("outlet_reliable", Block::Outlet, reasons::OUTLET).raises(),
    spec("outlet_mixed", Block::Outlet, reasons::OUTLET),
    spec("outlet_hyperpartisan", Block::Outlet, reasons::OUTLET).lowers(),
    spec("outlet_unreliable", Block::Outlet, reasons::OUTLET).lowers(),
    spec("outlet_fake", Block::Outlet, reasons::OUTLET).lowers(),
    spec("outlet_satire", Block::Outlet, reasons::OUTLET).lowers(),
    spec("outlet_conspiracy", Block::Outlet, reasons::OUTLET).lowers(),
    spec("outlet_propaganda", Block::Outlet, reasons::OUTLET).lowers(),
    spec("outlet_state", Block::Outlet, reasons::OUTLET),
    spec("outlet_partisan", Block::Outlet, reasons::OUTLET),
    spec("outlet_unknown", Block::Outlet, reasons::OUTLET),
    spec("outlet_reliability", Block::Outlet, reasons::OUTLET).raises(),
    spec("outlet_reliability_known", Block::Outlet, reasons::OUTLET),
    spec("outlet_state_owned", Block::Outlet, reasons::OUTLET),
    spec("outlet_party_owned", Block::Outlet, reasons::OUTLET),
    spec("outlet_newsguard", Block::Outlet, reasons::OUTLET).raises(),
    spec("outlet_newsguard_known", Block::Outlet, reasons::OUTLET),
    spec("outlet_mbfc_factual", Block::Outlet, reasons::OUTLET).raises(),
    spec("outlet_mbfc_factual_known", Block::Outlet, reasons::OUTLET),
    spec("propaganda_per_1k", Block::Signals, PROPAGANDA_TECHNIQUES).lowers(),
    // Claims profile.
    spec("claims_log", Block::Claims, reasons::EVENT_PROFILE),
    spec("claims_per_1k", Block::Claims, reasons::EVENT_PROFILE),
    spec("event_claim_share", Block::Claims, reasons::EVENT_PROFILE),
    spec(
        "killed_claim_share",
        Block::Claims,
        reasons::CASUALTY_CLAIMS,
    ),
    spec("killed_log_max", Block::Claims, reasons::CASUALTY_CLAIMS),
    spec("killed_log_first", Block::Claims, reasons::CASUALTY_CLAIMS),
    spec(
        "killed_open_ended_share",
        Block::Claims,
        reasons::CASUALTY_CLAIMS,
    ),
    spec(
        "killed_update_share",
        Block::Claims,
        reasons::CASUALTY_CLAIMS,
    ),
    spec(
        "victims_civilian_share",
        Block::Claims,
        reasons::CASUALTY_CLAIMS,
    ),
    spec(
        "victims_combatant_share",
        Block::Claims,
        reasons::CASUALTY_CLAIMS,
    ),
    spec(
        "injured_claim_share",
        Block::Claims,
        reasons::CASUALTY_CLAIMS,
    ),
    spec("own_voice_share", Block::Claims, reasons::CLAIM_SOURCING),
    spec(
        "source_official_share",
        Block::Claims,
        reasons::CLAIM_SOURCING,
    ),
    spec("source_media_share", Block::Claims, reasons::CLAIM_SOURCING),
    spec(
        "source_monitor_share",
        Block::Claims,
        reasons::CLAIM_SOURCING,
    ),
    spec(
        "source_armed_group_share",
        Block::Claims,
        reasons::CLAIM_SOURCING,
    ),
    spec(
        "source_anonymous_share",
        Block::Claims,
        reasons::CLAIM_SOURCING,
    ),
    spec("hedged_claim_share", Block::Claims, reasons::CLAIM_SOURCING),
    spec("quoted_claim_share", Block::Claims, reasons::CLAIM_SOURCING),
    spec("actor_state_share", Block::Claims, reasons::EVENT_PROFILE),
    spec(
        "actor_armed_group_share",
        Block::Claims,
        reasons::EVENT_PROFILE,
    ),
    spec("strike_share", Block::Claims, reasons::EVENT_PROFILE),
    spec("ground_share", Block::Claims, reasons::EVENT_PROFILE),
    spec("dated_share", Block::Claims, reasons::EVENT_PROFILE),
    spec("placed_share", Block::Claims, reasons::EVENT_PROFILE),
    spec("denied_share", Block::Claims, reasons::EVENT_PROFILE),
    // Consistency, in CONSISTENCY_FEATURES order.
    spec("consistency_linked", Block::Consistency, reasons::COVERAGE),
    spec(
        "consistency_event_claims",
        Block::Consistency,
        reasons::COVERAGE,
    ),
    spec(
        "consistency_shared_share",
        Block::Consistency,
        reasons::COVERAGE,
    )
    .raises(),
    spec(
        "consistency_contradicted_share",
        Block::Consistency,
        reasons::CONTRADICTED,
    )
    .lowers(),
    spec(
        "consistency_corroborated_share",
        Block::Consistency,
        reasons::CORROBORATED,
    )
    .raises(),
    spec(
        "consistency_single_source_share",
        Block::Consistency,
        reasons::CORROBORATED,
    ),
    spec(
        "consistency_killed_claims",
        Block::Consistency,
        reasons::TOLL_DEVIATION,
    ),
    spec(
        "consistency_killed_compared",
        Block::Consistency,
        reasons::TOLL_DEVIATION,
    ),
    spec(
        "consistency_killed_others",
        Block::Consistency,
        reasons::TOLL_DEVIATION,
    ),
    spec(
        "consistency_killed_deviation",
        Block::Consistency,
        reasons::TOLL_DEVIATION,
    ),
    spec(
        "consistency_killed_abs_deviation",
        Block::Consistency,
        reasons::TOLL_DEVIATION,
    )
    .lowers(),
    spec(
        "consistency_killed_agreement",
        Block::Consistency,
        reasons::TOLL_DEVIATION,
    )
    .raises(),
    spec(
        "consistency_killed_contradicted",
        Block::Consistency,
        reasons::CONTRADICTED,
    )
    .lowers(),
    spec(
        "consistency_max_sources",
        Block::Consistency,
        reasons::CORROBORATED,
    )
    .raises(),
    spec(
        "consistency_other_outlets",
        Block::Consistency,
        reasons::COVERAGE,
    )
    .raises(),
    spec("consistency_copy", Block::Consistency, reasons::COPY),
    // Derived.
    spec(
        "loaded_dehumanising_per_1k",
        Block::Signals,
        kinds::LOADED_LANGUAGE,
    )
    .lowers(),
    spec("outlet_reputation", Block::Outlet, reasons::OUTLET).raises(),
];

/// Number of features in a row.
pub const N_FEATURES: usize = FEATURES.len();

/// Index of the first claims-profile feature and of the first consistency feature.
const CLAIMS_AT: usize = 41;
const CONSISTENCY_AT: usize = 67;
const DERIVED_AT: usize = 83;

/// Which way a feature is expected to move credibility, all else equal. A
/// monotone learner (`train::Learner::Monotone`) keeps each weight on its side
/// (or at zero when the data disagree), so that no reason ever says "dehumanising
/// language made this more credible" because of a quirk of the training set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// More of it, more credible (named sources, corroboration, a reliable outlet).
    Raises,
    /// More of it, less credible (ALL-CAPS, clickbait, contradicted claims).
    Lowers,
    /// No stated direction: the data decide.
    Either,
}

/// The expected direction of a feature (see [`Direction`]; `docs/signals.md`,
/// "Credibility"): its [`FeatureSpec::direction`], [`Direction::Either`] for a
/// name that is not a feature.
pub fn direction(feature: &str) -> Direction {
    FEATURES
        .iter()
        .find(|f| f.name == feature)
        .map_or(Direction::Either, |f| f.direction)
}

/// One number for what the lists say about an outlet, in -1..1: its reliability
/// rating when it has one (mean of MBFC factual reporting, NewsGuard and
/// Wikipedia's verdict, `docs/signals.md`); otherwise 1 for a `reliable`
/// category, -1 for `hyperpartisan`, `unreliable`, `fake`, `satire`,
/// `conspiracy` and `propaganda`, and 0 — no evidence either way — for `mixed`,
/// `state`, `partisan` and `unknown` outlets and for an outlet the table does not
/// know.
pub fn outlet_reputation(outlet: Option<&OutletInfo>) -> f32 {
    let Some(o) = outlet else { return 0.0 };
    if let Some(r) = o.reliability.filter(|r| r.is_finite()) {
        return r.clamp(-1.0, 1.0);
    }
    match o.category {
        OutletCategory::Reliable => 1.0,
        OutletCategory::Hyperpartisan
        | OutletCategory::Unreliable
        | OutletCategory::Fake
        | OutletCategory::Satire
        | OutletCategory::Conspiracy
        | OutletCategory::Propaganda => -1.0,
        OutletCategory::Mixed
        | OutletCategory::State
        | OutletCategory::Partisan
        | OutletCategory::Unknown => 0.0,
    }
}

/// The feature row of an article. `consistency` is `None` when linking did not
/// run: the consistency block is then all zero, as for an article nobody else
/// reports (`consistency_linked` = 0 tells the two apart).
pub fn credibility_features(
    article: &ArticleAnalysis,
    outlet: Option<&OutletInfo>,
    consistency: Option<&Consistency>,
) -> Vec<f32> {
    let (before, after) = article_features(article, outlet);
    assemble_row(&before, consistency, &after)
}

/// The parts of an article's row that do not depend on linking: the features
/// before the consistency block and the derived ones after it, as
/// [`credibility_features`] computes them (not yet cleared of non-finite values).
pub(crate) fn article_features(
    article: &ArticleAnalysis,
    outlet: Option<&OutletInfo>,
) -> (Vec<f32>, Vec<f32>) {
    let mut row = Vec::with_capacity(CONSISTENCY_AT);
    feature_values(&article.signals, outlet, &mut row);
    let per_1k = per_1k(word_count(&article.signals));
    row.push(signal(&article.signals, PROPAGANDA_TECHNIQUES).map_or(0.0, |s| s.value) * per_1k);
    debug_assert_eq!(row.len(), CLAIMS_AT);
    claims_profile(article, per_1k, &mut row);
    debug_assert_eq!(row.len(), CONSISTENCY_AT);
    // Dehumanising labels are loaded language at its strongest; counted together
    // they can be weighed on data where they alone are too rare (0.01 per 1,000
    // words in Horne 2017).
    let count = |kind: &str| signal(&article.signals, kind).map_or(0.0, |s| s.value.max(0.0));
    let after = vec![
        (count(kinds::LOADED_LANGUAGE) + count(kinds::DEHUMANISING)) * per_1k,
        outlet_reputation(outlet),
    ];
    debug_assert_eq!(after.len(), N_FEATURES - DERIVED_AT);
    (row, after)
}

/// The full row from [`article_features`] and the consistency block (all zero
/// without linking), non-finite values set to 0.
pub(crate) fn assemble_row(
    before: &[f32],
    consistency: Option<&Consistency>,
    after: &[f32],
) -> Vec<f32> {
    let mut row = Vec::with_capacity(N_FEATURES);
    row.extend_from_slice(before);
    debug_assert_eq!(row.len(), CONSISTENCY_AT);
    match consistency {
        Some(c) => row.extend(c.features().into_iter().map(|(_, v)| v)),
        None => row.extend(std::iter::repeat_n(0.0, CONSISTENCY_FEATURES.len())),
    }
    debug_assert_eq!(row.len(), DERIVED_AT);
    row.extend_from_slice(after);
    debug_assert_eq!(row.len(), N_FEATURES);
    for v in &mut row {
        if !v.is_finite() {
            *v = 0.0;
        }
    }
    row
}

/// The row of an outlet alone: the outlet block and `outlet_reputation` filled
/// in, everything else zero. For outlet-level labels that come without any text
/// (posts rated by page), to train the outlet component on.
pub fn outlet_row(outlet: Option<&OutletInfo>) -> Vec<f32> {
    let mut row = vec![0f32; N_FEATURES];
    let mut values = Vec::with_capacity(FEATURE_NAMES.len());
    feature_values(&[], outlet, &mut values);
    for (i, v) in values.into_iter().enumerate() {
        if FEATURES[i].block == Block::Outlet && v.is_finite() {
            row[i] = v;
        }
    }
    row[N_FEATURES - 1] = outlet_reputation(outlet);
    row
}

fn signal<'a>(signals: &'a [Signal], kind: &str) -> Option<&'a Signal> {
    signals.iter().find(|s| s.kind == kind)
}

fn claims_profile(article: &ArticleAnalysis, per_1k: f32, row: &mut Vec<f32>) {
    let claims = &article.claims;
    let n = claims.len() as f32;
    let share = |k: usize| if n > 0.0 { k as f32 / n } else { 0.0 };
    let frames: Vec<_> = claims.iter().filter_map(|c| c.event.as_ref()).collect();
    let nf = frames.len() as f32;
    let fshare = |k: usize| if nf > 0.0 { k as f32 / nf } else { 0.0 };
    let killed: Vec<_> = frames.iter().filter_map(|f| f.killed.as_ref()).collect();
    let nk = killed.len() as f32;
    let kshare = |k: usize| if nk > 0.0 { k as f32 / nk } else { 0.0 };
    let mid = |c: &crosscheck_schema::Casualties| match c.max {
        Some(m) => (c.min as f32 + m.max(c.min) as f32) / 2.0,
        None => c.min as f32,
    };
    let innermost = |c: &crosscheck_schema::Claim| c.attribution.chain.last().map(|s| s.kind);
    let count =
        |f: &dyn Fn(&crosscheck_schema::Claim) -> bool| claims.iter().filter(|c| f(c)).count();
    let source = |k: SourceKind| count(&|c| innermost(c) == Some(k));

    row.push(n.ln_1p());
    row.push(n * per_1k);
    row.push(share(frames.len()));
    row.push(fshare(killed.len()));
    row.push(killed.iter().map(|c| mid(c)).fold(0f32, f32::max).ln_1p());
    row.push(killed.first().map_or(0.0, |c| mid(c).ln_1p()));
    row.push(kshare(killed.iter().filter(|c| c.max.is_none()).count()));
    row.push(kshare(killed.iter().filter(|c| c.update).count()));
    row.push(kshare(
        killed
            .iter()
            .filter(|c| {
                matches!(
                    c.category,
                    CasualtyCategory::People
                        | CasualtyCategory::Civilians
                        | CasualtyCategory::Children
                        | CasualtyCategory::Women
                        | CasualtyCategory::Medics
                        | CasualtyCategory::Journalists
                )
            })
            .count(),
    ));
    row.push(kshare(
        killed
            .iter()
            .filter(|c| {
                matches!(
                    c.category,
                    CasualtyCategory::Soldiers
                        | CasualtyCategory::Fighters
                        | CasualtyCategory::Militants
                        | CasualtyCategory::Police
                )
            })
            .count(),
    ));
    row.push(fshare(
        frames.iter().filter(|f| f.injured.is_some()).count(),
    ));
    row.push(share(count(&|c| c.attribution.chain.is_empty())));
    row.push(share(source(SourceKind::Official)));
    row.push(share(source(SourceKind::Media)));
    row.push(share(source(SourceKind::Monitor)));
    row.push(share(source(SourceKind::ArmedGroup)));
    row.push(share(source(SourceKind::Anonymous)));
    row.push(share(count(&|c| c.attribution.hedged)));
    row.push(share(count(&|c| c.attribution.quoted)));
    let actor = |kinds: &[EntityKind]| {
        fshare(
            frames
                .iter()
                .filter(|f| f.actor.as_ref().is_some_and(|a| kinds.contains(&a.kind)))
                .count(),
        )
    };
    row.push(actor(&[EntityKind::State, EntityKind::StateForce]));
    row.push(actor(&[EntityKind::ArmedGroup]));
    let types =
        |ts: &[EventType]| fshare(frames.iter().filter(|f| ts.contains(&f.event_type)).count());
    row.push(types(&[
        EventType::Airstrike,
        EventType::Shelling,
        EventType::Bombing,
        EventType::ChemicalAttack,
    ]));
    row.push(types(&[
        EventType::GroundAttack,
        EventType::Capture,
        EventType::Siege,
    ]));
    row.push(fshare(frames.iter().filter(|f| f.date.is_some()).count()));
    row.push(fshare(frames.iter().filter(|f| f.place.is_some()).count()));
    row.push(fshare(frames.iter().filter(|f| f.denied).count()));
}

/// The indices of the features of the given blocks.
pub fn block_columns(blocks: &[Block]) -> Vec<usize> {
    FEATURES
        .iter()
        .enumerate()
        .filter(|(_, f)| blocks.contains(&f.block))
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::feature_vector;

    #[test]
    fn the_table_matches_the_builders() {
        let names: Vec<String> = feature_vector(&[], None)
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(names.len(), CLAIMS_AT - 1);
        for (i, n) in names.iter().enumerate() {
            assert_eq!(FEATURES[i].name, n, "feature {i}");
        }
        for (i, n) in CONSISTENCY_FEATURES.iter().enumerate() {
            assert_eq!(FEATURES[CONSISTENCY_AT + i].name, *n);
        }
        assert_eq!(CONSISTENCY_AT + CONSISTENCY_FEATURES.len(), DERIVED_AT);
        assert_eq!(DERIVED_AT + 2, N_FEATURES);
        let mut unique: Vec<&str> = FEATURES.iter().map(|f| f.name).collect();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), N_FEATURES);
    }
}
