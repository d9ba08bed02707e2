//! Gradient-boosted decision trees on small dense tables: logistic loss for two
//! classes, softmax for more, second-order (Newton) leaf values with an L2 penalty,
//! shallow trees grown level by level with exact split search, row subsampling
//! from a fixed seed.
//!
//! Meant for the few hundred to few thousand rows of the credibility data sets,
//! where a linear model cannot express that one feature only matters when another
//! is present (a deviating death toll counts only when other reports exist). Every
//! node keeps its own value, so a prediction splits exactly into per-feature
//! contributions along its path (Saabas' attribution): [`Boosted::contributions`].
//!
//! Deterministic: single-threaded, ties broken by feature index then threshold,
//! subsampling from [`SplitMix64`]. Same data, configuration and seed, same trees.

use crate::rng::SplitMix64;

/// Hyper-parameters of [`train_boosted`] and [`train_boosted_multiclass`].
#[derive(Clone, Debug, PartialEq)]
pub struct BoostConfig {
    /// Boosting rounds (trees per class).
    pub trees: u32,
    /// Depth of every tree (1..=6); a node stops splitting earlier when no split helps.
    pub depth: u8,
    /// Shrinkage applied to every tree.
    pub learning_rate: f32,
    /// L2 penalty on leaf values (XGBoost's λ).
    pub l2: f32,
    /// Smallest hessian sum a child may have (XGBoost's min_child_weight).
    pub min_child_weight: f32,
    /// Fewest rows a child may hold.
    pub min_leaf: u32,
    /// Share of rows drawn (without replacement) for each tree, in (0, 1].
    pub subsample: f32,
    /// Seed of the subsampling.
    pub seed: u64,
}

impl Default for BoostConfig {
    fn default() -> BoostConfig {
        BoostConfig {
            trees: 200,
            depth: 3,
            learning_rate: 0.05,
            l2: 1.0,
            min_child_weight: 1.0,
            min_leaf: 5,
            subsample: 0.8,
            seed: 0x0b00_57ed,
        }
    }
}

/// One node of a tree. A leaf has `left == right == 0` (the root is never a child).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Node {
    /// Feature tested; rows with `x[feature] < threshold` go left.
    pub feature: u16,
    /// Split point (the midpoint between two observed values).
    pub threshold: f32,
    /// Index of the left child, 0 for a leaf.
    pub left: u32,
    /// Index of the right child, 0 for a leaf.
    pub right: u32,
    /// The (shrunk) Newton value of the rows that reached this node; a leaf's value
    /// is the tree's output.
    pub value: f32,
}

impl Node {
    /// True when the node has no children.
    pub fn is_leaf(&self) -> bool {
        self.left == 0 && self.right == 0
    }
}

/// A regression tree stored as a flat node list, root first.
#[derive(Clone, Debug, PartialEq)]
pub struct Tree {
    /// The nodes; children always come after their parent.
    pub nodes: Vec<Node>,
}

impl Tree {
    /// Walks the row down to its leaf and returns the leaf's value. A missing or
    /// non-finite feature counts as 0.
    pub fn predict(&self, x: &[f32]) -> f32 {
        let mut at = 0usize;
        // A well-formed tree points forward; the step bound only protects against
        // a hand-built one that does not.
        for _ in 0..=self.nodes.len() {
            let Some(n) = self.nodes.get(at) else {
                return 0.0;
            };
            if n.is_leaf() {
                return n.value;
            }
            at = if value_of(x, n.feature) < n.threshold {
                n.left
            } else {
                n.right
            } as usize;
        }
        0.0
    }

    /// Adds to `out[f]` the change of value at each split on feature `f` along the
    /// row's path, and returns the root's value: root + Σ changes = leaf value.
    fn attribute(&self, x: &[f32], out: &mut [f32]) -> f32 {
        let Some(root) = self.nodes.first() else {
            return 0.0;
        };
        let mut at = 0usize;
        for _ in 0..=self.nodes.len() {
            let n = self.nodes[at];
            if n.is_leaf() {
                break;
            }
            let next = if value_of(x, n.feature) < n.threshold {
                n.left
            } else {
                n.right
            } as usize;
            let Some(child) = self.nodes.get(next) else {
                return root.value;
            };
            if let Some(o) = out.get_mut(n.feature as usize) {
                *o += child.value - n.value;
            }
            at = next;
        }
        root.value
    }

