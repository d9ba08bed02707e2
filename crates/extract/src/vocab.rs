//! The shipped vocabularies (`lexicons/*.tsv` of this crate's own compilation) and a
//! token-phrase matcher over them.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crosscheck_lexicon::{word_hash, word_hash_padded, word_hash_short};
use crosscheck_schema::{CasualtyCategory, EventType, SourceKind};

use crate::words::Words;

const EVENT_TRIGGERS: &str = include_str!("../../../lexicons/event_triggers.tsv");
const REPORTING_VERBS: &str = include_str!("../../../lexicons/reporting_verbs.tsv");
const HEDGES: &str = include_str!("../../../lexicons/hedges.tsv");
const CASUALTY_NOUNS: &str = include_str!("../../../lexicons/casualty_nouns.tsv");
const SOURCE_NOUNS: &str = include_str!("../../../lexicons/source_nouns.tsv");
/// The outlet reputation table (`crates/signals` reads its ratings): here only its
/// domains and names, so that a speaker named like an outlet is a medium.
const OUTLETS: &str = include_str!("../../../lexicons/outlets.tsv");

/// A small multiplicative hasher for short lower-case words: the phrase tables are
/// probed at every token, and SipHash dominated that cost.
#[derive(Default)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type WordMap<V> = HashMap<String, V, BuildHasherDefault<WordHasher>>;

/// Token ids: every word of every vocabulary gets one, so that a sentence's tokens are
/// hashed once and the phrase tables are probed by index.
pub(crate) const UNKNOWN: u32 = u32::MAX;
const ANY: u32 = u32::MAX - 1;

/// Word → id. Built with a hash map, then frozen into a small open-addressing
/// table (16 KiB: it stays in L1) probed with a hash that reads eight bytes at a
/// time: every token of every sentence is looked up, and most are in no
/// vocabulary, which the table answers at the first empty slot.
#[derive(Default)]
pub(crate) struct Interner {
    ids: WordMap<u32>,
    /// `(16 high bits of the hash << 16) | id`, or `EMPTY`.
    slots: Vec<u32>,
    /// The words by id, to confirm a slot.
    words: Vec<Box<str>>,
    /// The words by id as [`short_word`] reads them (0 for longer words): a
    /// probe with a word of up to eight bytes confirms a slot with one compare.
    short: Vec<u64>,
}

/// A word of one to eight bytes as a little-endian integer, zero past its end; 0
/// for a longer word. Two words of one to eight bytes, neither ending in a NUL,
/// are equal exactly when these are (equal integers have their last non-zero
/// byte at the same place, which is where both words end).
#[inline(always)]
fn short_word(word: &[u8]) -> u64 {
    if word.len() > 8 {
        return 0;
    }
    let mut x = [0u8; 8];
    x[..word.len()].copy_from_slice(word);
    u64::from_le_bytes(x)
}

const EMPTY: u32 = u32::MAX;

/// [`word_hash`] finished for a table indexed by its low bits and tagged by its
/// high bits.
#[inline]
fn finish_hash(mut h: u64) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    h ^= h >> 31;
    h.wrapping_mul(K)
}

impl Interner {
    fn intern(&mut self, word: &str) -> u32 {
        if word == "*" {
            return ANY;
        }
        let next = self.ids.len() as u32;
        *self.ids.entry(word.to_string()).or_insert(next)
    }

    /// Builds the lookup table, once every word is interned.
    fn freeze(&mut self) {
        if self.ids.len() >= 0xFFFF {
            // Ids do not fit the slots: lookups stay on the map.
            return;
        }
        let size = (self.ids.len() * 2).next_power_of_two().max(16);
        let mut slots = vec![EMPTY; size];
        let mut words = vec![Box::<str>::from(""); self.ids.len()];
        let mut short = vec![0u64; self.ids.len()];
        for (word, &id) in &self.ids {
            let h = finish_hash(word_hash(word.as_bytes()));
            let mut at = h as usize & (size - 1);
            while slots[at] != EMPTY {
                at = (at + 1) & (size - 1);
            }
            slots[at] = ((h >> 48) as u32) << 16 | id;
            if let Some(w) = words.get_mut(id as usize) {
                *w = word.as_str().into();
            }
            if let Some(x) = short.get_mut(id as usize) {
                *x = short_word(word.as_bytes());
            }
        }
        self.slots = slots;
        self.words = words;
        self.short = short;
    }

