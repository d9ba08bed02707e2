//! The web UI: one HTML page, a stylesheet and two scripts, compiled into the
//! binary. Views are routed in the page (`#/article/ID`), so the server only
//! ever serves these files.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::params::ApiPath;
use crate::ApiError;

const INDEX: &str = include_str!("../static/index.html");

/// `(name, content type, content)` of every file under `/static/`.
const ASSETS: &[(&str, &str, &str)] = &[
    (
        "app.css",
        "text/css; charset=utf-8",
        include_str!("../static/app.css"),
    ),
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_str!("../static/app.js"),
    ),
    (
        "offsets.js",
        "text/javascript; charset=utf-8",
        include_str!("../static/offsets.js"),
    ),
];

/// Headers every UI file carries: no sniffing, no framing, and a content
/// security policy that allows only this server's own scripts and styles, so
/// even a mistake in escaping could not run injected code.
fn headers(content_type: &'static str) -> [(header::HeaderName, &'static str); 4] {
    [
        (header::CONTENT_TYPE, content_type),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        ),
    ]
}

pub async fn index() -> Response {
    (headers("text/html; charset=utf-8"), INDEX).into_response()
}

pub async fn asset(ApiPath(file): ApiPath<String>) -> Response {
    match ASSETS.iter().find(|(name, _, _)| *name == file) {
        Some((_, content_type, content)) => {
            (StatusCode::OK, headers(content_type), *content).into_response()
        }
        None => ApiError::not_found(format!("no file /static/{file}")).into_response(),
    }
}
