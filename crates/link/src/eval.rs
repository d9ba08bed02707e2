//! Scoring a [`LinkResult`] against the gold of the linking corpus
//! (`eval/gold/link.json`, format in `examples/link/README.md`).
//!
//! Predictions are tied to gold claims through the text: a predicted claim
//! reference (its value's span) matches the gold claim of the same article and
//! field whose quote it overlaps, and takes that claim's gold event.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::NaiveDate;
use crosscheck_lexicon::{Actors, Gazetteer};
use crosscheck_schema::ClaimRef;
use serde::Deserialize;

use crate::linker::LinkResult;

/// The parts of `gold.json` the scorer reads.
#[derive(Clone, Debug, Deserialize)]
pub struct LinkGold {
    /// By file name.
    pub articles: BTreeMap<String, GoldArticle>,
    /// File names, origin first; singletons included.
    pub independence_groups: Vec<Vec<String>>,
    pub contradictions: Vec<GoldContradiction>,
    pub corroborations: Vec<GoldValue>,
    #[serde(default)]
    pub single_source: Vec<GoldValue>,
    pub claims: Vec<GoldClaim>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct GoldArticle {
    pub outlet: String,
    pub published: Option<NaiveDate>,
    #[serde(default)]
    pub event_ids: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct GoldContradiction {
    pub event: String,
    pub field: String,
    pub intra_article: bool,
    pub sides: Vec<GoldSide>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct GoldSide {
    pub claim: String,
    pub article: String,
}

#[derive(Clone, Debug, Deserialize)]
pub struct GoldValue {
    pub event: String,
    pub field: String,
    pub value: String,
    /// The gold claim stating the value.
    pub claim: String,
    /// Absent in `single_source` entries (one source).
    #[serde(default = "one")]
    pub independent_sources: usize,
}

#[derive(Clone, Debug, Deserialize)]
pub struct GoldClaim {
    pub id: String,
    pub article: String,
    pub event: String,
    pub field: String,
    pub value: String,
    pub quote: String,
    /// `[min, max]`, max `null` when open-ended (killed, injured).
    pub range: Option<(u32, Option<u32>)>,
    pub category: Option<String>,
    pub resolved: Option<GoldInterval>,
    /// Place or actor name; a denial is `not X`.
    pub canonical: Option<String>,
}

#[derive(Clone, Copy, Debug, Deserialize)]
pub struct GoldInterval {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

fn one() -> usize {
    1
}

/// One analysed article as the scorer sees it.
#[derive(Clone, Copy, Debug)]
pub struct EvalArticle<'a> {
    /// The analysis id (`ArticleAnalysis::id`).
    pub id: &'a str,
    /// The gold's name for it (the file name).
    pub file: &'a str,
    /// The text its offsets index.
    pub text: &'a str,
}

/// Precision and recall of one kind of decision.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Pr {
    pub predicted: usize,
    pub gold: usize,
    /// Predictions that match the gold (precision side).
    pub correct_predicted: usize,
    /// Gold items that were found (recall side).
    pub found_gold: usize,
}

impl Pr {
    fn from_sets<T: Ord>(predicted: &BTreeSet<T>, gold: &BTreeSet<T>) -> Pr {
        let both = predicted.intersection(gold).count();
        Pr {
            predicted: predicted.len(),
            gold: gold.len(),
            correct_predicted: both,
            found_gold: both,
        }
    }

    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            return if self.gold == 0 { 1.0 } else { 0.0 };
        }
        self.correct_predicted as f64 / self.predicted as f64
    }

    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            return 1.0;
        }
        self.found_gold as f64 / self.gold as f64
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

impl fmt::Display for Pr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "P {:.3} ({}/{})  R {:.3} ({}/{})  F1 {:.3}",
            self.precision(),
            self.correct_predicted,
            self.predicted,
            self.recall(),
            self.found_gold,
            self.gold,
            self.f1()
        )
    }
}

