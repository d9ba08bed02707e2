//! Cue phrases: what a single line says about itself ("Share this:", "3 Comments",
//! "Related articles", "All rights reserved").
//!
//! Two tables, both built once in [`CueTable::new`]:
//!
//! * **whole lines**, looked up by a normalised key (`"3 Comments:"` → `# comments`),
//!   for short lines that are nothing but a widget label;
//! * **phrases** inside a line, found with one case-insensitive Aho-Corasick pass over
//!   lines of at most [`MAX_CUE_LINE`] bytes. Longer lines are article text as far as
//!   this module is concerned: appeals and widgets are short.
//!
//! A phrase alone is not enough when a reporter could write it: phrases marked
//! `ADDRESSED` count only when the line speaks to the reader ("you", "please", "!",
//! "below"), and no phrase counts on a line of reported speech (a quote plus "said").

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use crosscheck_schema::RemovalKind;
use rustc_hash::FxHashMap;

use crate::phrase_filter::PhraseFilter;
use crate::shape::{is_separator, normalize_key, word_count};

/// Lines longer than this are never taken for a widget or an appeal.
pub(crate) const MAX_CUE_LINE: usize = 320;
/// On a line longer than 160 bytes, a cue phrase counts only if it starts this early.
const LONG_LINE_CUE_START: usize = 100;

/// What a line is, judged on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cue {
    /// Nothing special: article text, a title, or a metadata line (judged elsewhere).
    Plain,
    /// "Comments", "3 Comments", "Leave a Reply": a comment thread may start here.
    /// `strong` headings need no confirmation by comment marks below them.
    CommentHeading { strong: bool },
    /// "Leave a Reply", "Post a comment": a reply form, or a thread when replies follow.
    CommentForm,
    /// "See all comments": a list of comments ends just above.
    CommentFooter,
    /// A line typical of a comment thread: "Reply", "2 hours ago", "Jane says:".
    CommentMark,
    /// A line that is by itself not article text, of this kind.
    Widget(RemovalKind),
    /// "Related articles", "You may also like": a list of link labels follows.
    RelatedHeading,
    /// A lone "Read more" closing a teaser (headline, blurb) just above it.
    ReadMore,
    /// "About the author": a bio follows.
    AuthorHeading,
    /// `-----`, `* * *`: a rule between sections or between articles.
    Separator,
}

const ADDRESSED: u8 = 1;
const AT_START: u8 = 2;

struct Phrase {
    cue: Cue,
    flags: u8,
    /// Higher wins when a line holds several phrases.
    rank: u8,
}

pub(crate) struct CueTable {
    /// Looked up for nearly every short line: Fx hashing, where the standard
    /// hasher cost as much as the look-up itself (the keys are fixed, no input
    /// chooses them).
    whole: FxHashMap<String, Cue>,
    phrases: AhoCorasick,
    /// Whether a line holds any phrase: asked of every short line first.
    any_phrase: PhraseFilter,
    phrase_info: Vec<Phrase>,
}

use Cue::*;
use RemovalKind::*;

