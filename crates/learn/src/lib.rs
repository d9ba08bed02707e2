//! Small, fast, deterministic machine learning: hashed n-gram features, logistic regression, calibration, metrics.
