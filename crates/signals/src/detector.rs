//! [`SignalDetector`]: one pass over an article's kept paragraphs and title,
//! producing every signal of [`crate::kinds`] with its evidence.

use std::borrow::Cow;

use crosscheck_schema::{ArticleAnalysis, Evidence, RemovalKind, Signal, Span};

use crate::caps::{caps_candidates, find_caps, is_all_caps_title, is_caps_candidate};
use crate::kinds;
use crate::lexicon::{sorted_by_start, starting_in, Cue, DehumKind, Doubt, Hit, Lexicon};
use crate::quotes::{classify, find_quotes, Quote, QuoteKind};
use crate::sourcing::{distinct, merge_claims, sentence_of, Attribution, SourceClass, Sourcing};
use crate::text::{count_words_up_to, in_regions, scan_words, union, words_before};

/// Finds the interpretable signals of an article. Build once (the lexicons are
/// compiled in [`SignalDetector::new`]) and share across threads.
pub struct SignalDetector {
    lex: Lexicon,
}

impl Default for SignalDetector {
    fn default() -> SignalDetector {
        SignalDetector::new()
    }
}

/// A count and its evidence, for one signal.
#[derive(Default)]
struct Tally {
    count: usize,
    evidence: Vec<Evidence>,
}

impl Tally {
    /// Counts one occurrence; its span is evidence only when it is a span of the
    /// article's text (a title read from a record field is not).
    fn add(&mut self, span: Option<Span>, label: Option<&'static str>) {
        self.count += 1;
        if let Some(s) = span {
            self.evidence.push(Evidence {
                start: s.start,
                end: s.end,
                label: label.map(Cow::Borrowed),
            });
        }
    }

    fn signal(self, kind: &'static str) -> Option<Signal> {
        (self.count > 0).then_some(Signal {
            kind: Cow::Borrowed(kind),
            value: self.count as f32,
            weight: 0.0,
            evidence: self.evidence,
        })
    }
}

/// The tallies of the count signals.
#[derive(Default)]
struct Tallies {
    scare: Tally,
    caps: Tally,
    question_headline: Tally,
    questions: Tally,
    exclamations: Tally,
    dehumanising: Tally,
    loaded: Tally,
    hedges: Tally,
    caveats: Tally,
    speculation: Tally,
    first_person: Tally,
    comments: Tally,
    clickbait: Tally,
    appeals: Tally,
    primary: Tally,
}

/// Where the headline is: in the article text (with its span), or only in a
/// record field.
struct Title<'a> {
    /// The text the title's offsets refer to: the article text, or the title itself.
    text: &'a str,
    span: Span,
    /// The title is part of the article text (its offsets are evidence).
    located: bool,
    /// It is inside a kept paragraph (the body scan already counts its words).
    in_body: bool,
}

impl Title<'_> {
    fn evidence(&self, span: Span) -> Option<Span> {
        self.located.then_some(span)
    }
}

impl SignalDetector {
    pub fn new() -> SignalDetector {
        SignalDetector {
            lex: Lexicon::new(),
        }
    }

