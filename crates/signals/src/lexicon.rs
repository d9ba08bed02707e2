//! The phrase tables behind the lexical signals, compiled into one Aho-Corasick
//! automaton so that a paragraph is read once whatever the number of tables.
//!
//! Every table is a TSV file under `lexicons/` (see `docs/signals.md`). A phrase can
//! carry several cues ("regime" is loaded language and a dehumanising cue); a match
//! is kept only on whole words, and where phrases overlap the longest wins, so
//! "could not be independently verified" counts once.

use std::collections::HashMap;

use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::MatchKind;
use rustc_hash::FxHashMap;

use crate::phrase_automaton::PhraseAutomaton;
use crate::text::{is_word_boundary_after, is_word_boundary_before};

const LOADED: &str = include_str!("../../../lexicons/loaded_words.tsv");
const DEHUMANISING: &str = include_str!("../../../lexicons/dehumanising.tsv");
const DOUBT: &str = include_str!("../../../lexicons/hedges_doubt.tsv");
const CLICKBAIT: &str = include_str!("../../../lexicons/clickbait.tsv");
const CUES: &str = include_str!("../../../lexicons/signal_cues.tsv");
/// Owned by the extract stage; read here, never edited.
const EXTRACT_HEDGES: &str = include_str!("../../../lexicons/hedges.tsv");
const REPORTING_VERBS: &str = include_str!("../../../lexicons/reporting_verbs.tsv");
const SOURCE_NOUNS: &str = include_str!("../../../lexicons/source_nouns.tsv");
const ACRONYMS: &str = include_str!("../../../lexicons/acronyms.tsv");

/// How a reporting verb attaches its speaker (the `role` column of
/// `lexicons/reporting_verbs.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// "X said", "..., said X".
    Say,
    /// "according to X", "citing X", "quoted by X": the speaker follows.
    Follows,
    /// "X denied", "X accused": a speaker, but a quotation after it is not the
    /// speaker's words by default ("denied these “fabrications”").
    Dispute,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DehumKind {
    Strong,
    Contextual,
    Cue,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Doubt {
    Hedge,
    Caveat,
    Speculation,
}

/// What a phrase tells a signal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cue {
    Loaded(&'static str),
    Dehumanising(DehumKind),
    Doubt(Doubt),
    Clickbait {
        headline_only: bool,
    },
    Appeal,
    Reporting(Role),
    SoCalled,
    Naming,
    /// "the word", "the term": names the quotation right after it.
    NamingNoun,
    Anonymity,
    Comment,
}

/// One kept match: byte offsets into the scanned text and the cue it carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) cue: Cue,
}

/// Whether `hits` are in order of their start, as a scan of sorted, disjoint
/// regions leaves them.
pub(crate) fn sorted_by_start(hits: &[Hit]) -> bool {
    hits.windows(2).all(|w| w[0].start <= w[1].start)
}

/// A part of `hits` that holds every hit starting in `lo..=hi`: found by binary
/// search when they are `sorted` by start, all of them otherwise. Callers still
/// test each hit.
#[inline]
pub(crate) fn starting_in(hits: &[Hit], sorted: bool, lo: usize, hi: usize) -> &[Hit] {
    if !sorted {
        return hits;
    }
    let a = hits.partition_point(|h| h.start < lo);
    let b = a + hits[a..].partition_point(|h| h.start <= hi);
    &hits[a..b]
}

/// What a source noun says about an unnamed speaker (`lexicons/source_nouns.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NounKind {
    /// "activists", "sources", "witnesses".
    Anonymous,
    /// "ministry", "army", "monitor", "agency": an institution.
    Institution,
    /// "spokesman", "official", "commander": a role held by a person.
    Role,
    /// A word that can sit inside a speaker phrase without heading it.
    Modifier,
}

pub(crate) struct Lexicon {
    /// The phrases, lower case, as one leftmost-longest automaton (searched by
    /// [`PhraseAutomaton::find_longest`]).
    automaton: PhraseAutomaton,
    /// Per pattern: the cues of its phrase.
    patterns: Vec<Vec<Cue>>,
    /// The patterns themselves, for the tests.
    #[cfg(test)]
    phrases: Vec<String>,
    /// Our own short words: a DoS-resistant hash buys nothing here.
    source_nouns: FxHashMap<&'static str, NounKind>,
    acronyms: Vec<&'static str>,
    /// First-person pronouns, lower case.
    first_person: Vec<&'static str>,
    /// Per lower-cased first byte, the lengths of the pronouns starting with it:
    /// bit `n` for a length of `n` bytes, bit 31 for 31 or more.
    first_person_lengths: [u32; 256],
}

