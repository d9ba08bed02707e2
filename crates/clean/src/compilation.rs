//! Compilations: one file holding several articles, each opened by a header — a
//! headline line directly followed by metadata (`Source:`, a byline, a date line) —
//! and followed by its own body.
//!
//! A single article has one such header at most (its own title and byline); a
//! `Source:` line at its bottom has no body after it, so it opens nothing.

use crate::article::Doc;
use crate::cues::Cue;
use crate::shape::{looks_like_headline, word_count};
use crate::Cleaner;

/// Metadata lines a header may carry under its headline.
const MAX_HEADER_META: usize = 4;
/// Body bytes an article needs under its header to count as one.
const MIN_BODY_BYTES: usize = 120;
/// A preamble with this much body text is an article of its own.
const MIN_PREAMBLE_BODY: usize = 200;

/// Where a compilation splits.
pub(crate) struct Split {
    /// First line of each part.
    pub starts: Vec<usize>,
    /// The header line of each part, `None` for a leading part without one.
    pub headers: Vec<Option<usize>>,
}

/// Returns the split when `doc` holds two or more articles.
pub(crate) fn split(cleaner: &Cleaner, doc: &Doc<'_>) -> Option<Split> {
    let lines = doc.lines;
    let nonblank: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();
    // Candidate headers with the line where their body starts.
    let mut headers: Vec<(usize, usize)> = Vec::new();
    for (p, &h) in nonblank.iter().enumerate() {
        if doc.cues[h] != Cue::Plain {
            continue;
        }
        // Cheap tests first: a header starts a block (first line, after a blank line
        // or a rule) and the line under it is short.
        let starts_block = p == 0
            || h == 0
            || lines[h - 1].is_blank()
            || doc.cues[nonblank[p - 1]] == Cue::Separator;
        if !starts_block || lines[h].len() > 220 {
            continue;
        }
        // The line under it must be short metadata: read before the headline test,
        // which costs more and fails less often.
        let Some(&next) = nonblank.get(p + 1) else {
            continue;
        };
        if lines[next].len() > 160 || cleaner.meta.read(lines[next].content(doc.text)).is_empty() {
            continue;
        }
        let line = lines[h].content(doc.text);
        if !looks_like_headline(line) || word_count(line) < 3 || !cleaner.meta.read(line).is_empty()
        {
            continue;
        }
        // `next` is the first metadata line; up to `MAX_HEADER_META` in all.
        let mut q = p + 2;
        let mut metas = 1;
        while q < nonblank.len() && metas < MAX_HEADER_META {
            if cleaner
                .meta
                .read(lines[nonblank[q]].content(doc.text))
                .is_empty()
            {
                break;
            }
            metas += 1;
            q += 1;
        }
        if metas == 0 {
            continue;
        }
        let Some(&body) = nonblank.get(q) else {
            continue;
        };
        if doc.cues[body] != Cue::Plain {
            continue;
        }
        headers.push((h, body));
    }
    if headers.len() < 2 {
        return None;
    }
    // Each header needs a body of its own before the next header.
    let mut kept: Vec<(usize, usize)> = Vec::with_capacity(headers.len());
    for (k, &(h, body)) in headers.iter().enumerate() {
        let until = headers.get(k + 1).map(|x| x.0).unwrap_or(lines.len());
        if body_bytes(doc, body, until) >= MIN_BODY_BYTES {
            kept.push((h, body));
        }
    }
    if kept.len() < 2 {
        return None;
    }
    let first = kept[0].0;
    let mut starts = Vec::with_capacity(kept.len() + 1);
    let mut hdrs = Vec::with_capacity(kept.len() + 1);
    if body_bytes(doc, 0, first) >= MIN_PREAMBLE_BODY {
        starts.push(0);
        hdrs.push(None);
        starts.push(first);
    } else {
        // A short preamble ("Press review, 3 March") goes with the first article.
        starts.push(0);
    }
    hdrs.push(Some(first));
    for &(h, _) in &kept[1..] {
        starts.push(h);
        hdrs.push(Some(h));
    }
    Some(Split {
        starts,
        headers: hdrs,
    })
}

/// Bytes of plain text lines in `from..until` (widgets and rules not counted).
fn body_bytes(doc: &Doc<'_>, from: usize, until: usize) -> usize {
    (from..until.min(doc.lines.len()))
        .filter(|&i| doc.cues[i] == Cue::Plain)
        .map(|i| doc.lines[i].len())
        .sum()
}
