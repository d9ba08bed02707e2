//! Stable hashing and the word scanner shared by copy detection and claim sketches.
//!
//! Hashes here are persisted with the linker's state, so they must not change between
//! runs, platforms or library versions: no `std` hasher, no randomised seeds.

/// The splitmix64 finaliser: a cheap bijective mixer with good avalanche.
pub(crate) const fn mix64(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// A stable 64-bit hash of a string.
pub(crate) fn hash_str(s: &str) -> u64 {
    let mut h = FNV_OFFSET;
    for &b in s.as_bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
    }
    mix64(h)
}

/// 16 lower-case hex digits of a stable hash of `s`, for identifiers.
pub(crate) fn hex_id(prefix: char, s: &str) -> String {
    format!("{prefix}{:016x}", hash_str(s))
}

/// Calls `f` with a hash of every word of `text`, left to right, without allocating.
///
/// A word is a run of ASCII letters and digits or of non-ASCII characters other
/// than typographic punctuation (curly quotes, dashes, no-break space, guillemets),
/// so `Ma’arrat` and `Ma'arrat` both split at the apostrophe. ASCII letters are
/// lower-cased. With `markup`, `<...>` tags and `&...;` entities are separators: the
/// offsets of an HTML article point into its source, markup included.
///
/// Runs of ASCII letters and digits, nearly all of the text, are hashed in a tight
/// loop over [`ASCII_WORD`], and plain ASCII separators (spaces, most punctuation)
/// are told apart by the same table; only markup and bytes outside ASCII go
/// through [`classify`]. The hashes are those of the byte-by-byte definition
/// (`for_each_word_reference` in the tests), which a test checks on mixed text.
pub(crate) fn for_each_word(text: &str, markup: bool, mut f: impl FnMut(u64)) {
    for_each_word_end(text, markup, |_, h| f(h));
}

/// [`for_each_word`], with where each word ends: `f(end, hash)`, `end` the offset
/// in `text` of the byte after the word's last byte.
pub(crate) fn for_each_word_end(text: &str, markup: bool, mut f: impl FnMut(usize, u64)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut h = FNV_OFFSET;
    let mut in_word = false;
    while i < bytes.len() {
        let folded = ASCII_WORD[usize::from(bytes[i])];
        if folded > CLASSIFY {
            h = (h ^ u64::from(folded)).wrapping_mul(FNV_PRIME);
            in_word = true;
            i += 1;
            continue;
        }
        if folded == SEPARATOR {
            // What `classify` answers for such a byte: not a word, one byte on.
            if in_word {
                f(i, mix64(h));
                h = FNV_OFFSET;
                in_word = false;
            }
            i += 1;
            continue;
        }
        let (is_word, step) = classify(bytes, i, markup);
        if is_word {
            for &c in &bytes[i..i + step] {
                h = (h ^ u64::from(c.to_ascii_lowercase())).wrapping_mul(FNV_PRIME);
            }
            in_word = true;
        } else if in_word {
            f(i, mix64(h));
            h = FNV_OFFSET;
            in_word = false;
        }
        i += step.max(1);
    }
    if in_word {
        f(bytes.len(), mix64(h));
    }
}

/// [`ASCII_WORD`] of an ASCII byte that is neither a letter, a digit nor the start
/// of markup: a separator whatever the mode.
const SEPARATOR: u8 = 0;
/// [`ASCII_WORD`] of a byte [`classify`] must look at: `<`, `&` and every byte
/// outside ASCII.
const CLASSIFY: u8 = 1;

/// For each byte: its lower-case form when it is an ASCII letter or digit (a word
/// byte [`classify`] would hash as such), [`CLASSIFY`] for `<`, `&` and bytes
/// outside ASCII, else [`SEPARATOR`]. Letters and digits are all above `CLASSIFY`.
const ASCII_WORD: [u8; 256] = {
    let mut t = [CLASSIFY; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else if c == b'<' || c == b'&' {
            CLASSIFY
        } else {
            SEPARATOR
        };
        b += 1;
    }
    t
};

/// Whether the character starting at `i` is part of a word outside markup.
pub(crate) fn is_word_at(bytes: &[u8], i: usize) -> bool {
    classify(bytes, i, false).0
}

