//! Who makes a claim: reporting constructions ("X said", "according to X", "X told
//! AFP", "X reported, citing Y", "Y quoted by X", "..., said X"), the speaker phrases
//! they govern, nested sources as a chain (outermost first), and hedges.

use crosscheck_lexicon::Actors;
use crosscheck_schema::{SourceKind, Span};

use crate::vocab::{class, flag, ReportRole, SourceWord, Vocab};
use crate::words::Words;

/// An actor-table match as token indices `first..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ActorTok {
    pub first: usize,
    pub end: usize,
    pub actor: usize,
    /// The matched bytes (absolute), which may be narrower than the tokens.
    pub span: Span,
}

/// One speaker phrase: tokens `first..end`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Speaker {
    pub first: usize,
    pub end: usize,
    pub name: String,
    pub kind: SourceKind,
    /// "he", "it", "they": the name was resolved from earlier sentences.
    pub pronoun: bool,
}

/// A reporting construction found in the sentence.
#[derive(Clone, Debug)]
struct Construction {
    verb: usize,
    verb_end: usize,
    role: ReportRole,
    /// The outlet that carries the words: "quoted by X", "told AFP".
    outer: Option<(usize, usize)>,
    speaker: (usize, usize),
    /// Sources cited by the speaker: "citing Y", "X quoted Y as saying".
    inner: Vec<(usize, usize)>,
}

/// What the sentence says about who speaks.
#[derive(Clone, Debug, Default)]
pub(crate) struct Found {
    /// Outermost first.
    pub chain: Vec<Speaker>,
    pub hedges: Vec<Span>,
    /// A denial verb governs the claim ("X denied ...").
    pub deny: bool,
    /// Every speaker phrase and reporting verb of the sentence, as token ranges: not
    /// actors, places or event dates.
    pub speaker_ranges: Vec<(usize, usize)>,
    pub verbs: Vec<(usize, usize)>,
    /// [`find_with`]'s working lists, lent to the next sentence with the rest.
    constructions: Vec<Construction>,
    kept: Vec<Construction>,
}

/// What earlier sentences of the article tell about pronoun speakers.
#[derive(Clone, Debug, Default)]
pub(crate) struct Memory {
    /// The last person who spoke, or the organisation a person with a role spoke for
    /// ("Massimiliano Rebaudengo MSFs head of mission"), with its kind.
    pub person: Option<(String, SourceKind)>,
    pub org: Option<(String, SourceKind)>,
}

pub(crate) struct Context<'a> {
    pub vocab: &'a Vocab,
    pub actors: &'a Actors,
    pub matches: &'a [ActorTok],
    /// Token `i` is inside a quotation.
    pub quoted: &'a [bool],
    /// Token `i` is part of a date expression.
    pub date: &'a [bool],
    pub memory: &'a Memory,
    /// The publishing outlet, when known (`ArticleContext::outlet`).
    pub outlet: Option<&'a str>,
    /// The places the gazetteer found in the sentence.
    pub places: &'a [crate::frame::PlaceTok],
}

/// Singular nouns of one person's role: a speaker phrase holding one ("a ministry
/// spokesman", "Rami Abdel Rahman, the head of the Observatory") is a person, whom a
/// later "he" or "she" stands for.
pub(crate) fn human_role(w: &str) -> bool {
    matches!(
        w,
        "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "official"
            | "minister"
            | "president"
            | "ambassador"
            | "envoy"
            | "governor"
            | "commander"
            | "head"
            | "chief"
            | "chairman"
            | "director"
            | "general"
            | "colonel"
            | "analyst"
    )
}

fn is_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "it" | "they" | "we")
}

/// Capitalised words that do not name anyone.
pub(crate) fn cap_stop(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "after"
            | "but"
            | "and"
            | "however"
            | "meanwhile"
            | "elsewhere"
            | "earlier"
            | "later"
            | "thus"
            | "also"
            | "while"
            | "when"
            | "as"
            | "this"
            | "that"
            | "there"
            | "here"
            | "if"
            | "since"
            | "during"
            | "before"
            | "so"
            | "yet"
            | "then"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "i"
            | "we"
            | "they"
            | "he"
            | "she"
            | "it"
            | "his"
            | "her"
            | "according"
            | "what"
            | "who"
            | "why"
            | "how"
            | "where"
            | "despite"
            | "although"
            | "though"
            | "for"
            | "with"
            | "by"
            | "from"
            | "of"
            | "to"
            | "a"
            | "an"
            | "the"
            | "one"
            | "two"
            | "three"
            | "all"
            | "both"
            | "some"
            | "many"
            | "most"
            | "no"
            | "not"
            | "other"
    )
}

/// A word of a person's name: capitalised and no clause opener, or a particle after
/// one ("Zouhir al-Shimale").
fn name_word(w: &Words, k: usize) -> bool {
    let x = w.w(k);
    w.is_word(k)
        && (w.cap(k) && !cap_stop(x)
            || (x.starts_with("al-") || x.starts_with("el-")) && k > 0 && w.cap(k - 1))
}

/// A noun of one person's role or trade, which a description of a named speaker
/// holds ("the manager of", "a 28-year-old teacher").
pub(crate) fn role_noun(x: &str) -> bool {
    human_role(x)
        || matches!(
            x,
            "manager"
                | "photographer"
                | "teacher"
                | "engineer"
                | "surgeon"
                | "officer"
                | "correspondent"
                | "journalist"
                | "doctor"
                | "member"
                | "activist"
                | "resident"
        )
}

/// Lower-case words between a preposition and a place: "in rural Idlib", "in
/// rebel-held eastern Aleppo", "in the besieged".
fn place_qualifier(x: &str) -> bool {
    compass_word(x)
        || x.ends_with("-held")
        || x.ends_with("-controlled")
        || matches!(
            x,
            "rural"
                | "central"
                | "besieged"
                | "northeastern"
                | "northwestern"
                | "southeastern"
                | "southwestern"
        )
}

/// Compass adjectives before a place: "in northern Syria", "in east Aleppo".
fn compass_word(w: &str) -> bool {
    matches!(
        w,
        "northern" | "southern" | "eastern" | "western" | "north" | "south" | "east" | "west"
    )
}

/// Ranks and titles written with a full stop before a name.
fn is_rank(w: &str) -> bool {
    matches!(
        w,
        "maj"
            | "gen"
            | "col"
            | "lt"
            | "brig"
            | "sgt"
            | "capt"
            | "cpt"
            | "dr"
            | "mr"
            | "mrs"
            | "ms"
            | "rep"
            | "sen"
            | "gov"
            | "adm"
            | "prof"
            | "st"
    )
}

/// Where an aside that closes with the comma at `close` opens, when the sentence's
/// subject (at most six words from its start) stands before it: the opening comma.
/// The aside is a participle clause ("citing informants"), a relative clause ("who
/// managed") or an apposition after a name ("a youth that took part"), of at most
/// fifteen words with no other comma or quotation mark ("including children"
/// is a breakdown, not an aside).
fn subject_aside_start(w: &Words, close: usize) -> Option<usize> {
    let open = (1..close.min(7)).find(|&o| w.w(o) == ",")?;
    let first = open + 1;
    if close - open > 16
        || close <= first
        || (first..close).any(|k| w.w(k) == "," || w.is_quote(k) || !w.is_word(k) && w.w(k) != ".")
    {
        return None;
    }
    let opener = w.w(first);
    // An apposition describes a person named before it ("Reza Gul, a resident of
    // Farah province,"); after a description the apposition is the name ("A US
    // terrorism watchdog, the SITE Intelligence Group," is left to the name rule).
    let named_subject = (0..open).all(|k| {
        w.cap(k)
            || matches!(
                w.w(k),
                "van" | "von" | "de" | "der" | "bin" | "ibn" | "al" | "el"
            )
    });
    let fits = opener.len() > 4 && opener.ends_with("ing") && opener != "including"
        || matches!(opener, "who" | "which")
        || matches!(opener, "a" | "an" | "the") && named_subject;
    fits.then_some(open)
}

/// Words between a speaker and its verb: "the ministry *on Monday* said", "X *also* said",
/// and manner adverbs: "the Marine Corps *sharply* denied".
fn is_filler(w: &str) -> bool {
    is_manner_adverb(w)
        || matches!(
            w,
            "also"
                | "has"
                | "have"
                | "had"
                | "today"
                | "yesterday"
                | "tonight"
                | "later"
                | "earlier"
                | "previously"
                | "separately"
                | "further"
                | "however"
                | "meanwhile"
                | "repeatedly"
                | "persistently"
                | "consistently"
                | "always"
                | "categorically"
                | "would"
                | "will"
                | "did"
                | "does"
                | "do"
                | "not"
                | "on"
                | "initially"
                | "first"
                | "then"
                | "flatly"
                | "strongly"
                | "publicly"
                | "officially"
                | "both"
        )
}

