//! Hand-made articles with claims, for the linking tests: each claim is a sentence
//! of the article's text and every span points at the words it names.
#![allow(dead_code)]

use chrono::NaiveDate;
use crosscheck_link::{ActorInfo, Lexicon, LinkInput, LinkResult, Linker};
use crosscheck_schema::{
    ArticleAnalysis, Attribution, AttributionSource, Casualties, CasualtyCategory, Claim,
    DatePrecision, DateValue, EntityKind, EntityMention, EventFrame, EventType, InputFormat,
    PlaceMention, SourceKind, SourceRef, Span,
};

pub fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

/// A tiny gazetteer and actor table.
pub struct World;

const PLACES: &[(&str, &str, &[&str])] = &[
    ("sy", "Syria", &[]),
    ("sy/idlib", "Idlib Governorate", &["sy"]),
    (
        "sy/idlib/maarat-district",
        "Maarat al-Numan District",
        &["sy", "sy/idlib"],
    ),
    (
        "sy/idlib/maarat",
        "Maarat al-Numan",
        &["sy", "sy/idlib", "sy/idlib/maarat-district"],
    ),
    (
        "sy/idlib/kafr-nabl",
        "Kafr Nabl",
        &["sy", "sy/idlib", "sy/idlib/maarat-district"],
    ),
    ("sy/aleppo", "Aleppo Governorate", &["sy"]),
    ("sy/aleppo/city", "Aleppo", &["sy", "sy/aleppo"]),
    (
        "sy/aleppo/city/sukkari",
        "al-Sukkari",
        &["sy", "sy/aleppo", "sy/aleppo/city"],
    ),
    (
        "sy/aleppo/city/shaar",
        "al-Shaar",
        &["sy", "sy/aleppo", "sy/aleppo/city"],
    ),
];

impl Lexicon for World {
    fn place_ancestors(&self, id: &str) -> Option<Vec<String>> {
        PLACES
            .iter()
            .find(|p| p.0 == id)
            .map(|p| p.2.iter().map(|s| s.to_string()).collect())
    }

    fn actor(&self, name: &str) -> Option<ActorInfo> {
        let (top, side, generic) = match name {
            "Syrian Government" | "Syrian Arab Air Force" => {
                ("Syrian Government", Some("government"), false)
            }
            "Russian Armed Forces" => ("Russian Armed Forces", Some("russia"), false),
            "Jabhat al-Nusra" => ("Jabhat al-Nusra", Some("jihadist"), false),
            "Terrorists" => ("Terrorists", None, true),
            _ => return None,
        };
        Some(ActorInfo {
            top: top.to_string(),
            side: side.map(str::to_string),
            generic,
        })
    }
}

pub fn place_mention(id: &str) -> (String, Vec<String>) {
    let p = PLACES.iter().find(|p| p.0 == id).expect("test place");
    let within =
        p.2.iter()
            .map(|a| {
                PLACES
                    .iter()
                    .find(|q| q.0 == *a)
                    .expect("ancestor")
                    .1
                    .to_string()
            })
            .collect();
    (p.1.to_string(), within)
}

pub struct ArticleBuilder {
    id: String,
    outlet: Option<String>,
    published: Option<NaiveDate>,
    text: String,
    paragraphs: Vec<Span>,
    claims: Vec<Claim>,
}

pub fn article(id: &str, outlet: &str, published: &str) -> ArticleBuilder {
    ArticleBuilder {
        id: id.to_string(),
        outlet: Some(outlet.to_string()),
        published: Some(day(published)),
        text: String::new(),
        paragraphs: Vec::new(),
        claims: Vec::new(),
    }
}

/// One claim sentence and what the extractor would have found in it.
pub struct ClaimBuilder {
    sentence: String,
    kind: EventType,
    trigger: String,
    actor: Option<(String, EntityKind, String)>,
    place: Option<(String, String)>,
    date: Option<(String, NaiveDate, NaiveDate, DatePrecision)>,
    killed: Option<(String, u32, Option<u32>, CasualtyCategory, bool)>,
    injured: Option<(String, u32, Option<u32>)>,
    denied: bool,
    /// The killed count is a running total ("since 2016").
    cumulative: bool,
    sources: Vec<(String, SourceKind)>,
}

