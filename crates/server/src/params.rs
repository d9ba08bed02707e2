//! Query strings and path segments, read so that a bad one is a JSON 400 like
//! every other error (axum's own extractors answer in plain text).

use axum::extract::{FromRequestParts, Path, Query};
use axum::http::request::Parts;
use chrono::NaiveDate;
use serde::de::DeserializeOwned;

use crate::ApiError;

/// How many rows a list answers when `limit` is not given.
pub const DEFAULT_LIMIT: usize = 50;
/// The most rows one list request answers.
pub const MAX_LIMIT: usize = 1000;

/// `Query<T>` with JSON errors.
pub struct ApiQuery<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiQuery<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        Query::<T>::try_from_uri(&parts.uri)
            .map(|Query(q)| ApiQuery(q))
            .map_err(|e| ApiError::bad_request(e.body_text()))
    }
}

/// `Path<T>` with JSON errors.
pub struct ApiPath<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiPath<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(p)| ApiPath(p))
            .map_err(|e| ApiError::bad_request(e.body_text()))
    }
}

/// `limit` as given, or the default, capped at [`MAX_LIMIT`]. `0` is refused:
/// a client asking for nothing has a bug.
pub fn limit(given: Option<usize>) -> Result<usize, ApiError> {
    match given {
        None => Ok(DEFAULT_LIMIT),
        Some(0) => Err(ApiError::bad_request(
            "limit must be at least 1 (at most 1000)",
        )),
        Some(n) => Ok(n.min(MAX_LIMIT)),
    }
}

/// A boolean flag: absent is false; `true`, `1`, `yes` and a bare `?flag` are
/// true; `false`, `0`, `no` are false.
pub fn flag(name: &str, given: Option<&str>) -> Result<bool, ApiError> {
    match given.map(str::trim) {
        None | Some("false" | "0" | "no") => Ok(false),
        Some("" | "true" | "1" | "yes") => Ok(true),
        Some(other) => Err(ApiError::bad_request(format!(
            "{name} must be true or false, not {other:?}"
        ))),
    }
}

/// An ISO date parameter (`2016-04-11`).
pub fn date(name: &str, given: Option<&str>) -> Result<Option<NaiveDate>, ApiError> {
    given
        .filter(|d| !d.trim().is_empty())
        .map(|d| {
            d.trim().parse::<NaiveDate>().map_err(|_| {
                ApiError::bad_request(format!("{name} must be a date like 2016-04-11, not {d:?}"))
            })
        })
        .transpose()
}

/// An empty filter (`?outlet=`) means no filter, as a form with an empty field sends it.
pub fn non_empty(given: Option<String>) -> Option<String> {
    given.filter(|s| !s.trim().is_empty())
}
