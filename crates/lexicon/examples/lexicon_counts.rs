//! Prints the sizes quoted in docs/lexicons.md: entries, aliases listed in the tables,
//! and distinct names the matchers hold after folding and the generated variants.
//!
//! ```text
//! cargo run -p crosscheck-lexicon --example lexicon_counts
//! ```

use crosscheck_lexicon::{Actors, Gazetteer};

fn main() {
    let (g, a) = (Gazetteer::new(), Actors::new());
    println!(
        "places: {} entries, {} distinct names matched",
        g.len(),
        g.alias_count()
    );
    println!(
        "actors: {} entries, {} distinct names matched",
        a.len(),
        a.alias_count()
    );
}
