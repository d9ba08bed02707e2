//! Which column or key of a record holds which field, and the presets for the
//! datasets crosscheck is evaluated on.

use std::str::FromStr;

/// Column (CSV) or key (JSON Lines) names for each field. `None` means "look for
/// the usual names" (see [`FieldMapping::candidates`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldMapping {
    pub id: Option<String>,
    pub title: Option<String>,
    pub text: Option<String>,
    pub date: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub label: Option<String>,
}

/// A record field crosscheck reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Id,
    Title,
    Text,
    Date,
    Outlet,
    Url,
    Label,
    Author,
    Language,
}

impl FieldMapping {
    /// The names to look for, in order of preference: the user's choice alone when
    /// given, else the usual spellings.
    pub fn candidates(&self, field: Field) -> Vec<&str> {
        let chosen = match field {
            Field::Id => &self.id,
            Field::Title => &self.title,
            Field::Text => &self.text,
            Field::Date => &self.date,
            Field::Outlet => &self.outlet,
            Field::Url => &self.url,
            Field::Label => &self.label,
            Field::Author | Field::Language => &None,
        };
        if let Some(name) = chosen {
            return vec![name.as_str()];
        }
        let usual: &[&str] = match field {
            Field::Id => &["id", "unit_id", "article_id", "uid", "guid"],
            Field::Title => &["title", "headline", "article_title", "heading"],
            Field::Text => &[
                "text",
                "content",
                "body",
                "article_content",
                "article",
                "article_text",
                "maintext",
            ],
            Field::Date => &[
                "date",
                "published",
                "published_at",
                "publication_date",
                "pubdate",
                "date_publish",
                "datetime",
                "timestamp",
            ],
            Field::Outlet => &[
                "outlet",
                "source",
                "site",
                "site_name",
                "publisher",
                "source_name",
                "domain",
            ],
            Field::Url => &["url", "link", "canonical_url", "source_url"],
            Field::Label => &["label", "labels", "class", "verdict", "rating"],
            Field::Author => &["author", "authors", "byline", "writer"],
            Field::Language => &["language", "lang"],
        };
        usual.to_vec()
    }
}

/// Ready-made mappings for the public datasets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// FA-KES (Syrian-war fake news): `unit_id, article_title, article_content,
    /// source, date (MM/DD/YYYY), location, labels (1 credible, 0 fake)`.
    Fakes,
    /// Horne & Adalı 2017: one body file per article, its title in the file of
    /// the same name under the sibling `<Label>_titles/` folder; the label is the
    /// folder name (Fake, Real, Satire).
    Horne,
}

impl Preset {
    pub fn mapping(&self) -> FieldMapping {
        match self {
            Preset::Fakes => FieldMapping {
                id: Some("unit_id".into()),
                title: Some("article_title".into()),
                text: Some("article_content".into()),
                date: Some("date".into()),
                outlet: Some("source".into()),
                url: None,
                label: Some("labels".into()),
            },
            Preset::Horne => FieldMapping::default(),
        }
    }

    /// A dataset label spelled the way crosscheck reports labels.
    pub fn normalise_label(&self, raw: &str) -> String {
        match (self, raw.trim()) {
            (Preset::Fakes, "1") => "credible".to_string(),
            (Preset::Fakes, "0") => "fake".to_string(),
            (_, other) => other.to_ascii_lowercase(),
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            Preset::Fakes => "fakes",
            Preset::Horne => "horne",
        }
    }
}

impl FromStr for Preset {
    type Err = String;

    fn from_str(s: &str) -> Result<Preset, String> {
        match s.to_ascii_lowercase().replace(['-', '_'], "").as_str() {
            "fakes" | "fakes2019" => Ok(Preset::Fakes),
            "horne" | "horne2017" => Ok(Preset::Horne),
            _ => Err(format!("unknown preset `{s}` (known: fakes, horne)")),
        }
    }
}
