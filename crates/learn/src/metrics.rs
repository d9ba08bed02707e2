//! The figures every `eval` command prints: precision, recall, F1, accuracy,
//! macro-F1, ROC AUC, average precision, MAP over groups, expected calibration
//! error and confusion matrices.
//!
//! Conventions: a score `>= threshold` predicts the positive class; undefined
//! ratios (0/0) are 0, except ROC AUC, which is `None` without both classes.

use std::fmt;

/// Counts and ratios of a binary decision at one threshold.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct BinaryMetrics {
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// True negatives.
    pub tn: usize,
    /// False negatives.
    pub fn_: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl BinaryMetrics {
    /// Counts decisions `score >= threshold` against `labels`.
    pub fn at_threshold(scores: &[f32], labels: &[bool], threshold: f32) -> BinaryMetrics {
        let mut m = BinaryMetrics::default();
        for (&s, &y) in scores.iter().zip(labels) {
            match (s >= threshold, y) {
                (true, true) => m.tp += 1,
                (true, false) => m.fp += 1,
                (false, false) => m.tn += 1,
                (false, true) => m.fn_ += 1,
            }
        }
        m
    }

    /// `tp / (tp + fp)`.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// `tp / (tp + fn)`.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }

    /// `(tp + tn) / n`.
    pub fn accuracy(&self) -> f64 {
        ratio(self.tp + self.tn, self.total())
    }

    /// Number of decisions.
    pub fn total(&self) -> usize {
        self.tp + self.fp + self.tn + self.fn_
    }
}

impl fmt::Display for BinaryMetrics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "P {:.3}  R {:.3}  F1 {:.3}  acc {:.3}  (tp {} fp {} tn {} fn {})",
            self.precision(),
            self.recall(),
            self.f1(),
            self.accuracy(),
            self.tp,
            self.fp,
            self.tn,
            self.fn_
        )
    }
}

/// The threshold that maximises F1, and the metrics there. Candidate thresholds are
/// the distinct scores; on equal F1 the higher threshold wins. `None` without
/// positives.
pub fn best_f1_threshold(scores: &[f32], labels: &[bool]) -> Option<(f32, BinaryMetrics)> {
    let order = descending(scores, labels.len());
    let total_pos = order.iter().filter(|&&i| labels[i]).count();
    if total_pos == 0 {
        return None;
    }
    let n = order.len();
    let mut best: Option<(f32, BinaryMetrics)> = None;
    let (mut tp, mut fp) = (0usize, 0usize);
    let mut k = 0;
    while k < n {
        let s = scores[order[k]];
        while k < n && scores[order[k]] == s {
            if labels[order[k]] {
                tp += 1;
            } else {
                fp += 1;
            }
            k += 1;
        }
        let m = BinaryMetrics {
            tp,
            fp,
            fn_: total_pos - tp,
            tn: n - tp - fp - (total_pos - tp),
        };
        if best.is_none_or(|b| m.f1() > b.1.f1()) {
            best = Some((s, m));
        }
    }
    best
}

/// Indices of the finite scores (within `len`), by score descending; ties keep
/// input order.
fn descending(scores: &[f32], len: usize) -> Vec<usize> {
    let n = scores.len().min(len);
    let mut order: Vec<usize> = (0..n).filter(|&i| !scores[i].is_nan()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    order
}

/// Area under the ROC curve: the probability that a random positive scores above a
/// random negative, ties counting one half (Mann–Whitney). `None` without both
/// classes. NaN scores are skipped.
pub fn roc_auc(scores: &[f32], labels: &[bool]) -> Option<f64> {
    let mut order = descending(scores, labels.len());
    order.reverse(); // ascending
    let (mut pos, mut neg) = (0f64, 0f64);
    let mut rank_sum = 0f64;
    let mut k = 0;
    while k < order.len() {
        let s = scores[order[k]];
        let start = k;
        let mut tie_pos = 0f64;
        while k < order.len() && scores[order[k]] == s {
            if labels[order[k]] {
                tie_pos += 1.0;
            }
            k += 1;
        }
        // Ranks start..k (1-based: start+1..=k) share their mean rank.
        let mean_rank = (start + 1 + k) as f64 / 2.0;
        rank_sum += tie_pos * mean_rank;
        pos += tie_pos;
        neg += (k - start) as f64 - tie_pos;
    }
    if pos == 0.0 || neg == 0.0 {
        return None;
    }
    Some((rank_sum - pos * (pos + 1.0) / 2.0) / (pos * neg))
}

/// Average precision of the ranking by score descending (ties in input order), as
/// TREC and the CheckThat! scorer compute it: the mean of precision@k over the
/// ranks k of the positives. 0 without positives.
pub fn average_precision(scores: &[f32], labels: &[bool]) -> f64 {
    let order = descending(scores, labels.len());
    let mut hits = 0usize;
    let mut sum = 0f64;
    for (rank, &i) in order.iter().enumerate() {
        if labels[i] {
            hits += 1;
            sum += hits as f64 / (rank + 1) as f64;
        }
    }
    ratio_f(sum, hits as f64)
}

fn ratio_f(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        0.0
    } else {
        a / b
    }
}

