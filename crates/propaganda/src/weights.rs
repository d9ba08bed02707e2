//! Weights kept in memory as the model file stores them, 8-bit with one scale per
//! block of 64: a quarter of the cache footprint of `f32`, which is what makes
//! per-token scoring fast. The quantisation is the one of
//! `crosscheck_learn::ModelFile` (`WeightEncoding::Q8`), so loading a file and
//! re-quantising its weights gives back the same integers.

use crosscheck_learn::Q8Weights;

const BLOCK: usize = crosscheck_learn::Q8_BLOCK_LEN;
/// Row width of interleaved heads (14 techniques, padded for alignment).
pub const ROW: usize = 16;

/// `x.round().clamp(-127.0, 127.0) as i8`, without the libm call to `roundf`
/// that `f32::round` compiles to on baseline x86-64 (a quarter of model
/// loading went there), and in `f32` and `i32` arithmetic only, so that a block
/// is quantised with vector instructions.
///
/// Clamping to ±128 first decides every value the final clamp would; the cast
/// then truncates toward zero, the difference from it is exact (both are below
/// 2^8 in magnitude), and a difference of a half or more rounds away from zero,
/// as `f32::round` does. NaN converts to 0, as before. Checked offline against
/// the original expression, `((f64::from(x) ± 0.5) as i64).clamp(-127, 127)`,
/// for every `f32` bit pattern; the unit test below keeps a sample.
#[inline]
fn to_q8(x: f32) -> i8 {
    let x = x.clamp(-128.0, 128.0);
    let t = x as i32;
    let frac = x - t as f32;
    let r = t + i32::from(frac >= 0.5) - i32::from(frac <= -0.5);
    r.clamp(-127, 127) as i8
}

/// Quantises one block into `out` (of the block's length) and returns its scale.
fn quantize(block: &[f32], out: &mut [i8]) -> f32 {
    // The largest finite magnitude, compared as bits: for floats without a sign
    // bit the order of the bits is the order of the values, and magnitudes from
    // 0x7f80_0000 up are infinities and NaNs, which count as 0 (a loop without
    // branches, unlike `f32::max` over a filter).
    let max = f32::from_bits(
        block
            .iter()
            .map(|w| w.to_bits() & 0x7fff_ffff)
            .map(|b| if b < 0x7f80_0000 { b } else { 0 })
            .fold(0, u32::max),
    );
    let scale = if max > 0.0 { max / 127.0 } else { 0.0 };
    if scale > 0.0 {
        for (o, &w) in out.iter_mut().zip(block) {
            let w = if w.is_finite() { w } else { 0.0 };
            *o = to_q8(w / scale);
        }
    } else {
        out.fill(0);
    }
    scale
}

/// Weights as a model file holds them: stored 8-bit (`q` and its block scales,
/// `weights` empty) or as `f32` (`weights`, `q` empty). See
/// `crosscheck_learn::ModelFile::from_bytes_q8`.
#[derive(Clone, Copy, Debug)]
pub struct Stored<'a> {
    pub q8: &'a Q8Weights,
    pub weights: &'a [f32],
}

impl Stored<'_> {
    fn len(&self) -> usize {
        if self.q8.q.is_empty() {
            self.weights.len()
        } else {
            self.q8.q.len()
        }
    }

    /// Block `b` (of `n` weights) quantised into `out`, and its scale: what
    /// [`quantize`] gives for the weights the file means. An 8-bit block is taken
    /// as it is when re-quantising its weights provably gives it back (see
    /// [`is_fixed_point`]), else re-quantised from its `f32` values.
    fn block(&self, b: usize, n: usize, out: &mut [i8]) -> f32 {
        let range = b * BLOCK..b * BLOCK + n;
        if self.q8.q.is_empty() {
            return quantize(&self.weights[range], out);
        }
        let (q, scale) = (&self.q8.q[range], self.q8.scales[b]);
        if is_fixed_point(q, scale) {
            out.copy_from_slice(q);
            return scale;
        }
        let mut w = [0f32; BLOCK];
        for (w, &v) in w.iter_mut().zip(q) {
            *w = f32::from(v) * scale;
        }
        quantize(&w[..n], out)
    }
}

