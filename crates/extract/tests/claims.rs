//! The extractor on sentences written the way conflict news writes them: every casualty
//! wording of the taxonomy's range table, the numbers that are never casualty counts,
//! attribution chains, hedges, quotes, denials, toll updates and relative dates.

use chrono::{Datelike, NaiveDate};
use crosscheck_extract::{ArticleContext, Extractor};
use crosscheck_schema::{
    Casualties, CasualtyCategory, Claim, DatePrecision, DateValue, EventFrame, EventType,
    SourceKind, Span,
};
use crosscheck_segment::Segmenter;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn claims_on(text: &str, published: Option<NaiveDate>) -> Vec<Claim> {
    let sentences = Segmenter::new().sentences(text, Span::new(0, text.len()));
    let ctx = ArticleContext {
        text,
        sentences: &sentences,
        published,
        title: None,
        outlet: None,
    };
    let all = vec![1.0; sentences.len()];
    Extractor::new().claims(&ctx, Some(&all))
}

/// The only claim of a one-sentence text.
fn claim(text: &str) -> Claim {
    let mut c = claims_on(text, Some(date(2016, 10, 18)));
    assert_eq!(c.len(), 1, "{text}");
    c.remove(0)
}

/// (min, max, category) of the killed count.
fn killed(text: &str) -> Option<(u32, Option<u32>, CasualtyCategory)> {
    let c = claim(text);
    c.event
        .and_then(|e| e.killed)
        .map(|k| (k.min, k.max, k.category))
}

fn injured(text: &str) -> Option<(u32, Option<u32>, CasualtyCategory)> {
    let c = claim(text);
    c.event
        .and_then(|e| e.injured)
        .map(|k| (k.min, k.max, k.category))
}

use CasualtyCategory::*;

#[test]
fn casualty_wordings_of_the_range_table() {
    assert_eq!(
        killed("The shelling killed 35 people in the town."),
        Some((35, Some(35), People))
    );
    assert_eq!(
        killed("Thirty-five civilians were killed in the raid."),
        Some((35, Some(35), Civilians))
    );
    assert_eq!(
        killed("Forty-three ISIS terrorists were killed near al-Mayadin."),
        Some((43, Some(43), Militants))
    );
    assert_eq!(
        killed("Air strikes killed at least 45 people in Aleppo."),
        Some((45, None, People))
    );
    assert_eq!(
        killed("No fewer than 45 fighters died in the clashes."),
        Some((45, None, Fighters))
    );
    assert_eq!(
        killed("The blast killed more than 300 people."),
        Some((301, None, People))
    );
    assert_eq!(
        killed("Shelling killed over 300 civilians last year."),
        Some((301, None, Civilians))
    );
    assert_eq!(
        killed("Up to 20 soldiers were killed in the ambush."),
        Some((1, Some(20), Soldiers))
    );
    assert_eq!(
        killed("As many as 20 people died when the building collapsed."),
        Some((1, Some(20), People))
    );
    assert_eq!(
        killed("Nearly 50 people were killed in the car bomb attack."),
        Some((40, Some(49), People))
    );
    assert_eq!(
        killed("About 50 rebels were killed in the offensive."),
        Some((45, Some(55), Fighters))
    );
    assert_eq!(
        killed("Some 120 ISIS fighters were killed in Russian air strikes."),
        Some((108, Some(132), Fighters))
    );
    assert_eq!(
        killed("The strikes killed between 200 and 300 civilians."),
        Some((200, Some(300), Civilians))
    );
    assert_eq!(
        killed("The bombardment killed 200-300 people."),
        Some((200, Some(300), People))
    );
    assert_eq!(
        killed("Dozens of civilians were killed in the market."),
        Some((24, Some(99), Civilians))
    );
    assert_eq!(
        killed("The army said it killed scores of terrorists."),
        Some((40, Some(99), Militants))
    );
    assert_eq!(
        killed("Hundreds of people have died in the siege."),
        Some((200, Some(999), People))
    );
    assert_eq!(
        killed("A dozen children were killed in the strike on the school."),
        Some((12, Some(12), Children))
    );
    assert_eq!(
        killed("Two dozen soldiers were killed in the attack."),
        Some((24, Some(24), Soldiers))
    );
    assert_eq!(
        killed("Several medics were killed when the hospital was hit."),
        Some((3, Some(9), Medics))
    );
    assert_eq!(
        killed("Mortar fire killed a child in the old city."),
        Some((1, Some(1), Children))
    );
    assert_eq!(
        killed("The explosion killed one policeman at the checkpoint."),
        Some((1, Some(1), Police))
    );
    assert_eq!(
        killed("Syria's conflict has killed more than 230000 people."),
        Some((230_001, None, People))
    );
    assert_eq!(
        killed("Fifty-one dead and over 100 wounded in the attack."),
        Some((51, Some(51), People))
    );
}

#[test]
fn totals_after_parts_bodies_and_deaths_of() {
    // Hard case 17: the total after "were among" is the count, the part before is not.
    assert_eq!(
        killed(
            "Two medics were among at least 31 people killed on Saturday in government shelling."
        ),
        Some((31, None, People))
    );
    // A second clause's verb after "including ... and" does not take the count.
    assert_eq!(
        killed("Rebel bombardment has killed 38 civilians including 14 children and wounded another 250."),
        Some((38, Some(38), Civilians))
    );
    assert_eq!(
        killed("The Damascus Media Office said 150 bodies were counted in Hammouriya."),
        Some((150, Some(150), People))
    );
    assert_eq!(
        killed("The Coalition cited the death of 35 civilians in barrel bomb attacks."),
        Some((35, Some(35), Civilians))
    );
    assert_eq!(
        killed("A Russian helicopter was shot down near Saraqeb killing all five people on board."),
        Some((5, Some(5), People))
    );
    // FNC-1 bodies: a named death by a possessive execution noun, and fighters "with"
    // their group.
    assert_eq!(
        killed("ISIS took credit for Foley's beheading in a video released online."),
        Some((1, Some(1), People))
    );
    assert_eq!(
        killed("It said 481 fighters with the Islamic State group have been killed since the battles began."),
        Some((481, Some(481), Fighters))
    );
}

#[test]
fn injured_counts_are_kept_apart_from_the_dead() {
    let c = claim("Air strikes hit the market, killing at least 35 people and wounding more than 60, a war monitor said.");
    let e = c.event.expect("event");
    assert_eq!(e.killed.map(|k| (k.min, k.max)), Some((35, None)));
    assert_eq!(e.injured.map(|k| (k.min, k.max)), Some((61, None)));
    assert_eq!(
        injured(
            "Two people have been killed and 10 other people have been injured in the shelling."
        ),
        Some((10, Some(10), People))
    );
    // "18 more" are more people, as most gold sets read it.
    assert_eq!(
        injured("Over 10 civilians were killed and 18 more wounded in the raids."),
        Some((18, Some(18), People))
    );
    assert_eq!(
        injured("Dozens of people were killed and hundreds were injured on Sunday."),
        Some((200, Some(999), People))
    );
}

#[test]
fn numbers_that_are_never_casualty_counts() {
    for text in [
        "More than 300 displaced families have reached makeshift camps after the shelling.",
        "Israeli jets fired four missiles at a convoy near the border.",
        "Fighters of the 47th Brigade attacked the village in 2014.",
        "The army destroyed 12 tanks and four vehicles in the offensive.",
        "The town lies 12 kilometres from the front, where three million refugees live.",
        "The attack happened at 6 pm on October 2 at 17 rue Pelleport.",
    ] {
        let c = claim(text);
        let e = c.event.expect(text);
        assert_eq!(e.killed, None, "{text}");
        assert_eq!(e.injured, None, "{text}");
    }
    // A sub-count is part of the count before it.
    assert_eq!(
        killed("At least 87 people including 31 children died in the gas attack."),
        Some((87, None, People))
    );
    // An age between commas is not a victim count.
    let c = claim("Police say Paddock, 64, opened fire on the crowd, killing 58 people.");
    assert_eq!(c.event.and_then(|e| e.killed).map(|k| k.min), Some(58));
}

#[test]
fn toll_updates_are_marked() {
    let c = claim("The death toll from the market strike rose to 41, including 11 children, the monitor said.");
    let k = c.event.and_then(|e| e.killed).expect("killed");
    assert_eq!((k.min, k.max, k.update), (41, Some(41), true));
    let c = claim("The monitor said at least 35 people were killed in the strikes.");
    assert!(!c.event.and_then(|e| e.killed).expect("killed").update);
}

#[test]
fn denials_are_marked() {
    let c = claim("Syria's defence ministry denied its aircraft were involved, calling the reports fabricated.");
    assert!(c.event.expect("event").denied);
    let c = claim("A spokesman for Hayat Tahrir al-Sham denied that the group had fired any rockets at al-Hader.");
    let e = c.event.expect("event");
    assert!(e.denied);
    assert_eq!(e.event_type, EventType::Shelling);
    let c = claim("Russia's defence ministry said none of its aircraft had flown over the area.");
    assert!(c.event.expect("event").denied);
    let c = claim("Government forces shelled the village, killing nine civilians.");
    assert!(!c.event.expect("event").denied);
}

#[test]
fn the_city_is_the_city_named_before() {
    let text = "Government forces shelled Aleppo on Monday, the Damascus Star Agency reported. Three people were killed in the city. A car bomb exploded in the town.";
    let places: Vec<Option<(String, String)>> = claims_on(text, None)
        .into_iter()
        .map(|c| c.event.and_then(|e| e.place).map(|p| (p.text, p.name)))
        .collect();
    assert_eq!(places[1], Some(("the city".into(), "Aleppo".into())));
    // "the town" may stand for a city; "Damascus" here only names an outlet.
    assert_eq!(places[2], Some(("the town".into(), "Aleppo".into())));

    let text = "Rebels shelled Aleppo on Monday. More than 10 million people have been displaced across the war-battered country.";
    let place = claims_on(text, None)
        .pop()
        .and_then(|c| c.event)
        .and_then(|e| e.place)
        .map(|p| (p.text, p.name));
    assert_eq!(
        place,
        Some(("the war-battered country".into(), "Syria".into()))
    );

    // A district is the neighbourhood named before, a suburb the region.
    let text = "Regime forces shelled al-Waer in Homs on Monday. Two civilians were killed in the besieged district. Jets struck Eastern Ghouta. Twelve people were killed in the besieged suburb.";
    let places: Vec<Option<String>> = claims_on(text, None)
        .into_iter()
        .map(|c| c.event.and_then(|e| e.place).map(|p| p.name))
        .collect();
    assert_eq!(places[1].as_deref(), Some("al-Waer"));
    assert_eq!(places[3].as_deref(), Some("Eastern Ghouta"));
}

/// "northwest Syria", "north-east Syria": a compass point locates the country.
#[test]
fn a_country_with_a_compass_point_is_a_place() {
    for text in [
        "Jets struck a wedding in northwest Syria killing 32 people.",
        "Jets struck a wedding in north-east Syria killing 32 people.",
    ] {
        let place = claim(text).event.and_then(|e| e.place).map(|p| p.name);
        assert_eq!(place.as_deref(), Some("Syria"), "{text}");
    }
}

#[test]
fn claimed_lives_are_a_toll_not_a_claim() {
    let c = claim("The highest number of dead were in Qaterji where Russian raids claimed 17 lives overnight said Observatory head Rami Abdel Rahman.");
    let names: Vec<String> = c.attribution.chain.iter().map(|s| s.name.clone()).collect();
    assert_eq!(names, ["Rami Abdel Rahman"]);
    assert_eq!(
        c.event.and_then(|e| e.actor).map(|a| a.name).as_deref(),
        Some("Russian Armed Forces")
    );
}

#[test]
fn a_part_of_a_toll_is_marked() {
    let text = "A car bomb killed 18 people at a checkpoint in al-Bab on Thursday. Eleven of the dead were civilians, the outlet said.";
    let killed: Vec<(u32, bool)> = claims_on(text, None)
        .into_iter()
        .filter_map(|c| c.event.and_then(|e| e.killed))
        .map(|k| (k.min, k.part))
        .collect();
    assert_eq!(killed, [(18, false), (11, true)]);
}

#[test]
fn denials_of_aircraft_and_of_reports() {
    for t in [
        "No Russian aircraft were reported over the town at that time.",
        "According to the centre's data, neither Russian nor Syrian aircraft flew over the Homs de-escalation zone that day.",
        "The centre described reports of a Syrian air strike on the town of Talbiseh on Tuesday as false.",
        "The statement stressed that the Syrian Arab Army does not possess chemical weapons of any kind and has never used them.",
    ] {
        assert!(claim(t).event.expect("event").denied, "{t}");
    }
    // "neither ... nor" without aircraft denies nothing.
    let c = claim("Al-Baghdadi was critically wounded in the attack, but neither US nor Iraqi officials were able to provide further details.");
    assert!(!c.event.expect("event").denied);
}

#[test]
fn a_denial_in_a_relative_clause_belongs_to_its_head() {
    // The state media deny the reports; the staging they accuse militants of is not denied.
    let c = claim("State media, which called the reports fabricated, said militants had staged the scene on Monday morning in order to blame the army.");
    let e = c.event.expect("event");
    assert!(!e.denied);
    assert_eq!(e.actor.expect("actor").name, "Syrian Opposition");
}

fn chain(c: &Claim, text: &str) -> Vec<String> {
    c.attribution
        .chain
        .iter()
        .map(|s| Span::new(s.start, s.end).slice(text).to_string())
        .collect()
}

