use crosscheck_schema::{
    ArticleAnalysis, ClaimStatus, Contradiction, Corroboration, Event, IndependenceGroup,
    InputFormat,
};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::body_words::BodyWords;
use crate::compare::{SourceKey, Sources};
use crate::config::LinkConfig;
use crate::events::{cluster, ClaimKeys, EventIndex};
use crate::hash::fold_name;
use crate::hash::hex_id;
use crate::lexicon::Lexicon;
use crate::minhash::{containment, jaccard, sign_words, Lsh, SigningScratch, BINS};
use std::borrow::Cow;

use crate::record::{build, ArticleRec, ClaimId, ClaimRec, Tables};
use crate::util::{sort_dedup_pairs, UnionFind};

/// One article to link, with the text its offsets index.
#[derive(Clone, Copy)]
pub struct LinkInput<'a> {
    pub article: &'a ArticleAnalysis,
    /// The decoded source text the article's offsets point into (the whole file or
    /// the record's text field).
    pub text: &'a str,
}

/// What linking says about everything added so far.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LinkResult {
    /// Articles that are copies or syndications of one another (two or more
    /// members), by origin id.
    pub groups: Vec<IndependenceGroup>,
    /// Same-event clusters, by first possible date then id.
    pub events: Vec<Event>,
    pub contradictions: Vec<Contradiction>,
    /// Values backed by two or more independent sources.
    pub corroborations: Vec<Corroboration>,
    /// Every claim added, by claim id.
    pub statuses: Vec<(String, ClaimStatus)>,
}

impl LinkResult {
    /// The status of one claim.
    pub fn status(&self, claim: &str) -> Option<ClaimStatus> {
        self.statuses
            .binary_search_by(|(id, _)| id.as_str().cmp(claim))
            .ok()
            .map(|i| self.statuses[i].1)
    }

    /// The event holding a claim.
    pub fn event_of(&self, claim: &str) -> Option<&Event> {
        self.events
            .iter()
            .find(|e| e.claims.iter().any(|c| c == claim))
    }
}

/// The linking state: compact summaries of the articles added so far (no texts),
/// their MinHash signatures with an LSH index, copy links, an index of claims by
/// (place, week) and the union-find of claims that may share an event.
///
/// Adding an article costs a pass over its body and index look-ups, not a pass
/// over the corpus. The state is serialisable so a store can keep it between runs.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Linker {
    pub(crate) config: LinkConfig,
    pub(crate) tables: Tables,
    pub(crate) articles: Vec<ArticleRec>,
    pub(crate) article_index: FxHashMap<Box<str>, u32>,
    pub(crate) claims: Vec<ClaimRec>,
    /// `BINS` values per article.
    pub(crate) signatures: Vec<u32>,
    pub(crate) lsh: Lsh,
    /// Pairs of articles found to be copies of each other (older index first).
    pub(crate) copy_pairs: Vec<(u32, u32)>,
    pub(crate) copies: UnionFind,
    pub(crate) events: EventIndex,
    /// Claims joined by an edge above the threshold, transitively.
    pub(crate) components: UnionFind,
    /// The buffers of signing the article being added.
    #[serde(skip)]
    scratch: SigningScratch,
    /// The hashed words of the article being added (kept for the allocations).
    #[serde(skip)]
    words: BodyWords,
    /// Every claim's [`crate::events::ClaimKey`] and each article's framed
    /// claims, derived from the state (not saved): rebuilt by [`Linker::add`] when
    /// they are not in step with `claims`, as after a restore.
    #[serde(skip)]
    keys: ClaimKeys,
    /// Buffers of `add` kept between calls: articles sharing an LSH band, and
    /// candidate claims.
    #[serde(skip)]
    found: Vec<u32>,
    /// Per article: the number (plus one) of the last article that found it in
    /// the LSH index, to drop repeats from `found`.
    #[serde(skip)]
    seen: Vec<u32>,
    #[serde(skip)]
    cands: Vec<u32>,
}

/// The first bytes of a state written by [`Linker::to_state`]: a name and a
/// format version.
pub const STATE_MAGIC: &[u8; 5] = b"CCLS\x01";

