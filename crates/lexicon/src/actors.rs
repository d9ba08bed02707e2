//! The actor alias table: states, forces, armed groups, organisations, media,
//! monitors and people, with every way the news names them.

use std::collections::HashMap;

use crosscheck_schema::{EntityKind, EntityMention, SourceKind};

use crate::matcher::{AliasSpec, Matcher};
use crate::{tsv, FoldedText, LexiconError, StartWords};

const HEADER: [&str; 7] = [
    "id", "name", "kind", "side", "generic", "related", "aliases",
];

/// The shipped table, compiled into the binary.
const EMBEDDED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../lexicons/actors.tsv"
));

/// What sort of actor an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActorKind {
    /// A state or its government as a whole: Russia, the Syrian government.
    State,
    /// An army, air force, ministry or security service of a state.
    StateForce,
    /// A non-state armed group, or a generic name for fighters ("rebels").
    ArmedGroup,
    /// An international, humanitarian or political organisation.
    Organisation,
    Person,
    /// Civilians as a party ("residents", "activists").
    Civilians,
    /// A news outlet or agency.
    Media,
    /// A monitoring or documentation group (SOHR, SNHR, VDC).
    Monitor,
}

impl ActorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::State => "state",
            ActorKind::StateForce => "state_force",
            ActorKind::ArmedGroup => "armed_group",
            ActorKind::Organisation => "organisation",
            ActorKind::Person => "person",
            ActorKind::Civilians => "civilians",
            ActorKind::Media => "media",
            ActorKind::Monitor => "monitor",
        }
    }

    pub fn parse(s: &str) -> Option<ActorKind> {
        const ALL: [ActorKind; 8] = [
            ActorKind::State,
            ActorKind::StateForce,
            ActorKind::ArmedGroup,
            ActorKind::Organisation,
            ActorKind::Person,
            ActorKind::Civilians,
            ActorKind::Media,
            ActorKind::Monitor,
        ];
        ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The schema's entity kind: media and monitors are organisations.
    pub fn entity_kind(self) -> EntityKind {
        match self {
            ActorKind::State => EntityKind::State,
            ActorKind::StateForce => EntityKind::StateForce,
            ActorKind::ArmedGroup => EntityKind::ArmedGroup,
            ActorKind::Organisation | ActorKind::Media | ActorKind::Monitor => {
                EntityKind::Organisation
            }
            ActorKind::Person => EntityKind::Person,
            ActorKind::Civilians => EntityKind::Civilians,
        }
    }

    /// The kind of attribution source this actor is when it speaks.
    pub fn source_kind(self) -> SourceKind {
        match self {
            ActorKind::State | ActorKind::StateForce => SourceKind::Official,
            ActorKind::ArmedGroup => SourceKind::ArmedGroup,
            ActorKind::Organisation | ActorKind::Monitor => SourceKind::Monitor,
            ActorKind::Person => SourceKind::Person,
            ActorKind::Civilians => SourceKind::Anonymous,
            ActorKind::Media => SourceKind::Media,
        }
    }
}

/// One actor entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Actor {
    /// Stable identifier: `ru/armed-forces`, `jihadist/islamic-state`.
    pub id: String,
    /// Canonical name: `Russian Armed Forces`, `Islamic State`.
    pub name: String,
    pub kind: ActorKind,
    /// The camp it belongs to: `government`, `opposition`, `jihadist`, `kurdish`,
    /// `coalition`, `russia`, `turkey`, `iran`, `israel`, `international`,
    /// `media-state`, `media-independent`, ...; empty when it depends on who speaks.
    pub side: String,
    /// A generic name for fighters whose group the words do not tell ("rebels",
    /// "militants", "terrorists", "gunmen").
    pub generic: bool,
    /// The actor it is an arm or organ of (`Syrian Arab Army` → `Syrian Government`).
    pub part_of: Option<String>,
    /// The actor it renamed or succeeded (`Hayat Tahrir al-Sham` → `Jabhat al-Nusra`).
    pub successor_of: Option<String>,
}

