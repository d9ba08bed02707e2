//! Who carried out the event and whom it hit: the actor and the target of a sentence's
//! frame, from the alias table, the words around the trigger and the parties the
//! article established in earlier sentences.
//!
//! The actor, in order of preference (`docs/taxonomy.md`, "actor"):
//!
//! 1. the party an accusation names: "accused X of", "blamed X for", "blames ... on X",
//!    "holding X responsible";
//! 2. the attacker of a repelled attack ("repelled the ISIS attack", "repelled a push
//!    by an alliance of rebels"); else a party whose name holds the trigger: "Russian
//!    air strikes", "regime helicopters";
//! 3. the party right before the trigger, unless the victim of a passive ("16 soldiers
//!    were killed"): "Regime forces shelled", "Nusra Front members kidnapped"; else the
//!    army the sentence does not name ("An army unit clashed", "killed in an army
//!    operation": the army of the speaker's or the article's state); else the first of
//!    "clashes between X and Y"; else the other side of "clashes with X";
//! 4. the agent of a passive attached to the event: "were killed by Russian air
//!    strikes", "an airstrike carried out by the US-led coalition";
//! 5. the first party named before the trigger, not as a target ("on X"), a place
//!    ("in Damascus") or a modifier ("al-Qaeda-linked");
//! 6. a pronoun or description standing for a party: "its fighters" (the speaker's or
//!    the article's party), "it has bombed" (the party the sentence or article named),
//!    "the group", "the army", "the air force";
//! 7. a person or group the table does not know, as the subject of the trigger verb
//!    ("Malek, a Syrian refugee, stabbed") or after "by" ("wounded by the officers"),
//!    or an attacker left unnamed ("A suicide bomber struck" → `unnamed attacker`);
//! 8. a party after the trigger that acts ("said the army had shelled");
//! 9. a party named by an adjective before the trigger ("Russian air strikes" when the
//!    phrase is not in the table as a whole), else before any attack noun of the
//!    sentence over words that only qualify it ("Israeli overnight air raids", "killed
//!    in rebel fire", "under a devastating government siege");
//! 10. for a denial with no agent named, the denier's state (a leader's too: "Assad has
//!     denied using chemical weapons").
//!
//! Then: in a coordinated subject the first party leads, an adjective too ("Russian and
//! Syrian planes" → Russian); a relation names the group ("al-Qaeda's Syrian offshoot
//! Nusra Front" → Nusra Front).
//!
//! A generic label ("terrorists", "rebels", "militants") stands for the group the
//! article identifies for the incident: a group named next to it ("terrorists of
//! Hayat Tahrir al-Sham"), else the last armed group the article named, else
//! `Syrian Opposition` (`eval/gold/README.md`, canonical names).

use crosscheck_lexicon::{Actor, ActorKind, ActorMatch, Actors};
use crosscheck_schema::{EntityKind, EntityMention, EventType};

use crate::attribution::{ActorTok, Found};
use crate::frame::PlaceTok;
use crate::triggers::Hit;
use crate::vocab::{class, CasualtyWord, Vocab};
use crate::words::{in_ranges, Words};

/// What earlier sentences of the article established about its parties (actor-table
/// indices), for pronouns, descriptions and generic labels.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct PartyMemory {
    /// The actor of the last event frame that named one.
    pub actor: Option<usize>,
    /// The last armed group named that is not on the government side.
    pub group: Option<usize>,
    /// The last opposition group and the last jihadist group named.
    pub opposition: Option<usize>,
    pub jihadist: Option<usize>,
    /// The last state or state force named.
    pub state: Option<usize>,
    /// The party of the last person named as its member ("Kurdish fighter Arin
    /// Mirkan"): whom a later "she" or "he" who attacks fights for.
    pub person: Option<usize>,
}

impl PartyMemory {
    /// Remembers the parties a sentence names (`matches`), then the actor of its
    /// frame. A state named only as where something is based ("the Britain-based
    /// group said") is no party of the article: its army is not "the army" of later
    /// sentences.
    pub fn learn(
        &mut self,
        w: &Words,
        actors: &Actors,
        matches: &[ActorTok],
        actor: Option<usize>,
    ) {
        for m in matches {
            let Some(a) = actors.get(m.actor) else {
                continue;
            };
            if a.generic {
                continue;
            }
            let based = || {
                w.text
                    .get(m.span.end..)
                    .is_some_and(|t| t.starts_with("-based"))
            };
            if matches!(a.kind, ActorKind::State | ActorKind::StateForce) && based() {
                continue;
            }
            match a.kind {
                ActorKind::ArmedGroup if !government_side(a) => {
                    self.group = Some(m.actor);
                    match a.side.as_str() {
                        "opposition" => self.opposition = Some(m.actor),
                        "jihadist" => self.jihadist = Some(m.actor),
                        _ => {}
                    }
                }
                ActorKind::State | ActorKind::StateForce => self.state = Some(m.actor),
                _ => {}
            }
        }
        if let Some(a) = actor.filter(|&a| actors.get(a).is_some_and(|x| !x.generic)) {
            self.actor = Some(a);
        }
        if let Some((_, party)) = (1..w.len())
            .filter(|&k| w.has(k - 1, class::MEMBER_NOUN) && w.cap(k))
            .find_map(|k| member_party(w, actors, matches, k))
        {
            self.person = Some(party);
        }
    }
}

fn government_side(a: &Actor) -> bool {
    matches!(a.side.as_str(), "government" | "iran" | "russia")
}

/// A state, a state's force or an armed group: a party that carries out events.
pub(crate) fn is_party(a: &Actor) -> bool {
    matches!(
        a.kind,
        ActorKind::State | ActorKind::StateForce | ActorKind::ArmedGroup
    )
}

pub(crate) struct PartyInputs<'a> {
    pub vocab: &'a Vocab,
    pub actors: &'a Actors,
    pub found: &'a Found,
    pub hits: &'a [Hit],
    pub actor_matches: &'a [ActorTok],
    pub place_matches: &'a [PlaceTok],
    /// Token ranges of the casualty counts (the victims).
    pub counts: &'a [(usize, usize)],
    /// The trigger's tokens.
    pub trigger: (usize, usize),
    /// The frame's type.
    pub event_type: EventType,
    pub denied: bool,
    pub memory: &'a PartyMemory,
}

/// The actor of the frame and its actor-table index (when it has one), and the target.
pub(crate) struct Parties {
    pub actor: Option<EntityMention>,
    pub actor_index: Option<usize>,
    pub target: Option<EntityMention>,
}

fn to_match(m: &ActorTok) -> ActorMatch {
    ActorMatch {
        start: m.span.start,
        end: m.span.end,
        actor: m.actor,
    }
}

/// A mention of words the table does not know, named by themselves.
fn words_mention(w: &Words, a: usize, b: usize, kind: EntityKind) -> EntityMention {
    let span = w.span_of(a, b);
    let text = span.slice(w.text).to_string();
    EntityMention {
        name: text.clone(),
        kind,
        text,
        start: span.start,
        end: span.end,
    }
}

/// A mention of words that stand for a known actor ("its fighters" → Islamic State).
fn resolved_mention(w: &Words, a: usize, b: usize, actor: &Actor) -> EntityMention {
    let span = w.span_of(a, b);
    EntityMention {
        name: actor.name.clone(),
        kind: actor.kind.entity_kind(),
        text: span.slice(w.text).to_string(),
        start: span.start,
        end: span.end,
    }
}

/// Titles that put a name in apposition to the speaker after it: "Rami Abdul Rahman
/// head of the monitor group said".
const APPOSITION_TITLES: [&str; 10] = [
    "head",
    "chief",
    "director",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "leader",
    "commander",
    "founder",
    "chairman",
];

/// The words some scans of this module test at every token of the sentence
/// (`class::PARTY_CUE`): the army rule's "army", the unnamed attacker's "bomber", the
/// nationality of "believed to be", the weapon rule's "attack". A token without one
/// is skipped by a bit test, before its text is read and compared. (Kept apart from
/// [`PARTY_WORDS`], whose rules would otherwise look at these tokens too.)
pub(crate) const PARTY_CUES: &[&str] = &[
    "army",
    "armys",
    "troops",
    "security",
    "unit",
    "units",
    "bomber",
    "bombers",
    "attacker",
    "attackers",
    "assailant",
    "assailants",
    "sniper",
    "snipers",
    "shooter",
    "shooters",
    "gunman",
    "gunmen",
    "men",
    "terrorist",
    "terrorists",
    "believed",
    "thought",
    "suspected",
    "likely",
    "attack",
    "attacks",
];

/// The words the rules of this module look for at every token (`class::PARTY_WORD`):
/// a token without one of them is skipped by a bit test.
pub(crate) const PARTY_WORDS: &[&str] = &[
    "accused",
    "accuses",
    "accusing",
    "accuse",
    "blamed",
    "blames",
    "blaming",
    "blame",
    "holding",
    "held",
    "hold",
    "holds",
    "claimed",
    "claims",
    "claiming",
    "by",
    "its",
    "their",
    "group",
    "organisation",
    "organization",
    "army",
    "military",
    "government",
    "targeted",
    "sentenced",
    "hit",
    "repelled",
    "repulsed",
    "repel",
    "repulse",
    "thwarted",
    "foiled",
    "responsible",
    "planes",
    "jets",
    "warplanes",
    "aircraft",
    "aircrafts",
    "helicopters",
    "force",
    "fire",
    "siege",
    "blockade",
    "bombardment",
    "shelling",
];

/// Participles before "by" that tell who holds or backs something, not who acted:
/// "areas held by the SDF", "militias backed by Iran".
fn state_participle(x: &str) -> bool {
    matches!(
        x,
        "held"
            | "affiliated"
            | "linked"
            | "allied"
            | "aligned"
            | "based"
            | "controlled"
            | "backed"
            | "supported"
            | "funded"
            | "financed"
            | "armed"
            | "trained"
            | "run"
            | "owned"
            | "dominated"
            | "populated"
            | "inhabited"
            | "surrounded"
            | "besieged"
            | "encircled"
            | "followed"
            | "accompanied"
            | "replaced"
            | "expelled"
            | "driven"
            | "recognised"
            | "recognized"
            | "designated"
            | "considered"
            | "described"
            | "seen"
            | "used"
            | "joined"
            | "chaired"
            | "headed"
            | "founded"
            | "created"
            | "formed"
            | "established"
            | "brokered"
            | "mediated"
            | "sponsored"
            | "guaranteed"
    )
}

/// "began launching", "started shelling": a verb of beginning before the act.
fn begin_verb(word: &str) -> bool {
    matches!(word, "began" | "begun" | "started" | "continued")
}

/// Nouns of fighters, forces and weapons that a possessive pronoun or "of X" gives an
/// owner: "its aircraft", "three of its fighters", "aircraft of the Russian Aerospace
/// Forces".
fn force_noun(x: &str) -> bool {
    matches!(
        x,
        "aircraft"
            | "aircrafts"
            | "warplanes"
            | "warplane"
            | "jets"
            | "jet"
            | "planes"
            | "plane"
            | "helicopters"
            | "helicopter"
            | "drones"
            | "drone"
            | "bombers"
            | "forces"
            | "troops"
            | "soldiers"
            | "fighters"
            | "militants"
            | "members"
            | "units"
            | "men"
            | "gunmen"
            | "militiamen"
            | "artillery"
            | "army"
            | "military"
            | "elements"
            | "loyalists"
            | "terrorists"
            | "jihadists"
            | "rebels"
            | "followers"
    )
}

/// Words a preposition may stand apart from the party it governs by: "on the
/// regime's", "against government forces" (not a name: "of Idlib Nusra Front").
fn np_filler(w: &Words, k: usize) -> bool {
    w.has(k, class::DETERMINER) || (w.is_word(k) && !w.cap(k))
}

impl PartyInputs<'_> {
    fn actor(&self, m: &ActorTok) -> Option<&Actor> {
        self.actors.get(m.actor)
    }

    /// The party's name is a place's ("Damascus", "Russia"), not a longer name that
    /// holds one ("US-led coalition").
    fn is_place(&self, m: &ActorTok) -> bool {
        self.place_matches
            .iter()
            .any(|p| p.m.start <= m.span.start && m.span.end <= p.m.end)
    }

    /// "al-Qaeda-linked", "anti-Assad": a name inside a hyphenated word modifies the
    /// word; it does not name a party that acts.
    fn modifier(&self, w: &Words, m: &ActorTok) -> bool {
        let (Some(first), Some(last)) = (
            w.toks.get(m.first),
            m.end.checked_sub(1).and_then(|l| w.toks.get(l)),
        ) else {
            return false;
        };
        let bytes = w.text.as_bytes();
        (m.span.start > first.start && m.span.start > 0 && bytes[m.span.start - 1] == b'-')
            || (m.span.end < last.end && bytes.get(m.span.end) == Some(&b'-'))
    }

    /// The preposition that makes a party a target ("on X", "against X") or a
    /// place of a weapon's owner ("aircraft of X", "belonging to X" are owners).
    fn after_target_prep(&self, w: &Words, first: usize) -> bool {
        let mut k = first;
        // One determiner or lower-case modifier may stand between.
        for step in 0..2 {
            let Some(p) = k.checked_sub(1) else {
                return false;
            };
            let x = w.w(p);
            match x {
                "on" | "against" | "targeting" | "at" => return true,
                "of" => {
                    // "aircraft of the Russian Aerospace Forces", "members of IS": the owner.
                    let head = p.checked_sub(1).map(|h| w.w(h)).unwrap_or("");
                    return !force_noun(head);
                }
                "to" => {
                    let head = p.checked_sub(1).map(|h| w.w(h)).unwrap_or("");
                    return !matches!(
                        head,
                        "belonging" | "belonged" | "belongs" | "loyal" | "affiliated" | "linked"
                    );
                }
                _ => {}
            }
            // "the neighborhood of al-Khalidiye terrorists killed": a place's name
            // ("al-" is lower-case) is not a modifier of the party.
            let raw = w.raw(p);
            let in_place = self.place_matches.iter().any(|q| q.first <= p && p < q.end)
                || (raw.starts_with("al-") || raw.starts_with("el-"))
                    && raw[3..].starts_with(|c: char| c.is_uppercase());
            if step == 0 && np_filler(w, p) && !in_place {
                k = p;
                continue;
            }
            return false;
        }
        false
    }
}