/// Whether [`quantize`] of the weights `q[k] · scale` gives back `q` and `scale`.
/// It does when the scale is a positive normal number, the largest `|q|` is 127 (as
/// quantising always makes it) and `(127 · scale) / 127` rounds back to `scale`:
/// the largest weight magnitude is then `127 · scale` (rounded), so the new
/// scale is `scale` itself; and each `(q · scale) / scale` is within two
/// roundings of the integer `q` (relative error under 2⁻²², far below the half
/// that rounding to an integer would need), so it rounds back to `q`.
fn is_fixed_point(q: &[i8], scale: f32) -> bool {
    // A fold, not `max()`: it compiles to vector maxima (a block per feature
    // block of every head, at each start).
    let max = q.iter().fold(0u8, |m, v| m.max(v.unsigned_abs()));
    scale.is_normal() && scale > 0.0 && max == 127 && (127.0 * scale) / 127.0 == scale
}

/// One head's weights.
///
/// Invariant: `scales` holds one scale per block of `BLOCK` weights of `q`,
/// `q.len().div_ceil(BLOCK)` of them (both constructors make them block by
/// block, and nothing else sets the fields); [`Q8::get`] relies on it.
#[derive(Clone, Debug, PartialEq)]
pub struct Q8 {
    q: Vec<i8>,
    scales: Vec<f32>,
}

impl Q8 {
    pub fn from_f32(weights: &[f32]) -> Q8 {
        let mut q = vec![0i8; weights.len()];
        let scales = weights
            .chunks(BLOCK)
            .zip(q.chunks_mut(BLOCK))
            .map(|(b, out)| quantize(b, out))
            .collect();
        Q8 { q, scales }
    }

    /// The weights a model file holds, as [`Q8::from_f32`] of the weights it
    /// means.
    pub fn from_stored(stored: Stored<'_>) -> Q8 {
        let len = stored.len();
        let mut q = vec![0i8; len];
        let scales = q
            .chunks_mut(BLOCK)
            .enumerate()
            .map(|(b, out)| stored.block(b, out.len(), out))
            .collect();
        Q8 { q, scales }
    }

    /// Weight `i` (0 past the end).
    #[inline]
    pub fn get(&self, i: usize) -> f32 {
        match self.q.get(i) {
            Some(&q) => {
                debug_assert!(i / BLOCK < self.scales.len());
                // SAFETY: `i` is a weight of `q`, and by the type's invariant
                // every block of `q` has its scale, so `i / BLOCK` is in range.
                // The second bounds check it saves was a tenth of the token
                // and sentence models' scoring (20 M instructions on the
                // 1,800-article benchmark slice).
                let s = unsafe { *self.scales.get_unchecked(i / BLOCK) };
                f32::from(q) * s
            }
            None => 0.0,
        }
    }

    pub fn to_f32(&self) -> Vec<f32> {
        (0..self.q.len()).map(|i| self.get(i)).collect()
    }

    /// Asks the CPU to bring weight `i` into cache ahead of [`Q8::get`]: hashed
    /// features land all over the table, and a load that misses stalls scoring.
    #[inline]
    pub fn prefetch(&self, i: usize) {
        crosscheck_learn::prefetch(&self.q, i);
    }
}

/// Several heads over one feature space, interleaved by feature: the weights of
/// feature `i` for every head share one 16-byte row, so a feature costs one
/// memory access for all heads.
#[derive(Clone, Debug, PartialEq)]
pub struct Q8Rows {
    /// Row `i`: feature `i`'s weight of each head.
    q: Vec<[i8; ROW]>,
    /// `scales[i / 64][head]`.
    scales: Vec<[f32; ROW]>,
}

impl Q8Rows {
    /// At most [`ROW`] heads of equal length.
    pub fn from_heads<W: AsRef<[f32]>>(heads: &[W]) -> Q8Rows {
        let n = heads.len().min(ROW);
        let dim = heads.iter().map(|w| w.as_ref().len()).min().unwrap_or(0);
        let blocks = dim.div_ceil(BLOCK);
        let mut q = vec![[0i8; ROW]; dim];
        let mut scales = vec![[0f32; ROW]; blocks];
        let mut buf = [0i8; BLOCK];
        for (h, w) in heads.iter().take(n).enumerate() {
            for (b, block) in w.as_ref()[..dim].chunks(BLOCK).enumerate() {
                let buf = &mut buf[..block.len()];
                scales[b][h] = quantize(block, buf);
                for (k, &v) in buf.iter().enumerate() {
                    q[b * BLOCK + k][h] = v;
                }
            }
        }
        Q8Rows { q, scales }
    }

