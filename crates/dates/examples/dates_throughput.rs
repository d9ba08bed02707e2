//! Measures `find` over the FA-KES article bodies, sentence by sentence, as the
//! pipeline calls it. Run: `cargo run --release -p crosscheck-dates --example dates_throughput`.

use std::time::Instant;

use crosscheck_dates::{DateOrder, DateParser};

fn main() {
    let Some(dir) = crosscheck_datasets::dataset_dir("fa-kes") else {
        eprintln!("skipped: FA-KES is absent");
        return;
    };
    let Ok(bytes) = std::fs::read(dir.join("FA-KES-Dataset.csv")) else {
        eprintln!("cannot read FA-KES");
        return;
    };
    let text: String = bytes.iter().map(|&b| char::from(b)).collect();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let parser = DateParser::new();
    let mut articles = Vec::new();
    for record in reader.records().flatten() {
        let reference = record
            .get(4)
            .and_then(|d| parser.parse_date(d, DateOrder::MonthFirst));
        articles.push((record.get(2).unwrap_or("").to_string(), reference));
    }
    // Crude sentences: split after ". ".
    let mut sentences = Vec::new();
    for (a, (body, _)) in articles.iter().enumerate() {
        let mut start = 0;
        for (i, _) in body.match_indices(". ") {
            sentences.push((a, start, i + 1));
            start = i + 2;
        }
        sentences.push((a, start, body.len()));
    }
    let bytes: usize = articles.iter().map(|(b, _)| b.len()).sum();
    let rounds = 20;
    let t = Instant::now();
    let mut found = 0;
    for _ in 0..rounds {
        for &(a, s, e) in &sentences {
            let (body, reference) = &articles[a];
            found += parser.find(body, s, e, *reference).len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{} articles, {} sentences, {:.1} MB: {:.0} MB/s ({} dates per pass)",
        articles.len(),
        sentences.len(),
        bytes as f64 / 1e6,
        (bytes * rounds) as f64 / 1e6 / secs,
        found / rounds
    );
    // Sentences without a date word: the pre-filter path.
    let plain = "Government forces and their allies pressed on with the offensive against rebel-held districts, a monitor said. ";
    let text = plain.repeat(10_000);
    let t = Instant::now();
    let mut n = 0;
    for _ in 0..rounds {
        let mut start = 0;
        while start < text.len() {
            n += parser.find(&text, start, start + plain.len(), None).len();
            start += plain.len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "date-free sentences: {:.0} MB/s ({n} dates)",
        (text.len() * rounds) as f64 / 1e6 / secs
    );
}
