//! Prints what crosscheck-html reads from one page: metadata, then the view.
//!
//! `cargo run -p crosscheck-html --example dump -- page.html [--blocks]`

use crosscheck_html::{HtmlReader, Strategy};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: dump PAGE.html [--blocks|--all]");
        std::process::exit(2);
    };
    let strategy = match args.next().as_deref() {
        Some("--blocks") => Strategy::Blocks,
        Some("--all") => Strategy::AllText,
        _ => Strategy::Auto,
    };
    let html = match std::fs::read(&path) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let page = HtmlReader::new().with_strategy(strategy).read(&html);
    println!("{:#?}\n{:?}\n----", page.fields, page.extraction);
    println!("{}", page.view);
}
