//! A writer killed with SIGKILL mid-run loses nothing it committed, leaves a sound
//! database, and the next run stores the rest.
//!
//! The test re-executes its own binary: with `CRASH_CHILD_DB` set, the
//! `crash_child` test becomes a writer that inserts batches forever and prints
//! a marker line after each commit; the parent kills it after a few, while it is
//! inside the next batch's transaction.

mod common;

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use common::{document, Meta};
use crosscheck_store::{Store, StoredDocument};

const CHILD_ENV: &str = "CRASH_CHILD_DB";
const BATCHES: usize = 40;
const PER_BATCH: usize = 150;
const MARKER: &str = "crash-child committed batch";
/// Commits the parent waits for before killing the writer.
const KILL_AFTER: usize = 4;

/// The same articles in the same batches on every call, in both processes. Every
/// fifth batch repeats an article of the batch before, as re-fed input would.
fn batches() -> Vec<Vec<StoredDocument>> {
    let mut out: Vec<Vec<StoredDocument>> = Vec::with_capacity(BATCHES);
    for b in 0..BATCHES {
        let mut batch: Vec<StoredDocument> = (0..PER_BATCH)
            .map(|i| {
                let text = format!(
                    "Dispatch {b}/{i}: fighting near Aleppo\n\
                     Government forces and rebels fought for the {i}th day in the southern \
                     districts of Aleppo, a monitoring group said. At least {b} fighters were \
                     killed and dozens wounded, according to medical sources. The army said it \
                     had retaken two hills overlooking the ring road. Rebel commanders denied \
                     losing any ground and said they had repelled {i} attacks. Residents \
                     described heavy shelling through the night and shortages of bread and \
                     fuel. Aid agencies warned that supply routes into the city remained cut."
                );
                document(&format!("feed/{b}/{i}.txt"), &text, &Meta::default())
            })
            .collect();
        if b % 5 == 4 {
            if let Some(repeat) = out.last().and_then(|prev| prev.first()).cloned() {
                batch.push(repeat);
            }
        }
        out.push(batch);
    }
    out
}

fn distinct_ids(batch: &[StoredDocument]) -> HashSet<String> {
    batch
        .iter()
        .flat_map(|d| d.articles.iter().map(|a| a.id.clone()))
        .collect()
}

/// Kills the child when the test fails before it does.
struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn crash_child() {
    let Some(db) = std::env::var_os(CHILD_ENV) else {
        return; // only does something when the crash test starts it
    };
    let mut store = Store::open(Path::new(&db)).expect("child: open");
    // Loop until killed: after the last batch start again (adding nothing).
    let all = batches();
    for n in 0.. {
        let batch = &all[n % BATCHES];
        store.insert_batch(batch).expect("child: insert");
        // libtest may have written "test crash_child ... " without a newline,
        // so the parent looks for the marker anywhere in a line.
        println!("{MARKER} {n}");
    }
}

#[test]
fn sigkill_mid_run_loses_nothing_committed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("crosscheck.db");
    let exe = std::env::current_exe().expect("test binary");
    let child = Command::new(exe)
        .args(["crash_child", "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, &db)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn writer");
    let mut child = KillOnDrop(child);
    let stdout = child.0.stdout.take().expect("child stdout");

    let mut committed = 0;
    for line in BufReader::new(stdout).lines() {
        let line = line.expect("read child output");
        if line.contains(MARKER) {
            committed += 1;
            if committed == KILL_AFTER {
                // Child::kill sends SIGKILL on Unix: no destructors, no rollback,
                // no checkpoint. The writer is inside its next batch by now.
                child.0.kill().expect("SIGKILL");
                break;
            }
        }
    }
    child.0.wait().expect("reap");
    assert_eq!(
        committed, KILL_AFTER,
        "the writer died before committing {KILL_AFTER} batches"
    );

    // The killed writer never checkpointed: its commits live in the WAL, which
    // the next open recovers.
    let wal = dir.path().join("crosscheck.db-wal");
    assert!(
        wal.metadata().is_ok_and(|m| m.len() > 0),
        "no WAL left behind"
    );

    let all = batches();
    let mut store = Store::open(&db).expect("reopen after the kill");
    assert_eq!(
        store.check().expect("check"),
        Vec::<String>::new(),
        "integrity"
    );

    // Each batch is all there or not there at all; the reported ones are there.
    let mut present_batches = 0;
    for (b, batch) in all.iter().enumerate() {
        let ids = distinct_ids(batch);
        let present = ids
            .iter()
            .filter(|id| store.has_article(id).expect("has"))
            .count();
        if b < KILL_AFTER {
            assert_eq!(present, ids.len(), "committed batch {b} lost articles");
        }
        // A batch that repeats an earlier article is "present" for that one id
        // even when the batch itself did not commit.
        let repeated = usize::from(b % 5 == 4);
        assert!(
            present == ids.len() || present <= repeated,
            "batch {b} is partly stored: {present} of {}",
            ids.len()
        );
        if present == ids.len() {
            present_batches += 1;
        }
    }
    assert!(present_batches >= KILL_AFTER);

    // The next run stores the rest, and only the rest.
    let mut total = InsertTotals::default();
    for batch in &all {
        let stats = store.insert_batch(batch).expect("resume");
        total.new += stats.new_articles;
        total.existing += stats.existing_articles;
    }
    let distinct: HashSet<String> = all.iter().flat_map(|b| distinct_ids(b)).collect();
    let counts = store.counts().expect("counts");
    assert_eq!(counts.articles, distinct.len() as u64);
    assert_eq!(counts.documents, distinct.len() as u64);
    assert!(total.existing >= (KILL_AFTER * PER_BATCH) as u64);
    assert_eq!(
        total.new + total.existing,
        all.iter().map(|b| b.len() as u64).sum::<u64>()
    );
    assert!(store.check().expect("check").is_empty());
    assert_eq!(store.search("\"ring road\"", 5).expect("search").len(), 5);
}

#[derive(Default)]
struct InsertTotals {
    new: u64,
    existing: u64,
}
