use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::OffsetMap;

/// How an input was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    Text,
    Html,
    Jsonl,
    Csv,
}

impl InputFormat {
    pub fn as_str(&self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Html => "html",
            InputFormat::Jsonl => "jsonl",
            InputFormat::Csv => "csv",
        }
    }
}

/// Metadata an input's container states outright: the columns of a CSV row, the
/// keys of a JSON line, the `<meta>` tags and JSON-LD of an HTML page.
///
/// Values are taken as given; the pipeline normalises them (dates, outlet names).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RecordFields {
    pub id: Option<String>,
    pub title: Option<String>,
    pub author: Option<String>,
    /// The date as written (`04/05/2017`, `2016-10-12T08:00:00Z`, ...).
    pub date: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// A dataset's gold label, kept for evaluation (`fake`, `credible`, `1`, ...).
    pub label: Option<String>,
    pub language: Option<String>,
    /// Every other column or key, verbatim.
    pub extra: BTreeMap<String, String>,
}

/// One unit of input handed to the pipeline: a decoded file, or one record of a
/// JSON Lines or CSV file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The path as the user gave it (or `-` for standard input, or a URL).
    pub path: String,
    /// 1-based line number (JSONL) or data row number (CSV, header excluded) of the
    /// record; `None` for whole files.
    pub record: Option<u64>,
    pub format: InputFormat,
    /// The decoded UTF-8 text every offset refers to: the whole file, or the text
    /// field of a record.
    pub text: String,
    /// For inputs whose readable text is derived from `text` (HTML): that readable
    /// text and the map of its offsets back into `text`. `None` means the pipeline
    /// reads `text` itself.
    pub view: Option<(String, OffsetMap)>,
    /// Metadata stated by the container.
    pub fields: RecordFields,
    /// The encoding the bytes were decoded from (`utf-8`, `windows-1252`, ...).
    pub encoding: String,
}

impl Document {
    /// A plain-text document, as a test or an API call would build it.
    pub fn from_text(path: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            path: path.into(),
            record: None,
            format: InputFormat::Text,
            text: text.into(),
            view: None,
            fields: RecordFields::default(),
            encoding: "utf-8".to_string(),
        }
    }

    /// The text the pipeline reads: the derived view when there is one.
    pub fn readable_text(&self) -> &str {
        match &self.view {
            Some((view, _)) => view,
            None => &self.text,
        }
    }
}
