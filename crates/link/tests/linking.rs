//! Linking as a fact-checker would check it: copies, events, agreement and
//! conflict between outlets, built from hand-made analyses of short reports.

mod common;

use common::*;
use crosscheck_link::{LinkConfig, LinkInput, Linker};
use crosscheck_schema::{
    ArticleAnalysis, CasualtyCategory, ClaimStatus, ContradictionField, EntityKind, EventType,
    SourceKind,
};

type Article = (ArticleAnalysis, String);

fn market_strike(
    id: &str,
    outlet: &str,
    published: &str,
    killed: (&str, u32, Option<u32>),
) -> Article {
    article(id, outlet, published)
        .claim(
            claim(
                &format!("Air strikes hit the vegetable market in Maarat al-Numan on Sunday, killing {}.", killed.0),
                EventType::Airstrike,
                "Air strikes",
            )
            .place("sy/idlib/maarat", "Maarat al-Numan")
            .on("on Sunday", "2016-10-16")
            .killed(killed.0, killed.1, killed.2),
        )
        .text(&filler(id))
        .build()
}

fn killed_contradictions(result: &crosscheck_link::LinkResult) -> usize {
    result
        .contradictions
        .iter()
        .filter(|c| c.field == ContradictionField::Killed)
        .count()
}

#[test]
fn a_syndicated_copy_is_not_an_independent_source() {
    let lead = "Air strikes hit the vegetable market in Maarat al-Numan on Sunday, killing at least 35 people.";
    let strike = || {
        claim(lead, EventType::Airstrike, "Air strikes")
            .place("sy/idlib/maarat", "Maarat al-Numan")
            .on("on Sunday", "2016-10-16")
            .killed("at least 35 people", 35, None)
    };
    let body = filler("wire body");
    let extra = "The market had reopened on Saturday after weeks without raids, shopkeepers said.";
    let wire = article("wire", "Levant Wire", "2016-10-16")
        .claim(strike())
        .text(&body)
        .text(extra)
        .build();
    // New outlet, new headline (not part of the body), one sentence trimmed, a credit line.
    let reprint = article("reprint", "The Crescent Review", "2016-10-17")
        .claim(strike())
        .text(&body)
        .text("This report was first published by Levant Wire and is republished with permission.")
        .build();
    let local = article("local", "Idlib Voice", "2016-10-17")
        .claim(
            claim(
                "At least 35 people died when jets struck the market of Maarat al-Numan on Sunday morning.",
                EventType::Airstrike,
                "jets struck",
            )
            .place("sy/idlib/maarat", "Maarat al-Numan")
            .on("on Sunday", "2016-10-16")
            .killed("At least 35 people", 35, None),
        )
        .text(&filler("local"))
        .build();

    let result = link(&[wire, reprint, local]);
    assert_eq!(result.groups.len(), 1, "{:?}", result.groups);
    assert_eq!(result.groups[0].origin, "wire");
    assert_eq!(result.groups[0].articles, ["wire", "reprint"]);

    let toll = result
        .corroborations
        .iter()
        .find(|c| c.field == ContradictionField::Killed)
        .expect("the toll is corroborated");
    assert_eq!(toll.value, "at least 35");
    assert_eq!(toll.claims.len(), 3);
    assert_eq!(toll.independent_sources, 2, "the reprint adds no source");
}

#[test]
fn a_copy_alone_corroborates_nothing() {
    let lead = "Rockets laced with chlorine hit a school in Maarat al-Numan on Sunday, killing 27 children.";
    let story = |id: &str, outlet: &str, published: &str| {
        article(id, outlet, published)
            .claim(
                claim(lead, EventType::ChemicalAttack, "chlorine")
                    .place("sy/idlib/maarat", "Maarat al-Numan")
                    .on("on Sunday", "2017-03-05")
                    .killed_as("27 children", 27, Some(27), CasualtyCategory::Children),
            )
            .text(&filler("hoax body"))
            .build()
    };
    let result = link(&[
        story("hoax", "Frontline Truth Report", "2017-03-06"),
        story("copy1", "The Patriot Dispatch", "2017-03-07"),
        story("copy2", "Resistance News Hub", "2017-03-08"),
    ]);
    assert_eq!(result.groups[0].articles, ["hoax", "copy1", "copy2"]);
    assert!(
        result.corroborations.is_empty(),
        "{:?}",
        result.corroborations
    );
    for id in ["hoax/c1", "copy1/c1", "copy2/c1"] {
        assert_eq!(result.status(id), Some(ClaimStatus::SingleSource));
    }
}

