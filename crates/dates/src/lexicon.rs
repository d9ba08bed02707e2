//! The words the grammar knows: month and weekday names, number words, calendar
//! units and the few function words that decide whether a name is a date.

use std::collections::HashMap;

/// What a word means to the grammar. Words not in the table are [`Kw::Other`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kw {
    /// A full month name, 1-based.
    Month(u32),
    /// An abbreviated month name (`Sept`, `Oct`), 1-based. Only a date when a day or year follows.
    MonthAbbr(u32),
    /// A full weekday name, 0 = Monday.
    Weekday(u32),
    /// An abbreviated weekday name (`Wed`), 0 = Monday. Only a date in front of a dated day.
    WeekdayAbbr(u32),
    /// A cardinal number word (`a`, `two`, `twenty`).
    Number(u32),
    /// A singular calendar unit: `week`.
    Unit(Unit),
    /// A plural calendar unit: `weeks`.
    Units(Unit),
    /// `morning`, `afternoon`, `evening`, `night`.
    PartOfDay(DayPart),
    Ago,
    Today,
    Tonight,
    Yesterday,
    Tomorrow,
    /// `overnight`: the night before the reference date.
    Overnight,
    Weekend,
    Last,
    This,
    Next,
    Past,
    Early,
    Mid,
    Late,
    Earlier,
    Later,
    Couple,
    The,
    Of,
    On,
    Before,
    After,
    /// Prepositions after which a bare month name or a bare year is a date.
    Context,
    /// Nouns that make `end of 2015` a date (`end`, `summer`, ...).
    PeriodNoun,
    /// Plural nouns that make the number before them a count: `2015 people`.
    CountNoun,
    And,
    To,
    Over,
    By,
    At,
    /// `am`, `pm` (and the letters of `a.m.`).
    Meridiem,
    /// Words that may open a metadata date field: `Published`, `Posted`, `Updated`.
    Label,
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

pub(crate) struct Lexicon {
    words: HashMap<&'static str, Kw>,
}

/// Longest word the table holds; longer words skip the lookup.
const MAX_WORD: usize = 12;

