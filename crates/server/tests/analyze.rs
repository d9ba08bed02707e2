//! `POST /api/v1/analyze`: plain text, HTML, JSON, CSV; storing and linking;
//! the errors a client can cause.

mod common;

use axum::http::StatusCode;
use common::{app, get, post, span};
use serde_json::{json, Value};

/// A report of the Maarat al-Numan market strike the corpus covers, with a
/// toll no stored report gives, curly quotes and an Arabic place name.
const REPORT: &str = "Jets strike Maarat al-Numan market, 60 dead\n\
Source: Orontes Courier\n\
October 16, 2016\n\n\
Air strikes hit the vegetable market of Maarat al-Numan (\u{645}\u{639}\u{631}\u{629} \u{627}\u{644}\u{646}\u{639}\u{645}\u{627}\u{646}) in Idlib province on Sunday, killing 60 people, the town\u{2019}s civil defence said.\n\n\
\u{201c}The planes came twice,\u{201d} a volunteer said. The Syrian military denied hitting civilians.\n";

fn check_claim_spans(article: &Value, text: &str) {
    let claims = article["claims"].as_array().unwrap();
    assert!(!claims.is_empty(), "the report states a toll");
    for claim in claims {
        let (s, e) = span(claim);
        let sentence = text
            .get(s..e)
            .unwrap_or_else(|| panic!("claim {} is not a slice of the posted text", claim["id"]));
        assert!(!sentence.trim().is_empty());
    }
}

#[tokio::test]
async fn plain_text_is_analysed_and_its_offsets_index_the_posted_text() {
    let answer = post(
        &app(),
        "/api/v1/analyze",
        "text/plain; charset=utf-8",
        REPORT,
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
    let v = answer.json();
    assert_eq!(v["schema"], "crosscheck/analysis/v1");
    assert_eq!(v["summary"]["documents"], 1);
    assert_eq!(v["summary"]["already_stored"], 0);
    let article = &v["articles"][0];
    assert_eq!(
        article["title"],
        "Jets strike Maarat al-Numan market, 60 dead"
    );
    assert_eq!(article["outlet"], "Orontes Courier");
    assert_eq!(article["format"], "text");
    assert_eq!(article["source"]["path"], "api:text");
    check_claim_spans(article, REPORT);
    let killed: Vec<u64> = article["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["event"]["killed"]["min"].as_u64())
        .collect();
    assert!(killed.contains(&60), "{killed:?}");
}

#[tokio::test]
async fn a_posted_report_is_linked_against_the_store_without_being_written() {
    let v = post(&app(), "/api/v1/analyze", "text/plain", REPORT)
        .await
        .json();
    let id = v["articles"][0]["id"].as_str().unwrap().to_string();
    // Linked with the stored reports of the same strike: the event holds them too.
    let event = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["articles"].as_array().unwrap().len() > 1)
        .unwrap_or_else(|| panic!("no shared event in {}", v["events"]));
    assert!(event["articles"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a == id.as_str()));
    assert!(v["articles"][0]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["status"].is_string()));
    // Nothing was written.
    assert_eq!(
        get(&app(), &format!("/api/v1/articles/{id}")).await.status,
        StatusCode::NOT_FOUND
    );

    let alone = post(&app(), "/api/v1/analyze?link=request", "text/plain", REPORT)
        .await
        .json();
    assert!(alone["events"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["articles"].as_array().unwrap().len() == 1));
    let none = post(&app(), "/api/v1/analyze?link=none", "text/plain", REPORT)
        .await
        .json();
    assert!(none["events"].as_array().unwrap().is_empty());
    assert!(none["articles"][0]["claims"][0].get("status").is_none());
}

#[tokio::test]
async fn an_html_page_is_read_for_its_visible_text_with_offsets_into_the_html() {
    let html = "<!doctype html><html><head><title>Market strike kills 60 in Maarat al-Numan</title>\
        <meta property=\"og:site_name\" content=\"Orontes Courier\"></head><body><nav>Home | World</nav>\
        <article><h1>Market strike kills 60 in Maarat al-Numan</h1>\
        <p>Air strikes hit the vegetable market of <b>Maarat al-Numan</b> in Idlib province on Sunday, \
        killing 60 people, the town&rsquo;s civil defence said.</p>\
        <p>The Syrian military denied hitting civilians and said it struck &ldquo;terrorist&rdquo; positions.</p>\
        </article></body></html>";
    let answer = post(&app(), "/api/v1/analyze", "text/html", html).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
    let v = answer.json();
    let article = &v["articles"][0];
    assert_eq!(article["format"], "html");
    assert_eq!(article["outlet"], "Orontes Courier");
    check_claim_spans(article, html);
    let display = crosscheck_server::Display::html(html);
    let claim = &article["claims"][0];
    let (s, e) = span(claim);
    let shown = display.slice(crosscheck_schema::Span::new(s, e));
    assert!(shown.contains("Maarat al-Numan in Idlib"), "{shown:?}");
    assert!(
        shown.contains("town\u{2019}s"),
        "entities decoded: {shown:?}"
    );
}

