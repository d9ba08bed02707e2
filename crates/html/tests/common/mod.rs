//! Checks shared by the integration tests: an independent tag stripper and the
//! offset invariant every page must satisfy.

#![allow(dead_code)]

mod entities;

use crosscheck_html::HtmlPage;

/// Elements whose content a reader does not see.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "textarea", "title", "iframe", "svg", "math",
    "select", "object", "canvas", "audio", "video", "datalist", "noembed", "noframes", "xmp",
];

fn named(name: &str) -> Option<char> {
    // A no-break space compares as whitespace.
    if name == "nbsp" {
        return Some(' ');
    }
    entities::lookup(name)
}

/// Windows-1252 for the C1 range, as HTML decodes `&#128;`..`&#159;`.
const CP1252: [u32; 32] = [
    0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039,
    0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc,
    0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/// `123;`, `x7B` ...: digits taken greedily, `;` optional, as browsers do.
fn numeric(s: &str) -> Option<(char, usize)> {
    let (hex, skip) = if s.starts_with(['x', 'X']) {
        (true, 1)
    } else {
        (false, 0)
    };
    let digits: String = s[skip..]
        .chars()
        .take_while(|c| {
            if hex {
                c.is_ascii_hexdigit()
            } else {
                c.is_ascii_digit()
            }
        })
        .collect();
    if digits.is_empty() {
        return None;
    }
    let value = u32::from_str_radix(&digits, if hex { 16 } else { 10 }).unwrap_or(u32::MAX);
    let c = match value {
        0 => '\u{fffd}',
        0x80..=0x9f => char::from_u32(CP1252[(value - 0x80) as usize]).unwrap_or('\u{fffd}'),
        v => char::from_u32(v).unwrap_or('\u{fffd}'),
    };
    let mut len = skip + digits.len();
    if s[len..].starts_with(';') {
        len += 1;
    }
    Some((c, len))
}

fn decode(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let decoded = if let Some(num) = after.strip_prefix('#') {
            numeric(num).map(|(c, len)| (c, len + 1))
        } else {
            let end = after.find(';').filter(|&e| e <= 32);
            end.and_then(|e| named(&after[..e]).map(|c| (c, e + 1)))
        };
        // A few names decode without ';' when no letter or digit follows.
        let decoded = decoded.or_else(|| {
            let word: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            let legacy = ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg", "shy"];
            let semi = after[word.len()..].starts_with(';');
            (legacy.contains(&word.as_str()) && !semi)
                .then(|| named(&word).map(|c| (c, word.len())))
                .flatten()
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

/// The offset of the `>` closing the tag at the start of `s`, following HTML's
/// tokenizer: a quoted value (after a name and `=`) may contain `>`.
fn tag_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let bogus_end = s.starts_with("</") && !s[2..].starts_with(|c: char| c.is_ascii_alphabetic());
    if s.starts_with("<!") || s.starts_with("<?") || bogus_end {
        return s.find('>');
    }
    // Tag name.
    let mut i = 1;
    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'/' && b[i] != b'>' {
        i += 1;
    }
    loop {
        // Before an attribute name.
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        match b.get(i)? {
            b'>' => return Some(i),
            _ => i += 1, // the name's first character, '=' included
        }
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let mut j = i;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        if b.get(j) != Some(&b'=') {
            continue;
        }
        j += 1;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        match b.get(j)? {
            &q @ (b'"' | b'\'') => i = j + 1 + s[j + 1..].find(q as char)? + 1,
            b'>' => i = j,
            _ => {
                i = j;
                while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
            }
        }
    }
}

/// The attributes of a complete tag (`<name ...>`), names lowercased.
fn attributes(tag: &str) -> Vec<(String, String)> {
    let b = tag.as_bytes();
    let end = b.len().saturating_sub(1);
    let mut out = Vec::new();
    let mut i = 1;
    while i < end && !b[i].is_ascii_whitespace() && b[i] != b'/' {
        i += 1;
    }
    while i < end {
        while i < end && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= end {
            break;
        }
        let start = i;
        i += 1;
        while i < end && !b[i].is_ascii_whitespace() && !matches!(b[i], b'/' | b'=') {
            i += 1;
        }
        let name = tag[start..i].to_ascii_lowercase();
        let mut j = i;
        while j < end && b[j].is_ascii_whitespace() {
            j += 1;
        }
        let mut value = String::new();
        if j < end && b[j] == b'=' {
            j += 1;
            while j < end && b[j].is_ascii_whitespace() {
                j += 1;
            }
            if j < end && (b[j] == b'"' || b[j] == b'\'') {
                let close = tag[j + 1..end]
                    .find(b[j] as char)
                    .map_or(end, |c| j + 1 + c);
                value = tag[j + 1..close].to_string();
                i = close + 1;
            } else {
                let v0 = j;
                while j < end && !b[j].is_ascii_whitespace() {
                    j += 1;
                }
                value = tag[v0..j].to_string();
                i = j;
            }
        }
        out.push((name, value));
    }
    out
}

/// The text of an HTML fragment: tags and comments removed, the content of
/// scripts, styles and hidden elements dropped, entities decoded.
pub fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        decode(&rest[..lt], &mut out);
        rest = &rest[lt..];
        if let Some(body) = rest.strip_prefix("<!--") {
            // "<!-->" and "<!--->" are empty comments.
            rest = if let Some(r) = body.strip_prefix('>').or_else(|| body.strip_prefix("->")) {
                r
            } else {
                body.find("-->").map_or("", |e| &body[e + 3..])
            };
            continue;
        }
        let opener = rest[1..].chars().next();
        if !opener.is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?')) {
            // "<" not followed by a tag name is text, as in browsers.
            out.push('<');
            rest = &rest[1..];
            continue;
        }
        let name: String = rest[1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let Some(gt) = tag_end(rest) else {
            rest = "";
            break;
        };
        let tag = &rest[..=gt];
        rest = &rest[gt + 1..];
        let void = [
            "meta", "link", "br", "hr", "img", "input", "wbr", "source", "area", "embed",
        ];
        let hidden = !void.contains(&name.as_str())
            && attributes(tag).iter().any(|(n, v)| {
                n == "hidden"
                    || (n == "style"
                        && v.replace(' ', "")
                            .to_ascii_lowercase()
                            .contains("display:none"))
            });
        if !name.is_empty() && (SKIPPED.contains(&name.as_str()) || hidden) && !tag.ends_with("/>")
        {
            let close = format!("</{name}");
            rest = match rest.to_ascii_lowercase().find(&close) {
                Some(c) => rest[c..].find('>').map_or("", |g| &rest[c + g + 1..]),
                None => "",
            };
        }
    }
    decode(rest, &mut out);
    out
}

/// Whitespace (and invisible characters) removed: how texts are compared.
pub fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !c.is_whitespace() && !matches!(c, '\u{ad}' | '\u{200b}' | '\u{2060}' | '\u{feff}')
        })
        .filter(|c| !c.is_control())
        .collect()
}