/// A lower-case "-ly" adverb ("sharply", "quickly", "recently"), but not a "-ly" word
/// that is no adverb ("family", "weekly") nor a hedge: "Video uploaded by activists
/// purportedly showed" names no speaker.
fn is_manner_adverb(w: &str) -> bool {
    w.len() >= 6
        && w.ends_with("ly")
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && !matches!(
            w,
            "family"
                | "weekly"
                | "monthly"
                | "likely"
                | "rally"
                | "supply"
                | "assembly"
                | "reportedly"
                | "allegedly"
                | "apparently"
                | "supposedly"
                | "purportedly"
        )
}

impl Context<'_> {
    fn actor_ending_at(&self, end: usize) -> Option<&ActorTok> {
        self.matches.iter().find(|m| m.end == end)
    }

    /// Whether the phrase `first..end` names a news outlet: it holds a media entry of
    /// the actor table ("the BBC", "the Saudi news channel Al Arabiya") or ends in a
    /// media noun after a capitalised word ("Sky News television"). "X told CNN" in
    /// another outlet's article: CNN carries X's words (gold README, convention 8).
    fn names_media(&self, w: &Words, (first, end): (usize, usize)) -> bool {
        let table = self.matches.iter().any(|m| {
            m.first >= first
                && m.end <= end
                && self
                    .actors
                    .get(m.actor)
                    .is_some_and(|a| a.kind.source_kind() == SourceKind::Media)
        });
        table
            || (end >= first + 2
                && w.cap(first.max(end - 2))
                && matches!(
                    self.source_word(w, end - 1),
                    Some(SourceWord::Head(SourceKind::Media))
                )
                && !matches!(w.w(end - 1), "correspondent" | "reporter"))
    }

    /// Whether a media entry of the actor table inside `first..end` is the outlet that
    /// published the article ("told The New Arab" in an article of `alaraby`).
    fn publishes(&self, (first, end): (usize, usize)) -> bool {
        let Some(own) = self.outlet.and_then(|o| self.actors.outlet(o)) else {
            return false;
        };
        self.matches
            .iter()
            .any(|m| m.first >= first && m.end <= end && m.actor == own)
    }

    fn actor_starting_at(&self, first: usize) -> Option<&ActorTok> {
        self.matches.iter().find(|m| m.first == first)
    }

    fn source_word(&self, w: &Words, i: usize) -> Option<SourceWord> {
        self.vocab
            .sources
            .word_id(w.id(i))
            .or_else(|| self.vocab.sources.word_id(self.vocab.base_id(w, i)))
            .copied()
    }

    fn headlike(&self, w: &Words, i: usize) -> bool {
        matches!(self.source_word(w, i), Some(SourceWord::Head(_)))
            || (w.cap(i) && w.is_word(i) && !cap_stop(w.w(i)))
    }

    /// The speaker phrase ending right before token `verb`.
    fn speaker_before(&self, w: &Words, verb: usize) -> Option<(usize, usize)> {
        if w.flags & flag::DESCRIBED_SOURCE != 0 {
            if let Some(found) = self
                .source_with_ties(w, verb)
                .or_else(|| head_of_source(w, verb))
            {
                return Some(found);
            }
        }
        let mut end = verb;
        while end > 0 {
            let k = end - 1;
            // ("Aleppo Today said": a name's word, not the day.)
            let day_in_name = matches!(w.w(k), "today" | "yesterday" | "tonight") && w.cap(k);
            if is_filler(w.w(k)) && !day_in_name || self.date.get(k).copied().unwrap_or(false) {
                end -= 1;
                continue;
            }
            // "al-Hashimi was quoted as saying": the subject of the passive speaks.
            if k >= 2
                && w.w(k) == "as"
                && w.w(k - 1) == "quoted"
                && matches!(w.w(k - 2), "was" | "were" | "is" | "are" | "been")
            {
                end -= 3;
                continue;
            }
            // "Diane Foley, though, said": an aside between commas.
            if k >= 2
                && w.w(k) == ","
                && w.w(k - 2) == ","
                && matches!(
                    w.w(k - 1),
                    "though" | "however" | "meanwhile" | "too" | "instead"
                )
            {
                end -= 3;
                continue;
            }
            // "The official, citing informants within the group, said", "McDonough,
            // making the rounds of the talk shows, said", "The man, who managed the
            // negotiations, said", "Mamman Yakubu, a youth that took part, said": an
            // aside between commas after the sentence's subject.
            if w.w(k) == "," {
                if let Some(open) = subject_aside_start(w, k) {
                    end = open;
                }
            }
            break;
        }
        if end == 0 || w.is_quote(end - 1) || matches!(w.w(end - 1), "," | ":" | "(" | "-" | ";") {
            return None;
        }
        let mut i = end;
        let mut head = false;
        let mut place_tail = false;
        while i > 0 && end - i < 14 {
            let k = i - 1;
            let word = w.w(k);
            if self.quoted.get(k).copied().unwrap_or(false) {
                break;
            }
            if let Some(m) = self.actor_ending_at(i) {
                i = m.first;
                head = true;
                // "the Syrian city of Aleppo the Syrian Observatory for Human Rights
                // said" (punctuation lost): a name opening with "the" right after a
                // place governed by "of" or "in" starts the phrase ("head of the
                // Observatory" and "Rami Abdel Rahman the Observatorys director" join;
                // "In Washington the Pentagon said" keeps its opening place, which is
                // the speaker's, and "near Damascus" only locates another place).
                if w.has(m.first, class::DETERMINER)
                    && m.first > 2
                    && w.is_word(m.first - 1)
                    && w.cap(m.first - 1)
                    && matches!(w.w(m.first - 2), "of" | "in")
                {
                    break;
                }
                continue;
            }
            if word == ")" {
                if let Some(open) = (k.saturating_sub(6)..k).rev().find(|&j| w.w(j) == "(") {
                    if w.cap(open + 1) {
                        i = open;
                        continue;
                    }
                }
                break;
            }
            if w.has(k, class::DETERMINER) {
                if i < end {
                    i = k;
                    // "The Local Coordination Committees and the observatory said".
                    if k >= 2 && w.w(k - 1) == "and" && self.headlike(w, k - 2) {
                        i = k - 1;
                        continue;
                    }
                    // "Robert Mardini ICRC regional director for the Middle East told".
                    if k >= 1 && matches!(w.w(k - 1), "in" | "at" | "from" | "for") {
                        if let Some((start, cut)) = self.described_person(w, k - 1) {
                            i = start;
                            end = end.min(cut);
                            head = true;
                            break;
                        }
                    }
                    // "the Ministry of the Interior said", "the Russian Centre for
                    // Reconciliation of the Opposing Sides said": "of the" or "for the"
                    // inside a capitalised name.
                    if k >= 2
                        && matches!(w.w(k - 1), "of" | "for")
                        && w.is_word(k - 2)
                        && w.cap(k - 2)
                        && !cap_stop(w.w(k - 2))
                        && w.cap(k + 1)
                    {
                        i = k - 1;
                        continue;
                    }
                }
                break;
            }
            if is_pronoun(word) || word == "i" {
                if i == end {
                    i = k;
                    head = true;
                }
                break;
            }
            match self.source_word(w, k) {
                Some(SourceWord::Head(_)) => {
                    i = k;
                    head = true;
                    continue;
                }
                Some(SourceWord::Modifier) => {
                    i = k;
                    continue;
                }
                None => {}
            }
            // "killed at least 80 people in Hama rights groups said" (punctuation
            // lost): a located name before a lower-case source phrase is the place of
            // the clause before, not part of the speaker.
            if w.is_word(k)
                && w.cap(k)
                && i < end
                && !w.cap(i)
                && !place_tail
                && k > 0
                && matches!(w.w(k - 1), "in" | "at" | "near" | "from" | "of")
                && (i..end).all(|j| self.source_word(w, j).is_some())
                && (i..end).any(|j| matches!(self.source_word(w, j), Some(SourceWord::Head(_))))
            {
                break;
            }
            if w.is_word(k) && w.cap(k) && !cap_stop(word) {
                i = k;
                head = true;
                continue;
            }
            // "The health council in the district said", "a doctor in the town told": the
            // place where the speaker is, between a source noun and the verb, is not
            // part of the name.
            if i == end
                && k >= 3
                && w.has(k, class::PLACE_NOUN)
                && w.has(k - 1, class::DETERMINER)
                && matches!(w.w(k - 2), "in" | "at" | "from")
                && self.headlike(w, k - 3)
            {
                end = k - 2;
                i = end;
                continue;
            }
            // "a source at Aleppo province": a place noun closing a name, kept only if
            // the phrase reaches a source noun (below): "killed in Idlib province
            // said" has no speaker there.
            if w.has(k, class::PLACE_NOUN) && k > 0 && w.cap(k - 1) && i == end {
                i = k;
                place_tail = true;
                continue;
            }
            // "Maj. Gen. Igor Petrenko": the full stop of a rank.
            if word == "." && k > 0 && is_rank(w.w(k - 1)) {
                i = k;
                continue;
            }
            // "Abu Malek al-Jayrudi": a lower-case particle inside a name.
            if (word.starts_with("al-")
                || word.starts_with("el-")
                || word == "bin"
                || word == "ibn")
                && k > 0
                && w.cap(k - 1)
            {
                i = k;
                continue;
            }
            // "the Syrian Civil Defence in Idlib told": a place after a name of the
            // actor table is where the speaker is, not part of the name. The name must
            // open the phrase ("an air war against IS in Syria said" has no speaker
            // there).
            let opens_phrase = |p: usize| {
                p == 0
                    || !w.is_word(p - 1)
                    || w.has(p - 1, class::DETERMINER)
                    || self.source_word(w, p - 1).is_some()
            };
            if matches!(word, "in" | "at")
                && i < end
                && (i..end).all(|j| w.is_word(j) && w.cap(j))
                && self
                    .actor_ending_at(k)
                    .is_some_and(|m| opens_phrase(m.first))
            {
                end = k;
                i = k;
                continue;
            }
            // "An AFP correspondent in rebel-held eastern Aleppo said", "Activists in
            // rural Idlib said": words that qualify a place after its preposition.
            if i < end
                && place_qualifier(word)
                && (k..end).all(|j| j == k || w.cap(j) || place_qualifier(w.w(j)))
                && (1..=2).any(|d| k >= d && matches!(w.w(k - d), "in" | "at" | "from"))
            {
                i = k;
                continue;
            }
            // "Hamza Khatib the manager of Al-Quds hospital in Aleppo told": the place
            // closes the description of a person named before it.
            if i < end
                && matches!(word, "in" | "at" | "from" | "for")
                && (i..end)
                    .all(|j| w.cap(j) || w.has(j, class::DETERMINER) || place_qualifier(w.w(j)))
            {
                if let Some((start, cut)) = self.described_person(w, k) {
                    i = start;
                    end = end.min(cut);
                    head = true;
                    break;
                }
            }
            // Connectors inside a name: "head of the Observatory", "spokesman for X",
            // "a source at Aleppo Police Command", "activists and residents".
            if i < end && k > 0 {
                let joins = match word {
                    "of" | "for" => w.cap(k + 1) || w.has(k + 1, class::DETERMINER),
                    "at" | "in" | "from" => {
                        (w.cap(k + 1) || w.has(k + 1, class::DETERMINER))
                            && matches!(self.source_word(w, k - 1), Some(SourceWord::Head(_)))
                    }
                    // "Assads regime and Russia have accused", "The Local Coordination
                    // Committees and the observatory said": two speakers.
                    "and" => {
                        let right =
                            |j: usize| self.headlike(w, j) || self.actor_starting_at(j).is_some();
                        (self.headlike(w, k - 1) || self.actor_ending_at(k).is_some())
                            && (right(k + 1)
                                || w.has(k + 1, class::DETERMINER)
                                    && (right(k + 2) || self.source_word(w, k + 2).is_some()))
                    }
                    _ => false,
                };
                if joins
                    && (self.headlike(w, k - 1)
                        || self.source_word(w, k - 1).is_some()
                        || self.actor_ending_at(k).is_some())
                {
                    i = k;
                    continue;
                }
            }
            break;
        }
        while i < end && matches!(w.w(i), "of" | "for" | "and" | "at" | "in") {
            i += 1;
        }
        let sourced =
            || (i..end).any(|k| matches!(self.source_word(w, k), Some(SourceWord::Head(_))));
        if head && i < end && (!place_tail || sourced()) {
            return Some((i, end));
        }
        // "Residents of nearby villages said": a source noun opening the sentence,
        // then where its people are, in a few lower-case words; the noun alone is the
        // speaker (the places stay the event's).
        let h = usize::from(w.has(0, class::DETERMINER));
        (end <= h + 7
            && matches!(self.source_word(w, h), Some(SourceWord::Head(_)))
            && matches!(w.w(h + 1), "of" | "in" | "at" | "from" | "near")
            && (h + 2..end).all(|k| w.is_word(k) && !self.quoted.get(k).copied().unwrap_or(false)))
        .then_some((0, h + 1))
    }

    /// A source noun described by its ties, right before the verb: "Three sources *in
    /// contact with* ISIS or its associates told", "sources *close to* the group said",
    /// "officials *familiar with* the matter said". The noun phrase without the ties.
    fn source_with_ties(&self, w: &Words, verb: usize) -> Option<(usize, usize)> {
        let tie = (verb.saturating_sub(10)..verb)
            .find(|&k| TIE_WORDS.contains(&w.w(k)) && matches!(w.w(k + 1), "with" | "to"))?;
        if !(tie..verb).all(|k| w.is_word(k) && !self.quoted.get(k).copied().unwrap_or(false)) {
            return None;
        }
        // "in contact with", "with ties to": the preposition before the noun goes too.
        let end = if matches!(w.w(tie), "contact" | "ties" | "links") {
            tie.checked_sub(1)
                .filter(|&p| matches!(w.w(p), "in" | "with"))?
        } else {
            tie
        };
        let head = end.checked_sub(1)?;
        if !matches!(self.source_word(w, head), Some(SourceWord::Head(_))) {
            return None;
        }
        let mut start = head;
        while start > 0 && head - start < 3 {
            let p = start - 1;
            let modifier = matches!(self.source_word(w, p), Some(SourceWord::Modifier))
                || w.is_number(p)
                || w.has(p, class::NUMBER_WORD)
                || w.has(p, class::DETERMINER);
            if !modifier {
                break;
            }
            start = p;
        }
        Some((start, end))
    }

    /// The person whose description ends right before the preposition at `prep`: a
    /// name of two capitalised words or more (one, opening the sentence before "a" or
    /// "the"), then a description holding a role noun
    /// ("Hamza Khatib the manager of Al-Quds hospital", "Manal a 28-year-old teacher
    /// living", "Massimiliano Rebaudengo MSFs head of mission"). The name's first token,
    /// and where the speaker phrase must end at the latest: a source noun opening the
    /// sentence ("Activists in the district of Alwaer in Homs said") is the speaker
    /// alone, and the places after it stay the event's.
    /// Commas are often lost in this text, so the name must be there: "killed a
    /// commander in Afrin said" has none.
    fn described_person(&self, w: &Words, prep: usize) -> Option<(usize, usize)> {
        // A preposition inside a name of the table ("Observatory for Human Rights").
        if self.matches.iter().any(|m| m.first < prep && prep < m.end) {
            return None;
        }
        // Walking back: first the tail of the description after its role noun ("of
        // Al-Quds hospital", "of press office"), at most eight words; then the words before the role
        // ("the top", "a 28-year-old", "MSFs"), which hold no preposition, and the name.
        let mut role = false;
        let mut j = prep;
        while j > 0 && prep - j < 14 {
            let k = j - 1;
            if !(w.is_word(k) || w.is_number(k))
                || self.quoted.get(k).copied().unwrap_or(false)
                || self.date.get(k).copied().unwrap_or(false)
            {
                return None;
            }
            let x = w.w(k);
            if role {
                if name_word(w, k) {
                    // The name: two capitalised words or more, ending here (a
                    // possessive organisation after it, "MSFs head", belongs to the
                    // description).
                    let mut a = k;
                    while a > 0 && name_word(w, a - 1) {
                        a -= 1;
                    }
                    // One word only where the sentence opens, before "a" or "the":
                    // "Manal a 28-year-old teacher".
                    let single = (a == 0 || !w.is_word(a - 1)) && w.has(k + 1, class::DETERMINER);
                    if k > a || single {
                        // "Zouhir al-Shimale The New Arabs correspondent": a name after
                        // a determiner is an organisation's, inside the description.
                        if a > 0 && w.has(a - 1, class::DETERMINER) {
                            j = a;
                            continue;
                        }
                        // "The Syrian Observatory for Human Rights a monitoring group
                        // based in": the end of a table name; the phrase opens with it.
                        if let Some(m) = self.actor_ending_at(k + 1) {
                            return Some((m.first, usize::MAX));
                        }
                        return Some((a, usize::MAX));
                    }
                    // "US military forces": a capitalised word inside the description.
                } else if w.has(k, class::DETERMINER) {
                    // The description opens here: the name stands right before it.
                    // Or the description is the speaker, opening the sentence or a
                    // clause: "A Ria Novosti correspondent working in Damascus said".
                    let name_end = k;
                    if name_end == 0 || !w.is_word(name_end - 1) {
                        return Some((name_end, usize::MAX));
                    }
                    if name_word(w, name_end - 1) {
                        return self
                            .described_person_name(w, name_end)
                            .map(|a| (a, usize::MAX));
                    }
                    // "the head of the Civil Defense rescue service": the noun found
                    // was inside the tail.
                    if !matches!(w.w(name_end - 1), "of" | "for") {
                        return None;
                    }
                    role = false;
                } else if matches!(
                    x,
                    "of" | "for" | "in" | "at" | "near" | "from" | "to" | "on" | "by" | "with"
                ) {
                    // "head of press office at": the noun found was inside the tail;
                    // the role is further back.
                    role = false;
                }
            }
            if !role && prep - k > 8 {
                return None;
            }
            // The role heads the description: a preposition or a participle follows it
            // ("the manager of", "a teacher living in"), not another noun ("the largest
            // rebel bastion near").
            let heads = k + 1 == prep
                || matches!(
                    w.w(k + 1),
                    "of" | "for" | "at" | "in" | "from" | "with" | "living" | "working" | "based"
                );
            // A capitalised role noun belongs to a name ("U.S. Central Command"), unless
            // it opens the sentence: "Doctors at two hospitals in Aleppo said" is the
            // whole speaker.
            let opens = k == 0;
            if !role
                && heads
                && (!w.cap(k) || opens)
                && (role_noun(x) || matches!(self.source_word(w, k), Some(SourceWord::Head(_))))
            {
                if opens {
                    return Some((k, k + 1));
                }
                role = true;
            }
            j = k;
        }
        None
    }

    /// The first token of the name ending right before token `end` (a determiner that
    /// opens a description): two capitalised words or more, or one opening the
    /// sentence.
    fn described_person_name(&self, w: &Words, end: usize) -> Option<usize> {
        let mut a = end;
        while a > 0 && name_word(w, a - 1) {
            a -= 1;
        }
        (end - a >= 2 || (end - a == 1 && (a == 0 || !w.is_word(a - 1)))).then_some(a)
    }

    /// Where the name of a person opening the phrase `first..end` ends, when a
    /// description of their role follows it ("Hamza Khatib the manager of ...", "Wird
    /// Furati head of press office at ..."): the name as [`Self::described_person`]
    /// accepts it.
    fn person_before_role(&self, w: &Words, (first, end): (usize, usize)) -> Option<usize> {
        let mut name_end = first;
        while name_end < end && name_word(w, name_end) {
            name_end += 1;
        }
        let one = name_end == first + 1 && (first == 0 || !w.is_word(first - 1));
        if !(name_end >= first + 2 || one) || name_end + 1 >= end {
            return None;
        }
        let role_at = |k: usize| k < end && !w.cap(k) && role_noun(w.w(k));
        let described = if w.has(name_end, class::DETERMINER) {
            (name_end + 1..end.min(name_end + 4))
                .any(|k| role_at(k) || matches!(self.source_word(w, k), Some(SourceWord::Head(_))))
        } else {
            // "Wird Furati head of": the role right after the name.
            !one && role_at(name_end)
        };
        described.then_some(name_end)
    }

    /// "the Syrian military, which says ...", "A doctor at the clinic, who asked not to
    /// be named, said": the speaker before a relative clause.
    fn relative_speaker(&self, w: &Words, verb: usize) -> Option<(usize, usize)> {
        let prev = verb.checked_sub(1)?;
        // "An activist in Deir al-Zor who spoke on condition of anonymity told Reuters"
        // (commas lost): a relative clause of anonymity right before the verb.
        const ANONYMITY: [&[&str]; 6] = [
            &["spoke", "on", "condition", "of", "anonymity"],
            &["requested", "anonymity"],
            &["asked", "not", "to", "be", "named"],
            &["asked", "not", "to", "be", "identified"],
            &["declined", "to", "be", "named"],
            &["declined", "to", "be", "identified"],
        ];
        for phrase in ANONYMITY {
            let n = phrase.len();
            if verb > n + 1
                && w.w(verb - n - 1) == "who"
                && (0..n).all(|j| w.w(verb - n + j) == phrase[j])
            {
                return self.speaker_before(w, verb - n - 1);
            }
        }
        if matches!(w.w(prev), "which" | "who") && prev >= 1 && w.w(prev - 1) == "," {
            return self.speaker_before(w, prev - 1);
        }
        if w.w(prev) == "," {
            let comma = (prev.saturating_sub(25)..prev)
                .rev()
                .find(|&c| w.w(c) == "," && matches!(w.w(c + 1), "who" | "which"))?;
            return self.speaker_before(w, comma);
        }
        None
    }

    /// "Haj Mansour, the Kurdish defense official, recounted", "Britain's chief of the
    /// defence staff, General Sir Nicholas Houghton, warned": a speaker and its
    /// apposition between commas right before the verb.
    fn appositive_speaker(&self, w: &Words, verb: usize) -> Option<(usize, usize)> {
        // "The nurse, among the emergency team ..., also said": over an adverb.
        let mut close = verb.checked_sub(1)?;
        if matches!(w.w(close), "also" | "later" | "then") && close > 0 {
            close -= 1;
        }
        if w.w(close) != "," {
            return None;
        }
        let open = (close.saturating_sub(16)..close)
            .rev()
            .find(|&c| matches!(w.w(c), "," | ";" | ":") || w.is_quote(c))?;
        if w.w(open) != "," || open + 1 >= close {
            return None;
        }
        // An aside that is no apposition: an age ("Khadijah Kamara, 35, told"), a
        // relative clause ("The man, who reportedly managed the talks, said"), a place
        // among others ("The nurse, among the emergency team, said"), "also granted
        // anonymity". The speaker is the phrase before it.
        let aside = (close == open + 2 && w.is_number(open + 1))
            || matches!(w.w(open + 1), "who" | "among" | "also");
        if aside {
            let name = self.speaker_before(w, open)?;
            return (name.1 == open).then_some(name);
        }
        // The apposition is a noun phrase: "the ...", "a ...", a name, or a role
        // ("Rami Abdurrahman, director of the Syrian Observatory, said").
        if !(w.has(open + 1, class::DETERMINER) || w.cap(open + 1) || role_noun(w.w(open + 1))) {
            return None;
        }
        self.speaker_before(w, close)?;
        let apposition = (open + 1, close);
        // A proper name: capitalised words (and the particles and full stops inside
        // names), "Nikolay Mladenov", "Air Force Col. Patrick Ryder".
        let proper = |(a, b): (usize, usize)| {
            !w.has(a, class::DETERMINER)
                && (a..b).filter(|&k| w.is_word(k)).count() >= 2
                && (a..b).all(|k| {
                    !w.is_word(k) || w.cap(k) || w.w(k).starts_with("al-") || w.w(k) == "bin"
                })
        };
        // A name after a preposition is the object of a title: "envoy to Iraq".
        let object = |(a, _): (usize, usize)| {
            a > 0 && matches!(w.w(a - 1), "to" | "of" | "for" | "in" | "at" | "from")
        };
        // The speaker is the proper name of the two: "The outgoing U.N. envoy to Iraq,
        // Nikolay Mladenov," → Nikolay Mladenov; "Haj Mansour, the Kurdish defense
        // official," → Haj Mansour.
        match self.speaker_before(w, open) {
            Some(name) if proper(apposition) && (!proper(name) || object(name)) => Some(apposition),
            Some(name) => Some(name),
            None => proper(apposition).then_some(apposition),
        }
    }

    /// An unnamed source with a modifier right before a verb that closes the sentence,
    /// its commas lost: "... in Aleppo a source in the Syrian militia said", "... in
    /// Hasaka a group monitoring the conflict said". A determiner and a source noun
    /// open the phrase; a preposition or a participle follows the noun, and at most
    /// six words stand between the noun and the verb.
    fn trailing_source(&self, w: &Words, verb: usize) -> Option<(usize, usize)> {
        let from = verb.saturating_sub(9);
        (from..verb.saturating_sub(2)).find_map(|x| {
            let head = x + 1;
            let modifier = w.w(head + 1);
            let opens = matches!(w.w(x), "a" | "an" | "the")
                && matches!(self.source_word(w, head), Some(SourceWord::Head(_)))
                && (matches!(modifier, "in" | "at" | "from" | "with" | "close" | "inside")
                    || modifier.ends_with("ing"))
                && verb - head <= 7;
            (opens
                && (x..verb).all(|k| w.is_word(k) && !self.quoted.get(k).copied().unwrap_or(false)))
            .then_some((x, verb))
        })
    }

    /// The subject that opens the sentence, before its first verb ending in "-ed"
    /// or its first auxiliary, up to the comma before token `verb`: who acts in
    /// "The group posted a video online, saying ...".
    fn participle_subject(&self, w: &Words, verb: usize) -> Option<(usize, usize)> {
        let first = (1..verb).find(|&k| w.is_word(k) && !w.cap(k) && clause_verb(w.w(k)))?;
        self.speaker_before(w, first).filter(|&(a, _)| a == 0)
    }

    /// The speaker phrase starting at token `start` ("according to *local sources*",
    /// "said *a resident* who fled").
    fn speaker_after(&self, w: &Words, start: usize) -> Option<(usize, usize)> {
        let mut i = start;
        while i < w.len() && (self.date.get(i).copied().unwrap_or(false) || w.w(i) == "on") {
            i += 1;
        }
        let first = i;
        // "The Independent": a name of the actor table that starts with its article.
        if w.has(i, class::DETERMINER) && self.actor_starting_at(i).is_none() {
            i += 1;
        }
        if is_pronoun(w.w(i)) && i == first {
            return Some((i, i + 1));
        }
        let mut head = false;
        let mut last_good = i;
        while i < w.len() && i - first < 14 {
            if self.quoted.get(i).copied().unwrap_or(false) {
                break;
            }
            if let Some(m) = self.actor_starting_at(i) {
                i = m.end;
                head = true;
                last_good = i;
                continue;
            }
            let word = w.w(i);
            if word == "(" && w.w(i + 2) == ")" && w.cap(i + 1) {
                i += 3;
                last_good = i;
                continue;
            }
            match self.source_word(w, i) {
                Some(SourceWord::Head(_)) if !is_pronoun(word) => {
                    i += 1;
                    head = true;
                    last_good = i;
                    continue;
                }
                Some(SourceWord::Modifier) => {
                    i += 1;
                    continue;
                }
                _ => {}
            }
            if w.is_word(i) && w.cap(i) && !cap_stop(word) {
                i += 1;
                head = true;
                last_good = i;
                if w.w(i) == "." && is_rank(word) {
                    i += 1;
                }
                continue;
            }
            if head && (word.starts_with("al-") || word.starts_with("el-")) {
                i += 1;
                last_good = i;
                continue;
            }
            if matches!(word, "of" | "for")
                && (w.cap(i + 1) || w.has(i + 1, class::DETERMINER))
                && head
            {
                i += 1;
                if w.has(i, class::DETERMINER) {
                    i += 1;
                }
                continue;
            }
            // "according to Chinese rumour site Feng.com", "North Korea expert Pierre
            // Rigoulot": up to three lower-case words that lead to a name.
            if head && w.is_word(i) && !w.cap(i) && !cap_stop(word) {
                let lands = (i + 1..(i + 4).min(w.len()))
                    .find(|&j| !(w.is_word(j) && !w.cap(j) && !cap_stop(w.w(j))));
                if let Some(j) = lands {
                    let named = w.is_word(j)
                        && w.cap(j)
                        && !cap_stop(w.w(j))
                        && !w.has(j, class::NOT_NAME)
                        && !self.date.get(j).copied().unwrap_or(false)
                        && !self.quoted.get(j).copied().unwrap_or(false);
                    if named {
                        i = j;
                        continue;
                    }
                }
            }
            break;
        }
        (head && last_good > first).then_some((first, last_good))
    }

    fn describe(&self, w: &Words, (first, end): (usize, usize)) -> Speaker {
        let named_as = |name: String, kind: SourceKind| Speaker {
            first,
            end,
            name,
            kind,
            pronoun: false,
        };
        // The last actor match names the head: "Islamic State's Amaq news agency" → Amaq;
        // not a place where the speaker is ("A Ria Novosti correspondent working in
        // Damascus"), unless nothing else is named.
        let inside = |m: &&ActorTok| m.first >= first && m.end <= end;
        let located =
            |m: &&ActorTok| m.first > first && matches!(w.w(m.first - 1), "in" | "from" | "near");
        let named = self.matches.iter().rev().find(|m| inside(m) && !located(m));
        // "Mahmud Abu Malak a spokesman for the Nureddin al-Zanki rebel group": a
        // person named before the description of the role.
        if named.is_none() {
            if let Some(name_end) = self.person_before_role(w, (first, end)) {
                return named_as(w.text_of(first, name_end).to_string(), SourceKind::Person);
            }
        }
        if let Some(m) = named.or_else(|| self.matches.iter().rev().find(inside)) {
            if let Some(a) = self.actors.get(m.actor) {
                return named_as(a.name.clone(), a.kind.source_kind());
            }
        }
        let text = w.text_of(first, end).to_string();
        // "he", "it", "they", or "that it": the pronoun ends a phrase of one or two words.
        if end > first && end - first <= 2 {
            let p = w.w(end - 1);
            if is_pronoun(p) {
                let (name, kind) = match p {
                    "he" | "she" => self
                        .memory
                        .person
                        .clone()
                        .unwrap_or((text.clone(), SourceKind::Person)),
                    "it" => self
                        .memory
                        .org
                        .clone()
                        .unwrap_or((text.clone(), SourceKind::Other)),
                    _ => (text.clone(), SourceKind::Anonymous),
                };
                return Speaker {
                    first,
                    end,
                    name,
                    kind,
                    pronoun: true,
                };
            }
        }
        let kind = (first..end)
            .rev()
            .find_map(|i| match self.source_word(w, i) {
                Some(SourceWord::Head(k)) => Some(k),
                _ => None,
            })
            .unwrap_or(SourceKind::Person);
        // "TMZ reports", "according to The Inquisitr": a speaker named like an outlet
        // of the reputation table is a medium (or, for a government domain, an
        // official). Capitalised words only, one to four.
        if kind == SourceKind::Person
            && end - first <= 4
            && (first..end).all(|k| w.cap(k) || w.has(k, class::DETERMINER))
        {
            if let Some(&k) = self.vocab.outlets.get(&crate::vocab::outlet_key(&text).0) {
                return named_as(text, k);
            }
        }
        // "Syria denies the charges": a country speaking is its government, when the
        // table knows it as "government of Syria" (the bare name is the place).
        if end == first + 1 && w.cap(first) {
            if let Some(a) = self.actors.by_name(&format!("government of {text}")) {
                return named_as(a.name.clone(), a.kind.source_kind());
            }
        }
        named_as(text, kind)
    }
}