    /// Checks that every child index points forward and inside the list, so that
    /// prediction always ends: what a loaded model must satisfy.
    pub fn is_well_formed(&self, n_features: usize) -> bool {
        !self.nodes.is_empty()
            && self.nodes.iter().enumerate().all(|(i, n)| {
                n.value.is_finite()
                    && (n.is_leaf()
                        || ((n.feature as usize) < n_features
                            && !n.threshold.is_nan()
                            && n.left as usize > i
                            && n.right as usize > i
                            && (n.left as usize) < self.nodes.len()
                            && (n.right as usize) < self.nodes.len()))
            })
    }
}

#[inline]
fn value_of(x: &[f32], feature: u16) -> f32 {
    match x.get(feature as usize) {
        Some(v) if v.is_finite() => *v,
        _ => 0.0,
    }
}

/// A boosted ensemble for one output: `margin(x) = base + Σ tree(x)`, the log-odds
/// of the positive class for a binary model.
#[derive(Clone, Debug, PartialEq)]
pub struct Boosted {
    /// Number of features a row has.
    pub n_features: usize,
    /// The starting margin (the training prior's log-odds).
    pub base: f32,
    /// The trees, in boosting order.
    pub trees: Vec<Tree>,
}

impl Boosted {
    /// The raw margin (log-odds for a binary model).
    pub fn margin(&self, x: &[f32]) -> f32 {
        self.base + self.trees.iter().map(|t| t.predict(x)).sum::<f32>()
    }

    /// `sigmoid(margin)`.
    pub fn predict(&self, x: &[f32]) -> f32 {
        crate::sigmoid(self.margin(x))
    }

    /// Per-feature contributions to the margin (Saabas): fills `out` (resized to
    /// `n_features`) and returns the bias term, so that
    /// `bias + Σ out = margin(x)` up to rounding.
    pub fn contributions(&self, x: &[f32], out: &mut Vec<f32>) -> f32 {
        out.clear();
        out.resize(self.n_features, 0.0);
        let mut bias = self.base;
        for t in &self.trees {
            bias += t.attribute(x, out);
        }
        bias
    }

    /// How often each feature is split on, summed over trees (a rough importance).
    pub fn split_counts(&self) -> Vec<u32> {
        let mut counts = vec![0u32; self.n_features];
        for n in self.trees.iter().flat_map(|t| &t.nodes) {
            if !n.is_leaf() {
                if let Some(c) = counts.get_mut(n.feature as usize) {
                    *c += 1;
                }
            }
        }
        counts
    }
}

/// A softmax ensemble: one [`Boosted`] per class; class probabilities are the
/// softmax of their margins.
#[derive(Clone, Debug, PartialEq)]
pub struct BoostedMulticlass {
    /// One ensemble per class.
    pub classes: Vec<Boosted>,
}

impl BoostedMulticlass {
    /// Class probabilities (sum to 1).
    pub fn probabilities(&self, x: &[f32]) -> Vec<f32> {
        let margins: Vec<f32> = self.classes.iter().map(|c| c.margin(x)).collect();
        softmax(&margins)
    }

    /// The most probable class (the lowest index on ties).
    pub fn predict(&self, x: &[f32]) -> u32 {
        let mut best = (0u32, f32::NEG_INFINITY);
        for (c, m) in self.classes.iter().enumerate() {
            let v = m.margin(x);
            if v > best.1 {
                best = (c as u32, v);
            }
        }
        best.0
    }
}

fn softmax(margins: &[f32]) -> Vec<f32> {
    let max = margins.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut p: Vec<f32> = margins.iter().map(|m| (m - max).exp()).collect();
    let sum: f32 = p.iter().sum();
    if sum > 0.0 && sum.is_finite() {
        p.iter_mut().for_each(|v| *v /= sum);
    }
    p
}

