//! Sentence boundaries on short phrases of the kinds news text is made of.

use crosscheck_schema::Span;
use crosscheck_segment::Segmenter;

fn split(text: &str) -> Vec<&str> {
    Segmenter::new()
        .sentences(text, Span::new(0, text.len()))
        .iter()
        .map(|s| s.slice(text))
        .collect()
}

#[test]
fn plain_sentences_split_after_full_stops_question_and_exclamation_marks() {
    assert_eq!(
        split("Shelling resumed. Six died! Who fired? Nobody knows."),
        [
            "Shelling resumed.",
            "Six died!",
            "Who fired?",
            "Nobody knows."
        ]
    );
}

#[test]
fn military_ranks_and_titles_never_end_a_sentence() {
    assert_eq!(
        split("Maj. Gen. Issam Zahreddine was killed. Lt. Col. John Dorrian denied it."),
        [
            "Maj. Gen. Issam Zahreddine was killed.",
            "Lt. Col. John Dorrian denied it."
        ]
    );
    assert_eq!(
        split("Mr. Assad met Dr. Hassan and Sen. McCain. Mrs. Clinton did not."),
        [
            "Mr. Assad met Dr. Hassan and Sen. McCain.",
            "Mrs. Clinton did not."
        ]
    );
}

#[test]
fn dotted_acronyms_end_a_sentence_only_before_a_sentence_opener() {
    assert_eq!(
        split("U.S. officials and U.N. envoy Staffan de Mistura met. A U.S. strike followed."),
        [
            "U.S. officials and U.N. envoy Staffan de Mistura met.",
            "A U.S. strike followed."
        ]
    );
    assert_eq!(
        split("Russia vetoed a resolution at the U.N. The vote was 11 to 2."),
        [
            "Russia vetoed a resolution at the U.N.",
            "The vote was 11 to 2."
        ]
    );
    assert_eq!(
        split("The U.S. Air Force said so."),
        ["The U.S. Air Force said so."]
    );
}

#[test]
fn months_ending_in_a_full_stop_stay_with_their_day() {
    assert_eq!(
        split("The attack on Sept. 30 killed 12. On Aug. 24 the army withdrew."),
        [
            "The attack on Sept. 30 killed 12.",
            "On Aug. 24 the army withdrew."
        ]
    );
}

#[test]
fn saint_and_number_abbreviations() {
    assert_eq!(
        split("He flew to St. Petersburg. Resolution No. 2254 passed. He said no. Then he left."),
        [
            "He flew to St. Petersburg.",
            "Resolution No. 2254 passed.",
            "He said no.",
            "Then he left."
        ]
    );
    assert_eq!(
        split("They met on Main St. The talks failed."),
        ["They met on Main St.", "The talks failed."]
    );
}

#[test]
fn times_of_day() {
    assert_eq!(
        split("The blast came at 10 a.m. local time. It was 3 p.m. The city was quiet."),
        [
            "The blast came at 10 a.m. local time.",
            "It was 3 p.m.",
            "The city was quiet."
        ]
    );
}

#[test]
fn etc_mid_sentence_and_at_the_end() {
    assert_eq!(
        split("Tanks, jets, etc. were used. They hit schools, markets etc. Nobody was spared."),
        [
            "Tanks, jets, etc. were used.",
            "They hit schools, markets etc.",
            "Nobody was spared."
        ]
    );
}

#[test]
fn initials_are_not_sentence_ends() {
    assert_eq!(
        split("George W. Bush and J. K. Rowling spoke. George H.W. Bush did not."),
        [
            "George W. Bush and J. K. Rowling spoke.",
            "George H.W. Bush did not."
        ]
    );
    assert_eq!(
        split("Dr. J. A. Smith agreed."),
        ["Dr. J. A. Smith agreed."]
    );
}

#[test]
fn decimal_numbers_and_thousands() {
    assert_eq!(
        split("Some 1.2 million people fled. Prices rose 3.5 percent. In 2013. Syria agreed."),
        [
            "Some 1.2 million people fled.",
            "Prices rose 3.5 percent.",
            "In 2013.",
            "Syria agreed."
        ]
    );
    assert_eq!(
        split("It cost $1,200.50 in total."),
        ["It cost $1,200.50 in total."]
    );
}

#[test]
fn ellipses_end_a_sentence_before_a_capital_only() {
    assert_eq!(
        split("They stormed the headquarters... The guards opened fire. A new kind of hunger... no aid came."),
        [
            "They stormed the headquarters...",
            "The guards opened fire.",
            "A new kind of hunger... no aid came."
        ]
    );
    assert_eq!(
        split("Wait\u{2026} What happened?"),
        ["Wait\u{2026}", "What happened?"]
    );
    // An elision after a full stop opens the next sentence of the quotation.
    assert_eq!(
        split("\"It needs judgment. ... [Clinton] has the wisdom.\""),
        ["\"It needs judgment.", "... [Clinton] has the wisdom.\""]
    );
}

