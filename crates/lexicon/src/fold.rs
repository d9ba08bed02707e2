//! Folding: the normal form both the table aliases and the searched text are put in
//! before matching, with a map from folded positions back to the original bytes.
//!
//! Folding makes spelling variants that news agencies mix freely compare equal:
//!
//! * ASCII letters are lowercased (case-sensitive aliases are checked afterwards
//!   against the original text, see `matcher`);
//! * runs of whitespace, hyphens and dashes (`-`, `–`, `—`, no-break space, ...)
//!   become one space, so `Deir ez-Zor`, `Deir ez Zor` and `Deir  ez–Zor` meet;
//! * apostrophe-like marks (`'`, `’`, `‘`, `ʿ`, `ʾ`, `` ` ``) inside a word vanish, so
//!   `Ma’arrat al-Nu’man` and `Maarrat al-Numan` meet; a possessive `’s` keeps
//!   its mark (as `'`), so `Assad’s` still ends the word `Assad`;
//! * Latin letters with diacritics lose them (`Şanlıurfa` → `sanliurfa`,
//!   `Akçakale` → `akcakale`, `Ḥalab` → `halab`);
//! * Arabic script drops short vowels and tatweel and unifies alef and
//!   ta marbuta forms;
//! * every other non-letter character becomes one ASCII punctuation byte, so
//!   a non-ASCII byte in the folded text is always part of a letter.
//!
//! Folding only ever shortens the text, so the map back is a short list of
//! checkpoints, one per place where the lengths diverge: ASCII text with single
//! spaces has none.

/// A folded copy of a region of a text, with the way back.
#[derive(Default)]
pub(crate) struct Folded {
    pub(crate) bytes: Vec<u8>,
    /// `(folded position, original − folded)` from that position on, ascending.
    shifts: Vec<(usize, usize)>,
    /// Original offset of folded position 0.
    base: usize,
}

impl Folded {
    /// Folds `region`, which starts at byte `base` of its text.
    pub(crate) fn new(region: &str, base: usize) -> Folded {
        let mut f = Folded {
            bytes: Vec::with_capacity(region.len()),
            // An article has a few dozen checkpoints (curly quotes, dashes, double
            // spaces): room for them at once rather than a doubling series.
            shifts: Vec::with_capacity(32),
            base,
        };
        fold_into(region, &mut f);
        f
    }

    /// The original offset of folded position `pos`. A position just after a
    /// dropped character maps past it.
    pub(crate) fn original(&self, pos: usize) -> usize {
        let i = self.shifts.partition_point(|&(p, _)| p <= pos);
        let delta = if i == 0 { 0 } else { self.shifts[i - 1].1 };
        self.base + pos + delta
    }
}

