//! Reading the PTC folders from disk: the only module of this crate that touches
//! the file system (training and evaluation use it; detection never does).

use std::fmt;
use std::path::{Path, PathBuf};

use crate::corpus::{attach, deduplicate, parse_labels, Annotation, Article, ParseError};

/// A file that could not be read or parsed.
#[derive(Debug)]
pub enum CorpusError {
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    NotUtf8 {
        path: PathBuf,
    },
    Parse {
        path: PathBuf,
        error: ParseError,
    },
    /// Labels name an article that the articles folder lacks.
    UnknownArticle {
        path: PathBuf,
        article_id: String,
    },
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CorpusError::Io { path, error } => write!(f, "{}: {error}", path.display()),
            CorpusError::NotUtf8 { path } => write!(f, "{}: not UTF-8", path.display()),
            CorpusError::Parse { path, error } => write!(f, "{}: {error}", path.display()),
            CorpusError::UnknownArticle { path, article_id } => write!(
                f,
                "{}: labels for article {article_id}, which is not in the articles folder",
                path.display()
            ),
        }
    }
}

impl std::error::Error for CorpusError {}

fn read_string(path: &Path) -> Result<String, CorpusError> {
    let bytes = std::fs::read(path).map_err(|error| CorpusError::Io {
        path: path.to_path_buf(),
        error,
    })?;
    String::from_utf8(bytes).map_err(|_| CorpusError::NotUtf8 {
        path: path.to_path_buf(),
    })
}

/// The `article<ID>.txt` files of a folder, as `(id, text)` sorted by id. The text
/// is kept byte for byte (a byte-order mark stays: label offsets count it).
pub fn read_articles(dir: &Path) -> Result<Vec<(String, String)>, CorpusError> {
    let entries = std::fs::read_dir(dir).map_err(|error| CorpusError::Io {
        path: dir.to_path_buf(),
        error,
    })?;
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|error| CorpusError::Io {
            path: dir.to_path_buf(),
            error,
        })?;
        let name = entry.file_name();
        let Some(id) = name
            .to_str()
            .and_then(|n| n.strip_prefix("article"))
            .and_then(|n| n.strip_suffix(".txt"))
        else {
            continue;
        };
        out.push((id.to_string(), read_string(&entry.path())?));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}

/// Reads a label file in any PTC format (see [`parse_labels`]).
pub fn read_labels(path: &Path) -> Result<Vec<Annotation>, CorpusError> {
    parse_labels(&read_string(path)?).map_err(|error| CorpusError::Parse {
        path: path.to_path_buf(),
        error,
    })
}

/// Reads a folder of articles in the SemEval-2020 Task 11 format and a label file
/// for them (SI or TC format). Articles without labels get no spans; labels of an
/// article missing from the folder are an error. Offsets become bytes.
pub fn read_semeval_folder(
    articles_dir: &Path,
    labels_file: &Path,
) -> Result<Vec<Article>, CorpusError> {
    let texts = read_articles(articles_dir)?;
    let labels = read_labels(labels_file)?;
    let (articles, unknown) = attach(texts, &labels, false);
    match unknown.first() {
        Some(a) => Err(CorpusError::UnknownArticle {
            path: labels_file.to_path_buf(),
            article_id: a.article_id.clone(),
        }),
        None => Ok(articles),
    }
}

/// Reads the NLP4IF-2019 training folder (`train-articles/` and one
/// `train-labels-FLC/article<ID>.task-FLC.labels` per article), its 18 techniques
/// merged into the 14 SemEval-2020 classes and its spans trimmed by the
/// SemEval-2020 boundary rule.
pub fn read_nlp4if_folder(dir: &Path) -> Result<Vec<Article>, CorpusError> {
    let texts = read_articles(&dir.join("train-articles"))?;
    let mut labels = Vec::new();
    for (id, _) in &texts {
        let path = dir
            .join("train-labels-FLC")
            .join(format!("article{id}.task-FLC.labels"));
        if path.is_file() {
            labels.extend(read_labels(&path)?);
        }
    }
    Ok(attach(texts, &labels, true).0)
}

/// The training corpus: SemEval-2020 train articles with their TC labels, then the
/// NLP4IF-2019 articles whose text is not among them, one copy per text.
#[derive(Clone, Debug)]
pub struct TrainingCorpus {
    pub articles: Vec<Article>,
    /// NLP4IF articles dropped because their text was already there.
    pub duplicates_dropped: usize,
}

/// Reads the training corpus from the shared data folder (holding
/// `semeval2020-task11-ptc/` and `nlp4if2019-ptc/`; the second is optional).
/// Where the two corpora hold the same text, the SemEval-2020 labels win: they are
/// the organisers' revised version of the same annotation.
pub fn read_training_corpus(data_dir: &Path) -> Result<TrainingCorpus, CorpusError> {
    let semeval = data_dir.join("semeval2020-task11-ptc");
    let primary = read_semeval_folder(
        &semeval.join("train-articles"),
        &semeval.join("train-task2-TC.labels"),
    )?;
    let nlp4if = data_dir.join("nlp4if2019-ptc");
    let secondary = if nlp4if.is_dir() {
        read_nlp4if_folder(&nlp4if)?
    } else {
        Vec::new()
    };
    let (articles, duplicates_dropped) = deduplicate(primary, secondary);
    Ok(TrainingCorpus {
        articles,
        duplicates_dropped,
    })
}
