//! Cleaning one article: labels every line of its region (title, metadata, body, or
//! removed with a kind), then turns the labels into paragraphs and removals.
//!
//! The order matters and follows how pages are built:
//!
//! 1. **Top**: widgets and metadata before and after the title line.
//! 2. **Body**: single-line widgets anywhere; blocks that start at a heading (related
//!    links, author box, comment thread); a comment list ending at "See all comments".
//! 3. **Absorption**: an unlabelled short line between two lines of the same widget
//!    kind belongs to that widget ("Support us" / "We are funded by readers" / "Donate").
//! 4. **Bottom**: metadata lines and an author bio after the last body paragraph.
//! 5. **Repeats**: the title again inside the body; paragraphs seen before.
//! 6. **Inline**: a date, the title or a widget glued to the first or last paragraph
//!    of texts scraped into one line (see `inline.rs`).

use crosscheck_schema::{MetadataField, Removal, RemovalKind, Span};

use crate::cues::{is_short_label, Cue};
use crate::inline::{self, Cut};
use crate::lines::Line;
use crate::repeats::Seen;
use crate::shape::{looks_like_headline, looks_like_link_label, normalize_key, word_count};
use crate::{CleanedArticle, Cleaner};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Label {
    Blank,
    Body,
    Title,
    Meta,
    Removed(RemovalKind),
}

/// How the title of a part is found.
#[derive(Clone, Copy, Debug)]
pub(crate) enum TitleMode<'a> {
    /// The record states it; lines that repeat it are removed.
    Known(&'a str),
    /// The first non-empty line, when it reads like a headline.
    FirstLine,
    /// This line (a compilation header); lines before it are a preamble.
    At(usize),
}

/// Everything `clean_part` needs about the whole text.
pub(crate) struct Doc<'t> {
    pub text: &'t str,
    pub lines: &'t [Line],
    pub cues: &'t [Cue],
}

/// Lines the top zone looks at before deciding the body has begun.
const TOP_SCAN: usize = 14;
/// Lines the bottom zone looks at.
const BOTTOM_SCAN: usize = 8;
/// At most this many link labels follow a "Related" heading.
const MAX_LINKS: usize = 16;
/// An author box holds at most this many lines after its heading.
const MAX_AUTHOR_BOX: usize = 6;

pub(crate) fn clean_part(
    cleaner: &Cleaner,
    doc: &Doc<'_>,
    range: std::ops::Range<usize>,
    region: Span,
    mode: TitleMode<'_>,
) -> CleanedArticle {
    let mut part = Part {
        cleaner,
        doc,
        lo: range.start,
        hi: range.end,
        labels: vec![Label::Blank; range.end - range.start],
        fields_top: Vec::new(),
        fields_bottom: Vec::new(),
        title: None,
        title_span: None,
        title_key: String::new(),
        title_letters: [0; 26],
        title_finder: None,
        key2: String::new(),
    };
    for i in part.lo..part.hi {
        if !doc.lines[i].is_blank() {
            part.set(i, Label::Body);
        }
    }
    let body_start = part.top(mode);
    part.body(body_start);
    part.absorb();
    part.bottom();
    part.repeats();
    part.finish(region)
}

/// How often each ASCII letter `a`..`z` occurs, case-folded.
type LetterCounts = [u32; 26];

/// The [`LetterCounts`] of `s`, or `None` when `s` holds a character other than ASCII
/// and General Punctuation (U+2000–U+206F: curly quotes, dashes). Those characters are
/// no letters to [`normalize_key`], so the counts are exactly those of the key of `s`.
fn ascii_letter_counts(s: &str) -> Option<LetterCounts> {
    // Slot 26 takes every byte that is not a letter.
    const SLOT: [u8; 256] = {
        let mut t = [26u8; 256];
        let mut b = 0;
        while b < 26 {
            t[b'a' as usize + b] = b as u8;
            t[b'A' as usize + b] = b as u8;
            b += 1;
        }
        t
    };
    let mut counts = [0u32; 27];
    let mut high = 0u8;
    for &b in s.as_bytes() {
        high |= b;
        counts[usize::from(SLOT[usize::from(b)])] += 1;
    }
    // Bytes from 0x80 fall in slot 26: the letters are counted right whatever else
    // the line holds.
    if high >= 0x80
        && !s
            .chars()
            .all(|c| c.is_ascii() || ('\u{2000}'..='\u{206F}').contains(&c))
    {
        return None;
    }
    let mut letters = [0u32; 26];
    letters.copy_from_slice(&counts[..26]);
    Some(letters)
}

