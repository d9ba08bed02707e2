//! What every request shares: the store's path, a pool of read-only
//! connections, the analysis engine (built on first use) and the write lock.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use crosscheck_core::Pipeline;
use crosscheck_lexicon::{Actors, Gazetteer};
use crosscheck_store::Store;

use crate::ApiError;

/// The largest request body `POST /api/v1/analyze` accepts by default (8 MiB).
pub const DEFAULT_BODY_LIMIT: usize = 8 << 20;

/// Idle read-only connections kept for reuse; more are opened under load and
/// closed when returned to a full pool.
const MAX_IDLE_STORES: usize = 16;

/// The server's shared state. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    db: PathBuf,
    idle: Mutex<Vec<Store>>,
    engine: OnceLock<Engine>,
    /// Held by a request that stores and relinks: linking reads the saved state,
    /// extends it and saves it, so two such requests must not interleave.
    write: Mutex<()>,
    body_limit: usize,
}

/// The pipeline and the lexicons linking needs. Building them takes a moment,
/// so a server that only reads never does.
pub(crate) struct Engine {
    pub pipeline: Pipeline,
    pub places: Gazetteer,
    pub actors: Actors,
}

impl AppState {
    /// State for the store at `db`. Nothing is opened yet: a missing store makes
    /// reads answer 503 until one is created.
    pub fn new(db: impl Into<PathBuf>) -> AppState {
        AppState {
            inner: Arc::new(Inner {
                db: db.into(),
                idle: Mutex::new(Vec::new()),
                engine: OnceLock::new(),
                write: Mutex::new(()),
                body_limit: DEFAULT_BODY_LIMIT,
            }),
        }
    }

    /// The same state with another request body limit for `POST /api/v1/analyze`.
    pub fn with_body_limit(self, bytes: usize) -> AppState {
        AppState {
            inner: Arc::new(Inner {
                db: self.inner.db.clone(),
                idle: Mutex::new(Vec::new()),
                engine: OnceLock::new(),
                write: Mutex::new(()),
                body_limit: bytes,
            }),
        }
    }

    pub fn db_path(&self) -> &Path {
        &self.inner.db
    }

    pub fn body_limit(&self) -> usize {
        self.inner.body_limit
    }

    pub(crate) fn engine(&self) -> &Engine {
        self.inner.engine.get_or_init(|| Engine {
            pipeline: Pipeline::new(),
            places: Gazetteer::new(),
            actors: Actors::new(),
        })
    }

    /// Serialises the requests that write to the store.
    pub(crate) fn write_lock(&self) -> std::sync::MutexGuard<'_, ()> {
        self.inner
            .write
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Runs `f` with a read-only connection on a blocking thread (SQLite calls
    /// block, and a `Store` cannot be shared between threads).
    pub(crate) async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    {
        let state = self.clone();
        blocking(move || {
            let store = state.take_store()?;
            let out = f(&store);
            state.give_store(store);
            out
        })
        .await
    }

    fn take_store(&self) -> Result<Store, ApiError> {
        let idle = self
            .inner
            .idle
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop();
        match idle {
            Some(store) => Ok(store),
            None => Ok(Store::open_read_only(&self.inner.db)?),
        }
    }

    fn give_store(&self, store: Store) {
        let mut idle = self
            .inner
            .idle
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if idle.len() < MAX_IDLE_STORES {
            idle.push(store);
        }
    }
}

/// Runs blocking work off the async threads. A panic inside (a bug, never the
/// caller's input) becomes a 500 for this request alone.
pub(crate) async fn blocking<T, F>(f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, ApiError> + Send + 'static,
{
    match tokio::task::spawn_blocking(f).await {
        Ok(out) => out,
        Err(e) => Err(ApiError::internal(format!(
            "internal error while answering (please report): {e}"
        ))),
    }
}
