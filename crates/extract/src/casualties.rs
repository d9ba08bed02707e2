//! Killed and injured counts: a count becomes a casualty count only when a casualty word
//! is linked to it within a small window ("killing at least 35 people", "Forty-three
//! terrorists were killed", "nine deaths", "the death toll rose to 41") and the noun it
//! counts is not a thing (missiles, tanks, families, kilometres). Years, dates, times,
//! ages between commas, percentages and sub-counts ("including 11 children") are skipped.

use crosscheck_schema::CasualtyCategory;

use crate::numbers::{quantity_at, Quantity};
use crate::vocab::{class, flag, CasualtyWord, Harm, Vocab};
use crate::words::Words;

/// A casualty count found in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Count {
    pub harm: Harm,
    pub min: u32,
    pub max: Option<u32>,
    pub category: CasualtyCategory,
    /// Tokens `first..end`: the count and the noun it counts.
    pub first: usize,
    pub end: usize,
    pub update: bool,
}

/// Words allowed between a count and its casualty word: "35 people *were* killed",
/// "27 of them *are* dead", "19 civilians *had also been* killed".
fn is_aux(w: &str) -> bool {
    matches!(
        w,
        "were"
            | "was"
            | "are"
            | "is"
            | "have"
            | "has"
            | "had"
            | "been"
            | "being"
            | "be"
            | "also"
            | "all"
            | "reportedly"
            | "reported"
            | "later"
            | "confirmed"
            | "subsequently"
            | "allegedly"
            | "apparently"
            | "either"
            | "now"
            | "so"
            | "far"
            | "left"
            | "found"
            | "\""
            | "\u{201D}"
            | "\u{201C}"
    )
}

fn is_rise(w: &str) -> bool {
    matches!(
        w,
        "rose"
            | "risen"
            | "rises"
            | "rising"
            | "climbed"
            | "climbs"
            | "reached"
            | "reaches"
            | "jumped"
            | "increased"
            | "bringing"
            | "brought"
            | "raising"
            | "raised"
    )
}

/// What the noun phrase after a count says: the victim category, whether it counts
/// things, whether it is itself a casualty noun ("nine deaths"), where it ends.
struct NounPhrase {
    end: usize,
    category: Option<CasualtyCategory>,
    person: Option<CasualtyCategory>,
    object: bool,
    harm: Option<Harm>,
    /// "18 more": takes the category of the count before it.
    more: bool,
    government: bool,
    /// The category a modifier before the head gives a neutral head noun: "IS
    /// commanders" (militants), "rescue workers" (medics), "rebel leaders" (fighters).
    modifier: Option<CasualtyCategory>,
    /// The phrase is "of them" with no noun after it ("killing 16 of them"): the
    /// victims are named before the count.
    of_them: bool,
}

/// The victim category a word before a neutral head noun gives it: an armed group's
/// name ("ISIL commanders", "Daesh leaders"), a rebel or medical modifier ("opposition
/// commanders", "rescue workers"). Government words are [`NounPhrase::government`].
pub(crate) fn modifier_category(w: &Words, i: usize) -> Option<CasualtyCategory> {
    match w.w(i) {
        "is" if w.raw(i) == "IS" => Some(CasualtyCategory::Militants),
        // "Islamic" only in "Islamic State": "Islamic Relief workers" are aid workers.
        "islamic" if w.w(i + 1) == "state" => Some(CasualtyCategory::Militants),
        "isis" | "isil" | "daesh" | "nusra" | "al-nusra" | "qaeda" | "al-qaeda" | "taliban"
        | "jihadist" | "terrorist" | "extremist" | "militant" => Some(CasualtyCategory::Militants),
        "rebel" | "opposition" => Some(CasualtyCategory::Fighters),
        "rescue" | "medical" | "health" | "hospital" | "ambulance" | "civil" => {
            Some(CasualtyCategory::Medics)
        }
        _ => None,
    }
}

/// A capitalised name in the possessive: "Baghdadi's deputy", "al-Baghdadi’s top aide".
pub(crate) fn possessive_name(w: &Words, i: usize) -> bool {
    let name = w.cap(i)
        || w.raw(i)
            .strip_prefix("al-")
            .is_some_and(|r| r.starts_with(char::is_uppercase));
    name && w.base(i).len() < w.w(i).len() && w.w(i).ends_with('s')
}

/// Where a name set off by commas after the victims ends ("the leader of ISIS, Abu
/// Bakr al-Baghdadi, was killed", "the aide, Abdur Rahman al-Athaee, also known as Abu
/// Sajar, was killed"): the token after its closing comma, when `w[i]` opens one.
fn name_aside_end(w: &Words, i: usize) -> Option<usize> {
    let mut k = i;
    if w.w(k) == "," {
        k += 1;
    } else if w.w(k) != "also" || k == 0 || w.w(k - 1) != "," {
        return None;
    }
    // "also known as Abu Sajar".
    if w.w(k) == "also" && w.w(k + 1) == "known" && w.w(k + 2) == "as" {
        k += 3;
    }
    let start = k;
    while k < w.len() && k < start + 6 && w.is_word(k) && (w.cap(k) || w.w(k).starts_with("al-")) {
        k += 1;
    }
    (k > start && w.w(k) == ",").then_some(k + 1)
}

/// A possessive determiner: "her son", "his brother" are one person.
fn possessive_det(w: &str) -> bool {
    matches!(w, "her" | "his" | "my" | "their" | "our")
}

/// A word naming the state's side in a victim phrase: "40 government forces", "30
/// regime and allied fighters" are soldiers.
fn government_word(w: &str) -> bool {
    matches!(
        w,
        "government" | "regime" | "army" | "pro-government" | "pro-regime"
    )
}

/// Token `j` is a casualty word that stands before its count ("killed", "wounded").
fn harm_word_before_count(w: &Words, vocab: &Vocab, j: usize) -> bool {
    matches!(
        vocab.casualty.word_id(w.id(j)),
        Some(CasualtyWord::Harm(_, at)) if at.before
    )
}

/// Heads whose category is the modifier's when one is there ("members", "leaders"):
/// alone they say only "people" ("forces" alone: fighters, or soldiers after a
/// government word).
fn neutral_head(w: &str) -> bool {
    matches!(
        w,
        "members"
            | "commanders"
            | "leaders"
            | "operatives"
            | "workers"
            | "staffers"
            | "staff"
            | "forces"
    )
}

/// The category of the group named in an "of" phrase after the head at `i`: "two
/// commanders of the al-Qaeda-linked al-Nusra Front", "a leader of the Tahrir al-Sham
/// militant group".
fn group_after_of(w: &Words, i: usize) -> Option<CasualtyCategory> {
    if w.w(i + 1) != "of" {
        return None;
    }
    (i + 2..(i + 8).min(w.len())).find_map(|k| modifier_category(w, k))
}

/// Singular heads whose category is the modifier's when one is there: "a terrorist
/// commander" (militants), "a rebel leader" (fighters); alone, a person.
fn neutral_person(w: &str) -> bool {
    matches!(w, "commander" | "leader" | "aide" | "deputy")
}

