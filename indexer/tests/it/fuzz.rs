//! Every input that ever crashed, hung or slowed a reader of untrusted files (`fuzz/`,
//! `indexer/tests/fuzz/`), replayed through the same reader: it must now give a result or a
//! refusal, without a panic and in bounded time.

use std::path::{Path, PathBuf};

use casebook_indexer::extract::PdfOptions;
use casebook_indexer::extract::pdf::extract_bytes;
use std::time::{Duration, Instant};

use casebook_indexer::listing::{listing_refusal, parse_listing};

fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz").join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_none_or(|e| e != "md"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{}: no inputs", dir.display());
    files
}

#[test]
fn listing_inputs_found_by_the_fuzzer_parse() {
    for path in inputs("listing") {
        let bytes = std::fs::read(&path).unwrap();
        let html = String::from_utf8_lossy(&bytes);
        let started = Instant::now();
        let refused = listing_refusal(&html).is_some();
        let listing = parse_listing(&html);
        let name = path.file_name().unwrap().to_string_lossy();
        assert!(!refused || listing.entries.is_empty(), "{name}: refused, yet read");
        assert!(listing.entries.iter().all(|e| !e.url.is_empty()), "{name}");
        assert!(started.elapsed() < Duration::from_secs(5), "{name}: {:?}", started.elapsed());
    }
}

thread_local! {
    /// Panics on this thread, counted by the hook that `count_panics` installs.
    static PANICS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Counts every panic per thread, including those the extractor catches, then reports it as
/// before. The hook is the process's; the count is the panicking thread's own.
fn count_panics() {
    static INSTALL: std::sync::Once = std::sync::Once::new();
    INSTALL.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            PANICS.with(|n| n.set(n.get() + 1));
            previous(info)
        }));
    });
}

#[test]
fn pdf_inputs_found_by_the_fuzzer_extract_or_fail_cleanly() {
    count_panics();
    let opts = PdfOptions::default();
    for path in inputs("pdf") {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy();
        let started = Instant::now();
        let before = PANICS.with(|n| n.get());
        // The extractor catches a panic in a page and leaves the page empty: that is a
        // failure here too, whatever the result.
        let _ = extract_bytes(&bytes, &opts);
        assert_eq!(PANICS.with(|n| n.get()), before, "{name}: the extractor panicked");
        let elapsed = started.elapsed();
        assert!(elapsed < opts.time_limit + Duration::from_secs(2), "{name}: {elapsed:?}");
    }
}
