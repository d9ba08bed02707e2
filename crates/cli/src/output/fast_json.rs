//! Compact JSON exactly as `serde_json::to_writer` writes it, with less work per
//! field: struct field names are written as they are instead of being scanned for
//! characters to escape (they are Rust identifiers or `rename`s, and a debug
//! assertion checks that they need no escaping), and brackets, commas and colons
//! are pushed onto the buffer directly. Numbers are written by serde_json itself,
//! so their formatting is serde_json's; strings are escaped here with serde_json's
//! escape table, eight bytes checked at a time (a test compares them with
//! serde_json's on every ASCII byte). A test compares the two writers on analysed
//! articles.

//!
//! [`article_to_vec`] goes one step further for the parts of an article that make
//! up most of the output: its paragraphs, removals, sentences and claims are
//! written by hand, field by field in declaration order, with serde_json still
//! writing every number. The same test holds it to serde_json.

use chrono::{Datelike, NaiveDate};
use serde::ser::{self, Serialize};
use serde_json::Error;

use crosscheck_schema::{
    ArticleAnalysis, Attribution, AttributionSource, Casualties, Claim, ClaimStatus, Credibility,
    DateValue, EntityMention, EventFrame, Evidence, PlaceMention, Removal, Sentence, Signal, Span,
};

/// Appends the compact JSON of `value` to `out`.
pub fn to_vec<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> Result<(), Error> {
    value.serialize(Fast { out })
}

/// Appends the compact JSON of `article` to `out`: what [`to_vec`] writes (and so
/// what `serde_json::to_writer` writes), with the many small records written
/// directly. The destructuring patterns list every field, so that a field added
/// to the schema fails to compile here instead of going missing from the output.
pub fn article_to_vec(out: &mut Vec<u8>, article: &ArticleAnalysis) -> Result<(), Error> {
    article_body(out, article, |out, status| {
        // `skip_serializing_if = "Option::is_none"`.
        if status.is_some() {
            field(out, "status", status)?;
        }
        Ok(())
    })?;
    credibility_field(out, article.credibility.as_ref())?;
    out.push(b'}');
    Ok(())
}

/// The JSON of `article` as [`article_to_vec`] writes it, cut before its last
/// field (`credibility`) and without any claim's `status`: `claim_ends` gets, for
/// each claim, the offset in `out` where its status would go (before the
/// claim's closing brace). [`finish_article`] completes it.
pub fn article_prefix(
    out: &mut Vec<u8>,
    article: &ArticleAnalysis,
    claim_ends: &mut Vec<usize>,
) -> Result<(), Error> {
    article_body(out, article, |out, _| {
        claim_ends.push(out.len());
        Ok(())
    })
}

/// Appends to `out` what [`article_to_vec`] writes for the article of
/// `prefix` (from [`article_prefix`]) with claim `i`'s status `statuses[i]` and
/// the given credibility.
pub fn finish_article(
    out: &mut Vec<u8>,
    prefix: &[u8],
    claim_ends: impl IntoIterator<Item = (usize, Option<ClaimStatus>)>,
    credibility: &Option<Credibility>,
) -> Result<(), Error> {
    let mut from = 0;
    for (end, status) in claim_ends {
        out.extend_from_slice(&prefix[from..end]);
        if status.is_some() {
            field(out, "status", &status)?;
        }
        from = end;
    }
    out.extend_from_slice(&prefix[from..]);
    credibility_field(out, credibility.as_ref())?;
    out.push(b'}');
    Ok(())
}

/// `,"credibility":` and the credibility or `null`.
fn credibility_field(out: &mut Vec<u8>, c: Option<&Credibility>) -> Result<(), Error> {
    out.extend_from_slice(b",\"credibility\":");
    option(out, c, credibility)
}

fn credibility(out: &mut Vec<u8>, c: &Credibility) -> Result<(), Error> {
    let Credibility {
        score,
        label,
        signals,
    } = c;
    out.extend_from_slice(b"{\"score\":");
    float(out, *score);
    out.extend_from_slice(b",\"label\":");
    name(out, label)?;
    out.extend_from_slice(b",\"signals\":");
    array(out, signals, signal)?;
    out.push(b'}');
    Ok(())
}

