//! `crosscheck eval`: measure a model or stage on labelled data. Figures printed
//! here are the ones EVALUATION.md records, with the command beside each.

use anyhow::{Context, Result};
use crosscheck_core::Models;
use crosscheck_datasets::GoldTexts;
use crosscheck_extract::checkworthy::{self, CheckworthyModel, TrainConfig};
use crosscheck_extract::gold::{evaluate_events, parse_gold, GoldDoc, GoldSentence, SourceText};
use crosscheck_extract::Extractor;

use crate::args::{
    CredibilityFormat, EvalArgs, EvalCheckworthyArgs, EvalCredibilityArgs, EvalEventsArgs,
    EvalLiarArgs, EvalLinkArgs, EvalPropagandaArgs, EvalTask,
};
use crate::commands::train::data_dir;
use crate::exit;

pub fn run(args: EvalArgs, _quiet: bool) -> Result<i32> {
    match args.task {
        EvalTask::Checkworthy(a) => eval_checkworthy(a),
        EvalTask::Events(a) => eval_events(a),
        EvalTask::Link(a) => eval_link(a),
        EvalTask::Propaganda(a) => eval_propaganda(a),
        EvalTask::Credibility(a) => eval_credibility(a),
        EvalTask::Liar(a) => eval_liar(a),
    }
}

/// The errors of the credibility training crate carry the file; anyhow keeps them.
fn training_error(e: crosscheck_credibility_train::Error) -> anyhow::Error {
    anyhow::anyhow!("{e}")
}

fn eval_credibility(args: EvalCredibilityArgs) -> Result<i32> {
    use crosscheck_credibility_train as ct;
    use crosscheck_signals::credibility::CredibilityModel;

    if let Some(k) = args.cv {
        anyhow::ensure!(k >= 2, "--cv needs at least 2 folds");
    }
    anyhow::ensure!(args.repeats >= 1, "--repeats needs at least 1");
    let Some(path) = &args.data else {
        // The shipped model's full report, every component on its own data.
        let shared = data_dir(args.shared.as_deref())?;
        let k = args.cv.unwrap_or(5);
        println!(
            "shipped credibility model: each component {k}-fold × {} cross-validated on its own data set",
            args.repeats
        );
        let report =
            ct::evaluate_shipped_from_data(&shared, k, args.repeats).map_err(training_error)?;
        println!("{report}");
        return Ok(exit::SUCCESS);
    };
    match args.input_format {
        CredibilityFormat::Horne => {
            let k = args.cv.unwrap_or(5);
            println!(
                "{}: fake / real / satire, stratified {k}-fold × {} cross-validation",
                path.display(),
                args.repeats
            );
            let report = ct::evaluate_horne(path, k, args.repeats).map_err(training_error)?;
            println!("{report}");
        }
        CredibilityFormat::Fakes => {
            if let Some(k) = args.cv {
                println!(
                    "{}: every model variant, stratified {k}-fold × {} cross-validation \
                     (pipeline and linking once over the whole file, without labels; \
                     every model fitted inside each fold)",
                    path.display(),
                    args.repeats
                );
                let report =
                    ct::cross_validate_fakes(path, k, args.repeats).map_err(training_error)?;
                println!("{report}");
            } else {
                let model = match &args.model {
                    Some(file) => {
                        let bytes = std::fs::read(file)
                            .with_context(|| format!("cannot read {}", file.display()))?;
                        CredibilityModel::from_bytes(&bytes).map_err(|e| {
                            anyhow::anyhow!("{} is not a credibility model: {e}", file.display())
                        })?
                    }
                    None => {
                        eprintln!(
                            "note: the shipped consistency component was trained on FA-KES; \
                             scoring FA-KES is in-sample (use --cv K for an honest figure)"
                        );
                        Models::shipped().credibility
                    }
                };
                let metrics = ct::evaluate_fakes(path, &model).map_err(training_error)?;
                println!("{metrics}");
            }
        }
    }
    Ok(exit::SUCCESS)
}