fn noun_phrase(w: &Words, vocab: &Vocab, start: usize) -> NounPhrase {
    let mut np = NounPhrase {
        end: start,
        category: None,
        person: None,
        object: false,
        harm: None,
        more: false,
        government: false,
        modifier: None,
        of_them: false,
    };
    let mut i = start;
    let mut taken = 0;
    // "killing a number of them": the quantity took the "of".
    if w.w(start) == "them" && start > 0 && w.w(start - 1) == "of" {
        np.of_them = true;
        np.end = start + 1;
        return np;
    }
    while i < w.len() && taken < 5 {
        let word = w.w(i);
        // "killing more than 120 mostly women and children": a breakdown of the
        // people counted, not their category.
        if taken == 0 && matches!(word, "mostly" | "mainly" | "largely" | "primarily") {
            break;
        }
        // A quoted count: "dozens" of government troops.
        if w.is_quote(i) {
            i += 1;
            continue;
        }
        if word == "of" {
            // "dozens of civilians", "27 of them", "five of the dead", "a family of six".
            let next = w.w(i + 1);
            if matches!(next, "them" | "whom" | "those") {
                np.of_them = next == "them";
                i += 2;
                np.end = i;
                taken += 2;
                continue;
            }
            if next == "the" {
                // "five of the dead".
                i += 2;
                continue;
            }
            if taken == 0 || np.category.is_none() && !np.object {
                i += 1;
                continue;
            }
            break;
        }
        // "some 120 Daesh (banned in Russia) militants": Sputnik's parenthesis inside
        // the noun phrase.
        if word == "(" && taken > 0 {
            if let Some(close) = (i + 1..(i + 9).min(w.len())).find(|&k| w.w(k) == ")") {
                i = close + 1;
                continue;
            }
        }
        // "50 PKK/YPG terrorists": a slash joining two names of one modifier.
        if word == "/" && taken > 0 && w.is_word(i + 1) && w.is_word(i - 1) {
            i += 1;
            continue;
        }
        if !w.is_word(i) {
            break;
        }
        // "30 regime and allied fighters", "five of Al-Nusra and allied militants".
        if word == "and" && taken > 0 && w.w(i + 1) == "allied" {
            i += 2;
            taken += 2;
            continue;
        }
        if np.modifier.is_none() {
            np.modifier = modifier_category(w, i);
        }
        if word == "more" || word == "other" || word == "others" {
            np.more |= word == "more";
            if word == "others" {
                np.category.get_or_insert(CasualtyCategory::People);
            }
            i += 1;
            np.end = i;
            taken += 1;
            continue;
        }
        if government_word(word) {
            np.government = true;
        }
        match vocab
            .casualty
            .word_id(w.id(i))
            .or_else(|| vocab.casualty.word_id(vocab.base_id(w, i)))
        {
            // Two victim nouns in a row: "25 Taliban militants were killed" (a group's
            // name as a modifier: the head after it decides), "three police officers
            // were wounded" (a lower-case modifier: it decides).
            Some(CasualtyWord::Victim(c))
                if matches!(
                    vocab.casualty.word_id(w.id(i + 1)),
                    Some(CasualtyWord::Victim(_))
                ) =>
            {
                if w.cap(i) {
                    i += 1;
                    taken += 1;
                    continue;
                }
                np.category.get_or_insert(*c);
                np.end = i + 2;
                break;
            }
            // "a police officer", "one police officer killed": a lower-case victim
            // noun before a singular one decides the category of one person.
            Some(CasualtyWord::Victim(c))
                if !w.cap(i)
                    && matches!(
                        vocab.casualty.word_id(w.id(i + 1)),
                        Some(CasualtyWord::Person(_))
                    ) =>
            {
                np.person.get_or_insert(*c);
                np.category.get_or_insert(*c);
                np.end = i + 2;
                break;
            }
            Some(CasualtyWord::Victim(c)) => {
                // "two commanders of the al-Qaeda-linked al-Nusra Front": the group
                // after the head when none came before it.
                let c = match np.modifier {
                    Some(m) if neutral_head(word) => m,
                    None if neutral_head(word) => group_after_of(w, i).unwrap_or(*c),
                    _ => *c,
                };
                np.category.get_or_insert(c);
                np.of_them = false;
                i += 1;
                np.end = i;
                // "Fourteen members of the Jaish al-Islam rebel group were killed": the
                // group they belong to, up to the verb.
                // "Three women from the besieged town of Madaya were killed", "Five
                // civilians of one family including a child were killed": any victim's
                // "of"/"from" phrase up to the auxiliary (no "and": "from the town and
                // wounded" is the next clause).
                let members = matches!(word, "members" | "fighters" | "militants");
                // "23 people most of them from the Ahrar al-Sham militant group were
                // killed": a share of the victims before their phrase.
                if matches!(w.w(i), "most" | "many" | "some" | "all")
                    && w.w(i + 1) == "of"
                    && w.w(i + 2) == "them"
                    && w.w(i + 3) == "from"
                {
                    i += 3;
                }
                // "481 fighters with the Islamic State group have been killed".
                if matches!(w.w(i), "of" | "from") || members && w.w(i) == "with" {
                    let limit = (i + 14).min(w.len());
                    let stop = |j: usize| {
                        is_aux(w.w(j))
                            || w.w(j) == "including"
                            || members
                                && matches!(
                                    vocab.casualty.word_id(w.id(j)),
                                    Some(CasualtyWord::Harm(_, at)) if at.after
                                )
                    };
                    if let Some(j) = (i + 2..limit).find(|&j| stop(j)) {
                        // "98 evacuees from the towns of Fuaa and Kafraya were killed":
                        // an "and" between two names joins places, not clauses.
                        let names = |k: usize| k > 0 && w.cap(k - 1) && w.cap(k + 1);
                        if (i + 1..j).all(|k| {
                            w.is_word(k)
                                && !matches!(w.w(k), "who" | "which" | "that")
                                && (members || !matches!(w.w(k), "and" | "or") || names(k))
                        }) {
                            np.end = j;
                        }
                    }
                }
                // "25 troops and pro-government gunmen": the first noun decides.
                break;
            }
            Some(CasualtyWord::Person(c)) => {
                // "39 rebel fighters": a singular noun used as a modifier.
                if matches!(
                    vocab.casualty.word_id(w.id(i + 1)),
                    Some(CasualtyWord::Victim(_) | CasualtyWord::Person(_))
                ) {
                    i += 1;
                    taken += 1;
                    continue;
                }
                // "88 rebel and regime forces": two sides in one count.
                if w.w(i + 1) == "and" {
                    let head = (i + 2..(i + 5).min(w.len())).find(|&k| {
                        matches!(
                            vocab.casualty.word_id(w.id(k)),
                            Some(CasualtyWord::Victim(_))
                        )
                    });
                    let side =
                        |j: usize| government_word(w.w(j)) || modifier_category(w, j).is_some();
                    if let Some(k) = head.filter(|&k| k > i + 2 && (i + 2..k).all(side)) {
                        np.category.get_or_insert(CasualtyCategory::People);
                        np.end = k + 1;
                        break;
                    }
                }
                // "a terrorist commander", "an IS aide": a neutral head takes the
                // modifier's category.
                let c = match np.modifier {
                    Some(m) if neutral_person(word) => m,
                    // "a leader of the Tahrir al-Sham militant group".
                    None if neutral_person(word) => group_after_of(w, i).unwrap_or(*c),
                    _ => *c,
                };
                np.person.get_or_insert(c);
                np.category.get_or_insert(c);
                i += 1;
                np.end = i;
                // "A reporter from Al-Jazeera was killed": where the person is from, up
                // to the verb's auxiliary.
                if w.w(i) == "from" {
                    let limit = (i + 7).min(w.len());
                    if let Some(j) = (i + 2..limit).find(|&j| is_aux(w.w(j))) {
                        if (i + 1..j).all(|k| {
                            w.is_word(k)
                                && !matches!(w.w(k), "who" | "which" | "that" | "and" | "or")
                        }) {
                            np.end = j;
                        }
                    }
                }
                break;
            }
            Some(CasualtyWord::Object) => {
                np.object = true;
                np.end = i + 1;
                break;
            }
            // "about 50 bodies of ISIS militants were brought to the morgue": the dead,
            // of the victims' kind named after them.
            Some(_) if word == "bodies" && taken == 0 => {
                np.harm = Some(Harm::Killed);
                np.end = i + 1;
                let victim = |k: usize| match vocab.casualty.word_id(w.id(k)) {
                    Some(CasualtyWord::Victim(c)) => Some((k, *c)),
                    _ => None,
                };
                if w.w(i + 1) == "of" {
                    if let Some((k, c)) = (i + 2..(i + 6).min(w.len())).find_map(victim) {
                        let c = match np.modifier {
                            Some(m) if neutral_head(w.w(k)) => m,
                            _ => c,
                        };
                        np.category.get_or_insert(c);
                        np.end = k + 1;
                    }
                }
                break;
            }
            Some(CasualtyWord::Harm(h, where_)) if where_.after => {
                // "Fifty-one dead", "nine deaths", "five of the dead": the count's own word.
                // "Russian raids claimed 17 lives".
                // "hundreds of dead and injured people", "scores of the dead and
                // wounded": a count of both, split nowhere, is neither.
                let both = word == "dead"
                    && matches!(w.w(i + 1), "and" | "or")
                    && matches!(
                        vocab.casualty.word_id(w.id(i + 2)),
                        Some(CasualtyWord::Harm(other, _)) if other != h
                    );
                if !both
                    && matches!(
                        word,
                        "dead" | "deaths" | "fatalities" | "martyrs" | "death" | "lives"
                    )
                {
                    np.harm = Some(*h);
                    np.end = i + 1;
                    // "a toll of eight dead civilians".
                    if word == "dead" {
                        if let Some(CasualtyWord::Victim(c)) = vocab.casualty.word_id(w.id(i + 1)) {
                            np.category.get_or_insert(*c);
                            np.end = i + 2;
                        }
                    }
                }
                break;
            }
            Some(CasualtyWord::Harm(..)) => break,
            None => {}
        }
        // "killing more than 10 visitors leaving dozens of people injured": a participle
        // ends the phrase. "10 IS militants": the group's name, not the verb.
        let group_is = word == "is" && w.raw(i) == "IS";
        if !group_is && stops_noun_phrase(word) || taken > 0 && participle(word) {
            break;
        }
        i += 1;
        taken += 1;
    }
    np
}

/// A present participle that opens a clause after a count's noun: "leaving",
/// "causing", "wounding".
fn participle(w: &str) -> bool {
    w.len() > 5 && w.ends_with("ing")
}

/// Words a noun phrase after a count does not run over.
fn stops_noun_phrase(w: &str) -> bool {
    is_aux(w)
        || matches!(
            w,
            "and"
                | "or"
                | "in"
                | "on"
                | "at"
                | "by"
                | "from"
                | "to"
                | "with"
                | "as"
                | "after"
                | "when"
                | "while"
                | "during"
                | "since"
                | "for"
                | "that"
                | "who"
                | "which"
                | "including"
                | "among"
                | "the"
                | "a"
                | "an"
                | "near"
                | "into"
                | "killed"
                | "wounded"
                | "injured"
                | "dead"
                | "died"
        )
}