#[test]
fn attribution_chains() {
    let t = "Air strikes killed 20 civilians in Raqqa on Saturday, SANA news agency reported citing a local source.";
    assert_eq!(chain(&claim(t), t), ["SANA news agency", "a local source"]);

    let t = "A Syrian military source quoted by state media denied that the army had targeted civilians.";
    assert_eq!(
        chain(&claim(t), t),
        ["state media", "A Syrian military source"]
    );

    let t = "A mortar hit the central square killing one policeman a security source told AFP.";
    assert_eq!(chain(&claim(t), t), ["AFP", "a security source"]);

    let t = "At least 45 people have been killed in Aleppo according to monitors.";
    assert_eq!(chain(&claim(t), t), ["monitors"]);

    let t = "Four civilians were killed in rebel shelling on Sunday, the Syrian Observatory for Human Rights said.";
    let c = claim(t);
    assert_eq!(chain(&c, t), ["the Syrian Observatory for Human Rights"]);
    assert!(!c.attribution.hedged);

    let t =
        "Four civilians were killed on Sunday a Britain-based monitor and a medical source said.";
    assert_eq!(
        chain(&claim(t), t),
        ["a Britain-based monitor", "a medical source"]
    );

    // Text that lost its commas: the known source closing the sentence after "said"
    // speaks, not the village before the verb.
    let t = "Five people were killed when helicopters dropped a barrel bomb on the village of Taduf said the Syrian Observatory for Human Rights.";
    assert_eq!(
        chain(&claim(t), t),
        ["the Syrian Observatory for Human Rights"]
    );
    // A name governed by a preposition ("the sect of President Bashar al-Assad") is no
    // subject: the named speaker after the verb speaks, also a bare surname.
    let t = "\"Ten people were killed and 22 wounded in a car bomb attack on a collective taxi stand in Zahraa\" a district inhabited by Alawites the Shiite sect of President Bashar al-Assad said Talal al-Barazi.";
    assert_eq!(chain(&claim(t), t), ["Talal al-Barazi"]);
    let t = "A second car bomb exploded in another district of the city wounding three people but without causing more deaths said Barazi.";
    assert_eq!(chain(&claim(t), t), ["Barazi"]);
    // But "SANA confirmed the report": the speaker before the verb stays.
    let t = "State news agency SANA confirmed the report of 12 people killed in Homs.";
    assert_eq!(chain(&claim(t), t), ["State news agency SANA"]);

    let t = "A source at Aleppo province said that seven civilians were killed in a rocket attack.";
    assert_eq!(chain(&claim(t), t), ["A source at Aleppo province"]);

    // The wire a speaker talked to carries the words.
    let t = "Speaking to AFP Observatory director Rami Abdel Rahman said nine of those killed had been identified as civilians.";
    assert_eq!(
        chain(&claim(t), t),
        ["AFP", "Observatory director Rami Abdel Rahman"]
    );
    // International outlets carry the words too (FNC-1 bodies): "told the Mail",
    // "told BuzzFeed".
    let t = "He and others were treated at the hospital and then driven to Syria, a nurse told the Mail.";
    assert_eq!(chain(&claim(t), t), ["the Mail", "a nurse"]);
    let t = "A Syrian rebel told BuzzFeed that an ISIS leader approached him about the sale.";
    assert_eq!(chain(&claim(t), t), ["BuzzFeed", "A Syrian rebel"]);
    // A place governed by a preposition before "said" is no speaker: the subject before
    // the relative clause is.
    let t = "The Observatory which relies on a network of contacts inside Syria said that 213 civilians have been killed by airstrikes.";
    assert_eq!(chain(&claim(t), t), ["The Observatory"]);
    // ... also when nothing stands right before the verb.
    let t = "The Idlib Media Center which publishes news on developments in the province said a hospital was hit in the raid and that at least six people had been killed.";
    assert_eq!(chain(&claim(t), t), ["The Idlib Media Center"]);
    let t = "More than 300 shells hit western neighborhoods in Aleppo killing five people and wounding dozens more observers said.";
    assert_eq!(chain(&claim(t), t), ["observers"]);
    // Coordinated speakers, each in order: a party and a party, a name and "the" source.
    let t = "Assads regime and Russia have accused rebels of using toxic gas in the attack on Khan al-Assal.";
    assert_eq!(chain(&claim(t), t), ["Assads regime", "Russia"]);
    let t = "The Local Coordination Committees and the observatory said government troops used chlorine gas on Tuesday.";
    assert_eq!(
        chain(&claim(t), t),
        ["The Local Coordination Committees", "the observatory"]
    );
    let t = "After long denying it, the French foreign ministry confirmed to The Telegraph that five people were killed in the attack.";
    assert_eq!(
        chain(&claim(t), t),
        ["The Telegraph", "the French foreign ministry"]
    );
    let t = "In an interview with the BBC, Foreign Secretary Philip Hammond said five people were killed in the attack.";
    assert_eq!(
        chain(&claim(t), t),
        ["the BBC", "Foreign Secretary Philip Hammond"]
    );
    let t = "The grooms father and brother were killed in the attack a relative told AFP.";
    let c = claim(t);
    assert_eq!(chain(&c, t), ["AFP", "a relative"]);
    // ... and the speaker is not what the attack hit.
    assert_eq!(c.event.and_then(|e| e.target), None);

    // "put the death toll at", "indicated", documents and denials.
    let t = "The Britain-based Syrian Observatory for Human Rights monitoring group put the death toll at 58.";
    assert_eq!(
        chain(&claim(t), t),
        ["The Britain-based Syrian Observatory for Human Rights monitoring group"]
    );
    let t = "Court documents show Patel began saying in late 2016 that he did not support the Islamic State.";
    assert_eq!(chain(&claim(t), t), ["Court documents"]);
    let t = "Assads government has always denied responsibility for that attack.";
    assert_eq!(chain(&claim(t), t), ["Assads government"]);
}

#[test]
fn own_voice_and_hedges() {
    let t =
        "Government forces shelled the village of Mahkan on Tuesday night, killing nine civilians.";
    let c = claim(t);
    assert!(c.attribution.is_own_voice());
    assert!(!c.attribution.hedged);

    let t = "Syrian bombers pounded the town, reportedly killing at least 19 terrorists.";
    let c = claim(t);
    assert!(c.attribution.is_own_voice());
    assert!(c.attribution.hedged);
    assert_eq!(
        Span::new(c.attribution.hedges[0].start, c.attribution.hedges[0].end).slice(t),
        "reportedly"
    );

    for t in [
        "The fighting could not be independently verified.",
        "The group allegedly executed 40 prisoners.",
        "Unconfirmed reports said a helicopter dropped barrel bombs on the town.",
    ] {
        assert!(claim(t).attribution.hedged, "{t}");
    }
}

/// Rumour reporting hedges in more ways than "reportedly": a source that cannot
/// confirm, a modal of possibility, "appears to", an agentless "was reported",
/// "purports to", "thought to". These sentences of FNC-1 bodies were all missed.
#[test]
fn rumour_hedges() {
    for (t, hedge) in [
        (
            "General Houghton told the BBC: \u{201C}I can\u{2019}t absolutely confirm that Baghdadi has died.",
            "can\u{2019}t absolutely confirm",
        ),
        (
            "U.S. officials said on Tuesday they could not confirm whether Baghdadi was hit in a strike near Falluja in Iraq.",
            "could not confirm",
        ),
        (
            "An Internet video purports to show the beheading of US reporter Steven Sotloff by the Islamic State extremist group.",
            "purports",
        ),
        (
            "A new video appears to show the execution of Steven Sotloff, the second American killed by ISIS.",
            "appears to",
        ),
        (
            "Moscow has said rebels may have released gas to discredit Assad.",
            "may have",
        ),
        (
            "Artillery shelling was also reported to the south of the city.",
            "was also reported",
        ),
        (
            "The joint US and Iraqi airstrikes are thought to have taken place last Saturday on an area close to the Syrian border.",
            "thought to",
        ),
    ] {
        let c = claim(t);
        assert!(c.attribution.hedged, "{t}");
        let found: Vec<&str> = c
            .attribution
            .hedges
            .iter()
            .map(|h| Span::new(h.start, h.end).slice(t))
            .collect();
        assert!(found.contains(&hedge), "{t}: {found:?}");
    }
    // A source named as the reporter is attribution, not a hedge.
    let t = "Al Arabiya reported that jets struck the town of Saraqeb, killing 12 people.";
    assert!(!claim(t).attribution.hedged);
}

#[test]
fn quotes_belong_to_their_speaker() {
    // The speaker after the quote, in the same sentence.
    let t = "\u{201C}I counted the bodies of eleven children with my own hands,\u{201D} said Mahmoud al-Sheikh, a volunteer.";
    let c = claim(t);
    assert!(c.attribution.quoted);
    assert_eq!(chain(&c, t), ["Mahmoud al-Sheikh"]);
    let k = c.event.and_then(|e| e.killed).expect("killed");
    assert_eq!((k.min, k.category), (11, Children));

    // An accusation inside a quote is the speaker's claim, named in the next sentence.
    let t =
        "\"The regime shelled the market again. They killed twelve people,\" the commander said.";
    let claims = claims_on(t, Some(date(2016, 10, 18)));
    let first = &claims[0];
    assert!(first.attribution.quoted);
    assert_eq!(chain(first, t), ["the commander"]);
    assert_eq!(
        first.event.as_ref().map(|e| e.event_type),
        Some(EventType::Shelling)
    );
    assert_eq!(chain(&claims[1], t), ["the commander"]);

    // A few words of the speaker's in quotation marks quote the speaker (the gold
    // sets mark such partial quotes quoted).
    let t = "State media said the army had \"repelled\" the attack near al-Mayadin.";
    assert!(claim(t).attribution.quoted);
    let t = "Alhakim also accused ISIS of being guilty of \u{201C}crimes of genocide\u{201D} as it targets ethnic groups.";
    assert!(claim(t).attribution.quoted);
    // A title in quotation marks quotes no one: the video is the source, and the
    // claim is no quotation.
    let t = "Islamic State released a video titled \"A Second Message to America\" showing the killing of a journalist.";
    let c = claim(t);
    assert_eq!(chain(&c, t), ["a video"]);
    assert!(!c.attribution.quoted);
    // Single quotation marks, paired; an apostrophe is none.
    let t = "'This is about psychopathic terrorists that are trying to kill us,' Cameron said.";
    assert!(claim(t).attribution.quoted);
    let t = "At the beginning of the last clashes Rehana left Kobane,' he said.";
    assert!(claim(t).attribution.quoted);
    let t = "The rebels' commander said the army shelled the town of Kafr Nabudah, killing four fighters.";
    assert!(!claim(t).attribution.quoted);
}

#[test]
fn pronoun_speakers_take_the_name_said_before() {
    let t = "Maj. Gen. Igor Petrenko said no Russian aircraft flew over the town. He said the damage was typical of an explosion at an ammunition depot.";
    let claims = claims_on(t, Some(date(2016, 10, 17)));
    let second = claims.iter().find(|c| c.start > 60).expect("second claim");
    assert_eq!(second.attribution.chain[0].kind, SourceKind::Person);
    assert_eq!(second.attribution.chain[0].name, "Maj. Gen. Igor Petrenko");
}

/// The event date of the first claim of `text`.
fn event_date(text: &str, published: Option<NaiveDate>) -> Option<DateValue> {
    claims_on(text, published)[0]
        .event
        .clone()
        .and_then(|e| e.date)
}

#[test]
fn relative_dates_resolve_against_publication() {
    let published = date(2017, 11, 16); // a Thursday
    let t = "Government shelling on Tuesday killed nine civilians in the village of Mahkan.";
    let d = event_date(t, Some(published)).expect("date");
    assert_eq!(
        (d.value, d.last, d.precision, d.relative),
        (
            date(2017, 11, 14),
            date(2017, 11, 14),
            DatePrecision::Day,
            true
        )
    );
    assert_eq!(d.expression, "Tuesday");

    let t = "Regime helicopters dropped barrel bombs on farmland last week, activists said.";
    let d = event_date(t, Some(published)).expect("date");
    assert_eq!(
        (d.value, d.last, d.precision),
        (date(2017, 11, 6), date(2017, 11, 12), DatePrecision::Week)
    );

    let t =
        "At least 45 people have been killed in Aleppo in the last 24 hours according to monitors.";
    let d = event_date(t, Some(published)).expect("date");
    assert_eq!((d.value, d.last), (date(2017, 11, 15), date(2017, 11, 16)));

    // When it was said is not when it happened.
    let t = "Five civilians were killed by regime bombs in eastern Ghouta, the observatory said on Thursday.";
    assert_eq!(event_date(t, Some(published)), None);
    // Nor when a date opens a reporting clause after a linking word or in a
    // published text, or when a text came out.
    for t in [
        "Also on Saturday Syrian state TV reported a bomb exploded aboard a bus near Homs killing a woman.",
        "In a Twitter post earlier this week a spokesman for Jaish al-Islam warned that airstrikes on Ghouta left 12 people killed.",
        "The rocket attack killed three people, the Coalition said in a statement issued on Wednesday.",
    ] {
        assert_eq!(
            event_date(t, Some(published)),
            None,
            "{t}"
        );
    }
    // The start of a war is not the date of its toll; a siege keeps its start.
    let t =
        "More than 320000 people have been killed in Syria since the conflict began in March 2011.";
    assert_eq!(event_date(t, Some(published)), None);
    let t = "Deir ez-Zor has been besieged by Daesh since March 2014.";
    let d = event_date(t, Some(published)).expect("date");
    assert_eq!(
        (d.value, d.precision),
        (date(2014, 3, 1), DatePrecision::Month)
    );
    // A bare year after "since" is a campaign total's start, except for a siege.
    let t = "About 400000 people live in Eastern Ghouta which has been under government siege since 2013.";
    let d = event_date(t, Some(published)).expect("date");
    assert_eq!((d.value, d.last), (date(2013, 1, 1), date(2013, 12, 31)));
    // "late September" is the month (docs/taxonomy.md).
    let t = "In late September government troops launched an assault on eastern Aleppo.";
    let d = event_date(t, Some(published)).expect("date");
    assert_eq!((d.value.day(), d.last.day()), (1, 30));
    // A date after publication is a plan or a deadline.
    let t = "More than 210000 people have died in the conflict which will enter its fifth year next month the Observatory said.";
    assert_eq!(event_date(t, Some(published)), None);
    // "the past week" is the 7 days ending on publication.
    let t = "Rebel shelling has killed dozens in the past week.";
    let d = event_date(t, Some(published)).expect("date");
    assert_eq!((d.last - d.value).num_days(), 6);
    assert_eq!(d.last, published);
    // "Wednesdays blast" (an apostrophe lost): the weekday, even after a reporting verb.
    let t = "The government blamed Saturdays attack in Homs on terrorists.";
    let d = event_date(t, Some(published)).expect("date");
    assert_eq!(d.value.weekday(), chrono::Weekday::Sat);
    // The start of the war, or of an offensive a toll runs since, is not the toll's date.
    let t = "The civil war which began with peaceful protests in 2011 has killed more than 280000 people.";
    assert_eq!(event_date(t, Some(published)), None);
    let t = "At least 123 civilians have been killed in the besieged suburb since the regime and Russian jets began an offensive nearly two weeks ago.";
    assert_eq!(event_date(t, Some(published)), None);
    let t = "Dozens of civilians have starved to death since ISIS tightened the siege on Deir Ezzor in early 2014.";
    assert_eq!(event_date(t, Some(published)), None);
    // The war's start a clause away from "began" (fresh9 #30, #49).
    for t in [
        "The war in Syria which began with the brutal repression of anti-government demonstrations in 2011 has killed more than 280000 people.",
        "More than 200000 people have died in the conflict which began with anti-government protests in March 2011.",
    ] {
        assert_eq!(event_date(t, Some(published)), None, "{t}");
    }
    // A toll counted since a month, or since a day weeks before publication, is a
    // campaign total (fresh9 #3, #4); a toll since a recent weekday keeps it.
    for t in [
        "Around 600 Syrians including 136 children have been killed in coalition air strikes since September 2014.",
        "More than 520 US airstrikes since 21 May have killed between 229 and 425 civilians overall.",
    ] {
        assert_eq!(event_date(t, Some(published)), None, "{t}");
    }
    // "the last 48 hours ... said on <weekday>": the hours run back from that day
    // (hard case 85; fresh7 #116, fresh2 #60).
    let t = "Over 100 terrorists have been killed in Russian air raids in Homs province in the last 48 hours military sources said on Tuesday.";
    let d = event_date(t, Some(published)).expect("date");
    assert_eq!((d.value, d.last), (date(2017, 11, 12), date(2017, 11, 14)));
    // Before an inverted report verb the date ends the event's clause (fresh6 #76).
    let t = "Russian jets pounded Aleppo early on Thursday said the Syrian Observatory for Human Rights (SOHR).";
    let d = event_date(t, Some(published)).expect("date");
    assert_eq!(d.value.weekday(), chrono::Weekday::Thu);
    // "todays shelling": a possessive that lost its apostrophe (fresh5 #125).
    let t = "As a result of todays shelling six people died.";
    let d = event_date(t, Some(published)).expect("date");
    assert_eq!(d.value, published);
    // A duration is not a date (fresh11 #42); an onslaught "since November 15" keeps its
    // start (fresh11 #67).
    let t = "The conflict in Syria has killed more than 280000 people over the past five years.";
    assert_eq!(event_date(t, Some(published)), None);
    let t = "Aleppo and its countryside have been subjected to ferocious onslaught by the Assad regime since November 15.";
    let d = event_date(t, Some(published)).expect("date");
    assert_eq!(d.value, date(2017, 11, 15));
    let t = "The group added that 19 insurgents have been killed since Monday in Zahra.";
    let d = event_date(t, Some(published)).expect("date");
    assert_eq!(d.value.weekday(), chrono::Weekday::Mon);
    // Without a publication date a weekday cannot be resolved.
    let t = "Government shelling on Tuesday killed nine civilians.";
    assert_eq!(event_date(t, None), None);
}

