//! The visible text of a page as one stream, with the source offset of every run.
//!
//! One forward scan over the bytes: tags are skipped, comments and the content of
//! `<script>`, `<style>`, `<noscript>`, `<template>` and friends dropped, character
//! references decoded, whitespace collapsed. Block-level tags split the stream into
//! blocks (one per `<p>`, heading, list item, cell, ...), separated by `\n` in
//! [`Stream::text`]. Each block remembers its nearest block-level element and
//! whether it sits inside boilerplate (nav, footer, comments, share bars) or an
//! article container, for the block-based extractor.
//!
//! This is not a full HTML tree builder: misnested markup is handled with the few
//! rules that matter for text (implied `</p>`, `</li>`, `</td>`; end tags that do
//! not match an open element are ignored), which is enough to find paragraphs and
//! their offsets.

use crate::entity;
use crate::metadata::Collector;
use crate::tag::{name_key, scan_tag, Attrs, Tag};

/// The element stack stops growing here, so pathological nesting stays linear.
const MAX_DEPTH: usize = 1024;
/// How far down the stack an end tag or an implied end looks for its element:
/// real pages close what is near the top, and the bound keeps every tag O(1).
const MAX_SEARCH: usize = 256;

pub(crate) mod flag {
    pub const HIDDEN: u8 = 1;
    /// Boilerplate by tag or class: comments, share bars, navigation.
    pub const BOILER: u8 = 2;
    pub const ARTICLE: u8 = 4;
    pub const LINK: u8 = 8;
    pub const FOREIGN: u8 = 16;
    /// Boilerplate unless the element holds most of the page (a wrapper whose
    /// class happens to say "nav", a page-wide `<form>`).
    pub const WEAK_BOILER: u8 = 32;
    /// The flags a block element keeps on its [`super::Node`] instead of
    /// passing them down: whether they stick is decided with the whole page.
    pub const BY_SIZE: u8 = BOILER | WEAK_BOILER;
}

/// A block-level element (inline elements get no node).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Node {
    pub parent: u32,
    /// The last node id inside this element: its subtree is `id..=end`.
    pub end: u32,
    pub tag: Tag,
    /// [`flag::BY_SIZE`] flags of the element itself.
    pub own: u8,
}

/// A run of text between two block boundaries.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Block {
    /// Stream byte range (no leading or trailing space).
    pub start: usize,
    pub end: usize,
    /// The nearest enclosing block-level element.
    pub node: u32,
    pub tag: Tag,
    /// Bytes of the block inside `<a>` elements.
    pub link_len: usize,
    /// Flags inherited from all enclosing elements ([`flag`]), except the
    /// [`flag::BY_SIZE`] flags of block elements, which stay on their nodes.
    pub flags: u8,
}

impl Block {
    pub(crate) fn len(&self) -> usize {
        self.end - self.start
    }
}

#[derive(Clone, Copy)]
struct Open {
    key: u64,
    tag: Tag,
    /// Nearest block-level node, this element included.
    owner: u32,
    flags: u8,
}

pub(crate) struct Stream {
    /// Visible text: blocks separated by `\n`, words by single spaces.
    pub text: String,
    /// `(stream offset, source offset)` anchors with [`crosscheck_schema::OffsetMap`]'s
    /// meaning: each starts a run in which both advance byte for byte.
    pub anchors: Vec<(usize, usize)>,
    pub blocks: Vec<Block>,
    pub nodes: Vec<Node>,
    /// The deepest element nesting met (capped a little above [`MAX_DEPTH`]).
    pub max_depth: usize,
}

struct Builder<'a, 'm> {
    html: &'a str,
    out: Stream,
    stack: Vec<Open>,
    meta: Option<&'m mut Collector>,
    /// Source offset just past the last visible character emitted.
    last_src_end: usize,
    pending_space: bool,
    /// The open block: (stream start, owner node, owner tag, flags).
    block: Option<(usize, u32, Tag, u8)>,
    block_links: usize,
    /// The page without comments and script/style content, when asked for.
    lean: Option<String>,
    /// Source offset up to which `lean` has been copied.
    lean_from: usize,
}

impl Stream {
    /// Reads `html`; `meta`, when given, receives the `<head>` material
    /// (title, `<meta>`, `<link>`, JSON-LD) met on the way.
    pub(crate) fn build(html: &str, meta: Option<&mut Collector>) -> Stream {
        Stream::build_inner(html, meta, false).0
    }

