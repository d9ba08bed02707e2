//! `crosscheck`: reads piles of partisan conflict news and says what each article
//! claims, which reports agree or contradict each other, and how credible each is.
//!
//! This binary is a thin shell: flags, progress, output formats and the store.
//! The analysis itself lives in `crosscheck-core` and the crates it wires.

mod args;
mod commands;
mod dense;
mod exit;
mod output;
mod progress;
mod spill;

use clap::Parser;

fn main() {
    let args = args::Cli::parse();
    // A panic inside the pipeline is caught per document and reported as a skipped
    // input; the default hook would also print a backtrace hint mid-report.
    std::panic::set_hook(Box::new(|info| {
        // `crosscheck eval link | head`: `println!` panics once the reader has gone.
        // Stop quietly, as `analyze` does when its reader goes (`output::QuietPipe`).
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.starts_with("failed printing to") && message.contains("Broken pipe") {
            std::process::exit(exit::SUCCESS);
        }
        if std::env::var_os("CROSSCHECK_BACKTRACE").is_some() {
            eprintln!("{info}\n{}", std::backtrace::Backtrace::force_capture());
        } else if std::thread::current().name() == Some("main") {
            eprintln!("crosscheck: internal error: {info}");
        }
    }));
    let code = match commands::run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("crosscheck: error: {e:#}");
            exit::FAILURE
        }
    };
    std::process::exit(code);
}
