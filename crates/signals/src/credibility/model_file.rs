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

use crosscheck_learn::hash::fnv1a64;
use crosscheck_learn::{Boosted, ByteReader, ByteWriter, FormatError, Node, Tree};

use super::{Applies, Component, CredibilityModel, Linear, Scorer, FEATURES};

const MAGIC: &[u8; 4] = b"XCCR";
const VERSION: u16 = 2;

/// Why bytes are not a credibility model: the errors of the byte format shared
/// with `crosscheck_learn`'s model files.
pub type ModelError = FormatError;

pub(super) fn write(model: &CredibilityModel) -> Vec<u8> {
    let mut w = ByteWriter::new();
    w.bytes(MAGIC);
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
    let sum = fnv1a64(w.as_bytes());
    w.u64(sum);
    w.into_bytes()
}

fn write_component(w: &mut ByteWriter, c: &Component) {
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
    let mut r = ByteReader::new(body, 4);
    let version = r.u16("version")?;
    if version != VERSION {
        return Err(ModelError::UnsupportedVersion(version));
    }
    let stored = u64::from_le_bytes(sum.try_into().map_err(|_| ModelError::ChecksumMismatch)?);
    if stored != fnv1a64(body) {
        return Err(ModelError::ChecksumMismatch);
    }
    let n = r.count("metadata", 8)?;
    let mut metadata = Vec::with_capacity(n);
    for _ in 0..n {
        metadata.push((r.str("metadata key")?, r.str("metadata value")?));
    }
    let thresholds = (r.f32("thresholds")?, r.f32("thresholds")?);
    if !((0.0..=1.0).contains(&thresholds.0) && (thresholds.0..=1.0).contains(&thresholds.1)) {
        return Err(ModelError::Invalid {
            offset: r.pos(),
            what: "thresholds out of range".into(),
        });
    }
    let n = r.count("components", 30)?;
    let mut components = Vec::with_capacity(n);
    for _ in 0..n {
        components.push(read_component(&mut r)?);
    }
    if r.pos() != body.len() {
        return Err(ModelError::Invalid {
            offset: r.pos(),
            what: "trailing bytes".into(),
        });
    }
    Ok(CredibilityModel {
        metadata,
        components,
        thresholds,
    })
}

fn read_component(r: &mut ByteReader<'_>) -> Result<Component, ModelError> {
    let name = r.str("component name")?;
    let at = r.pos();
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
            offset: r.pos(),
            what: "calibration is not finite".into(),
        });
    }
    let n = r.count("columns", 4)?;
    let mut columns = Vec::with_capacity(n);
    for _ in 0..n {
        let at = r.pos();
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
    let at = r.pos();
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
                        offset: r.pos(),
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
                    offset: r.pos(),
                    what: "bias is not finite".into(),
                });
            }
            Scorer::Linear(l)
        }
        1 => {
            let base = r.f32("base")?;
            let n_trees = r.count("trees", 4)?;
            let mut trees = Vec::with_capacity(n_trees);
            for _ in 0..n_trees {
                let at = r.pos();
                let n_nodes = r.count("nodes", 18)?;
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