/// Wire agencies that "X told AFP" names as the carrier of X's words.
fn is_wire(w: &Words, (first, end): (usize, usize)) -> bool {
    const WIRES: &[&[&str]] = &[
        &["afp"],
        &["reuters"],
        &["ap"],
        &["the", "associated", "press"],
        &["associated", "press"],
        &["agence", "france-presse"],
        &["dpa"],
        &["anadolu"],
        &["anadolu", "agency"],
        &["sana"],
        &["sanas"],
    ];
    // "told SANAs correspondent", "told SANA reporter": the agency's journalist.
    let end = if end >= first + 2 && matches!(w.w(end - 1), "correspondent" | "reporter") {
        end - 1
    } else {
        end
    };
    WIRES.iter().any(|wire| {
        wire.len() == end.saturating_sub(first)
            && wire.iter().enumerate().all(|(k, x)| w.w(first + k) == *x)
    })
}

/// A finite verb right after a name: the name is a subject ("said the army killed",
/// "said Isis has executed"), not a speaker closing an inversion.
fn clause_verb(x: &str) -> bool {
    matches!(
        x,
        "had" | "has" | "have" | "was" | "were" | "is" | "are" | "will" | "would" | "could"
    ) || (x.len() > 4 && x.ends_with("ed"))
}