    /// The signals of one article. `text` is the text the article's offsets refer
    /// to (for an HTML page, the readable text before offsets are mapped back);
    /// every evidence span is a byte range of it.
    ///
    /// Reads the title, the kept `paragraphs`, `sentences`, the `removed` regions
    /// (comment residue, appeals) and the claims' attribution chains when present.
    /// Count signals are emitted only when non-zero; `word_count` and
    /// `distinct_sources` always; `anonymous_sources` when a speaker was classed.
    pub fn detect(&self, text: &str, article: &ArticleAnalysis) -> Vec<Signal> {
        let body = body_regions(text, article);
        let sentences = sentence_spans(text, article, &body);
        let title = locate_title(text, article, &body);

        // The lists below are sized for the article up front (generously, by its
        // length), so that they are not regrown, and copied, paragraph after
        // paragraph.
        let body_len: usize = body.iter().map(Span::len).sum();

        // Per paragraph: its word count, the words that may start an ALL-CAPS run or
        // be a first-person pronoun, the phrases of the lexicons, and the quotation
        // marks.
        let mut words = 0usize;
        let mut first_person: Vec<Span> = Vec::new();
        let mut caps_words: Vec<usize> = Vec::with_capacity(body_len / 256);
        let mut hits: Vec<Hit> = Vec::with_capacity(body_len / 128);
        let mut raw_quotes: Vec<Quote> = Vec::new();
        for p in &body {
            words += scan_words(text, p.start, p.end, |w| {
                if is_caps_candidate(text, w) {
                    caps_words.push(w.start);
                }
                if w.len() <= 9 && self.lex.is_first_person(&text.as_bytes()[w.start..w.end]) {
                    first_person.push(w);
                }
            });
            self.lex.scan(text, p.start, p.end, &mut hits);
            find_quotes(text, p.start, p.end, &mut raw_quotes);
        }
        let hits_sorted = sorted_by_start(&hits);
        let quotes = classify_all(text, &raw_quotes, &sentences, &hits);
        let quoted = union(quotes.iter().map(|(q, _)| q.outer).collect());
        let in_quote = |pos: usize| in_regions(&quoted, pos);

        let mut t = Tallies::default();
        for &w in &first_person {
            if !in_quote(w.start) && is_first_person(text, w) {
                t.first_person.add(Some(w), None);
            }
        }

        // Quotations.
        for (q, kind) in &quotes {
            match kind {
                QuoteKind::SoCalled => t.scare.add(Some(q.outer), Some("so_called")),
                QuoteKind::Ironic => t.scare.add(Some(q.outer), Some("ironic")),
                _ => {}
            }
        }

        // ALL-CAPS emphasis.
        let mut runs = Vec::new();
        for p in &body {
            let lo = caps_words.partition_point(|&c| c < p.start);
            let hi = caps_words.partition_point(|&c| c < p.end);
            find_caps(
                text,
                p.start,
                p.end,
                &caps_words[lo..hi],
                &self.lex,
                true,
                &mut runs,
            );
        }
        for r in &runs {
            t.caps.add(Some(*r), None);
        }

        // Questions and exclamations in the body.
        for s in &sentences {
            let Some(sentence) = text.get(s.start..s.end) else {
                continue;
            };
            let trimmed = sentence.trim_end_matches(|c: char| {
                c.is_whitespace() || "\"'\u{201D}\u{2019})]".contains(c)
            });
            if trimmed.ends_with('?') && !in_quote(s.start + trimmed.len() - 1) {
                t.questions.add(Some(*s), None);
            }
            let bang = memchr::memchr_iter(b'!', sentence.as_bytes()).any(|i| {
                !in_quote(s.start + i)
                    && !sentence[i + 1..].starts_with('=')
                    && !is_brand_bang(sentence, i)
            });
            if bang {
                t.exclamations.add(Some(*s), None);
            }
        }

        // Lexical signals.
        let attributions = {
            let sourcing = Sourcing {
                lex: &self.lex,
                text,
                sentences: &sentences,
                hits: &hits,
                hits_sorted,
                quotes: &quotes,
            };
            let mut found: Vec<Attribution> = Vec::new();
            sourcing.find(&mut found);
            merge_claims(text, &article.claims, &mut found);
            found
        };
        for (i, h) in hits.iter().enumerate() {
            let span = Span::new(h.start, h.end);
            // "Hayat Tahrir al-Sham" is a name, not a "sham".
            let own_voice = !in_quote(h.start) && !is_name_part(text, span);
            match h.cue {
                Cue::Loaded(category) if own_voice => t.loaded.add(Some(span), Some(category)),
                Cue::Dehumanising(DehumKind::Strong) if own_voice => {
                    t.dehumanising.add(Some(span), None)
                }
                Cue::Dehumanising(DehumKind::Contextual)
                    if own_voice && has_cue_before(text, &hits[..i], h) =>
                {
                    t.dehumanising.add(Some(span), None)
                }
                Cue::Doubt(Doubt::Hedge) if own_voice => t.hedges.add(Some(span), None),
                Cue::Doubt(Doubt::Caveat) if own_voice => t.caveats.add(Some(span), None),
                Cue::Doubt(Doubt::Speculation) if own_voice => t.speculation.add(Some(span), None),
                Cue::Clickbait {
                    headline_only: false,
                } => t.clickbait.add(Some(span), None),
                Cue::Appeal => t.appeals.add(Some(span), None),
                _ => {}
            }
        }

        // The headline.
        if let Some(title) = &title {
            self.headline(title, &mut t);
        }

        // Comment residue and appeals outside the body.
        for r in &article.removed {
            let span = Span::new(r.start, r.end);
            if text.get(span.start..span.end).is_none() {
                continue;
            }
            match r.kind {
                RemovalKind::CommentThread | RemovalKind::CommentWidget => {
                    t.comments.add(Some(span), Some(r.kind.as_str()))
                }
                RemovalKind::DonationAppeal => t.appeals.add(Some(span), Some("donation")),
                RemovalKind::ShareAppeal => {
                    let mut found = Vec::new();
                    self.lex.scan(text, span.start, span.end, &mut found);
                    if found.iter().any(|h| h.cue == Cue::Appeal) {
                        t.appeals.add(Some(span), Some("share_urgent"));
                    }
                }
                _ => {}
            }
        }
        for p in &body {
            comment_lines(text, *p, &hits, hits_sorted, &mut t.comments);
        }

        // Sources.
        // Every attribution is evidence of the first: its room at once.
        let mut attributed = Tally {
            count: 0,
            evidence: Vec::with_capacity(attributions.len()),
        };
        let mut anonymous = Tally::default();
        let mut classed = 0usize;
        for a in &attributions {
            attributed.add(Some(a.speaker), Some(a.class.as_str()));
            classed += 1;
            if a.class == SourceClass::Anonymous {
                anonymous.add(Some(a.speaker), Some("anonymous"));
            }
        }
        let sources = distinct(&attributions);
        for (q, kind) in &quotes {
            if *kind != QuoteKind::Speech
                || count_words_up_to(text, q.inner.start, q.inner.end, 5) < 5
            {
                continue;
            }
            if let Some(a) = speaker_near(q, &sentences, &attributions) {
                t.primary.add(Some(q.outer), Some(a.class.as_str()));
            }
        }

        let mut out = Vec::with_capacity(kinds::ALL.len());
        out.push(Signal {
            kind: kinds::WORD_COUNT.into(),
            value: words as f32,
            weight: 0.0,
            evidence: Vec::new(),
        });
        out.extend(t.scare.signal(kinds::SCARE_QUOTES));
        out.extend(t.caps.signal(kinds::ALL_CAPS));
        out.extend(t.question_headline.signal(kinds::QUESTION_HEADLINE));
        out.extend(t.questions.signal(kinds::RHETORICAL_QUESTIONS));
        out.extend(t.exclamations.signal(kinds::EXCLAMATIONS));
        out.extend(t.dehumanising.signal(kinds::DEHUMANISING));
        out.extend(t.loaded.signal(kinds::LOADED_LANGUAGE));
        out.extend(t.hedges.signal(kinds::HEDGES));
        out.extend(t.caveats.signal(kinds::VERIFICATION_CAVEATS));
        out.extend(t.speculation.signal(kinds::SPECULATION));
        out.extend(attributed.signal(kinds::ATTRIBUTIONS));
        if classed > 0 {
            out.push(Signal {
                kind: kinds::ANONYMOUS_SOURCES.into(),
                value: anonymous.count as f32 / classed as f32,
                weight: 0.0,
                evidence: anonymous.evidence,
            });
        }
        out.push(Signal {
            kind: kinds::DISTINCT_SOURCES.into(),
            value: sources.len() as f32,
            weight: 0.0,
            evidence: sources
                .iter()
                .map(|a| Evidence {
                    start: a.speaker.start,
                    end: a.speaker.end,
                    label: Some(Cow::Owned(a.speaker.slice(text).to_string())),
                })
                .collect(),
        });
        out.extend(t.primary.signal(kinds::PRIMARY_QUOTES));
        out.extend(t.first_person.signal(kinds::FIRST_PERSON));
        out.extend(t.comments.signal(kinds::COMMENT_RESIDUE));
        out.extend(t.clickbait.signal(kinds::CLICKBAIT));
        out.extend(t.appeals.signal(kinds::APPEALS));
        out
    }

