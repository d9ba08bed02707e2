//! A store filled from the sample corpus (`examples/corpus`) the way
//! `crosscheck analyze` fills it: pipeline → insert_batch → link → save_links.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use crosscheck_core::Pipeline;
use crosscheck_ingest::{expand, IngestOptions, Reader};
use crosscheck_lexicon::{Actors, Gazetteer};
use crosscheck_link::{Lexicons, LinkConfig, LinkInput, Linker};
use crosscheck_store::{LinkSnapshot, Store, StoredDocument};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus")
}

/// Fills a new store at `db` from `examples/corpus`.
pub fn fill_store(db: &Path) {
    let reader = Reader::new(IngestOptions::default());
    let pipeline = Pipeline::new();
    let mut docs = Vec::new();
    for input in expand(&[corpus_dir()]) {
        let input = input.expect("the corpus folder is readable");
        for doc in reader.read(&input) {
            let doc = doc.expect("every corpus file reads");
            let articles = pipeline.analyze(&doc);
            docs.push(StoredDocument::new(
                doc.path, doc.record, doc.text, articles,
            ));
        }
    }
    let mut store = Store::open(db).expect("a new store opens");
    store.insert_batch(&docs).expect("the corpus is stored");

    let (places, actors) = (Gazetteer::new(), Actors::new());
    let lexicons = Lexicons {
        places: &places,
        actors: &actors,
    };
    let mut linker = Linker::new(LinkConfig::default());
    for doc in &docs {
        for article in &doc.articles {
            linker.add(
                LinkInput {
                    article,
                    text: &doc.text,
                },
                &lexicons,
            );
        }
    }
    let result = linker.link();
    let state = serde_json::to_vec(&linker).expect("the linker serialises");
    store
        .save_links(&LinkSnapshot {
            state: &state,
            groups: &result.groups,
            events: &result.events,
            contradictions: &result.contradictions,
            corroborations: &result.corroborations,
            statuses: &result.statuses,
        })
        .expect("the links are saved");
}

/// One read-only corpus store shared by the tests of a binary (they never write to it).
pub fn corpus_db() -> &'static Path {
    static DB: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = DB.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temp dir");
        let path = dir.path().join("corpus.db");
        fill_store(&path);
        (dir, path)
    });
    path
}

pub fn app() -> Router {
    crosscheck_server::router(crosscheck_server::AppState::new(corpus_db()))
}

pub struct Answer {
    pub status: StatusCode,
    pub content_type: String,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

pub async fn send(app: &Router, request: Request<Body>) -> Answer {
    let response = app
        .clone()
        .oneshot(request)
        .await
        .expect("the router answers");
    let status = response.status();
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let body = response
        .into_body()
        .collect()
        .await
        .expect("a body")
        .to_bytes()
        .to_vec();
    Answer {
        status,
        content_type,
        body,
    }
}

pub async fn get(app: &Router, uri: &str) -> Answer {
    send(
        app,
        Request::get(uri).body(Body::empty()).expect("a request"),
    )
    .await
}

pub async fn post(app: &Router, uri: &str, content_type: &str, body: impl Into<Body>) -> Answer {
    let request = Request::post(uri)
        .header(header::CONTENT_TYPE, content_type)
        .body(body.into())
        .expect("a request");
    send(app, request).await
}

/// `start..end` of a JSON span object.
pub fn span(v: &Value) -> (usize, usize) {
    (
        v["start"].as_u64().expect("start") as usize,
        v["end"].as_u64().expect("end") as usize,
    )
}
