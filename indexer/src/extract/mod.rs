//! Text extraction: the one place that turns a file into pages of text.
//!
//! Everything else in the indexer sees [`Extracted`] and [`PageText`], so the extractor behind
//! [`extract_pdf`] can be replaced without touching the pipeline. The extractor itself is our
//! own geometry-aware one on lopdf ([`pdf`]); [`crate::isolate`] runs it in a child process for files
//! that might crash or exhaust the process.

pub mod pdf;

use std::path::Path;
use std::time::Duration;

pub use pdf::{Cell, Line, PdfError, PdfInfo, PdfOptions};

/// The text of a PDF, page by page, with its metadata and the warnings met on the way.
pub type Extracted = pdf::PdfText;

/// The text of one page: header, body, footer, printed label and lines with their fonts.
pub type PageText = pdf::Page;

/// Why a file yielded no text, in this process or in a child process.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// The extractor read the file and gave up on it.
    #[error(transparent)]
    Pdf(#[from] PdfError),
    /// The child process ran past its wall-clock limit and was killed.
    #[error("timed out after {} s; extractor killed", .0.as_secs_f32())]
    Killed(Duration),
    /// The child process ended without a result: a signal (abort, segfault, out of memory) or
    /// an exit code other than 0.
    #[error("extractor crashed ({0})")]
    Crashed(String),
    /// The child process could not be started or waited for.
    #[error("cannot run the extractor: {0}")]
    Spawn(#[source] std::io::Error),
    /// The child process exited normally but its output is not a result.
    #[error("extractor output unreadable: {0}")]
    Protocol(String),
}

/// Extracts the text of the PDF at `path` with the default limits.
pub fn extract_pdf(path: &Path) -> Result<Extracted, ExtractError> {
    extract_pdf_within(path, PdfOptions::default().time_limit)
}

/// Extracts the text of the PDF at `path`, giving up after `time_limit`.
pub fn extract_pdf_within(path: &Path, time_limit: Duration) -> Result<Extracted, ExtractError> {
    Ok(pdf::extract_file(path, &PdfOptions { time_limit, ..PdfOptions::default() })?)
}