/// Rows as a column-major table with each column's row order by value, computed
/// once and shared by every tree.
struct Table {
    n_rows: usize,
    n_features: usize,
    columns: Vec<Vec<f32>>,
    sorted: Vec<Vec<u32>>,
}

impl Table {
    fn new(rows: &[Vec<f32>], n_features: usize) -> Table {
        let n_rows = rows.len();
        let columns: Vec<Vec<f32>> = (0..n_features)
            .map(|f| {
                rows.iter()
                    .map(|r| value_of(r, f.min(u16::MAX as usize) as u16))
                    .collect()
            })
            .collect();
        let sorted = columns
            .iter()
            .map(|col| {
                let mut order: Vec<u32> = (0..n_rows as u32).collect();
                order.sort_by(|&a, &b| col[a as usize].total_cmp(&col[b as usize]));
                order
            })
            .collect();
        Table {
            n_rows,
            n_features,
            columns,
            sorted,
        }
    }
}

/// Trains a binary ensemble on `rows` (all of one width; shorter rows read 0 past
/// their end, non-finite values read 0) and `labels`, with optional per-row
/// weights. Deterministic for a given input and configuration.
pub fn train_boosted(
    rows: &[Vec<f32>],
    labels: &[bool],
    weights: Option<&[f32]>,
    config: &BoostConfig,
) -> Boosted {
    let n = rows.len().min(labels.len());
    let rows = &rows[..n];
    let n_features = rows.iter().map(Vec::len).max().unwrap_or(0).min(1 << 16);
    let w: Vec<f32> = (0..n)
        .map(|i| {
            weights
                .and_then(|w| w.get(i))
                .copied()
                .filter(|v| v.is_finite() && *v >= 0.0)
                .unwrap_or(1.0)
        })
        .collect();
    let y: Vec<f32> = labels[..n]
        .iter()
        .map(|&l| f32::from(u8::from(l)))
        .collect();
    let (sw, swy) = w.iter().zip(&y).fold((0f64, 0f64), |(a, b), (&wi, &yi)| {
        (a + f64::from(wi), b + f64::from(wi * yi))
    });
    let prior = if sw > 0.0 {
        (swy / sw).clamp(1e-3, 1.0 - 1e-3)
    } else {
        0.5
    };
    let base = (prior / (1.0 - prior)).ln() as f32;
    let table = Table::new(rows, n_features);
    let mut margin = vec![base; n];
    let mut rng = SplitMix64::new(config.seed);
    let mut trees = Vec::with_capacity(config.trees as usize);
    let (mut g, mut h) = (vec![0f32; n], vec![0f32; n]);
    for _ in 0..config.trees {
        for i in 0..n {
            let p = crate::sigmoid(margin[i]);
            g[i] = w[i] * (p - y[i]);
            h[i] = w[i] * (p * (1.0 - p)).max(1e-6);
        }
        let chosen = sample(n, config.subsample, &mut rng);
        let tree = grow(&table, &g, &h, &chosen, config);
        for (i, m) in margin.iter_mut().enumerate() {
            *m += tree.predict(&rows[i]);
        }
        trees.push(tree);
    }
    Boosted {
        n_features,
        base,
        trees,
    }
}

