//! The author bio that closes an article: "Jane Doe is a freelance journalist
//! based in Beirut", "Follow John Smith on Twitter".
//!
//! What it accepts is the one pattern
//!
//! ```text
//! ^(?: (?:\p{Lu}[\p{L}.'\x{2019}\-]*\s+){1,4}(?:is|was|has been|writes|covers|reports)\b
//!      .{0,200}?\b(?:writer|journalist|...|fellow)s?\b
//!    | (?:You can )?[Ff]ollow (?:\p{Lu}[\p{L}\-]*\s+){1,3}on (?:Twitter|Facebook|Instagram) )
//! ```
//!
//! but its counted repetitions are checked in code: compiled as one regex, each
//! count was one copy of the Unicode letter classes and `.{0,200}?` two hundred
//! copies of `.`, 30 M instructions at every start against 8 M for the three
//! regexes below. The counts can be checked afterwards because the names are
//! read one way only: each name starts with a capital letter and runs to the
//! spaces after it, and the words after the names ("is", "on") start with a
//! small letter, so a line has at most one run of names before them.

use regex::Regex;

/// The most names before the verb, and before "on" after "Follow".
const MAX_NAMES: usize = 4;
const MAX_FOLLOW_NAMES: usize = 3;
/// The most chars between the verb and the job ("is a freelance ... journalist").
const MAX_GAP: usize = 200;

pub(crate) struct Bio {
    /// Names, then the verb: group 1 holds the names.
    names_verb: Regex,
    /// A job word ("journalist", "editors").
    job: Regex,
    /// "Follow <names> on Twitter": group 1 holds the names.
    follow: Regex,
}

impl Bio {
    pub fn new() -> Bio {
        let regex = |pattern: &str| Regex::new(pattern).expect("bio regex");
        Bio {
            names_verb: regex(
                r"^((?:\p{Lu}[\p{L}.'\x{2019}\-]*\s+)+)(?:is|was|has been|writes|covers|reports)\b",
            ),
            job: regex(
                r"\b(?:writer|journalist|reporter|editor|correspondent|columnist|contributor|author|blogger|analyst|freelancer|producer|commentator|founder|host|professor|fellow)s?\b",
            ),
            follow: regex(
                r"^(?:You can )?[Ff]ollow ((?:\p{Lu}[\p{L}\-]*\s+)+)on (?:Twitter|Facebook|Instagram)",
            ),
        }
    }

    /// Whether `line` is an author bio (the pattern in the module's doc).
    pub fn is_match(&self, line: &str) -> bool {
        let names = |c: &regex::Captures, max: usize| {
            c.get(1)
                .is_some_and(|g| g.as_str().split_whitespace().count() <= max)
        };
        if let Some(c) = self.names_verb.captures(line) {
            if names(&c, MAX_NAMES) {
                let verb_end = c.get(0).map_or(0, |m| m.end());
                // The nearest job after the verb: `.{0,200}?` takes any chars but
                // a line feed.
                if let Some(job) = self.job.find_at(line, verb_end) {
                    let gap = &line[verb_end..job.start()];
                    if !gap.contains('\n') && gap.chars().count() <= MAX_GAP {
                        return true;
                    }
                }
            }
        }
        self.follow
            .captures(line)
            .is_some_and(|c| names(&c, MAX_FOLLOW_NAMES))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pattern the module's doc gives, as one regex.
    const ONE_REGEX: &str = r"(?x)^(?:
        (?:\p{Lu}[\p{L}.'\x{2019}\-]*\s+){1,4}(?:is|was|has\ been|writes|covers|reports)\b
        .{0,200}?\b(?:writer|journalist|reporter|editor|correspondent|columnist|contributor
            |author|blogger|analyst|freelancer|producer|commentator|founder|host|professor|fellow)s?\b
      | (?:You\ can\ )?[Ff]ollow\ (?:\p{Lu}[\p{L}\-]*\s+){1,3}on\ (?:Twitter|Facebook|Instagram)
    )";

    #[test]
    fn accepts_what_the_single_regex_accepts() {
        let (bio, one) = (Bio::new(), Regex::new(ONE_REGEX).expect("one regex"));
        let names = [
            "",
            "Jane ",
            "Jane Doe ",
            "Jane  Doe\t",
            "Ann B. O'Neil-Ray ",
            "Ćelik Ün ",
            "A B C ",
            "A B C D ",
            "A B C D E ",
            "Jane doe ",
            "Jane, ",
            "J’Ann ",
        ];
        let verbs = [
            "is", "was", "has been", "writes", "covers", "reports", "isn't", "says",
        ];
        let gaps = ["", " a", " a freelance", " x\ny", " é"];
        let jobs = [
            " journalist",
            " editors",
            " writer.",
            "writerly",
            " host",
            " hosts based",
            " nothing",
        ];
        let mut lines = Vec::new();
        for n in &names {
            for v in &verbs {
                for g in &gaps {
                    for reps in [0, 1, 40, 98, 99, 100, 101, 198, 199, 200, 201] {
                        for j in &jobs {
                            let gap = g.repeat(reps);
                            lines.push(format!("{n}{v}{gap}{j}"));
                            lines.push(format!("{n}{v} {}{j}", "é".repeat(reps)));
                            lines.push(format!("{n}{v} a{j}{j}"));
                        }
                    }
                }
            }
            for f in [
                "Follow ",
                "follow ",
                "You can follow ",
                "You can Follow ",
                "Follow us: ",
            ] {
                for net in ["on Twitter", "on Instagram", "on Myspace", "at Twitter"] {
                    lines.push(format!("{f}{n}{net}"));
                }
            }
        }
        let mut accepted = 0;
        for line in &lines {
            let want = one.is_match(line);
            assert_eq!(bio.is_match(line), want, "{line:?}");
            accepted += usize::from(want);
        }
        assert!(0 < accepted && accepted < lines.len(), "{accepted}");
    }
}