/// Whole-line labels, written as their normalised key.
const WHOLE: &[(&str, Cue)] = &[
    // Comment threads.
    ("comments", CommentHeading { strong: false }),
    ("comment", CommentHeading { strong: false }),
    ("# comments", CommentHeading { strong: true }),
    ("# comment", CommentHeading { strong: true }),
    ("comments #", CommentHeading { strong: true }),
    ("# responses", CommentHeading { strong: true }),
    ("# replies", CommentHeading { strong: true }),
    ("responses", CommentHeading { strong: false }),
    ("reader comments", CommentHeading { strong: true }),
    ("readers comments", CommentHeading { strong: true }),
    ("leave a reply", CommentForm),
    ("leave a comment", CommentForm),
    ("post a comment", CommentForm),
    ("add a comment", CommentForm),
    ("add comment", CommentForm),
    ("write a comment", CommentForm),
    ("join the discussion", CommentHeading { strong: true }),
    ("join the conversation", CommentHeading { strong: true }),
    ("show comments", CommentHeading { strong: true }),
    ("view comments", CommentHeading { strong: true }),
    ("what readers are saying", CommentHeading { strong: true }),
    ("conversation", CommentHeading { strong: false }),
    ("see all comments", CommentFooter),
    ("view all comments", CommentFooter),
    ("show all comments", CommentFooter),
    ("read all comments", CommentFooter),
    ("load more comments", CommentFooter),
    ("see comments", CommentFooter),
    ("reply", CommentMark),
    ("reply report", CommentMark),
    ("report", CommentMark),
    ("report abuse", CommentMark),
    ("like reply", CommentMark),
    ("like reply share", CommentMark),
    ("reply share", CommentMark),
    ("like", CommentMark),
    ("likes", CommentMark),
    ("# likes", CommentMark),
    ("# like", CommentMark),
    ("# reply", CommentMark),
    ("view # replies", CommentMark),
    ("view # reply", CommentMark),
    ("show more replies", CommentMark),
    ("load more replies", CommentMark),
    ("log in to reply", CommentMark),
    ("login to reply", CommentMark),
    ("flag", CommentMark),
    ("permalink", CommentMark),
    ("upvote", CommentMark),
    ("downvote", CommentMark),
    ("# points", CommentMark),
    ("just now", CommentMark),
    ("edited", CommentMark),
    ("hide replies", CommentMark),
    ("in reply to", CommentMark),
    ("# upvotes", CommentMark),
    // Comment plugins.
    ("disqus", Widget(CommentWidget)),
    ("comments powered by disqus", Widget(CommentWidget)),
    ("blog comments powered by disqus", Widget(CommentWidget)),
    ("facebook comments plugin", Widget(CommentWidget)),
    ("facebook comments", Widget(CommentWidget)),
    ("add a comment", Widget(CommentWidget)),
    ("comment using", Widget(CommentWidget)),
    ("also post on facebook", Widget(CommentWidget)),
    ("sort by", Widget(CommentWidget)),
    ("sort by oldest", Widget(CommentWidget)),
    ("sort by newest", Widget(CommentWidget)),
    ("sort by top", Widget(CommentWidget)),
    ("sort by best", Widget(CommentWidget)),
    ("best newest oldest", Widget(CommentWidget)),
    ("share best newest oldest", Widget(CommentWidget)),
    ("start the discussion", Widget(CommentWidget)),
    ("be the first to comment", Widget(CommentWidget)),
    ("comments are closed", Widget(CommentWidget)),
    ("post comment", Widget(CommentWidget)),
    ("submit comment", Widget(CommentWidget)),
    ("cancel reply", Widget(CommentWidget)),
    ("leave a reply cancel reply", CommentForm),
    (
        "save my name email and website in this browser for the next time i comment",
        Widget(CommentWidget),
    ),
    ("community standards", Widget(CommentWidget)),
    ("comment policy", Widget(CommentWidget)),
    ("what do you think", Widget(CommentWidget)),
    ("log in with", Widget(CommentWidget)),
    ("or sign up with disqus", Widget(CommentWidget)),
    ("add disqus to your site", Widget(CommentWidget)),
    ("powered by disqus", Widget(CommentWidget)),
    ("# comments sort by", Widget(CommentWidget)),
    // Donations and subscriptions.
    ("donate", Widget(DonationAppeal)),
    ("donate now", Widget(DonationAppeal)),
    ("donate today", Widget(DonationAppeal)),
    ("make a donation", Widget(DonationAppeal)),
    ("support us", Widget(DonationAppeal)),
    ("support our work", Widget(DonationAppeal)),
    ("support our journalism", Widget(DonationAppeal)),
    ("support independent journalism", Widget(DonationAppeal)),
    ("become a patron", Widget(DonationAppeal)),
    ("become a member", Widget(DonationAppeal)),
    ("become a supporter", Widget(DonationAppeal)),
    ("subscribe", Widget(DonationAppeal)),
    ("subscribe now", Widget(DonationAppeal)),
    ("subscribe today", Widget(DonationAppeal)),
    ("sign up", Widget(DonationAppeal)),
    ("sign up now", Widget(DonationAppeal)),
    ("sign up today", Widget(DonationAppeal)),
    ("newsletter", Widget(DonationAppeal)),
    ("get our newsletter", Widget(DonationAppeal)),
    ("join our newsletter", Widget(DonationAppeal)),
    ("join our mailing list", Widget(DonationAppeal)),
    ("enter your email", Widget(DonationAppeal)),
    ("enter your email address", Widget(DonationAppeal)),
    ("your email address", Widget(DonationAppeal)),
    ("email address", Widget(DonationAppeal)),
    ("chip in", Widget(DonationAppeal)),
    ("contribute", Widget(DonationAppeal)),
    ("contribute now", Widget(DonationAppeal)),
    // Sharing and following.
    ("share", Widget(ShareAppeal)),
    ("shares", Widget(ShareAppeal)),
    ("# shares", Widget(ShareAppeal)),
    ("share this", Widget(ShareAppeal)),
    ("share this article", Widget(ShareAppeal)),
    ("share this story", Widget(ShareAppeal)),
    ("share this post", Widget(ShareAppeal)),
    ("share the article", Widget(ShareAppeal)),
    ("share article", Widget(ShareAppeal)),
    ("share story", Widget(ShareAppeal)),
    ("share on", Widget(ShareAppeal)),
    ("sharing is caring", Widget(ShareAppeal)),
    ("please share", Widget(ShareAppeal)),
    ("please share this", Widget(ShareAppeal)),
    ("tweet", Widget(ShareAppeal)),
    ("tweet this", Widget(ShareAppeal)),
    ("pin it", Widget(ShareAppeal)),
    ("follow", Widget(ShareAppeal)),
    ("follow us", Widget(ShareAppeal)),
    ("like this", Widget(ShareAppeal)),
    ("like us", Widget(ShareAppeal)),
    ("print", Widget(ShareAppeal)),
    ("email", Widget(ShareAppeal)),
    ("print tweet", Widget(ShareAppeal)),
    ("like this story", Widget(ShareAppeal)),
    ("spread the word", Widget(ShareAppeal)),
    // Ratings.
    ("rate this", Widget(RatingWidget)),
    ("rate this article", Widget(RatingWidget)),
    ("rate this story", Widget(RatingWidget)),
    ("rate this post", Widget(RatingWidget)),
    ("rate", Widget(RatingWidget)),
    ("rating", Widget(RatingWidget)),
    ("ratings", Widget(RatingWidget)),
    ("click to rate", Widget(RatingWidget)),
    ("click to rate this post", Widget(RatingWidget)),
    ("was this article helpful", Widget(RatingWidget)),
    ("was this helpful", Widget(RatingWidget)),
    ("was this story helpful", Widget(RatingWidget)),
    ("did you find this article helpful", Widget(RatingWidget)),
    ("did you find this helpful", Widget(RatingWidget)),
    ("how useful was this post", Widget(RatingWidget)),
    ("how useful was this article", Widget(RatingWidget)),
    ("yes no", Widget(RatingWidget)),
    ("helpful not helpful", Widget(RatingWidget)),
    ("# votes", Widget(RatingWidget)),
    ("# vote", Widget(RatingWidget)),
    ("average rating", Widget(RatingWidget)),
    ("vote count", Widget(RatingWidget)),
    ("no votes so far", Widget(RatingWidget)),
    ("thumbs up", Widget(RatingWidget)),
    ("thumbs down", Widget(RatingWidget)),
    ("# stars", Widget(RatingWidget)),
    ("# out of # stars", Widget(RatingWidget)),
    ("# # out of # stars", Widget(RatingWidget)),
    ("# # out of #", Widget(RatingWidget)),
    // Author boxes.
    ("about the author", AuthorHeading),
    ("about the authors", AuthorHeading),
    ("about the writer", AuthorHeading),
    ("about the reporter", AuthorHeading),
    ("about the contributor", AuthorHeading),
    ("author bio", AuthorHeading),
    ("author biography", AuthorHeading),
    ("about me", AuthorHeading),
    ("more by this author", Widget(AuthorBox)),
    ("more from this author", Widget(AuthorBox)),
    ("view all posts", Widget(AuthorBox)),
    ("all posts", Widget(AuthorBox)),
    // Related links.
    ("related", RelatedHeading),
    ("related articles", RelatedHeading),
    ("related article", RelatedHeading),
    ("related posts", RelatedHeading),
    ("related post", RelatedHeading),
    ("related stories", RelatedHeading),
    ("related story", RelatedHeading),
    ("related coverage", RelatedHeading),
    ("related content", RelatedHeading),
    ("related news", RelatedHeading),
    ("related links", RelatedHeading),
    ("related topics", RelatedHeading),
    ("read more", ReadMore),
    ("read more about", RelatedHeading),
    ("read more stories", RelatedHeading),
    ("more stories", RelatedHeading),
    ("more news", RelatedHeading),
    ("more on this story", RelatedHeading),
    ("more on this", RelatedHeading),
    ("more on this topic", RelatedHeading),
    ("more like this", RelatedHeading),
    ("you may also like", RelatedHeading),
    ("you might also like", RelatedHeading),
    ("you may also be interested in", RelatedHeading),
    ("you might be interested in", RelatedHeading),
    ("you may be interested in", RelatedHeading),
    ("we recommend", RelatedHeading),
    ("recommended", RelatedHeading),
    ("recommended for you", RelatedHeading),
    ("recommended stories", RelatedHeading),
    ("recommended articles", RelatedHeading),
    ("most popular", RelatedHeading),
    ("most read", RelatedHeading),
    ("most viewed", RelatedHeading),
    ("trending", RelatedHeading),
    ("trending now", RelatedHeading),
    ("popular now", RelatedHeading),
    ("popular posts", RelatedHeading),
    ("also read", RelatedHeading),
    ("see also", RelatedHeading),
    ("further reading", RelatedHeading),
    ("what to read next", RelatedHeading),
    ("editors picks", RelatedHeading),
    ("from the web", RelatedHeading),
    ("around the web", RelatedHeading),
    ("promoted stories", RelatedHeading),
    ("sponsored stories", RelatedHeading),
    ("sponsored content", RelatedHeading),
    ("latest news", RelatedHeading),
    ("latest stories", RelatedHeading),
    ("top stories", RelatedHeading),
    ("learn more", RelatedHeading),
    ("more from our network", RelatedHeading),
    ("don t miss", RelatedHeading),
    ("dont miss", RelatedHeading),
    // Page furniture.
    ("advertisement", Widget(Boilerplate)),
    ("advertisements", Widget(Boilerplate)),
    ("advert", Widget(Boilerplate)),
    ("ad", Widget(Boilerplate)),
    ("sponsored", Widget(Boilerplate)),
    ("paid content", Widget(Boilerplate)),
    ("story continues below", Widget(Boilerplate)),
    ("story continues below advertisement", Widget(Boilerplate)),
    ("article continues below", Widget(Boilerplate)),
    ("continue reading", Widget(Boilerplate)),
    ("continue reading below", Widget(Boilerplate)),
    ("continue reading the main story", Widget(Boilerplate)),
    ("skip to content", Widget(Boilerplate)),
    ("skip to main content", Widget(Boilerplate)),
    ("close dialog", Widget(Boilerplate)),
    ("modal trigger", Widget(Boilerplate)),
    ("image caption", Widget(Boilerplate)),
    ("media caption", Widget(Boilerplate)),
    ("image copyright", Widget(Boilerplate)),
    ("toggle caption", Widget(Boilerplate)),
    ("hide caption", Widget(Boilerplate)),
    ("enlarge this image", Widget(Boilerplate)),
    ("play video", Widget(Boilerplate)),
    ("watch video", Widget(Boilerplate)),
    ("back to top", Widget(Boilerplate)),
    ("all rights reserved", Widget(Boilerplate)),
    ("privacy policy", Widget(Boilerplate)),
    ("terms of use", Widget(Boilerplate)),
    ("terms of service", Widget(Boilerplate)),
    ("cookie policy", Widget(Boilerplate)),
    ("next article", Widget(Boilerplate)),
    ("previous article", Widget(Boilerplate)),
    ("next post", Widget(Boilerplate)),
    ("previous post", Widget(Boilerplate)),
    ("loading", Widget(Boilerplate)),
    ("fullscreen", Widget(Boilerplate)),
    ("full screen", Widget(Boilerplate)),
    ("view gallery", Widget(Boilerplate)),
    ("view slideshow", Widget(Boilerplate)),
    ("replay video", Widget(Boilerplate)),
    ("watch now", Widget(Boilerplate)),
    ("menu", Widget(Boilerplate)),
    ("search", Widget(Boilerplate)),
    ("home", Widget(Boilerplate)),
    ("log in", Widget(Boilerplate)),
    ("sign in", Widget(Boilerplate)),
];

