//! Claims, entities, places, dates, casualty counts, event frames and attributions from segmented articles.