/// Scores of a linking run against the gold.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LinkScores {
    /// Conflicting `(event, field, article, article)` pairs plus one
    /// `(event, field, article)` unit per intra-article contradiction.
    pub contradiction_pairs: Pr,
    /// Contradiction entries `(event, field, intra-article?)`.
    pub contradiction_entries: Pr,
    /// Corroborated values `(event, field, value)`.
    pub corroborations: Pr,
    /// Of the matched corroborations, how many have the gold `independent_sources`.
    pub exact_source_counts: usize,
    /// Same-group article pairs.
    pub group_pairs: Pr,
    /// B-cubed precision and recall of the grouping (singletons included).
    pub group_bcubed: (f64, f64),
    /// Article pairs sharing an event.
    pub event_pairs: Pr,
    /// The contradiction pairs the scorer counted wrong (predicted, not in the gold) and
    /// missed (in the gold, not predicted), one line each: `event field article | article`
    /// (the second article empty for an intra-article contradiction).
    pub contradiction_mistakes: ContradictionMistakes,
}

/// See [`LinkScores::contradiction_mistakes`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ContradictionMistakes {
    pub wrong: Vec<String>,
    pub missed: Vec<String>,
}

impl fmt::Display for LinkScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "contradiction pairs    {}", self.contradiction_pairs)?;
        writeln!(f, "contradiction entries  {}", self.contradiction_entries)?;
        writeln!(
            f,
            "corroborations         {}  exact source counts {}/{}",
            self.corroborations, self.exact_source_counts, self.corroborations.found_gold
        )?;
        writeln!(f, "independence pairs     {}", self.group_pairs)?;
        writeln!(
            f,
            "independence B-cubed   P {:.3}  R {:.3}",
            self.group_bcubed.0, self.group_bcubed.1
        )?;
        write!(f, "same-event pairs       {}", self.event_pairs)
    }
}

/// The camps of `examples/link/README.md` ("Counting rules"): who an actor claim
/// points at. Names not listed fall back to the actor table's side.
const CAMPS: &[(&str, &str)] = &[
    ("Syrian Government", "government"),
    ("Russian Armed Forces", "russia"),
    ("Turkish Armed Forces", "turkey"),
    ("YPG", "ypg"),
    ("Hayat Tahrir al-Sham", "rebels"),
    ("Rebels", "rebels"),
    ("Islamic State", "islamic-state"),
    ("Khalid ibn al-Walid Army", "islamic-state"),
    ("Terrorists", "generic"),
    ("Militants", "generic"),
];
const STATE_CAMPS: &[&str] = &["government", "russia", "turkey"];

struct Judge {
    places: Gazetteer,
    actors: Actors,
}

/// A gold claim's value in comparable form.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum GoldValueKey {
    Count(String, u32, u32),
    Date(NaiveDate, NaiveDate),
    Place(String),
    Camp(String),
    Denial(String),
    Other(String),
}

impl Judge {
    fn camp(&self, name: &str) -> String {
        if let Some((_, c)) = CAMPS.iter().find(|(n, _)| *n == name) {
            return c.to_string();
        }
        match self.actors.by_name(name) {
            Some(a) if a.generic => "generic".to_string(),
            Some(a) if !a.side.is_empty() => a.side.clone(),
            _ => name.to_string(),
        }
    }

    fn place_within(&self, inner: &str, outer: &str) -> bool {
        match (self.places.by_name(inner), self.places.by_name(outer)) {
            (Some(i), Some(o)) => self.places.contains(&o.id, &i.id),
            _ => inner == outer,
        }
    }

    fn key(&self, c: &GoldClaim) -> GoldValueKey {
        match c.field.as_str() {
            "killed" | "injured" => {
                let (min, max) = c.range.unwrap_or((0, None));
                let cat = c.category.clone().unwrap_or_else(|| "people".to_string());
                GoldValueKey::Count(cat, min, max.unwrap_or(u32::MAX))
            }
            "date" => match c.resolved {
                Some(r) => GoldValueKey::Date(r.from, r.to),
                None => GoldValueKey::Other(c.value.clone()),
            },
            "place" => GoldValueKey::Place(c.canonical.clone().unwrap_or_else(|| c.value.clone())),
            "actor" => {
                let name = c.canonical.clone().unwrap_or_else(|| c.value.clone());
                match name.strip_prefix("not ") {
                    Some(x) => GoldValueKey::Denial(x.to_string()),
                    None => GoldValueKey::Camp(self.camp(&name)),
                }
            }
            _ => GoldValueKey::Other(c.value.clone()),
        }
    }

