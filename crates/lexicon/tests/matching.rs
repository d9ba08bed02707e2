//! Alias resolution and containment on phrases as conflict news writes them.

use crosscheck_lexicon::{ActorKind, Actors, Gazetteer, PlaceKind};

fn places_in(g: &Gazetteer, text: &str) -> Vec<(String, String)> {
    g.find(text, 0, text.len())
        .iter()
        .map(|m| {
            (
                text[m.start..m.end].to_string(),
                g.get(m.place).unwrap().name.clone(),
            )
        })
        .collect()
}

fn actors_in(a: &Actors, text: &str) -> Vec<(String, String)> {
    a.find(text, 0, text.len())
        .iter()
        .map(|m| {
            (
                text[m.start..m.end].to_string(),
                a.get(m.actor).unwrap().name.clone(),
            )
        })
        .collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn russian_warplanes_are_the_russian_armed_forces() {
    let a = Actors::new();
    let text =
        "Russian warplanes struck the town on Tuesday, the Russian Defence Ministry denied it.";
    assert_eq!(
        actors_in(&a, text),
        pairs(&[
            ("Russian warplanes", "Russian Armed Forces"),
            ("Russian Defence Ministry", "Russian Defence Ministry"),
        ])
    );
    let m = a.find(text, 0, text.len());
    let mention = a.to_mention(&m[0], text);
    assert_eq!(mention.kind, crosscheck_schema::EntityKind::StateForce);
    assert_eq!((mention.start, mention.end), (0, 17));
    assert_eq!(a.top("ru/armed-forces").unwrap().name, "Russian Government");
}

#[test]
fn the_islamic_state_under_its_many_names() {
    let a = Actors::new();
    for text in [
        "Daesh fighters attacked",
        "ISIS terrorists shelled",
        "the ISIL terrorist group",
        "IS claimed the attack",
        "the Islamic State group said",
        "militants of the so-called Islamic State of Iraq and the Levant",
    ] {
        let found = actors_in(&a, text);
        assert!(
            found.iter().any(|(_, name)| name == "Islamic State"),
            "{text:?} gave {found:?}"
        );
    }
    // Lowercase "is" is a verb, and "crisis" is not "ISIS".
    assert!(actors_in(&a, "the situation is dire").is_empty());
    assert!(actors_in(&a, "the humanitarian crisis deepened").is_empty());
}

#[test]
fn nusra_and_its_successors_are_kept_apart_but_linked() {
    let a = Actors::new();
    assert_eq!(
        actors_in(&a, "members of the Nusra Front"),
        pairs(&[("Nusra Front", "Jabhat al-Nusra")])
    );
    assert_eq!(
        a.by_name("Jabhat Fateh al-Sham").unwrap().name,
        "Jabhat Fateh al-Sham"
    );
    let hts = a.by_name("HTS").unwrap();
    assert_eq!(hts.name, "Hayat Tahrir al-Sham");
    let jfs = a.actor(hts.successor_of.as_deref().unwrap()).unwrap();
    assert_eq!(jfs.name, "Jabhat Fateh al-Sham");
    assert_eq!(
        a.actor(jfs.successor_of.as_deref().unwrap()).unwrap().name,
        "Jabhat al-Nusra"
    );
}

#[test]
fn the_regime_and_its_forces() {
    let a = Actors::new();
    assert_eq!(a.by_name("the regime").unwrap().name, "Syrian Government");
    assert_eq!(a.by_name("Assad regime").unwrap().name, "Syrian Government");
    let saa = a.by_name("Syrian Arab Army").unwrap();
    assert_eq!(a.by_name("SAA").unwrap().id, saa.id);
    assert_eq!(a.by_name("government forces").unwrap().id, saa.id);
    assert_eq!(a.top(&saa.id).unwrap().name, "Syrian Government");
    assert_eq!(
        a.by_name("Syrian helicopters").unwrap().name,
        "Syrian Arab Air Force"
    );
    assert_eq!(
        actors_in(&a, "Assad\u{2019}s forces shelled Douma"),
        pairs(&[("Assad\u{2019}s forces", "Syrian Arab Army")])
    );
}

#[test]
fn generic_fighters_are_flagged() {
    let a = Actors::new();
    for word in [
        "rebels",
        "militants",
        "terrorists",
        "insurgents",
        "opposition fighters",
        "gunmen",
    ] {
        let actor = a
            .by_name(word)
            .unwrap_or_else(|| panic!("{word} is not in the table"));
        assert!(actor.generic, "{word} should be generic");
    }
    assert!(!a.by_name("Jaish al-Islam").unwrap().generic);
}

#[test]
fn sources_of_claims_resolve_with_their_kinds() {
    let a = Actors::new();
    let text = "Al Arabiya reported, citing the Syrian Observatory for Human Rights, \
                that state media and SANA were wrong, the White Helmets said.";
    let found = actors_in(&a, text);
    assert_eq!(
        found.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>(),
        [
            "Al Arabiya",
            "Syrian Observatory for Human Rights",
            "Syrian state media",
            "SANA",
            "White Helmets"
        ]
    );
    assert_eq!(
        a.by_name("the Observatory").unwrap().kind,
        ActorKind::Monitor
    );
    assert_eq!(a.by_name("SANA").unwrap().kind, ActorKind::Media);
    assert_eq!(a.by_name("SANA").unwrap().side, "media-state");
    assert_eq!(
        a.by_name("Syria Civil Defence").unwrap().kind.entity_kind(),
        crosscheck_schema::EntityKind::Organisation
    );
}

#[test]
fn deir_ez_zor_in_every_spelling() {
    let g = Gazetteer::new();
    let city = g.place("sy/deir-ez-zor/deir-ez-zor-city").unwrap();
    for spelling in [
        "Deir ez-Zor",
        "Deir Ezzor",
        "Dayr al-Zawr",
        "Deir el-Zour",
        "Deir al-Zor",
        "Deir Ezzor city",
    ] {
        assert_eq!(
            g.by_name(spelling).map(|p| &p.id),
            Some(&city.id),
            "{spelling}"
        );
    }
    assert_eq!(
        places_in(&g, "Shelling in Deir ez-Zor province killed five."),
        pairs(&[("Deir ez-Zor province", "Deir ez-Zor Governorate")])
    );
    assert_eq!(
        places_in(&g, "fighting near Dayr al-Zawr airport"),
        pairs(&[("Dayr al-Zawr airport", "Deir ez-Zor Airport")])
    );
}

#[test]
fn other_transliteration_variants() {
    let g = Gazetteer::new();
    let same = |a: &str, b: &str| {
        let (pa, pb) = (g.by_name(a), g.by_name(b));
        assert!(
            pa.is_some() && pa == pb,
            "{a:?} and {b:?} differ: {pa:?} {pb:?}"
        );
    };
    same("Aleppo", "Halab");
    same("Raqqa", "Al-Raqqah");
    same("Lattakia", "Latakia");
    same("Palmyra", "Tadmur");
    same("Kobani", "Ayn al-Arab");
    same("Kobane", "Ain al-Arab");
    same("Hasakah", "Hasakeh");
    same("Khan Shaykhun", "Khan Sheikhoun");
    same("Albu Kamal", "Abu Kamal");
    same("Tal Abyad", "Tell Abyad");
    same("Ras al-Ayn", "Ras al-Ain");
    same("Jisr al-Shughur", "Jisr al-Shaghour");
    same("Reyhanli", "Reyhanl\u{131}");
    same("Sanliurfa", "\u{15E}anl\u{131}urfa");
}

#[test]
fn places_in_sentences() {
    let g = Gazetteer::new();
    assert_eq!(
        places_in(
            &g,
            "Government forces advanced in eastern Ghouta, near Douma and Harasta."
        ),
        pairs(&[
            ("eastern Ghouta", "Eastern Ghouta"),
            ("Douma", "Douma"),
            ("Harasta", "Harasta"),
        ])
    );
    let text = "Air strikes hit Ma\u{2019}arrat al-Nu\u{2019}man and Kafr Nabl in Idlib province.";
    assert_eq!(
        places_in(&g, text),
        pairs(&[
            ("Ma\u{2019}arrat al-Nu\u{2019}man", "Maarat al-Numan"),
            ("Kafr Nabl", "Kafr Nabl"),
            ("Idlib province", "Idlib Governorate"),
        ])
    );
    assert_eq!(
        places_in(&g, "the Yarmouk camp south of Damascus"),
        pairs(&[("Yarmouk camp", "Yarmouk Camp"), ("Damascus", "Damascus")])
    );
}

#[test]
fn only_whole_words_match() {
    let g = Gazetteer::new();
    // "Homs" must not match inside "Homsi", nor "Hama" inside "Hamadi".
    assert!(places_in(&g, "the Homsi and Hamadi families").is_empty());
    // A longer name that runs into a word falls back to the shorter one.
    assert_eq!(
        places_in(&g, "the Deir ez-Zor provincial council"),
        pairs(&[("Deir ez-Zor", "Deir ez-Zor")])
    );
    // Text that lost its apostrophes still names the place: "Hamas" is "Hama's".
    assert_eq!(
        places_in(&g, "in Hamas eastern countryside"),
        pairs(&[("Hamas", "Hama")])
    );
}

#[test]
fn offsets_are_absolute_and_respect_the_range() {
    let g = Gazetteer::new();
    let text = "\u{201C}Aleppo\u{201D} \u{2014} fighting in Sheikh Maqsoud and Homs.";
    let start = text.find("fighting").unwrap();
    let end = text.find(" and Homs").unwrap();
    let found = g.find(text, start, end);
    assert_eq!(found.len(), 1);
    assert_eq!(&text[found[0].start..found[0].end], "Sheikh Maqsoud");
    // Out-of-range and mid-character ranges are narrowed, never a panic.
    assert!(g.find(text, 1, 2).is_empty());
    assert_eq!(g.find(text, 0, usize::MAX).len(), 3);
}

#[test]
fn a_neighbourhood_of_aleppo_lies_in_aleppo_governorate() {
    let g = Gazetteer::new();
    let hood = g.by_name("Sheikh Maqsoud").unwrap();
    assert_eq!(hood.kind, PlaceKind::Neighbourhood);
    let chain: Vec<&str> = g.within(&hood.id).iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        chain,
        [
            "Syria",
            "Aleppo Governorate",
            "Mount Simeon District",
            "Aleppo"
        ]
    );
    assert!(g.contains("sy/aleppo/aleppo-city", &hood.id));
    assert!(g.contains("sy/aleppo", &hood.id));
    assert!(g.contains("sy", &hood.id));
    assert!(g.contains(&hood.id, &hood.id));
    assert!(!g.contains(&hood.id, "sy/aleppo/aleppo-city"));
    assert!(!g.contains("sy/idlib", &hood.id));

    let text = "shelling of Bustan al-Qasr";
    let m = g.find(text, 0, text.len());
    let mention = g.to_mention(&m[0], text);
    assert_eq!(mention.id.as_deref(), Some("sy/aleppo/bustan-al-qasr"));
    assert_eq!(
        mention.within,
        [
            "Syria",
            "Aleppo Governorate",
            "Mount Simeon District",
            "Aleppo"
        ]
    );
    assert_eq!(mention.text, "Bustan al-Qasr");
}