/// The word token after which "by" names the agent of the event: a trigger or a
/// casualty word up to three tokens before it ("were killed by", "an airstrike
/// carried out by", "shot and wounded by").
fn by_attached(w: &Words, inp: &PartyInputs, by: usize) -> bool {
    if by == 0 {
        return false;
    }
    // "besieged by forces loyal to Assad": in a siege the besieger acts.
    if inp.event_type == EventType::Siege && matches!(w.w(by - 1), "besieged" | "encircled") {
        return true;
    }
    // A trigger that ends in "by" itself: "hostages held by ISIS".
    if inp.hits.iter().any(|h| h.end == by + 1) {
        return true;
    }
    if state_participle(w.w(by - 1)) {
        return false;
    }
    // "believed to be carried out by", "a swift operation by": the verbs and nouns of
    // carrying out an act.
    if matches!(
        w.w(by - 1),
        "out"
            | "conducted"
            | "launched"
            | "committed"
            | "perpetrated"
            | "staged"
            | "claimed"
            | "executed"
            | "orchestrated"
            | "masterminded"
            | "led"
            | "dropped"
            | "fired"
            | "operation"
            | "operations"
            | "campaign"
            | "offensive"
    ) {
        return true;
    }
    let from = by.saturating_sub(3);
    inp.hits.iter().any(|h| h.end <= by && h.end >= from)
        || (from..by).any(|k| harm_word(w, inp, k))
        // "the beheading of US reporter Steven Sotloff by the Islamic State": the agent
        // of an execution noun, after its victim's name.
        || inp.hits.iter().any(|h| {
            h.event_type == EventType::Execution
                && w.w(h.end) == "of"
                && by > h.end + 1
                && by <= h.end + 8
                && (h.end + 1..by).all(|k| w.is_word(k) && !matches!(w.w(k), "and" | "who" | "which"))
        })
}

/// Nouns that name people or a group in a noun phrase the table does not know: "the
/// officers", "a 19-year-old man".
fn person_head(w: &Words, vocab: &Vocab, k: usize) -> bool {
    matches!(
        vocab.casualty.word_id(w.id(k)),
        Some(CasualtyWord::Victim(_) | CasualtyWord::Person(_))
    ) || matches!(
        w.w(k),
        "police"
            | "policemen"
            | "assailant"
            | "assailants"
            | "attacker"
            | "attackers"
            | "suspect"
            | "shooter"
            | "bomber"
    )
}

/// "by the officers", "by a 19-year-old man": a noun phrase of up to five tokens ending
/// in a person noun, starting at `start`.
fn person_phrase(w: &Words, inp: &PartyInputs, start: usize) -> Option<(usize, usize)> {
    let mut k = start;
    if w.has(k, class::DETERMINER) {
        k += 1;
    }
    while k < w.len() && k < start + 5 {
        if person_head(w, inp.vocab, k) {
            // "two police officers": the last noun of a compound.
            let mut e = k + 1;
            while e < w.len() && person_head(w, inp.vocab, e) {
                e += 1;
            }
            return Some((start, e));
        }
        let x = w.w(k);
        let inner = (w.is_word(k) || w.is_number(k) || x == "-")
            && !matches!(
                x,
                "of" | "in" | "on" | "at" | "and" | "with" | "who" | "which" | "that"
            );
        if !inner || inp.hits.iter().any(|h| h.first <= k && k < h.end) {
            return None;
        }
        k += 1;
    }
    None
}

/// A group's relation to another that the other names: "al-Qaeda's affiliate in Syria,
/// the Nusra Front".
fn relational_noun(x: &str) -> bool {
    matches!(
        x,
        "affiliate"
            | "affiliates"
            | "branch"
            | "offshoot"
            | "wing"
            | "proxy"
            | "proxies"
            | "ally"
            | "allies"
    )
}

/// "The United States called for access to the site of the attack", "Rebels have
/// rejected the demand": a party that speaks about the event, before its verb of
/// speaking (over "has", "have", "also"), did not carry the event out.
fn speech_act_after(w: &Words, mut k: usize) -> bool {
    while matches!(w.w(k), "has" | "have" | "had" | "also" | "both" | "again") {
        k += 1;
    }
    matches!(
        w.w(k),
        "called"
            | "calls"
            | "urged"
            | "urges"
            | "demanded"
            | "demands"
            | "condemned"
            | "condemns"
            | "welcomed"
            | "welcomes"
            | "rejected"
            | "rejects"
            | "denounced"
            | "denounces"
            | "appealed"
            | "expressed"
            | "voiced"
    )
}

/// "Dozens of Syrian regime air strikes": a party naming the acts a quantity counts
/// (right before a trigger noun) made them; it is not a target of "of".
fn quantity_of_acts(w: &Words, inp: &PartyInputs, m: &ActorTok) -> bool {
    (inp.hits.iter().any(|h| h.first == m.end) || counted_attackers(w, inp, m.end))
        && m.first >= 2
        && w.w(m.first - 1) == "of"
        && (w.is_number(m.first - 2)
            || matches!(
                w.w(m.first - 2),
                "dozens" | "hundreds" | "scores" | "thousands" | "series" | "wave" | "waves"
            ))
}

/// "regime forces backed by Hezbollah factions killed": a party after "backed by",
/// "held by" modifies the party before it; it is not the subject of the verb.
fn backer(w: &Words, m: &ActorTok) -> bool {
    // "backed by the Lebanese terrorist group Hezbollah": a determiner and lower-case
    // or national modifiers may stand between "by" and the party.
    let mut by = m.first;
    for _ in 0..5 {
        let Some(p) = by.checked_sub(1) else {
            return false;
        };
        if w.w(p) == "by" {
            return p >= 1 && state_participle(w.w(p - 1));
        }
        // "Syrian Army units with a cover from the Syrian Air Force targeted".
        if matches!(w.w(p), "from" | "of")
            && p >= 1
            && matches!(
                w.w(p - 1),
                "cover" | "support" | "backing" | "assistance" | "help"
            )
        {
            return true;
        }
        if !(w.has(p, class::DETERMINER) || w.is_word(p)) || p + 1 < m.first && w.w(p) == "and" {
            return false;
        }
        by = p;
    }
    false
}

/// Nouns and verbs of two-sided fighting: "clashes with X", "fighting with X".
fn fighting_noun(x: &str) -> bool {
    matches!(
        x,
        "clashes" | "clashed" | "fighting" | "fought" | "battles" | "battle" | "battling"
    )
}

/// Nouns of an attack that a defender repels: "repelled the ISIS attack", "repulsed an
/// offensive by".
fn repelled_noun(x: &str) -> bool {
    matches!(
        x,
        "attack"
            | "attacks"
            | "assault"
            | "assaults"
            | "offensive"
            | "offensives"
            | "push"
            | "advance"
            | "advances"
            | "incursion"
            | "incursions"
            | "infiltration"
            | "attempt"
            | "attempts"
    )
}

/// "troops repelled the ISIS attack", "the army repelled a push by an alliance of
/// rebels": the attacker, not the defender, is the actor (`eval/gold/README-fresh2.md`,
/// hard case 34).
fn repelled_attacker<'a>(w: &Words, candidates: &[&'a ActorTok]) -> Option<&'a ActorTok> {
    (0..w.len()).find_map(|v| {
        if !w.has(v, class::PARTY_WORD)
            || !matches!(
                w.w(v),
                "repelled" | "repulsed" | "thwarted" | "foiled" | "repel" | "repulse"
            )
        {
            return None;
        }
        // "the ISIS attack": the party names the attack; "were able to repel the IS
        // fighters": the party repelled is the attacker.
        let named = candidates.iter().copied().find(|m| {
            m.first > v
                && m.first <= v + 2
                && (v + 1..m.first).all(|k| w.has(k, class::DETERMINER))
                && (repelled_noun(w.w(m.end)) || matches!(w.w(v), "repel" | "repulse"))
        });
        // "a push by an alliance of rebels", "an attack launched by terrorist groups".
        named.or_else(|| {
            let noun = (v + 1..(v + 4).min(w.len())).find(|&k| repelled_noun(w.w(k)))?;
            if (v + 1..noun).any(|k| !w.is_word(k)) {
                return None;
            }
            // "thwarted an infiltration attempt by terrorist groups": two nouns of one
            // attack.
            let noun = if repelled_noun(w.w(noun + 1)) {
                noun + 1
            } else {
                noun
            };
            // "an attack on Rajo by the Turkish army": the attacked place may come first.
            let after = if matches!(w.w(noun + 1), "on" | "against") {
                (noun + 2..(noun + 5).min(w.len())).find(|&k| w.w(k) == "by" || !w.is_word(k))? - 1
            } else {
                noun
            };
            let by = match (w.w(after + 1), w.w(after + 2)) {
                ("by", _) => after + 1,
                ("launched" | "mounted" | "staged", "by") => after + 2,
                _ => return None,
            };
            candidates.iter().copied().find(|m| {
                m.first > by && m.first <= by + 4 && (by + 1..m.first).all(|j| w.is_word(j))
            })
        })
    })
}

/// "A suicide bomber", "the two bombers", "The attacker", "a sniper", "masked men": an
/// attacker the sentence does not name, as the subject before the trigger (or the
/// trigger itself, "a suicide bomber struck"; a plural without a determiner only opening
/// the sentence, "Suicide bombers blew up"), or the agent of a harm ("killed by a
/// sniper"). Its tokens; the mention is named `unnamed attacker`
/// (`eval/gold/README-fresh.md`, hard case 21).
fn unnamed_attacker(w: &Words, inp: &PartyInputs) -> Option<(usize, usize)> {
    let (_, trig_end) = inp.trigger;
    // After the trigger only as an agent: "the attack which pro-Damascus media said was
    // carried out by a suicide car bomber", "followed by a suicide bomber who detonated".
    // Every head looked for is a cue word: the other tokens are skipped unread.
    let head = (0..w.len()).find(|&k| {
        w.has(k, class::PARTY_CUE)
            && (matches!(
                w.w(k),
                "bomber"
                    | "bombers"
                    | "attacker"
                    | "attackers"
                    | "assailant"
                    | "assailants"
                    | "sniper"
                    | "snipers"
                    | "shooter"
                    | "shooters"
                    | "gunman"
                    | "gunmen"
            ) || (k >= 1
                && w.w(k) == "men"
                && matches!(w.w(k - 1), "masked" | "armed" | "unidentified" | "unknown"))
                || (k >= 1
                    && w.w(k - 1) == "suicide"
                    && matches!(w.w(k), "terrorist" | "terrorists")))
    })?;
    let mut a = head;
    while a > 0 && head - a < 3 {
        let k = a - 1;
        // "Two suicide bombers", "four suicide bombers": a number word opens it too.
        if w.has(k, class::DETERMINER) || w.has(k, class::NUMBER_WORD) {
            a = k;
            break;
        }
        // A capital only where the sentence opens: "Masked men", "Suicide bombers".
        if !(w.is_number(k) || (w.is_word(k) && (!w.cap(k) || k == 0)) || w.w(k) == "suicide") {
            break;
        }
        a = k;
    }
    // Only a phrase opened by a determiner or a number ("a", "the", "two"), in subject
    // position: not "by the bomber" (rule 7) nor "on the attackers". A plural opening
    // the sentence needs none: "Suicide bombers blew up", "Masked men killed".
    let opened = w.has(a, class::DETERMINER)
        || w.is_number(a)
        || w.has(a, class::NUMBER_WORD)
        || (a == 0 && (w.w(head).ends_with('s') || w.w(head).ends_with("men")));
    if !opened || inp.after_target_prep(w, a) {
        return None;
    }
    // "the attack was carried out by a suicide bomber" is the agent of the attack.
    let agent = a >= 2
        && w.w(a - 1) == "by"
        && (by_attached(w, inp, a - 1) || matches!(w.w(a - 2), "out" | "followed"));
    if head >= trig_end && !agent {
        return None;
    }
    if (a >= 1 && matches!(w.w(a - 1), "by" | "of" | "with" | "from" | "to") && !agent)
        || passive_after(w, inp, head + 1)
    {
        return None;
    }
    Some((a, head + 1))
}

/// A trigger written as a verb, which has a subject: "shelled", "opened fire",
/// "stabbed", "hit". Nouns ("air strikes") do not.
fn verb_trigger(w: &Words, h: &Hit) -> bool {
    let x = w.w(h.first);
    (x.ends_with("ed") && x.len() > 4)
        || matches!(
            x,
            "shot"
                | "struck"
                | "hit"
                | "fought"
                | "blew"
                | "overran"
                | "retook"
                | "took"
                | "set"
                | "shoot"
                | "attack"
                | "attacks"
        ) && w.is_word(h.first)
}

/// The `-ing` word at `k` is a progressive verb ("were also battling government
/// forces", "is shelling the town"), not a noun or a participle phrase ("the shelling
/// of", "killing 12").
fn progressive(w: &Words, k: usize) -> bool {
    let mut p = k;
    while p > 0
        && matches!(
            w.w(p - 1),
            "also" | "reportedly" | "allegedly" | "still" | "later"
        )
    {
        p -= 1;
    }
    p > 0 && matches!(w.w(p - 1), "was" | "were" | "is" | "are")
}

/// The counted party ending before token `end` attacks: "Dozens of Daesh militants
/// early on Monday attacked government positions". An attack verb (not a killing: "20
/// fighters killed in strikes" are victims) follows it over time words only.
fn counted_attackers(w: &Words, inp: &PartyInputs, end: usize) -> bool {
    let mut k = end;
    while k < end + 6 && (time_word(w.w(k)) || matches!(w.w(k), "early" | "overnight" | "also")) {
        k += 1;
    }
    k < w.len()
        && !harm_word(w, inp, k)
        && inp.hits.iter().any(|h| {
            h.first == k
                && verb_trigger(w, h)
                && !h.act
                && !matches!(h.event_type, EventType::Death | EventType::Displacement)
        })
}

/// A reaction to an event, whose author did not act in it: "condemnation from", "criticism
/// by".
fn reaction_noun(x: &str) -> bool {
    matches!(
        x,
        "condemnation"
            | "condemnations"
            | "criticism"
            | "outrage"
            | "protests"
            | "protest"
            | "reaction"
            | "reactions"
            | "response"
            | "warnings"
            | "warning"
            | "calls"
            | "denial"
            | "denials"
    )
}

/// Capitalised words that begin a clause and name no one: the attribution rules' clause
/// openers ([`crate::attribution::cap_stop`]), months, weekdays and number words ("Three
/// attacks reportedly hit", "The December attack came"), "police" and "Syrians".
fn not_a_name(w: &Words, k: usize) -> bool {
    let x = w.w(k);
    w.has(k, class::NOT_NAME | class::NUMBER_WORD)
        || crate::attribution::cap_stop(x)
        || matches!(x, "police" | "syrians" | "i’m" | "i'm" | "i’ve" | "i'd" | "i’d")
        || x.ends_with("day")
        // "Saturdays attacks", the apostrophe lost.
        || x.ends_with("days")
}

/// "Kurdish fighter Arin Mirkan", "Isis leader Abu Bakr al-Baghdadi", "young Kurdish
/// woman fighter Dilar Gencxemis": the party of a person named right after a member
/// noun that a party's name or adjective qualifies, with at most two words between
/// them. `a` is the name's first token.
fn member_party(
    w: &Words,
    actors: &Actors,
    matches: &[ActorTok],
    a: usize,
) -> Option<(EntityMention, usize)> {
    let noun = a.checked_sub(1)?;
    if !w.has(noun, class::MEMBER_NOUN) {
        return None;
    }
    (noun.saturating_sub(3)..noun).rev().find_map(|k| {
        if !w.is_word(k) {
            return None;
        }
        if let Some(m) = matches.iter().find(|m| m.end == k + 1) {
            let actor = actors.get(m.actor)?;
            return is_party(actor).then(|| (actors.to_mention(&to_match(m), w.text), m.actor));
        }
        demonym_at(w, actors, k).filter(|(_, index)| actors.get(*index).is_some_and(is_party))
    })
}

