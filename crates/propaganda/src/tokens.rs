//! Tokens as the models see them: the segmenter's tokens with a case-folded hash,
//! a shape class, a 3-letter suffix hash and the lexicon classes, computed in one
//! pass without allocating.

use crosscheck_learn::hash::{fnv1a_step, mix64, FNV_OFFSET};
use crosscheck_schema::Span;
use crosscheck_segment::{tokens, TokenKind};

use crate::lexicon::Lexicon;

/// Lower-case word (`dog`, `don't`).
pub const SHAPE_LOWER: u8 = 0;
/// Capitalised word (`Dog`).
pub const SHAPE_CAPITAL: u8 = 1;
/// All capitals, two letters or more (`DOG`, `U.S.`).
pub const SHAPE_UPPER: u8 = 2;
/// Any other word (`iPhone`, `F-16`).
pub const SHAPE_MIXED: u8 = 3;
pub const SHAPE_NUMBER: u8 = 4;
/// `"`, `“`, `”`, `'`, `‘`, `’`, `«`, `»`.
pub const SHAPE_QUOTE: u8 = 5;
/// `.`, `!`, `?`, `…` and runs of them.
pub const SHAPE_END: u8 = 6;
/// `,`, `;`, `:`.
pub const SHAPE_COMMA: u8 = 7;
/// Dashes, brackets.
pub const SHAPE_DASH: u8 = 8;
pub const SHAPE_OTHER: u8 = 9;
/// How many shapes there are.
pub const N_SHAPES: usize = SHAPE_OTHER as usize + 1;

/// One token of a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    /// Case-folded, digits folded to `0`, curly apostrophes straightened, mixed.
    pub hash: u64,
    /// Hash of the last three letters of words of five letters or more, else 0.
    pub suffix: u64,
    pub shape: u8,
    pub lex: u16,
    /// The segmenter's kind of the token.
    pub kind: TokenKind,
}

impl Tok {
    pub fn is_word(&self) -> bool {
        self.shape <= SHAPE_NUMBER
    }
}

#[inline]
fn fold(c: char) -> char {
    match c {
        '0'..='9' => '0',
        '\u{2019}' | '\u{2018}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{ab}' | '\u{bb}' => '"',
        '\u{2013}' | '\u{2014}' => '-',
        c => c,
    }
}

/// The token hash of a word, as [`tokenize`] computes it.
pub fn word_hash(word: &str) -> u64 {
    mix64(fnv_of_chars(word))
}

/// FNV-1a over the lower-cased, folded `char`s of `word`, before mixing: what both
/// [`word_hash`] and the tokenizer's `char` path hash.
fn fnv_of_chars(word: &str) -> u64 {
    let mut h = FNV_OFFSET;
    for c in word.chars() {
        if c.is_ascii() {
            h = fnv1a_step(h, fold(c.to_ascii_lowercase()) as u32);
        } else {
            for l in c.to_lowercase() {
                h = fnv1a_step(h, fold(l) as u32);
            }
        }
    }
    h
}

fn shape_of(word: &str, kind: TokenKind) -> u8 {
    match kind {
        TokenKind::Number => return SHAPE_NUMBER,
        TokenKind::Punct | TokenKind::Symbol => {
            let c = word.chars().next().unwrap_or(' ');
            return match c {
                '"' | '\'' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}' | '\u{ab}'
                | '\u{bb}' => SHAPE_QUOTE,
                '.' | '!' | '?' | '\u{2026}' => SHAPE_END,
                ',' | ';' | ':' => SHAPE_COMMA,
                '-' | '\u{2013}' | '\u{2014}' | '(' | ')' | '[' | ']' => SHAPE_DASH,
                _ => SHAPE_OTHER,
            };
        }
        TokenKind::Word => {}
    }
    let (mut upper, mut lower, mut first_upper) = (0usize, 0usize, None);
    for c in word.chars() {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        } else {
            continue;
        }
        first_upper.get_or_insert(c.is_uppercase());
    }
    match (first_upper, upper, lower) {
        (_, 0, _) => SHAPE_LOWER,
        (_, u, 0) if u >= 2 => SHAPE_UPPER,
        (Some(true), 1, _) => SHAPE_CAPITAL,
        _ => SHAPE_MIXED,
    }
}

