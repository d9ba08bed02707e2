//! A run killed with SIGKILL loses nothing it committed, leaves a sound store,
//! and the next run completes the rest.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crosscheck_store::Store;

/// Distinct short reports, enough that analysing them into a store takes a while.
fn write_feed(path: &std::path::Path, records: usize) {
    let places = [
        "Douma",
        "Idlib",
        "Aleppo",
        "Raqqa",
        "Deir ez-Zor",
        "Homs",
        "Hama",
        "Daraa",
    ];
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..records {
        let place = places[i % places.len()];
        let text = format!(
            "Shelling hit a market in {place} on Sunday, killing {} people and wounding {} others, \
             a local monitor said in report number {i}. Residents said the shells came from the south. \
             The government blamed armed groups for the attack, which it called a provocation.\n\n\
             Medics said hospitals in {place} were overwhelmed and asked for blood donations.",
            i % 50 + 3,
            i % 70 + 5
        );
        let record = serde_json::json!({"id": format!("r{i}"), "title": format!("Shelling in {place}, report {i}"), "text": text, "date": "2017-03-05"});
        writeln!(out, "{record}").unwrap();
    }
}

/// The store is what this test is about; the analysis stages would only make a
/// debug build take minutes over the feed.
const SKIP: &str = "claims,signals,links";

fn stored_articles(db: &std::path::Path) -> u64 {
    Store::open_read_only(db)
        .and_then(|s| s.counts())
        .map_or(0, |c| c.articles)
}

#[test]
fn a_killed_run_loses_nothing_committed_and_the_next_run_completes_it() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed.jsonl");
    let db = dir.path().join("store.db");
    // About 54 MB of text: several of the writer's commit groups (16 MB each),
    // so the run is still going when the first one is committed.
    let total = 120_000;
    write_feed(&feed, total);

    let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args([
            "analyze", "--quiet", "--format", "jsonl", "--skip", SKIP, "--db",
        ])
        .arg(&db)
        .arg(&feed)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it as soon as something is committed.
    let deadline = Instant::now() + Duration::from_secs(120);
    while !db.exists() || stored_articles(&db) == 0 {
        assert!(
            Instant::now() < deadline,
            "nothing was committed in two minutes"
        );
        assert!(
            child.try_wait().unwrap().is_none(),
            "the run ended before it could be killed"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();

    let store = Store::open(&db).expect("the store opens after a kill");
    assert_eq!(
        store.check().unwrap(),
        Vec::<String>::new(),
        "integrity and index checks pass"
    );
    let committed = store.counts().unwrap().articles;
    assert!(
        committed > 0 && committed < total as u64,
        "killed mid-run: {committed} of {total}"
    );
    drop(store);

    let rerun = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["analyze", "--format", "jsonl", "--skip", SKIP, "--db"])
        .arg(&db)
        .arg(&feed)
        .stdout(Stdio::null())
        .output()
        .unwrap();
    assert!(rerun.status.success());
    let stderr = String::from_utf8_lossy(&rerun.stderr);
    let expected = format!(
        "store: {} new, {committed} already stored",
        total as u64 - committed
    );
    assert!(stderr.contains(&expected), "{stderr}");
    assert_eq!(stored_articles(&db), total as u64);
}
