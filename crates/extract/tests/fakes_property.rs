//! Every FA-KES article through the extractor: no panic, and every span of every claim
//! lies on char boundaries inside its sentence. Skips when the shared data is absent.

mod common;

use crosscheck_extract::{ArticleContext, Extractor};
use crosscheck_schema::{Claim, Span};
use crosscheck_segment::Segmenter;

fn check_span(text: &str, outer: Span, inner: Span, what: &str, claim: &Claim) {
    assert!(
        inner.start <= inner.end && outer.contains(inner),
        "{what} {inner:?} outside claim {outer:?}: {claim:?}"
    );
    assert!(
        text.is_char_boundary(inner.start) && text.is_char_boundary(inner.end),
        "{what} off char boundary"
    );
}

#[test]
fn every_fakes_article_gives_valid_claims() {
    let Some(articles) = common::fakes_articles() else {
        return;
    };
    let extractor = Extractor::new();
    let segmenter = Segmenter::new();
    let (mut articles_seen, mut claims_seen, mut frames) = (0, 0, 0);
    for (title, text) in &articles {
        let sentences = segmenter.sentences(text, Span::new(0, text.len()));
        let ctx = ArticleContext {
            text,
            sentences: &sentences,
            published: chrono::NaiveDate::from_ymd_opt(2016, 1, 1),
            title: Some(title),
            outlet: None,
        };
        let all = vec![1.0; sentences.len()];
        let claims = extractor.claims(&ctx, Some(&all));
        // One claim per sentence, or two when two speakers give two figures; in text
        // order and never overlapping.
        for pair in claims.windows(2) {
            assert!(pair[0].end <= pair[1].start, "{:?}", (&pair[0], &pair[1]));
            assert!(pair[0].sentence <= pair[1].sentence);
        }
        for three in claims.windows(3) {
            assert!(three[0].sentence < three[2].sentence);
        }
        for c in &claims {
            let sentence = sentences[c.sentence];
            let outer = Span::new(c.start, c.end);
            check_span(text, sentence, outer, "claim", c);
            for s in &c.attribution.chain {
                // A quotation's speaker may be named in a neighbouring sentence, and
                // keeps the offsets of where it is named.
                let near = Span::new(
                    sentences[c.sentence.saturating_sub(4)].start,
                    sentences[(c.sentence + 4).min(sentences.len() - 1)].end,
                );
                let home = if c.attribution.quoted { near } else { outer };
                check_span(text, home, Span::new(s.start, s.end), "source", c);
            }
            for h in &c.attribution.hedges {
                check_span(text, outer, *h, "hedge", c);
            }
            if let Some(e) = &c.event {
                frames += 1;
                check_span(text, outer, e.trigger, "trigger", c);
                for (what, m) in [("actor", &e.actor), ("target", &e.target)] {
                    if let Some(m) = m {
                        check_span(text, outer, Span::new(m.start, m.end), what, c);
                        assert_eq!(Span::new(m.start, m.end).slice(text), m.text);
                    }
                }
                if let Some(p) = &e.place {
                    check_span(text, outer, Span::new(p.start, p.end), "place", c);
                }
                if let Some(d) = &e.date {
                    check_span(text, outer, Span::new(d.start, d.end), "date", c);
                    assert!(d.value <= d.last);
                }
                for k in [&e.killed, &e.injured].into_iter().flatten() {
                    check_span(text, outer, Span::new(k.start, k.end), "count", c);
                    assert!(k.max.is_none_or(|m| m >= k.min), "{k:?}");
                }
            }
        }
        // Without scores only sentences with an event are claims.
        assert!(extractor
            .claims(&ctx, None)
            .iter()
            .all(|c| c.event.is_some()));
        articles_seen += 1;
        claims_seen += claims.len();
    }
    assert!(articles_seen > 600, "{articles_seen} articles");
    assert!(
        frames * 4 > claims_seen,
        "{frames} frames in {claims_seen} sentences"
    );
}
