//! The SemEval-2020 Task 11 scorers, re-implemented.
//!
//! **Span identification** ([`score_si`]), as `task-SI_scorer.py` does it: within
//! each article the gold spans that share a character are merged (and so are the
//! predicted ones, as the scorer's `-m` option does); then
//!
//! ```text
//! precision = Σ_predicted |p ∩ gold| / |p|  ÷  number of predicted spans
//! recall    = Σ_gold      |g ∩ pred| / |g|  ÷  number of gold spans
//! ```
//!
//! and F1 is their harmonic mean (1 when both sides are empty, 0 when either is 0).
//! Predictions for an article without gold spans earn nothing (the official script
//! stops on them).
//!
//! **Technique classification** ([`score_tc`]), as `task-TC_scorer.py` does it: the
//! submission labels exactly the gold spans (same articles, same spans, as many lines
//! per span); where a span carries several gold techniques, predictions are aligned
//! with them so that as many as possible match; micro-averaged F1 is then the share
//! of correct labels, and per-technique F1 comes from the aligned pairs.
//!
//! Both work in whatever unit the annotations use; the official one is the code
//! point.

use std::collections::BTreeMap;
use std::fmt;

use crate::corpus::Annotation;
use crate::technique::Technique;

/// Span-identification figures.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SiScore {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Predicted spans after merging overlaps.
    pub predicted: usize,
    /// Gold spans after merging overlaps.
    pub gold: usize,
}

/// Precision, recall and F1 of one technique.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ClassScore {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Gold spans of this technique.
    pub support: usize,
}

/// Technique-classification figures.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TcScore {
    /// Micro-averaged F1 (= precision = recall = accuracy here).
    pub micro_f1: f64,
    pub correct: usize,
    pub total: usize,
    /// One entry per technique, in [`Technique::ALL`] order.
    pub per_technique: Vec<(Technique, ClassScore)>,
}

/// Why a TC submission cannot be scored (the official scorer refuses it too).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScoreError(pub String);

impl fmt::Display for ScoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot score technique classification: {}", self.0)
    }
}

impl std::error::Error for ScoreError {}

/// Sorted, merged spans per article; spans that share a unit are merged, adjacent
/// ones are not.
fn merged_by_article(annotations: &[Annotation]) -> BTreeMap<&str, Vec<(usize, usize)>> {
    let mut map: BTreeMap<&str, Vec<(usize, usize)>> = BTreeMap::new();
    for a in annotations.iter().filter(|a| a.start < a.end) {
        map.entry(a.article_id.as_str())
            .or_default()
            .push((a.start, a.end));
    }
    for spans in map.values_mut() {
        *spans = merge_overlapping(std::mem::take(spans));
    }
    map
}

