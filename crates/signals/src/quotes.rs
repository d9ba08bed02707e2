//! Quotations: where they are, and whether the marks report someone's words or
//! hold a word at arm's length.
//!
//! `he said the attack was "a crime"` quotes a speaker; `the "moderate" rebels`
//! and `the so-called "Free Army"` are scare quotes: the outlet, in its own voice,
//! doubts or mocks the word. The rules (in this order, first match wins):
//!
//! 1. `so-called`, `self-styled`, `self-proclaimed` ... right before the marks:
//!    scare quote (`so_called`), up to 8 words inside.
//! 2. More than 3 words, sentence punctuation, a pronoun or an auxiliary inside
//!    (`"can't be bought"`), or a preposition or conjunction first (`"over the
//!    border"`): speech.
//! 3. A naming verb up to 8 words before in the same sentence (`calling the
//!    reports "fabricated"`, `chanting "..."`), or a naming noun right before
//!    (`the word "terrorist"`): someone's term, not the outlet's irony.
//! 4. A phrase led by an article (`"a crime"`, `"an information provocation"`):
//!    a fragment of speech.
//! 5. Capitalised words (a name or title: `"Meet the Press"`, `"White Helmets"`):
//!    not counted, unless a dismissive determiner stands before them (`their
//!    "White Helmets" cameramen`).
//! 6. A say-type reporting verb up to 8 words before in the same sentence, or up
//!    to 5 words after (`said the army had "repelled" the attack`, `"dozens" of
//!    troops, Amaq said`): a fragment of speech. Verbs of denial and accusation
//!    do not count: in `denied these “fabrications”` the marks are the outlet's.
//! 7. Otherwise: a scare quote (`ironic`).

use crosscheck_schema::Span;

use crate::lexicon::{Cue, Hit, Role};
use crate::text::{
    char_at, char_before, count_words_up_to, is_capitalised, is_sentence_stop, words_after,
    words_before, Words,
};

/// A pair of quotation marks and what is between them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Quote {
    /// From the opening mark to the end of the closing mark.
    pub(crate) outer: Span,
    /// Between the marks.
    pub(crate) inner: Span,
    /// Single marks (‘ ’ or ').
    pub(crate) single: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum QuoteKind {
    /// Someone's words: a quoted statement or a fragment of one.
    Speech,
    /// A scare quote after "so-called" and the like.
    SoCalled,
    /// A scare quote in the outlet's own voice.
    Ironic,
    /// A name, title or number in quotes; not counted.
    Other,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    Either,
}

/// Finds the double- and single-quoted spans of `text[start..end]` (one
/// paragraph) and appends them to `out` in order. A double quote left open at the
/// end of a paragraph it opened is closed there (the convention for a quotation
/// that runs over several paragraphs); any other unpaired mark is ignored.
pub(crate) fn find_quotes(text: &str, start: usize, end: usize, out: &mut Vec<Quote>) {
    let Some(region) = text.get(start..end) else {
        return;
    };
    let first = out.len();
    let bytes = region.as_bytes();
    let mut open: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < bytes.len() {
        // Jump to the next byte that can start a double quotation mark.
        match memchr::memchr3(b'"', 0xE2, 0xC2, &bytes[i..]) {
            Some(k) => i += k,
            None => break,
        }
        let b = bytes[i];
        let (len, glyph) = match b {
            b'"' => (1, Mark::Either),
            0xE2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
                Some(0x9C) | Some(0x9E) => (3, Mark::Open),
                Some(0x9D) => (3, Mark::Close),
                _ => {
                    i += 1;
                    continue;
                }
            },
            0xC2 => match bytes.get(i + 1) {
                Some(0xAB) => (2, Mark::Open),
                Some(0xBB) => (2, Mark::Close),
                _ => {
                    i += 1;
                    continue;
                }
            },
            _ => {
                i += 1;
                continue;
            }
        };
        let at = start + i;
        let role = mark_role(text, at, at + len, glyph);
        match (role, open) {
            (Mark::Open, _) | (Mark::Either, None) => open = Some((at, len)),
            (Mark::Close, Some((o, olen))) | (Mark::Either, Some((o, olen))) => {
                out.push(Quote {
                    outer: Span::new(o, at + len),
                    inner: Span::new(o + olen, at),
                    single: false,
                });
                open = None;
            }
            (Mark::Close, None) => {}
        }
        i += len;
    }
    if let Some((o, olen)) = open {
        if text.get(start..o).is_some_and(|s| s.trim().is_empty()) {
            out.push(Quote {
                outer: Span::new(o, end),
                inner: Span::new(o + olen, end),
                single: false,
            });
        }
    }
    find_single_quotes(text, start, end, first, out);
    out[first..].sort_unstable_by_key(|q| q.outer.start);
}

