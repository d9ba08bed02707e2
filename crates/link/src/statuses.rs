//! The claims' statuses of a [`LinkResult`](crate::LinkResult), listed by claim id.
//!
//! Sorting every claim id as a string cost a sixth of linking: the ids of one
//! article share its id as a prefix, so each comparison read it again. The ids
//! are instead laid out in the order they nearly always have (articles by id,
//! each article's claims by the spelling of their number), and that order is
//! checked to be strictly increasing, which makes it the sorted order; when it is
//! not (an article id that begins another, ids given by the input, a repeated id)
//! the list is sorted as before.

use crosscheck_schema::ClaimStatus;

use crate::linker::Linker;
use crate::record::ClaimId;

impl Linker {
    /// Every claim's id and `status[claim]`, by id; claims of one id (there should
    /// be none) in the order they were added.
    pub(crate) fn statuses_by_id(&self, status: &[ClaimStatus]) -> Vec<(String, ClaimStatus)> {
        let entry = |i: u32| (self.claim_id(i).into_owned(), status[i as usize]);
        let mut articles: Vec<u32> = (0..self.articles.len() as u32).collect();
        // Article ids are distinct (an id is added once): no order among equals.
        articles.sort_unstable_by(|&a, &b| {
            self.articles[a as usize]
                .id
                .cmp(&self.articles[b as usize].id)
        });
        let mut out = Vec::with_capacity(self.claims.len());
        let mut claims: Vec<([u8; 10], u32)> = Vec::new();
        for &a in &articles {
            claims.clear();
            claims.extend(self.articles[a as usize].claim_range().map(|i| {
                let key = match &self.claims[i as usize].id {
                    ClaimId::Numbered(n) => digits(*n),
                    // Not in this order's reach: the check below fails.
                    ClaimId::Other(_) => [0; 10],
                };
                (key, i)
            }));
            claims.sort_unstable();
            out.extend(claims.iter().map(|&(_, i)| entry(i)));
        }
        let increasing = out.len() == self.claims.len() && out.windows(2).all(|w| w[0].0 < w[1].0);
        if !increasing {
            out.clear();
            out.extend((0..self.claims.len() as u32).map(entry));
            out.sort_by(|x, y| x.0.cmp(&y.0));
        }
        out
    }
}

/// The decimal digits of `n`, padded with zero bytes: two such arrays compare as
/// the two numbers' spellings do (a zero byte sorts before every digit, as the end
/// of the shorter spelling does).
pub(crate) fn digits(n: u32) -> [u8; 10] {
    let mut spelt = [0u8; 10];
    let mut at = spelt.len();
    let mut rest = n;
    loop {
        at -= 1;
        spelt[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let len = spelt.len() - at;
    spelt.copy_within(at.., 0);
    spelt[len..].fill(0);
    spelt
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::minhash::Sketch;
    use crate::record::{ArticleRec, ClaimRec};

    /// A linker holding only articles and claims: `(article id, claim ids)`.
    pub(crate) fn linker(articles: &[(&str, Vec<String>)]) -> Linker {
        let mut linker = Linker::default();
        for (a, (id, claims)) in articles.iter().enumerate() {
            linker.articles.push(ArticleRec {
                id: (*id).into(),
                outlet: None,
                outlet_key: None,
                published: None,
                first_claim: linker.claims.len() as u32,
                claims: claims.len() as u32,
                context: None,
                shingles: 0,
            });
            for claim in claims {
                linker.claims.push(ClaimRec {
                    id: ClaimId::of(claim, id),
                    article: a as u32,
                    start: 0,
                    end: 0,
                    attribution: 0,
                    voice: 0,
                    source: 0,
                    sketch: Sketch::of("", false),
                    frame: None,
                });
            }
        }
        linker
    }

    /// The definition: every claim in the order added, sorted stably by id.
    fn reference(linker: &Linker, status: &[ClaimStatus]) -> Vec<(String, ClaimStatus)> {
        let mut out: Vec<(String, ClaimStatus)> = (0..linker.claims.len() as u32)
            .map(|i| (linker.claim_id(i).into_owned(), status[i as usize]))
            .collect();
        out.sort_by(|x, y| x.0.cmp(&y.0));
        out
    }

    #[test]
    fn statuses_come_sorted_as_a_string_sort_leaves_them() {
        let numbered = |id: &str, n: u32| (0..n).map(|k| format!("{id}/c{k}")).collect();
        let cases: Vec<Vec<(&str, Vec<String>)>> = vec![
            vec![],
            vec![("a", vec![])],
            // Ten claims and more: `c10` sorts before `c2`.
            vec![("b", numbered("b", 23)), ("a", numbered("a", 12))],
            vec![("x9", numbered("x9", 3)), ("x10", numbered("x10", 120))],
            // An article id that begins another: their claims interleave.
            vec![("ab", numbered("ab", 12)), ("ab/c1", numbered("ab/c1", 3))],
            vec![("a", numbered("a", 4)), ("a/", numbered("a/", 4))],
            // Ids the input gave: not `<article>/c<n>`, repeated, leading zeros.
            vec![
                ("p", vec!["p/c01".into(), "zz".into(), "p/c1".into()]),
                ("q", vec!["p/c1".into(), "q/c0".into(), "a".into()]),
            ],
            vec![("r", vec!["r/c2".into(), "r/c2".into(), "r/c10".into()])],
        ];
        for articles in cases {
            let linker = linker(&articles);
            let all = ClaimStatus::ALL;
            let status: Vec<ClaimStatus> = (0..linker.claims.len())
                .map(|i| all[(i * 7 + 3) % all.len()])
                .collect();
            assert_eq!(
                linker.statuses_by_id(&status),
                reference(&linker, &status),
                "{articles:?}"
            );
        }
    }

    #[test]
    fn digit_arrays_compare_as_spellings() {
        let numbers = [
            0,
            1,
            2,
            9,
            10,
            11,
            19,
            20,
            99,
            100,
            101,
            1000,
            4_294_967_295,
        ];
        for &x in &numbers {
            for &y in &numbers {
                assert_eq!(
                    digits(x).cmp(&digits(y)),
                    x.to_string().cmp(&y.to_string()),
                    "{x} {y}"
                );
            }
        }
    }
}
