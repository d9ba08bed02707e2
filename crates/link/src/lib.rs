//! Near-duplicates, independence groups, event clusters, corroboration and contradiction across articles.
