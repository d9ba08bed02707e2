//! The claims of an article whose sentences another stage has cut into tokens
//! ([`Extractor::claims_with_tokens`]) are those the extractor finds cutting them
//! itself, on the sample corpus and on FA-KES (skipped when the shared data is
//! absent): headlines and datelines shorten a sentence at the front, and the
//! shared tokens must then stand for the shortened sentence's.

mod common;

use crosscheck_extract::{ArticleContext, Extractor, Scratch};
use crosscheck_schema::Span;
use crosscheck_segment::{tokens, Segmenter, SentenceTokens};

/// The claims of `text` both ways must agree; answers how many there are.
fn same_claims(
    extractor: &Extractor,
    scratch: &mut Scratch,
    text: &str,
    title: Option<&str>,
) -> usize {
    let sentences = Segmenter::new().sentences(text, Span::new(0, text.len()));
    let ctx = ArticleContext {
        text,
        sentences: &sentences,
        published: chrono::NaiveDate::from_ymd_opt(2016, 1, 1),
        title,
        outlet: Some("SANA"),
    };
    let mut shared = SentenceTokens::default();
    for &span in &sentences {
        for t in tokens(text, span) {
            shared.push(t);
        }
        shared.end_sentence(text, span);
    }
    let all = vec![0.9; sentences.len()];
    let want = extractor.claims(&ctx, Some(&all));
    let got = extractor.claims_with_tokens(&ctx, Some(&all), &shared, scratch);
    assert_eq!(got, want, "{title:?}");
    want.len()
}

#[test]
fn shared_tokens_give_the_same_claims_on_the_sample_corpus() {
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/corpus");
    let extractor = Extractor::new();
    let mut scratch = Scratch::default();
    let mut claims = 0;
    for entry in std::fs::read_dir(corpus).expect("examples/corpus") {
        let text = std::fs::read_to_string(entry.expect("entry").path()).unwrap_or_default();
        let title = text.lines().next().map(str::to_string);
        claims += same_claims(&extractor, &mut scratch, &text, None);
        claims += same_claims(&extractor, &mut scratch, &text, title.as_deref());
    }
    // Datelines of the kinds the extractor skips, at the front of a sentence.
    for text in [
        "DAMASCUS, SANA - Terrorists fired 3 mortar shells at Damascus, killing 2 civilians.",
        "Daraa, SANA-Army units killed 40 terrorists in Daraa countryside on Monday.",
        "ALEPPO (Reuters) - Air strikes killed at least 25 people in Aleppo, a monitor said.",
        "Wed 05 Apr 2017 Syria: 58 killed in Khan Sheikhoun chemical attack, monitor says.",
    ] {
        claims += same_claims(&extractor, &mut scratch, text, None);
    }
    assert!(claims > 50, "{claims}");
}

#[test]
fn shared_tokens_give_the_same_claims_on_fakes() {
    let Some(articles) = common::fakes_articles() else {
        return;
    };
    let extractor = Extractor::new();
    let mut scratch = Scratch::default();
    let mut claims = 0;
    for (title, text) in &articles {
        claims += same_claims(&extractor, &mut scratch, text, Some(title));
    }
    assert!(claims > 1_000, "{claims}");
}
