//! Background and habitual sentences: the war in general, or what happens again and
//! again, is not an event.
//!
//! `docs/taxonomy.md`: "A sentence with no event (an opinion, background, a general
//! statement) has `event: null`". Every gold set's annotator left these out: "Syria
//! has been mired in civil war since 2011 with government forces ... fighting numerous
//! opposition factions", "Terrorists in response regularly bomb the residential areas
//! of the city with rockets", "Turkey and the coalition have carried out regular strikes
//! against IS group in the area in recent months". A trigger word in them ("fighting",
//! "bomb", "strikes") made the extractor type an incident and name its actor.
//!
//! The rule is narrow on purpose: a sentence with a casualty count or with a date of
//! a day or a week keeps its event ("regularly" shelled, but "on Monday" 12 died), and
//! the war-span markers are phrases that describe the war as a whole, not a war noun
//! anywhere in the sentence ("the latest attack of the six-year war" in a sentence
//! with a date is still that attack).

use crate::frame::DateTok;
use crate::triggers::Hit;
use crate::vocab::{class, flag, CasualtyWord, Vocab};
use crate::words::Words;
use crosscheck_dates::Precision;
use crosscheck_schema::EventType;

/// Adverbs of repetition: the sentence tells a habit, not an incident.
pub(crate) const HABITUAL: &[&str] = &[
    "regularly",
    "routinely",
    "frequently",
    "constantly",
    "repeatedly",
    "habitually",
    "often",
];

/// Modal verbs: what will, would or could happen has not happened.
const MODALS: &[&str] = &["will", "would", "could", "should", "must", "might"];

/// Nouns that name the war as a whole.
const WAR_NOUNS: &[&str] = &[
    "war",
    "conflict",
    "crisis",
    "unrest",
    "uprising",
    "revolution",
];

/// Verbs of a war that goes on ("has been raging since 2011", "mired in civil war").
const WAR_STATES: &[&str] = &[
    "raging",
    "mired",
    "embroiled",
    "locked",
    "gripped",
    "engulfed",
];

/// The sentence is background or a habit and names no incident (see the module
/// documentation). `has_count`: a casualty count was found in it; `denied`: it
/// denies an act ("has repeatedly denied using chemical weapons" is the denial's
/// event); `hits`: its event triggers. A siege or a truce is a state that lasts
/// ("under siege since 2012", "a truce ... violated nearly continuously"), so those
/// keep their event, as does a sentence with a casualty word.
pub(crate) fn is_background(
    w: &Words,
    vocab: &Vocab,
    has_count: bool,
    denied: bool,
    hits: &[Hit],
    dates: &[DateTok],
) -> bool {
    if has_count || denied || !w.has_any(class::BACKGROUND) || has_casualty_word(w, vocab) {
        return false;
    }
    if hits
        .iter()
        .any(|h| matches!(h.event_type, EventType::Siege | EventType::Ceasefire))
    {
        return false;
    }
    if dates
        .iter()
        .any(|d| matches!(d.m.precision, Precision::Day | Precision::Week))
    {
        return false;
    }
    (0..w.len()).any(|i| w.has(i, class::BACKGROUND) && marker_at(w, i))
}

/// A casualty word or phrase is in the sentence: a killed or injured word of the
/// casualty vocabulary where it matches in full ("mass executions" is none, "the
/// executions of 21" is), a word a named death starts from, or "toll". The
/// [`flag::HARM`] bit, set by each phrase's longest word, is the quick test first.
fn has_casualty_word(w: &Words, vocab: &Vocab) -> bool {
    w.flags & flag::HARM != 0
        && (0..w.len()).any(|i| {
            w.has(i, class::HARM_HEAD)
                || matches!(w.w(i), "toll" | "tolls")
                || matches!(vocab.casualty.at(w, i), Some((_, CasualtyWord::Harm(..))))
        })
}

