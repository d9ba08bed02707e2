//! Counts as written in news: digits with or without separators (`1,200`, `230000`),
//! number words (`Forty-three`, `two hundred`, `a dozen`), vague quantities (`dozens`,
//! `scores`, `hundreds`) and the modifiers that turn them into ranges (`at least 45`,
//! `more than 300`, `between 200 and 300`), following the range table of
//! `docs/taxonomy.md`. Whether a count is a casualty count is decided by `casualties`.

use crate::vocab::class;
use crate::words::Words;

/// A count found at a token: tokens `first..end` and the range it means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Quantity {
    pub first: usize,
    pub end: usize,
    pub min: u32,
    pub max: Option<u32>,
    /// Written as digits (a bare year or street number is only ever digits).
    pub digits: bool,
    /// Has a range modifier (`at least`, `between`); a modified number is never a year.
    pub modified: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Modifier {
    None,
    AtLeast,
    MoreThan,
    UpTo,
    Nearly,
    About,
    LessThan,
    Between,
}

/// Multi-word modifiers, longest first within each first word.
const MODIFIERS: &[(&[&str], Modifier)] = &[
    (&["at", "least"], Modifier::AtLeast),
    (&["no", "fewer", "than"], Modifier::AtLeast),
    (&["no", "less", "than"], Modifier::AtLeast),
    (&["not", "less", "than"], Modifier::AtLeast),
    (&["a", "minimum", "of"], Modifier::AtLeast),
    (&["more", "than"], Modifier::MoreThan),
    (&["over"], Modifier::MoreThan),
    (&["above"], Modifier::MoreThan),
    (&["in", "excess", "of"], Modifier::MoreThan),
    (&["upwards", "of"], Modifier::MoreThan),
    (&["up", "to"], Modifier::UpTo),
    (&["as", "many", "as"], Modifier::UpTo),
    (&["at", "most"], Modifier::UpTo),
    (&["nearly"], Modifier::Nearly),
    (&["almost"], Modifier::Nearly),
    (&["close", "to"], Modifier::Nearly),
    (&["just", "under"], Modifier::Nearly),
    (&["about"], Modifier::About),
    (&["around"], Modifier::About),
    (&["some"], Modifier::About),
    (&["approximately"], Modifier::About),
    (&["roughly"], Modifier::About),
    (&["an", "estimated"], Modifier::About),
    (&["estimated"], Modifier::About),
    (&["fewer", "than"], Modifier::LessThan),
    (&["less", "than"], Modifier::LessThan),
    (&["between"], Modifier::Between),
    // Neutral words a count may carry: "another 40", "a further 12", "an additional 5".
    (&["another"], Modifier::None),
    (&["a", "further"], Modifier::None),
    (&["an", "additional"], Modifier::None),
    (&["a", "total", "of"], Modifier::None),
];

