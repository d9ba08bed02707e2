//! The compact, versioned file format of every shipped linear model.
//!
//! ```text
//! magic "XCLM" | version u16 | kind str | metadata (u32 n, n × (str, str))
//! | hasher config | dense names (u32 n, n × str)
//! | heads (u32 n, n × head) | checksum u64 (FNV-1a of all bytes before it)
//!
//! hasher config: bits u8, flags u8 (1 unigrams, 2 bigrams, 4 fold digits,
//!                8 symbols), char_min u8, char_max u8, word_weight f32, char_weight f32
//! head:          name str, bias f32, threshold f32, calibrator, weights
//! calibrator:    0 identity | 1 platt (a f32, b f32) | 2 isotonic (u32 n, n × f32, n × f32)
//! weights:       encoding u8 (0 f32, 1 q8), u32 len, payload
//!                q8: per block of 64 weights a f32 scale then 64 i8 (last block shorter)
//! str:           u32 byte length, UTF-8 bytes
//! ```
//!
//! All integers and floats are little-endian. Reading checks every length against
//! the bytes left before allocating, so a corrupt or hostile file is an error,
//! never a panic or a huge allocation.

use std::fmt;

use crate::calibration::Calibrator;
use crate::features::{FeatureHasher, HasherConfig};
use crate::hash::fnv1a64;
use crate::logistic::LogisticRegression;

const MAGIC: &[u8; 4] = b"XCLM";
/// The format version this crate writes (and the only one it reads).
pub const FORMAT_VERSION: u16 = 1;
const Q8_BLOCK: usize = 64;

/// How weights are stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WeightEncoding {
    /// 4 bytes per weight, exact.
    F32,
    /// About 1.06 bytes per weight: int8 with one f32 scale per block of 64.
    Q8,
}

/// One binary decision of a model: its weights, calibration and operating threshold.
#[derive(Clone, Debug, PartialEq)]
pub struct Head {
    /// What this head predicts (a class name, or the task for a binary model).
    pub name: String,
    /// Weights over the hasher's space and the intercept.
    pub model: LogisticRegression,
    /// Margin → probability.
    pub calibrator: Calibrator,
    /// The calibrated probability at or above which the head says yes.
    pub threshold: f32,
}

/// A complete model: what it is for, how to featurise text, and its heads.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelFile {
    /// What the model does (e.g. `"checkworthy"`); checked on load.
    pub kind: String,
    /// Free-form provenance: training data, date, figures.
    pub metadata: Vec<(String, String)>,
    /// The feature space; every head's weights have `hasher.dim()` entries.
    pub hasher: FeatureHasher,
    /// One head per binary decision (one for a binary model).
    pub heads: Vec<Head>,
}

/// Why bytes are not a valid model file.
#[derive(Clone, Debug, PartialEq)]
pub enum FormatError {
    /// The bytes do not start with the model magic.
    BadMagic,
    /// Written by another version of the format.
    UnsupportedVersion(u16),
    /// The bytes end before `what` at `offset`.
    Truncated {
        /// Byte offset where reading stopped.
        offset: usize,
        /// What was being read.
        what: &'static str,
    },
    /// A value makes no sense.
    Invalid {
        /// Byte offset of the value.
        offset: usize,
        /// What is wrong.
        what: String,
    },
    /// The checksum does not match: the file is damaged.
    ChecksumMismatch,
    /// A valid model, but for another task.
    WrongKind {
        /// The kind the caller wanted.
        expected: String,
        /// The kind in the file.
        found: String,
    },
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::BadMagic => write!(f, "not a crosscheck model file (bad magic)"),
            FormatError::UnsupportedVersion(v) => write!(
                f,
                "model file format version {v} is not supported (this build reads {FORMAT_VERSION})"
            ),
            FormatError::Truncated { offset, what } => {
                write!(
                    f,
                    "model file truncated at byte {offset} while reading {what}"
                )
            }
            FormatError::Invalid { offset, what } => {
                write!(f, "invalid model file at byte {offset}: {what}")
            }
            FormatError::ChecksumMismatch => {
                write!(f, "model file checksum mismatch (damaged file)")
            }
            FormatError::WrongKind { expected, found } => {
                write!(f, "model file is a {found:?} model, expected {expected:?}")
            }
        }
    }
}

