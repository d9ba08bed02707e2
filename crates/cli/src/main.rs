//! `crosscheck`: reads piles of partisan conflict news and says what each article
//! claims, which reports agree or contradict each other, and how credible each is.
//!
//! This binary is a thin shell: flags, progress, output formats and the store.
//! The analysis itself lives in `crosscheck-core` and the crates it wires.

mod args;
mod commands;
mod exit;
mod output;
mod progress;

use clap::Parser;

fn main() {
    let args = args::Cli::parse();
    let code = match commands::run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("crosscheck: error: {e:#}");
            exit::FAILURE
        }
    };
    std::process::exit(code);
}