/// Prepositions that govern the name after them ("east of Damascus", "the sect of
/// President Bashar al-Assad"): such a name is not the subject of a following verb.
fn is_governing_preposition(w: &str) -> bool {
    matches!(
        w,
        "of" | "in"
            | "inside"
            | "across"
            | "near"
            | "from"
            | "to"
            | "into"
            | "outside"
            | "towards"
            | "toward"
    )
}

/// Whether the wire at `obj` is the outlet that published the article: "SANA" and
/// "SANAs correspondent" for an outlet named "sana", "SANA" or "sana.sy".
fn published_by(w: &Words, (first, _): (usize, usize), outlet: Option<&str>) -> bool {
    let Some(outlet) = outlet else {
        return false;
    };
    // The possessive that lost its apostrophe: "SANAs correspondent".
    let word = match w.w(first) {
        "sanas" => "sana",
        "the" => w.w(first + 1),
        x => x,
    };
    outlet
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|o| o.eq_ignore_ascii_case(word))
}

/// Plural heads two office names share: "the Defense and Interior Ministries".
fn plural_office(x: &str) -> bool {
    matches!(
        x,
        "ministries" | "departments" | "committees" | "councils" | "agencies" | "offices"
    )
}

/// Reporting constructions, speakers, chain and hedges of one sentence, in the
/// vectors of `spare` (what an earlier sentence found: emptied first) so that a
/// sentence does not allocate them again.
/// The recording a verb of showing reports from, a few words before it: "released a
/// video today *purporting to show*", "a video titled \"A Message to America\" was
/// posted online in mid-August *showing*", "appeared at the end of a video last month
/// *showing*". The noun with its determiner, when no other speaker was found and the
/// recording is not the sentence's first words.
fn shown_in(w: &Words, (verb, end): (usize, usize)) -> Option<(usize, usize)> {
    if !(verb..end).any(|k| w.w(k).starts_with("show")) {
        return None;
    }
    let noun = (verb.saturating_sub(12)..verb).rev().find(|&k| {
        matches!(
            w.w(k),
            "video" | "footage" | "recording" | "photograph" | "photo" | "image" | "picture"
        )
    })?;
    // Nothing between that closes the clause.
    if (noun + 1..verb).any(|k| matches!(w.w(k), ";" | ":" | "said" | "says")) {
        return None;
    }
    let det = (noun.saturating_sub(4)..noun)
        .rev()
        .take_while(|&k| w.is_word(k))
        .find(|&k| matches!(w.w(k), "a" | "an" | "the" | "this" | "that" | "its"));
    // A recording that opens the sentence ("Footage posted by activists shows") is
    // what the sentence describes; the gold names no source there.
    let first = det.unwrap_or(noun);
    (first > 0).then_some((first, noun + 1))
}

