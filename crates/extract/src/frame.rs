//! The event frame of one sentence: type from the triggers, actor and target from the
//! alias table, place from the gazetteer (most specific place named, with patterns for
//! places it does not know), date, casualty counts and denial.

use crosscheck_dates::{DateMatch, Precision};
use crosscheck_lexicon::{ActorKind, Actors, Gazetteer, PlaceKind, PlaceMatch};
use crosscheck_schema::{
    Casualties, CasualtyCategory, DatePrecision, DateValue, EntityKind, EntityMention, EventFrame,
    EventType, PlaceMention, Span,
};

use crate::attribution::{ActorTok, Found};
use crate::casualties::Count;
use crate::parties::{self, Parties, PartyInputs, PartyMemory};
use crate::triggers::{self, Hit};
use crate::vocab::{class, CasualtyWord, Harm, Vocab};
use crate::words::{in_ranges, Words};

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
    pub vocab: &'a Vocab,
    pub actors: &'a Actors,
    pub places: &'a Gazetteer,
    /// The places the article named before this sentence as places (not in a
    /// speaker's or an outlet's name), in text order: what "the city" and "the town"
    /// stand for.
    pub earlier_places: &'a [PlaceMatch],
    pub counts: &'a [Count],
    /// The triggers outside the speakers' phrases.
    pub hits: &'a [Hit],
    pub found: &'a Found,
    pub actor_matches: &'a [ActorTok],
    pub place_matches: &'a [PlaceTok],
    pub dates: &'a [DateTok],
    /// The type of the incident the article spoke of last, for "the attack".
    pub previous_type: Option<EventType>,
    /// The parties earlier sentences established.
    pub memory: &'a PartyMemory,
    /// The sentence has [`denial_words`].
    pub denial_words: bool,
    /// The article's publication date, when known.
    pub published: Option<chrono::NaiveDate>,
    /// What the article has said so far about the people it counts (titles of names
    /// up to this sentence included, the last single victim up to the one before).
    pub persons: &'a Persons,
}

/// What an article has said so far about the people it names, for the victim
/// categories of later bare names and pronouns.
#[derive(Clone, Debug, Default)]
pub(crate) struct Persons {
    /// People named with a title: the lower-cased last word of the name and the
    /// title's victim category ("journalist James Foley" → `foley`, journalists).
    pub named: Vec<(String, CasualtyCategory)>,
    /// The category of the last single victim an event frame counted, when it was
    /// more than "people": whom a later "his death" or "beheading him" means ("A
    /// female Kurdish fighter ... has been reportedly beheaded" ... "Her death has not
    /// been confirmed").
    pub last_victim: Option<CasualtyCategory>,
}

impl Persons {
    /// Remembers the single victim of `frame` (killed, else injured), if its category
    /// says more than "people".
    pub fn learn_victim(&mut self, frame: &EventFrame) {
        let one = frame
            .killed
            .as_ref()
            .or(frame.injured.as_ref())
            .filter(|c| c.min == 1 && c.max == Some(1));
        if let Some(c) = one.filter(|c| c.category != CasualtyCategory::People) {
            self.last_victim = Some(c.category);
        }
    }
}

/// The count `c` as the frame holds it; `cumulative` when the sentence dates it as a
/// running total.
fn casualties(w: &Words, inp: &Inputs, c: &Count, cumulative: bool) -> Casualties {
    let span = w.span_of(c.first, c.end);
    Casualties {
        min: c.min,
        max: c.max,
        category: member_category(w, inp, c)
            .or_else(|| side_of_role(w, inp, c))
            .unwrap_or(c.category),
        expression: span.slice(w.text).to_string(),
        update: c.update,
        part: part_of_a_toll(w, inp.counts, c),
        cumulative,
        start: span.start,
        end: span.end,
    }
}

/// "Eleven of the dead were civilians", "killed 30 people, 16 of them children", "10 of
/// those killed": the count is a part of a toll given as a whole, right after the number
/// ("of them" only after another count: "clashed with the terrorists, killing 16 of them"
/// gives the toll itself).
fn part_of_a_toll(w: &Words, counts: &[Count], c: &Count) -> bool {
    (c.first + 1..(c.first + 4).min(c.end + 1)).any(|k| {
        w.w(k) == "of"
            // "killing 30 people, 16 of them children": a count before it is the whole;
            // "children were gassed, and 27 of them are dead" gives the toll itself.
            && (matches!(w.w(k + 1), "them" | "whom" | "those")
                && counts.iter().any(|o| o.end <= c.first)
                || w.w(k + 1) == "the"
                    && matches!(
                        w.w(k + 2),
                        "dead" | "killed" | "victims" | "casualties" | "wounded" | "injured"
                    ))
    })
}

/// The category of "members" by the group they belong to: "23 Daesh members" are
/// militants, "eight members of the Hezbollah militia" fighters, "40 members of the
/// pro-regime forces" soldiers (docs/taxonomy.md, victim categories).
fn member_category(w: &Words, inp: &Inputs, c: &Count) -> Option<CasualtyCategory> {
    let members = (c.first..c.end)
        .find(|&k| matches!(w.w(k), "members" | "member" | "operatives" | "elements"));
    let members = members.filter(|_| c.category == CasualtyCategory::People)?;
    let of = w.w(members + 1) == "of";
    let m = inp.actor_matches.iter().find(|m| {
        (m.first >= c.first && m.end <= members)
            || (of && m.first > members + 1 && m.first <= members + 4)
    })?;
    let actor = inp.actors.get(m.actor)?;
    match actor.kind {
        ActorKind::State | ActorKind::StateForce => Some(CasualtyCategory::Soldiers),
        ActorKind::ArmedGroup if actor.side == "jihadist" => Some(CasualtyCategory::Militants),
        // "pro-regime forces", "government fighters" (gold README, convention 6).
        ActorKind::ArmedGroup if actor.side == "government" => Some(CasualtyCategory::Soldiers),
        ActorKind::ArmedGroup => Some(CasualtyCategory::Fighters),
        _ => None,
    }
}

/// One person counted by "the" or a name's possessive ("the leader", "Baghdadi's
/// deputy"): a count that a name or another count of the same harm replaces.
fn weak_count(w: &Words, c: &Count) -> bool {
    w.w(c.first) == "the" || crate::casualties::possessive_name(w, c.first)
}

/// The side of one leader or aide counted as `people`: the category the article's
/// titles gave the name whose possessive opens the count ("Baghdadi's deputy", after
/// "IS leader Abu Bakr al-Baghdadi"), else that of the one armed group the sentence
/// names ("the group's leader ... IS").
fn side_of_role(w: &Words, inp: &Inputs, c: &Count) -> Option<CasualtyCategory> {
    if c.category != CasualtyCategory::People
        || c.min != 1
        || c.max != Some(1)
        || c.end == 0
        || !role_noun(w.w(c.end - 1))
    {
        return None;
    }
    if let Some(k) = name_is_known(&inp.persons.named, w.base(c.first)) {
        return Some(k);
    }
    let mut sides = inp
        .actor_matches
        .iter()
        .filter_map(|m| inp.actors.get(m.actor))
        .filter(|a| a.kind == ActorKind::ArmedGroup)
        .map(|a| a.side.as_str());
    let side = sides.next()?;
    if sides.any(|s| s != side) {
        return None;
    }
    match side {
        "jihadist" => Some(CasualtyCategory::Militants),
        "government" => None,
        _ => Some(CasualtyCategory::Fighters),
    }
}

/// A result word used as a passive: "were destroyed", "was completely destroyed",
/// "have been eliminated", "Five VBIEDs destroyed in the village".
fn passive_result(w: &Words, h: &Hit) -> bool {
    let mut k = h.first;
    if k >= 1 && w.w(k - 1).ends_with("ly") {
        k -= 1;
    }
    if k >= 1 && matches!(w.w(k - 1), "also") {
        k -= 1;
    }
    let aux = k >= 1 && matches!(w.w(k - 1), "was" | "were" | "been" | "be" | "being");
    let reduced = matches!(w.w(h.first), "destroyed" | "eliminated")
        && matches!(w.w(h.end), "in" | "near" | "at" | "during" | "by" | "on");
    aux || reduced
}

/// The mention stands after token `after` as the agent or the instrument of a passive:
/// "by army units", "during army operations", "in army airstrikes".
fn agent_of(w: &Words, a: &EntityMention, after: usize) -> bool {
    let first = w.tok_at_or_after(a.start);
    first >= after
        && (1..=2).any(|back| {
            first >= back
                && first - back >= after
                && matches!(w.w(first - back), "by" | "in" | "during")
                && (back == 1 || matches!(w.w(first - 1), "the" | "a" | "an"))
        })
}

/// An air force or its aircraft: "the Syrian Air Force", "the Russian Aerospace Forces",
/// "government aircraft", "Syrias aircraft".
/// Words that make a party an air force: "government aircraft", "Russian jets".
const AIR_WORDS: [&str; 6] = [
    "aircraft",
    "warplanes",
    "jets",
    "planes",
    "helicopters",
    "aerospace",
];

fn air_actor(a: &EntityMention) -> bool {
    let words: Vec<&str> = a.text.split_whitespace().collect();
    a.name.contains("Air Force")
        || a.name.contains("Aerospace")
        || words
            .iter()
            .any(|x| AIR_WORDS.iter().any(|air| x.eq_ignore_ascii_case(air)))
        || words
            .windows(2)
            .any(|p| p[0].eq_ignore_ascii_case("air") && p[1].eq_ignore_ascii_case("force"))
}

/// What a capture verb took when it is no territory.
enum Captured {
    /// "ISIS seized materials airdropped to Kurds", "1 weapons bundle seized by
    /// militants", "Houthi rebels seize U.S. Marines weapons": arms and equipment (the
    /// taxonomy's capture is of territory).
    Materiel,
    /// "Isis has captured Canadian-Israeli woman", "Woman May Have Been Captured In
    /// Syria": a person taken, as an arrest or abduction is.
    Person,
}

/// The thing a capture verb (`h`) took: the first noun of the words after it
/// (active), or of the words before it when "by" follows (passive: "weapons seized
/// by militants") or a form of "be" stands before it ("woman may have been captured").
fn captured_thing(w: &Words, h: &Hit) -> Option<Captured> {
    if !matches!(
        w.w(h.first),
        "captured"
            | "capture"
            | "captures"
            | "capturing"
            | "seized"
            | "seize"
            | "seizes"
            | "seizing"
    ) {
        return None;
    }
    let kind = |x: &str| match x {
        "weapons" | "weapon" | "arms" | "ammunition" | "materials" | "supplies" | "bundle"
        | "bundles" | "package" | "packages" | "vehicles" | "vehicle" | "jets" | "jet"
        | "planes" | "warplanes" | "aircraft" | "tanks" | "tank" | "equipment" | "missiles"
        | "trucks" | "truck" | "cargo" | "airdrop" | "airdrops" | "drone" | "drones"
        | "grenades" | "migs" | "helicopter" | "helicopters" | "rifles" | "munitions" => {
            Some(Captured::Materiel)
        }
        "woman" | "man" | "girl" | "boy" | "journalist" | "reporter" | "photographer" | "pilot"
        | "hostage" | "nurse" | "doctor" | "tourist" | "priest" | "worker" => {
            Some(Captured::Person)
        }
        _ => None,
    };
    let passive = w.w(h.end) == "by"
        || (h.first.saturating_sub(2)..h.first)
            .any(|k| matches!(w.w(k), "been" | "be" | "was" | "is" | "were"));
    // "Images of the captured pilot were released": an adjective, no act of capture.
    if !passive && h.first > 0 && w.has(h.first - 1, class::DETERMINER) {
        return None;
    }
    // "after seizing a vehicle carrying arms moved towards the town's center": the
    // ground taken is the event.
    if (0..w.len()).any(|k| {
        matches!(
            w.w(k),
            "town"
                | "towns"
                | "city"
                | "village"
                | "villages"
                | "base"
                | "district"
                | "area"
                | "areas"
                | "neighbourhood"
                | "neighborhood"
                | "hill"
                | "territory"
                | "province"
                | "center"
                | "centre"
                | "hospital"
        )
    }) {
        return None;
    }
    let words: Vec<usize> = if passive {
        (h.first.saturating_sub(6)..h.first).rev().collect()
    } else {
        (h.end..(h.end + 6).min(w.len())).collect()
    };
    words
        .into_iter()
        .take_while(|&k| w.is_word(k) || w.is_number(k))
        .find_map(|k| kind(w.w(k)))
}

