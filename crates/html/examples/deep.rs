fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(100000);
    let mut html = String::new();
    for _ in 0..n { html.push_str("<div>"); }
    html.push_str("<p>Deep inside the page, the council said two shells landed near the school on Monday.</p>");
    let t = std::time::Instant::now();
    let page = crosscheck_html::HtmlReader::new().read(&html);
    println!("{n}: {:?} {:?} {:?}", t.elapsed(), page.extraction, &page.view[..page.view.len().min(40)]);
}
