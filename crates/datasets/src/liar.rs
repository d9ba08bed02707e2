//! LIAR (Wang 2017): short PolitiFact statements with a six-way truthfulness label
//! and the speaker's metadata, in header-less 14-column TSV files (`train.tsv`,
//! `valid.tsv`, `test.tsv`).
//!
//! **Credit-history leakage.** Columns 9–13 count the speaker's statements rated
//! barely-true, false, half-true, mostly-true and pants-fire, and the dataset's
//! README says they *include the current statement*: a row labelled `false` has at
//! least 1 in its false column (so in 8,558 of the 8,586 training rows not rated
//! `true`; `true` has no column). A model reading the counts as given reads its own label.
//! [`LiarStatement::history_without_self`] removes the statement's own label from
//! its counts; [`LiarStatement::history`] is the raw column, kept to measure the
//! leak.

use std::path::Path;

use crate::error::DatasetError;

/// The six PolitiFact ratings, from least to most true.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LiarLabel {
    PantsFire,
    False,
    BarelyTrue,
    HalfTrue,
    MostlyTrue,
    True,
}

impl LiarLabel {
    /// Every label, least true first (the class index order).
    pub const ALL: [LiarLabel; 6] = [
        LiarLabel::PantsFire,
        LiarLabel::False,
        LiarLabel::BarelyTrue,
        LiarLabel::HalfTrue,
        LiarLabel::MostlyTrue,
        LiarLabel::True,
    ];

    /// The spelling of the files: `pants-fire`, `false`, `barely-true`, ...
    pub const fn as_str(self) -> &'static str {
        match self {
            LiarLabel::PantsFire => "pants-fire",
            LiarLabel::False => "false",
            LiarLabel::BarelyTrue => "barely-true",
            LiarLabel::HalfTrue => "half-true",
            LiarLabel::MostlyTrue => "mostly-true",
            LiarLabel::True => "true",
        }
    }

    /// Parses the spelling of the files (case-insensitive, surrounding spaces ignored).
    pub fn parse(s: &str) -> Option<LiarLabel> {
        let s = s.trim();
        LiarLabel::ALL
            .into_iter()
            .find(|l| l.as_str().eq_ignore_ascii_case(s))
    }

    /// The class index (0 = pants-fire ... 5 = true).
    pub fn index(self) -> usize {
        self as usize
    }

    /// The credit-history column counting this label (0 barely-true, 1 false,
    /// 2 half-true, 3 mostly-true, 4 pants-fire, the file's order); `None` for
    /// `true`, which has no column.
    pub fn history_column(self) -> Option<usize> {
        match self {
            LiarLabel::BarelyTrue => Some(0),
            LiarLabel::False => Some(1),
            LiarLabel::HalfTrue => Some(2),
            LiarLabel::MostlyTrue => Some(3),
            LiarLabel::PantsFire => Some(4),
            LiarLabel::True => None,
        }
    }
}

/// One LIAR row.
#[derive(Clone, Debug, PartialEq)]
pub struct LiarStatement {
    /// Column 1 without `.json` (`2635`).
    pub id: String,
    pub label: LiarLabel,
    pub statement: String,
    /// Column 4, split at commas (`energy`, `history`).
    pub subjects: Vec<String>,
    /// Slug (`dwayne-bohac`); empty when the file leaves it blank.
    pub speaker: String,
    pub job: String,
    pub state: String,
    pub party: String,
    /// Columns 9–13 as given: barely-true, false, half-true, mostly-true,
    /// pants-fire counts of the speaker, **including this statement**.
    pub history: [u32; 5],
    /// Column 14: where it was said (`a mailer`, `a floor speech.`).
    pub context: String,
    /// 1-based line in the file.
    pub line: usize,
}

impl LiarStatement {
    /// The credit history with this statement's own label taken out (never below
    /// 0): what was known of the speaker apart from the statement being judged.
    pub fn history_without_self(&self) -> [u32; 5] {
        let mut h = self.history;
        if let Some(c) = self.label.history_column() {
            h[c] = h[c].saturating_sub(1);
        }
        h
    }
}

/// Reads a LIAR TSV file.
pub fn read_liar_file(path: &Path) -> Result<Vec<LiarStatement>, DatasetError> {
    let bytes =
        std::fs::read(path).map_err(|e| DatasetError::new(path, 0, format!("cannot read: {e}")))?;
    let text = String::from_utf8(bytes)
        .map_err(|e| DatasetError::new(path, 0, format!("not UTF-8: {e}")))?;
    parse_liar(&text, path)
}