#[test]
fn neighbouring_countries_and_capitals() {
    let g = Gazetteer::new();
    assert!(g.contains("tr", &g.by_name("Reyhanli").unwrap().id));
    assert!(g.contains("iq", &g.by_name("Tal Afar").unwrap().id));
    assert!(g.contains("lb", &g.by_name("Arsal").unwrap().id));
    assert!(g.contains("jo", &g.by_name("Zaatari camp").unwrap().id));
    for capital in [
        "Moscow",
        "Washington",
        "Geneva",
        "Astana",
        "Sochi",
        "Tehran",
        "Riyadh",
        "Doha",
    ] {
        assert!(g.by_name(capital).is_some(), "{capital}");
    }
}

#[test]
fn the_shipped_tables_hold_together() {
    let g = Gazetteer::new();
    let governorates: Vec<&str> = g
        .places()
        .iter()
        .filter(|p| p.kind == PlaceKind::Governorate && p.parent.as_deref() == Some("sy"))
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(governorates.len(), 14, "{governorates:?}");
    for p in g.places() {
        if let Some(gov) = p.id.strip_prefix("sy/").and_then(|r| r.split('/').next()) {
            assert!(
                g.contains(&format!("sy/{gov}"), &p.id),
                "{} is not inside sy/{gov}",
                p.id
            );
        }
        if p.kind == PlaceKind::Neighbourhood {
            assert!(
                g.within(&p.id).iter().any(|a| a.kind == PlaceKind::City),
                "{} is in no city",
                p.id
            );
        }
    }
    let a = Actors::new();
    assert!(g.len() >= 250, "{} places", g.len());
    assert!(a.len() >= 100, "{} actors", a.len());
}