#[test]
fn event_types_and_parties() {
    let t = "Russian warplanes struck a market in the town of Maarat al-Numan, killing 12 people.";
    let e = claim(t).event.expect("event");
    assert_eq!(e.event_type, EventType::Airstrike);
    assert_eq!(
        e.actor.map(|a| a.name).as_deref(),
        Some("Russian Armed Forces")
    );
    assert_eq!(e.place.map(|p| p.name).as_deref(), Some("Maarat al-Numan"));
    let e = claim("Nusra Front members kidnapped a Christian priest in Idlib province.")
        .event
        .expect("event");
    assert_eq!(e.event_type, EventType::Arrest);
    let e = claim("Jabhat al-Nusra terrorists executed 40 gunmen for trying to surrender.")
        .event
        .expect("event");
    assert_eq!(e.event_type, EventType::Execution);
    let e = claim("A car bomb exploded near a checkpoint in Damascus, killing four people.")
        .event
        .expect("event");
    assert_eq!(e.event_type, EventType::Bombing);
    // An opinion has no event.
    let c = claims_on("Will the world stay silent again?", None);
    assert!(c.iter().all(|c| c.event.is_none()));
}

#[test]
fn scores_decide_sentences_without_an_event() {
    let text = "SANA confirmed the report. Air strikes killed 12 people in Idlib.";
    let sentences = Segmenter::new().sentences(text, Span::new(0, text.len()));
    let ctx = ArticleContext {
        text,
        sentences: &sentences,
        published: None,
        title: None,
        outlet: None,
    };
    let ex = Extractor::new();
    assert_eq!(ex.claims(&ctx, None).len(), 1);
    assert_eq!(ex.claims(&ctx, Some(&[0.9, 0.1])).len(), 2);
    assert_eq!(ex.claims(&ctx, Some(&[0.1, 0.1])).len(), 1);
    for c in ex.claims(&ctx, None) {
        assert!(c.id.is_empty());
    }
}

#[test]
fn fakes_header_is_not_part_of_the_first_claim() {
    let text = "Wed 05 Apr 2017 Air strikes kill 20 in Idlib. Air strikes killed at least 20 people in Idlib on Tuesday.";
    let sentences = Segmenter::new().sentences(text, Span::new(0, text.len()));
    let ctx = ArticleContext {
        text,
        sentences: &sentences,
        published: Some(date(2017, 4, 5)),
        title: Some("Air strikes kill 20 in Idlib"),
        outlet: None,
    };
    let claims = Extractor::new().claims(&ctx, None);
    let last = claims.last().expect("claim");
    assert_eq!(
        last.event
            .as_ref()
            .and_then(|e| e.date.as_ref())
            .map(|d| d.value),
        Some(date(2017, 4, 4))
    );
    for c in &claims {
        assert!(c.start >= 16, "the dateline is header, not claim");
    }
}

#[test]
fn a_place_inside_a_broadcasters_name_is_not_the_events_place() {
    let c = claim(
        "The governor confirmed deaths at the airbase in an interview with the Lebanese TV station al-Mayadeen.",
    );
    let place = c.event.and_then(|e| e.place).map(|p| p.name);
    assert_ne!(place.as_deref(), Some("al-Mayadin"));

    let c = claim("Shelling killed four people in al-Mayadin on Monday, Aleppo Today TV reported.");
    let place = c.event.and_then(|e| e.place).map(|p| p.name);
    assert_eq!(place.as_deref(), Some("al-Mayadin"));

    // Where the aircraft took off is not where they struck.
    let c = claim("Witnesses told the monitor that two aircraft belonging to the Syrian government air force took off from Hama military airport before the attack on Talbiseh.");
    let place = c.event.and_then(|e| e.place).map(|p| p.name);
    assert_eq!(place.as_deref(), Some("Talbiseh"));

    // Text that lost its commas: the place before the speaker is the event's.
    let names =
        |c: &Claim| -> Vec<String> { c.attribution.chain.iter().map(|s| s.name.clone()).collect() };
    let c = claim("At least 21 people were killed and 50 hurt on Sunday in a rebel mortar attack on regime-held districts of the Syrian city of Aleppo the Syrian Observatory for Human Rights said.");
    assert_eq!(names(&c), ["Syrian Observatory for Human Rights"]);
    let place = c.event.and_then(|e| e.place).map(|p| p.name);
    assert_eq!(place.as_deref(), Some("Aleppo"));
    let c = claim(
        "On July 31 a tank-backed assault killed at least 80 people in Hama rights groups said.",
    );
    let place = c.event.and_then(|e| e.place).map(|p| p.name);
    assert_eq!(place.as_deref(), Some("Hama"));
    // A title after a name still joins it; a city after its source still belongs to it.
    let c = claim("Rami Abdel Rahman the Observatorys director said the regime was killing scores of civilians.");
    assert_eq!(c.attribution.chain.first().map(|s| s.start), Some(0));
    let c = claim("A hospital source in Hassakeh city said there were \"more than 20 dead and dozens wounded\".");
    assert_eq!(names(&c), ["A hospital source in Hassakeh city"]);

    // SANA's "terrorists positioned in X targeted Y": Y is where it happened.
    let c = claim("Local sources said that terrorist groups positioned in Binnish town targeted al-Fouaa with mortar shells, injuring a 6-year-old girl.");
    let place = c.event.and_then(|e| e.place).map(|p| p.name);
    assert_eq!(place.as_deref(), Some("al-Foua"));

    // A paper named after a city.
    let c = claim("The nine men were executed on 3 March, according to three relatives interviewed by The Aleppo Ledger.");
    let place = c.event.and_then(|e| e.place).map(|p| p.name);
    assert_eq!(place, None);
}

#[test]
fn a_countrys_own_war_is_its_place() {
    let c = claim(
        "More than 280000 people have been killed since Syrias conflict broke out in March 2011.",
    );
    let place = c.event.and_then(|e| e.place).map(|p| p.name);
    assert_eq!(place.as_deref(), Some("Syria"));
}

#[test]
fn a_war_total_with_the_displaced_is_a_death_toll() {
    let c = claim("More than 280000 people have been killed and millions have been displaced since Syrias conflict broke out in March 2011.");
    assert_eq!(c.event.map(|e| e.event_type), Some(EventType::Death));
}

#[test]
fn bombing_from_the_air_is_an_air_strike() {
    let c = claim("After a lull of several days Russian jets resumed heavy bombing of eastern Aleppo on Tuesday killing 26 people.");
    assert_eq!(c.event.map(|e| e.event_type), Some(EventType::Airstrike));
    let c = claim("Regime planes fired rockets on several parts of Douma killing four civilians.");
    assert_eq!(c.event.map(|e| e.event_type), Some(EventType::Airstrike));
    let c = claim("A suicide bombing killed 26 people in a market in Azaz on Tuesday.");
    assert_eq!(c.event.map(|e| e.event_type), Some(EventType::Bombing));
}

#[test]
fn a_force_that_kills_with_no_weapon_named_fought_on_the_ground() {
    let c = claim("The Syrian army has killed at least 100 ISIS terrorists in the eastern Deir Ezzor province during the past 24 hours.");
    assert_eq!(c.event.map(|e| e.event_type), Some(EventType::GroundAttack));
    // A war total stays a death toll.
    let c = claim("More than 280000 people have been killed since the regime launched its crackdown in March 2011.");
    assert_eq!(c.event.map(|e| e.event_type), Some(EventType::Death));
}

#[test]
fn a_capture_only_aimed_at_is_the_fighting() {
    let c = claim("Since late September Syrian regime forces backed by Russia have embarked on an intense ground campaign aimed at recapturing east Aleppo.");
    assert_eq!(c.event.map(|e| e.event_type), Some(EventType::GroundAttack));
    let c = claim("Government forces captured the town of Rankus on Wednesday.");
    assert_eq!(c.event.map(|e| e.event_type), Some(EventType::Capture));
}

#[test]
fn hamas_is_no_possessive_of_hama() {
    let c = claim("The army targeted over 1,500 terror sites including 19 command centers of Hamas, killing 12 militants.");
    let place = c.event.and_then(|e| e.place).map(|p| p.name);
    assert_ne!(place.as_deref(), Some("Hama"));
}

#[test]
fn a_faith_before_a_place_noun_is_no_place() {
    let c = claim("To the west in Idlib province rebels heavily shelled the last two regime-held Shia villages.");
    let place = c.event.and_then(|e| e.place).map(|p| p.name);
    assert_eq!(place.as_deref(), Some("Idlib Governorate"));
    let c = claim("Two bombs exploded in separate attacks in Baghdad's mainly Shi'ite Amil district, said a police source.");
    let place = c.event.and_then(|e| e.place).map(|p| p.name);
    assert_ne!(place.as_deref(), Some("Shi'ite Amil"));
}

#[test]
fn in_a_coordinated_subject_the_first_party_is_the_actor() {
    let c = claim(
        "Regime forces and Iranian-backed militias shelled the village of Mahkan on Tuesday, killing six civilians.",
    );
    let actor = c.event.and_then(|e| e.actor).map(|a| a.name);
    assert_eq!(actor.as_deref(), Some("Syrian Arab Army"));
}

/// "of the" and "for the" inside a capitalised name, and the place where a named
/// speaker is (`examples/link` article 42, fresh26 #47).
#[test]
fn speaker_names_with_of_the_and_a_place_after_them() {
    let t = "Militants staged a fake attack in Latamneh on Monday, the Russian Centre for Reconciliation of the Opposing Sides said on Tuesday.";
    assert_eq!(
        chain(&claim(t), t),
        ["the Russian Centre for Reconciliation of the Opposing Sides"]
    );
    let t =
        "Rebels shelled Aleppo on Monday, killing five people, the Ministry of the Interior said.";
    assert_eq!(chain(&claim(t), t), ["the Ministry of the Interior"]);
    let t = "A team of first responders the Syrian Civil Defence in Idlib said 22 people were killed in the raids on the village of Hass.";
    assert_eq!(chain(&claim(t), t), ["the Syrian Civil Defence"]);
    // A name inside the clause before is no speaker: the relative clause's head is.
    let t = "The U.S.-led coalition which launched an air war against IS in Syria last September said it had carried out air strikes against Raqqa.";
    assert_eq!(chain(&claim(t), t), ["The U.S.-led coalition"]);
    // "and" inside one name; two speakers when each has its role.
    let t =
        "Air strikes killed 12 people in Idlib, the Ministry of Labour and Social Affairs said.";
    assert_eq!(
        chain(&claim(t), t),
        ["the Ministry of Labour and Social Affairs"]
    );
    let t = "In Geneva US Secretary of State John Kerry and Russian Foreign Minister Sergei Lavrov said a ceasefire would begin on Monday.";
    assert_eq!(chain(&claim(t), t).len(), 2);
}

