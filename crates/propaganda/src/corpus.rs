//! Articles and their gold annotations in the PTC formats, parsed from strings.
//!
//! Label files count offsets in Unicode code points of the article file as Python
//! reads it (a byte-order mark counts as one), `end` exclusive. [`Article`] holds byte
//! offsets, like the rest of crosscheck; [`CharIndex`] converts both ways.
//!
//! The two PTC releases share their articles: every NLP4IF-2019 training article is
//! byte-identical to a SemEval-2020 training article (12 of them twice, under a
//! second id). [`deduplicate`] keeps one copy per content hash, and [`content_groups`]
//! gives the fold groups, so a text never sits on both sides of a split.

use std::collections::HashMap;
use std::fmt;

use crosscheck_learn::hash::fnv1a64;

use crate::technique::{from_nlp4if_name, Technique};

/// One line of a label file: a span of an article, in the file's units (code
/// points), with its technique when the file gives one.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Annotation {
    pub article_id: String,
    pub start: usize,
    pub end: usize,
    pub technique: Option<Technique>,
}

/// A gold span of an [`Article`], in bytes of its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GoldSpan {
    pub start: usize,
    pub end: usize,
    pub technique: Option<Technique>,
}

/// An article with its gold spans (byte offsets, sorted by start).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    pub id: String,
    pub text: String,
    pub spans: Vec<GoldSpan>,
}

/// A malformed label line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line number.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ParseError {}

/// Parses a label file in any of the PTC formats, told apart line by line by their
/// column count:
///
/// * SI (SemEval-2020 task 1): `article_id<TAB>start<TAB>end`;
/// * TC (SemEval-2020 task 2) and NLP4IF FLC: `article_id<TAB>technique<TAB>start<TAB>end`.
///
/// NLP4IF technique names are merged into the SemEval-2020 classes
/// ([`from_nlp4if_name`]); lines of the dropped class (`Obfuscation,...`) are
/// skipped. Blank lines are skipped; a trailing `\r` is ignored. Offsets are returned
/// as written (code points).
pub fn parse_labels(input: &str) -> Result<Vec<Annotation>, ParseError> {
    let mut out = Vec::new();
    for (i, line) in input.lines().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let err = |message: String| ParseError {
            line: i + 1,
            message,
        };
        let cols: Vec<&str> = line.split('\t').collect();
        let (id, technique, start, end) = match cols.as_slice() {
            [id, start, end] => (*id, None, *start, *end),
            [id, name, start, end] => match from_nlp4if_name(name.trim()) {
                Some(Some(t)) => (*id, Some(t), *start, *end),
                Some(None) => continue,
                None => return Err(err(format!("unknown technique {name:?}"))),
            },
            _ => {
                return Err(err(format!(
                    "expected 3 or 4 tab-separated columns, found {}",
                    cols.len()
                )))
            }
        };
        let number = |s: &str, what: &str| {
            s.trim()
                .parse::<usize>()
                .map_err(|_| err(format!("{what} offset {s:?} is not a non-negative integer")))
        };
        let (start, end) = (number(start, "start")?, number(end, "end")?);
        if start >= end {
            return Err(err(format!("empty span {start}..{end}")));
        }
        let article_id = id.trim().trim_start_matches("article").to_string();
        if article_id.is_empty() {
            return Err(err("empty article id".into()));
        }
        out.push(Annotation {
            article_id,
            start,
            end,
            technique,
        });
    }
    Ok(out)
}

/// Writes annotations in the SemEval-2020 format: the TC format when every
/// annotation has a technique, the SI format otherwise.
pub fn format_labels(annotations: &[Annotation]) -> String {
    let with_technique = annotations.iter().all(|a| a.technique.is_some());
    let mut out = String::new();
    for a in annotations {
        match a.technique {
            Some(t) if with_technique => out.push_str(&format!(
                "{}\t{}\t{}\t{}\n",
                a.article_id, t, a.start, a.end
            )),
            _ => out.push_str(&format!("{}\t{}\t{}\n", a.article_id, a.start, a.end)),
        }
    }
    out
}

/// Code point ↔ byte offsets of one text.
#[derive(Clone, Debug)]
pub struct CharIndex {
    // Byte offset of each code point, plus the text length at the end.
    bytes: Vec<usize>,
}

impl CharIndex {
    pub fn new(text: &str) -> CharIndex {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        CharIndex { bytes }
    }

    /// Number of code points.
    pub fn chars(&self) -> usize {
        self.bytes.len() - 1
    }

    /// The byte offset of code point `c` (the text length past the end).
    pub fn byte(&self, c: usize) -> usize {
        self.bytes
            .get(c)
            .or(self.bytes.last())
            .copied()
            .unwrap_or(0)
    }

