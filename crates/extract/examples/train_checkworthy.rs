//! Trains the shipped check-worthiness model and writes it to a file.
//!
//! ```text
//! cargo run -p crosscheck-extract --release --example train_checkworthy -- ../shared/data models/checkworthy.bin
//! ```
//!
//! The first argument is the shared data folder (holding `claimbuster/` and
//! `clef2019-checkthat-task1/`). Training is deterministic: running this twice
//! writes identical bytes.

use std::path::PathBuf;
use std::process::ExitCode;

use crosscheck_extract::checkworthy::train_from_dirs;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [data, out] = args.as_slice() else {
        eprintln!("usage: train_checkworthy <shared data dir> <output model file>");
        return ExitCode::from(2);
    };
    let data = PathBuf::from(data);
    let started = std::time::Instant::now();
    let model = match train_from_dirs(
        &data.join("claimbuster"),
        &data.join("clef2019-checkthat-task1"),
    ) {
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
    for (k, v) in model.metadata() {
        println!("{k}: {v}");
    }
    println!(
        "wrote {out}: {} bytes in {:.1} s",
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    ExitCode::SUCCESS
}