pub fn claim(sentence: &str, kind: EventType, trigger: &str) -> ClaimBuilder {
    ClaimBuilder {
        sentence: sentence.to_string(),
        kind,
        trigger: trigger.to_string(),
        actor: None,
        place: None,
        date: None,
        killed: None,
        injured: None,
        denied: false,
        cumulative: false,
        sources: Vec::new(),
    }
}

impl ClaimBuilder {
    /// The place with gazetteer id `id`, named by `words` in the sentence.
    pub fn place(mut self, id: &str, words: &str) -> Self {
        self.place = Some((id.to_string(), words.to_string()));
        self
    }

    pub fn on(mut self, words: &str, date: &str) -> Self {
        self.date = Some((words.to_string(), day(date), day(date), DatePrecision::Day));
        self
    }

    pub fn during(mut self, words: &str, from: &str, to: &str, precision: DatePrecision) -> Self {
        self.date = Some((words.to_string(), day(from), day(to), precision));
        self
    }

    pub fn killed(mut self, words: &str, min: u32, max: Option<u32>) -> Self {
        self.killed = Some((words.to_string(), min, max, CasualtyCategory::People, false));
        self
    }

    /// The killed count is a running total over a period (`Casualties::cumulative`).
    pub fn running_total(mut self) -> Self {
        self.cumulative = true;
        self
    }

    pub fn killed_as(
        mut self,
        words: &str,
        min: u32,
        max: Option<u32>,
        category: CasualtyCategory,
    ) -> Self {
        self.killed = Some((words.to_string(), min, max, category, false));
        self
    }

    /// "the death toll rose to N".
    pub fn toll_rose_to(mut self, words: &str, n: u32) -> Self {
        self.killed = Some((
            words.to_string(),
            n,
            Some(n),
            CasualtyCategory::People,
            true,
        ));
        self
    }

    pub fn injured(mut self, words: &str, min: u32, max: Option<u32>) -> Self {
        self.injured = Some((words.to_string(), min, max));
        self
    }

    pub fn by(mut self, name: &str, kind: EntityKind, words: &str) -> Self {
        self.actor = Some((name.to_string(), kind, words.to_string()));
        self
    }

    pub fn denied(mut self) -> Self {
        self.denied = true;
        self
    }

    /// Adds a speaker to the attribution chain (outermost first).
    pub fn said_by(mut self, name: &str, kind: SourceKind) -> Self {
        self.sources.push((name.to_string(), kind));
        self
    }
}

fn span_of(text: &str, base: usize, words: &str) -> (usize, usize) {
    let at = text
        .find(words)
        .unwrap_or_else(|| panic!("{words:?} not in {text:?}"));
    (base + at, base + at + words.len())
}

impl ArticleBuilder {
    pub fn undated(mut self) -> Self {
        self.published = None;
        self
    }

    /// A paragraph of plain text (no claim).
    pub fn text(mut self, paragraph: &str) -> Self {
        let start = self.text.len();
        self.text.push_str(paragraph);
        self.paragraphs.push(Span::new(start, self.text.len()));
        self.text.push_str("\n\n");
        self
    }

