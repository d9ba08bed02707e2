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
use crosscheck_schema::Span;
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
        let mut anchors: Vec<(usize, usize)> = Vec::new();
        let boundaries = page
            .view
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(page.view.len()));
        for v in boundaries {
            let mut s = page.map.to_source(v);
            if let Some(&(lv, ls)) = anchors.last() {
                // Keep the map monotonic even if the reader's is not.
                s = s.max(ls);
                if s - ls == v - lv {
                    continue;
                }
            }
            anchors.push((v, s));
        }
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
