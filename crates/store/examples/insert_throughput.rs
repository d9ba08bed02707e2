//! How fast the store takes articles: synthetic ~3 KB articles of ~20 sentences
//! with claims, inserted in batches, into a fresh file.
//!
//! ```text
//! cargo run --release -p crosscheck-store --example insert_throughput -- [ARTICLES] [BATCH]
//! ```
//!
//! Prints articles/s and MB/s (of article text) for the first run, and for a
//! second run over the same input, which must add nothing.

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::Instant;

use common::Meta;
use crosscheck_schema::{
    Attribution, AttributionSource, Casualties, CasualtyCategory, Claim, EntityKind, EntityMention,
    EventFrame, EventType, InputFormat, PlaceMention, SourceKind, Span,
};
use crosscheck_store::{Store, StoredDocument};

const WORDS: &[&str] = &[
    "government",
    "forces",
    "rebels",
    "shelled",
    "district",
    "civilians",
    "killed",
    "wounded",
    "monitor",
    "said",
    "airstrikes",
    "hit",
    "market",
    "hospital",
    "village",
    "province",
    "army",
    "militants",
    "ceasefire",
    "talks",
    "convoy",
    "aid",
    "reached",
    "besieged",
    "town",
    "residents",
    "fled",
    "fighting",
    "near",
    "border",
    "ministry",
    "statement",
    "denied",
    "responsibility",
    "activists",
    "reported",
    "explosion",
    "checkpoint",
    "soldiers",
    "commander",
    "offensive",
    "northern",
    "southern",
    "eastern",
    "western",
    "countryside",
    "opposition",
    "coalition",
    "drones",
    "artillery",
    "mortar",
    "rockets",
    "positions",
    "retreated",
    "advanced",
    "captured",
    "hills",
    "road",
    "supply",
    "routes",
    "shortages",
    "bread",
    "fuel",
    "water",
    "electricity",
    "children",
    "women",
    "medics",
    "journalists",
    "observers",
    "united",
    "nations",
    "envoy",
    "negotiations",
    "Geneva",
    "Astana",
    "Aleppo",
    "Idlib",
    "Homs",
    "Douma",
    "Raqqa",
    "Deir",
    "Hama",
    "Daraa",
    "Latakia",
    "Palmyra",
    "Manbij",
    "Afrin",
    "Kobani",
    "Qamishli",
    "Tuesday",
    "Wednesday",
    "morning",
    "night",
    "week",
    "according",
    "sources",
    "official",
    "agency",
    "television",
    "footage",
    "showed",
    "rubble",
    "buildings",
    "collapsed",
    "rescue",
    "workers",
];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let articles: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(20_000);
    let batch_size: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(500);

    let started = Instant::now();
    let docs: Vec<StoredDocument> = (0..articles).map(synthetic).collect();
    let text_bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let sentences: usize = docs.iter().map(|d| d.articles[0].sentences.len()).sum();
    let (json_bytes, packed_bytes) = docs
        .iter()
        .filter_map(|d| serde_json::to_vec(&d.articles[0]).ok())
        .map(|j| (j.len(), zstd::bulk::compress(&j, 1).map_or(0, |p| p.len())))
        .fold((0, 0), |(a, b), (j, p)| (a + j, b + p));
    eprintln!(
        "generated {articles} articles in {:.1}s: {:.0} bytes of text, {:.1} sentences, \
         {:.0} bytes of analysis JSON ({:.0} compressed) each",
        started.elapsed().as_secs_f64(),
        text_bytes as f64 / articles as f64,
        sentences as f64 / articles as f64,
        json_bytes as f64 / articles as f64,
        packed_bytes as f64 / articles as f64,
    );

    let dir = tempfile::tempdir().expect("temporary directory");
    let path = match args.get(3) {
        Some(p) => std::path::PathBuf::from(p),
        None => dir.path().join("crosscheck.db"),
    };
    let mut store = Store::open(&path).expect("open store");
    for (run, expect_new) in [("first run", articles as u64), ("re-run", 0)] {
        let started = Instant::now();
        let cpu_before = thread_cpu_seconds();
        let mut new = 0;
        for batch in docs.chunks(batch_size) {
            new += store.insert_batch(batch).expect("insert").new_articles;
        }
        let secs = started.elapsed().as_secs_f64();
        let cpu = thread_cpu_seconds()
            .zip(cpu_before)
            .map(|(after, before)| after - before);
        assert_eq!(new, expect_new, "{run}");
        print!(
            "{run}: {articles} articles in batches of {batch_size}: {secs:.2}s wall, {:.0} articles/s, {:.1} MB/s of text",
            articles as f64 / secs,
            text_bytes as f64 / secs / 1e6,
        );
        match cpu {
            // On a shared machine the wall clock also measures other people's
            // disk traffic; the thread's CPU time is what one core costs.
            Some(cpu) if cpu > 0.0 => println!(
                "; {cpu:.2}s on the CPU: {:.0} articles/s, {:.1} MB/s per core",
                articles as f64 / cpu,
                text_bytes as f64 / cpu / 1e6
            ),
            _ => println!(),
        }
    }
    let started = Instant::now();
    let mut read = 0;
    store
        .for_each_article(|_| {
            read += 1;
            Ok(())
        })
        .expect("read back");
    println!(
        "read back {read} analyses in {:.2}s",
        started.elapsed().as_secs_f64()
    );
    let started = Instant::now();
    let hits = store.search("airstrikes hospital", 20).expect("search");
    println!(
        "search \"airstrikes hospital\": {} hits in {:.1} ms",
        hits.len(),
        started.elapsed().as_secs_f64() * 1e3
    );
    drop(store);
    let size: u64 = ["", "-wal"]
        .iter()
        .filter_map(|suffix| std::fs::metadata(format!("{}{suffix}", path.display())).ok())
        .map(|m| m.len())
        .sum();
    println!(
        "database: {:.1} MB ({:.2}x the text)",
        size as f64 / 1e6,
        size as f64 / text_bytes as f64
    );
}

