//! Integration tests of the web layer, with a real index built from the sample corpus.
//!
//! All tests live in one binary so that the corpus is indexed once (see `support`).

mod accessibility;
mod api;
mod board_site;
mod browser;
mod cli;
mod crash;
mod curation;
mod duplicates;
mod e2e;
mod escaping;
mod evidence;
mod fetch;
mod hostile;
mod packs;
mod pages;
mod requests;
mod support;
mod themes;
