//! The 14 technique classes of SemEval-2020 Task 11, and how the 18 fine-grained
//! techniques of the NLP4IF-2019 release map onto them.

use std::fmt;

/// A propaganda technique class, as SemEval-2020 Task 11 defines them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Technique {
    AppealToAuthority,
    AppealToFearPrejudice,
    BandwagonReductioAdHitlerum,
    BlackAndWhiteFallacy,
    CausalOversimplification,
    Doubt,
    ExaggerationMinimisation,
    FlagWaving,
    LoadedLanguage,
    NameCallingLabeling,
    Repetition,
    Slogans,
    ThoughtTerminatingCliches,
    WhataboutismStrawMenRedHerring,
}

impl Technique {
    /// Every class, in the order of the organisers' names file (alphabetical),
    /// which is also the index order of [`Technique::index`].
    pub const ALL: [Technique; 14] = [
        Technique::AppealToAuthority,
        Technique::AppealToFearPrejudice,
        Technique::BandwagonReductioAdHitlerum,
        Technique::BlackAndWhiteFallacy,
        Technique::CausalOversimplification,
        Technique::Doubt,
        Technique::ExaggerationMinimisation,
        Technique::FlagWaving,
        Technique::LoadedLanguage,
        Technique::NameCallingLabeling,
        Technique::Repetition,
        Technique::Slogans,
        Technique::ThoughtTerminatingCliches,
        Technique::WhataboutismStrawMenRedHerring,
    ];

    /// The class name used in SemEval-2020 label files (`Name_Calling,Labeling`).
    pub const fn name(self) -> &'static str {
        match self {
            Technique::AppealToAuthority => "Appeal_to_Authority",
            Technique::AppealToFearPrejudice => "Appeal_to_fear-prejudice",
            Technique::BandwagonReductioAdHitlerum => "Bandwagon,Reductio_ad_hitlerum",
            Technique::BlackAndWhiteFallacy => "Black-and-White_Fallacy",
            Technique::CausalOversimplification => "Causal_Oversimplification",
            Technique::Doubt => "Doubt",
            Technique::ExaggerationMinimisation => "Exaggeration,Minimisation",
            Technique::FlagWaving => "Flag-Waving",
            Technique::LoadedLanguage => "Loaded_Language",
            Technique::NameCallingLabeling => "Name_Calling,Labeling",
            Technique::Repetition => "Repetition",
            Technique::Slogans => "Slogans",
            Technique::ThoughtTerminatingCliches => "Thought-terminating_Cliches",
            Technique::WhataboutismStrawMenRedHerring => "Whataboutism,Straw_Men,Red_Herring",
        }
    }

    /// A short snake_case key for output and signals (`name_calling`).
    pub const fn key(self) -> &'static str {
        match self {
            Technique::AppealToAuthority => "appeal_to_authority",
            Technique::AppealToFearPrejudice => "appeal_to_fear",
            Technique::BandwagonReductioAdHitlerum => "bandwagon_reductio_ad_hitlerum",
            Technique::BlackAndWhiteFallacy => "black_and_white_fallacy",
            Technique::CausalOversimplification => "causal_oversimplification",
            Technique::Doubt => "doubt",
            Technique::ExaggerationMinimisation => "exaggeration_minimisation",
            Technique::FlagWaving => "flag_waving",
            Technique::LoadedLanguage => "loaded_language",
            Technique::NameCallingLabeling => "name_calling",
            Technique::Repetition => "repetition",
            Technique::Slogans => "slogans",
            Technique::ThoughtTerminatingCliches => "thought_terminating_cliches",
            Technique::WhataboutismStrawMenRedHerring => "whataboutism_straw_men_red_herring",
        }
    }

    /// Position in [`Technique::ALL`].
    pub fn index(self) -> usize {
        Technique::ALL.iter().position(|&t| t == self).unwrap_or(0)
    }

    /// The class of a SemEval-2020 name, or of one of the 18 NLP4IF-2019 names
    /// merged as the SemEval-2020 organisers did (see [`from_nlp4if_name`]).
    pub fn from_name(name: &str) -> Option<Technique> {
        Technique::ALL
            .iter()
            .copied()
            .find(|t| t.name() == name)
            .or_else(|| from_nlp4if_name(name).flatten())
    }
}

impl fmt::Display for Technique {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Maps an NLP4IF-2019 FLC technique name to its SemEval-2020 class, as the
/// SemEval-2020 organisers merged them (PTC README, version 2):
///
/// * `Whataboutism`, `Straw_Men`, `Red_Herring` → `Whataboutism,Straw_Men,Red_Herring`;
/// * `Bandwagon`, `Reductio_ad_hitlerum` → `Bandwagon,Reductio_ad_hitlerum`;
/// * `Obfuscation,Intentional_Vagueness,Confusion` → dropped (`Some(None)`: known, no
///   class; 11 instances in the whole corpus);
/// * the other 12 names are the SemEval-2020 names unchanged.
///
/// `None` for a name that is neither.
pub fn from_nlp4if_name(name: &str) -> Option<Option<Technique>> {
    let t = match name {
        "Whataboutism" | "Straw_Men" | "Red_Herring" => Technique::WhataboutismStrawMenRedHerring,
        "Bandwagon" | "Reductio_ad_hitlerum" => Technique::BandwagonReductioAdHitlerum,
        "Obfuscation,Intentional_Vagueness,Confusion" => return Some(None),
        _ => {
            return Technique::ALL
                .iter()
                .copied()
                .find(|t| t.name() == name)
                .map(Some)
        }
    };
    Some(Some(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_follow_the_organisers_file_order() {
        for (i, t) in Technique::ALL.iter().enumerate() {
            assert_eq!(Technique::from_name(t.name()), Some(*t));
            assert_eq!(t.index(), i);
        }
        let mut names: Vec<&str> = Technique::ALL.iter().map(|t| t.name()).collect();
        let sorted = {
            let mut s = names.clone();
            s.sort_unstable();
            s
        };
        assert_eq!(names, sorted);
        names.dedup();
        assert_eq!(names.len(), 14);
    }

    #[test]
    fn nlp4if_names_are_merged_like_semeval_2020() {
        assert_eq!(
            Technique::from_name("Straw_Men"),
            Some(Technique::WhataboutismStrawMenRedHerring)
        );
        assert_eq!(
            Technique::from_name("Reductio_ad_hitlerum"),
            Some(Technique::BandwagonReductioAdHitlerum)
        );
        assert_eq!(
            from_nlp4if_name("Obfuscation,Intentional_Vagueness,Confusion"),
            Some(None)
        );
        assert_eq!(
            from_nlp4if_name("Flag-Waving"),
            Some(Some(Technique::FlagWaving))
        );
        assert_eq!(from_nlp4if_name("Glittering_Generalities"), None);
    }
}