/// Phrases that mark a line anywhere in it (or at its start, with `AT_START`).
const PHRASES: &[(&str, Cue, u8, u8)] = &[
    // Comment plugins and calls to comment.
    ("comments powered by", Widget(CommentWidget), 0, 9),
    ("powered by disqus", Widget(CommentWidget), 0, 9),
    ("facebook comments plugin", Widget(CommentWidget), 0, 9),
    ("comment via facebook", Widget(CommentWidget), 0, 9),
    (
        "your email address will not be published",
        Widget(CommentWidget),
        0,
        9,
    ),
    ("required fields are marked", Widget(CommentWidget), 0, 9),
    (
        "notify me of follow-up comments",
        Widget(CommentWidget),
        0,
        9,
    ),
    ("notify me of new comments", Widget(CommentWidget), 0, 9),
    ("notify me of new posts", Widget(CommentWidget), 0, 9),
    ("read our comment policy", Widget(CommentWidget), 0, 9),
    ("comments are closed", Widget(CommentWidget), 0, 8),
    (
        "you must be logged in to post a comment",
        Widget(CommentWidget),
        0,
        9,
    ),
    ("comment below", Widget(CommentWidget), ADDRESSED, 6),
    ("comments below", Widget(CommentWidget), ADDRESSED, 6),
    ("in the comments", Widget(CommentWidget), ADDRESSED, 6),
    (
        "in the comment section",
        Widget(CommentWidget),
        ADDRESSED,
        6,
    ),
    (
        "in the comments section",
        Widget(CommentWidget),
        ADDRESSED,
        6,
    ),
    ("leave a comment", Widget(CommentWidget), ADDRESSED, 6),
    ("leave your comment", Widget(CommentWidget), ADDRESSED, 6),
    ("leave your thoughts", Widget(CommentWidget), ADDRESSED, 6),
    ("sound off", Widget(CommentWidget), ADDRESSED, 5),
    // Donations and subscriptions.
    ("support our independent", Widget(DonationAppeal), 0, 8),
    (
        "support independent journalism",
        Widget(DonationAppeal),
        0,
        8,
    ),
    ("support our journalism", Widget(DonationAppeal), 0, 8),
    ("support our work", Widget(DonationAppeal), ADDRESSED, 7),
    ("support our mission", Widget(DonationAppeal), ADDRESSED, 7),
    ("please support", Widget(DonationAppeal), 0, 7),
    ("please donate", Widget(DonationAppeal), 0, 8),
    ("please consider donating", Widget(DonationAppeal), 0, 8),
    ("please consider supporting", Widget(DonationAppeal), 0, 8),
    ("make a donation", Widget(DonationAppeal), ADDRESSED, 7),
    ("make a contribution", Widget(DonationAppeal), ADDRESSED, 7),
    ("donate now", Widget(DonationAppeal), 0, 8),
    ("donate today", Widget(DonationAppeal), 0, 8),
    ("donate to", Widget(DonationAppeal), ADDRESSED, 6),
    ("become a patron", Widget(DonationAppeal), 0, 8),
    ("patreon", Widget(DonationAppeal), ADDRESSED, 6),
    ("paypal", Widget(DonationAppeal), ADDRESSED, 6),
    ("readers like you", Widget(DonationAppeal), 0, 7),
    ("reader-supported", Widget(DonationAppeal), 0, 7),
    ("reader supported", Widget(DonationAppeal), 0, 7),
    ("subscribe to our", Widget(DonationAppeal), 0, 8),
    ("subscribe to the newsletter", Widget(DonationAppeal), 0, 8),
    ("subscribe for free", Widget(DonationAppeal), 0, 8),
    ("subscribe now", Widget(DonationAppeal), 0, 8),
    ("sign up for our", Widget(DonationAppeal), 0, 8),
    ("sign up to our", Widget(DonationAppeal), 0, 8),
    ("sign up for the", Widget(DonationAppeal), ADDRESSED, 6),
    ("our newsletter", Widget(DonationAppeal), 0, 7),
    ("free newsletter", Widget(DonationAppeal), 0, 7),
    ("daily newsletter", Widget(DonationAppeal), ADDRESSED, 6),
    ("delivered to your inbox", Widget(DonationAppeal), 0, 7),
    ("straight to your inbox", Widget(DonationAppeal), 0, 7),
    ("by subscribing", Widget(DonationAppeal), 0, 7),
    ("enter your email", Widget(DonationAppeal), 0, 7),
    ("buy us a coffee", Widget(DonationAppeal), 0, 8),
    ("chip in", Widget(DonationAppeal), ADDRESSED, 5),
    ("keep us going", Widget(DonationAppeal), ADDRESSED, 6),
    ("help us keep", Widget(DonationAppeal), ADDRESSED, 6),
    ("we rely on", Widget(DonationAppeal), ADDRESSED, 5),
    // Sharing and following.
    ("share this", Widget(ShareAppeal), ADDRESSED, 6),
    ("share this:", Widget(ShareAppeal), 0, 7),
    ("please share", Widget(ShareAppeal), 0, 7),
    ("click to share", Widget(ShareAppeal), 0, 9),
    ("click to email", Widget(ShareAppeal), 0, 9),
    ("click to print", Widget(ShareAppeal), 0, 9),
    ("opens in new window", Widget(ShareAppeal), 0, 8),
    ("share on facebook", Widget(ShareAppeal), 0, 7),
    ("share on twitter", Widget(ShareAppeal), 0, 7),
    ("share it with", Widget(ShareAppeal), ADDRESSED, 5),
    ("sharing is caring", Widget(ShareAppeal), 0, 8),
    ("follow us on", Widget(ShareAppeal), 0, 7),
    ("follow us at", Widget(ShareAppeal), 0, 7),
    ("follow us @", Widget(ShareAppeal), 0, 7),
    ("like us on facebook", Widget(ShareAppeal), 0, 8),
    ("our facebook page", Widget(ShareAppeal), ADDRESSED, 6),
    ("find us on facebook", Widget(ShareAppeal), 0, 7),
    ("join us on", Widget(ShareAppeal), ADDRESSED, 5),
    ("join the debate on", Widget(ShareAppeal), 0, 6),
    ("spread the word", Widget(ShareAppeal), ADDRESSED, 5),
    ("tell your friends", Widget(ShareAppeal), ADDRESSED, 5),
    (
        "facebook twitter google plus embed",
        Widget(Boilerplate),
        0,
        9,
    ),
    ("facebook twitter pinterest", Widget(ShareAppeal), 0, 8),
    ("facebook twitter email", Widget(ShareAppeal), 0, 8),
    // Ratings.
    ("rate this", Widget(RatingWidget), AT_START, 7),
    ("was this article helpful", Widget(RatingWidget), 0, 8),
    ("was this helpful", Widget(RatingWidget), 0, 8),
    ("found this helpful", Widget(RatingWidget), 0, 8),
    ("click on a star to rate", Widget(RatingWidget), 0, 9),
    ("out of 5 stars", Widget(RatingWidget), 0, 8),
    ("out of five stars", Widget(RatingWidget), 0, 7),
    ("average rating", Widget(RatingWidget), 0, 7),
    ("rating:", Widget(RatingWidget), AT_START, 6),
    // Author boxes.
    ("about the author", AuthorHeading, AT_START, 8),
    ("about the writer", AuthorHeading, AT_START, 8),
    // Related links.
    ("related:", Widget(RelatedLinks), AT_START, 8),
    ("related stories:", Widget(RelatedLinks), AT_START, 8),
    ("related articles:", Widget(RelatedLinks), AT_START, 8),
    ("related story:", Widget(RelatedLinks), AT_START, 8),
    ("related article:", Widget(RelatedLinks), AT_START, 8),
    ("related content:", Widget(RelatedLinks), AT_START, 8),
    ("related news:", Widget(RelatedLinks), AT_START, 8),
    ("read more:", Widget(RelatedLinks), AT_START, 8),
    ("read more about", Widget(RelatedLinks), AT_START, 7),
    ("read more at", Widget(RelatedLinks), AT_START, 7),
    ("read also:", Widget(RelatedLinks), AT_START, 8),
    ("also read:", Widget(RelatedLinks), AT_START, 8),
    ("see also:", Widget(RelatedLinks), AT_START, 8),
    ("recommended:", Widget(RelatedLinks), AT_START, 8),
    ("more:", Widget(RelatedLinks), AT_START, 6),
    ("click here to read", Widget(RelatedLinks), 0, 7),
    ("click here for", Widget(RelatedLinks), ADDRESSED, 5),
    // Page furniture.
    ("all rights reserved", Widget(Boilerplate), 0, 9),
    ("copyright \u{a9}", Widget(Boilerplate), 0, 9),
    ("copyright (c)", Widget(Boilerplate), 0, 9),
    ("\u{a9}", Widget(Boilerplate), AT_START, 8),
    ("copyright 1", Widget(Boilerplate), AT_START, 8),
    ("copyright 2", Widget(Boilerplate), AT_START, 8),
    ("image copyright", Widget(Boilerplate), 0, 8),
    ("image caption", Widget(Boilerplate), AT_START, 8),
    ("media caption", Widget(Boilerplate), AT_START, 8),
    (
        "this material may not be published",
        Widget(Boilerplate),
        0,
        9,
    ),
    ("may not be published, broadcast", Widget(Boilerplate), 0, 9),
    (
        "the thomson reuters trust principles",
        Widget(Boilerplate),
        0,
        9,
    ),
    ("our standards:", Widget(Boilerplate), AT_START, 8),
    ("use of this site constitutes", Widget(Boilerplate), 0, 9),
    ("privacy policy", Widget(Boilerplate), ADDRESSED, 6),
    ("terms of use", Widget(Boilerplate), ADDRESSED, 6),
    ("tags:", Widget(Boilerplate), AT_START, 7),
    ("filed under:", Widget(Boilerplate), AT_START, 7),
    ("filed under", Widget(Boilerplate), AT_START, 6),
    ("categories:", Widget(Boilerplate), AT_START, 7),
    ("continue reading", Widget(Boilerplate), AT_START, 6),
    ("play video", Widget(Boilerplate), 0, 6),
    ("watch in times video", Widget(Boilerplate), 0, 7),
    ("featured image", Widget(Boilerplate), AT_START, 7),
    ("advertisement", Widget(Boilerplate), AT_START, 6),
];

