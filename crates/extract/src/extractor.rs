//! The claim extractor: per article, each sentence's event frame and attribution, with
//! quotations followed across sentences and pronoun speakers resolved.

use chrono::Datelike;
use chrono::NaiveDate;
use crosscheck_dates::{DateMatch, DateParser};
use crosscheck_lexicon::{ActorKind, Actors, FoldedText, Gazetteer, PlaceMatch, StartWords};
use crosscheck_schema::{
    Attribution, AttributionSource, Claim, EventFrame, EventType, SourceKind, Span,
};
use crosscheck_segment::{SentenceTokens, TokenKind};

use crate::actor_gate::{self, ActorGate};
use crate::attribution::{self, ActorTok, Context, Found, Memory, Speaker};
use crate::casualties;
use crate::event_filter::{self, EventFilter};
use crate::frame::{self, DateTok, Inputs, PlaceTok};
use crate::parties::{self, PartyMemory};
use crate::second_speaker;
use crate::triggers;
use crate::vocab::{self, class, Vocab};
use crate::words::{in_ranges, Buffers, Words};

/// Check-worthiness score at or above which a sentence without an event frame is a claim.
pub const DEFAULT_THRESHOLD: f32 = 0.5;

/// One article as the extractor sees it.
#[derive(Clone, Copy, Debug)]
pub struct ArticleContext<'a> {
    /// The article text; every offset of the output points into it.
    pub text: &'a str,
    /// Its sentences, in order (from `crosscheck_segment`).
    pub sentences: &'a [Span],
    /// The publication date, which relative dates ("on Tuesday") resolve against.
    pub published: Option<NaiveDate>,
    /// The headline, when known: it types "the attack" of the first sentences.
    pub title: Option<&'a str>,
    /// The publishing outlet's name or domain, when known ("SANA", "sana.sy"): a
    /// source that "told SANA" in SANA's own article does not name SANA as a carrier.
    pub outlet: Option<&'a str>,
}

/// Claims with event frames and attribution chains from segmented articles. Build once
/// and share: it holds the vocabularies, the alias table, the gazetteer and the date
/// grammar, and `claims` takes `&self`.
pub struct Extractor {
    vocab: Vocab,
    actors: Actors,
    places: Gazetteer,
    /// The words an alias of `actors` or `places` may start with: an article's
    /// folded text keeps only those.
    starts: StartWords,
    dates: DateParser,
    threshold: f32,
    /// The learned second opinion on the rules' frames ([`EventFilter`]); none
    /// keeps every frame.
    event_filter: Option<EventFilter>,
    /// The learned second opinion on the frames' actors ([`ActorGate`]); none keeps
    /// every actor.
    actor_gate: Option<ActorGate>,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

/// Allocations [`Extractor::claims_with`] reuses from one article to the next: the
/// token view's buffers and the per-sentence vectors. The caller owns it (one per
/// worker thread, say); what it holds between two calls means nothing, and a new
/// one (`Scratch::default()`) is as good as a used one, only slower.
#[derive(Default)]
pub struct Scratch {
    buffers: Buffers,
    quoted: Vec<bool>,
    in_date: Vec<bool>,
    actor_matches: Vec<ActorTok>,
    place_matches: Vec<PlaceTok>,
    sentences: Vec<Sentence>,
    /// What the last sentence's attribution found, its vectors lent to the next.
    found: Found,
    hits: Vec<triggers::Hit>,
    /// The places the article's sentences named so far.
    named_places: Vec<PlaceMatch>,
}

/// Everything learnt about one sentence.
struct Sentence {
    span: Span,
    /// The hedges the attribution found (the rest of what it found is used up by
    /// the sentence's frame).
    hedges: Vec<Span>,
    frame: Option<EventFrame>,
    /// Share of the sentence's words inside quotation marks.
    quoted_share: f32,
    /// The sentence quotes someone: some of its words are inside quotation marks
    /// (a whole quotation, or a few words of one: accused IS of "crimes of genocide").
    quoted: bool,
    /// A quotation is still open at the end of the sentence.
    open_at_end: bool,
    /// A quotation was open at its start.
    open_at_start: bool,
    chain: Vec<AttributionSource>,
    /// A second speaker's claim in the sentence ([`second_speaker`]).
    second: Option<Box<SecondClaim>>,
}

/// The claim of a second speaker's clause ("..., while the Observatory put the toll at
/// 50"): the sentence's first claim ends at `first_end`.
struct SecondClaim {
    first_end: usize,
    span: Span,
    frame: EventFrame,
    chain: Vec<AttributionSource>,
    hedges: Vec<Span>,
    quoted: bool,
}

/// What [`Extractor::split_claims`] reads of its sentence, by token of the sentence.
struct ClauseInputs<'a> {
    quoted: &'a [bool],
    in_date: &'a [bool],
    actor_matches: &'a [ActorTok],
    place_matches: &'a [PlaceTok],
    dates: &'a [DateTok],
    memory: &'a Memory,
    parties: &'a PartyMemory,
    persons: &'a frame::Persons,
    earlier_places: &'a [PlaceMatch],
    outlet: Option<&'a str>,
    published: Option<NaiveDate>,
}

impl Sentence {
    /// The claim is a quotation with a speaker (`Attribution::quoted`).
    fn quoted_claim(&self) -> bool {
        self.quoted && !self.chain.is_empty()
    }
}

impl Extractor {
    pub fn new() -> Extractor {
        let (actors, places) = (Actors::new(), Gazetteer::new());
        Extractor {
            vocab: Vocab::new(),
            starts: actors.start_words().union(&places.start_words()),
            actors,
            places,
            dates: DateParser::new(),
            threshold: DEFAULT_THRESHOLD,
            event_filter: None,
            actor_gate: None,
        }
    }

    /// Drops the frames `filter` judges not to report an event (the sentence stays a
    /// claim when its check-worthiness score reaches the threshold).
    pub fn with_event_filter(mut self, filter: EventFilter) -> Extractor {
        self.event_filter = Some(filter);
        self
    }

    /// Removes the actors `gate` judges wrong from the frames the event filter kept
    /// (the frame and its other fields stay).
    pub fn with_actor_gate(mut self, gate: ActorGate) -> Extractor {
        self.actor_gate = Some(gate);
        self
    }

    /// The event filter, if any.
    pub fn event_filter(&self) -> Option<&EventFilter> {
        self.event_filter.as_ref()
    }

    /// The check-worthiness score from which a sentence without an event is a claim.
    pub fn with_threshold(mut self, threshold: f32) -> Extractor {
        self.threshold = threshold;
        self
    }

    pub fn actors(&self) -> &Actors {
        &self.actors
    }

    pub fn places(&self) -> &Gazetteer {
        &self.places
    }

    /// The claims of an article: every sentence with an event frame, and every other
    /// sentence whose check-worthiness score (`scores[i]` for `ctx.sentences[i]`) reaches
    /// the threshold. Claim ids are left empty; the pipeline numbers them.
    pub fn claims(&self, ctx: &ArticleContext, scores: Option<&[f32]>) -> Vec<Claim> {
        self.claims_with(ctx, scores, &mut Scratch::default())
    }

    /// [`Extractor::claims`] with the allocations of `scratch`, which keeps them for
    /// the next article: the same claims, fewer trips to the allocator.
    pub fn claims_with(
        &self,
        ctx: &ArticleContext,
        scores: Option<&[f32]>,
        scratch: &mut Scratch,
    ) -> Vec<Claim> {
        self.analyse(ctx, None, scratch);
        self.claims_of_analysed(ctx, scores, scratch)
    }