    /// [`Stream::build`], plus a copy of the page without comments and without
    /// the content of scripts, styles and other raw-text elements: the same
    /// document for an extractor, often at a fraction of the size.
    pub(crate) fn build_lean(html: &str, meta: Option<&mut Collector>) -> (Stream, String) {
        let (stream, lean) = Stream::build_inner(html, meta, true);
        (stream, lean.unwrap_or_default())
    }

    fn build_inner(
        html: &str,
        meta: Option<&mut Collector>,
        lean: bool,
    ) -> (Stream, Option<String>) {
        let mut b = Builder {
            html,
            out: Stream {
                text: String::with_capacity(html.len() / 4),
                anchors: Vec::with_capacity(html.len() / 64),
                blocks: Vec::new(),
                nodes: vec![Node {
                    parent: 0,
                    end: 0,
                    tag: Tag::Body,
                    own: 0,
                }],
                max_depth: 0,
            },
            stack: Vec::with_capacity(64),
            meta,
            last_src_end: 0,
            pending_space: false,
            block: None,
            block_links: 0,
            lean: lean.then(|| String::with_capacity(html.len() / 2)),
            lean_from: 0,
        };
        b.run();
        if let Some(lean) = b.lean.as_mut() {
            lean.push_str(&html[b.lean_from..]);
        }
        b.break_block();
        // Close the last run, so an end position after a rewritten last character
        // (an entity) maps past its whole source form.
        let (d, src) = (b.out.text.len(), b.last_src_end);
        b.push_anchor(d, src);
        // Elements still open when the page ends reach to its last node.
        let last = (b.out.nodes.len() - 1) as u32;
        for (id, node) in b.out.nodes.iter_mut().enumerate() {
            if node.end < id as u32 || id == 0 {
                node.end = last;
            }
        }
        (b.out, b.lean)
    }

    /// The source offset of stream offset `d` (a start position).
    pub(crate) fn to_source(&self, d: usize) -> usize {
        let i = self.anchors.partition_point(|a| a.0 <= d);
        if i == 0 {
            return 0;
        }
        let (ad, s) = self.anchors[i - 1];
        let cap = self.anchors.get(i).map_or(usize::MAX, |n| n.1.max(s));
        (s + (d - ad)).min(cap)
    }

    /// The source offset for an exclusive end position `d`, with
    /// [`crosscheck_schema::OffsetMap::end_to_source`]'s meaning.
    pub(crate) fn end_to_source(&self, d: usize) -> usize {
        if d == 0 {
            return self.to_source(0);
        }
        let i = self.anchors.partition_point(|a| a.0 < d);
        if i == 0 {
            return 0;
        }
        let (ad, s) = self.anchors[i - 1];
        match self.anchors.get(i) {
            Some(&(nd, ns)) if nd == d => ns.max(s),
            Some(&(_, ns)) => (s + (d - ad)).min(ns.max(s)),
            None => s + (d - ad),
        }
    }
}

impl Builder<'_, '_> {
    fn top_flags(&self) -> u8 {
        self.stack.last().map_or(0, |o| o.flags)
    }

    fn top_owner(&self) -> (u32, Tag) {
        let owner = self.stack.last().map_or(0, |o| o.owner);
        (
            owner,
            self.out
                .nodes
                .get(owner as usize)
                .map_or(Tag::Body, |n| n.tag),
        )
    }

    fn push_anchor(&mut self, d: usize, s: usize) {
        let anchors = &mut self.out.anchors;
        if let Some(last) = anchors.last_mut() {
            if last.0 == d {
                *last = (d, s);
                return;
            }
            if s >= last.1 && s - last.1 == d - last.0 {
                return;
            }
        }
        anchors.push((d, s));
    }