#[test]
fn two_outlets_citing_the_state_news_agency_are_one_source() {
    let cited = |id: &str, outlet: &str| {
        article(id, outlet, "2016-10-17")
            .claim(
                claim(
                    &format!("Mortar shells fired by terrorists killed 12 citizens in Maarat al-Numan on Sunday, SANA reported, {id}."),
                    EventType::Shelling,
                    "Mortar shells",
                )
                .place("sy/idlib/maarat", "Maarat al-Numan")
                .on("on Sunday", "2016-10-16")
                .killed_as("12 citizens", 12, Some(12), CasualtyCategory::Civilians)
                .said_by("SANA", SourceKind::Media),
            )
            .text(&filler(id))
            .build()
    };
    let result = link(&[
        cited("first", "Homeland Gazette"),
        cited("second", "Eurasia Today Agency"),
    ]);
    assert!(result.groups.is_empty());
    assert_eq!(result.events.len(), 1);
    assert!(
        result.corroborations.is_empty(),
        "one agency relayed twice is one source: {:?}",
        result.corroborations
    );
}

#[test]
fn at_least_27_and_27_agree() {
    let result = link(&[
        market_strike(
            "a",
            "Levant Wire",
            "2016-10-16",
            ("at least 27 people", 27, None),
        ),
        market_strike(
            "b",
            "Idlib Voice",
            "2016-10-16",
            ("27 people", 27, Some(27)),
        ),
    ]);
    assert_eq!(result.events.len(), 1);
    assert_eq!(killed_contradictions(&result), 0);
    assert_ne!(result.status("a/c1"), Some(ClaimStatus::Contradicted));
    assert_ne!(result.status("b/c1"), Some(ClaimStatus::Contradicted));
}

#[test]
fn dozens_and_40_agree() {
    let result = link(&[
        market_strike(
            "a",
            "Bosphorus Daily",
            "2016-10-17",
            ("dozens of civilians", 24, Some(99)),
        ),
        market_strike(
            "b",
            "Idlib Voice",
            "2016-10-17",
            ("40 people", 40, Some(40)),
        ),
        market_strike(
            "c",
            "Homeland Gazette",
            "2016-10-17",
            ("dozens of people", 24, None),
        ),
    ]);
    assert_eq!(result.events.len(), 1);
    assert_eq!(killed_contradictions(&result), 0);
    // A vague count settles nothing either: it corroborates no figure.
    assert!(result
        .corroborations
        .iter()
        .all(|c| c.field != ContradictionField::Killed));
}

#[test]
fn thirty_five_and_at_least_50_conflict() {
    let result = link(&[
        market_strike(
            "a",
            "Levant Wire",
            "2016-10-16",
            ("35 people", 35, Some(35)),
        ),
        market_strike(
            "b",
            "Idlib Voice",
            "2016-10-17",
            ("at least 50 people", 50, None),
        ),
    ]);
    assert_eq!(result.events.len(), 1);
    let c = result
        .contradictions
        .iter()
        .find(|c| c.field == ContradictionField::Killed)
        .expect("a killed contradiction");
    let values: Vec<&str> = c.claims.iter().map(|r| r.value.as_str()).collect();
    assert_eq!(values, ["35", "at least 50"]);
    assert_eq!(c.event, result.events[0].id);
    // The cited span is the count itself.
    assert_eq!(c.claims[0].outlet.as_deref(), Some("Levant Wire"));
    assert_eq!(result.status("a/c1"), Some(ClaimStatus::Contradicted));
    assert_eq!(result.status("b/c1"), Some(ClaimStatus::Contradicted));
}

