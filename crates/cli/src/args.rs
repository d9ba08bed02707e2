//! Command-line flags.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(
    name = "crosscheck",
    version,
    about = "Cross-check partisan conflict news: claims, contradictions, independent corroboration, credibility.",
    long_about = None
)]
pub struct Cli {
    /// No progress bar and no summary on stderr (errors are still printed).
    #[arg(long, short, global = true)]
    pub quiet: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Analyse articles: files, folders (recursive) or `-` for standard input.
    Analyze(AnalyzeArgs),
    /// List the articles in the store.
    List(ListArgs),
    /// Show one stored article (by id or unique id prefix).
    Show(ShowArgs),
    /// Full-text search over stored articles.
    Search(SearchArgs),
    /// Events found by linking, with their contradictions and corroborations.
    Events(EventsArgs),
    /// Serve the HTTP JSON API and the web UI over the store.
    Serve(ServeArgs),
    /// Rebuild a shipped model file from the public datasets (deterministic).
    Train(TrainArgs),
    /// Measure a model or stage on labelled data.
    Eval(EvalArgs),
}

#[derive(Args, Debug)]
pub struct ServeArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// Address to listen on (loopback by default: there is no authentication).
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "HOST:PORT")]
    pub addr: std::net::SocketAddr,
}

#[derive(Args, Debug)]
pub struct EventsArgs {
    /// Show this event only, with its contradictions and corroborations.
    pub id: Option<String>,
    #[command(flatten)]
    pub store: StoreArgs,
    #[arg(long, short, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// At most this many events (0: all).
    #[arg(long, default_value_t = 0)]
    pub limit: usize,
    /// Only events with a contradiction.
    #[arg(long)]
    pub contradicted: bool,
}

#[derive(Args, Debug)]
pub struct TrainArgs {
    #[command(subcommand)]
    pub model: TrainModel,
}

#[derive(Subcommand, Debug)]
pub enum TrainModel {
    /// models/checkworthy.bin from ClaimBuster and CLEF-2019 Task 1.
    Checkworthy(TrainCommon),
    /// models/propaganda.bin from the SemEval-2020 Task 11 and NLP4IF-2019 corpora.
    Propaganda(TrainCommon),
    /// models/credibility.bin: style on Horne 2017, outlet reputation on the
    /// BuzzFeed fact-check, cross-source consistency on FA-KES.
    Credibility(TrainCommon),
    /// models/event-filter.bin from the hand-annotated event gold sets (eval/gold)
    /// and the texts they point into.
    EventFilter(TrainEventFilterArgs),
    /// models/actor-gate.bin from the same gold sets, on the frames the rules and the
    /// shipped event filter give them.
    ActorGate(TrainEventFilterArgs),
}

#[derive(Args, Debug, Clone)]
pub struct TrainEventFilterArgs {
    #[command(flatten)]
    pub common: TrainCommon,
    /// The gold sets to train on [default: eval/gold/events.jsonl without its held-out
    /// third, and events-fresh.jsonl ... events-fresh57.jsonl; later sets are kept for
    /// blind scoring].
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub gold: Vec<PathBuf>,
    /// The sample-corpus folder the gold points into.
    #[arg(long, value_name = "DIR", default_value = "examples")]
    pub examples: PathBuf,
}

