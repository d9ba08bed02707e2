//! Expanding the paths a user names into the inputs to read.

use std::path::{Path, PathBuf};

use crate::IngestError;

/// One thing to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin,
}

impl Input {
    /// The name errors and `source.path` use: the path as given, or `-`.
    pub fn display_name(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "-".to_string(),
        }
    }
}

/// Files and folders (walked recursively, in name order so runs are repeatable;
/// hidden entries skipped) and `-` for standard input. Unreadable paths become
/// errors in the stream rather than ending it.
pub fn expand(paths: &[PathBuf]) -> impl Iterator<Item = Result<Input, IngestError>> + '_ {
    paths.iter().flat_map(
        |path| -> Box<dyn Iterator<Item = Result<Input, IngestError>>> {
            if path.as_os_str() == "-" {
                return Box::new(std::iter::once(Ok(Input::Stdin)));
            }
            match std::fs::metadata(path) {
                Err(e) => Box::new(std::iter::once(Err(IngestError::new(
                    path.display().to_string(),
                    format!("cannot read: {e}"),
                )))),
                Ok(meta) if meta.is_dir() => Box::new(walk(path)),
                Ok(_) => Box::new(std::iter::once(Ok(Input::File(path.clone())))),
            }
        },
    )
}

fn walk(root: &Path) -> impl Iterator<Item = Result<Input, IngestError>> {
    walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(|entry| match entry {
            Ok(e) if e.file_type().is_file() && is_article_file(e.path()) => {
                Some(Ok(Input::File(e.into_path())))
            }
            Ok(_) => None,
            Err(e) => {
                let path = e
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
                Some(Err(IngestError::new(path, format!("cannot read: {e}"))))
            }
        })
}

/// Whether a file met while walking a folder is read: one with an article
/// extension (see [`crate::format`]) or none at all, and not a side file. Scripts,
/// images and the like in a corpus folder are passed over silently; a file named
/// on the command line is always read.
fn is_article_file(path: &Path) -> bool {
    let article_extension = match path.extension() {
        None => true,
        Some(_) => crate::format::from_extension(path).is_some(),
    };
    article_extension && !is_side_file(path)
}

/// Files that travel with a corpus but are not articles: READMEs, licences,
/// dataset notes, and the title files of the Horne 2017 layout (read together
/// with their article instead).
fn is_side_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let upper = name.to_ascii_uppercase();
    let in_titles_folder = path
        .parent()
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with("_titles"));
    in_titles_folder
        || upper.starts_with("README")
        || upper.starts_with("LICENSE")
        || upper.starts_with("LICENCE")
        || upper == "SOURCE.MD"
        || upper.starts_with("COPYING")
}
