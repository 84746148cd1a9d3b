//! `casebook sources` and `casebook fetch`: follow the boards' listing pages, download new and
//! changed reviews into the library, and index them.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use casebook_indexer::fetch::address::{AllowedHost, AllowedHosts};
use casebook_indexer::fetch::sources::{Source, Sources};
use casebook_indexer::fetch::{FetchOptions, FetchReport, FileOutcome, PageOutcome};

use super::{default_data, default_index, parse_seconds};

#[derive(Debug, clap::Subcommand)]
pub(super) enum SourcesCommand {
    /// Follow a board's listing page of reviews.
    Add {
        /// The page's address (http or https).
        url: String,
        /// The board's name, when the page does not say it well (it also names the folder the
        /// board's PDFs are kept in).
        #[arg(long)]
        board: Option<String>,
        /// The review type of the page's reviews when the page does not say it (a taxonomy
        /// id: scr, lcspr, sar, dhr, …).
        #[arg(long = "type", value_name = "ID")]
        review_type: Option<String>,
        /// Where the board's web team can reach you (a URL or mailto:), sent with every
        /// request; kept in the sources file.
        #[arg(long, value_name = "URL")]
        contact: Option<String>,
        /// Data folder (the sources file is `sources.toml` in it).
        #[arg(long, default_value = default_data())]
        data: PathBuf,
    },
    /// List the pages followed.
    List {
        /// Data folder.
        #[arg(long, default_value = default_data())]
        data: PathBuf,
    },
    /// Stop following a page (by its address, or its number in `sources list`).
    Remove {
        /// Address or number.
        which: String,
        /// Data folder.
        #[arg(long, default_value = default_data())]
        data: PathBuf,
    },
}

/// How `fetch` (and `serve --fetch-every`) fetch: shared by both commands.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct FetchArgs {
    /// Where the reviews are kept (default: `library` in the data folder), one folder per board.
    #[arg(long, value_name = "DIR")]
    into: Option<PathBuf>,
    /// Where the web team of a board can reach you (a URL or mailto:), sent in the
    /// User-Agent; default: the sources file's `contact`.
    #[arg(long, value_name = "URL")]
    contact: Option<String>,
    /// A host besides each source's own that may be fetched from (HOST or HOST:PORT;
    /// repeatable). Its addresses may be private: for intranets.
    #[arg(long = "allow-host", value_name = "HOST[:PORT]", value_parser = AllowedHost::parse)]
    allow_hosts: Vec<AllowedHost>,
    /// Seconds between two requests to one host (robots.txt may ask for more).
    #[arg(long, value_name = "SECS", default_value_t = 2.0, value_parser = parse_delay)]
    delay: f64,
    /// Largest PDF downloaded, in megabytes.
    #[arg(long, value_name = "MB", default_value_t = 200)]
    max_pdf_mb: u64,
    /// Most seconds for one PDF, from connecting to its last byte.
    #[arg(long, value_name = "SECS", default_value_t = 600.0, value_parser = parse_seconds)]
    pdf_time_limit: f64,
    /// Most new PDFs downloaded from one source in one run (the rest come in the next runs).
    #[arg(long, value_name = "N", default_value_t = 200)]
    max_new: usize,
    /// Days after which the PDFs of a listing page that has not changed are asked for again
    /// (conditionally).
    #[arg(long, value_name = "DAYS", default_value_t = 7.0)]
    recheck_days: f64,
}

#[derive(Debug, clap::Args)]
pub(super) struct FetchCommand {
    #[command(flatten)]
    fetch: FetchArgs,
    /// Data folder: the sources file, and the library unless --into says otherwise.
    #[arg(long, default_value = default_data())]
    data: PathBuf,
    /// Index folder that the new and changed reviews are indexed into.
    #[arg(long, default_value = default_index())]
    index: PathBuf,
    /// Only download; do not index.
    #[arg(long)]
    no_index: bool,
}

fn parse_delay(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(secs) if secs.is_finite() && (0.0..=3600.0).contains(&secs) => Ok(secs),
        _ => Err(format!("{s:?} is not a number of seconds between 0 and 3600")),
    }
}

