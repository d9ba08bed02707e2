//! Which claims describe the same real-world event.
//!
//! Two claims may describe one event when their types are compatible, their places
//! lie one inside the other, and their dates (or, for undated claims, the days
//! before publication) are within `date_slack_days`; how strongly the evidence says
//! so is a score ([`Linker::edge`]). Candidate pairs come from an index keyed by
//! (place, week), never from all pairs. Claims joined by edges at or above
//! `edge_threshold` form components; inside a component a constrained agglomerative
//! clustering, strongest edge first, builds the events without ever putting two
//! incomparable places, two incompatible event types or dates farther apart than
//! the slack into one event. Everything is ordered by claim id, so the events do not
//! depend on the order articles were added in.

use crosscheck_schema::{DatePrecision, EventType};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::linker::Linker;
use crate::record::{FrameRec, PlaceInfo};

/// Groups of event types one incident can be reported as. Reports of one strike
/// disagree on air strike vs shelling; they do not call it a siege.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Family {
    Strike,
    Ground,
    Execution,
    Deal,
    Arrest,
    Displacement,
}

/// `None` for types that fit any incident: accusations, deaths without a stated
/// cause, other.
pub(crate) fn family(t: EventType) -> Option<Family> {
    use EventType::*;
    match t {
        Airstrike | Shelling | Bombing | ChemicalAttack => Some(Family::Strike),
        GroundAttack | Capture | Siege => Some(Family::Ground),
        Execution => Some(Family::Execution),
        Ceasefire | Agreement => Some(Family::Deal),
        Arrest => Some(Family::Arrest),
        Displacement => Some(Family::Displacement),
        Accusation | Death | Other => None,
    }
}

/// The days a claim's event can have happened on.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Window {
    pub from: i32,
    pub to: i32,
    /// From a date in the text; otherwise inferred from the publication date.
    pub explicit: bool,
}

fn week(day: i32) -> i32 {
    day.div_euclid(7)
}

fn key(place: u32, week: i32) -> u64 {
    (u64::from(place) << 32) | u64::from(week as u32)
}

/// True when one chain is a prefix of the other: one place lies in the other.
pub(crate) fn comparable(a: &[u32], b: &[u32]) -> bool {
    // Element by element: chains are a few keys long, and the slice comparison
    // called `memcmp` for each of the millions of candidate pairs.
    let n = a.len().min(b.len());
    n > 0 && a[..n].iter().zip(&b[..n]).all(|(x, y)| x == y)
}

/// Claims by (most specific place, week), and which places were seen inside which.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(crate) struct EventIndex {
    buckets: FxHashMap<u64, Vec<u32>>,
    children: FxHashMap<u32, Vec<u32>>,
}

impl EventIndex {
    pub(crate) fn insert(&mut self, claim: u32, chain: &[u32], window: Window) {
        let Some(&place) = chain.last() else { return };
        for w in week(window.from)..=week(window.to) {
            self.buckets.entry(key(place, w)).or_default().push(claim);
        }
        for pair in chain.windows(2) {
            let kids = self.children.entry(pair[0]).or_default();
            if !kids.contains(&pair[1]) {
                kids.push(pair[1]);
            }
        }
    }

    /// Calls `f` with each bucket of `place` in the weeks `from..=to` touches.
    fn lookup(&self, place: u32, from: i32, to: i32, mut f: impl FnMut(&[u32])) {
        for w in week(from)..=week(to) {
            if let Some(b) = self.buckets.get(&key(place, w)) {
                f(b);
            }
        }
    }
}

/// Score of an edge and whether it joins two incomparable places (copies that
/// changed the place: the event then holds a place contradiction).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Edge {
    pub score: f32,
    pub place_override: bool,
}

/// What the two cheapest refusals of [`Linker::edge`] read of a claim (its event
/// family and its time window), in one small row per claim, so that candidates
/// can be refused while they are gathered, before the dearer checks and the sort.
/// A function of the claim, its article and the configuration (see
/// [`Linker::claim_key`]), so it is rebuilt, not saved.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct ClaimKey {
    /// One bit per [`Family`]; every bit for a claim whose type fits any family;
    /// none for a claim without a frame (it is no candidate).
    families: u8,
    /// Whether the claim has a window; `from`..`to` is [`Linker::window`].
    windowed: bool,
    from: i32,
    to: i32,
}

