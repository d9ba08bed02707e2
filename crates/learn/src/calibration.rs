//! Turning raw model margins into probabilities that mean what they say: Platt
//! scaling (a fitted sigmoid) and isotonic regression (a fitted monotone step
//! curve). Fit either on held-out predictions, never on the training set itself.

/// A fitted map from a raw margin (log-odds) to a probability.
#[derive(Clone, Debug, PartialEq)]
pub enum Calibrator {
    /// `sigmoid(margin)`: the model's own probabilities.
    Identity,
    /// `sigmoid(a · margin + b)`.
    Platt {
        /// Slope.
        a: f32,
        /// Intercept.
        b: f32,
    },
    /// Linear interpolation through increasing `(x, y)` points; flat outside them.
    Isotonic {
        /// Margins, strictly increasing.
        xs: Vec<f32>,
        /// Probabilities, non-decreasing.
        ys: Vec<f32>,
    },
}

impl Calibrator {
    /// The calibrated probability for `margin`, always in `[0, 1]`. A NaN margin
    /// gives 0.5 (the isotonic curve's lower end for [`Calibrator::Isotonic`]).
    pub fn apply(&self, margin: f32) -> f32 {
        let p = match self {
            Calibrator::Identity => crate::sigmoid(margin),
            Calibrator::Platt { a, b } => crate::sigmoid(a * margin + b),
            Calibrator::Isotonic { xs, ys } => interpolate(xs, ys, margin),
        };
        if p.is_nan() {
            0.5
        } else {
            p.clamp(0.0, 1.0)
        }
    }

    /// Fits Platt scaling to held-out `(margin, label)` pairs with Platt's smoothed
    /// targets, by Newton's method with backtracking (Lin, Lin & Weng 2007). Without
    /// both classes it returns the identity.
    pub fn fit_platt(margins: &[f32], labels: &[bool]) -> Calibrator {
        let pairs: Vec<(f64, bool)> = margins
            .iter()
            .zip(labels)
            .filter(|(m, _)| m.is_finite())
            .map(|(&m, &l)| (f64::from(m), l))
            .collect();
        let pos = pairs.iter().filter(|p| p.1).count() as f64;
        let neg = pairs.len() as f64 - pos;
        if pos == 0.0 || neg == 0.0 {
            return Calibrator::Identity;
        }
        let hi = (pos + 1.0) / (pos + 2.0);
        let lo = 1.0 / (neg + 2.0);
        let targets: Vec<f64> = pairs.iter().map(|p| if p.1 { hi } else { lo }).collect();

        // Model: P(y=1|f) = 1 / (1 + exp(A f + B)).
        let objective = |a: f64, b: f64| -> f64 {
            pairs
                .iter()
                .zip(&targets)
                .map(|(&(f, _), &t)| {
                    let z = a * f + b;
                    if z >= 0.0 {
                        t * z + (1.0 + (-z).exp()).ln()
                    } else {
                        (t - 1.0) * z + (1.0 + z.exp()).ln()
                    }
                })
                .sum()
        };
        let (mut a, mut b) = (0.0f64, ((neg + 1.0) / (pos + 1.0)).ln());
        let mut fval = objective(a, b);
        for _ in 0..100 {
            let (mut h11, mut h22, mut h21, mut g1, mut g2) = (1e-12, 1e-12, 0.0, 0.0, 0.0);
            for (&(f, _), &t) in pairs.iter().zip(&targets) {
                let z = a * f + b;
                let (p, q) = if z >= 0.0 {
                    let e = (-z).exp();
                    (e / (1.0 + e), 1.0 / (1.0 + e))
                } else {
                    let e = z.exp();
                    (1.0 / (1.0 + e), e / (1.0 + e))
                };
                let d2 = p * q;
                h11 += f * f * d2;
                h22 += d2;
                h21 += f * d2;
                let d1 = t - p;
                g1 += f * d1;
                g2 += d1;
            }
            if g1.abs() < 1e-5 && g2.abs() < 1e-5 {
                break;
            }
            let det = h11 * h22 - h21 * h21;
            let da = -(h22 * g1 - h21 * g2) / det;
            let db = -(-h21 * g1 + h11 * g2) / det;
            let gd = g1 * da + g2 * db;
            let mut step = 1.0;
            let mut improved = false;
            while step >= 1e-10 {
                let (na, nb) = (a + step * da, b + step * db);
                let nf = objective(na, nb);
                if nf < fval + 1e-4 * step * gd {
                    (a, b, fval) = (na, nb, nf);
                    improved = true;
                    break;
                }
                step /= 2.0;
            }
            if !improved {
                break;
            }
        }
        if !(a.is_finite() && b.is_finite()) {
            return Calibrator::Identity;
        }
        Calibrator::Platt {
            a: -a as f32,
            b: -b as f32,
        }
    }

