//! A source line glued to the end of a paragraph: "... the ministry said.
//! Source: Reuters".
//!
//! What it finds is the leftmost match, in a window that ends the paragraph, of
//!
//! ```text
//! [.!?"\x{201d}]\s+Source:?\s+(\p{Lu}[\w&.\- ]{1,60})$
//! ```
//!
//! found from each "Source" instead: as one regex (with the count checked in
//! code), its reverse lazy DFA walked every window back through its words with
//! the Unicode `\w` class, 22 M instructions for the slice's first 24 windows.
//! From a given start there is one match at most (each run of spaces is taken
//! whole: what follows it is not a space), so each "Source" is one candidate,
//! in the order of their starts.

use std::ops::Range;
use std::sync::OnceLock;

use memchr::memmem;
use regex::Regex;

/// The most chars of the outlet's name.
const MAX_NAME: usize = 61;

pub(crate) struct SourceLine {
    /// The outlet's name, the whole of what it is given.
    name: OnceLock<Regex>,
}

impl SourceLine {
    pub const fn new() -> SourceLine {
        SourceLine {
            name: OnceLock::new(),
        }
    }

    fn name(&self) -> &Regex {
        self.name
            .get_or_init(|| Regex::new(r"^\p{Lu}[\w&.\- ]+$").expect("source name regex"))
    }

    /// The leftmost match in `window`, which always runs to its end, and the
    /// outlet's name.
    pub fn find(&self, window: &str) -> Option<(Range<usize>, Range<usize>)> {
        for at in memmem::find_iter(window.as_bytes(), b"Source") {
            let before = window[..at].trim_end_matches(char::is_whitespace);
            if before.len() == at {
                continue;
            }
            let Some(mark) = before.chars().next_back() else {
                continue;
            };
            if !matches!(mark, '.' | '!' | '?' | '"' | '\u{201d}') {
                continue;
            }
            let after = at + "Source".len();
            let after = after + usize::from(window[after..].starts_with(':'));
            let rest = &window[after..];
            let name = rest.trim_start_matches(char::is_whitespace);
            if name.len() == rest.len()
                || name.chars().count() > MAX_NAME
                || !self.name().is_match(name)
            {
                continue;
            }
            let start = before.len() - mark.len_utf8();
            return Some((start..window.len(), window.len() - name.len()..window.len()));
        }
        None
    }
}
