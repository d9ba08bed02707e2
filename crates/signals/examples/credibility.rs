//! The credibility score as `analyze` shows it: pipeline, linking, consistency,
//! then `CredibilityModel::assess` with the shipped model, on the sample corpus
//! (`examples/corpus`, fiction) or any folder given; prints each article's score
//! and label with style alone (no linking) and with linking, and the top three
//! reasons with the first span of their evidence.
//!
//! `cargo run --release -p crosscheck-signals --example credibility -- [FOLDER]`

use std::time::Instant;

use crosscheck_core::Pipeline;
use crosscheck_ingest::{expand, IngestOptions, Reader};
use crosscheck_lexicon::{Actors, Gazetteer};
use crosscheck_link::{ConsistencyIndex, Lexicons, LinkInput, Linker};
use crosscheck_signals::credibility::CredibilityModel;
use crosscheck_signals::Outlets;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let folder = std::env::args()
        .nth(1)
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root.join("examples/corpus"));
    let model = CredibilityModel::from_bytes(&std::fs::read(root.join("models/credibility.bin"))?)?;

    let reader = Reader::new(IngestOptions::default());
    let pipeline = Pipeline::new();
    let mut analysed = Vec::new();
    for input in expand(&[folder]) {
        for doc in reader.read(&input?) {
            let doc = doc?;
            let name = doc.path.rsplit('/').next().unwrap_or_default().to_string();
            for article in pipeline.analyze(&doc) {
                analysed.push((name.clone(), doc.text.clone(), article));
            }
        }
    }
    let (places, actors) = (Gazetteer::new(), Actors::new());
    let lexicons = Lexicons {
        places: &places,
        actors: &actors,
    };
    let mut linker = Linker::default();
    for (_, text, article) in &analysed {
        linker.add(LinkInput { article, text }, &lexicons);
    }
    let result = linker.link();
    let index = ConsistencyIndex::new(&linker, &result);
    let outlets = Outlets::new();

    let started = Instant::now();
    let mut assessed = Vec::new();
    for (_, _, article) in &analysed {
        let outlet = outlets.resolve_article(article);
        let alone = model.assess(article, outlet, None);
        let linked = model.assess(article, outlet, Some(&index.article(article)));
        assessed.push((alone, linked));
    }
    let took = started.elapsed();
    for ((name, text, article), (alone, c)) in analysed.iter().zip(&assessed) {
        let title: String = article
            .title
            .as_deref()
            .unwrap_or("")
            .chars()
            .take(50)
            .collect();
        println!(
            "{name} \"{title}\": style {:.2} {:?}; linked {:.2} {:?}",
            alone.score, alone.label, c.score, c.label
        );
        for reason in c.signals.iter().take(3) {
            let quote = reason
                .evidence
                .first()
                .and_then(|e| text.get(e.start..e.end))
                .map(|s| format!(" \"{}\"", s.chars().take(50).collect::<String>()))
                .unwrap_or_default();
            println!(
                "    {:+.2} {} = {:.2} ({} spans){}",
                reason.weight,
                reason.kind,
                reason.value,
                reason.evidence.len(),
                quote
            );
        }
    }
    println!(
        "assess twice per article: {:.1} µs per article ({} articles)",
        took.as_secs_f64() * 1e6 / analysed.len().max(1) as f64,
        analysed.len()
    );
    Ok(())
}