impl ClaimKey {
    const ANY: u8 = 0x3f;

    /// False when [`Linker::edge`] refuses the pair before looking at anything
    /// else: no frame, incompatible families, or windows farther apart than `slack`.
    /// True says nothing about the edge.
    #[inline]
    pub(crate) fn may_join(self, other: ClaimKey, slack: i32) -> bool {
        if self.families & other.families == 0 {
            return false;
        }
        if self.windowed && other.windowed {
            // The very expression of `edge`.
            let gap = self.from.max(other.from) - self.to.min(other.to);
            if gap > slack {
                return false;
            }
        }
        true
    }
}

/// Every claim's [`ClaimKey`], and article by article the claims that can be
/// candidates at all (those with a frame): derived from the linker's state (see
/// [`Linker::claim_keys`]), not saved.
///
/// An article's own claims and those of its copies are candidates of each of its
/// claims; reading only its framed ones (about a third at corpus scale) skips the
/// claims [`ClaimKey::may_join`] would refuse for having no frame.
#[derive(Clone, Debug, Default)]
pub(crate) struct ClaimKeys {
    /// Per claim.
    keys: Vec<ClaimKey>,
    /// The claims with a frame, article after article, each article's ascending.
    framed: Vec<u32>,
    /// Per article: where its claims start in `framed`, and `framed.len()` last
    /// (one more entry than articles).
    framed_at: Vec<u32>,
}

impl ClaimKeys {
    /// Whether these are the keys of every claim and article of `linker`.
    pub(crate) fn in_step(&self, linker: &Linker) -> bool {
        self.keys.len() == linker.claims.len() && self.framed_at.len() == linker.articles.len() + 1
    }

    /// The keys of a linker's every claim.
    pub(crate) fn of(linker: &Linker) -> ClaimKeys {
        let mut keys = ClaimKeys {
            framed_at: vec![0],
            ..ClaimKeys::default()
        };
        for a in 0..linker.articles.len() as u32 {
            keys.push_article(linker, a);
        }
        keys
    }

    /// Adds the keys of article `a`'s claims: `a` must be the first article these
    /// keys lack.
    pub(crate) fn push_article(&mut self, linker: &Linker, a: u32) {
        for i in linker.articles[a as usize].claim_range() {
            let key = linker.claim_key(i);
            if key.families != 0 {
                self.framed.push(i);
            }
            self.keys.push(key);
        }
        self.framed_at.push(self.framed.len() as u32);
    }

    /// The key of claim `i`.
    #[inline]
    pub(crate) fn key(&self, i: u32) -> ClaimKey {
        self.keys[i as usize]
    }

    /// The claims of article `a` that have a frame, ascending.
    #[inline]
    fn framed_of(&self, a: u32) -> &[u32] {
        let (from, to) = (self.framed_at[a as usize], self.framed_at[a as usize + 1]);
        &self.framed[from as usize..to as usize]
    }
}

impl Linker {
    /// The [`ClaimKey`] of claim `i`.
    pub(crate) fn claim_key(&self, i: u32) -> ClaimKey {
        let Some(f) = self.frame(i) else {
            return ClaimKey::default();
        };
        let families = match family(f.kind) {
            Some(x) => 1 << (x as u8),
            None => ClaimKey::ANY,
        };
        match self.window(i) {
            Some(w) => ClaimKey {
                families,
                windowed: true,
                from: w.from,
                to: w.to,
            },
            None => ClaimKey {
                families,
                ..ClaimKey::default()
            },
        }
    }

    pub(crate) fn frame(&self, i: u32) -> Option<&FrameRec> {
        self.claims[i as usize].frame.as_deref()
    }

