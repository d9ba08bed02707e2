//! The date grammar: which token sequences are dates, and what they mean.
//!
//! [`Matcher::at`] reads the longest date expression that starts at one token.
//! Absolute forms (`March 3, 2014`, `17-08-2014`, `in 2015`) need nothing else;
//! relative forms (`on Tuesday`, `two weeks ago`, `March 3` without a year) are
//! resolved against the reference date and give nothing without one.
//!
//! Month and weekday names must be capitalised (`May` the month, not `may` the verb),
//! and a bare month name or a bare year is only a date after a word that makes it one
//! (`in March`, `since 2011`): that is what keeps `March on Washington`, `May God help
//! us` and `2015 people` out.

use chrono::{Datelike, NaiveDate};

use crate::calendar::{
    add_days, month_bounds, resolve_month, resolve_month_day, shift_month, week_bounds,
    weekday_after, weekday_before, year_bounds, YEARS,
};
use crate::lexicon::{DayPart, Kw, Unit};
use crate::token::{Kind, Tok};
use crate::{DateOrder, Precision};

/// One date expression: the token after it and the interval it means.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hit {
    pub next: usize,
    pub value: NaiveDate,
    pub last: NaiveDate,
    pub precision: Precision,
    pub relative: bool,
}

impl Hit {
    fn day(next: usize, date: NaiveDate, relative: bool) -> Hit {
        Hit {
            next,
            value: date,
            last: date,
            precision: Precision::Day,
            relative,
        }
    }

    fn span(
        next: usize,
        (value, last): (NaiveDate, NaiveDate),
        precision: Precision,
        relative: bool,
    ) -> Hit {
        Hit {
            next,
            value,
            last,
            precision,
            relative,
        }
    }
}

pub(crate) struct Matcher<'a> {
    pub toks: &'a [Tok],
    pub reference: Option<NaiveDate>,
    /// How to read an ambiguous `04/05/2017`.
    pub slash_order: DateOrder,
    /// How to read an ambiguous `04-05-2017` or `04.05.2017`.
    pub dash_order: DateOrder,
}

