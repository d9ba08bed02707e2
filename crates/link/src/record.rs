//! The compact summary of an article and its claims that the linker keeps: enough to
//! cluster, compare and cite, and no text.

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};
use crosscheck_schema::{
    ArticleAnalysis, Casualties, CasualtyCategory, Claim, DatePrecision, EntityKind, EventFrame,
    EventType, PlaceMention, SourceKind,
};
use serde::{Deserialize, Serialize};

use crate::body_words::BodyWords;
use crate::config::LinkConfig;
use crate::hash::fold_name;
use crate::lexicon::Lexicon;
use crate::minhash::Sketch;
use crate::util::{Interner, Pool};

/// Strings, places and attribution chains, each stored once.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(crate) struct Tables {
    pub strings: Interner,
    pub places: Pool<PlaceInfo>,
    pub chains: Pool<Box<[u32]>>,
}

/// A claim id: `<article id>/c<n>` is kept as `n` alone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum ClaimId {
    Numbered(u32),
    Other(Box<str>),
}

impl ClaimId {
    pub(crate) fn of(claim: &str, article: &str) -> ClaimId {
        let n = claim
            .strip_prefix(article)
            .and_then(|r| r.strip_prefix("/c"))
            // Only the number's own spelling (no sign, no leading zero), which
            // `claim_id` gives back: `v.to_string() == n` without the string.
            .filter(|n| {
                n.bytes().all(|b| b.is_ascii_digit()) && (n.len() == 1 || !n.starts_with('0'))
            })
            .and_then(|n| n.parse::<u32>().ok());
        match n {
            Some(n) => ClaimId::Numbered(n),
            None => ClaimId::Other(claim.into()),
        }
    }

    /// This is the id `claim` of a claim of `article`: what `Linker::claim_id`
    /// gives for it equals `claim`, without building that string.
    pub(crate) fn is(&self, claim: &str, article: &str) -> bool {
        match self {
            ClaimId::Other(id) => **id == *claim,
            // `claim_id(article, n)`: the article id, "/c" and the digits of `n`.
            ClaimId::Numbered(n) => claim
                .strip_prefix(article)
                .and_then(|r| r.strip_prefix("/c"))
                .is_some_and(|digits| {
                    let mut buf = [0u8; 10];
                    let mut at = buf.len();
                    let mut rest = *n;
                    loop {
                        at -= 1;
                        buf[at] = b'0' + (rest % 10) as u8;
                        rest /= 10;
                        if rest == 0 {
                            break;
                        }
                    }
                    digits.as_bytes() == &buf[at..]
                }),
        }
    }
}

pub(crate) const NONE: u32 = u32::MAX;

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct ArticleRec {
    pub id: Box<str>,
    /// Display name of the outlet.
    pub outlet: Option<u32>,
    /// Folded outlet name: the key it shares with sources citing it.
    pub outlet_key: Option<u32>,
    /// Publication date as days from the common era.
    pub published: Option<i32>,
    pub first_claim: u32,
    pub claims: u32,
    /// The place the article's claims name most often (in `Tables::places`): where
    /// its claims that name no place are taken to be.
    pub context: Option<u32>,
    /// Distinct shingles of the body; 0 when it has no signature.
    pub shingles: u32,
}