/// The person who runs the source named before the verb: "Rami Abdulrahman *who runs*
/// the Syrian Observatory for Human Rights said" is Rami Abdulrahman's claim (the gold
/// names him, not the Observatory). The name: two to four capitalised words opening
/// the sentence or a clause.
fn head_of_source(w: &Words, verb: usize) -> Option<(usize, usize)> {
    let who = (verb.saturating_sub(14)..verb)
        .find(|&k| w.w(k) == "who" && HEAD_VERBS.contains(&w.w(k + 1)))?;
    if !(who..verb).all(|k| w.is_word(k) || w.w(k) == "(" || w.w(k) == ")") {
        return None;
    }
    let mut start = who;
    while start > 0 && who - start < 4 && w.is_word(start - 1) && w.cap(start - 1) {
        start -= 1;
    }
    let opens = start == 0 || matches!(w.w(start - 1), "," | ";" | ":" | "\"" | "and" | "but");
    (who - start >= 2 && opens).then_some((start, who))
}

/// The reports after "there are" or "amid", up to their "that" or "of": "there are
/// *unconfirmed reports* that", "amid *reports* of", "there have been *an increasing
/// number of reports* of". At most five lower-case words before the noun.
fn existential_reports(w: &Words, start: usize) -> Option<(usize, usize)> {
    (start..(start + 6).min(w.len()))
        .take_while(|&k| w.is_word(k) && !w.cap(k))
        .find(|&k| EXISTENTIAL_NOUNS.contains(&w.w(k)) && matches!(w.w(k + 1), "that" | "of"))
        .map(|k| (start, k + 1))
}

