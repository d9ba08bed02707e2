//! Metadata lines: `Source: X`, `Via X`, bylines, date lines, URL lines.
//!
//! A metadata line is read into [`MetadataField`]s whose value is the text as written
//! and whose span is the value's (the pipeline parses dates itself). Only the lines at
//! the top and the bottom of an article are read this way (see `article.rs`): a byline
//! pattern in the middle of the body is body text.

use crosscheck_dates::{DateOrder, DateParser};
use crosscheck_schema::MetadataField;
use regex::Regex;

use crate::shape::{is_url, looks_like_names, word_count};

/// One field read from a line, as offsets into the line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    pub field: &'static str,
    pub start: usize,
    pub end: usize,
}

/// Up to three fields read from one line (`Posted on <date> by <name>` gives two).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct MetaLine {
    pub fields: [Option<Found>; 3],
}

impl MetaLine {
    fn push(&mut self, f: Found) {
        if let Some(slot) = self.fields.iter_mut().find(|s| s.is_none()) {
            *slot = Some(f);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.fields[0].is_none()
    }

    /// The fields as schema values, with spans made absolute by `base`.
    pub fn write_fields(&self, line: &str, base: usize, out: &mut Vec<MetadataField>) {
        for f in self.fields.iter().flatten() {
            out.push(MetadataField {
                field: f.field.to_string(),
                value: line.get(f.start..f.end).unwrap_or("").to_string(),
                start: base + f.start,
                end: base + f.end,
            });
        }
    }

    pub fn has(&self, field: &str) -> bool {
        self.fields.iter().flatten().any(|f| f.field == field)
    }
}

/// Metadata lines are short: a longer line is body text.
const MAX_META_LINE: usize = 160;

pub(crate) struct MetaReader {
    byline: Regex,
    posted: Regex,
    source: Regex,
    date_prefix: Regex,
    dates: DateParser,
}

impl MetaReader {
    pub fn new() -> MetaReader {
        MetaReader {
            byline: Regex::new(
                r"(?i)^(?:by:?|written by|posted by|words by|story by|reporting by|report by|author:|authors:|byline:)\s+(.+)$",
            )
            .expect("byline regex"),
            posted: Regex::new(
                r"(?i)^(?:posted|published|updated|first published)(?:\s+on)?\s*:?\s+(.+?)\s+by\s+(.+?)(?:\s+in\s+[^/|]+?)?(?:\s*(?://|\||\x{b7}|\x{2022}).*)?$",
            )
            .expect("posted regex"),
            source: Regex::new(
                r"(?i)^\(?\s*(source|sources|via|h/t|hat tip|originally published (?:at|on|by|in)|originally appeared (?:at|on|in)|source link|read the original at)\s*(:|-|\x{2013}|\x{2014})?\s*(.+?)\s*\)?\.?$",
            )
            .expect("source regex"),
            date_prefix: Regex::new(
                r"(?i)^(?:published|posted|updated|last updated|first published|date of publication|date published|publication date|publish date|date|dated|released)(?:\s+(?:on|at))?\s*:?\s+(.+)$",
            )
            .expect("date prefix regex"),
            dates: DateParser::new(),
        }
    }

    /// Whether `s` is essentially a date ("Monday, March 3, 2014", "17-08-2014").
    pub fn is_date(&self, s: &str) -> bool {
        s.len() <= 64
            && s.bytes().any(|b| b.is_ascii_digit())
            && word_count(s) <= 9
            && self.dates.parse_date(s, DateOrder::MonthFirst).is_some()
    }

