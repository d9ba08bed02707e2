//! Every sentence of every FA-KES article and every Horne 2017 file is a clean slice
//! of its text, and no word is lost between sentences.

mod common;

use crosscheck_schema::Span;
use crosscheck_segment::Segmenter;

#[test]
fn every_fakes_article_segments_into_clean_slices() {
    let Some(rows) = common::fakes_articles() else {
        eprintln!("skipped: FA-KES is absent");
        return;
    };
    assert!(rows.len() > 600, "read {} FA-KES rows", rows.len());
    let seg = Segmenter::new();
    let mut sentences = 0;
    for (id, text) in &rows {
        let whole = Span::new(0, text.len());
        let spans = seg.sentences(text, whole);
        common::check_sentences(&format!("fa-kes {id}"), text, whole, &spans);
        sentences += spans.len();
        // A region that starts mid-text gives the same sentences after its start.
        let half = Span::new(text.len() / 2, text.len());
        common::check_sentences(
            &format!("fa-kes {id} half"),
            text,
            half,
            &seg.sentences(text, half),
        );
    }
    // FA-KES articles are short agency reports: about a dozen sentences each.
    let per_article = sentences as f64 / rows.len() as f64;
    assert!(
        (8.0..20.0).contains(&per_article),
        "{per_article} sentences per article"
    );
}

#[test]
fn every_horne_file_segments_into_clean_slices() {
    let Some(files) = common::horne_articles(true) else {
        eprintln!("skipped: Horne 2017 is absent");
        return;
    };
    assert_eq!(files.len(), 652);
    let seg = Segmenter::new();
    for (path, text) in &files {
        let whole = Span::new(0, text.len());
        let spans = seg.sentences(text, whole);
        common::check_sentences(path, text, whole, &spans);
        for s in &spans {
            // CRLF files: no sentence ends on a CR or starts on a LF.
            let slice = s.slice(text);
            assert!(
                !slice.ends_with('\r') && !slice.starts_with('\n'),
                "{path}: {slice:?}"
            );
        }
    }
}
