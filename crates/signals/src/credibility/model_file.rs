//! The byte format of `models/credibility.bin`.
//!
//! ```text
//! magic "XCCR" | version u16 = 2 | metadata (u32 n, n × (str, str))
//! | thresholds doubtful_below f32, credible_at f32
//! | u32 components, each:
//!     name str | applies u8 (0 always, 1 linked, 2 outlet known)
//!     | prior f32 | offset f32 | platt a f32, b f32
//!     | columns (u32 n, n × str: feature names)
//!     | scorer u8: 0 linear: bias f32, n × (weight f32, mean f32, scale f32,
//!                           lo f32, hi f32, log1p u8)
//!                1 trees:  base f32, u32 trees, per tree u32 nodes, per node
//!                          (feature u16, threshold f32, left u32, right u32, value f32)
//! | checksum u64 (FNV-1a 64 of every byte before it)
//! str: u32 byte length, UTF-8
//! ```
//!
//! Little-endian throughout. Columns are stored by name, so a model keeps working
//! when features are added to the table, and a model naming a feature this build
//! does not know is refused. Every length is checked against the bytes left before
//! anything is allocated, and every tree is checked to point forward only: a
//! damaged or hostile file is an error, never a panic or an endless walk.

use std::fmt;

use crosscheck_learn::hash::fnv1a64;
use crosscheck_learn::{Boosted, Node, Tree};

use super::{Applies, Component, CredibilityModel, Linear, Scorer, FEATURES};

const MAGIC: &[u8; 4] = b"XCCR";
const VERSION: u16 = 2;

/// Why bytes are not a credibility model.
#[derive(Clone, Debug, PartialEq)]
pub enum ModelError {
    BadMagic,
    UnsupportedVersion(u16),
    Truncated { offset: usize, what: &'static str },
    Invalid { offset: usize, what: String },
    ChecksumMismatch,
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::BadMagic => write!(f, "not a crosscheck credibility model (bad magic)"),
            ModelError::UnsupportedVersion(v) => write!(
                f,
                "credibility model format version {v} is not supported (this build reads {VERSION})"
            ),
            ModelError::Truncated { offset, what } => {
                write!(
                    f,
                    "credibility model truncated at byte {offset} while reading {what}"
                )
            }
            ModelError::Invalid { offset, what } => {
                write!(f, "invalid credibility model at byte {offset}: {what}")
            }
            ModelError::ChecksumMismatch => {
                write!(f, "credibility model checksum mismatch (damaged file)")
            }
        }
    }
}

impl std::error::Error for ModelError {}

pub(super) fn write(model: &CredibilityModel) -> Vec<u8> {
    let mut w = Writer::default();
    w.0.extend_from_slice(MAGIC);
    w.u16(VERSION);
    w.u32(model.metadata.len() as u32);
    for (k, v) in &model.metadata {
        w.str(k);
        w.str(v);
    }
    w.f32(model.thresholds.0);
    w.f32(model.thresholds.1);
    w.u32(model.components.len() as u32);
    for c in &model.components {
        write_component(&mut w, c);
    }
    let sum = fnv1a64(&w.0);
    w.0.extend_from_slice(&sum.to_le_bytes());
    w.0
}

fn write_component(w: &mut Writer, c: &Component) {
    w.str(&c.name);
    w.u8(c.applies.to_u8());
    w.f32(c.prior);
    w.f32(c.offset);
    w.f32(c.platt.0);
    w.f32(c.platt.1);
    w.u32(c.columns.len() as u32);
    for &col in &c.columns {
        w.str(FEATURES[col].name);
    }
    match &c.scorer {
        Scorer::Linear(l) => {
            w.u8(0);
            w.f32(l.bias);
            for i in 0..c.columns.len() {
                w.f32(l.weights.get(i).copied().unwrap_or(0.0));
                w.f32(l.means.get(i).copied().unwrap_or(0.0));
                w.f32(l.scales.get(i).copied().unwrap_or(1.0));
                w.f32(l.lo.get(i).copied().unwrap_or(f32::MIN));
                w.f32(l.hi.get(i).copied().unwrap_or(f32::MAX));
                w.u8(u8::from(l.log1p.get(i).copied().unwrap_or(false)));
            }
        }
        Scorer::Trees(b) => {
            w.u8(1);
            w.f32(b.base);
            w.u32(b.trees.len() as u32);
            for t in &b.trees {
                w.u32(t.nodes.len() as u32);
                for n in &t.nodes {
                    w.u16(n.feature);
                    w.f32(n.threshold);
                    w.u32(n.left);
                    w.u32(n.right);
                    w.f32(n.value);
                }
            }
        }
    }
}

