//! A second speaker's figure in the same sentence: "The health ministry said 35 soldiers
//! were killed, while the Syrian Observatory put the toll at 50."
//!
//! One sentence, two claims: the ministry's 35 and the Observatory's 50. A sentence gives
//! one frame and one attribution chain, so without this the second figure and its speaker
//! are lost, and with them the disagreement the linker exists to show. Here the sentence
//! is cut at the conjunction ("while", "whereas", "but", a semicolon) and the clause after
//! it is read as a sentence of its own: its speaker, its counts, its frame. It becomes a
//! second claim of the sentence when it names its own speaker (another one than the first
//! clause's) and its own count, and the first clause, read alone, has both too: the first
//! claim then ends before the conjunction, with the first clause's frame. The second
//! clause's frame takes the event's type from the first clause when it only reports a
//! toll ("put the toll at 50" is the same strike); its place and date stay its own (each
//! claim's spans lie inside it; linking places a claim without a place where its article's
//! claims are), and it never takes the actor, which its speaker did not name.
//!
//! The same cut reads two accusations ("Kurdish officials blame rebel factions west of
//! the city; opposition activists blame government forces"): each clause names its
//! speaker, a verb of blame and the party it blames, and becomes a claim of its own,
//! so the two parties blamed for one attack are both on record.
//!
//! Only these shapes are split. "X said 9 died and 14 were wounded" has one speaker; "9
//! died, while the monitor documented 14 deaths" gives the first figure in the outlet's
//! own voice, which stays one claim (its attribution is the monitor's, as before).

use crosscheck_schema::{EventFrame, Span};

use crate::attribution::Found;
use crate::casualties::Count;
use crate::words::Words;

/// What each of the two clauses must hold to be a claim of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    /// A whole casualty count: "The ministry said 35 soldiers were killed, while the
    /// Observatory put the toll at 50".
    Tolls,
    /// An accusation naming a party: "Kurdish officials blame rebel factions; opposition
    /// activists blame government forces".
    Accusations,
}

/// A verb of blame: the accusation shape's clauses each hold one.
fn blames(w: &Words, k: usize) -> bool {
    matches!(
        w.w(k),
        "blame" | "blamed" | "blames" | "accuse" | "accused" | "accuses"
    )
}

/// The token that opens a second speaker's clause: "while", "whereas", "but" or ";",
/// when the sentence has a count and its speaker before it and a count and a speaker
/// phrase after it (or a verb of blame on each side, [`Shape::Accusations`]). `None`
/// for every other sentence, which is nearly all of them: this looks only at what the
/// sentence's attribution and counts already found.
pub(crate) fn split_point(w: &Words, found: &Found, counts: &[Count]) -> Option<(usize, Shape)> {
    if found.chain.is_empty() || found.speaker_ranges.len() < 2 {
        return None;
    }
    let tolls = counts.len() >= 2;
    let accusations = found.verbs.iter().filter(|&&(v, _)| blames(w, v)).count() >= 2;
    if !tolls && !accusations {
        return None;
    }
    // The first clause's speaker ends before the cut, and so does a count.
    let speaker_end = found.chain.iter().map(|s| s.end).max()?;
    let first_count_end = counts.iter().map(|c| c.end).min().unwrap_or(0);
    (speaker_end..w.len().saturating_sub(3)).find_map(|k| {
        let x = w.w(k);
        let opens = matches!(x, "while" | "whereas" | "but") || w.raw(k) == ";";
        if !opens || !found.speaker_ranges.iter().any(|&(a, _)| a > k) {
            return None;
        }
        if tolls
            && k >= first_count_end
            && counts.iter().any(|c| c.end <= k)
            && counts.iter().any(|c| c.first > k)
        {
            return Some((k, Shape::Tolls));
        }
        let blame_before = found.verbs.iter().any(|&(v, _)| v < k && blames(w, v));
        let blame_after = found.verbs.iter().any(|&(v, _)| v > k && blames(w, v));
        (accusations && blame_before && blame_after).then_some((k, Shape::Accusations))
    })
}

/// The first token of the clause after the cut at `k`, and the last byte of the first
/// clause (before the conjunction and the comma or dash in front of it).
pub(crate) fn clause_bounds(w: &Words, k: usize) -> (usize, usize) {
    let mut last = k;
    while last > 0 && !w.is_word(last - 1) && !w.is_number(last - 1) {
        last -= 1;
    }
    let first_end = if last == 0 {
        w.toks[k].start
    } else {
        w.toks[last - 1].end
    };
    (k + 1, first_end)
}

/// The second clause's frame completed from the first clause's: the type when the clause
/// only reports a toll. (Its place and date stay its own: a claim's spans lie inside it,
/// and linking takes a claim without a place to be where its article's claims are.)
pub(crate) fn complete(mut second: EventFrame, first: &EventFrame) -> EventFrame {
    use crosscheck_schema::EventType::{Death, Other};
    if matches!(second.event_type, Death | Other) && !matches!(first.event_type, Death | Other) {
        second.event_type = first.event_type;
    }
    second
}

/// The claim span of a clause: from its first token to the sentence's end.
pub(crate) fn clause_span(w: &Words, first_token: usize, sentence: Span) -> Span {
    Span::new(w.toks[first_token].start, sentence.end)
}
