//! Per-article cross-source consistency: how an article's claims fare against what
//! other, independent outlets report about the same events. These are the
//! features the credibility model reads (`crosscheck-signals`, `credibility`).
//!
//! Everything comes from the linking state and its [`LinkResult`]: event
//! membership, claim statuses, contradictions, corroborations, independence groups
//! and the killed/injured ranges kept for each claim. Nothing here looks at
//! labels, so computing it over a whole labelled corpus before cross-validation
//! leaks nothing.
//!
//! "Independent" follows `docs/linking.md`: another article that is not a copy of
//! this one (not in its independence group), from another outlet, and whose claim
//! does not relay the same named publisher.

use crosscheck_schema::{ArticleAnalysis, ClaimStatus, ContradictionField, Span};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::compare::comparable_categories;
use crate::linker::{LinkResult, Linker};
use crate::record::{CountRec, NONE};

/// The named features of [`Consistency::features`], in order.
pub const CONSISTENCY_FEATURES: [&str; 16] = [
    "consistency_linked",
    "consistency_event_claims",
    "consistency_shared_share",
    "consistency_contradicted_share",
    "consistency_corroborated_share",
    "consistency_single_source_share",
    "consistency_killed_claims",
    "consistency_killed_compared",
    "consistency_killed_others",
    "consistency_killed_deviation",
    "consistency_killed_abs_deviation",
    "consistency_killed_agreement",
    "consistency_killed_contradicted",
    "consistency_max_sources",
    "consistency_other_outlets",
    "consistency_copy",
];

/// How an article's claims compare with other outlets' reports of the same events.
///
/// Counts are of the article's claims. A claim is *shared* when its event holds a
/// claim of another independent source. Killed counts are compared by their range
/// midpoints (an open range "at least 45" by its lower end), only between
/// comparable victim classes (people and civilians together; soldiers, children
/// ... each apart), and vague counts ("dozens") are left out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Consistency {
    /// The article was added to the linker (false: every other field is empty).
    pub linked: bool,
    /// Claims of the article.
    pub claims: u32,
    /// Claims that linking placed in an event.
    pub event_claims: u32,
    /// Event claims whose event holds a claim of another independent source.
    pub shared_claims: u32,
    /// Claims with status `contradicted` / `corroborated` / `single_source`.
    pub contradicted: u32,
    pub corroborated: u32,
    pub single_source: u32,
    /// Event claims stating a non-vague killed count.
    pub killed_claims: u32,
    /// Of those, how many have at least one independent report of a comparable
    /// killed count in their event.
    pub killed_compared: u32,
    /// The most independent other reports of a comparable killed count any of the
    /// article's counts is compared with.
    pub killed_others: u32,
    /// Signed relative deviation of the article's killed count from the median of
    /// the independent other reports, `(mine - median) / max(mine, median, 1)` in
    /// -1..1, for the compared count that deviates most; `None` when none is
    /// compared. Positive: the article reports more dead than the others.
    pub killed_deviation: Option<f32>,
    /// Mean of the absolute deviations of its compared counts.
    pub killed_abs_deviation: Option<f32>,
    /// Share of the (claim, other report) pairs whose ranges overlap.
    pub killed_agreement: Option<f32>,
    /// Claims taking part in a contradiction on the killed field.
    pub killed_contradicted: u32,
    /// Most independent sources behind a corroborated value one of its claims states.
    pub max_sources: u32,
    /// Distinct other independent outlets (or groups) reporting its events.
    pub other_outlets: u32,
    /// The article is a copy: in an independence group whose origin (the earliest
    /// published member, then the smallest id) is another article. Of two copies
    /// published the same day, which one is the copy is arbitrary.
    pub copy: bool,
    /// Evidence: the spans of its contradicted claims, of its corroborated claims,
    /// of its shared claims, and of the killed count that deviates most (byte
    /// offsets in its text).
    pub contradicted_spans: Vec<Span>,
    pub corroborated_spans: Vec<Span>,
    pub shared_spans: Vec<Span>,
    pub deviation_span: Option<Span>,
}