    /// Headline signals. When the title is a kept paragraph too, the body scan has
    /// already counted its words; only the headline-only signals are added.
    fn headline(&self, t: &Title<'_>, out: &mut Tallies) {
        let title = t.span.slice(t.text);
        let trimmed = title
            .trim_end_matches(|c: char| c.is_whitespace() || "\"'\u{201D}\u{2019})]".contains(c));
        if trimmed.ends_with('?') || title.contains("? ") {
            out.question_headline.add(t.evidence(t.span), None);
        }
        let mut hits = Vec::new();
        self.lex.scan(t.text, t.span.start, t.span.end, &mut hits);
        for (i, h) in hits.iter().enumerate() {
            let span = Span::new(h.start, h.end);
            let words = !t.in_body && !is_name_part(t.text, span);
            match h.cue {
                Cue::Loaded(category) if words => out.loaded.add(t.evidence(span), Some(category)),
                Cue::Dehumanising(DehumKind::Strong) if words => {
                    out.dehumanising.add(t.evidence(span), None)
                }
                Cue::Dehumanising(DehumKind::Contextual)
                    if words && has_cue_before(t.text, &hits[..i], h) =>
                {
                    out.dehumanising.add(t.evidence(span), None)
                }
                Cue::Clickbait {
                    headline_only: true,
                } => out.clickbait.add(t.evidence(span), Some("headline")),
                Cue::Clickbait {
                    headline_only: false,
                } if !t.in_body => out.clickbait.add(t.evidence(span), Some("headline")),
                Cue::Appeal if !t.in_body => out.appeals.add(t.evidence(span), Some("headline")),
                _ => {}
            }
        }
        if is_listicle(title) {
            out.clickbait.add(t.evidence(t.span), Some("listicle"));
        }
        if is_all_caps_title(title) {
            out.caps.add(t.evidence(t.span), Some("headline"));
        }
        if t.in_body {
            return;
        }
        if !is_all_caps_title(title) {
            let mut runs = Vec::new();
            let candidates = caps_candidates(t.text, t.span.start, t.span.end);
            find_caps(
                t.text,
                t.span.start,
                t.span.end,
                &candidates,
                &self.lex,
                false,
                &mut runs,
            );
            for r in runs {
                out.caps.add(t.evidence(r), Some("headline"));
            }
        }
        if title.contains('!') {
            out.exclamations.add(t.evidence(t.span), Some("headline"));
        }
        let mut quotes = Vec::new();
        find_quotes(t.text, t.span.start, t.span.end, &mut quotes);
        for q in &quotes {
            match classify(t.text, q, t.span, &hits) {
                QuoteKind::SoCalled => out.scare.add(t.evidence(q.outer), Some("so_called")),
                QuoteKind::Ironic => out.scare.add(t.evidence(q.outer), Some("ironic")),
                _ => {}
            }
        }
    }
}

