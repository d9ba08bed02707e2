//! One realistic text per removal kind (all written for these tests), and the lines a
//! cleaner must not touch.

mod common;

use crosscheck_clean::{CleanOptions, CleanedArticle, Cleaner};
use crosscheck_schema::RemovalKind::{self, *};

fn clean_with(text: &str, known_title: Option<&str>) -> CleanedArticle {
    let cleaner = Cleaner::new();
    let mut all = cleaner.clean(text, &CleanOptions { known_title });
    common::assert_valid("test text", text, &all);
    assert_eq!(all.len(), 1, "a single article was split");
    all.remove(0)
}

fn clean(text: &str) -> CleanedArticle {
    clean_with(text, None)
}

/// The removed texts of one kind, in order.
fn removed<'t>(a: &CleanedArticle, text: &'t str, kind: RemovalKind) -> Vec<&'t str> {
    a.removed
        .iter()
        .filter(|r| r.kind == kind)
        .map(|r| &text[r.start..r.end])
        .collect()
}

fn kept<'t>(a: &CleanedArticle, text: &'t str) -> Vec<&'t str> {
    a.paragraphs.iter().map(|p| &text[p.start..p.end]).collect()
}

#[test]
fn metadata_at_top_and_bottom_becomes_fields() {
    let text = "Flood waters recede in river towns\n\
                Written by Sara Lind\n\
                Published October 12 2016\n\
                \n\
                Water levels in the lower valley fell by almost a metre overnight, the regional \
                authority said on Wednesday, allowing the first families to return.\n\
                \n\
                Engineers will inspect the two damaged bridges before they reopen to traffic.\n\
                \n\
                Source: Northern Ledger\n\
                https://ledger.example/2016/10/12/flood-recedes\n";
    let a = clean(text);
    assert_eq!(
        a.title.as_deref(),
        Some("Flood waters recede in river towns")
    );
    assert_eq!(a.field("author"), Some("Sara Lind"));
    assert_eq!(a.field("published"), Some("October 12 2016"));
    assert_eq!(a.field("outlet"), Some("Northern Ledger"));
    assert_eq!(
        a.field("url"),
        Some("https://ledger.example/2016/10/12/flood-recedes")
    );
    assert_eq!(
        removed(&a, text, MetadataLine),
        [
            "Written by Sara Lind\nPublished October 12 2016",
            "Source: Northern Ledger\nhttps://ledger.example/2016/10/12/flood-recedes"
        ]
    );
    assert_eq!(kept(&a, text).len(), 2);
}

#[test]
fn every_kind_of_metadata_line_is_read() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "Monday, March 3, 2014",
            "published",
            "Monday, March 3, 2014",
        ),
        ("17-08-2014", "published", "17-08-2014"),
        (
            "Date of publication 18 November 2017",
            "published",
            "18 November 2017",
        ),
        ("Published October 12 2016", "published", "October 12 2016"),
        ("By Ana Gomez", "author", "Ana Gomez"),
        ("by ana gomez and Luis Ortega", "author", ""),
        ("Posted by Tom Reyes", "author", "Tom Reyes"),
        ("By Tom Reyes, Reuters", "author", "Tom Reyes"),
        ("Via: Coastal Times", "outlet", "Coastal Times"),
        ("Via The Valley Herald", "outlet", "The Valley Herald"),
        ("Source: Levant Wire", "outlet", "Levant Wire"),
    ];
    for (line, field, value) in cases {
        let text = format!(
            "Strike hits fuel depot near the port\n{line}\n\nA fire burned for six hours at the \
             depot after the strike, officials said, and no casualties were reported.\n"
        );
        let a = clean(&text);
        if value.is_empty() {
            // Not a byline: "ana gomez" is not written like a name.
            assert_eq!(a.field(field), None, "{line}");
            continue;
        }
        assert_eq!(a.field(field), Some(*value), "{line}");
        assert_eq!(removed(&a, &text, MetadataLine), [*line], "{line}");
    }
}

