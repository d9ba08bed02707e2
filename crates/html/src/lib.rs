//! Main-content extraction from news HTML pages, with metadata, and byte offsets
//! from the extracted text back into the page.
//!
//! [`HtmlReader::read`] turns a page into an [`HtmlPage`]: the readable main text
//! (`view`: paragraphs separated by blank lines), an [`OffsetMap`] from `view`
//! offsets to offsets in the HTML given, and the metadata the page states
//! ([`RecordFields`]: title, author, date as written, outlet, canonical URL,
//! language, plus description/keywords/section/modified in `extra`).
//!
//! ```
//! use crosscheck_html::HtmlReader;
//!
//! let html = r#"<html lang="en"><head><title>Shelling hits Ariha</title>
//!   <meta property="og:site_name" content="The Levant Courier"></head>
//!   <body><nav><a href="/">Home</a></nav>
//!   <article><h1>Shelling hits Ariha</h1>
//!   <p>Two civilians were killed when shells struck the market on Tuesday, the town&#8217;s council said.</p>
//!   </article></body></html>"#;
//! let page = HtmlReader::new().read(html);
//! assert!(page.view.starts_with("Shelling hits Ariha\n\nTwo civilians were killed"));
//! assert_eq!(page.fields.outlet.as_deref(), Some("The Levant Courier"));
//! // Every view offset maps back into the page.
//! let q = page.view.find('\u{2019}').unwrap();
//! assert_eq!(&html[page.map.to_source(q)..page.map.end_to_source(q + 3)], "&#8217;");
//! ```
//!
//! # How
//!
//! One byte scan turns the page into a visible-text stream (tags, comments,
//! scripts, styles skipped; entities decoded; whitespace collapsed) with a source
//! offset for every run, split into blocks, and collects the metadata on the way.
//! The main content is chosen by a readability extractor ([`dom_smoothie`]), whose
//! paragraphs are then *found* in the stream (extractors return text, not
//! positions); the view is built from the stream's own text, so the view and the
//! map agree by construction. When the extractor fails, its text cannot be
//! found, or the page is of a shape it is slow on (very deep nesting, one huge
//! text node), a block-based extractor over the same stream picks the content
//! ([`Extraction`] says which one did). [`Strategy`] can force either, or ask for
//! all visible text. `docs/html-extraction.md` has the measurements behind this.
//!
//! # What it does not do
//!
//! No I/O, no character-set detection (the caller decodes the bytes), no
//! JavaScript, no CSS beyond `display:none`, and no date or name normalisation:
//! fields are as the page writes them. Comments sections are dropped, not
//! returned.

mod align;
mod blocks;
mod entity;
mod entity_table;
mod metadata;
mod sniff;
mod stream;
mod tag;
mod view;

use std::panic::{catch_unwind, AssertUnwindSafe};

pub use crosscheck_schema::{OffsetMap, RecordFields};
pub use sniff::looks_like_html;

use align::{align, KeyIndex};
use metadata::Collector;
use stream::{flag, Stream};
use tag::Tag;

/// A page read by [`HtmlReader::read`].
#[derive(Clone, Debug, PartialEq)]
pub struct HtmlPage {
    /// The readable main-content text: paragraphs separated by `"\n\n"`
    /// (headings and list items are their own paragraphs).
    pub view: String,
    /// `view` offsets → offsets into the HTML text given.
    pub map: OffsetMap,
    /// The metadata the page states.
    pub fields: RecordFields,
    /// How the main content was chosen.
    pub extraction: Extraction,
}

/// Which extractor produced the view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Extractor {
    /// The readability extractor, aligned back to the page.
    Readability,
    /// The block-based fallback over the page's own text.
    Blocks,
    /// Nothing readable was found.
    #[default]
    None,
}

/// A short account of an extraction, for tests and diagnostics.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Extraction {
    pub extractor: Extractor,
    /// Paragraphs of the readability output found in the page.
    pub aligned: usize,
    /// Paragraphs of the readability output that could not be found, and were
    /// left out rather than given invented offsets.
    pub dropped: usize,
    /// Whether the first paragraph is the page's headline, put there because
    /// the extractor had left it out.
    pub headline: bool,
}

/// How [`HtmlReader`] chooses the main content.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Strategy {
    /// The readability extractor, with the block-based fallback (the default).
    #[default]
    Auto,
    /// Only the block-based extractor (faster, a little less precise).
    Blocks,
    /// Every visible block of the page, boilerplate included.
    AllText,
}

/// Reads HTML pages. Build once and share: it holds only configuration.
#[derive(Clone, Debug)]
pub struct HtmlReader {
    readability: dom_smoothie::Config,
    strategy: Strategy,
}

impl Default for HtmlReader {
    fn default() -> Self {
        HtmlReader::new()
    }
}

/// The readability output counts as usable when this share of its text (letters
/// and digits) was found in the page.
const MIN_ALIGNED_SHARE: f32 = 0.5;

/// Pages nested deeper than this skip the readability extractor, whose time
/// grows with the square of the depth (300 levels: 30 ms; 1,000: 0.2 s;
/// 10,000: 20 s). The 53 real pages measured nest 50 deep at most.
const MAX_READABILITY_DEPTH: usize = 256;

