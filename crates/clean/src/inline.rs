//! Removals inside a paragraph, for texts scraped into one line: a CSV record's
//! article body often starts with the date and the headline ("Wed 05 Apr 2017
//! <headline>. <body>") and ends with the outlet's furniture ("- REUTERS", "Our
//! Standards: ...", a comment plugin's labels). Lines cannot separate those, so the
//! first and last paragraphs are trimmed by position: only a window at the start and
//! one at the end are read, with regexes anchored there.

use crosscheck_schema::{MetadataField, RemovalKind, Span};
use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use crate::comment_plugin::CommentPlugin;
use crate::publication_box::PublicationBox;
use crate::source_line::SourceLine;
use crate::Cleaner;

/// One removal inside a paragraph, with the field it was read into (if any).
#[derive(Clone, Debug)]
pub(crate) struct Cut {
    pub kind: RemovalKind,
    pub span: Span,
    pub fields: Vec<MetadataField>,
}

/// How far into the first paragraph the head rules look.
const HEAD_WINDOW: usize = 700;
/// How far back from the end of the last paragraph the tail rules look.
const TAIL_WINDOW: usize = 800;

struct TailRule {
    /// Text the rule cannot match without: tested first, so the regex runs only on the
    /// few paragraphs that may end this way.
    needles: Vec<memchr::memmem::Finder<'static>>,
    /// How far from the end the needle must be.
    reach: usize,
    /// A finder of its own instead of the pattern (which is then empty).
    custom: Option<Custom>,
    /// The pattern, compiled on first use: most runs never reach most rules, and
    /// compiling all of them (counted repetitions of Unicode classes) cost more than
    /// half of the program's start-up.
    pattern: &'static str,
    re: OnceLock<Regex>,
    kind: RemovalKind,
    /// The field the rule's first capture group is read into.
    field: Option<&'static str>,
    /// The most chars each listed capture group may hold (group index, chars),
    /// checked here rather than in the pattern: a counted repetition of `\w`
    /// (`[\w .]{1,40}$`) compiles to one copy of the whole Unicode class per count,
    /// `[^.]{0,200}` to two hundred copies of its class, and such rules were most
    /// of the cost of compiling all of them and of the lazy DFA's states (one per
    /// count reached).
    ///
    /// Only for a pattern whose matches from a given start all end at `$` (the end
    /// of the window) and whose preferred match (leftmost-first) has, of all its
    /// matches from that start, the shortest listed groups and the same other
    /// groups (a pattern with at most one match per start has): there the counted
    /// pattern matches at a start exactly when the unbounded one's preferred match
    /// has short enough groups, so [`TailRule::captures`] finds the same match. A
    /// listed group outside the preferred match passes.
    group_max: &'static [(usize, usize)],
}

/// The rules found by code of their own: as regexes, their counted repetitions of
/// Unicode classes cost the most instructions of all the rules.
enum Custom {
    Comment(CommentPlugin),
    Publication(PublicationBox),
    Source(SourceLine),
}

impl TailRule {
    fn regex(&self) -> &Regex {
        self.re
            .get_or_init(|| Regex::new(self.pattern).expect("tail rule"))
    }

    /// See [`TailRule::group_max`].
    fn with_group_max(mut self, bounds: &'static [(usize, usize)]) -> TailRule {
        self.group_max = bounds;
        self
    }

    /// The leftmost match in `window`, and its first group that took part in it.
    fn find(&self, window: &str) -> Option<(Range<usize>, Option<Range<usize>>)> {
        match &self.custom {
            Some(Custom::Comment(finder)) => return finder.find(window).map(|all| (all, None)),
            Some(Custom::Publication(finder)) => return finder.find(window).map(|all| (all, None)),
            Some(Custom::Source(finder)) => {
                return finder.find(window).map(|(all, name)| (all, Some(name)))
            }
            None => {}
        }
        let c = self.captures(window)?;
        let group = c.iter().skip(1).flatten().next().map(|g| g.range());
        Some((c.get(0)?.range(), group))
    }

    /// The leftmost match in `window` whose groups respect [`TailRule::group_max`].
    fn captures<'h>(&self, window: &'h str) -> Option<regex::Captures<'h>> {
        let re = self.regex();
        if self.group_max.is_empty() {
            return re.captures(window);
        }
        let mut from = 0;
        while let Some(c) = re.captures_at(window, from) {
            let short = self.group_max.iter().all(|&(group, max)| {
                c.get(group)
                    .is_none_or(|g| g.as_str().chars().count() <= max)
            });
            if short {
                return Some(c);
            }
            // No match starts here: try the starts after it.
            let start = c.get(0)?.start();
            from = start + window[start..].chars().next().map_or(1, char::len_utf8);
        }
        None
    }
}

