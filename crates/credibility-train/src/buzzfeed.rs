//! BuzzFeed News' fact-check of nine Facebook pages (Silverman et al., 2016):
//! 2,282 posts from September 2016, each rated mostly true, a mixture, mostly
//! false, or without factual content — the one shared data set whose labels are
//! about the truth of what outlets publish *and* name the outlet. It is what the
//! outlet component is measured on: does what the reputation lists say about a
//! page predict whether its posts hold up?
//!
//! There is no text: each post becomes the row of its page's outlet alone
//! ([`outlet_row`]). Posts without factual content are left out; a mixture counts
//! as not holding up.

use std::path::Path;

use crosscheck_signals::credibility::{outlet_row, CredibilityExample};
use crosscheck_signals::Outlets;

use crate::Error;

/// The nine pages and their outlets' domains in the outlet table.
pub const BUZZFEED_PAGES: [(&str, &str); 9] = [
    ("Politico", "politico.com"),
    ("CNN Politics", "cnn.com"),
    ("ABC News Politics", "abcnews.go.com"),
    ("Occupy Democrats", "occupydemocrats.com"),
    ("Addicting Info", "addictinginfo.org"),
    ("The Other 98%", "other98.com"),
    ("Right Wing News", "rightwingnews.com"),
    ("Eagle Rising", "eaglerising.com"),
    ("Freedom Daily", "freedomdaily.com"),
];

/// The posts of `facebook-fact-check.csv` with a factual rating, in file order:
/// `outlet` is the page name, `label` true for "mostly true", `features` the
/// page's outlet row.
pub fn buzzfeed_examples(path: &Path) -> Result<Vec<CredibilityExample>, Error> {
    let text =
        std::fs::read_to_string(path).map_err(|e| Error(format!("{}: {e}", path.display())))?;
    let outlets = Outlets::new();
    let records = crosscheck_datasets::delimited::parse(&text, b',').map_err(|e| {
        Error(format!(
            "{} line {}: a quoted field is never closed",
            path.display(),
            e.line
        ))
    })?;
    let mut records = records.into_iter();
    let header = records.next().map(|r| r.fields).unwrap_or_default();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h.trim() == name)
            .ok_or_else(|| Error(format!("{}: no {name:?} column", path.display())))
    };
    let (post, page, rating) = (column("post_id")?, column("Page")?, column("Rating")?);
    let mut out = Vec::new();
    for record in records {
        let fields = &record.fields;
        if fields.len() != header.len() {
            return Err(Error(format!(
                "{} line {}: expected {} fields, found {}",
                path.display(),
                record.line,
                header.len(),
                fields.len()
            )));
        }
        let label = match fields[rating].trim() {
            "mostly true" => true,
            "mixture of true and false" | "mostly false" => false,
            _ => continue,
        };
        let name = fields[page].trim();
        let domain = BUZZFEED_PAGES
            .iter()
            .find(|(p, _)| *p == name)
            .map(|(_, d)| *d)
            .ok_or_else(|| Error(format!("{}: unknown page {name:?}", path.display())))?;
        let outlet = outlets
            .get(domain)
            .ok_or_else(|| Error(format!("{domain} is not in the outlet table")))?;
        out.push(CredibilityExample {
            id: fields[post].trim().to_string(),
            outlet: Some(name.to_string()),
            label,
            features: outlet_row(Some(outlet)),
            text: String::new(),
        });
    }
    if out.is_empty() {
        return Err(Error(format!("{}: no rated posts", path.display())));
    }
    Ok(out)
}
