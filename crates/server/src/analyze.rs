//! `POST /api/v1/analyze`: articles in the request body, the
//! `crosscheck/analysis/v1` document out; with `?store=true` they are also
//! written to the store and linked against it, as `crosscheck analyze` does.

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;
use crosscheck_ingest::{IngestOptions, Reader};
use crosscheck_schema::{
    Analysis, ArticleAnalysis, Document, InputFormat, RunSummary, SkippedInput,
};
use crosscheck_store::{Store, StoreError, StoredDocument};
use http_body_util::{BodyExt, LengthLimitError, Limited};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::articles::json;
use crate::linking;
use crate::params::{self, ApiQuery};
use crate::state::blocking;
use crate::{ApiError, AppState};

#[derive(Deserialize)]
pub struct AnalyzeParams {
    store: Option<String>,
    link: Option<String>,
}

/// What the posted articles are linked against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Link {
    /// Everything the store holds (the default; nothing is written unless `store`).
    Store,
    /// Only the articles of this request.
    Request,
    None,
}

/// How the body is read, from its `Content-Type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BodyKind {
    Text,
    Html,
    /// One JSON object or an array of them.
    Json,
    Jsonl,
    Csv,
    Tsv,
}

impl BodyKind {
    fn from_headers(headers: &HeaderMap) -> Result<BodyKind, ApiError> {
        let given = headers
            .get(header::CONTENT_TYPE)
            .map(|v| v.to_str().unwrap_or("?"))
            .unwrap_or("text/plain");
        let mime = given
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        Ok(match mime.as_str() {
            "" | "text/plain" => BodyKind::Text,
            "text/html" | "application/xhtml+xml" => BodyKind::Html,
            "application/json" => BodyKind::Json,
            "application/x-ndjson" | "application/jsonl" | "application/x-jsonlines"
            | "application/json-lines" => BodyKind::Jsonl,
            "text/csv" => BodyKind::Csv,
            "text/tab-separated-values" => BodyKind::Tsv,
            _ => {
                return Err(ApiError::new(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    format!(
                        "cannot analyse a {given:?} body: send text/plain, text/html, application/json \
                         (an object {{title, text, date, outlet, url}} or an array of them), \
                         application/x-ndjson or text/csv (with curl: -H 'Content-Type: text/plain' \
                         --data-binary @article.txt)"
                    ),
                ))
            }
        })
    }

    /// The name the reader sees (its extension picks the format) and the path
    /// the articles are stored under.
    fn names(self) -> (&'static str, &'static str, InputFormat) {
        match self {
            BodyKind::Text => ("request.txt", "api:text", InputFormat::Text),
            BodyKind::Html => ("request.html", "api:html", InputFormat::Html),
            BodyKind::Json => ("request.jsonl", "api:json", InputFormat::Jsonl),
            BodyKind::Jsonl => ("request.jsonl", "api:jsonl", InputFormat::Jsonl),
            BodyKind::Csv => ("request.csv", "api:csv", InputFormat::Csv),
            BodyKind::Tsv => ("request.tsv", "api:tsv", InputFormat::Csv),
        }
    }
}

pub async fn analyze(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<AnalyzeParams>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let store = params::flag("store", p.store.as_deref())?;
    let link = match p.link.as_deref().map(str::trim) {
        None | Some("" | "store") => Link::Store,
        Some("request") => Link::Request,
        Some("none") => Link::None,
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "link must be store, request or none, not {other:?}"
            )))
        }
    };
    if store && link == Link::Request {
        return Err(ApiError::bad_request(
            "link=request cannot be combined with store=true: stored articles are linked against the whole store",
        ));
    }
    let kind = BodyKind::from_headers(&headers)?;
    let bytes = read_body(body, &headers, state.body_limit()).await?;
    blocking(move || run(&state, kind, &bytes, store, link)).await
}

async fn read_body(body: Body, headers: &HeaderMap, limit: usize) -> Result<Vec<u8>, ApiError> {
    let too_large = || {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "the request body is larger than the {:.1} MB limit: analyse large piles with `crosscheck analyze`",
                limit as f64 / 1e6
            ),
        )
        .with("limit", json!(limit))
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return Err(too_large());
    }
    match Limited::new(body, limit).collect().await {
        Ok(collected) => Ok(collected.to_bytes().to_vec()),
        Err(e) if e.downcast_ref::<LengthLimitError>().is_some() => Err(too_large()),
        Err(e) => Err(ApiError::bad_request(format!(
            "cannot read the request body: {e}"
        ))),
    }
}