impl Consistency {
    /// The named features, in the order of [`CONSISTENCY_FEATURES`]. Counts enter
    /// as `ln(1 + n)`; the shared share is over the event claims, the status shares
    /// over all claims (0 without any); a missing
    /// deviation as 0 (its absence is `consistency_killed_compared` = 0).
    pub fn features(&self) -> Vec<(&'static str, f32)> {
        let ln = |n: u32| (n as f32).ln_1p();
        let share = |n: u32, of: u32| if of == 0 { 0.0 } else { n as f32 / of as f32 };
        let b = |v: bool| if v { 1.0 } else { 0.0 };
        let values = [
            b(self.linked),
            ln(self.event_claims),
            share(self.shared_claims, self.event_claims),
            share(self.contradicted, self.claims),
            share(self.corroborated, self.claims),
            share(self.single_source, self.claims),
            ln(self.killed_claims),
            ln(self.killed_compared),
            ln(self.killed_others),
            self.killed_deviation.unwrap_or(0.0),
            self.killed_abs_deviation.unwrap_or(0.0),
            self.killed_agreement.unwrap_or(0.0),
            ln(self.killed_contradicted),
            ln(self.max_sources),
            ln(self.other_outlets),
            b(self.copy),
        ];
        CONSISTENCY_FEATURES
            .iter()
            .zip(values)
            .map(|(&n, v)| (n, if v.is_finite() { v } else { 0.0 }))
            .collect()
    }
}

/// Look-up tables over one [`LinkResult`], built once per run (one pass over the
/// claims), so that the consistency of each article is a walk over its own
/// events, by index, without string look-ups.
pub struct ConsistencyIndex<'a> {
    linker: &'a Linker,
    /// Per linker claim: its event in `members`, or `u32::MAX`.
    claim_event: Vec<u32>,
    /// Per event: the linker indices of its claims, in the result's order
    /// (`u32::MAX` for an id the linker does not hold).
    members: Vec<Vec<u32>>,
    /// Per linker claim: its status.
    status: Vec<Option<ClaimStatus>>,
    /// Per linker claim: it takes part in a contradiction on the killed field.
    killed_contradicted: Vec<bool>,
    /// Per linker claim: the most independent sources of a corroboration it is in.
    sources: Vec<u32>,
    /// Per linker article: (independence group, is the group's origin), group
    /// `u32::MAX` when the article is in none.
    groups: Vec<(u32, bool)>,
}

/// The claim statuses of one article, from [`ConsistencyIndex::claim_statuses`].
pub struct ClaimStatuses<'i> {
    index: &'i ConsistencyIndex<'i>,
    /// The linker's index of the article, when it holds one with that id.
    article: Option<u32>,
}

impl ClaimStatuses<'_> {
    /// What [`LinkResult::status`] answers for `claim_id`, the `k`-th claim of the
    /// article, read from the index: `None` when the linker's `k`-th claim of
    /// that article has another id (or there is none), and the result must be
    /// asked.
    pub fn get(&self, k: usize, claim_id: &str) -> Option<Option<ClaimStatus>> {
        let linker = self.index.linker;
        let rec = &linker.articles[self.article? as usize];
        let i = rec.claim_range().nth(k)?;
        // The index holds the result's status of the linker's id of claim `i`.
        linker.claims[i as usize]
            .id
            .is(claim_id, &rec.id)
            .then(|| self.index.status[i as usize])
    }
}