    /// The code point at byte offset `b` (rounded up to the next char boundary).
    pub fn char(&self, b: usize) -> usize {
        self.bytes.partition_point(|&x| x < b)
    }
}

/// Attaches annotations to article texts, converting code points to bytes.
/// Annotations of unknown articles are returned apart. As the PTC version-2
/// revision did, a span that starts past the end of its article is dropped and one
/// that ends past it is cut at the end. With `trim`, spans also lose leading and
/// trailing `" \n.,:;"` (the version-2 boundary rule; use it for NLP4IF labels,
/// which predate it).
pub fn attach(
    texts: Vec<(String, String)>,
    annotations: &[Annotation],
    trim: bool,
) -> (Vec<Article>, Vec<Annotation>) {
    let mut by_id: HashMap<&str, Vec<&Annotation>> = HashMap::new();
    for a in annotations {
        by_id.entry(a.article_id.as_str()).or_default().push(a);
    }
    let mut known = std::collections::HashSet::new();
    let mut articles = Vec::with_capacity(texts.len());
    for (id, text) in texts {
        let index = CharIndex::new(&text);
        let mut spans = Vec::new();
        for a in by_id.get(id.as_str()).map(Vec::as_slice).unwrap_or(&[]) {
            if a.start >= index.chars() {
                continue;
            }
            let (mut start, mut end) = (index.byte(a.start), index.byte(a.end.min(index.chars())));
            if trim {
                (start, end) = trim_boundaries(&text, start, end);
            }
            if start < end {
                spans.push(GoldSpan {
                    start,
                    end,
                    technique: a.technique,
                });
            }
        }
        spans.sort_unstable();
        known.insert(id.clone());
        articles.push(Article { id, text, spans });
    }
    let unknown = annotations
        .iter()
        .filter(|a| !known.contains(&a.article_id))
        .cloned()
        .collect();
    (articles, unknown)
}

/// `text[start..end]` without leading and trailing `" \n.,:;"`.
pub fn trim_boundaries(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    let b = text.as_bytes();
    let cut = |c: u8| matches!(c, b' ' | b'\n' | b'.' | b',' | b':' | b';');
    while start < end && cut(b[start]) {
        start += 1;
    }
    while end > start && cut(b[end - 1]) {
        end -= 1;
    }
    (start, end)
}

/// Annotations of `article` in code points, as a label file would hold them.
pub fn annotations_of(article: &Article) -> Vec<Annotation> {
    let index = CharIndex::new(&article.text);
    article
        .spans
        .iter()
        .map(|s| Annotation {
            article_id: article.id.clone(),
            start: index.char(s.start),
            end: index.char(s.end),
            technique: s.technique,
        })
        .collect()
}

/// The hash by which articles are recognised as the same text.
pub fn content_hash(text: &str) -> u64 {
    fnv1a64(text.as_bytes())
}

/// Keeps the first article of each text: `primary` articles first (their labels
/// win), then those of `secondary` whose text is new. Returns the kept articles and
/// the number dropped.
pub fn deduplicate(primary: Vec<Article>, secondary: Vec<Article>) -> (Vec<Article>, usize) {
    let mut seen = std::collections::HashSet::new();
    let mut kept = Vec::new();
    let mut dropped = 0;
    for a in primary.into_iter().chain(secondary) {
        if seen.insert(content_hash(&a.text)) {
            kept.push(a);
        } else {
            dropped += 1;
        }
    }
    (kept, dropped)
}

/// Share of 6-word shingles two articles must have in common (relative to the
/// smaller one) to count as versions of the same text for fold assignment.
pub const NEAR_DUPLICATE_CONTAINMENT: f64 = 0.25;