/// Pages with a text block longer than this skip the readability extractor
/// too: its time grows with the square of a text node's length (650 KB of
/// entity-laden text: 0.2 s; 2.6 MB: 1.8 s). No article paragraph is that long.
const MAX_READABILITY_BLOCK: usize = 64 * 1024;

impl HtmlReader {
    pub fn new() -> HtmlReader {
        let readability = dom_smoothie::Config {
            // Metadata comes from our own scan; the extractor need not parse JSON-LD.
            disable_json_ld: true,
            ..dom_smoothie::Config::default()
        };
        HtmlReader {
            readability,
            strategy: Strategy::Auto,
        }
    }

    /// The same reader with another content strategy.
    pub fn with_strategy(mut self, strategy: Strategy) -> HtmlReader {
        self.strategy = strategy;
        self
    }

    /// Reads one page. Never panics; a page with no readable content gives an
    /// empty view (the metadata is still filled).
    pub fn read(&self, html: &str) -> HtmlPage {
        let mut collector = Collector::default();
        let (stream, lean) = Stream::build_lean(html, Some(&mut collector));
        let fields = collector.resolve();

        let mut extraction = Extraction::default();
        let mut ranges = Vec::new();
        if self.strategy == Strategy::AllText {
            ranges = stream
                .blocks
                .iter()
                .filter(|b| b.flags & flag::HIDDEN == 0)
                .map(|b| (b.start, b.end))
                .collect();
            extraction.extractor = Extractor::Blocks;
        } else if self.strategy == Strategy::Blocks
            || stream.max_depth > MAX_READABILITY_DEPTH
            || stream
                .blocks
                .iter()
                .any(|b| b.len() > MAX_READABILITY_BLOCK)
        {
            // The block extractor below.
        } else if let Some(paragraphs) = self.readability_paragraphs(&lean) {
            let index = KeyIndex::new(&stream.text);
            let a = align(&stream, &index, &paragraphs);
            extraction.aligned = a.aligned;
            extraction.dropped = a.dropped;
            if a.aligned > 0 && a.aligned_key as f32 >= MIN_ALIGNED_SHARE * a.total_key as f32 {
                ranges = a.ranges;
                extraction.extractor = Extractor::Readability;
            }
        }
        if ranges.is_empty() && self.strategy != Strategy::AllText {
            ranges = blocks::extract(&stream);
            if !ranges.is_empty() {
                extraction.extractor = Extractor::Blocks;
            }
        }
        let mut ranges = split_at_blocks(&stream.text, &ranges);
        extraction.headline = prepend_headline(&stream, &mut ranges, fields.title.as_deref());
        let (view, map) = view::build(&stream, &ranges, html.len());
        HtmlPage {
            view,
            map,
            fields,
            extraction,
        }
    }

    /// The extractor's paragraphs, or `None` when it found nothing (or failed:
    /// a panic inside it is caught, since a page must never stop a batch).
    fn readability_paragraphs(&self, html: &str) -> Option<Vec<String>> {
        let content = catch_unwind(AssertUnwindSafe(|| {
            let mut r =
                dom_smoothie::Readability::new(html, None, Some(self.readability.clone())).ok()?;
            r.parse().ok().map(|article| article.content.to_string())
        }))
        .ok()
        .flatten()?;
        let inner = Stream::build(&content, None);
        let paragraphs: Vec<String> = inner
            .blocks
            .iter()
            .map(|b| inner.text[b.start..b.end].to_string())
            .collect();
        (!paragraphs.is_empty()).then_some(paragraphs)
    }
}

/// Splits ranges at the stream's block breaks: every block of the page that
/// a range covers becomes its own paragraph.
fn split_at_blocks(text: &str, ranges: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(ranges.len());
    for &(a, b) in ranges {
        let mut start = a;
        for (i, _) in text[a..b].match_indices('\n') {
            if a + i > start {
                out.push((start, a + i));
            }
            start = a + i + 1;
        }
        if b > start {
            out.push((start, b));
        }
    }
    out
}

/// Puts the article's headline first when the extractor left it out: the last
/// `<h1>`/`<h2>` before the content whose text matches the page title (or the
/// last `<h1>` when the page states no title).
fn prepend_headline(
    stream: &Stream,
    ranges: &mut Vec<(usize, usize)>,
    title: Option<&str>,
) -> bool {
    let first = ranges.first().map_or(stream.text.len(), |r| r.0);
    let title_key: Option<String> =
        title.map(|t| t.chars().filter(|c| c.is_alphanumeric()).collect());
    let matches = |text: &str| -> bool {
        let key: String = text.chars().filter(|c| c.is_alphanumeric()).collect();
        match &title_key {
            Some(t) => {
                !key.is_empty()
                    && (t.contains(&key) || key.contains(t.as_str()))
                    && key.len() * 2 >= t.len()
            }
            None => key.len() >= 10,
        }
    };
    let headline = stream
        .blocks
        .iter()
        .rev()
        .filter(|b| b.end <= first)
        .find(|b| {
            let wanted = if title_key.is_some() {
                matches!(b.tag, Tag::Heading(1 | 2))
            } else {
                b.tag == Tag::Heading(1)
            };
            wanted && b.flags & flag::HIDDEN == 0 && matches(&stream.text[b.start..b.end])
        });
    match headline {
        Some(h) => {
            ranges.insert(0, (h.start, h.end));
            true
        }
        None => false,
    }
}
