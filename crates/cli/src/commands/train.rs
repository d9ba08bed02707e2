//! `crosscheck train`: rebuild a shipped model file from the public datasets.
//! Training is deterministic (fixed seeds), so the same data gives the same bytes.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};

use crate::args::{TrainArgs, TrainCommon, TrainEventFilterArgs, TrainModel};
use crate::exit;

/// The shared-data folder: `--data`, else `$CROSSCHECK_DATA` or `../shared/data`.
pub fn data_dir(given: Option<&Path>) -> Result<PathBuf> {
    match given {
        Some(d) if d.is_dir() => Ok(d.to_path_buf()),
        Some(d) => bail!("{} is not a folder", d.display()),
        None => crosscheck_datasets::shared_data_dir().context(
            "no shared data found: pass --data DIR (the folder holding fa-kes/, claimbuster/, ...)",
        ),
    }
}

fn dataset(data: &Path, name: &str) -> Result<PathBuf> {
    let dir = data.join(name);
    if !dir.is_dir() {
        bail!("{} is missing", dir.display());
    }
    Ok(dir)
}

fn write_model(common: &TrainCommon, name: &str, bytes: &[u8], quiet: bool) -> Result<()> {
    let out = common
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from("models").join(format!("{name}.bin")));
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    std::fs::write(&out, bytes).with_context(|| format!("cannot write {}", out.display()))?;
    if !quiet {
        eprintln!(
            "crosscheck: wrote {} ({} bytes)",
            out.display(),
            bytes.len()
        );
    }
    Ok(())
}

