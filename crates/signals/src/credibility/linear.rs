//! The linear scorer of a credibility component, and the monotone logistic
//! regression that fits it.
//!
//! Each column is clamped to the range seen in training (a conflict report with
//! 40 loaded words per 1,000 is scored as the most loaded training article, not
//! extrapolated), optionally put on a log scale (`ln(1 + x)`: the first few
//! exclamation marks say more than the twentieth), standardised, and weighted.
//! The monotone fit keeps every weight on the side its feature's
//! [`Direction`](super::features::Direction) states, or at zero when the data
//! disagree: a weight is then an interpretable, signed contribution.

use super::features::{direction, Direction, FEATURES};

/// `margin = bias + Σ weight · (t(x) − mean) / scale`, with
/// `t(x) = clamp(x, lo, hi)`, then `ln(1 + max(t, 0))` for log columns.
#[derive(Clone, Debug, PartialEq)]
pub struct Linear {
    pub bias: f32,
    pub weights: Vec<f32>,
    pub means: Vec<f32>,
    pub scales: Vec<f32>,
    /// Training range of each column.
    pub lo: Vec<f32>,
    pub hi: Vec<f32>,
    /// Columns taken on a log scale.
    pub log1p: Vec<bool>,
}

impl Linear {
    /// The transformed value of column `j`.
    #[inline]
    fn t(&self, j: usize, x: f32) -> f32 {
        let x = if x.is_finite() { x } else { 0.0 };
        let (lo, hi) = (self.lo[j], self.hi[j]);
        let x = if lo <= hi { x.clamp(lo, hi) } else { x };
        if self.log1p[j] {
            x.max(0.0).ln_1p()
        } else {
            x
        }
    }

