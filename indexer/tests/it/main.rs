//! Integration tests of the indexer on the sample corpus and on real PDFs.

mod duplicates;
mod fuzz;
mod gold;
mod hostile;
mod incremental;
mod layouts;
mod metadata;
mod scan_writer;
mod scans;
