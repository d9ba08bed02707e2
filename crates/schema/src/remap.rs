//! Translating every offset of an article from a derived text back to its source.

use crate::{
    ArticleAnalysis, Attribution, Casualties, Claim, DateValue, EntityMention, EventFrame,
    OffsetMap, PlaceMention, Signal, Span,
};

/// Types that carry offsets. `remap` moves every start/end they hold through
/// `map`; the test at the bottom of this file fails when a type grows an offset
/// field that `remap` forgets.
pub trait Remap {
    fn remap(&mut self, map: &OffsetMap);
}

fn pair(start: &mut usize, end: &mut usize, map: &OffsetMap) {
    let s = map.to_source(*start);
    let e = map.end_to_source(*end).max(s);
    *start = s;
    *end = e;
}

impl Remap for Span {
    fn remap(&mut self, map: &OffsetMap) {
        pair(&mut self.start, &mut self.end, map);
    }
}

impl<T: Remap> Remap for Option<T> {
    fn remap(&mut self, map: &OffsetMap) {
        if let Some(t) = self {
            t.remap(map);
        }
    }
}

impl<T: Remap> Remap for Vec<T> {
    fn remap(&mut self, map: &OffsetMap) {
        for t in self {
            t.remap(map);
        }
    }
}

macro_rules! remap_start_end {
    ($($t:ty),*) => {$(
        impl Remap for $t {
            fn remap(&mut self, map: &OffsetMap) {
                pair(&mut self.start, &mut self.end, map);
            }
        }
    )*};
}

remap_start_end!(
    crate::Removal,
    crate::MetadataField,
    crate::Sentence,
    crate::AttributionSource,
    crate::Evidence,
    crate::SourceRef
);

impl Remap for EntityMention {
    fn remap(&mut self, map: &OffsetMap) {
        pair(&mut self.start, &mut self.end, map);
    }
}

impl Remap for PlaceMention {
    fn remap(&mut self, map: &OffsetMap) {
        pair(&mut self.start, &mut self.end, map);
    }
}

impl Remap for DateValue {
    fn remap(&mut self, map: &OffsetMap) {
        pair(&mut self.start, &mut self.end, map);
    }
}

impl Remap for Casualties {
    fn remap(&mut self, map: &OffsetMap) {
        pair(&mut self.start, &mut self.end, map);
    }
}

impl Remap for Attribution {
    fn remap(&mut self, map: &OffsetMap) {
        self.chain.remap(map);
        self.hedges.remap(map);
    }
}

impl Remap for EventFrame {
    fn remap(&mut self, map: &OffsetMap) {
        self.trigger.remap(map);
        self.actor.remap(map);
        self.target.remap(map);
        self.place.remap(map);
        self.date.remap(map);
        self.killed.remap(map);
        self.injured.remap(map);
    }
}

impl Remap for Claim {
    fn remap(&mut self, map: &OffsetMap) {
        pair(&mut self.start, &mut self.end, map);
        self.attribution.remap(map);
        self.event.remap(map);
    }
}

impl Remap for Signal {
    fn remap(&mut self, map: &OffsetMap) {
        self.evidence.remap(map);
    }
}

impl Remap for ArticleAnalysis {
    fn remap(&mut self, map: &OffsetMap) {
        let mut source = Span::new(self.source.start, self.source.end);
        source.remap(map);
        self.source.start = source.start;
        self.source.end = source.end;
        self.metadata_spans.remap(map);
        self.paragraphs.remap(map);
        self.removed.remap(map);
        self.sentences.remap(map);
        self.claims.remap(map);
        self.signals.remap(map);
        if let Some(c) = &mut self.credibility {
            c.signals.remap(map);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::*;
    use chrono::NaiveDate;

    fn sample_article() -> ArticleAnalysis {
        let span = |s: usize| (s, s + 1);
        let (s, e) = span(1);
        let date = NaiveDate::from_ymd_opt(2016, 4, 12).unwrap();
        let entity = EntityMention {
            name: "x".into(),
            kind: EntityKind::StateForce,
            text: "x".into(),
            start: s,
            end: e,
        };
        let casualties = Casualties {
            min: 1,
            max: None,
            category: CasualtyCategory::People,
            expression: "x".into(),
            update: false,
            part: false,
            cumulative: false,
            start: s,
            end: e,
        };
        let signal = Signal {
            kind: "k".into(),
            value: 1.0,
            weight: 0.0,
            evidence: vec![Evidence {
                start: s,
                end: e,
                label: None,
            }],
        };
        ArticleAnalysis {
            id: "a".into(),
            source: SourceRef {
                path: "p".into(),
                record: None,
                start: s,
                end: e,
            },
            format: InputFormat::Text,
            title: None,
            outlet: None,
            author: None,
            published: None,
            url: None,
            language: None,
            label: None,
            compilation: None,
            metadata_spans: vec![MetadataField {
                field: "f".into(),
                value: "v".into(),
                start: s,
                end: e,
            }],
            metadata: Default::default(),
            paragraphs: vec![Span::new(s, e)],
            removed: vec![Removal {
                kind: RemovalKind::Boilerplate,
                start: s,
                end: e,
            }],
            sentences: vec![Sentence {
                start: s,
                end: e,
                checkworthy: None,
            }],
            claims: vec![Claim {
                id: "c".into(),
                start: s,
                end: e,
                sentence: 0,
                checkworthy: 0.5,
                attribution: Attribution {
                    chain: vec![AttributionSource {
                        name: "n".into(),
                        kind: SourceKind::Media,
                        start: s,
                        end: e,
                    }],
                    hedged: true,
                    hedges: vec![Span::new(s, e)],
                    quoted: false,
                },
                event: Some(EventFrame {
                    event_type: EventType::Airstrike,
                    trigger: Span::new(s, e),
                    actor: Some(entity.clone()),
                    target: Some(entity),
                    place: Some(PlaceMention {
                        id: None,
                        name: "p".into(),
                        within: vec![],
                        text: "p".into(),
                        start: s,
                        end: e,
                    }),
                    date: Some(DateValue {
                        value: date,
                        last: date,
                        precision: DatePrecision::Day,
                        expression: "x".into(),
                        relative: false,
                        start: s,
                        end: e,
                    }),
                    killed: Some(casualties.clone()),
                    injured: Some(casualties),
                    denied: false,
                }),
                status: None,
            }],
            signals: vec![signal.clone()],
            credibility: Some(Credibility {
                score: 0.5,
                label: CredibilityLabel::Uncertain,
                signals: vec![signal],
            }),
        }
    }

    fn offsets(v: &serde_json::Value, out: &mut Vec<(String, u64)>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, x) in m {
                    if let (true, Some(n)) = (k == "start" || k == "end", x.as_u64()) {
                        out.push((k.clone(), n));
                    }
                    offsets(x, out);
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| offsets(x, out)),
            _ => {}
        }
    }

    #[test]
    fn every_offset_of_an_article_is_remapped() {
        let mut article = sample_article();
        let mut map = OffsetMap::new(10_000);
        map.push(0, 1000);
        article.remap(&map);
        let mut found = Vec::new();
        offsets(&serde_json::to_value(&article).unwrap(), &mut found);
        assert!(found.len() > 20, "the sample should exercise every field");
        for (key, n) in found {
            assert!(n >= 1000, "a `{key}` offset was not remapped: {n}");
        }
    }
}
