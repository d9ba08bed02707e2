use std::fmt;

/// A file or record that could not be read, named precisely enough to find it:
/// the path and, where known, the line and byte offset of the problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IngestError {
    pub path: String,
    /// 1-based line of the problem (JSONL line, CSV physical line).
    pub line: Option<u64>,
    /// Byte offset of the problem in the file.
    pub offset: Option<u64>,
    pub message: String,
}

impl IngestError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> IngestError {
        IngestError {
            path: path.into(),
            line: None,
            offset: None,
            message: message.into(),
        }
    }

    pub fn at_line(mut self, line: u64) -> IngestError {
        self.line = Some(line);
        self
    }

    pub fn at_offset(mut self, offset: u64) -> IngestError {
        self.offset = Some(offset);
        self
    }
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(offset) = self.offset {
            write!(f, " (byte {offset})")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for IngestError {}