    /// [`Extractor::claims_with`] reading the sentences' tokens from `shared`
    /// (`shared.tokens_of(i, ..)` for `ctx.sentences[i]`, cut by another stage)
    /// wherever it has them, instead of cutting them again: the same claims.
    pub fn claims_with_tokens(
        &self,
        ctx: &ArticleContext,
        scores: Option<&[f32]>,
        shared: &SentenceTokens,
        scratch: &mut Scratch,
    ) -> Vec<Claim> {
        self.analyse(ctx, Some(shared), scratch);
        self.claims_of_analysed(ctx, scores, scratch)
    }

    /// The claims of the sentences [`Extractor::analyse`] put in `scratch`.
    fn claims_of_analysed(
        &self,
        ctx: &ArticleContext,
        scores: Option<&[f32]>,
        scratch: &mut Scratch,
    ) -> Vec<Claim> {
        let sentences = &mut scratch.sentences;
        if let Some(filter) = &self.event_filter {
            for s in sentences.iter_mut() {
                let Some(frame) = &s.frame else { continue };
                let text = s.span.slice(ctx.text);
                // The claim's attribution as `Claim` will carry it: the filter was
                // trained on claims.
                let dense = event_filter::dense_features(
                    frame,
                    !s.chain.is_empty(),
                    !s.hedges.is_empty(),
                    s.quoted_claim(),
                );
                if filter.probability(text, &dense) < filter.threshold() {
                    s.frame = None;
                }
            }
        }
        if let Some(gate) = &self.actor_gate {
            for s in sentences.iter_mut() {
                let (hedged, quoted) = (!s.hedges.is_empty(), s.quoted_claim());
                let Some(frame) = &mut s.frame else { continue };
                let Some((view, dense)) =
                    actor_gate::features(ctx.text, s.span, frame, &s.chain, hedged, quoted)
                else {
                    continue;
                };
                if gate.probability(&view, &dense) < gate.threshold() {
                    frame.actor = None;
                }
            }
        }
        let include = |i: usize, s: &Sentence| {
            let score = scores.and_then(|sc| sc.get(i)).copied();
            !s.span.is_empty() && (s.frame.is_some() || score.is_some_and(|x| x >= self.threshold))
        };
        // Claims are large: counted first, so that the vector is never copied as it grows.
        let n = sentences
            .iter()
            .enumerate()
            .filter(|&(i, s)| include(i, s))
            .map(|(_, s)| 1 + usize::from(s.second.is_some()))
            .sum();
        let mut out = Vec::with_capacity(n);
        for (i, s) in sentences.drain(..).enumerate() {
            let score = scores.and_then(|sc| sc.get(i)).copied();
            if !include(i, &s) {
                continue;
            }
            let quoted = s.quoted_claim();
            let hedges = s.hedges;
            let checkworthy = score.unwrap_or(if s.frame.is_some() { 1.0 } else { 0.0 });
            // The second speaker's clause stands only beside the frame it completes.
            let second = s.second.filter(|_| s.frame.is_some());
            out.push(Claim {
                id: String::new(),
                start: s.span.start,
                end: second.as_ref().map_or(s.span.end, |c| c.first_end),
                sentence: i,
                checkworthy,
                attribution: Attribution {
                    chain: s.chain,
                    hedged: !hedges.is_empty(),
                    hedges,
                    quoted,
                },
                event: s.frame,
                status: None,
            });
            if let Some(c) = second {
                let quoted = c.quoted && !c.chain.is_empty();
                out.push(Claim {
                    id: String::new(),
                    start: c.span.start,
                    end: c.span.end,
                    sentence: i,
                    checkworthy,
                    attribution: Attribution {
                        chain: c.chain,
                        hedged: !c.hedges.is_empty(),
                        hedges: c.hedges,
                        quoted,
                    },
                    event: Some(c.frame),
                    status: None,
                });
            }
        }
        out
    }