    pub(crate) fn window(&self, i: u32) -> Option<Window> {
        let f = self.frame(i)?;
        if let Some(d) = &f.date {
            return Some(Window {
                from: d.from,
                to: d.to,
                explicit: true,
            });
        }
        let c = &self.claims[i as usize];
        let published = self.articles[c.article as usize].published?;
        Some(Window {
            from: published - self.config.undated_window_days,
            to: published,
            explicit: false,
        })
    }

    pub(crate) fn place_info(&self, i: u32) -> Option<&PlaceInfo> {
        let p = self.frame(i)?.place.as_ref()?;
        self.tables.places.get(p.place)
    }

    /// The place chain a claim states, when it is specific enough to compare.
    pub(crate) fn stated_chain(&self, i: u32) -> Option<&[u32]> {
        let p = self.place_info(i)?;
        (!p.coarse && !p.chain.is_empty()).then_some(&*p.chain)
    }

    /// The place chain used for clustering: the stated one, else the article's main
    /// place ("The strike on Monday killed 41" in a report about Saraqib).
    pub(crate) fn chain(&self, i: u32) -> Option<&[u32]> {
        self.chain_after(i, self.stated_chain(i))
    }

    /// [`Linker::chain`] of claim `i` when its stated chain is `stated`.
    fn chain_after<'s>(&'s self, i: u32, stated: Option<&'s [u32]>) -> Option<&'s [u32]> {
        stated.or_else(|| {
            self.frame(i)?;
            let c = &self.claims[i as usize];
            let p = self
                .tables
                .places
                .get(self.articles[c.article as usize].context?)?;
            (!p.coarse && !p.chain.is_empty()).then_some(&*p.chain)
        })
    }

    /// Whether a claim says where or when: an event needs one such claim.
    pub(crate) fn placed_or_dated(&self, i: u32) -> bool {
        self.frame(i)
            .is_some_and(|f| f.date.is_some() || self.stated_chain(i).is_some())
    }

    /// Clusters are seeded by claims with a specific type, a place and a time.
    fn is_anchor(&self, i: u32) -> bool {
        self.frame(i).is_some_and(|f| family(f.kind).is_some())
            && self.stated_chain(i).is_some()
            && self.window(i).is_some()
    }

    pub(crate) fn index_claim(&mut self, i: u32) {
        // The index is taken out for the insert, so that the chain is read in
        // place instead of copied.
        let mut events = std::mem::take(&mut self.events);
        if let (Some(chain), Some(window)) = (self.chain(i), self.window(i)) {
            events.insert(i, chain, window);
        }
        self.events = events;
    }

    /// Claims that may describe the same event as `i`: its article's other claims,
    /// claims of articles it was found to copy or be copied by, and claims at a
    /// place containing `i`'s (and, with `descendants`, inside it) in the weeks its
    /// window touches.
    pub(crate) fn candidates(
        &self,
        keys: &ClaimKeys,
        i: u32,
        descendants: bool,
        copies: &[u32],
        out: &mut Vec<u32>,
    ) {
        self.candidate_pool(keys, i, descendants, copies, out);
        // The pool is a few ascending runs (the article's claims, each copy's, each
        // week's bucket: claims are indexed in the order they were added), which
        // the stable sort merges instead of partitioning. The same order: these
        // are plain integers.
        out.sort();
        out.dedup();
        // Claims without a frame never entered the pool.
        out.retain(|&j| j != i);
    }

    /// [`Linker::candidates`] before it is sorted, deduplicated and cleared of `i`:
    /// every candidate, some more than once, and maybe `i`. For a caller that
    /// filters and deduplicates what it makes of them anyway.
    ///
    /// Claims [`Linker::edge`] refuses for their frame alone are left out as they
    /// are gathered ([`ClaimKey::may_join`]): without a frame, of an incompatible
    /// family, or dated too far apart. `keys` holds every claim's [`ClaimKey`].
    pub(crate) fn candidate_pool(
        &self,
        keys: &ClaimKeys,
        i: u32,
        descendants: bool,
        copies: &[u32],
        out: &mut Vec<u32>,
    ) {
        out.clear();
        let c = &self.claims[i as usize];
        if self.frame(i).is_none() {
            return;
        }
        let slack = self.config.date_slack_days;
        let me = keys.key(i);
        let keep = |&j: &u32| me.may_join(keys.key(j), slack);
        // Claims without a frame would be refused: only the framed ones are read.
        out.extend(keys.framed_of(c.article).iter().copied().filter(keep));
        for &a in copies {
            out.extend(keys.framed_of(a).iter().copied().filter(keep));
        }
        self.place_candidates(keys, i, descendants, out);
    }

