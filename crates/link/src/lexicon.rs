//! What linking needs to know about the world: which place lies in which, and which
//! actor is an arm of which. The shipped tables (`crosscheck_lexicon::Gazetteer` and
//! `Actors`) answer both; tests answer with tiny fakes.

use crosscheck_lexicon::{Actors, Gazetteer};

/// An actor as linking compares it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorInfo {
    /// The outermost actor this one is an arm of (`Syrian Arab Air Force` →
    /// `Syrian Government`): reports naming either blame the same party.
    pub top: String,
    /// The camp (`government`, `opposition`, `jihadist`, ...), when known.
    pub side: Option<String>,
    /// A name that does not tell which group ("militants", "terrorists").
    pub generic: bool,
}

/// Place containment and actor relations. Every method has a default that knows
/// nothing, so an implementation answers only what it can.
pub trait Lexicon {
    /// The ids of the places containing `id`, outermost first (`["sy", "sy/idlib",
    /// "sy/idlib/maarat-al-numan-district"]`), or `None` when `id` is unknown.
    fn place_ancestors(&self, id: &str) -> Option<Vec<String>> {
        let _ = id;
        None
    }

    /// True when `inner` is `outer` or lies inside it.
    fn contains(&self, outer: &str, inner: &str) -> bool {
        outer == inner
            || self
                .place_ancestors(inner)
                .is_some_and(|a| a.iter().any(|p| p == outer))
    }

    /// What the lexicon knows about the actor with this canonical name.
    fn actor(&self, name: &str) -> Option<ActorInfo> {
        let _ = name;
        None
    }
}

/// A lexicon that knows nothing: places compare through the names in
/// `PlaceMention::within`, actors by name.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoLexicon;

impl Lexicon for NoLexicon {}

impl Lexicon for Gazetteer {
    fn place_ancestors(&self, id: &str) -> Option<Vec<String>> {
        self.place(id)?;
        Some(self.within(id).into_iter().map(|p| p.id.clone()).collect())
    }

    fn contains(&self, outer: &str, inner: &str) -> bool {
        Gazetteer::contains(self, outer, inner)
    }
}

impl Lexicon for Actors {
    fn actor(&self, name: &str) -> Option<ActorInfo> {
        let actor = self.by_name(name)?;
        let top = self.top(&actor.id).unwrap_or(actor);
        let side = if actor.side.is_empty() {
            &top.side
        } else {
            &actor.side
        };
        Some(ActorInfo {
            top: top.name.clone(),
            side: (!side.is_empty()).then(|| side.clone()),
            generic: actor.generic,
        })
    }
}

/// The shipped gazetteer and actor table together, as the pipeline passes them.
#[derive(Clone, Copy)]
pub struct Lexicons<'a> {
    pub places: &'a Gazetteer,
    pub actors: &'a Actors,
}

impl Lexicon for Lexicons<'_> {
    fn place_ancestors(&self, id: &str) -> Option<Vec<String>> {
        self.places.place_ancestors(id)
    }

    fn contains(&self, outer: &str, inner: &str) -> bool {
        Gazetteer::contains(self.places, outer, inner)
    }

    fn actor(&self, name: &str) -> Option<ActorInfo> {
        Lexicon::actor(self.actors, name)
    }
}
