//! Cross-validated figures of the check-worthiness model, as recorded in
//! `docs/eval/checkworthy.md`, and the speed of the shipped model.
//!
//! ```text
//! cargo run -p crosscheck-extract --release --example eval_checkworthy -- ../shared/data [K]
//! cargo run -p crosscheck-extract --release --example eval_checkworthy -- --bench models/checkworthy.bin ../shared/data
//! cargo run -p crosscheck-extract --release --example eval_checkworthy -- --score models/checkworthy.bin < sentences.txt
//! ```
//!
//! The first form runs grouped K-fold cross-validation (default 5) with the shipped
//! training configuration on ClaimBuster, on CLEF-2019 (training file) and on both
//! together. The second times loading and scoring the shipped model. The third
//! prints the score of each line of standard input.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use crosscheck_datasets::{load_claimbuster, load_clef2019, CheckworthyExample, CheckworthySource};
use crosscheck_extract::checkworthy::{
    cross_validate_scores, metrics_from_scores, CheckworthyModel, TrainConfig,
};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [flag, model, data] if flag == "--bench" => bench(Path::new(model), Path::new(data)),
        [flag, model] if flag == "--score" => score_stdin(Path::new(model)),
        [data] => cv(Path::new(data), 5),
        [data, k] => match k.parse() {
            Ok(k) => cv(Path::new(data), k),
            Err(_) => Err(format!("K must be a number, got {k:?}")),
        },
        _ => Err(
            "usage: eval_checkworthy <shared data dir> [K] | --bench <model> <shared data dir> \
                  | --score <model> < sentences"
                .into(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn load(data: &Path) -> Result<(Vec<CheckworthyExample>, Vec<CheckworthyExample>), String> {
    let cb = load_claimbuster(&data.join("claimbuster")).map_err(|e| e.to_string())?;
    let clef = load_clef2019(&data.join("clef2019-checkthat-task1")).map_err(|e| e.to_string())?;
    Ok((cb, clef))
}

fn cv(data: &Path, k: usize) -> Result<(), String> {
    let (cb, clef) = load(data)?;
    let config = TrainConfig::default();
    for (name, examples) in [
        ("ClaimBuster (2.5xNCS + 2020 debates)", &cb),
        ("CLEF-2019 Task 1 training file", &clef),
    ] {
        let started = Instant::now();
        let scored = cross_validate_scores(examples, &config, k);
        println!("== {name}  [{:.0} s]", started.elapsed().as_secs_f64());
        print!("{}", metrics_from_scores(examples, &scored, Some(k)));
    }
    let mut both = cb.clone();
    both.extend(clef.iter().cloned());
    let started = Instant::now();
    let scored = cross_validate_scores(&both, &config, k);
    println!("== Combined  [{:.0} s]", started.elapsed().as_secs_f64());
    print!("{}", metrics_from_scores(&both, &scored, Some(k)));
    for source in [CheckworthySource::ClaimBuster, CheckworthySource::Clef2019] {
        let (ex, sc): (Vec<_>, Vec<_>) = both
            .iter()
            .zip(&scored)
            .filter(|(e, _)| e.source == source)
            .map(|(e, s)| (e.clone(), *s))
            .unzip();
        println!("-- combined model, {} rows only", source.name());
        print!("{}", metrics_from_scores(&ex, &sc, Some(k)));
    }
    Ok(())
}

fn bench(model_path: &Path, data: &Path) -> Result<(), String> {
    let bytes = std::fs::read(model_path).map_err(|e| format!("{}: {e}", model_path.display()))?;
    let started = Instant::now();
    let runs = 20;
    for _ in 0..runs {
        CheckworthyModel::from_bytes(&bytes).map_err(|e| e.to_string())?;
    }
    let load_secs = started.elapsed().as_secs_f64() / runs as f64;
    let model = CheckworthyModel::from_bytes(&bytes).map_err(|e| e.to_string())?;
    let (cb, clef) = load(data)?;
    let sentences: Vec<&str> = cb.iter().chain(&clef).map(|e| e.text.as_str()).collect();
    let bytes_per_pass: usize = sentences.iter().map(|s| s.len()).sum();
    let passes = 10;
    let started = Instant::now();
    let mut sum = 0f64;
    for _ in 0..passes {
        for s in &sentences {
            sum += f64::from(model.score(s));
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "model {}: {} bytes, load {:.2} ms",
        model_path.display(),
        bytes.len(),
        load_secs * 1e3
    );
    println!(
        "scored {} sentences x {passes} ({:.1} MB of text) in {:.2} s on one thread: {:.1} MB/s, {:.0} sentences/s (checksum {:.1})",
        sentences.len(),
        (bytes_per_pass * passes) as f64 / 1e6,
        secs,
        (bytes_per_pass * passes) as f64 / 1e6 / secs,
        (sentences.len() * passes) as f64 / secs,
        sum
    );
    Ok(())
}

fn score_stdin(model_path: &Path) -> Result<(), String> {
    let bytes = std::fs::read(model_path).map_err(|e| format!("{}: {e}", model_path.display()))?;
    let model = CheckworthyModel::from_bytes(&bytes).map_err(|e| e.to_string())?;
    for line in std::io::stdin().lines() {
        let line = line.map_err(|e| e.to_string())?;
        let s = model.score(&line);
        let mark = if s >= model.threshold() { "*" } else { " " };
        println!("{s:.3}{mark} {line}");
    }
    Ok(())
}
