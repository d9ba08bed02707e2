//! Date expressions in running news text, absolute and relative.
//!
//! References used below: 2016-10-16 is a Sunday, 2016-10-17 a Monday,
//! 2016-10-18 a Tuesday, 2016-01-05 a Tuesday.

use chrono::NaiveDate;
use crosscheck_dates::{DateMatch, DateParser, Precision};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const SUNDAY: (i32, u32, u32) = (2016, 10, 16);
const MONDAY: (i32, u32, u32) = (2016, 10, 17);
const TUESDAY: (i32, u32, u32) = (2016, 10, 18);

fn found(text: &str, reference: Option<NaiveDate>) -> Vec<(String, DateMatch)> {
    DateParser::new()
        .find(text, 0, text.len(), reference)
        .into_iter()
        .map(|m| (text[m.start..m.end].to_string(), m))
        .collect()
}

/// The single date in `text` against `reference`: (span, first day, last day, precision).
fn one(text: &str, (y, m, day): (i32, u32, u32)) -> (String, NaiveDate, NaiveDate, Precision) {
    let all = found(text, Some(d(y, m, day)));
    assert_eq!(all.len(), 1, "{text:?} gave {all:?}");
    let (span, m) = all.into_iter().next().unwrap();
    (span, m.value, m.last, m.precision)
}

fn day(text: &str, reference: (i32, u32, u32)) -> (String, NaiveDate) {
    let (span, value, last, precision) = one(text, reference);
    assert_eq!((value, precision), (last, Precision::Day), "{text:?}");
    (span, value)
}

#[test]
fn absolute_dates_in_prose() {
    let text = "The attack on March 3, 2014 killed 12 people and a second strike on 17-08-2014 hit the market.";
    let all = found(text, None);
    let spans: Vec<&str> = all.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(spans, ["March 3, 2014", "17-08-2014"]);
    assert_eq!(all[0].1.value, d(2014, 3, 3));
    assert_eq!(all[1].1.value, d(2014, 8, 17));
    assert!(all
        .iter()
        .all(|(_, m)| !m.relative && m.precision == Precision::Day));

    assert_eq!(
        day(
            "Wed 05 Apr 2017 Syria attack symptoms consistent with nerve agent",
            TUESDAY
        ),
        ("Wed 05 Apr 2017".into(), d(2017, 4, 5))
    );
    assert_eq!(
        day("The council met on Sept. 5, 2016 in Geneva.", TUESDAY),
        ("Sept. 5, 2016".into(), d(2016, 9, 5))
    );
    assert_eq!(
        day(
            "A statement dated 2016-10-12 said the convoy was hit.",
            TUESDAY
        ),
        ("2016-10-12".into(), d(2016, 10, 12))
    );
    assert_eq!(
        day("Talks resumed on the 12th of October 2016.", TUESDAY),
        ("12th of October 2016".into(), d(2016, 10, 12))
    );
    assert_eq!(
        day("Monday, March 3, 2014 was the deadliest day.", TUESDAY),
        ("Monday, March 3, 2014".into(), d(2014, 3, 3))
    );
    assert_eq!(
        day("Strikes resumed on August 21 2013 near Damascus.", TUESDAY),
        ("August 21 2013".into(), d(2013, 8, 21))
    );
}

#[test]
fn month_and_day_without_year_take_the_year_from_the_reference() {
    assert_eq!(
        day("Rebels entered the town on March 3.", TUESDAY),
        ("March 3".into(), d(2016, 3, 3))
    );
    assert_eq!(
        day("Rebels entered the town on 3 March.", TUESDAY),
        ("3 March".into(), d(2016, 3, 3))
    );
    // Across the new year: late December belongs to the year before a January reference...
    assert_eq!(
        day("The siege began on December 28.", (2016, 1, 10)).1,
        d(2015, 12, 28)
    );
    // ...but a date a few weeks ahead stays in the reference year.
    assert_eq!(
        day("Talks are due to start on February 20.", (2016, 1, 10)).1,
        d(2016, 2, 20)
    );
    assert_eq!(
        day("The vote is set for January 5.", (2015, 12, 20)).1,
        d(2016, 1, 5)
    );
    let all = found("Rebels entered the town on March 3.", None);
    assert!(all.is_empty(), "no reference, no relative date: {all:?}");
    // A day before a casualty verb with a count of its own is a day; before a bare
    // casualty word, the number is the count.
    assert_eq!(
        day(
            "A bombing on April 25 killed at least seven people.",
            TUESDAY
        ),
        ("April 25".into(), d(2016, 4, 25))
    );
    let in_may = found(
        "In May 12 killed in the clashes were buried.",
        Some(d(2016, 6, 1)),
    );
    assert!(
        in_may.iter().all(|(text, _)| text != "May 12"),
        "{in_may:?}"
    );
}

