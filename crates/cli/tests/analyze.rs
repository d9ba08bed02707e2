//! `crosscheck analyze` end to end, as a user runs it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn crosscheck() -> Command {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
}

fn examples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("crosscheck runs")
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// The decoded text an article's offsets index: the file, or the record's text.
fn source_text(article: &Value) -> String {
    let path = article["source"]["path"].as_str().unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    match article["source"]["record"].as_u64() {
        None => text,
        Some(line) => {
            let record: Value =
                serde_json::from_str(text.lines().nth(line as usize - 1).unwrap()).unwrap();
            record["text"].as_str().unwrap().to_string()
        }
    }
}

#[test]
fn analyzing_the_sample_corpus_gives_every_article_with_valid_offsets() {
    let out = run(crosscheck()
        .args(["analyze", "--no-store", "--format", "json"])
        .arg(examples().join("corpus")));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = json(&out);
    assert_eq!(doc["schema"], "crosscheck/analysis/v1");
    let articles = doc["articles"].as_array().unwrap();
    assert_eq!(
        articles.len(),
        15,
        "13 files and records, one of them a compilation of three"
    );
    for a in articles {
        let text = source_text(a);
        for s in a["sentences"].as_array().unwrap() {
            let (start, end) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            assert!(
                text.get(start..end).is_some_and(|t| !t.trim().is_empty()),
                "{}",
                a["id"]
            );
        }
    }
    // The compilation is three articles that keep the link to their file.
    let parts: Vec<&Value> = articles
        .iter()
        .filter(|a| {
            a["source"]["path"]
                .as_str()
                .unwrap()
                .ends_with("compilation-press-digest.txt")
        })
        .collect();
    assert_eq!(parts.len(), 3);
    let outlets: Vec<&str> = parts
        .iter()
        .map(|a| a["outlet"].as_str().unwrap())
        .collect();
    assert_eq!(
        outlets,
        [
            "Bosphorus Daily",
            "Eurasia Today Agency",
            "Eastern Rivers Network"
        ]
    );
    assert_eq!(parts[2]["compilation"]["index"], 2);
    // The commented article loses its thread and its appeals, not its report.
    let commented = articles
        .iter()
        .find(|a| {
            a["source"]["path"]
                .as_str()
                .unwrap()
                .ends_with("a4-free-idlib-post-with-comments.txt")
        })
        .unwrap();
    let kinds: Vec<&str> = commented["removed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    for kind in [
        "comment_thread",
        "donation_appeal",
        "share_appeal",
        "author_box",
        "related_links",
    ] {
        assert!(kinds.contains(&kind), "{kind} not removed: {kinds:?}");
    }
    assert_eq!(commented["published"], "2016-10-18");
    // JSONL records say which line they came from.
    let record = articles
        .iter()
        .find(|a| a["source"]["record"] == 3)
        .unwrap();
    assert!(record["source"]["path"]
        .as_str()
        .unwrap()
        .ends_with("wire-feed.jsonl"));
    assert_eq!(record["metadata"]["section"], "Middle East");
}

#[test]
fn the_readme_demo_reads_every_example_and_skips_nothing() {
    let out = run(crosscheck().args(["analyze", "--no-store"]).arg(examples()));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("crosscheck: 67 articles"),
        "15 sample articles and 52 of the linking corpus: {stderr}"
    );
}

#[test]
fn jsonl_and_csv_give_one_line_per_article() {
    let corpus = examples().join("corpus");
    let out = run(crosscheck()
        .args(["analyze", "--no-store", "--format", "jsonl"])
        .arg(&corpus));
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 15);
    assert!(lines
        .iter()
        .all(|l| l["id"].as_str().is_some_and(|id| id.len() == 16)));
    let out = run(crosscheck()
        .args(["analyze", "--no-store", "--format", "csv"])
        .arg(&corpus));
    let text = String::from_utf8(out.stdout).unwrap();
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(rows.headers().unwrap().get(0), Some("id"));
    assert_eq!(rows.records().count(), 15);
}

