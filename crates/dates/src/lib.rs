//! A small date grammar for English news text, over chrono.
//!
//! Two jobs:
//!
//! * [`DateParser::parse_date`] reads a standalone date: a metadata field or a whole
//!   date line (`Published October 12 2016`, `2016-10-12T08:00:00Z`, `04/05/2017`,
//!   `Tue, 15 Nov 2016 10:00:00 GMT`).
//! * [`DateParser::find`] finds every date expression in running text, absolute
//!   (`on March 3, 2014`, `in 2015`) and relative (`last Tuesday`, `two weeks ago`,
//!   `earlier this month`), the relative ones resolved against the article's
//!   publication date. Each match carries the interval it can mean and a precision.
//!
//! ```
//! use chrono::NaiveDate;
//! use crosscheck_dates::{DateOrder, DateParser, Precision};
//!
//! let dates = DateParser::new();
//! let published = dates.parse_date("Posted on November 3, 2016", DateOrder::MonthFirst);
//! assert_eq!(published, NaiveDate::from_ymd_opt(2016, 11, 3));
//!
//! let text = "Government forces shelled the town on Tuesday, two weeks after the truce.";
//! let found = dates.find(text, 0, text.len(), published);
//! assert_eq!(&text[found[0].start..found[0].end], "Tuesday");
//! assert_eq!(found[0].value, NaiveDate::from_ymd_opt(2016, 11, 1).unwrap());
//! assert_eq!(found[0].precision, Precision::Day);
//! ```
//!
//! What it does not do: times of day (they are tolerated after a date, not read),
//! languages other than English, narrative-relative expressions (`the next day`,
//! `two days later`: their anchor is another event, not the publication date),
//! seasons (`last summer`) and decades (`the 1990s`).
//!
//! Conventions worth knowing:
//!
//! * Spans cover the date words, not a plain preposition before them: in `on March 3`
//!   the span is `March 3`; words that change the meaning are kept (`last March`,
//!   `early this month`, `two weeks ago`).
//! * `value..=last` is every day the expression can mean: a day, a Monday-to-Sunday
//!   week, a whole month or year. `early` / `mid` / `late` and `earlier` / `later`
//!   `this week/month/year` keep the whole period they qualify (`late September` is
//!   September 1-30, `docs/taxonomy.md`): where in it the writer meant is vague, and a
//!   guessed third would make "late September" contradict "September 18".
//!   `precision` is the unit the expression speaks in (`late last year` is `Year`).
//! * A date written without a year takes the latest year that puts it no more than
//!   about two months after the reference: news mostly reports the past.
//! * A weekday alone (`on Tuesday`) is the latest such day on or before the reference
//!   (the reference itself when it is that day); `last Tuesday` is strictly before it.
//! * In `find`, an ambiguous numeric date is month-first with slashes (`04/05/2017`,
//!   US and FA-KES style) and day-first with dashes or dots (`04-05-2017`).

mod ascii;
mod calendar;
mod find;
mod grammar;
mod lexicon;
mod standalone;
mod token;

use chrono::NaiveDate;

use crate::grammar::Matcher;
use crate::lexicon::Lexicon;

/// How to read a numeric date whose first two parts could both be the month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateOrder {
    /// `04/05/2017` is April 5 (US; FA-KES).
    MonthFirst,
    /// `04/05/2017` is 4 May (most of the world).
    DayFirst,
}

/// The unit a date expression speaks in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Day,
    Week,
    Month,
    Year,
}

/// One date expression found in text.
#[derive(Clone, Debug, PartialEq)]
pub struct DateMatch {
    /// Byte offset of the first byte of the expression in the text given to `find`.
    pub start: usize,
    /// Byte offset just past the expression.
    pub end: usize,
    /// The first day the expression can mean.
    pub value: NaiveDate,
    /// The last day the expression can mean (`value` for a single day).
    pub last: NaiveDate,
    pub precision: Precision,
    /// Resolved against the reference date (`last Tuesday`, `March 3` without a year).
    pub relative: bool,
}

/// The date grammar. Build once and share: `find` and `parse_date` take `&self`.
pub struct DateParser {
    lexicon: Lexicon,
    /// Whole-word keywords; with "any digit" this is the cheap pre-filter of `find`.
    triggers: find::Keywords,
}

impl Default for DateParser {
    fn default() -> Self {
        DateParser::new()
    }
}

impl DateParser {
    pub fn new() -> DateParser {
        let triggers = find::Keywords::new(lexicon::TRIGGERS);
        DateParser {
            lexicon: Lexicon::new(),
            triggers,
        }
    }

    /// A standalone date: a metadata field or a whole date line. Returns None unless the string is essentially a date
    /// (allowing leading words like "Published", "Posted on", "Date of publication", "Updated:" and a trailing time/zone).
    ///
    /// `order` decides ambiguous numeric dates (`04/05/2017`); a part above 12 decides by itself.
    /// A date followed by a short byline (`Posted on November 3, 2016 by admin`) is accepted.
    pub fn parse_date(&self, s: &str, order: DateOrder) -> Option<NaiveDate> {
        if s.len() > standalone::MAX_FIELD {
            return None;
        }
        // A field is short: room for its tokens at once.
        let mut toks = Vec::with_capacity(16);
        token::tokenize(&self.lexicon, s, 0, &mut toks);
        let matcher = Matcher {
            toks: &toks,
            reference: None,
            slash_order: order,
            dash_order: order,
        };
        standalone::parse(&matcher).or_else(|| compact_date(s.trim()))
    }

    /// All date expressions inside text[start..end] (absolute offsets), relative ones resolved against `reference`
    /// (the article's publication date; relative expressions are skipped when it is None).
    ///
    /// Out-of-range or mid-character bounds are narrowed to the nearest valid ones.
    pub fn find(
        &self,
        text: &str,
        start: usize,
        end: usize,
        reference: Option<NaiveDate>,
    ) -> Vec<DateMatch> {
        find::find(self, text, start, end, reference)
    }
}

/// `20161012`: only as a whole field, where it cannot be a count.
fn compact_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 8 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| s.get(r).and_then(|p| p.parse::<u32>().ok());
    let year = n(0..4)?;
    if !calendar::YEARS.contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year as i32, n(4..6)?, n(6..8)?)
}