pub(super) fn sources(
    command: SourcesCommand,
    taxonomy: Option<&casebook::Taxonomy>,
) -> anyhow::Result<ExitCode> {
    match command {
        SourcesCommand::Add { url, board, review_type, contact, data } => {
            if let Some(id) = &review_type {
                let builtin;
                let taxonomy = match taxonomy {
                    Some(t) => t,
                    None => {
                        builtin = casebook::Taxonomy::builtin();
                        &builtin
                    }
                };
                let kind = casebook::taxonomy::Kind::ReviewType;
                if !taxonomy.by_kind(kind).any(|entry| entry.id.as_str() == id) {
                    let known: Vec<&str> = taxonomy.by_kind(kind).map(|e| e.id.as_str()).collect();
                    anyhow::bail!(
                        "--type: {id:?} is not a review type (one of: {})",
                        known.join(", ")
                    );
                }
            }
            let path = Sources::path_in(&data);
            let mut sources = Sources::read(&path)?;
            if let Some(contact) = contact {
                casebook_indexer::fetch::sources::check_contact(&contact)
                    .map_err(|e| anyhow::anyhow!("--contact: {e}"))?;
                sources.contact = Some(contact);
            }
            let new = sources
                .add(Source { url, board, review_type })
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            sources.write(&path)?;
            let n = sources.sources.len();
            println!("{} source {n} in {}", if new { "added" } else { "updated" }, path.display());
            if sources.contact.is_none() {
                println!(
                    "set a contact before fetching: `casebook sources add URL --contact mailto:you@example.org`"
                );
            }
        }
        SourcesCommand::List { data } => {
            let path = Sources::path_in(&data);
            let sources = Sources::read(&path)?;
            if sources.sources.is_empty() {
                println!(
                    "no sources in {}; add one with `casebook sources add URL`",
                    path.display()
                );
            }
            let library = data.join("library");
            let state = casebook_indexer::fetch::library::State::read(&library);
            for (n, source) in sources.sources.iter().enumerate() {
                let folder = casebook_indexer::fetch::folder_name(source);
                let pdfs = count_pdfs(&library.join(&folder));
                let links = state.pages.get(&source.url).map(|p| p.entries.len());
                let hints: Vec<String> = [
                    source.board.as_ref().map(|b| format!("board {b:?}")),
                    source.review_type.as_ref().map(|t| format!("type {t}")),
                ]
                .into_iter()
                .flatten()
                .collect();
                println!(
                    "{:>3}  {}{}\n     {pdfs} PDFs in library/{folder}/{}",
                    n + 1,
                    source.url,
                    if hints.is_empty() {
                        String::new()
                    } else {
                        format!("  ({})", hints.join(", "))
                    },
                    links
                        .map(|l| format!(", {l} links when last read"))
                        .unwrap_or_else(|| ", not fetched yet".into()),
                );
            }
            if let Some(contact) = &sources.contact {
                println!("contact: {contact}");
            }
        }
        SourcesCommand::Remove { which, data } => {
            let path = Sources::path_in(&data);
            let mut sources = Sources::read(&path)?;
            let removed = sources.remove(&which).with_context(|| {
                format!(
                    "{which:?} is neither the address nor the number of a source in {}",
                    path.display()
                )
            })?;
            sources.write(&path)?;
            println!(
                "removed {} (its PDFs stay in the library until you delete them)",
                removed.url
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn count_pdfs(folder: &Path) -> usize {
    std::fs::read_dir(folder)
        .map(|dir| {
            dir.flatten()
                .filter(|e| e.path().extension().is_some_and(|x| x.eq_ignore_ascii_case("pdf")))
                .count()
        })
        .unwrap_or(0)
}

/// The options of one fetch from the sources file in `data`.
pub(crate) fn fetch_options(args: &FetchArgs, data: &Path) -> anyhow::Result<FetchOptions> {
    let sources = Sources::read(&Sources::path_in(data))?;
    let contact = args.contact.clone().or(sources.contact.clone()).with_context(|| {
        format!(
            "no contact: give --contact URL (or mailto:), or keep one in {} with \
             `casebook sources add URL --contact …`, so that board web teams can reach you",
            Sources::path_in(data).display()
        )
    })?;
    let library = args.into.clone().unwrap_or_else(|| data.join("library"));
    let mut options = FetchOptions::new(sources.sources, &library, &contact);
    options.allowed = AllowedHosts(args.allow_hosts.clone());
    options.delay = Duration::from_secs_f64(args.delay);
    options.limits.pdf_bytes = args.max_pdf_mb.saturating_mul(1 << 20);
    options.limits.pdf_time = Duration::from_secs_f64(args.pdf_time_limit);
    options.max_new = args.max_new;
    options.recheck = Duration::from_secs_f64(args.recheck_days.max(0.0) * 86_400.0);
    Ok(options)
}

/// One fetch and the indexing of what it brought; what happened goes to `out`.
pub(crate) fn fetch_and_index(
    options: &FetchOptions,
    index: Option<(&Path, &Path)>,
    taxonomy: Option<&casebook::Taxonomy>,
    out: Arc<dyn Fn(&str) + Send + Sync>,
) -> anyhow::Result<(FetchReport, Option<casebook_indexer::IndexReport>)> {
    let mut options = options.clone();
    let say = out.clone();
    options.on_source = Some(Arc::new(move |report| {
        let mut text = Vec::new();
        let _ = casebook_indexer::fetch::write_report(&mut text, report);
        say(String::from_utf8_lossy(&text).trim_end());
    }));
    let report = casebook_indexer::fetch::fetch(&options)?;
    for problem in &report.problems {
        out(&format!("warning: {problem}"));
    }
    let (requests, conditional) = report.requests;
    out(&format!(
        "fetched {} sources in {:.2} s: {requests} requests ({conditional} conditional)",
        report.sources.len(),
        report.elapsed.as_secs_f64()
    ));
    let Some((index, data)) = index else { return Ok((report, None)) };
    if !options.library.exists() {
        return Ok((report, None));
    }
    let mut index_options =
        casebook_indexer::IndexOptions::new(index, std::slice::from_ref(&options.library));
    index_options.taxonomy = taxonomy.cloned();
    index_options.corrections_from = Some(super::corrections_in(data));
    index_options.keep_others = true;
    let indexed = match casebook_indexer::run(&index_options) {
        Ok(indexed) => indexed,
        // A library with no PDF yet (every source refused, say) has nothing to index.
        Err(casebook_indexer::Error::NothingIndexed { n_found: 0 }) => return Ok((report, None)),
        Err(err) => {
            return Err(err).with_context(|| format!("indexing {}", options.library.display()));
        }
    };
    out(&format!(
        "indexed {}: {} new or changed, {} unchanged, {} removed, {} skipped",
        index.display(),
        indexed.n_indexed,
        indexed.n_unchanged,
        indexed.n_removed,
        indexed.skipped.len()
    ));
    for problem in &indexed.skipped {
        out(&format!("  skipped {}: {}", problem.path.display(), problem.reason));
    }
    Ok((report, Some(indexed)))
}

/// Runs `casebook fetch`: exits 2 when a source or file was refused.
pub(super) fn run(
    command: FetchCommand,
    taxonomy: Option<&casebook::Taxonomy>,
) -> anyhow::Result<ExitCode> {
    let options = fetch_options(&command.fetch, &command.data)?;
    if options.sources.is_empty() {
        anyhow::bail!(
            "no sources in {}: add a board's listing page with `casebook sources add URL`",
            Sources::path_in(&command.data).display()
        );
    }
    let print: Arc<dyn Fn(&str) + Send + Sync> = Arc::new(|line: &str| {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{line}");
    });
    let index = (!command.no_index).then_some((command.index.as_path(), command.data.as_path()));
    let (report, _) = fetch_and_index(&options, index, taxonomy, print)?;
    let refused = report.sources.iter().any(|s| {
        matches!(s.page, PageOutcome::Refused(_))
            || s.count(|o| matches!(o, FileOutcome::Refused(_))) > 0
    });
    Ok(if refused { ExitCode::from(2) } else { ExitCode::SUCCESS })
}