#[test]
fn counts_conflict_when_their_ranges_are_disjoint_unless_a_tolerance_is_set() {
    let articles = [
        market_strike(
            "a",
            "Levant Wire",
            "2016-10-16",
            ("35 people", 35, Some(35)),
        ),
        market_strike(
            "b",
            "Idlib Voice",
            "2016-10-16",
            ("37 people", 37, Some(37)),
        ),
    ];
    // By default the approximation is in the ranges ("about 50" is 45..55): 35 and
    // 37 are two different exact figures.
    assert_eq!(killed_contradictions(&link(&articles)), 1);

    // With a 10% tolerance a gap of 2 below 37 is within it.
    let mut linker = Linker::new(LinkConfig {
        count_rel_tolerance: 0.1,
        ..LinkConfig::default()
    });
    for (a, text) in &articles {
        linker.add(LinkInput { article: a, text }, &World);
    }
    assert_eq!(killed_contradictions(&linker.link()), 0);
}

#[test]
fn the_death_toll_rose_to_41_is_an_update() {
    let first = market_strike(
        "first",
        "Levant Wire",
        "2016-10-16",
        ("35 people", 35, Some(35)),
    );
    let later = |update: bool| {
        let c = claim(
            "The death toll from Sunday's air strikes on the market in Maarat al-Numan rose to 41, the monitor said.",
            EventType::Airstrike,
            "air strikes",
        )
        .place("sy/idlib/maarat", "Maarat al-Numan")
        .on("Sunday's", "2016-10-16")
        .said_by("Syrian Monitor for Human Rights", SourceKind::Monitor);
        let c = if update {
            c.toll_rose_to("rose to 41", 41)
        } else {
            c.killed("41", 41, Some(41))
        };
        article("later", "Meridian Wire", "2016-10-17")
            .claim(c)
            .text(&filler("later"))
            .build()
    };
    let result = link(&[first.clone(), later(true)]);
    assert_eq!(result.events.len(), 1);
    assert_eq!(
        killed_contradictions(&result),
        0,
        "{:?}",
        result.contradictions
    );

    // The same figure not framed as a revision is a conflict (gap 6 > 5)...
    let result = link(&[first.clone(), later(false)]);
    assert_eq!(killed_contradictions(&result), 1);

    // ...and so is a revision published before the figure it would revise.
    let (mut early, text) = later(true);
    early.published = Some(day("2016-10-15"));
    let result = link(&[first, (early, text)]);
    assert_eq!(killed_contradictions(&result), 1);
}

#[test]
fn a_restated_earlier_figure_in_the_same_article_is_not_a_contradiction() {
    let update = article("w1", "Levant Wire", "2016-10-17")
        .claim(
            claim(
                "The death toll from Sunday's air strikes on Maarat al-Numan rose to 41, the monitor said.",
                EventType::Airstrike,
                "air strikes",
            )
            .place("sy/idlib/maarat", "Maarat al-Numan")
            .on("Sunday's", "2016-10-16")
            .toll_rose_to("rose to 41", 41)
            .said_by("the monitor", SourceKind::Monitor),
        )
        .claim(
            claim(
                "On Sunday the monitor had said 30 people were killed in the air strikes.",
                EventType::Airstrike,
                "air strikes",
            )
            .on("On Sunday", "2016-10-16")
            .killed("30 people", 30, Some(30))
            .said_by("the monitor", SourceKind::Monitor),
        )
        .text(&filler("w1"))
        .build();
    let result = link(&[update]);
    assert_eq!(result.events.len(), 1);
    assert!(
        result.contradictions.is_empty(),
        "{:?}",
        result.contradictions
    );
}

fn dated_strike(id: &str, outlet: &str, published: &str, when: &str, date: &str) -> Article {
    article(id, outlet, published)
        .claim(
            claim(
                &format!("Jets bombed the market in Maarat al-Numan {when}, residents said."),
                EventType::Airstrike,
                "bombed",
            )
            .place("sy/idlib/maarat", "Maarat al-Numan")
            .on(when, date)
            .by("Syrian Government", EntityKind::State, "Jets")
            .said_by("residents", SourceKind::Anonymous),
        )
        .text(&filler(id))
        .build()
}

#[test]
fn on_monday_vs_on_sunday_for_the_same_strike_conflicts_when_both_resolve_to_different_days() {
    let result = link(&[
        dated_strike("a", "Levant Wire", "2016-10-16", "on Sunday", "2016-10-16"),
        dated_strike(
            "b",
            "Free Idlib Post",
            "2016-10-18",
            "on Monday",
            "2016-10-17",
        ),
    ]);
    assert_eq!(result.events.len(), 1, "{:?}", result.events);
    let dates: Vec<_> = result
        .contradictions
        .iter()
        .filter(|c| c.field == ContradictionField::Date)
        .collect();
    assert_eq!(dates.len(), 1);
    let values: Vec<&str> = dates[0].claims.iter().map(|r| r.value.as_str()).collect();
    assert_eq!(values, ["2016-10-16", "2016-10-17"]);
}

