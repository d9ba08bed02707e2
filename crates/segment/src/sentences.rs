//! Sentence boundaries: one forward byte scan that stops only at `.`, `?`, `!`, line
//! breaks and the first byte of `…`/`•`, and decides each candidate from the word
//! before it and the word after it.

use crosscheck_schema::Span;

use crate::abbreviations::{Abbreviation, Tables};
use crate::text::{char_at, char_before, clamp, trim};

/// Splits text into sentences. Holds the abbreviation tables, so build it once and
/// share it (it is `Send + Sync` and cheap to clone).
#[derive(Clone, Debug)]
pub struct Segmenter {
    tables: Tables,
}

impl Default for Segmenter {
    fn default() -> Segmenter {
        Segmenter::new()
    }
}

impl Segmenter {
    pub fn new() -> Segmenter {
        Segmenter {
            tables: Tables::new(),
        }
    }

    /// Sentences inside `text[region]`, as spans into `text` (absolute offsets) with
    /// surrounding whitespace and list bullets trimmed off. A region outside `text` or
    /// off char boundaries is shrunk to fit, never a panic.
    pub fn sentences(&self, text: &str, region: Span) -> Vec<Span> {
        let mut out = Vec::new();
        self.sentences_into(text, region, &mut out);
        out
    }

    /// Like [`Segmenter::sentences`], appending to `out` (which is not cleared), so
    /// that a caller can reuse one buffer across documents.
    pub fn sentences_into(&self, text: &str, region: Span, out: &mut Vec<Span>) {
        if let Some((start, end)) = clamp(text, region) {
            let scan = Scan {
                tables: &self.tables,
                text,
                bytes: text.as_bytes(),
                region_start: start,
                end,
            };
            let from = out.len();
            // News sentences run about 120 bytes: room for the region's at once,
            // not a doubling series (`reserve` keeps growth amortised across calls).
            out.reserve((end - start) / 128 + 1);
            scan.run(out);
            split_after_credits(text, out, from);
        }
    }
}

/// Splits the sentences in `out[from..]` after a photo or agency credit in brackets
/// followed by a capital: "... near the border (File photo) (TRT World and Agencies) A
/// bomb killed six ...", "MOSCOW (Sputnik) The Syrian army ...". Scraped pages glue a
/// caption or a dateline to the sentence after it with no full stop between; the
/// credit is where one ends. Only brackets whose contents read as a credit split, so
/// "the Syrian Democratic Forces (SDF) Arab fighters" stays one sentence.
fn split_after_credits(text: &str, out: &mut Vec<Span>, from: usize) {
    let b = text.as_bytes();
    let mut i = from;
    while i < out.len() {
        let s = out[i];
        let cut = memchr::memchr_iter(b')', &b[s.start..s.end])
            .map(|k| s.start + k)
            .find(|&close| close + 2 < s.end && credit_ends_at(b, s.start, close));
        if let Some(close) = cut {
            // The rest is looked at next: it may hold another credit.
            out[i] = Span::new(s.start, close + 1);
            if let Some(tail) = trim(text, close + 1, s.end) {
                out.insert(i + 1, tail);
            }
        }
        i += 1;
    }
}

/// Whether the `)` at `close` (inside a sentence starting at `start`) ends a credit
/// and is followed by a space and a capital letter.
fn credit_ends_at(b: &[u8], start: usize, close: usize) -> bool {
    if b[close + 1] != b' ' || !b[close + 2].is_ascii_uppercase() {
        return false;
    }
    let Some(open) = b[start..close].iter().rposition(|&c| c == b'(') else {
        return false;
    };
    let inside = &b[start + open + 1..close];
    if inside.is_empty() || inside.len() > 40 {
        return false;
    }
    let Ok(inside) = std::str::from_utf8(inside) else {
        return false;
    };
    if inside.starts_with("Source:") || inside.starts_with("Photo ") {
        return true;
    }
    let mut words = inside.split(' ');
    let last = inside.rsplit(' ').next().unwrap_or("");
    matches!(
        last,
        "Agencies"
            | "agencies"
            | "Photo"
            | "photo"
            | "AFP"
            | "Reuters"
            | "REUTERS"
            | "AP"
            | "Sputnik"
    ) && words
        .all(|w| w.chars().next().is_some_and(char::is_uppercase) || matches!(w, "and" | "photo"))
}

