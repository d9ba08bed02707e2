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
use std::io::{Read, Seek, SeekFrom, Write};

use anyhow::{Context, Result};
use crosscheck_schema::{ArticleAnalysis, ClaimStatus, Evidence, Span};
use crosscheck_signals::{pack_signals, ArticleCredibility, SignalsRef};

/// The spill file: articles in the order they were pushed.
///
/// Records are encoded straight into one block in memory, written to the file
/// once it reaches [`BLOCK`] bytes, and read back a block at a time, each record
/// passed on where it lies in the block: an article's bytes are not copied from a
/// record buffer into a `BufWriter`, nor from a `BufReader` into a record buffer.
pub struct Spill {
    file: File,
    /// Records not yet written to the file.
    pending: Vec<u8>,
    /// Records written: the replay reads exactly these, so a short file is an error,
    /// never a silently shorter output.
    records: usize,
    /// Where each claim's status goes in the JSON being pushed, reused.
    claim_ends: Vec<usize>,
}

/// The size of the blocks the spill file is written and read in.
const BLOCK: usize = 1 << 20;

impl Spill {
    pub fn new() -> Result<Spill> {
        let file =
            tempfile::tempfile().context("cannot create a temporary file for the second pass")?;
        Ok(Spill {
            file,
            pending: Vec::with_capacity(BLOCK + (BLOCK >> 2)),
            records: 0,
            claim_ends: Vec::new(),
        })
    }

    /// Parks one article with the texts of its claims (empty unless the output
    /// quotes them).
    pub fn push(&mut self, article: &ArticleAnalysis, claim_texts: &[String]) -> Result<()> {
        self.push_record(|pending| {
            crate::dense::to_postcard(&(article, claim_texts), pending)
                .context("cannot encode an article for the second pass")
        })
    }

    /// Appends one record, encoded by `encode` (which appends to the vector it is
    /// given and hands it back), behind its length; writes the block when full.
    fn push_record(&mut self, encode: impl FnOnce(Vec<u8>) -> Result<Vec<u8>>) -> Result<()> {
        let start = self.pending.len();
        let mut pending = std::mem::take(&mut self.pending);
        pending.extend_from_slice(&[0; 4]);
        let mut pending = encode(pending)?;
        let len =
            u32::try_from(pending.len() - start - 4).context("an article too large to spill")?;
        pending[start..start + 4].copy_from_slice(&len.to_le_bytes());
        self.pending = pending;
        self.records += 1;
        if self.pending.len() >= BLOCK {
            self.file
                .write_all(&self.pending)
                .context("cannot write the second-pass file")?;
            self.pending.clear();
        }
        Ok(())
    }

    /// Reads the articles back in the order they were pushed.
    pub fn replay(
        self,
        mut each: impl FnMut(&mut ArticleAnalysis, &[String]) -> Result<()>,
    ) -> Result<()> {
        self.replay_records(|buffer| {
            let (mut article, claim_texts): (ArticleAnalysis, Vec<String>) =
                postcard::from_bytes(buffer).context("the second-pass file is unreadable")?;
            each(&mut article, &claim_texts)
        })
    }
}

/// An article parked by [`Spill::push_prerendered`], as [`Spill::replay_prerendered`]
/// reads it back: borrowed from the record.
pub struct Prerendered<'a> {
    record: &'a [u8],
    /// The article's id.
    pub id: &'a str,
    /// Its JSON up to its credibility, without claim statuses
    /// (`output::article_prefix`).
    pub json: &'a [u8],
    /// Per claim: where its status goes in `json`, the status it had, and where
    /// its id is in the record.
    claims: &'a [(usize, Option<ClaimStatus>, (usize, usize))],
    /// What credibility needs of the article.
    pub credibility: ArticleCredibility<'a>,
}

