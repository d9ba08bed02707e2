//! The event-frame gold set (`eval/gold/events.jsonl`, see its README) and the scorer
//! behind `crosscheck eval events`: per-field precision, recall and F1 with
//! slot-filling counts.
//!
//! Counting, per gold sentence and field: a true positive when gold and prediction both
//! have the field and they match; a false positive when the prediction has it but gold
//! has not, or they do not match; a false negative when gold has it and it was not
//! matched (so a mismatch counts once each way). Matching:
//!
//! * actor, target, place: the predicted span overlaps the gold `text` found in the
//!   sentence, or the canonical names agree (case-insensitively);
//! * date: `value`, `last` and `precision` all equal;
//! * killed, injured: `min`, `max` and `category` equal (the `(count)` rows drop the
//!   category);
//! * attribution: chains of the same length whose sources match position by position
//!   (span overlap or equal names); `attribution (any)` only asks that one predicted
//!   source matches one gold source; `hedged`, `quoted`, `denied`, `update` and
//!   `checkworthy` are yes/no fields scored on their `true` values;
//! * event type: both have an event and the types are equal.
//!
//! Predicted claims are aligned to gold sentences by the largest byte overlap (a sentence
//! cut into two speakers' claims counts by its first claim, as it was annotated). Every
//! sentence is extracted (the check-worthiness decision is scored separately, as the
//! `checkworthy` field), so each field is measured on its own.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use crosscheck_schema::{CasualtyCategory, Claim, DatePrecision, EventType, SourceKind, Span};
use crosscheck_segment::Segmenter;
use serde::Deserialize;

use crate::event_filter::{claim_features, EventExample};
use crate::extractor::{ArticleContext, Extractor};

/// Where a gold sentence's text lives.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GoldDoc {
    /// `fa-kes`, `ptc`, `ptc-test`, `fnc1`, `emergent` or `examples`.
    pub dataset: String,
    /// FA-KES `unit_id`, PTC file name, or `corpus/<file>` / `corpus/<file>.jsonl#<line>`.
    pub key: String,
}

