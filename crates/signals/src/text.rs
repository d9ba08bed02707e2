//! Byte-level helpers over UTF-8 text: word boundaries, word runs, and the
//! words before or after a position. No allocation: callers pass buffers.

use crosscheck_schema::Span;

/// A character that belongs to a word: `char::is_alphanumeric`, with the
/// characters outside ASCII that news text is full of (curly quotes, dashes,
/// ellipses and spaces of the General Punctuation block, the no-break space)
/// answered without the Unicode tables' slow path (a test checks the block).
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if ('\u{2000}'..='\u{206f}').contains(&c) || c == '\u{a0}' {
        return false;
    }
    c.is_alphanumeric()
}

/// The character ending just before `pos` (which must be a char boundary).
#[inline]
pub(crate) fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

/// The character starting at `pos`.
#[inline]
pub(crate) fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

#[inline]
pub(crate) fn is_word_boundary_before(text: &str, pos: usize) -> bool {
    match text.as_bytes().get(pos.wrapping_sub(1)) {
        None => true,
        Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        Some(_) => !char_before(text, pos).is_some_and(is_word_char),
    }
}

#[inline]
pub(crate) fn is_word_boundary_after(text: &str, pos: usize) -> bool {
    match text.as_bytes().get(pos) {
        None => true,
        Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        Some(_) => !char_at(text, pos).is_some_and(is_word_char),
    }
}

/// Apostrophes and hyphens join word characters into one word ("Assad’s",
/// "al-Qaeda", "don't").
#[inline]
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '-')
}

/// The words of `text[start..end]`, as spans, in order.
pub(crate) struct Words<'t> {
    text: &'t str,
    pos: usize,
    end: usize,
}

impl<'t> Words<'t> {
    pub(crate) fn new(text: &'t str, start: usize, end: usize) -> Words<'t> {
        let end = end.min(text.len());
        Words {
            text,
            pos: start.min(end),
            end,
        }
    }
}

impl Iterator for Words<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        let bytes = self.text.as_bytes();
        // Skip to the next word character.
        while self.pos < self.end {
            let b = bytes[self.pos];
            if b.is_ascii() {
                if b.is_ascii_alphanumeric() {
                    break;
                }
                self.pos += 1;
            } else {
                let c = char_at(self.text, self.pos)?;
                if is_word_char(c) {
                    break;
                }
                self.pos += c.len_utf8();
            }
        }
        if self.pos >= self.end {
            return None;
        }
        let start = self.pos;
        while self.pos < self.end {
            let b = bytes[self.pos];
            let (c, len) = if b.is_ascii() {
                (b as char, 1)
            } else {
                match char_at(self.text, self.pos) {
                    Some(c) => (c, c.len_utf8()),
                    None => break,
                }
            };
            let joins = is_joiner(c)
                && self.pos + len < self.end
                && char_at(self.text, self.pos + len).is_some_and(is_word_char);
            if !is_word_char(c) && !joins {
                break;
            }
            self.pos += len;
        }
        Some(Span::new(start, self.pos))
    }
}

