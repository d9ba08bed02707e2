//! Interpretable credibility signals, propaganda techniques, outlet reputation and the article credibility score.