#[test]
fn byline_words_inside_the_body_are_body() {
    let text = "Convoy reaches besieged district\nBy Omar Haddad\n\n\
                The first trucks crossed the front line at dawn, the aid group said.\n\n\
                By the end of the day, forty trucks had unloaded flour and medicine.\n\n\
                Source: the district council told reporters that more were expected.\n\n\
                The group said it hoped to return next week.\n";
    let a = clean(text);
    let body = kept(&a, text);
    assert_eq!(body.len(), 4);
    assert!(body[1].starts_with("By the end of the day"));
    assert_eq!(a.field("author"), Some("Omar Haddad"));
    assert_eq!(a.fields.len(), 1);
}

#[test]
fn a_comment_thread_starts_at_its_heading_after_the_body() {
    let text = "Power cuts return to the capital\n\n\
                Residents of the capital faced up to ten hours without electricity on Tuesday \
                as the grid operator rationed supply, the ministry said.\n\n\
                The operator blamed a shortage of fuel for two power stations.\n\n\
                4 Comments\n\n\
                nadia_r · 3 hours ago\n\
                Ten hours? In our street it was fourteen.\n\
                Like · Reply\n\n\
                \x20   karim77 · 2 hours ago\n\
                \x20   Same here, the generator owners doubled their prices again.\n\
                \x20   Reply\n\n\
                Joe Bell March 4, 2015 at 9:12 pm\n\
                They said the same thing last winter.\n\
                Reply\n";
    let a = clean(text);
    assert_eq!(kept(&a, text).len(), 2);
    let thread = removed(&a, text, CommentThread);
    assert_eq!(thread.len(), 1);
    assert!(thread[0].starts_with("4 Comments"));
    assert!(thread[0].ends_with("Reply"));
    // The comments' numbers are not article text.
    assert!(!kept(&a, text).iter().any(|p| p.contains("fourteen")));
}

#[test]
fn a_weak_heading_needs_replies_and_a_heading_before_the_body_opens_nothing() {
    // "Comments" as an ordinary subheading of a report: no replies follow, it stays.
    let text = "Council publishes draft budget\n\n\
                The council released its draft budget for public consultation on Monday.\n\n\
                Comments\n\n\
                Residents can send their views to the council until the end of the month, and \
                the final budget will be voted on in December.\n";
    let a = clean(text);
    assert_eq!(kept(&a, text).len(), 3);
    assert!(a.removed.is_empty());

    // A comment count next to the byline is a widget, and the body after it stays.
    let text = "Council publishes draft budget\nBy Lea Marsh\n12 Comments\n\n\
                The council released its draft budget for public consultation on Monday.\n\n\
                Residents can send their views until the end of the month.\n";
    let a = clean(text);
    assert_eq!(kept(&a, text).len(), 2);
    assert_eq!(removed(&a, text, CommentWidget), ["12 Comments"]);
}

#[test]
fn comment_plugins_and_reply_forms_are_widgets() {
    let text = "Ferry service resumes after storm\n\n\
                The ferry between the two islands resumed on Friday after a three-day halt, \
                the operator said, with extra crossings planned for the weekend.\n\n\
                comments powered by Disqus\n\n\
                Facebook Comments Plugin\n\n\
                Leave a Reply\n\
                Your email address will not be published. Required fields are marked *\n\
                Name *\n\
                Post Comment\n";
    let a = clean(text);
    assert_eq!(kept(&a, text).len(), 1);
    let w = removed(&a, text, CommentWidget);
    assert_eq!(w[0], "comments powered by Disqus");
    assert_eq!(w[1], "Facebook Comments Plugin");
    assert!(w[2].starts_with("Leave a Reply") && w[2].ends_with("Post Comment"));
}

#[test]
fn donation_and_subscription_appeals() {
    let text = "Clinic reopens in the old town\n\n\
                The clinic, shut since a shell hit its roof in May, reopened on Sunday with two \
                doctors and a nurse, the local council said.\n\n\
                Please support our independent journalism\n\
                We are funded by our readers, not by governments. A small gift keeps us reporting.\n\
                Donate\n\n\
                Subscribe to our newsletter\n\
                Enter your email address\n\
                Subscribe\n\n\
                The council said a second clinic would open in the spring.\n";
    let a = clean(text);
    assert_eq!(
        kept(&a, text),
        [
            "The clinic, shut since a shell hit its roof in May, reopened on Sunday with two \
             doctors and a nurse, the local council said.",
            "The council said a second clinic would open in the spring."
        ]
    );
    let d = removed(&a, text, DonationAppeal);
    assert_eq!(d.len(), 2);
    assert!(d[0].starts_with("Please support") && d[0].ends_with("Donate"));
    assert!(d[1].starts_with("Subscribe to our newsletter") && d[1].ends_with("Subscribe"));
}

