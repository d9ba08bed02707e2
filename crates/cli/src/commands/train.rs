//! `crosscheck train`: rebuild a shipped model file from the public datasets.
//! Training is deterministic (fixed seeds), so the same data gives the same bytes.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};

use crate::args::{TrainArgs, TrainCommon, TrainModel};
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
    }
    if !quiet {
        eprintln!(
            "crosscheck: trained in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    Ok(exit::SUCCESS)
}
