//! Prints the signals of every article in the given files or folders, with the
//! words behind each one.
//!
//!     cargo run -p crosscheck-signals --example signals -- examples/corpus
//!     cargo run -p crosscheck-signals --example signals -- --preset fakes ../shared/data/fa-kes

use crosscheck_core::Pipeline;
use crosscheck_ingest::{expand, IngestOptions, Preset, Reader};
use crosscheck_signals::{Outlets, SignalDetector};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut options = IngestOptions::default();
    if let Some(i) = args.iter().position(|a| a == "--preset") {
        let preset: Preset = args
            .get(i + 1)
            .and_then(|p| p.parse().ok())
            .expect("--preset fakes|horne");
        options = IngestOptions::with_preset(preset);
        args.drain(i..i + 2);
    }
    let reader = Reader::new(options);
    let pipeline = Pipeline::new();
    let detector = SignalDetector::new();
    let outlets = Outlets::new();
    let paths: Vec<std::path::PathBuf> = args.iter().map(Into::into).collect();
    for input in expand(&paths).flatten() {
        for doc in reader.read(&input).flatten() {
            // Signals read the readable text; offsets of an HTML page are mapped back later.
            let text = doc.readable_text().to_string();
            let mut plain = crosscheck_schema::Document::from_text(doc.path.clone(), text.clone());
            plain.fields = doc.fields.clone();
            for article in pipeline.analyze(&plain) {
                let outlet = outlets.resolve(article.outlet.as_deref(), article.url.as_deref());
                println!(
                    "== {} {:?} | outlet {:?} -> {}",
                    article.source.path,
                    article.title.as_deref().unwrap_or(""),
                    article.outlet.as_deref().unwrap_or("-"),
                    outlet.map_or("unknown".to_string(), |o| format!(
                        "{} ({})",
                        o.domain, o.category
                    ))
                );
                for s in detector.detect(&text, &article) {
                    let ev: Vec<String> = s
                        .evidence
                        .iter()
                        .take(8)
                        .map(|e| {
                            let t: String = text
                                .get(e.start..e.end)
                                .unwrap_or("?")
                                .chars()
                                .take(60)
                                .collect();
                            match &e.label {
                                Some(l) => format!("{t:?}[{l}]"),
                                None => format!("{t:?}"),
                            }
                        })
                        .collect();
                    println!("  {:<22} {:>6.2}  {}", s.kind, s.value, ev.join(" "));
                }
            }
        }
    }
}
