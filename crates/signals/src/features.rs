//! The signals as a fixed, named numeric vector for the credibility model.

use crosscheck_schema::Signal;

use crate::kinds;
use crate::outlets::{OutletCategory, OutletInfo, Ownership};

/// Count signals turned into rates per 1,000 words, in the order of their
/// features (`FEATURE_NAMES[1..15]`).
const RATES: [&str; 14] = [
    kinds::SCARE_QUOTES,
    kinds::ALL_CAPS,
    kinds::RHETORICAL_QUESTIONS,
    kinds::EXCLAMATIONS,
    kinds::DEHUMANISING,
    kinds::LOADED_LANGUAGE,
    kinds::HEDGES,
    kinds::VERIFICATION_CAVEATS,
    kinds::SPECULATION,
    kinds::FIRST_PERSON,
    kinds::CLICKBAIT,
    kinds::APPEALS,
    kinds::PRIMARY_QUOTES,
    kinds::ATTRIBUTIONS,
];

/// The names of [`feature_vector`]'s values, in order.
pub(crate) const FEATURE_NAMES: [&str; 40] = [
    "log_words",
    "scare_quotes_per_1k",
    "all_caps_per_1k",
    "rhetorical_questions_per_1k",
    "exclamations_per_1k",
    "dehumanising_per_1k",
    "loaded_language_per_1k",
    "hedges_per_1k",
    "verification_caveats_per_1k",
    "speculation_per_1k",
    "first_person_per_1k",
    "clickbait_per_1k",
    "appeals_per_1k",
    "primary_quotes_per_1k",
    "attributions_per_1k",
    "question_headline",
    "comment_residue",
    "anonymous_source_share",
    "no_attribution",
    "distinct_sources",
    "outlet_resolved",
    // One per `OutletCategory::ALL`, in its order.
    "outlet_reliable",
    "outlet_mixed",
    "outlet_hyperpartisan",
    "outlet_unreliable",
    "outlet_fake",
    "outlet_satire",
    "outlet_conspiracy",
    "outlet_propaganda",
    "outlet_state",
    "outlet_partisan",
    "outlet_unknown",
    "outlet_reliability",
    "outlet_reliability_known",
    "outlet_state_owned",
    "outlet_party_owned",
    "outlet_newsguard",
    "outlet_newsguard_known",
    "outlet_mbfc_factual",
    "outlet_mbfc_factual_known",
];

/// Rates are taken over at least this many words, so that a 30-word brief with
/// one "!" does not get a rate of 33 per 1,000.
const MIN_WORDS: f32 = 100.0;

fn value(signals: &[Signal], kind: &str) -> Option<f32> {
    signals.iter().find(|s| s.kind == kind).map(|s| s.value)
}

/// The article's word count (its `word_count` signal; 0 when absent).
pub(crate) fn word_count(signals: &[Signal]) -> f32 {
    value(signals, kinds::WORD_COUNT).unwrap_or(0.0).max(0.0)
}

/// What a count is multiplied by to give a rate per 1,000 words, over at least
/// [`MIN_WORDS`] words.
pub(crate) fn per_1k(words: f32) -> f32 {
    1000.0 / words.max(MIN_WORDS)
}

/// The article's features: always the same names in the same order (see
/// `docs/signals.md`, "Feature vector"), whatever signals are present.
///
/// * `log_words`: ln(1 + words);
/// * `<kind>_per_1k`: count signals per 1,000 words;
/// * `question_headline` (0/1), `comment_residue` (ln(1 + n)),
///   `anonymous_source_share` and `no_attribution` (1 when no speaker was
///   classed, and the share is then 0), `distinct_sources` (ln(1 + n));
/// * the outlet: `outlet_resolved`, one-hot `outlet_<category>` (an unresolved
///   outlet is `outlet_unknown`, never a neutral zero vector), `outlet_reliability`
///   (-1..1) with `outlet_reliability_known`, `outlet_state_owned`,
///   `outlet_party_owned`, `outlet_newsguard` (score / 100) with
///   `outlet_newsguard_known`, `outlet_mbfc_factual` (very low 0 ... very high 1)
///   with `outlet_mbfc_factual_known`.
pub fn feature_vector(signals: &[Signal], outlet: Option<&OutletInfo>) -> Vec<(String, f32)> {
    let mut values = Vec::with_capacity(FEATURE_NAMES.len());
    feature_values(signals, outlet, &mut values);
    FEATURE_NAMES
        .iter()
        .zip(values)
        .map(|(name, v)| (name.to_string(), v))
        .collect()
}