fn eval_liar(args: EvalLiarArgs) -> Result<i32> {
    use crosscheck_credibility_train as ct;

    let train = match &args.train {
        Some(t) => t.clone(),
        None => data_dir(None)
            .map(|d| d.join("liar/train.tsv"))
            .context("pass --train FILE (the LIAR training TSV)")?,
    };
    anyhow::ensure!(args.repeats >= 1, "--repeats needs at least 1");
    if args.report {
        let k = args.cv.unwrap_or(5);
        anyhow::ensure!(k >= 2, "--cv needs at least 2 folds");
        println!(
            "LIAR: trained on {}, scored on {}; and {k}-fold × {} CV on the training file",
            train.display(),
            args.data.display(),
            args.repeats
        );
        let report =
            ct::liar_report(&train, &args.data, k, args.repeats).map_err(training_error)?;
        println!("{report}");
        return Ok(exit::SUCCESS);
    }
    let variant = if args.metadata {
        "text + speaker metadata + credit history (without the statement's own label)"
    } else {
        "text only"
    };
    let metrics = match args.cv {
        Some(k) => {
            anyhow::ensure!(k >= 2, "--cv needs at least 2 folds");
            println!(
                "{}: {variant}, stratified {k}-fold × {} cross-validation",
                args.data.display(),
                args.repeats
            );
            ct::evaluate_liar(
                &args.data,
                ct::LiarEval::Cv {
                    k,
                    repeats: args.repeats,
                },
                args.metadata,
            )
        }
        None => {
            println!(
                "{}: {variant}, trained on {}",
                args.data.display(),
                train.display()
            );
            ct::evaluate_liar(&train, ct::LiarEval::File(&args.data), args.metadata)
        }
    }
    .map_err(training_error)?;
    println!("{metrics}");
    Ok(exit::SUCCESS)
}

fn eval_checkworthy(args: EvalCheckworthyArgs) -> Result<i32> {
    let examples = crosscheck_datasets::read_checkworthy_file(&args.data)?;
    let positives = examples.iter().filter(|e| e.label).count();
    println!(
        "{}: {} sentences, {positives} check-worthy",
        args.data.display(),
        examples.len()
    );
    if let Some(k) = args.cv {
        anyhow::ensure!(k >= 2, "--cv needs at least 2 folds");
        println!("{k}-fold cross-validation, grouped by debate, training configuration of the shipped model");
        println!(
            "{}",
            checkworthy::cross_validate(&examples, &TrainConfig::default(), k)
        );
    } else {
        let model = match &args.model {
            Some(path) => {
                let bytes = std::fs::read(path)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                CheckworthyModel::from_bytes(&bytes).with_context(|| {
                    format!("{} is not a check-worthiness model", path.display())
                })?
            }
            None => Models::shipped().checkworthy,
        };
        if args.model.is_none() {
            eprintln!(
                "note: the shipped model was trained on the ClaimBuster and CLEF-2019 training files; \
                 scoring one of them is in-sample (use --cv K for an honest figure)"
            );
        }
        println!("{}", checkworthy::evaluate(&model, &examples));
    }
    Ok(exit::SUCCESS)
}

fn eval_events(args: EvalEventsArgs) -> Result<i32> {
    let gold_text = std::fs::read_to_string(&args.gold)
        .with_context(|| format!("cannot read {}", args.gold.display()))?;
    let gold =
        parse_gold(&gold_text).map_err(|e| anyhow::anyhow!("{}: {e}", args.gold.display()))?;
    let data = data_dir(args.data.as_deref()).ok();
    if data.is_none() {
        eprintln!("warning: no shared data: FA-KES and PTC sentences of the gold cannot be read");
    }
    let texts = GoldTexts::new(data.as_deref(), &args.examples)?;
    let pipeline = args.cleaned.then(crosscheck_core::Pipeline::new);
    let lookup = |doc: &GoldDoc| -> Option<SourceText> {
        texts.get(&doc.dataset, &doc.key).map(|t| {
            let paragraphs = pipeline
                .as_ref()
                .map(|p| p.kept_paragraphs(&t.text, t.title.as_deref()));
            SourceText {
                text: t.text,
                title: t.title,
                outlet: t.outlet,
                paragraphs,
            }
        })
    };
    let models = Models::shipped();
    let model = models.checkworthy;
    let mut extractor = Extractor::new().with_threshold(model.threshold());
    if !args.no_event_filter {
        extractor = extractor.with_event_filter(models.event_filter);
    }
    if !args.no_actor_gate {
        extractor = extractor.with_actor_gate(models.actor_gate);
    }
    let score = |s: &str| model.score(s);
    let held_out = |g: &&GoldSentence| g.is_held_out();
    let parts: Vec<(&str, Vec<GoldSentence>)> = match args.split.as_str() {
        "dev" => vec![(
            "dev",
            gold.iter().filter(|g| !held_out(g)).cloned().collect(),
        )],
        "held-out" => vec![("held-out", gold.iter().filter(held_out).cloned().collect())],
        "all" => vec![("all", gold.clone())],
        "report" => vec![
            (
                "dev",
                gold.iter().filter(|g| !held_out(g)).cloned().collect(),
            ),
            ("held-out", gold.iter().filter(held_out).cloned().collect()),
            ("all", gold.clone()),
        ],
        other => anyhow::bail!("unknown --split {other:?} (dev, held-out, all, report)"),
    };
    for (name, part) in parts {
        let scores = evaluate_events(
            &part,
            &lookup,
            &extractor,
            Some((&score, model.threshold())),
        );
        println!("== {name}: {}", scores.table());
        if let Some(field) = &args.errors {
            for d in scores
                .disagreements
                .iter()
                .filter(|d| field == "all" || d.field == field)
            {
                println!(
                    "#{} {}: gold {} | predicted {}\n    {}",
                    d.index, d.field, d.gold, d.predicted, d.sentence
                );
            }
        }
    }
    Ok(exit::SUCCESS)
}

