//! Logistic regression on sparse vectors, trained by AdaGrad SGD with L2, class
//! weights and a fixed-seed shuffle; one-vs-rest for more than two classes.
//!
//! Training is single-threaded on purpose: the same data and configuration give
//! the same weights, bit for bit, whatever the machine's thread count.

use crate::features::SparseVector;
use crate::rng::SplitMix64;

/// The logistic function, stable for large `|z|`.
#[inline]
pub fn sigmoid(z: f32) -> f32 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

/// How examples of each class are weighted in the loss.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ClassWeight {
    /// Every example counts 1.
    Uniform,
    /// Each class contributes as much as the other in total (`n / (2 · n_class)`).
    Balanced,
    /// Positives count this much, negatives 1.
    Positive(f32),
}

/// Hyper-parameters of [`train_logistic`].
#[derive(Clone, Debug, PartialEq)]
pub struct SgdConfig {
    /// Passes over the data.
    pub epochs: u32,
    /// AdaGrad base step size.
    pub learning_rate: f32,
    /// L2 penalty. Applied to the weights an example touches when it is seen (the
    /// usual lazy form for hashed features): frequent features are shrunk more.
    pub l2: f32,
    /// Class weighting of the loss.
    pub class_weight: ClassWeight,
    /// Seed of the per-epoch shuffle.
    pub seed: u64,
}

impl Default for SgdConfig {
    fn default() -> SgdConfig {
        SgdConfig {
            epochs: 10,
            learning_rate: 0.1,
            l2: 1e-4,
            class_weight: ClassWeight::Uniform,
            seed: 0x5eed,
        }
    }
}

/// A linear model `p(y = 1 | x) = sigmoid(w · x + b)`.
#[derive(Clone, Debug, PartialEq)]
pub struct LogisticRegression {
    /// One weight per dimension of the feature space.
    pub weights: Vec<f32>,
    /// The intercept.
    pub bias: f32,
}

impl LogisticRegression {
    /// The all-zero model of dimension `dim` (predicts 0.5 everywhere).
    pub fn zeros(dim: usize) -> LogisticRegression {
        LogisticRegression {
            weights: vec![0.0; dim],
            bias: 0.0,
        }
    }

    /// `w · x + b`, the log-odds.
    pub fn margin(&self, x: &SparseVector) -> f32 {
        x.dot(&self.weights) + self.bias
    }

    /// `sigmoid(w · x + b)`.
    pub fn predict(&self, x: &SparseVector) -> f32 {
        sigmoid(self.margin(x))
    }
}

/// Per-example loss weights: `sample_weights` (1 when absent) times the class weight.
fn example_weights(ys: &[bool], sample_weights: Option<&[f32]>, cw: ClassWeight) -> Vec<f32> {
    let n = ys.len();
    let pos = ys.iter().filter(|&&y| y).count();
    let (wp, wn) = match cw {
        ClassWeight::Uniform => (1.0, 1.0),
        ClassWeight::Positive(w) => (w, 1.0),
        ClassWeight::Balanced if pos == 0 || pos == n => (1.0, 1.0),
        ClassWeight::Balanced => (
            n as f32 / (2.0 * pos as f32),
            n as f32 / (2.0 * (n - pos) as f32),
        ),
    };
    ys.iter()
        .enumerate()
        .map(|(i, &y)| {
            let s = sample_weights
                .and_then(|w| w.get(i))
                .copied()
                .unwrap_or(1.0);
            s * if y { wp } else { wn }
        })
        .collect()
}

/// Trains a binary logistic regression of dimension `dim` on `xs` (features) and
/// `ys` (labels), optionally weighting examples. Extra entries of the longer of
/// `xs`/`ys` are ignored; indices `>= dim` are ignored; non-finite values are
/// skipped. Deterministic for a given input and `config.seed`.
pub fn train_logistic(
    dim: usize,
    xs: &[SparseVector],
    ys: &[bool],
    sample_weights: Option<&[f32]>,
    config: &SgdConfig,
) -> LogisticRegression {
    let n = xs.len().min(ys.len());
    let ys = &ys[..n];
    let weights = example_weights(ys, sample_weights, config.class_weight);
    let mut model = LogisticRegression::zeros(dim);
    let mut grad_sq = vec![0f32; dim];
    let mut bias_grad_sq = 0f32;
    let eta = config.learning_rate;
    let l2 = config.l2;
    const EPS: f32 = 1e-6;

    let mut order: Vec<usize> = (0..n).collect();
    let mut rng = SplitMix64::new(config.seed);
    for _ in 0..config.epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let x = &xs[i];
            let w_ex = weights[i];
            if !(w_ex.is_finite() && w_ex > 0.0) {
                continue;
            }
            // The margin over the entries the update will touch, so that a bad entry
            // cannot poison every weight through a NaN error.
            let z = model.bias
                + x.entries()
                    .iter()
                    .filter(|&&(j, v)| (j as usize) < dim && v.is_finite())
                    .map(|&(j, v)| model.weights[j as usize] * v)
                    .sum::<f32>();
            let err = (sigmoid(z) - if ys[i] { 1.0 } else { 0.0 }) * w_ex;
            for &(j, v) in x.entries() {
                let j = j as usize;
                if j >= dim || !v.is_finite() {
                    continue;
                }
                let w = model.weights[j];
                let g = err * v + l2 * w;
                grad_sq[j] += g * g;
                model.weights[j] = w - eta * g / (grad_sq[j].sqrt() + EPS);
            }
            bias_grad_sq += err * err;
            model.bias -= eta * err / (bias_grad_sq.sqrt() + EPS);
        }
    }
    model
}

