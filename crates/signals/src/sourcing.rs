//! Who the article cites: attributions found from reporting verbs in the text
//! ("a military source told", "according to activists", "said Mahmoud al-Sheikh"),
//! merged with the attribution chains of the article's claims when there are any.
//!
//! Each attribution's speaker is classed:
//!
//! * **anonymous**: the speaker phrase is headed by an unnamed-source noun of
//!   `lexicons/source_nouns.tsv` (`sources`, `activists`, `residents`,
//!   `witnesses`, `a doctor`), or the sentence marks the speaker as unnamed
//!   ("who asked not to be named", "on condition of anonymity");
//! * **named**: the speaker phrase carries a proper name (`Igor Petrenko`,
//!   `Turkey's Foreign Ministry`, `WHO`), or is a definite reference to an
//!   institution (`the ministry`, `the monitor`), or a role of a named body
//!   (`a spokesman for Hayat Tahrir al-Sham`);
//! * **unspecified**: anything else (`a war monitor`, `officials`, `a member of
//!   the town's local council`).
//!
//! Pronoun speakers (`he said`, `they said`) refer back to someone already
//! counted and are skipped.

use crosscheck_schema::{Claim, SourceKind, Span};

use crate::lexicon::{starting_in, Cue, Hit, Lexicon, NounKind, Role};
use crate::quotes::{Quote, QuoteKind};
use crate::text::{
    in_regions, is_capitalised, is_clause_stop, is_name_cased, lower, union, words_after,
    words_before, Words,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SourceClass {
    Named,
    Anonymous,
    Unspecified,
}

impl SourceClass {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            SourceClass::Named => "named",
            SourceClass::Anonymous => "anonymous",
            SourceClass::Unspecified => "unspecified",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Attribution {
    pub(crate) speaker: Span,
    /// The speaker's head noun phrase ("a member" of "a member of the council").
    pub(crate) head: Span,
    pub(crate) class: SourceClass,
    /// Identity for counting distinct sources: lower-case name words for a named
    /// source, `anon:<noun>` for an anonymous one, the head noun otherwise.
    /// `None` for a back-reference ("the ministry said" after the ministry was named).
    pub(crate) key: Option<String>,
}

const MAX_SPEAKER_WORDS: usize = 8;
const MAX_SUBJECT_WINDOW: usize = 16;
const FALLBACK_WORDS: usize = 6;

/// The words of a candidate speaker phrase, at most [`MAX_SUBJECT_WINDOW`] of
/// them, in text order: a window of a fixed buffer, so that finding a speaker
/// allocates nothing (one `Vec` per reporting verb did before).
#[derive(Clone, Copy)]
struct WordList {
    buf: [Span; MAX_SUBJECT_WINDOW],
    /// The words are `buf[start..end]`.
    start: usize,
    end: usize,
}

impl WordList {
    /// An empty list.
    fn new() -> WordList {
        WordList {
            buf: [Span::default(); MAX_SUBJECT_WINDOW],
            start: 0,
            end: 0,
        }
    }

    /// The words, in text order.
    fn as_slice(&self) -> &[Span] {
        &self.buf[self.start..self.end]
    }

    fn len(&self) -> usize {
        self.end - self.start
    }

    fn is_empty(&self) -> bool {
        self.end == self.start
    }

    fn first(&self) -> Option<&Span> {
        self.as_slice().first()
    }

    fn last(&self) -> Option<&Span> {
        self.as_slice().last()
    }

    /// Appends `w` (the list has room: callers add at most [`MAX_SUBJECT_WINDOW`]).
    fn push(&mut self, w: Span) {
        self.buf[self.end] = w;
        self.end += 1;
    }

    /// Drops the last word (nothing when there is none).
    fn pop(&mut self) {
        self.end = self.end.max(self.start + 1) - 1;
    }

    /// Drops the first `k` words (all of them when there are fewer).
    fn drop_first(&mut self, k: usize) {
        self.start = (self.start + k).min(self.end);
    }
}

/// Words that open a clause before its subject.
const LEADING: &[&str] = &[
    "but",
    "and",
    "so",
    "yet",
    "that",
    "which",
    "who",
    "while",
    "whereas",
    "meanwhile",
    "however",
    "earlier",
    "later",
    "also",
    "separately",
    "then",
    "when",
    "as",
    "although",
    "though",
    "because",
    "if",
];

const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "which", "who", "that", "this", "these", "those",
    "him", "her", "them",
];
const PREPOSITIONS: &[&str] = &[
    "of", "for", "at", "in", "from", "with", "on", "near", "inside", "by", "to", "within", "among",
    "under", "across", "outside", "around", "reached",
];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "one", "two", "several", "some",
];
/// Words between a subject and its verb ("Russia has also said").
/// (A `match` on the word: a handful of length and byte tests, where a list
/// compared every entry.)
fn is_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "has"
            | "have"
            | "had"
            | "was"
            | "were"
            | "is"
            | "are"
            | "also"
            | "later"
            | "earlier"
            | "previously"
            | "then"
            | "further"
            | "would"
            | "will"
            | "could"
            | "been"
            | "again"
            | "separately"
            | "however"
            | "meanwhile"
            | "now"
            | "today"
            | "yesterday"
            | "be"
            | "being"
            | "not"
            | "never"
            | "repeatedly"
            | "publicly"
            | "officially"
            | "categorically"
            | "flatly"
    )
}
/// Capitalised words that are not names.
/// (A `match` on the word, as for [`is_auxiliary`].)
fn is_not_name(word: &str) -> bool {
    is_weekday(word)
        || is_month(word)
        || matches!(
            word,
            "the"
                | "a"
                | "an"
                | "in"
                | "on"
                | "at"
                | "but"
                | "and"
                | "according"
                | "meanwhile"
                | "however"
                | "earlier"
                | "later"
                | "many"
                | "some"
                | "several"
                | "other"
                | "both"
                | "all"
                | "one"
                | "two"
                | "this"
                | "that"
                | "these"
                | "those"
                | "his"
                | "her"
                | "their"
                | "its"
        )
}
/// Where a speaker phrase after the verb ends.
const FORWARD_STOPS: &[&str] = &[
    "who", "which", "that", "when", "while", "where", "whose", "because", "but", "as", "on",
    "after", "before", "during", "since", "if", "than", "adding", "saying", "and", "in", "told",
];