/// Bytes at which the scan has something to decide. `0xE2` leads `…`, `•`, curly
/// quotes and the Unicode line/paragraph separators.
const fn special_bytes() -> [bool; 256] {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'?' as usize] = true;
    t[b'!' as usize] = true;
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t[0xE2] = true;
    t
}
static SPECIAL: [bool; 256] = special_bytes();

/// The first position at or after `i` (and before `end`) of a [`SPECIAL`] byte, or
/// `end`: what `while i < end && !SPECIAL[b[i]] { i += 1 }` gives, eight bytes at a
/// time. A word of eight bytes is passed over when none of them can be special:
/// none is below 0x0E (`\n`, `\r` and other controls), non-ASCII (0xE2) or one of
/// `.`, `!`, `?`; a word with such a byte is looked at byte by byte.
#[inline]
fn skip_plain(b: &[u8], mut i: usize, end: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    /// A high bit set where a byte of `x` is zero (exact as to whether one is).
    const fn zero_byte(x: u64) -> u64 {
        x.wrapping_sub(ONES) & !x & HIGH
    }
    let end = end.min(b.len());
    while i < end {
        if let Some(word) = b.get(i..i + 8) {
            let x = u64::from_le_bytes(word.try_into().expect("eight bytes"));
            let candidates = (x.wrapping_sub(ONES * 0x0E) & !x & HIGH)
                | (x & HIGH)
                | zero_byte(x ^ (ONES * u64::from(b'.')))
                | zero_byte(x ^ (ONES * u64::from(b'!')))
                | zero_byte(x ^ (ONES * u64::from(b'?')));
            if candidates == 0 && i + 8 <= end {
                i += 8;
                continue;
            }
        }
        // Byte by byte through this word (or the last few bytes).
        let stop = (i + 8).min(end);
        while i < stop {
            if SPECIAL[b[i] as usize] {
                return i;
            }
            i += 1;
        }
    }
    end
}

/// What the scan does after a candidate.
enum Step {
    /// Not a boundary: go on scanning at this position.
    Continue(usize),
    /// The sentence ends at `end` (before trimming); the next one begins at or after `next`.
    Boundary { end: usize, next: usize },
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Case {
    Lower,
    Upper,
    Digit,
    Other,
}

/// The first word after a candidate boundary.
struct NextWord {
    case: Case,
    /// An opening quote stands before it.
    quoted: bool,
    /// It is one of the capitalised words that typically open a sentence.
    starter: bool,
}

/// A run of terminal punctuation: `.`, `?!`, `...`, `…`.
struct Run {
    end: usize,
    dots: usize,
    strong: bool,
    ellipsis: bool,
}

struct Scan<'a> {
    tables: &'a Tables,
    text: &'a str,
    bytes: &'a [u8],
    region_start: usize,
    end: usize,
}

