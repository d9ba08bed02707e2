//! The shared shape of both tables: tab-separated rows under a header row,
//! `#` comments and blank lines ignored, `|`-separated alias lists.

use crate::LexiconError;

/// One data row: its 1-based line and its fields, trimmed.
pub(crate) struct Row<'a> {
    pub(crate) line: usize,
    pub(crate) fields: Vec<&'a str>,
}

/// Splits `text` into rows of exactly `header.len()` fields, checking that the
/// first non-comment line is the expected header.
pub(crate) fn rows<'a>(text: &'a str, header: &[&str]) -> Result<Vec<Row<'a>>, LexiconError> {
    let mut out = Vec::new();
    let mut seen_header = false;
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let trimmed = raw.trim_end_matches('\r');
        if trimmed.trim().is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = trimmed.split('\t').map(str::trim).collect();
        if !seen_header {
            if fields != header {
                return Err(LexiconError::new(
                    line,
                    format!(
                        "expected the header {:?}, found {:?}",
                        header.join("\t"),
                        trimmed
                    ),
                ));
            }
            seen_header = true;
            continue;
        }
        if fields.len() != header.len() {
            return Err(LexiconError::new(
                line,
                format!(
                    "expected {} tab-separated fields, found {}",
                    header.len(),
                    fields.len()
                ),
            ));
        }
        out.push(Row { line, fields });
    }
    if !seen_header {
        return Err(LexiconError::new(0, "the table has no header row"));
    }
    Ok(out)
}

/// The aliases of a `|`-separated list, empty items skipped.
pub(crate) fn aliases(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').map(str::trim).filter(|a| !a.is_empty())
}