/// The byte spans of the view's paragraphs.
pub fn paragraphs(view: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for p in view.split("\n\n") {
        out.push((pos, pos + p.len()));
        pos += p.len() + 2;
    }
    out.retain(|&(a, b)| b > a);
    out
}

/// Checks the offset invariant of a page read from `html`; returns the number
/// of paragraphs checked. Panics with a description of the first violation.
pub fn check_offsets(html: &str, page: &HtmlPage) -> usize {
    check_map(html, page, true)
}

/// The structural half of [`check_offsets`] only: char boundaries, order, and
/// paragraphs mapping to disjoint, ordered spans (for markup where this test
/// file's simple tag stripper cannot say what a browser shows).
pub fn check_map_structure(html: &str, page: &HtmlPage) -> usize {
    check_map(html, page, false)
}

fn check_map(html: &str, page: &HtmlPage, compare_text: bool) -> usize {
    // Every mapped offset of a char boundary is a char boundary of the page, and
    // the map never goes backwards.
    let mut last = 0;
    for (i, _) in page
        .view
        .char_indices()
        .chain(std::iter::once((page.view.len(), ' ')))
    {
        let s = page.map.to_source(i);
        assert!(s <= html.len(), "offset {s} past the page end");
        assert!(
            html.is_char_boundary(s),
            "view offset {i} maps inside a character ({s}): view {:?} page {:?}",
            &page.view[i.saturating_sub(20).min(i)..i],
            String::from_utf8_lossy(
                &html.as_bytes()[s.saturating_sub(20)..(s + 20).min(html.len())]
            )
        );
        assert!(
            s >= last,
            "map goes backwards at view offset {i}: {last} then {s}"
        );
        last = s;
        let e = page.map.end_to_source(i);
        assert!(
            html.is_char_boundary(e),
            "end of view offset {i} maps inside a character ({e})"
        );
    }
    let spans = paragraphs(&page.view);
    let mut prev_end = 0;
    for &(a, b) in &spans {
        let (s, e) = (page.map.to_source(a), page.map.end_to_source(b));
        assert!(
            s < e,
            "paragraph {a}..{b} maps to an empty or reversed span {s}..{e}"
        );
        assert!(
            s >= prev_end,
            "paragraph {a}..{b} overlaps the previous one in the page"
        );
        prev_end = e;
        if !compare_text {
            continue;
        }
        let want = squeeze(&page.view[a..b]);
        let got = squeeze(&strip_tags(&html[s..e]));
        if got != want {
            let at = got
                .chars()
                .zip(want.chars())
                .take_while(|(x, y)| x == y)
                .count();
            let around = |t: &str| {
                t.chars()
                    .skip(at.saturating_sub(30))
                    .take(60)
                    .collect::<String>()
            };
            panic!(
                "paragraph {a}..{b} vs source {s}..{e} differ at char {at}:\n source: {:?}\n view:   {:?}\n html: {:?}",
                around(&got),
                around(&want),
                html[s..e].chars().take(400).collect::<String>()
            );
        }
    }
    spans.len()
}
