//! `--format json` (one `crosscheck/analysis/v1` document, streamed) and
//! `--format jsonl` (one article object per line).

use std::io::Write;

use anyhow::Result;
use crosscheck_link::LinkResult;
use crosscheck_schema::{ArticleAnalysis, ClaimStatus, Credibility, RunSummary, SCHEMA};

use super::Sink;

/// Serialises `value` into `buf` and writes it with one call: the many small
/// writes stay in a plain `Vec` instead of each going through `dyn Write`.
fn write_json<T: serde::Serialize + ?Sized>(
    out: &mut dyn Write,
    buf: &mut Vec<u8>,
    value: &T,
) -> Result<()> {
    buf.clear();
    super::fast_json::to_vec(buf, value)?;
    out.write_all(buf)?;
    Ok(())
}

pub struct JsonDocument {
    out: Box<dyn Write + Send>,
    articles: usize,
    buf: Vec<u8>,
}

impl JsonDocument {
    pub fn new(out: Box<dyn Write + Send>) -> JsonDocument {
        JsonDocument {
            out,
            articles: 0,
            buf: Vec::new(),
        }
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

impl JsonDocument {
    /// Writes one element of the `articles` array, rendered by `render` into the
    /// reused buffer.
    fn element(
        &mut self,
        render: impl FnOnce(&mut Vec<u8>) -> Result<(), serde_json::Error>,
    ) -> Result<()> {
        if self.articles == 0 {
            self.open()?;
        } else {
            self.out.write_all(b",")?;
        }
        self.out.write_all(b"\n")?;
        self.buf.clear();
        render(&mut self.buf)?;
        self.out.write_all(&self.buf)?;
        self.articles += 1;
        Ok(())
    }
}

impl Sink for JsonDocument {
    fn article(&mut self, article: &ArticleAnalysis, _claim_texts: &[String]) -> Result<()> {
        self.element(|buf| super::fast_json::article_to_vec(buf, article))
    }

    fn prerenders(&self) -> bool {
        true
    }

    fn prerendered(
        &mut self,
        json: &[u8],
        claims: &mut dyn Iterator<Item = (usize, Option<ClaimStatus>)>,
        credibility: &Option<Credibility>,
    ) -> Result<()> {
        self.element(|buf| super::fast_json::finish_article(buf, json, claims, credibility))
    }

    fn finish(&mut self, links: &LinkResult, summary: &RunSummary) -> Result<()> {
        if self.articles == 0 {
            self.open()?;
        }
        // The same field order as `crosscheck_schema::Analysis`, so the document
        // deserialises into it.
        write!(self.out, "\n],\"groups\":")?;
        write_json(&mut self.out, &mut self.buf, &links.groups)?;
        write!(self.out, ",\n\"events\":")?;
        write_json(&mut self.out, &mut self.buf, &links.events)?;
        write!(self.out, ",\n\"contradictions\":")?;
        write_json(&mut self.out, &mut self.buf, &links.contradictions)?;
        write!(self.out, ",\n\"corroborations\":")?;
        write_json(&mut self.out, &mut self.buf, &links.corroborations)?;
        write!(self.out, ",\n\"summary\":")?;
        write_json(&mut self.out, &mut self.buf, summary)?;
        writeln!(self.out, "}}")?;
        self.out.flush()?;
        Ok(())
    }
}

pub struct JsonLines {
    out: Box<dyn Write + Send>,
    buf: Vec<u8>,
}

impl JsonLines {
    pub fn new(out: Box<dyn Write + Send>) -> JsonLines {
        JsonLines {
            out,
            buf: Vec::new(),
        }
    }
}

impl JsonLines {
    /// Writes one line, rendered by `render` into the reused buffer.
    fn line(
        &mut self,
        render: impl FnOnce(&mut Vec<u8>) -> Result<(), serde_json::Error>,
    ) -> Result<()> {
        self.buf.clear();
        render(&mut self.buf)?;
        self.buf.push(b'\n');
        self.out.write_all(&self.buf)?;
        Ok(())
    }
}

impl Sink for JsonLines {
    fn article(&mut self, article: &ArticleAnalysis, _claim_texts: &[String]) -> Result<()> {
        self.line(|buf| super::fast_json::article_to_vec(buf, article))
    }

    fn prerenders(&self) -> bool {
        true
    }

    fn prerendered(
        &mut self,
        json: &[u8],
        claims: &mut dyn Iterator<Item = (usize, Option<ClaimStatus>)>,
        credibility: &Option<Credibility>,
    ) -> Result<()> {
        self.line(|buf| super::fast_json::finish_article(buf, json, claims, credibility))
    }

    fn finish(&mut self, _links: &LinkResult, _summary: &RunSummary) -> Result<()> {
        self.out.flush()?;
        Ok(())
    }
}