impl Matcher<'_> {
    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    fn kw(&self, i: usize) -> Kw {
        self.tok(i).map_or(Kw::Other, |t| t.kw)
    }

    fn punct(&self, i: usize, c: char) -> bool {
        self.tok(i).is_some_and(|t| t.is_punct(c))
    }

    fn dash(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == Kind::Punct && matches!(t.ch, '-' | '\u{2013}' | '\u{2014}'))
    }

    /// Tokens `i` and `i + 1` touch (no space between).
    fn glued(&self, i: usize) -> bool {
        match (self.tok(i), self.tok(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    /// The longest date expression starting at token `i`.
    pub(crate) fn at(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        match t.kind {
            Kind::Num => self
                .numeric_date(i)
                .or_else(|| self.day_month(i))
                .or_else(|| self.ago(i))
                .or_else(|| {
                    if self.year_context(i) {
                        self.year(i)
                    } else {
                        None
                    }
                }),
            Kind::Word => match t.kw {
                Kw::Weekday(_) | Kw::WeekdayAbbr(_) => self.weekday(i),
                Kw::Month(_) | Kw::MonthAbbr(_) => self.month_first(i, self.month_context(i)),
                Kw::Number(_) | Kw::Couple => self.ago(i),
                Kw::Early | Kw::Mid | Kw::Late => self.part(i),
                Kw::Last | Kw::This | Kw::Next | Kw::Past => self.deictic(i),
                Kw::Earlier | Kw::Later => self.earlier(i),
                Kw::Today | Kw::Tonight | Kw::Yesterday | Kw::Tomorrow | Kw::Overnight => {
                    self.day_word(i)
                }
                Kw::The => self.the(i),
                _ => None,
            },
            Kind::Punct => None,
        }
    }

    /// An absolute date naming a day, for a standalone date field: numeric,
    /// `March 3, 2014`, `3 March 2014`, optionally after a weekday.
    pub(crate) fn absolute_day(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        let hit = match t.kw {
            Kw::Weekday(_) | Kw::WeekdayAbbr(_) => self.weekday(i),
            Kw::Month(_) | Kw::MonthAbbr(_) => self.month_first(i, false),
            _ if t.kind == Kind::Num => self.numeric_date(i).or_else(|| self.day_month(i)),
            _ => None,
        }?;
        (hit.precision == Precision::Day && hit.value == hit.last && !hit.relative).then_some(hit)
    }

    // ---- absolute forms -------------------------------------------------------------

    /// A four-digit year at `i`.
    fn year_at(&self, i: usize) -> Option<i32> {
        let t = self.tok(i)?;
        (t.kind == Kind::Num && t.digits == 4 && !t.blocked && !t.ordinal && YEARS.contains(&t.num))
            .then_some(t.num as i32)
    }

    /// A day of the month at `i` (`3`, `03`, `3rd`), or a range of days (`3-5`).
    /// Returns the first and last day and the token after.
    fn day_at(&self, i: usize) -> Option<(u32, u32, usize)> {
        let t = self.tok(i)?;
        if t.kind != Kind::Num || t.blocked || t.digits > 2 || !(1..=31).contains(&t.num) {
            return None;
        }
        // `May 10:30` is a time, `3.5` a decimal, `3/4` a fraction: not days.
        if self.glued(i)
            && (self.punct(i + 1, ':') || self.punct(i + 1, '.') || self.punct(i + 1, '/'))
        {
            let after = self.tok(i + 2);
            if after.is_some_and(|a| a.kind == Kind::Num) && self.glued(i + 1) {
                return None;
            }
        }
        if self.dash(i + 1) {
            if let Some(u) = self.tok(i + 2) {
                if u.kind == Kind::Num
                    && !u.blocked
                    && u.digits <= 2
                    && u.num > t.num
                    && u.num <= 31
                {
                    return Some((t.num, u.num, i + 3));
                }
            }
        }
        Some((t.num, t.num, i + 1))
    }

    /// `2015 people`, `12 %`, `In May 12 killed`: the number before is a count. Not
    /// `on April 25 killed at least seven`: a count after the verb is its own.
    fn count_follows(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| {
            t.kw == Kw::CountNoun
                || t.is_punct('%')
                || t.kw == Kw::CountVerb
                    && !(i + 1..i + 5).any(|k| {
                        self.tok(k)
                            .is_some_and(|u| u.kind == Kind::Num || matches!(u.kw, Kw::Number(_)))
                    })
        })
    }

    /// `04/05/2017`, `17-08-2014`, `2016-10-12`, `12.10.2016`, `04/05/17`.
    fn numeric_date(&self, i: usize) -> Option<Hit> {
        let a = self.tok(i)?;
        let sep = self.tok(i + 1)?;
        let b = self.tok(i + 2)?;
        let sep2 = self.tok(i + 3)?;
        let c = self.tok(i + 4)?;
        if sep.kind != Kind::Punct
            || !matches!(sep.ch, '/' | '-' | '.')
            || !sep2.is_punct(sep.ch)
            || [a, b, c]
                .iter()
                .any(|t| t.kind != Kind::Num || t.blocked || t.ordinal)
            || !(i..i + 4).all(|k| self.glued(k))
        {
            return None;
        }
        // Part of a longer run (`1.2.2016.3`, `10/12/2016/5`) or of a number: a code, not a date.
        if i > 0 && self.glued(i - 1) && matches!(self.toks[i - 1].kind, Kind::Num | Kind::Punct) {
            let p = &self.toks[i - 1];
            if p.kind == Kind::Num || p.ch == sep.ch {
                return None;
            }
        }
        if self.glued(i + 4)
            && self.punct(i + 5, sep.ch)
            && self.glued(i + 5)
            && self.tok(i + 6).is_some_and(|t| t.kind == Kind::Num)
        {
            return None;
        }
        let (year, month, day) = if a.digits == 4 {
            if b.digits > 2 || c.digits > 2 {
                return None;
            }
            (a.num, b.num, c.num)
        } else {
            if a.digits > 2 || b.digits > 2 {
                return None;
            }
            let year = match c.digits {
                4 => c.num,
                // `04/05/17`: two-digit years only with slashes, where versions and scores are rare.
                2 if sep.ch == '/' => {
                    if c.num < 70 {
                        2000 + c.num
                    } else {
                        1900 + c.num
                    }
                }
                _ => return None,
            };
            let order = if sep.ch == '/' {
                self.slash_order
            } else {
                self.dash_order
            };
            let (month, day) = if a.num > 12 {
                (b.num, a.num)
            } else if b.num > 12 {
                (a.num, b.num)
            } else {
                match order {
                    DateOrder::MonthFirst => (a.num, b.num),
                    DateOrder::DayFirst => (b.num, a.num),
                }
            };
            (year, month, day)
        };
        if !YEARS.contains(&year) {
            return None;
        }
        let date = NaiveDate::from_ymd_opt(year as i32, month, day)?;
        Some(Hit::day(i + 5, date, false))
    }

    /// `3 March 2014`, `12th of October 2016`, `05 Apr 2017`, `3-5 March`, `on 3 March`.
    fn day_month(&self, i: usize) -> Option<Hit> {
        let (d1, d2, mut j) = self.day_at(i)?;
        if self.kw(j) == Kw::Of {
            j += 1;
        }
        let (month, abbr) = self.month_name(j)?;
        j += 1;
        if abbr && self.glued(j - 1) && self.punct(j, '.') {
            j += 1;
        }
        self.finish_day(month, d1, d2, j)
    }

    /// A capitalised month name at `i`: (month, abbreviated).
    fn month_name(&self, i: usize) -> Option<(u32, bool)> {
        let t = self.tok(i)?;
        if !t.cap {
            return None;
        }
        match t.kw {
            Kw::Month(m) => Some((m, false)),
            Kw::MonthAbbr(m) => Some((m, true)),
            _ => None,
        }
    }

    /// After `March 3` / `3 March` (token `j` follows): an optional year, else the
    /// year from `last year`, else from the reference.
    fn finish_day(&self, month: u32, d1: u32, d2: u32, j: usize) -> Option<Hit> {
        let comma = usize::from(self.punct(j, ','));
        if let Some(year) = self.year_at(j + comma) {
            return day_range(year, month, d1, d2, j + comma + 1, false);
        }
        if let Some((year, next)) = self.year_phrase(j + comma) {
            return day_range(year, month, d1, d2, next, true);
        }
        let reference = self.reference?;
        let first = resolve_month_day(reference, month, d1)?;
        day_range(first.year(), month, d1, d2, j, true)
    }

    /// `last year`, `this year`, `next year` after a month or a day: the year they name.
    fn year_phrase(&self, j: usize) -> Option<(i32, usize)> {
        if self.kw(j + 1) != Kw::Unit(Unit::Year) {
            return None;
        }
        let reference = self.reference?;
        let shift = match self.kw(j) {
            Kw::Last => -1,
            Kw::This => 0,
            Kw::Next => 1,
            _ => return None,
        };
        Some((reference.year().checked_add(shift)?, j + 2))
    }

    /// `March 3, 2014`, `Sept. 5, 2016`, `Oct 12th`, `March 2014`, `in March`, `March last year`.
    fn month_first(&self, i: usize, context: bool) -> Option<Hit> {
        let (month, abbr) = self.month_name(i)?;
        let mut j = i + 1;
        if abbr && self.glued(i) && self.punct(j, '.') {
            j += 1;
        }
        if let Some((d1, d2, next)) = self.day_at(j) {
            // `In May 12 people died`: the number is a count, the month stands alone.
            if !self.count_follows(next) {
                return self.finish_day(month, d1, d2, next);
            }
        }
        let k = j + usize::from(self.punct(j, ',') || self.kw(j) == Kw::Of);
        if let Some(year) = self.year_at(k) {
            if !self.count_follows(k + 1) {
                return Some(Hit::span(
                    k + 1,
                    month_bounds(year, month)?,
                    Precision::Month,
                    false,
                ));
            }
        }
        if abbr {
            return None;
        }
        if let Some((year, next)) = self.year_phrase(j) {
            return Some(Hit::span(
                next,
                month_bounds(year, month)?,
                Precision::Month,
                true,
            ));
        }
        // `Theresa May's`, `in May's vote`: a name in the possessive, too risky.
        if self
            .tok(j)
            .is_some_and(|t| t.is_punct('\'') || t.is_punct('\u{2019}'))
        {
            return None;
        }
        if !context && !self.month_by_itself(i, month) {
            return None;
        }
        let reference = self.reference?;
        let year = resolve_month(reference, month)?;
        Some(Hit::span(
            j,
            month_bounds(year, month)?,
            Precision::Month,
            true,
        ))
    }

    /// A bare year after a word that makes it one: `in 2015`, `since 2011`,
    /// `the end of 2014`, `between 2011 and 2014`.
    fn year(&self, i: usize) -> Option<Hit> {
        let y1 = self.year_at(i)?;
        if self.count_follows(i + 1) {
            return None;
        }
        let joins = self.dash(i + 1) || matches!(self.kw(i + 1), Kw::To | Kw::And);
        if joins {
            if let Some(y2) = self.year_at(i + 2) {
                if y2 > y1 && y2 - y1 <= 50 && !self.count_follows(i + 3) {
                    let (first, _) = year_bounds(y1)?;
                    let (_, last) = year_bounds(y2)?;
                    return Some(Hit::span(i + 3, (first, last), Precision::Year, false));
                }
            }
        }
        Some(Hit::span(i + 1, year_bounds(y1)?, Precision::Year, false))
    }

    /// Words before a bare month name that make it the month.
    fn month_context(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        match self.toks[i - 1].kw {
            Kw::Context | Kw::Before | Kw::After => true,
            // "the end of July"; "the first week of July" (read as a week by `find`).
            Kw::Of => {
                i >= 2
                    && matches!(
                        self.toks[i - 2].kw,
                        Kw::PeriodNoun | Kw::Unit(crate::lexicon::Unit::Week)
                    )
            }
            _ => false,
        }
    }

    /// A month name other than `May` and `March` (a verb and a noun besides) is the month
    /// after an article (`the December attack`, `a February ceasefire`) or before a
    /// lower-case word (`September was the deadliest month`), unless a capitalised word
    /// before it makes it part of a name (`Mary April`).
    fn month_by_itself(&self, i: usize, month: u32) -> bool {
        if month == 3 || month == 5 {
            return false;
        }
        let before = i.checked_sub(1).and_then(|p| self.tok(p));
        if before.is_some_and(|b| b.kind == Kind::Word && matches!(b.kw, Kw::The | Kw::Number(1))) {
            return true;
        }
        if before.is_some_and(|b| b.kind == Kind::Word && b.cap) {
            return false;
        }
        self.tok(i + 1)
            .is_some_and(|n| n.kind == Kind::Word && !n.cap)
    }

    /// Words before a bare four-digit number that make it a year.
    fn year_context(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        match self.toks[i - 1].kw {
            Kw::Context | Kw::Before | Kw::After | Kw::By => true,
            // "the end of July"; "the first week of July" (read as a week by `find`).
            Kw::Of => {
                i >= 2
                    && matches!(
                        self.toks[i - 2].kw,
                        Kw::PeriodNoun | Kw::Unit(crate::lexicon::Unit::Week)
                    )
            }
            // `the year 2015`
            Kw::Unit(Unit::Year) => i >= 2 && self.toks[i - 2].kw == Kw::The,
            _ => false,
        }
    }

    // ---- weekdays and day words ------------------------------------------------------

    /// `Monday, March 3, 2014`, `Wed 05 Apr 2017`, `Tue, 15 Nov 2016`, or a weekday
    /// alone (`Tuesday`, `Tuesday night`): the most recent one on or before the reference.
    fn weekday(&self, i: usize) -> Option<Hit> {
        let t = self.tok(i)?;
        if !t.cap {
            return None;
        }
        let (wd, abbr) = match t.kw {
            Kw::Weekday(d) => (d, false),
            Kw::WeekdayAbbr(d) => (d, true),
            _ => return None,
        };
        let mut j = i + 1;
        if abbr && self.glued(i) && self.punct(j, '.') {
            j += 1;
        }
        if self.punct(j, ',') {
            j += 1;
        }
        let dated = match self.tok(j) {
            Some(n) if n.kind == Kind::Num => self.numeric_date(j).or_else(|| self.day_month(j)),
            Some(_) => self.month_first(j, false),
            None => None,
        };
        if let Some(hit) = dated {
            if hit.precision == Precision::Day {
                return Some(hit);
            }
        }
        if abbr {
            return None;
        }
        let reference = self.reference?;
        let date = weekday_before(reference, wd, false)?;
        let next = self.after_day_part(i + 1);
        // `on Saturday and Sunday`, `Friday to Sunday`: both days and those between.
        if matches!(self.kw(next), Kw::And | Kw::To) || self.dash(next) {
            if let Some(Kw::Weekday(wd2)) = self.tok(next + 1).filter(|t| t.cap).map(|t| t.kw) {
                let date2 = weekday_before(reference, wd2, false).unwrap_or(date);
                if date2 > date && (date2 - date).num_days() < 7 {
                    let end = self.after_day_part(next + 2);
                    return Some(Hit::span(end, (date, date2), Precision::Day, true));
                }
            }
        }
        Some(Hit::day(next, date, true))
    }

    /// Skips a `morning` / `night` after a day word.
    fn after_day_part(&self, j: usize) -> usize {
        if matches!(self.kw(j), Kw::PartOfDay(_)) {
            j + 1
        } else {
            j
        }
    }

    /// `today`, `tonight`, `yesterday (morning)`, `tomorrow`; `overnight` (the night
    /// before the reference: that day and the one before).
    fn day_word(&self, i: usize) -> Option<Hit> {
        let reference = self.reference?;
        if self.kw(i) == Kw::Overnight {
            return Some(Hit::span(
                i + 1,
                (add_days(reference, -1)?, reference),
                Precision::Day,
                true,
            ));
        }
        let shift = match self.kw(i) {
            Kw::Today | Kw::Tonight => 0,
            Kw::Yesterday => -1,
            Kw::Tomorrow => 1,
            _ => return None,
        };
        // `Russia Today said`, `Aleppo Today reported`: an outlet, not a day. (A headline's
        // `... in Syria Today.` is lost with them.)
        let named = i > 0
            && self.toks[i - 1].kind == Kind::Word
            && self.toks[i - 1].cap
            && self.toks[i - 1].kw == Kw::Other
            && self.tok(i).is_some_and(|t| t.cap)
            && !self.punct(i + 1, '.');
        if named {
            return None;
        }
        let next = if self.kw(i) == Kw::Tonight {
            i + 1
        } else {
            self.after_day_part(i + 1)
        };
        Some(Hit::day(next, add_days(reference, shift)?, true))
    }

    /// `the day before yesterday`, `the past two weeks`, `(over) the weekend`.
    fn the(&self, i: usize) -> Option<Hit> {
        let reference = self.reference?;
        match self.kw(i + 1) {
            Kw::Unit(Unit::Day) => {
                let shift = match (self.kw(i + 2), self.kw(i + 3)) {
                    (Kw::Before, Kw::Yesterday) => -2,
                    (Kw::After, Kw::Tomorrow) => 2,
                    _ => return None,
                };
                Some(Hit::day(i + 4, add_days(reference, shift)?, true))
            }
            Kw::Past | Kw::Last => self.past_interval(i + 2, reference),
            Kw::Weekend => {
                let before = i.checked_sub(1).map_or(Kw::Other, |p| self.toks[p].kw);
                if !matches!(before, Kw::Over | Kw::At | Kw::Context) {
                    return None;
                }
                // The weekend just gone, or the one under way: two known days.
                let saturday = weekday_before(reference, 5, false)?;
                Some(Hit::span(
                    i + 2,
                    (saturday, add_days(saturday, 1)?),
                    Precision::Day,
                    true,
                ))
            }
            // `the beginning of the week`, `the end of last month`, `the start of this
            // year`: the whole unit, at its own precision.
            Kw::PeriodNoun if self.kw(i + 2) == Kw::Of => {
                let shift = match self.kw(i + 3) {
                    Kw::The | Kw::This => 0,
                    Kw::Last => -1,
                    Kw::Next => 1,
                    _ => return None,
                };
                let Kw::Unit(unit @ (Unit::Week | Unit::Month | Unit::Year)) = self.kw(i + 4)
                else {
                    return None;
                };
                let bounds = unit_bounds(reference, unit, shift)?;
                Some(Hit::span(i + 5, bounds, unit_precision(unit), true))
            }
            _ => None,
        }
    }

    /// After `the past` / `the last` (token `j`): `[two] weeks`: the interval ending at the reference.
    fn past_interval(&self, j: usize, reference: NaiveDate) -> Option<Hit> {
        let (n, k) = match self.kw(j) {
            Kw::Unit(_) => (1, j),
            _ => self.count_at(j)?,
        };
        let unit = match self.kw(k) {
            Kw::Unit(u) if n == 1 => u,
            Kw::Units(u) if n > 1 || k > j => u,
            _ => return None,
        };
        if matches!(self.kw(k + 1), Kw::Of | Kw::Ago) {
            return None;
        }
        let first = go_back(reference, unit, n)?;
        Some(Hit::span(
            k + 1,
            (first, reference),
            unit_precision(unit),
            true,
        ))
    }

    // ---- counted and deictic forms ---------------------------------------------------

    /// A count at `j`: `10`, `two`, `twenty-one`, `a`, `a couple of`. Returns (n, token after).
    fn count_at(&self, j: usize) -> Option<(u32, usize)> {
        let t = self.tok(j)?;
        match t.kind {
            Kind::Num if !t.blocked && !t.ordinal && t.digits <= 3 && t.num > 0 => {
                Some((t.num, j + 1))
            }
            Kind::Word => match t.kw {
                Kw::Number(1) if self.kw(j + 1) == Kw::Couple && self.kw(j + 2) == Kw::Of => {
                    Some((2, j + 3))
                }
                Kw::Couple if self.kw(j + 1) == Kw::Of => Some((2, j + 2)),
                Kw::Number(tens) if tens >= 20 && self.dash(j + 1) && self.glued(j) => {
                    match self.kw(j + 2) {
                        Kw::Number(u)
                            if u < 10 && self.tok(j + 2).is_some_and(|w| w.end - w.start > 1) =>
                        {
                            Some((tens + u, j + 3))
                        }
                        _ => Some((tens, j + 1)),
                    }
                }
                Kw::Number(n) => Some((n, j + 1)),
                _ => None,
            },
            _ => None,
        }
    }

    /// `two weeks ago`, `a month ago`, `10 days ago`, `three hours ago`.
    fn ago(&self, i: usize) -> Option<Hit> {
        let (n, k) = self.count_at(i)?;
        let unit = match self.kw(k) {
            Kw::Unit(u) | Kw::Units(u) => u,
            _ => return None,
        };
        if self.kw(k + 1) != Kw::Ago {
            return None;
        }
        let reference = self.reference?;
        let next = k + 2;
        let n = i64::from(n);
        let hit = match unit {
            Unit::Minute | Unit::Hour => Hit::day(next, reference, true),
            Unit::Day => Hit::day(next, add_days(reference, -n)?, true),
            Unit::Week => Hit::span(
                next,
                week_bounds(add_days(reference, -7 * n)?)?,
                Precision::Week,
                true,
            ),
            Unit::Month => {
                let (y, m) = shift_month(reference, -n)?;
                Hit::span(next, month_bounds(y, m)?, Precision::Month, true)
            }
            Unit::Year => {
                let y = reference.year().checked_sub(i32::try_from(n).ok()?)?;
                Hit::span(next, year_bounds(y)?, Precision::Year, true)
            }
        };
        Some(hit)
    }

    /// `last week`, `this month`, `next year`, `last Tuesday`, `last March`, `last night`,
    /// `this morning`, `last weekend`, `past two weeks`.
    fn deictic(&self, i: usize) -> Option<Hit> {
        let which = self.kw(i);
        let j = i + 1;
        let reference = self.reference?;
        if which == Kw::Past {
            return self.past_interval(j, reference);
        }
        let shift: i64 = match which {
            Kw::Last => -1,
            Kw::This => 0,
            Kw::Next => 1,
            _ => return None,
        };
        match self.kw(j) {
            Kw::Unit(unit) => {
                if self.kw(j + 1) == Kw::Of {
                    return None;
                }
                let bounds = unit_bounds(reference, unit, shift)?;
                Some(Hit::span(j + 1, bounds, unit_precision(unit), true))
            }
            Kw::Weekend => {
                let (monday, _) = week_bounds(add_days(reference, 7 * shift)?)?;
                let bounds = (add_days(monday, 5)?, add_days(monday, 6)?);
                Some(Hit::span(j + 1, bounds, Precision::Day, true))
            }
            Kw::Weekday(wd) => {
                let date = match shift {
                    -1 => weekday_before(reference, wd, true)?,
                    1 => weekday_after(reference, wd)?,
                    _ => add_days(week_bounds(reference)?.0, i64::from(wd))?,
                };
                Some(Hit::day(self.after_day_part(j + 1), date, true))
            }
            Kw::Month(month) if self.tok(j).is_some_and(|t| t.cap) => {
                let year = match shift {
                    -1 if month < reference.month() => reference.year(),
                    -1 => reference.year() - 1,
                    1 if month > reference.month() => reference.year(),
                    1 => reference.year() + 1,
                    _ => reference.year(),
                };
                Some(Hit::span(
                    j + 1,
                    month_bounds(year, month)?,
                    Precision::Month,
                    true,
                ))
            }
            Kw::PartOfDay(part) => {
                let back = match (shift, part) {
                    (-1, DayPart::Evening | DayPart::Night) => -1,
                    (0, _) => 0,
                    _ => return None,
                };
                Some(Hit::day(j + 1, add_days(reference, back)?, true))
            }
            _ if which == Kw::Last => self.past_interval(j, reference),
            _ => None,
        }
    }

    /// `early March`, `mid-2015`, `late last year`, `early this month`, `late Tuesday`:
    /// the period the words qualify, whole (`docs/taxonomy.md`: "in late December" is
    /// the month, as "the end of last month" is). Where in it the writer meant is vague;
    /// a narrower guess would make "late September" contradict "September 18".
    fn part(&self, i: usize) -> Option<Hit> {
        if !matches!(self.kw(i), Kw::Early | Kw::Mid | Kw::Late) {
            return None;
        }
        let mut j = i + 1;
        if self.glued(i) && self.dash(j) {
            j += 1;
        }
        let t = self.tok(j)?;
        match t.kw {
            _ if t.kind == Kind::Num => self.year(j),
            Kw::Month(_) => self.month_first(j, true),
            Kw::Last | Kw::This | Kw::Next => self.deictic(j),
            Kw::Weekday(_) => self.weekday(j),
            Kw::Today | Kw::Tonight | Kw::Yesterday | Kw::Tomorrow => self.day_word(j),
            _ => None,
        }
    }

    /// `earlier today`, `earlier this month`, `later this year`, `earlier in the day`,
    /// `later on the day`.
    fn earlier(&self, i: usize) -> Option<Hit> {
        let reference = self.reference?;
        match self.kw(i + 1) {
            Kw::Today => Some(Hit::day(i + 2, reference, true)),
            // "Earlier in the day", "Later on the day": the day of the report.
            Kw::Context | Kw::On
                if self.kw(i + 2) == Kw::The && self.kw(i + 3) == Kw::Unit(Unit::Day) =>
            {
                Some(Hit::day(i + 4, reference, true))
            }
            Kw::This => match self.kw(i + 2) {
                // "earlier this month", "later this year": the calendar unit, as "this
                // month" (`docs/taxonomy.md`).
                Kw::Unit(unit @ (Unit::Week | Unit::Month | Unit::Year)) => {
                    let bounds = unit_bounds(reference, unit, 0)?;
                    Some(Hit::span(i + 3, bounds, unit_precision(unit), true))
                }
                Kw::PartOfDay(_) => Some(Hit::day(i + 3, reference, true)),
                _ => None,
            },
            _ => None,
        }
    }
}

fn day_range(year: i32, month: u32, d1: u32, d2: u32, next: usize, relative: bool) -> Option<Hit> {
    let first = NaiveDate::from_ymd_opt(year, month, d1)?;
    let last = NaiveDate::from_ymd_opt(year, month, d2)?;
    let precision = if d1 == d2 {
        Precision::Day
    } else if d2 - d1 < 7 {
        Precision::Week
    } else {
        Precision::Month
    };
    Some(Hit::span(next, (first, last), precision, relative))
}

fn unit_precision(unit: Unit) -> Precision {
    match unit {
        Unit::Minute | Unit::Hour | Unit::Day => Precision::Day,
        Unit::Week => Precision::Week,
        Unit::Month => Precision::Month,
        Unit::Year => Precision::Year,
    }
}

/// The calendar day, week, month or year `shift` units from the one holding `reference`.
fn unit_bounds(reference: NaiveDate, unit: Unit, shift: i64) -> Option<(NaiveDate, NaiveDate)> {
    match unit {
        Unit::Minute | Unit::Hour => Some((reference, reference)),
        Unit::Day => {
            let d = add_days(reference, shift)?;
            Some((d, d))
        }
        Unit::Week => week_bounds(add_days(reference, 7 * shift)?),
        Unit::Month => {
            let (y, m) = shift_month(reference, shift)?;
            month_bounds(y, m)
        }
        Unit::Year => year_bounds(reference.year().checked_add(i32::try_from(shift).ok()?)?),
    }
}

/// `reference` minus `n` units (for `the past two weeks`).
fn go_back(reference: NaiveDate, unit: Unit, n: u32) -> Option<NaiveDate> {
    let n = i64::from(n);
    match unit {
        Unit::Minute | Unit::Hour => Some(reference),
        // "the past two days", "the past week": that many days ending on the reference
        // (`eval/gold/README.md`, hard case 5: "14 days ending on publication").
        Unit::Day => add_days(reference, 1 - n),
        Unit::Week => add_days(reference, 1 - 7 * n),
        // "the last two months": the day after the same date two months back.
        Unit::Month => add_days(
            reference.checked_sub_months(chrono::Months::new(u32::try_from(n).ok()?))?,
            1,
        ),
        Unit::Year => add_days(
            reference
                .checked_sub_months(chrono::Months::new(u32::try_from(n.checked_mul(12)?).ok()?))?,
            1,
        ),
    }
}
