//! Times linking alone on a real corpus: `Linker::add` over every article,
//! `Linker::link`, and the consistency features of every article, as
//! `crosscheck analyze` runs them, without the analysis around them.
//!
//! ```text
//! crosscheck analyze CORPUS --no-store --format jsonl -j1 --quiet > analyses.jsonl
//! cargo run --release -p crosscheck-cli --example link_replay -- CORPUS analyses.jsonl [ROUNDS]
//! ```
//!
//! (`-` reads the analyses from standard input.)
//!
//! The articles are read back from the JSON Lines output of `analyze` (the
//! analyses, in input order) and their texts from the corpus itself. Each round
//! links everything from an empty linker and prints the thread's CPU seconds of
//! each step and a fingerprint of the result (every event, contradiction,
//! corroboration, status and consistency feature) and of the saved state
//! (`Linker::to_state`), so that a change to linking can be timed and checked to
//! leave the result and the state as they were.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::Hasher;
use std::io::BufRead;
use std::path::PathBuf;

use crosscheck_core::{Pipeline, PipelineOptions};
use crosscheck_ingest::{expand, IngestOptions, Reader};
use crosscheck_link::{ConsistencyIndex, Lexicons, LinkConfig, LinkInput, Linker};
use crosscheck_schema::ArticleAnalysis;

/// CPU seconds of the calling thread (user and system), from `/proc`.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    // The fields after the command name (which ends with the last ')').
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |k: usize| fields.get(k).and_then(|v| v.parse::<f64>().ok());
    // utime and stime are fields 14 and 15 of stat(5), 12 and 13 after the name.
    let total = ticks(11).unwrap_or(0.0) + ticks(12).unwrap_or(0.0);
    total / 100.0
}

/// Feeds `Debug` output into a hasher without building the string.
struct HashWriter(DefaultHasher);

impl std::fmt::Write for HashWriter {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.write(s.as_bytes());
        Ok(())
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [corpus, analyses, rest @ ..] = &args[..] else {
        return Err("usage: link_replay CORPUS ANALYSES.jsonl [ROUNDS]".into());
    };
    let rounds: usize = rest.first().map_or(Ok(3), |r| r.parse())?;

    let pipeline = Pipeline::with_options(PipelineOptions {
        claims: true,
        signals: false,
    });
    let lexicons = Lexicons {
        places: pipeline.extractor().places(),
        actors: pipeline.extractor().actors(),
    };

    let reader = Reader::new(IngestOptions::default());
    let mut texts: HashMap<(String, Option<u64>), String> = HashMap::new();
    for input in expand(&[PathBuf::from(corpus)]) {
        for doc in reader.read(&input?) {
            let doc = doc?;
            texts.insert((doc.path, doc.record), doc.text);
        }
    }
    let mut articles: Vec<ArticleAnalysis> = Vec::new();
    let file: Box<dyn std::io::Read> = match analyses.as_str() {
        "-" => Box::new(std::io::stdin()),
        path => Box::new(std::fs::File::open(path)?),
    };
    for line in std::io::BufReader::new(file).lines() {
        let line = line?;
        // The last line of the output is the run's summary, not an article.
        if let Ok(article) = serde_json::from_str::<ArticleAnalysis>(&line) {
            articles.push(article);
        }
    }
    let claims: usize = articles.iter().map(|a| a.claims.len()).sum();
    eprintln!(
        "{} articles, {claims} claims, {} texts",
        articles.len(),
        texts.len()
    );

    for round in 0..rounds {
        let t0 = cpu_seconds();
        let mut linker = Linker::new(LinkConfig::default());
        for article in &articles {
            let key = (article.source.path.clone(), article.source.record);
            let text = texts
                .get(&key)
                .ok_or("an article's text is not in the corpus")?;
            linker.add(LinkInput { article, text }, &lexicons);
        }
        let t1 = cpu_seconds();
        let result = linker.link();
        let t2 = cpu_seconds();
        let index = ConsistencyIndex::new(&linker, &result);
        let mut fingerprint = HashWriter(DefaultHasher::new());
        for article in &articles {
            let features = index.article_by_id(&article.id).features();
            std::fmt::write(&mut fingerprint, format_args!("{features:?}"))?;
        }
        let t3 = cpu_seconds();
        std::fmt::write(&mut fingerprint, format_args!("{result:?}"))?;
        let mut state = DefaultHasher::new();
        state.write(&linker.to_state());
        println!(
            "round {round}: add {:.2} s, link {:.2} s, consistency {:.2} s, total {:.2} s; \
             {} events, {} contradictions; fingerprint {:016x}, state {:016x}",
            t1 - t0,
            t2 - t1,
            t3 - t2,
            t3 - t0,
            result.events.len(),
            result.contradictions.len(),
            fingerprint.0.finish(),
            state.finish()
        );
    }
    Ok(())
}