/// Which way a mark faces, from the glyph and the characters around it.
fn mark_role(text: &str, at: usize, after: usize, glyph: Mark) -> Mark {
    let before_space = char_before(text, at)
        .is_none_or(|c| c.is_whitespace() || "([{\u{2014}\u{2013}-/".contains(c));
    let after_space = char_at(text, after)
        .is_none_or(|c| c.is_whitespace() || ".,;:!?)]}\u{2014}\u{2013}".contains(c));
    match glyph {
        Mark::Open if !before_space && after_space => Mark::Close,
        Mark::Close if before_space && !after_space => Mark::Open,
        Mark::Either if before_space && !after_space => Mark::Open,
        Mark::Either if !before_space && after_space => Mark::Close,
        g => g,
    }
}

/// Single-quoted words: an opening ‘ or ' after a space and before a letter, the
/// nearest closing ’ or ' after a letter and before a space or punctuation, at
/// most 8 words and 80 bytes apart, not inside a double-quoted span. Longer
/// single-quoted speech (British style) is not looked for: the marks are too
/// easily apostrophes.
fn find_single_quotes(text: &str, start: usize, end: usize, first: usize, out: &mut Vec<Quote>) {
    let bytes = text.as_bytes();
    let mut i = start;
    while i < end {
        match memchr::memchr2(b'\'', 0xE2, &bytes[i..end]) {
            Some(k) => i += k,
            None => break,
        }
        let len = single_mark_len(bytes, i);
        if len == 0 {
            i += 1;
            continue;
        }
        let opens = char_before(text, i)
            .is_none_or(|c| c.is_whitespace() || "([\u{201C}\"".contains(c))
            && char_at(text, i + len).is_some_and(char::is_alphanumeric);
        let inside_double = out[first..]
            .iter()
            .any(|q| !q.single && q.outer.start <= i && i < q.outer.end);
        if !opens || inside_double {
            i += len;
            continue;
        }
        let limit = (i + 80).min(end);
        let mut j = i + len;
        let mut found = None;
        while j < limit {
            let l = single_mark_len(bytes, j);
            if l > 0 {
                let closes = char_before(text, j).is_some_and(|c| !c.is_whitespace())
                    && char_at(text, j + l)
                        .is_none_or(|c| c.is_whitespace() || ".,;:!?)]\u{201D}\"".contains(c));
                if closes {
                    found = Some((j, l));
                    break;
                }
                j += l;
            } else {
                j += 1;
            }
        }
        match found {
            Some((j, l)) if count_words_up_to(text, i + len, j, 9) <= 8 => {
                out.push(Quote {
                    outer: Span::new(i, j + l),
                    inner: Span::new(i + len, j),
                    single: true,
                });
                i = j + l;
            }
            _ => i += len,
        }
    }
}

fn single_mark_len(bytes: &[u8], i: usize) -> usize {
    match bytes[i] {
        b'\'' => 1,
        0xE2 if bytes.get(i + 1) == Some(&0x80)
            && matches!(bytes.get(i + 2), Some(0x98) | Some(0x99)) =>
        {
            3
        }
        _ => 0,
    }
}

const SO_CALLED_GAP: usize = 3;

/// Generous bytes per word (with its space), to skip counting words over spans
/// that are obviously too long.
const MAX_WORD_BYTES: usize = 40;

