//! `/health`, `/articles`, `/articles/{id}` and `/search`.

use std::collections::BTreeMap;

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use crosscheck_schema::{ArticleAnalysis, ClaimStatus, InputFormat};
use crosscheck_store::{ArticleRow, ListQuery, Store};
use serde::{Deserialize, Serialize};

use crate::params::{self, ApiPath, ApiQuery};
use crate::{ApiError, AppState, Display};

/// Serialises an answer (on the blocking thread that built it).
pub(crate) fn json<T: Serialize>(value: &T) -> Result<Response, ApiError> {
    let bytes = serde_json::to_vec(value)
        .map_err(|e| ApiError::internal(format!("cannot encode the answer: {e}")))?;
    Ok(([(header::CONTENT_TYPE, "application/json")], bytes).into_response())
}

pub async fn health(State(state): State<AppState>) -> Result<Response, ApiError> {
    state
        .read(|store| {
            json(&serde_json::json!({
                "status": "ok",
                "api": "v1",
                "version": env!("CARGO_PKG_VERSION"),
                "schema": crosscheck_schema::SCHEMA,
                "store": store.counts()?,
            }))
        })
        .await
}

#[derive(Deserialize)]
pub struct ListParams {
    outlet: Option<String>,
    label: Option<String>,
    since: Option<String>,
    until: Option<String>,
    limit: Option<usize>,
    #[serde(default)]
    offset: usize,
}

/// One row of `/articles`: the store's indexed columns and how the article's
/// claims fared in linking.
#[derive(Serialize)]
struct ListRow {
    #[serde(flatten)]
    row: ArticleRow,
    statuses: StatusCounts,
}

#[derive(Default, Serialize)]
struct StatusCounts {
    corroborated: usize,
    contradicted: usize,
    single_source: usize,
}

fn status_counts(store: &Store, article: &str) -> Result<StatusCounts, ApiError> {
    let mut counts = StatusCounts::default();
    for (_, status) in store.claim_statuses(article)? {
        match status {
            ClaimStatus::Corroborated => counts.corroborated += 1,
            ClaimStatus::Contradicted => counts.contradicted += 1,
            ClaimStatus::SingleSource => counts.single_source += 1,
        }
    }
    Ok(counts)
}

pub async fn list(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<ListParams>,
) -> Result<Response, ApiError> {
    let query = ListQuery {
        outlet: params::non_empty(p.outlet),
        label: params::non_empty(p.label),
        since: params::date("since", p.since.as_deref())?,
        until: params::date("until", p.until.as_deref())?,
        limit: Some(params::limit(p.limit)?),
        offset: p.offset,
    };
    state
        .read(move |store| {
            let rows = store
                .list(&query)?
                .into_iter()
                .map(|row| {
                    Ok(ListRow {
                        statuses: status_counts(store, &row.id)?,
                        row,
                    })
                })
                .collect::<Result<Vec<_>, ApiError>>()?;
            json(&serde_json::json!({
                "articles": rows,
                "limit": query.limit,
                "offset": query.offset,
            }))
        })
        .await
}

/// `/articles/{id}`: everything the article view needs in one answer.
#[derive(Serialize)]
struct ArticleAnswer {
    article: ArticleAnalysis,
    /// The decoded source text every offset of `article` indexes.
    text: String,
    /// The events the article's claims belong to.
    events: Vec<String>,
    /// Claim id → the event holding it.
    claim_events: BTreeMap<String, String>,
    /// For HTML pages: the visible text and its map back to `text`.
    display: Option<Display>,
}

pub async fn article(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
) -> Result<Response, ApiError> {
    state
        .read(move |store| {
            let Some(stored) = store.article(&id)? else {
                return Err(ApiError::not_found(format!("no article with id {id:?}")));
            };
            let mut article = stored.analysis;
            // Claim statuses and credibility come from the last linking run, not
            // from the stored analysis.
            store.merge_links(&mut article)?;
            let events = store.article_events(&article.id)?;
            let mut claim_events = BTreeMap::new();
            for event in &events {
                if let Some(detail) = store.event(event)? {
                    let mine = format!("{}/", article.id);
                    for claim in detail.event.claims.iter().filter(|c| c.starts_with(&mine)) {
                        claim_events.insert(claim.clone(), event.clone());
                    }
                }
            }
            let display =
                (article.format == InputFormat::Html).then(|| Display::html(&stored.text));
            json(&ArticleAnswer {
                article,
                text: stored.text,
                events,
                claim_events,
                display,
            })
        })
        .await
}

#[derive(Deserialize)]
pub struct SearchParams {
    q: Option<String>,
    limit: Option<usize>,
}

pub async fn search(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<SearchParams>,
) -> Result<Response, ApiError> {
    let Some(q) = p.q.filter(|q| !q.trim().is_empty()) else {
        return Err(ApiError::bad_request(
            "search needs a query: /api/v1/search?q=WORDS",
        ));
    };
    let limit = params::limit(p.limit)?;
    state
        .read(move |store| {
            let hits = store.search(&q, limit)?;
            json(&serde_json::json!({ "query": q, "hits": hits }))
        })
        .await
}
