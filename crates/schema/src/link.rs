use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{EventType, PlaceMention};

/// A real-world incident several claims describe.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    #[serde(rename = "type")]
    pub event_type: EventType,
    /// A one-line description built from the claims' agreed fields.
    pub description: String,
    pub place: Option<PlaceMention>,
    /// The date window the claims allow.
    pub date_from: Option<NaiveDate>,
    pub date_to: Option<NaiveDate>,
    /// Claim ids (`<article>/c<n>`).
    pub claims: Vec<String>,
    /// Article ids, in order of publication when known.
    pub articles: Vec<String>,
}

/// Which field of two claims about one event disagrees.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContradictionField {
    Killed,
    Injured,
    Date,
    Place,
    Actor,
}

impl ContradictionField {
    pub fn as_str(&self) -> &'static str {
        match self {
            ContradictionField::Killed => "killed",
            ContradictionField::Injured => "injured",
            ContradictionField::Date => "date",
            ContradictionField::Place => "place",
            ContradictionField::Actor => "actor",
        }
    }
}

/// One side of a contradiction or corroboration: a claim and what it says.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimRef {
    pub claim: String,
    pub article: String,
    pub outlet: Option<String>,
    /// The field's value as text ("35", "at least 50", "2016-04-11", "Russian Air Force").
    pub value: String,
    /// Who says so, outermost first, or the outlet's own voice when empty.
    pub attribution: Vec<String>,
    /// The span of the value in the article's source text.
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Contradiction {
    pub id: String,
    pub event: String,
    pub field: ContradictionField,
    /// The claims of one side (one value, or values of one camp), then those of the
    /// other side.
    pub claims: Vec<ClaimRef>,
    /// How many of `claims` are on the first side. 0 when not recorded (results
    /// stored before the field existed).
    #[serde(default)]
    pub first_side: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Corroboration {
    pub event: String,
    pub field: ContradictionField,
    pub value: String,
    /// Number of independence groups behind the value (copies count once).
    pub independent_sources: usize,
    pub claims: Vec<ClaimRef>,
}

/// Articles that are not independent of each other: copies, syndications,
/// re-headlined versions of one original.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndependenceGroup {
    pub id: String,
    /// The earliest member (by publication date, then input order).
    pub origin: String,
    pub articles: Vec<String>,
}