/// The nouns [`existential_reports`] takes as a source.
pub(crate) const EXISTENTIAL_NOUNS: &[&str] =
    &["reports", "rumours", "rumors", "claims", "allegations"];

/// The words of a source's ties ([`Context::source_with_ties`]: "in contact with",
/// "close to"); with [`HEAD_VERBS`] they set `flag::DESCRIBED_SOURCE`.
pub(crate) const TIE_WORDS: &[&str] = &[
    "contact",
    "ties",
    "links",
    "close",
    "familiar",
    "linked",
    "connected",
];

/// The verbs of [`head_of_source`]: "X who runs the Observatory".
pub(crate) const HEAD_VERBS: &[&str] = &[
    "runs", "heads", "directs", "leads", "founded", "chairs", "manages",
];

pub(crate) fn find_with(w: &Words, cx: &Context, spare: Found) -> Found {
    let Found {
        mut chain,
        mut hedges,
        deny: _,
        mut speaker_ranges,
        mut verbs,
        constructions: mut cons,
        mut kept,
    } = spare;
    chain.clear();
    hedges.clear();
    speaker_ranges.clear();
    verbs.clear();
    cons.clear();
    kept.clear();
    let mut found = Found {
        chain,
        hedges,
        deny: false,
        speaker_ranges,
        verbs,
        constructions: Vec::new(),
        kept: Vec::new(),
    };
    let mut i = 0;
    // A sentence without the key word of any hedge (or reporting phrase) has none.
    while w.flags & flag::HEDGE != 0 && i < w.len() {
        if let Some((len, _)) = cx.vocab.hedges.at(w, i) {
            found.hedges.push(w.span_of(i, i + len));
            i += len;
        } else {
            i += 1;
        }
    }
    if w.flags & flag::REPORT == 0 {
        colon_speaker(w, cx, &mut found);
        found.constructions = cons;
        found.kept = kept;
        return found;
    }
    let mut i = 0;
    while i < w.len() {
        let Some((len, &role)) = cx.vocab.reporting.at(w, i) else {
            i += 1;
            continue;
        };
        let next = i + len;
        let word = w.w(i);
        let prev = i.checked_sub(1).map(|p| w.w(p)).unwrap_or("");
        // "Leader of Qaeda-Linked Somali Group Is Dead, U.S. Says": in a headline set in
        // title case a capitalised verb closing it is still a verb (inside, the capitals
        // no longer tell names from words: "Woman Says She Hasn't Been Captured").
        let skip = cx.quoted.get(i).copied().unwrap_or(false)
            || (w.cap(i)
                && role != ReportRole::According
                && !(i > 0 && (i + len..w.len()).all(|k| !w.is_word(k)) && is_title_case(w))
                && !title_case_verb_after_source(w, cx, i, role))
            // "were reported killed", "is said to".
            || (word == "reported" && matches!(w.w(next), "killed" | "dead" | "wounded" | "injured" | "missing"))
            || (matches!(prev, "is" | "are" | "was" | "were" | "be") && w.w(next) == "to")
            // Nouns: "the reports", "its claims", "Western media reports".
            || (matches!(word, "report" | "reports" | "claims" | "show" | "shows" | "say" | "states" | "statement")
                && ((i > 0 && w.has(i - 1, class::DETERMINER)) || prev.is_empty()))
            // "the attacks blamed on", "a nerve agent, the WHO said" stays.
            || (matches!(word, "blamed" | "blames" | "blame") && w.w(next) == "on")
            // "an attack claimed by the Islamic State group": who did it, not who speaks.
            || (word == "claimed" && w.w(next) == "by")

            // "Russian raids claimed 17 lives", "claiming the lives of": a toll.
            || (matches!(word, "claimed" | "claims" | "claiming")
                && (w.w(next) == "lives"
                    || (w.is_number(next) || w.w(next) == "the")
                        && matches!(w.w(next + 1), "lives" | "life")));
        if skip {
            i += 1;
            continue;
        }
        found.verbs.push((i, next));
        match role {
            ReportRole::Say | ReportRole::Tell | ReportRole::Deny | ReportRole::Accuse => {
                // The speaker after the verb only in an inversion: "..., said X",
                // "\"...\" said X", or at the start of the sentence.
                let inverted = i == 0 || w.is_quote(i - 1) || matches!(prev, "," | ":");
                // "... on the village of Taduf said the Syrian Observatory.": text that
                // lost its commas; a speaker closing the sentence after "said" is the
                // inversion, whatever stands before the verb.
                let names_source = |(a, b): (usize, usize)| {
                    (a..b).any(|k| {
                        cx.actor_starting_at(k).is_some()
                            || matches!(cx.source_word(w, k), Some(SourceWord::Head(_)))
                    })
                };
                let before = cx.speaker_before(w, i);
                let rest_is_name = |b: usize| {
                    let name_part = |k: usize| {
                        !w.is_word(k) || w.cap(k) || matches!(w.w(k), "for" | "of" | "and")
                    };
                    // "said Rami Abdel Rahman director of the Syrian Observatory for Human
                    // Rights a Britain-based monitor": an apposition that describes the
                    // name with a source noun closes the sentence.
                    let last = (b..w.len()).rfind(|&k| w.is_word(k));
                    let apposition = |k: usize| {
                        w.has(k, class::DETERMINER)
                            && last.is_some_and(|l| {
                                l > k
                                    && l - k <= 4
                                    && matches!(cx.source_word(w, l), Some(SourceWord::Head(_)))
                            })
                    };
                    match (b..w.len()).find(|&k| !name_part(k)) {
                        None => true,
                        Some(k) => apposition(k),
                    }
                };
                // Where the closing name ends: at the sentence's last word ("the Syrian
                // Observatory for Human Rights"), or before an apposition that closes
                // the sentence ("said Mahmoud al-Sheikh, a volunteer").
                let name_end = |b: usize| {
                    let stop = (b..w.len())
                        .find(|&k| {
                            w.is_word(k) && !w.cap(k) && !matches!(w.w(k), "for" | "of" | "and")
                        })
                        .unwrap_or(w.len());
                    (b..stop).rfind(|&k| w.is_word(k)).map_or(b, |k| k + 1)
                };
                // "near the town of Adra east of Damascus said the Syrian Observatory":
                // a name governed by a preposition is no subject of the verb, so a
                // speaker closing the sentence wins over it.
                let governed =
                    before.is_some_and(|(a, _)| a > 0 && is_governing_preposition(w.w(a - 1)));
                let closing = (role == ReportRole::Say
                    && i > 0
                    && (governed || !before.is_some_and(names_source)))
                .then(|| cx.speaker_after(w, next))
                .flatten()
                .filter(|&(a, b)| {
                    a <= next + 1
                            // "the Syrian Observatory for Human Rights (SOHR)": nine tokens.
                            && b - a <= 10
                            // Nothing but the rest of a name up to the end.
                            && rest_is_name(b)
                            && (names_source((a, b))
                                // "... without causing more deaths said Barazi.": a
                                // bare name of up to four words, when nothing before
                                // the verb can be its subject.
                                || ((before.is_none() || governed)
                                    && b - a <= 4
                                    && (a..b).all(|k| {
                                        w.is_word(k)
                                            && !cx.date.get(k).copied().unwrap_or(false)
                                            && (w.cap(k) || w.w(k).starts_with("al-"))
                                    })))
                })
                // The name runs to the sentence's last word: "the Syrian Observatory
                // for Human Rights".
                .map(|(a, b)| (a, name_end(b)));
                // "The Observatory which relies on a network of contacts inside Syria
                // said", "Residents of Daraya near Damascus had accused": the governed
                // place is no speaker; the sentence's subject before the clause is.
                // Also with nothing before the verb: "Monitors at the Syrian
                // Observatory which tracks violence on all sides in the civil war said".
                // `relative`: only a relative clause opens the speaker's description.
                // A sentence that ends with its verb, its commas lost: "... a source in
                // the Syrian militia said.", "... a group monitoring the conflict said."
                let closes_sentence = (next..w.len()).all(|k| !w.is_word(k));
                let subject_from = |end: usize, relative: bool| {
                    (1..end).rev().find_map(|c| {
                        let opens = matches!(w.w(c), "which" | "who" | "that")
                            || !relative
                                && (matches!(w.w(c), "with" | "working" | "based")
                                    || is_governing_preposition(w.w(c)));
                        opens
                            .then(|| cx.speaker_before(w, c))
                            .flatten()
                            .filter(|&(x, y)| x == 0 && names_source((x, y)))
                    })
                };
                let subject_end = match before {
                    Some((a, _)) if governed && closing.is_none() => Some(a),
                    _ => None,
                };
                let subject = subject_end.and_then(|a| subject_from(a, false));
                if let (Some(_), Some(b)) = (subject, before.filter(|_| governed)) {
                    // The governed name stays out of the event's place and parties, as
                    // when it was taken for the speaker.
                    found.speaker_ranges.push(b);
                }
                let rejected = before.filter(|&b| governed && !names_source(b));
                // "the Bab al-Nairab district in Aleppo Ibrahim Abu Leith told" (commas
                // lost): the governed place, then the speaker's name.
                let after_place = rejected.and_then(|(a, e)| {
                    let p = cx.places.iter().find(|p| p.first == a)?;
                    (e >= p.end + 2 && (p.end..e).all(|k| name_word(w, k))).then_some((p.end, e))
                });
                if let (Some(b), None, None, None) = (rejected, closing, subject, after_place) {
                    // As above: the governed name stays out of the event's place and
                    // parties.
                    found.speaker_ranges.push(b);
                }
                let speaker = closing
                    .or(subject)
                    // "called for access to Aleppo saying": a name governed by a
                    // preposition is no speaker unless it names a source.
                    .or(before.filter(|&b| !governed || names_source(b)))
                    .or(after_place)
                    .or_else(|| cx.relative_speaker(w, i))
                    // "John Smith, a researcher at the Quilliam Foundation, said the army
                    // killed": the comma closes an apposition, not a quotation, and the
                    // name after the verb opens the words said.
                    .or_else(|| (prev == ",").then(|| cx.appositive_speaker(w, i)).flatten())
                    // "Activists posted footage online, saying the regime had used
                    // chlorine": the subject of the clause the participle hangs on.
                    .or_else(|| {
                        (prev == "," && word == "saying")
                            .then(|| cx.participle_subject(w, i))
                            .flatten()
                    })
                    .or_else(|| {
                        (inverted && role != ReportRole::Tell)
                            .then(|| cx.speaker_after(w, next))
                            .flatten()
                            // "John Smith, a researcher, said the army killed 100": a
                            // name followed by its verb is the subject of the words said.
                            .filter(|&(_, b)| !(i > 0 && clause_verb(w.w(b))))
                    })
                    .or_else(|| cx.appositive_speaker(w, i))
                    .or_else(|| {
                        (closing.is_none()
                            && role == ReportRole::Say
                            && i > 0
                            && !w.is_quote(i - 1))
                        .then(|| subject_from(i, true))
                        .flatten()
                    })
                    .or_else(|| shown_in(w, (i, next)))
                    .or_else(|| {
                        (closes_sentence && before.is_none() && role == ReportRole::Say)
                            .then(|| cx.trailing_source(w, i))
                            .flatten()
                    });
                // "denied by Syrian state television".
                let speaker = if w.w(next) == "by"
                    && matches!(
                        role,
                        ReportRole::Deny | ReportRole::Accuse | ReportRole::Say
                    ) {
                    cx.speaker_after(w, next + 1).or(speaker)
                } else {
                    speaker
                };
                if let Some(mut speaker) = speaker {
                    let mut outer = None;
                    // "Speaking to AFP Observatory director Rami Abdel Rahman said": the
                    // wire carries the words.
                    // "In an interview with the BBC, Foreign Secretary Philip Hammond
                    // said": an outlet the speaker talked to, before the speaker.
                    let talked_to = (speaker.0.saturating_sub(4)..=speaker.0)
                        .find(|&p| matches!(w.w(p), "speaking" | "talking") && w.w(p + 1) == "to")
                        .map(|p| (p + 2, false))
                        .or_else(|| {
                            (0..speaker.0.min(w.len()))
                                .find(|&p| w.w(p) == "interview" && w.w(p + 1) == "with")
                                .map(|p| (p + 2, true))
                        });
                    if let Some((from, any_outlet)) = talked_to {
                        let carrier = |e: usize| {
                            is_wire(w, (from, e))
                                || any_outlet
                                    && cx.names_media(w, (from, e))
                                    && !published_by(w, (from, e), cx.outlet)
                                    && !cx.publishes((from, e))
                        };
                        if let Some(e) = (from + 1..=(from + 4).min(w.len())).find(|&e| carrier(e))
                        {
                            let rest = if w.w(e) == "," { e + 1 } else { e };
                            if rest < speaker.1 {
                                outer = Some((from, e));
                                speaker.0 = speaker.0.max(rest);
                            }
                        }
                    }
                    // "Haig said to ABC15", "the ministry confirmed to The Telegraph":
                    // "to" + an outlet after a verb of saying is the one told.
                    let told_at = if role == ReportRole::Tell {
                        Some(next)
                    } else if role == ReportRole::Say && w.w(next) == "to" {
                        Some(next + 1)
                    } else {
                        None
                    };
                    if let (Some(at), None) = (told_at, outer) {
                        let media_only = role != ReportRole::Tell;
                        if let Some(obj) = cx
                            .speaker_after(w, at)
                            .filter(|o| o.0 > speaker.0)
                            .filter(|&o| !media_only || is_wire(w, o) || cx.names_media(w, o))
                        {
                            // "X told AFP" carries AFP; "told SANA" in SANA's own
                            // article does not (gold README, convention 8).
                            // "told Catholic News Agency", "told Fides News Agency": a
                            // news agency the table does not list carries the words too.
                            let agency =
                                obj.1 >= obj.0 + 2 && w.w(obj.1 - 1) == "agency" && w.cap(obj.0);
                            if (is_wire(w, obj) || agency || cx.names_media(w, obj))
                                && !published_by(w, obj, cx.outlet)
                                && !cx.publishes(obj)
                            {
                                outer = Some(obj);
                            }
                            found.speaker_ranges.push(obj);
                        }
                    }
                    cons.push(Construction {
                        verb: i,
                        verb_end: next,
                        role,
                        outer,
                        speaker,
                        inner: Vec::new(),
                    });
                }
            }
            ReportRole::According => {
                // "There are unconfirmed reports that ...", "amid reports of ...": the
                // reports are the source, and only reports (not "there are 20 dead").
                let speaker = if matches!(word, "there" | "amid") {
                    existential_reports(w, next)
                } else {
                    cx.speaker_after(w, next)
                };
                if let Some(speaker) = speaker {
                    cons.push(Construction {
                        verb: i,
                        verb_end: next,
                        role,
                        outer: None,
                        speaker,
                        inner: Vec::new(),
                    });
                }
            }
            ReportRole::Cite => {
                let source = cx.speaker_after(w, next);
                let own = cx.speaker_before(w, i);
                match (own, source) {
                    // "Syrian state television quoted a source as saying".
                    (Some(own), Some(src)) if !matches!(word, "citing" | "quoting") => {
                        cons.push(Construction {
                            verb: i,
                            verb_end: next,
                            role,
                            outer: None,
                            speaker: own,
                            inner: vec![src],
                        })
                    }
                    (_, Some(src)) => {
                        if let Some(last) = cons.last_mut() {
                            last.inner.push(src);
                        } else {
                            found.speaker_ranges.push(src);
                        }
                    }
                    _ => {}
                }
            }
            ReportRole::QuotedBy => {
                if let (Some(src), Some(carrier)) =
                    (cx.speaker_before(w, i), cx.speaker_after(w, next))
                {
                    cons.push(Construction {
                        verb: i,
                        verb_end: next,
                        role,
                        outer: Some(carrier),
                        speaker: src,
                        inner: Vec::new(),
                    });
                }
            }
        }
        i = next;
    }
    // A construction whose speaker is already a part of an earlier one is the same
    // speaker's verb: "A source quoted by state media *denied* ...".
    for c in cons.drain(..) {
        let overlaps = |r: (usize, usize)| r.0 < c.speaker.1 && c.speaker.0 < r.1;
        if let Some(k) = kept.iter_mut().find(|k| {
            overlaps(k.speaker)
                || k.outer.is_some_and(overlaps)
                || k.inner.iter().any(|r| overlaps(*r))
        }) {
            if c.role == ReportRole::Deny {
                k.role = ReportRole::Deny;
            }
            continue;
        }
        kept.push(c);
    }
    for c in &kept {
        found.speaker_ranges.push(c.speaker);
        found.speaker_ranges.extend(c.outer);
        found.speaker_ranges.extend(c.inner.iter().copied());
    }
    found.deny = kept.iter().any(|c| c.role == ReportRole::Deny)
        || (0..w.len()).any(|k| {
            !cx.quoted.get(k).copied().unwrap_or(false)
                && matches!(cx.vocab.reporting.word_id(w.id(k)), Some(ReportRole::Deny))
                && !w.cap(k)
        });
    // The claim's speaker: a construction closing the sentence ("..., the monitor said.")
    // governs all of it; otherwise the first one does.
    let last_word = (0..w.len())
        .rev()
        .find(|&k| w.is_word(k) || w.is_number(k))
        .unwrap_or(0);
    let trailing = kept.iter().position(|c| {
        (c.verb_end..=last_word).all(|k| {
            cx.date.get(k).copied().unwrap_or(false)
                || matches!(
                    w.w(k),
                    "on" | "in" | "a" | "statement" | "late" | "earlier" | "this" | "week" | "the"
                )
                || !w.is_word(k) && !w.is_number(k)
        })
    });
    let primary = trailing.or(if kept.is_empty() { None } else { Some(0) });
    if let Some(p) = primary {
        let c = &kept[p];
        if let Some(o) = c.outer {
            found.chain.push(cx.describe(w, o));
        }
        // "activists and residents said": coordinated speakers in order of mention.
        let (a, b) = c.speaker;
        let mut start = a;
        for k in a..b {
            let right = if w.has(k + 1, class::DETERMINER) {
                k + 2
            } else {
                k + 1
            };
            // "the Union of Medical Care and Relief Organizations", "the Ministry of
            // Labour and Social Affairs": one name, capitalised on both sides of "and"
            // after its own "of" or "for", closing the phrase in at most three words
            // with no role in them ("Secretary of State John Kerry and Russian Foreign
            // Minister Sergei Lavrov" are two).
            let inside_name = || {
                let capitals = right == k + 1 && w.cap(k - 1) && w.cap(right);
                capitals
                    && b - right <= 3
                    && !(right..b).any(|j| human_role(w.w(j)))
                    && (start..k).any(|j| matches!(w.w(j), "of" | "for") && w.cap(j + 1))
                    // "The Defense and Interior Ministries of Iraq": two names sharing
                    // a plural head.
                    || capitals && (right..b.min(right + 3)).any(|j| plural_office(w.w(j)))
            };
            // "Western and Iraqi officials say": one adjective sharing the right
            // conjunct's source noun.
            // "U.S. and European officials": an abbreviated country used the same way.
            let shared_head = || {
                let abbreviation = || {
                    let raw = w.raw(start);
                    raw.len() <= 4
                        && raw.bytes().all(|c| c.is_ascii_uppercase() || c == b'.')
                        && b - right == 2
                };
                k == start + 1
                    && !matches!(cx.source_word(w, start), Some(SourceWord::Head(_)))
                    && (cx.actor_ending_at(k).is_none() || abbreviation())
                    && matches!(cx.source_word(w, b - 1), Some(SourceWord::Head(_)))
            };
            if w.w(k) == "and"
                && k > start
                && right < b
                && !inside_name()
                && !shared_head()
                && (cx.headlike(w, k - 1) || cx.actor_ending_at(k).is_some())
                && (cx.headlike(w, right)
                    || cx.source_word(w, right).is_some()
                    || cx.actor_starting_at(right).is_some())
            {
                found.chain.push(cx.describe(w, (start, k)));
                start = k + 1;
            }
        }
        found.chain.push(cx.describe(w, (start, b)));
        for r in &c.inner {
            found.chain.push(cx.describe(w, *r));
        }
        let _ = c.verb;
    }
    colon_speaker(w, cx, &mut found);
    found.constructions = cons;
    found.kept = kept;
    found
}