fn signal(out: &mut Vec<u8>, s: &Signal) -> Result<(), Error> {
    let Signal {
        kind,
        value,
        weight,
        evidence,
    } = s;
    out.extend_from_slice(b"{\"kind\":");
    string(out, kind)?;
    out.extend_from_slice(b",\"value\":");
    float(out, *value);
    out.extend_from_slice(b",\"weight\":");
    float(out, *weight);
    out.extend_from_slice(b",\"evidence\":");
    array(out, evidence, |out, e| {
        let Evidence { start, end, label } = e;
        out.extend_from_slice(b"{\"start\":");
        uint(out, *start);
        out.extend_from_slice(b",\"end\":");
        uint(out, *end);
        // `skip_serializing_if = "Option::is_none"`.
        if let Some(label) = label {
            out.extend_from_slice(b",\"label\":");
            string(out, label)?;
        }
        out.push(b'}');
        Ok(())
    })?;
    out.push(b'}');
    Ok(())
}

/// The fields of an article up to `signals`; each claim's `status` (the last
/// field of a claim) is written by `claim_tail`.
fn article_body(
    out: &mut Vec<u8>,
    article: &ArticleAnalysis,
    mut claim_tail: impl FnMut(&mut Vec<u8>, &Option<ClaimStatus>) -> Result<(), Error>,
) -> Result<(), Error> {
    let ArticleAnalysis {
        id,
        source,
        format,
        title,
        outlet,
        author,
        published,
        url,
        language,
        label,
        compilation,
        metadata_spans,
        metadata,
        paragraphs,
        removed,
        sentences,
        claims,
        signals,
        credibility: _,
    } = article;
    out.extend_from_slice(b"{\"id\":");
    string(out, id)?;
    field(out, "source", source)?;
    field(out, "format", format)?;
    field(out, "title", title)?;
    field(out, "outlet", outlet)?;
    field(out, "author", author)?;
    out.push(b',');
    write_key(out, "published");
    option(out, published.as_ref(), naive_date)?;
    field(out, "url", url)?;
    field(out, "language", language)?;
    field(out, "label", label)?;
    // `skip_serializing_if` in the schema.
    if compilation.is_some() {
        field(out, "compilation", compilation)?;
    }
    field(out, "metadata_spans", metadata_spans)?;
    if !metadata.is_empty() {
        field(out, "metadata", metadata)?;
    }
    out.extend_from_slice(b",\"paragraphs\":");
    array(out, paragraphs, |out, p| {
        span(out, p);
        Ok(())
    })?;
    out.extend_from_slice(b",\"removed\":");
    array(out, removed, removal)?;
    out.extend_from_slice(b",\"sentences\":");
    array(out, sentences, sentence)?;
    out.extend_from_slice(b",\"claims\":");
    out.push(b'[');
    for (i, c) in claims.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        claim(out, c, &mut claim_tail)?;
    }
    out.push(b']');
    out.extend_from_slice(b",\"signals\":");
    array(out, signals, signal)
}

/// `,"key":` and the value, through [`Fast`].
fn field<T: Serialize + ?Sized>(
    out: &mut Vec<u8>,
    key: &'static str,
    value: &T,
) -> Result<(), Error> {
    out.push(b',');
    write_key(out, key);
    value.serialize(Fast { out })
}

/// A JSON array of `items`, each written by `write`.
fn array<T>(
    out: &mut Vec<u8>,
    items: &[T],
    write: impl Fn(&mut Vec<u8>, &T) -> Result<(), Error>,
) -> Result<(), Error> {
    out.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write(out, item)?;
    }
    out.push(b']');
    Ok(())
}

/// A string, escaped by serde_json.
fn string(out: &mut Vec<u8>, s: &str) -> Result<(), Error> {
    escaped_str(out, s);
    Ok(())
}

