//! Prints what the cleaner makes of a text file: title, fields, kept paragraphs and
//! removals, each with its kind.
//!
//! `cargo run -p crosscheck-clean --example show -- FILE [--title TITLE] [--latin1]`

use crosscheck_clean::{CleanOptions, Cleaner};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: show FILE [--title TITLE] [--latin1]");
        std::process::exit(2);
    };
    let bytes = std::fs::read(path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    let text = if args.iter().any(|a| a == "--latin1") {
        bytes.iter().map(|&b| b as char).collect()
    } else {
        String::from_utf8_lossy(&bytes).into_owned()
    };
    let title = args
        .iter()
        .position(|a| a == "--title")
        .and_then(|i| args.get(i + 1))
        .map(String::as_str);
    let cleaner = Cleaner::new();
    let opts = CleanOptions { known_title: title };
    for a in cleaner.clean(&text, &opts) {
        println!("=== article {:?} region {:?}", a.compilation, a.region);
        println!("title: {:?}", a.title);
        for f in &a.fields {
            println!("field {}: {:?}", f.field, f.value);
        }
        let mut items: Vec<(usize, usize, String)> = a
            .paragraphs
            .iter()
            .map(|p| (p.start, p.end, "KEEP".to_string()))
            .chain(
                a.removed
                    .iter()
                    .map(|r| (r.start, r.end, r.kind.as_str().to_uppercase())),
            )
            .collect();
        items.sort();
        for (s, e, what) in items {
            let t: String = text[s..e].chars().take(150).collect();
            println!("[{what}] {}", t.replace(['\r', '\n'], " / "));
        }
    }
}