#[test]
fn a_week_that_holds_the_day_does_not_conflict_with_it() {
    let week = article("w", "Weekly Review", "2016-10-24")
        .claim(
            claim(
                "Last week jets bombed the market in Maarat al-Numan, residents said.",
                EventType::Airstrike,
                "bombed",
            )
            .place("sy/idlib/maarat", "Maarat al-Numan")
            .during(
                "Last week",
                "2016-10-10",
                "2016-10-16",
                crosscheck_schema::DatePrecision::Week,
            ),
        )
        .text(&filler("weekly"))
        .build();
    let result = link(&[
        dated_strike("a", "Levant Wire", "2016-10-16", "on Sunday", "2016-10-16"),
        week,
    ]);
    assert_eq!(result.events.len(), 1);
    assert!(
        result.contradictions.is_empty(),
        "{:?}",
        result.contradictions
    );
}

#[test]
fn strikes_three_days_apart_are_different_events() {
    let result = link(&[
        dated_strike("a", "Levant Wire", "2016-10-16", "on Sunday", "2016-10-16"),
        dated_strike(
            "b",
            "Free Idlib Post",
            "2016-10-19",
            "on Wednesday",
            "2016-10-19",
        ),
    ]);
    assert_eq!(result.events.len(), 2);
    assert!(result.contradictions.is_empty());
}

#[test]
fn a_district_lies_in_its_city() {
    let district = article("d", "Aleppo Today", "2016-09-24")
        .claim(
            claim(
                "Barrel bombs dropped by helicopters killed nine people in al-Sukkari on Saturday.",
                EventType::Airstrike,
                "Barrel bombs",
            )
            .place("sy/aleppo/city/sukkari", "al-Sukkari")
            .on("on Saturday", "2016-09-24")
            .killed("nine people", 9, Some(9)),
        )
        .text(&filler("district"))
        .build();
    let city = article("c", "Levant Wire", "2016-09-24")
        .claim(
            claim(
                "Air raids on rebel-held eastern Aleppo killed nine people on Saturday, a monitor said.",
                EventType::Airstrike,
                "Air raids",
            )
            .place("sy/aleppo/city", "Aleppo")
            .on("on Saturday", "2016-09-24")
            .killed("nine people", 9, Some(9))
            .said_by("a monitor", SourceKind::Monitor),
        )
        .text(&filler("city"))
        .build();
    let other_district = article("o", "Aleppo Today", "2016-09-24")
        .claim(
            claim(
                "A separate raid on al-Shaar killed two people on Saturday.",
                EventType::Airstrike,
                "raid",
            )
            .place("sy/aleppo/city/shaar", "al-Shaar")
            .on("on Saturday", "2016-09-24")
            .killed("two people", 2, Some(2)),
        )
        .text(&filler("other district"))
        .build();
    let result = link(&[district, city, other_district]);
    let sukkari = result.event_of("d/c1").expect("an event");
    assert!(
        sukkari.claims.contains(&"c/c1".to_string()),
        "{:?}",
        result.events
    );
    assert_eq!(
        sukkari.place.as_ref().map(|p| p.name.as_str()),
        Some("al-Sukkari")
    );
    // Two neighbourhoods of one city are two places: the city-wide report joins one
    // of them, never both, and al-Shaar keeps its own event.
    let shaar = result.event_of("o/c1").expect("an event");
    assert_ne!(shaar.id, sukkari.id);
    assert!(
        result.contradictions.is_empty(),
        "{:?}",
        result.contradictions
    );
    let nine = result
        .corroborations
        .iter()
        .find(|c| c.field == ContradictionField::Killed)
        .expect("nine is corroborated");
    assert_eq!(nine.independent_sources, 2);
}