    fn run(&mut self) {
        let bytes = self.html.as_bytes();
        let len = bytes.len();
        let mut text_from = 0;
        let mut i = 0;
        while i < len {
            let Some(off) = memchr::memchr(b'<', &bytes[i..]) else {
                break;
            };
            let lt = i + off;
            let next = bytes.get(lt + 1).copied();
            let resume = match next {
                Some(b'!') => {
                    self.text(text_from, lt);
                    let end = skip_declaration(bytes, lt);
                    if bytes[lt..].starts_with(b"<!--") {
                        self.cut(lt, end);
                    }
                    end
                }
                Some(b'?') => {
                    self.text(text_from, lt);
                    find_byte(bytes, lt, b'>')
                }
                Some(b'/') => {
                    self.text(text_from, lt);
                    match bytes.get(lt + 2) {
                        Some(c) if c.is_ascii_alphabetic() => match scan_tag(bytes, lt + 2) {
                            Some(t) => {
                                self.end_tag(t.name);
                                t.end
                            }
                            None => len,
                        },
                        Some(b'>') => lt + 3,
                        _ => find_byte(bytes, lt, b'>'),
                    }
                }
                Some(c) if c.is_ascii_alphabetic() => {
                    self.text(text_from, lt);
                    match scan_tag(bytes, lt + 1) {
                        Some(t) => self.start_tag(t.name, t.attrs, t.self_closing, t.end),
                        None => len,
                    }
                }
                _ => {
                    // A literal '<' ("a < b"): part of the text.
                    i = lt + 1;
                    continue;
                }
            };
            i = resume.max(lt + 1);
            text_from = i;
        }
        self.text(text_from, len);
    }

    fn start_tag(&mut self, name: &[u8], attrs: &[u8], self_closing: bool, end: usize) -> usize {
        let tag = Tag::from_name(name);
        let parent_flags = self.top_flags();
        let foreign = parent_flags & flag::FOREIGN != 0;
        if tag.is_block() {
            self.break_block();
        }
        if !foreign {
            self.close_implied(tag);
        }
        if let Some(meta) = self.meta.as_deref_mut() {
            meta.start_tag(tag, attrs, parent_flags);
        }
        if matches!(tag, Tag::Html | Tag::Head | Tag::Body) || tag.is_void() {
            return end;
        }
        if foreign && self_closing {
            return end;
        }
        if tag.is_raw_text() && !foreign {
            return self.raw_text(tag, name, attrs, end);
        }
        self.out.max_depth = self.out.max_depth.max(self.stack.len() + 1);
        if self.stack.len() >= MAX_DEPTH {
            return end;
        }
        let own = own_flags(tag, attrs, parent_flags);
        let mut flags = parent_flags | own;
        let owner = if tag.is_block() {
            flags &= !flag::BY_SIZE | parent_flags;
            let parent = self.top_owner().0;
            self.out.nodes.push(Node {
                parent,
                end: 0,
                tag,
                own: own & flag::BY_SIZE,
            });
            (self.out.nodes.len() - 1) as u32
        } else {
            self.top_owner().0
        };
        self.stack.push(Open {
            key: name_key(name),
            tag,
            owner,
            flags,
        });
        end
    }

    /// Skips the content of a raw-text element, handing titles and JSON-LD to
    /// the metadata collector. Returns the offset after its end tag.
    fn raw_text(&mut self, tag: Tag, name: &[u8], attrs: &[u8], start: usize) -> usize {
        let bytes = self.html.as_bytes();
        let (content_end, resume) = if tag == Tag::Plaintext {
            (bytes.len(), bytes.len())
        } else {
            match find_end_tag(bytes, start, name) {
                Some(at) => (at, scan_tag(bytes, at + 2).map_or(bytes.len(), |t| t.end)),
                None => (bytes.len(), bytes.len()),
            }
        };
        if let Some(meta) = self.meta.as_deref_mut() {
            meta.raw_text(tag, attrs, &bytes[start..content_end]);
        }
        if tag != Tag::Title {
            self.cut(start, content_end);
        }
        resume
    }

    /// Leaves `from..to` (ASCII-delimited) out of the lean copy.
    fn cut(&mut self, from: usize, to: usize) {
        if let Some(lean) = self.lean.as_mut() {
            if from >= self.lean_from && to >= from && to <= self.html.len() {
                lean.push_str(&self.html[self.lean_from..from]);
                self.lean_from = to;
            }
        }
    }