/// The folded form of a table alias, trimmed of outer spaces.
pub(crate) fn fold_alias(alias: &str) -> String {
    let f = Folded::new(alias, 0);
    // Folding emits whole UTF-8 sequences of valid input, so this never fails;
    // the fallback only keeps the function total.
    let s = String::from_utf8(f.bytes).unwrap_or_default();
    s.trim_matches(' ').to_string()
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// For eight ASCII bytes, the high bit of each byte that is at least `n` (`1..=0x80`).
#[inline]
fn at_least(x: u64, n: u64) -> u64 {
    x.wrapping_add((0x80 - n) * ONES) & HIGH
}

/// Eight bytes folded as far as they fold one to one: the block with its
/// upper-case letters lowered, and how many of its first bytes that is right
/// for (8 for a block of plain text). The byte after those needs the
/// byte-by-byte fold: a non-ASCII byte, a control character, hyphen,
/// apostrophe or backtick, or a space after a space (`in_space` says whether
/// the byte before the block folded to a space). What the block holds past its
/// plain bytes is of no use.
#[inline]
fn fold_block(x: u64, in_space: bool) -> (u64, usize) {
    // The tests read the low seven bits of each byte, so that no sum carries
    // into the next byte. A non-ASCII byte stops the block whatever they say of
    // it, and what they say of the bytes after it is never read.
    let low = x & !HIGH;
    let eq = |n: u64| at_least(low, n) & !at_least(low, n + 1);
    let spaces = eq(0x20);
    let mut stops = (x & HIGH)
        | (HIGH & !at_least(low, 0x20))
        | at_least(low, 0x7F)
        | eq(0x2D)
        | eq(0x27)
        | eq(0x60)
        | (spaces & (spaces << 8));
    if in_space {
        stops |= spaces & 0x80;
    }
    let upper = at_least(low, 0x41) & !at_least(low, 0x5B);
    (x | (upper >> 2), (stops.trailing_zeros() / 8) as usize)
}

/// Folds a short ASCII string into `buf` without allocating, as [`Folded::new`]
/// would: the folded length, or `None` when the text is not ASCII or does not fit.
pub(crate) fn fold_ascii_into(text: &str, buf: &mut [u8]) -> Option<usize> {
    let bytes = text.as_bytes();
    if !text.is_ascii() || bytes.len() > buf.len() {
        return None;
    }
    let (mut i, mut o, mut in_space) = (0, 0, false);
    while i < bytes.len() {
        let t = ASCII[usize::from(bytes[i])];
        i += 1;
        fold_ascii(t, text, i, buf, &mut o, &mut in_space);
    }
    Some(o)
}

/// Folds one ASCII byte, `t` its [`ASCII`] entry and `text[after..]` what follows
/// it, into `buf` at `*o`: a kept byte, a space merged into the run before it, or
/// an apostrophe kept or dropped.
#[inline(always)]
fn fold_ascii(t: u8, text: &str, after: usize, buf: &mut [u8], o: &mut usize, in_space: &mut bool) {
    if t > 1 {
        buf[*o] = t;
        *o += 1;
        *in_space = false;
    } else if t == 0 {
        if !*in_space {
            buf[*o] = b' ';
            *o += 1;
            *in_space = true;
        }
    } else if !drops_apostrophe(text, after) {
        buf[*o] = b'\'';
        *o += 1;
        *in_space = false;
    }
}

/// True for a folded byte that belongs to a word: ASCII letters and digits and
/// every non-ASCII byte (folding leaves only letters outside ASCII).
#[inline]
pub(crate) fn is_word_byte(b: u8) -> bool {
    WORD_BYTE[usize::from(b)]
}

const WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = b.is_ascii_alphanumeric() || b >= 0x80;
        i += 1;
    }
    t
};

/// True when the character can continue or start a word in the original text.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// What one character folds to.
enum Fold {
    /// Emit this ASCII byte.
    Byte(u8),
    /// Emit this character (non-ASCII letters kept as they are).
    Char(char),
    /// A space, merged with neighbouring spaces.
    Space,
    /// An apostrophe-like mark: dropped inside a word, `'` otherwise.
    Apostrophe,
    /// Nothing (Arabic short vowels, tatweel, zero-width joiners).
    Drop,
}

/// The ASCII fold table: lowercase letters, digits and punctuation kept,
/// whitespace and hyphens marked as spaces (0), apostrophes marked (1).
const ASCII: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b.is_ascii_uppercase() {
            b + 32
        } else if b == b'\'' || b == b'`' {
            1
        } else if b == b'-' || b < 0x20 || b == b' ' || b == 0x7f {
            // Whitespace, control characters and hyphens.
            0
        } else {
            b
        };
        i += 1;
    }
    t
};

fn fold_into(text: &str, out: &mut Folded) {
    let bytes = text.as_bytes();
    // Folding never lengthens: write into a buffer of the input's size and cut
    // it at the end (cheaper than a push per byte).
    let buf = &mut out.bytes;
    buf.clear();
    buf.resize(bytes.len(), 0);
    let (mut i, mut o) = (0, 0);
    // Whether the last emitted byte is a space: runs of spaces collapse.
    let mut in_space = false;
    // original − folded so far (`i - o`); a checkpoint marks each change.
    let mut delta = 0;
    while i < bytes.len() {
        // Eight bytes at once: the common case of running text. When the block
        // holds a byte that needs the byte-by-byte fold, the plain bytes before it
        // are taken from the block all the same (the rest of what it wrote is
        // overwritten), and that byte is folded below.
        if let (Some(block), Some(dst)) = (bytes.get(i..i + 8), buf.get_mut(o..o + 8)) {
            let mut x = [0u8; 8];
            x.copy_from_slice(block);
            let (folded, plain) = fold_block(u64::from_le_bytes(x), in_space);
            dst.copy_from_slice(&folded.to_le_bytes());
            if plain == 8 {
                in_space = block[7] == b' ';
                i += 8;
                o += 8;
                continue;
            }
            if plain > 0 {
                in_space = block[plain - 1] == b' ';
                i += plain;
                o += plain;
            }
        }
        let b = bytes[i];
        if b < 0x80 {
            let t = ASCII[usize::from(b)];
            i += 1;
            fold_ascii(t, text, i, buf, &mut o, &mut in_space);
            if t > 1 {
                // The hot path: plain ASCII keeps its length, no checkpoint.
                continue;
            }
        } else {
            // `i` is always a char boundary: we advance by whole characters.
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            i += c.len_utf8();
            match fold_char(c) {
                Fold::Byte(x) => {
                    buf[o] = x;
                    o += 1;
                    in_space = false;
                }
                Fold::Char(x) => {
                    // Replacements are never longer than the original.
                    if let Some(dst) = buf.get_mut(o..o + x.len_utf8()) {
                        o += x.encode_utf8(dst).len();
                    }
                    in_space = false;
                }
                Fold::Space => {
                    if !in_space {
                        buf[o] = b' ';
                        o += 1;
                        in_space = true;
                    }
                }
                Fold::Apostrophe => {
                    if !drops_apostrophe(text, i) {
                        buf[o] = b'\'';
                        o += 1;
                        in_space = false;
                    }
                }
                Fold::Drop => {}
            }
        }
        if i - o != delta {
            delta = i - o;
            match out.shifts.last_mut() {
                Some(last) if last.0 == o => last.1 = delta,
                _ => out.shifts.push((o, delta)),
            }
        }
    }
    buf.truncate(o);
}

