//! From an [`Input`] to a stream of [`Document`]s.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crosscheck_html::HtmlReader;
use crosscheck_schema::{Document, InputFormat, RecordFields};

use crate::decode::{self, binary_evidence};
use crate::mapping::{FieldMapping, Preset};
use crate::records::{json_array, CsvRecords, JsonLines, RecordBuilder};
use crate::{format, IngestError, Input};

/// An opened input: its reader, its path, and its length in bytes when known.
type OpenedInput = (Box<dyn BufRead + Send>, PathBuf, Option<u64>);

/// How to read inputs.
#[derive(Clone, Debug)]
pub struct IngestOptions {
    /// Force a format instead of detecting it.
    pub format: Option<InputFormat>,
    pub mapping: FieldMapping,
    pub preset: Option<Preset>,
    /// Whole-file inputs (text, HTML) larger than this are skipped with an error:
    /// one article is never hundreds of megabytes, and reading one would hold it
    /// all in memory. Record files (JSONL, CSV) are streamed and have no limit.
    pub max_file_bytes: u64,
}

impl Default for IngestOptions {
    fn default() -> IngestOptions {
        IngestOptions {
            format: None,
            mapping: FieldMapping::default(),
            preset: None,
            max_file_bytes: 32 << 20,
        }
    }
}

impl IngestOptions {
    /// The options a preset implies, with `mapping` overrides on top.
    pub fn with_preset(preset: Preset) -> IngestOptions {
        let format = match preset {
            Preset::Fakes => Some(InputFormat::Csv),
            Preset::Horne => Some(InputFormat::Text),
        };
        IngestOptions {
            format,
            mapping: preset.mapping(),
            preset: Some(preset),
            ..IngestOptions::default()
        }
    }
}

/// Reads inputs into documents. Cheap to share between threads.
pub struct Reader {
    options: IngestOptions,
    html: HtmlReader,
}

type Documents<'a> = Box<dyn Iterator<Item = Result<Document, IngestError>> + Send + 'a>;

/// How many bytes are looked at to detect an encoding and a format.
const SNIFF_BYTES: usize = 64 << 10;

impl Reader {
    pub fn new(options: IngestOptions) -> Reader {
        Reader {
            options,
            html: HtmlReader::new(),
        }
    }

    pub fn options(&self) -> &IngestOptions {
        &self.options
    }