    /// The end tags HTML implies when certain start tags open.
    fn close_implied(&mut self, tag: Tag) {
        let stop_at = |t: Tag| matches!(t, Tag::Table | Tag::Cell | Tag::Caption | Tag::Button);
        let target: &[Tag] = match tag {
            Tag::Li => &[Tag::Li],
            Tag::Dt | Tag::Dd => &[Tag::Dt, Tag::Dd],
            Tag::Tr => &[Tag::Tr],
            Tag::Cell => &[Tag::Cell],
            Tag::A => &[Tag::A],
            _ => &[],
        };
        if tag.closes_p() {
            self.pop_until(|t| t == Tag::P, stop_at);
        }
        if matches!(tag, Tag::Heading(_))
            && matches!(self.stack.last(), Some(o) if matches!(o.tag, Tag::Heading(_)))
        {
            self.pop_to(self.stack.len() - 1);
        }
        if target.is_empty() {
            return;
        }
        let list_scope = |t: Tag| match tag {
            Tag::Li => matches!(t, Tag::List | Tag::Table | Tag::Cell),
            Tag::Dt | Tag::Dd => matches!(t, Tag::Dl | Tag::Table | Tag::Cell),
            Tag::Tr => t == Tag::Table,
            Tag::Cell => matches!(t, Tag::Table | Tag::Tr),
            _ => false,
        };
        self.pop_until(|t| target.contains(&t), list_scope);
    }

    /// Pops up to and including the nearest element matching `is_target`, unless
    /// an element matching `is_boundary` comes first.
    fn pop_until(&mut self, is_target: impl Fn(Tag) -> bool, is_boundary: impl Fn(Tag) -> bool) {
        let floor = self.stack.len().saturating_sub(MAX_SEARCH);
        for idx in (floor..self.stack.len()).rev() {
            let t = self.stack[idx].tag;
            if is_target(t) {
                self.pop_to(idx);
                return;
            }
            if is_boundary(t) {
                return;
            }
        }
    }

    /// Pops the stack down to (and including) index `idx`, closing block nodes.
    fn pop_to(&mut self, idx: usize) {
        let last = (self.out.nodes.len() - 1) as u32;
        while self.stack.len() > idx {
            if let Some(open) = self.stack.pop() {
                if open.tag.is_block() {
                    if let Some(n) = self.out.nodes.get_mut(open.owner as usize) {
                        n.end = last;
                    }
                }
            }
        }
    }

    fn end_tag(&mut self, name: &[u8]) {
        let tag = Tag::from_name(name);
        if tag.is_block() || tag == Tag::Br {
            self.break_block();
        }
        if matches!(tag, Tag::Html | Tag::Head | Tag::Body) {
            return;
        }
        let key = name_key(name);
        let floor = self.stack.len().saturating_sub(MAX_SEARCH);
        for idx in (floor..self.stack.len()).rev() {
            let open = self.stack[idx];
            if open.key == key {
                self.pop_to(idx);
                return;
            }
            // An inline end tag never closes a block element it sits outside of,
            // and nothing closes across a table cell.
            let boundary = match tag {
                t if !t.is_block() => open.tag.is_block() && open.flags & flag::FOREIGN == 0,
                Tag::Table => false,
                Tag::Tr | Tag::Cell | Tag::Caption => open.tag == Tag::Table,
                _ => matches!(open.tag, Tag::Table | Tag::Cell | Tag::Caption),
            };
            if boundary {
                return;
            }
        }
    }

    fn break_block(&mut self) {
        if let Some((start, node, tag, flags)) = self.block.take() {
            let end = self.out.text.len();
            if end > start {
                self.out.blocks.push(Block {
                    start,
                    end,
                    node,
                    tag,
                    link_len: self.block_links,
                    flags,
                });
            }
        }
        self.block_links = 0;
        self.pending_space = false;
    }

    /// Called before a visible character whose source starts at `src`: opens a
    /// block (after a `\n` separator) or writes a pending collapsed space.
    fn before_visible(&mut self) {
        if self.block.is_none() {
            if !self.out.text.is_empty() {
                let d = self.out.text.len();
                self.push_anchor(d, self.last_src_end);
                self.out.text.push('\n');
            }
            let (node, tag) = self.top_owner();
            self.block = Some((self.out.text.len(), node, tag, self.top_flags()));
            self.block_links = 0;
        } else if self.pending_space {
            let d = self.out.text.len();
            self.push_anchor(d, self.last_src_end);
            self.out.text.push(' ');
            if self.top_flags() & flag::LINK != 0 {
                self.block_links += 1;
            }
        }
        self.pending_space = false;
    }