/// CPU time of the calling thread (Linux: first field of schedstat, in ns).
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// A deterministic pseudo-random article with a title line, ~20 sentences and a
/// claim (attribution, event frame, casualties) for every fourth sentence.
fn synthetic(n: usize) -> StoredDocument {
    let mut rng = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut next = move |bound: usize| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        (rng % bound as u64) as usize
    };
    let title = format!(
        "Report {n}: {} {} {} {}",
        WORDS[next(WORDS.len())],
        WORDS[next(WORDS.len())],
        WORDS[next(WORDS.len())],
        WORDS[next(WORDS.len())]
    );
    let mut text = format!("{title}\n");
    while text.len() < 3000 {
        let words = 12 + next(10);
        for w in 0..words {
            let word = WORDS[next(WORDS.len())];
            if w == 0 {
                let mut c = word.chars();
                if let Some(first) = c.next() {
                    text.extend(first.to_uppercase());
                    text.push_str(c.as_str());
                }
            } else {
                text.push(' ');
                text.push_str(word);
            }
        }
        text.push_str(". ");
    }
    let path = format!("synthetic/{n}.txt");
    let meta = Meta {
        title: Some(&title),
        outlet: Some(["Reuters", "SANA", "Al Jazeera", "RT", "AFP"][n % 5]),
        published: Some(["2016-04-11", "2016-10-12", "2017-02-28"][n % 3]),
        label: Some(["credible", "fake"][n % 2]),
        credibility: Some((n % 100) as f32 / 100.0),
        ..Meta::default()
    };
    let mut a = common::analysis(
        &path,
        &text,
        Span::new(0, text.len()),
        InputFormat::Text,
        &meta,
    );
    a.claims = a
        .sentences
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 4 == 1)
        .map(|(i, s)| claim(&a.id, i, s.start, s.end))
        .collect();
    StoredDocument::new(path, None, text, vec![a])
}

fn claim(article: &str, sentence: usize, start: usize, end: usize) -> Claim {
    let at = |k: usize| (start + k).min(end);
    Claim {
        id: format!("{article}/c{sentence}"),
        start,
        end,
        sentence,
        checkworthy: 0.72,
        attribution: Attribution {
            chain: vec![AttributionSource {
                name: "Syrian Observatory for Human Rights".to_string(),
                kind: SourceKind::Monitor,
                start: at(0),
                end: at(10),
            }],
            hedged: false,
            hedges: Vec::new(),
            quoted: false,
        },
        event: Some(EventFrame {
            event_type: EventType::Airstrike,
            trigger: Span::new(at(11), at(20)),
            actor: Some(EntityMention {
                name: "Syrian Arab Army".to_string(),
                kind: EntityKind::StateForce,
                text: "government forces".to_string(),
                start: at(21),
                end: at(38),
            }),
            target: None,
            place: Some(PlaceMention {
                id: Some("sy/aleppo/aleppo-city".to_string()),
                name: "Aleppo".to_string(),
                within: vec!["Syria".to_string(), "Aleppo Governorate".to_string()],
                text: "Aleppo".to_string(),
                start: at(40),
                end: at(46),
            }),
            date: None,
            killed: Some(Casualties {
                min: 12,
                max: None,
                category: CasualtyCategory::Civilians,
                expression: "at least 12 civilians".to_string(),
                update: false,
                part: false,
                cumulative: false,
                start: at(50),
                end: at(71),
            }),
            injured: None,
            denied: false,
        }),
        status: None,
    }
}