    /// Each sentence of the article, analysed, into `scratch.sentences`; the
    /// sentences' tokens read from `shared` where it has them, cut here elsewhere.
    #[inline(never)]
    fn analyse(
        &self,
        ctx: &ArticleContext,
        shared: Option<&SentenceTokens>,
        scratch: &mut Scratch,
    ) {
        let Scratch {
            buffers,
            quoted,
            in_date,
            actor_matches,
            place_matches,
            sentences: out,
            found: spare_found,
            hits,
            named_places,
        } = scratch;
        let text = ctx.text;
        let mut memory = Memory::default();
        let mut previous_type = ctx.title.and_then(|t| self.title_type(t, buffers));
        let mut open = false;
        let mut open_for = 0usize;
        out.clear();
        out.reserve(ctx.sentences.len());
        // One pass of each table over the article's extent, not one per sentence.
        let extent = match (ctx.sentences.first(), ctx.sentences.last()) {
            (Some(a), Some(b)) => clamp(text, Span::new(a.start, b.end)),
            _ => Span::new(0, 0),
        };
        let folded = FoldedText::for_starts(text, extent.start, extent.end, &self.starts);
        let all_actors = self.actors.find_in(&folded);
        let mut all_places = self.places.find_in(&folded);
        self.places.disambiguate(text, &mut all_places);
        drop(folded);
        let (mut actor_at, mut place_at) = (0, 0);
        let longest = ctx
            .sentences
            .iter()
            .map(|s| s.end.min(text.len()).saturating_sub(s.start))
            .max()
            .unwrap_or(0);
        buffers.reserve(longest);
        let mut parties = PartyMemory::default();
        let mut persons = frame::Persons::default();
        named_places.clear();
        for (si, &span) in ctx.sentences.iter().enumerate() {
            let span = clamp(text, span);
            let span = if si == 0 {
                skip_header(text, span, ctx.title, &self.dates)
            } else {
                span
            };
            let span = skip_dateline(text, span);
            // The buffers are taken in each arm, straight into the call.
            let w = match shared.and_then(|t| t.tokens_of(si, text, span)) {
                Some(cut) => {
                    Words::with_tokens(text, span, &self.vocab, std::mem::take(buffers), cut)
                }
                None => Words::with_buffers(text, span, &self.vocab, std::mem::take(buffers)),
            };
            if span.is_empty() {
                out.push(Sentence {
                    span,
                    hedges: Vec::new(),
                    frame: None,
                    quoted_share: 0.0,
                    quoted: false,
                    open_at_end: open,
                    open_at_start: open,
                    chain: Vec::new(),
                    second: None,
                });
                *buffers = w.into_buffers();
                continue;
            }
            // Quotation marks: straight quotes open when glued to the word after them and
            // close when glued to the word before.
            if open_for > 3 {
                open = false;
            }
            let open_at_start = open;
            quoted.clear();
            let mut state = open;
            // Without a quotation mark every token is as quoted as the sentence opens.
            let marks = if w.has_any(class::QUOTE) {
                quoted.resize(w.len(), false);
                w.len()
            } else {
                quoted.resize(w.len(), open);
                0
            };
            // A title in quotation marks ("a video titled \"A Message to America\"") is
            // nobody's words: its words do not make the sentence a quotation.
            let mut in_title = false;
            let mut n_title = 0usize;
            for k in 0..marks {
                if w.is_quote(k) {
                    let q = w.raw(k);
                    let t = w.toks[k];
                    let glued_before = text[..t.start]
                        .chars()
                        .next_back()
                        .is_some_and(|c| !c.is_whitespace());
                    let glued_after = text[t.end..]
                        .chars()
                        .next()
                        .is_some_and(|c| !c.is_whitespace());
                    let closing = match q {
                        "\u{201C}" | "\u{201E}" | "\u{00AB}" => false,
                        "\u{201D}" | "\u{00BB}" => true,
                        _ => {
                            state && (glued_before || !glued_after)
                                || (glued_before && !glued_after)
                        }
                    };
                    if closing {
                        if !state {
                            // The opening mark was lost: everything before was quoted.
                            for x in quoted.iter_mut().take(k) {
                                *x = true;
                            }
                        }
                        state = false;
                        in_title = false;
                    } else {
                        state = true;
                        in_title = k > 0
                            && matches!(w.w(k - 1), "titled" | "entitled" | "dubbed" | "named");
                    }
                    continue;
                }
                quoted[k] = state;
                if state
                    && in_title
                    && matches!(w.toks[k].kind, TokenKind::Word | TokenKind::Number)
                {
                    n_title += 1;
                }
            }
            open_for = if state && open { open_for + 1 } else { 0 };
            open = state;
            // Words and numbers, and those of them inside quotation marks.
            let (mut n_words, mut n_quoted) = (0usize, 0usize);
            for (t, &q) in w.toks.iter().zip(quoted.iter()) {
                if matches!(t.kind, TokenKind::Word | TokenKind::Number) {
                    n_words += 1;
                    n_quoted += usize::from(q);
                }
            }
            let quoted_share = if n_words == 0 {
                0.0
            } else {
                n_quoted as f32 / n_words as f32
            };

            // Only a sentence with a trigger, a casualty word, a reporting phrase, a
            // denial or a party as its subject can have an event frame or a speaker: the
            // others skip the date grammar and the rules.
            triggers::find_into(&w, &self.vocab, hits);
            let harm = w.flags & vocab::flag::HARM != 0;
            let report = w.flags & vocab::flag::REPORT != 0;
            let denial_words = frame::denial_words(&w);
            let bare = hits.is_empty() && !harm && !report && !denial_words;
            // The article's matches are in text order, and so are its sentences.
            let in_span = |a: usize, b: usize| span.start <= a && b <= span.end;
            while actor_at < all_actors.len() && all_actors[actor_at].start < span.start {
                actor_at += 1;
            }
            while place_at < all_places.len() && all_places[place_at].start < span.start {
                place_at += 1;
            }
            actor_matches.clear();
            actor_matches.extend(
                all_actors[actor_at..]
                    .iter()
                    .take_while(|m| m.start < span.end)
                    .filter(|m| in_span(m.start, m.end))
                    .map(|m| ActorTok {
                        first: w.tok_ending_after(m.start),
                        end: w.tok_at_or_after(m.end),
                        actor: m.actor,
                        span: Span::new(m.start, m.end),
                    })
                    .filter(|m| m.end > m.first),
            );
            place_matches.clear();
            place_matches.extend(
                all_places[place_at..]
                    .iter()
                    .take_while(|m| m.start < span.end)
                    .filter(|m| in_span(m.start, m.end))
                    .map(|&m| PlaceTok {
                        first: w.tok_ending_after(m.start),
                        end: w.tok_at_or_after(m.end),
                        m,
                    })
                    .filter(|m| m.end > m.first),
            );
            // "Hamas" is the group, not "Hama's" written without its apostrophe: a
            // place read as a possessive ending in a bare "s" gives way to an actor
            // named by exactly those words.
            place_matches.retain(|p| {
                let text = &w.text[p.m.start..p.m.end];
                !(text.ends_with('s')
                    && !self
                        .places
                        .get(p.m.place)
                        .is_some_and(|pl| pl.name.ends_with('s'))
                    && actor_matches.iter().any(|a| {
                        a.span.start == p.m.start
                            && a.span.end == p.m.end
                            // "Turkeys army" is still Turkey's.
                            && self.actors.get(a.actor).is_some_and(|x| {
                                !matches!(x.kind, ActorKind::State | ActorKind::StateForce)
                            })
                    }))
            });
            // A name inside a longer place name is the place's: "Damascus" in "Old
            // Damascus" does not name the government.
            actor_matches.retain(|a| {
                !place_matches.iter().any(|p| {
                    p.m.start <= a.span.start
                        && a.span.end <= p.m.end
                        && p.m.end - p.m.start > a.span.end - a.span.start
                })
            });
            // A sentence that opens with a party of the actor table may report the
            // party's own act of no conflict type ("IS imposed a Zakat tax on
            // merchants"): it is read too.
            let subject_party = bare
                && actor_matches.first().is_some_and(|m| {
                    w.with_the(m.first) == 0
                        && self.actors.get(m.actor).is_some_and(parties::is_party)
                });
            let bare = bare && !subject_party;
            let date_matches = if bare {
                Vec::new()
            } else {
                adjust_dates(
                    &w,
                    self.dates.find(text, span.start, span.end, ctx.published),
                    ctx.published,
                )
            };
            in_date.clear();
            in_date.resize(w.len(), false);
            let mut dates = Vec::with_capacity(date_matches.len());
            for m in date_matches {
                let first = w.tok_ending_after(m.start);
                let end = w.tok_at_or_after(m.end);
                for x in in_date.iter_mut().take(end).skip(first) {
                    *x = true;
                }
                if end > first {
                    dates.push(DateTok { first, end, m });
                }
            }
            let cx = Context {
                vocab: &self.vocab,
                actors: &self.actors,
                matches: actor_matches,
                quoted,
                date: in_date,
                memory: &memory,
                outlet: ctx.outlet,
                places: place_matches,
            };
            let mut found = attribution::find_with(&w, &cx, std::mem::take(spare_found));
            // A trigger inside a speaker's phrase ("the Syrian Observatory for Human
            // Rights") names no event.
            hits.retain(|h| !in_ranges(&found.speaker_ranges, h.first, h.end));
            let counts = if harm {
                casualties::find(&w, &self.vocab, &|k| {
                    in_date.get(k).copied().unwrap_or(false)
                })
            } else {
                Vec::new()
            };
            frame::learn_persons(&w, &self.vocab, &mut persons.named);
            let built = if bare {
                None
            } else {
                frame::build(
                    &w,
                    &Inputs {
                        vocab: &self.vocab,
                        actors: &self.actors,
                        places: &self.places,
                        earlier_places: named_places,
                        counts: &counts,
                        hits,
                        found: &found,
                        actor_matches,
                        place_matches,
                        dates: &dates,
                        previous_type,
                        memory: &parties,
                        denial_words,
                        published: ctx.published,
                        persons: &persons,
                    },
                )
            };
            parties.learn(
                &w,
                &self.actors,
                actor_matches,
                built.as_ref().and_then(|b| b.actor),
            );
            named_places.extend(
                place_matches
                    .iter()
                    .filter(|p| {
                        !in_ranges(&found.speaker_ranges, p.first, p.end)
                            && !frame::names_an_outlet(&w, p.first, p.end)
                    })
                    .map(|p| p.m),
            );
            let mut frame = built.map(|b| b.frame);
            let split = match &frame {
                Some(whole) => {
                    second_speaker::split_point(&w, &found, &counts).and_then(|(k, shape)| {
                        self.split_claims(
                            &w,
                            (k, shape),
                            span,
                            whole,
                            &found.chain,
                            &ClauseInputs {
                                quoted,
                                in_date,
                                actor_matches,
                                place_matches,
                                dates: &dates,
                                memory: &memory,
                                parties: &parties,
                                persons: &persons,
                                earlier_places: named_places,
                                outlet: ctx.outlet,
                                published: ctx.published,
                            },
                        )
                    })
                }
                None => None,
            };
            let second = split.map(|(first, second)| {
                frame = Some(first);
                second
            });
            if let Some(f) = &frame {
                persons.learn_victim(f);
            }
            // Deaths and "the attack" belong to the last violent incident typed: not to
            // an arrest, talks or a truce.
            if let Some(f) = &frame {
                if matches!(
                    f.event_type,
                    EventType::Airstrike
                        | EventType::Shelling
                        | EventType::Bombing
                        | EventType::GroundAttack
                        | EventType::Execution
                        | EventType::ChemicalAttack
                ) {
                    previous_type = Some(f.event_type);
                }
            }
            for s in found.chain.iter().filter(|s| !s.pronoun) {
                // "Ministry spokesman Maj. Gen. Igor Petrenko told reporters", "Shuhud
                // al-Hussein a member of the civil defence forces said", "said
                // Aleppo-based activist Abu Omar": one person with a role, speaking for
                // an organisation or not, whom a later "he said" means.
                if s.kind != SourceKind::Person
                    && (s.first..s.end).any(|i| crate::attribution::role_noun(w.w(i)))
                {
                    memory.person = Some((s.name.clone(), s.kind));
                }
                match s.kind {
                    SourceKind::Person => memory.person = Some((s.name.clone(), s.kind)),
                    // "A doctor at the village clinic ... said": one unnamed person.
                    SourceKind::Anonymous => {
                        let one = match w.w(s.first) {
                            "a" | "an" | "one" => true,
                            "the" => !w.w(s.first + 1).ends_with('s'),
                            _ => false,
                        };
                        if one && s.end > s.first + 1 {
                            memory.person = Some((s.name.clone(), s.kind));
                        }
                    }
                    k => memory.org = Some((s.name.clone(), k)),
                }
            }
            // The speakers' names are read: the claim takes them.
            let chain = sources(&w, &mut found.chain, 0);
            let mut hedges = std::mem::take(&mut found.hedges);
            if let Some(c) = &second {
                hedges.retain(|h| h.end <= c.first_end);
            }
            *spare_found = found;
            out.push(Sentence {
                span,
                hedges,
                frame,
                quoted_share,
                // Single quotation marks ('...', the British papers' style) only mark
                // the sentence as quoting someone: an apostrophe looks the same, so they
                // are paired within the sentence, shape nothing else, and are looked for
                // only where a speaker could be quoted.
                quoted: n_quoted > n_title
                    || (marks == 0 && !chain.is_empty() && single_quoted(&w, text)),
                open_at_end: state,
                open_at_start,
                chain,
                second: second.map(Box::new),
            });
            *buffers = w.into_buffers();
        }
        // A sentence wholly inside a quotation and naming no speaker takes the speaker of
        // the quotation: named where it closes ("...," he said) or where it opened.
        for i in 0..out.len() {
            if !out[i].chain.is_empty() || out[i].quoted_share < 0.5 {
                continue;
            }
            let mut speaker = None;
            let mut j = i;
            while j + 1 < out.len() && out[j].open_at_end && j < i + 4 {
                j += 1;
                if !out[j].chain.is_empty() {
                    speaker = Some(out[j].chain.clone());
                    break;
                }
            }
            if speaker.is_none() && out[i].open_at_start && i > 0 && !out[i - 1].chain.is_empty() {
                speaker = Some(out[i - 1].chain.clone());
            }
            if let Some(chain) = speaker {
                out[i].chain = chain;
            }
        }
        // A named victim's category from a title the article gives the name after it.
        if !persons.named.is_empty() {
            for s in out.iter_mut() {
                if let Some(f) = s.frame.as_mut() {
                    frame::name_categories(f, &persons.named);
                }
                if let Some(c) = s.second.as_mut() {
                    frame::name_categories(&mut c.frame, &persons.named);
                }
            }
        }
    }