/// Reporting verbs that double as nouns or adjectives too often to find a speaker
/// by position ("the United States", "the reports", "claims circulating").
const AMBIGUOUS_VERBS: &[&str] = &[
    "report",
    "reports",
    "reporting",
    "reported",
    "claims",
    "states",
    "show",
    "shows",
    "showed",
    "estimated",
    "documented",
    "condemned",
    "condemns",
    "blame",
    "blames",
    "suggested",
    "alleged",
    "acknowledged",
];

impl Lexicon {
    pub(crate) fn new() -> Lexicon {
        let mut by_phrase: Vec<(&'static str, Vec<Cue>)> = Vec::new();
        let mut index: HashMap<&'static str, usize> = HashMap::new();
        let mut add = |phrase: &'static str, cue: Cue| {
            let i = *index.entry(phrase).or_insert_with(|| {
                by_phrase.push((phrase, Vec::new()));
                by_phrase.len() - 1
            });
            if !by_phrase[i].1.contains(&cue) {
                by_phrase[i].1.push(cue);
            }
        };

        for (phrase, category) in rows2(LOADED) {
            add(phrase, Cue::Loaded(category));
        }
        for (phrase, kind) in rows2(DEHUMANISING) {
            let kind = match kind {
                "strong" => DehumKind::Strong,
                "contextual" => DehumKind::Contextual,
                _ => DehumKind::Cue,
            };
            add(phrase, Cue::Dehumanising(kind));
        }
        let mut own_doubt: Vec<&'static str> = Vec::new();
        for (phrase, kind) in rows2(DOUBT) {
            let kind = match kind {
                "caveat" => Doubt::Caveat,
                "speculation" => Doubt::Speculation,
                _ => Doubt::Hedge,
            };
            own_doubt.push(phrase);
            add(phrase, Cue::Doubt(kind));
        }
        for phrase in rows1(EXTRACT_HEDGES) {
            if own_doubt.contains(&phrase) {
                continue;
            }
            let verification = phrase.contains("verif") || phrase.contains("confirm");
            let negated = ["not", "unable", "cannot", "no "]
                .iter()
                .any(|n| phrase.contains(n));
            match (verification, negated) {
                (true, true) => add(phrase, Cue::Doubt(Doubt::Caveat)),
                // "independently verified" alone is the opposite of a caveat.
                (true, false) => {}
                _ => add(phrase, Cue::Doubt(Doubt::Hedge)),
            }
        }
        for (phrase, place) in rows2(CLICKBAIT) {
            let cue = match place {
                "appeal" => Cue::Appeal,
                "headline" => Cue::Clickbait {
                    headline_only: true,
                },
                _ => Cue::Clickbait {
                    headline_only: false,
                },
            };
            add(phrase, cue);
        }
        let mut first_person = Vec::new();
        for (phrase, kind) in rows2(CUES) {
            let cue = match kind {
                "so_called" => Cue::SoCalled,
                "naming" => Cue::Naming,
                "naming_noun" => Cue::NamingNoun,
                // Found by the word scan (`first_person`): two-letter pronouns
                // inside words ("we" in "between") would flood the automaton.
                "first_person" => {
                    first_person.push(phrase);
                    continue;
                }
                "anonymity" => Cue::Anonymity,
                _ => Cue::Comment,
            };
            add(phrase, cue);
        }
        for (phrase, role) in rows2(REPORTING_VERBS) {
            if AMBIGUOUS_VERBS.contains(&phrase) {
                continue;
            }
            let role = match role {
                "according" | "cite" | "quoted_by" => Role::Follows,
                "deny" | "accuse" => Role::Dispute,
                _ => Role::Say,
            };
            add(phrase, Cue::Reporting(role));
        }

        // Scraped text mixes straight and curly apostrophes: match both.
        let mut patterns: Vec<(String, usize)> = Vec::new();
        for (i, (phrase, _)) in by_phrase.iter().enumerate() {
            let phrase = phrase.to_ascii_lowercase();
            if phrase.contains('\'') {
                patterns.push((phrase.replace('\'', "\u{2019}"), i));
            } else if phrase.contains('\u{2019}') {
                patterns.push((phrase.replace('\u{2019}', "'"), i));
            }
            patterns.push((phrase, i));
        }
        let mut seen = std::collections::HashSet::new();
        patterns.retain(|(p, _)| seen.insert(p.clone()));
        // No prefilter: with this many phrases the automaton would not use one,
        // and without it only dead and match states are special. The table is
        // read from an NFA: it gives the DFA's transitions (the DFA is built from
        // it), and building the DFA first, only to be copied, cost more than
        // reading each state's transitions from the NFA once.
        let nfa = NFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .prefilter(false)
            .build(patterns.iter().map(|(p, _)| p.as_str()))
            .unwrap_or_else(|e| panic!("the signal lexicons do not compile: {e}"));
        let automaton =
            PhraseAutomaton::new(&nfa, &patterns.iter().map(|(p, _)| p).collect::<Vec<_>>());
        #[cfg(test)]
        let phrases = patterns.iter().map(|(p, _)| p.clone()).collect();
        let patterns = patterns
            .into_iter()
            .map(|(_, i)| by_phrase[i].1.clone())
            .collect();

        let source_nouns = rows2(SOURCE_NOUNS)
            .map(|(word, kind)| {
                let kind = match kind {
                    "anonymous" => NounKind::Anonymous,
                    "person" => NounKind::Role,
                    "modifier" => NounKind::Modifier,
                    _ => NounKind::Institution,
                };
                (word, kind)
            })
            .collect();
        let mut acronyms: Vec<&'static str> = rows1(ACRONYMS).collect();
        acronyms.sort_unstable();
        let mut first_person_lengths = [0u32; 256];
        for p in &first_person {
            if let Some(&b) = p.as_bytes().first() {
                first_person_lengths[b.to_ascii_lowercase() as usize] |= length_bit(p.len());
            }
        }
        Lexicon {
            automaton,
            patterns,
            #[cfg(test)]
            phrases,
            source_nouns,
            acronyms,
            first_person,
            first_person_lengths,
        }
    }

