//! Field by field, inside one event: which claims agree (and how many independent
//! sources stand behind each value) and which contradict each other.

use crosscheck_schema::{
    CasualtyCategory, ClaimRef, Contradiction, ContradictionField, Corroboration, EntityKind,
    Event, EventType, PlaceMention,
};
use rustc_hash::FxHashMap;
use std::ops::Range;

use crate::config::LinkConfig;
use crate::events::{comparable, family};
use crate::hash::hex_id;
use crate::linker::Linker;
use crate::record::{day_date, day_string, ActorRec, ClaimRec, CountRec, FrameRec, NONE};

/// People and civilians are counted against each other ("35 people" vs "12
/// civilians" for one strike); other categories only against themselves: "11
/// children" is a sub-count of the dead, not a rival total.
pub(crate) fn comparable_categories(a: CasualtyCategory, b: CasualtyCategory) -> bool {
    class(a) == class(b)
}

fn class(c: CasualtyCategory) -> u8 {
    match c {
        CasualtyCategory::People | CasualtyCategory::Civilians => 0,
        other => 1 + other as u8,
    }
}

/// The gap between two count ranges beyond the tolerance: `35` vs `at least 50`
/// (gap 15 > 5) conflict; `at least 27` vs `27` (gap 0) and `35` vs `36` (gap 1)
/// do not.
pub(crate) fn counts_conflict(x: &CountRec, y: &CountRec, config: &LinkConfig) -> bool {
    let gap_above = |lo: &CountRec, hi: &CountRec| -> Option<(u32, u32)> {
        let top = lo.max?;
        (top < hi.min).then(|| (hi.min - top, hi.min))
    };
    let Some((gap, bound)) = gap_above(x, y).or_else(|| gap_above(y, x)) else {
        return false;
    };
    let rel = (config.count_rel_tolerance.max(0.0) * bound as f32).ceil() as u32;
    gap > config.count_abs_tolerance.max(rel)
}

/// A later report that the toll rose to a higher figure revises an earlier, lower
/// one: "the death toll rose to 41" published after "at least 35".
fn update_explains(
    linker: &Linker,
    (cu, u): (&ClaimRec, &CountRec),
    (ce, e): (&ClaimRec, &CountRec),
) -> bool {
    if !u.update || e.max.is_none_or(|m| m >= u.min) {
        return false;
    }
    if cu.article == ce.article {
        return true;
    }
    let published = |c: &ClaimRec| linker.articles[c.article as usize].published;
    matches!((published(ce), published(cu)), (Some(pe), Some(pu)) if pe < pu)
}

fn is_state(a: &ActorRec) -> bool {
    matches!(a.kind, EntityKind::State | EntityKind::StateForce)
}

/// Two actor claims that cannot both hold. Actors are compared by camp (the
/// lexicon's side: `Syrian Arab Air Force` and `Syrian Government` are one camp),
/// or by name when the camp is unknown:
/// * a denial of X conflicts with X, and with X's whole camp when X is a state;
/// * two named camps conflict;
/// * a generic label ("terrorists", "militants") conflicts only with a state actor.
pub(crate) fn actors_conflict(x: &ActorRec, xd: bool, y: &ActorRec, yd: bool) -> bool {
    let same_camp = |a: &ActorRec, b: &ActorRec| match (a.side, b.side) {
        (Some(p), Some(q)) => p == q,
        _ => a.top == b.top,
    };
    match (xd, yd) {
        (true, true) => false,
        (true, false) | (false, true) => {
            let (neg, pos) = if xd { (x, y) } else { (y, x) };
            neg.top == pos.top || (is_state(neg) && !pos.generic && same_camp(neg, pos))
        }
        (false, false) => {
            if x.top == y.top {
                return false;
            }
            if x.generic || y.generic {
                let other = if x.generic { y } else { x };
                return !other.generic && is_state(other);
            }
            !same_camp(x, y)
        }
    }
}

/// Whether an actor claim implies an actor value: the same camp; for a generic
/// value any non-state actor; a denial only the same denial.
fn actor_supports(c: &ActorRec, cd: bool, v: &ActorRec, vd: bool) -> bool {
    let same_camp = match (c.side, v.side) {
        (Some(p), Some(q)) => p == q,
        _ => c.top == v.top,
    };
    if cd || vd {
        return cd && vd && (c.top == v.top || same_camp);
    }
    if v.generic {
        return !is_state(c);
    }
    !c.generic && same_camp
}

