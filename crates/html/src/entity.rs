//! Character references (`&amp;`, `&#8217;`, `&#x2014;`) as a browser decodes them.

use crate::entity_table;

/// Windows-1252 meanings of the C1 code points, which HTML gives to `&#128;`..`&#159;`
/// (old pages write `&#146;` for a right quote).
const C1: [char; 32] = [
    '\u{20ac}', '\u{81}', '\u{201a}', '\u{192}', '\u{201e}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2c6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8d}', '\u{17d}', '\u{8f}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2dc}', '\u{2122}', '\u{161}', '\u{203a}', '\u{153}', '\u{9d}', '\u{17e}', '\u{178}',
];

/// Names a browser also decodes without the final `;` (the common ones).
const LEGACY: [&[u8]; 8] = [
    b"amp", b"lt", b"gt", b"quot", b"nbsp", b"copy", b"reg", b"shy",
];

/// Decodes the reference starting at `bytes[i] == b'&'`: the character and the
/// length of its source form. `None` leaves the `&` as literal text.
pub(crate) fn decode_at(bytes: &[u8], i: usize) -> Option<(char, usize)> {
    let rest = bytes.get(i + 1..)?;
    if rest.first() == Some(&b'#') {
        return numeric(rest).map(|(c, len)| (c, len + 1));
    }
    let n = rest
        .iter()
        .take(32)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if n == 0 {
        return None;
    }
    let name = &rest[..n];
    if rest.get(n) == Some(&b';') {
        return entity_table::named(name).map(|c| (c, n + 2));
    }
    if LEGACY.contains(&name) {
        return entity_table::named(name).map(|c| (c, n + 1));
    }
    None
}

/// `#123;` or `#x7B;` (the `;` is optional, as in browsers).
fn numeric(rest: &[u8]) -> Option<(char, usize)> {
    let (hex, digits_start) = match rest.get(1) {
        Some(b'x' | b'X') => (true, 2),
        _ => (false, 1),
    };
    let digits = &rest[digits_start.min(rest.len())..];
    let n = digits
        .iter()
        .take_while(|b| {
            if hex {
                b.is_ascii_hexdigit()
            } else {
                b.is_ascii_digit()
            }
        })
        .count();
    if n == 0 {
        return None;
    }
    let mut value: u32 = 0;
    for &d in &digits[..n] {
        let v = (d as char).to_digit(if hex { 16 } else { 10 }).unwrap_or(0);
        value = value
            .saturating_mul(if hex { 16 } else { 10 })
            .saturating_add(v);
    }
    let mut len = digits_start + n;
    if digits.get(n) == Some(&b';') {
        len += 1;
    }
    let c = match value {
        0 => '\u{fffd}',
        0x80..=0x9f => C1[(value - 0x80) as usize],
        v => char::from_u32(v).unwrap_or('\u{fffd}'),
    };
    Some((c, len))
}

/// Decodes every reference in an attribute value or a `<title>`; borrows when
/// there is nothing to decode.
pub(crate) fn decode_str(raw: &[u8]) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut i = 0;
    let mut last = 0;
    while let Some(off) = memchr::memchr(b'&', &raw[i..]) {
        let amp = i + off;
        match decode_at(raw, amp) {
            Some((c, len)) => {
                out.push_str(&String::from_utf8_lossy(&raw[last..amp]));
                out.push(c);
                i = amp + len;
                last = i;
            }
            None => i = amp + 1,
        }
    }
    out.push_str(&String::from_utf8_lossy(&raw[last..]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_numeric_and_hex() {
        assert_eq!(decode_at(b"&amp;x", 0), Some(('&', 5)));
        assert_eq!(decode_at(b"&#8217;s", 0), Some(('\u{2019}', 7)));
        assert_eq!(decode_at(b"&#x2014;", 0), Some(('\u{2014}', 8)));
        assert_eq!(decode_at(b"&nbsp;", 0), Some(('\u{a0}', 6)));
        assert_eq!(decode_at(b"&#146;", 0), Some(('\u{2019}', 6)));
    }

    #[test]
    fn bare_ampersands_stay_text() {
        assert_eq!(decode_at(b"& b", 0), None);
        assert_eq!(decode_at(b"&unknown;", 0), None);
        assert_eq!(decode_at(b"&", 0), None);
        assert_eq!(decode_at(b"&#;", 0), None);
        assert_eq!(decode_at(b"&#99999999999;", 0), Some(('\u{fffd}', 14)));
    }

    #[test]
    fn legacy_names_without_semicolon() {
        assert_eq!(decode_at(b"&amp b", 0), Some(('&', 4)));
        assert_eq!(
            decode_str(b"Q&amp;A &copy 2024 &hellip;"),
            "Q&A \u{a9} 2024 \u{2026}"
        );
    }
}