    fn emit_run(&mut self, start: usize, end: usize) {
        if start >= end {
            return;
        }
        self.before_visible();
        let d = self.out.text.len();
        self.push_anchor(d, start);
        self.out.text.push_str(&self.html[start..end]);
        self.last_src_end = end;
        if self.top_flags() & flag::LINK != 0 {
            self.block_links += end - start;
        }
    }

    fn emit_decoded(&mut self, c: char, start: usize, end: usize) {
        match classify(c) {
            CharClass::Space => self.pending_space = true,
            CharClass::Drop => {}
            CharClass::Normal => {
                self.before_visible();
                let d = self.out.text.len();
                self.push_anchor(d, start);
                self.out.text.push(c);
                self.last_src_end = end;
                if self.top_flags() & flag::LINK != 0 {
                    self.block_links += c.len_utf8();
                }
            }
        }
    }

    /// Emits the text between two pieces of markup.
    fn text(&mut self, start: usize, end: usize) {
        if start >= end || self.top_flags() & flag::HIDDEN != 0 {
            return;
        }
        let html = self.html;
        let bytes = &html.as_bytes()[..end];
        let mut i = start;
        let mut run = start;
        while i < end {
            let b = bytes[i];
            if b < 0x80 {
                if b == b'&' {
                    if let Some((c, len)) = entity::decode_at(bytes, i) {
                        self.emit_run(run, i);
                        self.emit_decoded(c, i, i + len);
                        i += len;
                        run = i;
                        continue;
                    }
                } else if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c) {
                    self.emit_run(run, i);
                    self.pending_space = true;
                    i += 1;
                    run = i;
                    continue;
                } else if b < 0x20 || b == 0x7f {
                    // Control characters are not text a reader sees.
                    self.emit_run(run, i);
                    i += 1;
                    run = i;
                    continue;
                }
                i += 1;
                continue;
            }
            let Some(c) = html.get(i..end).and_then(|s| s.chars().next()) else {
                break;
            };
            let len = c.len_utf8();
            match classify(c) {
                CharClass::Normal => {}
                CharClass::Space => {
                    self.emit_run(run, i);
                    self.pending_space = true;
                    run = i + len;
                }
                CharClass::Drop => {
                    self.emit_run(run, i);
                    run = i + len;
                }
            }
            i += len;
        }
        self.emit_run(run, end);
    }
}

enum CharClass {
    Normal,
    /// Collapses with the whitespace around it.
    Space,
    /// Invisible and meaningless for reading (soft hyphen, zero-width space, BOM).
    Drop,
}

fn classify(c: char) -> CharClass {
    match c {
        ' ' | '\t' | '\n' | '\r' | '\u{c}' => CharClass::Space,
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => {
            CharClass::Space
        }
        '\u{ad}' | '\u{200b}' | '\u{2060}' | '\u{feff}' => CharClass::Drop,
        c if (c as u32) < 0x20 || c == '\u{7f}' => CharClass::Drop,
        _ => CharClass::Normal,
    }
}

/// Flags an element adds for itself: hidden, boilerplate, article container, link.
fn own_flags(tag: Tag, attrs: &[u8], parent_flags: u8) -> u8 {
    let mut f = 0;
    match tag {
        Tag::Svg | Tag::Math => f |= flag::FOREIGN | flag::HIDDEN,
        t if t.is_hidden() => f |= flag::HIDDEN,
        Tag::A => f |= flag::LINK,
        Tag::Nav | Tag::Button => f |= flag::BOILER,
        // Some sites wrap the whole page in a <form>.
        Tag::Footer | Tag::Aside | Tag::Form => f |= flag::WEAK_BOILER,
        // A page header holds menus; a header inside an article holds its headline.
        Tag::Header if parent_flags & flag::ARTICLE == 0 => f |= flag::WEAK_BOILER,
        Tag::Article | Tag::Main => f |= flag::ARTICLE,
        _ => {}
    }
    if attrs.is_empty() {
        return f;
    }
    for (name, value) in Attrs::new(attrs) {
        if name.eq_ignore_ascii_case(b"class") || name.eq_ignore_ascii_case(b"id") {
            if !matches!(tag, Tag::Article | Tag::Main) {
                f |= class_flags(value);
            }
        } else if name.eq_ignore_ascii_case(b"hidden") {
            f |= flag::HIDDEN;
        } else if name.eq_ignore_ascii_case(b"style") {
            if contains_squeezed(value, b"display:none") {
                f |= flag::HIDDEN;
            }
        } else if name.eq_ignore_ascii_case(b"itemprop") {
            if value.eq_ignore_ascii_case(b"articleBody") {
                f |= flag::ARTICLE;
            }
        } else if name.eq_ignore_ascii_case(b"role") {
            if value.eq_ignore_ascii_case(b"main") || value.eq_ignore_ascii_case(b"article") {
                f |= flag::ARTICLE;
            } else if value.eq_ignore_ascii_case(b"navigation")
                || value.eq_ignore_ascii_case(b"banner")
                || value.eq_ignore_ascii_case(b"contentinfo")
                || value.eq_ignore_ascii_case(b"complementary")
            {
                f |= flag::WEAK_BOILER;
            }
        }
    }
    f
}

