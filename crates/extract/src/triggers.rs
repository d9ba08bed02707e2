//! Event triggers: the words of a sentence that name an event, typed by
//! `lexicons/event_triggers.tsv`, and the choice of one type per sentence.

use crosscheck_schema::EventType;

use crate::vocab::{flag, Vocab};
use crate::words::Words;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    pub first: usize,
    pub end: usize,
    pub event_type: EventType,
    pub weight: u8,
    /// "the attack", "this strike": refers back to an incident typed earlier.
    pub anaphor: bool,
    /// An air-strike word that does not say the weapon came from the air: "strike",
    /// "struck", "bombs".
    pub vague: bool,
    /// A result of an operation that does not say what kind of attack it was:
    /// "destroyed", "eliminated", "inflicted heavy losses" ([`act_of_war`]).
    pub act: bool,
}

/// The first words of the triggers that name a result of an operation rather than
/// the attack itself: "An army unit destroyed an ammunition depot", "army units
/// inflicted heavy losses upon terrorists", "More hideouts were destroyed". The frame
/// takes its type from who acted (an air force: an air strike), or, without an actor,
/// from the incident the article typed last (`frame::build`).
pub(crate) fn act_of_war(first_word: &str) -> bool {
    matches!(
        first_word,
        "destroyed"
            | "destroying"
            | "eliminated"
            | "eliminating"
            | "inflicted"
            | "inflicting"
            | "heavy"
    )
}

/// "a destroyed building", "the remains of damaged and destroyed homes": the participle
/// describes a thing, it does not report the act.
fn adjectival(w: &Words, i: usize) -> bool {
    i > 0
        && matches!(w.w(i), "destroyed")
        && matches!(
            w.w(i - 1),
            "a" | "an" | "the" | "of" | "from" | "and" | "or" | "partially" | "totally" | "in"
        )
}

/// Nouns that, after "the"/"this", point back at an incident rather than name a new one.
fn anaphoric_noun(w: &str) -> bool {
    matches!(
        w,
        "attack" | "attacks" | "strike" | "strikes" | "incident" | "massacre" | "assault"
    )
}

/// Every trigger of the sentence, left to right, the longest phrase winning at a token.
pub(crate) fn find(w: &Words, vocab: &Vocab) -> Vec<Hit> {
    let mut out = Vec::new();
    find_into(w, vocab, &mut out);
    out
}

/// [`find`] into `out` (emptied first), whose allocation an earlier sentence made.
pub(crate) fn find_into(w: &Words, vocab: &Vocab, out: &mut Vec<Hit>) {
    out.clear();
    // A trigger is found by its first word: a sentence without one has none.
    if w.flags & flag::TRIGGER == 0 {
        return;
    }
    let mut i = 0;
    while i < w.len() {
        if let Some((len, t)) = vocab.triggers.at(w, i).filter(|_| !adjectival(w, i)) {
            let prev = i.checked_sub(1).map(|p| w.w(p)).unwrap_or("");
            let prev2 = i.checked_sub(2).map(|p| w.w(p)).unwrap_or("");
            let anaphor = len == 1
                && anaphoric_noun(w.w(i))
                && (matches!(prev, "the" | "this" | "that" | "latest")
                    || (matches!(prev2, "the" | "this" | "that") && w.is_word(i - 1)));
            out.push(Hit {
                first: i,
                end: i + len,
                event_type: t.event_type,
                weight: t.weight,
                anaphor,
                vague: len == 1 && matches!(w.w(i), "strike" | "strikes" | "struck" | "bombs"),
                act: t.weight <= 30 && act_of_war(w.w(i)),
            });
            i += len;
        } else {
            i += 1;
        }
    }
    // A result word types only a sentence that names no attack: "The strikes killed
    // militants while destroying two command posts" is the strikes'.
    if out.iter().any(|h| !h.act) {
        out.retain(|h| !h.act);
    }
    // "a town recently captured by Kurdish forces", "the village of Zaara captured by
    // opposition groups earlier this year": a participle that describes a place
    // types the sentence only when nothing else does.
    if out.len() > 1 && out.iter().any(|h| !describing_participle(w, h)) {
        out.retain(|h| !describing_participle(w, h));
    }
}

