//! Standalone dates: metadata fields and date lines as news sites print them.

use chrono::NaiveDate;
use crosscheck_dates::{DateOrder, DateParser};

fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, day)
}

fn us(s: &str) -> Option<NaiveDate> {
    DateParser::new().parse_date(s, DateOrder::MonthFirst)
}

#[test]
fn numeric_dates_follow_the_order_unless_a_part_is_above_twelve() {
    let p = DateParser::new();
    assert_eq!(
        p.parse_date("04/05/2017", DateOrder::MonthFirst),
        d(2017, 4, 5)
    );
    assert_eq!(
        p.parse_date("04/05/2017", DateOrder::DayFirst),
        d(2017, 5, 4)
    );
    assert_eq!(
        p.parse_date("2/22/2015", DateOrder::DayFirst),
        d(2015, 2, 22)
    );
    assert_eq!(
        p.parse_date("2/22/2015", DateOrder::MonthFirst),
        d(2015, 2, 22)
    );
    assert_eq!(
        p.parse_date("17-08-2014", DateOrder::MonthFirst),
        d(2014, 8, 17)
    );
    assert_eq!(
        p.parse_date("12.10.2016", DateOrder::DayFirst),
        d(2016, 10, 12)
    );
    assert_eq!(
        p.parse_date("04/05/17", DateOrder::MonthFirst),
        d(2017, 4, 5)
    );
    assert_eq!(p.parse_date("13/13/2016", DateOrder::MonthFirst), None);
    assert_eq!(p.parse_date("2/30/2016", DateOrder::MonthFirst), None);
}

#[test]
fn iso_dates_with_and_without_time() {
    assert_eq!(us("2016-10-12"), d(2016, 10, 12));
    assert_eq!(us("2016/10/12"), d(2016, 10, 12));
    assert_eq!(us("2016-10-12T08:00:00Z"), d(2016, 10, 12));
    assert_eq!(us("2016-10-12T08:00:00.000+00:00"), d(2016, 10, 12));
    assert_eq!(us("2016-10-12 08:00:00+03:00"), d(2016, 10, 12));
    assert_eq!(us(" 20161012 "), d(2016, 10, 12));
}

#[test]
fn written_dates() {
    assert_eq!(us("Monday, March 3, 2014"), d(2014, 3, 3));
    assert_eq!(us("March 3, 2014"), d(2014, 3, 3));
    assert_eq!(us("3 March 2014"), d(2014, 3, 3));
    assert_eq!(us("Wed 05 Apr 2017"), d(2017, 4, 5));
    assert_eq!(us("Sept. 5, 2016"), d(2016, 9, 5));
    assert_eq!(us("Oct 12th, 2016"), d(2016, 10, 12));
    assert_eq!(us("12th of October 2016"), d(2016, 10, 12));
    assert_eq!(us("OCTOBER 12, 2016"), d(2016, 10, 12));
    assert_eq!(us("Thursday 13 October 2016 09.14 BST"), d(2016, 10, 13));
    assert_eq!(us("Oct. 12, 2016 - 8:00 PM EDT"), d(2016, 10, 12));
    assert_eq!(us("October 12, 2016 at 8:30 a.m."), d(2016, 10, 12));
}

#[test]
fn rfc_2822() {
    assert_eq!(us("Tue, 15 Nov 2016 10:00:00 GMT"), d(2016, 11, 15));
    assert_eq!(us("Tue, 15 Nov 2016 10:00:00 +0000"), d(2016, 11, 15));
}

#[test]
fn label_words_before_the_date() {
    assert_eq!(us("Published October 12 2016"), d(2016, 10, 12));
    assert_eq!(us("Date of publication 18 November 2017"), d(2017, 11, 18));
    assert_eq!(us("Updated: 2016-10-12 08:00"), d(2016, 10, 12));
    assert_eq!(us("Last updated: Oct 12, 2016"), d(2016, 10, 12));
    assert_eq!(us("Posted On: 3/25/2017"), d(2017, 3, 25));
    assert_eq!(us("Published 10:42 GMT, 12 October 2016"), d(2016, 10, 12));
}

#[test]
fn a_date_line_with_a_byline_is_accepted() {
    assert_eq!(us("Posted on November 3, 2016 by admin"), d(2016, 11, 3));
    assert_eq!(
        us("12 October 2016 Last updated 13 October 2016"),
        d(2016, 10, 12)
    );
    assert_eq!(
        us("Published March 3, 2014 | by Staff Writer"),
        d(2014, 3, 3)
    );
    assert_eq!(
        us("Published March 3, 2014 Updated March 4, 2014"),
        d(2014, 3, 3)
    );
    // A long tail after `by` is a sentence, not a byline.
    assert_eq!(
        us("March 3, 2014 by the time the convoy reached the city most residents had fled"),
        None
    );
}

#[test]
fn non_dates_are_refused() {
    for s in [
        "March on Washington",
        "May God help us",
        "",
        "Published",
        "March 2014",
        "2015",
        "2015 people",
        "1,200 families",
        "Sun rises over Aleppo",
        "Wed",
        "the attack on March 3, 2014 killed dozens",
        "3 days ago",
        "Posted by admin",
        "version 1.2.2016.4",
        "F16/10/2016",
    ] {
        assert_eq!(us(s), None, "{s:?}");
    }
}
