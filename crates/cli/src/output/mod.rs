//! Output formats. Every format is streamed article by article so memory stays
//! flat; what only exists once all articles are read (links across articles, the
//! summary) is written by `finish`.

mod csv_rows;
pub mod disputes;
mod fast_json;
mod json;
mod report;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use anyhow::{Context, Result};
use crosscheck_link::LinkResult;
use crosscheck_schema::{ArticleAnalysis, ClaimStatus, Credibility, Event, RunSummary};

use crate::args::OutputFormat;

pub use fast_json::{article_prefix, article_to_vec, finish_article, to_vec as json_to_vec};
pub use report::{claim_texts, one_line as report_one_line, print_article};

pub trait Sink {
    /// Whether [`Sink::article`] reads the text of the claims; when not, it is
    /// passed none and the texts are never built.
    fn needs_claim_texts(&self) -> bool {
        false
    }
    /// One analysed article, in input order, with the text of each of its claims
    /// (empty unless [`Sink::needs_claim_texts`]).
    fn article(&mut self, article: &ArticleAnalysis, claim_texts: &[String]) -> Result<()>;
    /// Whether the sink writes articles as JSON, so that a run that links can
    /// write each article's JSON before linking ([`article_prefix`]) and pass it
    /// to [`Sink::prerendered`] with what linking decided.
    fn prerenders(&self) -> bool {
        false
    }
    /// What [`Sink::article`] does for the article whose JSON prefix is `json`
    /// (from [`article_prefix`]), with claim `i`'s status at offset `claims[i]`,
    /// and the given credibility. Only called when [`Sink::prerenders`].
    fn prerendered(
        &mut self,
        _json: &[u8],
        _claims: &mut dyn Iterator<Item = (usize, Option<ClaimStatus>)>,
        _credibility: &Option<Credibility>,
    ) -> Result<()> {
        anyhow::bail!("this output format does not take pre-rendered articles")
    }
    /// What linking found across the articles of the run (and, with a store,
    /// across everything stored before), and the run's summary.
    fn finish(&mut self, links: &LinkResult, summary: &RunSummary) -> Result<()>;
}

/// An event's possible dates: `2016-10-16`, `2016-10-10..2016-10-16` or `date unknown`.
pub fn event_dates(e: &Event) -> String {
    match (e.date_from, e.date_to) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a}..{b}"),
        _ => "date unknown".into(),
    }
}

pub fn sink(format: OutputFormat, out: Box<dyn Write + Send>) -> Box<dyn Sink + Send> {
    match format {
        OutputFormat::Text => Box::new(report::Report::new(out)),
        OutputFormat::Json => Box::new(json::JsonDocument::new(out)),
        OutputFormat::Jsonl => Box::new(json::JsonLines::new(out)),
        OutputFormat::Csv => Box::new(csv_rows::CsvRows::new(out)),
    }
}

/// Standard output, or a file. A closed pipe (`| head`) ends output quietly.
pub fn open_output(path: Option<&Path>) -> Result<Box<dyn Write + Send>> {
    let inner: Box<dyn Write + Send> = match path {
        Some(p) => {
            Box::new(File::create(p).with_context(|| format!("cannot create {}", p.display()))?)
        }
        None => Box::new(io::stdout()),
    };
    Ok(Box::new(QuietPipe {
        inner: BufWriter::with_capacity(1 << 16, inner),
        closed: false,
    }))
}

struct QuietPipe<W: Write> {
    inner: W,
    closed: bool,
}

impl<W: Write> Write for QuietPipe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        match self.inner.write(buf) {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(buf.len())
            }
            other => other,
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        match self.inner.flush() {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            other => other,
        }
    }
}
