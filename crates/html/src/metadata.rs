//! Page metadata: `<title>`, `<meta>` (Open Graph, article:*, Dublin Core, the
//! usual `author`/`date` names), JSON-LD (`NewsArticle` and kin), `<link
//! rel=canonical>` and `<html lang>`.
//!
//! Values are kept as written (entities decoded, whitespace collapsed): dates
//! stay strings, author lists are joined with ", ". The pipeline normalises.

use std::collections::BTreeMap;

use crosscheck_schema::RecordFields;
use serde_json::Value;

use crate::entity::decode_str;
use crate::stream::flag;
use crate::tag::{Attrs, Tag};

/// The `<meta>` names and properties worth keeping, in one slot each.
#[derive(Clone, Copy)]
enum Slot {
    OgTitle,
    TwitterTitle,
    DcTitle,
    Author,
    ArticleAuthor,
    Byl,
    DcCreator,
    ParselyAuthor,
    Published,
    ItempropPublished,
    OtherDate,
    SiteName,
    AppName,
    OgUrl,
    Locale,
    ContentLanguage,
    Description,
    OgDescription,
    Keywords,
    Section,
    Modified,
}
const SLOTS: usize = 21;

fn slot(key: &[u8]) -> Option<Slot> {
    let mut buf = [0u8; 40];
    if key.len() > buf.len() {
        return None;
    }
    for (b, &k) in buf.iter_mut().zip(key) {
        *b = k.to_ascii_lowercase();
    }
    Some(match &buf[..key.len()] {
        b"og:title" => Slot::OgTitle,
        b"twitter:title" => Slot::TwitterTitle,
        b"dc.title" | b"dcterms.title" => Slot::DcTitle,
        b"author" => Slot::Author,
        b"article:author" | b"og:article:author" => Slot::ArticleAuthor,
        b"byl" => Slot::Byl,
        b"dc.creator" | b"dcterms.creator" | b"sailthru.author" => Slot::DcCreator,
        b"parsely-author" => Slot::ParselyAuthor,
        b"article:published_time" | b"og:published_time" | b"og:article:published_time" => {
            Slot::Published
        }
        b"datepublished" => Slot::ItempropPublished,
        b"pubdate"
        | b"publishdate"
        | b"publish-date"
        | b"publish_date"
        | b"date"
        | b"dc.date"
        | b"dc.date.issued"
        | b"dcterms.date"
        | b"dcterms.created"
        | b"dcterms.issued"
        | b"sailthru.date"
        | b"parsely-pub-date"
        | b"article.published"
        | b"published_time"
        | b"article_date_original"
        | b"original-publish-date"
        | b"cxenseparse:recs:publishtime" => Slot::OtherDate,
        b"og:site_name" => Slot::SiteName,
        b"application-name" => Slot::AppName,
        b"og:url" => Slot::OgUrl,
        b"og:locale" | b"language" | b"dc.language" => Slot::Locale,
        b"content-language" => Slot::ContentLanguage,
        b"description" => Slot::Description,
        b"og:description" | b"twitter:description" => Slot::OgDescription,
        b"keywords" | b"news_keywords" => Slot::Keywords,
        b"article:section" => Slot::Section,
        b"article:modified_time" | b"og:updated_time" | b"datemodified" => Slot::Modified,
        _ => return None,
    })
}

/// Gathers metadata while the stream reads the page.
#[derive(Default)]
pub(crate) struct Collector {
    title: Option<String>,
    lang: Option<String>,
    canonical: Option<String>,
    slots: [Option<String>; SLOTS],
    json_ld: Vec<Value>,
}

