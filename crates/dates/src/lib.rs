//! A small date grammar for news text.
