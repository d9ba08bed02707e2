//! The web UI's files, and the byte-offset conversion it relies on.

mod common;

use std::path::Path;
use std::process::Command;

use axum::http::StatusCode;
use common::{app, get};

#[tokio::test]
async fn the_page_and_its_files_are_served_from_the_binary() {
    let app = app();
    let page = get(&app, "/").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.content_type.starts_with("text/html"));
    let html = page.text();
    assert!(html.contains("<main id=\"main\""));
    for file in ["/static/app.css", "/static/app.js", "/static/offsets.js"] {
        assert!(html.contains(file), "the page loads {file}");
        let answer = get(&app, file).await;
        assert_eq!(answer.status, StatusCode::OK, "{file}");
        assert!(!answer.body.is_empty());
    }
    assert!(get(&app, "/static/app.js")
        .await
        .content_type
        .starts_with("text/javascript"));
    assert!(get(&app, "/static/app.css")
        .await
        .content_type
        .starts_with("text/css"));
    let missing = get(&app, "/static/secret.txt").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.json()["error"].is_string());
    assert_eq!(
        get(&app, "/static/..%2FCargo.toml").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_page_allows_only_its_own_scripts() {
    let response = tower::ServiceExt::oneshot(
        app(),
        axum::http::Request::get("/")
            .body(axum::body::Body::empty())
            .unwrap(),
    )
    .await
    .unwrap();
    let csp = response.headers()["content-security-policy"]
        .to_str()
        .unwrap();
    assert!(csp.contains("script-src 'self'"));
    assert!(!csp.contains("unsafe-inline"));
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
}

#[test]
fn the_ui_never_puts_text_into_the_page_as_html() {
    let js = include_str!("../static/app.js");
    for forbidden in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
    ] {
        assert!(!js.contains(forbidden), "app.js uses {forbidden}");
    }
}

/// offsets.js turns UTF-8 byte offsets into JavaScript string indices. Run it
/// under Node when Node is installed: curly quotes (3 bytes, 1 unit), Arabic
/// (2 bytes, 1 unit), an emoji (4 bytes, 2 units), and an HTML page's map.
#[test]
fn byte_offsets_become_string_indices_under_node() {
    if Command::new("node").arg("--version").output().is_err() {
        println!("skipped: node is not installed");
        return;
    }
    let offsets = Path::new(env!("CARGO_MANIFEST_DIR")).join("static/offsets.js");
    let script = r#"
const assert = require('assert');
const { ByteIndex, SourceMap, Locator } = require(process.argv[1]);
const bytes = (s) => Buffer.byteLength(s, 'utf8');

// "“Nine dead,” medics said in معرة النعمان 😀 today."
const text = '\u201cNine dead,\u201d medics said in \u0645\u0639\u0631\u0629 \u0627\u0644\u0646\u0639\u0645\u0627\u0646 \ud83d\ude00 today.';
const index = new ByteIndex(text);
assert.strictEqual(index.byteLength, bytes(text));
const spanOf = (word) => {
  const at = bytes(text.slice(0, text.indexOf(word)));
  return [at, at + bytes(word)];
};
for (const word of ['\u201cNine dead,\u201d', 'medics', '\u0645\u0639\u0631\u0629 \u0627\u0644\u0646\u0639\u0645\u0627\u0646', '\ud83d\ude00', 'today.']) {
  const [s, e] = spanOf(word);
  assert.strictEqual(text.slice(index.start(s), index.end(e)), word, word);
}
// An offset inside a character widens to the whole character, never splits it.
const [qs] = spanOf('\u201c');
assert.strictEqual(text.slice(index.start(qs + 1), index.end(qs + 1)), '\u201c');
const [es] = spanOf('\ud83d\ude00');
assert.strictEqual(text.slice(index.start(es + 2), index.end(es + 3)), '\ud83d\ude00');
// Out of range is clamped, not an exception.
assert.strictEqual(index.end(10 ** 9), text.length);
assert.strictEqual(index.start(-5), 0);

// An HTML page: "<p>Hi <b>Douma</b> &amp; Idlib</p>" shown as "Hi Douma & Idlib".
const html = '<p>Hi <b>Douma</b> &amp; Idlib</p>';
const shown = 'Hi Douma & Idlib';
const anchors = [[0, 3], [3, 9], [8, 18], [9, 19], [10, 24]];
const loc = new Locator(shown, anchors);
const src = (word) => [html.indexOf(word), html.indexOf(word) + bytes(word)];
assert.strictEqual(loc.slice(...src('Douma')), 'Douma');
assert.strictEqual(loc.slice(...src('Idlib')), 'Idlib');
assert.strictEqual(loc.slice(html.indexOf('Hi'), html.indexOf('Idlib') + 5), 'Hi Douma & Idlib');
assert.strictEqual(loc.slice(html.indexOf('&amp;'), html.indexOf('&amp;') + 5), '&');
assert.strictEqual(loc.slice(0, 3), '');
// Identity map for plain text.
const plain = new Locator(text, null);
assert.strictEqual(plain.slice(...spanOf('medics')), 'medics');
console.log('offsets ok');
"#;
    let out = Command::new("node")
        .arg("-e")
        .arg(script)
        .arg(&offsets)
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "node failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("offsets ok"));
}
