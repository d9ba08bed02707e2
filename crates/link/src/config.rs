use serde::{Deserialize, Serialize};

/// Thresholds and tolerances of linking. `docs/linking.md` explains each one and
/// how the defaults were chosen.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LinkConfig {
    /// Words per shingle for copy detection.
    pub shingle_words: usize,
    /// Articles with fewer distinct shingles are never called copies: their
    /// signatures are too noisy.
    pub min_shingles: u32,
    /// Estimated Jaccard similarity of two articles' shingles at or above which one
    /// is a copy of the other.
    pub copy_jaccard: f32,
    /// Estimated share of the smaller article's shingles found in the larger one at
    /// or above which the smaller is a copy (a trimmed syndication).
    pub copy_containment: f32,
    /// Estimated Jaccard similarity of two claim sentences' word pairs at or above
    /// which one sentence is a copied passage of the other.
    pub passage_jaccard: f32,
    /// Claim sentences with fewer word pairs are never called copied passages.
    pub passage_min_pairs: usize,
    /// Two dates closer than this many days may still describe one event (and then
    /// contradict each other); farther apart they are different events.
    pub date_slack_days: i32,
    /// A claim without a date is taken to be about the last this-many days up to its
    /// article's publication date (for clustering only; it never contradicts).
    pub undated_window_days: i32,
    /// A claim whose date spans more days than this ("in 2015", "since 2011") is
    /// background, not an event report: it joins no event.
    pub max_event_days: i32,
    /// Minimum evidence score for two claims to describe the same event.
    pub edge_threshold: f32,
    /// Two casualty counts conflict only when the gap between their ranges exceeds
    /// `max(count_abs_tolerance, count_rel_tolerance × the larger bound)`.
    pub count_abs_tolerance: u32,
    pub count_rel_tolerance: f32,
    /// Count all articles of one outlet as one source for a value (an outlet
    /// repeating its own figure does not corroborate it).
    pub one_source_per_outlet: bool,
}

impl Default for LinkConfig {
    fn default() -> LinkConfig {
        LinkConfig {
            shingle_words: 5,
            min_shingles: 12,
            copy_jaccard: 0.5,
            copy_containment: 0.8,
            passage_jaccard: 0.6,
            passage_min_pairs: 6,
            date_slack_days: 1,
            undated_window_days: 3,
            max_event_days: 31,
            edge_threshold: 2.0,
            count_abs_tolerance: 0,
            count_rel_tolerance: 0.0,
            one_source_per_outlet: true,
        }
    }
}
