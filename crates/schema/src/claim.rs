use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A check-worthy statement of an article and what it asserts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// `<article id>/c<n>`.
    pub id: String,
    pub start: usize,
    pub end: usize,
    /// Index into the article's `sentences`.
    pub sentence: usize,
    pub checkworthy: f32,
    pub attribution: Attribution,
    pub event: Option<EventFrame>,
    /// Set by linking: whether other independent sources back or contradict it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ClaimStatus>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimStatus {
    Corroborated,
    Contradicted,
    SingleSource,
}

impl ClaimStatus {
    /// Every status, in declaration order.
    pub const ALL: [ClaimStatus; 3] = [
        ClaimStatus::Corroborated,
        ClaimStatus::Contradicted,
        ClaimStatus::SingleSource,
    ];

    /// The status as it is serialised (`single_source`).
    pub fn as_str(&self) -> &'static str {
        match self {
            ClaimStatus::Corroborated => "corroborated",
            ClaimStatus::Contradicted => "contradicted",
            ClaimStatus::SingleSource => "single_source",
        }
    }

    /// The status named `name` (as [`ClaimStatus::as_str`] writes it).
    pub fn from_name(name: &str) -> Option<ClaimStatus> {
        ClaimStatus::ALL.into_iter().find(|s| s.as_str() == name)
    }
}

/// Who makes a claim.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    /// Outermost speaker first: in "the ministry said, citing the state news
    /// agency", the ministry, then the agency. Empty when the outlet states the
    /// claim in its own voice.
    pub chain: Vec<AttributionSource>,
    /// "reportedly", "allegedly", "unconfirmed reports", ...
    pub hedged: bool,
    /// Spans of the hedging words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hedges: Vec<crate::Span>,
    /// The claim sits inside a quotation attributed to a speaker.
    #[serde(default)]
    pub quoted: bool,
}

impl Attribution {
    /// True when the article asserts the claim in its own voice.
    pub fn is_own_voice(&self) -> bool {
        self.chain.is_empty()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A government, ministry, army or official spokesperson.
    Official,
    /// A news outlet or agency.
    Media,
    /// A monitoring group, NGO or international organisation.
    Monitor,
    /// An armed group or its spokesperson.
    ArmedGroup,
    /// A named individual.
    Person,
    /// "activists", "sources", "witnesses", "residents".
    Anonymous,
    Other,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AttributionSource {
    /// Normalised name when the source is known ("Syrian Observatory for Human
    /// Rights"), else the words of the text.
    pub name: String,
    pub kind: SourceKind,
    pub start: usize,
    pub end: usize,
}

/// Conflict-news event types. See `docs/taxonomy.md` for definitions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventType {
    Airstrike,
    Shelling,
    Bombing,
    GroundAttack,
    Execution,
    ChemicalAttack,
    Capture,
    Siege,
    Ceasefire,
    Agreement,
    Accusation,
    Death,
    Arrest,
    Displacement,
    Other,
}

impl EventType {
    pub fn as_str(&self) -> &'static str {
        match self {
            EventType::Airstrike => "airstrike",
            EventType::Shelling => "shelling",
            EventType::Bombing => "bombing",
            EventType::GroundAttack => "ground_attack",
            EventType::Execution => "execution",
            EventType::ChemicalAttack => "chemical_attack",
            EventType::Capture => "capture",
            EventType::Siege => "siege",
            EventType::Ceasefire => "ceasefire",
            EventType::Agreement => "agreement",
            EventType::Accusation => "accusation",
            EventType::Death => "death",
            EventType::Arrest => "arrest",
            EventType::Displacement => "displacement",
            EventType::Other => "other",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    State,
    StateForce,
    ArmedGroup,
    Organisation,
    Person,
    Civilians,
    Other,
}

/// The `name` of an actor the text leaves unnamed: "a suicide bomber", "masked men",
/// "killed by a sniper" (`docs/taxonomy.md`). Like a generic label it tells no group:
/// linking takes it as implied by any armed group's name.
pub const UNNAMED_ATTACKER: &str = "unnamed attacker";

/// An actor or target: normalised through the alias table, with the words it came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityMention {
    /// Canonical name from the alias table (`Islamic State`), or the text itself.
    pub name: String,
    pub kind: EntityKind,
    /// The words of the text.
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// A place, normalised through the gazetteer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceMention {
    /// Gazetteer identifier (`sy/aleppo/aleppo-city`), or `None` when unknown.
    pub id: Option<String>,
    /// Canonical name (`Aleppo`).
    pub name: String,
    /// Containing places, outermost first (`Syria`, `Aleppo Governorate`).
    #[serde(default)]
    pub within: Vec<String>,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    Day,
    Week,
    Month,
    Year,
}

/// A date as resolved from the text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DateValue {
    /// The first day the expression can mean.
    pub value: NaiveDate,
    /// The last day it can mean (equal to `value` at day precision).
    pub last: NaiveDate,
    pub precision: DatePrecision,
    /// The words of the text ("on Tuesday", "two weeks ago").
    pub expression: String,
    /// True when resolved against the publication date.
    pub relative: bool,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CasualtyCategory {
    People,
    Civilians,
    Children,
    Women,
    Soldiers,
    Fighters,
    Militants,
    Medics,
    Journalists,
    Police,
}

/// A killed or injured count as a range.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Casualties {
    pub min: u32,
    /// `None` for open-ended counts ("at least 45", "more than 300").
    pub max: Option<u32>,
    pub category: CasualtyCategory,
    /// The words of the text ("at least 45 civilians").
    pub expression: String,
    /// Framed as a revision: "the death toll rose to 50".
    #[serde(default)]
    pub update: bool,
    /// A part of a toll the text gives as a whole: "Eleven of the dead were
    /// civilians", "16 of them children". Written only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub part: bool,
    /// A running total over a period, not one incident's toll: "has executed dozens
    /// of people since 2016", "has killed 280,000 people over the past five years".
    /// Written only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cumulative: bool,
    pub start: usize,
    pub end: usize,
}