/// A casualty word that follows a count: "were killed", "are dead", "lost their lives".
fn harm_after(w: &Words, vocab: &Vocab, mut i: usize) -> Option<Harm> {
    // Skip a sub-count between the count and its verb: "At least 87 people including 31
    // children died", "41 civilians, among them 11 children, ...".
    // "50 people who were killed in the shelling", "A total of 70 Daesh terrorists who
    // were later identified as nationals of CIS states were eliminated": the relative
    // clause's own verb, else the verb after it (the first auxiliary that opens a
    // casualty verb, before a clause break).
    if w.w(i) == "who" {
        // Not "a man who lives with his parents", "the one who slaughtered the
        // journalists": the relative clause's verb after an auxiliary, or "died".
        // "41 people who sustained injuries from shrapnel": a casualty phrase of its own.
        let passive_or_died = is_aux(w.w(i + 1))
            || matches!(w.w(i + 1), "died" | "perished" | "sustained" | "suffered");
        if let Some(h) = harm_after(w, vocab, i + 1).filter(|_| passive_or_died) {
            return Some(h);
        }
        let limit = (i + 25).min(w.len());
        for k in i + 2..limit {
            if matches!(w.w(k), ";" | ":" | "who" | "which" | "." | "said" | "says") {
                break;
            }
            if is_aux(w.w(k)) && !is_aux(w.w(k - 1)) {
                if let Some(h) = harm_after(w, vocab, k) {
                    return Some(h);
                }
            }
        }
        return None;
    }
    // "Sixteen civilians - including three children - were killed", "At least 11
    // civilians, among them four women, were killed", "(including four women)": an
    // aside set off between the count and its verb.
    let open = w.w(i);
    if matches!(open, "," | "-" | "\u{2013}" | "\u{2014}" | "(")
        && matches!(w.w(i + 1), "including" | "among")
    {
        let closes = |k: usize| match open {
            "(" => w.w(k) == ")",
            "," => w.w(k) == ",",
            _ => matches!(w.w(k), "-" | "\u{2013}" | "\u{2014}"),
        };
        if let Some(close) = (i + 2..(i + 14).min(w.len())).find(|&k| closes(k)) {
            i = close + 1;
        }
    }
    // "hundreds of men, women and children were killed": a list of victim nouns.
    let victim = |k: usize| {
        matches!(
            vocab.casualty.word_id(w.id(k)),
            Some(CasualtyWord::Victim(_))
        )
    };
    while w.w(i) == "," && victim(i + 1) && matches!(w.w(i + 2), "," | "and") {
        i += 2;
    }
    // "two dozen soldiers and allied militiamen were killed".
    if w.w(i) == "and" {
        for len in 1..=3 {
            if let Some(CasualtyWord::Victim(_)) = vocab.casualty.word_id(w.id(i + len)) {
                i += len + 1;
                break;
            }
            if stops_noun_phrase(w.w(i + len)) {
                break;
            }
        }
    }
    // "A total of 24 Daesh terrorists (a terrorist group banned in Russia) were
    // killed": a parenthesis between the count and its verb.
    if w.w(i) == "(" {
        if let Some(close) = (i + 1..(i + 12).min(w.len())).find(|&k| w.w(k) == ")") {
            i = close + 1;
        }
    }
    // "At least 17 people most members of opposition groups were killed": an apposition.
    if matches!(w.w(i), "most" | "mostly" | "many" | "mainly") {
        let limit = (i + 7).min(w.len());
        if let Some(j) = (i + 1..limit).find(|&j| is_aux(w.w(j))) {
            // "at least 200 people many of whom were civilians were killed": the
            // apposition's own verb is not the count's; the next one may be.
            if w.w(j - 1) == "whom" {
                return verb_after_apposition(w, vocab, j + 1);
            }
            i = j;
        }
    }
    // "At least 412 people more than half of them from ISIS have been killed", "12
    // people nearly all of them civilians died".
    if matches!(
        w.w(i),
        "more" | "nearly" | "almost" | "about" | "over" | "half" | "all"
    ) {
        let limit = (i + 5).min(w.len());
        if let Some(of) = (i + 1..limit).find(|&k| w.w(k) == "of") {
            if matches!(w.w(of + 1), "them" | "whom") {
                return verb_after_apposition(w, vocab, of + 2);
            }
        }
    }
    // "the leader of ISIS, Abu Bakr al-Baghdadi, was killed": a name set off by commas.
    while let Some(next) = name_aside_end(w, i) {
        i = next;
    }
    // "Twenty people in Kilis have been killed", "hundreds of men, women and children
    // with the Sunni Al Bu Nimr tribe were killed": a phrase saying where the victims
    // were or whom they belonged to, up to the verb's auxiliary.
    if let Some(next) = victims_phrase_end(w, vocab, i) {
        if w.w(next) == "who" {
            // "nine members of the Army of Conquest who were working in the clinic
            // were also killed": the relative clause's verb, else the one after it.
            return harm_after(w, vocab, next);
        }
        i = next;
    }
    let mut skipped = 0;
    // "An Afghan woman has killed at least 25 Taliban militants": "has" with no form
    // of "be" makes the verb active, and the count before it the killers.
    let mut perfect = false;
    let mut be = false;
    while i < w.len() && skipped < 4 {
        // "were said to be killed", "were reported to have been killed", "are
        // estimated to have been killed" (before the auxiliaries: "reported" is one).
        if skipped > 0
            && matches!(
                w.w(i),
                "said"
                    | "reported"
                    | "believed"
                    | "thought"
                    | "feared"
                    | "estimated"
                    | "known"
                    | "presumed"
                    | "understood"
            )
            && w.w(i + 1) == "to"
            && matches!(w.w(i + 2), "be" | "have")
        {
            i += 3;
            skipped += 1;
            continue;
        }
        if is_aux(w.w(i)) {
            perfect |= matches!(w.w(i), "have" | "has" | "had");
            be |= matches!(
                w.w(i),
                "been" | "being" | "be" | "was" | "were" | "is" | "are"
            );
            i += 1;
            skipped += 1;
            continue;
        }
        // "may have been killed": a modal before an auxiliary.
        if matches!(
            w.w(i),
            "may" | "might" | "could" | "would" | "will" | "must"
        ) && is_aux(w.w(i + 1))
        {
            i += 1;
            skipped += 1;
            continue;
        }
        // "were assumed dead", "are presumed killed".
        if skipped > 0
            && matches!(
                w.w(i),
                "assumed" | "presumed" | "feared" | "believed" | "thought"
            )
            && matches!(
                vocab.casualty.at(w, i + 1),
                Some((_, CasualtyWord::Harm(_, at))) if at.after
            )
        {
            i += 1;
            skipped += 1;
            continue;
        }
        // "16 IS leaders as having been killed".
        if w.w(i) == "as" && w.w(i + 1) == "having" && w.w(i + 2) == "been" {
            be = true;
            i += 3;
            skipped += 1;
            continue;
        }
        // "165 people total have been wounded", "35 people in total had died".
        if skipped == 0 && w.w(i) == "total" {
            i += 1;
            continue;
        }
        // "have been publicly executed", "a nurse critically wounded": an adverb
        // after the auxiliary, or right before the casualty word.
        let adverb = w.w(i).len() > 4 && w.w(i).ends_with("ly") || w.w(i) == "indeed";
        if adverb
            && (skipped > 0
                || matches!(
                    vocab.casualty.at(w, i + 1),
                    Some((_, CasualtyWord::Harm(_, at))) if at.after
                ))
        {
            i += 1;
            skipped += 1;
            continue;
        }
        break;
    }
    // "seven were arrested and executed", "had been rounded up and burned alive": a
    // passive verb before the casualty verb, joined by "and".
    if be && vocab.casualty.at(w, i).is_none() {
        if let Some(and) = (i + 1..(i + 3).min(w.len())).find(|&k| w.w(k) == "and") {
            let plain = (i..and).all(|k| w.is_word(k) && !is_aux(w.w(k)));
            if plain
                && w.w(i).ends_with("ed")
                && matches!(
                    vocab.casualty.at(w, and + 1),
                    Some((_, CasualtyWord::Harm(_, at))) if at.after
                )
            {
                i = and + 1;
            }
        }
    }
    // "Two medics were among at least 31 people killed": the count before is a part;
    // "Five women and 13 rebels were among the dead": the dead.
    if skipped > 0 && w.w(i) == "among" {
        if !matches!(w.w(i + 1), "the" | "those") {
            return None;
        }
        // "three of its workers were among the wounded".
        return match w.w(i + 2) {
            "dead" | "killed" | "fatalities" => Some(Harm::Killed),
            "wounded" | "injured" => Some(Harm::Injured),
            _ => None,
        };
    }
    if matches!(w.w(i), "including" | "among") {
        let mut j = i + 1;
        let limit = (i + 8).min(w.len());
        while j < limit {
            // "twenty civilians including children were treated for asphyxiation": a
            // phrase, else the word.
            let at = vocab
                .casualty
                .at(w, j)
                .map(|(_, c)| c)
                .or_else(|| vocab.casualty.word_id(w.id(j)));
            if let Some(CasualtyWord::Harm(h, where_)) = at {
                // "killed 38 civilians including 14 children and wounded another 250":
                // a verb after "and" starts the next clause.
                if w.w(j - 1) == "and" {
                    return None;
                }
                // "killing two people including a child and causing serious injuries to
                // a woman": a participle after "and" starts the next clause too.
                if (i + 1..j).any(|k| w.w(k) == "and" && participle(w.w(k + 1))) {
                    return None;
                }
                if where_.after {
                    return Some(*h);
                }
            }
            if matches!(w.w(j), "," | ";") {
                return None;
            }
            j += 1;
        }
        return None;
    }
    match vocab.casualty.at(w, i) {
        // "claimed the lives of three citizens injured two others": a bare verb with a
        // count of its own after it is that count's verb, not this one's.
        Some((len, CasualtyWord::Harm(..)))
            if skipped == 0 && quantity_at(w, i + len).is_some() =>
        {
            None
        }
        Some((_, CasualtyWord::Harm(..))) if perfect && !be && transitive_harm(w.w(i)) => None,
        // "leaving dozens killed and injured", "dozens of civilians dead or injured":
        // a count of both, split nowhere, is neither.
        Some((len, CasualtyWord::Harm(h, where_))) if where_.after => {
            let both = matches!(w.w(i + len), "and" | "or")
                && matches!(
                    vocab.casualty.at(w, i + len + 1),
                    Some((_, CasualtyWord::Harm(other, _))) if other != h
                );
            (!both).then_some(*h)
        }
        _ => None,
    }
}