/// A JSON string as serde_json writes it: `"`, `\\` and the control characters
/// escaped (`\n`, `\t`, ... or `\u00XX` in lower-case hex), every other byte as it
/// is. Eight bytes at a time are checked for a byte to escape; news text has
/// nearly none, so most strings are copied whole.
fn escaped_str(out: &mut Vec<u8>, s: &str) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Nonzero when some byte of `x` is zero (exact as a yes/no answer).
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(block) = bytes.get(i..i + 8) {
            let mut x = [0u8; 8];
            x.copy_from_slice(block);
            let x = u64::from_le_bytes(x);
            // A byte below 0x20 (a control character), a `"` or a `\\`.
            let below_space = x.wrapping_sub(0x20 * ONES) & !x & HIGH;
            if below_space
                | has_zero(x ^ (u64::from(b'"') * ONES))
                | has_zero(x ^ (u64::from(b'\\') * ONES))
                == 0
            {
                i += 8;
                continue;
            }
        }
        // The block (or the tail) byte by byte.
        let end = (i + 8).min(bytes.len());
        while i < end {
            let b = bytes[i];
            let escape = ESCAPE[usize::from(b)];
            if escape != 0 {
                out.extend_from_slice(&bytes[start..i]);
                if escape == b'u' {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    out.extend_from_slice(&[
                        b'\\',
                        b'u',
                        b'0',
                        b'0',
                        HEX[usize::from(b >> 4)],
                        HEX[usize::from(b & 0xF)],
                    ]);
                } else {
                    out.extend_from_slice(&[b'\\', escape]);
                }
                start = i + 1;
            }
            i += 1;
        }
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// serde_json's escape table: for each byte, the letter after the backslash, `u`
/// for `\u00XX`, 0 for a byte written as it is.
const ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b'u';
        b += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0A] = b'n';
    t[0x0C] = b'f';
    t[0x0D] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

/// A `usize` as serde_json writes it.
fn uint(out: &mut Vec<u8>, n: usize) {
    // Writing an integer into a `Vec` cannot fail.
    let _ = ser::Serializer::serialize_u64(&mut json(out), n as u64);
}

/// An `f32` as serde_json writes it (`null` when not finite).
fn float(out: &mut Vec<u8>, x: f32) {
    let _ = ser::Serializer::serialize_f32(&mut json(out), x);
}

fn boolean(out: &mut Vec<u8>, b: bool) {
    out.extend_from_slice(if b { b"true" } else { b"false" });
}

/// `{"start":S,"end":E}`.
fn span(out: &mut Vec<u8>, s: &Span) {
    let Span { start, end } = *s;
    out.extend_from_slice(b"{\"start\":");
    uint(out, start);
    out.extend_from_slice(b",\"end\":");
    uint(out, end);
    out.push(b'}');
}

fn removal(out: &mut Vec<u8>, r: &Removal) -> Result<(), Error> {
    let Removal { kind, start, end } = *r;
    out.extend_from_slice(b"{\"kind\":");
    kind.serialize(Fast { out: &mut *out })?;
    out.extend_from_slice(b",\"start\":");
    uint(out, start);
    out.extend_from_slice(b",\"end\":");
    uint(out, end);
    out.push(b'}');
    Ok(())
}

fn sentence(out: &mut Vec<u8>, s: &Sentence) -> Result<(), Error> {
    let Sentence {
        start,
        end,
        checkworthy,
    } = *s;
    out.extend_from_slice(b"{\"start\":");
    uint(out, start);
    out.extend_from_slice(b",\"end\":");
    uint(out, end);
    // `skip_serializing_if = "Option::is_none"`.
    if let Some(score) = checkworthy {
        out.extend_from_slice(b",\"checkworthy\":");
        float(out, score);
    }
    out.push(b'}');
    Ok(())
}

fn claim(
    out: &mut Vec<u8>,
    c: &Claim,
    tail: &mut impl FnMut(&mut Vec<u8>, &Option<ClaimStatus>) -> Result<(), Error>,
) -> Result<(), Error> {
    let Claim {
        id,
        start,
        end,
        sentence,
        checkworthy,
        attribution,
        event,
        status,
    } = c;
    out.extend_from_slice(b"{\"id\":");
    string(out, id)?;
    out.extend_from_slice(b",\"start\":");
    uint(out, *start);
    out.extend_from_slice(b",\"end\":");
    uint(out, *end);
    out.extend_from_slice(b",\"sentence\":");
    uint(out, *sentence);
    out.extend_from_slice(b",\"checkworthy\":");
    float(out, *checkworthy);
    out.extend_from_slice(b",\"attribution\":");
    self::attribution(out, attribution)?;
    out.extend_from_slice(b",\"event\":");
    option(out, event.as_ref(), event_frame)?;
    tail(out, status)?;
    out.push(b'}');
    Ok(())
}

/// `null`, or the value written by `write`.
fn option<T>(
    out: &mut Vec<u8>,
    value: Option<&T>,
    write: impl Fn(&mut Vec<u8>, &T) -> Result<(), Error>,
) -> Result<(), Error> {
    match value {
        Some(v) => write(out, v),
        None => {
            out.extend_from_slice(b"null");
            Ok(())
        }
    }
}