/// Mean over groups of each group's average precision (e.g. one group per debate,
/// as CheckThat! Task 1 ranks each debate on its own). Groups without positives
/// are skipped; `None` when no group has one.
pub fn mean_average_precision(scores: &[f32], labels: &[bool], groups: &[u32]) -> Option<f64> {
    let n = scores.len().min(labels.len()).min(groups.len());
    let mut ids: Vec<u32> = groups[..n].to_vec();
    ids.sort_unstable();
    ids.dedup();
    let (mut sum, mut count) = (0f64, 0usize);
    let (mut s, mut l) = (Vec::new(), Vec::new());
    for g in ids {
        s.clear();
        l.clear();
        for i in (0..n).filter(|&i| groups[i] == g) {
            s.push(scores[i]);
            l.push(labels[i]);
        }
        if l.iter().any(|&y| y) {
            sum += average_precision(&s, &l);
            count += 1;
        }
    }
    (count > 0).then(|| sum / count as f64)
}

/// Expected calibration error over `bins` equal-width probability bins: the
/// example-weighted mean of |accuracy − confidence| per bin, where confidence is
/// the mean predicted probability of the positive class. 0 without data.
pub fn expected_calibration_error(probs: &[f32], labels: &[bool], bins: usize) -> f64 {
    let bins = bins.max(1);
    let mut count = vec![0usize; bins];
    let mut conf = vec![0f64; bins];
    let mut pos = vec![0f64; bins];
    let mut n = 0usize;
    for (&p, &y) in probs.iter().zip(labels) {
        if !p.is_finite() {
            continue;
        }
        let p = f64::from(p.clamp(0.0, 1.0));
        let b = ((p * bins as f64) as usize).min(bins - 1);
        count[b] += 1;
        conf[b] += p;
        pos[b] += if y { 1.0 } else { 0.0 };
        n += 1;
    }
    if n == 0 {
        return 0.0;
    }
    (0..bins)
        .filter(|&b| count[b] > 0)
        .map(|b| (count[b] as f64 / n as f64) * ((pos[b] - conf[b]) / count[b] as f64).abs())
        .sum()
}

/// A confusion matrix over `n` classes: `counts[truth][predicted]`.
#[derive(Clone, Debug, PartialEq)]
pub struct ConfusionMatrix {
    counts: Vec<Vec<usize>>,
}

impl ConfusionMatrix {
    /// Counts `(truth, predicted)` pairs; labels `>= n_classes` are ignored.
    pub fn new(truth: &[u32], predicted: &[u32], n_classes: usize) -> ConfusionMatrix {
        let mut counts = vec![vec![0usize; n_classes]; n_classes];
        for (&t, &p) in truth.iter().zip(predicted) {
            if let Some(row) = counts.get_mut(t as usize) {
                if let Some(c) = row.get_mut(p as usize) {
                    *c += 1;
                }
            }
        }
        ConfusionMatrix { counts }
    }

    /// `counts[truth][predicted]`.
    pub fn counts(&self) -> &[Vec<usize>] {
        &self.counts
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.counts.len()
    }

    /// Class `c` as the positive class of a binary decision.
    pub fn one_vs_rest(&self, c: usize) -> BinaryMetrics {
        let n = self.n_classes();
        let mut m = BinaryMetrics::default();
        for t in 0..n {
            for p in 0..n {
                let k = self.counts[t][p];
                match (t == c, p == c) {
                    (true, true) => m.tp += k,
                    (false, true) => m.fp += k,
                    (true, false) => m.fn_ += k,
                    (false, false) => m.tn += k,
                }
            }
        }
        m
    }

    /// Fraction on the diagonal.
    pub fn accuracy(&self) -> f64 {
        let total: usize = self.counts.iter().flatten().sum();
        let diag: usize = (0..self.n_classes()).map(|c| self.counts[c][c]).sum();
        ratio(diag, total)
    }