pub(crate) struct InlineRules {
    tail: Vec<TailRule>,
    agency: Regex,
    /// An agency and a weekday date line further into the head, after a standfirst:
    /// "<headline> <standfirst> AFP Saturday 10 Aug 2013 <body>" (Al-Ahram).
    later_agency_date: Regex,
    glued_date: Regex,
    share_counts: Regex,
    last_updated: Regex,
}

impl InlineRules {
    pub fn new() -> InlineRules {
        use RemovalKind::*;
        let rule = |needles: &[&'static str], reach, pattern: &'static str, kind, field| TailRule {
            needles: needles
                .iter()
                .map(|n| memchr::memmem::Finder::new(n.as_bytes()))
                .collect(),
            reach,
            custom: None,
            pattern,
            re: OnceLock::new(),
            kind,
            field,
            group_max: &[],
        };
        InlineRules {
            tail: vec![
                TailRule {
                    custom: Some(Custom::Comment(CommentPlugin::new())),
                    ..rule(&["Comment via"], 120, "", CommentWidget, None)
                },
                // `... \bTags\s+[^.!?\x22\x{201c}\x{201d}]{1,300}$`: the greedy `\s+`
                // leaves the shortest run, which is all the bound needs.
                rule(
                    &["Tags"],
                    320,
                    r"(?:\.\.\.\s*)?(?:\d+\s+)*\bTags\s+([^.!?\x22\x{201c}\x{201d}]+)$",
                    Boilerplate,
                    None,
                )
                .with_group_max(&[(1, 300)]),
                rule(
                    &["Trust Principles"],
                    60,
                    r"Our Standards:\s*The Thomson Reuters Trust Principles\.?$",
                    Boilerplate,
                    None,
                ),
                // `... by ([^;.]{3,80}?)(?:;[^.]{0,200})?\.?$`: neither group can
                // pass a `;` or a `.`, so from a given start there is one match.
                rule(
                    &["eporting by", "riting by"],
                    300,
                    r"(?:Additional )?(?:[Rr]eporting|[Ww]riting) by ([^;.]{3,}?)(?:;([^.]*))?\.?$",
                    MetadataLine,
                    Some("author"),
                )
                .with_group_max(&[(1, 80), (2, 200)]),
                // `... \(Source:\s*([^)]{2,60})\)$`: the greedy `\s*` leaves the
                // shortest group.
                rule(
                    &["(Source:"],
                    70,
                    r"\(Source:\s*([^)]{2,})\)$",
                    MetadataLine,
                    Some("outlet"),
                )
                .with_group_max(&[(1, 60)]),
                rule(
                    &["Twitter", "Facebook", "Share", "Tweet"],
                    60,
                    r"[.!?)\x22\x{201d}]\s+((?:Twitter|Facebook|Share|Tweet)(?:\s+(?:Twitter|Facebook|Share|Tweet|Email|Print))*)$",
                    ShareAppeal,
                    None,
                ),
                TailRule {
                    custom: Some(Custom::Source(SourceLine::new())),
                    ..rule(&["Source"], 75, "", MetadataLine, Some("outlet"))
                },
                rule(
                    &["REUTERS", "Reuters", "AFP", "AP", "SANA", "Xinhua", "dpa"],
                    12,
                    r"\s-{1,2}\s?(REUTERS|Reuters|AFP|AP|SANA|Xinhua|dpa)$|-{1,2}(REUTERS|Reuters)$",
                    MetadataLine,
                    Some("outlet"),
                ),
                // `Last Update:\s.{5,80}$`: one match from a given start.
                rule(
                    &["Last Update:"],
                    100,
                    r"Last Update:\s(.{5,})$",
                    Boilerplate,
                    None,
                )
                .with_group_max(&[(1, 80)]),
                TailRule {
                    custom: Some(Custom::Publication(PublicationBox::new())),
                    ..rule(&["is the world"], 760, "", AuthorBox, None)
                },
                // `... appeared)[^.]{0,150}\.?$`: one match from a given start.
                rule(
                    &["This article"],
                    230,
                    r"This article (?:is an edited translation|was (?:originally|first) published|first appeared|originally appeared)([^.]*)\.?$",
                    Boilerplate,
                    None,
                )
                .with_group_max(&[(1, 150)]),
            ],
            agency: Regex::new(
                r"^(AFP|Reuters|AP|Xinhua|dpa|DPA|SANA|Anadolu|IRNA|TASS|EFE|ANSA|UPI)\b[ ,:-]*",
            )
            .expect("agency regex"),
            later_agency_date: Regex::new(
                r" (?:AFP|Reuters|AP|Xinhua|dpa|DPA|SANA|Anadolu|IRNA|TASS|EFE|ANSA|UPI) (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d{1,2} [A-Z][a-z]{2,8} \d{4} ",
            )
            .expect("later agency regex"),
            glued_date: Regex::new(r"^\d{1,2}[./-]\d{1,2}[./-]\d{4}(?:\s*\(updated[^)]{0,40}\))?")
                .expect("glued date regex"),
            share_counts: Regex::new(r"Print Tweet(?: Views \d+)?|Get short URL(?: \d+)*")
                .expect("share regex"),
            last_updated: Regex::new(r"^Last updated at \w+ \d+\b").expect("last updated regex"),
        }
    }
}

/// Inline removals for the first and last paragraph of an article.
pub(crate) fn cuts(
    cleaner: &Cleaner,
    text: &str,
    paragraphs: &[Span],
    title: Option<&str>,
) -> Vec<Cut> {
    let mut out = Vec::new();
    let Some(first) = paragraphs.first() else {
        return out;
    };
    head(cleaner, text, *first, title, &mut out);
    head_tags(text, *first, &mut out);
    if let Some(last) = paragraphs.last() {
        let floor = out
            .iter()
            .filter(|c| last.contains(c.span))
            .map(|c| c.span.end)
            .max()
            .unwrap_or(last.start);
        tail(cleaner, text, Span::new(floor, last.end), &mut out);
    }
    // Rules may meet on a short paragraph: keep the first of overlapping cuts.
    out.sort_by_key(|c| c.span.start);
    let mut kept: Vec<Cut> = Vec::with_capacity(out.len());
    for mut c in out {
        c.span.end = c.span.start.max(trim_end_at(text, c.span.end));
        if c.span.is_empty() || kept.last().is_some_and(|k| k.span.end > c.span.start) {
            continue;
        }
        kept.push(c);
    }
    kept
}

fn head(cleaner: &Cleaner, text: &str, p: Span, title: Option<&str>, out: &mut Vec<Cut>) {
    let rules = &cleaner.inline;
    let end = floor_char(text, (p.start + HEAD_WINDOW).min(p.end));
    let mut cursor = p.start;
    // Widgets glued into the head ("Print Tweet Views 729", "Get short URL 0 0 0").
    for m in rules.share_counts.find_iter(&text[p.start..end]) {
        out.push(cut(
            RemovalKind::ShareAppeal,
            p.start + m.start(),
            p.start + m.end(),
            Vec::new(),
        ));
    }
    if let Some(m) = rules.last_updated.find(&text[cursor..end]) {
        out.push(cut(
            RemovalKind::Boilerplate,
            cursor,
            cursor + m.end(),
            Vec::new(),
        ));
        cursor = skip_space(text, cursor + m.end());
    }
    // The headline again near the start, with whatever stands before it read as
    // metadata; without a headline, just a leading agency name and date.
    let found = title.and_then(|t| find_title(text, cursor, end, t));
    let Some((ts, te)) = found else {
        agency_and_date(cleaner, text, cursor, end, out);
        return;
    };
    if ts > cursor {
        let prefix = text[cursor..ts].trim_end();
        let m = cleaner.meta.read(prefix);
        if !m.is_empty() {
            let mut fields = Vec::new();
            m.write_fields(prefix, cursor, &mut fields);
            out.push(cut(
                RemovalKind::MetadataLine,
                cursor,
                cursor + prefix.len(),
                fields,
            ));
        } else {
            let mut trial = Vec::new();
            let after = agency_and_date(cleaner, text, cursor, cursor + prefix.len(), &mut trial);
            if after < cursor + prefix.len() {
                // Something unread stands first: not a headline repeat at the head.
                agency_and_date(cleaner, text, cursor, end, out);
                return;
            }
            out.append(&mut trial);
        }
    }
    out.push(cut(RemovalKind::RepeatedHeadline, ts, te, Vec::new()));
    let after = skip_space(text, te);
    let dots = text[after..].bytes().take_while(|b| *b == b'.').count();
    let at = skip_space(text, after + dots);
    if at < end && agency_and_date(cleaner, text, at, end, out) == at {
        // A standfirst between the headline and the agency's date line: the date line
        // is cut, the standfirst stays text (a sentence of its own).
        if let Some(m) = rules.later_agency_date.find(&text[at..end]) {
            agency_and_date(cleaner, text, at + m.start() + 1, end, out);
        }
    }
}

/// Words that open an article's body after a tag list: "Tags Syria Idlib Russia *A*
/// hospital funded by ...".
const BODY_OPENERS: &[&str] = &[
    "The", "A", "An", "At", "In", "On", "More", "Dozens", "Scores", "Hundreds", "Some", "Several",
    "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve",
    "Fourteen", "Fifteen", "Twenty", "Thirty", "Forty", "Fifty",
];

/// A tag list between the standfirst and the body, in the first paragraph (The New
/// Arab: "<standfirst> Tags Syria Idlib MSF Russia A hospital funded by ..."): cut from
/// "Tags" to where the body starts, which is where the text repeats the article's
/// opening words, or else the first capitalised sentence opener within 200 bytes. A
/// list with neither stays.
fn head_tags(text: &str, p: Span, out: &mut Vec<Cut>) {
    let end = floor_char(text, (p.start + HEAD_WINDOW).min(p.end));
    let head = &text[p.start..end];
    let Some(at) = memchr::memmem::find(head.as_bytes(), b" Tags ") else {
        return;
    };
    let tags = p.start + at + 1;
    let list = tags + "Tags ".len();
    if !text[list..].starts_with(|c: char| c.is_uppercase()) {
        return;
    }
    let window = &text[list..floor_char(text, (list + 300).min(p.end))];
    // The body repeats the opening: the first five words of a sentence of the text
    // before the tags (one that starts the text, follows a full stop or a year).
    let before: Vec<&str> = text[p.start..tags].split_whitespace().collect();
    let starts_sentence = |i: usize| {
        before[i].starts_with(|c: char| c.is_uppercase())
            && (i == 0
                || before[i - 1].ends_with('.')
                || before[i - 1].len() == 4 && before[i - 1].bytes().all(|b| b.is_ascii_digit()))
    };
    let repeat = || {
        (0..before.len().saturating_sub(4))
            .filter(|&i| starts_sentence(i))
            .find_map(|i| window.find(&before[i..i + 5].join(" ")))
    };
    // The first sentence opener, unless the words before it already read as a
    // sentence ("Tags Idlib Russia Syria Anti-government activists say airstrikes have
    // hit …": the body began before "The"). A tag list holds names and topics, not
    // verbs or clause words.
    let opener = || {
        let mut pos = 0;
        for (k, word) in window.split(' ').enumerate() {
            if pos > 200 {
                return None;
            }
            if k > 0 && BODY_OPENERS.contains(&word) {
                return Some(pos);
            }
            if matches!(
                word,
                "say"
                    | "says"
                    | "said"
                    | "have"
                    | "has"
                    | "had"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "been"
                    | "will"
                    | "would"
                    | "that"
                    | "which"
                    | "killed"
                    | "after"
                    | "when"
            ) {
                return None;
            }
            pos += word.len() + 1;
        }
        None
    };
    if let Some(body) = opener().or_else(repeat) {
        out.push(cut(
            RemovalKind::MetadataLine,
            tags,
            list + body,
            Vec::new(),
        ));
    }
}

/// An agency name and/or a date at `at`: cut and read into fields. Returns the
/// position after them.
fn agency_and_date(
    cleaner: &Cleaner,
    text: &str,
    at: usize,
    end: usize,
    out: &mut Vec<Cut>,
) -> usize {
    // A headline repeat can reach the end of a one-line record.
    if at >= end || !text.is_char_boundary(at) {
        return at;
    }
    let mut cursor = at;
    if let Some(c) = cleaner.inline.agency.captures(&text[cursor..end]) {
        if let (Some(all), Some(name)) = (c.get(0), c.get(1)) {
            let next = &text[cursor + all.end()..end];
            // Only when a date follows: "AFP Friday 22 Jul 2016"; an agency opening a
            // sentence ("AP reported ...") is text.
            if date_prefix_len(cleaner, next) > 0 {
                let f = field("outlet", text, cursor + name.start(), cursor + name.end());
                out.push(cut(
                    RemovalKind::MetadataLine,
                    cursor,
                    cursor + all.end(),
                    vec![f],
                ));
                cursor += all.end();
            }
        }
    }
    let n = date_prefix_len(cleaner, &text[cursor..end]);
    if n > 0 {
        let s = &text[cursor..cursor + n];
        let mut fields = Vec::new();
        // "10.10.2017(updated 1601 10.10.2017)": the value is the date before the note.
        let paren = s.find('(').filter(|&p| p > 0);
        match paren {
            Some(p) => fields.push(field(
                "published",
                text,
                cursor,
                cursor + s[..p].trim_end().len(),
            )),
            None => cleaner.meta.read(s).write_fields(s, cursor, &mut fields),
        }
        out.push(cut(RemovalKind::MetadataLine, cursor, cursor + n, fields));
        cursor = skip_space(text, cursor + n);
    }
    cursor
}

/// The length of the shortest run of leading words that reads as a date line ("Wed 05
/// Apr 2017", "Published February 18 2015"), stretched over a time of day after it
/// ("at 0914", "2037 UTC+3"); 0 when none does. The shortest, because the date parser
/// tolerates trailing words and the headline follows without a break.
fn date_prefix_len(cleaner: &Cleaner, s: &str) -> usize {
    // Dates and date lines open with a digit or a capital ("Wed", "Published").
    if !s
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || c.is_uppercase())
    {
        return 0;
    }
    // A numeric date glued to what follows: "24.08.2013Get short URL",
    // "10.10.2017(updated 1601 10.10.2017)".
    if let Some(m) = cleaner.inline.glued_date.find(s) {
        if cleaner.meta.is_date(&s[..m.end()]) {
            return m.end();
        }
    }
    let first_word = s
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let prefixed = matches!(
        first_word.as_str(),
        "published"
            | "posted"
            | "updated"
            | "last"
            | "first"
            | "date"
            | "dated"
            | "released"
            | "publication"
    );
    let mut words = s.split_ascii_whitespace().take(8).peekable();
    let mut k = 0;
    while let Some(w) = words.next() {
        k += 1;
        let mut end = w.as_ptr() as usize - s.as_ptr() as usize + w.len();
        let cand = &s[..end];
        if k == 1 && !cand.contains(['.', '/', '-']) {
            continue;
        }
        if !cand.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        if words
            .peek()
            .is_some_and(|n| n.starts_with(char::is_lowercase) && !is_time_word(n))
        {
            continue;
        }
        let hit = if prefixed {
            cleaner.meta.read(cand).has("published")
        } else {
            cleaner.meta.is_date(cand)
        };
        if hit {
            // Stretch over a time of day; "at" only before a time, as "Thursday 5 Feb
            // 2015 At least 45 people were killed" opens the body.
            while let Some(w) = words.next() {
                if !is_time_word(w)
                    || w.eq_ignore_ascii_case("at")
                        && !words.peek().is_some_and(|n| {
                            is_time_word(n) && n.bytes().any(|b| b.is_ascii_digit())
                        })
                {
                    break;
                }
                end = w.as_ptr() as usize - s.as_ptr() as usize + w.len();
            }
            return end;
        }
    }
    0
}

