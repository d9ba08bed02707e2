//! The tokens of an article's sentences, cut once by one consumer and read by
//! the others: every consumer that runs [`tokens`] over the same sentence gets
//! the same tokens, so one scan can serve them all.

use crosscheck_schema::Span;

use crate::text::clamp;
#[cfg(doc)]
use crate::tokens::tokens;
use crate::tokens::Token;

/// The [`tokens`] of each sentence of an article, in the order they were given,
/// with the span each was cut from. Filled by [`SentenceTokens::push`] and
/// [`SentenceTokens::end_sentence`]; read by [`SentenceTokens::tokens_of`], which
/// answers only when it can give exactly what `tokens` would.
#[derive(Clone, Debug, Default)]
pub struct SentenceTokens {
    tokens: Vec<Token>,
    /// Per sentence: the span given, as [`tokens`] clamps it (`None` when nothing
    /// of it is left), and the end of its tokens in `tokens` (the start is the
    /// end of the sentence before).
    sentences: Vec<(Option<(usize, usize)>, usize)>,
}

impl SentenceTokens {
    /// Forgets every sentence, keeping the allocations.
    pub fn clear(&mut self) {
        self.tokens.clear();
        self.sentences.clear();
    }

    /// Makes room for about `tokens` more tokens.
    pub fn reserve(&mut self, tokens: usize) {
        self.tokens.reserve(tokens);
    }

    /// Adds a token of the sentence being filled.
    #[inline]
    pub fn push(&mut self, token: Token) {
        self.tokens.push(token);
    }

    /// Adds tokens of the sentence being filled, in order.
    #[inline]
    pub fn extend(&mut self, tokens: impl IntoIterator<Item = Token>) {
        self.tokens.extend(tokens);
    }

    /// Closes the sentence being filled: the tokens pushed since the last call
    /// are `tokens(text, span)`.
    pub fn end_sentence(&mut self, text: &str, span: Span) {
        self.sentences.push((clamp(text, span), self.tokens.len()));
    }

    /// The number of sentences.
    pub fn len(&self) -> usize {
        self.sentences.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }

    /// `tokens(text, span)` as a slice of sentence `i`'s tokens, when that is what
    /// it is: `text` must be the text the sentence was cut from, and `span` must
    /// end where the sentence ends and start inside it, on a char boundary, at
    /// none of its tokens' inner positions (a sentence shortened at the front, by
    /// a dateline say). The scan keeps no state from one token to the next but
    /// its position, and skips nothing but whitespace between tokens, so from the
    /// start of a token (or the whitespace before it) it cuts the same tokens as
    /// from the start of the sentence. `None` otherwise: the caller cuts them.
    pub fn tokens_of(&self, i: usize, text: &str, span: Span) -> Option<&[Token]> {
        let &(clamped, end) = self.sentences.get(i)?;
        let begin = match i {
            0 => 0,
            _ => self.sentences[i - 1].1,
        };
        let all = self.tokens.get(begin..end)?;
        let Some((sentence_start, sentence_end)) = clamped else {
            // Nothing of the sentence was left: a span that `tokens` would
            // clamp the same way cuts nothing either.
            return clamp(text, span).is_none().then_some(all);
        };
        if span == Span::new(sentence_start, sentence_end) {
            // The whole sentence (most of them).
            return Some(all);
        }
        if span.end != sentence_end
            || span.start < sentence_start
            || span.start > sentence_end
            || !text.is_char_boundary(span.start)
        {
            return None;
        }
        let first = all.partition_point(|t| t.start < span.start);
        if first > 0 && all[first - 1].end > span.start {
            // `span` starts inside a token.
            return None;
        }
        Some(&all[first..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokens;

    /// Every sentence of `text` as [`SentenceTokens`] holds it.
    fn shared(text: &str, spans: &[Span]) -> SentenceTokens {
        let mut s = SentenceTokens::default();
        for &span in spans {
            for t in tokens(text, span) {
                s.push(t);
            }
            s.end_sentence(text, span);
        }
        s
    }

    /// Checks [`SentenceTokens::tokens_of`] against [`tokens`] for every start
    /// inside every sentence; answers how many starts it answered for.
    fn check(text: &str, spans: &[Span]) -> usize {
        let s = shared(text, spans);
        let mut answered = 0;
        for (i, &span) in spans.iter().enumerate() {
            for start in span.start..=span.end + 1 {
                let cut = Span::new(start, span.end);
                if let Some(got) = s.tokens_of(i, text, cut) {
                    let want: Vec<Token> = tokens(text, cut).collect();
                    assert_eq!(got, want.as_slice(), "{i} {cut:?}");
                    answered += 1;
                }
            }
            // Every token start is answered.
            for t in tokens(text, span) {
                assert!(s.tokens_of(i, text, Span::new(t.start, span.end)).is_some());
            }
            // Another end is never answered (for a sentence inside the text).
            let shorter = Span::new(span.start, span.end.saturating_sub(1));
            if !span.is_empty() && span.end <= text.len() {
                assert!(s.tokens_of(i, text, shorter).is_none());
            }
        }
        answered
    }

    #[test]
    fn a_shortened_sentence_gets_the_tokens_it_would_cut() {
        let text = "DAMASCUS, SANA-Syrian forces shelled al-Assad's \u{201c}rebels\u{201d} \
            at 10:30 a.m. on 2 Jan., killing 1,200 in Ma\u{2019}arrat caf\u{e9}s... \
            U.S. F-16s -- 3.5 km away! Ph.D. x";
        let spans = [
            Span::new(0, 60),
            Span::new(60, 100),
            Span::new(100, 100),
            Span::new(100, text.len()),
            Span::new(text.len() + 3, text.len() + 9),
        ];
        let n = check(text, &spans);
        assert!(n > 50, "{n}");
    }

    #[test]
    fn agrees_with_the_scan_on_the_sample_corpus() {
        let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/corpus");
        let segmenter = crate::Segmenter::new();
        let mut answered = 0;
        for entry in std::fs::read_dir(corpus).expect("examples/corpus") {
            let text = std::fs::read_to_string(entry.expect("entry").path()).unwrap_or_default();
            let mut spans = Vec::new();
            segmenter.sentences_into(&text, Span::new(0, text.len()), &mut spans);
            answered += check(&text, &spans);
        }
        assert!(answered > 10_000, "{answered}");
    }
}