pub(crate) struct Sourcing<'a> {
    pub(crate) lex: &'a Lexicon,
    pub(crate) text: &'a str,
    pub(crate) sentences: &'a [Span],
    pub(crate) hits: &'a [Hit],
    /// `hits` are in order of their start (see [`starting_in`]).
    pub(crate) hits_sorted: bool,
    pub(crate) quotes: &'a [(Quote, QuoteKind)],
}

impl Sourcing<'_> {
    /// Appends the text-level attributions, in text order.
    pub(crate) fn find(&self, out: &mut Vec<Attribution>) {
        // What quoted statements say, as sorted regions.
        let speech = union(
            self.quotes
                .iter()
                .filter(|(_, k)| *k == QuoteKind::Speech)
                .map(|(q, _)| q.inner)
                .collect(),
        );
        for hit in self.hits {
            let Cue::Reporting(role) = hit.cue else {
                continue;
            };
            if in_regions(&speech, hit.start) {
                continue;
            }
            let Some(sentence) = sentence_of(self.sentences, hit.start) else {
                continue;
            };
            if let Some(a) = self.attribution(hit, role, sentence) {
                out.push(a);
            }
        }
    }

    fn attribution(&self, hit: &Hit, role: Role, sentence: Span) -> Option<Attribution> {
        let text = self.text;
        let before = text.get(sentence.start..hit.start)?.trim_end();
        let mut prev = [Span::default(); 1];
        let n = words_before(text, hit.start, sentence.start, is_clause_stop, &mut prev);
        let mut lb = [0u8; 40];
        let prev_word = if n == 1 {
            lower(prev[0].slice(text), &mut lb).unwrap_or("")
        } else {
            ""
        };
        if role != Role::Follows {
            // A passive ("could not be confirmed") names no speaker, unless "by" does.
            if matches!(
                prev_word,
                "be" | "been" | "being" | "was" | "were" | "is" | "are"
            ) {
                let mut next = [Span::default(); 1];
                let by = words_after(text, hit.end, sentence.end, is_clause_stop, &mut next) == 1
                    && next[0].slice(text).eq_ignore_ascii_case("by");
                if !by {
                    return None;
                }
                let words = self.forward(next[0].end, sentence);
                return self.classify(&words, sentence);
            }
            // "says ... and denies ...": the speaker was counted at the first verb.
            if matches!(prev_word, "and" | "or" | "but" | "then") {
                return None;
            }
        }
        let after_quote = before.ends_with(['"', '\u{201D}', '\'', '\u{2019}'])
            || (before.ends_with(',')
                && before[..before.len() - 1]
                    .trim_end()
                    .ends_with(['"', '\u{201D}', '\'', '\u{2019}']));
        let words = if role == Role::Follows
            || before.is_empty()
            || after_quote
            || (before.ends_with(',') && self.speaker_follows(hit.end, sentence))
        {
            self.forward(hit.end, sentence)
        } else {
            self.subject(hit.start, sentence)
        };
        self.classify(&words, sentence)
    }

    /// The speaker phrase after a verb: up to 8 words, to the end of the clause
    /// or a word that starts another one ("who", "on", "adding").
    fn forward(&self, pos: usize, sentence: Span) -> WordList {
        let text = self.text;
        let mut buf = [Span::default(); MAX_SPEAKER_WORDS];
        let n = words_after(text, pos, sentence.end, is_clause_stop, &mut buf);
        let mut words = WordList::new();
        for w in &buf[..n] {
            let mut lb = [0u8; 40];
            let lw = lower(w.slice(text), &mut lb).unwrap_or("");
            let verb = starting_in(self.hits, self.hits_sorted, w.start, w.start)
                .iter()
                .any(|h| h.start == w.start && matches!(h.cue, Cue::Reporting(_)));
            if !words.is_empty() && (FORWARD_STOPS.contains(&lw) || verb) {
                break;
            }
            words.push(*w);
        }
        words
    }

    /// "The toll rose to 12, said the official.": after a comma, the words after
    /// the verb are its speaker when they start with an article or a name and end
    /// the clause.
    fn speaker_follows(&self, pos: usize, sentence: Span) -> bool {
        let text = self.text;
        let mut buf = [Span::default(); MAX_SPEAKER_WORDS];
        let n = words_after(text, pos, sentence.end, is_clause_stop, &mut buf);
        if n == 0 || n == MAX_SPEAKER_WORDS {
            return false;
        }
        let first = buf[0].slice(text);
        let starts = is_name_cased(first)
            || ["a", "an", "the"]
                .iter()
                .any(|d| first.eq_ignore_ascii_case(d));
        let rest = text
            .get(buf[n - 1].end..sentence.end)
            .unwrap_or("")
            .trim_start();
        starts && (rest.is_empty() || rest.starts_with([',', ';', ':', '.', '!', '?']))
    }

    /// The subject before a verb: the first noun phrase of its clause when the
    /// clause starts within 16 words, else the words right before the verb from
    /// the last article on (scraped text often lost its commas: "... a nerve
    /// agent the World Health Organization said").
    fn subject(&self, verb: usize, sentence: Span) -> WordList {
        let text = self.text;
        let mut buf = [Span::default(); MAX_SUBJECT_WINDOW];
        let mut n = words_before(text, verb, sentence.start, is_clause_stop, &mut buf);
        if n == 0 {
            // "X, which says ..., said": skip the comma clause.
            let before = text.get(sentence.start..verb).unwrap_or("").trim_end();
            if before.ends_with(',') {
                let comma = sentence.start + before.len() - 1;
                if let Some(prev) = text.get(sentence.start..comma).and_then(|s| s.rfind(',')) {
                    n = words_before(
                        text,
                        sentence.start + prev,
                        sentence.start,
                        is_clause_stop,
                        &mut buf,
                    );
                }
            }
        }
        let mut words = WordList::new();
        for &w in buf[..n].iter().rev() {
            words.push(w);
        }
        // `w` is one of the (lower-case ASCII) `list`, in any case.
        let one_of = |w: &Span, list: &[&str]| {
            let w = w.slice(text);
            list.iter().any(|l| l.eq_ignore_ascii_case(w))
        };
        // Drop auxiliaries and adverbs between the subject and the verb.
        while let Some(w) = words.last() {
            let mut lb = [0u8; 40];
            let lw = lower(w.slice(text), &mut lb).unwrap_or("");
            if is_auxiliary(lw) || is_time_word(lw) || (lw.len() > 4 && lw.ends_with("ly")) {
                words.pop();
            } else {
                break;
            }
        }
        // Drop discourse words before it ("But", "Meanwhile", "that").
        while let Some(w) = words.first() {
            if one_of(w, LEADING) {
                words.drop_first(1);
            } else {
                break;
            }
        }
        let starts_with_preposition = words.first().is_some_and(|w| one_of(w, PREPOSITIONS));
        if n == MAX_SUBJECT_WINDOW || starts_with_preposition {
            let keep = words.len().saturating_sub(FALLBACK_WORDS);
            words.drop_first(keep);
            if let Some(d) = words
                .as_slice()
                .iter()
                .rposition(|w| one_of(w, &["the", "a", "an"]))
            {
                if d + 1 < words.len() {
                    words.drop_first(d);
                }
            }
        }
        words
    }

    fn classify(&self, words: &WordList, sentence: Span) -> Option<Attribution> {
        let text = self.text;
        let words = words.as_slice();
        let (first, last) = (words.first()?, words.last()?);
        let speaker = Span::new(first.start, last.end);
        // Per word, once: lower case, its stem without a possessive, what the
        // source-noun table says about the stem, and whether it is cased like a name.
        // All the lower-cased words in one buffer: one allocation, not one per word;
        // the per-word facts in arrays as long as a word list can be.
        let mut buf = String::with_capacity(speaker.len() + words.len());
        let mut ranges = [(0usize, 0usize); MAX_SUBJECT_WINDOW];
        for (w, range) in words.iter().zip(&mut ranges) {
            let at = buf.len();
            buf.push_str(w.slice(text));
            *range = (at, buf.len());
        }
        buf.make_ascii_lowercase();
        let n = words.len();
        let mut lowered = [""; MAX_SUBJECT_WINDOW];
        let mut stems = [""; MAX_SUBJECT_WINDOW];
        let mut kinds = [None; MAX_SUBJECT_WINDOW];
        let mut cased = [false; MAX_SUBJECT_WINDOW];
        for (i, w) in words.iter().enumerate() {
            let (a, b) = ranges[i];
            lowered[i] = &buf[a..b];
            stems[i] = strip_possessive(lowered[i]);
            kinds[i] = self.lex.source_noun(stems[i]);
            cased[i] = is_name_cased(w.slice(text));
        }
        let (lowered, stems, kinds, cased) = (&lowered[..n], &stems[..n], &kinds[..n], &cased[..n]);

        let is_pronoun = |i: usize| {
            let w = words[i].slice(text);
            // "WHO said" is the World Health Organization.
            PRONOUNS.contains(&lowered[i])
                && !(w.len() > 1 && w.bytes().all(|c| c.is_ascii_uppercase()))
        };
        if (0..words.len()).all(|i| is_pronoun(i) || is_auxiliary(lowered[i])) {
            return None;
        }
        // The head noun phrase ends at the first preposition; its head is its last
        // source noun ("a statement carried"), else its last word.
        let np_len = lowered
            .iter()
            .position(|w| PREPOSITIONS.contains(w))
            .unwrap_or(lowered.len());
        if np_len == 0 {
            return None;
        }
        let head_idx = (0..np_len)
            .rev()
            .find(|&i| kinds[i].is_some_and(|k| k != NounKind::Modifier))
            .unwrap_or(np_len - 1);
        let head = stems[head_idx];
        let head_span = Span::new(words[0].start, words[np_len - 1].end);
        let head_noun = kinds[head_idx].filter(|k| *k != NounKind::Modifier);
        let determiner = lowered.first().copied().filter(|w| DETERMINERS.contains(w));

        if let Some(i) = (0..np_len)
            .rev()
            .find(|&i| kinds[i] == Some(NounKind::Anonymous) && !PRONOUNS.contains(&stems[i]))
        {
            return Some(self.made(
                speaker,
                head_span,
                SourceClass::Anonymous,
                Some(format!("anon:{}", singular(stems[i]))),
            ));
        }
        let unnamed = starting_in(self.hits, self.hits_sorted, sentence.start, sentence.end)
            .iter()
            .any(|h| h.cue == Cue::Anonymity && h.start >= sentence.start && h.end <= sentence.end);
        if unnamed {
            return Some(self.made(
                speaker,
                head_span,
                SourceClass::Anonymous,
                Some(format!("anon:{}", singular(head))),
            ));
        }

        // A proper name: capitalised, two letters or more, not a function word, a
        // day or month, and not a source noun ("Residents", "Government").
        let sentence_first = Words::new(text, sentence.start, sentence.end)
            .next()
            .map(|w| w.start);
        let possessive = |i: usize| lowered[i].len() != stems[i].len();
        let is_name = |i: usize| {
            // A capitalised first word of a sentence followed by a lower-case word
            // is an ordinary word ("Chemical weapons experts").
            let initial = Some(words[i].start) == sentence_first
                && !possessive(i)
                && cased.get(i + 1) == Some(&false);
            // The cheap tests first; two letters are enough to stop counting.
            cased[i]
                && kinds[i].is_none()
                && !initial
                && words[i]
                    .slice(text)
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .nth(1)
                    .is_some()
                && !is_not_name(stems[i])
        };
        let named_key = || {
            // At most the speaker's text: one allocation, not regrown word by word.
            let mut key = String::with_capacity(speaker.len());
            let tokens = (0..words.len()).filter(|&i| {
                is_name(i)
                    || (cased[i]
                        && !is_not_name(stems[i])
                        && Some(words[i].start) != sentence_first)
            });
            for i in tokens {
                push_key_token(&mut key, stems[i]);
            }
            (!key.is_empty()).then_some(key)
        };
        let possessive_owner = (0..np_len).any(|i| {
            is_capitalised(words[i].slice(text)) && possessive(i) && !is_not_name(stems[i])
        });
        if (0..np_len).any(is_name) || possessive_owner {
            return Some(self.made(
                speaker,
                head_span,
                SourceClass::Named,
                named_key().or_else(|| Some(head.to_string())),
            ));
        }
        // "a spokesman for Hayat Tahrir al-Sham", "the coordinator for Syria"
        let after_preposition = lowered[np_len..]
            .iter()
            .enumerate()
            .skip(1)
            .find(|(_, w)| !DETERMINERS.contains(w))
            .map(|(k, _)| np_len + k);
        if after_preposition.is_some_and(is_name) {
            return Some(self.made(speaker, head_span, SourceClass::Named, named_key()));
        }
        if head_noun.is_some() && matches!(determiner, Some("the") | Some("its") | Some("their")) {
            // "the ministry": a reference to an institution already named.
            return Some(self.made(speaker, head_span, SourceClass::Named, named_key()));
        }
        Some(self.made(
            speaker,
            head_span,
            SourceClass::Unspecified,
            Some(singular(head)),
        ))
    }

    fn made(
        &self,
        speaker: Span,
        head: Span,
        class: SourceClass,
        key: Option<String>,
    ) -> Attribution {
        Attribution {
            speaker,
            head,
            class,
            key,
        }
    }
}

