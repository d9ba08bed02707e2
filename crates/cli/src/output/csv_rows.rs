//! `--format csv`: one row per article with its key fields (see docs/cli.md).

use std::io::Write;

use anyhow::Result;
use crosscheck_link::LinkResult;
use crosscheck_schema::{ArticleAnalysis, RunSummary};

use super::Sink;

pub const HEADER: [&str; 16] = [
    "id",
    "path",
    "record",
    "start",
    "end",
    "title",
    "outlet",
    "author",
    "published",
    "url",
    "label",
    "sentences",
    "claims",
    "removed",
    "credibility",
    "credibility_label",
];

pub struct CsvRows {
    out: csv::Writer<Box<dyn Write + Send>>,
    header: bool,
}

impl CsvRows {
    pub fn new(out: Box<dyn Write + Send>) -> CsvRows {
        CsvRows {
            out: csv::Writer::from_writer(out),
            header: false,
        }
    }

    fn header(&mut self) -> Result<()> {
        if !self.header {
            self.out.write_record(HEADER)?;
            self.header = true;
        }
        Ok(())
    }
}

impl Sink for CsvRows {
    fn article(&mut self, a: &ArticleAnalysis, _claim_texts: &[String]) -> Result<()> {
        self.header()?;
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        let (score, label) = match &a.credibility {
            Some(c) => (format!("{:.3}", c.score), c.label.as_str().to_string()),
            None => (String::new(), String::new()),
        };
        self.out.write_record([
            a.id.clone(),
            a.source.path.clone(),
            a.source.record.map(|r| r.to_string()).unwrap_or_default(),
            a.source.start.to_string(),
            a.source.end.to_string(),
            opt(&a.title),
            opt(&a.outlet),
            opt(&a.author),
            a.published.map(|d| d.to_string()).unwrap_or_default(),
            opt(&a.url),
            opt(&a.label),
            a.sentences.len().to_string(),
            a.claims.len().to_string(),
            a.removed.len().to_string(),
            score,
            label,
        ])?;
        Ok(())
    }

    fn finish(&mut self, _links: &LinkResult, _summary: &RunSummary) -> Result<()> {
        self.header()?;
        self.out.flush()?;
        Ok(())
    }
}