/// Where a phrase that places or names the victims ends, when `w[i..]` opens one and
/// it runs to an auxiliary (the index returned) or to a relative "who" (that index):
/// "in Kilis have", "with the Sunni Al Bu Nimr tribe were", "of the Army of Conquest
/// rebel alliance who". A phrase with a clause break, a conjunction, a number or a
/// casualty word in it is none: "in Aleppo and wounded", "from the town killed".
fn victims_phrase_end(w: &Words, vocab: &Vocab, i: usize) -> Option<usize> {
    if !matches!(w.w(i), "in" | "at" | "from" | "with" | "of" | "near" | "on") {
        return None;
    }
    // At most ten tokens, an aside not counted.
    let mut limit = (i + 11).min(w.len());
    let mut k = i;
    while k + 1 < limit {
        k += 1;
        let word = w.w(k);
        // "from the Syrian Civil Defence - better known as the White Helmets - have
        // been killed": an aside inside the phrase.
        if matches!(word, "-" | "\u{2013}" | "\u{2014}" | "(") && k > i + 1 {
            let close = |j: usize| match word {
                "(" => w.w(j) == ")",
                _ => matches!(w.w(j), "-" | "\u{2013}" | "\u{2014}"),
            };
            match (k + 1..(k + 10).min(w.len())).find(|&j| close(j)) {
                Some(j) => {
                    limit = (limit + j + 1 - k).min(w.len());
                    k = j;
                    continue;
                }
                None => return None,
            }
        }
        if let Some(next) = name_aside_end(w, k) {
            limit = (limit + next - k).min(w.len());
            k = next - 1;
            continue;
        }
        if k > i + 1
            && (is_aux(word) && !matches!(word, "all" | "so" | "far" | "now") || word == "who")
        {
            return Some(k);
        }
        if !w.is_word(k)
            || w.is_number(k)
            || matches!(
                word,
                "and" | "or" | "which" | "that" | "said" | "says" | "including" | "among"
            )
            || vocab
                .casualty
                .at(w, k)
                .is_some_and(|(_, c)| matches!(c, CasualtyWord::Harm(..)))
        {
            return None;
        }
    }
    None
}

/// The casualty verb after an apposition that ends at `from` ("many of whom were
/// civilians were killed", "more than half of them from ISIS have been killed"): the
/// first auxiliary, before a clause break, that opens one.
fn verb_after_apposition(w: &Words, vocab: &Vocab, from: usize) -> Option<Harm> {
    let limit = (from + 8).min(w.len());
    for k in from..limit {
        if matches!(w.w(k), ";" | ":" | "." | "said" | "says" | "and" | "but") {
            return None;
        }
        if is_aux(w.w(k)) && (k == from || !is_aux(w.w(k - 1))) {
            if let Some(h) = harm_after(w, vocab, k) {
                return Some(h);
            }
        }
    }
    None
}

/// A harm verb that takes an object: after "have" without "been" ("has killed") its
/// subject did the harm. "have died", "have perished" are not.
fn transitive_harm(w: &str) -> bool {
    matches!(
        w,
        "killed"
            | "wounded"
            | "injured"
            | "executed"
            | "murdered"
            | "beheaded"
            | "slaughtered"
            | "massacred"
            | "shot"
            | "hurt"
            | "maimed"
            | "assassinated"
    )
}

/// A victim noun among the `n` tokens from `from` ("Daesh (banned in Russia) militants").
/// Stops at a word that ends the noun phrase ("one building used by the militants").
fn victim_noun_within(w: &Words, vocab: &Vocab, from: usize, n: usize) -> bool {
    let mut k = from;
    let mut seen = 0;
    while k < w.len() && seen < n {
        if w.w(k) == "(" {
            match (k + 1..(k + 9).min(w.len())).find(|&j| w.w(j) == ")") {
                Some(close) => {
                    k = close + 1;
                    continue;
                }
                None => return false,
            }
        }
        if !w.is_word(k) || stops_noun_phrase(w.w(k)) || participle(w.w(k)) {
            return false;
        }
        if matches!(
            vocab
                .casualty
                .word_id(w.id(k))
                .or_else(|| vocab.casualty.word_id(vocab.base_id(w, k))),
            Some(CasualtyWord::Victim(_) | CasualtyWord::Person(_))
        ) {
            return true;
        }
        k += 1;
        seen += 1;
    }
    false
}

/// A casualty word right before a count: "killing 35", "wounded another 40",
/// "claiming the lives of", "causing cases of asphyxiation to".
/// A word that makes "to kill" an intent: "threatened to kill", "in a bid to kill",
/// "enough to kill".
fn intent_word(w: &str) -> bool {
    matches!(
        w,
        "threaten"
            | "threatens"
            | "threatened"
            | "threatening"
            | "threat"
            | "threats"
            | "vow"
            | "vows"
            | "vowed"
            | "vowing"
            | "plan"
            | "plans"
            | "planned"
            | "planning"
            | "plot"
            | "plotted"
            | "plotting"
            | "try"
            | "tries"
            | "tried"
            | "trying"
            | "attempt"
            | "attempts"
            | "attempted"
            | "attempting"
            | "want"
            | "wants"
            | "wanted"
            | "wanting"
            | "intend"
            | "intends"
            | "intended"
            | "aim"
            | "aims"
            | "aimed"
            | "aiming"
            | "promise"
            | "promised"
            | "pledge"
            | "pledged"
            | "seek"
            | "seeks"
            | "sought"
            | "bid"
            | "enough"
    )
}

fn harm_before(w: &Words, vocab: &Vocab, first: usize) -> Option<Harm> {
    let mut last = first.checked_sub(1)?;
    // "publicly executed and crucified nine men", "killed and crucified five
    // civilians": a verb of no harm joined to one of harm before it.
    if last >= 2
        && w.w(last - 1) == "and"
        && w.w(last).ends_with("ed")
        && vocab.casualty.word_id(w.id(last)).is_none()
        && matches!(
            vocab.casualty.word_id(w.id(last - 2)),
            Some(CasualtyWord::Harm(Harm::Killed, at)) if at.before
        )
    {
        last -= 2;
    }
    // killed "dozens" of government troops; "killing all five people on board";
    // "ISIL executed the 19 men".
    if w.is_quote(last) || matches!(w.w(last), "all" | "the") {
        last = last.checked_sub(1)?;
    }
    match vocab.casualty.ending_at(w, last, 4) {
        Some((len, CasualtyWord::Harm(h, where_))) if where_.before => {
            // "killing and injuring scores of people": a count of both, split
            // nowhere, is neither.
            let start = last + 1 - len;
            // "threatening to kill another hostage", "vowed to kill 100 soldiers": an
            // intent, not a toll.
            if start >= 2
                && matches!(w.w(start), "kill" | "injure")
                && w.w(start - 1) == "to"
                && intent_word(w.w(start - 2))
            {
                return None;
            }
            let both = start >= 2
                && w.w(start - 1) == "and"
                && matches!(
                    vocab.casualty.word_id(w.id(start - 2)),
                    Some(CasualtyWord::Harm(other, at)) if other != h && at.before
                );
            (!both).then_some(*h)
        }
        _ => None,
    }
}

/// "the death toll rose to 41", "bringing the number of dead to 50": killed, and
/// whether it is a revision.
fn toll_before(w: &Words, first: usize) -> Option<bool> {
    let prev = first.checked_sub(1)?;
    if !matches!(
        w.w(prev),
        "to" | "at"
            | "of"
            | "reached"
            | "reaches"
            | "stood"
            | "stands"
            | "is"
            | "was"
            | "now"
            | "hit"
            | "includes"
            | "included"
    ) {
        return None;
    }
    let mut rise = false;
    let mut i = first;
    for _ in 0..20 {
        i = i.checked_sub(1)?;
        let word = w.w(i);
        // "putting the number of civilians killed at 13".
        let number_killed = word == "number" && (i + 1..first).any(|k| toll_of_dead(w.w(k)));
        if word == "toll" || word == "tolls" || number_killed {
            // "bringing the death toll to 61", "raising the toll to 41".
            let brought = (i.saturating_sub(3)..i).any(|k| is_rise(w.w(k)));
            return Some(rise || brought);
        }
        if is_rise(word) {
            rise = true;
        }
        if w.is_number(i) || matches!(word, "." | ";" | "," | "said" | "says") {
            return None;
        }
    }
    None
}

/// A word that makes "the number of ..." a toll of the dead: "the number of civilians
/// killed", "the number of dead", "the number of people martyred".
fn toll_of_dead(x: &str) -> bool {
    matches!(x, "killed" | "dead" | "martyred")
}

