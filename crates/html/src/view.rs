//! The readable view: chosen stream ranges joined by blank lines, with its map
//! back to the page.

use crosscheck_schema::OffsetMap;

use crate::stream::Stream;

/// Joins `ranges` (stream offsets, ordered, not overlapping) into paragraphs
/// separated by `"\n\n"`; block breaks inside a range become spaces. Each
/// separator is anchored where the paragraph before it ends in the page, so a
/// paragraph's span maps to exactly its own source.
pub(crate) fn build(
    stream: &Stream,
    ranges: &[(usize, usize)],
    source_len: usize,
) -> (String, OffsetMap) {
    let total: usize = ranges.iter().map(|r| r.1 - r.0 + 2).sum();
    let mut view = String::with_capacity(total);
    let mut map = OffsetMap::new(source_len);
    let mut prev_end = None;
    for &(a, b) in ranges {
        let Some(text) = stream.text.get(a..b) else {
            continue;
        };
        if let Some(end) = prev_end {
            // Both bytes of the separator stand at the paragraph's end.
            map.push(view.len(), end);
            map.push(view.len() + 1, end);
            view.push_str("\n\n");
        }
        let va = view.len();
        map.push(va, stream.to_source(a));
        let first = stream.anchors.partition_point(|x| x.0 <= a);
        for &(d, s) in stream.anchors[first..].iter().take_while(|x| x.0 < b) {
            map.push(va + (d - a), s);
        }
        // Block breaks are single bytes, so replacing them keeps every offset.
        view.extend(text.chars().map(|c| if c == '\n' { ' ' } else { c }));
        prev_end = Some(stream.end_to_source(b));
    }
    if let Some(end) = prev_end {
        map.push(view.len(), end);
    }
    (view, map)
}
