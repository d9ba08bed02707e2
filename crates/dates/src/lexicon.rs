//! The words the grammar knows: month and weekday names, number words, calendar
//! units and the few function words that decide whether a name is a date.

use std::collections::HashMap;

use crate::ascii;

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
    /// `killed`, `injured`, `wounded`: a count's word like [`Kw::CountNoun`] (`In May
    /// 12 killed`), unless a count of its own follows it: then it is the verb of a
    /// clause the date opens (`a bombing on April 25 killed at least seven`).
    CountVerb,
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
    words: WordTable,
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
        // "Wednesdays blast": text that lost the apostrophe of "Wednesday's" (FA-KES).
        let possessive_weekdays = [
            "mondays",
            "tuesdays",
            "wednesdays",
            "thursdays",
            "fridays",
            "saturdays",
            "sundays",
        ];
        for (i, d) in possessive_weekdays.iter().enumerate() {
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
            // "todays shelling": the possessive without its apostrophe.
            ("todays", Kw::Today),
            ("yesterdays", Kw::Yesterday),
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
        for w in ["killed", "injured", "wounded"] {
            words.insert(w, Kw::CountVerb);
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
        Lexicon {
            words: WordTable::new(&words),
        }
    }

    /// Classifies one word (ASCII case-insensitive). Allocation-free. The tokenizer
    /// packs its words itself ([`pack_word`]) and calls [`lookup_packed`](Self::lookup_packed).
    #[cfg(test)]
    pub(crate) fn lookup(&self, word: &str) -> Kw {
        self.lookup_packed(pack_lower(word.as_bytes()))
    }

    /// [`lookup`](Self::lookup) of a word already packed ([`pack_lower`], [`pack_word`]).
    #[inline]
    pub(crate) fn lookup_packed(&self, key: Option<u128>) -> Kw {
        match key {
            Some(key) => self.words.get(key),
            None => Kw::Other,
        }
    }
}

/// The word `bytes[start..start + len]` packed as [`pack_lower`] packs it, and whether
/// it is written all in ASCII capitals, from two 8-byte reads instead of byte loops.
/// `None` (the caller then takes the byte loops) when the word is empty or longer than
/// [`MAX_WORD`], or when fewer than 16 bytes remain from `start`.
#[inline]
pub(crate) fn pack_word(bytes: &[u8], start: usize, len: usize) -> Option<(u128, bool)> {
    if len == 0 || len > MAX_WORD {
        return None;
    }
    let lo = ascii::load8(bytes, start)?;
    let hi = ascii::load8(bytes, start + 8)?;
    // The word's bytes in each half (`len <= 12`: at most four in the high half).
    let keep_lo = if len >= 8 {
        u64::MAX
    } else {
        (1 << (8 * len)) - 1
    };
    let keep_hi = if len > 8 {
        (1 << (8 * (len - 8))) - 1
    } else {
        0
    };
    let (lo, hi) = (lo & keep_lo, hi & keep_hi);
    let capitals =
        ascii::upper(lo) == keep_lo & ascii::HIGH && ascii::upper(hi) == keep_hi & ascii::HIGH;
    let lo = ascii::to_lower(lo);
    let hi = ascii::to_lower(hi) | (len as u64) << 56;
    Some((u128::from(lo) | u128::from(hi) << 64, capitals))
}

/// A word of 1 to [`MAX_WORD`] bytes, ASCII-lower-cased, as one integer: its bytes
/// from the low end, its length in the top byte. `None` for other lengths.
#[inline]
pub(crate) fn pack_lower(bytes: &[u8]) -> Option<u128> {
    if bytes.is_empty() || bytes.len() > MAX_WORD {
        return None;
    }
    let mut buf = [0u8; 16];
    for (dst, src) in buf.iter_mut().zip(bytes) {
        *dst = src.to_ascii_lowercase();
    }
    buf[15] = bytes.len() as u8;
    Some(u128::from_le_bytes(buf))
}

