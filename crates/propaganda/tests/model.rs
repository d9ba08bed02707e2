//! Training, the model file and detection on small hand-made articles: determinism,
//! round trips, damaged files, and odd input.

use crosscheck_learn::SplitMix64;
use crosscheck_propaganda::{
    cross_validate, train, Article, GoldSpan, Propaganda, Technique, TrainConfig,
};
use crosscheck_schema::Span;
use crosscheck_segment::Segmenter;

/// Plain words for filler, so that no two synthetic articles share long
/// stretches of text (they would be grouped as near-duplicates).
const WORDS: &[&str] = &[
    "the",
    "council",
    "met",
    "on",
    "Tuesday",
    "to",
    "discuss",
    "budget",
    "officials",
    "said",
    "road",
    "would",
    "reopen",
    "next",
    "week",
    "report",
    "was",
    "published",
    "by",
    "statistics",
    "office",
    "prices",
    "rose",
    "two",
    "percent",
    "in",
    "third",
    "quarter",
    "minister",
    "visited",
    "new",
    "hospital",
    "north",
    "a",
    "bridge",
    "school",
    "farmers",
    "market",
    "river",
    "station",
];

/// Propaganda fragments and their technique.
const LOADED: &[(&str, Technique)] = &[
    ("corrupt traitors", Technique::NameCallingLabeling),
    ("disgraceful betrayal", Technique::LoadedLanguage),
    (
        "want to destroy our way of life",
        Technique::AppealToFearPrejudice,
    ),
    ("Make our nation great again", Technique::Slogans),
];

fn filler(rng: &mut SplitMix64, text: &mut String) {
    for _ in 0..3 + rng.below(4) {
        text.push_str(WORDS[rng.below(WORDS.len())]);
        text.push(' ');
    }
}

/// Articles of random plain sentences, a third of them holding a propaganda
/// fragment; one sentence per line as in the PTC.
fn articles(n: usize, seed: u64) -> Vec<Article> {
    let mut rng = SplitMix64::new(seed);
    (0..n)
        .map(|k| {
            let mut text = format!("Headline number {k}\n\n");
            let mut spans = Vec::new();
            for _ in 0..8 {
                filler(&mut rng, &mut text);
                if rng.below(3) == 0 {
                    let (fragment, technique) = LOADED[rng.below(LOADED.len())];
                    spans.push(GoldSpan {
                        start: text.len(),
                        end: text.len() + fragment.len(),
                        technique: Some(technique),
                    });
                    text.push_str(fragment);
                    text.push(' ');
                }
                filler(&mut rng, &mut text);
                text.pop();
                text.push_str(".\n");
            }
            Article {
                id: format!("{}", 1000 + k),
                text,
                spans,
            }
        })
        .collect()
}

fn small_config() -> TrainConfig {
    let mut c = TrainConfig {
        sentence_bits: 12,
        token_bits: 12,
        ..TrainConfig::default()
    };
    c.technique_hasher.bits = 12;
    c
}

#[test]
fn training_is_deterministic_and_survives_the_file_format() {
    let data = articles(40, 7);
    let a = train(&data, &small_config()).unwrap();
    let b = train(&data, &small_config()).unwrap();
    let bytes = a.to_bytes();
    assert_eq!(bytes, b.to_bytes(), "two trainings differ");
    let loaded = Propaganda::from_bytes(&bytes).unwrap();
    assert_eq!(loaded.to_bytes(), bytes);
    assert_eq!(loaded.decoder(), a.decoder());
    assert!(a
        .metadata()
        .iter()
        .any(|(k, v)| k == "articles" && v == "40"));
}

#[test]
fn finds_and_labels_the_fragments_it_was_taught() {
    let model = train(&articles(60, 1), &small_config()).unwrap();
    let text = "The weather was mild.\nThese corrupt traitors are selling the bridge.\n\
                Prices rose by two percent in the third quarter.\n";
    let sentences = Segmenter::new().sentences(text, Span::new(0, text.len()));
    let found = model.detect(text, &sentences);
    assert!(
        found
            .iter()
            .any(|s| text[s.start..s.end].contains("corrupt traitors")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .all(|s| !text[s.start..s.end].contains("Prices")),
        "{found:?}"
    );
    let at = text.find("corrupt traitors").unwrap();
    let (technique, p) = model.classify(text, Span::new(at, at + 16));
    assert_eq!(technique, Technique::NameCallingLabeling);
    assert!(p > 0.2);
    let probs = model.technique_probabilities(text, Span::new(at, at + 16));
    assert!((probs.iter().sum::<f32>() - 1.0).abs() < 1e-3);
}

#[test]
fn damaged_model_files_are_errors_not_panics() {
    let bytes = train(&articles(20, 3), &small_config()).unwrap().to_bytes();
    assert!(Propaganda::from_bytes(b"").is_err());
    assert!(Propaganda::from_bytes(b"XCLM\x01\x00").is_err());
    for cut in (0..bytes.len()).step_by(bytes.len() / 97 + 1) {
        assert!(
            Propaganda::from_bytes(&bytes[..cut]).is_err(),
            "cut at {cut}"
        );
    }
    let mut flipped = bytes.clone();
    flipped[bytes.len() / 2] ^= 0x10;
    assert!(Propaganda::from_bytes(&flipped).is_err());
}

#[test]
fn odd_input_neither_panics_nor_leaves_the_text() {
    let model = train(&articles(20, 5), &small_config()).unwrap();
    let emoji = "🙂 corrupt traitors 🙂 élites “disgraceful betrayal” ‼";
    let long = "corrupt traitors ".repeat(2000);
    for text in ["", " ", "\n\n", "!", emoji, long.as_str()] {
        let all = Span::new(0, text.len());
        let odd = [
            all,
            Span::new(1, 3),              // may cut a character
            Span::new(text.len(), 9_999), // past the end
            Span::new(5, 2),              // backwards
            Span::new(0, text.len() / 2), // overlaps the first
        ];
        for sentences in [&[all][..], &odd[..], &[]] {
            for s in model.detect(text, sentences) {
                assert!(s.start < s.end && s.end <= text.len());
                assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                assert!(s.score.is_finite() && s.technique_score.is_finite());
            }
        }
        let _ = model.classify(text, Span::new(3, 1));
        let _ = model.classify(text, Span::new(0, 99_999));
    }
}

#[test]
fn cross_validation_scores_held_out_folds() {
    let data = articles(30, 11);
    let cv = cross_validate(&data, &small_config(), 3).unwrap();
    assert_eq!(cv.k, 3);
    assert_eq!(cv.groups, 30);
    assert_eq!(cv.decoders.len(), 3);
    // The synthetic fragments are easy: held-out folds find most of them.
    assert!(cv.report.si.f1 > 0.5, "{:?}", cv.report.si);
    assert!(cv.report.tc.as_ref().is_some_and(|t| t.micro_f1 > 0.8));
}
