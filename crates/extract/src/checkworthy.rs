//! Check-worthiness: how likely a sentence is a factual claim worth checking, as a
//! calibrated probability in `[0, 1]`.
//!
//! The model is a logistic regression over hashed word unigrams and bigrams,
//! character 2–5-grams inside words (digits folded to `0`), and a few dense cues
//! chosen to carry over from debate transcripts (the training data) to news
//! sentences (the target): numbers, years, percentages and money, casualty words,
//! reporting verbs (`said`, `reported`, `according to`), organisation words and
//! acronyms, capitalised names, time expressions, and the opinion, promise and
//! question markers that make a sentence *not* a checkable claim.
//!
//! Training ([`train`]) is deterministic: grouped k-fold out-of-fold margins fit a
//! Platt calibrator and pick the operating threshold (best F1 on those held-out
//! predictions), then the final model is fitted on everything. The same examples
//! and [`TrainConfig`] give the same bytes.
//!
//! What it does not do: read context (neighbouring sentences, speaker), or say
//! whether a claim is true.

use std::fmt;
use std::path::Path;

use crosscheck_datasets::{CheckworthyExample, CheckworthySource, DatasetError};
use crosscheck_learn::{
    average_precision, best_f1_threshold, expected_calibration_error, grouped_kfold,
    mean_average_precision, roc_auc, round_trip_weights, train_logistic, BinaryMetrics, Calibrator,
    ClassWeight, FeatureHasher, HasherConfig, Head, LogisticRegression, ModelFile, SgdConfig,
    SparseVector, WeightEncoding, WordDot,
};

/// The `kind` of check-worthiness model files.
pub const MODEL_KIND: &str = "checkworthy";

/// Names of the dense features, in index order. Stored in the model file and
/// checked on load: a model only works with the cues it was trained with.
pub const DENSE_FEATURES: [&str; 19] = [
    "number",
    "numbers_log",
    "year",
    "percent",
    "money",
    "quantity_word",
    "casualty",
    "reporting",
    "comparative",
    "organisation",
    "acronym",
    "names_log",
    "time",
    "first_person",
    "opinion",
    "modal",
    "question",
    "words_log",
    "short",
];

const N_DENSE: usize = DENSE_FEATURES.len();

// Cue classes of the lexicon, as bits.
const CASUALTY: u16 = 1;
const REPORTING: u16 = 1 << 1;
const COMPARATIVE: u16 = 1 << 2;
const ORGANISATION: u16 = 1 << 3;
const QUANTITY: u16 = 1 << 4;
const MONEY: u16 = 1 << 5;
const PERCENT: u16 = 1 << 6;
const TIME: u16 = 1 << 7;
const FIRST_PERSON: u16 = 1 << 8;
const OPINION: u16 = 1 << 9;
const MODAL: u16 = 1 << 10;

/// Lowercase cue words. A word may appear under several cues.
const CUES: &[(u16, &[&str])] = &[
    (
        CASUALTY,
        &[
            "killed",
            "kill",
            "kills",
            "killing",
            "killings",
            "dead",
            "death",
            "deaths",
            "died",
            "die",
            "dies",
            "dying",
            "wounded",
            "wounding",
            "injured",
            "injuring",
            "injuries",
            "casualties",
            "casualty",
            "victims",
            "massacre",
            "massacred",
            "executed",
            "execution",
            "executions",
            "bodies",
            "fatalities",
            "toll",
            "shelling",
            "shelled",
            "airstrike",
            "airstrikes",
            "strikes",
            "bombing",
            "bombings",
            "bombed",
            "bomb",
            "bombs",
            "shot",
            "shooting",
            "attack",
            "attacks",
            "attacked",
            "clashes",
            "explosion",
            "missile",
            "missiles",
            "chemical",
            "gas",
            "destroyed",
            "displaced",
            "refugees",
            "civilians",
            "civilian",
            "children",
            "arrested",
            "detained",
            "tortured",
            "murdered",
            "murder",
            "besieged",
            "siege",
            "rockets",
            "troops",
            "soldiers",
            "fighters",
        ],
    ),
    (
        REPORTING,
        &[
            "said",
            "says",
            "say",
            "saying",
            "told",
            "tells",
            "reported",
            "reports",
            "report",
            "reporting",
            "according",
            "claimed",
            "claims",
            "stated",
            "announced",
            "announces",
            "confirmed",
            "confirms",
            "denied",
            "denies",
            "deny",
            "accused",
            "accuses",
            "alleged",
            "allegedly",
            "added",
            "noted",
            "insisted",
            "warned",
            "revealed",
            "estimated",
            "estimates",
            "documented",
            "recorded",
            "cited",
            "quoted",
            "statement",
            "sources",
            "source",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "correspondent",
            "witnesses",
            "activists",
            "monitor",
            "observatory",
        ],
    ),
    (
        COMPARATIVE,
        &[
            "more",
            "less",
            "fewer",
            "most",
            "least",
            "increase",
            "increased",
            "increases",
            "increasing",
            "decrease",
            "decreased",
            "decreases",
            "rose",
            "risen",
            "rise",
            "rising",
            "fell",
            "fallen",
            "falling",
            "doubled",
            "tripled",
            "highest",
            "lowest",
            "largest",
            "biggest",
            "smallest",
            "worst",
            "record",
            "higher",
            "lower",
            "larger",
            "bigger",
            "grew",
            "growth",
            "cut",
            "cuts",
            "raised",
            "lost",
            "gained",
            "average",
            "rate",
            "total",
            "only",
            "every",
            "nearly",
            "almost",
            "over",
            "than",
            "since",
        ],
    ),
    (
        ORGANISATION,
        &[
            "ministry",
            "minister",
            "government",
            "army",
            "military",
            "forces",
            "police",
            "council",
            "nations",
            "agency",
            "department",
            "committee",
            "commission",
            "organization",
            "organisation",
            "party",
            "court",
            "parliament",
            "congress",
            "senate",
            "coalition",
            "regime",
            "rebels",
            "rebel",
            "militia",
            "militias",
            "brigade",
            "institute",
            "university",
            "company",
            "corporation",
            "bank",
            "union",
            "authority",
            "authorities",
            "office",
            "officials",
            "official",
            "administration",
            "state",
            "president",
            "general",
            "federal",
            "agency's",
            "network",
            "center",
            "centre",
            "opposition",
            "group",
            "groups",
            "navy",
            "embassy",
            "hospital",
            "red",
            "crescent",
        ],
    ),
    (
        QUANTITY,
        &[
            "million",
            "millions",
            "billion",
            "billions",
            "trillion",
            "thousand",
            "thousands",
            "hundred",
            "hundreds",
            "dozen",
            "dozens",
            "half",
            "twice",
            "third",
            "quarter",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "fifteen",
            "twenty",
            "thirty",
            "forty",
            "fifty",
            "sixty",
            "seventy",
            "eighty",
            "ninety",
            "majority",
            "several",
            "number",
            "numbers",
            "times",
            "per",
        ],
    ),
    (
        MONEY,
        &[
            "dollars",
            "dollar",
            "euros",
            "euro",
            "pounds",
            "cents",
            "budget",
            "taxes",
            "tax",
            "debt",
            "deficit",
            "spending",
            "spent",
            "paid",
            "cost",
            "costs",
            "funding",
            "funds",
            "wages",
            "income",
            "salary",
            "economy",
            "jobs",
            "unemployment",
            "gdp",
            "trade",
        ],
    ),
    (PERCENT, &["percent", "percentage", "cent"]),
    (
        TIME,
        &[
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "jan",
            "feb",
            "mar",
            "apr",
            "jun",
            "jul",
            "aug",
            "sep",
            "sept",
            "oct",
            "nov",
            "dec",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "yesterday",
            "today",
            "week",
            "weeks",
            "month",
            "months",
            "year",
            "years",
            "ago",
            "decade",
            "decades",
            "century",
            "last",
            "during",
            "earlier",
        ],
    ),
    (
        FIRST_PERSON,
        &[
            "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "i'm", "i've", "i'll",
            "i'd", "we're", "we've", "we'll", "we'd",
        ],
    ),
    (
        OPINION,
        &[
            "think",
            "believe",
            "feel",
            "hope",
            "want",
            "wish",
            "love",
            "agree",
            "disagree",
            "opinion",
            "wonderful",
            "great",
            "terrible",
            "thank",
            "thanks",
            "please",
            "guess",
            "maybe",
            "perhaps",
            "frankly",
            "honestly",
            "really",
            "good",
            "bad",
            "question",
            "answer",
            "let",
            "let's",
            "okay",
            "ok",
            "yes",
            "no",
            "well",
            "sir",
            "folks",
            "applause",
            "laughter",
            "crosstalk",
        ],
    ),
    (
        MODAL,
        &[
            "will",
            "would",
            "should",
            "could",
            "must",
            "can",
            "might",
            "going",
            "gonna",
            "need",
            "needs",
            "shall",
            "ought",
            "won't",
            "can't",
            "wouldn't",
            "shouldn't",
        ],
    ),
];