    fn conflict(&self, x: &GoldClaim, y: &GoldClaim) -> bool {
        match (self.key(x), self.key(y)) {
            (GoldValueKey::Count(c1, a1, b1), GoldValueKey::Count(c2, a2, b2)) => {
                c1 == c2 && (b1 < a2 || b2 < a1)
            }
            (GoldValueKey::Date(a1, b1), GoldValueKey::Date(a2, b2)) => b1 < a2 || b2 < a1,
            (GoldValueKey::Place(p), GoldValueKey::Place(q)) => {
                !(self.place_within(&p, &q) || self.place_within(&q, &p))
            }
            (GoldValueKey::Denial(_), GoldValueKey::Denial(_)) => false,
            (GoldValueKey::Denial(neg), GoldValueKey::Camp(pos))
            | (GoldValueKey::Camp(pos), GoldValueKey::Denial(neg)) => {
                let camp = self.camp(&neg);
                if STATE_CAMPS.contains(&camp.as_str()) {
                    camp == pos
                } else {
                    // Only the very actor: compare through the claims' names.
                    let name = |c: &GoldClaim| c.canonical.clone().unwrap_or_default();
                    let (n1, n2) = (name(x), name(y));
                    n1.trim_start_matches("not ") == n2.trim_start_matches("not ")
                }
            }
            (GoldValueKey::Camp(a), GoldValueKey::Camp(b)) => {
                if a == b {
                    false
                } else if a == "generic" || b == "generic" {
                    let other = if a == "generic" { &b } else { &a };
                    STATE_CAMPS.contains(&other.as_str())
                } else {
                    true
                }
            }
            _ => false,
        }
    }
}

/// Where a gold claim's quote sits: `(start, end, claim)`.
type QuoteSpan<'g> = (usize, usize, &'g GoldClaim);

/// Gold claims with their quotes located in the article texts.
struct Located<'g> {
    /// By (file, field).
    spans: BTreeMap<(&'g str, &'g str), Vec<QuoteSpan<'g>>>,
}

impl<'g> Located<'g> {
    fn new(gold: &'g LinkGold, texts: &BTreeMap<&str, &str>) -> Located<'g> {
        let mut spans: BTreeMap<(&str, &str), Vec<QuoteSpan<'g>>> = BTreeMap::new();
        for c in &gold.claims {
            let Some(text) = texts.get(c.article.as_str()) else {
                continue;
            };
            // Quotes come from bodies, never headlines: search after the head block.
            let body = text.find("\n\n").unwrap_or(0);
            let at = text
                .get(body..)
                .and_then(|b| b.find(&c.quote))
                .map(|i| i + body)
                .or_else(|| text.find(&c.quote));
            if let Some(at) = at {
                spans
                    .entry((c.article.as_str(), c.field.as_str()))
                    .or_default()
                    .push((at, at + c.quote.len(), c));
            }
        }
        Located { spans }
    }

    /// The gold claim a predicted reference points at.
    fn claim(&self, file: &str, field: &str, r: &ClaimRef) -> Option<&'g GoldClaim> {
        let spans = self.spans.get(&(file, field))?;
        spans
            .iter()
            .filter(|(s, e, _)| *s < r.end.max(r.start + 1) && r.start < *e)
            .max_by_key(|(s, e, _)| r.end.min(*e).saturating_sub(r.start.max(*s)))
            .map(|(_, _, c)| *c)
    }
}

