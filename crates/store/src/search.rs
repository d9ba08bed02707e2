//! What goes into the full-text index, and how a hit is turned back into a
//! sentence of the source text.
//!
//! Each article is one FTS5 row: its title, and a body made of its sentences, one
//! per line, each line the sentence's exact source bytes with the few bytes that
//! would confuse the mapping (line breaks, the highlight markers, HTML tags)
//! replaced by spaces. Replacement is byte-for-byte, so an offset into line `i`
//! plus the start of sentence `i` is an offset into the source text. Matching is
//! per article (the words of a query may sit in different sentences); the hit then
//! points at the sentence with the most matched words, as FTS5's `highlight()`
//! marks them.

use crosscheck_schema::{Sentence, Span};

/// Opens a match in `highlight()` output. Never present in indexed text.
pub(crate) const OPEN: char = '\u{1}';
/// Closes a match in `highlight()` output.
pub(crate) const CLOSE: char = '\u{2}';

const SNIPPET_BYTES: usize = 240;
const SNIPPET_LEAD: usize = 80;

/// Fills `spans` with the source spans of `sentences` as little-endian `u64`
/// pairs: the `sentence_spans` column, from which [`index_body`] rebuilds the
/// indexed body.
pub(crate) fn encode_spans(sentences: &[Sentence], spans: &mut Vec<u8>) {
    spans.clear();
    for s in sentences {
        spans.extend_from_slice(&(s.start as u64).to_le_bytes());
        spans.extend_from_slice(&(s.end as u64).to_le_bytes());
    }
}

/// Fills `body` with the indexed text of the sentences at `spans` (one line
/// each) of the article's source `text`.
///
/// The FTS index is built from this at insert time, and FTS5 reads it back
/// through the `search_source` view (the `crosscheck_search_body` SQL function)
/// whenever it needs the text; both must give the same bytes.
pub(crate) fn index_body(text: &str, spans: &[Span], html: bool, body: &mut Vec<u8>) {
    body.clear();
    for (i, span) in spans.iter().enumerate() {
        if i > 0 {
            body.push(b'\n');
        }
        let line_start = body.len();
        body.extend(span.slice(text).bytes().map(|b| match b {
            b'\n' | b'\r' | 0x01 | 0x02 => b' ',
            b => b,
        }));
        if html {
            blank_markup(&mut body[line_start..]);
        }
    }
}