impl Scan<'_> {
    fn run(&self, out: &mut Vec<Span>) {
        let b = self.bytes;
        let mut sent = self.sentence_start(self.region_start);
        let mut i = sent;
        while i < self.end {
            i = skip_plain(b, i, self.end);
            if i >= self.end {
                break;
            }
            let c = b[i];
            let step = match c {
                b'\n' | b'\r' => self.line_break(sent, i),
                b'.' | b'?' | b'!' => self.terminator(sent, i),
                _ => self.e2(sent, i),
            };
            match step {
                Step::Continue(next) => i = next.max(i + 1),
                Step::Boundary { end, next } => {
                    out.extend(trim(self.text, sent, end));
                    sent = self.sentence_start(next.max(i + 1));
                    i = sent;
                }
            }
        }
        out.extend(trim(self.text, sent, self.end));
    }

    /// Where a sentence starting at or after `pos` really begins: past whitespace and
    /// past a list bullet at the start of a line, or a list number (`2.`) anywhere:
    /// text that lost its line breaks keeps its numbered items on one line.
    fn sentence_start(&self, pos: usize) -> usize {
        let p = self.skip_whitespace(pos);
        if p < self.end {
            if let Some(len) = self.bullet_len(p) {
                let numbered = self.bytes[p].is_ascii_digit() && self.bytes[p + len - 1] == b'.';
                if numbered || self.at_line_start(p) {
                    return self.skip_whitespace(p + len);
                }
            }
        }
        p
    }

    fn skip_whitespace(&self, mut p: usize) -> usize {
        while p < self.end {
            let c = self.bytes[p];
            if c < 0x80 {
                if !c.is_ascii_whitespace() && c != 0x0B {
                    break;
                }
                p += 1;
            } else {
                match char_at(self.text, p) {
                    Some(ch) if ch.is_whitespace() => p += ch.len_utf8(),
                    _ => break,
                }
            }
        }
        p.min(self.end)
    }

    fn at_line_start(&self, p: usize) -> bool {
        let mut x = p;
        while x > self.region_start && matches!(self.bytes[x - 1], b' ' | b'\t') {
            x -= 1;
        }
        x == self.region_start || matches!(self.bytes[x - 1], b'\n' | b'\r')
    }

    /// The length of a list bullet at `p` (`-`, `*`, `•`, `1.`, `12)`, ...) followed by
    /// whitespace, if there is one.
    fn bullet_len(&self, p: usize) -> Option<usize> {
        let b = self.bytes;
        let len = match b[p] {
            b'-' | b'*' | b'+' => 1,
            b'0'..=b'9' => {
                let mut q = p;
                while q < self.end && b[q].is_ascii_digit() && q - p < 4 {
                    q += 1;
                }
                if q - p > 3 || q >= self.end || !matches!(b[q], b'.' | b')') {
                    return None;
                }
                q + 1 - p
            }
            _ => match char_at(self.text, p)? {
                c @ ('•' | '–' | '—' | '·' | '▪' | '►' | '●' | '◦' | '■') => {
                    c.len_utf8()
                }
                _ => return None,
            },
        };
        match char_at(self.text.get(..self.end)?, p + len) {
            Some(c) if c.is_whitespace() => Some(len),
            _ => None,
        }
    }

    /// A line break at `i`: a blank line or a bulleted next line always ends the
    /// sentence; a single break ends it unless the next line goes on in lower case
    /// after a line that did not end a sentence, or this line stops mid-phrase.
    fn line_break(&self, sent: usize, i: usize) -> Step {
        let b = self.bytes;
        let mut j = i;
        let mut breaks = 0;
        while j < self.end {
            match b[j] {
                b'\n' => {
                    breaks += 1;
                    j += 1;
                }
                b'\r' => {
                    if b.get(j + 1) != Some(&b'\n') {
                        breaks += 1;
                    }
                    j += 1;
                }
                b' ' | b'\t' | 0x0B | 0x0C => j += 1,
                c if c >= 0x80 => match char_at(self.text, j) {
                    Some('\u{2028}') => {
                        breaks += 1;
                        j += 3;
                    }
                    Some('\u{2029}') => {
                        breaks += 2;
                        j += 3;
                    }
                    Some(ch) if ch.is_whitespace() => j += ch.len_utf8(),
                    _ => break,
                },
                _ => break,
            }
        }
        if j >= self.end {
            return Step::Continue(self.end);
        }
        let boundary = Step::Boundary { end: i, next: j };
        if breaks >= 2 || self.bullet_len(j).is_some() {
            return boundary;
        }
        let continues = if char_at(self.text, j).is_some_and(char::is_lowercase) {
            // `... for his party's woes.` / `iPatriot reported:` is two sentences.
            !self.line_ends_sentence(sent, i)
        } else {
            self.line_continues(sent, i)
        };
        if continues {
            Step::Continue(j)
        } else {
            boundary
        }
    }

    /// Whether the line ending at `i` ends on a sentence terminator (and its closing
    /// quotes) that is not the full stop of an abbreviation.
    fn line_ends_sentence(&self, sent: usize, i: usize) -> bool {
        let b = self.bytes;
        let mut x = i;
        while x > sent && matches!(b[x - 1], b' ' | b'\t' | b'\r') {
            x -= 1;
        }
        loop {
            match char_before(self.text, x) {
                Some(c @ ('"' | '\'' | ')' | ']' | '”' | '’' | '»')) if x > sent => {
                    x -= c.len_utf8()
                }
                _ => break,
            }
        }
        if x <= sent {
            return false;
        }
        match b[x - 1] {
            b'?' | b'!' => true,
            b'.' if x - 1 > sent && b[x - 2] == b'.' => true,
            b'.' => {
                let mut w = x - 1;
                while w > sent && (b[w - 1].is_ascii_alphanumeric() || b[w - 1] == b'.') {
                    w -= 1;
                }
                self.word_kind(&b[w..x - 1]).is_none()
            }
            _ => char_before(self.text, x) == Some('…'),
        }
    }

    /// Whether the line ending at `i` stops mid-phrase (on `,`, a word like `the`, or a
    /// title like `Gen.`), so a wrapped paragraph goes on.
    fn line_continues(&self, sent: usize, i: usize) -> bool {
        let b = self.bytes;
        let mut x = i;
        while x > sent && matches!(b[x - 1], b' ' | b'\t' | b'\r') {
            x -= 1;
        }
        if x == sent {
            return false;
        }
        if b[x - 1] == b',' {
            return true;
        }
        if b[x - 1] == b'.' {
            // `Maj. Gen.` / `Ali`: a title does not end a line of running text either.
            let mut w = x - 1;
            while w > sent && (b[w - 1].is_ascii_alphanumeric() || b[w - 1] == b'.') {
                w -= 1;
            }
            let kind = self.word_kind(&b[w..x - 1]);
            return matches!(kind, Some(Abbreviation::Title | Abbreviation::Never));
        }
        let mut y = x;
        while y > sent && b[y - 1].is_ascii_lowercase() {
            y -= 1;
        }
        y < x && (y == sent || b[y - 1] == b' ') && self.tables.is_continuer(&b[y..x])
    }

    /// A byte 0xE2 at `i`: an ellipsis `…`, an inline bullet `•`, a line or paragraph
    /// separator, or (most often) a curly quote or dash, which needs nothing.
    fn e2(&self, sent: usize, i: usize) -> Step {
        match char_at(self.text, i) {
            Some('…') => self.terminator(sent, i),
            Some('\u{2028}' | '\u{2029}') => self.line_break(sent, i),
            Some('•') => {
                let spaced_before = i == self.region_start
                    || char_before(self.text, i).is_some_and(char::is_whitespace);
                let spaced_after =
                    i + 3 >= self.end || char_at(self.text, i + 3).is_some_and(char::is_whitespace);
                if spaced_before && spaced_after {
                    Step::Boundary {
                        end: i,
                        next: i + 3,
                    }
                } else {
                    Step::Continue(i + 3)
                }
            }
            _ => Step::Continue(i + 1),
        }
    }

    /// A `.`, `?`, `!` or `…` at `i`.
    fn terminator(&self, sent: usize, i: usize) -> Step {
        let b = self.bytes;
        // `(?)` and `(!)` are editorial marks inside a sentence.
        if b[i] != b'.' && i > sent && b[i - 1] == b'(' && i + 1 < self.end && b[i + 1] == b')' {
            return Step::Continue(i + 2);
        }
        // `... under pressure. ... [Clinton] has`: an elision that opens a sentence.
        // (Looked for only near the start, so that a long run of dots and spaces costs
        // linear time.)
        if i - sent <= 16
            && b[sent..i]
                .iter()
                .all(|c| c.is_ascii_punctuation() || c.is_ascii_whitespace())
        {
            return Step::Continue(i + 1);
        }
        let run = self.terminal_run(i);
        let k = self.skip_closers(run.end);
        if k >= self.end {
            return Step::Continue(self.end);
        }
        // What follows must be a space: `3.5`, `U.S`, `Syracuse.com` are not ends,
        // except for text whose spaces were lost after a full stop (`family.The`).
        let mut p = k;
        loop {
            if p >= self.end {
                return Step::Continue(self.end);
            }
            let c = b[p];
            if c == b' ' || c == b'\t' {
                p += 1;
            } else if c == b'\n' || c == b'\r' {
                // Let the line break decide.
                return Step::Continue(p);
            } else if c < 0x80 {
                break;
            } else {
                match char_at(self.text, p) {
                    Some('\u{2028}' | '\u{2029}') => return Step::Continue(p),
                    Some(ch) if ch.is_whitespace() => p += ch.len_utf8(),
                    _ => break,
                }
            }
        }
        if p == k {
            let glued = run.dots == 1 && !run.strong && k == run.end && self.glued(sent, i, k);
            return if glued {
                Step::Boundary { end: k, next: k }
            } else {
                Step::Continue(run.end)
            };
        }
        let next = self.next_word(p);
        let breaks = match next.case {
            Case::Lower => false,
            _ if run.strong => true,
            Case::Upper | Case::Digit if run.ellipsis || run.dots > 1 => true,
            _ if run.ellipsis || run.dots > 1 => false,
            _ => self.full_stop_breaks(sent, i, &next),
        };
        if breaks {
            Step::Boundary { end: k, next: p }
        } else {
            Step::Continue(p)
        }
    }

    fn terminal_run(&self, i: usize) -> Run {
        let b = self.bytes;
        let mut run = Run {
            end: i,
            dots: 0,
            strong: false,
            ellipsis: false,
        };
        while run.end < self.end {
            match b[run.end] {
                b'.' => {
                    run.dots += 1;
                    run.end += 1;
                }
                b'?' | b'!' => {
                    run.strong = true;
                    run.end += 1;
                }
                0xE2 if char_at(self.text, run.end) == Some('…') && run.end + 3 <= self.end => {
                    run.ellipsis = true;
                    run.end += 3;
                }
                _ => break,
            }
        }
        run
    }

    /// Past closing quotes and brackets that belong to the sentence: `... he said."`
    fn skip_closers(&self, mut k: usize) -> usize {
        while k < self.end {
            let len = match self.bytes[k] {
                b'"' | b'\'' | b')' | b']' | b'}' => 1,
                c if c >= 0x80 => match char_at(self.text, k) {
                    Some(c @ ('”' | '’' | '»' | '›')) => c.len_utf8(),
                    _ => break,
                },
                _ => break,
            };
            if k + len > self.end {
                break;
            }
            k += len;
        }
        k
    }

    fn next_word(&self, p: usize) -> NextWord {
        let b = self.bytes;
        let mut q = p;
        let mut quoted = false;
        while q < self.end {
            let len = match b[q] {
                b'"' | b'\'' => {
                    quoted = true;
                    1
                }
                b'(' | b'[' => 1,
                c if c >= 0x80 => match char_at(self.text, q) {
                    Some(c @ ('“' | '‘' | '«' | '‹' | '„')) => {
                        quoted = true;
                        c.len_utf8()
                    }
                    Some(c @ ('¿' | '¡')) => c.len_utf8(),
                    _ => break,
                },
                _ => break,
            };
            q += len;
        }
        let case = match char_at(self.text, q) {
            Some(c) if c.is_lowercase() => Case::Lower,
            Some(c) if c.is_uppercase() => Case::Upper,
            Some(c) if c.is_numeric() => Case::Digit,
            _ => Case::Other,
        };
        let starter = case == Case::Upper && {
            let mut r = q;
            while r < self.end && b[r].is_ascii_alphabetic() {
                r += 1;
            }
            // `J. A. Smith`: a capital followed by a full stop is an initial.
            let initial = r < self.end && b[r] == b'.';
            !initial && self.tables.is_starter(&b[q..r])
        };
        NextWord {
            case,
            quoted,
            starter,
        }
    }

    /// A single full stop at `i` followed by a space and a word that is not lower case:
    /// the word before decides.
    fn full_stop_breaks(&self, sent: usize, i: usize, next: &NextWord) -> bool {
        let b = self.bytes;
        let mut w = i;
        while w > sent && (b[w - 1].is_ascii_alphanumeric() || b[w - 1] == b'.') {
            w -= 1;
        }
        // `Muñoz.`: the ASCII tail of a longer word is not an abbreviation.
        if char_before(self.text, w).is_some_and(char::is_alphanumeric) {
            return true;
        }
        match self.word_kind(&b[w..i]) {
            None => true,
            Some(Abbreviation::Title | Abbreviation::Never) => false,
            Some(Abbreviation::BeforeNumber) => next.case != Case::Digit,
            Some(Abbreviation::Weak) => next.starter || (next.quoted && next.case == Case::Upper),
        }
    }

    /// How the word before a full stop behaves, `None` for an ordinary word or number.
    fn word_kind(&self, word: &[u8]) -> Option<Abbreviation> {
        if word.is_empty() {
            return None;
        }
        if let Some(kind) = self.tables.abbreviation(word) {
            return Some(kind);
        }
        if word.contains(&b'.') {
            // Dotted acronyms: `U.S`, `a.m`, `H.W`, `Ph.D`.
            let acronym = word
                .split(|&c| c == b'.')
                .all(|s| (1..=2).contains(&s.len()) && s.iter().all(u8::is_ascii_alphabetic));
            return acronym.then_some(Abbreviation::Weak);
        }
        // An initial: `George W. Bush`, `J. K. Rowling`.
        (word.len() == 1 && word[0].is_ascii_uppercase()).then_some(Abbreviation::Weak)
    }

    /// `family.The`, `Russia.As`: a full stop between a word ending in lower case and
    /// a capitalised one, with the space lost in scraping.
    fn glued(&self, sent: usize, i: usize, k: usize) -> bool {
        let b = self.bytes;
        if k + 1 >= self.end || !b[k].is_ascii_uppercase() || !b[k + 1].is_ascii_lowercase() {
            return false;
        }
        if i <= sent || !b[i - 1].is_ascii_lowercase() {
            return false;
        }
        let mut w = i;
        while w > sent && b[w - 1].is_ascii_alphabetic() {
            w -= 1;
        }
        let clean_start = w == sent || matches!(b[w - 1], b' ' | b'"' | b'(');
        i - w >= 2 && clean_start && self.tables.abbreviation(&b[w..i]).is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`skip_plain`]'s definition, one byte at a time.
    fn skip_plain_bytewise(b: &[u8], mut i: usize, end: usize) -> usize {
        while i < end && !SPECIAL[b[i] as usize] {
            i += 1;
        }
        i
    }

    fn check(text: &str) {
        let b = text.as_bytes();
        for i in 0..=b.len() {
            for end in [b.len(), i + 3, i + 8, i + 9, i + 17] {
                let end = end.min(b.len());
                assert_eq!(
                    skip_plain(b, i, end),
                    skip_plain_bytewise(b, i, end),
                    "{i}..{end} of {text:?}"
                );
            }
        }
    }

    #[test]
    fn skipping_eight_bytes_at_a_time_agrees_with_the_byte_scan() {
        check("plain words and more plain words, then a stop. And a question? Yes!");
        check("tab\tnul\0 line\nbreak\r\nCRLF \u{2026} \u{2022} caf\u{e9} \u{201c}q\u{201d}");
        check("\x0D\x0E\x0F ,-/ >?@ 0123456789ABCDEFGHIJ \x7f");
        let all: String = (0u8..0x80).map(char::from).collect();
        check(&all);
        let Some(dir) = crosscheck_datasets::dataset_dir("fa-kes") else {
            eprintln!("skipped: FA-KES is absent");
            return;
        };
        let bytes = std::fs::read(dir.join("FA-KES-Dataset.csv")).expect("FA-KES csv");
        let text = String::from_utf8_lossy(&bytes);
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let next = skip_plain(b, i, b.len());
            assert_eq!(next, skip_plain_bytewise(b, i, b.len()), "at {i}");
            i = next + 1;
        }
        // And from every offset of the first articles.
        check(&text[..text.floor_char_boundary(20_000)]);
    }
}