/// Scores `result` against `gold`; `articles` names each analysed article's file.
pub fn evaluate(gold: &LinkGold, result: &LinkResult, articles: &[EvalArticle<'_>]) -> LinkScores {
    let judge = Judge {
        places: Gazetteer::new(),
        actors: Actors::new(),
    };
    let file_of: BTreeMap<&str, &str> = articles.iter().map(|a| (a.id, a.file)).collect();
    let texts: BTreeMap<&str, &str> = articles.iter().map(|a| (a.file, a.text)).collect();
    let located = Located::new(gold, &texts);
    let claims_by_id: BTreeMap<&str, &GoldClaim> =
        gold.claims.iter().map(|c| (c.id.as_str(), c)).collect();

    // The gold event of a predicted reference: its gold claim's, else its article's
    // only event.
    let gold_event = |r: &ClaimRef, field: &str| -> Option<String> {
        let file = file_of.get(r.article.as_str())?;
        if let Some(c) = located.claim(file, field, r) {
            return Some(c.event.clone());
        }
        let ids = &gold.articles.get(*file)?.event_ids;
        (ids.len() == 1).then(|| ids[0].clone())
    };
    let majority = |refs: &[ClaimRef], field: &str| -> Option<String> {
        let mut votes: BTreeMap<String, usize> = BTreeMap::new();
        for r in refs {
            if let Some(e) = gold_event(r, field) {
                *votes.entry(e).or_default() += 1;
            }
        }
        votes
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(e, _)| e)
    };

    // Contradictions.
    let mut gold_pairs = BTreeSet::new();
    let mut gold_entries = BTreeSet::new();
    for c in &gold.contradictions {
        gold_entries.insert((c.event.clone(), c.field.clone(), c.intra_article));
        if c.intra_article {
            if let Some(s) = c.sides.first() {
                gold_pairs.insert((
                    c.event.clone(),
                    c.field.clone(),
                    s.article.clone(),
                    String::new(),
                ));
            }
            continue;
        }
        for (k, x) in c.sides.iter().enumerate() {
            for y in &c.sides[k + 1..] {
                if x.article == y.article {
                    continue;
                }
                let (Some(cx), Some(cy)) = (
                    claims_by_id.get(x.claim.as_str()),
                    claims_by_id.get(y.claim.as_str()),
                ) else {
                    continue;
                };
                if judge.conflict(cx, cy) {
                    let (a, b) = if x.article < y.article {
                        (x, y)
                    } else {
                        (y, x)
                    };
                    gold_pairs.insert((
                        c.event.clone(),
                        c.field.clone(),
                        a.article.clone(),
                        b.article.clone(),
                    ));
                }
            }
        }
    }
    let mut predicted_pairs = BTreeSet::new();
    let mut predicted_entries = BTreeSet::new();
    for c in &result.contradictions {
        let field = c.field.as_str();
        let event = majority(&c.claims, field).unwrap_or_else(|| "?".to_string());
        // Only claims on opposite sides conflict; without recorded sides, claims of
        // different wording.
        let side = |k: usize| c.first_side > 0 && k < c.first_side;
        for (k, x) in c.claims.iter().enumerate() {
            for (j, y) in c.claims.iter().enumerate().skip(k + 1) {
                if x.value == y.value || (c.first_side > 0 && side(k) == side(j)) {
                    continue;
                }
                let (Some(fx), Some(fy)) = (
                    file_of.get(x.article.as_str()),
                    file_of.get(y.article.as_str()),
                ) else {
                    continue;
                };
                if fx == fy {
                    predicted_pairs.insert((
                        event.clone(),
                        field.to_string(),
                        fx.to_string(),
                        String::new(),
                    ));
                    predicted_entries.insert((event.clone(), field.to_string(), true));
                } else {
                    let (a, b) = if fx < fy { (fx, fy) } else { (fy, fx) };
                    predicted_pairs.insert((
                        event.clone(),
                        field.to_string(),
                        a.to_string(),
                        b.to_string(),
                    ));
                    predicted_entries.insert((event.clone(), field.to_string(), false));
                }
            }
        }
    }

    // Corroborations: matched by event, field and the value's key.
    let gold_values: BTreeMap<(String, String, GoldValueKey), usize> = gold
        .corroborations
        .iter()
        .filter_map(|v| {
            let c = claims_by_id.get(v.claim.as_str())?;
            Some((
                (v.event.clone(), v.field.clone(), judge.key(c)),
                v.independent_sources,
            ))
        })
        .collect();
    let mut predicted_values: BTreeMap<(String, String, GoldValueKey), usize> = BTreeMap::new();
    let mut unmatched_predictions = 0usize;
    for c in &result.corroborations {
        let field = c.field.as_str();
        let key = c.claims.first().and_then(|r| {
            let file = file_of.get(r.article.as_str())?;
            let g = located.claim(file, field, r)?;
            Some((g.event.clone(), field.to_string(), judge.key(g)))
        });
        match key {
            Some(k) => {
                predicted_values.entry(k).or_insert(c.independent_sources);
            }
            None => unmatched_predictions += 1,
        }
    }
    let matched: Vec<_> = predicted_values
        .keys()
        .filter(|k| gold_values.contains_key(*k))
        .collect();
    let exact = matched
        .iter()
        .filter(|k| predicted_values.get(**k) == gold_values.get(**k))
        .count();
    let corroborations = Pr {
        predicted: predicted_values.len() + unmatched_predictions,
        gold: gold_values.len(),
        correct_predicted: matched.len(),
        found_gold: matched.len(),
    };

    // Independence groups.
    let mut gold_group = BTreeMap::new();
    for (g, members) in gold.independence_groups.iter().enumerate() {
        for m in members {
            gold_group.insert(m.as_str(), g);
        }
    }
    let mut predicted_group: BTreeMap<&str, usize> = BTreeMap::new();
    for (g, group) in result.groups.iter().enumerate() {
        for a in &group.articles {
            if let Some(f) = file_of.get(a.as_str()) {
                predicted_group.insert(f, g);
            }
        }
    }
    let files: Vec<&str> = gold.articles.keys().map(String::as_str).collect();
    let same = |map: &BTreeMap<&str, usize>, a: &str, b: &str| match (map.get(a), map.get(b)) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    };
    let mut gp = BTreeSet::new();
    let mut pp = BTreeSet::new();
    for (k, a) in files.iter().enumerate() {
        for b in &files[k + 1..] {
            if same(&gold_group, a, b) {
                gp.insert((*a, *b));
            }
            if same(&predicted_group, a, b) {
                pp.insert((*a, *b));
            }
        }
    }
    let group_pairs = Pr::from_sets(&pp, &gp);
    let cluster = |map: &BTreeMap<&str, usize>, a: &str| -> BTreeSet<String> {
        match map.get(a) {
            Some(g) => files
                .iter()
                .filter(|f| map.get(**f) == Some(g))
                .map(|f| f.to_string())
                .collect(),
            None => std::iter::once(a.to_string()).collect(),
        }
    };
    let (mut bp, mut br) = (0.0, 0.0);
    for a in &files {
        let (p, g) = (cluster(&predicted_group, a), cluster(&gold_group, a));
        let both = p.intersection(&g).count() as f64;
        bp += both / p.len().max(1) as f64;
        br += both / g.len().max(1) as f64;
    }
    let n = files.len().max(1) as f64;

    // Events: article pairs sharing an event.
    let mut ge = BTreeSet::new();
    for (k, a) in files.iter().enumerate() {
        for b in &files[k + 1..] {
            let (ea, eb) = (&gold.articles[*a].event_ids, &gold.articles[*b].event_ids);
            if ea.iter().any(|e| eb.contains(e)) {
                ge.insert((a.to_string(), b.to_string()));
            }
        }
    }
    let mut pe = BTreeSet::new();
    for e in &result.events {
        let mut fs: Vec<&str> = e
            .articles
            .iter()
            .filter_map(|a| file_of.get(a.as_str()).copied())
            .collect();
        fs.sort_unstable();
        fs.dedup();
        for (k, a) in fs.iter().enumerate() {
            for b in &fs[k + 1..] {
                pe.insert((a.to_string(), b.to_string()));
            }
        }
    }

    let line = |(e, f, a, b): &(String, String, String, String)| format!("{e} {f} {a} | {b}");
    let contradiction_mistakes = ContradictionMistakes {
        wrong: predicted_pairs.difference(&gold_pairs).map(line).collect(),
        missed: gold_pairs.difference(&predicted_pairs).map(line).collect(),
    };
    LinkScores {
        contradiction_mistakes,
        contradiction_pairs: Pr::from_sets(&predicted_pairs, &gold_pairs),
        contradiction_entries: Pr::from_sets(&predicted_entries, &gold_entries),
        corroborations,
        exact_source_counts: exact,
        group_pairs,
        group_bcubed: (bp / n, br / n),
        event_pairs: Pr::from_sets(&pe, &ge),
    }
}
