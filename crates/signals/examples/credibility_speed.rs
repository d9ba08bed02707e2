//! Times the credibility step on FA-KES (pipeline and linking run once up front):
//! the consistency index, consistency per article, outlet resolution and `assess`,
//! each alone, best of five passes.
//!
//! `cargo run --release -p crosscheck-signals --example credibility_speed`

use std::time::{Duration, Instant};

use crosscheck_core::Pipeline;
use crosscheck_ingest::{IngestOptions, Input, Preset, Reader};
use crosscheck_lexicon::{Actors, Gazetteer};
use crosscheck_link::{ConsistencyIndex, Lexicons, LinkInput, Linker};
use crosscheck_signals::credibility::CredibilityModel;
use crosscheck_signals::Outlets;

fn best(mut f: impl FnMut()) -> Duration {
    (0..5)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(dir) = crosscheck_datasets::dataset_dir("fa-kes") else {
        eprintln!("skipped: ../shared/data/fa-kes is absent");
        return Ok(());
    };
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let bytes = std::fs::read(root.join("models/credibility.bin"))?;
    let load = best(|| {
        CredibilityModel::from_bytes(&bytes).expect("shipped model");
    });
    let model = CredibilityModel::from_bytes(&bytes)?;
    let reader = Reader::new(IngestOptions::with_preset(Preset::Fakes));
    let docs: Vec<_> = reader
        .read(&Input::File(dir.join("FA-KES-Dataset.csv")))
        .collect::<Result<_, _>>()?;
    let total_bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let pipeline = Pipeline::new();
    let t = Instant::now();
    let analysed: Vec<_> = docs
        .iter()
        .flat_map(|d| pipeline.analyze(d).into_iter().map(move |a| (d, a)))
        .collect();
    let pipeline_time = t.elapsed();
    let (places, actors) = (Gazetteer::new(), Actors::new());
    let lexicons = Lexicons {
        places: &places,
        actors: &actors,
    };
    let mut linker = Linker::default();
    for (doc, article) in &analysed {
        linker.add(
            LinkInput {
                article,
                text: &doc.text,
            },
            &lexicons,
        );
    }
    let result = linker.link();
    let outlets = Outlets::new();
    let n = analysed.len() as f64;
    let per = |d: Duration| d.as_secs_f64() * 1e6 / n;

    let index_time = best(|| {
        ConsistencyIndex::new(&linker, &result);
    });
    let index = ConsistencyIndex::new(&linker, &result);
    let consistency: Vec<_> = analysed.iter().map(|(_, a)| index.article(a)).collect();
    let c_time = best(|| {
        for (_, a) in &analysed {
            std::hint::black_box(index.article(a));
        }
    });
    let o_time = best(|| {
        for (_, a) in &analysed {
            std::hint::black_box(outlets.resolve_article(a));
        }
    });
    let a_time = best(|| {
        for ((_, a), c) in analysed.iter().zip(&consistency) {
            std::hint::black_box(model.assess(a, outlets.resolve_article(a), Some(c)));
        }
    });
    println!(
        "{} articles, {:.2} MB; pipeline once {:.2} s ({:.1} MB/s)",
        analysed.len(),
        total_bytes as f64 / 1e6,
        pipeline_time.as_secs_f64(),
        total_bytes as f64 / 1e6 / pipeline_time.as_secs_f64()
    );
    println!("model parse {:.1} µs", load.as_secs_f64() * 1e6);
    println!(
        "consistency index {:.2} ms once",
        index_time.as_secs_f64() * 1e3
    );
    println!(
        "consistency {:.2} µs/article; resolve {:.2} µs/article; resolve + assess {:.2} µs/article",
        per(c_time),
        per(o_time),
        per(a_time)
    );
    Ok(())
}
