//! ALL-CAPS emphasis: "TERRORIST ARSENAL", "SILENT", "GAS", but not "NATO",
//! "ISIS" or the dateline "BEIRUT, Oct 16".
//!
//! A run is a sequence of upper-case words (two letters or more) separated only
//! by spaces, hyphens or commas. Its words that look like acronyms are set aside:
//! listed in `lexicons/acronyms.tsv`, written in parentheses elsewhere in the
//! article ("(SOHR)"), without a vowel ("SDF"), roman numerals, or holding digits.
//! A run counts when it keeps two words, or one of three letters or more. A run at
//! the start of a paragraph followed by `,`, `(` or a dash is a dateline. Only
//! ASCII capitals start a run (a word of accented capitals alone is not seen).

use crosscheck_schema::Span;

use crate::lexicon::Lexicon;

/// A word that may start an upper-case run: its first two bytes are ASCII capitals.
#[inline]
pub(crate) fn is_caps_candidate(text: &str, word: Span) -> bool {
    let b = text.as_bytes();
    b.get(word.start).is_some_and(u8::is_ascii_uppercase)
        && b.get(word.start + 1).is_some_and(u8::is_ascii_uppercase)
}

/// The caps candidates of `text[start..end]` (for a headline, which the body's
/// word scan does not see).
pub(crate) fn caps_candidates(text: &str, start: usize, end: usize) -> Vec<usize> {
    let mut out = Vec::new();
    crate::text::scan_words(text, start, end, |w| {
        if is_caps_candidate(text, w) {
            out.push(w.start);
        }
    });
    out
}

/// Appends the emphasis runs of `text[start..end]` to `out`. `candidates` are
/// the starts of the words of the region for which [`is_caps_candidate`] holds,
/// in order: the word scan finds them, so this reads only around them.
pub(crate) fn find_caps(
    text: &str,
    start: usize,
    end: usize,
    candidates: &[usize],
    lex: &Lexicon,
    paragraph_start: bool,
    out: &mut Vec<Span>,
) {
    let Some(region) = text.get(start..end) else {
        return;
    };
    let bytes = region.as_bytes();
    let mut run = Run::default();
    let mut next = candidates
        .iter()
        .map(|&c| c - start)
        .filter(|&c| c < bytes.len())
        .peekable();
    let mut i = 0;
    while i < bytes.len() {
        if run.start == usize::MAX {
            // Outside a run, jump to the next candidate word.
            while next.peek().is_some_and(|&c| c < i) {
                next.next();
            }
            let Some(j) = next.next() else { break };
            i = j;
        }
        let b = bytes[i];
        let (alnum, len) = if b < 0x80 {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            match region[i..].chars().next() {
                Some(c) => (crate::text::is_word_char(c), c.len_utf8()),
                None => break,
            }
        };
        if !alnum {
            // A separator: a run continues over spaces, hyphens and commas only.
            if !matches!(b, b' ' | b'-' | b',') {
                run.flush(text, start, region, paragraph_start, out);
            }
            i += len;
            continue;
        }
        // Most words start lower case or are capitalised: skip them fast.
        if b.is_ascii_lowercase()
            || b.is_ascii_digit()
            || (b.is_ascii_uppercase() && bytes.get(i + 1).is_some_and(u8::is_ascii_lowercase))
        {
            run.flush(text, start, region, paragraph_start, out);
            i += 1;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'\'') {
                i += 1;
            }
            continue;
        }
        // A word: letters (ASCII or not), digits, apostrophes inside.
        let w_start = i;
        let mut upper = 0usize;
        let mut lower = 0usize;
        let mut digits = false;
        let mut letters = 0usize;
        let mut vowel = false;
        let mut roman = true;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_alphabetic() {
                if b.is_ascii_uppercase() {
                    upper += 1;
                } else {
                    lower += 1;
                }
                letters += 1;
                vowel |= matches!(b, b'A' | b'E' | b'I' | b'O' | b'U' | b'Y');
                roman &= matches!(b, b'I' | b'V' | b'X' | b'L' | b'C');
                i += 1;
            } else if b.is_ascii_digit() {
                digits = true;
                i += 1;
            } else if b >= 0x80 {
                let Some(c) = region[i..].chars().next() else {
                    break;
                };
                if c.is_alphabetic() {
                    if c.is_uppercase() {
                        upper += 1;
                        vowel = true;
                    } else {
                        lower += 1;
                    }
                    letters += 1;
                    roman = false;
                    i += c.len_utf8();
                } else if c == '\u{2019}' && bytes.get(i + 3).is_some_and(u8::is_ascii_alphabetic) {
                    i += c.len_utf8();
                } else {
                    break;
                }
            } else if b == b'\'' && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
                i += 1;
            } else {
                break;
            }
        }
        if !(upper >= 2 && lower == 0) {
            run.flush(text, start, region, paragraph_start, out);
            continue;
        }
        if run.start == usize::MAX {
            run = Run {
                start: w_start,
                ..Run::default()
            };
        }
        run.end = i;
        // "ISIS's": the possessive is not part of the word.
        let mut word = &region[w_start..i];
        for suffix in ["'S", "\u{2019}S", "'s", "\u{2019}s"] {
            if let Some(stem) = word.strip_suffix(suffix) {
                word = stem;
            }
        }
        let acronym = digits
            || !vowel
            || (roman && letters <= 4)
            || lex.is_acronym(word)
            || next_is_name(region, i)
            || (letters <= 5 && repeated(region, word))
            || (letters <= 6 && in_parentheses(region, word));
        if !acronym {
            run.emphatic += 1;
            run.longest = run.longest.max(letters);
        }
    }
    run.flush(text, start, region, paragraph_start, out);
}

