//! The token view every extraction rule works on: one sentence's tokens with their
//! lower-cased text, built once per sentence with a single allocation for the text.

use crosscheck_schema::Span;
use crosscheck_segment::{tokens, Token, TokenKind};

use crate::vocab::{class, Vocab, UNKNOWN};

/// A sentence as tokens. `lower` is the sentence text lower-cased in ASCII only, so its
/// byte offsets are those of the original text shifted by `span.start`.
pub(crate) struct Words<'t> {
    pub text: &'t str,
    pub span: Span,
    lower: String,
    /// The sentence's tokens (absolute offsets).
    pub toks: Vec<Token>,
    /// Vocabulary id of each token (`UNKNOWN` for words no vocabulary has).
    ids: Vec<u32>,
    /// Word classes of each token (`vocab::class`).
    classes: Vec<u32>,
    /// The union of the vocabulary flags of the tokens (`vocab::flag`).
    pub flags: u8,
    /// The union of the word classes of the tokens: a rule looking for a class
    /// no token has can stop before scanning the sentence.
    pub any_class: u32,
}

/// The allocations of a [`Words`], handed from one sentence to the next.
#[derive(Default)]
pub(crate) struct Buffers {
    lower: String,
    toks: Vec<Token>,
    ids: Vec<u32>,
    classes: Vec<u32>,
}

impl Buffers {
    /// Empties the buffers and makes them large enough for a sentence of `bytes`
    /// bytes of news text (about one token per four bytes), so that an article's
    /// sentences do not grow them one after the other.
    pub fn reserve(&mut self, bytes: usize) {
        let toks = bytes / 4 + 1;
        self.lower.clear();
        self.lower.reserve(bytes + 8);
        self.toks.clear();
        self.toks.reserve(toks);
        self.ids.clear();
        self.ids.reserve(toks);
        self.classes.clear();
        self.classes.reserve(toks);
    }
}

impl<'t> Words<'t> {
    /// The token view of `text[span]`, with buffers of its own (tests; the
    /// extractor lends it the buffers of earlier sentences).
    #[cfg(test)]
    pub fn new(text: &'t str, span: Span, vocab: &Vocab) -> Words<'t> {
        Words::with_buffers(text, span, vocab, Buffers::default())
    }

    /// [`Words::new`] reusing the allocations of an earlier sentence.
    pub fn with_buffers(text: &'t str, span: Span, vocab: &Vocab, bufs: Buffers) -> Words<'t> {
        Words::build(text, span, vocab, bufs, tokenize_into)
    }

    /// [`Words::with_buffers`] with the sentence's tokens, which another stage
    /// has cut already: `cut` must be `tokens(text, span)`. Kept out of line,
    /// as `with_buffers` is: inlined, it slowed the extractor's sentence loop.
    #[inline(never)]
    pub fn with_tokens(
        text: &'t str,
        span: Span,
        vocab: &Vocab,
        bufs: Buffers,
        cut: &[Token],
    ) -> Words<'t> {
        Words::build(text, span, vocab, bufs, |text, span, toks| {
            if span.is_empty() {
                // An empty sentence (or one that does not fit) has no tokens.
                tokenize_into(text, span, toks);
            } else {
                toks.clear();
                toks.extend_from_slice(cut);
            }
        })
    }

    /// The token view of `text[span]` in `bufs`, its tokens put in the token
    /// buffer by `tokenize` (given the text and the span, shrunk to nothing when
    /// it does not fit).
    #[inline(always)]
    fn build(
        text: &'t str,
        span: Span,
        vocab: &Vocab,
        bufs: Buffers,
        tokenize: impl FnOnce(&str, Span, &mut Vec<Token>),
    ) -> Words<'t> {
        let Buffers {
            mut lower,
            mut toks,
            mut ids,
            mut classes,
        } = bufs;
        let sentence = span.slice(text);
        // `slice` returns "" for a span that does not fit; keep offsets consistent.
        let span = if sentence.is_empty() {
            Span::new(span.start.min(text.len()), span.start.min(text.len()))
        } else {
            span
        };
        lower.clear();
        lower.push_str(sentence);
        lower.make_ascii_lowercase();
        // Padding, so that a word's bytes can be read eight at a time (`w` never
        // reaches it).
        lower.push_str("\0\0\0\0\0\0\0\0");
        tokenize(text, span, &mut toks);
        // `lower` holds the sentence's bytes from `span.start` on, lower-cased and
        // padded; a token is a run of whole chars of it.
        look_up_into(vocab, &lower, span.start, &toks, &mut ids);
        // The classes of the tokens and the unions of their flags and classes, in
        // one pass over the ids.
        classes.clear();
        let (mut flags, mut any_class) = (0, 0);
        classes.extend(ids.iter().map(|&id| {
            flags |= vocab.flags(id);
            let c = vocab.classes(id);
            any_class |= c;
            c
        }));
        Words {
            text,
            span,
            lower,
            toks,
            ids,
            classes,
            flags,
            any_class,
        }
    }

    /// Gives the allocations back for the next sentence.
    pub fn into_buffers(self) -> Buffers {
        Buffers {
            lower: self.lower,
            toks: self.toks,
            ids: self.ids,
            classes: self.classes,
        }
    }

    /// Whether token `i` is a word of class `c` (`vocab::class`): the word lists
    /// of the rules, looked up once per token rather than compared as strings.
    pub fn has(&self, i: usize, c: u32) -> bool {
        self.classes.get(i).is_some_and(|&x| x & c != 0)
    }

