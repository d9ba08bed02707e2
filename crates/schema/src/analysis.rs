use serde::{Deserialize, Serialize};

use crate::{ArticleAnalysis, Contradiction, Corroboration, Event, IndependenceGroup};

/// The version tag of the analysis document. Additive changes keep it; anything
/// that renames, removes or changes the meaning of a field bumps it.
pub const SCHEMA: &str = "crosscheck/analysis/v1";

/// An input that could not be read, or a record that could not be parsed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkippedInput {
    pub path: String,
    /// Line (JSONL, CSV physical line) where the problem is, when known.
    pub line: Option<u64>,
    /// Byte offset in the file where the problem is, when known.
    pub offset: Option<u64>,
    pub reason: String,
}

/// Counts for the whole run.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RunSummary {
    /// Files, records and stdin streams read.
    pub documents: u64,
    pub articles: u64,
    /// Bytes of decoded text analysed.
    pub bytes: u64,
    /// Articles the store already held (re-runs add nothing).
    pub already_stored: u64,
    pub skipped: Vec<SkippedInput>,
}

/// The analysis of a pile of articles: `crosscheck/analysis/v1`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub schema: String,
    pub articles: Vec<ArticleAnalysis>,
    #[serde(default)]
    pub groups: Vec<IndependenceGroup>,
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub contradictions: Vec<Contradiction>,
    #[serde(default)]
    pub corroborations: Vec<Corroboration>,
    pub summary: RunSummary,
}

impl Default for Analysis {
    fn default() -> Analysis {
        Analysis {
            schema: SCHEMA.to_string(),
            articles: Vec::new(),
            groups: Vec::new(),
            events: Vec::new(),
            contradictions: Vec::new(),
            corroborations: Vec::new(),
            summary: RunSummary::default(),
        }
    }
}
