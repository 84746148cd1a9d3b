//! Isolated extraction (`casebook extract-one` in a child process) over
//! `../shared/pdf-corpus/hostile/`: every file ends extracted or refused with a reason within
//! the timeout, with the same outcome as in-process extraction, and a child that exceeds its
//! memory limit is reported as a crash rather than taking the caller down.
//!
//! These tests live here, not in the indexer, because they need the `casebook` binary.
//! The corpus lives outside the repository; where it is missing the tests say so and pass.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use casebook_indexer::extract::{ExtractError, Extracted, PdfError, extract_pdf};
use casebook_indexer::isolate::{IsolationLimits, extract_isolated};

/// Time allowed on top of the child's timeout for starting it and reaping it.
const GRACE: Duration = Duration::from_secs(1);

fn exe() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_casebook"))
}

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

fn name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// The outcome in a form that both ways of extracting should agree on.
fn summary(result: &Result<Extracted, ExtractError>) -> String {
    match result {
        Ok(text) => {
            let n_words: usize = text.pages.iter().map(|p| p.body.split_whitespace().count()).sum();
            format!("{} pages, {n_words} body words", text.pages.len())
        }
        Err(err) => err.to_string(),
    }
}

fn is_timeout(result: &Result<Extracted, ExtractError>) -> bool {
    matches!(result, Err(ExtractError::Pdf(PdfError::TimedOut) | ExtractError::Killed(_)))
}

#[test]
fn every_hostile_file_is_extracted_or_refused_in_a_child_process_in_time() {
    let dir = hostile_corpus();
    let files = pdfs(&dir);
    let limits = IsolationLimits::default();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut slowest = (Duration::ZERO, String::new());
    let mut problems = Vec::new();
    for path in &files {
        let started = Instant::now();
        let isolated = extract_isolated(exe(), path, &limits);
        let elapsed = started.elapsed();
        let key = match &isolated {
            Ok(_) => "extracted".to_string(),
            Err(err) => err.to_string().split(':').next().unwrap_or_default().to_string(),
        };
        *counts.entry(key).or_default() += 1;
        if elapsed > slowest.0 {
            slowest = (elapsed, name(path));
        }
        if elapsed > limits.timeout + GRACE {
            problems.push(format!("{}: took {:.1} s", name(path), elapsed.as_secs_f64()));
        }
        if let Err(err) = &isolated {
            if err.to_string().trim().is_empty() {
                problems.push(format!("{}: error with an empty message ({err:?})", name(path)));
            }
            if matches!(err, ExtractError::Crashed(_) | ExtractError::Protocol(_)) {
                problems.push(format!("{}: {err}", name(path)));
            }
        }
        // The child must give exactly what the caller would have got in process.
        let in_process = extract_pdf(path);
        if !is_timeout(&isolated)
            && !is_timeout(&in_process)
            && summary(&isolated) != summary(&in_process)
        {
            problems.push(format!(
                "{}: isolated {:?} but in process {:?}",
                name(path),
                summary(&isolated),
                summary(&in_process)
            ));
        }
    }
    eprintln!("hostile corpus, isolated: {} files, {counts:?}", files.len());
    eprintln!("  slowest: {}: {:.2} s", slowest.1, slowest.0.as_secs_f64());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn child_over_its_memory_limit_is_reported_as_a_crash() {
    let dir = hostile_corpus();
    let largest = dir.join("derived__SafeCommunication_x40_2400pages.pdf");
    let limits = IsolationLimits { max_memory_bytes: Some(48 << 20), ..IsolationLimits::default() };
    let result = extract_isolated(exe(), &largest, &limits);
    match result {
        Err(ExtractError::Crashed(reason)) => {
            eprintln!("over the memory limit: extractor crashed ({reason})");
            assert!(reason.starts_with("signal 6: memory allocation of"), "{reason}");
        }
        other => panic!("expected a crash, got {:?}", summary(&other)),
    }
}