/// The keyword table: open addressing over packed words ([`pack_lower`]). Every
/// word of every sentence with a date cue is looked up, and hashing the word with
/// the standard library's SipHash was two fifths of the tokenizer's time.
struct WordTable {
    /// `(packed word, keyword)`; a packed word is never 0, which marks a free slot.
    slots: Vec<(u128, Kw)>,
    mask: usize,
}

impl WordTable {
    fn new(words: &HashMap<&'static str, Kw>) -> WordTable {
        let size = (words.len() * 4).next_power_of_two();
        let mut table = WordTable {
            slots: vec![(0, Kw::Other); size],
            mask: size - 1,
        };
        for (word, &kw) in words {
            let Some(key) = pack_lower(word.as_bytes()) else {
                continue;
            };
            let mut i = table.slot(key);
            while table.slots[i].0 != 0 && table.slots[i].0 != key {
                i = (i + 1) & table.mask;
            }
            table.slots[i] = (key, kw);
        }
        table
    }

    #[inline]
    fn slot(&self, key: u128) -> usize {
        let folded = (key as u64) ^ ((key >> 64) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (folded.wrapping_mul(0x517C_C1B7_2722_0A95) >> 32) as usize & self.mask
    }

    #[inline]
    fn get(&self, key: u128) -> Kw {
        let mut i = self.slot(key);
        loop {
            match self.slots[i] {
                (0, _) => return Kw::Other,
                (k, kw) if k == key => return kw,
                _ => i = (i + 1) & self.mask,
            }
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
    "mondays",
    "tuesdays",
    "wednesdays",
    "thursdays",
    "fridays",
    "saturdays",
    "sundays",
    "today",
    "todays",
    "tonight",
    "yesterday",
    "yesterdays",
    "tomorrow",
    "overnight",
    "morning",
    "afternoon",
    "evening",
    "night",
    "ago",
    "day",
    "days",
    "hours",
    "week",
    "weeks",
    "weekend",
    "month",
    "months",
    "year",
    "years",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pack_word_agrees_with_the_byte_loops() {
        let text = "March SEPT a Twelve mar\u{E7} MAR\u{C7} septemberseptember KILOMETRES12 \
                    Sept. US UN-led \u{C9}T\u{C9} ABCDEFGHIJKL ABCDEFGHIJKLM abcdefgh";
        let bytes = text.as_bytes();
        for start in 0..bytes.len() {
            for end in start..=bytes.len() {
                let word = &bytes[start..end];
                if let Some((key, capitals)) = pack_word(bytes, start, word.len()) {
                    assert_eq!(Some(key), pack_lower(word), "{start}..{end}");
                    let all_caps = word.iter().all(u8::is_ascii_uppercase);
                    assert_eq!(capitals, all_caps, "{start}..{end}");
                } else {
                    assert!(
                        word.is_empty() || word.len() > MAX_WORD || start + 16 > bytes.len(),
                        "{start}..{end}"
                    );
                }
            }
        }
    }

    #[test]
    fn lookup_is_case_insensitive_and_exact() {
        let lex = Lexicon::new();
        for (word, kw) in [
            ("March", Kw::Month(3)),
            ("SEPT", Kw::MonthAbbr(9)),
            ("sept", Kw::MonthAbbr(9)),
            ("Wednesday", Kw::Weekday(2)),
            ("twelve", Kw::Number(12)),
            ("Yesterday", Kw::Yesterday),
            ("kilometres", Kw::CountNoun),
            ("publication", Kw::Label),
            ("ago", Kw::Ago),
            ("marches", Kw::Other),
            ("mar\u{E7}", Kw::Other),
            ("", Kw::Other),
            ("septembers12", Kw::Other),
            ("septemberseptember", Kw::Other),
        ] {
            assert_eq!(lex.lookup(word), kw, "{word}");
        }
    }

    #[test]
    fn every_trigger_word_is_in_the_table() {
        let lex = Lexicon::new();
        for w in TRIGGERS {
            assert_ne!(lex.lookup(w), Kw::Other, "{w}");
        }
    }
}