/// The number words of one word below a hundred, with their values.
const UNITS: &[(&str, u32)] = &[
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

/// Scale words, with their values.
const SCALES: &[(&str, u32)] = &[
    ("hundred", 100),
    ("thousand", 1_000),
    ("million", 1_000_000),
];

/// The words a vague quantity starts with ([`vague_at`]), besides "a number of".
const VAGUE: &[&str] = &[
    "dozens",
    "scores",
    "tens",
    "hundreds",
    "thousands",
    "several",
];

/// Words an exact count written in words may start with besides a number word: "a
/// dozen", "an estimated", "half a dozen" ([`exact_at`]); "a number of" ([`vague_at`]).
const ARTICLES: &[&str] = &["a", "an", "half"];

/// What may follow an article in a count: "a dozen", "a number of", "a quarter of a
/// million", and the
/// [`SCALES`] ("a hundred").
const AFTER_ARTICLE: &[&str] = &["dozen", "number", "quarter"];

fn unit_value(w: &str) -> Option<u32> {
    UNITS.iter().find(|&&(u, _)| u == w).map(|&(_, v)| v)
}

/// The bytes of the shortest compound number word ("forty-one"): [`small_word`]
/// splits a compound into a tens word of five letters or more, a hyphen and a unit
/// word of three or more.
const MIN_COMPOUND: usize = 9;

/// A number word below a hundred: `seven`, `forty-three`, `twenty‑one`.
fn small_word(w: &str) -> Option<u32> {
    if let Some(v) = unit_value(w) {
        return Some(v);
    }
    let (tens, unit) = w.split_once(['-', '\u{2010}', '\u{2011}'])?;
    let t = unit_value(tens).filter(|t| *t >= 20 && t % 10 == 0)?;
    let u = unit_value(unit).filter(|u| *u < 10)?;
    Some(t + u)
}

fn scale(w: &str) -> Option<u32> {
    SCALES.iter().find(|&&(x, _)| x == w).map(|&(_, v)| v)
}

/// Digits with optional `,` separators; a decimal only before a scale word
/// (`1.2 million`). Times (`10:30`) are not counts.
fn digits_value(w: &str, next: &str) -> Option<u32> {
    if w.contains(':') {
        return None;
    }
    if !w.contains('.') {
        // Digits and separators only: no copy.
        return w.bytes().filter(|&b| b != b',').try_fold(0u32, |v, b| {
            b.is_ascii_digit()
                .then(|| v.checked_mul(10)?.checked_add(u32::from(b - b'0')))
                .flatten()
        });
    }
    let plain: String = w.chars().filter(|c| *c != ',').collect();
    if plain.contains('.') {
        let f: f64 = plain.parse().ok()?;
        let s = scale(next)? as f64;
        let v = f * s;
        return (v >= 0.0 && v < u32::MAX as f64).then_some(v.round() as u32);
    }
    plain.parse().ok()
}

/// The exact number starting at `i`: `(value, end, digits)`.
fn exact_at(w: &Words, i: usize) -> Option<(u32, usize, bool)> {
    let first = w.w(i);
    // "snapping at one another": a pronoun, not a count.
    if first == "one" && w.w(i + 1) == "another" {
        return None;
    }
    if w.is_number(i) {
        let v = digits_value(first, w.w(i + 1))?;
        let mut end = i + 1;
        let mut v = v;
        if let Some(s) = scale(w.w(end)) {
            // `1.2 million` was scaled by digits_value already.
            if !first.contains('.') {
                v = v.saturating_mul(s);
            }
            end += 1;
        }
        // "two dozen" does not occur with digits; "12 dozen" is not news.
        return Some((v, end, true));
    }
    // `a quarter of a million` (README-fresh2 hard case 33), `half a million`.
    let fraction = |at: usize, num: u32, den: u32| {
        (w.w(at) == "a")
            .then(|| scale(w.w(at + 1)))
            .flatten()
            .map(|s| (s / den * num, at + 2, false))
    };
    if (first == "a" || first == "one") && w.w(i + 1) == "quarter" && w.w(i + 2) == "of" {
        if let Some(q) = fraction(i + 3, 1, 4) {
            return Some(q);
        }
    }
    if first == "half" {
        if let Some(q) = fraction(i + 1, 1, 2) {
            return Some(q);
        }
    }
    // `a dozen`, `a hundred`, `a million`, `half a dozen`.
    if first == "a" || first == "an" {
        return match w.w(i + 1) {
            "dozen" => Some((12, i + 2, false)),
            s => scale(s).map(|s| (s, i + 2, false)),
        };
    }
    if first == "half" && w.w(i + 1) == "a" && w.w(i + 2) == "dozen" {
        return Some((6, i + 3, false));
    }
    let mut total: u32 = 0;
    let mut current: u32 = small_word(first)?;
    let mut end = i + 1;
    loop {
        let next = w.w(end);
        if let Some(v) = small_word(next) {
            // "twenty three" written as two words.
            if current % 10 == 0 && current >= 20 && v < 10 || current % 100 == 0 && v < 100 {
                current += v;
                end += 1;
                continue;
            }
            break;
        }
        if next == "dozen" {
            current = current.saturating_mul(12);
            end += 1;
            break;
        }
        if next == "hundred" {
            current = current.saturating_mul(100);
            end += 1;
            continue;
        }
        if let Some(s) = scale(next) {
            total = total.saturating_add(current.saturating_mul(s));
            current = 0;
            end += 1;
            if small_word(w.w(end)).is_none() {
                break;
            }
            current = small_word(w.w(end)).unwrap_or(0);
            end += 1;
            continue;
        }
        if next == "and" && small_word(w.w(end + 1)).is_some() && current % 100 == 0 && current > 0
        {
            end += 1;
            continue;
        }
        break;
    }
    Some((total.saturating_add(current), end, false))
}

/// "scores" without "of" as a quantity: before "more", "others" or a verb, at the
/// start of a clause or after a participle ("scores were injured", "injuring scores
/// more"), not "test scores were high".
fn scores_alone(w: &Words, i: usize) -> bool {
    let prev = i.checked_sub(1).map(|p| w.w(p)).unwrap_or("");
    let clause_start = matches!(prev, "" | "and" | "said" | "," | "while") || prev.ends_with("ing");
    clause_start && matches!(w.w(i + 1), "more" | "others" | "other" | "were" | "are")
}

/// A vague quantity at `i`: `dozens`, `scores of`, `hundreds`, `tens of thousands`,
/// `several`, `a number of`.
fn vague_at(w: &Words, i: usize) -> Option<(u32, u32, usize)> {
    let of_follows = |j: usize| w.w(j) == "of";
    match w.w(i) {
        "dozens" => Some((24, 99, i + 1)),
        // "scores of people", "injuring scores more", "scores were injured" (not
        // "test scores"; a casualty count still needs its casualty word).
        "scores" if of_follows(i + 1) || scores_alone(w, i) => Some((40, 99, i + 1)),
        "tens" if of_follows(i + 1) && w.w(i + 2) == "thousands" => Some((20_000, 99_999, i + 3)),
        "hundreds" if of_follows(i + 1) && w.w(i + 2) == "thousands" => {
            Some((200_000, 999_999, i + 3))
        }
        "hundreds" => Some((200, 999, i + 1)),
        "thousands" => Some((2_000, 9_999, i + 1)),
        // "several hundred people" (hard case 122: 300–900), "several thousand".
        "several" if w.w(i + 1) == "hundred" => Some((300, 900, i + 2)),
        "several" if w.w(i + 1) == "thousand" => Some((3_000, 9_000, i + 2)),
        "several" => Some((3, 9, i + 1)),
        "a" if w.w(i + 1) == "number" && of_follows(i + 2) => Some((3, 9, i + 3)),
        _ => None,
    }
}

fn modifier_at(w: &Words, i: usize) -> (Modifier, usize) {
    let first = w.w(i);
    for (words, m) in MODIFIERS {
        if words[0] == first
            && words[1..]
                .iter()
                .enumerate()
                .all(|(k, x)| w.w(i + 1 + k) == *x)
        {
            return (*m, i + words.len());
        }
    }
    (Modifier::None, i)
}

/// Whether a number (digits, a number word, a vague quantity, "a dozen") can start at
/// token `j`: the test after a modifier, before the full parse.
fn number_at(w: &Words, j: usize) -> bool {
    number_word_at(w, j) || ARTICLES.contains(&w.w(j))
}

/// Digits, a number word ([`NUMBER_WORD`](class::NUMBER_WORD)) or a compound number
/// word at token `k`: what [`may_start`] looks for after a modifier or an article.
fn number_word_at(w: &Words, k: usize) -> bool {
    w.is_number(k) || w.has(k, class::NUMBER_WORD) || compound_number(w, k)
}

/// The words a count may start with ([`class::COUNT_START`]), besides digits and
/// hyphenated number words: number words, the first words of range modifiers,
/// articles and vague quantities.
pub(crate) fn count_starts() -> impl Iterator<Item = &'static str> {
    UNITS
        .iter()
        .map(|&(u, _)| u)
        .chain(
            MODIFIERS
                .iter()
                .filter_map(|(words, _)| words.first().copied()),
        )
        .chain(ARTICLES.iter().copied())
        .chain(VAGUE.iter().copied())
}