/// The nouns of one member of a party that a name may follow: "fighter", "leader"
/// (`class::MEMBER_NOUN`).
pub(crate) const MEMBER_NOUNS: &[&str] = &[
    "fighter",
    "militant",
    "jihadist",
    "commander",
    "leader",
    "soldier",
    "member",
    "gunman",
    "pilot",
    "sniper",
    "emir",
];

/// A name the table does not know right before the trigger verb, or before an
/// apposition that is: "Gyulchekhra Bobokulova beheaded", "Malek, a Syrian refugee,
/// stabbed", "Paddock, 64, opened fire".
fn unknown_subject(w: &Words, inp: &PartyInputs, trig: usize) -> Option<(usize, usize)> {
    // "Helric Fredou, 45, shot himself", "killed herself": who died by their own hand
    // is no attacker.
    let (trig_first, trig_end) = inp.trigger;
    let reflexive = |k: usize| matches!(w.w(k), "himself" | "herself" | "themselves" | "itself");
    // The trigger may hold the pronoun itself: "shot himself", "killed herself".
    if reflexive(trig_end) || (trig_end >= 1 && reflexive(trig_end - 1)) {
        return None;
    }
    // "committed suicide", "took his own life".
    if inp.event_type == EventType::Death
        && (trig_first..trig_end).any(|k| matches!(w.w(k), "suicide" | "own"))
    {
        return None;
    }
    let mut end = trig;
    // An apposition between commas.
    if end >= 1 && w.w(end - 1) == "," {
        let open = (end.saturating_sub(8)..end - 1)
            .rev()
            .find(|&k| w.w(k) == ",")?;
        if (open + 1..end - 1).any(|k| inp.hits.iter().any(|h| h.first == k) || w.w(k) == "said") {
            return None;
        }
        end = open;
    }
    let mut a = end;
    while a > 0 && end - a < 3 {
        let k = a - 1;
        let x = w.w(k);
        let particle = (x.starts_with("al-") || x == "bin" || x == "ibn") && a < end;
        if !(w.is_word(k) && (w.cap(k) || particle)) || not_a_name(w, k) {
            break;
        }
        a = k;
    }
    // "An Israeli attack killed": a demonym qualifies the attack; the party-adjective
    // rule names its party.
    if end == a + 1 && w.has(a, class::DEMONYM) {
        return None;
    }
    if a == end
        || in_ranges(&inp.found.speaker_ranges, a, end)
        || inp.actor_matches.iter().any(|m| m.first < end && a < m.end)
        || inp.place_matches.iter().any(|p| p.first < end && a < p.end)
    {
        return None;
    }
    // A capitalised word opening the sentence is only a name when another follows it,
    // an apposition does ("Malek, a Syrian refugee, ..."), or the article named it
    // before as the last word of a full name ("Paddock shot the guard" after "Stephen
    // Paddock").
    if a == 0 && end - a == 1 && end == trig && !surname_named_before(w, a) {
        return None;
    }
    // A headline in capitals or title case ("Possibly Killed in US Airstrike", "JAMES
    // FOLEY BEHEADED") capitalises every word: none is a name by its capital.
    let words = (0..w.len()).filter(|&k| w.is_word(k)).count();
    let capitals = (0..w.len()).filter(|&k| w.is_word(k) && w.cap(k)).count();
    if words >= 3 && capitals * 10 > words * 6 {
        return None;
    }
    Some((a, end))
}

/// Whether the article, before this sentence, wrote token `k` as the last word of a
/// name of two capitalised words or more ("Stephen Paddock").
fn surname_named_before(w: &Words, k: usize) -> bool {
    let name = w.raw(k);
    let Some(before) = w.text.get(..w.span.start) else {
        return false;
    };
    if name.len() < 3 {
        return false;
    }
    before.match_indices(name).any(|(at, _)| {
        let next = before[at + name.len()..].chars().next();
        let Some(head) = before[..at].strip_suffix(' ') else {
            return false;
        };
        let previous = head
            .rsplit(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.'))
            .next()
            .unwrap_or("");
        !next.is_some_and(char::is_alphanumeric)
            && previous.len() >= 2
            && previous.starts_with(char::is_uppercase)
            // "The Paddock", "In Paddock": a clause opener is no first name.
            && !crate::attribution::cap_stop(&previous.to_lowercase())
    })
}

/// The pronoun "its"/"their" + a force noun, or "three of its fighters": the phrase's
/// tokens, outside the speakers' phrases.
fn possessed_forces(w: &Words, inp: &PartyInputs, limit: usize) -> Option<(usize, usize)> {
    (0..limit.min(w.len())).find_map(|k| {
        if !w.has(k, class::PARTY_WORD)
            || !matches!(w.w(k), "its" | "their")
            || in_ranges(&inp.found.speaker_ranges, k, k + 1)
        {
            return None;
        }
        let noun = (k + 1..(k + 3).min(w.len())).find(|&j| force_noun(w.w(j)))?;
        if (k + 1..noun).any(|j| !w.is_word(j)) {
            return None;
        }
        // "seven of its fighters were killed": the party's dead, not its attack.
        if passive_after(w, inp, noun + 1) {
            return None;
        }
        // "three of its fighters", "none of its aircraft".
        let start = if k >= 2
            && w.w(k - 1) == "of"
            && (w.is_number(k - 2) || w.has(k - 2, class::COUNT_START) || w.w(k - 2) == "none")
        {
            k - 2
        } else {
            k
        };
        Some((start, noun + 1))
    })
}

/// The state force of a state ("Russian Government" → "Russian Armed Forces"): the
/// first state force of the table that is part of it.
fn force_of<'a>(actors: &'a Actors, state: &'a Actor) -> &'a Actor {
    if state.kind != ActorKind::State {
        return state;
    }
    actors
        .actors()
        .iter()
        .find(|a| {
            a.kind == ActorKind::StateForce && a.part_of.as_deref() == Some(state.id.as_str())
        })
        .unwrap_or(state)
}

/// The air force that is part of a state force ("Syrian Arab Army" → "Syrian Arab Air
/// Force"), else the force itself (Russia's air arm is in its armed forces' entry).
fn air_force_of<'a>(actors: &'a Actors, force: &'a Actor) -> &'a Actor {
    actors
        .actors()
        .iter()
        .find(|a| {
            a.kind == ActorKind::StateForce
                && a.part_of.as_deref() == Some(force.id.as_str())
                && a.name.contains("Air Force")
        })
        .unwrap_or(force)
}

/// Whether a named group can be what a generic label means: "rebels" an opposition
/// group, "jihadists" a jihadist one, "terrorists" or "militants" any group not on the
/// government side.
fn fits_generic(generic: &Actor, group: &Actor) -> bool {
    group.kind == ActorKind::ArmedGroup
        && !group.generic
        && !government_side(group)
        && (generic.side.is_empty() || generic.side == group.side)
}

/// The party a generic label stands for in this article: a fitting group named
/// earlier in the sentence, else the last one the article named, else `Syrian
/// Opposition` for "terrorists", "militants", "rebels".
fn specific_for_generic<'a>(
    w: &Words,
    inp: &'a PartyInputs,
    generic: &'a Actor,
    at: usize,
) -> &'a Actor {
    if !matches!(generic.side.as_str(), "" | "opposition" | "jihadist") {
        return generic;
    }
    let in_sentence = inp
        .actor_matches
        .iter()
        .rev()
        .filter(|m| m.end <= at && !in_gloss(w, inp.actor_matches, m))
        .filter_map(|m| inp.actor(m))
        .find(|g| fits_generic(generic, g));
    let remembered = match generic.side.as_str() {
        "opposition" => inp.memory.opposition,
        "jihadist" => inp.memory.jihadist,
        _ => inp.memory.group,
    }
    .and_then(|g| inp.actors.get(g))
    .filter(|g| fits_generic(generic, g));
    if let Some(g) = in_sentence.or(remembered) {
        return g;
    }
    // `eval/gold/README.md`: "rebels", "terrorists", "militants" (and "insurgents",
    // README-fresh2.md) of an article that names no group are the Syrian opposition.
    if matches!(
        generic.id.as_str(),
        "sy/opposition" | "generic/terrorists" | "generic/militants" | "generic/insurgents"
    ) {
        if let Some(o) = inp.actors.actor("sy/opposition") {
            return o;
        }
    }
    generic
}

