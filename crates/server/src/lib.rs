//! The HTTP JSON API and the web UI over a crosscheck store.
//!
//! `crosscheck serve` runs this: a small axum server that reads the embedded
//! store (`crosscheck-store`) and answers JSON under `/api/v1`, and serves a
//! single-page web UI at `/` where a person reads an article with its claims,
//! removals and signals highlighted, and sees one event's conflicting claims side
//! by side. `POST /api/v1/analyze` runs the pipeline on a posted article and can
//! store and link it like `crosscheck analyze` does. Every endpoint, parameter and
//! response shape is in `docs/api.md`.
//!
//! ```no_run
//! use std::net::SocketAddr;
//! use std::path::PathBuf;
//!
//! let addr: SocketAddr = "127.0.0.1:8080".parse().unwrap();
//! crosscheck_server::serve_blocking(addr, PathBuf::from("crosscheck.db"))?;
//! # Ok::<(), crosscheck_server::ServerError>(())
//! ```
//!
//! Tests drive [`router`] directly, without a socket:
//!
//! ```no_run
//! # async fn f() {
//! use tower::ServiceExt; // oneshot
//! let app = crosscheck_server::router(crosscheck_server::AppState::new("crosscheck.db"));
//! let request = axum::http::Request::get("/api/v1/health").body(axum::body::Body::empty()).unwrap();
//! let response = app.oneshot(request).await.unwrap();
//! # }
//! ```
//!
//! A `Store` is one SQLite connection (`Send`, not `Sync`), so reads run on
//! tokio's blocking threads, each borrowing a read-only connection from a small
//! pool; writes (`?store=true`) take one writable connection at a time. The UI is
//! plain HTML, CSS and JavaScript compiled into the binary: nothing is built with
//! npm and nothing is downloaded at build or run time.
//!
//! What it does not do: authentication, TLS, or rate limiting. Bind it to
//! loopback (the default) or put it behind a proxy that does those.

mod analyze;
mod articles;
mod display;
mod error;
mod events;
mod linking;
mod params;
mod state;
mod ui;

use std::net::SocketAddr;
use std::path::PathBuf;

use axum::routing::{get, post};
use axum::Router;

pub use display::Display;
pub use error::{ApiError, ServerError};
pub use state::{AppState, DEFAULT_BODY_LIMIT};

/// The whole application: the API under `/api/v1`, the UI at `/` and `/static/*`.
pub fn router(state: AppState) -> Router {
    let api = Router::new()
        .route("/health", get(articles::health))
        .route("/articles", get(articles::list))
        .route("/articles/{id}", get(articles::article))
        .route("/search", get(articles::search))
        .route("/events", get(events::list))
        .route("/events/{id}", get(events::event))
        .route("/analyze", post(analyze::analyze))
        .fallback(error::not_found)
        .method_not_allowed_fallback(error::method_not_allowed);
    Router::new()
        .nest("/api/v1", api)
        .route("/", get(ui::index))
        .route("/static/{file}", get(ui::asset))
        .fallback(error::not_found)
        .method_not_allowed_fallback(error::method_not_allowed)
        .with_state(state)
}

/// Serves the API and the UI for the store at `db` on `addr` until Ctrl-C.
///
/// The store need not exist yet: reads answer 503 until `crosscheck analyze` (or
/// `POST /api/v1/analyze?store=true`) creates it.
pub async fn serve(addr: SocketAddr, db: PathBuf) -> Result<(), ServerError> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| ServerError::Bind { addr, source })?;
    let bound = listener.local_addr().unwrap_or(addr);
    eprintln!(
        "crosscheck: serving {} at http://{bound}/ (Ctrl-C to stop)",
        db.display()
    );
    let app = router(AppState::new(db));
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            // If the signal handler cannot be installed, serve until killed.
            if tokio::signal::ctrl_c().await.is_err() {
                std::future::pending::<()>().await;
            }
        })
        .await
        .map_err(ServerError::Serve)
}

/// [`serve`] on a multi-threaded tokio runtime of its own, for callers (the CLI)
/// that are not async.
pub fn serve_blocking(addr: SocketAddr, db: PathBuf) -> Result<(), ServerError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(ServerError::Runtime)?;
    runtime.block_on(serve(addr, db))
}