/// "brought to 49 the number killed", "took to 89 the number of civilians killed",
/// "bring to 28 the day's toll": a toll named after its count, always a revision.
fn toll_after(w: &Words, q: &Quantity) -> bool {
    let raised = q.first >= 2
        && w.w(q.first - 1) == "to"
        && matches!(
            w.w(q.first - 2),
            "brought"
                | "bring"
                | "brings"
                | "bringing"
                | "took"
                | "takes"
                | "taking"
                | "raised"
                | "raising"
                | "pushed"
                | "pushing"
        );
    raised
        && w.w(q.end) == "the"
        && (q.end + 1..(q.end + 5).min(w.len())).any(|k| match w.w(k) {
            "toll" => true,
            "number" => (k + 1..(k + 6).min(w.len())).any(|j| toll_of_dead(w.w(j))),
            _ => false,
        })
}

fn is_month(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// Counts that are never casualty counts, whatever follows them.
fn blocked(w: &Words, q: &Quantity, in_date: &dyn Fn(usize) -> bool) -> bool {
    if (q.first..q.end).any(in_date) {
        return true;
    }
    let before = q.first.checked_sub(1).map(|b| w.w(b)).unwrap_or("");
    let after = w.w(q.end);
    // "April 5" is a date; "In early April at least 88 civilians" is not.
    if is_month(before) && !q.modified
        || matches!(before, "no." | "no" | "number" | "$" | "#" | "aged" | "age")
    {
        return true;
    }
    if matches!(
        after,
        "pm" | "am"
            | "p.m."
            | "a.m."
            | "%"
            | "percent"
            | "per"
            | "th"
            | "st"
            | "nd"
            | "rd"
            | "-year-old"
    ) || is_month(after)
    {
        return true;
    }
    // A bare year.
    if q.digits && !q.modified && q.max == Some(q.min) && (1900..=2100).contains(&q.min) {
        return true;
    }
    // An age between commas: "Paddock, 64, opened fire".
    if q.digits && before == "," && after == "," && q.min < 120 {
        return true;
    }
    // A sub-count of a count already given: "including 11 children", "among them"; but
    // "were among at least 31 people killed" names the total (hard case 17).
    let total_after_among = before == "among" && q.first >= 2 && is_aux(w.w(q.first - 2));
    // "The death toll includes 21 Kurdish civilians and 302 fighters": the toll's parts
    // are the counts given.
    let toll_includes = matches!(before, "includes" | "included")
        && q.first >= 2
        && matches!(w.w(q.first - 2), "toll" | "dead");
    if (matches!(before, "including" | "among" | "includes" | "include")
        && !total_after_among
        && !toll_includes)
        || (before == "them" && q.first >= 2 && w.w(q.first - 2) == "among")
    {
        return true;
    }
    false
}

/// Where a headline may name one victim without an article: at its start, after a
/// colon, or right after an active verb of killing ("kills terror leader"), before a
/// word that can open a noun phrase (not a number, a determiner or a verb of harm).
fn bare_person_start(w: &Words, i: usize) -> bool {
    // The phrase must hold a singular person noun ("leader", "teenager"): a sentence
    // without one has no bare victim.
    if w.flags & flag::PERSON == 0 {
        return false;
    }
    let opens = match i.checked_sub(1) {
        None => true,
        Some(p) => {
            w.w(p) == ":"
                || matches!(
                    w.w(p),
                    "kills" | "beheads" | "executes" | "kill" | "behead" | "execute"
                )
        }
    };
    opens
        && w.is_word(i)
        && !w.has(i, class::DETERMINER)
        && !matches!(w.w(i), "a" | "an" | "another" | "more" | "most" | "some")
}

/// All casualty counts of a sentence, in text order. `in_date(i)` says whether token
/// `i` is part of a date expression.
pub(crate) fn find(w: &Words, vocab: &Vocab, in_date: &dyn Fn(usize) -> bool) -> Vec<Count> {
    struct Cand {
        q: Quantity,
        np: NounPhrase,
        harm: Option<Harm>,
        update: bool,
        /// Linked through its own right-hand casualty word (passes left over "and").
        after_link: bool,
        before_link: bool,
    }
    let mut cands: Vec<Cand> = Vec::new();
    let mut i = 0;
    while i < w.len() {
        // "a pilot", "one policeman", "a Virginia-based Saudi columnist".
        let q = match quantity_at(w, i) {
            Some(q) => Some(q),
            // "Another militant was killed": one more; not the last of a list ("a
            // woman and her three children as well as another child").
            // "killed her son", "his brother was wounded": one person by a possessive.
            // "the leader of ISIS was killed", "Baghdadi's deputy was killed": one
            // person by "the" or a name's possessive (only before a singular person
            // noun, checked below).
            None if matches!(w.w(i), "a" | "an")
                || possessive_det(w.w(i))
                // (Only in a sentence that holds a singular person noun: most do not.)
                || w.flags & flag::PERSON != 0 && (w.w(i) == "the" || possessive_name(w, i))
                || w.w(i) == "another"
                    && !i
                        .checked_sub(1)
                        .is_some_and(|p| matches!(w.w(p), "and" | "as" | "or" | ",")) =>
            {
                Some(Quantity {
                    first: i,
                    end: i + 1,
                    min: 1,
                    max: Some(1),
                    digits: false,
                    modified: false,
                })
            }
            // Headlines drop the article: "ISIS leader killed in US airstrikes",
            // "Airstrike kills terror leader in Somalia". An empty quantity: the noun
            // phrase starts at `i` itself.
            None if bare_person_start(w, i) => Some(Quantity {
                first: i,
                end: i,
                min: 1,
                max: Some(1),
                digits: false,
                modified: false,
            }),
            None => None,
        };
        let Some(q) = q else {
            i += 1;
            continue;
        };
        if blocked(w, &q, in_date) {
            i = q.end.max(i + 1);
            continue;
        }
        let mut np = noun_phrase(w, vocab, q.end);
        // One person by "the" or a name's possessive: read more strictly below.
        let by_the = w.w(q.first) == "the" || possessive_name(w, q.first);
        let article = (matches!(w.w(q.first), "a" | "an" | "another")
            || possessive_det(w.w(q.first))
            || by_the)
            && q.end == q.first + 1
            || q.end == q.first;
        if article && np.person.is_none() {
            i += 1;
            continue;
        }
        // After "the" or a name's possessive, the person noun must head a plain
        // phrase: not a nationality used as an adjective ("the American ISIS
        // hostages"), not a modifier of a plural ("The latest civilian deaths"), and
        // with no number, determiner or verb before it ("The interior ministry said
        // one person", "the period of his father's").
        if by_the
            && ((q.end..np.end).any(|k| {
                w.is_number(k)
                    || w.has(k, class::NUMBER_WORD)
                    || w.has(k, class::DETERMINER)
                    || possessive_det(w.w(k))
                    || matches!(w.w(k), "said" | "says" | "of" | "one")
                    || w.cap(k)
                        && matches!(
                            vocab.casualty.word_id(w.id(k)),
                            Some(CasualtyWord::Person(_))
                        )
            }) || matches!(w.w(np.end), "deaths" | "death" | "casualties" | "toll"))
        {
            i += 1;
            continue;
        }
        // A headline's bare victim is the phrase's head: not "Reports of civilian deaths".
        if q.end == q.first && (q.first..np.end).any(|k| matches!(w.w(k), "of" | "for")) {
            i += 1;
            continue;
        }
        // "they executed 15 detainees": prisoners are counted as dead only when a
        // verb of killing stands right before their count.
        if np.object
            && matches!(w.w(np.end - 1), "prisoners" | "detainees")
            && harm_before(w, vocab, q.first) == Some(Harm::Killed)
        {
            np.object = false;
            np.category = Some(CasualtyCategory::People);
        }
        if np.object {
            i = np.end.max(q.end);
            continue;
        }
        let mut harm = np.harm;
        let mut update = false;
        let mut after_link = false;
        let mut before_link = false;
        // "The ISIS Executioner Who Killed 4 Hostages May Have Been Wounded": in a
        // headline's title case, a count right after a verb of killing is its object,
        // whatever verb follows it. (Not in running text: "Three killed two injured
        // in blast", a headline that lost its commas, counts both.)
        let object_of_harm =
            q.first > 1 && w.cap(q.first - 1) && harm_word_before_count(w, vocab, q.first - 1);
        if harm.is_none() && !object_of_harm {
            if let Some(h) = harm_after(w, vocab, np.end.max(q.end)) {
                harm = Some(h);
                after_link = true;
            }
        }
        // "a shopkeeper who lost his brother": a mourner's own dead, not the
        // incident's count.
        let kin = possessive_det(w.w(q.first));
        if harm.is_none()
            && !(kin && q.first > 0 && matches!(w.w(q.first - 1), "lost" | "losing" | "lose"))
        {
            if let Some(h) = harm_before(w, vocab, q.first) {
                // "destroyed some 120 Daesh (banned in Russia) militants" and "ISIL lost
                // 15 militants" count the dead; "destroyed 4 health facilities" and
                // "lost 3 villages" do not: a victim noun must follow within a few words.
                let destroyed = q.first >= 1 && matches!(w.w(q.first - 1), "destroyed" | "lost");
                if !destroyed || victim_noun_within(w, vocab, q.end, 4) {
                    harm = Some(h);
                    before_link = true;
                }
            }
        }
        // "the jihadists burnt 45 people alive".
        if harm.is_none()
            && w.w(np.end) == "alive"
            && q.first > 0
            && matches!(w.w(q.first - 1), "burned" | "burnt" | "burning" | "buried")
        {
            harm = Some(Harm::Killed);
            before_link = true;
        }
        // "putting the death toll at six and the number of injured at 28".
        if harm.is_none()
            && q.first >= 4
            && matches!(w.w(q.first - 1), "at" | "to" | "reached")
            && (q.first.saturating_sub(5)..q.first - 1).any(|k| {
                w.w(k) == "number"
                    && w.w(k + 1) == "of"
                    && matches!(w.w(k + 2), "injured" | "wounded")
            })
        {
            harm = Some(Harm::Injured);
        }
        if harm.is_none() {
            // "putting the number of civilians killed at 13", "took to 89 the number of
            // civilians killed": the victims named in the toll's own phrase.
            let named = |from: usize, to: usize| {
                (from..to.min(w.len())).find_map(|k| match vocab.casualty.word_id(w.id(k)) {
                    Some(CasualtyWord::Victim(c)) if w.w(k - 1) == "of" => Some(*c),
                    _ => None,
                })
            };
            if let Some(rise) = toll_before(w, q.first) {
                harm = Some(Harm::Killed);
                update = rise;
                if np.category.is_none() {
                    np.category = named(q.first.saturating_sub(8).max(1), q.first);
                }
            } else if toll_after(w, &q) {
                harm = Some(Harm::Killed);
                update = true;
                if np.category.is_none() {
                    np.category = named(q.end + 1, q.end + 8);
                }
            }
        }
        if harm.is_some() && !update {
            // "rose to 41" without "toll" in view: "the number of dead rose to 41".
            let b1 = q.first.checked_sub(1).map(|b| w.w(b)).unwrap_or("");
            let b2 = q.first.checked_sub(2).map(|b| w.w(b)).unwrap_or("");
            update = b1 == "to" && is_rise(b2);
        }
        cands.push(Cand {
            q,
            np,
            harm,
            update,
            after_link,
            before_link,
        });
        i = cands
            .last()
            .map(|c| c.np.end.max(c.q.end))
            .unwrap_or(i + 1)
            .max(i + 1);
    }
    // Coordination: "at least 19 militants and two dozen soldiers were killed" (the right
    // conjunct's verb), "killing six civilians and five militiamen" (the left one's).
    let joined = |left: &Cand, right: &Cand| -> bool {
        let from = left.np.end.max(left.q.end);
        // "23 civilians, including nine children, and 16 fighters were killed", "23
        // civilians - including nine children - and 16 combatants dead": a breakdown
        // set off between the two conjuncts.
        let mark = |k: usize| matches!(w.w(k), "," | "-" | "\u{2013}" | "\u{2014}" | "(" | ")");
        if mark(from) && w.w(from + 1) == "including" {
            let close = (from + 2..(from + 10).min(w.len())).find(|&c| mark(c));
            return close.is_some_and(|c| w.w(c + 1) == "and" && right.q.first == c + 2);
        }
        let article = |c: &Cand| matches!(w.w(c.q.first), "a" | "an");
        match right.q.first.saturating_sub(from) {
            // "A father a mother and a son": a list that lost its commas.
            0 => right.q.first == from && article(left) && article(right),
            1 => matches!(w.w(from), "and" | ","),
            2 => matches!(
                (w.w(from), w.w(from + 1)),
                ("and", "allied" | "their" | "his" | "her") | (",", "and")
            ),
            _ => false,
        }
    };
    for k in (0..cands.len().saturating_sub(1)).rev() {
        // "leaving 23 civilians and 16 combatants dead": the right conjunct's own
        // casualty word ends the coordination as a verb would.
        let right_linked = cands[k + 1].after_link
            || cands[k + 1].harm.is_some() && cands[k + 1].np.harm.is_some();
        if cands[k].harm.is_none() && right_linked && joined(&cands[k], &cands[k + 1]) {
            cands[k].harm = cands[k + 1].harm;
            cands[k].after_link = true;
        }
    }
    for k in 1..cands.len() {
        if cands[k].harm.is_none()
            && cands[k - 1].harm.is_some()
            && (cands[k - 1].before_link || cands[k - 1].np.harm.is_some())
            && joined(&cands[k - 1], &cands[k])
        {
            cands[k].harm = cands[k - 1].harm;
        }
    }
    // "An adult and a child have been killed", "a man and a woman": single victims
    // listed together are one count.
    let single = |c: &Cand| c.np.person.is_some() && c.q.min == 1 && c.q.max == Some(1);
    // A count of companions: "12 other militants", "three of his comrades".
    let companions = |c: &Cand| {
        matches!(w.w(c.q.end), "other" | "others")
            || w.w(c.q.end) == "of" && matches!(w.w(c.q.end + 1), "his" | "her" | "their")
    };
    cands.dedup_by(|c, prev| {
        let run = prev.np.person.is_some() && prev.q.max == Some(prev.q.min);
        // "two women and their seven children": a family counted in parts.
        let kin = {
            let from = prev.np.end.max(prev.q.end);
            w.w(from) == "and"
                && matches!(w.w(from + 1), "their" | "his" | "her")
                && c.q.first == from + 2
                && prev.q.max == Some(prev.q.min)
                && c.q.max == Some(c.q.min)
        };
        // "Ten children and five women have been killed", "four children and one
        // man": non-combatants counted in parts are one toll (a count of fighters
        // beside one of soldiers stays two sides).
        let unarmed = |x: &Cand| {
            matches!(
                x.np.category,
                Some(
                    CasualtyCategory::People
                        | CasualtyCategory::Children
                        | CasualtyCategory::Women
                        | CasualtyCategory::Civilians
                )
            ) && x.q.max == Some(x.q.min)
        };
        // Not the parts of a toll given elsewhere: "Among the dead were 20 children
        // and nine women", "three children and two women were among the dead".
        let parts = unarmed(prev) && unarmed(c) && {
            let from = prev.np.end.max(prev.q.end);
            let among = (prev.q.first.saturating_sub(5)..(c.np.end.max(c.q.end) + 3).min(w.len()))
                .any(|k| w.w(k) == "among");
            w.w(from) == "and" && c.q.first == from + 1 && !among
        };
        // "His son and 12 other militants were killed": one person and the companions
        // counted after him are one toll of the companions' kind.
        if single(prev)
            && companions(c)
            && c.harm.is_some()
            && prev.harm == c.harm
            && joined(prev, c)
        {
            prev.q.min = c.q.min.saturating_add(1);
            prev.q.max = c.q.max.map(|m| m.saturating_add(1));
            prev.q.end = c.q.end;
            prev.np.category = c.np.category.or(prev.np.category);
            prev.np.end = c.np.end;
            return true;
        }
        let merge = (run && single(c) || kin || parts)
            && c.harm.is_some()
            && prev.harm == c.harm
            && joined(prev, c);
        if merge {
            prev.q.min += c.q.min;
            prev.q.max = Some(prev.q.min);
            prev.q.end = c.q.end;
            if prev.np.category != c.np.category {
                prev.np.category = Some(CasualtyCategory::People);
            }
            prev.np.end = c.np.end;
        }
        merge
    });
    // "clashed with the terrorists ..., killing 16 of them": the victims of "of them"
    // are the nearest victim noun before the count.
    for c in &mut cands {
        if c.np.of_them && c.np.category.is_none() {
            // Not the killers: "Syrian soldiers also killed a number of them", "were
            // gassed ... by the al-Qaeda-linked terrorists".
            let agent = |k: usize| {
                (k + 1..(k + 4).min(c.q.first))
                    .any(|j| !w.w(j).ends_with("ing") && harm_word_before_count(w, vocab, j))
                    || (k.saturating_sub(4)..k).any(|j| w.w(j) == "by")
            };
            c.np.category =
                (0..c.q.first)
                    .rev()
                    .find_map(|k| match vocab.casualty.word_id(w.id(k)) {
                        Some(CasualtyWord::Victim(v))
                            if *v != CasualtyCategory::People && !agent(k) =>
                        {
                            Some(*v)
                        }
                        _ => None,
                    });
        }
    }
    // "killed 28 and wounded 30 Daesh militants": a bare count shares the noun of the
    // count coordinated after it.
    for k in 0..cands.len().saturating_sub(1) {
        let (left, right) = (&cands[k], &cands[k + 1]);
        let bare = left.np.category.is_none() && left.np.end <= left.q.end && !left.np.more;
        let from = left.q.end;
        if bare
            && left.harm.is_some()
            && right.harm.is_some()
            && w.w(from) == "and"
            && right.q.first > from + 1
            && right.q.first <= from + 3
            && (from + 1..right.q.first).all(|j| harm_word_before_count(w, vocab, j))
        {
            cands[k].np.category = cands[k + 1].np.category;
            cands[k].np.government |= cands[k + 1].np.government;
        }
    }
    // "The strike killed the commander and three other people", "Hassan Abboud was
    // killed along with several other leading members of the group": one more victim,
    // named before the companions and not counted himself.
    for k in 0..cands.len() {
        let c = &cands[k];
        if !companions(c) || c.q.first < 3 {
            continue;
        }
        let before = c.q.first - 1;
        let counted_before = k
            .checked_sub(1)
            .is_some_and(|p| cands[p].np.end.max(cands[p].q.end) >= before);
        let mut harm = c.harm;
        // Only a count with no verb of its own: "Five civilians were killed on Thursday
        // and 90 others were wounded" coordinates two clauses.
        let one_more = if w.w(before) == "and" && !counted_before && harm.is_none() {
            // A name or a singular person noun right before "and".
            let head = before - 1;
            let singular = w.cap(head)
                || matches!(
                    w.w(head),
                    "commander"
                        | "leader"
                        | "son"
                        | "aide"
                        | "cleric"
                        | "brother"
                        | "father"
                        | "deputy"
                        | "spokesman"
                        | "emir"
                        | "chief"
                        | "driver"
                )
                || matches!(
                    vocab.casualty.word_id(w.id(head)),
                    Some(CasualtyWord::Person(_))
                );
            if singular {
                // The verb before the person: "killed the commander and".
                harm = (head.saturating_sub(8)..head)
                    .rev()
                    .take_while(|&j| !matches!(w.w(j), "," | ";" | ":") && !is_aux(w.w(j)))
                    .find_map(|j| match vocab.casualty.word_id(w.id(j)) {
                        Some(CasualtyWord::Harm(h, at)) if at.before => Some(*h),
                        _ => None,
                    });
            }
            singular
        } else if w.w(before) == "with" && w.w(before - 1) == "along" && harm.is_none() {
            harm = match vocab.casualty.word_id(w.id(before - 2)) {
                Some(CasualtyWord::Harm(h, at)) if at.after => Some(*h),
                _ => None,
            };
            harm.is_some()
        } else {
            false
        };
        if one_more && harm.is_some() {
            let c = &mut cands[k];
            c.harm = harm;
            c.q.min = c.q.min.saturating_add(1);
            c.q.max = c.q.max.map(|m| m.saturating_add(1));
        }
    }
    let mut out: Vec<Count> = Vec::new();
    for c in cands {
        let Some(harm) = c.harm else { continue };
        let mut category = c.np.category;
        if category == Some(CasualtyCategory::Fighters) && c.np.government {
            category = Some(CasualtyCategory::Soldiers);
        }
        // "killed around 10 IS commanders and wounded 40 more": more of the same
        // fighters; "killing at least 21 civilians and injuring dozens more": more
        // people, not only civilians (as most gold sets read it: 463 right against
        // 458 when civilians are carried over, on the 33 sets).
        if c.np.more && category.is_none() {
            category = out.last().map(|p| match p.category {
                CasualtyCategory::Civilians
                | CasualtyCategory::Children
                | CasualtyCategory::Women => CasualtyCategory::People,
                other => other,
            });
        }
        out.push(Count {
            harm,
            min: c.q.min,
            max: c.q.max,
            category: category.unwrap_or(CasualtyCategory::People),
            first: c.q.first,
            end: c.np.end.max(c.q.end),
            update: c.update,
        });
    }
    // "five of the dead were children": the category is the complement.
    for c in &mut out {
        // "10 of those killed were believed to be civilians".
        let e = if matches!(w.w(c.end), "killed" | "dead") {
            c.end + 1
        } else {
            c.end
        };
        if c.category == CasualtyCategory::People && w.w(e) == "were" {
            let at = if matches!(w.w(e + 1), "believed" | "thought" | "said")
                && w.w(e + 2) == "to"
                && w.w(e + 3) == "be"
            {
                e + 4
            } else {
                e + 1
            };
            // "were opposition fighters", "were Syrian rebel fighters": up to two
            // modifiers before the noun.
            let modifier =
                |k: usize| w.is_word(k) && (w.cap(k) || modifier_category(w, k).is_some());
            for k in at..at + 3 {
                if let Some(CasualtyWord::Victim(cat)) = vocab.casualty.word_id(w.id(k)) {
                    c.category = *cat;
                    break;
                }
                if !modifier(k) {
                    break;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_schema::Span;

    /// Each count's minimum and category.
    fn cats(s: &str) -> Vec<(u32, CasualtyCategory)> {
        counts(s).into_iter().map(|c| (c.1, c.3)).collect()
    }

    fn counts(s: &str) -> Vec<(Harm, u32, Option<u32>, CasualtyCategory, String)> {
        let vocab = Vocab::new();
        let w = Words::new(s, Span::new(0, s.len()), &vocab);
        find(&w, &vocab, &|_| false)
            .into_iter()
            .map(|c| {
                (
                    c.harm,
                    c.min,
                    c.max,
                    c.category,
                    w.text_of(c.first, c.end).to_string(),
                )
            })
            .collect()
    }

    use CasualtyCategory::*;
    use Harm::*;

    #[test]
    fn links_counts_to_casualty_words_on_either_side() {
        let c = counts("Air strikes hit a crowded vegetable market on Sunday, killing at least 35 people and wounding more than 60, a war monitor said.");
        assert_eq!(
            c[0],
            (Killed, 35, None, People, "at least 35 people".into())
        );
        assert_eq!(c[1].0, Injured);
        assert_eq!((c[1].1, c[1].2), (61, None));
        let c = counts("Forty-three ISIS terrorists were killed and five others were wounded.");
        assert_eq!((c[0].0, c[0].1, c[0].3), (Killed, 43, Militants));
        assert_eq!((c[1].0, c[1].1, c[1].3), (Injured, 5, People));
        let c = counts(
            "12 citizens were martyred and 17 others were injured by terrorist mortar fire.",
        );
        assert_eq!((c[0].1, c[0].3), (12, Civilians));
        assert_eq!((c[1].0, c[1].1), (Injured, 17));
        let c = counts("the monitor said it had documented nine deaths by name");
        assert_eq!((c[0].0, c[0].1), (Killed, 9));
    }

    #[test]
    fn a_second_verb_with_its_own_count_starts_a_new_clause() {
        // fresh7 #92: "injured" is the verb of "two others", not of "three citizens".
        let c = counts(
            "the explosion claimed the lives of three citizens injured two others and caused the destruction of the car",
        );
        assert_eq!(
            c.iter().map(|c| (c.0, c.1)).collect::<Vec<_>>(),
            [(Killed, 3), (Injured, 2)]
        );
        // fresh7 #89: "causing serious injuries" after "including a child and".
        let c =
            counts("killing two people including a child and causing serious injuries to a woman");
        assert_eq!((c[0].0, c[0].1), (Killed, 2));
        // fresh7 #113: the noun phrase of "more than 10" ends at "leaving".
        let c = counts("killing more than 10 visitors leaving dozens of people injured");
        assert_eq!((c[0].0, c[0].1), (Killed, 11));
        assert_eq!((c[1].0, c[1].1, c[1].2), (Injured, 24, Some(99)));
    }

    #[test]
    fn coordinated_counts_share_their_verb() {
        let c = counts(
            "at least 19 militants and two dozen soldiers and allied militiamen were killed",
        );
        assert_eq!(
            (c[0].0, c[0].1, c[0].2, c[0].3),
            (Killed, 19, None, Militants)
        );
        assert_eq!((c[1].0, c[1].1, c[1].3), (Killed, 24, Soldiers));
        let c = counts("rebels attacked a checkpoint killing six civilians and five militiamen the Observatory said");
        assert_eq!((c[0].1, c[0].3), (6, Civilians));
        assert_eq!((c[1].0, c[1].1, c[1].3), (Killed, 5, Fighters));
    }

    #[test]
    fn sub_counts_ages_and_things_are_not_casualty_counts() {
        let c = counts("At least 87 people including 31 children died in the suspected attack.");
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].1, c[0].2), (87, None));
        assert!(counts("More than 300 displaced families have reached makeshift camps").is_empty());
        assert!(counts("Israeli jets fired four missiles at the 47th Brigade in 2014").is_empty());
        assert!(counts("Paddock, 64, opened fire from the 32nd floor").is_empty());
        assert!(counts("three million refugees were killed").is_empty());
    }

    #[test]
    fn another_and_the_islamic_state_abbreviation_in_a_count() {
        // fresh6 #139, #140.
        let c = counts(
            "According to the Kurdish Firat News Agency 10 IS militants were killed during fights",
        );
        assert_eq!((c.len(), c[0].1, c[0].3), (1, 10, Militants));
        let c = counts("Another militant was killed in a village to the east of the town.");
        assert_eq!(
            (c.len(), c[0].1, c[0].2, c[0].3),
            (1, 1, Some(1), Militants)
        );
    }

    #[test]
    fn members_of_a_group_up_to_the_verb() {
        // fresh10 (the New Arab, 1923102825), fresh4 #25.
        let c = counts("Fourteen members of the Jaish al-Islam rebel group were killed when a suicide bomb blast targeted their positions.");
        assert_eq!((c.len(), c[0].1), (1, 14));
        let c = counts(
            "More than 40 members of the pro-regime forces were killed said the Observatory.",
        );
        assert_eq!((c.len(), c[0].1), (1, 41));
    }

    #[test]
    fn single_victims_listed_together_are_one_count() {
        // fresh10 #0, #138, #148.
        let c = counts("An adult and a child have been killed in Syrias Aleppo city.");
        assert_eq!((c.len(), c[0].1, c[0].2, c[0].3), (1, 2, Some(2), People));
        let c = counts("A father a mother and a son were killed.");
        assert_eq!((c.len(), c[0].1), (1, 3));
        let c = counts(
            "shells landed on the market claiming the lives of a man and a woman injuring 5 others",
        );
        assert_eq!((c[0].0, c[0].1, c[1].0, c[1].1), (Killed, 2, Injured, 5));
    }

    #[test]
    fn lives_claimed_and_regime_loyalists() {
        // fresh10 #55, #146, #52.
        let c = counts("where Russian raids claimed 17 lives overnight");
        assert_eq!((c.len(), c[0].0, c[0].1), (1, Killed, 17));
        let c =
            counts("The heavy fighting claimed the lives of 129 regime loyalists and 116 rebels");
        assert_eq!((c[0].1, c[0].3), (129, Soldiers));
    }

    #[test]
    fn categories_from_modifiers_antecedents_and_coordinated_counts() {
        // Sentences of the gold sets (fresh21, fresh25, fresh27 and others).
        // A group's name or a government word before a neutral head.
        assert_eq!(
            cats("The strike killed two senior Islamic State group (IS) leaders on Monday."),
            [(2, Militants)]
        );
        assert_eq!(
            cats("The Islamic State launched a counteroffensive killing 40 government forces."),
            [(40, Soldiers)]
        );
        assert_eq!(
            cats("Fighting has also killed 30 regime and allied fighters on Friday."),
            [(30, Soldiers)]
        );
        assert_eq!(
            cats("At least eight Syrian civil defence workers were killed when an air strike hit."),
            [(8, Medics)]
        );
        assert_eq!(
            cats("Three Islamic Relief workers were killed in the strike."),
            [(3, People)]
        );
        // The group after "of" when none came before the head.
        assert_eq!(
            cats("The army thwarted an attack killing two commanders of the al-Nusra Front."),
            [(2, Militants)]
        );
        // "of them": the nearest victim noun before, not the killers.
        assert_eq!(
            cats("The army clashed with the terrorists in Jabal al-Turkman killing 16 of them."),
            [(16, Militants)]
        );
        assert_eq!(
            cats("The Syrian army targeted the militants bunkers killing a number of them."),
            [(3, Militants)]
        );
        assert_eq!(
            cats("Children were gassed by the terrorists of Hayat Tahrir al-Sham and 27 of them are dead."),
            [(27, Children)]
        );
        // A bare count shares the noun of the count coordinated after it.
        assert_eq!(
            cats("The Syrian army killed 28 and wounded 30 Daesh terror group militants."),
            [(28, Militants), (30, Militants)]
        );
        // The complement names the category, after modifiers.
        assert_eq!(
            cats("At least six of those killed were Syrian rebel fighters, he added."),
            [(6, Fighters)]
        );
        // Two sides in one count; a man and a woman stay two single victims.
        assert_eq!(
            cats("At least 88 rebel and regime forces have been killed in two days."),
            [(88, People)]
        );
        assert_eq!(
            cats("Shells claimed the lives of a man and a woman and injured others."),
            [(2, People)]
        );
    }

    #[test]
    fn kin_by_a_possessive_hostages_peoples_and_killings_of() {
        // FNC-1 bodies (fresh45).
        assert_eq!(
            cats("She saw the Taliban kill her son in an ambush."),
            [(1, People)]
        );
        assert_eq!(
            cats("Four hostages were killed in the incident along with Coulibaly."),
            [(4, People)]
        );
        assert_eq!(
            cats("Twenty-five Taliban were reported killed - with five more wounded."),
            [(25, Militants), (5, Militants)]
        );
        assert_eq!(
            cats("France was in shock following the killing of 12 people in an attack."),
            [(12, People)]
        );
        assert_eq!(
            cats("The group released a video showing the execution of nine men."),
            [(9, People)]
        );
        // A slash joins two names of one modifier.
        assert_eq!(
            cats("The troops took the town, killing at least 50 PKK/YPG terrorists."),
            [(50, Militants)]
        );
        // No harm, no count: "his son said", "took 20 hostages"; a mourner's own dead
        // are not the incident's count.
        assert!(cats("His son said the gunmen took 20 hostages.").is_empty());
        assert!(
            cats("They knew who would be there, said a shopkeeper who lost his brother.")
                .is_empty()
        );
    }

    #[test]
    fn reported_deaths_and_categories_of_those_killed() {
        // fresh4 #150, fresh9 #51.
        let c =
            counts("Three Tunisian terrorists were said to be killed in al-Hizam al-Akhdar area.");
        assert_eq!((c.len(), c[0].1, c[0].3), (1, 3, Militants));
        let c = counts("Abdel Rahman said 10 of those killed were believed to be civilians.");
        assert_eq!((c.len(), c[0].1, c[0].3), (1, 10, Civilians));
    }

    #[test]
    fn victims_with_a_phrase_of_origin_kin_and_counts_of_both() {
        // fresh11 #0, #79, #41, #82, #123, #105.
        let c = counts("Three women from the besieged town of Madaya west of the Syrian capital Damascus were killed after being hit by artillery shells.");
        assert_eq!((c.len(), c[0].1, c[0].3), (1, 3, Women));
        let c = counts(
            "Five civilians of one family including a child were killed and dozens injured.",
        );
        assert_eq!((c[0].0, c[0].1, c[0].3), (Killed, 5, Civilians));
        let c = counts("a coalition raid on Manbij killed two women and their seven children");
        assert_eq!((c.len(), c[0].1, c[0].2, c[0].3), (1, 9, Some(9), People));
        let c = counts(
            "rocket shells hit the city claiming the life of a woman and injuring two others",
        );
        assert_eq!((c[0].0, c[0].1, c[1].0, c[1].1), (Killed, 1, Injured, 2));
        let c = counts("The elimination of 34 militants has been confirmed");
        assert_eq!((c.len(), c[0].1, c[0].3), (1, 34, Militants));
        assert!(counts(
            "the coalition attacked residential areas leaving dozens killed and injured"
        )
        .is_empty());
        // "from the town and wounded" is the next clause, not the victims' phrase.
        let c = counts("Russian jets killed 12 civilians from the town and wounded 20 others.");
        assert_eq!((c[0].0, c[0].1, c[1].0, c[1].1), (Killed, 12, Injured, 20));
    }

    #[test]
    fn several_hundred_dead_civilians_and_neutralized() {
        // fresh12 #62, #70, #117 (hard case 122).
        let c =
            counts("strikes since last December killing several hundred people mostly civilians");
        assert_eq!((c[0].1, c[0].2), (300, Some(900)));
        let c = counts("giving a toll of eight dead civilians");
        assert_eq!((c.len(), c[0].1, c[0].3), (1, 8, Civilians));
        let c = counts("over 50 terrorists were neutralized in the process AMN reported");
        assert_eq!((c.len(), c[0].1, c[0].3), (1, 51, Militants));
    }

    #[test]
    fn a_nationality_in_the_plural_is_a_victim_noun() {
        // fresh9 #3.
        let c = counts(
            "Around 600 Syrians including 136 children have been killed in coalition air strikes",
        );
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].0, c[0].1, c[0].3), (Killed, 540, People));
    }

    #[test]
    fn toll_updates_are_marked() {
        let c = counts("The death toll from the market strike rose to 41, including 11 children.");
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].0, c[0].1, c[0].2), (Killed, 41, Some(41)));
        let vocab = Vocab::new();
        let s = "The death toll from the market strike rose to 41.";
        let w = Words::new(s, Span::new(0, s.len()), &vocab);
        assert!(find(&w, &vocab, &|_| false)[0].update);
        let c = counts("WHO said in a statement putting the death toll at at least 70.");
        assert_eq!((c[0].1, c[0].2), (70, None));
    }

    #[test]
    fn destroyed_counts_only_people() {
        let c = counts("The Russian Aerospace Forces have destroyed some 120 Daesh (banned in Russia) militants trying to escape Raqqa");
        assert_eq!(
            (c[0].0, c[0].1, c[0].2, c[0].3),
            (Killed, 108, Some(132), Militants)
        );
        assert!(
            counts("The bombings destroyed 4 health facilities a power station and a mosque.")
                .is_empty()
        );
        assert!(counts("Ten IS group targets were hit in the strikes which also destroyed one building used by the militants as a base.").is_empty());
        let c = counts(
            "Syrian troops killed 40 Daesh (ISIS, banned in Russia) terrorists near Palmyra.",
        );
        assert_eq!((c[0].1, c[0].3), (40, Militants));
        let c = counts("ISIL also lost 15 militants in the attack the monitor said.");
        assert_eq!((c[0].0, c[0].1, c[0].3), (Killed, 15, Militants));
        assert!(counts("The rebels lost 3 villages to the army.").is_empty());
    }

    #[test]
    fn single_victims_and_vague_counts() {
        let c = counts("the army says opposition forces killed a pilot they captured");
        assert_eq!((c[0].1, c[0].2, c[0].3), (1, Some(1), Soldiers));
        let c =
            counts("In Damascus a mortar hit the central Umayyad square killing one policeman.");
        assert_eq!((c[0].1, c[0].3), (1, Police));
        let c = counts("Dozens of people were killed and hundreds were injured Sunday.");
        assert_eq!((c[0].1, c[0].2), (24, Some(99)));
        assert_eq!((c[1].0, c[1].1, c[1].2), (Injured, 200, Some(999)));
        let c =
            counts("over 10 civilians were also killed and 18 more wounded in Russian airstrikes");
        assert_eq!((c[1].0, c[1].1, c[1].3), (Injured, 18, People));
    }
}
