//! The signals of the sample corpus (examples/corpus, answer key in
//! examples/README.md, "Credibility signals"), through the real pipeline.

use std::path::PathBuf;

use crosscheck_core::Pipeline;
use crosscheck_ingest::{expand, IngestOptions, Reader};
use crosscheck_schema::{Document, Signal};
use crosscheck_signals::{kinds, SignalDetector};

struct Analysed {
    title: String,
    text: String,
    signals: Vec<Signal>,
}

impl Analysed {
    fn value(&self, kind: &str) -> f32 {
        self.signals
            .iter()
            .find(|s| s.kind == kind)
            .map_or(0.0, |s| s.value)
    }

    /// The words behind a signal, with their labels.
    fn evidence(&self, kind: &str) -> Vec<(String, Option<String>)> {
        self.signals
            .iter()
            .filter(|s| s.kind == kind)
            .flat_map(|s| s.evidence.iter())
            .map(|e| {
                let label = e.label.as_deref().map(str::to_string);
                (self.text[e.start..e.end].to_string(), label)
            })
            .collect()
    }

    fn evidence_text(&self, kind: &str) -> Vec<String> {
        self.evidence(kind).into_iter().map(|(t, _)| t).collect()
    }
}

/// Every article of the corpus, analysed on its readable text (the coordinates
/// the signal stage works in before HTML offsets are mapped back).
fn corpus() -> Vec<Analysed> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    let reader = Reader::new(IngestOptions::default());
    let pipeline = Pipeline::new();
    let detector = SignalDetector::new();
    let mut out = Vec::new();
    for input in expand(&[root]).flatten() {
        for doc in reader.read(&input).flatten() {
            let text = doc.readable_text().to_string();
            let mut plain = Document::from_text(doc.path.clone(), text.clone());
            plain.fields = doc.fields.clone();
            plain.record = doc.record;
            for article in pipeline.analyze(&plain) {
                let signals = detector.detect(&text, &article);
                for s in &signals {
                    for e in &s.evidence {
                        assert!(
                            text.get(e.start..e.end).is_some(),
                            "{} evidence {e:?} is not a slice",
                            s.kind
                        );
                    }
                    assert_eq!(s.weight, 0.0);
                }
                out.push(Analysed {
                    title: article.title.clone().unwrap_or_default(),
                    text: text.clone(),
                    signals,
                });
            }
        }
    }
    out
}

fn find<'a>(all: &'a [Analysed], title_start: &str) -> &'a Analysed {
    all.iter()
        .find(|a| a.title.starts_with(title_start))
        .unwrap_or_else(|| panic!("no article titled {title_start:?}"))
}

#[test]
fn wire_copy_declares_what_it_could_not_verify_and_has_no_partisan_markers() {
    let all = corpus();
    assert_eq!(all.len(), 15);
    for title in [
        "Air strikes on Idlib market kill at least 35",
        "Death toll from Idlib market strike rises to 41",
        "Islamic State attacks Syrian army near al-Mayadin",
        "Families flee Deir al-Zor village",
    ] {
        let a = find(&all, title);
        assert!(
            a.value(kinds::VERIFICATION_CAVEATS) >= 1.0,
            "{title}: {:?}",
            a.signals
        );
        for kind in [
            kinds::SCARE_QUOTES,
            kinds::ALL_CAPS,
            kinds::EXCLAMATIONS,
            kinds::DEHUMANISING,
            kinds::CLICKBAIT,
        ] {
            assert_eq!(
                a.value(kind),
                0.0,
                "{title}: {kind} {:?}",
                a.evidence_text(kind)
            );
        }
        assert!(a.value(kinds::ANONYMOUS_SOURCES) < 0.5, "{title}");
        assert!(a.value(kinds::DISTINCT_SOURCES) >= 3.0, "{title}");
    }
    // The government's "terrorist" groups, quoted by the wire, is its term, not irony.
    let a1 = find(&all, "Air strikes on Idlib market");
    assert!(a1
        .evidence_text(kinds::VERIFICATION_CAVEATS)
        .contains(&"could not independently verify".to_string()));
    let a2 = find(&all, "Massacre in Maarat al-Numan");
    assert_eq!(a2.evidence_text(kinds::LOADED_LANGUAGE), ["Massacre"]);
}

