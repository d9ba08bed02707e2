//! Check-worthiness datasets: ClaimBuster (the 2.5xNCS CSV and the 2020 debate TSV)
//! and CLEF-2019 CheckThat! Task 1 (the one-file CSV and the official per-debate
//! TSV), read into one typed example list.
//!
//! Grouping matters for evaluation: CheckThat! ranks the sentences of each debate
//! on its own (MAP is a mean over debates) and cross-validation must not put one
//! debate on both sides of a split. CLEF rows carry their transcript. ClaimBuster
//! rows carry only a `sentence_id`, numbered in transcript order over the whole
//! corpus, so the group of a ClaimBuster row is its block of 1,000 ids: roughly one
//! debate, and neighbouring sentences stay together.

use std::path::Path;

use crate::delimited::{self, Record};
use crate::error::DatasetError;

/// Which dataset an example comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CheckworthySource {
    /// ClaimBuster (US presidential debates 1960–2020), CFS = positive.
    ClaimBuster,
    /// CLEF-2019 CheckThat! Task 1 (debates and speeches 2016–2019).
    Clef2019,
}

impl CheckworthySource {
    /// Short name for reports: `claimbuster` or `clef2019`.
    pub fn name(self) -> &'static str {
        match self {
            CheckworthySource::ClaimBuster => "claimbuster",
            CheckworthySource::Clef2019 => "clef2019",
        }
    }

    /// True when `group` is a real transcript (so per-group MAP is meaningful).
    pub fn groups_are_transcripts(self) -> bool {
        self == CheckworthySource::Clef2019
    }
}

/// One labelled sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckworthyExample {
    /// The sentence.
    pub text: String,
    /// True when the sentence is a check-worthy factual claim.
    pub label: bool,
    /// The dataset it comes from.
    pub source: CheckworthySource,
    /// The transcript (CLEF: the per-debate file name) or, for ClaimBuster, the
    /// block of 1,000 sentence ids (`claimbuster:29`), roughly one debate.
    pub group: String,
    /// The row's own id: ClaimBuster `sentence_id`, CLEF line number.
    pub id: String,
    /// The speaker, when the file says.
    pub speaker: Option<String>,
    /// 1-based line of the record in its file.
    pub line: usize,
}

/// ClaimBuster sentence ids per group (see the module comment).
pub const CLAIMBUSTER_GROUP_SIZE: u64 = 1000;

/// Reads a check-worthiness file in any supported format, recognised by its header:
/// `sentence_id,...,label,text` (ClaimBuster CSV), `"sentence_id" "label" "text"`
/// (ClaimBuster 2020 TSV), `line_number,speaker,text,label,file_name` (CLEF-2019
/// CSV), or header-less `line<TAB>speaker<TAB>text<TAB>label` (CLEF-2019 per-debate
/// TSV, grouped by file name).
pub fn read_checkworthy_file(path: &Path) -> Result<Vec<CheckworthyExample>, DatasetError> {
    let text = read_utf8(path)?;
    parse_checkworthy(&text, path)
}

/// Parses the text of a check-worthiness file; `path` names it in errors and gives
/// the group of header-less CLEF debate files.
pub fn parse_checkworthy(text: &str, path: &Path) -> Result<Vec<CheckworthyExample>, DatasetError> {
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = if first_line.contains('\t') {
        b'\t'
    } else {
        b','
    };
    let records = delimited::parse(text, delimiter)
        .map_err(|e| DatasetError::new(path, e.line, "a quoted field is never closed"))?;
    let Some(header) = records.first() else {
        return Err(DatasetError::new(path, 1, "the file is empty"));
    };
    let column = |name: &str| {
        header
            .fields
            .iter()
            .position(|f| f.trim().eq_ignore_ascii_case(name))
    };
    match (column("text"), column("label")) {
        (Some(text_col), Some(label_col)) => {
            let columns = Columns {
                text: text_col,
                label: label_col,
                sentence_id: column("sentence_id"),
                line_number: column("line_number"),
                speaker: column("speaker"),
                file_name: column("file_name"),
            };
            records[1..]
                .iter()
                .map(|r| columns.example(r, path))
                .collect()
        }
        _ if is_clef_debate_row(header) => {
            records.iter().map(|r| clef_debate_row(r, path)).collect()
        }
        _ => Err(DatasetError::new(
            path,
            header.line,
            "not a check-worthiness file: expected a header with `text` and `label` columns \
             (ClaimBuster, CLEF-2019 CSV) or rows `line<TAB>speaker<TAB>text<TAB>label` \
             (CLEF-2019 debate TSV)",
        )),
    }
}

