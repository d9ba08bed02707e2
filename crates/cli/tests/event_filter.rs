//! The shipped event filter: reproduced by `crosscheck train event-filter`, and
//! applied by `analyze` to frames the rules build on sentences that report no event.

use std::process::Command;

fn crosscheck() -> Command {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
}

fn repo() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn training_reproduces_the_shipped_filter() {
    let Some(data) = crosscheck_datasets::shared_data_dir() else {
        eprintln!("skipped: ../shared/data is absent");
        return;
    };
    let out = std::env::temp_dir().join(format!("event-filter-{}.bin", std::process::id()));
    let status = crosscheck()
        .current_dir(repo())
        .args(["train", "event-filter", "--quiet", "--data"])
        .arg(&data)
        .arg("--out")
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    let trained = std::fs::read(&out).unwrap();
    let _ = std::fs::remove_file(&out);
    let shipped = std::fs::read(repo().join("models/event-filter.bin")).unwrap();
    assert!(
        trained == shipped,
        "models/event-filter.bin differs from a fresh training (extraction or the gold \
         changed?): rebuild it with `crosscheck train event-filter`"
    );
}

/// Runs `analyze --no-store --format jsonl --skip links` on one text (nothing written
/// to the user's store) and returns its claims.
fn claims(text: &str) -> Vec<serde_json::Value> {
    use std::io::Write;
    let mut child = crosscheck()
        .args([
            "analyze",
            "-",
            "--no-store",
            "--format",
            "jsonl",
            "--quiet",
            "--skip",
            "links",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let line = String::from_utf8(out.stdout).unwrap();
    let article: serde_json::Value = serde_json::from_str(line.lines().next().unwrap()).unwrap();
    article["claims"].as_array().cloned().unwrap_or_default()
}

#[test]
fn a_method_note_loses_its_frame_and_the_strike_keeps_it() {
    // FA-KES (AFP copy): the monitor's method note names raids but reports none.
    let strike = "Air strikes killed at least 12 civilians in the town of Saraqeb on Sunday, the Syrian Observatory for Human Rights said.";
    let note = "The Observatory relies on a network of sources inside Syria and says it determines whose planes carry out raids according to type, location, flight patterns and the munitions involved.";
    let text = format!("{strike} {note}\n");
    let claims = claims(&text);
    let event_of = |needle: &str| {
        let start = text.find(needle).unwrap();
        claims
            .iter()
            .find(|c| c["start"].as_u64() == Some(start as u64))
            .map(|c| c["event"].clone())
    };
    let strike_event = event_of(strike).expect("the strike is a claim");
    assert_eq!(strike_event["type"], "airstrike");
    assert_eq!(strike_event["killed"]["min"], 12);
    // The note is no claim at all, or a claim without an event.
    assert!(event_of(note).is_none_or(|e| e.is_null()));
}
