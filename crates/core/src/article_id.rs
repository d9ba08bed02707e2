use xxhash_rust::xxh3::Xxh3;

/// The stable id of an article: a hash of the text it covers and of the metadata
/// that tells two outlets' identical copies apart. The path is left out on
/// purpose: the same article read from a moved file is the same article, and the
/// store keeps it once.
///
/// The hash is XXH3-128 of the metadata parts, each followed by `\x1f`, and then
/// the text, fed to the hasher piece by piece (the same digest as of the joined
/// bytes, without copying the article into a key first).
pub fn article_id(
    text: &str,
    title: Option<&str>,
    outlet: Option<&str>,
    published: Option<&str>,
    url: Option<&str>,
) -> String {
    let mut hasher = Xxh3::new();
    for part in [title, outlet, published, url] {
        hasher.update(part.unwrap_or("").as_bytes());
        hasher.update(b"\x1f");
    }
    hasher.update(text.as_bytes());
    let h = hasher.digest128();
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

    /// The id as it was first computed: the one-shot hash of the joined key.
    fn joined_key_id(
        text: &str,
        title: Option<&str>,
        outlet: Option<&str>,
        published: Option<&str>,
        url: Option<&str>,
    ) -> String {
        let mut key = String::new();
        for part in [title, outlet, published, url] {
            key.push_str(part.unwrap_or(""));
            key.push('\u{1f}');
        }
        key.push_str(text);
        let h = xxhash_rust::xxh3::xxh3_128(key.as_bytes());
        format!("{:016x}", (h >> 64) as u64)
    }

    #[test]
    fn the_streamed_hash_is_the_hash_of_the_joined_key() {
        // Texts across the hasher's internal block and buffer sizes, metadata of
        // every length class, present and absent.
        let sentence = "Shells hit Douma, killing 12 civilians, the Observatory said. ";
        let titles = [
            None,
            Some(""),
            Some("Douma"),
            Some(&*"long title ".repeat(40)),
        ];
        for n in [
            0, 1, 3, 4, 16, 17, 128, 129, 240, 241, 1024, 1025, 5000, 70_000,
        ] {
            let text: String = sentence.chars().cycle().take(n).collect();
            for title in titles {
                for (outlet, published, url) in [
                    (None, None, None),
                    (
                        Some("SANA"),
                        Some("2018-02-20"),
                        Some("https://sana.sy/?p=1"),
                    ),
                    (Some("وكالة"), None, Some("x")),
                ] {
                    assert_eq!(
                        article_id(&text, title, outlet, published, url),
                        joined_key_id(&text, title, outlet, published, url),
                        "{n} {title:?} {outlet:?}"
                    );
                }
            }
        }
    }
}