fn is_time_word(w: &str) -> bool {
    is_weekday(w)
        || matches!(
            w,
            "night" | "morning" | "evening" | "afternoon" | "last" | "week" | "on"
        )
}

fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

fn is_month(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    )
}

/// `word` without its possessive endings: every trailing "'s", then every
/// trailing "’s". The same as `trim_end_matches("'s").trim_end_matches("’s")`
/// without the substring searcher a `&str` pattern sets up on every call (a
/// quarter of [`Sourcing::classify`]).
fn strip_possessive(word: &str) -> &str {
    let mut w = word;
    while let Some(stem) = w.strip_suffix("'s") {
        w = stem;
    }
    while let Some(stem) = w.strip_suffix("\u{2019}s") {
        w = stem;
    }
    w
}

/// "sources" → "source", "witnesses" → "witness", "activists" → "activist".
fn singular(word: &str) -> String {
    let w = strip_possessive(word);
    if let Some(stem) = w.strip_suffix("sses") {
        return format!("{stem}ss");
    }
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

pub(crate) fn sentence_of(sentences: &[Span], pos: usize) -> Option<Span> {
    let i = sentences.partition_point(|s| s.end <= pos);
    sentences.get(i).copied().filter(|s| s.start <= pos)
}

/// Adds the speakers of the claims' attribution chains. Where a chain speaker
/// overlaps the head of a text-level speaker, the chain's kind decides the class
/// (the extract stage knows `the monitor` is a monitor), except that a speaker
/// the text marks as anonymous stays anonymous; other chain speakers are added.
/// Pronouns (`he`) refer back to someone already counted and are skipped.
pub(crate) fn merge_claims(text: &str, claims: &[Claim], out: &mut Vec<Attribution>) {
    for claim in claims {
        for src in &claim.attribution.chain {
            let span = Span::new(src.start, src.end);
            let Some(words) = text.get(span.start..span.end) else {
                continue;
            };
            let trimmed = words.trim();
            if span.is_empty()
                || (trimmed.len() <= 5 && PRONOUNS.iter().any(|p| trimmed.eq_ignore_ascii_case(p)))
            {
                continue;
            }
            let class = match src.kind {
                SourceKind::Anonymous => SourceClass::Anonymous,
                SourceKind::Other => SourceClass::Unspecified,
                _ => SourceClass::Named,
            };
            let proper = src.name.chars().next().is_some_and(char::is_uppercase);
            let key = || {
                let name = src.name.to_lowercase();
                match class {
                    SourceClass::Anonymous => format!(
                        "anon:{}",
                        singular(name.split_whitespace().last().unwrap_or(""))
                    ),
                    _ => name_key(&name),
                }
            };
            if let Some(a) = out.iter_mut().find(|a| a.head.overlaps(span)) {
                if a.class != SourceClass::Anonymous {
                    a.class = class;
                    if a.key.is_some() && proper {
                        a.key = Some(key());
                    }
                }
            } else if !out.iter().any(|a| a.speaker.overlaps(span)) {
                out.push(Attribution {
                    speaker: span,
                    head: span,
                    class,
                    key: Some(key()),
                });
            }
        }
    }
    out.sort_by_key(|a| a.speaker.start);
    out.dedup_by(|a, b| a.speaker == b.speaker);
}

/// Appends `stem` without dots, hyphens and apostrophes to the space-separated
/// `key`, unless nothing is left of it: the tokens of a named source's key,
/// built in one string.
fn push_key_token(key: &mut String, stem: &str) {
    let at = key.len();
    if at > 0 {
        key.push(' ');
    }
    let start = key.len();
    key.extend(
        stem.chars()
            .filter(|c| !matches!(c, '.' | '-' | '\u{2019}' | '\'')),
    );
    if key.len() == start {
        key.truncate(at);
    }
}

/// The key of a claim's named source (`name` lower case): its words but
/// articles, each without possessive endings, dots, hyphens and straight
/// apostrophes, joined by single spaces (a word left empty keeps its place), built
/// in one string.
fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    let words = name
        .split_whitespace()
        .filter(|t| !matches!(*t, "the" | "a" | "an"));
    for (i, t) in words.enumerate() {
        if i > 0 {
            key.push(' ');
        }
        key.extend(
            strip_possessive(t)
                .chars()
                .filter(|c| !matches!(c, '.' | '-' | '\'')),
        );
    }
    key
}