/// An apostrophe followed by a letter is part of a transliteration (`Nu’man`,
/// `‘Ayn`) or an opening quote, and vanishes; one followed by `s` and the end of
/// the word is a possessive and stays, as is one followed by anything else.
fn drops_apostrophe(text: &str, after: usize) -> bool {
    let mut rest = text[after..].chars();
    match rest.next() {
        Some('s' | 'S') => rest.next().is_some_and(is_word_char),
        Some(c) => c.is_alphabetic(),
        None => false,
    }
}

fn fold_char(c: char) -> Fold {
    if let Some(b) = latin(c) {
        return Fold::Byte(b);
    }
    match c {
        '\u{2018}'
        | '\u{2019}'
        | '\u{201B}'
        | '\u{2032}'
        | '\u{00B4}'
        | '\u{02B9}'..='\u{02BF}' => Fold::Apostrophe,
        '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{2010}'..='\u{2015}'
        | '\u{2028}'
        | '\u{2029}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{2212}'
        | '\u{3000}'
        | '\u{FE58}'
        | '\u{FE63}'
        | '\u{FF0D}' => Fold::Space,
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' | '\u{0640}' => Fold::Drop,
        // Arabic harakat, tanwin, shadda, sukun and superscript alef.
        '\u{064B}'..='\u{065F}' | '\u{0670}' => Fold::Drop,
        'أ' | 'إ' | 'آ' | 'ٱ' => Fold::Char('ا'),
        'ة' => Fold::Char('ه'),
        'ى' => Fold::Char('ي'),
        // The rest of the General Punctuation block (curly quotes, dashes, bullets,
        // ellipses) holds no letter, digit or white space: the arms below would give
        // a comma after two Unicode table look-ups.
        '\u{2000}'..='\u{206F}' => Fold::Byte(b','),
        c if c.is_alphanumeric() => Fold::Char(c),
        c if c.is_whitespace() => Fold::Space,
        // Quotes, guillemets, bullets, ellipses, Arabic commas: all just punctuation.
        _ => Fold::Byte(b','),
    }
}

