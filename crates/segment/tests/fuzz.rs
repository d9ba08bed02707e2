//! No input panics: random bytes decoded lossily, and random mixtures of the
//! fragments the rules look at, over random (often invalid) regions.

mod common;

use crosscheck_schema::Span;
use crosscheck_segment::{tokens, Segmenter};

/// xorshift64*: a fixed-seed generator, so that a failure reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const FRAGMENTS: &[&str] = &[
    ".",
    "?",
    "!",
    "...",
    "\u{2026}",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\u{2028}",
    "\u{2029}",
    "\u{a0}",
    "\"",
    "'",
    "\u{201c}",
    "\u{201d}",
    "\u{2019}",
    "(",
    ")",
    "[",
    "]",
    "(?)",
    "-",
    "--",
    "*",
    "\u{2022}",
    "1.",
    "12)",
    "U.S.",
    "a.m.",
    "Gen.",
    "Mr.",
    "No.",
    "St.",
    "Sept.",
    "etc.",
    "e.g.",
    "W.",
    "The",
    "the",
    "Aleppo",
    "al-Assad",
    "don't",
    "3.5",
    "1,200",
    "x",
    "\u{e9}",
    "\u{645}",
    "\u{1F600}",
    "\u{301}",
    "\t",
    ",",
    ":",
    "$",
    "\u{0}",
];

fn check(seg: &Segmenter, text: &str, region: Span, what: &str) {
    let spans = seg.sentences(text, region);
    common::check_sentences(what, text, region, &spans);
    for t in tokens(text, region) {
        assert!(
            text.is_char_boundary(t.start) && text.is_char_boundary(t.end) && t.start < t.end,
            "{what}: {t:?}"
        );
    }
}

fn random_region(rng: &mut Rng, len: usize) -> Span {
    match rng.below(4) {
        0 => Span::new(0, len),
        1 => Span::new(rng.below(len + 3), rng.below(len + 3)),
        2 => Span::new(rng.below(len + 1), len + rng.below(5)),
        _ => Span::new(usize::MAX - rng.below(3), usize::MAX),
    }
}

#[test]
fn random_bytes_never_panic() {
    let seg = Segmenter::new();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for case in 0..20_000 {
        let len = rng.below(200);
        let bytes: Vec<u8> = (0..len)
            .map(|_| match rng.below(3) {
                // Bias towards the bytes the scanner stops at.
                0 => b".?!\n\r \"')\xe2\x80\xa6\xa2"[rng.below(13)],
                _ => rng.next() as u8,
            })
            .collect();
        let text = String::from_utf8_lossy(&bytes);
        let region = random_region(&mut rng, text.len());
        check(
            &seg,
            &text,
            region,
            &format!("bytes case {case} {bytes:?} {region:?}"),
        );
    }
}

#[test]
fn random_mixtures_of_tricky_fragments_never_panic() {
    let seg = Segmenter::new();
    let mut rng = Rng(42);
    for case in 0..20_000 {
        let n = rng.below(40);
        let text: String = (0..n)
            .map(|_| FRAGMENTS[rng.below(FRAGMENTS.len())])
            .collect();
        let region = random_region(&mut rng, text.len());
        check(
            &seg,
            &text,
            region,
            &format!("fragment case {case} {text:?} {region:?}"),
        );
    }
}

#[test]
fn pathological_runs_stay_linear_and_sane() {
    // Runs that make a naive scanner look back over the whole text at every step.
    let seg = Segmenter::new();
    for unit in [
        ". ",
        "a.",
        "\" ",
        "\n",
        "\r\n \r\n",
        "- ",
        "1. ",
        "\u{2026}",
        "x ",
        "U.S. ",
    ] {
        let text = unit.repeat(200_000 / unit.len());
        let whole = Span::new(0, text.len());
        let spans = seg.sentences(&text, whole);
        common::check_sentences(&format!("run of {unit:?}"), &text, whole, &spans);
        assert!(tokens(&text, whole).count() <= text.len());
    }
}