struct Run {
    start: usize,
    end: usize,
    emphatic: usize,
    longest: usize,
}

impl Default for Run {
    fn default() -> Run {
        Run {
            start: usize::MAX,
            end: 0,
            emphatic: 0,
            longest: 0,
        }
    }
}

impl Run {
    fn flush(
        &mut self,
        text: &str,
        base: usize,
        region: &str,
        paragraph_start: bool,
        out: &mut Vec<Span>,
    ) {
        if self.start == usize::MAX {
            return;
        }
        let (s, e, emphatic, longest) = (self.start, self.end, self.emphatic, self.longest);
        *self = Run::default();
        if !(emphatic >= 2 || (emphatic == 1 && longest >= 3)) {
            return;
        }
        let span = Span::new(base + s, base + e);
        if paragraph_start && region[..s].trim().is_empty() {
            let rest = text.get(span.end..).unwrap_or("").trim_start();
            if rest.starts_with([',', '(', '-', '\u{2013}', '\u{2014}']) {
                return;
            }
        }
        out.push(span);
    }
}

/// A short upper-case word used twice is a name ("SARC", "DAESH"); emphasis
/// rarely repeats itself.
fn repeated(region: &str, word: &str) -> bool {
    whole_word_positions(region.as_bytes(), word.as_bytes())
        .nth(1)
        .is_some()
}

/// "RIA Novosti", "ARA News": an upper-case word before a capitalised one is
/// part of a name.
fn next_is_name(region: &str, end: usize) -> bool {
    let rest = &region[end..];
    let Some(next) = rest.strip_prefix(' ') else {
        return false;
    };
    let mut chars = next.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_some_and(char::is_lowercase)
}

/// "(SOHR)" in the paragraph marks SOHR as an acronym.
fn in_parentheses(region: &str, word: &str) -> bool {
    let bytes = region.as_bytes();
    memchr::memchr_iter(b'(', bytes).any(|p| {
        bytes.get(p + 1..p + 1 + word.len()) == Some(word.as_bytes())
            && bytes.get(p + 1 + word.len()) == Some(&b')')
    })
}

/// Where `word` occurs as a whole word.
fn whole_word_positions<'a>(hay: &'a [u8], word: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
    let first = word.first().copied().unwrap_or(0);
    memchr::memchr_iter(first, hay).filter(move |&i| {
        hay.get(i..i + word.len()) == Some(word)
            && !hay
                .get(i.wrapping_sub(1))
                .is_some_and(u8::is_ascii_alphanumeric)
            && !hay
                .get(i + word.len())
                .is_some_and(u8::is_ascii_alphanumeric)
    })
}

/// A title written all in capitals (at least three words of letters).
pub(crate) fn is_all_caps_title(title: &str) -> bool {
    let mut words = 0;
    for w in title.split_whitespace() {
        if w.chars().any(char::is_lowercase) {
            return false;
        }
        if w.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
            words += 1;
        }
    }
    words >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(text: &str) -> Vec<&str> {
        let lex = Lexicon::new();
        let mut out = Vec::new();
        find_caps(
            text,
            0,
            text.len(),
            &caps_candidates(text, 0, text.len()),
            &lex,
            true,
            &mut out,
        );
        out.iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn emphasis_counts_and_acronyms_do_not() {
        assert_eq!(
            runs("The mainstream media is SILENT about NATO and the SDF."),
            ["SILENT"]
        );
        assert_eq!(
            runs("REGIME THUGS and their Russian masters"),
            ["REGIME THUGS"]
        );
        assert_eq!(
            runs("Did NATO’s “moderate rebels” just GAS 27 schoolchildren?"),
            ["GAS"]
        );
        assert_eq!(
            runs("The Syrian Observatory (SOHR) said. SOHR added that ISIS's fighters fled."),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn datelines_are_not_emphasis() {
        assert!(runs("BEIRUT, Oct 16 (Levant Wire) - Air strikes hit").is_empty());
        assert!(runs("DEIR EZZOR (Reuters) - Fighting").is_empty());
        assert_eq!(runs("They spread LIES claiming"), ["LIES"]);
        assert!(runs("RIA Novosti said the SARC convoy left. SARC said").is_empty());
    }
}
