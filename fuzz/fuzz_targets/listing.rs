//! The board listing reader on arbitrary bytes, decoded as `read_listing` decodes a file.
#![no_main]

use casebook_indexer::listing::parse_listing;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let listing = parse_listing(&String::from_utf8_lossy(data));
    // Every entry points at a PDF: that is what the reader is for.
    for entry in &listing.entries {
        assert!(!entry.url.is_empty(), "an entry without a URL");
    }
});
