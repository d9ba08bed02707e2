//! What a line looks like: headline or sentence, link label, name. Cheap byte and char
//! tests, no regex, because they run on many lines of every article.

/// Words separated by ASCII whitespace (a byte scan: this runs on most lines).
pub(crate) fn word_count(s: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for &b in s.as_bytes() {
        let ws = b <= b' ';
        n += usize::from(!ws && !in_word);
        in_word = !ws;
    }
    n
}

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "jr", "sr", "lt", "col", "capt",
    "sgt", "maj", "adm", "prof", "rev", "hon", "vs", "no", "inc", "corp", "co", "ltd", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft",
    "u.s", "u.n", "u.k", "e.g", "i.e", "a.m", "p.m", "d.c", "al",
];

/// Whether `s` holds a sentence boundary before its end: `.` (and with `questions`,
/// also `!` or `?`) followed by a space and a capital letter (or an opening quote), not
/// after an abbreviation or an initial. Headlines have none; body paragraphs usually
/// have several. Link labels may ask a question first ("Free college? Not so easily").
pub(crate) fn has_inner_sentence_break(s: &str, questions: bool) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i + 2 < b.len() {
        let c = b[i];
        if (c == b'.' || (questions && (c == b'!' || c == b'?'))) && b[i + 1] == b' ' {
            // What follows: optional quote, then an uppercase letter.
            let rest = &s[i + 2..];
            let rest = rest.trim_start_matches(['"', '\'', '\u{201c}', '\u{2018}', '(']);
            let starts_upper = rest.chars().next().is_some_and(|ch| ch.is_uppercase());
            if starts_upper && (c != b'.' || !ends_with_abbreviation(&s[..i])) {
                return true;
            }
        }
        i += 1;
    }
    false
}

fn ends_with_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    if word.chars().count() <= 1 {
        // An initial ("John F. Kennedy") or nothing.
        return true;
    }
    let lower = word.to_ascii_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
        // "U.S." style: letters separated by dots.
        || (word.len() <= 6 && word.contains('.'))
}

/// Whether a line reads like a headline (or a subheading, or a link label): short, no
/// sentence break inside, not ending like a clause that continues.
pub(crate) fn looks_like_headline(s: &str) -> bool {
    let len = s.len();
    if !(3..=220).contains(&len) {
        return false;
    }
    let words = word_count(s);
    if words == 0 || words > 28 {
        return false;
    }
    let first = s.chars().next().unwrap_or(' ');
    if first.is_lowercase() {
        return false;
    }
    let last = s.chars().next_back().unwrap_or(' ');
    if matches!(last, ',' | ';' | ':' | '-' | '\u{2013}' | '\u{2014}' | '(') {
        return false;
    }
    if last == '.' && (words > 14 || s.ends_with("...")) {
        return false;
    }
    if has_inner_sentence_break(s, true) {
        return false;
    }
    // A headline carries at least some letters.
    s.bytes().filter(|b| b.is_ascii_alphabetic()).count() * 2 >= len.min(40)
        || s.chars().filter(|c| c.is_alphabetic()).count() >= 3
}

/// Whether a line could be the label of a link in a "Related"/"Read more" list.
pub(crate) fn looks_like_link_label(s: &str) -> bool {
    if s.len() > 160 || word_count(s) > 24 {
        return false;
    }
    if has_inner_sentence_break(s, false) {
        return false;
    }
    let last = s.chars().next_back().unwrap_or(' ');
    // Teasers sometimes end with a date ("OCT. 7, 2016") or a chevron; never with a
    // period after many words (that is a sentence).
    !(last == '.' && word_count(s) > 10 && !ends_with_year(s))
}

pub(crate) fn ends_with_year(s: &str) -> bool {
    let b = s.trim_end_matches(['.', ')']).as_bytes();
    b.len() >= 4
        && b[b.len() - 4..].iter().all(|c| c.is_ascii_digit())
        && (b.len() == 4 || !b[b.len() - 5].is_ascii_digit())
}

/// Whether `s` reads like a person's name or a short list of names: 1 to 5 words per
/// name, each capitalised (particles such as "de", "van", "al-" allowed), joined by
/// "and" or "&" or commas.
pub(crate) fn looks_like_names(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() || s.len() > 80 {
        return false;
    }
    let mut capitalised = 0;
    let mut words = 0;
    for w in s.split_whitespace() {
        let w = w.trim_matches(|c: char| c == ',' || c == '.' || c == '"');
        if w.is_empty() {
            continue;
        }
        words += 1;
        let lower = w.to_ascii_lowercase();
        if matches!(
            lower.as_str(),
            "and"
                | "&"
                | "de"
                | "da"
                | "del"
                | "della"
                | "van"
                | "von"
                | "der"
                | "den"
                | "la"
                | "le"
                | "bin"
                | "ibn"
                | "al"
                | "el"
                | "du"
                | "dos"
                | "di"
                | "y"
        ) {
            continue;
        }
        let first = w.chars().next().unwrap_or(' ');
        if first.is_uppercase() || w.starts_with("al-") || w.starts_with("el-") {
            capitalised += 1;
        } else {
            return false;
        }
    }
    (1..=12).contains(&words) && capitalised >= 1
}