/// A unit enum (a kind, a type) as its serialised name.
fn name<T: Serialize>(out: &mut Vec<u8>, value: &T) -> Result<(), Error> {
    value.serialize(Fast { out })
}

/// `,"start":S,"end":E}`: how most of the schema's records end.
fn span_end(out: &mut Vec<u8>, start: usize, end: usize) {
    out.extend_from_slice(b",\"start\":");
    uint(out, start);
    out.extend_from_slice(b",\"end\":");
    uint(out, end);
    out.push(b'}');
}

fn source(out: &mut Vec<u8>, s: &AttributionSource) -> Result<(), Error> {
    let AttributionSource {
        name: source_name,
        kind,
        start,
        end,
    } = s;
    out.extend_from_slice(b"{\"name\":");
    string(out, source_name)?;
    out.extend_from_slice(b",\"kind\":");
    name(out, kind)?;
    span_end(out, *start, *end);
    Ok(())
}

fn event_frame(out: &mut Vec<u8>, e: &EventFrame) -> Result<(), Error> {
    let EventFrame {
        event_type,
        trigger,
        actor,
        target,
        place,
        date,
        killed,
        injured,
        denied,
    } = e;
    out.extend_from_slice(b"{\"type\":");
    name(out, event_type)?;
    out.extend_from_slice(b",\"trigger\":");
    span(out, trigger);
    out.extend_from_slice(b",\"actor\":");
    option(out, actor.as_ref(), entity)?;
    out.extend_from_slice(b",\"target\":");
    option(out, target.as_ref(), entity)?;
    out.extend_from_slice(b",\"place\":");
    option(out, place.as_ref(), self::place)?;
    out.extend_from_slice(b",\"date\":");
    option(out, date.as_ref(), self::date)?;
    out.extend_from_slice(b",\"killed\":");
    option(out, killed.as_ref(), casualties)?;
    out.extend_from_slice(b",\"injured\":");
    option(out, injured.as_ref(), casualties)?;
    out.extend_from_slice(b",\"denied\":");
    boolean(out, *denied);
    out.push(b'}');
    Ok(())
}

fn entity(out: &mut Vec<u8>, m: &EntityMention) -> Result<(), Error> {
    let EntityMention {
        name: entity_name,
        kind,
        text,
        start,
        end,
    } = m;
    out.extend_from_slice(b"{\"name\":");
    string(out, entity_name)?;
    out.extend_from_slice(b",\"kind\":");
    name(out, kind)?;
    out.extend_from_slice(b",\"text\":");
    string(out, text)?;
    span_end(out, *start, *end);
    Ok(())
}

fn place(out: &mut Vec<u8>, p: &PlaceMention) -> Result<(), Error> {
    let PlaceMention {
        id,
        name: place_name,
        within,
        text,
        start,
        end,
    } = p;
    out.extend_from_slice(b"{\"id\":");
    option(out, id.as_ref(), |out, id| string(out, id))?;
    out.extend_from_slice(b",\"name\":");
    string(out, place_name)?;
    out.extend_from_slice(b",\"within\":");
    array(out, within, |out, w| string(out, w))?;
    out.extend_from_slice(b",\"text\":");
    string(out, text)?;
    span_end(out, *start, *end);
    Ok(())
}

fn date(out: &mut Vec<u8>, d: &DateValue) -> Result<(), Error> {
    let DateValue {
        value,
        last,
        precision,
        expression,
        relative,
        start,
        end,
    } = d;
    out.extend_from_slice(b"{\"value\":");
    naive_date(out, value)?;
    out.extend_from_slice(b",\"last\":");
    naive_date(out, last)?;
    out.extend_from_slice(b",\"precision\":");
    name(out, precision)?;
    out.extend_from_slice(b",\"expression\":");
    string(out, expression)?;
    out.extend_from_slice(b",\"relative\":");
    boolean(out, *relative);
    span_end(out, *start, *end);
    Ok(())
}

/// A date as chrono serialises it (`"2016-10-06"`), written directly for the years
/// 0 to 9999, which chrono writes as four digits; through chrono otherwise.
fn naive_date(out: &mut Vec<u8>, d: &NaiveDate) -> Result<(), Error> {
    let year = d.year();
    if !(0..=9999).contains(&year) {
        return d.serialize(Fast { out });
    }
    let (y, m, day) = (year as u32, d.month(), d.day());
    let digit = |x: u32| b'0' + (x % 10) as u8;
    out.extend_from_slice(&[
        b'"',
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(day / 10),
        digit(day),
        b'"',
    ]);
    Ok(())
}

