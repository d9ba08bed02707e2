use xxhash_rust::xxh3::xxh3_128;

/// The stable id of an article: a hash of the text it covers and of the metadata
/// that tells two outlets' identical copies apart. The path is left out on
/// purpose: the same article read from a moved file is the same article, and the
/// store keeps it once.
pub fn article_id(
    text: &str,
    title: Option<&str>,
    outlet: Option<&str>,
    published: Option<&str>,
    url: Option<&str>,
) -> String {
    let mut key = String::with_capacity(text.len() + 128);
    for part in [title, outlet, published, url] {
        key.push_str(part.unwrap_or(""));
        key.push('\u{1f}');
    }
    key.push_str(text);
    let h = xxh3_128(key.as_bytes());
    format!("{:016x}", (h >> 64) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_text_from_two_outlets_gives_two_articles() {
        let a = article_id("Shells hit Douma.", None, Some("Outlet A"), None, None);
        let b = article_id("Shells hit Douma.", None, Some("Outlet B"), None, None);
        assert_ne!(a, b);
        assert_eq!(
            a,
            article_id("Shells hit Douma.", None, Some("Outlet A"), None, None)
        );
        assert_eq!(a.len(), 16);
    }
}
