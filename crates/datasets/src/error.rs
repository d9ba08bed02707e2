//! The one error type of dataset readers: what went wrong, in which file, on which line.

use std::fmt;
use std::path::{Path, PathBuf};

/// A dataset file could not be read or parsed. `line` is 1-based; 0 when the
/// problem is not tied to a line (a missing file, an empty folder).
#[derive(Debug)]
pub struct DatasetError {
    /// The file (or folder) concerned.
    pub path: PathBuf,
    /// The 1-based line where the offending record starts, or 0.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl DatasetError {
    /// An error at `line` of `path`.
    pub fn new(path: &Path, line: usize, message: impl Into<String>) -> DatasetError {
        DatasetError {
            path: path.to_path_buf(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for DatasetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: {}", self.path.display(), self.line, self.message)
        } else {
            write!(f, "{}: {}", self.path.display(), self.message)
        }
    }
}

impl std::error::Error for DatasetError {}