#[test]
fn months() {
    let month = |text: &str, r| {
        let (span, value, last, precision) = one(text, r);
        assert_eq!(precision, Precision::Month, "{text:?}");
        (span, value, last)
    };
    assert_eq!(
        month("The town fell in March.", TUESDAY),
        ("March".into(), d(2016, 3, 1), d(2016, 3, 31))
    );
    assert_eq!(
        month("Aid has not entered since May.", TUESDAY),
        ("May".into(), d(2016, 5, 1), d(2016, 5, 31))
    );
    assert_eq!(
        month("The town fell last March.", TUESDAY),
        ("last March".into(), d(2016, 3, 1), d(2016, 3, 31))
    );
    assert_eq!(
        month("The town fell last March.", (2016, 3, 10)).1,
        d(2015, 3, 1)
    );
    assert_eq!(
        month("The town fell in March 2015.", TUESDAY),
        ("March 2015".into(), d(2015, 3, 1), d(2015, 3, 31))
    );
    assert_eq!(
        month("Fighting flared in December.", (2016, 1, 5)).1,
        d(2015, 12, 1)
    );
    assert_eq!(
        month("The offensive began in late September.", TUESDAY),
        ("late September".into(), d(2016, 9, 1), d(2016, 9, 30))
    );
    assert_eq!(
        month("They withdrew in mid-March 2011.", TUESDAY),
        ("mid-March 2011".into(), d(2011, 3, 1), d(2011, 3, 31))
    );
    assert_eq!(
        month("It was retaken in June last year.", TUESDAY),
        ("June last year".into(), d(2015, 6, 1), d(2015, 6, 30))
    );
    assert_eq!(
        month("The town fell at the end of March.", TUESDAY).0,
        "March"
    );
}

#[test]
fn years_need_a_word_that_makes_them_years() {
    let year = |text: &str| {
        let (span, value, last, precision) = one(text, TUESDAY);
        assert_eq!(precision, Precision::Year, "{text:?}");
        (span, value, last)
    };
    assert_eq!(
        year("The war began in 2011."),
        ("2011".into(), d(2011, 1, 1), d(2011, 12, 31))
    );
    assert_eq!(
        year("The town has been besieged since 2013."),
        ("2013".into(), d(2013, 1, 1), d(2013, 12, 31))
    );
    assert_eq!(
        year("They fled between 2012 and 2014."),
        ("2012 and 2014".into(), d(2012, 1, 1), d(2014, 12, 31))
    );
    assert_eq!(
        year("Fighting intensified in late 2015."),
        ("late 2015".into(), d(2015, 1, 1), d(2015, 12, 31))
    );
    assert_eq!(
        year("The front was quiet by mid-2012."),
        ("mid-2012".into(), d(2012, 1, 1), d(2012, 12, 31))
    );
    assert_eq!(
        year("A truce held in the summer of 2012."),
        ("2012".into(), d(2012, 1, 1), d(2012, 12, 31))
    );
    for text in [
        "Resolution 2254 was adopted unanimously.",
        "Some 2015 people were displaced.",
        "The UN counted 1,200 families in the camp.",
        "In 2015 people fled the city.",
        "The Su-24 and the F16 flew 2015 sorties.",
        "Hospitals received 2011 wounded in a week.",
    ] {
        let all = found(text, Some(d(2016, 10, 18)));
        assert!(all.is_empty(), "{text:?} gave {all:?}");
    }
}