/// Words of which a share bar is made ("Facebook Twitter Pinterest Email").
const SHARE_BAR_WORDS: &[&str] = &[
    "share",
    "this",
    "tweet",
    "facebook",
    "twitter",
    "pinterest",
    "linkedin",
    "reddit",
    "whatsapp",
    "email",
    "e",
    "mail",
    "print",
    "google",
    "plus",
    "tumblr",
    "telegram",
    "messenger",
    "pocket",
    "flipboard",
    "copy",
    "link",
    "sms",
    "more",
    "on",
    "via",
    "pin",
    "it",
    "vk",
    "stumbleupon",
    "digg",
    "buffer",
    "save",
    "x",
    "threads",
    "bluesky",
    "mastodon",
    "gab",
    "parler",
    "gettr",
    "truth",
    "social",
    "mix",
    "tiktok",
    "instagram",
    "youtube",
    "rss",
    "follow",
    "us",
    "like",
];
const SHARE_NETWORKS: &[&str] = &[
    "tweet",
    "facebook",
    "twitter",
    "pinterest",
    "linkedin",
    "reddit",
    "whatsapp",
    "tumblr",
    "telegram",
    "flipboard",
    "stumbleupon",
    "digg",
    "instagram",
    "youtube",
    "share",
];

impl CueTable {
    pub fn new() -> CueTable {
        let mut whole = FxHashMap::with_capacity_and_hasher(WHOLE.len() * 2, Default::default());
        for (k, c) in WHOLE {
            // The first entry for a key wins (a label listed twice keeps its first meaning).
            whole.entry((*k).to_string()).or_insert(*c);
        }
        let patterns = phrase_patterns();
        let phrases = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            // A contiguous NFA: the walk runs only on the few lines the phrase filter
            // passes, where a full DFA's faster scan saved less than its build cost
            // (11 M instructions at start-up, against 2 M). The kind is a choice of
            // speed and memory, not of matches (a test compares the walk with the
            // DFA's).
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .expect("cue phrases form a valid automaton");
        let any_phrase = PhraseFilter::new(&patterns);
        let phrase_info = PHRASES
            .iter()
            .map(|&(_, cue, flags, rank)| Phrase { cue, flags, rank })
            .collect();
        CueTable {
            whole,
            phrases,
            any_phrase,
            phrase_info,
        }
    }