#[test]
fn a_strike_on_a_nearby_town_the_same_day_is_another_event() {
    let wire = article("wire", "Levant Wire", "2016-10-16")
        .claim(
            claim(
                "Air strikes hit the market in Maarat al-Numan on Sunday, killing at least 35 people.",
                EventType::Airstrike,
                "Air strikes",
            )
            .place("sy/idlib/maarat", "Maarat al-Numan")
            .on("on Sunday", "2016-10-16")
            .killed("at least 35 people", 35, None),
        )
        .claim(
            claim(
                "Four people were killed in an air strike on the town of Kafr Nabl on Sunday.",
                EventType::Airstrike,
                "air strike",
            )
            .place("sy/idlib/kafr-nabl", "Kafr Nabl")
            .on("on Sunday", "2016-10-16")
            .killed("Four people", 4, Some(4)),
        )
        .text(&filler("wire"))
        .build();
    let result = link(&[wire]);
    assert_eq!(result.events.len(), 2);
    assert!(
        result.contradictions.is_empty(),
        "4 and 35 are two events' tolls"
    );
}

#[test]
fn government_jets_vs_rebel_mortar_fire_conflicts_on_actor() {
    let jets = article("opp", "Free Idlib Post", "2016-10-16")
        .claim(
            claim(
                "Government jets bombed the market in Maarat al-Numan on Sunday.",
                EventType::Airstrike,
                "bombed",
            )
            .place("sy/idlib/maarat", "Maarat al-Numan")
            .on("on Sunday", "2016-10-16")
            .by(
                "Syrian Arab Air Force",
                EntityKind::StateForce,
                "Government jets",
            ),
        )
        .text(&filler("opp"))
        .build();
    let mortars = article("gov", "Homeland Gazette", "2016-10-17")
        .claim(
            claim(
                "Mortar fire by Jabhat al-Nusra terrorists hit the market in Maarat al-Numan on Sunday.",
                EventType::Shelling,
                "Mortar fire",
            )
            .place("sy/idlib/maarat", "Maarat al-Numan")
            .on("on Sunday", "2016-10-16")
            .by("Jabhat al-Nusra", EntityKind::ArmedGroup, "Jabhat al-Nusra terrorists"),
        )
        .text(&filler("gov"))
        .build();
    let result = link(&[jets, mortars]);
    assert_eq!(
        result.events.len(),
        1,
        "air strike and shelling reports of one incident"
    );
    let actor: Vec<_> = result
        .contradictions
        .iter()
        .filter(|c| c.field == ContradictionField::Actor)
        .collect();
    assert_eq!(actor.len(), 1);
    let values: Vec<&str> = actor[0].claims.iter().map(|r| r.value.as_str()).collect();
    assert!(
        values.contains(&"Syrian Government") && values.contains(&"Jabhat al-Nusra"),
        "{values:?}"
    );
}

#[test]
fn the_air_force_and_the_government_are_one_perpetrator() {
    let a = dated_strike("a", "Levant Wire", "2016-10-16", "on Sunday", "2016-10-16");
    let b = article("b", "Bosphorus Daily", "2016-10-17")
        .claim(
            claim(
                "Syrian warplanes struck the market in Maarat al-Numan on Sunday, Turkey said.",
                EventType::Airstrike,
                "struck",
            )
            .place("sy/idlib/maarat", "Maarat al-Numan")
            .on("on Sunday", "2016-10-16")
            .by(
                "Syrian Arab Air Force",
                EntityKind::StateForce,
                "Syrian warplanes",
            )
            .said_by("Turkish Foreign Ministry", SourceKind::Official),
        )
        .text(&filler("b"))
        .build();
    let result = link(&[a, b]);
    assert!(
        result.contradictions.is_empty(),
        "{:?}",
        result.contradictions
    );
    let actor = result
        .corroborations
        .iter()
        .find(|c| c.field == ContradictionField::Actor)
        .expect("actor corroborated");
    assert_eq!(actor.value, "Syrian Government");
    assert_eq!(actor.independent_sources, 2);
}

