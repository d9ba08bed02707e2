//! The signal lexicon's automaton, copied into a table laid out for the walk.
//!
//! `aho_corasick`'s DFA numbers its states in the order the phrase trie was
//! built, phrase after phrase, so the few states a walk over news text spends
//! nearly all its time in (one, two, three letters into some phrase) are spread
//! over a table of more than a megabyte, and a byte's transition often waits
//! for a cache miss. [`PhraseAutomaton`] holds the same automaton with its
//! states renumbered breadth-first from the start state, so that the shallow,
//! busy states come first, and its transitions stored column by column (all
//! states' transitions on one byte class together, as 16-bit state numbers):
//! the busy states' transitions on a byte then sit in a few cache lines at the
//! front of that byte's column, and a step is still one addition and one load.
//!
//! Every transition is the one the DFA gives (read through `next_state`, of
//! the DFA or of the NFA it is built from, which give the same table: a test
//! checks it), so a walk visits the same states and finds the same matches: a
//! test compares [`PhraseAutomaton::find_longest`] with `AhoCorasick::find`
//! from every offset of many texts.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::Anchored;

/// A leftmost-longest phrase automaton as a dense table of transitions.
///
/// States are numbered from 0: the dead state, then the match states
/// (`1..=matches.len()`), then the others; the dead and match states are
/// therefore told apart from the others by one comparison. The transition of
/// state `s` on byte `b` is `trans[column_start[b] + s]`.
#[cfg_attr(test, derive(Debug, PartialEq))]
pub(crate) struct PhraseAutomaton {
    /// Per byte, where its column starts in `trans`: its byte class times the
    /// number of states. Bytes that no phrase holds share one column: from
    /// every state they lead to the same state.
    column_start: [u32; 256],
    /// The columns, one after another.
    trans: Vec<u16>,
    /// The unanchored start state.
    start: u16,
    /// States up to this one are the dead state or match states.
    max_special: u16,
    /// Per match state (state `k` at index `k - 1`): the pattern it reports and
    /// that pattern's length in bytes.
    matches: Vec<(u32, u32)>,
}

impl PhraseAutomaton {
    /// The automaton of `dfa` (an `aho_corasick` DFA or NFA: every transition
    /// is read through `Automaton::next_state`, so both give the same table),
    /// which must be built leftmost-longest, without a prefilter (so that only
    /// the dead and match states are special) and able to search unanchored, from
    /// `patterns`, whose bytes give the byte classes. It reads an ASCII capital
    /// as the automaton reads its lower case: it finds in a text what the
    /// automaton finds in the text's ASCII lower case.
    ///
    /// # Panics
    ///
    /// When a pattern holds an ASCII capital, or the automaton has 65,536
    /// states or more (the signal lexicons make about 5,300).
    pub(crate) fn new<A: Automaton, P: AsRef<[u8]>>(dfa: &A, patterns: &[P]) -> PhraseAutomaton {
        // One column per byte some pattern holds, one for all other bytes: an
        // Aho-Corasick automaton tells bytes apart only by the patterns' bytes.
        let mut used = [false; 256];
        for p in patterns {
            for &b in p.as_ref() {
                used[usize::from(b)] = true;
            }
        }
        // Column 0 is the shared one, read through a byte no pattern holds (any
        // byte when the patterns hold them all: the column is then never used).
        let shared = (0..=255u8).find(|&b| !used[usize::from(b)]).unwrap_or(0);
        let mut class = [0usize; 256];
        let mut representative = vec![shared];
        for b in 0..=255u8 {
            if used[usize::from(b)] {
                class[usize::from(b)] = representative.len();
                representative.push(b);
            }
        }
        // ASCII capitals are read as their lower case, so that a text is
        // searched as it is, without a lower-cased copy.
        assert!(
            !used
                .iter()
                .zip(0..=255u8)
                .any(|(&u, b)| u && b.is_ascii_uppercase()),
            "the phrases are lower case"
        );
        for b in b'A'..=b'Z' {
            class[usize::from(b)] = class[usize::from(b.to_ascii_lowercase())];
        }

        // Breadth-first from the start state, over the DFA's own ids (indices
        // into its transition table, so a vector indexed by them stays small).
        let start = dfa
            .start_state(Anchored::No)
            .expect("the signal automaton is unanchored");
        // Each state's transitions are read once, here, and kept: `next[k * r + c]`
        // is the transition of `order[k]` on `representative[c]`.
        let mut order: Vec<StateID> = vec![start];
        let mut seen: Vec<bool> = Vec::new();
        mark(&mut seen, start);
        let mut next: Vec<StateID> = Vec::new();
        let mut k = 0;
        while let Some(&sid) = order.get(k) {
            for &b in &representative {
                let to = dfa.next_state(Anchored::No, sid, b);
                next.push(to);
                if !dfa.is_dead(to) && mark(&mut seen, to) {
                    order.push(to);
                }
            }
            k += 1;
        }
        // Where each state stands in `order` (indexed by the automaton's ids).
        let mut position = vec![0u32; seen.len()];
        for (k, &sid) in order.iter().enumerate() {
            position[sid.as_usize()] = u32::try_from(k).unwrap_or(u32::MAX);
        }
        let r = representative.len();

        // Numbers: the dead state, the match states, the others, each group in
        // breadth-first order. `number` maps a DFA id to ours (0 for the dead
        // state, which is never in `order`).
        let (matching, other): (Vec<_>, Vec<_>) =
            order.into_iter().partition(|&sid| dfa.is_match(sid));
        let states = 1 + matching.len() + other.len();
        let mut number = vec![0u16; seen.len()];
        for (k, &sid) in matching.iter().chain(&other).enumerate() {
            number[sid.as_usize()] = u16::try_from(k + 1)
                .expect("the signal lexicons' automaton has fewer than 65,536 states");
        }
        let number = |sid: StateID| number.get(sid.as_usize()).copied().unwrap_or(0);
        let mut trans = vec![0u16; states * representative.len()];
        for (c, column) in trans.chunks_exact_mut(states).enumerate() {
            for (to, &sid) in column.iter_mut().skip(1).zip(matching.iter().chain(&other)) {
                let k = position[sid.as_usize()] as usize;
                *to = number(next[k * r + c]);
            }
        }
        let column_start = class
            .map(|c| u32::try_from(c * states).expect("the automaton's table fits u32 offsets"));
        let matches = matching
            .iter()
            .map(|&sid| {
                let pattern = dfa.match_pattern(sid, 0);
                let len = dfa.pattern_len(pattern);
                (
                    u32::try_from(pattern.as_usize()).unwrap_or(u32::MAX),
                    u32::try_from(len).unwrap_or(u32::MAX),
                )
            })
            .collect::<Vec<_>>();
        PhraseAutomaton {
            column_start,
            trans,
            start: number(start),
            max_special: u16::try_from(matching.len()).unwrap_or(u16::MAX),
            matches,
        }
    }