/// The body as a `String`. Every step of [`index_body`] keeps UTF-8 valid (it
/// slices on char boundaries and replaces whole ASCII runs), so the lossy
/// fallback never actually loses anything.
pub(crate) fn body_string(body: Vec<u8>) -> String {
    String::from_utf8(body).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Replaces tags (`<...>`) and character references (`&amp;`, `&#8217;`) with
/// spaces of the same length, so the tokenizer does not index markup. Every byte
/// of the replaced run becomes an ASCII space, which keeps the buffer valid UTF-8.
fn blank_markup(line: &mut [u8]) {
    let mut i = 0;
    while i < line.len() {
        match line[i] {
            b'<' => {
                if let Some(len) = line[i..].iter().position(|&b| b == b'>') {
                    line[i..=i + len].fill(b' ');
                    i += len + 1;
                    continue;
                }
            }
            b'&' => {
                let rest = &line[i + 1..];
                let len = rest
                    .iter()
                    .take(10)
                    .position(|&b| !(b.is_ascii_alphanumeric() || b == b'#'));
                if let Some(len) = len {
                    if len > 0 && rest[len] == b';' {
                        line[i..=i + len + 1].fill(b' ');
                        i += len + 2;
                        continue;
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
}

/// Decodes a `sentence_spans` column.
pub(crate) fn decode_spans(blob: &[u8]) -> Vec<Span> {
    blob.chunks_exact(16)
        .map(|c| {
            let mut a = [0u8; 8];
            let mut b = [0u8; 8];
            a.copy_from_slice(&c[..8]);
            b.copy_from_slice(&c[8..]);
            Span::new(
                usize::try_from(u64::from_le_bytes(a)).unwrap_or(usize::MAX),
                usize::try_from(u64::from_le_bytes(b)).unwrap_or(usize::MAX),
            )
        })
        .collect()
}

/// One line of `highlight()` output with its markers taken out.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct MarkedLine {
    pub text: String,
    /// Matched byte ranges of `text`.
    pub marks: Vec<Span>,
}

/// Splits `highlight()` output into lines and the ranges the markers enclosed.
/// A match that crosses a line break (a phrase spanning two sentences) is cut at
/// the break and continued on the next line.
pub(crate) fn parse_highlight(marked: &str) -> Vec<MarkedLine> {
    let mut lines = vec![MarkedLine::default()];
    let mut open: Option<usize> = None;
    for c in marked.chars() {
        // `lines` starts non-empty and only grows.
        let Some(line) = lines.last_mut() else { break };
        match c {
            OPEN => open = Some(line.text.len()),
            CLOSE => {
                if let Some(start) = open.take() {
                    if start < line.text.len() {
                        line.marks.push(Span::new(start, line.text.len()));
                    }
                }
            }
            '\n' => {
                if let Some(start) = open {
                    if start < line.text.len() {
                        line.marks.push(Span::new(start, line.text.len()));
                    }
                    open = Some(0);
                }
                lines.push(MarkedLine::default());
            }
            c => line.text.push(c),
        }
    }
    lines
}

/// The line with the most distinct matched words (then the most matches, then
/// the earliest), if any line has a match.
pub(crate) fn best_line(lines: &[MarkedLine]) -> Option<usize> {
    let mut best: Option<(usize, usize, usize)> = None;
    for (i, line) in lines.iter().enumerate() {
        if line.marks.is_empty() {
            continue;
        }
        let mut words: Vec<String> = line
            .marks
            .iter()
            .map(|m| m.slice(&line.text).to_lowercase())
            .collect();
        words.sort_unstable();
        words.dedup();
        let key = (words.len(), line.marks.len());
        if best.is_none_or(|(_, d, n)| key > (d, n)) {
            best = Some((i, key.0, key.1));
        }
    }
    best.map(|(i, _, _)| i)
}

/// A one-line snippet of `line`: whitespace runs collapsed, cut to about
/// [`SNIPPET_BYTES`] around the first match, with the marks moved along.
pub(crate) fn snippet(line: &MarkedLine) -> (String, Vec<Span>) {
    let text = &line.text;
    // map[i]: position in `out` of byte i of `text`.
    let mut map = vec![0usize; text.len() + 1];
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for (i, c) in text.char_indices() {
        let bytes = i..i + c.len_utf8();
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            map[bytes].fill(out.len());
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            map[bytes].fill(out.len());
            out.push(c);
        }
    }
    map[text.len()] = out.len();
    let mut marks: Vec<Span> = line
        .marks
        .iter()
        .filter_map(|m| {
            let s = map.get(m.start).copied()?;
            let e = map.get(m.end).copied()?.min(out.len());
            (s < e).then_some(Span::new(s, e))
        })
        .collect();
    if out.len() <= SNIPPET_BYTES {
        return (out, marks);
    }
    let (first, first_end) = marks.first().map_or((0, 0), |m| (m.start, m.end));
    let mut start = first.saturating_sub(SNIPPET_LEAD);
    while !out.is_char_boundary(start) {
        start -= 1;
    }
    // Begin at a word when one starts soon after the cut.
    if start > 0 {
        if let Some(sp) = out[start..first.max(start)].find(' ') {
            start += sp + 1;
        }
    }
    let mut end = (start + SNIPPET_BYTES).min(out.len());
    while !out.is_char_boundary(end) {
        end -= 1;
    }
    if end < out.len() {
        if let Some(sp) = out[start..end].rfind(' ') {
            if start + sp >= first_end {
                end = start + sp;
            }
        }
    }
    let prefix = if start > 0 { "… " } else { "" };
    let suffix = if end < out.len() { " …" } else { "" };
    let cut = format!("{prefix}{}{suffix}", &out[start..end]);
    let shift = prefix.len();
    marks = marks
        .into_iter()
        .filter(|m| m.start >= start && m.end <= end)
        .map(|m| Span::new(m.start - start + shift, m.end - start + shift))
        .collect();
    (cut, marks)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(start: usize, end: usize) -> Sentence {
        Sentence {
            start,
            end,
            checkworthy: None,
        }
    }

    #[test]
    fn body_lines_keep_source_offsets() {
        let text = "Title line\n\nShelling hit Douma\nat dawn. Five died.";
        let s1 = text.find("Shelling").unwrap_or(0);
        let s2 = text.find("Five").unwrap_or(0);
        let sentences = [sentence(s1, s2 - 1), sentence(s2, text.len())];
        let mut blob = Vec::new();
        encode_spans(&sentences, &mut blob);
        let spans = decode_spans(&blob);
        let mut body = Vec::new();
        index_body(text, &spans, false, &mut body);
        let body = body_string(body);
        assert_eq!(body, "Shelling hit Douma at dawn.\nFive died.");
        assert_eq!(
            spans,
            vec![Span::new(s1, s2 - 1), Span::new(s2, text.len())]
        );
        // "Douma" in line 0 sits at the same offset in the source.
        let at = body.find("Douma").unwrap_or(0);
        assert_eq!(&text[spans[0].start + at..spans[0].start + at + 5], "Douma");
    }

    #[test]
    fn html_markup_is_blanked_byte_for_byte() {
        let text = "<p>Rebels &amp; <b>army</b> clash near Idlib &#8212; café</p>";
        let mut body = Vec::new();
        index_body(text, &[Span::new(0, text.len())], true, &mut body);
        assert_eq!(body.len(), text.len());
        let body = body_string(body);
        let words: Vec<&str> = body.split_whitespace().collect();
        assert_eq!(words, ["Rebels", "army", "clash", "near", "Idlib", "café"]);
    }

    #[test]
    fn highlight_output_maps_to_lines_and_marks() {
        let marked = "Shells hit \u{1}Douma\u{2}.\nNo \u{1}casualties\n were\u{2} reported.";
        let lines = parse_highlight(marked);
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0].text, "Shells hit Douma.");
        assert_eq!(lines[0].marks, vec![Span::new(11, 16)]);
        // A phrase match across a sentence break is split at the break.
        assert_eq!(lines[1].text, "No casualties");
        assert_eq!(lines[1].marks, vec![Span::new(3, 13)]);
        assert_eq!(lines[2].text, " were reported.");
        assert_eq!(lines[2].marks, vec![Span::new(0, 5)]);
    }

    #[test]
    fn best_line_prefers_more_distinct_words() {
        let lines = parse_highlight(
            "\u{1}Aleppo\u{2} and \u{1}Aleppo\u{2} again.\n\u{1}Aleppo\u{2} \u{1}airstrike\u{2} toll.",
        );
        assert_eq!(best_line(&lines), Some(1));
        assert_eq!(best_line(&parse_highlight("nothing here")), None);
    }

    #[test]
    fn long_snippet_is_cut_around_the_first_match() {
        let filler = "The convoy moved slowly along the road under heavy rain. ".repeat(8);
        let text = format!(
            "{filler}Witnesses said the    market in Maarat al-Numan was hit twice. {filler}"
        );
        let at = text.find("Maarat").unwrap_or(0);
        let line = MarkedLine {
            marks: vec![Span::new(at, at + "Maarat".len())],
            text,
        };
        let (snip, marks) = snippet(&line);
        assert!(snip.len() <= SNIPPET_BYTES + 2 * "… ".len(), "{snip}");
        assert!(snip.starts_with("… ") && snip.ends_with(" …"), "{snip}");
        assert!(snip.contains("said the market in"), "{snip}");
        assert_eq!(marks.len(), 1);
        assert_eq!(marks[0].slice(&snip), "Maarat");
    }
}
