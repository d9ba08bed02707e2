//! Normalising the metadata an article states: publication date and outlet.

use chrono::NaiveDate;
use crosscheck_dates::{DateOrder, DateParser};

/// A publication date as written in a record field or a date line. Numeric dates
/// are read month first (`04/05/2017` is April 5, as in FA-KES and most US feeds)
/// unless a part above 12 says otherwise.
pub fn parse_published(dates: &DateParser, raw: &str) -> Option<NaiveDate> {
    dates.parse_date(raw, DateOrder::MonthFirst)
}

/// The site of a URL as an outlet name: `https://www.example-news.com/a/b` →
/// `example-news.com`.
pub fn outlet_from_url(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://").map_or(url.trim(), |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host
        .split(':')
        .next()?
        .trim_start_matches("www.")
        .to_ascii_lowercase();
    (host.contains('.') && host.len() > 3).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlet_is_the_host_without_www() {
        assert_eq!(
            outlet_from_url("https://www.example-news.com/world/1").as_deref(),
            Some("example-news.com")
        );
        assert_eq!(
            outlet_from_url("http://sana.sy:8080/?p=1").as_deref(),
            Some("sana.sy")
        );
        assert_eq!(outlet_from_url("not a url"), None);
    }
}
