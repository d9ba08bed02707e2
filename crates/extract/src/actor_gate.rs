//! Whether the actor the rules gave a frame is the one who did it: a learned second
//! opinion on the actor rules (`parties`), as the [`event filter`](crate::event_filter)
//! is on the trigger rules.
//!
//! The actor rules pick a party from its position (before an attack verb, after "by",
//! an adjective on the attack noun, a pronoun resolved to the article's group). On
//! text nobody tuned them to they are wrong or spurious in about a third of the frames
//! that carry an actor: a party that is only mentioned ("prompted an exodus of
//! civilians" after "Russian airstrikes"), the target taken for the agent, the
//! article's group carried onto an unrelated strike. A wrong actor costs more than a
//! missing one: the linker reads it as a contradiction between outlets.
//!
//! The gate is a logistic regression over a short view of the sentence around the
//! actor (three words on each side of it, the words between it and the trigger when
//! they are few, its canonical name and head word, all hashed as word unigrams and
//! bigrams) and dense cues ([`DENSE_FEATURES`]: the actor's kind, the event type, where
//! the actor stands against the trigger and how far, the frame's other fields, the
//! attribution). Trained on the hand-annotated gold sets (`crosscheck train
//! actor-gate`): every gold sentence whose frame, after the event filter, has an
//! actor is an example, labelled by whether the scorer counts that actor right. An
//! actor whose calibrated probability is below the threshold is removed from the
//! frame; the frame and its other fields stay.
//!
//! Training is the event filter's (`event_filter::train_file`): leave-one-gold-set-out margins, a
//! Platt calibrator, the threshold (at most 0.5) with the best mean actor F1 around it
//! (`event_filter::best_threshold`) on those
//! held-out predictions (removing an actor loses it when right, removes a false
//! positive when wrong).
//!
//! What it does not do: find an actor the rules missed, or choose another candidate.

use crosscheck_learn::ModelFile;
use crosscheck_schema::{AttributionSource, EntityKind, EventFrame, Span};

use crate::event_filter::{self, Described, EventExample, TrainConfig};

/// The `kind` of actor-gate model files.
pub const MODEL_KIND: &str = "actor-gate";

/// The actor kinds' cue names, in the order of [`KINDS`].
const KIND_NAMES: [&str; 7] = [
    "kind=state",
    "kind=state_force",
    "kind=armed_group",
    "kind=organisation",
    "kind=person",
    "kind=civilians",
    "kind=other",
];

/// The cues after the kinds and the event types (the event filter's `type=` names).
const CUE_NAMES: [&str; 17] = [
    "actor_before_trigger",
    "actor_in_trigger",
    "actor_after_trigger",
    "actor_outside_sentence",
    "gap<=2",
    "gap<=8",
    "gap>8",
    "lowercase",
    "one_word",
    "speaker_is_actor",
    "target",
    "place",
    "date",
    "killed",
    "attributed",
    "hedged",
    "quoted",
];

const N_TYPES: usize = event_filter::TYPES.len();
const N_DENSE: usize = KIND_NAMES.len() + N_TYPES + CUE_NAMES.len();

/// Names of the dense cues, in index order: the kinds, the event filter's event types,
/// then [`CUE_NAMES`] (stored in the model file, checked on load).
pub const DENSE_FEATURES: [&str; N_DENSE] = {
    let mut names = [""; N_DENSE];
    let mut i = 0;
    while i < N_DENSE {
        names[i] = if i < KIND_NAMES.len() {
            KIND_NAMES[i]
        } else if i < KIND_NAMES.len() + N_TYPES {
            event_filter::DENSE_FEATURES[i - KIND_NAMES.len()]
        } else {
            CUE_NAMES[i - KIND_NAMES.len() - N_TYPES]
        };
        i += 1;
    }
    names
};

