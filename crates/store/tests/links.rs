//! Linking results and state survive in the store and are replaced as a whole.

use chrono::NaiveDate;
use crosscheck_schema::{
    ClaimRef, ClaimStatus, Contradiction, ContradictionField, Corroboration, Event, EventType,
    IndependenceGroup,
};
use crosscheck_store::{LinkSnapshot, Store, StoreError};

/// A link result with no groups, events or statuses: only the linker's state.
fn state_only(state: &[u8]) -> LinkSnapshot<'_> {
    LinkSnapshot {
        state,
        groups: &[],
        events: &[],
        contradictions: &[],
        corroborations: &[],
        statuses: &[],
    }
}

fn claim(id: &str, value: &str) -> ClaimRef {
    ClaimRef {
        claim: id.into(),
        article: id.split('/').next().unwrap().into(),
        outlet: Some("Levant Wire".into()),
        value: value.into(),
        attribution: vec!["Syrian Observatory for Human Rights".into()],
        start: 0,
        end: 10,
    }
}

#[test]
fn a_saved_link_result_reads_back_and_a_new_one_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.link_state().unwrap(), None);

    let day = NaiveDate::from_ymd_opt(2016, 10, 16).unwrap();
    let event = Event {
        id: "e1".into(),
        event_type: EventType::Airstrike,
        description: "airstrike on a market in Maarat al-Numan".into(),
        place: None,
        date_from: Some(day),
        date_to: Some(day),
        claims: vec!["a1/c1".into(), "b2/c3".into()],
        articles: vec!["a1".into(), "b2".into()],
    };
    let contradiction = Contradiction {
        id: "x1".into(),
        event: "e1".into(),
        field: ContradictionField::Killed,
        claims: vec![claim("a1/c1", "at least 35"), claim("b2/c3", "12")],
        first_side: 1,
    };
    let corroboration = Corroboration {
        event: "e1".into(),
        field: ContradictionField::Date,
        value: "2016-10-16".into(),
        independent_sources: 2,
        claims: vec![claim("a1/c1", "2016-10-16"), claim("b2/c3", "2016-10-16")],
    };
    let group = IndependenceGroup {
        id: "g1".into(),
        origin: "a1".into(),
        articles: vec!["a1".into(), "c9".into()],
    };
    let statuses = vec![
        ("a1/c1".to_string(), ClaimStatus::Contradicted),
        ("b2/c3".to_string(), ClaimStatus::Contradicted),
    ];
    store
        .save_links(&LinkSnapshot {
            state: b"opaque linker state",
            groups: &[group],
            events: std::slice::from_ref(&event),
            contradictions: std::slice::from_ref(&contradiction),
            corroborations: std::slice::from_ref(&corroboration),
            statuses: &statuses,
        })
        .unwrap();
    drop(store);

    let store = Store::open_read_only(&path).unwrap();
    assert_eq!(
        store.link_state().unwrap().as_deref(),
        Some(&b"opaque linker state"[..])
    );
    assert_eq!(store.events(0, 0, false).unwrap(), vec![event.clone()]);
    assert_eq!(store.events(0, 0, true).unwrap(), vec![event.clone()]);
    assert_eq!(store.contradicted_fields("e1").unwrap(), vec!["killed"]);
    let detail = store.event("e1").unwrap().unwrap();
    assert_eq!(detail.contradictions, vec![contradiction]);
    assert_eq!(detail.corroborations, vec![corroboration]);
    assert_eq!(store.article_events("b2").unwrap(), vec!["e1".to_string()]);
    assert_eq!(
        store.claim_statuses("a1").unwrap(),
        vec![("a1/c1".to_string(), ClaimStatus::Contradicted)]
    );
    assert!(store.event("nope").unwrap().is_none());
    drop(store);

    let mut store = Store::open(&path).unwrap();
    store
        .save_links(&LinkSnapshot {
            state: b"newer",
            groups: &[],
            events: &[],
            contradictions: &[],
            corroborations: &[],
            statuses: &[],
        })
        .unwrap();
    assert!(store.events(0, 0, false).unwrap().is_empty());
    assert!(store.contradicted_fields("e1").unwrap().is_empty());
    assert!(store.claim_statuses("a1").unwrap().is_empty());
    assert_eq!(store.link_state().unwrap().as_deref(), Some(&b"newer"[..]));
}

#[test]
fn a_state_larger_than_one_part_reads_back_whole() {
    // Incompressible bytes, so the packed state spans two 64 MiB parts.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let state: Vec<u8> = (0..(80usize << 20))
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    let mut store = Store::open(&path).unwrap();
    store.save_links(&state_only(&state)).unwrap();
    drop(store);
    let parts: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("SELECT count(*) FROM link_state_parts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(parts, 2);
    let store = Store::open_read_only(&path).unwrap();
    assert!(store.link_state().unwrap().unwrap() == state);
}

#[test]
fn a_save_over_a_state_another_run_replaced_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    let snapshot = state_only;
    let mut first = Store::open(&path).unwrap();
    let mut second = Store::open(&path).unwrap();
    assert_eq!(first.link_state_versioned().unwrap(), (None, 0));

    // Two runs read generation 0; the first to save wins...
    let (_, read_by_first) = first.link_state_versioned().unwrap();
    let (_, read_by_second) = second.link_state_versioned().unwrap();
    first
        .save_links_over(&snapshot(b"first"), Some(read_by_first))
        .unwrap();
    // ...and the second is told, and writes nothing.
    let refused = second.save_links_over(&snapshot(b"second"), Some(read_by_second));
    assert!(
        matches!(
            refused,
            Err(crosscheck_store::StoreError::LinkConflict {
                expected: 0,
                found: 1,
                ..
            })
        ),
        "{refused:?}"
    );
    assert_eq!(
        second.link_state_versioned().unwrap(),
        (Some(b"first".to_vec()), 1)
    );

    // Reading again and saving over what is there works.
    let (_, now) = second.link_state_versioned().unwrap();
    second
        .save_links_over(&snapshot(b"second"), Some(now))
        .unwrap();
    assert_eq!(
        first.link_state_versioned().unwrap(),
        (Some(b"second".to_vec()), 2)
    );
}