/// The cue lexicon, built once per model.
#[derive(Clone, Debug)]
struct Lexicon {
    /// Open addressing on [`Lexicon::key`]: every word of every sentence is looked
    /// up, and a binary search over strings was a tenth of `analyze`'s time. Each
    /// slot's tag (the key's high half, never 0; 0 when empty) is kept apart from
    /// its entry, so that the probe of a word no cue has (most words) reads only
    /// the 8 KiB of tags, which stay in the first-level cache.
    tags: Vec<u32>,
    entries: Vec<(&'static str, u16)>,
    mask: usize,
    /// For each first and last byte (their low five bits), the lengths of the words
    /// that start and end with them, as bits: most words are ruled out by one
    /// look-up, before their key is computed ([`Lexicon::may_hold`]). (By the first
    /// byte alone, four words in five of news text passed; by both, one in three.)
    shapes: Box<[[u32; 32]; 32]>,
}

/// The longest word looked up, plus one: the bytes of a cue word that are hashed.
const CUE_BUF: usize = 24;

/// The length of [`CueWord::lower`]: [`CUE_BUF`] rounded up to a power of two, so that
/// the scan stores byte `len` of a word at `len % CUE_WRITE` without a bounds test.
const CUE_WRITE: usize = 32;

impl Lexicon {
    fn new() -> Lexicon {
        let mut words: Vec<(&'static str, u16)> = Vec::new();
        for &(cue, list) in CUES {
            words.extend(list.iter().map(|&w| (w, cue)));
        }
        let size = (words.len() * 4).next_power_of_two();
        let mut lexicon = Lexicon {
            tags: vec![0; size],
            entries: vec![("", 0); size],
            mask: size - 1,
            shapes: Box::new([[0; 32]; 32]),
        };
        for (w, c) in words {
            if let (Some(&first), Some(&last)) = (w.as_bytes().first(), w.as_bytes().last()) {
                if w.len() < 32 {
                    lexicon.shapes[usize::from(first & 31)][usize::from(last & 31)] |= 1 << w.len();
                }
            }
            let key = Lexicon::key(w.as_bytes());
            let mut i = lexicon.slot(key);
            loop {
                if lexicon.tags[i] == 0 {
                    lexicon.tags[i] = Lexicon::tag(key);
                    lexicon.entries[i] = (w, c);
                    break;
                }
                // Merge the cues of words listed more than once.
                if lexicon.entries[i].0 == w {
                    lexicon.entries[i].1 |= c;
                    break;
                }
                i = (i + 1) & lexicon.mask;
            }
        }
        lexicon
    }

    /// The hash of a word shorter than [`CUE_BUF`] (longer words are never cues).
    fn key(word: &[u8]) -> u64 {
        let mut padded = [0u8; CUE_BUF];
        let len = word.len().min(CUE_BUF - 1);
        padded[..len].copy_from_slice(&word[..len]);
        Lexicon::key_padded(&padded, len)
    }

    /// [`Lexicon::key`] of `padded[..len]`, whose bytes from `len` on are zero:
    /// three loads and multiplies whatever the length.
    #[inline(always)]
    fn key_padded(padded: &[u8; CUE_BUF], len: usize) -> u64 {
        let word = |k: usize| {
            let mut x = [0u8; 8];
            x.copy_from_slice(&padded[8 * k..8 * k + 8]);
            u64::from_le_bytes(x)
        };
        const K1: u64 = 0x9E37_79B9_7F4A_7C15;
        const K2: u64 = 0xC2B2_AE3D_27D4_EB4F;
        let h = (word(0) ^ (len as u64).wrapping_mul(K2)).wrapping_mul(K1);
        let h = (h.rotate_left(29) ^ word(1)).wrapping_mul(K2);
        let h = (h.rotate_left(29) ^ word(2)).wrapping_mul(K1);
        h ^ (h >> 29)
    }

    /// The first slot to probe for a word whose key is `key`.
    #[inline(always)]
    fn slot(&self, key: u64) -> usize {
        key as usize & self.mask
    }

    /// The tag of a slot holding a word whose key is `key`.
    #[inline(always)]
    fn tag(key: u64) -> u32 {
        (key >> 32) as u32 | 1
    }

    /// Whether a word of `len` bytes starting with `first` and ending with `last`
    /// may be in the lexicon (`false`: it is not).
    #[inline(always)]
    fn may_hold(&self, first: u8, last: u8, len: usize) -> bool {
        len < 32 && self.shapes[usize::from(first & 31)][usize::from(last & 31)] >> len & 1 != 0
    }

    /// The cues of `lower`.
    fn cues(&self, lower: &[u8]) -> u16 {
        if lower.len() >= CUE_BUF {
            return 0;
        }
        self.cues_keyed(Lexicon::key(lower), lower)
    }

    /// The cues of `lower`, whose [`Lexicon::key`] is `key`.
    #[inline(always)]
    fn cues_keyed(&self, key: u64, lower: &[u8]) -> u16 {
        let tag = Lexicon::tag(key);
        let mut i = self.slot(key);
        loop {
            match self.tags[i] {
                0 => return 0,
                t if t == tag && self.entries[i].0.as_bytes() == lower => return self.entries[i].1,
                _ => i = (i + 1) & self.mask,
            }
        }
    }
}

/// Computes the dense cues of `sentence` in one pass, without allocating: what
/// training reads, and the two-pass scorer's half (scoring reads the cues and the
/// hashed words together, [`margin_one_pass`]).
///
/// Words are runs of alphanumerics joined by inner apostrophes (before a letter) and
/// by `,`/`.` between digits. ASCII bytes are classified without decoding; the
/// lower-cased word is built while scanning and looked up when it ends. The tests
/// check it against a plain char-by-char definition on real text.
fn dense_features(lexicon: &Lexicon, sentence: &str) -> [f32; N_DENSE] {
    let mut cues = 0u16;
    let (mut numbers, mut words, mut names) = (0u32, 0u32, 0u32);
    let (mut year, mut acronym) = (false, false);
    let money_symbol =
        sentence.contains('$') || sentence.contains('\u{20AC}') || sentence.contains('\u{A3}');
    let percent_symbol = sentence.contains('%');

    let bytes = sentence.as_bytes();
    let n = bytes.len();
    // The char at byte `i` (a char boundary) and its length.
    let char_at = |i: usize| -> (char, usize) {
        match bytes.get(i) {
            Some(&b) if b < 0x80 => (b as char, 1),
            Some(_) => sentence[i..]
                .chars()
                .next()
                .map_or(('\0', 1), |c| (c, c.len_utf8())),
            None => ('\0', 0),
        }
    };
    let mut lower = [0u8; 24];
    let mut i = 0;
    while i < n {
        let b = bytes[i];
        let (c, clen) = if b < 0x80 {
            if !b.is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            (b as char, 1)
        } else {
            let (c, l) = char_at(i);
            if !c.is_alphanumeric() {
                i += l;
                continue;
            }
            (c, l)
        };
        let start = i;
        let (mut len, mut ascii) = (0usize, true);
        let (mut digits, mut letters, mut upper) = (0u32, 0u32, 0u32);
        let mut push = |c: char| {
            let byte = if c.is_ascii() {
                let b = c as u8;
                if b.is_ascii_digit() {
                    digits += 1;
                } else if b.is_ascii_alphabetic() {
                    letters += 1;
                    if b.is_ascii_uppercase() {
                        upper += 1;
                    }
                }
                b.to_ascii_lowercase()
            } else {
                if c.is_alphabetic() {
                    letters += 1;
                    if c.is_uppercase() {
                        upper += 1;
                    }
                }
                if c == '\u{2019}' {
                    b'\''
                } else {
                    ascii = false;
                    return;
                }
            };
            if len < lower.len() {
                lower[len] = byte;
                len += 1;
            }
        };
        push(c);
        let mut j = i + clen;
        while j < n {
            // ASCII letters and digits always join: no decoding, no joiner test.
            if bytes[j].is_ascii_alphanumeric() {
                push(char::from(bytes[j]));
                j += 1;
                continue;
            }
            let (next, nlen) = char_at(j);
            let joins = if next.is_alphanumeric() {
                true
            } else if matches!(next, '\'' | '\u{2019}' | ',' | '.') {
                let (after, alen) = char_at(j + nlen);
                let after = (alen > 0).then_some(after);
                match next {
                    ',' | '.' => {
                        bytes[j - 1].is_ascii_digit() && after.is_some_and(|x| x.is_ascii_digit())
                    }
                    _ => after.is_some_and(char::is_alphabetic),
                }
            } else {
                false
            };
            if !joins {
                break;
            }
            push(next);
            j += nlen;
        }
        let first = words == 0;
        words += 1;
        if digits > 0 {
            numbers += 1;
            let word = &sentence[start..j];
            if word.len() == 4 && digits == 4 {
                year |= word
                    .parse::<u32>()
                    .is_ok_and(|y| (1900..=2099).contains(&y));
            }
        }
        if letters >= 2 && upper == letters && digits == 0 {
            acronym = true;
        }
        if c.is_uppercase() && !first && !(letters == 1 && c == 'I') {
            names += 1;
        }
        if ascii && len < lower.len() {
            cues |= lexicon.cues(&lower[..len]);
        }
        i = j;
    }
    dense_vector(&Scan {
        cues,
        numbers,
        words,
        names,
        year,
        acronym,
        money_symbol,
        percent_symbol,
        question: sentence.trim_end().ends_with('?'),
    })
}

/// ASCII byte classes of [`margin_one_pass`].
const ALNUM: u8 = 1;
const DIGIT: u8 = 1 << 1;
const LETTER: u8 = 1 << 2;
const UPPER: u8 = 1 << 3;

const fn ascii_classes() -> [u8; 128] {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b.is_ascii_digit() {
            ALNUM | DIGIT
        } else if b.is_ascii_uppercase() {
            ALNUM | LETTER | UPPER
        } else if b.is_ascii_lowercase() {
            ALNUM | LETTER
        } else {
            0
        };
        i += 1;
    }
    t
}

static ASCII_CLASS: [u8; 128] = ascii_classes();

/// For each byte, what it adds to a cue word's digit, letter and upper-case
/// counts, as three 21-bit fields of one integer (0 for a byte that is not an
/// ASCII letter or digit: one look-up, no test for ASCII first).
static COUNTS: [u64; 256] = ascii_counts();
const FIELD: u64 = (1 << 21) - 1;

const fn ascii_counts() -> [u64; 256] {
    let classes = ascii_classes();
    let mut t = [0u64; 256];
    let mut i = 0;
    while i < 128 {
        let class = classes[i];
        t[i] = (class & DIGIT != 0) as u64
            | ((class & LETTER != 0) as u64) << 21
            | ((class & UPPER != 0) as u64) << 42;
        i += 1;
    }
    t
}

/// U+2000–U+206F, the General Punctuation block (curly quotes, dashes, spaces),
/// which holds no letter or digit: news text is full of these characters, and
/// asking `char::is_alphanumeric` about one costs a search of its tables. The
/// tests check the whole block.
#[inline(always)]
fn is_general_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{206F}').contains(&c)
}