#[test]
fn table_errors_name_the_line() {
    let head = "id\tname\tkind\tparent\tlat\tlon\taliases\n";
    let dup = format!("{head}a\tA\tcountry\t\t\t\tAlpha\nb\tB\tcountry\t\t\t\talpha\n");
    let err = Gazetteer::from_tsv(&dup).err().unwrap();
    assert_eq!(err.line, 3);
    assert!(err.message.contains("already an alias of a"), "{err}");
    let orphan = format!("{head}a\tA\tcity\tnowhere\t\t\t\n");
    assert!(Gazetteer::from_tsv(&orphan).is_err());
    let kind = format!("{head}a\tA\thamlet\t\t\t\t\n");
    assert_eq!(Gazetteer::from_tsv(&kind).err().unwrap().line, 2);
    assert!(Gazetteer::from_tsv("nothing here").is_err());
    assert!(Actors::from_tsv(
        "id\tname\tkind\tside\tgeneric\trelated\taliases\nx\tX\tstate\t\tmaybe\t\t\n"
    )
    .is_err());
}

#[test]
fn case_sensitive_names_only_match_as_written() {
    let a = Actors::new();
    assert_eq!(
        actors_in(
            &a,
            "WHO said the victims showed signs of nerve agent exposure"
        ),
        pairs(&[("WHO", "World Health Organization")])
    );
    assert!(actors_in(&a, "those who fled the town").is_empty());
    assert_eq!(
        actors_in(&a, "RT and AP reported"),
        pairs(&[("RT", "RT"), ("AP", "Associated Press")])
    );
    let g = Gazetteer::new();
    assert_eq!(
        places_in(&g, "clashes near Harem"),
        pairs(&[("Harem", "Harem")])
    );
    assert!(places_in(&g, "a harem of palace women").is_empty());
}

