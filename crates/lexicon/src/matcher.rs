//! Whole-word, leftmost-longest matching of many folded aliases at once.
//!
//! The aliases are compiled into one Aho-Corasick automaton (a contiguous NFA:
//! more compact, and so faster here, than the full DFA), walked anchored from
//! each word start of the folded text: most words leave the automaton after a byte
//! or two, and a match can only begin where a word begins, so nothing inside a
//! word (`crisis`, `Syria`) is ever a candidate. Along the walk every alias
//! that ends where a word ends, and whose case agrees with the original text
//! for case-sensitive aliases (`IS`, `RT`, `Harem`), is a candidate; the
//! longest wins, so `Deir ez-Zor provincial` still yields `Deir ez-Zor`.

use std::collections::HashMap;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};

use crate::fold::{fold_alias, is_word_byte, is_word_char, Folded};
use crate::LexiconError;

/// One raw match: original byte offsets and the table entry it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) entry: usize,
}

struct Pattern {
    entry: usize,
    /// For a case-sensitive alias, its ASCII letters as written.
    exact: Option<Box<[u8]>>,
}

pub(crate) struct Matcher {
    automaton: NFA,
    start: StateID,
    /// Which word openings can start an alias (see [`opening`]): most words
    /// of a text are skipped without touching the automaton, whose table is
    /// too large to stay in cache.
    openings: Openings,
    patterns: Vec<Pattern>,
    /// Folded alias → pattern index, for whole-name lookups.
    by_folded: HashMap<Box<[u8]>, usize>,
}

/// An alias as the table gives it: `=` in front marks it case-sensitive.
pub(crate) struct AliasSpec<'a> {
    pub(crate) text: &'a str,
    pub(crate) entry: usize,
    pub(crate) line: usize,
    /// Also match the name followed by a bare `s`: scraped text that lost its
    /// apostrophes writes `Syria's` as `Syrias` and `Hama's` as `Hamas`.
    pub(crate) possessive: bool,
}