impl Prerendered<'_> {
    /// Per claim: where its status goes in `json`, the status it had, its id.
    pub fn claims(&self) -> impl Iterator<Item = (usize, Option<ClaimStatus>, &str)> + '_ {
        self.claims.iter().map(|&(end, status, (a, b))| {
            // Checked to be UTF-8 when the record was read.
            let id = std::str::from_utf8(&self.record[a..b]).unwrap_or_default();
            (end, status, id)
        })
    }
}

/// The record of [`Spill::push_prerendered`] after its JSON: the article id,
/// then the claims, then the credibility input in postcard.
type CredibilityParts = (
    Vec<f32>,
    Vec<f32>,
    (f32, Vec<Evidence>),
    (f32, Vec<Span>),
    (f32, Vec<Span>),
    (f32, Vec<Span>),
);

impl Spill {
    /// Parks one article for a JSON sink: its JSON without what linking decides
    /// (claim statuses, credibility; `output::article_prefix`, rendered here) and
    /// what credibility needs of it, instead of the whole article.
    ///
    /// With `analysis_json`, also sets it to the article's whole JSON as it is now
    /// (`output::article_to_vec`, with the claims' statuses and the credibility
    /// it has), completed from the prefix just rendered: what the store keeps.
    pub fn push_prerendered(
        &mut self,
        article: &ArticleAnalysis,
        credibility: &ArticleCredibility<'_>,
        analysis_json: Option<&mut Vec<u8>>,
    ) -> Result<()> {
        let mut claim_ends = std::mem::take(&mut self.claim_ends);
        let pushed = self.push_record(|mut buffer| {
            let len32 = |n: usize| u32::try_from(n).context("an article too large to spill");
            let json_at = buffer.len();
            buffer.extend_from_slice(&[0; 4]);
            claim_ends.clear();
            crate::output::article_prefix(&mut buffer, article, &mut claim_ends)
                .context("cannot encode an article for the second pass")?;
            let json_start = json_at + 4;
            if let Some(out) = analysis_json {
                out.clear();
                // The prefix, the statuses and the credibility: a little more.
                out.reserve(buffer.len() - json_start + 64);
                let statuses = claim_ends
                    .iter()
                    .zip(&article.claims)
                    .map(|(&end, claim)| (end - json_start, claim.status));
                crate::output::finish_article(
                    out,
                    &buffer[json_start..],
                    statuses,
                    &article.credibility,
                )
                .context("cannot encode an article for the store")?;
            }
            let json_len = len32(buffer.len() - json_start)?;
            buffer[json_at..json_start].copy_from_slice(&json_len.to_le_bytes());
            buffer.extend_from_slice(&len32(article.id.len())?.to_le_bytes());
            buffer.extend_from_slice(article.id.as_bytes());
            buffer.extend_from_slice(&len32(article.claims.len())?.to_le_bytes());
            for (claim, &end) in article.claims.iter().zip(&claim_ends) {
                // The offset in the JSON, not in the block.
                buffer.extend_from_slice(&len32(end - json_start)?.to_le_bytes());
                buffer.push(match claim.status {
                    None => 0,
                    Some(s) => 1 + ClaimStatus::ALL.iter().position(|&x| x == s).unwrap_or(0) as u8,
                });
                buffer.extend_from_slice(&len32(claim.id.len())?.to_le_bytes());
                buffer.extend_from_slice(claim.id.as_bytes());
            }
            let c = credibility;
            // The signals packed (`signals::pack_signals`) and read in place when
            // assessing; the rest in postcard.
            let packed_at = buffer.len();
            buffer.extend_from_slice(&[0; 4]);
            match c.signals {
                SignalsRef::Signals(signals) => pack_signals(signals, &mut buffer),
                SignalsRef::Packed(bytes) => buffer.extend_from_slice(bytes),
            }
            let packed = len32(buffer.len() - packed_at - 4)?;
            buffer[packed_at..packed_at + 4].copy_from_slice(&packed.to_le_bytes());
            let parts = (
                &c.before,
                &c.after,
                &c.outlet,
                &c.casualties,
                &c.sourcing,
                &c.events,
            );
            crate::dense::to_postcard(&parts, buffer)
                .context("cannot encode an article for the second pass")
        });
        self.claim_ends = claim_ends;
        pushed
    }