/// An actor named in a text: byte offsets into the text given to
/// [`Actors::find`] and the index of the actor ([`Actors::get`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActorMatch {
    pub start: usize,
    pub end: usize,
    pub actor: usize,
}

/// The actor table with its matcher.
pub struct Actors {
    actors: Vec<Actor>,
    by_id: HashMap<String, usize>,
    matcher: Matcher,
    aliases: usize,
    /// Media entries by their squashed names and aliases ([`outlet_key`]): how an
    /// outlet field such as `alaraby` or `manar` finds "The New Arab" or "Al-Manar".
    outlets: HashMap<String, usize>,
}

/// An outlet name or domain reduced to lower-case letters and digits, without a
/// leading `www.`, the domain's suffix, or a leading "the" or "al": `Al-Manar`,
/// `manar` and `www.almanar.com.lb` all give `manar`.
fn outlet_key(name: &str) -> String {
    let name = name.trim();
    let name = name.strip_prefix("www.").unwrap_or(name);
    // A domain ("sana.sy", "aljazeera.com"): the part before the first dot.
    let name = match name.split_once('.') {
        Some((host, rest)) if !name.contains(' ') && !rest.is_empty() => host,
        _ => name,
    };
    let key: String = name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    for prefix in ["the", "al"] {
        if let Some(rest) = key.strip_prefix(prefix) {
            if rest.len() >= 3 {
                return rest.to_string();
            }
        }
    }
    key
}

/// Demonyms and the country a possessive names instead: "Syrian jets" are also
/// written "Syria's jets" (and, in text that lost its apostrophes, "Syrias jets").
const DEMONYMS: [(&str, &str); 16] = [
    ("syrian", "Syria"),
    ("russian", "Russia"),
    ("turkish", "Turkey"),
    ("iranian", "Iran"),
    ("israeli", "Israel"),
    ("iraqi", "Iraq"),
    ("american", "America"),
    ("jordanian", "Jordan"),
    ("lebanese", "Lebanon"),
    ("saudi", "Saudi Arabia"),
    ("british", "Britain"),
    ("french", "France"),
    ("qatari", "Qatar"),
    ("egyptian", "Egypt"),
    ("chinese", "China"),
    ("german", "Germany"),
];

/// `Syria's X` and `Syrias X` for an alias `Syrian X` (any case); nothing for other aliases.
fn country_possessives(alias: &str) -> Vec<String> {
    let alias = alias.trim();
    let Some((first, rest)) = alias.split_once(' ') else {
        return Vec::new();
    };
    let Some(&(_, country)) = DEMONYMS.iter().find(|(d, _)| d.eq_ignore_ascii_case(first)) else {
        return Vec::new();
    };
    // "Saudi Arabia" is the country's own name, not "Saudi" and a noun.
    if alias.eq_ignore_ascii_case(country) {
        return Vec::new();
    }
    vec![format!("{country}'s {rest}"), format!("{country}s {rest}")]
}

/// Words that own the rest of an alias: "regime helicopters" is also written "the
/// regime's helicopters" (and, without apostrophes, "regimes helicopters"), "Syrian
/// army aircraft" "the Syrian army's aircraft".
const POSSESSORS: [&str; 4] = ["regime", "army", "government", "assad"];

/// `regime's X` and `regimes X` for an alias `regime X` (the owner word anywhere
/// before the last word); nothing for other aliases.
fn owner_possessives(alias: &str) -> Vec<String> {
    let words: Vec<&str> = alias.split_whitespace().collect();
    let Some(k) = words[..words.len().saturating_sub(1)]
        .iter()
        .position(|w| POSSESSORS.iter().any(|p| p.eq_ignore_ascii_case(w)))
    else {
        return Vec::new();
    };
    ["'s", "s"]
        .iter()
        .map(|suffix| {
            let mut v: Vec<String> = words.iter().map(|w| w.to_string()).collect();
            v[k].push_str(suffix);
            v.join(" ")
        })
        .collect()
}

impl Default for Actors {
    fn default() -> Actors {
        Actors::new()
    }
}