#[test]
fn arabic_script_names() {
    let g = Gazetteer::new();
    // A prefixed conjunction (و) makes another word: only whole words match.
    assert_eq!(
        places_in(&g, "قصف على حلب وإدلب"),
        pairs(&[("حلب", "Aleppo")])
    );
    assert_eq!(
        places_in(&g, "ريف إدلب الجنوبي"),
        pairs(&[("ريف إدلب", "Idlib Governorate")])
    );
    let a = Actors::new();
    assert_eq!(
        actors_in(&a, "مقاتلو داعش"),
        pairs(&[("داعش", "Islamic State")])
    );
}

#[test]
fn odd_input_and_any_range_never_panic() {
    let (g, a) = (Gazetteer::new(), Actors::new());
    let texts = [
        "",
        "\u{2019}",
        "Ma\u{2019}",
        "\u{2018}Aleppo\u{2019}s \u{2014}\u{00A0}Homs\u{2011}",
        "حَلَب\u{200D}ـ إدلب",
        "IS\u{2019}s  \r\n\t-- Daesh's",
        "Deir ez-\nZor'",
        "\u{FEFF}Şanlıurfa’\u{0301}",
    ];
    for text in texts {
        for start in 0..=text.len() + 1 {
            for end in 0..=text.len() + 1 {
                for m in g.find(text, start, end) {
                    assert!(text.get(m.start..m.end).is_some());
                    let _ = g.to_mention(&m, text);
                }
                for m in a.find(text, start, end) {
                    assert!(text.get(m.start..m.end).is_some());
                    let _ = a.to_mention(&m, text);
                }
            }
        }
    }
}

