//! Coverage of the shipped tables on every FA-KES article (skipped when the
//! shared data is absent).

mod common;

use crosscheck_lexicon::{Actors, Gazetteer, PlaceKind};

#[test]
fn every_fakes_article_is_matched_and_every_location_resolves() {
    let Some(articles) = common::fakes::articles() else {
        eprintln!("skipped: shared/data/fa-kes is absent");
        return;
    };
    let (g, a) = (Gazetteer::new(), Actors::new());
    let (mut with_place, mut with_actor, mut places, mut actors) = (0, 0, 0, 0);
    let mut locations = std::collections::BTreeSet::new();
    for art in &articles {
        let text = &art.text;
        let p = g.find(text, 0, text.len());
        let q = a.find(text, 0, text.len());
        for (s, e) in p
            .iter()
            .map(|m| (m.start, m.end))
            .chain(q.iter().map(|m| (m.start, m.end)))
        {
            assert!(s < e && text.get(s..e).is_some(), "bad span {s}..{e}");
        }
        with_place += usize::from(!p.is_empty());
        with_actor += usize::from(!q.is_empty());
        places += p.len();
        actors += q.len();
        locations.insert(art.location.clone());
    }
    let n = articles.len();
    println!(
        "FA-KES: {n} articles; {with_place} mention a place ({places} mentions), \
         {with_actor} mention an actor ({actors} mentions)"
    );
    assert!(
        with_place * 100 >= n * 98,
        "only {with_place} of {n} articles mention a place"
    );
    assert!(
        with_actor * 100 >= n * 98,
        "only {with_actor} of {n} articles mention an actor"
    );

    for loc in &locations {
        let place = g
            .by_name(loc)
            .unwrap_or_else(|| panic!("location {loc:?} does not resolve"));
        assert!(
            matches!(place.kind, PlaceKind::Governorate | PlaceKind::City),
            "location {loc:?} resolves to {} ({:?})",
            place.id,
            place.kind
        );
        println!("location {loc:?} -> {} ({})", place.name, place.id);
    }
}