    /// Judges one line (already trimmed). `key` is scratch space for the normalised key.
    pub fn classify(&self, line: &str, key: &mut String) -> Cue {
        if line.is_empty() || line.len() > MAX_CUE_LINE {
            return Plain;
        }
        if is_separator(line) {
            return Separator;
        }
        if line.len() <= 90 {
            normalize_key(line, key);
            if let Some(c) = self.whole.get(key.as_str()) {
                // "Read more:" opens a list; a lone "Read more" closes a teaser.
                if *c == ReadMore && line.ends_with(':') {
                    return RelatedHeading;
                }
                return *c;
            }
            if let Some(c) = classify_key(key) {
                return c;
            }
            if is_star_rating(line) {
                return Widget(RatingWidget);
            }
        }
        if is_breadcrumb(line) {
            return Widget(Boilerplate);
        }
        self.classify_phrases(line)
    }

    fn classify_phrases(&self, line: &str) -> Cue {
        let mut best: Option<&Phrase> = None;
        let mut addressed: Option<bool> = None;
        // On a longer line only a cue near its start counts, or one right after a
        // question to the reader ("What do you think? Please share ..."): scan no further.
        let long = line.len() > 160;
        let has_question = long && memchr::memchr(b'?', line.as_bytes()).is_some();
        let reach = if long && !has_question {
            floor_boundary(line, LONG_LINE_CUE_START + 48)
        } else {
            line.len()
        };
        // Most lines hold no cue phrase at all: one plain search says so before the
        // overlapping walk over every match.
        if !self.any_phrase.is_match(&line.as_bytes()[..reach]) {
            return Plain;
        }
        for m in self.phrases.find_overlapping_iter(&line[..reach]) {
            let info = &self.phrase_info[m.pattern().as_usize()];
            if info.flags & AT_START != 0 && m.start() != 0 {
                continue;
            }
            // On a longer line the cue must open it: a paragraph of news that ends
            // with a widget's words is news with something glued on (see inline.rs).
            if long
                && m.start() > LONG_LINE_CUE_START
                && !line[..m.start()].trim_end().ends_with('?')
            {
                continue;
            }
            if info.flags & ADDRESSED != 0 {
                let a = *addressed.get_or_insert_with(|| speaks_to_reader(line));
                if !a {
                    continue;
                }
            }
            if best.is_none_or(|b| info.rank > b.rank) {
                best = Some(info);
            }
        }
        let Some(best) = best else {
            return Plain;
        };
        if is_reported_speech(line) {
            return Plain;
        }
        best.cue
    }
}

