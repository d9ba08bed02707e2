//! The offset invariant on real pages. The pages are not in the repository:
//! point `CROSSCHECK_HTML_PAGES` at a folder of `.html` files (or at a folder
//! with an `html/` subfolder, such as newspaper4k's `tests/data`, see
//! `docs/html-extraction.md`). Without it the test says it skipped.

mod common;

use std::path::PathBuf;

use common::check_offsets;
use crosscheck_html::{Extractor, HtmlReader, Strategy};

#[test]
fn offsets_hold_on_real_pages() {
    let Some(dir) = std::env::var_os("CROSSCHECK_HTML_PAGES").map(PathBuf::from) else {
        println!("skipped: set CROSSCHECK_HTML_PAGES to a folder of real pages");
        return;
    };
    let dir = if dir.join("html").is_dir() {
        dir.join("html")
    } else {
        dir
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "html" || e == "htm"));
    paths.sort();
    assert!(!paths.is_empty(), "no .html files in {}", dir.display());
    let auto = HtmlReader::new();
    let blocks = HtmlReader::new().with_strategy(Strategy::Blocks);
    let (mut aligned, mut dropped, mut paragraphs, mut fallback) = (0, 0, 0, 0);
    for path in &paths {
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        let html = String::from_utf8_lossy(&bytes);
        let page = auto.read(&html);
        paragraphs += check_offsets(&html, &page);
        aligned += page.extraction.aligned;
        dropped += page.extraction.dropped;
        if page.extraction.extractor != Extractor::Readability {
            fallback += 1;
            println!("block fallback: {}", path.display());
        }
        check_offsets(&html, &blocks.read(&html));
    }
    println!(
        "{} pages, {paragraphs} paragraphs checked; readability paragraphs aligned {aligned}, dropped {dropped}; block fallback on {fallback} pages",
        paths.len()
    );
    // Dropping is the safe answer to text the extractor invented or rewrote
    // beyond recognition; it must stay rare.
    assert!(
        dropped * 50 <= aligned + dropped,
        "{dropped} of {} paragraphs dropped",
        aligned + dropped
    );
}
