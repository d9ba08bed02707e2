//! The readers, the scorer and the shipped model on the real PTC data (skipped when
//! `../shared/data` is absent).

use std::path::PathBuf;

use crosscheck_datasets::{dataset_dir, shared_data_dir};
use crosscheck_propaganda::corpus::content_groups;
use crosscheck_propaganda::io::read_labels;
use crosscheck_propaganda::{
    annotations_of, read_nlp4if_folder, read_semeval_folder, read_training_corpus, score_si,
    score_tc, Propaganda, Technique,
};
use crosscheck_schema::Span;
use crosscheck_segment::Segmenter;

#[test]
fn reads_the_training_corpus_with_byte_offsets() {
    let Some(data) = shared_data_dir() else {
        eprintln!("skipped: ../shared/data is absent");
        return;
    };
    let corpus = read_training_corpus(&data).unwrap();
    // Every NLP4IF article is a copy of a SemEval-2020 one.
    assert_eq!(corpus.articles.len(), 371);
    assert_eq!(corpus.duplicates_dropped, 347);
    let spans: usize = corpus.articles.iter().map(|a| a.spans.len()).sum();
    assert_eq!(spans, 6129);
    let first = corpus
        .articles
        .iter()
        .find(|a| a.id == "111111111")
        .unwrap();
    let authority = first
        .spans
        .iter()
        .find(|s| s.technique == Some(Technique::AppealToAuthority))
        .unwrap();
    assert_eq!(
        &first.text[authority.start..authority.end],
        "The next transmission could be more pronounced or stronger"
    );
    // A file that opens with a byte-order mark: offsets count it as one character.
    let bom = corpus
        .articles
        .iter()
        .find(|a| a.id == "712382330")
        .unwrap();
    assert!(bom.text.starts_with('\u{feff}'));
    assert!(bom
        .spans
        .iter()
        .any(|s| &bom.text[s.start..s.end] == "a gross understatement"));
    // Near-duplicate versions of the same stories share a fold group.
    let groups = content_groups(&corpus.articles);
    let distinct = groups.iter().max().map_or(0, |&g| g as usize + 1);
    assert!((300..371).contains(&distinct), "{distinct}");
}

#[test]
fn nlp4if_labels_merge_into_the_semeval_classes() {
    let Some(dir) = dataset_dir("nlp4if2019-ptc") else {
        eprintln!("skipped: nlp4if2019-ptc is absent");
        return;
    };
    let articles = read_nlp4if_folder(&dir).unwrap();
    assert_eq!(articles.len(), 347);
    let count = |t: Technique| {
        articles
            .iter()
            .flat_map(|a| &a.spans)
            .filter(|s| s.technique == Some(t))
            .count()
    };
    assert!(count(Technique::WhataboutismStrawMenRedHerring) > 90);
    assert!(count(Technique::BandwagonReductioAdHitlerum) > 60);
    // Trimmed like version 2: no span starts or ends on a space or full stop.
    for a in &articles {
        for s in &a.spans {
            let t = &a.text[s.start..s.end];
            assert!(!t.starts_with([' ', '.', '\n']) && !t.ends_with([' ', '.', '\n']));
        }
    }
}

#[test]
fn the_si_gold_is_the_tc_gold_merged() {
    let Some(dir) = dataset_dir("semeval2020-task11-ptc") else {
        eprintln!("skipped: semeval2020-task11-ptc is absent");
        return;
    };
    let articles = read_semeval_folder(
        &dir.join("train-articles"),
        &dir.join("train-task2-TC.labels"),
    )
    .unwrap();
    let tc: Vec<_> = articles.iter().flat_map(annotations_of).collect();
    let si = read_labels(&dir.join("train-task1-SI.labels")).unwrap();
    // The organisers' SI file differs line by line, but the scorer merges overlaps
    // first: the two are the same gold.
    let s = score_si(&si, &tc);
    assert!((s.f1 - 1.0).abs() < 1e-12, "{s:?}");
    assert_eq!(s.gold, 5397);
    let t = score_tc(&tc, &tc).unwrap();
    assert_eq!((t.correct, t.total), (6129, 6129));
}

#[test]
fn the_shipped_model_loads_fast_and_finds_loaded_language() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../models/propaganda.bin");
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!("skipped: {} is absent", path.display());
        return;
    };
    assert!(bytes.len() < 10_000_000);
    let model = Propaganda::from_bytes(&bytes).unwrap();
    let text = "Shelling killed 12 people in the eastern district on Monday, the ministry said.\n\
                The corrupt, treasonous elites and their fake news media want to destroy our \
                great nation.\n";
    let sentences = Segmenter::new().sentences(text, Span::new(0, text.len()));
    let found = model.detect(text, &sentences);
    assert!(
        found
            .iter()
            .any(|s| text[s.start..s.end].contains("corrupt")),
        "{found:?}"
    );
    // Nothing in the plain news sentence.
    let first_line = text.find('\n').unwrap_or(0);
    assert!(found.iter().all(|s| s.start > first_line), "{found:?}");
}