/// The cue word being read by [`margin_one_pass`] (a word of [`dense_features`]).
struct CueWord {
    open: bool,
    start: usize,
    first: char,
    /// The bytes pushed into [`lower`](Self::lower) so far (not capped).
    len: usize,
    ascii: bool,
    digits: u32,
    letters: u32,
    upper: u32,
    /// The word lower-cased in ASCII, with digits folded as the hasher folds them
    /// (no cue word holds a digit, so a word with one is no cue either way). While
    /// `len < CUE_BUF`: its first `len` bytes, zeros after them, as
    /// [`Lexicon::key_padded`] reads them. A longer word wraps around (byte `len` is
    /// stored at `len % CUE_WRITE`) and is never looked up.
    lower: [u8; CUE_WRITE],
}

impl CueWord {
    /// No word open.
    fn closed() -> CueWord {
        CueWord {
            open: false,
            start: 0,
            first: '\0',
            len: 0,
            ascii: true,
            digits: 0,
            letters: 0,
            upper: 0,
            lower: [0; CUE_WRITE],
        }
    }

    #[inline(always)]
    fn open(&mut self, start: usize, first: char) {
        *self = CueWord {
            open: true,
            start,
            first,
            ..CueWord::closed()
        };
    }

    /// One ASCII byte of the class `class`, already lower-cased.
    #[inline(always)]
    fn push_ascii(&mut self, class: u8, lower: u8) {
        self.digits += u32::from(class & DIGIT != 0);
        self.letters += u32::from(class & LETTER != 0);
        self.upper += u32::from(class & UPPER != 0);
        self.lower[self.len % CUE_WRITE] = lower;
        self.len += 1;
    }

    /// Any other character joined to the word (as `push` in [`dense_features`]).
    fn push_char(&mut self, c: char) {
        if c.is_ascii() {
            let b = c as u8;
            self.push_ascii(ASCII_CLASS[usize::from(b)], b.to_ascii_lowercase());
            return;
        }
        if !is_general_punctuation(c) && c.is_alphabetic() {
            self.letters += 1;
            if c.is_uppercase() {
                self.upper += 1;
            }
        }
        if c == '\u{2019}' {
            self.push_ascii(0, b'\'');
        } else {
            self.ascii = false;
        }
    }

    /// Counts the word, which ends at `end`, into `scan`.
    #[inline(always)]
    fn close(&mut self, lexicon: &Lexicon, sentence: &str, end: usize, scan: &mut Scan) {
        self.open = false;
        let first = scan.words == 0;
        scan.words += 1;
        if self.digits > 0 {
            scan.numbers += 1;
            if end - self.start == 4 && self.digits == 4 {
                scan.year |= sentence[self.start..end]
                    .parse::<u32>()
                    .is_ok_and(|y| (1900..=2099).contains(&y));
            }
        }
        if self.letters >= 2 && self.upper == self.letters && self.digits == 0 {
            scan.acronym = true;
        }
        let c = self.first;
        if c.is_uppercase() && !first && !(self.letters == 1 && c == 'I') {
            scan.names += 1;
        }
        if self.ascii
            && self.len < CUE_BUF
            && lexicon.may_hold(
                self.lower[0],
                self.lower[self.len.wrapping_sub(1) % CUE_WRITE],
                self.len,
            )
        {
            let Some(padded) = self.lower.first_chunk::<CUE_BUF>() else {
                unreachable!("CUE_WRITE >= CUE_BUF")
            };
            let key = Lexicon::key_padded(padded, self.len);
            scan.cues |= lexicon.cues_keyed(key, &self.lower[..self.len]);
        }
    }
}

/// The margin of `sentence` without its bias: the dense cues of [`dense_features`]
/// and the hashed words of the model's [`FeatureHasher`] read in one pass.
///
/// The two word definitions differ in one place: a cue word also joins `,`/`.`
/// between digits (`1,200` is one number), where the hasher ends a word and emits
/// the mark as a symbol. Everything else (runs of alphanumerics, `'`/`\u{2019}`
/// before a letter) is shared, so one cue word is one or more hashed words. The
/// tests check the result bit for bit against the two separate scans.
fn margin_one_pass(lexicon: &Lexicon, sentence: &str, mut dot: WordDot) -> f32 {
    let mut scan = Scan {
        cues: 0,
        numbers: 0,
        words: 0,
        names: 0,
        year: false,
        acronym: false,
        money_symbol: false,
        percent_symbol: false,
        question: sentence.trim_end().ends_with('?'),
    };
    let mut cue = CueWord::closed();
    // The hashed word being read (open when `Some`).
    let mut word: Option<u64> = None;
    let bytes = sentence.as_bytes();
    let n = bytes.len();
    // The char at byte `i` (a char boundary) and its length; `None` at the end.
    let char_at = |i: usize| -> Option<(char, usize)> {
        match bytes.get(i) {
            Some(&b) if b < 0x80 => Some((b as char, 1)),
            Some(_) => sentence[i..].chars().next().map(|c| (c, c.len_utf8())),
            None => None,
        }
    };
    let mut i = 0;
    while i < n {
        let b = bytes[i];
        if b == b' ' {
            // The common separator, as the general path below treats it: it ends
            // both words and is no token.
            if let Some(hash) = word.take() {
                dot.word(hash);
            }
            if cue.open {
                cue.close(lexicon, sentence, i, &mut scan);
            }
            i += 1;
            continue;
        }
        if b < 0x80 && ASCII_CLASS[usize::from(b)] & ALNUM != 0 {
            // A run of ASCII letters and digits: inside both kinds of word.
            let mut hash = word.unwrap_or(dot.word_seed());
            if !cue.open {
                cue.open(i, char::from(b));
            }
            // The counts are added packed ([`COUNTS`]) over at most 2^20 bytes at a
            // time, so that no field overflows into the next.
            // Every ASCII letter or digit folded (0 for other bytes, never read): what
            // the hash reads, and what the cue word keeps (see [`CueWord::lower`]).
            let folded = dot.word_bytes();
            let mut len = cue.len;
            loop {
                let limit = n.min(i + (1 << 20));
                let mut packed = 0u64;
                while i < limit {
                    let b = bytes[i];
                    let counts = COUNTS[usize::from(b)];
                    if counts == 0 {
                        break;
                    }
                    packed += counts;
                    let f = folded[usize::from(b)];
                    hash = dot.step_folded(hash, f);
                    cue.lower[len % CUE_WRITE] = f;
                    len += 1;
                    i += 1;
                }
                cue.digits += (packed & FIELD) as u32;
                cue.letters += ((packed >> 21) & FIELD) as u32;
                cue.upper += (packed >> 42) as u32;
                if i < limit || limit == n {
                    break;
                }
            }
            cue.len = len;
            if bytes.get(i) == Some(&b' ') {
                // A space after the run (most words): what the space path does on
                // the next turn, done here.
                dot.word(hash);
                word = None;
                cue.close(lexicon, sentence, i, &mut scan);
                i += 1;
                continue;
            }
            word = Some(hash);
            continue;
        }
        let Some((c, len)) = char_at(i) else { break };
        if !c.is_ascii() && !is_general_punctuation(c) && c.is_alphanumeric() {
            let mut hash = word.unwrap_or(dot.word_seed());
            for l in c.to_lowercase() {
                hash = dot.step(hash, l);
            }
            word = Some(hash);
            if !cue.open {
                cue.open(i, c);
            }
            cue.push_char(c);
            i += len;
            continue;
        }
        // Both words are open here or neither: only a digit after `,`/`.` opens a
        // hashed word while a cue word goes on, and that digit was read above.
        let apostrophe = (c == '\'' || c == '\u{2019}')
            && word.is_some()
            && char_at(i + len).is_some_and(|(next, _)| next.is_alphabetic());
        if apostrophe {
            word = word.map(|hash| dot.step(hash, c));
            cue.push_char(c);
            i += len;
            continue;
        }
        if let Some(hash) = word.take() {
            dot.word(hash);
        }
        dot.symbol(c);
        let joins_number = matches!(c, ',' | '.')
            && cue.open
            && bytes[i - 1].is_ascii_digit()
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        if joins_number {
            cue.push_char(c);
        } else {
            if cue.open {
                cue.close(lexicon, sentence, i, &mut scan);
            }
            match c {
                '$' | '\u{20AC}' | '\u{A3}' => scan.money_symbol = true,
                '%' => scan.percent_symbol = true,
                _ => {}
            }
        }
        i += len;
    }
    if let Some(hash) = word {
        dot.word(hash);
    }
    if cue.open {
        cue.close(lexicon, sentence, n, &mut scan);
    }
    dot.finish(&dense_vector(&scan))
}