#[test]
fn share_and_follow_appeals() {
    let text = "Bridge repairs to take a year\n\n\
                Repairs to the main bridge will take at least a year, the transport ministry \
                said, and a temporary crossing will open in March.\n\n\
                Share this:\n\
                Click to share on Facebook (Opens in new window)\n\
                Click to share on Twitter (Opens in new window)\n\n\
                Follow us on Twitter for live updates!\n\n\
                Sharing is caring!\n";
    let a = clean(text);
    assert_eq!(kept(&a, text).len(), 1);
    assert_eq!(
        removed(&a, text, ShareAppeal),
        [
            "Share this:\nClick to share on Facebook (Opens in new window)\nClick to share on \
             Twitter (Opens in new window)",
            "Follow us on Twitter for live updates!",
            "Sharing is caring!"
        ]
    );
}

#[test]
fn rating_widgets() {
    let text = "Schools to open a week late\n\n\
                Schools in the province will open a week later than planned because of repairs, \
                the education office said on Thursday.\n\n\
                Rate this:\n\
                \u{2605}\u{2605}\u{2605}\u{2606}\u{2606}\n\
                4.1 out of 5 stars\n\n\
                Was this article helpful?\n\
                Yes No\n";
    let a = clean(text);
    assert_eq!(kept(&a, text).len(), 1);
    let r = removed(&a, text, RatingWidget);
    assert_eq!(r.len(), 2);
    assert!(r[0].starts_with("Rate this:") && r[0].ends_with("stars"));
    assert_eq!(r[1], "Was this article helpful?\nYes No");
}

#[test]
fn author_boxes_with_and_without_a_heading() {
    let text = "Wheat harvest falls short\n\n\
                The wheat harvest fell a third short of the target this year, the farmers' union \
                said, blaming drought and the cost of fuel.\n\n\
                Mills in the north are already running below capacity.\n\n\
                Imports will have to make up the gap, traders said.\n\n\
                About the author\n\
                Hana Saleh covers agriculture and the economy from Homs.\n";
    let a = clean(text);
    assert_eq!(kept(&a, text).len(), 3);
    assert_eq!(
        removed(&a, text, AuthorBox),
        ["About the author\nHana Saleh covers agriculture and the economy from Homs."]
    );

    // A bio closing the article, no heading.
    let text = "Wheat harvest falls short\n\n\
                The wheat harvest fell a third short of the target this year, the farmers' union \
                said.\n\n\
                Mills in the north are already running below capacity.\n\n\
                Imports will have to make up the gap, traders said.\n\n\
                Hana Saleh is a freelance journalist based in Homs.\n";
    let a = clean(text);
    assert_eq!(kept(&a, text).len(), 3);
    assert_eq!(
        removed(&a, text, AuthorBox),
        ["Hana Saleh is a freelance journalist based in Homs."]
    );
}

#[test]
fn related_link_lists_and_teasers() {
    let text = "Talks on prisoner swap resume\n\n\
                Negotiators from both sides met again on Monday to discuss a prisoner exchange, \
                a mediator said.\n\n\
                Related: Families wait for news at the crossing\n\n\
                The talks are expected to last three days.\n\n\
                Ceasefire monitors report fewer violations\n\
                Read more\n\n\
                The mediator said a deal was close.\n\n\
                You may also like\n\
                Prices of bread double in a month\n\
                Photos: the old market before the war\n\
                What the new border rules mean for travellers?\n";
    let a = clean(text);
    assert_eq!(
        kept(&a, text),
        [
            "Negotiators from both sides met again on Monday to discuss a prisoner exchange, a \
             mediator said.",
            "The talks are expected to last three days.",
            "The mediator said a deal was close."
        ]
    );
    let r = removed(&a, text, RelatedLinks);
    assert_eq!(r.len(), 3);
    assert_eq!(r[0], "Related: Families wait for news at the crossing");
    assert_eq!(
        r[1],
        "Ceasefire monitors report fewer violations\nRead more"
    );
    assert!(r[2].starts_with("You may also like") && r[2].ends_with("travellers?"));
}

