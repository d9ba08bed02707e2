//! Finding date expressions in running text.
//!
//! `find` runs on every sentence of every article, and most sentences hold no date.
//! A byte scan decides first: a sentence with no ASCII digit and no whole-word
//! keyword (month, weekday, `today`, `ago`, `week`, ...) is done without tokenizing.

use chrono::NaiveDate;

use crate::grammar::Matcher;
use crate::token::tokenize;
use crate::{DateMatch, DateOrder, DateParser};

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
    // About one token per four bytes of news text: one allocation, not a doubling series.
    let mut toks = Vec::with_capacity(slice.len() / 4 + 4);
    tokenize(&parser.lexicon, slice, start, &mut toks);
    let matcher = Matcher {
        toks: &toks,
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
    found
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
    let bytes = s.as_bytes();
    if bytes.iter().any(u8::is_ascii_digit) {
        return true;
    }
    let Some(triggers) = &parser.triggers else {
        return true;
    };
    triggers.find_iter(s).any(|m| {
        let before = m.start().checked_sub(1).and_then(|p| bytes.get(p));
        let after = bytes.get(m.end());
        !before.is_some_and(|b| b.is_ascii_alphabetic())
            && !after.is_some_and(|b| b.is_ascii_alphabetic())
    })
}
