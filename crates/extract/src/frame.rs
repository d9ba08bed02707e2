//! The event frame of one sentence: type from the triggers, actor and target from the
//! alias table, place from the gazetteer (most specific place named, with patterns for
//! places it does not know), date, casualty counts and denial.

use crosscheck_dates::{DateMatch, Precision};
use crosscheck_lexicon::{Actors, Gazetteer, PlaceKind, PlaceMatch};
use crosscheck_schema::{
    Casualties, DatePrecision, DateValue, EntityKind, EntityMention, EventFrame, EventType,
    PlaceMention, Span,
};

use crate::attribution::{ActorTok, Found};
use crate::casualties::Count;
use crate::triggers::{self, Hit};
use crate::vocab::Harm;
use crate::words::{is_determiner, Words};

/// A gazetteer match as token indices.
#[derive(Clone, Copy, Debug)]
pub(crate) struct PlaceTok {
    pub first: usize,
    pub end: usize,
    pub m: PlaceMatch,
}

/// A date match as token indices.
#[derive(Clone, Debug)]
pub(crate) struct DateTok {
    pub first: usize,
    pub end: usize,
    pub m: DateMatch,
}

pub(crate) struct Inputs<'a> {
    pub actors: &'a Actors,
    pub places: &'a Gazetteer,
    pub counts: &'a [Count],
    pub hits: &'a [Hit],
    pub found: &'a Found,
    pub actor_matches: &'a [ActorTok],
    pub place_matches: &'a [PlaceTok],
    pub dates: &'a [DateTok],
    /// The type of the incident the article spoke of last, for "the attack".
    pub previous_type: Option<EventType>,
}

fn in_ranges(ranges: &[(usize, usize)], first: usize, end: usize) -> bool {
    ranges.iter().any(|&(a, b)| first < b && a < end)
}

fn casualties(w: &Words, c: &Count) -> Casualties {
    let span = w.span_of(c.first, c.end);
    Casualties {
        min: c.min,
        max: c.max,
        category: c.category,
        expression: span.slice(w.text).to_string(),
        update: c.update,
        start: span.start,
        end: span.end,
    }
}

/// Words that deny an act even without a denial verb.
fn denial_words(w: &Words) -> bool {
    (0..w.len()).any(|i| {
        let x = w.w(i);
        matches!(x, "fabricated" | "fabrications" | "fabrication")
            || (x == "no" && w.w(i + 1) == "truth")
            || (x == "not" && w.w(i + 1) == "responsible")
            || (x == "none" && w.w(i + 1) == "of" && matches!(w.w(i + 2), "its" | "their"))
            || (x == "no" && matches!(w.w(i + 1), "aircraft" | "jets" | "planes" | "warplanes"))
    })
}

/// How specific a place kind is: the event's place is the most specific one named.
fn specificity(kind: PlaceKind) -> u8 {
    match kind {
        PlaceKind::Country => 0,
        PlaceKind::Governorate | PlaceKind::Province => 1,
        PlaceKind::Region | PlaceKind::River | PlaceKind::Mountain => 2,
        PlaceKind::District => 3,
        PlaceKind::Subdistrict => 4,
        PlaceKind::City => 5,
        PlaceKind::Town | PlaceKind::Village | PlaceKind::Camp => 6,
        PlaceKind::Crossing | PlaceKind::Airbase => 6,
        PlaceKind::Neighbourhood | PlaceKind::Landmark => 7,
    }
}

/// Nouns that introduce a place name: "the village of X", "X neighbourhood".
fn place_noun(w: &str) -> bool {
    matches!(
        w,
        "village"
            | "villages"
            | "town"
            | "towns"
            | "city"
            | "neighbourhood"
            | "neighborhood"
            | "neighbourhoods"
            | "neighborhoods"
            | "district"
            | "suburb"
            | "suburbs"
            | "area"
            | "region"
            | "province"
            | "governorate"
            | "countryside"
            | "camp"
            | "square"
            | "countryside of"
            | "outskirts"
    )
}

fn name_word(w: &Words, i: usize) -> bool {
    let x = w.w(i);
    w.is_word(i)
        && (w.cap(i) || x.starts_with("al-") || x.starts_with("el-") || x == "al")
        && !matches!(
            x,
            "the"
                | "a"
                | "in"
                | "on"
                | "and"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "january"
                | "february"
                | "march"
                | "april"
                | "may"
                | "june"
                | "july"
                | "august"
                | "september"
                | "october"
                | "november"
                | "december"
        )
}