/// Trains a softmax ensemble for `n_classes` classes on class indices `labels`
/// (labels `>= n_classes` are skipped). Class `c` starts from its prior's log.
pub fn train_boosted_multiclass(
    rows: &[Vec<f32>],
    labels: &[u32],
    n_classes: usize,
    config: &BoostConfig,
) -> BoostedMulticlass {
    let keep: Vec<usize> = (0..rows.len().min(labels.len()))
        .filter(|&i| (labels[i] as usize) < n_classes)
        .collect();
    let rows: Vec<Vec<f32>> = keep.iter().map(|&i| rows[i].clone()).collect();
    let labels: Vec<usize> = keep.iter().map(|&i| labels[i] as usize).collect();
    let n = rows.len();
    let n_features = rows.iter().map(Vec::len).max().unwrap_or(0).min(1 << 16);
    let table = Table::new(&rows, n_features);
    let mut counts = vec![0usize; n_classes];
    for &l in &labels {
        counts[l] += 1;
    }
    let bases: Vec<f32> = counts
        .iter()
        .map(|&c| ((c as f64 + 1.0) / (n as f64 + n_classes as f64)).ln() as f32)
        .collect();
    let mut margins: Vec<Vec<f32>> = (0..n).map(|_| bases.clone()).collect();
    let mut classes: Vec<Boosted> = bases
        .iter()
        .map(|&base| Boosted {
            n_features,
            base,
            trees: Vec::with_capacity(config.trees as usize),
        })
        .collect();
    let mut rng = SplitMix64::new(config.seed);
    let (mut g, mut h) = (vec![0f32; n], vec![0f32; n]);
    for _ in 0..config.trees {
        let probs: Vec<Vec<f32>> = margins.iter().map(|m| softmax(m)).collect();
        let chosen = sample(n, config.subsample, &mut rng);
        for c in 0..n_classes {
            for i in 0..n {
                let p = probs[i][c];
                let y = if labels[i] == c { 1.0 } else { 0.0 };
                g[i] = p - y;
                h[i] = (p * (1.0 - p)).max(1e-6);
            }
            let tree = grow(&table, &g, &h, &chosen, config);
            for (i, m) in margins.iter_mut().enumerate() {
                m[c] += tree.predict(&rows[i]);
            }
            classes[c].trees.push(tree);
        }
    }
    BoostedMulticlass { classes }
}

/// The rows one tree sees: a seeded draw without replacement, in increasing order.
fn sample(n: usize, share: f32, rng: &mut SplitMix64) -> Vec<bool> {
    let mut chosen = vec![true; n];
    if share > 0.0 && share < 1.0 {
        let take = ((n as f64 * f64::from(share)).round() as usize).clamp(1.min(n), n);
        let mut order: Vec<usize> = (0..n).collect();
        rng.shuffle(&mut order);
        chosen.iter_mut().for_each(|c| *c = false);
        for &i in &order[..take] {
            chosen[i] = true;
        }
    }
    chosen
}

/// Newton value of a node: `-lr · G / (H + λ)`.
fn leaf_value(g: f64, h: f64, config: &BoostConfig) -> f32 {
    (-f64::from(config.learning_rate) * g / (h + f64::from(config.l2).max(0.0))) as f32
}

