//! Whole-word, leftmost-longest matching of many folded aliases at once.
//!
//! A match can only begin where a word of the folded text begins, and covers
//! whole words, so the word it starts at (and, for an alias of several words,
//! the word after it) must be exactly the alias's own first word (and second
//! word). The aliases are therefore indexed by the hash of their first word, or
//! of their first two words: at each word of the text a small Bloom filter
//! (`text::WordFilter`) rules out almost every word, and the few left look up
//! their candidates, longest first, and compare bytes. The first candidate that
//! is there, ends where a word ends, and agrees in case with the original text
//! for case-sensitive aliases (`IS`, `RT`, `Harem`) wins, so `Deir ez-Zor
//! provincial` still yields `Deir ez-Zor`. No match starts inside a word
//! (`crisis`, `Syria`).

use std::collections::HashMap;

use std::hash::{BuildHasherDefault, Hasher};

use crate::fold::{fold_alias, fold_ascii_into, is_word_byte, is_word_char, Folded};
use crate::text::{pair_key, single_key, word_hash, FoldedText, StartWords, Word, WordFilter};
use crate::LexiconError;

/// One raw match: original byte offsets and the table entry it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) entry: usize,
}

/// An alias in the index: enough to reject it without reading its bytes.
#[derive(Clone, Copy)]
struct Candidate {
    pattern: u32,
    len: u32,
    /// The alias's last (up to) eight bytes, as [`tail`] reads them.
    tail: u64,
}

/// The last (up to) eight bytes of `b`, little-endian.
#[inline]
fn tail(b: &[u8]) -> u64 {
    b[b.len().saturating_sub(8)..]
        .iter()
        .rev()
        .fold(0u64, |x, &c| x << 8 | u64::from(c))
}

/// [`tail`] of `hay[s..e]`, read with one load of the eight bytes ending at `e`
/// when there are eight.
#[inline]
fn tail_of(hay: &[u8], s: usize, e: usize) -> u64 {
    let len = e - s;
    match e.checked_sub(8).and_then(|b| hay.get(b..e)) {
        Some(block) if len > 0 => {
            let mut x = [0u8; 8];
            x.copy_from_slice(block);
            u64::from_le_bytes(x) >> (8 * 8usize.saturating_sub(len))
        }
        _ => tail(&hay[s..e]),
    }
}

struct Pattern {
    entry: usize,
    /// For a case-sensitive alias, its ASCII letters as written.
    exact: Option<Box<[u8]>>,
}

pub(crate) struct Matcher {
    /// Every folded alias, by pattern index.
    keys: Vec<Box<[u8]>>,
    /// Candidates by the key of their first word (one-word aliases) or of their
    /// first two words, longest alias first.
    starts: HashMap<u64, Box<[Candidate]>, BuildHasherDefault<KeyHasher>>,
    /// Which words can start an alias: most words of a text are skipped
    /// without touching the index.
    filter: WordFilter,
    /// The first words of the aliases alone, for a text that keeps only the
    /// words some tables may match ([`StartWords`]).
    first_words: StartWords,
    patterns: Vec<Pattern>,
}

/// An alias as the table gives it: `=` in front marks it case-sensitive.
pub(crate) struct AliasSpec<'a> {
    pub(crate) text: &'a str,
    pub(crate) entry: usize,
    pub(crate) line: usize,
    /// Also match the name followed by a bare `s`: scraped text that lost its
    /// apostrophes writes `Syria's` as `Syrias` and `Hama's` as `Hamas`.
    pub(crate) possessive: bool,
    /// Generated from another alias rather than written in the table (`Syria's
    /// army` from `Syrian army`): gives way silently to any alias as written.
    pub(crate) derived: bool,
}

