use std::fmt;

/// A problem in a lexicon table: the 1-based line (0 when it concerns the whole
/// table) and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexiconError {
    pub line: usize,
    pub message: String,
}

impl LexiconError {
    pub(crate) fn new(line: usize, message: impl Into<String>) -> LexiconError {
        LexiconError {
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "lexicon table: {}", self.message)
        } else {
            write!(f, "lexicon table, line {}: {}", self.line, self.message)
        }
    }
}

impl std::error::Error for LexiconError {}