    /// The sentence `w` cut at token `k` into two speakers' claims
    /// ([`second_speaker`]): each clause read like a sentence of its own, with what the
    /// sentence found moved to the clause's tokens. The first clause's frame (which
    /// replaces `whole`, the sentence's) and the second clause's claim; `None` unless
    /// each clause has a frame with a whole count and the second its own speaker.
    fn split_claims(
        &self,
        w: &Words,
        (k, shape): (usize, second_speaker::Shape),
        sentence: Span,
        whole: &EventFrame,
        first_chain: &[Speaker],
        inp: &ClauseInputs,
    ) -> Option<(EventFrame, SecondClaim)> {
        let (from, first_end) = second_speaker::clause_bounds(w, k);
        let last = w.tok_at_or_after(first_end);
        let (second, mut found) =
            self.clause_frame(w, from, w.len(), sentence, whole, shape, inp)?;
        // Another speaker than the first clause's, named: "while it said" is the same one.
        let innermost = |chain: &[Speaker]| chain.last().map(|s| s.name.clone());
        if found.chain.is_empty()
            || found.chain.iter().any(|s| s.pronoun)
            || innermost(&found.chain) == innermost(first_chain)
        {
            return None;
        }
        let (first, _) = self.clause_frame(w, 0, last, sentence, whole, shape, inp)?;
        let span = second_speaker::clause_span(w, from, sentence);
        let chain = sources(w, &mut found.chain, from);
        let quoted = &inp.quoted[from..];
        let n_quoted = quoted.iter().filter(|&&q| q).count();
        Some((
            first,
            SecondClaim {
                first_end,
                span,
                frame: second,
                chain,
                hedges: found.hedges,
                quoted: n_quoted * 2 >= quoted.len().max(1),
            },
        ))
    }

