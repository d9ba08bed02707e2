//! The fallback extractor: picks the main-content blocks of the stream itself.
//!
//! Readability's idea on the stream's blocks: every paragraph-like block of some
//! length, outside boilerplate and not mostly links, scores for the element that
//! contains it and, less, for the elements above that. The best-scoring element is
//! the article; its siblings that scored well join it. Inside that region every
//! block that is not boilerplate, not mostly links and not an advertising label
//! is kept, in page order.

use crate::stream::{flag, Block, Node, Stream};
use crate::tag::Tag;

/// Labels that sit between paragraphs and are not part of the story.
const LABELS: &[&str] = &[
    "advertisement",
    "advertisements",
    "story continues below advertisement",
    "continue reading",
    "continue reading below",
    "read more",
    "share this article",
    "share",
    "sponsored",
];

fn is_label(text: &str) -> bool {
    text.len() < 48
        && LABELS
            .iter()
            .any(|l| text.trim_end_matches([':', '.']).eq_ignore_ascii_case(l))
}

fn link_density(b: &Block) -> f32 {
    if b.len() == 0 {
        return 1.0;
    }
    b.link_len as f32 / b.len() as f32
}

fn paragraph_like(b: &Block) -> bool {
    matches!(
        b.tag,
        Tag::P
            | Tag::Pre
            | Tag::Blockquote
            | Tag::Div
            | Tag::Section
            | Tag::Article
            | Tag::Main
            | Tag::Cell
            | Tag::Dd
            | Tag::Li
            | Tag::Block
            | Tag::Body
            | Tag::Other
    )
}

/// Which blocks sit in boilerplate. An element marked as boilerplate by its tag
/// or class counts as such only if it does not hold most of the page's text:
/// a `<div class="blq-int-nav">` or a `<form>` around the whole page is a
/// wrapper, not a menu.
fn boilerplate(stream: &Stream) -> Vec<bool> {
    let nodes = &stream.nodes;
    let mut text = vec![0usize; nodes.len()];
    for b in &stream.blocks {
        let mut id = b.node as usize;
        loop {
            if let Some(t) = text.get_mut(id) {
                *t += b.len();
            }
            if id == 0 {
                break;
            }
            id = nodes[id].parent as usize;
        }
    }
    let total = text.first().copied().unwrap_or(0).max(1);
    let mut boiler = vec![false; nodes.len()];
    for id in 0..nodes.len() {
        let n = &nodes[id];
        let share = text[id] as f32 / total as f32;
        let sticks = (n.own & flag::BOILER != 0 && share <= 0.8)
            || (n.own & flag::WEAK_BOILER != 0 && share <= 0.5);
        let parent = n.parent as usize;
        boiler[id] = sticks || (id != 0 && parent < id && boiler[parent]);
    }
    stream
        .blocks
        .iter()
        .map(|b| {
            b.flags & (flag::BY_SIZE | flag::HIDDEN) != 0
                || boiler.get(b.node as usize).copied().unwrap_or(false)
        })
        .collect()
}

/// Adds `amount` to `totals` for the element `node` and every element above it.
fn add_up(nodes: &[Node], totals: &mut [usize], node: u32, amount: usize) {
    let mut id = node as usize;
    while let Some(t) = totals.get_mut(id) {
        *t += amount;
        if id == 0 {
            break;
        }
        id = nodes[id].parent as usize;
    }
}

/// A block that reads like article text: long enough, not boilerplate, not
/// mostly links.
fn is_good(b: &Block, boiler: bool) -> bool {
    !boiler && paragraph_like(b) && b.len() >= 25 && link_density(b) <= 0.5
}