/// A one-word past participle after a noun (not after "was", "were", "had" ...) with
/// its agent after "by": it describes what the noun went through.
fn describing_participle(w: &Words, h: &Hit) -> bool {
    if h.end != h.first + 1 || h.first == 0 || w.w(h.end) != "by" {
        return false;
    }
    let x = w.w(h.first);
    let mut prev = h.first - 1;
    if matches!(w.w(prev), "recently" | "previously" | "earlier" | "once") && prev > 0 {
        prev -= 1;
    }
    x.ends_with("ed")
        && w.is_word(prev)
        && !matches!(
            w.w(prev),
            "was"
                | "were"
                | "been"
                | "be"
                | "being"
                | "is"
                | "are"
                | "had"
                | "has"
                | "have"
                | "and"
                | "or"
                | "also"
                | "reportedly"
                | "allegedly"
                | "not"
        )
}

/// Weight from which a trigger names a violent act: a sentence with a casualty count is
/// typed by one of these (or is a death), not by the talks or refugees it also mentions.
const VIOLENT: u8 = 35;

/// The trigger that types the sentence: the one the casualty count's own clause names
/// as its cause ("were killed in Monday's fighting"), else the heaviest, and among
/// equals the one nearest the casualty count (the count-bearing clause wins), else the
/// first. A generic explosion word next to aircraft is an air strike ("a bomb dropped
/// by a helicopter").
pub(crate) fn choose(hits: &[Hit], count_at: Option<usize>, cause: Option<usize>) -> Option<Hit> {
    let distance = |h: &Hit| match count_at {
        Some(c) => h.first.abs_diff(c),
        None => h.first,
    };
    let violent = |h: &Hit| h.weight >= VIOLENT || h.event_type == EventType::Death;
    let stated = cause.and_then(|at| hits.iter().copied().find(|h| h.first == at && violent(h)));
    let best = stated.or_else(|| {
        hits.iter()
            .copied()
            .filter(|h| count_at.is_none() || violent(h))
            .max_by(|a, b| {
                a.weight
                    .cmp(&b.weight)
                    .then_with(|| distance(b).cmp(&distance(a)))
            })
    })?;
    // Aircraft proper: not "strike", "struck" or "bombs", which say nothing of where the
    // bomb came from ("The bomb struck Al-Diyabiyah").
    let aircraft = hits
        .iter()
        .any(|h| h.event_type == EventType::Airstrike && !h.vague);
    if best.event_type == EventType::Bombing && best.weight <= 70 && aircraft {
        return Some(Hit {
            event_type: EventType::Airstrike,
            ..best
        });
    }
    Some(best)
}

/// The token where the cause a casualty word names begins: "killed in Monday's
/// *fighting*", "died in an air *strike*", "wounded by *shelling*".
pub(crate) fn stated_cause(
    w: &Words,
    vocab: &Vocab,
    hits: &[Hit],
    around: (usize, usize),
) -> Option<usize> {
    let (first, end) = around;
    let harm = (first.saturating_sub(2)..(end + 5).min(w.len())).find(|&k| {
        matches!(
            vocab.casualty.word_id(w.id(k)),
            Some(crate::vocab::CasualtyWord::Harm(..))
        )
    })?;
    if !matches!(w.w(harm + 1), "in" | "by" | "during") {
        return None;
    }
    hits.iter()
        .find(|h| h.first >= harm + 2 && h.first <= harm + 5)
        // "beheaded in retaliation for U.S. airstrikes": a motive, not the cause.
        .filter(|h| {
            (harm + 2..h.first).all(|k| {
                (w.is_word(k) || w.is_number(k))
                    && !matches!(
                        w.w(k),
                        "retaliation" | "response" | "revenge" | "reprisal" | "protest"
                    )
            })
        })
        .map(|h| h.first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_schema::Span;

    fn typed(s: &str) -> Option<EventType> {
        let vocab = Vocab::new();
        let w = Words::new(s, Span::new(0, s.len()), &vocab);
        choose(&find(&w, &vocab), None, None).map(|h| h.event_type)
    }

    #[test]
    fn the_most_specific_trigger_types_the_sentence() {
        assert_eq!(
            typed("Air strikes hit a crowded vegetable market"),
            Some(EventType::Airstrike)
        );
        assert_eq!(
            typed("A suicide attack followed by a ground offensive"),
            Some(EventType::Bombing)
        );
        assert_eq!(
            typed("a helicopter dropped a barrel bomb containing toxic gasses"),
            Some(EventType::ChemicalAttack)
        );
        assert_eq!(
            typed("Regime forces also shelled the towns"),
            Some(EventType::Shelling)
        );
        assert_eq!(
            typed("Nusra Front members kidnapped a priest"),
            Some(EventType::Arrest)
        );
        assert_eq!(typed("Syria has been gripped by deadly violence"), None);
    }
}