impl Collector {
    pub(crate) fn start_tag(&mut self, tag: Tag, attrs: &[u8], parent_flags: u8) {
        if parent_flags & flag::FOREIGN != 0 {
            return;
        }
        match tag {
            Tag::Meta => self.meta(attrs),
            Tag::Link => {
                if self.canonical.is_none() {
                    let rel = Attrs::get(attrs, "rel").unwrap_or_default();
                    if rel
                        .split(|b| b.is_ascii_whitespace())
                        .any(|w| w.eq_ignore_ascii_case(b"canonical"))
                    {
                        self.canonical = Attrs::get(attrs, "href").and_then(clean);
                    }
                }
            }
            Tag::Html => {
                if self.lang.is_none() {
                    self.lang = Attrs::get(attrs, "lang")
                        .or_else(|| Attrs::get(attrs, "xml:lang"))
                        .and_then(clean);
                }
            }
            _ => {
                // Microdata outside <meta>: <time itemprop="datePublished" datetime=...>.
                if let Some(prop) = Attrs::get(attrs, "itemprop") {
                    if prop.eq_ignore_ascii_case(b"datePublished") {
                        let value =
                            Attrs::get(attrs, "datetime").or_else(|| Attrs::get(attrs, "content"));
                        self.fill(Slot::ItempropPublished, value);
                    }
                }
            }
        }
    }

    fn meta(&mut self, attrs: &[u8]) {
        let mut key = None;
        let mut content = None;
        for (name, value) in Attrs::new(attrs) {
            if name.eq_ignore_ascii_case(b"content") {
                content = Some(value);
            } else if name.eq_ignore_ascii_case(b"name")
                || name.eq_ignore_ascii_case(b"property")
                || name.eq_ignore_ascii_case(b"itemprop")
                || name.eq_ignore_ascii_case(b"http-equiv")
            {
                if let Some(s) = slot(value.trim_ascii()) {
                    key.get_or_insert(s);
                }
            }
        }
        if let Some(key) = key {
            self.fill(key, content);
        }
    }

    fn fill(&mut self, slot: Slot, raw: Option<&[u8]>) {
        let cell = &mut self.slots[slot as usize];
        if cell.is_none() {
            *cell = raw.and_then(clean);
        }
    }

    pub(crate) fn raw_text(&mut self, tag: Tag, attrs: &[u8], content: &[u8]) {
        match tag {
            Tag::Title if self.title.is_none() => self.title = clean(content),
            Tag::Script => {
                let is_ld = Attrs::get(attrs, "type")
                    .is_some_and(|t| t.trim_ascii().eq_ignore_ascii_case(b"application/ld+json"));
                if is_ld && self.json_ld.len() < 16 {
                    if let Some(v) = parse_json_ld(content) {
                        self.json_ld.push(v);
                    }
                }
            }
            _ => {}
        }
    }

    fn get(&self, slot: Slot) -> Option<String> {
        self.slots[slot as usize].clone()
    }