/// Latin letters with diacritics, and the Turkish dotless i, as plain ASCII.
fn latin(c: char) -> Option<u8> {
    let b = match c {
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' | 'ǎ' | 'Ǎ' | 'ạ' | 'Ạ' => b'a',
        'Ç' | 'ç' | 'Ć'..='č' => b'c',
        'Ď'..='đ' | 'ḍ' | 'Ḍ' | 'ḏ' | 'Ḏ' => b'd',
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' | 'ẹ' | 'Ẹ' => b'e',
        'Ĝ'..='ģ' | 'ǧ' | 'Ǧ' => b'g',
        'Ĥ'..='ħ' | 'ḥ' | 'Ḥ' | 'ḫ' | 'Ḫ' | 'ẖ' => b'h',
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' | 'ǐ' | 'Ǐ' | 'ị' | 'Ị' => b'i',
        'Ĵ' | 'ĵ' => b'j',
        'Ķ' | 'ķ' | 'ḳ' | 'Ḳ' => b'k',
        'Ĺ'..='ł' => b'l',
        'Ñ' | 'ñ' | 'Ń'..='ň' => b'n',
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō'..='ő' | 'ǒ' | 'Ǒ' | 'ọ' | 'Ọ' => b'o',
        'Ŕ'..='ř' => b'r',
        'Ś'..='š' | 'Ș' | 'ș' | 'ṣ' | 'Ṣ' => b's',
        'Ţ'..='ŧ' | 'Ț' | 'ț' | 'ṭ' | 'Ṭ' => b't',
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' | 'ǔ' | 'Ǔ' | 'ụ' | 'Ụ' => b'u',
        'Ŵ' | 'ŵ' => b'w',
        'Ý' | 'ý' | 'ÿ' | 'Ŷ' | 'ŷ' | 'Ÿ' => b'y',
        'Ź'..='ž' | 'ẓ' | 'Ẓ' | 'ẕ' => b'z',
        _ => return None,
    };
    Some(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(s: &str) -> String {
        String::from_utf8(Folded::new(s, 0).bytes).unwrap()
    }

    /// The General Punctuation arm of `fold_char` gives what the general arms after
    /// it would: no character of the block is a letter or digit, and its white space
    /// is folded to a space by the arms before it.
    #[test]
    fn general_punctuation_folds_as_the_general_arms() {
        for c in '\u{2000}'..='\u{206F}' {
            assert!(!c.is_alphanumeric(), "{c:?}");
            if c.is_whitespace() {
                assert!(matches!(fold_char(c), Fold::Space), "{c:?}");
            }
        }
    }

    /// The eight-byte path folds as the byte-by-byte one, at every alignment.
    #[test]
    fn blocks_fold_as_bytes() {
        let text = "Regime  forces SHELLED the town of Ma'arrat al-Nu'man, AFP said -- on Tuesday\t(UTC).  `Quoted` DEL\u{7f} {x}|~ Zz@[az]";
        for start in 0..12 {
            let region = &text[start..];
            let mut slow = Folded::default();
            let mut fast = Folded::default();
            fold_into(region, &mut fast);
            let mut buf = vec![0u8; region.len()];
            let n = fold_ascii_into(region, &mut buf).unwrap();
            slow.bytes = buf[..n].to_vec();
            assert_eq!(
                String::from_utf8_lossy(&fast.bytes),
                String::from_utf8_lossy(&slow.bytes),
                "from {start}"
            );
        }
    }

    #[test]
    fn the_ascii_fold_is_the_fold() {
        for s in [
            "Deir ez-Zor",
            "the regime's  jets",
            "Ma'arrat al-Nu'man",
            "U.S.-led",
            "IS",
        ] {
            let mut buf = [0u8; 64];
            let n = fold_ascii_into(s, &mut buf).unwrap();
            assert_eq!(&buf[..n], &Folded::new(s, 0).bytes[..], "{s}");
        }
        assert_eq!(fold_ascii_into("Ḥalab", &mut [0u8; 64]), None);
    }

    #[test]
    fn transliteration_variants_meet() {
        assert_eq!(fold("Deir ez-Zor"), "deir ez zor");
        assert_eq!(fold("Deir  ez\u{2013}Zor"), "deir ez zor");
        assert_eq!(fold("Ma\u{2019}arrat al-Nu\u{2019}man"), "maarrat al numan");
        assert_eq!(fold("Ma'arrat al-Nu'man"), "maarrat al numan");
        assert_eq!(fold("\u{15E}anl\u{131}urfa"), "sanliurfa");
        assert_eq!(fold("Ak\u{E7}akale"), "akcakale");
    }

    #[test]
    fn possessives_keep_their_apostrophe() {
        assert_eq!(fold("Assad\u{2019}s forces"), "assad's forces");
        assert_eq!(fold("the regime's jets"), "the regime's jets");
    }

    #[test]
    fn positions_map_back_to_the_original() {
        let text = "In Ma\u{2019}arrat  al-Nu\u{2019}man, today";
        let f = Folded::new(text, 100);
        let folded = std::str::from_utf8(&f.bytes).unwrap();
        let s = folded.find("maarrat").unwrap();
        let e = folded.find(", today").unwrap();
        assert_eq!(f.original(s), 103);
        assert_eq!(
            &text[f.original(s) - 100..f.original(e) - 100],
            "Ma\u{2019}arrat  al-Nu\u{2019}man"
        );
    }

    #[test]
    fn arabic_short_vowels_and_alef_forms_fold() {
        assert_eq!(fold("إدلب"), fold("ادلب"));
        assert_eq!(fold("حَلَب"), "حلب");
    }
}