/// The char-by-char definition [`dense_features`] must agree with (kept for the tests).
#[cfg(test)]
fn dense_features_reference(lexicon: &Lexicon, sentence: &str) -> [f32; N_DENSE] {
    let mut cues = 0u16;
    let (mut numbers, mut words, mut names) = (0u32, 0u32, 0u32);
    let (mut year, mut acronym) = (false, false);
    let money_symbol = sentence.contains(['$', '€', '£']);
    let percent_symbol = sentence.contains('%');

    let mut lower = [0u8; 24];
    let bytes = sentence.as_bytes();
    let mut chars = sentence.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        // One word: alphanumerics, inner apostrophes, and `,`/`.` between digits.
        let mut end = start + c.len_utf8();
        let (mut len, mut ascii) = (0usize, true);
        let (mut digits, mut letters, mut upper) = (0u32, 0u32, 0u32);
        let mut push = |c: char, len: &mut usize, ascii: &mut bool| {
            if c.is_ascii_digit() {
                digits += 1;
            } else if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    upper += 1;
                }
            }
            let byte = match c {
                '\u{2019}' => b'\'',
                c if c.is_ascii() => c.to_ascii_lowercase() as u8,
                _ => {
                    *ascii = false;
                    return;
                }
            };
            if *len < lower.len() {
                lower[*len] = byte;
                *len += 1;
            }
        };
        push(c, &mut len, &mut ascii);
        while let Some(&(i, n)) = chars.peek() {
            let joins = if n.is_alphanumeric() {
                true
            } else if matches!(n, '\'' | '\u{2019}' | ',' | '.') {
                let next = sentence[i + n.len_utf8()..].chars().next();
                let prev_digit = bytes.get(i.wrapping_sub(1)).is_some_and(u8::is_ascii_digit);
                match n {
                    ',' | '.' => prev_digit && next.is_some_and(|x| x.is_ascii_digit()),
                    _ => next.is_some_and(char::is_alphabetic),
                }
            } else {
                false
            };
            if !joins {
                break;
            }
            push(n, &mut len, &mut ascii);
            end = i + n.len_utf8();
            chars.next();
        }
        let first = words == 0;
        words += 1;
        if digits > 0 {
            numbers += 1;
            let word = &sentence[start..end];
            if word.len() == 4 && digits == 4 {
                year |= word
                    .parse::<u32>()
                    .is_ok_and(|y| (1900..=2099).contains(&y));
            }
        }
        if letters >= 2 && upper == letters && digits == 0 {
            acronym = true;
        }
        if c.is_uppercase() && !first && !(letters == 1 && c == 'I') {
            names += 1;
        }
        if ascii && len < lower.len() {
            cues |= lexicon.cues(&lower[..len]);
        }
    }
    dense_vector(&Scan {
        cues,
        numbers,
        words,
        names,
        year,
        acronym,
        money_symbol,
        percent_symbol,
        question: sentence.trim_end().ends_with('?'),
    })
}

/// What one scan of a sentence counted, before it becomes the dense vector.
struct Scan {
    cues: u16,
    numbers: u32,
    words: u32,
    names: u32,
    year: bool,
    acronym: bool,
    money_symbol: bool,
    percent_symbol: bool,
    question: bool,
}

/// The dense features of a scan, in [`DENSE_FEATURES`] order.
fn dense_vector(scan: &Scan) -> [f32; N_DENSE] {
    let &Scan {
        cues,
        numbers,
        words,
        names,
        year,
        acronym,
        money_symbol,
        percent_symbol,
        question,
    } = scan;
    let money_symbol = money_symbol || cues & MONEY != 0;
    let flag = |b: bool| if b { 1.0 } else { 0.0 };
    let has = |cue: u16| flag(cues & cue != 0);
    [
        flag(numbers > 0),
        (1.0 + numbers as f32).ln(),
        flag(year),
        flag(percent_symbol || cues & PERCENT != 0),
        flag(money_symbol),
        has(QUANTITY),
        has(CASUALTY),
        has(REPORTING),
        has(COMPARATIVE),
        has(ORGANISATION),
        flag(acronym),
        (1.0 + names as f32).ln(),
        has(TIME),
        has(FIRST_PERSON),
        has(OPINION),
        has(MODAL),
        flag(question),
        (1.0 + words as f32).ln(),
        flag(words <= 4),
    ]
}

/// The shipped hashing configuration: 2^16 buckets, words and bigrams, digits
/// folded, punctuation as tokens, no character n-grams.
///
/// Character 2–5-grams were measured (5-fold grouped CV on ClaimBuster + CLEF-2019,
/// see docs/eval/checkworthy.md): they add about one point of F1 (0.605 vs 0.590)
/// and two of average precision, but make up four fifths of the features and were
/// the single largest cost of `analyze` — every sentence of every article is
/// scored — so the shipped model does without them.
pub fn default_hasher_config() -> HasherConfig {
    HasherConfig {
        bits: 16,
        word_unigrams: true,
        word_bigrams: true,
        char_min: 0,
        char_max: 0,
        fold_digits: true,
        symbols: true,
        word_weight: 1.0,
        char_weight: 0.5,
    }
}

/// How [`train`] fits a model. `TrainConfig::default()` is the shipped configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainConfig {
    /// What the hasher extracts.
    pub hasher: HasherConfig,
    /// The optimiser.
    pub sgd: SgdConfig,
    /// Folds of the out-of-fold predictions that fit the calibrator and pick the
    /// operating threshold (at least 2).
    pub calibration_folds: usize,
    /// Seed of the fold assignment.
    pub seed: u64,
    /// How weights are stored; the trained model already behaves as if loaded.
    pub encoding: WeightEncoding,
    /// Scale of the dense cues during training, relative to the hashed blocks (whose
    /// norms are 1 and `hasher.char_weight`). 0 trains without them. The scale is
    /// folded into the weights afterwards, so scoring uses the raw cue values.
    pub dense_scale: f32,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig {
            hasher: default_hasher_config(),
            sgd: SgdConfig {
                epochs: 8,
                learning_rate: 0.05,
                l2: 1e-3,
                class_weight: ClassWeight::Balanced,
                seed: 0x00c0_ffee,
            },
            calibration_folds: 5,
            seed: 2019,
            encoding: WeightEncoding::Q8,
            dense_scale: 1.0,
        }
    }
}

pub use crate::model_load::{ModelError, ModelProblem};

/// A trained check-worthiness model. Immutable: share one between threads.
#[derive(Clone, Debug)]
pub struct CheckworthyModel {
    file: ModelFile,
    lexicon: Lexicon,
}

