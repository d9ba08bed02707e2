//! The HTTP JSON API and the web UI over a crosscheck store.