    /// Unweighted mean of the per-class F1 scores.
    pub fn macro_f1(&self) -> f64 {
        let n = self.n_classes();
        ratio_f((0..n).map(|c| self.one_vs_rest(c).f1()).sum(), n as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precision_recall_f1_on_a_small_case() {
        let scores = [0.9, 0.8, 0.7, 0.2, 0.1];
        let labels = [true, false, true, true, false];
        let m = BinaryMetrics::at_threshold(&scores, &labels, 0.5);
        assert_eq!((m.tp, m.fp, m.tn, m.fn_), (2, 1, 1, 1));
        assert!((m.precision() - 2.0 / 3.0).abs() < 1e-12);
        assert!((m.recall() - 2.0 / 3.0).abs() < 1e-12);
        assert!((m.f1() - 2.0 / 3.0).abs() < 1e-12);
        assert!((m.accuracy() - 0.6).abs() < 1e-12);
        assert_eq!(BinaryMetrics::default().f1(), 0.0);
    }

    #[test]
    fn auc_on_known_cases() {
        assert_eq!(
            roc_auc(&[0.1, 0.4, 0.35, 0.8], &[false, false, true, true]),
            Some(0.75)
        );
        assert_eq!(roc_auc(&[1.0, 2.0], &[false, true]), Some(1.0));
        assert_eq!(roc_auc(&[1.0, 2.0], &[true, false]), Some(0.0));
        assert_eq!(roc_auc(&[0.5, 0.5, 0.5], &[true, false, true]), Some(0.5));
        assert_eq!(roc_auc(&[0.5, 0.7], &[true, true]), None);
        // One tie between a positive and a negative counts one half.
        assert_eq!(
            roc_auc(&[0.2, 0.5, 0.5, 0.9], &[false, true, false, true]),
            Some(0.875)
        );
    }

    #[test]
    fn average_precision_and_map() {
        // Ranking: +, -, +, -  → AP = (1/1 + 2/3) / 2.
        let s = [0.9, 0.8, 0.7, 0.6];
        let l = [true, false, true, false];
        assert!((average_precision(&s, &l) - (1.0 + 2.0 / 3.0) / 2.0).abs() < 1e-12);
        assert_eq!(average_precision(&s, &[false; 4]), 0.0);
        // Two debates: AP 1 and AP 0.5; a third without positives is skipped.
        let s = [0.9, 0.1, 0.2, 0.8, 0.5];
        let l = [true, false, true, false, false];
        let g = [0, 0, 1, 1, 2];
        assert_eq!(mean_average_precision(&s, &l, &g), Some(0.75));
        assert_eq!(mean_average_precision(&s, &[false; 5], &g), None);
    }

    #[test]
    fn best_threshold_maximises_f1() {
        let scores = [0.9, 0.8, 0.3, 0.2, 0.1];
        let labels = [true, true, false, true, false];
        let (t, m) = best_f1_threshold(&scores, &labels).unwrap();
        // Cutting at 0.2 gives tp 3 fp 1 (F1 0.857) vs 0.8 with tp 2 (F1 0.8).
        assert_eq!(t, 0.2);
        assert_eq!((m.tp, m.fp, m.fn_, m.tn), (3, 1, 0, 1));
        assert_eq!(best_f1_threshold(&scores, &[false; 5]), None);
    }

    #[test]
    fn calibration_error() {
        // Perfectly calibrated bins give 0.
        let probs = [0.25, 0.25, 0.25, 0.25, 0.75, 0.75, 0.75, 0.75];
        let labels = [true, false, false, false, true, true, true, false];
        assert!(expected_calibration_error(&probs, &labels, 10) < 1e-9);
        // Always saying 0.9 for a 50% event: error 0.4.
        let e = expected_calibration_error(&[0.9, 0.9], &[true, false], 10);
        assert!((e - 0.4).abs() < 1e-6);
        assert_eq!(expected_calibration_error(&[], &[], 10), 0.0);
    }

    #[test]
    fn confusion_matrix_and_macro_f1() {
        let truth = [0, 0, 1, 1, 2, 2];
        let pred = [0, 1, 1, 1, 2, 0];
        let cm = ConfusionMatrix::new(&truth, &pred, 3);
        assert_eq!(cm.counts()[0], vec![1, 1, 0]);
        assert!((cm.accuracy() - 4.0 / 6.0).abs() < 1e-12);
        // F1 per class: 0.5, 0.8, 0.667.
        assert!((cm.macro_f1() - (0.5 + 0.8 + 2.0 / 3.0) / 3.0).abs() < 1e-12);
        // Out-of-range labels are ignored, not a panic.
        assert_eq!(ConfusionMatrix::new(&[7], &[0], 3).accuracy(), 0.0);
    }
}
