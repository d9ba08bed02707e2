//! The sample corpus (`examples/corpus`, answer key in `examples/README.md`): the key
//! facts of each incident come out of the extractor, and the traps stay out.

use std::path::PathBuf;

use chrono::NaiveDate;
use crosscheck_extract::{ArticleContext, Extractor};
use crosscheck_schema::{CasualtyCategory, Claim, EventType, Span};
use crosscheck_segment::Segmenter;

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus")
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn read(name: &str) -> String {
    std::fs::read_to_string(corpus().join(name))
        .expect("the sample corpus ships with the repository")
}

/// The `text` of record `line` (1-based) of the wire feed.
fn wire(line: usize) -> String {
    let all = read("wire-feed.jsonl");
    let rec: serde_json::Value =
        serde_json::from_str(all.lines().nth(line - 1).expect("record")).expect("json");
    rec["text"].as_str().expect("text").to_string()
}

fn claims(text: &str, published: Option<NaiveDate>) -> Vec<Claim> {
    let sentences = Segmenter::new().sentences(text, Span::new(0, text.len()));
    let ctx = ArticleContext {
        text,
        sentences: &sentences,
        published,
        title: None,
        outlet: None,
    };
    let claims = Extractor::new().claims(&ctx, None);
    for c in &claims {
        assert!(c.start <= c.end && c.end <= text.len());
        assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
    }
    claims
}

/// The claim whose sentence contains `words`.
fn find<'c>(claims: &'c [Claim], text: &str, words: &str) -> &'c Claim {
    claims
        .iter()
        .find(|c| Span::new(c.start, c.end).slice(text).contains(words))
        .unwrap_or_else(|| panic!("no claim holds {words:?}"))
}

fn span(text: &str, start: usize, end: usize) -> String {
    Span::new(start, end).slice(text).to_string()
}

#[test]
fn incident_a_wire_report() {
    let text = read("a1-levant-wire-market-strike.txt");
    let claims = claims(&text, date(2016, 10, 16));
    let c = find(&claims, &text, "crowded vegetable market");
    let e = c.event.as_ref().expect("event");
    assert_eq!(e.event_type, EventType::Airstrike);
    let k = e.killed.as_ref().expect("killed");
    assert_eq!(
        (k.min, k.max, k.category),
        (35, None, CasualtyCategory::People)
    );
    assert_eq!(k.expression, "at least 35 people");
    let i = e.injured.as_ref().expect("injured");
    assert_eq!((i.min, i.max), (61, None));
    assert_eq!(e.date.as_ref().map(|d| d.value), date(2016, 10, 16));
    assert_eq!(
        e.place.as_ref().map(|p| p.name.as_str()),
        Some("Maarat al-Numan")
    );
    assert_eq!(
        span(
            &text,
            c.attribution.chain[0].start,
            c.attribution.chain[0].end
        ),
        "a war monitor"
    );
    // The dateline is not part of the claim.
    assert!(span(&text, c.start, c.end).starts_with("Air strikes hit"));

    // The distractor: Kafr Nabl, four dead, its own place.
    let c = find(&claims, &text, "Kafr Nabl");
    let e = c.event.as_ref().expect("event");
    assert_eq!(
        e.killed.as_ref().map(|k| (k.min, k.max)),
        Some((4, Some(4)))
    );
    assert_eq!(e.place.as_ref().map(|p| p.name.as_str()), Some("Kafr Nabl"));
    // "about 10 km (6 miles)" is a distance.
    assert!(claims.iter().all(|c| c
        .event
        .as_ref()
        .and_then(|e| e.killed.as_ref())
        .is_none_or(|k| k.min != 10 && k.min != 6)));
}

#[test]
fn incident_a_government_account() {
    let text = read("a3-homeland-gazette-mortar.txt");
    let claims = claims(&text, date(2016, 10, 17));
    let c = find(&claims, &text, "12 citizens were martyred");
    let e = c.event.as_ref().expect("event");
    assert_eq!(e.event_type, EventType::Shelling);
    assert_eq!(
        e.killed.as_ref().map(|k| (k.min, k.max, k.category)),
        Some((12, Some(12), CasualtyCategory::Civilians))
    );
    assert_eq!(
        e.injured.as_ref().map(|k| (k.min, k.max)),
        Some((17, Some(17)))
    );
    assert_eq!(e.date.as_ref().map(|d| d.value), date(2016, 10, 16));
    let c = find(&claims, &text, "categorically denied");
    assert!(c.event.as_ref().expect("event").denied);
}