/// Appends the values of [`feature_vector`] (named by [`FEATURE_NAMES`]) to `out`.
pub(crate) fn feature_values(signals: &[Signal], outlet: Option<&OutletInfo>, out: &mut Vec<f32>) {
    let value = |kind: &str| value(signals, kind);
    let words = word_count(signals);
    let per_1k = per_1k(words);
    let mut push = |v: f32| out.push(if v.is_finite() { v } else { 0.0 });

    push(words.ln_1p());
    for kind in RATES {
        push(value(kind).unwrap_or(0.0) * per_1k);
    }
    push(value(kinds::QUESTION_HEADLINE).unwrap_or(0.0).min(1.0));
    push(value(kinds::COMMENT_RESIDUE).unwrap_or(0.0).ln_1p());
    let share = value(kinds::ANONYMOUS_SOURCES);
    push(share.unwrap_or(0.0));
    push(if share.is_none() { 1.0 } else { 0.0 });
    push(value(kinds::DISTINCT_SOURCES).unwrap_or(0.0).ln_1p());

    push(if outlet.is_some() { 1.0 } else { 0.0 });
    let category = outlet.map_or(OutletCategory::Unknown, |o| o.category);
    for c in OutletCategory::ALL {
        push(if c == category { 1.0 } else { 0.0 });
    }
    let reliability = outlet.and_then(|o| o.reliability);
    push(reliability.unwrap_or(0.0).clamp(-1.0, 1.0));
    push(known(reliability));
    let ownership = outlet.and_then(|o| o.ownership);
    push(if ownership == Some(Ownership::State) {
        1.0
    } else {
        0.0
    });
    push(if ownership == Some(Ownership::Party) {
        1.0
    } else {
        0.0
    });
    let newsguard = outlet.and_then(|o| o.labels.newsguard);
    push(newsguard.map_or(0.0, |s| (s / 100.0).clamp(0.0, 1.0)));
    push(known(newsguard));
    let factual = outlet
        .and_then(|o| o.labels.mbfc_factual.as_deref())
        .and_then(|f| match f {
            "very high" => Some(1.0),
            "high" => Some(0.75),
            "mostly factual" | "mixed" => Some(0.5),
            "low" => Some(0.25),
            "very low" => Some(0.0),
            _ => None,
        });
    push(factual.unwrap_or(0.0));
    push(known(factual));
}

fn known(v: Option<f32>) -> f32 {
    if v.is_some() {
        1.0
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Outlets;

    fn signal(kind: &str, value: f32) -> Signal {
        Signal {
            kind: kind.to_string().into(),
            value,
            weight: 0.0,
            evidence: Vec::new(),
        }
    }

    #[test]
    fn the_names_match_the_values() {
        let mut values = Vec::new();
        feature_values(&[], None, &mut values);
        assert_eq!(values.len(), FEATURE_NAMES.len());
        for (i, kind) in RATES.iter().enumerate() {
            assert_eq!(FEATURE_NAMES[1 + i], format!("{kind}_per_1k"));
        }
        for (i, c) in OutletCategory::ALL.iter().enumerate() {
            assert_eq!(FEATURE_NAMES[21 + i], format!("outlet_{}", c.as_str()));
        }
    }

    #[test]
    fn names_and_order_do_not_depend_on_the_signals_present() {
        let outlets = Outlets::new();
        let a = feature_vector(&[], None);
        let b = feature_vector(
            &[
                signal(kinds::WORD_COUNT, 500.0),
                signal(kinds::EXCLAMATIONS, 5.0),
                signal(kinds::ANONYMOUS_SOURCES, 0.5),
            ],
            outlets.resolve(Some("sana"), None),
        );
        let names = |v: &[(String, f32)]| v.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        assert_eq!(names(&a), names(&b));
        let get = |v: &[(String, f32)], n: &str| v.iter().find(|(k, _)| k == n).map(|(_, x)| *x);
        assert_eq!(get(&b, "exclamations_per_1k"), Some(10.0));
        assert_eq!(get(&b, "outlet_state"), Some(1.0));
        assert_eq!(get(&b, "outlet_state_owned"), Some(1.0));
        assert_eq!(get(&a, "outlet_unknown"), Some(1.0));
        assert_eq!(get(&a, "no_attribution"), Some(1.0));
    }
}
