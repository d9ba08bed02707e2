use crosscheck_clean::{CleanOptions, CleanedArticle, Cleaner};
use crosscheck_dates::DateParser;
use crosscheck_extract::actor_gate::ActorGate;
use crosscheck_extract::checkworthy::CheckworthyModel;
use crosscheck_extract::event_filter::EventFilter;
use crosscheck_extract::{ArticleContext, Extractor};
use crosscheck_link::Consistency;
use crosscheck_propaganda::Propaganda;
use crosscheck_schema::{
    ArticleAnalysis, Credibility, Document, Evidence, MetadataField, Remap, Sentence, Signal,
    SourceRef, Span,
};
use crosscheck_segment::{Segmenter, SentenceTokens};
use crosscheck_signals::{ArticleCredibility, CredibilityModel, Outlets, SignalDetector};

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::models::{self, Models};
use crate::{article_id, outlet_from_url, parse_published};

/// Which optional stages run.
#[derive(Clone, Debug)]
pub struct PipelineOptions {
    /// Extract claims and event frames.
    pub claims: bool,
    /// Compute signals and the credibility score.
    pub signals: bool,
}

impl Default for PipelineOptions {
    fn default() -> PipelineOptions {
        PipelineOptions {
            claims: true,
            signals: true,
        }
    }
}

/// Allocations [`Pipeline::analyze_with`] reuses from one document to the next.
/// The caller owns it, one per thread (a rayon worker's `map_init`, say); what it
/// holds between two calls means nothing, and a new one is as good as a used one,
/// only slower.
#[derive(Default)]
pub struct Scratch {
    extract: crosscheck_extract::Scratch,
    propaganda: crosscheck_propaganda::DetectScratch,
    /// The sentence spans given to the propaganda model.
    sentences: Vec<Span>,
    /// The article's sentences as the segmenter's tokens, cut once by the
    /// propaganda model and read by the claim extractor too.
    tokens: SentenceTokens,
    /// Whether `propaganda` holds the current article's sentences, cut by
    /// [`Propaganda::prepare`] before the claims were extracted.
    prepared: bool,
}

/// The per-document analysis. Build once, share across threads.
pub struct Pipeline {
    cleaner: Cleaner,
    segmenter: Segmenter,
    dates: DateParser,
    extractor: Extractor,
    checkworthy: CheckworthyModel,
    /// Built only for a pipeline with signals: its tables take a while to build.
    signals: Option<SignalDetector>,
    /// Parsed on first use when the pipeline was built without signals (see
    /// [`Pipeline::with_options`]).
    propaganda: OnceLock<Propaganda>,
    credibility: CredibilityModel,
    /// The outlet table, built on first use: a claims-only run never resolves an
    /// outlet.
    outlets: OnceLock<Outlets>,
    options: PipelineOptions,
}

impl Default for Pipeline {
    fn default() -> Pipeline {
        Pipeline::new()
    }
}

impl Pipeline {
    pub fn new() -> Pipeline {
        Pipeline::with_options(PipelineOptions::default())
    }

    /// The pipeline with the models shipped in the binary. Without signals the
    /// propaganda model is never used, so it is left to be parsed on first use:
    /// parsing it was a third of the start-up of a claims run.
    pub fn with_options(options: PipelineOptions) -> Pipeline {
        let propaganda = match options.signals {
            true => OnceLock::from(models::shipped_propaganda()),
            false => OnceLock::new(),
        };
        Pipeline::build(
            models::shipped_checkworthy(),
            models::shipped_event_filter(),
            models::shipped_actor_gate(),
            propaganda,
            models::shipped_credibility(),
            options,
        )
    }

    /// The pipeline with the given models (for `train`/`eval` of candidates).
    pub fn with_models(models: Models, options: PipelineOptions) -> Pipeline {
        Pipeline::build(
            models.checkworthy,
            models.event_filter,
            models.actor_gate,
            OnceLock::from(models.propaganda),
            models.credibility,
            options,
        )
    }

    fn build(
        checkworthy: CheckworthyModel,
        event_filter: EventFilter,
        actor_gate: ActorGate,
        propaganda: OnceLock<Propaganda>,
        credibility: CredibilityModel,
        options: PipelineOptions,
    ) -> Pipeline {
        let extractor = Extractor::new()
            .with_threshold(checkworthy.threshold())
            .with_event_filter(event_filter)
            .with_actor_gate(actor_gate);
        Pipeline {
            cleaner: Cleaner::new(),
            segmenter: Segmenter::new(),
            dates: DateParser::new(),
            extractor,
            checkworthy,
            signals: options.signals.then(SignalDetector::new),
            propaganda,
            credibility,
            outlets: OnceLock::new(),
            options,
        }
    }