/// Grows one tree level by level on the chosen rows.
fn grow(table: &Table, g: &[f32], h: &[f32], chosen: &[bool], config: &BoostConfig) -> Tree {
    // Per row: the node it sits in (u32::MAX when not in the sample).
    let mut node_of: Vec<u32> = chosen
        .iter()
        .map(|&c| if c { 0 } else { u32::MAX })
        .collect();
    let (g0, h0) = (0..table.n_rows)
        .filter(|&i| chosen[i])
        .fold((0f64, 0f64), |(a, b), i| {
            (a + f64::from(g[i]), b + f64::from(h[i]))
        });
    let n0 = chosen.iter().filter(|&&c| c).count();
    let mut nodes = vec![Node {
        feature: 0,
        threshold: 0.0,
        left: 0,
        right: 0,
        value: leaf_value(g0, h0, config),
    }];
    // Open nodes of the current level: (index, G, H, rows).
    let mut level: Vec<(u32, f64, f64, usize)> = vec![(0, g0, h0, n0)];
    let lambda = f64::from(config.l2.max(0.0));
    let score = |g: f64, h: f64| g * g / (h + lambda);
    for _ in 0..config.depth.clamp(1, 6) {
        if level.is_empty() {
            break;
        }
        // Slot of each open node in `level`, by node index.
        let mut slot = vec![u32::MAX; nodes.len()];
        for (s, &(idx, ..)) in level.iter().enumerate() {
            slot[idx as usize] = s as u32;
        }
        // Best split per open node: (gain, feature, threshold).
        let mut best: Vec<Option<(f64, u16, f32)>> = vec![None; level.len()];
        let mut acc: Vec<(f64, f64, usize, f32)> = vec![(0.0, 0.0, 0, f32::NAN); level.len()];
        for f in 0..table.n_features {
            let col = &table.columns[f];
            acc.iter_mut().for_each(|a| *a = (0.0, 0.0, 0, f32::NAN));
            for &r in &table.sorted[f] {
                let r = r as usize;
                let node = node_of[r];
                if node == u32::MAX {
                    continue;
                }
                let s = slot[node as usize];
                if s == u32::MAX {
                    continue;
                }
                let s = s as usize;
                let x = col[r];
                let (gl, hl, nl, last) = acc[s];
                // A split between the previous value and this one.
                if nl > 0 && x > last {
                    let (_, gt, ht, nt) = level[s];
                    let (gr, hr, nr) = (gt - gl, ht - hl, nt - nl);
                    let min_w = f64::from(config.min_child_weight);
                    let min_n = config.min_leaf.max(1) as usize;
                    if hl >= min_w && hr >= min_w && nl >= min_n && nr >= min_n {
                        let gain = score(gl, hl) + score(gr, hr) - score(gt, ht);
                        if gain > 1e-9 && best[s].is_none_or(|b| gain > b.0) {
                            let threshold = last + (x - last) / 2.0;
                            // Midpoints can round onto `last`; the split must send
                            // `last` left.
                            let threshold = if threshold > last { threshold } else { x };
                            best[s] = Some((gain, f as u16, threshold));
                        }
                    }
                }
                acc[s] = (gl + f64::from(g[r]), hl + f64::from(h[r]), nl + 1, x);
            }
        }
        // Create the children of each node that splits.
        let mut next_level = Vec::new();
        let mut children: Vec<Option<(u32, u32)>> = vec![None; level.len()];
        for (s, b) in best.iter().enumerate() {
            if let Some((_, feature, threshold)) = *b {
                let idx = level[s].0 as usize;
                let left = nodes.len() as u32;
                nodes.push(Node {
                    feature: 0,
                    threshold: 0.0,
                    left: 0,
                    right: 0,
                    value: 0.0,
                });
                nodes.push(nodes[left as usize]);
                nodes[idx].feature = feature;
                nodes[idx].threshold = threshold;
                nodes[idx].left = left;
                nodes[idx].right = left + 1;
                children[s] = Some((left, left + 1));
            }
        }
        if children.iter().all(Option::is_none) {
            break;
        }
        // Move rows down and sum their gradients per child.
        let mut sums: Vec<(f64, f64, usize)> = vec![(0.0, 0.0, 0); nodes.len()];
        for r in 0..table.n_rows {
            let node = node_of[r];
            if node == u32::MAX {
                continue;
            }
            let s = slot.get(node as usize).copied().unwrap_or(u32::MAX);
            if s == u32::MAX {
                continue;
            }
            let Some((left, right)) = children[s as usize] else {
                node_of[r] = u32::MAX; // stays in a finished leaf
                continue;
            };
            let n = nodes[node as usize];
            let child = if table.columns[n.feature as usize][r] < n.threshold {
                left
            } else {
                right
            };
            node_of[r] = child;
            let e = &mut sums[child as usize];
            e.0 += f64::from(g[r]);
            e.1 += f64::from(h[r]);
            e.2 += 1;
        }
        for (left, right) in children.iter().flatten() {
            for c in [*left, *right] {
                let (gc, hc, nc) = sums[c as usize];
                nodes[c as usize].value = leaf_value(gc, hc, config);
                next_level.push((c, gc, hc, nc));
            }
        }
        level = next_level;
    }
    Tree { nodes }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// XOR of two features plus a noise feature: no linear model separates it.
    fn xor(n: usize, seed: u64) -> (Vec<Vec<f32>>, Vec<bool>) {
        let mut rng = SplitMix64::new(seed);
        (0..n)
            .map(|_| {
                let a = rng.next_f64() as f32;
                let b = rng.next_f64() as f32;
                let noise = rng.next_f64() as f32;
                (vec![a, b, noise], (a > 0.5) != (b > 0.5))
            })
            .unzip()
    }

    #[test]
    fn learns_an_interaction_a_linear_model_cannot() {
        let (xs, ys) = xor(600, 1);
        let model = train_boosted(&xs, &ys, None, &BoostConfig::default());
        let (tx, ty) = xor(400, 2);
        let correct = tx
            .iter()
            .zip(&ty)
            .filter(|(x, &y)| (model.predict(x) > 0.5) == y)
            .count();
        assert!(correct >= 370, "{correct}/400");
        // The noise feature is hardly used.
        let splits = model.split_counts();
        assert!(splits[2] * 5 < splits[0] + splits[1], "{splits:?}");
    }

    #[test]
    fn contributions_add_up_to_the_margin() {
        let (xs, ys) = xor(300, 3);
        let model = train_boosted(&xs, &ys, None, &BoostConfig::default());
        let mut out = Vec::new();
        for x in xs.iter().take(20) {
            let bias = model.contributions(x, &mut out);
            let total = bias + out.iter().sum::<f32>();
            assert!((total - model.margin(x)).abs() < 1e-3);
        }
        // On XOR both real features carry the decision.
        model.contributions(&[0.9, 0.1, 0.5], &mut out);
        assert!(out[0].abs() > out[2].abs() && out[1].abs() > out[2].abs());
    }

    #[test]
    fn training_is_deterministic_and_seeded() {
        let (xs, ys) = xor(200, 4);
        let cfg = BoostConfig {
            trees: 30,
            ..BoostConfig::default()
        };
        let a = train_boosted(&xs, &ys, None, &cfg);
        assert_eq!(a, train_boosted(&xs, &ys, None, &cfg));
        let other = BoostConfig { seed: 7, ..cfg };
        assert_ne!(a, train_boosted(&xs, &ys, None, &other));
        assert!(a.trees.iter().all(|t| t.is_well_formed(3)));
    }

    #[test]
    fn multiclass_softmax_separates_three_bands() {
        let mut rng = SplitMix64::new(9);
        let (xs, ys): (Vec<Vec<f32>>, Vec<u32>) = (0..450)
            .map(|_| {
                let v = rng.next_f64() as f32 * 3.0;
                (vec![v, rng.next_f64() as f32], v as u32)
            })
            .unzip();
        let cfg = BoostConfig {
            trees: 60,
            depth: 2,
            learning_rate: 0.2,
            ..BoostConfig::default()
        };
        let model = train_boosted_multiclass(&xs, &ys, 3, &cfg);
        for (v, class) in [(0.2f32, 0u32), (1.5, 1), (2.8, 2)] {
            assert_eq!(model.predict(&[v, 0.5]), class);
            let p = model.probabilities(&[v, 0.5]);
            assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-4);
            assert!(p[class as usize] > 0.7, "{p:?}");
        }
    }

    #[test]
    fn degenerate_inputs_give_a_constant_model() {
        let m = train_boosted(&[], &[], None, &BoostConfig::default());
        assert_eq!(m.margin(&[1.0]), m.base);
        // One class only: the prior, no useful split.
        let xs = vec![vec![1.0], vec![2.0], vec![3.0]];
        let m = train_boosted(&xs, &[true, true, true], None, &BoostConfig::default());
        assert!(m.predict(&[2.0]) > 0.9);
        // Non-finite values read as 0 and never panic.
        let xs = vec![vec![f32::NAN], vec![f32::INFINITY], vec![1.0], vec![0.0]];
        let ys = [true, true, false, false];
        let m = train_boosted(&xs, &ys, None, &BoostConfig::default());
        assert!(m.margin(&[f32::NAN]).is_finite());
        let e = train_boosted_multiclass(&xs, &[0, 5, 1, 1], 2, &BoostConfig::default());
        assert_eq!(e.classes.len(), 2);
    }

    #[test]
    fn a_malformed_tree_is_detected() {
        let leaf = Node {
            feature: 0,
            threshold: 0.0,
            left: 0,
            right: 0,
            value: 1.0,
        };
        let looping = Tree {
            nodes: vec![Node {
                left: 0,
                right: 1,
                ..leaf
            }],
        };
        assert!(!looping.is_well_formed(1));
        assert!(Tree { nodes: vec![leaf] }.is_well_formed(1));
        assert!(!Tree { nodes: vec![] }.is_well_formed(1));
    }
}