    /// Columns (the shortest of the per-column vectors, should they differ).
    pub fn len(&self) -> usize {
        [
            self.weights.len(),
            self.means.len(),
            self.scales.len(),
            self.lo.len(),
            self.hi.len(),
            self.log1p.len(),
        ]
        .into_iter()
        .min()
        .unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn margin(&self, x: &[f32]) -> f32 {
        self.bias
            + (0..self.len())
                .map(|j| {
                    self.weights[j] * (self.t(j, x.get(j).copied().unwrap_or(0.0)) - self.means[j])
                        / self.scales[j]
                })
                .sum::<f32>()
    }

    /// Per-column contributions measured from an absent feature (`x = 0`): fills
    /// `out` and returns the margin of the all-zero row, so that
    /// `returned + Σ out = margin(x)`. With zero as the reference a signal that is
    /// not there contributes nothing, and every reason has its evidence.
    pub fn contributions(&self, x: &[f32], out: &mut Vec<f32>) -> f32 {
        out.clear();
        out.reserve(self.len());
        let mut bias = self.bias;
        for j in 0..self.len() {
            let zero = self.t(j, 0.0);
            let v = self.t(j, x.get(j).copied().unwrap_or(0.0));
            out.push(self.weights[j] * (v - zero) / self.scales[j]);
            bias += self.weights[j] * (zero - self.means[j]) / self.scales[j];
        }
        bias
    }

    /// The standardisation of `rows` (already restricted to the model's columns),
    /// with zero weights: clamp ranges, log flags, means and scales.
    fn standardised(rows: &[Vec<f32>], log1p: Vec<bool>, clamp: bool, scale: bool) -> Linear {
        let d = log1p.len();
        let n = rows.len().max(1) as f64;
        let mut lin = Linear {
            bias: 0.0,
            weights: vec![0.0; d],
            means: vec![0.0; d],
            scales: vec![1.0; d],
            lo: vec![f32::MIN; d],
            hi: vec![f32::MAX; d],
            log1p,
        };
        for j in 0..d {
            if clamp {
                let col = rows.iter().map(|r| at(r, j)).filter(|v| v.is_finite());
                let (lo, hi) = col.fold((f32::MAX, f32::MIN), |(a, b), v| (a.min(v), b.max(v)));
                if lo <= hi {
                    lin.lo[j] = lo;
                    lin.hi[j] = hi;
                }
            }
            let m = rows
                .iter()
                .map(|r| f64::from(lin.t(j, at(r, j))))
                .sum::<f64>()
                / n;
            let var = rows
                .iter()
                .map(|r| (f64::from(lin.t(j, at(r, j))) - m).powi(2))
                .sum::<f64>()
                / n;
            lin.means[j] = m as f32;
            lin.scales[j] = if scale {
                (var.sqrt() as f32).max(1e-3)
            } else {
                1.0
            };
        }
        lin
    }
}

/// Column `j` of a row (0 when the row is short).
fn at(row: &[f32], j: usize) -> f32 {
    row.get(j).copied().unwrap_or(0.0)
}

/// How [`fit_monotone`] fits.
#[derive(Clone, Debug, PartialEq)]
pub struct MonotoneConfig {
    /// L2 penalty on the standardised weights (mean log-loss + l2/2 · |w|²).
    pub l2: f32,
    /// Take `*_per_1k` rate columns on a log scale.
    pub log_rates: bool,
    /// Clamp each column to its training range when scoring.
    pub clamp: bool,
    /// Divide each column by its standard deviation before the penalty. Without,
    /// the penalty is on the weight per unit of the (log-scaled) feature, which
    /// keeps a rare feature — present in three training articles — from earning
    /// a large effect on little evidence.
    pub standardise: bool,
}

/// L2-penalised logistic regression with sign constraints, by cyclic coordinate
/// descent with a Newton step per coordinate (exact, deterministic, no learning
/// rate): `columns` are indices into [`FEATURES`] (for the names and
/// directions), `rows` the selected values.
pub fn fit_monotone(
    rows: &[Vec<f32>],
    labels: &[bool],
    columns: &[usize],
    config: &MonotoneConfig,
) -> Linear {
    let log1p = columns
        .iter()
        .map(|&c| config.log_rates && FEATURES[c].name.ends_with("_per_1k"))
        .collect();
    let mut lin = Linear::standardised(rows, log1p, config.clamp, config.standardise);
    let d = columns.len();
    let n = rows.len().min(labels.len());
    if n == 0 {
        return lin;
    }
    let z: Vec<Vec<f64>> = (0..d)
        .map(|j| {
            rows[..n]
                .iter()
                .map(|r| f64::from((lin.t(j, at(r, j)) - lin.means[j]) / lin.scales[j]))
                .collect()
        })
        .collect();
    let y: Vec<f64> = labels[..n]
        .iter()
        .map(|&l| f64::from(u8::from(l)))
        .collect();
    let pos = y.iter().sum::<f64>();
    let nf = n as f64;
    let l2 = f64::from(config.l2.max(0.0));
    let mut bias = ((pos + 0.5) / (nf - pos + 0.5)).ln();
    let mut w = vec![0f64; d];
    let mut margin = vec![bias; n];
    let sign: Vec<Direction> = columns
        .iter()
        .map(|&c| direction(FEATURES[c].name))
        .collect();
    let p = |m: f64| 1.0 / (1.0 + (-m).exp());
    for _ in 0..500 {
        let mut largest = 0f64;
        let (g, h) = margin.iter().zip(&y).fold((0.0, 0.0), |(g, h), (&m, &t)| {
            let q = p(m);
            (g + q - t, h + q * (1.0 - q))
        });
        let step = g / h.max(1e-9);
        bias -= step;
        margin.iter_mut().for_each(|m| *m -= step);
        largest = largest.max(step.abs());
        for j in 0..d {
            let (mut g, mut h) = (0.0, 0.0);
            for i in 0..n {
                let q = p(margin[i]);
                g += (q - y[i]) * z[j][i];
                h += q * (1.0 - q) * z[j][i] * z[j][i];
            }
            let g = g / nf + l2 * w[j];
            let h = h / nf + l2;
            let mut next = w[j] - g / h.max(1e-9);
            match sign[j] {
                Direction::Raises => next = next.max(0.0),
                Direction::Lowers => next = next.min(0.0),
                Direction::Either => {}
            }
            let dw = next - w[j];
            if dw != 0.0 {
                for i in 0..n {
                    margin[i] += dw * z[j][i];
                }
                w[j] = next;
                largest = largest.max(dw.abs());
            }
        }
        if largest < 1e-7 {
            break;
        }
    }
    lin.bias = bias as f32;
    lin.weights = w.into_iter().map(|v| v as f32).collect();
    lin
}

/// Standardised columns for another learner (the SGD logistic regression): no
/// clamping, no log scale.
pub(crate) fn plain(rows: &[Vec<f32>], d: usize) -> Linear {
    Linear::standardised(rows, vec![false; d], false, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_learn::SplitMix64;

    fn column(name: &str) -> usize {
        FEATURES.iter().position(|f| f.name == name).unwrap()
    }

    #[test]
    fn weights_keep_their_stated_sides() {
        // Exclamations truly lower credibility; dehumanising words are noise that
        // happens to come with credible rows; distinct sources truly raise it.
        let columns = [
            column("exclamations_per_1k"),
            column("dehumanising_per_1k"),
            column("distinct_sources"),
        ];
        let mut rng = SplitMix64::new(7);
        let (mut rows, mut labels) = (Vec::new(), Vec::new());
        for _ in 0..400 {
            let e = rng.next_f64() as f32 * 10.0;
            let s = rng.next_f64() as f32 * 2.0;
            let p = crosscheck_learn::sigmoid(1.0 - 0.4 * e + 1.5 * s);
            let label = (rng.next_f64() as f32) < p;
            let d = if label && rng.next_f64() < 0.3 {
                2.0
            } else {
                0.0
            };
            rows.push(vec![e, d, s]);
            labels.push(label);
        }
        let config = MonotoneConfig {
            l2: 0.01,
            log_rates: false,
            clamp: true,
            standardise: true,
        };
        let lin = fit_monotone(&rows, &labels, &columns, &config);
        assert!(lin.weights[0] < -0.5, "{:?}", lin.weights);
        assert_eq!(lin.weights[1], 0.0, "the data say +, the direction says -");
        assert!(lin.weights[2] > 0.3);
        // Contributions from zero add up to the margin, and clamping holds.
        let x = [30.0, 0.0, 1.0];
        let mut out = Vec::new();
        let bias = lin.contributions(&x, &mut out);
        assert!((bias + out.iter().sum::<f32>() - lin.margin(&x)).abs() < 1e-4);
        assert_eq!(lin.margin(&x), lin.margin(&[lin.hi[0], 0.0, 1.0]));
        assert_eq!(fit_monotone(&rows, &labels, &columns, &config), lin);
    }
}
