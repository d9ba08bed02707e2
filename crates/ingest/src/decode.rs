//! Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, and legacy
//! single-byte encodings (Windows-1252 / Latin-1 and others) detected by chardetng.

use std::borrow::Cow;

use encoding_rs::Encoding;

/// How a byte buffer was decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub encoding: &'static Encoding,
    /// Bytes of BOM skipped at the start.
    pub bom: usize,
}

/// The encoding of `bytes`: a BOM wins; valid UTF-8 is UTF-8; anything else is
/// guessed by chardetng among legacy encodings (Windows-1252 for the Latin-1 and
/// cp1252 files of FA-KES and Horne 2017).
pub fn detect(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return Decoded { encoding, bom };
    }
    if std::str::from_utf8(bytes).is_ok() {
        return Decoded {
            encoding: encoding_rs::UTF_8,
            bom: 0,
        };
    }
    // A buffer cut in the middle of a multi-byte character is still UTF-8.
    if let Err(e) = std::str::from_utf8(bytes) {
        if e.error_len().is_none() && e.valid_up_to() + 4 > bytes.len() {
            return Decoded {
                encoding: encoding_rs::UTF_8,
                bom: 0,
            };
        }
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    Decoded {
        encoding: guess,
        bom: 0,
    }
}

/// Decodes `bytes` with `how`. Never fails: malformed sequences become U+FFFD.
pub fn decode(bytes: &[u8], how: Decoded) -> String {
    let body = bytes.get(how.bom..).unwrap_or(&[]);
    if how.encoding == encoding_rs::UTF_8 {
        return String::from_utf8_lossy(body).into_owned();
    }
    let (text, _) = how.encoding.decode_without_bom_handling(body);
    text.into_owned()
}

/// Decodes one record field: UTF-8 when it is valid, else `fallback`. Record
/// files mix encodings more often than one would hope.
pub fn decode_field(bytes: &[u8], fallback: &'static Encoding) -> String {
    decode_field_borrowed(bytes, fallback).into_owned()
}

/// [`decode_field`] without a copy when `bytes` are valid UTF-8 (a JSON line is
/// parsed, not kept).
pub fn decode_field_borrowed<'b>(bytes: &'b [u8], fallback: &'static Encoding) -> Cow<'b, str> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => Cow::Owned(fallback.decode_without_bom_handling(bytes).0.into_owned()),
    }
}

/// Why `bytes` look like a binary file rather than text, if they do: the offset of
/// a NUL byte in the first 8 KiB (UTF-16 text, which has a BOM, is exempt).
pub fn binary_evidence(bytes: &[u8]) -> Option<u64> {
    if Encoding::for_bom(bytes).is_some_and(|(e, _)| e != encoding_rs::UTF_8) {
        return None;
    }
    let head = &bytes[..bytes.len().min(8192)];
    memchr::memchr(0, head).map(|i| i as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_quotes_are_recovered() {
        // "don’t" with a cp1252 right single quote, as in the Horne 2017 files.
        let bytes = b"The minister said he don\x92t know. \x93Nothing happened\x94, he added.";
        let how = detect(bytes);
        let text = decode(bytes, how);
        assert!(text.contains("don\u{2019}t"), "{text}");
        assert!(text.contains("\u{201c}Nothing happened\u{201d}"));
    }

    #[test]
    fn bom_is_skipped_and_utf16_is_decoded() {
        let utf8 = b"\xEF\xBB\xBFHello";
        assert_eq!(decode(utf8, detect(utf8)), "Hello");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Hi".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&utf16, detect(&utf16)), "Hi");
        assert_eq!(binary_evidence(&utf16), None);
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert_eq!(binary_evidence(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Some(8));
        assert_eq!(binary_evidence(b"plain text"), None);
    }
}