pub(crate) fn parties(w: &Words, inp: &PartyInputs) -> Parties {
    let (trig_first, trig_end) = inp.trigger;
    // The hit starting at the trigger's first token, if any.
    let trig_hit = inp.hits.iter().find(|h| h.first == trig_first);
    let found = inp.found;
    // "25 troops and pro-government gunmen": the conjunct of a count is a victim too.
    // "killed six civilians and Hezbollah ...", "killed 13 jihadists of Daesh terrorist
    // group": a party joined to a count, or owning the counted victims, is no actor.
    // "75 militants of the Jabhat Fatah al Sham terrorist group": a determiner may
    // stand between.
    let after_count = |m: &ActorTok| {
        let f = w.with_the(m.first);
        f >= 1
            && !counted_attackers(w, inp, m.end)
            && (matches!(w.w(f - 1), "and" | "of")
                && inp.counts.iter().any(|&(_, e)| e + 1 == f)
                // "23 people most of them from the Ahrar al-Sham militant group were
                // killed": the group the victims came from.
                || w.w(f - 1) == "from" && inp.counts.iter().any(|&(_, e)| e < f && f <= e + 5))
    };
    let hits_at = |k: usize| inp.hits.iter().any(|h| h.first == k);
    let candidates: Vec<&ActorTok> = inp
        .actor_matches
        .iter()
        .filter(|m| !in_ranges(&found.speaker_ranges, m.first, m.end))
        .filter(|m| !in_gloss(w, inp.actor_matches, m))
        // "Rami Abdul Rahman head of the monitor group said": a name in apposition to
        // the speaker phrase right after it is the speaker. Only titles of one person
        // (every source noun, "officials" or "residents" too, also drops actors that
        // merely stand before a speaker).
        .filter(|m| {
            !found.speaker_ranges.iter().any(|&(a, _)| {
                (m.end..=m.end + 2).contains(&a) && APPOSITION_TITLES.contains(&w.w(m.end))
            })
        })
        .filter(|m| !in_ranges(inp.counts, m.first, m.end) && !after_count(m))
        .filter(|m| !inp.modifier(w, m))
        // "in Damascus", "the Damascus suburbs": a place, not the government it hosts,
        // unless it acts ("Moscow vetoed", "Russia bombed").
        .filter(|m| {
            !inp.is_place(m)
                // "in central Damascus killing several people": a place after a
                // locative word is where, not who.
                || !(m.first >= 1
                    && matches!(
                        w.w(m.first - 1),
                        "in" | "at" | "near" | "from" | "into" | "central" | "outside"
                            | "around" | "northern" | "southern" | "eastern" | "western"
                    ))
                    && hits_at(m.end)
                // "attacks carried out by Washington": the agent of an act.
                || (m.first >= 1 && w.w(m.first - 1) == "by" && by_attached(w, inp, m.first - 1))
                // "The U.S. and allied forces launched air strikes", "Russia and its
                // allies bombed": a state leading a coordinated subject whose verb
                // follows within three words; "began launching air strikes": a verb of
                // beginning and the trigger within three words after it.
                || (w.w(m.end) == "and"
                    && !(m.first >= 1
                        && matches!(
                            w.w(m.first - 1),
                            "in" | "at" | "near" | "from" | "into" | "of" | "over" | "on"
                        ))
                    && inp.actor(m).is_some_and(|a| a.kind == ActorKind::State)
                    && (m.end + 2..=m.end + 4)
                        .find(|&k| hits_at(k) || !w.is_word(k) || begin_verb(w.w(k)))
                        .is_some_and(|k| {
                            hits_at(k) || (begin_verb(w.w(k)) && (k + 1..=k + 3).any(hits_at))
                        }))
                || (w.w(m.end).ends_with("ed") && w.w(m.end).len() > 3 && w.is_word(m.end))
                // "Syria had used chemical weapons", "SANA said Israel had struck".
                || (matches!(w.w(m.end), "had" | "has" | "have")
                    && (w.w(m.end + 1).ends_with("ed") || hits_at(m.end + 1))
                    && w.is_word(m.end + 1))
                // "Russia began carrying out air strikes", "Russia has been carrying
                // out airstrikes", "Turkey is moving armor".
                || matches!(w.w(m.end), "began" | "begins" | "continues" | "keeps")
                // "Russia first began its air campaign".
                || (matches!(w.w(m.end), "first" | "then" | "also" | "later")
                    && matches!(w.w(m.end + 1), "began" | "launched" | "started"))
                || (matches!(
                    w.w(m.end),
                    "has" | "had" | "have" | "is" | "was" | "are" | "were"
                ) && (w.w(m.end + 1).ends_with("ing")
                    || (w.w(m.end + 1) == "been" && w.w(m.end + 2).ends_with("ing"))))
        })
        // Outlets, monitors and civilians do not carry out events; organisations (the
        // UN, aid groups) take part in talks and truces, not in attacks.
        .filter(|m| {
            inp.actor(m).is_some_and(|a| match a.kind {
                ActorKind::Media | ActorKind::Monitor | ActorKind::Civilians => false,
                ActorKind::Organisation => matches!(
                    inp.event_type,
                    EventType::Agreement
                        | EventType::Ceasefire
                        | EventType::Accusation
                        | EventType::Displacement
                        | EventType::Other
                ),
                _ => true,
            })
        })
        .collect();

    let mut chosen: Option<&ActorTok> = None;
    let mut described: Option<EntityMention> = None;
    // The table's index of the party a description stands for, when it names one.
    let mut described_index: Option<usize> = None;

    // 1. "accused X of", "blamed X for", "blames ... on X", "holding X responsible".
    if let Some(m) = accused(w, inp) {
        chosen = Some(m);
    }
    // "repelled the ISIS attack": the attacker.
    if chosen.is_none() {
        chosen = repelled_attacker(w, &candidates);
    }
    // 2. "Russian air strikes", "regime helicopters": the name holds the trigger (its
    // first or last word; a name inside "expelled * from" is the trigger's object).
    if chosen.is_none() {
        chosen = candidates
            .iter()
            .find(|m| {
                m.first < trig_end
                    && trig_first < m.end
                    && (m.first <= trig_first || m.end >= trig_end)
            })
            .copied();
    }
    // "any aircraft of the Syrian Arab Air Force": the owner of the weapon the trigger
    // names.
    if chosen.is_none() && w.w(trig_end) == "of" && force_noun(w.w(trig_end - 1)) {
        chosen = candidates
            .iter()
            .find(|m| m.first > trig_end && m.first <= trig_end + 2)
            .copied();
    }
    // "Russia said on Wednesday it had critically injured a leader of the Tahrir al-Sham
    // militant group ... with an air strike": a party after the speaker's own-act
    // pronoun is the act's object; the pronoun's rule (6) names the speaker.
    let own_act_at = own_act_pronoun(w).filter(|_| {
        inp.actor_matches.iter().any(|m| {
            in_ranges(&found.speaker_ranges, m.first, m.end)
                && inp
                    .actor(m)
                    .is_some_and(|a| is_party(a) || is_party(inp.actors.top(&a.id).unwrap_or(a)))
        })
    });
    let after_own_act = |m: &ActorTok| own_act_at.is_some_and(|p| p < m.first);
    // 3. Right before the trigger: "Regime forces shelled", "Nusra Front members kidnapped".
    if chosen.is_none() {
        chosen = candidates
            .iter()
            .find(|m| {
                !after_own_act(m)
                    && m.end <= trig_first
                    && trig_first - m.end <= 2
                    && (!inp.after_target_prep(w, m.first) || quantity_of_acts(w, inp, m))
                    && !passive_after(w, inp, m.end)
                    && !backer(w, m)
                    && !object_of_attack_verb(w, inp, m.first)
                    && !in_victims_phrase(w, inp, m.end)
            })
            .copied();
    }
    // "An army unit clashed with", "The army's air force carried out", "killed in an
    // army operation": the army of the state the speaker or the article named.
    if chosen.is_none() {
        described = army_phrase(w, inp, trig_first, trig_end)
            .or_else(|| unnamed_forces(w, inp, trig_first));
    }
    // "clashes between X and Y", "fighting broke out between X and Y": the first named.
    if chosen.is_none() && described.is_none() {
        if let Some(b) = (trig_end..(trig_end + 4).min(w.len()))
            .find(|&k| matches!(w.w(k), "between" | "among" | "amongst"))
        {
            chosen = candidates
                .iter()
                .find(|m| m.first > b && m.first <= b + 2)
                .copied();
        }
    }

    // 4. The agent of a passive: "were killed by Russian air strikes".
    let by_agents: Vec<usize> = (0..w.len())
        .filter(|&b| w.has(b, class::PARTY_WORD) && w.w(b) == "by" && by_attached(w, inp, b))
        .collect();
    if chosen.is_none() && described.is_none() {
        chosen = by_agents.iter().find_map(|&b| {
            // "Syrian insurgents led by Islamist groups began": the leader of a party
            // that is itself named is not the agent.
            if w.w(b - 1) == "led" && candidates.iter().any(|c| c.end + 1 == b) {
                return None;
            }
            candidates.iter().copied().find(|m| {
                m.first > b
                    && m.first <= b + 4
                    // "by foreign-sponsored Takfiri militants": a hyphenated
                    // participle is an adjective, a bare one starts a clause ("by the
                    // so called Jaish al-Fateh" is one word written as two).
                    && (b + 1..m.first).all(|j| {
                        w.is_word(j)
                            && (!w.w(j).ends_with("ed")
                                || w.w(j).contains('-')
                                || w.w(j) == "called" && w.w(j - 1) == "so")
                    })
            })
        });
    }
    // "escalated bombardment from government forces", "shelling from regime forces": a
    // party right after an attack noun and "from" fired it.
    if chosen.is_none()
        && described.is_none()
        && w.w(trig_end) == "from"
        && trig_hit.is_some_and(|h| {
            !verb_trigger(w, h)
                && !h.act
                && matches!(h.event_type, EventType::Shelling | EventType::Airstrike)
        })
    {
        chosen = candidates
            .iter()
            .find(|m| {
                m.first > trig_end
                    && m.first <= trig_end + 2
                    && inp.actor(m).is_some_and(|a| a.kind != ActorKind::State)
            })
            .copied();
    }
    // 5. The first party before the trigger that is not a target, nor the subject of a
    // passive ("members of Syrian opposition groups were killed").
    if chosen.is_none() && described.is_none() {
        chosen = candidates
            .iter()
            .find(|m| {
                m.first < trig_first
                    && !after_own_act(m)
                    && (!inp.after_target_prep(w, m.first) || quantity_of_acts(w, inp, m))
                    && !passive_after(w, inp, m.end)
                    && !backer(w, m)
                    && !speech_act_after(w, m.end)
                    && !in_victims_phrase(w, inp, m.end)
            })
            .copied();
    }
    // "were killed in clashes with the army": the other side of the fighting the victims
    // died in (when no party before the trigger acts).
    if chosen.is_none()
        && described.is_none()
        && trig_hit.is_some_and(|h| fighting_noun(w.w(h.first)))
    {
        if let Some(with) = (trig_end..(trig_end + 2).min(w.len())).find(|&k| w.w(k) == "with") {
            chosen = candidates
                .iter()
                .find(|m| m.first > with && m.first <= with + 2)
                .copied();
        }
    }
    // 6. Pronouns and descriptions.
    if chosen.is_none() && described.is_none() {
        described = description(w, inp, &candidates, trig_hit);
    }
    // 7. A person or group the table does not know.
    if chosen.is_none() && described.is_none() {
        let verb = trig_hit.is_some_and(|h| verb_trigger(w, h));
        let subject = verb.then(|| unknown_subject(w, inp, trig_first)).flatten();
        // "Kurdish fighter Arin Mirkan blew herself up": the person's party acts.
        if let Some((mention, index)) =
            subject.and_then(|(a, _)| member_party(w, inp.actors, inp.actor_matches, a))
        {
            described = Some(mention);
            described_index = Some(index);
        }
        if described.is_none() {
            described = subject
                .map(|(a, b)| words_mention(w, a, b, EntityKind::Other))
                .or_else(|| {
                    by_agents.iter().find_map(|&b| {
                        let (a, e) = person_phrase(w, inp, b + 1)?;
                        if inp.actor_matches.iter().any(|m| m.first < e && a < m.end) {
                            return None;
                        }
                        // "by rebel rocket fire", "by coalition fighter jets": the person
                        // word qualifies another noun; the party adjective rules read it.
                        let next = w.w(e);
                        if attack_qualifier(next)
                            || adjective_attack_noun(next)
                            || matches!(next, "jets" | "planes" | "attack" | "attacks")
                        {
                            return None;
                        }
                        // "by a radical rebel group": the group is the agent.
                        let e = if matches!(next, "group" | "groups") {
                            e + 1
                        } else {
                            e
                        };
                        // "caused by a suicide attacker", "carried out by a bomber": an
                        // attacker the sentence does not name, as rule 7b names one.
                        if matches!(
                            w.w(e - 1),
                            "attacker"
                                | "attackers"
                                | "assailant"
                                | "assailants"
                                | "bomber"
                                | "bombers"
                                | "shooter"
                                | "gunman"
                                | "gunmen"
                        ) {
                            let mut m = words_mention(w, a, e, EntityKind::Person);
                            m.name = crosscheck_schema::UNNAMED_ATTACKER.to_string();
                            return Some(m);
                        }
                        Some(words_mention(w, a, e, EntityKind::Other))
                    })
                });
        }
    }
    if chosen.is_none() && described.is_none() {
        described = unnamed_attacker(w, inp).map(|(a, b)| {
            let mut m = words_mention(w, a, b, EntityKind::Person);
            m.name = crosscheck_schema::UNNAMED_ATTACKER.to_string();
            m
        });
    }
    // 8. A party after the trigger that acts: "... said the army had shelled", "a
    // helicopter belonging to the regime".
    if chosen.is_none() && described.is_none() {
        chosen = candidates
            .iter()
            .find(|m| {
                m.first >= trig_end
                    && !passive_after(w, inp, m.end)
                    && !(matches!(
                        w.w(m.end),
                        "affiliated"
                            | "linked"
                            | "allied"
                            | "aligned"
                            | "based"
                            | "backed"
                            | "held"
                            | "controlled"
                            | "loyal"
                    ) && w.w(m.end + 1) != "by")
                    && (acts_after(w, m.end)
                        // "were injured in terrorist attacks", "due to a terrorist
                        // attack": the party whose attack it was.
                        || army_instrument(w.w(m.end))
                            && m.first >= 1
                            && matches!(w.w(m.first - 1), "in" | "a" | "an")
                        || inp
                            .hits
                            .iter()
                            .any(|h| h.first >= m.end && h.first <= m.end + 3)
                        || (m.first >= 2
                            && matches!(w.w(m.first - 2), "belonged" | "belonging")
                            && w.w(m.first - 1) == "to"))
                    // "a ceasefire brokered by the US and Russia collapsed".
                    && !backer(w, m)
                    && !after_place_noun(w, m.first)
                    // "sparking condemnation from Syrias opposition": who reacted.
                    && !(m.first >= 2
                        && matches!(w.w(m.first - 1), "from" | "by")
                        && reaction_noun(w.w(m.first - 2)))
            })
            .copied();
        // "regime forces backed by Hezbollah factions killed the civilians": the
        // backed party acts, not its backer.
        if let Some(m) = chosen {
            let backed = candidates.iter().find(|b| {
                b.first >= trig_end
                    && b.end + 2 <= m.first
                    && m.first - b.end <= 4
                    && w.w(b.end) == "backed"
                    && w.w(b.end + 1) == "by"
            });
            if let Some(b) = backed {
                chosen = Some(b);
            }
        }
    }
    // "the Syrian army and its allies from Lebanons Shiite militia Hezbollah captured":
    // the party whose allies they are leads.
    if let Some(m) = chosen {
        if let Some(lead) = candidates.iter().find(|c| {
            c.end < m.first
                && m.first - c.end <= 10
                && w.w(c.end) == "and"
                && matches!(w.w(c.end + 1), "its" | "their")
                && matches!(w.w(c.end + 2), "allies" | "ally" | "allied")
        }) {
            chosen = Some(lead);
        }
    }
    // "Regime forces and Iranian-backed militias shelled", "Government forces and
    // allied militias captured": in a coordinated subject the first party leads; so does
    // a first adjective ("Russian and Syrian planes" → Russian).
    let mut lead_adjective = None;
    // Also when the party's name holds the trigger: "Syrian and Russian raids"; after
    // the trigger as its agent: "airstrikes by regime and Russian fighter jets"; and
    // for alternatives: "either Russian or Syrian government planes".
    let agent_pair = |m: &&ActorTok| {
        m.first >= 3
            && matches!(w.w(m.first - 1), "and" | "or")
            && matches!(w.w(m.first - 3), "by" | "either")
    };
    if let Some(m) = chosen.filter(|m| m.first < trig_end || agent_pair(m)) {
        let mut k = m.first;
        if k >= 1 && matches!(w.w(k - 1), "allied" | "affiliated" | "other" | "supporting") {
            k -= 1;
        }
        if k >= 1 && matches!(w.w(k - 1), "and" | "or") {
            if let Some(lead) = candidates
                .iter()
                .find(|c| c.end + 1 == k && !inp.after_target_prep(w, c.first))
            {
                chosen = Some(lead);
            } else if k == m.first && k >= 2 && !inp.after_target_prep(w, k - 2) {
                lead_adjective = demonym_at(w, inp.actors, k - 2);
            }
        }
    }

    // "Terrorists of the al-Qaeda-linked Hayat Tahrir al-Sham", "the militant group ISIS":
    // the group named, not the label; "al-Qaeda's affiliate in Syria, the Nusra Front":
    // the affiliate.
    if let Some(a) = chosen {
        let generic = inp.actor(a).is_some_and(|x| x.generic);
        // One adjective may stand between: "al Qaeda's Syrian offshoot Nusra Front".
        let rel_at = if w.is_word(a.end) && relational_noun(w.w(a.end + 1)) {
            a.end + 1
        } else {
            a.end
        };
        let relational = relational_noun(w.w(rel_at));
        if generic || relational {
            let from = if relational { rel_at + 1 } else { a.end };
            if let Some(specific) = candidates.iter().find(|m| {
                m.first >= from
                    && m.first <= from + 4
                    && (relational
                        || matches!(w.w(a.end), "of" | "from")
                        // "The Islamic militant group ISIS beheaded": the name right
                        // after the label.
                        || (generic && m.first == a.end))
                    && inp.actor(m).is_some_and(|x| !x.generic)
            }) {
                chosen = Some(specific);
            }
        }
    }

    // "a terrorist mortar attack by the so-called Jaish al-Fateh": the agent of the
    // attack names the group the label stands for.
    if let Some(label) = chosen.and_then(|a| inp.actor(a)).filter(|x| x.generic) {
        let agent = by_agents.iter().filter(|&&b| b == trig_end).find_map(|&b| {
            candidates.iter().copied().find(|m| {
                m.first > b
                    && m.first <= b + 4
                    && (b + 1..m.first).all(|j| w.is_word(j))
                    && inp
                        .actor(m)
                        .is_some_and(|x| !x.generic && fits_generic(label, x))
            })
        });
        if agent.is_some() {
            chosen = agent;
        }
    }

    let mut actor_index = chosen.map(|m| m.actor);
    let mut actor = chosen.map(|m| inp.actors.to_mention(&to_match(m), w.text));
    if let Some((mention, index)) = lead_adjective {
        actor = Some(mention);
        actor_index = Some(index);
    }
    if actor.is_none() {
        actor = described.take();
        actor_index = actor_index.or(described_index);
    }
    if actor.is_none() {
        // "Russian and Syrian strikes": the first of coordinated adjectives leads here
        // too.
        let adjective_at = trig_first
            .checked_sub(1)
            .filter(|_| !passive_after(w, inp, trig_end))
            .map(|k| {
                if k >= 2
                    && w.w(k - 1) == "and"
                    && !inp.after_target_prep(w, k - 2)
                    && demonym_at(w, inp.actors, k).is_some()
                    && demonym_at(w, inp.actors, k - 2).is_some()
                {
                    k - 2
                } else {
                    k
                }
            });
        if let Some((mention, index)) = adjective_at.and_then(|k| demonym_at(w, inp.actors, k)) {
            actor = Some(mention);
            actor_index = Some(index);
        }
    }
    // "Israeli overnight air raids", "rebel rocket attacks", "killed in rebel fire",
    // "under a devastating government siege": a party adjective before an attack noun,
    // over up to two words that only qualify the attack, anywhere in the sentence.
    if actor.is_none() {
        if let Some((mention, index)) = qualified_adjective(w, inp) {
            actor = Some(mention);
            actor_index = Some(index);
        }
    }
    // "jets believed to be Russian struck": the nationality the sentence gives them.
    if actor.is_none() {
        let believed = (3..w.len()).find_map(|k| {
            // The four verbs are cue words: the other tokens are skipped unread.
            (w.has(k - 3, class::PARTY_CUE)
                && matches!(w.w(k - 3), "believed" | "thought" | "suspected" | "likely")
                && w.w(k - 2) == "to"
                && w.w(k - 1) == "be")
                .then(|| demonym_at(w, inp.actors, k))
                .flatten()
        });
        if let Some((mention, index)) = believed {
            actor = Some(mention);
            actor_index = Some(index);
        }
    }
    // "injured due to terrorist attacks with rocket shells": the party whose attacks
    // carried the weapon the trigger names.
    if actor.is_none() {
        let attacker = (1..trig_first).find_map(|k| {
            // "due to terrorist attacks", "in a terrorist attack".
            // "attack" is a cue word: tested first, it skips the other tokens unread.
            let prep = |p: usize| matches!(w.w(p), "to" | "in" | "by");
            (w.has(k + 1, class::PARTY_CUE)
                && matches!(w.w(k + 1), "attack" | "attacks")
                && matches!(w.w(k + 2), "with" | "by" | "using")
                && (prep(k - 1)
                    || k >= 2 && matches!(w.w(k - 1), "a" | "an" | "the") && prep(k - 2)))
            .then(|| demonym_at(w, inp.actors, k))
            .flatten()
        });
        if let Some((mention, index)) = attacker {
            actor = Some(mention);
            actor_index = Some(index);
        }
    }
    // A generic label is named after the group it stands for.
    if let (Some(mention), Some(a)) = (
        actor.as_mut(),
        actor_index
            .and_then(|i| inp.actors.get(i))
            .filter(|a| a.generic),
    ) {
        let at = w.tok_at_or_after(mention.start);
        // "al-Nusra Front (Qaeda branch in the Levant) terrorists": the label after a
        // gloss is the party before it, and names it by its own words.
        let glossed = (at >= 1 && w.w(at - 1) == ")")
            .then(|| {
                let open = (at.saturating_sub(10)..at - 1)
                    .rev()
                    .find(|&p| w.w(p) == "(")?;
                inp.actor_matches
                    .iter()
                    .find(|o| o.end == open)
                    .and_then(|o| inp.actor(o).filter(|x| fits_generic(a, x)).map(|x| (o, x)))
            })
            .flatten();
        if let Some((o, party)) = glossed {
            *mention = resolved_mention(w, o.first, o.end, party);
        } else {
            let specific = specific_for_generic(w, inp, a, at);
            mention.name = specific.name.clone();
            mention.kind = specific.kind.entity_kind();
        }
    }
    // "Syria's defence ministry denied its aircraft were involved": the denier stands for
    // the state whose act is denied; state media for its state.
    if actor.is_none() && inp.denied {
        actor = inp
            .actor_matches
            .iter()
            .filter(|m| in_ranges(&found.speaker_ranges, m.first, m.end))
            .find_map(|m| {
                let a = inp.actor(m)?;
                let top = inp.actors.top(&a.id).unwrap_or(a);
                // A party, the state outlet of one ("Syrian state television"), or a
                // person who leads one ("Assad has denied previous accusations of
                // using chemical weapons").
                let state_media = a.kind == ActorKind::Media && is_party(top) && top.id != a.id;
                let leader = a.kind == ActorKind::Person && is_party(top) && top.id != a.id;
                if !(is_party(a) || state_media || leader) {
                    return None;
                }
                let mut mention = inp.actors.to_mention(&to_match(m), w.text);
                mention.name = top.name.clone();
                mention.kind = top.kind.entity_kind();
                Some(mention)
            });
    }

    // "it was unclear whether the strikes were carried out by Syrian government or
    // Russian warplanes": a sentence that leaves the actor open names none. "airstrikes
    // have targeted five neighbourhoods after the Syrian regime declared the end of the
    // ceasefire": the subject of a later clause did something else.
    // Civilians, residents and the like are never the actor: "Around 600 civilians fled",
    // "Among the civilians killed" (the gold never names them; they are the displaced or
    // the victims).
    let civilians_entry = actor_index
        .and_then(|i| inp.actors.get(i))
        .is_some_and(|a| a.kind == ActorKind::Civilians);
    if actor.as_ref().is_some_and(|a| {
        let at = w.tok_at_or_after(a.start);
        a.kind == EntityKind::Civilians
            || civilians_entry
            || open_alternative(w, at)
            || bare_alternative(w, inp, at, w.tok_at_or_after(a.end))
            || later_clause_subject(w, inp, trig_end, at)
    }) {
        actor = None;
        actor_index = None;
    }

    let actor_first = chosen.map(|a| a.first);
    let target = target(w, inp, &candidates, trig_hit, actor_first, actor.as_ref());
    Parties {
        actor,
        actor_index,
        target,
    }
}

