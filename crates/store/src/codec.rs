//! How large values are kept on disk: zstd frames.
//!
//! The analysis JSON is the largest thing the store writes (more than the text
//! itself) and compresses about sixfold. On a disk shared with other work, the
//! store is bound by bytes written, not by CPU, so a fast compression level pays
//! for itself several times over.

use std::io;

/// zstd level: 1 is the fastest of the standard levels and already gets most
/// of the gain on JSON, whose redundancy is mostly repeated keys.
const LEVEL: i32 = 1;

/// A compressor with its context and output buffer kept between calls.
pub(crate) struct Packer {
    ctx: zstd::bulk::Compressor<'static>,
    out: Vec<u8>,
}

impl Packer {
    pub(crate) fn new() -> io::Result<Packer> {
        Ok(Packer {
            ctx: zstd::bulk::Compressor::new(LEVEL)?,
            out: Vec::new(),
        })
    }

    /// `data` as one zstd frame (borrowed until the next call).
    pub(crate) fn pack(&mut self, data: &[u8]) -> io::Result<&[u8]> {
        self.out.clear();
        self.out
            .reserve(zstd::zstd_safe::compress_bound(data.len()));
        self.ctx.compress_to_buffer(data, &mut self.out)?;
        Ok(&self.out)
    }
}

/// True when `bytes` begin with the zstd frame magic number.
pub(crate) fn is_frame(bytes: &[u8]) -> bool {
    bytes.starts_with(&zstd::zstd_safe::MAGICNUMBER.to_le_bytes())
}

/// The bytes of one zstd frame written by [`Packer::pack`].
pub(crate) fn unpack(frame: &[u8]) -> io::Result<Vec<u8>> {
    zstd::stream::decode_all(frame)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let json =
            br#"{"id":"a1","claims":[{"attribution":{"chain":[]}},{"attribution":{"chain":[]}}]}"#;
        let mut packer = Packer::new().expect("compressor");
        let packed = packer.pack(json).expect("pack").to_vec();
        assert!(is_frame(&packed) && !is_frame(json) && !is_frame(b""));
        assert_eq!(unpack(&packed).expect("unpack"), json);
        assert!(unpack(b"not a zstd frame").is_err());
    }
}