/// The distinct sources among `attributions`: one representative each (its
/// first mention), after merging "Petrenko" into "Maj. Gen. Igor Petrenko" and a
/// bare "monitor" into "Syrian Monitor for Human Rights".
pub(crate) fn distinct(attributions: &[Attribution]) -> Vec<&Attribution> {
    // Every key's words in one list (one allocation, not one per attribution);
    // each keyed attribution with the range of its words.
    let mut words: Vec<&str> = Vec::new();
    let mut keyed: Vec<(&Attribution, std::ops::Range<usize>)> = Vec::new();
    for a in attributions {
        if let Some(k) = a.key.as_deref() {
            let start = words.len();
            words.extend(k.split(' '));
            keyed.push((a, start..words.len()));
        }
    }
    let mut out: Vec<&Attribution> = Vec::new();
    for (i, (a, tokens)) in keyed.iter().enumerate() {
        let tokens = &words[tokens.clone()];
        let merged = keyed.iter().enumerate().any(|(j, (b, other))| {
            let other = &words[other.clone()];
            if i == j {
                return false;
            }
            if j < i && other == tokens {
                return true;
            }
            if a.class == SourceClass::Anonymous || b.class == SourceClass::Anonymous {
                return false;
            }
            let longer = other.len() > tokens.len();
            let suffix = longer && other.ends_with(tokens);
            let noun_in_name = tokens.len() == 1
                && b.class == SourceClass::Named
                && longer
                && other.contains(&tokens[0]);
            suffix || noun_in_name
        });
        if !merged {
            out.push(a);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::{classify, find_quotes};

    fn attributions(text: &str) -> Vec<(String, &'static str, Option<String>)> {
        let lex = Lexicon::new();
        let mut hits = Vec::new();
        lex.scan(text, 0, text.len(), &mut hits);
        let sentences = [Span::new(0, text.len())];
        let mut raw = Vec::new();
        find_quotes(text, 0, text.len(), &mut raw);
        let quotes: Vec<(Quote, QuoteKind)> = raw
            .iter()
            .map(|q| (*q, classify(text, q, sentences[0], &hits)))
            .collect();
        let s = Sourcing {
            lex: &lex,
            text,
            sentences: &sentences,
            hits: &hits,
            hits_sorted: crate::lexicon::sorted_by_start(&hits),
            quotes: &quotes,
        };
        let mut out = Vec::new();
        s.find(&mut out);
        out.into_iter()
            .map(|a| (a.speaker.slice(text).to_string(), a.class.as_str(), a.key))
            .collect()
    }

    #[test]
    fn anonymous_and_named_speakers() {
        assert_eq!(
            attributions("Twelve people were killed, a military source told the Homeland Gazette."),
            [(
                "a military source".into(),
                "anonymous",
                Some("anon:source".into())
            )]
        );
        assert_eq!(
            attributions("\"We have seen this theatre many times before,\" Petrenko said."),
            [("Petrenko".into(), "named", Some("petrenko".into()))]
        );
        assert_eq!(
            attributions("\"There were no fighters here,\" said Mahmoud al-Sheikh, a Civil Defence volunteer."),
            [("Mahmoud al-Sheikh".into(), "named", Some("mahmoud alsheikh".into()))]
        );
        assert_eq!(
            attributions("Doctors at two hospitals in Aleppo said they had received no patients."),
            [(
                "Doctors at two hospitals in Aleppo".into(),
                "anonymous",
                Some("anon:doctor".into())
            )]
        );
        assert_eq!(
            attributions(
                "Homs Governor Talal Barazi said the attack served the interests of terrorists."
            ),
            [(
                "Homs Governor Talal Barazi".into(),
                "named",
                Some("homs governor talal barazi".into())
            )]
        );
        assert_eq!(
            attributions("Many of the injured were moved to Aleppo, he said."),
            []
        );
    }

    #[test]
    fn possessives_strip_like_trim_end_matches() {
        for w in [
            "assad's",
            "assad\u{2019}s",
            "x's's",
            "a's\u{2019}s",
            "a\u{2019}s's",
            "'s",
            "\u{2019}s",
            "s",
            "",
            "ministry",
            "its",
            "'s'",
        ] {
            let definition = w.trim_end_matches("'s").trim_end_matches("\u{2019}s");
            assert_eq!(strip_possessive(w), definition, "{w:?}");
        }
    }

    #[test]
    fn a_name_key_is_its_words_cleaned_and_joined() {
        // The definition: each word cleaned on its own, then joined.
        let by_words = |name: &str| {
            name.split_whitespace()
                .filter(|t| !matches!(*t, "the" | "a" | "an"))
                .map(|t| strip_possessive(t).replace(['.', '-', '\''], ""))
                .collect::<Vec<_>>()
                .join(" ")
        };
        for name in [
            "",
            "  ",
            "the",
            "maj. gen. igor petrenko",
            "the syrian observatory for human rights",
            "assad's  regime's - al-nusra 's u.s. a an the x",
            "\u{2019}s o'neill\u{2019}s . -- '",
        ] {
            assert_eq!(name_key(name), by_words(name), "{name:?}");
        }
    }

    #[test]
    fn distinct_sources_merge_short_and_long_names() {
        let a = |key: &str, class| Attribution {
            speaker: Span::new(0, 1),
            head: Span::new(0, 1),
            class,
            key: Some(key.to_string()),
        };
        let list = [
            a("ministry maj gen igor petrenko", SourceClass::Named),
            a("petrenko", SourceClass::Named),
            a("syrian monitor human rights", SourceClass::Named),
            a("monitor", SourceClass::Unspecified),
            a("anon:resident", SourceClass::Anonymous),
            a("anon:resident", SourceClass::Anonymous),
        ];
        assert_eq!(distinct(&list).len(), 3);
    }
}