/// Merges spans that share at least one unit (`[0,5)` and `[5,9)` stay apart).
pub(crate) fn merge_overlapping(mut spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    spans.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (s, e) in spans {
        match out.last_mut() {
            Some(last) if s < last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// `Σ_a |a ∩ B| / |a|` over the spans `a` of `a_spans`; both sorted and disjoint.
fn covered_fraction_sum(a_spans: &[(usize, usize)], b_spans: &[(usize, usize)]) -> f64 {
    let mut sum = 0.0;
    let mut j = 0;
    for &(s, e) in a_spans {
        while j < b_spans.len() && b_spans[j].1 <= s {
            j += 1;
        }
        let mut inter = 0;
        let mut k = j;
        while k < b_spans.len() && b_spans[k].0 < e {
            inter += e.min(b_spans[k].1) - s.max(b_spans[k].0);
            k += 1;
        }
        sum += inter as f64 / (e - s) as f64;
    }
    sum
}

/// The official precision/recall/F1 combination.
fn prf(p_num: f64, p_den: usize, r_num: f64, r_den: usize) -> (f64, f64, f64) {
    let p = if p_den > 0 { p_num / p_den as f64 } else { 0.0 };
    let r = if r_den > 0 { r_num / r_den as f64 } else { 0.0 };
    let f1 = if p_den == 0 && r_den == 0 {
        1.0
    } else if p > 0.0 && r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f1)
}

/// Scores predicted spans against gold spans (techniques are ignored), as the
/// official SI scorer does. See the module documentation.
pub fn score_si(gold: &[Annotation], predicted: &[Annotation]) -> SiScore {
    let gold = merged_by_article(gold);
    let pred = merged_by_article(predicted);
    let n_gold: usize = gold.values().map(Vec::len).sum();
    let n_pred: usize = pred.values().map(Vec::len).sum();
    let (mut p_num, mut r_num) = (0.0, 0.0);
    for (article, p) in &pred {
        if let Some(g) = gold.get(article) {
            p_num += covered_fraction_sum(p, g);
            r_num += covered_fraction_sum(g, p);
        }
    }
    let (precision, recall, f1) = prf(p_num, n_pred, r_num, n_gold);
    SiScore {
        precision,
        recall,
        f1,
        predicted: n_pred,
        gold: n_gold,
    }
}

/// Per technique, how much of its gold spans the predicted spans cover (the SI
/// recall restricted to one technique; gold spans are not merged across
/// techniques here, so each technique is judged on its own spans).
pub fn si_recall_by_technique(
    gold: &[Annotation],
    predicted: &[Annotation],
) -> Vec<(Technique, f64, usize)> {
    let pred = merged_by_article(predicted);
    Technique::ALL
        .iter()
        .map(|&t| {
            let of_t: Vec<Annotation> = gold
                .iter()
                .filter(|a| a.technique == Some(t))
                .cloned()
                .collect();
            let g = merged_by_article(&of_t);
            let n: usize = g.values().map(Vec::len).sum();
            let covered: f64 = g
                .iter()
                .map(|(article, spans)| {
                    pred.get(article)
                        .map_or(0.0, |p| covered_fraction_sum(spans, p))
                })
                .sum();
            (t, if n > 0 { covered / n as f64 } else { 0.0 }, n)
        })
        .collect()
}

/// Scores predicted techniques for the gold spans, as the official TC scorer does.
/// See the module documentation.
pub fn score_tc(gold: &[Annotation], predicted: &[Annotation]) -> Result<TcScore, ScoreError> {
    let g = group_by_span(gold);
    let p = group_by_span(predicted);
    if g.len() != p.len() || g.keys().zip(p.keys()).any(|(a, b)| a != b) {
        let missing = g.keys().find(|k| !p.contains_key(*k));
        let extra = p.keys().find(|k| !g.contains_key(*k));
        return Err(ScoreError(match (missing, extra) {
            (Some(k), _) => format!("gold span {}:{}-{} has no prediction", k.0, k.1, k.2),
            (_, Some(k)) => format!("predicted span {}:{}-{} is not a gold span", k.0, k.1, k.2),
            _ => "the spans differ".into(),
        }));
    }
    let n = Technique::ALL.len();
    let (mut tp, mut fp, mut fn_) = (vec![0usize; n], vec![0usize; n], vec![0usize; n]);
    let mut support = vec![0usize; n];
    let (mut correct, mut total) = (0, 0);
    for (key, gold_labels) in &g {
        let mut preds = p.get(key).cloned().unwrap_or_default();
        if preds.len() != gold_labels.len() {
            return Err(ScoreError(format!(
                "span {}:{}-{} has {} gold labels and {} predictions",
                key.0,
                key.1,
                key.2,
                gold_labels.len(),
                preds.len()
            )));
        }
        // Align: every prediction that equals an unmatched gold label matches it.
        let mut unmatched_gold = Vec::new();
        for &gl in gold_labels {
            match preds.iter().position(|&pl| pl == gl && pl.is_some()) {
                Some(i) => {
                    preds.remove(i);
                    if let Some(t) = gl {
                        tp[t.index()] += 1;
                        support[t.index()] += 1;
                    }
                    correct += 1;
                }
                None => unmatched_gold.push(gl),
            }
            total += 1;
        }
        for (gl, pl) in unmatched_gold.into_iter().zip(preds) {
            if let Some(t) = gl {
                fn_[t.index()] += 1;
                support[t.index()] += 1;
            }
            if let Some(t) = pl {
                fp[t.index()] += 1;
            }
        }
    }
    let per_technique = Technique::ALL
        .iter()
        .map(|&t| {
            let i = t.index();
            let precision = ratio(tp[i], tp[i] + fp[i]);
            let recall = ratio(tp[i], tp[i] + fn_[i]);
            let f1 = if precision + recall > 0.0 {
                2.0 * precision * recall / (precision + recall)
            } else {
                0.0
            };
            (
                t,
                ClassScore {
                    precision,
                    recall,
                    f1,
                    support: support[i],
                },
            )
        })
        .collect();
    Ok(TcScore {
        micro_f1: ratio(correct, total),
        correct,
        total,
        per_technique,
    })
}

type BySpan<'a> = BTreeMap<(&'a str, usize, usize), Vec<Option<Technique>>>;

fn group_by_span(annotations: &[Annotation]) -> BySpan<'_> {
    let mut map = BySpan::new();
    for a in annotations {
        map.entry((a.article_id.as_str(), a.start, a.end))
            .or_default()
            .push(a.technique);
    }
    map
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ann(id: &str, start: usize, end: usize, t: Option<Technique>) -> Annotation {
        Annotation {
            article_id: id.into(),
            start,
            end,
            technique: t,
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn partial_overlap_earns_partial_credit() {
        // Gold [0,10) and [20,30); one prediction [5,25) covers half of each gold
        // span and is half inside gold: P = 10/20 = 0.5, R = (0.5 + 0.5) / 2 = 0.5.
        let gold = [ann("1", 0, 10, None), ann("1", 20, 30, None)];
        let s = score_si(&gold, &[ann("1", 5, 25, None)]);
        assert!(close(s.precision, 0.5) && close(s.recall, 0.5) && close(s.f1, 0.5));
        assert_eq!((s.predicted, s.gold), (1, 2));
    }

    #[test]
    fn exact_and_disjoint_predictions() {
        let gold = [ann("1", 0, 10, None), ann("2", 0, 4, None)];
        let s = score_si(&gold, &gold);
        assert!(close(s.f1, 1.0));
        // A second, wrong prediction halves precision; the other article's gold span
        // stays unfound.
        let s = score_si(&gold, &[ann("1", 0, 10, None), ann("1", 50, 60, None)]);
        assert!(close(s.precision, 0.5) && close(s.recall, 0.5));
        // Predictions on an article without gold earn nothing.
        let s = score_si(&gold, &[ann("9", 0, 10, None)]);
        assert!(close(s.precision, 0.0) && close(s.f1, 0.0));
        assert!(close(score_si(&[], &[]).f1, 1.0));
    }

    #[test]
    fn overlapping_gold_spans_are_merged_first() {
        // Two techniques on overlapping fragments count as one gold span [0,15):
        // predicting [0,5) gives P = 1, R = 5/15.
        let gold = [
            ann("1", 0, 10, Some(Technique::Doubt)),
            ann("1", 5, 15, Some(Technique::LoadedLanguage)),
            ann("1", 15, 20, Some(Technique::Slogans)), // adjacent: not merged
        ];
        let s = score_si(&gold, &[ann("1", 0, 5, None)]);
        assert_eq!(s.gold, 2);
        assert!(close(s.precision, 1.0));
        assert!(close(s.recall, (5.0 / 15.0) / 2.0));
        let by_t = si_recall_by_technique(&gold, &[ann("1", 0, 5, None)]);
        let doubt = by_t.iter().find(|x| x.0 == Technique::Doubt).unwrap();
        assert!(close(doubt.1, 0.5) && doubt.2 == 1);
    }

    #[test]
    fn worked_example_with_known_value() {
        // Gold: [10,20), [30,50). Predicted: [12,22) (8 of 10 inside), [40,45)
        // (inside), [60,70) (outside).
        // P = (0.8 + 1 + 0) / 3 = 0.6; R = (8/10 + 5/20) / 2 = 0.525;
        // F1 = 2·0.6·0.525 / 1.125 = 0.56.
        let gold = [ann("a", 10, 20, None), ann("a", 30, 50, None)];
        let pred = [
            ann("a", 12, 22, None),
            ann("a", 40, 45, None),
            ann("a", 60, 70, None),
        ];
        let s = score_si(&gold, &pred);
        assert!(close(s.precision, 0.6), "{s:?}");
        assert!(close(s.recall, 0.525), "{s:?}");
        assert!(close(s.f1, 0.56), "{s:?}");
    }

    #[test]
    fn tc_aligns_multi_label_spans() {
        use Technique::*;
        let gold = [
            ann("1", 0, 10, Some(Doubt)),
            ann("1", 0, 10, Some(LoadedLanguage)),
            ann("1", 20, 30, Some(Slogans)),
            ann("2", 0, 5, Some(Repetition)),
        ];
        // Doubt/Loaded predicted in the other order still both count; the slogan is
        // called Loaded_Language: 3 of 4 right.
        let pred = [
            ann("1", 0, 10, Some(LoadedLanguage)),
            ann("1", 0, 10, Some(Doubt)),
            ann("1", 20, 30, Some(LoadedLanguage)),
            ann("2", 0, 5, Some(Repetition)),
        ];
        let s = score_tc(&gold, &pred).unwrap();
        assert_eq!((s.correct, s.total), (3, 4));
        assert!(close(s.micro_f1, 0.75));
        let get = |t: Technique| s.per_technique[t.index()].1;
        assert!(close(get(Slogans).f1, 0.0) && get(Slogans).support == 1);
        // Loaded: tp 1, fp 1 → P 0.5, R 1, F1 2/3.
        assert!(close(get(LoadedLanguage).f1, 2.0 / 3.0));
        assert!(close(get(Repetition).f1, 1.0));
    }

    #[test]
    fn tc_refuses_other_spans() {
        let gold = [ann("1", 0, 10, Some(Technique::Doubt))];
        assert!(score_tc(&gold, &[ann("1", 0, 11, Some(Technique::Doubt))]).is_err());
        assert!(score_tc(&gold, &[]).is_err());
        let two = [
            ann("1", 0, 10, Some(Technique::Doubt)),
            ann("1", 0, 10, Some(Technique::Slogans)),
        ];
        assert!(score_tc(&gold, &two).is_err());
    }
}