#[test]
fn a_denial_conflicts_with_an_accusation() {
    let accusation = dated_strike(
        "acc",
        "Free Idlib Post",
        "2016-10-16",
        "on Sunday",
        "2016-10-16",
    );
    let denial = article("den", "Eurasia Today Agency", "2016-10-17")
        .claim(
            claim(
                "The Syrian army denied that its aircraft struck the market in Maarat al-Numan on Sunday.",
                EventType::Airstrike,
                "struck",
            )
            .place("sy/idlib/maarat", "Maarat al-Numan")
            .on("on Sunday", "2016-10-16")
            .by("Syrian Arab Air Force", EntityKind::StateForce, "its aircraft")
            .denied()
            .said_by("Syrian Defence Ministry", SourceKind::Official),
        )
        .text(&filler("den"))
        .build();
    let result = link(&[accusation, denial]);
    assert_eq!(result.events.len(), 1);
    let c = result
        .contradictions
        .iter()
        .find(|c| c.field == ContradictionField::Actor)
        .expect("an actor contradiction");
    let values: Vec<&str> = c.claims.iter().map(|r| r.value.as_str()).collect();
    assert_eq!(values, ["Syrian Government", "Syrian Government (denied)"]);
}

#[test]
fn denying_one_party_is_consistent_with_blaming_another() {
    let accusation = dated_strike(
        "acc",
        "Free Idlib Post",
        "2016-10-16",
        "on Sunday",
        "2016-10-16",
    );
    let denial = article("ru", "Eurasia Today Agency", "2016-10-17")
        .claim(
            claim(
                "Russia denied its jets flew over Maarat al-Numan on Sunday.",
                EventType::Airstrike,
                "jets",
            )
            .place("sy/idlib/maarat", "Maarat al-Numan")
            .on("on Sunday", "2016-10-16")
            .by("Russian Armed Forces", EntityKind::StateForce, "its jets")
            .denied(),
        )
        .text(&filler("ru"))
        .build();
    let result = link(&[accusation, denial]);
    assert!(
        result.contradictions.is_empty(),
        "{:?}",
        result.contradictions
    );
}

#[test]
fn two_sources_in_one_article_disagreeing_yields_a_contradiction() {
    let both = article("both", "Levant Wire", "2016-10-17")
        .claim(
            claim(
                "The air strikes on Maarat al-Numan on Sunday killed 41 people, the Syrian Monitor for Human Rights said.",
                EventType::Airstrike,
                "air strikes",
            )
            .place("sy/idlib/maarat", "Maarat al-Numan")
            .on("on Sunday", "2016-10-16")
            .killed("41 people", 41, Some(41))
            .said_by("Syrian Monitor for Human Rights", SourceKind::Monitor),
        )
        .claim(
            claim(
                "State media said 12 civilians were killed by terrorist mortar fire.",
                EventType::Shelling,
                "mortar fire",
            )
            .killed_as("12 civilians", 12, Some(12), CasualtyCategory::Civilians)
            .by("Terrorists", EntityKind::ArmedGroup, "terrorist")
            .said_by("State media", SourceKind::Media),
        )
        .text(&filler("both"))
        .build();
    let result = link(&[both]);
    assert_eq!(result.events.len(), 1, "{:?}", result.events);
    let c = result
        .contradictions
        .iter()
        .find(|c| c.field == ContradictionField::Killed)
        .expect("the two figures conflict");
    assert!(c.claims.iter().all(|r| r.article == "both"));
    // Sides are listed by value: the lower figure first.
    let who: Vec<(&str, &str)> = c
        .claims
        .iter()
        .map(|r| (r.value.as_str(), r.attribution[0].as_str()))
        .collect();
    assert_eq!(
        who,
        [
            ("12", "State media"),
            ("41", "Syrian Monitor for Human Rights")
        ]
    );
}

fn corpus() -> Vec<Article> {
    let mut v = vec![
        market_strike(
            "a1",
            "Levant Wire",
            "2016-10-16",
            ("at least 35 people", 35, None),
        ),
        market_strike(
            "a3",
            "Homeland Gazette",
            "2016-10-17",
            ("12 people", 12, Some(12)),
        ),
        market_strike(
            "a4",
            "Free Idlib Post",
            "2016-10-18",
            ("41 people", 41, Some(41)),
        ),
        dated_strike(
            "p1",
            "Bosphorus Daily",
            "2016-10-17",
            "on Sunday",
            "2016-10-16",
        ),
        dated_strike("a5", "Idlib Voice", "2016-10-18", "on Monday", "2016-10-17"),
        dated_strike(
            "k1",
            "Levant Wire",
            "2016-10-20",
            "on Thursday",
            "2016-10-20",
        ),
    ];
    let (mut copy, text) = market_strike(
        "a1",
        "The Crescent Review",
        "2016-10-17",
        ("at least 35 people", 35, None),
    );
    copy.id = "a2".to_string();
    for c in &mut copy.claims {
        c.id = c.id.replace("a1/", "a2/");
    }
    v.push((copy, text));
    v
}