/// Runs the whole pipeline on the gold corpus's articles, links them, and scores
/// the links against the gold.
fn eval_link(args: EvalLinkArgs) -> Result<i32> {
    use crosscheck_core::Pipeline;
    use crosscheck_lexicon::{Actors, Gazetteer};
    use crosscheck_link::{evaluate, EvalArticle, Lexicons, LinkGold, LinkInput, Linker};
    use crosscheck_schema::Document;

    let text = std::fs::read_to_string(&args.gold)
        .with_context(|| format!("cannot read {}", args.gold.display()))?;
    let gold: LinkGold = serde_json::from_str(&text)
        .with_context(|| format!("{} is not a linking gold file", args.gold.display()))?;
    let folder = args.articles.clone();
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(&folder)
        .with_context(|| format!("cannot read {}", folder.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let pipeline = Pipeline::new();
    let (places, actors) = (Gazetteer::new(), Actors::new());
    let lexicons = Lexicons {
        places: &places,
        actors: &actors,
    };
    let mut analysed = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        for article in pipeline.analyze(&Document::from_text(name.clone(), text.clone())) {
            analysed.push((name.clone(), text.clone(), article));
        }
    }
    let mut linker = Linker::default();
    for (_, text, article) in &analysed {
        linker.add(LinkInput { article, text }, &lexicons);
    }
    let result = linker.link();
    if args.verbose {
        let name_of = |id: &str| -> String {
            analysed
                .iter()
                .find(|(_, _, a)| a.id == id)
                .map_or_else(|| id.to_string(), |(n, _, _)| n.clone())
        };
        for g in &result.groups {
            println!(
                "group: {}",
                g.articles
                    .iter()
                    .map(|a| name_of(a))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        for e in &result.events {
            println!(
                "event {}: {} ({} claims)",
                e.id,
                e.description,
                e.claims.len()
            );
        }
        for c in &result.contradictions {
            let sides: Vec<String> = c
                .claims
                .iter()
                .map(|r| format!("{}: {}", name_of(&r.article), r.value))
                .collect();
            println!(
                "contradiction {} {}: {}",
                c.event,
                c.field.as_str(),
                sides.join(" | ")
            );
        }
    }
    let articles: Vec<EvalArticle<'_>> = analysed
        .iter()
        .map(|(name, text, a)| EvalArticle {
            id: &a.id,
            file: name,
            text,
        })
        .collect();
    println!("{} articles from {}", analysed.len(), folder.display());
    let scores = evaluate(&gold, &result, &articles);
    if args.verbose {
        for m in &scores.contradiction_mistakes.wrong {
            println!("wrong contradiction pair: {m}");
        }
        for m in &scores.contradiction_mistakes.missed {
            println!("missed contradiction pair: {m}");
        }
    }
    println!("{scores}");
    Ok(exit::SUCCESS)
}

fn eval_propaganda(args: EvalPropagandaArgs) -> Result<i32> {
    use crosscheck_propaganda::{
        cross_validate, evaluate, read_semeval_folder, read_training_corpus, Propaganda,
        TrainConfig,
    };

    let given = match (&args.articles, &args.labels) {
        (Some(a), Some(l)) => Some(read_semeval_folder(a, l)?),
        _ => None,
    };
    if let Some(k) = args.cv {
        let articles = match given {
            Some(a) => a,
            None => read_training_corpus(&data_dir(args.data.as_deref())?)?.articles,
        };
        println!(
            "{k}-fold cross-validation over {} articles, grouped by text",
            articles.len()
        );
        let cv = cross_validate(&articles, &TrainConfig::default(), k)?;
        print!("{}", cv.report);
        return Ok(exit::SUCCESS);
    }
    let articles = given.context("--articles and --labels are needed unless --cv is given")?;
    let model = match &args.model {
        Some(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
            Propaganda::from_bytes(&bytes)
                .with_context(|| format!("{} is not a propaganda model", path.display()))?
        }
        None => Models::shipped().propaganda,
    };
    if args.model.is_none() {
        eprintln!("note: the shipped model was trained on the SemEval-2020 and NLP4IF training articles; scoring them is in-sample");
    }
    print!("{}", evaluate(&model, &articles));
    Ok(exit::SUCCESS)
}
