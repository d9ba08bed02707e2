//! Reading the shared datasets for tests and examples: Horne 2017 (cp1252 text files
//! with a matching title file) and FA-KES (a Latin-1 CSV). The data stays in
//! `../shared/data`; nothing here copies it.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// One article of a dataset: where it came from, its title and its body text.
pub struct Sample {
    pub name: String,
    pub title: String,
    pub text: String,
    /// Outlet column (FA-KES) or the label folder (Horne).
    pub source: String,
}

/// Windows-1252 to UTF-8: bytes 0x80..=0x9F are the typographic characters, the rest
/// are Latin-1 (undefined cp1252 positions fall back to their Latin-1 control codes).
pub fn decode_cp1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '\u{20ac}', '\u{81}', '\u{201a}', '\u{192}', '\u{201e}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{2c6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8d}', '\u{17d}',
        '\u{8f}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2022}', '\u{2013}',
        '\u{2014}', '\u{2dc}', '\u{2122}', '\u{161}', '\u{203a}', '\u{153}', '\u{9d}', '\u{17e}',
        '\u{178}',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9f => HIGH[(b - 0x80) as usize],
            _ => b as char,
        })
        .collect()
}

pub fn decode_latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| b as char).collect()
}

/// Every Horne article with its title, in a stable order.
pub fn horne(dir: &Path) -> Vec<Sample> {
    let mut out = Vec::new();
    for set in ["buzzfeed", "random"] {
        for label in ["Fake", "Real", "Satire"] {
            let body_dir = dir.join(set).join(label);
            let title_dir = dir.join(set).join(format!("{label}_titles"));
            let Ok(rd) = std::fs::read_dir(&body_dir) else {
                continue;
            };
            let mut files: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
            files.sort();
            for f in files {
                let Ok(bytes) = std::fs::read(&f) else {
                    continue;
                };
                let name = f
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let title = std::fs::read(title_dir.join(&name))
                    .map(|b| decode_cp1252(&b).trim().to_string())
                    .unwrap_or_default();
                out.push(Sample {
                    name: format!("{set}/{label}/{name}"),
                    title,
                    text: decode_cp1252(&bytes),
                    source: label.to_string(),
                });
            }
        }
    }
    out
}

/// Every FA-KES row: title, content and source columns.
pub fn fakes(dir: &Path) -> Vec<Sample> {
    let Ok(bytes) = std::fs::read(dir.join("FA-KES-Dataset.csv")) else {
        return Vec::new();
    };
    let text = decode_latin1(&bytes);
    let rows = parse_csv(&text);
    let Some(header) = rows.first() else {
        return Vec::new();
    };
    let col = |name: &str| header.iter().position(|h| h == name);
    let (Some(ti), Some(ci), Some(si), Some(ui)) = (
        col("article_title"),
        col("article_content"),
        col("source"),
        col("unit_id"),
    ) else {
        return Vec::new();
    };
    rows[1..]
        .iter()
        .filter(|r| r.len() > ci.max(ti).max(si).max(ui))
        .map(|r| Sample {
            name: format!("fa-kes/{}", r[ui]),
            title: r[ti].clone(),
            text: r[ci].clone(),
            source: r[si].clone(),
        })
        .collect()
}

/// A small RFC 4180 reader: quoted fields, doubled quotes, newlines inside quotes.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

use crosscheck_clean::CleanedArticle;
use crosscheck_schema::Span;

/// The invariants every result must hold: spans inside the text and on char
/// boundaries, inside their article's region, and paragraphs, removals and the title
/// never overlapping; regions in order and not overlapping; at least one article.
pub fn assert_valid(name: &str, text: &str, articles: &[CleanedArticle]) {
    assert!(!articles.is_empty(), "{name}: no article");
    let mut prev_end = 0;
    for a in articles {
        assert!(a.region.start >= prev_end, "{name}: regions overlap");
        assert!(
            a.region.end <= text.len() && a.region.start <= a.region.end,
            "{name}: bad region"
        );
        prev_end = a.region.end;
        let mut spans: Vec<(Span, &str)> = Vec::new();
        spans.extend(a.paragraphs.iter().map(|p| (*p, "paragraph")));
        spans.extend(
            a.removed
                .iter()
                .map(|r| (Span::new(r.start, r.end), r.kind.as_str())),
        );
        spans.extend(a.title_span.iter().map(|t| (*t, "title")));
        for (s, what) in &spans {
            assert!(s.start < s.end, "{name}: empty {what} span {s:?}");
            assert!(
                a.region.contains(*s),
                "{name}: {what} {s:?} outside region {:?}",
                a.region
            );
            assert!(
                text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
                "{name}: {what} {s:?} not on char boundaries"
            );
        }
        spans.sort_by_key(|(s, _)| (s.start, s.end));
        for w in spans.windows(2) {
            assert!(
                w[0].0.end <= w[1].0.start,
                "{name}: {} {:?} overlaps {} {:?}",
                w[0].1,
                w[0].0,
                w[1].1,
                w[1].0
            );
        }
        for f in &a.fields {
            assert!(
                f.start <= f.end && f.end <= text.len(),
                "{name}: field {} out of text",
                f.field
            );
            assert_eq!(
                text.get(f.start..f.end),
                Some(f.value.as_str()),
                "{name}: field {} value",
                f.field
            );
        }
    }
}