#[test]
fn folder_vs_file_by_file_gives_the_same_events() {
    let articles = corpus();
    let at_once = link(&articles);
    assert!(!at_once.events.is_empty());
    assert!(!at_once.contradictions.is_empty());
    assert_eq!(at_once.groups.len(), 1);

    // One file at a time, newest first, with the state saved and restored between
    // runs as a store would keep it.
    let mut state = serde_json::to_string(&Linker::default()).expect("serialise");
    for (a, text) in articles.iter().rev() {
        let mut linker: Linker = serde_json::from_str(&state).expect("deserialise");
        linker.add(LinkInput { article: a, text }, &World);
        state = serde_json::to_string(&linker).expect("serialise");
    }
    let linker: Linker = serde_json::from_str(&state).expect("deserialise");
    assert_eq!(linker.link(), at_once);

    // Any other order, and adding an article twice, change nothing.
    let mut linker = Linker::default();
    for k in [3, 0, 5, 1, 6, 2, 4, 0, 3] {
        let (a, text) = &articles[k];
        linker.add(LinkInput { article: a, text }, &World);
    }
    assert_eq!(linker.link(), at_once);
}

#[test]
fn an_article_that_only_relays_another_outlet_joins_its_group() {
    let original = article("ah", "Anatolian Horizon", "2018-02-08")
        .claim(
            claim(
                "A car bomb killed 18 people at a checkpoint in al-Bab on Thursday, security officials said.",
                EventType::Bombing,
                "car bomb",
            )
            .place("sy/aleppo/city", "al-Bab")
            .on("on Thursday", "2018-02-08")
            .killed("18 people", 18, Some(18))
            .said_by("security officials", SourceKind::Official),
        )
        .text(&filler("ah"))
        .build();
    let relay = article("digest", "Levant News Digest", "2018-02-09")
        .claim(
            claim(
                "A car bomb killed 18 people in al-Bab on Thursday, Turkish news outlet Anatolian Horizon reported.",
                EventType::Bombing,
                "car bomb",
            )
            .place("sy/aleppo/city", "al-Bab")
            .on("on Thursday", "2018-02-08")
            .killed("18 people", 18, Some(18))
            .said_by("Turkish news outlet Anatolian Horizon", SourceKind::Media),
        )
        .claim(
            claim(
                "Eleven of the dead were civilians, the outlet said.",
                EventType::Bombing,
                "dead",
            )
            .killed_as("Eleven", 11, Some(11), CasualtyCategory::Civilians)
            .said_by("the outlet", SourceKind::Media),
        )
        .text(&filler("digest"))
        .build();
    let result = link(&[original, relay]);
    assert_eq!(result.groups.len(), 1, "{:?}", result.groups);
    assert_eq!(result.groups[0].articles, ["ah", "digest"]);
    // "18" twice, from one source.
    assert!(result
        .corroborations
        .iter()
        .all(|c| c.field != ContradictionField::Killed));
    assert_eq!(result.status("digest/c1"), Some(ClaimStatus::SingleSource));
}

#[test]
fn a_claim_that_names_no_place_joins_the_event_its_article_is_about() {
    let funeral = article("funeral", "The Jasmine Herald", "2018-02-08")
        .claim(
            claim(
                "Mourners buried two nurses in Saraqib, where the hospital was destroyed.",
                EventType::Airstrike,
                "destroyed",
            )
            .place("sy/idlib/maarat", "Saraqib"),
        )
        .claim(
            claim(
                "The strike on Monday killed 41 people, hospital records show.",
                EventType::Airstrike,
                "strike",
            )
            .on("on Monday", "2016-10-17")
            .killed("41 people", 41, Some(41)),
        )
        .text(&filler("funeral"))
        .build();
    let (mut funeral, text) = funeral;
    funeral.published = Some(day("2016-10-19"));
    let wire = dated_strike(
        "wire",
        "Levant Wire",
        "2016-10-17",
        "on Monday",
        "2016-10-17",
    );
    let result = link(&[wire, (funeral, text)]);
    let event = result.event_of("wire/c1").expect("an event");
    assert!(
        event.claims.contains(&"funeral/c2".to_string()),
        "{:?}",
        result.events
    );
}

