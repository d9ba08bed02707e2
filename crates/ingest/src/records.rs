//! Streaming readers for record files: JSON Lines and CSV/TSV. One bad record is
//! an error for that record only; the records after it are still read.

use std::io::BufRead;

use crosscheck_schema::{Document, InputFormat, RecordFields};
use encoding_rs::Encoding;

use crate::decode::{decode_field, decode_field_borrowed};
use crate::mapping::{Field, FieldMapping, Preset};
use crate::IngestError;

/// Turns a record's named values into a [`Document`], or says which field is missing.
pub(crate) struct RecordBuilder<'a> {
    pub path: String,
    pub mapping: &'a FieldMapping,
    pub preset: Option<Preset>,
    pub format: InputFormat,
    pub encoding: &'static Encoding,
    /// The names of the last record built and where its fields sat: the records of
    /// one file mostly share their names, and finding the fields among them is
    /// most of the work of `build`.
    pub columns: Option<(Vec<String>, Columns)>,
}

/// The fields a record is read into besides its text, in the order they claim
/// their column.
const FIELDS: [Field; 8] = [
    Field::Id,
    Field::Title,
    Field::Date,
    Field::Outlet,
    Field::Url,
    Field::Label,
    Field::Author,
    Field::Language,
];

/// Where each field sits among a record's names: the text's column, and for each
/// of [`FIELDS`] its column unless absent or already claimed by the text or an
/// earlier field.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Columns {
    text: Option<usize>,
    fields: [Option<usize>; 8],
}

impl RecordBuilder<'_> {
    /// Index of the first candidate name present among `names` (case-insensitive).
    fn find(&self, field: Field, names: &[String]) -> Option<usize> {
        self.mapping.candidates(field).iter().find_map(|want| {
            names
                .iter()
                .position(|n| n.trim().eq_ignore_ascii_case(want))
        })
    }

    /// Where the fields sit among `names`.
    fn columns_of(&self, names: &[String]) -> Columns {
        let text = self.find(Field::Text, names);
        let mut used: Vec<usize> = text.into_iter().collect();
        let fields = FIELDS.map(|field| {
            let i = self.find(field, names)?;
            if used.contains(&i) {
                return None;
            }
            used.push(i);
            Some(i)
        });
        Columns { text, fields }
    }

    /// [`RecordBuilder::columns_of`], answered from the last record when it had the
    /// same names.
    fn columns(&mut self, names: &[String]) -> Columns {
        if let Some((last, columns)) = &self.columns {
            if last.as_slice() == names {
                return columns.clone();
            }
        }
        let columns = self.columns_of(names);
        self.columns = Some((names.to_vec(), columns.clone()));
        columns
    }

    /// Builds a document from `names[i] = values[i]`.
    pub(crate) fn build(
        &mut self,
        names: &[String],
        mut values: Vec<String>,
        record: u64,
        line: u64,
    ) -> Result<Document, IngestError> {
        let columns = self.columns(names);
        let err = |msg: String| IngestError::new(self.path.clone(), msg).at_line(line);
        let text_at = columns.text.ok_or_else(|| {
            err(format!(
                "no text field: looked for {} (choose one with --text-field); the record has: {}",
                self.mapping.candidates(Field::Text).join(", "),
                names.join(", ")
            ))
        })?;
        let text = std::mem::take(
            values
                .get_mut(text_at)
                .ok_or_else(|| err(format!("the record has no value for `{}`", names[text_at])))?,
        );
        if text.trim().is_empty() {
            return Err(err(format!("empty text in field `{}`", names[text_at])));
        }
        // Each column is read once: its value is moved out, not copied.
        let [id, title, date, outlet, url, label, author, language] = columns.fields.map(|at| {
            Some(trimmed(std::mem::take(values.get_mut(at?)?))).filter(|v| !v.is_empty())
        });
        let mut fields = RecordFields {
            id,
            title,
            date,
            outlet,
            url,
            label,
            author,
            language,
            ..RecordFields::default()
        };
        if let (Some(preset), Some(label)) = (self.preset, fields.label.as_mut()) {
            *label = preset.normalise_label(label);
        }
        let used = |i: usize| i == text_at || columns.fields.contains(&Some(i));
        for (i, name) in names.iter().enumerate() {
            if !used(i) {
                if let Some(v) = values.get_mut(i) {
                    fields
                        .extra
                        .insert(name.trim().to_string(), std::mem::take(v));
                }
            }
        }
        Ok(Document {
            path: self.path.clone(),
            record: Some(record),
            format: self.format,
            text,
            view: None,
            fields,
            encoding: self.encoding.name().to_ascii_lowercase(),
        })
    }
}

