//! Prints the sentences of one article of the shared data, one per line with its end
//! offset, the way the gold file in `tests/gold/` was checked by hand:
//!
//! ```text
//! cargo run -p crosscheck-segment --example show_sentences -- fa-kes 1914947530
//! cargo run -p crosscheck-segment --example show_sentences -- horne2017 random/Real/1000.txt
//! ```

#[path = "../tests/common/mod.rs"]
mod common;

use crosscheck_schema::Span;
use crosscheck_segment::Segmenter;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dataset, key] = &args[..] else {
        eprintln!("usage: show_sentences fa-kes|horne2017 UNIT_ID|RELATIVE_PATH");
        std::process::exit(2);
    };
    let Some(text) = common::gold_text(dataset, key) else {
        eprintln!("no text for {dataset} {key} (is ../shared/data there?)");
        std::process::exit(1);
    };
    let spans = Segmenter::new().sentences(&text, Span::new(0, text.len()));
    for (n, s) in spans.iter().enumerate() {
        println!("{n:3} {:6} | {}", s.end, s.slice(&text).escape_debug());
    }
    let ends: Vec<String> = spans.iter().map(|s| s.end.to_string()).collect();
    println!("{dataset}\t{key}\t{}", ends.join(","));
}
