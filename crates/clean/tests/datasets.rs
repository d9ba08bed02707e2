//! Properties over every Horne 2017 and FA-KES text, and the answer key of the
//! project's sample corpus (`examples/corpus`). The data is read where it lies; the
//! tests skip with a message when it is absent.

mod common;

use std::path::PathBuf;

use crosscheck_clean::{CleanOptions, CleanedArticle, Cleaner};
use crosscheck_schema::RemovalKind;

fn kept_bytes(articles: &[CleanedArticle]) -> usize {
    articles
        .iter()
        .flat_map(|a| a.paragraphs.iter())
        .map(|p| p.len())
        .sum()
}

#[test]
fn every_horne_text_cleans_into_valid_spans_and_keeps_its_body() {
    let Some(dir) = crosscheck_datasets::dataset_dir("horne2017-political-news") else {
        eprintln!("skipped: horne2017-political-news is absent");
        return;
    };
    let samples = common::horne(&dir);
    assert_eq!(samples.len(), 326);
    let cleaner = Cleaner::new();
    let (mut kept, mut total) = (0, 0);
    let (mut real_kept, mut real_total) = (0, 0);
    for s in &samples {
        for opts in [
            CleanOptions::default(),
            CleanOptions {
                known_title: Some(&s.title),
            },
        ] {
            let arts = cleaner.clean(&s.text, &opts);
            common::assert_valid(&s.name, &s.text, &arts);
            assert_eq!(arts.len(), 1, "{}: split", s.name);
        }
        let arts = cleaner.clean(
            &s.text,
            &CleanOptions {
                known_title: Some(&s.title),
            },
        );
        let k = kept_bytes(&arts);
        let t = s.text.trim().len();
        // Real (newspaper) articles lose furniture; one scrape holds half its text twice.
        if s.source == "Real" {
            assert!(k * 100 >= t * 70, "{}: kept {k} of {t} bytes", s.name);
            real_kept += k;
            real_total += t;
        }
        kept += k;
        total += t;
    }
    assert!(kept * 100 >= total * 95, "kept {kept} of {total} bytes");
    assert!(
        real_kept * 100 >= real_total * 95,
        "Real: kept {real_kept} of {real_total} bytes"
    );
}

#[test]
fn every_fakes_record_cleans_into_valid_spans_and_reuters_keeps_its_body() {
    let Some(dir) = crosscheck_datasets::dataset_dir("fa-kes") else {
        eprintln!("skipped: fa-kes is absent");
        return;
    };
    let samples = common::fakes(&dir);
    assert_eq!(samples.len(), 643);
    let cleaner = Cleaner::new();
    let mut dated = 0;
    for s in &samples {
        let arts = cleaner.clean(
            &s.text,
            &CleanOptions {
                known_title: Some(&s.title),
            },
        );
        common::assert_valid(&s.name, &s.text, &arts);
        assert_eq!(arts.len(), 1, "{}: split", s.name);
        let arts_plain = cleaner.clean(&s.text, &CleanOptions::default());
        common::assert_valid(&s.name, &s.text, &arts_plain);
        let k = kept_bytes(&arts);
        let t = s.text.trim().len();
        if s.source == "reuters" {
            // The body is what is left once the dateline, the headline and the credit
            // line are read as such; cleaning may take only furniture from it.
            let mut body = t;
            for r in &arts[0].removed {
                match r.kind {
                    RemovalKind::MetadataLine | RemovalKind::RepeatedHeadline => {
                        body -= r.end - r.start
                    }
                    RemovalKind::Boilerplate => {}
                    other => panic!("{}: {} removed from a wire story", s.name, other.as_str()),
                }
            }
            assert!(
                k * 100 > body * 90,
                "{}: kept {k} of {body} body bytes",
                s.name
            );
        }
        // A record that is only a headline and a dateline may lose everything.
        if t > 300 {
            assert!(k * 100 > t * 60, "{}: kept {k} of {t} bytes", s.name);
        }
        if arts[0].field("published").is_some() {
            dated += 1;
        }
    }
    // Most records open with their date ("Wed 05 Apr 2017 <title>. ...").
    assert!(dated * 2 > samples.len(), "{dated} records dated");
}

#[test]
fn odd_inputs_do_not_panic() {
    let cleaner = Cleaner::new();
    let inputs = [
        "\u{feff}",
        "\r\r\r",
        "Comments\n",
        "3 Comments\nReply\n",
        "Source:\n",
        "By\n",
        "\u{2605}",
        "Read more\n\nRead more\n",
        "Title\n\u{a0}\n\u{2028}body\u{2029}\n",
        "é\r\nSource: Ä\r\n",
        "Wed 05 Apr 2017",
        "a\n----\nb\n----\n",
    ];
    for t in inputs {
        for kt in [None, Some("Title"), Some("é"), Some("")] {
            let arts = cleaner.clean(t, &CleanOptions { known_title: kt });
            common::assert_valid(t, t, &arts);
        }
    }
}

/// A row of the answer key: file, removal kind, byte ranges.
type KeyRow = (&'static str, RemovalKind, &'static [(usize, usize)]);

fn corpus_dir() -> Option<PathBuf> {
    let d = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    d.is_dir().then_some(d)
}

