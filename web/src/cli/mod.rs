//! The `casebook` command line: index, serve, search, extract.
//!
//! `main.rs` only parses arguments and calls [`run`].

mod inspect;

use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use casebook::SearchIndex;
use casebook_indexer::{IndexOptions, IndexReport};
use clap::{Parser, Subcommand};

use crate::dto::SearchResponse;
use crate::params::SearchParams;
use crate::{AppState, app};

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
    Index {
        /// PDF files or folders to index.
        paths: Vec<PathBuf>,
        /// Index folder.
        #[arg(long, default_value = default_index())]
        index: PathBuf,
        /// Extract each PDF in a child process, killed after 10 s or at 1 GiB of memory (for
        /// folders of files nobody has checked).
        #[arg(long)]
        isolate: bool,
        /// Read every file again, even those that have not changed since the last run.
        #[arg(long)]
        full: bool,
        /// Keep running, and index again whenever a file under PATHS changes.
        #[arg(long)]
        watch: bool,
        /// Give up on a file whose text takes longer than this to read, in seconds (with
        /// --isolate, its child process is killed 2 s later).
        #[arg(long, value_name = "SECS", default_value_t = 8.0, value_parser = parse_seconds)]
        time_limit: f64,
    },
    /// Serve the search pages and the JSON API.
    Serve {
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:3000")]
        addr: SocketAddr,
        /// Index folder; built from the sample corpus on first start if it holds no index.
        #[arg(long, default_value = default_index())]
        index: PathBuf,
        /// Data folder: the database of briefing packs and saved searches.
        #[arg(long, default_value = default_data())]
        data: PathBuf,
        /// The address readers use to reach this server, for the links in exports and feeds
        /// (default: http:// and the listening address).
        #[arg(long, value_name = "URL")]
        public_url: Option<String>,
        /// How many answers to recent searches to keep in memory until the index changes
        /// (0 for none).
        #[arg(long, value_name = "N", default_value_t = casebook::RESULT_CACHE_ENTRIES)]
        result_cache: usize,
    },
    /// Briefing packs: list them, or export one as Word, Markdown or HTML.
    #[command(subcommand)]
    Pack(PackCommand),
    /// Search the index from the terminal (with no query, the filters alone list units).
    Search(Box<SearchArgs>),
    /// How many reviews count for each theme and risk factor (the themes dashboard's tables).
    Themes(Box<ThemesArgs>),
    /// Show what Casebook reads in a report: its record, section tree, findings and
    /// recommendations, and why a section named like them gave none.
    Inspect {
        /// The PDF file.
        file: PathBuf,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Also list every paragraph with its typography and marker, and what it was read as.
        #[arg(long)]
        paragraphs: bool,
    },
    /// Print the text of a PDF, pages separated by form feeds.
    Extract {
        /// The PDF file.
        file: PathBuf,
        /// Print pages and metadata as JSON.
        #[arg(long)]
        json: bool,
        /// Benchmark: extract N times in this process and print the best `ms_per_page=X`.
        #[arg(long, value_name = "N", hide = true)]
        time: Option<u32>,
    },
    /// Extract one PDF and write the result as JSON: the child process of isolated extraction.
    #[command(hide = true)]
    ExtractOne {
        /// The time the extraction may take, in milliseconds.
        #[arg(long = "time-limit-ms", default_value_t = 8000)]
        time_limit_ms: u64,
        /// The PDF file.
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
enum PackCommand {
    /// List every pack in the database, most recently changed first.
    List {
        /// Data folder.
        #[arg(long, default_value = default_data())]
        data: PathBuf,
    },
    /// Write a pack as a Word document, Markdown or a print-ready HTML page.
    Export {
        /// The pack: its number (from `casebook pack list`), or its edit or share token.
        pack: String,
        /// docx, md or html.
        #[arg(long, default_value = "docx")]
        format: String,
        /// Where to write it (default: a file named after the pack's title, in the current
        /// folder; `-` for standard output).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Data folder.
        #[arg(long, default_value = default_data())]
        data: PathBuf,
        /// The server's address, for the links to the PDFs.
        #[arg(long, value_name = "URL", default_value = "http://127.0.0.1:3000")]
        public_url: String,
    },
}

#[derive(Debug, clap::Args)]
struct SearchArgs {
    /// The query: words, "phrases", OR, -exclusions, title: and board: prefixes.
    #[arg(default_value = "")]
    query: String,
    /// Print JSON, as the API does.
    #[arg(long)]
    json: bool,
    /// Only units of this kind: page, finding, recommendation, review.
    #[arg(long)]
    kind: Option<String>,
    #[command(flatten)]
    filters: FilterArgs,
    /// Order: relevance or date.
    #[arg(long)]
    sort: Option<String>,
    /// Most results: reviews, or units for findings and recommendations.
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// Index folder.
    #[arg(long, default_value = default_index())]
    index: PathBuf,
}

/// The filters `search` and `themes` share, as the web pages' parameters.
#[derive(Debug, clap::Args)]
struct FilterArgs {
    /// Only this theme id (repeatable; values of one option are alternatives).
    #[arg(long)]
    theme: Vec<String>,
    /// Only this risk factor id (repeatable).
    #[arg(long)]
    risk: Vec<String>,
    /// Only recommendations addressed to this agency id (repeatable).
    #[arg(long)]
    agency: Vec<String>,
    /// Only reviews of this type id (repeatable).
    #[arg(long = "type")]
    review_type: Vec<String>,
    /// Only reviews of this board id (repeatable).
    #[arg(long)]
    board: Vec<String>,
    /// Only reviews whose subject is in this age band (repeatable).
    #[arg(long)]
    age: Vec<String>,
    /// Published in or after this year.
    #[arg(long)]
    year_from: Option<String>,
    /// Published in or before this year.
    #[arg(long)]
    year_to: Option<String>,
}

impl FilterArgs {
    /// Search parameters with these filters and the words `q`.
    fn params(&self, q: &str) -> SearchParams {
        SearchParams {
            q: q.to_string(),
            themes: self.theme.clone(),
            risks: self.risk.clone(),
            agencies: self.agency.clone(),
            types: self.review_type.clone(),
            boards: self.board.clone(),
            ages: self.age.clone(),
            year_from: self.year_from.clone(),
            year_to: self.year_to.clone(),
            ..SearchParams::default()
        }
    }
}

#[derive(Debug, clap::Args)]
struct ThemesArgs {
    /// Words: only reviews with a unit that matches them.
    #[arg(default_value = "")]
    query: String,
    #[command(flatten)]
    filters: FilterArgs,
    /// Which table: themes, trend, split or pairs.
    #[arg(long, default_value = "themes")]
    table: String,
    /// What the split table splits by: type, board or age.
    #[arg(long, default_value = "type")]
    split: String,
    /// Print CSV (with a header row) instead of aligned columns.
    #[arg(long)]
    csv: bool,
    /// Index folder.
    #[arg(long, default_value = default_index())]
    index: PathBuf,
}

fn default_index() -> &'static str {
    "casebook-data/index"
}