#[test]
fn standard_input_is_read_and_sniffed() {
    let mut child = crosscheck()
        .args(["analyze", "--no-store", "--format", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"{\"title\":\"Shelling in Douma\",\"text\":\"Shells hit Douma on Sunday. Two people were killed, medics said.\",\"date\":\"2018-02-19\"}\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let a: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(a["source"]["path"], "-");
    assert_eq!(a["published"], "2018-02-19");
    assert_eq!(a["sentences"].as_array().unwrap().len(), 2);
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

#[test]
fn bad_inputs_are_reported_counted_and_do_not_stop_the_batch() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "good.txt",
        b"Shells hit Douma\n\nShells struck a market on Sunday, medics said.\n",
    );
    write(d, "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    write(d, "empty.txt", b"");
    write(
        d,
        "feed.jsonl",
        b"{\"text\":\"One record.\"}\n{\"text\": broken}\n{\"text\":\"Another record.\"}\n",
    );
    let out = run(crosscheck()
        .args(["analyze", "--no-store", "--format", "json"])
        .arg(d));
    assert_eq!(
        out.status.code(),
        Some(3),
        "exit code 3 means: done, but inputs were skipped"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("image.txt") && stderr.contains("binary"),
        "{stderr}"
    );
    assert!(stderr.contains("feed.jsonl:2"), "{stderr}");
    let doc = json(&out);
    assert_eq!(doc["articles"].as_array().unwrap().len(), 3);
    assert_eq!(doc["summary"]["skipped"].as_array().unwrap().len(), 3);
    assert_eq!(doc["summary"]["skipped"][1]["line"], 2);
}

#[test]
fn rerunning_into_the_same_store_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.db");
    let corpus = examples().join("corpus");
    let first = run(crosscheck()
        .args(["analyze", "--format", "jsonl", "--db"])
        .arg(&db)
        .arg(&corpus));
    assert!(first.status.success());
    assert!(String::from_utf8_lossy(&first.stderr).contains("store: 15 new, 0 already stored"));
    let second = run(crosscheck()
        .args(["analyze", "--format", "jsonl", "--db"])
        .arg(&db)
        .arg(&corpus));
    assert!(String::from_utf8_lossy(&second.stderr).contains("store: 0 new, 15 already stored"));

    let list = run(crosscheck()
        .args(["list", "--format", "json", "--db"])
        .arg(&db));
    assert_eq!(json(&list).as_array().unwrap().len(), 15);
    let hits = run(crosscheck()
        .args(["search", "--format", "json", "--db"])
        .arg(&db)
        .arg("mortar"));
    assert!(!json(&hits).as_array().unwrap().is_empty());
    let id = json(&list)[0]["id"].as_str().unwrap().to_string();
    let show = run(crosscheck()
        .args(["show", "--format", "json", "--db"])
        .arg(&db)
        .arg(&id[..8]));
    assert_eq!(json(&show)["id"], id.as_str());
    let missing = run(crosscheck()
        .args(["show", "--db"])
        .arg(&db)
        .arg("ffffffffffff"));
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn skipping_signals_leaves_out_the_credibility_built_on_them() {
    let articles = |skip: &str| {
        let out = run(crosscheck()
            .args([
                "analyze",
                "--no-store",
                "--quiet",
                "--format",
                "json",
                "--skip",
                skip,
            ])
            .arg(examples().join("corpus")));
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        json(&out)["articles"].as_array().unwrap().clone()
    };
    for skip in ["signals", "signals,links"] {
        for article in articles(skip) {
            assert!(article["credibility"].is_null(), "--skip {skip}: {article}");
            assert!(article["signals"].as_array().unwrap().is_empty());
            // The claims are still there.
            assert!(article["claims"].is_array());
        }
    }
    // Without the skip every article is scored.
    for article in articles("links") {
        assert!(article["credibility"]["score"].is_number());
    }
}