    /// The part of [`Linker::candidate_pool`] read from the (place, week) index,
    /// appended to `out`: the claims at a place containing `i`'s (and, with
    /// `descendants`, inside it) in the weeks its window touches, that
    /// [`ClaimKey::may_join`] does not refuse. `i` must have a frame.
    pub(crate) fn place_candidates(
        &self,
        keys: &ClaimKeys,
        i: u32,
        descendants: bool,
        out: &mut Vec<u32>,
    ) {
        let slack = self.config.date_slack_days;
        let me = keys.key(i);
        let keep = |&j: &u32| me.may_join(keys.key(j), slack);
        if let (Some(chain), Some(w)) = (self.chain(i), self.window(i)) {
            let (from, to) = (w.from - slack, w.to + slack);
            for &p in chain {
                self.events
                    .lookup(p, from, to, |b| out.extend(b.iter().copied().filter(keep)));
            }
            if descendants {
                let mut stack: Vec<u32> = self
                    .events
                    .children
                    .get(&chain[chain.len() - 1])
                    .cloned()
                    .unwrap_or_default();
                let mut guard = 0usize;
                while let Some(p) = stack.pop() {
                    guard += 1;
                    if guard > 1_000_000 {
                        break;
                    }
                    self.events
                        .lookup(p, from, to, |b| out.extend(b.iter().copied().filter(keep)));
                    if let Some(kids) = self.events.children.get(&p) {
                        stack.extend_from_slice(kids);
                    }
                }
            }
        }
    }

    /// How strongly the evidence says claims `i` and `j` report one event, or
    /// `None` when they cannot (see `docs/linking.md` for the weights).
    pub(crate) fn edge(&self, i: u32, j: u32, copy_pair: bool) -> Option<Edge> {
        self.scored_edge(i, j, copy_pair, true)
    }

    /// Whether [`Linker::edge`] of `i` and `j` is an edge, without the sketch
    /// comparison when the rest of the evidence settles it: the sentence
    /// similarity only adds to the score, so a score already at the threshold
    /// without it is an edge.
    pub(crate) fn is_edge(&self, i: u32, j: u32, copy_pair: bool) -> bool {
        self.scored_edge(i, j, copy_pair, false).is_some()
    }