/// The value a claim gives a field, as a grouping key: two claims with one key
/// state the same value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Value {
    Count {
        class: u8,
        min: u32,
        max: u32,
    },
    Date {
        from: i32,
        to: i32,
    },
    Place(u32),
    /// `camp` is the actor's side when known, else its name; every generic label is
    /// one value.
    Actor {
        camp: u32,
        generic: bool,
        denied: bool,
    },
}

const FIELDS: [ContradictionField; 5] = [
    ContradictionField::Killed,
    ContradictionField::Injured,
    ContradictionField::Date,
    ContradictionField::Place,
    ContradictionField::Actor,
];

fn count_of(f: &FrameRec, field: ContradictionField) -> Option<&CountRec> {
    match field {
        ContradictionField::Killed => f.killed.as_ref(),
        ContradictionField::Injured => f.injured.as_ref(),
        _ => None,
    }
}

/// What one event yields.
pub(crate) struct EventReport {
    pub event: Event,
    pub contradictions: Vec<Contradiction>,
    pub corroborations: Vec<Corroboration>,
    /// Claim indices found in a contradiction / stating a corroborated value.
    pub contradicted: Vec<u32>,
    pub corroborated: Vec<u32>,
}

/// Who stands behind each claim, computed once per `link`.
pub(crate) struct Sources {
    /// Per article: the source its own claims count for.
    pub own: Vec<SourceKey>,
    /// Per claim: the corpus outlet it cites, innermost first, if any.
    pub cited: Vec<u32>,
}

/// A source: an outlet or publisher (folded name), or an independence group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum SourceKey {
    Named(u32),
    Group(u32),
}

impl Linker {
    /// The source a claim counts for: the corpus outlet it cites (the last one in
    /// its chain), else the named publisher it relays, else its article's
    /// independence group (the group's origin outlet with `one_source_per_outlet`).
    pub(crate) fn source_of(&self, i: u32, sources: &Sources) -> SourceKey {
        let c = &self.claims[i as usize];
        let cited = sources.cited[i as usize];
        if cited != NONE {
            return SourceKey::Named(cited);
        }
        if c.source != NONE {
            return SourceKey::Named(c.source);
        }
        sources.own[c.article as usize]
    }

    /// Source of each claim of an event, with copied sentences merged into the
    /// source of the sentence they copy: a sentence lifted from another article is
    /// that article's claim again.
    fn units(&self, claims: &[u32], sources: &Sources) -> Vec<u32> {
        let keys: Vec<SourceKey> = claims.iter().map(|&i| self.source_of(i, sources)).collect();
        let mut distinct = keys.clone();
        distinct.sort_unstable();
        distinct.dedup();
        let mut parent: Vec<u32> = (0..distinct.len() as u32).collect();
        let unit = |k: &SourceKey| distinct.binary_search(k).unwrap_or(0) as u32;
        let mut of: Vec<u32> = keys.iter().map(unit).collect();
        fn find(parent: &mut [u32], mut x: u32) -> u32 {
            while parent[x as usize] != x {
                let g = parent[parent[x as usize] as usize];
                parent[x as usize] = g;
                x = g;
            }
            x
        }
        if claims.len() <= 2000 {
            // Claims whose sentences have enough word pairs to be compared.
            let long: Vec<bool> = claims
                .iter()
                .map(|&i| self.claims[i as usize].sketch.len() >= self.config.passage_min_pairs)
                .collect();
            for x in 0..claims.len() {
                let cx = &self.claims[claims[x] as usize];
                if !long[x] {
                    continue;
                }
                for y in x + 1..claims.len() {
                    let cy = &self.claims[claims[y] as usize];
                    if cx.article == cy.article || !long[y] {
                        continue;
                    }
                    // Two claims already of one unit (one source to begin with,
                    // or joined before) need no comparison: joining them would
                    // change nothing, and a unit's root is its smallest member
                    // whatever the order of the joins.
                    let (rx, ry) = (find(&mut parent, of[x]), find(&mut parent, of[y]));
                    if rx != ry && cx.sketch.jaccard(&cy.sketch) >= self.config.passage_jaccard {
                        parent[rx.max(ry) as usize] = rx.min(ry);
                    }
                }
            }
        }
        for u in of.iter_mut() {
            *u = find(&mut parent, *u);
        }
        of
    }