/// A saved linker state that cannot be read back.
#[derive(Debug)]
pub struct StateError(String);

impl std::fmt::Display for StateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unreadable linking state: {}", self.0)
    }
}

impl std::error::Error for StateError {}

impl Linker {
    /// The state to save between runs, so the next run links new articles against
    /// everything linked before without reading those articles again.
    ///
    /// The format is [`STATE_MAGIC`] followed by the linker in postcard (a
    /// compact binary serde format with a stable wire format): about a third of
    /// the JSON it replaced (33 MB against 110 MB for 18,000 articles of the
    /// benchmark corpus), which matters because the state grows with the corpus
    /// (about 1.9 KB per article) and is held in memory while it is saved.
    pub fn to_state(&self) -> Vec<u8> {
        let mut out = STATE_MAGIC.to_vec();
        // Serialising plain data into memory cannot fail.
        postcard::to_io(self, &mut out).ok();
        out
    }

    /// A linker restored from [`Linker::to_state`]. States saved as JSON by
    /// earlier versions are still read.
    pub fn from_state(state: &[u8]) -> Result<Linker, StateError> {
        match state.strip_prefix(STATE_MAGIC) {
            Some(binary) => postcard::from_bytes(binary).map_err(|e| StateError(e.to_string())),
            None if state.first() == Some(&b'{') => {
                serde_json::from_slice(state).map_err(|e| StateError(e.to_string()))
            }
            None => Err(StateError("not a linking state".into())),
        }
    }

    pub fn new(config: LinkConfig) -> Linker {
        Linker {
            config,
            ..Linker::default()
        }
    }

    pub fn config(&self) -> &LinkConfig {
        &self.config
    }

    /// Number of articles and claims held.
    pub fn len(&self) -> (usize, usize) {
        (self.articles.len(), self.claims.len())
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// True when an article with this id was added.
    pub fn contains(&self, article_id: &str) -> bool {
        self.article_index.contains_key(article_id)
    }

    /// Adds one article. An article whose id was already added is ignored (returns
    /// false), so re-adding a store's articles changes nothing.
    pub fn add(&mut self, input: LinkInput<'_>, lexicon: &dyn Lexicon) -> bool {
        if self.contains(&input.article.id) {
            return false;
        }
        let a = self.articles.len() as u32;
        let first = self.claims.len() as u32;
        if !self.keys.in_step(self) {
            self.keys = ClaimKeys::of(self);
        }
        // The body's words, hashed once for the signature and the claims' sketches.
        let markup = input.article.format == InputFormat::Html;
        let mut words = std::mem::take(&mut self.words);
        words.scan(input.text, body(input.article, input.text), markup);
        let built = build(
            input.article,
            input.text,
            &words,
            lexicon,
            &self.config,
            &mut self.tables,
            first,
        );
        let mut article = built.article;

        // Copies: sign the body, look up articles sharing an LSH band, verify.
        let mut sig = [0u32; BINS];
        let shingles = sign_words(
            &words,
            self.config.shingle_words,
            &mut self.scratch,
            &mut sig,
        );
        self.words = words;
        let signed = shingles >= self.config.min_shingles;
        article.shingles = if signed { shingles } else { 0 };
        let mut partners = Vec::new();
        if signed {
            let mut found = std::mem::take(&mut self.found);
            found.clear();
            self.lsh.query(&sig, &mut found);
            // An article sharing several bands is found once per band (ten times
            // over at corpus scale): the repeats are dropped by marking each
            // article with this one's number as it is met, before the sort.
            let seen = &mut self.seen;
            seen.resize(seen.len().max(a as usize), 0);
            found.retain(|&b| std::mem::replace(&mut seen[b as usize], a + 1) != a + 1);
            found.sort_unstable();
            for &b in &found {
                if self.is_copy(&sig, shingles, b) {
                    partners.push(b);
                }
            }
            self.found = found;
        }
        self.lsh.insert(a, signed.then_some(&sig[..]));
        self.signatures
            .extend_from_slice(if signed { &sig } else { &[0; BINS] });
        self.copies.grow(a as usize + 1);
        for &b in &partners {
            self.copy_pairs.push((b, a));
            self.copies.union(a, b);
        }

        self.article_index.insert(article.id.clone(), a);
        self.articles.push(article);
        let mut claims = built.claims;
        for c in &mut claims {
            c.article = a;
        }
        self.claims.extend(claims);
        let end = self.claims.len() as u32;
        self.components.grow(end as usize);
        for i in first..end {
            self.index_claim(i);
        }
        let mut keys = std::mem::take(&mut self.keys);
        keys.push_article(self, a);
        self.keys = keys;
        // Join the new claims to every claim they share an edge with. Each pair is
        // tested when the later of its two claims arrives, with a symmetric test, so
        // the components do not depend on the order of arrival.
        let mut cands = std::mem::take(&mut self.cands);
        for i in first..end {
            self.candidates(&self.keys, i, true, &partners, &mut cands);
            for &j in &cands {
                // Already joined, and joining again would not even shorten a path
                // in the union-find (the saved state stays byte for byte what the
                // edge test would have left): the edge cannot change anything.
                if self.components.joined_flat(i, j) {
                    continue;
                }
                let copy_pair = partners.contains(&self.claims[j as usize].article);
                if self.is_edge(i, j, copy_pair) {
                    self.components.union(i, j);
                }
            }
        }
        self.cands = cands;
        true
    }

    /// Every claim's [`crate::events::ClaimKey`] and each article's framed claims:
    /// the kept ones when they are in step with the claims, else computed.
    fn claim_keys(&self) -> Cow<'_, ClaimKeys> {
        if self.keys.in_step(self) {
            Cow::Borrowed(&self.keys)
        } else {
            Cow::Owned(ClaimKeys::of(self))
        }
    }

