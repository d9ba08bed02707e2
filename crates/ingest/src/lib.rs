//! Reads piles of articles (files, folders, stdin; text, HTML, JSON Lines, CSV) into decoded documents.