#[test]
fn a_saved_state_links_new_articles_as_if_nothing_had_been_saved() {
    let ministry = market_strike(
        "m1",
        "State News",
        "2016-10-16",
        ("35 people", 35, Some(35)),
    );
    let monitor = market_strike("o1", "Levant Wire", "2016-10-17", ("at least 50", 50, None));
    let mut first = Linker::default();
    first.add(
        LinkInput {
            article: &ministry.0,
            text: &ministry.1,
        },
        &World,
    );
    let state = first.to_state();
    assert!(state.starts_with(crosscheck_link::STATE_MAGIC));
    let legacy_json = serde_json::to_vec(&first).unwrap();

    let expected = link(&[ministry, monitor.clone()]);
    assert_eq!(killed_contradictions(&expected), 1);
    for saved in [state, legacy_json] {
        let mut resumed = Linker::from_state(&saved).unwrap();
        resumed.add(
            LinkInput {
                article: &monitor.0,
                text: &monitor.1,
            },
            &World,
        );
        assert_eq!(resumed.link(), expected);
    }
    assert!(Linker::from_state(b"not a state").is_err());
    assert!(Linker::from_state(&crosscheck_link::STATE_MAGIC[..]).is_err());
}

/// "has killed dozens since 2016" is a running total, not a rival figure for Sunday's
/// strike: the 12 of the strike stands uncontested.
#[test]
fn a_running_total_is_not_a_rival_toll() {
    let strike = market_strike(
        "strike",
        "Levant Wire",
        "2016-10-17",
        ("12 people", 12, Some(12)),
    );
    let total = article("total", "Free Idlib Post", "2016-10-17")
        .claim(
            claim(
                "Air strikes have killed dozens of people in Maarat al-Numan since 2016.",
                EventType::Airstrike,
                "Air strikes",
            )
            .place("sy/idlib/maarat", "Maarat al-Numan")
            .killed("dozens of people", 24, Some(99))
            .running_total(),
        )
        .text(&filler("total"))
        .build();
    let result = link(&[strike.clone(), total.clone()]);
    assert_eq!(
        killed_contradictions(&result),
        0,
        "{:?}",
        result.contradictions
    );
    // The same sentence without the mark contradicts the strike's toll: the mark is
    // what keeps them apart.
    let mut plain = total;
    for c in &mut plain.0.claims {
        if let Some(k) = c.event.as_mut().and_then(|e| e.killed.as_mut()) {
            k.cumulative = false;
        }
    }
    assert_eq!(killed_contradictions(&link(&[strike, plain])), 1);
}

/// "A suicide bomber" names no group: it does not contradict the group that claimed
/// the bombing.
#[test]
fn an_unnamed_attacker_does_not_contradict_the_group_named() {
    let bombing = |id: &str, outlet: &str, sentence: &str, name: &str, kind, words: &str| {
        article(id, outlet, "2016-10-17")
            .claim(
                claim(sentence, EventType::Bombing, "blew himself up")
                    .place("sy/idlib/maarat", "Maarat al-Numan")
                    .on("on Sunday", "2016-10-16")
                    .by(name, kind, words),
            )
            .text(&filler(id))
            .build()
    };
    let unnamed = bombing(
        "a",
        "Levant Wire",
        "A suicide bomber blew himself up at the market in Maarat al-Numan on Sunday.",
        crosscheck_schema::UNNAMED_ATTACKER,
        EntityKind::Person,
        "A suicide bomber",
    );
    let named = bombing(
        "b",
        "Free Idlib Post",
        "An Islamic State suicide bomber blew himself up at the market in Maarat al-Numan on Sunday.",
        "Islamic State",
        EntityKind::ArmedGroup,
        "Islamic State",
    );
    let result = link(&[unnamed, named]);
    assert_eq!(result.events.len(), 1);
    assert!(
        !result
            .contradictions
            .iter()
            .any(|c| c.field == ContradictionField::Actor),
        "{:?}",
        result.contradictions
    );
}