/// Appends a normalised key for `s` to `out`: lowercase, letters and digits only, a run
/// of digits becomes `#`, everything else collapses to a single space. "3 Comments:"
/// and "3  comments" both give `# comments`; "Like · Reply" gives `like reply`.
pub(crate) fn normalize_key(s: &str, out: &mut String) {
    out.clear();
    // At most one byte per byte of `s` but for the rare letter whose lower case is longer.
    out.reserve(s.len());
    let mut pending_space = false;
    let mut in_digits = false;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII bytes by one table look-up, as the general path below treats them.
        if b < 0x80 {
            match KEY_CLASS[usize::from(b)] {
                KEY_LETTER => {
                    in_digits = false;
                    if pending_space && !out.is_empty() {
                        out.push(' ');
                    }
                    pending_space = false;
                    // A run of ASCII letters, lower-cased byte by byte (setting bit 5
                    // lower-cases an ASCII letter): runs are words, too short for a
                    // copy call to pay.
                    out.push(char::from(b | 0x20));
                    i += 1;
                    while let Some(&c) = bytes.get(i) {
                        if c >= 0x80 || KEY_CLASS[usize::from(c)] != KEY_LETTER {
                            break;
                        }
                        out.push(char::from(c | 0x20));
                        i += 1;
                    }
                    continue;
                }
                KEY_DIGIT => {
                    if !in_digits {
                        if pending_space && !out.is_empty() {
                            out.push(' ');
                        }
                        out.push('#');
                        in_digits = true;
                    }
                    pending_space = false;
                }
                KEY_APOSTROPHE => in_digits = false,
                _ => {
                    in_digits = false;
                    pending_space = true;
                }
            }
            i += 1;
            continue;
        }
        // Other characters decoded one at a time: none is an ASCII digit.
        let c = s[i..].chars().next().unwrap_or(' ');
        i += c.len_utf8();
        in_digits = false;
        // The General Punctuation block (curly quotes, dashes) holds no letter or
        // digit: known without the Unicode tables.
        if !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            // A lower case holds no upper-case ASCII letter (the tests check every
            // char): nothing is left to lower-case afterwards.
            out.extend(c.to_lowercase());
        } else if c == '\u{2019}' {
            // "Editor's" and "Editor’s" alike: drop the apostrophe.
        } else {
            pending_space = true;
        }
    }
}

/// Classes of ASCII bytes for [`normalize_key`].
const KEY_OTHER: u8 = 0;
const KEY_DIGIT: u8 = 1;
const KEY_LETTER: u8 = 2;
const KEY_APOSTROPHE: u8 = 3;

const KEY_CLASS: [u8; 128] = {
    let mut t = [KEY_OTHER; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b.is_ascii_digit() {
            KEY_DIGIT
        } else if b.is_ascii_alphabetic() {
            KEY_LETTER
        } else if b == b'\'' {
            KEY_APOSTROPHE
        } else {
            KEY_OTHER
        };
        i += 1;
    }
    t
};

/// Whether `s` is a web address and nothing else.
pub(crate) fn is_url(s: &str) -> bool {
    // The scheme is read of the first 8 bytes, compared in place (no lower-cased copy).
    let Some(start) = s.get(..8).map(str::as_bytes) else {
        return false;
    };
    s.len() > 8
        && (start[..7].eq_ignore_ascii_case(b"http://")
            || start.eq_ignore_ascii_case(b"https://")
            || start[..4].eq_ignore_ascii_case(b"www."))
        && !s.contains(char::is_whitespace)
}

