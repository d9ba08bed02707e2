//! A tokenizer just fine enough for dates: words, digit runs and single punctuation
//! characters, each with byte offsets into the text and with what the grammar needs
//! to know about it precomputed (keyword, capitalisation, ordinal suffix).

use crate::ascii;
use crate::lexicon::{pack_lower, pack_word, Kw, Lexicon};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Num,
    Punct,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// The keyword of a word; `Kw::Other` for numbers and punctuation.
    pub kw: Kw,
    /// A word starting with an upper-case letter.
    pub cap: bool,
    /// A word written all in upper case (`GMT`, `MAY`).
    pub upper: bool,
    /// The value of a digit run (saturating), `0` for other tokens.
    pub num: u32,
    /// Digits in a digit run (leading zeros included).
    pub digits: u8,
    /// A digit run with its ordinal suffix folded in: `12th`.
    pub ordinal: bool,
    /// A digit run that cannot be a day or a year: thousands-grouped (`1,200`),
    /// decimal (`2.5` is caught elsewhere) or glued to letters (`F16`, `5km`).
    pub blocked: bool,
    /// The character of a punctuation token.
    pub ch: char,
}

impl Tok {
    pub(crate) fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.ch == c
    }
}

/// Splits `text` into tokens; offsets are `base + ` offsets into `text`.
pub(crate) fn tokenize(lex: &Lexicon, text: &str, base: usize, out: &mut Vec<Tok>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if b.is_ascii_digit() {
            let s = i;
            let mut value: u32 = 0;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                value = value
                    .saturating_mul(10)
                    .saturating_add(u32::from(bytes[i] - b'0'));
                i += 1;
            }
            let digits = (i - s).min(255) as u8;
            let mut tok = Tok {
                start: base + s,
                end: base + i,
                kind: Kind::Num,
                kw: Kw::Other,
                cap: false,
                upper: false,
                num: value,
                digits,
                ordinal: false,
                blocked: false,
                ch: '\0',
            };
            // `12th`, `1st`, `22nd`, `3rd`: fold the suffix in when it ends the word.
            let suffix_end = i + 2;
            if suffix_end <= bytes.len()
                && matches!(
                    [
                        bytes[i].to_ascii_lowercase(),
                        bytes[i + 1].to_ascii_lowercase()
                    ],
                    [b's', b't'] | [b'n', b'd'] | [b'r', b'd'] | [b't', b'h']
                )
                && !bytes
                    .get(suffix_end)
                    .is_some_and(|c| c.is_ascii_alphanumeric())
            {
                tok.ordinal = true;
                tok.end = base + suffix_end;
                i = suffix_end;
            }
            // `1,200`: a grouped count, never a day or a year. Swallow the groups.
            while i + 3 < bytes.len()
                && bytes[i] == b','
                && bytes[i + 1..i + 4].iter().all(u8::is_ascii_digit)
                && !bytes.get(i + 4).is_some_and(u8::is_ascii_digit)
                && !tok.ordinal
            {
                tok.blocked = true;
                i += 4;
                tok.end = base + i;
            }
            out.push(tok);
            continue;
        }
        if b.is_ascii_alphabetic() || (b >= 0x80 && starts_alphabetic(text, i)) {
            // The word: runs of ASCII letters (eight bytes a test), joined by
            // non-ASCII letters.
            let s = i;
            loop {
                i = ascii::letters_end(bytes, i);
                match bytes.get(i) {
                    Some(&c) if c >= 0x80 && starts_alphabetic(text, i) => i += char_len(c),
                    _ => break,
                }
            }
            let i_end = i.min(bytes.len());
            let word = &bytes[s..i_end];
            let (kw, upper) = match pack_word(bytes, s, word.len()) {
                Some((key, upper)) => (lex.lookup_packed(Some(key)), upper),
                None => (
                    lex.lookup_packed(pack_lower(word)),
                    word.iter().all(u8::is_ascii_uppercase),
                ),
            };
            out.push(Tok {
                start: base + s,
                end: base + i_end,
                kind: Kind::Word,
                kw,
                cap: b.is_ascii_uppercase(),
                upper,
                num: 0,
                digits: 0,
                ordinal: false,
                blocked: false,
                ch: '\0',
            });
            i = i_end;
            continue;
        }
        // Punctuation (or a non-ASCII symbol / space): one character.
        let len = if b < 0x80 { 1 } else { char_len(b) };
        let ch = text
            .get(i..(i + len).min(bytes.len()))
            .and_then(|s| s.chars().next())
            .unwrap_or('\u{fffd}');
        let end = (i + len).min(bytes.len());
        if !ch.is_whitespace() {
            out.push(Tok {
                start: base + i,
                end: base + end,
                kind: Kind::Punct,
                kw: Kw::Other,
                cap: false,
                upper: false,
                num: 0,
                digits: 0,
                ordinal: false,
                blocked: false,
                ch,
            });
        }
        i = end;
    }
    mark_glued_numbers(out);
}

/// `F16`, `5km`, `AK47`: a digit run touching letters is a name or a measure, not a date part.
/// The ISO time separator (`2016-10-12T08`) and ordinal suffixes are the exceptions.
fn mark_glued_numbers(toks: &mut [Tok]) {
    for i in 0..toks.len() {
        if toks[i].kind != Kind::Num {
            continue;
        }
        let prev_glued =
            i > 0 && toks[i - 1].kind == Kind::Word && toks[i - 1].end == toks[i].start;
        let next_glued = toks.get(i + 1).is_some_and(|n| {
            n.kind == Kind::Word && n.start == toks[i].end && !is_iso_t(toks, i + 1)
        });
        let iso_time = prev_glued && is_iso_t(toks, i - 1);
        if (prev_glued && !iso_time) || next_glued {
            toks[i].blocked = true;
        }
    }
}

/// A lone `T` between two digit runs, as in `2016-10-12T08:00`.
fn is_iso_t(toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    t.kind == Kind::Word
        && t.end - t.start == 1
        && i > 0
        && toks[i - 1].kind == Kind::Num
        && toks[i - 1].end == t.start
        && toks
            .get(i + 1)
            .is_some_and(|n| n.kind == Kind::Num && n.start == t.end)
}

fn starts_alphabetic(text: &str, i: usize) -> bool {
    text.get(i..)
        .and_then(|s| s.chars().next())
        // The General Punctuation block (curly quotes, dashes) holds no letter:
        // known without the Unicode tables.
        .is_some_and(|c| !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphabetic())
}

fn char_len(lead: u8) -> usize {
    match lead {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}