struct Part<'c, 'd, 't> {
    cleaner: &'c Cleaner,
    doc: &'d Doc<'t>,
    lo: usize,
    hi: usize,
    labels: Vec<Label>,
    fields_top: Vec<MetadataField>,
    fields_bottom: Vec<MetadataField>,
    title: Option<String>,
    title_span: Option<Span>,
    /// The title's normalised key, set with the title.
    title_key: String,
    /// How often each letter `a`..`z` occurs in `title_key` ([`LetterCounts`]).
    title_letters: LetterCounts,
    title_finder: Option<memchr::memmem::Finder<'static>>,
    key2: String,
}

impl<'t> Part<'_, '_, 't> {
    fn label(&self, i: usize) -> Label {
        self.labels[i - self.lo]
    }

    fn set(&mut self, i: usize, l: Label) {
        self.labels[i - self.lo] = l;
    }

    fn remove(&mut self, i: usize, kind: RemovalKind) {
        if self.label(i) != Label::Blank {
            self.set(i, Label::Removed(kind));
        }
    }

    fn content(&self, i: usize) -> &'t str {
        self.doc.lines[i].content(self.doc.text)
    }

    fn cue(&self, i: usize) -> Cue {
        self.doc.cues[i]
    }

    fn next_nonblank(&self, from: usize) -> Option<usize> {
        (from..self.hi).find(|&j| !self.doc.lines[j].is_blank())
    }

    fn prev_nonblank(&self, before: usize) -> Option<usize> {
        (self.lo..before)
            .rev()
            .find(|&j| !self.doc.lines[j].is_blank())
    }

    /// Reads line `i` as metadata into `fields`; returns whether it was.
    fn take_meta(&mut self, i: usize, bottom: bool) -> bool {
        let line = self.content(i);
        let m = self.cleaner.meta.read(line);
        if m.is_empty() {
            return false;
        }
        let base = self.doc.lines[i].cstart;
        let out = if bottom {
            &mut self.fields_bottom
        } else {
            &mut self.fields_top
        };
        m.write_fields(line, base, out);
        self.set(i, Label::Meta);
        true
    }

    /// A first line with a sentence break inside ("Who fired? Craters tell a
    /// different story") is still the headline when a metadata line (a `Source:`
    /// line, a byline, a date) stands right under it.
    fn headline_over_metadata(&self, i: usize) -> bool {
        let line = self.content(i);
        if line.len() > 200 || word_count(line) > 28 || line.ends_with([',', ';', ':']) {
            return false;
        }
        self.next_nonblank(i + 1)
            .is_some_and(|next| !self.cleaner.meta.read(self.content(next)).is_empty())
    }

    fn repeats_title(&mut self, line: &str) -> bool {
        let Some(title) = self.title.as_deref() else {
            return false;
        };
        if line.len() > title.len() + 60 || line.len() * 2 < title.len() {
            return false;
        }
        // Every answer below needs one key inside the other, so one key's letters
        // counted inside the other's. The key of a line of ASCII and General
        // Punctuation holds exactly its ASCII letters, lower-cased: counting them is
        // cheaper than building the key, and rules out most lines (other lines are not
        // counted: a non-ASCII letter can lower-case to an ASCII one).
        if let Some(letters) = ascii_letter_counts(line) {
            let within = |a: &LetterCounts, b: &LetterCounts| a.iter().zip(b).all(|(x, y)| x <= y);
            if !within(&letters, &self.title_letters) && !within(&self.title_letters, &letters) {
                return false;
            }
        }
        normalize_key(line, &mut self.key2);
        let (t, l) = (self.title_key.as_str(), self.key2.as_str());
        if t.is_empty() || l.is_empty() {
            return false;
        }
        if t == l {
            return true;
        }
        // "BREAKING: <title>", "<title> | Outlet", "<title> - video"; not a sentence
        // that merely opens with the title's words ("<title> president.").
        let pos = if l.len() > t.len() {
            self.title_finder
                .get_or_insert_with(|| {
                    memchr::memmem::Finder::new(self.title_key.as_bytes()).into_owned()
                })
                .find(l.as_bytes())
        } else {
            None
        };
        if let Some(pos) = pos {
            let before = word_count(&l[..pos]);
            let after = word_count(&l[pos + t.len()..]);
            if before > 3 || after > 4 || word_count(t) < 3 {
                return false;
            }
            let marked = |s: &str| {
                s.contains([':', '|', '\u{2013}', '\u{2014}', '(', '[']) || s.contains(" - ")
            };
            let head_ok = before == 0
                || marked(line)
                || line
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| w.len() > 1 && !w.chars().any(char::is_lowercase));
            let tail_ok = after == 0 || marked(line);
            return head_ok && tail_ok;
        }
        // A known title that carries the outlet: "<headline> | Jordan Times".
        if l.len() >= t.len() || word_count(l) < 4 {
            return false;
        }
        // `t.find(l)`, by bytes (a match of valid UTF-8 in valid UTF-8 is on char
        // boundaries): titles are short, and a searcher cost more to build than this.
        let (tb, lb) = (t.as_bytes(), l.as_bytes());
        let found =
            (0..=tb.len() - lb.len()).find(|&i| tb[i] == lb[0] && tb[i..i + lb.len()] == *lb);
        if let Some(pos) = found {
            let rest = word_count(&t[..pos]) + word_count(&t[pos + l.len()..]);
            return rest <= 4 && word_count(l) >= 4;
        }
        false
    }

    /// Top of the article: preamble, widgets, metadata, the title, more metadata.
    /// Returns the first line of the body zone.
    fn top(&mut self, mode: TitleMode<'_>) -> usize {
        let mut i = self.lo;
        let mut title_done = false;
        match mode {
            TitleMode::Known(t) => {
                self.title = Some(t.trim().to_string());
                self.set_title_key(t);
                title_done = true;
            }
            TitleMode::At(h) => {
                // A compilation's preamble: whatever precedes the first header.
                for j in self.lo..h.min(self.hi) {
                    let kind = match self.cue(j) {
                        Cue::Widget(k) => k,
                        _ => RemovalKind::Boilerplate,
                    };
                    self.remove(j, kind);
                }
                if h < self.hi {
                    self.set_title(h);
                    title_done = true;
                    i = h + 1;
                }
            }
            TitleMode::FirstLine => {}
        }
        let mut scanned = 0;
        while let Some(j) = self.next_nonblank(i) {
            if scanned >= TOP_SCAN {
                return j;
            }
            scanned += 1;
            let line = self.content(j);
            match self.cue(j) {
                Cue::Widget(k) => {
                    self.remove(j, k);
                    i = j + 1;
                    continue;
                }
                Cue::Separator => {
                    self.remove(j, RemovalKind::Boilerplate);
                    i = j + 1;
                    continue;
                }
                Cue::CommentHeading { .. } | Cue::CommentMark | Cue::CommentForm if title_done => {
                    // A comment count next to the byline ("12 Comments").
                    self.remove(j, RemovalKind::CommentWidget);
                    i = j + 1;
                    continue;
                }
                _ => {}
            }
            if self.take_meta(j, false) {
                i = j + 1;
                continue;
            }
            if title_done {
                if self.repeats_title(line) {
                    self.remove(j, RemovalKind::RepeatedHeadline);
                    i = j + 1;
                    continue;
                }
                return j;
            }
            // The first line that is neither widget nor metadata: the title, when it
            // reads like one; otherwise the text has no title line and this is body.
            title_done = true;
            if self.cue(j) == Cue::Plain
                && (looks_like_headline(line) || self.headline_over_metadata(j))
                && self.next_nonblank(j + 1).is_some()
            {
                self.set_title(j);
                i = j + 1;
                continue;
            }
            return j;
        }
        self.hi
    }

    fn set_title_key(&mut self, title: &str) {
        normalize_key(title, &mut self.title_key);
        self.title_letters = [0; 26];
        for &b in self.title_key.as_bytes() {
            if b.is_ascii_lowercase() {
                self.title_letters[usize::from(b - b'a')] += 1;
            }
        }
        // Built on first use: most articles never need it.
        self.title_finder = None;
    }

    fn set_title(&mut self, j: usize) {
        let l = self.doc.lines[j];
        self.title = Some(self.content(j).to_string());
        self.set_title_key(self.content(j));
        self.title_span = Some(Span::new(l.cstart, l.cend));
        self.set(j, Label::Title);
    }

    /// The body zone: single-line widgets and blocks opened by headings.
    fn body(&mut self, start: usize) {
        let mut body_seen = (self.lo..start).any(|j| self.label(j) == Label::Body);
        let mut i = start;
        while i < self.hi {
            if self.label(i) != Label::Body {
                i += 1;
                continue;
            }
            match self.cue(i) {
                Cue::Plain => {
                    body_seen = true;
                }
                Cue::Widget(k) => self.remove(i, k),
                Cue::Separator => self.remove(i, RemovalKind::Boilerplate),
                Cue::CommentMark => self.remove(i, RemovalKind::CommentWidget),
                Cue::CommentHeading { strong } => {
                    let last = self.next_nonblank(i + 1).is_none();
                    if body_seen && (strong || self.thread_confirmed(i, true)) && !last {
                        self.comment_thread(i);
                        return;
                    }
                    if !body_seen || last || strong {
                        self.remove(i, RemovalKind::CommentWidget);
                    } else {
                        body_seen = true;
                    }
                }
                Cue::CommentForm => {
                    let last = self.next_nonblank(i + 1).is_none();
                    if body_seen && !last {
                        if self.thread_confirmed(i, false) {
                            self.comment_thread(i);
                        } else {
                            self.comment_form(i);
                        }
                        return;
                    }
                    self.remove(i, RemovalKind::CommentWidget);
                }
                Cue::CommentFooter => {
                    self.remove(i, RemovalKind::CommentWidget);
                    self.comments_above(i);
                }
                Cue::RelatedHeading => {
                    self.remove(i, RemovalKind::RelatedLinks);
                    i = self.link_list(i + 1);
                    continue;
                }
                Cue::ReadMore => {
                    self.remove(i, RemovalKind::RelatedLinks);
                    if !self.teaser_above(i) {
                        i = self.link_list(i + 1);
                        continue;
                    }
                }
                Cue::AuthorHeading => {
                    self.remove(i, RemovalKind::AuthorBox);
                    i = self.author_box(i + 1);
                    continue;
                }
            }
            i += 1;
        }
    }

    /// A weak heading ("Comments") opens a thread only when comment marks follow (or,
    /// with `widgets`, a comment plugin's labels).
    fn thread_confirmed(&self, heading: usize, widgets: bool) -> bool {
        let mut seen = 0;
        let mut j = heading + 1;
        while let Some(k) = self.next_nonblank(j) {
            if seen >= 10 {
                break;
            }
            seen += 1;
            let c = self.cue(k);
            if c == Cue::CommentMark
                || (widgets && c == Cue::Widget(RemovalKind::CommentWidget))
                || self.is_commenter_line(k)
            {
                return true;
            }
            j = k + 1;
        }
        false
    }

    /// "Jane Doe March 3, 2014 at 10:12 am", "jdoe · 2 hours ago": a commenter and
    /// when they wrote.
    fn is_commenter_line(&self, i: usize) -> bool {
        let line = self.content(i);
        if line.len() > 100 || word_count(line) > 14 || looks_like_sentence(line) {
            return false;
        }
        if self.cleaner.meta.is_date(line) {
            return true;
        }
        // A name then a date: try the last 3 to 7 words as the date.
        let words: Vec<&str> = line.split_whitespace().collect();
        for k in 2..=words.len().saturating_sub(1).min(7) {
            let from = words.len() - k;
            let head = &words[..from];
            if head.is_empty() || head.len() > 7 {
                continue;
            }
            let Some(first) = words.get(from) else {
                continue;
            };
            let start = first.as_ptr() as usize - line.as_ptr() as usize;
            if self.cleaner.meta.is_date(&line[start..]) {
                return true;
            }
        }
        false
    }

    /// From a comments heading to the end of the article: the thread, then the reply
    /// form if one follows. Lines that are another widget keep their own kind.
    fn comment_thread(&mut self, heading: usize) {
        let mut kind = RemovalKind::CommentThread;
        for j in heading..self.hi {
            if self.label(j) == Label::Blank {
                continue;
            }
            let cue = self.cue(j);
            if j > heading && cue == Cue::CommentForm {
                kind = RemovalKind::CommentWidget;
            }
            let k = match cue {
                Cue::Widget(k)
                    if !matches!(k, RemovalKind::ShareAppeal | RemovalKind::CommentWidget) =>
                {
                    k
                }
                Cue::RelatedHeading => RemovalKind::RelatedLinks,
                _ => kind,
            };
            self.remove(j, k);
        }
    }

    /// A reply form with no replies above it: a widget to the end of the article.
    fn comment_form(&mut self, heading: usize) {
        for j in heading..self.hi {
            if self.label(j) == Label::Blank {
                continue;
            }
            let k = match self.cue(j) {
                Cue::Widget(k) if k != RemovalKind::ShareAppeal => k,
                Cue::RelatedHeading => RemovalKind::RelatedLinks,
                _ => RemovalKind::CommentWidget,
            };
            self.remove(j, k);
        }
    }

    /// Above "See all comments": pairs of a commenter line and a comment.
    fn comments_above(&mut self, footer: usize) {
        let mut j = footer;
        let mut taken = Vec::new();
        // Expect: a comment's text, then a commenter line above it.
        while let Some(text_line) = self.prev_nonblank(j) {
            if self.label(text_line) != Label::Body {
                break;
            }
            let Some(who) = self.prev_nonblank(text_line) else {
                break;
            };
            if self.label(who) == Label::Body && self.is_commenter_line(who) {
                taken.push(text_line);
                taken.push(who);
                j = who;
            } else {
                break;
            }
        }
        for t in taken {
            self.remove(t, RemovalKind::CommentThread);
        }
    }

    /// Link labels after a "Related" heading; returns the line after the list.
    fn link_list(&mut self, from: usize) -> usize {
        let mut n = 0;
        let mut j = from;
        while let Some(k) = self.next_nonblank(j) {
            if n >= MAX_LINKS || self.label(k) != Label::Body {
                return k;
            }
            let line = self.content(k);
            match self.cue(k) {
                Cue::Plain if looks_like_link_label(line) => {
                    self.remove(k, RemovalKind::RelatedLinks);
                }
                Cue::Widget(RemovalKind::RelatedLinks) => {
                    self.remove(k, RemovalKind::RelatedLinks);
                }
                _ => return k,
            }
            n += 1;
            j = k + 1;
        }
        self.hi
    }

    /// A lone "Read more" under a teaser: a headline, maybe a one-line blurb below it.
    fn teaser_above(&mut self, read_more: usize) -> bool {
        let Some(p1) = self.prev_nonblank(read_more) else {
            return false;
        };
        if self.label(p1) != Label::Body || self.cue(p1) != Cue::Plain {
            return false;
        }
        let l1 = self.content(p1);
        if looks_like_headline(l1) {
            self.remove(p1, RemovalKind::RelatedLinks);
            return true;
        }
        if l1.len() > 320 {
            return false;
        }
        let Some(p2) = self.prev_nonblank(p1) else {
            return false;
        };
        if self.label(p2) == Label::Body
            && self.cue(p2) == Cue::Plain
            && looks_like_headline(self.content(p2))
            && self.content(p2).len() <= 160
        {
            self.remove(p1, RemovalKind::RelatedLinks);
            self.remove(p2, RemovalKind::RelatedLinks);
            return true;
        }
        false
    }

    /// The bio under "About the author"; returns the line after it.
    fn author_box(&mut self, from: usize) -> usize {
        let mut n = 0;
        let mut j = from;
        while let Some(k) = self.next_nonblank(j) {
            if n >= MAX_AUTHOR_BOX || self.label(k) != Label::Body {
                return k;
            }
            match self.cue(k) {
                Cue::Plain | Cue::Widget(RemovalKind::ShareAppeal) => {}
                _ => return k,
            }
            if self.content(k).len() > 900 {
                return k;
            }
            self.remove(k, RemovalKind::AuthorBox);
            n += 1;
            j = k + 1;
        }
        self.hi
    }

    /// A short unlabelled line between two lines of the same widget kind joins them.
    fn absorb(&mut self) {
        let nonblank: Vec<usize> = (self.lo..self.hi)
            .filter(|&j| self.label(j) != Label::Blank)
            .collect();
        for w in 0..nonblank.len() {
            let a = nonblank[w];
            let Label::Removed(kind) = self.label(a) else {
                continue;
            };
            if !matches!(
                kind,
                RemovalKind::DonationAppeal
                    | RemovalKind::ShareAppeal
                    | RemovalKind::RatingWidget
                    | RemovalKind::CommentWidget
            ) {
                continue;
            }
            // Look up to 2 lines ahead for the same kind, over short body lines.
            for gap in 2..=3 {
                let Some(&b) = nonblank.get(w + gap) else {
                    break;
                };
                if self.label(b) != Label::Removed(kind) {
                    continue;
                }
                let between = &nonblank[w + 1..w + gap];
                // Donation appeals carry a pitch between their lines; other widgets only
                // labels.
                let fits = |line: &str| {
                    if kind == RemovalKind::DonationAppeal {
                        line.len() <= 320
                    } else {
                        is_short_label(line)
                    }
                };
                let all_short = between.iter().all(|&m| {
                    self.label(m) == Label::Body
                        && self.cue(m) == Cue::Plain
                        && fits(self.content(m))
                });
                if all_short {
                    for &m in between {
                        self.remove(m, kind);
                    }
                }
                break;
            }
        }
    }

    /// Bottom of the article: metadata lines and a bio after the last body paragraph.
    fn bottom(&mut self) {
        let mut scanned = 0;
        let mut j = self.hi;
        let mut bio_checked = false;
        while let Some(k) = self.prev_nonblank(j) {
            if scanned >= BOTTOM_SCAN {
                break;
            }
            scanned += 1;
            j = k;
            match self.label(k) {
                Label::Removed(_) | Label::Meta => continue,
                Label::Title | Label::Blank => break,
                Label::Body => {}
            }
            if self.cue(k) != Cue::Plain {
                break;
            }
            if self.take_meta(k, true) {
                continue;
            }
            if !bio_checked {
                bio_checked = true;
                if self.is_bio(k) {
                    self.remove(k, RemovalKind::AuthorBox);
                    continue;
                }
            }
            break;
        }
        // Bottom fields were collected bottom-up; keep text order.
        self.fields_bottom.sort_by_key(|f| f.start);
    }

    fn is_bio(&self, i: usize) -> bool {
        let line = self.content(i);
        if line.len() > 600 || self.body_lines() < 3 {
            return false;
        }
        self.cleaner.bio.is_match(line)
    }

    fn body_lines(&self) -> usize {
        self.labels.iter().filter(|l| **l == Label::Body).count()
    }

    /// The title again inside the body, and paragraphs seen before.
    fn repeats(&mut self) {
        if self.title.is_some() {
            for i in self.lo..self.hi {
                if self.label(i) == Label::Body && self.repeats_title(self.content(i)) {
                    self.remove(i, RemovalKind::RepeatedHeadline);
                }
            }
        }
        let text = self.doc.text;
        let mut seen = Seen::default();
        let mut i = self.lo;
        while i < self.hi {
            if self.label(i) != Label::Body {
                i += 1;
                continue;
            }
            let mut e = i + 1;
            while e < self.hi && self.label(e) == Label::Body {
                e += 1;
            }
            let para = &text[self.doc.lines[i].cstart..self.doc.lines[e - 1].cend];
            if seen.repeat(para) {
                for j in i..e {
                    self.remove(j, RemovalKind::RepeatedParagraph);
                }
            }
            i = e;
        }
    }

    /// Turns the labels into the output: paragraphs are runs of body lines, removals
    /// runs of lines removed for the same reason (blank lines inside a run belong to it).
    fn finish(mut self, region: Span) -> CleanedArticle {
        let lines = self.doc.lines;
        let mut paragraphs: Vec<Span> = Vec::new();
        let mut removed: Vec<Removal> = Vec::new();
        let mut i = self.lo;
        while i < self.hi {
            let l = self.label(i);
            match l {
                Label::Blank | Label::Title => {
                    i += 1;
                }
                Label::Body => {
                    let mut e = i + 1;
                    while e < self.hi && self.label(e) == Label::Body {
                        e += 1;
                    }
                    paragraphs.push(Span::new(lines[i].cstart, lines[e - 1].cend));
                    i = e;
                }
                Label::Meta | Label::Removed(_) => {
                    let kind = match l {
                        Label::Removed(k) => k,
                        _ => RemovalKind::MetadataLine,
                    };
                    let mut last = i;
                    let mut e = i + 1;
                    while e < self.hi {
                        let le = self.label(e);
                        let same = match le {
                            Label::Removed(k) => k == kind,
                            Label::Meta => kind == RemovalKind::MetadataLine,
                            _ => false,
                        };
                        if same {
                            last = e;
                        } else if le != Label::Blank || !spans_blank_lines(kind) {
                            break;
                        }
                        e += 1;
                    }
                    removed.push(Removal {
                        kind,
                        start: lines[i].cstart,
                        end: lines[last].cend,
                    });
                    i = last + 1;
                }
            }
        }
        let mut fields = std::mem::take(&mut self.fields_top);
        fields.append(&mut self.fields_bottom);

        // Text scraped into one line carries its date, title and widgets inline.
        let known_title = self.title.clone();
        let cuts = inline::cuts(
            self.cleaner,
            self.doc.text,
            &paragraphs,
            known_title.as_deref(),
        );
        if !cuts.is_empty() {
            apply_cuts(
                self.doc.text,
                &mut paragraphs,
                &mut removed,
                &mut fields,
                cuts,
            );
        }
        removed.sort_by_key(|r| r.start);
        CleanedArticle {
            region,
            title: self.title,
            title_span: self.title_span,
            fields,
            paragraphs,
            removed,
            compilation: None,
        }
    }
}

