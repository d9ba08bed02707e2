//! Finding date expressions in running text.
//!
//! `find` runs on every sentence of every article, and most sentences hold no date.
//! A byte scan decides first: a sentence with no ASCII digit and no whole-word
//! keyword (month, weekday, `today`, `ago`, `week`, ...) is done without tokenizing.

use std::cell::RefCell;

use chrono::{Datelike, NaiveDate};

use crate::ascii;
use crate::grammar::Matcher;
use crate::lexicon::pack_lower;
use crate::token::{tokenize, Tok};
use crate::{DateMatch, DateOrder, DateParser, Precision};

pub(crate) fn find(
    parser: &DateParser,
    text: &str,
    start: usize,
    end: usize,
    reference: Option<NaiveDate>,
) -> Vec<DateMatch> {
    let (start, end) = char_bounds(text, start, end);
    let Some(slice) = text.get(start..end) else {
        return Vec::new();
    };
    if !may_hold_date(parser, slice) {
        return Vec::new();
    }
    TOKENS.with_borrow_mut(|toks| find_tokenized(parser, text, slice, start, reference, toks))
}

thread_local! {
    /// The tokens of the last text [`find`] read on this thread: the buffer is
    /// reused, not allocated per sentence.
    static TOKENS: RefCell<Vec<Tok>> = const { RefCell::new(Vec::new()) };
}

/// [`find`] of `slice` (`text[start..]`, on char boundaries), cutting its tokens
/// into `toks`.
fn find_tokenized(
    parser: &DateParser,
    text: &str,
    slice: &str,
    start: usize,
    reference: Option<NaiveDate>,
    toks: &mut Vec<Tok>,
) -> Vec<DateMatch> {
    // About one token per four bytes of news text: room at once, not a doubling series.
    toks.clear();
    toks.reserve(slice.len() / 4 + 4);
    tokenize(&parser.lexicon, slice, start, toks);
    let matcher = Matcher {
        toks,
        reference,
        slash_order: DateOrder::MonthFirst,
        dash_order: DateOrder::DayFirst,
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match matcher.at(i) {
            Some(hit) if hit.next > i && hit.next <= toks.len() => {
                found.push(DateMatch {
                    start: toks[i].start,
                    end: toks[hit.next - 1].end,
                    value: hit.value,
                    last: hit.last,
                    precision: hit.precision,
                    relative: hit.relative,
                });
                i = hit.next;
            }
            _ => i += 1,
        }
    }
    if !found.is_empty() {
        spans(text, start, &mut found);
    }
    found
}

