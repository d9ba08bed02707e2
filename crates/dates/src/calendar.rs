//! Calendar arithmetic the resolver needs: bounds of weeks, months and years, and
//! the year of a date that was written without one. Every function is checked:
//! dates outside chrono's range give `None`, never a panic.

use chrono::{Datelike, Days, NaiveDate};

/// How far past the reference a date written without a year may fall. News mostly
/// reports what happened, but announces some things weeks ahead ("elections in March").
pub(crate) const AHEAD_DAYS: i64 = 61;

/// The earliest and latest year accepted anywhere: outside this a four-digit number
/// is a count or a code, not a year.
pub(crate) const YEARS: std::ops::RangeInclusive<u32> = 1900..=2100;

pub(crate) fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

pub(crate) fn month_bounds(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    Some((first, next.pred_opt()?))
}

pub(crate) fn year_bounds(year: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((
        NaiveDate::from_ymd_opt(year, 1, 1)?,
        NaiveDate::from_ymd_opt(year, 12, 31)?,
    ))
}

/// The Monday-to-Sunday week holding `d`.
pub(crate) fn week_bounds(d: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let monday = add_days(d, -i64::from(d.weekday().num_days_from_monday()))?;
    Some((monday, add_days(monday, 6)?))
}

/// The month `n` months after (negative: before) the month of `d`.
pub(crate) fn shift_month(d: NaiveDate, n: i64) -> Option<(i32, u32)> {
    let index = i64::from(d.year()) * 12 + i64::from(d.month0()) + n;
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    Some((year, u32::try_from(index.rem_euclid(12)).ok()? + 1))
}

/// The weekday `wd` (0 = Monday) on or before `d`; strictly before when `strict`.
pub(crate) fn weekday_before(d: NaiveDate, wd: u32, strict: bool) -> Option<NaiveDate> {
    let mut back = (i64::from(d.weekday().num_days_from_monday()) - i64::from(wd)).rem_euclid(7);
    if strict && back == 0 {
        back = 7;
    }
    add_days(d, -back)
}

/// The weekday `wd` strictly after `d`.
pub(crate) fn weekday_after(d: NaiveDate, wd: u32) -> Option<NaiveDate> {
    let mut ahead = (i64::from(wd) - i64::from(d.weekday().num_days_from_monday())).rem_euclid(7);
    if ahead == 0 {
        ahead = 7;
    }
    add_days(d, ahead)
}

/// `March 3` written without a year: the most recent such date not more than
/// [`AHEAD_DAYS`] after the reference.
pub(crate) fn resolve_month_day(reference: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    let limit = add_days(reference, AHEAD_DAYS)?;
    // Four years back so that February 29 still finds a leap year.
    (0..6).find_map(|back| {
        let year = reference.year().checked_add(1)?.checked_sub(back)?;
        NaiveDate::from_ymd_opt(year, month, day).filter(|date| *date <= limit)
    })
}

/// `in March` written without a year: the most recent March starting not more than
/// [`AHEAD_DAYS`] after the reference.
pub(crate) fn resolve_month(reference: NaiveDate, month: u32) -> Option<i32> {
    let limit = add_days(reference, AHEAD_DAYS)?;
    (0..3).find_map(|back| {
        let year = reference.year().checked_add(1)?.checked_sub(back)?;
        NaiveDate::from_ymd_opt(year, month, 1)
            .filter(|first| *first <= limit)
            .map(|_| year)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_date_without_year_is_the_latest_one_not_far_ahead() {
        assert_eq!(
            resolve_month_day(d(2016, 1, 10), 12, 28),
            Some(d(2015, 12, 28))
        );
        assert_eq!(
            resolve_month_day(d(2016, 1, 10), 2, 20),
            Some(d(2016, 2, 20))
        );
        assert_eq!(resolve_month_day(d(2016, 1, 10), 6, 1), Some(d(2015, 6, 1)));
        assert_eq!(
            resolve_month_day(d(2015, 12, 20), 1, 5),
            Some(d(2016, 1, 5))
        );
        assert_eq!(
            resolve_month_day(d(2017, 3, 1), 2, 29),
            Some(d(2016, 2, 29))
        );
        assert_eq!(resolve_month(d(2016, 1, 10), 4), Some(2015));
        assert_eq!(resolve_month(d(2016, 1, 10), 3), Some(2016));
    }

    #[test]
    fn weeks_start_on_monday() {
        // 2016-10-12 is a Wednesday.
        assert_eq!(
            week_bounds(d(2016, 10, 12)),
            Some((d(2016, 10, 10), d(2016, 10, 16)))
        );
        assert_eq!(
            weekday_before(d(2016, 10, 12), 2, false),
            Some(d(2016, 10, 12))
        );
        assert_eq!(
            weekday_before(d(2016, 10, 12), 2, true),
            Some(d(2016, 10, 5))
        );
        assert_eq!(weekday_after(d(2016, 10, 12), 0), Some(d(2016, 10, 17)));
        assert_eq!(shift_month(d(2016, 1, 31), -1), Some((2015, 12)));
    }
}