/// The cue phrases, in [`PHRASES`] order (the automaton's pattern ids).
pub(crate) fn phrase_patterns() -> Vec<&'static str> {
    PHRASES.iter().map(|p| p.0).collect()
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Labels recognised by the shape of their key rather than by a fixed table.
fn classify_key(key: &str) -> Option<Cue> {
    // "3 thoughts on “Title”", "12 responses to “Title”", "5 comments on ..."
    if let Some(rest) = key.strip_prefix("# ") {
        for p in [
            "thoughts on",
            "responses to",
            "comments on",
            "comments to",
            "replies to",
        ] {
            if rest.starts_with(p) {
                return Some(CommentHeading { strong: true });
            }
        }
    }
    if is_relative_time(key) {
        return Some(CommentMark);
    }
    // The key's words, read in place: most keys match none of the shapes below.
    let words = || key.split(' ');
    let count = key.bytes().filter(|&b| b == b' ').count() + 1;
    let last = key.rsplit(' ').next();
    // "Jane Doe says", "jdoe42 said" (a commenter's handle before the comment).
    if count <= 5 && matches!(last, Some("says") | Some("wrote")) {
        return Some(CommentMark);
    }
    // "jdoe 2 hours ago", "Jane · 3 days ago": the last three words.
    if (3..=8).contains(&count) {
        let from = key.rmatch_indices(' ').nth(2).map_or(0, |(i, _)| i + 1);
        if is_relative_time(&key[from..]) {
            return Some(CommentMark);
        }
    }
    // "5-Minute Fix newsletter", "The Morning Briefing newsletter".
    if count <= 6 && matches!(last, Some("newsletter") | Some("newsletters")) {
        return Some(Widget(DonationAppeal));
    }
    // "# comments" with extra words: "12 comments so far", "comments (12)".
    if count <= 4 && words().any(|w| w == "comments") && words().any(|w| w == "#") {
        return Some(CommentHeading { strong: true });
    }
    // Share bars: every word a network or a share verb, at least one network.
    if count <= 14
        && words().all(|w| SHARE_BAR_WORDS.contains(&w))
        && words().any(|w| SHARE_NETWORKS.contains(&w))
    {
        return Some(Widget(ShareAppeal));
    }
    None
}

