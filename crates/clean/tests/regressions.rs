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
        let articles = cleaner.clean(
            body,
            &CleanOptions {
                known_title: Some(title),
            },
        );
        assert_eq!(articles.len(), 1);
        assert!(!articles[0].paragraphs.is_empty(), "cut at {cut}");
    }
}

/// A question headline with a second clause lost the title, and with it the
/// `Source:` and date lines under it.
#[test]
fn a_headline_with_a_question_inside_keeps_its_metadata() {
    let text = "Who fired on Sheikh Maqsoud? Craters tell a different story\nSource: Meridian Wire\nPublished 12 March 2018\n\n\
                Shells struck the Sheikh Maqsoud district of Aleppo on Sunday, killing four people, residents said.\n";
    let articles = Cleaner::new().clean(text, &CleanOptions::default());
    let a = &articles[0];
    assert_eq!(
        a.title.as_deref(),
        Some("Who fired on Sheikh Maqsoud? Craters tell a different story")
    );
    assert!(a
        .fields
        .iter()
        .any(|f| f.field == "outlet" && f.value == "Meridian Wire"));
    assert!(a.fields.iter().any(|f| f.field == "published"));
    assert_eq!(a.paragraphs.len(), 1);
}