impl std::error::Error for FormatError {}

/// What `weights` become after a round trip through `encoding`: use it to make an
/// in-memory model behave exactly like the same model loaded from bytes.
pub fn round_trip_weights(weights: &[f32], encoding: WeightEncoding) -> Vec<f32> {
    match encoding {
        WeightEncoding::F32 => weights.to_vec(),
        WeightEncoding::Q8 => {
            let mut out = Vec::with_capacity(weights.len());
            for block in weights.chunks(Q8_BLOCK) {
                let (scale, q) = quantize_block(block);
                out.extend(q[..block.len()].iter().map(|&v| f32::from(v) * scale));
            }
            out
        }
    }
}

/// One head's weights as a file stores them in [`WeightEncoding::Q8`]: weight
/// `i` is `q[i] as f32 * scales[i / 64]`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Q8Weights {
    pub q: Vec<i8>,
    pub scales: Vec<f32>,
}

/// Whether [`ModelFile::parse`] computes and checks the file's checksum.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Checksum {
    Verify,
    /// The bytes were verified by a checksum that covers them (a container's).
    Trust,
}

/// Weights per scale in [`Q8Weights`].
pub const Q8_BLOCK_LEN: usize = Q8_BLOCK;

fn quantize_block(block: &[f32]) -> (f32, [i8; Q8_BLOCK]) {
    let max = block
        .iter()
        .filter(|w| w.is_finite())
        .fold(0f32, |m, w| m.max(w.abs()));
    let scale = if max > 0.0 { max / 127.0 } else { 0.0 };
    let mut q = [0i8; Q8_BLOCK];
    if scale > 0.0 {
        for (o, &w) in q.iter_mut().zip(block) {
            let w = if w.is_finite() { w } else { 0.0 };
            *o = (w / scale).round().clamp(-127.0, 127.0) as i8;
        }
    }
    (scale, q)
}

impl ModelFile {
    /// Serialises the model. Deterministic: equal models give equal bytes.
    pub fn to_bytes(&self, encoding: WeightEncoding) -> Vec<u8> {
        let mut w = ByteWriter::default();
        w.bytes(MAGIC);
        w.u16(FORMAT_VERSION);
        w.str(&self.kind);
        w.u32(self.metadata.len() as u32);
        for (k, v) in &self.metadata {
            w.str(k);
            w.str(v);
        }
        let c = self.hasher.config();
        w.u8(c.bits);
        w.u8(u8::from(c.word_unigrams)
            | u8::from(c.word_bigrams) << 1
            | u8::from(c.fold_digits) << 2
            | u8::from(c.symbols) << 3);
        w.u8(c.char_min);
        w.u8(c.char_max);
        w.f32(c.word_weight);
        w.f32(c.char_weight);
        w.u32(self.hasher.dense_names().len() as u32);
        for name in self.hasher.dense_names() {
            w.str(name);
        }
        w.u32(self.heads.len() as u32);
        for head in &self.heads {
            w.str(&head.name);
            w.f32(head.model.bias);
            w.f32(head.threshold);
            match &head.calibrator {
                Calibrator::Identity => w.u8(0),
                Calibrator::Platt { a, b } => {
                    w.u8(1);
                    w.f32(*a);
                    w.f32(*b);
                }
                Calibrator::Isotonic { xs, ys } => {
                    w.u8(2);
                    let n = xs.len().min(ys.len());
                    w.u32(n as u32);
                    xs[..n].iter().for_each(|&x| w.f32(x));
                    ys[..n].iter().for_each(|&y| w.f32(y));
                }
            }
            let weights = &head.model.weights;
            match encoding {
                WeightEncoding::F32 => {
                    w.u8(0);
                    w.u32(weights.len() as u32);
                    weights.iter().for_each(|&x| w.f32(x));
                }
                WeightEncoding::Q8 => {
                    w.u8(1);
                    w.u32(weights.len() as u32);
                    for block in weights.chunks(Q8_BLOCK) {
                        let (scale, q) = quantize_block(block);
                        w.f32(scale);
                        w.bytes(
                            &q[..block.len()]
                                .iter()
                                .map(|&v| v as u8)
                                .collect::<Vec<_>>(),
                        );
                    }
                }
            }
        }
        let checksum = fnv1a64(&w.buf);
        w.u64(checksum);
        w.buf
    }