    /// The id of claim `i` as the input gave it.
    pub(crate) fn claim_id(&self, i: u32) -> Cow<'_, str> {
        let c = &self.claims[i as usize];
        match &c.id {
            ClaimId::Numbered(n) => Cow::Owned(crosscheck_schema::claim_id(
                &self.articles[c.article as usize].id,
                u64::from(*n),
            )),
            ClaimId::Other(s) => Cow::Borrowed(s),
        }
    }

    pub(crate) fn str(&self, s: u32) -> &str {
        self.tables.strings.str(s)
    }

    fn is_copy(&self, sig: &[u32], shingles: u32, b: u32) -> bool {
        let other = &self.articles[b as usize];
        if other.shingles == 0 {
            return false;
        }
        let base = b as usize * BINS;
        let j = jaccard(sig, &self.signatures[base..base + BINS]);
        // The containment estimate leans on the Jaccard estimate; below a quarter of
        // the bins in common it is noise.
        j >= self.config.copy_jaccard
            || (j >= 0.25
                && containment(j, shingles, other.shingles) >= self.config.copy_containment)
    }

    /// Groups, events, contradictions, corroborations and statuses for everything
    /// added so far. A function of the set of articles added, not of their order.
    pub fn link(&self) -> LinkResult {
        let clusters = self.clusters();
        let mut claim_event = vec![u32::MAX; self.claims.len()];
        for (e, cluster) in clusters.iter().enumerate() {
            for &i in cluster {
                claim_event[i as usize] = e as u32;
            }
        }
        let cited = self.cited_outlets();
        let roots = self.group_roots(&clusters, &claim_event, &cited);
        let groups = self.groups(&roots);
        let own = self.own_sources(&roots);
        let sources = Sources { own, cited };

        let mut reports: Vec<_> = clusters.iter().map(|c| self.report(c, &sources)).collect();
        let mut status = vec![ClaimStatus::SingleSource; self.claims.len()];
        let mut result = LinkResult {
            groups,
            ..LinkResult::default()
        };
        reports.sort_by(|x, y| {
            let key = |e: &Event| (e.date_from.is_none(), e.date_from);
            key(&x.event)
                .cmp(&key(&y.event))
                .then_with(|| x.event.id.cmp(&y.event.id))
        });
        for r in &reports {
            for &i in &r.corroborated {
                status[i as usize] = ClaimStatus::Corroborated;
            }
        }
        for r in reports {
            for &i in &r.contradicted {
                status[i as usize] = ClaimStatus::Contradicted;
            }
            result.events.push(r.event);
            result.contradictions.extend(r.contradictions);
            result.corroborations.extend(r.corroborations);
        }
        result.statuses = self.statuses_by_id(&status);
        result
    }

    /// The events: claims sorted by id inside each, events in no particular order.
    fn clusters(&self) -> Vec<Vec<u32>> {
        let mut partners: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
        for &(x, y) in &self.copy_pairs {
            partners.entry(x).or_default().push(y);
            partners.entry(y).or_default().push(x);
        }
        // Sorted, to be searched for a pair of copies.
        for list in partners.values_mut() {
            list.sort_unstable();
        }
        // Components of the claims that can be in an event.
        let mut components = self.components.clone();
        let mut order: Vec<(u32, u32)> = (0..self.claims.len() as u32)
            .filter(|&i| self.frame(i).is_some())
            .map(|i| (components.find(i), i))
            .collect();
        order.sort_unstable();

        let keys = self.claim_keys();
        let mut out = Vec::new();
        let mut pos = vec![u32::MAX; self.claims.len()];
        let mut cands = Vec::new();
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        let mut by_article: Vec<(u32, u32)> = Vec::new();
        let (mut rows, mut seconds) = (Vec::new(), Vec::new());
        let slack = self.config.date_slack_days;
        let mut start = 0;
        while start < order.len() {
            let root = order[start].0;
            let mut end = start;
            while end < order.len() && order[end].0 == root {
                end += 1;
            }
            // By claim id; the claim's index breaks a tie (between equal ids the
            // input gave), as it did when the ids were built and sorted.
            let mut members: Vec<u32> = order[start..end].iter().map(|&(_, i)| i).collect();
            start = end;
            members.sort_unstable_by(|&a, &b| self.cmp_claim_ids(a, b).then(a.cmp(&b)));
            for (k, &i) in members.iter().enumerate() {
                pos[i as usize] = k as u32;
            }
            pairs.clear();
            if members.len() > 1 {
                // The members by article: of the candidates of a claim that come
                // from its own article and its copies (`candidate_pool`), only
                // the members of this component can make a pair, and they are
                // looked up here instead of reading every framed claim of every
                // copy (34 M claims read for 0.3 M kept on the whole corpus).
                by_article.clear();
                by_article.extend(
                    members
                        .iter()
                        .enumerate()
                        .map(|(k, &i)| (self.claims[i as usize].article, k as u32)),
                );
                by_article.sort_unstable();
                for (k, &i) in members.iter().enumerate() {
                    let k = k as u32;
                    let article = self.claims[i as usize].article;
                    let mine = partners.get(&article).map_or(&[][..], |p| &p[..]);
                    let me = keys.key(i);
                    for b in std::iter::once(article).chain(mine.iter().copied()) {
                        let from = by_article.partition_point(|&(a, _)| a < b);
                        for &(_, pj) in by_article[from..].iter().take_while(|&&(a, _)| a == b) {
                            if pj != k && me.may_join(keys.key(members[pj as usize]), slack) {
                                pairs.push((k.min(pj), k.max(pj)));
                            }
                        }
                    }
                    // The pairs are sorted and deduplicated below: the candidates
                    // need not be (sorting every claim's candidates cost more than
                    // the rest of clustering).
                    cands.clear();
                    self.place_candidates(&keys, i, false, &mut cands);
                    for &j in &cands {
                        let pj = pos[j as usize];
                        if pj != u32::MAX && j != i && self.frame(j).is_some() {
                            pairs.push((k.min(pj), k.max(pj)));
                        }
                    }
                }
            }
            sort_dedup_pairs(&mut pairs, members.len(), &mut rows, &mut seconds);
            let mut edges: Vec<(f32, u32, u32, bool)> = pairs
                .iter()
                .filter_map(|&(x, y)| {
                    let (i, j) = (members[x as usize], members[y as usize]);
                    let (ai, aj) = (
                        self.claims[i as usize].article,
                        self.claims[j as usize].article,
                    );
                    let copy_pair = partners
                        .get(&ai)
                        .is_some_and(|p| p.binary_search(&aj).is_ok());
                    self.edge(i, j, copy_pair)
                        .map(|e| (e.score, x, y, e.place_override))
                })
                .collect();
            for cluster in cluster(self, &members, &mut edges) {
                let claims: Vec<u32> = cluster.iter().map(|&k| members[k as usize]).collect();
                if claims.iter().any(|&i| self.placed_or_dated(i)) {
                    out.push(claims);
                }
            }
            for &i in &members {
                pos[i as usize] = u32::MAX;
            }
        }
        out
    }

    /// For each claim, the outlet of the corpus it cites (the innermost such
    /// speaker of its attribution chain: "according to Turkish outlet Anatolian
    /// Horizon"), as the outlet's folded-name key, or `u32::MAX`.
    fn cited_outlets(&self) -> Vec<u32> {
        let mut outlets: FxHashMap<&str, u32> = FxHashMap::default();
        for a in &self.articles {
            if let Some(k) = a.outlet_key {
                outlets.insert(self.str(k), k);
            }
        }
        // A shortened name ("Casualty Watch" for "Syrian Casualty Watch") also
        // names the outlet when no other outlet ends the same way.
        let mut suffixes: FxHashMap<&str, Option<u32>> = FxHashMap::default();
        for (&name, &k) in &outlets {
            for (at, _) in name.match_indices(' ') {
                let tail = &name[at + 1..];
                if tail.contains(' ') {
                    let e = suffixes.entry(tail).or_insert(Some(k));
                    if *e != Some(k) {
                        *e = None;
                    }
                }
            }
        }
        for (tail, k) in suffixes {
            if let Some(k) = k {
                outlets.entry(tail).or_insert(k);
            }
        }
        let mut by_chain: FxHashMap<u32, u32> = FxHashMap::default();
        self.claims
            .iter()
            .map(|c| {
                *by_chain.entry(c.attribution).or_insert_with(|| {
                    let chain = self
                        .tables
                        .chains
                        .get(c.attribution)
                        .map_or(&[][..], |c| &c[..]);
                    chain
                        .iter()
                        .rev()
                        .find_map(|&name| outlet_in(&fold_name(self.str(name)), &outlets))
                        .unwrap_or(u32::MAX)
                })
            })
            .collect()
    }

    /// Independence groups: copies, plus articles whose event claims all rest on one
    /// other outlet of the corpus ("citation only"), joined to that outlet's
    /// earliest article on the same event. Returns each article's group root.
    fn group_roots(&self, clusters: &[Vec<u32>], claim_event: &[u32], cited: &[u32]) -> Vec<u32> {
        let mut groups = self.copies.clone();
        for (a, article) in self.articles.iter().enumerate() {
            let in_events: Vec<u32> = article
                .claim_range()
                .filter(|&i| claim_event[i as usize] != u32::MAX)
                .collect();
            if in_events.is_empty() {
                continue;
            }
            // Every attributed claim cites the one outlet, and at least half of all.
            let attributed = |i: u32| {
                let c = &self.claims[i as usize];
                self.tables
                    .chains
                    .get(c.attribution)
                    .is_some_and(|ch| !ch.is_empty())
            };
            let mut outlets: Vec<u32> = Vec::new();
            let mut other_voice = false;
            for &i in &in_events {
                let o = cited[i as usize];
                if o != u32::MAX && Some(o) != article.outlet_key {
                    outlets.push(o);
                } else if attributed(i) {
                    other_voice = true;
                }
            }
            let citing = outlets.len();
            outlets.sort_unstable();
            outlets.dedup();
            if other_voice || outlets.len() != 1 || citing * 2 < in_events.len() {
                continue;
            }
            let outlet = outlets[0];
            // The cited outlet's earliest article among this article's events.
            let mut target: Option<u32> = None;
            for &i in &in_events {
                for &j in &clusters[claim_event[i as usize] as usize] {
                    let b = self.claims[j as usize].article;
                    if self.articles[b as usize].outlet_key == Some(outlet) && b as usize != a {
                        let better = target.is_none_or(|t| self.earlier(b, t));
                        if better {
                            target = Some(b);
                        }
                    }
                }
            }
            if let Some(b) = target {
                groups.union(a as u32, b);
            }
        }
        (0..self.articles.len() as u32)
            .map(|a| groups.find(a))
            .collect()
    }

    /// Earlier publication first, then smaller id.
    fn earlier(&self, x: u32, y: u32) -> bool {
        let (ax, ay) = (&self.articles[x as usize], &self.articles[y as usize]);
        (ax.published.is_none(), ax.published, &ax.id)
            < (ay.published.is_none(), ay.published, &ay.id)
    }

    /// The source each article's own claims count for: its group's origin's outlet
    /// (one outlet is one source), or the group itself.
    fn own_sources(&self, roots: &[u32]) -> Vec<SourceKey> {
        let mut origin: FxHashMap<u32, u32> = FxHashMap::default();
        for (a, &r) in roots.iter().enumerate() {
            let e = origin.entry(r).or_insert(a as u32);
            if self.earlier(a as u32, *e) {
                *e = a as u32;
            }
        }
        roots
            .iter()
            .map(|r| {
                let o = origin.get(r).copied().unwrap_or(*r);
                match self.articles[o as usize].outlet_key {
                    Some(k) if self.config.one_source_per_outlet => SourceKey::Named(k),
                    _ => SourceKey::Group(*r),
                }
            })
            .collect()
    }

    fn groups(&self, roots: &[u32]) -> Vec<IndependenceGroup> {
        let mut by_root: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
        for (a, &r) in roots.iter().enumerate() {
            by_root.entry(r).or_default().push(a as u32);
        }
        let mut groups: Vec<IndependenceGroup> = by_root
            .into_values()
            .filter(|m| m.len() > 1)
            .map(|mut members| {
                // Earliest publication first, then id: the origin does not depend
                // on which copy arrived first.
                members.sort_by(|&x, &y| {
                    if self.earlier(x, y) {
                        std::cmp::Ordering::Less
                    } else {
                        std::cmp::Ordering::Greater
                    }
                });
                let articles: Vec<String> = members
                    .iter()
                    .map(|&a| self.articles[a as usize].id.to_string())
                    .collect();
                IndependenceGroup {
                    id: hex_id('g', &articles[0]),
                    origin: articles[0].clone(),
                    articles,
                }
            })
            .collect();
        groups.sort_by(|x, y| x.origin.cmp(&y.origin));
        groups
    }
}

