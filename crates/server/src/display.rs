//! What the UI shows for an article's source: the text itself, or for an HTML
//! page its visible text with a map back to the HTML.
//!
//! Offsets of an HTML article point into the page's markup. Showing the markup
//! escaped would be exact but unreadable, so the UI shows every visible block of
//! the page (tags stripped, character references decoded, boilerplate kept) as
//! `crosscheck-html` reads it, and translates each source span into that text
//! with [`Display::anchors`]. A span covering markup covers the visible text
//! between its ends; a span inside invisible markup (a `<title>` in `<head>`)
//! becomes empty there, which is why the UI also offers the source itself.

use crosscheck_html::{HtmlReader, Strategy};
use crosscheck_schema::{OffsetMap, Span};
use serde::Serialize;

/// A text to show and how source offsets land in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Display {
    /// The visible text.
    pub text: String,
    /// `[display, source]` byte offsets, both increasing: from each anchor both
    /// texts advance byte for byte until the next anchor. Characters rewritten
    /// (`&amp;` → `&`) or skipped (tags) start a new anchor.
    pub anchors: Vec<(usize, usize)>,
}

impl Display {
    /// The visible text of an HTML page.
    pub fn html(html: &str) -> Display {
        let page = HtmlReader::new()
            .with_strategy(Strategy::AllText)
            .read(html);
        let anchors = display_anchors(&page.view, &page.map);
        Display {
            text: page.view,
            anchors,
        }
    }

    /// The display position of a span's start at source offset `source`.
    pub fn start(&self, source: usize) -> usize {
        let i = self.anchors.partition_point(|a| a.1 <= source);
        let v = match i.checked_sub(1).and_then(|i| self.anchors.get(i)) {
            Some(&(v, s)) => v + (source - s),
            None => 0,
        };
        floor_char(&self.text, self.clamp(i, v))
    }

    /// The display position of a span's exclusive end at source offset `source`.
    pub fn end(&self, source: usize) -> usize {
        let i = self.anchors.partition_point(|a| a.1 < source);
        let v = match i.checked_sub(1).and_then(|i| self.anchors.get(i)) {
            Some(&(v, s)) => v + (source - s),
            None => 0,
        };
        ceil_char(&self.text, self.clamp(i, v))
    }

    /// A source span in display coordinates (empty when it covers no visible text).
    pub fn span(&self, span: Span) -> Span {
        let start = self.start(span.start);
        Span::new(start, self.end(span.end).max(start))
    }

    /// The visible text of a source span.
    pub fn slice(&self, span: Span) -> &str {
        self.span(span).slice(&self.text)
    }

    /// A run never reaches past the next anchor's display position.
    fn clamp(&self, next: usize, v: usize) -> usize {
        let cap = self.anchors.get(next).map_or(self.text.len(), |a| a.0);
        v.min(cap).min(self.text.len())
    }
}

/// The anchors of `view` (a derived text) from its map back to the source: the
/// source offset of each character boundary `v` is `map.to_source(v)`, kept
/// monotonic, and an anchor is kept where that stops advancing with `v`.
///
/// Only the boundaries that can start an anchor are mapped: inside one of the
/// map's own runs both offsets advance together, so when the run's last boundary
/// is still on the line through its first, the boundaries between are skipped.
/// Boundaries where the map is capped (a derived text longer than its source) or
/// held back by monotonicity each start an anchor and are mapped one by one.
fn display_anchors(view: &str, map: &OffsetMap) -> Vec<(usize, usize)> {
    let runs = map.anchors();
    let mut anchors: Vec<(usize, usize)> = Vec::new();
    let mut v = 0;
    loop {
        let mapped = map.to_source(v);
        let mut s = mapped;
        match anchors.last() {
            Some(&(lv, ls)) => {
                // Keep the map monotonic even if the reader's is not.
                s = s.max(ls);
                if s - ls != v - lv {
                    anchors.push((v, s));
                }
            }
            None => anchors.push((v, s)),
        }
        if v >= view.len() {
            return anchors;
        }
        let mut from = v;
        // The run holding `v` is `runs[i - 1]`; it ends where `runs[i]` starts.
        let i = runs.partition_point(|a| a.0 <= v);
        if s == mapped && i > 0 {
            let run_last = runs.get(i).map_or(view.len(), |a| a.0 - 1);
            let last = floor_char(view, run_last.min(view.len()));
            // The offsets advance together from `v` to `last`, hence at every
            // boundary between: all of them continue the last anchor.
            if last > v && map.to_source(last) == mapped + (last - v) {
                if last >= view.len() {
                    return anchors;
                }
                from = last;
            }
        }
        v = next_char(view, from);
    }
}