#[test]
fn the_title_again_inside_the_body() {
    let text = "Army retakes hilltop village\n\n\
                ARMY RETAKES HILLTOP VILLAGE\n\n\
                Government forces took back the village on Saturday after two days of fighting, \
                state media said.\n\n\
                BREAKING: Army retakes hilltop village\n";
    let a = clean(text);
    assert_eq!(kept(&a, text).len(), 1);
    assert_eq!(
        removed(&a, text, RepeatedHeadline),
        [
            "ARMY RETAKES HILLTOP VILLAGE",
            "BREAKING: Army retakes hilltop village"
        ]
    );

    // With a known title, the first line is body unless it repeats the title.
    let text = "Army retakes hilltop village\n\nGovernment forces took back the village.\n";
    let a = clean_with(text, Some("Army retakes hilltop village"));
    assert_eq!(a.title.as_deref(), Some("Army retakes hilltop village"));
    assert_eq!(a.title_span, None);
    assert_eq!(
        removed(&a, text, RepeatedHeadline),
        ["Army retakes hilltop village"]
    );
    assert_eq!(kept(&a, text), ["Government forces took back the village."]);

    // A first sentence that merely opens with the title's words is body.
    let text = "Talks will resume in Geneva next week, the envoy said on Friday.\n";
    let a = clean_with(text, Some("Talks will resume in Geneva"));
    assert_eq!(kept(&a, text).len(), 1);
}

#[test]
fn an_agency_date_line_after_a_standfirst_is_cut() {
    // Al-Ahram (FA-KES 1923848206): headline, standfirst, "AFP <date>", body, one line.
    let title = "20 dead in air raids in Syrias Latakia province NGO";
    let text = "20 dead in air raids in Syrias Latakia province NGO At least 20 Syrian people \
                are reportedly killed by air strikes in the province of Latakia AFP Saturday 10 \
                Aug 2013 Air strikes by the Syrian military killed at least 20 people overnight.";
    let a = clean_with(text, Some(title));
    assert_eq!(
        removed(&a, text, MetadataLine),
        ["AFP", "Saturday 10 Aug 2013"]
    );
    assert_eq!(
        kept(&a, text),
        [
            "At least 20 Syrian people are reportedly killed by air strikes in the province of \
             Latakia",
            "Air strikes by the Syrian military killed at least 20 people overnight."
        ]
    );
}

#[test]
fn a_date_line_stretches_over_at_only_before_a_time() {
    // Al-Ahram (FA-KES 1923848195): the body opens with "At least".
    let title = "Syria strikes kill 45 after rebel fire on Damascus Monitor";
    let text = "Syria strikes kill 45 after rebel fire on Damascus Monitor AFP Thursday 5 Feb \
                2015 At least 45 people were killed in air strikes.";
    let a = clean_with(text, Some(title));
    assert_eq!(
        kept(&a, text),
        ["At least 45 people were killed in air strikes."]
    );
}

#[test]
fn a_tag_list_between_standfirst_and_body_is_cut() {
    // The New Arab (FA-KES 1923102825): the body starts at a sentence opener.
    let text = "A suicide bomb blast struck al-Dumayr on Sunday killing 14 fighters. Tags \
                Jaish al-Islam Syria Ghouta Islamic State Syrian opposition Fourteen members \
                of the Jaish al-Islam rebel group were killed.";
    let a = clean(text);
    assert_eq!(
        removed(&a, text, MetadataLine),
        ["Tags Jaish al-Islam Syria Ghouta Islamic State Syrian opposition"]
    );
    // FA-KES 1923102966: the body repeats the opening words.
    let text = "A Russian airstrike killed at least 38 civilians on Wednesday. Tags Syria \
                Russia Islamic State Deir az-Zour SDF US coalition A Russian airstrike killed \
                at least 38 civilians on Wednesday a monitoring group said.";
    let a = clean(text);
    assert_eq!(
        removed(&a, text, MetadataLine),
        ["Tags Syria Russia Islamic State Deir az-Zour SDF US coalition"]
    );
}

