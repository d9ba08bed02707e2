//! Every offset the pipeline reports slices the text it came from: on real
//! articles from FA-KES and Horne 2017, and on the bundled sample corpus
//! (including its HTML page, whose offsets point into the HTML source).

use std::path::PathBuf;

use crosscheck_core::Pipeline;
use crosscheck_ingest::{expand, IngestOptions, Preset, Reader};
use crosscheck_schema::{ArticleAnalysis, Document, InputFormat, Span};

fn documents(options: IngestOptions, path: PathBuf) -> Vec<Document> {
    let reader = Reader::new(options);
    let mut docs = Vec::new();
    for input in expand(&[path]) {
        for doc in reader.read(&input.expect("input")) {
            docs.push(doc.expect("readable"));
        }
    }
    docs
}

fn visible(html: &str) -> String {
    // Tags out, the few entities the sample page uses decoded, whitespace squeezed.
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    for (entity, c) in [
        ("&amp;", "&"),
        ("&nbsp;", " "),
        ("&rsquo;", "’"),
        ("&lsquo;", "‘"),
        ("&ldquo;", "“"),
        ("&rdquo;", "”"),
        ("&mdash;", "—"),
        ("&ndash;", "–"),
        ("&quot;", "\""),
    ] {
        out = out.replace(entity, c);
    }
    // Numeric references: &#8220; and &#x201C;.
    let mut decoded = String::new();
    let mut rest = out.as_str();
    while let Some(at) = rest.find("&#") {
        decoded.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let end = after.find(';').unwrap_or(0);
        let number = &after[..end];
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => number.parse().ok(),
        };
        match code.and_then(char::from_u32) {
            Some(c) if end > 0 => {
                decoded.push(c);
                rest = &after[end + 1..];
            }
            _ => {
                decoded.push_str("&#");
                rest = after;
            }
        }
    }
    decoded.push_str(rest);
    let out = decoded;
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn check_article(doc: &Document, a: &ArticleAnalysis) {
    let text = doc.text.as_str();
    let ok = |s: Span| {
        s.start <= s.end
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
            && s.end <= text.len()
    };
    let region = Span::new(a.source.start, a.source.end);
    assert!(ok(region), "{}: bad region {region:?}", doc.path);
    let mut last_end = 0;
    for s in &a.sentences {
        let span = Span::new(s.start, s.end);
        assert!(
            ok(span) && !span.is_empty(),
            "{}: bad sentence {span:?}",
            doc.path
        );
        assert!(
            region.contains(span),
            "{}: sentence {span:?} outside {region:?}",
            doc.path
        );
        assert!(
            span.start >= last_end,
            "{}: sentences overlap or go backwards at {span:?}",
            doc.path
        );
        last_end = span.end;
        let slice = span.slice(text);
        assert_eq!(
            slice,
            slice.trim(),
            "{}: untrimmed sentence {span:?}",
            doc.path
        );
        assert!(
            a.paragraphs.iter().any(|p| p.contains(span)),
            "{}: sentence {span:?} is in no paragraph",
            doc.path
        );
    }
    for r in &a.removed {
        let span = Span::new(r.start, r.end);
        assert!(ok(span), "{}: bad removal {span:?}", doc.path);
        assert!(
            !a.sentences
                .iter()
                .any(|s| span.overlaps(Span::new(s.start, s.end))),
            "{}: a removal overlaps a sentence",
            doc.path
        );
    }
    for m in &a.metadata_spans {
        assert!(
            ok(Span::new(m.start, m.end)),
            "{}: bad metadata span",
            doc.path
        );
    }
    for c in &a.claims {
        assert!(
            ok(Span::new(c.start, c.end)) && region.contains(Span::new(c.start, c.end)),
            "{}: bad claim {}",
            doc.path,
            c.id
        );
    }
    for e in a.signals.iter().flat_map(|s| &s.evidence) {
        assert!(
            ok(Span::new(e.start, e.end)),
            "{}: bad signal evidence {e:?}",
            doc.path
        );
    }
}

#[test]
fn offsets_slice_sentences_in_every_fakes_article() {
    let Some(dir) = crosscheck_datasets::dataset_dir("fa-kes") else {
        eprintln!("skipped: ../shared/data/fa-kes is absent");
        return;
    };
    let pipeline = Pipeline::new();
    let docs = documents(
        IngestOptions::with_preset(Preset::Fakes),
        dir.join("FA-KES-Dataset.csv"),
    );
    assert_eq!(docs.len(), 643);
    let mut sentences = 0;
    for doc in &docs {
        let articles = pipeline.analyze(doc);
        assert_eq!(articles.len(), 1, "{}:{:?} was split", doc.path, doc.record);
        let a = &articles[0];
        assert!(a.published.is_some(), "row {:?} has no date", doc.record);
        assert!(a.outlet.is_some() && a.title.is_some());
        check_article(doc, a);
        sentences += a.sentences.len();
    }
    assert!(sentences > 7_000, "{sentences} sentences");
}

#[test]
fn offsets_slice_sentences_in_every_horne_article() {
    let Some(dir) = crosscheck_datasets::dataset_dir("horne2017-political-news") else {
        eprintln!("skipped: ../shared/data/horne2017-political-news is absent");
        return;
    };
    let pipeline = Pipeline::new();
    let docs = documents(IngestOptions::with_preset(Preset::Horne), dir);
    assert_eq!(docs.len(), 326);
    for doc in &docs {
        let articles = pipeline.analyze(doc);
        assert!(!articles.is_empty());
        for a in &articles {
            assert!(a.title.is_some() && a.label.is_some());
            check_article(doc, a);
        }
    }
}

#[test]
fn the_sample_corpus_keeps_its_coordinates_even_in_html() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    let pipeline = Pipeline::new();
    let docs = documents(IngestOptions::default(), root);
    let mut html_sentences = 0;
    for doc in &docs {
        for a in pipeline.analyze(doc) {
            check_article(doc, &a);
            if doc.format == InputFormat::Html {
                let (view, _) = doc.view.as_ref().expect("an HTML page has a readable view");
                for s in &a.sentences {
                    let source = visible(&doc.text[s.start..s.end]);
                    assert!(!source.is_empty());
                    assert!(
                        visible(view).contains(&source),
                        "an HTML sentence maps back to markup that is not its text: {source}"
                    );
                    html_sentences += 1;
                }
            }
        }
    }
    assert!(html_sentences >= 8, "{html_sentences} HTML sentences");
}