struct Columns {
    text: usize,
    label: usize,
    sentence_id: Option<usize>,
    line_number: Option<usize>,
    speaker: Option<usize>,
    file_name: Option<usize>,
}

impl Columns {
    fn example(&self, r: &Record, path: &Path) -> Result<CheckworthyExample, DatasetError> {
        let field = |i: usize, name: &str| {
            r.fields.get(i).map(String::as_str).ok_or_else(|| {
                DatasetError::new(
                    path,
                    r.line,
                    format!("row has {} fields, no `{name}` column", r.fields.len()),
                )
            })
        };
        let text = field(self.text, "text")?.to_string();
        let label = parse_label(field(self.label, "label")?, path, r.line)?;
        let speaker = match self.speaker {
            Some(i) => Some(field(i, "speaker")?.trim().to_string()).filter(|s| !s.is_empty()),
            None => None,
        };
        if let Some(i) = self.file_name {
            // CLEF-2019: the transcript is the group.
            let group = field(i, "file_name")?.trim().to_string();
            let id = match self.line_number {
                Some(i) => field(i, "line_number")?.trim().to_string(),
                None => r.line.to_string(),
            };
            return Ok(CheckworthyExample {
                text,
                label,
                source: CheckworthySource::Clef2019,
                group,
                id,
                speaker,
                line: r.line,
            });
        }
        let Some(i) = self.sentence_id else {
            return Err(DatasetError::new(
                path,
                r.line,
                "no `file_name` (CLEF) or `sentence_id` (ClaimBuster) column to group by",
            ));
        };
        let id = field(i, "sentence_id")?.trim().to_string();
        let number: u64 = id.parse().map_err(|_| {
            DatasetError::new(path, r.line, format!("sentence_id {id:?} is not a number"))
        })?;
        Ok(CheckworthyExample {
            text,
            label,
            source: CheckworthySource::ClaimBuster,
            group: format!("claimbuster:{}", number / CLAIMBUSTER_GROUP_SIZE),
            id,
            speaker,
            line: r.line,
        })
    }
}

fn parse_label(s: &str, path: &Path, line: usize) -> Result<bool, DatasetError> {
    match s.trim() {
        "1" => Ok(true),
        "0" => Ok(false),
        other => Err(DatasetError::new(
            path,
            line,
            format!("label {other:?} is neither 0 nor 1"),
        )),
    }
}

fn is_clef_debate_row(r: &Record) -> bool {
    r.fields.len() == 4
        && r.fields[0].trim().parse::<u64>().is_ok()
        && matches!(r.fields[3].trim(), "0" | "1")
}

fn clef_debate_row(r: &Record, path: &Path) -> Result<CheckworthyExample, DatasetError> {
    if r.fields.len() != 4 {
        return Err(DatasetError::new(
            path,
            r.line,
            format!("expected 4 tab-separated fields, found {}", r.fields.len()),
        ));
    }
    let group = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(CheckworthyExample {
        text: r.fields[2].clone(),
        label: parse_label(&r.fields[3], path, r.line)?,
        source: CheckworthySource::Clef2019,
        group,
        id: r.fields[0].trim().to_string(),
        speaker: Some(r.fields[1].trim().to_string()).filter(|s| !s.is_empty()),
        line: r.line,
    })
}

/// The ClaimBuster folder of the shared data: `claimbuster_2.5xNCS.csv` and, when
/// present, `2020_debate.tsv`.
pub fn load_claimbuster(dir: &Path) -> Result<Vec<CheckworthyExample>, DatasetError> {
    let mut out = read_checkworthy_file(&dir.join("claimbuster_2.5xNCS.csv"))?;
    let extra = dir.join("2020_debate.tsv");
    if extra.is_file() {
        out.extend(read_checkworthy_file(&extra)?);
    }
    Ok(out)
}

/// The CLEF-2019 folder of the shared data: the training file `CT19-T1-Training.csv`
/// (the official test file is held back and never read here).
pub fn load_clef2019(dir: &Path) -> Result<Vec<CheckworthyExample>, DatasetError> {
    read_checkworthy_file(&dir.join("CT19-T1-Training.csv"))
}