/// The kept paragraphs, valid and in order; the article's region (or the whole
/// text) when it has none.
fn body_regions(text: &str, article: &ArticleAnalysis) -> Vec<Span> {
    // Room for every paragraph at once, not grown by doubling through a filter.
    let mut body: Vec<Span> = Vec::with_capacity(article.paragraphs.len());
    body.extend(
        article
            .paragraphs
            .iter()
            .copied()
            .filter(|p| !p.is_empty() && text.get(p.start..p.end).is_some()),
    );
    if body.is_empty() {
        let region = Span::new(article.source.start, article.source.end);
        let region = if !region.is_empty() && text.get(region.start..region.end).is_some() {
            region
        } else {
            Span::new(0, text.len())
        };
        let cut: Vec<Span> = article
            .removed
            .iter()
            .map(|r| Span::new(r.start, r.end))
            .filter(|r| r.overlaps(region))
            .collect();
        // The region minus what cleaning removed, cut at blank lines.
        let mut start = region.start;
        let mut sorted = cut;
        sorted.sort_by_key(|r| r.start);
        for r in sorted {
            if r.start > start {
                body.push(Span::new(start, r.start));
            }
            start = start.max(r.end);
        }
        if start < region.end {
            body.push(Span::new(start, region.end));
        }
        body.retain(|s| {
            text.get(s.start..s.end)
                .is_some_and(|t| !t.trim().is_empty())
        });
    }
    body.sort_by_key(|p| p.start);
    body
}