/// Words in a class or id that always mark what is not the article.
#[rustfmt::skip]
const STRONG_BOILER: &[&str] = &[
    "comment", "comments", "disqus", "share", "sharing", "sharebar", "social", "newsletter",
    "outbrain", "taboola", "cookie", "cookies", "subscribe", "subscription",
    "recirculation", "respond", "reply",
];
/// Words that mark boilerplate unless a content word stands beside them, or
/// the element turns out to hold most of the page.
#[rustfmt::skip]
const WEAK_BOILER: &[&str] = &[
    "nav", "navbar", "navigation", "menu", "footer", "header", "masthead", "sidebar", "banner",
    "popup", "modal", "pagination", "pager", "toolbar", "breadcrumb", "breadcrumbs",
    "byline", "ad", "ads", "promo", "popular", "trending", "recommended", "signup", "login",
    "tags", "copyright", "skip", "author", "meta", "dateline", "related", "advert",
    "advertisement", "sponsor", "sponsored",
];
#[rustfmt::skip]
const CONTENT: &[&str] = &["article", "content", "main", "body", "story", "entry", "text", "column"];
/// Words that say a class describes a state of the page, not a region.
#[rustfmt::skip]
const STATE: &[&str] = &["has", "with", "no", "without", "show", "hide", "enable", "disable", "is"];

fn class_flags(value: &[u8]) -> u8 {
    let (mut strong, mut weak, mut content) = (false, false, false);
    let mut lower = [0u8; 24];
    for word in value
        .split(|b| !b.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if word.len() > lower.len() {
            continue;
        }
        for (l, &b) in lower.iter_mut().zip(word) {
            *l = b.to_ascii_lowercase();
        }
        let Ok(w) = std::str::from_utf8(&lower[..word.len()]) else {
            continue;
        };
        if STATE.contains(&w) {
            return 0;
        }
        strong |= STRONG_BOILER.contains(&w)
            || ["comment", "share", "social", "newsletter"]
                .iter()
                .any(|p| w.starts_with(p) && !w.starts_with("shared"));
        weak |= WEAK_BOILER.contains(&w);
        content |= CONTENT.contains(&w)
            || ["article", "story", "entry", "content"]
                .iter()
                .any(|p| w.starts_with(p));
    }
    if strong {
        flag::BOILER
    } else if weak && !content {
        flag::WEAK_BOILER
    } else if content && !weak {
        flag::ARTICLE
    } else {
        0
    }
}

/// Whether `hay`, with spaces removed and lowercased, contains `needle`.
fn contains_squeezed(hay: &[u8], needle: &[u8]) -> bool {
    let squeezed: Vec<u8> = hay
        .iter()
        .filter(|b| !b.is_ascii_whitespace())
        .map(|b| b.to_ascii_lowercase())
        .collect();
    memchr::memmem::find(&squeezed, needle).is_some()
}

fn find_byte(bytes: &[u8], from: usize, b: u8) -> usize {
    memchr::memchr(b, &bytes[from..]).map_or(bytes.len(), |o| from + o + 1)
}

/// Skips `<!-- ... -->`, `<!DOCTYPE ...>`, `<![CDATA[...]]>` starting at `lt`.
fn skip_declaration(bytes: &[u8], lt: usize) -> usize {
    let rest = &bytes[lt..];
    if rest.starts_with(b"<!--") {
        // "<!-->" and "<!--->" close at once, as in browsers.
        if rest[4..].starts_with(b">") {
            return lt + 5;
        }
        if rest[4..].starts_with(b"->") {
            return lt + 6;
        }
        let body = &rest[4..];
        return match memchr::memmem::find(body, b"-->") {
            Some(o) => lt + 4 + o + 3,
            None => bytes.len(),
        };
    }
    find_byte(bytes, lt, b'>')
}

