//! Time and peak memory of linking generated corpora of 10k, 100k and 1M claims.
//!
//! ```text
//! cargo run --release -p crosscheck-link --example link_scale            # all sizes
//! cargo run --release -p crosscheck-link --example link_scale -- 100000  # one size
//! ```
//!
//! With no argument the example runs itself once per size so that each figure's
//! peak resident memory (`VmHWM` in `/proc/self/status`) is that size's alone.
//!
//! The corpus imitates conflict news: events spread over seven years and ~1,300
//! towns in a three-level hierarchy (governorate, district, town, some
//! neighbourhoods); each event is reported by a few outlets (geometric, mean ~3),
//! one in ten articles is a re-headlined copy of another, and each article holds a
//! headline claim (place at town, district or neighbourhood level; a day, a wrong
//! day, a vague week or no date; an exact, open-ended or vague toll, sometimes
//! wrong), an attributed actor claim without place or date, and sometimes a
//! background claim ("since 2012"). Bodies are ~200 words drawn from a Zipf-like
//! vocabulary of 5,000 words, so unrelated articles share no passages.

use std::time::{Duration, Instant};

use chrono::{Duration as Days, NaiveDate};
use crosscheck_link::{Lexicon, LinkConfig, LinkInput, Linker};
use crosscheck_schema::{
    ArticleAnalysis, Attribution, AttributionSource, Casualties, CasualtyCategory, Claim,
    DatePrecision, DateValue, EntityKind, EntityMention, EventFrame, EventType, InputFormat,
    PlaceMention, SourceKind, SourceRef, Span,
};

const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];
const GOVERNORATES: u32 = 14;
const DISTRICTS: u32 = 8;
const TOWNS: u32 = 12;
const DAYS: i64 = 7 * 365;
const OUTLETS: u32 = 300;
const ACTORS: &[&str] = &[
    "Syrian Government",
    "Russian Armed Forces",
    "Islamic State",
    "Hayat Tahrir al-Sham",
    "Free Syrian Army",
    "Syrian Democratic Forces",
    "US-led Coalition",
    "Turkish Armed Forces",
    "Hezbollah",
    "Jaish al-Islam",
];
const TYPES: &[(EventType, &str)] = &[
    (EventType::Airstrike, "Air strikes hit"),
    (EventType::Shelling, "Shelling hit"),
    (EventType::Bombing, "A car bomb exploded in"),
    (EventType::GroundAttack, "Fighters attacked positions in"),
    (EventType::Airstrike, "Warplanes bombed"),
    (EventType::Shelling, "Rockets fell on"),
];

/// Place ids `g3`, `g3/d5`, `g3/d5/t7`, `g3/d5/t7/n1`: the hierarchy is in the id.
struct SyntheticWorld;

impl Lexicon for SyntheticWorld {
    fn place_ancestors(&self, id: &str) -> Option<Vec<String>> {
        let mut out = vec!["sy".to_string()];
        let mut at = 0;
        while let Some(slash) = id[at..].find('/') {
            out.push(id[..at + slash].to_string());
            at += slash + 1;
        }
        Some(out)
    }
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

struct Event {
    kind: usize,
    town: (u32, u32, u32),
    day: NaiveDate,
    killed: u32,
    actor: usize,
}

/// Builds an article's text and claims; offsets are recorded as the text grows.
struct Writer {
    text: String,
    paragraphs: Vec<Span>,
    id: String,
}

impl Writer {
    fn push(&mut self, s: &str) -> Span {
        let start = self.text.len();
        self.text.push_str(s);
        Span::new(start, self.text.len())
    }

