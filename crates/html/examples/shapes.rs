//! Times pathological page shapes: `deep N`, `wide N`, `links N`, `table N`,
//! `unclosed N`, `entities N`; a third argument `blocks` or `all` picks the strategy.
//!
//! `cargo run --release -p crosscheck-html --example shapes -- deep 10000`

fn main() {
    let mut args = std::env::args().skip(1);
    let shape = args.next().unwrap_or_else(|| "deep".to_string());
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10000);
    let para = "<p>Deep inside the page, the council said two shells landed near the school on Monday.</p>";
    let mut html = String::new();
    match shape.as_str() {
        "deep" => {
            html.push_str(&"<div>".repeat(n));
            html.push_str(para);
        }
        "wide" => html.push_str(&para.repeat(n)),
        "links" => {
            html.push_str("<ul>");
            html.push_str(&"<li><a href=\"/x\">Home page link</a></li>".repeat(n));
            html.push_str("</ul>");
            html.push_str(para);
        }
        "table" => {
            html.push_str("<table>");
            html.push_str(
                &"<tr><td>cell text here</td><td>another cell, with a comma</td></tr>".repeat(n),
            );
            html.push_str("</table>");
        }
        "unclosed" => html.push_str(&"<p><b><i><span>text ".repeat(n)),
        _ => html.push_str(&"&amp;&#8217; ".repeat(n)),
    }
    let strategy = match args.next().as_deref() {
        Some("blocks") => crosscheck_html::Strategy::Blocks,
        Some("all") => crosscheck_html::Strategy::AllText,
        _ => crosscheck_html::Strategy::Auto,
    };
    let t = std::time::Instant::now();
    let page = crosscheck_html::HtmlReader::new()
        .with_strategy(strategy)
        .read(&html);
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{shape} {n}: {:.1} KB in {:.1} ms ({:.1} MB/s), {:?}, view {} bytes",
        html.len() as f64 / 1e3,
        secs * 1e3,
        html.len() as f64 / 1e6 / secs,
        page.extraction.extractor,
        page.view.len()
    );
}