/// The text of a gold document, as the caller read it.
#[derive(Clone, Debug, Default)]
pub struct SourceText {
    pub text: String,
    /// The headline when the source keeps it apart (FA-KES `article_title`).
    pub title: Option<String>,
    /// The publishing outlet, when the source names it.
    pub outlet: Option<String>,
    /// The paragraphs the cleaner kept, when the caller cleaned the text as `analyze`
    /// does: only these are segmented. `None`: the whole text is, which scores the
    /// extractor apart from the cleaner.
    pub paragraphs: Option<Vec<Span>>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct GoldEntity {
    pub text: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct GoldDate {
    pub text: String,
    pub value: NaiveDate,
    pub last: NaiveDate,
    pub precision: DatePrecision,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct GoldCount {
    pub text: String,
    pub min: u32,
    pub max: Option<u32>,
    pub category: CasualtyCategory,
    #[serde(default)]
    pub update: bool,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct GoldEvent {
    #[serde(rename = "type")]
    pub event_type: EventType,
    pub actor: Option<GoldEntity>,
    pub target: Option<GoldEntity>,
    pub place: Option<GoldEntity>,
    pub date: Option<GoldDate>,
    pub killed: Option<GoldCount>,
    pub injured: Option<GoldCount>,
    #[serde(default)]
    pub killed_more: Vec<GoldCount>,
    #[serde(default)]
    pub denied: bool,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct GoldSource {
    pub text: String,
    pub name: String,
    pub kind: SourceKind,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct GoldAttribution {
    pub chain: Vec<GoldSource>,
    pub hedged: bool,
    pub quoted: bool,
}

/// One annotated sentence.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct GoldSentence {
    /// 0-based line number in the gold file; `index % 3 == 0` is the held-out part.
    #[serde(skip)]
    pub index: usize,
    pub dataset: String,
    pub key: String,
    /// UTF-8 byte offsets into the decoded source text.
    pub start: usize,
    pub end: usize,
    /// The sentence's first 20 characters, to check the text is the annotated one.
    pub check: String,
    /// The date relative dates resolve against: `published_text` when the record has
    /// it, else `published`.
    pub published: Option<NaiveDate>,
    /// The publication date the article's own dateline gives, when the source's date
    /// column is wrong (`eval/gold/README-fresh20.md`, stratum B). `parse_gold` moves it
    /// into `published`.
    #[serde(default)]
    pub published_text: Option<NaiveDate>,
    pub checkworthy: bool,
    pub event: Option<GoldEvent>,
    pub attribution: GoldAttribution,
}

impl GoldSentence {
    pub fn doc(&self) -> GoldDoc {
        GoldDoc {
            dataset: self.dataset.clone(),
            key: self.key.clone(),
        }
    }

    /// The held-out third: scored only at the end of development.
    pub fn is_held_out(&self) -> bool {
        self.index % 3 == 0
    }
}

/// A line of the gold file that is not a valid record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldError {
    /// 1-based.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for GoldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for GoldError {}

/// Parses `events.jsonl`: one record a line, blank lines skipped.
pub fn parse_gold(text: &str) -> Result<Vec<GoldSentence>, GoldError> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut rec: GoldSentence = serde_json::from_str(line).map_err(|e| GoldError {
            line: n + 1,
            message: e.to_string(),
        })?;
        if rec.end < rec.start {
            return Err(GoldError {
                line: n + 1,
                message: format!("end {} before start {}", rec.end, rec.start),
            });
        }
        rec.index = n;
        if let Some(d) = rec.published_text {
            rec.published = Some(d);
        }
        out.push(rec);
    }
    Ok(out)
}

/// Counts of one field.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FieldScore {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl FieldScore {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// Slot filling: `gold` and `pred` say whether each side has the field.
    fn add(&mut self, gold: bool, pred: bool, matched: bool) {
        match (gold, pred) {
            (true, true) if matched => self.tp += 1,
            (true, true) => {
                self.fp += 1;
                self.fn_ += 1;
            }
            (true, false) => self.fn_ += 1,
            (false, true) => self.fp += 1,
            (false, false) => {}
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// One field disagreement, for reading errors on the development part.
#[derive(Clone, Debug)]
pub struct Disagreement {
    pub index: usize,
    pub field: &'static str,
    pub gold: String,
    pub predicted: String,
    pub sentence: String,
}

/// Per-field scores over a set of gold sentences.
#[derive(Clone, Debug, Default)]
pub struct EventScores {
    pub sentences: usize,
    /// Gold sentences whose text could not be read, or whose guard did not match.
    pub unreadable: usize,
    /// Fields in table order.
    pub fields: Vec<(&'static str, FieldScore)>,
    pub disagreements: Vec<Disagreement>,
}

impl EventScores {
    pub fn field(&self, name: &str) -> Option<FieldScore> {
        self.fields
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, s)| *s)
    }

    fn entry(&mut self, name: &'static str) -> &mut FieldScore {
        if let Some(i) = self.fields.iter().position(|(n, _)| *n == name) {
            return &mut self.fields[i].1;
        }
        self.fields.push((name, FieldScore::default()));
        let last = self.fields.len() - 1;
        &mut self.fields[last].1
    }

    /// The table `crosscheck eval events` prints.
    pub fn table(&self) -> String {
        let mut s = format!(
            "{} sentences ({} unreadable)\n{:<20} {:>5} {:>5} {:>5} {:>7} {:>7} {:>7}\n",
            self.sentences, self.unreadable, "field", "tp", "fp", "fn", "P", "R", "F1"
        );
        for (name, f) in &self.fields {
            s.push_str(&format!(
                "{:<20} {:>5} {:>5} {:>5} {:>7.3} {:>7.3} {:>7.3}\n",
                name,
                f.tp,
                f.fp,
                f.fn_,
                f.precision(),
                f.recall(),
                f.f1()
            ));
        }
        s
    }
}

/// Field order of the table.
const FIELDS: [&str; 18] = [
    "checkworthy",
    "event",
    "type",
    "actor",
    "target",
    "place",
    "date",
    "killed",
    "killed (count)",
    "injured",
    "injured (count)",
    "update",
    "denied",
    "attribution",
    "attribution (any)",
    "own voice",
    "hedged",
    "quoted",
];

/// A sentence's check-worthiness score and the threshold from which it is a claim.
pub type CheckworthyScorer<'a> = (&'a dyn Fn(&str) -> f32, f32);

/// Scores the extractor on `gold`. `texts` reads a document (None when unavailable);
/// `checkworthy`, when given, scores a sentence's check-worthiness and its threshold, as
/// the pipeline will: a sentence is predicted check-worthy when it has an event frame
/// or its score reaches the threshold.
pub fn evaluate_events(
    gold: &[GoldSentence],
    texts: &dyn Fn(&GoldDoc) -> Option<SourceText>,
    extractor: &Extractor,
    checkworthy: Option<CheckworthyScorer>,
) -> EventScores {
    let mut scores = EventScores::default();
    for name in FIELDS {
        scores.entry(name);
    }
    scores.sentences = gold.len();
    scores.unreadable = for_each_aligned(gold, texts, extractor, |g, claim, text, sentence| {
        let cw_pred = match claim {
            Some(c) => {
                c.event.is_some()
                    || checkworthy
                        .is_some_and(|(f, t)| f(Span::new(c.start, c.end).slice(text)) >= t)
            }
            None => false,
        };
        score_sentence(&mut scores, g, claim, cw_pred, text, sentence);
    });
    scores
}

/// Runs `extractor` over the documents of `gold` and calls `visit(gold sentence,
/// the claim that overlaps it most, document text, sentence text)` for each gold
/// sentence it can read. Returns the number it could not read.
fn for_each_aligned(
    gold: &[GoldSentence],
    texts: &dyn Fn(&GoldDoc) -> Option<SourceText>,
    extractor: &Extractor,
    mut visit: impl FnMut(&GoldSentence, Option<&Claim>, &str, &str),
) -> usize {
    let mut unreadable = 0;
    // One extraction per document and publication date (the sample compilation holds
    // articles of different dates).
    let mut groups: BTreeMap<(GoldDoc, Option<NaiveDate>), Vec<&GoldSentence>> = BTreeMap::new();
    for g in gold {
        groups.entry((g.doc(), g.published)).or_default().push(g);
    }
    let segmenter = Segmenter::new();
    for ((doc, published), sentences) in groups {
        let Some(source) = texts(&doc) else {
            unreadable += sentences.len();
            continue;
        };
        let text = source.text.as_str();
        let spans = match &source.paragraphs {
            Some(paragraphs) => {
                let mut spans = Vec::new();
                for p in paragraphs {
                    segmenter.sentences_into(text, *p, &mut spans);
                }
                spans
            }
            None => segmenter.sentences(text, Span::new(0, text.len())),
        };
        let ctx = ArticleContext {
            text,
            sentences: &spans,
            published,
            title: source.title.as_deref(),
            outlet: source.outlet.as_deref(),
        };
        let everything = vec![1.0f32; spans.len()];
        let claims = extractor.claims(&ctx, Some(&everything));
        for g in sentences {
            let Some(sentence) = text.get(g.start..g.end) else {
                unreadable += 1;
                continue;
            };
            if !sentence.starts_with(g.check.as_str()) {
                unreadable += 1;
                continue;
            }
            visit(g, align(&claims, g.start, g.end), text, sentence);
        }
    }
    unreadable
}

/// How a gate's training examples are drawn from one gold set: [`event_filter_examples`]
/// or [`actor_gate_examples`] (gold, texts, extractor, group → examples and the number of
/// gold values of the fields the gate is tuned on).
pub type GateExamples = fn(
    &[GoldSentence],
    &dyn Fn(&GoldDoc) -> Option<SourceText>,
    &Extractor,
    u32,
) -> (Vec<EventExample>, usize);

/// The frame fields the [`EventFilter`](crate::event_filter::EventFilter) is tuned
/// on: dropping a frame loses its right fields and removes its wrong ones.
pub const FRAME_FIELDS: [&str; 6] = ["type", "actor", "place", "date", "killed", "injured"];

/// Training examples for the [`EventFilter`](crate::event_filter::EventFilter):
/// every gold sentence to which `extractor` (run without a filter) gives a frame,
/// labelled by whether the gold has an event, all in `group`, with the frame's
/// right and wrong [`FRAME_FIELDS`]. Also returns the number of gold values of
/// those fields over all of `gold`.
pub fn event_filter_examples(
    gold: &[GoldSentence],
    texts: &dyn Fn(&GoldDoc) -> Option<SourceText>,
    extractor: &Extractor,
    group: u32,
) -> (Vec<EventExample>, usize) {
    let mut examples = Vec::new();
    let mut gold_fields = 0;
    for_each_aligned(gold, texts, extractor, |g, claim, text, sentence| {
        let mut one = EventScores::default();
        score_sentence(&mut one, g, claim, false, text, sentence);
        let (mut right, mut wrong) = (0, 0);
        for name in FRAME_FIELDS {
            let f = one.field(name).unwrap_or_default();
            right += f.tp;
            wrong += f.fp;
            gold_fields += f.tp + f.fn_;
        }
        if let Some((c, frame)) = claim.and_then(|c| c.event.as_ref().map(|e| (c, e))) {
            examples.push(EventExample {
                // The claim's own text: what the filter reads at run time.
                text: Span::new(c.start, c.end).slice(text).to_string(),
                dense: claim_features(frame, c).to_vec(),
                label: g.event.is_some(),
                group,
                fields_right: right as u32,
                fields_wrong: wrong as u32,
            });
        }
    });
    (examples, gold_fields)
}

/// Training examples for the [`ActorGate`](crate::actor_gate::ActorGate): every gold
/// sentence whose frame from `extractor` (with its event filter, without a gate) has
/// an actor, labelled by whether the scorer counts the actor right, all in `group`.
/// Also returns the number of gold actors over all of `gold`.
pub fn actor_gate_examples(
    gold: &[GoldSentence],
    texts: &dyn Fn(&GoldDoc) -> Option<SourceText>,
    extractor: &Extractor,
    group: u32,
) -> (Vec<EventExample>, usize) {
    let mut examples = Vec::new();
    let mut gold_actors = 0;
    for_each_aligned(gold, texts, extractor, |g, claim, text, sentence| {
        let mut one = EventScores::default();
        score_sentence(&mut one, g, claim, false, text, sentence);
        let f = one.field("actor").unwrap_or_default();
        gold_actors += f.tp + f.fn_;
        let Some(c) = claim else { return };
        let Some(frame) = &c.event else { return };
        let a = &c.attribution;
        let Some((view, dense)) = crate::actor_gate::features(
            text,
            Span::new(c.start, c.end),
            frame,
            &a.chain,
            a.hedged,
            a.quoted,
        ) else {
            return;
        };
        examples.push(EventExample {
            text: view,
            dense,
            label: f.tp == 1,
            group,
            fields_right: f.tp as u32,
            fields_wrong: f.fp as u32,
        });
    });
    (examples, gold_actors)
}

fn align(claims: &[Claim], start: usize, end: usize) -> Option<&Claim> {
    let overlap = |c: &Claim| c.end.min(end).saturating_sub(c.start.max(start));
    let best = claims
        .iter()
        .map(|c| (c, overlap(c)))
        .filter(|(_, o)| *o > 0)
        .max_by_key(|(_, o)| *o)
        .map(|(c, _)| c)?;
    // A sentence cut into two speakers' claims is annotated as one: by its first claim.
    claims
        .iter()
        .find(|c| c.sentence == best.sentence && overlap(c) > 0)
}

/// The span of a gold field's `text` inside its sentence: the first occurrence standing
/// as whole words ("he" is not the end of "the").
fn locate(text: &str, start: usize, end: usize, needle: &str) -> Option<Span> {
    let s = text.get(start..end)?;
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut first = None;
    for (i, _) in s.match_indices(needle) {
        first.get_or_insert(i);
        let before = s[..i].chars().next_back();
        let after = s[i + needle.len()..].chars().next();
        if !word(before) && !word(after) {
            return Some(Span::new(start + i, start + i + needle.len()));
        }
    }
    first.map(|i| Span::new(start + i, start + i + needle.len()))
}

fn entity_match(text: &str, g: &GoldSentence, gold: &GoldEntity, span: Span, name: &str) -> bool {
    let overlaps = locate(text, g.start, g.end, &gold.text).is_some_and(|gs| gs.overlaps(span));
    overlaps || name.eq_ignore_ascii_case(&gold.name)
}

fn score_sentence(
    s: &mut EventScores,
    g: &GoldSentence,
    claim: Option<&Claim>,
    cw_pred: bool,
    text: &str,
    sentence: &str,
) {
    let note = |s: &mut EventScores, field: &'static str, gold: String, predicted: String| {
        s.disagreements.push(Disagreement {
            index: g.index,
            field,
            gold,
            predicted,
            sentence: sentence.to_string(),
        });
    };
    macro_rules! field {
        ($name:expr, $gold:expr, $pred:expr, $matched:expr, $gs:expr, $ps:expr) => {{
            let (gold, pred, matched) = ($gold, $pred, $matched);
            s.entry($name).add(gold, pred, matched);
            if (gold || pred) && !(gold && pred && matched) {
                note(s, $name, $gs, $ps);
            }
        }};
    }
    field!(
        "checkworthy",
        g.checkworthy,
        cw_pred,
        true,
        g.checkworthy.to_string(),
        cw_pred.to_string()
    );
    let ge = g.event.as_ref();
    let pe = claim.and_then(|c| c.event.as_ref());
    field!(
        "event",
        ge.is_some(),
        pe.is_some(),
        true,
        fmt_opt(ge.map(|e| e.event_type.as_str())),
        fmt_opt(pe.map(|e| e.event_type.as_str()))
    );
    field!(
        "type",
        ge.is_some(),
        pe.is_some(),
        ge.zip(pe)
            .is_some_and(|(a, b)| a.event_type == b.event_type),
        fmt_opt(ge.map(|e| e.event_type.as_str())),
        fmt_opt(pe.map(|e| e.event_type.as_str()))
    );
    macro_rules! entity {
        ($name:expr, $f:ident) => {{
            let gv = ge.and_then(|e| e.$f.as_ref());
            let pv = pe.and_then(|e| e.$f.as_ref());
            let m = match (gv, pv) {
                (Some(a), Some(b)) => entity_match(text, g, a, Span::new(b.start, b.end), &b.name),
                _ => false,
            };
            field!(
                $name,
                gv.is_some(),
                pv.is_some(),
                m,
                fmt_opt(gv.map(|a| format!("{} ({})", a.text, a.name))),
                fmt_opt(pv.map(|b| format!("{} ({})", b.text, b.name)))
            );
        }};
    }
    entity!("actor", actor);
    entity!("target", target);
    entity!("place", place);
    {
        let gv = ge.and_then(|e| e.date.as_ref());
        let pv = pe.and_then(|e| e.date.as_ref());
        let m = gv.zip(pv).is_some_and(|(a, b)| {
            a.value == b.value && a.last == b.last && a.precision == b.precision
        });
        field!(
            "date",
            gv.is_some(),
            pv.is_some(),
            m,
            fmt_opt(gv.map(|a| format!("{} {}..{} {:?}", a.text, a.value, a.last, a.precision))),
            fmt_opt(
                pv.map(|b| format!("{} {}..{} {:?}", b.expression, b.value, b.last, b.precision))
            )
        );
    }
    macro_rules! count {
        ($name:expr, $loose:expr, $f:ident) => {{
            let gv = ge.and_then(|e| e.$f.as_ref());
            let pv = pe.and_then(|e| e.$f.as_ref());
            let same = gv
                .zip(pv)
                .is_some_and(|(a, b)| a.min == b.min && a.max == b.max);
            let cat = gv.zip(pv).is_some_and(|(a, b)| a.category == b.category);
            let gs =
                fmt_opt(gv.map(|a| format!("{} {}..{:?} {:?}", a.text, a.min, a.max, a.category)));
            let ps = fmt_opt(
                pv.map(|b| format!("{} {}..{:?} {:?}", b.expression, b.min, b.max, b.category)),
            );
            field!(
                $name,
                gv.is_some(),
                pv.is_some(),
                same && cat,
                gs.clone(),
                ps.clone()
            );
            s.entry($loose).add(gv.is_some(), pv.is_some(), same);
        }};
    }
    count!("killed", "killed (count)", killed);
    count!("injured", "injured (count)", injured);
    let g_update = ge.is_some_and(|e| {
        e.killed.as_ref().is_some_and(|k| k.update) || e.injured.as_ref().is_some_and(|k| k.update)
    });
    let p_update = pe.is_some_and(|e| {
        e.killed.as_ref().is_some_and(|k| k.update) || e.injured.as_ref().is_some_and(|k| k.update)
    });
    field!(
        "update",
        g_update,
        p_update,
        true,
        g_update.to_string(),
        p_update.to_string()
    );
    let g_denied = ge.is_some_and(|e| e.denied);
    let p_denied = pe.is_some_and(|e| e.denied);
    field!(
        "denied",
        g_denied,
        p_denied,
        true,
        g_denied.to_string(),
        p_denied.to_string()
    );

    let gchain = &g.attribution.chain;
    let pchain = claim.map(|c| c.attribution.chain.as_slice()).unwrap_or(&[]);
    let source_match = |a: &GoldSource, b: &crosscheck_schema::AttributionSource| {
        let overlaps = locate(text, g.start, g.end, &a.text)
            .is_some_and(|gs| gs.overlaps(Span::new(b.start, b.end)));
        overlaps || a.name.eq_ignore_ascii_case(&b.name)
    };
    let strict =
        gchain.len() == pchain.len() && gchain.iter().zip(pchain).all(|(a, b)| source_match(a, b));
    let any = gchain
        .iter()
        .any(|a| pchain.iter().any(|b| source_match(a, b)));
    let gs = format!(
        "{:?}",
        gchain.iter().map(|a| a.text.as_str()).collect::<Vec<_>>()
    );
    let ps = format!(
        "{:?}",
        pchain
            .iter()
            .map(|b| Span::new(b.start, b.end).slice(text))
            .collect::<Vec<_>>()
    );
    field!(
        "attribution",
        !gchain.is_empty(),
        !pchain.is_empty(),
        strict,
        gs.clone(),
        ps.clone()
    );
    s.entry("attribution (any)")
        .add(!gchain.is_empty(), !pchain.is_empty(), any);
    // Own voice: the outlet asserts the claim (empty chain) on a check-worthy sentence.
    let g_own = g.checkworthy && gchain.is_empty();
    let p_own = g.checkworthy && pchain.is_empty();
    s.entry("own voice").add(g_own, p_own, true);
    let g_hedged = g.attribution.hedged;
    let p_hedged = claim.is_some_and(|c| c.attribution.hedged);
    field!(
        "hedged",
        g_hedged,
        p_hedged,
        true,
        g_hedged.to_string(),
        p_hedged.to_string()
    );
    let g_quoted = g.attribution.quoted;
    let p_quoted = claim.is_some_and(|c| c.attribution.quoted);
    field!(
        "quoted",
        g_quoted,
        p_quoted,
        true,
        g_quoted.to_string(),
        p_quoted.to_string()
    );
}

fn fmt_opt<T: fmt::Display>(v: Option<T>) -> String {
    match v {
        Some(v) => v.to_string(),
        None => "-".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RECORD: &str = r#"{"dataset": "examples", "key": "corpus/x.txt", "start": 0, "end": 60, "check": "Air strikes hit a ma", "published": "2016-10-16", "checkworthy": true, "event": {"type": "airstrike", "actor": null, "target": null, "place": {"text": "Maarat al-Numan", "name": "Maarat al-Numan"}, "date": {"text": "on Sunday", "value": "2016-10-16", "last": "2016-10-16", "precision": "day"}, "killed": {"text": "at least 35 people", "min": 35, "max": null, "category": "people", "update": false}, "injured": null, "denied": false}, "attribution": {"chain": [{"text": "a war monitor", "name": "Syrian Monitor for Human Rights", "kind": "monitor"}], "hedged": false, "quoted": false}}"#;

    #[test]
    fn parses_a_gold_record() {
        let gold = parse_gold(&format!("{RECORD}\n\n{RECORD}\n")).unwrap();
        assert_eq!(gold.len(), 2);
        assert_eq!(gold[1].index, 2);
        let e = gold[0].event.as_ref().unwrap();
        assert_eq!(e.event_type, EventType::Airstrike);
        assert_eq!(e.killed.as_ref().unwrap().max, None);
        assert_eq!(e.date.as_ref().unwrap().precision, DatePrecision::Day);
        assert_eq!(gold[0].attribution.chain[0].kind, SourceKind::Monitor);
        assert!(gold[0].is_held_out());
    }

    #[test]
    fn the_datelines_date_replaces_a_wrong_date_column() {
        let with = RECORD.replace(
            r#""published": "2016-10-16","#,
            r#""published": "2013-08-20", "published_text": "2016-10-16","#,
        );
        let gold = parse_gold(&format!("{RECORD}\n{with}\n")).unwrap();
        let day = NaiveDate::from_ymd_opt(2016, 10, 16);
        assert_eq!((gold[0].published, gold[1].published), (day, day));
    }

    #[test]
    fn a_bad_line_is_an_error_naming_it() {
        let err = parse_gold(&format!("{RECORD}\n{{\"dataset\": 3}}\n")).unwrap_err();
        assert_eq!(err.line, 2);
    }

    #[test]
    fn scores_a_sentence_end_to_end() {
        let text = "Air strikes hit a market in Maarat al-Numan on Sunday, killing at least 35 people, a war monitor said.";
        let rec = RECORD.replace("\"end\": 60", &format!("\"end\": {}", text.len()));
        let gold = parse_gold(&rec).unwrap();
        let ex = Extractor::new();
        let scores = evaluate_events(
            &gold,
            &|_| {
                Some(SourceText {
                    text: text.to_string(),
                    title: None,
                    outlet: None,
                    paragraphs: None,
                })
            },
            &ex,
            None,
        );
        assert_eq!(scores.unreadable, 0);
        for f in ["type", "killed", "date", "attribution"] {
            assert_eq!(
                scores.field(f).unwrap().tp,
                1,
                "{f}: {:?}",
                scores.disagreements
            );
        }
    }

    #[test]
    fn slot_filling_counts_a_mismatch_both_ways() {
        let mut f = FieldScore::default();
        f.add(true, true, false);
        f.add(true, false, false);
        f.add(false, true, false);
        f.add(true, true, true);
        assert_eq!((f.tp, f.fp, f.fn_), (1, 2, 2));
    }
}