    /// [`Linker::edge`]; without `exact`, a pair that is an edge whatever its
    /// sentences is returned with the score it has without them (less than or
    /// equal to its score).
    fn scored_edge(&self, i: u32, j: u32, copy_pair: bool, exact: bool) -> Option<Edge> {
        let (ci, cj) = (&self.claims[i as usize], &self.claims[j as usize]);
        let (a, b) = (self.frame(i)?, self.frame(j)?);
        let mut score = 0.0f32;
        match (family(a.kind), family(b.kind)) {
            (Some(x), Some(y)) if x != y => return None,
            (Some(_), Some(_)) => score += if a.kind == b.kind { 1.0 } else { 0.6 },
            _ => score += 0.3,
        }
        // The sketch comparison is the dearest step: made only for pairs that pass
        // the checks that can refuse them.
        let text = || ci.sketch.jaccard(&cj.sketch);
        let mut place_override = false;
        let (si, sj) = (self.stated_chain(i), self.stated_chain(j));
        match (self.chain_after(i, si), self.chain_after(j, sj)) {
            (Some(p), Some(q)) if comparable(p, q) => {
                // Either claim inherits its article's place.
                let inherited = si.is_none() || sj.is_none();
                score += if p.last() == q.last() && !inherited {
                    1.0
                } else {
                    0.5
                };
            }
            (Some(_), Some(_)) => {
                if copy_pair && text() >= self.config.passage_jaccard {
                    place_override = true;
                } else {
                    return None;
                }
            }
            _ => {}
        }
        match (self.window(i), self.window(j)) {
            (Some(x), Some(y)) => {
                let gap = x.from.max(y.from) - x.to.min(y.to);
                if gap > self.config.date_slack_days {
                    return None;
                }
                score += match (x.explicit, y.explicit) {
                    (true, true) if gap <= 0 => {
                        let day = |f: &FrameRec| {
                            f.date
                                .as_ref()
                                .is_some_and(|d| d.precision == DatePrecision::Day)
                        };
                        if day(a) && day(b) {
                            1.0
                        } else {
                            0.6
                        }
                    }
                    (true, true) => 0.2,
                    (false, false) => -0.2,
                    _ => 0.0,
                };
            }
            // A claim without any time joins only through its own article.
            _ if ci.article != cj.article && !copy_pair => return None,
            _ => {}
        }
        if let (Some(x), Some(y)) = (&a.actor, &b.actor) {
            if !a.denied && !b.denied && x.top == y.top {
                score += 0.5;
            }
        }
        if let (Some(x), Some(y)) = (&a.killed, &b.killed) {
            // A vague count ("dozens") agreeing is no evidence.
            if !x.vague
                && !y.vague
                && crate::compare::comparable_categories(x.category, y.category)
                && !crate::compare::counts_conflict(x, y, &self.config)
            {
                score += 0.3;
            }
        }
        let same_article = ci.article == cj.article;
        if !exact {
            // The score with a similarity of 0, added up in the same order: it
            // cannot be above the score with any similarity (0..=1), as rounding
            // is monotonic.
            let floor = if same_article { score + 1.4 } else { score };
            if floor >= self.config.edge_threshold {
                return Some(Edge {
                    score: floor,
                    place_override,
                });
            }
        }
        score += 2.0 * text();
        if same_article {
            score += 1.4;
        }
        (score >= self.config.edge_threshold).then_some(Edge {
            score,
            place_override,
        })
    }
}

/// What a cluster already holds, to refuse merges that would put incomparable
/// places, incompatible types or far-apart dates into one event.
#[derive(Clone, Debug)]
struct ClusterState {
    family: Option<Family>,
    chain: Vec<u32>,
    from_max: i32,
    to_min: i32,
    size: u32,
    min_rank: u32,
}

impl ClusterState {
    fn of(linker: &Linker, i: u32, rank: u32) -> ClusterState {
        let f = linker.frame(i);
        let date = f.and_then(|f| f.date.as_ref());
        ClusterState {
            family: f.and_then(|f| family(f.kind)),
            chain: linker.chain(i).map(<[u32]>::to_vec).unwrap_or_default(),
            from_max: date.map_or(i32::MIN, |d| d.from),
            to_min: date.map_or(i32::MAX, |d| d.to),
            size: 1,
            min_rank: rank,
        }
    }

    /// The merged state, or `None` when the merge is refused.
    fn merge(
        &self,
        other: &ClusterState,
        slack: i32,
        place_override: bool,
    ) -> Option<ClusterState> {
        let family = match (self.family, other.family) {
            (Some(x), Some(y)) if x != y => return None,
            (x, y) => x.or(y),
        };
        let chain = if self.chain.is_empty()
            || other.chain.is_empty()
            || comparable(&self.chain, &other.chain)
        {
            if self.chain.len() >= other.chain.len() {
                self.chain.clone()
            } else {
                other.chain.clone()
            }
        } else if place_override {
            // Keep the part both agree on; the event now holds a place conflict.
            self.chain
                .iter()
                .zip(&other.chain)
                .take_while(|(x, y)| x == y)
                .map(|(x, _)| *x)
                .collect()
        } else {
            return None;
        };
        let from_max = self.from_max.max(other.from_max);
        let to_min = self.to_min.min(other.to_min);
        if from_max != i32::MIN
            && to_min != i32::MAX
            && i64::from(from_max) - i64::from(to_min) > i64::from(slack)
        {
            return None;
        }
        Some(ClusterState {
            family,
            chain,
            from_max,
            to_min,
            size: self.size + other.size,
            min_rank: self.min_rank.min(other.min_rank),
        })
    }
}

