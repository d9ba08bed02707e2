use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// Evidence for a signal: a span of the article's source text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub start: usize,
    pub end: usize,
    /// A finer label where the signal has several (a propaganda technique name).
    /// Most labels are fixed names, borrowed, not copied into a string per span.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Cow<'static, str>>,
}

/// One interpretable observation about an article (see `docs/signals.md`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Signal {
    /// `scare_quotes`, `all_caps`, `question_headline`, `loaded_language`, ...
    /// (a fixed name, borrowed; owned only when read from a file).
    pub kind: Cow<'static, str>,
    /// The signal's measured value (a count, a share, a probability).
    pub value: f32,
    /// Contribution to the credibility score, in log-odds; negative lowers it.
    pub weight: f32,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CredibilityLabel {
    Credible,
    Uncertain,
    Doubtful,
}

impl CredibilityLabel {
    /// The label as it is serialised (`credible`).
    pub fn as_str(&self) -> &'static str {
        match self {
            CredibilityLabel::Credible => "credible",
            CredibilityLabel::Uncertain => "uncertain",
            CredibilityLabel::Doubtful => "doubtful",
        }
    }
}

/// A calibrated probability that the article's factual claims hold up, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Credibility {
    pub score: f32,
    pub label: CredibilityLabel,
    /// The signals behind the score, strongest first.
    pub signals: Vec<Signal>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_names_are_the_serialised_ones() {
        for l in [
            CredibilityLabel::Credible,
            CredibilityLabel::Uncertain,
            CredibilityLabel::Doubtful,
        ] {
            let json = serde_json::to_string(&l).unwrap();
            assert_eq!(json, format!("\"{}\"", l.as_str()));
            // What `--format csv` and the report printed before `as_str` existed.
            assert_eq!(format!("{l:?}").to_ascii_lowercase(), l.as_str());
        }
    }
}