/// The outlet named inside a folded speaker name ("turkish news outlet anatolian
/// horizon" holds "anatolian horizon"), looking up every run of up to six words.
fn outlet_in(name: &str, outlets: &FxHashMap<&str, u32>) -> Option<u32> {
    if let Some(&k) = outlets.get(name) {
        return Some(k);
    }
    let bounds: Vec<usize> = std::iter::once(0)
        .chain(name.match_indices(' ').map(|(i, _)| i + 1))
        .collect();
    for (w, &s) in bounds.iter().enumerate() {
        for len in (1..=6).rev() {
            let end = match bounds.get(w + len) {
                Some(&e) => e - 1,
                None if w + len == bounds.len() => name.len(),
                None => continue,
            };
            if let Some(&k) = name.get(s..end).and_then(|run| outlets.get(run)) {
                return Some(k);
            }
        }
    }
    None
}

/// The spans of the article's body: its kept paragraphs, or its region (the
/// whole text when the region is empty or not a slice of it) when it has none.
fn body<'a>(article: &'a ArticleAnalysis, text: &str) -> impl Iterator<Item = (usize, usize)> + 'a {
    let whole = if article.paragraphs.is_empty() {
        let region = (article.source.start, article.source.end);
        let valid = text.get(region.0..region.1).is_some_and(|s| !s.is_empty());
        Some(if valid { region } else { (0, text.len()) })
    } else {
        None
    };
    article
        .paragraphs
        .iter()
        .map(|p| (p.start, p.end))
        .chain(whole)
}
