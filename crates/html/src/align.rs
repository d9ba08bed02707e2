//! Finds an extractor's paragraphs in the page's visible-text stream.
//!
//! Extractors return text, not positions, and they rewrite it a little (spaces,
//! quotes, dashes, entities). Both sides are therefore compared on a *key*: their
//! letters and digits only, everything else dropped. A paragraph's key is searched
//! for in the stream's key, and a match is widened back over the punctuation the
//! paragraph itself starts and ends with.
//!
//! Order matters because short texts repeat (a headline also sits in the menu, a
//! name in a caption): long paragraphs are placed first, in order, each after the
//! previous one; short ones are then looked for only in the gaps between their
//! long neighbours. A paragraph that cannot be placed is dropped, never guessed.

use crate::stream::Stream;

/// Paragraphs with at least this many key bytes are placed first.
const LONG_KEY: usize = 40;

/// Letters and digits of the stream, with the stream offset of each byte's char.
pub(crate) struct KeyIndex {
    key: Vec<u8>,
    pos: Vec<u32>,
}

impl KeyIndex {
    pub(crate) fn new(text: &str) -> KeyIndex {
        let mut key = Vec::with_capacity(text.len());
        let mut pos = Vec::with_capacity(text.len());
        for (i, c) in text.char_indices() {
            if c.is_ascii_alphanumeric() {
                key.push(c as u8);
                pos.push(i as u32);
            } else if !c.is_ascii() && c.is_alphanumeric() {
                let mut buf = [0u8; 4];
                for &b in c.encode_utf8(&mut buf).as_bytes() {
                    key.push(b);
                    pos.push(i as u32);
                }
            }
        }
        KeyIndex { key, pos }
    }
}

fn key_of(text: &str) -> Vec<u8> {
    let mut key = Vec::with_capacity(text.len());
    for c in text.chars().filter(|c| c.is_alphanumeric()) {
        let mut buf = [0u8; 4];
        key.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }
    key
}

/// Non-space, non-alphanumeric characters before the first and after the last
/// letter or digit of `text` (an opening quote, a closing period).
fn edge_punctuation(text: &str) -> (usize, usize) {
    let count = |it: &mut dyn Iterator<Item = char>| {
        it.take_while(|c| !c.is_alphanumeric())
            .filter(|c| !c.is_whitespace())
            .count()
    };
    (count(&mut text.chars()), count(&mut text.chars().rev()))
}

/// The outcome of aligning one extractor's output.
#[derive(Debug, Default)]
pub(crate) struct Alignment {
    /// Stream ranges, in order, not overlapping.
    pub ranges: Vec<(usize, usize)>,
    /// Paragraphs placed / given up on (those without any letter or digit are
    /// skipped and counted in neither).
    pub aligned: usize,
    pub dropped: usize,
    /// Key bytes of the paragraphs placed and of all paragraphs.
    pub aligned_key: usize,
    pub total_key: usize,
}

struct Para {
    key: Vec<u8>,
    lead: usize,
    trail: usize,
    /// Key byte range once placed.
    at: Option<(usize, usize)>,
}