/// Whether the character at `i` is part of a word, and how many bytes to advance.
#[inline]
fn classify(bytes: &[u8], i: usize, markup: bool) -> (bool, usize) {
    let b = bytes[i];
    if b.is_ascii_alphanumeric() {
        return (true, 1);
    }
    if b < 0x80 {
        if markup && b == b'<' {
            // Skip the tag; an unclosed `<` is just a separator.
            let end = bytes[i..].iter().take(2048).position(|&c| c == b'>');
            return (false, end.map_or(1, |e| e + 1));
        }
        if markup && b == b'&' {
            let end = bytes[i..].iter().take(12).position(|&c| c == b';');
            return (false, end.map_or(1, |e| e + 1));
        }
        return (false, 1);
    }
    let len = match b {
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => 1,
    };
    let len = len.min(bytes.len() - i);
    let punctuation = match (b, bytes.get(i + 1).copied()) {
        // U+00A0 no-break space, U+00AB/U+00BB guillemets, U+00B7 middle dot.
        (0xc2, Some(0xa0 | 0xab | 0xbb | 0xb7)) => true,
        // U+2000..U+206F general punctuation: spaces, dashes, quotes, ellipsis.
        (0xe2, Some(0x80 | 0x81)) => true,
        // U+3000 ideographic space and CJK punctuation.
        (0xe3, Some(0x80)) => true,
        // U+FEFF byte-order mark.
        (0xef, Some(0xbb)) => true,
        _ => false,
    };
    (!punctuation, len)
}

/// Calls `f` with the hash of every run of `k` consecutive words (a shingle), `k`
/// clamped to 1..=8. A text of fewer than `k` words (but at least one) yields one
/// shingle of all its words.
pub(crate) fn for_each_shingle(text: &str, markup: bool, k: usize, f: impl FnMut(u64)) {
    // One copy of the loop per width, so that the window is a fixed-size array
    // shifted and hashed in straight-line code.
    match k.clamp(1, 8) {
        1 => shingles::<1>(text, markup, f),
        2 => shingles::<2>(text, markup, f),
        3 => shingles::<3>(text, markup, f),
        4 => shingles::<4>(text, markup, f),
        5 => shingles::<5>(text, markup, f),
        6 => shingles::<6>(text, markup, f),
        7 => shingles::<7>(text, markup, f),
        _ => shingles::<8>(text, markup, f),
    }
}

/// [`for_each_shingle`] for `K` words.
fn shingles<const K: usize>(text: &str, markup: bool, mut f: impl FnMut(u64)) {
    // The last `K` words, oldest first.
    let mut window = [0u64; K];
    let mut seen = 0usize;
    for_each_word(text, markup, |w| {
        window.copy_within(1.., 0);
        window[K - 1] = w;
        seen += 1;
        if seen >= K {
            f(combine(&window));
        }
    });
    if seen > 0 && seen < K {
        f(combine(&window[K - seen..]));
    }
}

/// Hash of a run of words, oldest first.
#[inline]
pub(crate) fn combine(words: &[u64]) -> u64 {
    extend(0x9e37_79b9_7f4a_7c15u64, words)
}

/// The hash of a run of words continued with `words`: `combine(&[a, b, c])` is
/// `extend(combine(&[a, b]), &[c])`, so the hash of a word pair is the start of
/// the hash of every longer run it begins.
#[inline]
pub(crate) fn extend(run: u64, words: &[u64]) -> u64 {
    words.iter().fold(run, |h, &w| mix64(h.rotate_left(23) ^ w))
}

/// Lower-case letters and digits of `s`, single spaces between words, without a
/// leading "the": the key under which names of outlets and sources are compared.
///
/// An ASCII name (nearly all of them) is folded byte by byte; others go through
/// [`fold_name_chars`], the definition (a test compares the two).
pub(crate) fn fold_name(s: &str) -> String {
    if !s.is_ascii() {
        return fold_name_chars(s);
    }
    let mut out: Vec<u8> = Vec::with_capacity(s.len());
    for word in s
        .as_bytes()
        .split(|b| !b.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if out.is_empty() && word.eq_ignore_ascii_case(b"the") {
            continue;
        }
        if !out.is_empty() {
            out.push(b' ');
        }
        out.extend(word.iter().map(u8::to_ascii_lowercase));
    }
    // ASCII in, ASCII out: the conversion cannot fail.
    String::from_utf8(out).unwrap_or_default()
}

