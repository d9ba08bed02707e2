//! The signals as a fixed, named numeric vector for the credibility model.

use crosscheck_schema::Signal;

use crate::kinds;
use crate::outlets::{OutletCategory, OutletInfo, Ownership};

/// Count signals turned into rates per 1,000 words, with their feature names.
const RATES: [(&str, &str); 14] = [
    (kinds::SCARE_QUOTES, "scare_quotes_per_1k"),
    (kinds::ALL_CAPS, "all_caps_per_1k"),
    (kinds::RHETORICAL_QUESTIONS, "rhetorical_questions_per_1k"),
    (kinds::EXCLAMATIONS, "exclamations_per_1k"),
    (kinds::DEHUMANISING, "dehumanising_per_1k"),
    (kinds::LOADED_LANGUAGE, "loaded_language_per_1k"),
    (kinds::HEDGES, "hedges_per_1k"),
    (kinds::VERIFICATION_CAVEATS, "verification_caveats_per_1k"),
    (kinds::SPECULATION, "speculation_per_1k"),
    (kinds::FIRST_PERSON, "first_person_per_1k"),
    (kinds::CLICKBAIT, "clickbait_per_1k"),
    (kinds::APPEALS, "appeals_per_1k"),
    (kinds::PRIMARY_QUOTES, "primary_quotes_per_1k"),
    (kinds::ATTRIBUTIONS, "attributions_per_1k"),
];

/// Rates are taken over at least this many words, so that a 30-word brief with
/// one "!" does not get a rate of 33 per 1,000.
const MIN_WORDS: f32 = 100.0;

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
    let value = |kind: &str| signals.iter().find(|s| s.kind == kind).map(|s| s.value);
    let words = value(kinds::WORD_COUNT).unwrap_or(0.0).max(0.0);
    let per_1k = 1000.0 / words.max(MIN_WORDS);
    let mut out: Vec<(String, f32)> = Vec::with_capacity(48);
    let mut push =
        |name: &str, v: f32| out.push((name.to_string(), if v.is_finite() { v } else { 0.0 }));

    push("log_words", words.ln_1p());
    for (kind, name) in RATES {
        push(name, value(kind).unwrap_or(0.0) * per_1k);
    }
    push(
        "question_headline",
        value(kinds::QUESTION_HEADLINE).unwrap_or(0.0).min(1.0),
    );
    push(
        "comment_residue",
        value(kinds::COMMENT_RESIDUE).unwrap_or(0.0).ln_1p(),
    );
    let share = value(kinds::ANONYMOUS_SOURCES);
    push("anonymous_source_share", share.unwrap_or(0.0));
    push("no_attribution", if share.is_none() { 1.0 } else { 0.0 });
    push(
        "distinct_sources",
        value(kinds::DISTINCT_SOURCES).unwrap_or(0.0).ln_1p(),
    );

    push("outlet_resolved", if outlet.is_some() { 1.0 } else { 0.0 });
    let category = outlet.map_or(OutletCategory::Unknown, |o| o.category);
    for c in OutletCategory::ALL {
        push(
            &format!("outlet_{}", c.as_str()),
            if c == category { 1.0 } else { 0.0 },
        );
    }
    let reliability = outlet.and_then(|o| o.reliability);
    push(
        "outlet_reliability",
        reliability.unwrap_or(0.0).clamp(-1.0, 1.0),
    );
    push("outlet_reliability_known", known(reliability));
    let ownership = outlet.and_then(|o| o.ownership);
    push(
        "outlet_state_owned",
        if ownership == Some(Ownership::State) {
            1.0
        } else {
            0.0
        },
    );
    push(
        "outlet_party_owned",
        if ownership == Some(Ownership::Party) {
            1.0
        } else {
            0.0
        },
    );
    let newsguard = outlet.and_then(|o| o.labels.newsguard);
    push(
        "outlet_newsguard",
        newsguard.map_or(0.0, |s| (s / 100.0).clamp(0.0, 1.0)),
    );
    push("outlet_newsguard_known", known(newsguard));
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
    push("outlet_mbfc_factual", factual.unwrap_or(0.0));
    push("outlet_mbfc_factual_known", known(factual));
    out
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
            kind: kind.to_string(),
            value,
            weight: 0.0,
            evidence: Vec::new(),
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