#[test]
fn combined_marks_and_editorial_question_marks() {
    assert_eq!(
        split("Is this a war?! It is. George Bush (?) said so. Really?!? Yes."),
        [
            "Is this a war?!",
            "It is.",
            "George Bush (?) said so.",
            "Really?!?",
            "Yes."
        ]
    );
}

#[test]
fn a_question_inside_a_quote_followed_by_lower_case_continues() {
    assert_eq!(
        split("\"Why now?\" he asked. \"Stop!\" she cried."),
        ["\"Why now?\" he asked.", "\"Stop!\" she cried."]
    );
}

#[test]
fn closing_quotes_after_the_full_stop_belong_to_the_sentence() {
    assert_eq!(
        split("\"We will fight,\" he said. \"The war is over.\" Then he left."),
        [
            "\"We will fight,\" he said.",
            "\"The war is over.\"",
            "Then he left."
        ]
    );
    assert_eq!(
        split("He called it \u{201c}a disgrace.\u{201d} Aides agreed."),
        ["He called it \u{201c}a disgrace.\u{201d}", "Aides agreed."]
    );
}

#[test]
fn a_sentence_can_start_inside_a_quotation() {
    assert_eq!(
        split("He said: \"The army advanced. Then it retreated.\" Nobody believed him."),
        [
            "He said: \"The army advanced.",
            "Then it retreated.\"",
            "Nobody believed him."
        ]
    );
}

#[test]
fn parentheses() {
    assert_eq!(
        split("The group (which denied it.) was named. (The army did not comment.) It left."),
        [
            "The group (which denied it.) was named.",
            "(The army did not comment.)",
            "It left."
        ]
    );
    assert_eq!(
        split("Rep. Richard Hanna (N.Y.), a Republican, agreed."),
        ["Rep. Richard Hanna (N.Y.), a Republican, agreed."]
    );
}

#[test]
fn bullets_are_separate_sentences_without_their_marker() {
    let text = "Demands:\n- a ceasefire\n* aid convoys\n\u{2022} prisoner releases\n1. talks in Geneva\n12) elections";
    assert_eq!(
        split(text),
        [
            "Demands:",
            "a ceasefire",
            "aid convoys",
            "prisoner releases",
            "talks in Geneva",
            "elections"
        ]
    );
    assert_eq!(
        split("Aid \u{2022} Food \u{2022} Water"),
        ["Aid", "Food", "Water"]
    );
    // A numbered list whose line breaks were lost in scraping.
    assert_eq!(
        split("1. Ghouta: Sarin killed 1400. 2. Red lines: Obama drew one. In 2013. 17 died."),
        [
            "Ghouta: Sarin killed 1400.",
            "Red lines: Obama drew one.",
            "In 2013.",
            "17 died."
        ]
    );
    // A minus sign or a year at the start of a line is not a bullet.
    assert_eq!(
        split("-5 degrees tonight.\n2016. A year of war."),
        ["-5 degrees tonight.", "2016.", "A year of war."]
    );
}

#[test]
fn headings_and_one_line_paragraphs_end_at_their_line_break() {
    assert_eq!(
        split("Aleppo death toll rises\nAt least 20 people were killed\nReuters"),
        [
            "Aleppo death toll rises",
            "At least 20 people were killed",
            "Reuters"
        ]
    );
}

#[test]
fn a_blank_line_always_ends_a_sentence() {
    assert_eq!(
        split("Members of Congress (1)\n\nthe list goes on\n \t\nand on"),
        ["Members of Congress (1)", "the list goes on", "and on"]
    );
}

#[test]
fn a_wrapped_paragraph_continues_across_single_line_breaks() {
    assert_eq!(
        split("The army said that at least 20\npeople were killed in\nthe village of Tal Rifaat,\nAleppo province. Rebels denied it."),
        [
            "The army said that at least 20\npeople were killed in\nthe village of Tal Rifaat,\nAleppo province.",
            "Rebels denied it."
        ]
    );
    assert_eq!(
        split("The offensive was led by Maj.\nGen. Issam Zahreddine.\nHe died in 2017."),
        [
            "The offensive was led by Maj.\nGen. Issam Zahreddine.",
            "He died in 2017."
        ]
    );
}

