//! Analysed articles parked on disk until linking is done, for `crosscheck
//! analyze`'s second pass.
//!
//! Each record is a little-endian `u32` length and the article (with the texts
//! of its claims) in postcard, written through [`crate::dense`] so that the
//! schema's skipped fields keep their places. Reading and writing a binary record
//! costs a fraction of the JSON line it replaced (the spill was written and parsed
//! once per article, as much work as writing the output); the file is private to
//! one run, so its format is free to change.

use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Seek, SeekFrom, Write};

use anyhow::{Context, Result};
use crosscheck_schema::ArticleAnalysis;

/// The spill file: articles in the order they were pushed.
pub struct Spill {
    file: BufWriter<File>,
    /// The record being encoded, reused from one article to the next.
    buffer: Vec<u8>,
    /// Records written: the replay reads exactly these, so a short file is an error,
    /// never a silently shorter output.
    records: usize,
}

impl Spill {
    pub fn new() -> Result<Spill> {
        let file =
            tempfile::tempfile().context("cannot create a temporary file for the second pass")?;
        Ok(Spill {
            file: BufWriter::with_capacity(1 << 20, file),
            buffer: Vec::new(),
            records: 0,
        })
    }

    /// Parks one article with the texts of its claims (empty unless the output
    /// quotes them).
    pub fn push(&mut self, article: &ArticleAnalysis, claim_texts: &[String]) -> Result<()> {
        let mut buffer = std::mem::take(&mut self.buffer);
        buffer.clear();
        let buffer = crate::dense::to_postcard(&(article, claim_texts), buffer)
            .context("cannot encode an article for the second pass")?;
        let len = u32::try_from(buffer.len()).context("an article too large to spill")?;
        self.file
            .write_all(&len.to_le_bytes())
            .and_then(|()| self.file.write_all(&buffer))
            .context("cannot write the second-pass file")?;
        self.buffer = buffer;
        self.records += 1;
        Ok(())
    }

    /// Reads the articles back in the order they were pushed.
    pub fn replay(
        self,
        mut each: impl FnMut(&mut ArticleAnalysis, &[String]) -> Result<()>,
    ) -> Result<()> {
        let mut file = self
            .file
            .into_inner()
            .map_err(|e| e.into_error())
            .context("cannot write the second-pass file")?;
        file.seek(SeekFrom::Start(0))
            .context("cannot read the second-pass file")?;
        let mut reader = BufReader::with_capacity(1 << 20, file);
        let mut buffer = self.buffer;
        for _ in 0..self.records {
            let mut len = [0u8; 4];
            reader
                .read_exact(&mut len)
                .context("the second-pass file is truncated")?;
            buffer.resize(u32::from_le_bytes(len) as usize, 0);
            reader
                .read_exact(&mut buffer)
                .context("the second-pass file is truncated")?;
            let (mut article, claim_texts): (ArticleAnalysis, Vec<String>) =
                postcard::from_bytes(&buffer).context("the second-pass file is unreadable")?;
            each(&mut article, &claim_texts)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crosscheck_core::Pipeline;
    use crosscheck_schema::{ClaimStatus, CompilationPart, Document};

    const TEXT: &str = "Air strikes kill 35 in Idlib market\n\n\
        Air strikes hit a crowded market in the town of Maarat al-Numan in Idlib province \
        on Sunday, killing at least 35 people and wounding more than 60, the Syrian \
        Observatory for Human Rights said. Residents said the warplanes belonged to the \
        Syrian government. Rescue workers reportedly pulled bodies from the rubble.\n";

    #[test]
    fn articles_come_back_as_they_were_pushed() {
        let pipeline = Pipeline::new();
        let mut plain = pipeline
            .analyze(&Document::from_text("a.txt", TEXT))
            .remove(0);
        assert!(!plain.claims.is_empty(), "the test needs claims");
        // Every field a `skip_serializing_if` skips, once skipped and once set.
        plain.compilation = None;
        plain.metadata.clear();
        plain.credibility = None;
        for claim in &mut plain.claims {
            claim.status = None;
            claim.attribution.hedges.clear();
        }
        for signal in &mut plain.signals {
            for e in &mut signal.evidence {
                e.label = None;
            }
        }
        for sentence in &mut plain.sentences {
            sentence.checkworthy = None;
        }
        let mut full = pipeline
            .analyze(&Document::from_text("a.txt", TEXT))
            .remove(0);
        full.compilation = Some(CompilationPart { index: 1, count: 2 });
        full.metadata = BTreeMap::from([("section".to_string(), "world".to_string())]);
        full.claims[0].status = Some(ClaimStatus::Corroborated);
        full.claims[0].attribution.hedges = vec![crosscheck_schema::Span::new(3, 9)];
        full.credibility = Some(pipeline.assess(&full, None));
        assert!(full.sentences.iter().all(|s| s.checkworthy.is_some()));

        let texts = vec!["one claim".to_string(), "another".to_string()];
        let mut spill = Spill::new().unwrap();
        spill.push(&plain, &[]).unwrap();
        spill.push(&full, &texts).unwrap();
        let mut back = Vec::new();
        spill
            .replay(|article, claim_texts| {
                back.push((article.clone(), claim_texts.to_vec()));
                Ok(())
            })
            .unwrap();
        assert_eq!(back, vec![(plain, Vec::new()), (full, texts)]);
    }
}
