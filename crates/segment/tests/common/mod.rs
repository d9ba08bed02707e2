//! Loading the real texts the tests run on: the FA-KES CSV (Latin-1) and the Horne
//! 2017 articles (Windows-1252, CRLF), decoded here byte for byte so that offsets
//! in the gold file mean the same thing on every machine.
#![allow(dead_code)]

use std::path::Path;

/// Latin-1: every byte is the code point of the same value.
pub fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| b as char).collect()
}

/// Windows-1252 as browsers decode it: 0x80-0x9F are the typographic characters,
/// the five unassigned bytes stay the C1 controls of the same value (lossless).
pub fn cp1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}',
        '\u{8F}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}',
        '\u{2014}', '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}',
        '\u{178}',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[(b - 0x80) as usize],
            _ => b as char,
        })
        .collect()
}

/// The records of a CSV file with double-quoted fields (RFC 4180).
pub fn csv_records(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

/// `(unit_id, article_content)` of every FA-KES row, or `None` when the data is absent.
pub fn fakes_articles() -> Option<Vec<(String, String)>> {
    let path = crosscheck_datasets::dataset_dir("fa-kes")?.join("FA-KES-Dataset.csv");
    let text = latin1(&std::fs::read(path).ok()?);
    let mut records = csv_records(&text).into_iter();
    let header = records.next()?;
    let id = header.iter().position(|h| h == "unit_id")?;
    let content = header.iter().position(|h| h == "article_content")?;
    Some(
        records
            .filter(|r| r.len() > id.max(content))
            .map(|r| (r[id].clone(), r[content].clone()))
            .collect(),
    )
}

/// `(path relative to the dataset folder, text)` of every Horne 2017 text file
/// (bodies, and titles when `with_titles`), sorted by path.
pub fn horne_articles(with_titles: bool) -> Option<Vec<(String, String)>> {
    let root = crosscheck_datasets::dataset_dir("horne2017-political-news")?;
    let mut out = Vec::new();
    for set in ["buzzfeed", "random"] {
        let Ok(folders) = std::fs::read_dir(root.join(set)) else {
            continue;
        };
        for folder in folders.flatten() {
            let name = folder.file_name().to_string_lossy().into_owned();
            if !with_titles && name.ends_with("_titles") {
                continue;
            }
            let Ok(files) = std::fs::read_dir(folder.path()) else {
                continue;
            };
            for file in files.flatten() {
                let file_name = file.file_name().to_string_lossy().into_owned();
                if !file_name.ends_with(".txt") {
                    continue;
                }
                let Ok(bytes) = std::fs::read(file.path()) else {
                    continue;
                };
                out.push((format!("{set}/{name}/{file_name}"), cp1252(&bytes)));
            }
        }
    }
    out.sort();
    (!out.is_empty()).then_some(out)
}

/// The text a gold row refers to.
pub fn gold_text(dataset: &str, key: &str) -> Option<String> {
    match dataset {
        "fa-kes" => fakes_articles()?
            .into_iter()
            .find(|(id, _)| id == key)
            .map(|(_, t)| t),
        "horne2017" => {
            let root = crosscheck_datasets::dataset_dir("horne2017-political-news")?;
            let path = root.join(Path::new(key));
            Some(cp1252(&std::fs::read(path).ok()?))
        }
        _ => None,
    }
}

/// Panics with a message naming `what` unless `spans` are well-formed sentences of
/// `text[region]`: non-empty, trimmed, on char boundaries, inside the clamped region,
/// in order and disjoint; and unless every letter or digit of the region lies in one
/// (segmentation drops whitespace and list bullets, never words). Checks the tokens of each
/// sentence the same way.
pub fn check_sentences(
    what: &str,
    text: &str,
    region: crosscheck_schema::Span,
    spans: &[crosscheck_schema::Span],
) {
    let end = region.end.min(text.len());
    let start = region.start.min(end);
    let mut last = 0;
    for (n, s) in spans.iter().enumerate() {
        let at = format!("{what}: sentence {n} {s:?}");
        assert!(s.start < s.end, "{at} is empty");
        assert!(
            s.start >= start && s.end <= end,
            "{at} leaves region {region:?}"
        );
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "{at} cuts a char"
        );
        assert!(s.start >= last, "{at} overlaps or precedes the one before");
        last = s.end;
        let slice = &text[s.start..s.end];
        assert_eq!(slice, slice.trim(), "{at} is not trimmed");
        let mut tok_last = s.start;
        for t in crosscheck_segment::tokens(text, *s) {
            assert!(
                t.start >= tok_last && t.start < t.end && t.end <= s.end,
                "{at}: token {t:?}"
            );
            assert!(
                text.is_char_boundary(t.start) && text.is_char_boundary(t.end),
                "{at}: token {t:?}"
            );
            assert!(!t.text(text).trim().is_empty(), "{at}: blank token {t:?}");
            tok_last = t.end;
        }
    }
    // Every letter and digit is inside a sentence.
    let mut covered = spans.iter().peekable();
    if let Some(region_text) = text.get(start..end) {
        for (i, c) in region_text.char_indices() {
            let i = start + i;
            if !c.is_alphanumeric() {
                continue;
            }
            while covered.peek().is_some_and(|s| s.end <= i) {
                covered.next();
            }
            if covered.peek().is_some_and(|s| s.start <= i) {
                continue;
            }
            // The number of a numbered list item (`1.`, `12)`) is trimmed as a bullet.
            let rest = text[i..].trim_start_matches(|c: char| c.is_ascii_digit());
            let list_number =
                c.is_ascii_digit() && (rest.starts_with('.') || rest.starts_with(')'));
            assert!(list_number, "{what}: {c:?} at {i} is in no sentence");
        }
    }
}
