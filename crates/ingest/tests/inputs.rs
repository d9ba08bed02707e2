//! Reading real and broken inputs: every record that can be read is read, and
//! every one that cannot is an error naming the file and line.

use std::io::Write;
use std::path::{Path, PathBuf};

use crosscheck_ingest::{expand, IngestError, IngestOptions, Input, Preset, Reader};
use crosscheck_schema::{Document, InputFormat};

fn read_all(reader: &Reader, paths: &[PathBuf]) -> (Vec<Document>, Vec<IngestError>) {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for input in expand(paths) {
        match input {
            Ok(input) => {
                for doc in reader.read(&input) {
                    match doc {
                        Ok(d) => docs.push(d),
                        Err(e) => errors.push(e),
                    }
                }
            }
            Err(e) => errors.push(e),
        }
    }
    (docs, errors)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::File::create(&path)
        .unwrap()
        .write_all(bytes)
        .unwrap();
    path
}

#[test]
fn every_fakes_row_loads_with_its_metadata() {
    let Some(dir) = crosscheck_datasets::dataset_dir("fa-kes") else {
        eprintln!("skipped: ../shared/data/fa-kes is absent");
        return;
    };
    let reader = Reader::new(IngestOptions::with_preset(Preset::Fakes));
    let (docs, errors) = read_all(&reader, &[dir.join("FA-KES-Dataset.csv")]);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(docs.len(), 643);
    for doc in &docs {
        assert_eq!(doc.format, InputFormat::Csv);
        assert_eq!(doc.encoding, "windows-1252");
        let f = &doc.fields;
        assert!(
            f.id.as_deref()
                .is_some_and(|id| id.chars().all(|c| c.is_ascii_digit())),
            "{f:?}"
        );
        assert!(
            f.title.is_some() && f.date.is_some() && f.outlet.is_some(),
            "{f:?}"
        );
        assert!(
            matches!(f.label.as_deref(), Some("credible" | "fake")),
            "{f:?}"
        );
        assert!(f.extra.contains_key("location"));
        assert!(doc.text.len() > 50);
    }
    let labels = docs
        .iter()
        .filter(|d| d.fields.label.as_deref() == Some("fake"))
        .count();
    assert_eq!(
        labels, 302,
        "the shared copy holds 302 fake and 341 credible rows"
    );
    // Row numbers count data rows, so they name the row a user sees in a spreadsheet.
    assert_eq!(docs[0].record, Some(1));
    assert_eq!(docs[642].record, Some(643));
}

#[test]
fn every_horne_article_loads_with_title_and_label() {
    let Some(dir) = crosscheck_datasets::dataset_dir("horne2017-political-news") else {
        eprintln!("skipped: ../shared/data/horne2017-political-news is absent");
        return;
    };
    let reader = Reader::new(IngestOptions::with_preset(Preset::Horne));
    let (docs, errors) = read_all(&reader, std::slice::from_ref(&dir));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        docs.len(),
        326,
        "titles folders and READMEs are not articles"
    );
    for doc in &docs {
        assert!(
            doc.fields.title.as_deref().is_some_and(|t| !t.is_empty()),
            "{}",
            doc.path
        );
        assert!(
            matches!(
                doc.fields.label.as_deref(),
                Some("fake" | "real" | "satire")
            ),
            "{}",
            doc.path
        );
        assert!(
            !doc.text.contains('\u{fffd}'),
            "{} decoded with replacement characters",
            doc.path
        );
    }
    let satire = docs
        .iter()
        .filter(|d| d.fields.label.as_deref() == Some("satire"))
        .count();
    assert_eq!(satire, 75);
    // cp1252 curly quotes come out as Unicode quotes.
    assert!(docs.iter().any(|d| d.text.contains('\u{201c}')));
}