    /// The frame of tokens `a..b` of sentence `w` read as a sentence, with a whole
    /// casualty count ("11 of them were children" is a part), or for
    /// [`second_speaker::Shape::Accusations`] a party blamed, completed from the
    /// sentence's frame `whole`; and what its attribution found.
    #[allow(clippy::too_many_arguments)]
    fn clause_frame(
        &self,
        w: &Words,
        a: usize,
        b: usize,
        sentence: Span,
        whole: &EventFrame,
        shape: second_speaker::Shape,
        inp: &ClauseInputs,
    ) -> Option<(EventFrame, Found)> {
        let tolls = shape == second_speaker::Shape::Tolls;
        if a >= b {
            return None;
        }
        let end = if b == w.len() {
            sentence.end
        } else {
            w.toks[b - 1].end
        };
        let span = Span::new(w.toks[a].start, end);
        let c = Words::with_buffers(w.text, span, &self.vocab, Buffers::default());
        if c.len() != b - a {
            return None;
        }
        let inside = |first: usize, end: usize| a <= first && end <= b;
        let actor_matches: Vec<ActorTok> = inp
            .actor_matches
            .iter()
            .filter(|m| inside(m.first, m.end))
            .map(|m| ActorTok {
                first: m.first - a,
                end: m.end - a,
                ..*m
            })
            .collect();
        let place_matches: Vec<PlaceTok> = inp
            .place_matches
            .iter()
            .filter(|p| inside(p.first, p.end))
            .map(|p| PlaceTok {
                first: p.first - a,
                end: p.end - a,
                m: p.m,
            })
            .collect();
        let dates: Vec<DateTok> = inp
            .dates
            .iter()
            .filter(|d| inside(d.first, d.end))
            .map(|d| DateTok {
                first: d.first - a,
                end: d.end - a,
                m: d.m.clone(),
            })
            .collect();
        let (quoted, in_date) = (&inp.quoted[a..b], &inp.in_date[a..b]);
        let cx = Context {
            vocab: &self.vocab,
            actors: &self.actors,
            matches: &actor_matches,
            quoted,
            date: in_date,
            memory: inp.memory,
            outlet: inp.outlet,
            places: &place_matches,
        };
        let found = attribution::find_with(&c, &cx, Found::default());
        let mut hits = Vec::new();
        triggers::find_into(&c, &self.vocab, &mut hits);
        hits.retain(|h| !in_ranges(&found.speaker_ranges, h.first, h.end));
        let counts = casualties::find(&c, &self.vocab, &|k| {
            in_date.get(k).copied().unwrap_or(false)
        });
        if tolls && counts.is_empty() {
            return None;
        }
        let built = frame::build(
            &c,
            &Inputs {
                vocab: &self.vocab,
                actors: &self.actors,
                places: &self.places,
                earlier_places: inp.earlier_places,
                counts: &counts,
                hits: &hits,
                found: &found,
                actor_matches: &actor_matches,
                place_matches: &place_matches,
                dates: &dates,
                previous_type: Some(whole.event_type),
                memory: inp.parties,
                denial_words: frame::denial_words(&c),
                published: inp.published,
                persons: inp.persons,
            },
        )?;
        let whole_count =
            |x: &Option<crosscheck_schema::Casualties>| x.as_ref().is_some_and(|x| !x.part);
        if tolls && !(whole_count(&built.frame.killed) || whole_count(&built.frame.injured)) {
            return None;
        }
        if !tolls && built.frame.actor.is_none() {
            return None;
        }
        Some((second_speaker::complete(built.frame, whole), found))
    }

    /// The event type a headline names ("Air strikes on Idlib market kill 35").
    /// (`buffers` lends the token view its allocations.)
    fn title_type(&self, title: &str, buffers: &mut Buffers) -> Option<EventType> {
        let span = Span::new(0, title.len());
        let w = Words::with_buffers(title, span, &self.vocab, std::mem::take(buffers));
        let typed = triggers::choose(&triggers::find(&w, &self.vocab), None, None)
            .filter(|h| !h.anaphor && h.weight >= 50)
            .map(|h| h.event_type);
        *buffers = w.into_buffers();
        typed
    }
}

/// The speakers of `chain` as the claim's attribution, with their byte spans; their token
/// indices count from token `offset` of `w` (a clause's speakers from the clause's start).
/// The names are moved out of `chain`, not copied: it is read no more.
fn sources(w: &Words, chain: &mut [Speaker], offset: usize) -> Vec<AttributionSource> {
    chain
        .iter_mut()
        .map(|s| {
            let b = w.span_of(s.first + offset, s.end + offset);
            AttributionSource {
                name: std::mem::take(&mut s.name),
                kind: s.kind,
                start: b.start,
                end: b.end,
            }
        })
        .collect()
}

/// Weekdays with the apostrophe of "Monday's" stripped, as FA-KES writes them
/// ([`vocab::class::WEEKDAY_S`]).
pub(crate) const STRIPPED_WEEKDAYS: [(&str, chrono::Weekday); 7] = [
    ("mondays", chrono::Weekday::Mon),
    ("tuesdays", chrono::Weekday::Tue),
    ("wednesdays", chrono::Weekday::Wed),
    ("thursdays", chrono::Weekday::Thu),
    ("fridays", chrono::Weekday::Fri),
    ("saturdays", chrono::Weekday::Sat),
    ("sundays", chrono::Weekday::Sun),
];

/// Two conventions of `docs/taxonomy.md` the date grammar does not follow, and one
/// FA-KES spelling it does not read:
///
/// * "in the last 24 hours", "during the past two weeks": the days ending on the
///   publication date (two days for 24 hours, 14 for two weeks);
/// * "Mondays fighting" (the apostrophe stripped): the weekday rule.
fn adjust_dates(
    w: &Words,
    mut found: Vec<DateMatch>,
    published: Option<NaiveDate>,
) -> Vec<DateMatch> {
    let Some(published) = published else {
        return found;
    };
    for m in &mut found {
        let raw = w.text.get(m.start..m.end).unwrap_or("");
        let starts = |p: &str| {
            raw.get(..p.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(p))
        };
        if !(starts("the ") || starts("last ") || starts("past ")) {
            continue;
        }
        let expr = raw.to_ascii_lowercase();
        let expr = expr.strip_prefix("the ").unwrap_or(&expr);
        let Some(rest) = expr
            .strip_prefix("last ")
            .or_else(|| expr.strip_prefix("past "))
        else {
            continue;
        };
        let mut parts = rest.split(' ');
        let (Some(n), Some(unit)) = (parts.next(), parts.next()) else {
            continue;
        };
        let n: i64 = match n.parse() {
            Ok(n) => n,
            Err(_) => match n {
                "two" => 2,
                "three" => 3,
                "four" => 4,
                "five" => 5,
                "six" => 6,
                "seven" => 7,
                "ten" => 10,
                _ => continue,
            },
        };
        let days = match unit {
            "hours" => (n + 23) / 24 + 1,
            "days" => n,
            "weeks" => 7 * n,
            _ => continue,
        };
        if let Some(first) = published.checked_sub_days(chrono::Days::new(days.max(1) as u64 - 1)) {
            m.value = first;
            m.last = published;
        }
    }
    let weekdays = if w.has_any(vocab::class::WEEKDAY_S) {
        w.len()
    } else {
        0
    };
    for i in 0..weekdays {
        if !w.has(i, vocab::class::WEEKDAY_S) {
            continue;
        }
        let Some((_, day)) = STRIPPED_WEEKDAYS.iter().find(|(name, _)| *name == w.w(i)) else {
            continue;
        };
        // "on Mondays" is a habit, not a day.
        if i > 0 && matches!(w.w(i - 1), "on" | "every" | "most") {
            continue;
        }
        let t = w.toks[i];
        if found.iter().any(|m| m.start < t.end && t.start < m.end) {
            continue;
        }
        let back =
            (published.weekday().num_days_from_monday() + 7 - day.num_days_from_monday()) % 7;
        if let Some(d) = published.checked_sub_days(chrono::Days::new(back as u64)) {
            found.push(DateMatch {
                start: t.start,
                end: t.end,
                value: d,
                last: d,
                precision: crosscheck_dates::Precision::Day,
                relative: true,
            });
        }
    }
    found.sort_by_key(|m| m.start);
    found
}

/// The span narrowed to `text` and to char boundaries.
fn clamp(text: &str, span: Span) -> Span {
    let mut start = span.start.min(text.len());
    let mut end = span.end.min(text.len()).max(start);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    Span::new(start, end)
}

