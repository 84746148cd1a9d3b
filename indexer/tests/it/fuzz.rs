//! Every input that ever crashed, hung or slowed a reader of untrusted files (`fuzz/`,
//! `indexer/tests/fuzz/`), replayed through the same reader: it must now give a result or a
//! refusal, without a panic and in bounded time. No PDF input has been found yet: when one
//! is, a test replays `indexer/tests/fuzz/pdf/` through `extract_bytes` here.

use std::path::{Path, PathBuf};

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