/// The type the rules chose, refined by who acted and what the sentence counts
/// (`docs/taxonomy.md`, "Type refinements"):
/// * "The Syrian army killed 28 ... Daesh militants": a force that kills with no weapon
///   named fought on the ground (or from the air, when it is an air force); not a war
///   total ("the regime's crackdown ... left 210000 people dead");
/// * "Regime planes fired rockets", "The Air Force shelled Daesh positions": what an air
///   force fires is an air strike;
/// * a capture only aimed at ("an operation to seize Raqqa", "aimed at recapturing east
///   Aleppo", "trying hard to capture the city") or beside a killed count ("killed 23
///   Daesh members and liberated three neighborhoods") is the fighting;
/// * "Russian jets resumed heavy bombing of eastern Aleppo", "the bombing carried out by
///   the international coalition": bombing from the air is an air strike;
/// * arms or equipment seized with no ground named are `other`, a person captured an
///   arrest ([`captured_thing`]).
fn refine_type(
    w: &Words,
    event_type: EventType,
    chosen: Option<&Hit>,
    actor: Option<&EntityMention>,
    killed: Option<&Count>,
    total: bool,
) -> EventType {
    if let (Some(a), Some(c)) = (actor, killed) {
        // "Rehana may have been killed by IS militants", "ISIS murders Sotloff": one
        // person put to death by an armed group, no fighting named, is an execution.
        let one = c.min == 1 && c.max == Some(1);
        if one
            && matches!(event_type, EventType::Death | EventType::GroundAttack)
            && chosen.is_none_or(|h| h.event_type == EventType::Death)
            && !total
            && a.kind == EntityKind::ArmedGroup
            && !matches!(
                c.category,
                CasualtyCategory::Soldiers | CasualtyCategory::Militants | CasualtyCategory::Police
            )
        {
            return EventType::Execution;
        }
        if event_type == EventType::Death
            && chosen.is_none_or(|h| h.event_type == EventType::Death)
            && !total
            && matches!(a.kind, EntityKind::StateForce | EntityKind::ArmedGroup)
            && a.end <= w.span_of(c.first, c.end).start
        {
            // "Regime forces killed 48 civilians", "ISIL terrorists killed three
            // civilians from the town": civilians killed by a ground force with no
            // fighting named were put to death (as the gold sets read it).
            return if air_actor(a) {
                EventType::Airstrike
            } else if c.category == CasualtyCategory::Civilians {
                EventType::Execution
            } else {
                EventType::GroundAttack
            };
        }
    }
    if event_type == EventType::Shelling && actor.is_some_and(air_actor) {
        return EventType::Airstrike;
    }
    let Some(h) = chosen else {
        return event_type;
    };
    if event_type == EventType::Capture {
        let aimed = (h.first.saturating_sub(3)..h.first).any(|k| {
            matches!(
                w.w(k),
                "to" | "aimed" | "aiming" | "attempting" | "trying" | "bid" | "attempt"
            )
        });
        if aimed || killed.is_some() {
            return EventType::GroundAttack;
        }
        return match captured_thing(w, h) {
            Some(Captured::Materiel) => EventType::Other,
            Some(Captured::Person) => EventType::Arrest,
            None => event_type,
        };
    }
    if event_type == EventType::Bombing
        && matches!(w.w(h.first), "bombing" | "bombings" | "bombed")
        && h.end == h.first + 1
        && (actor.is_some_and(|a| air_actor(a) || air_party(a))
            || (0..w.len()).any(|k| air_word(w, k)))
    {
        return EventType::Airstrike;
    }
    event_type
}

/// Parties that bomb from the air in this war: Russia's forces and the US-led
/// coalition.
fn air_party(a: &EntityMention) -> bool {
    matches!(
        a.name.as_str(),
        "Russian Armed Forces" | "Russian Aerospace Forces" | "US-led Coalition"
    )
}

/// A word of the sentence that puts a bombing in the air: "warplanes", "jets",
/// "aerial", "air raids".
fn air_word(w: &Words, k: usize) -> bool {
    let x = w.w(k);
    AIR_WORDS.contains(&x)
        || matches!(
            x,
            "warplane" | "helicopter" | "aerial" | "aerially" | "airstrikes" | "raids" | "sorties"
        )
        || x == "air"
            && matches!(
                w.w(k + 1),
                "force" | "strikes" | "raids" | "strike" | "raid"
            )
}

/// Phrases that deny an act even without a denial verb, each word given by its
/// alternatives: "fabricated", "no truth", "not responsible", "none of its", "no
/// (Russian) aircraft", "neither Russian nor Syrian aircraft", "has never used" (and
/// [`AS_VERDICTS`]: "described the reports as false").
const DENIAL_PHRASES: &[&[&[&str]]] = &[
    &[&["fabricated", "fabrications", "fabrication"]],
    &[&["no"], &["truth"]],
    &[&["not"], &["responsible"]],
    &[&["none"], &["of"], &["its", "their"]],
    &[&["no"], AIRCRAFT],
    &[&["no"], AIR_OWNERS, AIRCRAFT],
    &[&["neither"], AIR_OWNERS, &["nor"], AIR_OWNERS, AIRCRAFT],
    &[
        &["never"],
        &["used", "carried", "launched", "conducted", "targeted"],
    ],
];

/// Aircraft a denial says were not there ([`DENIAL_PHRASES`]).
const AIRCRAFT: &[&str] = &["aircraft", "jets", "planes", "warplanes", "helicopters"];

/// Whose aircraft: "no Russian aircraft", "neither Russian nor Syrian aircraft".
const AIR_OWNERS: &[&str] = &[
    "russian",
    "syrian",
    "turkish",
    "israeli",
    "american",
    "us",
    "coalition",
    "government",
    "regime",
];

/// "described the reports as false": a verdict after "as" denies too. The class is
/// on the rare adjective, not on the common "as" ([`denial_words`]).
const AS_VERDICTS: &[&str] = &["false", "untrue", "baseless", "groundless"];

/// The first words of the [`DENIAL_PHRASES`] and the [`AS_VERDICTS`]
/// ([`class::DENIAL`]).
pub(crate) fn denial_first_words() -> impl Iterator<Item = &'static str> {
    DENIAL_PHRASES
        .iter()
        .filter_map(|p| p.first())
        .flat_map(|alts| alts.iter().copied())
        .chain(AS_VERDICTS.iter().copied())
}

/// Words that deny an act even without a denial verb ([`DENIAL_PHRASES`]).
/// A phrase inside a relative clause set off by commas describes the clause's
/// head, not the act the sentence reports: in "State media, which called the
/// reports fabricated, said militants had staged the scene" the staging is not
/// denied.
pub(crate) fn denial_words(w: &Words) -> bool {
    w.has_any(class::DENIAL)
        && (0..w.len()).any(|i| {
            if !w.has(i, class::DENIAL) {
                return false;
            }
            let first = w.w(i);
            let verdict = AS_VERDICTS.contains(&first) && i >= 1 && w.w(i - 1) == "as";
            (verdict
                || DENIAL_PHRASES.iter().any(|p| {
                    p[0].contains(&first)
                        && p.iter()
                            .enumerate()
                            .skip(1)
                            .all(|(k, alts)| alts.contains(&w.w(i + k)))
                }))
                && !in_comma_relative_clause(w, i)
        })
}

/// The execution trigger at token `i` tells what someone is known for, not the
/// incident: "the Briton who beheaded", "the man accused of executing", "suspected of
/// carrying out beheadings", "responsible for the beheading of", "believed to have
/// beheaded". The cue stands at most four words before it, in the same clause. (Only
/// for executions: "accused of using chemical weapons", "responsible for a suicide
/// bombing" are how conflict news reports the incident itself.)
fn describes_a_deed(w: &Words, i: usize) -> bool {
    let from = i.saturating_sub(4);
    (from..i).rev().take_while(|&k| w.is_word(k)).any(|k| {
        let x = w.w(k);
        x == "who" && k >= 1 && w.is_word(k - 1) && !matches!(w.w(k - 1), "people" | "those")
            || matches!(x, "accused" | "suspected" | "famed" | "known") && w.w(k + 1) == "of"
            || matches!(
                x,
                "responsible" | "famed" | "known" | "notorious" | "blamed"
            ) && w.w(k + 1) == "for"
            || x == "believed" && w.w(k + 1) == "to" && w.w(k + 2) == "have"
    })
}

/// The trigger at token `i` is conceded, not reported: "ISIS militants are barely a
/// mile from the city despite intense US-led airstrikes", "in spite of the strikes".
fn conceded(w: &Words, i: usize) -> bool {
    let from = i.saturating_sub(6);
    (from..i)
        .rev()
        .take_while(|&k| w.is_word(k))
        .any(|k| w.w(k) == "despite" || w.w(k) == "spite" && w.w(k.saturating_sub(1)) == "in")
}

/// Token `i` lies in a relative clause between commas: ", which … i … ,".
fn in_comma_relative_clause(w: &Words, i: usize) -> bool {
    let opens = (0..i)
        .rev()
        .take_while(|&k| w.w(k) != ",")
        .any(|k| matches!(w.w(k), "which" | "who") && k >= 1 && w.w(k - 1) == ",");
    opens && (i + 1..w.len()).any(|k| w.w(k) == ",")
}

