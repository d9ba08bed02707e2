//! The texts the hand-annotated gold sets point into (`eval/gold/*.jsonl`), read the
//! way their offsets were made: FA-KES `article_content` decoded as Latin-1 (byte
//! 0x95 is U+0095), SemEval-2020 PTC training articles and the sample corpus as
//! UTF-8, JSON Lines records by line (`corpus/wire-feed.jsonl#3`), FNC-1 competition
//! test bodies by `Body ID` (the `articleBody` field of the UTF-8 CSV), Emergent
//! article headlines by `articleId` (the `articleHeadline` field: one headline, one
//! sentence).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::delimited;
use crate::DatasetError;

/// A source text and its title when the source states one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldText {
    pub text: String,
    pub title: Option<String>,
    /// The publishing outlet when the source names it (FA-KES `source`, a JSONL
    /// record's `outlet`).
    pub outlet: Option<String>,
}

/// Looks up gold documents by `(dataset, key)`.
pub struct GoldTexts {
    fakes: HashMap<String, GoldText>,
    /// FNC-1 bodies by `Body ID`, read on first use (most gold sets never ask).
    fnc1: std::sync::OnceLock<HashMap<String, String>>,
    /// Emergent article headlines by `articleId`, read on first use.
    emergent: std::sync::OnceLock<HashMap<String, String>>,
    data: Option<PathBuf>,
    examples: PathBuf,
}

fn latin1(s: &[u8]) -> String {
    s.iter().map(|&b| b as char).collect()
}

impl GoldTexts {
    /// `data` is the shared-data folder (FA-KES and PTC sentences are unreadable
    /// without it); `examples` is the repository's `examples/` folder.
    pub fn new(data: Option<&Path>, examples: &Path) -> Result<GoldTexts, DatasetError> {
        let mut fakes = HashMap::new();
        if let Some(data) = data {
            let path = data.join("fa-kes/FA-KES-Dataset.csv");
            let bytes =
                std::fs::read(&path).map_err(|e| DatasetError::new(&path, 0, e.to_string()))?;
            let text = latin1(&bytes);
            let records = delimited::parse(&text, b',')
                .map_err(|e| DatasetError::new(&path, e.line, "unterminated quote"))?;
            let mut rows = records.into_iter();
            let header = rows.next().map(|r| r.fields).unwrap_or_default();
            let col = |name: &str| header.iter().position(|h| h == name);
            let outlet = col("source");
            let (Some(id), Some(title), Some(content)) =
                (col("unit_id"), col("article_title"), col("article_content"))
            else {
                return Err(DatasetError::new(
                    &path,
                    1,
                    "missing unit_id/article_title/article_content columns",
                ));
            };
            for row in rows {
                let get = |i: usize| row.fields.get(i).cloned().unwrap_or_default();
                fakes.entry(get(id)).or_insert(GoldText {
                    text: get(content),
                    title: Some(get(title)),
                    outlet: outlet.map(get).filter(|o| !o.is_empty()),
                });
            }
        }
        Ok(GoldTexts {
            fakes,
            fnc1: std::sync::OnceLock::new(),
            emergent: std::sync::OnceLock::new(),
            data: data.map(Path::to_path_buf),
            examples: examples.to_path_buf(),
        })
    }

    /// The FNC-1 bodies, or none when the shared data or the file is missing or
    /// unreadable (the gold records that point into it then count as unreadable).
    fn fnc1_bodies(&self) -> &HashMap<String, String> {
        self.fnc1.get_or_init(|| {
            self.csv_column(
                "fnc1-stance/competition_test_bodies.csv",
                "Body ID",
                "articleBody",
            )
        })
    }

    /// The Emergent article headlines, or none when the file is missing.
    fn emergent_headlines(&self) -> &HashMap<String, String> {
        self.emergent.get_or_init(|| {
            self.csv_column(
                "emergent-stance/url-versions-2015-06-14-clean-train.csv",
                "articleId",
                "articleHeadline",
            )
        })
    }