    /// Reads a model of any kind.
    pub fn from_bytes(bytes: &[u8]) -> Result<ModelFile, FormatError> {
        ModelFile::parse(bytes, None, Checksum::Verify)
    }

    /// [`ModelFile::from_bytes`] for a caller that keeps 8-bit weights as they
    /// are stored: the weights of each head stored as [`WeightEncoding::Q8`] are
    /// returned beside the model, as the file holds them, and that head's
    /// `weights` are left empty (heads stored as `f32` are read as usual, with an
    /// empty [`Q8Weights`]). Accepts and refuses exactly the files `from_bytes`
    /// does.
    pub fn from_bytes_q8(bytes: &[u8]) -> Result<(ModelFile, Vec<Q8Weights>), FormatError> {
        let mut raw = Vec::new();
        let model = ModelFile::parse(bytes, Some(&mut raw), Checksum::Verify)?;
        Ok((model, raw))
    }

    /// [`ModelFile::from_bytes_q8`] for a model file held inside a container
    /// whose own checksum covers every byte of it and has been verified (the
    /// parts of the propaganda model): the file's checksum is not computed a
    /// second time, and is not checked. Everything else is read and checked as
    /// `from_bytes_q8` reads and checks it.
    pub fn from_verified_bytes_q8(
        bytes: &[u8],
    ) -> Result<(ModelFile, Vec<Q8Weights>), FormatError> {
        let mut raw = Vec::new();
        let model = ModelFile::parse(bytes, Some(&mut raw), Checksum::Trust)?;
        Ok((model, raw))
    }