/// "the city", "the town", "the village", "the province", "the country", "the capital",
/// "the district", "the suburb" with no name in the sentence: the place of that kind
/// the article named last as a place ("Aleppo ... the city" → Aleppo; a district is a
/// neighbourhood or a district, a suburb a neighbourhood, a town or a region such as
/// Eastern Ghouta); "the capital" is Damascus, and "the country"
/// with no country named is Syria, once the article has named a place in Syria. The
/// mention keeps the sentence's words ("the city") and the earlier place's name.
fn anaphoric_place(
    w: &Words,
    inp: &Inputs,
    speakers: &[(usize, usize)],
    actors: &[(usize, usize)],
) -> Option<PlaceMention> {
    if inp.earlier_places.is_empty() {
        return None;
    }
    // "the city", or with one word between: "the besieged town", "the war-battered
    // country".
    let the = |k: usize| {
        w.w(k - 1) == "the"
            || k >= 2
                && w.w(k - 2) == "the"
                && w.is_word(k - 1)
                && !w.cap(k - 1)
                && !w.has(k - 1, class::PLACE_NOUN)
    };
    // Bit tests first: this runs on every sentence without a place.
    let noun = |k: usize| {
        w.has(k, class::PLACE_NOUN)
            || (w.has(k - 1, class::DETERMINER) || k >= 2 && w.has(k - 2, class::DETERMINER))
                && matches!(w.w(k), "capital" | "country")
    };
    let k = (1..w.len()).find(|&k| {
        noun(k)
            && the(k)
            && w.w(k + 1) != "of"
            && !in_ranges(speakers, k - 1, k + 1)
            && !in_ranges(actors, k - 1, k + 1)
            // "A police source in the city said": where the speaker is.
            && !(k >= 3
                && matches!(w.w(k - 2), "in" | "at" | "from")
                && speakers.iter().any(|&(_, b)| b == k - 2))
    })?;
    let kinds: &[PlaceKind] = match w.w(k) {
        "city" => &[PlaceKind::City],
        "town" => &[PlaceKind::Town, PlaceKind::City, PlaceKind::Village],
        "village" => &[PlaceKind::Village, PlaceKind::Town],
        "province" | "governorate" => &[PlaceKind::Governorate, PlaceKind::Province],
        // "the besieged district" (al-Waer), "the besieged suburb" (Eastern Ghouta).
        "district" | "neighbourhood" | "neighborhood" => {
            &[PlaceKind::Neighbourhood, PlaceKind::District]
        }
        "suburb" => &[PlaceKind::Neighbourhood, PlaceKind::Town, PlaceKind::Region],
        "country" => &[PlaceKind::Country],
        "capital" => &[],
        _ => return None,
    };
    let in_syria = || {
        inp.earlier_places.iter().any(|m| {
            inp.places
                .get(m.place)
                .is_some_and(|p| p.id.starts_with("sy/") || p.id == "sy")
        })
    };
    let last_of_kind = || {
        inp.earlier_places
            .iter()
            .rev()
            .filter_map(|m| inp.places.get(m.place))
            .find(|p| kinds.contains(&p.kind))
    };
    let place = match w.w(k) {
        // Syria's capital, Syria for "the country", once the article is about Syria.
        "capital" => in_syria()
            .then(|| inp.places.place("sy/damascus/damascus-city"))
            .flatten()?,
        "country" => {
            last_of_kind().or_else(|| in_syria().then(|| inp.places.place("sy")).flatten())?
        }
        _ => last_of_kind()?,
    };
    let first = if w.w(k - 1) == "the" { k - 1 } else { k - 2 };
    let span = w.span_of(first, k + 1);
    Some(PlaceMention {
        id: Some(place.id.clone()),
        name: place.name.clone(),
        within: inp
            .places
            .within(&place.id)
            .into_iter()
            .map(|p| p.name.clone())
            .collect(),
        text: span.slice(w.text).to_string(),
        start: span.start,
        end: span.end,
    })
}

/// A compass point: "north", "southwest", "north-east".
fn compass(x: &str) -> bool {
    matches!(
        x,
        "north"
            | "south"
            | "east"
            | "west"
            | "northeast"
            | "northwest"
            | "southeast"
            | "southwest"
            | "north-east"
            | "north-west"
            | "south-east"
            | "south-west"
    )
}

/// Tokens `a..b` say where a place lies relative to the next: "near", "outside",
/// "close to", "on the outskirts of", "west of", "north-east of", "20 km south of".
fn locates(w: &Words, a: usize, b: usize) -> bool {
    let words: Vec<&str> = (a..b).map(|k| w.w(k)).collect();
    match words.as_slice() {
        ["near" | "outside"] | ["close", "to"] => true,
        ["on" | "in", "the", "outskirts" | "edge", "of"] => true,
        [d, "of"] => compass(d),
        [n, "km" | "kilometres" | "kilometers" | "miles", d, "of"] => {
            compass(d) && n.bytes().all(|c| c.is_ascii_digit())
        }
        _ => false,
    }
}

/// A city in capitals before the first words of the report, as a dateline that lost
/// its punctuation ("Nov 022017 BEIRUT Syrian government air strikes killed"): where the
/// report was filed, not where the event happened. Not a sentence in capitals.
fn dateline(w: &Words, first: usize, end: usize) -> bool {
    let caps = |k: usize| {
        let raw = w.raw(k);
        raw.len() >= 4 && raw.bytes().all(|b| b.is_ascii_uppercase())
    };
    end < w.len()
        && (first..end).all(caps)
        && (w.raw(end) == "(" || w.cap(end) && w.raw(end).bytes().any(|b| b.is_ascii_lowercase()))
}

/// Where the attackers came from or sat, not where they struck: "took off from Hama
/// military airport", "flew in from the Hmeimim base", "terrorist groups positioned in
/// Binnish town targeted al-Fouaa" (SANA's formula).
fn attackers_base(w: &Words, first: usize) -> bool {
    let k = w.with_the(first);
    k >= 2
        && (w.w(k - 1) == "from"
            && (matches!(w.w(k - 2), "off" | "flew" | "flown" | "departed" | "taking")
                || w.w(k - 2) == "in" && k >= 3 && matches!(w.w(k - 3), "flew" | "flown"))
            || matches!(w.w(k - 1), "in" | "at")
                && matches!(
                    w.w(k - 2),
                    "positioned" | "stationed" | "entrenched" | "deployed" | "holed"
                ))
}