    pub fn get(&self, word: &str) -> u32 {
        if self.slots.is_empty() {
            return self.ids.get(word).copied().unwrap_or(UNKNOWN);
        }
        self.probe(finish_hash(word_hash(word.as_bytes())), |id| {
            self.words.get(id as usize).is_some_and(|w| **w == *word)
        })
    }

    /// [`get`](Self::get) for `buf[start..start + len]`, where `buf` holds at
    /// least eight bytes after the word (a padded buffer). A word of up to eight
    /// bytes (most of them) is hashed and confirmed from one load, here; longer
    /// words take [`get_long`](Self::get_long).
    #[inline]
    pub fn get_padded(&self, buf: &str, start: usize, len: usize) -> u32 {
        if (1..=8).contains(&len) && !self.slots.is_empty() {
            if let Some(block) = buf.as_bytes().get(start..start + 8) {
                let mut x = [0u8; 8];
                x.copy_from_slice(block);
                let x = u64::from_le_bytes(x) & (u64::MAX >> (64 - 8 * len));
                // A word ending in a NUL (never a vocabulary word) is looked up
                // as a string, so that [`short_word`] compares are exact.
                if x >> (8 * (len - 1)) != 0 {
                    let h = finish_hash(word_hash_short(x, len));
                    return self.probe(h, |id| self.short.get(id as usize) == Some(&x));
                }
            }
        }
        self.get_long(buf, start, len)
    }

    /// [`get_padded`](Self::get_padded) for the words it does not answer itself:
    /// one of nine to sixteen bytes is hashed from two loads and confirmed
    /// without making a `&str` of it; the others are looked up as strings.
    #[cold]
    #[inline(never)]
    fn get_long(&self, buf: &str, start: usize, len: usize) -> u32 {
        match buf.as_bytes().get(start..start + len + 8) {
            Some(padded) if !self.slots.is_empty() && (9..=16).contains(&len) => {
                let h = finish_hash(word_hash_padded(padded, 0, len));
                let word = &padded[..len];
                self.probe(h, |id| {
                    self.words
                        .get(id as usize)
                        .is_some_and(|w| w.as_bytes() == word)
                })
            }
            _ => buf.get(start..start + len).map_or(UNKNOWN, |w| self.get(w)),
        }
    }

    /// The id in the slot table for hash `h` whose entry `is_word` accepts (tags
    /// compared first), or [`UNKNOWN`] at the first empty slot.
    #[inline(always)]
    fn probe(&self, h: u64, is_word: impl Fn(u32) -> bool) -> u32 {
        let tag = (h >> 48) as u32;
        let mask = self.slots.len() - 1;
        let mut at = h as usize & mask;
        loop {
            let slot = self.slots[at];
            if slot == EMPTY {
                return UNKNOWN;
            }
            if slot >> 16 == tag && is_word(slot & 0xFFFF) {
                return slot & 0xFFFF;
            }
            at = (at + 1) & mask;
        }
    }
}

/// Phrases of one or more lower-case tokens, each with a value, found by the longest
/// phrase starting at a token. `*` in a phrase matches any one token.
pub(crate) struct PhraseSet<T> {
    by_first: Vec<Vec<(Vec<u32>, T)>>,
}

impl<T> PhraseSet<T> {
    fn new(entries: Vec<(String, T)>, interner: &mut Interner) -> PhraseSet<T> {
        let mut by_first: Vec<Vec<(Vec<u32>, T)>> = Vec::new();
        for (phrase, value) in entries {
            let toks: Vec<u32> = phrase.split(' ').map(|t| interner.intern(t)).collect();
            let Some(&first) = toks.first() else { continue };
            if first as usize >= by_first.len() {
                by_first.resize_with(first as usize + 1, Vec::new);
            }
            by_first[first as usize].push((toks, value));
        }
        for list in &mut by_first {
            list.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
        }
        PhraseSet { by_first }
    }