/// Byte classes for the word scan: 0 separator, 1 word byte (ASCII letter or
/// digit), 2 joiner (`'` and `-`, inside a word), 3 first byte of a non-ASCII char.
const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            1
        } else if c == b'\'' || c == b'-' {
            2
        } else if c >= 0xC0 {
            3
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Counts the words of `text[start..end]` in one byte pass (characters outside
/// ASCII are decoded only where they occur), and calls `each` with the span of
/// every word.
pub(crate) fn scan_words(text: &str, start: usize, end: usize, each: impl FnMut(Span)) -> usize {
    scan_words_until::<false>(text, start, end, usize::MAX, each)
}

/// [`scan_words`], which with `STOP` returns as soon as `limit` words have
/// started (the word that reaches the limit is not given to `each`): the count
/// is then `limit`, the smaller of it and the number of words. Without `STOP`,
/// `limit` is not read and the loop has no test for it.
#[inline(always)]
fn scan_words_until<const STOP: bool>(
    text: &str,
    start: usize,
    end: usize,
    limit: usize,
    mut each: impl FnMut(Span),
) -> usize {
    let Some(region) = text.get(start..end) else {
        return 0;
    };
    let bytes = region.as_bytes();
    let len = bytes.len();
    let mut n = 0;
    let mut i = 0;
    while i < len {
        // Between words.
        match CLASS[bytes[i] as usize] {
            1 => {}
            3 => match region[i..].chars().next() {
                Some(c) if is_word_char(c) => {}
                Some(c) => {
                    i += c.len_utf8();
                    continue;
                }
                None => break,
            },
            _ => {
                i += 1;
                continue;
            }
        }
        // A word starts at `i`.
        let word_start = i;
        n += 1;
        if STOP && n >= limit {
            return n;
        }
        loop {
            i = ascii_alnum_run_end(bytes, i);
            if i >= len {
                break;
            }
            match CLASS[bytes[i] as usize] {
                2 if bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric) => i += 1,
                3 => match region[i..].chars().next() {
                    Some(c) if is_word_char(c) => i += c.len_utf8(),
                    Some('\u{2019}') if char_at(region, i + 3).is_some_and(is_word_char) => i += 3,
                    _ => break,
                },
                _ => break,
            }
        }
        each(Span::new(start + word_start, start + i));
    }
    n
}

/// The end of the run of ASCII letters and digits starting at `i`: the first
/// offset from `i` on whose byte is not one, or `bytes.len()`. Eight bytes at a
/// time while they are ASCII (a word's letters are nearly always found in one
/// read), byte by byte from a byte outside ASCII, which ends the run.
#[inline]
fn ascii_alnum_run_end(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES * 0x80;
    // The top bit of each byte of `x` (all below 0x80) that lies in `lo..hi`.
    let within = |x: u64, lo: u8, hi: u8| {
        (x + ONES * u64::from(0x80 - lo)) & !(x + ONES * u64::from(0x80 - hi)) & HIGH
    };
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        let x = u64::from_le_bytes(eight);
        if x & HIGH != 0 {
            break;
        }
        let alnum = within(x, b'0', b'9' + 1) | within(x | (ONES * 0x20), b'a', b'z' + 1);
        let other = !alnum & HIGH;
        if other != 0 {
            return i + (other.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i + bytes[i..]
        .iter()
        .position(|&b| CLASS[b as usize] != 1)
        .unwrap_or(bytes.len() - i)
}

/// The union of `spans`, disjoint and sorted.
pub(crate) fn union(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_by_key(|s| s.start);
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if s.start < last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// `pos` lies in one of `regions` (disjoint and sorted, as [`union`] leaves them).
#[inline]
pub(crate) fn in_regions(regions: &[Span], pos: usize) -> bool {
    let i = regions.partition_point(|r| r.end <= pos);
    regions.get(i).is_some_and(|r| r.start <= pos)
}

/// The number of words of `text[start..end]`, counted up to `limit`: the smaller
/// of the two. Callers compare counts with small bounds, and a quotation of a
/// whole statement need not be read to its end to know it has more than eight
/// words.
pub(crate) fn count_words_up_to(text: &str, start: usize, end: usize, limit: usize) -> usize {
    if limit == 0 {
        return 0;
    }
    scan_words_until::<true>(text, start, end, limit, |_| {})
}

/// Up to `out.len()` words ending at or before `pos` and starting at or after
/// `limit`, nearest first. Stops early at a character for which `stop` is true.
pub(crate) fn words_before(
    text: &str,
    pos: usize,
    limit: usize,
    stop: impl Fn(char) -> bool,
    out: &mut [Span],
) -> usize {
    let mut n = 0;
    let mut p = pos.min(text.len());
    while n < out.len() && p > limit {
        // Skip non-word characters backwards.
        let mut end = p;
        while end > limit {
            let Some(c) = char_before(text, end) else {
                return n;
            };
            if is_word_char(c) {
                break;
            }
            if stop(c) {
                return n;
            }
            end -= c.len_utf8();
        }
        if end <= limit {
            break;
        }
        let mut start = end;
        while start > limit {
            // An ASCII letter or digit is a word char: stepped over without
            // decoding (most of a word's bytes).
            if text.as_bytes()[start - 1].is_ascii_alphanumeric() {
                start -= 1;
                continue;
            }
            let Some(c) = char_before(text, start) else {
                break;
            };
            let joins = is_joiner(c)
                && start - c.len_utf8() > limit
                && char_before(text, start - c.len_utf8()).is_some_and(is_word_char);
            if !is_word_char(c) && !joins {
                break;
            }
            start -= c.len_utf8();
        }
        out[n] = Span::new(start, end);
        n += 1;
        p = start;
    }
    n
}

/// Up to `out.len()` words starting at or after `pos` and ending at or before
/// `limit`. Stops early at a character for which `stop` is true.
pub(crate) fn words_after(
    text: &str,
    pos: usize,
    limit: usize,
    stop: impl Fn(char) -> bool,
    out: &mut [Span],
) -> usize {
    let mut n = 0;
    let mut p = pos;
    let limit = limit.min(text.len());
    while n < out.len() && p < limit {
        let mut start = p;
        while start < limit {
            let Some(c) = char_at(text, start) else {
                return n;
            };
            if is_word_char(c) {
                break;
            }
            if stop(c) {
                return n;
            }
            start += c.len_utf8();
        }
        if start >= limit {
            break;
        }
        let Some(w) = Words::new(text, start, limit).next() else {
            break;
        };
        out[n] = w;
        n += 1;
        p = w.end;
    }
    n
}

/// Lower-cases an ASCII-ish word into `buf` without allocating; `None` when it
/// does not fit (a word that long is in no table).
pub(crate) fn lower<'b>(word: &str, buf: &'b mut [u8; 40]) -> Option<&'b str> {
    if word.len() > buf.len() {
        return None;
    }
    let bytes = word.as_bytes();
    buf[..bytes.len()].copy_from_slice(bytes);
    buf[..bytes.len()].make_ascii_lowercase();
    std::str::from_utf8(&buf[..bytes.len()]).ok()
}

/// The first char is upper case.
#[inline]
pub(crate) fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Capitalised like a name: "Petrenko", or "al-Sheikh", "el-Sisi", "bin Laden"'s
/// "bin" aside, a lower-case particle joined to a capitalised name.
pub(crate) fn is_name_cased(word: &str) -> bool {
    if is_capitalised(word) {
        return true;
    }
    match word.split_once('-') {
        Some((particle, rest)) => {
            [
                "al", "el", "ad", "as", "ash", "ar", "an", "at", "az", "ibn", "bin", "abu", "bani",
                "de", "van", "von",
            ]
            .contains(&particle)
                && is_capitalised(rest)
        }
        None => false,
    }
}

/// Clause punctuation: where a speaker phrase cannot continue. A full stop is not
/// one: inside a sentence it ends an abbreviation ("U.N.", "Maj. Gen.").
#[inline]
pub(crate) fn is_clause_stop(c: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | ':'
            | '!'
            | '?'
            | '('
            | ')'
            | '"'
            | '\u{201C}'
            | '\u{201D}'
            | '\u{2014}'
            | '\u{2013}'
            | '\n'
            | '\u{AB}'
            | '\u{BB}'
    )
}

/// Sentence punctuation.
#[inline]
pub(crate) fn is_sentence_stop(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_alphanumeric_run_ends_where_the_byte_loop_ends_it() {
        let by_bytes = |b: &[u8], i: usize| {
            i + b[i..]
                .iter()
                .position(|c| !c.is_ascii_alphanumeric())
                .unwrap_or(b.len() - i)
        };
        let mut texts: Vec<Vec<u8>> = vec![
            b"".to_vec(),
            b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".to_vec(),
            "Ma\u{2019}arrat al-Nu'man, \u{201c}24 killed\u{201d} \u{2014} 3.5\u{a0}km na\u{ef}ve"
                .as_bytes()
                .to_vec(),
        ];
        // Every byte value, at every place in an otherwise alphanumeric run.
        for b in 0..=255u8 {
            for at in 0..17 {
                let mut t = b"Abcdefgh12345678Zyxwvuts".to_vec();
                t[at] = b;
                texts.push(t);
            }
        }
        for t in &texts {
            for i in 0..=t.len() {
                assert_eq!(ascii_alnum_run_end(t, i), by_bytes(t, i), "{t:?} from {i}");
            }
        }
    }

    #[test]
    fn word_chars_are_the_alphanumeric_ones() {
        for c in ('\0'..='\u{3000}').chain(['\u{feff}', '\u{1f600}']) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{:?}", c);
        }
    }

    #[test]
    fn words_join_apostrophes_and_hyphens() {
        let text = "Assad’s jets hit Ma’arrat al-Nu’man, “sources” said.";
        let words: Vec<&str> = Words::new(text, 0, text.len())
            .map(|s| s.slice(text))
            .collect();
        assert_eq!(
            words,
            [
                "Assad’s",
                "jets",
                "hit",
                "Ma’arrat",
                "al-Nu’man",
                "sources",
                "said"
            ]
        );
        assert_eq!(count_words_up_to(text, 0, text.len(), usize::MAX), 7);
    }

    #[test]
    fn counting_up_to_a_limit_is_the_smaller_of_the_limit_and_the_count() {
        let texts = [
            "",
            "   ",
            "Assad\u{2019}s jets hit Ma\u{2019}arrat al-Nu\u{2019}man, \u{201c}sources\u{201d} said.",
            "one two three four five six seven eight nine ten eleven twelve",
            "a-b c'd e\u{2019}f -- ' ' 1,200 3.5 caf\u{e9} na\u{ef}ve \u{a0}x\u{2014}y",
            "\u{201c}We will not leave,\u{201d} he said. \u{201c}This is our land.\u{201d}",
        ];
        for text in texts {
            for start in 0..=text.len() {
                for end in start..=text.len() {
                    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                        continue;
                    }
                    let all = scan_words(text, start, end, |_| {});
                    for limit in 0..14 {
                        assert_eq!(
                            count_words_up_to(text, start, end, limit),
                            all.min(limit),
                            "{text:?}[{start}..{end}] up to {limit}"
                        );
                    }
                }
            }
        }
    }

    /// [`words_before`] as it was first written: every character decoded.
    fn words_before_reference(
        text: &str,
        pos: usize,
        limit: usize,
        stop: impl Fn(char) -> bool,
        out: &mut [Span],
    ) -> usize {
        let mut n = 0;
        let mut p = pos.min(text.len());
        while n < out.len() && p > limit {
            let mut end = p;
            while end > limit {
                let Some(c) = char_before(text, end) else {
                    return n;
                };
                if is_word_char(c) {
                    break;
                }
                if stop(c) {
                    return n;
                }
                end -= c.len_utf8();
            }
            if end <= limit {
                break;
            }
            let mut start = end;
            while start > limit {
                let Some(c) = char_before(text, start) else {
                    break;
                };
                let joins = is_joiner(c)
                    && start - c.len_utf8() > limit
                    && char_before(text, start - c.len_utf8()).is_some_and(is_word_char);
                if !is_word_char(c) && !joins {
                    break;
                }
                start -= c.len_utf8();
            }
            out[n] = Span::new(start, end);
            n += 1;
            p = start;
        }
        n
    }

    #[test]
    fn words_before_step_over_ascii_letters_as_the_char_walk_does() {
        let texts = [
            "",
            "In a statement, the Russian ministry said",
            "Assad\u{2019}s jets hit Ma\u{2019}arrat al-Nu\u{2019}man, \u{201c}sources\u{201d} said.",
            "a-b c'd e\u{2019}f -x y- '' 1,200 3.5 caf\u{e9} na\u{ef}ve \u{a0}x\u{2014}y F-16s U.S.",
            "\u{e9}t\u{e9} \u{c9}COLE ab\u{301}c -- x\u{2019} \u{2019}x 'quoted' (a) [b]; c: d!",
        ];
        let stops: [&dyn Fn(char) -> bool; 3] = [&|_| false, &is_clause_stop, &is_sentence_stop];
        let mut checked = 0;
        for text in texts {
            for pos in 0..=text.len() + 1 {
                for limit in 0..=pos.min(text.len()) {
                    for stop in stops {
                        for k in [1, 3, 16] {
                            let (mut got, mut want) =
                                (vec![Span::default(); k], vec![Span::default(); k]);
                            let n = words_before(text, pos, limit, stop, &mut got);
                            let m = words_before_reference(text, pos, limit, stop, &mut want);
                            assert_eq!(
                                (n, &got[..n]),
                                (m, &want[..m]),
                                "{text:?} {pos} {limit} {k}"
                            );
                            checked += n;
                        }
                    }
                }
            }
        }
        assert!(checked > 10_000, "{checked}");
    }

    #[test]
    fn words_before_stop_at_a_comma() {
        let text = "In a statement, the Russian ministry said";
        let mut buf = [Span::default(); 8];
        let n = words_before(text, text.len() - 5, 0, is_clause_stop, &mut buf);
        let words: Vec<&str> = buf[..n].iter().map(|s| s.slice(text)).collect();
        assert_eq!(words, ["ministry", "Russian", "the"]);
    }
}