/// Ranges and parts of a month the grammar reads as single dates: "between April 27
/// and May 18", "from 3 to 5 March", "Between 21 and 26 of September" (one day range);
/// "the first week of July" (a week). `start` bounds how far back the opening word
/// may be looked for.
fn spans(text: &str, start: usize, found: &mut Vec<DateMatch>) {
    // The `n` bytes before `at` (fewer at the start of the span), as written: the
    // words below are compared without regard to case, without a lower-cased copy.
    let before = |at: usize, n: usize| -> &str {
        let mut from = at.saturating_sub(n).max(start);
        while from < at && !text.is_char_boundary(from) {
            from += 1;
        }
        text.get(from..at).unwrap_or("")
    };
    let opener = |before: &str| -> Option<usize> {
        ["between ", "from "]
            .iter()
            .find(|o| strip_suffix_ci(before, o).is_some_and(|rest| word_start(before, rest.len())))
            .map(|o| o.len())
    };
    let mut k = 0;
    while k < found.len() {
        let m = &found[k];
        // "between April 27 and May 18": two dates joined.
        if k + 1 < found.len() && m.precision == Precision::Day {
            let n = &found[k + 1];
            let gap = text.get(m.end..n.start).unwrap_or("");
            let joined = [" and ", " to ", " until ", " till ", "-", " - "]
                .iter()
                .any(|g| gap.eq_ignore_ascii_case(g));
            if let (true, Some(len), Precision::Day) =
                (joined, opener(before(m.start, 8)), n.precision)
            {
                let days = (n.last - m.value).num_days();
                if (1..=366).contains(&days) {
                    let merged = DateMatch {
                        start: m.start - len,
                        end: n.end,
                        value: m.value,
                        last: n.last,
                        precision: Precision::Day,
                        relative: m.relative || n.relative,
                    };
                    found[k] = merged;
                    found.remove(k + 1);
                    k += 1;
                    continue;
                }
            }
        }
        let m = &found[k];
        // "Between 21 and 26 of September": a bare day, then a date of the same month.
        if m.precision == Precision::Day {
            let before = before(m.start, 20);
            if let Some(rest) =
                strip_suffix_ci(before, " and ").or_else(|| strip_suffix_ci(before, " to "))
            {
                let digits = rest.len() - rest.trim_end_matches(|c: char| c.is_ascii_digit()).len();
                let day_text = &rest[rest.len() - digits..];
                let head = &rest[..rest.len() - digits];
                if let (1..=2, Some(len)) = (digits, opener(head)) {
                    if let Some(first) = day_text
                        .parse::<u32>()
                        .ok()
                        .filter(|&d| d < m.value.day())
                        .and_then(|d| m.value.with_day(d))
                    {
                        let back = before.len() - head.len() + len;
                        found[k] = DateMatch {
                            start: m.start - back,
                            value: first,
                            ..m.clone()
                        };
                    }
                }
            }
        }
        let m = &found[k];
        // "the first week of July".
        if m.precision == Precision::Month {
            let before = before(m.start, 24);
            for (phrase, first_day) in [
                ("first week of ", 1u32),
                ("second week of ", 8),
                ("third week of ", 15),
                ("fourth week of ", 22),
                ("last week of ", 0),
            ] {
                if strip_suffix_ci(before, phrase)
                    .is_some_and(|rest| word_start(before, rest.len()))
                {
                    let (value, last) = if first_day == 0 {
                        (m.last - chrono::Duration::days(6), m.last)
                    } else {
                        match m.value.with_day(first_day) {
                            Some(v) => (v, v + chrono::Duration::days(6)),
                            None => break,
                        }
                    };
                    found[k] = DateMatch {
                        start: m.start - phrase.len(),
                        value,
                        last,
                        precision: Precision::Week,
                        ..m.clone()
                    };
                    break;
                }
            }
        }
        k += 1;
    }
}

/// `s` without `suffix` at its end, the case of ASCII letters ignored.
fn strip_suffix_ci<'s>(s: &'s str, suffix: &str) -> Option<&'s str> {
    let cut = s.len().checked_sub(suffix.len())?;
    (s.is_char_boundary(cut) && s[cut..].eq_ignore_ascii_case(suffix)).then(|| &s[..cut])
}

/// `at` is the start of a word in `s` (the start of `s`, or after a non-letter).
fn word_start(s: &str, at: usize) -> bool {
    at == 0
        || s.as_bytes()
            .get(at - 1)
            .is_some_and(|b| !b.is_ascii_alphabetic())
}

/// `start..end` clamped to the text and moved inward to char boundaries.
fn char_bounds(text: &str, start: usize, end: usize) -> (usize, usize) {
    let mut end = end.min(text.len());
    let mut start = start.min(end);
    while start < end && !text.is_char_boundary(start) {
        start += 1;
    }
    while end > start && !text.is_char_boundary(end) {
        end -= 1;
    }
    (start, end)
}

/// The pre-filter: any digit, or a keyword standing as a whole word.
fn may_hold_date(parser: &DateParser, s: &str) -> bool {
    ascii::has_digit(s.as_bytes()) || parser.triggers.any_in(s)
}

/// Keywords that stand as whole words: no ASCII letter just before or after them,
/// case ignored (the pre-filter's [`TRIGGERS`](crate::lexicon::TRIGGERS)).
///
/// Every keyword is made of ASCII letters, so a keyword standing as a whole word is
/// a whole run of ASCII letters: [`Keywords::any_in`] cuts the text into runs and
/// looks each up. Most runs are rejected by their length and first two letters
/// alone. (Its definition, a leftmost-longest Aho-Corasick search for the keywords
/// with that boundary check, is what a test compares it with.)
pub(crate) struct Keywords {
    /// The keywords, packed by [`pack_lower`], sorted.
    packed: Vec<u128>,
    /// Bit `second letter` of entry `length * 26 + first letter`: some keyword of
    /// that length starts with those two letters.
    starts: Vec<u32>,
}