impl CheckworthyModel {
    /// Loads a model written by [`CheckworthyModel::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<CheckworthyModel, ModelError> {
        let file = crate::model_load::load_one_head(
            bytes,
            MODEL_KIND,
            &DENSE_FEATURES,
            "check-worthiness model",
        )?;
        Ok(CheckworthyModel {
            file,
            lexicon: Lexicon::new(),
        })
    }

    /// The model file bytes (8-bit weights unless trained otherwise).
    pub fn to_bytes(&self) -> Vec<u8> {
        let encoding = match self.file.meta("encoding") {
            Some("f32") => WeightEncoding::F32,
            _ => WeightEncoding::Q8,
        };
        self.file.to_bytes(encoding)
    }

    fn head(&self) -> &Head {
        // `from_bytes` guarantees exactly one head.
        &self.file.heads[0]
    }

    /// The log-odds before calibration (useful for ranking ties and debugging).
    pub fn margin(&self, sentence: &str) -> f32 {
        let head = self.head();
        let weights = &head.model.weights;
        match WordDot::new(&self.file.hasher, weights) {
            Some(dot) => margin_one_pass(&self.lexicon, sentence, dot) + head.model.bias,
            // A model with character n-grams: two scans.
            None => self.margin_two_pass(sentence),
        }
    }

    /// [`margin`](Self::margin) as the dense scan and [`FeatureHasher::dot`], one
    /// after the other: the definition the one-pass scorer is tested against.
    fn margin_two_pass(&self, sentence: &str) -> f32 {
        let dense = dense_features(&self.lexicon, sentence);
        let head = self.head();
        self.file.hasher.dot(sentence, &dense, &head.model.weights) + head.model.bias
    }

    /// The calibrated probability that `sentence` is a check-worthy factual claim.
    pub fn score(&self, sentence: &str) -> f32 {
        self.head().calibrator.apply(self.margin(sentence))
    }

    /// The operating threshold: scores at or above it count as check-worthy. Chosen
    /// at training time as the best-F1 threshold of out-of-fold predictions.
    pub fn threshold(&self) -> f32 {
        self.head().threshold
    }

    /// `score(sentence) >= threshold()`.
    pub fn is_checkworthy(&self, sentence: &str) -> bool {
        self.score(sentence) >= self.threshold()
    }

    /// Provenance recorded at training time (data, counts, threshold origin).
    pub fn metadata(&self) -> &[(String, String)] {
        &self.file.metadata
    }
}

/// Reads the shipped training data: ClaimBuster (both files) then the CLEF-2019
/// training file.
pub fn load_training_data(
    claimbuster_dir: &Path,
    clef_dir: &Path,
) -> Result<Vec<CheckworthyExample>, DatasetError> {
    let mut examples = crosscheck_datasets::load_claimbuster(claimbuster_dir)?;
    examples.extend(crosscheck_datasets::load_clef2019(clef_dir)?);
    Ok(examples)
}

/// Trains the shipped model from the two shared-data folders with
/// `TrainConfig::default()`. `crosscheck train checkworthy` is this function
/// followed by `to_bytes`.
pub fn train_from_dirs(
    claimbuster_dir: &Path,
    clef_dir: &Path,
) -> Result<CheckworthyModel, DatasetError> {
    let examples = load_training_data(claimbuster_dir, clef_dir)?;
    Ok(train(&examples, &TrainConfig::default()))
}

/// Featurised examples, computed once and shared by every fold.
struct Prepared {
    hasher: FeatureHasher,
    xs: Vec<SparseVector>,
    ys: Vec<bool>,
    groups: Vec<u32>,
    dense_scale: f32,
}

fn prepare(examples: &[CheckworthyExample], config: &TrainConfig) -> Prepared {
    let hasher = FeatureHasher::new(
        config.hasher.clone(),
        DENSE_FEATURES.iter().map(|s| s.to_string()).collect(),
    )
    .unwrap_or_else(|_| {
        // An invalid custom configuration falls back to the shipped one rather than
        // failing the whole training run.
        FeatureHasher::new(
            default_hasher_config(),
            DENSE_FEATURES.iter().map(|s| s.to_string()).collect(),
        )
        .expect("the default configuration is valid")
    });
    let lexicon = Lexicon::new();
    let scale = if config.dense_scale.is_finite() {
        config.dense_scale
    } else {
        1.0
    };
    let xs = examples
        .iter()
        .map(|e| {
            let mut v = SparseVector::new();
            let dense = dense_features(&lexicon, &e.text).map(|d| d * scale);
            hasher.featurize(&e.text, &dense, &mut v);
            v.compact();
            v
        })
        .collect();
    Prepared {
        hasher,
        xs,
        ys: examples.iter().map(|e| e.label).collect(),
        groups: cv_groups(examples),
        dense_scale: scale,
    }
}

/// Cross-validation groups: one per transcript (ClaimBuster: per id block), and
/// groups that share at least `MIN_SHARED` distinct sentences of six words or more
/// merged — the 2016 presidential debates are in both datasets, and their
/// sentences must not sit on both sides of a split.
pub fn cv_groups(examples: &[CheckworthyExample]) -> Vec<u32> {
    const MIN_SHARED: usize = 10;
    let mut names: Vec<&str> = examples.iter().map(|e| e.group.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    let id = |e: &CheckworthyExample| names.binary_search(&e.group.as_str()).unwrap_or(0);
    let mut parent: Vec<usize> = (0..names.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }

    // Normalised long sentence → the groups it occurs in.
    let mut seen: Vec<(String, usize)> = examples
        .iter()
        .filter_map(|e| {
            let words: Vec<String> = e
                .text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            (words.len() >= 6).then(|| (words.join(" "), id(e)))
        })
        .collect();
    seen.sort_unstable();
    seen.dedup();
    let mut shared: Vec<(usize, usize)> = Vec::new();
    for run in seen.chunk_by(|a, b| a.0 == b.0) {
        for (i, a) in run.iter().enumerate() {
            for b in &run[i + 1..] {
                shared.push((a.1.min(b.1), a.1.max(b.1)));
            }
        }
    }
    shared.sort_unstable();
    for pair in shared.chunk_by(|a, b| a == b) {
        if pair.len() >= MIN_SHARED {
            let (a, b) = (root(&mut parent, pair[0].0), root(&mut parent, pair[0].1));
            // The smaller index becomes the root, so the result does not depend on
            // the order of the unions.
            let (lo, hi) = (a.min(b), a.max(b));
            parent[hi] = lo;
        }
    }
    examples
        .iter()
        .map(|e| root(&mut parent, id(e)) as u32)
        .collect()
}

fn train_head(p: &Prepared, idx: &[usize], config: &TrainConfig) -> LogisticRegression {
    let xs: Vec<SparseVector> = idx.iter().map(|&i| p.xs[i].clone()).collect();
    let ys: Vec<bool> = idx.iter().map(|&i| p.ys[i]).collect();
    let mut model = train_logistic(p.hasher.dim(), &xs, &ys, None, &config.sgd);
    // Fold the training-time dense scale into the weights (so the model scores raw
    // cue values), then quantise: the result is exactly what loading gives.
    for w in model.weights.iter_mut().take(N_DENSE) {
        *w *= p.dense_scale;
    }
    model.weights = round_trip_weights(&model.weights, config.encoding);
    model
}

/// The margin of prepared example `i` under a model for raw cue values.
fn prepared_margin(model: &LogisticRegression, p: &Prepared, i: usize) -> f32 {
    let weights = &model.weights;
    let dot: f32 = p.xs[i]
        .entries()
        .iter()
        .map(|&(j, v)| {
            let w = weights.get(j as usize).copied().unwrap_or(0.0);
            // Prepared cues hold `value · scale` (and are absent when the scale is 0).
            if (j as usize) < N_DENSE && p.dense_scale != 0.0 {
                w * v / p.dense_scale
            } else {
                w * v
            }
        })
        .sum();
    dot + model.bias
}

/// Trains on `idx` (indices into `p`) exactly as [`train`] does on all examples:
/// inner grouped folds → out-of-fold margins → Platt calibration and operating
/// threshold → final fit on all of `idx`.
fn train_prepared(p: &Prepared, idx: &[usize], config: &TrainConfig) -> (Head, usize) {
    let k = config.calibration_folds.max(2);
    let groups: Vec<u32> = idx.iter().map(|&i| p.groups[i]).collect();
    let labels: Vec<u32> = idx.iter().map(|&i| u32::from(p.ys[i])).collect();
    let folds = grouped_kfold(&groups, &labels, k, config.seed);
    // Out-of-fold margins and their labels. With a single group (or fewer groups
    // than folds) some folds are empty and their examples get no held-out margin.
    let (mut oof, mut oof_labels) = (Vec::new(), Vec::new());
    for f in 0..k {
        let (train_pos, test_pos) = folds.split(f);
        if test_pos.is_empty() || train_pos.is_empty() {
            continue;
        }
        let train_idx: Vec<usize> = train_pos.iter().map(|&j| idx[j]).collect();
        let model = train_head(p, &train_idx, config);
        for &j in &test_pos {
            oof.push(prepared_margin(&model, p, idx[j]));
            oof_labels.push(p.ys[idx[j]]);
        }
    }
    // Without held-out margins there is nothing to calibrate on: the model's own
    // probabilities and 0.5 are the honest fallback.
    let calibrator = Calibrator::fit_platt(&oof, &oof_labels);
    let probs: Vec<f32> = oof.iter().map(|&m| calibrator.apply(m)).collect();
    let threshold = best_f1_threshold(&probs, &oof_labels).map_or(0.5, |(t, _)| t);
    let model = train_head(p, idx, config);
    let positives = idx.iter().filter(|&&i| p.ys[i]).count();
    (
        Head {
            name: MODEL_KIND.to_string(),
            model,
            calibrator,
            threshold,
        },
        positives,
    )
}

/// Trains a model on `examples`. Deterministic: the same examples (in the same
/// order) and configuration give the same bytes. Never panics; without positives or
/// negatives the model is valid but uninformative.
pub fn train(examples: &[CheckworthyExample], config: &TrainConfig) -> CheckworthyModel {
    let p = prepare(examples, config);
    let all: Vec<usize> = (0..examples.len()).collect();
    let (head, positives) = train_prepared(&p, &all, config);
    let mut by_source: Vec<(CheckworthySource, usize, usize)> = Vec::new();
    for e in examples {
        match by_source.iter_mut().find(|s| s.0 == e.source) {
            Some(s) => {
                s.1 += 1;
                s.2 += usize::from(e.label);
            }
            None => by_source.push((e.source, 1, usize::from(e.label))),
        }
    }
    let trained_on = by_source
        .iter()
        .map(|(s, n, pos)| format!("{} {n} sentences ({pos} positive)", s.name()))
        .collect::<Vec<_>>()
        .join(", ");
    let metadata = vec![
        ("trained_on".to_string(), trained_on),
        ("examples".to_string(), examples.len().to_string()),
        ("positives".to_string(), positives.to_string()),
        (
            "calibration".to_string(),
            format!(
                "Platt scaling on {}-fold grouped out-of-fold margins",
                config.calibration_folds.max(2)
            ),
        ),
        (
            "threshold".to_string(),
            format!(
                "{:.4}: best F1 of the same out-of-fold predictions",
                head.threshold
            ),
        ),
        (
            "encoding".to_string(),
            match config.encoding {
                WeightEncoding::F32 => "f32",
                WeightEncoding::Q8 => "q8",
            }
            .to_string(),
        ),
    ];
    let file = ModelFile {
        kind: MODEL_KIND.to_string(),
        metadata,
        hasher: p.hasher,
        heads: vec![head],
    };
    CheckworthyModel {
        file,
        lexicon: Lexicon::new(),
    }
}

/// One scored example: the calibrated probability and the threshold of the model
/// that produced it (in cross-validation each fold has its own).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scored {
    /// Calibrated probability.
    pub score: f32,
    /// The scoring model's operating threshold.
    pub threshold: f32,
}