/// Fold groups (`groups[i]` for `articles[i]`, numbered in order of first
/// appearance): identical texts share a group, and so do near-duplicates, texts
/// sharing at least [`NEAR_DUPLICATE_CONTAINMENT`] of the smaller one's 6-word
/// shingles (the PTC holds several versions of some stories), transitively.
pub fn content_groups(articles: &[Article]) -> Vec<u32> {
    let shingles: Vec<Vec<u64>> = articles.iter().map(|a| shingles(&a.text)).collect();
    let mut parent: Vec<usize> = (0..articles.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for i in 0..articles.len() {
        for j in i + 1..articles.len() {
            let same = articles[i].text == articles[j].text
                || containment(&shingles[i], &shingles[j]) >= NEAR_DUPLICATE_CONTAINMENT;
            if same {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let mut ids: HashMap<usize, u32> = HashMap::new();
    (0..articles.len())
        .map(|i| {
            let r = root(&mut parent, i);
            let next = ids.len() as u32;
            *ids.entry(r).or_insert(next)
        })
        .collect()
}

/// Sorted, distinct hashes of the lower-cased 6-word windows of `text`.
fn shingles(text: &str) -> Vec<u64> {
    let words: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| fnv1a64(w.to_lowercase().as_bytes()))
        .collect();
    let mut out: Vec<u64> = words
        .windows(6)
        .map(|w| {
            w.iter()
                .fold(0u64, |h, &x| crosscheck_learn::hash::combine(h, x))
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// `|a ∩ b| / min(|a|, |b|)` of two sorted sets (0 when either is empty).
fn containment(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared as f64 / a.len().min(b.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_label_formats() {
        let input = "111111111\tAppeal_to_Authority\t265\t323\n\
                     111111111\t149\t157\r\n\
                     \n\
                     7634408719\tStraw_Men\t10\t20\n\
                     7634408719\tObfuscation,Intentional_Vagueness,Confusion\t1\t5\n";
        let a = parse_labels(input).unwrap();
        assert_eq!(a.len(), 3);
        assert_eq!(a[0].technique, Some(Technique::AppealToAuthority));
        assert_eq!((a[1].start, a[1].end, a[1].technique), (149, 157, None));
        assert_eq!(
            a[2].technique,
            Some(Technique::WhataboutismStrawMenRedHerring)
        );
        assert_eq!(a[2].article_id, "7634408719");
    }

    #[test]
    fn refuses_malformed_lines_with_their_number() {
        let e = parse_labels("1\t2\t3\n1\tDoubt\tx\t5\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(parse_labels("1\tNo_Such_Technique\t1\t5").is_err());
        assert!(parse_labels("1\t5\t5").is_err());
        assert!(parse_labels("just one column").is_err());
    }

    #[test]
    fn converts_code_points_to_bytes() {
        // "“" is 3 bytes, "é" 2: the span "Hé" starts at char 1, byte 3.
        let text = "“Hé said”";
        let labels = parse_labels("7\tLoaded_Language\t1\t3\n7\tDoubt\t4\t99\n").unwrap();
        let (articles, unknown) = attach(vec![("7".into(), text.into())], &labels, false);
        assert!(unknown.is_empty());
        let spans = &articles[0].spans;
        assert_eq!(&text[spans[0].start..spans[0].end], "Hé");
        // Cut at the end of the article, as PTC version 2 did.
        assert_eq!(&text[spans[1].start..spans[1].end], "said”");
        assert_eq!(annotations_of(&articles[0])[1].end, 9);
    }

    #[test]
    fn trims_old_style_boundaries_and_reports_unknown_articles() {
        let labels = parse_labels("1\tSlogans\t0\t17\n2\tDoubt\t0\t3\n").unwrap();
        let (articles, unknown) = attach(
            vec![("1".into(), " Build the wall.\nNo".into())],
            &labels,
            true,
        );
        let s = articles[0].spans[0];
        assert_eq!(&articles[0].text[s.start..s.end], "Build the wall");
        assert_eq!(unknown.len(), 1);
    }

    #[test]
    fn duplicates_share_a_group_and_are_dropped_once() {
        let art = |id: &str, text: &str| Article {
            id: id.into(),
            text: text.into(),
            spans: vec![],
        };
        let (kept, dropped) = deduplicate(
            vec![art("1", "same"), art("2", "other")],
            vec![art("19", "same"), art("3", "new")],
        );
        assert_eq!(dropped, 1);
        let ids: Vec<&str> = kept.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["1", "2", "3"]);
        assert_eq!(
            content_groups(&[art("1", "a"), art("2", "b"), art("3", "a")]),
            [0, 1, 0]
        );
        // A second version of a story, with a sentence added, joins the first's group.
        let story = "Rebels shelled the eastern district of the city on Monday, killing \
                     four civilians and wounding a dozen more, local officials said.";
        let longer = format!("{story} The army denied any involvement.");
        assert_eq!(
            content_groups(&[
                art("1", story),
                art(
                    "2",
                    "An unrelated text about the weather in the north of the country today."
                ),
                art("3", &longer),
            ]),
            [0, 1, 0]
        );
    }

    #[test]
    fn formats_labels_back() {
        let a = parse_labels("1\tDoubt\t3\t9\n").unwrap();
        assert_eq!(format_labels(&a), "1\tDoubt\t3\t9\n");
        let b = parse_labels("1\t3\t9\n").unwrap();
        assert_eq!(format_labels(&b), "1\t3\t9\n");
    }
}
