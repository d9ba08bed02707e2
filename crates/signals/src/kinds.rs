//! The `kind` strings of the signals [`crate::SignalDetector`] emits, in the order
//! it emits them. Each is defined in `docs/signals.md`.

/// Words of the kept body (the base of every per-1,000-words rate).
pub const WORD_COUNT: &str = "word_count";
/// Quotation marks that hold a word at arm's length (`the "moderate" rebels`).
pub const SCARE_QUOTES: &str = "scare_quotes";
/// Upper-case emphasis runs (`TERRORIST ARSENAL`), not acronyms or datelines.
pub const ALL_CAPS: &str = "all_caps";
/// The headline is a question.
pub const QUESTION_HEADLINE: &str = "question_headline";
/// Body sentences that are questions, outside quotations.
pub const RHETORICAL_QUESTIONS: &str = "rhetorical_questions";
/// Sentences (and the headline) with `!`, outside quotations.
pub const EXCLAMATIONS: &str = "exclamations";
/// Labels that make people animals, vermin, disease or filth.
pub const DEHUMANISING: &str = "dehumanising";
/// Glorifying, vilifying and emotive words in the outlet's own voice.
pub const LOADED_LANGUAGE: &str = "loaded_language";
/// "reportedly", "allegedly", "unconfirmed".
pub const HEDGES: &str = "hedges";
/// "could not be independently verified", "it was not clear".
pub const VERIFICATION_CAVEATS: &str = "verification_caveats";
/// "may have been staged", "false flag", "perhaps".
pub const SPECULATION: &str = "speculation";
/// Statements attributed to a speaker.
pub const ATTRIBUTIONS: &str = "attributions";
/// Share of attributed statements whose speaker is anonymous.
pub const ANONYMOUS_SOURCES: &str = "anonymous_sources";
/// Distinct sources cited.
pub const DISTINCT_SOURCES: &str = "distinct_sources";
/// Direct quotations of five words or more with their speaker.
pub const PRIMARY_QUOTES: &str = "primary_quotes";
/// First-person pronouns in the outlet's own voice.
pub const FIRST_PERSON: &str = "first_person";
/// Reader-comment threads and widgets (removed or left in the body).
pub const COMMENT_RESIDUE: &str = "comment_residue";
/// Clickbait headline and body patterns.
pub const CLICKBAIT: &str = "clickbait";
/// Appeals to share, donate or act.
pub const APPEALS: &str = "appeals";

/// Every kind, in emission order.
pub const ALL: [&str; 19] = [
    WORD_COUNT,
    SCARE_QUOTES,
    ALL_CAPS,
    QUESTION_HEADLINE,
    RHETORICAL_QUESTIONS,
    EXCLAMATIONS,
    DEHUMANISING,
    LOADED_LANGUAGE,
    HEDGES,
    VERIFICATION_CAVEATS,
    SPECULATION,
    ATTRIBUTIONS,
    ANONYMOUS_SOURCES,
    DISTINCT_SOURCES,
    PRIMARY_QUOTES,
    FIRST_PERSON,
    COMMENT_RESIDUE,
    CLICKBAIT,
    APPEALS,
];
