//! The human view of contradictions: one entry per disputed field of an event.
//!
//! Linking reports a contradiction per *pair* of rival values (`12` against `at
//! least 35`, `12` against `41`, ...), which is what the JSON output and the API
//! carry. A reader wants one field of one event at a time: every value stated for
//! it, each with the claims that state it, and which values clash. This module
//! merges the pairwise contradictions of one (event, field) into that view; it
//! adds nothing and drops nothing (every claim of every contradiction appears once
//! under its value).

use crosscheck_schema::{ClaimRef, Contradiction, ContradictionField};

/// One field of one event on which sources disagree.
#[derive(Debug)]
pub struct Dispute<'a> {
    pub event: &'a str,
    pub field: ContradictionField,
    /// The values stated for the field, in order of first appearance.
    pub values: Vec<RivalValue<'a>>,
    /// Index pairs into `values` of the values that clash, each pair once.
    pub clashes: Vec<(usize, usize)>,
    /// How many pairwise contradictions were merged.
    pub contradictions: usize,
}

/// One value of a disputed field and the claims that state it.
#[derive(Debug)]
pub struct RivalValue<'a> {
    pub value: &'a str,
    /// Each claim once, in order of first appearance.
    pub claims: Vec<&'a ClaimRef>,
}

/// Merges `contradictions` into one [`Dispute`] per (event, field), in order of
/// first appearance.
///
/// A contradiction lists the claims of one side and then those of the other
/// (`first_side` of them on the first): every value of one side clashes with every
/// value of the other. A side may show two wordings of one value ("at least 35" and
/// "35") or two actors of one camp ("PKK" and "YPG"); those do not clash. Results
/// stored before sides were recorded (`first_side` 0) clash only when their claims
/// show exactly two values.
pub fn disputes(contradictions: &[Contradiction]) -> Vec<Dispute<'_>> {
    let mut out: Vec<Dispute> = Vec::new();
    for c in contradictions {
        let at = match out
            .iter()
            .position(|d| d.event == c.event && d.field == c.field)
        {
            Some(i) => i,
            None => {
                out.push(Dispute {
                    event: &c.event,
                    field: c.field,
                    values: Vec::new(),
                    clashes: Vec::new(),
                    contradictions: 0,
                });
                out.len() - 1
            }
        };
        let d = &mut out[at];
        d.contradictions += 1;
        let mut seen: Vec<usize> = Vec::new();
        let mut sides: [Vec<usize>; 2] = [Vec::new(), Vec::new()];
        for (k, r) in c.claims.iter().enumerate() {
            let v = match d.values.iter().position(|v| v.value == r.value) {
                Some(v) => v,
                None => {
                    d.values.push(RivalValue {
                        value: &r.value,
                        claims: Vec::new(),
                    });
                    d.values.len() - 1
                }
            };
            let claims = &mut d.values[v].claims;
            if !claims.iter().any(|x| x.claim == r.claim) {
                claims.push(r);
            }
            if !seen.contains(&v) {
                seen.push(v);
            }
            let side = &mut sides[usize::from(k >= c.first_side)];
            if !side.contains(&v) {
                side.push(v);
            }
        }
        let pairs: Vec<(usize, usize)> = if c.first_side > 0 {
            sides[0]
                .iter()
                .flat_map(|&a| sides[1].iter().map(move |&b| (a, b)))
                .filter(|(a, b)| a != b)
                .collect()
        } else if let [a, b] = seen[..] {
            vec![(a, b)]
        } else {
            Vec::new()
        };
        for (a, b) in pairs {
            let pair = (a.min(b), a.max(b));
            if !d.clashes.contains(&pair) {
                d.clashes.push(pair);
            }
        }
    }
    out
}

/// "`12` ≠ `at least 35`; `12` ≠ `41`": the clashes of `d`, for one line of text.
pub fn clash_line(d: &Dispute) -> String {
    d.clashes
        .iter()
        .map(|&(a, b)| format!("{} ≠ {}", d.values[a].value, d.values[b].value))
        .collect::<Vec<_>>()
        .join("; ")
}

