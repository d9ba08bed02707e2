//! Word tokens: a scan that keeps `al-Assad`, `don't`, `U.S.`, `1,200` and `3.5`
//! whole and gives every other non-space character (or run of `...`, `--`) its own
//! token.

use crosscheck_schema::Span;

use crate::text::{char_at, char_before, clamp};

/// One token, as byte offsets into the text it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }

    /// The token's text (`""` if `text` is not the text it came from).
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// A word or a number, as opposed to punctuation or a symbol.
    pub fn is_word_like(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with digits and inner `'`, `’`, `-` (`al-Assad`, `don't`,
    /// `F-16`, `2nd`) or a dotted acronym (`U.S.`, `a.m.`).
    Word,
    /// Digits with inner `,`, `.` or `:` between digits (`1,200`, `3.5`, `10:30`).
    Number,
    /// Punctuation: `.`, `,`, quotes, brackets, dashes. A run of one of `.`, `-`, `!`,
    /// `?`, `*`, `_` is one token (`...`, `--`); `?!` is two.
    Punct,
    /// Anything else: `$`, `+`, `<`, `=` (a run of them is one token), `>`, `|`, `~`,
    /// `©`, `€`, emoji, control characters. (`%`, `#`, `&`, `@` are punctuation, as in
    /// Unicode.)
    Symbol,
}

/// The tokens of `text[span]` (absolute offsets), an allocation-free iterator:
/// words, numbers, punctuation and symbols in text order, whitespace skipped. Keep
/// the words with [`Token::is_word_like`]. A span outside `text` or off char
/// boundaries is shrunk to fit.
pub fn tokens(text: &str, span: Span) -> Tokens<'_> {
    let (pos, end) = clamp(text, span).unwrap_or((0, 0));
    Tokens { text, pos, end }
}

/// The iterator returned by [`tokens`].
#[derive(Clone, Debug)]
pub struct Tokens<'t> {
    text: &'t str,
    pos: usize,
    end: usize,
}

/// Byte classes for the ASCII fast path, as bits so that a word loop can collect
/// them without branching.
const OTHER: u8 = 0;
const SPACE: u8 = 1;
const LETTER: u8 = 2;
const DIGIT: u8 = 4;
const NON_ASCII: u8 = 8;

const fn byte_classes() -> [u8; 256] {
    let mut t = [OTHER; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        t[i] = if c >= 0x80 {
            NON_ASCII
        } else if c.is_ascii_alphabetic() {
            LETTER
        } else if c.is_ascii_digit() {
            DIGIT
        } else if c.is_ascii_whitespace() || c == 0x0B {
            SPACE
        } else {
            OTHER
        };
        i += 1;
    }
    t
}
static CLASS: [u8; 256] = byte_classes();

impl Iterator for Tokens<'_> {
    type Item = Token;

    #[inline]
    fn next(&mut self) -> Option<Token> {
        self.next_token(true, &mut |_| {}).map(|(t, _)| t)
    }
}

/// The bytes after an ASCII letter-or-digit run that may continue a word: the
/// joiners `'`, `-`, `.`, `,`, `:` and every non-ASCII byte (`’`, `‐`, letters,
/// combining marks). A run stopped by any other byte, or by the end, is a whole
/// token without looking further.
const fn continues_word(c: u8) -> bool {
    c >= 0x80 || matches!(c, b'\'' | b'-' | b'.' | b',' | b':')
}

/// Whether a run of ASCII letters and digits, `rest[..run]` (with a letter when
/// `letter`), is a whole token as [`Tokens::word`] would end it, by what follows
/// it (`rest` ends where the span does): the end of the span or a byte outside
/// [`continues_word`]; a `,` or `:` after a word, or a `.` after a word of three
/// or more bytes (a shorter one may open an acronym, `U.S.`): these join digits
/// only; a `.`, `,` or `:` after digits that no ASCII digit follows (`2017.`;
/// `3.5` and `1,200` are numbers). Anything else (`'`, `-`, non-ASCII bytes)
/// is left to [`Tokens::word`].
#[inline(always)]
fn ends_run(rest: &[u8], run: usize, letter: bool) -> bool {
    match rest.get(run) {
        None => true,
        Some(&c) if !continues_word(c) => true,
        Some(b',' | b':') if letter => true,
        Some(b'.') if letter => run > 2,
        Some(b'.' | b',' | b':') => !rest.get(run + 1).is_some_and(u8::is_ascii_digit),
        Some(_) => false,
    }
}

