//! The `casebook` command line: one module per subcommand.
//!
//! `main.rs` only parses arguments and calls [`run`]. Each subcommand's arguments are typed
//! (kinds, sorts, years, tables, formats are parsed by clap into the core's and the web
//! crate's own types), so a bad value is refused with the option's name before anything runs.

mod extract;
mod fetch;
mod index;
mod inspect;
mod pack;
mod search;
mod serve;
mod taxonomy;
mod themes;
mod user;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use casebook::SearchIndex;
use clap::{Parser, Subcommand};

/// Casebook: search the learning in safeguarding case reviews.
#[derive(Debug, Parser)]
#[command(name = "casebook", version, about)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    /// A taxonomy file to use instead of the built-in one (TOML; see `casebook taxonomy`).
    #[arg(long, global = true, value_name = "FILE")]
    taxonomy: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Index review PDFs (default: the sample corpus shipped with Casebook).
    Index(Box<index::IndexArgs>),
    /// Serve the search pages and the JSON API.
    Serve(Box<serve::ServeArgs>),
    /// Briefing packs: list them, or export one as Word, Markdown or HTML.
    #[command(subcommand)]
    Pack(pack::PackCommand),
    /// Search the index from the terminal (with no query, the filters alone list units).
    Search(Box<search::SearchArgs>),
    /// How many reviews count for each theme and risk factor (the themes dashboard's tables).
    Themes(Box<themes::ThemesArgs>),
    /// Show what Casebook reads in a report: its record, section tree, findings and
    /// recommendations, and why a section named like them gave none.
    Inspect(inspect::InspectArgs),
    /// Print the built-in taxonomy (themes, risk factors, agencies, review types and their
    /// names), list its entries, or check a taxonomy file of your own.
    Taxonomy(taxonomy::TaxonomyArgs),
    /// The boards' listing pages that `fetch` follows: add, list, remove.
    #[command(subcommand)]
    Sources(fetch::SourcesCommand),
    /// Download new and changed reviews from the boards' listing pages into the library, and
    /// index them.
    Fetch(Box<fetch::FetchCommand>),
    /// Print the text of a PDF, pages separated by form feeds.
    Extract(extract::ExtractArgs),
    /// Curators' and admins' accounts: add, list, remove, set a password.
    #[command(subcommand)]
    User(user::UserCommand),
    /// The audit trail of curators' corrections.
    #[command(subcommand)]
    Audit(user::AuditCommand),
    /// Extract one PDF and write the result as JSON: the child process of isolated extraction.
    #[command(hide = true)]
    ExtractOne(extract::ExtractOneArgs),
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let taxonomy = match &cli.taxonomy {
        Some(path) => Some(
            casebook::Taxonomy::from_path(path)
                .with_context(|| format!("reading the taxonomy {}", path.display()))?,
        ),
        None => None,
    };
    let taxonomy = taxonomy.as_ref();
    match cli.command {
        Command::Index(args) => index::run(*args, taxonomy),
        Command::Serve(args) => serve::run(*args, taxonomy),
        Command::Pack(command) => pack::run(command),
        Command::Search(args) => search::run(&args, taxonomy).map(|()| ExitCode::SUCCESS),
        Command::Themes(args) => themes::run(&args, taxonomy).map(|()| ExitCode::SUCCESS),
        Command::Inspect(args) => inspect::run(&args, taxonomy),
        Command::Taxonomy(args) => taxonomy::run(&args, taxonomy),
        Command::Sources(command) => fetch::sources(command, taxonomy),
        Command::Fetch(args) => fetch::run(*args, taxonomy),
        Command::Extract(args) => extract::run(&args),
        Command::User(command) => user::run(command),
        Command::Audit(command) => user::audit(command),
        Command::ExtractOne(args) => extract::run_one(&args),
    }
}

/// The sample corpus shipped in the repository, found from where this crate was built.
pub fn sample_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus")
}

fn default_index() -> &'static str {
    "casebook-data/index"
}

fn default_data() -> &'static str {
    "casebook-data"
}

/// Reads a number of seconds: positive and finite.
fn parse_seconds(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(secs) if secs.is_finite() && secs > 0.0 && secs <= 86_400.0 => Ok(secs),
        _ => Err(format!("{s:?} is not a number of seconds between 0 and 86400")),
    }
}

fn open_index(index: &Path, taxonomy: Option<&casebook::Taxonomy>) -> anyhow::Result<SearchIndex> {
    let mut opened = SearchIndex::open(index).with_context(|| {
        format!("opening the index (build one with `casebook index --index {}`)", index.display())
    })?;
    if let Some(taxonomy) = taxonomy {
        opened.set_taxonomy(taxonomy.clone());
    }
    Ok(opened)
}

/// Opens the database of packs and saved searches in `data`, creating it if need be.
/// The curators' corrections kept in the database of `data`, for the indexer to read at the
/// start of every run (none while there is no database).
pub fn corrections_in(data: &Path) -> casebook_indexer::CorrectionsFn {
    let dir = data.to_path_buf();
    casebook_indexer::CorrectionsFn {
        origin: dir.clone(),
        read: std::sync::Arc::new(move || {
            if !casebook_store::Store::exists(&dir) {
                return Ok(Default::default());
            }
            let store = casebook_store::Store::open(&dir).map_err(|err| err.to_string())?;
            store.corrections_in_force().map_err(|err| err.to_string())
        }),
    }
}

fn open_store(data: &Path) -> anyhow::Result<casebook_store::Store> {
    casebook_store::Store::open(data)
        .with_context(|| format!("opening the database in {}", data.display()))
}