/// "Homeland Gazette, per a military source" or the outlet alone for its own voice.
pub fn who(r: &ClaimRef) -> String {
    let outlet = r.outlet.as_deref().unwrap_or("unknown outlet");
    if r.attribution.is_empty() {
        outlet.to_string()
    } else {
        format!("{outlet}, per {}", r.attribution.join(" citing "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(id: &str, value: &str) -> ClaimRef {
        ClaimRef {
            claim: id.into(),
            article: id.split('/').next().unwrap().into(),
            outlet: Some("Outlet".into()),
            value: value.into(),
            attribution: vec![],
            start: 0,
            end: 0,
        }
    }

    fn contradiction(
        event: &str,
        field: ContradictionField,
        claims: &[(&str, &str)],
    ) -> Contradiction {
        Contradiction {
            id: format!("x{}", claims.len()),
            event: event.into(),
            field,
            claims: claims.iter().map(|(i, v)| claim(i, v)).collect(),
            first_side: 0,
        }
    }

    #[test]
    fn pairwise_contradictions_of_one_field_become_one_dispute() {
        use ContradictionField::*;
        // The Maarat al-Numan market: a pro-government 12 against the monitor's
        // "at least 35", the Turkish ministry's "dozens" and the final 41.
        let cs = [
            contradiction(
                "e1",
                Killed,
                &[
                    ("a/c1", "12"),
                    ("b/c1", "at least 35"),
                    ("c/c2", "at least 35"),
                ],
            ),
            contradiction("e1", Killed, &[("a/c1", "12"), ("d/c1", "24-99")]),
            contradiction(
                "e1",
                Date,
                &[("a/c1", "2016-10-16"), ("e/c1", "2016-10-17")],
            ),
            contradiction(
                "e1",
                Killed,
                &[("a/c1", "12"), ("e/c1", "41"), ("c/c1", "41")],
            ),
            contradiction("e2", Killed, &[("f/c1", "3"), ("g/c1", "9")]),
        ];
        let ds = disputes(&cs);
        assert_eq!(ds.len(), 3);
        let killed = &ds[0];
        assert_eq!(
            (killed.event, killed.field, killed.contradictions),
            ("e1", Killed, 3)
        );
        let values: Vec<&str> = killed.values.iter().map(|v| v.value).collect();
        assert_eq!(values, ["12", "at least 35", "24-99", "41"]);
        // The claim stating 12 is in all three contradictions and listed once.
        assert_eq!(killed.values[0].claims.len(), 1);
        assert_eq!(killed.values[1].claims.len(), 2);
        assert_eq!(clash_line(killed), "12 ≠ at least 35; 12 ≠ 24-99; 12 ≠ 41");
        assert_eq!((ds[1].field, ds[2].event), (Date, "e2"));
        // Every claim of every contradiction is listed.
        let listed: usize = ds
            .iter()
            .flat_map(|d| &d.values)
            .map(|v| v.claims.len())
            .sum();
        // killed: a/c1, b/c1, c/c2, d/c1, e/c1, c/c1; date: a/c1, e/c1; e2: f/c1, g/c1.
        assert_eq!(listed, 10);
    }

    #[test]
    fn recorded_sides_clash_across_not_within() {
        // Turkish media name the "PKK/YPG", the Kurdish side names Islamic State.
        let mut c = contradiction(
            "e1",
            ContradictionField::Actor,
            &[("a/c1", "PKK"), ("a/c2", "YPG"), ("b/c1", "Islamic State")],
        );
        c.first_side = 2;
        let ds = disputes(std::slice::from_ref(&c));
        assert_eq!(
            clash_line(&ds[0]),
            "PKK ≠ Islamic State; YPG ≠ Islamic State"
        );
    }

    #[test]
    fn two_wordings_on_one_side_list_their_claims_without_guessing_a_clash() {
        let cs = [contradiction(
            "e1",
            ContradictionField::Killed,
            &[("a/c1", "35"), ("b/c1", "at least 35"), ("c/c1", "12")],
        )];
        let ds = disputes(&cs);
        assert_eq!(ds[0].values.len(), 3);
        assert!(ds[0].clashes.is_empty());
        assert_eq!(clash_line(&ds[0]), "");
    }
}