/// A person named before the description of their role, the description ending in
/// the place where they are (FA-KES text, which lost its commas): the speaker is the
/// person, not the place, and a later "he" speaks for what they spoke for.
#[test]
fn a_described_person_is_the_speaker_not_the_place_after_the_role() {
    let names = |c: &Claim| -> Vec<(String, SourceKind)> {
        c.attribution
            .chain
            .iter()
            .map(|s| (s.name.clone(), s.kind))
            .collect()
    };
    let t = "Hamza Khatib the manager of Al-Quds hospital in Aleppo said the hospital had recorded four deaths.";
    assert_eq!(
        names(&claim(t)),
        [("Hamza Khatib".to_string(), SourceKind::Person)]
    );
    let t = "Manal a 28-year-old teacher living in Midan said she heard at least two blasts on Monday afternoon.";
    assert_eq!(names(&claim(t))[0].0, "Manal");
    let t = "Ammar al-Selmo the head of the Civil Defense rescue service in opposition-held eastern Aleppo said the planes came back.";
    assert_eq!(chain(&claim(t), t), ["Ammar al-Selmo the head of the Civil Defense rescue service in opposition-held eastern Aleppo"]);
    let t = "An AFP correspondent in rebel-held eastern Aleppo said the strikes were especially intense around Ramussa.";
    assert_eq!(
        chain(&claim(t), t),
        ["An AFP correspondent in rebel-held eastern Aleppo"]
    );
    // A source noun opening the sentence is the speaker; its places stay the event's.
    let t = "Residents of nearby villages said they had heard heavy explosions and gunfire for several hours.";
    assert_eq!(chain(&claim(t), t), ["Residents"]);
    let t = "Doctors at two hospitals in Aleppo said they had received no patients with symptoms of chemical exposure.";
    assert_eq!(chain(&claim(t), t), ["Doctors"]);
    // One adjective sharing the other conjunct's source noun; lower-case words leading
    // to a name after "according to".
    let t = "Western and Iraqi officials say 40 militants were killed in air strikes near Mosul.";
    assert_eq!(chain(&claim(t), t), ["Western and Iraqi officials"]);
    // An abbreviated country used as the same kind of adjective, and two office names
    // sharing a plural head, are one speaker too; two countries stay two.
    let t = "U.S. and European officials said the strike killed 12 militants in Raqqa.";
    assert_eq!(chain(&claim(t), t), ["U.S. and European officials"]);
    let t =
        "The Defense and Interior Ministries of Iraq said the strike killed 12 militants in Mosul.";
    assert_eq!(
        chain(&claim(t), t),
        ["The Defense and Interior Ministries of Iraq"]
    );
    let t = "The US and Russia said the strike killed 12 militants in Mosul.";
    assert_eq!(chain(&claim(t), t), ["The US", "Russia"]);
    // An aside that is no apposition (an age, "among ...", "also ...", a relative
    // clause) stands between the speaker and the verb.
    let t = "His mother Khadijah Kamara, 35, told The Guardian her son was killed in Raqqa in February.";
    assert_eq!(
        chain(&claim(t), t),
        ["The Guardian", "His mother Khadijah Kamara"]
    );
    let t = "The nurse, among the emergency team that treated the wounded, also said that Abu Bakr al-Baghdadi was wounded in the strike.";
    assert_eq!(chain(&claim(t), t), ["The nurse"]);
    let t = "Foley\u{2019}s parents have said that the U.S. government threatened them with prosecution.";
    assert_eq!(chain(&claim(t), t), ["Foley\u{2019}s parents"]);
    let t = "About 40 people were killed, according to North Korea expert Pierre Rigoulot.";
    assert_eq!(chain(&claim(t), t), ["North Korea expert Pierre Rigoulot"]);
    let t = "At least 12 people were killed, MailOnline reported last December.";
    assert_eq!(chain(&claim(t), t), ["MailOnline"]);
    // The governed place, then the speaker's name (commas lost).
    let t = "A regime helicopter struck twice a mourning location in the opposition-held Bab al-Nairab district in Aleppo Ibrahim Abu Leith told Anadolu Agency.";
    assert_eq!(chain(&claim(t), t), ["Anadolu Agency", "Ibrahim Abu Leith"]);
    // A closing speaker with an apposition after the name.
    let t = "Regime planes fired rockets on several parts of Douma said Rami Abdel Rahman director of the Syrian Observatory for Human Rights a Britain-based monitor.";
    let c = claim(t);
    assert_eq!(names(&c)[0].0, "Syrian Observatory for Human Rights");
    assert_eq!(
        c.event.and_then(|e| e.place).map(|p| p.name),
        Some("Douma".to_string())
    );
    // A speaker named like an outlet of the reputation table is a medium.
    let t = "At least 12 people were killed in the blast, TMZ reported.";
    assert_eq!(names(&claim(t)), [("TMZ".to_string(), SourceKind::Media)]);
    let t = "At least 12 people were killed, Smith said.";
    assert_eq!(
        names(&claim(t)),
        [("Smith".to_string(), SourceKind::Person)]
    );
    // A country speaking is its government.
    let t = "Syria denies the charges that it used chemical weapons in Idlib.";
    assert_eq!(
        names(&claim(t)),
        [("Syrian Government".to_string(), SourceKind::Official)]
    );
    // A name governed by a preposition is no speaker.
    let t = "Germany meanwhile called for humanitarian access to Aleppo saying the ceasefire isnt enough.";
    assert!(names(&claim(t)).iter().all(|(n, _)| n != "Aleppo"));
    // "he" after one unnamed person.
    let text = "A doctor at the village clinic, who asked not to be named, said the victims arrived foaming at the mouth. Many of the injured were taken to Aleppo city, he said.";
    let claims = claims_on(text, Some(date(2016, 10, 18)));
    assert_eq!(
        names(claims.last().expect("claims")),
        [(
            "A doctor at the village clinic".to_string(),
            SourceKind::Anonymous
        )]
    );
    // "he" after a person who spoke for an organisation of the table.
    let text = "Massimiliano Rebaudengo MSFs head of mission in northern Syria said that the loss of Dr. Darwish leaves two surgeons. Bombing hospitals remains a common practice he added.";
    let claims = claims_on(text, Some(date(2016, 10, 18)));
    let last = claims.last().expect("claims");
    assert_eq!(
        names(last),
        [("Medecins Sans Frontieres".to_string(), SourceKind::Monitor)]
    );
}

/// Speakers the alias table does not know, headed by a source noun of
/// `lexicons/source_nouns.tsv` (fresh6 #0, #17, #68).
#[test]
fn speakers_headed_by_brigades_workers_and_analysts() {
    let t = "The Sawaiq al-Rahman brigade announced on Monday that it had killed six Nusra Front fighters.";
    assert_eq!(chain(&claim(t), t), ["The Sawaiq al-Rahman brigade"]);
    let t = "Analysts estimate that Syrias war has killed more than 400000 people.";
    assert_eq!(chain(&claim(t), t), ["Analysts"]);
}

/// "sustained injuries", "causing serious injuries to a woman" (fresh4 #130, fresh7 #89).
#[test]
fn injuries_sustained_and_caused() {
    assert_eq!(
        injured(
            "Two militants were killed and two others sustained injuries in clashes in the same region the Turkish army statement added."
        )
        .map(|i| i.0),
        Some(2)
    );
    assert_eq!(
        injured(
            "Terrorists fired rocket shells at al-Midan neighborhood killing two people including a child and causing serious injuries to a woman."
        )
        .map(|i| i.0),
        Some(1)
    );
}

/// A monitor's long name with its acronym closes the sentence after "said" (fresh6 #76).
#[test]
fn a_closing_speaker_may_carry_its_acronym() {
    let c = claim("Russian jets pounded Aleppo on Thursday said the Syrian Observatory for Human Rights (SOHR).");
    let names: Vec<String> = c.attribution.chain.iter().map(|s| s.name.clone()).collect();
    assert_eq!(names, ["Syrian Observatory for Human Rights"]);
}

/// Trigger words added from the gold sets' misses (fresh3 #108, fresh8 #9).
#[test]
fn gassed_and_clashing_are_triggers() {
    let e =
        claim("In 1988 3000 to 5000 Iraqi Kurds were gassed by Saddam Husseins forces at Halabja.")
            .event
            .expect("event");
    assert_eq!(e.event_type, EventType::ChemicalAttack);
    let e = claim("Al-Nusra started expanding into the countryside around Idlib after clashing with other opposition factions.")
        .event
        .expect("event");
    assert_eq!(e.event_type, EventType::GroundAttack);
}

/// Statement verbs of the gold sets' speakers: "reiterated", "pointed out",
/// "criticized" (fresh10 #64, #69, #83).
#[test]
fn statement_verbs_attribute() {
    for (t, speaker) in [
        ("The Syrian Coalition reiterated that this crime represents a clear violation of UN Security Council resolution 2254.", "Syrian Coalition"),
        ("The source pointed out that 3 other persons were injured when terrorists fired a rocket shell on al-Kallasa Street.", "The source"),
    ] {
        let chain = chain(&claim(t), t);
        assert!(chain.iter().any(|s| s.contains(speaker)), "{t}: {chain:?}");
    }
}

/// "told SANA" carries SANA, except in SANA's own article (gold README, convention 8;
/// fresh10 #146, #148).
#[test]
fn a_source_told_the_agency_unless_the_agency_publishes() {
    let text = "A source at Aleppo Police Command told SANAs correspondent that terrorists fired rocket shells at al-Midan neighborhood killing two people.";
    let sentences = [Span::new(0, text.len())];
    let chain_in = |outlet: Option<&str>| -> Vec<String> {
        let ctx = ArticleContext {
            text,
            sentences: &sentences,
            published: Some(date(2016, 10, 18)),
            title: None,
            outlet,
        };
        chain(&Extractor::new().claims(&ctx, Some(&[1.0])).remove(0), text)
    };
    assert_eq!(
        chain_in(Some("Al-Manar")),
        ["SANAs correspondent", "A source at Aleppo Police Command"]
    );
    assert_eq!(
        chain_in(Some("sana")),
        ["A source at Aleppo Police Command"]
    );
}

/// A news agency the table does not list carries the words it was told (fresh11 #99).
#[test]
fn told_a_news_agency() {
    let t = "\"The French and the U.S. have favored the Daesh escalation\" Hindo told Fides News Agency.";
    assert_eq!(chain(&claim(t), t), ["Fides News Agency", "Hindo"]);
}

/// "X told CNN", "told the Saudi news channel Al Arabiya": any outlet of the actor
/// table carries the words, not only the wires (FNC-1 fresh33 #72, #85; fresh36 #107).
#[test]
fn told_an_outlet_of_the_table() {
    for (t, outlet, speaker) in [
        ("A senior U.S. military official told CNN that the Marines disabled their weapons before leaving the airport.", "CNN", "A senior U.S. military official"),
        ("Tribal sources told the Saudi news channel Al Arabiya that 12 people were killed in the strike.", "the Saudi news channel Al Arabiya", "Tribal sources"),
        ("He told The Independent that 12 fighters had been executed by the group.", "The Independent", "He"),
        ("A police officer told the Independent that 12 fighters had been executed by the group.", "the Independent", "A police officer"),
    ] {
        assert_eq!(chain(&claim(t), t), [outlet, speaker], "{t}");
    }
}

/// "told The New Arab" in an article of `alaraby`: the publishing outlet, found through
/// the actor table's media entries, is left out (gold README, convention 8).
#[test]
fn told_the_publishing_outlet_by_its_short_name() {
    let text = "Fourteen fighters were killed when a suicide bomb hit their positions local sources told The New Arab.";
    let sentences = [Span::new(0, text.len())];
    let chain_in = |outlet: Option<&str>| -> Vec<String> {
        let ctx = ArticleContext {
            text,
            sentences: &sentences,
            published: Some(date(2016, 10, 18)),
            title: None,
            outlet,
        };
        chain(&Extractor::new().claims(&ctx, Some(&[1.0])).remove(0), text)
    };
    assert_eq!(chain_in(Some("alaraby")), ["local sources"]);
    assert_eq!(chain_in(Some("manar")), ["The New Arab", "local sources"]);
}

/// A speaker with an apposition between commas: the proper name of the two speaks
/// (FNC-1 fresh33 #69, fresh35 #57, fresh40 #85).
#[test]
fn a_speaker_and_its_apposition() {
    for (t, speaker) in [
        ("Nikolay Mladenov, the outgoing UN envoy to Iraq, reported that 790 people were killed in January.", "Nikolay Mladenov"),
        ("The outgoing U.N. envoy to Iraq, Nikolay Mladenov, told the council that 790 people were killed in January.", "Nikolay Mladenov"),
        ("Britain's chief of the defence staff, General Sir Nicholas Houghton, warned that the group would regenerate even if Baghdadi had been killed.", "General Sir Nicholas Houghton"),
        ("Haj Mansour, the Kurdish defense official, recounted that 12 Kurdish fighters were killed on the hill.", "Haj Mansour"),
    ] {
        assert_eq!(chain(&claim(t), t), [speaker], "{t}");
    }
    // Not an apposition: a clause, or a place after a place.
    let t = "The strike killed 20 people, including five children, in the town.";
    assert!(chain(&claim(t), t).is_empty(), "{t}");
    // A name right after "said" that has its own verb opens the words said: the
    // speaker is the one with the apposition, never the name after the verb (FNC-1).
    for (t, speaker) in [
        ("Charlie Winter, a researcher at the Quilliam Foundation, said the army killed 100 fighters.", "Charlie Winter"),
        ("Rami Abdurrahman, director of the Britain-based Syrian Observatory for Human Rights, said 12 ISIS militants were killed near Qaim.", "Rami Abdurrahman"),
        ("At least 100 fighters were killed near Qaim, said the army.", "the army"),
    ] {
        assert_eq!(chain(&claim(t), t), [speaker], "{t}");
    }
    // ", saying" after a clause: the clause's subject says it, not the name after it.
    let t = "Activists posted footage of the attack in Douma online, saying the regime had used chlorine.";
    assert_eq!(chain(&claim(t), t), ["Activists"], "{t}");
    // Commas lost: an unnamed source with its modifier closes the sentence.
    for (t, speaker) in [
        ("At least ten people were killed in Aleppo a source in the Syrian militia said.", "a source in the Syrian militia"),
        ("At least 132 militants were killed since Saturday in Hasaka a group monitoring the conflict said.", "a group monitoring the conflict"),
    ] {
        assert_eq!(chain(&claim(t), t), [speaker], "{t}");
    }
    let t = "John Smith, a farmer, said the army killed 100 fighters.";
    assert!(
        !chain(&claim(t), t).contains(&"the army".to_string()),
        "{t}"
    );
}