/// Stream ranges of the main-content blocks, in page order.
pub(crate) fn extract(stream: &Stream) -> Vec<(usize, usize)> {
    let nodes = &stream.nodes;
    let boiler = boilerplate(stream);
    let mut score = vec![0f32; nodes.len()];
    let mut good = vec![0usize; nodes.len()];
    let mut all = vec![0usize; nodes.len()];
    for (b, &boiler) in stream.blocks.iter().zip(&boiler) {
        add_up(nodes, &mut all, b.node, b.len());
        if !is_good(b, boiler) {
            continue;
        }
        add_up(nodes, &mut good, b.node, b.len());
        let text = &stream.text[b.start..b.end];
        let commas = text
            .matches([',', '\u{060c}', '\u{3001}', '\u{ff0c}'])
            .count();
        let mut s = 1.0 + commas as f32 + (b.len() as f32 / 100.0).min(3.0);
        s *= 1.0 - link_density(b);
        if b.flags & flag::ARTICLE != 0 {
            s *= 1.25;
        }
        // Like readability: a paragraph scores for its container, and less for
        // the containers above, not for itself.
        let mut id = b.node as usize;
        if id == 0 {
            // Text straight in <body>: the page itself is the container.
            score[0] += s;
        }
        for divisor in [1.0, 2.0, 6.0] {
            if id == 0 {
                break;
            }
            id = nodes[id].parent as usize;
            if let Some(cell) = score.get_mut(id) {
                *cell += s / divisor;
            }
        }
    }
    let Some((mut top, &top_score)) = score.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1))
    else {
        return Vec::new();
    };
    if top_score <= 0.0 {
        return Vec::new();
    }

    // Articles split into chunks (between ads, in several containers) are
    // joined by climbing to an ancestor while what it adds is mostly more
    // article text.
    let mut up = top;
    for _ in 0..8 {
        if up == 0 {
            break;
        }
        up = nodes[up].parent as usize;
        let added_good = good[up].saturating_sub(good[top]);
        let added_all = all[up].saturating_sub(all[top]);
        if added_good * 10 < added_all * 6 {
            break;
        }
        if added_good > 0 {
            top = up;
        }
    }

    // The region: the top element, plus siblings that scored well on their own.
    let parent = nodes[top].parent as usize;
    let threshold = (top_score * 0.2).max(3.0);
    let mut roots: Vec<(u32, u32)> = vec![(top as u32, nodes[top].end)];
    if top != 0 {
        let (lo, hi) = (parent + 1, nodes[parent].end as usize);
        let mut id = lo;
        while id <= hi && id < nodes.len() {
            if id != top && nodes[id].parent as usize == parent && score[id] >= threshold {
                roots.push((id as u32, nodes[id].end));
            }
            id = if nodes[id].parent as usize == parent {
                nodes[id].end as usize + 1
            } else {
                id + 1
            };
        }
    }
    let inside = |node: u32| roots.iter().any(|&(a, z)| node >= a && node <= z);

    let mut out = Vec::new();
    for (b, &boiler) in stream.blocks.iter().zip(&boiler) {
        if !inside(b.node) || boiler {
            continue;
        }
        let text = &stream.text[b.start..b.end];
        let heading = matches!(b.tag, Tag::Heading(_));
        let max_links = if b.tag == Tag::Li { 0.3 } else { 0.5 };
        if (!heading && link_density(b) > max_links) || is_label(text) {
            continue;
        }
        out.push((b.start, b.end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_article_and_drops_the_furniture() {
        let html = r#"<body><nav><ul><li><a href="/">Home</a></li><li><a href="/w">World</a></li></ul></nav>
          <div class="story"><h2>Aid reaches the north</h2>
            <p>Trucks carrying flour, medicine and fuel crossed into the province on Monday, officials said.</p>
            <p>Advertisement</p>
            <p>The convoy, the first in three weeks, was escorted by local police, according to witnesses.</p>
          </div>
          <div class="related"><p>Read this other story about something else entirely, with commas, many, many.</p></div>
          <footer><p>Copyright 2024 The Courier, all rights reserved, everywhere, forever.</p></footer></body>"#;
        let s = Stream::build(html, None);
        let got: Vec<&str> = extract(&s).iter().map(|&(a, b)| &s.text[a..b]).collect();
        assert_eq!(
            got,
            vec![
                "Aid reaches the north",
                "Trucks carrying flour, medicine and fuel crossed into the province on Monday, officials said.",
                "The convoy, the first in three weeks, was escorted by local police, according to witnesses.",
            ]
        );
    }

    #[test]
    fn a_page_without_paragraphs_yields_nothing() {
        let s = Stream::build("<div><a href=/>Home</a></div>", None);
        assert!(extract(&s).is_empty());
    }
}