/// JSON Lines: one object per line; blank lines are skipped.
pub(crate) struct JsonLines<'a, R> {
    pub reader: R,
    pub builder: RecordBuilder<'a>,
    pub line: u64,
    pub offset: u64,
    pub buf: Vec<u8>,
    pub done: bool,
}

impl<R: BufRead> Iterator for JsonLines<'_, R> {
    type Item = Result<Document, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            self.buf.clear();
            let start = self.offset;
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(n) => {
                    self.offset += n as u64;
                    self.line += 1;
                }
                Err(e) => {
                    self.done = true;
                    let err =
                        IngestError::new(self.builder.path.clone(), format!("read error: {e}"))
                            .at_line(self.line + 1)
                            .at_offset(start);
                    return Some(Err(err));
                }
            }
            let raw = self.buf.trim_ascii();
            if raw.is_empty() {
                continue;
            }
            let line = self.line;
            let err = |msg: String| {
                IngestError::new(self.builder.path.clone(), msg)
                    .at_line(line)
                    .at_offset(start)
            };
            let text = decode_field_borrowed(
                raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw),
                self.builder.encoding,
            );
            let value: serde_json::Value = match serde_json::from_str(&text) {
                Ok(v) => v,
                Err(e) => return Some(Err(err(format!("invalid JSON: {e}")))),
            };
            let serde_json::Value::Object(map) = value else {
                return Some(Err(err("the line is not a JSON object".to_string())));
            };
            let mut names = Vec::with_capacity(map.len());
            let mut values = Vec::with_capacity(map.len());
            for (k, v) in map {
                names.push(k);
                values.push(json_to_string(v));
            }
            return Some(
                self.builder
                    .build(&names, values, line, line)
                    .map_err(|e| e.at_offset(start)),
            );
        }
    }
}

/// `value` without its leading and trailing white space, as `trim` cuts it; kept
/// as it is (no copy) when there is none.
fn trimmed(value: String) -> String {
    let t = value.trim();
    if t.len() == value.len() {
        value
    } else {
        t.to_string()
    }
}

fn json_to_string(v: serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s,
        serde_json::Value::Null => String::new(),
        serde_json::Value::Array(items) => items
            .into_iter()
            .map(json_to_string)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("; "),
        // Nested objects (an author object, say) keep their JSON form.
        other => other.to_string(),
    }
}

/// CSV or TSV with a header row.
pub(crate) struct CsvRecords<'a, R: std::io::Read> {
    pub reader: csv::Reader<R>,
    pub builder: RecordBuilder<'a>,
    pub names: Option<Vec<String>>,
    pub record: csv::ByteRecord,
    pub row: u64,
    pub done: bool,
}

impl<'a, R: std::io::Read> CsvRecords<'a, R> {
    pub fn new(reader: R, tabs: bool, builder: RecordBuilder<'a>) -> CsvRecords<'a, R> {
        let reader = csv::ReaderBuilder::new()
            .delimiter(if tabs { b'\t' } else { b',' })
            .has_headers(false)
            .flexible(true)
            .from_reader(reader);
        CsvRecords {
            reader,
            builder,
            names: None,
            record: csv::ByteRecord::new(),
            row: 0,
            done: false,
        }
    }

    fn error(&self, msg: String, pos: Option<&csv::Position>) -> IngestError {
        let e = IngestError::new(self.builder.path.clone(), msg);
        match pos {
            Some(p) => e.at_line(p.line()).at_offset(p.byte()),
            None => e,
        }
    }
}

impl<R: std::io::Read> Iterator for CsvRecords<'_, R> {
    type Item = Result<Document, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.reader.read_byte_record(&mut self.record) {
                Ok(false) => {
                    self.done = true;
                    if self.names.is_none() {
                        return Some(Err(
                            self.error("empty CSV file (no header row)".into(), None)
                        ));
                    }
                }
                Ok(true) => {
                    let pos = self.record.position().cloned();
                    let line = pos.as_ref().map_or(0, |p| p.line());
                    let enc = self.builder.encoding;
                    let values: Vec<String> = self
                        .record
                        .iter()
                        .enumerate()
                        .map(|(i, f)| {
                            let f = if i == 0 {
                                f.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(f)
                            } else {
                                f
                            };
                            decode_field(f, enc)
                        })
                        .collect();
                    let Some(names) = &self.names else {
                        if values.iter().all(|v| v.trim().is_empty()) {
                            continue;
                        }
                        let names: Vec<String> =
                            values.iter().map(|v| v.trim().to_string()).collect();
                        if self.builder.find(Field::Text, &names).is_none() {
                            self.done = true;
                            let msg = format!(
                                "no text column: looked for {} (choose one with --text-field); the header has: {}",
                                self.builder.mapping.candidates(Field::Text).join(", "),
                                names.join(", ")
                            );
                            return Some(Err(self.error(msg, pos.as_ref())));
                        }
                        self.names = Some(names);
                        continue;
                    };
                    if values.len() == 1 && values[0].trim().is_empty() {
                        continue;
                    }
                    self.row += 1;
                    if values.len() != names.len() {
                        let msg = format!(
                            "row {} has {} fields, the header has {}",
                            self.row,
                            values.len(),
                            names.len()
                        );
                        return Some(Err(self.error(msg, pos.as_ref())));
                    }
                    return Some(
                        self.builder
                            .build(names, values, self.row, line)
                            .map_err(|e| match &pos {
                                Some(p) => e.at_offset(p.byte()),
                                None => e,
                            }),
                    );
                }
                Err(e) => {
                    let pos = e.position().cloned();
                    if let csv::ErrorKind::Io(_) = e.kind() {
                        self.done = true;
                    }
                    return Some(Err(self.error(format!("malformed CSV: {e}"), pos.as_ref())));
                }
            }
        }
        None
    }
}

