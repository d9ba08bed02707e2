//! Content sniffing: does a text look like an HTML page?

/// Tags that open an HTML document in practice (WHATWG's sniffing list and the
/// usual first tags of a saved page).
const OPENERS: &[&[u8]] = &[
    b"<!doctype html",
    b"<html",
    b"<head",
    b"<body",
    b"<meta",
    b"<title",
    b"<script",
    b"<style",
    b"<link",
    b"<iframe",
    b"<h1",
    b"<div",
    b"<font",
    b"<table",
    b"<a",
    b"<b",
    b"<br",
    b"<p",
    b"<article",
    b"<section",
    b"<header",
    b"<nav",
    b"<main",
    b"<span",
];

/// Whether `text` looks like an HTML page: it starts (after a BOM, whitespace
/// and comments) with a typical first tag, or starts with markup and declares
/// `<html` or an HTML doctype in its first 4 KiB.
pub fn looks_like_html(text: &str) -> bool {
    let head = &text.as_bytes()[..text.len().min(4096)];
    let head = head
        .strip_prefix(b"\xef\xbb\xbf")
        .unwrap_or(head)
        .trim_ascii_start();
    if head.first() != Some(&b'<') {
        return false;
    }
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    if memchr::memmem::find(&lower, b"<html").is_some()
        || memchr::memmem::find(&lower, b"<!doctype html").is_some()
    {
        return true;
    }
    let mut rest = &lower[..];
    while rest.starts_with(b"<!--") {
        match memchr::memmem::find(rest, b"-->") {
            Some(end) => rest = rest[end + 3..].trim_ascii_start(),
            None => return false,
        }
    }
    OPENERS.iter().any(|tag| {
        rest.starts_with(tag)
            && rest
                .get(tag.len())
                .is_some_and(|&b| b == b'>' || b == b'/' || b.is_ascii_whitespace())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_and_fragments() {
        assert!(looks_like_html(
            "<!DOCTYPE html><html><body>x</body></html>"
        ));
        assert!(looks_like_html("\u{feff}\n  <html lang=\"ar\">"));
        assert!(looks_like_html(
            "<!-- saved page --><div class=\"story\"><p>Hi</p></div>"
        ));
        assert!(looks_like_html(
            "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">"
        ));
        assert!(looks_like_html("<p>Text</p>"));
    }

    #[test]
    fn text_json_and_csv_are_not_html() {
        assert!(!looks_like_html(
            "Damascus, 4 May (Reuters) - <b>Shelling</b> hit the town."
        ));
        assert!(!looks_like_html("{\"text\": \"<p>hi</p>\"}"));
        assert!(!looks_like_html("id,text\n1,\"<p>x</p>\""));
        assert!(!looks_like_html(
            "<?xml version=\"1.0\"?><rss><channel/></rss>"
        ));
        assert!(!looks_like_html("<<<>>> not markup"));
        assert!(!looks_like_html(""));
    }
}