#[tokio::test]
async fn a_json_object_and_an_array_of_them_are_records() {
    let app = app();
    let one = json!({
        "title": "Shelling kills three in Douma",
        "text": "Government shelling killed three civilians in Douma on Tuesday, the Syrian Civil Defence said.",
        "date": "2017-03-14",
        "outlet": "Barada Daily",
        "url": "https://example.invalid/douma",
        "section": "world"
    });
    let v = post(&app, "/api/v1/analyze", "application/json", one.to_string())
        .await
        .json();
    let article = &v["articles"][0];
    assert_eq!(article["title"], "Shelling kills three in Douma");
    assert_eq!(article["outlet"], "Barada Daily");
    assert_eq!(article["published"], "2017-03-14");
    assert_eq!(article["url"], "https://example.invalid/douma");
    assert_eq!(article["metadata"]["section"], "world");
    assert_eq!(article["source"]["path"], "api:json");
    assert_eq!(article["source"]["record"], 1);
    check_claim_spans(article, one["text"].as_str().unwrap());

    let two = json!([one, {"title": "Rockets hit Sheikh Maqsoud", "text": "Rockets killed nine civilians in Sheikh Maqsoud on Friday, residents said.", "outlet": "Kobani Courier"}]);
    let v = post(&app, "/api/v1/analyze", "application/json", two.to_string())
        .await
        .json();
    let articles = v["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 2);
    assert_eq!(articles[1]["outlet"], "Kobani Courier");
    assert_eq!(articles[1]["source"]["record"], 2);
    assert_eq!(v["summary"]["documents"], 2);
}

#[tokio::test]
async fn json_lines_and_csv_bodies_are_read_like_files() {
    let app = app();
    let lines = "{\"title\": \"A\", \"text\": \"Shelling killed two people in Talbiseh on Monday, medics said.\"}\n\
                 not json\n\
                 {\"title\": \"B\", \"text\": \"An air strike killed four people in Saraqib on Monday, rescuers said.\"}\n";
    let v = post(&app, "/api/v1/analyze", "application/x-ndjson", lines)
        .await
        .json();
    assert_eq!(v["articles"].as_array().unwrap().len(), 2);
    let skipped = v["summary"]["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 1);
    assert_eq!(skipped[0]["line"], 2);

    let csv = "title,text,outlet\n\"Clashes in Rajo\",\"Turkish forces and the YPG clashed in Rajo on Sunday, killing seven fighters, a monitor said.\",Meridian Wire\n";
    let v = post(&app, "/api/v1/analyze", "text/csv", csv).await.json();
    assert_eq!(v["articles"][0]["outlet"], "Meridian Wire");
    assert_eq!(v["articles"][0]["format"], "csv");
}

#[tokio::test]
async fn bad_bodies_are_client_errors_with_a_reason() {
    let app = app();
    let cases: [(&str, &str, StatusCode, &str); 8] = [
        (
            "application/json",
            "{\"title\": ",
            StatusCode::BAD_REQUEST,
            "not valid JSON",
        ),
        (
            "application/json",
            "42",
            StatusCode::BAD_REQUEST,
            "expected a JSON object",
        ),
        (
            "application/json",
            "[]",
            StatusCode::BAD_REQUEST,
            "no article",
        ),
        (
            "application/json",
            "[{\"text\": \"x\"}, 3]",
            StatusCode::BAD_REQUEST,
            "element 1",
        ),
        (
            "application/json",
            "{\"title\": \"no text\"}",
            StatusCode::UNPROCESSABLE_ENTITY,
            "no text field",
        ),
        (
            "text/plain",
            "   \n ",
            StatusCode::UNPROCESSABLE_ENTITY,
            "nothing to analyse",
        ),
        (
            "text/plain",
            "",
            StatusCode::UNPROCESSABLE_ENTITY,
            "nothing to analyse",
        ),
        (
            "application/x-www-form-urlencoded",
            "a=b",
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Content-Type",
        ),
    ];
    for (content_type, body, status, words) in cases {
        let answer = post(&app, "/api/v1/analyze", content_type, body).await;
        assert_eq!(
            answer.status,
            status,
            "{content_type} {body:?}: {}",
            answer.text()
        );
        let error = answer.json()["error"].as_str().unwrap().to_string();
        assert!(error.contains(words), "{content_type} {body:?}: {error}");
    }
    let answer = post(&app, "/api/v1/analyze?store=perhaps", "text/plain", REPORT).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    let answer = post(
        &app,
        "/api/v1/analyze?store=true&link=request",
        "text/plain",
        REPORT,
    )
    .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_body_over_the_limit_is_a_413() {
    // The default limit, with a body one byte over it.
    let big = "a".repeat(crosscheck_server::DEFAULT_BODY_LIMIT + 1);
    let answer = post(&app(), "/api/v1/analyze", "text/plain", big).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    let v = answer.json();
    assert!(v["error"].as_str().unwrap().contains("limit"));
    assert_eq!(v["limit"], crosscheck_server::DEFAULT_BODY_LIMIT);

    // The request above has no Content-Length: it was cut while reading. One
    // that declares too much is refused before reading anything.
    let small = crosscheck_server::router(
        crosscheck_server::AppState::new(common::corpus_db()).with_body_limit(1024),
    );
    let request = axum::http::Request::post("/api/v1/analyze")
        .header("content-type", "text/plain")
        .header("content-length", "2048")
        .body(axum::body::Body::from("x".repeat(2048)))
        .unwrap();
    let answer = common::send(&small, request).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(answer.json()["limit"], 1024);
    // Under the limit, the small server analyses as usual.
    let answer = post(&small, "/api/v1/analyze", "text/plain", REPORT).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
}

#[tokio::test]
async fn storing_writes_the_article_and_relinks_like_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.db");
    common::fill_store(&db);
    let app = crosscheck_server::router(crosscheck_server::AppState::new(&db));
    let before = get(&app, "/api/v1/health").await.json()["store"]["articles"]
        .as_u64()
        .unwrap();

    let v = post(&app, "/api/v1/analyze?store=true", "text/plain", REPORT)
        .await
        .json();
    assert_eq!(v["summary"]["already_stored"], 0);
    let id = v["articles"][0]["id"].as_str().unwrap().to_string();
    let after = get(&app, "/api/v1/health").await.json()["store"]["articles"]
        .as_u64()
        .unwrap();
    assert_eq!(after, before + 1);

    // Readable like any stored article, with statuses from the new linking run.
    let stored = get(&app, &format!("/api/v1/articles/{id}")).await.json();
    assert_eq!(stored["text"], REPORT);
    check_claim_spans(&stored["article"], REPORT);
    assert!(stored["article"]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["status"].is_string()));
    let events = stored["events"].as_array().unwrap();
    assert!(!events.is_empty(), "the new report joined the stored links");
    let mut shared = false;
    for e in events {
        let detail = get(&app, &format!("/api/v1/events/{}", e.as_str().unwrap()))
            .await
            .json();
        shared |= detail["event"]["articles"].as_array().unwrap().len() > 1;
    }
    assert!(
        shared,
        "the new report shares an event with the stored reports of the strike"
    );

    // Storing again adds nothing.
    let again = post(&app, "/api/v1/analyze?store=true", "text/plain", REPORT)
        .await
        .json();
    assert_eq!(again["summary"]["already_stored"], 1);
    let last = get(&app, "/api/v1/health").await.json()["store"]["articles"]
        .as_u64()
        .unwrap();
    assert_eq!(last, after);
}

#[tokio::test]
async fn storing_creates_a_missing_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new").join("store.db");
    let app = crosscheck_server::router(crosscheck_server::AppState::new(&db));
    assert_eq!(
        get(&app, "/api/v1/health").await.status,
        StatusCode::SERVICE_UNAVAILABLE
    );
    let answer = post(&app, "/api/v1/analyze?store=true", "text/plain", REPORT).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
    let health = get(&app, "/api/v1/health").await.json();
    assert_eq!(health["store"]["articles"], 1);
}
