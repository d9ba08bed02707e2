//! The author box of an outlet that closes some articles: "The Daily Star is the
//! world's leading newspaper of ... <anything to the end>".
//!
//! What it finds is the leftmost match, in a window that ends the paragraph, of
//!
//! ```text
//! (?:\p{Lu}[\p{L}'\-]*\s+){1,6}is the worlds? (?:premier|leading|largest|first|most)\b
//! [^.]{0,120}\b(?:newspaper|daily|publication|news agency|broadcaster|news network)\b(.{0,600})$
//! ```
//!
//! with its counts checked in code. As one regex, the counts made six copies of
//! the Unicode letter classes and a reverse lazy DFA with a state per count
//! reached: 44 M instructions to compile and search the first five windows of
//! the benchmark slice, against 11 M for the two regexes below.
//!
//! * The names read one way only (each starts with a capital and runs to the
//!   spaces after it; "is" starts with a small letter), so the regex without the
//!   count finds the first of a run of names, and with more than six the leftmost
//!   start allowed is the sixth name from the end.
//! * After the superlative, a greedy `[^.]{0,120}` takes the last outlet word
//!   within 120 chars without a full stop, which leaves the shortest tail; the
//!   tail (`.`: no line feed) is checked on that word alone.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

const MAX_NAMES: usize = 6;
const MAX_GAP: usize = 120;
const MAX_TAIL: usize = 600;

pub(crate) struct PublicationBox {
    /// The names (group 1) and "is the world's leading".
    names: OnceLock<Regex>,
    /// An outlet word.
    outlet: OnceLock<Regex>,
}

impl PublicationBox {
    pub const fn new() -> PublicationBox {
        PublicationBox {
            names: OnceLock::new(),
            outlet: OnceLock::new(),
        }
    }

    fn names(&self) -> &Regex {
        self.names.get_or_init(|| {
            Regex::new(
                r"((?:\p{Lu}[\p{L}'\-]*\s+)+)is the worlds? (?:premier|leading|largest|first|most)\b",
            )
            .expect("names regex")
        })
    }

    fn outlet(&self) -> &Regex {
        self.outlet.get_or_init(|| {
            Regex::new(r"\b(?:newspaper|daily|publication|news agency|broadcaster|news network)\b")
                .expect("outlet regex")
        })
    }

    /// The leftmost match in `window`, which always runs to its end.
    pub fn find(&self, window: &str) -> Option<Range<usize>> {
        let mut from = 0;
        while let Some(c) = self.names().captures_at(window, from) {
            let (names, lead) = (c.get(1)?, c.get(0)?);
            if self.outlet_follows(window, lead.end()) {
                return Some(first_allowed(names.as_str(), names.start())..window.len());
            }
            // Another match needs other names: these end at this "is".
            from = lead.end();
        }
        None
    }

    /// Whether an outlet word follows `at` within [`MAX_GAP`] chars and no full
    /// stop, with at most [`MAX_TAIL`] chars and no line feed after the last one.
    fn outlet_follows(&self, window: &str, at: usize) -> bool {
        let mut last_end = None;
        let mut from = at;
        while let Some(m) = self.outlet().find_at(window, from) {
            let gap = &window[at..m.start()];
            if gap.contains('.') || gap.chars().count() > MAX_GAP {
                break;
            }
            last_end = Some(m.end());
            from = m.end();
        }
        last_end.is_some_and(|end| {
            let tail = &window[end..];
            !tail.contains('\n') && tail.chars().count() <= MAX_TAIL
        })
    }
}

/// Where the leftmost match may start in a run of names starting at `start`: at
/// the run when it holds at most [`MAX_NAMES`] names, else at the name that many
/// from its end.
fn first_allowed(names: &str, start: usize) -> usize {
    let starts: Vec<usize> = names
        .char_indices()
        .filter(|&(i, c)| {
            !c.is_whitespace() && (i == 0 || names[..i].ends_with(char::is_whitespace))
        })
        .map(|(i, _)| i)
        .collect();
    let skip = starts.len().saturating_sub(MAX_NAMES);
    start + starts.get(skip).copied().unwrap_or(0)
}