/// Whether `text[start..end]` is covered, apart from line breaks, by removals of `kind`.
fn covered(a: &CleanedArticle, text: &str, kind: RemovalKind, start: usize, end: usize) -> bool {
    (start..end).all(|i| {
        matches!(text.as_bytes()[i], b'\n' | b'\r' | b' ')
            || a.removed
                .iter()
                .any(|r| r.kind == kind && r.start <= i && i < r.end)
    })
}

#[test]
fn the_sample_corpus_loses_what_its_answer_key_says() {
    let Some(dir) = corpus_dir() else {
        eprintln!("skipped: examples/corpus is absent");
        return;
    };
    use RemovalKind::*;
    // File, kind, byte ranges: the "Cleaning" table of examples/README.md.
    let key: &[KeyRow] = &[
        (
            "a1-levant-wire-market-strike.txt",
            MetadataLine,
            &[(60, 74), (75, 99), (1701, 1720)],
        ),
        (
            "a2-crescent-review-syndicated.txt",
            MetadataLine,
            &[(67, 135)],
        ),
        (
            "a3-homeland-gazette-mortar.txt",
            MetadataLine,
            &[(63, 73), (74, 89), (1854, 1878)],
        ),
        (
            "a3-homeland-gazette-mortar.txt",
            RepeatedHeadline,
            &[(91, 153)],
        ),
        (
            "a4-free-idlib-post-with-comments.txt",
            MetadataLine,
            &[(67, 126)],
        ),
        (
            "a4-free-idlib-post-with-comments.txt",
            ShareAppeal,
            &[(1485, 1545)],
        ),
        (
            "a4-free-idlib-post-with-comments.txt",
            DonationAppeal,
            &[(1547, 1786), (1788, 1917)],
        ),
        (
            "a4-free-idlib-post-with-comments.txt",
            AuthorBox,
            &[(1919, 2077)],
        ),
        (
            "a4-free-idlib-post-with-comments.txt",
            RelatedLinks,
            &[(2079, 2267)],
        ),
        (
            "a4-free-idlib-post-with-comments.txt",
            CommentThread,
            &[(2269, 3161)],
        ),
        (
            "a4-free-idlib-post-with-comments.txt",
            CommentWidget,
            &[(3163, 3285)],
        ),
        (
            "a4-free-idlib-post-with-comments.txt",
            Boilerplate,
            &[(3287, 3332)],
        ),
        (
            "c1-frontline-truth-chlorine-hoax.txt",
            MetadataLine,
            &[(89, 141), (142, 163), (1749, 1779)],
        ),
        (
            "c1-frontline-truth-chlorine-hoax.txt",
            ShareAppeal,
            &[(1677, 1747)],
        ),
        (
            "c1-frontline-truth-chlorine-hoax.txt",
            RatingWidget,
            &[(1781, 1890)],
        ),
        ("c2-patriot-dispatch-copy.txt", MetadataLine, &[(89, 150)]),
        (
            "c2-patriot-dispatch-copy.txt",
            RepeatedParagraph,
            &[(1533, 1785)],
        ),
        ("c2-patriot-dispatch-copy.txt", ShareAppeal, &[(1787, 1857)]),
        (
            "c3-resistance-news-hub-copy.txt",
            MetadataLine,
            &[(75, 135)],
        ),
        (
            "c3-resistance-news-hub-copy.txt",
            ShareAppeal,
            &[(1608, 1651)],
        ),
    ];
    let cleaner = Cleaner::new();
    for (file, kind, ranges) in key {
        let Ok(text) = std::fs::read_to_string(dir.join(file)) else {
            eprintln!("skipped: {file} is absent");
            continue;
        };
        let arts = cleaner.clean(&text, &CleanOptions::default());
        common::assert_valid(file, &text, &arts);
        assert_eq!(arts.len(), 1, "{file}");
        for &(s, e) in *ranges {
            assert!(
                e <= text.len() && covered(&arts[0], &text, *kind, s, e),
                "{file}: [{s},{e}) is not all {}: {:?}",
                kind.as_str(),
                arts[0].removed
            );
        }
    }

    // A4: the body is lines 6-16, six paragraphs; nothing after it is article text.
    if let Ok(text) = std::fs::read_to_string(dir.join("a4-free-idlib-post-with-comments.txt")) {
        let a = &cleaner.clean(&text, &CleanOptions::default())[0];
        assert_eq!(a.paragraphs.len(), 6);
        assert_eq!(a.paragraphs[0].start, 128);
        assert_eq!(a.paragraphs[5].end, 1483);
    }

    // The compilation: three parts with their own headlines and outlets.
    if let Ok(text) = std::fs::read_to_string(dir.join("compilation-press-digest.txt")) {
        let parts = cleaner.clean(&text, &CleanOptions::default());
        common::assert_valid("compilation", &text, &parts);
        assert_eq!(parts.len(), 3);
        let starts: Vec<usize> = parts
            .iter()
            .filter_map(|p| p.title_span)
            .map(|s| s.start)
            .collect();
        assert_eq!(starts, [0, 808, 1647]);
        let outlets: Vec<Option<&str>> = parts.iter().map(|p| p.field("outlet")).collect();
        assert_eq!(
            outlets,
            [
                Some("Bosphorus Daily"),
                Some("Eurasia Today Agency"),
                Some("Eastern Rivers Network")
            ]
        );
    }
}