    fn parse(
        bytes: &[u8],
        mut raw: Option<&mut Vec<Q8Weights>>,
        checksum: Checksum,
    ) -> Result<ModelFile, FormatError> {
        if bytes.len() < 4 || &bytes[..4] != MAGIC {
            return Err(FormatError::BadMagic);
        }
        let mut r = ByteReader::new(bytes, 4);
        let version = r.u16("version")?;
        if version != FORMAT_VERSION {
            return Err(FormatError::UnsupportedVersion(version));
        }
        if bytes.len() < 14 {
            return Err(FormatError::Truncated {
                offset: bytes.len(),
                what: "checksum",
            });
        }
        let (body, tail) = bytes.split_at(bytes.len() - 8);
        let mut stored = [0u8; 8];
        stored.copy_from_slice(tail);
        if checksum == Checksum::Verify && fnv1a64(body) != u64::from_le_bytes(stored) {
            return Err(FormatError::ChecksumMismatch);
        }
        r.bytes = body;

        let kind = r.str("kind")?;
        let n_meta = r.count("metadata count", 8)?;
        let mut metadata = Vec::with_capacity(n_meta);
        for _ in 0..n_meta {
            metadata.push((r.str("metadata key")?, r.str("metadata value")?));
        }
        let config_at = r.pos;
        let bits = r.u8("hasher bits")?;
        let flags = r.u8("hasher flags")?;
        let char_min = r.u8("char_min")?;
        let char_max = r.u8("char_max")?;
        let word_weight = r.f32("word_weight")?;
        let char_weight = r.f32("char_weight")?;
        let config = HasherConfig {
            bits,
            word_unigrams: flags & 1 != 0,
            word_bigrams: flags & 2 != 0,
            fold_digits: flags & 4 != 0,
            symbols: flags & 8 != 0,
            char_min,
            char_max,
            word_weight,
            char_weight,
        };
        let n_dense = r.count("dense feature count", 4)?;
        let mut dense = Vec::with_capacity(n_dense);
        for _ in 0..n_dense {
            dense.push(r.str("dense feature name")?);
        }
        let hasher = FeatureHasher::new(config, dense).map_err(|e| FormatError::Invalid {
            offset: config_at,
            what: e.0,
        })?;
        let dim = hasher.dim();

        let n_heads = r.count("head count", 13)?;
        let mut heads = Vec::with_capacity(n_heads);
        for _ in 0..n_heads {
            let name = r.str("head name")?;
            let bias = r.f32("bias")?;
            let threshold = r.f32("threshold")?;
            let cal_at = r.pos;
            let calibrator = match r.u8("calibrator tag")? {
                0 => Calibrator::Identity,
                1 => Calibrator::Platt {
                    a: r.f32("platt a")?,
                    b: r.f32("platt b")?,
                },
                2 => {
                    let n = r.count("isotonic points", 8)?;
                    let xs = (0..n)
                        .map(|_| r.f32("isotonic x"))
                        .collect::<Result<Vec<_>, _>>()?;
                    let ys = (0..n)
                        .map(|_| r.f32("isotonic y"))
                        .collect::<Result<Vec<_>, _>>()?;
                    if xs
                        .windows(2)
                        .any(|w| w[0].partial_cmp(&w[1]) != Some(std::cmp::Ordering::Less))
                    {
                        return Err(FormatError::Invalid {
                            offset: cal_at,
                            what: "isotonic margins are not strictly increasing".into(),
                        });
                    }
                    Calibrator::Isotonic { xs, ys }
                }
                t => {
                    return Err(FormatError::Invalid {
                        offset: cal_at,
                        what: format!("unknown calibrator tag {t}"),
                    })
                }
            };
            if !(bias.is_finite() && threshold.is_finite()) {
                return Err(FormatError::Invalid {
                    offset: cal_at,
                    what: "bias or threshold is not finite".into(),
                });
            }
            let enc_at = r.pos;
            let encoding = r.u8("weight encoding")?;
            let len_at = r.pos;
            let len = r.u32("weight count")? as usize;
            if len != dim {
                return Err(FormatError::Invalid {
                    offset: len_at,
                    what: format!("{len} weights for a feature space of dimension {dim}"),
                });
            }
            let mut q8 = Q8Weights::default();
            let weights = match encoding {
                1 if raw.is_some() => {
                    let blocks = len.div_ceil(Q8_BLOCK);
                    r.need(len.saturating_add(blocks.saturating_mul(4)), "q8 weights")?;
                    q8.q.reserve(len);
                    q8.scales.reserve(blocks);
                    let mut finite = true;
                    for b in 0..blocks {
                        let scale = r.f32("q8 scale")?;
                        let n = Q8_BLOCK.min(len - b * Q8_BLOCK);
                        let q = r.take(n, "q8 block")?;
                        let start = q8.q.len();
                        q8.q.extend(q.iter().map(|&v| v as i8));
                        // A weight `q · scale` is not finite exactly when the scale
                        // is not or the largest `|q|` overflows with it.
                        // A fold, not `max()`: it compiles to vector maxima.
                        let max = q8.q[start..]
                            .iter()
                            .fold(0u8, |m, v| m.max(v.unsigned_abs()));
                        finite &= if max == 0 {
                            scale.is_finite()
                        } else {
                            (f32::from(max) * scale).is_finite()
                        };
                        q8.scales.push(scale);
                    }
                    if !finite {
                        return Err(FormatError::Invalid {
                            offset: enc_at,
                            what: "a weight is not finite".into(),
                        });
                    }
                    Vec::new()
                }
                0 => {
                    r.need(len.saturating_mul(4), "f32 weights")?;
                    (0..len)
                        .map(|_| r.f32("weight"))
                        .collect::<Result<Vec<_>, _>>()?
                }
                1 => {
                    let blocks = len.div_ceil(Q8_BLOCK);
                    r.need(len.saturating_add(blocks.saturating_mul(4)), "q8 weights")?;
                    let mut out = Vec::with_capacity(len);
                    for b in 0..blocks {
                        let scale = r.f32("q8 scale")?;
                        let n = Q8_BLOCK.min(len - b * Q8_BLOCK);
                        let q = r.take(n, "q8 block")?;
                        out.extend(q.iter().map(|&v| f32::from(v as i8) * scale));
                    }
                    out
                }
                e => {
                    return Err(FormatError::Invalid {
                        offset: enc_at,
                        what: format!("unknown weight encoding {e}"),
                    })
                }
            };
            if weights.iter().any(|w| !w.is_finite()) {
                return Err(FormatError::Invalid {
                    offset: enc_at,
                    what: "a weight is not finite".into(),
                });
            }
            if let Some(raw) = raw.as_mut() {
                raw.push(q8);
            }
            heads.push(Head {
                name,
                model: LogisticRegression { weights, bias },
                calibrator,
                threshold,
            });
        }
        if r.pos != body.len() {
            return Err(FormatError::Invalid {
                offset: r.pos,
                what: format!(
                    "{} unexpected bytes after the last head",
                    body.len() - r.pos
                ),
            });
        }
        Ok(ModelFile {
            kind,
            metadata,
            hasher,
            heads,
        })
    }