/// Adjectives that stand before "town" or "area" without naming it.
fn demonym(w: &str) -> bool {
    w.ends_with("ian")
        || w.ends_with("ish")
        || w.ends_with("ese")
        || w.ends_with("ern")
        || matches!(
            w,
            "syrian"
                | "iraqi"
                | "israeli"
                | "saudi"
                | "kurdish"
                | "turkish"
                | "shiite"
                | "sunni"
                | "alawite"
                | "druze"
                | "arab"
                | "christian"
                | "rebel-held"
                | "regime-held"
        )
}

/// Places the gazetteer does not know, from the words around them: "the village of
/// Almehemdiya", "the Midan neighbourhood", "al-Hamadaniyeh area", "in Tartus". Returns
/// token ranges of the name and how specific the phrase says it is.
fn pattern_places(w: &Words, skip: &dyn Fn(usize, usize) -> bool) -> Vec<(usize, usize, u8)> {
    let mut out = Vec::new();
    for i in 0..w.len() {
        if !place_noun(w.w(i)) {
            continue;
        }
        let specific = if matches!(
            w.w(i),
            "province" | "governorate" | "countryside" | "region"
        ) {
            1
        } else {
            6
        };
        // "the town of Jayrud", "the neighborhoods of Karam Alnozha".
        if w.w(i + 1) == "of" {
            let a = i + 2;
            let mut b = a;
            while b < w.len() && name_word(w, b) && b - a < 4 {
                b += 1;
            }
            if b > a && !skip(a, b) {
                out.push((a, b, specific));
            }
            continue;
        }
        // "the Midan neighbourhood", "Hasakeh city", "Aqareb es Safi village".
        let mut a = i;
        while a > 0
            && (name_word(w, a - 1) || (a >= 2 && w.w(a - 1) == "es" && name_word(w, a - 2)))
            && i - a < 4
        {
            a -= 1;
        }
        if a < i && !skip(a, i) && !demonym(w.w(a)) {
            out.push((a, i, specific));
        }
    }
    // "in Aleppo", "in The Hague": a capitalised name after a locative preposition.
    for i in 0..w.len() {
        if !matches!(w.w(i), "in" | "near" | "outside" | "around") {
            continue;
        }
        let mut a = i + 1;
        if w.w(a) == "the" && w.cap(a) {
            a += 1;
        }
        let mut b = a;
        while b < w.len() && name_word(w, b) && b - a < 4 {
            b += 1;
        }
        if b > a && !skip(a, b) && !demonym(w.w(a)) && !out.iter().any(|&(x, y, _)| x < b && a < y)
        {
            out.push((a, b, 5));
        }
    }
    out.sort();
    out
}

fn date_value(w: &Words, d: &DateTok) -> DateValue {
    DateValue {
        value: d.m.value,
        last: d.m.last,
        precision: match d.m.precision {
            Precision::Day => DatePrecision::Day,
            Precision::Week => DatePrecision::Week,
            Precision::Month => DatePrecision::Month,
            Precision::Year => DatePrecision::Year,
        },
        expression: Span::new(d.m.start, d.m.end).slice(w.text).to_string(),
        relative: d.m.relative,
        start: d.m.start,
        end: d.m.end,
    }
}

/// Facilities a strike hits, as a target when no party is named: "a market".
fn facility(w: &str) -> bool {
    matches!(
        w,
        "market"
            | "marketplace"
            | "hospital"
            | "school"
            | "bakery"
            | "checkpoint"
            | "mosque"
            | "church"
            | "bus"
            | "convoy"
            | "camp"
            | "houses"
            | "homes"
            | "building"
            | "clinic"
            | "station"
            | "prison"
            | "shelter"
            | "facility"
            | "facilities"
            | "crowd"
            | "positions"
            | "base"
            | "airport"
            | "headquarters"
            | "centre"
            | "center"
            | "farmland"
    )
}

