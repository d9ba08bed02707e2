//! The UI in a real browser: headless Chromium loads each view from a server
//! on a loopback port and the rendered DOM is checked. Ignored by default
//! (`cargo test -p crosscheck-server --test browser -- --ignored`); skipped when
//! `chromium` is not installed (`apt-get install chromium`).

mod common;

use std::net::SocketAddr;
use std::process::Command;

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser"].into_iter().find(|c| {
        Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// The DOM of `url` once its scripts have run.
fn dump_dom(browser: &str, url: &str) -> String {
    let out = Command::new(browser)
        .args([
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--virtual-time-budget=5000",
            "--dump-dom",
            url,
        ])
        .output()
        .expect("chromium runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The text of serialised DOM (tags dropped; enough for these pages).
fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium; run with --ignored"]
async fn every_view_renders_in_chromium() {
    let Some(browser) = chromium() else {
        println!("skipped: chromium is not installed");
        return;
    };
    let listener = tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0)))
        .await
        .unwrap();
    let addr = listener.local_addr().unwrap();
    let app = common::app();
    let server = tokio::spawn(async move { axum::serve(listener, app).await });
    let base = format!("http://{addr}/");

    let list = tokio::task::spawn_blocking({
        let (browser, base) = (browser.to_string(), base.clone());
        move || dump_dom(&browser, &format!("{base}#/"))
    })
    .await
    .unwrap();
    assert!(
        list.contains("Air strikes on Idlib market kill at least 35, monitor says"),
        "{list}"
    );
    assert!(list.contains("badge contradicted"));

    // The article with the comment thread: Ma’arrat al-Nu’man has curly
    // apostrophes, so every highlight after them depends on the byte → index
    // conversion; the first claim's highlight must hold its whole sentence.
    let article = tokio::task::spawn_blocking({
        let (browser, base) = (browser.to_string(), base.clone());
        move || dump_dom(&browser, &format!("{base}#/article/5b905c03"))
    })
    .await
    .unwrap();
    assert!(article.contains("id=\"claim-span-0\""), "{article}");
    let start = article.find("id=\"claim-span-0\"").unwrap();
    let first = &article[start..];
    let first = &first[first.find('>').unwrap() + 1..];
    let shown = strip_tags(first);
    assert!(
        shown.starts_with(
            "Monday’s massacre in the vegetable market of Ma’arrat al-Nu’man killed 41"
        ),
        "{}",
        &shown[..shown.len().min(200)]
    );
    assert!(article.contains("removed: comment thread"));
    assert!(article.contains("class=\"claim-item contradicted\""));

    // The HTML page is shown as visible text, not markup.
    let html = tokio::task::spawn_blocking({
        let (browser, base) = (browser.to_string(), base.clone());
        move || dump_dom(&browser, &format!("{base}#/article/af77afd3ad60acca"))
    })
    .await
    .unwrap();
    assert!(html.contains("Forty-three ISIS terrorists"), "{html}");
    assert!(
        !html.contains("&lt;p"),
        "no escaped tags in the visible-text view"
    );

    let events = tokio::task::spawn_blocking({
        let (browser, base) = (browser.to_string(), base.clone());
        move || dump_dom(&browser, &format!("{base}#/events?contradicted=true"))
    })
    .await
    .unwrap();
    let id_at = events.find("href=\"#/event/").expect("an event link");
    let id: String = events[id_at + 14..]
        .chars()
        .take_while(|c| *c != '"')
        .collect();
    let event = tokio::task::spawn_blocking({
        let (browser, base) = (browser.to_string(), base.clone());
        move || dump_dom(&browser, &format!("{base}#/event/{id}"))
    })
    .await
    .unwrap();
    assert!(event.contains("Side by side"), "{event}");
    assert!(event.contains("class=\"sbs\""));
    assert!(event.contains("class=\"conflict\""));
    server.abort();
}