/// The figures of an evaluation or cross-validation.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckworthyMetrics {
    /// Number of sentences.
    pub examples: usize,
    /// Number of check-worthy sentences.
    pub positives: usize,
    /// `Some(k)` for k-fold cross-validation.
    pub folds: Option<usize>,
    /// Decisions at probability 0.5.
    pub at_half: BinaryMetrics,
    /// Decisions at the model's operating threshold (chosen at training time).
    pub at_operating: BinaryMetrics,
    /// The operating threshold (mean over folds in cross-validation).
    pub operating_threshold: f32,
    /// The threshold with the best F1 *on this data* and the decisions there: an
    /// optimistic ceiling, not a held-out figure.
    pub best: Option<(f32, BinaryMetrics)>,
    /// Area under the ROC curve.
    pub roc_auc: Option<f64>,
    /// Average precision of the ranking of all sentences together.
    pub average_precision: f64,
    /// Mean average precision over transcripts (CLEF-2019 rows only), as CheckThat!
    /// scores Task 1; `None` without such rows.
    pub map: Option<f64>,
    /// Number of transcripts in `map`.
    pub transcripts: usize,
    /// Expected calibration error, 10 bins.
    pub ece: f64,
}

impl fmt::Display for CheckworthyMetrics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let opt = |v: Option<f64>| v.map_or("n/a".to_string(), |v| format!("{v:.3}"));
        match self.folds {
            Some(k) => writeln!(
                f,
                "{}-fold cross-validation, {} sentences, {} check-worthy",
                k, self.examples, self.positives
            )?,
            None => writeln!(
                f,
                "{} sentences, {} check-worthy",
                self.examples, self.positives
            )?,
        }
        writeln!(f, "  at 0.5:                {}", self.at_half)?;
        writeln!(
            f,
            "  at operating {:.3}:    {}",
            self.operating_threshold, self.at_operating
        )?;
        if let Some((t, m)) = &self.best {
            writeln!(f, "  best on this data {t:.3}: {m}  (optimistic)")?;
        }
        writeln!(
            f,
            "  ROC AUC {}  AP {:.3}  MAP {}{}  ECE {:.3}",
            opt(self.roc_auc),
            self.average_precision,
            opt(self.map),
            if self.map.is_some() {
                format!(" ({} transcripts)", self.transcripts)
            } else {
                String::new()
            },
            self.ece
        )
    }
}

/// Scores every example with `model`.
pub fn score_examples(model: &CheckworthyModel, examples: &[CheckworthyExample]) -> Vec<Scored> {
    let threshold = model.threshold();
    examples
        .iter()
        .map(|e| Scored {
            score: model.score(&e.text),
            threshold,
        })
        .collect()
}

/// Metrics of `scored` (aligned with `examples`); `folds` is recorded as given.
pub fn metrics_from_scores(
    examples: &[CheckworthyExample],
    scored: &[Scored],
    folds: Option<usize>,
) -> CheckworthyMetrics {
    let n = examples.len().min(scored.len());
    let (examples, scored) = (&examples[..n], &scored[..n]);
    let scores: Vec<f32> = scored.iter().map(|s| s.score).collect();
    let labels: Vec<bool> = examples.iter().map(|e| e.label).collect();
    let mut at_operating = BinaryMetrics::default();
    for (s, &y) in scored.iter().zip(&labels) {
        match (s.score >= s.threshold, y) {
            (true, true) => at_operating.tp += 1,
            (true, false) => at_operating.fp += 1,
            (false, false) => at_operating.tn += 1,
            (false, true) => at_operating.fn_ += 1,
        }
    }
    let operating_threshold = if n == 0 {
        0.5
    } else {
        scored.iter().map(|s| s.threshold).sum::<f32>() / n as f32
    };

    // MAP over CLEF transcripts, in file order within each (ties keep line order).
    let mut transcript_names: Vec<&str> = examples
        .iter()
        .filter(|e| e.source.groups_are_transcripts())
        .map(|e| e.group.as_str())
        .collect();
    transcript_names.sort_unstable();
    transcript_names.dedup();
    let (mut t_scores, mut t_labels, mut t_groups) = (Vec::new(), Vec::new(), Vec::new());
    for (e, s) in examples.iter().zip(&scores) {
        if e.source.groups_are_transcripts() {
            if let Ok(g) = transcript_names.binary_search(&e.group.as_str()) {
                t_scores.push(*s);
                t_labels.push(e.label);
                t_groups.push(g as u32);
            }
        }
    }
    let map = mean_average_precision(&t_scores, &t_labels, &t_groups);

    CheckworthyMetrics {
        examples: n,
        positives: labels.iter().filter(|&&y| y).count(),
        folds,
        at_half: BinaryMetrics::at_threshold(&scores, &labels, 0.5),
        at_operating,
        operating_threshold,
        best: best_f1_threshold(&scores, &labels),
        roc_auc: roc_auc(&scores, &labels),
        average_precision: average_precision(&scores, &labels),
        map,
        transcripts: transcript_names.len(),
        ece: expected_calibration_error(&scores, &labels, 10),
    }
}

/// Scores `examples` with `model` and computes the metrics (`crosscheck eval
/// checkworthy --data FILE`).
pub fn evaluate(model: &CheckworthyModel, examples: &[CheckworthyExample]) -> CheckworthyMetrics {
    metrics_from_scores(examples, &score_examples(model, examples), None)
}