#[test]
fn weekdays_resolve_to_the_latest_one_on_or_before_the_reference() {
    // Reference Tuesday: `on Tuesday` is that day; `last Tuesday` the week before.
    assert_eq!(
        day("Jets struck the market on Tuesday.", TUESDAY),
        ("Tuesday".into(), d(2016, 10, 18))
    );
    assert_eq!(
        day("Jets struck the market on Monday.", TUESDAY),
        ("Monday".into(), d(2016, 10, 17))
    );
    assert_eq!(
        day("Jets struck the market on Wednesday.", TUESDAY),
        ("Wednesday".into(), d(2016, 10, 12))
    );
    assert_eq!(
        day("Jets struck the market last Tuesday.", TUESDAY),
        ("last Tuesday".into(), d(2016, 10, 11))
    );
    assert_eq!(
        day("Shelling continued Tuesday night.", TUESDAY),
        ("Tuesday night".into(), d(2016, 10, 18))
    );
    assert_eq!(
        day("Shelling continued early Sunday morning.", TUESDAY),
        ("early Sunday morning".into(), d(2016, 10, 16))
    );
    // Reference Sunday and Monday.
    assert_eq!(
        day("Jets struck the market on Sunday.", SUNDAY).1,
        d(2016, 10, 16)
    );
    assert_eq!(
        day("Jets struck the market on Monday.", SUNDAY).1,
        d(2016, 10, 10)
    );
    assert_eq!(
        day("Jets struck the market on Sunday.", MONDAY).1,
        d(2016, 10, 16)
    );
    assert_eq!(
        day("Jets struck the market on Monday.", MONDAY).1,
        d(2016, 10, 17)
    );
    assert_eq!(
        day("Jets struck the market on Saturday.", MONDAY).1,
        d(2016, 10, 15)
    );
    // Across a month and a year boundary.
    assert_eq!(
        day("Jets struck on Thursday.", (2016, 1, 5)).1,
        d(2015, 12, 31)
    );
    assert_eq!(
        day("The talks open next Monday.", TUESDAY),
        ("next Monday".into(), d(2016, 10, 24))
    );
}

#[test]
fn days_relative_to_the_reference() {
    for (text, span, shift) in [
        ("Clashes erupted today in Aleppo.", "today", 0),
        ("Clashes erupted this morning in Aleppo.", "this morning", 0),
        ("More strikes are expected tonight.", "tonight", 0),
        ("The council meets this evening.", "this evening", 0),
        (
            "Earlier today the army said it had advanced.",
            "Earlier today",
            0,
        ),
        (
            "Earlier in the day the Nusra Front fired 60 missiles at Aleppo.",
            "Earlier in the day",
            0,
        ),
        (
            "Later on the day SANA reporter said 11 people were injured.",
            "Later on the day",
            0,
        ),
        ("Clashes erupted yesterday in Aleppo.", "yesterday", -1),
        (
            "Clashes erupted yesterday afternoon.",
            "yesterday afternoon",
            -1,
        ),
        ("Clashes erupted last night in Aleppo.", "last night", -1),
        (
            "Clashes erupted the day before yesterday.",
            "the day before yesterday",
            -2,
        ),
        ("The convoy left three days ago.", "three days ago", -3),
        ("The convoy left 10 days ago.", "10 days ago", -10),
        ("The convoy left a few hours ago.", "", 99),
    ] {
        let reference = d(2016, 3, 1);
        let all = found(text, Some(reference));
        if shift == 99 {
            assert!(all.is_empty(), "{text:?} gave {all:?}");
            continue;
        }
        assert_eq!(all.len(), 1, "{text:?} gave {all:?}");
        let (got, m) = &all[0];
        assert_eq!(got, span);
        assert_eq!(
            m.value,
            reference + chrono::TimeDelta::days(shift),
            "{text:?}"
        );
        assert_eq!(
            (m.last, m.precision, m.relative),
            (m.value, Precision::Day, true)
        );
    }
    // Yesterday from the first of March of a leap year.
    assert_eq!(
        day("It happened yesterday.", (2016, 3, 1)).1,
        d(2016, 2, 29)
    );
}

