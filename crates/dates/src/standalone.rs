//! A standalone date: a metadata field or a whole date line.
//!
//! The string must be essentially a date. Before it may come label words and
//! punctuation (`Published`, `Posted on`, `Date of publication`, `Updated:`) and a time;
//! after it a time and zone (`10:00:00 GMT`, `T08:00:00Z`, `+03:00`, `at 8 a.m.`),
//! a byline (`by admin`, up to [`MAX_BYLINE`] tokens) or an `Updated ...` trailer.
//!
//! Byline choice: `Posted on November 3, 2016 by admin` is accepted. Blog and CMS
//! templates print the author on the date line, and the date there is the
//! publication date, so refusing it would lose the most common metadata line. A long
//! tail after `by` is refused: that is a sentence, not a byline.

use chrono::NaiveDate;

use crate::grammar::Matcher;
use crate::lexicon::Kw;
use crate::token::{Kind, Tok};

/// Longest tail after `by` still read as an author name.
pub(crate) const MAX_BYLINE: usize = 8;

/// Longer strings are text, not a date field.
pub(crate) const MAX_FIELD: usize = 200;

pub(crate) fn parse(m: &Matcher<'_>) -> Option<NaiveDate> {
    let toks = m.toks;
    let mut i = 0;
    while let Some(t) = toks.get(i) {
        let skip = match t.kind {
            Kind::Punct => true,
            Kind::Word => {
                matches!(t.kw, Kw::Label | Kw::Of | Kw::On | Kw::At | Kw::Last | Kw::Meridiem)
                    // A zone after a leading time: `10:42 GMT, 12 October 2016`.
                    || (t.upper && t.end - t.start <= 4 && !matches!(t.kw, Kw::Month(_) | Kw::MonthAbbr(_) | Kw::Weekday(_) | Kw::WeekdayAbbr(_)))
            }
            Kind::Num => time_len(toks, i) > 0,
        };
        if !skip {
            break;
        }
        i += match t.kind {
            Kind::Num => time_len(toks, i),
            _ => 1,
        };
    }
    let hit = m.absolute_day(i)?;
    trailer_ok(toks, hit.next).then_some(hit.value)
}

/// A clock time at `i` (`10:00`, `08:00:00`): how many tokens it covers, 0 if none.
/// (`10.30` is not taken: before a date it reads as the start of `12.10.2016`.)
fn time_len(toks: &[Tok], i: usize) -> usize {
    let glued = |k: usize| match (toks.get(k), toks.get(k + 1)) {
        (Some(a), Some(b)) => a.end == b.start,
        _ => false,
    };
    let is_num = |k: usize, max: u32| {
        toks.get(k)
            .is_some_and(|t| t.kind == Kind::Num && t.digits <= 2 && t.num <= max)
    };
    if !is_num(i, 24) {
        return 0;
    }
    let mut n = 1;
    while toks.get(i + n).is_some_and(|t| t.is_punct(':'))
        && glued(i + n - 1)
        && glued(i + n)
        && is_num(i + n + 1, 60)
    {
        n += 2;
    }
    if n == 1 {
        0
    } else {
        n
    }
}

fn trailer_ok(toks: &[Tok], mut i: usize) -> bool {
    while let Some(t) = toks.get(i) {
        match t.kind {
            Kind::Punct => i += 1,
            // Clock parts, seconds fractions, zone offsets like `+0300`.
            Kind::Num if t.digits <= 4 && !t.blocked || t.digits <= 2 => i += 1,
            Kind::Num => return false,
            Kind::Word => match t.kw {
                Kw::By => return toks.len() - i - 1 <= MAX_BYLINE,
                // `Updated March 4, 2014`, `Last updated ...`: a second date line, ignored.
                Kw::Label => return true,
                Kw::Last if toks.get(i + 1).is_some_and(|n| n.kw == Kw::Label) => return true,
                Kw::At | Kw::Meridiem | Kw::Weekday(_) => i += 1,
                _ => {
                    let len = t.end - t.start;
                    // `GMT`, `EST`, `Z`, `T`, and the letters of `a.m.`.
                    let zone = t.upper && len <= 5;
                    let letter = len == 1;
                    if zone || letter {
                        i += 1;
                    } else {
                        return false;
                    }
                }
            },
        }
    }
    true
}
