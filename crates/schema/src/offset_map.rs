use serde::{Deserialize, Serialize};

/// Maps byte offsets of a derived text (for example the visible text of an HTML
/// page) back to byte offsets of the text it was derived from.
///
/// The map is a sorted list of anchors `(derived, source)`: each anchor starts a
/// run in which both texts advance byte for byte. Characters the derivation
/// invented (a paragraph break standing for a `</p>`) or rewrote (`&amp;` → `&`)
/// start a new anchor, so an offset in the middle of such a character maps to its
/// anchor's source offset.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OffsetMap {
    anchors: Vec<(usize, usize)>,
    /// Length of the source text, the upper bound of every mapped offset.
    source_len: usize,
}

impl OffsetMap {
    pub fn new(source_len: usize) -> OffsetMap {
        OffsetMap {
            anchors: Vec::new(),
            source_len,
        }
    }

    /// The identity on a text of `len` bytes.
    pub fn identity(len: usize) -> OffsetMap {
        OffsetMap {
            anchors: vec![(0, 0)],
            source_len: len,
        }
    }

    /// Records that derived offset `derived` corresponds to source offset `source`
    /// and that both advance together from here. Anchors must be pushed in
    /// increasing `derived` order; a repeated `derived` replaces the previous one.
    pub fn push(&mut self, derived: usize, source: usize) {
        if let Some(last) = self.anchors.last_mut() {
            if last.0 == derived {
                *last = (derived, source);
                return;
            }
            if last.0 > derived {
                return;
            }
            // Skip anchors that merely continue the previous run.
            if source >= last.1 && source - last.1 == derived - last.0 {
                return;
            }
        }
        self.anchors.push((derived, source));
    }

    /// The anchors `(derived, source)`, in increasing `derived` order.
    pub fn anchors(&self) -> &[(usize, usize)] {
        &self.anchors
    }

    /// The length of the source text: no offset maps past it.
    pub fn source_len(&self) -> usize {
        self.source_len
    }

    pub fn is_empty(&self) -> bool {
        self.anchors.is_empty()
    }

    /// The source offset of derived offset `derived` (a start position).
    pub fn to_source(&self, derived: usize) -> usize {
        let i = match self.anchors.binary_search_by_key(&derived, |a| a.0) {
            Ok(i) => i,
            Err(0) => return 0,
            Err(i) => i - 1,
        };
        let (d, s) = self.anchors[i];
        let mapped = s + (derived - d);
        // Never run past the next anchor's source position nor the text's end.
        let cap = self
            .anchors
            .get(i + 1)
            .map_or(self.source_len, |n| n.1.max(s));
        mapped.min(cap).min(self.source_len)
    }

    /// The source offset for an exclusive end position: maps the last byte before
    /// `derived` and steps past it, so a span ending at a rewritten character still
    /// covers that character's whole source form.
    pub fn end_to_source(&self, derived: usize) -> usize {
        if derived == 0 {
            return self.to_source(0);
        }
        let i = match self.anchors.binary_search_by_key(&(derived - 1), |a| a.0) {
            Ok(i) => i,
            Err(0) => return 0,
            Err(i) => i - 1,
        };
        let (d, s) = self.anchors[i];
        let run_end = self
            .anchors
            .get(i + 1)
            .map_or(self.source_len, |n| n.1.max(s));
        let next_derived = self.anchors.get(i + 1).map(|n| n.0);
        // A rewritten character: its whole source run ends where the next anchor starts.
        if next_derived == Some(derived) {
            return run_end.min(self.source_len);
        }
        (s + (derived - d)).min(run_end).min(self.source_len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_maps_to_its_whole_source_form() {
        // source: "a&amp;b", derived: "a&b"
        let mut m = OffsetMap::new(7);
        m.push(0, 0);
        m.push(1, 1); // '&' from "&amp;"
        m.push(2, 6); // 'b'
        assert_eq!(m.to_source(0), 0);
        assert_eq!(m.to_source(1), 1);
        assert_eq!(m.to_source(2), 6);
        assert_eq!(m.end_to_source(2), 6);
        assert_eq!(m.end_to_source(3), 7);
    }

    #[test]
    fn tags_between_words_are_skipped() {
        // source: "<p>Hi</p><p>Yo</p>", derived: "Hi\n\nYo"
        let mut m = OffsetMap::new(18);
        m.push(0, 3);
        m.push(2, 5); // "\n\n" invented at "</p>"
        m.push(4, 12);
        assert_eq!(m.to_source(0), 3);
        assert_eq!(m.end_to_source(2), 5);
        assert_eq!(m.to_source(4), 12);
        assert_eq!(m.end_to_source(6), 14);
    }
}