/// [`fold_name`] by `char`s, for any text.
fn fold_name_chars(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if out.is_empty() && word.eq_ignore_ascii_case("the") {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_name_fold_agrees_with_its_definition() {
        let mut names = vec![
            "The Syrian Observatory for Human Rights",
            "the the agency",
            "THE",
            "  Reuters ",
            "Al-Masdar News (AMN)",
            "SANA, state media",
            "U.S. officials",
            "theory",
            "Theo's 2nd-hand shop",
            "",
            "...",
        ];
        let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/corpus");
        let mut texts = Vec::new();
        for entry in std::fs::read_dir(corpus).expect("examples/corpus") {
            texts.push(std::fs::read_to_string(entry.expect("entry").path()).unwrap_or_default());
        }
        for text in &texts {
            names.extend(text.lines().filter(|l| l.is_ascii()));
        }
        assert!(names.len() > 50, "{} names", names.len());
        for name in names {
            assert_eq!(fold_name(name), fold_name_chars(name), "{name:?}");
        }
        // Outside ASCII the definition itself answers.
        assert_eq!(
            fold_name("The Ma\u{2019}arrat Caf\u{c9}"),
            "ma arrat caf\u{e9}"
        );
    }

    fn words(text: &str, markup: bool) -> Vec<u64> {
        let mut v = Vec::new();
        for_each_word(text, markup, |h| v.push(h));
        v
    }

    /// The byte-by-byte definition [`for_each_word`] must agree with.
    fn for_each_word_reference(text: &str, markup: bool, mut f: impl FnMut(u64)) {
        let bytes = text.as_bytes();
        let (mut i, mut h, mut in_word) = (0, FNV_OFFSET, false);
        while i < bytes.len() {
            let (is_word, step) = classify(bytes, i, markup);
            if is_word {
                for &c in &bytes[i..i + step] {
                    h = (h ^ u64::from(c.to_ascii_lowercase())).wrapping_mul(FNV_PRIME);
                }
                in_word = true;
            } else if in_word {
                f(mix64(h));
                h = FNV_OFFSET;
                in_word = false;
            }
            i += step.max(1);
        }
        if in_word {
            f(mix64(h));
        }
    }

    /// The shingles as first defined: word `t` at `ring[t % k]`, combined with
    /// modular indexing.
    fn shingles_reference(text: &str, markup: bool, k: usize) -> Vec<u64> {
        let k = k.clamp(1, 8);
        let mut ring = [0u64; 8];
        let mut seen = 0usize;
        let mut out = Vec::new();
        let combine = |ring: &[u64], first: usize, count: usize| {
            let mut h = 0x9e37_79b9_7f4a_7c15u64;
            for j in 0..count {
                h = mix64(h.rotate_left(23) ^ ring[(first + j) % ring.len()]);
            }
            h
        };
        for_each_word_reference(text, markup, |w| {
            ring[seen % k] = w;
            seen += 1;
            if seen >= k {
                out.push(combine(&ring[..k], seen - k, k));
            }
        });
        if seen > 0 && seen < k {
            out.push(combine(&ring[..k], 0, seen));
        }
        out
    }

    const MIXED: &str = "<p class=\"x\">AIR strikes&nbsp;hit Ma’arrat al-Nu'man, \
        “24 killed” — 3.5\u{a0}km «from» Idlib; 12:30 GMT … naïve Ελληνικά 中文\u{3000}Text \
        a&b < c > d &amp;&unterminated-entity-run; F-16s x86_64 ÉCOLE</p> done";

    #[test]
    fn the_fast_word_scan_matches_its_definition() {
        for markup in [false, true] {
            for cut in 0..MIXED.len() {
                let Some(text) = MIXED.get(cut..) else {
                    continue;
                };
                let mut fast = Vec::new();
                for_each_word(text, markup, |h| fast.push(h));
                let mut slow = Vec::new();
                for_each_word_reference(text, markup, |h| slow.push(h));
                assert_eq!(fast, slow, "{text:?} markup={markup}");
                for k in 1..=8 {
                    let mut got = Vec::new();
                    for_each_shingle(text, markup, k, |h| got.push(h));
                    assert_eq!(got, shingles_reference(text, markup, k), "{text:?} k={k}");
                }
            }
        }
    }

    #[test]
    fn curly_and_straight_apostrophes_split_alike() {
        assert_eq!(
            words("Ma’arrat al-Nu’man", false),
            words("Ma'arrat al-Nu'man", false)
        );
        assert_eq!(words("Market STRIKE", false), words("market strike", false));
    }

    #[test]
    fn markup_is_a_separator_in_html() {
        assert_eq!(
            words("<p class=\"x\">Air&nbsp;strikes</p> hit", true),
            words("Air strikes hit", false)
        );
    }

    #[test]
    fn shingles_of_a_short_text_cover_it_once() {
        let mut n = 0;
        for_each_shingle("two words", false, 5, |_| n += 1);
        assert_eq!(n, 1);
        let mut m = 0;
        for_each_shingle("one two three four five six", false, 5, |_| m += 1);
        assert_eq!(m, 2);
    }

    #[test]
    fn names_fold_to_one_key() {
        assert_eq!(fold_name("The Levant Wire"), "levant wire");
        assert_eq!(
            fold_name("Syrian Monitor for Human-Rights"),
            "syrian monitor for human rights"
        );
    }
}