/// "2 hours ago", "an hour ago", "3 days ago", "yesterday".
pub(crate) fn is_relative_time(key: &str) -> bool {
    let Some(rest) = key.strip_suffix(" ago") else {
        return key == "yesterday";
    };
    let mut it = rest.split(' ');
    let (Some(n), Some(unit), None) = (it.next(), it.next(), it.next()) else {
        return false;
    };
    matches!(n, "#" | "a" | "an")
        && matches!(
            unit.trim_end_matches('s'),
            "second"
                | "sec"
                | "minute"
                | "min"
                | "hour"
                | "hr"
                | "h"
                | "day"
                | "d"
                | "week"
                | "wk"
                | "month"
                | "mo"
                | "year"
                | "yr"
                | "y"
                | "m"
        )
}

/// "★★★★☆", "4.5 ★".
fn is_star_rating(line: &str) -> bool {
    let mut stars = 0;
    for c in line.chars() {
        match c {
            '\u{2605}' | '\u{2606}' | '\u{2729}' | '\u{272d}' | '\u{272e}' | '\u{2b50}' => {
                stars += 1
            }
            c if c.is_ascii_digit() || c == '.' || c == '/' || c.is_whitespace() => {}
            _ => return false,
        }
    }
    stars >= 1
}

/// "Home » News » Politics", "Home > World".
fn is_breadcrumb(line: &str) -> bool {
    // '»' and '›' end in these bytes; most lines have neither.
    if line.len() > 240 || memchr::memchr2(0xbb, 0xba, line.as_bytes()).is_none() {
        return false;
    }
    let chevrons = line.matches(" \u{bb} ").count() + line.matches(" \u{203a} ").count();
    chevrons >= 2
        || ((line.starts_with("Home >") || line.starts_with("Home \u{bb}")) && chevrons >= 1)
}