impl Actors {
    /// The actor table shipped with crosscheck (`lexicons/actors.tsv`).
    pub fn new() -> Actors {
        match Actors::from_tsv(EMBEDDED) {
            Ok(a) => a,
            // The embedded table is checked by this crate's tests.
            Err(e) => panic!("the embedded actor table is invalid: {e}"),
        }
    }

    /// Reads a table in the `lexicons/actors.tsv` format.
    pub fn from_tsv(text: &str) -> Result<Actors, LexiconError> {
        let rows = tsv::rows(text, &HEADER)?;
        let mut actors = Vec::with_capacity(rows.len());
        let mut by_id = HashMap::with_capacity(rows.len());
        let mut outlets = HashMap::new();
        let mut specs = Vec::new();
        for row in &rows {
            let f = &row.fields;
            let id = f[0];
            if id.is_empty() || id.contains(char::is_whitespace) {
                return Err(LexiconError::new(row.line, format!("bad id {id:?}")));
            }
            if f[1].is_empty() {
                return Err(LexiconError::new(row.line, format!("{id} has no name")));
            }
            let kind = ActorKind::parse(f[2]).ok_or_else(|| {
                LexiconError::new(row.line, format!("{id}: unknown kind {:?}", f[2]))
            })?;
            let generic = match f[4] {
                "yes" => true,
                "no" | "" => false,
                other => {
                    return Err(LexiconError::new(
                        row.line,
                        format!("{id}: generic must be yes or no, not {other:?}"),
                    ))
                }
            };
            let mut part_of = None;
            let mut successor_of = None;
            for rel in f[5].split(';').map(str::trim).filter(|r| !r.is_empty()) {
                match rel.split_once(':') {
                    Some(("part_of", target)) => part_of = Some(target.trim().to_string()),
                    Some(("successor_of", target)) => {
                        successor_of = Some(target.trim().to_string())
                    }
                    _ => {
                        return Err(LexiconError::new(
                            row.line,
                            format!("{id}: unknown relation {rel:?} (part_of:ID, successor_of:ID)"),
                        ))
                    }
                }
            }
            let index = actors.len();
            if by_id.insert(id.to_string(), index).is_some() {
                return Err(LexiconError::new(row.line, format!("duplicate id {id}")));
            }
            actors.push(Actor {
                id: id.to_string(),
                name: f[1].to_string(),
                kind,
                side: f[3].to_string(),
                generic,
                part_of,
                successor_of,
            });
            if kind == ActorKind::Media {
                for name in std::iter::once(f[1]).chain(tsv::aliases(f[6])) {
                    let key = outlet_key(name.trim_start_matches('='));
                    if key.len() >= 3 {
                        outlets.entry(key).or_insert(index);
                    }
                }
            }
            specs.push(AliasSpec {
                text: f[1],
                entry: index,
                line: row.line,
                possessive: !generic,
                derived: false,
            });
            specs.extend(tsv::aliases(f[6]).map(|a| AliasSpec {
                text: a,
                entry: index,
                line: row.line,
                possessive: !generic,
                derived: false,
            }));
        }
        for (actor, row) in actors.iter().zip(&rows) {
            for target in [&actor.part_of, &actor.successor_of].into_iter().flatten() {
                if !by_id.contains_key(target) {
                    return Err(LexiconError::new(
                        row.line,
                        format!("{}: unknown related actor {target}", actor.id),
                    ));
                }
            }
        }
        // "Syria's army" and the apostrophe-less "Syrias army" for every "Syrian army".
        let derived: Vec<(String, usize, usize)> = specs
            .iter()
            .filter(|s| !s.text.starts_with('='))
            .flat_map(|s| {
                country_possessives(s.text)
                    .into_iter()
                    .chain(owner_possessives(s.text))
                    .map(move |t| (t, s.entry, s.line))
            })
            .collect();
        specs.extend(derived.iter().map(|(text, entry, line)| AliasSpec {
            text,
            entry: *entry,
            line: *line,
            possessive: false,
            derived: true,
        }));
        let ids: Vec<String> = actors.iter().map(|a| a.id.clone()).collect();
        let matcher = Matcher::build(&specs, &ids)?;
        let aliases = matcher.len();
        Ok(Actors {
            actors,
            by_id,
            matcher,
            aliases,
            outlets,
        })
    }