/// Lines made only of rule characters: `-----`, `* * *`, `=====`, `___`.
pub(crate) fn is_separator(s: &str) -> bool {
    let mut n = 0;
    for c in s.chars() {
        match c {
            '-' | '_' | '=' | '*' | '#' | '~' | '+' | '\u{2014}' | '\u{2013}' | '\u{2022}'
            | '\u{b7}' => n += 1,
            ' ' | '\t' => {}
            _ => return false,
        }
    }
    n >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-run fast path against the reference, on real news lines.
    #[test]
    fn keys_agree_with_their_definition_on_real_text() {
        let mut key = String::from("stale");
        let mut check = |line: &str| {
            normalize_key(line, &mut key);
            assert_eq!(key, normalize_key_reference(line), "{line:?}");
        };
        for line in [
            "",
            "3 Comments:",
            "  Like \u{b7} Reply ",
            "Editor\u{2019}s PICK: 12,500 \u{130}stanbul \u{c9}LAN caf\u{e9}s 2nd-hand",
            "\u{2460} \u{bd} \u{1d7d8} x\u{0301}y \u{3a3}\u{391}\u{3a3} ABC123def 9",
        ] {
            check(line);
        }
        let Some(dir) = crosscheck_datasets::dataset_dir("fa-kes") else {
            eprintln!("skipped: FA-KES is absent");
            return;
        };
        let bytes = std::fs::read(dir.join("FA-KES-Dataset.csv")).expect("FA-KES csv");
        let text = String::from_utf8_lossy(&bytes);
        let mut lines = 0;
        for line in text.lines() {
            check(line);
            // Cuts at char boundaries, as the cleaner's windows give them.
            for cut in [1, 7, 40, 90] {
                let mut at = cut.min(line.len());
                while !line.is_char_boundary(at) {
                    at -= 1;
                }
                check(&line[..at]);
            }
            lines += 1;
        }
        assert!(lines > 500, "{lines} lines");
    }

    #[test]
    fn headlines_and_sentences() {
        assert!(looks_like_headline(
            "Syria attack symptoms consistent with nerve agent use WHO"
        ));
        assert!(looks_like_headline(
            "U.S. Army says Mr. Smith will lead the inquiry"
        ));
        assert!(looks_like_headline(
            "ISIS kills more than 50 in central Syria attack."
        ));
        assert!(!looks_like_headline(
            "The mayor said on Tuesday that the bridge would reopen. Nobody believed him."
        ));
        assert!(!looks_like_headline("and then the crowd went home"));
    }

    #[test]
    fn keys_and_names() {
        let mut k = String::new();
        normalize_key("3 Comments:", &mut k);
        assert_eq!(k, "# comments");
        normalize_key("Like \u{b7} Reply", &mut k);
        assert_eq!(k, "like reply");
        normalize_key("Editor\u{2019}s picks", &mut k);
        assert_eq!(k, "editors picks");
        assert!(looks_like_names("Jane Doe and Omar al-Masri"));
        assert!(!looks_like_names("the criminals and thugs"));
    }

    /// The definition of [`normalize_key`], one char at a time: what its table
    /// path is checked against.
    fn normalize_key_reference(s: &str) -> String {
        let mut out = String::new();
        let (mut pending_space, mut in_digits) = (false, false);
        for c in s.chars() {
            if c.is_ascii_digit() {
                if !in_digits {
                    if pending_space && !out.is_empty() {
                        out.push(' ');
                    }
                    out.push('#');
                    in_digits = true;
                }
                pending_space = false;
                continue;
            }
            in_digits = false;
            if c.is_ascii_alphabetic() || (!c.is_ascii() && c.is_alphanumeric()) {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.extend(c.to_lowercase());
            } else if c == '\'' || c == '\u{2019}' {
            } else {
                pending_space = true;
            }
        }
        out
    }

    #[test]
    fn keys_agree_with_their_definition() {
        let lines = [
            "3 Comments:",
            "  Like \u{b7} Reply 12,400 ",
            "Editor's picks \u{2014} \u{C9}DITION 2019/04/05",
            "ISTANBUL (AP) \u{2013} \u{130}stanbul'da 5 ki\u{15F}i",
            "\u{201C}Read more\u{201D}: 1 2 3 x4y5",
            "Share on Facebook | Tweet | E-mail | Print \u{0661}\u{0662} \u{00B2}",
            "",
            "'''",
        ];
        let mut k = String::new();
        for line in lines {
            normalize_key(line, &mut k);
            assert_eq!(k, normalize_key_reference(line), "{line:?}");
        }
        // Mixed case, runs of letters of every length, a key reused.
        for n in 0..40 {
            let line = format!(
                "{} X{}y {}",
                "aB".repeat(n),
                "Q".repeat(n),
                "Zz9".repeat(n % 7)
            );
            normalize_key(&line, &mut k);
            assert_eq!(k, normalize_key_reference(&line), "{line:?}");
        }
    }

    /// [`normalize_key`] lower-cases ASCII letters as it reads them and leaves the
    /// lower case of any other letter as it is: no such lower case holds an
    /// upper-case ASCII letter.
    #[test]
    fn no_lower_case_holds_an_upper_case_ascii_letter() {
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            if !c.is_ascii() {
                assert!(!c.to_lowercase().any(|l| l.is_ascii_uppercase()), "{c:?}");
            }
        }
    }
}
