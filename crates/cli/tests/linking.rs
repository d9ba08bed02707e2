//! Linking through the command line: the same events whether a corpus is analysed
//! at once or file by file into one store.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

fn crosscheck() -> Command {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
}

fn link_corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/link/articles")
}

fn events(db: &std::path::Path) -> Value {
    let out = crosscheck()
        .args(["events", "--format", "json", "--db"])
        .arg(db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_folder_and_its_files_one_by_one_give_the_same_events() {
    let dir = tempfile::tempdir().unwrap();
    let (at_once, one_by_one) = (dir.path().join("a.db"), dir.path().join("b.db"));
    let status = crosscheck()
        .args(["analyze", "-q", "--format", "jsonl", "--db"])
        .arg(&at_once)
        .arg(link_corpus())
        .output()
        .unwrap();
    assert!(status.status.success());

    let mut files: Vec<PathBuf> = std::fs::read_dir(link_corpus())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    // Newest first, so the store sees the reports in another order than the folder walk.
    for file in files.iter().rev() {
        let out = crosscheck()
            .args(["analyze", "-q", "--format", "jsonl", "--db"])
            .arg(&one_by_one)
            .arg(file)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let (a, b) = (events(&at_once), events(&one_by_one));
    assert!(a.as_array().unwrap().len() >= 5, "{a:#}");
    assert_eq!(a, b);
    // And the same contradictions and corroborations in each event.
    for event in a.as_array().unwrap() {
        let id = event["id"].as_str().unwrap();
        let detail = |db: &std::path::Path| -> Value {
            let out = crosscheck()
                .args(["events", id, "--format", "json", "--db"])
                .arg(db)
                .output()
                .unwrap();
            serde_json::from_slice(&out.stdout).unwrap()
        };
        assert_eq!(detail(&at_once), detail(&one_by_one), "event {id}");
    }
}

#[test]
fn the_report_leads_with_contradictions_and_the_json_carries_statuses() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    let out = crosscheck()
        .args(["analyze", "--no-store"])
        .arg(&corpus)
        .output()
        .unwrap();
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(
        report.starts_with("CONTRADICTIONS"),
        "{}",
        &report[..200.min(report.len())]
    );
    // One entry per disputed field: the Maarat al-Numan toll, each value once with
    // the claims under it, the pro-government 12 against the monitor's "at least 35".
    let first = report.split("\n\n").nth(1).unwrap_or("");
    assert!(
        first.starts_with("[killed] airstrike in Maarat al-Numan"),
        "{first}"
    );
    assert!(
        first.contains("\n    12\n") && first.contains("\n    at least 35\n"),
        "{first}"
    );
    assert!(first.contains("in conflict: 12 ≠ at least 35"), "{first}");
    // The headline does not settle who struck: the state outlet's mortar story and the
    // government jets of the others have equal independent support, and both are named.
    let headline = first.lines().next().unwrap_or("");
    assert!(
        headline.ends_with("by Syrian Opposition or Syrian Government (disputed)"),
        "{headline}"
    );
    assert_eq!(first.matches("[572802ae0e60a9a4]").count(), 1, "{first}");

    // Single-source claims: the most check-worthy first, a syndicated copy's claim once.
    let single = report
        .split("SINGLE-SOURCE CLAIMS")
        .nth(1)
        .and_then(|s| s.split("EVENTS (").next())
        .unwrap_or("");
    let scores: Vec<f32> = single
        .lines()
        .filter_map(|l| l.rsplit_once(" (")?.1.strip_suffix(')')?.parse().ok())
        .collect();
    assert!(scores.len() > 10, "{single}");
    assert!(scores.windows(2).all(|p| p[0] >= p[1]), "{scores:?}");
    assert!(single.contains("(and 1 copy)"), "{single}");

    let out = crosscheck()
        .args(["analyze", "--no-store", "--format", "json"])
        .arg(&corpus)
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!doc["events"].as_array().unwrap().is_empty());
    assert!(!doc["contradictions"].as_array().unwrap().is_empty());
    let statuses: Vec<&str> = doc["articles"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["claims"].as_array().unwrap())
        .filter_map(|c| c["status"].as_str())
        .collect();
    assert!(
        statuses.contains(&"contradicted") && statuses.contains(&"corroborated"),
        "{statuses:?}"
    );
}

/// One sentence, two speakers, two tolls: the ministry's 35 against the Observatory's 50
/// is a contradiction inside one article.
#[test]
fn two_speakers_tolls_in_one_sentence_contradict() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("strike.txt"),
        "Title: Air strike on army base in Idlib\nPublished: 2016-10-18\n\n\
         The Syrian health ministry said 35 people were killed in the air strike on an army \
         base in Idlib on Monday, while the Syrian Observatory for Human Rights put the toll \
         at 50.\n",
    )
    .unwrap();
    let out = crosscheck()
        .args(["analyze", "--no-store", "--format", "json", "-q"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let claims = doc["articles"][0]["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 2, "{claims:?}");
    assert_eq!(claims[0]["sentence"], claims[1]["sentence"]);
    let killed = doc["contradictions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["field"] == "killed")
        .expect("a killed contradiction");
    let sides: Vec<(&str, &str)> = killed["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["value"].as_str().unwrap(),
                c["attribution"][0].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        sides,
        [
            ("35", "The Syrian health ministry"),
            ("50", "Syrian Observatory for Human Rights")
        ]
    );
}

/// `crosscheck eval link --verbose | head -0`: the reader is gone before the report is
/// printed; the command stops quietly instead of reporting an internal error.
#[test]
fn a_reader_that_goes_away_is_no_internal_error() {
    use std::process::Stdio;
    let gold = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../eval/gold/link.json");
    let mut child = crosscheck()
        .args(["eval", "link", "-q", "--verbose", "--gold"])
        .arg(gold)
        .arg("--articles")
        .arg(link_corpus())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("crosscheck runs");
    // Close the reading end before the command has linked anything: its first line
    // meets a closed pipe.
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("crosscheck ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("internal error"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}
