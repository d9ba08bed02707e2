//! Runs the real pipeline on the linking corpus (`examples/link/articles`), links the
//! articles and scores the result against `eval/gold/link.json`.
//!
//! ```text
//! cargo run --release -p crosscheck-link --example eval_link [-- CORPUS_DIR] [--verbose]
//! ```

use std::path::PathBuf;

use crosscheck_core::Pipeline;
use crosscheck_lexicon::{Actors, Gazetteer};
use crosscheck_link::{evaluate, EvalArticle, Lexicons, LinkGold, LinkInput, Linker};
use crosscheck_schema::{ArticleAnalysis, Document};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    // `--claims=13` prints what the pipeline found in the files starting with 13.
    let show: Vec<String> = args
        .iter()
        .filter_map(|a| a.strip_prefix("--claims=").map(str::to_string))
        .collect();
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/link"));
    let gold_path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../eval/gold/link.json");
    let gold_text = match std::fs::read_to_string(&gold_path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("skipped: cannot read {}: {e}", gold_path.display());
            return;
        }
    };
    let gold: LinkGold = match serde_json::from_str(&gold_text) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("bad gold file: {e}");
            std::process::exit(2);
        }
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("articles"))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();

    let pipeline = Pipeline::new();
    let places = Gazetteer::new();
    let actors = Actors::new();
    let lexicons = Lexicons {
        places: &places,
        actors: &actors,
    };
    let mut analysed: Vec<(String, String, ArticleAnalysis)> = Vec::new();
    for path in &files {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let doc = Document::from_text(name.clone(), text.clone());
        for article in pipeline.analyze(&doc) {
            analysed.push((name.clone(), text.clone(), article));
        }
    }
    for (name, text, a) in &analysed {
        if !show.iter().any(|p| name.starts_with(p.as_str())) {
            continue;
        }
        println!("{name}: outlet {:?} published {:?}", a.outlet, a.published);
        for c in &a.claims {
            let chain: Vec<String> = c
                .attribution
                .chain
                .iter()
                .map(|s| format!("{}({:?})", s.name, s.kind))
                .collect();
            println!(
                "  {} [{}] {:?}",
                c.id,
                chain.join(" > "),
                text.get(c.start..c.end).unwrap_or("")
            );
            if let Some(f) = &c.event {
                println!(
                    "     {:?} place={:?} date={:?} actor={:?} killed={:?} injured={:?} denied={}",
                    f.event_type,
                    f.place.as_ref().map(|p| (&p.name, &p.id)),
                    f.date.as_ref().map(|d| (d.value, d.last)),
                    f.actor.as_ref().map(|x| (&x.name, x.kind)),
                    f.killed.as_ref().map(|k| (k.min, k.max, k.category)),
                    f.injured.as_ref().map(|k| (k.min, k.max)),
                    f.denied
                );
            }
        }
    }
    let mut linker = Linker::default();
    for (_, text, a) in &analysed {
        linker.add(LinkInput { article: a, text }, &lexicons);
    }
    let result = linker.link();
    let articles: Vec<EvalArticle<'_>> = analysed
        .iter()
        .map(|(name, text, a)| EvalArticle {
            id: &a.id,
            file: name,
            text,
        })
        .collect();
    if verbose {
        let file_of = |id: &str| {
            analysed
                .iter()
                .find(|(_, _, a)| a.id == id)
                .map_or(id.to_string(), |(n, _, _)| n[..2].to_string())
        };
        for g in &result.groups {
            let names: Vec<String> = g.articles.iter().map(|a| file_of(a)).collect();
            println!("group {}", names.join(" "));
        }
        for e in &result.events {
            let names: Vec<String> = e.articles.iter().map(|a| file_of(a)).collect();
            println!(
                "event {} [{}] {} claims: {}",
                e.id,
                names.join(" "),
                e.claims.len(),
                e.description
            );
        }
        for c in &result.contradictions {
            let sides: Vec<String> = c
                .claims
                .iter()
                .map(|r| format!("{}:{}", file_of(&r.article), r.value))
                .collect();
            println!(
                "contradiction {} {}: {}",
                c.event,
                c.field.as_str(),
                sides.join(" | ")
            );
        }
        for c in &result.corroborations {
            println!(
                "corroboration {} {} {:?} sources={} claims={}",
                c.event,
                c.field.as_str(),
                c.value,
                c.independent_sources,
                c.claims.len()
            );
        }
    }
    let scores = evaluate(&gold, &result, &articles);
    println!("{scores}");
}