/// The structured event a claim reports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventFrame {
    #[serde(rename = "type")]
    pub event_type: EventType,
    /// The words that set the type ("air strikes", "shelled").
    pub trigger: crate::Span,
    pub actor: Option<EntityMention>,
    pub target: Option<EntityMention>,
    pub place: Option<PlaceMention>,
    pub date: Option<DateValue>,
    pub killed: Option<Casualties>,
    pub injured: Option<Casualties>,
    /// The actor explicitly denies doing it ("denied responsibility").
    #[serde(default)]
    pub denied: bool,
}

/// The id of claim `n` (numbered from 1) of the article whose id is `article`:
/// `format!("{article}/c{n}")`, written without the formatting machinery (the
/// pipeline makes one per claim, the linker one per comparison).
pub fn claim_id(article: &str, n: u64) -> String {
    let (digits, at) = spelt(n);
    let mut id = String::with_capacity(article.len() + 2 + digits.len() - at);
    push_claim_id(article, &digits[at..], &mut id);
    id
}

/// [`claim_id`] written into `id` (cleared first), for a caller that makes many
/// ids one after the other and needs each only for a moment.
pub fn claim_id_into(article: &str, n: u64, id: &mut String) {
    let (digits, at) = spelt(n);
    id.clear();
    push_claim_id(article, &digits[at..], id);
}

/// The decimal digits of `n`: `digits[at..]` of the returned `(digits, at)`.
fn spelt(n: u64) -> ([u8; 20], usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    (digits, at)
}

fn push_claim_id(article: &str, digits: &[u8], id: &mut String) {
    id.push_str(article);
    id.push_str("/c");
    // ASCII digits, so every byte is a char.
    id.extend(digits.iter().map(|&d| char::from(d)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claim_ids_are_the_formatted_ones() {
        for n in [
            0,
            1,
            9,
            10,
            11,
            99,
            100,
            12345,
            u64::from(u32::MAX),
            u64::MAX,
        ] {
            assert_eq!(claim_id("5b905c03aa", n), format!("5b905c03aa/c{n}"));
            // A reused buffer holds the same id, whatever it held before.
            let mut id = String::from("an earlier, longer id/c123456");
            claim_id_into("5b905c03aa", n, &mut id);
            assert_eq!(id, format!("5b905c03aa/c{n}"));
        }
        assert_eq!(claim_id("", 7), "/c7");
    }

    #[test]
    fn status_names_are_the_serialised_ones() {
        for s in ClaimStatus::ALL {
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(json, format!("\"{}\"", s.as_str()));
            assert_eq!(ClaimStatus::from_name(s.as_str()), Some(s));
        }
        assert_eq!(ClaimStatus::from_name("refuted"), None);
    }
}
