//! Trains the shipped propaganda model and writes it to a file.
//!
//! ```text
//! cargo run -p crosscheck-propaganda --release --example train_propaganda -- ../shared/data models/propaganda.bin
//! ```
//!
//! Reads `semeval2020-task11-ptc/` (train articles, TC labels) and `nlp4if2019-ptc/`
//! from the shared data folder, keeps one copy of each text, and trains with the
//! default configuration. Deterministic: running it twice writes identical bytes.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use crosscheck_propaganda::{read_training_corpus, train, Propaganda, TrainConfig};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [data, out] = args.as_slice() else {
        eprintln!("usage: train_propaganda <shared data dir> <output model file>");
        return ExitCode::from(2);
    };
    let started = Instant::now();
    let corpus = match read_training_corpus(Path::new(data)) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "corpus: {} articles ({} duplicate NLP4IF articles dropped)",
        corpus.articles.len(),
        corpus.duplicates_dropped
    );
    let model = match train(&corpus.articles, &TrainConfig::default()) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let bytes = model.to_bytes();
    if let Err(e) = std::fs::write(out, &bytes) {
        eprintln!("error: {out}: {e}");
        return ExitCode::FAILURE;
    }
    let d = model.decoder();
    println!(
        "decoder: threshold {} extend {} gap {} gate {}",
        d.threshold, d.extend, d.gap, d.gate
    );
    for (k, v) in model.metadata() {
        println!("{k}: {v}");
    }
    let load = Instant::now();
    let reloaded = Propaganda::from_bytes(&bytes);
    println!(
        "wrote {out}: {} bytes in {:.1} s (reload {:.1} ms, {})",
        bytes.len(),
        started.elapsed().as_secs_f64(),
        load.elapsed().as_secs_f64() * 1e3,
        if reloaded.is_ok() { "ok" } else { "FAILED" }
    );
    ExitCode::SUCCESS
}