/// A `.json` file holding one array of records (a common export format). The
/// array must fit in memory; exports too big for that should be JSON Lines.
pub(crate) fn json_array(
    text: &str,
    builder: &mut RecordBuilder<'_>,
) -> Vec<Result<Document, IngestError>> {
    let values: Vec<serde_json::Value> = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let err = IngestError::new(builder.path.clone(), format!("invalid JSON array: {e}"))
                .at_line(e.line() as u64);
            return vec![Err(err)];
        }
    };
    values
        .into_iter()
        .enumerate()
        .map(|(i, value)| {
            let record = i as u64 + 1;
            let serde_json::Value::Object(map) = value else {
                return Err(IngestError::new(
                    builder.path.clone(),
                    format!("array element {record} is not a JSON object"),
                ));
            };
            let (names, values): (Vec<String>, Vec<String>) =
                map.into_iter().map(|(k, v)| (k, json_to_string(v))).unzip();
            builder.build(&names, values, record, 0).map_err(|mut e| {
                e.line = None;
                e.message = format!("array element {record}: {}", e.message);
                e
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::{IngestOptions, Reader};

    /// The columns kept from one record to the next give what each record gives
    /// read on its own (where nothing is kept).
    #[test]
    fn records_read_together_are_what_each_gives_alone() {
        let lines = [
            r#"{"id":"1","title":"A","text":"Body one","date":"2017-04-05","x":"y"}"#,
            r#"{"id":"2","title":"B","text":"Body two","date":"2017-04-06","x":"z"}"#,
            r#"{"headline":"C","content":"Body three","Title":"D","source":"S"}"#,
            r#"{"id":"3","title":"B","text":"Body two","date":"2017-04-06","x":"z"}"#,
            r#"{"text":"Body four","body":"other","url":" http://a ","label":"FAKE"}"#,
            r#"{"title":"no text here"}"#,
            r#"{"id":"4","title":"B","text":"  ","date":"2017-04-06","x":"z"}"#,
            r#"{"text":"Body five","body":"other","url":"","label":"FAKE"}"#,
        ];
        let reader = Reader::new(IngestOptions::default());
        let together: Vec<_> = reader
            .read_bytes("all.jsonl", lines.join("\n").as_bytes())
            .collect();
        assert_eq!(together.len(), lines.len());
        for (k, (line, got)) in lines.iter().zip(&together).enumerate() {
            // Alone, but on the same line number.
            let alone = format!("{}{line}", "\n".repeat(k));
            let mut want: Vec<_> = reader.read_bytes("all.jsonl", alone.as_bytes()).collect();
            assert_eq!(want.len(), 1);
            let want = want.remove(0);
            match (got, &want) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "{line}"),
                (Err(a), Err(b)) => {
                    assert_eq!(a.message, b.message, "{line}");
                    assert_eq!(a.line, b.line, "{line}");
                }
                _ => panic!("{line}: {got:?} against {want:?}"),
            }
        }
    }
}