impl ArticleRec {
    pub(crate) fn claim_range(&self) -> std::ops::Range<u32> {
        self.first_claim..self.first_claim + self.claims
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct ClaimRec {
    pub id: ClaimId,
    pub article: u32,
    pub start: usize,
    pub end: usize,
    /// Display names of the attribution chain, outermost first (in `Tables::chains`).
    pub attribution: u32,
    /// Folded name of the innermost speaker, whoever it is; `NONE` in the outlet's
    /// own voice. Two claims of one article disagree as two sources only when this
    /// differs.
    pub voice: u32,
    /// Folded name of the named publisher (outlet, agency, monitor) the claim rests
    /// on: claims resting on one publisher are one source, whoever relays them.
    /// `NONE` when the article itself is the source.
    pub source: u32,
    pub sketch: Sketch,
    pub frame: Option<Box<FrameRec>>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct FrameRec {
    pub kind: EventType,
    pub place: Option<PlaceRec>,
    pub date: Option<DateRec>,
    /// The claim had a date spanning more than `max_event_days` ("last year",
    /// "since 2011"): not the event's date, so `date` is `None`.
    pub background: bool,
    pub actor: Option<ActorRec>,
    pub killed: Option<CountRec>,
    pub injured: Option<CountRec>,
    pub denied: bool,
}

/// A place as linking compares it, shared by every mention of it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub(crate) struct PlaceInfo {
    /// Interned keys from the outermost containing place down to this one: gazetteer
    /// ids (`i:sy/idlib`) when the lexicon knows the place, else folded names
    /// (`n:idlib governorate`) from the mention's `within`.
    pub chain: Box<[u32]>,
    /// A top-level place (a country): too coarse to tell events apart.
    pub coarse: bool,
    pub id: Option<u32>,
    pub name: u32,
    pub within: Box<[u32]>,
}

/// One mention of a place: which place (in `Tables::places`) and the words.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct PlaceRec {
    pub place: u32,
    pub text: u32,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct DateRec {
    pub from: i32,
    pub to: i32,
    pub precision: DatePrecision,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct ActorRec {
    /// Display name of the outermost actor (`Syrian Government`).
    pub top: u32,
    pub side: Option<u32>,
    pub generic: bool,
    pub kind: EntityKind,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct CountRec {
    pub min: u32,
    pub max: Option<u32>,
    pub category: CasualtyCategory,
    /// "dozens", "hundreds", "several": neither raises nor settles a contradiction.
    pub vague: bool,
    pub update: bool,
    pub start: usize,
    pub end: usize,
}

pub(crate) fn day_number(d: NaiveDate) -> i32 {
    d.num_days_from_ce()
}

pub(crate) fn day_string(day: i32) -> String {
    NaiveDate::from_num_days_from_ce_opt(day).map_or_else(String::new, |d| d.to_string())
}

pub(crate) fn day_date(day: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(day)
}

/// Words that make a count vague (see `docs/taxonomy.md`: "dozens" → 24..99).
const VAGUE_WORDS: &[&str] = &[
    "dozens",
    "scores",
    "hundreds",
    "thousands",
    "tens",
    "several",
    "many",
    "numerous",
    "few",
    "number",
    "multiple",
    "countless",
];

fn is_vague(c: &Casualties) -> bool {
    c.expression
        .split(|ch: char| !ch.is_alphanumeric())
        .any(|w| VAGUE_WORDS.iter().any(|v| v.eq_ignore_ascii_case(w)))
}

/// True when a source is identified well enough that two articles citing it rely on
/// the same source: named, not anonymous ("activists", "a military source").
/// `folded` is the source's name through [`fold_name`].
fn identified(folded: &str, kind: SourceKind) -> bool {
    if kind == SourceKind::Anonymous {
        return false;
    }
    if folded.is_empty() || folded.starts_with("a ") || folded.starts_with("an ") {
        return false;
    }
    !folded.split(' ').any(|w| {
        matches!(
            w,
            "source" | "sources" | "witness" | "witnesses" | "residents" | "activists"
        )
    })
}

pub(crate) struct Built {
    pub article: ArticleRec,
    pub claims: Vec<ClaimRec>,
}

/// The summaries of `article` and its claims. `words` holds the hashed words of
/// the article's body, of which the claims' sketches are made.
pub(crate) fn build(
    article: &ArticleAnalysis,
    text: &str,
    words: &BodyWords,
    lexicon: &dyn Lexicon,
    config: &LinkConfig,
    tables: &mut Tables,
    first_claim: u32,
) -> Built {
    let strings = &mut tables.strings;
    let outlet = article.outlet.as_deref().filter(|o| !o.trim().is_empty());
    let rec = ArticleRec {
        id: article.id.as_str().into(),
        outlet: outlet.map(|o| strings.intern(o.trim())),
        outlet_key: outlet.map(|o| strings.intern(&fold_name(o))),
        published: article.published.map(day_number),
        first_claim,
        claims: article.claims.len() as u32,
        context: None,
        shingles: 0,
    };
    let mut rec = rec;
    let mut last_named: Option<Speaker<'_>> = None;
    let claims: Vec<ClaimRec> = article
        .claims
        .iter()
        .map(|c| {
            claim(
                c,
                &article.id,
                text,
                words,
                lexicon,
                config,
                tables,
                &mut last_named,
            )
        })
        .collect();
    // Most frequent specific place; ties go to the one named first.
    let mut counts: Vec<(u32, usize)> = Vec::new();
    for c in &claims {
        let Some(p) = c.frame.as_ref().and_then(|f| f.place.as_ref()) else {
            continue;
        };
        if tables.places.get(p.place).is_some_and(|i| i.coarse) {
            continue;
        }
        match counts.iter_mut().find(|(q, _)| *q == p.place) {
            Some((_, n)) => *n += 1,
            None => counts.push((p.place, 1)),
        }
    }
    let best = counts.iter().map(|&(_, n)| n).max().unwrap_or(0);
    rec.context = counts
        .iter()
        .find(|&&(_, n)| n == best && n > 0)
        .map(|&(p, _)| p);
    Built {
        article: rec,
        claims,
    }
}

/// Speakers named by a description that points back at the last named one: "the
/// outlet", "the agency said".
const ANAPHORS: &[&str] = &[
    "outlet",
    "agency",
    "news agency",
    "monitor",
    "monitoring group",
    "watchdog",
    "wire",
    "newspaper",
    "broadcaster",
    "channel",
    "centre",
    "center",
    "observatory",
    "report",
];

/// A speaker of a claim's attribution chain as linking reads it: its name
/// (trimmed or not, as the chain has it), the name through [`fold_name`] and
/// its kind.
#[derive(Clone)]
struct Speaker<'a> {
    name: Cow<'a, str>,
    folded: String,
    kind: SourceKind,
}

#[allow(clippy::too_many_arguments)]
fn claim<'a>(
    c: &'a Claim,
    article: &str,
    text: &str,
    words: &BodyWords,
    lexicon: &dyn Lexicon,
    config: &LinkConfig,
    tables: &mut Tables,
    last_named: &mut Option<Speaker<'a>>,
) -> ClaimRec {
    // Resolve "the agency" to the agency named before it in the article. Each
    // name is folded once: the anaphor test, `identified` and the voices all
    // read the folded name.
    let speakers: Vec<Speaker<'a>> = c
        .attribution
        .chain
        .iter()
        .map(|s| {
            let folded = fold_name(&s.name);
            if ANAPHORS.contains(&folded.as_str()) {
                if let Some(named) = last_named.as_ref() {
                    return Speaker {
                        kind: s.kind,
                        ..named.clone()
                    };
                }
            } else if identified(&folded, SourceKind::Other) {
                // The name is kept trimmed; trimming does not change its fold.
                *last_named = Some(Speaker {
                    name: Cow::Borrowed(s.name.trim()),
                    folded: folded.clone(),
                    kind: s.kind,
                });
            }
            Speaker {
                name: Cow::Borrowed(&s.name),
                folded,
                kind: s.kind,
            }
        })
        .collect();
    let (voice, source) = voices(&speakers, &mut tables.strings);
    let chain: Box<[u32]> = speakers
        .iter()
        .map(|s| tables.strings.intern(s.name.trim()))
        .collect();
    ClaimRec {
        id: ClaimId::of(&c.id, article),
        article: 0,
        start: c.start,
        end: c.end,
        attribution: tables.chains.intern(chain),
        voice,
        source,
        sketch: words.sketch(text, c.start, c.end),
        frame: c
            .event
            .as_ref()
            .map(|f| Box::new(frame(f, lexicon, config, tables))),
    }
}

/// The folded names of the innermost speaker and of the innermost identified
/// publisher of a chain, interned, or `NONE`.
fn voices(chain: &[Speaker<'_>], strings: &mut Interner) -> (u32, u32) {
    let voice = chain.last().map_or(NONE, |s| strings.intern(&s.folded));
    // The innermost named publisher (an outlet, an agency, a monitor): in [state
    // media, a military source] the claim rests on state media. Every outlet relaying
    // one publisher relays one source; a party's statement (a ministry, an armed
    // group) relayed by two outlets counts for each outlet.
    let source = chain
        .iter()
        .rev()
        .find(|s| {
            matches!(s.kind, SourceKind::Media | SourceKind::Monitor)
                && identified(&s.folded, s.kind)
        })
        .map_or(NONE, |s| strings.intern(&s.folded));
    (voice, source)
}

fn frame(
    f: &EventFrame,
    lexicon: &dyn Lexicon,
    config: &LinkConfig,
    tables: &mut Tables,
) -> FrameRec {
    let date = f.date.as_ref().and_then(|d| {
        let (from, to) = (day_number(d.value), day_number(d.last));
        (from <= to).then_some(DateRec {
            from,
            to,
            precision: d.precision,
            start: d.start,
            end: d.end,
        })
    });
    let background = date
        .as_ref()
        .is_some_and(|d| d.to - d.from + 1 > config.max_event_days);
    let date = date.filter(|_| !background);
    FrameRec {
        kind: f.event_type,
        place: f.place.as_ref().and_then(|p| place(p, lexicon, tables)),
        date,
        background,
        actor: f.actor.as_ref().and_then(|a| {
            let strings = &mut tables.strings;
            if matches!(a.kind, EntityKind::Civilians | EntityKind::Other)
                || a.name.trim().is_empty()
            {
                return None;
            }
            let info = lexicon.actor(&a.name);
            let top = info.as_ref().map_or(a.name.trim(), |i| i.top.as_str());
            Some(ActorRec {
                top: strings.intern(top),
                side: info
                    .as_ref()
                    .and_then(|i| i.side.as_deref())
                    .map(|s| strings.intern(s)),
                // An attacker the text leaves unnamed tells no group, as a label.
                generic: info
                    .as_ref()
                    .map_or(a.name == crosscheck_schema::UNNAMED_ATTACKER, |i| i.generic),
                kind: a.kind,
                start: a.start,
                end: a.end,
            })
        }),
        // A part of a toll ("Eleven of the dead were civilians") or a running total
        // ("dozens since 2016") is not the event's toll: it neither contradicts nor
        // backs another report's.
        killed: f
            .killed
            .as_ref()
            .filter(|c| !c.part && !c.cumulative)
            .map(count),
        injured: f
            .injured
            .as_ref()
            .filter(|c| !c.part && !c.cumulative)
            .map(count),
        denied: f.denied,
    }
}

fn count(c: &Casualties) -> CountRec {
    CountRec {
        min: c.min,
        max: c.max.map(|m| m.max(c.min)),
        category: c.category,
        vague: is_vague(c),
        update: c.update,
        start: c.start,
        end: c.end,
    }
}

fn place(p: &PlaceMention, lexicon: &dyn Lexicon, tables: &mut Tables) -> Option<PlaceRec> {
    let strings = &mut tables.strings;
    if p.name.trim().is_empty() && p.id.is_none() {
        return None;
    }
    let known =
        p.id.as_deref()
            .and_then(|id| lexicon.place_ancestors(id).map(|a| (id, a)));
    // Each key is spelt in one buffer: `i:` and a gazetteer id, or `n:` and a
    // folded name.
    let mut key = String::new();
    let mut intern_key = |prefix: &str, rest: &str| {
        key.clear();
        key.push_str(prefix);
        key.push_str(rest);
        strings.intern(&key)
    };
    let (chain, coarse): (Box<[u32]>, bool) = match known {
        Some((id, ancestors)) => {
            let coarse = ancestors.is_empty();
            let chain = ancestors
                .iter()
                .map(String::as_str)
                .chain(std::iter::once(id))
                .map(|a| intern_key("i:", a))
                .collect();
            (chain, coarse)
        }
        None => {
            let chain = p
                .within
                .iter()
                .chain(std::iter::once(&p.name))
                .map(|n| intern_key("n:", &fold_name(n)))
                .collect();
            (chain, false)
        }
    };
    let info = PlaceInfo {
        chain,
        coarse,
        id: p.id.as_deref().map(|i| strings.intern(i)),
        name: strings.intern(&p.name),
        within: p.within.iter().map(|w| strings.intern(w)).collect(),
    };
    let text = strings.intern(&p.text);
    Some(PlaceRec {
        place: tables.places.intern(info),
        text,
        start: p.start,
        end: p.end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_claim_ids_are_the_canonical_ones() {
        let old = |claim: &str, article: &str| {
            claim
                .strip_prefix(article)
                .and_then(|r| r.strip_prefix("/c"))
                .and_then(|n| n.parse::<u32>().ok().filter(|v| v.to_string() == n))
        };
        for claim in [
            "a/c1",
            "a/c0",
            "a/c00",
            "a/c01",
            "a/c10",
            "a/c+5",
            "a/c-5",
            "a/c",
            "a/c4294967295",
            "a/c4294967296",
            "a/c1x",
            "a/x1",
            "b/c1",
            "a/c 1",
            "a/c\u{661}",
        ] {
            let new = match ClaimId::of(claim, "a") {
                ClaimId::Numbered(n) => Some(n),
                ClaimId::Other(_) => None,
            };
            assert_eq!(new, old(claim, "a"), "{claim}");
        }
    }

    #[test]
    fn a_claim_id_is_the_string_the_linker_spells() {
        let ids = [
            ClaimId::Numbered(0),
            ClaimId::Numbered(1),
            ClaimId::Numbered(12),
            ClaimId::Numbered(u32::MAX),
            ClaimId::Other("a/c01".into()),
            ClaimId::Other("elsewhere".into()),
        ];
        let claims = [
            "a/c0",
            "a/c1",
            "a/c12",
            "a/c012",
            "a/c1x",
            "a/c",
            "b/c12",
            "a/x12",
            "aa/c12",
            "a/c4294967295",
            "a/c01",
            "elsewhere",
            "",
        ];
        for id in &ids {
            let spelled = match id {
                ClaimId::Numbered(n) => crosscheck_schema::claim_id("a", u64::from(*n)),
                ClaimId::Other(s) => s.to_string(),
            };
            for claim in claims {
                assert_eq!(id.is(claim, "a"), claim == spelled, "{id:?} {claim}");
            }
        }
    }
}