fn facility_phrase(w: &Words, from: usize) -> Option<(usize, usize)> {
    for i in from..w.len() {
        if facility(w.w(i)) {
            let mut a = i;
            while a > from && a + 4 > i {
                let x = w.w(a - 1);
                if is_determiner(x) {
                    a -= 1;
                    break;
                }
                if !w.is_word(a - 1)
                    || matches!(
                        x,
                        "on" | "in" | "at" | "and" | "of" | "targeted" | "hit" | "struck"
                    )
                {
                    break;
                }
                a -= 1;
            }
            return Some((a, i + 1));
        }
        if matches!(w.w(i), "," | ";" | "killing" | "killed" | "wounding") {
            return None;
        }
    }
    None
}

pub(crate) fn build(w: &Words, inp: &Inputs) -> Option<EventFrame> {
    let found = inp.found;
    let killed = inp.counts.iter().find(|c| c.harm == Harm::Killed);
    let injured = inp.counts.iter().find(|c| c.harm == Harm::Injured);
    let count_at = killed.or(injured).map(|c| c.first);
    let hits: Vec<Hit> = inp
        .hits
        .iter()
        .copied()
        .filter(|h| !in_ranges(&found.speaker_ranges, h.first, h.end))
        .collect();
    let chosen = triggers::choose(&hits, count_at);
    let denied = found.deny || denial_words(w);
    // A count without a cause, or "the attack", belongs to the incident the article
    // typed last ("Monday's massacre ... killed 41"); a war total does not.
    let total = inp.counts.iter().any(|c| c.min >= 1000)
        || (0..w.len()).any(|k| matches!(w.w(k), "since" | "war" | "conflict"));
    let inherit = |t: EventType| match inp.previous_type {
        Some(p) if !total => p,
        _ => t,
    };
    let (event_type, trigger) = match chosen {
        Some(h) if h.anaphor || h.event_type == EventType::Death => {
            (inherit(h.event_type), w.span_of(h.first, h.end))
        }
        Some(h) => (h.event_type, w.span_of(h.first, h.end)),
        None => match killed.or(injured) {
            Some(c) => {
                let t = if killed.is_some() {
                    EventType::Death
                } else {
                    EventType::Other
                };
                (inherit(t), w.span_of(c.first, c.end))
            }
            // "there was no truth whatsoever to the reports": a denial of the incident.
            None if denied => (
                inherit(EventType::Accusation),
                Span::new(w.span.start, w.span.start),
            ),
            None => return None,
        },
    };
    let trig_first = w.tok_at_or_after(trigger.start);

    // Actor: the party right before the trigger ("Regime forces shelled", "Russian
    // airstrikes"), else the agent of a passive ("by X"), else the first party named
    // before the trigger, else the first named after it. Speakers, victims counted and
    // places named as places ("in Damascus") are not actors.
    let count_ranges: Vec<(usize, usize)> = inp.counts.iter().map(|c| (c.first, c.end)).collect();
    // "25 troops and pro-government gunmen": the conjunct of a count is a victim too.
    let after_count = |m: &ActorTok| {
        m.first >= 1
            && w.w(m.first - 1) == "and"
            && count_ranges.iter().any(|&(_, e)| e + 1 == m.first)
    };
    let trig_end = w.tok_at_or_after(trigger.end);
    let candidates: Vec<&ActorTok> = inp
        .actor_matches
        .iter()
        .filter(|m| !in_ranges(&found.speaker_ranges, m.first, m.end))
        .filter(|m| !in_ranges(&count_ranges, m.first, m.end) && !after_count(m))
        .filter(|m| {
            // "in Damascus", "the Damascus suburbs": a place, not the government it hosts,
            // unless it acts ("Moscow vetoed").
            let is_place = inp
                .place_matches
                .iter()
                .any(|p| p.first < m.end && m.first < p.end);
            !is_place || inp.hits.iter().any(|h| h.first == m.end)
        })
        .filter(|m| {
            inp.actors.get(m.actor).is_some_and(|a| {
                !matches!(
                    a.kind,
                    crosscheck_lexicon::ActorKind::Media
                        | crosscheck_lexicon::ActorKind::Monitor
                        | crosscheck_lexicon::ActorKind::Civilians
                )
            })
        })
        .collect();
    let after_by = |m: &&&ActorTok| {
        (1..=4).any(|k| {
            m.first >= k
                && w.w(m.first - k) == "by"
                && (m.first - k + 1..m.first).all(|j| w.is_word(j) && !w.w(j).ends_with("ed"))
        })
    };
    let target_prep = |m: &&ActorTok| {
        (1..=2).any(|k| {
            m.first >= k
                && matches!(
                    w.w(m.first - k),
                    "on" | "against" | "targeting" | "at" | "of" | "to"
                )
        })
    };
    // A party after the trigger acts only as the subject of a clause ("... said the
    // army had shelled") or as the owner of the weapon ("belonged to the government").
    let acts = |m: &&&ActorTok| {
        let next = w.w(m.end);
        matches!(
            next,
            "had" | "has" | "have" | "was" | "were" | "is" | "are" | "carried" | "fired"
        ) || (next.ends_with("ed") && next.len() > 3)
            || inp.hits.iter().any(|h| h.first == m.end)
            || (m.first >= 2 && w.w(m.first - 2) == "belonged")
    };
    let mut actor = candidates
        .iter()
        .find(|m| m.end <= trig_first && trig_first - m.end <= 2 && !target_prep(m))
        .or_else(|| candidates.iter().find(after_by))
        .or_else(|| {
            candidates
                .iter()
                .find(|m| m.first < trig_first && !target_prep(m))
        })
        .or_else(|| candidates.iter().find(|m| m.first >= trig_end && acts(m)))
        .copied();
    // "Terrorists of the al-Qaeda-linked Hayat Tahrir al-Sham": the group named, not the label.
    if let Some(a) = actor {
        if inp.actors.get(a.actor).is_some_and(|x| x.generic) {
            if let Some(specific) = candidates.iter().find(|m| {
                m.first >= a.end
                    && m.first <= a.end + 4
                    && matches!(w.w(a.end), "of" | "from")
                    && inp.actors.get(m.actor).is_some_and(|x| !x.generic)
            }) {
                actor = Some(specific);
            }
        }
    }
    let target = candidates
        .iter()
        .find(|m| m.first > trig_first && Some(m.first) != actor.map(|a| a.first) && target_prep(m))
        .map(|m| inp.actors.to_mention(&to_match(m), w.text))
        .or_else(|| {
            facility_phrase(w, trig_first).map(|(a, b)| {
                let span = w.span_of(a, b);
                EntityMention {
                    name: span.slice(w.text).to_string(),
                    kind: EntityKind::Other,
                    text: span.slice(w.text).to_string(),
                    start: span.start,
                    end: span.end,
                }
            })
        });
    let mut actor = actor.map(|m| inp.actors.to_mention(&to_match(m), w.text));
    if actor.is_none() {
        actor = demonym_actor(w, inp, trig_first);
    }
    // "Syria's defence ministry denied its aircraft were involved": the denier stands for
    // the state whose act is denied.
    if actor.is_none() && denied {
        actor = inp
            .actor_matches
            .iter()
            .filter(|m| in_ranges(&found.speaker_ranges, m.first, m.end))
            .find_map(|m| {
                let a = inp.actors.get(m.actor)?;
                if !matches!(
                    a.kind,
                    crosscheck_lexicon::ActorKind::State
                        | crosscheck_lexicon::ActorKind::StateForce
                        | crosscheck_lexicon::ActorKind::ArmedGroup
                ) {
                    return None;
                }
                let top = inp.actors.top(&a.id).unwrap_or(a);
                let mut mention = inp.actors.to_mention(&to_match(m), w.text);
                mention.name = top.name.clone();
                Some(mention)
            });
    }

    // Place: the most specific place named outside the speakers' phrases and the
    // parties' names; towns, villages and neighbourhoods are equally specific and the
    // first named wins ("the Damascus suburbs of Ain Tarma Zamalka and Jobar").
    let actor_ranges: Vec<(usize, usize)> =
        inp.actor_matches.iter().map(|m| (m.first, m.end)).collect();
    // Built lazily: only the chosen place becomes a mention.
    enum Cand<'p> {
        Known(&'p PlaceMatch),
        Words(usize, usize),
    }
    let mut candidates: Vec<(usize, u8, Cand)> = Vec::new();
    for p in inp.place_matches {
        if in_ranges(&found.speaker_ranges, p.first, p.end) {
            continue;
        }
        let Some(pl) = inp.places.get(p.m.place) else {
            continue;
        };
        if pl.kind == PlaceKind::Country {
            // A country is the event's place only as a location: "in Syria", "northern
            // Syria", not "Russia said" or "Syria's war".
            let prev = p.first.checked_sub(1).map(|k| w.w(k)).unwrap_or("");
            let locative = matches!(
                prev,
                "in" | "inside"
                    | "across"
                    | "northern"
                    | "southern"
                    | "eastern"
                    | "western"
                    | "northeastern"
                    | "northwestern"
                    | "southeastern"
                    | "southwestern"
                    | "central"
                    | "north"
                    | "south"
                    | "east"
                    | "west"
                    | "throughout"
                    | "into"
            );
            if !locative || in_ranges(&actor_ranges, p.first, p.end) {
                continue;
            }
        }
        candidates.push((p.first, specificity(pl.kind).min(6), Cand::Known(&p.m)));
    }
    let skip = |a: usize, b: usize| {
        in_ranges(&found.speaker_ranges, a, b)
            || in_ranges(&actor_ranges, a, b)
            || inp.place_matches.iter().any(|p| p.first < b && a < p.end)
            || inp.dates.iter().any(|d| d.first < b && a < d.end)
    };
    for (a, b, s) in pattern_places(w, &skip) {
        candidates.push((a, s, Cand::Words(a, b)));
    }
    let place = candidates
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map(|c| match c.2 {
            Cand::Known(m) => inp.places.to_mention(m, w.text),
            Cand::Words(a, b) => {
                let span = w.span_of(a, b);
                let text = span.slice(w.text).to_string();
                PlaceMention {
                    id: None,
                    name: text.clone(),
                    within: Vec::new(),
                    text,
                    start: span.start,
                    end: span.end,
                }
            }
        });

    // Date: the first date that is not when something was said.
    let verbs = &found.verbs;
    let report_date = |d: &DateTok| {
        let near_verb = verbs.iter().any(|&(a, b)| {
            d.first == b
                || (d.first == b + 1 && w.w(b) == "on")
                || (d.end == a && w.w(a) != "according")
        });
        let after_speaker = found
            .speaker_ranges
            .iter()
            .any(|&(_, b)| d.first == b || (d.first == b + 1 && w.w(b) == "on"));
        // "On Sunday X reported that ...": a date opening a reporting clause.
        let opens_report = d.first <= 1 && verbs.iter().any(|&(a, _)| a > d.end && a - d.end <= 12);
        // "since 2011", "since the beginning of the operation in 2014": a campaign total.
        let since_year =
            d.m.precision == Precision::Year && (0..d.first).any(|k| w.w(k) == "since");
        near_verb || after_speaker || opens_report || since_year
    };
    let date = inp
        .dates
        .iter()
        .find(|d| !report_date(d) && !in_ranges(&found.speaker_ranges, d.first, d.end))
        .map(|d| date_value(w, d));

    Some(EventFrame {
        event_type,
        trigger,
        actor,
        target,
        place,
        date,
        killed: killed.map(|c| casualties(w, c)),
        injured: injured.map(|c| casualties(w, c)),
        denied,
    })
}

/// "Russian air strikes", "government shelling", "rebel shelling": a party named by an
/// adjective before the trigger, looked up as "<adjective> forces".
fn demonym_actor(w: &Words, inp: &Inputs, trig_first: usize) -> Option<EntityMention> {
    let k = trig_first.checked_sub(1)?;
    let adj = w.raw(k);
    if adj.is_empty() || !w.is_word(k) {
        return None;
    }
    let a = ["forces", "warplanes", "fighters"]
        .iter()
        .find_map(|noun| inp.actors.by_name(&format!("{adj} {noun}")))
        .or_else(|| inp.actors.by_name(adj))?;
    let t = w.toks[k];
    Some(EntityMention {
        name: a.name.clone(),
        kind: a.kind.entity_kind(),
        text: adj.to_string(),
        start: t.start,
        end: t.end,
    })
}

fn to_match(m: &ActorTok) -> crosscheck_lexicon::ActorMatch {
    crosscheck_lexicon::ActorMatch {
        start: m.span.start,
        end: m.span.end,
        actor: m.actor,
    }
}