    /// One text column of a UTF-8 CSV under the shared data, by its key column; empty
    /// when the data, the file or a column is missing or the file does not parse.
    fn csv_column(&self, file: &str, key: &str, value: &str) -> HashMap<String, String> {
        let Some(data) = &self.data else {
            return HashMap::new();
        };
        let Ok(text) = std::fs::read_to_string(data.join(file)) else {
            return HashMap::new();
        };
        let Ok(records) = delimited::parse(&text, b',') else {
            return HashMap::new();
        };
        let mut rows = records.into_iter();
        let header = rows.next().map(|r| r.fields).unwrap_or_default();
        let col = |name: &str| header.iter().position(|h| h == name);
        let (Some(key), Some(value)) = (col(key), col(value)) else {
            return HashMap::new();
        };
        rows.filter_map(|row| Some((row.fields.get(key)?.clone(), row.fields.get(value)?.clone())))
            .collect()
    }

    pub fn get(&self, dataset: &str, key: &str) -> Option<GoldText> {
        match dataset {
            "fa-kes" => self.fakes.get(key).cloned(),
            // The SemEval-2020 PTC training articles, and (`ptc-test`) its test
            // articles, whose labels are held back but whose texts are public.
            "ptc" | "ptc-test" => {
                let folder = if dataset == "ptc" {
                    "semeval2020-task11-ptc/train-articles"
                } else {
                    "semeval2020-task11-ptc/test-articles"
                };
                let path = self.data.as_ref()?.join(folder).join(key);
                std::fs::read_to_string(path).ok().map(|text| GoldText {
                    text,
                    title: None,
                    outlet: None,
                })
            }
            "fnc1" => self.fnc1_bodies().get(key).map(|text| GoldText {
                text: text.clone(),
                title: None,
                outlet: None,
            }),
            "emergent" => self.emergent_headlines().get(key).map(|text| GoldText {
                text: text.clone(),
                title: None,
                outlet: None,
            }),
            "examples" => match key.split_once('#') {
                Some((file, line)) => {
                    let all = std::fs::read_to_string(self.examples.join(file)).ok()?;
                    let n: usize = line.parse().ok()?;
                    let record = all.split('\n').nth(n.checked_sub(1)?)?;
                    let value: serde_json::Value = serde_json::from_str(record).ok()?;
                    Some(GoldText {
                        text: value.get("text")?.as_str()?.to_string(),
                        title: value
                            .get("title")
                            .and_then(|t| t.as_str())
                            .map(str::to_string),
                        outlet: value
                            .get("outlet")
                            .and_then(|t| t.as_str())
                            .map(str::to_string),
                    })
                }
                None => std::fs::read_to_string(self.examples.join(key))
                    .ok()
                    .map(|text| GoldText {
                        text,
                        title: None,
                        outlet: None,
                    }),
            },
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::GoldTexts;

    /// The gold texts over the shared data, or none (the test is skipped) without it.
    fn shared_texts() -> Option<GoldTexts> {
        let Some(data) = crate::shared_data_dir() else {
            eprintln!("skipped: ../shared/data is absent");
            return None;
        };
        let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
        Some(GoldTexts::new(Some(&data), &examples).unwrap())
    }

    #[test]
    fn reads_fnc1_bodies_by_body_id() {
        let Some(texts) = shared_texts() else {
            return;
        };
        // Body 1052: a multi-line quoted field, the headline-like first line glued on.
        let body = texts.get("fnc1", "1052").unwrap().text;
        assert!(body.starts_with(
            "Syrian Observatory for Human Rights says militants were killed in Al-Bukamal\n"
        ));
        assert!(body.contains("publicly executed at least two of their own fighters"));
        assert!(texts.get("fnc1", "no such body").is_none());
    }

    #[test]
    fn reads_emergent_headlines_by_article_id() {
        let Some(texts) = shared_texts() else {
            return;
        };
        let headline = texts
            .get("emergent", "00b6b660-b6a9-11e4-8507-b58af63d1078")
            .unwrap()
            .text;
        assert_eq!(
            headline,
            "Two blokes dared to eat 20-year-old burger for charity"
        );
        assert!(texts.get("emergent", "no such article").is_none());
    }

    #[test]
    fn reads_ptc_test_articles_apart_from_training_articles() {
        let Some(texts) = shared_texts() else {
            return;
        };
        let article = texts.get("ptc-test", "article813601978.txt").unwrap().text;
        assert!(article.starts_with("Big Apple joins in ringing in New Year after rough 2018\n"));
        // A test article is not found among the training articles, nor the reverse.
        assert!(texts.get("ptc", "article813601978.txt").is_none());
        assert!(texts.get("ptc-test", "article111111111.txt").is_none());
    }
}