    /// The documents of one input. Errors name the input and, for records, the line.
    pub fn read(&self, input: &Input) -> Documents<'_> {
        let name = input.display_name();
        let opened: Result<OpenedInput, IngestError> = match input {
            Input::Stdin => Ok((
                Box::new(BufReader::with_capacity(1 << 16, std::io::stdin())),
                PathBuf::from("-"),
                None,
            )),
            Input::File(path) => File::open(path)
                .and_then(|f| Ok((f.metadata()?.len(), f)))
                .map(|(len, f)| {
                    (
                        Box::new(BufReader::with_capacity(1 << 16, f)) as Box<dyn BufRead + Send>,
                        path.clone(),
                        Some(len),
                    )
                })
                .map_err(|e| IngestError::new(name.clone(), format!("cannot read: {e}"))),
        };
        match opened {
            Ok((reader, path, len)) => self.read_stream(name, &path, reader, len),
            Err(e) => one(Err(e)),
        }
    }

    /// The documents of a text held in memory (an HTTP request body, a test).
    pub fn read_bytes(&self, name: &str, bytes: &[u8]) -> Documents<'_> {
        let reader: Box<dyn BufRead + Send> = Box::new(std::io::Cursor::new(bytes.to_vec()));
        self.read_stream(
            name.to_string(),
            Path::new(name),
            reader,
            Some(bytes.len() as u64),
        )
    }

    fn read_stream(
        &self,
        name: String,
        path: &Path,
        mut reader: Box<dyn BufRead + Send>,
        len: Option<u64>,
    ) -> Documents<'_> {
        // A huge file that is not a record file is refused before reading anything.
        let declared = self.options.format.or_else(|| format::from_extension(path));
        let streamed = matches!(declared, Some(InputFormat::Jsonl | InputFormat::Csv));
        if let (false, Some(n)) = (streamed, len) {
            if n > self.options.max_file_bytes {
                return one(Err(too_big(name, n, self.options.max_file_bytes)));
            }
        }
        // Look at the first bytes without consuming them.
        let head = match fill_head(&mut reader) {
            Ok(h) => h,
            Err(e) => return one(Err(IngestError::new(name, format!("cannot read: {e}")))),
        };
        if head.is_empty() {
            return one(Err(IngestError::new(name, "empty file")));
        }
        if let Some(at) = binary_evidence(&head) {
            return one(Err(IngestError::new(
                name,
                "binary file, not text (NUL byte)",
            )
            .at_offset(at)));
        }
        let how = decode::detect(&head);
        let head_text = decode::decode(&head, how);
        let format = format::detect(path, &head_text, self.options.format);
        match format {
            InputFormat::Jsonl | InputFormat::Csv => {
                let mut builder = RecordBuilder {
                    path: name,
                    mapping: &self.options.mapping,
                    preset: self.options.preset,
                    format,
                    encoding: if how.encoding == encoding_rs::UTF_8 {
                        encoding_rs::WINDOWS_1252
                    } else {
                        how.encoding
                    },
                    columns: None,
                };
                let array = head_text
                    .trim_start_matches('\u{feff}')
                    .trim_start()
                    .starts_with('[');
                if format == InputFormat::Jsonl && array {
                    let limit = self.options.max_file_bytes;
                    let mut bytes = Vec::new();
                    if let Err(e) = reader.take(limit + 1).read_to_end(&mut bytes) {
                        return one(Err(IngestError::new(
                            builder.path,
                            format!("read error: {e}"),
                        )));
                    }
                    if bytes.len() as u64 > limit {
                        return one(Err(too_big(builder.path, bytes.len() as u64, limit)));
                    }
                    Box::new(json_array(&decode::decode(&bytes, how), &mut builder).into_iter())
                } else if format == InputFormat::Jsonl {
                    Box::new(JsonLines {
                        reader,
                        builder,
                        line: 0,
                        offset: 0,
                        buf: Vec::new(),
                        done: false,
                    })
                } else {
                    Box::new(CsvRecords::new(
                        reader,
                        format::is_tab_separated(path),
                        builder,
                    ))
                }
            }
            InputFormat::Text | InputFormat::Html => {
                let limit = self.options.max_file_bytes;
                let mut bytes = Vec::with_capacity(len.unwrap_or(0) as usize);
                if let Err(e) = reader.take(limit + 1).read_to_end(&mut bytes) {
                    return one(Err(IngestError::new(name, format!("read error: {e}"))));
                }
                // Standard input and files of unknown type are only measured by reading.
                if bytes.len() as u64 > limit {
                    return one(Err(too_big(name, bytes.len() as u64, limit)));
                }
                one(self.whole_file(name, path, &bytes, format))
            }
        }
    }

    fn whole_file(
        &self,
        name: String,
        path: &Path,
        bytes: &[u8],
        format: InputFormat,
    ) -> Result<Document, IngestError> {
        let how = decode::detect(bytes);
        let text = decode::decode(bytes, how);
        if text.trim().is_empty() {
            return Err(IngestError::new(
                name,
                "no text (the file holds only whitespace)",
            ));
        }
        let mut doc = Document {
            path: name,
            record: None,
            format,
            text,
            view: None,
            fields: RecordFields::default(),
            encoding: how.encoding.name().to_ascii_lowercase(),
        };
        if format == InputFormat::Html {
            let page = self.html.read(&doc.text);
            doc.fields = page.fields;
            doc.view = Some((page.view, page.map));
        }
        if let Some(title) = sibling_title(path) {
            doc.fields.title = Some(title);
        }
        if self.options.preset == Some(Preset::Horne) {
            doc.fields.label = horne_label(path);
        }
        Ok(doc)
    }
}

fn one<'a>(item: Result<Document, IngestError>) -> Documents<'a> {
    Box::new(std::iter::once(item))
}

fn too_big(name: String, len: u64, limit: u64) -> IngestError {
    IngestError::new(
        name,
        format!(
            "file is {:.1} MB, more than the {:.1} MB limit for a single-article file (raise it with --max-file-size, or split it)",
            len as f64 / (1u64 << 20) as f64,
            limit as f64 / (1u64 << 20) as f64
        ),
    )
}

/// Fills the reader's buffer up to [`SNIFF_BYTES`] without consuming it.
fn fill_head(reader: &mut Box<dyn BufRead + Send>) -> std::io::Result<Vec<u8>> {
    // BufReader only exposes one buffer's worth; that is enough to sniff.
    let buf = reader.fill_buf()?;
    Ok(buf[..buf.len().min(SNIFF_BYTES)].to_vec())
}

/// The Horne 2017 layout keeps each title in `<Label>_titles/<same name>`.
fn sibling_title(path: &Path) -> Option<String> {
    let folder = path.parent()?;
    let titles = folder
        .parent()?
        .join(format!("{}_titles", folder.file_name()?.to_str()?));
    let bytes = std::fs::read(titles.join(path.file_name()?)).ok()?;
    let text = decode::decode(&bytes, decode::detect(&bytes));
    let title = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!title.is_empty()).then_some(title)
}

fn horne_label(path: &Path) -> Option<String> {
    let folder = path.parent()?.file_name()?.to_str()?;
    Some(folder.to_ascii_lowercase())
}
