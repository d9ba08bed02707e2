//! The trained models the pipeline uses, compiled into the binary from `models/`.
//!
//! Each model file is reproduced by a `crosscheck train ...` command (see
//! EVALUATION.md); `Models::shipped()` parses the copies embedded at build time.

use crosscheck_extract::actor_gate::ActorGate;
use crosscheck_extract::checkworthy::CheckworthyModel;
use crosscheck_extract::event_filter::EventFilter;
use crosscheck_propaganda::Propaganda;
use crosscheck_signals::CredibilityModel;

/// `models/checkworthy.bin`, from `crosscheck train checkworthy`.
pub const CHECKWORTHY_BIN: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/checkworthy.bin"
));

/// `models/propaganda.bin`, from `crosscheck train propaganda`.
pub const PROPAGANDA_BIN: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/propaganda.bin"
));

/// `models/credibility.bin`, from `crosscheck train credibility`.
pub const CREDIBILITY_BIN: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/credibility.bin"
));

/// `models/event-filter.bin`, from `crosscheck train event-filter`.
pub const EVENT_FILTER_BIN: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/event-filter.bin"
));

/// `models/actor-gate.bin`, from `crosscheck train actor-gate`.
pub const ACTOR_GATE_BIN: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/actor-gate.bin"
));

/// The models one pipeline runs with. The credibility model is applied after
/// linking, by whoever links (the CLI, the server): it reads link consistency.
pub struct Models {
    pub checkworthy: CheckworthyModel,
    pub event_filter: EventFilter,
    pub actor_gate: ActorGate,
    pub propaganda: Propaganda,
    pub credibility: CredibilityModel,
}

impl Models {
    /// The models shipped with this build. They are checked by this crate's tests,
    /// so failing to parse them is a build defect, not a user error.
    pub fn shipped() -> Models {
        Models {
            checkworthy: shipped_checkworthy(),
            event_filter: shipped_event_filter(),
            actor_gate: shipped_actor_gate(),
            propaganda: shipped_propaganda(),
            credibility: shipped_credibility(),
        }
    }
}

/// `models/checkworthy.bin` as shipped, parsed.
pub(crate) fn shipped_checkworthy() -> CheckworthyModel {
    CheckworthyModel::from_bytes(CHECKWORTHY_BIN)
        .expect("models/checkworthy.bin shipped with this build is valid")
}

/// `models/event-filter.bin` as shipped, parsed.
pub fn shipped_event_filter() -> EventFilter {
    EventFilter::from_bytes(EVENT_FILTER_BIN)
        .expect("models/event-filter.bin shipped with this build is valid")
}

/// `models/actor-gate.bin` as shipped, parsed.
pub fn shipped_actor_gate() -> ActorGate {
    ActorGate::from_bytes(ACTOR_GATE_BIN)
        .expect("models/actor-gate.bin shipped with this build is valid")
}

/// `models/propaganda.bin` as shipped, parsed.
pub(crate) fn shipped_propaganda() -> Propaganda {
    // Compiled into the program: its checksum is verified by a test
    // (`the_shipped_propaganda_model_is_undamaged`), not hashed at every start.
    Propaganda::from_embedded_bytes(PROPAGANDA_BIN)
        .expect("models/propaganda.bin shipped with this build is valid")
}

/// `models/credibility.bin` as shipped, parsed.
pub(crate) fn shipped_credibility() -> CredibilityModel {
    CredibilityModel::from_bytes(CREDIBILITY_BIN)
        .expect("models/credibility.bin shipped with this build is valid")
}

#[cfg(test)]
mod tests {
    /// `shipped_propaganda` does not verify the embedded model's checksum: this
    /// test does, once, for every build the tests run on.
    #[test]
    fn the_shipped_propaganda_model_is_undamaged() {
        assert!(crosscheck_propaganda::Propaganda::from_bytes(super::PROPAGANDA_BIN).is_ok());
    }

    #[test]
    fn the_shipped_models_load() {
        let models = super::Models::shipped();
        assert!(models.checkworthy.threshold() > 0.0 && models.checkworthy.threshold() < 1.0);
        assert!(models.event_filter.threshold() >= 0.0 && models.event_filter.threshold() < 1.0);
        assert!(models.actor_gate.threshold() >= 0.0 && models.actor_gate.threshold() <= 0.5);
    }
}
