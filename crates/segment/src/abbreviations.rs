//! The word lists behind the full-stop decisions: abbreviations by how they behave
//! before the next word, the capitalised words that typically open a sentence, and
//! the function words a wrapped line does not end on.
//!
//! All lookups are exact and case-sensitive: `Gen.` is a rank, `gen.` is not.

/// How an abbreviation's full stop behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Abbreviation {
    /// A title or rank written before a name (`Mr.`, `Maj. Gen.`): never ends a sentence.
    Title,
    /// Usually mid-sentence but can end one (`U.S.`, `Sept.`, `Inc.`, `St.`, an initial):
    /// ends a sentence only before a word that typically opens one (`The`, `He`, ...).
    Weak,
    /// Mid-sentence before a number (`No. 5`), an ordinary word otherwise.
    BeforeNumber,
    /// Never ends a sentence (`e.g.`, `vs.`).
    Never,
}

const TITLES: &[&str] = &[
    "Adm", "Amb", "Atty", "Brig", "Capt", "Cdr", "Cmdr", "Col", "Cpl", "Cpt", "Det", "Dr", "Drs",
    "Fr", "Gen", "Gov", "Hon", "Insp", "Lieut", "Lt", "Maj", "Messrs", "Mme", "Mr", "Mrs", "Ms",
    "Msgr", "Pres", "Prof", "Pvt", "Rep", "Reps", "Rev", "Sen", "Sens", "Sgt", "Supt",
];

const WEAK: &[&str] = &[
    // Months, as news agencies abbreviate them (`Sept. 30`).
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    // Companies, family names, places.
    "Bros", "Co", "Corp", "Inc", "Jr", "Ltd", "Sr", "St", "Ste", "Mt", "Ft", "Ave", "Blvd", "Rd",
    "Dept", "Univ", "Assn", "Intl", "Govt", // US states in AP style.
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans",
    "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore",
    "Pa", "Penn", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
    // Lower-case ones that still appear before capitalised words.
    "al", "approx", "est",
];

const BEFORE_NUMBER: &[&str] = &[
    "Art", "Fig", "No", "Nos", "Vol", "no", "nos", "p", "pp", "vol",
];

const NEVER: &[&str] = &["cf", "e.g", "eg", "i.e", "ie", "viz", "vs", "Vs"];

/// Capitalised words that commonly open an English news sentence. After a weak
/// abbreviation (`... in the U.S. The ...`) they are the evidence for a boundary;
/// a name (`U.S. President`) or a noun (`Sept. Talks`) is not.
const STARTERS: &[&str] = &[
    "A",
    "About",
    "After",
    "Again",
    "Against",
    "Agencies",
    "All",
    "Also",
    "Although",
    "Among",
    "An",
    "And",
    "Another",
    "Any",
    "Are",
    "As",
    "At",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "Can",
    "Despite",
    "Did",
    "Do",
    "During",
    "Each",
    "Earlier",
    "Even",
    "Every",
    "Few",
    "For",
    "From",
    "Further",
    "Had",
    "Has",
    "Have",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Instead",
    "Is",
    "It",
    "Its",
    "Last",
    "Later",
    "Many",
    "Meanwhile",
    "More",
    "Moreover",
    "Most",
    "Much",
    "My",
    "No",
    "Not",
    "Now",
    "Of",
    "On",
    "One",
    "Only",
    "Or",
    "Other",
    "Others",
    "Our",
    "Over",
    "Several",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "Such",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Three",
    "To",
    "Today",
    "Two",
    "Under",
    "Until",
    "We",
    "Were",
    "What",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "Why",
    "With",
    "Yesterday",
    "Yet",
    "You",
    "Your",
];

/// Words a line of running text does not end on: a line break after one of them is
/// a wrapped line, not the end of a heading.
const CONTINUERS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "than",
    "that", "the", "to", "with",
];

/// The word tables, sorted once for binary search. Words are packed into integers
/// (see [`key`]) so that a lookup compares integers rather than byte strings.
#[derive(Clone, Debug)]
pub(crate) struct Tables {
    abbreviations: Vec<(u128, Abbreviation)>,
    starters: Vec<u128>,
    continuers: Vec<u128>,
}

impl Tables {
    pub(crate) fn new() -> Tables {
        let mut abbreviations: Vec<(u128, Abbreviation)> = Vec::new();
        let lists = [
            (TITLES, Abbreviation::Title),
            (WEAK, Abbreviation::Weak),
            (BEFORE_NUMBER, Abbreviation::BeforeNumber),
            (NEVER, Abbreviation::Never),
        ];
        for (words, kind) in lists {
            abbreviations.extend(
                words
                    .iter()
                    .filter_map(|w| Some((key(w.as_bytes())?, kind))),
            );
        }
        abbreviations.sort_unstable_by_key(|a| a.0);
        abbreviations.dedup_by_key(|a| a.0);
        Tables {
            abbreviations,
            starters: keys(STARTERS),
            continuers: keys(CONTINUERS),
        }
    }

    pub(crate) fn abbreviation(&self, word: &[u8]) -> Option<Abbreviation> {
        let k = key(word)?;
        let i = self.abbreviations.binary_search_by_key(&k, |a| a.0).ok()?;
        Some(self.abbreviations[i].1)
    }

    pub(crate) fn is_starter(&self, word: &[u8]) -> bool {
        key(word).is_some_and(|k| self.starters.binary_search(&k).is_ok())
    }

    pub(crate) fn is_continuer(&self, word: &[u8]) -> bool {
        key(word).is_some_and(|k| self.continuers.binary_search(&k).is_ok())
    }
}

/// A word of 1 to 16 bytes without NUL as an integer, the bytes in order and zero
/// padded: distinct words give distinct keys. Longer words are in no table.
fn key(word: &[u8]) -> Option<u128> {
    if word.is_empty() || word.len() > 16 || word.contains(&0) {
        return None;
    }
    let mut bytes = [0u8; 16];
    bytes[..word.len()].copy_from_slice(word);
    Some(u128::from_be_bytes(bytes))
}

fn keys(words: &[&str]) -> Vec<u128> {
    let mut v: Vec<u128> = words.iter().filter_map(|w| key(w.as_bytes())).collect();
    v.sort_unstable();
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_are_exact_and_case_sensitive() {
        let t = Tables::new();
        assert_eq!(t.abbreviation(b"Gen"), Some(Abbreviation::Title));
        assert_eq!(t.abbreviation(b"gen"), None);
        assert_eq!(t.abbreviation(b"Sept"), Some(Abbreviation::Weak));
        assert_eq!(t.abbreviation(b"No"), Some(Abbreviation::BeforeNumber));
        assert_eq!(t.abbreviation(b"e.g"), Some(Abbreviation::Never));
        assert!(t.is_starter(b"The"));
        assert!(!t.is_starter(b"President"));
        assert!(t.is_continuer(b"the"));
        assert!(!t.is_starter(b"Th") && !t.is_starter(b"Thee") && !t.is_starter(b""));
        assert!(!t.is_starter(b"The\0") && !t.is_starter(&[b'a'; 40]));
    }
}
