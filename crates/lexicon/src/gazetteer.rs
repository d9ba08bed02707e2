//! The gazetteer: places with stable ids, kinds, a containment hierarchy,
//! approximate coordinates and every spelling the news uses for them.

use std::collections::HashMap;

use crosscheck_schema::PlaceMention;

use crate::matcher::{AliasSpec, Matcher};
use crate::{tsv, FoldedText, LexiconError, StartWords};

const HEADER: [&str; 7] = ["id", "name", "kind", "parent", "lat", "lon", "aliases"];

/// The shipped table, compiled into the binary.
const EMBEDDED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../lexicons/gazetteer.tsv"
));

/// What sort of place an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceKind {
    Country,
    /// A first-level division of Syria (muhafazah) or of Iraq.
    Governorate,
    /// A first-level division elsewhere (Turkish il, Lebanese muhafazah, ...).
    Province,
    /// A second-level division (Syrian mintaqa, Turkish ilçe, Iraqi qada).
    District,
    /// A third-level division (Syrian nahiya).
    Subdistrict,
    City,
    Town,
    Village,
    /// A neighbourhood, quarter or suburb inside a city.
    Neighbourhood,
    /// A refugee or displacement camp.
    Camp,
    /// An informal region: Eastern Ghouta, the Qalamoun, the Golan Heights.
    Region,
    /// A border crossing.
    Crossing,
    /// A military airbase or airport used as one.
    Airbase,
    /// A square, road, dam, prison or other named site.
    Landmark,
    River,
    Mountain,
}

impl PlaceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Governorate => "governorate",
            PlaceKind::Province => "province",
            PlaceKind::District => "district",
            PlaceKind::Subdistrict => "subdistrict",
            PlaceKind::City => "city",
            PlaceKind::Town => "town",
            PlaceKind::Village => "village",
            PlaceKind::Neighbourhood => "neighbourhood",
            PlaceKind::Camp => "camp",
            PlaceKind::Region => "region",
            PlaceKind::Crossing => "crossing",
            PlaceKind::Airbase => "airbase",
            PlaceKind::Landmark => "landmark",
            PlaceKind::River => "river",
            PlaceKind::Mountain => "mountain",
        }
    }

    pub fn parse(s: &str) -> Option<PlaceKind> {
        const ALL: [PlaceKind; 16] = [
            PlaceKind::Country,
            PlaceKind::Governorate,
            PlaceKind::Province,
            PlaceKind::District,
            PlaceKind::Subdistrict,
            PlaceKind::City,
            PlaceKind::Town,
            PlaceKind::Village,
            PlaceKind::Neighbourhood,
            PlaceKind::Camp,
            PlaceKind::Region,
            PlaceKind::Crossing,
            PlaceKind::Airbase,
            PlaceKind::Landmark,
            PlaceKind::River,
            PlaceKind::Mountain,
        ];
        ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// An administrative unit (country, governorate, province, district,
    /// subdistrict) rather than a settlement or site.
    pub fn is_administrative(self) -> bool {
        matches!(
            self,
            PlaceKind::Country
                | PlaceKind::Governorate
                | PlaceKind::Province
                | PlaceKind::District
                | PlaceKind::Subdistrict
        )
    }
}

/// One gazetteer entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// Stable identifier: `sy/idlib/maarat-al-numan`.
    pub id: String,
    /// Canonical English name: `Maarat al-Numan`.
    pub name: String,
    pub kind: PlaceKind,
    /// The id of the place directly containing it; `None` for countries.
    pub parent: Option<String>,
    /// Approximate latitude and longitude in degrees, when known.
    pub lat: Option<f32>,
    pub lon: Option<f32>,
}

/// A place named in a text: byte offsets into the text given to
/// [`Gazetteer::find`] and the index of the place ([`Gazetteer::get`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlaceMatch {
    pub start: usize,
    pub end: usize,
    pub place: usize,
}

/// The place table with its matcher.
pub struct Gazetteer {
    places: Vec<Place>,
    by_id: HashMap<String, usize>,
    /// Index of each place's parent, resolved once.
    parents: Vec<Option<usize>>,
    matcher: Matcher,
    aliases: usize,
    /// Spellings an entry shares with another (written `~al-Hader` in the Aleppo
    /// village's row): the other entry holds the bare spelling and is matched;
    /// [`Gazetteer::disambiguate`] moves a match here when the text places it here.
    homonyms: Matcher,
    /// Entries holding a spelling that another entry shares.
    shared: Vec<bool>,
}

impl Default for Gazetteer {
    fn default() -> Gazetteer {
        Gazetteer::new()
    }
}

