//! Sentences and tokens with byte offsets, robust to news abbreviations.