    /// The vocabulary id of token `i`.
    pub fn id(&self, i: usize) -> u32 {
        self.ids.get(i).copied().unwrap_or(UNKNOWN)
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The lower-cased text of token `i` (`""` past the end).
    pub fn w(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => self
                .lower
                .get(t.start - self.span.start..t.end - self.span.start)
                .unwrap_or(""),
            None => "",
        }
    }

    /// Token `i` without a possessive ending: `regime's` → `regime`, `Syria’s` → `syria`.
    pub fn base(&self, i: usize) -> &str {
        let w = self.w(i);
        w.strip_suffix("'s")
            .or_else(|| w.strip_suffix("\u{2019}s"))
            .or_else(|| w.strip_suffix('\''))
            .unwrap_or(w)
    }

    /// Token `i` ends in a possessive: `regime's`, `Syria’s`.
    pub fn is_possessive(&self, i: usize) -> bool {
        self.base(i).len() != self.w(i).len()
    }

    /// The first token of a name starting at `first`, with "the" before it: "the
    /// Syrian Air Force", "of the Jabhat Fatah al Sham group".
    pub fn with_the(&self, first: usize) -> usize {
        if first >= 1 && self.w(first - 1) == "the" {
            first - 1
        } else {
            first
        }
    }

    /// The original text of token `i`.
    pub fn raw(&self, i: usize) -> &'t str {
        match self.toks.get(i) {
            Some(t) => self.text.get(t.start..t.end).unwrap_or(""),
            None => "",
        }
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    pub fn is_number(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Number)
    }

    /// Token `i` starts with an upper-case letter.
    pub fn cap(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| match self.text.as_bytes().get(t.start) {
                Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                _ => t
                    .text(self.text)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase),
            })
    }

    /// Whether some token of the sentence is a word of class `c`.
    pub fn has_any(&self, c: u32) -> bool {
        self.any_class & c != 0
    }

    /// A quotation mark of any style ([`QUOTES`]).
    pub fn is_quote(&self, i: usize) -> bool {
        self.has(i, class::QUOTE)
    }

    /// Byte span of tokens `a..b` (absolute); empty at `a` when `b <= a`.
    pub fn span_of(&self, a: usize, b: usize) -> Span {
        match (
            self.toks.get(a),
            b.checked_sub(1).and_then(|l| self.toks.get(l)),
        ) {
            (Some(first), Some(last)) if b > a => Span::new(first.start, last.end),
            (Some(first), _) => Span::new(first.start, first.start),
            _ => Span::new(self.span.end, self.span.end),
        }
    }

    /// The original text of tokens `a..b`.
    pub fn text_of(&self, a: usize, b: usize) -> &'t str {
        self.span_of(a, b).slice(self.text)
    }

    /// The index of the first token starting at or after byte `pos`.
    pub fn tok_at_or_after(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| t.start < pos)
    }

    /// The index of the first token ending after byte `pos`.
    pub fn tok_ending_after(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| t.end <= pos)
    }
}

/// The tokens of `text[span]`, replacing those in `toks`. Kept out of line, as
/// is [`look_up_into`]: inlined into [`Words::with_buffers`], their loops ran
/// short of registers.
#[inline(never)]
fn tokenize_into(text: &str, span: Span, toks: &mut Vec<Token>) {
    toks.clear();
    // About one token per four bytes of news text: a buffer too small (not from
    // `Buffers::reserve`) grows at once rather than through a doubling series.
    toks.reserve(span.len() / 4 + 1);
    toks.extend(tokens(text, span));
}

/// The vocabulary id of each of `toks`, replacing those in `ids`: `lower` is the
/// lower-cased and padded text from byte `first` on. The vocabularies hold words
/// and quotation marks only: numbers and other punctuation are not looked up.
#[inline(never)]
fn look_up_into(vocab: &Vocab, lower: &str, first: usize, toks: &[Token], ids: &mut Vec<u32>) {
    ids.clear();
    ids.extend(toks.iter().map(|t| {
        let start = t.start - first;
        let lookup = match t.kind {
            TokenKind::Word => true,
            TokenKind::Punct => lower
                .as_bytes()
                .get(start)
                .is_some_and(|&b| matches!(b, b'"' | b'\'' | b'`') || b >= 0x80),
            _ => false,
        };
        if lookup {
            vocab.words.get_padded(lower, start, t.end - t.start)
        } else {
            UNKNOWN
        }
    }));
}

/// Quotation marks, as tokens.
pub(crate) const QUOTES: &[&str] = &[
    "\"", "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}", "''", "``",
];

/// Determiners that open a noun phrase.
pub(crate) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those",
];

/// Whether tokens `first..end` overlap one of the token ranges `(a, b)`.
pub(crate) fn in_ranges(ranges: &[(usize, usize)], first: usize, end: usize) -> bool {
    ranges.iter().any(|&(a, b)| first < b && a < end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn possessives_with_straight_and_curly_apostrophes() {
        let vocab = Vocab::new();
        let s = "The regime's jets, Syria\u{2019}s army and Russia hit Aleppo.";
        let w = Words::new(s, Span::new(0, s.len()), &vocab);
        let possessive: Vec<&str> = (0..w.len())
            .filter(|&k| w.is_possessive(k))
            .map(|k| w.raw(k))
            .collect();
        assert_eq!(possessive, ["regime's", "Syria\u{2019}s"]);
    }
}
