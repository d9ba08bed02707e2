//! Linking posted articles against what the store holds, as `crosscheck analyze`
//! does: load the saved linker state, add the new articles, link, and (when
//! storing) save the state and the results in one transaction.
//!

use std::collections::HashSet;

use crosscheck_link::{ConsistencyIndex, Lexicons, LinkConfig, LinkInput, LinkResult, Linker};
use crosscheck_schema::{Analysis, ArticleAnalysis};
use crosscheck_store::Store;

use crate::state::Engine;
use crate::ApiError;

/// The linker saved in `store` ([`Store::linker`]), or a new one, with the
/// generation of the state read (pass it to [`Store::save_linker`], which answers
/// a [`crosscheck_store::StoreError::LinkConflict`] — a 409 — when a `crosscheck
/// analyze` run saved links in the meantime).
pub fn load(store: Option<&Store>) -> Result<(Linker, Option<i64>), ApiError> {
    Ok(match store {
        Some(store) => {
            let (linker, generation) = store.linker()?;
            (linker, Some(generation))
        }
        None => (Linker::new(LinkConfig::default()), None),
    })
}

/// Adds articles with the texts their offsets index. Articles the linker
/// already holds are skipped by the linker itself.
pub fn add(linker: &mut Linker, engine: &Engine, articles: &[(&ArticleAnalysis, &str)]) {
    let lexicons = Lexicons {
        places: &engine.places,
        actors: &engine.actors,
    };
    for (article, text) in articles {
        linker.add(LinkInput { article, text }, &lexicons);
    }
}

/// Fills `analysis` with what `result` says about its articles: their claims'
/// statuses, the events they take part in, those events' contradictions and
/// corroborations, and the independence groups they belong to. The rest of a
/// large store's links is left out.
pub fn restrict(analysis: &mut Analysis, result: LinkResult) {
    let ids: HashSet<String> = analysis.articles.iter().map(|a| a.id.clone()).collect();
    let events: Vec<_> = result
        .events
        .into_iter()
        .filter(|e| e.articles.iter().any(|a| ids.contains(a.as_str())))
        .collect();
    let event_ids: HashSet<String> = events.iter().map(|e| e.id.clone()).collect();
    analysis.contradictions = result
        .contradictions
        .into_iter()
        .filter(|c| event_ids.contains(c.event.as_str()))
        .collect();
    analysis.corroborations = result
        .corroborations
        .into_iter()
        .filter(|c| event_ids.contains(c.event.as_str()))
        .collect();
    analysis.groups = result
        .groups
        .into_iter()
        .filter(|g| g.articles.iter().any(|a| ids.contains(a.as_str())))
        .collect();
    analysis.events = events;
    for article in &mut analysis.articles {
        article.set_statuses(&result.statuses);
    }
}

/// Sets each article's credibility: with the consistency of its claims against
/// the linked reports when linking ran, else from its own signals alone.
pub fn assess(analysis: &mut Analysis, engine: &Engine, linked: Option<(&Linker, &LinkResult)>) {
    let index = linked.map(|(linker, result)| ConsistencyIndex::new(linker, result));
    for article in &mut analysis.articles {
        let consistency = index.as_ref().map(|i| i.article(article));
        article.credibility = Some(engine.pipeline.assess(article, consistency.as_ref()));
    }
}