pub(super) fn read(bytes: &[u8]) -> Result<CredibilityModel, ModelError> {
    if bytes.len() < 4 || &bytes[..4] != MAGIC {
        return Err(ModelError::BadMagic);
    }
    if bytes.len() < 4 + 2 + 8 {
        return Err(ModelError::Truncated {
            offset: bytes.len(),
            what: "header",
        });
    }
    let (body, sum) = bytes.split_at(bytes.len() - 8);
    let mut r = Reader { bytes: body, at: 4 };
    let version = r.u16("version")?;
    if version != VERSION {
        return Err(ModelError::UnsupportedVersion(version));
    }
    let stored = u64::from_le_bytes(sum.try_into().map_err(|_| ModelError::ChecksumMismatch)?);
    if stored != fnv1a64(body) {
        return Err(ModelError::ChecksumMismatch);
    }
    let n = r.count(8, "metadata")?;
    let mut metadata = Vec::with_capacity(n);
    for _ in 0..n {
        metadata.push((r.str("metadata key")?, r.str("metadata value")?));
    }
    let thresholds = (r.f32("thresholds")?, r.f32("thresholds")?);
    if !((0.0..=1.0).contains(&thresholds.0) && (thresholds.0..=1.0).contains(&thresholds.1)) {
        return Err(ModelError::Invalid {
            offset: r.at,
            what: "thresholds out of range".into(),
        });
    }
    let n = r.count(30, "components")?;
    let mut components = Vec::with_capacity(n);
    for _ in 0..n {
        components.push(read_component(&mut r)?);
    }
    if r.at != body.len() {
        return Err(ModelError::Invalid {
            offset: r.at,
            what: "trailing bytes".into(),
        });
    }
    Ok(CredibilityModel {
        metadata,
        components,
        thresholds,
    })
}