    /// A paragraph that is one claim sentence.
    pub fn claim(mut self, c: ClaimBuilder) -> Self {
        let base = self.text.len();
        self.text.push_str(&c.sentence);
        self.paragraphs.push(Span::new(base, self.text.len()));
        self.text.push_str("\n\n");
        let s = &c.sentence;
        let (ts, te) = span_of(s, base, &c.trigger);
        let frame = EventFrame {
            event_type: c.kind,
            trigger: Span::new(ts, te),
            actor: c.actor.as_ref().map(|(name, kind, words)| {
                let (start, end) = span_of(s, base, words);
                EntityMention {
                    name: name.clone(),
                    kind: *kind,
                    text: words.clone(),
                    start,
                    end,
                }
            }),
            target: None,
            place: c.place.as_ref().map(|(id, words)| {
                let (start, end) = span_of(s, base, words);
                let (name, within) = place_mention(id);
                PlaceMention {
                    id: Some(id.clone()),
                    name,
                    within,
                    text: words.clone(),
                    start,
                    end,
                }
            }),
            date: c.date.as_ref().map(|(words, from, to, precision)| {
                let (start, end) = span_of(s, base, words);
                DateValue {
                    value: *from,
                    last: *to,
                    precision: *precision,
                    expression: words.clone(),
                    relative: true,
                    start,
                    end,
                }
            }),
            killed: c
                .killed
                .as_ref()
                .map(|(words, min, max, category, update)| {
                    let (start, end) = span_of(s, base, words);
                    Casualties {
                        min: *min,
                        max: *max,
                        category: *category,
                        expression: words.clone(),
                        update: *update,
                        part: false,
                        cumulative: c.cumulative,
                        start,
                        end,
                    }
                }),
            injured: c.injured.as_ref().map(|(words, min, max)| {
                let (start, end) = span_of(s, base, words);
                Casualties {
                    min: *min,
                    max: *max,
                    category: CasualtyCategory::People,
                    expression: words.clone(),
                    update: false,
                    part: false,
                    cumulative: false,
                    start,
                    end,
                }
            }),
            denied: c.denied,
        };
        let chain = c
            .sources
            .iter()
            .map(|(name, kind)| {
                let (start, end) = s
                    .find(name.as_str())
                    .map_or((base, base), |at| (base + at, base + at + name.len()));
                AttributionSource {
                    name: name.clone(),
                    kind: *kind,
                    start,
                    end,
                }
            })
            .collect();
        let n = self.claims.len() + 1;
        self.claims.push(Claim {
            id: format!("{}/c{n}", self.id),
            start: base,
            end: base + s.len(),
            sentence: n - 1,
            checkworthy: 0.9,
            attribution: Attribution {
                chain,
                hedged: false,
                hedges: Vec::new(),
                quoted: false,
            },
            event: Some(frame),
            status: None,
        });
        self
    }

    pub fn build(self) -> (ArticleAnalysis, String) {
        let len = self.text.len();
        let a = ArticleAnalysis {
            id: self.id.clone(),
            source: SourceRef {
                path: format!("{}.txt", self.id),
                record: None,
                start: 0,
                end: len,
            },
            format: InputFormat::Text,
            title: None,
            outlet: self.outlet,
            author: None,
            published: self.published,
            url: None,
            language: Some("en".to_string()),
            label: None,
            compilation: None,
            metadata_spans: Vec::new(),
            metadata: Default::default(),
            paragraphs: self.paragraphs,
            removed: Vec::new(),
            sentences: Vec::new(),
            claims: self.claims,
            signals: Vec::new(),
            credibility: None,
        };
        (a, self.text)
    }
}

/// Links `articles` in the order given.
pub fn link(articles: &[(ArticleAnalysis, String)]) -> LinkResult {
    let mut linker = Linker::default();
    for (a, text) in articles {
        linker.add(LinkInput { article: a, text }, &World);
    }
    linker.link()
}

/// Background prose that makes an article long enough to be signed, different for
/// every seed word so that unrelated articles share no passages.
pub fn filler(seed: &str) -> String {
    let words = [
        "residents",
        "described",
        "scenes",
        "near",
        "the",
        "old",
        "mosque",
        "where",
        "shops",
        "had",
        "reopened",
        "after",
        "weeks",
        "of",
        "calm",
        "and",
        "families",
        "were",
        "buying",
        "food",
        "before",
        "winter",
        "set",
        "in",
        "across",
        "province",
    ];
    let mut h: u64 = seed.bytes().fold(1469598103934665603, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(1099511628211)
    });
    let mut out = String::new();
    for i in 0..90 {
        h ^= h << 13;
        h ^= h >> 7;
        h ^= h << 17;
        out.push_str(words[(h % words.len() as u64) as usize]);
        out.push(if i % 15 == 14 { '.' } else { ' ' });
        if i % 15 == 14 {
            out.push(' ');
        }
    }
    out
}
