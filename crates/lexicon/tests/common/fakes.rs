#![allow(dead_code)] // each user needs a different part of it
//! Reads FA-KES articles from the shared data, when present. Shared by the
//! coverage test and the throughput example.

use std::path::PathBuf;

/// One FA-KES row: the `location` column and the title and content.
pub struct Article {
    pub location: String,
    pub text: String,
}

/// The FA-KES CSV, when the shared data is present.
pub fn path() -> Option<PathBuf> {
    crosscheck_datasets::dataset_dir("fa-kes")
        .map(|d| d.join("FA-KES-Dataset.csv"))
        .filter(|p| p.is_file())
}

/// Every article, decoded from Latin-1 (the file is not UTF-8).
pub fn articles() -> Option<Vec<Article>> {
    let bytes = std::fs::read(path()?).ok()?;
    let mut reader = csv::ReaderBuilder::new().from_reader(&bytes[..]);
    let headers = reader.byte_headers().ok()?.clone();
    let col = |name: &str| headers.iter().position(|h| h == name.as_bytes());
    let (title, content, location) = (
        col("article_title")?,
        col("article_content")?,
        col("location")?,
    );
    let latin1 = |b: &[u8]| b.iter().map(|&c| c as char).collect::<String>();
    let mut out = Vec::new();
    for record in reader.byte_records() {
        let record = record.ok()?;
        out.push(Article {
            location: latin1(record.get(location)?),
            text: format!(
                "{}. {}",
                latin1(record.get(title)?),
                latin1(record.get(content)?)
            ),
        });
    }
    Some(out)
}