fn read_component(r: &mut Reader<'_>) -> Result<Component, ModelError> {
    let name = r.str("component name")?;
    let at = r.at;
    let applies = Applies::from_u8(r.u8("applies")?).ok_or_else(|| ModelError::Invalid {
        offset: at,
        what: "unknown component condition".into(),
    })?;
    let prior = r.f32("prior")?;
    let offset = r.f32("offset")?;
    let platt = (r.f32("platt")?, r.f32("platt")?);
    if ![prior, offset, platt.0, platt.1]
        .iter()
        .all(|v| v.is_finite())
    {
        return Err(ModelError::Invalid {
            offset: r.at,
            what: "calibration is not finite".into(),
        });
    }
    let n = r.count(4, "columns")?;
    let mut columns = Vec::with_capacity(n);
    for _ in 0..n {
        let at = r.at;
        let name = r.str("column name")?;
        let index = FEATURES
            .iter()
            .position(|f| f.name == name)
            .ok_or_else(|| ModelError::Invalid {
                offset: at,
                what: format!("unknown feature {name:?}"),
            })?;
        columns.push(index);
    }
    let at = r.at;
    let scorer = match r.u8("scorer")? {
        0 => {
            let bias = r.f32("bias")?;
            let d = columns.len();
            let mut l = Linear {
                bias,
                weights: Vec::with_capacity(d),
                means: Vec::with_capacity(d),
                scales: Vec::with_capacity(d),
                lo: Vec::with_capacity(d),
                hi: Vec::with_capacity(d),
                log1p: Vec::with_capacity(d),
            };
            for _ in 0..d {
                let values = [
                    r.f32("weight")?,
                    r.f32("mean")?,
                    r.f32("scale")?,
                    r.f32("range")?,
                    r.f32("range")?,
                ];
                let flag = r.u8("log flag")?;
                if !(values.iter().all(|v| v.is_finite()) && values[2] > 0.0 && flag <= 1) {
                    return Err(ModelError::Invalid {
                        offset: r.at,
                        what: "linear column out of range".into(),
                    });
                }
                l.weights.push(values[0]);
                l.means.push(values[1]);
                l.scales.push(values[2]);
                l.lo.push(values[3]);
                l.hi.push(values[4]);
                l.log1p.push(flag == 1);
            }
            if !bias.is_finite() {
                return Err(ModelError::Invalid {
                    offset: r.at,
                    what: "bias is not finite".into(),
                });
            }
            Scorer::Linear(l)
        }
        1 => {
            let base = r.f32("base")?;
            let n_trees = r.count(4, "trees")?;
            let mut trees = Vec::with_capacity(n_trees);
            for _ in 0..n_trees {
                let at = r.at;
                let n_nodes = r.count(18, "nodes")?;
                let mut nodes = Vec::with_capacity(n_nodes);
                for _ in 0..n_nodes {
                    nodes.push(Node {
                        feature: r.u16("node")?,
                        threshold: r.f32("node")?,
                        left: r.u32("node")?,
                        right: r.u32("node")?,
                        value: r.f32("node")?,
                    });
                }
                let tree = Tree { nodes };
                if !tree.is_well_formed(columns.len()) {
                    return Err(ModelError::Invalid {
                        offset: at,
                        what: "malformed tree".into(),
                    });
                }
                trees.push(tree);
            }
            Scorer::Trees(Boosted {
                n_features: columns.len(),
                base,
                trees,
            })
        }
        other => {
            return Err(ModelError::Invalid {
                offset: at,
                what: format!("unknown scorer {other}"),
            })
        }
    };
    Ok(Component {
        name,
        applies,
        columns,
        scorer,
        platt,
        prior,
        offset,
    })
}

#[derive(Default)]
struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u16(&mut self, v: u16) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn f32(&mut self, v: f32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize, what: &'static str) -> Result<&[u8], ModelError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        match end {
            Some(end) => {
                let s = &self.bytes[self.at..end];
                self.at = end;
                Ok(s)
            }
            None => Err(ModelError::Truncated {
                offset: self.at,
                what,
            }),
        }
    }
    fn u8(&mut self, what: &'static str) -> Result<u8, ModelError> {
        Ok(self.take(1, what)?[0])
    }
    fn u16(&mut self, what: &'static str) -> Result<u16, ModelError> {
        let b = self.take(2, what)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&mut self, what: &'static str) -> Result<u32, ModelError> {
        let b = self.take(4, what)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn f32(&mut self, what: &'static str) -> Result<f32, ModelError> {
        Ok(f32::from_bits(self.u32(what)?))
    }
    /// A count of items of at least `min_size` bytes each, checked against what is left.
    fn count(&mut self, min_size: usize, what: &'static str) -> Result<usize, ModelError> {
        let at = self.at;
        let n = self.u32(what)? as usize;
        if n.saturating_mul(min_size) > self.bytes.len() - self.at {
            return Err(ModelError::Truncated { offset: at, what });
        }
        Ok(n)
    }
    fn str(&mut self, what: &'static str) -> Result<String, ModelError> {
        let n = self.count(1, what)?;
        let at = self.at;
        let b = self.take(n, what)?;
        String::from_utf8(b.to_vec()).map_err(|_| ModelError::Invalid {
            offset: at,
            what: format!("{what} is not UTF-8"),
        })
    }
}