    /// The fields, each from the most specific source that has it.
    pub(crate) fn resolve(&self) -> RecordFields {
        let article = self.json_ld.iter().find_map(find_article);
        let ld_str = |key: &str| {
            article
                .and_then(|a| a.get(key))
                .and_then(Value::as_str)
                .and_then(|s| clean(s.as_bytes()))
        };

        let outlet = article
            .and_then(|a| a.get("publisher"))
            .and_then(name_of)
            .or_else(|| self.get(Slot::SiteName))
            .or_else(|| self.json_ld.iter().find_map(find_outlet))
            .or_else(|| self.get(Slot::AppName));

        let title = ld_str("headline")
            .or_else(|| self.get(Slot::OgTitle))
            .or_else(|| self.get(Slot::TwitterTitle))
            .or_else(|| self.get(Slot::DcTitle))
            .or_else(|| {
                self.title
                    .as_deref()
                    .map(|t| strip_outlet(t, outlet.as_deref()))
            });

        let author = article
            .and_then(|a| a.get("author"))
            .and_then(names_of)
            .or_else(|| self.get(Slot::Author))
            .or_else(|| self.get(Slot::ArticleAuthor).filter(|a| !a.contains("://")))
            .or_else(|| self.get(Slot::Byl).map(|b| strip_by(&b)))
            .or_else(|| self.get(Slot::DcCreator))
            .or_else(|| self.get(Slot::ParselyAuthor));

        let date = ld_str("datePublished")
            .or_else(|| self.get(Slot::Published))
            .or_else(|| self.get(Slot::ItempropPublished))
            .or_else(|| self.get(Slot::OtherDate))
            .or_else(|| ld_str("dateCreated"));

        let url = self
            .canonical
            .clone()
            .or_else(|| self.get(Slot::OgUrl))
            .or_else(|| ld_str("url").filter(|u| u.contains("://")))
            .or_else(|| {
                let page = article.and_then(|a| a.get("mainEntityOfPage"))?;
                let id = page
                    .as_str()
                    .or_else(|| page.get("@id").and_then(Value::as_str))?;
                clean(id.as_bytes()).filter(|u| u.contains("://"))
            });

        let language = self
            .lang
            .clone()
            .or_else(|| self.get(Slot::ContentLanguage))
            .or_else(|| ld_str("inLanguage"))
            .or_else(|| self.get(Slot::Locale));

        let mut extra = BTreeMap::new();
        let description = self
            .get(Slot::OgDescription)
            .or_else(|| self.get(Slot::Description))
            .or_else(|| ld_str("description"));
        let modified = ld_str("dateModified").or_else(|| self.get(Slot::Modified));
        let section = self.get(Slot::Section).or_else(|| ld_str("articleSection"));
        for (k, v) in [
            ("description", description),
            ("keywords", self.get(Slot::Keywords)),
            ("section", section),
            ("modified", modified),
        ] {
            if let Some(v) = v {
                extra.insert(k.to_string(), v);
            }
        }

        RecordFields {
            title,
            author,
            date,
            outlet,
            url,
            language,
            extra,
            ..RecordFields::default()
        }
    }
}

/// Decodes, trims and collapses whitespace; `None` when nothing is left.
fn clean(raw: &[u8]) -> Option<String> {
    let decoded = decode_str(raw);
    let mut out = String::with_capacity(decoded.len());
    for word in decoded
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    (!out.is_empty()).then_some(out)
}

fn strip_by(byline: &str) -> String {
    let t = byline.trim();
    match t.get(..3) {
        Some(p) if p.eq_ignore_ascii_case("by ") => t[3..].trim().to_string(),
        _ => t.to_string(),
    }
}

/// "Shelling in Ariha | The Levant Courier" → "Shelling in Ariha" when the
/// suffix is the outlet's name.
fn strip_outlet(title: &str, outlet: Option<&str>) -> String {
    let Some(outlet) = outlet else {
        return title.to_string();
    };
    for sep in [" | ", " - ", " \u{2013} ", " \u{2014} ", " :: ", " \u{b7} "] {
        if let Some(pos) = title.rfind(sep) {
            if title[pos + sep.len()..]
                .trim()
                .eq_ignore_ascii_case(outlet.trim())
                && pos > 0
            {
                return title[..pos].trim().to_string();
            }
        }
    }
    title.to_string()
}

/// Parses a JSON-LD script, tolerating the raw line breaks and CDATA/comment
/// wrappers that pages put in it.
fn parse_json_ld(raw: &[u8]) -> Option<Value> {
    let text = std::str::from_utf8(raw).ok()?.trim();
    let text = text
        .strip_prefix("<![CDATA[")
        .and_then(|t| t.strip_suffix("]]>"))
        .unwrap_or(text);
    let text = text
        .strip_prefix("<!--")
        .and_then(|t| t.strip_suffix("-->"))
        .unwrap_or(text)
        .trim();
    if let Ok(v) = serde_json::from_str(text) {
        return Some(v);
    }
    // Control characters inside strings are invalid JSON but common.
    let cleaned: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    serde_json::from_str(&cleaned).ok()
}

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "LiveBlogPosting",
    "BlogPosting",
    "Report",
    "ScholarlyArticle",
    "SocialMediaPosting",
];

fn has_type(v: &Value, types: &[&str]) -> bool {
    match v.get("@type") {
        Some(Value::String(t)) => types.contains(&t.as_str()),
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .any(|t| types.contains(&t)),
        _ => false,
    }
}