/// The article's sentences that lie in the body; a rough split at `.`, `!`, `?`
/// and line ends when the article has none.
fn sentence_spans(text: &str, article: &ArticleAnalysis, body: &[Span]) -> Vec<Span> {
    // Room for every sentence at once, not grown by doubling through a filter.
    let mut out: Vec<Span> = Vec::with_capacity(article.sentences.len());
    out.extend(
        article
            .sentences
            .iter()
            .map(|s| Span::new(s.start, s.end))
            .filter(|s| !s.is_empty() && text.get(s.start..s.end).is_some()),
    );
    if out.is_empty() {
        for p in body {
            let Some(region) = text.get(p.start..p.end) else {
                continue;
            };
            let mut start = 0;
            let bytes = region.as_bytes();
            for (i, &b) in bytes.iter().enumerate() {
                let ends = matches!(b, b'.' | b'!' | b'?')
                    && bytes.get(i + 1).is_none_or(u8::is_ascii_whitespace)
                    || b == b'\n';
                if ends {
                    out.push(Span::new(p.start + start, p.start + i + 1));
                    start = i + 1;
                }
            }
            if start < region.len() {
                out.push(Span::new(p.start + start, p.end));
            }
        }
        out.retain(|s| s.slice(text).chars().any(char::is_alphanumeric));
        out = out.into_iter().map(|s| s.trim(text)).collect();
    }
    out.sort_by_key(|s| s.start);
    out
}

fn locate_title<'a>(
    text: &'a str,
    article: &'a ArticleAnalysis,
    body: &[Span],
) -> Option<Title<'a>> {
    let in_body = |s: Span| body.iter().any(|p| p.overlaps(s));
    let spanned = article
        .metadata_spans
        .iter()
        .find(|m| m.field == "title")
        .map(|m| Span::new(m.start, m.end))
        .filter(|s| !s.is_empty() && text.get(s.start..s.end).is_some());
    if let Some(span) = spanned {
        return Some(Title {
            text,
            span,
            located: true,
            in_body: in_body(span),
        });
    }
    let title = article
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())?;
    // A headline sits near the top of its article: look in its first 4 KB.
    let region = Span::new(article.source.start, article.source.end);
    let region = if text.get(region.start..region.end).is_some() && !region.is_empty() {
        region
    } else {
        Span::new(0, text.len())
    };
    let mut head_end = (region.start + 4096 + title.len()).min(region.end);
    while !text.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let found = text
        .get(region.start..head_end)
        .and_then(|r| find_first(r.as_bytes(), title.as_bytes()))
        .map(|i| region.start + i);
    match found {
        Some(at) => {
            let span = Span::new(at, at + title.len());
            Some(Title {
                text,
                span,
                located: true,
                in_body: in_body(span),
            })
        }
        None => Some(Title {
            text: title,
            span: Span::new(0, title.len()),
            located: false,
            in_body: false,
        }),
    }
}

/// The offset of the first occurrence of `needle` in `hay`, as
/// `memchr::memmem::find` answers: each place of `needle`'s first byte, found by
/// `memchr`, is compared with the rest. A headline sits near the top of its
/// text, so this ends after a few candidates where `memmem::find` first builds a
/// searcher for the needle (most of what locating a title cost).
fn find_first(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let Some((&first, rest)) = needle.split_first() else {
        return Some(0);
    };
    memchr::memchr_iter(first, hay).find(|&i| hay[i + 1..].starts_with(rest))
}