    /// Every actor named in `text[start..end]`, left to right, as whole words,
    /// the longest name winning where names overlap (`Russian Defence Ministry`
    /// over `Russian`). Offsets are absolute byte offsets into `text`.
    pub fn find(&self, text: &str, start: usize, end: usize) -> Vec<ActorMatch> {
        self.find_in(&FoldedText::new(text, start, end))
    }

    /// The words an alias of the table may start with, for a text folded to
    /// be matched against it and other tables ([`FoldedText::for_starts`]).
    pub fn start_words(&self) -> StartWords {
        self.matcher.first_words().clone()
    }

    /// [`find`](Self::find) over a region folded beforehand, to match
    /// several tables against one text without folding it for each.
    pub fn find_in(&self, text: &FoldedText) -> Vec<ActorMatch> {
        self.matcher
            .find_in(text)
            .into_iter()
            .map(|h| ActorMatch {
                start: h.start,
                end: h.end,
                actor: h.entry,
            })
            .collect()
    }

    /// The actor with this id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.by_id.get(id).map(|&i| &self.actors[i])
    }

    /// The actor at this index (as in [`ActorMatch::actor`]).
    pub fn get(&self, index: usize) -> Option<&Actor> {
        self.actors.get(index)
    }

    /// The media entry an outlet name or domain stands for: `alaraby` → The New Arab,
    /// `manar` → Al-Manar, `sana.sy` → SANA. Compared on [`outlet_key`]s of the
    /// entry's name and aliases.
    pub fn outlet(&self, name: &str) -> Option<usize> {
        self.outlets.get(&outlet_key(name)).copied()
    }

    /// The actor a whole name stands for (any alias): `"Daesh"`, `"the regime"`.
    pub fn by_name(&self, name: &str) -> Option<&Actor> {
        self.matcher.lookup(name).map(|i| &self.actors[i])
    }

    /// Whether some actor's alias may start with the first word of `word` (as
    /// folded): when it is false, no name made of `word`, a space and more words
    /// (`"Russian forces"`) is one, and [`index_by_name`](Self::index_by_name)
    /// need not be asked about each.
    pub fn may_start_name(&self, word: &str) -> bool {
        self.matcher.may_start_with(word)
    }

    /// [`by_name`](Self::by_name) with the actor's index (as in [`ActorMatch::actor`]).
    pub fn index_by_name(&self, name: &str) -> Option<(usize, &Actor)> {
        self.matcher.lookup(name).map(|i| (i, &self.actors[i]))
    }

    /// The outermost actor `id` is part of (itself when it is part of none):
    /// `sy/air-force` → `Syrian Government`.
    pub fn top(&self, id: &str) -> Option<&Actor> {
        let mut at = self.actor(id)?;
        // Bounded: a part_of cycle in a table must not hang the caller.
        for _ in 0..self.actors.len() {
            match at.part_of.as_deref().and_then(|p| self.actor(p)) {
                Some(up) => at = up,
                None => break,
            }
        }
        Some(at)
    }

    /// The schema's view of a match found in `text`.
    pub fn to_mention(&self, m: &ActorMatch, text: &str) -> EntityMention {
        let words = text.get(m.start..m.end).unwrap_or_default().to_string();
        let (name, kind) = match self.actors.get(m.actor) {
            Some(a) => (a.name.clone(), a.kind.entity_kind()),
            None => (words.clone(), EntityKind::Other),
        };
        EntityMention {
            name,
            kind,
            text: words,
            start: m.start,
            end: m.end,
        }
    }

    /// All actors, in table order.
    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    /// Number of actors.
    pub fn len(&self) -> usize {
        self.actors.len()
    }

    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
    }

    #[cfg(test)]
    pub(crate) fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// Number of distinct names matched (canonical names and aliases, after folding).
    pub fn alias_count(&self) -> usize {
        self.aliases
    }
}
