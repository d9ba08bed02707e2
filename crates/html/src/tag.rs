//! Tag names and attributes, read straight off the bytes of a start tag.

/// The elements the visible-text stream treats specially; everything else is
/// an inline element (`Other`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tag {
    Html,
    Head,
    Body,
    Title,
    Meta,
    Link,
    Script,
    Style,
    Noscript,
    Template,
    Textarea,
    Iframe,
    Xmp,
    Noembed,
    Noframes,
    Plaintext,
    Svg,
    Math,
    Select,
    Object,
    Canvas,
    Audio,
    Video,
    P,
    Heading(u8),
    Li,
    List,
    Dl,
    Dt,
    Dd,
    Blockquote,
    Pre,
    Table,
    Caption,
    Tr,
    Cell,
    Div,
    Section,
    Article,
    Main,
    Header,
    Footer,
    Nav,
    Aside,
    Form,
    Button,
    Figure,
    Figcaption,
    /// Other block-level containers (address, details, fieldset, center, ...).
    Block,
    Br,
    Hr,
    A,
    Time,
    /// A void element that is neither `br` nor `hr` (img, input, ...).
    Void,
    Other,
}

impl Tag {
    /// Classifies an element name (any case).
    pub(crate) fn from_name(name: &[u8]) -> Tag {
        let mut buf = [0u8; 12];
        if name.len() > buf.len() {
            return Tag::Other;
        }
        for (b, &n) in buf.iter_mut().zip(name) {
            *b = n.to_ascii_lowercase();
        }
        match &buf[..name.len()] {
            b"html" => Tag::Html,
            b"head" => Tag::Head,
            b"body" => Tag::Body,
            b"title" => Tag::Title,
            b"meta" => Tag::Meta,
            b"link" => Tag::Link,
            b"script" => Tag::Script,
            b"style" => Tag::Style,
            b"noscript" => Tag::Noscript,
            b"template" => Tag::Template,
            b"textarea" => Tag::Textarea,
            b"iframe" => Tag::Iframe,
            b"xmp" => Tag::Xmp,
            b"noembed" => Tag::Noembed,
            b"noframes" => Tag::Noframes,
            b"plaintext" => Tag::Plaintext,
            b"svg" => Tag::Svg,
            b"math" => Tag::Math,
            b"select" | b"datalist" => Tag::Select,
            b"object" => Tag::Object,
            b"canvas" => Tag::Canvas,
            b"audio" => Tag::Audio,
            b"video" => Tag::Video,
            b"p" => Tag::P,
            b"h1" => Tag::Heading(1),
            b"h2" => Tag::Heading(2),
            b"h3" => Tag::Heading(3),
            b"h4" => Tag::Heading(4),
            b"h5" => Tag::Heading(5),
            b"h6" => Tag::Heading(6),
            b"li" => Tag::Li,
            b"ul" | b"ol" | b"menu" | b"dir" => Tag::List,
            b"dl" => Tag::Dl,
            b"dt" => Tag::Dt,
            b"dd" => Tag::Dd,
            b"blockquote" => Tag::Blockquote,
            b"pre" | b"listing" => Tag::Pre,
            b"table" => Tag::Table,
            b"caption" => Tag::Caption,
            b"tr" => Tag::Tr,
            b"td" | b"th" => Tag::Cell,
            b"div" => Tag::Div,
            b"section" => Tag::Section,
            b"article" => Tag::Article,
            b"main" => Tag::Main,
            b"header" => Tag::Header,
            b"footer" => Tag::Footer,
            b"nav" => Tag::Nav,
            b"aside" => Tag::Aside,
            b"form" => Tag::Form,
            b"button" => Tag::Button,
            b"figure" => Tag::Figure,
            b"figcaption" => Tag::Figcaption,
            b"address" | b"center" | b"details" | b"dialog" | b"fieldset" | b"hgroup"
            | b"legend" | b"summary" | b"tbody" | b"thead" | b"tfoot" | b"frameset" | b"option"
            | b"optgroup" | b"search" => Tag::Block,
            b"br" => Tag::Br,
            b"hr" => Tag::Hr,
            b"a" => Tag::A,
            b"time" => Tag::Time,
            b"area" | b"base" | b"col" | b"embed" | b"img" | b"input" | b"param" | b"source"
            | b"track" | b"wbr" | b"basefont" | b"bgsound" | b"frame" | b"keygen" | b"image" => {
                Tag::Void
            }
            _ => Tag::Other,
        }
    }

