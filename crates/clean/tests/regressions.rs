//! Inputs that once broke the cleaner.

use crosscheck_clean::{CleanOptions, Cleaner};

/// A feed whose title field is the body's first sentence cut mid-word (as some
/// scrapers make titles): the repeated-headline check ran past the end of the
/// headline and sliced backwards.
#[test]
fn a_title_that_is_a_truncated_first_sentence_does_not_panic() {
    let body = "Despite a wild report on a website about conspiracies, local soldiers have not lost a weapon.\n\n\
                As the lockdown of soldiers dragged into its fifth day Monday, officials said nothing was missing.";
    let cleaner = Cleaner::new();
    let first_line = body.find('\n').unwrap_or(body.len());
    for cut in (10..=first_line).filter(|&c| body.is_char_boundary(c)) {
        let title = &body[..cut];
        let articles = cleaner.clean(body, &CleanOptions { known_title: Some(title) });
        assert_eq!(articles.len(), 1);
        assert!(!articles[0].paragraphs.is_empty(), "cut at {cut}");
    }
}
