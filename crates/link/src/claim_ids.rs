//! Claim ids without building them: the linker keeps `<article id>/c<n>` as `n`
//! ([`ClaimId::Numbered`]), and the places that only compare two ids, or look an
//! id up for a moment, need not allocate the string each time (they made a
//! third of the linker's allocations).

use std::cmp::Ordering;

use crate::linker::Linker;
use crate::record::ClaimId;
use crate::statuses::digits;

impl Linker {
    /// [`Linker::claim_id`] written into `id` (cleared first).
    pub(crate) fn claim_id_into(&self, i: u32, id: &mut String) {
        let c = &self.claims[i as usize];
        match &c.id {
            ClaimId::Numbered(n) => crosscheck_schema::claim_id_into(
                &self.articles[c.article as usize].id,
                u64::from(*n),
                id,
            ),
            ClaimId::Other(s) => {
                id.clear();
                id.push_str(s);
            }
        }
    }

    /// `self.claim_id(a).cmp(&self.claim_id(b))`, without building either id.
    pub(crate) fn cmp_claim_ids(&self, a: u32, b: u32) -> Ordering {
        let (ca, cb) = (&self.claims[a as usize], &self.claims[b as usize]);
        match (&ca.id, &cb.id) {
            // One article's numbered claims: the ids differ only in the number's
            // spelling, which `digits` orders as the strings do.
            (ClaimId::Numbered(x), ClaimId::Numbered(y)) if ca.article == cb.article => {
                digits(*x).cmp(&digits(*y))
            }
            _ => self.id_bytes(a).cmp(self.id_bytes(b)),
        }
    }

    /// The bytes of claim `i`'s id, in order.
    fn id_bytes(&self, i: u32) -> impl Iterator<Item = u8> + '_ {
        let c = &self.claims[i as usize];
        // The id is `head` followed by `tail[..len]`.
        let mut tail = [0u8; 12];
        let (head, len): (&str, usize) = match &c.id {
            ClaimId::Numbered(n) => {
                tail[..2].copy_from_slice(b"/c");
                let spelt = digits(*n);
                let len = spelt.iter().position(|&d| d == 0).unwrap_or(spelt.len());
                tail[2..2 + len].copy_from_slice(&spelt[..len]);
                (&self.articles[c.article as usize].id, 2 + len)
            }
            ClaimId::Other(s) => (s, 0),
        };
        head.bytes().chain(tail.into_iter().take(len))
    }
}

#[cfg(test)]
mod tests {
    use crate::statuses::tests::linker;

    #[test]
    fn ids_compare_and_are_written_as_the_built_ones() {
        // Article ids that begin one another, numbers of several lengths, and ids
        // the input gave in another form.
        let ids = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let linker = linker(&[
            ("a1", ids(&["a1/c1", "a1/c2", "a1/c10", "a1/c9", "a1/c100"])),
            ("a1/c", ids(&["a1/c/c1", "a1/c/c12"])),
            (
                "a",
                ids(&["a/c3", "a/c30", "other id", "a/c03", "a/c4294967295"]),
            ),
            ("a10", ids(&["a10/c1", "a10/c2"])),
            ("b", ids(&[])),
        ]);
        let n = linker.claims.len() as u32;
        assert!(n >= 14);
        let mut id = String::from("something longer than any id here");
        for a in 0..n {
            linker.claim_id_into(a, &mut id);
            assert_eq!(id, linker.claim_id(a));
            for b in 0..n {
                assert_eq!(
                    linker.cmp_claim_ids(a, b),
                    linker.claim_id(a).cmp(&linker.claim_id(b)),
                    "{} {}",
                    linker.claim_id(a),
                    linker.claim_id(b)
                );
            }
        }
    }
}