/// Classifies every quotation; one nested inside a quoted statement is part of
/// that statement.
fn classify_all(
    text: &str,
    raw: &[Quote],
    sentences: &[Span],
    hits: &[Hit],
) -> Vec<(Quote, QuoteKind)> {
    let mut out: Vec<(Quote, QuoteKind)> = Vec::with_capacity(raw.len());
    for q in raw {
        let nested = out.iter().any(|(o, k)| {
            *k == QuoteKind::Speech && o.outer.start < q.outer.start && q.outer.end <= o.outer.end
        });
        let kind = if nested {
            QuoteKind::Other
        } else {
            let sentence = sentence_of(sentences, q.outer.start).unwrap_or(q.outer);
            let lo = hits.partition_point(|h| h.start < sentence.start.min(q.outer.start));
            let hi = hits.partition_point(|h| h.start < sentence.end.max(q.outer.end));
            classify(text, q, sentence, &hits[lo..hi])
        };
        out.push((*q, kind));
    }
    out
}

/// A contextual dehumanising word counts after a cue: "these animals",
/// "terrorist dogs", "a pack of hyenas".
fn has_cue_before(text: &str, earlier: &[Hit], hit: &Hit) -> bool {
    earlier.iter().rev().take(8).any(|c| {
        c.cue == Cue::Dehumanising(DehumKind::Cue)
            && c.end <= hit.start
            && count_words_up_to(text, c.end, hit.start, 2) <= 1
            && !text[c.end..hit.start].contains(['.', ',', ';', '!', '?'])
    })
}

/// "I" in capitals (not "i", not "World War I"), "us" not "US", "me" not "ME".
fn is_first_person(text: &str, span: Span) -> bool {
    let word = span.slice(text);
    match word {
        "I" => {
            let mut prev = [Span::default(); 1];
            let n = words_before(
                text,
                span.start,
                span.start.saturating_sub(24),
                |_| false,
                &mut prev,
            );
            let p = if n == 1 { prev[0].slice(text) } else { "" };
            ![
                "War", "Phase", "Act", "Chapter", "Part", "Class", "Type", "Stage", "Level",
                "Title", "Article",
            ]
            .contains(&p)
        }
        "i" | "US" | "ME" | "MY" => false,
        _ => true,
    }
}

/// "10 Things You Didn't Know", "7 reasons why": a number and a list noun.
fn is_listicle(title: &str) -> bool {
    let mut words = title.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    if !first.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    words.take(2).any(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase();
        [
            "things",
            "reasons",
            "ways",
            "facts",
            "signs",
            "times",
            "photos",
            "pictures",
            "questions",
            "secrets",
            "tips",
            "tricks",
            "lessons",
            "myths",
            "mistakes",
            "moments",
            "celebrities",
            "words",
            "rules",
            "steps",
            "habits",
        ]
        .contains(&w.as_str())
    })
}

/// A capitalised word glued to the word before it by a hyphen ("al-Sham").
fn is_name_part(text: &str, span: Span) -> bool {
    text.as_bytes().get(span.start.wrapping_sub(1)) == Some(&b'-')
        && text
            .as_bytes()
            .get(span.start)
            .is_some_and(u8::is_ascii_uppercase)
}

/// "Yahoo!", "Jeopardy!": a brand, not an exclamation.
fn is_brand_bang(sentence: &str, i: usize) -> bool {
    let before = &sentence[..i];
    before.ends_with("Yahoo") || before.ends_with("Jeopardy") || before.ends_with("Wham")
}

/// The nearest attribution in the quote's sentence or the sentences around it.
fn speaker_near<'a>(
    q: &Quote,
    sentences: &[Span],
    attributions: &'a [Attribution],
) -> Option<&'a Attribution> {
    let i = sentences.partition_point(|s| s.end <= q.outer.start);
    let lo = sentences
        .get(i.saturating_sub(1))
        .map_or(q.outer.start, |s| s.start.min(q.outer.start));
    let j = sentences.partition_point(|s| s.start < q.outer.end);
    let hi = sentences
        .get(j)
        .map_or(q.outer.end, |s| s.end.max(q.outer.end));
    attributions
        .iter()
        .filter(|a| a.speaker.start >= lo && a.speaker.end <= hi && !q.inner.contains(a.speaker))
        .min_by_key(|a| {
            a.speaker
                .start
                .abs_diff(q.outer.end)
                .min(a.speaker.end.abs_diff(q.outer.start))
        })
}