    /// The article's credibility: a calibrated probability that its factual
    /// claims hold up, a label and the reasons. Runs after linking, which supplies
    /// `consistency` (how the article's claims fare against other independent
    /// reports); `None` when linking did not run.
    pub fn assess(
        &self,
        article: &ArticleAnalysis,
        consistency: Option<&Consistency>,
    ) -> Credibility {
        self.credibility.assess(
            article,
            self.outlets().resolve_article(article),
            consistency,
        )
    }

    /// What [`Pipeline::assess`] reads of `article`, taken before linking, for a
    /// caller that keeps this instead of the article until the consistency is
    /// known ([`Pipeline::assess_prepared`]).
    pub fn prepare_assessment<'a>(&self, article: &'a ArticleAnalysis) -> ArticleCredibility<'a> {
        ArticleCredibility::new(article, self.outlets().resolve_article(article))
    }

    /// The outlet table, built the first time an article's outlet is resolved.
    fn outlets(&self) -> &Outlets {
        self.outlets.get_or_init(Outlets::new)
    }

    /// [`Pipeline::assess`] from [`Pipeline::prepare_assessment`]: the same
    /// credibility.
    pub fn assess_prepared(
        &self,
        article: &ArticleCredibility<'_>,
        consistency: Option<&Consistency>,
    ) -> Credibility {
        self.credibility.assess_prepared(article, consistency)
    }

    /// The claim extractor, whose place and actor tables linking can share.
    pub fn extractor(&self) -> &Extractor {
        &self.extractor
    }

    pub fn dates(&self) -> &DateParser {
        &self.dates
    }

    /// [`Pipeline::analyze`], with a panic (a bug in crosscheck, never the input's
    /// fault) turned into an error for this document alone, so that one strange
    /// record cannot take a batch or a server down.
    pub fn analyze_catching(&self, doc: &Document) -> Result<Vec<ArticleAnalysis>, String> {
        self.analyze_catching_with(doc, &mut Scratch::default())
    }

    /// [`Pipeline::analyze_catching`] with the allocations of `scratch`. After a
    /// panic the scratch may hold anything, which the next call does not mind.
    pub fn analyze_catching_with(
        &self,
        doc: &Document,
        scratch: &mut Scratch,
    ) -> Result<Vec<ArticleAnalysis>, String> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.analyze_with(doc, scratch)
        }))
        .map_err(|payload| {
            payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string())
        })
    }

    /// The paragraphs the cleaner keeps of `text` (of every article it finds), as
    /// [`Pipeline::analyze`] segments them: for scoring against gold offsets.
    pub fn kept_paragraphs(&self, text: &str, known_title: Option<&str>) -> Vec<Span> {
        let options = CleanOptions { known_title };
        self.cleaner
            .clean(text, &options)
            .into_iter()
            .flat_map(|a| a.paragraphs)
            .collect()
    }

    /// The articles of one document, in source order, with every offset in the
    /// document's source text.
    pub fn analyze(&self, doc: &Document) -> Vec<ArticleAnalysis> {
        self.analyze_with(doc, &mut Scratch::default())
    }

    /// [`Pipeline::analyze`] with the allocations of `scratch`, which keeps them
    /// for the next document: the same articles, fewer trips to the allocator.
    pub fn analyze_with(&self, doc: &Document, scratch: &mut Scratch) -> Vec<ArticleAnalysis> {
        let text = doc.readable_text();
        let options = CleanOptions {
            known_title: doc.fields.title.as_deref(),
        };
        let mut articles: Vec<ArticleAnalysis> = self
            .cleaner
            .clean(text, &options)
            .into_iter()
            .map(|cleaned| {
                let mut article = self.article(doc, text, cleaned, scratch);
                if let Some(detector) = &self.signals {
                    article.signals = detector.detect(text, &article);
                    article
                        .signals
                        .push(self.propaganda_signal(text, &article, scratch));
                }
                article
            })
            .collect();
        if let Some((_, map)) = &doc.view {
            for article in &mut articles {
                article.remap(map);
            }
        }
        articles
    }

    /// Propaganda-technique spans as one signal: its value is the number of spans,
    /// each span's evidence label the SemEval-2020 technique name.
    fn propaganda_signal(
        &self,
        text: &str,
        article: &ArticleAnalysis,
        scratch: &mut Scratch,
    ) -> Signal {
        let propaganda = self.propaganda.get_or_init(models::shipped_propaganda);
        let spans = if std::mem::take(&mut scratch.prepared) {
            // Cut from the same sentences before the claims were extracted.
            propaganda.detect_prepared(text, &mut scratch.propaganda)
        } else {
            let sentences = &mut scratch.sentences;
            sentences.clear();
            sentences.extend(article.sentences.iter().map(|s| Span::new(s.start, s.end)));
            propaganda.detect_with(text, sentences, &mut scratch.propaganda)
        };
        Signal {
            kind: Cow::Borrowed("propaganda_techniques"),
            value: spans.len() as f32,
            weight: 0.0,
            evidence: spans
                .iter()
                .map(|t| Evidence {
                    start: t.start,
                    end: t.end,
                    label: Some(Cow::Borrowed(t.technique.name())),
                })
                .collect(),
        }
    }

    fn article(
        &self,
        doc: &Document,
        text: &str,
        cleaned: CleanedArticle,
        scratch: &mut Scratch,
    ) -> ArticleAnalysis {
        let field = |name: &str| {
            cleaned
                .fields
                .iter()
                .find(|f| f.field == name)
                .map(|f| f.value.as_str())
        };
        let title = doc.fields.title.clone().or_else(|| cleaned.title.clone());
        let url = doc
            .fields
            .url
            .clone()
            .or_else(|| field("url").map(str::to_string));
        let outlet = doc
            .fields
            .outlet
            .clone()
            .or_else(|| field("outlet").map(str::to_string))
            .or_else(|| url.as_deref().and_then(outlet_from_url));
        let author = doc
            .fields
            .author
            .clone()
            .or_else(|| field("author").map(str::to_string));
        let published = doc
            .fields
            .date
            .as_deref()
            .and_then(|d| parse_published(&self.dates, d))
            .or_else(|| field("published").and_then(|d| parse_published(&self.dates, d)));

        let mut spans = Vec::new();
        for paragraph in &cleaned.paragraphs {
            self.segmenter.sentences_into(text, *paragraph, &mut spans);
        }
        let mut sentences: Vec<Sentence> = spans
            .iter()
            .map(|s| Sentence {
                start: s.start,
                end: s.end,
                checkworthy: None,
            })
            .collect();

        // The cleaner's fields are not read again: moved, not copied.
        let mut metadata_spans: Vec<MetadataField> = cleaned.fields;
        if let (Some(t), Some(span)) = (&cleaned.title, cleaned.title_span) {
            metadata_spans.insert(
                0,
                MetadataField {
                    field: "title".into(),
                    value: t.clone(),
                    start: span.start,
                    end: span.end,
                },
            );
        }
        let region = cleaned.region;
        let published_iso = published.map(|d| d.to_string());
        let id = article_id(
            region.slice(text),
            title.as_deref(),
            outlet.as_deref(),
            published_iso.as_deref(),
            url.as_deref(),
        );
        scratch.prepared = false;
        let claims = if self.options.claims {
            let scores: Vec<f32> = spans
                .iter()
                .map(|s| self.checkworthy.score(s.slice(text)))
                .collect();
            for (sentence, score) in sentences.iter_mut().zip(&scores) {
                sentence.checkworthy = Some(*score);
            }
            let context = ArticleContext {
                text,
                sentences: &spans,
                published,
                title: title.as_deref(),
                outlet: outlet.as_deref(),
            };
            let mut claims = match self.propaganda.get().filter(|_| self.signals.is_some()) {
                // The propaganda model will read these sentences: it cuts them
                // now, and the extractor reads the same tokens.
                Some(propaganda) => {
                    propaganda.prepare(text, &spans, &mut scratch.propaganda, &mut scratch.tokens);
                    scratch.prepared = true;
                    self.extractor.claims_with_tokens(
                        &context,
                        Some(&scores),
                        &scratch.tokens,
                        &mut scratch.extract,
                    )
                }
                None => self
                    .extractor
                    .claims_with(&context, Some(&scores), &mut scratch.extract),
            };
            for (n, claim) in claims.iter_mut().enumerate() {
                claim.id = crosscheck_schema::claim_id(&id, n as u64 + 1);
            }
            claims
        } else {
            Vec::new()
        };
        ArticleAnalysis {
            id,
            source: SourceRef {
                path: doc.path.clone(),
                record: doc.record,
                start: region.start,
                end: region.end,
            },
            format: doc.format,
            title,
            outlet,
            author,
            published,
            url,
            language: doc.fields.language.clone(),
            label: doc.fields.label.clone(),
            compilation: cleaned.compilation,
            metadata_spans,
            metadata: doc.fields.extra.clone(),
            paragraphs: cleaned.paragraphs,
            removed: cleaned.removed,
            sentences,
            claims,
            signals: Vec::new(),
            credibility: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pipeline_is_shared_across_threads() {
        fn is_send_sync<T: Send + Sync>() {}
        is_send_sync::<Pipeline>();
    }
}