pub(crate) fn align(stream: &Stream, index: &KeyIndex, paragraphs: &[String]) -> Alignment {
    let mut paras: Vec<Para> = paragraphs
        .iter()
        .map(|p| {
            let (lead, trail) = edge_punctuation(p);
            Para {
                key: key_of(p),
                lead,
                trail,
                at: None,
            }
        })
        .filter(|p| !p.key.is_empty())
        .collect();
    let hay = &index.key[..];

    // Pass 1: long paragraphs, forward.
    let mut cursor = 0;
    for p in paras.iter_mut().filter(|p| p.key.len() >= LONG_KEY) {
        if let Some(found) = find_forward(hay, &p.key, cursor, hay.len()) {
            cursor = found.1;
            p.at = Some(found);
        }
    }

    // Pass 2: short paragraphs (and long ones pass 1 missed) in the gaps.
    let mut i = 0;
    while i < paras.len() {
        if paras[i].at.is_some() {
            i += 1;
            continue;
        }
        let gap_start = i;
        while i < paras.len() && paras[i].at.is_none() {
            i += 1;
        }
        let lo = paras[..gap_start]
            .iter()
            .rev()
            .find_map(|p| p.at)
            .map_or(0, |a| a.1);
        let hi = paras.get(i).and_then(|p| p.at).map_or(hay.len(), |a| a.0);
        if gap_start == 0 && i < paras.len() {
            // Before the first placed paragraph: search backwards from it, so a
            // headline binds to its copy next to the article, not to the menu.
            let mut right = hi;
            for p in paras[..i].iter_mut().rev() {
                if let Some(found) = find_backward(hay, &p.key, lo, right) {
                    right = found.0;
                    p.at = Some(found);
                }
            }
        } else {
            let mut left = lo;
            for p in paras[gap_start..i].iter_mut() {
                if let Some(found) = find_forward(hay, &p.key, left, hi) {
                    left = found.1;
                    p.at = Some(found);
                }
            }
        }
    }

    let mut out = Alignment::default();
    let mut prev_end = 0;
    for p in &paras {
        out.total_key += p.key.len();
        let Some((ka, kb)) = p.at else {
            out.dropped += 1;
            continue;
        };
        let start = index.pos[ka] as usize;
        let last = index.pos[kb - 1] as usize;
        let end = last + stream.text[last..].chars().next().map_or(1, char::len_utf8);
        let (start, end) = widen(&stream.text, start, end, p.lead, p.trail, prev_end);
        if start < prev_end || end <= start {
            out.dropped += 1;
            continue;
        }
        prev_end = end;
        out.ranges.push((start, end));
        out.aligned += 1;
        out.aligned_key += p.key.len();
    }
    out
}

/// Extends `[start, end)` over up to `lead` punctuation characters before it and
/// `trail` after it, crossing single spaces but not block breaks.
fn widen(
    text: &str,
    start: usize,
    end: usize,
    lead: usize,
    trail: usize,
    floor: usize,
) -> (usize, usize) {
    let lo = floor.min(start);
    let mut new_start = start;
    let mut taken = 0;
    for (i, c) in text[lo..start].char_indices().rev() {
        if taken == lead || c == '\n' || c.is_alphanumeric() {
            break;
        }
        if c != ' ' {
            taken += 1;
            new_start = lo + i;
        }
    }
    let mut new_end = end;
    taken = 0;
    for (i, c) in text[end..].char_indices() {
        if taken == trail || c == '\n' || c.is_alphanumeric() {
            break;
        }
        if c != ' ' {
            taken += 1;
            new_end = end + i + c.len_utf8();
        }
    }
    (new_start, new_end)
}

/// The key range of `needle` in `hay[lo..hi]`: first exact match, else a fuzzy one.
fn find_forward(hay: &[u8], needle: &[u8], lo: usize, hi: usize) -> Option<(usize, usize)> {
    let window = hay.get(lo..hi)?;
    if let Some(o) = memchr::memmem::find(window, needle) {
        return Some((lo + o, lo + o + needle.len()));
    }
    fuzzy(hay, needle, lo, hi, false)
}

/// The last match of `needle` in `hay[lo..hi]`.
fn find_backward(hay: &[u8], needle: &[u8], lo: usize, hi: usize) -> Option<(usize, usize)> {
    let window = hay.get(lo..hi)?;
    if let Some(o) = memchr::memmem::rfind(window, needle) {
        return Some((lo + o, lo + o + needle.len()));
    }
    fuzzy(hay, needle, lo, hi, true)
}