/// The first article-typed object in a JSON-LD value (arrays and `@graph` searched).
fn find_article(v: &Value) -> Option<&Value> {
    find_typed(v, ARTICLE_TYPES, 0)
}

fn find_outlet(v: &Value) -> Option<String> {
    find_typed(v, &["NewsMediaOrganization"], 0).and_then(name_of)
}

fn find_typed<'v>(v: &'v Value, types: &[&str], depth: usize) -> Option<&'v Value> {
    if depth > 4 {
        return None;
    }
    match v {
        Value::Array(items) => items.iter().find_map(|i| find_typed(i, types, depth + 1)),
        Value::Object(map) => {
            if has_type(v, types) {
                return Some(v);
            }
            map.get("@graph")
                .and_then(|g| find_typed(g, types, depth + 1))
        }
        _ => None,
    }
}

/// `"Name"` or `{"name": "Name"}`.
fn name_of(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.as_str(),
        Value::Object(m) => m.get("name").and_then(Value::as_str)?,
        Value::Array(items) => return items.iter().find_map(name_of),
        _ => return None,
    };
    clean(s.as_bytes())
}

/// One name or a list of them, joined with ", ".
fn names_of(v: &Value) -> Option<String> {
    let names: Vec<String> = match v {
        Value::Array(items) => items.iter().filter_map(name_of).collect(),
        other => name_of(other).into_iter().collect(),
    };
    let mut unique: Vec<String> = Vec::with_capacity(names.len());
    for n in names {
        if !unique.contains(&n) {
            unique.push(n);
        }
    }
    (!unique.is_empty()).then(|| unique.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stream::Stream;

    fn fields(html: &str) -> RecordFields {
        let mut c = Collector::default();
        let _ = Stream::build(html, Some(&mut c));
        c.resolve()
    }

    #[test]
    fn json_ld_wins_over_meta_and_title() {
        let html = r#"<html lang="en"><head><title>Old title | Courier</title>
            <meta property="og:title" content="OG title">
            <meta name="author" content="Meta Author">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Site"},
              {"@type":"NewsArticle","headline":"LD headline","datePublished":"2024-03-05T08:00:00+02:00",
               "author":[{"@type":"Person","name":"Rana Haddad"},{"@type":"Person","name":"Omar Said"}],
               "publisher":{"@type":"Organization","name":"The Courier"}}]}</script>
            </head><body><p>x</p></body></html>"#;
        let f = fields(html);
        assert_eq!(f.title.as_deref(), Some("LD headline"));
        assert_eq!(f.author.as_deref(), Some("Rana Haddad, Omar Said"));
        assert_eq!(f.date.as_deref(), Some("2024-03-05T08:00:00+02:00"));
        assert_eq!(f.outlet.as_deref(), Some("The Courier"));
        assert_eq!(f.language.as_deref(), Some("en"));
    }

    #[test]
    fn meta_tags_and_title_fallbacks() {
        let html = r#"<html><head><title>Talks stall in Geneva &#8211; Daily Wire | Daily Wire</title>
            <meta property="og:site_name" content="Daily Wire">
            <meta property="article:published_time" content="2019-07-01">
            <meta name="byl" content="By Jane Roe">
            <link rel="canonical" href="https://example.org/a?x=1&amp;y=2">
            <meta name="description" content="  Talks   stall. "></head></html>"#;
        let f = fields(html);
        assert_eq!(
            f.title.as_deref(),
            Some("Talks stall in Geneva \u{2013} Daily Wire")
        );
        assert_eq!(f.outlet.as_deref(), Some("Daily Wire"));
        assert_eq!(f.date.as_deref(), Some("2019-07-01"));
        assert_eq!(f.author.as_deref(), Some("Jane Roe"));
        assert_eq!(f.url.as_deref(), Some("https://example.org/a?x=1&y=2"));
        assert_eq!(
            f.extra.get("description").map(String::as_str),
            Some("Talks stall.")
        );
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        let html = "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", </script><title>T</title>";
        assert_eq!(fields(html).title.as_deref(), Some("T"));
    }
}