#[test]
fn crlf_and_lone_cr_line_endings() {
    assert_eq!(
        split("First paragraph.\r\n\r\nHeading\r\nBody text here.\rOld Mac line."),
        [
            "First paragraph.",
            "Heading",
            "Body text here.",
            "Old Mac line."
        ]
    );
    assert_eq!(split("a wrapped\r\nline"), ["a wrapped\r\nline"]);
    // A line that ends a sentence is not continued by a lower-case line.
    assert_eq!(
        split("He blamed the U.S.\nofficials for his woes.\r\niPatriot reported:"),
        [
            "He blamed the U.S.\nofficials for his woes.",
            "iPatriot reported:"
        ]
    );
}

#[test]
fn text_with_its_commas_stripped_still_splits_on_full_stops() {
    // FA-KES removed commas and apostrophes from every article.
    assert_eq!(
        split("Fri 07 Apr 2017 Homs governor says U.S. attack caused deaths but doesnt see big human losses. A U.S. missile strike on an airbase near Homs caused deaths Governor Talal Barazi said. The U.S. Britain and France are aligned."),
        [
            "Fri 07 Apr 2017 Homs governor says U.S. attack caused deaths but doesnt see big human losses.",
            "A U.S. missile strike on an airbase near Homs caused deaths Governor Talal Barazi said.",
            "The U.S. Britain and France are aligned."
        ]
    );
}

#[test]
fn a_space_before_the_full_stop_and_a_lost_space_after_it() {
    assert_eq!(
        split("Explosion rocks down town Damascus . An explosion killed six.The bus was full. It was Russia.As usual Mr.Smith denied it."),
        [
            "Explosion rocks down town Damascus .",
            "An explosion killed six.",
            "The bus was full.",
            "It was Russia.",
            "As usual Mr.Smith denied it."
        ]
    );
    assert_eq!(
        split("See Syracuse.com and pic.twitter.com for more."),
        ["See Syracuse.com and pic.twitter.com for more."]
    );
}

#[test]
fn unicode_text_and_non_breaking_spaces() {
    assert_eq!(
        split("Jos\u{e9} Mu\u{f1}oz.\u{a0}Le d\u{e9}put\u{e9} a parl\u{e9}. \u{645}\u{631}\u{62d}\u{628}\u{627}."),
        ["Jos\u{e9} Mu\u{f1}oz.", "Le d\u{e9}put\u{e9} a parl\u{e9}.", "\u{645}\u{631}\u{62d}\u{628}\u{627}."]
    );
}

#[test]
fn offsets_are_absolute_and_limited_to_the_region() {
    let text = "Title line\n\nOne. Two. Three.";
    let seg = Segmenter::new();
    let spans = seg.sentences(text, Span::new(12, 21));
    assert_eq!(spans, [Span::new(12, 16), Span::new(17, 21)]);
    let mut buf = vec![Span::new(0, 1)];
    seg.sentences_into(text, Span::new(0, 10), &mut buf);
    assert_eq!(buf, [Span::new(0, 1), Span::new(0, 10)]);
}

#[test]
fn degenerate_regions_give_no_sentences_and_no_panic() {
    let seg = Segmenter::new();
    let text = "\u{e9}t\u{e9}. Oui.";
    assert!(seg.sentences("", Span::new(0, 0)).is_empty());
    assert!(seg.sentences(text, Span::new(9, 3)).is_empty());
    assert!(seg.sentences(text, Span::new(100, 200)).is_empty());
    assert!(seg.sentences("   \n\n\t", Span::new(0, 6)).is_empty());
    // Offsets inside a two-byte char move onto the next boundary.
    assert_eq!(
        seg.sentences(text, Span::new(1, 99)),
        [Span::new(2, 6), Span::new(7, 11)]
    );
}

#[test]
fn one_segmenter_can_be_shared_across_threads() {
    fn shareable<T: Send + Sync + Clone>() {}
    shareable::<Segmenter>();
}

#[test]
fn a_photo_or_agency_credit_ends_the_caption_or_dateline_glued_to_the_next_sentence() {
    // FA-KES 1919191770 (TRT): a photo caption with no full stop before the lead.
    assert_eq!(
        split(
            "A boy sits inside a tent near the border Syria April 18 2017 (File photo) \
             (TRT World and Agencies) A bomb killed six people in Aleppo on Wednesday."
        ),
        [
            "A boy sits inside a tent near the border Syria April 18 2017 (File photo) \
             (TRT World and Agencies)",
            "A bomb killed six people in Aleppo on Wednesday."
        ]
    );
    assert_eq!(
        split("MOSCOW (Sputnik) The Syrian army repelled an attack."),
        ["MOSCOW (Sputnik)", "The Syrian army repelled an attack."]
    );
    // Brackets that hold a name or an acronym are not credits.
    assert_eq!(
        split(
            "The Syrian Democratic Forces (SDF) Arab fighters took the village (Reuters reported)."
        ),
        ["The Syrian Democratic Forces (SDF) Arab fighters took the village (Reuters reported)."]
    );
}