/// Out-of-fold scores of grouped k-fold cross-validation: each fold is scored by a
/// model trained by the full [`train`] procedure (inner calibration folds included)
/// on the other folds. Groups ([`cv_groups`]) never straddle folds.
pub fn cross_validate_scores(
    examples: &[CheckworthyExample],
    config: &TrainConfig,
    k: usize,
) -> Vec<Scored> {
    let k = k.max(2);
    let p = prepare(examples, config);
    let labels: Vec<u32> = p.ys.iter().map(|&y| u32::from(y)).collect();
    let folds = grouped_kfold(&p.groups, &labels, k, config.seed ^ 0x0f01_d5ee_d000_0000);
    let mut out = vec![
        Scored {
            score: 0.5,
            threshold: 0.5,
        };
        examples.len()
    ];
    for f in 0..k {
        let (train_idx, test_idx) = folds.split(f);
        if train_idx.is_empty() || test_idx.is_empty() {
            continue;
        }
        let (head, _) = train_prepared(&p, &train_idx, config);
        let model = CheckworthyModel {
            file: ModelFile {
                kind: MODEL_KIND.to_string(),
                metadata: Vec::new(),
                hasher: p.hasher.clone(),
                heads: vec![head],
            },
            lexicon: Lexicon::new(),
        };
        let head = model.head();
        for &i in &test_idx {
            // Scored from the text, exactly as the shipped model scores.
            let margin = model.margin(&examples[i].text);
            out[i] = Scored {
                score: head.calibrator.apply(margin),
                threshold: head.threshold,
            };
        }
    }
    out
}