/// One binary model per class, each trained to tell its class from the rest.
#[derive(Clone, Debug, PartialEq)]
pub struct OneVsRest {
    /// `heads[c]` scores class `c`.
    pub heads: Vec<LogisticRegression>,
}

impl OneVsRest {
    /// Trains `n_classes` heads on `labels` (class indices; others are ignored as
    /// negatives for every head). Head `c` uses seed `config.seed + c`.
    pub fn train(
        dim: usize,
        xs: &[SparseVector],
        labels: &[u32],
        n_classes: usize,
        config: &SgdConfig,
    ) -> OneVsRest {
        let heads = (0..n_classes)
            .map(|c| {
                let ys: Vec<bool> = labels.iter().map(|&l| l as usize == c).collect();
                let cfg = SgdConfig {
                    seed: config.seed.wrapping_add(c as u64),
                    ..config.clone()
                };
                train_logistic(dim, xs, &ys, None, &cfg)
            })
            .collect();
        OneVsRest { heads }
    }

    /// Class probabilities: the heads' sigmoids normalised to sum to 1.
    pub fn probabilities(&self, x: &SparseVector) -> Vec<f32> {
        let mut p: Vec<f32> = self.heads.iter().map(|h| h.predict(x)).collect();
        let sum: f32 = p.iter().sum();
        if sum > 0.0 {
            p.iter_mut().for_each(|v| *v /= sum);
        }
        p
    }

    /// The most probable class (the lowest index on ties; 0 without heads).
    pub fn predict(&self, x: &SparseVector) -> u32 {
        let mut best = (0u32, f32::NEG_INFINITY);
        for (c, h) in self.heads.iter().enumerate() {
            let m = h.margin(x);
            if m > best.1 {
                best = (c as u32, m);
            }
        }
        best.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Points on a line: feature 0 is the coordinate, feature 1 a constant noise
    /// feature; the label is `coordinate > 0`.
    fn line_data(n: usize) -> (Vec<SparseVector>, Vec<bool>) {
        let mut rng = SplitMix64::new(11);
        (0..n)
            .map(|_| {
                let x = rng.next_f64() as f32 * 2.0 - 1.0;
                let mut v = SparseVector::new();
                v.push(0, x);
                v.push(1, 1.0);
                (v, x > 0.0)
            })
            .unzip()
    }

    #[test]
    fn separates_a_separable_dataset() {
        let (xs, ys) = line_data(500);
        let m = train_logistic(2, &xs, &ys, None, &SgdConfig::default());
        let correct = xs
            .iter()
            .zip(&ys)
            .filter(|(x, &y)| (m.predict(x) > 0.5) == y)
            .count();
        assert!(correct >= 490, "{correct}/500");
        assert!(m.weights[0] > 1.0);
    }

    #[test]
    fn two_trainings_give_identical_weights() {
        let (xs, ys) = line_data(300);
        let cfg = SgdConfig::default();
        assert_eq!(
            train_logistic(2, &xs, &ys, None, &cfg),
            train_logistic(2, &xs, &ys, None, &cfg)
        );
        let other = SgdConfig { seed: 99, ..cfg };
        assert_ne!(
            train_logistic(2, &xs, &ys, None, &other),
            train_logistic(2, &xs, &ys, None, &SgdConfig::default())
        );
    }

    #[test]
    fn positive_class_weight_raises_the_scores() {
        // A constant feature only: the model can learn only the base rate.
        let xs: Vec<SparseVector> = (0..200)
            .map(|_| {
                let mut v = SparseVector::new();
                v.push(0, 1.0);
                v
            })
            .collect();
        let ys: Vec<bool> = (0..200).map(|i| i % 10 == 0).collect();
        let cfg = SgdConfig {
            epochs: 30,
            l2: 0.0,
            ..SgdConfig::default()
        };
        let plain = train_logistic(1, &xs, &ys, None, &cfg).predict(&xs[0]);
        let balanced = SgdConfig {
            class_weight: ClassWeight::Balanced,
            ..cfg
        };
        let weighted = train_logistic(1, &xs, &ys, None, &balanced).predict(&xs[0]);
        assert!((plain - 0.1).abs() < 0.05, "{plain}");
        assert!((weighted - 0.5).abs() < 0.08, "{weighted}");
    }

    #[test]
    fn ignores_out_of_range_and_non_finite_input() {
        let mut v = SparseVector::new();
        v.push(7, 1.0);
        v.push(0, f32::NAN);
        let m = train_logistic(
            2,
            &[v.clone()],
            &[true, false],
            Some(&[f32::NAN]),
            &SgdConfig::default(),
        );
        assert!(m.weights.iter().all(|w| w.is_finite()) && m.bias.is_finite());
        let m = train_logistic(2, &[v], &[true], None, &SgdConfig::default());
        assert!(m.weights.iter().all(|w| w.is_finite()));
        assert!(m.bias > 0.0);
    }

    #[test]
    fn one_vs_rest_learns_three_classes() {
        // Class = which of three indicator features is on.
        let xs: Vec<SparseVector> = (0..300)
            .map(|i| {
                let mut v = SparseVector::new();
                v.push((i % 3) as u32, 1.0);
                v
            })
            .collect();
        let labels: Vec<u32> = (0..300).map(|i| (i % 3) as u32).collect();
        let m = OneVsRest::train(3, &xs, &labels, 3, &SgdConfig::default());
        for (x, &l) in xs.iter().zip(&labels).take(6) {
            assert_eq!(m.predict(x), l);
            let p = m.probabilities(x);
            assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-5);
            assert!(p[l as usize] > 0.6);
        }
    }
}