/// Reads a number of seconds: positive and finite.
fn parse_seconds(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(secs) if secs.is_finite() && secs > 0.0 && secs <= 86_400.0 => Ok(secs),
        _ => Err(format!("{s:?} is not a number of seconds between 0 and 86400")),
    }
}

fn default_data() -> &'static str {
    "casebook-data"
}

/// The sample corpus shipped in the repository, found from where this crate was built.
pub fn sample_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus")
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
        Command::Index { paths, index, isolate, full, watch, time_limit } => {
            let paths = if paths.is_empty() { vec![sample_corpus()] } else { paths };
            let time_limit = std::time::Duration::from_secs_f64(time_limit);
            let isolation = if isolate {
                Some(casebook_indexer::Isolation {
                    exe: std::env::current_exe().context("finding the casebook executable")?,
                    limits: casebook_indexer::isolate::IsolationLimits::for_time_limit(time_limit),
                })
            } else {
                None
            };
            let mut options = IndexOptions::new(&index, &paths);
            options.taxonomy = taxonomy.cloned();
            options.isolation = isolation;
            options.full = full;
            options.time_limit = time_limit;
            if watch {
                return watch_paths(&options);
            }
            let report = index_with_progress(&options)?;
            Ok(if report.skipped.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(2) })
        }
        Command::Serve { addr, index, data, public_url, result_cache } => {
            let public_url = public_url.unwrap_or_else(|| format!("http://{addr}"));
            serve(addr, &index, &data, &public_url, result_cache, taxonomy)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Pack(PackCommand::List { data }) => {
            let store = open_store(&data)?;
            let mut out = std::io::stdout().lock();
            for pack in store.list_packs()? {
                writeln!(
                    out,
                    "{:>5}  {:>3} items  {}  {}",
                    pack.id,
                    pack.n_items,
                    crate::time::rfc3339(pack.updated),
                    pack.title
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Pack(PackCommand::Export { pack, format, output, data, public_url }) => {
            export_pack(&pack, &format, output.as_deref(), &data, &public_url)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Search(args) => {
            search(&args, taxonomy)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Themes(args) => {
            themes(&args, taxonomy)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Inspect { file, json, paragraphs } => {
            inspect::run(&file, json, paragraphs, taxonomy)
        }
        Command::Extract { file, time: Some(n), .. } => time_extract(&file, n),
        Command::Extract { file, json, time: None } => extract(&file, json),
        Command::ExtractOne { file, time_limit_ms } => {
            let mut out = std::io::stdout().lock();
            let time_limit = std::time::Duration::from_millis(time_limit_ms);
            casebook_indexer::isolate::run_child(&file, time_limit, &mut out)
                .context("writing the extraction result")?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn index_paths(
    index: &Path,
    paths: Vec<PathBuf>,
    taxonomy: Option<&casebook::Taxonomy>,
    isolation: Option<casebook_indexer::Isolation>,
) -> anyhow::Result<IndexReport> {
    let mut options = IndexOptions::new(index, &paths);
    options.taxonomy = taxonomy.cloned();
    options.isolation = isolation;
    index_with_progress(&options)
}

/// One indexing run with progress on the terminal (a bar when standard error is a terminal,
/// a line every few seconds when it is not) and a summary at the end.
fn index_with_progress(options: &IndexOptions) -> anyhow::Result<IndexReport> {
    let mut options = options.clone();
    let bar = std::io::IsTerminal::is_terminal(&std::io::stderr()).then(|| {
        let bar = indicatif::ProgressBar::new(0);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:30} {pos}/{len} files · {msg} · {elapsed} elapsed, ETA {eta}",
            )
            .expect("a valid template"),
        );
        bar
    });
    let started = std::time::Instant::now();
    let last_line = std::sync::Mutex::new(started);
    let shown = bar.clone();
    options.progress = Some(casebook_indexer::ProgressFn(std::sync::Arc::new(
        move |p: casebook_indexer::Progress| {
            let secs = started.elapsed().as_secs_f64().max(1e-3);
            let rate = p.pages_done as f64 / secs;
            match &shown {
                Some(bar) => {
                    bar.set_length(p.files_total as u64);
                    bar.set_position(p.files_done as u64);
                    bar.set_message(format!("{} pages, {rate:.0} pages/s", p.pages_done));
                }
                None => {
                    let mut last = last_line.lock().unwrap_or_else(|e| e.into_inner());
                    let tenth = |n: usize| n * 10 / p.files_total.max(1);
                    let milestone = p.files_done == 1
                        || p.files_done == p.files_total
                        || tenth(p.files_done) > tenth(p.files_done - 1);
                    if milestone || last.elapsed() >= PROGRESS_EVERY {
                        *last = std::time::Instant::now();
                        let left = p.files_total - p.files_done;
                        let eta = secs / p.files_done.max(1) as f64 * left as f64;
                        eprintln!(
                            "indexing: {}/{} files, {} pages, {rate:.0} pages/s, ETA {eta:.0} s",
                            p.files_done, p.files_total, p.pages_done
                        );
                    }
                }
            }
        },
    )));
    let result = casebook_indexer::run(&options);
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let report =
        result.with_context(|| format!("indexing into {}", options.index_dir.display()))?;
    let mut err = std::io::stderr().lock();
    for problem in &report.warnings {
        let _ = writeln!(err, "warning: {}: {}", problem.path.display(), problem.reason);
    }
    for problem in &report.skipped {
        let _ = writeln!(err, "skipped: {}: {}", problem.path.display(), problem.reason);
    }
    let secs = report.elapsed.as_secs_f64();
    let _ = writeln!(
        err,
        "indexed {} new or changed of {} files ({} pages, {:.0} pages/s); {} unchanged, {} removed, \
         {} skipped; {:.1} s; {}",
        report.n_indexed,
        report.n_found,
        report.n_pages,
        report.n_pages as f64 / secs.max(1e-3),
        report.n_unchanged,
        report.n_removed,
        report.skipped.len(),
        secs,
        if report.committed {
            format!("written to {}", options.index_dir.display())
        } else {
            format!("{} is up to date", options.index_dir.display())
        }
    );
    Ok(report)
}

/// How often plain progress lines are written at least (they are also written after the
/// first file, at every tenth of the files, and at the end).
const PROGRESS_EVERY: std::time::Duration = std::time::Duration::from_secs(5);

/// `casebook index --watch`: indexes, then again after each burst of changes, until stopped.
fn watch_paths(options: &IndexOptions) -> anyhow::Result<ExitCode> {
    index_with_progress(options)?;
    eprintln!(
        "watching {} for changes (Ctrl-C stops)",
        options.inputs.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
    );
    let stop = std::sync::atomic::AtomicBool::new(false);
    casebook_indexer::watch(options, WATCH_DEBOUNCE, &stop, |_| {
        if let Err(err) = index_with_progress(options) {
            // A failed run leaves the index as it was; the next change tries again.
            eprintln!("casebook: {err:#}");
        }
    })?;
    Ok(ExitCode::SUCCESS)
}

/// How long the folder must be quiet after a change before it is indexed again.
const WATCH_DEBOUNCE: std::time::Duration = std::time::Duration::from_secs(2);

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
fn open_store(data: &Path) -> anyhow::Result<casebook::store::Store> {
    casebook::store::Store::open(data)
        .with_context(|| format!("opening the database in {}", data.display()))
}

fn export_pack(
    id: &str,
    format: &str,
    output: Option<&Path>,
    data: &Path,
    public_url: &str,
) -> anyhow::Result<()> {
    if !crate::export::FORMATS.iter().any(|(ext, _)| *ext == format) {
        anyhow::bail!("invalid value for --format: {format:?} is not docx, md or html");
    }
    if !data.join(casebook::store::DATABASE_FILE).is_file() {
        anyhow::bail!(
            "no database in {} (start `casebook serve --data …` to make one)",
            data.display()
        );
    }
    let store = open_store(data)?;
    let pack = match id.parse::<i64>() {
        Ok(n) => store.pack_by_id(n)?,
        Err(_) => match store.pack(&casebook::store::EditToken::new(id))? {
            Some(pack) => Some(pack),
            None => store.shared_pack(id)?,
        },
    }
    .ok_or_else(|| {
        anyhow::anyhow!("no pack {id:?} in {} (see `casebook pack list`)", data.display())
    })?;
    let public_url = public_url.trim_end_matches('/');
    let stylesheet = format!("{public_url}/static/print.css");
    let bytes = crate::routes::packs::render(&pack, public_url, format, &stylesheet)
        .map_err(|err| anyhow::anyhow!("{err}"))?;
    let path = match output {
        Some(path) if path == Path::new("-") => {
            std::io::stdout().lock().write_all(&bytes)?;
            return Ok(());
        }
        Some(path) => path.to_path_buf(),
        None => PathBuf::from(crate::export::file_name(&pack.title, format)),
    };
    std::fs::write(&path, &bytes).with_context(|| format!("writing {}", path.display()))?;
    eprintln!("wrote {} ({} items, {} bytes)", path.display(), pack.items.len(), bytes.len());
    Ok(())
}

fn serve(
    addr: SocketAddr,
    index_dir: &Path,
    data: &Path,
    public_url: &str,
    result_cache: usize,
    taxonomy: Option<&casebook::Taxonomy>,
) -> anyhow::Result<()> {
    if !SearchIndex::exists(index_dir) {
        let corpus = sample_corpus();
        eprintln!(
            "no index at {}: building one from the sample corpus in {}",
            index_dir.display(),
            corpus.display()
        );
        index_paths(index_dir, vec![corpus], taxonomy, None)?;
    }
    let mut index = open_index(index_dir, taxonomy)?;
    index.set_result_cache(result_cache);
    let store = open_store(data)?;
    let stats = index.stats()?;
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("listening on {addr}"))?;
        eprintln!(
            "casebook: serving {} reviews ({} units) from {} on http://{addr}/",
            stats.n_reviews,
            stats.n_units,
            index_dir.display()
        );
        axum::serve(listener, app(AppState::new(index, store, public_url)))
            .with_graceful_shutdown(shutdown_signal())
            .await
            .context("serving")?;
        eprintln!("casebook: stopped");
        Ok(())
    })
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

fn themes(args: &ThemesArgs, taxonomy: Option<&casebook::Taxonomy>) -> anyhow::Result<()> {
    use casebook::themes::SplitBy;
    let split = SplitBy::parse(&args.split).ok_or_else(|| {
        anyhow::anyhow!("invalid value for --split: {:?} is not type, board or age", args.split)
    })?;
    if !crate::themes::TABLES.contains(&args.table.as_str()) {
        anyhow::bail!(
            "invalid value for --table: {:?} is not one of {}",
            args.table,
            crate::themes::TABLES.join(", ")
        );
    }
    let index = open_index(&args.index, taxonomy)?;
    let params = args.filters.params(&args.query);
    let request = params.to_request(10).map_err(|err| anyhow::anyhow!("{err}"))?;
    let report = index.themes(&request, split)?;
    let boards = index.board_names()?;
    let recurrence = index.recurrence_counts()?;
    let labels = crate::views::Labels {
        taxonomy: index.taxonomy(),
        boards: &boards,
        recurrence: &recurrence,
    };
    let csv = crate::themes::csv_table(&args.table, split, &report, &labels)
        .expect("the table name was checked")?;
    let mut out = std::io::stdout().lock();
    if args.csv {
        out.write_all(csv.as_bytes())?;
        return Ok(());
    }
    writeln!(out, "{} reviews", report.n_reviews)?;
    // Aligned columns: the CSV's, padded to the widest cell of each.
    let rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.as_bytes())
        .into_records()
        .filter_map(Result::ok)
        .map(|r| {
            r.iter().map(|cell| cell.split_whitespace().collect::<Vec<_>>().join(" ")).collect()
        })
        .collect();
    let mut widths: Vec<usize> = Vec::new();
    for row in &rows {
        widths.resize(widths.len().max(row.len()), 0);
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    for row in &rows {
        let line: Vec<String> =
            row.iter().zip(&widths).map(|(cell, w)| format!("{cell:<w$}")).collect();
        writeln!(out, "{}", line.join("  ").trim_end())?;
    }
    Ok(())
}

fn search(args: &SearchArgs, taxonomy: Option<&casebook::Taxonomy>) -> anyhow::Result<()> {
    let index = open_index(&args.index, taxonomy)?;
    let params = SearchParams {
        kind: args.kind.clone(),
        sort: args.sort.clone(),
        per_page: Some(args.limit.to_string()),
        ..args.filters.params(&args.query)
    };
    let request = params.to_request(10).map_err(|err| anyhow::anyhow!("{err}"))?;
    let results = index.search(&request)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        let response = SearchResponse::new(&request.query, 1, request.per_page, results);
        serde_json::to_writer_pretty(&mut out, &response)?;
        writeln!(out)?;
        return Ok(());
    }
    if let Some(notice) = &results.notice {
        writeln!(out, "note: {notice}")?;
    }
    if let Some(corrected) = &results.corrected_query {
        writeln!(
            out,
            "note: no matches for {:?}; showing matches for {corrected:?}",
            request.query
        )?;
    }
    for expansion in &results.expansions {
        writeln!(out, "also searched for {:?}: {}", expansion.matched, expansion.also.join(", "))?;
    }
    writeln!(out, "{} units in {} reviews", results.total_units, results.total_reviews)?;
    for group in &results.groups {
        let year = group.year.map(|y| y.to_string()).unwrap_or_else(|| "n.d.".into());
        let board = group.board.as_deref().unwrap_or("unknown board");
        writeln!(out, "\n{} ({board}, {year}) [{}]", group.title, group.review)?;
        for hit in &group.hits {
            let flat: String = hit.snippet.text.split_whitespace().collect::<Vec<_>>().join(" ");
            let label = match &hit.number {
                Some(n) => format!("{} {n}", hit.kind.as_str()),
                None => hit.kind.as_str().to_string(),
            };
            writeln!(out, "  p. {:<4} {label}: {flat}", hit.page)?;
        }
    }
    Ok(())
}

fn extract(file: &Path, json: bool) -> anyhow::Result<ExitCode> {
    let text = match casebook_indexer::extract::extract_pdf(file) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("casebook: {}: {err}", file.display());
            return Ok(ExitCode::from(2));
        }
    };
    let mut out = std::io::stdout().lock();
    if json {
        let pages: Vec<_> = text
            .pages
            .iter()
            .map(|p| {
                let lines: Vec<_> = p
                    .lines
                    .iter()
                    .map(|l| {
                        let cells: Vec<_> = l.cells.iter().map(|c| (c.offset, c.x)).collect();
                        serde_json::json!({
                            "text": l.text, "x": l.x, "x_end": l.x_end, "y": l.y,
                            "font_size": l.font_size, "bold": l.bold, "italic": l.italic,
                            "cells": cells, "paragraph_start": l.paragraph_start,
                        })
                    })
                    .collect();
                serde_json::json!({
                    "page": p.number, "label": p.label, "header": p.header,
                    "body": p.body, "footer": p.footer, "no_text_layer": p.no_text_layer,
                    "lines": lines,
                })
            })
            .collect();
        let info = &text.info;
        let value = serde_json::json!({
            "file": file.display().to_string(),
            "pages": pages,
            "info": {
                "title": info.title, "author": info.author, "subject": info.subject,
                "keywords": info.keywords, "creator": info.creator, "producer": info.producer,
                "created": info.created, "modified": info.modified,
            },
            "warnings": text.warnings,
        });
        serde_json::to_writer_pretty(&mut out, &value)?;
        writeln!(out)?;
    } else {
        for page in &text.pages {
            write!(out, "{}\x0c", page.full_text())?;
        }
    }
    for warning in &text.warnings {
        eprintln!("warning: {}: {warning}", file.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// Extracts `file` `n` times from memory and prints the best time per page, for
/// `bench/extract_fidelity.py --time-cmd`.
fn time_extract(file: &Path, n: u32) -> anyhow::Result<ExitCode> {
    use casebook_indexer::extract::pdf;
    let bytes = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
    let mut best = f64::INFINITY;
    let mut n_pages = 0;
    for _ in 0..n.max(1) {
        let started = std::time::Instant::now();
        match pdf::extract_bytes(&bytes, &pdf::PdfOptions::default()) {
            Ok(text) => n_pages = text.pages.len(),
            Err(err) => {
                eprintln!("casebook: {}: {err}", file.display());
                return Ok(ExitCode::from(2));
            }
        }
        best = best.min(started.elapsed().as_secs_f64());
    }
    println!("ms_per_page={:.3} pages={n_pages}", 1000.0 * best / n_pages.max(1) as f64);
    Ok(ExitCode::SUCCESS)
}
