//! The credibility score as `analyze` will show it: pipeline, linking, consistency,
//! then `CredibilityModel::assess` with the shipped model, on the linking corpus
//! (`examples/link/articles`, fiction) or any folder given; prints each article's
//! score, label and top three reasons, and times `assess`.
//!
//! `cargo run --release -p crosscheck-signals --example credibility -- [FOLDER]`

use std::time::Instant;

use crosscheck_core::Pipeline;
use crosscheck_lexicon::{Actors, Gazetteer};
use crosscheck_link::{ConsistencyIndex, Lexicons, LinkInput, Linker};
use crosscheck_schema::Document;
use crosscheck_signals::credibility::CredibilityModel;
use crosscheck_signals::Outlets;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let folder = std::env::args()
        .nth(1)
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root.join("examples/link/articles"));
    let started = Instant::now();
    let model = CredibilityModel::from_bytes(&std::fs::read(root.join("models/credibility.bin"))?)?;
    let load = started.elapsed();

    let mut files: Vec<_> = std::fs::read_dir(&folder)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let pipeline = Pipeline::new();
    let mut analysed = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path)?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        for article in pipeline.analyze(&Document::from_text(name.clone(), text.clone())) {
            analysed.push((name.clone(), text.clone(), article));
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
        let consistency = index.article(article);
        let outlet = outlets.resolve_article(article);
        assessed.push(model.assess(article, outlet, Some(&consistency)));
    }
    let took = started.elapsed();
    for ((name, text, _), c) in analysed.iter().zip(&assessed) {
        println!("{name}: {:.2} {:?}", c.score, c.label);
        for reason in c.signals.iter().take(3) {
            let quote = reason
                .evidence
                .first()
                .and_then(|e| text.get(e.start..e.end))
                .map(|s| format!(" \"{}\"", s.chars().take(60).collect::<String>()))
                .unwrap_or_default();
            println!(
                "    {:+.2} {} = {}{}",
                reason.weight, reason.kind, reason.value, quote
            );
        }
    }
    println!(
        "model loaded in {:.1} µs; consistency + outlet + assess: {:.1} µs per article ({} articles)",
        load.as_secs_f64() * 1e6,
        took.as_secs_f64() * 1e6 / analysed.len().max(1) as f64,
        analysed.len()
    );
    Ok(())
}
