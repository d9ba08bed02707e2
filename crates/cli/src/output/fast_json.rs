//! Compact JSON exactly as `serde_json::to_writer` writes it, with less work per
//! field: struct field names are written as they are instead of being scanned for
//! characters to escape (they are Rust identifiers or `rename`s, and a debug
//! assertion checks that they need no escaping), and brackets, commas and colons
//! are pushed onto the buffer directly. Every value that is not a container
//! (numbers, strings, `null`, enum variant names) is written by serde_json itself,
//! so number formatting and string escaping are serde_json's. A test compares the
//! two on analysed articles.

use serde::ser::{self, Serialize};
use serde_json::Error;

/// Appends the compact JSON of `value` to `out`.
pub fn to_vec<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> Result<(), Error> {
    value.serialize(Fast { out })
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
        serialize_str(&str),
        serialize_bytes(&[u8]),
    );

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
    use crosscheck_schema::{ClaimStatus, CompilationPart, Document};

    fn fast<T: Serialize + ?Sized>(value: &T) -> String {
        let mut out = Vec::new();
        to_vec(&mut out, value).unwrap();
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
        // The optional parts set, a map with keys to escape, a non-finite float.
        article.compilation = Some(CompilationPart { index: 1, count: 2 });
        article.metadata = BTreeMap::from([
            ("section".to_string(), "world".to_string()),
            ("a \"quoted\"\nkey".to_string(), "\u{1}\\".to_string()),
        ]);
        article.claims[0].status = Some(ClaimStatus::Corroborated);
        article.claims[0].checkworthy = f32::NAN;
        article.credibility = Some(pipeline.assess(&article, None));
        assert_eq!(fast(&article), serde_json::to_string(&article).unwrap());

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