impl Matcher {
    /// Builds the matcher. Two entries sharing a folded alias is an error naming
    /// both: the tables must be unambiguous.
    pub(crate) fn build(
        specs: &[AliasSpec<'_>],
        entry_ids: &[String],
    ) -> Result<Matcher, LexiconError> {
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut folded_list: Vec<Box<[u8]>> = Vec::new();
        let mut by_folded: HashMap<Box<[u8]>, usize> = HashMap::new();
        // Possessive variants come after every alias as written, and give way
        // to them silently: an explicit alias always wins.
        let mut variants: Vec<(Box<[u8]>, Pattern)> = Vec::new();
        for spec in specs {
            let (raw, sensitive) = match spec.text.strip_prefix('=') {
                Some(rest) => (rest.trim(), true),
                None => (spec.text.trim(), false),
            };
            let folded = fold_alias(raw);
            if folded.is_empty() {
                continue;
            }
            if !folded.bytes().next().is_some_and(is_word_byte) {
                // Matching starts at word starts only: such an alias could
                // never match.
                return Err(LexiconError::new(
                    spec.line,
                    format!(
                        "alias {raw:?} of {} does not start with a letter or digit",
                        entry_ids[spec.entry]
                    ),
                ));
            }
            let exact = sensitive.then(|| {
                raw.bytes()
                    .filter(u8::is_ascii_alphabetic)
                    .collect::<Vec<u8>>()
                    .into_boxed_slice()
            });
            if spec.possessive && folded.ends_with(|c: char| c.is_ascii_alphabetic() && c != 's') {
                let mut key = folded.clone().into_bytes();
                key.push(b's');
                let exact = exact.as_ref().map(|e| {
                    let mut e = e.to_vec();
                    e.push(b's');
                    e.into_boxed_slice()
                });
                variants.push((
                    key.into_boxed_slice(),
                    Pattern {
                        entry: spec.entry,
                        exact,
                    },
                ));
            }
            let key: Box<[u8]> = folded.into_bytes().into_boxed_slice();
            if let Some(&p) = by_folded.get(&key) {
                let other = patterns[p].entry;
                if other != spec.entry {
                    return Err(LexiconError::new(
                        spec.line,
                        format!(
                            "alias {:?} of {} is already an alias of {}",
                            raw, entry_ids[spec.entry], entry_ids[other]
                        ),
                    ));
                }
                // The same entry spelling it twice: a `=` mark anywhere makes
                // the spelling case-sensitive (the canonical name is listed
                // unmarked, `=Harem` among the aliases marks it).
                if exact.is_some() {
                    patterns[p].exact = exact;
                }
                continue;
            }
            by_folded.insert(key.clone(), patterns.len());
            folded_list.push(key);
            patterns.push(Pattern {
                entry: spec.entry,
                exact,
            });
        }
        for (key, pattern) in variants {
            if by_folded.contains_key(&key) {
                continue;
            }
            by_folded.insert(key.clone(), patterns.len());
            folded_list.push(key);
            patterns.push(pattern);
        }
        let automaton = NFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .byte_classes(true)
            .build(&folded_list)
            .map_err(|e| LexiconError::new(0, format!("cannot build the matcher: {e}")))?;
        let start = automaton
            .start_state(Anchored::Yes)
            .map_err(|e| LexiconError::new(0, format!("cannot build the matcher: {e}")))?;
        let mut openings = Openings::default();
        for key in &folded_list {
            openings.insert(opening(key, 0));
        }
        Ok(Matcher {
            automaton,
            start,
            openings,
            patterns,
            by_folded,
        })
    }

    /// Number of distinct folded aliases.
    pub(crate) fn len(&self) -> usize {
        self.patterns.len()
    }

    /// Every whole-word match in `text[start..end]`, left to right, never
    /// overlapping. Offsets are absolute. A range off the text or off character
    /// boundaries is narrowed to the nearest boundaries inside.
    pub(crate) fn find(&self, text: &str, start: usize, end: usize) -> Vec<Hit> {
        let mut hits = Vec::new();
        let (start, end) = clamp(text, start, end);
        if start >= end {
            return hits;
        }
        let folded = Folded::new(&text[start..end], start);
        let hay = &folded.bytes[..];
        let n = hay.len();
        // A word running into the region from before it is not a word start.
        let mut i = 0;
        if text[..start].chars().next_back().is_some_and(is_word_char) {
            while i < n && is_word_byte(hay[i]) {
                i += 1;
            }
        }
        while i < n {
            if !is_word_byte(hay[i]) {
                i += 1;
                continue;
            }
            let found = if self.openings.contains(opening(hay, i)) {
                self.longest_at(text, &folded, i)
            } else {
                None
            };
            if let Some((e, p)) = found {
                hits.push(Hit {
                    start: folded.original(i),
                    end: folded.original(e),
                    entry: self.patterns[p].entry,
                });
                i = e;
                continue;
            }
            while i < n && is_word_byte(hay[i]) {
                i += 1;
            }
        }
        hits
    }

    /// The longest alias starting at word start `s` that ends a word and
    /// passes its case check: its end and pattern index.
    fn longest_at(&self, text: &str, folded: &Folded, s: usize) -> Option<(usize, usize)> {
        let hay = &folded.bytes[..];
        let mut sid = self.start;
        let mut best = None;
        for (at, &b) in hay.iter().enumerate().skip(s) {
            sid = self.automaton.next_state(Anchored::Yes, sid, b);
            if !self.automaton.is_special(sid) {
                continue;
            }
            if self.automaton.is_dead(sid) {
                break;
            }
            if self.automaton.is_match(sid) {
                let e = at + 1;
                let p = self.automaton.match_pattern(sid, 0).as_usize();
                if self.ends_word(text, folded, e) && self.case_ok(text, folded, s, e, p) {
                    best = Some((e, p));
                }
            }
        }
        best
    }

    fn ends_word(&self, text: &str, folded: &Folded, e: usize) -> bool {
        let hay = &folded.bytes[..];
        if e == 0 || !is_word_byte(hay[e - 1]) {
            return true;
        }
        if e < hay.len() {
            return !is_word_byte(hay[e]);
        }
        let orig_end = folded.original(e);
        !text
            .get(orig_end..)
            .and_then(|t| t.chars().next())
            .is_some_and(is_word_char)
    }

    fn case_ok(&self, text: &str, folded: &Folded, s: usize, e: usize, p: usize) -> bool {
        let Some(exact) = &self.patterns[p].exact else {
            return true;
        };
        let (os, oe) = (folded.original(s), folded.original(e));
        let Some(orig) = text.get(os..oe) else {
            return false;
        };
        orig.bytes()
            .filter(u8::is_ascii_alphabetic)
            .eq(exact.iter().copied())
    }
}

/// The opening of a word: its first three bytes, cut at the first byte that is
/// not part of a word (and at the end of the text), as one number. An alias can
/// only match a word with the same opening, since the matched bytes are the
/// alias's own bytes and both ends are cut the same way.
#[inline]
fn opening(bytes: &[u8], i: usize) -> u32 {
    let mut key = 0;
    for j in 0..3 {
        match bytes.get(i + j) {
            Some(&b) if is_word_byte(b) => key |= u32::from(b) << (8 * j),
            _ => break,
        }
    }
    key
}

/// A 65,536-bit set of hashed openings (8 KiB, stays in L1): a false positive
/// only costs a walk of the automaton.
struct Openings(Box<[u64; 1024]>);

impl Default for Openings {
    fn default() -> Openings {
        Openings(Box::new([0; 1024]))
    }
}

impl Openings {
    #[inline]
    fn slot(key: u32) -> usize {
        (key.wrapping_mul(0x9E37_79B1) >> 16) as usize
    }

    fn insert(&mut self, key: u32) {
        let s = Openings::slot(key);
        self.0[s >> 6] |= 1 << (s & 63);
    }

    #[inline]
    fn contains(&self, key: u32) -> bool {
        let s = Openings::slot(key);
        self.0[s >> 6] & (1 << (s & 63)) != 0
    }
}

fn clamp(text: &str, start: usize, end: usize) -> (usize, usize) {
    let mut end = end.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut start = start.min(end);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    (start, end.max(start))
}

impl Matcher {
    /// The entry a whole string names, when it is one alias as written (case
    /// rules included): `"Deir ez-Zor"`, `"the regime"`.
    pub(crate) fn lookup(&self, name: &str) -> Option<usize> {
        let folded = fold_alias(name);
        let &p = self.by_folded.get(folded.as_bytes())?;
        if let Some(exact) = &self.patterns[p].exact {
            let letters = name.bytes().filter(u8::is_ascii_alphabetic);
            if !letters.eq(exact.iter().copied()) {
                return None;
            }
        }
        Some(self.patterns[p].entry)
    }
}