fn casualties(out: &mut Vec<u8>, c: &Casualties) -> Result<(), Error> {
    let Casualties {
        min,
        max,
        category,
        expression,
        update,
        part,
        cumulative,
        start,
        end,
    } = c;
    out.extend_from_slice(b"{\"min\":");
    uint(out, *min as usize);
    out.extend_from_slice(b",\"max\":");
    option(out, max.as_ref(), |out, m| {
        uint(out, *m as usize);
        Ok(())
    })?;
    out.extend_from_slice(b",\"category\":");
    name(out, category)?;
    out.extend_from_slice(b",\"expression\":");
    string(out, expression)?;
    out.extend_from_slice(b",\"update\":");
    boolean(out, *update);
    // `skip_serializing_if = "std::ops::Not::not"`.
    if *part {
        out.extend_from_slice(b",\"part\":true");
    }
    if *cumulative {
        out.extend_from_slice(b",\"cumulative\":true");
    }
    span_end(out, *start, *end);
    Ok(())
}

fn attribution(out: &mut Vec<u8>, a: &Attribution) -> Result<(), Error> {
    let Attribution {
        chain,
        hedged,
        hedges,
        quoted,
    } = a;
    out.extend_from_slice(b"{\"chain\":");
    array(out, chain, source)?;
    out.extend_from_slice(b",\"hedged\":");
    boolean(out, *hedged);
    // `skip_serializing_if = "Vec::is_empty"`.
    if !hedges.is_empty() {
        out.extend_from_slice(b",\"hedges\":");
        array(out, hedges, |out, h| {
            span(out, h);
            Ok(())
        })?;
    }
    out.extend_from_slice(b",\"quoted\":");
    boolean(out, *quoted);
    out.push(b'}');
    Ok(())
}

struct Fast<'a> {
    out: &'a mut Vec<u8>,
}

/// serde_json's own serializer for one scalar value.
fn json(out: &mut Vec<u8>) -> serde_json::Serializer<&mut Vec<u8>> {
    serde_json::Serializer::new(out)
}

macro_rules! scalars {
    ($($method:ident($ty:ty)),* $(,)?) => {$(
        #[inline]
        fn $method(self, v: $ty) -> Result<(), Error> {
            ser::Serializer::$method(&mut json(self.out), v)
        }
    )*};
}

/// Whether serde_json would write `key` unchanged between quotes.
fn needs_no_escape(key: &str) -> bool {
    key.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\')
}

#[inline]
fn write_key(out: &mut Vec<u8>, key: &'static str) {
    debug_assert!(needs_no_escape(key), "field name {key:?} needs escaping");
    out.push(b'"');
    out.extend_from_slice(key.as_bytes());
    out.extend_from_slice(b"\":");
}

impl<'a> ser::Serializer for Fast<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    scalars!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_i128(i128),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_u128(u128),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_bytes(&[u8]),
    );

    #[inline]
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        escaped_str(self.out, v);
        Ok(())
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.serialize_none()
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_none()
    }

    fn serialize_unit_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        ser::Serializer::serialize_unit_variant(&mut json(self.out), name, index, variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.out.push(b'{');
        write_key(self.out, variant);
        value.serialize(Fast {
            out: &mut *self.out,
        })?;
        self.out.push(b'}');
        Ok(())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        self.out.push(b'[');
        Ok(Compound::new(self.out, b"]"))
    }

    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.out.push(b'{');
        write_key(self.out, variant);
        self.out.push(b'[');
        Ok(Compound::new(self.out, b"]}"))
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        self.out.push(b'{');
        Ok(Compound::new(self.out, b"}"))
    }

    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_map(Some(len))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.out.push(b'{');
        write_key(self.out, variant);
        self.out.push(b'{');
        Ok(Compound::new(self.out, b"}}"))
    }
}

/// An array or object being written: a comma before every element but the first,
/// and `close` at the end.
struct Compound<'a> {
    out: &'a mut Vec<u8>,
    first: bool,
    close: &'static [u8],
}