/// Claims of one component, sorted by claim id, split into events (lists of
/// indices into `members`).
pub(crate) fn cluster(
    linker: &Linker,
    members: &[u32],
    edges: &mut [(f32, u32, u32, bool)],
) -> Vec<Vec<u32>> {
    // Edges are (score, local a, local b, override) with a < b; strongest first,
    // then by the claims' id order, so the result is a function of the set.
    edges.sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let n = members.len();
    if n == 1 {
        // A claim alone (most components): its own cluster, without the tables
        // below (seven allocations for one answer).
        return vec![vec![0]];
    }
    let mut parent: Vec<u32> = (0..n as u32).collect();
    fn find(parent: &mut [u32], mut x: u32) -> u32 {
        while parent[x as usize] != x {
            let g = parent[parent[x as usize] as usize];
            parent[x as usize] = g;
            x = g;
        }
        x
    }
    let mut state: Vec<Option<ClusterState>> = members
        .iter()
        .enumerate()
        .map(|(r, &i)| Some(ClusterState::of(linker, i, r as u32)))
        .collect();
    let anchor: Vec<bool> = members.iter().map(|&i| linker.is_anchor(i)).collect();
    let slack = linker.config.date_slack_days;

    let join = |parent: &mut Vec<u32>,
                state: &mut Vec<Option<ClusterState>>,
                a: u32,
                b: u32,
                ov: bool|
     -> bool {
        let (ra, rb) = (find(parent, a), find(parent, b));
        if ra == rb {
            return false;
        }
        let (Some(sa), Some(sb)) = (&state[ra as usize], &state[rb as usize]) else {
            return false;
        };
        let Some(merged) = sa.merge(sb, slack, ov) else {
            return false;
        };
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        parent[hi as usize] = lo;
        state[hi as usize] = None;
        state[lo as usize] = Some(merged);
        true
    };

    // 1. Anchors: claims with a specific type, place and time.
    for e in edges.iter() {
        if anchor[e.1 as usize] && anchor[e.2 as usize] {
            join(&mut parent, &mut state, e.1, e.2, e.3);
        }
    }
    // 2. Each other claim joins the anchored cluster it has the strongest edge to;
    // among equally strong ones the larger cluster, then the one holding the
    // smallest claim id; a cluster that refuses it (place, type, date) is skipped.
    let mut to_anchor: Vec<Vec<(f32, u32, bool)>> = vec![Vec::new(); n];
    for e in edges.iter() {
        let (a, b) = (e.1 as usize, e.2 as usize);
        if !anchor[a] && anchor[b] {
            to_anchor[a].push((e.0, e.2, e.3));
        } else if anchor[a] && !anchor[b] {
            to_anchor[b].push((e.0, e.1, e.3));
        }
    }
    let mut attached = vec![false; n];
    for s in 0..n {
        let options = &to_anchor[s];
        let mut k = 0;
        while k < options.len() && !attached[s] {
            let level = options[k].0;
            let mut end = k;
            while end < options.len() && options[end].0 == level {
                end += 1;
            }
            let mut choice: Option<((u32, std::cmp::Reverse<u32>), u32, bool)> = None;
            for &(_, o, ov) in &options[k..end] {
                let r = find(&mut parent, o);
                let (Some(cluster), Some(me)) = (&state[r as usize], &state[s]) else {
                    continue;
                };
                if me.merge(cluster, slack, ov).is_none() {
                    continue;
                }
                let rank = (cluster.size, std::cmp::Reverse(cluster.min_rank));
                if choice.as_ref().is_none_or(|c| rank > c.0) {
                    choice = Some((rank, o, ov));
                }
            }
            if let Some((_, o, ov)) = choice {
                attached[s] = join(&mut parent, &mut state, s as u32, o, ov);
            }
            k = end;
        }
    }
    // 3. Claims that joined no anchored cluster cluster among themselves.
    for e in edges.iter() {
        let (a, b) = (e.1 as usize, e.2 as usize);
        if !anchor[a] && !anchor[b] && !attached[a] && !attached[b] {
            join(&mut parent, &mut state, e.1, e.2, e.3);
        }
    }
    let mut groups: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for x in 0..n as u32 {
        let r = find(&mut parent, x);
        groups.entry(r).or_default().push(x);
    }
    let mut out: Vec<Vec<u32>> = groups.into_values().collect();
    out.sort_unstable_by_key(|g| g[0]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{LinkInput, NoLexicon};

    /// The linking corpus of `examples/link` (52 articles on seven incidents, with
    /// copies), added to a linker.
    fn linked_corpus() -> Linker {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/link/articles");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("examples/link/articles is in the repository")
            .map(|e| e.expect("entry").path())
            .collect();
        files.sort();
        let pipeline = crosscheck_core::Pipeline::new();
        let mut linker = Linker::default();
        for path in files {
            let text = std::fs::read_to_string(&path).expect("article");
            let name = path.file_name().expect("name").to_string_lossy();
            let doc = crosscheck_schema::Document::from_text(name.into_owned(), text.clone());
            for article in pipeline.analyze(&doc) {
                linker.add(
                    LinkInput {
                        article: &article,
                        text: &text,
                    },
                    &NoLexicon,
                );
            }
        }
        linker
    }

    /// [`Linker::candidate_pool`] as first written: every claim of the article
    /// and of its copies through the key filter, framed or not, then the place
    /// index's claims (that part is unchanged: [`Linker::place_candidates`]).
    fn pool_reference(
        linker: &Linker,
        keys: &ClaimKeys,
        i: u32,
        descendants: bool,
        copies: &[u32],
    ) -> Vec<u32> {
        let mut out = Vec::new();
        if linker.frame(i).is_none() {
            return out;
        }
        let slack = linker.config.date_slack_days;
        let me = keys.key(i);
        let keep = |&j: &u32| me.may_join(keys.key(j), slack);
        let c = &linker.claims[i as usize];
        out.extend(
            linker.articles[c.article as usize]
                .claim_range()
                .filter(keep),
        );
        for &a in copies {
            out.extend(linker.articles[a as usize].claim_range().filter(keep));
        }
        linker.place_candidates(keys, i, descendants, &mut out);
        out.sort();
        out.dedup();
        out
    }

    #[test]
    fn candidates_read_only_framed_claims_and_miss_none() {
        let linker = linked_corpus();
        let keys = ClaimKeys::of(&linker);
        let (n_articles, n_claims) = linker.len();
        // Each claim's copies: the articles of the other claims, a few at a time,
        // so that copies of every kind are read.
        let mut framed = 0;
        let mut pool = Vec::new();
        for i in 0..n_claims as u32 {
            let copies: Vec<u32> = (0..3)
                .map(|k| (i * 7 + k * 13) % n_articles as u32)
                .collect();
            for descendants in [false, true] {
                linker.candidate_pool(&keys, i, descendants, &copies, &mut pool);
                pool.sort();
                pool.dedup();
                assert_eq!(
                    pool,
                    pool_reference(&linker, &keys, i, descendants, &copies),
                    "claim {i}"
                );
            }
            framed += usize::from(!pool.is_empty());
        }
        assert!(framed > 50, "{framed} claims with candidates");
        // The framed claims of each article are those whose key has a family.
        for a in 0..n_articles as u32 {
            let expected: Vec<u32> = linker.articles[a as usize]
                .claim_range()
                .filter(|&i| linker.frame(i).is_some())
                .collect();
            assert_eq!(keys.framed_of(a), &expected[..]);
        }
    }

    #[test]
    fn is_edge_is_whether_there_is_an_edge() {
        let linker = linked_corpus();
        let n = linker.len().1 as u32;
        let (mut edges, mut pairs) = (0, 0);
        for i in 0..n {
            for j in 0..n {
                for copy_pair in [false, true] {
                    let edge = linker.edge(i, j, copy_pair).is_some();
                    assert_eq!(linker.is_edge(i, j, copy_pair), edge, "{i} {j}");
                    edges += usize::from(edge);
                    pairs += 1;
                }
            }
        }
        assert!(edges > 100 && edges < pairs, "{edges} edges");
    }
}