    /// Reads a model and checks that it is of `kind`.
    pub fn from_bytes_of_kind(bytes: &[u8], kind: &str) -> Result<ModelFile, FormatError> {
        let model = ModelFile::from_bytes(bytes)?;
        if model.kind != kind {
            return Err(FormatError::WrongKind {
                expected: kind.to_string(),
                found: model.kind,
            });
        }
        Ok(model)
    }

    /// The value of a metadata key.
    pub fn meta(&self, key: &str) -> Option<&str> {
        self.metadata
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// A little-endian byte writer: the primitives of the crate's model formats
/// (`str` is a u32 byte length, then the UTF-8 bytes).
#[derive(Default)]
pub struct ByteWriter {
    buf: Vec<u8>,
}

impl ByteWriter {
    /// An empty writer.
    pub fn new() -> ByteWriter {
        ByteWriter::default()
    }
    /// The bytes written so far.
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf
    }
    /// The bytes written.
    pub fn into_bytes(self) -> Vec<u8> {
        self.buf
    }
    pub fn bytes(&mut self, b: &[u8]) {
        self.buf.extend_from_slice(b);
    }
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    pub fn u16(&mut self, v: u16) {
        self.bytes(&v.to_le_bytes());
    }
    pub fn u32(&mut self, v: u32) {
        self.bytes(&v.to_le_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.bytes(&v.to_le_bytes());
    }
    pub fn f32(&mut self, v: f32) {
        self.bytes(&v.to_le_bytes());
    }
    pub fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.bytes(s.as_bytes());
    }
}

/// The reader of [`ByteWriter`]'s bytes. Every read checks the bytes left: a short
/// or hostile input is a [`FormatError`], never a panic or a huge allocation.
pub struct ByteReader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> ByteReader<'a> {
    /// A reader of `bytes` from offset `pos`.
    pub fn new(bytes: &'a [u8], pos: usize) -> ByteReader<'a> {
        ByteReader { bytes, pos }
    }

    /// The offset of the next byte to read.
    pub fn pos(&self) -> usize {
        self.pos
    }

    /// An error unless `n` more bytes are left.
    pub fn need(&self, n: usize, what: &'static str) -> Result<(), FormatError> {
        if self.bytes.len().saturating_sub(self.pos) < n {
            return Err(FormatError::Truncated {
                offset: self.pos,
                what,
            });
        }
        Ok(())
    }

    pub fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], FormatError> {
        self.need(n, what)?;
        let out = &self.bytes[self.pos..self.pos + n];
        self.pos += n;
        Ok(out)
    }

    fn array<const N: usize>(&mut self, what: &'static str) -> Result<[u8; N], FormatError> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N, what)?);
        Ok(out)
    }