/// Matches a paragraph the extractor changed inside (a dropped footnote, a
/// rewritten word): its first and last 16 key bytes must both be found, at a
/// distance close to the paragraph's own length.
fn fuzzy(
    hay: &[u8],
    needle: &[u8],
    lo: usize,
    hi: usize,
    backward: bool,
) -> Option<(usize, usize)> {
    const EDGE: usize = 16;
    let n = needle.len();
    if n < 3 * EDGE {
        return None;
    }
    let mut head_end = EDGE;
    while head_end < n && is_continuation(needle[head_end]) {
        head_end += 1;
    }
    let mut tail_start = n - EDGE;
    while tail_start > 0 && is_continuation(needle[tail_start]) {
        tail_start -= 1;
    }
    let head = &needle[..head_end];
    let tail = &needle[tail_start..];
    let window = hay.get(lo..hi)?;
    let candidates: Vec<usize> = if backward {
        memchr::memmem::rfind_iter(window, head).take(8).collect()
    } else {
        memchr::memmem::find_iter(window, head).take(8).collect()
    };
    for c in candidates {
        let start = lo + c;
        let min_end = start + n * 7 / 10;
        let max_end = (start + n * 14 / 10 + EDGE).min(hi);
        if min_end >= max_end {
            continue;
        }
        let search_from = min_end.saturating_sub(tail.len()).max(start + head.len());
        if search_from >= max_end {
            continue;
        }
        if let Some(o) = memchr::memmem::find(&hay[search_from..max_end], tail) {
            return Some((start, search_from + o + tail.len()));
        }
    }
    None
}

fn is_continuation(b: u8) -> bool {
    b & 0xc0 == 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(html: &str, paras: &[&str]) -> (Vec<String>, Alignment) {
        let s = Stream::build(html, None);
        let idx = KeyIndex::new(&s.text);
        let paras: Vec<String> = paras.iter().map(|p| p.to_string()).collect();
        let a = align(&s, &idx, &paras);
        (
            a.ranges
                .iter()
                .map(|&(x, y)| s.text[x..y].to_string())
                .collect(),
            a,
        )
    }

    #[test]
    fn rewritten_quotes_and_spaces_still_align() {
        let html = "<p>\u{201c}We dodged a bullet,\u{201d} said Steve&nbsp;Cowan.</p>";
        let (texts, a) = run(html, &["\"We dodged a bullet,\" said Steve Cowan."]);
        assert_eq!(
            texts,
            vec!["\u{201c}We dodged a bullet,\u{201d} said Steve Cowan."]
        );
        assert_eq!(a.dropped, 0);
    }

    #[test]
    fn headline_binds_to_the_copy_next_to_the_article() {
        let html = "<nav><a>Storm eases</a></nav><h1>Storm eases</h1>\
                    <p>The storm that struck much of the eastern United States eased overnight.</p>";
        let s = Stream::build(html, None);
        let idx = KeyIndex::new(&s.text);
        let paras = vec![
            "Storm eases".to_string(),
            "The storm that struck much of the eastern United States eased overnight.".to_string(),
        ];
        let a = align(&s, &idx, &paras);
        assert_eq!(a.aligned, 2);
        let first = a.ranges[0];
        assert!(
            first.0 > s.text.find("Storm").unwrap_or(0),
            "bound to the menu copy"
        );
    }

    #[test]
    fn text_not_on_the_page_is_dropped() {
        let (texts, a) = run(
            "<p>One paragraph only.</p>",
            &["One paragraph only.", "Invented text"],
        );
        assert_eq!(texts, vec!["One paragraph only."]);
        assert_eq!((a.aligned, a.dropped), (1, 1));
    }

    #[test]
    fn an_extractor_that_dropped_a_footnote_still_aligns() {
        let html = "<p>Officials said the convoy reached the town on Tuesday [1] after a delay of several hours at the checkpoint.</p>";
        let (texts, _) = run(html, &["Officials said the convoy reached the town on Tuesday after a delay of several hours at the checkpoint."]);
        assert_eq!(texts.len(), 1);
        assert!(texts[0].contains("[1]"));
    }
}
