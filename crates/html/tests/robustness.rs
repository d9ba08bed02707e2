//! Broken input never panics and never yields offsets that break the invariant:
//! truncated pages, unclosed and misnested tags, garbage bytes.

mod common;

use common::{check_map_structure, check_offsets};
use crosscheck_html::{looks_like_html, Extractor, HtmlReader, Strategy};

const PAGE: &str = include_str!("pages/orontes-observer-shelling.html");

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn every_truncation_of_a_real_page_reads_cleanly() {
    let reader = HtmlReader::new();
    let blocks = HtmlReader::new().with_strategy(Strategy::Blocks);
    let mut cut = 0;
    while cut <= PAGE.len() {
        if PAGE.is_char_boundary(cut) {
            let html = &PAGE[..cut];
            check_offsets(html, &reader.read(html));
            check_offsets(html, &blocks.read(html));
        }
        cut += 97;
    }
}

#[test]
fn the_page_cut_inside_the_article_keeps_what_is_there() {
    let cut = PAGE.find("Second attack this month").expect("subheading");
    let page = HtmlReader::new().read(&PAGE[..cut]);
    assert!(page.view.contains("Four civilians were killed"));
    assert!(!page.view.contains("Second attack"));
    check_offsets(&PAGE[..cut], &page);
}

#[rustfmt::skip]
const PIECES: &[&str] = &[
    "<p>",
    "</p>",
    "<div class=\"comments\">",
    "</div>",
    "<li>",
    "<ul>",
    "</ul>",
    "<table><tr><td>",
    "</td>",
    "<a href=\"/x\">",
    "</a>",
    "<b>",
    "</i>",
    "<br>",
    "<br/>",
    "<script>",
    "</script>",
    "<style>",
    "<!--",
    "-->",
    "<!DOCTYPE html>",
    "<![CDATA[",
    "]]>",
    "&amp;",
    "&#8217;",
    "&#x",
    "&nbsp",
    "&",
    "&#;",
    "&#99999999;",
    "<",
    ">",
    "\"",
    "'",
    "=",
    "<h1>",
    "</h1>",
    "<title>",
    "<meta property=\"og:title\" content=\"",
    "<script type=\"application/ld+json\">{",
    "\u{a0}",
    "\u{2019}",
    "\u{feff}",
    "\u{ad}",
    "\u{0}",
    "\u{7f}",
    "é",
    "\u{1f600}",
    "حلب ",
    "日本",
    " ",
    "\n",
    "\t",
    "Shelling hit the town. ",
    "Four civilians were killed, officials said. ",
    "<template>",
    "</template>",
    "<textarea>",
    "<plaintext>",
    "</",
    "<?php",
    "<x-y z>",
    "</x-y>",
    "<noscript>",
    "<html lang=\"ar\">",
    "<body>",
];

/// Markup whose effect depends on the element tree (foreign content, hidden
/// elements closed by implied end tags): checked for structure only, since the
/// tests' own tag stripper does not build a tree.
const TREE_PIECES: &[&str] = &[
    "<svg>",
    "</svg>",
    "<p hidden>",
    "<span style=\"display:none\">",
    "<math>",
];

#[test]
fn random_markup_soup_never_panics() {
    let reader = HtmlReader::new();
    let blocks = HtmlReader::new().with_strategy(Strategy::Blocks);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..3000 {
        let n = 1 + rng.below(120);
        let mut html = String::new();
        for _ in 0..n {
            html.push_str(PIECES[rng.below(PIECES.len())]);
        }
        let page = reader.read(&html);
        check_offsets(&html, &page);
        check_offsets(&html, &blocks.read(&html));
        let _ = looks_like_html(&html);
    }
}

#[test]
fn random_soup_with_hidden_and_foreign_markup_keeps_a_sound_map() {
    let reader = HtmlReader::new();
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for _ in 0..2000 {
        let n = 1 + rng.below(120);
        let mut html = String::new();
        for _ in 0..n {
            if rng.below(6) == 0 {
                html.push_str(TREE_PIECES[rng.below(TREE_PIECES.len())]);
            } else {
                html.push_str(PIECES[rng.below(PIECES.len())]);
            }
        }
        check_map_structure(&html, &reader.read(&html));
    }
}

#[test]
fn binary_junk_never_panics() {
    let reader = HtmlReader::new();
    let mut rng = Rng(42);
    for _ in 0..1000 {
        let bytes: Vec<u8> = (0..rng.below(4000)).map(|_| rng.next() as u8).collect();
        let text = String::from_utf8_lossy(&bytes);
        let page = reader.read(&text);
        check_offsets(&text, &page);
        assert!(!looks_like_html(&text) || text.trim_start().starts_with('<'));
    }
}

#[test]
fn the_reader_is_shared_across_threads() {
    fn shareable<T: Send + Sync>(_: &T) {}
    let reader = HtmlReader::new();
    shareable(&reader);
    let views: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..2).map(|_| s.spawn(|| reader.read(PAGE).view)).collect();
        handles.into_iter().filter_map(|h| h.join().ok()).collect()
    });
    assert_eq!(views.len(), 2);
    assert_eq!(
        views[0], views[1],
        "same page, same view, whatever the thread"
    );
}

#[test]
fn empty_and_textless_pages_give_an_empty_view() {
    let reader = HtmlReader::new();
    for html in [
        "",
        "<html></html>",
        "<script>var a = 1;</script>",
        "<!-- only a comment",
        "<<<<",
    ] {
        let page = reader.read(html);
        assert!(
            page.view.trim().is_empty() || html == "<<<<",
            "{html:?} gave {:?}",
            page.view
        );
        check_offsets(html, &page);
    }
}

#[test]
fn deep_nesting_stays_fast_and_correct() {
    let mut html = String::new();
    for _ in 0..5000 {
        html.push_str("<div><span><b>");
    }
    html.push_str("<p>Deep inside the page, the council said two shells landed near the school on Monday.</p>");
    let page = HtmlReader::new().read(&html);
    assert!(page.view.contains("the council said two shells landed"));
    // The readability extractor is slow on such pages; the block one reads them.
    assert_eq!(page.extraction.extractor, Extractor::Blocks);
    check_offsets(&html, &page);
}

#[test]
fn one_huge_text_block_goes_to_the_block_extractor() {
    let html = format!(
        "<body>{}</body>",
        "Shells fell on the market &amp; the school. ".repeat(3000)
    );
    let page = HtmlReader::new().read(&html);
    assert_eq!(page.extraction.extractor, Extractor::Blocks);
    assert!(page
        .view
        .starts_with("Shells fell on the market & the school."));
    check_offsets(&html, &page);
}

#[test]
fn unclosed_paragraphs_and_list_items_split_like_a_browser() {
    let html = "<body><p>First paragraph of the report, with enough words to count as text.\
                <p>Second paragraph of the report, also with enough words to be kept.\
                <ul><li>One item<li>Another item</ul></body>";
    let page = HtmlReader::new()
        .with_strategy(Strategy::AllText)
        .read(html);
    assert_eq!(
        page.view,
        "First paragraph of the report, with enough words to count as text.\n\n\
         Second paragraph of the report, also with enough words to be kept.\n\nOne item\n\nAnother item"
    );
    check_offsets(html, &page);
}