/// The actor's words (tokens `at..end`) are the first of two parties joined by a bare
/// "or": "air strikes carried out by Syrian or Russian warplanes killed", "Russian or
/// Syrian regime war planes targeted" name neither. "either X or Y" and a suspicion
/// ("presumed Russian or Syrian airstrikes", "jets believed to be Russian or Syrian")
/// name the first, as the gold does.
fn bare_alternative(w: &Words, inp: &PartyInputs, at: usize, end: usize) -> bool {
    // One adjective only: "Jaysh al-Islam or Islam army" gives a group's second name.
    if end != at + 1 || w.w(end) != "or" || end + 1 >= w.len() {
        return false;
    }
    let second = inp.actor_matches.iter().any(|m| m.first == end + 1)
        || demonym_at(w, inp.actors, end + 1).is_some();
    let qualified = (at.saturating_sub(4)..at).any(|k| {
        matches!(
            w.w(k),
            "either" | "believed" | "presumed" | "suspected" | "thought" | "likely" | "probably"
        )
    });
    second && !qualified
}

/// Token `at` is one of two alternatives the sentence leaves open: after "whether"
/// or "unclear if" / "not know if", with an "or" within eight tokens after it ("it did
/// not know whether Syrian regime or Russian warplanes carried out the strikes").
/// "either Russian or Syrian warplanes" alone is not open: the first is the actor.
fn open_alternative(w: &Words, at: usize) -> bool {
    let opener = (0..at).rev().take(16).any(|k| {
        w.w(k) == "whether"
            || (w.w(k) == "if"
                && k >= 1
                && matches!(
                    w.w(k - 1),
                    "unclear" | "clear" | "know" | "determine" | "sure" | "certain" | "confirm"
                ))
    });
    opener && (at + 1..(at + 9).min(w.len())).any(|k| w.w(k) == "or")
}

/// A name that ends before token `end` stands inside the subject of a passive harm
/// ("The spokesman for Al-Nusra Front his son and 20 other terrorists were killed",
/// "Ahrar al-Shams leader Hassan Abboud was killed", "Terrorists vehicles ... were
/// destroyed") or is the subject of "lost" ("The IS lost 28 fighters"): those hit.
fn in_victims_phrase(w: &Words, inp: &PartyInputs, end: usize) -> bool {
    let limit = (end + 14).min(w.len());
    let mut k = end;
    while k < limit {
        let x = w.w(k);
        // "The IS lost 28 fighters", "Daesh also suffered a heavy death toll".
        if matches!(x, "lost" | "loses" | "suffered" | "suffers") && k <= end + 1 {
            return true;
        }
        if matches!(x, "was" | "were") {
            let mut p = k + 1;
            while matches!(
                w.w(p),
                "also" | "reportedly" | "allegedly" | "later" | "all" | "both" | "completely"
            ) {
                p += 1;
            }
            return harm_word(w, inp, p)
                || matches!(w.w(p), "destroyed" | "eliminated" | "targeted");
        }
        if !(w.is_word(k) || w.is_number(k))
            || matches!(
                x,
                "said"
                    | "says"
                    | "that"
                    | "who"
                    | "which"
                    | "when"
                    | "as"
                    | "after"
                    | "while"
                    | "had"
                    | "has"
                    | "have"
                    | "is"
                    | "are"
            )
            || inp.hits.iter().any(|h| h.first == k)
        {
            return false;
        }
        k += 1;
    }
    false
}

/// The name starting at token `first` is the object of an attack verb: "IS has
/// regularly targeted rebel factions with bomb attacks" (the factions were hit).
fn object_of_attack_verb(w: &Words, inp: &PartyInputs, first: usize) -> bool {
    let mut k = first;
    if k >= 1 && matches!(w.w(k - 1), "the" | "a" | "an") {
        k -= 1;
    }
    k >= 1
        && inp
            .hits
            .iter()
            .any(|h| h.end == k && verb_trigger(w, h) && w.w(h.end - 1).ends_with("ed"))
}

/// Token `at` begins the subject of a clause that opens after the trigger and tells
/// of something else: "after the Syrian regime declared the end of the ceasefire",
/// "hours after the regime announced a truce", "as the Syrian armed forces declared".
/// After "after", "before", "until", "since" or "despite" any verb but an attack or a
/// killing ("killed when Islamic State group jihadists attacked a town", "after IS
/// killed 270 guards" keep their attackers); after "as", "when" or "while" only a
/// declaration ("as the regime stepped up its campaign" is the cause).
fn later_clause_subject(w: &Words, inp: &PartyInputs, trig_end: usize, at: usize) -> bool {
    if at < trig_end {
        return false;
    }
    let Some(opener) = (at.saturating_sub(3).max(trig_end)..at).find(|&k| {
        matches!(
            w.w(k),
            "after" | "as" | "when" | "since" | "while" | "before" | "until" | "despite"
        ) && (k + 1..at).all(|j| matches!(w.w(j), "the" | "a" | "an" | "its" | "their"))
    }) else {
        return false;
    };
    let Some(m) = inp.actor_matches.iter().find(|m| m.first == at) else {
        return false;
    };
    // Its verb: within the first words after the name (over a head noun and an
    // auxiliary).
    let mut verb = m.end..(m.end + 4).min(w.len());
    if matches!(w.w(opener), "as" | "when" | "while") {
        return verb.clone().any(|k| {
            matches!(
                w.w(k),
                "declared" | "announced" | "said" | "agreed" | "signed" | "called"
            )
        });
    }
    !verb.any(|k| {
        inp.hits
            .iter()
            .any(|h| h.first == k && h.event_type != EventType::Death)
            || harm_word(w, inp, k)
    })
}

/// The party an accusation construction names as the one who acted, or the party
/// claiming an attack ("IS claimed an October 2 bomb attack").
fn accused<'a>(w: &Words, inp: &'a PartyInputs) -> Option<&'a ActorTok> {
    let party_at = |from: usize, to: usize| {
        inp.actor_matches
            .iter()
            .find(|m| m.first >= from && m.first <= to && !inp.modifier(w, m))
    };
    let followed_by =
        |m: &ActorTok, word: &str| (m.end..(m.end + 6).min(w.len())).any(|k| w.w(k) == word);
    // Every verb below is a party word: the other tokens are skipped before their
    // text is read.
    (0..w.len())
        .filter(|&v| w.has(v, class::PARTY_WORD))
        .find_map(|v| match w.w(v) {
            // "accused the so-called \"White Helmets\" of".
            // "The Syrian regime has been accused of dropping": the subject of the passive.
            // "Russia was on Monday accused of", "Turkey itself stands accused of": a
            // time phrase may follow the auxiliary, a reflexive precede it.
            "accused"
                if passive_aux_before(w, v).is_some_and(|q| {
                    matches!(
                        w.w(q),
                        "been" | "was" | "were" | "is" | "are" | "stands" | "stood" | "stand"
                    )
                }) =>
            {
                let mut end = passive_aux_before(w, v).unwrap_or(v - 1);
                while end > 0
                    && matches!(
                        w.w(end - 1),
                        "been"
                            | "has"
                            | "have"
                            | "had"
                            | "also"
                            | "repeatedly"
                            | "widely"
                            | "often"
                            | "itself"
                            | "themselves"
                    )
                {
                    end -= 1;
                }
                (w.w(v + 1) == "of")
                    .then(|| {
                        inp.actor_matches
                            .iter()
                            .find(|m| m.end == end && inp.actor(m).is_some_and(is_party))
                    })
                    .flatten()
            }
            // "accused by Washington of": the accuser, not the accused.
            "accused" if w.w(v + 1) == "by" => None,
            // "staged the scene in order to accuse the army of": an accusation aimed
            // at, not made.
            "accuse" if v >= 1 && w.w(v - 1) == "to" => None,
            // "has denied using chemical weapons, accusing the rebels of deploying it":
            // the denial is the sentence's act, its denier the actor.
            "accusing" | "blaming" if inp.denied && v >= 1 && w.w(v - 1) != "for" => None,
            "accused" | "accuses" | "accusing" | "accuse" => {
                party_at(v + 1, v + 5).filter(|m| followed_by(m, "of"))
            }
            "blamed" | "blames" | "blaming" | "blame" => {
                // "blamed the attack squarely on X".
                match (v + 1..(v + 6).min(w.len())).find(|&k| w.w(k) == "on") {
                    Some(on) => party_at(on + 1, on + 4),
                    // "Kurdish officials blame rebel factions": with no act named, the
                    // accusation's object is its party.
                    None => party_at(v + 1, v + 3).filter(|m| {
                        followed_by(m, "for")
                            || (inp.event_type == EventType::Accusation && !inp.denied)
                    }),
                }
            }
            // "saying Assads forces were responsible".
            "responsible" if v >= 1 && matches!(w.w(v - 1), "was" | "were" | "is" | "are") => inp
                .actor_matches
                .iter()
                .find(|m| m.end + 1 == v && inp.actor(m).is_some_and(is_party)),
            "holding" | "held" | "hold" | "holds" => party_at(v + 1, v + 3)
                .filter(|m| matches!(w.w(m.end), "responsible" | "accountable")),
            "claimed" | "claims" | "claiming" => {
                // The claimer: right before the verb, over "also", "has".
                let mut end = v;
                while end > 0 && matches!(w.w(end - 1), "also" | "has" | "have" | "had" | "later") {
                    end -= 1;
                }
                // "the Takfiri ISIL group claimed": over the name's head noun too.
                let claimer = inp.actor_matches.iter().find(|m| {
                    (m.end == end
                        || (m.end + 1 == end
                            && matches!(
                                w.w(m.end),
                                "group"
                                    | "organisation"
                                    | "organization"
                                    | "militants"
                                    | "terrorists"
                                    | "fighters"
                                    | "movement"
                            )))
                        && inp.actor(m).is_some_and(is_party)
                })?;
                let responsibility = w.w(v + 1) == "responsibility";
                let attack = inp.hits.iter().any(|h| {
                    h.first > v
                        && h.first <= v + 8
                        && (v + 1..h.first).all(|k| {
                            (w.is_word(k) || w.is_number(k)) && !matches!(w.w(k), "that" | "to")
                        })
                });
                (responsibility || attack).then_some(claimer)
            }
            _ => None,
        })
}

/// The party at token `first` opens a relative clause that describes a place ("the zone
/// Ankara carved out", "the area the regime controlled"): it names no act of the event.
fn after_place_noun(w: &Words, first: usize) -> bool {
    let at = w.with_the(first);
    at >= 1
        && (crate::frame::PLACE_NOUNS.contains(&w.w(at - 1))
            || matches!(w.w(at - 1), "zone" | "zones" | "territory"))
}

/// The auxiliary before the passive participle at token `v`, over a time phrase
/// between them ("was on Monday accused"): its token.
fn passive_aux_before(w: &Words, v: usize) -> Option<usize> {
    let mut q = v;
    while q > 0 && v - q < 3 && w.w(q - 1) != "that" && time_word(w.w(q - 1)) {
        q -= 1;
    }
    q.checked_sub(1)
}