impl Lexicon {
    pub(crate) fn new() -> Lexicon {
        let mut words = HashMap::new();
        let months = [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ];
        for (i, m) in months.iter().enumerate() {
            words.insert(*m, Kw::Month(i as u32 + 1));
        }
        let abbrs = [
            ("jan", 1),
            ("feb", 2),
            ("mar", 3),
            ("apr", 4),
            ("jun", 6),
            ("jul", 7),
            ("aug", 8),
            ("sep", 9),
            ("sept", 9),
            ("oct", 10),
            ("nov", 11),
            ("dec", 12),
        ];
        for (a, m) in abbrs {
            words.insert(a, Kw::MonthAbbr(m));
        }
        let weekdays = [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ];
        for (i, d) in weekdays.iter().enumerate() {
            words.insert(*d, Kw::Weekday(i as u32));
        }
        let day_abbrs = [
            ("mon", 0),
            ("tue", 1),
            ("tues", 1),
            ("wed", 2),
            ("thu", 3),
            ("thur", 3),
            ("thurs", 3),
            ("fri", 4),
            ("sat", 5),
            ("sun", 6),
        ];
        for (a, d) in day_abbrs {
            words.insert(a, Kw::WeekdayAbbr(d));
        }
        let numbers = [
            ("a", 1),
            ("an", 1),
            ("one", 1),
            ("two", 2),
            ("three", 3),
            ("four", 4),
            ("five", 5),
            ("six", 6),
            ("seven", 7),
            ("eight", 8),
            ("nine", 9),
            ("ten", 10),
            ("eleven", 11),
            ("twelve", 12),
            ("thirteen", 13),
            ("fourteen", 14),
            ("fifteen", 15),
            ("sixteen", 16),
            ("seventeen", 17),
            ("eighteen", 18),
            ("nineteen", 19),
            ("twenty", 20),
            ("thirty", 30),
            ("forty", 40),
            ("fifty", 50),
            ("sixty", 60),
            ("seventy", 70),
            ("eighty", 80),
            ("ninety", 90),
        ];
        for (w, n) in numbers {
            words.insert(w, Kw::Number(n));
        }
        let units = [
            ("minute", Unit::Minute),
            ("hour", Unit::Hour),
            ("day", Unit::Day),
            ("week", Unit::Week),
            ("month", Unit::Month),
            ("year", Unit::Year),
        ];
        for (w, u) in units {
            words.insert(w, Kw::Unit(u));
        }
        let plurals = [
            ("minutes", Unit::Minute),
            ("hours", Unit::Hour),
            ("days", Unit::Day),
            ("weeks", Unit::Week),
            ("months", Unit::Month),
            ("years", Unit::Year),
        ];
        for (w, u) in plurals {
            words.insert(w, Kw::Units(u));
        }
        let parts = [
            ("morning", DayPart::Morning),
            ("afternoon", DayPart::Afternoon),
            ("evening", DayPart::Evening),
            ("night", DayPart::Night),
        ];
        for (w, p) in parts {
            words.insert(w, Kw::PartOfDay(p));
        }
        let simple = [
            ("ago", Kw::Ago),
            ("today", Kw::Today),
            ("tonight", Kw::Tonight),
            ("yesterday", Kw::Yesterday),
            ("tomorrow", Kw::Tomorrow),
            ("overnight", Kw::Overnight),
            ("weekend", Kw::Weekend),
            ("last", Kw::Last),
            ("this", Kw::This),
            ("next", Kw::Next),
            ("past", Kw::Past),
            ("early", Kw::Early),
            ("mid", Kw::Mid),
            ("late", Kw::Late),
            ("earlier", Kw::Earlier),
            ("later", Kw::Later),
            ("couple", Kw::Couple),
            ("the", Kw::The),
            ("of", Kw::Of),
            ("on", Kw::On),
            ("before", Kw::Before),
            ("after", Kw::After),
            ("and", Kw::And),
            ("to", Kw::To),
            ("over", Kw::Over),
            ("by", Kw::By),
            ("at", Kw::At),
            ("am", Kw::Meridiem),
            ("pm", Kw::Meridiem),
        ];
        for (w, k) in simple {
            words.insert(w, k);
        }
        for w in [
            "in",
            "since",
            "during",
            "until",
            "till",
            "through",
            "throughout",
            "from",
            "between",
            "around",
        ] {
            words.insert(w, Kw::Context);
        }
        for w in [
            "end",
            "beginning",
            "start",
            "middle",
            "half",
            "spring",
            "summer",
            "autumn",
            "fall",
            "winter",
            "course",
        ] {
            words.insert(w, Kw::PeriodNoun);
        }
        for w in [
            "people",
            "persons",
            "civilians",
            "children",
            "women",
            "men",
            "families",
            "soldiers",
            "fighters",
            "militants",
            "troops",
            "refugees",
            "deaths",
            "casualties",
            "victims",
            "residents",
            "members",
            "rebels",
            "others",
            "dead",
            "injured",
            "wounded",
            "killed",
            "percent",
            "homes",
            "houses",
            "buildings",
            "dollars",
            "tons",
            "km",
            "kilometers",
            "kilometres",
            "meters",
            "metres",
            "miles",
        ] {
            words.insert(w, Kw::CountNoun);
        }
        for w in [
            "published",
            "publish",
            "publication",
            "pub",
            "posted",
            "post",
            "updated",
            "update",
            "modified",
            "created",
            "date",
            "dated",
            "released",
            "release",
            "issued",
            "first",
            "originally",
            "written",
            "submitted",
            "time",
            "timestamp",
        ] {
            words.insert(w, Kw::Label);
        }
        Lexicon { words }
    }

    /// Classifies one word (ASCII case-insensitive). Allocation-free.
    pub(crate) fn lookup(&self, word: &str) -> Kw {
        let bytes = word.as_bytes();
        if bytes.is_empty() || bytes.len() > MAX_WORD {
            return Kw::Other;
        }
        let mut buf = [0u8; MAX_WORD];
        for (dst, src) in buf.iter_mut().zip(bytes) {
            *dst = src.to_ascii_lowercase();
        }
        match std::str::from_utf8(&buf[..bytes.len()]) {
            Ok(lower) => self.words.get(lower).copied().unwrap_or(Kw::Other),
            Err(_) => Kw::Other,
        }
    }
}

/// The words the pre-filter looks for (whole words, ASCII case-insensitive).
/// A sentence without one of these and without a digit holds no date the grammar can read.
pub(crate) const TRIGGERS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "overnight",
    "morning",
    "afternoon",
    "evening",
    "night",
    "ago",
    "week",
    "weeks",
    "weekend",
    "month",
    "months",
    "year",
    "years",
];