    fn value(&self, i: u32, field: ContradictionField) -> Option<Value> {
        let f = self.frame(i)?;
        match field {
            ContradictionField::Killed | ContradictionField::Injured => {
                let c = count_of(f, field)?;
                Some(Value::Count {
                    class: class(c.category),
                    min: c.min,
                    max: c.max.unwrap_or(u32::MAX),
                })
            }
            ContradictionField::Date => f.date.as_ref().map(|d| Value::Date {
                from: d.from,
                to: d.to,
            }),
            ContradictionField::Place => self.stated_chain(i)?.last().map(|&k| Value::Place(k)),
            ContradictionField::Actor => f.actor.as_ref().map(|a| Value::Actor {
                camp: if a.generic {
                    NONE
                } else {
                    a.side.unwrap_or(a.top)
                },
                generic: a.generic,
                denied: f.denied,
            }),
        }
    }

    /// Whether claim `c` implies the value claim `v` states: its range or dates lie
    /// inside, its place lies inside, its actor is in the same camp.
    fn supports(&self, c: u32, v: u32, field: ContradictionField) -> bool {
        let (Some(fc), Some(fv)) = (self.frame(c), self.frame(v)) else {
            return false;
        };
        match field {
            ContradictionField::Killed | ContradictionField::Injured => {
                match (count_of(fc, field), count_of(fv, field)) {
                    (Some(x), Some(y)) => {
                        comparable_categories(x.category, y.category)
                            && y.min <= x.min
                            && x.max.unwrap_or(u32::MAX) <= y.max.unwrap_or(u32::MAX)
                    }
                    _ => false,
                }
            }
            ContradictionField::Date => match (&fc.date, &fv.date) {
                (Some(x), Some(y)) => y.from <= x.from && x.to <= y.to,
                _ => false,
            },
            ContradictionField::Place => match (self.stated_chain(c), self.stated_chain(v)) {
                (Some(p), Some(q)) => q.last().is_some_and(|k| p.contains(k)),
                _ => false,
            },
            ContradictionField::Actor => match (&fc.actor, &fv.actor) {
                (Some(x), Some(y)) => actor_supports(x, fc.denied, y, fv.denied),
                _ => false,
            },
        }
    }

    fn pair_conflicts(&self, i: u32, j: u32, field: ContradictionField) -> bool {
        let (ci, cj) = (&self.claims[i as usize], &self.claims[j as usize]);
        // One source saying two things in one article is a restatement or a
        // sub-count, not two sources disagreeing.
        if ci.article == cj.article && ci.voice == cj.voice {
            return false;
        }
        let (Some(a), Some(b)) = (self.frame(i), self.frame(j)) else {
            return false;
        };
        match field {
            ContradictionField::Killed | ContradictionField::Injured => {
                let (Some(x), Some(y)) = (count_of(a, field), count_of(b, field)) else {
                    return false;
                };
                comparable_categories(x.category, y.category)
                    && counts_conflict(x, y, &self.config)
                    && !update_explains(self, (ci, x), (cj, y))
                    && !update_explains(self, (cj, y), (ci, x))
            }
            ContradictionField::Date => match (&a.date, &b.date) {
                (Some(x), Some(y)) => x.to < y.from || y.to < x.from,
                _ => false,
            },
            ContradictionField::Place => match (self.stated_chain(i), self.stated_chain(j)) {
                (Some(p), Some(q)) => !comparable(p, q),
                _ => false,
            },
            ContradictionField::Actor => match (&a.actor, &b.actor) {
                (Some(x), Some(y)) => actors_conflict(x, a.denied, y, b.denied),
                _ => false,
            },
        }
    }

    fn display(&self, i: u32, field: ContradictionField) -> (String, usize, usize) {
        let c = &self.claims[i as usize];
        let Some(f) = self.frame(i) else {
            return (String::new(), c.start, c.end);
        };
        match field {
            ContradictionField::Killed | ContradictionField::Injured => match count_of(f, field) {
                Some(n) => (render_count(n), n.start, n.end),
                None => (String::new(), c.start, c.end),
            },
            ContradictionField::Date => match &f.date {
                Some(d) if d.from == d.to => (day_string(d.from), d.start, d.end),
                Some(d) => (
                    format!("{}..{}", day_string(d.from), day_string(d.to)),
                    d.start,
                    d.end,
                ),
                None => (String::new(), c.start, c.end),
            },
            ContradictionField::Place => match (&f.place, self.place_info(i)) {
                (Some(p), Some(info)) => (self.str(info.name).to_string(), p.start, p.end),
                _ => (String::new(), c.start, c.end),
            },
            ContradictionField::Actor => match &f.actor {
                Some(a) if f.denied => (format!("{} (denied)", self.str(a.top)), a.start, a.end),
                Some(a) => (self.str(a.top).to_string(), a.start, a.end),
                None => (String::new(), c.start, c.end),
            },
        }
    }

