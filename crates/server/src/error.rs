//! Errors: what a request gets back (`{"error": "..."}` with a status code) and
//! what can stop the server itself.

use std::net::SocketAddr;

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use crosscheck_store::StoreError;
use serde_json::{json, Map, Value};

/// Why [`crate::serve`] stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot start the server's threads: {0}")]
    Runtime(#[source] std::io::Error),
    #[error("the server stopped: {0}")]
    Serve(#[source] std::io::Error),
}

/// An error answer: a status code and `{"error": message, ...details}`.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
    /// Extra members of the error object (`candidates` of an ambiguous id, the
    /// `skipped` inputs of an analysis that read nothing).
    pub details: Map<String, Value>,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
            details: Map::new(),
        }
    }

    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, message)
    }

    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, message)
    }

    pub fn with(mut self, key: &str, value: Value) -> ApiError {
        self.details.insert(key.to_string(), value);
        self
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        let message = e.to_string();
        match e {
            StoreError::Query { .. } | StoreError::EmptyId => ApiError::bad_request(message),
            StoreError::LinkConflict { .. } => ApiError::new(StatusCode::CONFLICT, message),
            StoreError::AmbiguousId {
                candidates, more, ..
            } => ApiError::new(StatusCode::CONFLICT, message)
                .with("candidates", json!(candidates))
                .with("more", json!(more)),
            // The store is not there or not usable by this build: the server is
            // up, the data is not.
            StoreError::Missing { .. }
            | StoreError::NeedsMigration { .. }
            | StoreError::TooNew { .. }
            | StoreError::NotADatabase { .. }
            | StoreError::ForeignDatabase { .. }
            | StoreError::Open { .. } => ApiError::new(StatusCode::SERVICE_UNAVAILABLE, message),
            StoreError::HashMismatch { .. }
            | StoreError::Corrupt { .. }
            | StoreError::Sqlite { .. } => ApiError::internal(message),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut body = Map::new();
        body.insert("error".to_string(), Value::String(self.message));
        body.extend(self.details);
        let bytes = serde_json::to_vec(&Value::Object(body)).unwrap_or_default();
        (
            self.status,
            [(header::CONTENT_TYPE, "application/json")],
            bytes,
        )
            .into_response()
    }
}

pub async fn not_found() -> ApiError {
    ApiError::not_found("no such endpoint (the API is under /api/v1, see docs/api.md)")
}

pub async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method not allowed on this endpoint",
    )
}