#[test]
fn weeks_months_and_years_around_the_reference() {
    let cases: &[(&str, &str, NaiveDate, NaiveDate, Precision)] = &[
        (
            "Talks collapsed last week.",
            "last week",
            d(2016, 10, 10),
            d(2016, 10, 16),
            Precision::Week,
        ),
        (
            "Talks resume this week.",
            "this week",
            d(2016, 10, 17),
            d(2016, 10, 23),
            Precision::Week,
        ),
        (
            "Talks collapsed earlier this week.",
            "earlier this week",
            d(2016, 10, 17),
            d(2016, 10, 23),
            Precision::Week,
        ),
        (
            "The convoy left a week ago.",
            "a week ago",
            d(2016, 10, 10),
            d(2016, 10, 16),
            Precision::Week,
        ),
        (
            "The convoy left two weeks ago.",
            "two weeks ago",
            d(2016, 10, 3),
            d(2016, 10, 9),
            Precision::Week,
        ),
        (
            "Talks collapsed last month.",
            "last month",
            d(2016, 9, 1),
            d(2016, 9, 30),
            Precision::Month,
        ),
        (
            "Talks collapsed earlier this month.",
            "earlier this month",
            d(2016, 10, 1),
            d(2016, 10, 31),
            Precision::Month,
        ),
        (
            "Talks resume this month.",
            "this month",
            d(2016, 10, 1),
            d(2016, 10, 31),
            Precision::Month,
        ),
        (
            "Talks collapsed early this month.",
            "early this month",
            d(2016, 10, 1),
            d(2016, 10, 31),
            Precision::Month,
        ),
        (
            "The convoy left a month ago.",
            "a month ago",
            d(2016, 9, 1),
            d(2016, 9, 30),
            Precision::Month,
        ),
        (
            "Talks collapsed last year.",
            "last year",
            d(2015, 1, 1),
            d(2015, 12, 31),
            Precision::Year,
        ),
        (
            "Talks resumed this year.",
            "this year",
            d(2016, 1, 1),
            d(2016, 12, 31),
            Precision::Year,
        ),
        (
            "Talks collapsed late last year.",
            "late last year",
            d(2015, 1, 1),
            d(2015, 12, 31),
            Precision::Year,
        ),
        (
            "The town fell two years ago.",
            "two years ago",
            d(2014, 1, 1),
            d(2014, 12, 31),
            Precision::Year,
        ),
        (
            "Aid was cut in the past two weeks.",
            "the past two weeks",
            d(2016, 10, 5),
            d(2016, 10, 18),
            Precision::Week,
        ),
        (
            "Dozens died in the last 24 hours.",
            "the last 24 hours",
            d(2016, 10, 18),
            d(2016, 10, 18),
            Precision::Day,
        ),
        (
            "Jets pounded the city over the weekend.",
            "the weekend",
            d(2016, 10, 15),
            d(2016, 10, 16),
            Precision::Day,
        ),
        (
            "Rebels took control of the base at the beginning of the week.",
            "the beginning of the week",
            d(2016, 10, 17),
            d(2016, 10, 23),
            Precision::Week,
        ),
        (
            "Talks collapsed at the end of last month.",
            "the end of last month",
            d(2016, 9, 1),
            d(2016, 9, 30),
            Precision::Month,
        ),
        (
            "At least 35 militants were killed in air strikes by the US-led coalition overnight in northern Syria.",
            "overnight",
            d(2016, 10, 17),
            d(2016, 10, 18),
            Precision::Day,
        ),
        (
            "Six civilians were killed in U.S. air strikes on the city on Saturday and Sunday a monitor said.",
            "Saturday and Sunday",
            d(2016, 10, 15),
            d(2016, 10, 16),
            Precision::Day,
        ),
    ];
    for (text, span, value, last, precision) in cases {
        assert_eq!(
            one(text, TUESDAY),
            (span.to_string(), *value, *last, *precision),
            "{text:?}"
        );
    }
    // Month and year boundaries: a Tuesday reference on 2016-01-05.
    let jan = (2016, 1, 5);
    assert_eq!(one("Talks collapsed last month.", jan).1, d(2015, 12, 1));
    assert_eq!(
        one("Talks collapsed last week.", jan).1..=one("Talks collapsed last week.", jan).2,
        d(2015, 12, 28)..=d(2016, 1, 3)
    );
    assert_eq!(one("Talks collapsed last year.", jan).1, d(2015, 1, 1));
    assert_eq!(
        one("The convoy left twenty-one days ago.", jan).1,
        d(2015, 12, 15)
    );
    assert_eq!(
        one("The siege began a couple of weeks ago.", jan).1,
        d(2015, 12, 21)
    );
}