#[test]
fn incident_a_toll_update_and_denials() {
    let text = wire(1);
    let claims = claims(&text, date(2016, 10, 17));
    let c = find(&claims, &text, "rose to 41");
    let k = c
        .event
        .as_ref()
        .and_then(|e| e.killed.as_ref())
        .expect("killed");
    assert_eq!((k.min, k.max, k.update), (41, Some(41), true));
    let c = find(&claims, &text, "denied its aircraft");
    assert!(c.event.as_ref().expect("event").denied);
    let c = find(&claims, &text, "none of its aircraft");
    assert!(c.event.as_ref().expect("event").denied);
}

#[test]
fn incident_b_clash_and_shelling() {
    let html = read("b1-homeland-gazette-mayadin.html");
    let page = crosscheck_html::HtmlReader::new().read(&html);
    let claims_b1 = claims(&page.view, date(2017, 11, 15));
    let c = find(&claims_b1, &page.view, "Forty-three");
    let k = c
        .event
        .as_ref()
        .and_then(|e| e.killed.as_ref())
        .expect("killed");
    assert_eq!(
        (k.min, k.max, k.category),
        (43, Some(43), CasualtyCategory::Militants)
    );
    assert_eq!(
        c.event
            .as_ref()
            .and_then(|e| e.date.as_ref())
            .map(|d| d.value),
        date(2017, 11, 14)
    );
    // "the 47th Brigade", "four vehicles", "12 kilometres", "six hours" are not tolls.
    for c in &claims_b1 {
        if let Some(k) = c.event.as_ref().and_then(|e| e.killed.as_ref()) {
            assert!(
                ![47, 4, 12, 6].contains(&k.min) || k.category != CasualtyCategory::People,
                "{k:?}"
            );
        }
    }

    let text = wire(3);
    let claims_w3 = claims(&text, date(2017, 11, 14));
    let c = find(&claims_w3, &text, "at least 19 militants");
    let e = c.event.as_ref().expect("event");
    assert_eq!(
        e.killed.as_ref().map(|k| (k.min, k.max, k.category)),
        Some((19, None, CasualtyCategory::Militants))
    );
    assert_eq!(e.date.as_ref().map(|d| d.value), date(2017, 11, 14));

    let text = wire(4);
    let claims_w4 = claims(&text, date(2017, 11, 16));
    let c = find(&claims_w4, &text, "More than 300 displaced families");
    let e = c.event.as_ref().expect("event");
    let k = e.killed.as_ref().expect("killed");
    assert_eq!(
        (k.min, k.max, k.category),
        (9, Some(9), CasualtyCategory::Civilians),
        "300 families are displaced, not dead"
    );
    assert_eq!(e.event_type, EventType::Shelling);
    assert_eq!(e.date.as_ref().map(|d| d.value), date(2017, 11, 14));
    assert_eq!(e.place.as_ref().map(|p| p.name.as_str()), Some("Mahkan"));
    let c = find(&claims_w4, &text, "quoted by state media");
    let chain: Vec<String> = c
        .attribution
        .chain
        .iter()
        .map(|s| span(&text, s.start, s.end))
        .collect();
    assert_eq!(chain, ["state media", "A Syrian military source"]);
    assert!(c.event.as_ref().expect("event").denied);

    let text = read("compilation-press-digest.txt");
    let claims_p3 = claims(&text, date(2017, 11, 17));
    let c = find(&claims_p3, &text, "between 20 and 30");
    let k = c
        .event
        .as_ref()
        .and_then(|e| e.killed.as_ref())
        .expect("killed");
    assert_eq!(
        (k.min, k.max, k.category),
        (20, Some(30), CasualtyCategory::Civilians)
    );
}

#[test]
fn incident_c_hoax_and_its_check() {
    let text = read("c1-frontline-truth-chlorine-hoax.txt");
    let claims_c1 = claims(&text, date(2017, 3, 6));
    let c = find(&claims_c1, &text, "killing 27 children");
    let e = c.event.as_ref().expect("event");
    assert_eq!(e.event_type, EventType::ChemicalAttack);
    assert_eq!(
        e.killed.as_ref().map(|k| (k.min, k.category)),
        Some((27, CasualtyCategory::Children))
    );
    assert_eq!(
        e.injured.as_ref().map(|k| (k.min, k.max)),
        Some((101, None))
    );
    assert_eq!(e.date.as_ref().map(|d| d.value), date(2017, 3, 5));

    let text = wire(2);
    let claims = claims(&text, date(2017, 3, 9));
    let c = find(&claims, &text, "denied that the group");
    assert!(c.event.as_ref().expect("event").denied);
    let c = find(&claims, &text, "Claims circulating");
    assert!(c.attribution.hedged);
}