/// Reads a file as UTF-8 (a BOM is dropped); invalid bytes are an error naming the
/// line they are on.
pub(crate) fn read_utf8(path: &Path) -> Result<String, DatasetError> {
    let bytes = std::fs::read(path).map_err(|e| DatasetError::new(path, 0, e.to_string()))?;
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let line = 1 + bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            Err(DatasetError::new(path, line, "invalid UTF-8"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn parse(text: &str, name: &str) -> Result<Vec<CheckworthyExample>, DatasetError> {
        parse_checkworthy(text, &PathBuf::from(name))
    }

    #[test]
    fn claimbuster_csv_rows_are_grouped_by_id_block() {
        let text = "sentence_id,screening,label,text\n\
                    27247,-3,1,We're 9 million jobs short of that.\n\
                    21147,-3,0,\"The man loves his family, and I appreciate that.\"\n";
        let ex = parse(text, "cb.csv").unwrap();
        assert_eq!(ex.len(), 2);
        assert!(ex[0].label && !ex[1].label);
        assert_eq!(ex[0].group, "claimbuster:27");
        assert_eq!(
            ex[1].text,
            "The man loves his family, and I appreciate that."
        );
        assert_eq!(
            (ex[1].line, ex[1].source),
            (3, CheckworthySource::ClaimBuster)
        );
    }

    #[test]
    fn claimbuster_2020_tsv_with_quoted_header_and_no_final_newline() {
        let ex = parse(
            "\"sentence_id\"\t\"label\"\t\"text\"\n35978\t0\tI thought they were lying.",
            "d.tsv",
        )
        .unwrap();
        assert_eq!(ex.len(), 1);
        assert_eq!(ex[0].group, "claimbuster:35");
        assert_eq!(ex[0].id, "35978");
    }

    #[test]
    fn clef_csv_rows_keep_transcript_and_speaker() {
        let text = "line_number,speaker,text,label,file_name\n\
                    24,SANDERS,They are working longer hours for low wages.,1,20160209_msnbc_dem.tsv\n";
        let ex = parse(text, "clef.csv").unwrap();
        assert_eq!(ex[0].group, "20160209_msnbc_dem.tsv");
        assert_eq!(ex[0].speaker.as_deref(), Some("SANDERS"));
        assert_eq!(ex[0].id, "24");
        assert!(ex[0].source.groups_are_transcripts());
    }

    #[test]
    fn official_clef_debate_tsv_is_grouped_by_file_name() {
        let text = "1\tTODD\tGood evening.\t0\n2\tSANDERS\tWages fell 3%.\t1\n";
        let ex = parse(text, "/x/20160209_msnbc_dem.tsv").unwrap();
        assert_eq!(ex.len(), 2);
        assert_eq!(ex[1].group, "20160209_msnbc_dem.tsv");
        assert!(ex[1].label);
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = parse("sentence_id,label,text\n1,0,ok\n2,yes,bad\n", "cb.csv").unwrap_err();
        assert_eq!(e.to_string(), "cb.csv:3: label \"yes\" is neither 0 nor 1");
        let e = parse("sentence_id,label,text\nx7,0,bad\n", "cb.csv").unwrap_err();
        assert_eq!(e.line, 2);
        let e = parse("sentence_id,label,text\n5,1\n", "cb.csv").unwrap_err();
        assert!(
            e.to_string().starts_with("cb.csv:2: row has 2 fields"),
            "{e}"
        );
        let e = parse("a,b\n1,\"open\n", "f.csv").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(parse("", "empty.csv").is_err());
        assert!(parse("title,body\nx,y\n", "other.csv").is_err());
    }

    #[test]
    fn reads_the_shared_data_when_present() {
        let (Some(cb), Some(clef)) = (
            crate::dataset_dir("claimbuster"),
            crate::dataset_dir("clef2019-checkthat-task1"),
        ) else {
            eprintln!("skipped: ../shared/data/claimbuster or clef2019-checkthat-task1 is absent");
            return;
        };
        let cb = load_claimbuster(&cb).unwrap();
        assert_eq!(cb.len(), 9_674 + 100);
        assert_eq!(cb.iter().filter(|e| e.label).count(), 2_764 + 51);
        let clef = load_clef2019(&clef).unwrap();
        assert_eq!(clef.len(), 16_421);
        assert_eq!(clef.iter().filter(|e| e.label).count(), 440);
        let mut groups: Vec<&str> = clef.iter().map(|e| e.group.as_str()).collect();
        groups.sort_unstable();
        groups.dedup();
        assert_eq!(groups.len(), 19);
    }
}