#[test]
fn words_that_only_look_like_dates() {
    for text in [
        "May God help us.",
        "They may return to their homes if the truce holds.",
        "Thousands joined the March on Washington.",
        "Protesters march on the capital.",
        "Sunni fighters took the satellite town.",
        "The Sun reported that troops Sat idle.",
        "Wedding guests were among the dead.",
        "A second strike hit the same building.",
        "Mayor Augustine met the Marines in Decatur.",
        "Theresa May said Britain would act.",
        "Jan Egeland said aid was blocked.",
        "Russia Today reported heavy fighting.",
        "Activists told Aleppo Today the market was hit.",
        "June Carter sang.",
        "Singer Mary April said nothing.",
        "The F-16 flew at 30,000 feet.",
        "Version 1.2.2016.4 fixed the bug.",
        "Over 2,500 people attended.",
    ] {
        let all = found(text, Some(d(2016, 10, 18)));
        assert!(all.is_empty(), "{text:?} gave {all:?}");
    }
}

#[test]
fn offsets_are_byte_offsets_into_the_whole_text() {
    let text = "Ré\u{AD}sumé — «Alep» : le 3 mars? No: on 3 March 2016 the army entered «Alep».";
    let start = text.find("on 3").unwrap();
    let all = DateParser::new().find(text, start, text.len(), None);
    assert_eq!(all.len(), 1);
    assert_eq!(&text[all[0].start..all[0].end], "3 March 2016");
    // Bounds in the middle of a character or past the end are narrowed, not a panic.
    let parser = DateParser::new();
    assert!(parser.find(text, 1, 2, None).is_empty());
    assert_eq!(parser.find(text, 0, usize::MAX, None).len(), 1);
    assert!(parser.find(text, usize::MAX, 3, None).is_empty());
}

#[test]
fn never_panics_on_arbitrary_input() {
    // A fixed-seed generator over pieces that exercise every branch of the grammar.
    let pieces = [
        "March",
        "May",
        "Sept",
        ".",
        ",",
        "3",
        "12th",
        "2016",
        "/",
        "-",
        "–",
        "T",
        "08",
        ":",
        "last",
        "this",
        "next",
        "early",
        "mid",
        "late",
        "the",
        "day",
        "before",
        "yesterday",
        "ago",
        "weeks",
        "a",
        "couple",
        "of",
        "Tuesday",
        "Wed",
        "in",
        "since",
        "and",
        "to",
        "99999999999",
        "0",
        "00",
        "31",
        "29",
        "Feb",
        "é",
        "ß",
        "東",
        "😀",
        " ",
        "  ",
        "\n",
        "'",
        "’",
        "%",
        "people",
        "1,200",
        "past",
        "earlier",
        "weekend",
        "over",
        "twenty",
        "one",
        "night",
        "today",
    ];
    let parser = DateParser::new();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let references = [
        None,
        Some(d(2016, 10, 18)),
        NaiveDate::from_ymd_opt(-260_000, 1, 1),
        Some(NaiveDate::MAX),
        Some(NaiveDate::MIN),
    ];
    for _ in 0..20_000 {
        let n = (next() % 12) as usize;
        let mut s = String::new();
        for _ in 0..n {
            s.push_str(pieces[(next() % pieces.len() as u64) as usize]);
            if next() % 3 == 0 {
                s.push(' ');
            }
        }
        let a = (next() % (s.len() as u64 + 3)) as usize;
        let b = (next() % (s.len() as u64 + 3)) as usize;
        let reference = references[(next() % references.len() as u64) as usize];
        for m in parser.find(&s, a, b, reference) {
            assert!(
                m.start < m.end
                    && m.end <= s.len()
                    && s.is_char_boundary(m.start)
                    && s.is_char_boundary(m.end)
            );
            assert!(m.value <= m.last, "{s:?}");
        }
        let _ = parser.parse_date(&s, crosscheck_dates::DateOrder::DayFirst);
    }
    // Raw bytes, decoded lossily, as a broken scrape would give them.
    for _ in 0..5_000 {
        let n = (next() % 40) as usize;
        let bytes: Vec<u8> = (0..n).map(|_| (next() % 256) as u8).collect();
        let s = String::from_utf8_lossy(&bytes);
        let reference = references[(next() % references.len() as u64) as usize];
        for m in parser.find(&s, 0, s.len(), reference) {
            assert!(m.start < m.end && m.end <= s.len());
        }
        let _ = parser.parse_date(&s, crosscheck_dates::DateOrder::MonthFirst);
    }
}

