//! Integration tests of the web layer, with a real index built from the sample corpus.
//!
//! All tests live in one binary so that the corpus is indexed once (see `support`).

mod api;
mod browser;
mod e2e;
mod hostile;
mod packs;
mod pages;
mod support;
mod themes;
