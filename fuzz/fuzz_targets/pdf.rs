//! The PDF extractor on arbitrary bytes: it must return text or an error, never panic (the
//! fuzzer's panic hook aborts even on the panics the extractor catches per page), and keep to
//! its time limit.
#![no_main]

use std::time::Duration;

use casebook_indexer::extract::PdfOptions;
use casebook_indexer::extract::pdf::extract_bytes;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Smaller limits than the defaults keep each run short; the code paths are the same.
    let opts = PdfOptions {
        max_ops_per_page: 100_000,
        max_stream_bytes: 8 << 20,
        time_limit: Duration::from_secs(2),
        ..PdfOptions::default()
    };
    let _ = extract_bytes(data, &opts);
});
