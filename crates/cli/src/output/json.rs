//! `--format json` (one `crosscheck/analysis/v1` document, streamed) and
//! `--format jsonl` (one article object per line).

use std::io::Write;

use anyhow::Result;
use crosscheck_schema::{ArticleAnalysis, RunSummary, SCHEMA};

use super::{LinkResults, Sink};

pub struct JsonDocument {
    out: Box<dyn Write + Send>,
    articles: usize,
}

impl JsonDocument {
    pub fn new(out: Box<dyn Write + Send>) -> JsonDocument {
        JsonDocument { out, articles: 0 }
    }

    fn open(&mut self) -> Result<()> {
        write!(
            self.out,
            "{{\"schema\":{},\"articles\":[",
            serde_json::to_string(SCHEMA)?
        )?;
        Ok(())
    }
}

impl Sink for JsonDocument {
    fn article(&mut self, article: &ArticleAnalysis, _claim_texts: &[String]) -> Result<()> {
        if self.articles == 0 {
            self.open()?;
        } else {
            self.out.write_all(b",")?;
        }
        self.out.write_all(b"\n")?;
        serde_json::to_writer(&mut self.out, article)?;
        self.articles += 1;
        Ok(())
    }

    fn finish(&mut self, links: &LinkResults, summary: &RunSummary) -> Result<()> {
        if self.articles == 0 {
            self.open()?;
        }
        // The same field order as `crosscheck_schema::Analysis`, so the document
        // deserialises into it.
        write!(self.out, "\n],\"groups\":")?;
        serde_json::to_writer(&mut self.out, &links.groups)?;
        write!(self.out, ",\n\"events\":")?;
        serde_json::to_writer(&mut self.out, &links.events)?;
        write!(self.out, ",\n\"contradictions\":")?;
        serde_json::to_writer(&mut self.out, &links.contradictions)?;
        write!(self.out, ",\n\"corroborations\":")?;
        serde_json::to_writer(&mut self.out, &links.corroborations)?;
        write!(self.out, ",\n\"summary\":")?;
        serde_json::to_writer(&mut self.out, summary)?;
        writeln!(self.out, "}}")?;
        self.out.flush()?;
        Ok(())
    }
}

pub struct JsonLines {
    out: Box<dyn Write + Send>,
}

impl JsonLines {
    pub fn new(out: Box<dyn Write + Send>) -> JsonLines {
        JsonLines { out }
    }
}

impl Sink for JsonLines {
    fn article(&mut self, article: &ArticleAnalysis, _claim_texts: &[String]) -> Result<()> {
        serde_json::to_writer(&mut self.out, article)?;
        self.out.write_all(b"\n")?;
        Ok(())
    }

    fn finish(&mut self, _links: &LinkResults, _summary: &RunSummary) -> Result<()> {
        self.out.flush()?;
        Ok(())
    }
}