#[test]
fn the_pro_government_daily_shouts_mocks_and_cites_only_a_military_source() {
    let all = corpus();
    let a3 = find(&all, "TERRORIST MORTARS MASSACRE");
    let caps = a3.evidence(kinds::ALL_CAPS);
    assert!(
        caps.iter().any(|(_, l)| l.as_deref() == Some("headline")),
        "{caps:?}"
    );
    let caps: Vec<String> = caps.into_iter().map(|(t, _)| t).collect();
    assert!(
        caps.contains(&"TERRORIST ARSENAL".to_string())
            && caps.contains(&"NATIONAL DUTY".to_string()),
        "{caps:?}"
    );

    let scare = a3.evidence(kinds::SCARE_QUOTES);
    assert!(
        scare.contains(&("\"Free Army\"".into(), Some("so_called".into()))),
        "{scare:?}"
    );
    assert!(
        scare.contains(&(
            "\"Syrian Monitor for Human Rights\"".into(),
            Some("so_called".into())
        )),
        "{scare:?}"
    );
    assert!(
        scare.contains(&("\"moderate\"".into(), Some("ironic".into()))),
        "{scare:?}"
    );
    assert!(
        scare.contains(&("\"White Helmets\"".into(), Some("ironic".into()))),
        "{scare:?}"
    );
    // Quoted speech of the source is not a scare quote.
    assert!(!scare
        .iter()
        .any(|(t, _)| t.contains("fabricated") || t.contains("does not and will never")));

    assert_eq!(a3.evidence_text(kinds::DEHUMANISING), ["rats"]);
    let loaded = a3.evidence_text(kinds::LOADED_LANGUAGE);
    for word in ["martyred", "gangs", "massacre"] {
        assert!(loaded.iter().any(|l| l == word), "{word} not in {loaded:?}");
    }
    assert_eq!(a3.value(kinds::RHETORICAL_QUESTIONS), 1.0);
    assert_eq!(a3.value(kinds::EXCLAMATIONS), 1.0);
    assert_eq!(
        a3.value(kinds::ANONYMOUS_SOURCES),
        1.0,
        "{:?}",
        a3.evidence(kinds::ATTRIBUTIONS)
    );

    let b1 = find(&all, "Army heroes crush ISIS attack");
    let scare = b1.evidence_text(kinds::SCARE_QUOTES);
    assert_eq!(
        scare,
        [
            "\u{201C}fabrications\u{201D}",
            "\u{201C}revolutionaries\u{201D}"
        ]
    );
    assert_eq!(b1.evidence_text(kinds::ALL_CAPS), ["LIES"]);
    assert_eq!(b1.evidence_text(kinds::DEHUMANISING), ["rats"]);
    assert!(b1.value(kinds::EXCLAMATIONS) >= 1.0 && b1.value(kinds::RHETORICAL_QUESTIONS) >= 1.0);
    assert_eq!(b1.value(kinds::ANONYMOUS_SOURCES), 1.0);
    // "not a single civilian was harmed" is the source's statement.
    assert!(b1.value(kinds::PRIMARY_QUOTES) >= 1.0);
}

#[test]
fn the_opposition_site_has_comments_appeals_and_one_named_witness() {
    let all = corpus();
    let a4 = find(&all, "Assad\u{2019}s jets turn");
    let comments = a4.evidence(kinds::COMMENT_RESIDUE);
    assert!(
        comments
            .iter()
            .any(|(t, l)| t.starts_with("23 Comments") && l.as_deref() == Some("comment_thread")),
        "{comments:?}"
    );
    assert!(a4
        .evidence(kinds::APPEALS)
        .iter()
        .any(|(_, l)| l.as_deref() == Some("donation")));
    let scare = a4.evidence(kinds::SCARE_QUOTES);
    assert!(
        scare.contains(&("\u{201C}ceasefire\u{201D}".into(), Some("so_called".into()))),
        "{scare:?}"
    );
    assert!(
        scare.contains(&(
            "\u{201C}terrorist mortars\u{201D}".into(),
            Some("ironic".into())
        )),
        "{scare:?}"
    );
    assert_eq!(a4.evidence_text(kinds::ALL_CAPS), ["REGIME THUGS"]);
    assert!(a4
        .evidence_text(kinds::LOADED_LANGUAGE)
        .contains(&"graveyard".to_string()));
    assert_eq!(a4.evidence_text(kinds::FIRST_PERSON), ["our"]);
    // Mahmoud al-Sheikh is quoted by name; witnesses and activists are not named.
    let quotes = a4.evidence(kinds::PRIMARY_QUOTES);
    assert!(
        quotes
            .iter()
            .any(|(t, l)| t.contains("I counted the bodies") && l.as_deref() == Some("named")),
        "{quotes:?}"
    );
    let share = a4.value(kinds::ANONYMOUS_SOURCES);
    assert!(share > 0.0 && share < 1.0, "{share}");
    // The commenters' "more than 50" and "Nusra friends" are not the article's words.
    assert!(!a4
        .evidence_text(kinds::ATTRIBUTIONS)
        .iter()
        .any(|t| t.contains("Nusra")));
}