    /// Appends the whole-word matches in `text[start..end]` to `out`, in order.
    ///
    /// The automaton finds the leftmost-longest phrase; a match that does not sit
    /// on word boundaries ("lice" in "police") is dropped and the search resumes
    /// at the next word, so a phrase it overlapped is still found ("so called"
    /// inside "also called" gives way to "called"). Of two overlapping phrases only
    /// the leftmost is seen: in "the mainstream media is silent", "mainstream
    /// media" (loaded) is found and "media is silent" (clickbait) is not.
    pub(crate) fn scan(&self, text: &str, start: usize, end: usize, out: &mut Vec<Hit>) {
        let Some(region) = text.get(start..end) else {
            return;
        };
        // The automaton reads ASCII capitals as lower case: no lower-cased copy.
        let bytes = region.as_bytes();
        let mut pos = 0;
        while pos < region.len() {
            let Some((m_start, m_end, pattern)) = self.automaton.find_longest(bytes, pos) else {
                break;
            };
            let (s, e) = (start + m_start, start + m_end);
            if !is_word_boundary_before(text, s) || !is_word_boundary_after(text, e) {
                // No phrase can start inside this word: resume at the next one.
                pos = m_start + 1;
                while pos < bytes.len()
                    && (bytes[pos].is_ascii_alphanumeric() || bytes[pos] >= 0x80)
                {
                    pos += 1;
                }
                continue;
            }
            for &cue in &self.patterns[pattern] {
                out.push(Hit {
                    start: s,
                    end: e,
                    cue,
                });
            }
            pos = m_end;
        }
    }

    /// The phrases of the automaton, by pattern index.
    #[cfg(test)]
    pub(crate) fn phrases(&self) -> &[String] {
        &self.phrases
    }

    pub(crate) fn source_noun(&self, lower: &str) -> Option<NounKind> {
        self.source_nouns.get(lower).copied()
    }

    /// `word` is a first-person pronoun ("I", "we", "Our"), in any case.
    #[inline]
    pub(crate) fn is_first_person(&self, word: &[u8]) -> bool {
        // Most words fail on their first letter and length ("in", "with", "more");
        // compare only the others.
        let Some(first) = word.first() else {
            return false;
        };
        self.first_person_lengths[first.to_ascii_lowercase() as usize] & length_bit(word.len()) != 0
            && self
                .first_person
                .iter()
                .any(|p| p.as_bytes().eq_ignore_ascii_case(word))
    }

    pub(crate) fn is_acronym(&self, upper: &str) -> bool {
        self.acronyms.binary_search(&upper).is_ok()
    }
}

/// The bit of a word's length in [`Lexicon`]'s `first_person_lengths`.
#[inline]
fn length_bit(len: usize) -> u32 {
    1 << len.min(31)
}

