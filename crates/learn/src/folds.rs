//! k-fold splits for cross-validation: stratified, and grouped (a group, e.g. a
//! debate or an article, never straddles two folds). Fixed seed, deterministic.

use crate::rng::SplitMix64;

/// A fold assignment: `fold_of[i]` is the test fold of example `i`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Folds {
    /// Number of folds.
    pub k: usize,
    /// The test fold of each example, in `0..k`.
    pub fold_of: Vec<u32>,
}

impl Folds {
    /// `(train, test)` example indices of fold `fold`, each in increasing order.
    pub fn split(&self, fold: usize) -> (Vec<usize>, Vec<usize>) {
        (0..self.fold_of.len()).partition(|&i| self.fold_of[i] as usize != fold)
    }

    /// Number of examples in each fold.
    pub fn sizes(&self) -> Vec<usize> {
        let mut sizes = vec![0; self.k];
        for &f in &self.fold_of {
            sizes[f as usize] += 1;
        }
        sizes
    }
}

/// Stratified k-fold: the examples of each class are shuffled and dealt round the
/// folds in turn, so each fold has nearly the class mix of the whole. `k` is
/// clamped to at least 1.
pub fn stratified_kfold(labels: &[u32], k: usize, seed: u64) -> Folds {
    let k = k.max(1);
    let mut rng = SplitMix64::new(seed);
    let mut classes: Vec<u32> = labels.to_vec();
    classes.sort_unstable();
    classes.dedup();
    let mut fold_of = vec![0u32; labels.len()];
    let mut next = 0usize;
    for c in classes {
        let mut members: Vec<usize> = (0..labels.len()).filter(|&i| labels[i] == c).collect();
        rng.shuffle(&mut members);
        for i in members {
            fold_of[i] = (next % k) as u32;
            next += 1;
        }
    }
    Folds { k, fold_of }
}

/// Stratified grouped k-fold: whole groups are assigned to folds, largest first
/// (ties in seeded random order), each to the fold where it leaves the class counts
/// and the size most even. Every example of a group lands in the same fold. With
/// fewer groups than `k` some folds stay empty.
pub fn grouped_kfold(groups: &[u32], labels: &[u32], k: usize, seed: u64) -> Folds {
    let k = k.max(1);
    let n = groups.len().min(labels.len());
    let mut class_ids: Vec<u32> = labels[..n].to_vec();
    class_ids.sort_unstable();
    class_ids.dedup();
    let n_classes = class_ids.len();
    let class_index = |l: u32| class_ids.binary_search(&l).unwrap_or(0);

    // Per group: its class counts.
    let mut group_ids: Vec<u32> = groups[..n].to_vec();
    group_ids.sort_unstable();
    group_ids.dedup();
    let mut counts = vec![vec![0usize; n_classes]; group_ids.len()];
    for i in 0..n {
        if let Ok(g) = group_ids.binary_search(&groups[i]) {
            counts[g][class_index(labels[i])] += 1;
        }
    }
    let mut totals = vec![0usize; n_classes];
    for c in &counts {
        for (t, v) in totals.iter_mut().zip(c) {
            *t += v;
        }
    }

    let mut order: Vec<usize> = (0..group_ids.len()).collect();
    SplitMix64::new(seed).shuffle(&mut order);
    // Rarest class first, then size: the groups that are hardest to balance are
    // placed while every fold still has room.
    let rarest = (0..n_classes).min_by_key(|&c| (totals[c], c)).unwrap_or(0);
    order.sort_by_key(|&g| {
        let size: usize = counts[g].iter().sum();
        (
            std::cmp::Reverse(counts[g].get(rarest).copied().unwrap_or(0)),
            std::cmp::Reverse(size),
        )
    });

    let mut fold_counts = vec![vec![0usize; n_classes]; k];
    let mut group_fold = vec![0u32; group_ids.len()];
    for g in order {
        // Cost of a fold: the spread of per-class shares (relative to each class's
        // total) after adding the group, plus the size share.
        let mut best = (f64::INFINITY, 0usize);
        for (f, fold) in fold_counts.iter().enumerate() {
            let mut cost = 0.0;
            for c in 0..n_classes {
                let share = (fold[c] + counts[g][c]) as f64 / totals[c].max(1) as f64;
                cost += share * share;
            }
            let size: usize = fold.iter().sum::<usize>() + counts[g].iter().sum::<usize>();
            let size_share = size as f64 / n.max(1) as f64;
            cost += size_share * size_share;
            if cost < best.0 {
                best = (cost, f);
            }
        }
        group_fold[g] = best.1 as u32;
        for c in 0..n_classes {
            fold_counts[best.1][c] += counts[g][c];
        }
    }
    let fold_of = (0..groups.len())
        .map(|i| {
            group_ids
                .binary_search(&groups[i])
                .map(|g| group_fold[g])
                .unwrap_or(0)
        })
        .collect();
    Folds { k, fold_of }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stratified_folds_keep_the_class_mix() {
        let labels: Vec<u32> = (0..100).map(|i| u32::from(i % 5 == 0)).collect();
        let folds = stratified_kfold(&labels, 5, 1);
        assert_eq!(folds.sizes(), vec![20; 5]);
        for f in 0..5 {
            let (train, test) = folds.split(f);
            assert_eq!(train.len() + test.len(), 100);
            assert_eq!(test.iter().filter(|&&i| labels[i] == 1).count(), 4);
        }
        assert_eq!(folds, stratified_kfold(&labels, 5, 1));
        assert_ne!(folds, stratified_kfold(&labels, 5, 2));
    }

    #[test]
    fn a_group_never_straddles_folds() {
        // 19 debates of uneven size, ~3% positives, like CheckThat! 2019.
        let mut groups = Vec::new();
        let mut labels = Vec::new();
        for g in 0..19u32 {
            for i in 0..(50 + 37 * (g as usize % 7)) {
                groups.push(g);
                labels.push(u32::from(i % 33 == 0));
            }
        }
        let folds = grouped_kfold(&groups, &labels, 5, 42);
        for g in 0..19 {
            let mut fs: Vec<u32> = (0..groups.len())
                .filter(|&i| groups[i] == g)
                .map(|i| folds.fold_of[i])
                .collect();
            fs.dedup();
            assert_eq!(fs.len(), 1, "group {g} is split");
        }
        // Every fold gets a fair share of positives and of examples.
        let pos: usize = labels.iter().map(|&l| l as usize).sum();
        for f in 0..5 {
            let (_, test) = folds.split(f);
            let p = test.iter().filter(|&&i| labels[i] == 1).count();
            assert!(p * 5 > pos / 2 && p * 5 < pos * 2, "fold {f}: {p} of {pos}");
        }
        assert_eq!(folds, grouped_kfold(&groups, &labels, 5, 42));
    }

    #[test]
    fn degenerate_inputs() {
        assert_eq!(stratified_kfold(&[], 5, 0).fold_of, Vec::<u32>::new());
        assert_eq!(stratified_kfold(&[1, 0], 0, 0).k, 1);
        let f = grouped_kfold(&[3, 3, 3], &[1, 0, 1], 5, 0);
        assert!(f.fold_of.iter().all(|&x| x == f.fold_of[0]));
        assert_eq!(grouped_kfold(&[1, 2], &[0], 2, 0).fold_of.len(), 2);
    }
}