fn event(id: &str) -> Event {
    Event {
        id: id.into(),
        event_type: EventType::Shelling,
        description: format!("shelling {id}"),
        place: None,
        date_from: None,
        date_to: None,
        claims: vec![format!("{id}a/c1")],
        articles: vec![format!("{id}a")],
    }
}

fn contradiction(id: &str, event: &str, field: ContradictionField) -> Contradiction {
    Contradiction {
        id: id.into(),
        event: event.into(),
        field,
        claims: vec![claim("a1/c1", "3"), claim("b2/c1", "5")],
        first_side: 1,
    }
}

#[test]
fn contradicted_events_are_filtered_before_paging_with_their_fields() {
    let mut store = Store::open_in_memory().unwrap();
    let events: Vec<Event> = ["e1", "e2", "e3", "e4"].into_iter().map(event).collect();
    let contradictions = [
        contradiction("x1", "e2", ContradictionField::Actor),
        contradiction("x2", "e4", ContradictionField::Date),
        contradiction("x3", "e2", ContradictionField::Killed),
        contradiction("x4", "e2", ContradictionField::Actor),
    ];
    store
        .save_links(&LinkSnapshot {
            state: b"s",
            groups: &[],
            events: &events,
            contradictions: &contradictions,
            corroborations: &[],
            statuses: &[],
        })
        .unwrap();
    let ids = |events: Vec<Event>| events.into_iter().map(|e| e.id).collect::<Vec<_>>();
    assert_eq!(
        ids(store.events(0, 0, false).unwrap()),
        ["e1", "e2", "e3", "e4"]
    );
    assert_eq!(ids(store.events(2, 1, false).unwrap()), ["e2", "e3"]);
    assert_eq!(ids(store.events(0, 0, true).unwrap()), ["e2", "e4"]);
    assert_eq!(ids(store.events(1, 1, true).unwrap()), ["e4"]);
    assert!(store.events(0, 2, true).unwrap().is_empty());
    // Each field once, in the order of its first contradiction.
    assert_eq!(
        store.contradicted_fields("e2").unwrap(),
        ["actor", "killed"]
    );
    assert_eq!(store.contradicted_fields("e4").unwrap(), ["date"]);
    assert!(store.contradicted_fields("e1").unwrap().is_empty());
}

#[test]
fn a_saved_linker_loads_back_with_its_generation() {
    let mut store = Store::open_in_memory().unwrap();
    let (linker, generation) = store.linker().unwrap();
    assert_eq!(generation, 0);
    let result = linker.link();
    store
        .save_linker(&linker, &result, Some(generation))
        .unwrap();
    assert_eq!(store.link_state().unwrap(), Some(linker.to_state()));
    let (again, generation) = store.linker().unwrap();
    assert_eq!(generation, 1);
    assert_eq!(again.to_state(), linker.to_state());
    // A save over a generation another run replaced writes nothing.
    let refused = store.save_linker(&linker, &result, Some(0));
    assert!(
        matches!(
            refused,
            Err(StoreError::LinkConflict {
                expected: 0,
                found: 1,
                ..
            })
        ),
        "{refused:?}"
    );
    assert_eq!(store.linker().unwrap().1, 1);
    // A state that is not a linker's is a damaged row, not a panic.
    store
        .save_links(&state_only(b"not a linker state"))
        .unwrap();
    assert!(matches!(store.linker(), Err(StoreError::Corrupt { .. })));
}

/// The state is saved as given, a state saved packed (by a store older than
/// schema version 8) still reads, and a state that begins like a zstd frame
/// round-trips too (it is packed, so the reader can tell).
#[test]
fn link_states_read_back_saved_plain_packed_by_older_stores_or_looking_packed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    let mut store = Store::open(&path).unwrap();
    let snapshot = state_only;
    let state = b"CCLS\x01 a linker state".to_vec();
    store.save_links(&snapshot(&state)).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    let saved: Vec<u8> = conn
        .query_row("SELECT bytes FROM link_state_parts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(saved, state, "saved as it is");

    // As an older store saved it: one zstd frame.
    conn.execute(
        "UPDATE link_state_parts SET bytes = ?1",
        [zstd::bulk::compress(&state, 1).unwrap()],
    )
    .unwrap();
    assert_eq!(store.link_state().unwrap().as_ref(), Some(&state));

    let looks_packed = [
        &zstd::zstd_safe::MAGICNUMBER.to_le_bytes()[..],
        b"not a frame",
    ]
    .concat();
    store.save_links(&snapshot(&looks_packed)).unwrap();
    assert_eq!(store.link_state().unwrap().as_ref(), Some(&looks_packed));
}