/// The sentence is a question ("Who benefits from these fabrications?", "Did the
/// rebels just gas 27 schoolchildren?"): it asks, it reports no event
/// (`docs/taxonomy.md`: questions are not check-worthy).
pub(crate) fn is_question(w: &Words) -> bool {
    w.span
        .slice(w.text)
        .trim_end()
        .trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')'])
        .ends_with('?')
}

/// The sentence only says what would, will or could happen: "If the Peshmerga had not
/// killed the militants the attack would have caused serious casualties", "Capturing
/// the whole city would be a major prize", "Under the deal more than 30000 people will
/// be evacuated", "Kurds will fight those who attack them". Every trigger has a modal
/// just before it or, as a subject, just after it, or the sentence is a condition
/// ("If ...", "Whether ..."). A sentence with a count or a denial keeps its event.
pub(crate) fn is_irrealis(w: &Words, has_count: bool, denied: bool, hits: &[Hit]) -> bool {
    if has_count || denied || hits.is_empty() || !w.has_any(class::BACKGROUND) {
        return false;
    }
    if w.len() > 0 && matches!(w.w(0), "if" | "whether") {
        return true;
    }
    hits.iter().all(|h| {
        let before = (h.first.saturating_sub(3)..h.first).any(|k| MODALS.contains(&w.w(k)));
        let after = (h.end..(h.end + 4).min(w.len()))
            .any(|k| MODALS.contains(&w.w(k)) && matches!(w.w(k + 1), "be" | "not" | "have"));
        before || after
    })
}

fn marker_at(w: &Words, i: usize) -> bool {
    let word = w.w(i);
    if HABITUAL.contains(&word) {
        return true;
    }
    let next = |k: usize| if i + k < w.len() { w.w(i + k) } else { "" };
    let prev = |k: usize| if i >= k { w.w(i - k) } else { "" };
    match word {
        // "regular strikes", "regular shelling".
        "regular" => matches!(
            next(1),
            "strikes" | "airstrikes" | "attacks" | "raids" | "shelling" | "bombardment" | "bombing"
        ),
        // "has been raging since 2011", "mired in civil war".
        w_ if WAR_STATES.contains(&w_) => {
            matches!(
                prev(1),
                "been" | "is" | "are" | "was" | "remains" | "has" | "have"
            ) || (1..=3).any(|k| WAR_NOUNS.contains(&next(k)))
        }
        // "in a state of civil war".
        "state" => {
            prev(1) == "a" && next(1) == "of" && (2..=3).any(|k| WAR_NOUNS.contains(&next(k)))
        }
        // "since 2011", "since mid-March 2011", "since the start of the war".
        // Not "the first explosion to hit the town since the outbreak of the war".
        "since" if (i.saturating_sub(12)..i).any(|k| w.w(k) == "first") => false,
        "since" => {
            let year = (1..=3).any(|k| {
                let t = next(k);
                t.len() == 4
                    && t.starts_with("201")
                    && t.bytes().all(|b| b.is_ascii_digit())
                    && t <= "2012"
            });
            let start = matches!(next(1), "the")
                && matches!(next(2), "start" | "beginning" | "outbreak" | "onset")
                && (3..=6).any(|k| WAR_NOUNS.contains(&next(k)));
            year || start
        }
        // "the ongoing conflict", "the six-year war", "five-year-old conflict":
        // only as the object of "during"/"in"/"of" ("during the ongoing conflict").
        _ if WAR_NOUNS.contains(&word) => {
            let span_word =
                |t: &str| t == "ongoing" || t.ends_with("-year") || t.ends_with("-year-old");
            span_word(prev(1))
                && matches!(prev(2), "the" | "its" | "countrys" | "syrias")
                && matches!(prev(3), "during" | "throughout" | "of" | "in")
        }
        _ => false,
    }
}

/// The words [`is_background`] starts from (the `BACKGROUND` class).
pub(crate) fn background_words() -> impl Iterator<Item = &'static str> {
    HABITUAL
        .iter()
        .chain(WAR_NOUNS)
        .chain(WAR_STATES)
        .chain(MODALS)
        .chain(&["regular", "state", "since", "if", "whether"])
        .copied()
}
