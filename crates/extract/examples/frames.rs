//! Prints the event frame and attribution the extractor finds in each sentence given on
//! the command line, every sentence forced to be a claim (as `eval events` does), for
//! trying a rule on real sentences without a gold file.
//!
//! ```text
//! cargo run -p crosscheck-extract --release --example frames -- [--published YYYY-MM-DD] SENTENCE...
//! ```
//!
//! Each sentence is its own one-sentence article; the output is one JSON object per
//! sentence: `{"text", "event", "attribution"}`.

use std::process::ExitCode;

use chrono::NaiveDate;
use crosscheck_extract::{ArticleContext, Extractor};
use crosscheck_schema::Span;
use crosscheck_segment::Segmenter;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut published = None;
    if args.first().map(String::as_str) == Some("--published") {
        if args.len() < 2 {
            eprintln!("--published needs a date");
            return ExitCode::FAILURE;
        }
        match NaiveDate::parse_from_str(&args[1], "%Y-%m-%d") {
            Ok(d) => published = Some(d),
            Err(e) => {
                eprintln!("--published {}: {e}", args[1]);
                return ExitCode::FAILURE;
            }
        }
        args.drain(..2);
    }
    let extractor = Extractor::new();
    let segmenter = Segmenter::new();
    for text in &args {
        let sentences = segmenter.sentences(text, Span::new(0, text.len()));
        let ctx = ArticleContext {
            text,
            sentences: &sentences,
            published,
            title: None,
            outlet: None,
        };
        let everything = vec![1.0f32; sentences.len()];
        for claim in extractor.claims(&ctx, Some(&everything)) {
            let out = serde_json::json!({
                "text": &text[claim.start..claim.end],
                "event": claim.event,
                "attribution": claim.attribution,
            });
            println!("{out}");
        }
    }
    ExitCode::SUCCESS
}