/// Grouped k-fold cross-validation (`crosscheck eval checkworthy --cv K`).
pub fn cross_validate(
    examples: &[CheckworthyExample],
    config: &TrainConfig,
    k: usize,
) -> CheckworthyMetrics {
    let scored = cross_validate_scores(examples, config, k);
    metrics_from_scores(examples, &scored, Some(k.max(2)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_learn::FormatError;

    fn example(text: &str, label: bool, group: &str) -> CheckworthyExample {
        CheckworthyExample {
            text: text.to_string(),
            label,
            source: CheckworthySource::Clef2019,
            group: group.to_string(),
            id: String::new(),
            speaker: None,
            line: 0,
        }
    }

    fn dense(text: &str) -> [f32; N_DENSE] {
        dense_features(&Lexicon::new(), text)
    }

    fn feature(values: &[f32; N_DENSE], name: &str) -> f32 {
        let i = DENSE_FEATURES.iter().position(|n| *n == name).unwrap();
        values[i]
    }

    /// `extra` and every sentence of the sample corpus: the texts the fast paths are
    /// compared with their definitions on.
    fn with_corpus_sentences(extra: &[&str]) -> Vec<String> {
        let mut texts: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
        let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/corpus");
        for entry in std::fs::read_dir(corpus).expect("examples/corpus") {
            let text = std::fs::read_to_string(entry.expect("entry").path()).unwrap_or_default();
            texts.extend(text.split_inclusive(['.', '\n']).map(str::to_string));
        }
        texts
    }

    #[test]
    fn the_fast_dense_scan_agrees_with_its_definition_on_real_text() {
        let lexicon = Lexicon::new();
        let texts = with_corpus_sentences(&[
            "Sh\u{2019}ite militias' \u{2019}s 1,200.5 U.S. $5 \u{20AC}3 \u{A3}2 50% I told O'Brien's men.",
            "It\u{2019}s 2016. 1.2.3 ,5 5, 'tis rock'n'roll don'\u{e9}t \u{c9}COLE caf\u{e9} \u{0661}\u{0662} \u{2160}",
            "FORTY-THREE KILLED?! 2,000,000 people \u{201c}fled\u{201d} \u{2014} reportedly.",
            "trailing apostrophe' and comma, 7,",
            "",
        ]);
        assert!(texts.len() > 200, "{} sentences", texts.len());
        for t in &texts {
            let fast = dense_features(&lexicon, t);
            let reference = dense_features_reference(&lexicon, t);
            assert_eq!(fast.map(f32::to_bits), reference.map(f32::to_bits), "{t:?}");
        }
    }

    #[test]
    fn the_lexicon_filter_passes_every_cue_word() {
        let lexicon = Lexicon::new();
        for &(_, list) in CUES {
            for w in list {
                let (first, last) = (w.as_bytes()[0], w.as_bytes()[w.len() - 1]);
                assert!(lexicon.may_hold(first, last, w.len()), "{w}");
                assert_ne!(lexicon.cues(w.as_bytes()), 0, "{w}");
            }
        }
    }

    #[test]
    fn no_cue_word_holds_a_digit_or_is_too_long() {
        // The one-pass scan keeps a word's digits folded ([`CueWord::lower`]), and
        // looks up only words shorter than [`CUE_BUF`].
        for &(_, list) in CUES {
            for w in list {
                assert!(!w.bytes().any(|b| b.is_ascii_digit()), "{w}");
                assert!(w.len() < CUE_BUF, "{w}");
            }
        }
    }

    #[test]
    fn general_punctuation_holds_no_letter_or_digit() {
        for c in '\u{2000}'..='\u{206F}' {
            assert!(is_general_punctuation(c));
            assert!(!c.is_alphanumeric() && !c.is_alphabetic(), "{c:?}");
        }
        assert!(!is_general_punctuation('\u{1FFF}') && !is_general_punctuation('\u{2070}'));
    }

    #[test]
    fn the_one_pass_margin_is_the_two_scans_bit_for_bit() {
        let mut texts = with_corpus_sentences(&[
            "Sh\u{2019}ite militias' \u{2019}s 1,200.5 U.S. $5 \u{20AC}3 \u{A3}2 50% I told O'Brien's men.",
            "It\u{2019}s 2016. 1.2.3 ,5 5, 'tis rock'n'roll don'\u{e9}t \u{c9}COLE caf\u{e9} \u{0661}\u{0662} \u{2160}",
            "FORTY-THREE KILLED?! 2,000,000 people \u{201c}fled\u{201d} \u{2014} reportedly.",
            "trailing apostrophe' and comma, 7, 1,\u{0661} 3.x 9'9 a'\u{c9} \u{0130}stanbul 1999 2100",
            "\u{2018}x\u{2019} \t\x0b\r\n\u{a0}\u{1F600}!? averyveryverylongwordindeedmorethan24 ",
            // Words around the cue buffer's lengths (23, 24, 32, 33 bytes), then cues.
            "abcdefghijklmnopqrstuvw killed abcdefghijklmnopqrstuvwx said \
             saidsaidsaidsaidsaidsaidsaidsaid will saidsaidsaidsaidsaidsaidsaidsaid1 we",
            "",
        ]);
        // Words longer than the scorer's 2^20-byte steps.
        texts.push(format!("The {} said", "AB".repeat(3 << 19)));
        texts.push(format!("Some {}x1 killed", "a1B".repeat(1 << 19)));
        let mut models = Vec::new();
        // Small tables are added at once; a table of 2^18 weights is prefetched.
        for (symbols, fold_digits, bits) in [
            (true, true, 12),
            (false, true, 12),
            (true, false, 12),
            (true, true, 18),
        ] {
            let mut config = small_config();
            config.hasher.symbols = symbols;
            config.hasher.fold_digits = fold_digits;
            config.hasher.bits = bits;
            models.push(train(&toy_corpus(), &config));
        }
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../models/checkworthy.bin");
        if let Ok(bytes) = std::fs::read(path) {
            models.push(CheckworthyModel::from_bytes(&bytes).unwrap());
        }
        for model in &models {
            for t in &texts {
                assert_eq!(
                    model.margin(t).to_bits(),
                    model.margin_two_pass(t).to_bits(),
                    "{t:?}"
                );
            }
        }
    }

    #[test]
    fn dense_cues_on_a_news_sentence() {
        let d = dense(
            "At least 1,200 civilians were killed in Aleppo in March 2016, the Syrian \
             Observatory for Human Rights said, according to AFP.",
        );
        for cue in [
            "number",
            "year",
            "casualty",
            "reporting",
            "time",
            "acronym",
            "comparative",
        ] {
            assert_eq!(feature(&d, cue), 1.0, "{cue}");
        }
        // "1,200" is one number; "2016" another.
        assert!((feature(&d, "numbers_log") - 3f32.ln()).abs() < 1e-6);
        assert!(feature(&d, "names_log") >= 5f32.ln());
        assert_eq!(feature(&d, "first_person"), 0.0);
        assert_eq!(feature(&d, "question"), 0.0);
    }

    #[test]
    fn dense_cues_on_debate_chatter() {
        let d = dense("I think we will do great, don't you?");
        for cue in ["first_person", "opinion", "modal", "question"] {
            assert_eq!(feature(&d, cue), 1.0, "{cue}");
        }
        assert_eq!(feature(&d, "number"), 0.0);
        assert_eq!(feature(&dense("Thank you."), "short"), 1.0);
        let money = dense("The deficit rose by $1.2 trillion, or 5%.");
        assert_eq!(feature(&money, "money"), 1.0);
        assert_eq!(feature(&money, "percent"), 1.0);
        assert_eq!(feature(&money, "quantity_word"), 1.0);
    }

    #[test]
    fn dense_cues_never_panic_on_odd_text() {
        for text in [
            "",
            "’",
            "1,",
            ",1",
            "9.",
            "Ünïcödé 12,5 ’s",
            "$$$",
            "a\u{301}b",
            "ＡＢＣ",
        ] {
            let d = dense(text);
            assert!(d.iter().all(|v| v.is_finite()), "{text}");
        }
    }

    #[test]
    fn groups_that_share_many_sentences_are_merged() {
        let mut ex = Vec::new();
        for i in 0..12 {
            let s = format!("We lost {i} thousand manufacturing jobs in that one state");
            ex.push(example(&s, true, "clef:1pres"));
            ex.push(example(&s, true, "claimbuster:29"));
        }
        ex.push(example(
            "Thank you all for coming tonight to this debate",
            false,
            "other",
        ));
        ex.push(example(
            "Thank you all for coming tonight to this debate",
            false,
            "clef:1pres",
        ));
        let g = cv_groups(&ex);
        assert_eq!(g[0], g[1]);
        // One shared sentence is not enough to merge.
        assert_ne!(g[24], g[25]);
    }

    /// A tiny synthetic corpus in the two registers: claims with figures and
    /// sources, and debate chatter.
    fn toy_corpus() -> Vec<CheckworthyExample> {
        let claims = [
            "Unemployment fell to 4 percent last year, the Labor Department reported.",
            "The strike killed 23 civilians, including 9 children, the ministry said.",
            "We have lost 70,000 factories since 2001.",
            "The deficit rose by $400 billion in 2015.",
            "Crime went up 17 percent in that city last month.",
            "According to the UN, 6 million people have fled the country.",
        ];
        let chatter = [
            "Thank you very much, it's great to be here tonight.",
            "I think we can do better, believe me.",
            "Let me finish, please.",
            "What would you do about that?",
            "We will make this country great again.",
            "Well, I hope so.",
        ];
        // Eight debates; each opens its sentences with its own word so that no two
        // debates share a sentence (which would merge them into one group).
        let openers = [
            "So", "Now", "Look", "Again", "Today", "Listen", "Folks", "Also",
        ];
        let mut out = Vec::new();
        for (d, opener) in openers.iter().enumerate() {
            let group = format!("debate{d}");
            for c in claims {
                out.push(example(&format!("{opener}, {c}"), true, &group));
            }
            for c in chatter {
                out.push(example(&format!("{opener}, {c}"), false, &group));
            }
        }
        out
    }

    fn small_config() -> TrainConfig {
        TrainConfig {
            hasher: HasherConfig {
                bits: 12,
                ..default_hasher_config()
            },
            calibration_folds: 3,
            ..TrainConfig::default()
        }
    }

    #[test]
    fn learns_claims_from_chatter_and_round_trips() {
        let model = train(&toy_corpus(), &small_config());
        let claim = model.score("Airstrikes killed 40 people in Idlib on Tuesday, activists said.");
        let chatter = model.score("Thank you, I think that's a great question.");
        assert!(claim > chatter, "{claim} vs {chatter}");
        assert!((0.0..=1.0).contains(&claim) && (0.0..=1.0).contains(&chatter));
        let bytes = model.to_bytes();
        let back = CheckworthyModel::from_bytes(&bytes).unwrap();
        assert_eq!(
            back.score("The deficit rose by $1 trillion."),
            model.score("The deficit rose by $1 trillion.")
        );
        assert_eq!(back.to_bytes(), bytes);
        assert!(back.metadata().iter().any(|(k, _)| k == "threshold"));
    }

    #[test]
    fn held_out_margins_match_the_margins_of_the_scoring_path() {
        // With a dense scale other than 1, training sees scaled cues and the model
        // raw ones; the out-of-fold margins must agree with what `score` computes.
        let config = TrainConfig {
            dense_scale: 2.0,
            encoding: WeightEncoding::F32,
            ..small_config()
        };
        let examples = toy_corpus();
        let p = prepare(&examples, &config);
        let all: Vec<usize> = (0..examples.len()).collect();
        let (head, _) = train_prepared(&p, &all, &config);
        let file = ModelFile {
            kind: MODEL_KIND.to_string(),
            metadata: Vec::new(),
            hasher: p.hasher.clone(),
            heads: vec![head.clone()],
        };
        let model = CheckworthyModel::from_bytes(&file.to_bytes(WeightEncoding::F32)).unwrap();
        for (i, e) in examples.iter().enumerate().step_by(7) {
            let held_out = prepared_margin(&head.model, &p, i);
            let scored = model.margin(&e.text);
            assert!(
                (held_out - scored).abs() < 1e-4,
                "{}: {held_out} vs {scored}",
                e.text
            );
        }
    }

    #[test]
    fn training_twice_gives_identical_bytes() {
        let a = train(&toy_corpus(), &small_config()).to_bytes();
        let b = train(&toy_corpus(), &small_config()).to_bytes();
        assert!(a == b);
    }

    #[test]
    fn degenerate_training_sets_give_valid_models() {
        for examples in [vec![], vec![example("Only one.", true, "a")]] {
            let model = train(&examples, &small_config());
            let s = model.score("anything");
            assert!((0.0..=1.0).contains(&s));
            assert!(CheckworthyModel::from_bytes(&model.to_bytes()).is_ok());
        }
    }

    #[test]
    fn bad_model_bytes_are_errors() {
        assert!(CheckworthyModel::from_bytes(b"").is_err());
        assert!(CheckworthyModel::from_bytes(b"XCLM\x01\x00garbage garbage").is_err());
        let model = train(&toy_corpus(), &small_config());
        let mut bytes = model.to_bytes();
        let last = bytes.len() - 1;
        bytes[last] ^= 0xff;
        assert!(matches!(
            CheckworthyModel::from_bytes(&bytes),
            Err(ModelError {
                problem: ModelProblem::Format(FormatError::ChecksumMismatch),
                ..
            })
        ));
    }

    #[test]
    fn metrics_count_map_per_transcript() {
        let ex = vec![
            example("a", true, "d1"),
            example("b", false, "d1"),
            example("c", false, "d2"),
            example("d", true, "d2"),
        ];
        let s = |score| Scored {
            score,
            threshold: 0.5,
        };
        let m = metrics_from_scores(&ex, &[s(0.9), s(0.1), s(0.8), s(0.7)], None);
        // d1: AP 1; d2: positive ranked second, AP 0.5.
        assert_eq!(m.map, Some(0.75));
        assert_eq!(m.transcripts, 2);
        assert_eq!((m.at_half.tp, m.at_half.fp), (2, 1));
        assert_eq!(m.roc_auc, Some(0.75));
        assert!(m.to_string().contains("MAP 0.750 (2 transcripts)"));
    }

    #[test]
    fn cross_validation_scores_every_example_out_of_fold() {
        let ex = toy_corpus();
        let m = cross_validate(&ex, &small_config(), 3);
        assert_eq!(m.examples, ex.len());
        assert_eq!(m.folds, Some(3));
        assert!(m.roc_auc.unwrap() > 0.9, "{m}");
    }

    /// The shipped model, when present, loads and ranks real news sentences sensibly.
    #[test]
    fn shipped_model_ranks_news_claims_above_chatter() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../models/checkworthy.bin");
        let Ok(bytes) = std::fs::read(path) else {
            eprintln!("skipped: models/checkworthy.bin is absent");
            return;
        };
        let model = CheckworthyModel::from_bytes(&bytes).unwrap();
        let claims = [
            "Government airstrikes killed at least 23 civilians in eastern Ghouta on Tuesday, \
             the Syrian Observatory for Human Rights said.",
            "The UN says more than 5.6 million Syrians have fled the country since 2011.",
            "Unemployment rose to 9.8 percent in November, the Labor Department reported.",
        ];
        let chatter = [
            "Thank you all so much for being here tonight.",
            "What do you think he should do now?",
            "I hope we can all come together.",
        ];
        let worst_claim = claims.iter().map(|s| model.score(s)).fold(1.0, f32::min);
        let best_chatter = chatter.iter().map(|s| model.score(s)).fold(0.0, f32::max);
        assert!(
            worst_claim > best_chatter,
            "{worst_claim} vs {best_chatter}"
        );
        assert!(claims.iter().all(|s| model.is_checkworthy(s)));
        assert!(chatter.iter().all(|s| !model.is_checkworthy(s)));
    }

    /// `train_from_dirs` reproduces the shipped file byte for byte: a change to the
    /// features or the training must come with a retrained `models/checkworthy.bin`.
    #[test]
    fn shipped_model_is_reproducible_from_the_data() {
        let (Some(cb), Some(clef)) = (
            crosscheck_datasets::dataset_dir("claimbuster"),
            crosscheck_datasets::dataset_dir("clef2019-checkthat-task1"),
        ) else {
            eprintln!("skipped: the check-worthiness datasets are absent");
            return;
        };
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../models/checkworthy.bin");
        let Ok(shipped) = std::fs::read(path) else {
            eprintln!("skipped: models/checkworthy.bin is absent");
            return;
        };
        let model = train_from_dirs(&cb, &clef).unwrap();
        assert!(
            model.to_bytes() == shipped,
            "retrained model differs from models/checkworthy.bin"
        );
    }
}
