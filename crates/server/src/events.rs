//! `/events` and `/events/{id}`: what linking found, with what the side-by-side
//! view needs to show each claim (its sentence, its article).

use std::collections::{BTreeMap, HashMap, HashSet};

use axum::extract::State;
use axum::response::Response;
use chrono::NaiveDate;
use crosscheck_schema::{Claim, InputFormat, Span};
use crosscheck_store::{EventDetail, Store};
use serde::{Deserialize, Serialize};

use crate::articles::json;
use crate::params::{self, ApiPath, ApiQuery};
use crate::{ApiError, AppState, Display};

#[derive(Deserialize)]
pub struct EventParams {
    limit: Option<usize>,
    #[serde(default)]
    offset: usize,
    contradicted: Option<String>,
}

#[derive(Serialize)]
struct EventRow {
    #[serde(flatten)]
    event: crosscheck_schema::Event,
    /// The fields claims about this event disagree on.
    contradicted_fields: Vec<String>,
}

pub async fn list(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<EventParams>,
) -> Result<Response, ApiError> {
    let limit = params::limit(p.limit)?;
    let only_contradicted = params::flag("contradicted", p.contradicted.as_deref())?;
    let offset = p.offset;
    state
        .read(move |store| {
            // Filtered before paging, so pages hold only contradicted events.
            let rows = store
                .events(limit, offset, only_contradicted)?
                .into_iter()
                .map(|event| {
                    Ok(EventRow {
                        contradicted_fields: store.contradicted_fields(&event.id)?,
                        event,
                    })
                })
                .collect::<Result<Vec<EventRow>, ApiError>>()?;
            json(&serde_json::json!({ "events": rows, "limit": limit, "offset": offset }))
        })
        .await
}

/// `/events/{id}`: the event, its contradictions and corroborations, and each
/// claim with its sentence and its article's title, outlet and date.
#[derive(Serialize)]
struct EventAnswer {
    #[serde(flatten)]
    detail: EventDetail,
    claims: Vec<EventClaim>,
}

#[derive(Serialize)]
struct EventClaim {
    /// The claim with its linking status.
    claim: Claim,
    article: ArticleSummary,
    /// The claim's sentence as a reader sees it (visible text for HTML pages).
    sentence: String,
    /// Byte ranges in `sentence` of the event frame's values.
    marks: Vec<Mark>,
}

#[derive(Serialize)]
struct ArticleSummary {
    id: String,
    title: Option<String>,
    outlet: Option<String>,
    published: Option<NaiveDate>,
    url: Option<String>,
    format: InputFormat,
}

#[derive(Serialize)]
struct Mark {
    /// `killed`, `injured`, `date`, `place`, `actor`, `target`, `trigger`.
    field: &'static str,
    start: usize,
    end: usize,
}

pub async fn event(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
) -> Result<Response, ApiError> {
    state
        .read(move |store| {
            let Some(detail) = store.event(&id)? else {
                return Err(ApiError::not_found(format!("no event with id {id:?}")));
            };
            let claims = event_claims(store, &detail)?;
            json(&EventAnswer { detail, claims })
        })
        .await
}

fn event_claims(store: &Store, detail: &EventDetail) -> Result<Vec<EventClaim>, ApiError> {
    // Claim ids are `<article>/c<n>`: load each article once.
    let mut by_article: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for claim in &detail.event.claims {
        let article = claim.split('/').next().unwrap_or(claim);
        by_article.entry(article).or_default().push(claim);
    }
    let mut found: HashMap<String, EventClaim> = HashMap::new();
    for (article_id, wanted) in by_article {
        let Some(stored) = store.article(article_id).ok().flatten() else {
            // Linking saw an article the store no longer holds: show the rest.
            continue;
        };
        let mut analysis = stored.analysis;
        store.merge_links(&mut analysis)?;
        let display = (analysis.format == InputFormat::Html).then(|| Display::html(&stored.text));
        let wanted: HashSet<&str> = wanted.into_iter().collect();
        let summary = |a: &crosscheck_schema::ArticleAnalysis| ArticleSummary {
            id: a.id.clone(),
            title: a.title.clone(),
            outlet: a.outlet.clone(),
            published: a.published,
            url: a.url.clone(),
            format: a.format,
        };
        for claim in analysis
            .claims
            .iter()
            .filter(|c| wanted.contains(c.id.as_str()))
        {
            let span = Span::new(claim.start, claim.end);
            let (sentence, marks) = match &display {
                Some(d) => {
                    let shown = d.span(span);
                    let marks = marks(
                        claim,
                        |s| {
                            let s = d.span(s);
                            Span::new(
                                s.start.saturating_sub(shown.start),
                                s.end.saturating_sub(shown.start),
                            )
                        },
                        shown.len(),
                    );
                    (shown.slice(&d.text).to_string(), marks)
                }
                None => (
                    span.slice(&stored.text).to_string(),
                    marks(
                        claim,
                        |s| {
                            Span::new(
                                s.start.saturating_sub(span.start),
                                s.end.saturating_sub(span.start),
                            )
                        },
                        span.len(),
                    ),
                ),
            };
            found.insert(
                claim.id.clone(),
                EventClaim {
                    claim: claim.clone(),
                    article: summary(&analysis),
                    sentence,
                    marks,
                },
            );
        }
    }
    // In the event's order (articles by publication).
    Ok(detail
        .event
        .claims
        .iter()
        .filter_map(|c| found.remove(c))
        .collect())
}

/// The frame's value spans, relative to the claim's sentence; those outside it
/// (a date from the dateline) are left out.
fn marks(claim: &Claim, relative: impl Fn(Span) -> Span, len: usize) -> Vec<Mark> {
    let Some(frame) = &claim.event else {
        return Vec::new();
    };
    let inside = |s: Span| s.start >= claim.start && s.end <= claim.end && s.start < s.end;
    let mut spans: Vec<(&'static str, Span)> =
        vec![("trigger", Span::new(frame.trigger.start, frame.trigger.end))];
    if let Some(a) = &frame.actor {
        spans.push(("actor", Span::new(a.start, a.end)));
    }
    if let Some(t) = &frame.target {
        spans.push(("target", Span::new(t.start, t.end)));
    }
    if let Some(p) = &frame.place {
        spans.push(("place", Span::new(p.start, p.end)));
    }
    if let Some(d) = &frame.date {
        spans.push(("date", Span::new(d.start, d.end)));
    }
    if let Some(k) = &frame.killed {
        spans.push(("killed", Span::new(k.start, k.end)));
    }
    if let Some(i) = &frame.injured {
        spans.push(("injured", Span::new(i.start, i.end)));
    }
    let mut out: Vec<Mark> = spans
        .into_iter()
        .filter(|(_, s)| inside(*s))
        .map(|(field, s)| {
            let r = relative(s);
            Mark {
                field,
                start: r.start.min(len),
                end: r.end.min(len),
            }
        })
        .filter(|m| m.start < m.end)
        .collect();
    out.sort_by_key(|m| (m.start, m.end));
    out
}