#[test]
fn day_ranges_keep_both_ends() {
    let (span, value, last, precision) = one("Talks were held March 3-5, 2014 in Geneva.", TUESDAY);
    assert_eq!(span, "March 3-5, 2014");
    assert_eq!(
        (value, last, precision),
        (d(2014, 3, 3), d(2014, 3, 5), Precision::Week)
    );
    let (span, value, last, _) = one("Talks were held on 3-5 March.", TUESDAY);
    assert_eq!(
        (span.as_str(), value, last),
        ("3-5 March", d(2016, 3, 3), d(2016, 3, 5))
    );
}

/// A sentence with no digit and no month, weekday or week word still holds a date when
/// it counts days or hours back: the pre-filter must let it through (it once did not).
#[test]
fn counted_days_back_pass_the_pre_filter() {
    for (text, span, first) in [
        (
            "Regime forces pounded the enclave with airstrikes over the past two days.",
            "the past two days",
            d(2016, 12, 23),
        ),
        (
            "Russian jets struck western Aleppo in the past three days.",
            "the past three days",
            d(2016, 12, 22),
        ),
    ] {
        let (got, value, last, precision) = one(text, (2016, 12, 24));
        assert_eq!(got, span, "{text:?}");
        assert_eq!(
            (value, last, precision),
            (first, d(2016, 12, 24), Precision::Day)
        );
    }
}

#[test]
fn ranges_and_weeks_of_a_month() {
    let r = (2017, 5, 27);
    assert_eq!(
        one(
            "airstrikes between April 27 and May 18 had eliminated three leaders",
            r
        ),
        (
            "between April 27 and May 18".to_string(),
            d(2017, 4, 27),
            d(2017, 5, 18),
            Precision::Day
        )
    );
    let r = (2016, 10, 1);
    assert_eq!(
        one(
            "Between 21 and 26 of September the Directorate of Health reported",
            r
        ),
        (
            "Between 21 and 26 of September".to_string(),
            d(2016, 9, 21),
            d(2016, 9, 26),
            Precision::Day
        )
    );
    assert_eq!(
        one(
            "Air strikes between September 21 and September 26 hit Aleppo",
            r
        ),
        (
            "between September 21 and September 26".to_string(),
            d(2016, 9, 21),
            d(2016, 9, 26),
            Precision::Day
        )
    );
    assert_eq!(
        one(
            "The rebels launched a major offensive in the first week of July",
            r
        ),
        (
            "first week of July".to_string(),
            d(2016, 7, 1),
            d(2016, 7, 7),
            Precision::Week
        )
    );
    // Two dates that are not a range stay two.
    assert_eq!(
        found("on Monday and on Tuesday", Some(d(2016, 10, 1))).len(),
        2
    );
}
