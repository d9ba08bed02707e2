//! Cross-validates the propaganda detector, or scores a model on a labelled folder,
//! with the re-implemented SemEval-2020 Task 11 scorers.
//!
//! ```text
//! # 5-fold CV on the training corpus (SemEval-2020 train + NLP4IF, deduplicated)
//! cargo run -p crosscheck-propaganda --release --example eval_propaganda -- cv ../shared/data 5
//! # score a model on articles + a label file (SI or TC format)
//! cargo run -p crosscheck-propaganda --release --example eval_propaganda -- \
//!     score models/propaganda.bin DIR/articles DIR/labels.txt
//! ```
//!
//! Options after the positional arguments override the training configuration for
//! tuning: `--token-bits N`, `--sentence-bits N`, `--technique-bits N`,
//! `--token-epochs N`, `--token-lr X`, `--token-l2 X`, `--sentence-epochs N`,
//! `--sentence-l2 X`, `--technique-epochs N`, `--technique-lr X`,
//! `--technique-l2 X`, `--char-min N`, `--char-max N`, `--char-weight X`,
//! `--inner-folds N`, `--seed N`; `--write-si FILE` and `--write-tc FILE` write the
//! pooled held-out predictions in the SemEval-2020 format.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use crosscheck_propaganda::{
    cross_validate, evaluate, format_labels, read_semeval_folder, read_training_corpus, EvalReport,
    Propaganda, TrainConfig,
};

struct Options {
    config: TrainConfig,
    write_si: Option<String>,
    write_tc: Option<String>,
}

fn parse_options(opts: &[String]) -> Result<Options, String> {
    let mut c = TrainConfig::default();
    let (mut write_si, mut write_tc) = (None, None);
    let mut it = opts.iter();
    while let Some(key) = it.next() {
        let value = it.next().ok_or(format!("{key} needs a value"))?;
        match key.as_str() {
            "--write-si" => {
                write_si = Some(value.clone());
                continue;
            }
            "--write-tc" => {
                write_tc = Some(value.clone());
                continue;
            }
            _ => {}
        }
        let num = |v: &str| {
            v.parse::<f64>()
                .map_err(|_| format!("{key}: bad value {v}"))
        };
        let x = num(value)?;
        match key.as_str() {
            "--token-bits" => c.token_bits = x as u8,
            "--sentence-bits" => c.sentence_bits = x as u8,
            "--technique-bits" => c.technique_hasher.bits = x as u8,
            "--token-epochs" => c.token_sgd.epochs = x as u32,
            "--token-lr" => c.token_sgd.learning_rate = x as f32,
            "--token-l2" => c.token_sgd.l2 = x as f32,
            "--sentence-epochs" => c.sentence_sgd.epochs = x as u32,
            "--sentence-l2" => c.sentence_sgd.l2 = x as f32,
            "--technique-epochs" => c.technique_sgd.epochs = x as u32,
            "--technique-lr" => c.technique_sgd.learning_rate = x as f32,
            "--technique-l2" => c.technique_sgd.l2 = x as f32,
            "--char-min" => c.technique_hasher.char_min = x as u8,
            "--char-max" => c.technique_hasher.char_max = x as u8,
            "--char-weight" => c.technique_hasher.char_weight = x as f32,
            "--hasher-words" => {
                c.technique_hasher.word_unigrams = x != 0.0;
                c.technique_hasher.word_bigrams = x != 0.0;
            }
            "--inner-folds" => c.inner_folds = x as usize,
            "--seed" => c.seed = x as u64,
            _ => return Err(format!("unknown option {key}")),
        }
    }
    Ok(Options {
        config: c,
        write_si,
        write_tc,
    })
}

fn print_report(r: &EvalReport) {
    print!("{r}");
}

fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("cv") if args.len() >= 2 => {
            let k = args.get(2).and_then(|k| k.parse().ok()).unwrap_or(5);
            let opts = parse_options(args.get(3..).unwrap_or(&[]))?;
            let corpus = read_training_corpus(Path::new(&args[1])).map_err(|e| e.to_string())?;
            println!(
                "corpus: {} articles ({} duplicate NLP4IF articles dropped)",
                corpus.articles.len(),
                corpus.duplicates_dropped
            );
            let started = Instant::now();
            let cv =
                cross_validate(&corpus.articles, &opts.config, k).map_err(|e| e.to_string())?;
            println!(
                "{k}-fold CV over {} text groups in {:.1} s",
                cv.groups,
                started.elapsed().as_secs_f64()
            );
            for (path, anns) in [
                (&opts.write_si, &cv.si_predictions),
                (&opts.write_tc, &cv.tc_predictions),
            ] {
                if let Some(path) = path {
                    std::fs::write(path, format_labels(anns))
                        .map_err(|e| format!("{path}: {e}"))?;
                }
            }
            for (f, d) in cv.decoders.iter().enumerate() {
                println!(
                    "fold {f}: threshold {:.2} extend {:.2} gap {} gate {:.2}",
                    d.threshold, d.extend, d.gap, d.gate
                );
            }
            print_report(&cv.report);
            Ok(())
        }
        Some("score") if args.len() == 4 => {
            let bytes = std::fs::read(&args[1]).map_err(|e| format!("{}: {e}", args[1]))?;
            let started = Instant::now();
            let model = Propaganda::from_bytes(&bytes).map_err(|e| e.to_string())?;
            println!("loaded in {:.1} ms", started.elapsed().as_secs_f64() * 1e3);
            let articles = read_semeval_folder(Path::new(&args[2]), Path::new(&args[3]))
                .map_err(|e| e.to_string())?;
            print_report(&evaluate(&model, &articles));
            Ok(())
        }
        _ => Err(
            "usage: eval_propaganda cv <shared data dir> [k] [options]\n       \
                  eval_propaganda score <model> <articles dir> <labels file>"
                .into(),
        ),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}