/// Per byte, what [`ascii_word`] needs: the byte as the token hash reads it
/// (lower-cased, digits folded to `0`) in the low 8 bits, [`UPPER_BIT`] for an
/// upper-case letter, [`LOWER_BIT`] for a lower-case one, [`NON_ASCII_BIT`] for
/// a byte of a multi-byte character (the word then takes the `char` path).
const ASCII_WORD: [u16; 256] = {
    let mut t = [0u16; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c >= 0x80 {
            NON_ASCII_BIT
        } else if c.is_ascii_uppercase() {
            (c | 0x20) as u16 | UPPER_BIT
        } else if c.is_ascii_lowercase() {
            c as u16 | LOWER_BIT
        } else if c.is_ascii_digit() {
            b'0' as u16
        } else {
            c as u16
        };
        b += 1;
    }
    t
};
const UPPER_BIT: u16 = 1 << 8;
const LOWER_BIT: u16 = 1 << 9;
const NON_ASCII_BIT: u16 = 1 << 10;

/// Hash, suffix hash and shape of a word in one pass over its bytes through the
/// [`ASCII_WORD`] table, or `None` when the word is not all ASCII. Same values as
/// the `char` path of [`tokenize`] (`tokenize_reference` in the tests; a test
/// compares them on real text).
#[inline]
fn ascii_word(bytes: &[u8]) -> Option<(u64, u64, u8)> {
    let mut h = FNV_OFFSET;
    let mut flags = 0u16;
    for &b in bytes {
        ascii_step(&mut h, &mut flags, b);
    }
    if flags & NON_ASCII_BIT != 0 {
        return None;
    }
    Some(ascii_finish(bytes, h, flags))
}

/// One byte of [`ascii_word`]'s pass: the hash and the case flags.
#[inline(always)]
fn ascii_step(h: &mut u64, flags: &mut u16, b: u8) {
    let e = ASCII_WORD[usize::from(b)];
    *h = fnv1a_step(*h, u32::from(e & 0xff));
    *flags |= e;
}

/// The shape and suffix of an all-ASCII word whose bytes [`ascii_step`] read
/// into `h` and `flags`, with that hash.
#[inline]
fn ascii_finish(bytes: &[u8], h: u64, flags: u16) -> (u64, u64, u8) {
    // Most words have no capital; the capitals are counted only when there are some.
    let shape = if flags & UPPER_BIT == 0 {
        SHAPE_LOWER
    } else {
        let upper = bytes.iter().filter(|b| b.is_ascii_uppercase()).count();
        // The case of the first letter (words nearly always start with one).
        let first_upper = bytes
            .iter()
            .find(|b| b.is_ascii_alphabetic())
            .is_some_and(u8::is_ascii_uppercase);
        match (flags & LOWER_BIT != 0, upper) {
            (false, u) if u >= 2 => SHAPE_UPPER,
            (_, 1) if first_upper => SHAPE_CAPITAL,
            _ => SHAPE_MIXED,
        }
    };
    let mut suffix = 0u64;
    if bytes.len() >= 5 {
        let mut s = FNV_OFFSET ^ 0x5eed;
        for &b in &bytes[bytes.len() - 3..] {
            s = fnv1a_step(s, u32::from(b.to_ascii_lowercase()));
        }
        suffix = s;
    }
    (h, suffix, shape)
}

/// Hash and shape of any token by its `char`s (suffix 0): the definition, used
/// for punctuation, symbols, numbers and words outside ASCII.
fn char_token(word: &str, kind: TokenKind) -> (u64, u64, u8) {
    (fnv_of_chars(word), 0, shape_of(word, kind))
}