/// Unnamed speakers by their role ("An Iraqi colonel said", "The militant stressed"),
/// manner adverbs before the verb, and a video that shows an event (hard case 97).
#[test]
fn more_speakers_by_role() {
    for (t, speaker) in [
        (
            "An Iraqi colonel said troops had entered Baiji and killed 12 militants.",
            "An Iraqi colonel",
        ),
        (
            "A senior U.S. diplomat said that 12 hostages had been executed.",
            "A senior U.S. diplomat",
        ),
        (
            "The U.S. Marine Corps sharply denied that its troops had handed over their weapons.",
            "The U.S. Marine Corps",
        ),
        (
            "The militant group released a video showing the beheading of a British aid worker.",
            "a video",
        ),
        (
            "The attack killed 20 civilians, the SITE Intelligence Group monitoring service said.",
            "the SITE Intelligence Group monitoring service",
        ),
    ] {
        assert_eq!(chain(&claim(t), t), [speaker], "{t}");
    }
}

#[test]
fn background_and_habits_are_not_events() {
    // War background, habits and "regular strikes": no incident (docs/taxonomy.md).
    for t in [
        "The Syrian conflict has been raging since 2011 with its government troops fighting against numerous opposition and terrorist groups.",
        "Syria has been in a state of civil war for six years with government forces fighting against Syrian opposition groups.",
        "Terrorists in response regularly bomb the residential areas of the city with rockets.",
        "Turkey and the coalition have carried out regular strikes against IS group in the area in recent months.",
        "ISIL militants operating against the Syrian government have committed numerous mass executions during the ongoing conflict.",
        "Damascus has been largely spared from the worst of the violence in the six-year war despite being shaken by two bomb attacks in recent weeks.",
    ] {
        assert!(claim(t).event.is_none(), "{t} {:?}", claim(t).event);
    }
    // A count, a day, a denial, a lasting siege or "the first ... since" keep the event.
    for (t, ty) in [
        ("Rebels regularly shell the city and on Monday their rockets killed 12 people.", EventType::Shelling),
        ("The Syrian regime has repeatedly denied using chemical weapons.", EventType::ChemicalAttack),
        ("The attack the first explosion to hit the heart of the western town since the outbreak of Syrias civil war in 2011 took place in the parking of Qardaha hospital.", EventType::Bombing),
    ] {
        let e = claim(t).event;
        assert_eq!(e.map(|e| e.event_type), Some(ty), "{t}");
    }
    let t = "Eastern Ghouta has been under a devastating regime siege since 2012 and is targeted regularly by air strikes and artillery.";
    assert!(claim(t).event.is_some(), "{t}");
}

#[test]
fn often_is_a_habit() {
    let t = "The city has often been targeted by IS militants.";
    assert!(claim(t).event.is_none(), "{t}");
}

#[test]
fn what_would_or_will_happen_is_not_an_event() {
    for t in [
        "If the Peshmerga had not killed the militants the attack would have caused serious casualties he said.",
        "Capturing the whole city would be a major prize for Syrias Bashar al-Assad.",
        "The army will launch an offensive on Raqqa within days.",
    ] {
        assert!(claim(t).event.is_none(), "{t}");
    }
    // A count keeps it: "would" in a report of deaths.
    let t = "Air strikes killed 12 people in Idlib, which would be the deadliest raid this year.";
    assert!(claim(t).event.is_some(), "{t}");
}

#[test]
fn he_after_a_spokesman_is_the_spokesman() {
    let t = "No aircraft flew over the town on Sunday, the Russian Defence Ministry said. \
             Ministry spokesman Maj. Gen. Igor Petrenko told reporters that no flights were recorded in the area. \
             He said the damage shown in videos was caused by an explosion at an ammunition depot.";
    let claims = claims_on(t, Some(date(2016, 10, 17)));
    let last = claims.last().expect("claims");
    let names: Vec<&str> = last
        .attribution
        .chain
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(names, ["Ministry spokesman Maj. Gen. Igor Petrenko"]);
    // Its span is still the pronoun's.
    assert_eq!(chain(last, t), ["He"]);
}

#[test]
fn a_question_reports_no_event() {
    let t = "So where did the missiles come from, and who made them?";
    assert!(claims_on(t, None).iter().all(|c| c.event.is_none()));
    let t = "Did the rebels just gas 27 schoolchildren near Aleppo?";
    assert!(claims_on(t, None).iter().all(|c| c.event.is_none()));
    // A question quoted inside a report keeps the report's event.
    let t = "\"Why did they bomb the market?\" asked a resident after the air strike killed 12 people on Sunday.";
    assert!(claims_on(t, Some(date(2016, 10, 17)))
        .iter()
        .any(|c| c.event.is_some()));
}

/// A casualty count of the last sentence's frame (`pick` chooses killed or injured) as
/// (min, max, category, words), the text read without a publication date.
fn last_count(
    text: &str,
    pick: fn(&EventFrame) -> Option<&Casualties>,
) -> Option<(u32, Option<u32>, String, String)> {
    let sentences = Segmenter::new().sentences(text, Span::new(0, text.len()));
    let ctx = ArticleContext {
        text,
        sentences: &sentences,
        published: None,
        title: None,
        outlet: None,
    };
    let all = vec![1.0; sentences.len()];
    let claims = Extractor::new().claims(&ctx, Some(&all));
    let k = pick(claims.last()?.event.as_ref()?)?;
    Some((
        k.min,
        k.max,
        format!("{:?}", k.category).to_lowercase(),
        k.expression.clone(),
    ))
}

fn named_killed(text: &str) -> Option<(u32, Option<u32>, String, String)> {
    last_count(text, |e| e.killed.as_ref())
}

fn named_injured(text: &str) -> Option<(u32, Option<u32>, String, String)> {
    last_count(text, |e| e.injured.as_ref())
}

#[test]
fn one_named_person_executed_is_one_killed() {
    // FNC-1 bodies: a name is one person, as "a man" is (docs/taxonomy.md).
    assert_eq!(
        named_killed("An Internet video purports to show the beheading of US reporter Steven Sotloff by the Islamic State extremist group."),
        Some((1, Some(1), "journalists".into(), "US reporter Steven Sotloff".into()))
    );
    assert_eq!(
        named_killed("Foley was beheaded by the terror group earlier this year."),
        Some((1, Some(1), "people".into(), "Foley".into()))
    );
    assert_eq!(
        named_killed("ISIS reportedly demanded $100 million for Foley's release before eventually beheading him."),
        Some((1, Some(1), "people".into(), "him".into()))
    );
    // A list is not one person, a place is nobody, a plural is no name.
    assert_eq!(
        named_killed(
            "The group released videos of the beheading of Steven Sotloff and Alan Henning."
        ),
        None
    );
    assert_eq!(
        named_killed("Islamic State militants executed prisoners in Palmyra."),
        None
    );
    assert_eq!(
        named_killed("The beheading of Kurdish fighters in Kobani drew condemnation."),
        None
    );
}

#[test]
fn a_named_victim_takes_the_title_the_article_gave_the_name() {
    // FNC-1 bodies name the hostage with his title once, then by surname.
    let text = "The video showed American journalist James Foley kneeling in the desert. \
                Foley was beheaded by the group.";
    assert_eq!(
        named_killed(text),
        Some((1, Some(1), "journalists".into(), "Foley".into()))
    );
    let text = "Steven Sotloff, an American freelance journalist, was abducted in 2013. \
                The group beheaded Sotloff.";
    assert_eq!(
        named_killed(text),
        Some((1, Some(1), "journalists".into(), "Sotloff".into()))
    );
    // A relative shares the surname, not the title.
    let text = "His mother Diane Foley appealed for his release. Foley was beheaded by the group.";
    assert_eq!(
        named_killed(text),
        Some((1, Some(1), "people".into(), "Foley".into()))
    );
    // An organisation is nobody: the name before the apposition is the victim.
    assert_eq!(
        named_killed(
            "Rehana, a member of the Women's Defense Unit, was reportedly beheaded by ISIS."
        ),
        Some((1, Some(1), "people".into(), "Rehana".into()))
    );
}

#[test]
fn one_named_person_wounded_or_killed_is_one() {
    // FNC-1 (al-Baghdadi's rumoured wounding) and FA-KES ("Mohammad al-Malla was
    // killed") wording; the actor table knows al-Baghdadi as a jihadist.
    let text = "US-led aircraft struck a meeting of Islamic State leaders near Qaim on Saturday. \
                Iraqi officials said al-Baghdadi had been wounded.";
    assert_eq!(
        named_injured(text),
        Some((1, Some(1), "militants".into(), "al-Baghdadi".into()))
    );
    assert_eq!(
        named_injured("The official said the strikes wounded al-Baghdadi in Qaim."),
        Some((1, Some(1), "militants".into(), "al-Baghdadi".into()))
    );
    assert_eq!(
        named_killed(
            "At the outskirts of Erbin terrorist Mohammad al-Malla was killed in clashes."
        ),
        Some((1, Some(1), "militants".into(), "Mohammad al-Malla".into()))
    );
    // A list of names is one person each; a place, a pronoun, or more than one person
    // is not one named person.
    assert_eq!(
        named_killed("Abu Osama al-Iraqi and Amer al-Rafdan were killed in airstrikes in Hasakeh."),
        Some((
            2,
            Some(2),
            "people".into(),
            "Abu Osama al-Iraqi and Amer al-Rafdan".into()
        ))
    );
    assert_eq!(
        named_killed("Jihadists from Uzbekistan were killed in airstrikes near Idlib."),
        None
    );
    // "He" is no named person; he and his companions are one toll of three.
    assert_eq!(
        named_killed("He was killed along with two other people by a blast on the road."),
        Some((3, Some(3), "people".into(), "two other people".into()))
    );
}

#[test]
fn one_person_executed_in_the_passive_or_by_a_possessive_is_one() {
    // FNC-1 wording: a singular person noun with its article, the subject of a passive
    // execution verb, also before a relative clause (fresh37 #86, fresh38 #53).
    assert_eq!(
        named_killed("A female Kurdish fighter, who was viewed as an iconic face of the resistance, has been reportedly beheaded by ISIS."),
        Some((1, Some(1), "fighters".into(), "A female Kurdish fighter".into()))
    );
    assert_eq!(
        named_killed("The American journalist Steven Sotloff has reportedly been beheaded by ISIS militants."),
        Some((1, Some(1), "journalists".into(), "Steven Sotloff".into()))
    );
    // "Foley's death", "his death": one person's death.
    assert_eq!(
        named_killed("Hashimi revealed that Elefery's death was confirmed to him by relatives."),
        Some((1, Some(1), "people".into(), "Elefery's death".into()))
    );
    assert_eq!(
        named_killed(
            "The group said his death was in retaliation for U.S. airstrikes on fighters in Iraq."
        ),
        Some((1, Some(1), "people".into(), "his death".into()))
    );
    // An execution verb with a named object in the active; as an adjective, the
    // victim is the titled name, never the demonym after the verb (FNC-1 fresh35 #96).
    assert_eq!(
        named_killed("The extremist terrorist organization executed Foley in a gruesome beheading video in August."),
        Some((1, Some(1), "people".into(), "Foley".into()))
    );
    assert_eq!(
        named_killed(
            "The family of beheaded American photojournalist James Foley is facing fresh agony."
        ),
        Some((
            1,
            Some(1),
            "journalists".into(),
            "American photojournalist James Foley".into()
        ))
    );
    // A quantifier is nobody; a name after a preposition is no subject.
    assert_eq!(
        named_killed("Most were reportedly executed at gunpoint after being taken prisoner."),
        None
    );
    assert_eq!(
        named_killed("A female Kurdish fighter who became a poster girl for the Kobane resistance movement after a picture of her making a peace sign was retweeted thousands of times on Twitter has reportedly been beheaded by Isis."),
        None
    );
}

/// Holding hostages is an `arrest` (docs/taxonomy.md: detentions, kidnappings); the
/// nouns "hostage" and "ransom" alone are not (FNC-1 read sets).
#[test]
fn holding_hostages_is_an_arrest() {
    for t in [
        "At one point early this year, ISIS held 23 hostages in Syria.",
        "ISIS is still holding several hostages from Western and other countries.",
        "At least two other Americans are believed to be held hostage by ISIS in Raqqa.",
    ] {
        let e = claim(t).event;
        assert_eq!(e.map(|e| e.event_type), Some(EventType::Arrest), "{t}");
    }
    let t = "The terror group makes millions of dollars from ransom payments for its hostages.";
    assert!(claim(t).event.is_none(), "{t}");
    // Hostages held by a party: the party holds them (a trigger that ends in "by").
    for t in [
        "Foley was one of 23 Western hostages held by ISIS earlier this year.",
        "At least two other Americans are believed to be held by ISIS.",
    ] {
        let e = claim(t).event.expect(t);
        assert_eq!(e.event_type, EventType::Arrest, "{t}");
        assert_eq!(
            e.actor.map(|a| a.name).as_deref(),
            Some("Islamic State"),
            "{t}"
        );
    }
}

/// A pronoun victim is the last single victim counted: "Her death" after "A female
/// Kurdish fighter ... has been reportedly beheaded" is a fighter's (FNC-1 fresh37).
#[test]
fn a_pronoun_victim_is_the_last_single_victim() {
    let text = "A female Kurdish fighter has been reportedly beheaded by ISIS in Kobane. \
                Her death has not been confirmed by the Women's Defense Unit.";
    let c = claims_on(text, Some(date(2014, 10, 28)));
    let category = |c: &Claim| {
        c.event
            .as_ref()
            .and_then(|e| e.killed.as_ref())
            .map(|k| k.category)
    };
    assert_eq!(
        c.iter().map(category).collect::<Vec<_>>(),
        [Some(Fighters), Some(Fighters)]
    );
    // With no victim before, a pronoun is one person.
    let text =
        "The group said his death was in retaliation for U.S. airstrikes on fighters in Iraq.";
    assert_eq!(killed(text), Some((1, Some(1), People)));
}