impl<'a> ConsistencyIndex<'a> {
    /// Indexes `result`, which must come from `linker.link()`.
    pub fn new(linker: &'a Linker, result: &LinkResult) -> ConsistencyIndex<'a> {
        let n = linker.claims.len();
        // Claim id → (event, position in the event's claim list): members keep the
        // result's order, so nothing depends on the order articles were added in.
        let mut event_of: FxHashMap<&str, (u32, u32)> = FxHashMap::default();
        for (e, event) in result.events.iter().enumerate() {
            for (k, c) in event.claims.iter().enumerate() {
                event_of.insert(c.as_str(), (e as u32, k as u32));
            }
        }
        let killed: FxHashSet<&str> = result
            .contradictions
            .iter()
            .filter(|c| c.field == ContradictionField::Killed)
            .flat_map(|c| c.claims.iter().map(|r| r.claim.as_str()))
            .collect();
        let mut corroborated: FxHashMap<&str, usize> = FxHashMap::default();
        for c in &result.corroborations {
            for r in &c.claims {
                let e = corroborated.entry(r.claim.as_str()).or_insert(0);
                *e = (*e).max(c.independent_sources);
            }
        }
        let mut index = ConsistencyIndex {
            linker,
            claim_event: vec![u32::MAX; n],
            members: result
                .events
                .iter()
                .map(|e| vec![u32::MAX; e.claims.len()])
                .collect(),
            status: vec![None; n],
            killed_contradicted: vec![false; n],
            sources: vec![0; n],
            groups: vec![(u32::MAX, false); linker.articles.len()],
        };
        // Claim id → status, instead of a binary search of the statuses (by id)
        // for every claim: `None` for an id listed more than once, which the
        // search answers as it always did.
        let mut status_of: FxHashMap<&str, Option<ClaimStatus>> = FxHashMap::default();
        status_of.reserve(result.statuses.len());
        for (id, status) in &result.statuses {
            status_of
                .entry(id.as_str())
                .and_modify(|s| *s = None)
                .or_insert(Some(*status));
        }
        let mut id = String::new();
        for i in 0..n as u32 {
            linker.claim_id_into(i, &mut id);
            let id = id.as_str();
            if let Some(&(e, k)) = event_of.get(id) {
                index.claim_event[i as usize] = e;
                index.members[e as usize][k as usize] = i;
            }
            index.status[i as usize] = match status_of.get(id) {
                Some(&Some(status)) => Some(status),
                Some(None) => result.status(id),
                None => None,
            };
            index.killed_contradicted[i as usize] = killed.contains(id);
            index.sources[i as usize] = corroborated.get(id).map_or(0, |&s| s as u32);
        }
        for (g, group) in result.groups.iter().enumerate() {
            for a in &group.articles {
                if let Some(&i) = linker.article_index.get(a.as_str()) {
                    index.groups[i as usize] = (g as u32, *a == group.origin);
                }
            }
        }
        index
    }

    /// The statuses of the claims of the article `article_id` as this index holds
    /// them, for a caller that would search the result for each claim's id.
    pub fn claim_statuses(&self, article_id: &str) -> ClaimStatuses<'_> {
        ClaimStatuses {
            index: self,
            article: self.linker.article_index.get(article_id).copied(),
        }
    }

    /// The consistency of one article (all zero, `linked` false, when the linker
    /// does not hold it).
    pub fn article(&self, article: &ArticleAnalysis) -> Consistency {
        self.article_by_id(&article.id)
    }

