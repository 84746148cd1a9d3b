//! Robustness on `../shared/pdf-corpus/hostile/`: fuzz files, broken xrefs, truncations,
//! encryption, a 2,400-page file. Every file must end extracted or refused with a reason, in
//! bounded time, and an indexing run over the folder must account for every file.
//!
//! The corpus lives outside the repository; where it is missing the tests say so and pass.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use casebook_indexer::extract::{ExtractError, PdfError, extract_pdf};
use casebook_indexer::{IndexOptions, run};

/// The most any one file may take, as for isolated extraction.
const LIMIT: Duration = Duration::from_secs(10);

/// The hostile PDFs of `../shared/pdf-corpus/`, which the tests need beside the project.
fn hostile_corpus() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/pdf-corpus/hostile");
    assert!(dir.is_dir(), "{}: not found; clone ../shared beside the project", dir.display());
    dir
}

fn pdfs(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("hostile corpus is readable")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")))
        .collect();
    files.sort();
    files
}

/// A short name for an outcome, to count them by.
fn outcome(result: &Result<casebook_indexer::extract::Extracted, ExtractError>) -> &'static str {
    match result {
        Ok(_) => "extracted",
        Err(ExtractError::Pdf(PdfError::NeedsPassword)) => "needs password",
        Err(ExtractError::Pdf(PdfError::Malformed(_))) => "malformed",
        Err(ExtractError::Pdf(PdfError::NoTextLayer)) => "no text layer",
        Err(ExtractError::Pdf(PdfError::TimedOut)) => "timed out",
        Err(ExtractError::Pdf(PdfError::Io(_))) => "unreadable",
        Err(_) => "child process failure",
    }
}

fn name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

#[test]
fn every_hostile_file_is_extracted_or_refused_with_a_reason_in_time() {
    let dir = hostile_corpus();
    let files = pdfs(&dir);
    assert!(files.len() > 100, "only {} files in {}", files.len(), dir.display());
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut times = Vec::new();
    let mut problems = Vec::new();
    for path in &files {
        let started = Instant::now();
        let result = extract_pdf(path);
        let elapsed = started.elapsed();
        *counts.entry(outcome(&result)).or_default() += 1;
        if let Err(err) = &result
            && err.to_string().trim().is_empty()
        {
            problems.push(format!("{}: error with an empty message ({err:?})", name(path)));
        }
        if elapsed > LIMIT {
            problems.push(format!("{}: took {:.1} s", name(path), elapsed.as_secs_f64()));
        }
        times.push((elapsed, name(path), outcome(&result)));
    }
    times.sort_by_key(|t| std::cmp::Reverse(t.0));
    eprintln!("hostile corpus, in process: {} files, {counts:?}", files.len());
    for (elapsed, file, outcome) in times.iter().take(3) {
        eprintln!("  slow: {file}: {:.2} s ({outcome})", elapsed.as_secs_f64());
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn indexing_the_hostile_folder_indexes_or_skips_every_file() {
    let dir = hostile_corpus();
    // 16 veraPDF file names agree in their first 100 characters: their review ids must still
    // differ (a regression: `discover` used to loop forever on them).
    let tmp = tempfile::tempdir().expect("temporary folder");
    let files = pdfs(&dir);
    let report = run(&IndexOptions::new(&tmp.path().join("index"), &[dir]))
        .expect("the run completes and indexes something");
    eprintln!(
        "hostile corpus, indexed: {} found, {} indexed ({} pages), {} skipped, {} warnings, {:.1} s",
        report.n_found,
        report.n_indexed,
        report.n_pages,
        report.skipped.len(),
        report.warnings.len(),
        report.elapsed.as_secs_f64()
    );
    assert_eq!(report.n_found, files.len());
    assert_eq!(report.n_indexed + report.skipped.len(), report.n_found);
    for problem in &report.skipped {
        let file = name(&problem.path);
        assert!(!problem.reason.trim().is_empty(), "{file}: skipped without a reason");
    }
}