/// Whether the line speaks to the reader: second person, a request, an exclamation.
fn speaks_to_reader(line: &str) -> bool {
    if line.ends_with('!') || line.contains("! ") {
        return true;
    }
    let lower = line.to_ascii_lowercase();
    for w in lower.split(|c: char| !c.is_ascii_alphanumeric()) {
        if matches!(w, "you" | "your" | "please" | "below" | "us" | "our") {
            return true;
        }
    }
    false
}

/// A quote attributed to someone: "“Share the road,” the mayor said." Article text
/// whatever phrase it contains.
fn is_reported_speech(line: &str) -> bool {
    let has_quote = line.contains('"') || line.contains('\u{201c}') || line.contains('\u{201d}');
    if !has_quote {
        return false;
    }
    let lower = line.to_ascii_lowercase();
    lower.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
        matches!(
            w,
            "said"
                | "says"
                | "told"
                | "wrote"
                | "tweeted"
                | "added"
                | "asked"
                | "according"
                | "stated"
        )
    })
}

/// Whether a short line has as few words as a widget label: used to let neighbouring
/// widget lines absorb the odd unlabelled line between them.
pub(crate) fn is_short_label(line: &str) -> bool {
    line.len() <= 120 && word_count(line) <= 16
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue(line: &str) -> Cue {
        CueTable::new().classify(line, &mut String::new())
    }

    #[test]
    fn labels_and_phrases() {
        assert_eq!(cue("3 Comments"), CommentHeading { strong: true });
        assert_eq!(cue("Leave a Reply"), CommentForm);
        assert_eq!(cue("Like \u{b7} Reply"), CommentMark);
        assert_eq!(cue("2 hours ago"), CommentMark);
        assert_eq!(cue("Share this:"), Widget(ShareAppeal));
        assert_eq!(cue("Facebook Twitter Pinterest"), Widget(ShareAppeal));
        assert_eq!(cue("Rate this:"), Widget(RatingWidget));
        assert_eq!(
            cue("\u{2605}\u{2605}\u{2605}\u{2606}\u{2606}"),
            Widget(RatingWidget)
        );
        assert_eq!(cue("You may also like"), RelatedHeading);
        assert_eq!(
            cue("\u{a9} 2016 Daily Planet Media. All rights reserved."),
            Widget(Boilerplate)
        );
        assert_eq!(
            cue("Please support our independent journalism with a gift today."),
            Widget(DonationAppeal)
        );
        assert_eq!(cue("Home \u{bb} News \u{bb} World"), Widget(Boilerplate));
    }

    #[test]
    fn reporters_may_write_share_and_comment() {
        assert_eq!(
            cue("The ministry declined to comment on the strike."),
            Plain
        );
        assert_eq!(
            cue("\u{201c}Please share this with the world,\u{201d} the activist said."),
            Plain
        );
        assert_eq!(cue("Shareholders met in Dallas on Tuesday."), Plain);
        assert_eq!(cue("Critics piled in to share this view on Monday."), Plain);
    }

    /// The cue phrases' overlapping walk finds the same matches, in the same order,
    /// with the contiguous NFA the table uses as with the full DFA it used before.
    #[test]
    fn the_phrase_walk_is_the_dfa_walk() {
        let patterns = phrase_patterns();
        let dfa = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .unwrap();
        let table = CueTable::new();
        let mut lines: Vec<String> = PHRASES
            .iter()
            .map(|p| format!("{} and {}", p.0.to_uppercase(), p.0))
            .collect();
        let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/corpus");
        for entry in std::fs::read_dir(corpus).expect("examples/corpus") {
            let text = std::fs::read_to_string(entry.expect("entry").path()).unwrap_or_default();
            lines.extend(text.lines().map(str::to_string));
        }
        let walk = |ac: &AhoCorasick, line: &str| -> Vec<(usize, usize, usize)> {
            ac.find_overlapping_iter(line)
                .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                .collect()
        };
        let mut matched = 0;
        for line in &lines {
            let expected = walk(&dfa, line);
            matched += usize::from(!expected.is_empty());
            assert_eq!(walk(&table.phrases, line), expected, "{line:?}");
        }
        assert!(matched >= PHRASES.len(), "{matched} lines matched");
    }
}
