use chrono::NaiveDate;
use crosscheck_schema::{ArticleAnalysis, Span};
use serde::Serialize;

use crate::content_hash;

/// One input document and the articles the pipeline found in it: the unit
/// [`crate::Store::insert_batch`] writes.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredDocument {
    /// `content_hash(&text)`; checked on insert.
    pub text_hash: String,
    /// The decoded source text every span of `articles` indexes (for HTML, the
    /// page itself, not its visible text).
    pub text: String,
    pub path: String,
    /// Line (JSONL) or data row (CSV) of the record, `None` for whole files.
    pub record: Option<u64>,
    pub articles: Vec<ArticleAnalysis>,
    /// Each article's analysis as compact JSON (what `serde_json::to_writer`
    /// writes for it), in the order of `articles`, when the caller already has
    /// it; empty when the store is to serialise them ([`StoredDocument::with_analysis_json`]).
    pub analysis_json: Vec<Vec<u8>>,
}

impl StoredDocument {
    /// Builds a document, computing its hash.
    pub fn new(
        path: impl Into<String>,
        record: Option<u64>,
        text: impl Into<String>,
        articles: Vec<ArticleAnalysis>,
    ) -> StoredDocument {
        let text = text.into();
        StoredDocument {
            text_hash: content_hash(&text),
            text,
            path: path.into(),
            record,
            articles,
            analysis_json: Vec::new(),
        }
    }

    /// The same document with each article's analysis already written as compact
    /// JSON, exactly as `serde_json::to_writer` writes it (one entry per article,
    /// in order), so that inserting it need not serialise the analyses again.
    ///
    /// # Panics
    ///
    /// When `json` does not hold one entry per article.
    pub fn with_analysis_json(mut self, json: Vec<Vec<u8>>) -> StoredDocument {
        assert_eq!(
            json.len(),
            self.articles.len(),
            "one analysis JSON per article"
        );
        self.analysis_json = json;
        self
    }
}

/// What one [`crate::Store::insert_batch`] did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct InsertStats {
    /// Articles written by this call.
    pub new_articles: u64,
    /// Articles whose id the store already held (including repeats within the
    /// batch); their rows were left as they were.
    pub existing_articles: u64,
    /// Distinct texts written by this call.
    pub new_documents: u64,
}

impl std::ops::AddAssign for InsertStats {
    fn add_assign(&mut self, other: InsertStats) {
        self.new_articles += other.new_articles;
        self.existing_articles += other.existing_articles;
        self.new_documents += other.new_documents;
    }
}

/// The indexed columns of one stored article: what `crosscheck list` shows,
/// read without parsing the analysis.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticleRow {
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub published: Option<NaiveDate>,
    pub path: String,
    pub record: Option<u64>,
    /// The article's byte range in its document.
    pub start: usize,
    pub end: usize,
    /// `text`, `html`, `jsonl` or `csv`.
    pub format: String,
    pub url: Option<String>,
    pub language: Option<String>,
    /// A dataset's gold label, when the input carried one.
    pub label: Option<String>,
    pub credibility: Option<f32>,
    /// `credible`, `uncertain` or `doubtful`.
    pub credibility_label: Option<String>,
    pub sentences: usize,
    pub claims: usize,
    /// Content hash of the document text (see [`crate::Store::document_text`]).
    pub text_hash: String,
}

/// One article read back in full.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredArticle {
    pub row: ArticleRow,
    pub analysis: ArticleAnalysis,
    /// The document text the analysis' spans index.
    pub text: String,
}

/// Filters for [`crate::Store::list`]. The default lists everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListQuery {
    /// Exact outlet name, ignoring ASCII case.
    pub outlet: Option<String>,
    /// Published on or after (articles without a date are left out).
    pub since: Option<NaiveDate>,
    /// Published on or before (articles without a date are left out).
    pub until: Option<NaiveDate>,
    /// Exact gold label, ignoring ASCII case.
    pub label: Option<String>,
    pub limit: Option<usize>,
    pub offset: usize,
}

/// One full-text search result: an article and the sentence that best matches.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchHit {
    pub article: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    /// FTS5 bm25 score (title weighted 3x): lower is better, hits come best first.
    pub rank: f64,
    /// Index into the article's `sentences` of the best-matching sentence; `None`
    /// when only the title matched.
    pub sentence: Option<usize>,
    /// Source span of that sentence (or of the title line, when the title matched
    /// alone and was read from the text).
    pub span: Option<Span>,
    /// Source spans of the matched words inside `span`.
    pub matches: Vec<Span>,
    /// The sentence (or title) on one line, whitespace collapsed, cut to about
    /// 240 bytes around the first match.
    pub snippet: String,
    /// Byte ranges of the matched words in `snippet`.
    pub highlights: Vec<Span>,
}

/// How much the store holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub documents: u64,
    pub articles: u64,
    /// Bytes of document text held (each distinct text once).
    pub text_bytes: u64,
    pub outlets: u64,
    /// Articles with a credibility score.
    pub scored: u64,
    /// Articles with a gold label.
    pub labelled: u64,
    /// `PRAGMA user_version`.
    pub schema_version: i64,
}