/// Parses LIAR TSV text: 14 tab-separated fields a line, no quoting (statements
/// hold raw `"`), no header. Blank lines are skipped; `path` names errors.
pub fn parse_liar(text: &str, path: &Path) -> Result<Vec<LiarStatement>, DatasetError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != 14 {
            return Err(DatasetError::new(
                path,
                line_no,
                format!("expected 14 tab-separated fields, found {}", fields.len()),
            ));
        }
        let label = LiarLabel::parse(fields[1]).ok_or_else(|| {
            DatasetError::new(path, line_no, format!("unknown label {:?}", fields[1]))
        })?;
        let mut history = [0u32; 5];
        for (h, f) in history.iter_mut().zip(&fields[8..13]) {
            let f = f.trim();
            // Counts are written as integers, sometimes as `1.0`; blank means 0.
            *h = if f.is_empty() {
                0
            } else {
                f.parse::<f64>()
                    .ok()
                    .filter(|v| v.is_finite() && *v >= 0.0 && *v < 1e9)
                    .map(|v| v as u32)
                    .ok_or_else(|| {
                        DatasetError::new(path, line_no, format!("bad credit-history count {f:?}"))
                    })?
            };
        }
        out.push(LiarStatement {
            id: fields[0].trim().trim_end_matches(".json").to_string(),
            label,
            statement: fields[2].trim().to_string(),
            subjects: fields[3]
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            speaker: fields[4].trim().to_string(),
            job: fields[5].trim().to_string(),
            state: fields[6].trim().to_string(),
            party: fields[7].trim().to_string(),
            history,
            context: fields[13].trim().to_string(),
            line: line_no,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROWS: &str = "2635.json\tfalse\tSays the Annies List political group supports \
        third-trimester abortions on demand.\tabortion\tdwayne-bohac\tState representative\tTexas\t\
        republican\t0\t1\t0\t0\t0\ta mailer\n\
        10540.json\thalf-true\tWhen did the decline of coal start?\tenergy,history\tscott-surovell\t\
        State delegate\tVirginia\tdemocrat\t0\t0\t1\t1\t0\ta floor speech.\n";

    #[test]
    fn reads_rows_and_removes_the_statement_from_its_history() {
        let rows = parse_liar(ROWS, Path::new("train.tsv")).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].id, "2635");
        assert_eq!(rows[0].label, LiarLabel::False);
        assert_eq!(rows[0].history, [0, 1, 0, 0, 0]);
        // The one `false` in the history is this statement itself.
        assert_eq!(rows[0].history_without_self(), [0, 0, 0, 0, 0]);
        assert_eq!(rows[1].subjects, vec!["energy", "history"]);
        assert_eq!(rows[1].history_without_self(), [0, 0, 0, 1, 0]);
        assert_eq!(rows[1].context, "a floor speech.");
    }

    #[test]
    fn bad_rows_name_their_line() {
        let e = parse_liar("1.json\tfalse\tonly three", Path::new("x.tsv")).unwrap_err();
        assert_eq!(e.line, 1);
        let bad = ROWS.replace("half-true", "sort-of-true");
        assert_eq!(parse_liar(&bad, Path::new("x.tsv")).unwrap_err().line, 2);
    }

    #[test]
    fn labels_round_trip_and_true_has_no_history_column() {
        for l in LiarLabel::ALL {
            assert_eq!(LiarLabel::parse(l.as_str()), Some(l));
        }
        assert_eq!(LiarLabel::True.history_column(), None);
        assert_eq!(LiarLabel::parse(" TRUE "), Some(LiarLabel::True));
    }

    #[test]
    fn the_shared_files_read_completely() {
        let Some(dir) = crate::dataset_dir("liar") else {
            eprintln!("skipped: ../shared/data/liar is absent");
            return;
        };
        let train = read_liar_file(&dir.join("train.tsv")).unwrap();
        assert_eq!(train.len(), 10_269);
        let valid = read_liar_file(&dir.join("valid.tsv")).unwrap();
        assert_eq!(valid.len(), 1_284);
        // The counts include the statement: its own column is almost always >= 1.
        let own = train
            .iter()
            .filter(|s| s.label.history_column().is_some_and(|c| s.history[c] >= 1))
            .count();
        let rated = train.iter().filter(|s| s.label != LiarLabel::True).count();
        assert!(own * 100 > rated * 99, "{own} of {rated}");
    }
}
