//! The gazetteer and actor alias tables of conflict news, and fast matchers over them.
//!
//! Two tables ship in the repository and are compiled into the binary:
//! `lexicons/gazetteer.tsv` (Syrian governorates, districts, cities, towns,
//! villages, neighbourhoods, camps, crossings and airbases, the main places of
//! neighbouring countries and the capitals statements come from, with a
//! containment hierarchy) and `lexicons/actors.tsv` (states and their forces,
//! armed groups, organisations, monitors, media and people). Both map every
//! spelling the news uses — `Deir ez-Zor`, `Dayr al-Zawr`, `Deir Ezzor`; `Daesh`,
//! `ISIL`, `Islamic State group` — to one entry with a stable id. See
//! `docs/lexicons.md` for the formats and where the data comes from.
//!
//! ```
//! use crosscheck_lexicon::{Actors, Gazetteer};
//!
//! let places = Gazetteer::new();
//! let actors = Actors::new();
//! let text = "Russian warplanes struck Ma\u{2019}arrat al-Nu\u{2019}man in Idlib province.";
//!
//! let found = places.find(text, 0, text.len());
//! let town = places.to_mention(&found[0], text);
//! assert_eq!(town.name, "Maarat al-Numan");
//! assert_eq!(town.within, ["Syria", "Idlib Governorate", "Maarat al-Numan District"]);
//! assert_eq!(places.get(found[1].place).unwrap().name, "Idlib Governorate");
//!
//! let who = actors.find(text, 0, text.len());
//! assert_eq!(actors.to_mention(&who[0], text).name, "Russian Armed Forces");
//! ```
//!
//! Matching runs over a folded copy of the text (lowercased, dashes and spaces
//! merged, apostrophes and diacritics dropped), keeping whole words only and the
//! longest name where names overlap; offsets are byte offsets into the text
//! given. To match both tables against one text, fold it once with
//! [`FoldedText`] and call `find_in` on each table (folded for their
//! [`StartWords`], the text keeps only the words their aliases may start with).
//!
//! What it does not do: decide which of several places is the one an event
//! happened in, resolve pronouns ("the group", "it") or descriptions ("a
//! Britain-based monitor"), or tell apart two places that share a spelling
//! (the table holds one entry per spelling; see `docs/lexicons.md`).

mod actors;
mod error;
mod fold;
mod gazetteer;
mod matcher;
mod text;
mod tsv;

pub use actors::{Actor, ActorKind, ActorMatch, Actors};
pub use error::LexiconError;
pub use gazetteer::{Gazetteer, Place, PlaceKind, PlaceMatch};
pub use text::{word_hash, word_hash_padded, word_hash_short, FoldedText, StartWords};