/// "A said 35, while B put the toll at 50": two speakers, two figures, two claims.
#[test]
fn a_second_speakers_figure_is_a_claim_of_its_own() {
    let text = "The Syrian health ministry said 35 soldiers were killed in the air strike on \
                Monday, while the Syrian Observatory for Human Rights put the toll at 50.";
    let c = claims_on(text, Some(date(2016, 10, 18)));
    assert_eq!(c.len(), 2, "{c:#?}");
    let (first, second) = (&c[0], &c[1]);
    assert_eq!(first.sentence, second.sentence);
    // The first claim ends before ", while"; the second starts after it.
    assert_eq!(
        &text[first.start..first.end],
        &text[..text.find(", while").unwrap()]
    );
    assert_eq!(
        &text[second.start..second.end],
        "the Syrian Observatory for Human Rights put the toll at 50."
    );
    let speaker = |c: &Claim| c.attribution.chain.last().map(|s| s.name.clone());
    assert_eq!(
        speaker(first).as_deref(),
        Some("The Syrian health ministry")
    );
    assert_eq!(
        speaker(second).as_deref(),
        Some("Syrian Observatory for Human Rights")
    );
    let (a, b) = (
        first.event.as_ref().unwrap(),
        second.event.as_ref().unwrap(),
    );
    assert_eq!(a.killed.as_ref().map(|k| k.min), Some(35));
    assert_eq!(b.killed.as_ref().map(|k| k.min), Some(50));
    // The Observatory's figure is for the same strike; the day is the first clause's
    // (a claim's spans lie inside it).
    assert_eq!(b.event_type, EventType::Airstrike);
    assert!(a.date.is_some() && b.date.is_none());

    // Without commas, as FA-KES prints it, and with the toll "given".
    let text = "Barazi had earlier reported a toll of eight while the Syrian Observatory for \
                Human Rights gave a death toll of 12.";
    let c = claims_on(text, None);
    let counts: Vec<_> = c
        .iter()
        .map(|c| {
            c.event
                .as_ref()
                .and_then(|e| e.killed.as_ref())
                .map(|k| k.min)
        })
        .collect();
    assert_eq!(counts, [Some(8), Some(12)]);
}

/// One speaker, or no second speaker: one claim.
#[test]
fn one_speakers_figures_stay_one_claim() {
    for text in [
        "The Observatory said 35 people were killed, while 50 others were wounded.",
        "Activists said nine people died and 14 were wounded in the shelling.",
        "The Observatory said 35 people were killed, while it said 50 were wounded.",
    ] {
        assert_eq!(claims_on(text, None).len(), 1, "{text}");
    }
}

/// A relative clause of anonymity between the speaker and the verb, commas lost.
#[test]
fn an_anonymous_speakers_relative_clause() {
    let c = claim("An activist in Deir al-Zor who spoke on condition of anonymity told Reuters that 300 men were executed in one day.");
    let names: Vec<&str> = c
        .attribution
        .chain
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(names, ["Reuters", "Activists"]);
}

/// Where a speaker is, between the speaker and the verb, is not part of the name.
#[test]
fn a_speakers_place_before_the_verb_is_not_the_speaker() {
    let c = claim("The Kurdish-run health council in the district said nine people were killed.");
    let names: Vec<&str> = c
        .attribution
        .chain
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(names, ["The Kurdish-run health council"]);
    let c = claim("A doctor in the town told AFP that 12 people were killed.");
    let names: Vec<&str> = c
        .attribution
        .chain
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(names, ["AFP", "A doctor"]);
}

/// A running total over a period is marked, an incident's toll is not.
#[test]
fn running_totals_are_cumulative() {
    let cumulative = |text: &str| {
        claim(text)
            .event
            .and_then(|e| e.killed)
            .map(|k| k.cumulative)
    };
    assert_eq!(
        cumulative("The group has executed dozens of people since 2016, activists said."),
        Some(true)
    );
    assert_eq!(
        cumulative("The war has killed more than 280,000 people over the past five years."),
        Some(true)
    );
    assert_eq!(
        cumulative("Nineteen insurgents have been killed since Monday, the army said."),
        Some(false)
    );
    assert_eq!(
        cumulative("Air strikes killed 35 people in Idlib on Sunday."),
        Some(false)
    );
}

/// A dateline that lost its punctuation is where the report was filed.
#[test]
fn a_dateline_city_is_not_the_place() {
    let place = |text: &str| claim(text).event.and_then(|e| e.place).map(|p| p.name);
    assert_eq!(
        place("Last updated at Nov 022017 BEIRUT Syrian government air strikes killed at least four civilians in a town outside the capital Damascus on Thursday.")
            .as_deref(),
        Some("Damascus")
    );
    // A sentence in capitals keeps its place.
    assert_eq!(
        place("AIR STRIKES ON ALEPPO KILLED 12 PEOPLE.").as_deref(),
        Some("Aleppo")
    );
}

/// "Ghouta near Damascus": the place named to locate another is not the event's.
#[test]
fn a_place_that_locates_another_is_not_the_place() {
    let place = |text: &str| claim(text).event.and_then(|e| e.place).map(|p| p.name);
    for text in [
        "Sarin gas killed hundreds of civilians in Ghouta near Damascus in August 2013.",
        "Hundreds of civilians died in a sarin gas attack in Ghouta on the outskirts of Damascus.",
    ] {
        assert_eq!(place(text).as_deref(), Some("Ghouta"), "{text}");
    }
    assert_eq!(
        place("Shelling killed five people in Damascus and Ghouta.").as_deref(),
        Some("Damascus")
    );
}

/// A toll brought up to date is the event's count; "mostly women and children" breaks
/// the count down without being its category.
#[test]
fn revised_tolls_and_breakdowns() {
    let c = claim("A number of people died of their wounds bringing the toll to 61 people including five children.");
    let k = c.event.and_then(|e| e.killed).expect("a toll");
    assert_eq!((k.min, k.max, k.update), (61, Some(61), true));
    assert_eq!(
        killed("A massive explosion struck near buses carrying evacuees killing more than 120 mostly women and children."),
        Some((121, None, People))
    );
}

/// A breakdown between two conjuncts does not cut the first off from the verb.
#[test]
fn a_breakdown_between_conjuncts() {
    assert_eq!(
        killed("At least 23 civilians, including nine children, and 16 fighters were killed."),
        Some((23, None, Civilians))
    );
    // The right conjunct's own casualty word ends the coordination.
    assert_eq!(
        killed("Clashes have rocked the city leaving 23 civilians - including nine children - and 16 combatants dead."),
        Some((23, Some(23), Civilians))
    );
    assert_eq!(
        killed("The attack wounded 23 civilians and left 16 fighters dead."),
        Some((16, Some(16), Fighters))
    );
}

/// Air strikes that back ground forces, and an aircraft shot down, do not make an air
/// strike.
#[test]
fn backing_strikes_and_shoot_downs_are_ground_attacks() {
    let kind = |text: &str| claim(text).event.map(|e| e.event_type);
    assert_eq!(
        kind("The army units backed by air force engaged in fierce clashes with terrorist groups."),
        Some(EventType::GroundAttack)
    );
    assert_eq!(
        kind("A Russian military helicopter was shot down over Syria on Monday killing all five people on board."),
        Some(EventType::GroundAttack)
    );
    assert_eq!(
        kind("Regime helicopters dropped barrel bombs on Daraya, killing 12 people."),
        Some(EventType::Airstrike)
    );
}

/// "N of them" is a part of a toll only after the toll.
#[test]
fn of_them_is_a_part_only_after_a_whole() {
    let part = |text: &str| {
        claims_on(text, None)
            .into_iter()
            .filter_map(|c| c.event.and_then(|e| e.killed))
            .map(|k| (k.min, k.part))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        part("Children at a primary school were gassed with chlorine on Sunday, and 27 of them are dead."),
        [(27, false)]
    );
    assert_eq!(part("Eleven of the dead were civilians."), [(11, true)]);
}

/// Animals are no casualties, and "one another" no count (FNC-1 count listing).
#[test]
fn animals_and_one_another_are_no_casualty_counts() {
    assert_eq!(
        killed("German wind turbines kill more than 200,000 bats a year in the region, one study claims."),
        None
    );
    let c = claims_on(
        "Three children were injured on Monday while snapping at one another during the fights.",
        Some(date(2016, 10, 18)),
    );
    let counts: Vec<u32> = c
        .iter()
        .filter_map(|c| c.event.as_ref()?.injured.as_ref().map(|i| i.min))
        .collect();
    assert_eq!(counts, [3]);
}

/// "A blames X; B blames Y": two speakers, two parties blamed, two claims.
#[test]
fn two_speakers_blaming_two_parties_are_two_claims() {
    let text = "Three days later, responsibility is still disputed. Kurdish officials blame rebel factions west of the city; opposition activists blame government forces.";
    let claims = claims_on(text, Some(date(2018, 2, 16)));
    let blamed: Vec<(String, Vec<String>)> = claims
        .iter()
        .filter_map(|c| {
            let e = c.event.as_ref()?;
            Some((
                e.actor.as_ref()?.name.clone(),
                c.attribution.chain.iter().map(|s| s.name.clone()).collect(),
            ))
        })
        .collect();
    assert_eq!(
        blamed,
        [
            (
                "Syrian Opposition".to_string(),
                vec!["Kurdish officials".to_string()]
            ),
            (
                "Syrian Arab Army".to_string(),
                vec!["Activists".to_string()]
            ),
        ]
    );
    // One speaker blaming twice stays one claim.
    let text = "Kurdish officials blame rebel factions; they also blame government forces.";
    assert_eq!(claims_on(text, Some(date(2018, 2, 16))).len(), 1);
}

#[test]
fn the_britain_based_monitor_is_the_observatory() {
    // Britain is where the monitor sits, not who speaks.
    let t = "At least 12 people were killed in the blast in Azaz, the Britain-based group said.";
    let c = claim(t);
    assert_eq!(chain(&c, t), ["the Britain-based group"]);
    assert_eq!(
        c.attribution.chain[0].name,
        "Syrian Observatory for Human Rights"
    );
}

#[test]
fn named_deaths_by_of_lists_of_names_and_killers_who_have_killed() {
    // "the murder of" and a name with its title is one person of the title's category.
    assert_eq!(
        killed("The video showed the murder of American journalist James Foley."),
        Some((1, Some(1), Journalists))
    );
    assert_eq!(
        killed("Kerry called the killing of Sotloff unfathomable."),
        Some((1, Some(1), People))
    );
    // Not the death of a crowd with one name among it, nor a death supposed.
    assert_eq!(
        killed(
            "Operations resulted in the death of many terrorists including Abdelfattah Bwarbubia."
        ),
        None
    );
    assert_eq!(
        killed("The death of Baghdadi would be difficult to keep quiet."),
        None
    );
    // A list of names in the passive: one each.
    assert_eq!(
        killed("Foley and Sotloff were executed by Islamic State militants."),
        Some((2, Some(2), People))
    );
    // Plural execution nouns before a count.
    assert_eq!(
        killed("ISIS released a video showing the beheadings of 21 Egyptian Coptic Christians."),
        Some((21, Some(21), People))
    );
    // "has killed": the woman is the killer, the militants the dead.
    assert_eq!(
        killed("An Afghan woman has killed at least 25 Taliban militants."),
        Some((25, None, Militants))
    );
    assert_eq!(
        killed("Two soldiers have been killed in the ambush."),
        Some((2, Some(2), Soldiers))
    );
}

#[test]
fn a_deed_that_describes_someone_does_not_type_the_incident() {
    let ty = |t: &str| claim(t).event.map(|e| e.event_type);
    assert_eq!(
        ty("Jihadi John, the Briton who beheaded two British and two American hostages, has been injured in a US-led air strike."),
        Some(EventType::Airstrike)
    );
    assert_eq!(
        ty("A man suspected of carrying out beheadings in videos released by Islamic State had been wounded in a U.S.-led air strike."),
        Some(EventType::Airstrike)
    );
    // A conceded strike does not type the sentence.
    assert_eq!(
        ty("Fierce fighting has been reported on the outskirts of Baghdad despite ongoing Western airstrikes against the group."),
        Some(EventType::GroundAttack)
    );
    // Conflict news reports the incident itself this way: not a description.
    assert_eq!(
        ty("Forces loyal to President Bashar al-Assad were accused of using chemical weapons in a counter-offensive in Hama province."),
        Some(EventType::ChemicalAttack)
    );
}

#[test]
fn a_named_person_before_or_as_an_apposition_is_the_one_wounded() {
    assert_eq!(
        named_injured("Iraqi officials said Sunday that Abu Bakr al-Baghdadi, the leader of the Islamic State group, was wounded in a U.S.-led airstrike."),
        Some((1, Some(1), "militants".into(), "Abu Bakr al-Baghdadi".into()))
    );
    assert_eq!(
        named_injured("The group's leader, Abu Bakr al-Baghdadi, was also said to have been wounded in the attack, the paper added."),
        Some((1, Some(1), "militants".into(), "Abu Bakr al-Baghdadi".into()))
    );
    // "Jihadi John" is an Islamic State militant of the actor table.
    assert_eq!(
        named_injured("\u{201c}Jihadi John,\u{201d} the Briton believed to have beheaded the American hostages, may have been injured in U.S.-led airstrikes last week."),
        Some((1, Some(1), "militants".into(), "Jihadi John".into()))
    );
    // A role in a group, of the group's category.
    assert_eq!(
        named_injured(
            "Iraqi state television and two officials said that the Isis leader had been wounded."
        ),
        Some((1, Some(1), "militants".into(), "the Isis leader".into()))
    );
    assert_eq!(
        named_killed("The rebel commander was killed in clashes near Aleppo."),
        Some((1, Some(1), "fighters".into(), "The rebel commander".into()))
    );
    // A place with an apposition is no person.
    assert_eq!(
        named_injured("Aleppo, the largest city, was hit by strikes that wounded no one."),
        None
    );
}

