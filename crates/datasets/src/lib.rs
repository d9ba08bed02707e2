//! Readers for the public labelled datasets crosscheck trains and evaluates on.
//!
//! The datasets live outside this repository, in `../shared/data` next to the
//! checkout (or wherever `CROSSCHECK_DATA` points). Nothing here is needed by
//! `crosscheck analyze`: a fresh machine without the data still runs the main job.
//! Tests that need the data call [`shared_data_dir`] and skip when it is `None`.
//!
//! ```no_run
//! use crosscheck_datasets::{dataset_dir, load_clef2019};
//!
//! let dir = dataset_dir("clef2019-checkthat-task1").expect("shared data");
//! let examples = load_clef2019(&dir)?;
//! let positives = examples.iter().filter(|e| e.label).count();
//! println!("{} sentences, {positives} check-worthy", examples.len());
//! # Ok::<(), crosscheck_datasets::DatasetError>(())
//! ```
//!
//! Every reader returns typed examples or a [`DatasetError`] naming the file and
//! line. Readers only read: they never copy, cache or download data.

mod checkworthy;
pub mod delimited;
mod error;
mod gold_texts;
mod liar;

use std::path::PathBuf;

pub use checkworthy::{
    load_claimbuster, load_clef2019, parse_checkworthy, read_checkworthy_file, CheckworthyExample,
    CheckworthySource, CLAIMBUSTER_GROUP_SIZE,
};
pub use error::DatasetError;
pub use gold_texts::{GoldText, GoldTexts};
pub use liar::{parse_liar, read_liar_file, LiarLabel, LiarStatement};

/// The folder holding the shared datasets: `$CROSSCHECK_DATA` when set, else the
/// first `shared/data` found beside this workspace or one of its parents.
pub fn shared_data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("CROSSCHECK_DATA") {
        let dir = PathBuf::from(dir);
        return dir.is_dir().then_some(dir);
    }
    let start = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    start
        .ancestors()
        .map(|a| a.join("shared").join("data"))
        .find(|p| p.join("README.md").is_file())
}

/// `shared_data_dir()/name`, when that folder exists.
pub fn dataset_dir(name: &str) -> Option<PathBuf> {
    shared_data_dir()
        .map(|d| d.join(name))
        .filter(|d| d.is_dir())
}

#[cfg(test)]
mod tests {
    #[test]
    fn finds_the_shared_data_when_present() {
        match super::shared_data_dir() {
            Some(d) => assert!(d.join("fa-kes").is_dir()),
            None => eprintln!("skipped: ../shared/data is absent"),
        }
    }
}