/// Number words and vague quantities ([`class::NUMBER_WORD`]): what a count's number
/// can be besides digits, and what makes an article the start of one.
pub(crate) fn number_words() -> impl Iterator<Item = &'static str> {
    UNITS
        .iter()
        .map(|&(u, _)| u)
        .chain(VAGUE.iter().copied())
        .chain(SCALES.iter().map(|&(x, _)| x))
        .chain(AFTER_ARTICLE.iter().copied())
}

/// "forty-three": compound number words are not in the word lists.
fn compound_number(w: &Words, k: usize) -> bool {
    // Run at nearly every token: the shorter ones (most words) are told by their
    // length, before their text is read.
    if w.toks.get(k).is_none_or(|t| t.end - t.start < MIN_COMPOUND) {
        return false;
    }
    let x = w.w(k);
    x.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
        && x.bytes().any(|b| b == b'-' || b >= 0x80)
        && small_word(x).is_some()
}

/// Whether a count can start at token `i`: a cheap test run at every token before the
/// full parse. A modifier or an article ("at least", "a") starts one only with a
/// number within the three tokens a modifier can span ("no fewer than 45", "a
/// dozen"): most "a", "in" and "at" of a sentence are not counts.
fn may_start(w: &Words, i: usize) -> bool {
    if w.is_number(i) {
        return true;
    }
    if !w.has(i, class::COUNT_START) {
        return compound_number(w, i);
    }
    if w.has(i, class::NUMBER_WORD) {
        return true;
    }
    (i + 1..(i + 4).min(w.len())).any(|k| number_word_at(w, k))
}

