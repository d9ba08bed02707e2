//! Finds the article(s) in a readable text and separates article text from what is
//! not article text, recording every removal with its kind and byte span.
//!
//! ```
//! use crosscheck_clean::{CleanOptions, Cleaner};
//! use crosscheck_schema::RemovalKind;
//!
//! let text = "Ceasefire holds in northern town\n\
//!             By Jane Doe\n\n\
//!             The ceasefire held through the night, residents said on Sunday.\n\n\
//!             Share this:\nFacebook\nTwitter\n\n\
//!             3 Comments\nmark_t\n2 hours ago\nNot for long, I bet.\nReply\n";
//! let cleaner = Cleaner::new();
//! let articles = cleaner.clean(text, &CleanOptions::default());
//! let a = &articles[0];
//! assert_eq!(a.title.as_deref(), Some("Ceasefire holds in northern town"));
//! assert_eq!(a.fields[0].field, "author");
//! assert_eq!(a.fields[0].value, "Jane Doe");
//! assert_eq!(a.paragraphs.len(), 1);
//! let kinds: Vec<RemovalKind> = a.removed.iter().map(|r| r.kind).collect();
//! assert_eq!(
//!     kinds,
//!     [RemovalKind::MetadataLine, RemovalKind::ShareAppeal, RemovalKind::CommentThread]
//! );
//! ```
//!
//! # How
//!
//! Everything is decided per line (a paragraph is a run of kept lines): each line is
//! judged once against cue tables (an Aho-Corasick automaton over short lines and a
//! table of whole-line labels, see `cues.rs`), then `article.rs` labels the lines of
//! each article top to bottom — title, metadata, body, or removed with a
//! [`RemovalKind`]. Blocks (comment threads, related-link lists, author boxes) start
//! only at a heading; a comment thread only after body text. Metadata lines are read
//! only at the top and the bottom of an article. Texts scraped into a single line
//! (CSV records) get their leading date and repeated headline and their trailing outlet
//! furniture cut inside the paragraph (`inline.rs`). Files holding several articles,
//! each opened by a headline plus metadata lines, are split (`compilation.rs`).
//!
//! # What it does not do
//!
//! No HTML (the ingest layer hands over readable text), no sentence splitting, no date
//! parsing of field values (fields hold the value as written; `published` values are
//! parsed by the pipeline), no language detection. Removal is conservative: a line of
//! body text that merely mentions sharing or comments stays.

mod article;
mod bio;
mod comment_plugin;
mod compilation;
mod cues;
mod inline;
mod lines;
mod metadata;
mod phrase_filter;
mod publication_box;
mod repeats;
mod shape;
mod source_line;

pub use crosscheck_schema::RemovalKind;
use crosscheck_schema::{CompilationPart, MetadataField, Removal, Span};

use article::{clean_part, Doc, TitleMode};
use bio::Bio;
use cues::{Cue, CueTable};
use inline::InlineRules;
use metadata::MetaReader;

/// Cleans texts. Build once (the tables and regexes are compiled here) and share:
/// `Cleaner` is `Send + Sync` and holds no state between calls.
pub struct Cleaner {
    cues: CueTable,
    meta: MetaReader,
    inline: InlineRules,
    /// An author bio closing an article: "Jane Doe is a freelance journalist ...".
    bio: Bio,
}

/// What the caller already knows about the text.
#[derive(Clone, Copy, Debug, Default)]
pub struct CleanOptions<'a> {
    /// The record already states a title (CSV/JSONL/HTML): do not take the first line
    /// as the title, but do remove body lines that repeat it.
    pub known_title: Option<&'a str>,
}

/// One article found in a text. Every span is a byte range into the text given to
/// [`Cleaner::clean`], on char boundaries; paragraphs, removals and the title span
/// never overlap.
#[derive(Clone, Debug, PartialEq)]
pub struct CleanedArticle {
    /// The part of the text this article covers.
    pub region: Span,
    pub title: Option<String>,
    /// Where the title was read; `None` when it came from [`CleanOptions::known_title`]
    /// or there is none.
    pub title_span: Option<Span>,
    /// `outlet`, `author`, `published` or `url`: the value as written and its span.
    pub fields: Vec<MetadataField>,
    /// Body paragraphs kept, in order.
    pub paragraphs: Vec<Span>,
    /// Every removal with its kind, in text order.
    pub removed: Vec<Removal>,
    /// Set when the text was split into several articles.
    pub compilation: Option<CompilationPart>,
}

impl CleanedArticle {
    /// The first value read for `field`.
    pub fn field(&self, field: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|f| f.field == field)
            .map(|f| f.value.as_str())
    }
}

impl Default for Cleaner {
    fn default() -> Self {
        Cleaner::new()
    }
}

impl Cleaner {
    pub fn new() -> Cleaner {
        Cleaner {
            cues: CueTable::new(),
            meta: MetaReader::new(),
            inline: InlineRules::new(),
            bio: Bio::new(),
        }
    }

    /// Finds the article(s) in `text`. Returns one article for any input (with no
    /// paragraphs when there is no text), several when `text` is a compilation.
    pub fn clean(&self, text: &str, opts: &CleanOptions<'_>) -> Vec<CleanedArticle> {
        let lines = lines::split_lines(text);
        // Keys are read of lines up to 90 bytes: one allocation for all of them.
        let mut key = String::with_capacity(128);
        let cues: Vec<Cue> = lines
            .iter()
            .map(|l| {
                if l.is_blank() {
                    Cue::Plain
                } else {
                    self.cues.classify(l.content(text), &mut key)
                }
            })
            .collect();
        let doc = Doc {
            text,
            lines: &lines,
            cues: &cues,
        };
        let whole = Span::new(0, text.len());
        let known = opts.known_title.map(str::trim).filter(|t| !t.is_empty());

        if let Some(split) = compilation::split(self, &doc) {
            let count = split.starts.len();
            let mut out = Vec::with_capacity(count);
            for (k, &start) in split.starts.iter().enumerate() {
                let end = split.starts.get(k + 1).copied().unwrap_or(lines.len());
                let region_start = if k == 0 { 0 } else { lines[start].start };
                let region_end = split
                    .starts
                    .get(k + 1)
                    .map(|&n| lines[n].start)
                    .unwrap_or(text.len());
                let mode = match split.headers[k] {
                    Some(h) => TitleMode::At(h),
                    None => TitleMode::FirstLine,
                };
                let mut a = clean_part(
                    self,
                    &doc,
                    start..end,
                    Span::new(region_start, region_end),
                    mode,
                );
                a.compilation = Some(CompilationPart { index: k, count });
                out.push(a);
            }
            return out;
        }

        let mode = match known {
            Some(t) => TitleMode::Known(t),
            None => TitleMode::FirstLine,
        };
        vec![clean_part(self, &doc, 0..lines.len(), whole, mode)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn cleaner_is_shareable() {
        assert_send_sync::<Cleaner>();
    }

    #[test]
    fn empty_and_blank_texts_give_one_empty_article() {
        let c = Cleaner::new();
        for t in ["", "\n\n  \r\n"] {
            let a = c.clean(t, &CleanOptions::default());
            assert_eq!(a.len(), 1);
            assert!(a[0].paragraphs.is_empty());
            assert_eq!(a[0].region, Span::new(0, t.len()));
        }
    }
}