    /// Elements with no content and no end tag.
    pub(crate) fn is_void(self) -> bool {
        matches!(self, Tag::Meta | Tag::Link | Tag::Br | Tag::Hr | Tag::Void)
    }

    /// Elements whose content is not markup: skipped up to the matching end tag.
    pub(crate) fn is_raw_text(self) -> bool {
        matches!(
            self,
            Tag::Title
                | Tag::Script
                | Tag::Style
                | Tag::Noscript
                | Tag::Template
                | Tag::Textarea
                | Tag::Iframe
                | Tag::Xmp
                | Tag::Noembed
                | Tag::Noframes
                | Tag::Plaintext
        )
    }

    /// Elements whose content a reader never sees as text.
    pub(crate) fn is_hidden(self) -> bool {
        matches!(
            self,
            Tag::Svg
                | Tag::Math
                | Tag::Select
                | Tag::Object
                | Tag::Canvas
                | Tag::Audio
                | Tag::Video
        )
    }

    /// Elements that start and end a line of text: their tags split blocks.
    pub(crate) fn is_block(self) -> bool {
        matches!(
            self,
            Tag::Html
                | Tag::Head
                | Tag::Body
                | Tag::P
                | Tag::Heading(_)
                | Tag::Li
                | Tag::List
                | Tag::Dl
                | Tag::Dt
                | Tag::Dd
                | Tag::Blockquote
                | Tag::Pre
                | Tag::Table
                | Tag::Caption
                | Tag::Tr
                | Tag::Cell
                | Tag::Div
                | Tag::Section
                | Tag::Article
                | Tag::Main
                | Tag::Header
                | Tag::Footer
                | Tag::Nav
                | Tag::Aside
                | Tag::Form
                | Tag::Button
                | Tag::Figure
                | Tag::Figcaption
                | Tag::Block
                | Tag::Br
                | Tag::Hr
        )
    }

    /// Start tags that close an open `<p>` (HTML's "close a p element").
    pub(crate) fn closes_p(self) -> bool {
        matches!(
            self,
            Tag::P
                | Tag::Heading(_)
                | Tag::Li
                | Tag::List
                | Tag::Dl
                | Tag::Dt
                | Tag::Dd
                | Tag::Blockquote
                | Tag::Pre
                | Tag::Table
                | Tag::Div
                | Tag::Section
                | Tag::Article
                | Tag::Main
                | Tag::Header
                | Tag::Footer
                | Tag::Nav
                | Tag::Aside
                | Tag::Form
                | Tag::Figure
                | Tag::Figcaption
                | Tag::Hr
                | Tag::Xmp
                | Tag::Plaintext
        )
    }
}

/// A 64-bit FNV-1a hash of a lowercased name: how end tags find their start tag
/// without storing names.
pub(crate) fn name_key(name: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in name {
        h ^= u64::from(b.to_ascii_lowercase());
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A start or end tag as found in the page.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TagToken<'a> {
    pub name: &'a [u8],
    /// The bytes between the name and the closing `>`.
    pub attrs: &'a [u8],
    pub self_closing: bool,
    /// Offset just past the closing `>`.
    pub end: usize,
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c)
}

/// Reads the tag whose name starts at `start` (just after `<` or `</`). Returns
/// `None` when the page ends inside the tag, which a browser drops too.
pub(crate) fn scan_tag(bytes: &[u8], start: usize) -> Option<TagToken<'_>> {
    let mut i = start;
    while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'/' && bytes[i] != b'>' {
        i += 1;
    }
    let name = &bytes[start..i];
    let attrs_start = i;
    let mut last_slash = false;
    loop {
        let b = *bytes.get(i)?;
        match b {
            b'>' => {
                return Some(TagToken {
                    name,
                    attrs: &bytes[attrs_start..i],
                    self_closing: last_slash,
                    end: i + 1,
                })
            }
            b'/' => {
                last_slash = true;
                i += 1;
            }
            b if is_space(b) => i += 1,
            _ => {
                last_slash = false;
                i = skip_attribute(bytes, i)?;
            }
        }
    }
}

