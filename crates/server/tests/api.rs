//! The read endpoints over a store filled from the sample corpus.

mod common;

use std::collections::BTreeSet;

use axum::http::StatusCode;
use common::{app, get, span};
use serde_json::Value;

#[tokio::test]
async fn health_counts_what_the_store_holds() {
    let answer = get(&app(), "/api/v1/health").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(answer.content_type.starts_with("application/json"));
    let v = answer.json();
    assert_eq!(v["status"], "ok");
    assert_eq!(v["schema"], "crosscheck/analysis/v1");
    // Ten files: the compilation holds three articles, the JSON Lines feed four.
    assert_eq!(v["store"]["articles"], 15);
    assert_eq!(v["store"]["documents"], 13);
    assert_eq!(
        v["store"]["schema_version"],
        crosscheck_store::schema_version()
    );
}

#[tokio::test]
async fn a_missing_store_is_a_503_that_says_where_it_looked() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nothing-here.db");
    let app = crosscheck_server::router(crosscheck_server::AppState::new(&db));
    let answer = get(&app, "/api/v1/health").await;
    assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
    let error = answer.json()["error"].as_str().unwrap().to_string();
    assert!(error.contains("nothing-here.db"), "{error}");
    assert!(!db.exists(), "reading must not create the store");
}

#[tokio::test]
async fn articles_are_listed_by_date_with_their_claim_statuses() {
    let v = get(&app(), "/api/v1/articles").await.json();
    let rows = v["articles"].as_array().unwrap();
    assert_eq!(rows.len(), 15);
    assert_eq!(v["limit"], 50);
    let dates: Vec<&str> = rows
        .iter()
        .filter_map(|r| r["published"].as_str())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "dated articles come in date order");
    for row in rows {
        let counts = &row["statuses"];
        let linked = counts["corroborated"].as_u64().unwrap()
            + counts["contradicted"].as_u64().unwrap()
            + counts["single_source"].as_u64().unwrap();
        assert_eq!(
            linked,
            row["claims"].as_u64().unwrap(),
            "every claim of {} was linked",
            row["id"]
        );
    }
    let contradicted: u64 = rows
        .iter()
        .map(|r| r["statuses"]["contradicted"].as_u64().unwrap())
        .sum();
    assert!(
        contradicted > 0,
        "the Maarat al-Numan market reports disagree on the toll"
    );
}