/// Rule 6: "its aircraft", "three of its fighters", "it has bombed", "the group", "the
/// army": the first one of the sentence (up to the trigger) that resolves.
/// A word between "the" and "group" that keeps the phrase a description of the
/// article's group: "the terror group", "the militant group".
fn group_qualifier(x: &str) -> bool {
    matches!(
        x,
        "terror"
            | "terrorist"
            | "militant"
            | "jihadist"
            | "jihadi"
            | "extremist"
            | "islamist"
            | "radical"
            | "armed"
            | "insurgent"
    )
}

fn description(
    w: &Words,
    inp: &PartyInputs,
    candidates: &[&ActorTok],
    trig_hit: Option<&Hit>,
) -> Option<EntityMention> {
    let (trig_first, trig_end) = inp.trigger;
    // The speaker's own party: "Amaq said its fighters" → Islamic State.
    let speaker_party = || {
        inp.actor_matches
            .iter()
            .filter(|m| in_ranges(&inp.found.speaker_ranges, m.first, m.end))
            .find_map(|m| {
                let a = inp.actor(m)?;
                let top = inp.actors.top(&a.id).unwrap_or(a);
                (is_party(a) || is_party(top)).then_some(top)
            })
    };
    let remembered = |keep: &dyn Fn(&Actor) -> bool| {
        [inp.memory.actor, inp.memory.group, inp.memory.state]
            .into_iter()
            .flatten()
            .filter_map(|i| inp.actors.get(i))
            .find(|a| keep(a))
    };
    let mut found: Vec<(usize, usize, &Actor)> = Vec::new();
    // "the coalition said its raids ... killed at least 220 civilians": the owner of the
    // attack the trigger names.
    let possessed_attack = (trig_first >= 1
        && matches!(w.w(trig_first - 1), "its" | "their")
        && !in_ranges(&inp.found.speaker_ranges, trig_first - 1, trig_first)
        && trig_hit.is_some_and(|h| {
            !verb_trigger(w, h)
                && !h.act
                && !matches!(h.event_type, EventType::Death | EventType::Displacement)
        }))
    .then(|| (trig_first - 1, trig_first))
    // Only the speaker's own: "Russia has not acknowledged any civilian deaths from its
    // strikes" names no incident.
    .filter(|_| {
        speaker_party().is_some()
            && !(trig_first.saturating_sub(4)..trig_first)
                .any(|k| matches!(w.w(k), "whether" | "if"))
            && !(0..trig_first).any(|k| matches!(w.w(k), "not" | "never" | "any"))
    });
    if let Some((a, b)) =
        possessed_forces(w, inp, trig_end.max(trig_first + 1)).or(possessed_attack)
    {
        let owner = speaker_party()
            .or_else(|| {
                candidates
                    .iter()
                    .filter(|m| m.end <= a)
                    .find_map(|m| inp.actor(m).filter(|x| is_party(x)))
            })
            .or_else(|| remembered(&|x| is_party(x)));
        if let Some(owner) = owner {
            found.push((a, b, force_of(inp.actors, owner)));
        }
    }
    // "it has bombed", "they shelled": a pronoun subject of the trigger verb; also of a
    // light verb before a trigger noun ("it had conducted nine airstrikes").
    let mut s = trig_first;
    let mut light = false;
    if let Some(v) = light_verb_before(w, trig_first) {
        s = v;
        light = true;
    }
    while s > 0
        && matches!(
            w.w(s - 1),
            "has" | "have" | "had" | "also" | "then" | "reportedly" | "allegedly"
        )
    {
        s -= 1;
    }
    let verb = light || trig_hit.is_some_and(|h| verb_trigger(w, h));
    // "she had killed 100 ISIS fighters" after "Kurdish fighter Rehana": the party of the
    // last person the article named as a member of one.
    if verb && s > 0 && matches!(w.w(s - 1), "she" | "he") {
        if let Some(party) = inp.memory.person.and_then(|i| inp.actors.get(i)) {
            found.push((s - 1, s, party));
        }
    }
    if verb && s > 0 && matches!(w.w(s - 1), "it" | "they") {
        let sentence_party = inp
            .actor_matches
            .iter()
            .filter(|m| m.end < s && !in_ranges(&inp.found.speaker_ranges, m.first, m.end))
            .filter(|m| !w.is_possessive(m.end - 1) && !inp.after_target_prep(w, m.first))
            .find_map(|m| inp.actor(m).filter(|x| is_party(x) && !x.generic));
        // "X said they had encircled": right after the reporting verb, the pronoun is
        // the speaker.
        // "The US-led coalition reported earlier on Friday it had conducted": a time
        // phrase may stand between the verb and the pronoun.
        let mut v = s.saturating_sub(2);
        while v > 0 && v + 6 > s && time_word(w.w(v)) {
            v -= 1;
        }
        let speaker = (s >= 2
            && matches!(
                w.w(v),
                "said" | "says" | "announced" | "reported" | "claimed" | "stated" | "confirmed"
            ))
        .then(speaker_party)
        .flatten();
        if let Some(who) = speaker
            .or(sentence_party)
            .or_else(|| remembered(&|x| is_party(x) && !x.generic))
        {
            found.push((s - 1, s, who));
        }
    }
    // "The Sawaiq al-Rahman brigade announced that it had killed six Nusra fighters",
    // "the Israeli army said it targeted positions": a party speaking of its own act,
    // whatever word the trigger is.
    if found.is_empty() {
        if let Some(p) = own_act_pronoun(w) {
            if let Some(who) = speaker_party() {
                found.push((p, p + 1, who));
            }
        }
    }
    // "ISIS militants claimed to have captured Rehana and killed her": a party that
    // says it has done the act, or whose video shows it, is its actor, though it is the
    // sentence's speaker.
    if found.is_empty() {
        if let Some(m) = inp.actor_matches.iter().find(|m| {
            in_ranges(&inp.found.speaker_ranges, m.first, m.end)
                && (claims_to_have_done(w, m.end)
                    || claims_to_do(w, inp, m.end)
                    // "ISIS Video Shows Execution of ...": the party whose video or
                    // footage speaks.
                    || matches!(
                        w.w(m.end),
                        "video" | "videos" | "footage" | "recording" | "photos" | "pictures"
                    ))
        }) {
            if let Some(a) = inp.actor(m) {
                let top = inp.actors.top(&a.id).unwrap_or(a);
                if is_party(a) || is_party(top) {
                    found.push((m.first, m.end, top));
                }
            }
        }
    }
    // "the group", "the army", "the military" before the trigger, or after it as the
    // subject of a clause ("denied that the army had targeted").
    for k in 1..w.len() {
        if !w.has(k, class::PARTY_WORD) {
            continue;
        }
        // "the air force": one description of two words.
        let air_force = w.w(k) == "force" && k >= 2 && w.w(k - 1) == "air";
        let first = if air_force { k - 1 } else { k };
        if w.w(k) == "force" && !air_force {
            continue;
        }
        // "the terror group": one qualifier may stand between (a group only).
        let det = if w.w(first - 1) == "the" {
            first - 1
        } else if first >= 2
            && w.w(first - 2) == "the"
            && group_qualifier(w.w(first - 1))
            && matches!(w.w(k), "group" | "organisation" | "organization")
        {
            first - 2
        } else {
            continue;
        };
        if in_ranges(&inp.found.speaker_ranges, det, k + 1) {
            continue;
        }
        // "The Organisation for the Prohibition of Chemical Weapons", "the Islamic State
        // group": a word of a name the table knows is that name's, not a description.
        if inp.actor_matches.iter().any(|m| m.first <= k && k < m.end) {
            continue;
        }
        let (k, end) = (first, k + 1);
        let word = if air_force { "air force" } else { w.w(k) };
        // After the trigger only as a subject ("denied that the army had targeted") or
        // as the other side of fighting ("killed in clashes with the army").
        let other_side = k >= 2
            && w.w(k - 2) == "with"
            && trig_hit.is_some_and(|h| fighting_noun(w.w(h.first)) && h.end + 1 == k - 1);
        // "Foley was beheaded by the terror group": the agent of the act.
        let agent = det >= 1 && w.w(det - 1) == "by" && by_attached(w, inp, det - 1);
        if k >= trig_first && !acts_after(w, end) && !other_side && !agent {
            continue;
        }
        // "leading members of the group": the group's members were hit.
        if det >= 1
            && w.w(det - 1) == "of"
            && matches!(word, "group" | "organisation" | "organization")
        {
            continue;
        }
        let who = match word {
            "group" | "organisation" | "organization" => {
                remembered(&|x| x.kind == ActorKind::ArmedGroup && !government_side(x))
            }
            // The state the speaker of the sentence speaks for, else the article's.
            // "the planes fired missiles": the air force of the state the speaker speaks
            // for or the article named.
            "army" | "military" | "planes" | "jets" | "warplanes" | "aircraft" | "aircrafts"
            | "helicopters" | "air force" => speaker_party()
                .filter(|x| x.kind == ActorKind::State)
                .or_else(|| {
                    remembered(&|x| matches!(x.kind, ActorKind::StateForce | ActorKind::State))
                })
                .map(|x| {
                    let force = force_of(inp.actors, inp.actors.top(&x.id).unwrap_or(x));
                    match word {
                        "army" | "military" => force,
                        _ => air_force_of(inp.actors, force),
                    }
                }),
            // "the government had sent reinforcements": the speaker's state, else the
            // state the article named last.
            "government" => speaker_party()
                .filter(|x| x.kind == ActorKind::State)
                .or_else(|| {
                    remembered(&|x| matches!(x.kind, ActorKind::StateForce | ActorKind::State))
                })
                .map(|x| inp.actors.top(&x.id).unwrap_or(x)),
            _ => None,
        };
        if let Some(who) = who {
            if !inp.after_target_prep(w, det) && !passive_after(w, inp, end) {
                found.push((det, end, who));
            }
        }
    }
    found
        .into_iter()
        .min_by_key(|&(a, _, _)| a)
        .map(|(a, b, who)| resolved_mention(w, a, b, who))
}

/// "troops fighting in the Qalamun region seized the town", "Residents said security
/// forces and snipers had fired on crowds": forces the sentence does not name, as the
/// subject of the trigger, are the forces of the state the speaker or the article
/// named (as [`army_phrase`]); not after a name ("Turkish troops" is in the table).
fn unnamed_forces(w: &Words, inp: &PartyInputs, trig_first: usize) -> Option<EntityMention> {
    let k = (0..trig_first).find(|&k| {
        w.has(k, class::PARTY_CUE)
            && (w.w(k) == "troops" || w.w(k) == "security" && w.w(k + 1) == "forces")
    })?;
    let end = if w.w(k) == "troops" { k + 1 } else { k + 2 };
    let start = if k >= 1 && w.w(k - 1) == "the" {
        k - 1
    } else {
        k
    };
    // "Turkish troops", "Assad troops"; not "Earlier Wednesday troops" (a weekday is
    // one of the capitalised words that are no name, `class::NOT_NAME`).
    if start == k
        && k >= 1
        && (w.cap(k - 1) && !w.has(k - 1, class::NOT_NAME) || w.has(k - 1, class::DEMONYM))
    {
        return None;
    }
    // "killed at least 20 army troops", "50 troops were executed": the victims.
    if in_ranges(&inp.found.speaker_ranges, start, end)
        || in_ranges(inp.counts, k, end)
        || inp.after_target_prep(w, start)
    {
        return None;
    }
    let verb_at = source_aside(w, end);
    let subject = verb_at <= trig_first
        && (trig_first - verb_at <= 2 || acts_after(w, verb_at))
        && !passive_after(w, inp, verb_at);
    if !subject {
        return None;
    }
    Some(resolved_mention(w, start, end, unnamed_state_force(inp)?))
}

/// The force of the state the speaker speaks for, else of the state (or state force)
/// the article named last: whose "army", "troops" or "security forces" a sentence
/// means without naming them.
fn unnamed_state_force<'a>(inp: &'a PartyInputs<'a>) -> Option<&'a Actor> {
    let state = inp
        .actor_matches
        .iter()
        .filter(|m| in_ranges(&inp.found.speaker_ranges, m.first, m.end))
        .find_map(|m| inp.actor(m).filter(|a| a.kind == ActorKind::State))
        .or_else(|| {
            inp.memory
                .state
                .and_then(|i| inp.actors.get(i))
                .filter(|a| matches!(a.kind, ActorKind::StateForce | ActorKind::State))
        })?;
    Some(force_of(
        inp.actors,
        inp.actors.top(&state.id).unwrap_or(state),
    ))
}

/// "An army unit clashed", "The army's air force carried out sorties", "killed in an
/// army operation", "destroyed in army airstrikes": an army the sentence does not name,
/// as the subject right before the trigger or as the instrument of the attack. It is
/// the army (or air force) of the state the speaker speaks for, else of the state the
/// article named last; none when the article named no state.
fn army_phrase(
    w: &Words,
    inp: &PartyInputs,
    trig_first: usize,
    trig_end: usize,
) -> Option<EntityMention> {
    for k in 1..w.len() {
        // Every word looked for below is a cue word: the others are skipped unread.
        if !w.has(k, class::PARTY_CUE) {
            continue;
        }
        // "Another unit eliminated", "while other units destroyed": SANA's next army
        // unit, without the word "army".
        let next_unit =
            matches!(w.w(k), "unit" | "units") && matches!(w.w(k - 1), "another" | "other");
        if !matches!(w.w(k), "army" | "armys") && !next_unit {
            continue;
        }
        let bare = matches!(w.w(k - 1), "in" | "by");
        // "were killed ... by army units which also destroyed": the agent of the passive.
        let agent = w.w(k - 1) == "by"
            && (by_attached(w, inp, k - 1)
                || (1..k - 1)
                    .any(|j| matches!(w.w(j - 1), "was" | "were") && harm_word(w, inp, j)));
        // "SANA reporter said army targeted": SANA's bare "army" after its reporting verb.
        if !bare
            && !next_unit
            && !matches!(w.w(k - 1), "the" | "an" | "a" | "another" | "said" | "that")
        {
            continue;
        }
        // "killed in an army operation": the army is the word, not the operation's article.
        let after_trigger = trig_end < k;
        let start = if bare || after_trigger { k } else { k - 1 };
        // "in a series of army air strikes": the army's air force, the instrument.
        let air_strikes =
            w.w(k + 1) == "air" && matches!(w.w(k + 2), "strikes" | "strike" | "raids");
        let (mut end, mut air) = (k + 1, air_strikes);
        if next_unit {
            // "Another unit": the two words are the phrase.
        } else if matches!(w.w(end), "unit" | "units") {
            end += 1;
        } else if w.w(end) == "air" && w.w(end + 1) == "force" {
            end += 2;
            air = true;
        }
        if in_ranges(&inp.found.speaker_ranges, start, end) || inp.after_target_prep(w, start) {
            continue;
        }
        // Right before the trigger, or acting before it ("An army unit targeted ISIS
        // sites ... killing 71").
        // "An army unit the source also said targeted terrorists": over the aside.
        let verb_at = source_aside(w, end);
        let subject = !bare
            && verb_at <= trig_first
            && (trig_first - verb_at <= 2 || acts_after(w, verb_at))
            && !passive_after(w, inp, verb_at);
        // "in an army operation" after the trigger, "army airstrikes" holding it.
        let instrument = !next_unit
            && end == k + 1
            && (army_instrument(w.w(end)) || air_strikes)
            && (end == trig_first || (after_trigger && matches!(w.w(k - 1), "in" | "by" | "an")));
        if !subject && !instrument && !agent {
            continue;
        }
        let force = unnamed_state_force(inp)?;
        let who = if air {
            air_force_of(inp.actors, force)
        } else {
            force
        };
        return Some(resolved_mention(w, start, end, who));
    }
    None
}