/// Scraped articles open with header junk glued to the first sentence: `Wed 05 Apr 2017
/// <title>.`, `Posted on April 2 2017 by Youssef Diab <title> ...`, `Date of
/// publication 12 June 2016 ...`. The claim starts after the date, byline and title.
fn skip_header(text: &str, span: Span, title: Option<&str>, dates: &DateParser) -> Span {
    let s = span.slice(text);
    let mut start = 0;
    // Titles often carry the site's name: "... Monitoring group - Region - World - Ahram Online".
    let titles: Vec<&str> = title
        .map(|t| {
            let mut v = vec![t];
            for sep in [" - ", " | ", " \u{2013} ", " \u{2014} "] {
                if let Some((head, _)) = t.split_once(sep) {
                    v.push(head);
                }
            }
            v
        })
        .unwrap_or_default();
    let keys: Vec<Vec<char>> = titles.iter().map(|t| loose_key(t)).collect();
    let mut hay = LooseHay::new(s);
    if let Some(end) = keys
        .iter()
        .find_map(|k| find_loose_from(&mut hay, 0, k, 400))
    {
        start = end;
    }
    // Dates of the header: absolute, within a few words of where the body would start,
    // not inside prose ("on 21 August 2013").
    // One pass of the date grammar; the loop takes its matches in order.
    // (A header date, or the one `fakes_dateline` reads, has digits.)
    let found = if s.bytes().any(|b| b.is_ascii_digit()) {
        dates.find(text, span.start + start, span.end, None)
    } else {
        Vec::new()
    };
    for _ in 0..3 {
        let head = found.iter().find(|m| {
            m.start >= span.start + start && !m.relative && m.start < span.start + start + 40
        });
        let Some(m) = head else { break };
        let before = text
            .get(span.start + start..m.start)
            .unwrap_or("")
            .to_ascii_lowercase();
        let prose = before
            .split_whitespace()
            .last()
            .is_some_and(|w| matches!(w, "on" | "in" | "since" | "of" | "until" | "from"));
        if prose {
            break;
        }
        start = m.end - span.start;
        let rest = &s[start..];
        start += rest.len() - rest.trim_start_matches([' ', ')', '(', ',']).len();
    }
    if start == 0 && fakes_dateline(s) {
        start = 16;
    }
    // `by Youssef Diab`
    if let Some(after_by) = s
        .get(start..)
        .and_then(|r| r.trim_start().strip_prefix("by "))
    {
        let lead = s[start..].len() - s[start..].trim_start().len();
        let mut taken = lead + 3;
        for word in after_by.split(' ').take(3) {
            if word.chars().next().is_some_and(char::is_uppercase) {
                taken += word.len() + 1;
            } else {
                break;
            }
        }
        start = (start + taken).min(s.len());
    }
    // Sputnik: `(updated 1549 28.05.2017) Get short URL 6319`.
    if let Some(i) = s
        .get(start..)
        .and_then(|r| r.find("Get short URL"))
        .filter(|&i| i < 80)
    {
        start += i + "Get short URL".len();
        let rest = &s[start..];
        start += rest.len()
            - rest
                .trim_start_matches(|c: char| c == ' ' || c.is_ascii_digit())
                .len();
    }
    if let Some(end) = keys.iter().find_map(|k| {
        s.get(start..)
            .and_then(|_| find_loose_from(&mut hay, start, k, 400))
    }) {
        start += end;
    }
    let rest = s.get(start..).unwrap_or("");
    start += rest.len() - rest.trim_start_matches(['.', ' ', ':', '-', '|']).len();
    while start < s.len() && !s.is_char_boundary(start) {
        start += 1;
    }
    if start == 0 {
        return span;
    }
    if start >= s.len() {
        // The whole sentence is header (`Wed 05 Apr 2017 <title>.`).
        return Span::new(span.end, span.end);
    }
    Span::new(span.start + start, span.end)
}

/// A wire dateline before the first sentence of a story: `BEIRUT (Levant Wire) - `,
/// `ANKARA - `, `WASHINGTON (AP) — `, and the state agencies' `Daraa, SANA - `.
fn skip_dateline(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let b = s.as_bytes();
    if let Some(body) = agency_dateline(s) {
        return Span::new(span.end - s[body..].len(), span.end);
    }
    let caps = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    if caps < 3 || b.get(caps).is_some_and(u8::is_ascii_lowercase) {
        return span;
    }
    let head = match s.get(..s.len().min(70)) {
        Some(h) => h,
        None => return span,
    };
    // The first dash set off by spaces: every form starts at a space, and at most
    // one starts at a given space.
    let dash = head
        .bytes()
        .enumerate()
        .filter(|&(_, b)| b == b' ')
        .find_map(|(i, _)| {
            [" - ", " \u{2014} ", " \u{2013} ", " -- "]
                .iter()
                .find(|d| head[i..].starts_with(**d))
                .map(|d| (i, d.len()))
        });
    let Some((i, len)) = dash else { return span };
    if s[..i].split_whitespace().count() > 8 {
        return span;
    }
    let body = s[i + len..].trim_start();
    if body.is_empty() {
        return span;
    }
    Span::new(span.end - body.len(), span.end)
}

/// `Daraa, SANA - `, `Damascus, DSA– `, `Deir Ezzor, SANA-`: one to three capitalised
/// words, a comma, an agency's acronym in capitals and a dash. Where the body starts.
fn agency_dateline(s: &str) -> Option<usize> {
    // Bytes first, cheapest test first: this runs on every sentence. A word starting
    // in lower case before the comma ends it ("The army said, ...").
    let b = s.as_bytes();
    if !b.first()?.is_ascii_uppercase() {
        return None;
    }
    let mut comma = None;
    for (i, &c) in b.iter().enumerate().take(40) {
        if c == b',' {
            comma = Some(i);
            break;
        }
        // Not the particles of place names: "Deir ez-Zor", "Maarat al-Numan".
        if c.is_ascii_lowercase() && b[i - 1] == b' ' && !b[i..].iter().take(4).any(|&d| d == b'-')
        {
            return None;
        }
    }
    let comma = comma?;
    // ", SANA -": the agency and the dash before the words of the place.
    let rest = b.get(comma + 2..)?;
    let agency = rest.iter().take_while(|c| c.is_ascii_uppercase()).count();
    if b[comma + 1] != b' ' || !(2..=6).contains(&agency) {
        return None;
    }
    let place = &s[..comma];
    let words = place.split([' ', '-']).filter(|x| !x.is_empty());
    let capitalised = |x: &str| {
        matches!(
            x,
            "al" | "el" | "ez" | "ad" | "ar" | "as" | "ash" | "an" | "az"
        ) || x.chars().next().is_some_and(char::is_uppercase)
            && x.chars()
                .all(|c| c.is_alphabetic() || c == '\'' || c == '\u{2019}')
    };
    let function_word = |x: &str| matches!(x, "In" | "On" | "At" | "The" | "From" | "For" | "By");
    if words.clone().count() > 3
        || !words
            .clone()
            .all(|x| x.len() <= 20 && capitalised(x) && !function_word(x))
    {
        return None;
    }
    let after = s[comma + 2 + agency..].trim_start_matches(' ');
    let dash = ["-", "\u{2013}", "\u{2014}"]
        .iter()
        .find(|d| after.starts_with(**d))?;
    let body = after[dash.len()..].trim_start();
    (!body.is_empty()).then(|| s.len() - body.len())
}