#[derive(Args, Debug, Clone)]
pub struct TrainCommon {
    /// The shared-data folder holding the datasets [default: $CROSSCHECK_DATA, else ../shared/data].
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Where to write the model [default: models/<name>.bin].
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct EvalArgs {
    #[command(subcommand)]
    pub task: EvalTask,
}

#[derive(Subcommand, Debug)]
pub enum EvalTask {
    /// Check-worthiness on a ClaimBuster or CLEF-2019 file: P/R/F1, AUC, MAP.
    Checkworthy(EvalCheckworthyArgs),
    /// Event frames and attribution against a hand-annotated gold set: P/R/F1 per field.
    Events(EvalEventsArgs),
    /// Linking against a gold corpus: contradictions, corroborations, independence groups.
    Link(EvalLinkArgs),
    /// Propaganda techniques on SemEval-2020 Task 11 data: span F1 (partial overlap), technique micro-F1.
    Propaganda(EvalPropagandaArgs),
    /// Article credibility: accuracy, macro-F1, ROC AUC and ECE on FA-KES or Horne 2017,
    /// or (without --data) every figure of the shipped model from the shared data.
    Credibility(EvalCredibilityArgs),
    /// LIAR six-way statement truthfulness, text only or with speaker metadata.
    Liar(EvalLiarArgs),
}

#[derive(Args, Debug)]
pub struct EvalCredibilityArgs {
    /// An FA-KES CSV (`--input-format fakes`) or a Horne 2017 folder
    /// (`--input-format horne`). Without it: the shipped model's full report
    /// (each component cross-validated on its own data set, then combined).
    #[arg(long, value_name = "PATH")]
    pub data: Option<PathBuf>,
    /// The format of --data.
    #[arg(long, value_enum, default_value_t = CredibilityFormat::Fakes)]
    pub input_format: CredibilityFormat,
    /// k-fold stratified cross-validation of every model variant instead of
    /// scoring the shipped model (Horne is always cross-validated).
    #[arg(long, value_name = "K")]
    pub cv: Option<usize>,
    /// How many times the k-fold split is repeated with different seeds.
    #[arg(long, value_name = "R", default_value_t = 5)]
    pub repeats: usize,
    /// The shared-data folder for the full report [default: $CROSSCHECK_DATA, else ../shared/data].
    #[arg(long, value_name = "DIR")]
    pub shared: Option<PathBuf>,
    /// Score this model file instead of the shipped one.
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CredibilityFormat {
    /// FA-KES CSV: `unit_id, article_title, article_content, source, date, location, labels`.
    Fakes,
    /// Horne 2017 folders (`Real/`, `Fake/`, `Satire/` text files).
    Horne,
}

#[derive(Args, Debug)]
pub struct EvalLiarArgs {
    /// A LIAR TSV to score (e.g. valid.tsv), or with --cv the file to cross-validate on.
    #[arg(long, value_name = "FILE")]
    pub data: PathBuf,
    /// The LIAR TSV to train on [default: liar/train.tsv in the shared data].
    #[arg(long, value_name = "FILE")]
    pub train: Option<PathBuf>,
    /// Stratified k-fold cross-validation on --data instead of train-then-score.
    #[arg(long, value_name = "K")]
    pub cv: Option<usize>,
    /// How many times the k-fold split is repeated.
    #[arg(long, value_name = "R", default_value_t = 1)]
    pub repeats: usize,
    /// Add the speaker, party, subject, context and credit-history metadata
    /// (history without the statement's own label).
    #[arg(long)]
    pub metadata: bool,
    /// Every variant (text; + metadata; + honest history; + leaky history) on
    /// --data and in --cv K (default 5) cross-validation on the training file.
    #[arg(long)]
    pub report: bool,
}

#[derive(Args, Debug)]
pub struct EvalPropagandaArgs {
    /// Folder of `article<ID>.txt` files.
    #[arg(long, value_name = "DIR", required_unless_present = "cv")]
    pub articles: Option<PathBuf>,
    /// SI (`id start end`) or TC (`id technique start end`) label file.
    #[arg(long, value_name = "FILE", required_unless_present = "cv")]
    pub labels: Option<PathBuf>,
    /// k-fold cross-validation over the training corpora (grouped by text) instead
    /// of scoring the shipped model; uses --articles/--labels when given, else the
    /// shared data's training corpora.
    #[arg(long, value_name = "K")]
    pub cv: Option<usize>,
    /// The shared-data folder [default: $CROSSCHECK_DATA, else ../shared/data].
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Score this model file instead of the shipped one.
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct EvalLinkArgs {
    /// The gold file (eval/gold/link.json format).
    #[arg(long, value_name = "FILE", default_value = "eval/gold/link.json")]
    pub gold: PathBuf,
    /// The folder holding the articles the gold names.
    #[arg(long, value_name = "DIR", default_value = "examples/link/articles")]
    pub articles: PathBuf,
    /// Also print every group, event, contradiction and corroboration found.
    #[arg(long)]
    pub verbose: bool,
}

#[derive(Args, Debug)]
pub struct EvalCheckworthyArgs {
    /// A file in the ClaimBuster (CSV/TSV) or CLEF-2019 Task 1 format.
    #[arg(long, value_name = "FILE")]
    pub data: PathBuf,
    /// k-fold cross-validation (grouped by debate) instead of scoring the shipped model.
    #[arg(long, value_name = "K")]
    pub cv: Option<usize>,
    /// Score this model file instead of the shipped one.
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct EvalEventsArgs {
    /// The gold file (eval/gold/events.jsonl format).
    #[arg(long, value_name = "FILE", default_value = "eval/gold/events.jsonl")]
    pub gold: PathBuf,
    /// The shared-data folder the gold points into [default: $CROSSCHECK_DATA, else ../shared/data].
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// The sample-corpus folder the gold points into.
    #[arg(long, value_name = "DIR", default_value = "examples")]
    pub examples: PathBuf,
    /// Which part: `dev` (lines whose index % 3 != 0, used while writing rules),
    /// `held-out` (index % 3 == 0), `all`, or `report` (all three).
    #[arg(long, default_value = "report")]
    pub split: String,
    /// Also list the disagreements on this field (or `all`).
    #[arg(long, value_name = "FIELD")]
    pub errors: Option<String>,
    /// Clean each text as `analyze` does and segment only the paragraphs kept
    /// (datelines, captions, widgets removed): scores what `analyze` outputs. Without
    /// it the whole source text is segmented, which scores the extractor alone.
    #[arg(long)]
    pub cleaned: bool,
    /// Score the rules alone, without the shipped event filter
    /// (models/event-filter.bin) that `analyze` applies.
    #[arg(long)]
    pub no_event_filter: bool,
    /// Keep every actor the rules found, without the shipped actor gate
    /// (models/actor-gate.bin) that `analyze` applies.
    #[arg(long)]
    pub no_actor_gate: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// A readable report (the default).
    Text,
    /// One JSON document, `crosscheck/analysis/v1`.
    Json,
    /// One JSON object per article and line.
    Jsonl,
    /// One CSV row per article.
    Csv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputFormatArg {
    Text,
    Html,
    Jsonl,
    Csv,
}

#[derive(Args, Debug, Clone)]
pub struct StoreArgs {
    /// The SQLite store [default: $CROSSCHECK_DB, else ~/.local/share/crosscheck/crosscheck.db].
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct AnalyzeArgs {
    /// Files, folders or `-` (standard input).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    #[arg(long, short, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,

    /// Write the output here instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    #[command(flatten)]
    pub store: StoreArgs,

    /// Do not write to the store.
    #[arg(long)]
    pub no_store: bool,

    /// Read every input in this format instead of detecting it.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormatArg>,

    /// Column mapping of a known dataset: `fakes` (FA-KES CSV), `horne` (Horne 2017 folders).
    #[arg(long, value_name = "NAME")]
    pub preset: Option<String>,

    /// Record field (JSONL key or CSV column) holding the article id.
    #[arg(long, value_name = "NAME")]
    pub id_field: Option<String>,
    /// Record field holding the title.
    #[arg(long, value_name = "NAME")]
    pub title_field: Option<String>,
    /// Record field holding the article text.
    #[arg(long, value_name = "NAME")]
    pub text_field: Option<String>,
    /// Record field holding the publication date.
    #[arg(long, value_name = "NAME")]
    pub date_field: Option<String>,
    /// Record field holding the outlet name.
    #[arg(long, value_name = "NAME")]
    pub outlet_field: Option<String>,
    /// Record field holding the article URL.
    #[arg(long, value_name = "NAME")]
    pub url_field: Option<String>,
    /// Record field holding a gold label (kept for evaluation).
    #[arg(long, value_name = "NAME")]
    pub label_field: Option<String>,

    /// Largest single text or HTML file to read, in MB.
    #[arg(long, default_value_t = 32, value_name = "MB")]
    pub max_file_size: u64,

    /// Worker threads [default: all cores].
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,

    /// Leave out stages, for speed or to measure the others: `claims` (check-worthiness,
    /// event frames, attribution), `signals` (signals and credibility), `links`
    /// (copies, events, contradictions across articles).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "STAGE")]
    pub skip: Vec<Stage>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Stage {
    Claims,
    Signals,
    Links,
}

#[derive(Args, Debug)]
pub struct ListArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    #[arg(long, short, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// Only articles from this outlet.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Only articles with this gold label.
    #[arg(long)]
    pub label: Option<String>,
    #[arg(long, default_value_t = 100)]
    pub limit: usize,
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
}

#[derive(Args, Debug)]
pub struct ShowArgs {
    /// Article id or a unique prefix of it.
    pub id: String,
    #[command(flatten)]
    pub store: StoreArgs,
    #[arg(long, short, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
}

#[derive(Args, Debug)]
pub struct SearchArgs {
    /// SQLite FTS5 query: words, "exact phrases", OR, NOT, prefix*.
    pub query: String,
    #[command(flatten)]
    pub store: StoreArgs,
    #[arg(long, short, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
}
