//! A comment plugin's labels glued to the end of a paragraph: "... Community
//! standards Discussion Comment via Facebook Comment via <a name>".
//!
//! What it finds is the leftmost match, in a window that ends the paragraph, of
//!
//! ```text
//! (?:Community standards)?\s*Discussion\s*Comment via Facebook\s*Comment via [\w .]{1,40}$
//! ```
//!
//! found from each "Discussion" instead: as one regex (with the count checked in
//! code), its reverse lazy DFA walked every window back through its words with
//! the Unicode `\w` class, 25 M instructions for the slice's first 27 windows.
//! Each run of spaces is taken whole (what follows it is not a space), so each
//! "Discussion" gives one candidate, and the first that fits starts leftmost.

use std::ops::Range;
use std::sync::OnceLock;

use memchr::memmem;
use regex::Regex;

/// The most chars of the name after the labels.
const MAX_NAME: usize = 40;

pub(crate) struct CommentPlugin {
    /// The name after the labels, the whole of what it is given.
    name: OnceLock<Regex>,
}

impl CommentPlugin {
    pub const fn new() -> CommentPlugin {
        CommentPlugin {
            name: OnceLock::new(),
        }
    }

    fn name(&self) -> &Regex {
        self.name
            .get_or_init(|| Regex::new(r"^[\w .]+$").expect("comment name regex"))
    }

    /// The leftmost match in `window`, which always runs to its end.
    pub fn find(&self, window: &str) -> Option<Range<usize>> {
        let space = char::is_whitespace;
        for at in memmem::find_iter(window.as_bytes(), b"Discussion") {
            let rest = window[at + "Discussion".len()..].trim_start_matches(space);
            let Some(rest) = rest.strip_prefix("Comment via Facebook") else {
                continue;
            };
            let Some(name) = rest.trim_start_matches(space).strip_prefix("Comment via ") else {
                continue;
            };
            if name.chars().count() > MAX_NAME || !self.name().is_match(name) {
                continue;
            }
            let before = window[..at].trim_end_matches(space);
            let start = match before.strip_suffix("Community standards") {
                Some(lead) => lead.len(),
                None => before.len(),
            };
            return Some(start..window.len());
        }
        None
    }
}
