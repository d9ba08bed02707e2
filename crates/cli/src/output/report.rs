//! The readable terminal report. Cross-article findings lead (they are what a
//! fact-checker reads first), so article blocks are kept until the end.

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::Result;
use crosscheck_schema::{ArticleAnalysis, Casualties, Claim, RunSummary};

use super::{LinkResults, Sink};

pub struct Report {
    out: Box<dyn Write + Send>,
    blocks: Vec<String>,
}

impl Report {
    pub fn new(out: Box<dyn Write + Send>) -> Report {
        Report { out, blocks: Vec::new() }
    }
}

/// `text` squeezed to one line of at most `max` characters.
pub fn one_line(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
    format!("{cut}…")
}

fn article_block(n: usize, a: &ArticleAnalysis, source: &str) -> String {
    let mut s = String::new();
    let title = a.title.as_deref().unwrap_or("(untitled)");
    s.push_str(&format!("[{n}] {}\n", one_line(title, 100)));
    let mut meta = Vec::new();
    meta.push(a.outlet.clone().unwrap_or_else(|| "unknown outlet".into()));
    if let Some(d) = a.published {
        meta.push(d.to_string());
    }
    if let Some(author) = &a.author {
        meta.push(format!("by {}", one_line(author, 40)));
    }
    let mut location = a.source.path.clone();
    if let Some(r) = a.source.record {
        location.push_str(&format!(":{r}"));
    }
    if let Some(part) = a.compilation {
        location.push_str(&format!(" (part {} of {})", part.index + 1, part.count));
    }
    meta.push(location);
    s.push_str(&format!("    {}\n", meta.join(" · ")));
    s.push_str(&format!("    id {} · {} sentences", a.id, a.sentences.len()));
    if !a.removed.is_empty() {
        let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
        for r in &a.removed {
            *kinds.entry(r.kind.as_str()).or_default() += 1;
        }
        let kinds: Vec<String> = kinds.iter().map(|(k, n)| format!("{} ×{n}", k.replace('_', " "))).collect();
        s.push_str(&format!(" · removed: {}", kinds.join(", ")));
    }
    s.push('\n');
    for claim in &a.claims {
        s.push_str(&format!("    • {}\n", claim_line(claim, source)));
    }
    s
}

fn count(c: &Casualties) -> String {
    let range = match c.max {
        Some(max) if max == c.min => c.min.to_string(),
        Some(max) => format!("{}–{max}", c.min),
        None => format!("{}+", c.min),
    };
    let category = format!("{:?}", c.category).to_ascii_lowercase();
    if category == "people" {
        range
    } else {
        format!("{range} {category}")
    }
}

/// One line per claim: what the frame says, who says it, and the sentence.
pub fn claim_line(claim: &Claim, source: &str) -> String {
    let mut facts = Vec::new();
    if let Some(e) = &claim.event {
        facts.push(format!("[{}]", e.event_type.as_str().replace('_', " ")));
        if let Some(actor) = &e.actor {
            facts.push(format!("by {}{}", actor.name, if e.denied { " (denied)" } else { "" }));
        }
        if let Some(k) = &e.killed {
            facts.push(format!("killed {}{}", count(k), if k.update { " (updated toll)" } else { "" }));
        }
        if let Some(i) = &e.injured {
            facts.push(format!("injured {}", count(i)));
        }
        if let Some(p) = &e.place {
            facts.push(format!("in {}", p.name));
        }
        if let Some(d) = &e.date {
            facts.push(if d.value == d.last { d.value.to_string() } else { format!("{}..{}", d.value, d.last) });
        }
    }
    let who = if claim.attribution.chain.is_empty() {
        "outlet's own voice".to_string()
    } else {
        let names: Vec<&str> = claim.attribution.chain.iter().map(|s| s.name.as_str()).collect();
        format!("per {}", names.join(" citing "))
    };
    facts.push(who);
    if claim.attribution.hedged {
        facts.push("hedged".into());
    }
    let text = source.get(claim.start..claim.end).unwrap_or("");
    format!("{} — “{}” ({:.2})", facts.join(" · "), one_line(text, 90), claim.checkworthy)
}

impl Sink for Report {
    fn article(&mut self, article: &ArticleAnalysis, source: &str) -> Result<()> {
        let n = self.blocks.len() + 1;
        self.blocks.push(article_block(n, article, source));
        Ok(())
    }

    fn finish(&mut self, _links: &LinkResults, summary: &RunSummary) -> Result<()> {
        writeln!(self.out, "ARTICLES ({})\n", self.blocks.len())?;
        for block in &self.blocks {
            writeln!(self.out, "{block}")?;
        }
        if !summary.skipped.is_empty() {
            writeln!(self.out, "SKIPPED ({})", summary.skipped.len())?;
            for s in &summary.skipped {
                let mut place = s.path.clone();
                if let Some(l) = s.line {
                    place.push_str(&format!(":{l}"));
                }
                writeln!(self.out, "    {place}: {}", s.reason)?;
            }
        }
        self.out.flush()?;
        Ok(())
    }
}

/// The full human view of one article (`crosscheck show`): metadata, what was
/// removed, and every sentence with its offsets.
pub fn print_article(out: &mut dyn Write, a: &ArticleAnalysis, source: &str) -> Result<()> {
    write!(out, "{}", article_block(1, a, source).trim_start_matches("[1] "))?;
    if !a.removed.is_empty() {
        writeln!(out, "\n  removed:")?;
        for r in &a.removed {
            let text = source.get(r.start..r.end).unwrap_or("");
            writeln!(out, "    {:>6}..{:<6} {:<18} {}", r.start, r.end, r.kind.as_str(), one_line(text, 70))?;
        }
    }
    writeln!(out, "\n  sentences (check-worthiness):")?;
    for s in &a.sentences {
        let text = source.get(s.start..s.end).unwrap_or("");
        let score = s.checkworthy.map_or_else(|| "    ".to_string(), |c| format!("{c:.2}"));
        writeln!(out, "    {:>6}..{:<6} {score} {}", s.start, s.end, one_line(text, 100))?;
    }
    Ok(())
}
