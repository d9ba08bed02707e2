//! The shipped vocabularies (`lexicons/*.tsv` of this crate's own compilation) and a
//! token-phrase matcher over them.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crosscheck_schema::{CasualtyCategory, EventType, SourceKind};

use crate::words::Words;

const EVENT_TRIGGERS: &str = include_str!("../../../lexicons/event_triggers.tsv");
const REPORTING_VERBS: &str = include_str!("../../../lexicons/reporting_verbs.tsv");
const HEDGES: &str = include_str!("../../../lexicons/hedges.tsv");
const CASUALTY_NOUNS: &str = include_str!("../../../lexicons/casualty_nouns.tsv");
const SOURCE_NOUNS: &str = include_str!("../../../lexicons/source_nouns.tsv");

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

#[derive(Default)]
pub(crate) struct Interner {
    ids: WordMap<u32>,
}

impl Interner {
    fn intern(&mut self, word: &str) -> u32 {
        if word == "*" {
            return ANY;
        }
        let next = self.ids.len() as u32;
        *self.ids.entry(word.to_string()).or_insert(next)
    }

    pub fn get(&self, word: &str) -> u32 {
        self.ids.get(word).copied().unwrap_or(UNKNOWN)
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

/// All vocabularies, parsed once.
pub(crate) struct Vocab {
    pub words: Interner,
    pub triggers: PhraseSet<Trigger>,
    pub reporting: PhraseSet<ReportRole>,
    pub hedges: PhraseSet<()>,
    pub casualty: PhraseSet<CasualtyWord>,
    pub sources: PhraseSet<SourceWord>,
}

/// A row the parser did not understand: (file, row text). Only tests look at these; at
/// run time a bad row is skipped so that a typo cannot take the pipeline down.
pub(crate) type BadRow = (&'static str, String);

impl Vocab {
    pub fn new() -> Vocab {
        Vocab::parse(&mut Vec::new())
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
        let hedges = rows(HEDGES).map(|r| (r[0].to_string(), ())).collect();
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
        let triggers = PhraseSet::new(triggers, &mut words);
        let reporting = PhraseSet::new(reporting, &mut words);
        let hedges = PhraseSet::new(hedges, &mut words);
        let casualty = PhraseSet::new(casualty, &mut words);
        let sources = PhraseSet::new(sources, &mut words);
        Vocab {
            words,
            triggers,
            reporting,
            hedges,
            casualty,
            sources,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
