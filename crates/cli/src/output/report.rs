//! The readable terminal report. Cross-article findings lead (they are what a
//! fact-checker reads first), so article blocks are kept until the end.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;

use anyhow::Result;
use crosscheck_link::LinkResult;
use crosscheck_schema::{ArticleAnalysis, Casualties, Claim, ClaimRef, ClaimStatus, RunSummary};

use super::{disputes, event_dates, Sink};

pub struct Report {
    out: Box<dyn Write + Send>,
    /// Articles with the text of their claims, until the links are known.
    articles: Vec<(ArticleAnalysis, Vec<String>)>,
    /// Claim id → its sentence, for quoting contradictions.
    sentences: HashMap<String, String>,
}

impl Report {
    pub fn new(out: Box<dyn Write + Send>) -> Report {
        Report {
            out,
            articles: Vec::new(),
            sentences: HashMap::new(),
        }
    }
}

/// How many single-source claims the report lists before summarising the rest.
const SINGLE_SOURCE_SHOWN: usize = 25;

/// `text` squeezed to one line of at most `max` characters.
pub fn one_line(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
    format!("{cut}…")
}

fn article_block(n: usize, a: &ArticleAnalysis, claim_texts: &[String]) -> String {
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
    s.push_str(&format!(
        "    id {} · {} sentences",
        a.id,
        a.sentences.len()
    ));
    if !a.removed.is_empty() {
        let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
        for r in &a.removed {
            *kinds.entry(r.kind.as_str()).or_default() += 1;
        }
        let kinds: Vec<String> = kinds
            .iter()
            .map(|(k, n)| format!("{} ×{n}", k.replace('_', " ")))
            .collect();
        s.push_str(&format!(" · removed: {}", kinds.join(", ")));
    }
    s.push('\n');
    if let Some(c) = &a.credibility {
        s.push_str(&format!(
            "    credibility {:.2} ({})\n",
            c.score,
            c.label.as_str()
        ));
        for r in c.signals.iter().take(3) {
            let direction = if r.weight >= 0.0 { "raises" } else { "lowers" };
            s.push_str(&format!(
                "      {direction} it: {} = {} ({:+.2} log-odds, {} spans)\n",
                r.kind.replace('_', " "),
                r.value,
                r.weight,
                r.evidence.len()
            ));
        }
    }
    for (claim, text) in a.claims.iter().zip(claim_texts) {
        s.push_str(&format!("    • {}\n", claim_line(claim, text)));
    }
    s
}

/// The sentence text of each claim of `a`, from the text its offsets index.
pub fn claim_texts(a: &ArticleAnalysis, source: &str) -> Vec<String> {
    a.claims
        .iter()
        .map(|c| source.get(c.start..c.end).unwrap_or("").to_string())
        .collect()
}

/// What kind of figure a count is, when it is not an incident's toll as it stands.
fn count_note(c: &Casualties) -> &'static str {
    if c.update {
        " (updated toll)"
    } else if c.cumulative {
        " (running total)"
    } else if c.part {
        " (part of the toll)"
    } else {
        ""
    }
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
pub fn claim_line(claim: &Claim, text: &str) -> String {
    let mut facts = Vec::new();
    if let Some(e) = &claim.event {
        facts.push(format!("[{}]", e.event_type.as_str().replace('_', " ")));
        if let Some(actor) = &e.actor {
            facts.push(format!(
                "by {}{}",
                actor.name,
                if e.denied { " (denied)" } else { "" }
            ));
        }
        if let Some(k) = &e.killed {
            facts.push(format!("killed {}{}", count(k), count_note(k)));
        }
        if let Some(i) = &e.injured {
            facts.push(format!("injured {}{}", count(i), count_note(i)));
        }
        if let Some(p) = &e.place {
            facts.push(format!("in {}", p.name));
        }
        if let Some(d) = &e.date {
            facts.push(if d.value == d.last {
                d.value.to_string()
            } else {
                format!("{}..{}", d.value, d.last)
            });
        }
    }
    let who = if claim.attribution.chain.is_empty() {
        "outlet's own voice".to_string()
    } else {
        let names: Vec<&str> = claim
            .attribution
            .chain
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        format!("per {}", names.join(" citing "))
    };
    facts.push(who);
    if claim.attribution.hedged {
        facts.push("hedged".into());
    }
    match claim.status {
        Some(ClaimStatus::Corroborated) => facts.push("CORROBORATED".into()),
        Some(ClaimStatus::Contradicted) => facts.push("CONTRADICTED".into()),
        Some(ClaimStatus::SingleSource) if claim.event.is_some() => {
            facts.push("single source".into())
        }
        _ => {}
    }
    format!(
        "{} — “{}” ({:.2})",
        facts.join(" · "),
        one_line(text, 90),
        claim.checkworthy
    )
}

/// One claim under its value: who says so, the sentence, the article.
fn side(r: &ClaimRef, sentences: &HashMap<String, String>) -> String {
    let sentence = sentences
        .get(&r.claim)
        .map(|t| one_line(t, 100))
        .unwrap_or_default();
    format!("{} — “{sentence}” [{}]", disputes::who(r), r.article)
}