pub fn run(args: TrainArgs, quiet: bool) -> Result<i32> {
    let started = Instant::now();
    match args.model {
        TrainModel::Checkworthy(common) => {
            let data = data_dir(common.data.as_deref())?;
            let model = crosscheck_extract::checkworthy::train_from_dirs(
                &dataset(&data, "claimbuster")?,
                &dataset(&data, "clef2019-checkthat-task1")?,
            )?;
            write_model(&common, "checkworthy", &model.to_bytes(), quiet)?;
        }
        TrainModel::Propaganda(common) => {
            let data = data_dir(common.data.as_deref())?;
            let corpus = crosscheck_propaganda::read_training_corpus(&data)?;
            if !quiet {
                eprintln!(
                    "crosscheck: {} training articles ({} duplicates dropped)",
                    corpus.articles.len(),
                    corpus.duplicates_dropped
                );
            }
            let model = crosscheck_propaganda::train(
                &corpus.articles,
                &crosscheck_propaganda::TrainConfig::default(),
            )?;
            write_model(&common, "propaganda", &model.to_bytes(), quiet)?;
        }
        TrainModel::Credibility(common) => {
            let data = data_dir(common.data.as_deref())?;
            let model = crosscheck_credibility_train::train_shipped_from_data(&data)
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            if !quiet {
                eprint!("{}", model.describe());
            }
            write_model(&common, "credibility", &model.to_bytes(), quiet)?;
        }
        TrainModel::EventFilter(args) => train_event_filter(&args, quiet)?,
        TrainModel::ActorGate(args) => train_actor_gate(&args, quiet)?,
    }
    if !quiet {
        eprintln!(
            "crosscheck: trained in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    Ok(exit::SUCCESS)
}

/// The gold sets `crosscheck train event-filter` learns from by default: every set
/// whose blind first look has been taken. `events-fresh15.jsonl` …
/// `events-fresh17.jsonl` scored a filter trained without them first (EVALUATION.md,
/// ninth session) and joined afterwards, `events-fresh18.jsonl` … `events-fresh22.jsonl`
/// in the eleventh session, `events-fresh23.jsonl` … `events-fresh28.jsonl` in the
/// twelfth, `events-fresh29.jsonl` … `events-fresh32.jsonl` (the twelfth session's
/// blind first looks, never read) in the thirteenth, after the actor gate trained
/// without them had been scored on them, and `events-fresh33.jsonl` …
/// `events-fresh40.jsonl` (the first sets from FNC-1 bodies, each joined after its first
/// look) in the same session; `events-fresh41.jsonl` … `events-fresh44.jsonl` (FNC-1 and
/// the last unread FA-KES articles) in the fifteenth, after their first looks;
/// `events-fresh45.jsonl` (FNC-1) and `events-fresh46.jsonl` (PTC) in the sixteenth,
/// after theirs; `events-fresh47.jsonl` (Emergent headlines) in the twenty-sixth, after
/// its; `events-fresh48.jsonl` … `events-fresh51.jsonl` (FNC-1, Emergent headlines twice,
/// PTC) in the twenty-seventh, after theirs; `events-fresh52.jsonl` …
/// `events-fresh57.jsonl` (FNC-1, PTC, the PTC test split's texts, PTC three times) in
/// the twenty-eighth, after theirs. Later sets stay out until they have been scored blind.
pub const EVENT_FILTER_GOLD: [&str; 58] = [
    "eval/gold/events.jsonl",
    "eval/gold/events-fresh.jsonl",
    "eval/gold/events-fresh2.jsonl",
    "eval/gold/events-fresh3.jsonl",
    "eval/gold/events-fresh4.jsonl",
    "eval/gold/events-fresh5.jsonl",
    "eval/gold/events-fresh6.jsonl",
    "eval/gold/events-fresh7.jsonl",
    "eval/gold/events-fresh8.jsonl",
    "eval/gold/events-fresh9.jsonl",
    "eval/gold/events-fresh10.jsonl",
    "eval/gold/events-fresh11.jsonl",
    "eval/gold/events-fresh12.jsonl",
    "eval/gold/events-fresh13.jsonl",
    "eval/gold/events-fresh14.jsonl",
    "eval/gold/events-fresh15.jsonl",
    "eval/gold/events-fresh16.jsonl",
    "eval/gold/events-fresh17.jsonl",
    "eval/gold/events-fresh18.jsonl",
    "eval/gold/events-fresh19.jsonl",
    "eval/gold/events-fresh20.jsonl",
    "eval/gold/events-fresh21.jsonl",
    "eval/gold/events-fresh22.jsonl",
    "eval/gold/events-fresh23.jsonl",
    "eval/gold/events-fresh24.jsonl",
    "eval/gold/events-fresh25.jsonl",
    "eval/gold/events-fresh26.jsonl",
    "eval/gold/events-fresh27.jsonl",
    "eval/gold/events-fresh28.jsonl",
    "eval/gold/events-fresh29.jsonl",
    "eval/gold/events-fresh30.jsonl",
    "eval/gold/events-fresh31.jsonl",
    "eval/gold/events-fresh32.jsonl",
    "eval/gold/events-fresh33.jsonl",
    "eval/gold/events-fresh34.jsonl",
    "eval/gold/events-fresh35.jsonl",
    "eval/gold/events-fresh36.jsonl",
    "eval/gold/events-fresh37.jsonl",
    "eval/gold/events-fresh38.jsonl",
    "eval/gold/events-fresh39.jsonl",
    "eval/gold/events-fresh40.jsonl",
    "eval/gold/events-fresh41.jsonl",
    "eval/gold/events-fresh42.jsonl",
    "eval/gold/events-fresh43.jsonl",
    "eval/gold/events-fresh44.jsonl",
    "eval/gold/events-fresh45.jsonl",
    "eval/gold/events-fresh46.jsonl",
    "eval/gold/events-fresh47.jsonl",
    "eval/gold/events-fresh48.jsonl",
    "eval/gold/events-fresh49.jsonl",
    "eval/gold/events-fresh50.jsonl",
    "eval/gold/events-fresh51.jsonl",
    "eval/gold/events-fresh52.jsonl",
    "eval/gold/events-fresh53.jsonl",
    "eval/gold/events-fresh54.jsonl",
    "eval/gold/events-fresh55.jsonl",
    "eval/gold/events-fresh56.jsonl",
    "eval/gold/events-fresh57.jsonl",
];

/// The examples a gate learns from: `examples` run over every gold set of `args`
/// ([`gold_sets`]) with `extractor`, one group per set. Returns them, each set's name and
/// number of gold values, and the total of those.
type GoldExamples = (
    Vec<crosscheck_extract::event_filter::EventExample>,
    Vec<(String, usize)>,
    usize,
);

fn gate_examples(
    args: &TrainEventFilterArgs,
    extractor: &crosscheck_extract::Extractor,
    examples: crosscheck_extract::gold::GateExamples,
) -> Result<GoldExamples> {
    use crosscheck_datasets::GoldTexts;
    use crosscheck_extract::gold::{GoldDoc, SourceText};

    let data = data_dir(args.common.data.as_deref())?;
    let texts = GoldTexts::new(Some(&data), &args.examples)?;
    let lookup = |doc: &GoldDoc| -> Option<SourceText> {
        texts.get(&doc.dataset, &doc.key).map(|t| SourceText {
            text: t.text,
            title: t.title,
            outlet: t.outlet,
            paragraphs: None,
        })
    };
    let (mut all, mut per_set, mut gold_values) = (Vec::new(), Vec::new(), 0);
    for (i, (path, gold)) in gold_sets(args)?.into_iter().enumerate() {
        let (set, n) = examples(&gold, &lookup, extractor, i as u32);
        per_set.push((path.display().to_string(), n));
        all.extend(set);
        gold_values += n;
    }
    Ok((all, per_set, gold_values))
}

fn train_event_filter(args: &TrainEventFilterArgs, quiet: bool) -> Result<()> {
    use crosscheck_extract::event_filter::{self, TrainConfig};
    use crosscheck_extract::gold::event_filter_examples;
    use crosscheck_extract::Extractor;

    // The rules alone: the filter learns to judge their frames.
    let (examples, per_set, gold_fields) =
        gate_examples(args, &Extractor::new(), event_filter_examples)?;
    let config = TrainConfig::default();
    let filter = event_filter::train(&examples, gold_fields, &config);
    if !quiet {
        let margins = event_filter::out_of_fold_margins(&examples, &config);
        let header = [
            "frames",
            "dropped",
            "no event",
            "events lost",
            "fields F1 before",
            "fields F1 after",
        ];
        report_gate(
            &examples,
            &per_set,
            &margins,
            &|m| filter.calibrated(m),
            filter.threshold(),
            header,
        );
        for (k, v) in filter.metadata() {
            eprintln!("crosscheck: {k}: {v}");
        }
    }
    write_model(&args.common, "event-filter", &filter.to_bytes(), quiet)
}

/// The gold sets of `args` (default [`EVENT_FILTER_GOLD`]), each parsed, with the
/// first set's held-out third removed.
fn gold_sets(
    args: &TrainEventFilterArgs,
) -> Result<Vec<(PathBuf, Vec<crosscheck_extract::gold::GoldSentence>)>> {
    use crosscheck_extract::gold::parse_gold;
    let files: Vec<PathBuf> = if args.gold.is_empty() {
        EVENT_FILTER_GOLD.iter().map(PathBuf::from).collect()
    } else {
        args.gold.clone()
    };
    let mut sets = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let mut gold = parse_gold(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        // The first gold set's held-out third stays out of every model.
        if path.file_name().is_some_and(|n| n == "events.jsonl") {
            gold.retain(|g| !g.is_held_out());
        }
        sets.push((path, gold));
    }
    Ok(sets)
}

fn train_actor_gate(args: &TrainEventFilterArgs, quiet: bool) -> Result<()> {
    use crosscheck_extract::actor_gate;
    use crosscheck_extract::event_filter::TrainConfig;
    use crosscheck_extract::gold::actor_gate_examples;
    use crosscheck_extract::Extractor;

    // The rules and the shipped event filter: the gate judges the actors `analyze`
    // would output.
    let extractor =
        Extractor::new().with_event_filter(crosscheck_core::Models::shipped().event_filter);
    let (examples, per_set, gold_actors) = gate_examples(args, &extractor, actor_gate_examples)?;
    let config = TrainConfig::default();
    let gate = actor_gate::train(&examples, gold_actors, &config);
    if !quiet {
        let margins = actor_gate::out_of_fold_margins(&examples, &config);
        let header = [
            "actors",
            "removed",
            "wrong",
            "right",
            "F1 before",
            "F1 after",
        ];
        report_gate(
            &examples,
            &per_set,
            &margins,
            &|m| gate.calibrated(m),
            gate.threshold(),
            header,
        );
        for (k, v) in gate.metadata() {
            eprintln!("crosscheck: {k}: {v}");
        }
    }
    write_model(&args.common, "actor-gate", &gate.to_bytes(), quiet)
}

/// Leave-one-gold-set-out figures of a gate (the event filter, the actor gate) at its
/// shipped threshold, per set and for all: the examples, how many the gate drops, how
/// many of those were negatives and positives, and the micro-F1 of the fields it is
/// tuned on (its examples' right and wrong fields against the set's gold values) before
/// and after. `margins` are the out-of-fold margins, `calibrated` the shipped
/// calibrator; `header` names the six columns after the set.
fn report_gate(
    examples: &[crosscheck_extract::event_filter::EventExample],
    per_set: &[(String, usize)],
    margins: &[Option<f32>],
    calibrated: &dyn Fn(f32) -> f32,
    threshold: f32,
    header: [&str; 6],
) {
    use crosscheck_extract::event_filter::fields_f1;
    eprintln!("leave-one-gold-set-out, threshold {threshold:.3}:");
    eprintln!(
        "{:<24} {:>6} {:>8} {:>9} {:>11} {:>16} {:>16}",
        "set", header[0], header[1], header[2], header[3], header[4], header[5]
    );
    let print_row = |name: &str, r: &[usize; 8]| {
        eprintln!(
            "{name:<24} {:>6} {:>8} {:>9} {:>11} {:>16.3} {:>16.3}",
            r[0],
            r[1],
            r[2],
            r[1] - r[2],
            fields_f1(r[3], r[4], r[7]),
            fields_f1(r[5], r[6], r[7])
        );
    };
    // examples, dropped, dropped negatives, right, wrong, right kept, wrong kept, gold
    let mut totals = [0usize; 8];
    for (g, (name, gold)) in per_set.iter().enumerate() {
        let mut row = [0usize; 8];
        row[7] = *gold;
        for (e, m) in examples.iter().zip(margins) {
            if e.group != g as u32 {
                continue;
            }
            let (right, wrong) = (e.fields_right as usize, e.fields_wrong as usize);
            row[0] += 1;
            row[3] += right;
            row[4] += wrong;
            if m.is_none_or(|m| calibrated(m) >= threshold) {
                row[5] += right;
                row[6] += wrong;
            } else {
                row[1] += 1;
                row[2] += usize::from(!e.label);
            }
        }
        print_row(name.rsplit('/').next().unwrap_or(name), &row);
        for (total, v) in totals.iter_mut().zip(row) {
            *total += v;
        }
    }
    print_row("all", &totals);
}