/// The character boundary after `i` (a boundary before the text's end).
fn next_char(text: &str, i: usize) -> usize {
    ceil_char(text, i + 1)
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
    fn markup_between_words_is_skipped_and_entities_are_decoded() {
        let html = "<html><body><p>Shells hit <b>Douma</b> &amp; Harasta.</p>\
                    <p>\u{201c}Nine dead,\u{201d} medics said.</p></body></html>";
        let d = Display::html(html);
        assert!(
            d.text.contains("Shells hit Douma & Harasta."),
            "{:?}",
            d.text
        );
        let douma = html.find("Douma").unwrap();
        assert_eq!(d.slice(Span::new(douma, douma + 5)), "Douma");
        // A span over markup covers the visible text between its ends.
        let from = html.find("hit").unwrap();
        let to = html.find(" Harasta").unwrap();
        assert_eq!(d.slice(Span::new(from, to)), "hit Douma &");
        let quote = html.find('\u{201c}').unwrap();
        let said = html.find("said.").unwrap() + 5;
        assert_eq!(
            d.slice(Span::new(quote, said)),
            "\u{201c}Nine dead,\u{201d} medics said."
        );
    }

    /// The anchors as they were first computed: every character boundary mapped.
    fn anchors_char_by_char(view: &str, map: &OffsetMap) -> Vec<(usize, usize)> {
        let mut anchors: Vec<(usize, usize)> = Vec::new();
        let boundaries = view
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(view.len()));
        for v in boundaries {
            let mut s = map.to_source(v);
            if let Some(&(lv, ls)) = anchors.last() {
                s = s.max(ls);
                if s - ls == v - lv {
                    continue;
                }
            }
            anchors.push((v, s));
        }
        anchors
    }

    #[test]
    fn anchors_are_those_of_mapping_every_character() {
        let mut pages = vec![
            std::fs::read_to_string(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../examples/corpus/b1-homeland-gazette-mayadin.html"
            ))
            .unwrap(),
            "<p>a&amp;b &#8217; &nbsp;\u{e9}t\u{e9}</p><br><div>x<span>y</span></div>".into(),
            String::new(),
            "no markup at all".into(),
        ];
        for dir in ["../html/tests", "../../examples"] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            for entry in walk(&dir) {
                if entry.extension().is_some_and(|e| e == "html" || e == "htm") {
                    pages.push(std::fs::read_to_string(&entry).unwrap_or_default());
                }
            }
        }
        for html in &pages {
            let page = HtmlReader::new()
                .with_strategy(Strategy::AllText)
                .read(html);
            assert_eq!(
                display_anchors(&page.view, &page.map),
                anchors_char_by_char(&page.view, &page.map)
            );
        }
    }

    fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                out.extend(walk(&path));
            } else {
                out.push(path);
            }
        }
        out
    }

    #[test]
    fn anchors_of_odd_maps_are_those_of_mapping_every_character() {
        // Maps a reader should not produce — derived runs longer than their
        // source, sources going backwards, anchors inside a character, offsets
        // past the source's end, no anchor at 0 — still give the same anchors.
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = |n: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n as u64) as usize
        };
        let chars = ['a', ' ', '\n', '\u{e9}', '\u{2019}', '\u{1f600}'];
        for _ in 0..3000 {
            let view: String = (0..next(40)).map(|_| chars[next(chars.len())]).collect();
            let source_len = next(80);
            let mut map = OffsetMap::new(source_len);
            let mut d = next(3);
            for _ in 0..next(8) {
                map.push(d, next(source_len + 10));
                d += 1 + next(8);
            }
            assert_eq!(
                display_anchors(&view, &map),
                anchors_char_by_char(&view, &map),
                "{view:?} {map:?}"
            );
            let identity = OffsetMap::identity(view.len());
            assert_eq!(
                display_anchors(&view, &identity),
                anchors_char_by_char(&view, &identity)
            );
        }
    }

    #[test]
    fn spans_outside_the_visible_text_are_empty_not_a_panic() {
        let html =
            "<html><head><title>Tal Rifaat</title></head><body><p>Clashes.</p></body></html>";
        let d = Display::html(html);
        let title = html.find("Tal Rifaat").unwrap();
        assert_eq!(d.slice(Span::new(title, title + 10)), "");
        assert_eq!(d.slice(Span::new(10_000, 20_000)), "");
        assert_eq!(d.slice(Span::new(5, 2)), "");
    }
}
