//! The pure analysis pipeline: documents in, typed analysis out. No I/O.
