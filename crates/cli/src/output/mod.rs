//! Output formats. Every format is streamed article by article so memory stays
//! flat; what only exists once all articles are read (links across articles, the
//! summary) is written by `finish`.

mod csv_rows;
mod json;
mod report;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use anyhow::{Context, Result};
use crosscheck_schema::{
    ArticleAnalysis, ClaimStatus, Contradiction, Corroboration, Event, IndependenceGroup,
    RunSummary,
};

use crate::args::OutputFormat;

pub use report::{claim_texts, one_line as report_one_line, print_article};

/// What linking found across the articles of a run (and, with a store, across
/// everything stored before).
#[derive(Debug, Default)]
pub struct LinkResults {
    pub groups: Vec<IndependenceGroup>,
    pub events: Vec<Event>,
    pub contradictions: Vec<Contradiction>,
    pub corroborations: Vec<Corroboration>,
    /// `(claim id, status)`, sorted by claim id.
    pub statuses: Vec<(String, ClaimStatus)>,
}

impl From<crosscheck_link::LinkResult> for LinkResults {
    fn from(r: crosscheck_link::LinkResult) -> LinkResults {
        LinkResults {
            groups: r.groups,
            events: r.events,
            contradictions: r.contradictions,
            corroborations: r.corroborations,
            statuses: r.statuses,
        }
    }
}

impl LinkResults {
    pub fn status(&self, claim: &str) -> Option<ClaimStatus> {
        self.statuses
            .binary_search_by(|(c, _)| c.as_str().cmp(claim))
            .ok()
            .map(|i| self.statuses[i].1)
    }

    /// Sets each claim's status in `article`.
    pub fn apply(&self, article: &mut ArticleAnalysis) {
        for claim in &mut article.claims {
            if let Some(s) = self.status(&claim.id) {
                claim.status = Some(s);
            }
        }
    }
}

pub trait Sink {
    /// One analysed article, in input order, with the text of each of its claims.
    fn article(&mut self, article: &ArticleAnalysis, claim_texts: &[String]) -> Result<()>;
    fn finish(&mut self, links: &LinkResults, summary: &RunSummary) -> Result<()>;
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