impl<'a> Compound<'a> {
    fn new(out: &'a mut Vec<u8>, close: &'static [u8]) -> Compound<'a> {
        Compound {
            out,
            first: true,
            close,
        }
    }

    #[inline]
    fn separate(&mut self) {
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
    }

    #[inline]
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.separate();
        value.serialize(Fast {
            out: &mut *self.out,
        })
    }

    #[inline]
    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.separate();
        write_key(self.out, key);
        value.serialize(Fast {
            out: &mut *self.out,
        })
    }

    fn close(self) -> Result<(), Error> {
        self.out.extend_from_slice(self.close);
        Ok(())
    }
}

/// The four element-wise compounds differ only in their trait and method name.
macro_rules! element_compounds {
    ($($trait:ident :: $method:ident),* $(,)?) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.element(value)
            }
            fn end(self) -> Result<(), Error> {
                self.close()
            }
        }
    )*};
}

element_compounds!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field,
);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    /// Map keys are serde_json's strings; other keys (which serde_json would quote)
    /// are refused rather than written differently. The schema's maps have string
    /// keys.
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.separate();
        let at = self.out.len();
        key.serialize(Fast {
            out: &mut *self.out,
        })?;
        if self.out.get(at) != Some(&b'"') {
            return Err(ser::Error::custom("a map key that is not a string"));
        }
        self.out.push(b':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(Fast {
            out: &mut *self.out,
        })
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

/// A struct and a struct variant write their fields the same way.
macro_rules! field_compounds {
    ($($trait:ident),* $(,)?) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Error> {
                self.field(key, value)
            }
            fn end(self) -> Result<(), Error> {
                self.close()
            }
        }
    )*};
}

