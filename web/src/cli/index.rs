//! `casebook index`: index review PDFs, once or whenever they change.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use casebook_indexer::{IndexOptions, IndexReport};

use super::{default_data, default_index, parse_seconds, sample_corpus};

#[derive(Debug, clap::Args)]
pub(super) struct IndexArgs {
    /// PDF files or folders to index.
    paths: Vec<PathBuf>,
    /// Index folder.
    #[arg(long, default_value = default_index())]
    index: PathBuf,
    /// Data folder: the curators' corrections in its database are applied at every run.
    #[arg(long, default_value = default_data())]
    data: PathBuf,
    /// Extract each PDF in a child process, killed after 10 s or at 1 GiB of memory (for
    /// folders of files nobody has checked).
    #[arg(long)]
    isolate: bool,
    /// Read every file again, even those that have not changed since the last run.
    #[arg(long)]
    full: bool,
    /// Do not read pages that have no text layer with Tesseract (they are read by default
    /// when Tesseract is installed).
    #[arg(long)]
    no_ocr: bool,
    /// Refuse a file with more pages than this to read by OCR.
    #[arg(long, value_name = "N", default_value_t = casebook_indexer::ocr::MAX_OCR_PAGES)]
    max_ocr_pages: usize,
    /// Keep running, and index again whenever a file under PATHS changes.
    #[arg(long)]
    watch: bool,
    /// Give up on a file whose text takes longer than this to read, in seconds (with
    /// --isolate, its child process is killed 2 s later).
    #[arg(long, value_name = "SECS", default_value_t = 8.0, value_parser = parse_seconds)]
    time_limit: f64,
}

/// Runs `casebook index`: exits 2 when a file was skipped.
pub(super) fn run(
    args: IndexArgs,
    taxonomy: Option<&casebook::Taxonomy>,
) -> anyhow::Result<ExitCode> {
    let paths = if args.paths.is_empty() { vec![sample_corpus()] } else { args.paths };
    let time_limit = Duration::from_secs_f64(args.time_limit);
    let mut options = IndexOptions::new(&args.index, &paths);
    options.taxonomy = taxonomy.cloned();
    options.full = args.full;
    options.time_limit = time_limit;
    options.corrections_from = Some(super::corrections_in(&args.data));
    options.ocr = !args.no_ocr;
    options.max_ocr_pages = args.max_ocr_pages;
    if args.isolate {
        options.isolation = Some(casebook_indexer::Isolation {
            exe: std::env::current_exe().context("finding the casebook executable")?,
            limits: casebook_indexer::isolate::IsolationLimits::for_time_limit(time_limit),
        });
    }
    if args.watch {
        return watch(&options);
    }
    let report = index_with_progress(&options)?;
    Ok(if report.skipped.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(2) })
}

/// Indexes `paths` into `index` with the default options (`casebook serve`'s first start).
pub(super) fn index_paths(
    index: &Path,
    data: &Path,
    paths: Vec<PathBuf>,
    taxonomy: Option<&casebook::Taxonomy>,
) -> anyhow::Result<IndexReport> {
    let mut options = IndexOptions::new(index, &paths);
    options.taxonomy = taxonomy.cloned();
    options.corrections_from = Some(super::corrections_in(data));
    index_with_progress(&options)
}

/// How often plain progress lines are written at least (they are also written after the
/// first file, at every tenth of the files, and at the end).
const PROGRESS_EVERY: Duration = Duration::from_secs(5);

/// How long the folder must be quiet after a change before it is indexed again.
const WATCH_DEBOUNCE: Duration = Duration::from_secs(2);

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
    let started = Instant::now();
    let last_line = std::sync::Mutex::new(started);
    let shown = bar.clone();
    options.progress = Some(casebook_indexer::ProgressFn(std::sync::Arc::new(
        move |p: casebook_indexer::Progress| {
            let secs = started.elapsed().as_secs_f64().max(1e-3);
            let rate = p.pages_done as f64 / secs;
            let ocr = if p.ocr_pages_done > 0 {
                format!(
                    ", {} by OCR ({:.2} pages/s)",
                    p.ocr_pages_done,
                    p.ocr_pages_done as f64 / secs
                )
            } else {
                String::new()
            };
            match &shown {
                Some(bar) => {
                    bar.set_length(p.files_total as u64);
                    bar.set_position(p.files_done as u64);
                    bar.set_message(format!("{} pages{ocr}, {rate:.0} pages/s", p.pages_done));
                }
                None => {
                    let mut last = last_line.lock().unwrap_or_else(|e| e.into_inner());
                    let tenth = |n: usize| n * 10 / p.files_total.max(1);
                    let milestone = p.files_done == 1
                        || p.files_done == p.files_total
                        || tenth(p.files_done) > tenth(p.files_done - 1);
                    if milestone || last.elapsed() >= PROGRESS_EVERY {
                        *last = Instant::now();
                        let left = p.files_total - p.files_done;
                        let eta = secs / p.files_done.max(1) as f64 * left as f64;
                        eprintln!(
                            "indexing: {}/{} files, {} pages{ocr}, {rate:.0} pages/s, ETA {eta:.0} s",
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
    // Files skipped for want of Tesseract are named one by one, and the remedy said once.
    let hint = casebook_indexer::ocr::INSTALL_HINT;
    let mut n_need_ocr = 0;
    for problem in &report.skipped {
        let reason = match problem.reason.strip_suffix(hint) {
            Some(rest) => {
                n_need_ocr += 1;
                rest.trim_end_matches([' ', ':'])
            }
            None => problem.reason.as_str(),
        };
        let _ = writeln!(err, "skipped: {}: {reason}", problem.path.display());
    }
    if n_need_ocr > 0 {
        let _ = writeln!(
            err,
            "{n_need_ocr} {} no text layer and Tesseract is not installed: {hint}",
            if n_need_ocr == 1 { "file has" } else { "files have" }
        );
    }
    let secs = report.elapsed.as_secs_f64();
    if report.n_duplicates > 0 {
        let _ = writeln!(
            err,
            "{} {} another version of a review in the index (an executive summary, a copy): \
             searchable, counted once with it",
            report.n_duplicates,
            if report.n_duplicates == 1 { "file is" } else { "files are" },
        );
    }
    let _ = writeln!(
        err,
        "indexed {} new or changed of {} files ({} pages{}, {:.0} pages/s); {} unchanged, {} removed, \
         {} skipped; {:.1} s; {}",
        report.n_indexed,
        report.n_found,
        report.n_pages,
        if report.n_ocr_pages > 0 {
            format!(", {} read from scans", report.n_ocr_pages)
        } else {
            String::new()
        },
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

/// `casebook index --watch`: indexes, then again after each burst of changes, until stopped.
fn watch(options: &IndexOptions) -> anyhow::Result<ExitCode> {
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