    /// Reads back, in order, the articles of [`Spill::push_prerendered`].
    pub fn replay_prerendered(
        self,
        mut each: impl FnMut(&Prerendered<'_>) -> Result<()>,
    ) -> Result<()> {
        let mut claims: Vec<(usize, Option<ClaimStatus>, (usize, usize))> = Vec::new();
        self.replay_records(|record| {
            let mut r = Cursor { record, at: 0 };
            let json = r.slice()?;
            let id = r.str()?;
            let n = r.u32()? as usize;
            claims.clear();
            for _ in 0..n {
                let end = r.u32()? as usize;
                let status = match r.byte()? {
                    0 => None,
                    s => Some(
                        *ClaimStatus::ALL
                            .get(usize::from(s) - 1)
                            .context("the second-pass file is unreadable")?,
                    ),
                };
                let len = r.u32()? as usize;
                let start = r.at;
                r.str_of(len)?;
                claims.push((end, status, (start, start + len)));
            }
            let signals = r.slice()?;
            let parts: CredibilityParts = postcard::from_bytes(&record[r.at..])
                .context("the second-pass file is unreadable")?;
            let (before, after, outlet, casualties, sourcing, events) = parts;
            each(&Prerendered {
                record,
                id,
                json,
                claims: &claims,
                credibility: ArticleCredibility {
                    before,
                    after,
                    outlet,
                    casualties,
                    sourcing,
                    events,
                    signals: SignalsRef::Packed(signals),
                },
            })
        })
    }

    /// Calls `each` with every record's bytes, in the order they were pushed.
    fn replay_records(self, mut each: impl FnMut(&[u8]) -> Result<()>) -> Result<()> {
        let Spill {
            mut file,
            pending,
            records,
            ..
        } = self;
        // The records still in memory follow those in the file.
        let written = file
            .stream_position()
            .context("cannot read the second-pass file")?;
        file.seek(SeekFrom::Start(0))
            .context("cannot read the second-pass file")?;
        let mut reader = BlockReader {
            file: file.take(written),
            block: Vec::with_capacity(BLOCK + (BLOCK >> 2)),
            at: 0,
        };
        let mut rest = &pending[..];
        for _ in 0..records {
            let record = match reader.record()? {
                Some(record) => record,
                None => {
                    let len = rest
                        .first_chunk::<4>()
                        .context("the second-pass file is truncated")?;
                    let len = u32::from_le_bytes(*len) as usize;
                    let record = rest
                        .get(4..4 + len)
                        .context("the second-pass file is truncated")?;
                    rest = &rest[4 + len..];
                    record
                }
            };
            each(record)?;
        }
        Ok(())
    }
}

/// The spill file read a block at a time.
struct BlockReader<R> {
    file: R,
    /// Bytes read and not yet handed out start at `at`.
    block: Vec<u8>,
    at: usize,
}

impl<R: Read> BlockReader<R> {
    /// The next record of the file, or `None` at its end. A record cut by the end
    /// of the file is an error.
    fn record(&mut self) -> Result<Option<&[u8]>> {
        if !self.fill(4)? {
            return if self.block.len() == self.at {
                Ok(None)
            } else {
                Err(anyhow::anyhow!("the second-pass file is truncated"))
            };
        }
        let at = self.at;
        let len = u32::from_le_bytes([
            self.block[at],
            self.block[at + 1],
            self.block[at + 2],
            self.block[at + 3],
        ]) as usize;
        if !self.fill(4 + len)? {
            anyhow::bail!("the second-pass file is truncated");
        }
        // Filling may have moved the record to the block's start.
        let at = self.at;
        self.at += 4 + len;
        Ok(Some(&self.block[at + 4..at + 4 + len]))
    }