/// Data lines of a TSV table: not blank, not a `#` comment, not the header (the
/// first data line).
fn data_lines(tsv: &'static str) -> impl Iterator<Item = &'static str> {
    tsv.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .skip(1)
}

fn rows1(tsv: &'static str) -> impl Iterator<Item = &'static str> {
    data_lines(tsv)
        .filter_map(|l| l.split('\t').next())
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

fn rows2(tsv: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    data_lines(tsv).filter_map(|l| {
        let mut cols = l.split('\t');
        let a = cols.next()?.trim();
        let b = cols.next().unwrap_or("").trim();
        (!a.is_empty()).then_some((a, b))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_caveat_wins_and_words_must_be_whole() {
        let lex = Lexicon::new();
        let text =
            "The toll could not be independently verified, and the democrats reportedly agreed.";
        let mut hits = Vec::new();
        lex.scan(text, 0, text.len(), &mut hits);
        let doubts: Vec<&str> = hits
            .iter()
            .filter(|h| matches!(h.cue, Cue::Doubt(_)))
            .map(|h| &text[h.start..h.end])
            .collect();
        assert_eq!(
            doubts,
            ["could not be independently verified", "reportedly"]
        );
        // "rats" inside "democrats" is not a word.
        assert!(!hits.iter().any(|h| &text[h.start..h.end] == "rats"));
    }

    /// Lower-cased texts to search: the example corpus, and runs of phrases
    /// glued, cut and mixed with other words, punctuation and non-ASCII text.
    fn haystacks(lex: &Lexicon) -> Vec<Vec<u8>> {
        let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/corpus");
        let mut out: Vec<Vec<u8>> = std::fs::read_dir(corpus)
            .expect("examples/corpus")
            .map(|e| std::fs::read(e.expect("entry").path()).unwrap_or_default())
            .collect();
        let fillers = [
            " ", "", "-", "s ", "ed, ", "\u{2019}", " the ", "x", "\u{a0}", ". ",
        ];
        let mut x = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..40 {
            let mut text = String::new();
            for _ in 0..300 {
                x = x
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1442695040888963407);
                let phrase = &lex.phrases[(x >> 33) as usize % lex.phrases.len()];
                let cut = (x >> 20) as usize % (phrase.len() + 4);
                match phrase.get(..cut.min(phrase.len())) {
                    Some(p) if cut < phrase.len() && x & 1 == 0 => text.push_str(p),
                    _ => text.push_str(phrase),
                }
                text.push_str(fillers[(x >> 10) as usize % fillers.len()]);
            }
            out.push(text.into_bytes());
        }
        for text in &mut out {
            text.make_ascii_lowercase();
        }
        out
    }

    #[test]
    fn the_automaton_walk_finds_in_any_case_what_aho_corasick_finds_in_lower_case() {
        use aho_corasick::{AhoCorasick, AhoCorasickKind, Input};
        let lex = Lexicon::new();
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&lex.phrases)
            .expect("the lexicon compiles");
        let mut matches = 0;
        for hay in haystacks(&lex) {
            // The automaton reads ASCII capitals as lower case: it is given the
            // text with every third letter a capital.
            let mixed: Vec<u8> = hay
                .iter()
                .enumerate()
                .map(|(i, b)| {
                    if i % 3 == 0 {
                        b.to_ascii_uppercase()
                    } else {
                        *b
                    }
                })
                .collect();
            for from in 0..=hay.len() {
                let want = ac
                    .find(Input::new(&hay).span(from..hay.len()))
                    .map(|m| (m.start(), m.end(), m.pattern().as_usize()));
                assert_eq!(lex.automaton.find_longest(&hay, from), want, "from {from}");
                assert_eq!(
                    lex.automaton.find_longest(&mixed, from),
                    want,
                    "from {from}"
                );
                matches += usize::from(want.is_some_and(|m| m.0 == from));
            }
        }
        assert!(matches > 1000, "{matches} matches");
    }

    #[test]
    fn first_person_pronouns_are_told_by_the_list() {
        let lex = Lexicon::new();
        let by_list = |w: &str| lex.first_person.iter().any(|p| p.eq_ignore_ascii_case(w));
        let mut words: Vec<String> = lex.first_person.iter().map(|p| p.to_string()).collect();
        words.extend(lex.first_person.iter().map(|p| p.to_ascii_uppercase()));
        words.extend(lex.first_person.iter().map(|p| format!("{p}s")));
        words.extend(
            lex.first_person
                .iter()
                .map(|p| p[..p.len() - 1].to_string()),
        );
        for w in [
            "",
            "I",
            "i",
            "in",
            "is",
            "it",
            "We",
            "was",
            "with",
            "Our",
            "out",
            "Mine",
            "more",
            "MY",
            "us",
            "US",
            "use",
            "ourselvesandmore",
            "Été",
            "me\u{301}",
        ] {
            words.push(w.to_string());
        }
        words.push("o".repeat(40));
        assert!(lex.first_person.len() >= 5, "{:?}", lex.first_person);
        for w in &words {
            assert_eq!(lex.is_first_person(w.as_bytes()), by_list(w), "{w:?}");
        }
    }

    #[test]
    fn curly_apostrophes_match_straight_ones() {
        let lex = Lexicon::new();
        let text = "What they don\u{2019}t want you to know";
        let mut hits = Vec::new();
        lex.scan(text, 0, text.len(), &mut hits);
        assert!(hits.iter().any(|h| matches!(h.cue, Cue::Clickbait { .. })));
    }
}