/// The count starting at token `i` (modifier included), if any.
pub(crate) fn quantity_at(w: &Words, i: usize) -> Option<Quantity> {
    if !may_start(w, i) {
        return None;
    }
    let (modifier, j) = modifier_at(w, i);
    if !number_at(w, j) {
        return None;
    }
    // A modifier word that is not followed by a number is an ordinary word ("over the town").
    let (min, max, end, digits) = if let Some((lo, hi, end)) = vague_at(w, j) {
        (lo, Some(hi), end, false)
    } else {
        let (v, end, digits) = exact_at(w, j)?;
        // `200-300`, `200 to 300`, `between 200 and 300`.
        let joiner = w.w(end);
        let range_joiner = matches!(joiner, "-" | "to" | "\u{2013}")
            || (joiner == "and" && modifier == Modifier::Between);
        if range_joiner {
            if let Some((hi, end2, _)) = exact_at(w, end + 1) {
                if hi > v {
                    return Some(Quantity {
                        first: i,
                        end: end2,
                        min: v,
                        max: Some(hi),
                        digits,
                        modified: true,
                    });
                }
            }
        }
        (v, Some(v), end, digits)
    };
    let exact = max == Some(min);
    let (min, max) = match modifier {
        Modifier::None | Modifier::Between => (min, max),
        Modifier::AtLeast => (min, None),
        Modifier::MoreThan => (min.saturating_add(1), None),
        Modifier::UpTo => (1, max),
        Modifier::LessThan => (1, max.map(|m| m.saturating_sub(1).max(1))),
        Modifier::Nearly if exact => (min - min / 5, Some(min.saturating_sub(1).max(1))),
        Modifier::About if exact => (min - min / 10, Some(min + min / 10)),
        Modifier::Nearly | Modifier::About => (min, max),
    };
    if modifier == Modifier::Between && j == i + 1 && max == Some(min) {
        // "between" without a second number: not a range.
        return None;
    }
    Some(Quantity {
        first: i,
        end,
        min,
        max,
        digits,
        modified: modifier != Modifier::None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_schema::Span;

    fn q(s: &str) -> Option<(u32, Option<u32>, String)> {
        let vocab = crate::vocab::Vocab::new();
        let w = Words::new(s, Span::new(0, s.len()), &vocab);
        quantity_at(&w, 0).map(|q| (q.min, q.max, w.text_of(q.first, q.end).to_string()))
    }

    /// [`MIN_COMPOUND`] is the shortest word [`small_word`] reads as a compound
    /// (a tens word, the shortest hyphen, a unit word), and no unit word has a
    /// hyphen or a non-ASCII byte of its own.
    #[test]
    fn min_compound_is_the_shortest_compound() {
        let shortest = |keep: &dyn Fn(u32) -> bool| {
            UNITS
                .iter()
                .filter(|&&(_, v)| keep(v))
                .map(|(u, _)| u.len())
                .min()
                .unwrap_or(0)
        };
        let tens = shortest(&|v| v >= 20 && v % 10 == 0);
        let units = shortest(&|v| v < 10);
        assert_eq!(MIN_COMPOUND, tens + 1 + units);
        assert!(UNITS
            .iter()
            .all(|(u, _)| u.bytes().all(|b| b.is_ascii_lowercase())));
        assert_eq!(small_word("forty-one"), Some(41));
    }

    #[test]
    fn reads_the_range_table_of_the_taxonomy() {
        assert_eq!(q("35 people"), Some((35, Some(35), "35".into())));
        assert_eq!(q("thirty-five people").map(|x| x.0), Some(35));
        assert_eq!(q("Forty-three ISIS terrorists").map(|x| x.0), Some(43));
        assert_eq!(
            q("at least 45 civilians"),
            Some((45, None, "at least 45".into()))
        );
        assert_eq!(q("no fewer than 45").map(|x| (x.0, x.1)), Some((45, None)));
        assert_eq!(q("more than 300").map(|x| (x.0, x.1)), Some((301, None)));
        assert_eq!(q("over 300").map(|x| (x.0, x.1)), Some((301, None)));
        assert_eq!(q("up to 20").map(|x| (x.0, x.1)), Some((1, Some(20))));
        assert_eq!(q("as many as 20").map(|x| (x.0, x.1)), Some((1, Some(20))));
        assert_eq!(q("nearly 50").map(|x| (x.0, x.1)), Some((40, Some(49))));
        assert_eq!(q("about 50").map(|x| (x.0, x.1)), Some((45, Some(55))));
        assert_eq!(
            q("Some 120 ISIS fighters").map(|x| (x.0, x.1)),
            Some((108, Some(132)))
        );
        assert_eq!(
            q("between 200 and 300").map(|x| (x.0, x.1)),
            Some((200, Some(300)))
        );
        assert_eq!(
            q("200-300 people").map(|x| (x.0, x.1)),
            Some((200, Some(300)))
        );
        assert_eq!(q("200 to 300").map(|x| (x.0, x.1)), Some((200, Some(300))));
        assert_eq!(
            q("dozens of civilians").map(|x| (x.0, x.1)),
            Some((24, Some(99)))
        );
        assert_eq!(
            q("scores of terrorists").map(|x| (x.0, x.1)),
            Some((40, Some(99)))
        );
        assert_eq!(
            q("hundreds were injured").map(|x| (x.0, x.1)),
            Some((200, Some(999)))
        );
        assert_eq!(q("thousands").map(|x| (x.0, x.1)), Some((2000, Some(9999))));
        assert_eq!(q("a dozen").map(|x| (x.0, x.1)), Some((12, Some(12))));
        assert_eq!(
            q("two dozen soldiers").map(|x| (x.0, x.1)),
            Some((24, Some(24)))
        );
        assert_eq!(
            q("several other people").map(|x| (x.0, x.1)),
            Some((3, Some(9)))
        );
        assert_eq!(q("a number of").map(|x| (x.0, x.1)), Some((3, Some(9))));
    }

    #[test]
    fn reads_digits_and_compound_number_words() {
        assert_eq!(q("230000 people").map(|x| x.0), Some(230_000));
        assert_eq!(q("1,200 civilians").map(|x| x.0), Some(1_200));
        assert_eq!(q("1.2 million").map(|x| x.0), Some(1_200_000));
        assert_eq!(q("a quarter of a million").map(|x| x.0), Some(250_000));
        assert_eq!(q("half a million").map(|x| x.0), Some(500_000));
        assert_eq!(q("four thousand Jews").map(|x| x.0), Some(4_000));
        assert_eq!(q("two hundred and fifty").map(|x| x.0), Some(250));
        assert_eq!(
            q("at least a million").map(|x| (x.0, x.1)),
            Some((1_000_000, None))
        );
        assert_eq!(q("Fifty-one dead").map(|x| x.0), Some(51));
        assert_eq!(q("10:30"), None);
        assert_eq!(q("over the town"), None);
        assert_eq!(q("scores"), None);
    }

    /// The word lists of the classes follow the parsers: every vague-quantity word
    /// starts one.
    #[test]
    fn every_vague_word_starts_a_quantity() {
        for v in VAGUE {
            assert!(q(&format!("{v} of thousands")).is_some(), "{v}");
        }
    }
}