impl Gazetteer {
    /// The gazetteer shipped with crosscheck (`lexicons/gazetteer.tsv`).
    pub fn new() -> Gazetteer {
        match Gazetteer::from_tsv(EMBEDDED) {
            Ok(g) => g,
            // The embedded table is checked by this crate's tests; reaching
            // this is a build of a broken table, not an input problem.
            Err(e) => panic!("the embedded gazetteer is invalid: {e}"),
        }
    }

    /// Reads a table in the `lexicons/gazetteer.tsv` format.
    pub fn from_tsv(text: &str) -> Result<Gazetteer, LexiconError> {
        let rows = tsv::rows(text, &HEADER)?;
        let mut places = Vec::with_capacity(rows.len());
        let mut by_id = HashMap::with_capacity(rows.len());
        let mut specs = Vec::new();
        let mut homonym_specs = Vec::new();
        for row in &rows {
            let f = &row.fields;
            let id = f[0];
            if id.is_empty() || id.contains(char::is_whitespace) {
                return Err(LexiconError::new(row.line, format!("bad id {id:?}")));
            }
            if f[1].is_empty() {
                return Err(LexiconError::new(row.line, format!("{id} has no name")));
            }
            let kind = PlaceKind::parse(f[2]).ok_or_else(|| {
                LexiconError::new(row.line, format!("{id}: unknown kind {:?}", f[2]))
            })?;
            let coord = |s: &str, max: f32| -> Result<Option<f32>, LexiconError> {
                if s.is_empty() {
                    return Ok(None);
                }
                match s.parse::<f32>() {
                    Ok(v) if v.abs() <= max => Ok(Some(v)),
                    _ => Err(LexiconError::new(
                        row.line,
                        format!("{id}: bad coordinate {s:?}"),
                    )),
                }
            };
            let index = places.len();
            if by_id.insert(id.to_string(), index).is_some() {
                return Err(LexiconError::new(row.line, format!("duplicate id {id}")));
            }
            places.push(Place {
                id: id.to_string(),
                name: f[1].to_string(),
                kind,
                parent: (!f[3].is_empty()).then(|| f[3].to_string()),
                lat: coord(f[4], 90.0)?,
                lon: coord(f[5], 180.0)?,
            });
            specs.push(AliasSpec {
                text: f[1],
                entry: index,
                line: row.line,
                possessive: true,
                derived: false,
            });
            for a in tsv::aliases(f[6]) {
                let (text, list) = match a.strip_prefix('~') {
                    Some(shared) => (shared.trim(), &mut homonym_specs),
                    None => (a, &mut specs),
                };
                list.push(AliasSpec {
                    text,
                    entry: index,
                    line: row.line,
                    possessive: true,
                    derived: false,
                });
            }
        }
        let mut parents = Vec::with_capacity(places.len());
        for (place, row) in places.iter().zip(&rows) {
            parents.push(match &place.parent {
                None => None,
                Some(p) => Some(*by_id.get(p).ok_or_else(|| {
                    LexiconError::new(row.line, format!("{}: unknown parent {p}", place.id))
                })?),
            });
        }
        for (i, row) in rows.iter().enumerate() {
            let mut at = parents[i];
            let mut steps = 0;
            while let Some(p) = at {
                steps += 1;
                if p == i || steps > places.len() {
                    return Err(LexiconError::new(
                        row.line,
                        format!("{} is its own ancestor", places[i].id),
                    ));
                }
                at = parents[p];
            }
        }
        let ids: Vec<String> = places.iter().map(|p| p.id.clone()).collect();
        let matcher = Matcher::build(&specs, &ids)?;
        let aliases = matcher.len();
        let mut shared = vec![false; places.len()];
        for spec in &homonym_specs {
            match matcher.lookup(spec.text) {
                Some(holder) if holder != spec.entry => shared[holder] = true,
                _ => {
                    return Err(LexiconError::new(
                        spec.line,
                        format!(
                            "{}: ~{} is no spelling of another entry",
                            places[spec.entry].id, spec.text
                        ),
                    ))
                }
            }
        }
        let homonyms = Matcher::build(&homonym_specs, &ids)?;
        Ok(Gazetteer {
            places,
            by_id,
            parents,
            matcher,
            aliases,
            homonyms,
            shared,
        })
    }