/// Removals that are blocks with blank lines inside (a thread, a list, a bio) run on
/// over blank lines; the others end at a blank line, so two appeals stay two removals.
fn spans_blank_lines(kind: RemovalKind) -> bool {
    matches!(
        kind,
        RemovalKind::CommentThread
            | RemovalKind::RelatedLinks
            | RemovalKind::AuthorBox
            | RemovalKind::MetadataLine
    )
}

/// Whether a short line reads as a sentence of prose (ends like one, several words).
fn looks_like_sentence(line: &str) -> bool {
    word_count(line) >= 8 && line.ends_with(['.', '!', '?'])
}

/// Cuts inline removals out of paragraphs: a paragraph becomes the pieces between cuts.
fn apply_cuts(
    text: &str,
    paragraphs: &mut Vec<Span>,
    removed: &mut Vec<Removal>,
    fields: &mut Vec<MetadataField>,
    cuts: Vec<Cut>,
) {
    let mut out = Vec::with_capacity(paragraphs.len() + cuts.len());
    for p in paragraphs.iter() {
        let mut cursor = p.start;
        for c in cuts.iter().filter(|c| p.contains(c.span)) {
            push_piece(text, &mut out, cursor, c.span.start);
            cursor = c.span.end;
        }
        push_piece(text, &mut out, cursor, p.end);
    }
    *paragraphs = out;
    for c in cuts {
        removed.push(Removal {
            kind: c.kind,
            start: c.span.start,
            end: c.span.end,
        });
        fields.extend(c.fields);
    }
}

/// Keeps `text[a..b]` as a paragraph once trimmed of spaces and stray joining
/// punctuation left by a cut ("Title. Body" → "Body"); drops it when nothing is left.
fn push_piece(text: &str, out: &mut Vec<Span>, a: usize, b: usize) {
    let Some(s) = text.get(a..b) else {
        return;
    };
    let lead = s.len()
        - s.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '-' | '|')
        })
        .len();
    let t = s[lead..].trim_end();
    if t.chars().any(|c| c.is_alphanumeric()) {
        out.push(Span::new(a + lead, a + lead + t.len()));
    }
}