    /// The leftmost-longest phrase match in `hay[from..]`, ASCII case ignored:
    /// its start, end and pattern index. What `AhoCorasick::find` answers for a
    /// leftmost-longest automaton over the ASCII lower case of `hay`, by a plain walk of the transitions: the walk records the latest
    /// match state it passes and stops at the dead state, which the automaton
    /// enters once no longer match can start at or before the recorded one.
    ///
    /// Not inlined: in a function of its own the walk keeps its state in
    /// registers. The bytes are walked four at a time (one test for the end of
    /// the text per four transitions), each still in turn.
    #[inline(never)]
    pub(crate) fn find_longest(&self, hay: &[u8], from: usize) -> Option<(usize, usize, usize)> {
        // The state as an index (the walk's add and load need no conversion).
        let mut sid = usize::from(self.start);
        let max_special = usize::from(self.max_special);
        // The latest match state passed, and the offset just past it. (The start
        // state is no match: no phrase is empty.)
        let mut last: Option<(usize, usize)> = None;
        // One transition, on the byte at `at`: `false` at the dead state.
        let mut step = |at: usize, byte: u8| {
            let i = self.column_start[usize::from(byte)] as usize + sid;
            sid = usize::from(self.trans.get(i).copied().unwrap_or(0));
            if sid <= max_special {
                if sid == 0 {
                    return false;
                }
                last = Some((sid, at + 1));
            }
            true
        };
        let rest = hay.get(from..).unwrap_or_default();
        let mut chunks = rest.chunks_exact(4);
        let mut at = from;
        let mut alive = true;
        for chunk in &mut chunks {
            alive = step(at, chunk[0])
                && step(at + 1, chunk[1])
                && step(at + 2, chunk[2])
                && step(at + 3, chunk[3]);
            if !alive {
                break;
            }
            at += 4;
        }
        if alive {
            for &byte in chunks.remainder() {
                if !step(at, byte) {
                    break;
                }
                at += 1;
            }
        }
        let (sid, end) = last?;
        let &(pattern, len) = self.matches.get(sid.checked_sub(1)?)?;
        Some((end - len as usize, end, pattern as usize))
    }

    /// The number of states, the dead state included.
    #[cfg(test)]
    fn states(&self) -> usize {
        self.trans.len() / self.columns()
    }

    /// The number of columns (byte classes).
    #[cfg(test)]
    fn columns(&self) -> usize {
        let mut starts = self.column_start.to_vec();
        starts.sort_unstable();
        starts.dedup();
        starts.len()
    }
}