    /// [`Q8Rows::from_heads`] of the weights the model file's heads mean.
    pub fn from_stored(heads: &[Stored<'_>]) -> Q8Rows {
        let n = heads.len().min(ROW);
        let dim = heads.iter().map(Stored::len).min().unwrap_or(0);
        let blocks = dim.div_ceil(BLOCK);
        let mut q = vec![[0i8; ROW]; dim];
        let mut scales = vec![[0f32; ROW]; blocks];
        let mut buf = [0i8; BLOCK];
        for (h, w) in heads.iter().take(n).enumerate() {
            // Block `b`'s rows, zipped with the block's weights: no index to
            // check per weight (there are 14 of them per feature of the table).
            for (b, (rows, scale)) in q.chunks_mut(BLOCK).zip(&mut scales).enumerate() {
                let buf = &mut buf[..rows.len()];
                scale[h] = w.block(b, rows.len(), buf);
                for (row, &v) in rows.iter_mut().zip(buf.iter()) {
                    row[h] = v;
                }
            }
        }
        Q8Rows { q, scales }
    }

    /// `acc[h] += v · weight(i, h)` for every head. Always inlined: the
    /// technique model calls it in a loop, where `acc` can then stay in registers.
    #[inline(always)]
    pub fn add(&self, i: usize, v: f32, acc: &mut [f32; ROW]) {
        let (Some(row), Some(scales)) = (self.q.get(i), self.scales.get(i / BLOCK)) else {
            return;
        };
        // Fixed-size arrays: the loop compiles to a few vector instructions.
        for h in 0..ROW {
            acc[h] += f32::from(row[h]) * scales[h] * v;
        }
    }

    /// Asks the CPU to bring row `i` into cache ahead of [`Q8Rows::add`].
    #[inline]
    pub fn prefetch(&self, i: usize) {
        crosscheck_learn::prefetch(&self.q, i);
    }

    /// Head `h` as plain weights.
    pub fn head(&self, h: usize) -> Vec<f32> {
        self.q
            .iter()
            .enumerate()
            .map(|(i, row)| f32::from(row[h]) * self.scales[i / BLOCK][h])
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_learn::{round_trip_weights, WeightEncoding};

    #[test]
    fn every_block_of_weights_has_its_scale() {
        // The invariant `Q8::get` reads the scales by without a check.
        for len in [0, 1, BLOCK - 1, BLOCK, BLOCK + 1, 3 * BLOCK + 5] {
            let w: Vec<f32> = (0..len).map(|i| (i as f32 - 40.0) / 9.0).collect();
            let q = Q8::from_f32(&w);
            assert_eq!(q.scales.len(), len.div_ceil(BLOCK));
            let stored = Q8Weights {
                q: q.q.clone(),
                scales: q.scales.clone(),
            };
            let again = Q8::from_stored(Stored {
                q8: &stored,
                weights: &[],
            });
            assert_eq!(again.scales.len(), len.div_ceil(BLOCK));
            assert_eq!(q.get(len), 0.0, "past the end");
            if let Some(last) = len.checked_sub(1) {
                assert_eq!(q.get(last).to_bits(), again.get(last).to_bits());
            }
        }
    }

    #[test]
    fn matches_the_model_file_quantisation() {
        let w: Vec<f32> = (0..300)
            .map(|i| ((i * 37 % 101) as f32 - 50.0) / 7.0)
            .collect();
        let file = round_trip_weights(&w, WeightEncoding::Q8);
        let q = Q8::from_f32(&w);
        assert_eq!(q.to_f32(), file);
        // Re-quantising loaded weights changes nothing.
        assert_eq!(Q8::from_f32(&file).to_f32(), file);
        assert_eq!(q.get(10_000), 0.0);
    }

    #[test]
    fn rounding_matches_f32_round() {
        let mut xs = vec![0.0f32, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 126.5, -126.5];
        xs.extend([0.49999997f32, -0.49999997, 127.49999, 127.5, -127.5]);
        xs.extend([8_388_607.5f32, 8_388_608.0, 1e30, -1e30, f32::NAN]);
        xs.extend([f32::INFINITY, -f32::INFINITY]);
        xs.extend((-3000..3000).map(|i| i as f32 * 0.0625 + 0.0001 * (i % 7) as f32));
        for x in xs {
            assert_eq!(to_q8(x), x.round().clamp(-127.0, 127.0) as i8, "{x}");
        }
    }

    #[test]
    fn rounding_matches_the_f64_definition_on_a_sample_of_bit_patterns() {
        // The definition this rounding replaced (checked offline on all 2^32).
        let reference = |x: f32| -> i8 {
            let half = if x >= 0.0 { 0.5 } else { -0.5 };
            ((f64::from(x) + half) as i64).clamp(-127, 127) as i8
        };
        for bits in (0..=u32::MAX)
            .step_by(997)
            .chain([0x3eff_ffff, 0xbeff_ffff])
        {
            let x = f32::from_bits(bits);
            assert_eq!(to_q8(x), reference(x), "{x:e} ({bits:#x})");
        }
    }

    #[test]
    fn stored_blocks_are_taken_only_when_requantising_gives_them_back() {
        let mut rng = crosscheck_learn::SplitMix64::new(7);
        let mut taken = 0;
        for i in 0..20_000 {
            let magnitude = [1e-30f32, 1e-6, 0.01, 1.0, 3.7, 1e5, 1e30][i % 7];
            let n = if i % 5 == 0 { 1 + i % BLOCK } else { BLOCK };
            let w: Vec<f32> = (0..n)
                .map(|_| (rng.next_f64() as f32 - 0.5) * magnitude)
                .collect();
            let mut q = vec![0i8; n];
            let scale = quantize(&w, &mut q);
            let q8 = Q8Weights {
                q: q.clone(),
                scales: vec![scale],
            };
            let stored = Stored {
                q8: &q8,
                weights: &[],
            };
            // What loading the file and quantising its weights gives.
            let file: Vec<f32> = q.iter().map(|&v| f32::from(v) * scale).collect();
            let mut want = vec![0i8; n];
            let want_scale = quantize(&file, &mut want);
            let mut got = vec![0i8; n];
            assert_eq!(stored.block(0, n, &mut got).to_bits(), want_scale.to_bits());
            assert_eq!(got, want);
            taken += usize::from(is_fixed_point(&q, scale));
        }
        assert!(taken > 15_000, "{taken}");
    }

    #[test]
    fn block_scale_ignores_infinities_and_nans() {
        let block = [1.0f32, -3.5, f32::INFINITY, f32::NAN, -f32::INFINITY, 2.0];
        let mut out = [0i8; 6];
        assert_eq!(quantize(&block, &mut out), 3.5 / 127.0);
        assert_eq!(out, [36, -127, 0, 0, 0, 73]);
        assert_eq!(quantize(&[f32::NAN, -0.0], &mut out[..2]), 0.0);
        assert_eq!(out[..2], [0, 0]);
    }

    /// Rows made from stored heads, `f32` or 8-bit, equal the rows made from
    /// the weights those heads mean, a short last block included.
    #[test]
    fn rows_from_stored_heads_are_rows_from_their_weights() {
        let a: Vec<f32> = (0..130).map(|i| i as f32 / 10.0).collect();
        let b: Vec<f32> = (0..130).map(|i| -(i as f32) / 3.0).collect();
        let empty = Q8Weights::default();
        let as_f32 = [&a, &b].map(|w| Stored {
            q8: &empty,
            weights: w,
        });
        assert_eq!(Q8Rows::from_stored(&as_f32), Q8Rows::from_heads(&[&a, &b]));
        let q8 = [&a, &b].map(|w| {
            let q = Q8::from_f32(w);
            Q8Weights {
                q: q.q.clone(),
                scales: q.scales.clone(),
            }
        });
        let as_q8 = [&q8[0], &q8[1]].map(|q8| Stored { q8, weights: &[] });
        let meant = [&a, &b].map(|w| Q8::from_f32(w).to_f32());
        assert_eq!(Q8Rows::from_stored(&as_q8), Q8Rows::from_heads(&meant));
    }

    #[test]
    fn interleaved_rows_hold_each_head() {
        let a: Vec<f32> = (0..130).map(|i| i as f32 / 10.0).collect();
        let b: Vec<f32> = (0..130).map(|i| -(i as f32) / 3.0).collect();
        let rows = Q8Rows::from_heads(&[a.clone(), b.clone()]);
        assert_eq!(rows.head(0), Q8::from_f32(&a).to_f32());
        assert_eq!(rows.head(1), Q8::from_f32(&b).to_f32());
        let mut acc = [0f32; ROW];
        rows.add(129, 2.0, &mut acc);
        assert!((acc[0] - 25.8).abs() < 0.2 && (acc[1] + 86.0).abs() < 0.5);
        rows.add(130, 1.0, &mut acc); // out of range: ignored
    }
}