/// Classifies a quotation (see the module comment). `sentence` is the sentence
/// holding the opening mark; `hits` the lexicon matches of its paragraph, sorted.
pub(crate) fn classify(text: &str, q: &Quote, sentence: Span, hits: &[Hit]) -> QuoteKind {
    let inner = q.inner.trim(text);
    let inner_text = inner.slice(text);
    // Only compared with bounds up to 8 below: counted no further than 9.
    let words = count_words_up_to(text, inner.start, inner.end, 9);
    if words == 0 || !inner_text.chars().any(char::is_alphabetic) {
        return QuoteKind::Other;
    }
    // 1. so-called "..."
    let so_called = hits.iter().any(|h| {
        h.cue == Cue::SoCalled
            && h.end <= q.outer.start
            && q.outer.start - h.end <= SO_CALLED_GAP
            && text
                .get(h.end..q.outer.start)
                .is_some_and(|gap| gap.trim().is_empty())
    });
    if so_called && words <= 8 {
        return QuoteKind::SoCalled;
    }
    // 2. a statement, or a fragment of one: a pronoun or an auxiliary inside
    // ("can't be bought", "He's tough"), or a function word first ("over the border")
    let last = inner_text.chars().next_back().unwrap_or(' ');
    if words > 3
        || ".,!?;:\u{2026}".contains(last)
        || inner_text.contains(". ")
        || inner_text.contains("? ")
    {
        return QuoteKind::Speech;
    }
    let mut inner_words = Words::new(text, inner.start, inner.end);
    let first = inner_words.next().map(|w| w.slice(text)).unwrap_or("");
    let clause_like = Words::new(text, inner.start, inner.end).any(|w| {
        let w = w.slice(text);
        let w = w.split(['\'', '\u{2019}']).next().unwrap_or(w);
        CLAUSE_WORDS.iter().any(|c| w.eq_ignore_ascii_case(c))
    });
    if clause_like
        || (words >= 2
            && LEADING_FUNCTION_WORDS
                .iter()
                .any(|f| first.eq_ignore_ascii_case(f)))
    {
        return QuoteKind::Speech;
    }
    let sentence_start = sentence.start.min(q.outer.start);
    // 3. someone's term: calling it "...", the word "..."
    let naming = hits.iter().any(|h| {
        let window = match h.cue {
            Cue::Naming => 8,
            Cue::NamingNoun => 0,
            _ => return false,
        };
        h.start >= sentence_start
            && h.end <= q.outer.start
            && q.outer.start - h.end <= MAX_WORD_BYTES * (window + 1)
            && count_words_up_to(text, h.end, q.outer.start, window + 1) <= window
            && !followed_by(text, h.end, &["for", "on", "upon", "off", "after"])
    });
    if naming {
        return QuoteKind::Speech;
    }
    // 4. "a crime", "the aggression": a fragment of speech
    if words >= 2
        && ["a", "an", "the"]
            .iter()
            .any(|d| first.eq_ignore_ascii_case(d))
    {
        return QuoteKind::Speech;
    }
    // 5. a name or title
    let mut prev = [Span::default(); 1];
    let n = words_before(
        text,
        q.outer.start,
        sentence_start,
        is_sentence_stop,
        &mut prev,
    );
    let prev_word = if n == 1 { prev[0].slice(text) } else { "" };
    if Words::new(text, inner.start, inner.end)
        .all(|w| is_capitalised(w.slice(text)) || is_minor(w.slice(text)))
    {
        let dismissive = ["their", "these", "those", "such"]
            .iter()
            .any(|d| prev_word.eq_ignore_ascii_case(d));
        return if dismissive {
            QuoteKind::Ironic
        } else {
            QuoteKind::Other
        };
    }
    // 6. said the army had "repelled" the attack
    let sentence_end = sentence.end.max(q.outer.end);
    let reported = hits.iter().any(|h| {
        let Cue::Reporting(role) = h.cue else {
            return false;
        };
        if role == Role::Dispute {
            return false;
        }
        (h.start >= sentence_start
            && h.end <= q.outer.start
            && q.outer.start - h.end <= MAX_WORD_BYTES * 9
            && count_words_up_to(text, h.end, q.outer.start, 9) <= 8)
            || (h.start >= q.outer.end
                && h.end <= sentence_end
                && h.start - q.outer.end <= MAX_WORD_BYTES * 6
                && count_words_up_to(text, q.outer.end, h.start, 6) <= 5)
    });
    if reported {
        return QuoteKind::Speech;
    }
    QuoteKind::Ironic
}