#[test]
fn bad_inputs_are_named_and_the_rest_of_the_batch_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "a-good.txt",
        b"Shells hit Douma\n\nShells struck a market on Sunday, medics said.\n",
    );
    write(d, "b-binary.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0");
    write(d, "c-empty.txt", b"");
    write(
        d,
        "d-latin1.txt",
        b"Caf\xe9 bombed\n\nThe caf\xe9 was hit, witnesses said.\n",
    );
    write(
        d,
        "e-feed.jsonl",
        b"{\"title\":\"One\",\"text\":\"First record.\"}\n{\"title\":\"Two\",\"text\":\"broken\n{\"title\":\"Three\",\"text\":\"Third record.\"}\n[1,2]\n{\"headline\":\"No text\"}\n",
    );
    write(
        d,
        "f-table.csv",
        b"id,title,text\n1,One,First row.\n2,Two\n3,Three,\"Third, quoted, row.\"\n",
    );
    write(d, "g-notext.csv", b"id,headline\n1,Nothing to read\n");
    let big = d.join("h-huge.txt");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(200 << 20)
        .unwrap();
    let missing = d.join("i-missing.txt");

    let reader = Reader::new(IngestOptions::default());
    let (docs, errors) = read_all(&reader, &[d.to_path_buf(), missing.clone()]);

    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    assert!(texts.iter().any(|t| t.contains("medics said")));
    assert!(
        texts.iter().any(|t| t.contains("The café was hit")),
        "Latin-1 is decoded"
    );
    assert!(texts.contains(&"First record.") && texts.contains(&"Third record."));
    assert!(texts.contains(&"First row.") && texts.contains(&"Third, quoted, row."));
    assert_eq!(docs.len(), 6);

    let find = |file: &str| -> &IngestError {
        errors
            .iter()
            .find(|e| e.path.ends_with(file))
            .unwrap_or_else(|| panic!("no error for {file}: {errors:?}"))
    };
    assert!(find("b-binary.txt").message.contains("binary"));
    assert!(find("c-empty.txt").message.contains("empty"));
    assert!(find("h-huge.txt").message.contains("MB"));
    assert!(find("i-missing.txt").message.contains("cannot read"));
    assert!(find("g-notext.csv").message.contains("no text column"));
    let json_errors: Vec<&IngestError> = errors
        .iter()
        .filter(|e| e.path.ends_with("e-feed.jsonl"))
        .collect();
    let lines: Vec<Option<u64>> = json_errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, vec![Some(2), Some(4), Some(5)], "{json_errors:?}");
    let csv_error = find("f-table.csv");
    assert_eq!(csv_error.line, Some(3));
    assert!(csv_error.to_string().contains("f-table.csv:3"));
    assert_eq!(errors.len(), 9, "{errors:#?}");
}

#[test]
fn jsonl_records_keep_unknown_keys_and_their_line() {
    let reader = Reader::new(IngestOptions::default());
    let feed = b"{\"id\":\"w1\",\"title\":\"T\",\"text\":\"Body.\",\"date\":\"2016-04-11\",\"outlet\":\"Wire\",\"section\":\"world\",\"tags\":[\"syria\",\"idlib\"]}\n";
    let docs: Vec<_> = reader
        .read_bytes("feed.jsonl", feed)
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(docs.len(), 1);
    let f = &docs[0].fields;
    assert_eq!(f.id.as_deref(), Some("w1"));
    assert_eq!(f.outlet.as_deref(), Some("Wire"));
    assert_eq!(f.extra.get("section").map(String::as_str), Some("world"));
    assert_eq!(
        f.extra.get("tags").map(String::as_str),
        Some("syria; idlib")
    );
    assert_eq!(docs[0].record, Some(1));
}

#[test]
fn stdin_like_input_is_sniffed() {
    let reader = Reader::new(IngestOptions::default());
    let jsonl: Vec<_> = reader
        .read_bytes("-", b"{\"text\":\"A.\"}\n{\"text\":\"B.\"}\n")
        .collect();
    assert_eq!(jsonl.len(), 2);
    let html: Vec<_> = reader
        .read_bytes("-", b"<!doctype html><html><head><title>T</title></head><body><p>Body text here.</p></body></html>")
        .collect();
    assert_eq!(html.len(), 1);
    assert_eq!(html[0].as_ref().unwrap().format, InputFormat::Html);
    let _ = Input::Stdin;
}

#[test]
fn a_json_array_of_records_is_read_and_a_json_document_without_records_is_an_error() {
    let reader = Reader::new(IngestOptions::default());
    let array = b"[\n  {\"title\": \"One\", \"text\": \"First.\"},\n  {\"title\": \"Two\", \"text\": \"Second.\"},\n  42\n]\n";
    let docs: Vec<_> = reader.read_bytes("export.json", array).collect();
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[1].as_ref().unwrap().record, Some(2));
    assert!(docs[2].as_ref().unwrap_err().message.contains("element 3"));
}

#[test]
fn walking_a_folder_passes_over_scripts_and_images() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "report.txt",
        b"Shells hit Douma\n\nShells struck a market, medics said.\n",
    );
    write(dir.path(), "check.py", b"print('not an article')\n");
    write(dir.path(), "photo.png", b"\x89PNG\r\n\x1a\n\0\0");
    write(dir.path(), "NOTES", b"An extension-less file is read.\n");
    let reader = Reader::new(IngestOptions::default());
    let (docs, errors) = read_all(&reader, &[dir.path().to_path_buf()]);
    assert!(errors.is_empty(), "{errors:?}");
    let names: Vec<&str> = docs
        .iter()
        .map(|d| d.path.rsplit('/').next().unwrap())
        .collect();
    assert_eq!(names, ["NOTES", "report.txt"]);
}
