//! Word tokens on short news phrases.

use crosscheck_schema::Span;
use crosscheck_segment::{tokens, TokenKind};

fn toks(text: &str) -> Vec<&str> {
    tokens(text, Span::new(0, text.len()))
        .map(|t| t.text(text))
        .collect()
}

fn kinds(text: &str) -> Vec<(&str, TokenKind)> {
    tokens(text, Span::new(0, text.len()))
        .map(|t| (t.text(text), t.kind))
        .collect()
}

#[test]
fn inner_hyphens_and_apostrophes_stay_inside_words() {
    assert_eq!(
        toks("Bashar al-Assad's forces don't hold Deir ez-Zor."),
        [
            "Bashar",
            "al-Assad's",
            "forces",
            "don't",
            "hold",
            "Deir",
            "ez-Zor",
            "."
        ]
    );
    assert_eq!(
        toks("O\u{2019}Brien\u{2019}s F-16 and Su-24"),
        ["O\u{2019}Brien\u{2019}s", "F-16", "and", "Su-24"]
    );
    assert_eq!(toks("a 10-year-old boy"), ["a", "10-year-old", "boy"]);
}

#[test]
fn trailing_apostrophes_and_dashes_are_punctuation() {
    assert_eq!(
        toks("the officials' claims -- and 'denials'"),
        [
            "the",
            "officials",
            "'",
            "claims",
            "--",
            "and",
            "'",
            "denials",
            "'"
        ]
    );
    assert_eq!(toks("2015-2016 war"), ["2015", "-", "2016", "war"]);
}

#[test]
fn numbers_keep_their_separators() {
    assert_eq!(
        kinds("1,200 dead, 3.5 percent, 1.2 million at 10:30"),
        [
            ("1,200", TokenKind::Number),
            ("dead", TokenKind::Word),
            (",", TokenKind::Punct),
            ("3.5", TokenKind::Number),
            ("percent", TokenKind::Word),
            (",", TokenKind::Punct),
            ("1.2", TokenKind::Number),
            ("million", TokenKind::Word),
            ("at", TokenKind::Word),
            ("10:30", TokenKind::Number),
        ]
    );
    // A full stop after a number ends the sentence, not the number.
    assert_eq!(toks("in 2013. Then"), ["in", "2013", ".", "Then"]);
    assert_eq!(kinds("2nd")[0], ("2nd", TokenKind::Word));
}

#[test]
fn dotted_acronyms_are_one_word_and_initials_are_not() {
    assert_eq!(
        toks("U.S. and U.N. at 10 a.m., Ph.D. George W. Bush"),
        ["U.S.", "and", "U.N.", "at", "10", "a.m.", ",", "Ph.D.", "George", "W", ".", "Bush"]
    );
    assert_eq!(
        toks("U.S.-backed No.5"),
        ["U.S.", "-", "backed", "No", ".", "5"]
    );
    assert_eq!(toks("pic.twitter.com"), ["pic", ".", "twitter", ".", "com"]);
}

#[test]
fn punctuation_runs_and_symbols() {
    assert_eq!(
        kinds("Why?! ... $5 + 20% \u{2014} \u{201c}no\u{201d} \u{20ac}3"),
        [
            ("Why", TokenKind::Word),
            ("?", TokenKind::Punct),
            ("!", TokenKind::Punct),
            ("...", TokenKind::Punct),
            ("$", TokenKind::Symbol),
            ("5", TokenKind::Number),
            ("+", TokenKind::Symbol),
            ("20", TokenKind::Number),
            ("%", TokenKind::Punct),
            ("\u{2014}", TokenKind::Punct),
            ("\u{201c}", TokenKind::Punct),
            ("no", TokenKind::Word),
            ("\u{201d}", TokenKind::Punct),
            ("\u{20ac}", TokenKind::Symbol),
            ("3", TokenKind::Number),
        ]
    );
}

#[test]
fn unicode_words_and_decomposed_accents() {
    assert_eq!(
        toks("Mu\u{f1}oz Jose\u{301} \u{62d}\u{644}\u{628}\u{00a0}city"),
        ["Mu\u{f1}oz", "Jose\u{301}", "\u{62d}\u{644}\u{628}", "city"]
    );
}

#[test]
fn offsets_are_absolute_and_the_span_is_respected() {
    let text = "Title\n\nRebels took al-Bab.";
    let got: Vec<_> = tokens(text, Span::new(7, 19))
        .map(|t| (t.start, t.end, t.kind))
        .collect();
    assert_eq!(got, [(7, 13, TokenKind::Word), (14, 18, TokenKind::Word)]);
    // A span that cuts a word yields its part; one that cuts a char shrinks to fit.
    assert_eq!(
        tokens(text, Span::new(19, 22))
            .map(|t| t.text(text))
            .collect::<Vec<_>>(),
        ["al", "-"]
    );
    let e = "\u{e9}t\u{e9}";
    assert_eq!(
        tokens(e, Span::new(1, 4))
            .map(|t| t.text(e))
            .collect::<Vec<_>>(),
        ["t"]
    );
    assert_eq!(tokens(e, Span::new(9, 2)).count(), 0);
}
