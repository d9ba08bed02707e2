//! Prints the spans the model finds in the text given on standard input.
//!
//! ```text
//! echo "The corrupt elites want to destroy our nation." | \
//!     cargo run -p crosscheck-propaganda --release --example propaganda_demo -- models/propaganda.bin
//! ```

use std::io::Read;
use std::process::ExitCode;

use crosscheck_propaganda::Propaganda;
use crosscheck_schema::Span;
use crosscheck_segment::Segmenter;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: propaganda_demo <model> < text");
        return ExitCode::from(2);
    };
    let model = match std::fs::read(&path)
        .map_err(|e| e.to_string())
        .and_then(|b| Propaganda::from_bytes(&b).map_err(|e| e.to_string()))
    {
        Ok(m) => m,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut text = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut text) {
        eprintln!("stdin: {e}");
        return ExitCode::FAILURE;
    }
    let sentences = Segmenter::new().sentences(&text, Span::new(0, text.len()));
    for s in model.detect(&text, &sentences) {
        println!(
            "{:>5}..{:<5} {:.2} {:<34} {:.2} {:?}",
            s.start,
            s.end,
            s.score,
            s.technique.name(),
            s.technique_score,
            &text[s.start..s.end]
        );
    }
    ExitCode::SUCCESS
}