#[test]
fn a_tag_list_cut_stops_at_the_body_not_at_a_phrase_the_standfirst_shares() {
    // FA-KES 1923102920: "a child have been killed" is in both; the body opens "An".
    let text = "Two civilians including a child have been killed in Aleppo city. Tags Syria \
                Aleppo ceasefire truce civilian casualties sniper fire. An adult and a child \
                have been killed in Syrias Aleppo city.";
    let a = clean(text);
    assert_eq!(
        removed(&a, text, MetadataLine),
        ["Tags Syria Aleppo ceasefire truce civilian casualties sniper fire."]
    );
}

#[test]
fn a_tag_list_that_runs_into_the_body_without_an_opener_stays() {
    // FA-KES 1923102956: the body opens "Anti-government activists say", no opener
    // word; the "The" that follows is the next sentence's, which must not be cut.
    let text = "Dozens of civilians have been killed in Idlib. Tags Idlib Russia Syria \
                Anti-government activists say airstrikes have hit a market in Idlib. The \
                Britain-based Observatory says at least 12 people were killed.";
    let a = clean(text);
    assert!(removed(&a, text, MetadataLine).is_empty());
    assert!(kept(&a, text)[0].contains("Anti-government activists say"));
}

#[test]
fn repeated_paragraphs_exact_and_respaced() {
    let text = "Curfew extended in the south\n\n\
                The curfew in the southern districts was extended by a week on Monday, the \
                governor's office said in a statement.\n\n\
                Shops will be allowed to open for four hours each morning.\n\n\
                The curfew in the southern  districts was extended by a week\non Monday, the \
                governor's office said in a statement.\n\n\
                Shops will be allowed to open for four hours each morning.\n";
    let a = clean(text);
    assert_eq!(kept(&a, text).len(), 2);
    assert_eq!(removed(&a, text, RepeatedParagraph).len(), 2);
}

#[test]
fn page_furniture() {
    let text = "Home \u{bb} World \u{bb} Middle East\n\
                Drought hits olive growers\n\n\
                Olive growers expect their smallest harvest in a decade after a dry spring, \
                the growers' association said.\n\n\
                Advertisement\n\n\
                Prices for oil have already risen by a fifth.\n\n\
                Copyright \u{a9} 2017 Valley Herald Media Group\n\
                All rights reserved.\n";
    let a = clean(text);
    assert_eq!(a.title.as_deref(), Some("Drought hits olive growers"));
    assert_eq!(kept(&a, text).len(), 2);
    assert_eq!(
        removed(&a, text, Boilerplate),
        [
            "Home \u{bb} World \u{bb} Middle East",
            "Advertisement",
            "Copyright \u{a9} 2017 Valley Herald Media Group\nAll rights reserved."
        ]
    );
}

#[test]
fn reporters_may_write_share_comment_and_donate() {
    let text = "Aid agencies warn of funding gap\n\n\
                \"Please share this with the world,\" the camp's doctor said, holding up a list of \
                the medicines that had run out.\n\n\
                The ministry declined to comment on the report.\n\n\
                Donors pledged less than half of what was asked, and several governments said \
                they would donate more only after an audit.\n\n\
                Share prices of the main food importers fell on the news.\n";
    let a = clean(text);
    assert!(a.removed.is_empty(), "{:?}", a.removed);
    assert_eq!(kept(&a, text).len(), 4);
}

#[test]
fn a_record_scraped_into_one_line() {
    let title = "Car bomb kills nine near market in northern town";
    let text = "Thu 12 May 2016 Car bomb kills nine near market in northern town. A car bomb \
                killed nine people near a market in the northern town on Thursday, a monitoring \
                group said, and at least twenty were wounded. Our Standards:The Thomson Reuters \
                Trust Principles.";
    let a = clean_with(text, Some(title));
    assert_eq!(a.field("published"), Some("Thu 12 May 2016"));
    assert_eq!(removed(&a, text, RepeatedHeadline), [title]);
    assert_eq!(
        removed(&a, text, Boilerplate),
        ["Our Standards:The Thomson Reuters Trust Principles."]
    );
    let body = kept(&a, text);
    assert_eq!(body.len(), 1);
    assert!(body[0].starts_with("A car bomb killed nine"));
    assert!(body[0].ends_with("wounded."));
}
