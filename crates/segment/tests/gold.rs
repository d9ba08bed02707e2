//! Boundary precision and recall against the hand-checked gold sample in
//! `tests/gold/sentences.tsv` (see `tests/gold/README.md`).

mod common;

use std::collections::{BTreeSet, HashMap};

use crosscheck_schema::Span;
use crosscheck_segment::Segmenter;

const GOLD: &str = include_str!("gold/sentences.tsv");

#[derive(Default)]
struct Counts {
    found: usize,
    missed: usize,
    spurious: usize,
}

impl Counts {
    fn add(&mut self, other: &Counts) {
        self.found += other.found;
        self.missed += other.missed;
        self.spurious += other.spurious;
    }

    fn precision(&self) -> f64 {
        self.found as f64 / (self.found + self.spurious).max(1) as f64
    }

    fn recall(&self) -> f64 {
        self.found as f64 / (self.found + self.missed).max(1) as f64
    }

    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn context(text: &str, at: usize) -> String {
    let mut a = at.saturating_sub(40);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut z = (at + 30).min(text.len());
    while !text.is_char_boundary(z) {
        z += 1;
    }
    format!("{:?} | {:?}", &text[a..at], &text[at..z])
}

#[test]
fn sentence_boundaries_match_the_hand_checked_gold_sample() {
    let seg = Segmenter::new();
    // Per dataset and per phase (`dev`: rules were refined while these were checked;
    // `heldout`: checked with the rules frozen).
    let mut per_group: Vec<(String, Counts)> = Vec::new();
    let mut total = Counts::default();
    let mut rows = 0;
    let fakes: Option<HashMap<String, String>> =
        common::fakes_articles().map(|rows| rows.into_iter().collect());
    for line in GOLD.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let mut fields = line.split('\t');
        let (Some(dataset), Some(key), Some(ends), Some(phase)) =
            (fields.next(), fields.next(), fields.next(), fields.next())
        else {
            panic!("malformed gold line {line:?}");
        };
        let text = match dataset {
            "fa-kes" => fakes.as_ref().and_then(|rows| rows.get(key).cloned()),
            _ => common::gold_text(dataset, key),
        };
        let Some(text) = text else {
            eprintln!("skipped: {dataset} {key} is absent");
            continue;
        };
        rows += 1;
        let gold: BTreeSet<usize> = ends
            .split(',')
            .map(|e| e.parse().expect("offset"))
            .collect();
        assert!(
            gold.iter()
                .all(|&e| text.is_char_boundary(e) && e <= text.len()),
            "{key}: offsets off the text"
        );
        let found: BTreeSet<usize> = seg
            .sentences(&text, Span::new(0, text.len()))
            .iter()
            .map(|s| s.end)
            .collect();
        let counts = Counts {
            found: gold.intersection(&found).count(),
            missed: gold.difference(&found).count(),
            spurious: found.difference(&gold).count(),
        };
        for &e in gold.difference(&found) {
            eprintln!("missed   {dataset} {key} @{e}: {}", context(&text, e));
        }
        for &e in found.difference(&gold) {
            eprintln!("spurious {dataset} {key} @{e}: {}", context(&text, e));
        }
        for group in [dataset, phase] {
            let i = match per_group.iter().position(|(g, _)| g == group) {
                Some(i) => i,
                None => {
                    per_group.push((group.to_string(), Counts::default()));
                    per_group.len() - 1
                }
            };
            per_group[i].1.add(&counts);
        }
        total.add(&counts);
    }
    if rows == 0 {
        eprintln!("skipped: the shared data is absent");
        return;
    }
    for (group, c) in &per_group {
        eprintln!(
            "{group}: {} boundaries, precision {:.3} recall {:.3} F1 {:.3}",
            c.found + c.missed,
            c.precision(),
            c.recall(),
            c.f1()
        );
    }
    eprintln!(
        "all {rows} articles: {} boundaries, precision {:.3} recall {:.3} F1 {:.3}",
        total.found + total.missed,
        total.precision(),
        total.recall(),
        total.f1()
    );
    assert!(
        total.f1() >= 0.97,
        "boundary F1 {:.3} fell below 0.97",
        total.f1()
    );
    assert!(
        total.precision() >= 0.98,
        "boundary precision {:.3} fell below 0.98",
        total.precision()
    );
}