    fn paragraph(&mut self, words: &mut dyn FnMut(&mut String)) {
        let start = self.text.len();
        let mut s = String::new();
        words(&mut s);
        self.text.push_str(&s);
        self.paragraphs.push(Span::new(start, self.text.len()));
        self.text.push_str("\n\n");
    }
}

fn body_words(rng: &mut Rng, n: usize, out: &mut String) {
    for i in 0..n {
        // Zipf-like: small indices much more frequent.
        let u = (rng.next() >> 11) as f64 / (1u64 << 53) as f64;
        let w = (u * u * u * 5000.0) as u32;
        out.push_str(&format!("w{w}"));
        out.push(if i % 18 == 17 { '.' } else { ' ' });
        if i % 18 == 17 {
            out.push(' ');
        }
    }
}

fn place_id(t: (u32, u32, u32)) -> String {
    format!("g{}/d{}/t{}", t.0, t.1, t.2)
}

#[allow(clippy::too_many_arguments)]
fn article(
    id: String,
    seed: u64,
    event: &Event,
    outlet: u32,
    published: NaiveDate,
    copy_of: bool,
) -> (ArticleAnalysis, String) {
    let mut rng = Rng(seed | 1);
    let mut w = Writer {
        text: String::new(),
        paragraphs: Vec::new(),
        id: id.clone(),
    };
    // Headline claim.
    let (kind, trigger) = TYPES[event.kind];
    let start = w.text.len();
    // Each outlet words its report its own way.
    let mut lead = String::new();
    body_words(&mut rng, 6, &mut lead);
    w.push(&lead);
    let trig = w.push(trigger);
    w.push(" ");
    let level = rng.below(20);
    let (pid, pname) = match level {
        0 => (
            format!("g{}/d{}", event.town.0, event.town.1),
            format!("District {}-{}", event.town.0, event.town.1),
        ),
        1 if event.town.2 == 0 => (
            format!("{}/n1", place_id(event.town)),
            format!("Quarter {}-{}-{}", event.town.0, event.town.1, event.town.2),
        ),
        _ => (
            place_id(event.town),
            format!("Town {}-{}-{}", event.town.0, event.town.1, event.town.2),
        ),
    };
    let place_span = w.push(&pname);
    let within: Vec<String> = SyntheticWorld.place_ancestors(&pid).unwrap_or_default();
    let date_roll = rng.below(100);
    let date = if date_roll < 80 {
        let (words, day) = if date_roll < 75 {
            (" on the day", event.day)
        } else {
            (" the day after", event.day + Days::days(1))
        };
        let s = w.push(words);
        Some(DateValue {
            value: day,
            last: day,
            precision: DatePrecision::Day,
            expression: words.trim().to_string(),
            relative: true,
            start: s.start + 1,
            end: s.end,
        })
    } else if date_roll < 88 {
        let s = w.push(" last week");
        let monday = event.day
            - Days::days(i64::from(
                chrono::Datelike::weekday(&event.day).num_days_from_monday(),
            ));
        Some(DateValue {
            value: monday,
            last: monday + Days::days(6),
            precision: DatePrecision::Week,
            expression: "last week".to_string(),
            relative: true,
            start: s.start + 1,
            end: s.end,
        })
    } else {
        None
    };
    w.push(", killing ");
    let roll = rng.below(100);
    let truth = if rng.chance(0.1) {
        event.killed * 2 + 5
    } else {
        event.killed
    };
    let (expr, min, max) = if roll < 55 {
        (format!("{truth} people"), truth, Some(truth))
    } else if roll < 85 {
        (format!("at least {truth} people"), truth, None)
    } else {
        ("dozens of people".to_string(), 24, None)
    };
    let killed_span = w.push(&expr);
    let mut tail = String::from(", ");
    body_words(&mut rng, 4, &mut tail);
    w.push(tail.trim_end());
    w.push(", a monitor said.");
    let end = w.text.len();
    w.paragraphs.push(Span::new(start, end));
    w.text.push_str("\n\n");
    let mut claims = vec![Claim {
        id: format!("{id}/c1"),
        start,
        end,
        sentence: 0,
        checkworthy: 0.9,
        attribution: Attribution {
            chain: vec![AttributionSource {
                name: "a monitor".to_string(),
                kind: SourceKind::Monitor,
                start: end - 15,
                end: end - 6,
            }],
            ..Attribution::default()
        },
        event: Some(EventFrame {
            event_type: kind,
            trigger: trig,
            actor: None,
            target: None,
            place: Some(PlaceMention {
                id: Some(pid.clone()),
                name: pname.clone(),
                within,
                text: pname.clone(),
                start: place_span.start,
                end: place_span.end,
            }),
            date,
            killed: Some(Casualties {
                min,
                max,
                category: CasualtyCategory::People,
                expression: expr.clone(),
                update: false,
                part: false,
                cumulative: false,
                start: killed_span.start,
                end: killed_span.end,
            }),
            injured: None,
            denied: false,
        }),
        status: None,
    }];
    let filler = |w: &mut Writer, rng: &mut Rng, n: usize| {
        w.paragraph(&mut |s| body_words(rng, n, s));
    };
    filler(&mut w, &mut rng, 70);
    // Actor claim: attributed, no place, no date.
    let actor = if rng.chance(0.15) {
        (event.actor + 1) % ACTORS.len()
    } else {
        event.actor
    };
    let start = w.text.len();
    let speaker = format!("Outlet{outlet} sources");
    w.push("Residents said the attack was carried out by ");
    let a = w.push(ACTORS[actor]);
    w.push(", according to ");
    let sp = w.push(&speaker);
    w.push(".");
    let end = w.text.len();
    w.paragraphs.push(Span::new(start, end));
    w.text.push_str("\n\n");
    claims.push(Claim {
        id: format!("{id}/c2"),
        start,
        end,
        sentence: 2,
        checkworthy: 0.7,
        attribution: Attribution {
            chain: vec![AttributionSource {
                name: speaker.clone(),
                kind: SourceKind::Anonymous,
                start: sp.start,
                end: sp.end,
            }],
            ..Attribution::default()
        },
        event: Some(EventFrame {
            event_type: kind,
            trigger: Span::new(start + 26, start + 32),
            actor: Some(EntityMention {
                name: ACTORS[actor].to_string(),
                kind: EntityKind::ArmedGroup,
                text: ACTORS[actor].to_string(),
                start: a.start,
                end: a.end,
            }),
            target: None,
            place: None,
            date: None,
            killed: None,
            injured: None,
            denied: false,
        }),
        status: None,
    });
    filler(&mut w, &mut rng, 70);
    // Background claim: the war since 2012.
    if rng.chance(0.5) {
        let start = w.text.len();
        w.push("More than 300,000 people have been killed in the war ");
        let s = w.push("since 2012");
        w.push(".");
        let end = w.text.len();
        w.paragraphs.push(Span::new(start, end));
        w.text.push_str("\n\n");
        claims.push(Claim {
            id: format!("{id}/c3"),
            start,
            end,
            sentence: 4,
            checkworthy: 0.6,
            attribution: Attribution::default(),
            event: Some(EventFrame {
                event_type: EventType::Death,
                trigger: Span::new(start + 35, start + 41),
                actor: None,
                target: None,
                place: None,
                date: Some(DateValue {
                    value: NaiveDate::from_ymd_opt(2012, 1, 1).unwrap_or_default(),
                    last: published,
                    precision: DatePrecision::Year,
                    expression: "since 2012".to_string(),
                    relative: false,
                    start: s.start,
                    end: s.end,
                }),
                killed: None,
                injured: None,
                denied: false,
            }),
            status: None,
        });
    }
    filler(&mut w, &mut rng, 60);
    // A fourth, unrelated statement without an event.
    let start = w.text.len();
    w.push("Aid groups called for access to the area.");
    let end = w.text.len();
    w.paragraphs.push(Span::new(start, end));
    claims.push(Claim {
        id: format!("{id}/c4"),
        start,
        end,
        sentence: 6,
        checkworthy: 0.3,
        attribution: Attribution::default(),
        event: None,
        status: None,
    });
    if copy_of {
        // A re-headlined copy (the headline is not in the body) with a credit line.
        w.text
            .push_str("\n\nThis report was first published elsewhere.");
    }
    let _ = &w.id;
    let len = w.text.len();
    let a = ArticleAnalysis {
        id,
        source: SourceRef {
            path: "generated".to_string(),
            record: None,
            start: 0,
            end: len,
        },
        format: InputFormat::Text,
        title: None,
        outlet: Some(format!("Outlet {outlet}")),
        author: None,
        published: Some(published),
        url: None,
        language: None,
        label: None,
        compilation: None,
        metadata_spans: Vec::new(),
        metadata: Default::default(),
        paragraphs: w.paragraphs,
        removed: Vec::new(),
        sentences: Vec::new(),
        claims,
        signals: Vec::new(),
        credibility: None,
    };
    (a, w.text)
}

fn peak_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

fn run(target: usize) {
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let epoch = NaiveDate::from_ymd_opt(2012, 1, 1).unwrap_or_default();
    let mut linker = Linker::new(LinkConfig::default());
    let (mut claims, mut articles, mut copies, mut true_events) = (0usize, 0usize, 0usize, 0usize);
    let mut add_time = Duration::ZERO;
    let started = Instant::now();
    while claims < target {
        let event = Event {
            kind: rng.below(TYPES.len() as u64) as usize,
            town: (
                rng.below(u64::from(GOVERNORATES)) as u32,
                rng.below(u64::from(DISTRICTS)) as u32,
                rng.below(u64::from(TOWNS)) as u32,
            ),
            day: epoch + Days::days(rng.below(DAYS as u64) as i64),
            killed: 1 + (rng.below(40) * rng.below(40) / 20) as u32,
            actor: rng.below(ACTORS.len() as u64) as usize,
        };
        true_events += 1;
        let mut reports = 1;
        while reports < 12 && rng.chance(0.67) {
            reports += 1;
        }
        let mut originals: Vec<(u64, u32, NaiveDate)> = Vec::new();
        for _ in 0..reports {
            let copy = !originals.is_empty() && rng.chance(0.1);
            let (seed, outlet, published) = if copy {
                let (s, _, p) = originals[rng.below(originals.len() as u64) as usize];
                copies += 1;
                (s, rng.below(u64::from(OUTLETS)) as u32, p + Days::days(1))
            } else {
                let o = (rng.below(u64::from(OUTLETS)) * rng.below(u64::from(OUTLETS))
                    / u64::from(OUTLETS)) as u32;
                let p = event.day + Days::days(rng.below(3) as i64);
                let s = rng.next();
                originals.push((s, o, p));
                (s, o, p)
            };
            // The true event's number leads the id, for the purity check below.
            let id = format!("{true_events:08x}{:08x}", rng.next() as u32);
            let (a, text) = article(id, seed, &event, outlet, published, copy);
            claims += a.claims.len();
            articles += 1;
            let t = Instant::now();
            linker.add(
                LinkInput {
                    article: &a,
                    text: &text,
                },
                &SyntheticWorld,
            );
            add_time += t.elapsed();
        }
    }
    let total_add = started.elapsed();
    let state_peak = peak_kib();
    let t = Instant::now();
    let result = linker.link();
    let link_time = t.elapsed();
    // Purity: events whose claims all report one generated event. Splits:
    // generated events whose claims ended up in more than one event.
    let truth = |claim: &str| claim.get(..8).unwrap_or("").to_string();
    let pure = result
        .events
        .iter()
        .filter(|e| e.claims.iter().all(|c| truth(c) == truth(&e.claims[0])))
        .count();
    let mut seen = std::collections::HashMap::new();
    for e in &result.events {
        let mut t: Vec<String> = e.claims.iter().map(|c| truth(c)).collect();
        t.sort();
        t.dedup();
        for x in t {
            *seen.entry(x).or_insert(0usize) += 1;
        }
    }
    let split = seen.values().filter(|&&n| n > 1).count();
    println!(
        "{:>9} claims: {:.1}% of events pure, {:.1}% of generated events split",
        claims,
        100.0 * pure as f64 / result.events.len().max(1) as f64,
        100.0 * split as f64 / seen.len().max(1) as f64
    );
    println!(
        "{:>9} claims {:>8} articles ({:>6} copies, {:>7} true events) | add {:>7.2}s (generation {:>6.2}s more) | link {:>7.2}s | peak {:>6} MiB (after adding {:>6} MiB) | {} groups, {} events, {} contradictions, {} corroborations",
        claims,
        articles,
        copies,
        true_events,
        add_time.as_secs_f64(),
        (total_add - add_time).as_secs_f64(),
        link_time.as_secs_f64(),
        peak_kib() / 1024,
        state_peak / 1024,
        result.groups.len(),
        result.events.len(),
        result.contradictions.len(),
        result.corroborations.len(),
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(n) = args.first().and_then(|a| a.parse::<usize>().ok()) {
        run(n);
        return;
    }
    let Ok(me) = std::env::current_exe() else {
        eprintln!("cannot find this executable to run each size apart");
        return;
    };
    for n in SIZES {
        match std::process::Command::new(&me).arg(n.to_string()).status() {
            Ok(s) if s.success() => {}
            other => eprintln!("size {n} failed: {other:?}"),
        }
    }
}