fn fakes_dateline(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() > 16
        && b[0].is_ascii_uppercase()
        && b[1..3].iter().all(u8::is_ascii_lowercase)
        && b[3] == b' '
        && b[4..6].iter().all(u8::is_ascii_digit)
        && b[6] == b' '
        && b[7].is_ascii_uppercase()
        && b[8..10].iter().all(u8::is_ascii_lowercase)
        && b[10] == b' '
        && b[11..15].iter().all(u8::is_ascii_digit)
        && b[15] == b' '
}

/// Where `needle` ends in `hay`, comparing letters and digits only (FA-KES strips
/// punctuation from the text but not from the title), when it starts within `within`
/// bytes.
#[cfg(test)]
fn find_loose(hay: &str, needle: &str, within: usize) -> Option<usize> {
    find_loose_from(&mut LooseHay::new(hay), 0, &loose_key(needle), within)
}

/// The letters and digits of `needle`, lower-cased: what [`find_loose_from`] looks
/// for.
fn loose_key(needle: &str) -> Vec<char> {
    // An ASCII title (nearly all) folds byte by byte, as `fill` folds it.
    if needle.is_ascii() {
        return needle
            .bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
    }
    let mut folded = Vec::with_capacity(needle.len());
    LooseChars {
        hay: needle,
        pos: 0,
    }
    .fill(&mut folded, usize::MAX);
    folded.into_iter().map(|(_, c)| c).collect()
}

/// A text as [`find_loose_from`] reads it: its letters and digits, lower-cased,
/// each with the offset of the character it comes from, folded lazily, as far as
/// the searches so far needed. The searches of one text (each form of the title,
/// from two starting points) share the folding.
struct LooseHay<'a> {
    rest: LooseChars<'a>,
    chars: Vec<(usize, char)>,
}

impl<'a> LooseHay<'a> {
    fn new(hay: &'a str) -> LooseHay<'a> {
        LooseHay {
            rest: LooseChars { hay, pos: 0 },
            chars: Vec::new(),
        }
    }
}

/// [`find_loose`] in `hay[from..]` (`from` a char boundary) for the folded `key`
/// ([`loose_key`]): where the match ends, as an offset from `from`. The same as
/// `find_loose(&hay[from..], needle, within)`: folding goes char by char, so the
/// folded chars of `hay[from..]` are those of `hay` from `from` on.
fn find_loose_from(hay: &mut LooseHay, from: usize, key: &[char], within: usize) -> Option<usize> {
    if key.len() < 8 {
        return None;
    }
    if let Some(answer) = find_loose_ascii(hay.rest.hay, from, key, within) {
        return answer;
    }
    let LooseHay { rest, chars } = hay;
    // Everything before `from` folded, so that the first char at or after it is known.
    while rest.pos <= from && rest.pos < rest.hay.len() {
        rest.fill(chars, chars.len() + 64);
    }
    let base = chars.partition_point(|&(i, _)| i < from);
    for s in base.. {
        // Folded in steps of 64 characters past the need: one call per start
        // cost more than the folding. Folding further never changes the answer.
        if chars.len() < s + key.len() {
            rest.fill(chars, s + key.len() + 64);
        }
        // Only matches starting within `within` bytes count, and one that runs
        // past the end of `hay` does not.
        match chars.get(s) {
            Some(&(i, c)) if i - from <= within && s + key.len() <= chars.len() => {
                if c != key[0] {
                    continue;
                }
            }
            _ => return None,
        }
        if chars[s..s + key.len()]
            .iter()
            .zip(key)
            .all(|(&(_, c), &k)| c == k)
        {
            let (i, c) = chars[s + key.len() - 1];
            return Some(i + c.len_utf8() - from);
        }
    }
    None
}

/// [`find_loose_from`] read straight from the bytes of `hay` (from `from` on), for
/// text that is ASCII as far as the answer depends on it: there the folded chars
/// are the ASCII letters and digits, lower-cased, one per byte, and most of the
/// text need not be folded at all. `Some(answer)` is `find_loose_from`'s answer;
/// `None` when a non-ASCII byte comes before the answer is known (the caller then
/// folds).
fn find_loose_ascii(hay: &str, from: usize, key: &[char], within: usize) -> Option<Option<usize>> {
    let b = hay.as_bytes();
    // A match starts at a letter or digit before `end`; those bytes must be ASCII.
    let end = b.len().min(from.saturating_add(within).saturating_add(1));
    if !b.get(from..end)?.is_ascii() {
        return None;
    }
    // An ASCII byte folds to no other char.
    let Ok(first) = u8::try_from(key[0]) else {
        return Some(None);
    };
    // The first letter or digit at or after `p`; `None` at a non-ASCII byte.
    let next_alnum = |mut p: usize| -> Option<usize> {
        while let Some(&c) = b.get(p) {
            if c.is_ascii_alphanumeric() {
                break;
            }
            if !c.is_ascii() {
                return None;
            }
            p += 1;
        }
        Some(p)
    };
    let mut p = from;
    // Each byte that folds to the key's first char (only letters and digits do:
    // `first` is one), then the rest of the key, checked char by char.
    while let Some(at) = b[p..end]
        .iter()
        .position(|&c| c.to_ascii_lowercase() == first)
    {
        p += at;
        let mut q = p + 1;
        let mut matched = 1;
        while matched < key.len() {
            q = next_alnum(q)?;
            let Some(&c) = b.get(q) else {
                // Fewer chars left than the key has: no later start fits either.
                return Some(None);
            };
            if char::from(c.to_ascii_lowercase()) != key[matched] {
                break;
            }
            q += 1;
            matched += 1;
        }
        if matched == key.len() {
            return Some(Some(q - from));
        }
        p += 1;
    }
    Some(None)
}

/// The part of a text [`find_loose`] has not folded yet.
struct LooseChars<'a> {
    hay: &'a str,
    pos: usize,
}

impl LooseChars<'_> {
    /// Appends the next letters and digits, lower-cased (as `char::to_lowercase`,
    /// ASCII without decoding), each with its character's offset, until `chars`
    /// holds `need` of them or the text ends.
    fn fill(&mut self, chars: &mut Vec<(usize, char)>, need: usize) {
        let bytes = self.hay.as_bytes();
        // One growth for the whole step, not one per doubling as chars are pushed
        // (at most a char per byte left, `need` may be `usize::MAX`).
        chars.reserve(
            need.saturating_sub(chars.len())
                .min(bytes.len().saturating_sub(self.pos)),
        );
        while chars.len() < need && self.pos < bytes.len() {
            let b = bytes[self.pos];
            if b < 0x80 {
                if b.is_ascii_alphanumeric() {
                    chars.push((self.pos, char::from(b.to_ascii_lowercase())));
                }
                self.pos += 1;
                continue;
            }
            let Some(c) = self.hay[self.pos..].chars().next() else {
                break;
            };
            if c.is_alphanumeric() {
                chars.extend(c.to_lowercase().map(|l| (self.pos, l)));
            }
            self.pos += c.len_utf8();
        }
    }
}

