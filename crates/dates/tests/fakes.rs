//! The FA-KES corpus (Syrian-war news): every row's `date` field parses, and `find`
//! runs over every article body with valid spans. Skipped when the data is absent.

use chrono::NaiveDate;
use crosscheck_dates::{DateOrder, DateParser};

struct Row {
    content: String,
    date: String,
}

fn rows() -> Option<Vec<Row>> {
    let Some(dir) = crosscheck_datasets::dataset_dir("fa-kes") else {
        eprintln!("skipped: FA-KES is absent");
        return None;
    };
    let bytes = std::fs::read(dir.join("FA-KES-Dataset.csv")).ok()?;
    // Latin-1: every byte is the code point of the same value.
    let text: String = bytes.iter().map(|&b| char::from(b)).collect();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().ok()?.clone();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (content, date) = (col("article_content")?, col("date")?);
    let rows: Vec<Row> = reader
        .records()
        .filter_map(Result::ok)
        .map(|r| Row {
            content: r.get(content).unwrap_or("").to_string(),
            date: r.get(date).unwrap_or("").to_string(),
        })
        .collect();
    assert!(rows.len() > 600, "FA-KES has {} rows", rows.len());
    Some(rows)
}

#[test]
fn every_fakes_date_parses_month_first() {
    let Some(rows) = rows() else { return };
    let parser = DateParser::new();
    for row in &rows {
        let date = parser.parse_date(&row.date, DateOrder::MonthFirst);
        assert!(date.is_some(), "{:?} did not parse", row.date);
    }
    // The rows span the war: 2011 to 2018.
    let years: Vec<i32> = rows
        .iter()
        .filter_map(|r| parser.parse_date(&r.date, DateOrder::MonthFirst))
        .map(|d| chrono::Datelike::year(&d))
        .collect();
    assert!(years.iter().all(|y| (2011..=2018).contains(y)));
}

#[test]
fn find_over_every_fakes_article_gives_valid_spans() {
    let Some(rows) = rows() else { return };
    let parser = DateParser::new();
    let mut total = 0;
    let mut relative = 0;
    for row in &rows {
        let reference = parser.parse_date(&row.date, DateOrder::MonthFirst);
        let text = &row.content;
        let found = parser.find(text, 0, text.len(), reference);
        let mut prev_end = 0;
        for m in &found {
            assert!(m.start < m.end && m.end <= text.len());
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            assert!(
                m.start >= prev_end,
                "overlapping matches in {:?}",
                &text[m.start..m.end]
            );
            assert!(m.value <= m.last);
            prev_end = m.end;
            if m.relative {
                relative += 1;
                let reference: NaiveDate = reference.expect("relative needs a reference");
                // Relative dates land near the article: within a few years before it and weeks after.
                assert!(
                    m.last >= reference - chrono::Days::new(6 * 366),
                    "{:?}",
                    &text[m.start..m.end]
                );
                assert!(
                    m.value <= reference + chrono::Days::new(400),
                    "{:?}",
                    &text[m.start..m.end]
                );
            }
            if std::env::var_os("DATES_DUMP").is_some() {
                let lo = floor(text, m.start.saturating_sub(40));
                let hi = floor(text, m.end + 30);
                println!(
                    "{:?}\t{}..{}\t{:?}\t{}\t{:?}\tref={:?}",
                    &text[m.start..m.end],
                    m.value,
                    m.last,
                    m.precision,
                    m.relative,
                    &text[lo..hi],
                    reference
                );
            }
        }
        // Bounds inside the text work the same on a sub-range.
        if text.len() > 10 {
            let mid = floor(text, text.len() / 2);
            for m in parser.find(text, mid, text.len(), reference) {
                assert!(m.start >= mid && m.end <= text.len());
            }
        }
        total += found.len();
    }
    println!(
        "FA-KES: {} articles, {total} date expressions ({relative} relative)",
        rows.len()
    );
    assert!(total > rows.len(), "too few dates found: {total}");
}

/// The char boundary at or before `i` (`str::floor_char_boundary` is newer than our MSRV).
fn floor(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