    /// Makes `n` bytes from `at` available, reading more of the file (after
    /// moving what is left of the block to its start); false when the file ends
    /// first.
    fn fill(&mut self, n: usize) -> Result<bool> {
        if self.block.len() - self.at >= n {
            return Ok(true);
        }
        self.block.drain(..self.at);
        self.at = 0;
        while self.block.len() < n {
            let want = n.max(BLOCK) - self.block.len();
            let read = (&mut self.file)
                .take(want as u64)
                .read_to_end(&mut self.block)
                .context("cannot read the second-pass file")?;
            if read == 0 {
                return Ok(false);
            }
        }
        Ok(true)
    }
}

/// Reads the fields of a [`Spill::push_prerendered`] record.
struct Cursor<'a> {
    record: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let bytes = self
            .record
            .get(self.at..self.at.saturating_add(n))
            .context("the second-pass file is unreadable")?;
        self.at += n;
        Ok(bytes)
    }

    fn byte(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }

    fn u32(&mut self) -> Result<u32> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A `u32` length and that many bytes.
    fn slice(&mut self) -> Result<&'a [u8]> {
        let n = self.u32()? as usize;
        self.take(n)
    }

    fn str(&mut self) -> Result<&'a str> {
        let n = self.u32()? as usize;
        self.str_of(n)
    }

    fn str_of(&mut self, n: usize) -> Result<&'a str> {
        std::str::from_utf8(self.take(n)?).context("the second-pass file is unreadable")
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
        assert_eq!(
            back,
            vec![(plain.clone(), Vec::new()), (full.clone(), texts)]
        );

        // Pre-rendered: the JSON, the claims and what credibility needs.
        let mut spill = Spill::new().unwrap();
        let mut pushed = Vec::new();
        for article in [&plain, &full] {
            let (mut json, mut ends) = (Vec::new(), Vec::new());
            crate::output::article_prefix(&mut json, article, &mut ends).unwrap();
            let credibility = pipeline.prepare_assessment(article);
            // What the store keeps: the whole JSON, as serde_json writes it.
            let mut whole = Vec::new();
            spill
                .push_prerendered(article, &credibility, Some(&mut whole))
                .unwrap();
            assert_eq!(
                String::from_utf8(whole).unwrap(),
                serde_json::to_string(article).unwrap()
            );
            let claims: Vec<_> = ends
                .into_iter()
                .zip(&article.claims)
                .map(|(end, c)| (end, c.status, c.id.clone()))
                .collect();
            let assessed = pipeline.assess_prepared(&credibility, None);
            pushed.push((article.id.clone(), json, claims, assessed));
        }
        let mut back = Vec::new();
        spill
            .replay_prerendered(|a| {
                let claims: Vec<_> = a
                    .claims()
                    .map(|(end, status, id)| (end, status, id.to_string()))
                    .collect();
                back.push((
                    a.id.to_string(),
                    a.json.to_vec(),
                    claims,
                    pipeline.assess_prepared(&a.credibility, None),
                ));
                Ok(())
            })
            .unwrap();
        assert_eq!(back, pushed);
        assert_eq!(back[1].3, pipeline.assess(&full, None));
    }

    /// Records of many sizes, one longer than a block, so that records straddle
    /// the ends of the blocks written and read.
    #[test]
    fn records_across_blocks_come_back_whole() {
        let pipeline = Pipeline::new();
        let article = pipeline
            .analyze(&Document::from_text("a.txt", TEXT))
            .remove(0);
        let mut spill = Spill::new().unwrap();
        let mut pushed = Vec::new();
        for k in 0..400usize {
            let len = if k == 150 {
                BLOCK + 12_345
            } else {
                (k * 7919) % 17_000
            };
            spill.push(&article, &["y".repeat(len)]).unwrap();
            pushed.push(len);
        }
        let mut back = Vec::new();
        spill
            .replay(|a, texts| {
                assert_eq!(a, &article);
                back.push(texts[0].len());
                Ok(())
            })
            .unwrap();
        assert_eq!(back, pushed);
    }
}
