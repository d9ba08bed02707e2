//! Small data structures: a string interner and a union-find, both serialisable.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// Strings stored once and named by a `u32`.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(from = "Vec<Box<str>>", into = "Vec<Box<str>>")]
pub(crate) struct Interner {
    strings: Vec<Box<str>>,
    map: FxHashMap<Box<str>, u32>,
}

impl From<Vec<Box<str>>> for Interner {
    fn from(strings: Vec<Box<str>>) -> Interner {
        let map = strings
            .iter()
            .enumerate()
            .map(|(i, s)| (s.clone(), i as u32))
            .collect();
        Interner { strings, map }
    }
}

impl From<Interner> for Vec<Box<str>> {
    fn from(i: Interner) -> Vec<Box<str>> {
        i.strings
    }
}

impl Interner {
    pub(crate) fn intern(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.map.get(s) {
            return i;
        }
        let i = self.strings.len() as u32;
        self.strings.push(s.into());
        self.map.insert(s.into(), i);
        i
    }

    pub(crate) fn str(&self, i: u32) -> &str {
        self.strings.get(i as usize).map_or("", |s| s)
    }
}

/// Disjoint sets over `0..n`, growing on demand.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(crate) struct UnionFind {
    parent: Vec<u32>,
}

impl UnionFind {
    pub(crate) fn grow(&mut self, n: usize) {
        while self.parent.len() < n {
            self.parent.push(self.parent.len() as u32);
        }
    }

    pub(crate) fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let grand = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = grand;
            x = grand;
        }
        x
    }

    /// True when `a` and `b` are in one set and [`UnionFind::union`] of them would
    /// change nothing: each is its set's root or a child of it, so `find` has no
    /// path to shorten. (Deeper nodes would be moved up by `union`: the answer is
    /// then false, whether or not they are joined.)
    pub(crate) fn joined_flat(&self, a: u32, b: u32) -> bool {
        let root = |x: u32| {
            let p = self.parent[x as usize];
            (self.parent[p as usize] == p).then_some(p)
        };
        matches!((root(a), root(b)), (Some(x), Some(y)) if x == y)
    }

    /// Joins the sets of `a` and `b`; the smaller index becomes the root so that the
    /// structure does not depend on the order of unions more than it must.
    pub(crate) fn union(&mut self, a: u32, b: u32) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return false;
        }
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[hi as usize] = lo;
        true
    }
}

/// Sorts and deduplicates `pairs`, whose first values are below `n`: what
/// `sort_unstable` and `dedup` leave, by a counting sort on the first value and
/// a sort of each (short) run of second values. `rows` and `seconds` are
/// buffers kept by the caller.
pub(crate) fn sort_dedup_pairs(
    pairs: &mut Vec<(u32, u32)>,
    n: usize,
    rows: &mut Vec<u32>,
    seconds: &mut Vec<u32>,
) {
    // Where each first value's run starts, then (after placing) where it ends.
    rows.clear();
    rows.resize(n + 1, 0);
    for &(x, _) in pairs.iter() {
        rows[x as usize + 1] += 1;
    }
    for k in 1..=n {
        rows[k] += rows[k - 1];
    }
    seconds.clear();
    seconds.resize(pairs.len(), 0);
    for &(x, y) in pairs.iter() {
        let at = &mut rows[x as usize];
        seconds[*at as usize] = y;
        *at += 1;
    }
    pairs.clear();
    let mut start = 0;
    for (x, &end) in rows[..n].iter().enumerate() {
        let run = &mut seconds[start..end as usize];
        run.sort_unstable();
        let mut last = None;
        for &y in run.iter() {
            if last != Some(y) {
                pairs.push((x as u32, y));
                last = Some(y);
            }
        }
        start = end as usize;
    }
}

/// Values stored once and named by a `u32`; serialised as the list of values.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(from = "Vec<T>", into = "Vec<T>")]
#[serde(bound(
    serialize = "T: Serialize + Clone + Eq + std::hash::Hash",
    deserialize = "T: Deserialize<'de> + Clone + Eq + std::hash::Hash"
))]
pub(crate) struct Pool<T: Clone + Eq + std::hash::Hash> {
    values: Vec<T>,
    map: FxHashMap<T, u32>,
}

impl<T: Clone + Eq + std::hash::Hash> Default for Pool<T> {
    fn default() -> Pool<T> {
        Pool {
            values: Vec::new(),
            map: FxHashMap::default(),
        }
    }
}

impl<T: Clone + Eq + std::hash::Hash> From<Vec<T>> for Pool<T> {
    fn from(values: Vec<T>) -> Pool<T> {
        let map = values
            .iter()
            .enumerate()
            .map(|(i, v)| (v.clone(), i as u32))
            .collect();
        Pool { values, map }
    }
}

impl<T: Clone + Eq + std::hash::Hash> From<Pool<T>> for Vec<T> {
    fn from(p: Pool<T>) -> Vec<T> {
        p.values
    }
}

impl<T: Clone + Eq + std::hash::Hash> Pool<T> {
    pub(crate) fn intern(&mut self, value: T) -> u32 {
        if let Some(&i) = self.map.get(&value) {
            return i;
        }
        let i = self.values.len() as u32;
        self.values.push(value.clone());
        self.map.insert(value, i);
        i
    }

    pub(crate) fn get(&self, i: u32) -> Option<&T> {
        self.values.get(i as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_are_sorted_and_deduplicated_as_by_a_sort() {
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |n: u32| {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            ((x >> 33) % u64::from(n)) as u32
        };
        let (mut rows, mut seconds) = (Vec::new(), Vec::new());
        for (n, len) in [(1, 0), (1, 5), (3, 40), (50, 2000), (400, 30), (1000, 5000)] {
            let mut pairs: Vec<(u32, u32)> = (0..len)
                .map(|_| (next(n as u32), next(n as u32 + 3)))
                .collect();
            let mut expected = pairs.clone();
            expected.sort_unstable();
            expected.dedup();
            sort_dedup_pairs(&mut pairs, n, &mut rows, &mut seconds);
            assert_eq!(pairs, expected, "{n} {len}");
        }
    }

    #[test]
    fn a_flat_join_is_one_that_union_would_not_change() {
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u32| {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            ((x >> 33) % u64::from(n)) as u32
        };
        let mut uf = UnionFind::default();
        uf.grow(300);
        let (mut flat, mut deep) = (0, 0);
        for _ in 0..3000 {
            let (a, b) = (next(300), next(300));
            let mut after = uf.clone();
            let changed = after.union(a, b);
            if uf.joined_flat(a, b) {
                flat += 1;
                assert!(!changed);
                assert_eq!(after.parent, uf.parent, "{a} {b}");
            } else if uf.clone().find(a) == uf.clone().find(b) {
                deep += 1;
            }
            // Unions as the linker makes them: only some pairs are edges.
            if next(3) == 0 {
                uf.union(a, b);
            }
        }
        assert!(flat > 100 && deep > 10, "{flat} {deep}");
    }
}
