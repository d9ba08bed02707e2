//! Whether a line holds any cue phrase at all: the yes/no question the cue table
//! asks of every short line before it looks at the phrases one by one.
//!
//! Most lines hold no cue phrase, so this question is asked of nearly all the text
//! and answered "no". [`PhraseFilter`] answers it with one table step per byte and
//! no test: an Aho-Corasick automaton compiled to a DFA whose every transition into
//! a state that ends a phrase leads to one "found" state that never leaves itself,
//! read once the line is done. It answers what `AhoCorasick::is_match` answers for
//! the same phrases with ASCII case ignored (the tests compare the two); the general
//! automaton spends about twice the instructions a byte on its own checks.

/// A DFA over the phrases, ASCII case ignored: `true` when any phrase occurs.
pub(crate) struct PhraseFilter {
    /// The class of each byte: the bytes of the phrases (ASCII letters folded to
    /// lower case) each have their own, every other byte is class 0.
    classes: [u8; 256],
    /// `trans[state + class]` is the next state, states given by their first
    /// index (`number * class count`). Its length is a power of two (the end is
    /// padding), so that an index masked by the length less one needs no bounds test.
    trans: Vec<u32>,
    /// The state after a phrase: every transition out of it leads back to it.
    found: u32,
}

/// No trie edge yet (while building).
const NONE: u32 = u32::MAX;

impl PhraseFilter {
    /// The filter of `phrases` (non-empty byte strings), ASCII case ignored.
    pub(crate) fn new(phrases: &[&str]) -> PhraseFilter {
        let mut classes = [0u8; 256];
        let mut count = 1usize;
        for p in phrases {
            for b in p.bytes().map(|b| b.to_ascii_lowercase()) {
                if classes[usize::from(b)] == 0 {
                    classes[usize::from(b)] = u8::try_from(count).expect("at most 255 classes");
                    count += 1;
                }
            }
        }
        for b in b'A'..=b'Z' {
            classes[usize::from(b)] = classes[usize::from(b.to_ascii_lowercase())];
        }
        // The trie: `goto[state * count + class]`, and whether a phrase ends there.
        let mut goto: Vec<u32> = vec![NONE; count];
        let mut ends = vec![false];
        for p in phrases {
            assert!(!p.is_empty(), "an empty phrase matches everywhere");
            let mut s = 0usize;
            for b in p.bytes() {
                let at = s * count + usize::from(classes[usize::from(b)]);
                if goto[at] == NONE {
                    goto[at] = ends.len() as u32;
                    goto.extend(std::iter::repeat_n(NONE, count));
                    ends.push(false);
                }
                s = goto[at] as usize;
            }
            ends[s] = true;
        }
        // Breadth first, each state's failure state is shallower and done: its
        // transitions fill the ones the trie lacks, and a phrase ending at the
        // failure state ends here too.
        let states = ends.len();
        let mut delta = vec![0u32; states * count];
        let mut fail = vec![0usize; states];
        let mut queue = std::collections::VecDeque::from([0usize]);
        while let Some(s) = queue.pop_front() {
            for c in 0..count {
                let child = goto[s * count + c];
                if child == NONE {
                    delta[s * count + c] = if s == 0 {
                        0
                    } else {
                        delta[fail[s] * count + c]
                    };
                    continue;
                }
                let child = child as usize;
                fail[child] = if s == 0 {
                    0
                } else {
                    delta[fail[s] * count + c] as usize
                };
                ends[child] |= ends[fail[child]];
                delta[s * count + c] = child as u32;
                queue.push_back(child);
            }
        }
        // The found state is one more row after the automaton's states.
        let found = u32::try_from(states * count).expect("the table fits u32 indices");
        let mut trans: Vec<u32> = delta
            .iter()
            .map(|&next| {
                let next = next as usize;
                if ends[next] {
                    found
                } else {
                    (next * count) as u32
                }
            })
            .collect();
        trans.extend(std::iter::repeat_n(found, count));
        trans.resize(trans.len().next_power_of_two(), 0);
        PhraseFilter {
            classes,
            trans,
            found,
        }
    }