    /// Reads a metadata line, or returns an empty [`MetaLine`].
    pub fn read(&self, line: &str) -> MetaLine {
        let mut out = MetaLine::default();
        if line.is_empty() || line.len() > MAX_META_LINE {
            return out;
        }
        let lower_first = line.as_bytes()[0].to_ascii_lowercase();
        if is_url(line) {
            out.push(Found {
                field: "url",
                start: 0,
                end: line.len(),
            });
            return out;
        }
        if matches!(lower_first, b's' | b'v' | b'h' | b'o' | b'r' | b'(') {
            if let Some(c) = self.source.captures(line) {
                if let (Some(kw), Some(v)) = (c.get(1), c.get(3)) {
                    let has_colon = c.get(2).is_some();
                    let kw = kw.as_str().to_ascii_lowercase();
                    let value = v.as_str();
                    let ok_value = value.len() <= 100
                        && word_count(value) <= 10
                        && (has_colon || kw != "source" || starts_upper_or_url(value))
                        && (has_colon || starts_upper_or_url(value));
                    if ok_value {
                        let field = if is_url(value) { "url" } else { "outlet" };
                        out.push(Found {
                            field,
                            start: v.start(),
                            end: v.end(),
                        });
                        return out;
                    }
                }
            }
        }
        if matches!(lower_first, b'p' | b'u' | b'f') {
            if let Some(c) = self.posted.captures(line) {
                if let (Some(d), Some(n)) = (c.get(1), c.get(2)) {
                    if self.is_date(d.as_str())
                        && (looks_like_names(n.as_str()) || is_handle(n.as_str()))
                    {
                        out.push(Found {
                            field: "published",
                            start: d.start(),
                            end: d.end(),
                        });
                        out.push(Found {
                            field: "author",
                            start: n.start(),
                            end: n.end(),
                        });
                        return out;
                    }
                }
            }
        }
        if matches!(lower_first, b'b' | b'w' | b'p' | b's' | b'r' | b'a') {
            if let Some(c) = self.byline.captures(line) {
                if let Some(rest) = c.get(1) {
                    self.read_byline(line, rest.start(), rest.end(), &mut out);
                    if !out.is_empty() {
                        return out;
                    }
                }
            }
        }
        if let Some(c) = self.date_prefix.captures(line) {
            if let Some(d) = c.get(1) {
                if self.is_date(d.as_str()) {
                    out.push(Found {
                        field: "published",
                        start: d.start(),
                        end: d.end(),
                    });
                    return out;
                }
            }
        }
        if self.is_date(line) {
            out.push(Found {
                field: "published",
                start: 0,
                end: line.len(),
            });
        }
        out
    }

    /// `Jane Doe`, `Jane Doe, Reuters`, `Jane Doe | March 3, 2014`,
    /// `Jane Doe and John Roe; Editing by ...`, `JANE DOE`.
    fn read_byline(&self, line: &str, start: usize, end: usize, out: &mut MetaLine) {
        let rest = &line[start..end];
        // The name runs to the first separator; what follows may be a date.
        let cut = rest
            .char_indices()
            .find(|&(i, c)| {
                matches!(
                    c,
                    ',' | '|' | ';' | '\u{b7}' | '\u{2022}' | '\u{2014}' | '\u{2013}' | '/' | '('
                ) || (c == '-' && rest[i..].starts_with("- "))
                    || rest[i..].starts_with(" on ")
            })
            .map(|(i, _)| i)
            .unwrap_or(rest.len());
        let name = rest[..cut].trim_end();
        if !looks_like_names(name) || word_count(name) > 8 {
            return;
        }
        out.push(Found {
            field: "author",
            start,
            end: start + name.len(),
        });
        let tail = rest[cut..].trim_start_matches([
            ',', '|', ';', '-', ' ', '\u{b7}', '\u{2022}', '\u{2014}', '\u{2013}', '/',
        ]);
        let tail = tail.strip_prefix("on ").unwrap_or(tail).trim();
        if !tail.is_empty() && self.is_date(tail) {
            let ts = tail.as_ptr() as usize - line.as_ptr() as usize;
            out.push(Found {
                field: "published",
                start: ts,
                end: ts + tail.len(),
            });
        }
    }
}

/// A CMS account or social handle: `admin`, `jdoe42`, `@omar_k`.
fn is_handle(s: &str) -> bool {
    (2..=30).contains(&s.len())
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '@' | '.' | '-'))
}

fn starts_upper_or_url(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        || is_url(s)
}
