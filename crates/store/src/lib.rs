//! The embedded SQLite store: idempotent, crash-safe, full-text searchable.
