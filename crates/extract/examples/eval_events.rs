//! Per-field precision, recall and F1 of the event-frame extractor on the hand-annotated
//! gold set (`eval/gold/events.jsonl`), on its development part (line % 3 != 0), its
//! held-out part (line % 3 == 0) and all of it.
//!
//! ```text
//! cargo run -p crosscheck-extract --release --example eval_events -- \
//!     [--gold eval/gold/events.jsonl] [--data ../shared/data] [--examples examples] \
//!     [--split dev|held-out|all|report] [--errors FIELD]
//! ```
//!
//! Sources are read as the gold README says: FA-KES `article_content` decoded as Latin-1
//! (byte 0x95 is U+0095), PTC train articles as UTF-8, the sample corpus as UTF-8 files
//! and JSON Lines records by line. `--errors FIELD` lists the development part's
//! disagreements on one field (`all` for every field).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crosscheck_extract::gold::{evaluate_events, parse_gold, GoldDoc, GoldSentence, SourceText};
use crosscheck_extract::Extractor;

struct Args {
    gold: PathBuf,
    data: Option<PathBuf>,
    examples: PathBuf,
    split: String,
    errors: Option<String>,
}

fn parse_args() -> Result<Args, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut a = Args {
        gold: root.join("eval/gold/events.jsonl"),
        data: crosscheck_datasets::shared_data_dir(),
        examples: root.join("examples"),
        split: "report".into(),
        errors: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--gold" => a.gold = value()?.into(),
            "--data" => a.data = Some(value()?.into()),
            "--examples" => a.examples = value()?.into(),
            "--split" => a.split = value()?,
            "--errors" => a.errors = Some(value()?),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(a)
}

fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| b as char).collect()
}

/// FA-KES rows by unit_id (the first row of a repeated id), as (content, title).
fn read_fakes(path: &Path) -> Result<HashMap<String, (String, String)>, String> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_path(path)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let headers = rdr.byte_headers().map_err(|e| e.to_string())?.clone();
    let col = |name: &str| headers.iter().position(|h| h == name.as_bytes());
    let (Some(id), Some(title), Some(content)) =
        (col("unit_id"), col("article_title"), col("article_content"))
    else {
        return Err(format!("{}: missing columns", path.display()));
    };
    let mut out = HashMap::new();
    for rec in rdr.byte_records() {
        let rec = rec.map_err(|e| format!("{}: {e}", path.display()))?;
        let get = |i: usize| latin1(rec.get(i).unwrap_or_default());
        out.entry(get(id)).or_insert((get(content), get(title)));
    }
    Ok(out)
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let gold_text =
        std::fs::read_to_string(&args.gold).map_err(|e| format!("{}: {e}", args.gold.display()))?;
    let gold = parse_gold(&gold_text).map_err(|e| format!("{}: {e}", args.gold.display()))?;
    let fakes = match &args.data {
        Some(d) => read_fakes(&d.join("fa-kes/FA-KES-Dataset.csv"))?,
        None => {
            eprintln!("warning: shared data not found; FA-KES and PTC sentences are unreadable");
            HashMap::new()
        }
    };
    let data = args.data.clone();
    let examples = args.examples.clone();
    let texts = move |doc: &GoldDoc| -> Option<SourceText> {
        match doc.dataset.as_str() {
            "fa-kes" => fakes.get(&doc.key).map(|(text, title)| SourceText {
                text: text.clone(),
                title: Some(title.clone()),
                outlet: None,
                paragraphs: None,
            }),
            "ptc" => {
                let p = data
                    .as_ref()?
                    .join("semeval2020-task11-ptc/train-articles")
                    .join(&doc.key);
                std::fs::read_to_string(p).ok().map(|text| SourceText {
                    text,
                    title: None,
                    outlet: None,
                    paragraphs: None,
                })
            }
            "examples" => match doc.key.split_once('#') {
                Some((file, line)) => {
                    let all = std::fs::read_to_string(examples.join(file)).ok()?;
                    let n: usize = line.parse().ok()?;
                    let rec: serde_json::Value =
                        serde_json::from_str(all.split('\n').nth(n.checked_sub(1)?)?).ok()?;
                    Some(SourceText {
                        text: rec.get("text")?.as_str()?.to_string(),
                        title: rec
                            .get("title")
                            .and_then(|t| t.as_str())
                            .map(str::to_string),
                        outlet: None,
                        paragraphs: None,
                    })
                }
                None => std::fs::read_to_string(examples.join(&doc.key))
                    .ok()
                    .map(|text| SourceText {
                        text,
                        title: None,
                        outlet: None,
                        paragraphs: None,
                    }),
            },
            _ => None,
        }
    };
    let extractor = Extractor::new();
    let parts: Vec<(&str, Vec<GoldSentence>)> = match args.split.as_str() {
        "dev" => vec![(
            "dev",
            gold.iter().filter(|g| !g.is_held_out()).cloned().collect(),
        )],
        "held-out" => vec![(
            "held-out",
            gold.iter().filter(|g| g.is_held_out()).cloned().collect(),
        )],
        "all" => vec![("all", gold.clone())],
        "report" => vec![
            (
                "dev",
                gold.iter().filter(|g| !g.is_held_out()).cloned().collect(),
            ),
            (
                "held-out",
                gold.iter().filter(|g| g.is_held_out()).cloned().collect(),
            ),
            ("all", gold.clone()),
        ],
        other => return Err(format!("unknown split {other:?}")),
    };
    for (name, part) in parts {
        let scores = evaluate_events(&part, &texts, &extractor, None);
        println!("== {name}: {}", scores.table());
        if name == "dev" {
            if let Some(field) = &args.errors {
                for d in scores
                    .disagreements
                    .iter()
                    .filter(|d| field == "all" || d.field == field)
                {
                    println!(
                        "#{} {}: gold {} | pred {}\n    {}",
                        d.index, d.field, d.gold, d.predicted, d.sentence
                    );
                }
            }
        }
    }
    Ok(())
}