/// A place name that is part of a broadcaster's or paper's name: "TV station
/// al-Mayadeen", "Aleppo Today TV", "the Damascus daily", "The Aleppo Ledger".
pub(crate) fn names_an_outlet(w: &Words, first: usize, end: usize) -> bool {
    let before = first.checked_sub(1).map(|k| w.w(k)).unwrap_or("");
    let after = w.w(end);
    matches!(before, "station" | "channel" | "broadcaster" | "newspaper")
        || matches!(after, "tv" | "television" | "channel" | "radio" | "daily")
        || w.cap(end)
            && matches!(
                after,
                "ledger" | "herald" | "tribune" | "gazette" | "courier" | "chronicle" | "post"
            )
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

/// The words [`named_harm`] starts from (`class::HARM_HEAD`): the nouns of
/// [`possessed_death`] and the harm verbs of the name's own clause.
pub(crate) const HARM_HEADS: &[&str] = &[
    "death",
    "killing",
    "beheading",
    "execution",
    "murder",
    "assassination",
    "wounded",
    "injured",
    "hurt",
    "killed",
    "beheaded",
    "executed",
    "murdered",
    "assassinated",
    "decapitated",
    "executing",
    "murdering",
    "murders",
    "executes",
    "beheads",
    "kills",
];

/// Nouns that introduce a place name: "the village of X", "X neighbourhood".
pub(crate) const PLACE_NOUNS: &[&str] = &[
    "village",
    "villages",
    "town",
    "towns",
    "city",
    "neighbourhood",
    "neighborhood",
    "neighbourhoods",
    "neighborhoods",
    "district",
    "suburb",
    "suburbs",
    "area",
    "region",
    "province",
    "governorate",
    "countryside",
    "camp",
    "square",
    "outskirts",
    "stronghold",
    "enclave",
    "oilfield",
];

/// Capitalised words that are not part of a name.
pub(crate) const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "in",
    "on",
    "and",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn name_word(w: &Words, i: usize) -> bool {
    if !w.is_word(i) || w.has(i, class::NOT_NAME) {
        return false;
    }
    let x = w.w(i);
    w.cap(i) || x.starts_with("al-") || x.starts_with("el-") || x == "al"
}

/// Adjectives that stand before "town" or "area" without naming it, besides the
/// `-ian`, `-ish`, `-ese`, `-ern` ones.
pub(crate) const DEMONYMS: &[&str] = &[
    "syrian",
    "iraqi",
    "israeli",
    "saudi",
    "kurdish",
    "turkish",
    "shiite",
    "sunni",
    "alawite",
    "druze",
    "arab",
    "christian",
    "rebel-held",
    "regime-held",
];

fn demonym(w: &Words, i: usize) -> bool {
    let x = w.w(i);
    w.has(i, class::DEMONYM)
        || x.ends_with("ian")
        || x.ends_with("ish")
        || x.ends_with("ese")
        || x.ends_with("ern")
}

/// A faith or people before a place noun names no place: "the last two regime-held
/// Shia villages"; before a name it is left out ("Baghdad's mainly Shi'ite Amil
/// district" → Amil).
fn faith_word(w: &Words, i: usize) -> bool {
    matches!(
        w.w(i),
        "shia"
            | "shiite"
            | "shi'ite"
            | "sunni"
            | "alawite"
            | "druze"
            | "yazidi"
            | "ismaili"
            | "turkmen"
            | "arab"
            | "christian"
    )
}

/// Places the gazetteer does not know, from the words around them: "the village of
/// Almehemdiya", "the Midan neighbourhood", "al-Hamadaniyeh area", "in Tartus". Returns
/// token ranges of the name and how specific the phrase says it is.
fn pattern_places(w: &Words, skip: &dyn Fn(usize, usize) -> bool) -> Vec<(usize, usize, u8)> {
    let mut out = Vec::new();
    for i in 0..w.len() {
        if !w.has(i, class::PLACE_NOUN) {
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
            // The name before the noun is the place too when no name follows "of"
            // ("the Balabolok district of western Farah province", "the al-Masharfeh
            // district of the city"; not "the Abbasid area of the Zahra
            // neighbourhood"), or when the noun is a part of a town, which the town
            // after "of" holds ("the al-Amin area of Baghdad", "the Kala-Balge district
            // of Borno state").
            let name_after = b > a || w.w(a) == "the" && name_word(w, a + 1);
            let part = matches!(
                w.w(i),
                "district" | "area" | "neighbourhood" | "neighborhood" | "quarter" | "suburb"
            ) && i >= 1
                && name_word(w, i - 1)
                && !demonym(w, i - 1)
                // "Kurdish-controlled", not "al-Amin" or "Kala-Balge".
                && !w
                    .raw(i - 1)
                    .rsplit('-')
                    .next()
                    .is_some_and(|last| last.starts_with(|c: char| c.is_lowercase()));
            if name_after && !part {
                continue;
            }
        }
        // "the Midan neighbourhood", "Hasakeh city", "Aqareb es Safi village".
        let mut a = i;
        while a > 0
            && (name_word(w, a - 1) || (a >= 2 && w.w(a - 1) == "es" && name_word(w, a - 2)))
            && i - a < 4
        {
            a -= 1;
        }
        while a < i && faith_word(w, a) {
            a += 1;
        }
        // "the Old City", "the New City": an old part of a city, not a name.
        let generic = (a..i).all(|k| matches!(w.w(k), "old" | "new" | "inner" | "holy"));
        if a < i && !skip(a, i) && !demonym(w, a) && !generic {
            out.push((a, i, specific));
        }
    }
    // "in Aleppo", "in The Hague": a capitalised name after a locative preposition.
    for i in 0..w.len() {
        if !w.has(i, class::LOCATIVE) {
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
        if b > a && !skip(a, b) && !demonym(w, a) && !out.iter().any(|&(x, y, _)| x < b && a < y) {
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
pub(crate) const FACILITIES: &[&str] = &[
    "market",
    "marketplace",
    "hospital",
    "school",
    "bakery",
    "checkpoint",
    "mosque",
    "church",
    "bus",
    "convoy",
    "camp",
    "houses",
    "homes",
    "building",
    "clinic",
    "station",
    "prison",
    "shelter",
    "facility",
    "facilities",
    "crowd",
    "positions",
    "base",
    "airport",
    "headquarters",
    "centre",
    "center",
    "farmland",
    "crossing",
    "stronghold",
    "strongholds",
    "bases",
    "outposts",
];

/// An auxiliary or adverb that may stand between a subject and its verb ("ISIS is
/// selling", "the US has also sent").
fn auxiliary(x: &str) -> bool {
    matches!(
        x,
        "is" | "are" | "was" | "were" | "has" | "have" | "had" | "been" | "also" | "now"
    )
}

/// The verb of a party's act reported by someone else, in a sentence with no trigger:
/// right after a reporting verb (over "that") or after "allegations that", "claims
/// that", "reports that", a party of the actor table (not the speaker) and, over at most
/// three auxiliaries or adverbs, a verb in "-ing" or "-ed" or an irregular past ("ISIS
/// is selling human organs", "the U.S. government threatened them", "US planes are
/// supplying ISIL"). Its token.
fn reported_act(w: &Words, inp: &Inputs) -> Option<usize> {
    let found = inp.found;
    let opens = |k: usize| {
        found.verbs.iter().any(|&(_, e)| e == k)
            || k >= 2
                && w.w(k - 1) == "that"
                && matches!(
                    w.w(k - 2),
                    "allegations" | "allegation" | "claims" | "claim" | "reports" | "accusations"
                )
    };
    inp.actor_matches.iter().find_map(|m| {
        if in_ranges(&found.speaker_ranges, m.first, m.end) {
            return None;
        }
        let actor = inp.actors.get(m.actor)?;
        if !parties::is_party(actor) {
            return None;
        }
        let mut start = w.with_the(m.first);
        if start >= 1 && w.w(start - 1) == "that" && !opens(start) {
            start -= 1;
        }
        if !opens(start) {
            return None;
        }
        let mut v = m.end;
        while v < m.end + 3
            && (auxiliary(w.w(v))
                || matches!(
                    w.w(v),
                    "still"
                        | "might"
                        | "may"
                        | "could"
                        | "be"
                        | "secretly"
                        | "repeatedly"
                        | "actively"
                ))
        {
            v += 1;
        }
        let verb = w.w(v);
        let done = w.is_word(v)
            && (verb.len() > 4 && (verb.ends_with("ing") || verb.ends_with("ed"))
                || matches!(
                    verb,
                    "sent" | "sold" | "gave" | "paid" | "built" | "fought" | "brought" | "held"
                ))
            // Not speech, a state or an intent: "fighters were saying", "rebels were
            // facing an existential threat", "Moscow was standing ready".
            && !matches!(
                verb,
                "based" | "called" | "named" | "known" | "located" | "led" | "backed" | "being"
                    | "according" | "including" | "saying" | "claiming" | "stating"
                    | "reporting" | "facing" | "standing" | "trying" | "seeking" | "hoping"
                    | "planning" | "preparing" | "expected" | "expecting" | "waiting"
                    | "considered" | "concerned" | "interested" | "determined"
            );
        // A party speaking of itself states, it does not accuse: "the Russian Foreign
        // Ministry stated that Moscow was ready".
        let top = inp.actors.top(&actor.id).unwrap_or(actor);
        let own = inp.actor_matches.iter().any(|s| {
            in_ranges(&found.speaker_ranges, s.first, s.end)
                && inp
                    .actors
                    .get(s.actor)
                    .is_some_and(|a| inp.actors.top(&a.id).unwrap_or(a).id == top.id)
        });
        (done && !own).then_some(v)
    })
}

/// The verb of an act done by the sentence's subject when that subject is a party of
/// the actor table opening the sentence (after at most a short opening phrase and a
/// comma): "IS imposed a Zakat tax on merchants", "Secretary of state Mike Pompeo met
/// with ...", "The US reduced its workforce in Havana". An active past verb ("-ed" or
/// an irregular past) over at most three auxiliaries or adverbs; not a passive, speech,
/// or a verb the reporting vocabulary holds. Its token.
fn subject_act(w: &Words, inp: &Inputs) -> Option<usize> {
    let found = inp.found;
    let m = inp.actor_matches.iter().find(|m| {
        !in_ranges(&found.speaker_ranges, m.first, m.end)
            && inp.actors.get(m.actor).is_some_and(parties::is_party)
    })?;
    let start = w.with_the(m.first);
    let opens = start == 0 || (1..=8).contains(&start) && w.w(start - 1) == ",";
    if !opens {
        return None;
    }
    let mut v = m.end;
    let mut passive = false;
    while v < m.end + 3
        && (auxiliary(w.w(v))
            || matches!(
                w.w(v),
                "then" | "later" | "reportedly" | "allegedly" | "already" | "recently" | "finally"
            ))
    {
        passive |= matches!(w.w(v), "is" | "are" | "was" | "were" | "been");
        v += 1;
    }
    if in_ranges(&found.verbs, v, v + 1) || !w.is_word(v) {
        return None;
    }
    let verb = w.w(v);
    let past = verb.len() > 4 && verb.ends_with("ed")
        || matches!(
            verb,
            "sent"
                | "sold"
                | "gave"
                | "paid"
                | "built"
                | "fought"
                | "brought"
                | "held"
                | "took"
                | "made"
                | "met"
                | "won"
                | "lost"
                | "set"
                | "put"
                | "cut"
                | "left"
                | "began"
                | "spent"
                | "stole"
                | "fled"
        );
    let not_an_act = matches!(
        verb,
        "based"
            | "called"
            | "named"
            | "known"
            | "located"
            | "backed"
            | "supported"
            | "used"
            | "needed"
            | "wanted"
            | "hoped"
            | "planned"
            | "believed"
            | "considered"
            | "concerned"
            | "interested"
            | "determined"
            | "expected"
            | "aimed"
            | "involved"
            | "designated"
            | "listed"
            | "labelled"
            | "labeled"
            | "described"
            | "accused"
            | "denied"
            | "rejected"
            | "condemned"
            | "claimed"
            | "warned"
            | "vowed"
            | "threatened"
    );
    (past && !passive && !not_an_act).then_some(v)
}

/// A sentence's frame, and the actor-table index of its actor when it has one.
pub(crate) struct Built {
    pub frame: EventFrame,
    pub actor: Option<usize>,
}

pub(crate) fn build(w: &Words, inp: &Inputs) -> Option<Built> {
    let found = inp.found;
    let denied = found.deny || inp.denial_words;
    if crate::background::is_background(
        w,
        inp.vocab,
        !inp.counts.is_empty(),
        denied,
        inp.hits,
        inp.dates,
    ) || crate::background::is_irrealis(w, !inp.counts.is_empty(), denied, inp.hits)
        || crate::background::is_question(w)
    {
        return None;
    }
    // "al-Baghdadi was wounded", "the strikes wounded al-Baghdadi": one named person,
    // when the sentence counts no one else for that harm.
    let (named, named_is_target) = match named_harm(w, inp) {
        Some((count, target)) => (Some(count), target),
        None => (None, false),
    };
    // The revised toll is the event's: "A number of people died of their wounds,
    // bringing the toll to 61".
    // One person counted by "the" or a name's possessive ("the British-accented
    // militant had been wounded ... and 40 more") gives way to another count of the
    // same harm.
    // A named person ("The group's leader, Abu Bakr al-Baghdadi, was wounded") too.
    let first_of = |harm: Harm| {
        inp.counts
            .iter()
            .filter(|c| c.harm == harm)
            .find(|c| !weak_count(w, c))
            .or(named.as_ref().filter(|c| c.harm == harm))
            .or_else(|| inp.counts.iter().find(|c| c.harm == harm))
    };
    let killed = inp
        .counts
        .iter()
        .find(|c| c.harm == Harm::Killed && c.update)
        .or_else(|| first_of(Harm::Killed));
    let injured = first_of(Harm::Injured);
    let count_at = killed.or(injured).map(|c| c.first);
    // Triggers outside the speakers' phrases (the caller filtered them), and outside a
    // backer's phrase: "Syrian Army units with a cover from the Syrian Air Force
    // targeted" is the army's attack, not an air strike.
    // A backing trigger types the sentence only when nothing else does ("YPG forces
    // backed by US-led air strikes were able to repel the IS fighters").
    let backed: Vec<Hit>;
    let backer = |h: &Hit| in_backer_phrase(w, inp.actor_matches, h.first);
    let backing = |h: &Hit| backing_trigger(w, h.first);
    let hits = if inp.hits.iter().any(|h| backer(h) || backing(h)) {
        let kept: Vec<Hit> = inp
            .hits
            .iter()
            .filter(|h| !backer(h) && !backing(h))
            .cloned()
            .collect();
        backed = if kept.is_empty() {
            inp.hits.iter().filter(|h| !backer(h)).cloned().collect()
        } else {
            kept
        };
        &backed[..]
    } else {
        inp.hits
    };
    // "Jihadi John, the Briton who beheaded two hostages, has been injured in a US-led
    // air strike": a trigger that describes someone's past deed loses to one that
    // reports the incident.
    let described_kept: Vec<Hit>;
    let deed = |h: &Hit| {
        h.event_type == EventType::Execution && describes_a_deed(w, h.first)
            || w.flags & crate::vocab::flag::CONCESSION != 0 && conceded(w, h.first)
    };
    let hits = if hits.len() > 1 && hits.iter().any(deed) {
        described_kept = hits.iter().filter(|h| !deed(h)).cloned().collect();
        if described_kept.is_empty() {
            hits
        } else {
            &described_kept[..]
        }
    } else {
        hits
    };
    let cause = killed
        .or(injured)
        .and_then(|c| triggers::stated_cause(w, inp.vocab, hits, (c.first, c.end)));
    let chosen = triggers::choose(hits, count_at, cause);
    // "280000 people have been killed and millions displaced": the clause with the
    // count types the sentence (gold README, convention 1), not the displacement.
    let chosen = chosen.filter(|h| !(h.event_type == EventType::Displacement && killed.is_some()));
    // A count without a cause, or "the attack", belongs to the incident the article
    // typed last ("Monday's massacre ... killed 41"); a war total does not.
    let total = inp.counts.iter().any(|c| c.min >= 1000) || w.has_any(class::WAR_TOTAL);
    let inherit = |t: EventType| match inp.previous_type {
        Some(p) if !total => p,
        _ => t,
    };
    // `bare_denial`: a denial without a trigger or a count.
    let (event_type, trigger, bare_denial) = match chosen {
        Some(h) if h.anaphor || h.event_type == EventType::Death => {
            (inherit(h.event_type), w.span_of(h.first, h.end), false)
        }
        // "The bombing also killed 13 people in a fuel market": a bare "bombing" in an
        // article about air strikes is that air campaign, not a planted bomb.
        Some(h)
            if h.event_type == EventType::Bombing
                && h.end == h.first + 1
                && matches!(w.w(h.first), "bombing" | "bombings")
                && !(h.first > 0
                    && matches!(
                        w.w(h.first - 1),
                        "car" | "suicide" | "truck" | "twin" | "roadside" | "bus" | "similar"
                    ))
                && !(0..w.len()).any(|k| w.w(k) == "responsibility")
                && inp.previous_type == Some(EventType::Airstrike) =>
        {
            (EventType::Airstrike, w.span_of(h.first, h.end), false)
        }
        Some(h) => (h.event_type, w.span_of(h.first, h.end), false),
        None => match killed.or(injured) {
            Some(c) => {
                let t = if killed.is_some() {
                    EventType::Death
                } else {
                    EventType::Other
                };
                (inherit(t), w.span_of(c.first, c.end), false)
            }
            // "there was no truth whatsoever to the reports": a denial of the incident.
            None if denied => (
                inherit(EventType::Accusation),
                Span::new(w.span.start, w.span.start),
                true,
            ),
            // "Turkey claims the PYD enjoys close connections with the PKK", "allegations
            // that ISIS is selling human organs": a party's act that someone reports,
            // with no trigger, is an accusation against the party.
            None => match reported_act(w, inp) {
                Some(v) => (EventType::Accusation, w.span_of(v, v + 1), false),
                // "IS imposed a Zakat tax on merchants", "Hungary has promised ammunition":
                // a party's own act of no conflict type, as the sentence's subject.
                None => match subject_act(w, inp) {
                    Some(v) => (EventType::Other, w.span_of(v, v + 1), false),
                    None => return None,
                },
            },
        },
    };
    // A denial without a trigger ("there was no truth to the reports") has its
    // parties anywhere in the sentence.
    let trig_first = if bare_denial {
        w.len()
    } else {
        w.tok_at_or_after(trigger.start)
    };

    let trig_end = w.tok_at_or_after(trigger.end).max(trig_first + 1);
    let count_ranges: Vec<(usize, usize)> = inp
        .counts
        .iter()
        .chain(named.as_ref().filter(|_| !named_is_target))
        .map(|c| (c.first, c.end))
        .collect();
    let Parties {
        actor,
        actor_index,
        target,
    } = parties::parties(
        w,
        &PartyInputs {
            vocab: inp.vocab,
            actors: inp.actors,
            found,
            hits,
            actor_matches: inp.actor_matches,
            place_matches: inp.place_matches,
            counts: &count_ranges,
            trigger: (trig_first, trig_end),
            event_type,
            denied,
            memory: inp.memory,
        },
    );
    // "70 Daesh terrorists ... were eliminated", "Five VBIEDs destroyed in the village":
    // what a passive result names was hit, and so is a party in a clause after it
    // ("which terrorists have turned into a base"); only an agent after it acted
    // ("by army units", "during army operations").
    // The target as tokens, for a named victim's count.
    let target_span = target
        .as_ref()
        .filter(|t| t.start >= w.span.start && t.end <= w.span.end)
        .map(|t| (w.tok_at_or_after(t.start), w.tok_at_or_after(t.end)));
    let (actor, actor_index) = match (chosen, actor) {
        (Some(h), Some(a)) if h.act && passive_result(w, &h) && !agent_of(w, &a, h.end) => {
            (None, None)
        }
        (_, a) => (a, actor_index),
    };
    // "An army unit destroyed", "the Air Force destroyed", "More hideouts were
    // destroyed": a result of an operation is typed by who acted, else by the incident
    // the article typed last.
    let event_type = match chosen {
        Some(h) if h.act => match &actor {
            Some(a) if air_actor(a) => EventType::Airstrike,
            Some(_) => event_type,
            None => inherit(event_type),
        },
        _ => event_type,
    };
    let event_type = refine_type(
        w,
        event_type,
        chosen.as_ref(),
        actor.as_ref(),
        killed,
        total,
    );

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
        if in_ranges(&found.speaker_ranges, p.first, p.end)
            || names_an_outlet(w, p.first, p.end)
            || attackers_base(w, p.first)
            || dateline(w, p.first, p.end)
        {
            continue;
        }
        let Some(pl) = inp.places.get(p.m.place) else {
            continue;
        };
        if pl.kind == PlaceKind::Country {
            // A country is the event's place only as a location: "in Syria", "northern
            // Syria", not "Russia said" or "Syria's war".
            let prev = p.first.checked_sub(1).map(|k| w.w(k)).unwrap_or("");
            let locative = compass(prev)
                || matches!(
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
                        | "north-eastern"
                        | "north-western"
                        | "south-eastern"
                        | "south-western"
                        | "central"
                        | "throughout"
                        | "into"
                );
            // "Syria's war has killed", "since Syrias conflict broke out": the
            // country's own war (the gold's place for war totals).
            let own_war = matches!(
                w.w(p.end),
                "war" | "conflict" | "civil" | "revolt" | "revolution" | "uprising" | "crisis"
            );
            // "air strikes against IS targets in Iraq": a locative country is the place
            // even where the actor table knows its name for its government; not inside a
            // longer name ("the Islamic State in Iraq and Syria"), as a compound ("in
            // US-led strikes") or in Russian state media's "(banned in Russia)".
            let not_located = || {
                let in_longer_name = inp.actor_matches.iter().any(|m| {
                    m.first <= p.first && p.end <= m.end && m.end - m.first > p.end - p.first
                });
                let compound = w.text[w.toks[p.end - 1].end..].starts_with('-');
                let banned = p.first >= 2
                    && matches!(
                        w.w(p.first - 2),
                        "banned" | "outlawed" | "prohibited" | "illegal" | "proscribed"
                    );
                in_ranges(&actor_ranges, p.first, p.end) && (in_longer_name || compound || banned)
            };
            // "killed in US airstrikes", "wounded in a U.S. strike", "in US attack in
            // Somalia": the country names who struck, not where. Not the war's own
            // theatres: "killed in Syria drone strike" is in Syria.
            let attacker = !matches!(pl.id.as_str(), "sy" | "iq")
                && matches!(
                    w.w(p.end),
                    "airstrike"
                        | "airstrikes"
                        | "air"
                        | "strike"
                        | "strikes"
                        | "attack"
                        | "attacks"
                        | "raid"
                        | "raids"
                        | "bombing"
                        | "bombings"
                        | "bombardment"
                        | "drone"
                        | "drones"
                        | "shelling"
                        | "offensive"
                        | "troops"
                        | "forces"
                        | "jets"
                        | "warplanes"
                        | "aircraft"
                        | "commandos"
                );
            if attacker || !own_war && (!locative || not_located()) {
                continue;
            }
        } else if in_ranges(&actor_ranges, p.first, p.end) && !place_position(w, p.first) {
            // A capital standing for its government: "accused Damascus of", "Washington
            // is leading a coalition".
            continue;
        }
        let mut spec = specificity(pl.kind).min(6);
        // "in Saraqeb Khan Sheikhoun Maarat al-Numan and Jabal al-Arbaeen": in a list of
        // towns and cities the first named is the place (hard case 32), whatever each
        // one's kind.
        // Not a neighbourhood after its city ("Aleppos Salaheddin district").
        if spec >= 5 && specificity(pl.kind) <= 6 {
            if let Some(&(head_first, head_spec, _)) = candidates.last() {
                let prev_end = inp
                    .place_matches
                    .iter()
                    .find(|q| q.first == head_first)
                    .map(|q| q.end);
                let listed = prev_end.is_some_and(|e| {
                    !w.is_possessive(e - 1)
                        && (e == p.first || (e + 1 == p.first && matches!(w.w(e), "," | "and")))
                });
                if listed && head_spec >= 5 {
                    spec = head_spec;
                }
            }
        }
        // "Ghouta near Damascus", "Ghouta on the outskirts of Damascus", "a village
        // west of Aleppo": a place named right after another to say where that one
        // lies is not the event's place.
        if let Some(&(head_first, _, _)) = candidates.last() {
            let head_end = inp
                .place_matches
                .iter()
                .find(|q| q.first == head_first)
                .map(|q| q.end);
            if head_end.is_some_and(|e| e < p.first && locates(w, e, p.first)) {
                spec = 0;
            }
        }
        // "Outside Damascus meanwhile eight people were killed in shelling on Douma":
        // the place a sentence opens by stepping outside of is not where it happened
        // ("seized areas outside Zabadani" is still Zabadani's).
        if p.first >= 1 && w.w(p.first - 1) == "outside" && w.cap(p.first - 1) {
            spec = 0;
        }
        candidates.push((p.first, spec, Cand::Known(&p.m)));
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
        })
        .or_else(|| anaphoric_place(w, inp, &found.speaker_ranges, &actor_ranges));

    // Date: the first date that is not when something was said.
    let verbs = &found.verbs;
    // Whether date `d` is not the event's, and whether it makes the sentence's count a
    // running total ("since 2016", "over the past five years", "the war that began in
    // 2011 has killed").
    let date_role = |d: &DateTok| {
        // "blamed Saturday's attack on": a possessive date names the event's day.
        let possessive = d.end > d.first
            && (w.is_possessive(d.end - 1)
                || matches!(
                    w.w(d.end - 1),
                    "mondays"
                        | "tuesdays"
                        | "wednesdays"
                        | "thursdays"
                        | "fridays"
                        | "saturdays"
                        | "sundays"
                ));
        // "pounded Aleppo early on Thursday said the Observatory": before an inverted
        // report verb (its speaker after it) the date ends the event's clause.
        let inverted = |b: usize| found.speaker_ranges.iter().any(|&(sa, _)| sa == b);
        let near_verb = !possessive
            && verbs.iter().any(|&(a, b)| {
                d.first == b
                    || (d.first == b + 1 && w.w(b) == "on")
                    || (d.end == a && w.w(a) != "according" && !inverted(b))
            });
        let after_speaker = found
            .speaker_ranges
            .iter()
            .any(|&(_, b)| d.first == b || (d.first == b + 1 && w.w(b) == "on"));
        // "On Sunday X reported that ...", "Also on Saturday state TV reported ...",
        // "In a Twitter post earlier this week the leader warned ...": a date opening a
        // reporting clause. Only with a speaker: "On Sunday it is claimed a helicopter
        // struck" dates the strike.
        let opens_report = opens_clause(w, d.first)
            && !found.speaker_ranges.is_empty()
            && verbs.iter().any(|&(a, _)| a > d.end && a - d.end <= 12);
        // "in a press release published on Wednesday", "a statement issued Monday".
        let published = {
            let k = if d.first > 0 && w.w(d.first - 1) == "on" {
                d.first - 1
            } else {
                d.first
            };
            k > 0 && PUBLISHING.contains(&w.w(k - 1))
        };
        // "since 2011", "since the beginning of the operation in 2014": a campaign
        // total, not the event's date; "since the conflict began in March 2011": when
        // something else began. "besieged since March 2014" keeps its date, and so
        // does a relative year ("since the start of the year"), as the gold reads it; a
        // siege is a state that began then ("under government siege since 2013").
        // "since the regime and Russian jets began an offensive nearly two weeks ago":
        // "since" further back when a verb of beginning (or of tightening a siege)
        // stands between.
        let began = |from: usize| {
            (from..d.first).any(|k| {
                matches!(
                    w.w(k),
                    "began" | "started" | "erupted" | "broke" | "launched" | "tightened"
                )
            })
        };
        let since_at = (d.first.saturating_sub(14)..d.first).rfind(|&k| w.w(k) == "since");
        // A toll counted "since September 2014", "since the end of July" or "since 21
        // May" (weeks before publication) is a campaign total too; "19 insurgents have
        // been killed since Monday" is the toll of the days' fighting and keeps Monday.
        let campaign_start = !inp.counts.is_empty()
            && (d.m.precision == Precision::Month
                || inp
                    .published
                    .is_some_and(|p| (p - d.m.last).num_days() > 14));
        let since = since_at.is_some_and(|k| {
            (d.first - k <= 8 || began(k))
                && (event_type != EventType::Siege || !inp.counts.is_empty())
                && ((d.m.precision == Precision::Year && !d.m.relative)
                    || campaign_start
                    || began(d.first.saturating_sub(6).max(k)))
        });
        // "The civil war which began with peaceful protests in 2011 has killed 280000":
        // the start of the war, not the date of its toll.
        // "The war in Syria which began with the brutal repression of anti-government
        // demonstrations in 2011", "the conflict which began with anti-government
        // protests in March 2011": the beginning may stand a clause away.
        let war_start = matches!(d.m.precision, Precision::Year | Precision::Month)
            && !inp.counts.is_empty()
            && began(d.first.saturating_sub(10))
            && (d.first.saturating_sub(14)..d.first).any(|k| {
                matches!(
                    w.w(k),
                    "war" | "conflict" | "revolution" | "uprising" | "crisis" | "protests"
                )
            });
        // "will enter its fifth year next month", "must leave by Friday evening": a
        // date after publication is a plan or a deadline, not when the event happened.
        let future = inp.published.is_some_and(|p| d.m.value > p);
        // "has killed more than 280000 people over the past five years": a duration,
        // not a date (fresh11 #42, fresh4 #17); "in 2014-2015" is written out and stays.
        let duration = d.m.relative && (d.m.last - d.m.value).num_days() > 366;
        // "bring the number of civilians killed in Talbiseh this month to 29": a toll
        // of the month or the year so far, not the incident's.
        let period_toll = matches!(d.m.precision, Precision::Month | Precision::Year)
            && d.m.relative
            && (0..w.len()).any(|k| matches!(w.w(k), "number" | "toll" | "tally" | "total"));
        let total = !inp.counts.is_empty() && (since || war_start || duration || period_toll);
        (
            near_verb
                || after_speaker
                || opens_report
                || published
                || since
                || war_start
                || future
                || duration,
            total,
        )
    };
    let report_date = |d: &DateTok| date_role(d).0;
    let cumulative = inp
        .dates
        .iter()
        .any(|d| date_role(d).1 && !in_ranges(&found.speaker_ranges, d.first, d.end));
    let mut date = inp
        .dates
        .iter()
        .find(|d| !report_date(d) && !in_ranges(&found.speaker_ranges, d.first, d.end))
        .map(|d| date_value(w, d));
    // "killed in the last 48 hours, military sources said on Friday": the hours run
    // back from the day the source spoke, not from publication (hard case 85).
    if let (Some(d), Some(published)) = (date.as_mut(), inp.published) {
        let rolling = d.relative
            && d.last == published
            && d.precision == DatePrecision::Day
            && d.value < d.last
            && {
                // "the last 48 hours", "over the past two days" (no copy to lower-case).
                let word = |x: &str| d.expression.split(' ').any(|t| t.eq_ignore_ascii_case(x));
                let unit = d.expression.rsplit(' ').next().unwrap_or("");
                (word("past") || word("last"))
                    && (unit.eq_ignore_ascii_case("hours") || unit.eq_ignore_ascii_case("days"))
            };
        let said_on = inp.dates.iter().find(|r| {
            r.m.precision == Precision::Day
                && r.m.value == r.m.last
                && r.m.last < published
                && r.m.start >= d.end
                && report_date(r)
        });
        if let (true, Some(r)) = (rolling, said_on) {
            let back = published - r.m.last;
            d.value -= back;
            d.last -= back;
        }
    }

    Some(Built {
        frame: EventFrame {
            event_type,
            trigger,
            actor,
            target,
            place,
            date,
            killed: killed
                .map(|c| casualties(w, inp, c, cumulative))
                .or_else(|| named_victim(w, inp, event_type, (trig_first, trig_end), target_span)),
            injured: injured.map(|c| casualties(w, inp, c, cumulative)),
            denied,
        },
        actor: actor_index,
    })
}

/// Words that name the killing of one person as an execution: "beheaded", "the
/// beheading of", "murders".
fn killing_word(x: &str) -> bool {
    matches!(
        x,
        "beheaded"
            | "beheading"
            | "beheads"
            | "executed"
            | "execution"
            | "executes"
            | "murdered"
            | "murders"
            | "murder"
            | "decapitated"
            | "decapitates"
            | "decapitation"
            | "assassinated"
            | "assassination"
    )
}

/// Words that end a victim's name phrase after "the beheading of".
fn ends_victim_phrase(x: &str) -> bool {
    matches!(
        x,
        "by" | "in"
            | "on"
            | "at"
            | "and"
            | "or"
            | "who"
            | "whom"
            | "which"
            | "that"
            | "for"
            | "after"
            | "before"
            | "as"
            | "from"
            | "to"
            | "with"
            | "was"
            | "is"
            | "were"
            | "has"
            | "had"
            | "last"
            | "earlier"
            | "of"
    )
}

/// Heads of organisation names: "the Women's Defense Unit" is no person.
fn organisation_head(x: &str) -> bool {
    matches!(
        x,
        "unit"
            | "units"
            | "group"
            | "forces"
            | "force"
            | "army"
            | "brigade"
            | "brigades"
            | "front"
            | "council"
            | "ministry"
            | "committee"
            | "party"
            | "movement"
            | "organisation"
            | "organization"
            | "state"
            | "government"
            | "coalition"
            | "militia"
    )
}

/// One named person killed in an execution: "ISIS beheaded Steven Sotloff", "Foley was
/// beheaded", "the beheading of US reporter Steven Sotloff" → killed 1 (docs/taxonomy.md:
/// "a man" is 1; a name is one person too), of the category [`person_category`] gives
/// ("US reporter Steven Sotloff" → journalists). The victim is the frame's
/// target, or the phrase after "the beheading of"; it must end in a capitalised word
/// that names no party, place or month, hold no count and no "and" (a list is not one
/// person).
fn named_victim(
    w: &Words,
    inp: &Inputs,
    event_type: EventType,
    (trig_first, trig_end): (usize, usize),
    target: Option<(usize, usize)>,
) -> Option<Casualties> {
    if event_type != EventType::Execution || trig_end > w.len() || trig_first >= trig_end {
        return None;
    }
    if !(trig_first..trig_end).any(|k| killing_word(w.w(k))) {
        return None;
    }
    // After "the beheading of", or after the verb itself ("before beheading American
    // journalist James Foley"): the words up to a preposition, clause word, number or
    // punctuation.
    let phrase_from = |start: usize| {
        let mut end = start;
        while end < w.len()
            && end < start + 7
            && w.is_word(end)
            && !w.has(end, class::NUMBER_WORD)
            && !ends_victim_phrase(w.w(end))
        {
            end += 1;
        }
        (start, end)
    };
    let verb = matches!(w.w(trig_end - 1), x if x.ends_with("ed") || x.ends_with("ing") || x.ends_with('s'));
    let (a, b) = match target {
        Some(t) => t,
        None if w.w(trig_end) == "of" => phrase_from(trig_end + 1),
        None if verb => phrase_from(trig_end),
        None => return None,
    };
    if a >= b {
        return None;
    }
    // The victim: a name (the last capitalised run of the phrase, at its end), a
    // singular person noun ("the first militant", "the photojournalist") or "him"/"her".
    let last = b - 1;
    let person_noun = matches!(
        inp.vocab.casualty.word_id(w.id(last)),
        Some(CasualtyWord::Person(_))
    );
    let pronoun = b == a + 1 && matches!(w.w(a), "him" | "her");
    let name = w.cap(last)
        && w.is_word(last)
        && !w.has(last, class::NOT_NAME)
        && !organisation_head(w.base(last));
    if !(name || person_noun || pronoun)
        || (a..b).any(|k| w.w(k) == "and" || w.is_number(k) || w.has(k, class::NUMBER_WORD))
        || w.w(b) == "and"
        || inp.counts.iter().any(|c| c.first < b && a < c.end)
        || inp
            .actor_matches
            .iter()
            .any(|m| m.first <= last && last < m.end)
        || inp
            .place_matches
            .iter()
            .any(|p| p.first <= last && last < p.end)
    {
        return None;
    }
    // The title in the phrase, else the one the article gave this name.
    let category = person_category(w, inp, a, last + 1);
    let span = w.span_of(a, last + 1);
    Some(Casualties {
        min: 1,
        max: Some(1),
        category,
        expression: span.slice(w.text).to_string(),
        update: false,
        part: false,
        cumulative: false,
        start: span.start,
        end: span.end,
    })
}

/// Whether the word before token `first` lets a name there be a location: "in
/// Damascus", "the Damascus suburbs", "Aleppo and Damascus", not "accused Damascus".
fn place_position(w: &Words, first: usize) -> bool {
    let Some(prev) = first.checked_sub(1) else {
        return false;
    };
    matches!(
        w.w(prev),
        "in" | "on"
            | "at"
            | "near"
            | "around"
            | "outside"
            | "inside"
            | "across"
            | "into"
            | "from"
            | "to"
            | "toward"
            | "towards"
            | "over"
            | "of"
            | "the"
            | "a"
            | "an"
            | "town"
            | "city"
            | "capital"
            | "downtown"
            | "and"
            | "between"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
            | "central"
            | "rural"
            | "besieged"
            | "targeted"
            | "struck"
            | "hit"
            | "shelled"
            | "bombed"
            | "attacked"
    )
}

/// Verbs after which a date is when a text came out: "a statement issued Monday".
const PUBLISHING: [&str; 5] = ["published", "issued", "released", "posted", "dated"];

/// Nouns for a published text: "In a statement on Monday, X said".
const STATEMENT_NOUNS: [&str; 12] = [
    "statement",
    "post",
    "tweet",
    "interview",
    "video",
    "message",
    "letter",
    "speech",
    "communique",
    "release",
    "briefing",
    "conference",
];

/// Whether only linking words ("Also on", "Meanwhile", "Earlier on") or a published
/// text ("In a Twitter post") come before token `first`: a date there opens the clause.
fn opens_clause(w: &Words, first: usize) -> bool {
    const LINKING: [&str; 12] = [
        "also",
        "meanwhile",
        "earlier",
        "later",
        "and",
        "but",
        "separately",
        "elsewhere",
        "then",
        "on",
        "late",
        "early",
    ];
    if first <= 1 || (0..first).all(|k| LINKING.contains(&w.w(k))) {
        return true;
    }
    first <= 6 && w.w(0) == "in" && (1..first).any(|k| STATEMENT_NOUNS.contains(&w.w(k)))
}

/// Token `p` follows words of backing: "cover from", "support of", "backing from", "with
/// assistance from", "backed by" ("Pro-regime fighters - backed by Russian air strikes -
/// retook").
fn after_backing_words(w: &Words, p: usize) -> bool {
    p >= 2
        && (matches!(w.w(p - 1), "from" | "of")
            && matches!(
                w.w(p - 2),
                "cover" | "support" | "backing" | "assistance" | "help"
            )
            || w.w(p - 1) == "by" && matches!(w.w(p - 2), "backed" | "supported"))
}

/// A trigger up to three words after words of backing: "YPG ground forces backed by
/// US-led air strikes repelled", "army units backed by air force engaged": the support,
/// not the act.
fn backing_trigger(w: &Words, k: usize) -> bool {
    (k.saturating_sub(3)..=k).any(|p| {
        after_backing_words(w, p)
            && (p..k).all(|j| w.is_word(j) && !matches!(w.w(j), "and" | "or" | "who"))
    })
}

/// Token `k` is in the name of the party after words of backing: the party that backs
/// the actor.
fn in_backer_phrase(w: &Words, matches: &[ActorTok], k: usize) -> bool {
    matches
        .iter()
        .any(|m| m.first <= k && k < m.end && after_backing_words(w, w.with_the(m.first)))
}

/// Gives a single named victim counted as `people` the category a title gave that
/// name anywhere in the article: "Foley's death" in the lead, "American journalist
/// James Foley" further down. `named` is what [`learn_persons`] learnt over the whole
/// article.
pub(crate) fn name_categories(frame: &mut EventFrame, named: &[(String, CasualtyCategory)]) {
    for count in [frame.killed.as_mut(), frame.injured.as_mut()]
        .into_iter()
        .flatten()
    {
        if count.category != CasualtyCategory::People || count.min != 1 || count.max != Some(1) {
            continue;
        }
        // The name: the expression's words, less a last "death", "execution",
        // "beheading", "murder" or "killing" and the possessive before it ("Foley's
        // death").
        let mut words: Vec<&str> = count.expression.split_whitespace().collect();
        if words.len() > 1
            && matches!(
                words[words.len() - 1].to_lowercase().as_str(),
                "death" | "execution" | "beheading" | "murder" | "killing"
            )
        {
            words.pop();
        }
        let Some(last) = words.last_mut() else {
            continue;
        };
        *last = last
            .strip_suffix("'s")
            .or_else(|| last.strip_suffix("\u{2019}s"))
            .unwrap_or(last);
        // Only a bare name: not "a man" or "him", and not a phrase with a title of its
        // own ("British aid workers David Haines", "U.S. hostage James Foley").
        if !words
            .iter()
            .all(|x| x.chars().next().is_some_and(char::is_uppercase))
        {
            continue;
        }
        let key = words[words.len() - 1].to_lowercase();
        if let Some(c) = name_is_known(named, &key) {
            count.category = c;
        }
    }
}

/// The category the article's titles gave the person whose name ends in `last_word`.
fn name_is_known(
    persons: &[(String, CasualtyCategory)],
    last_word: &str,
) -> Option<CasualtyCategory> {
    persons
        .iter()
        .rev()
        .find(|(n, _)| n == last_word)
        .map(|&(_, c)| c)
}

/// The singular person noun (title) at token `k`: "journalist", "pilot".
fn title_at(w: &Words, vocab: &Vocab, k: usize) -> Option<CasualtyCategory> {
    match vocab.casualty.word_id(w.id(k)) {
        Some(CasualtyWord::Person(c)) => Some(*c),
        _ => None,
    }
}

/// Learns the people a sentence names with a title, for the categories of later
/// bare names ("Foley was beheaded" after "journalist James Foley"): a title right
/// before a name ("American journalist James Foley"), a title in an apposition after
/// it ("Steven Sotloff, an American freelance journalist") or before it ("another
/// American journalist, Stephen Sotloff"). Records the lower-cased last word of the
/// name.
pub(crate) fn learn_persons(
    w: &Words,
    vocab: &Vocab,
    persons: &mut Vec<(String, CasualtyCategory)>,
) {
    // Most sentences hold no title: the union of their words' flags says so.
    if w.flags & crate::vocab::flag::PERSON == 0 {
        return;
    }
    let n = w.len();
    for k in 0..n {
        let Some(category) = title_at(w, vocab, k) else {
            continue;
        };
        // "his mother Diane Foley" shares the victim's surname, not his title.
        if matches!(
            w.w(k),
            "mother"
                | "father"
                | "brother"
                | "sister"
                | "son"
                | "daughter"
                | "wife"
                | "husband"
                | "grandfather"
                | "grandmother"
                | "uncle"
                | "aunt"
                | "cousin"
        ) {
            continue;
        }
        let mut record = |last: usize| {
            let name = w.base(last).to_string();
            // "U.S. citizen Steven Sotloff" after "journalist Steven Sotloff": a
            // generic title does not replace a specific one.
            let generic = |c: CasualtyCategory| {
                matches!(c, CasualtyCategory::People | CasualtyCategory::Civilians)
            };
            if generic(category) && persons.iter().any(|(x, c)| *x == name && !generic(*c)) {
                return;
            }
            persons.retain(|(x, _)| *x != name);
            persons.push((name, category));
        };
        // "journalist James Foley", "journalist, Stephen Sotloff".
        let start = if w.w(k + 1) == "," { k + 2 } else { k + 1 };
        let mut end = start;
        while end < n && end < start + 4 && name_word(w, end) {
            end += 1;
        }
        if end > start {
            record(end - 1);
            continue;
        }
        // "Steven Sotloff, an American freelance journalist": back over at most three
        // modifiers to a determiner, a comma and the name.
        let mut d = k;
        while d > 0 && k - d < 4 && !matches!(w.w(d), "a" | "an" | "the") {
            d -= 1;
        }
        if matches!(w.w(d), "a" | "an" | "the")
            && d >= 2
            && w.w(d - 1) == ","
            && name_word(w, d - 2)
        {
            record(d - 2);
        }
    }
}

/// Words between a named person and the harm in a passive: "al-Baghdadi *was also
/// said to have been* wounded".
fn passive_filler(x: &str) -> bool {
    matches!(
        x,
        "was"
            | "were"
            | "is"
            | "are"
            | "been"
            | "has"
            | "had"
            | "have"
            | "be"
            | "being"
            | "reportedly"
            | "also"
            | "critically"
            | "seriously"
            | "badly"
            | "slightly"
            | "gravely"
            | "fatally"
            | "allegedly"
            | "said"
            | "believed"
            | "thought"
            | "to"
            | "may"
            | "might"
            | "later"
    )
}

/// One person killed or wounded: "al-Baghdadi had been wounded", "Jihadi John was
/// injured", "the strikes wounded al-Baghdadi", "Sotloff has been beheaded" → a count
/// of 1 over the name (docs/taxonomy.md: "a man" is 1). The name is a person of the
/// actor table or a run of capitalised words that is no party, place, demonym or
/// organisation. In the passive the subject may also be a singular person noun with
/// its article ("a female Kurdish fighter, who ..., has been beheaded"), and a
/// possessive death counts too ([`possessed_death`]). The category comes from the
/// table (a jihadist's people are militants, an opposition or Kurdish one's fighters),
/// a title before the name, or the title the article gave it.
///
/// The flag says whether the victim is also the event's target: a name executed
/// ("Foley was beheaded by the group"), as [`named_victim`] keeps it.
///
/// Only a token of [`class::HARM_HEAD`] can start either form: the others are
/// skipped by a bit test before their text is read.
fn named_harm(w: &Words, inp: &Inputs) -> Option<(Count, bool)> {
    if w.flags & crate::vocab::flag::HARM == 0 {
        return None;
    }
    let n = w.len();
    for k in 1..n {
        if !w.has(k, class::HARM_HEAD) {
            continue;
        }
        if let Some(found) = possessed_death(w, inp, k).or_else(|| death_of_name(w, inp, k)) {
            return Some(found);
        }
        // An execution verb's named victim in the passive is also the event's
        // target: "Sotloff has been beheaded".
        // `passive_only`: the victim is the target only in the passive;
        // `active_only`: the verb form has no passive ("ISIS murders Sotloff", "after
        // executing Foley", "killing Jim Foley"; "the group is killing" names no victim
        // before it).
        let (harm, passive_only, active_only) = match w.w(k) {
            "wounded" | "injured" | "hurt" => (Harm::Injured, false, false),
            "killed" => (Harm::Killed, false, false),
            "beheaded" | "executed" | "murdered" | "assassinated" | "decapitated" => {
                (Harm::Killed, true, false)
            }
            "killing" | "beheading" | "executing" | "murdering" | "murders" | "executes"
            | "beheads" | "kills" => (Harm::Killed, false, true),
            _ => continue,
        };
        if inp
            .counts
            .iter()
            .any(|c| c.harm == harm && !weak_count(w, c))
        {
            continue;
        }
        // Passive: back over the auxiliaries to the name's last word.
        let mut j = k;
        let mut aux = false;
        while j > 0 && k - j < 7 && passive_filler(w.w(j - 1)) {
            // "a video showing Foley being killed": "being" is passive too.
            aux |= matches!(w.w(j - 1), "was" | "were" | "is" | "are" | "been" | "being");
            j -= 1;
        }
        if aux && active_only {
            continue;
        }
        let name = if aux && j >= 1 {
            // "A female Kurdish fighter, who became the face of the resistance, has
            // been beheaded": the subject before a relative clause.
            // "Abu Bakr al-Baghdadi, the leader of the group, was wounded": the
            // subject before an apposition; "The group's leader, Abu Bakr
            // al-Baghdadi, was wounded": the name is the apposition.
            let quote = |k: usize| w.is_quote(k);
            let last = if w.w(j - 1) == "," {
                let before = if j >= 3 && quote(j - 2) { j - 3 } else { j - 2 };
                let appositive = j >= 2
                    && name_ending_at(w, inp, before)
                        .is_some_and(|(a, _)| a >= 1 && w.w(a - 1) == ",");
                if appositive {
                    Some(before)
                } else {
                    (j.saturating_sub(26)..j - 1)
                        .rev()
                        .find(|&c| {
                            let next = if quote(c + 1) { c + 2 } else { c + 1 };
                            w.w(c) == ","
                                && matches!(w.w(next), "who" | "which" | "the" | "a" | "an")
                        })
                        .and_then(|c| c.checked_sub(if c >= 2 && quote(c - 1) { 2 } else { 1 }))
                }
            } else if quote(j - 1) && j >= 2 {
                Some(j - 2)
            } else {
                Some(j - 1)
            };
            last.and_then(|last| {
                name_ending_at(w, inp, last)
                    .map(|n| (n, passive_only))
                    .or_else(|| person_phrase_ending_at(w, inp, last).map(|n| (n, false)))
            })
        } else {
            // Active: "the strikes wounded al-Baghdadi", "The extremist terrorist
            // organization executed Foley"; not an adjective ("the family of beheaded
            // American photojournalist James Foley").
            (k > 0
                && !aux
                && !matches!(
                    w.w(k - 1),
                    "the" | "a" | "an" | "and" | "," | "of" | "for" | "to" | "with"
                ))
            .then(|| {
                if active_only {
                    // "after beheading American journalist James Foley": the title
                    // is part of the victim's words.
                    titled_name(w, inp, k + 1).map(|(_, b)| (k + 1, b))
                } else {
                    name_starting_at(w, inp, k + 1)
                }
            })
            .flatten()
            .map(|n| (n, false))
        };
        let Some(((mut a, b), is_target)) = name else {
            continue;
        };
        // "Foley and Sotloff were executed", "Haines, Henning and Kassig were
        // beheaded": a list of names in the passive, one person each.
        let mut persons = 1;
        let mut category = if role_noun(w.w(b - 1)) {
            role_category(w, inp, a, b)
        } else {
            person_category(w, inp, a, b)
        };
        if aux && a >= 2 && w.w(a - 1) == "and" {
            let mut at = a - 1;
            let mut first = None;
            while at >= 1 && persons < 6 {
                let Some((c, d)) = name_ending_at(w, inp, at - 1) else {
                    break;
                };
                persons += 1;
                first = Some(c);
                // One category for the list when all its names share it.
                if person_category(w, inp, c, d) != category {
                    category = CasualtyCategory::People;
                }
                if c >= 2 && w.w(c - 1) == "," {
                    at = c - 1;
                } else {
                    break;
                }
            }
            match first {
                Some(c) => a = c,
                None => continue,
            }
        }
        // "X and Y were killed", "a fighter of Tunisia", "from Uzbekistan", "on
        // Twitter": a list, a place or an object, not one person; "killed along with
        // two others": more than one.
        if a >= 1
            && matches!(
                w.w(a - 1),
                "and"
                    | "of"
                    | "from"
                    | "in"
                    | "&"
                    | "on"
                    | "at"
                    | "by"
                    | "with"
                    | "to"
                    | "for"
                    | "after"
                    | "about"
                    | "into"
                    | "via"
            )
            || matches!(w.w(k + 1), "along" | "together" | "alongside")
            || (b - a == 1
                && w.w(a).ends_with('s')
                && !inp.actor_matches.iter().any(|m| m.first <= a && a < m.end))
        {
            continue;
        }
        let count = Count {
            harm,
            min: persons,
            max: Some(persons),
            category,
            first: a,
            end: b,
            update: false,
        };
        return Some((count, is_target));
    }
    None
}

/// One person's death by "of" and a name: "the killing of Sotloff", "the murder of
/// journalist Steven Sotloff", "the execution of Mr. Sotloff" → killed 1 over the name
/// and its title (docs/taxonomy.md: a name is one person). The name is also the
/// target, as in [`possessed_death`]. A list ("the beheadings of Kassig, as well as
/// Foley") is not one person.
fn death_of_name(w: &Words, inp: &Inputs, k: usize) -> Option<(Count, bool)> {
    if !matches!(
        w.w(k),
        "death" | "killing" | "beheading" | "execution" | "murder" | "assassination"
    ) || w.w(k + 1) != "of"
        || inp.counts.iter().any(|c| c.harm == Harm::Killed)
    {
        return None;
    }
    let from = k + 2;
    let (a, b) = titled_name(w, inp, from)?;
    Some((one_killed(person_category(w, inp, a, b), from, b), true))
}

/// A person's name after up to three words of title ("U.S. journalist", "Mr.",
/// "American freelance journalist") starting at token `from`: the name's tokens. Not a
/// list, a name cut short ("Harith bin Ghazi"), a possessive or a supposition ("The
/// death of Baghdadi would be difficult to keep quiet").
fn titled_name(w: &Words, inp: &Inputs, from: usize) -> Option<(usize, usize)> {
    let title = |j: usize| {
        matches!(
            inp.vocab.casualty.word_id(w.id(j)),
            Some(CasualtyWord::Person(_))
        ) || matches!(
            w.w(j),
            "mr" | "mr." | "mrs" | "mrs." | "ms" | "ms." | "dr" | "dr."
        )
    };
    // Before the name: titles and their modifiers ("American", "freelance", "U.S."),
    // the stop after "Mr".
    let mut start = None;
    for j in from..(from + 4).min(w.len()) {
        if title(j) || demonym(w, j) || w.w(j) == "." && j > from && title(j - 1) {
            continue;
        }
        if person_name_word(w, inp, j) && !title(j + 1) {
            start = Some(j);
            break;
        }
        // A lower-case word only as a title's modifier ("freelance journalist"), not
        // "the death of many terrorists including X".
        if !w.is_word(j) || !w.cap(j) && !title(j + 1) && !title(j + 2) {
            return None;
        }
    }
    let (a, b) = name_starting_at(w, inp, start?)?;
    // Not a list, a name cut short ("Harith bin Ghazi"), a possessive or a death
    // supposed ("The death of Baghdadi would be difficult to keep quiet").
    if matches!(
        w.w(b),
        "and" | "&" | "bin" | "ibn" | "would" | "could" | "might" | "may" | "will"
    ) || w.w(b) == "," && w.w(b + 1) == "as"
        || w.is_possessive(b - 1)
    {
        return None;
    }
    Some((a, b))
}

/// One person killed over tokens `first..end` (docs/taxonomy.md: a name is one
/// person, as "a man" is).
fn one_killed(category: CasualtyCategory, first: usize, end: usize) -> Count {
    Count {
        harm: Harm::Killed,
        min: 1,
        max: Some(1),
        category,
        first,
        end,
        update: false,
    }
}

/// One person's death by a possessive: "Foley's death", "Sotloff's apparent killing",
/// "his death" → killed 1 over the words (docs/taxonomy.md: a name is one person).
/// The flag of [`named_harm`]: a name is also the target, a pronoun is not.
fn possessed_death(w: &Words, inp: &Inputs, k: usize) -> Option<(Count, bool)> {
    if !matches!(
        w.w(k),
        "death" | "killing" | "beheading" | "execution" | "murder" | "assassination"
    ) {
        return None;
    }
    let mut p = k.checked_sub(1)?;
    if matches!(
        w.w(p),
        "apparent" | "purported" | "alleged" | "reported" | "brutal" | "gruesome"
    ) {
        p = p.checked_sub(1)?;
    }
    let (a, b, is_target) = if matches!(w.w(p), "his" | "her") {
        (p, p + 1, false)
    } else if w.is_possessive(p) {
        let (a, b) = name_ending_at(w, inp, p)?;
        (a, b, true)
    } else {
        return None;
    };
    // "Foley and Sotloff's deaths", "the deaths of": a list is not one person.
    if inp.counts.iter().any(|c| c.harm == Harm::Killed)
        || (a >= 1 && matches!(w.w(a - 1), "and" | "&" | ","))
    {
        return None;
    }
    Some((
        one_killed(person_category(w, inp, a, b), a, k + 1),
        is_target,
    ))
}

/// A name token: capitalised, no party but a person of the table, no place, no
/// demonym, no organisation head.
fn person_name_word(w: &Words, inp: &Inputs, k: usize) -> bool {
    name_word(w, k)
        && !matches!(
            w.w(k),
            "he" | "she"
                | "it"
                | "they"
                | "we"
                | "i"
                | "this"
                | "that"
                | "who"
                | "one"
                | "most"
                | "many"
                | "some"
                | "all"
                | "several"
                | "others"
                | "both"
                | "none"
                | "few"
        )
        && !w.has(k, class::DEMONYM)
        && !organisation_head(w.base(k))
        && !inp.place_matches.iter().any(|p| p.first <= k && k < p.end)
        && inp
            .actor_matches
            .iter()
            .filter(|m| m.first <= k && k < m.end)
            .all(|m| {
                inp.actors
                    .get(m.actor)
                    .is_some_and(|a| a.kind == ActorKind::Person)
            })
}

/// The name (at most four words) whose last word is token `last`.
fn name_ending_at(w: &Words, inp: &Inputs, last: usize) -> Option<(usize, usize)> {
    if !person_name_word(w, inp, last) {
        return None;
    }
    let mut a = last;
    while a > 0 && last - a < 3 && person_name_word(w, inp, a - 1) {
        a -= 1;
    }
    // "Islamic State leader" before the name is a title, not the name.
    (a == 0 || !name_word(w, a - 1)).then_some((a, last + 1))
}

/// One person by a singular person noun with its determiner, "a female Kurdish
/// fighter", "the 31-year-old freelance journalist", "Baghdadi's deputy" is not one
/// (no person noun): the phrase whose last word is token `last`.
fn person_phrase_ending_at(w: &Words, inp: &Inputs, last: usize) -> Option<(usize, usize)> {
    let noun = w.w(last);
    if noun.ends_with('s')
        || !matches!(
            inp.vocab.casualty.word_id(w.id(last)),
            Some(CasualtyWord::Person(_))
        ) && !role_noun(noun)
    {
        return None;
    }
    let mut a = last;
    while a > 0 && last - a < 5 {
        let prev = w.w(a - 1);
        if matches!(prev, "a" | "an" | "the" | "his" | "her" | "their" | "its") {
            return Some((a - 1, last + 1));
        }
        // Modifiers: "female", "Kurdish", "31-year-old", "US".
        if !w.is_word(a - 1) || w.is_number(a - 1) || matches!(prev, "and" | "or" | "of") {
            return None;
        }
        a -= 1;
    }
    None
}

/// A singular noun for someone's place in a group: "the Isis leader had been wounded",
/// "the self-described caliph was injured", "his close aide was killed".
fn role_noun(x: &str) -> bool {
    matches!(
        x,
        "leader" | "chief" | "commander" | "caliph" | "deputy" | "aide" | "executioner" | "emir"
    )
}

/// The victim category of a role noun's phrase from the group named in it: "the Isis
/// leader" is a militant, "the rebel commander" a fighter (the modifiers of
/// `casualties::modifier_category`); else people.
fn role_category(w: &Words, inp: &Inputs, a: usize, b: usize) -> CasualtyCategory {
    inp.actor_matches
        .iter()
        .filter(|m| a <= m.first && m.end <= b)
        .find_map(|m| match inp.actors.get(m.actor)?.side.as_str() {
            "jihadist" => Some(CasualtyCategory::Militants),
            "opposition" | "kurdish" => Some(CasualtyCategory::Fighters),
            _ => None,
        })
        .or_else(|| (a..b).find_map(|k| crate::casualties::modifier_category(w, k)))
        // "the self-declared caliph": the title is the group's.
        .or_else(|| {
            (a..b)
                .any(|k| {
                    matches!(
                        w.w(k),
                        "caliph" | "self-described" | "self-declared" | "self-proclaimed"
                    )
                })
                .then_some(CasualtyCategory::Militants)
        })
        .unwrap_or(CasualtyCategory::People)
}

/// The name (at most four words) that starts at token `first`.
fn name_starting_at(w: &Words, inp: &Inputs, first: usize) -> Option<(usize, usize)> {
    if first >= w.len() || !person_name_word(w, inp, first) {
        return None;
    }
    let mut b = first + 1;
    while b < w.len() && b - first < 4 && person_name_word(w, inp, b) {
        b += 1;
    }
    // A plural or a list ("wounded Syrians and Kurds") is no one person.
    (!matches!(w.w(b), "and" | "or") && !w.w(b - 1).ends_with('s') || w.cap(b - 1) && b - first > 1)
        .then_some((first, b))
}

/// The victim category of the person named by tokens `a..b`: from the actor table (a
/// jihadist's people are militants, an opposition or Kurdish one's fighters), a title in
/// the name's phrase or right before it, the title the article gave the name, else
/// people.
fn person_category(w: &Words, inp: &Inputs, a: usize, b: usize) -> CasualtyCategory {
    let table = inp
        .actor_matches
        .iter()
        .filter(|m| m.first < b && a < m.end)
        .find_map(|m| inp.actors.get(m.actor))
        .filter(|x| x.kind == ActorKind::Person)
        .and_then(|x| match x.side.as_str() {
            "jihadist" => Some(CasualtyCategory::Militants),
            "opposition" | "kurdish" => Some(CasualtyCategory::Fighters),
            _ => None,
        });
    // A title in the name's phrase or right before it: "US reporter Steven Sotloff",
    // "terrorist Mohammad al-Malla" (not the attacker a few words before: "a fighter
    // decapitates him").
    let title = || {
        (a.saturating_sub(1)..b)
            .rev()
            .find_map(|k| match inp.vocab.casualty.word_id(w.id(k)) {
                // "the terrorist commander Abu Taha": a role takes its group's
                // category from the modifier before it.
                Some(CasualtyWord::Person(c)) if role_noun(w.w(k)) => Some(
                    (a.saturating_sub(1)..k)
                        .find_map(|m| crate::casualties::modifier_category(w, m))
                        .unwrap_or(*c),
                ),
                Some(CasualtyWord::Person(c) | CasualtyWord::Victim(c)) => Some(*c),
                _ => None,
            })
    };
    // A pronoun ("his death", "beheading him") means the last single victim.
    let pronoun = || {
        (b == a + 1 && matches!(w.w(a), "his" | "her" | "him" | "he" | "she"))
            .then_some(inp.persons.last_victim)
            .flatten()
    };
    table
        .or_else(title)
        .or_else(|| name_is_known(&inp.persons.named, w.base(b - 1)))
        .or_else(pronoun)
        .unwrap_or(CasualtyCategory::People)
}