/// Marks `sid` in `seen` (indexed by DFA id, grown as needed): `true` when it
/// was not marked yet.
fn mark(seen: &mut Vec<bool>, sid: StateID) -> bool {
    let i = sid.as_usize();
    if i >= seen.len() {
        seen.resize(i + 1, false);
    }
    !std::mem::replace(&mut seen[i], true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::dfa::DFA;
    use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind};

    /// Phrases that overlap in every way a small table can: prefixes, suffixes, a
    /// multi-byte character, a space.
    const SMALL: [&str; 10] = [
        "he",
        "she",
        "hers",
        "his",
        "a",
        "ab",
        "abc",
        "bcd",
        "\u{2019}s",
        "x y",
    ];

    fn dfa_of<P: AsRef<[u8]>>(patterns: &[P]) -> DFA {
        DFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .prefilter(false)
            .build(patterns)
            .expect("the patterns compile")
    }

    /// The table read from an NFA is the one read from the DFA built of the same
    /// phrases (`Lexicon::new` reads the contiguous NFA's).
    #[test]
    fn the_nfa_and_the_dfa_give_the_same_table() {
        use aho_corasick::nfa::{contiguous, noncontiguous};
        let small = SMALL.map(String::from).to_vec();
        for phrases in [crate::lexicon::Lexicon::new().phrases().to_vec(), small] {
            let from_dfa = PhraseAutomaton::new(&dfa_of(&phrases), &phrases);
            let nfa = contiguous::NFA::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .prefilter(false)
                .build(&phrases)
                .expect("the patterns compile");
            assert_eq!(PhraseAutomaton::new(&nfa, &phrases), from_dfa);
            let nfa = noncontiguous::NFA::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .prefilter(false)
                .build(&phrases)
                .expect("the patterns compile");
            assert_eq!(PhraseAutomaton::new(&nfa, &phrases), from_dfa);
        }
    }

    /// Every state of `dfa` reachable from its start, by any byte.
    fn all_states(dfa: &DFA) -> Vec<StateID> {
        let start = dfa.start_state(Anchored::No).expect("unanchored");
        let mut seen = std::collections::HashSet::from([start]);
        let mut stack = vec![start];
        while let Some(sid) = stack.pop() {
            for b in 0..=255u8 {
                let next = dfa.next_state(Anchored::No, sid, b);
                if seen.insert(next) {
                    stack.push(next);
                }
            }
        }
        seen.into_iter().collect()
    }

    #[test]
    fn bytes_of_one_column_lead_to_the_same_state_from_every_state() {
        let phrases = crate::lexicon::Lexicon::new().phrases().to_vec();
        let dfa = dfa_of(&phrases);
        let automaton = PhraseAutomaton::new(&dfa, &phrases);
        let mut first_of_column = std::collections::HashMap::new();
        for b in 0..=255u8 {
            first_of_column
                .entry(automaton.column_start[usize::from(b)])
                .or_insert(b);
        }
        let states = all_states(&dfa);
        // Our states are the DFA's live states and the dead state, with room to
        // spare for 16-bit numbers.
        assert_eq!(automaton.states(), states.len());
        assert!(automaton.states() < 20_000, "{} states", automaton.states());
        assert!(automaton.columns() <= 40, "{} columns", automaton.columns());
        for sid in states {
            for b in 0..=255u8 {
                let rep = first_of_column[&automaton.column_start[usize::from(b)]];
                assert_eq!(
                    dfa.next_state(Anchored::No, sid, b.to_ascii_lowercase()),
                    dfa.next_state(Anchored::No, sid, rep.to_ascii_lowercase()),
                    "byte {b} against {rep}"
                );
            }
        }
    }

    #[test]
    fn a_small_automaton_finds_what_aho_corasick_finds() {
        let patterns: Vec<&str> = SMALL.into_iter().chain(["abcdxyz"]).collect();
        let automaton = PhraseAutomaton::new(&dfa_of(&patterns), &patterns);
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(patterns)
            .expect("the patterns compile");
        let alphabet = [
            "h", "e", "s", "r", "i", "a", "b", "c", "d", "x", " ", "y", "z", "\u{2019}", "\0",
            "\u{e9}", "H", "E", "A", "B", "C", "X", "\u{c9}",
        ];
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut found = 0;
        for n in 0..400 {
            let mut hay = String::new();
            for _ in 0..n % 40 {
                x = x
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                hay.push_str(alphabet[(x >> 33) as usize % alphabet.len()]);
            }
            let lowered = hay.to_ascii_lowercase();
            let (hay, lowered) = (hay.as_bytes(), lowered.as_bytes());
            for from in 0..=hay.len() {
                let want = ac
                    .find(Input::new(lowered).span(from..hay.len()))
                    .map(|m| (m.start(), m.end(), m.pattern().as_usize()));
                assert_eq!(
                    automaton.find_longest(hay, from),
                    want,
                    "{hay:?} from {from}"
                );
                found += usize::from(want.is_some());
            }
        }
        assert!(found > 2000, "{found}");
    }
}
