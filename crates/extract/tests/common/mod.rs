//! What several integration tests of this crate read: the FA-KES articles of the
//! shared data, when it is there.

/// Every FA-KES article as (title, content), decoded as Latin-1 as the dataset is
/// written; `None` (with a note on stderr) when `../shared/data/fa-kes` is absent.
pub fn fakes_articles() -> Option<Vec<(String, String)>> {
    let Some(dir) = crosscheck_datasets::dataset_dir("fa-kes") else {
        eprintln!("skipped: ../shared/data/fa-kes is absent");
        return None;
    };
    let mut rdr = csv::Reader::from_path(dir.join("FA-KES-Dataset.csv")).expect("FA-KES csv");
    let headers = rdr.byte_headers().expect("header").clone();
    let col = |n: &str| {
        headers
            .iter()
            .position(|h| h == n.as_bytes())
            .expect("column")
    };
    let (content, title) = (col("article_content"), col("article_title"));
    let latin1 = |b: &[u8]| -> String { b.iter().map(|&b| b as char).collect() };
    let articles = rdr
        .byte_records()
        .map(|rec| {
            let rec = rec.expect("record");
            (
                latin1(rec.get(title).unwrap_or_default()),
                latin1(rec.get(content).unwrap_or_default()),
            )
        })
        .collect();
    Some(articles)
}