impl Matcher {
    /// Builds the matcher. Two entries sharing a folded alias is an error naming
    /// both: the tables must be unambiguous.
    pub(crate) fn build(
        specs: &[AliasSpec<'_>],
        entry_ids: &[String],
    ) -> Result<Matcher, LexiconError> {
        // Room for every alias at once: no regrowth of the lists or the map.
        let mut patterns: Vec<Pattern> = Vec::with_capacity(specs.len());
        let mut folded_list: Vec<Box<[u8]>> = Vec::with_capacity(specs.len());
        let mut by_folded: HashMap<Box<[u8]>, usize, BuildHasherDefault<BytesHasher>> =
            HashMap::with_capacity_and_hasher(specs.len(), BuildHasherDefault::default());
        // Possessive variants come after every alias as written, and give way
        // to them silently: an explicit alias always wins.
        let mut variants: Vec<(Box<[u8]>, Pattern)> = Vec::new();
        for spec in specs {
            let (raw, sensitive) = match spec.text.strip_prefix('=') {
                Some(rest) => (rest.trim(), true),
                None => (spec.text.trim(), false),
            };
            let folded = fold_alias(raw);
            if folded.is_empty() {
                continue;
            }
            if !folded.bytes().next().is_some_and(is_word_byte) {
                // Matching starts at word starts only: such an alias could
                // never match.
                return Err(LexiconError::new(
                    spec.line,
                    format!(
                        "alias {raw:?} of {} does not start with a letter or digit",
                        entry_ids[spec.entry]
                    ),
                ));
            }
            let exact = sensitive.then(|| {
                raw.bytes()
                    .filter(u8::is_ascii_alphabetic)
                    .collect::<Vec<u8>>()
                    .into_boxed_slice()
            });
            if spec.derived {
                variants.push((
                    folded.into_bytes().into_boxed_slice(),
                    Pattern {
                        entry: spec.entry,
                        exact,
                    },
                ));
                continue;
            }
            if spec.possessive && folded.ends_with(|c: char| c.is_ascii_alphabetic() && c != 's') {
                let mut key = folded.clone().into_bytes();
                key.push(b's');
                let exact = exact.as_ref().map(|e| {
                    let mut e = e.to_vec();
                    e.push(b's');
                    e.into_boxed_slice()
                });
                variants.push((
                    key.into_boxed_slice(),
                    Pattern {
                        entry: spec.entry,
                        exact,
                    },
                ));
            }
            let key: Box<[u8]> = folded.into_bytes().into_boxed_slice();
            if let Some(&p) = by_folded.get(&key) {
                let other = patterns[p].entry;
                if other != spec.entry {
                    return Err(LexiconError::new(
                        spec.line,
                        format!(
                            "alias {:?} of {} is already an alias of {}",
                            raw, entry_ids[spec.entry], entry_ids[other]
                        ),
                    ));
                }
                // The same entry spelling it twice: a `=` mark anywhere makes
                // the spelling case-sensitive (the canonical name is listed
                // unmarked, `=Harem` among the aliases marks it).
                if exact.is_some() {
                    patterns[p].exact = exact;
                }
                continue;
            }
            by_folded.insert(key.clone(), patterns.len());
            folded_list.push(key);
            patterns.push(Pattern {
                entry: spec.entry,
                exact,
            });
        }
        for (key, pattern) in variants {
            if by_folded.contains_key(&key) {
                continue;
            }
            by_folded.insert(key.clone(), patterns.len());
            folded_list.push(key);
            patterns.push(pattern);
        }
        let mut filter = WordFilter::default();
        let mut first_words = StartWords::default();
        let mut starts: HashMap<u64, Vec<Candidate>, BuildHasherDefault<KeyHasher>> =
            HashMap::default();
        for (p, key) in folded_list.iter().enumerate() {
            let Some(k) = index_key(key) else { continue };
            filter.insert(k);
            if let Some(first) = key.split(|&b| !is_word_byte(b)).find(|r| !r.is_empty()) {
                filter.insert_first_word(single_key(word_hash(first)));
                first_words.insert(first);
            }
            starts.entry(k).or_default().push(Candidate {
                pattern: p as u32,
                len: key.len() as u32,
                tail: tail(key),
            });
        }
        let starts = starts
            .into_iter()
            .map(|(k, mut list)| {
                list.sort_by_key(|c| std::cmp::Reverse(c.len));
                (k, list.into_boxed_slice())
            })
            .collect();
        Ok(Matcher {
            keys: folded_list,
            starts,
            filter,
            first_words,
            patterns,
        })
    }

    /// The words an alias may start with.
    pub(crate) fn first_words(&self) -> &StartWords {
        &self.first_words
    }

    /// Number of distinct folded aliases.
    pub(crate) fn len(&self) -> usize {
        self.patterns.len()
    }

    /// Every whole-word match in a region folded beforehand, left to right,
    /// never overlapping. Offsets are absolute. A text that keeps only some
    /// words must keep all those that may start an alias of this table.
    pub(crate) fn find_in(&self, t: &FoldedText) -> Vec<Hit> {
        debug_assert!(t.starts.is_none_or(|s| s.covers(&self.first_words)));
        // Room for an article's matches (a few dozen at most, mostly) at once.
        let mut hits = Vec::with_capacity(32);
        // Matches never overlap: a word starting before the end of the last match
        // is inside it.
        let mut free = 0;
        for w in &t.words {
            if w.start < free || !self.filter.may_be_first_word(w.single) {
                continue;
            }
            if !self.filter.may_start(w.single, w.pair) {
                continue;
            }
            if let Some((e, p)) = self.longest_at(t.text, &t.folded, w, w.pair) {
                hits.push(Hit {
                    start: t.folded.original(w.start),
                    end: t.folded.original(e),
                    entry: self.patterns[p].entry,
                });
                free = e;
            }
        }
        hits
    }

    /// The longest alias starting at word `w` (whose pair key with the next word
    /// is `pair`) that ends a word and passes its case check: its end and
    /// pattern index.
    fn longest_at(
        &self,
        text: &str,
        folded: &Folded,
        w: &Word,
        pair: Option<u64>,
    ) -> Option<(usize, usize)> {
        let s = w.start;
        // An alias of several words is longer than any one-word alias starting
        // at the same word: those go first.
        let longer = pair.and_then(|k| self.starts.get(&k));
        let single = self.starts.get(&w.single);
        let hay = &folded.bytes[..];
        let candidates = longer
            .into_iter()
            .chain(single)
            .flat_map(|list| list.iter());
        for c in candidates {
            let e = s + c.len as usize;
            // The tail first: most candidates differ there, and it needs no read
            // of the alias's bytes.
            if e > hay.len() || tail_of(hay, s, e) != c.tail {
                continue;
            }
            let p = c.pattern as usize;
            if hay[s..e] == self.keys[p][..]
                && self.ends_word(text, folded, e)
                && self.case_ok(text, folded, s, e, p)
            {
                return Some((e, p));
            }
        }
        None
    }

    fn ends_word(&self, text: &str, folded: &Folded, e: usize) -> bool {
        let hay = &folded.bytes[..];
        if e == 0 || !is_word_byte(hay[e - 1]) {
            return true;
        }
        if e < hay.len() {
            return !is_word_byte(hay[e]);
        }
        let orig_end = folded.original(e);
        !text
            .get(orig_end..)
            .and_then(|t| t.chars().next())
            .is_some_and(is_word_char)
    }

    fn case_ok(&self, text: &str, folded: &Folded, s: usize, e: usize, p: usize) -> bool {
        let Some(exact) = &self.patterns[p].exact else {
            return true;
        };
        let (os, oe) = (folded.original(s), folded.original(e));
        let Some(orig) = text.get(os..oe) else {
            return false;
        };
        same_case(exact, orig)
    }
}

/// Whether the ASCII letters of `original` are those of a case-sensitive alias
/// (`exact`, its letters only). A name that starts with "The" is written "the"
/// inside a sentence: "=The Independent" also matches "told the Independent".
fn same_case(exact: &[u8], original: &str) -> bool {
    let mut letters = original.bytes().filter(u8::is_ascii_alphabetic);
    if let Some(rest) = exact.strip_prefix(b"The") {
        let mut head = [0u8; 3];
        for b in &mut head {
            *b = letters.next().unwrap_or(0);
        }
        return (&head == b"The" || &head == b"the") && letters.eq(rest.iter().copied());
    }
    letters.eq(exact.iter().copied())
}

/// The index key of a folded alias: [`single_key`] of its one word, or
/// [`pair_key`] of its first two words; `None` for an alias without words.
fn index_key(key: &[u8]) -> Option<u64> {
    let mut runs = key.split(|&b| !is_word_byte(b)).filter(|r| !r.is_empty());
    let h1 = word_hash(runs.next()?);
    Some(match runs.next() {
        None => single_key(h1),
        Some(second) => pair_key(h1, word_hash(second)),
    })
}

fn trim_spaces(b: &[u8]) -> &[u8] {
    let start = b.iter().position(|&c| c != b' ').unwrap_or(b.len());
    let end = b.iter().rposition(|&c| c != b' ').map_or(start, |e| e + 1);
    &b[start..end.max(start)]
}

/// The index keys are mixed hashes already: use them as they are.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = x;
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hasher for the folded aliases while the matcher is built: the workspace's
/// word hash of their bytes, mixed, in place of SipHash (some 8,000 aliases are
/// hashed about three times each at start-up). The map it serves is only looked
/// up, never iterated, so nothing depends on its order.
#[derive(Default)]
struct BytesHasher(u64);

impl Hasher for BytesHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = single_key(self.0 ^ word_hash(bytes));
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl Matcher {
    /// The pattern whose folded alias is exactly `key`, through the index.
    fn pattern_of(&self, key: &[u8]) -> Option<usize> {
        let mut runs = key.split(|&b| !is_word_byte(b)).filter(|r| !r.is_empty());
        let h1 = word_hash(runs.next()?);
        // Many names looked up ("<adjective> forces" for each adjective before
        // a trigger) start with a word no alias starts with: the filter tells
        // without a look in the index.
        if !self.filter.may_be_first_word(single_key(h1)) {
            return None;
        }
        let index = match runs.next() {
            None => single_key(h1),
            Some(second) => pair_key(h1, word_hash(second)),
        };
        self.starts
            .get(&index)?
            .iter()
            .map(|c| c.pattern as usize)
            .find(|&p| self.keys[p][..] == *key)
    }

    /// Whether some alias may start with the first word of `name` as folded
    /// (true for a name without a word): when it is false, no [`lookup`] of a
    /// name made of `name`, a space and more words (`"<adjective> forces"`)
    /// finds anything, as its first word is the same. Folds `name` once where
    /// the lookups would fold each name.
    ///
    /// [`lookup`]: Self::lookup
    pub(crate) fn may_start_with(&self, name: &str) -> bool {
        let mut buf = [0u8; 96];
        let heap;
        let key = match fold_ascii_into(name, &mut buf) {
            Some(n) => &buf[..n],
            None => {
                heap = Folded::new(name, 0);
                &heap.bytes[..]
            }
        };
        match key.split(|&b| !is_word_byte(b)).find(|r| !r.is_empty()) {
            Some(first) => self.filter.may_be_first_word(single_key(word_hash(first))),
            None => true,
        }
    }

    /// The entry a whole string names, when it is one alias as written (case
    /// rules included): `"Deir ez-Zor"`, `"the regime"`.
    pub(crate) fn lookup(&self, name: &str) -> Option<usize> {
        // Short ASCII names are folded on the stack: lookups run per sentence.
        let mut buf = [0u8; 96];
        let heap;
        let key = match fold_ascii_into(name, &mut buf) {
            Some(n) => trim_spaces(&buf[..n]),
            None => {
                heap = Folded::new(name, 0);
                trim_spaces(&heap.bytes)
            }
        };
        let p = self.pattern_of(key)?;
        if let Some(exact) = &self.patterns[p].exact {
            if !same_case(exact, name) {
                return None;
            }
        }
        Some(self.patterns[p].entry)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Actors, Gazetteer};

    impl Matcher {
        /// A plain reference for `find`: at each word, every alias whose first
        /// word is that word (by bytes, no hashing, no filter), longest first.
        fn find_unfiltered(&self, by_first: &HashMap<&[u8], Vec<usize>>, text: &str) -> Vec<Hit> {
            let t = FoldedText::new(text, 0, text.len());
            let hay = &t.folded.bytes[..];
            let mut hits = Vec::new();
            let mut free = 0;
            for w in &t.words {
                if w.start < free {
                    continue;
                }
                let n = hay[w.start..]
                    .iter()
                    .take_while(|&&b| is_word_byte(b))
                    .count();
                let Some(list) = by_first.get(&hay[w.start..w.start + n]) else {
                    continue;
                };
                let best = list
                    .iter()
                    .filter(|&&p| {
                        let e = w.start + self.keys[p].len();
                        hay.get(w.start..e) == Some(&self.keys[p][..])
                            && self.ends_word(text, &t.folded, e)
                            && self.case_ok(text, &t.folded, w.start, e, p)
                    })
                    .max_by_key(|&&p| self.keys[p].len());
                if let Some(&p) = best {
                    let e = w.start + self.keys[p].len();
                    hits.push(Hit {
                        start: t.folded.original(w.start),
                        end: t.folded.original(e),
                        entry: self.patterns[p].entry,
                    });
                    free = e;
                }
            }
            hits
        }

        fn by_first(&self) -> HashMap<&[u8], Vec<usize>> {
            let mut by_first: HashMap<&[u8], Vec<usize>> = HashMap::new();
            for (p, key) in self.keys.iter().enumerate() {
                let n = key.iter().take_while(|&&b| is_word_byte(b)).count();
                by_first.entry(&key[..n]).or_default().push(p);
            }
            by_first
        }

        fn aliases(&self) -> Vec<String> {
            self.keys
                .iter()
                .map(|k| String::from_utf8_lossy(k).into_owned())
                .collect()
        }
    }

    /// The filter and the hashed index never hide a match: every alias of both
    /// shipped tables, in a sentence, in its possessive and in FA-KES text, is
    /// found as by a plain comparison with every alias sharing its first word,
    /// in a text that keeps every word or only those of the tables' start words.
    #[test]
    fn the_word_filter_loses_no_match() {
        let (g, a) = (Gazetteer::new(), Actors::new());
        let mut texts: Vec<String> = Vec::new();
        for m in [g.matcher(), a.matcher()] {
            for alias in m.aliases() {
                texts.push(format!(
                    "Near {alias}, the {alias}'s forces and {alias} - {alias}."
                ));
            }
        }
        if let Some(path) = crosscheck_datasets::dataset_dir("fa-kes")
            .map(|d| d.join("FA-KES-Dataset.csv"))
            .filter(|p| p.is_file())
        {
            let bytes = std::fs::read(path).unwrap_or_default();
            texts.push(bytes.iter().map(|&b| b as char).collect());
        } else {
            eprintln!("skipped the FA-KES part: shared/data/fa-kes is absent");
        }
        let starts = a.start_words().union(&g.start_words());
        for m in [g.matcher(), a.matcher()] {
            let by_first = m.by_first();
            for text in &texts {
                let expected = m.find_unfiltered(&by_first, text);
                assert_eq!(
                    m.find_in(&FoldedText::new(text, 0, text.len())),
                    expected,
                    "{text:.200}"
                );
                assert_eq!(
                    m.find_in(&FoldedText::for_starts(text, 0, text.len(), &starts)),
                    expected,
                    "{text:.200}"
                );
            }
        }
    }

    #[test]
    fn a_tail_read_at_once_is_the_tail() {
        let hay = b"abcdefghijklmnopqrstuvwxyz0123456789";
        for s in 0..=hay.len() {
            for e in s..=hay.len() {
                assert_eq!(tail_of(hay, s, e), tail(&hay[s..e]), "{s} {e}");
            }
        }
    }

    /// Walking "the russia..." towards "the Russian government" passes a state
    /// that matches "russia": the match starts at "russia", not at "the".
    #[test]
    fn a_suffix_alias_is_not_stretched_to_the_walk_start() {
        let a = Actors::new();
        let text = "the russia's envoys";
        let found = a.find(text, 0, text.len());
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].start..found[0].end], "russia");
    }

    /// A word the filter turns away starts no name that a lookup finds: checked
    /// with the words of every alias of both tables (each as written and in
    /// capitals, alone and before a second word) and with words no alias starts
    /// with, plain, accented, hyphenated and with apostrophes.
    #[test]
    fn a_name_lookup_finds_nothing_after_a_first_word_no_alias_starts_with() {
        let (g, a) = (Gazetteer::new(), Actors::new());
        let mut words: Vec<String> = "Russian rebel pro-government Turkish-backed Kurdish the al \
            ISIS Assad's rebels' Ma'arrat \u{15E}anl\u{131}urfa Al-Nusra government Israeli \
            unknown gunmen U.S. US-led jihadist - ' \u{2019}s x\u{2019} forces Syrian regime"
            .split(' ')
            .map(String::from)
            .collect();
        words.push(String::new());
        for m in [g.matcher(), a.matcher()] {
            for key in &m.keys {
                let name = String::from_utf8_lossy(key);
                for w in name.split(' ') {
                    words.push(w.to_string());
                    words.push(w.to_uppercase());
                }
            }
        }
        for m in [g.matcher(), a.matcher()] {
            let mut passed = 0;
            for w in &words {
                if m.may_start_with(w) {
                    passed += 1;
                    continue;
                }
                for rest in ["", " forces", " warplanes", " fighters", "-backed militias"] {
                    let name = format!("{w}{rest}");
                    assert_eq!(m.lookup(&name), None, "{name}");
                }
            }
            assert!(passed > 0 && passed < words.len(), "{passed}");
        }
    }

    /// Every alias of both tables names its entry as a whole string.
    #[test]
    fn every_alias_is_found_by_name() {
        let (g, a) = (Gazetteer::new(), Actors::new());
        for m in [g.matcher(), a.matcher()] {
            for (p, key) in m.keys.iter().enumerate() {
                if m.patterns[p].exact.is_some() {
                    continue;
                }
                let name = String::from_utf8_lossy(key);
                assert_eq!(m.lookup(&name), Some(m.patterns[p].entry), "{name}");
            }
        }
    }
}