/// The longest keyword [`Keywords`] takes.
const MAX_KEYWORD: usize = 12;

impl Keywords {
    /// The table of `words`: lower-case ASCII letters, 2 to [`MAX_KEYWORD`] of them
    /// (others are left out).
    pub(crate) fn new(words: &[&str]) -> Keywords {
        let mut packed = Vec::new();
        let mut starts = vec![0u32; (MAX_KEYWORD + 1) * 26];
        for w in words {
            let b = w.as_bytes();
            if !(2..=MAX_KEYWORD).contains(&b.len()) || !b.iter().all(u8::is_ascii_lowercase) {
                continue;
            }
            starts[b.len() * 26 + usize::from(b[0] - b'a')] |= 1 << (b[1] - b'a');
            packed.extend(pack_lower(b));
        }
        packed.sort_unstable();
        Keywords { packed, starts }
    }

    /// Whether a keyword stands in `s` as a whole word.
    pub(crate) fn any_in(&self, s: &str) -> bool {
        let bytes = s.as_bytes();
        let n = bytes.len();
        let mut i = 0;
        while i < n {
            if !bytes[i].is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            let start = i;
            i = ascii::letters_end(bytes, i);
            let run = &bytes[start..i];
            if run.len() < 2 || run.len() > MAX_KEYWORD {
                continue;
            }
            let first = usize::from(run[0].to_ascii_lowercase() - b'a');
            let second = run[1].to_ascii_lowercase() - b'a';
            if self.starts[run.len() * 26 + first] & (1 << second) != 0
                && pack_lower(run).is_some_and(|key| self.packed.binary_search(&key).is_ok())
            {
                return true;
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::TRIGGERS;

    /// The definition of [`Keywords::any_in`]: a leftmost-longest match of a keyword
    /// with no ASCII letter just before or after it.
    fn keyword_reference(s: &str) -> bool {
        let ac = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(TRIGGERS)
            .expect("keyword automaton");
        let bytes = s.as_bytes();
        ac.find_iter(s).any(|m| {
            let before = m.start().checked_sub(1).and_then(|p| bytes.get(p));
            let after = bytes.get(m.end());
            !before.is_some_and(|b| b.is_ascii_alphabetic())
                && !after.is_some_and(|b| b.is_ascii_alphabetic())
        })
    }

    #[test]
    fn every_keyword_is_in_the_table() {
        assert!(TRIGGERS
            .iter()
            .all(|w| (2..=MAX_KEYWORD).contains(&w.len())
                && w.bytes().all(|b| b.is_ascii_lowercase())));
        assert_eq!(Keywords::new(TRIGGERS).packed.len(), TRIGGERS.len());
    }

    #[test]
    fn the_keyword_scan_agrees_with_its_definition() {
        let keywords = Keywords::new(TRIGGERS);
        let mut texts: Vec<String> = [
            "March on Damascus",
            "the marches continued",
            "Mayday, mayday",
            "in MAY the weekend's weeks",
            "Wednesdays,Sunday",
            "weekday nights",
            "a-go-go ago-",
            "caf\u{E9}today \u{E9}today\u{E9}",
            "yesterdays tonight's",
            "",
            "no cue at all here",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for w in TRIGGERS {
            texts.push(format!("x {w} y"));
            texts.push(format!("x{w} y"));
            texts.push(format!("{}s", w.to_uppercase()));
            texts.push(format!("2{}_", w.to_uppercase()));
        }
        // Real text: the sentences and lines of the sample corpus.
        let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/corpus");
        for entry in std::fs::read_dir(corpus).expect("examples/corpus") {
            let text = std::fs::read_to_string(entry.expect("entry").path()).unwrap_or_default();
            texts.extend(text.split_inclusive(['.', '\n']).map(str::to_string));
        }
        assert!(texts.len() > 500);
        for text in &texts {
            assert_eq!(keywords.any_in(text), keyword_reference(text), "{text:?}");
        }
    }
}