impl Tokens<'_> {
    /// The next token, as [`Iterator::next`] gives it, and whether it is a plain
    /// run of ASCII letters and digits whose every byte, in order, `visit` was
    /// called with while the run was measured. A caller that reads the bytes of
    /// each word (a hash, a case mask) can then skip its own pass over them. When
    /// the answer is `false`, `visit` may still have seen some bytes, which the
    /// caller must ignore.
    #[inline(always)]
    pub fn next_visiting(&mut self, mut visit: impl FnMut(u8)) -> Option<(Token, bool)> {
        self.next_token(true, &mut visit)
    }

    /// The next token. With `fast`, a word or number that is a plain run of ASCII
    /// letters and digits ended by what follows it (most of them, [`ends_run`])
    /// is measured here (each of its bytes given to `visit`; the `bool` answered is
    /// `true` then); everything else, and everything when `fast` is off (the
    /// definition the tests compare the fast path with), goes through
    /// [`Tokens::word`].
    #[inline(always)]
    fn next_token(&mut self, fast: bool, visit: &mut impl FnMut(u8)) -> Option<(Token, bool)> {
        let b = self.text.as_bytes();
        // Skip whitespace; ASCII without decoding.
        let (first, class) = loop {
            if self.pos >= self.end {
                return None;
            }
            match CLASS[b[self.pos] as usize] {
                SPACE => self.pos += 1,
                NON_ASCII => {
                    let ch = self.char_at(self.pos)?;
                    if !ch.is_whitespace() {
                        break (ch, NON_ASCII);
                    }
                    self.pos += ch.len_utf8();
                }
                class => break (b[self.pos] as char, class),
            }
        };
        let start = self.pos;
        let mut visited = false;
        let (end, kind) = if class & (LETTER | DIGIT) != 0 {
            match fast.then(|| self.ascii_word(start, visit)).flatten() {
                Some(word) => {
                    visited = true;
                    word
                }
                None => self.word(start),
            }
        } else if !first.is_ascii() && is_word_start(first) {
            self.word(start)
        } else {
            let mut end = start + first.len_utf8();
            if matches!(first, '.' | '-' | '!' | '?' | '*' | '=' | '_') {
                while end < self.end && b[end] == first as u8 {
                    end += 1;
                }
            }
            (end, punct_kind(first))
        };
        self.pos = end;
        Some((Token { start, end, kind }, visited))
    }

    /// The end and kind of the word or number starting at `start` (an ASCII letter
    /// or digit) when it is a run of ASCII letters and digits that the next byte
    /// ends (see [`ends_run`]); `None` sends the token to [`Tokens::word`]. Gives
    /// what `word` gives whenever it answers. The run's classes are collected
    /// while it is measured, and each of its bytes is given to `visit`.
    #[inline(always)]
    fn ascii_word(&self, start: usize, visit: &mut impl FnMut(u8)) -> Option<(usize, TokenKind)> {
        let rest = &self.text.as_bytes()[start..self.end];
        let mut run = 0;
        let mut seen = 0u8;
        while let Some(&c) = rest.get(run) {
            let class = CLASS[c as usize];
            if class & (LETTER | DIGIT) == 0 {
                break;
            }
            seen |= class;
            visit(c);
            run += 1;
        }
        let letter = seen & LETTER != 0;
        if !ends_run(rest, run, letter) {
            return None;
        }
        let kind = if letter {
            TokenKind::Word
        } else {
            TokenKind::Number
        };
        Some((start + run, kind))
    }

    #[inline]
    fn char_at(&self, i: usize) -> Option<char> {
        if i >= self.end {
            return None;
        }
        let b = self.text.as_bytes()[i];
        if b < 0x80 {
            Some(b as char)
        } else {
            char_at(self.text, i)
        }
    }

    /// The end and kind of the word or number starting at `start`.
    fn word(&self, start: usize) -> (usize, TokenKind) {
        let b = self.text.as_bytes();
        let end = self.end;
        let mut i = start;
        let mut has_letter = false;
        loop {
            // The common case: a run of ASCII letters and digits.
            let mut seen = 0;
            while i < end {
                let class = CLASS[b[i] as usize];
                if class & (LETTER | DIGIT) == 0 {
                    break;
                }
                seen |= class;
                i += 1;
            }
            has_letter |= seen & LETTER != 0;
            let Some(c) = self.char_at(i) else { break };
            let len = c.len_utf8();
            if !c.is_ascii() && is_word_char(c) {
                has_letter |= !c.is_numeric();
                i += len;
                continue;
            }
            // A joiner inside the word needs a word char on both sides.
            let joiner = matches!(
                c,
                '\'' | '\u{2019}' | '-' | '\u{2010}' | '\u{2011}' | '.' | ',' | ':'
            );
            if !joiner {
                break;
            }
            // `U.S.`: one or two letters and a full stop may open an acronym.
            if c == '.' && i - start <= 2 && b[start..i].iter().all(u8::is_ascii_alphabetic) {
                if let Some(e) = self.acronym(start) {
                    return (e, TokenKind::Word);
                }
            }
            let Some(n) = self.char_at(i + len) else {
                break;
            };
            let prev = match b[i - 1] {
                p if p < 0x80 => p as char,
                _ => char_before(self.text, i).unwrap_or(' '),
            };
            let join = match c {
                '\'' | '\u{2019}' => prev.is_alphabetic() && n.is_alphabetic(),
                '-' | '\u{2010}' | '\u{2011}' => {
                    n.is_alphabetic() || (has_letter && n.is_alphanumeric())
                }
                '.' | ',' | ':' => !has_letter && prev.is_ascii_digit() && n.is_ascii_digit(),
                _ => false,
            };
            if !join {
                break;
            }
            has_letter |= n.is_alphabetic();
            i += len + n.len_utf8();
        }
        let kind = if has_letter {
            TokenKind::Word
        } else {
            TokenKind::Number
        };
        (i, kind)
    }

    /// `U.S.`, `a.m.`, `Ph.D.`: two or more groups of one or two ASCII letters, each
    /// followed by a full stop.
    fn acronym(&self, start: usize) -> Option<usize> {
        let b = self.text.as_bytes();
        let mut i = start;
        let mut groups = 0;
        loop {
            let g = i;
            while i < self.end && b[i].is_ascii_alphabetic() && i - g < 3 {
                i += 1;
            }
            if !(1..=2).contains(&(i - g)) || i >= self.end || b[i] != b'.' {
                break;
            }
            i += 1;
            groups += 1;
        }
        if groups < 2 {
            return None;
        }
        // Back to the full stop that closed the last complete group.
        let mut end = i;
        while b[end - 1] != b'.' {
            end -= 1;
        }
        Some(end)
    }
}