/// Pronouns and auxiliaries: a quotation holding one is a piece of a sentence.
const CLAUSE_WORDS: &[&str] = &[
    "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "they",
    "them", "their", "it", "is", "was", "are", "were", "be", "been", "am", "will", "would", "can",
    "could", "should", "shall", "must", "may", "might", "have", "has", "had", "do", "does", "did",
    "don", "doesn", "didn", "won", "can't", "not",
];

/// Prepositions, conjunctions and adverbs that do not start a noun phrase.
const LEADING_FUNCTION_WORDS: &[&str] = &[
    "at", "over", "in", "on", "or", "and", "but", "for", "to", "with", "without", "like", "unlike",
    "long", "very", "so", "too", "just", "never", "always", "about", "into", "from", "by", "if",
    "when", "as", "than", "then", "all",
];

/// Small words a title keeps in lower case ("Meet the Press").
fn is_minor(word: &str) -> bool {
    [
        "the", "of", "and", "for", "in", "on", "a", "an", "to", "at", "de", "al",
    ]
    .contains(&word)
}

fn followed_by(text: &str, pos: usize, words: &[&str]) -> bool {
    let mut next = [Span::default(); 1];
    let n = words_after(text, pos, text.len(), |_| false, &mut next);
    n == 1
        && words
            .iter()
            .any(|w| next[0].slice(text).eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn kinds(text: &str) -> Vec<(String, QuoteKind)> {
        let lex = Lexicon::new();
        let mut hits = Vec::new();
        lex.scan(text, 0, text.len(), &mut hits);
        let mut quotes = Vec::new();
        find_quotes(text, 0, text.len(), &mut quotes);
        quotes
            .iter()
            .map(|q| {
                (
                    q.inner.slice(text).to_string(),
                    classify(text, q, Span::new(0, text.len()), &hits),
                )
            })
            .collect()
    }

    #[test]
    fn quoted_speech_is_not_a_scare_quote() {
        assert_eq!(
            kinds("He said the attack was \"a crime\" and left."),
            [("a crime".into(), QuoteKind::Speech)]
        );
        assert_eq!(
            kinds("State media said the army had \u{201C}repelled\u{201D} the attack."),
            [("repelled".into(), QuoteKind::Speech)]
        );
        assert_eq!(
            kinds("The source denied the reports, calling them \"fabricated\"."),
            [("fabricated".into(), QuoteKind::Speech)]
        );
    }

    #[test]
    fn ironic_quotes_are_scare_quotes() {
        assert_eq!(
            kinds("Western media love the \"moderate\" rebels!"),
            [("moderate".into(), QuoteKind::Ironic)]
        );
        assert_eq!(
            kinds("They repeated these lies word for word, as always when the \"moderate\" rebels need it."),
            [("moderate".into(), QuoteKind::Ironic)]
        );
        assert_eq!(
            kinds("He used the word \"terrorist\" twice."),
            [("terrorist".into(), QuoteKind::Speech)]
        );
        assert_eq!(
            kinds("The so-called \u{201C}ceasefire\u{201D} brought nothing."),
            [("ceasefire".into(), QuoteKind::SoCalled)]
        );
        assert_eq!(
            kinds("The source categorically denied these \u{201C}fabrications\u{201D}."),
            [("fabrications".into(), QuoteKind::Ironic)]
        );
        assert_eq!(
            kinds("Who pays the 'peaceful' protesters?"),
            [("peaceful".into(), QuoteKind::Ironic)]
        );
    }

    #[test]
    fn titles_in_quotes_are_not_counted() {
        assert_eq!(
            kinds("He told NBC's \"Meet the Press\" on Sunday."),
            [("Meet the Press".into(), QuoteKind::Other)]
        );
        assert_eq!(
            kinds("The terrorists and their \"White Helmets\" cameramen."),
            [("White Helmets".into(), QuoteKind::Ironic)]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(kinds("The rebels' positions and Assad's jets, don't forget.").is_empty());
    }
}
