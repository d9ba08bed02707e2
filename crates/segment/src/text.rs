//! Small UTF-8 helpers that never panic: every position they return lies on a char
//! boundary of the text, and every lookup out of range answers `None`.

use crosscheck_schema::Span;

/// The part of `region` that lies inside `text`, shrunk to char boundaries, or
/// `None` when nothing is left.
pub(crate) fn clamp(text: &str, region: Span) -> Option<(usize, usize)> {
    let mut end = region.end.min(text.len());
    let mut start = region.start.min(end);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (start < end).then_some((start, end))
}

/// The char starting at byte `i`, if `i` is a char boundary inside `text`.
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// The char ending at byte `i`, if `i` is a char boundary.
#[inline]
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// `text[start..end]` without surrounding whitespace, as absolute offsets.
pub(crate) fn trim(text: &str, start: usize, end: usize) -> Option<Span> {
    let slice = text.get(start..end)?;
    let left = slice.trim_start();
    let s = start + (slice.len() - left.len());
    let e = s + left.trim_end().len();
    (s < e).then_some(Span::new(s, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clamp_moves_inside_text_and_onto_char_boundaries() {
        let t = "é!"; // 'é' is two bytes
        assert_eq!(clamp(t, Span::new(1, 99)), Some((2, 3)));
        assert_eq!(clamp(t, Span::new(0, 1)), None);
        assert_eq!(clamp(t, Span::new(5, 2)), None);
    }

    #[test]
    fn trim_returns_absolute_offsets() {
        assert_eq!(trim("  ab \n", 0, 6), Some(Span::new(2, 4)));
        assert_eq!(trim(" \u{a0} ", 0, 4), None);
    }
}
