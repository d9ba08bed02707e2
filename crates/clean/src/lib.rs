//! Separates article text from what is not: comment threads, appeals, widgets, repeated lines; splits compilations.
