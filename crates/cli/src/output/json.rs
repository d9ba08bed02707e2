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

/// Rendered output kept in memory and written in blocks of at least [`BLOCK`]
/// bytes. Each article is rendered into the block once; writing every article on
/// its own went through the 64 KB `BufWriter` of `open_output`, which copied it a
/// second time. A block that large goes past that buffer without a copy.
struct Blocks {
    out: Box<dyn Write + Send>,
    pending: Vec<u8>,
}

/// The size from which [`Blocks`] writes what it holds: the capacity of the
/// `BufWriter` under it, which passes a write of that size straight through.
const BLOCK: usize = 1 << 16;

impl Blocks {
    fn new(out: Box<dyn Write + Send>) -> Blocks {
        Blocks {
            out,
            pending: Vec::new(),
        }
    }

    /// Appends what `render` renders; nothing when it fails (the output does not
    /// get half an article).
    fn render(
        &mut self,
        render: impl FnOnce(&mut Vec<u8>) -> Result<(), serde_json::Error>,
    ) -> Result<()> {
        let start = self.pending.len();
        render(&mut self.pending).inspect_err(|_| self.pending.truncate(start))?;
        Ok(())
    }

    /// Writes what is held once it makes a block.
    fn written_when_full(&mut self) -> Result<()> {
        if self.pending.len() >= BLOCK {
            self.write_pending()?;
        }
        Ok(())
    }

    /// Writes whatever is held.
    fn write_pending(&mut self) -> std::io::Result<()> {
        let result = self.out.write_all(&self.pending);
        self.pending.clear();
        result
    }
}

impl Drop for Blocks {
    /// What is held still reaches the output when a run ends early, as what the
    /// `BufWriter` held did.
    fn drop(&mut self) {
        let _ = self.write_pending();
    }
}

pub struct JsonDocument {
    out: Blocks,
    articles: usize,
    buf: Vec<u8>,
}

impl JsonDocument {
    pub fn new(out: Box<dyn Write + Send>) -> JsonDocument {
        JsonDocument {
            out: Blocks::new(out),
            articles: 0,
            buf: Vec::new(),
        }
    }

    fn open(&mut self) -> Result<()> {
        write!(
            self.out.pending,
            "{{\"schema\":{},\"articles\":[",
            serde_json::to_string(SCHEMA)?
        )?;
        Ok(())
    }
}

impl JsonDocument {
    /// Writes one element of the `articles` array, rendered by `render`.
    fn element(
        &mut self,
        render: impl FnOnce(&mut Vec<u8>) -> Result<(), serde_json::Error>,
    ) -> Result<()> {
        if self.articles == 0 {
            self.open()?;
        } else {
            self.out.pending.push(b',');
        }
        self.out.pending.push(b'\n');
        self.out.render(render)?;
        self.articles += 1;
        self.out.written_when_full()
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
        self.out.write_pending()?;
        let out = &mut self.out.out;
        // The same field order as `crosscheck_schema::Analysis`, so the document
        // deserialises into it.
        write!(out, "\n],\"groups\":")?;
        write_json(out, &mut self.buf, &links.groups)?;
        write!(out, ",\n\"events\":")?;
        write_json(out, &mut self.buf, &links.events)?;
        write!(out, ",\n\"contradictions\":")?;
        write_json(out, &mut self.buf, &links.contradictions)?;
        write!(out, ",\n\"corroborations\":")?;
        write_json(out, &mut self.buf, &links.corroborations)?;
        write!(out, ",\n\"summary\":")?;
        write_json(out, &mut self.buf, summary)?;
        writeln!(out, "}}")?;
        out.flush()?;
        Ok(())
    }
}

pub struct JsonLines {
    out: Blocks,
}

impl JsonLines {
    pub fn new(out: Box<dyn Write + Send>) -> JsonLines {
        JsonLines {
            out: Blocks::new(out),
        }
    }
}

impl JsonLines {
    /// Writes one line, rendered by `render`.
    fn line(
        &mut self,
        render: impl FnOnce(&mut Vec<u8>) -> Result<(), serde_json::Error>,
    ) -> Result<()> {
        self.out.render(render)?;
        self.out.pending.push(b'\n');
        self.out.written_when_full()
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
        self.out.write_pending()?;
        self.out.out.flush()?;
        Ok(())
    }
}