/// Finds `</name` (any case) followed by a tag-ending byte, from `from`.
fn find_end_tag(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut i = from;
    while let Some(o) = memchr::memmem::find(&bytes[i..], b"</") {
        let at = i + o;
        let after = at + 2 + name.len();
        if bytes.len() >= after
            && bytes[at + 2..after].eq_ignore_ascii_case(name)
            && bytes
                .get(after)
                .is_none_or(|b| matches!(b, b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | 0x0c))
        {
            return Some(at);
        }
        i = at + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(html: &str) -> Vec<String> {
        let s = Stream::build(html, None);
        s.blocks
            .iter()
            .map(|b| s.text[b.start..b.end].to_string())
            .collect()
    }

    #[test]
    fn paragraphs_headings_and_items_are_blocks() {
        let html = "<h1>Shelling hits Ariha</h1><p>Two  people\n were <b>killed</b>.</p>\
                    <ul><li>First<li>Second</ul>";
        assert_eq!(
            blocks(html),
            vec![
                "Shelling hits Ariha",
                "Two people were killed.",
                "First",
                "Second"
            ]
        );
    }

    #[test]
    fn scripts_comments_and_styles_are_skipped() {
        let html = "<p>A<!-- x --> b<script>var s = '</p>';</script> c<style>p{}</style></p>";
        assert_eq!(blocks(html), vec!["A b c"]);
    }

    #[test]
    fn entities_are_decoded_and_mapped() {
        let html = "<p>Q&amp;A: it&#8217;s&nbsp;over</p>";
        let s = Stream::build(html, None);
        assert_eq!(s.text, "Q&A: it\u{2019}s over");
        let amp = s.text.find('&').expect("amp");
        assert_eq!(&html[s.to_source(amp)..s.end_to_source(amp + 1)], "&amp;");
        let q = s.text.find('\u{2019}').expect("quote");
        assert_eq!(&html[s.to_source(q)..s.end_to_source(q + 3)], "&#8217;");
        assert_eq!(
            &html[s.to_source(0)..s.end_to_source(s.text.len())],
            "Q&amp;A: it&#8217;s&nbsp;over"
        );
    }

    #[test]
    fn boilerplate_containers_are_flagged() {
        let html = "<nav><a href=/>Home</a></nav><div class=\"article-body\"><p>Text</p></div>\
                    <div id=\"comments\"><p>Nice <span class=\"share\">Share</span></p></div>";
        let s = Stream::build(html, None);
        let own: Vec<u8> = s.nodes.iter().map(|n| n.own).collect();
        assert_eq!(s.nodes[1].tag, Tag::Nav);
        assert!(own[1] & flag::BOILER != 0);
        assert!(s.blocks[0].flags & flag::LINK != 0);
        assert_eq!(s.blocks[0].link_len, 4);
        assert!(s.blocks[1].flags & flag::ARTICLE != 0);
        assert!(own[4] & flag::BOILER != 0, "div#comments");
        // Inline elements pass their flags down.
        assert_eq!(s.blocks.len(), 3);
        assert!(s.blocks[2].flags & flag::BOILER == 0);
        let p = Stream::build("<p>a <span class=\"share\">b</span></p>", None);
        assert!(p.blocks[0].flags & flag::BOILER == 0);
    }

    #[test]
    fn literal_angle_brackets_and_broken_tags() {
        assert_eq!(blocks("<p>3 < 4 and 5 > 2</p>"), vec!["3 < 4 and 5 > 2"]);
        assert_eq!(blocks("<p>cut <b class=\"x"), vec!["cut"]);
        assert_eq!(blocks("<p>a</span>b</p>"), vec!["ab"]);
    }

    #[test]
    fn hidden_and_foreign_content_is_skipped() {
        let html = "<p>a<svg><title>icon</title><path/></svg> b<span hidden>c</span></p>\
                    <div style=\"display: none\">d</div>";
        assert_eq!(blocks(html), vec!["a b"]);
    }
}
