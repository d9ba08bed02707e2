//! No panic on any text or any (even inconsistent) article: offsets from a buggy
//! stage, unpaired quotation marks, multi-byte characters everywhere.

use std::collections::BTreeMap;

use crosscheck_schema::{
    ArticleAnalysis, Attribution, AttributionSource, Claim, InputFormat, MetadataField, Removal,
    RemovalKind, Sentence, SourceKind, SourceRef, Span,
};
use crosscheck_signals::{feature_vector, Outlets, SignalDetector};

fn article(text: &str, paragraphs: Vec<Span>, sentences: Vec<Span>) -> ArticleAnalysis {
    ArticleAnalysis {
        id: "0".into(),
        source: SourceRef {
            path: "t".into(),
            record: None,
            start: 0,
            end: text.len(),
        },
        format: InputFormat::Text,
        title: Some("Why?! “So-called” TITLE".into()),
        outlet: Some("(".into()),
        author: None,
        published: None,
        url: Some("http://[::1]:x/".into()),
        language: None,
        label: None,
        compilation: None,
        metadata_spans: vec![MetadataField {
            field: "title".into(),
            value: "x".into(),
            start: 1,
            end: 9999,
        }],
        metadata: BTreeMap::new(),
        paragraphs,
        removed: vec![Removal {
            kind: RemovalKind::ShareAppeal,
            start: 3,
            end: 2,
        }],
        sentences: sentences
            .into_iter()
            .map(|s| Sentence {
                start: s.start,
                end: s.end,
                checkworthy: None,
            })
            .collect(),
        claims: vec![Claim {
            id: "0/c1".into(),
            start: 0,
            end: 5,
            sentence: 99,
            checkworthy: 0.5,
            attribution: Attribution {
                chain: vec![AttributionSource {
                    name: String::new(),
                    kind: SourceKind::Anonymous,
                    start: 2,
                    end: 1,
                }],
                hedged: false,
                hedges: Vec::new(),
                quoted: false,
            },
            event: None,
            status: None,
        }],
        signals: Vec::new(),
        credibility: None,
    }
}

#[test]
fn no_panic_on_odd_text_and_offsets() {
    let detector = SignalDetector::new();
    let outlets = Outlets::new();
    let texts = [
        "",
        "\"",
        "“unclosed ‘quote\" ’ « » „ ' '' \"\" ",
        "ÉTAT ISLAMIQUE ÀÉÎ said 'x' — “ﬁ” said ä’s so-called “ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ” !!! ??? I I I we us US ME",
        "said said said, said \"a\", said the. According to. according to, quoted by",
        "Résidents said. Les « rebelles modérés » said. 😀 😀 😀 GAS! THE REGIME THUGS!!!\r\n\r\nReply\r\n3 Comments",
    ];
    for text in texts {
        let len = text.len();
        let spans = [
            Span::new(0, len),
            Span::new(1, len.saturating_sub(1)),
            Span::new(len, len + 10),
            Span::new(5, 2),
            Span::new(0, len / 2),
        ];
        for p in spans {
            for s in spans {
                let a = article(text, vec![p], vec![s]);
                let signals = detector.detect(text, &a);
                for sig in &signals {
                    for e in &sig.evidence {
                        assert!(
                            text.get(e.start..e.end).is_some(),
                            "{} {:?} in {text:?}",
                            sig.kind,
                            e
                        );
                    }
                }
                let outlet = outlets.resolve(a.outlet.as_deref(), a.url.as_deref());
                assert!(feature_vector(&signals, outlet)
                    .iter()
                    .all(|(_, v)| v.is_finite()));
            }
        }
    }
}

#[test]
fn no_panic_on_generated_text() {
    // A fixed-seed generator over the characters the detectors react to.
    let pool: Vec<&str> = vec![
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "\"",
        "“",
        "”",
        "‘",
        "’",
        "'",
        "«",
        "»",
        "(",
        ")",
        ",",
        ".",
        "!",
        "?",
        "-",
        "—",
        "·",
        "said",
        "told",
        "according to",
        "so-called",
        "the",
        "a",
        "source",
        "sources",
        "Petrenko",
        "SDF",
        "GAS",
        "LIES",
        "rats",
        "these",
        "dogs",
        "regime",
        "I",
        "we",
        "US",
        "could not be independently verified",
        "é",
        "ÀÉ",
        "😀",
        "Reply",
        "2 hours ago",
        "23 Comments",
        "EXCLUSIVE:",
        "al-Sham",
        "Assad’s",
        "calling",
        "word",
    ];
    let detector = SignalDetector::new();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..300 {
        let mut text = String::new();
        let n = (seed % 120) as usize;
        for _ in 0..n {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(pool[(seed % pool.len() as u64) as usize]);
        }
        let mid = text
            .char_indices()
            .map(|(i, _)| i)
            .nth(text.chars().count() / 2)
            .unwrap_or(0);
        let a = article(
            &text,
            vec![Span::new(0, mid), Span::new(mid, text.len())],
            vec![Span::new(0, mid), Span::new(mid, text.len())],
        );
        let signals = detector.detect(&text, &a);
        for sig in &signals {
            for e in &sig.evidence {
                assert!(
                    text.get(e.start..e.end).is_some(),
                    "{} {:?} in {text:?}",
                    sig.kind,
                    e
                );
            }
        }
    }
}
