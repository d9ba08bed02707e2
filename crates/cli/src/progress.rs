//! The progress bar: drawn on a terminal for long runs, absent when stderr is
//! piped or with `--quiet`.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A byte-counting bar over `total` bytes (0 when unknown, e.g. stdin).
    pub fn new(quiet: bool, total: u64) -> Progress {
        if quiet || !std::io::stderr().is_terminal() {
            return Progress { bar: None };
        }
        let bar = if total > 0 {
            ProgressBar::new(total)
        } else {
            ProgressBar::no_length()
        };
        bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(8));
        let style = if total > 0 {
            "{spinner} [{elapsed_precise}] {wide_bar} {binary_bytes}/{binary_total_bytes} ({binary_bytes_per_sec}, eta {eta}) {msg}"
        } else {
            "{spinner} [{elapsed_precise}] {binary_bytes} ({binary_bytes_per_sec}) {msg}"
        };
        if let Ok(style) = ProgressStyle::with_template(style) {
            bar.set_style(style);
        }
        bar.enable_steady_tick(Duration::from_millis(200));
        Progress { bar: Some(bar) }
    }

    pub fn advance(&self, bytes: u64, articles: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(bytes);
            bar.set_message(format!("{articles} articles"));
        }
    }

    /// Prints a line above the bar (or plainly when there is none).
    pub fn println(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