// Indices of the cues after the kinds and types (a test checks them against the names).
const BEFORE: usize = KIND_NAMES.len() + N_TYPES;
const IN: usize = BEFORE + 1;
const AFTER: usize = BEFORE + 2;
const OUTSIDE: usize = BEFORE + 3;
const GAP_2: usize = BEFORE + 4;
const GAP_8: usize = BEFORE + 5;
const GAP_FAR: usize = BEFORE + 6;
const LOWERCASE: usize = BEFORE + 7;
const ONE_WORD: usize = BEFORE + 8;
const SPEAKER: usize = BEFORE + 9;
const TARGET: usize = BEFORE + 10;
const PLACE: usize = BEFORE + 11;
const DATE: usize = BEFORE + 12;
const KILLED: usize = BEFORE + 13;
const ATTRIBUTED: usize = BEFORE + 14;
const HEDGED: usize = BEFORE + 15;
const QUOTED: usize = BEFORE + 16;

const KINDS: [EntityKind; 7] = [
    EntityKind::State,
    EntityKind::StateForce,
    EntityKind::ArmedGroup,
    EntityKind::Organisation,
    EntityKind::Person,
    EntityKind::Civilians,
    EntityKind::Other,
];

/// The words of `text[span]`: runs of letters and digits, with their byte spans.
/// ASCII bytes are tested as bytes; other characters are decoded (the same words as
/// `char_indices` with `char::is_alphanumeric`).
fn words(text: &str, span: Span, out: &mut Vec<(usize, usize)>) {
    out.clear();
    let Some(s) = text.get(span.start..span.end) else {
        return;
    };
    let bytes = s.as_bytes();
    let mut open: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (alnum, len) = if b < 0x80 {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            // `i` is a char boundary: it only advances by whole characters.
            let c = s[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric(), c.len_utf8())
        };
        if alnum {
            open.get_or_insert(span.start + i);
        } else if let Some(a) = open.take() {
            out.push((a, span.start + i));
        }
        i += len;
    }
    if let Some(a) = open {
        out.push((a, span.end));
    }
}

/// `prefix` and the letters and digits of `s`, as one hashed word (the hasher
/// lower-cases it).
fn push_squeezed(view: &mut String, prefix: &str, s: &str) {
    if !view.is_empty() {
        view.push(' ');
    }
    view.push_str(prefix);
    view.extend(s.chars().filter(|c| c.is_alphanumeric()));
}