#[test]
fn reports_that_exist_and_recordings_that_show_are_the_source() {
    for (t, want) in [
        ("There are unconfirmed reports that the men were beheaded.", vec!["unconfirmed reports"]),
        ("The news comes amid reports of an emerging alliance between Isis forces and Jabhat al-Nusra.", vec!["reports"]),
        ("There were reports that the convoy was hit near Mosul.", vec!["reports"]),
        // A recording the sentence reports from.
        ("Islamic State militants released a video today purporting to show the beheading of a hostage.", vec!["a video"]),
        ("He appeared at the end of a video last month showing the journalist being killed.", vec!["a video"]),
        // A source described by its ties, without the ties.
        ("Three sources in contact with ISIS or its associates told reporters that it wants to sell the remains.", vec!["Three sources"]),
        ("Officials familiar with the matter said the strike killed 12 people.", vec!["Officials"]),
        // The person who runs the monitor, not the monitor.
        ("Rami Abdulrahman who runs the Syrian Observatory for Human Rights said 19 explosions were heard.", vec!["Rami Abdulrahman"]),
        // Not a count after "there are", nor reports without "that" or "of".
        ("There are 20 people dead in the town after the shelling.", vec![]),
        ("Four Hizballah members were killed in Syria amid reports dozens of fighters were killed.", vec![]),
    ] {
        let c = claim(t);
        assert_eq!(chain(&c, t), want, "{t}");
    }
}

#[test]
fn two_victim_nouns_in_a_row_are_one_count() {
    // A group's name that is also a victim noun modifies the head after it, which
    // decides the category; a lower-case modifier decides it itself.
    assert_eq!(
        killed("At least 25 Taliban militants were killed in the clash."),
        Some((25, None, Militants))
    );
    assert_eq!(
        killed("The clash killed 25 Taliban fighters."),
        Some((25, Some(25), Fighters))
    );
    assert_eq!(
        injured("Three police officers were wounded when the car bomb went off."),
        Some((3, Some(3), Police))
    );
    // "jihadis" is a victim noun like "jihadists".
    assert_eq!(
        killed("A 19-year-old from Brighton is reportedly among five British jihadis killed in the American airstrikes."),
        Some((5, Some(5), Militants))
    );
}

#[test]
fn the_dead_named_after_their_list_or_toll() {
    assert_eq!(
        killed("Among the dead were 22 children, the Observatory said."),
        Some((22, Some(22), Children))
    );
    assert_eq!(
        killed("The dead included 109 evacuees from the villages of Foua and Kefraya."),
        Some((109, Some(109), People))
    );
    // A toll's parts are its counts, not a breakdown of a count given before.
    assert_eq!(
        killed(
            "The Observatory said the death toll includes 21 Kurdish civilians and 302 fighters."
        ),
        Some((21, Some(21), Civilians))
    );
    // A list of victim nouns before the verb.
    assert_eq!(
        killed("Hundreds of men, women and children were killed by the militant group."),
        Some((200, Some(999), People))
    );
}

#[test]
fn counts_after_a_month_a_determiner_or_before_a_from_phrase() {
    // "April at least 88" is no date: the count has its own modifier.
    assert_eq!(
        killed("In early April at least 88 civilians were killed in a suspected chemical attack on Khan Sheikhun."),
        Some((88, None, Civilians))
    );
    assert_eq!(
        killed("The Observatory added that ISIL executed the 19 men on charges of corruption."),
        Some((19, Some(19), People))
    );
    // A from-phrase naming places joined by "and", and one after a single person.
    assert_eq!(
        killed("The Observatory said that 98 evacuees from the northern towns of Fuaa and Kafraya were killed when a car bomb hit their buses."),
        Some((98, Some(98), People))
    );
    assert_eq!(
        killed("A reporter from Al-Jazeera was killed in a Russian airstrike near Idlib."),
        Some((1, Some(1), Journalists))
    );
    // A date's day is still no count.
    assert_eq!(
        killed("The strike on April 5 killed 20 people."),
        Some((20, Some(20), People))
    );
}

#[test]
fn non_combatants_counted_in_parts_are_one_toll() {
    assert_eq!(
        killed("Ten children and five women have been killed in Syrian government air strikes in Aleppo."),
        Some((15, Some(15), People))
    );
    assert_eq!(
        killed("Another airstrike hit a village in the northwest on Tuesday killing a woman and nine children."),
        Some((10, Some(10), People))
    );
    // The parts of a toll given elsewhere stay parts; two sides stay two counts.
    assert_eq!(
        killed("Among the dead were 20 children and nine women, the Observatory said."),
        Some((20, Some(20), Children))
    );
    assert_eq!(
        killed("Shelling killed six civilians and five militiamen."),
        Some((6, Some(6), Civilians))
    );
}

#[test]
fn an_aside_between_a_count_and_its_verb() {
    assert_eq!(
        killed("Sixteen civilians - including three children - were killed on Monday following heavy bombardments."),
        Some((16, Some(16), Civilians))
    );
    assert_eq!(
        killed(
            "Clashes have rocked the city leaving 23 civilians - including nine children - dead."
        ),
        Some((23, Some(23), Civilians))
    );
    assert_eq!(
        killed("At least 11 civilians, among them four women, were killed in air raids."),
        Some((11, None, Civilians))
    );
    assert_eq!(
        killed("At least 11 civilians (including four women) were killed in air raids."),
        Some((11, None, Civilians))
    );
}

#[test]
fn a_relative_clause_between_a_count_and_its_verb() {
    assert_eq!(
        killed("A total of 70 Daesh terrorists who were later identified as nationals of CIS states were eliminated in the Mayadin area."),
        Some((70, Some(70), Militants))
    );
    assert_eq!(
        killed("A female Kurdish fighter who became a poster girl for the Kobane resistance has reportedly been beheaded by Isis."),
        Some((1, Some(1), Fighters))
    );
    assert_eq!(
        killed("A senior opposition official said 20 fighters who guarded the buses were killed."),
        Some((20, Some(20), Fighters))
    );
    // The clause's own active verb or a noun is not the count's.
    assert_eq!(
        killed("He is the one who slaughtered the journalists."),
        None
    );
    assert_eq!(
        killed("Mustafa, a 48-year-old man who lives with his parents, says he would leave now."),
        None
    );
}

#[test]
fn the_dead_and_wounded_together_are_neither_count() {
    assert_eq!(
        killed("Hundreds of dead and injured people were rushed to six makeshift hospitals."),
        None
    );
    assert_eq!(
        killed("The militants left behind scores of the dead and wounded members."),
        None
    );
    // "lives" before a second clause still counts.
    assert_eq!(
        killed("Shells landed in the market claiming two lives and injuring three people."),
        Some((2, Some(2), People))
    );
}

#[test]
fn injured_by_vague_counts_gas_and_the_injury_of() {
    assert_eq!(
        injured("The Observatory said scores were also injured in the aerial strikes."),
        Some((40, Some(99), People))
    );
    assert_eq!(
        injured(
            "On Sunday more than 35 people suffered suffocation after the shelling with toxic gas."
        ),
        Some((36, None, People))
    );
    assert_eq!(
        injured("The shelling led to the death of eight and the injury of 89."),
        Some((89, Some(89), People))
    );
    // Killed and injured together, split nowhere, is neither.
    assert_eq!(
        injured(
            "A suicide bomber blew himself up near the hall killing and injuring scores of people."
        ),
        None
    );
    // More of the same fighters; more people after civilians.
    assert_eq!(
        injured(
            "The attack on a bunker in Al Qaim killed around 10 IS commanders and wounded 40 more."
        ),
        Some((40, Some(40), Militants))
    );
    assert_eq!(
        injured("Jets bombed the towns killing at least 21 civilians and injuring dozens more."),
        Some((24, Some(99), People))
    );
}

#[test]
fn civilians_put_to_death_are_an_execution() {
    let ty = |s: &str| claim(s).event.map(|e| e.event_type);
    // A ground force that kills civilians with no fighting named.
    assert_eq!(
        ty("Syria insurgents killed at least 14 civilians in the village of Khatab in central Hama province overnight."),
        Some(EventType::Execution)
    );
    assert_eq!(
        ty("Other ISIL terrorists shot two civilians dead after blindfolding them and tying their hands."),
        Some(EventType::Execution)
    );
    assert_eq!(
        ty("ISIL terrorists killed three civilians from the town on charges of apostasy and crucified them in the town square."),
        Some(EventType::Execution)
    );
    // Fighters killed by a force fought on the ground.
    assert_eq!(
        ty("The Syrian army killed 28 Daesh militants near Palmyra."),
        Some(EventType::GroundAttack)
    );
}

#[test]
fn a_bare_bombing_after_air_strikes_is_the_air_campaign() {
    let types = |text: &str| -> Vec<EventType> {
        claims_on(text, None)
            .into_iter()
            .filter_map(|c| c.event.map(|e| e.event_type))
            .collect()
    };
    assert_eq!(
        types("Russian air strikes hit the town of Maaret al-Numan on Monday. The bombing also killed 13 people in a fuel market in the same town."),
        vec![EventType::Airstrike, EventType::Airstrike]
    );
    // A car bombing stays a bombing; so does a bombing nobody has claimed.
    assert_eq!(
        types("Russian air strikes hit the town on Monday. Some 33 people were killed in a wave of car bombings in Baghdad."),
        vec![EventType::Airstrike, EventType::Bombing]
    );
    assert_eq!(
        types("Russian air strikes hit the town on Monday. There was no immediate claim of responsibility for the bombing."),
        vec![EventType::Airstrike, EventType::Bombing]
    );
}

#[test]
fn a_person_and_his_companions_are_one_toll() {
    assert_eq!(
        killed("Abdel-Moneim said his son and 12 other militants were killed inside a tunnel."),
        Some((13, Some(13), Militants))
    );
    assert_eq!(
        killed("He was killed along with two other people by a blast that hit their bus."),
        Some((3, Some(3), People))
    );
    assert_eq!(
        killed("The strike killed the commander and three other people."),
        Some((4, Some(4), People))
    );
    // Two clauses, each with its own verb, stay two counts.
    assert_eq!(
        injured("Five civilians were killed on Thursday and more than 90 others were wounded."),
        Some((91, None, People))
    );
}

#[test]
fn single_persons_by_their_role_and_named_victims_in_a_video() {
    // A role or nationality names one person; a role takes its group's category.
    assert_eq!(
        killed("A drone strike near Raqqa killed a terrorist commander on Wednesday."),
        Some((1, Some(1), Militants))
    );
    assert_eq!(
        killed("Officials said a key aide was killed in a US air strike near Mosul."),
        Some((1, Some(1), People))
    );
    assert_eq!(
        killed("The group beheaded a third hostage, British aid worker David Haines."),
        Some((1, Some(1), People))
    );
    assert_eq!(
        injured("Russia said it had critically injured a leader of the Tahrir al-Sham militant group in an air strike."),
        Some((1, Some(1), Militants))
    );
    // "being killed" is passive: the person before it is the victim.
    assert_eq!(
        killed(
            "The video was posted online showing the photojournalist being killed by a militant."
        ),
        Some((1, Some(1), Journalists))
    );
    // An active verb and its named object, the title included.
    assert_eq!(
        killed("Four months after beheading American journalist James Foley, ISIS is ransoming his remains."),
        Some((1, Some(1), Journalists))
    );
    // "is killing" names no victim before it.
    assert_eq!(killed("ISIS is killing Yazidis in Sinjar."), None);
}

#[test]
fn an_intent_to_kill_is_no_toll() {
    assert_eq!(
        killed("The group is now threatening to kill another hostage, British journalist David Haines."),
        None
    );
    assert_eq!(killed("The militants vowed to kill 100 soldiers."), None);
    // A killing that happened stays one.
    assert_eq!(
        killed("The rebels managed to kill 20 soldiers in the ambush."),
        Some((20, Some(20), Soldiers))
    );
}

#[test]
fn a_motive_is_not_the_stated_cause() {
    let c = claim(
        "The video showed Sotloff being beheaded in retaliation for U.S. airstrikes in Iraq.",
    );
    assert_eq!(c.event.map(|e| e.event_type), Some(EventType::Execution));
}

#[test]
fn a_named_part_of_a_town_is_the_place() {
    let place = |s: &str| claim(s).event.and_then(|e| e.place).map(|p| p.name);
    assert_eq!(
        place("About 200 of the militants were killed during the fighting in the Kala-Balge district of Borno state."),
        Some("Kala-Balge".to_string())
    );
    assert_eq!(
        place(
            "In the mostly Shi'ite al-Amin area of Baghdad, another car bomb killed eight people."
        ),
        Some("al-Amin".to_string())
    );
    // A town named after "of" is the place; the adjective before it is not.
    assert_eq!(
        place("A suicide bomb blast killed at least 16 people in the mostly Kurdish-controlled city of Hasaka on Tuesday."),
        Some("Hasakah".to_string())
    );
}

#[test]
fn one_person_killed_by_an_armed_group_is_an_execution() {
    let c = claim("It is now believed that Rehana may have been killed by IS militants after a picture circulated on Twitter.");
    assert_eq!(c.event.map(|e| e.event_type), Some(EventType::Execution));
    // A soldier killed by the same group is a casualty of the fighting.
    let c = claim("A Kurdish soldier was killed by IS militants near the border.");
    assert_ne!(c.event.map(|e| e.event_type), Some(EventType::Execution));
}

#[test]
fn headlines_name_their_source_with_a_colon_or_a_closing_verb() {
    for (t, speaker) in [
        (
            "Pentagon: Airstrike kills terror leader in Somalia",
            "Pentagon",
        ),
        (
            "Official: Houthis take U.S. vehicles, weapons in Yemen",
            "Official",
        ),
        (
            "U.S. arms airdrop fell into ISIS hands: Pentagon",
            "Pentagon",
        ),
        (
            "IS executioner Jihadi John injured in air strike: reports",
            "reports",
        ),
        // Title case: a capitalised verb closing the headline is still a verb.
        (
            "Leader of Qaeda-Linked Somali Group Is Dead, U.S. Says",
            "U.S.",
        ),
        // Inside a title-case headline too, after a source: the speaker is before it.
        (
            "Iraqi Official Accuses ISIS Of Harvesting Organs To Finance Operations",
            "Iraqi Official",
        ),
        (
            "Lawmaker Says At Least 10 Islamic State Fighters Have Been Captured at the Border",
            "Lawmaker",
        ),
    ] {
        assert_eq!(chain(&claim(t), t), [speaker], "{t}");
    }
    // A topic label is no speaker, nor a list item's label before words with their
    // own reporting verb.
    for t in [
        "Isis: Masked Executioner Jihadi John Injured in US Led Airstrikes in Iraq",
        "Ferguson riots: audio may have captured Michael Brown shooting",
        "Jihadi John: Isis fighter named as Mohammed Emwazi from west London",
    ] {
        assert!(chain(&claim(t), t).is_empty(), "{t}");
    }
}