/// "at", "0914", "10:12", "pm", "UTC+3", "GMT", "-": the words of a time of day.
fn is_time_word(w: &str) -> bool {
    let l = w.to_ascii_lowercase();
    let digits = l.bytes().filter(u8::is_ascii_digit).count();
    matches!(
        l.as_str(),
        "at" | "am" | "pm" | "a.m." | "p.m." | "gmt" | "utc" | "est" | "edt" | "ksa" | "-" | "|"
    ) || (l.starts_with("utc") || l.starts_with("gmt")) && l.len() <= 6
        || ((3..=4).contains(&digits)
            && l.len() <= 5
            && l.bytes()
                .all(|b| b.is_ascii_digit() || b == b':' || b == b'.'))
}

/// Where `title` stands near `from` (case-insensitive); extends a truncated title to
/// the end of its word.
fn find_title(text: &str, from: usize, end: usize, title: &str) -> Option<(usize, usize)> {
    let t = title.trim();
    let t = t.split(" | ").next().unwrap_or(t).trim();
    let t = t.trim_end_matches(['.', ' ']);
    if t.len() < 15 {
        return None;
    }
    let hay = &text[from..end];
    // Only at the head: at most a short prefix (a date, a byline) before it.
    let pos = find_ascii_ci(hay, t, 120)?;
    let ts = from + pos;
    let mut te = ts + t.len();
    if t.len() >= 60 {
        while let Some(c) = text[te..].chars().next() {
            if !c.is_alphanumeric() {
                break;
            }
            te += c.len_utf8();
        }
    }
    // The title must end where the text moves on ("<title>. Body", "<title> Body",
    // "<title> 6 October 2016"), not open a sentence ("<title> president.").
    let next = text[te..].trim_start().chars().next();
    if next.is_some_and(|c| c.is_lowercase()) {
        return None;
    }
    Some((ts, te))
}