/// Letters and digits, and the combining marks of a decomposed accent.
fn is_word_char(c: char) -> bool {
    is_word_start(c) || ('\u{0300}'..='\u{036F}').contains(&c)
}

/// `c.is_alphanumeric()`, answered at once for the General Punctuation block
/// (U+2000–U+206F: curly quotes, dashes, spaces), which holds no letter or digit:
/// news text is full of these characters, and `is_alphanumeric` searches its
/// tables for each. The tests check the whole block.
#[inline]
fn is_word_start(c: char) -> bool {
    !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
}

fn punct_kind(c: char) -> TokenKind {
    let punct = if c.is_ascii() {
        c.is_ascii_punctuation()
            && !matches!(c, '$' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~')
    } else {
        matches!(c,
            '\u{00A1}' | '\u{00A7}' | '\u{00AB}' | '\u{00B6}' | '\u{00B7}' | '\u{00BB}' | '\u{00BF}'
            | '\u{2010}'..='\u{2027}'
            | '\u{2030}'..='\u{2043}'
            | '\u{2045}'..='\u{2051}'
            | '\u{2053}'..='\u{205E}'
            | '\u{3001}'..='\u{3003}'
            | '\u{3008}'..='\u{3011}'
            | '\u{FF01}'..='\u{FF03}'
            | '\u{FF05}'..='\u{FF0A}'
            | '\u{FF0C}'..='\u{FF0F}'
            | '\u{FF1A}' | '\u{FF1B}' | '\u{FF1F}' | '\u{FF20}')
    };
    if punct {
        TokenKind::Punct
    } else {
        TokenKind::Symbol
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every token of `text`, with the fast path or without it.
    fn all(text: &str, fast: bool) -> Vec<Token> {
        let mut it = tokens(text, Span::new(0, text.len()));
        std::iter::from_fn(|| it.next_token(fast, &mut |_| {}).map(|(t, _)| t)).collect()
    }

    #[test]
    fn the_ascii_fast_path_agrees_with_the_word_scan() {
        let edge = "al-Assad's F-16 U.S. a.m. 1,200 3.5 10:30 2nd x1 99 9- 7' \
            don\u{2019}t caf\u{e9} cafe\u{301} ab| ab@ ab. ab,c 12,5 12:x end \
            said, Aleppo. Ph.D. US. a1. abc: 2017. 12.x 12.\u{663} 4, 5: 1.5.6 \
            reconstruction-era 1234567890123456789 x9y8z7w6v5u4t3s2,r 2024.";
        assert_eq!(all(edge, true), all(edge, false));
        // Every span end is also a token end: the fast path looks at the byte
        // after a run, which a span can cut off.
        for cut in 0..=edge.len() {
            if edge.is_char_boundary(cut) {
                assert_eq!(all(&edge[..cut], true), all(&edge[..cut], false), "{cut}");
            }
        }
        let Some(dir) = crosscheck_datasets::dataset_dir("fa-kes") else {
            eprintln!("skipped: FA-KES is absent");
            return;
        };
        let bytes = std::fs::read(dir.join("FA-KES-Dataset.csv")).expect("FA-KES csv");
        let text = String::from_utf8_lossy(&bytes);
        let fast = all(&text, true);
        assert!(fast.len() > 100_000, "{} tokens", fast.len());
        assert_eq!(fast, all(&text, false));
    }

    #[test]
    fn a_visited_token_is_the_run_of_bytes_visit_saw() {
        let text = "al-Assad's F-16 U.S. a.m. 1,200 3.5 10:30 2nd x1 99 9- 7' \
            don\u{2019}t caf\u{e9} cafe\u{301} ab| ab@ ab. ab,c 12,5 12:x end \
            Plain words, 42 of them; SHOUTING and MiXeD case. Ph.D. abc: 2017. \
            12.x 4, 1.5.6 reconstruction-era 1234567890123456789 x9y8z7w6v5u4t3s2,r.";
        for cut in 0..=text.len() {
            if !text.is_char_boundary(cut) {
                continue;
            }
            let mut it = tokens(text, Span::new(0, cut));
            let mut got = Vec::new();
            let mut n_visited = 0;
            loop {
                let mut seen = Vec::new();
                let Some((t, visited)) = it.next_visiting(|b| seen.push(b)) else {
                    break;
                };
                if visited {
                    assert_eq!(seen, t.text(text).as_bytes(), "{cut}");
                    assert!(seen.iter().all(u8::is_ascii_alphanumeric));
                    n_visited += 1;
                }
                got.push(t);
            }
            assert_eq!(got, all(&text[..cut], false), "{cut}");
            if cut == text.len() {
                assert!(n_visited >= 15, "{n_visited}");
            }
        }
    }

    #[test]
    fn a_word_starts_at_a_letter_or_digit() {
        for c in ('\u{80}'..='\u{3000}').chain(['a', '7', '\u{10400}']) {
            assert_eq!(is_word_start(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
