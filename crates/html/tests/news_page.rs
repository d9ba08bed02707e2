//! A realistic news page (fictional article, written for these tests): nav,
//! trending bar, share buttons, ad slot, comments, related links, newsletter
//! form, footer, JSON-LD, Open Graph tags, entities and curly quotes.

mod common;

use common::{check_offsets, paragraphs};
use crosscheck_html::{Extractor, HtmlReader, Strategy};

const PAGE: &str = include_str!("pages/orontes-observer-shelling.html");

#[test]
fn metadata_comes_from_json_ld_meta_and_link_tags() {
    let f = HtmlReader::new().read(PAGE).fields;
    assert_eq!(
        f.title.as_deref(),
        Some("Shelling kills four in Kafr Saraya market")
    );
    assert_eq!(f.author.as_deref(), Some("Lina Haddad, Karim Mansour"));
    assert_eq!(f.date.as_deref(), Some("2026-03-14T09:30:00+03:00"));
    assert_eq!(f.outlet.as_deref(), Some("The Orontes Observer"));
    assert_eq!(
        f.url.as_deref(),
        Some("https://orontes-observer.example/news/2026/03/14/kafr-saraya-market-shelling")
    );
    assert_eq!(f.language.as_deref(), Some("en"));
    assert_eq!(
        f.extra.get("description").map(String::as_str),
        Some("Four civilians were killed when shells struck the town\u{2019}s market.")
    );
    assert_eq!(f.extra.get("section").map(String::as_str), Some("Syria"));
    assert_eq!(
        f.extra.get("modified").map(String::as_str),
        Some("2026-03-14T13:05:00+03:00")
    );
}

#[test]
fn the_view_is_the_article_and_only_the_article() {
    let page = HtmlReader::new().read(PAGE);
    assert_eq!(page.extraction.extractor, Extractor::Readability);
    assert_eq!(
        page.extraction.dropped, 0,
        "every readability paragraph was found in the page"
    );
    let paras: Vec<&str> = page.view.split("\n\n").collect();
    assert_eq!(paras[0], "Shelling kills four in Kafr Saraya market");
    assert!(paras[1].starts_with("KAFR SARAYA, Syria \u{2014} Four civilians were killed"));
    assert!(
        paras.contains(&"Second attack this month"),
        "subheading is its own paragraph"
    );
    assert!(
        paras.contains(&"Fatima Darwish, 34, a teacher"),
        "list items are their own paragraphs"
    );
    assert!(page.view.contains("the town\u{2019}s local council said."));
    assert!(
        page.view.contains("shortly after 9 a.m., when"),
        "&nbsp; becomes a space"
    );
    assert!(page.view.contains(
        "\u{201c}We heard the first shell and people started running towards the mosque,\u{201d} said Abu Khaled"
    ));
    assert!(page
        .view
        .contains("Everyone here knows it,\u{201d} the head of the council"));
    assert!(page.view.contains("will be updated if it responds."));
    for furniture in [
        "Home",
        "Trending",
        "Share on Facebook",
        "Copy link",
        "Advertisement",
        "loadAd",
        "not on the page",
        "propaganda",
        "Samir from Hama",
        "Leave a comment",
        "Related stories",
        "Subscribe",
        "All rights reserved",
        "Template title",
        "enable JavaScript",
        "Skip to content",
    ] {
        assert!(
            !page.view.contains(furniture),
            "{furniture:?} leaked into the view:\n{}",
            page.view
        );
    }
}

#[test]
fn every_paragraph_maps_back_to_its_own_source() {
    let page = HtmlReader::new().read(PAGE);
    assert!(check_offsets(PAGE, &page) >= 14);
}

#[test]
fn a_phrase_maps_to_the_same_phrase_in_the_page() {
    let page = HtmlReader::new().read(PAGE);
    let phrase = "Four civilians were killed and at least eleven wounded";
    let at = page.view.find(phrase).expect("lead sentence in view");
    let (s, e) = (
        page.map.to_source(at),
        page.map.end_to_source(at + phrase.len()),
    );
    assert_eq!(&PAGE[s..e], phrase);
    // An entity maps to its whole source form.
    let q = page.view.find("town\u{2019}s local").expect("apostrophe") + "town".len();
    assert_eq!(
        &PAGE[page.map.to_source(q)..page.map.end_to_source(q + 3)],
        "&#8217;"
    );
    // The headline maps to the <h1>, not to the trending-bar link.
    let h1 = PAGE.find("<h1").expect("h1");
    assert!(page.map.to_source(0) > h1);
}

#[test]
fn block_strategy_finds_the_same_article() {
    let page = HtmlReader::new().with_strategy(Strategy::Blocks).read(PAGE);
    assert_eq!(page.extraction.extractor, Extractor::Blocks);
    assert!(page
        .view
        .starts_with("Shelling kills four in Kafr Saraya market\n\nKAFR SARAYA, Syria"));
    assert!(page.view.contains("Abdullah Qasim, 27, a baker"));
    assert!(!page.view.contains("propaganda"));
    assert!(!page.view.contains("Share on"));
    check_offsets(PAGE, &page);
}

#[test]
fn all_text_strategy_keeps_the_furniture_but_not_scripts() {
    let page = HtmlReader::new()
        .with_strategy(Strategy::AllText)
        .read(PAGE);
    assert!(page.view.contains("Share on Facebook"));
    assert!(page.view.contains("propaganda"));
    assert!(!page.view.contains("dataLayer"));
    assert!(!page.view.contains("Template title"));
    check_offsets(PAGE, &page);
    assert!(paragraphs(&page.view).len() > 40);
}