/// What the gate reads of a frame whose actor is set: the hashed text view (words as
/// written: the hasher lower-cases them) and the dense cues. `sentence` is the claim's span in `text`; `chain`, `hedged` and
/// `quoted` its attribution. `None` when the frame has no actor.
pub fn features(
    text: &str,
    sentence: Span,
    frame: &EventFrame,
    chain: &[AttributionSource],
    hedged: bool,
    quoted: bool,
) -> Option<(String, Vec<f32>)> {
    let actor = frame.actor.as_ref()?;
    let mut x = vec![0f32; N_DENSE];
    let mut set = |i: usize| x[i] = 1.0;
    if let Some(i) = KINDS.iter().position(|&k| k == actor.kind) {
        set(i);
    }
    if let Some(i) = event_filter::TYPES
        .iter()
        .position(|&t| t == frame.event_type)
    {
        set(KINDS.len() + i);
    }
    // About one word per five bytes: room for the sentence's words at once.
    let mut ws = Vec::with_capacity(sentence.len() / 5 + 4);
    words(text, sentence, &mut ws);
    let inside = actor.start >= sentence.start && actor.end <= sentence.end;
    let trig = frame.trigger;
    let mut view = String::with_capacity(128);
    let push = |view: &mut String, w: &str| {
        if !view.is_empty() {
            view.push(' ');
        }
        view.push_str(w);
    };
    if inside {
        // Word indices: the actor's first and last word, the trigger's first and last.
        let first = ws.iter().position(|&(_, e)| e > actor.start);
        let last = ws.iter().rposition(|&(a, _)| a < actor.end);
        let t_first = ws.iter().position(|&(_, e)| e > trig.start);
        let t_last = ws.iter().rposition(|&(a, _)| a < trig.end);
        if actor.end <= trig.start {
            set(BEFORE);
        } else if actor.start >= trig.end {
            set(AFTER);
        } else {
            set(IN);
        }
        let w = |i: usize| &text[ws[i].0..ws[i].1];
        if let (Some(first), Some(last)) = (first, last) {
            for i in first.saturating_sub(3)..first {
                push(&mut view, w(i));
            }
            push(&mut view, "xactor");
            for i in (last + 1)..(last + 4).min(ws.len()) {
                push(&mut view, w(i));
            }
            let gap = match (t_first, t_last) {
                (Some(tf), _) if last < tf => Some((last + 1, tf)),
                (_, Some(tl)) if tl < first => Some((tl + 1, first)),
                _ => None,
            };
            match gap.map(|(a, b)| b - a) {
                Some(n) if n <= 2 => set(GAP_2),
                Some(n) if n <= 8 => set(GAP_8),
                Some(_) => set(GAP_FAR),
                None => {}
            }
            if let Some((a, b)) = gap.filter(|(a, b)| b - a <= 4) {
                push(&mut view, "xgap");
                for i in a..b {
                    push(&mut view, w(i));
                }
                push(&mut view, "xgapend");
            }
        }
    } else {
        set(OUTSIDE);
    }
    if actor.text.chars().next().is_some_and(char::is_lowercase) {
        set(LOWERCASE);
    }
    if !actor.text.contains(' ') {
        set(ONE_WORD);
    }
    if chain.iter().any(|c| {
        c.name.eq_ignore_ascii_case(&actor.name) || c.name.eq_ignore_ascii_case(&actor.text)
    }) {
        set(SPEAKER);
    }
    for (i, on) in [
        (TARGET, frame.target.is_some()),
        (PLACE, frame.place.is_some()),
        (DATE, frame.date.is_some()),
        (KILLED, frame.killed.is_some()),
        (ATTRIBUTED, !chain.is_empty()),
        (HEDGED, hedged),
        (QUOTED, quoted),
    ] {
        if on {
            set(i);
        }
    }
    push_squeezed(&mut view, "xname", &actor.name);
    if let Some(head) = actor.text.split_whitespace().last() {
        push_squeezed(&mut view, "xhead", head);
    }
    Some((view, x))
}

pub use crate::model_load::ModelError;

/// A trained actor gate. Immutable: share one between threads.
#[derive(Clone, Debug)]
pub struct ActorGate {
    file: ModelFile,
}

impl ActorGate {
    /// Loads a gate written by [`ActorGate::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<ActorGate, ModelError> {
        let file =
            crate::model_load::load_one_head(bytes, MODEL_KIND, &DENSE_FEATURES, "actor gate")?;
        Ok(ActorGate { file })
    }

    /// The model file bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let encoding = match self.file.meta("encoding") {
            Some("f32") => crosscheck_learn::WeightEncoding::F32,
            _ => crosscheck_learn::WeightEncoding::Q8,
        };
        self.file.to_bytes(encoding)
    }

    /// The calibrated probability that the actor of a frame is right, from
    /// [`features`].
    pub fn probability(&self, view: &str, dense: &[f32]) -> f32 {
        let head = &self.file.heads[0];
        let margin = self.file.hasher.dot(view, dense, &head.model.weights) + head.model.bias;
        head.calibrator.apply(margin)
    }

    /// The calibrated probability of a margin (as [`out_of_fold_margins`] gives).
    pub fn calibrated(&self, margin: f32) -> f32 {
        self.file.heads[0].calibrator.apply(margin)
    }

    /// Actors below this probability are removed.
    pub fn threshold(&self) -> f32 {
        self.file.heads[0].threshold
    }

    /// Provenance recorded at training time.
    pub fn metadata(&self) -> &[(String, String)] {
        &self.file.metadata
    }
}

/// Out-of-fold margins of gate examples: each gold set scored by a model trained on
/// the others.
pub fn out_of_fold_margins(examples: &[EventExample], config: &TrainConfig) -> Vec<Option<f32>> {
    event_filter::out_of_fold_margins_with(&DENSE_FEATURES, examples, config)
}