/// Whether single quotation marks in `w` enclose words: an opening `'` or `‘` before a
/// word (at the start, or after a space or an opening bracket) paired with a closing
/// `'` or `’` after one (before a space, punctuation or the end), or a closing mark
/// right after the `,` `.` `?` `!` that ends a quotation opened in an earlier sentence
/// ("... Rehana left Kobane,' he said"). An apostrophe inside or at the end of a word
/// (`don't`, `rebels'`) pairs with nothing.
fn single_quoted(w: &Words, text: &str) -> bool {
    // Most sentences hold no single mark at all: `'`, or `‘` `’` (bytes E2 80 98/99).
    let bytes = &text.as_bytes()[w.span.start..w.span.end];
    if !bytes.iter().any(|&b| b == b'\'' || b == 0xE2) {
        return false;
    }
    let mut open = false;
    for k in 0..w.len() {
        let raw = w.raw(k);
        if !matches!(raw, "'" | "\u{2018}" | "\u{2019}") {
            continue;
        }
        let t = w.toks[k];
        let before = text[..t.start].chars().next_back();
        let after = text[t.end..].chars().next();
        let opening = raw != "\u{2019}"
            && before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '\u{2014}'))
            && after.is_some_and(char::is_alphanumeric);
        if opening {
            open = true;
            continue;
        }
        let closing = raw != "\u{2018}"
            && before.is_some_and(|c| !c.is_whitespace())
            && after.is_none_or(|c| !c.is_alphanumeric());
        if closing && (open || (k > 0 && matches!(w.raw(k - 1), "," | "." | "?" | "!"))) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn the_extractor_can_be_shared_across_threads() {
        assert_send_sync::<Extractor>();
    }

    #[test]
    fn agency_datelines_are_skipped() {
        fn body(s: &str) -> Option<&str> {
            agency_dateline(s).map(|i| &s[i..])
        }
        assert_eq!(
            body("Daraa, DSA - Daesh terrorists executed 11 civilians."),
            Some("Daesh terrorists executed 11 civilians.")
        );
        assert_eq!(
            body("Deir Ezzor, SANA\u{2013}Army units advanced."),
            Some("Army units advanced.")
        );
        assert_eq!(
            body("Deir ez-Zor, SANA - Army units advanced."),
            Some("Army units advanced.")
        );
        // Not a dateline: a place in the sentence, an agency cited, a long opening.
        assert_eq!(body("Aleppo, SANA reported, was shelled on Monday."), None);
        assert_eq!(body("In Aleppo, SANA - the state agency - said."), None);
        assert_eq!(
            body("Residents of the four northern towns, AFP - said"),
            None
        );
    }

    /// A scratch space that earlier articles used (in two orders) gives every
    /// article the claims a new one gives.
    #[test]
    fn a_used_scratch_gives_the_claims_of_a_new_one() {
        let extractor = Extractor::new();
        let segmenter = crosscheck_segment::Segmenter::new();
        let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/corpus");
        let mut texts: Vec<String> = std::fs::read_dir(corpus)
            .expect("examples/corpus")
            .map(|e| std::fs::read_to_string(e.expect("entry").path()).unwrap_or_default())
            .collect();
        texts.sort();
        let mut scratch = Scratch::default();
        let mut claims = 0;
        for round in 0..2 {
            if round == 1 {
                texts.reverse();
            }
            for text in &texts {
                let mut spans = Vec::new();
                segmenter.sentences_into(text, Span::new(0, text.len()), &mut spans);
                let scores: Vec<f32> = (0..spans.len()).map(|i| (i % 3) as f32 / 2.0).collect();
                let ctx = ArticleContext {
                    text,
                    sentences: &spans,
                    published: NaiveDate::from_ymd_opt(2017, 4, 5),
                    title: text.lines().next(),
                    outlet: None,
                };
                let fresh = extractor.claims(&ctx, Some(&scores));
                assert_eq!(
                    extractor.claims_with(&ctx, Some(&scores), &mut scratch),
                    fresh
                );
                claims += fresh.len();
            }
        }
        assert!(claims > 20, "{claims}");
    }

    /// The definition [`find_loose`] must agree with: the whole window folded first,
    /// char by char.
    fn find_loose_reference(hay: &str, needle: &str, within: usize) -> Option<usize> {
        let key: Vec<char> = needle
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        if key.len() < 8 {
            return None;
        }
        let mut chars: Vec<(usize, char)> = Vec::new();
        let mut past = 0usize;
        for (i, c) in hay.char_indices().filter(|(_, c)| c.is_alphanumeric()) {
            if past >= key.len() {
                break;
            }
            for l in c.to_lowercase() {
                chars.push((i, l));
                past += usize::from(i > within);
            }
        }
        for s in 0..chars.len() {
            if chars[s].0 > within {
                break;
            }
            if s + key.len() <= chars.len()
                && chars[s..s + key.len()]
                    .iter()
                    .map(|x| x.1)
                    .eq(key.iter().copied())
            {
                let (i, c) = chars[s + key.len() - 1];
                return Some(i + c.len_utf8());
            }
        }
        None
    }

    #[test]
    fn find_loose_agrees_with_its_definition() {
        let filler = "Lorem ipsum, dolor sit amet; ".repeat(20);
        let title = "Air strikes on Idlib market kill 35 \u{2013} SOHR";
        let hays = [
            format!("{title} BEIRUT: Air strikes killed 35."),
            "Sun 05 Apr 2017 Air-strikes on IDLIB market kill 35 SOHR said".to_string(),
            format!("{filler}{title}"),
            format!("{}{title}", &filler[..390]),
            format!("{}{title}", &filler[..401]),
            format!("\u{130}stanbul \u{15E}anl\u{131}urfa {title} \u{C9}t\u{E9}"),
            "Air strikes on Idlib".to_string(),
            String::new(),
            // ASCII up to the match, non-ASCII after it or inside it.
            format!("Wed 05 Apr 2017 {title} \u{2014} Caf\u{E9}"),
            format!("AIR STRIKES ON IDLIB MARKET KILL 35 \u{2013} SOHR: {filler}"),
            format!("Air strikes on Idl\u{ED}b market kill 35 SOHR {title}"),
            // Near misses before the match, and a match cut short by the end.
            "Air strikes on Idlib, market: air strikes on Idlib market kill 35 SOHR".to_string(),
            "aaaa Air strikes on Idlib market kil".to_string(),
            format!("{} Air strikes on Idlib market kill 3", &filler[..395]),
            format!("{}\u{E9}{title}", &filler[..380]),
        ];
        let needles = [
            title,
            "Air strikes on Idlib",
            "Idlib",
            "\u{130}stanbul \u{15E}anl\u{131}urfa",
            "lorem ipsum dolor sit",
            "Air strikes on Idl\u{ED}b market",
            "MARKET kill 35 - SOHR",
        ];
        for needle in needles {
            let key: Vec<char> = needle
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect();
            assert_eq!(loose_key(needle), key, "{needle:?}");
        }
        for hay in &hays {
            for needle in needles {
                for within in [0, 10, 400] {
                    assert_eq!(
                        find_loose(hay, needle, within),
                        find_loose_reference(hay, needle, within),
                        "{hay:?} {needle:?} {within}"
                    );
                }
            }
            // One folding shared by searches from several starts, in any order.
            let mut shared = LooseHay::new(hay);
            for from in [0, 7, 3, 40, 20, hay.len(), 1].map(|f| f.min(hay.len())) {
                if !hay.is_char_boundary(from) {
                    continue;
                }
                for needle in needles {
                    assert_eq!(
                        find_loose_from(&mut shared, from, &loose_key(needle), 400),
                        find_loose_reference(&hay[from..], needle, 400),
                        "{hay:?} {needle:?} from {from}"
                    );
                }
            }
        }
    }
}