    fn claim_ref(&self, i: u32, field: ContradictionField) -> ClaimRef {
        let c = &self.claims[i as usize];
        let a = &self.articles[c.article as usize];
        let (value, start, end) = self.display(i, field);
        ClaimRef {
            claim: self.claim_id(i).into_owned(),
            article: a.id.to_string(),
            outlet: a.outlet.map(|o| self.str(o).to_string()),
            value,
            attribution: self
                .tables
                .chains
                .get(c.attribution)
                .map(|chain| chain.iter().map(|&s| self.str(s).to_string()).collect())
                .unwrap_or_default(),
            start,
            end,
        }
    }

    /// Builds the event for `claims` (sorted by claim id) and compares its claims.
    pub(crate) fn report(&self, claims: &[u32], sources: &Sources) -> EventReport {
        let event_id = hex_id('e', &self.claim_id(claims[0]));
        let units = self.units(claims, sources);
        // The number of distinct units among the claims `ks` (`buf` is scratch).
        let count_units = |ks: &[usize], buf: &mut Vec<u32>| {
            buf.clear();
            buf.extend(ks.iter().map(|&k| units[k]));
            buf.sort_unstable();
            buf.dedup();
            buf.len()
        };
        let mut contradictions = Vec::new();
        let mut corroborations = Vec::new();
        let mut contradicted = Vec::new();
        let mut corroborated = Vec::new();
        // Best-supported value of each field, for the description.
        let mut best: FxHashMap<ContradictionField, (usize, Value, u32)> = FxHashMap::default();
        // Every asserted (not denied) actor with its support, for the description: when
        // two sides have the same support, the headline names both.
        let mut asserted_actors: Vec<(usize, u32)> = Vec::new();

        // Reused from field to field: each field's (value, claim) pairs; the claims
        // with a value, grouped by value; each value with its claims' range of
        // `with_value`; a value's supporting claims; scratch for `count_units`.
        let mut values: Vec<(Value, usize)> = Vec::new();
        let mut with_value: Vec<usize> = Vec::new();
        let mut groups: Vec<(Value, Range<usize>)> = Vec::new();
        let mut support: Vec<usize> = Vec::new();
        let mut units_buf: Vec<u32> = Vec::new();
        for field in FIELDS {
            values.clear();
            values.extend(
                claims
                    .iter()
                    .enumerate()
                    .filter_map(|(k, &i)| self.value(i, field).map(|v| (v, k))),
            );
            if values.is_empty() {
                continue;
            }
            values.sort_unstable();
            with_value.clear();
            groups.clear();
            for &(v, k) in &values {
                match groups.last_mut() {
                    Some((gv, ks)) if *gv == v => ks.end += 1,
                    _ => groups.push((v, with_value.len()..with_value.len() + 1)),
                }
                with_value.push(k);
            }
            for (v, range) in &groups {
                let ks = &with_value[range.clone()];
                let rep = claims[ks[0]];
                // Everything that implies the value backs it: 41 backs "at least 35",
                // a claim in al-Sukkari backs Aleppo.
                support.clear();
                support.extend_from_slice(ks);
                support.extend(
                    with_value
                        .iter()
                        .copied()
                        .filter(|k| !ks.contains(k) && self.supports(claims[*k], rep, field)),
                );
                let sources = count_units(&support, &mut units_buf);
                let own_sources = count_units(ks, &mut units_buf);
                let better = match best.get(&field) {
                    None => true,
                    // Places of one event lie on one chain: the most specific says
                    // most (al-Sukkari over Aleppo).
                    // Ties go to the value of the smallest claim id: value codes are
                    // interned in arrival order, claim ids are not, and the
                    // description must not depend on the order articles came in.
                    Some(&(s, _, b)) if field == ContradictionField::Place => {
                        let depth = |i: u32| self.stated_chain(i).map_or(0, <[u32]>::len);
                        let (mine, theirs) = ((depth(rep), own_sources), (depth(b), s));
                        mine > theirs || (mine == theirs && self.cmp_claim_ids(rep, b).is_lt())
                    }
                    Some(&(s, _, b)) => {
                        own_sources > s || (own_sources == s && self.cmp_claim_ids(rep, b).is_lt())
                    }
                };
                if better {
                    best.insert(field, (own_sources, *v, rep));
                }
                if let Value::Actor { denied: false, .. } = v {
                    asserted_actors.push((own_sources, rep));
                }
                if sources >= 2 {
                    corroborated.extend(ks.iter().map(|&k| claims[k]));
                    corroborations.push(Corroboration {
                        event: event_id.clone(),
                        field,
                        value: self.display(rep, field).0,
                        independent_sources: sources,
                        claims: {
                            // Supporting claims in claim-id order, not value-code order.
                            let mut refs: Vec<ClaimRef> = support
                                .iter()
                                .map(|&k| self.claim_ref(claims[k], field))
                                .collect();
                            refs.sort_by(|a, b| a.claim.cmp(&b.claim));
                            refs
                        },
                    });
                }
            }
            for g in 0..groups.len() {
                for h in g + 1..groups.len() {
                    let mut left = Vec::new();
                    let mut right = Vec::new();
                    for &x in &with_value[groups[g].1.clone()] {
                        for &y in &with_value[groups[h].1.clone()] {
                            if self.pair_conflicts(claims[x], claims[y], field) {
                                left.push(x);
                                right.push(y);
                            }
                        }
                    }
                    if left.is_empty() {
                        continue;
                    }
                    left.sort_unstable();
                    left.dedup();
                    right.sort_unstable();
                    right.dedup();
                    // Counts and dates are listed lower value first. Places and actors
                    // are codes interned in arrival order: there the side holding the
                    // smallest claim id goes first, so ids and order do not depend on it.
                    // Both sides hold a claim (`left` is not empty, `right` as long).
                    let first_id = |ks: &[usize]| {
                        ks.iter()
                            .map(|&k| claims[k])
                            .min_by(|&a, &b| self.cmp_claim_ids(a, b))
                            .unwrap_or(u32::MAX)
                    };
                    let interned =
                        matches!(field, ContradictionField::Place | ContradictionField::Actor);
                    if interned
                        && self
                            .cmp_claim_ids(first_id(&right), first_id(&left))
                            .is_lt()
                    {
                        std::mem::swap(&mut left, &mut right);
                    }
                    let sides: Vec<u32> = left.iter().chain(&right).map(|&k| claims[k]).collect();
                    let ids: Vec<String> = sides
                        .iter()
                        .map(|&i| self.claim_id(i).into_owned())
                        .collect();
                    contradictions.push(Contradiction {
                        id: hex_id(
                            'x',
                            &format!("{event_id}/{}/{}", field.as_str(), ids.join(",")),
                        ),
                        event: event_id.clone(),
                        field,
                        claims: sides.iter().map(|&i| self.claim_ref(i, field)).collect(),
                        first_side: left.len(),
                    });
                    contradicted.extend(sides);
                }
            }
        }
        // The best-supported asserted actors: one, or several with equal support
        // (ties in claim-id order, so the headline does not depend on arrival order).
        asserted_actors.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| self.cmp_claim_ids(a.1, b.1)));
        let top = asserted_actors.first().map_or(0, |a| a.0);
        let actors: Vec<u32> = asserted_actors
            .iter()
            .take_while(|a| a.0 == top)
            .map(|a| a.1)
            .collect();
        let actor_disputed = contradictions
            .iter()
            .any(|c: &Contradiction| c.field == ContradictionField::Actor);
        let event = self.event(&event_id, claims, &best, &actors, actor_disputed);
        contradictions.sort_by(|a, b| {
            (a.field, &a.claims[0].claim, &a.id).cmp(&(b.field, &b.claims[0].claim, &b.id))
        });
        corroborations.sort_by(|a, b| {
            (a.field, &a.value, a.claims.first().map(|c| &c.claim)).cmp(&(
                b.field,
                &b.value,
                b.claims.first().map(|c| &c.claim),
            ))
        });
        EventReport {
            event,
            contradictions,
            corroborations,
            contradicted,
            corroborated,
        }
    }

    fn event(
        &self,
        id: &str,
        claims: &[u32],
        best: &FxHashMap<ContradictionField, (usize, Value, u32)>,
        actors: &[u32],
        actor_disputed: bool,
    ) -> Event {
        // Type: the most frequent specific type (ties: taxonomy order), else the
        // most frequent of any.
        let mut counts: Vec<(EventType, usize)> = Vec::new();
        for &i in claims {
            if let Some(f) = self.frame(i) {
                match counts.iter_mut().find(|(t, _)| *t == f.kind) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((f.kind, 1)),
                }
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let event_type = counts
            .iter()
            .find(|(t, _)| family(*t).is_some())
            .or(counts.first())
            .map_or(EventType::Other, |(t, _)| *t);

        let place = best.get(&ContradictionField::Place).and_then(|&(_, _, i)| {
            let p = self.frame(i)?.place.as_ref()?;
            let info = self.place_info(i)?;
            Some(PlaceMention {
                id: info.id.map(|s| self.str(s).to_string()),
                name: self.str(info.name).to_string(),
                within: info
                    .within
                    .iter()
                    .map(|&s| self.str(s).to_string())
                    .collect(),
                text: self.str(p.text).to_string(),
                start: p.start,
                end: p.end,
            })
        });

        // Dates: what all explicit dates allow, else the best-supported one.
        let dates: Vec<(i32, i32)> = claims
            .iter()
            .filter_map(|&i| self.frame(i)?.date.as_ref().map(|d| (d.from, d.to)))
            .collect();
        let (mut from, mut to) = (None, None);
        if !dates.is_empty() {
            let lo = dates.iter().map(|d| d.0).max().unwrap_or_default();
            let hi = dates.iter().map(|d| d.1).min().unwrap_or_default();
            if lo <= hi {
                (from, to) = (Some(lo), Some(hi));
            } else if let Some(&(_, Value::Date { from: f, to: t }, _)) =
                best.get(&ContradictionField::Date)
            {
                (from, to) = (Some(f), Some(t));
            }
        }

        let mut description = event_type.as_str().replace('_', " ");
        if let Some(p) = &place {
            description.push_str(" in ");
            description.push_str(&p.name);
        }
        match (from, to) {
            (Some(f), Some(t)) if f == t => description.push_str(&format!(" on {}", day_string(f))),
            (Some(f), Some(t)) => {
                description.push_str(&format!(" between {} and {}", day_string(f), day_string(t)))
            }
            _ => {}
        }
        if let Some(&(_, _, i)) = best.get(&ContradictionField::Killed) {
            description.push_str(&format!(
                ", {} killed",
                self.display(i, ContradictionField::Killed).0
            ));
        }
        // "by X"; "by X or Y" when sides have equal support; "(disputed)" when any
        // report names another actor or denies it, so the headline never states as
        // settled what the reports contest.
        let mut names: Vec<String> = Vec::new();
        for &i in actors {
            let name = self.display(i, ContradictionField::Actor).0;
            if !names.contains(&name) {
                names.push(name);
            }
        }
        if !names.is_empty() {
            description.push_str(", by ");
            description.push_str(&names.join(" or "));
        }
        if actor_disputed {
            description.push_str(if names.is_empty() {
                ", actor disputed"
            } else {
                " (disputed)"
            });
        }

        let mut ids: Vec<String> = claims
            .iter()
            .map(|&i| self.claim_id(i).into_owned())
            .collect();
        ids.sort();
        let mut articles: Vec<u32> = claims
            .iter()
            .map(|&i| self.claims[i as usize].article)
            .collect();
        articles.sort_unstable();
        articles.dedup();
        let mut articles: Vec<(Option<i32>, &str)> = articles
            .iter()
            .map(|&a| {
                (
                    self.articles[a as usize].published,
                    &*self.articles[a as usize].id,
                )
            })
            .collect();
        articles.sort_by(|x, y| (x.0.is_none(), x.0, x.1).cmp(&(y.0.is_none(), y.0, y.1)));
        Event {
            id: id.to_string(),
            event_type,
            description,
            place,
            date_from: from.and_then(day_date),
            date_to: to.and_then(day_date),
            claims: ids,
            articles: articles.into_iter().map(|(_, id)| id.to_string()).collect(),
        }
    }
}

fn render_count(c: &CountRec) -> String {
    let mut s = match c.max {
        None => format!("at least {}", c.min),
        Some(m) if m == c.min => c.min.to_string(),
        Some(m) => format!("{}-{}", c.min, m),
    };
    if class(c.category) != 0 {
        let cat = match c.category {
            CasualtyCategory::Children => "children",
            CasualtyCategory::Women => "women",
            CasualtyCategory::Soldiers => "soldiers",
            CasualtyCategory::Fighters => "fighters",
            CasualtyCategory::Militants => "militants",
            CasualtyCategory::Medics => "medics",
            CasualtyCategory::Journalists => "journalists",
            CasualtyCategory::Police => "police",
            CasualtyCategory::People | CasualtyCategory::Civilians => "",
        };
        s.push(' ');
        s.push_str(cat);
    }
    s
}
