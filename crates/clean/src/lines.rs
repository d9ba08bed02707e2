//! Lines of a text as byte ranges: the unit every decision in this crate is made on.

/// One line of the text, without its line terminator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Line {
    /// Where the line starts (first byte after the previous terminator).
    pub start: usize,
    /// Where the line ends, before `\r\n` / `\n` / `\r`.
    pub end: usize,
    /// The line without leading and trailing whitespace: `cstart == cend` for blank lines.
    pub cstart: usize,
    pub cend: usize,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.cstart >= self.cend
    }

    pub fn content<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.cstart..self.cend).unwrap_or("")
    }

    pub fn len(&self) -> usize {
        self.cend - self.cstart
    }
}

/// Splits `text` into lines. `\r\n`, `\n` and a lone `\r` all end a line (old Mac files
/// and some scrapes use bare `\r`).
pub(crate) fn split_lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut lines = Vec::with_capacity(bytes.len() / 64 + 1);
    let mut start = 0;
    while start < bytes.len() {
        let (end, next) = match memchr::memchr2(b'\n', b'\r', &bytes[start..]) {
            Some(i) => {
                let end = start + i;
                let next = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
                    end + 2
                } else {
                    end + 1
                };
                (end, next)
            }
            None => (bytes.len(), bytes.len()),
        };
        let (cstart, cend) = trim_range(text, start, end);
        lines.push(Line {
            start,
            end,
            cstart,
            cend,
        });
        start = next;
    }
    lines
}

/// The range of `text[start..end]` without surrounding whitespace (Unicode-aware, so a
/// no-break space left by an HTML scrape does not make a blank line look full).
pub(crate) fn trim_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    let Some(s) = text.get(start..end) else {
        return (start, start);
    };
    let bytes = s.as_bytes();
    // Fast path: pure ASCII edges.
    let mut a = 0;
    while a < bytes.len() && bytes[a] < 0x80 && bytes[a].is_ascii_whitespace() {
        a += 1;
    }
    let mut b = bytes.len();
    while b > a && bytes[b - 1] < 0x80 && bytes[b - 1].is_ascii_whitespace() {
        b -= 1;
    }
    if (a < bytes.len() && bytes[a] >= 0x80) || (b > a && bytes[b - 1] >= 0x80) {
        let inner = &s[a..b];
        let t = inner.trim_start();
        a += inner.len() - t.len();
        let t2 = t.trim_end();
        b = a + t2.len();
    }
    (start + a, start + b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_lf_and_cr_end_lines() {
        let t = "One\r\nTwo\n\rThree\n  \u{a0}\n";
        let lines = split_lines(t);
        let got: Vec<&str> = lines.iter().map(|l| l.content(t)).collect();
        assert_eq!(got, vec!["One", "Two", "", "Three", ""]);
        assert!(lines[4].is_blank());
    }
}