#[test]
fn the_hoax_and_its_copies_carry_the_clickbait_markers() {
    let all = corpus();
    let c1 = find(&all, "EXCLUSIVE: Western-backed terrorists");
    assert!(c1
        .evidence_text(kinds::CLICKBAIT)
        .contains(&"EXCLUSIVE".to_string()));
    assert!(c1
        .evidence(kinds::EXCLAMATIONS)
        .iter()
        .any(|(_, l)| l.as_deref() == Some("headline")));
    assert!(c1
        .evidence_text(kinds::ALL_CAPS)
        .contains(&"SILENT".to_string()));
    assert_eq!(
        c1.evidence_text(kinds::SCARE_QUOTES),
        ["\"moderate rebels\"", "\"humanitarian\""]
    );
    assert!(c1
        .evidence(kinds::APPEALS)
        .iter()
        .any(|(_, l)| l.as_deref() == Some("share_urgent")));
    assert_eq!(
        c1.value(kinds::ANONYMOUS_SOURCES),
        1.0,
        "{:?}",
        c1.evidence(kinds::ATTRIBUTIONS)
    );
    assert!(c1.value(kinds::FIRST_PERSON) >= 2.0);

    let c3 = find(&all, "Did NATO");
    assert_eq!(c3.value(kinds::QUESTION_HEADLINE), 1.0);
    assert!(c3
        .evidence_text(kinds::ALL_CAPS)
        .contains(&"GAS".to_string()));
    assert!(c3.value(kinds::RHETORICAL_QUESTIONS) >= 2.0);
}

#[test]
fn the_digest_parts_keep_their_own_voices() {
    let all = corpus();
    let p2 = find(&all, "Russian MoD");
    assert_eq!(
        p2.evidence(kinds::SCARE_QUOTES),
        [(
            "\"White Helmets\"".to_string(),
            Some("so_called".to_string())
        )]
    );
    assert_eq!(p2.value(kinds::ANONYMOUS_SOURCES), 0.0);
    // "an information provocation" is the ministry's phrase, not the agency's irony.
    let p3 = find(&all, "Regime shelling kills civilians");
    assert_eq!(
        p3.evidence_text(kinds::SCARE_QUOTES),
        ["\"reconciliation\"", "\"liberation\""]
    );
    assert_eq!(
        p3.evidence_text(kinds::VERIFICATION_CAVEATS),
        ["could not be confirmed"]
    );
    assert!(p3.value(kinds::ANONYMOUS_SOURCES) > 0.5);
}

#[test]
fn partisan_markers_order_wire_below_partisan_below_hoax() {
    let all = corpus();
    let markers = |a: &Analysed| {
        [
            kinds::SCARE_QUOTES,
            kinds::ALL_CAPS,
            kinds::EXCLAMATIONS,
            kinds::DEHUMANISING,
            kinds::CLICKBAIT,
            kinds::RHETORICAL_QUESTIONS,
        ]
        .iter()
        .map(|k| a.value(k))
        .sum::<f32>()
    };
    let wire = [
        "Air strikes on Idlib",
        "Death toll from Idlib",
        "Fact check",
        "Islamic State attacks",
        "Families flee",
    ]
    .map(|t| markers(find(&all, t)));
    let partisan =
        ["TERRORIST MORTARS", "Assad\u{2019}s jets", "Army heroes"].map(|t| markers(find(&all, t)));
    let hoax = ["EXCLUSIVE: Western-backed", "Did NATO"].map(|t| markers(find(&all, t)));
    let max_wire = wire.iter().copied().fold(0.0, f32::max);
    assert!(
        partisan.iter().all(|&p| p > max_wire),
        "wire {wire:?} partisan {partisan:?}"
    );
    assert!(
        hoax.iter().all(|&h| h > max_wire),
        "wire {wire:?} hoax {hoax:?}"
    );
}