    /// Whether any phrase occurs in `hay`, ASCII case ignored.
    /// (Not inlined: the scan keeps its few values in registers.)
    #[inline(never)]
    pub(crate) fn is_match(&self, hay: &[u8]) -> bool {
        let (trans, classes) = (self.trans.as_slice(), &self.classes);
        // Never 0 (the table holds the found state); a power of two.
        let mask = trans.len().wrapping_sub(1);
        if mask == usize::MAX {
            return false;
        }
        let mut state = 0u32;
        for &b in hay {
            // Every state plus a class is inside the table: the mask changes no index.
            state = trans[(state as usize + usize::from(classes[usize::from(b)])) & mask];
        }
        state == self.found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, MatchKind};

    fn reference(phrases: &[&str]) -> AhoCorasick {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(phrases)
            .expect("automaton")
    }

    /// A small deterministic generator (xorshift) for the random texts.
    fn next(state: &mut u64) -> u64 {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        *state
    }

    fn agree(phrases: &[&str], texts: &[String]) {
        let filter = PhraseFilter::new(phrases);
        let ac = reference(phrases);
        for t in texts {
            assert_eq!(filter.is_match(t.as_bytes()), ac.is_match(t), "{t:?}");
        }
    }

    #[test]
    fn overlapping_and_nested_phrases_are_found_as_the_automaton_finds_them() {
        let phrases = ["he", "she", "his", "hers", "a:", "\u{a9}", "ab ab c", "b"];
        let mut texts: Vec<String> = [
            "",
            "h",
            "sh",
            "ushers",
            "HIS",
            "hI",
            "x a: y",
            "a",
            "\u{a9}",
            "\u{c2}",
            "ab ab ab c",
            "ab ab ",
            "cccc",
            "BBB",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let alphabet = [
            'a', 'b', 'c', 'h', 'e', 's', 'i', 'r', ':', ' ', 'H', 'S', '\u{a9}',
        ];
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..5000 {
            let len = (next(&mut seed) % 9) as usize;
            let t: String = (0..len)
                .map(|_| alphabet[(next(&mut seed) % alphabet.len() as u64) as usize])
                .collect();
            texts.push(t);
        }
        agree(&phrases, &texts);
    }

    #[test]
    fn the_cue_phrases_are_found_as_the_automaton_finds_them() {
        let phrases = crate::cues::phrase_patterns();
        let mut texts = Vec::new();
        for p in &phrases {
            // Each phrase as written, upper-cased, inside text, cut short, glued.
            texts.push(p.to_string());
            texts.push(p.to_uppercase());
            texts.push(format!("Please, {} now!", p.to_ascii_uppercase()));
            let mut cut = p.len() - 1;
            while !p.is_char_boundary(cut) {
                cut -= 1;
            }
            texts.push(p[..cut].to_string());
            texts.push(format!("x{}y{}", &p[..cut], &p[1.min(cut)..]));
        }
        // Random texts over the phrases' own characters, where near misses abound.
        let alphabet: Vec<char> = phrases.iter().flat_map(|p| p.chars()).collect();
        let mut seed = 0x0123_4567_89AB_CDEFu64;
        for _ in 0..20_000 {
            let len = (next(&mut seed) % 40) as usize;
            let t: String = (0..len)
                .map(|_| {
                    let c = alphabet[(next(&mut seed) % alphabet.len() as u64) as usize];
                    if next(&mut seed) % 4 == 0 {
                        c.to_ascii_uppercase()
                    } else {
                        c
                    }
                })
                .collect();
            texts.push(t);
        }
        // Real text: every line of the sample corpus.
        let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/corpus");
        for entry in std::fs::read_dir(corpus).expect("examples/corpus") {
            let text = std::fs::read_to_string(entry.expect("entry").path()).unwrap_or_default();
            texts.extend(text.lines().map(str::to_string));
        }
        assert!(texts.len() > 20_000);
        agree(&phrases, &texts);
    }
}