/// The token after an aside between a subject and its verb, "the source (also)
/// said/added" ("An army unit the source also said targeted"), else `k`.
fn source_aside(w: &Words, k: usize) -> usize {
    if w.w(k) != "the" || !matches!(w.w(k + 1), "source" | "sources") {
        return k;
    }
    let mut v = k + 2;
    if w.w(v) == "also" {
        v += 1;
    }
    if matches!(w.w(v), "said" | "added" | "says" | "noted") {
        v + 1
    } else {
        k
    }
}

/// Nouns of an attack an army carries out: "in army airstrikes", "in an army
/// operation".
fn army_instrument(x: &str) -> bool {
    matches!(
        x,
        "operation"
            | "operations"
            | "airstrikes"
            | "airstrike"
            | "strikes"
            | "raids"
            | "shelling"
            | "bombardment"
            | "attack"
            | "attacks"
            | "ambush"
            | "offensive"
    )
}

/// A party followed by token `k` is the subject of a clause: "the army had shelled",
/// "the group fired".
fn acts_after(w: &Words, k: usize) -> bool {
    let next = w.w(k);
    matches!(
        next,
        "had" | "has" | "have" | "was" | "were" | "is" | "are" | "carried" | "fired"
    ) || (next.ends_with("ed") && next.len() > 3)
}

/// Token `k` is a word of harm ("killed", "wounded", "died"; `casualty_nouns.tsv`).
fn harm_word(w: &Words, inp: &PartyInputs, k: usize) -> bool {
    matches!(
        inp.vocab.casualty.word_id(w.id(k)),
        Some(CasualtyWord::Harm(..))
    )
}

/// "were killed", "was targeted", "had been expelled": the party before it is what
/// an act hit, not who acted. `k` is the token after the party's name.
fn passive_after(w: &Words, inp: &PartyInputs, k: usize) -> bool {
    let aux = |x: &str| matches!(x, "was" | "were" | "been" | "being" | "is" | "are");
    let mut k = k;
    // "Syrian opposition groups were killed": the head noun of the party's phrase.
    if w.is_word(k) && !aux(w.w(k)) && !matches!(w.w(k), "had" | "has" | "have") {
        k += 1;
    }
    if matches!(w.w(k), "had" | "has" | "have") {
        k += 1;
    }
    if !aux(w.w(k)) {
        return false;
    }
    let mut p = k + 1;
    // "were said to be killed", "was reported to have been killed".
    if matches!(
        w.w(p),
        "said" | "reported" | "believed" | "thought" | "feared"
    ) && w.w(p + 1) == "to"
        && matches!(w.w(p + 2), "be" | "have")
    {
        p += 3;
    }
    while matches!(
        w.w(p),
        "reportedly" | "allegedly" | "also" | "being" | "been" | "later"
    ) {
        p += 1;
    }
    // "regime forces were attacking the neighbourhood", "Isis fighters were also
    // battling", "Iraqi troops are fighting ISIS militants": a progressive, not a
    // passive. ("have been battling" tells of a war's course: no actor.)
    if w.w(p).ends_with("ing") && progressive(w, p) {
        return false;
    }
    // "is under attack", "were under fire", "are under siege".
    if w.w(p) == "under" && matches!(w.w(p + 1), "attack" | "fire" | "siege" | "bombardment") {
        return true;
    }
    harm_word(w, inp, p)
        || inp.hits.iter().any(|h| h.first == p)
        || matches!(
            w.w(p),
            "targeted"
                | "expelled"
                | "driven"
                | "pushed"
                | "defeated"
                | "routed"
                | "ousted"
                | "besieged"
                | "surrounded"
                | "evacuated"
                | "destroyed"
                | "shot"
                | "downed"
                | "hit"
        )
}

/// "Russian air strikes", "government shelling", "rebel shelling": a party named by an
/// adjective (token `k`, before the trigger or leading a coordination), looked up as
/// "<adjective> forces".
fn demonym_at(w: &Words, actors: &Actors, k: usize) -> Option<(EntityMention, usize)> {
    let adj = w.raw(k);
    // "The army attacked the town" is no "army warplanes" (the air force): the army
    // of an article's state is [`army_phrase`]'s.
    if adj.is_empty() || !w.is_word(k) || w.has(k, class::DETERMINER) || w.w(k) == "army" {
        return None;
    }
    // Most words before a trigger start no actor's name: told by folding the word
    // once, not by four lookups.
    if !actors.may_start_name(adj) {
        return None;
    }
    let mut name = String::with_capacity(adj.len() + 10);
    let (index, a) = ["forces", "warplanes", "fighters"]
        .iter()
        .find_map(|noun| {
            name.clear();
            name.push_str(adj);
            name.push(' ');
            name.push_str(noun);
            actors.index_by_name(&name)
        })
        .or_else(|| actors.index_by_name(adj))?;
    Some((word_mention(w, k, a), index))
}

/// Token `k` as a mention of actor `a`: "Russian" for the Russian Armed Forces.
fn word_mention(w: &Words, k: usize, a: &Actor) -> EntityMention {
    let t = w.toks[k];
    EntityMention {
        name: a.name.clone(),
        kind: a.kind.entity_kind(),
        text: w.raw(k).to_string(),
        start: t.start,
        end: t.end,
    }
}

/// Words that qualify an attack between the party adjective and the attack noun:
/// "Israeli *overnight* air raids", "rebel *rocket* attacks", "government *barrel bomb*
/// attacks".
fn attack_qualifier(x: &str) -> bool {
    matches!(
        x,
        "overnight"
            | "new"
            | "fresh"
            | "renewed"
            | "heavy"
            | "intense"
            | "intensive"
            | "deadly"
            | "repeated"
            | "continued"
            | "continuing"
            | "ongoing"
            | "latest"
            | "suspected"
            | "alleged"
            | "likely"
            | "probable"
            | "apparent"
            | "massive"
            | "indiscriminate"
            | "rocket"
            | "rockets"
            | "rocketry"
            | "mortar"
            | "artillery"
            | "missile"
            | "tank"
            | "sniper"
            | "barrel"
            | "bomb"
            | "chemical"
            | "gas"
            | "air"
            | "aerial"
    )
}

/// Aircraft as the subject of "were Russian" ([`qualified_adjective`]).
const AIR_NOUNS: &[&str] = &[
    "jets",
    "warplanes",
    "planes",
    "aircraft",
    "helicopters",
    "bombers",
];

/// Nouns of an attack a party adjective can qualify that are not triggers by
/// themselves: "rebel fire", "government siege".
fn adjective_attack_noun(x: &str) -> bool {
    matches!(
        x,
        "fire" | "siege" | "blockade" | "bombardment" | "shelling"
    )
}

/// "Israeli overnight air raids", "killed in rebel fire", "under a devastating
/// government siege": a party named by an adjective before an attack noun (a trigger
/// of the sentence, or "fire", "siege"), over at most two [`attack_qualifier`]s;
/// not after a target preposition ("raids on rebel positions"), not in a speaker's
/// phrase, and not when the attack noun is a passive's subject ("the terrorist attack
/// had been conducted by four suicide bombers"). The party must fight (a state, its
/// forces or an armed group) and be written as an adjective: lower case ("rebel",
/// "government"), a demonym ("Israeli") or an acronym ("US"), not a name ("Damascus").
fn qualified_adjective(w: &Words, inp: &PartyInputs) -> Option<(EntityMention, usize)> {
    // Attack nouns only: "killed", "dead" or "displaced" name no attacker.
    let heads = inp
        .hits
        .iter()
        .filter(|h| {
            matches!(
                h.event_type,
                EventType::Airstrike
                    | EventType::Shelling
                    | EventType::Bombing
                    | EventType::GroundAttack
                    | EventType::ChemicalAttack
                    | EventType::Siege
            )
        })
        .map(|h| (h.first, h.end))
        .chain(
            (1..w.len())
                .filter(|&k| w.has(k, class::PARTY_WORD) && adjective_attack_noun(w.w(k)))
                .map(|k| (k, k + 1)),
        );
    let mut best: Option<(usize, (EntityMention, usize))> = None;
    for (_, head_end) in heads.clone() {
        // "Residents said the jets were Russian": aircraft owned by a predicate demonym,
        // looked up as "Russian jets".
        let aircraft = w.w(head_end - 1);
        if !AIR_NOUNS.contains(&aircraft) || !matches!(w.w(head_end), "were" | "was") {
            continue;
        }
        let mut k = head_end + 1;
        if matches!(
            w.w(k),
            "probably" | "likely" | "apparently" | "all" | "both"
        ) {
            k += 1;
        }
        if !w.cap(k) || (w.is_word(k + 1) && w.w(k + 1) != "and") {
            continue;
        }
        let name = format!("{} {aircraft}", w.raw(k));
        if let Some((index, a)) = inp.actors.index_by_name(&name) {
            return Some((word_mention(w, k, a), index));
        }
    }
    for (head, head_end) in heads {
        // The word before the attack noun, or before one or two qualifiers.
        let mut k = head;
        for _ in 0..3 {
            if k == 0 {
                break;
            }
            k -= 1;
            if attack_qualifier(w.w(k)) {
                continue;
            }
            // Written as an adjective: "rebel", "government"; "Israeli"; "US", "ISIS"; not
            // "Damascus", and not a function word (checked first: the table look-up is
            // the costly part).
            let raw = w.raw(k);
            let adjective = (raw.starts_with(|c: char| c.is_lowercase())
                && !matches!(
                    w.w(k),
                    "in" | "of" | "on" | "and" | "by" | "to" | "from" | "with" | "for" | "at"
                ))
                || w.has(k, class::DEMONYM)
                || raw.len() >= 2 && raw.chars().all(|c| c.is_ascii_uppercase());
            if !adjective
                || best.as_ref().is_some_and(|(at, _)| *at <= k)
                || in_ranges(&inp.found.speaker_ranges, k, k + 1)
                || inp.after_target_prep(w, k)
            {
                break;
            }
            // A party that fights: not "civilians" or a news agency.
            let fights = |m: &EntityMention| {
                matches!(
                    m.kind,
                    EntityKind::State | EntityKind::StateForce | EntityKind::ArmedGroup
                )
            };
            // "the terrorist attack had been conducted by four suicide bombers": the agent
            // of the passive is the attacker, not the adjective.
            if let Some(found) = demonym_at(w, inp.actors, k).filter(|(m, _)| fights(m)) {
                if !passive_after(w, inp, head_end) && !agent_follows(w, head_end) {
                    best = Some((k, found));
                }
            }
            break;
        }
    }
    best.map(|(_, found)| found)
}

/// "had been conducted by", "was carried out by": a passive at token `k` whose agent
/// follows within three words.
fn agent_follows(w: &Words, k: usize) -> bool {
    let mut p = k;
    if matches!(w.w(p), "had" | "has" | "have") {
        p += 1;
    }
    if !matches!(w.w(p), "was" | "were" | "been" | "is" | "are" | "being") {
        return false;
    }
    p += 1;
    if w.w(p) == "been" {
        p += 1;
    }
    (p..p + 3).any(|q| w.w(q) == "by")
}

/// Facility nouns as a target: "a market", "the Latamneh hospital". A facility only
/// near the event ("near a checkpoint", "close to") is where it happened, not what it
/// hit; "the centre of the city" is a location.
fn facility_phrase(w: &Words, from: usize) -> Option<(usize, usize)> {
    for i in from..w.len() {
        if w.has(i, class::FACILITY)
            && !(matches!(w.w(i), "centre" | "center") && w.w(i + 1) == "of")
        {
            let mut a = i;
            while a > from && a + 4 > i {
                let x = w.w(a - 1);
                if w.has(a - 1, class::DETERMINER) {
                    a -= 1;
                    break;
                }
                if !w.is_word(a - 1)
                    || matches!(
                        x,
                        "on" | "in"
                            | "at"
                            | "and"
                            | "of"
                            | "targeted"
                            | "hit"
                            | "struck"
                            | "outside"
                            | "near"
                            | "to"
                    )
                {
                    break;
                }
                a -= 1;
            }
            let before = a.checked_sub(1).map(|k| w.w(k)).unwrap_or("");
            if before == "near" || (before == "to" && a >= 2 && w.w(a - 2) == "close") {
                continue;
            }
            return Some((a, i + 1));
        }
        // A word is never a comma: most tokens are told by their kind, unread.
        if !w.is_word(i) && matches!(w.w(i), "," | ";") {
            return None;
        }
    }
    None
}

/// The noun phrase ending right before token `end` (a trailing comma of an apposition
/// skipped): a determiner and up to four words ("the Latamneh hospital", "The
/// anti-Semitic attacker"), else a run of names ("Abdelke and Adnan al-Dibs").
fn phrase_before(w: &Words, end: usize) -> Option<(usize, usize)> {
    let end = if end > 0 && w.w(end - 1) == "," {
        end - 1
    } else {
        end
    };
    let name = |k: usize| w.is_word(k) && (w.cap(k) || w.w(k).starts_with("al-"));
    let mut a = end;
    while a > 0 && end - a < 5 {
        let k = a - 1;
        if w.has(k, class::DETERMINER) {
            return Some((k, end));
        }
        let x = w.w(k);
        if !(w.is_word(k) || w.is_number(k))
            || x.ends_with("ly")
            || matches!(
                x,
                "of" | "in"
                    | "on"
                    | "at"
                    | "by"
                    | "that"
                    | "which"
                    | "who"
                    | "and"
                    | "or"
                    | "he"
                    | "she"
                    | "it"
                    | "they"
                    | "we"
            )
        {
            break;
        }
        a = k;
    }
    let mut a = end;
    while a > 0 && end - a < 6 {
        let k = a - 1;
        if name(k) || (w.w(k) == "and" && a < end && name(a) && k > 0 && name(k - 1)) {
            a = k;
        } else {
            break;
        }
    }
    (a < end && !not_a_name(w, a)).then_some((a, end))
}

