//! Builds `StoredDocument`s the way the pipeline would, from plain news text, for
//! the tests and the throughput example.
#![allow(dead_code)]

use crosscheck_schema::{
    ArticleAnalysis, Credibility, CredibilityLabel, InputFormat, MetadataField, Sentence,
    SourceRef, Span,
};
use crosscheck_store::{content_hash, StoredDocument};

/// What a test says about one article; the rest is derived from the text.
#[derive(Clone, Debug, Default)]
pub struct Meta<'a> {
    pub id: Option<&'a str>,
    pub title: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub published: Option<&'a str>,
    pub label: Option<&'a str>,
    pub credibility: Option<f32>,
}

/// An analysis of `text[range]`: sentences split at `. ` / `? ` / `! ` and line
/// breaks, a title read from the first line when `meta.title` equals it.
pub fn analysis(
    path: &str,
    text: &str,
    range: Span,
    format: InputFormat,
    meta: &Meta,
) -> ArticleAnalysis {
    let id = match meta.id {
        Some(id) => id.to_string(),
        None => content_hash(&format!(
            "{path}\u{0}{}\u{0}{}",
            range.start,
            range.slice(text)
        )),
    };
    let mut metadata_spans = Vec::new();
    let mut body_start = range.start;
    if let Some(title) = meta.title {
        let first_line_end = text[range.start..range.end]
            .find('\n')
            .map_or(range.end, |i| range.start + i);
        if &text[range.start..first_line_end] == title {
            metadata_spans.push(MetadataField {
                field: "title".to_string(),
                value: title.to_string(),
                start: range.start,
                end: first_line_end,
            });
            body_start = first_line_end;
        }
    }
    let sentences = split_sentences(text, Span::new(body_start, range.end));
    ArticleAnalysis {
        id,
        source: SourceRef {
            path: path.to_string(),
            record: None,
            start: range.start,
            end: range.end,
        },
        format,
        title: meta.title.map(str::to_string),
        outlet: meta.outlet.map(str::to_string),
        author: None,
        published: meta.published.and_then(|d| d.parse().ok()),
        url: None,
        language: Some("en".to_string()),
        label: meta.label.map(str::to_string),
        compilation: None,
        metadata_spans,
        metadata: Default::default(),
        paragraphs: vec![Span::new(body_start, range.end).trim(text)],
        removed: Vec::new(),
        sentences,
        claims: Vec::new(),
        signals: Vec::new(),
        credibility: meta.credibility.map(|score| Credibility {
            score,
            label: if score >= 0.6 {
                CredibilityLabel::Credible
            } else if score >= 0.4 {
                CredibilityLabel::Uncertain
            } else {
                CredibilityLabel::Doubtful
            },
            signals: Vec::new(),
        }),
    }
}

/// A whole-file text document holding one article.
pub fn document(path: &str, text: &str, meta: &Meta) -> StoredDocument {
    let a = analysis(
        path,
        text,
        Span::new(0, text.len()),
        InputFormat::Text,
        meta,
    );
    StoredDocument::new(path, None, text, vec![a])
}

pub fn split_sentences(text: &str, range: Span) -> Vec<Sentence> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = range.start;
    let mut i = range.start;
    let push = |s: usize, e: usize, out: &mut Vec<Sentence>| {
        let span = Span::new(s, e).trim(text);
        if !span.is_empty() {
            out.push(Sentence {
                start: span.start,
                end: span.end,
                checkworthy: None,
            });
        }
    };
    while i < range.end {
        let b = bytes[i];
        let end_mark = matches!(b, b'.' | b'?' | b'!')
            && bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace());
        if end_mark {
            push(start, i + 1, &mut out);
            start = i + 1;
        } else if b == b'\n' && bytes.get(i + 1) == Some(&b'\n') {
            push(start, i, &mut out);
            start = i;
        }
        i += 1;
    }
    push(start, range.end, &mut out);
    out
}