/// Lines of a kept paragraph that are a comment thread's furniture: "Reply",
/// "Load more comments", "Abu_Yazan · 2 hours ago", "23 Comments". `hits` are
/// those of the body, `sorted` when in order of their start.
fn comment_lines(text: &str, p: Span, hits: &[Hit], sorted: bool, out: &mut Tally) {
    let Some(region) = text.get(p.start..p.end) else {
        return;
    };
    if region.len() > 120 && memchr::memchr(b'\n', region.as_bytes()).is_none() {
        return;
    }
    let mut offset = p.start;
    for line in region.split_inclusive('\n') {
        let start = offset + (line.len() - line.trim_start().len());
        offset += line.len();
        let t = line.trim();
        if t.is_empty() || t.len() > 100 {
            continue;
        }
        let span = Span::new(start, start + t.len());
        let whole_marker = starting_in(hits, sorted, span.start, span.start)
            .iter()
            .any(|h| h.cue == Cue::Comment && h.start == span.start && h.end == span.end);
        if whole_marker || is_comment_header(t) || is_comment_count(t) {
            out.add(Some(span), Some("in_body"));
        }
    }
}

/// "Abu_Yazan_1990 · 2 hours ago". In any case, without a lower-cased copy.
fn is_comment_header(line: &str) -> bool {
    ends_with_ignore_case(line, " ago")
        && line.contains(|c: char| c.is_ascii_digit())
        && ["\u{b7}", "|", "\u{2022}", " - "]
            .iter()
            .any(|sep| line.contains(sep))
        && ["second", "minute", "hour", "day", "week", "month", "year"]
            .iter()
            .any(|u| {
                line.as_bytes()
                    .windows(u.len())
                    .any(|w| w.eq_ignore_ascii_case(u.as_bytes()))
            })
}

/// "23 Comments", "Comments (4)". In any case, without a lower-cased copy.
fn is_comment_count(line: &str) -> bool {
    let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
    let rest_trimmed = rest.trim();
    (rest.len() < line.len()
        && ["comments", "comment", "responses", "replies"]
            .iter()
            .any(|w| rest_trimmed.eq_ignore_ascii_case(w)))
        || (line
            .as_bytes()
            .get(..10)
            .is_some_and(|b| b.eq_ignore_ascii_case(b"comments ("))
            && line.ends_with(')'))
}

/// `line` ends with `suffix` (ASCII), ignoring ASCII case.
fn ends_with_ignore_case(line: &str, suffix: &str) -> bool {
    let b = line.as_bytes();
    b.len() >= suffix.len() && b[b.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_detector_is_shared_across_threads() {
        fn is_send_sync<T: Send + Sync>() {}
        is_send_sync::<SignalDetector>();
    }

    #[test]
    fn a_casualty_count_is_not_a_listicle() {
        assert!(is_listicle("10 Things You Didn't Know About Aleppo"));
        assert!(!is_listicle(
            "22 dead in heavy U.S. raids on IS Syria stronghold"
        ));
    }

    #[test]
    fn the_first_occurrence_is_the_one_memmem_finds() {
        let hays: [&[u8]; 5] = [
            b"",
            b"Syria attack symptoms. Syria attack symptoms consistent with nerve agent use",
            b"aaaaabaaaab aab ab b",
            "Ma\u{2019}arrat \u{201c}Ma\u{2019}arrat\u{201d} al-Nu'man".as_bytes(),
            b"x",
        ];
        for hay in hays {
            // Every substring of every haystack as a needle, and some that occur nowhere.
            let mut needles: Vec<&[u8]> = vec![b"", b"zz", b"aaaaaa", b"Syria attack symptoms!"];
            for a in 0..hay.len() {
                for b in a + 1..=hay.len().min(a + 12) {
                    needles.push(&hay[a..b]);
                }
            }
            for needle in needles {
                assert_eq!(
                    find_first(hay, needle),
                    memchr::memmem::find(hay, needle),
                    "{needle:?} in {hay:?}"
                );
            }
        }
    }

    #[test]
    fn comment_furniture_is_recognised() {
        assert!(is_comment_header("Abu_Yazan_1990 \u{b7} 2 hours ago"));
        assert!(is_comment_count("23 Comments"));
        assert!(!is_comment_count("23 people"));
    }
}