#[tokio::test]
async fn articles_filter_by_outlet_and_page() {
    let app = app();
    let v = get(&app, "/api/v1/articles?outlet=levant%20wire")
        .await
        .json();
    let rows = v["articles"].as_array().unwrap();
    assert!(rows.len() >= 2);
    assert!(rows.iter().all(|r| r["outlet"] == "Levant Wire"));

    let first = get(&app, "/api/v1/articles?limit=2").await.json();
    let second = get(&app, "/api/v1/articles?limit=2&offset=2").await.json();
    let all = get(&app, "/api/v1/articles").await.json();
    let ids = |v: &Value| -> Vec<String> {
        v["articles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        [ids(&first), ids(&second)].concat(),
        ids(&all)[..4].to_vec()
    );

    let none = get(&app, "/api/v1/articles?since=2030-01-01").await.json();
    assert_eq!(none["articles"].as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn bad_list_parameters_are_400s_in_json() {
    let app = app();
    for uri in [
        "/api/v1/articles?limit=abc",
        "/api/v1/articles?limit=0",
        "/api/v1/articles?offset=-1",
        "/api/v1/articles?since=yesterday",
        "/api/v1/events?contradicted=maybe",
    ] {
        let answer = get(&app, uri).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(answer.json()["error"].as_str().is_some(), "{uri}");
    }
}

async fn article_ids() -> Vec<(String, String)> {
    let v = get(&app(), "/api/v1/articles").await.json();
    v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_string(),
                r["format"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[tokio::test]
async fn every_span_of_every_article_slices_the_returned_text() {
    let app = app();
    for (id, _) in article_ids().await {
        let answer = get(&app, &format!("/api/v1/articles/{id}")).await;
        assert_eq!(answer.status, StatusCode::OK, "{id}");
        let v = answer.json();
        let text = v["text"].as_str().unwrap();
        let article = &v["article"];
        assert_eq!(article["id"], id.as_str());
        let (start, end) = span(&article["source"]);
        assert!(text.get(start..end).is_some(), "{id}: article region");
        for claim in article["claims"].as_array().unwrap() {
            let (s, e) = span(claim);
            let sentence = text
                .get(s..e)
                .unwrap_or_else(|| panic!("{id}: claim {} is not a slice", claim["id"]));
            assert!(!sentence.trim().is_empty());
            assert!(s >= start && e <= end, "{id}: claim inside the article");
            assert!(
                claim["status"].is_string(),
                "{id}: claim statuses are merged from linking"
            );
        }
        for removal in article["removed"].as_array().unwrap() {
            let (s, e) = span(removal);
            assert!(text.get(s..e).is_some(), "{id}: removal");
        }
        for signal in article["signals"].as_array().unwrap() {
            for evidence in signal["evidence"].as_array().unwrap() {
                let (s, e) = span(evidence);
                assert!(
                    text.get(s..e).is_some(),
                    "{id}: {} evidence",
                    signal["kind"]
                );
            }
        }
    }
}

#[tokio::test]
async fn an_article_lists_its_events_and_which_claim_is_in_which() {
    let v = get(&app(), "/api/v1/articles/ec7c30532525e179")
        .await
        .json();
    assert_eq!(v["article"]["outlet"], "Levant Wire");
    assert!(v["display"].is_null(), "a text file is shown as it is");
    let events: BTreeSet<&str> = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.as_str().unwrap())
        .collect();
    assert!(!events.is_empty());
    let claim_events = v["claim_events"].as_object().unwrap();
    assert!(!claim_events.is_empty());
    for (claim, event) in claim_events {
        assert!(claim.starts_with("ec7c30532525e179/c"));
        assert!(events.contains(event.as_str().unwrap()));
    }
}

#[tokio::test]
async fn an_html_article_comes_with_its_visible_text_and_a_map_into_the_html() {
    let (id, _) = article_ids()
        .await
        .into_iter()
        .find(|(_, f)| f == "html")
        .expect("the corpus has an HTML page");
    let v = get(&app(), &format!("/api/v1/articles/{id}")).await.json();
    let html = v["text"].as_str().unwrap();
    assert!(html.contains("<html") || html.contains("<!DOCTYPE") || html.contains("<!doctype"));
    let display = crosscheck_server::Display::html(html);
    assert_eq!(v["display"]["text"], display.text.as_str());
    assert!(!display.text.contains("<p"), "tags are stripped");
    for claim in v["article"]["claims"].as_array().unwrap() {
        let (s, e) = span(claim);
        let shown = display.slice(crosscheck_schema::Span::new(s, e));
        assert!(
            !shown.trim().is_empty(),
            "claim {} shows in the visible text",
            claim["id"]
        );
        assert!(!shown.contains('<'), "{shown}");
    }
}

#[tokio::test]
async fn an_id_prefix_finds_the_article_and_an_ambiguous_one_is_a_409() {
    let app = app();
    let v = get(&app, "/api/v1/articles/ec7c3053").await.json();
    assert_eq!(v["article"]["id"], "ec7c30532525e179");

    // A first hex digit two stored ids share.
    let ids: Vec<String> = article_ids().await.into_iter().map(|(id, _)| id).collect();
    let prefix = ids
        .iter()
        .map(|id| &id[..1])
        .find(|p| ids.iter().filter(|id| id.starts_with(p)).count() > 1)
        .expect("two of fifteen ids share a first digit");
    let answer = get(&app, &format!("/api/v1/articles/{prefix}")).await;
    assert_eq!(answer.status, StatusCode::CONFLICT);
    let v = answer.json();
    assert!(v["error"].as_str().unwrap().contains("ambiguous"));
    let candidates = v["candidates"].as_array().unwrap();
    assert!(candidates.len() >= 2);
    assert!(candidates
        .iter()
        .all(|c| c.as_str().unwrap().starts_with(prefix)));
}

#[tokio::test]
async fn an_unknown_article_is_a_404() {
    let app = app();
    for id in ["0000000000000000", "no-such-article", "%E2%80%99"] {
        let answer = get(&app, &format!("/api/v1/articles/{id}")).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{id}");
        assert!(answer.json()["error"]
            .as_str()
            .unwrap()
            .contains("no article"));
    }
}

#[tokio::test]
async fn search_finds_articles_and_points_at_the_matching_sentence() {
    let app = app();
    let v = get(&app, "/api/v1/search?q=%22vegetable%20market%22")
        .await
        .json();
    let hits = v["hits"].as_array().unwrap();
    assert!(!hits.is_empty());
    for hit in hits {
        let id = hit["article"].as_str().unwrap();
        let article = get(&app, &format!("/api/v1/articles/{id}")).await.json();
        let text = article["text"].as_str().unwrap();
        let (s, e) = span(&hit["span"]);
        let sentence = text.get(s..e).unwrap().to_lowercase();
        assert!(sentence.contains("vegetable"), "{sentence}");
        assert!(sentence.contains("market"), "{sentence}");
    }
    let limited = get(&app, "/api/v1/search?q=market&limit=1").await.json();
    assert_eq!(limited["hits"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn a_query_fts5_cannot_parse_is_a_400_with_the_reason() {
    let app = app();
    let answer = get(&app, "/api/v1/search?q=%22unbalanced").await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    let error = answer.json()["error"].as_str().unwrap().to_string();
    assert!(error.contains("invalid search query"), "{error}");

    let answer = get(&app, "/api/v1/search?q=al-Bab").await;
    assert_eq!(
        answer.status,
        StatusCode::BAD_REQUEST,
        "unquoted punctuation is FTS5 syntax"
    );

    for uri in ["/api/v1/search", "/api/v1/search?q=%20%20"] {
        let answer = get(&app, uri).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(answer.json()["error"]
            .as_str()
            .unwrap()
            .contains("needs a query"));
    }
}

#[tokio::test]
async fn events_list_and_the_contradicted_filter() {
    let app = app();
    let all = get(&app, "/api/v1/events?limit=1000").await.json();
    let all = all["events"].as_array().unwrap().clone();
    assert!(!all.is_empty());
    let contradicted = get(&app, "/api/v1/events?contradicted=true&limit=1000")
        .await
        .json();
    let contradicted = contradicted["events"].as_array().unwrap().clone();
    assert!(!contradicted.is_empty());
    assert!(contradicted.len() < all.len());
    for e in &contradicted {
        assert!(
            !e["contradicted_fields"].as_array().unwrap().is_empty(),
            "{}",
            e["id"]
        );
    }
    let with_fields = all
        .iter()
        .filter(|e| !e["contradicted_fields"].as_array().unwrap().is_empty())
        .count();
    assert_eq!(with_fields, contradicted.len());
    let page = get(&app, "/api/v1/events?contradicted=true&limit=1&offset=1")
        .await
        .json();
    assert_eq!(page["events"][0]["id"], contradicted[1]["id"]);
}

#[tokio::test]
async fn an_event_shows_each_claim_with_its_sentence_and_its_article() {
    let app = app();
    let list = get(&app, "/api/v1/events?contradicted=true&limit=1000")
        .await
        .json();
    // The market strike: the event with the most articles.
    let event = list["events"]
        .as_array()
        .unwrap()
        .iter()
        .max_by_key(|e| e["articles"].as_array().unwrap().len())
        .unwrap()
        .clone();
    let id = event["id"].as_str().unwrap();
    let v = get(&app, &format!("/api/v1/events/{id}")).await.json();
    assert_eq!(v["event"]["id"], id);
    let contradictions = v["contradictions"].as_array().unwrap();
    assert!(!contradictions.is_empty());
    let claims = v["claims"].as_array().unwrap();
    assert_eq!(claims.len(), v["event"]["claims"].as_array().unwrap().len());
    let outlets: BTreeSet<&str> = claims
        .iter()
        .filter_map(|c| c["article"]["outlet"].as_str())
        .collect();
    assert!(outlets.len() >= 2, "{outlets:?}");
    for c in claims {
        let sentence = c["sentence"].as_str().unwrap();
        assert!(!sentence.trim().is_empty());
        assert!(
            !sentence.contains("<p"),
            "HTML claims are shown as visible text"
        );
        assert!(c["article"]["title"].is_string());
        for m in c["marks"].as_array().unwrap() {
            let (s, e) = span(m);
            assert!(
                sentence.get(s..e).is_some_and(|t| !t.is_empty()),
                "mark {m} in {sentence:?}"
            );
        }
    }
    // Each side of a contradiction is one of the event's claims.
    for c in contradictions {
        let field = c["field"].as_str().unwrap();
        for side in c["claims"].as_array().unwrap() {
            let claim = claims
                .iter()
                .find(|x| x["claim"]["id"] == side["claim"])
                .expect("the side is listed");
            assert!(["killed", "injured", "date", "place", "actor"].contains(&field));
            assert_eq!(side["article"], claim["article"]["id"]);
        }
    }
}

#[tokio::test]
async fn an_unknown_event_is_a_404() {
    let answer = get(&app(), "/api/v1/events/e0000000000000000").await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert!(answer.json()["error"]
        .as_str()
        .unwrap()
        .contains("no event"));
}

#[tokio::test]
async fn unknown_endpoints_and_methods_answer_in_json() {
    let app = app();
    let answer = get(&app, "/api/v1/nothing").await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert!(answer.json()["error"].is_string());
    let answer = common::post(&app, "/api/v1/articles", "text/plain", "x").await;
    assert_eq!(answer.status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(answer.json()["error"].is_string());
    let answer = get(&app, "/api/v1/analyze").await;
    assert_eq!(answer.status, StatusCode::METHOD_NOT_ALLOWED);
}
