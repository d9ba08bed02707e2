use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{Claim, ClaimStatus, Credibility, InputFormat, Signal, Span};

/// Where an article sits: the input it came from and its byte range there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    pub path: String,
    /// Line (JSONL) or data row (CSV) of the record, `null` for whole files.
    pub record: Option<u64>,
    pub start: usize,
    pub end: usize,
}

/// What cleaning removed from an article's text, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovalKind {
    /// A reader-comment thread: a comments heading and the replies under it.
    CommentThread,
    /// A comment-plugin widget ("Disqus", "Facebook comments", "Leave a reply").
    CommentWidget,
    /// A request for money or a subscription ("Donate", "Support our journalism").
    DonationAppeal,
    /// "Share this", social buttons, "Follow us".
    ShareAppeal,
    /// Star ratings and "Was this helpful?" widgets.
    RatingWidget,
    /// "About the author" boxes and author bios.
    AuthorBox,
    /// "Related articles", "Read more", "You may also like" lists.
    RelatedLinks,
    /// A headline line repeated inside the body.
    RepeatedHeadline,
    /// A paragraph that already appeared earlier in the same article.
    RepeatedParagraph,
    /// Navigation, copyright and other page furniture.
    Boilerplate,
    /// A metadata line (`Source: X`, `By X`, a date line) consumed into fields.
    MetadataLine,
}

impl RemovalKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            RemovalKind::CommentThread => "comment_thread",
            RemovalKind::CommentWidget => "comment_widget",
            RemovalKind::DonationAppeal => "donation_appeal",
            RemovalKind::ShareAppeal => "share_appeal",
            RemovalKind::RatingWidget => "rating_widget",
            RemovalKind::AuthorBox => "author_box",
            RemovalKind::RelatedLinks => "related_links",
            RemovalKind::RepeatedHeadline => "repeated_headline",
            RemovalKind::RepeatedParagraph => "repeated_paragraph",
            RemovalKind::Boilerplate => "boilerplate",
            RemovalKind::MetadataLine => "metadata_line",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removal {
    pub kind: RemovalKind,
    pub start: usize,
    pub end: usize,
}

/// A metadata value read from the article text itself (a `Source:` line, a byline,
/// a date line), with the span it was read from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetadataField {
    /// `title`, `outlet`, `author`, `published`, `url`.
    pub field: String,
    pub value: String,
    pub start: usize,
    pub end: usize,
}

/// One sentence of the article body.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Probability that the sentence states a fact worth checking, once the
    /// check-worthiness model has run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkworthy: Option<f32>,
}

/// Set when an article was split out of a compilation file holding several.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompilationPart {
    /// 0-based position of this article in its file.
    pub index: usize,
    /// How many articles the file was split into.
    pub count: usize,
}

/// Everything crosscheck says about one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleAnalysis {
    /// Stable identifier: a hash of the article's source text and position.
    pub id: String,
    pub source: SourceRef,
    pub format: InputFormat,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    /// ISO date (`YYYY-MM-DD`).
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    /// ISO 639-1 code when detected or stated.
    pub language: Option<String>,
    /// A dataset's gold label, when the input carried one.
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compilation: Option<CompilationPart>,
    /// Where title/outlet/author/date were read from in the text, when they were.
    #[serde(default)]
    pub metadata_spans: Vec<MetadataField>,
    /// Record fields nobody asked for, verbatim.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub metadata: BTreeMap<String, String>,
    /// The body's paragraphs after cleaning.
    #[serde(default)]
    pub paragraphs: Vec<Span>,
    #[serde(default)]
    pub removed: Vec<Removal>,
    #[serde(default)]
    pub sentences: Vec<Sentence>,
    #[serde(default)]
    pub claims: Vec<Claim>,
    #[serde(default)]
    pub signals: Vec<Signal>,
    #[serde(default)]
    pub credibility: Option<Credibility>,
}

impl ArticleAnalysis {
    /// Sets the status of each claim listed in `statuses` (`(claim id, status)`,
    /// sorted by claim id, as linking and the store give them); claims not listed
    /// keep theirs.
    pub fn set_statuses(&mut self, statuses: &[(String, ClaimStatus)]) {
        for claim in &mut self.claims {
            if let Ok(i) = statuses.binary_search_by(|(c, _)| c.as_str().cmp(&claim.id)) {
                claim.status = Some(statuses[i].1);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Attribution, SourceRef};

    fn claim(id: &str, status: Option<ClaimStatus>) -> Claim {
        Claim {
            id: id.to_string(),
            start: 0,
            end: 0,
            sentence: 0,
            checkworthy: 0.5,
            attribution: Attribution::default(),
            event: None,
            status,
        }
    }

    #[test]
    fn set_statuses_sets_the_listed_claims_only() {
        let mut a = ArticleAnalysis {
            id: "a".into(),
            source: SourceRef {
                path: "a.txt".into(),
                record: None,
                start: 0,
                end: 0,
            },
            format: InputFormat::Text,
            title: None,
            outlet: None,
            author: None,
            published: None,
            url: None,
            language: None,
            label: None,
            compilation: None,
            metadata_spans: Vec::new(),
            metadata: BTreeMap::new(),
            paragraphs: Vec::new(),
            removed: Vec::new(),
            sentences: Vec::new(),
            claims: vec![
                claim("a/c0", None),
                claim("a/c1", Some(ClaimStatus::Corroborated)),
                claim("a/c2", None),
            ],
            signals: Vec::new(),
            credibility: None,
        };
        a.set_statuses(&[
            ("a/c0".into(), ClaimStatus::Contradicted),
            ("a/c2".into(), ClaimStatus::SingleSource),
            ("b/c0".into(), ClaimStatus::Corroborated),
        ]);
        let got: Vec<_> = a.claims.iter().map(|c| c.status).collect();
        assert_eq!(
            got,
            [
                Some(ClaimStatus::Contradicted),
                Some(ClaimStatus::Corroborated),
                Some(ClaimStatus::SingleSource)
            ]
        );
    }
}