/// "Lawmaker Says At Least 10 Islamic State Fighters Have Been Captured", "Iraqi
/// Official Accuses ISIS Of ...": in a headline set in title case, a capitalised verb
/// of saying, denying or accusing inside it is a verb when the words before it, no
/// more than six, name a source (an actor of the table or a source noun). The
/// speaker is then those words, never the capitalised words after the verb.
fn title_case_verb_after_source(w: &Words, cx: &Context, i: usize, role: ReportRole) -> bool {
    matches!(
        role,
        ReportRole::Say | ReportRole::Deny | ReportRole::Accuse
    ) && (1..=6).contains(&i)
        && is_title_case(w)
        && cx.speaker_before(w, i).is_some_and(|(a, b)| {
            a == 0
                && (a..b).any(|k| {
                    cx.actor_starting_at(k).is_some()
                        || matches!(cx.source_word(w, k), Some(SourceWord::Head(_)))
                })
        })
}

/// Whether the sentence is set in title case, as headlines often are: at least four
/// words of four letters or more, and at most one of them not capitalised.
fn is_title_case(w: &Words) -> bool {
    let (mut long, mut lower) = (0, 0);
    for k in 0..w.len() {
        if w.is_word(k) && w.w(k).len() >= 4 {
            long += 1;
            if !w.cap(k) {
                lower += 1;
            }
        }
    }
    long >= 4 && lower <= 1
}