    /// Fits isotonic regression (pool adjacent violators) to held-out
    /// `(margin, label)` pairs. Equal margins are pooled first, so the curve does not
    /// depend on the order of ties. Without data it returns the identity.
    pub fn fit_isotonic(margins: &[f32], labels: &[bool]) -> Calibrator {
        let mut pairs: Vec<(f32, f64)> = margins
            .iter()
            .zip(labels)
            .filter(|(m, _)| m.is_finite())
            .map(|(&m, &l)| (m, if l { 1.0 } else { 0.0 }))
            .collect();
        if pairs.is_empty() {
            return Calibrator::Identity;
        }
        pairs.sort_by(|x, y| x.0.total_cmp(&y.0));
        // Blocks of (weighted mean x, mean y, weight).
        let mut blocks: Vec<(f64, f64, f64)> = Vec::new();
        let mut i = 0;
        while i < pairs.len() {
            let x = pairs[i].0;
            let (mut sy, mut w) = (0.0, 0.0);
            while i < pairs.len() && pairs[i].0 == x {
                sy += pairs[i].1;
                w += 1.0;
                i += 1;
            }
            blocks.push((f64::from(x), sy / w, w));
            while blocks.len() >= 2 {
                let (x2, y2, w2) = blocks[blocks.len() - 1];
                let (x1, y1, w1) = blocks[blocks.len() - 2];
                if y1 <= y2 {
                    break;
                }
                blocks.pop();
                let w = w1 + w2;
                *blocks.last_mut().expect("two blocks were present") =
                    ((x1 * w1 + x2 * w2) / w, (y1 * w1 + y2 * w2) / w, w);
            }
        }
        let xs = blocks.iter().map(|b| b.0 as f32).collect::<Vec<_>>();
        let ys = blocks.iter().map(|b| b.1 as f32).collect::<Vec<_>>();
        // Means of neighbouring blocks can round to the same f32; keep x strictly
        // increasing so interpolation is well defined.
        let mut out_x: Vec<f32> = Vec::with_capacity(xs.len());
        let mut out_y: Vec<f32> = Vec::with_capacity(ys.len());
        for (x, y) in xs.into_iter().zip(ys) {
            if out_x.last().is_some_and(|&l| x <= l) {
                if let Some(last) = out_y.last_mut() {
                    *last = last.max(y);
                }
                continue;
            }
            out_x.push(x);
            out_y.push(y);
        }
        Calibrator::Isotonic {
            xs: out_x,
            ys: out_y,
        }
    }
}

fn interpolate(xs: &[f32], ys: &[f32], x: f32) -> f32 {
    let n = xs.len().min(ys.len());
    if n == 0 {
        return crate::sigmoid(x);
    }
    let (xs, ys) = (&xs[..n], &ys[..n]);
    if x.is_nan() || x <= xs[0] {
        return ys[0];
    }
    if x >= xs[n - 1] {
        return ys[n - 1];
    }
    // First index with xs[i] > x; 1 <= i < n here.
    let i = xs.partition_point(|&v| v <= x);
    let (x0, x1, y0, y1) = (xs[i - 1], xs[i], ys[i - 1], ys[i]);
    let t = if x1 > x0 { (x - x0) / (x1 - x0) } else { 0.0 };
    y0 + t * (y1 - y0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::SplitMix64;

    /// Margins whose true probability is sigmoid(2m - 1).
    fn synthetic(n: usize) -> (Vec<f32>, Vec<bool>) {
        let mut rng = SplitMix64::new(5);
        (0..n)
            .map(|_| {
                let m = rng.next_f64() as f32 * 6.0 - 3.0;
                let p = crate::sigmoid(2.0 * m - 1.0);
                (m, (rng.next_f64() as f32) < p)
            })
            .unzip()
    }

    #[test]
    fn platt_recovers_a_known_sigmoid() {
        let (m, y) = synthetic(20_000);
        match Calibrator::fit_platt(&m, &y) {
            Calibrator::Platt { a, b } => {
                assert!((a - 2.0).abs() < 0.15, "a = {a}");
                assert!((b + 1.0).abs() < 0.1, "b = {b}");
            }
            other => panic!("expected Platt, got {other:?}"),
        }
    }

    #[test]
    fn isotonic_is_monotone_and_close_to_the_truth() {
        let (m, y) = synthetic(20_000);
        let c = Calibrator::fit_isotonic(&m, &y);
        let mut last = 0.0;
        for i in -30..=30 {
            let x = i as f32 / 10.0;
            let p = c.apply(x);
            assert!(p >= last);
            last = p;
        }
        assert!((c.apply(0.5) - 0.5).abs() < 0.08);
        assert!(c.apply(2.5) > 0.95);
    }

    #[test]
    fn degenerate_inputs_fall_back_to_identity() {
        assert_eq!(
            Calibrator::fit_platt(&[1.0, 2.0], &[true, true]),
            Calibrator::Identity
        );
        assert_eq!(Calibrator::fit_platt(&[], &[]), Calibrator::Identity);
        assert_eq!(
            Calibrator::fit_isotonic(&[f32::NAN], &[true]),
            Calibrator::Identity
        );
        let c = Calibrator::fit_isotonic(&[0.0, 0.0, 1.0], &[false, true, true]);
        assert_eq!(c.apply(-5.0), 0.5);
        assert_eq!(c.apply(f32::NAN), 0.5);
        assert_eq!(Calibrator::Platt { a: 1.0, b: 0.0 }.apply(f32::NAN), 0.5);
    }
}