/// "regimes helicopters" and "Syrian army's aircraft" name what "regime helicopters" and
/// "Syrian army aircraft" name. (A match that starts earlier still wins: "the Syrian
/// army's aircraft" is "the Syrian army".)
#[test]
fn an_owner_possessive_matches_the_owner_alias() {
    let a = Actors::new();
    for text in [
        "Syrian army's aircraft bombed",
        "regimes helicopters dropped",
        "Syrian armys aircraft bombed",
    ] {
        let found = a.find(text, 0, text.len());
        assert_eq!(found.len(), 1, "{text}");
        let name = &a.get(found[0].actor).unwrap().name;
        assert_eq!(name, "Syrian Arab Air Force", "{text}");
    }
}

/// "Syria's army" and "Syrias army" name what "Syrian army" names; an alias written in
/// the table wins over a generated one.
#[test]
fn a_country_possessive_matches_the_demonym_alias() {
    let a = Actors::new();
    for text in [
        "Syria's army shelled",
        "Syrias army shelled",
        "Russia's warplanes struck",
    ] {
        let found = a.find(text, 0, text.len());
        assert_eq!(found.len(), 1, "{text}");
        let name = &a.get(found[0].actor).unwrap().name;
        assert!(
            name == "Syrian Arab Army" || name == "Russian Armed Forces",
            "{text}: {name}"
        );
        assert_eq!(found[0].start, 0, "{text}");
    }
}

/// A spelling two places share (`al-Hader`: the Quneitra village holds it, the Aleppo
/// village lists it as `~al-Hader`) goes to the place whose governorate the text
/// names nearer; with no such name, to the place holding the bare spelling.
#[test]
fn shared_spellings_follow_the_governorate_named_nearby() {
    let g = Gazetteer::new();
    let resolve = |text: &str| -> Vec<String> {
        let mut found = g.find(text, 0, text.len());
        g.disambiguate(text, &mut found);
        found
            .iter()
            .filter(|m| text[m.start..m.end].to_lowercase().contains("had"))
            .map(|m| g.get(m.place).unwrap().id.clone())
            .collect()
    };
    assert_eq!(
        resolve(
            "Terrorists fired a rocket shell on al-Hader town in Aleppos southern countryside."
        ),
        ["sy/aleppo/hadher"]
    );
    assert_eq!(
        resolve("Rockets hit the village of al-Hader, south of Aleppo. Later al-Hader was quiet."),
        ["sy/aleppo/hadher", "sy/aleppo/hadher"]
    );
    assert_eq!(
        resolve("A rocket shell hit Hadar village in Quneitra countryside."),
        ["sy/quneitra/hader"]
    );
    assert_eq!(
        resolve("Rebels surrounded the village of al-Hader in Quneitra province, far from Aleppo's front lines."),
        ["sy/quneitra/hader"]
    );
    assert_eq!(
        resolve("An Israeli drone struck al-Hader."),
        ["sy/quneitra/hader"]
    );
}

/// A `~` spelling must be another entry's spelling.
#[test]
fn a_shared_spelling_must_belong_to_another_entry() {
    let header = "id\tname\tkind\tparent\tlat\tlon\taliases\n";
    let table = format!("{header}sy\tSyria\tcountry\t\t\t\t\nsy/x\tX Governorate\tgovernorate\tsy\t\t\t\nsy/x/a\tAlpha\ttown\tsy/x\t\t\t~Beta\n");
    let err = Gazetteer::from_tsv(&table).err().expect("an error");
    assert!(err.to_string().contains("~Beta"), "{err}");
}