/// The noun phrase starting at `start` that a trigger verb takes as object: up to the
/// first preposition, comma or verb, ending in a name, a person, a place noun or a
/// facility ("kidnapped Iraqi Christian priest Diaa Aziz", "attacked a mainly Kurdish
/// town").
fn object_phrase(w: &Words, vocab: &Vocab, start: usize) -> Option<(usize, usize)> {
    let mut k = start;
    let mut head = None;
    while k < w.len() && k < start + 8 {
        let x = w.w(k);
        if !(w.is_word(k) || w.is_number(k))
            || matches!(
                x,
                "was"
                    | "were"
                    | "is"
                    | "are"
                    | "has"
                    | "have"
                    | "had"
                    | "in"
                    | "on"
                    | "at"
                    | "from"
                    | "for"
                    | "after"
                    | "with"
                    | "to"
                    | "near"
                    | "who"
                    | "which"
                    | "that"
                    | "while"
                    | "as"
                    | "by"
                    | "during"
                    | "since"
                    | "into"
                    | "of"
                    | "killing"
                    | "wounding"
            )
        {
            break;
        }
        if x == "and" && !(w.cap(k + 1) || w.has(k + 1, class::DETERMINER)) {
            break;
        }
        if w.cap(k)
            || w.has(k, class::PLACE_NOUN)
            || w.has(k, class::FACILITY)
            || person_head(w, vocab, k)
        {
            head = Some(k + 1);
        }
        k += 1;
    }
    head.map(|e| (start, e))
}

/// The target, in order: the subject of a passive trigger ("the Latamneh hospital was
/// targeted", "Abdelke and Adnan al-Dibs were arrested"); a party after the trigger
/// governed by "on", "against", "targeting", "at" or by "of" after the trigger
/// ("shelling of"); a facility the event hit; the object of a trigger verb
/// ("kidnapped Iraqi Christian priest Diaa Aziz", "attacked a mainly Kurdish town");
/// a party counted among the victims ("120 ISIS fighters were killed").
fn target(
    w: &Words,
    inp: &PartyInputs,
    candidates: &[&ActorTok],
    trig_hit: Option<&Hit>,
    actor_first: Option<usize>,
    actor: Option<&EntityMention>,
) -> Option<EntityMention> {
    let (trig_first, trig_end) = inp.trigger;
    let overlaps_actor = |a: usize, b: usize| {
        let span = w.span_of(a, b);
        actor.is_some_and(|m| m.start < span.end && span.start < m.end)
    };
    let not_actor = |m: &ActorTok| Some(m.first) != actor_first && !overlaps_actor(m.first, m.end);
    let mention = |a: usize, b: usize| -> Option<EntityMention> {
        match inp
            .actor_matches
            .iter()
            .find(|m| m.first == a && m.end == b)
        {
            Some(m) => Some(inp.actors.to_mention(&to_match(m), w.text)),
            None => {
                let (a, b) = target_words(w, a, b)?;
                Some(words_mention(w, a, b, EntityKind::Other))
            }
        }
    };
    // The subject of the first passive act: "X was targeted", "X were arrested", "X
    // has been sentenced".
    let passive = (1..w.len()).find_map(|p| {
        if !w.has(p, class::PARTY_WORD) && !inp.hits.iter().any(|h| h.first == p) {
            return None;
        }
        let act = inp.hits.iter().any(|h| h.first == p && verb_trigger(w, h))
            || matches!(w.w(p), "targeted" | "sentenced" | "hit");
        if !act {
            return None;
        }
        let mut aux = p;
        while aux > 0
            && matches!(
                w.w(aux - 1),
                "reportedly" | "allegedly" | "also" | "later" | "been" | "being"
            )
        {
            aux -= 1;
        }
        let mut subject_end = aux.checked_sub(1)?;
        if !matches!(
            w.w(subject_end),
            "was" | "were" | "is" | "are" | "has" | "have" | "had"
        ) {
            return None;
        }
        if matches!(w.w(subject_end), "has" | "have" | "had") && w.w(subject_end + 1) != "been" {
            return None;
        }
        if subject_end > 0 && matches!(w.w(subject_end - 1), "has" | "have" | "had") {
            subject_end -= 1;
        }
        let (mut a, b) = phrase_before(w, subject_end)?;
        // "the Nusra Front in Syria Imad al-Hamad was killed" (commas lost): the place
        // opening the phrase belongs to the clause before; "the commander in Lattakia
        // was killed": a phrase ending in a place is no target ("the Latamneh hospital
        // was targeted" is).
        if let Some(p) = inp.place_matches.iter().find(|p| p.first == a) {
            a = p.end;
        }
        if a >= b || inp.place_matches.iter().any(|p| p.first < b && p.end >= b) {
            return None;
        }
        // "the shells were fired": the weapon, not what it hit.
        let weapon = inp.hits.iter().any(|h| h.first < b && a < h.end);
        (!weapon
            && !in_ranges(&inp.found.speaker_ranges, a, b)
            && !in_ranges(inp.counts, a, b)
            && !overlaps_actor(a, b))
        .then_some((a, b))
    });
    if let Some(m) = passive.and_then(|(a, b)| mention(a, b)) {
        return Some(m);
    }
    let strict_prep = |m: &ActorTok| {
        let p = m.first.checked_sub(1).map(|k| w.w(k)).unwrap_or("");
        let p2 = m.first.checked_sub(2).map(|k| w.w(k)).unwrap_or("");
        let at = |x: &str| matches!(x, "on" | "against" | "targeting" | "at");
        at(p)
            || (at(p2) && m.first >= 2 && np_filler(w, m.first - 1))
            || (p == "of"
                && (inp.hits.iter().any(|h| h.end + 1 == m.first)
                    || m.first
                        .checked_sub(2)
                        .is_some_and(|k| w.has(k, class::FACILITY))))
            || (p2 == "of"
                && np_filler(w, m.first - 1)
                && (inp.hits.iter().any(|h| h.end + 2 == m.first)
                    || m.first >= 3 && w.has(m.first - 3, class::FACILITY)))
    };
    if let Some(m) = candidates
        .iter()
        .find(|m| m.first > trig_first && not_actor(m) && strict_prep(m))
    {
        return Some(inp.actors.to_mention(&to_match(m), w.text));
    }
    // A death without a named cause hit the facility the sentence places it in:
    // "Monday's massacre in the vegetable market ... killed 41".
    let from = match trig_hit {
        Some(h) if h.event_type == EventType::Death => 0,
        _ => trig_first,
    };
    // Not a speaker ("These same rebel-controlled facilities reported").
    if let Some((a, b)) = facility_phrase(w, from)
        .and_then(|(a, b)| target_words(w, a, b))
        .filter(|&(a, b)| !in_ranges(&inp.found.speaker_ranges, a, b))
    {
        return Some(words_mention(w, a, b, EntityKind::Other));
    }
    // The object of a trigger verb, or of "shelling of": a town, an area, a person.
    let verb = trig_hit.is_some_and(|h| {
        if w.w(h.first).ends_with("ing") {
            progressive(w, h.first)
        } else {
            verb_trigger(w, h)
        }
    });
    let start = if verb {
        Some(trig_end)
    } else if matches!(w.w(trig_end), "of" | "on") && w.has(trig_end + 1, class::DETERMINER) {
        Some(trig_end + 1)
    } else {
        None
    };
    if let Some((a, b)) = start.and_then(|s| object_phrase(w, inp.vocab, s)) {
        // "the town of Jayrud" is the place, not a target; a count is the victims.
        let place = inp.place_matches.iter().any(|p| p.first < b && a < p.end) || w.w(b) == "of";
        // Executions and arrests act on people: their counted victims are the target.
        // (Hits start at distinct tokens: the trigger's is the one starting there.)
        let on_people = trig_hit
            .is_some_and(|h| matches!(h.event_type, EventType::Execution | EventType::Arrest));
        let counted = in_ranges(inp.counts, a, b) && !on_people;
        let speaker = in_ranges(&inp.found.speaker_ranges, a, b);
        // "were killed Monday", "struck yesterday": a time, not what was hit.
        let time = time_word(w.w(a)) || (w.cap(a) && w.has(a, class::NOT_NAME));
        if !place && !counted && !speaker && !time && !overlaps_actor(a, b) {
            if let Some(m) = mention(a, b) {
                return Some(m);
            }
        }
    }
    // A party among the victims: "Some 120 ISIS fighters ... were killed".
    inp.actor_matches
        .iter()
        .find(|m| {
            in_ranges(inp.counts, m.first, m.end)
                && not_actor(m)
                && inp.actor(m).is_some_and(|a| is_party(a) && !a.generic)
        })
        .map(|m| inp.actors.to_mention(&to_match(m), w.text))
}

/// The words of a target phrase the table does not know, cleaned: no preposition
/// opening it ("from Deir Ezzor military airport"), nothing from a month or weekday on
/// ("the embassy compound July 11"); none when it is a clause ("captured several army
/// positions", "establishing control over"), a span of time ("the past week") or a
/// measure ("1200 square kilometres").
fn target_words(w: &Words, mut a: usize, mut b: usize) -> Option<(usize, usize)> {
    while a < b
        && matches!(
            w.w(a),
            "from"
                | "in"
                | "at"
                | "on"
                | "upon"
                | "to"
                | "into"
                | "throughout"
                | "during"
                | "since"
        )
    {
        a += 1;
    }
    if let Some(k) =
        (a + 1..b).find(|&k| w.cap(k) && w.has(k, class::NOT_NAME) && !w.has(k, class::DETERMINER))
    {
        b = k;
    }
    if a >= b || (w.cap(a) && w.has(a, class::NOT_NAME) && !w.has(a, class::DETERMINER)) {
        return None;
    }
    // A verb opening the phrase: "damaging two houses" keeps its object; "including
    // two medics" (the victims), "establishing control over" and "watching for" are
    // no target; "displaced families" is an adjective before its noun.
    let first = w.w(a);
    let ing = first.ends_with("ing")
        && !matches!(
            first,
            "building" | "wedding" | "meeting" | "gathering" | "housing" | "crossing" | "clothing"
        );
    if !w.cap(a) && (ing || first.ends_with("ed")) {
        let object = w.has(a + 1, class::DETERMINER)
            || w.is_number(a + 1)
            || w.has(a + 1, class::NUMBER_WORD)
            || matches!(
                w.w(a + 1),
                "several"
                    | "some"
                    | "many"
                    | "dozens"
                    | "two"
                    | "three"
                    | "four"
                    | "five"
                    | "six"
                    | "seven"
                    | "eight"
                    | "nine"
                    | "ten"
            );
        // "fighting positions", "firing points": a compound noun.
        let compound = !w.cap(a + 1) && a + 1 < b && w.w(a + 1).ends_with('s');
        if first == "including" || (ing && !object && !compound) {
            return None;
        }
        if object {
            a += 1;
        }
    }
    let time = (a..b).any(|k| {
        matches!(
            w.w(k),
            "week" | "weeks" | "month" | "months" | "year" | "years" | "day" | "days"
        )
    }) && matches!(w.w(a), "the" | "last" | "this" | "past");
    let measure = w.is_number(a)
        && matches!(
            w.w(a + 1),
            "square"
                | "km"
                | "kilometres"
                | "kilometers"
                | "miles"
                | "metres"
                | "meters"
                | "hectares"
        );
    (!time && !measure).then_some((a, b))
}

/// "said (that) it had killed", "announced it seized": the pronoun of a speaker's own act
/// right after a reporting verb, followed by an active verb in the past (not "it was").
fn own_act_pronoun(w: &Words) -> Option<usize> {
    (2..w.len()).find(|&p| {
        if !matches!(w.w(p), "it" | "they") {
            return false;
        }
        let mut v = p - 1;
        while v > 0 && v + 5 > p && time_word(w.w(v)) {
            v -= 1;
        }
        if !matches!(
            w.w(v),
            "said" | "says" | "announced" | "reported" | "stated" | "confirmed"
        ) {
            return false;
        }
        let mut a = p + 1;
        if matches!(w.w(a), "has" | "had" | "have") {
            a += 1;
        }
        // "it had critically injured", "they had successfully targeted".
        if w.w(a).ends_with("ly") && w.w(a).len() > 4 {
            a += 1;
        }
        done_act(w, a)
    })
}

/// Token `a` is the verb of a done act: "killed", "shot", "seized" (not "needed",
/// "planned").
fn done_act(w: &Words, a: usize) -> bool {
    let verb = w.w(a);
    w.is_word(a)
        && (verb.ends_with("ed") && verb.len() > 4
            || matches!(
                verb,
                "shot" | "taken" | "took" | "hit" | "struck" | "seized"
            ))
        && !matches!(
            verb,
            "needed" | "wanted" | "called" | "hoped" | "planned" | "believed"
        )
}

/// "claimed to have killed", "say they have captured" right after a speaker's name at
/// token `k`: the speaker reports an act of its own.
fn claims_to_have_done(w: &Words, k: usize) -> bool {
    if !matches!(
        w.w(k),
        "claimed" | "claims" | "claim" | "said" | "says" | "say"
    ) {
        return false;
    }
    if matches!(
        (w.w(k + 1), w.w(k + 2)),
        ("to", "have") | ("they", "have" | "had") | ("it", "has" | "had")
    ) {
        return done_act(w, k + 3);
    }
    // "ISIS claims in a new video released Tuesday to have executed": a phrase of up to
    // seven words, with no clause of its own, may stand before "to have".
    (k + 2..=k + 8)
        .take_while(|&j| w.is_word(j) && !matches!(w.w(j), "that" | "which" | "who"))
        .find(|&j| w.w(j) == "to" && w.w(j + 1) == "have")
        .is_some_and(|j| done_act(w, j + 2))
}

/// "ISIS claims to behead US reporter", "militants claim to kill": a headline's
/// present-tense claim of the act the trigger right after "to" names, after a
/// speaker's name ending before token `k`.
fn claims_to_do(w: &Words, inp: &PartyInputs, k: usize) -> bool {
    matches!(w.w(k), "claims" | "claim" | "claimed")
        && w.w(k + 1) == "to"
        && inp.hits.iter().any(|h| h.first == k + 2)
}

/// Words of a time phrase between a reporting verb and its clause: "reported earlier
/// on Friday it had".
fn time_word(x: &str) -> bool {
    matches!(
        x,
        "earlier" | "later" | "on" | "late" | "today" | "yesterday" | "that"
    ) || x.parse::<chrono::Weekday>().is_ok()
}

/// "conducted nine airstrikes", "carried out a raid": the light verb whose object is
/// the trigger noun at `trig_first`, with up to three words (a count, a determiner, an
/// adjective) between them. Returns the light verb's first token.
fn light_verb_before(w: &Words, trig_first: usize) -> Option<usize> {
    (1..=4).filter(|&d| d <= trig_first).find_map(|d| {
        let v = trig_first - d;
        // "carried out \"significant\" air strikes": quotation marks too.
        let between_ok =
            (v + 1..trig_first).all(|k| w.is_word(k) || w.is_number(k) || w.is_quote(k));
        if !between_ok {
            return None;
        }
        match w.w(v) {
            "conducted" | "launched" | "staged" | "mounted" | "executed" => Some(v),
            "out" if v >= 1 && w.w(v - 1) == "carried" => Some(v - 1),
            _ => None,
        }
    })
}

/// "al-Nusra Front (Qaeda branch in the Levant) terrorists": a gloss in brackets after
/// a party names what the party is, not a second party.
fn in_gloss(w: &Words, matches: &[ActorTok], m: &ActorTok) -> bool {
    (m.first.saturating_sub(4)..m.first).any(|p| {
        w.w(p) == "("
            && !(p + 1..m.first).any(|k| w.w(k) == ")")
            && matches.iter().any(|o| o.end == p)
    })
}
