//! Which reader an input needs, from its extension and, failing that, its content.

use std::path::Path;

use crosscheck_schema::InputFormat;

/// The format a file extension implies, if any.
pub fn from_extension(path: &Path) -> Option<InputFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" | "md" => Some(InputFormat::Text),
        "html" | "htm" | "xhtml" | "shtml" => Some(InputFormat::Html),
        "jsonl" | "ndjson" | "json" => Some(InputFormat::Jsonl),
        "csv" | "tsv" => Some(InputFormat::Csv),
        _ => None,
    }
}

/// The format `head` (the first bytes of an input, decoded) looks like.
pub fn sniff(head: &str) -> InputFormat {
    let trimmed = head.trim_start_matches('\u{feff}').trim_start();
    if crosscheck_html::looks_like_html(trimmed) {
        return InputFormat::Html;
    }
    if trimmed.starts_with('{') {
        let first_line = trimmed.lines().next().unwrap_or("");
        if serde_json::from_str::<serde_json::Value>(first_line).is_ok_and(|v| v.is_object()) {
            return InputFormat::Jsonl;
        }
    }
    InputFormat::Text
}

/// The format of an input: the user's override, else its extension, else a sniff
/// of its first bytes.
pub fn detect(path: &Path, head: &str, forced: Option<InputFormat>) -> InputFormat {
    forced
        .or_else(|| from_extension(path))
        .unwrap_or_else(|| sniff(head))
}

/// True for files that are CSV with tabs.
pub fn is_tab_separated(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("tsv"))
}