    fn list(&self, id: u32) -> &[(Vec<u32>, T)] {
        self.by_first
            .get(id as usize)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    fn matches(w: &Words, start: usize, toks: &[u32]) -> bool {
        start + toks.len() <= w.len()
            && toks
                .iter()
                .enumerate()
                .skip(1)
                .all(|(k, &t)| t == ANY || w.id(start + k) == t)
    }

    /// The longest phrase starting at token `i`: its length in tokens and value.
    pub fn at(&self, w: &Words, i: usize) -> Option<(usize, &T)> {
        self.list(w.id(i))
            .iter()
            .find(|(toks, _)| Self::matches(w, i, toks))
            .map(|(toks, v)| (toks.len(), v))
    }

    /// A phrase that ends exactly at token `last` (inclusive), longest first.
    pub fn ending_at(&self, w: &Words, last: usize, max_len: usize) -> Option<(usize, &T)> {
        (1..=max_len.min(last + 1)).rev().find_map(|len| {
            let start = last + 1 - len;
            self.list(w.id(start))
                .iter()
                .find(|(toks, _)| toks.len() == len && Self::matches(w, start, toks))
                .map(|(_, v)| (len, v))
        })
    }

    /// The one-word entry with this token id.
    pub fn word_id(&self, id: u32) -> Option<&T> {
        self.list(id)
            .iter()
            .find(|(toks, _)| toks.len() == 1)
            .map(|(_, v)| v)
    }
}

/// Rows of a vocabulary file: `#` lines are comments, the first other line is the header.
fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .skip(1)
        .map(|l| l.split('\t').map(str::trim).collect())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Trigger {
    pub event_type: EventType,
    pub weight: u8,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ReportRole {
    Say,
    Tell,
    According,
    Cite,
    QuotedBy,
    Deny,
    Accuse,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Harm {
    Killed,
    Injured,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Where {
    pub before: bool,
    pub after: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CasualtyWord {
    Harm(Harm, Where),
    Victim(CasualtyCategory),
    /// A singular victim noun: "a pilot".
    Person(CasualtyCategory),
    Object,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SourceWord {
    Head(SourceKind),
    Modifier,
}

pub(crate) fn event_type(s: &str) -> Option<EventType> {
    use EventType::*;
    Some(match s {
        "airstrike" => Airstrike,
        "shelling" => Shelling,
        "bombing" => Bombing,
        "ground_attack" => GroundAttack,
        "execution" => Execution,
        "chemical_attack" => ChemicalAttack,
        "capture" => Capture,
        "siege" => Siege,
        "ceasefire" => Ceasefire,
        "agreement" => Agreement,
        "accusation" => Accusation,
        "death" => Death,
        "arrest" => Arrest,
        "displacement" => Displacement,
        "other" => Other,
        _ => return None,
    })
}

pub(crate) fn category(s: &str) -> Option<CasualtyCategory> {
    use CasualtyCategory::*;
    Some(match s {
        "people" => People,
        "civilians" => Civilians,
        "children" => Children,
        "women" => Women,
        "soldiers" => Soldiers,
        "fighters" => Fighters,
        "militants" => Militants,
        "medics" => Medics,
        "journalists" => Journalists,
        "police" => Police,
        _ => return None,
    })
}

pub(crate) fn source_kind(s: &str) -> Option<SourceKind> {
    use SourceKind::*;
    Some(match s {
        "official" => Official,
        "media" => Media,
        "monitor" => Monitor,
        "armed_group" => ArmedGroup,
        "person" => Person,
        "anonymous" => Anonymous,
        "other" => Other,
        _ => return None,
    })
}

/// Flags of a word id: it is the key word (the longest word) of some phrase of a
/// vocabulary, so a sentence without it cannot hold that phrase. They let the
/// extractor skip the work a sentence cannot need.
pub(crate) mod flag {
    /// A killed or injured casualty phrase, or "toll".
    pub const HARM: u8 = 1;
    /// A reporting phrase (say, according to, deny, accuse, ...).
    pub const REPORT: u8 = 2;
    /// A hedge ("reportedly", "could not be independently verified").
    pub const HEDGE: u8 = 4;
    /// The first word of an event trigger (not the key word: the trigger table is
    /// looked up by first word).
    pub const TRIGGER: u8 = 8;
    /// A singular person noun that can title a name ("journalist", "pilot").
    pub const PERSON: u8 = 16;
    /// A word of a source's description before its verb: its ties ("sources in
    /// contact with", "close to") or the source it runs ("X who runs the
    /// Observatory"): `attribution::Context::speaker_before` looks for those only
    /// in a sentence holding one.
    pub const DESCRIBED_SOURCE: u8 = 32;
    /// "despite", "spite": a trigger after them is conceded (`frame::conceded`).
    pub const CONCESSION: u8 = 64;
}

/// Word classes: the word lists the rules test tokens against, as bits looked up
/// once per token by id (see `Words::has`) instead of string comparisons in the
/// rules' loops. Each list lives next to the rule that uses it; [`class_words`]
/// gathers them.
pub(crate) mod class {
    pub const QUOTE: u32 = 1;
    pub const DETERMINER: u32 = 1 << 1;
    pub const PLACE_NOUN: u32 = 1 << 2;
    /// Capitalised words that are not part of a place name (weekdays, months, ...).
    pub const NOT_NAME: u32 = 1 << 3;
    pub const DEMONYM: u32 = 1 << 4;
    pub const FACILITY: u32 = 1 << 5;
    /// Words a count may start with (number words, range modifiers):
    /// `numbers::count_starts`.
    pub const COUNT_START: u32 = 1 << 6;
    /// "in", "near", "outside", "around": before a place name.
    pub const LOCATIVE: u32 = 1 << 7;
    /// First words of the denial phrases (`frame::DENIAL_PHRASES`).
    pub const DENIAL: u32 = 1 << 8;
    /// "since", "war", "conflict": the count may be a war total.
    pub const WAR_TOTAL: u32 = 1 << 9;
    /// "mondays" ... "sundays": a weekday whose apostrophe was stripped
    /// (`extractor::STRIPPED_WEEKDAYS`).
    pub const WEEKDAY_S: u32 = 1 << 10;
    /// The words the actor and target rules look for (`parties::PARTY_WORDS`).
    pub const PARTY_WORD: u32 = 1 << 11;
    /// Number words and vague quantities (`numbers::number_words`).
    pub const NUMBER_WORD: u32 = 1 << 12;
    /// Words that may mark a background or habitual sentence
    /// (`background::background_words`).
    pub const BACKGROUND: u32 = 1 << 13;
    /// The head words of the actor rules' whole-sentence scans ("army", "bomber",
    /// "believed", ...; `parties::PARTY_CUES`).
    pub const PARTY_CUE: u32 = 1 << 14;
    /// The nouns and verbs a person's own death or wounding starts from
    /// (`frame::HARM_HEADS`).
    pub const HARM_HEAD: u32 = 1 << 15;
    /// Nouns of one member of a party a name may follow ("fighter", "leader";
    /// `parties::MEMBER_NOUNS`).
    pub const MEMBER_NOUN: u32 = 1 << 16;
}

/// Every class with its words: the rules' own tables, so that a class cannot drift
/// from the rule that reads it.
fn class_words() -> impl Iterator<Item = (u32, &'static str)> {
    fn all(c: u32, words: &'static [&'static str]) -> impl Iterator<Item = (u32, &'static str)> {
        words.iter().map(move |&x| (c, x))
    }
    all(class::QUOTE, crate::words::QUOTES)
        .chain(all(class::DETERMINER, crate::words::DETERMINERS))
        .chain(all(class::PLACE_NOUN, crate::frame::PLACE_NOUNS))
        .chain(all(class::NOT_NAME, crate::frame::NOT_NAMES))
        .chain(all(class::DEMONYM, crate::frame::DEMONYMS))
        .chain(all(class::FACILITY, crate::frame::FACILITIES))
        .chain(crate::numbers::count_starts().map(|x| (class::COUNT_START, x)))
        .chain(crate::numbers::number_words().map(|x| (class::NUMBER_WORD, x)))
        .chain(all(class::LOCATIVE, &["in", "near", "outside", "around"]))
        .chain(crate::frame::denial_first_words().map(|x| (class::DENIAL, x)))
        .chain(all(class::WAR_TOTAL, &["since", "war", "conflict"]))
        .chain(all(class::PARTY_WORD, crate::parties::PARTY_WORDS))
        .chain(all(class::PARTY_CUE, crate::parties::PARTY_CUES))
        .chain(all(class::HARM_HEAD, crate::frame::HARM_HEADS))
        .chain(all(class::MEMBER_NOUN, crate::parties::MEMBER_NOUNS))
        .chain(crate::background::background_words().map(|x| (class::BACKGROUND, x)))
        .chain(
            crate::extractor::STRIPPED_WEEKDAYS
                .iter()
                .map(|&(x, _)| (class::WEEKDAY_S, x)),
        )
}

/// All vocabularies, parsed once.
pub(crate) struct Vocab {
    pub words: Interner,
    /// [`flag`]s by word id.
    flags: Vec<u8>,
    /// [`class`] bits by word id.
    classes: Vec<u32>,
    pub triggers: PhraseSet<Trigger>,
    pub reporting: PhraseSet<ReportRole>,
    pub hedges: PhraseSet<()>,
    pub casualty: PhraseSet<CasualtyWord>,
    pub sources: PhraseSet<SourceWord>,
    /// Outlets by name key ([`outlet_key`]): the domain's first label
    /// (`techcrunch.com` → `techcrunch`), the name and aliases of
    /// `lexicons/outlets.tsv`; government domains speak as officials.
    pub outlets: HashMap<u64, SourceKind>,
}

/// A row the parser did not understand: (file, row text). Only tests look at these; at
/// run time a bad row is skipped so that a typo cannot take the pipeline down.
pub(crate) type BadRow = (&'static str, String);

impl Vocab {
    pub fn new() -> Vocab {
        Vocab::parse(&mut Vec::new())
    }

    /// The [`flag`]s of a word id.
    pub fn flags(&self, id: u32) -> u8 {
        self.flags.get(id as usize).copied().unwrap_or(0)
    }

    /// The [`class`] bits of a word id.
    pub fn classes(&self, id: u32) -> u32 {
        self.classes.get(id as usize).copied().unwrap_or(0)
    }

    /// The id of token `i` without its possessive ending ("regime's" → "regime").
    pub fn base_id(&self, w: &Words, i: usize) -> u32 {
        let base = w.base(i);
        if base.len() == w.w(i).len() {
            w.id(i)
        } else {
            self.words.get(base)
        }
    }

    pub fn parse(bad: &mut Vec<BadRow>) -> Vocab {
        let mut triggers = Vec::new();
        for r in rows(EVENT_TRIGGERS) {
            match (
                r.first(),
                r.get(1).and_then(|t| event_type(t)),
                r.get(2).and_then(|w| w.parse().ok()),
            ) {
                (Some(p), Some(event_type), Some(weight)) => {
                    triggers.push((p.to_string(), Trigger { event_type, weight }))
                }
                _ => bad.push(("event_triggers.tsv", r.join("\t"))),
            }
        }
        let mut reporting = Vec::new();
        for r in rows(REPORTING_VERBS) {
            let role = match r.get(1).copied() {
                Some("say") => ReportRole::Say,
                Some("tell") => ReportRole::Tell,
                Some("according") => ReportRole::According,
                Some("cite") => ReportRole::Cite,
                Some("quoted_by") => ReportRole::QuotedBy,
                Some("deny") => ReportRole::Deny,
                Some("accuse") => ReportRole::Accuse,
                _ => {
                    bad.push(("reporting_verbs.tsv", r.join("\t")));
                    continue;
                }
            };
            reporting.push((r[0].to_string(), role));
        }
        let hedges: Vec<(String, ())> = rows(HEDGES).map(|r| (r[0].to_string(), ())).collect();
        let mut casualty = Vec::new();
        for r in rows(CASUALTY_NOUNS) {
            let class = r.get(1).copied().unwrap_or("");
            let place = r.get(2).copied().unwrap_or("");
            let word = match class {
                "killed" | "injured" => {
                    let harm = if class == "killed" {
                        Harm::Killed
                    } else {
                        Harm::Injured
                    };
                    let w = match place {
                        "before" => Where {
                            before: true,
                            after: false,
                        },
                        "after" => Where {
                            before: false,
                            after: true,
                        },
                        "both" => Where {
                            before: true,
                            after: true,
                        },
                        _ => {
                            bad.push(("casualty_nouns.tsv", r.join("\t")));
                            continue;
                        }
                    };
                    CasualtyWord::Harm(harm, w)
                }
                "object" => CasualtyWord::Object,
                c => match c.split_once(':') {
                    Some(("victim", cat)) if category(cat).is_some() => {
                        CasualtyWord::Victim(category(cat).unwrap_or(CasualtyCategory::People))
                    }
                    Some(("person", cat)) if category(cat).is_some() => {
                        CasualtyWord::Person(category(cat).unwrap_or(CasualtyCategory::People))
                    }
                    _ => {
                        bad.push(("casualty_nouns.tsv", r.join("\t")));
                        continue;
                    }
                },
            };
            casualty.push((r[0].to_string(), word));
        }
        let mut sources = Vec::new();
        for r in rows(SOURCE_NOUNS) {
            let word = match r.get(1).copied() {
                Some("modifier") => SourceWord::Modifier,
                Some(k) => match source_kind(k) {
                    Some(kind) => SourceWord::Head(kind),
                    None => {
                        bad.push(("source_nouns.tsv", r.join("\t")));
                        continue;
                    }
                },
                None => {
                    bad.push(("source_nouns.tsv", r.join("\t")));
                    continue;
                }
            };
            sources.push((r[0].to_string(), word));
        }
        let mut words = Interner::default();
        // The key word of a phrase: its longest word ("lives" of "the lives of").
        let key_word = |phrase: &str| -> String {
            phrase
                .split(' ')
                .filter(|t| *t != "*")
                .max_by_key(|t| t.len())
                .unwrap_or("")
                .to_string()
        };
        let mut flagged: Vec<(String, u8)> = Vec::new();
        for (phrase, word) in &casualty {
            match word {
                CasualtyWord::Harm(..) => flagged.push((key_word(phrase), flag::HARM)),
                CasualtyWord::Person(_) => flagged.push((key_word(phrase), flag::PERSON)),
                _ => {}
            }
        }
        // "the death toll rose to 41" counts without a casualty word.
        flagged.push(("toll".to_string(), flag::HARM));
        flagged.push(("tolls".to_string(), flag::HARM));
        // "Foley's beheading", "Sotloff's murder": a named death without a casualty
        // word (`frame::named_harm`).
        for word in crate::frame::HARM_HEADS {
            flagged.push((word.to_string(), flag::HARM));
        }
        for (phrase, _) in &reporting {
            // "there are", "amid": only with the reports they introduce
            // (`attribution::existential_reports`), so those nouns flag the sentence;
            // "there" itself would send every sentence holding it through the rules.
            if phrase.starts_with("there ") || phrase == "amid" {
                continue;
            }
            flagged.push((key_word(phrase), flag::REPORT));
        }
        for noun in crate::attribution::EXISTENTIAL_NOUNS {
            flagged.push((noun.to_string(), flag::REPORT));
        }
        flagged.push(("despite".to_string(), flag::CONCESSION));
        flagged.push(("spite".to_string(), flag::CONCESSION));
        for word in crate::attribution::TIE_WORDS
            .iter()
            .chain(crate::attribution::HEAD_VERBS)
        {
            flagged.push((word.to_string(), flag::DESCRIBED_SOURCE));
        }
        for (phrase, _) in &hedges {
            flagged.push((key_word(phrase), flag::HEDGE));
        }
        let triggers = PhraseSet::new(triggers, &mut words);
        let reporting = PhraseSet::new(reporting, &mut words);
        let hedges = PhraseSet::new(hedges, &mut words);
        let casualty = PhraseSet::new(casualty, &mut words);
        let sources = PhraseSet::new(sources, &mut words);
        let mut flags = Vec::new();
        for (word, f) in flagged {
            let id = words.intern(&word) as usize;
            if id >= flags.len() {
                flags.resize(id + 1, 0);
            }
            flags[id] |= f;
        }
        for (id, list) in triggers.by_first.iter().enumerate() {
            if !list.is_empty() {
                if id >= flags.len() {
                    flags.resize(id + 1, 0);
                }
                flags[id] |= flag::TRIGGER;
            }
        }
        let mut classes = Vec::new();
        for (c, word) in class_words() {
            let id = words.intern(word) as usize;
            if id >= classes.len() {
                classes.resize(id + 1, 0);
            }
            classes[id] |= c;
        }
        words.freeze();
        Vocab {
            words,
            flags,
            classes,
            triggers,
            reporting,
            hedges,
            casualty,
            sources,
            outlets: outlet_names(OUTLETS),
        }
    }
}

/// The key a speaker's name and an outlet's name share: the FNV-1a hash of its
/// lower-case ASCII letters and digits, without an opening "the" ("The Inquisitr" →
/// `inquisitr`), and how many such characters it has. Hashed as it is read: the table's
/// 15,000 names are keyed at start-up without allocating.
pub(crate) fn outlet_key(name: &str) -> (u64, usize) {
    let name = name.trim();
    let name = name
        .strip_prefix("the ")
        .or_else(|| name.strip_prefix("The "))
        .unwrap_or(name);
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut n = 0;
    for b in name.bytes().filter(u8::is_ascii_alphanumeric) {
        h = (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3);
        n += 1;
    }
    (h, n)
}

/// Platforms and companies the outlet lists rate but that do not report news
/// themselves: "wrote on Twitter", "Apple said".
const NOT_OUTLETS: [&str; 10] = [
    "twitter",
    "youtube",
    "facebook",
    "instagram",
    "telegram",
    "reddit",
    "google",
    "apple",
    "medium",
    "wordpress",
];

/// [`Vocab::outlets`] from the rows of `lexicons/outlets.tsv`: keys of three
/// characters or more. Only the first three columns are read.
fn outlet_names(table: &str) -> HashMap<u64, SourceKind> {
    let excluded: Vec<u64> = NOT_OUTLETS.iter().map(|n| outlet_key(n).0).collect();
    let mut out = HashMap::with_capacity(16_384);
    for line in table
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .skip(1)
    {
        let mut columns = line.splitn(4, '\t');
        let domain = columns.next().unwrap_or("").trim();
        let names = columns.next().unwrap_or("");
        let aliases = columns.next().unwrap_or("");
        let kind = if domain.ends_with(".gov") || domain.ends_with(".mil") {
            SourceKind::Official
        } else {
            SourceKind::Media
        };
        let first_label = domain
            .strip_prefix("www.")
            .unwrap_or(domain)
            .split('.')
            .next()
            .unwrap_or("");
        for name in std::iter::once(first_label)
            .chain(std::iter::once(names))
            .chain(aliases.split('|'))
        {
            let (key, len) = outlet_key(name);
            if len >= 3 && !excluded.contains(&key) {
                out.entry(key).or_insert(kind);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_padded_lookup_is_a_lookup() {
        let v = Vocab::new();
        for word in [
            "said",
            "shelling",
            "killed",
            "a",
            "according",
            "zzz",
            "helicopters",
        ] {
            let buf = format!("{word}\0\0\0\0\0\0\0\0");
            assert_eq!(
                v.words.get_padded(&buf, 0, word.len()),
                v.words.get(word),
                "{word}"
            );
        }
        assert_ne!(v.words.get("said"), UNKNOWN);
        // Every vocabulary word, its prefixes and itself with a NUL or a letter
        // added, in a buffer with other text after them.
        let mut probes: Vec<String> = Vec::new();
        for w in v.words.words.iter() {
            for end in (1..=w.len()).filter(|&e| w.is_char_boundary(e)) {
                probes.push(w[..end].to_string());
            }
            probes.push(format!("{w}\0"));
            probes.push(format!("{w}s"));
            probes.push(format!("\0{w}"));
        }
        for p in &probes {
            let buf = format!(" {p}said the\0\0\0\0\0\0\0\0");
            assert_eq!(
                v.words.get_padded(&buf, 1, p.len()),
                v.words.get(p),
                "{p:?}"
            );
        }
    }

    #[test]
    fn every_shipped_vocabulary_row_parses() {
        let mut bad = Vec::new();
        let v = Vocab::parse(&mut bad);
        assert!(bad.is_empty(), "bad rows: {bad:?}");
        assert!(v.triggers.word_id(v.words.get("shelling")).is_some());
        assert_eq!(
            v.reporting.word_id(v.words.get("said")),
            Some(&ReportRole::Say)
        );
    }
}