impl Sink for Report {
    fn needs_claim_texts(&self) -> bool {
        true
    }

    fn article(&mut self, article: &ArticleAnalysis, texts: &[String]) -> Result<()> {
        for (c, t) in article.claims.iter().zip(texts) {
            self.sentences.insert(c.id.clone(), t.clone());
        }
        self.articles.push((article.clone(), texts.to_vec()));
        Ok(())
    }

    fn finish(&mut self, links: &LinkResult, summary: &RunSummary) -> Result<()> {
        let events: HashMap<&str, &crosscheck_schema::Event> =
            links.events.iter().map(|e| (e.id.as_str(), e)).collect();
        if !links.contradictions.is_empty() {
            let disputes = disputes::disputes(&links.contradictions);
            writeln!(
                self.out,
                "CONTRADICTIONS ({} disputed fields, {} pairwise contradictions)\n",
                disputes.len(),
                links.contradictions.len()
            )?;
            for d in &disputes {
                let about = events
                    .get(d.event)
                    .map_or(d.event.to_string(), |e| e.description.clone());
                writeln!(self.out, "[{}] {about}", d.field.as_str())?;
                for v in &d.values {
                    writeln!(self.out, "    {}", v.value)?;
                    for r in &v.claims {
                        writeln!(self.out, "        {}", side(r, &self.sentences))?;
                    }
                }
                let clashes = disputes::clash_line(d);
                if !clashes.is_empty() {
                    writeln!(self.out, "    in conflict: {clashes}")?;
                }
                writeln!(self.out)?;
            }
        }
        // The most check-worthy first; a syndicated copy's claim once, with its copies
        // counted ("a syndicated copy is one source").
        let group_of: HashMap<&str, &str> = links
            .groups
            .iter()
            .flat_map(|g| g.articles.iter().map(move |a| (a.as_str(), g.id.as_str())))
            .collect();
        let mut single: Vec<(&ArticleAnalysis, &Claim, &String, usize)> = Vec::new();
        let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
        for (a, texts) in &self.articles {
            for (c, t) in a.claims.iter().zip(texts) {
                if c.status != Some(ClaimStatus::SingleSource) || c.event.is_none() {
                    continue;
                }
                let group = group_of
                    .get(a.id.as_str())
                    .copied()
                    .unwrap_or(a.id.as_str());
                match seen.get(&(group, t.as_str())) {
                    Some(&i) => single[i].3 += 1,
                    None => {
                        seen.insert((group, t.as_str()), single.len());
                        single.push((a, c, t, 0));
                    }
                }
            }
        }
        single.sort_by(|x, y| y.1.checkworthy.total_cmp(&x.1.checkworthy));
        if !links.events.is_empty() {
            writeln!(self.out, "SINGLE-SOURCE CLAIMS ({})\n", single.len())?;
            for (a, c, t, copies) in single.iter().take(SINGLE_SOURCE_SHOWN) {
                let outlet = a.outlet.as_deref().unwrap_or("unknown outlet");
                let also = match copies {
                    0 => String::new(),
                    1 => " (and 1 copy)".to_string(),
                    n => format!(" (and {n} copies)"),
                };
                writeln!(self.out, "    {outlet}{also}: {}", claim_line(c, t))?;
            }
            if single.len() > SINGLE_SOURCE_SHOWN {
                writeln!(
                    self.out,
                    "    … and {} more (see --format json)",
                    single.len() - SINGLE_SOURCE_SHOWN
                )?;
            }
            writeln!(self.out)?;
            writeln!(self.out, "EVENTS ({})\n", links.events.len())?;
            for e in &links.events {
                writeln!(
                    self.out,
                    "    {}  {} · {} · {} articles, {} claims",
                    e.id,
                    one_line(&e.description, 80),
                    event_dates(e),
                    e.articles.len(),
                    e.claims.len()
                )?;
            }
            writeln!(self.out)?;
        }
        writeln!(self.out, "ARTICLES ({})\n", self.articles.len())?;
        for (n, (article, texts)) in self.articles.iter().enumerate() {
            writeln!(self.out, "{}", article_block(n + 1, article, texts))?;
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
    write!(
        out,
        "{}",
        article_block(1, a, &claim_texts(a, source)).trim_start_matches("[1] ")
    )?;
    if !a.removed.is_empty() {
        writeln!(out, "\n  removed:")?;
        for r in &a.removed {
            let text = source.get(r.start..r.end).unwrap_or("");
            writeln!(
                out,
                "    {:>6}..{:<6} {:<18} {}",
                r.start,
                r.end,
                r.kind.as_str(),
                one_line(text, 70)
            )?;
        }
    }
    writeln!(out, "\n  sentences (check-worthiness):")?;
    for s in &a.sentences {
        let text = source.get(s.start..s.end).unwrap_or("");
        let score = s
            .checkworthy
            .map_or_else(|| "    ".to_string(), |c| format!("{c:.2}"));
        writeln!(
            out,
            "    {:>6}..{:<6} {score} {}",
            s.start,
            s.end,
            one_line(text, 100)
        )?;
    }
    Ok(())
}