    /// [`ConsistencyIndex::article`] of the article with this id.
    pub fn article_by_id(&self, id: &str) -> Consistency {
        let linker = self.linker;
        let Some(&a) = linker.article_index.get(id) else {
            return Consistency::default();
        };
        let rec = &linker.articles[a as usize];
        let (group, origin) = self.groups[a as usize];
        let my_group = (group != u32::MAX).then_some(group);
        let mut out = Consistency {
            linked: true,
            claims: rec.claims,
            copy: my_group.is_some() && !origin,
            ..Consistency::default()
        };
        let mut other_outlets: FxHashSet<(bool, u32)> = FxHashSet::default();
        let mut seen_sources: FxHashSet<(bool, u32)> = FxHashSet::default();
        let mut others: Vec<f32> = Vec::new();
        let mut worst: Option<(f32, Span)> = None;
        let (mut abs_sum, mut abs_n) = (0f32, 0u32);
        let (mut agree, mut pairs) = (0u32, 0u32);
        for i in rec.claim_range() {
            let c = &linker.claims[i as usize];
            let span = Span::new(c.start, c.end);
            match self.status[i as usize] {
                Some(ClaimStatus::Contradicted) => {
                    out.contradicted += 1;
                    out.contradicted_spans.push(span);
                }
                Some(ClaimStatus::Corroborated) => {
                    out.corroborated += 1;
                    out.corroborated_spans.push(span);
                }
                Some(ClaimStatus::SingleSource) => out.single_source += 1,
                None => {}
            }
            if self.killed_contradicted[i as usize] {
                out.killed_contradicted += 1;
            }
            out.max_sources = out.max_sources.max(self.sources[i as usize]);
            let e = self.claim_event[i as usize];
            if e == u32::MAX {
                continue;
            }
            out.event_claims += 1;
            let mine = c
                .frame
                .as_ref()
                .and_then(|f| f.killed.as_ref())
                .filter(|k| !k.vague);
            if mine.is_some() {
                out.killed_claims += 1;
            }
            // The other independent reports in this event.
            let mut shared = false;
            let mut overlap = 0u32;
            others.clear();
            seen_sources.clear();
            for &j in &self.members[e as usize] {
                let Some(cj) = linker.claims.get(j as usize) else {
                    continue; // an id of the result the linker does not hold
                };
                if cj.article == a {
                    continue;
                }
                let art_j = &linker.articles[cj.article as usize];
                let group_j = self.groups[cj.article as usize].0;
                if my_group.is_some_and(|g| g == group_j) {
                    continue;
                }
                if rec.outlet_key.is_some() && rec.outlet_key == art_j.outlet_key {
                    continue;
                }
                if c.source != NONE && c.source == cj.source {
                    continue;
                }
                shared = true;
                // One source: the publisher relayed, else the outlet, else the article.
                let source = if cj.source != NONE {
                    (true, cj.source)
                } else {
                    match art_j.outlet_key {
                        Some(k) => (true, k),
                        None => (false, cj.article),
                    }
                };
                other_outlets.insert(match art_j.outlet_key {
                    Some(k) => (true, k),
                    None if group_j != u32::MAX => (false, group_j),
                    None => (false, u32::MAX - cj.article),
                });
                let (Some(m), Some(k)) = (mine, cj.frame.as_ref().and_then(|f| f.killed.as_ref()))
                else {
                    continue;
                };
                if k.vague || !comparable_categories(m.category, k.category) {
                    continue;
                }
                // Each source counts once, with its first comparable count.
                if seen_sources.insert(source) {
                    others.push(midpoint(k));
                    if overlaps(m, k) {
                        overlap += 1;
                    }
                }
            }
            if shared {
                out.shared_claims += 1;
                out.shared_spans.push(span);
            }
            if let (Some(m), false) = (mine, others.is_empty()) {
                out.killed_compared += 1;
                out.killed_others = out.killed_others.max(others.len() as u32);
                others.sort_by(f32::total_cmp);
                let median = median_of_sorted(&others);
                let x = midpoint(m);
                let d = (x - median) / x.max(median).max(1.0);
                abs_sum += d.abs();
                abs_n += 1;
                agree += overlap;
                pairs += others.len() as u32;
                if worst.is_none_or(|(w, _)| d.abs() > w.abs()) {
                    worst = Some((d, Span::new(m.start, m.end)));
                }
            }
        }
        out.other_outlets = other_outlets.len() as u32;
        if let Some((d, span)) = worst {
            out.killed_deviation = Some(d);
            out.deviation_span = Some(span);
        }
        if abs_n > 0 {
            out.killed_abs_deviation = Some(abs_sum / abs_n as f32);
        }
        if pairs > 0 {
            out.killed_agreement = Some(agree as f32 / pairs as f32);
        }
        out
    }
}