field_compounds!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crosscheck_core::Pipeline;
    use crosscheck_schema::{CompilationPart, Document};

    fn fast<T: Serialize + ?Sized>(value: &T) -> String {
        let mut out = Vec::new();
        to_vec(&mut out, value).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn by_hand(article: &ArticleAnalysis) -> String {
        let mut out = Vec::new();
        article_to_vec(&mut out, article).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut strings: Vec<String> = vec![
            String::new(),
            "plain".into(),
            "exactly8".into(),
            "a \"quoted\" word and a back\\slash".into(),
            "tab\there, new\nline, cr\r, ff\u{c}, bs\u{8}, nul\u{0}, esc\u{1b}, del\u{7f}".into(),
            "\u{201c}curly\u{201d} \u{2028} \u{e9}t\u{e9} \u{1f600}".into(),
        ];
        strings.push((0u8..128).map(char::from).collect());
        strings.push((0u8..128).rev().map(char::from).collect());
        for k in 0..20 {
            strings.push(format!("{}\"{}\n", "x".repeat(k), "y".repeat(20 - k)));
        }
        for s in &strings {
            let mut out = Vec::new();
            string(&mut out, s).unwrap();
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(s).unwrap(),
                "{s:?}"
            );
        }
    }

    #[test]
    fn dates_are_written_as_serde_json_writes_them() {
        let mut dates = vec![
            NaiveDate::MIN,
            NaiveDate::MAX,
            NaiveDate::from_ymd_opt(-1, 12, 31).unwrap(),
            NaiveDate::from_ymd_opt(0, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(9999, 12, 31).unwrap(),
            NaiveDate::from_ymd_opt(10000, 1, 1).unwrap(),
        ];
        for y in [1, 9, 10, 99, 100, 999, 1000, 1999, 2016, 2026] {
            for (m, d) in [(1, 1), (2, 29), (9, 9), (10, 10), (12, 31)] {
                dates.extend(NaiveDate::from_ymd_opt(y, m, d));
            }
        }
        for d in dates {
            let mut out = Vec::new();
            naive_date(&mut out, &d).unwrap();
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(&d).unwrap()
            );
        }
    }

    /// [`article_prefix`] of the article without statuses and credibility, then
    /// [`finish_article`] with the article's.
    fn by_parts(article: &ArticleAnalysis) -> String {
        let mut bare = article.clone();
        for c in &mut bare.claims {
            c.status = None;
        }
        bare.credibility = None;
        let (mut prefix, mut ends) = (Vec::new(), Vec::new());
        article_prefix(&mut prefix, &bare, &mut ends).unwrap();
        assert_eq!(ends.len(), article.claims.len());
        let mut out = Vec::new();
        let statuses = ends
            .into_iter()
            .zip(article.claims.iter().map(|c| c.status));
        finish_article(&mut out, &prefix, statuses, &article.credibility).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn writes_what_serde_json_writes() {
        let text = "Air strikes kill 35 in \"Idlib\" market\n\n\
            Air strikes hit a crowded market in the town of Maarat al-Numan in Idlib \
            province on Sunday, killing at least 35 people and wounding more than 60, the \
            Syrian Observatory for Human Rights said. Residents said the \u{201c}so-called\u{201d} \
            warplanes belonged to the Syrian government. Rescue workers REPORTEDLY pulled \
            bodies from the rubble.\n";
        let pipeline = Pipeline::new();
        let mut article = pipeline
            .analyze(&Document::from_text("a\t\"b\".txt", text))
            .remove(0);
        assert!(!article.claims.is_empty(), "the test needs claims");
        assert_eq!(fast(&article), serde_json::to_string(&article).unwrap());
        assert_eq!(by_hand(&article), serde_json::to_string(&article).unwrap());
        // The optional parts set, a map with keys to escape, a non-finite float.
        article.compilation = Some(CompilationPart { index: 1, count: 2 });
        article.metadata = BTreeMap::from([
            ("section".to_string(), "world".to_string()),
            ("a \"quoted\"\nkey".to_string(), "\u{1}\\".to_string()),
        ]);
        article.claims[0].status = Some(ClaimStatus::Corroborated);
        article.claims[0].checkworthy = f32::NAN;
        article.credibility = Some(pipeline.assess(&article, None));
        article.claims[1].attribution.hedges.clear();
        article.sentences[0].checkworthy = None;
        article.sentences[1].checkworthy = Some(f32::INFINITY);
        if let Some(c) = article.credibility.as_mut() {
            c.signals.push(Signal {
                kind: "a \"kind\"".to_string().into(),
                value: f32::NAN,
                weight: -0.25,
                evidence: vec![
                    Evidence {
                        start: 1,
                        end: 2,
                        label: Some("la\nbel".to_string().into()),
                    },
                    Evidence {
                        start: 3,
                        end: 4,
                        label: None,
                    },
                ],
            });
        }
        assert_eq!(fast(&article), serde_json::to_string(&article).unwrap());
        assert_eq!(by_hand(&article), serde_json::to_string(&article).unwrap());
        assert_eq!(by_parts(&article), by_hand(&article));
        article.credibility = None;
        assert_eq!(by_parts(&article), serde_json::to_string(&article).unwrap());

        // Real news: the Horne 2017 "random" articles, when the data is present.
        let Some(dir) = crosscheck_datasets::dataset_dir("horne2017-political-news") else {
            eprintln!("skipped the real articles: Horne 2017 is absent");
            return;
        };
        let mut compared = 0;
        for set in ["Fake", "Real", "Satire"] {
            let Ok(files) = std::fs::read_dir(dir.join("random").join(set)) else {
                continue;
            };
            let mut paths: Vec<_> = files.flatten().map(|f| f.path()).collect();
            paths.sort();
            for path in paths.iter().take(25) {
                let bytes = std::fs::read(path).unwrap();
                let text = String::from_utf8_lossy(&bytes);
                let doc = Document::from_text(path.display().to_string(), text.as_ref());
                for mut a in pipeline.analyze(&doc) {
                    a.credibility = Some(pipeline.assess(&a, None));
                    assert_eq!(by_hand(&a), serde_json::to_string(&a).unwrap());
                    compared += 1;
                }
            }
        }
        assert!(compared >= 50, "compared {compared} articles");
    }

    #[test]
    fn writes_what_serde_json_writes_for_odd_shapes() {
        // Shapes the schema does not use today.
        #[derive(serde::Serialize)]
        enum E {
            Unit,
            New(u8),
            Tuple(u8, f64),
            Struct { a: i64, b: Option<()> },
        }
        #[derive(serde::Serialize)]
        struct S(u8, char);
        let odd = (
            vec![
                E::Unit,
                E::New(1),
                E::Tuple(2, -0.5),
                E::Struct { a: -3, b: None },
            ],
            S(4, '"'),
            (),
            Vec::<u8>::new(),
            BTreeMap::<String, u8>::new(),
            f64::INFINITY,
            u128::MAX,
        );
        assert_eq!(fast(&odd), serde_json::to_string(&odd).unwrap());
        let numeric_keys = BTreeMap::from([(1u8, 2u8)]);
        assert!(to_vec(&mut Vec::new(), &numeric_keys).is_err());
    }
}