/// Appends the tokens of `text[span]` to `out`.
pub fn tokenize(text: &str, span: Span, lexicon: &Lexicon, out: &mut Vec<Tok>) {
    let mut it = tokens(text, span);
    loop {
        // A plain ASCII word is hashed while the tokenizer measures it: one pass
        // over its bytes instead of two.
        let (mut h, mut flags) = (FNV_OFFSET, 0u16);
        let Some((t, visited)) = it.next_visiting(|b| ascii_step(&mut h, &mut flags, b)) else {
            break;
        };
        // The tokenizer's offsets are char boundaries inside `text`: the bytes are
        // sliced without `Token::text`'s boundary checks, which cost as much as
        // hashing a short word.
        let bytes = text.as_bytes().get(t.start..t.end).unwrap_or_default();
        let fast = match t.kind {
            TokenKind::Word if visited => Some(ascii_finish(bytes, h, flags)),
            TokenKind::Word => ascii_word(bytes),
            _ => None,
        };
        let (h, suffix, shape) = fast.unwrap_or_else(|| char_token(t.text(text), t.kind));
        let hash = mix64(h);
        let lex = if shape <= SHAPE_MIXED {
            lexicon.classes(hash)
        } else {
            0
        };
        out.push(Tok {
            start: t.start,
            end: t.end,
            hash,
            suffix,
            shape,
            lex,
            kind: t.kind,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition [`tokenize`] speeds up: every token read by its `char`s,
    /// the suffix of an ASCII word of five bytes or more from its last three.
    fn tokenize_reference(text: &str, lexicon: &Lexicon) -> Vec<Tok> {
        tokens(text, Span::new(0, text.len()))
            .map(|t| {
                let word = t.text(text);
                let (h, _, shape) = char_token(word, t.kind);
                let mut suffix = 0;
                if t.kind == TokenKind::Word && word.is_ascii() && word.len() >= 5 {
                    let mut s = FNV_OFFSET ^ 0x5eed;
                    for c in word[word.len() - 3..].chars() {
                        s = fnv1a_step(s, c.to_ascii_lowercase() as u32);
                    }
                    suffix = s;
                }
                let hash = mix64(h);
                let lex = if shape <= SHAPE_MIXED {
                    lexicon.classes(hash)
                } else {
                    0
                };
                Tok {
                    start: t.start,
                    end: t.end,
                    hash,
                    suffix,
                    shape,
                    lex,
                    kind: t.kind,
                }
            })
            .collect()
    }

    #[test]
    fn the_ascii_fast_path_agrees_with_the_definition_on_real_text() {
        let lex = Lexicon::new();
        let mut texts = vec![
            "NATO\u{2019}s \u{201c}crazy\u{201d} leaders, 2019: SHOCKING! F-16s U.S. iPhone 3.5 1,200"
                .to_string(),
            "caf\u{e9} \u{c9}COLE Ma\u{2019}arrat al-Assad don't DON'T 2nd X Xy xY 5G ____ ..."
                .to_string(),
        ];
        let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/corpus");
        for entry in std::fs::read_dir(corpus).expect("examples/corpus") {
            texts.push(std::fs::read_to_string(entry.expect("entry").path()).unwrap_or_default());
        }
        let mut n = 0;
        for text in &texts {
            let mut fast = Vec::new();
            tokenize(text, Span::new(0, text.len()), &lex, &mut fast);
            assert_eq!(fast, tokenize_reference(text, &lex));
            n += fast.len();
        }
        assert!(n > 1_000, "{n} tokens");
    }

    #[test]
    fn shapes_and_hashes_of_a_headline() {
        let text = "NATO’s “crazy” leaders, 2019: SHOCKING!";
        let lex = Lexicon::new();
        let mut toks = Vec::new();
        tokenize(text, Span::new(0, text.len()), &lex, &mut toks);
        let shapes: Vec<u8> = toks.iter().map(|t| t.shape).collect();
        assert_eq!(
            shapes,
            [
                SHAPE_MIXED, // NATO’s
                SHAPE_QUOTE,
                SHAPE_LOWER,
                SHAPE_QUOTE,
                SHAPE_LOWER,
                SHAPE_COMMA,
                SHAPE_NUMBER,
                SHAPE_COMMA,
                SHAPE_UPPER,
                SHAPE_END,
            ]
        );
        assert_eq!(toks[0].hash, word_hash("nato's"));
        assert_eq!(toks[2].lex, crate::lexicon::PEJORATIVE);
        assert_eq!(toks[6].hash, word_hash("0000"));
        assert_eq!(toks[8].hash, word_hash("shocking"));
        assert_ne!(toks[8].suffix, 0);
        // "leaders" and "others" share their suffix feature.
        let mut more = Vec::new();
        tokenize("others", Span::new(0, 6), &lex, &mut more);
        assert_eq!(toks[4].suffix, more[0].suffix);
    }
}