/// The consistency of one article. Builds a [`ConsistencyIndex`] each call: for
/// many articles build the index once and call [`ConsistencyIndex::article`].
pub fn article_consistency(
    linker: &Linker,
    result: &LinkResult,
    article: &ArticleAnalysis,
) -> Consistency {
    ConsistencyIndex::new(linker, result).article(article)
}

fn midpoint(c: &CountRec) -> f32 {
    match c.max {
        Some(max) => (c.min as f32 + max as f32) / 2.0,
        None => c.min as f32,
    }
}

fn overlaps(x: &CountRec, y: &CountRec) -> bool {
    let hi = |c: &CountRec| c.max.unwrap_or(u32::MAX);
    x.min <= hi(y) && y.min <= hi(x)
}

fn median_of_sorted(v: &[f32]) -> f32 {
    match v.len() {
        0 => 0.0,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feature_names_and_values_line_up() {
        let c = Consistency {
            linked: true,
            claims: 4,
            event_claims: 2,
            contradicted: 1,
            killed_deviation: Some(-0.5),
            copy: true,
            ..Consistency::default()
        };
        let f = c.features();
        assert_eq!(f.len(), CONSISTENCY_FEATURES.len());
        let get = |n: &str| f.iter().find(|(k, _)| *k == n).map(|(_, v)| *v);
        // Status shares are over all claims, the shared share over event claims.
        assert_eq!(get("consistency_contradicted_share"), Some(0.25));
        assert_eq!(get("consistency_killed_deviation"), Some(-0.5));
        assert_eq!(get("consistency_copy"), Some(1.0));
        assert_eq!(get("consistency_killed_agreement"), Some(0.0));
        let empty = Consistency::default().features();
        assert!(empty.iter().all(|(_, v)| *v == 0.0));
    }

    /// The linking corpus of `examples/link` (fiction written for the project):
    /// 52 articles on seven incidents, with copies and disputed tolls.
    fn linked_corpus() -> (Vec<(String, String, ArticleAnalysis)>, Linker, LinkResult) {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/link/articles");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("examples/link/articles is in the repository")
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        let pipeline = crosscheck_core::Pipeline::new();
        let mut articles = Vec::new();
        for path in files {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path).unwrap();
            let doc = crosscheck_schema::Document::from_text(name.clone(), text.clone());
            for a in pipeline.analyze(&doc) {
                articles.push((name.clone(), text.clone(), a));
            }
        }
        let mut linker = Linker::default();
        for (_, text, article) in &articles {
            linker.add(crate::LinkInput { article, text }, &crate::NoLexicon);
        }
        let result = linker.link();
        (articles, linker, result)
    }

    #[test]
    fn claim_statuses_are_those_of_the_result() {
        let (articles, linker, result) = linked_corpus();
        let index = ConsistencyIndex::new(&linker, &result);
        let mut read = 0;
        for (_, _, article) in &articles {
            let known = index.claim_statuses(&article.id);
            for (k, c) in article.claims.iter().enumerate() {
                if let Some(status) = known.get(k, &c.id) {
                    assert_eq!(status, result.status(&c.id), "{}", c.id);
                    read += 1;
                }
                // Another claim's id, or none, is never read from the index.
                assert_eq!(known.get(k, "no such claim"), None);
                assert_eq!(known.get(k + 1000, &c.id), None);
            }
        }
        assert!(read > 20, "{read} statuses read");
        assert_eq!(index.claim_statuses("no such article").get(0, "x"), None);
    }

    #[test]
    fn each_claim_has_the_status_the_result_gives_its_id() {
        let (_, linker, mut result) = linked_corpus();
        // An id listed twice with two statuses (which `link` never gives): the
        // index answers what a search of the list answers.
        let twice = result.statuses.len() / 2;
        let (id, status) = result.statuses[twice].clone();
        let other = ClaimStatus::ALL
            .into_iter()
            .find(|&s| s != status)
            .expect("another status");
        result.statuses.insert(twice + 1, (id.clone(), other));
        // And a claim the result does not list.
        let missing = result.statuses.remove(3).0;
        let index = ConsistencyIndex::new(&linker, &result);
        let mut seen = 0;
        for i in 0..linker.claims.len() as u32 {
            let claim = linker.claim_id(i);
            assert_eq!(index.status[i as usize], result.status(&claim), "{claim}");
            seen += usize::from(*claim == *id) + usize::from(*claim == *missing);
        }
        assert_eq!(seen, 2);
    }

    #[test]
    fn consistency_of_the_linking_corpus() {
        let (articles, linker, result) = linked_corpus();
        let index = ConsistencyIndex::new(&linker, &result);
        let of = |prefix: &str| {
            let (_, text, a) = articles
                .iter()
                .find(|(n, _, _)| n.starts_with(prefix))
                .unwrap();
            (text, index.article(a))
        };
        // The Saraqib hospital strike is reported by many outlets.
        let (text, first) = of("01-");
        assert!(first.linked && first.event_claims > 0);
        assert!(first.other_outlets >= 2, "{first:?}");
        assert!(first.shared_claims > 0);
        // A reprint a day later is a copy.
        assert!(of("05-").1.copy, "{:?}", of("05-").1);
        // Evidence spans are claims of the article's own text.
        for span in first
            .contradicted_spans
            .iter()
            .chain(&first.corroborated_spans)
        {
            assert!(text
                .get(span.start..span.end)
                .is_some_and(|s| !s.is_empty()));
        }
        // Somewhere in the corpus tolls are compared and disagree.
        let all: Vec<Consistency> = articles.iter().map(|(_, _, a)| index.article(a)).collect();
        assert!(all.iter().any(|c| c.killed_compared > 0));
        assert!(all
            .iter()
            .any(|c| c.killed_contradicted > 0 && !c.contradicted_spans.is_empty()));
        for c in &all {
            let d = c.killed_deviation.unwrap_or(0.0);
            assert!((-1.0..=1.0).contains(&d));
            assert_eq!(c.killed_deviation.is_some(), c.killed_compared > 0);
            assert_eq!(c.features().len(), CONSISTENCY_FEATURES.len());
        }
        // Adding the articles in the opposite order changes nothing.
        let mut reversed = Linker::default();
        for (_, text, article) in articles.iter().rev() {
            reversed.add(crate::LinkInput { article, text }, &crate::NoLexicon);
        }
        let reversed_result = reversed.link();
        let reversed_index = ConsistencyIndex::new(&reversed, &reversed_result);
        for (_, _, a) in &articles {
            assert_eq!(reversed_index.article(a), index.article(a));
        }
        // The one-shot function agrees with the index.
        let (_, _, a) = &articles[0];
        assert_eq!(article_consistency(&linker, &result, a), index.article(a));
        // An article the linker never saw is unlinked, not an error.
        let mut stranger = a.clone();
        stranger.id = "ffffffffffffffff".into();
        assert_eq!(index.article(&stranger), Consistency::default());
    }

    #[test]
    fn medians_and_overlaps() {
        assert_eq!(median_of_sorted(&[1.0, 5.0, 9.0]), 5.0);
        assert_eq!(median_of_sorted(&[1.0, 5.0]), 3.0);
        let r = |min, max| CountRec {
            min,
            max,
            category: crosscheck_schema::CasualtyCategory::People,
            vague: false,
            update: false,
            start: 0,
            end: 0,
        };
        assert!(overlaps(&r(27, None), &r(30, Some(30))));
        assert!(!overlaps(&r(20, Some(20)), &r(23, Some(23))));
        assert_eq!(midpoint(&r(45, Some(55))), 50.0);
        assert_eq!(midpoint(&r(45, None)), 45.0);
    }
}
