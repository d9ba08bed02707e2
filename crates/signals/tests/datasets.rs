//! Signals and outlets on the shared datasets (skipped when ../shared/data is
//! absent): the Horne 2017 fake / real / satire directions, and FA-KES outlets.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use crosscheck_core::Pipeline;
use crosscheck_datasets::dataset_dir;
use crosscheck_ingest::{expand, IngestOptions, Preset, Reader};
use crosscheck_signals::{feature_vector, OutletCategory, Outlets, Ownership, SignalDetector};

/// Mean of every feature per gold class.
fn class_means(preset: Preset, paths: &[PathBuf]) -> BTreeMap<String, BTreeMap<String, f64>> {
    let reader = Reader::new(IngestOptions::with_preset(preset));
    let pipeline = Pipeline::new();
    let detector = SignalDetector::new();
    let mut sums: BTreeMap<String, BTreeMap<String, f64>> = BTreeMap::new();
    let mut counts: BTreeMap<String, f64> = BTreeMap::new();
    for input in expand(paths).flatten() {
        for doc in reader.read(&input).flatten() {
            for article in pipeline.analyze(&doc) {
                let label = article.label.clone().unwrap_or_default();
                let signals = detector.detect(doc.readable_text(), &article);
                *counts.entry(label.clone()).or_default() += 1.0;
                let entry = sums.entry(label).or_default();
                for (name, v) in feature_vector(&signals, None) {
                    *entry.entry(name).or_default() += v as f64;
                }
                let words = signals
                    .iter()
                    .find(|s| s.kind == "word_count")
                    .map_or(0.0, |s| s.value);
                *entry.entry("word_count".into()).or_default() += words as f64;
            }
        }
    }
    for (label, features) in &mut sums {
        let n = counts[label];
        for v in features.values_mut() {
            *v /= n;
        }
    }
    sums
}

#[test]
fn fake_political_news_shouts_more_and_cites_less_than_real_news() {
    let Some(horne) = dataset_dir("horne2017-political-news") else {
        eprintln!("skipped: ../shared/data is absent");
        return;
    };
    let folders: Vec<PathBuf> = [
        "buzzfeed/Fake",
        "buzzfeed/Real",
        "random/Fake",
        "random/Real",
        "random/Satire",
    ]
    .iter()
    .map(|f| horne.join(f))
    .collect();
    let means = class_means(Preset::Horne, &folders);
    let (fake, real) = (&means["fake"], &means["real"]);
    for name in [
        "exclamations_per_1k",
        "all_caps_per_1k",
        "clickbait_per_1k",
        "loaded_language_per_1k",
    ] {
        eprintln!(
            "{name}: fake {:.2} real {:.2} satire {:.2}",
            fake[name], real[name], means["satire"][name]
        );
        assert!(
            fake[name] > real[name],
            "{name}: fake {} <= real {}",
            fake[name],
            real[name]
        );
    }
    for name in ["word_count", "distinct_sources"] {
        eprintln!("{name}: fake {:.2} real {:.2}", fake[name], real[name]);
        assert!(
            real[name] > fake[name],
            "{name}: real {} <= fake {}",
            real[name],
            fake[name]
        );
    }
    // Satire invents its quotes: it quotes more per word than real news does.
    assert!(means["satire"]["primary_quotes_per_1k"] > real["primary_quotes_per_1k"]);
}

#[test]
fn every_fakes_source_resolves_to_its_outlet() {
    let Some(fakes) = dataset_dir("fa-kes") else {
        eprintln!("skipped: ../shared/data is absent");
        return;
    };
    let reader = Reader::new(IngestOptions::with_preset(Preset::Fakes));
    let mut sources = BTreeSet::new();
    for doc in reader
        .read(&crosscheck_ingest::Input::File(
            fakes.join("FA-KES-Dataset.csv"),
        ))
        .flatten()
    {
        sources.insert(doc.fields.outlet.clone().unwrap_or_default());
    }
    assert_eq!(sources.len(), 15, "{sources:?}");
    let outlets = Outlets::new();
    let expected = [
        ("ahram", "ahram.org.eg"),
        ("alalam", "alalam.ir"),
        ("alaraby", "alaraby.co.uk"),
        ("arabiya", "alarabiya.net"),
        ("asharqalawsat", "aawsat.com"),
        ("dailysabah", "dailysabah.com"),
        ("etilaf", "etilaf.org"),
        ("jordantimes", "jordantimes.com"),
        ("manar", "almanar.com.lb"),
        ("nna", "nna-leb.gov.lb"),
        ("reuters", "reuters.com"),
        ("sana", "sana.sy"),
        ("sputnik", "sputniknews.com"),
        ("tass", "tass.com"),
        ("trt", "trtworld.com"),
    ];
    for source in &sources {
        let resolved = outlets
            .resolve(Some(source), None)
            .map(|o| o.domain.as_str());
        let want = expected.iter().find(|(k, _)| k == source).map(|(_, d)| *d);
        assert!(want.is_some(), "unexpected FA-KES source {source:?}");
        assert_eq!(resolved, want, "{source}");
    }
    // What the lists say, with our ownership annotation beside it.
    let sana = outlets.resolve(Some("sana"), None).expect("sana");
    assert_eq!(
        (sana.category, sana.ownership),
        (OutletCategory::State, Some(Ownership::State))
    );
    assert!(
        sana.provenance.contains("crosscheck annotation"),
        "{}",
        sana.provenance
    );
    let reuters = outlets.resolve(Some("reuters"), None).expect("reuters");
    assert_eq!(reuters.category, OutletCategory::Reliable);
    assert_eq!(reuters.labels.mbfc_factual.as_deref(), Some("very high"));
    let sputnik = outlets.resolve(Some("sputnik"), None).expect("sputnik");
    assert_eq!(sputnik.labels.opensources, ["bias", "state", "fake"]);
    assert_eq!(sputnik.category, OutletCategory::Unreliable);
}

#[test]
fn the_outlets_of_conflict_news_resolve_by_name_domain_and_url() {
    let outlets = Outlets::new();
    for (name, domain) in [
        ("SANA", "sana.sy"),
        ("Al Arabiya", "alarabiya.net"),
        ("TASS", "tass.com"),
        ("Anadolu", "aa.com.tr"),
        ("Anadolu Agency", "aa.com.tr"),
        ("Al Jazeera", "aljazeera.com"),
        ("Al-Manar", "almanar.com.lb"),
        ("Daily Sabah", "dailysabah.com"),
        ("RT", "rt.com"),
        ("Press TV", "presstv.ir"),
        ("Al-Masdar News", "almasdarnews.com"),
        ("Enab Baladi", "enabbaladi.net"),
        ("Syrian Observatory for Human Rights", "syriahr.com"),
        ("Asharq Al-Awsat", "aawsat.com"),
        ("The Jordan Times", "jordantimes.com"),
        ("Reuters", "reuters.com"),
        (
            "https://english.alarabiya.net/News/middle-east/2017/04/05/x",
            "alarabiya.net",
        ),
        ("www.aljazeera.com", "aljazeera.com"),
    ] {
        assert_eq!(
            outlets.resolve(Some(name), None).map(|o| o.domain.as_str()),
            Some(domain),
            "{name}"
        );
    }
    // The corpus outlets are fiction: unknown, not neutral.
    for name in [
        "Levant Wire",
        "Homeland Gazette",
        "Frontline Truth Report",
        "Free Idlib Post",
    ] {
        assert!(outlets.resolve(Some(name), None).is_none(), "{name}");
    }
}