/// Skips one attribute (name and optional value) starting at `i`.
fn skip_attribute(bytes: &[u8], mut i: usize) -> Option<usize> {
    // The name: a leading '=' belongs to it, as in HTML's tokenizer.
    i += 1;
    while i < bytes.len() && !is_space(bytes[i]) && !matches!(bytes[i], b'/' | b'>' | b'=') {
        i += 1;
    }
    let mut j = i;
    while j < bytes.len() && is_space(bytes[j]) {
        j += 1;
    }
    if bytes.get(j) != Some(&b'=') {
        return Some(i);
    }
    j += 1;
    while j < bytes.len() && is_space(bytes[j]) {
        j += 1;
    }
    match *bytes.get(j)? {
        q @ (b'"' | b'\'') => {
            let close = memchr::memchr(q, &bytes[j + 1..])?;
            Some(j + 1 + close + 1)
        }
        b'>' => Some(j),
        _ => {
            while j < bytes.len() && !is_space(bytes[j]) && bytes[j] != b'>' {
                j += 1;
            }
            Some(j)
        }
    }
}

/// Iterates over `(name, raw value)` pairs of a tag's attribute bytes. Values
/// are returned as written (character references not decoded).
pub(crate) struct Attrs<'a> {
    bytes: &'a [u8],
    i: usize,
}

impl<'a> Attrs<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Attrs<'a> {
        Attrs { bytes, i: 0 }
    }

    /// The raw value of the first attribute called `name` (ASCII, lowercase).
    pub(crate) fn get(bytes: &'a [u8], name: &str) -> Option<&'a [u8]> {
        Attrs::new(bytes)
            .find(|(n, _)| n.eq_ignore_ascii_case(name.as_bytes()))
            .map(|(_, v)| v)
    }
}

impl<'a> Iterator for Attrs<'a> {
    type Item = (&'a [u8], &'a [u8]);

    fn next(&mut self) -> Option<Self::Item> {
        let b = self.bytes;
        let mut i = self.i;
        while i < b.len() && (is_space(b[i]) || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            self.i = i;
            return None;
        }
        let name_start = i;
        i += 1;
        while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'/' | b'=') {
            i += 1;
        }
        let name = &b[name_start..i];
        let mut j = i;
        while j < b.len() && is_space(b[j]) {
            j += 1;
        }
        if b.get(j) != Some(&b'=') {
            self.i = i;
            return Some((name, &b[i..i]));
        }
        j += 1;
        while j < b.len() && is_space(b[j]) {
            j += 1;
        }
        let value = match b.get(j) {
            Some(&q @ (b'"' | b'\'')) => {
                let rest = &b[j + 1..];
                let len = memchr::memchr(q, rest).unwrap_or(rest.len());
                self.i = (j + 1 + len + 1).min(b.len());
                &rest[..len]
            }
            _ => {
                let start = j;
                while j < b.len() && !is_space(b[j]) {
                    j += 1;
                }
                self.i = j;
                &b[start..j]
            }
        };
        Some((name, value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_values_may_hold_angle_brackets() {
        let html = br#"<a title="x > y" href='/a'>link</a>"#;
        let t = scan_tag(html, 1).expect("complete tag");
        assert_eq!(t.name, b"a");
        assert_eq!(&html[t.end..t.end + 4], b"link");
        let attrs: Vec<_> = Attrs::new(t.attrs).collect();
        assert_eq!(
            attrs,
            vec![(&b"title"[..], &b"x > y"[..]), (&b"href"[..], &b"/a"[..])]
        );
    }

    #[test]
    fn unterminated_tag_is_dropped() {
        assert!(scan_tag(b"<div class=\"a", 1).is_none());
        assert!(scan_tag(b"<div", 1).is_none());
    }

    #[test]
    fn bare_and_unquoted_attributes() {
        let t = scan_tag(b"<input hidden id=main data-x = 'y'/>", 1).expect("tag");
        assert!(t.self_closing);
        assert_eq!(Attrs::get(t.attrs, "hidden"), Some(&b""[..]));
        assert_eq!(Attrs::get(t.attrs, "id"), Some(&b"main"[..]));
        assert_eq!(Attrs::get(t.attrs, "data-x"), Some(&b"y"[..]));
    }
}