fn run(
    state: &AppState,
    kind: BodyKind,
    body: &[u8],
    store: bool,
    link: Link,
) -> Result<Response, ApiError> {
    let (documents, mut skipped) = read_documents(kind, body)?;
    let engine = state.engine();
    let mut analysed: Vec<(Document, Vec<ArticleAnalysis>)> = Vec::with_capacity(documents.len());
    for doc in documents {
        match engine.pipeline.analyze_catching(&doc) {
            Ok(articles) => analysed.push((doc, articles)),
            Err(bug) => skipped.push(SkippedInput {
                path: doc.path.clone(),
                line: doc.record,
                offset: None,
                reason: format!("internal error while analysing (please report): {bug}"),
            }),
        }
    }
    if analysed.is_empty() {
        let reason = skipped.first().map_or_else(
            || "the body holds no article".to_string(),
            |s| s.reason.clone(),
        );
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("nothing to analyse: {reason}"),
        )
        .with("skipped", json!(skipped)));
    }

    let mut analysis = Analysis {
        articles: analysed
            .iter()
            .flat_map(|(_, a)| a.iter().cloned())
            .collect(),
        summary: RunSummary {
            documents: analysed.len() as u64,
            articles: analysed.iter().map(|(_, a)| a.len() as u64).sum(),
            bytes: analysed.iter().map(|(d, _)| d.text.len() as u64).sum(),
            already_stored: 0,
            skipped,
        },
        ..Analysis::default()
    };
    let pairs: Vec<(&ArticleAnalysis, &str)> = analysed
        .iter()
        .flat_map(|(doc, articles)| articles.iter().map(|a| (a, doc.text.as_str())))
        .collect();

    if store {
        // One writer at a time: linking reads the saved state, extends it and
        // saves it back.
        let _writing = state.write_lock();
        let mut db = Store::open(state.db_path())?;
        let batch: Vec<StoredDocument> = analysed
            .iter()
            .map(|(doc, articles)| {
                StoredDocument::new(
                    doc.path.clone(),
                    doc.record,
                    doc.text.clone(),
                    articles.clone(),
                )
            })
            .collect();
        let stats = db.insert_batch(&batch)?;
        analysis.summary.already_stored = stats.existing_articles;
        if link == Link::Store {
            let (mut linker, generation) = linking::load(Some(&db))?;
            linking::add(&mut linker, engine, &pairs);
            let result = linker.link();
            db.save_linker(&linker, &result, generation)?;
            linking::assess(&mut analysis, engine, Some((&linker, &result)));
            let credibility: Vec<_> = analysis
                .articles
                .iter()
                .filter_map(|a| a.credibility.clone().map(|c| (a.id.clone(), c)))
                .collect();
            db.set_credibility(&credibility)?;
            linking::restrict(&mut analysis, result);
        } else {
            linking::assess(&mut analysis, engine, None);
        }
    } else if link != Link::None {
        let db = if link == Link::Store {
            match Store::open_read_only(state.db_path()) {
                Ok(db) => Some(db),
                Err(StoreError::Missing { .. }) => None,
                Err(e) => return Err(e.into()),
            }
        } else {
            None
        };
        if let Some(db) = &db {
            let mut stored = 0;
            for (a, _) in &pairs {
                stored += u64::from(db.has_article(&a.id)?);
            }
            analysis.summary.already_stored = stored;
        }
        let (mut linker, _) = linking::load(db.as_ref())?;
        linking::add(&mut linker, engine, &pairs);
        let result = linker.link();
        linking::assess(&mut analysis, engine, Some((&linker, &result)));
        linking::restrict(&mut analysis, result);
    } else {
        linking::assess(&mut analysis, engine, None);
    }
    json(&analysis)
}

/// The documents of the body, and the records that could not be read.
fn read_documents(
    kind: BodyKind,
    body: &[u8],
) -> Result<(Vec<Document>, Vec<SkippedInput>), ApiError> {
    let (reader_name, path, format) = kind.names();
    let lines;
    let bytes = if kind == BodyKind::Json {
        lines = json_to_lines(body)?;
        lines.as_bytes()
    } else {
        body
    };
    let reader = Reader::new(IngestOptions {
        format: Some(format),
        ..IngestOptions::default()
    });
    let mut documents = Vec::new();
    let mut skipped = Vec::new();
    for doc in reader.read_bytes(reader_name, bytes) {
        match doc {
            Ok(mut doc) => {
                doc.path = path.to_string();
                documents.push(doc);
            }
            Err(e) => skipped.push(SkippedInput {
                path: path.to_string(),
                line: e.line,
                offset: e.offset,
                reason: e.message,
            }),
        }
    }
    Ok((documents, skipped))
}

/// A JSON object, or an array of objects, as JSON Lines: records then read
/// exactly like those of a `.jsonl` file (the same field names, the same
/// checks), and element `i` becomes record `i + 1`.
fn json_to_lines(body: &[u8]) -> Result<String, ApiError> {
    let value: Value = serde_json::from_slice(body)
        .map_err(|e| ApiError::bad_request(format!("the body is not valid JSON: {e}")))?;
    let records = match value {
        Value::Object(_) => vec![value],
        Value::Array(items) if items.is_empty() => {
            return Err(ApiError::bad_request("the JSON array holds no article"))
        }
        Value::Array(items) => items,
        _ => {
            return Err(ApiError::bad_request(
                "expected a JSON object {title, text, date, outlet, url} or an array of them",
            ))
        }
    };
    let mut lines = String::new();
    for (i, record) in records.iter().enumerate() {
        if !record.is_object() {
            return Err(ApiError::bad_request(format!(
                "element {i} of the array is not a JSON object"
            )));
        }
        // Serialising a parsed value cannot fail, and writes no raw line break.
        lines.push_str(&serde_json::to_string(record).unwrap_or_default());
        lines.push('\n');
    }
    Ok(lines)
}