/// Trains a gate on `examples` (each with `fields_right` 1 when its actor is right,
/// `fields_wrong` 1 when not); `gold_actors` is the number of gold actors over all
/// gold sentences. Deterministic.
pub fn train(examples: &[EventExample], gold_actors: usize, config: &TrainConfig) -> ActorGate {
    let what = Described {
        examples: "gold sentences whose frame has an actor",
        positives: "with the right actor",
        gold: "gold actors",
        score: "actor F1",
    };
    ActorGate {
        file: event_filter::train_file(
            MODEL_KIND,
            &DENSE_FEATURES,
            &what,
            examples,
            gold_actors,
            config,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_schema::{EntityMention, EventType};

    fn frame(text: &str, actor: &str, trigger: &str) -> EventFrame {
        let a = text.find(actor).unwrap();
        let t = text.find(trigger).unwrap();
        EventFrame {
            event_type: EventType::Airstrike,
            trigger: Span::new(t, t + trigger.len()),
            actor: Some(EntityMention {
                name: "Russian Armed Forces".into(),
                kind: EntityKind::StateForce,
                text: actor.into(),
                start: a,
                end: a + actor.len(),
            }),
            target: None,
            place: None,
            date: None,
            killed: None,
            injured: None,
            denied: false,
        }
    }

    #[test]
    fn the_view_holds_the_words_around_the_actor_and_the_gap() {
        let text = "On Monday Russian warplanes carried out strikes on Idlib, activists said.";
        let f = frame(text, "Russian warplanes", "strikes");
        let (view, dense) =
            features(text, Span::new(0, text.len()), &f, &[], false, false).unwrap();
        assert_eq!(
            view,
            "On Monday xactor carried out strikes xgap carried out xgapend xnameRussianArmedForces xheadwarplanes"
        );
        let on = |n: &str| dense[DENSE_FEATURES.iter().position(|&d| d == n).unwrap()] == 1.0;
        assert!(on("kind=state_force") && on("type=airstrike") && on("actor_before_trigger"));
        assert!(on("gap<=2") && !on("one_word") && !on("attributed"));
    }

    #[test]
    fn an_actor_outside_the_sentence_is_a_cue() {
        let text = "Russian warplanes struck. Then strikes hit Idlib.";
        let f = frame(text, "Russian warplanes", "strikes");
        let (view, dense) =
            features(text, Span::new(26, text.len()), &f, &[], false, false).unwrap();
        assert!(
            dense[DENSE_FEATURES
                .iter()
                .position(|&d| d == "actor_outside_sentence")
                .unwrap()]
                == 1.0
        );
        assert!(!view.contains("xactor"));
    }

    #[test]
    fn the_cue_indices_match_their_names() {
        for (i, name) in [
            (BEFORE, "actor_before_trigger"),
            (IN, "actor_in_trigger"),
            (AFTER, "actor_after_trigger"),
            (OUTSIDE, "actor_outside_sentence"),
            (GAP_2, "gap<=2"),
            (GAP_8, "gap<=8"),
            (GAP_FAR, "gap>8"),
            (LOWERCASE, "lowercase"),
            (ONE_WORD, "one_word"),
            (SPEAKER, "speaker_is_actor"),
            (TARGET, "target"),
            (PLACE, "place"),
            (DATE, "date"),
            (KILLED, "killed"),
            (ATTRIBUTED, "attributed"),
            (HEDGED, "hedged"),
            (QUOTED, "quoted"),
        ] {
            assert_eq!(DENSE_FEATURES[i], name);
        }
        assert_eq!(QUOTED + 1, N_DENSE);
    }

    #[test]
    fn the_dense_names_cover_the_kinds_and_types() {
        for (i, t) in event_filter::TYPES.iter().enumerate() {
            assert_eq!(
                DENSE_FEATURES[KINDS.len() + i],
                format!("type={}", t.as_str())
            );
        }
    }
}