    pub fn u8(&mut self, what: &'static str) -> Result<u8, FormatError> {
        Ok(self.array::<1>(what)?[0])
    }
    pub fn u16(&mut self, what: &'static str) -> Result<u16, FormatError> {
        Ok(u16::from_le_bytes(self.array(what)?))
    }
    pub fn u32(&mut self, what: &'static str) -> Result<u32, FormatError> {
        Ok(u32::from_le_bytes(self.array(what)?))
    }
    pub fn f32(&mut self, what: &'static str) -> Result<f32, FormatError> {
        Ok(f32::from_le_bytes(self.array(what)?))
    }

    /// A count of items that each take at least `min_bytes`: refused when the bytes
    /// left cannot hold them, before anything is allocated.
    pub fn count(&mut self, what: &'static str, min_bytes: usize) -> Result<usize, FormatError> {
        let at = self.pos;
        let n = self.u32(what)? as usize;
        if n.saturating_mul(min_bytes) > self.bytes.len() - self.pos {
            return Err(FormatError::Truncated { offset: at, what });
        }
        Ok(n)
    }

    pub fn str(&mut self, what: &'static str) -> Result<String, FormatError> {
        let at = self.pos;
        let n = self.u32(what)? as usize;
        let raw = self.take(n, what)?;
        String::from_utf8(raw.to_vec()).map_err(|_| FormatError::Invalid {
            offset: at,
            what: format!("{what} is not UTF-8"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> ModelFile {
        let hasher = FeatureHasher::new(
            HasherConfig {
                bits: 12,
                ..HasherConfig::default()
            },
            vec!["has_number".into(), "has_reporting_verb".into()],
        )
        .unwrap();
        let dim = hasher.dim();
        let weights = (0..dim)
            .map(|i| ((i * 37 % 101) as f32 - 50.0) / 25.0)
            .collect();
        ModelFile {
            kind: "checkworthy".into(),
            metadata: vec![("trained_on".into(), "claimbuster + clef2019".into())],
            hasher,
            heads: vec![Head {
                name: "checkworthy".into(),
                model: LogisticRegression {
                    weights,
                    bias: -0.75,
                },
                calibrator: Calibrator::Platt { a: 1.2, b: -0.3 },
                threshold: 0.42,
            }],
        }
    }

    #[test]
    fn f32_round_trip_is_exact() {
        let m = sample();
        let bytes = m.to_bytes(WeightEncoding::F32);
        assert!(ModelFile::from_bytes(&bytes).unwrap() == m);
        assert!(bytes == m.to_bytes(WeightEncoding::F32));
        assert_eq!(m.meta("trained_on"), Some("claimbuster + clef2019"));
    }

    #[test]
    fn q8_round_trip_matches_round_trip_weights_and_is_small() {
        let m = sample();
        let bytes = m.to_bytes(WeightEncoding::Q8);
        assert!(bytes.len() < m.to_bytes(WeightEncoding::F32).len() / 3);
        let back = ModelFile::from_bytes(&bytes).unwrap();
        let expected = round_trip_weights(&m.heads[0].model.weights, WeightEncoding::Q8);
        assert!(back.heads[0].model.weights == expected);
        for (a, b) in expected.iter().zip(&m.heads[0].model.weights) {
            assert!((a - b).abs() <= 2.0 / 127.0);
        }
        // A second trip through Q8 changes nothing.
        assert!(back.to_bytes(WeightEncoding::Q8) == bytes);
    }

    #[test]
    fn isotonic_and_identity_calibrators_survive() {
        let mut m = sample();
        m.heads[0].calibrator = Calibrator::Isotonic {
            xs: vec![-1.0, 0.0, 2.0],
            ys: vec![0.1, 0.3, 0.9],
        };
        m.heads.push(Head {
            calibrator: Calibrator::Identity,
            name: "other".into(),
            ..m.heads[0].clone()
        });
        let bytes = m.to_bytes(WeightEncoding::F32);
        assert!(ModelFile::from_bytes(&bytes).unwrap() == m);
    }

    #[test]
    fn bad_bytes_are_errors_not_panics() {
        let bytes = sample().to_bytes(WeightEncoding::Q8);
        assert_eq!(ModelFile::from_bytes(b""), Err(FormatError::BadMagic));
        assert_eq!(
            ModelFile::from_bytes(b"PK\x03\x04"),
            Err(FormatError::BadMagic)
        );
        let mut v2 = bytes.clone();
        v2[4] = 2;
        assert_eq!(
            ModelFile::from_bytes(&v2),
            Err(FormatError::UnsupportedVersion(2))
        );
        let mut flipped = bytes.clone();
        flipped[40] ^= 1;
        assert_eq!(
            ModelFile::from_bytes(&flipped),
            Err(FormatError::ChecksumMismatch)
        );
        // Every truncation is an error.
        for cut in 0..bytes.len() {
            assert!(
                ModelFile::from_bytes(&bytes[..cut]).is_err(),
                "cut at {cut}"
            );
        }
        assert!(matches!(
            ModelFile::from_bytes_of_kind(&bytes, "propaganda"),
            Err(FormatError::WrongKind { .. })
        ));
    }

    /// `from_bytes_q8` refuses what `from_bytes` refuses, and its stored weights
    /// are the ones `from_bytes` reads.
    #[test]
    fn stored_q8_weights_are_the_weights_read() {
        let bytes = sample().to_bytes(WeightEncoding::Q8);
        let model = ModelFile::from_bytes(&bytes).unwrap();
        let (bare, raw) = ModelFile::from_bytes_q8(&bytes).unwrap();
        assert_eq!(raw.len(), model.heads.len());
        for ((head, bare), q8) in model.heads.iter().zip(&bare.heads).zip(&raw) {
            assert!(bare.model.weights.is_empty());
            let read: Vec<f32> =
                q8.q.iter()
                    .enumerate()
                    .map(|(i, &v)| f32::from(v) * q8.scales[i / Q8_BLOCK])
                    .collect();
            assert_eq!(read, head.model.weights);
        }
        let f32_bytes = sample().to_bytes(WeightEncoding::F32);
        let (plain, raw) = ModelFile::from_bytes_q8(&f32_bytes).unwrap();
        assert_eq!(plain, ModelFile::from_bytes(&f32_bytes).unwrap());
        assert!(raw.iter().all(|q8| q8.q.is_empty()));
        for cut in 0..bytes.len() {
            assert_eq!(
                ModelFile::from_bytes_q8(&bytes[..cut]).map(|_| ()),
                ModelFile::from_bytes(&bytes[..cut]).map(|_| ()),
                "cut at {cut}"
            );
        }
    }

    /// `from_verified_bytes_q8` reads what `from_bytes_q8` reads, skips only the
    /// checksum, and still refuses a cut or hostile file without panicking.
    #[test]
    fn verified_bytes_read_as_checked_ones_without_the_checksum() {
        for encoding in [WeightEncoding::Q8, WeightEncoding::F32] {
            let bytes = sample().to_bytes(encoding);
            assert_eq!(
                ModelFile::from_verified_bytes_q8(&bytes).unwrap(),
                ModelFile::from_bytes_q8(&bytes).unwrap()
            );
            let mut damaged = bytes.clone();
            let last = damaged.len() - 1;
            damaged[last] ^= 1;
            assert_eq!(
                ModelFile::from_bytes_q8(&damaged).map(|_| ()),
                Err(FormatError::ChecksumMismatch)
            );
            assert!(ModelFile::from_verified_bytes_q8(&damaged).is_ok());
            for cut in 0..bytes.len() {
                let _ = ModelFile::from_verified_bytes_q8(&bytes[..cut]);
            }
        }
    }

    #[test]
    fn hostile_lengths_with_a_valid_checksum_are_refused() {
        // A file claiming 4 billion metadata entries, correctly checksummed.
        let mut w = ByteWriter::default();
        w.bytes(MAGIC);
        w.u16(FORMAT_VERSION);
        w.str("checkworthy");
        w.u32(u32::MAX);
        let sum = fnv1a64(&w.buf);
        w.u64(sum);
        assert!(matches!(
            ModelFile::from_bytes(&w.buf),
            Err(FormatError::Truncated { .. })
        ));
    }
}