#[test]
fn headlines_name_one_victim_without_an_article() {
    assert_eq!(
        killed("ISIS leader killed in US airstrikes"),
        Some((1, Some(1), CasualtyCategory::Militants))
    );
    assert_eq!(
        killed("Brighton teenager killed in US air strikes in Syria"),
        Some((1, Some(1), CasualtyCategory::People))
    );
    assert_eq!(
        killed("Pentagon: Airstrike kills terror leader in Somalia").map(|k| k.0),
        Some(1)
    );
    // The head of the phrase, not a noun after "of".
    assert_eq!(
        killed("Reports of civilian deaths from U.S. airstrikes soared, the reports said."),
        None
    );
}

#[test]
fn weapons_and_people_taken_are_no_capture_of_ground() {
    let kind = |t: &str| claim(t).event.map(|e| e.event_type);
    assert_eq!(
        kind("Pentagon: 1 weapons bundle seized by militants"),
        Some(EventType::Other)
    );
    assert_eq!(
        kind("Yemen's Houthi rebels seize U.S. Marines weapons at airport"),
        Some(EventType::Other)
    );
    assert_eq!(
        kind("Ottawa investigates reports that Isis has captured Canadian-Israeli woman"),
        Some(EventType::Arrest)
    );
    // Ground taken stays a capture, also when arms were seized on the way.
    assert_eq!(
        kind("Kurdish forces captured the town of Tal Abyad from Islamic State."),
        Some(EventType::Capture)
    );
    assert_eq!(
        kind("The SDF seized a vehicle carrying arms and moved towards the town center."),
        Some(EventType::Capture)
    );
}

#[test]
fn shot_dead_before_its_victims() {
    assert_eq!(
        killed("Gunmen shot dead two policemen in Arish on Sunday."),
        Some((2, Some(2), CasualtyCategory::Police))
    );
    assert_eq!(
        killed("Two policemen were shot dead in Arish on Sunday."),
        Some((2, Some(2), CasualtyCategory::Police))
    );
}

/// An aside between commas before the verb ("Diane Foley, though, said"), papers, sites,
/// tabloids and documents as sources ("the paper added", "says the document"), and "X
/// was quoted as saying".
#[test]
fn speakers_over_an_aside_and_papers_and_documents() {
    let t = "Diane Foley, though, said the rescue operation came very late.";
    assert_eq!(chain(&claim(t), t), ["Diane Foley"]);
    let t = "The group's leader was also said to have been wounded in the attack, the paper added.";
    assert_eq!(chain(&claim(t), t), ["the paper"]);
    let t = "Also dead is a prominent IS fighter from Chechnya, says the document.";
    assert_eq!(chain(&claim(t), t), ["the document"]);
    // The subject of "was quoted as saying" speaks.
    let t = "The minister was quoted as saying that the army would respond.";
    assert_eq!(chain(&claim(t), t), ["The minister"]);
}

#[test]
fn counts_behind_a_place_phrase_an_apposition_or_a_second_verb() {
    // A phrase placing the victims before the verb.
    assert_eq!(
        killed("Twenty people in Kilis have been killed and almost 70 others wounded by rockets that fell in the city."),
        Some((20, Some(20), People))
    );
    assert_eq!(
        killed("Last week, hundreds of men, women and children with the Sunni Al Bu Nimr tribe were killed by the militant group."),
        Some((200, Some(999), People))
    );
    assert_eq!(
        killed("The monitoring group said that nine members of the Army of Conquest rebel alliance who were working in the clinic were also killed."),
        Some((9, Some(9), Fighters))
    );
    assert_eq!(
        killed("Three rescue workers from the Syrian Civil Defence - better known as the White Helmets - have been killed in bombing in a besieged Damascus suburb."),
        Some((3, Some(3), Medics))
    );
    assert_eq!(
        killed("A total of 24 Daesh terrorists (a terrorist group banned in Russia) were killed in separate operations in Syria."),
        Some((24, Some(24), Militants))
    );
    // Appositions with their own verb.
    assert_eq!(
        killed("Media reported that at least 200 people many of whom were civilians were killed in recent airstrikes in Mosul."),
        Some((200, None, People))
    );
    assert_eq!(
        killed("At least 412 people more than half of them from ISIS have been killed in and around Kobane since mid-September."),
        Some((412, None, People))
    );
    // Verbs of report, modals, adverbs and a second verb before the casualty verb.
    assert_eq!(
        killed("Around 130 people are reported to have died because of shortages in the camp."),
        Some((117, Some(143), People))
    );
    assert_eq!(
        killed("More than 140000 people are estimated to have been killed since the start of the uprising."),
        Some((140001, None, People))
    );
    assert_eq!(
        killed("Unverified reports estimated up to 33 people may have been killed in the strike."),
        Some((1, Some(33), People))
    );
    assert_eq!(
        killed("At least two ISIL jihadists have been publicly executed for spying in the city of Al-Bukamal."),
        Some((2, None, Militants))
    );
    assert_eq!(
        killed("Community members say that seven were arrested and executed."),
        Some((7, Some(7), People))
    );
    assert_eq!(
        killed("It lists 16 IS leaders as having been killed in the attack."),
        Some((16, Some(16), Militants))
    );
    assert_eq!(
        killed("The Kremlin said all five people on board were assumed dead."),
        Some((5, Some(5), People))
    );
}

#[test]
fn counts_of_bodies_prisoners_killed_and_tolls_named_after_their_count() {
    assert_eq!(
        killed("A Mosul morgue official said about 50 bodies of ISIS militants were brought to the facility after the airstrikes."),
        Some((45, Some(55), Militants))
    );
    assert_eq!(
        killed("Before government forces left Idlib they executed 15 detainees by shooting."),
        Some((15, Some(15), People))
    );
    // Prisoners released are no casualties.
    assert_eq!(killed("The army released 15 detainees in Idlib."), None);
    assert_eq!(
        killed("The Islamic State jihadists burnt 45 people alive near the town al-Baghdadi."),
        Some((45, Some(45), People))
    );
    assert_eq!(
        killed("A jihadist group in Syria has publicly executed and crucified nine men a monitor said."),
        Some((9, Some(9), People))
    );
    assert_eq!(
        killed(
            "More than 12000 people have been tortured to death by the Syrian regime since 2011."
        ),
        Some((12001, None, People))
    );
    assert_eq!(
        killed("The victims included 51 children 28 women and seven medical staff members."),
        Some((51, Some(51), Children))
    );
    assert_eq!(
        killed("Among the martyrs were a child and two women."),
        Some((1, Some(1), Children))
    );
    assert_eq!(
        killed("On Sunday rockets hit the border city of Kilis one police officer killed and two injured."),
        Some((1, Some(1), Police))
    );
    let c = claim("The Observatory said the bombardment brought to 49 the number of civilians killed in Eastern Ghouta in two days.");
    let k = c.event.and_then(|e| e.killed).expect("a toll");
    assert_eq!(
        (k.min, k.max, k.category, k.update),
        (49, Some(49), Civilians, true)
    );
    assert_eq!(
        killed(
            "The Observatory reported the incident putting the number of civilians killed at 13."
        ),
        Some((13, Some(13), Civilians))
    );
}

#[test]
fn injured_counts_with_a_total_an_adjective_an_adverb_or_a_toll_of_their_own() {
    assert_eq!(
        injured("Since yesterday 165 people total have been wounded the Observatory said."),
        Some((165, Some(165), People))
    );
    assert_eq!(
        injured("The bodies of 10 victims arrived at the hospital along with 41 people who sustained injuries from shrapnel."),
        Some((41, Some(41), People))
    );
    assert_eq!(
        injured("A woman was killed and twenty civilians including children were treated for asphyxiation on Tuesday evening."),
        Some((20, Some(20), Civilians))
    );
    assert_eq!(
        injured("The governor put the death toll at six and the number of injured at 28."),
        Some((28, Some(28), People))
    );
    assert_eq!(
        injured("The source added that two civilians were killed and 4 others sustained serious injuries."),
        Some((4, Some(4), People))
    );
    assert_eq!(
        injured("The Syrian Red Crescent said three of its workers were among the wounded."),
        Some((3, Some(3), People))
    );
    assert_eq!(
        injured("Four medics were killed and a nurse critically wounded when an airstrike hit a clinic."),
        Some((1, Some(1), Medics))
    );
}

#[test]
fn a_named_victim_takes_the_title_the_article_gives_the_name_anywhere() {
    let text = "Foley was beheaded by Islamic State militants in August. \
                The group later released a video of American journalist James Foley speaking.";
    let claims = claims_on(text, Some(date(2014, 9, 3)));
    let k = claims[0]
        .event
        .as_ref()
        .and_then(|e| e.killed.as_ref())
        .expect("one named victim");
    assert_eq!((k.min, k.category), (1, Journalists));
    // A generic title does not replace a specific one.
    let text = "American journalist Steven Sotloff was shown in the video. \
                U.S. citizen Steven Sotloff was kidnapped in 2013. \
                Sotloff was beheaded by the group on Tuesday.";
    let claims = claims_on(text, Some(date(2014, 9, 3)));
    let k = claims
        .iter()
        .find_map(|c| c.event.as_ref().and_then(|e| e.killed.as_ref()))
        .expect("one named victim");
    assert_eq!(k.category, Journalists);
}

#[test]
fn one_leader_counted_by_the_or_a_possessive_behind_a_name_set_off_by_commas() {
    assert_eq!(
        killed("Speculation is mounting that the leader of ISIS, Abu Bakr al-Baghdadi, was indeed killed in a US led airstrike on Friday."),
        Some((1, Some(1), Militants))
    );
    assert_eq!(
        killed("An Iraqi official said the aide, Abdur Rahman al-Athaee, also known as Abu Sajar, was killed in the attack by the coalition on Islamic State."),
        Some((1, Some(1), Militants))
    );
    assert_eq!(
        killed("The Iraqi State television reported that al-Baghdadi's top aide was also killed in the air strike."),
        Some((1, Some(1), People))
    );
    // A nationality after "the" is an adjective: no one person here.
    assert_eq!(
        killed("The Briton who beheaded the American hostages was wounded."),
        None
    );
    // "the" before a modifier of a plural, or before a clause with a count of its own.
    assert_eq!(
        killed("The latest civilian deaths come as the rebels press on with an assault."),
        None
    );
    let c = claim(
        "The interior ministry said one person had been killed and six injured in the attack.",
    );
    let k = c.event.and_then(|e| e.killed).expect("one killed");
    assert_eq!((k.min, k.expression.as_str()), (1, "one person"));
    // Another count of the same harm wins over "the" one.
    assert_eq!(
        injured("The Mail reported that the British-accented militant had been wounded at a meeting where 40 militants were also wounded."),
        Some((40, Some(40), Militants))
    );
}

#[test]
fn speakers_who_reply_boast_mock_term_or_claim() {
    let t = "Carlson mocked the claims that Iran is the greatest threat to America.";
    assert_eq!(chain(&claim(t), t), ["Carlson"]);
    let t = "Wilson boasted that his efforts have officially killed gun control.";
    assert_eq!(chain(&claim(t), t), ["Wilson"]);
    let t =
        "Islamic State terrorists claim to have beheaded the poster girl of the Kurdish militia.";
    assert_eq!(chain(&claim(t), t), ["Islamic State terrorists"]);
    // Leaders, a kingdom, negotiators; a day word between speaker and verb.
    let t = "Iraqi leaders said the new US military trainers are welcome.";
    assert_eq!(chain(&claim(t), t), ["Iraqi leaders"]);
    let t = "The kingdom said the airstrikes aim to insure the country's security.";
    assert_eq!(chain(&claim(t), t), ["The kingdom"]);
    let t = "The Syrian Observatory for Human Rights today said the toll rose to 40.";
    assert_eq!(
        chain(&claim(t), t),
        ["The Syrian Observatory for Human Rights"]
    );
    // A capitalised "Today" is part of a name, not a day between speaker and verb.
    let t = "Opposition media outlet Aleppo Today said the explosion occurred near a mosque.";
    assert!(chain(&claim(t), t)
        .iter()
        .any(|s| s.ends_with("Aleppo Today")));
    // An aside between commas after the subject: a participle clause, an apposition
    // of a named person.
    let t = "McDonough, making the rounds of the Sunday talk shows, said the administration explained the law.";
    assert_eq!(chain(&claim(t), t), ["McDonough"]);
    let t = "Mamman Yakubu, a youth that participated in the resistance, said that they killed the terrorists.";
    assert_eq!(chain(&claim(t), t), ["Mamman Yakubu"]);
    // A breakdown is no aside: the inverted speaker stays.
    let t = "The attack killed 20 people, including children, said the Observatory.";
    assert_eq!(chain(&claim(t), t), ["the Observatory"]);
    // A declaration is an act, not a claim: the army speaks for no one here.
    let t = "The army declared an end to its ceasefire on Monday evening.";
    assert!(chain(&claim(t), t).is_empty());
}

#[test]
fn a_toll_of_the_month_so_far_is_a_running_total() {
    let text =
        "The deaths bring the number of civilians documented killed in Talbiseh this month to 29.";
    let claims = claims_on(text, Some(date(2018, 2, 28)));
    let k = claims[0]
        .event
        .as_ref()
        .and_then(|e| e.killed.as_ref())
        .expect("a toll");
    assert_eq!((k.min, k.cumulative), (29, true));
}

#[test]
fn a_country_before_a_strike_names_the_striker_not_the_place() {
    let place = |t: &str| claim(t).event.and_then(|e| e.place).map(|p| p.name);
    assert_eq!(
        place("Six Islamist militants were killed in a US attack in Somalia.").as_deref(),
        Some("Somalia")
    );
    assert_eq!(
        place("The terror group leader was killed in a U.S. airstrike."),
        None
    );
    // The war's own theatre stays the place.
    assert_eq!(
        place("A Brighton jihadi was among five killed in Syria drone strike.").as_deref(),
        Some("Syria")
    );
}