/// The speaker a headline names with a colon, when the sentence has no other:
/// "Pentagon: Airstrike kills terror leader in Somalia", "Official: Houthis take U.S.
/// vehicles", "U.S. arms airdrop fell into ISIS hands: Pentagon", "Jihadi John injured
/// in air strike: reports". The words on the short side of the colon (at most four)
/// must name a source: a source noun at its end ("official", "senator", "reports") or an
/// official body, outlet or monitor of the actor table. A topic label is no speaker:
/// "Isis: Masked Executioner Jihadi John Injured", "Ferguson riots: audio may have
/// captured", "Jihadi John: Isis fighter named".
fn colon_speaker(w: &Words, cx: &Context, found: &mut Found) {
    // A colon token needs a colon in the sentence's text (one fast search instead of
    // a look at every token).
    if !found.chain.is_empty()
        || !w
            .text
            .get(w.span.start..w.span.end)
            .is_some_and(|s| s.contains(':'))
    {
        return;
    }
    // A leading colon stands within the first five tokens.
    let first = (0..w.len().min(5)).find(|&k| w.w(k) == ":");
    let last_colon = (0..w.len()).rfind(|&k| w.w(k) == ":");
    if first.is_none() && last_colon.is_none() {
        return;
    }
    let words = |a: usize, b: usize| (a..b).filter(|&k| w.is_word(k)).count();
    let last = (0..w.len()).rfind(|&k| w.is_word(k) || w.is_number(k));
    let leading = first
        .map(|c| (0, c))
        .filter(|&(a, c)| c > a && (a..c).all(|k| w.is_word(k)) && c - a <= 4)
        .filter(|&(_, c)| words(c + 1, w.len()) >= 3)
        // "OPCW: On 15 November 2013 the Executive Council ... decides:": a list
        // item's label when the words after it have their own reporting verb.
        .filter(|_| found.verbs.is_empty());
    let trailing = last_colon
        .zip(last)
        .map(|(c, l)| (c + 1, l + 1))
        .filter(|&(a, b)| b > a && b - a <= 4 && (a..b).all(|k| w.is_word(k)))
        .filter(|&(a, _)| words(0, a) >= 3);
    for span in [leading, trailing].into_iter().flatten() {
        if (span.0..span.1).any(|k| cx.quoted.get(k).copied().unwrap_or(false)) {
            continue;
        }
        // The source noun heads the phrase: "Unconfirmed Reports", not "Fifty-eight
        // people killed".
        let noun = matches!(cx.source_word(w, span.1 - 1), Some(SourceWord::Head(_)));
        if !noun && !(span.0..span.1).any(|k| cx.actor_starting_at(k).is_some()) {
            continue;
        }
        let speaker = cx.describe(w, span);
        let body = matches!(
            speaker.kind,
            SourceKind::Official | SourceKind::Media | SourceKind::Monitor
        );
        if noun || body {
            found.speaker_ranges.push(span);
            found.chain.push(speaker);
            return;
        }
    }
}