/// The first position at or before `max` where `needle` stands in `hay` ignoring
/// ASCII case, on char boundaries; `None` when it stands only later or nowhere.
/// (Compares in place: the haystack is the head of a paragraph, too short for a
/// searcher to pay for building it.)
fn find_ascii_ci(hay: &str, needle: &str, max: usize) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(first) = n.first().map(u8::to_ascii_lowercase) else {
        return Some(0);
    };
    let last = h.len().checked_sub(n.len())?.min(max);
    (0..=last).find(|&at| {
        h[at].to_ascii_lowercase() == first
            && h[at..at + n.len()].eq_ignore_ascii_case(n)
            && hay.is_char_boundary(at)
            && hay.is_char_boundary(at + n.len())
    })
}

/// [`find_ascii_ci`] as it was defined: lower-cased copies and a substring search,
/// without the limit (the tests compare the two).
#[cfg(test)]
fn find_ascii_ci_reference(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.to_ascii_lowercase();
    let n = needle.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&h.as_bytes()[from..], n.as_bytes()) {
        let at = from + i;
        if hay.is_char_boundary(at) && hay.is_char_boundary(at + n.len()) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

fn tail(cleaner: &Cleaner, text: &str, p: Span, out: &mut Vec<Cut>) {
    let mut end = p.end;
    for _ in 0..6 {
        if end <= p.start {
            return;
        }
        let start = ceil_char(text, end.saturating_sub(TAIL_WINDOW).max(p.start));
        let window = &text[start..end];
        let mut hit = None;
        for r in &cleaner.inline.tail {
            let near = &window[ceil_char(window, window.len().saturating_sub(r.reach))..];
            if !r.needles.iter().any(|n| n.find(near.as_bytes()).is_some()) {
                continue;
            }
            if let Some((all, group)) = r.find(window) {
                let all_text = &window[all.clone()];
                // A rule that starts at a punctuation mark keeps it in the text.
                let lead = all_text.len()
                    - all_text
                        .trim_start_matches(['.', '!', '?', ')', '"', '\u{201d}', ' '])
                        .len();
                let cs = start + all.start + lead;
                if cs <= p.start {
                    // Never the whole paragraph.
                    continue;
                }
                let fields = r
                    .field
                    .zip(group)
                    .map(|(name, g)| field(name, text, start + g.start, start + g.end))
                    .into_iter()
                    .collect();
                hit = Some(cut(r.kind, cs, end, fields));
                break;
            }
        }
        let Some(h) = hit else {
            return;
        };
        end = trim_end_at(text, h.span.start);
        out.push(h);
    }
}

fn cut(kind: RemovalKind, start: usize, end: usize, fields: Vec<MetadataField>) -> Cut {
    Cut {
        kind,
        span: Span::new(start, end),
        fields,
    }
}

fn field(name: &str, text: &str, start: usize, end: usize) -> MetadataField {
    MetadataField {
        field: name.to_string(),
        value: text.get(start..end).unwrap_or("").to_string(),
        start,
        end,
    }
}

fn skip_space(text: &str, at: usize) -> usize {
    let rest = text.get(at..).unwrap_or("");
    at + (rest.len() - rest.trim_start().len())
}

fn trim_end_at(text: &str, at: usize) -> usize {
    text.get(..at).map(|s| s.trim_end().len()).unwrap_or(at)
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_search_is_the_lower_cased_substring_search() {
        let hays = [
            "Syria: Air strikes on Idlib kill 12 \u{2013} AIR STRIKES ON IDLIB KILL 12",
            "\u{c9}t\u{e9} air strikes on idlib kill 12 in the north",
            "nothing here at all",
            "air strikes on idl",
            "",
            "\u{130}stanbul \u{130}STANBUL istanbul",
        ];
        let needles = [
            "air strikes on idlib",
            "AIR",
            "kill 12",
            "\u{e9}t\u{e9}",
            "istanbul",
            "x",
            "",
        ];
        for hay in hays {
            for needle in needles {
                let reference = find_ascii_ci_reference(hay, needle);
                for max in [0, 3, 10, 120, usize::MAX] {
                    assert_eq!(
                        find_ascii_ci(hay, needle, max),
                        reference.filter(|&p| p <= max),
                        "{hay:?} {needle:?} {max}"
                    );
                }
            }
        }
    }

    /// The tail rules compile on first use; every pattern must still be valid.
    #[test]
    fn every_tail_rule_compiles() {
        let rules = InlineRules::new();
        for rule in rules.tail.iter().filter(|r| r.custom.is_none()) {
            assert!(rule.regex().captures_len() >= 1, "{}", rule.pattern);
        }
    }

    /// The rules whose groups are bounded in code find what the counted
    /// repetitions they replace found: the same match and the same group.
    #[test]
    fn bounded_last_groups_match_like_counted_repetitions() {
        let rules = InlineRules::new();
        let rule = |needle: &str| {
            rules
                .tail
                .iter()
                .find(|r| r.needles.iter().any(|n| n.needle() == needle.as_bytes()))
                .expect("rule")
        };
        let cases = [
            (
                rule("Tags"),
                r"(?:\.\.\.\s*)?(?:\d+\s+)*\bTags\s+[^.!?\x22\x{201c}\x{201d}]{1,300}$",
                "Read more... 12 3 Tags ",
            ),
            (
                rule("Comment via"),
                r"(?:Community standards)?\s*Discussion\s*Comment via Facebook\s*Comment via [\w .]{1,40}$",
                "Community standards Discussion Comment via Facebook Comment via ",
            ),
            (
                rule("Comment via"),
                r"(?:Community standards)?\s*Discussion\s*Comment via Facebook\s*Comment via [\w .]{1,40}$",
                "x.Community standards\u{a0}\tDiscussionComment via FacebookComment via ",
            ),
            (
                rule("Comment via"),
                r"(?:Community standards)?\s*Discussion\s*Comment via Facebook\s*Comment via [\w .]{1,40}$",
                "Discussion Comment via Twitter Discussion  Comment via Facebook  Comment via ",
            ),
            (
                rule("Comment via"),
                r"(?:Community standards)?\s*Discussion\s*Comment via Facebook\s*Comment via [\w .]{1,40}$",
                "Community standardsX Discussion Comment via Facebook Comment via",
            ),
            (
                rule("Source"),
                r"[.!?\x22\x{201d}]\s+Source:?\s+(\p{Lu}[\w&.\- ]{1,60})$",
                "Fighting went on. Source: ",
            ),
            (
                rule("Source"),
                r"[.!?\x22\x{201d}]\s+Source:?\s+(\p{Lu}[\w&.\- ]{1,60})$",
                "He said.\u{201d}\u{a0}Source\tA. Source: x! Source ",
            ),
            (
                rule("Source"),
                r"[.!?\x22\x{201d}]\s+Source:?\s+(\p{Lu}[\w&.\- ]{1,60})$",
                "Done? Source:AFP. Source:  Sana, ",
            ),
            (
                rule("Source"),
                r"[.!?\x22\x{201d}]\s+Source:?\s+(\p{Lu}[\w&.\- ]{1,60})$",
                "He said\u{201d}\u{a0}Source\t",
            ),
            (
                rule("Source"),
                r"[.!?\x22\x{201d}]\s+Source:?\s+(\p{Lu}[\w&.\- ]{1,60})$",
                "Done.Source: ",
            ),
            (
                rule("Source"),
                r"[.!?\x22\x{201d}]\s+Source:?\s+(\p{Lu}[\w&.\- ]{1,60})$",
                "Done. Source:",
            ),
            (
                rule("is the world"),
                r"(?:\p{Lu}[\p{L}'\-]*\s+){1,6}is the worlds? (?:premier|leading|largest|first|most)\b[^.]{0,120}\b(?:newspaper|daily|publication|news agency|broadcaster|news network)\b.{0,600}$",
                "Text. The Daily Star is the worlds leading newspaper ",
            ),
            (
                rule("is the world"),
                r"(?:\p{Lu}[\p{L}'\-]*\s+){1,6}is the worlds? (?:premier|leading|largest|first|most)\b[^.]{0,120}\b(?:newspaper|daily|publication|news agency|broadcaster|news network)\b.{0,600}$",
                "x. Aa Bb Cc Dd Ee Ff Gg Hh is the world first ",
            ),
            (
                rule("is the world"),
                r"(?:\p{Lu}[\p{L}'\-]*\s+){1,6}is the worlds? (?:premier|leading|largest|first|most)\b[^.]{0,120}\b(?:newspaper|daily|publication|news agency|broadcaster|news network)\b.{0,600}$",
                "McDonald\u{a0}Xy O'Zz-Q Aa  Bb Cc\tDd is the worlds most daily. Éa Bé is the world largest ",
            ),
            (
                rule("is the world"),
                r"(?:\p{Lu}[\p{L}'\-]*\s+){1,6}is the worlds? (?:premier|leading|largest|first|most)\b[^.]{0,120}\b(?:newspaper|daily|publication|news agency|broadcaster|news network)\b.{0,600}$",
                "xAb Cd Ef Gh Ij Kl is the worlds mostly Mn is the world premier news  ",
            ),
            (
                rule("eporting by"),
                r"(?:Additional )?(?:[Rr]eporting|[Ww]riting) by ([^;.]{3,80}?)(?:;[^.]{0,200})?\.?$",
                "Fighting went on. Additional reporting by ",
            ),
            (
                rule("(Source:"),
                r"\(Source:\s*([^)]{2,60})\)$",
                "Fighting went on. (Source:  ",
            ),
            (
                rule("Last Update:"),
                r"Last Update:\s.{5,80}$",
                "Fighting went on. Last Update: ",
            ),
            (
                rule("This article"),
                r"This article (?:is an edited translation|was (?:originally|first) published|first appeared|originally appeared)[^.]{0,150}\.?$",
                "Fighting went on. This article was first published ",
            ),
        ];
        for (rule, counted, lead) in cases {
            let counted = Regex::new(counted).expect("counted pattern");
            let mut windows = Vec::new();
            for n in (0..70).chain([
                117, 118, 119, 199, 200, 201, 298, 299, 300, 301, 596, 597, 598, 599, 600, 601,
            ]) {
                for unit in [
                    "a",
                    "é",
                    "A.b",
                    " ",
                    "x-",
                    "é daily. ",
                    "é daily ",
                    "news agency",
                    "x\ny",
                    "  ",
                    "\u{201c}",
                    ";",
                    "x; y",
                    ")",
                ] {
                    let body = format!("Él{}", unit.repeat(n));
                    windows.push(format!("{lead}{body}"));
                    windows.push(format!("{lead}{}", unit.repeat(n)));
                    windows.push(format!("Text. {lead}{body} {lead}{body}"));
                    windows.push(format!("{lead}{lead}{body}"));
                    windows.push(format!("{lead}{body}!"));
                    windows.push(format!(
                        " Discussion Comment via Facebook\nComment via {body}"
                    ));
                    windows.push(format!("Done.  Source:  {body}"));
                    windows.push(format!("{lead}{body})"));
                    windows.push(format!("{lead}{body}."));
                    windows.push(format!("{lead}{}; {body}.", unit.repeat(n)));
                    windows.push(format!("{lead}Jo Ba;{}", unit.repeat(n)));
                    windows.push(format!("{lead}{} daily", unit.repeat(n)));
                }
            }
            let mut matched = 0;
            for window in &windows {
                // The whole match, and the group read into a field.
                let spans = |c: Option<regex::Captures>| {
                    c.map(|c| {
                        let group = rule.field.and_then(|_| c.get(1)).map(|m| m.range());
                        (c.get(0).map(|m| m.range()), group)
                    })
                };
                let want = spans(counted.captures(window));
                let got = rule
                    .find(window)
                    .map(|(all, group)| (Some(all), rule.field.and(group)));
                assert_eq!(got, want, "{window:?}");
                matched += usize::from(want.is_some());
            }
            // Both sides of the bound are exercised.
            assert!(0 < matched && matched < windows.len(), "{matched}");
        }
    }
}