    /// Moves a match of a shared spelling (`al-Hader`) to the other place of that
    /// name when the text names that place's governorate nearer to it than the
    /// first place's: "al-Hader town in Aleppo's southern countryside" is the Aleppo
    /// village, "Hadar village in Quneitra province" the Quneitra one. Without such
    /// a name the entry holding the bare spelling stays. `matches` are
    /// [`find`](Self::find)'s over `text`, whose offsets they carry.
    pub fn disambiguate(&self, text: &str, matches: &mut [PlaceMatch]) {
        let is_shared = |p: usize| self.shared.get(p).copied().unwrap_or(false);
        if !matches.iter().any(|m| is_shared(m.place)) {
            return;
        }
        for i in 0..matches.len() {
            let m = matches[i];
            if !is_shared(m.place) {
                continue;
            }
            let Some(other) = text
                .get(m.start..m.end)
                .and_then(|w| self.homonyms.lookup(w))
            else {
                continue;
            };
            // The distance to the nearest other place of `candidate`'s governorate.
            let support = |candidate: usize| -> Option<usize> {
                let gov = self.governorate(candidate)?;
                matches
                    .iter()
                    .filter(|o| {
                        o.place != m.place
                            && o.place != other
                            && self.governorate(o.place) == Some(gov)
                    })
                    .map(|o| o.start.abs_diff(m.start))
                    .min()
            };
            if let Some(near) = support(other) {
                if support(m.place).is_none_or(|d| near < d) {
                    matches[i].place = other;
                }
            }
        }
    }

    /// The first-level division (governorate or province) holding place `i`, or
    /// the place itself when it is one.
    fn governorate(&self, i: usize) -> Option<usize> {
        let mut at = Some(i);
        while let Some(p) = at {
            if matches!(
                self.places[p].kind,
                PlaceKind::Governorate | PlaceKind::Province
            ) {
                return Some(p);
            }
            at = self.parents[p];
        }
        None
    }

    /// Every place named in `text[start..end]`, left to right, as whole words,
    /// the longest name winning where names overlap (`Deir ez-Zor province`
    /// over `Deir ez-Zor`). Offsets are absolute byte offsets into `text`.
    pub fn find(&self, text: &str, start: usize, end: usize) -> Vec<PlaceMatch> {
        self.find_in(&FoldedText::new(text, start, end))
    }

    /// The words an alias of the table may start with, for a text folded to
    /// be matched against it and other tables ([`FoldedText::for_starts`]).
    pub fn start_words(&self) -> StartWords {
        self.matcher.first_words().clone()
    }

    /// [`find`](Self::find) over a region folded beforehand, to match
    /// several tables against one text without folding it for each.
    pub fn find_in(&self, text: &FoldedText) -> Vec<PlaceMatch> {
        self.matcher
            .find_in(text)
            .into_iter()
            .map(|h| PlaceMatch {
                start: h.start,
                end: h.end,
                place: h.entry,
            })
            .collect()
    }

    /// The place with this id.
    pub fn place(&self, id: &str) -> Option<&Place> {
        self.by_id.get(id).map(|&i| &self.places[i])
    }

    /// The place at this index (as in [`PlaceMatch::place`]).
    pub fn get(&self, index: usize) -> Option<&Place> {
        self.places.get(index)
    }

    /// The place a whole name stands for (any alias): `"Dayr al-Zawr"`.
    pub fn by_name(&self, name: &str) -> Option<&Place> {
        self.matcher.lookup(name).map(|i| &self.places[i])
    }

    /// The places containing `id`, outermost first (`Syria`, `Aleppo
    /// Governorate`, `Mount Simeon District`, `Aleppo`); empty for an unknown id.
    pub fn within(&self, id: &str) -> Vec<&Place> {
        match self.by_id.get(id) {
            Some(&i) => self.ancestors(i),
            None => Vec::new(),
        }
    }

    /// The places containing the place at index `i`, outermost first.
    fn ancestors(&self, i: usize) -> Vec<&Place> {
        let mut out = Vec::new();
        let mut at = self.parents.get(i).copied().flatten();
        while let Some(p) = at {
            out.push(&self.places[p]);
            at = self.parents[p];
        }
        out.reverse();
        out
    }

    /// True when `inner` is `outer` or lies inside it.
    pub fn contains(&self, outer: &str, inner: &str) -> bool {
        let (Some(&o), Some(&i)) = (self.by_id.get(outer), self.by_id.get(inner)) else {
            return false;
        };
        let mut at = Some(i);
        while let Some(p) = at {
            if p == o {
                return true;
            }
            at = self.parents[p];
        }
        false
    }

    /// The schema's view of a match found in `text`.
    pub fn to_mention(&self, m: &PlaceMatch, text: &str) -> PlaceMention {
        let words = text.get(m.start..m.end).unwrap_or_default().to_string();
        match self.places.get(m.place) {
            Some(place) => PlaceMention {
                id: Some(place.id.clone()),
                name: place.name.clone(),
                within: self
                    .ancestors(m.place)
                    .into_iter()
                    .map(|p| p.name.clone())
                    .collect(),
                text: words,
                start: m.start,
                end: m.end,
            },
            None => PlaceMention {
                id: None,
                name: words.clone(),
                within: Vec::new(),
                text: words,
                start: m.start,
                end: m.end,
            },
        }
    }

    /// All places, in table order.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
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
