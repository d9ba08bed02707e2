//! Files holding several articles are split; a single article is not.

mod common;

use crosscheck_clean::{CleanOptions, Cleaner};
use crosscheck_schema::CompilationPart;

const DIGEST: &str = "\
Weekly press digest: the northern front

Dam talks collapse as both sides trade blame
Source: River Gazette
By Amira Tal
Monday, April 3, 2017

Talks on sharing the water of the northern dam broke down on Sunday, the mediators said, \
after the two delegations walked out within an hour of each other.

Each side accused the other of cutting supply to farms downstream during the spring sowing.

----------

Opposition says shelling hit a bakery
Source: Free North Radio
by Yusuf Kaya
April 4 2017

Shelling hit a bakery in the market town early on Tuesday, killing three workers, the \
opposition radio station said, citing rescue workers at the scene.

The army did not comment on the report.


Ministry denies strike on civilian targets
Source: State News Agency
04/05/2017

The defence ministry denied on Wednesday that its forces had fired on civilian areas, saying \
the reports were fabricated by armed groups to draw attention away from their losses.

Share this:
Facebook Twitter
";

#[test]
fn a_digest_of_three_articles_is_split_into_three() {
    let cleaner = Cleaner::new();
    let parts = cleaner.clean(DIGEST, &CleanOptions::default());
    common::assert_valid("digest", DIGEST, &parts);
    assert_eq!(parts.len(), 3);
    let titles: Vec<&str> = parts.iter().filter_map(|p| p.title.as_deref()).collect();
    assert_eq!(
        titles,
        [
            "Dam talks collapse as both sides trade blame",
            "Opposition says shelling hit a bakery",
            "Ministry denies strike on civilian targets"
        ]
    );
    let outlets: Vec<Option<&str>> = parts.iter().map(|p| p.field("outlet")).collect();
    assert_eq!(
        outlets,
        [
            Some("River Gazette"),
            Some("Free North Radio"),
            Some("State News Agency")
        ]
    );
    let authors: Vec<Option<&str>> = parts.iter().map(|p| p.field("author")).collect();
    assert_eq!(authors, [Some("Amira Tal"), Some("Yusuf Kaya"), None]);
    assert_eq!(parts[2].field("published"), Some("04/05/2017"));
    for (i, p) in parts.iter().enumerate() {
        assert_eq!(p.compilation, Some(CompilationPart { index: i, count: 3 }));
        assert!(!p.paragraphs.is_empty());
        // Every paragraph lies in its own part.
        for para in &p.paragraphs {
            assert!(p.region.contains(*para));
        }
    }
    assert_eq!(parts[0].paragraphs.len(), 2);
    assert_eq!(parts[1].paragraphs.len(), 2);
    assert_eq!(parts[2].paragraphs.len(), 1);
    // Regions tile the file.
    assert_eq!(parts[0].region.start, 0);
    assert_eq!(parts[0].region.end, parts[1].region.start);
    assert_eq!(parts[1].region.end, parts[2].region.start);
    assert_eq!(parts[2].region.end, DIGEST.len());
}

#[test]
fn an_article_with_a_source_line_at_the_bottom_is_not_split() {
    let text = "\
Talks on the northern dam resume
By Amira Tal
Monday, April 3, 2017

Talks on sharing the water of the northern dam resumed on Monday, the mediators said.

Key points of the draft
Farmers downstream would get a fixed share of the flow during the spring sowing, under a \
draft seen by the Gazette.

What happens next
Source: River Gazette
";
    let cleaner = Cleaner::new();
    let parts = cleaner.clean(text, &CleanOptions::default());
    common::assert_valid("single", text, &parts);
    assert_eq!(parts.len(), 1);
    let a = &parts[0];
    assert_eq!(a.compilation, None);
    assert_eq!(a.title.as_deref(), Some("Talks on the northern dam resume"));
    assert_eq!(a.field("outlet"), Some("River Gazette"));
    assert_eq!(a.field("author"), Some("Amira Tal"));
}

#[test]
fn two_bylines_in_one_article_do_not_make_a_compilation() {
    // A headline and byline, then a quoted box with its own "by" line but no headline.
    let text = "\
Dam talks collapse as both sides trade blame
By Amira Tal

Talks on sharing the water of the northern dam broke down on Sunday, the mediators said.

The mediators said they would try again after the holidays, and both delegations agreed.

Source: River Gazette
";
    let parts = Cleaner::new().clean(text, &CleanOptions::default());
    assert_eq!(parts.len(), 1);
}
